//! Directory-relative file operations (`*at` syscalls) and extended attributes, used to write
//! layer trees without ever following a symlink the tree itself contains.
//! Everything returns `std::io::Error` so callers can attach the layer, entry or path it is about.
#![allow(unsafe_code)]

use std::ffi::{CString, OsStr, OsString};
use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, BorrowedFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::Path;

use nix::fcntl::{AtFlags, OFlag};
use nix::sys::stat::{Mode, SFlag, UtimensatFlags};
use nix::sys::time::TimeSpec;

fn mode(bits: u32) -> Mode {
    Mode::from_bits_truncate(bits as nix::libc::mode_t)
}

fn cstring(bytes: &[u8]) -> io::Result<CString> {
    CString::new(bytes).map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "nul byte in name"))
}

fn openat_owned(
    dir: Option<BorrowedFd<'_>>,
    path: &Path,
    flags: OFlag,
    perm: u32,
) -> io::Result<OwnedFd> {
    let fd = nix::fcntl::openat(
        dir.map(|d| d.as_raw_fd()),
        path,
        flags | OFlag::O_CLOEXEC,
        mode(perm),
    )?;
    // SAFETY: openat just returned this descriptor and nothing else owns it.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// Opens a directory (following symlinks in `path`: this is how callers name the root they trust).
pub fn open_dir(path: &Path) -> io::Result<OwnedFd> {
    openat_owned(None, path, OFlag::O_RDONLY | OFlag::O_DIRECTORY, 0)
}

/// Opens `rel` below `dir` as a directory, refusing a symlink in its last component.
pub fn open_dir_at(dir: BorrowedFd<'_>, rel: &Path) -> io::Result<OwnedFd> {
    openat_owned(
        Some(dir),
        rel,
        OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW,
        0,
    )
}

/// Creates a new regular file for writing; fails if anything exists at `rel` (even a symlink).
pub fn create_new_at(dir: BorrowedFd<'_>, rel: &Path, perm: u32) -> io::Result<File> {
    let fd = openat_owned(
        Some(dir),
        rel,
        OFlag::O_WRONLY | OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_NOFOLLOW,
        perm,
    )?;
    Ok(File::from(fd))
}

pub fn mkdir_at(dir: BorrowedFd<'_>, rel: &Path, perm: u32) -> io::Result<()> {
    Ok(nix::sys::stat::mkdirat(
        Some(dir.as_raw_fd()),
        rel,
        mode(perm),
    )?)
}

/// An overlay whiteout: a character device 0/0.
pub fn mknod_whiteout_at(dir: BorrowedFd<'_>, rel: &Path) -> io::Result<()> {
    Ok(nix::sys::stat::mknodat(
        Some(dir.as_raw_fd()),
        rel,
        SFlag::S_IFCHR,
        Mode::empty(),
        0,
    )?)
}

pub fn mkfifo_at(dir: BorrowedFd<'_>, rel: &Path, perm: u32) -> io::Result<()> {
    Ok(nix::unistd::mkfifoat(
        Some(dir.as_raw_fd()),
        rel,
        mode(perm),
    )?)
}

pub fn symlink_at(target: &OsStr, dir: BorrowedFd<'_>, rel: &Path) -> io::Result<()> {
    Ok(nix::unistd::symlinkat(target, Some(dir.as_raw_fd()), rel)?)
}

/// A hard link that does not follow `old` if it is a symlink.
pub fn hardlink_at(dir: BorrowedFd<'_>, old: &Path, new: &Path) -> io::Result<()> {
    let fd = Some(dir.as_raw_fd());
    Ok(nix::unistd::linkat(fd, old, fd, new, AtFlags::empty())?)
}

/// chown without following a symlink in the last component.
pub fn lchown_at(dir: BorrowedFd<'_>, rel: &Path, uid: u32, gid: u32) -> io::Result<()> {
    Ok(nix::unistd::fchownat(
        Some(dir.as_raw_fd()),
        rel,
        Some(nix::unistd::Uid::from_raw(uid)),
        Some(nix::unistd::Gid::from_raw(gid)),
        AtFlags::AT_SYMLINK_NOFOLLOW,
    )?)
}

/// chmod; Linux cannot chmod a symlink, so callers only pass paths they know are not one.
pub fn chmod_at(dir: BorrowedFd<'_>, rel: &Path, perm: u32) -> io::Result<()> {
    Ok(nix::sys::stat::fchmodat(
        Some(dir.as_raw_fd()),
        rel,
        mode(perm),
        nix::sys::stat::FchmodatFlags::FollowSymlink,
    )?)
}

/// Sets atime and mtime of `rel` (not following a symlink in the last component).
pub fn set_times_at(dir: BorrowedFd<'_>, rel: &Path, sec: i64, nsec: i64) -> io::Result<()> {
    let ts = TimeSpec::new(sec, nsec);
    Ok(nix::sys::stat::utimensat(
        Some(dir.as_raw_fd()),
        rel,
        &ts,
        &ts,
        UtimensatFlags::NoFollowSymlink,
    )?)
}

pub fn unlink_at(dir: BorrowedFd<'_>, rel: &Path) -> io::Result<()> {
    Ok(nix::unistd::unlinkat(
        Some(dir.as_raw_fd()),
        rel,
        nix::unistd::UnlinkatFlags::NoRemoveDir,
    )?)
}

fn check(res: nix::libc::c_int) -> io::Result<nix::libc::c_int> {
    if res < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(res)
    }
}

fn check_size(res: nix::libc::ssize_t) -> io::Result<usize> {
    if res < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(res as usize)
    }
}

