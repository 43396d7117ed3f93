//! `POST /build`: Docker's classic builder protocol. The body is the build context as a tar
//! (plain, gzip or zstd), the query holds the options, and the answer is a JSON stream: the
//! steps and their output, the image ID as `{"aux":{"ID":...}}`, then the `Successfully built`
//! and `Successfully tagged` lines the docker CLI, docker-py and docker-compose read it from.

use super::progress::{self, Msg, PullSink};
use crate::http::{channel_body, parse_bool, ApiError, Req, Response, Result};
use crate::pipe::BodyReader;
use crate::server::State;
use bytes::Bytes;
use hutch_engine::build::context::{BuildContext, ContextError};
use hutch_engine::build::{BuildError, BuildEvent, BuildOptions, BuildSink, CacheLocation, Cancel};
use hutch_engine::container::PullPolicy;
use hutch_engine::reference::Name;
use hutch_engine::EngineError;
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::StatusCode;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc;

/// The query, decoded: what the engine gets, plus what only the handler needs.
struct Request {
    opts: BuildOptions,
    /// `dockerfile`: relative to the context; empty for Containerfile, then Dockerfile.
    dockerfile: String,
    /// `remote`: a git or HTTP(S) URL to take the context from instead of the body.
    remote: Option<String>,
    /// `q`: only the image ID, unless the build fails.
    quiet: bool,
    /// The tags as Docker reports them: as given, with `:latest` when they have no tag.
    shown_tags: Vec<String>,
}

/// `POST /build`.
pub async fn build(st: &Arc<State>, req: &mut Req) -> Result<Response> {
    let parsed = parse(req)?;
    enum Source {
        Body(BodyReader),
        Remote(String),
    }
    let source = match parsed.remote.clone() {
        Some(url) => Source::Remote(url),
        None => Source::Body(BodyReader::new(req.take_body()?)),
    };
    let dockerfile = parsed.dockerfile.clone();
    // The context is read in full before the build starts: its errors are the client's (400).
    let context = crate::http::blocking(move || {
        match source {
            Source::Body(body) => BuildContext::open_tar(body, &dockerfile),
            Source::Remote(url) => BuildContext::open_url(&url, &dockerfile),
        }
        .map_err(context_error)
    })
    .await?;

    let (utx, mut urx) = mpsc::unbounded_channel();
    let cancel = CancelOnDrop(Arc::new(
        Cancel::new().map_err(|e| ApiError::internal(format!("build: {e}")))?,
    ));
    let eng = st.engine.clone();
    let stop = cancel.0.clone();
    let task = tokio::task::spawn_blocking(move || -> Result<()> {
        let sink = StreamSink::new(utx, parsed.quiet);
        let mut opts = parsed.opts;
        opts.dockerfile_name = context_relative(&context);
        opts.dockerfile = context.dockerfile_text().map_err(context_error)?;
        match eng.build(&opts, &context, &sink, &stop) {
            Ok(built) => {
                let id = format!("sha256:{}", built.id.trim_start_matches("sha256:"));
                sink.send_now(progress::line(&json!({ "aux": { "ID": id } })));
                if parsed.quiet {
                    sink.send_now(stream_line(&format!("{id}\n")));
                } else {
                    let short: String = id["sha256:".len()..].chars().take(12).collect();
                    sink.send_now(stream_line(&format!("Successfully built {short}\n")));
                    // As the client named them (the engine qualifies short names).
                    for t in &parsed.shown_tags {
                        sink.send_now(stream_line(&format!("Successfully tagged {t}\n")));
                    }
                }
                Ok(())
            }
            // Until something was streamed, a failure is still an HTTP error.
            Err(e) if !sink.started() => Err(e.into()),
            Err(e) => {
                sink.release_held();
                sink.send_now(error_line(&e));
                Ok(())
            }
        }
    });
    let mut first = Vec::new();
    loop {
        match urx.recv().await {
            Some(Msg::Line(b)) => {
                first.push(b);
                break;
            }
            Some(Msg::Started) => {}
            None => {
                task.await
                    .map_err(|e| ApiError::internal(format!("build task failed: {e}")))??;
                break;
            }
        }
    }
    Ok(stream(first, urx, cancel))
}

