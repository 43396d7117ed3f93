//! The netavark wire formats: a network definition (also what `network inspect` prints and what
//! is stored per network), the options netavark `setup`/`teardown` read on stdin, and the status
//! it prints. Field names follow netavark 1.x and podman 4's JSON exactly.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::net::Ipv4Addr;

/// One network, as netavark and `podman network inspect` know it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Network {
    pub name: String,
    pub id: String,
    pub driver: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_interface: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<chrono::DateTime<chrono::Utc>>,
    #[serde(default)]
    pub subnets: Vec<Subnet>,
    #[serde(default)]
    pub ipv6_enabled: bool,
    #[serde(default)]
    pub internal: bool,
    #[serde(default)]
    pub dns_enabled: bool,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ipam_options: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subnet {
    /// CIDR, e.g. `10.89.0.0/24`.
    pub subnet: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<Ipv4Addr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lease_range: Option<LeaseRange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeaseRange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_ip: Option<Ipv4Addr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_ip: Option<Ipv4Addr>,
}

/// What a container asks of one network (netavark's `PerNetworkOptions`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PerNetworkOptions {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub interface_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub static_ips: Option<Vec<Ipv4Addr>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub static_mac: Option<String>,
}

/// A published port in netavark's form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortMapping {
    pub host_ip: String,
    pub container_port: u16,
    pub host_port: u16,
    pub range: u16,
    pub protocol: String,
}

/// The JSON netavark reads on stdin for `setup` and `teardown`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NetworkOptions {
    pub container_id: String,
    pub container_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_mappings: Option<Vec<PortMapping>>,
    pub networks: BTreeMap<String, PerNetworkOptions>,
    pub network_info: BTreeMap<String, Network>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns_servers: Option<Vec<std::net::IpAddr>>,
}

/// What netavark `setup` prints for each network.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StatusBlock {
    #[serde(default)]
    pub dns_search_domains: Option<Vec<String>>,
    #[serde(default)]
    pub dns_server_ips: Option<Vec<std::net::IpAddr>>,
    #[serde(default)]
    pub interfaces: Option<BTreeMap<String, NetInterface>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NetInterface {
    pub mac_address: String,
    #[serde(default)]
    pub subnets: Option<Vec<NetAddress>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetAddress {
    /// The container's address with its prefix, e.g. `10.89.0.2/24`.
    pub ipnet: String,
    #[serde(default)]
    pub gateway: Option<std::net::IpAddr>,
}

/// An IPv4 CIDR block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cidr {
    pub addr: Ipv4Addr,
    pub prefix: u8,
}

impl Cidr {
    /// Parses `A.B.C.D/N`, normalising host bits away.
    pub fn parse(s: &str) -> Option<Cidr> {
        let (a, p) = s.split_once('/')?;
        let addr: Ipv4Addr = a.parse().ok()?;
        let prefix: u8 = p.parse().ok()?;
        if prefix > 32 {
            return None;
        }
        Some(Cidr {
            addr: Ipv4Addr::from(u32::from(addr) & mask(prefix)),
            prefix,
        })
    }

    pub fn network(&self) -> u32 {
        u32::from(self.addr)
    }

    pub fn broadcast(&self) -> u32 {
        self.network() | !mask(self.prefix)
    }

    pub fn contains(&self, ip: Ipv4Addr) -> bool {
        u32::from(ip) & mask(self.prefix) == self.network()
    }

    pub fn overlaps(&self, other: &Cidr) -> bool {
        self.network() <= other.broadcast() && other.network() <= self.broadcast()
    }
}

impl std::fmt::Display for Cidr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

pub fn mask(prefix: u8) -> u32 {
    if prefix == 0 {
        0
    } else {
        u32::MAX << (32 - u32::from(prefix))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cidr_parses_and_overlaps() {
        let a = Cidr::parse("10.89.0.7/24").unwrap();
        assert_eq!(a.to_string(), "10.89.0.0/24");
        assert!(a.contains("10.89.0.255".parse().unwrap()));
        let b = Cidr::parse("10.88.0.0/16").unwrap();
        assert!(!a.overlaps(&b));
        assert!(Cidr::parse("10.0.0.0/8").unwrap().overlaps(&a));
        assert!(Cidr::parse("10.0.0.0/33").is_none());
    }

    #[test]
    fn network_round_trips_netavark_json() {
        let j = r#"{"name":"n","id":"ab","driver":"bridge","network_interface":"podman1",
            "subnets":[{"subnet":"10.89.0.0/24","gateway":"10.89.0.1"}],"ipv6_enabled":false,
            "internal":false,"dns_enabled":true,"ipam_options":{"driver":"host-local"}}"#;
        let n: Network = serde_json::from_str(j).unwrap();
        assert_eq!(n.subnets[0].gateway, Some(Ipv4Addr::new(10, 89, 0, 1)));
        let back = serde_json::to_value(&n).unwrap();
        assert_eq!(back["ipam_options"]["driver"], "host-local");
        assert!(back.get("labels").is_none());
    }
}
