//! One container's network: its namespace file (`runroot/netns/<id>`), the helper that connects
//! it (pasta or slirp4netns) or the user-defined networks, the published ports, and a status
//! file (`runroot/netns/<id>.json`) that inspect, /etc/hosts and teardown read.

use crate::conf::NetConf;
use crate::mode::NetworkMode;
use crate::networks::{self, Attach, NetworkStatus};
use crate::options::NetOptions;
use crate::ports::{self, PortMapping};
use crate::{pasta, procs, slirp, NetworkError};
use serde::{Deserialize, Serialize};
use std::net::IpAddr;
use std::path::{Path, PathBuf};

/// Where the network state of containers lives, and the configuration.
#[derive(Debug, Clone)]
pub struct NetEnv {
    pub runroot: PathBuf,
    pub graphroot: PathBuf,
    /// `$XDG_CONFIG_HOME` (containers.conf, networks' configuration for rootless users).
    pub config_home: PathBuf,
    pub rootless: bool,
    /// containers.conf's settings, read on first use (see [`NetEnv::conf`]).
    pub conf: std::sync::OnceLock<NetConf>,
}

impl NetEnv {
    pub fn new(runroot: PathBuf, graphroot: PathBuf, config_home: PathBuf, rootless: bool) -> Self {
        NetEnv {
            runroot,
            graphroot,
            config_home,
            rootless,
            conf: std::sync::OnceLock::new(),
        }
    }

    /// containers.conf's network settings, read when first asked for: most containers
    /// (`--network none`, or a named mode) never need them.
    pub fn conf(&self) -> &NetConf {
        self.conf.get_or_init(|| NetConf {
            version_cache: Some(self.runroot.join("pasta-version")),
            ..NetConf::load(&self.config_home, self.rootless)
        })
    }

    pub fn netns_dir(&self) -> PathBuf {
        self.runroot.join("netns")
    }

    /// The namespace file of a container that has one of its own.
    pub fn netns_path(&self, id: &str) -> PathBuf {
        self.netns_dir().join(id)
    }

    pub fn status_path(&self, id: &str) -> PathBuf {
        self.netns_dir().join(format!("{id}.json"))
    }

    /// The mode a container without `--network` gets.
    pub fn default_mode(&self) -> NetworkMode {
        match self.conf().default_program() {
            "slirp4netns" => NetworkMode::Slirp4netns {
                options: self.conf().network_cmd_options.clone(),
            },
            _ => NetworkMode::Pasta {
                options: Vec::new(),
            },
        }
    }
}

/// What `setup` needs to know about a container.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub hostname: &'a str,
    pub mode: &'a NetworkMode,
    pub opts: &'a NetOptions,
    /// For `container:ID`: the other container's namespace path (its status's `netns`).
    pub joined_netns: Option<PathBuf>,
    /// A namespace the runtime already made (`/proc/PID/ns/net`) to adopt instead of making
    /// one: a container with a user namespace of its own (keep-id) must own its network
    /// namespace, or joining it later (`exec`) is refused.
    pub existing_netns: Option<PathBuf>,
    /// The caller hands what `setup_held` returns ([`Handoff`]) to the container's monitor:
    /// slirp4netns then quits by itself when the monitor dies, and the monitor forwards
    /// slirp4netns's published TCP ports (faster than slirp4netns's own forwarding).
    pub hold_exit_fd: bool,
}

/// The helper process connecting a container's namespace.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Helper {
    /// "pasta" or "slirp4netns".
    pub program: String,
    pub pid: i32,
    /// slirp4netns's API socket.
    pub api_socket: Option<PathBuf>,
}

/// A running container's network, as set up.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Status {
    pub mode: String,
    /// The namespace the runtime joins; None: the host's.
    pub netns: Option<PathBuf>,
    pub helper: Option<Helper>,
    /// Published ports with their host ports.
    pub ports: Vec<PortMapping>,
    /// Who forwards the published ports: "pasta", "slirp4netns" (its API), or the networks'.
    pub port_forwarder: String,
    /// The container's own address, prefix length, gateway and MAC on its main interface.
    pub ip: Option<IpAddr>,
    pub prefix_len: u8,
    pub gateway: Option<IpAddr>,
    pub mac: String,
    pub ip6: Option<IpAddr>,
    /// The address `host.containers.internal` names: reaches the host from the container.
    pub host_address: Option<IpAddr>,
    /// Name servers reachable from the container (before the user's `--dns`).
    pub dns_servers: Vec<IpAddr>,
    pub dns_search: Vec<String>,
    /// User-defined networks the container joined.
    pub networks: Vec<NetworkStatus>,
}

