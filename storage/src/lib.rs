//! The layer store on disk: unpacking layer tarballs safely into their overlay form, and
//! mounting a stack of layers with kernel overlayfs, fuse-overlayfs or vfs.
#![deny(unsafe_code)]

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("{path}: {source}")]
    Io {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
}
