//! The only home of libc/nix calls and `unsafe` in hutch. Every module that needs `unsafe` says
//! so with `#[allow(unsafe_code)]`, and every `unsafe` block carries a `// SAFETY:` comment.
#![deny(unsafe_code)]

pub mod child;
pub mod client;
pub mod fd;
pub mod fs;
pub mod lock;
pub mod mount;
pub mod netns;
pub mod nsexec;
pub mod process;
pub mod procfs;
pub mod pty;
pub mod sock;
pub mod subreaper;
pub mod tcp;
pub mod userns;

use std::path::PathBuf;

pub type Result<T, E = SysError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum SysError {
    #[error("{op} {path}: {source}")]
    Path {
        op: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{op}: {source}")]
    Op {
        op: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {reason}")]
    Parse { path: PathBuf, reason: &'static str },
    /// The pause process closed its status pipe without reporting a stage (it died first).
    #[error("the pause process exited before it was ready")]
    PauseExited,
    /// The thread that holds a network namespace ended before it said whether it made one.
    #[error("the netns thread ended early")]
    NetnsThreadEnded,
}

impl SysError {
    pub fn path(
        op: &'static str,
        path: impl Into<PathBuf>,
        source: impl Into<std::io::Error>,
    ) -> Self {
        SysError::Path {
            op,
            path: path.into(),
            source: source.into(),
        }
    }
    pub fn op(op: &'static str, source: impl Into<std::io::Error>) -> Self {
        SysError::Op {
            op,
            source: source.into(),
        }
    }
}
