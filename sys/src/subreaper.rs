//! What makes a process a container monitor: leaving the caller's session so it outlives it,
//! adopting orphans as a child subreaper, taking SIGCHLD through a signalfd, and reaping.
#![allow(unsafe_code)]

use nix::sys::signal::{SigSet, SigmaskHow, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::Pid;
use std::io;
use std::os::fd::{AsFd, BorrowedFd};

/// Forks; the parent exits 0 at once and the child returns, in a new session of its own, so it
/// is no longer the caller's child and no terminal signal reaches it.
///
/// The process MUST be single-threaded (call it first thing in `main`).
pub fn detach() -> io::Result<()> {
    // SAFETY: the caller guarantees a single-threaded process, so the child's copy of the
    // address space has no lock held by a thread that does not exist in it. The parent only
    // calls `_exit`, which runs no destructors or atexit handlers (our stdio buffers are empty).
    match unsafe { libc::fork() } {
        -1 => Err(io::Error::last_os_error()),
        0 => {
            nix::unistd::setsid()?;
            Ok(())
        }
        // SAFETY: `_exit` is always safe to call; it ends the parent without unwinding.
        _ => unsafe { libc::_exit(0) },
    }
}

/// Makes orphaned descendants (the container's init once the runtime exits) our children.
pub fn become_subreaper() -> io::Result<()> {
    Ok(nix::sys::prctl::set_child_subreaper(true)?)
}

/// SIGCHLD (and SIGHUP, which is swallowed) delivered through a non-blocking descriptor. The
/// signals are blocked rather than ignored because an ignored disposition would be inherited by
/// everything we exec; std's `Command` clears the blocked mask in its children.
pub struct ChildSignals(SignalFd);

impl ChildSignals {
    pub fn new() -> io::Result<ChildSignals> {
        let mut set = SigSet::empty();
        set.add(Signal::SIGCHLD);
        set.add(Signal::SIGHUP);
        nix::sys::signal::sigprocmask(SigmaskHow::SIG_BLOCK, Some(&set), None)?;
        Ok(ChildSignals(SignalFd::with_flags(
            &set,
            SfdFlags::SFD_NONBLOCK | SfdFlags::SFD_CLOEXEC,
        )?))
    }

    /// Empties the descriptor; the caller then reaps with [`reap`] until it returns `None`.
    pub fn drain(&mut self) -> io::Result<()> {
        while self.0.read_signal()?.is_some() {}
        Ok(())
    }
}

impl AsFd for ChildSignals {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.0.as_fd()
    }
}

/// Reaps one exited child without waiting: `Some((pid, code))` with the shell's convention for
/// the code (the exit status, or 128 + the signal number), `None` when no child has exited.
pub fn reap() -> io::Result<Option<(i32, i32)>> {
    loop {
        match waitpid(Pid::from_raw(-1), Some(WaitPidFlag::WNOHANG)) {
            Ok(WaitStatus::Exited(pid, code)) => return Ok(Some((pid.as_raw(), code))),
            Ok(WaitStatus::Signaled(pid, sig, _)) => {
                return Ok(Some((pid.as_raw(), 128 + sig as i32)))
            }
            Ok(WaitStatus::StillAlive) | Err(nix::errno::Errno::ECHILD) => return Ok(None),
            Ok(_) => continue,
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e.into()),
        }
    }
}

/// Waits (blocking) for child `pid` to exit, reaping any other child that exits first (an
/// adopted orphan): its code with the shell's convention, or `None` when we have no children
/// left and never saw it.
pub fn wait_for(pid: i32) -> io::Result<Option<i32>> {
    loop {
        match waitpid(Pid::from_raw(-1), None) {
            Ok(WaitStatus::Exited(p, code)) if p.as_raw() == pid => return Ok(Some(code)),
            Ok(WaitStatus::Signaled(p, sig, _)) if p.as_raw() == pid => {
                return Ok(Some(128 + sig as i32))
            }
            Ok(_) | Err(nix::errno::Errno::EINTR) => continue,
            Err(nix::errno::Errno::ECHILD) => return Ok(None),
            Err(e) => return Err(e.into()),
        }
    }
}