/// Decodes the query (and the BuildKit marker) into the engine's options; anything it cannot
/// use is a 400 before the context is read.
fn parse(req: &Req) -> Result<Request> {
    if req.q("version") == Some("2") {
        return Err(ApiError::bad_request(
            "BuildKit builds (version=2) are not supported by hutch: use the classic builder \
             (set DOCKER_BUILDKIT=0 for the docker CLI, COMPOSE_DOCKER_CLI_BUILD=0 for \
             docker-compose)",
        ));
    }
    let q = |k: &str| req.q(k).filter(|v| !v.is_empty());
    let mut opts = BuildOptions::default();
    let mut shown_tags = Vec::new();
    for t in req.q_all("t").into_iter().filter(|t| !t.is_empty()) {
        let name = Name::parse(t).map_err(|e| ApiError::bad_request(e.to_string()))?;
        if name.digest.is_some() {
            return Err(ApiError::bad_request(format!(
                "invalid tag {t:?}: a build cannot be tagged with a digest"
            )));
        }
        opts.tags.push(t.to_string());
        shown_tags.push(match name.tag {
            Some(_) => t.to_string(),
            None => format!("{t}:latest"),
        });
    }
    opts.build_args = json_strings(req, "buildargs")?;
    opts.labels = json_strings(req, "labels")?.into_iter().collect();
    opts.target = q("target").map(String::from);
    opts.no_cache = req.q_bool("nocache", false)?;
    opts.squash = req.q_bool("squash", false)?;
    if let Some(p) = q("pull") {
        // Docker sends a boolean (`--pull`: always look for a newer image); podman's
        // service also takes its policy names.
        opts.pull = match parse_bool(p) {
            Some(true) => PullPolicy::Always,
            Some(false) => PullPolicy::Missing,
            None => p.parse().map_err(|_| {
                ApiError::bad_request(format!(
                    "invalid value {p:?} for query parameter pull: a boolean, or one of \
                     always, missing, never, newer"
                ))
            })?,
        };
    }
    opts.pull_options.auth = super::registry::registry_auth(&req.headers)?;
    opts.pull_options.insecure_loopback = true;
    opts.network = match q("networkmode") {
        None | Some("default") | Some("bridge") => None,
        Some(m) => hutch_engine::networks::mode::parse(&[m.to_string()])
            .map_err(|e| ApiError::bad_request(format!("networkmode: {e}")))?,
    };
    opts.platform = q("platform").map(String::from);
    opts.cache_from = cache_from(req)?;
    // Accepted and not needed: build containers are always removed (`rm`, `forcerm`), and
    // the resource limits and extra hosts of RUN containers are podman's defaults.
    // `X-Registry-Config` carries credentials per registry; base images are pulled with the
    // user's auth files.
    for k in ["extrahosts", "shmsize", "memory", "memswap", "cpushares"] {
        if let Some(v) = q(k) {
            tracing::debug!("build: ignoring {k}={v}");
        }
    }
    Ok(Request {
        opts,
        dockerfile: q("dockerfile").unwrap_or_default().to_string(),
        remote: q("remote").map(String::from),
        quiet: req.q_bool("q", false)?,
        shown_tags,
    })
}

/// `cachefrom`: a JSON array of cache locations, as `--cache-from` takes them (a registry
/// repository without a tag, or an OCI layout directory), read as podman's service reads it.
/// A tagged image, which Docker's classic builder would take as a cache source, is left to
/// the local layer cache that every build consults anyway.
fn cache_from(req: &Req) -> Result<Vec<CacheLocation>> {
    let Some(raw) = req.q("cachefrom").filter(|v| !v.is_empty()) else {
        return Ok(Vec::new());
    };
    let list: Vec<String> = serde_json::from_str(raw).map_err(|e| {
        ApiError::bad_request(format!(
            "invalid cachefrom {raw:?}: {e} (send a JSON array of strings)"
        ))
    })?;
    let mut out = Vec::new();
    for entry in list.iter().filter(|e| !e.is_empty()) {
        match CacheLocation::parse(entry) {
            Ok(loc) => out.push(loc),
            Err(e) => tracing::debug!("build: cachefrom {entry:?} is not a cache location: {e}"),
        }
    }
    Ok(out)
}

