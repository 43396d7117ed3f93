//! Endpoints that talk to registries: pull (`/images/create?fromImage=`), push, search,
//! `/distribution/{name}/json` and `/auth`, with credentials from `X-Registry-Auth`. As Docker
//! does, registries on the loopback interface are insecure by default.

use super::progress::{self, Msg, PullSink, PushSink};
use crate::http::{channel_body, ok_json, ApiError, Req, Response, Result};
use crate::server::State;
use base64::Engine as _;
use bytes::Bytes;
use hutch_engine::auth::{AuthOptions, Credentials};
use hutch_engine::login::{self, LoginError};
use hutch_engine::pull::PullOptions;
use hutch_engine::push::PushOptions;
use hutch_engine::reference::{familiar, Name};
use hutch_engine::search::SearchOptions;
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::{HeaderMap, StatusCode};
use serde_json::json;
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// Docker's `AuthConfig`, as `X-Registry-Auth` (base64url JSON) and `/auth` carry it.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct AuthConfig {
    username: String,
    password: String,
    /// base64 of `user:password`, as in a config.json entry.
    auth: String,
    serveraddress: String,
    identitytoken: String,
}

impl AuthConfig {
    fn credentials(&self) -> Option<Credentials> {
        if !self.username.is_empty() {
            return Some(Credentials {
                username: self.username.clone(),
                password: self.password.clone(),
            });
        }
        let raw = decode_base64(&self.auth)?;
        let text = String::from_utf8(raw).ok()?;
        let (u, p) = text.split_once(':')?;
        (!u.is_empty()).then(|| Credentials {
            username: u.to_string(),
            password: p.to_string(),
        })
    }
}

fn decode_base64(s: &str) -> Option<Vec<u8>> {
    use base64::engine::general_purpose::{STANDARD, URL_SAFE, URL_SAFE_NO_PAD};
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    URL_SAFE
        .decode(s)
        .or_else(|_| URL_SAFE_NO_PAD.decode(s))
        .or_else(|_| STANDARD.decode(s))
        .ok()
}

/// The credentials `X-Registry-Auth` carries; without the header (or with an empty one) the
/// engine looks in the user's auth files, as podman's service does.
pub fn registry_auth(headers: &HeaderMap) -> Result<AuthOptions> {
    let Some(v) = headers.get("X-Registry-Auth") else {
        return Ok(AuthOptions::default());
    };
    let text = v.to_str().unwrap_or_default().trim();
    if text.is_empty() {
        return Ok(AuthOptions::default());
    }
    let bad = |why: &str| ApiError::bad_request(format!("invalid X-Registry-Auth header: {why}"));
    let raw = decode_base64(text).ok_or_else(|| bad("not base64url"))?;
    let cfg: AuthConfig = if raw.iter().all(u8::is_ascii_whitespace) {
        AuthConfig::default()
    } else {
        serde_json::from_slice(&raw).map_err(|e| bad(&format!("not an auth config: {e}")))?
    };
    match cfg.credentials() {
        Some(c) => Ok(AuthOptions {
            creds: Some(format!("{}:{}", c.username, c.password)),
            authfile: None,
        }),
        None => {
            if !cfg.identitytoken.is_empty() {
                tracing::warn!(
                    "X-Registry-Auth: identity tokens are not supported; using the stored credentials"
                );
            }
            Ok(AuthOptions::default())
        }
    }
}

/// `fromImage` with `tag` (a tag, or a digest) as Docker joins them; no tag means `latest`.
fn pull_reference(from: &str, tag: &str) -> String {
    if tag.is_empty() {
        from.to_string()
    } else if tag.contains(':') {
        format!("{from}@{tag}")
    } else {
        format!("{from}:{tag}")
    }
}

/// A streamed JSON response fed from `rx` after the lines already in `first`. When the client
/// goes away, `cancel` drops, which interrupts the operation that feeds it.
fn stream(
    first: Vec<Bytes>,
    mut rx: mpsc::UnboundedReceiver<Msg>,
    cancel: Option<oneshot::Sender<()>>,
) -> Response {
    let (tx, body_rx) = mpsc::channel::<std::io::Result<Bytes>>(32);
    tokio::spawn(async move {
        let _cancel = cancel;
        for b in first {
            if tx.send(Ok(b)).await.is_err() {
                return;
            }
        }
        while let Some(m) = rx.recv().await {
            if let Msg::Line(b) = m {
                if tx.send(Ok(b)).await.is_err() {
                    return;
                }
            }
        }
    });
    let mut r = hyper::Response::new(channel_body(body_rx));
    r.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    r
}