/// What `setup_held` hands to the container's monitor, which keeps it for as long as it lives.
#[derive(Debug, Default)]
pub struct Handoff {
    /// The write end of slirp4netns's `--exit-fd`: slirp4netns quits when it closes.
    pub exit_fd: Option<std::os::fd::OwnedFd>,
    /// slirp4netns's published TCP ports: listening sockets on the host, each with the address
    /// (in the container's namespace) its connections are forwarded to.
    pub ports: Vec<(std::os::fd::OwnedFd, std::net::SocketAddr)>,
    /// The namespace where those addresses are dialed.
    pub netns: Option<PathBuf>,
}

/// The status of a container set up earlier, if its file is there.
pub fn status(env: &NetEnv, id: &str) -> Option<Status> {
    let text = std::fs::read_to_string(env.status_path(id)).ok()?;
    serde_json::from_str(&text).ok()
}

pub fn write_status(env: &NetEnv, id: &str, st: &Status) -> Result<(), NetworkError> {
    let path = env.status_path(id);
    let tmp = path.with_extension("json.tmp");
    let text = serde_json::to_string(st).map_err(|e| NetworkError::io(&path, e.into()))?;
    std::fs::write(&tmp, text).map_err(|e| NetworkError::io(&tmp, e))?;
    std::fs::rename(&tmp, &path).map_err(|e| NetworkError::io(&path, e))
}

/// Sets up the container's network before the runtime creates it: namespace, helper, ports,
/// networks. Tears down whatever it made when a step fails. Must be called inside hutch's
/// user and mount namespaces (the namespace file is a bind mount there).
pub fn setup(env: &NetEnv, req: &Request<'_>) -> Result<Status, NetworkError> {
    setup_held(env, req).map(|(st, _)| st)
}

/// `setup`, also returning what the monitor keeps when `req.hold_exit_fd` (descriptors are
/// close-on-exec: make them inheritable right before spawning the process that keeps them).
pub fn setup_held(env: &NetEnv, req: &Request<'_>) -> Result<(Status, Handoff), NetworkError> {
    let (st, handoff, pending) = setup_inner(env, req, false)?;
    debug_assert!(pending.is_none());
    Ok((st, handoff))
}

/// A network whose helper is still getting ready (see [`setup_started`]).
#[derive(Debug)]
pub struct PendingHelper(pasta::Pending);

impl PendingHelper {
    /// Waits for the helper to be ready and records it in the status (in `st` and its file).
    /// On failure, tears down everything `setup_started` made.
    pub fn finish(
        self,
        env: &NetEnv,
        req: &Request<'_>,
        st: &mut Status,
    ) -> Result<(), NetworkError> {
        match self.0.finish(env, req, st) {
            Ok(()) => write_status(env, req.id, st),
            Err(e) => {
                if let Err(t) = teardown(env, req) {
                    tracing::warn!("{t}");
                }
                Err(e)
            }
        }
    }
}

/// `setup_held`, except that a helper that takes long to get ready (pasta) is only started:
/// the runtime may create the container meanwhile, but the container must not start before
/// the returned [`PendingHelper`] is finished. The status already holds everything the
/// container's /etc/hosts and /etc/resolv.conf need.
pub fn setup_started(
    env: &NetEnv,
    req: &Request<'_>,
) -> Result<(Status, Handoff, Option<PendingHelper>), NetworkError> {
    setup_inner(env, req, true)
}

