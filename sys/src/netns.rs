//! Network namespaces: a new one is made on a private thread (with `lo` up) and held by that
//! thread ([`Holder`]), or kept alive by bind-mounting its `ns/net` onto a file ([`create`]), so
//! later processes (the runtime, pasta, slirp4netns, the next hutch command) can join it by path.
#![allow(unsafe_code)]

use crate::{Result, SysError};
use nix::mount::{MntFlags, MsFlags};
use std::path::{Path, PathBuf};

/// Creates a network namespace with `lo` up and binds it onto `path` (created empty first).
/// The namespace belongs to the caller's user namespace; the bind mount lives in the caller's
/// mount namespace. On failure nothing is left at `path`.
pub fn create(path: &Path) -> Result<()> {
    // The holder's thread keeps the namespace until the bind mount does.
    let holder = Holder::new()?;
    bind_existing(holder.path(), path)
}

/// A new network namespace with `lo` up, kept alive by a parked thread of this process instead
/// of a bind mount: for a container whose runtime joins it by path once and holds it from then
/// on (`--network none`). It costs no mount now and no unmount (an RCU grace period, up to a few
/// milliseconds) when the container goes. The path is valid until the holder drops.
#[derive(Debug)]
pub struct Holder {
    path: PathBuf,
    release: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Holder {
    /// Makes the namespace on a new thread and returns once it is ready to be joined.
    pub fn new() -> Result<Holder> {
        let (ready_tx, ready_rx) = std::sync::mpsc::channel::<Result<PathBuf>>();
        let (release, release_rx) = std::sync::mpsc::channel::<()>();
        // unshare(CLONE_NEWNET) moves only the calling thread: the rest of the process (and
        // its sockets) stays in the namespace it was in.
        let thread = std::thread::Builder::new()
            .name("hutch-netns".into())
            .spawn(move || {
                let made = nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWNET)
                    .map_err(|e| SysError::op("unshare(CLONE_NEWNET)", e))
                    .and_then(|()| set_loopback_up().map_err(|e| SysError::op("bringing lo up", e)))
                    .map(|()| {
                        PathBuf::from(format!(
                            "/proc/{}/task/{}/ns/net",
                            std::process::id(),
                            nix::unistd::gettid()
                        ))
                    });
                let ok = made.is_ok();
                let _ = ready_tx.send(made);
                if ok {
                    // Parked until the holder drops (the sender closes).
                    let _ = release_rx.recv();
                }
            })
            .map_err(|e| SysError::op("spawning the netns thread", e))?;
        let path = ready_rx.recv().map_err(|_| SysError::NetnsThreadEnded)?;
        match path {
            Ok(path) => Ok(Holder {
                path,
                release: Some(release),
                thread: Some(thread),
            }),
            Err(e) => {
                let _ = thread.join();
                Err(e)
            }
        }
    }

    /// `/proc/PID/task/TID/ns/net` of the parked thread.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Holder {
    fn drop(&mut self) {
        drop(self.release.take());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Binds an existing namespace (`/proc/PID/ns/net`) onto `path`, so that it outlives its
/// process and can be joined by path like one made by `create`.
pub fn bind_existing(source: &Path, path: &Path) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| SysError::path("mkdir", dir, e))?;
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|e| SysError::path("create", path, e))?;
    if let Err(e) = nix::mount::mount(
        Some(source),
        path,
        None::<&str>,
        MsFlags::MS_BIND,
        None::<&str>,
    ) {
        let _ = std::fs::remove_file(path);
        return Err(SysError::path(
            "bind-mounting the network namespace on",
            path,
            e,
        ));
    }
    Ok(())
}

/// Unmounts and removes a namespace file made by `create`; a missing file is not an error.
/// Removing the file is what tells a `pasta --netns PATH` to quit.
pub fn remove(path: &Path) -> Result<()> {
    match nix::mount::umount2(path, MntFlags::MNT_DETACH) {
        Ok(()) | Err(nix::errno::Errno::EINVAL) | Err(nix::errno::Errno::ENOENT) => {}
        Err(e) => return Err(SysError::path("unmount", path, e)),
    }
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(SysError::path("remove", path, e)),
    }
}

/// Whether `path` holds a live namespace (a bind mount of an `nsfs` inode), not a left-over
/// empty file.
pub fn is_netns(path: &Path) -> bool {
    nix::sys::statfs::statfs(path)
        .map(|s| s.filesystem_type() == nix::sys::statfs::NSFS_MAGIC)
        .unwrap_or(false)
}

/// Moves the calling thread into the network namespace bound at `path`, for good: a process
/// inside a user namespace cannot return to a namespace its user namespace does not own. Only
/// sockets created afterwards belong to the new namespace; existing ones keep theirs.
pub fn enter(path: &Path) -> Result<()> {
    let f = std::fs::File::open(path).map_err(|e| SysError::path("open", path, e))?;
    nix::sched::setns(&f, nix::sched::CloneFlags::CLONE_NEWNET)
        .map_err(|e| SysError::path("setns(CLONE_NEWNET) into", path, e))
}

/// Brings the loopback interface of the calling thread's network namespace up (as a runtime
/// does in a network namespace it made).
pub fn set_loopback_up() -> std::io::Result<()> {
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    // SAFETY: socket(2) takes no pointers; a non-negative result is a new descriptor we own.
    let raw = unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) };
    if raw < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: `raw` is a fresh descriptor from socket(2) that nothing else owns.
    let sock = unsafe { OwnedFd::from_raw_fd(raw) };
    // SAFETY: ifreq is plain old data; all-zero is a valid value for it.
    let mut req: libc::ifreq = unsafe { std::mem::zeroed() };
    for (dst, src) in req.ifr_name.iter_mut().zip(b"lo\0") {
        *dst = *src as libc::c_char;
    }
    // SAFETY: SIOCGIFFLAGS reads the NUL-terminated name and writes the flags inside `req`,
    // which lives on our stack for the length of the call.
    if unsafe { libc::ioctl(sock.as_raw_fd(), libc::SIOCGIFFLAGS, &mut req) } < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: the union member ifru_flags is the one SIOCGIFFLAGS just filled.
    unsafe {
        req.ifr_ifru.ifru_flags |= (libc::IFF_UP | libc::IFF_RUNNING) as libc::c_short;
    }
    // SAFETY: as above; SIOCSIFFLAGS only reads `req`.
    if unsafe { libc::ioctl(sock.as_raw_fd(), libc::SIOCSIFFLAGS, &req) } < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}
