//! Network definitions on disk: one netavark-format JSON file per network in
//! `graphroot/networks/NAME.json`, written atomically, and the creation rules (names, IDs,
//! automatic subnets that never collide) applied under `graphroot/networks/.lock`.

use super::types::{Cidr, LeaseRange, Network, Subnet};
use super::{NetworksError, Result};
use hutch_sys::lock::FileLock;
use std::collections::BTreeMap;
use std::io::Write;
use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};

pub use crate::DEFAULT_NETWORK;
const DEFAULT_SUBNET: &str = "10.88.0.0/16";
/// podman's well-known ID for its default network, so scripts that compare it keep working.
const DEFAULT_ID: &str = "2f259bab93aaaaa2542ba43ef33eb990d0999ee1b9924b557b7be53c0b7a1bb9";

/// What `network create` asks for.
#[derive(Debug, Clone, Default)]
pub struct CreateRequest {
    pub name: Option<String>,
    pub driver: Option<String>,
    pub subnet: Option<String>,
    pub gateway: Option<String>,
    pub ip_range: Option<String>,
    pub internal: bool,
    pub disable_dns: bool,
    pub options: BTreeMap<String, String>,
    pub labels: BTreeMap<String, String>,
    /// `--ignore`: an existing network of that name is returned instead of an error.
    pub ignore: bool,
}

