//! The layer store on disk: unpacking layer tarballs safely into their overlay form, and
//! mounting a stack of layers with kernel overlayfs, fuse-overlayfs or vfs.
#![deny(unsafe_code)]

pub mod digest;
mod in_place;
pub mod mount;
mod root;
mod shift;
mod targets;
pub mod tarsplit;
pub mod unpack;

mod tree;

use std::io;
use std::path::{Path, PathBuf};

pub use digest::{Digest, HashingReader, HashingWriter};
pub use in_place::{InPlace, NotInPlace};
pub use root::{RootAttrs, DEFAULT_ROOT_MODE};
pub use shift::IdShift;
pub use targets::{is_opaque, lookup as lookup_in_layers, Target};
pub use tree::remove_tree;

pub type Result<T, E = StorageError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("invalid layer directory name {dir:?}")]
    BadLayerDir { dir: String },
    #[error(transparent)]
    Unpack(#[from] unpack::UnpackError),
    #[error(transparent)]
    Mount(#[from] mount::MountError),
}

impl StorageError {
    fn io(path: impl Into<PathBuf>, source: io::Error) -> Self {
        StorageError::Io {
            path: path.into(),
            source,
        }
    }
}

/// Layers live in `graphroot/layers/<dir>`; pulls stage in `graphroot/tmp/<pid>-<random>`.
pub struct LayerStore {
    root: PathBuf,
}

/// A staging directory; dropping it without `promote` removes it.
#[derive(Debug)]
pub struct Staging {
    pub path: PathBuf,
    keep: bool,
}

impl Staging {
    /// Where an unpack into this staging directory records its tar-split; `promote` moves it
    /// next to the layer.
    pub fn split_path(&self) -> PathBuf {
        let mut name = self.path.as_os_str().to_owned();
        name.push(".tar-split");
        PathBuf::from(name)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_file(self.split_path());
            let _ = std::fs::remove_file(self.inherited_root_path());
            if let Err(e) = remove_tree(&self.path) {
                tracing::warn!(
                    "cannot remove staging directory {}: {e}",
                    self.path.display()
                );
            }
        }
    }
}

