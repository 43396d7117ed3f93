//! The image endpoints: `/images/...` (list, inspect, history, tag, remove, prune, and through
//! the submodules pull, push, search, save, load, import), `/distribution/{name}/json`,
//! `/commit`, `/auth` and `/build`. Image names in paths may contain slashes
//! (`/images/127.0.0.1:5000/library/busybox:latest/json`): the middle segments are joined.

mod archive;
mod build;
mod progress;
mod registry;

use crate::http::{empty, json, ok_json, ApiError, Req, Response, Result};
use crate::router::{allow, not_found};
use crate::server::State;
use hutch_engine::images::{self, Found, RemoveOptions, Removed};
use hutch_engine::reference::{familiar, Name};
use hutch_engine::{EngineError, Image};
use hyper::{Method, StatusCode};
use serde_json::{json, Value};
use std::sync::Arc;

pub async fn route(st: &Arc<State>, req: &mut Req, segs: &[String]) -> Result<Response> {
    let p: Vec<&str> = segs.iter().map(String::as_str).collect();
    match p.as_slice() {
        ["images", "json"] => {
            allow(req, &[Method::GET])?;
            list(st, req)
        }
        ["images", "create"] => {
            allow(req, &[Method::POST])?;
            if req.q("fromSrc").is_some_and(|s| !s.is_empty()) {
                archive::import(st, req).await
            } else {
                registry::pull(st, req).await
            }
        }
        ["images", "load"] => {
            allow(req, &[Method::POST])?;
            archive::load(st, req).await
        }
        ["images", "get"] => {
            allow(req, &[Method::GET])?;
            let names: Vec<String> = req.q_all("names").into_iter().map(String::from).collect();
            archive::save(st, &names).await
        }
        ["images", "search"] => {
            allow(req, &[Method::GET])?;
            registry::search(st, req).await
        }
        ["images", "prune"] => {
            allow(req, &[Method::POST])?;
            prune(st, req).await
        }
        ["images", name @ .., verb] if !name.is_empty() => {
            let name = name.join("/");
            match *verb {
                "json" if req.method == Method::GET => inspect(st, req, &name),
                "history" if req.method == Method::GET => history(st, &name),
                "tag" if req.method == Method::POST => tag(st, req, &name),
                "push" if req.method == Method::POST => registry::push(st, req, &name).await,
                "get" if req.method == Method::GET => archive::save(st, &[name]).await,
                _ if req.method == Method::DELETE => {
                    remove(st, req, &format!("{name}/{verb}")).await
                }
                "json" | "history" | "tag" | "push" | "get" => Err(ApiError::new(
                    StatusCode::METHOD_NOT_ALLOWED,
                    format!("method {} not allowed on this path", req.method),
                )),
                _ => Err(not_found()),
            }
        }
        ["images", name] => {
            allow(req, &[Method::DELETE])?;
            remove(st, req, name).await
        }
        ["distribution", name @ .., "json"] if !name.is_empty() => {
            allow(req, &[Method::GET])?;
            registry::distribution(st, req, &name.join("/")).await
        }
        ["build"] => {
            allow(req, &[Method::POST])?;
            build::build(st, req).await
        }
        ["commit"] => {
            allow(req, &[Method::POST])?;
            commit(st, req).await
        }
        ["auth"] => {
            allow(req, &[Method::POST])?;
            registry::auth(st, req).await
        }
        _ => Err(not_found()),
    }
}

/// Finds a local image; a name that is not a valid reference (and not an ID) is a 400, as in
/// Docker, and an unknown one a 404.
fn find(st: &Arc<State>, name: &str) -> Result<Found> {
    match images::lookup(st.engine.db(), name) {
        Ok(f) => Ok(f),
        Err(EngineError::ImageNotKnown { .. }) => {
            let hex = name.strip_prefix("sha256:").unwrap_or(name);
            let id_like = !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit());
            if !id_like {
                if let Err(e) = Name::parse(name) {
                    return Err(ApiError::bad_request(e.to_string()));
                }
            }
            Err(ApiError::not_found(format!("No such image: {name}")))
        }
        Err(e) => Err(e.into()),
    }
}

