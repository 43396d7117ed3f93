//! The per-user rootless network namespace that containers on user-defined networks share, and
//! who is attached to it. The namespace is a bind-mounted file in `runroot/networks/`, its uplink
//! a pasta process; it is made on first need, rebuilt when found stale, and taken down with
//! its aardvark-dns when the last container leaves. Every change happens under one lock.
//!
//! Split by concern: `attach` (netavark setup and teardown per container), `addresses` (IP
//! allocation), `namespace` (the shared namespace and its uplink), `bridges` (MACs and
//! isolation rules inside it), `aardvark` (the DNS server's lifecycle), `ports` (published
//! ports' forwarder).

mod aardvark;
mod addresses;
mod attach;
mod bridges;
mod namespace;
mod ports;

use super::netavark::Netavark;
use super::types::{PortMapping, StatusBlock};
use super::{NetworksError, Result, Store};
use hutch_sys::lock::FileLock;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};

const NETNS_FILE: &str = "rootless-netns";
const PASTA_PID: &str = "rootless-netns.pasta.pid";
const ATTACHMENTS: &str = "attachments.json";

/// What a container asks of one user-defined network.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NetRequest {
    pub aliases: Vec<String>,
    pub static_ip: Option<Ipv4Addr>,
    pub static_mac: Option<String>,
    /// `eth0`, `eth1`, ... in the order the container joined.
    pub interface_name: String,
}

/// One container's attachment to user networks, as kept in `attachments.json`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Attached {
    pub name: String,
    pub netns: PathBuf,
    pub networks: BTreeMap<String, AttachedNet>,
    #[serde(default)]
    pub port_mappings: Vec<PortMapping>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AttachedNet {
    pub ip: Ipv4Addr,
    pub aliases: Vec<String>,
    pub interface_name: String,
    #[serde(default)]
    pub static_mac: Option<String>,
    /// What netavark reported at setup (addresses, MAC, DNS servers).
    #[serde(default)]
    pub status: StatusBlock,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Attachments {
    containers: BTreeMap<String, Attached>,
}

/// The rootless network namespace and netavark for one runroot and graphroot.
#[derive(Debug, Clone)]
pub struct UserNetworks {
    dir: PathBuf,
    store: Store,
    netavark: Netavark,
    /// The uplink command (pasta, or slirp4netns: see `uplink`).
    uplink: Uplink,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Uplink {
    Pasta,
    Slirp4netns,
}

/// A held lock on the rootless namespace and the attachments.
pub struct Locked<'a> {
    nets: &'a UserNetworks,
    _lock: FileLock,
}

impl UserNetworks {
    pub fn new(graphroot: &Path, runroot: &Path, uplink: Uplink) -> UserNetworks {
        let dir = runroot.join("networks");
        UserNetworks {
            netavark: Netavark::new(dir.clone()),
            store: Store::new(graphroot),
            dir,
            uplink,
        }
    }

    pub fn uplink(&self) -> Uplink {
        self.uplink
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn netns_path(&self) -> PathBuf {
        self.dir.join(NETNS_FILE)
    }

    pub fn lock(&self) -> Result<Locked<'_>> {
        std::fs::create_dir_all(&self.dir).map_err(|e| NetworksError::io(&self.dir, e))?;
        let path = self.dir.join("rootless.lock");
        let lock = FileLock::exclusive(&path).map_err(|e| NetworksError::sys(path, e))?;
        Ok(Locked {
            nets: self,
            _lock: lock,
        })
    }
}

impl Locked<'_> {
    fn attachments_path(&self) -> PathBuf {
        self.nets.dir.join(ATTACHMENTS)
    }

    fn load(&self) -> Result<Attachments> {
        let path = self.attachments_path();
        match std::fs::read(&path) {
            Ok(b) => {
                serde_json::from_slice(&b).map_err(|source| NetworksError::Json { path, source })
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Attachments::default()),
            Err(e) => Err(NetworksError::io(path, e)),
        }
    }

    fn save(&self, a: &Attachments) -> Result<()> {
        let path = self.attachments_path();
        if a.containers.is_empty() {
            return match std::fs::remove_file(&path) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(NetworksError::io(path, e)),
            };
        }
        let tmp = path.with_extension(format!("json.{}", std::process::id()));
        let json = serde_json::to_vec_pretty(a).expect("attachments serialise");
        std::fs::write(&tmp, json)
            .and_then(|()| std::fs::rename(&tmp, &path))
            .map_err(|e| {
                let _ = std::fs::remove_file(&tmp);
                NetworksError::io(&path, e)
            })
    }

    /// The container's current attachment, if it has one.
    pub fn attached(&self, container_id: &str) -> Result<Option<Attached>> {
        Ok(self.load()?.containers.remove(container_id))
    }

    /// Every attached container's ID.
    pub fn attached_ids(&self) -> Result<Vec<String>> {
        Ok(self.load()?.containers.into_keys().collect())
    }
}

fn read_pid(path: &Path) -> Option<i32> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}
