//! The network settings of a container besides its mode: published ports, aliases, DNS,
//! extra /etc/hosts entries, a fixed MAC or IP. Asked for as a typed `NetSpec` (the `parse_*`
//! functions read the CLI's syntax), stored as `NetOptions` in the container's configuration,
//! checked against the mode (some need a network of their own).

use crate::mode::NetworkMode;
use crate::ports::{self, PortMapping};
use crate::NetworkError;
use serde::{Deserialize, Serialize};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// What a container asks of its network besides the mode, already parsed: the CLI fills it
/// from `-p`, `-P`, `--network-alias`, `--dns*`, `--add-host`, `--mac-address`, `--ip`,
/// `--ip6` (with the `parse_*` functions below), the API service from Docker's `HostConfig`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NetSpec {
    pub publish: Vec<PortSpec>,
    pub publish_all: bool,
    pub aliases: Vec<String>,
    pub dns: Vec<IpAddr>,
    pub dns_search: Vec<String>,
    pub dns_options: Vec<String>,
    pub add_hosts: Vec<ExtraHost>,
    /// Lower-case `xx:xx:xx:xx:xx:xx` (see [`parse_mac`]).
    pub mac: Option<String>,
    pub ip: Option<Ipv4Addr>,
    pub ip6: Option<Ipv6Addr>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    Tcp,
    Udp,
}

impl Protocol {
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
        }
    }
}

/// `count` consecutive ports from `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PortRange {
    pub start: u16,
    pub count: u16,
}

/// One published port range: `-p [IP:][HOSTPORT:]CONTAINERPORT[/PROTO]` or a Docker
/// `PortBindings` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortSpec {
    /// None: every host address.
    pub host_ip: Option<IpAddr>,
    /// None: free host ports, chosen at create time. Same length as `container_ports`.
    pub host_ports: Option<PortRange>,
    pub container_ports: PortRange,
    pub protocol: Protocol,
}

impl PortSpec {
    fn mapping(&self) -> PortMapping {
        PortMapping {
            host_ip: self.host_ip.map(|ip| ip.to_string()).unwrap_or_default(),
            container_port: self.container_ports.start,
            host_port: self.host_ports.map_or(0, |r| r.start),
            range: self.container_ports.count,
            protocol: self.protocol.as_str().to_string(),
        }
    }
}

/// The address of an `--add-host` entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostAddr {
    Ip(IpAddr),
    /// `host-gateway`: the host as the container reaches it.
    HostGateway,
}

impl std::fmt::Display for HostAddr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HostAddr::Ip(ip) => ip.fmt(f),
            HostAddr::HostGateway => f.write_str("host-gateway"),
        }
    }
}

/// One extra `/etc/hosts` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraHost {
    pub name: String,
    pub addr: HostAddr,
}

/// One `-p/--publish` value: one entry per protocol (`80/tcp,udp`).
pub fn parse_publish(value: &str) -> Result<Vec<PortSpec>, NetworkError> {
    let mut out = Vec::new();
    for m in ports::parse_publish(value)? {
        let host_ip = match m.host_ip.as_str() {
            "" => None,
            ip => Some(
                ip.parse()
                    .map_err(|_| bad("--publish", value, "not an IP address"))?,
            ),
        };
        let protocol = match m.protocol.as_str() {
            "udp" => Protocol::Udp,
            _ => Protocol::Tcp,
        };
        out.push(PortSpec {
            host_ip,
            host_ports: (m.host_port != 0).then_some(PortRange {
                start: m.host_port,
                count: m.range,
            }),
            container_ports: PortRange {
                start: m.container_port,
                count: m.range,
            },
            protocol,
        });
    }
    Ok(out)
}

/// One `--dns` value; `none` (no servers of hutch's choosing) gives None.
pub fn parse_dns(value: &str) -> Result<Option<IpAddr>, NetworkError> {
    if value == "none" {
        return Ok(None);
    }
    value
        .parse()
        .map(Some)
        .map_err(|_| bad("--dns", value, "not an IP address"))
}

/// `--add-host NAME:IP`, where an IPv6 address has colons of its own (and may be in brackets)
/// and IP may be `host-gateway`.
pub fn parse_add_host(value: &str) -> Result<ExtraHost, NetworkError> {
    let (name, ip) = value
        .split_once(':')
        .ok_or_else(|| bad("--add-host", value, "expected HOST:IP"))?;
    if name.is_empty() || name.contains([' ', '/']) {
        return Err(bad("--add-host", value, "not a valid host name"));
    }
    let ip = ip.trim_start_matches('[').trim_end_matches(']');
    let addr = if ip == "host-gateway" {
        HostAddr::HostGateway
    } else {
        HostAddr::Ip(ip.parse().map_err(|_| {
            bad(
                "--add-host",
                value,
                "expected an IP address or host-gateway",
            )
        })?)
    };
    Ok(ExtraHost {
        name: name.to_string(),
        addr,
    })
}

