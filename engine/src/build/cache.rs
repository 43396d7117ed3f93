//! Cache keys: each step's key is the digest of the key before it and what the step does
//! (the instruction with its expanded arguments, the digest of the files it reads, the build
//! args it sees), so a step is reused only when everything that led to it is unchanged. The
//! index from key to image lives in the state database (`build_cache`).

use crate::{Engine, Result};

/// The key of a step that does `what` after the step whose key is `parent`.
pub fn key(parent: &str, what: &str) -> String {
    let mut buf = Vec::with_capacity(parent.len() + what.len() + 1);
    buf.extend_from_slice(parent.as_bytes());
    buf.push(0);
    buf.extend_from_slice(what.as_bytes());
    crate::Digest::sha256(&buf).hex().to_string()
}

/// What `builder prune` removed.
#[derive(Debug, Clone, Default)]
pub struct PruneReport {
    /// Images removed (cache images no name and no container holds).
    pub images: Vec<String>,
    /// Cache entries forgotten.
    pub entries: usize,
}

impl Engine {
    /// `builder prune`: forgets the build cache and removes the step images it kept that are
    /// neither named nor used by a container (with `all`, also those a named image's layers
    /// share: every unnamed cache image goes). Cache mounts go too.
    pub fn prune_build_cache(&self) -> Result<PruneReport> {
        let db = self.db();
        let ids = db.build_cache_images()?;
        let entries = db.clear_build_cache()?;
        let in_use = crate::images::images_in_use(db)?;
        let mut removed = Vec::new();
        for id in ids {
            let Some(img) = db.image(&id)? else { continue };
            if !img.names.is_empty() || in_use.contains(&id) {
                continue;
            }
            let layers = db.delete_image(&id)?;
            let store = hutch_storage::LayerStore::new(&self.paths().graphroot);
            for l in layers {
                if let Err(e) = store.remove_layer(&l.dir) {
                    tracing::warn!("removing layer directory {}: {e}", l.dir);
                }
            }
            removed.push(id);
        }
        let mounts = cache_mounts_dir(self.paths());
        if mounts.exists() {
            hutch_storage::remove_tree(&mounts).map_err(|e| crate::EngineError::io(&mounts, e))?;
        }
        Ok(PruneReport {
            images: removed,
            entries,
        })
    }
}

/// Where `RUN --mount=type=cache` directories persist between builds.
pub fn cache_mounts_dir(paths: &crate::Paths) -> std::path::PathBuf {
    paths.graphroot.join("build-cache-mounts")
}