fn random_hex() -> String {
    format!("{:016x}", rand::random::<u64>())
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

    /// The tar-split of layer directory `dir`, when one was recorded (`tarsplit`).
    pub fn tar_split_path(&self, dir: &str) -> PathBuf {
        self.root.join("tar-split").join(format!("{dir}.zst"))
    }

    fn tmp_dir(&self) -> PathBuf {
        self.root.join("tmp")
    }

    /// A fresh private directory under `graphroot/tmp`, named after our pid so that
    /// `clean_stale` can tell whether its owner is still running.
    pub fn staging(&self) -> Result<Staging> {
        use std::os::unix::fs::DirBuilderExt;
        let tmp = self.tmp_dir();
        std::fs::create_dir_all(&tmp).map_err(|e| StorageError::io(&tmp, e))?;
        loop {
            let path = tmp.join(format!("{}-{}", std::process::id(), random_hex()));
            match std::fs::DirBuilder::new().mode(0o700).create(&path) {
                Ok(()) => return Ok(Staging { path, keep: false }),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(StorageError::io(&path, e)),
            }
        }
    }

    /// Publishes `made` (a directory in a staging area) as layer directory `dest`: a layer
    /// derived from another (a shifted copy, a mount-targets layer). When another hutch made
    /// the same one meanwhile, theirs stays and `made` goes with its staging area.
    fn publish_derived(made: &Path, dest: &Path) -> Result<()> {
        match std::fs::rename(made, dest) {
            Ok(()) => Ok(()),
            Err(_) if dest.is_dir() => Ok(()),
            Err(e) => Err(StorageError::io(dest, e)),
        }
    }

    /// Removes the layer directories whose names start with `prefix` (the derived layers of
    /// one layer); a failure is only logged, as the layer itself is gone already.
    fn remove_derived(&self, prefix: &str) {
        let layers = self.root.join("layers");
        let Ok(entries) = std::fs::read_dir(&layers) else {
            return;
        };
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(prefix) {
                if let Err(err) = crate::remove_tree(&e.path()) {
                    tracing::warn!("removing {}: {err}", e.path().display());
                }
            }
        }
    }

    /// Takes directory `dir`, which nobody uses any more, as a staging directory by renaming
    /// it (so it must be on the store's filesystem): a layer whose files are already there.
    pub fn adopt_dir(&self, dir: &Path) -> Result<Staging> {
        let tmp = self.tmp_dir();
        std::fs::create_dir_all(&tmp).map_err(|e| StorageError::io(&tmp, e))?;
        loop {
            let path = tmp.join(format!("{}-{}", std::process::id(), random_hex()));
            if path.symlink_metadata().is_ok() {
                continue;
            }
            match std::fs::rename(dir, &path) {
                Ok(()) => return Ok(Staging { path, keep: false }),
                Err(e)
                    if e.kind() == io::ErrorKind::AlreadyExists
                        || e.kind() == io::ErrorKind::DirectoryNotEmpty =>
                {
                    continue
                }
                Err(e) => return Err(StorageError::io(dir, e)),
            }
        }
    }

    /// Moves a finished staging directory into `layers/` under a new random id.
    pub fn promote(&self, mut staging: Staging) -> Result<String> {
        let layers = self.root.join("layers");
        std::fs::create_dir_all(&layers).map_err(|e| StorageError::io(&layers, e))?;
        loop {
            let id = random_hex();
            let dest = layers.join(&id);
            // rename(2) refuses to replace a non-empty directory, so an id collision shows up
            // as an error rather than clobbering a layer.
            if dest.symlink_metadata().is_ok() {
                continue;
            }
            let marked = self.keep_root_mark(&staging, &id)?;
            match std::fs::rename(&staging.path, &dest) {
                Ok(()) => {
                    staging.keep = true;
                    self.keep_split(&staging, &id);
                    return Ok(id);
                }
                Err(e) => {
                    if marked {
                        self.return_root_mark(&staging, &id);
                    }
                    if e.kind() == io::ErrorKind::AlreadyExists
                        || e.kind() == io::ErrorKind::DirectoryNotEmpty
                    {
                        continue;
                    }
                    return Err(StorageError::io(&staging.path, e));
                }
            }
        }
    }

    /// Moves the staging tar-split next to the promoted layer. Without it the layer still
    /// works; only reproducing its exact tar needs it, so a failure is logged, not fatal.
    fn keep_split(&self, staging: &Staging, id: &str) {
        let from = staging.split_path();
        if !from.exists() {
            return;
        }
        let to = self.tar_split_path(id);
        let res = to
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::rename(&from, &to));
        if let Err(e) = res {
            tracing::warn!("keeping tar-split {}: {e}", to.display());
            let _ = std::fs::remove_file(&from);
        }
    }

    /// Removes a layer tree, making read-only directories writable on the way.
    pub fn remove_layer(&self, dir: &str) -> Result<()> {
        if dir.is_empty() || dir == "." || dir == ".." || dir.contains('/') {
            return Err(StorageError::BadLayerDir {
                dir: dir.to_string(),
            });
        }
        let split = self.tar_split_path(dir);
        if let Err(e) = std::fs::remove_file(&split) {
            if e.kind() != io::ErrorKind::NotFound {
                tracing::warn!("removing {}: {e}", split.display());
            }
        }
        self.remove_shifted(dir);
        self.remove_targets(dir);
        self.remove_root_mark(dir);
        self.remove_root_layers(dir);
        let path = self.layer_path(dir);
        remove_tree(&path).map_err(|e| StorageError::io(&path, e))
    }

    /// Removes staging directories left by processes that died (kill -9, power loss).
    pub fn clean_stale(&self) -> Result<()> {
        let tmp = self.tmp_dir();
        let entries = match std::fs::read_dir(&tmp) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(StorageError::io(&tmp, e)),
        };
        for entry in entries {
            let entry = entry.map_err(|e| StorageError::io(&tmp, e))?;
            let name = entry.file_name();
            let Some(pid) = name
                .to_str()
                .and_then(|n| n.split_once('-'))
                .and_then(|(pid, _)| pid.parse::<i32>().ok())
            else {
                continue;
            };
            if hutch_sys::procfs::alive(pid) {
                continue;
            }
            let path = entry.path();
            tracing::debug!("removing stale staging directory {}", path.display());
            remove_tree(&path).map_err(|e| StorageError::io(&path, e))?;
        }
        Ok(())
    }
}
