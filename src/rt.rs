//! The process's one tokio runtime is the engine's (`hutch_engine::rt`), built on first use: a
//! command that joins the user namespace does so first (joining needs a single-threaded
//! process); the runtime's threads come after, when a command first blocks on async work or
//! waits for a signal. Pulls the engine runs for `run`, `create` and `pull` use the same one.

use std::future::Future;
use std::sync::Arc;
use tokio::runtime::Runtime;

/// The runtime, built now if this is its first use.
pub fn runtime() -> anyhow::Result<Arc<Runtime>> {
    Ok(hutch_engine::rt::runtime()?)
}

/// Runs `f` to completion on the runtime.
pub fn block_on<F: Future>(f: F) -> anyhow::Result<F::Output> {
    Ok(runtime()?.block_on(f))
}

/// Drops the runtime if it was built, which waits for its blocking tasks: an interrupted pull's
/// unpacking threads remove their staging directories before the process exits.
pub fn shutdown() {
    hutch_engine::rt::shutdown();
}
