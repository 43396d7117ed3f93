//! Terminal tools for front ends: handling a terminal is theirs (the engine takes streams),
//! but the calls that switch modes and read sizes live in `sys` with every other libc call.

pub use hutch_sys::client::{NoEcho, RawTerminal, SignalFd};
pub use hutch_sys::pty::get_winsize as window_size;

/// SIGWINCH, the signal a terminal sends when its window is resized.
pub const SIGWINCH: i32 = 28;
