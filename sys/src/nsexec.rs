//! Running a helper program inside an existing network namespace: the child joins the namespace
//! with setns(2) between fork and exec, so the calling process never changes namespace.
#![allow(unsafe_code)]

use crate::{Result, SysError};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;

/// Makes `cmd` run inside the network namespace bound at `netns` (a `/proc/PID/ns/net` or a
/// bind-mounted namespace file). The namespace is opened now, so a bad path fails here with its
/// name rather than as an anonymous spawn error.
pub fn in_netns(cmd: &mut Command, netns: &Path) -> Result<()> {
    let file = std::fs::File::open(netns).map_err(|e| SysError::path("open", netns, e))?;
    // The closure owns the file, so the descriptor stays open for as long as `cmd` lives; it is
    // O_CLOEXEC, so the helper does not inherit it.
    let hook = move || -> std::io::Result<()> {
        // SAFETY: runs in the forked child before exec: setns(2) is async-signal-safe, takes a
        // descriptor that is open in the child (inherited from the parent) and touches no memory
        // of ours; the error path reads errno without allocating.
        if unsafe { libc::setns(file.as_raw_fd(), libc::CLONE_NEWNET) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(())
    };
    // SAFETY: the hook only calls setns(2) (see above), which is safe between fork and exec even
    // if the parent has other threads.
    unsafe { cmd.pre_exec(hook) };
    Ok(())
}
