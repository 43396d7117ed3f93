//! The containers module's error type. Every variant names the container (or flag, or path) it
//! is about; `exit_code` gives podman's code for it.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ContainerError {
    #[error("no container with name or ID {name:?} found: no such container")]
    NotFound { name: String },
    #[error("container name or ID {name:?} is ambiguous: it matches {}", matches.join(", "))]
    Ambiguous { name: String, matches: Vec<String> },
    /// Podman's words, which scripts grep.
    #[error("container {name} has dependent containers which must be removed before it: {}: use --depend to remove them too, or --force", dependents.join(", "))]
    HasDependents {
        name: String,
        dependents: Vec<String>,
    },
    #[error("container {name} is {state}: {reason}")]
    BadState {
        name: String,
        state: String,
        reason: String,
    },
    #[error("invalid {flag} {value:?}: {reason}")]
    InvalidFlag {
        flag: &'static str,
        value: String,
        reason: String,
    },
    /// `update` asked for limits this host cannot give the container.
    #[error("container {name}: cannot update {flags}: {reason}")]
    LimitsUnavailable {
        name: String,
        flags: String,
        reason: String,
    },
    #[error("no OCI runtime found: install runc or crun (looked for {looked_for})")]
    NoRuntime { looked_for: String },
    #[error("OCI runtime {runtime:?} not found: {reason}")]
    RuntimeNotFound { runtime: String, reason: String },
    #[error("container {id}: {runtime} {op} failed: {stderr}")]
    Runtime {
        id: String,
        runtime: String,
        op: &'static str,
        stderr: String,
    },
    #[error("container {id}: running {runtime}: {source}")]
    RuntimeSpawn {
        id: String,
        runtime: String,
        #[source]
        source: std::io::Error,
    },
    #[error("container {id}: the monitor hutch-conmon was not found next to hutch or on PATH: install it with hutch")]
    NoConmon { id: String },
    #[error("container {id}: {message}")]
    Conmon {
        id: String,
        message: String,
        code: i32,
    },
    #[error("container {id}: user {user:?} is not in the image's {file}")]
    UnknownUser {
        id: String,
        user: String,
        file: &'static str,
    },
    #[error(transparent)]
    State(#[from] hutch_state::StateError),
    #[error(transparent)]
    Network(#[from] hutch_network::NetworkError),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("could not find the file {path} in container {container}")]
    NoSuchPath { container: String, path: String },
    #[error("no such exec instance: {id}")]
    ExecNotFound { id: String },
    #[error("exec instance {id} has already been started")]
    ExecStarted { id: String },
    #[error("container {name} was removed while waiting")]
    RemovedWhileWaiting { name: String },
    #[error("you can only attach to running containers: {name} is {state}")]
    AttachNotRunning { name: String, state: String },
    #[error("container id file {} exists: remove it or choose another", path.display())]
    CidFileExists { path: PathBuf },
    /// A network joined between `runtime create` and `start` needs the container created
    /// first; any other launch of such a container is a bug in the engine.
    #[error("container {id}: a network connected after create needs a created container")]
    LateNetwork { id: String },
    #[error("container {id}: timed out after {seconds}s waiting for it to {what}")]
    Timeout {
        id: String,
        seconds: u64,
        what: &'static str,
    },
}

impl ContainerError {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        ContainerError::Io {
            path: path.into(),
            source,
        }
    }

    /// Podman's exit code: 126/127 when the container's command cannot be run, else 125.
    pub fn exit_code(&self) -> i32 {
        match self {
            ContainerError::Conmon { code, .. } if *code == 126 || *code == 127 => *code,
            _ => crate::ExitCode::ENGINE,
        }
    }
}
