//! Removing and copying whole trees without following symlinks: removal copes with
//! directories that have no write or search permission (mode 0000 in an image), and the vfs
//! driver's copy of a layer onto a plain directory.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::io;
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

const OPAQUE: &str = "user.overlay.opaque";

/// Removes `path` and everything under it; a missing path is not an error.
pub fn remove_tree(path: &Path) -> io::Result<()> {
    let meta = match path.symlink_metadata() {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    if !meta.is_dir() {
        return std::fs::remove_file(path);
    }
    match std::fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            make_writable(path)?;
            std::fs::remove_dir_all(path)
        }
        Err(e) => Err(e),
    }
}

/// Gives the owner rwx on every directory under `path` (not following symlinks).
fn make_writable(path: &Path) -> io::Result<()> {
    let meta = path.symlink_metadata()?;
    if !meta.is_dir() {
        return Ok(());
    }
    let mode = meta.permissions().mode();
    if mode & 0o700 != 0o700 {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode | 0o700))?;
    }
    for entry in std::fs::read_dir(path)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            make_writable(&entry.path())?;
        }
    }
    Ok(())
}

/// Copies one layer over `dst` the way overlay would show it on top of what is there:
/// whiteouts delete, opaque directories replace, everything else is copied with owner,
/// mode, mtime, xattrs and hardlinks kept. Never follows a symlink in either tree.
pub(crate) fn apply_layer(src: &Path, dst: &Path) -> io::Result<()> {
    let dst_fd = hutch_sys::fs::open_dir(dst)?;
    let mut c = Copier {
        src,
        dst,
        fd: dst_fd,
        links: HashMap::new(),
        dirs: Vec::new(),
    };
    c.walk(Path::new(""))?;
    // The layer root's attributes win, as the top layer's root does in overlay.
    let root = src.symlink_metadata()?;
    let fd = c.fd.as_fd();
    let _ = hutch_sys::fs::lchown_at(fd, Path::new("."), root.uid(), root.gid());
    c.copy_xattrs(src, Path::new("."))?;
    c.dirs.push((PathBuf::from("."), root));
    c.dirs.sort_unstable_by(|a, b| b.0.cmp(&a.0));
    for (rel, meta) in &c.dirs {
        hutch_sys::fs::chmod_at(fd, rel, meta.mode() & 0o7777)?;
        hutch_sys::fs::set_times_at(fd, rel, meta.mtime(), meta.mtime_nsec())?;
    }
    Ok(())
}

struct Copier<'a> {
    src: &'a Path,
    dst: &'a Path,
    fd: OwnedFd,
    /// (dev, ino) of multiply-linked source files -> where the first copy went.
    links: HashMap<(u64, u64), PathBuf>,
    dirs: Vec<(PathBuf, std::fs::Metadata)>,
}

impl Copier<'_> {
    fn walk(&mut self, rel: &Path) -> io::Result<()> {
        for entry in std::fs::read_dir(self.src.join(rel))? {
            let entry = entry?;
            let r = rel.join(entry.file_name());
            let s = self.src.join(&r);
            let d = self.dst.join(&r);
            let meta = s.symlink_metadata()?;
            let ft = meta.file_type();
            let fd = self.fd.as_fd();
            if hutch_sys::fs::is_whiteout(&meta) {
                remove_tree(&d)?;
                continue;
            }
            if ft.is_dir() {
                match d.symlink_metadata() {
                    Ok(m) if m.is_dir() => {
                        let opaque = hutch_sys::fs::lgetxattr(&s, OsStr::new(OPAQUE))?;
                        if opaque.as_deref() == Some(b"y") {
                            for child in std::fs::read_dir(&d)? {
                                remove_tree(&child?.path())?;
                            }
                        }
                    }
                    Ok(_) => {
                        std::fs::remove_file(&d)?;
                        hutch_sys::fs::mkdir_at(fd, &r, 0o700)?;
                    }
                    Err(_) => hutch_sys::fs::mkdir_at(fd, &r, 0o700)?,
                }
                hutch_sys::fs::lchown_at(fd, &r, meta.uid(), meta.gid())?;
                self.copy_xattrs(&s, &r)?;
                self.walk(&r)?;
                self.dirs.push((r, meta));
                continue;
            }
            remove_tree(&d)?;
            if meta.nlink() > 1 {
                if let Some(first) = self.links.get(&(meta.dev(), meta.ino())) {
                    hutch_sys::fs::hardlink_at(fd, first, &r)?;
                    continue;
                }
                self.links.insert((meta.dev(), meta.ino()), r.clone());
            }
            if ft.is_file() {
                std::fs::copy(&s, &d)?;
                hutch_sys::fs::lchown_at(fd, &r, meta.uid(), meta.gid())?;
                // After chown, which clears setuid/setgid and capabilities.
                hutch_sys::fs::chmod_at(fd, &r, meta.mode() & 0o7777)?;
            } else if ft.is_symlink() {
                hutch_sys::fs::symlink_at(std::fs::read_link(&s)?.as_os_str(), fd, &r)?;
                hutch_sys::fs::lchown_at(fd, &r, meta.uid(), meta.gid())?;
            } else if ft.is_fifo() {
                hutch_sys::fs::mkfifo_at(fd, &r, 0o600)?;
                hutch_sys::fs::lchown_at(fd, &r, meta.uid(), meta.gid())?;
                hutch_sys::fs::chmod_at(fd, &r, meta.mode() & 0o7777)?;
            } else {
                tracing::debug!("vfs: skipping special file {}", s.display());
                continue;
            }
            self.copy_xattrs(&s, &r)?;
            hutch_sys::fs::set_times_at(fd, &r, meta.mtime(), meta.mtime_nsec())?;
        }
        Ok(())
    }

    /// Copies xattrs except overlay's own markers, which describe the layer, not the file.
    fn copy_xattrs(&self, src: &Path, rel: &Path) -> io::Result<()> {
        let names = match hutch_sys::fs::llistxattr(src) {
            Ok(n) => n,
            Err(e) if hutch_sys::fs::is_xattr_unsupported(&e) => return Ok(()),
            Err(e) => return Err(e),
        };
        let dst = self.dst.join(rel);
        for name in names {
            if name.as_bytes().windows(9).any(|w| w == b".overlay.") {
                continue;
            }
            if let Some(value) = hutch_sys::fs::lgetxattr(src, &name)? {
                if let Err(e) = hutch_sys::fs::lsetxattr(&dst, &name, &value) {
                    tracing::debug!("vfs: cannot copy xattr {name:?} to {}: {e}", dst.display());
                }
            }
        }
        Ok(())
    }
}
