//! The network settings of a container besides its mode: published ports, aliases, DNS,
//! extra /etc/hosts entries, a fixed MAC or IP. Parsed from the CLI flags, stored in the
//! container's configuration, checked against the mode (some need a network of their own).

use crate::mode::NetworkMode;
use crate::ports::{self, PortMapping};
use crate::NetworkError;
use serde::{Deserialize, Serialize};
use std::net::IpAddr;

/// The flags as given on the command line.
#[derive(Debug, Clone, Default)]
pub struct NetFlags {
    pub publish: Vec<String>,
    pub publish_all: bool,
    pub aliases: Vec<String>,
    pub dns: Vec<String>,
    pub dns_search: Vec<String>,
    pub dns_options: Vec<String>,
    pub add_hosts: Vec<String>,
    pub mac: Option<String>,
    pub ip: Option<String>,
    pub ip6: Option<String>,
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
    /// Checks the flags and whether `mode` allows them; `exposed` are the image's EXPOSE
    /// entries for `-P`.
    pub fn parse(
        flags: &NetFlags,
        mode: &NetworkMode,
        exposed: &[String],
    ) -> Result<NetOptions, NetworkError> {
        let mut o = NetOptions::default();
        for p in &flags.publish {
            o.ports.extend(ports::parse_publish(p)?);
        }
        if flags.publish_all {
            o.publish_all = true;
            let all = ports::publish_all(exposed, &o.ports);
            o.ports.extend(all);
        }
        for a in &flags.aliases {
            if a.is_empty() || a.contains([' ', '/', ',']) {
                return Err(bad("--network-alias", a, "not a valid name"));
            }
            o.aliases.push(a.clone());
        }
        for d in &flags.dns {
            if d == "none" {
                continue;
            }
            o.dns.push(
                d.parse()
                    .map_err(|_| bad("--dns", d, "not an IP address"))?,
            );
        }
        for s in &flags.dns_search {
            if s.is_empty() || s.contains(' ') {
                return Err(bad("--dns-search", s, "not a domain name"));
            }
            o.dns_search.push(s.clone());
        }
        for s in &flags.dns_options {
            if s.is_empty() || s.contains(' ') {
                return Err(bad("--dns-option", s, "not a resolv.conf option"));
            }
            o.dns_options.push(s.clone());
        }
        for h in &flags.add_hosts {
            // NAME:IP, where an IPv6 address has colons of its own.
            let (name, ip) = h
                .split_once(':')
                .ok_or_else(|| bad("--add-host", h, "expected HOST:IP"))?;
            if name.is_empty() || name.contains([' ', '/']) {
                return Err(bad("--add-host", h, "not a valid host name"));
            }
            let ip = ip.trim_start_matches('[').trim_end_matches(']');
            if ip != "host-gateway" && ip.parse::<IpAddr>().is_err() {
                return Err(bad(
                    "--add-host",
                    h,
                    "expected an IP address or host-gateway",
                ));
            }
            o.add_hosts.push((name.to_string(), ip.to_string()));
        }
        if let Some(m) = &flags.mac {
            o.mac = Some(crate::validate_mac(m).map_err(|r| bad("--mac-address", m, r))?);
        }
        if let Some(ip) = &flags.ip {
            let v: IpAddr = ip
                .parse()
                .map_err(|_| bad("--ip", ip, "not an IP address"))?;
            if !v.is_ipv4() {
                return Err(bad("--ip", ip, "not an IPv4 address (use --ip6)"));
            }
            o.ip = Some(v);
        }
        if let Some(ip) = &flags.ip6 {
            let v: IpAddr = ip
                .parse()
                .map_err(|_| bad("--ip6", ip, "not an IP address"))?;
            if !v.is_ipv6() {
                return Err(bad("--ip6", ip, "not an IPv6 address"));
            }
            o.ip6 = Some(v);
        }
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
        let f = NetFlags {
            publish: vec!["8080:80".into()],
            dns: vec!["1.1.1.1".into()],
            add_hosts: vec![
                "db:10.0.0.5".into(),
                "gw:host-gateway".into(),
                "v6:::1".into(),
            ],
            ..Default::default()
        };
        let pasta = NetworkMode::Pasta { options: vec![] };
        let o = NetOptions::parse(&f, &pasta, &[]).unwrap();
        assert_eq!(o.ports.len(), 1);
        assert_eq!(o.add_hosts[2], ("v6".to_string(), "::1".to_string()));
        assert!(NetOptions::parse(&f, &NetworkMode::Host, &[]).is_err());
        assert!(NetOptions::parse(&f, &NetworkMode::None, &[]).is_err());
        let alias = NetFlags {
            aliases: vec!["web".into()],
            ..Default::default()
        };
        assert!(NetOptions::parse(&alias, &pasta, &[]).is_err());
        let bad_ip = NetFlags {
            ip: Some("10.0.0.1.5".into()),
            ..Default::default()
        };
        assert!(NetOptions::parse(&bad_ip, &pasta, &[]).is_err());
        let all = NetFlags {
            publish_all: true,
            ..Default::default()
        };
        let o = NetOptions::parse(&all, &pasta, &["80/tcp".into()]).unwrap();
        assert_eq!(o.ports[0].container_port, 80);
    }
}