/// `--mac-address`, returned in lower case.
pub fn parse_mac(value: &str) -> Result<String, NetworkError> {
    crate::validate_mac(value).map_err(|r| bad("--mac-address", value, r))
}

/// `--ip`: an IPv4 address.
pub fn parse_ip(value: &str) -> Result<Ipv4Addr, NetworkError> {
    match value.parse::<IpAddr>() {
        Ok(IpAddr::V4(v)) => Ok(v),
        Ok(IpAddr::V6(_)) => Err(bad("--ip", value, "not an IPv4 address (use --ip6)")),
        Err(_) => Err(bad("--ip", value, "not an IP address")),
    }
}

/// `--ip6`: an IPv6 address.
pub fn parse_ip6(value: &str) -> Result<Ipv6Addr, NetworkError> {
    match value.parse::<IpAddr>() {
        Ok(IpAddr::V6(v)) => Ok(v),
        Ok(IpAddr::V4(_)) => Err(bad("--ip6", value, "not an IPv6 address")),
        Err(_) => Err(bad("--ip6", value, "not an IP address")),
    }
}

/// Stored with the container (`ContainerConfig::net`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NetOptions {
    /// `-p` mappings and, with `-P`, the image's exposed ports (host port 0: chosen at start).
    pub ports: Vec<PortMapping>,
    pub publish_all: bool,
    /// `--network-alias`: names other containers on a user-defined network find this one by.
    pub aliases: Vec<String>,
    pub dns: Vec<IpAddr>,
    pub dns_search: Vec<String>,
    pub dns_options: Vec<String>,
    /// `--add-host NAME:IP` (IP may be `host-gateway`).
    pub add_hosts: Vec<(String, String)>,
    pub mac: Option<String>,
    pub ip: Option<IpAddr>,
    pub ip6: Option<IpAddr>,
}

fn bad(flag: &'static str, value: &str, reason: impl Into<String>) -> NetworkError {
    NetworkError::InvalidOption {
        flag,
        value: value.to_string(),
        reason: reason.into(),
    }
}

impl NetOptions {
    /// Checks the names in `spec` and whether `mode` allows its settings; `exposed` are the
    /// image's EXPOSE entries for `-P`.
    pub fn from_spec(
        spec: &NetSpec,
        mode: &NetworkMode,
        exposed: &[String],
    ) -> Result<NetOptions, NetworkError> {
        let mut o = NetOptions {
            ports: spec.publish.iter().map(PortSpec::mapping).collect(),
            ..Default::default()
        };
        if spec.publish_all {
            o.publish_all = true;
            let all = ports::publish_all(exposed, &o.ports);
            o.ports.extend(all);
        }
        for a in &spec.aliases {
            if a.is_empty() || a.contains([' ', '/', ',']) {
                return Err(bad("--network-alias", a, "not a valid name"));
            }
            o.aliases.push(a.clone());
        }
        o.dns = spec.dns.clone();
        for s in &spec.dns_search {
            if s.is_empty() || s.contains(' ') {
                return Err(bad("--dns-search", s, "not a domain name"));
            }
            o.dns_search.push(s.clone());
        }
        for s in &spec.dns_options {
            if s.is_empty() || s.contains(' ') {
                return Err(bad("--dns-option", s, "not a resolv.conf option"));
            }
            o.dns_options.push(s.clone());
        }
        for h in &spec.add_hosts {
            if h.name.is_empty() || h.name.contains([' ', '/']) {
                let value = format!("{}:{}", h.name, h.addr);
                return Err(bad("--add-host", &value, "not a valid host name"));
            }
            o.add_hosts.push((h.name.clone(), h.addr.to_string()));
        }
        if let Some(m) = &spec.mac {
            o.mac = Some(parse_mac(m)?);
        }
        o.ip = spec.ip.map(IpAddr::V4);
        o.ip6 = spec.ip6.map(IpAddr::V6);
        o.check(mode)?;
        Ok(o)
    }

