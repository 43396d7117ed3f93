//! mount(2)/umount2(2) for overlay, tmpfs and read-only bind mounts. Overlay mount data is
//! limited to one page, so callers pass short paths relative to a directory this module
//! enters on a private thread (unshare(CLONE_FS)), never moving the process's own cwd.

use std::io;
use std::path::{Path, PathBuf};

use nix::mount::{MntFlags, MsFlags};

/// Mounts overlayfs with `data`, resolving relative paths in it against `cwd`.
pub fn mount_overlay(
    cwd: Option<&Path>,
    data: &str,
    target: &Path,
    readonly: bool,
) -> io::Result<()> {
    let cwd: Option<PathBuf> = cwd.map(Path::to_path_buf);
    let data = data.to_owned();
    let target = target.to_path_buf();
    let flags = if readonly {
        MsFlags::MS_RDONLY
    } else {
        MsFlags::empty()
    };
    let work = move || -> io::Result<()> {
        if let Some(cwd) = &cwd {
            // A thread of our own gets its own cwd, so chdir cannot disturb other threads.
            nix::sched::unshare(nix::sched::CloneFlags::CLONE_FS)?;
            std::env::set_current_dir(cwd)?;
        }
        nix::mount::mount(
            Some("overlay"),
            &target,
            Some("overlay"),
            flags,
            Some(data.as_str()),
        )?;
        Ok(())
    };
    std::thread::Builder::new()
        .name("hutch-mount".into())
        .spawn(work)?
        .join()
        .map_err(|_| io::Error::other("mount thread panicked"))?
}

pub fn mount_tmpfs(target: &Path, data: &str) -> io::Result<()> {
    Ok(nix::mount::mount(
        Some("tmpfs"),
        target,
        Some("tmpfs"),
        MsFlags::empty(),
        Some(data),
    )?)
}

/// A read-only bind mount of `source` on `target`.
pub fn bind_readonly(source: &Path, target: &Path) -> io::Result<()> {
    nix::mount::mount(
        Some(source),
        target,
        None::<&str>,
        MsFlags::MS_BIND | MsFlags::MS_REC,
        None::<&str>,
    )?;
    // In a user namespace the flags the source mount has locked (nosuid, nodev, ...) must be
    // repeated on remount, or it fails with EPERM.
    let locked = nix::sys::statvfs::statvfs(source).map(|s| s.flags());
    let mut flags = MsFlags::MS_BIND | MsFlags::MS_REMOUNT | MsFlags::MS_RDONLY;
    if let Ok(f) = locked {
        use nix::sys::statvfs::FsFlags as F;
        for (fs, ms) in [
            (F::ST_NOSUID, MsFlags::MS_NOSUID),
            (F::ST_NODEV, MsFlags::MS_NODEV),
            (F::ST_NOEXEC, MsFlags::MS_NOEXEC),
            (F::ST_NOATIME, MsFlags::MS_NOATIME),
            (F::ST_NODIRATIME, MsFlags::MS_NODIRATIME),
            (F::ST_RELATIME, MsFlags::MS_RELATIME),
        ] {
            if f.contains(fs) {
                flags |= ms;
            }
        }
    }
    let res = nix::mount::mount(None::<&str>, target, None::<&str>, flags, None::<&str>);
    if let Err(e) = res {
        let _ = nix::mount::umount2(target, MntFlags::MNT_DETACH);
        return Err(e.into());
    }
    Ok(())
}

/// Unmounts `target`; with `detach`, lazily (MNT_DETACH) when it is busy.
pub fn umount(target: &Path, detach: bool) -> io::Result<()> {
    let flags = if detach {
        MntFlags::MNT_DETACH
    } else {
        MntFlags::empty()
    };
    Ok(nix::mount::umount2(target, flags)?)
}

pub fn is_busy(e: &io::Error) -> bool {
    e.raw_os_error() == Some(nix::libc::EBUSY)
}

/// Whether the error says the caller lacks mount privileges.
pub fn is_permission_error(e: &io::Error) -> bool {
    matches!(
        e.raw_os_error(),
        Some(nix::libc::EPERM) | Some(nix::libc::EACCES)
    )
}
