//! User-defined networks as the engine sees them: which containers use a network (from their
//! stored configuration), removing and pruning networks, connecting and disconnecting
//! containers (also running ones), and the setup/teardown hook the container lifecycle calls.

use crate::container::{self, config_of, Containers};
use crate::{EngineError, Paths, Result};
use hutch_network::networks::Store;
// What front ends pass in and get back; network options are parsed by the network crate.
pub use hutch_network::networks::DEFAULT_NETWORK;
pub use hutch_network::networks::{CreateRequest, Network, NetworksError};
pub use hutch_network::{mode, options};
use hutch_state::Container;

/// Why a container cannot be connected to, disconnected from or reloaded on a network.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("container {container} is already connected to network {network}")]
    AlreadyConnected { container: String, network: String },
    #[error("container {container} is not connected to network {network}")]
    NotConnected { container: String, network: String },
    #[error("container {container} is not running: only running containers can be reloaded")]
    NotRunning { container: String },
    /// Removed by another process between the lookup and taking its lock.
    #[error("container {container} was removed meanwhile")]
    Removed { container: String },
    #[error(
        "container {container} uses network mode {mode}: only containers on user-defined networks can be connected or disconnected"
    )]
    NotUserDefined { container: String, mode: String },
    #[error("container {container}: encoding its configuration: {source}")]
    Encode {
        container: String,
        #[source]
        source: serde_json::Error,
    },
}

impl From<ConnectError> for EngineError {
    fn from(e: ConnectError) -> Self {
        EngineError::Connect(Box::new(e))
    }
}

impl From<NetworksError> for EngineError {
    fn from(e: NetworksError) -> Self {
        EngineError::Networks(Box::new(e))
    }
}

pub fn store(paths: &Paths) -> Store {
    Store::new(&paths.graphroot)
}

/// The user-defined networks a container's configuration names, with its options on each.
pub fn networks_of(
    cfg: &container::config::ContainerConfig,
) -> Vec<hutch_network::NetworkAttachment> {
    match &cfg.network {
        hutch_network::NetworkMode::Networks { networks } => networks.clone(),
        _ => Vec::new(),
    }
}

/// Containers whose configuration names `network`.
pub fn users(db: &hutch_state::Db, network: &str) -> Result<Vec<Container>> {
    Ok(db
        .containers()?
        .into_iter()
        .filter(|c| {
            config_of(c)
                .map(|cfg| networks_of(&cfg).iter().any(|a| a.name == network))
                .unwrap_or(false)
        })
        .collect())
}

/// Removes one network. Containers using it make this fail unless `force`, which removes them
/// first (stopping running ones with `timeout`).
pub fn remove(
    eng: &mut Containers,
    name: &str,
    force: bool,
    timeout: Option<u32>,
) -> Result<String> {
    let store = store(&eng.paths);
    let net = store.get(name)?;
    let _lock = store.lock()?;
    let users = users(&eng.db, &net.name)?;
    if !users.is_empty() && !force {
        return Err(NetworksError::InUse {
            name: net.name.clone(),
            containers: users.iter().map(|c| c.name.clone()).collect(),
        }
        .into());
    }
    if net.name == hutch_network::networks::DEFAULT_NETWORK {
        return Err(NetworksError::DefaultNetwork { name: net.name }.into());
    }
    for c in users {
        let _clock = container::lock(&eng.paths, &c.id)?;
        if let Some(c) = eng.reload(&c.id)? {
            eng.remove(&c, true, timeout)?;
        }
    }
    store.remove(&net.name)?;
    crate::events::network(&eng.db, "remove", &net.id, &net.name, None);
    Ok(net.name)
}

/// Removes every user-defined network no container uses (and that matches the label filters).
pub fn prune(eng: &mut Containers, labels: &[(String, Option<String>)]) -> Result<Vec<String>> {
    let store = store(&eng.paths);
    let _lock = store.lock()?;
    let mut used: Vec<String> = Vec::new();
    for c in eng.db.containers()? {
        if let Ok(cfg) = config_of(&c) {
            used.extend(networks_of(&cfg).into_iter().map(|a| a.name));
        }
    }
    let mut removed = Vec::new();
    for net in store.list()? {
        if net.name == hutch_network::networks::DEFAULT_NETWORK || used.contains(&net.name) {
            continue;
        }
        let matches = labels.iter().all(|(k, v)| match (net.labels.get(k), v) {
            (Some(have), Some(want)) => have == want,
            (Some(_), None) => true,
            (None, _) => false,
        });
        if matches {
            store.remove(&net.name)?;
            crate::events::network(&eng.db, "remove", &net.id, &net.name, None);
            removed.push(net.name);
        }
    }
    Ok(removed)
}