/// Sets an extended attribute on `path` itself (not following a final symlink).
pub fn lsetxattr(path: &Path, name: &OsStr, value: &[u8]) -> io::Result<()> {
    let p = cstring(path.as_os_str().as_bytes())?;
    let n = cstring(name.as_bytes())?;
    // SAFETY: both strings are NUL-terminated and live across the call; value is a valid slice.
    check(unsafe {
        nix::libc::lsetxattr(
            p.as_ptr(),
            n.as_ptr(),
            value.as_ptr().cast(),
            value.len(),
            0,
        )
    })?;
    Ok(())
}

/// Sets an extended attribute on an open file.
pub fn fsetxattr(file: BorrowedFd<'_>, name: &OsStr, value: &[u8]) -> io::Result<()> {
    let n = cstring(name.as_bytes())?;
    // SAFETY: the fd is borrowed for the call, the name is NUL-terminated, value is a valid slice.
    check(unsafe {
        nix::libc::fsetxattr(
            file.as_raw_fd(),
            n.as_ptr(),
            value.as_ptr().cast(),
            value.len(),
            0,
        )
    })?;
    Ok(())
}

/// Removes an extended attribute from `path` itself (not following a final symlink).
pub fn lremovexattr(path: &Path, name: &OsStr) -> io::Result<()> {
    let p = cstring(path.as_os_str().as_bytes())?;
    let n = cstring(name.as_bytes())?;
    // SAFETY: both strings are NUL-terminated and live across the call.
    check(unsafe { nix::libc::lremovexattr(p.as_ptr(), n.as_ptr()) })?;
    Ok(())
}

/// The names of the extended attributes of `path` itself (not following a final symlink).
pub fn llistxattr(path: &Path) -> io::Result<Vec<OsString>> {
    let p = cstring(path.as_os_str().as_bytes())?;
    let mut buf = vec![0u8; 1024];
    loop {
        // SAFETY: buf is a valid writable buffer of buf.len() bytes.
        let res = unsafe { nix::libc::llistxattr(p.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
        match check_size(res) {
            Ok(n) => {
                buf.truncate(n);
                return Ok(buf
                    .split(|b| *b == 0)
                    .filter(|s| !s.is_empty())
                    .map(|s| OsString::from_vec(s.to_vec()))
                    .collect());
            }
            Err(e) if e.raw_os_error() == Some(nix::libc::ERANGE) => buf.resize(buf.len() * 4, 0),
            Err(e) => return Err(e),
        }
    }
}

/// The value of one extended attribute of `path` itself; `None` when it is not set.
pub fn lgetxattr(path: &Path, name: &OsStr) -> io::Result<Option<Vec<u8>>> {
    let p = cstring(path.as_os_str().as_bytes())?;
    let n = cstring(name.as_bytes())?;
    let mut buf = vec![0u8; 256];
    loop {
        // SAFETY: strings are NUL-terminated; buf is a valid writable buffer of buf.len() bytes.
        let res = unsafe {
            nix::libc::lgetxattr(p.as_ptr(), n.as_ptr(), buf.as_mut_ptr().cast(), buf.len())
        };
        match check_size(res) {
            Ok(len) => {
                buf.truncate(len);
                return Ok(Some(buf));
            }
            Err(e) if e.raw_os_error() == Some(nix::libc::ENODATA) => return Ok(None),
            Err(e) if e.raw_os_error() == Some(nix::libc::ERANGE) => buf.resize(buf.len() * 4, 0),
            Err(e) => return Err(e),
        }
    }
}

/// Whether an error means "this filesystem or user cannot have that attribute".
pub fn is_xattr_unsupported(e: &io::Error) -> bool {
    matches!(
        e.raw_os_error(),
        Some(nix::libc::ENOTSUP) | Some(nix::libc::EPERM) | Some(nix::libc::EACCES)
    )
}

/// Whether a chown failed because the id is not mapped (EINVAL) or not allowed (EPERM).
pub fn is_chown_unmappable(e: &io::Error) -> bool {
    matches!(
        e.raw_os_error(),
        Some(nix::libc::EINVAL) | Some(nix::libc::EPERM)
    )
}

/// The effective uid and gid: the owner a newly created file gets.
pub fn effective_ids() -> (u32, u32) {
    (
        nix::unistd::geteuid().as_raw(),
        nix::unistd::getegid().as_raw(),
    )
}

/// Whether `meta` is an overlay whiteout (character device 0/0).
pub fn is_whiteout(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    meta.file_type().is_char_device() && meta.rdev() == 0
}

/// Whether `path` is the root of a mount, from statx's `STATX_ATTR_MOUNT_ROOT` (no symlink
/// followed at the last component); None when the kernel does not report that attribute
/// (before 5.8) or `path` cannot be examined, so the caller can fall back to mountinfo.
pub fn is_mount_root(path: &Path) -> Option<bool> {
    use std::os::unix::ffi::OsStrExt;
    let p = cstring(path.as_os_str().as_bytes()).ok()?;
    let mut buf = std::mem::MaybeUninit::<nix::libc::statx>::zeroed();
    // SAFETY: `p` is a NUL-terminated path that outlives the call and `buf` is a writable
    // statx buffer of the kernel's layout; the kernel writes at most that much into it.
    let res = unsafe {
        nix::libc::statx(
            nix::libc::AT_FDCWD,
            p.as_ptr(),
            nix::libc::AT_SYMLINK_NOFOLLOW | nix::libc::AT_NO_AUTOMOUNT,
            0,
            buf.as_mut_ptr(),
        )
    };
    if res != 0 {
        return None;
    }
    // SAFETY: statx returned 0, so it filled the buffer (which started zeroed anyway).
    let st = unsafe { buf.assume_init() };
    let bit = nix::libc::STATX_ATTR_MOUNT_ROOT as u64;
    (st.stx_attributes_mask & bit != 0).then_some(st.stx_attributes & bit != 0)
}
