//! System endpoints: `/_ping`, `/version`, `/info`, `/events`, `/system/df`, `/auth`.

use crate::http::{empty, full, ok_json, Req, Response, Result};
use crate::router::{allow, not_found};
use crate::server::State;
use hyper::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE};
use hyper::{Method, StatusCode};
use serde_json::json;
use std::sync::Arc;

pub async fn route(st: &Arc<State>, req: &mut Req, segs: &[String]) -> Result<Response> {
    let p: Vec<&str> = segs.iter().map(String::as_str).collect();
    match p.as_slice() {
        ["_ping"] => {
            allow(req, &[Method::GET, Method::HEAD])?;
            Ok(ping(req))
        }
        ["version"] => {
            allow(req, &[Method::GET])?;
            version(st)
        }
        _ => Err(not_found()),
    }
}

fn ping(req: &Req) -> Response {
    let mut r = if req.method == Method::HEAD {
        empty(StatusCode::OK)
    } else {
        hyper::Response::new(full("OK"))
    };
    let h = r.headers_mut();
    h.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    h.insert(
        CACHE_CONTROL,
        HeaderValue::from_static("no-cache, no-store, must-revalidate"),
    );
    h.insert("Pragma", HeaderValue::from_static("no-cache"));
    // The classic builder: the docker CLI then posts to /build instead of starting a BuildKit session.
    h.insert("Builder-Version", HeaderValue::from_static("1"));
    r
}

fn version(_st: &Arc<State>) -> Result<Response> {
    let kernel = hutch_engine::host::kernel();
    let version = env!("CARGO_PKG_VERSION");
    ok_json(&json!({
        "Platform": {"Name": "hutch"},
        "Components": [{
            "Name": "Engine",
            "Version": version,
            "Details": {
                "ApiVersion": crate::API_VERSION,
                "Arch": go_arch(),
                "BuildTime": "",
                "Experimental": "false",
                "GitCommit": "",
                "GoVersion": "",
                "KernelVersion": kernel,
                "MinAPIVersion": crate::MIN_API_VERSION,
                "Os": "linux",
            }
        }],
        "Version": version,
        "ApiVersion": crate::API_VERSION,
        "MinAPIVersion": crate::MIN_API_VERSION,
        "GitCommit": "",
        "GoVersion": "",
        "Os": "linux",
        "Arch": go_arch(),
        "KernelVersion": kernel,
        "BuildTime": "",
    }))
}

/// The architecture as Docker (Go) names it.
pub fn go_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        "powerpc64" => "ppc64le",
        other => other,
    }
}
