//! The process's one tokio runtime, built on first use. A command that joins the user
//! namespace does so first (joining needs a single-threaded process); the runtime's threads
//! come after, when a command first blocks on async engine work or waits for a signal.

use anyhow::Context;
use std::future::Future;
use std::sync::{Arc, Mutex};
use tokio::runtime::Runtime;

static RUNTIME: Mutex<Option<Arc<Runtime>>> = Mutex::new(None);

/// The runtime, built now if this is its first use.
pub fn runtime() -> anyhow::Result<Arc<Runtime>> {
    let mut rt = RUNTIME.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(rt) = &*rt {
        return Ok(rt.clone());
    }
    let built = Arc::new(
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .context("starting the async runtime")?,
    );
    *rt = Some(built.clone());
    Ok(built)
}

/// Runs `f` to completion on the runtime.
pub fn block_on<F: Future>(f: F) -> anyhow::Result<F::Output> {
    Ok(runtime()?.block_on(f))
}

/// Drops the runtime if it was built, which waits for its blocking tasks: an interrupted pull's
/// unpacking threads remove their staging directories before the process exits.
pub fn shutdown() {
    let rt = RUNTIME.lock().unwrap_or_else(|e| e.into_inner()).take();
    drop(rt);
}
