//! The storage driver as front ends see it: the one in use, choosing one (with test mounts,
//! inside the user namespace) and testing which one works here (for `doctor`).

use crate::{EngineError, Paths, Result};
pub use hutch_storage::mount::Driver;

/// The driver in use without detecting one (detection needs the user namespace): the forced
/// one, else the one remembered in the graph root, else `None`.
pub fn known(paths: &Paths) -> Option<Driver> {
    let forced = paths.storage_driver.as_deref();
    // `choose` would detect when nothing is remembered (storage keeps the choice in
    // graphroot/storage-driver); read-only commands must not.
    if forced.is_none() && !paths.graphroot.join("storage-driver").exists() {
        return None;
    }
    hutch_storage::mount::driver(&paths.graphroot, forced).ok()
}

/// The driver for this storage: forced, remembered, or detected now and remembered. Call it
/// inside the user namespace.
pub fn choose(paths: &Paths) -> Result<Driver> {
    Ok(hutch_storage::mount::driver(
        &paths.graphroot,
        paths.storage_driver.as_deref(),
    )?)
}

/// Which driver works here, tested with real mounts now (nothing is remembered). Call it
/// inside the user namespace.
pub fn detect(paths: &Paths) -> Result<Driver> {
    hutch_storage::mount::detect(&paths.graphroot)
        .map_err(|e| EngineError::Storage(hutch_storage::StorageError::from(e)))
}

/// Removes this process's staging directories (they are named after its pid): what an
/// interrupted `load` or `import` leaves. Failures are only logged: it runs on the way out.
pub fn remove_own_staging(paths: &Paths) {
    let tmp = paths.graphroot.join("tmp");
    let prefix = format!("{}-", std::process::id());
    let Ok(rd) = std::fs::read_dir(&tmp) else {
        return;
    };
    for e in rd.flatten() {
        if e.file_name().to_string_lossy().starts_with(&prefix) {
            if let Err(err) = hutch_storage::remove_tree(&e.path()) {
                tracing::debug!("removing {}: {err}", e.path().display());
            }
        }
    }
}
