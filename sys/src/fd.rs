//! Raw descriptor plumbing for the monitor: taking over a descriptor inherited across exec,
//! close-on-exec pipes, non-blocking mode, the control FIFO, and poll(2) over a changing set.
#![allow(unsafe_code)]

use nix::fcntl::{fcntl, FcntlArg, FdFlag, OFlag};
use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, BorrowedFd, FromRawFd, OwnedFd, RawFd};
use std::path::Path;

/// Takes ownership of descriptor `fd`, inherited from the process that exec'd us, and marks it
/// close-on-exec so that nothing we spawn keeps it open. Fails when `fd` is not open.
///
/// Call it once per descriptor number: the returned `OwnedFd` closes it on drop.
pub fn take_inherited(fd: RawFd) -> io::Result<OwnedFd> {
    if fd < 0 {
        return Err(io::Error::from_raw_os_error(libc::EBADF));
    }
    let flags = fcntl(fd, FcntlArg::F_GETFD)?;
    let flags = FdFlag::from_bits_truncate(flags) | FdFlag::FD_CLOEXEC;
    fcntl(fd, FcntlArg::F_SETFD(flags))?;
    // SAFETY: F_GETFD just proved `fd` is open; it came from our parent across exec, so no Rust
    // object in this process owns it, and the doc asks callers to take each number once.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// Whether descriptor `fd` is open in this process.
pub fn is_open(fd: RawFd) -> bool {
    fcntl(fd, FcntlArg::F_GETFD).is_ok()
}

/// Marks open descriptor `fd` close-on-exec: one the caller hands on only to a chosen child
/// (with `child::inherit_in_child`), not to every program this process starts.
pub fn set_cloexec(fd: RawFd) -> io::Result<()> {
    let flags = fcntl(fd, FcntlArg::F_GETFD)?;
    fcntl(
        fd,
        FcntlArg::F_SETFD(FdFlag::from_bits_truncate(flags) | FdFlag::FD_CLOEXEC),
    )?;
    Ok(())
}

/// Marks every descriptor from 3 up close-on-exec, so that whatever our caller let us inherit by
/// mistake does not reach the runtime and the container.
pub fn cloexec_from_3() -> io::Result<()> {
    // SAFETY: close_range with CLOSE_RANGE_CLOEXEC only sets a flag on descriptors; it touches
    // no memory and closes nothing that Rust objects own.
    let r = unsafe { libc::close_range(3, u32::MAX, libc::CLOSE_RANGE_CLOEXEC as libc::c_int) };
    if r == 0 {
        return Ok(());
    }
    // Kernels before 5.11: walk our descriptor table instead.
    for entry in std::fs::read_dir("/proc/self/fd")? {
        let Some(fd) = entry?
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<RawFd>().ok())
        else {
            continue;
        };
        if fd > 2 {
            if let Ok(flags) = fcntl(fd, FcntlArg::F_GETFD) {
                let _ = fcntl(
                    fd,
                    FcntlArg::F_SETFD(FdFlag::from_bits_truncate(flags) | FdFlag::FD_CLOEXEC),
                );
            }
        }
    }
    Ok(())
}

/// A close-on-exec pipe: (read end, write end).
pub fn pipe() -> io::Result<(File, File)> {
    let (r, w) = nix::unistd::pipe2(OFlag::O_CLOEXEC)?;
    Ok((File::from(r), File::from(w)))
}

/// Puts `fd` (and every descriptor sharing its open file description) in non-blocking mode.
pub fn set_nonblocking(fd: BorrowedFd<'_>) -> io::Result<()> {
    let flags = OFlag::from_bits_truncate(fcntl(fd.as_raw_fd(), FcntlArg::F_GETFL)?);
    fcntl(fd.as_raw_fd(), FcntlArg::F_SETFL(flags | OFlag::O_NONBLOCK))?;
    Ok(())
}

/// Clears non-blocking mode on `fd`.
pub fn set_blocking(fd: BorrowedFd<'_>) -> io::Result<()> {
    let flags = OFlag::from_bits_truncate(fcntl(fd.as_raw_fd(), FcntlArg::F_GETFL)?);
    fcntl(fd.as_raw_fd(), FcntlArg::F_SETFL(flags - OFlag::O_NONBLOCK))?;
    Ok(())
}

/// Creates the FIFO `path` (replacing a leftover one) and opens it read-write and non-blocking:
/// holding a write end ourselves means writers coming and going never make it report hang-up.
pub fn open_fifo(path: &Path, perm: u32) -> io::Result<File> {
    let _ = std::fs::remove_file(path);
    nix::unistd::mkfifo(
        path,
        nix::sys::stat::Mode::from_bits_truncate(perm as libc::mode_t),
    )?;
    let fd = nix::fcntl::open(
        path,
        OFlag::O_RDWR | OFlag::O_NONBLOCK | OFlag::O_CLOEXEC,
        nix::sys::stat::Mode::empty(),
    )?;
    // SAFETY: open just returned this descriptor; nothing else owns it.
    Ok(File::from(unsafe { OwnedFd::from_raw_fd(fd) }))
}

/// Events for [`PollFd`].
pub const POLLIN: i16 = libc::POLLIN;
pub const POLLOUT: i16 = libc::POLLOUT;
pub const POLLHUP: i16 = libc::POLLHUP;
pub const POLLERR: i16 = libc::POLLERR;
pub const POLLNVAL: i16 = libc::POLLNVAL;

/// One entry of a poll set; laid out exactly as `struct pollfd`.
#[repr(transparent)]
#[derive(Clone, Copy)]
pub struct PollFd(libc::pollfd);

impl PollFd {
    pub fn new(fd: BorrowedFd<'_>, events: i16) -> PollFd {
        PollFd(libc::pollfd {
            fd: fd.as_raw_fd(),
            events,
            revents: 0,
        })
    }
    pub fn revents(&self) -> i16 {
        self.0.revents
    }
}

/// poll(2) over `fds`, retrying on EINTR; `timeout_ms < 0` waits forever. Returns how many
/// entries have events.
pub fn poll(fds: &mut [PollFd], timeout_ms: i32) -> io::Result<usize> {
    loop {
        // SAFETY: `PollFd` is a transparent wrapper of `libc::pollfd`, so the slice is a valid
        // array of `fds.len()` pollfd structs that the kernel may write `revents` into.
        let n = unsafe {
            libc::poll(
                fds.as_mut_ptr().cast::<libc::pollfd>(),
                fds.len() as libc::nfds_t,
                timeout_ms,
            )
        };
        if n >= 0 {
            return Ok(n as usize);
        }
        let e = io::Error::last_os_error();
        if e.raw_os_error() != Some(libc::EINTR) {
            return Err(e);
        }
    }
}

/// Points standard output at /dev/null (`--noout`): whatever the process prints later is
/// dropped, also by the children it spawns.
pub fn stdout_to_null() -> io::Result<()> {
    let null = std::fs::OpenOptions::new().write(true).open("/dev/null")?;
    nix::unistd::dup2(null.as_raw_fd(), 1)?;
    Ok(())
}
