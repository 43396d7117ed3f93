//! Images in and out as archives: `GET /images/get` and `/images/{name}/get` (a
//! docker-archive streamed out), `POST /images/load` (a docker-archive body) and
//! `POST /images/create?fromSrc=-` (a root filesystem tarball imported as an image).

use super::progress;
use crate::http::{channel_body, full, ApiError, Req, Response, Result};
use crate::pipe::{BodyReader, ChannelWriter};
use crate::server::State;
use hutch_engine::progress::Silent;
use hutch_engine::reference::familiar;
use hutch_engine::saveload::{load, save, Format};
use hyper::header::{HeaderValue, CONTENT_TYPE};
use serde_json::json;
use std::io::Write;
use std::sync::Arc;
use tokio::sync::mpsc;

/// The images `names` name, as one docker-archive streamed to the client.
pub async fn save(st: &Arc<State>, names: &[String]) -> Result<Response> {
    if names.is_empty() {
        return Err(ApiError::bad_request(
            "names is required: the images to save",
        ));
    }
    let mut found = Vec::new();
    for n in names {
        found.push(super::find(st, n)?);
    }
    let items =
        save::plan(found, Format::DockerArchive, true).map_err(hutch_engine::EngineError::from)?;
    let (tx, rx) = mpsc::channel(8);
    let eng = st.engine.clone();
    tokio::task::spawn_blocking(move || {
        let failed = tx.clone();
        let w = ChannelWriter::new(tx);
        let res = save::save_archive(
            eng.paths(),
            eng.db(),
            &items,
            Format::DockerArchive,
            w,
            &Silent,
        );
        match res {
            Ok(mut w) => {
                if let Err(e) = w.flush() {
                    tracing::debug!("image save: {e}");
                }
            }
            // The 200 is sent: all that is left is to cut the archive short, so the client
            // sees a broken transfer rather than a whole but truncated archive.
            Err(e) => {
                tracing::warn!("image save: {e}");
                let _ = failed.blocking_send(Err(std::io::Error::other(e.to_string())));
            }
        }
    });
    let mut r = hyper::Response::new(channel_body(rx));
    r.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/x-tar"));
    Ok(r)
}

fn json_lines(lines: Vec<bytes::Bytes>) -> Response {
    let body: Vec<u8> = lines.into_iter().flat_map(|b| b.to_vec()).collect();
    let mut r = hyper::Response::new(full(body));
    r.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    r
}

/// `POST /images/load`: every image of the archive in the body.
pub async fn load(st: &Arc<State>, req: &mut Req) -> Result<Response> {
    let body = BodyReader::new(req.take_body()?);
    let eng = st.engine.clone();
    let loaded = crate::http::blocking(move || {
        let userns = eng.userns()?;
        let input = load::Input::Reader {
            label: "the request body".into(),
            reader: Box::new(body),
        };
        Ok(load::load(eng.paths(), userns, input, &Silent)?)
    })
    .await?;
    let mut lines = Vec::new();
    for img in loaded {
        if img.names.is_empty() {
            lines.push(progress::line(
                &json!({ "stream": format!("Loaded image ID: sha256:{}\n", img.id) }),
            ));
        }
        for n in &img.names {
            lines.push(progress::line(
                &json!({ "stream": format!("Loaded image: {}\n", familiar(n)) }),
            ));
        }
    }
    Ok(json_lines(lines))
}

/// `POST /images/create?fromSrc=-&repo=&tag=&message=&changes=`: the body is a root
/// filesystem tarball.
pub async fn import(st: &Arc<State>, req: &mut Req) -> Result<Response> {
    let src = req.q("fromSrc").unwrap_or_default();
    if src != "-" {
        return Err(ApiError::bad_request(format!(
            "fromSrc={src:?}: importing from a URL is not supported; send the tarball as the body with fromSrc=-"
        )));
    }
    let name = match (req.q("repo").filter(|r| !r.is_empty()), req.q("tag")) {
        (Some(r), Some(t)) if !t.is_empty() => Some(format!("{r}:{t}")),
        (Some(r), _) => Some(r.to_string()),
        (None, _) => None,
    };
    let opts = hutch_engine::saveload::import::ImportOptions {
        name,
        changes: req
            .q_all("changes")
            .iter()
            .flat_map(|c| c.lines())
            .filter(|c| !c.trim().is_empty())
            .map(String::from)
            .collect(),
        message: req.q("message").filter(|m| !m.is_empty()).map(String::from),
        platform: req
            .q("platform")
            .filter(|p| !p.is_empty())
            .map(String::from),
        ..Default::default()
    };
    let body = BodyReader::new(req.take_body()?);
    let eng = st.engine.clone();
    let id = crate::http::blocking(move || {
        let userns = eng.userns()?;
        Ok(hutch_engine::saveload::import::import(
            eng.paths(),
            userns,
            body,
            "the request body",
            &opts,
        )?)
    })
    .await?;
    Ok(json_lines(vec![progress::status(&format!("sha256:{id}"))]))
}
