//! The `/containers` endpoints that act on a container's configuration and lifecycle. The
//! streaming ones (attach, logs, archive, export, top, changes, resize) live in `streams`.
//! `create` decodes Docker's create body; `view` encodes Docker's summary and inspect shapes.

mod body;
mod create;
mod view;

use crate::http::{blocking, channel_body, empty, json, ok_json, ApiError, Req, Response, Result};
use crate::router::{allow, not_found};
use crate::server::State;
use bytes::Bytes;
use hutch_engine::container::list::{self, ListQuery};
use hutch_engine::container::run::CreateOptions;
use hutch_engine::container::{self, config, ContainerError, PullPolicy, WaitCondition};
use hutch_engine::{filters, Container, Engine, EngineError, RemoveOptions};
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::{Method, StatusCode};
use serde_json::{json, Value};
use std::sync::Arc;

pub async fn route(st: &Arc<State>, req: &mut Req, rest: &[String]) -> Result<Response> {
    let p: Vec<&str> = rest.iter().map(String::as_str).collect();
    match p.as_slice() {
        [_, "attach" | "logs" | "resize" | "archive" | "export" | "top" | "changes" | "stats"]
        | [_, "attach", "ws"] => crate::streams::route(st, req, rest).await,
        [id, "exec"] => crate::exec::create(st, req, id).await,
        ["create"] => {
            allow(req, &[Method::POST])?;
            create(st, req).await
        }
        ["json"] => {
            allow(req, &[Method::GET])?;
            list(st, req).await
        }
        ["prune"] => {
            allow(req, &[Method::POST])?;
            prune(st, req).await
        }
        [id, "json"] => {
            allow(req, &[Method::GET])?;
            inspect(st, req, id).await
        }
        [id] => {
            allow(req, &[Method::DELETE])?;
            remove(st, req, id).await
        }
        [id, verb] => {
            allow(req, &[Method::POST])?;
            match *verb {
                "start" => start(st, id).await,
                "stop" => stop(st, req, id).await,
                "restart" => restart(st, req, id).await,
                "kill" => kill(st, req, id).await,
                "pause" => pause(st, id, true).await,
                "unpause" => pause(st, id, false).await,
                "wait" => wait(st, req, id).await,
                "rename" => rename(st, req, id).await,
                "update" => update(st, req, id).await,
                _ => Err(not_found()),
            }
        }
        _ => Err(not_found()),
    }
}

/// Whether an engine error says that the container itself does not exist.
fn container_missing(e: &EngineError) -> bool {
    matches!(e, EngineError::Container(_) | EngineError::State(_))
        && e.kind() == hutch_engine::ErrorKind::NotFound
}

/// Engine errors about container `name`, with Docker's wording for a missing one.
fn err_for(name: &str) -> impl Fn(EngineError) -> ApiError + '_ {
    move |e| {
        if container_missing(&e) {
            ApiError::not_found(format!("No such container: {name}"))
        } else {
            ApiError::from(e)
        }
    }
}

/// The container `name`, or 404.
fn lookup(eng: &Engine, name: &str) -> Result<Container> {
    eng.lookup(name).map_err(err_for(name))
}

/// Whether the container is running (or paused) as observed now.
fn is_running(eng: &Engine, c: &Container) -> bool {
    let obs = container::observe(eng.paths(), c);
    matches!(obs.state.as_str(), container::RUNNING | container::PAUSED)
}

async fn create(st: &Arc<State>, req: &mut Req) -> Result<Response> {
    let name = req.q("name").filter(|n| !n.is_empty()).map(str::to_string);
    let body: body::CreateBody = req.json().await?;
    let (spec, image, warnings) = create::spec_of(body, name)?;
    let eng = st.engine.clone();
    let c = blocking(move || {
        let opts = CreateOptions {
            pull: PullPolicy::Never,
            pull_options: Default::default(),
            cidfile: None,
            replace: false,
        };
        // Docker does not pull here: a 404 makes its clients pull and try again.
        eng.create_container(
            &spec,
            &image,
            &opts,
            &hutch_engine::progress::Silent,
            std::future::pending::<()>(),
        )
        .map_err(|e| match e {
            EngineError::ImageNotKnown { .. } => {
                ApiError::not_found(format!("No such image: {image}"))
            }
            e => ApiError::from(e),
        })
    })
    .await?;
    Ok(json(
        StatusCode::CREATED,
        &json!({"Id": c.id, "Warnings": warnings}),
    ))
}

