//! The container endpoints that stream: attach (hijacked), logs, resize, archive, export, top,
//! changes, stats.

use crate::http::{Req, Response, Result};
use crate::server::State;
use std::sync::Arc;

pub async fn route(_st: &Arc<State>, _req: &mut Req, _rest: &[String]) -> Result<Response> {
    Err(crate::router::not_found())
}
