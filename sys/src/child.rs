//! Handing a file descriptor to a child process: a pipe whose write end the child inherits
//! (every other descriptor hutch opens is close-on-exec).

use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, OwnedFd};

/// A pipe for a child's report: the read end (close-on-exec) for us, the write end without
/// close-on-exec so the next program we spawn inherits it under the same number. Drop the write
/// end right after spawning, or reading never sees end-of-file.
pub fn report_pipe() -> io::Result<(File, OwnedFd)> {
    let (r, w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC)?;
    nix::fcntl::fcntl(
        w.as_raw_fd(),
        nix::fcntl::FcntlArg::F_SETFD(nix::fcntl::FdFlag::empty()),
    )?;
    Ok((File::from(r), w))
}

/// A pipe for a helper's `--exit-fd`: the read end without close-on-exec (the helper inherits it
/// under the same number), the write end close-on-exec until `inheritable` hands it to the
/// process that must hold it. The helper quits when every copy of the write end is closed.
pub fn exit_pipe() -> io::Result<(OwnedFd, OwnedFd)> {
    let (r, w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC)?;
    nix::fcntl::fcntl(
        r.as_raw_fd(),
        nix::fcntl::FcntlArg::F_SETFD(nix::fcntl::FdFlag::empty()),
    )?;
    Ok((r, w))
}

/// Clears close-on-exec on `fd`, so the next program spawned inherits it under its number.
pub fn inheritable(fd: &OwnedFd) -> io::Result<()> {
    nix::fcntl::fcntl(
        fd.as_raw_fd(),
        nix::fcntl::FcntlArg::F_SETFD(nix::fcntl::FdFlag::empty()),
    )?;
    Ok(())
}
