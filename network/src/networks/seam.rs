// The container side's hook (see `container::setup`/`teardown`): converts its request into
// netavark's and the rootless namespace's terms, and netavark's answer into `NetworkStatus`.

use super::rootless::{NetRequest, Uplink, UserNetworks};
use super::types::{PortMapping as NvPort, StatusBlock};
use super::{Attach, NetworkStatus, NetworksError};
use crate::container::NetEnv;
use crate::mode::NetworkAttachment;
use crate::NetworkError;
use std::collections::BTreeMap;

/// The user networks of `env`'s storage, with the uplink containers.conf (or what is installed)
/// picks for rootless containers.
pub fn user_networks(env: &NetEnv) -> UserNetworks {
    let uplink = match env.conf().uplink_program() {
        "slirp4netns" => Uplink::Slirp4netns,
        _ => Uplink::Pasta,
    };
    UserNetworks::new(&env.graphroot, &env.runroot, uplink)
}

/// The host as containers on user networks reach it (`host.containers.internal`): with the
/// pasta uplink, the host's default gateway address, which pasta maps to the host itself. The
/// slirp4netns uplink runs with the host's loopback disabled, so there is none.
pub fn host_address(env: &NetEnv) -> Option<std::net::IpAddr> {
    match user_networks(env).uplink() {
        Uplink::Pasta => crate::pasta::host_route().1,
        Uplink::Slirp4netns => None,
    }
}

/// Connects the container's namespace to its networks.
pub fn setup(env: &NetEnv, a: &Attach<'_>) -> Result<Vec<NetworkStatus>, NetworkError> {
    let mut reqs = BTreeMap::new();
    for (i, n) in a.networks.iter().enumerate() {
        reqs.insert(n.name.clone(), request(a, n, i)?);
    }
    let ports: Vec<NvPort> = a
        .ports
        .iter()
        .map(|p| NvPort {
            host_ip: p.host_ip.clone(),
            container_port: p.container_port,
            host_port: p.host_port,
            range: p.range,
            protocol: p.protocol.clone(),
        })
        .collect();
    let nets = user_networks(env);
    let locked = nets.lock()?;
    let results = locked.setup(a.container_id, a.container_name, a.netns, &reqs, &ports)?;
    let attached = locked.attached(a.container_id)?.unwrap_or_default();
    let mut out = Vec::new();
    for n in a.networks {
        let Some(st) = results.get(&n.name) else {
            continue;
        };
        let id = nets.store().get(&n.name).map(|d| d.id).unwrap_or_default();
        let aliases = attached
            .networks
            .get(&n.name)
            .map(|x| x.aliases.clone())
            .unwrap_or_default();
        out.push(status(
            &n.name,
            id,
            &reqs[&n.name].interface_name,
            st,
            aliases,
        ));
    }
    Ok(out)
}

/// Disconnects the container from its networks. Keeps going past failures, and succeeds when
/// there is nothing left to undo (again after a crash or a lost runroot).
pub fn teardown(env: &NetEnv, a: &Attach<'_>) -> Result<(), NetworkError> {
    let nets = user_networks(env);
    let locked = nets.lock()?;
    locked.teardown(a.container_id, None)?;
    Ok(())
}

/// The result for one network as the container side stores it.
pub fn status(
    name: &str,
    network_id: String,
    interface: &str,
    st: &StatusBlock,
    aliases: Vec<String>,
) -> NetworkStatus {
    let iface = st
        .interfaces
        .as_ref()
        .and_then(|m| m.get(interface).or_else(|| m.values().next()));
    let subnets = iface.and_then(|i| i.subnets.clone()).unwrap_or_default();
    NetworkStatus {
        name: name.to_string(),
        network_id,
        interface: interface.to_string(),
        addresses: subnets.iter().map(|s| s.ipnet.clone()).collect(),
        gateway: subnets.iter().find_map(|s| s.gateway),
        mac: iface.map(|i| i.mac_address.clone()).unwrap_or_default(),
        dns_servers: st.dns_server_ips.clone().unwrap_or_default(),
        dns_search: st.dns_search_domains.clone().unwrap_or_default(),
        aliases,
    }
}

