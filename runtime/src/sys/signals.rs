//! Undoing, before a container's program runs, what Rust's start-up did to this process's
//! signals: it ignores SIGPIPE, and an ignored signal stays ignored across exec.
#![allow(unsafe_code)]

use nix::sys::signal::{signal, SigHandler, Signal};

/// SIGPIPE back to its default action, as runc's and crun's containers get it.
pub fn default_sigpipe() -> nix::Result<()> {
    // SAFETY: SIG_DFL installs no handler, so no code of ours can run as one.
    unsafe { signal(Signal::SIGPIPE, SigHandler::SigDfl) }.map(drop)
}
