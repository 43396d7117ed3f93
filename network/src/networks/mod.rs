//! User-defined networks: their definitions (`store`, netavark's JSON in `types`), the per-user
//! rootless network namespace they share with its uplink and IP allocations (`rootless`), and
//! running netavark + aardvark-dns inside it (`netavark`).

pub mod netavark;
pub mod rootless;
mod seam;
pub mod store;
pub mod types;

pub use rootless::{Attached, NetRequest, Uplink, UserNetworks};
pub use seam::{
    connect_running, disconnect_running, host_address, reload_running, setup, teardown,
    user_networks,
};
pub use store::{CreateRequest, Store, DEFAULT_NETWORK};
pub use types::Network;

use crate::mode::NetworkAttachment;
use crate::ports::PortMapping;
use serde::{Deserialize, Serialize};
use std::net::IpAddr;

use std::path::{Path, PathBuf};

/// What one container asks of its networks.
#[derive(Debug, Clone)]
pub struct Attach<'a> {
    pub container_id: &'a str,
    pub container_name: &'a str,
    pub hostname: &'a str,
    /// The container's namespace file (`NetEnv::netns_path`), already created, `lo` up.
    pub netns: &'a Path,
    pub networks: &'a [NetworkAttachment],
    /// Published ports with their host ports already chosen and checked free.
    pub ports: &'a [PortMapping],
    /// `--network-alias`, for every network (per-network aliases are in `networks`).
    pub aliases: &'a [String],
    /// `--mac-address`/`--ip`/`--ip6` for a single network.
    pub mac: Option<&'a str>,
    pub ip: Option<IpAddr>,
    pub ip6: Option<IpAddr>,
}

/// The result for one network: goes into the status file, `inspect`
/// (NetworkSettings.Networks) and the container's /etc/hosts and /etc/resolv.conf.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NetworkStatus {
    pub name: String,
    pub network_id: String,
    /// The interface inside the container (eth0, eth1, ...).
    pub interface: String,
    /// Addresses with their prefix length, `10.89.0.5/24`.
    pub addresses: Vec<String>,
    pub gateway: Option<IpAddr>,
    pub mac: String,
    /// Name servers the container should use (aardvark-dns on the gateway).
    pub dns_servers: Vec<IpAddr>,
    pub dns_search: Vec<String>,
    pub aliases: Vec<String>,
}

pub type Result<T, E = NetworksError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum NetworksError {
    #[error("unable to find network with name or ID {name}: network not found")]
    NotFound { name: String },
    #[error("network name {name} already used: network already exists")]
    Exists { name: String },
    #[error("network name or ID {name} is ambiguous: it matches {}", matches.join(", "))]
    Ambiguous { name: String, matches: Vec<String> },
    #[error("invalid network name {name:?}: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*")]
    InvalidName { name: String },
    #[error("invalid {what} {value:?}: {reason}")]
    Invalid {
        what: &'static str,
        value: String,
        reason: String,
    },
    #[error("subnet {subnet} is already used by network {network}")]
    SubnetInUse { subnet: String, network: String },
    #[error("could not find a free subnet between 10.89.0.0/24 and 10.255.255.0/24: remove unused networks (hutch network prune)")]
    NoFreeSubnet,
    #[error("default network {name} cannot be removed")]
    DefaultNetwork { name: String },
    #[error("network {name} is used by container(s) {}: remove them or use --force", containers.join(", "))]
    InUse {
        name: String,
        containers: Vec<String>,
    },
    #[error("network {network}: no free IP address left in {subnet}")]
    NoFreeIp { network: String, subnet: String },
    #[error("network {network}: IP address {ip} is already in use")]
    IpInUse { network: String, ip: String },
    #[error("network {network}: IP address {ip} is not in any of its subnets")]
    IpOutside { network: String, ip: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: invalid network JSON: {source}")]
    Json {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("{path}: {source}")]
    Sys {
        path: PathBuf,
        #[source]
        source: hutch_sys::SysError,
    },
    #[error("{program} not found: install it (apt-get install {package})")]
    ProgramMissing {
        program: PathBuf,
        package: &'static str,
    },
    #[error("{program} {action} for container {container} failed ({status}): {stderr}")]
    Helper {
        program: PathBuf,
        action: String,
        container: String,
        status: String,
        stderr: String,
    },
    #[error("rootless network namespace {path}: {reason}")]
    RootlessNetns { path: PathBuf, reason: String },
}

impl NetworksError {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        NetworksError::Io {
            path: path.into(),
            source,
        }
    }
    pub fn sys(path: impl Into<PathBuf>, source: hutch_sys::SysError) -> Self {
        NetworksError::Sys {
            path: path.into(),
            source,
        }
    }
}
