//! Whose attributes a stack of layers shows as `/`. A layer whose tar has no entry for its root
//! (`./`, absent from the layers any builder makes for RUN and COPY) keeps the root of the layer
//! below it, as containers/storage gives a new layer its parent's root; its own directory's root
//! cannot hold that, since one layer directory serves every stack its diff_id is in. So such a
//! layer is marked in `graphroot/root-inherited/<dir>`, and a stack's `/` is resolved from the
//! marks when a container's rootfs is made.

use crate::{LayerStore, Result, Staging, StorageError};
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// The mode of `/` when no layer of the stack sets it: containers/storage makes a layer with
/// no parent with a 0555 root and does not take the root from its tar.
pub const DEFAULT_ROOT_MODE: u32 = 0o555;

/// The owner and mode a stack of layers shows as `/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RootAttrs {
    pub uid: u32,
    pub gid: u32,
    /// Permission bits (with setuid, setgid and sticky), no file type.
    pub mode: u32,
}

impl RootAttrs {
    /// The attributes directory `dir` has.
    pub fn of(dir: &Path) -> io::Result<RootAttrs> {
        let m = std::fs::metadata(dir)?;
        Ok(RootAttrs {
            uid: m.uid(),
            gid: m.gid(),
            mode: m.mode() & 0o7777,
        })
    }

    /// Gives directory `dir` these attributes.
    pub fn apply(&self, dir: &Path) -> io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let m = std::fs::symlink_metadata(dir)?;
        if (m.uid(), m.gid()) != (self.uid, self.gid) {
            std::os::unix::fs::lchown(dir, Some(self.uid), Some(self.gid))?;
        }
        if m.mode() & 0o7777 != self.mode {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(self.mode))?;
        }
        Ok(())
    }
}

/// The start of the names of the root layers over layer `dir`.
fn root_layer_prefix(dir: &str) -> String {
    format!("{dir}.root-")
}

impl Staging {
    /// Where the mark that this layer's root is inherited waits until `promote`.
    pub(crate) fn inherited_root_path(&self) -> PathBuf {
        let mut name = self.path.as_os_str().to_owned();
        name.push(".root-inherited");
        PathBuf::from(name)
    }

    /// Marks the layer being staged as one whose tar has no root entry: `/` comes from the
    /// layers below it. The mark sits beside the staging directory, and moves with it.
    pub fn mark_root_inherited(&self) -> io::Result<()> {
        std::fs::write(self.inherited_root_path(), b"")
    }
}

impl LayerStore {
    fn root_mark(&self, dir: &str) -> PathBuf {
        self.root.join("root-inherited").join(dir)
    }

    /// Moves the staging mark (if any) to layer `id`, before the layer itself gets there, so
    /// that no layer is ever seen without its mark. Returns whether there was one.
    pub(crate) fn keep_root_mark(&self, staging: &Staging, id: &str) -> Result<bool> {
        let from = staging.inherited_root_path();
        if !from.exists() {
            return Ok(false);
        }
        let to = self.root_mark(id);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| StorageError::io(parent, e))?;
        }
        std::fs::rename(&from, &to).map_err(|e| StorageError::io(&to, e))?;
        Ok(true)
    }

    /// Undoes `keep_root_mark` when the layer could not be moved after all.
    pub(crate) fn return_root_mark(&self, staging: &Staging, id: &str) {
        let from = self.root_mark(id);
        if let Err(e) = std::fs::rename(&from, staging.inherited_root_path()) {
            tracing::warn!("moving {} back: {e}", from.display());
            self.remove_root_mark(id);
        }
    }

    pub(crate) fn remove_root_mark(&self, dir: &str) {
        let p = self.root_mark(dir);
        if let Err(e) = std::fs::remove_file(&p) {
            if e.kind() != io::ErrorKind::NotFound {
                tracing::warn!("removing {}: {e}", p.display());
            }
        }
    }

    /// Whether layer `dir`'s tar has no root entry, so that its root is the layers' below.
    /// Layers stored before this was recorded count as setting it (their root is used as is).
    pub fn root_inherited(&self, dir: &str) -> bool {
        self.root_mark(dir).exists()
    }

    /// A layer of only a root directory with `attrs`, made on first use, to go on top of a
    /// stack whose top layer is `top` when it is mounted without an upper directory (`image
    /// mount`): overlay then shows the top layer's own root as `/`. Removed with `top`.
    pub fn root_layer(&self, top: &str, attrs: &RootAttrs) -> Result<PathBuf> {
        let name = format!(
            "{}{:o}-{}-{}",
            root_layer_prefix(top),
            attrs.mode,
            attrs.uid,
            attrs.gid
        );
        let dest = self.layer_path(&name);
        if dest.is_dir() {
            return Ok(dest);
        }
        let staging = self.staging()?;
        let layer = staging.path.join("layer");
        std::fs::create_dir(&layer)
            .and_then(|()| attrs.apply(&layer))
            .map_err(|e| StorageError::io(&layer, e))?;
        Self::publish_derived(&layer, &dest)?;
        Ok(dest)
    }

    /// Removes the root layers over layer `dir`.
    pub(crate) fn remove_root_layers(&self, dir: &str) {
        self.remove_derived(&root_layer_prefix(dir));
    }

    /// What the stack of layers `dirs` (top first) shows as `/`, read from `lowers`, the
    /// directories mounted for them in the same order (the layers, or copies with shifted
    /// owners): the root of the topmost layer whose tar sets it; when none does, the owner of
    /// the bottom layer's root (the unpacking user, container root) with mode 0555.
    pub fn root_attrs(&self, dirs: &[String], lowers: &[PathBuf]) -> Result<Option<RootAttrs>> {
        let from = dirs
            .iter()
            .position(|d| !self.root_inherited(d))
            .and_then(|i| lowers.get(i));
        let Some(path) = from.or(lowers.last()) else {
            return Ok(None);
        };
        let m = std::fs::metadata(path).map_err(|e| StorageError::io(path, e))?;
        Ok(Some(RootAttrs {
            uid: m.uid(),
            gid: m.gid(),
            mode: match from {
                Some(_) => m.mode() & 0o7777,
                None => DEFAULT_ROOT_MODE,
            },
        }))
    }
}