async fn list(st: &Arc<State>, req: &mut Req) -> Result<Response> {
    let all = req.q_bool("all", false)?;
    let limit = req.q_int::<i64>("limit")?.filter(|n| *n > 0);
    let size = req.q_bool("size", false)?;
    // Docker's `bridge` is hutch's default network.
    let items: Vec<String> = req
        .filters()?
        .into_iter()
        .map(|i| match i.as_str() {
            "network=bridge" => format!("network={}", hutch_engine::networks::DEFAULT_NETWORK),
            _ => i,
        })
        .collect();
    let f = filters::containers(&items).map_err(|e| ApiError::bad_request(e.to_string()))?;
    let query = ListQuery {
        // As Docker: a limit or a status filter looks at stopped containers too.
        all: all || limit.is_some() || f.values("status").next().is_some(),
        limit: limit.map(|n| n as usize),
        filters: f,
    };
    let eng = st.engine.clone();
    let out = blocking(move || {
        let observed = eng.observed_containers()?;
        let (cs, obs): (Vec<_>, Vec<_>) = observed.into_iter().unzip();
        let now = chrono::Utc::now();
        Ok(list::select(&cs, &obs, &query)
            .into_iter()
            .map(|(c, o)| view::summary(&eng, c, o, now, size))
            .collect::<Vec<Value>>())
    })
    .await?;
    ok_json(&out)
}

async fn inspect(st: &Arc<State>, req: &Req, id: &str) -> Result<Response> {
    let size = req.q_bool("size", false)?;
    let eng = st.engine.clone();
    let id = id.to_string();
    let v = blocking(move || {
        let c = lookup(&eng, &id)?;
        let mut v = view::inspect(eng.paths(), &c);
        if size {
            view::add_size(&eng, &c, &mut v);
        }
        Ok(v)
    })
    .await?;
    ok_json(&v)
}

async fn start(st: &Arc<State>, id: &str) -> Result<Response> {
    let eng = st.engine.clone();
    let id = id.to_string();
    blocking(move || {
        let c = lookup(&eng, &id)?;
        if is_running(&eng, &c) {
            return Ok(empty(StatusCode::NOT_MODIFIED));
        }
        eng.start(&c.id).map_err(err_for(&id))?;
        Ok(empty(StatusCode::NO_CONTENT))
    })
    .await
}

/// `t`: seconds before SIGKILL; -1 waits for ever.
fn timeout(req: &Req) -> Result<Option<u32>> {
    Ok(req.q_int::<i64>("t")?.map(|t| {
        if t < 0 {
            u32::MAX
        } else {
            t.min(i64::from(u32::MAX)) as u32
        }
    }))
}

async fn stop(st: &Arc<State>, req: &mut Req, id: &str) -> Result<Response> {
    let t = timeout(req)?;
    let signal = signal(req)?;
    let eng = st.engine.clone();
    let id = id.to_string();
    blocking(move || {
        let c = lookup(&eng, &id)?;
        if !is_running(&eng, &c) {
            return Ok(empty(StatusCode::NOT_MODIFIED));
        }
        match signal {
            Some(sig) => eng.stop_with_signal(&c.id, t, sig),
            None => eng.stop(&c.id, t),
        }
        .map_err(err_for(&id))?;
        Ok(empty(StatusCode::NO_CONTENT))
    })
    .await
}

async fn restart(st: &Arc<State>, req: &mut Req, id: &str) -> Result<Response> {
    let t = timeout(req)?;
    if signal(req)?.is_some() {
        return Err(ApiError::bad_request(
            "signal: hutch restarts with the container's own stop signal; stop with the signal, then start",
        ));
    }
    let eng = st.engine.clone();
    let id = id.to_string();
    blocking(move || {
        let c = lookup(&eng, &id)?;
        eng.restart(&c.id, t).map_err(err_for(&id))?;
        Ok(empty(StatusCode::NO_CONTENT))
    })
    .await
}

/// The `signal` query parameter: a name (`SIGINT`, `INT`) or number.
fn signal(req: &Req) -> Result<Option<i32>> {
    match req.q("signal").filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => config::parse_signal(s).map(Some).ok_or_else(|| {
            ApiError::bad_request(format!("signal: {s:?} is not a signal name or number"))
        }),
    }
}

async fn kill(st: &Arc<State>, req: &mut Req, id: &str) -> Result<Response> {
    let signal = signal(req)?.unwrap_or(9);
    let eng = st.engine.clone();
    let id = id.to_string();
    blocking(move || {
        let c = lookup(&eng, &id)?;
        eng.kill(&c.id, signal).map_err(err_for(&id))?;
        Ok(empty(StatusCode::NO_CONTENT))
    })
    .await
}

async fn pause(st: &Arc<State>, id: &str, pause: bool) -> Result<Response> {
    let eng = st.engine.clone();
    let id = id.to_string();
    blocking(move || {
        let c = lookup(&eng, &id)?;
        eng.pause(&c.id, pause).map_err(err_for(&id))?;
        Ok(empty(StatusCode::NO_CONTENT))
    })
    .await
}

