//! The process's one tokio runtime, for async engine work asked for outside any runtime (the
//! CLI's main thread). Built on first use, so a process that joins the user namespace does so
//! first (joining needs a single-threaded process); front ends run their own async work on it
//! too, so a process never has two. It outlives the work (a pull before `run -it` attaches),
//! so its threads block the signals a terminal session takes: the session's signalfd, which
//! only the calling thread blocks, must be where they arrive.

use crate::{EngineError, Result};
use std::future::Future;
use std::sync::{Arc, Mutex};
use tokio::runtime::{Handle, Runtime};

static RUNTIME: Mutex<Option<Arc<Runtime>>> = Mutex::new(None);

/// The runtime, built now if this is its first use (or the first since `shutdown`).
pub fn runtime() -> Result<Arc<Runtime>> {
    let mut rt = RUNTIME.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(rt) = &*rt {
        return Ok(rt.clone());
    }
    let built = Arc::new(
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .thread_name("hutch-async")
            .on_thread_start(|| {
                // Only fails for a signal number that does not exist.
                let _ = hutch_sys::client::block_in_this_thread(&crate::term::SESSION_SIGNALS);
            })
            .build()
            .map_err(|source| EngineError::AsyncRuntime { source })?,
    );
    *rt = Some(built.clone());
    Ok(built)
}

/// Runs `f` to completion on the caller's runtime when it has one, else on the process's.
/// Call it from a thread that may block: a plain thread or a runtime's blocking thread
/// (`spawn_blocking`), never from inside an async task.
pub fn block_on<F: Future>(f: F) -> Result<F::Output> {
    match Handle::try_current() {
        Ok(handle) => Ok(handle.block_on(f)),
        Err(_) => Ok(runtime()?.block_on(f)),
    }
}

/// Drops the runtime if it was built, which waits for its blocking tasks: an interrupted pull's
/// unpacking threads remove their staging directories before the process exits.
pub fn shutdown() {
    let rt = RUNTIME.lock().unwrap_or_else(|e| e.into_inner()).take();
    drop(rt);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The name of a worker thread of the runtime `block_on` ran its work on.
    fn worker_name() -> String {
        block_on(async {
            tokio::spawn(async { std::thread::current().name().unwrap_or("").to_string() })
                .await
                .unwrap()
        })
        .unwrap()
    }

    #[test]
    fn one_runtime_for_the_process_and_the_callers_own_inside_one() {
        let a = runtime().unwrap();
        let b = runtime().unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(worker_name(), "hutch-async");
        // Its threads leave the session's signals to the thread that runs the session.
        let blocked = block_on(async {
            tokio::spawn(async {
                let status = std::fs::read_to_string("/proc/thread-self/status").unwrap();
                let mask = status
                    .lines()
                    .find_map(|l| l.strip_prefix("SigBlk:"))
                    .map(|m| u64::from_str_radix(m.trim(), 16).unwrap())
                    .unwrap();
                crate::term::SESSION_SIGNALS
                    .iter()
                    .all(|s| mask & (1 << (s - 1)) != 0)
            })
            .await
            .unwrap()
        })
        .unwrap();
        assert!(blocked);
        // On a blocking thread of another runtime (an API handler's): that one, not a second.
        let other = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("other")
            .build()
            .unwrap();
        let name = other.block_on(other.spawn_blocking(worker_name)).unwrap();
        assert_eq!(name, "other");
    }
}
