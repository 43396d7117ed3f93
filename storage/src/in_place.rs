//! A layer directory moved into the store instead of unpacked from its tar: each entry is given,
//! in place, what unpacking the tar written from it would have given it, so that the layer is
//! the same to every later reader (overlay, `diff`, squash, the tar rebuilt from it when it has
//! no tar-split). Entries that would need more than their metadata fixed are refused, and the
//! caller unpacks instead.

use std::ffi::{OsStr, OsString};
use std::fs::Metadata;
use std::io;
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

use hutch_sys::fs as sysfs;

/// An entry that unpacking would turn into something else (a `.wh.` name, a device, a socket,
/// a name the tar cannot carry, an attribute that cannot be removed).
#[derive(Debug, thiserror::Error)]
#[error("{path}: {reason}: the layer must be unpacked from its tar")]
pub struct NotInPlace {
    pub path: PathBuf,
    pub reason: &'static str,
}

impl NotInPlace {
    fn io(path: &Path, reason: &'static str) -> io::Error {
        io::Error::other(NotInPlace {
            path: path.to_path_buf(),
            reason,
        })
    }

    /// The refusal an error from the walk carries, or the error as it was.
    pub fn take(e: io::Error) -> Result<NotInPlace, io::Error> {
        if !e.get_ref().is_some_and(|x| x.is::<NotInPlace>()) {
            return Err(e);
        }
        match e.into_inner().map(|x| x.downcast::<NotInPlace>()) {
            Some(Ok(why)) => Ok(*why),
            _ => unreachable!("checked above"),
        }
    }
}

/// Fixes a layer directory as it is walked to write its tar.
pub struct InPlace {
    root: PathBuf,
    fd: OwnedFd,
}

impl InPlace {
    /// Starts on the directory `root`, giving it what unpacking gives a layer root the tar does
    /// not describe: the unpacker's owner, mode 0755 and no extended attributes.
    pub fn new(root: &Path) -> io::Result<InPlace> {
        let fd = sysfs::open_dir(root)?;
        let meta = root.symlink_metadata()?;
        let (uid, gid) = sysfs::effective_ids();
        let here = Path::new(".");
        if (meta.uid(), meta.gid()) != (uid, gid) {
            sysfs::lchown_at(fd.as_fd(), here, uid, gid)?;
        }
        if meta.mode() & 0o7777 != 0o755 {
            sysfs::chmod_at(fd.as_fd(), here, 0o755)?;
        }
        let names = match sysfs::llistxattr(root) {
            Ok(n) => n,
            Err(e) if sysfs::is_xattr_unsupported(&e) => Vec::new(),
            Err(e) => return Err(e),
        };
        for n in names {
            if sysfs::lremovexattr(root, &n).is_err() {
                return Err(NotInPlace::io(
                    root,
                    "an extended attribute cannot be removed",
                ));
            }
        }
        Ok(InPlace {
            root: root.to_path_buf(),
            fd,
        })
    }

    /// Before entry `rel` (below the root, not a whiteout) is written, with its extended
    /// attributes `xattrs`: refuses what cannot stay, removes the attributes the tar leaves
    /// out (overlay's bookkeeping, ACLs, anything but `user.*` and `security.capability`).
    pub fn entry(&self, rel: &Path, meta: &Metadata, xattrs: &[OsString]) -> io::Result<()> {
        let path = self.root.join(rel);
        let name = rel.file_name().unwrap_or_default();
        if name.to_str().is_none() {
            return Err(NotInPlace::io(&path, "the name is not UTF-8"));
        }
        if name.as_bytes().starts_with(crate::unpack::WHITEOUT_PREFIX) {
            return Err(NotInPlace::io(&path, "a whiteout file"));
        }
        let ft = meta.file_type();
        if ft.is_char_device() || ft.is_block_device() || ft.is_socket() {
            return Err(NotInPlace::io(&path, "a device or socket"));
        }
        for x in xattrs {
            // Unpacking turns it into the user.* marker; it cannot be seen rootless anyway.
            if x.as_bytes() == b"trusted.overlay.opaque" {
                return Err(NotInPlace::io(&path, "a trusted.overlay.opaque attribute"));
            }
            if crate::unpack::xattr_allowed(x.as_bytes()) || self.opaque(&path, meta, x)? {
                continue;
            }
            if sysfs::lremovexattr(&path, x).is_err() {
                return Err(NotInPlace::io(
                    &path,
                    "an extended attribute cannot be removed",
                ));
            }
        }
        Ok(())
    }

    /// Whether `x` is the opaque marker of directory `path`, in the form unpacking writes.
    fn opaque(&self, path: &Path, meta: &Metadata, x: &OsStr) -> io::Result<bool> {
        if !meta.is_dir() || x.as_bytes() != crate::unpack::OPAQUE_XATTR.as_bytes() {
            return Ok(false);
        }
        Ok(sysfs::lgetxattr(path, x)?.as_deref() == Some(b"y"))
    }

    /// After entry `rel` is written (a directory: after everything below it): the mtime its
    /// tar header holds, whole seconds, as unpacking sets it.
    pub fn written(&self, rel: &Path, meta: &Metadata) -> io::Result<()> {
        let sec = meta.mtime().max(0);
        if sec == meta.mtime() && meta.mtime_nsec() == 0 {
            return Ok(());
        }
        sysfs::set_times_at(self.fd.as_fd(), rel, sec, 0)
    }
}