async fn wait(st: &Arc<State>, req: &mut Req, id: &str) -> Result<Response> {
    let condition: WaitCondition = req
        .q("condition")
        .unwrap_or("")
        .parse()
        .map_err(|e: ContainerError| ApiError::bad_request(e.to_string()))?;
    let eng = st.engine.clone();
    let name = id.to_string();
    let c = {
        let eng = eng.clone();
        blocking(move || lookup(&eng, &name)).await?
    };
    // The status goes out at once (Docker's clients wait for it before they start the
    // container); the body follows when the condition is met.
    let (tx, rx) = tokio::sync::mpsc::channel::<std::io::Result<Bytes>>(1);
    let busy = st.busy();
    tokio::task::spawn_blocking(move || {
        let _busy = busy;
        let closed = || tx.is_closed();
        let body = match eng.wait_condition(&c, condition, &closed) {
            Ok(None) => return,
            Ok(Some(code)) => json!({"StatusCode": code, "Error": null}),
            Err(e) => json!({"StatusCode": -1, "Error": {"Message": e.to_string()}}),
        };
        let mut bytes = serde_json::to_vec(&body).unwrap_or_default();
        bytes.push(b'\n');
        let _ = tx.blocking_send(Ok(Bytes::from(bytes)));
    });
    let mut r = hyper::Response::new(channel_body(rx));
    r.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Ok(r)
}

async fn remove(st: &Arc<State>, req: &mut Req, id: &str) -> Result<Response> {
    let force = req.q_bool("force", false)?;
    let opts = RemoveOptions {
        force,
        volumes: req.q_bool("v", false)?,
        // As Docker: force kills a running container, without the stop signal's grace time.
        timeout: force.then_some(0),
        depend: false,
    };
    if req.q_bool("link", false)? {
        return Err(ApiError::bad_request(
            "link: hutch has no container links to remove",
        ));
    }
    let eng = st.engine.clone();
    let id = id.to_string();
    blocking(move || {
        let c = lookup(&eng, &id)?;
        if !opts.force && is_running(&eng, &c) {
            return Err(ApiError::conflict(format!(
                "cannot remove container \"/{}\": container is running: stop the container before removing or force remove",
                c.name
            )));
        }
        eng.remove(&c.id, opts).map_err(err_for(&id))?;
        Ok(empty(StatusCode::NO_CONTENT))
    })
    .await
}

async fn rename(st: &Arc<State>, req: &mut Req, id: &str) -> Result<Response> {
    let new = req
        .q("name")
        .filter(|n| !n.is_empty())
        .ok_or_else(|| ApiError::bad_request("name: the new name is required"))?
        .trim_start_matches('/')
        .to_string();
    let eng = st.engine.clone();
    let id = id.to_string();
    blocking(move || {
        let c = lookup(&eng, &id)?;
        eng.rename(&c.id, &new).map_err(err_for(&id))?;
        Ok(empty(StatusCode::NO_CONTENT))
    })
    .await
}

/// A value that says "leave as it is" in an update body (Docker's clients send every field).
fn is_unset(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.values().all(is_unset),
    }
}

async fn update(st: &Arc<State>, req: &mut Req, id: &str) -> Result<Response> {
    let body: serde_json::Map<String, Value> = req.json().await?;
    let mut policy = None;
    for (k, v) in &body {
        match k.as_str() {
            // An empty Name leaves the policy as it is (Docker's clients always send it).
            "RestartPolicy" if !is_unset(v) => {
                let r: body::RestartPolicyBody = serde_json::from_value(v.clone())
                    .map_err(|e| ApiError::bad_request(format!("RestartPolicy: {e}")))?;
                policy = Some(create::restart_policy(&r)?);
            }
            _ if is_unset(v) => {}
            _ => {
                return Err(ApiError::bad_request(format!(
                    "{k}: hutch cannot change this on an existing container (only RestartPolicy can be updated); recreate the container instead"
                )))
            }
        }
    }
    let eng = st.engine.clone();
    let id = id.to_string();
    blocking(move || {
        let c = lookup(&eng, &id)?;
        if let Some(p) = policy {
            eng.set_restart_policy(&c.id, p).map_err(err_for(&id))?;
        }
        ok_json(&json!({"Warnings": []}))
    })
    .await
}

async fn prune(st: &Arc<State>, req: &mut Req) -> Result<Response> {
    let items = req.filters()?;
    let f = filters::container_prune(&items).map_err(|e| ApiError::bad_request(e.to_string()))?;
    let eng = st.engine.clone();
    let (ids, space) = blocking(move || {
        let mut ids = Vec::new();
        let mut space = 0u64;
        eng.prune_containers_matching(&f, |id, size| {
            ids.push(id.to_string());
            space += size;
        })?;
        Ok((ids, space))
    })
    .await?;
    ok_json(&json!({"ContainersDeleted": ids, "SpaceReclaimed": space}))
}
