//! From a request to its handler: strips and checks the `/vX.Y` prefix, decodes the path, picks
//! the resource module by the first segment, and adds the headers every answer carries.

use crate::http::{parse_version, ApiError, Req, Response, Result};
use crate::server::State;
use crate::{containers, exec, images, networks, system, volumes};
use hyper::body::Incoming;
use hyper::header::HeaderValue;
use hyper::{Method, StatusCode};
use std::convert::Infallible;
use std::sync::Arc;

pub async fn handle(
    st: Arc<State>,
    req: hyper::Request<Incoming>,
) -> std::result::Result<Response, Infallible> {
    let mut resp = match parse(req) {
        Ok(mut r) => {
            tracing::debug!("{} /{}", r.method, r.segs.join("/"));
            match route(&st, &mut r).await {
                Ok(resp) => resp,
                Err(e) => e.response(),
            }
        }
        Err(e) => e.response(),
    };
    let h = resp.headers_mut();
    h.insert("Api-Version", HeaderValue::from_static(crate::API_VERSION));
    h.insert("Docker-Experimental", HeaderValue::from_static("false"));
    h.insert("Ostype", HeaderValue::from_static("linux"));
    h.insert(
        "Server",
        HeaderValue::from_static(concat!("hutch/", env!("CARGO_PKG_VERSION"), " (linux)")),
    );
    Ok(resp)
}

fn parse(req: hyper::Request<Incoming>) -> Result<Req> {
    let (parts, body) = req.into_parts();
    let path = parts.uri.path();
    let mut segs = Vec::new();
    for s in path.split('/').filter(|s| !s.is_empty()) {
        let decoded: String =
            form_urlencoded::parse(format!("x={}", s.replace('+', "%2B")).as_bytes())
                .next()
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default();
        segs.push(decoded);
    }
    let mut version = None;
    if let Some(first) = segs.first() {
        if let Some(v) = first.strip_prefix('v').and_then(parse_version) {
            let max = parse_version(crate::API_VERSION).unwrap_or((1, 47));
            let min = parse_version(crate::MIN_API_VERSION).unwrap_or((1, 24));
            if v > max {
                return Err(ApiError::bad_request(format!(
                    "client version {}.{} is too new. Maximum supported API version is {}",
                    v.0,
                    v.1,
                    crate::API_VERSION
                )));
            }
            if v < min {
                return Err(ApiError::bad_request(format!(
                    "client version {}.{} is too old. Minimum supported API version is {}, please upgrade your client to a newer version",
                    v.0,
                    v.1,
                    crate::MIN_API_VERSION
                )));
            }
            version = Some(v);
            segs.remove(0);
        }
    }
    let query = parts
        .uri
        .query()
        .map(|q| {
            form_urlencoded::parse(q.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect()
        })
        .unwrap_or_default();
    Ok(Req {
        method: parts.method,
        segs,
        query,
        version,
        headers: parts.headers,
        extensions: parts.extensions,
        body: Some(body),
    })
}

async fn route(st: &Arc<State>, req: &mut Req) -> Result<Response> {
    let segs = req.segs.clone();
    let first = segs.first().map(String::as_str).unwrap_or("");
    let rest = segs.get(1..).unwrap_or(&[]);
    match first {
        "_ping" | "version" | "info" | "events" | "system" => system::route(st, req, &segs).await,
        "containers" => containers::route(st, req, rest).await,
        "exec" => exec::route(st, req, rest).await,
        "images" | "build" | "distribution" | "commit" | "auth" => {
            images::route(st, req, &segs).await
        }
        "volumes" => volumes::route(st, req, rest).await,
        "networks" => networks::route(st, req, rest).await,
        _ => Err(not_found()),
    }
}

/// Docker's answer for a path it has no route for.
pub fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "page not found")
}

/// Refuses a method the route does not take.
pub fn allow(req: &Req, methods: &[Method]) -> Result<()> {
    if methods.contains(&req.method) {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            format!("method {} not allowed on this path", req.method),
        ))
    }
}
