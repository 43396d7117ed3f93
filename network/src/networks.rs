//! User-defined networks (`--network NAME`): the seam where netavark + aardvark-dns connect a
//! container's namespace to named networks. `container::setup` calls `setup` after the
//! container's namespace exists and before the runtime creates the container; `container::teardown`
//! calls `teardown` before the namespace goes. Owned by the user-defined networks work (netuser).

use crate::container::NetEnv;
use crate::mode::NetworkAttachment;
use crate::ports::PortMapping;
use crate::NetworkError;
use serde::{Deserialize, Serialize};
use std::net::IpAddr;
use std::path::Path;

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

/// Connects the container's namespace to its networks.
pub fn setup(env: &NetEnv, a: &Attach<'_>) -> Result<Vec<NetworkStatus>, NetworkError> {
    let _ = env;
    Err(NetworkError::NetworksUnavailable {
        container: a.container_id.to_string(),
        networks: a
            .networks
            .iter()
            .map(|n| n.name.as_str())
            .collect::<Vec<_>>()
            .join(","),
    })
}

/// Disconnects the container from its networks; must keep going past failures and succeed
/// when there is nothing left to undo (it runs again after a crash or a lost runroot).
pub fn teardown(env: &NetEnv, a: &Attach<'_>) -> Result<(), NetworkError> {
    let _ = (env, a);
    Ok(())
}
