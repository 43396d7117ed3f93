//! Handing a file descriptor to a child process: a pipe whose write end the child inherits
//! (every other descriptor hutch opens is close-on-exec).
#![allow(unsafe_code)]

use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};

/// A pipe for a child's report: the read end for us, the write end for the child, both
/// close-on-exec here; [`inherit_in_child`] hands the write end to one program only. Drop the
/// write end right after spawning, or reading never sees end-of-file.
pub fn report_pipe() -> io::Result<(File, OwnedFd)> {
    let (r, w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC)?;
    Ok((File::from(r), w))
}

/// Lets the program `cmd` spawns inherit `fds` under their numbers while they stay
/// close-on-exec in this process. Clearing the flag here instead would hand them to whatever
/// another thread spawns meanwhile: a monitor that holds another container's report pipe keeps
/// that container's start waiting for end-of-file forever (parallel build stages did).
pub fn inherit_in_child(cmd: &mut std::process::Command, fds: Vec<RawFd>) {
    use std::os::unix::process::CommandExt;
    // SAFETY: the hook runs in the child between fork and exec. It only calls fcntl(2), which
    // is async-signal-safe, over a vector allocated before the fork, and allocates nothing
    // (`last_os_error` reads errno).
    unsafe {
        cmd.pre_exec(move || {
            for &fd in &fds {
                if libc::fcntl(fd, libc::F_SETFD, 0) == -1 {
                    return Err(io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
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