/// Drops the network attachments of containers that no longer exist (removed while their
/// cleanup could not run), and the rootless namespace with its helpers when nobody needs it.
pub fn reconcile(paths: &Paths, db: &hutch_state::Db) -> Result<()> {
    let dir = paths.runroot.join("networks");
    // Also a namespace nobody is attached to (a hutch killed between making it and attaching
    // its container) is taken down.
    if !dir.join("attachments.json").exists()
        && !dir.join("rootless-netns").exists()
        && !dir.join("rootless-netns.pasta.pid").exists()
    {
        return Ok(());
    }
    // Stopped containers are torn down by their own cleanup (which the lifecycle's reconcile
    // runs); what is left here are rows that vanished, so one being started is never touched.
    let known: Vec<String> = db.containers()?.into_iter().map(|c| c.id).collect();
    let env = hutch_network::container::NetEnv::new(
        paths.runroot.clone(),
        paths.graphroot.clone(),
        paths.config_home.clone(),
        paths.rootless(),
    );
    let nets = hutch_network::networks::user_networks(&env);
    let locked = nets.lock()?;
    Ok(locked.reconcile(|id| known.iter().any(|a| a == id))?)
}

/// `network connect`: adds the network to the container's configuration and, when it runs,
/// connects its namespace now (a new interface, its address in the container's hosts file and
/// the network's DNS server in its resolv.conf).
pub fn connect(
    eng: &mut Containers,
    c: &Container,
    network: &str,
    aliases: &[String],
    ip: Option<&str>,
    mac: Option<&str>,
) -> Result<()> {
    let net = store(&eng.paths).get(network)?;
    let _lock = container::lock(&eng.paths, &c.id)?;
    let c = eng.reload(&c.id)?.ok_or_else(|| gone(c))?;
    let mut cfg = config_of(&c)?;
    let mut list = user_mode(&c, &cfg)?;
    if list.iter().any(|a| a.name == net.name) {
        return Err(ConnectError::AlreadyConnected {
            container: c.name,
            network: net.name,
        }
        .into());
    }
    if let Some(ip) = ip {
        ip.parse::<std::net::Ipv4Addr>()
            .map_err(|_| NetworksError::Invalid {
                what: "--ip",
                value: ip.to_string(),
                reason: "not an IPv4 address".into(),
            })?;
    }
    let used: Vec<String> = list
        .iter()
        .enumerate()
        .map(|(i, a)| {
            a.interface_name
                .clone()
                .unwrap_or_else(|| format!("eth{i}"))
        })
        .collect();
    let iface = (0..)
        .map(|i| format!("eth{i}"))
        .find(|n| !used.contains(n))
        .expect("a free interface name exists");
    let attachment = hutch_network::NetworkAttachment {
        name: net.name.clone(),
        aliases: aliases.to_vec(),
        ips: ip.map(str::to_string).into_iter().collect(),
        mac: mac.map(str::to_string),
        interface_name: Some(iface),
    };
    if running(eng, &c) {
        let env = eng.net_env();
        let st = hutch_network::networks::connect_running(&env, &c.id, &c.name, &attachment)
            .map_err(EngineError::from)?;
        rewrite_name_files(eng, &c, &cfg, &st)?;
    }
    list.push(attachment);
    set_networks(eng, &c, &mut cfg, list)?;
    crate::events::network(&eng.db, "connect", &net.id, &net.name, Some(&c.id));
    Ok(())
}