#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    pub fn new(graphroot: &Path) -> Store {
        Store {
            dir: graphroot.join("networks"),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Serialises every change to the set of networks (creates, removals).
    pub fn lock(&self) -> Result<FileLock> {
        std::fs::create_dir_all(&self.dir).map_err(|e| NetworksError::io(&self.dir, e))?;
        let path = self.dir.join(".lock");
        FileLock::exclusive(&path).map_err(|e| NetworksError::sys(path, e))
    }

    /// Every network, the default first, then by name.
    pub fn list(&self) -> Result<Vec<Network>> {
        let mut out = vec![default_network()];
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
            Err(e) => return Err(NetworksError::io(&self.dir, e)),
        };
        let mut stored = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| NetworksError::io(&self.dir, e))?;
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || !name.ends_with(".json") {
                continue;
            }
            let net = read_network(&path)?;
            if net.name != DEFAULT_NETWORK {
                stored.push(net);
            }
        }
        stored.sort_by(|a, b| a.name.cmp(&b.name));
        out.extend(stored);
        Ok(out)
    }

    /// A network by name, full ID or unique ID prefix.
    pub fn get(&self, name_or_id: &str) -> Result<Network> {
        let all = self.list()?;
        if let Some(n) = all.iter().find(|n| n.name == name_or_id) {
            return Ok(n.clone());
        }
        let matches: Vec<&Network> = all
            .iter()
            .filter(|n| !name_or_id.is_empty() && n.id.starts_with(name_or_id))
            .collect();
        match matches.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(NetworksError::NotFound {
                name: name_or_id.to_string(),
            }),
            many => Err(NetworksError::Ambiguous {
                name: name_or_id.to_string(),
                matches: many.iter().map(|n| n.name.clone()).collect(),
            }),
        }
    }

    pub fn exists(&self, name_or_id: &str) -> Result<bool> {
        match self.get(name_or_id) {
            Ok(_) => Ok(true),
            Err(NetworksError::NotFound { .. }) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Validates the request, picks what was left out (name, subnet, interface) so that nothing
    /// collides with another network or a host route, and writes the definition.
    pub fn create(&self, req: &CreateRequest) -> Result<Network> {
        let _lock = self.lock()?;
        let existing = self.list()?;
        let name = match &req.name {
            Some(n) => {
                validate_name(n)?;
                if let Some(found) = existing.iter().find(|e| &e.name == n) {
                    if req.ignore {
                        return Ok(found.clone());
                    }
                    return Err(NetworksError::Exists { name: n.clone() });
                }
                n.clone()
            }
            None => (1..)
                .map(|i| format!("podman{i}"))
                .find(|n| !existing.iter().any(|e| &e.name == n))
                .expect("an unused name exists"),
        };
        let driver = req.driver.clone().unwrap_or_else(|| "bridge".into());
        if driver != "bridge" {
            return Err(NetworksError::Invalid {
                what: "driver",
                value: driver,
                reason: "only the bridge driver is supported".into(),
            });
        }
        let mut options = BTreeMap::new();
        for (k, v) in &req.options {
            match k.as_str() {
                "mtu" => {
                    let mtu: u32 = v.parse().map_err(|_| NetworksError::Invalid {
                        what: "option mtu",
                        value: v.clone(),
                        reason: "must be a number".into(),
                    })?;
                    if !(68..=65536).contains(&mtu) {
                        return Err(NetworksError::Invalid {
                            what: "option mtu",
                            value: v.clone(),
                            reason: "must be between 68 and 65536".into(),
                        });
                    }
                    options.insert(k.clone(), mtu.to_string());
                }
                _ => {
                    return Err(NetworksError::Invalid {
                        what: "bridge option",
                        value: k.clone(),
                        reason: "unsupported (supported: mtu)".into(),
                    })
                }
            }
        }

        let used: Vec<(Cidr, String)> = existing
            .iter()
            .flat_map(|n| {
                n.subnets
                    .iter()
                    .filter_map(|s| Cidr::parse(&s.subnet))
                    .map(|c| (c, n.name.clone()))
            })
            .collect();
        let subnet = match &req.subnet {
            Some(s) => {
                let cidr = parse_cidr("subnet", s)?;
                if cidr.prefix > 30 {
                    return Err(NetworksError::Invalid {
                        what: "subnet",
                        value: s.clone(),
                        reason:
                            "the prefix must be /30 or shorter to hold a gateway and a container"
                                .into(),
                    });
                }
                if let Some((_, other)) = used.iter().find(|(c, _)| c.overlaps(&cidr)) {
                    return Err(NetworksError::SubnetInUse {
                        subnet: cidr.to_string(),
                        network: other.clone(),
                    });
                }
                cidr
            }
            None => {
                if req.gateway.is_some() || req.ip_range.is_some() {
                    return Err(NetworksError::Invalid {
                        what: "option",
                        value: if req.gateway.is_some() {
                            "--gateway".into()
                        } else {
                            "--ip-range".into()
                        },
                        reason: "it needs --subnet".into(),
                    });
                }
                let mut taken: Vec<Cidr> = used.iter().map(|(c, _)| *c).collect();
                taken.extend(host_routes());
                free_subnet(&taken).ok_or(NetworksError::NoFreeSubnet)?
            }
        };
        let gateway = match &req.gateway {
            Some(g) => {
                let ip: Ipv4Addr = g.parse().map_err(|_| NetworksError::Invalid {
                    what: "gateway",
                    value: g.clone(),
                    reason: "not an IPv4 address".into(),
                })?;
                if !subnet.contains(ip) || !usable(&subnet, ip) {
                    return Err(NetworksError::Invalid {
                        what: "gateway",
                        value: g.clone(),
                        reason: format!("not a usable address in subnet {subnet}"),
                    });
                }
                ip
            }
            None => Ipv4Addr::from(subnet.network() + 1),
        };
        let lease_range = match &req.ip_range {
            Some(r) => {
                let range = parse_cidr("ip range", r)?;
                if !(subnet.contains(range.addr) && range.prefix >= subnet.prefix) {
                    return Err(NetworksError::Invalid {
                        what: "ip range",
                        value: r.clone(),
                        reason: format!("not inside subnet {subnet}"),
                    });
                }
                let start = range.network().max(subnet.network() + 1);
                let end = range.broadcast().min(subnet.broadcast() - 1);
                Some(LeaseRange {
                    start_ip: Some(Ipv4Addr::from(start)),
                    end_ip: Some(Ipv4Addr::from(end)),
                })
            }
            None => None,
        };
        let interface = (1..)
            .map(|i| format!("podman{i}"))
            .find(|i| {
                !existing
                    .iter()
                    .any(|e| e.network_interface.as_deref() == Some(i.as_str()))
            })
            .expect("an unused interface name exists");
        let net = Network {
            name: name.clone(),
            id: new_id(),
            driver,
            network_interface: Some(interface),
            created: Some(chrono::Utc::now()),
            subnets: vec![Subnet {
                subnet: subnet.to_string(),
                gateway: Some(gateway),
                lease_range,
            }],
            ipv6_enabled: false,
            internal: req.internal,
            dns_enabled: !req.disable_dns,
            labels: req.labels.clone(),
            options,
            ipam_options: BTreeMap::from([("driver".to_string(), "host-local".to_string())]),
        };
        self.write(&net)?;
        tracing::debug!(network = %net.name, subnet = %subnet, "created network");
        Ok(net)
    }

    /// Deletes a network's definition. Whether containers still use it is the caller's check.
    pub fn remove(&self, name: &str) -> Result<()> {
        if name == DEFAULT_NETWORK {
            return Err(NetworksError::DefaultNetwork { name: name.into() });
        }
        let path = self.path_of(name);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(NetworksError::NotFound {
                name: name.to_string(),
            }),
            Err(e) => Err(NetworksError::io(path, e)),
        }
    }

    fn path_of(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.json"))
    }

    fn write(&self, net: &Network) -> Result<()> {
        let path = self.path_of(&net.name);
        let tmp = self
            .dir
            .join(format!(".{}.json.{}", net.name, std::process::id()));
        let json = serde_json::to_vec_pretty(net).expect("a network serialises");
        let res = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&json)?;
            f.write_all(b"\n")?;
            f.sync_all()?;
            std::fs::rename(&tmp, &path)
        })();
        if let Err(e) = res {
            let _ = std::fs::remove_file(&tmp);
            return Err(NetworksError::io(path, e));
        }
        Ok(())
    }
}

