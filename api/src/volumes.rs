//! The `/volumes` endpoints: create, list, inspect, remove, prune, in Docker's shapes over the
//! engine's volume store.

use crate::http::{blocking, empty, json, ok_json, ApiError, Req, Response, Result};
use crate::router::{allow, not_found};
use crate::server::State;
use hutch_engine::volumes::Volume;
use hutch_engine::volumes::{self, CreateVolume, VolumeError};
use hutch_engine::EngineError;
use hyper::{Method, StatusCode};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

pub async fn route(st: &Arc<State>, req: &mut Req, rest: &[String]) -> Result<Response> {
    let p: Vec<&str> = rest.iter().map(String::as_str).collect();
    match p.as_slice() {
        [] => {
            allow(req, &[Method::GET])?;
            list(st, req).await
        }
        ["create"] => {
            allow(req, &[Method::POST])?;
            create(st, req).await
        }
        ["prune"] => {
            allow(req, &[Method::POST])?;
            prune(st, req).await
        }
        [name] => {
            let name = name.to_string();
            match req.method {
                Method::GET => inspect(st, name).await,
                Method::DELETE => remove(st, req, name).await,
                _ => {
                    allow(req, &[Method::GET, Method::DELETE])?;
                    Err(not_found())
                }
            }
        }
        _ => Err(not_found()),
    }
}

/// Docker's volume object; `usage` adds `UsageData` (`/system/df`).
pub fn view(paths: &hutch_engine::Paths, v: &Volume, usage: Option<(u64, usize)>) -> Value {
    let options: BTreeMap<String, String> = serde_json::from_str(&v.options).unwrap_or_default();
    let mut out = json!({
        "Name": v.name,
        "Driver": v.driver,
        "Mountpoint": volumes::data_dir(paths, &v.name),
        "CreatedAt": v.created.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "Labels": volumes::labels_of(v),
        "Scope": "local",
        "Options": options,
    });
    if let Some((size, refs)) = usage {
        out["UsageData"] = json!({"Size": size, "RefCount": refs});
    }
    out
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase")]
struct CreateBody {
    // Options: clients send null for what they leave out (docker-py's Driver).
    name: Option<String>,
    driver: Option<String>,
    driver_opts: Option<BTreeMap<String, String>>,
    labels: Option<BTreeMap<String, String>>,
}

async fn create(st: &Arc<State>, req: &mut Req) -> Result<Response> {
    let body: CreateBody = req.json().await?;
    let kv = |m: Option<BTreeMap<String, String>>| -> Vec<String> {
        m.unwrap_or_default()
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect()
    };
    let name = body.name.filter(|n| !n.is_empty());
    let anonymous = name.is_none();
    let spec = CreateVolume {
        name,
        driver: body.driver.filter(|d| !d.is_empty()),
        options: kv(body.driver_opts),
        labels: kv(body.labels),
        anonymous,
    };
    let st2 = st.clone();
    let v = blocking(move || Ok(st2.engine.create_volume(&spec, true)?)).await?;
    Ok(json(
        StatusCode::CREATED,
        &view(st.engine.paths(), &v, None),
    ))
}

async fn list(st: &Arc<State>, req: &mut Req) -> Result<Response> {
    let filters = hutch_engine::filters::volumes(&req.filters()?).map_err(EngineError::from)?;
    let st2 = st.clone();
    let found = blocking(move || Ok(st2.engine.volumes(&filters)?)).await?;
    let list: Vec<Value> = found
        .iter()
        .map(|(v, _)| view(st.engine.paths(), v, None))
        .collect();
    ok_json(&json!({"Volumes": list, "Warnings": []}))
}

async fn inspect(st: &Arc<State>, name: String) -> Result<Response> {
    let st2 = st.clone();
    let (v, _) = blocking(move || Ok(st2.engine.volume(&name)?)).await?;
    ok_json(&view(st.engine.paths(), &v, None))
}

async fn remove(st: &Arc<State>, req: &Req, name: String) -> Result<Response> {
    // Docker's `force` only forgives a missing volume; one in use is still refused.
    let force = req.q_bool("force", false)?;
    let st2 = st.clone();
    let removed = blocking(move || match st2.engine.remove_volume(&name, false, None) {
        Ok(_) => Ok(()),
        Err(EngineError::Volume(e)) if force && matches!(*e, VolumeError::NotFound { .. }) => {
            Ok(())
        }
        Err(e) => Err(ApiError::from(e)),
    })
    .await;
    removed.map(|()| empty(StatusCode::NO_CONTENT))
}

async fn prune(st: &Arc<State>, req: &mut Req) -> Result<Response> {
    let mut items = req.filters()?;
    // API 1.42 and later prune only anonymous volumes unless the filter says `all`.
    let mut all = req.before(1, 42);
    items.retain(|f| match f.split_once('=') {
        Some(("all", v)) => {
            all = matches!(v, "1" | "true" | "True");
            false
        }
        _ => true,
    });
    if !all {
        items.push("anonymous=true".into());
    }
    let filters = hutch_engine::filters::volumes(&items).map_err(EngineError::from)?;
    let st2 = st.clone();
    let removed = blocking(move || Ok(st2.engine.prune_volumes(&filters)?)).await?;
    let reclaimed: u64 = removed.iter().map(|(_, s)| s).sum();
    let names: Vec<&str> = removed.iter().map(|(n, _)| n.as_str()).collect();
    ok_json(&json!({"VolumesDeleted": names, "SpaceReclaimed": reclaimed}))
}
