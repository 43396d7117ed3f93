//! Connecting containers to user networks and disconnecting them: netavark setup, teardown and
//! reload inside the rootless namespace, with the options netavark is given for each container.

use super::addresses::allocate;
use super::{Attached, AttachedNet, Locked, NetRequest};
use crate::networks::types::{
    Network, NetworkOptions, PerNetworkOptions, PortMapping, StatusBlock,
};
use crate::networks::{NetworksError, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

impl Locked<'_> {
    /// Connects the container whose namespace is `netns` to `networks`: allocates addresses,
    /// makes sure the rootless namespace is up, and runs netavark setup inside it. On failure
    /// nothing stays allocated and an otherwise unused rootless namespace is taken down again.
    pub fn setup(
        &self,
        container_id: &str,
        container_name: &str,
        netns: &Path,
        networks: &BTreeMap<String, NetRequest>,
        port_mappings: &[PortMapping],
    ) -> Result<BTreeMap<String, StatusBlock>> {
        let mut all = self.load()?;
        let defs: BTreeMap<String, Network> = networks
            .keys()
            .map(|n| Ok((n.clone(), self.nets.store.get(n)?)))
            .collect::<Result<_>>()?;
        let mut entry = all
            .containers
            .get(container_id)
            .cloned()
            .unwrap_or(Attached {
                name: container_name.to_string(),
                netns: netns.to_path_buf(),
                networks: BTreeMap::new(),
                port_mappings: port_mappings.to_vec(),
            });
        let mut new = BTreeMap::new();
        for (name, req) in networks {
            if entry.networks.contains_key(name) {
                continue;
            }
            let ip = allocate(&all, &defs[name], req.static_ip)?;
            let net = AttachedNet {
                ip,
                aliases: req.aliases.clone(),
                interface_name: req.interface_name.clone(),
                static_mac: req.static_mac.clone(),
                status: StatusBlock::default(),
            };
            // Recorded before netavark runs so concurrent setups never pick the same address.
            entry.networks.insert(name.clone(), net.clone());
            new.insert(name.clone(), net);
        }
        if new.is_empty() {
            return Ok(BTreeMap::new());
        }
        all.containers
            .insert(container_id.to_string(), entry.clone());
        self.save(&all)?;

        let result = self.ensure_netns(container_id).and_then(|rootless| {
            let opts = options(container_id, container_name, &new, &defs, port_mappings);
            let status = self.nets.netavark.setup(&rootless, netns, &opts)?;
            self.pin_bridge_macs(&rootless, defs.values())?;
            self.isolate(&rootless)?;
            if !port_mappings.is_empty() {
                self.start_port_forwarder(&rootless, container_id, port_mappings)?;
            }
            Ok(status)
        });
        match result {
            Ok(status) => {
                let mut all = self.load()?;
                if let Some(e) = all.containers.get_mut(container_id) {
                    for (name, st) in &status {
                        if let Some(n) = e.networks.get_mut(name) {
                            n.status = st.clone();
                        }
                    }
                }
                self.save(&all)?;
                Ok(status)
            }
            Err(e) => {
                // Undo whatever netavark got done (a veth, DNS entries, rules) before the
                // addresses are released.
                let rootless = self.nets.netns_path();
                if hutch_sys::netns::is_netns(&rootless) {
                    let opts = options(container_id, container_name, &new, &defs, port_mappings);
                    if let Err(e2) = self.nets.netavark.teardown(&rootless, netns, &opts) {
                        tracing::debug!("after a failed network setup: {e2}");
                    }
                }
                self.stop_port_forwarder(container_id);
                let mut all = self.load()?;
                if let Some(c) = all.containers.get_mut(container_id) {
                    c.networks.retain(|n, _| !new.contains_key(n));
                    if c.networks.is_empty() {
                        all.containers.remove(container_id);
                    }
                }
                if let Err(e2) = self.save(&all) {
                    tracing::warn!("after a failed network setup: {e2}");
                }
                if all.containers.is_empty() {
                    self.stop_netns();
                }
                Err(e)
            }
        }
    }

    /// Disconnects the container from `only` (or from every network it is on): netavark
    /// teardown, addresses released, and the rootless namespace stopped when nobody is left.
    /// Keeps going past failures and returns the first.
    pub fn teardown(&self, container_id: &str, only: Option<&str>) -> Result<()> {
        let mut all = self.load()?;
        let Some(entry) = all.containers.get(container_id).cloned() else {
            return Ok(());
        };
        let leaving: BTreeMap<String, AttachedNet> = entry
            .networks
            .iter()
            .filter(|(n, _)| only.is_none_or(|o| o == n.as_str()))
            .map(|(n, a)| (n.clone(), a.clone()))
            .collect();
        let mut first_err = None;
        let rootless = self.nets.netns_path();
        if !leaving.is_empty() && hutch_sys::netns::is_netns(&rootless) {
            // A network removed since setup (rm -f) still needs its definition for teardown.
            let defs: BTreeMap<String, Network> = leaving
                .keys()
                .filter_map(|n| match self.nets.store.get(n) {
                    Ok(d) => Some((n.clone(), d)),
                    Err(e) => {
                        tracing::warn!("teardown of {container_id} on {n}: {e}");
                        None
                    }
                })
                .collect();
            let leaving_known: BTreeMap<String, AttachedNet> = leaving
                .iter()
                .filter(|(n, _)| defs.contains_key(*n))
                .map(|(n, a)| (n.clone(), a.clone()))
                .collect();
            if !leaving_known.is_empty() {
                let ports = if only.is_none() {
                    entry.port_mappings.as_slice()
                } else {
                    &[]
                };
                let opts = options(container_id, &entry.name, &leaving_known, &defs, ports);
                let netns = if hutch_sys::netns::is_netns(&entry.netns) {
                    entry.netns.clone()
                } else {
                    // The container's namespace is already gone (its veth went with it), but
                    // netavark still has DNS entries and firewall rules to drop: give it an
                    // empty namespace to look into.
                    PathBuf::new()
                };
                if let Err(e) = self.teardown_in(&rootless, &netns, &opts) {
                    first_err = Some(e);
                }
            }
        }
        if only.is_none() || entry.networks.len() == leaving.len() {
            self.stop_port_forwarder(container_id);
        }
        let mut all2 = self.load()?;
        if let Some(c) = all2.containers.get_mut(container_id) {
            c.networks.retain(|n, _| !leaving.contains_key(n));
            if c.networks.is_empty() {
                all2.containers.remove(container_id);
            }
        }
        all = all2;
        if let Err(e) = self.save(&all) {
            first_err.get_or_insert(e);
        }
        if all.containers.is_empty() {
            self.stop_netns();
        }
        first_err.map_or(Ok(()), Err)
    }

    /// Redoes netavark's work for an attached container with the addresses it has: after the
    /// firewall rules were flushed or aardvark-dns died. The rootless namespace is rebuilt
    /// first if it went stale.
    pub fn reload(&self, container_id: &str) -> Result<BTreeMap<String, StatusBlock>> {
        let Some(entry) = self.load()?.containers.remove(container_id) else {
            return Ok(BTreeMap::new());
        };
        let defs: BTreeMap<String, Network> = entry
            .networks
            .keys()
            .map(|n| Ok((n.clone(), self.nets.store.get(n)?)))
            .collect::<Result<_>>()?;
        let rootless = self.ensure_netns(container_id)?;
        let opts = options(
            container_id,
            &entry.name,
            &entry.networks,
            &defs,
            &entry.port_mappings,
        );
        // Teardown complains about whatever is already gone; setup is what must succeed.
        if let Err(e) = self.nets.netavark.teardown(&rootless, &entry.netns, &opts) {
            tracing::debug!("reload of {container_id}: teardown: {e}");
        }
        let status = self.nets.netavark.setup(&rootless, &entry.netns, &opts)?;
        self.pin_bridge_macs(&rootless, defs.values())?;
        self.isolate(&rootless)?;
        Ok(status)
    }

    fn teardown_in(&self, rootless: &Path, netns: &Path, opts: &NetworkOptions) -> Result<()> {
        if !netns.as_os_str().is_empty() {
            return self.nets.netavark.teardown(rootless, netns, opts);
        }
        let scratch = self
            .nets
            .dir
            .join(format!("teardown-{}", std::process::id()));
        hutch_sys::netns::create(&scratch).map_err(|e| NetworksError::sys(&scratch, e))?;
        let res = self.nets.netavark.teardown(rootless, &scratch, opts);
        if let Err(e) = hutch_sys::netns::remove(&scratch) {
            tracing::warn!("{e}");
        }
        // Netavark complains about the missing veth; what mattered is that it ran.
        if let Err(e) = &res {
            tracing::debug!("teardown without the container's namespace: {e}");
        }
        Ok(())
    }

    /// Drops attachments of containers `keep` says are gone (a crashed container whose cleanup
    /// never ran), tearing each down.
    pub fn reconcile(&self, keep: impl Fn(&str) -> bool) -> Result<()> {
        let ids = self.attached_ids()?;
        let mut first_err = None;
        for id in ids.iter().filter(|id| !keep(id)) {
            tracing::debug!(container = %id, "dropping the user-network attachment of a gone container");
            if let Err(e) = self.teardown(id, None) {
                first_err.get_or_insert(e);
            }
        }
        if self.load()?.containers.is_empty() {
            self.stop_netns();
        }
        first_err.map_or(Ok(()), Err)
    }
}

pub(super) fn options(
    id: &str,
    name: &str,
    nets: &BTreeMap<String, AttachedNet>,
    defs: &BTreeMap<String, Network>,
    ports: &[PortMapping],
) -> NetworkOptions {
    NetworkOptions {
        container_id: id.to_string(),
        container_name: name.to_string(),
        port_mappings: (!ports.is_empty()).then(|| ports.to_vec()),
        networks: nets
            .iter()
            .map(|(n, a)| {
                (
                    n.clone(),
                    PerNetworkOptions {
                        aliases: a.aliases.clone(),
                        interface_name: a.interface_name.clone(),
                        static_ips: Some(vec![a.ip]),
                        static_mac: a.static_mac.clone(),
                    },
                )
            })
            .collect(),
        network_info: nets
            .keys()
            .filter_map(|n| defs.get(n).map(|d| (n.clone(), d.clone())))
            .collect(),
        dns_servers: None,
    }
}
