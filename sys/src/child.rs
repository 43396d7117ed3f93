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
