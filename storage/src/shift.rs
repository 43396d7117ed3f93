//! Layers with their owners shifted, for containers whose user namespace numbers ids
//! differently from hutch's (`--userns=keep-id`). Rootless, the kernel cannot idmap an overlay
//! or its layers, so, as containers/storage does, a layer is copied once per mapping with its
//! owners translated, and kept beside the layer (removed with it).

use crate::{LayerStore, Result, StorageError};
use std::collections::HashMap;
use std::ffi::OsStr;
use std::io;
use std::os::fd::AsFd;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// How ids are translated: `uid(on disk)` is the owner the copy gets.
pub struct IdShift<'a> {
    /// Names the mapping in the copy's directory name (`[a-z0-9-]`).
    pub tag: &'a str,
    pub uid: &'a dyn Fn(u32) -> u32,
    pub gid: &'a dyn Fn(u32) -> u32,
}

/// The directory of layer `dir`'s copy for mapping `tag`.
fn shifted_name(dir: &str, tag: &str) -> String {
    format!("{dir}.idmap-{tag}")
}

impl LayerStore {
    /// Layer `dir` with its owners shifted, copied on first use.
    pub fn shifted_layer(&self, dir: &str, shift: &IdShift<'_>) -> Result<PathBuf> {
        let dest = self.layer_path(&shifted_name(dir, shift.tag));
        if dest.is_dir() {
            return Ok(dest);
        }
        let src = self.layer_path(dir);
        let staging = self.staging()?;
        let top = staging.path.join("layer");
        let mut links = HashMap::new();
        copy_shifted(&src, &top, shift, &mut links).map_err(|e| StorageError::io(&src, e))?;
        Self::publish_derived(&top, &dest)?;
        Ok(dest)
    }

    /// Removes the shifted copies of layer `dir`.
    pub(crate) fn remove_shifted(&self, dir: &str) {
        self.remove_derived(&shifted_name(dir, ""));
    }
}

/// Copies `src` to `dst` (which must not exist) with owners shifted, keeping modes, times,
/// xattrs (overlay's opaque markers among them), whiteouts and hard links.
fn copy_shifted(
    src: &Path,
    dst: &Path,
    shift: &IdShift<'_>,
    links: &mut HashMap<(u64, u64), PathBuf>,
) -> io::Result<()> {
    let meta = std::fs::symlink_metadata(src)?;
    let ft = meta.file_type();
    let parent = hutch_sys::fs::open_dir(dst.parent().unwrap_or(Path::new("/")))?;
    let name = Path::new(dst.file_name().unwrap_or(OsStr::new(".")));
    if ft.is_dir() {
        hutch_sys::fs::mkdir_at(parent.as_fd(), name, 0o700)?;
        let mut children: Vec<_> = std::fs::read_dir(src)?
            .map(|e| e.map(|e| e.file_name()))
            .collect::<io::Result<_>>()?;
        children.sort();
        for c in children {
            copy_shifted(&src.join(&c), &dst.join(&c), shift, links)?;
        }
    } else if ft.is_file() && meta.nlink() > 1 {
        let key = (meta.dev(), meta.ino());
        if let Some(first) = links.get(&key) {
            return std::fs::hard_link(first, dst);
        }
        links.insert(key, dst.to_path_buf());
        std::fs::copy(src, dst)?;
    } else if ft.is_file() {
        std::fs::copy(src, dst)?;
    } else if ft.is_symlink() {
        hutch_sys::fs::symlink_at(std::fs::read_link(src)?.as_os_str(), parent.as_fd(), name)?;
    } else if hutch_sys::fs::is_whiteout(&meta) {
        hutch_sys::fs::mknod_whiteout_at(parent.as_fd(), name)?;
    } else if ft.is_fifo() {
        hutch_sys::fs::mkfifo_at(parent.as_fd(), name, meta.mode() & 0o7777)?;
    } else {
        // Devices other than whiteouts cannot be made in a user namespace (unpacking skips
        // them too); sockets have no copy.
        return Ok(());
    }
    copy_xattrs(src, dst)?;
    hutch_sys::fs::lchown_at(
        parent.as_fd(),
        name,
        (shift.uid)(meta.uid()),
        (shift.gid)(meta.gid()),
    )?;
    if !ft.is_symlink() {
        // After the chown, which clears set-id bits.
        std::fs::set_permissions(dst, std::fs::Permissions::from_mode(meta.mode() & 0o7777))?;
    }
    hutch_sys::fs::set_times_at(parent.as_fd(), name, meta.mtime(), meta.mtime_nsec())
}

fn copy_xattrs(src: &Path, dst: &Path) -> io::Result<()> {
    let names = match hutch_sys::fs::llistxattr(src) {
        Ok(n) => n,
        Err(e) if hutch_sys::fs::is_xattr_unsupported(&e) => return Ok(()),
        Err(e) => return Err(e),
    };
    for n in names {
        if let Some(v) = hutch_sys::fs::lgetxattr(src, &n)? {
            if let Err(e) = hutch_sys::fs::lsetxattr(dst, &n, &v) {
                // trusted.* and the like are not ours to set rootless; the layer had them
                // from a privileged unpack we could not reproduce anyway.
                tracing::debug!("{}: xattr {:?} not copied: {e}", dst.display(), n);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shifted_copy_keeps_links_modes_and_whiteouts() {
        let dir = tempfile::tempdir().unwrap();
        let store = LayerStore::new(dir.path());
        let layer = store.layer_path("l1");
        std::fs::create_dir_all(layer.join("d")).unwrap();
        std::fs::write(layer.join("d/f"), "x").unwrap();
        std::fs::hard_link(layer.join("d/f"), layer.join("g")).unwrap();
        std::os::unix::fs::symlink("d/f", layer.join("s")).unwrap();
        std::fs::set_permissions(layer.join("d"), std::fs::Permissions::from_mode(0o555)).unwrap();
        let (uid, gid) = hutch_sys::fs::effective_ids();
        let same = |id: u32| id;
        let shift = IdShift {
            tag: "t",
            uid: &same,
            gid: &same,
        };
        let copy = store.shifted_layer("l1", &shift).unwrap();
        assert_eq!(copy, store.layer_path("l1.idmap-t"));
        let f = std::fs::metadata(copy.join("d/f")).unwrap();
        assert_eq!(f.ino(), std::fs::metadata(copy.join("g")).unwrap().ino());
        assert_eq!((f.uid(), f.gid()), (uid, gid));
        assert_eq!(
            std::fs::read_link(copy.join("s")).unwrap(),
            Path::new("d/f")
        );
        let d = std::fs::metadata(copy.join("d")).unwrap();
        assert_eq!(d.mode() & 0o7777, 0o555);
        // Asked again, the copy is reused.
        assert_eq!(store.shifted_layer("l1", &shift).unwrap(), copy);
        store.remove_layer("l1").unwrap();
        assert!(!copy.exists());
    }
}