fn setup_inner(
    env: &NetEnv,
    req: &Request<'_>,
    defer: bool,
) -> Result<(Status, Handoff, Option<PendingHelper>), NetworkError> {
    // Whatever an earlier instance left behind (a killed hutch, a crash) goes first. A lost
    // runroot was dealt with by the cleanup that runs before any start (`teardown`).
    teardown_inner(env, req, false)?;
    let mut st = Status {
        mode: req.mode.name(),
        ..Default::default()
    };
    match req.mode {
        NetworkMode::Host => return Ok((st, Handoff::default(), None)),
        NetworkMode::Ns { path } => {
            st.netns = Some(path.clone());
            return Ok((st, Handoff::default(), None));
        }
        NetworkMode::Container { .. } => {
            st.netns = req.joined_netns.clone();
            return Ok((st, Handoff::default(), None));
        }
        _ => {}
    }
    if let NetworkMode::None = req.mode {
        if req.hold_exit_fd && req.existing_netns.is_none() && req.opts.ports.is_empty() {
            // Nothing joins it by path (`--network container:` and exec use the container's
            // process): the runtime makes it, from a network namespace without a path in the
            // spec, and brings its `lo` up. No namespace file, no status file.
            return Ok((st, Handoff::default(), None));
        }
    }
    std::fs::create_dir_all(env.netns_dir()).map_err(|e| NetworkError::io(env.netns_dir(), e))?;
    let ns = env.netns_path(req.id);
    match &req.existing_netns {
        Some(src) => hutch_sys::netns::bind_existing(src, &ns),
        None => hutch_sys::netns::create(&ns),
    }
    .map_err(|source| NetworkError::Netns {
        container: req.id.to_string(),
        path: ns.clone(),
        source,
    })?;
    st.netns = Some(ns.clone());
    // The status file goes first so that teardown finds the helper even if hutch dies next.
    write_status(env, req.id, &st)?;
    match connect(env, req, &ns, &mut st, defer) {
        Ok((handoff, pending)) => {
            write_status(env, req.id, &st)?;
            Ok((st, handoff, pending))
        }
        Err(e) => {
            if let Err(t) = teardown(env, req) {
                tracing::warn!("{t}");
            }
            Err(e)
        }
    }
}

fn connect(
    env: &NetEnv,
    req: &Request<'_>,
    ns: &Path,
    st: &mut Status,
    defer: bool,
) -> Result<(Handoff, Option<PendingHelper>), NetworkError> {
    // Bind every host port first: "address in use" must come before anything starts.
    let (ports, reserved) = ports::reserve(req.id, &req.opts.ports)?;
    st.ports = ports;
    let mut handoff = Handoff::default();
    match req.mode {
        NetworkMode::None => {
            drop(reserved);
        }
        NetworkMode::Pasta { options } => {
            drop(reserved);
            let pending = pasta::spawn(env, req, options, ns, st)?;
            if defer {
                return Ok((Handoff::default(), Some(PendingHelper(pending))));
            }
            pending.finish(env, req, st)?;
        }
        NetworkMode::Slirp4netns { options } => {
            handoff = slirp::start(env, req, options, ns, st, reserved)?;
        }
        NetworkMode::Networks { networks: nets } => {
            let mut reserved = reserved;
            // TCP ports go to the monitor's forwarder, which dials the container's address
            // inside its namespace: clients on other machines reach them too, and no helper
            // process runs per container. UDP (and TCP of a container whose monitor starts
            // before its network, keep-id) goes through the networks' own forwarder.
            let tcp = if req.hold_exit_fd {
                reserved.take_tcp()
            } else {
                Vec::new()
            };
            drop(reserved);
            let others: Vec<PortMapping> = st
                .ports
                .iter()
                .filter(|m| tcp.is_empty() || m.protocol != "tcp")
                .cloned()
                .collect();
            let a = attach(req, ns, &others, nets);
            st.port_forwarder = match (tcp.is_empty(), others.is_empty()) {
                (true, _) => "networks",
                (false, true) => "hutch-conmon",
                (false, false) => "hutch-conmon (tcp), networks (udp)",
            }
            .into();
            st.networks = networks::setup(env, &a)?;
            if let Some(first) = st.networks.first() {
                st.gateway = first.gateway;
                st.mac = first.mac.clone();
                if let Some((ip, len)) = first
                    .addresses
                    .first()
                    .and_then(|a| a.split_once('/'))
                    .and_then(|(ip, len)| Some((ip.parse().ok()?, len.parse().ok()?)))
                {
                    st.ip = Some(ip);
                    st.prefix_len = len;
                }
                st.host_address = networks::host_address(env).or(first.gateway);
            }
            st.dns_servers = st
                .networks
                .iter()
                .flat_map(|n| n.dns_servers.iter().copied())
                .collect();
            st.dns_search = st
                .networks
                .iter()
                .flat_map(|n| n.dns_search.iter().cloned())
                .collect();
            if !tcp.is_empty() {
                let ip = st.ip.ok_or_else(|| NetworkError::Helper {
                    container: req.id.to_string(),
                    program: "netavark",
                    message: "it gave the container no address to forward published ports to"
                        .into(),
                })?;
                handoff.netns = Some(ns.to_path_buf());
                handoff.ports = tcp
                    .into_iter()
                    .map(|(l, port)| {
                        (
                            std::os::fd::OwnedFd::from(l),
                            std::net::SocketAddr::new(ip, port),
                        )
                    })
                    .collect();
            }
        }
        NetworkMode::Host | NetworkMode::Ns { .. } | NetworkMode::Container { .. } => {}
    }
    Ok((handoff, None))
}

