//! What the CLI needs beside the attach socket (`sock`) to talk to a running container: poll
//! over borrowed descriptors, a signalfd for forwarding signals, raw terminal mode, and a terminal
//! that does not echo (password prompts).

use nix::sys::signal::{SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd as NixSignalFd};
use nix::sys::termios::{self, SetArg, Termios};

use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd};

/// What poll saw on one descriptor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ready {
    pub readable: bool,
    /// Hang-up or error: reading will return end-of-file or fail.
    pub hangup: bool,
}

/// Waits until one of `fds` is readable (or hung up), or `timeout_ms` passes (-1: forever).
pub fn poll(fds: &[BorrowedFd<'_>], timeout_ms: i32) -> io::Result<Vec<Ready>> {
    use nix::poll::{PollFd, PollFlags, PollTimeout};
    let mut pfds: Vec<PollFd> = fds
        .iter()
        .map(|fd| PollFd::new(*fd, PollFlags::POLLIN))
        .collect();
    let timeout = if timeout_ms < 0 {
        PollTimeout::NONE
    } else {
        PollTimeout::try_from(timeout_ms).unwrap_or(PollTimeout::MAX)
    };
    loop {
        match nix::poll::poll(&mut pfds, timeout) {
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e.into()),
            Ok(_) => break,
        }
    }
    Ok(pfds
        .iter()
        .map(|p| {
            let r = p.revents().unwrap_or(PollFlags::empty());
            Ready {
                readable: r.contains(PollFlags::POLLIN),
                hangup: r.intersects(PollFlags::POLLHUP | PollFlags::POLLERR | PollFlags::POLLNVAL),
            }
        })
        .collect())
}

/// Reads from a descriptor (stdin) without taking ownership of it.
pub fn read_fd(fd: BorrowedFd<'_>, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match nix::unistd::read(fd.as_raw_fd(), buf) {
            Err(nix::errno::Errno::EINTR) => continue,
            r => return r.map_err(io::Error::from),
        }
    }
}

/// Signals delivered through a descriptor instead of handlers: they are blocked for this
/// thread while it lives (children started with std's Command get a clean mask back).
pub struct SignalFd {
    fd: NixSignalFd,
    mask: SigSet,
}

impl SignalFd {
    pub fn new(signals: &[i32]) -> io::Result<SignalFd> {
        let mut mask = SigSet::empty();
        for s in signals {
            mask.add(Signal::try_from(*s)?);
        }
        mask.thread_block()?;
        let fd = NixSignalFd::with_flags(&mask, SfdFlags::SFD_CLOEXEC | SfdFlags::SFD_NONBLOCK)?;
        Ok(SignalFd { fd, mask })
    }

    /// The next pending signal, if any.
    pub fn read(&mut self) -> io::Result<Option<i32>> {
        match self.fd.read_signal() {
            Ok(Some(info)) => Ok(Some(info.ssi_signo as i32)),
            Ok(None) => Ok(None),
            Err(nix::errno::Errno::EAGAIN) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }
}

/// Blocks `signals` in the calling thread for good: a process-directed one then goes to a
/// thread that takes it (the main thread's handlers, or its `SignalFd`).
pub fn block_in_this_thread(signals: &[i32]) -> io::Result<()> {
    let mut mask = SigSet::empty();
    for s in signals {
        mask.add(Signal::try_from(*s)?);
    }
    mask.thread_block()?;
    Ok(())
}

impl AsFd for SignalFd {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }
}

impl Drop for SignalFd {
    fn drop(&mut self) {
        let _ = self.mask.thread_unblock();
    }
}

/// A terminal put in raw mode; dropping it restores the settings it had.
pub struct RawTerminal<'a> {
    fd: BorrowedFd<'a>,
    saved: Termios,
}

impl<'a> RawTerminal<'a> {
    pub fn enter(fd: BorrowedFd<'a>) -> io::Result<RawTerminal<'a>> {
        let saved = termios::tcgetattr(fd)?;
        let mut raw = saved.clone();
        termios::cfmakeraw(&mut raw);
        termios::tcsetattr(fd, SetArg::TCSANOW, &raw)?;
        Ok(RawTerminal { fd, saved })
    }
}

impl Drop for RawTerminal<'_> {
    fn drop(&mut self) {
        let _ = termios::tcsetattr(self.fd, SetArg::TCSANOW, &self.saved);
    }
}

/// A terminal that does not echo what is typed (line editing still works); dropping it restores
/// the settings it had.
pub struct NoEcho<'a> {
    fd: BorrowedFd<'a>,
    saved: Termios,
}

impl<'a> NoEcho<'a> {
    pub fn enter(fd: BorrowedFd<'a>) -> io::Result<NoEcho<'a>> {
        let saved = termios::tcgetattr(fd)?;
        let mut quiet = saved.clone();
        quiet.local_flags.remove(termios::LocalFlags::ECHO);
        // The newline the user types still shows, so the next output starts on its own line.
        quiet.local_flags.insert(termios::LocalFlags::ECHONL);
        termios::tcsetattr(fd, SetArg::TCSAFLUSH, &quiet)?;
        Ok(NoEcho { fd, saved })
    }
}

impl Drop for NoEcho<'_> {
    fn drop(&mut self) {
        let _ = termios::tcsetattr(self.fd, SetArg::TCSANOW, &self.saved);
    }
}
