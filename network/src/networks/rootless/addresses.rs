//! Addresses on user networks: the first free one in a network's subnets and lease range, or
//! a requested one when it is inside and free. Pure, over the recorded attachments.

use super::Attachments;
use crate::networks::types::{Cidr, Network};
use crate::networks::{NetworksError, Result};
use std::net::Ipv4Addr;

/// The first free address of `net` for a container, or the requested one when it is free.
pub(super) fn allocate(
    all: &Attachments,
    net: &Network,
    want: Option<Ipv4Addr>,
) -> Result<Ipv4Addr> {
    let used: Vec<Ipv4Addr> = all
        .containers
        .values()
        .filter_map(|c| c.networks.get(&net.name).map(|a| a.ip))
        .collect();
    let name = &net.name;
    if let Some(ip) = want {
        let inside = net
            .subnets
            .iter()
            .filter_map(|s| Cidr::parse(&s.subnet))
            .any(|c| c.contains(ip));
        if !inside {
            return Err(NetworksError::IpOutside {
                network: name.clone(),
                ip: ip.to_string(),
            });
        }
        let gateways: Vec<Ipv4Addr> = net.subnets.iter().filter_map(|s| s.gateway).collect();
        if used.contains(&ip) || gateways.contains(&ip) {
            return Err(NetworksError::IpInUse {
                network: name.clone(),
                ip: ip.to_string(),
            });
        }
        return Ok(ip);
    }
    for s in &net.subnets {
        let Some(c) = Cidr::parse(&s.subnet) else {
            continue;
        };
        let (mut lo, mut hi) = (c.network() + 1, c.broadcast().saturating_sub(1));
        if let Some(r) = &s.lease_range {
            if let Some(a) = r.start_ip {
                lo = lo.max(u32::from(a));
            }
            if let Some(b) = r.end_ip {
                hi = hi.min(u32::from(b));
            }
        }
        let found = (lo..=hi)
            .map(Ipv4Addr::from)
            .find(|ip| Some(*ip) != s.gateway && !used.contains(ip));
        if let Some(ip) = found {
            return Ok(ip);
        }
    }
    Err(NetworksError::NoFreeIp {
        network: name.clone(),
        subnet: net
            .subnets
            .iter()
            .map(|s| s.subnet.clone())
            .collect::<Vec<_>>()
            .join(", "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::networks::rootless::{Attached, AttachedNet};
    use crate::networks::types::{LeaseRange, StatusBlock, Subnet};

    fn net(subnet: &str, range: Option<(&str, &str)>) -> Network {
        let mut n = crate::networks::store::default_network();
        n.name = "n".into();
        n.subnets = vec![Subnet {
            subnet: subnet.into(),
            gateway: Cidr::parse(subnet).map(|c| Ipv4Addr::from(c.network() + 1)),
            lease_range: range.map(|(a, b)| LeaseRange {
                start_ip: a.parse().ok(),
                end_ip: b.parse().ok(),
            }),
        }];
        n
    }

    fn with(ips: &[&str]) -> Attachments {
        let mut a = Attachments::default();
        for (i, ip) in ips.iter().enumerate() {
            let mut c = Attached::default();
            c.networks.insert(
                "n".into(),
                AttachedNet {
                    ip: ip.parse().unwrap(),
                    aliases: vec![],
                    interface_name: "eth0".into(),
                    static_mac: None,
                    status: StatusBlock::default(),
                },
            );
            a.containers.insert(format!("c{i}"), c);
        }
        a
    }

    #[test]
    fn allocates_the_first_free_address_after_the_gateway() {
        let n = net("10.89.0.0/24", None);
        assert_eq!(
            allocate(&with(&[]), &n, None).unwrap(),
            Ipv4Addr::new(10, 89, 0, 2)
        );
        let a = with(&["10.89.0.2", "10.89.0.3"]);
        assert_eq!(allocate(&a, &n, None).unwrap(), Ipv4Addr::new(10, 89, 0, 4));
    }

    #[test]
    fn honours_lease_ranges_and_static_addresses() {
        let n = net("10.90.0.0/24", Some(("10.90.0.128", "10.90.0.129")));
        let a = with(&["10.90.0.128"]);
        assert_eq!(
            allocate(&a, &n, None).unwrap(),
            Ipv4Addr::new(10, 90, 0, 129)
        );
        let full = with(&["10.90.0.128", "10.90.0.129"]);
        assert!(matches!(
            allocate(&full, &n, None),
            Err(NetworksError::NoFreeIp { .. })
        ));
        let want = Some(Ipv4Addr::new(10, 90, 0, 7));
        assert_eq!(
            allocate(&full, &n, want).unwrap(),
            Ipv4Addr::new(10, 90, 0, 7)
        );
        let taken = Some(Ipv4Addr::new(10, 90, 0, 128));
        assert!(matches!(
            allocate(&full, &n, taken),
            Err(NetworksError::IpInUse { .. })
        ));
        let gw = Some(Ipv4Addr::new(10, 90, 0, 1));
        assert!(matches!(
            allocate(&full, &n, gw),
            Err(NetworksError::IpInUse { .. })
        ));
        let outside = Some(Ipv4Addr::new(10, 91, 0, 7));
        assert!(matches!(
            allocate(&full, &n, outside),
            Err(NetworksError::IpOutside { .. })
        ));
    }
}
