//! The runtime's own system calls that nix does not wrap safely: each module that needs
//! `unsafe` allows it by name, and every block says why it holds.

pub mod caps;
pub mod clone;
pub mod fd;
pub mod seccomp;
pub mod signals;
pub mod tty;