fn attach<'a>(
    req: &'a Request<'a>,
    ns: &'a Path,
    ports: &'a [PortMapping],
    nets: &'a [crate::mode::NetworkAttachment],
) -> Attach<'a> {
    Attach {
        container_id: req.id,
        container_name: req.name,
        hostname: req.hostname,
        netns: ns,
        networks: nets,
        ports,
        aliases: &req.opts.aliases,
        mac: req.opts.mac.as_deref(),
        ip: req.opts.ip,
        ip6: req.opts.ip6,
    }
}

/// Undoes `setup`: disconnects networks, ends the helper (found by its command line, so this
/// works without the status file too), removes the namespace file and the status. Keeps going
/// past failures and reports them all. Nothing to undo is success.
pub fn teardown(env: &NetEnv, req: &Request<'_>) -> Result<(), NetworkError> {
    teardown_inner(env, req, true)
}

/// `teardown`; `lost_status` says whether a helper may run with no status file to say so
/// (after a killed monitor or a lost runroot), which costs a look at every process.
fn teardown_inner(env: &NetEnv, req: &Request<'_>, lost_status: bool) -> Result<(), NetworkError> {
    let mut errors = Vec::new();
    let ns = env.netns_path(req.id);
    let st = status(env, req.id);
    if let NetworkMode::Networks { networks: nets } = req.mode {
        let ports = st.as_ref().map(|s| s.ports.clone()).unwrap_or_default();
        let a = attach(req, &ns, &ports, nets);
        if let Err(e) = networks::teardown(env, &a) {
            errors.push(e);
        }
    }
    let marker = ns.display().to_string();
    const HELPERS: &[&str] = &["pasta", "pasta.avx2", "slirp4netns"];
    let helper = st.as_ref().and_then(|s| s.helper.as_ref());
    let mut pids = Vec::new();
    if let Some(h) = helper {
        // The recorded helper, if that pid still runs it (pids get recycled).
        if procs::matches(h.pid, HELPERS, &marker) {
            pids.push(h.pid);
        }
        if let Some(sock) = &h.api_socket {
            let _ = std::fs::remove_file(sock);
        }
    } else if matches!(
        req.mode,
        NetworkMode::Pasta { .. } | NetworkMode::Slirp4netns { .. }
    ) && (st.is_some() || ns.exists() || lost_status)
    {
        // A helper may run unrecorded (hutch died between starting it and writing the status,
        // or the status is lost with the runroot): look for it by its command line.
        pids = procs::find(HELPERS, &marker);
    }
    if !pids.is_empty() {
        if let Err(source) = procs::kill_and_wait(&pids) {
            errors.push(NetworkError::HelperKill {
                container: req.id.to_string(),
                source,
            });
        }
    }
    if let Err(source) = hutch_sys::netns::remove(&ns) {
        errors.push(NetworkError::Netns {
            container: req.id.to_string(),
            path: ns.clone(),
            source,
        });
    }
    for p in [
        env.status_path(req.id),
        pasta::pid_file(env, req.id),
        slirp::socket_path(env, req.id),
        env.netns_dir().join(format!("{}.log", req.id)),
    ] {
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => errors.push(NetworkError::io(p, e)),
        }
    }
    match errors.len() {
        0 => Ok(()),
        1 => Err(errors.remove(0)),
        _ => Err(NetworkError::Teardown {
            container: req.id.to_string(),
            errors,
        }),
    }
}