/// What the container asks of network number `index`: per-network options first, then the
/// container-wide `--network-alias`, `--ip` and `--mac-address` (those only with one network).
pub fn request(
    a: &Attach<'_>,
    n: &NetworkAttachment,
    index: usize,
) -> Result<NetRequest, NetworksError> {
    let single = a.networks.len() == 1;
    let ip = match n.ips.first() {
        Some(ip) => Some(ip.parse().map_err(|_| NetworksError::Invalid {
            what: "--ip",
            value: ip.clone(),
            reason: "not an IPv4 address".into(),
        })?),
        None => match a.ip {
            Some(std::net::IpAddr::V4(v4)) if single => Some(v4),
            _ => None,
        },
    };
    let mac = n
        .mac
        .clone()
        .or_else(|| single.then(|| a.mac.map(str::to_string)).flatten());
    Ok(NetRequest {
        aliases: aliases(a.container_name, a.container_id, &n.aliases, a.aliases),
        static_ip: ip,
        static_mac: mac,
        interface_name: n
            .interface_name
            .clone()
            .unwrap_or_else(|| format!("eth{index}")),
    })
}

/// The names aardvark-dns answers for besides the container's name (which netavark adds
/// itself): its short ID first, as with podman, then the aliases.
pub fn aliases(name: &str, id: &str, own: &[String], global: &[String]) -> Vec<String> {
    let mut out = vec![id.chars().take(12).collect::<String>()];
    for a in own.iter().chain(global) {
        if a != name && !out.contains(a) {
            out.push(a.clone());
        }
    }
    out
}

/// `network connect` of a running container: sets the new network up in its namespace and
/// records it in the status file. Returns the updated status (for hosts and resolv.conf).
pub fn connect_running(
    env: &NetEnv,
    id: &str,
    name: &str,
    n: &NetworkAttachment,
) -> Result<crate::container::Status, NetworkError> {
    let mut st = crate::container::status(env, id).unwrap_or_default();
    let netns = st.netns.clone().unwrap_or_else(|| env.netns_path(id));
    let ip = match n.ips.first() {
        Some(ip) => Some(ip.parse().map_err(|_| NetworksError::Invalid {
            what: "--ip",
            value: ip.clone(),
            reason: "not an IPv4 address".into(),
        })?),
        None => None,
    };
    let interface = n.interface_name.clone().unwrap_or_else(|| "eth1".into());
    let req = NetRequest {
        aliases: aliases(name, id, &n.aliases, &[]),
        static_ip: ip,
        static_mac: n.mac.clone(),
        interface_name: interface.clone(),
    };
    let nets = user_networks(env);
    let locked = nets.lock()?;
    let results = locked.setup(
        id,
        name,
        &netns,
        &BTreeMap::from([(n.name.clone(), req.clone())]),
        &[],
    )?;
    let Some(block) = results.get(&n.name) else {
        return Ok(st);
    };
    let network_id = nets.store().get(&n.name).map(|d| d.id).unwrap_or_default();
    let ns = status(&n.name, network_id, &interface, block, req.aliases);
    st.networks.retain(|x| x.name != n.name);
    st.networks.push(ns);
    refresh_dns(&mut st);
    crate::container::write_status(env, id, &st)?;
    Ok(st)
}

/// `network disconnect` of a running container: the reverse of `connect_running`.
pub fn disconnect_running(
    env: &NetEnv,
    id: &str,
    network: &str,
) -> Result<crate::container::Status, NetworkError> {
    let nets = user_networks(env);
    let locked = nets.lock()?;
    locked.teardown(id, Some(network))?;
    let mut st = crate::container::status(env, id).unwrap_or_default();
    st.networks.retain(|x| x.name != network);
    refresh_dns(&mut st);
    crate::container::write_status(env, id, &st)?;
    Ok(st)
}

/// `network reload` of a running container.
pub fn reload_running(env: &NetEnv, id: &str) -> Result<(), NetworkError> {
    let nets = user_networks(env);
    let locked = nets.lock()?;
    locked.reload(id)?;
    Ok(())
}

/// The container's name servers and search domains are its networks' (user `--dns` servers
/// are added by resolv.conf itself).
fn refresh_dns(st: &mut crate::container::Status) {
    st.dns_servers.clear();
    st.dns_search.clear();
    for n in &st.networks {
        for s in &n.dns_servers {
            if !st.dns_servers.contains(s) {
                st.dns_servers.push(*s);
            }
        }
        for s in &n.dns_search {
            if !st.dns_search.contains(s) {
                st.dns_search.push(s.clone());
            }
        }
    }
}
