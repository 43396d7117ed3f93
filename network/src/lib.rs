//! Rootless container networking: `--network` modes, published ports, the per-container network
//! namespace and its helper (pasta or slirp4netns), and the seam where user-defined networks
//! (netavark + aardvark-dns, module `networks`) plug in.
#![deny(unsafe_code)]

pub mod conf;
pub mod container;
pub mod mode;
pub mod networks;
pub mod options;
pub mod pasta;
pub mod ports;
pub mod procs;
pub mod slirp;

pub use container::{setup, teardown, Handoff, NetEnv, Request, Status};
pub use mode::{NetworkAttachment, NetworkMode};
pub use options::{NetOptions, NetSpec};
pub use ports::PortMapping;

use std::path::PathBuf;

/// The network `--network bridge` (and rootful containers by default) join, as in podman.
pub const DEFAULT_NETWORK: &str = "podman";

#[derive(Debug, thiserror::Error)]
pub enum NetworkError {
    #[error("invalid --network {value:?}: {reason}")]
    InvalidMode { value: String, reason: String },
    #[error("invalid port mapping {value:?}: {reason}")]
    InvalidPort { value: String, reason: String },
    #[error("invalid {flag} {value:?}: {reason}")]
    InvalidOption {
        flag: &'static str,
        value: String,
        reason: String,
    },
    #[error("{flag} cannot be used with --network {mode}: {reason}")]
    NotWithMode {
        flag: &'static str,
        mode: String,
        reason: String,
    },
    #[error("container {container}: cannot publish {port}: {source} (is another program or container using it?)")]
    PortInUse {
        container: String,
        port: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{program} not found: install it (apt-get install {package}) or choose another --network"
    )]
    ProgramMissing {
        program: &'static str,
        package: &'static str,
    },
    #[error("container {container}: {program} failed: {message}")]
    Helper {
        container: String,
        program: &'static str,
        message: String,
    },
    #[error("container {container}: network helper failed: {source}")]
    HelperKill {
        container: String,
        #[source]
        source: procs::StillRunning,
    },
    #[error("container {container}: network namespace {path}: {source}")]
    Netns {
        container: String,
        path: PathBuf,
        #[source]
        source: hutch_sys::SysError,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("container {container}: user-defined networks are not available yet ({networks})")]
    NetworksUnavailable { container: String, networks: String },
    #[error("container {container}: network {network}: {message}")]
    Network {
        container: String,
        network: String,
        message: String,
    },
    #[error(transparent)]
    Networks(Box<networks::NetworksError>),
    #[error("container {container}: network teardown: {}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
    Teardown {
        container: String,
        errors: Vec<NetworkError>,
    },
}

impl From<networks::NetworksError> for NetworkError {
    fn from(e: networks::NetworksError) -> Self {
        NetworkError::Networks(Box::new(e))
    }
}

impl NetworkError {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        NetworkError::Io {
            path: path.into(),
            source,
        }
    }
}

/// Looks a program up on PATH.
pub fn find_program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Checks a MAC address (`92:d0:c6:0a:29:33`) and returns it in lower case.
pub fn validate_mac(s: &str) -> Result<String, String> {
    let parts: Vec<&str> = s.split(':').collect();
    if parts.len() == 6
        && parts
            .iter()
            .all(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_hexdigit()))
    {
        Ok(s.to_ascii_lowercase())
    } else {
        Err(format!("{s:?} is not a MAC address (xx:xx:xx:xx:xx:xx)"))
    }
}
