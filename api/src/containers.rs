//! The `/containers` endpoints that act on a container's configuration and lifecycle. The
//! streaming ones (attach, logs, archive, export, top, changes, resize) live in `streams`.

use crate::http::{Req, Response, Result};
use crate::router::not_found;
use crate::server::State;
use std::sync::Arc;

pub async fn route(st: &Arc<State>, req: &mut Req, rest: &[String]) -> Result<Response> {
    let p: Vec<&str> = rest.iter().map(String::as_str).collect();
    match p.as_slice() {
        [_, "attach" | "logs" | "resize" | "archive" | "export" | "top" | "changes" | "stats"]
        | [_, "attach", "ws"] => crate::streams::route(st, req, rest).await,
        [id, "exec"] => crate::exec::create(st, req, id).await,
        _ => Err(not_found()),
    }
}