    /// Refuses settings the mode cannot honour, with podman's reasons.
    fn check(&self, mode: &NetworkMode) -> Result<(), NetworkError> {
        let name = mode.name();
        let refuse = |flag: &'static str, why: &str| {
            Err(NetworkError::NotWithMode {
                flag,
                mode: name.clone(),
                reason: why.to_string(),
            })
        };
        if !mode.configurable() {
            let why = "the network belongs to the host or another container";
            if !self.ports.is_empty() {
                return refuse("--publish", why);
            }
            let dns =
                !self.dns.is_empty() || !self.dns_search.is_empty() || !self.dns_options.is_empty();
            if dns && matches!(mode, NetworkMode::Container { .. }) {
                return refuse("--dns", why);
            }
            if self.mac.is_some() {
                return refuse("--mac-address", why);
            }
            if self.ip.is_some() || self.ip6.is_some() {
                return refuse("--ip", why);
            }
            if matches!(mode, NetworkMode::Container { .. }) && !self.add_hosts.is_empty() {
                return refuse("--add-host", why);
            }
        }
        match mode {
            NetworkMode::None | NetworkMode::Ns { .. } => {
                if !self.ports.is_empty() {
                    return refuse("--publish", "the container has no network to publish on");
                }
                if self.mac.is_some() || self.ip.is_some() || self.ip6.is_some() {
                    return refuse("--ip/--mac-address", "the container has no interface");
                }
            }
            NetworkMode::Slirp4netns { .. } if self.ip.is_some() || self.ip6.is_some() => {
                return refuse(
                    "--ip",
                    "slirp4netns always gives 10.0.2.100 (set its cidr option to change the subnet)",
                );
            }
            NetworkMode::Networks { networks }
                if networks.len() > 1
                    && (self.ip.is_some() || self.ip6.is_some() || self.mac.is_some()) =>
            {
                return refuse(
                    "--ip/--mac-address",
                    "with several networks give them per network: --network NAME:ip=IP,mac=MAC",
                );
            }
            _ => {}
        }
        if !self.aliases.is_empty() && !matches!(mode, NetworkMode::Networks { .. }) {
            return refuse(
                "--network-alias",
                "aliases are only for user-defined networks",
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse_and_modes_refuse() {
        let f = NetSpec {
            publish: parse_publish("8080:80").unwrap(),
            dns: vec![parse_dns("1.1.1.1").unwrap().unwrap()],
            add_hosts: ["db:10.0.0.5", "gw:host-gateway", "v6:::1"]
                .iter()
                .map(|h| parse_add_host(h).unwrap())
                .collect(),
            ..Default::default()
        };
        let pasta = NetworkMode::Pasta { options: vec![] };
        let o = NetOptions::from_spec(&f, &pasta, &[]).unwrap();
        assert_eq!(o.ports.len(), 1);
        assert_eq!(
            (o.ports[0].host_port, o.ports[0].container_port),
            (8080, 80)
        );
        assert_eq!(
            o.add_hosts[1],
            ("gw".to_string(), "host-gateway".to_string())
        );
        assert_eq!(o.add_hosts[2], ("v6".to_string(), "::1".to_string()));
        assert!(NetOptions::from_spec(&f, &NetworkMode::Host, &[]).is_err());
        assert!(NetOptions::from_spec(&f, &NetworkMode::None, &[]).is_err());
        let alias = NetSpec {
            aliases: vec!["web".into()],
            ..Default::default()
        };
        assert!(NetOptions::from_spec(&alias, &pasta, &[]).is_err());
        let all = NetSpec {
            publish_all: true,
            ..Default::default()
        };
        let o = NetOptions::from_spec(&all, &pasta, &["80/tcp".into()]).unwrap();
        assert_eq!(o.ports[0].container_port, 80);
    }

    #[test]
    fn single_values_parse() {
        let p = parse_publish("127.0.0.1:8000-8001:80-81/tcp,udp").unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].host_ip, Some("127.0.0.1".parse().unwrap()));
        assert_eq!(
            p[0].host_ports,
            Some(PortRange {
                start: 8000,
                count: 2
            })
        );
        assert_eq!(
            p[0].container_ports,
            PortRange {
                start: 80,
                count: 2
            }
        );
        assert_eq!(p[1].protocol, Protocol::Udp);
        let p = parse_publish("[::1]::53/udp").unwrap();
        assert_eq!((p[0].host_ports, p[0].protocol), (None, Protocol::Udp));
        assert!(parse_publish("80/sctp").is_err());
        assert_eq!(parse_dns("none").unwrap(), None);
        assert!(parse_dns("one.one").is_err());
        assert_eq!(
            parse_add_host("gw:host-gateway").unwrap().addr,
            HostAddr::HostGateway
        );
        assert!(parse_add_host("nocolon").is_err());
        assert!(parse_add_host("h:notanip").is_err());
        assert_eq!(parse_mac("AA:bb:cc:dd:ee:ff").unwrap(), "aa:bb:cc:dd:ee:ff");
        assert!(parse_mac("aa:bb").is_err());
        assert!(parse_ip("10.0.0.1.5").is_err());
        assert!(parse_ip("::1").is_err());
        assert!(parse_ip6("10.0.0.1").is_err());
        assert_eq!(
            parse_ip6("fd00::2").unwrap(),
            "fd00::2".parse::<Ipv6Addr>().unwrap()
        );
    }
}
