//! The layer store on disk: unpacking layer tarballs safely into their overlay form, and
//! mounting a stack of layers with kernel overlayfs, fuse-overlayfs or vfs.
#![deny(unsafe_code)]

pub mod mount;
pub mod unpack;

use std::path::{Path, PathBuf};

pub type Result<T, E = StorageError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Unpack(#[from] unpack::UnpackError),
}

/// Layers live in `graphroot/layers/<dir>`; pulls stage in `graphroot/tmp/<pid>-<random>`.
pub struct LayerStore {
    #[allow(dead_code)]
    root: PathBuf,
}

/// A staging directory; dropping it without `promote` removes it.
pub struct Staging {
    pub path: PathBuf,
}

impl LayerStore {
    pub fn new(graphroot: &Path) -> LayerStore {
        LayerStore {
            root: graphroot.to_path_buf(),
        }
    }
    pub fn layer_path(&self, dir: &str) -> PathBuf {
        self.root.join("layers").join(dir)
    }
    pub fn staging(&self) -> Result<Staging> {
        todo!("storage: staging")
    }
    pub fn promote(&self, _staging: Staging) -> Result<String> {
        todo!()
    }
    pub fn remove_layer(&self, _dir: &str) -> Result<()> {
        todo!()
    }
    pub fn clean_stale(&self) -> Result<()> {
        todo!()
    }
}