fn repo_tags(img: &Image) -> Vec<String> {
    img.names.iter().map(|n| familiar(n).to_string()).collect()
}

fn repo_digests(img: &Image) -> Vec<String> {
    images::repo_digests(img)
        .iter()
        .map(|d| familiar(d).to_string())
        .collect()
}

fn labels(img: &Image) -> Value {
    let cfg = images::config(img).ok();
    cfg.and_then(|c| c.config)
        .and_then(|c| c.get("Labels").cloned())
        .filter(|l| l.is_object())
        .unwrap_or(Value::Null)
}

/// `GET /images/json`.
fn list(st: &Arc<State>, req: &Req) -> Result<Response> {
    let filters = hutch_engine::filters::images(&req.filters()?).map_err(EngineError::from)?;
    let db = st.engine.db();
    let with_digests = req.q_bool("digests", false)?;
    let placeholders = req.before(1, 43);
    let mut out = Vec::new();
    // As Docker, a reference filter also limits the tags shown to the matching ones.
    let patterns: Vec<&str> = filters.values("reference").collect();
    for img in images::list(db, &filters)? {
        let mut tags: Vec<String> = img
            .names
            .iter()
            .filter(|n| {
                patterns.is_empty() || patterns.iter().any(|p| images::reference_matches(p, n))
            })
            .map(|n| familiar(n).to_string())
            .collect();
        let mut digests: Vec<String> = images::repo_digests(&img)
            .iter()
            .filter(|d| {
                let repo = d.split('@').next().unwrap_or_default();
                patterns.is_empty() || patterns.iter().any(|p| images::reference_matches(p, repo))
            })
            .map(|d| familiar(d).to_string())
            .collect();
        if placeholders && tags.is_empty() {
            tags.push("<none>:<none>".into());
            if digests.is_empty() || !with_digests {
                digests = vec!["<none>@<none>".into()];
            }
        }
        let mut v = json!({
            "Id": format!("sha256:{}", img.id),
            "ParentId": "",
            "RepoTags": tags,
            "RepoDigests": digests,
            "Created": img.created.timestamp(),
            "Size": img.size,
            "SharedSize": -1,
            "Labels": labels(&img),
            "Containers": -1,
        });
        if req.before(1, 44) {
            v["VirtualSize"] = json!(img.size);
        }
        out.push(v);
    }
    ok_json(&out)
}

/// `GET /images/{name}/json`: Docker's inspect shape.
fn inspect(st: &Arc<State>, req: &Req, name: &str) -> Result<Response> {
    let found = find(st, name)?;
    let img = &found.image;
    let driver = hutch_engine::storage_driver::known(st.engine.paths())
        .map(|d| d.name().to_string())
        .unwrap_or_else(|| "overlay".into());
    let view = images::inspect(st.engine.db(), st.engine.paths(), img, &driver)?;
    let mut v = json!({
        "Id": format!("sha256:{}", img.id),
        "RepoTags": repo_tags(img),
        "RepoDigests": repo_digests(img),
        "Parent": "",
        "Comment": view.comment,
        "Created": view.created,
        "DockerVersion": view.version,
        "Author": view.author,
        "Config": view.config,
        "Architecture": view.architecture,
        "Os": view.os,
        "Size": view.size,
        "GraphDriver": {"Name": view.graph_driver.name, "Data": view.graph_driver.data},
        "RootFS": {"Type": view.root_fs.kind, "Layers": view.root_fs.layers},
        "Metadata": {"LastTagTime": "0001-01-01T00:00:00Z"},
    });
    if let Some(variant) = &view.variant {
        v["Variant"] = json!(variant);
    }
    if req.before(1, 44) {
        v["VirtualSize"] = json!(view.virtual_size);
    }
    if req.before(1, 45) {
        v["Container"] = json!("");
        v["ContainerConfig"] = json!({});
    }
    ok_json(&v)
}

