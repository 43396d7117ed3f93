//! Terminal tools for front ends: handling a terminal is theirs (the engine takes streams),
//! but the calls that switch modes and read sizes live in `sys` with every other libc call.

pub use hutch_sys::client::{NoEcho, RawTerminal, SignalFd};
pub use hutch_sys::fd::stdout_to_null;
pub use hutch_sys::pty::get_winsize as window_size;

/// SIGWINCH, the signal a terminal sends when its window is resized.
pub const SIGWINCH: i32 = 28;

/// Signals a terminal session takes while it lasts: SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2,
/// SIGTERM (forwarded to the container, or swallowed) and SIGWINCH (a resize). The process's
/// runtime threads block them (`crate::rt`), so they reach the thread that runs the session.
pub const SESSION_SIGNALS: [i32; 7] = [1, 2, 3, 10, 12, 15, SIGWINCH];

/// The size of the user's terminal: the one on stdin (what the user types into), else the one
/// on stdout; None when neither is a terminal.
pub fn terminal_size(
    stdin: std::os::fd::BorrowedFd<'_>,
    stdout: std::os::fd::BorrowedFd<'_>,
) -> Option<(u16, u16)> {
    window_size(stdin)
        .ok()
        .filter(|(r, c)| *r > 0 && *c > 0)
        .or_else(|| window_size(stdout).ok())
}
