//! The per-user rootless network namespace that containers on user-defined networks share, and
//! who is attached to it. The namespace is a bind-mounted file in `runroot/networks/`, its uplink
//! a pasta process; it is made on first need, rebuilt when found stale, and taken down with
//! its aardvark-dns when the last container leaves. Every change happens under one lock.

use super::netavark::Netavark;
use super::types::{Cidr, Network, NetworkOptions, PerNetworkOptions, PortMapping, StatusBlock};
use super::{NetworksError, Result, Store};
use hutch_sys::lock::FileLock;
use hutch_sys::procfs;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const NETNS_FILE: &str = "rootless-netns";
const PASTA_PID: &str = "rootless-netns.pasta.pid";
const ATTACHMENTS: &str = "attachments.json";
const ISOLATION_CHAIN: &str = "HUTCH-ISOLATION";

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

    /// A Linux bridge takes the lowest MAC address of its ports unless it was given one, so a
    /// new container's veth can change the gateway's MAC under the running containers, whose
    /// ARP caches then point nowhere for a while (netavark 1.4 leaves it to the kernel). Each
    /// bridge gets a fixed address derived from its network's ID.
    fn pin_bridge_macs<'n>(
        &self,
        rootless: &Path,
        nets: impl Iterator<Item = &'n Network>,
    ) -> Result<()> {
        let ip = crate::find_program("ip")
            .or_else(|| Some(PathBuf::from("/usr/sbin/ip")).filter(|p| p.is_file()))
            .or_else(|| Some(PathBuf::from("/sbin/ip")).filter(|p| p.is_file()))
            .ok_or(NetworksError::ProgramMissing {
                program: "ip".into(),
                package: "iproute2",
            })?;
        for net in nets {
            let Some(bridge) = &net.network_interface else {
                continue;
            };
            let id = net.id.as_bytes();
            let hex = |i: usize| std::str::from_utf8(&id[i * 2..i * 2 + 2]).unwrap_or("00");
            // Locally administered, unicast.
            let mac = format!("02:{}:{}:{}:{}:{}", hex(0), hex(1), hex(2), hex(3), hex(4));
            let mut cmd = std::process::Command::new(&ip);
            cmd.args(["link", "set", "dev", bridge, "address", &mac])
                .stdin(std::process::Stdio::null());
            hutch_sys::nsexec::in_netns(&mut cmd, rootless)
                .map_err(|e| NetworksError::sys(rootless, e))?;
            let out = cmd.output().map_err(|e| NetworksError::io(&ip, e))?;
            if !out.status.success() {
                return Err(NetworksError::RootlessNetns {
                    path: rootless.to_path_buf(),
                    reason: format!(
                        "ip link set dev {bridge} address {mac}: {}",
                        String::from_utf8_lossy(&out.stderr).trim()
                    ),
                });
            }
        }
        Ok(())
    }

    /// Keeps networks apart: netavark 1.4 forwards between any two of its bridges, so a chain
    /// of ours, first in FORWARD, drops traffic from one network's bridge to another's. Rebuilt
    /// from the current definitions after every setup.
    fn isolate(&self, rootless: &Path) -> Result<()> {
        // Only networks with containers have a bridge in the namespace.
        let attached: std::collections::BTreeSet<String> = self
            .load()?
            .containers
            .values()
            .flat_map(|c| c.networks.keys().cloned())
            .collect();
        let bridges: Vec<String> = self
            .nets
            .store
            .list()?
            .into_iter()
            .filter(|n| attached.contains(&n.name))
            .filter_map(|n| n.network_interface)
            .collect();
        let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let mut rules: Vec<Vec<String>> = vec![
            owned(&["-N", ISOLATION_CHAIN]),
            owned(&["-F", ISOLATION_CHAIN]),
        ];
        for b in &bridges {
            rules.push(owned(&[
                "-A",
                ISOLATION_CHAIN,
                "-i",
                b,
                "-o",
                b,
                "-j",
                "RETURN",
            ]));
        }
        // Every bridge hutch makes is named podmanN (see `store`).
        rules.push(owned(&[
            "-A",
            ISOLATION_CHAIN,
            "-i",
            "podman+",
            "-o",
            "podman+",
            "-j",
            "DROP",
        ]));
        let iptables = crate::find_program("iptables")
            .or_else(|| Some(PathBuf::from("/usr/sbin/iptables")).filter(|p| p.is_file()))
            .ok_or(NetworksError::ProgramMissing {
                program: "iptables".into(),
                package: "iptables",
            })?;
        let run = |args: &[String]| -> Result<bool> {
            let mut cmd = std::process::Command::new(&iptables);
            cmd.arg("-w").args(args).stdin(std::process::Stdio::null());
            hutch_sys::nsexec::in_netns(&mut cmd, rootless)
                .map_err(|e| NetworksError::sys(rootless, e))?;
            let out = cmd.output().map_err(|e| NetworksError::io(&iptables, e))?;
            Ok(out.status.success())
        };
        // -N fails when the chain exists, which is fine.
        run(&rules[0])?;
        for r in &rules[1..] {
            if !run(r)? {
                return Err(NetworksError::RootlessNetns {
                    path: rootless.to_path_buf(),
                    reason: format!("iptables {} failed", r.join(" ")),
                });
            }
        }
        let jump = owned(&["FORWARD", "-j", ISOLATION_CHAIN]);
        let mut check = vec!["-C".to_string()];
        check.extend(jump.iter().cloned());
        if !run(&check)? {
            let mut insert = vec!["-I".to_string(), "FORWARD".into(), "1".into()];
            insert.extend(jump[1..].iter().cloned());
            if !run(&insert)? {
                return Err(NetworksError::RootlessNetns {
                    path: rootless.to_path_buf(),
                    reason: format!("iptables -I {} failed", jump.join(" ")),
                });
            }
        }
        Ok(())
    }

    /// Published ports of a container on user networks: netavark maps them inside the rootless
    /// namespace (host port -> container), and a pasta of the container's own, attached to the
    /// rootless namespace, forwards the host's ports into it. A separate process per container
    /// because the uplink pasta cannot change its forwards while it runs.
    fn start_port_forwarder(
        &self,
        rootless: &Path,
        container_id: &str,
        ports: &[PortMapping],
    ) -> Result<()> {
        self.stop_port_forwarder(container_id);
        let pasta = crate::find_program("pasta").ok_or(NetworksError::ProgramMissing {
            program: "pasta".into(),
            package: "passt",
        })?;
        let pid_file = self.forwarder_pid_file(container_id);
        let mut cmd = std::process::Command::new(&pasta);
        cmd.arg("-q");
        for proto in ["tcp", "udp"] {
            let specs = forward_specs(ports, proto);
            let flag = if proto == "tcp" { "-t" } else { "-u" };
            if specs.is_empty() {
                cmd.args([flag, "none"]);
            }
            for spec in specs {
                cmd.args([flag, &spec]);
            }
        }
        // Its own interface name, so it never meets the uplink's; left unconfigured: local
        // connections are spliced straight to the namespace's sockets.
        let ifname: String = format!("hp{}", &container_id[..container_id.len().min(12)]);
        cmd.args(["-T", "none", "-U", "none", "-I", &ifname])
            .arg("--pid")
            .arg(&pid_file)
            .arg("--netns")
            .arg(rootless)
            .stdin(std::process::Stdio::null());
        let out = cmd.output().map_err(|e| NetworksError::io(&pasta, e))?;
        if !out.status.success() {
            return Err(NetworksError::Helper {
                program: pasta,
                action: "port forwarding".into(),
                container: container_id.to_string(),
                status: out.status.to_string(),
                stderr: String::from_utf8_lossy(&out.stderr)
                    .trim()
                    .replace('\n', "; "),
            });
        }
        Ok(())
    }

    fn forwarder_pid_file(&self, container_id: &str) -> PathBuf {
        self.nets.dir.join(format!("ports-{container_id}.pid"))
    }

    fn stop_port_forwarder(&self, container_id: &str) {
        let pid_file = self.forwarder_pid_file(container_id);
        if let Some(pid) = read_pid(&pid_file) {
            if uplink_running(pid, &pid_file) {
                let _ = hutch_sys::process::kill(pid);
                wait_gone(pid);
            }
        }
        let _ = std::fs::remove_file(&pid_file);
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

    /// The rootless namespace, created (or rebuilt when stale) as needed, with its uplink up.
    fn ensure_netns(&self, exclude: &str) -> Result<PathBuf> {
        let path = self.nets.netns_path();
        let pid_file = self.nets.dir.join(PASTA_PID);
        let uplink_alive = read_pid(&pid_file).is_some_and(|p| uplink_running(p, &path));
        if hutch_sys::netns::is_netns(&path) {
            self.forget_dead_aardvark();
            if uplink_alive {
                return Ok(path);
            }
            tracing::info!(
                "rootless network namespace {} lost its uplink: restarting it",
                path.display()
            );
            self.start_uplink(&path, &pid_file)?;
            return Ok(path);
        }
        // No namespace (first use, or the runroot was lost or the file removed): clear whatever a
        // previous one left, then make a fresh one.
        self.stop_netns();
        hutch_sys::netns::create(&path).map_err(|e| NetworksError::sys(&path, e))?;
        if let Err(e) = self.start_uplink(&path, &pid_file) {
            self.stop_netns();
            return Err(e);
        }
        tracing::debug!(netns = %path.display(), "created the rootless network namespace");
        self.reattach_all(&path, exclude);
        Ok(path)
    }

    /// After the namespace was rebuilt, connects the containers that are still attached (their
    /// side of the old veth pairs went with the old namespace) with the addresses they had, so
    /// they are reachable and resolvable again. Best effort: a failure is logged per container.
    fn reattach_all(&self, rootless: &Path, exclude: &str) {
        let Ok(all) = self.load() else {
            return;
        };
        let mut any = false;
        for (id, entry) in all
            .containers
            .iter()
            .filter(|(id, _)| id.as_str() != exclude)
        {
            if !hutch_sys::netns::is_netns(&entry.netns) {
                continue;
            }
            let defs: BTreeMap<String, Network> = entry
                .networks
                .keys()
                .filter_map(|n| Some((n.clone(), self.nets.store.get(n).ok()?)))
                .collect();
            let opts = options(
                id,
                &entry.name,
                &entry.networks,
                &defs,
                &entry.port_mappings,
            );
            // The kernel destroys the old namespace (and with it the veth pairs) in the
            // background: until it has, the container's old interface is in the way. Teardown
            // deletes it when it can; setup is retried for a moment while it still exists.
            let deadline = Instant::now() + Duration::from_secs(3);
            let result = loop {
                if let Err(e) = self.nets.netavark.teardown(rootless, &entry.netns, &opts) {
                    tracing::debug!("reconnecting container {}: teardown: {e}", entry.name);
                }
                match self.nets.netavark.setup(rootless, &entry.netns, &opts) {
                    Err(e) if Instant::now() < deadline => {
                        tracing::debug!("reconnecting container {}: {e}; retrying", entry.name);
                        std::thread::sleep(Duration::from_millis(100));
                    }
                    r => break r,
                }
            };
            match result {
                Ok(_) => {
                    any = true;
                    if let Err(e) = self.pin_bridge_macs(rootless, defs.values()) {
                        tracing::warn!("{e}");
                    }
                    if !entry.port_mappings.is_empty() {
                        if let Err(e) =
                            self.start_port_forwarder(rootless, id, &entry.port_mappings)
                        {
                            tracing::warn!("{e}");
                        }
                    }
                }
                Err(e) => {
                    tracing::warn!("reconnecting container {} to its networks: {e}", entry.name)
                }
            }
        }
        if any {
            if let Err(e) = self.isolate(rootless) {
                tracing::warn!("{e}");
            }
        }
    }

    /// netavark signals the aardvark-dns named in its pid file and starts one only when there
    /// is no pid file: a dead one's file must go so the next setup starts a new server.
    fn forget_dead_aardvark(&self) {
        let pid_file = self.nets.dir.join("aardvark-dns/aardvark.pid");
        if let Some(pid) = read_pid(&pid_file) {
            if !aardvark_running(pid) {
                tracing::info!("aardvark-dns {pid} is gone: the next setup starts a new one");
                let _ = std::fs::remove_file(&pid_file);
            }
        }
    }

    fn start_uplink(&self, netns: &Path, pid_file: &Path) -> Result<()> {
        if let Some(pid) = read_pid(pid_file) {
            if uplink_running(pid, netns) {
                let _ = hutch_sys::process::kill(pid);
            }
        }
        let _ = std::fs::remove_file(pid_file);
        match self.nets.uplink {
            Uplink::Pasta => start_pasta(netns, pid_file),
            Uplink::Slirp4netns => start_slirp(netns, pid_file),
        }
    }

    /// Takes the rootless namespace down: aardvark-dns, the uplink, the namespace file and the
    /// DNS configuration. Best effort: each step is attempted and failures only logged, since
    /// the next setup rebuilds from nothing anyway.
    pub fn stop_netns(&self) {
        let dir = &self.nets.dir;
        let aardvark = dir.join("aardvark-dns");
        if let Some(pid) = read_pid(&aardvark.join("aardvark.pid")) {
            if aardvark_running(pid) {
                let _ = hutch_sys::process::kill(pid);
                // It holds the namespace: the namespace (and its veths) go only after it.
                wait_gone(pid);
            }
        }
        if let Err(e) = std::fs::remove_dir_all(&aardvark) {
            if e.kind() != std::io::ErrorKind::NotFound {
                tracing::warn!("{}: {e}", aardvark.display());
            }
        }
        if let Ok(rd) = std::fs::read_dir(dir) {
            for e in rd.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if let Some(id) = name
                    .strip_prefix("ports-")
                    .and_then(|n| n.strip_suffix(".pid"))
                {
                    self.stop_port_forwarder(id);
                }
            }
        }
        let path = self.nets.netns_path();
        let pid_file = dir.join(PASTA_PID);
        let pid = read_pid(&pid_file);
        // Removing the file alone makes pasta quit; the kill covers slirp4netns and a pasta
        // that is stuck.
        if let Err(e) = hutch_sys::netns::remove(&path) {
            tracing::warn!("{e}");
        }
        if let Some(pid) = pid {
            if uplink_running(pid, &path) {
                let _ = hutch_sys::process::kill(pid);
                wait_gone(pid);
            }
        }
        let _ = std::fs::remove_file(&pid_file);
    }
}