/// `POST /images/create?fromImage=&tag=&platform=`: a pull, streamed as Docker's progress.
pub async fn pull(st: &Arc<State>, req: &mut Req) -> Result<Response> {
    let from = req
        .q("fromImage")
        .filter(|s| !s.is_empty())
        .ok_or_else(|| ApiError::bad_request("fromImage or fromSrc is required"))?;
    // Docker strips the trailing `:` some clients send with `pull -a`.
    let from = from.strip_suffix(':').unwrap_or(from);
    let reference = pull_reference(from, req.q("tag").unwrap_or(""));
    let parsed = Name::parse(&reference)?;
    // A name without tag or digest is `pull --all-tags`, as in Docker.
    let all_tags = parsed.tag.is_none() && parsed.digest.is_none();
    let opts = PullOptions {
        platform: req
            .q("platform")
            .filter(|p| !p.is_empty())
            .map(String::from),
        auth: registry_auth(&req.headers)?,
        insecure_loopback: true,
        ..Default::default()
    };
    let (utx, mut urx) = mpsc::unbounded_channel();
    let (cancel, cancelled) = oneshot::channel::<()>();
    let eng = st.engine.clone();
    let task = tokio::task::spawn_blocking(move || -> Result<()> {
        let sink = PullSink::new(utx);
        let interrupted = async {
            let _ = cancelled.await;
        };
        let pulled = if all_tags {
            eng.pull_all_tags(&reference, &opts, &sink, interrupted)
        } else {
            eng.pull(&reference, &opts, &sink, interrupted)
                .map(|p| vec![p])
        };
        match pulled {
            Ok(pulled) => {
                for p in &pulled {
                    sink.send(progress::status(&format!("Digest: {}", p.digest)));
                }
                let name = match pulled.as_slice() {
                    [one] if !all_tags => familiar(&one.name).to_string(),
                    _ => familiar(&reference).to_string(),
                };
                let fresh = pulled.iter().any(|p| p.previous.as_deref() != Some(&p.id));
                sink.send(progress::status(&if fresh {
                    format!("Status: Downloaded newer image for {name}")
                } else {
                    format!("Status: Image is up to date for {name}")
                }));
                Ok(())
            }
            Err(e) if sink.started() => {
                sink.send(progress::error(&e.to_string()));
                Ok(())
            }
            Err(e) => Err(e.into()),
        }
    });
    // Until the image is found, a failure is still an HTTP error (404 for a missing image).
    let mut first = Vec::new();
    loop {
        match urx.recv().await {
            Some(Msg::Line(b)) => first.push(b),
            Some(Msg::Started) => break,
            None => {
                task.await
                    .map_err(|e| ApiError::internal(format!("pull task failed: {e}")))??;
                break;
            }
        }
    }
    Ok(stream(first, urx, Some(cancel)))
}

/// `POST /images/{name}/push?tag=`; without a tag (`push --all-tags`), every local tag of
/// the repository, one after the other.
pub async fn push(st: &Arc<State>, req: &mut Req, name: &str) -> Result<Response> {
    let db = st.engine.db();
    let not_found =
        |r: &str| ApiError::not_found(format!("An image does not exist locally with the tag: {r}"));
    let tagged = Name::parse(name).is_ok_and(|n| n.tag.is_some() || n.digest.is_some());
    let names: Vec<String> = match req.q("tag").filter(|t| !t.is_empty()) {
        Some(t) => vec![format!("{name}:{t}")],
        None if tagged => vec![name.to_string()],
        None => hutch_engine::images::names_in_repo(db, name)?,
    };
    let mut targets = Vec::new();
    for n in &names {
        match hutch_engine::images::lookup(db, n) {
            Ok(f) => targets.push(f.by_name.unwrap_or_else(|| n.clone())),
            Err(hutch_engine::EngineError::ImageNotKnown { .. }) => return Err(not_found(n)),
            Err(e) => return Err(e.into()),
        }
    }
    let Some(first_target) = targets.first() else {
        return Err(not_found(name));
    };
    let opts = PushOptions {
        auth: registry_auth(&req.headers)?,
        insecure_loopback: true,
        ..Default::default()
    };
    let (repo, _) = hutch_engine::images::split_name(first_target);
    let first = vec![progress::status(&format!(
        "The push refers to repository [{}]",
        familiar(repo)
    ))];
    let (utx, urx) = mpsc::unbounded_channel();
    let (cancel, mut cancelled) = oneshot::channel::<()>();
    let paths = st.engine.paths().clone();
    tokio::spawn(async move {
        let sink = PushSink::new(utx);
        for target in targets {
            let r = tokio::select! {
                r = hutch_engine::push::push(&paths, &target, None, &opts, &sink) => r,
                _ = &mut cancelled => return,
            };
            match r {
                Ok(p) => {
                    let tag = hutch_engine::push::destination(&target)
                        .ok()
                        .and_then(|d| d.tag)
                        .unwrap_or_else(|| "latest".into());
                    let size = p.manifest.len();
                    sink.send(progress::status(&format!(
                        "{tag}: digest: {} size: {size}",
                        p.digest
                    )));
                    sink.send(progress::line(&json!({
                        "progressDetail": {},
                        "aux": {"Tag": tag, "Digest": p.digest.to_string(), "Size": size},
                    })));
                }
                Err(e) => {
                    sink.send(progress::error(&e.to_string()));
                    return;
                }
            }
        }
    });
    Ok(stream(first, urx, Some(cancel)))
}