/// A query parameter holding a JSON object of strings (`buildargs`, `labels`); null values
/// (an argument named without a value) are left out, as Docker does.
fn json_strings(req: &Req, key: &str) -> Result<BTreeMap<String, String>> {
    let Some(raw) = req.q(key).filter(|v| !v.is_empty()) else {
        return Ok(BTreeMap::new());
    };
    let bad = |why: &str| {
        ApiError::bad_request(format!(
            "invalid {key} {raw:?}: {why} (send a JSON object of strings)"
        ))
    };
    let v: Value = serde_json::from_str(raw).map_err(|e| bad(&e.to_string()))?;
    let obj = v.as_object().ok_or_else(|| bad("not a JSON object"))?;
    let mut out = BTreeMap::new();
    for (k, v) in obj {
        match v {
            Value::String(s) => {
                out.insert(k.clone(), s.clone());
            }
            Value::Null => {}
            _ => return Err(bad(&format!("the value of {k} is not a string"))),
        }
    }
    Ok(out)
}

/// A context that cannot be read is the client's fault, unless our own disk failed.
fn context_error(e: ContextError) -> ApiError {
    match e {
        ContextError::Io { .. } => ApiError::internal(e.to_string()),
        _ => ApiError::bad_request(e.to_string()),
    }
}

/// The Dockerfile's path inside the context, as errors name it.
fn context_relative(ctx: &BuildContext) -> String {
    ctx.dockerfile_path()
        .ok()
        .and_then(|p| {
            p.strip_prefix(ctx.root())
                .ok()
                .map(|r| r.display().to_string())
        })
        .unwrap_or_else(|| "Dockerfile".into())
}

fn stream_line(text: &str) -> Bytes {
    progress::line(&json!({ "stream": text }))
}

/// Docker's in-stream error; a failed RUN also carries its exit code, which the docker CLI
/// exits with.
fn error_line(e: &EngineError) -> Bytes {
    let message = e.to_string();
    let mut detail = json!({ "message": message });
    if let EngineError::Build(b) = e {
        if let BuildError::RunFailed { code, .. } = &**b {
            detail["code"] = json!(code);
        }
    }
    progress::line(&json!({ "errorDetail": detail, "error": message }))
}

/// The build's events as Docker's classic builder writes them.
struct StreamSink {
    tx: mpsc::UnboundedSender<Msg>,
    pulls: PullSink,
    quiet: bool,
    started: AtomicBool,
    /// With `q`: the lines not sent, shown only when the build fails.
    held: Mutex<Vec<Bytes>>,
}

impl StreamSink {
    fn new(tx: mpsc::UnboundedSender<Msg>, quiet: bool) -> StreamSink {
        StreamSink {
            pulls: PullSink::new(tx.clone()),
            tx,
            quiet,
            started: AtomicBool::new(false),
            held: Mutex::new(Vec::new()),
        }
    }

    /// Whether anything reached (or is held for) the client.
    fn started(&self) -> bool {
        self.started.load(Ordering::SeqCst)
    }

    fn send_now(&self, b: Bytes) {
        self.started.store(true, Ordering::SeqCst);
        let _ = self.tx.send(Msg::Line(b));
    }

    fn send(&self, b: Bytes) {
        if self.quiet {
            self.started.store(true, Ordering::SeqCst);
            self.held.lock().unwrap_or_else(|e| e.into_inner()).push(b);
        } else {
            self.send_now(b);
        }
    }

    fn release_held(&self) {
        let held = std::mem::take(&mut *self.held.lock().unwrap_or_else(|e| e.into_inner()));
        for b in held {
            self.send_now(b);
        }
    }

    fn text(&self, s: &str) {
        self.send(stream_line(s));
    }
}

impl BuildSink for StreamSink {
    fn event(&self, e: BuildEvent) {
        match e {
            BuildEvent::Step {
                number,
                total,
                text,
                ..
            } => self.text(&format!("Step {number}/{total} : {text}\n")),
            BuildEvent::Output { bytes, .. } => self.text(&String::from_utf8_lossy(&bytes)),
            BuildEvent::CacheHit { .. } => self.text(" ---> Using cache\n"),
            BuildEvent::Image { id } => {
                let short: String = id.trim_start_matches("sha256:").chars().take(12).collect();
                self.text(&format!(" ---> {short}\n"));
            }
            BuildEvent::Warning(w) => self.text(&format!("[Warning] {w}\n")),
            BuildEvent::Pull(p) if !self.quiet => {
                self.started.store(true, Ordering::SeqCst);
                hutch_engine::progress::ProgressSink::event(&self.pulls, p);
            }
            // The final lines come from the result, in Docker's order.
            BuildEvent::Pull(_) | BuildEvent::Commit { .. } | BuildEvent::Tagged { .. } => {}
        }
    }
}