/// `network disconnect`: the reverse of `connect`.
pub fn disconnect(eng: &mut Containers, c: &Container, network: &str) -> Result<()> {
    let _lock = container::lock(&eng.paths, &c.id)?;
    let c = eng.reload(&c.id)?.ok_or_else(|| gone(c))?;
    let mut cfg = config_of(&c)?;
    let mut list = user_mode(&c, &cfg)?;
    // The definition may be gone already; the name in the configuration is what counts.
    let (name, id) = store(&eng.paths)
        .get(network)
        .map(|n| (n.name, n.id))
        .unwrap_or_else(|_| (network.to_string(), String::new()));
    let Some(pos) = list.iter().position(|a| a.name == name) else {
        return Err(ConnectError::NotConnected {
            container: c.name,
            network: name,
        }
        .into());
    };
    if running(eng, &c) {
        let env = eng.net_env();
        let st = hutch_network::networks::disconnect_running(&env, &c.id, &name)
            .map_err(EngineError::from)?;
        rewrite_name_files(eng, &c, &cfg, &st)?;
    }
    list.remove(pos);
    set_networks(eng, &c, &mut cfg, list)?;
    crate::events::network(&eng.db, "disconnect", &id, &name, Some(&c.id));
    Ok(())
}

/// `network reload`: redoes a running container's firewall rules, interfaces and DNS entries
/// with the addresses it has.
pub fn reload(eng: &mut Containers, c: &Container) -> Result<()> {
    let _lock = container::lock(&eng.paths, &c.id)?;
    let c = eng.reload(&c.id)?.ok_or_else(|| gone(c))?;
    if !running(eng, &c) {
        return Err(ConnectError::NotRunning { container: c.name }.into());
    }
    let env = eng.net_env();
    hutch_network::networks::reload_running(&env, &c.id).map_err(EngineError::from)?;
    Ok(())
}

fn gone(c: &Container) -> ConnectError {
    ConnectError::Removed {
        container: c.name.clone(),
    }
}

fn running(eng: &Containers, c: &Container) -> bool {
    matches!(c.run.state.as_str(), "running" | "paused")
        && !crate::container::observe(&eng.paths, c).needs_cleanup
}

fn user_mode(
    c: &Container,
    cfg: &container::config::ContainerConfig,
) -> Result<Vec<hutch_network::NetworkAttachment>, ConnectError> {
    match &cfg.network {
        hutch_network::NetworkMode::Networks { networks } => Ok(networks.clone()),
        other => Err(ConnectError::NotUserDefined {
            container: c.name.clone(),
            mode: other.name().to_string(),
        }),
    }
}

fn set_networks(
    eng: &mut Containers,
    c: &Container,
    cfg: &mut container::config::ContainerConfig,
    list: Vec<hutch_network::NetworkAttachment>,
) -> Result<()> {
    cfg.network = hutch_network::NetworkMode::Networks { networks: list };
    let spec = serde_json::to_string(cfg).map_err(|source| ConnectError::Encode {
        container: c.name.clone(),
        source,
    })?;
    eng.db.set_container_spec(&c.id, &spec)?;
    Ok(())
}

/// Rewrites a running container's /etc/hosts and /etc/resolv.conf for its new set of networks.
/// In place: they are bind-mounted into the container, so a new file would not be seen.
fn rewrite_name_files(
    eng: &Containers,
    c: &Container,
    cfg: &container::config::ContainerConfig,
    st: &hutch_network::Status,
) -> Result<()> {
    let dirs = eng.dirs(&c.id);
    let hostname = if cfg.hostname.is_empty() {
        c.id.chars().take(12).collect()
    } else {
        cfg.hostname.clone()
    };
    for (file, text) in [
        (
            "hosts",
            container::spec::hosts_file(cfg, &hostname, &c.name, st),
        ),
        ("resolv.conf", container::spec::resolv_conf(cfg, st)),
    ] {
        let path = dirs.userdata.join(file);
        std::fs::write(&path, text).map_err(|e| EngineError::io(&path, e))?;
    }
    Ok(())
}
/// A container on a network, as `network inspect` (Docker's `Containers`) shows it.
#[derive(Debug, Clone)]
pub struct Endpoint {
    pub id: String,
    pub name: String,
    /// Empty while the container is not running (it has no interface then).
    pub mac: String,
    /// `ADDRESS/PREFIX`, empty while the container is not running.
    pub ipv4: String,
    pub aliases: Vec<String>,
}