/// `GET /images/{name}/history`: newest first.
fn history(st: &Arc<State>, name: &str) -> Result<Response> {
    let found = find(st, name)?;
    let rows = images::history(st.engine.db(), &found.image)?;
    let out: Vec<Value> = rows
        .iter()
        .map(|r| {
            let id = if r.id == "<missing>" {
                r.id.clone()
            } else {
                format!("sha256:{}", r.id)
            };
            let tags: Vec<&str> = r.tags.iter().map(|t| familiar(t)).collect();
            json!({
                "Id": id,
                "Created": r.created.map_or(0, |c| c.timestamp()),
                "CreatedBy": r.created_by,
                "Tags": if tags.is_empty() { Value::Null } else { json!(tags) },
                "Size": r.size,
                "Comment": r.comment,
            })
        })
        .collect();
    ok_json(&out)
}

/// `POST /images/{name}/tag?repo=&tag=`.
fn tag(st: &Arc<State>, req: &Req, name: &str) -> Result<Response> {
    let repo = req
        .q("repo")
        .filter(|r| !r.is_empty())
        .ok_or_else(|| ApiError::bad_request("repo is required: the repository to tag into"))?;
    let new = match req.q("tag").filter(|t| !t.is_empty()) {
        Some(t) => format!("{repo}:{t}"),
        None => repo.to_string(),
    };
    find(st, name)?;
    images::tag(st.engine.db(), name, &[new])?;
    Ok(empty(StatusCode::CREATED))
}

fn removed_json(events: &[Removed]) -> Vec<Value> {
    events
        .iter()
        .map(|e| match e {
            Removed::Untagged(n) => json!({"Untagged": familiar(n)}),
            Removed::Deleted(id) => json!({"Deleted": format!("sha256:{id}")}),
        })
        .collect()
}

/// `DELETE /images/{name}?force=&noprune=`: untag, or delete with the last name.
async fn remove(st: &Arc<State>, req: &Req, name: &str) -> Result<Response> {
    let opts = RemoveOptions {
        force: req.q_bool("force", false)?,
        all_names: false,
    };
    find(st, name)?;
    let eng = st.engine.clone();
    let name = name.to_string();
    let events = crate::http::blocking(move || Ok(eng.remove_image(&name, opts)?)).await?;
    ok_json(&removed_json(&events))
}

/// `POST /images/prune?filters=`: dangling images, or with `dangling=false` every image no
/// container uses.
async fn prune(st: &Arc<State>, req: &Req) -> Result<Response> {
    let filters = hutch_engine::filters::image_prune(&req.filters()?).map_err(EngineError::from)?;
    let eng = st.engine.clone();
    let pruned = crate::http::blocking(move || {
        Ok(images::prune_report(
            eng.db(),
            eng.paths(),
            false,
            &filters,
        )?)
    })
    .await?;
    let space = pruned.space;
    let events = pruned.removed;
    let deleted = removed_json(&events);
    ok_json(&json!({
        "ImagesDeleted": if deleted.is_empty() { Value::Null } else { json!(deleted) },
        "SpaceReclaimed": space,
    }))
}

/// `POST /commit?container=&repo=&tag=&comment=&author=&changes=`.
async fn commit(st: &Arc<State>, req: &mut Req) -> Result<Response> {
    let container = req
        .q("container")
        .filter(|c| !c.is_empty())
        .ok_or_else(|| ApiError::bad_request("container is required: the container to commit"))?
        .to_string();
    let name = match (req.q("repo").filter(|r| !r.is_empty()), req.q("tag")) {
        (Some(r), Some(t)) if !t.is_empty() => Some(format!("{r}:{t}")),
        (Some(r), _) => Some(r.to_string()),
        (None, _) => None,
    };
    let opts = hutch_engine::container::commit::CommitOptions {
        name,
        author: req.q("author").filter(|a| !a.is_empty()).map(String::from),
        message: req.q("comment").filter(|m| !m.is_empty()).map(String::from),
        changes: req
            .q_all("changes")
            .iter()
            .flat_map(|c| c.lines())
            .filter(|c| !c.trim().is_empty())
            .map(String::from)
            .collect(),
    };
    let eng = st.engine.clone();
    let id = crate::http::blocking(move || {
        Ok(eng.with_container(&container, |ops, c| {
            ops.commit(&c, &opts, &hutch_engine::progress::Silent)
        })?)
    })
    .await?;
    let id = if id.starts_with("sha256:") {
        id
    } else {
        format!("sha256:{id}")
    };
    Ok(json(StatusCode::CREATED, &json!({ "Id": id })))
}
