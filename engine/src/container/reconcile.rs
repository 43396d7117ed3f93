//! `reconcile`: cleanup of every container whose stored state went stale (monitor dead, exit
//! file left behind), run when the engine opens.

use super::lifecycle::{observe, Containers};
use super::trash::empty_trash;
use crate::Result;
use std::time::Duration;

impl Containers {
    /// Cleans up every container whose stored state is stale (monitor dead, exit file left
    /// behind). Containers another process has locked are left to it.
    pub fn reconcile(&mut self) -> Result<()> {
        for c in self.db.active_containers()? {
            if !observe(&self.paths, &c).needs_cleanup {
                continue;
            }
            let dir = self.paths.runroot.join("locks");
            let _ = std::fs::create_dir_all(&dir);
            let Some(_lock) =
                hutch_sys::lock::FileLock::try_exclusive(&dir.join(format!("{}.lock", c.id)))?
            else {
                continue;
            };
            if let Err(e) = self.cleanup_locked(&c) {
                tracing::warn!("container {}: {e}", c.name);
            }
        }
        // Directories of removed containers whose monitor died before deleting them.
        empty_trash(&self.paths, None, Duration::from_secs(60));
        // User-network attachments of containers that are gone without a cleanup.
        if let Err(e) = crate::networks::reconcile(&self.paths, &self.db) {
            tracing::warn!("user networks: {e}");
        }
        Ok(())
    }
}