/// The containers whose configuration names network `name`, with their addresses on it when
/// they run.
pub fn endpoints(paths: &Paths, db: &hutch_state::Db, name: &str) -> Result<Vec<Endpoint>> {
    let mut out = Vec::new();
    for c in users(db, name)? {
        let aliases = config_of(&c)
            .map(|cfg| {
                networks_of(&cfg)
                    .into_iter()
                    .find(|a| a.name == name)
                    .map(|a| a.aliases)
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        let status = container::inspect::net_status(paths, &c);
        let on = status
            .as_ref()
            .and_then(|s| s.networks.iter().find(|n| n.name == name));
        out.push(Endpoint {
            mac: on.map(|n| n.mac.clone()).unwrap_or_default(),
            ipv4: on
                .and_then(|n| n.addresses.iter().find(|a| !a.contains(':')).cloned())
                .unwrap_or_default(),
            aliases,
            id: c.id,
            name: c.name,
        });
    }
    Ok(out)
}

/// `network prune --filter` items: `label=KEY[=VALUE]` only.
pub fn prune_filters(items: &[String]) -> Result<Vec<(String, Option<String>)>> {
    let mut labels = Vec::new();
    for f in items {
        match f.split_once('=') {
            Some(("label", v)) => labels.push(match v.split_once('=') {
                Some((k, v)) => (k.to_string(), Some(v.to_string())),
                None => (v.to_string(), None),
            }),
            _ => {
                return Err(crate::filters::FilterError::BadValue {
                    filter: f.clone(),
                    reason: "network prune supports label=KEY[=VALUE]".into(),
                }
                .into())
            }
        }
    }
    Ok(labels)
}

/// The network verbs on the engine handle: each takes the locks it needs.
impl crate::Engine {
    /// Creates a network from `req` (the store picks what was left out).
    pub fn create_network(&self, req: &CreateRequest) -> Result<Network> {
        let store = store(self.paths());
        // With `ignore`, an existing network comes back as it is: no event for that.
        let existed = match &req.name {
            Some(n) if req.ignore => store.list()?.iter().any(|e| &e.name == n),
            _ => false,
        };
        let net = store.create(req)?;
        if !existed {
            crate::events::network(self.db(), "create", &net.id, &net.name, None);
        }
        Ok(net)
    }

    /// The networks matching `filters`, the default first.
    pub fn networks(&self, filters: &crate::filters::Filters) -> Result<Vec<Network>> {
        Ok(store(self.paths())
            .list()?
            .into_iter()
            .filter(|n| crate::filters::network_matches(filters, n))
            .collect())
    }

    /// Network `name` (name, full ID or unique ID prefix) with the containers on it.
    pub fn network(&self, name: &str) -> Result<(Network, Vec<Endpoint>)> {
        let net = store(self.paths()).get(name)?;
        let eps = endpoints(self.paths(), self.db(), &net.name)?;
        Ok((net, eps))
    }

    /// Removes network `name` (with `force`, its containers first) and returns its name.
    pub fn remove_network(&self, name: &str, force: bool, timeout: Option<u32>) -> Result<String> {
        remove(&mut self.containers(), name, force, timeout)
    }

    /// Removes the networks no container uses that carry all of `labels`; returns their names.
    pub fn prune_networks(&self, labels: &[(String, Option<String>)]) -> Result<Vec<String>> {
        prune(&mut self.containers(), labels)
    }

    /// Connects container `name` to `network` (see `connect`).
    pub fn connect_network(
        &self,
        name: &str,
        network: &str,
        aliases: &[String],
        ip: Option<&str>,
        mac: Option<&str>,
    ) -> Result<()> {
        let c = self.lookup(name)?;
        connect(&mut self.containers(), &c, network, aliases, ip, mac)
    }

    /// Disconnects container `name` from `network`.
    pub fn disconnect_network(&self, name: &str, network: &str) -> Result<()> {
        let c = self.lookup(name)?;
        disconnect(&mut self.containers(), &c, network)
    }

    /// Sets up container `name`'s networks again (`network reload`); returns its ID.
    pub fn reload_networks(&self, name: &str) -> Result<String> {
        let c = self.lookup(name)?;
        reload(&mut self.containers(), &c)?;
        Ok(c.id)
    }
}