/// Cancels the build when dropped: when the client goes away, or after it finished.
struct CancelOnDrop(Arc<Cancel>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

/// The response: `first`, then what the build sends until it ends. A client that hangs up
/// cancels the build, even in the middle of a silent step.
fn stream(
    first: Vec<Bytes>,
    mut rx: mpsc::UnboundedReceiver<Msg>,
    cancel: CancelOnDrop,
) -> Response {
    let (tx, body_rx) = mpsc::channel::<std::io::Result<Bytes>>(32);
    tokio::spawn(async move {
        let _cancel = cancel;
        for b in first {
            if tx.send(Ok(b)).await.is_err() {
                return;
            }
        }
        loop {
            tokio::select! {
                m = rx.recv() => match m {
                    Some(Msg::Line(b)) => {
                        if tx.send(Ok(b)).await.is_err() {
                            return;
                        }
                    }
                    Some(Msg::Started) => {}
                    None => return,
                },
                _ = tx.closed() => return,
            }
        }
    });
    let mut r = hyper::Response::new(channel_body(body_rx));
    *r.status_mut() = StatusCode::OK;
    r.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(query: &[(&str, &str)]) -> Req {
        Req {
            method: hyper::Method::POST,
            segs: vec!["build".into()],
            query: query
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            version: None,
            headers: hyper::HeaderMap::new(),
            extensions: Default::default(),
            body: None,
        }
    }

    #[test]
    fn query_to_options() {
        let r = parse(&req(&[
            ("t", "a:1"),
            ("t", "b"),
            ("buildargs", r#"{"X":"1","Y":null}"#),
            ("labels", r#"{"l":"v"}"#),
            ("target", "base"),
            ("nocache", "1"),
            ("pull", "true"),
            ("q", "1"),
            ("dockerfile", "sub/Dockerfile"),
            ("networkmode", "default"),
            ("rm", "1"),
            ("forcerm", "0"),
            ("cachefrom", "[]"),
        ]))
        .unwrap();
        assert_eq!(r.opts.tags, ["a:1", "b"]);
        assert_eq!(r.shown_tags, ["a:1", "b:latest"]);
        assert_eq!(r.opts.build_args.get("X").map(String::as_str), Some("1"));
        assert!(!r.opts.build_args.contains_key("Y"));
        assert_eq!(r.opts.labels, [("l".to_string(), "v".to_string())]);
        assert_eq!(r.opts.target.as_deref(), Some("base"));
        assert!(r.opts.no_cache && r.quiet);
        assert_eq!(r.opts.pull, PullPolicy::Always);
        assert_eq!(r.opts.network, None);
        assert_eq!(r.dockerfile, "sub/Dockerfile");
        assert_eq!(
            parse(&req(&[("pull", "never")])).unwrap().opts.pull,
            PullPolicy::Never
        );
        // Cache locations are kept; a tagged image is left to the local layer cache.
        let r = parse(&req(&[(
            "cachefrom",
            r#"["127.0.0.1:5000/cache/steps","busybox:latest","oci:/tmp/c"]"#,
        )]))
        .unwrap();
        assert_eq!(r.opts.cache_from.len(), 2, "{:?}", r.opts.cache_from);
    }

    #[test]
    fn bad_queries_are_400() {
        for q in [
            vec![("version", "2")],
            vec![("t", "Not/Valid")],
            vec![("buildargs", "{")],
            vec![("labels", r#"{"a":1}"#)],
            vec![("nocache", "maybe")],
            vec![("pull", "sometimes")],
            vec![("cachefrom", "registry.example/cache")],
        ] {
            let e = parse(&req(&q))
                .err()
                .unwrap_or_else(|| panic!("{q:?} accepted"));
            assert_eq!(e.status, StatusCode::BAD_REQUEST, "{q:?}");
        }
        let e = parse(&req(&[("version", "2")])).err().unwrap();
        assert!(e.message.contains("DOCKER_BUILDKIT=0"), "{}", e.message);
    }
}