fn read_network(path: &Path) -> Result<Network> {
    let bytes = std::fs::read(path).map_err(|e| NetworksError::io(path, e))?;
    serde_json::from_slice(&bytes).map_err(|source| NetworksError::Json {
        path: path.to_path_buf(),
        source,
    })
}

/// The implicit default network, never stored (as podman does without a podman.json).
pub fn default_network() -> Network {
    Network {
        name: DEFAULT_NETWORK.into(),
        id: DEFAULT_ID.into(),
        driver: "bridge".into(),
        network_interface: Some("podman0".into()),
        created: Some(chrono::Utc::now()),
        subnets: vec![Subnet {
            subnet: DEFAULT_SUBNET.into(),
            gateway: Some(Ipv4Addr::new(10, 88, 0, 1)),
            lease_range: None,
        }],
        ipv6_enabled: false,
        internal: false,
        dns_enabled: false,
        labels: BTreeMap::new(),
        options: BTreeMap::new(),
        ipam_options: BTreeMap::from([("driver".to_string(), "host-local".to_string())]),
    }
}

pub fn validate_name(name: &str) -> Result<()> {
    let mut chars = name.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
        && name.len() <= 200;
    if ok {
        Ok(())
    } else {
        Err(NetworksError::InvalidName { name: name.into() })
    }
}

fn parse_cidr(what: &'static str, s: &str) -> Result<Cidr> {
    Cidr::parse(s).ok_or_else(|| NetworksError::Invalid {
        what,
        value: s.to_string(),
        reason: "expected an IPv4 CIDR such as 10.90.0.0/24".into(),
    })
}

fn usable(subnet: &Cidr, ip: Ipv4Addr) -> bool {
    let ip = u32::from(ip);
    subnet.prefix >= 31 || (ip != subnet.network() && ip != subnet.broadcast())
}

/// The first /24 from 10.89.0.0 upward that overlaps nothing in `taken`, as podman picks them.
pub fn free_subnet(taken: &[Cidr]) -> Option<Cidr> {
    let start = u32::from(Ipv4Addr::new(10, 89, 0, 0));
    let end = u32::from(Ipv4Addr::new(10, 255, 255, 0));
    (start..=end).step_by(256).find_map(|n| {
        let c = Cidr {
            addr: Ipv4Addr::from(n),
            prefix: 24,
        };
        (!taken.iter().any(|t| t.overlaps(&c))).then_some(c)
    })
}