/// The first free address of `net` for a container, or the requested one when it is free.
fn allocate(all: &Attachments, net: &Network, want: Option<Ipv4Addr>) -> Result<Ipv4Addr> {
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

fn options(
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

/// pasta `-t`/`-u` specs forwarding each published host port to the same port in the rootless
/// namespace, where netavark's rules take it on to the container.
fn forward_specs(ports: &[PortMapping], proto: &str) -> Vec<String> {
    ports
        .iter()
        .filter(|p| p.protocol == proto)
        .map(|p| {
            let end = p.host_port + p.range.max(1) - 1;
            let range = if end > p.host_port {
                format!("{}-{end}", p.host_port)
            } else {
                p.host_port.to_string()
            };
            if p.host_ip.is_empty() {
                range
            } else {
                format!("{}/{range}", p.host_ip)
            }
        })
        .collect()
}

fn read_pid(path: &Path) -> Option<i32> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}

/// Whether `pid` is a running aardvark-dns (and not a recycled pid or a zombie).
fn aardvark_running(pid: i32) -> bool {
    procfs::comm(pid).is_ok_and(|c| c.starts_with("aardvark-dns")) && procfs::alive(pid)
}

/// Whether `pid` is the pasta or slirp4netns serving `netns` (and not a recycled pid or a
/// zombie).
fn uplink_running(pid: i32, netns: &Path) -> bool {
    procfs::cmdline(pid).is_ok_and(|c| c.contains(netns.as_os_str().as_encoded_bytes()))
        && procfs::alive(pid)
}

fn wait_gone(pid: i32) {
    let deadline = Instant::now() + Duration::from_secs(2);
    while procfs::alive(pid) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn start_pasta(netns: &Path, pid_file: &Path) -> Result<()> {
    let pasta = crate::find_program("pasta").ok_or(NetworksError::ProgramMissing {
        program: "pasta".into(),
        package: "passt",
    })?;
    // Forward nothing from the host by default; published ports are added per container.
    let out = std::process::Command::new(&pasta)
        .args([
            "--config-net",
            "-q",
            "-t",
            "none",
            "-u",
            "none",
            "-T",
            "none",
            "-U",
            "none",
        ])
        .arg("--pid")
        .arg(pid_file)
        .arg("--netns")
        .arg(netns)
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| NetworksError::io(&pasta, e))?;
    if !out.status.success() {
        return Err(NetworksError::Helper {
            program: pasta,
            action: "start".into(),
            container: "the rootless network namespace".into(),
            status: out.status.to_string(),
            stderr: String::from_utf8_lossy(&out.stderr)
                .trim()
                .replace('\n', "; "),
        });
    }
    Ok(())
}

fn start_slirp(netns: &Path, pid_file: &Path) -> Result<()> {
    let slirp = crate::find_program("slirp4netns").ok_or(NetworksError::ProgramMissing {
        program: "slirp4netns".into(),
        package: "slirp4netns",
    })?;
    let mut cmd = std::process::Command::new(&slirp);
    cmd.args([
        "--configure",
        "--mtu=65520",
        "--disable-host-loopback",
        "--netns-type=path",
    ])
    .arg(netns)
    .arg("tap0")
    .stdin(std::process::Stdio::null())
    .stdout(std::process::Stdio::null())
    .stderr(std::process::Stdio::null());
    let child = cmd.spawn().map_err(|e| NetworksError::io(&slirp, e))?;
    // slirp4netns stays in the foreground; it outlives us as an orphan, found again by its pid.
    std::fs::write(pid_file, format!("{}\n", child.id()))
        .map_err(|e| NetworksError::io(pid_file, e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::networks::types::{LeaseRange, Subnet};

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

    #[test]
    fn forwards_each_host_port_to_itself() {
        let p = |ip: &str, hp, range, proto: &str| PortMapping {
            host_ip: ip.into(),
            container_port: 80,
            host_port: hp,
            range,
            protocol: proto.into(),
        };
        let ports = [
            p("", 8080, 1, "tcp"),
            p("127.0.0.1", 9000, 3, "tcp"),
            p("", 53, 1, "udp"),
        ];
        assert_eq!(
            forward_specs(&ports, "tcp"),
            ["8080", "127.0.0.1/9000-9002"]
        );
        assert_eq!(forward_specs(&ports, "udp"), ["53"]);
    }
}