/// `GET /images/search?term=&limit=`: the registry's catalog.
pub async fn search(st: &Arc<State>, req: &mut Req) -> Result<Response> {
    let term = req
        .q("term")
        .filter(|t| !t.is_empty())
        .ok_or_else(|| ApiError::bad_request("term is required"))?
        .to_string();
    let opts = SearchOptions {
        auth: registry_auth(&req.headers)?,
        limit: req.q_int::<usize>("limit")?.filter(|l| *l > 0),
        insecure_loopback: true,
        ..Default::default()
    };
    let keep = hutch_engine::search::filters_accept(&req.filters()?)
        .map_err(hutch_engine::EngineError::from)?;
    let paths = st.engine.paths().clone();
    let hits =
        tokio::spawn(async move { hutch_engine::search::search(&paths, &term, &opts).await })
            .await
            .map_err(|e| ApiError::internal(format!("search task failed: {e}")))??;
    let out: Vec<_> = hits
        .iter()
        .filter(|_| keep)
        .map(|h| {
            json!({
                "name": h.name,
                "description": "",
                "star_count": 0,
                "is_official": false,
                "is_automated": false,
            })
        })
        .collect();
    ok_json(&out)
}

/// `GET /distribution/{name}/json`: the image's descriptor and platforms on its registry.
pub async fn distribution(st: &Arc<State>, req: &mut Req, name: &str) -> Result<Response> {
    Name::parse(name)?;
    let opts = PullOptions {
        auth: registry_auth(&req.headers)?,
        insecure_loopback: true,
        ..Default::default()
    };
    let paths = st.engine.paths().clone();
    let name = name.to_string();
    // The engine's candidate loop is not `Send`: drive it on a blocking thread of its own.
    let remote = crate::http::blocking(move || {
        let rt = tokio::runtime::Handle::current();
        Ok(rt.block_on(hutch_engine::pull::describe::describe(&paths, &name, &opts))?)
    })
    .await?;
    let platforms: Vec<_> = remote
        .platforms
        .iter()
        .map(|p| {
            let mut v = json!({
                "architecture": p.architecture().to_string(),
                "os": p.os().to_string(),
            });
            if let Some(var) = p.variant().as_deref().filter(|v| !v.is_empty()) {
                v["variant"] = json!(var);
            }
            if let Some(osv) = p.os_version().as_deref().filter(|v| !v.is_empty()) {
                v["os.version"] = json!(osv);
            }
            v
        })
        .collect();
    ok_json(&json!({
        "Descriptor": {
            "mediaType": remote.media_type,
            "digest": remote.digest.to_string(),
            "size": remote.size,
        },
        "Platforms": platforms,
    }))
}

/// `POST /auth`: checks the credentials against the registry (nothing is stored: the client
/// keeps them, as with Docker).
pub async fn auth(st: &Arc<State>, req: &mut Req) -> Result<Response> {
    let cfg: AuthConfig = req.json().await?;
    let creds = cfg.credentials().ok_or_else(|| {
        if cfg.identitytoken.is_empty() {
            ApiError::bad_request("a username and password are required")
        } else {
            ApiError::bad_request(
                "identity tokens are not supported: log in with a username and password",
            )
        }
    })?;
    let server = if cfg.serveraddress.is_empty() {
        "docker.io"
    } else {
        cfg.serveraddress.as_str()
    };
    let key = login::auth_key(server).map_err(|e| ApiError::bad_request(e.to_string()))?;
    let paths = st.engine.paths().clone();
    let checked =
        tokio::spawn(async move { login::check(&paths, &key, None, true, None, &creds).await })
            .await
            .map_err(|e| ApiError::internal(format!("login task failed: {e}")))?;
    match checked {
        Ok(()) => ok_json(&json!({"Status": "Login Succeeded", "IdentityToken": ""})),
        Err(e @ LoginError::Rejected { .. }) => {
            Err(ApiError::new(StatusCode::UNAUTHORIZED, e.to_string()))
        }
        Err(e @ LoginError::BadRegistry { .. }) => Err(ApiError::bad_request(e.to_string())),
        Err(e) => Err(ApiError::internal(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_auth_header() {
        let mut h = HeaderMap::new();
        assert!(registry_auth(&h).unwrap().creds.is_none());
        let enc = base64::engine::general_purpose::URL_SAFE
            .encode(r#"{"username":"u","password":"p:w","serveraddress":"x"}"#);
        h.insert("X-Registry-Auth", enc.parse().unwrap());
        assert_eq!(registry_auth(&h).unwrap().creds.as_deref(), Some("u:p:w"));
        h.insert("X-Registry-Auth", "e30=".parse().unwrap());
        assert!(registry_auth(&h).unwrap().creds.is_none());
        h.insert("X-Registry-Auth", "!!".parse().unwrap());
        assert_eq!(
            registry_auth(&h).unwrap_err().status,
            StatusCode::BAD_REQUEST
        );
        assert_eq!(pull_reference("busybox", "1.36"), "busybox:1.36");
        assert_eq!(pull_reference("a/b", "sha256:00"), "a/b@sha256:00");
    }
}