/// The host's routed subnets (not the default route), which a new network must not shadow.
fn host_routes() -> Vec<Cidr> {
    hutch_sys::procfs::routes()
        .unwrap_or_default()
        .into_iter()
        .filter(|r| !r.mask.is_unspecified())
        .map(|r| {
            let prefix = r.prefix_len();
            Cidr {
                addr: Ipv4Addr::from(u32::from(r.destination) & super::types::mask(prefix)),
                prefix,
            }
        })
        .collect()
}

/// A random 64-hex-digit ID, the same shape as podman's network IDs.
fn new_id() -> String {
    use rand::RngCore;
    use sha2::Digest;
    let mut seed = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut seed);
    hex::encode(sha2::Sha256::digest(seed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_next_free_24() {
        let taken = [
            Cidr::parse("10.88.0.0/16").unwrap(),
            Cidr::parse("10.89.0.0/24").unwrap(),
            Cidr::parse("10.89.2.0/23").unwrap(),
        ];
        assert_eq!(free_subnet(&taken).unwrap().to_string(), "10.89.1.0/24");
        let taken = [Cidr::parse("10.89.0.0/22").unwrap()];
        assert_eq!(free_subnet(&taken).unwrap().to_string(), "10.89.4.0/24");
    }

    #[test]
    fn create_list_get_remove() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let a = store
            .create(&CreateRequest {
                name: Some("first".into()),
                ..Default::default()
            })
            .unwrap();
        let b = store.create(&CreateRequest::default()).unwrap();
        assert_eq!(b.name, "podman1");
        assert_ne!(a.subnets[0].subnet, b.subnets[0].subnet);
        assert_ne!(a.network_interface, b.network_interface);
        let again = store.create(&CreateRequest {
            name: Some("first".into()),
            ..Default::default()
        });
        assert!(matches!(again, Err(NetworksError::Exists { .. })));
        let clash = store.create(&CreateRequest {
            name: Some("c".into()),
            subnet: Some(a.subnets[0].subnet.clone()),
            ..Default::default()
        });
        assert!(matches!(clash, Err(NetworksError::SubnetInUse { .. })));
        let names: Vec<String> = store.list().unwrap().into_iter().map(|n| n.name).collect();
        assert_eq!(names, ["podman", "first", "podman1"]);
        assert_eq!(store.get(&a.id[..12]).unwrap().name, "first");
        store.remove("first").unwrap();
        assert!(!store.exists("first").unwrap());
        assert!(matches!(
            store.remove(DEFAULT_NETWORK),
            Err(NetworksError::DefaultNetwork { .. })
        ));
    }

    #[test]
    fn validates_input() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let req = |f: fn(&mut CreateRequest)| {
            let mut r = CreateRequest {
                name: Some("n".into()),
                ..Default::default()
            };
            f(&mut r);
            store.create(&r)
        };
        assert!(req(|r| r.subnet = Some("10.1.2.0/33".into())).is_err());
        assert!(req(|r| {
            r.subnet = Some("10.90.0.0/24".into());
            r.gateway = Some("10.91.0.1".into())
        })
        .is_err());
        assert!(req(|r| {
            r.options.insert("mtu".into(), "x".into());
        })
        .is_err());
        assert!(req(|r| r.name = Some("-bad".into())).is_err());
        let n = req(|r| {
            r.subnet = Some("10.90.0.0/24".into());
            r.ip_range = Some("10.90.0.128/25".into());
            r.options.insert("mtu".into(), "1400".into());
        })
        .unwrap();
        let lr = n.subnets[0].lease_range.clone().unwrap();
        assert_eq!(lr.start_ip, Some(Ipv4Addr::new(10, 90, 0, 128)));
        assert_eq!(lr.end_ip, Some(Ipv4Addr::new(10, 90, 0, 254)));
    }
}
