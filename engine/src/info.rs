//! What `hutch info` and the API's `/info` report: the host, the rootless set-up, the runtime
//! new containers get, and the store with its counts. Gathered once here, rendered by each
//! front end in its own shape (podman's YAML-like view, Docker's `/info` JSON).

use crate::container::{self, runtime};
use crate::host::{self, Cgroups, Program};
use crate::userns::UsernsInfo;
use crate::{Engine, Result};
use std::path::PathBuf;

/// Everything `info` shows. See the module documentation.
#[derive(Debug, Clone)]
pub struct Info {
    pub host: HostInfo,
    pub store: StoreInfo,
    pub containers: ContainerCounts,
}

#[derive(Debug, Clone)]
pub struct HostInfo {
    /// The architecture as Go (and so podman and Docker) names it: amd64, arm64.
    pub arch: &'static str,
    pub os: &'static str,
    pub kernel: String,
    pub hostname: String,
    pub distribution: String,
    pub distribution_version: String,
    pub cpus: usize,
    pub mem_total: u64,
    pub mem_free: u64,
    pub cgroups: Cgroups,
    /// The user namespace's mappings, or why they cannot be read.
    pub id_mappings: std::result::Result<UsernsInfo, String>,
    /// The runtime new containers get (the one `create` would use), or why there is none.
    pub runtime: std::result::Result<Program, String>,
    /// Why that runtime: `--runtime`, containers.conf, or hutch's default order.
    pub runtime_reason: String,
    /// Network helpers by name (pasta, slirp4netns, netavark, aardvark-dns), None when missing.
    pub tools: Vec<(&'static str, Option<Program>)>,
    /// The program new containers get for their network by default, and why.
    pub default_network: hutch_network::conf::DefaultChoice,
    pub rootless: bool,
    pub runtime_dir_warning: Option<String>,
    /// The per-container monitor (hutch-conmon), None when it cannot be found.
    pub conmon: Option<Program>,
    /// The log driver new containers get.
    pub log_driver: &'static str,
    /// Where events go: "file" (hutch's event log) or "none".
    pub event_logger: String,
    /// Always "cgroupfs": hutch makes rootless cgroups itself, never through systemd.
    pub cgroup_manager: &'static str,
}

#[derive(Debug, Clone)]
pub struct StoreInfo {
    pub graphroot: PathBuf,
    pub runroot: PathBuf,
    /// The storage driver's name, or `unknown (why)` when it cannot be found.
    pub driver: String,
    pub database: PathBuf,
    pub images: usize,
    /// `--storage-opt KEY=VALUE`s.
    pub graph_options: Vec<(String, String)>,
    pub volume_path: PathBuf,
    /// registries.conf: unqualified-search registries and the `[[registry]]` tables (or why it
    /// cannot be read).
    pub registries: std::result::Result<crate::registries::RegistriesConf, String>,
}

/// Containers by observed state.
#[derive(Debug, Clone, Default)]
pub struct ContainerCounts {
    pub total: usize,
    pub running: usize,
    pub paused: usize,
    pub stopped: usize,
}

/// The network helpers `info` reports.
pub const TOOLS: &[&str] = &["pasta", "slirp4netns", "netavark", "aardvark-dns"];

/// The architecture as Go names it (Docker's `Arch`, podman's `arch`).
pub fn go_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        "powerpc64" => "ppc64le",
        other => other,
    }
}

impl Engine {
    /// The program containers get for their network by default, and why (pasta only from a
    /// known-good release, else slirp4netns; containers.conf can say otherwise).
    pub fn default_network(&self) -> hutch_network::conf::DefaultChoice {
        self.containers().net_env().conf().default_choice()
    }

    /// Gathers [`Info`]. Finding the storage driver may join the user namespace (for an
    /// engine opened without it), so call this before the process starts threads, or on an
    /// engine opened joined.
    pub fn info(&self) -> Result<Info> {
        let paths = self.paths();
        let (distribution, distribution_version) = host::distribution();
        let (mem_total, mem_free) = host::memory();
        let runtime = runtime::describe(self.runtime_choice(), paths);
        let host = HostInfo {
            arch: go_arch(),
            os: std::env::consts::OS,
            kernel: host::kernel(),
            hostname: host::hostname(),
            distribution,
            distribution_version,
            cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
            mem_total,
            mem_free,
            cgroups: host::cgroups(paths.uid),
            id_mappings: crate::userns::mappings(paths).map_err(|e| e.to_string()),
            runtime: runtime
                .as_ref()
                .map(|(p, _)| p.clone())
                .map_err(|e| e.to_string()),
            runtime_reason: runtime.map(|(_, why)| why).unwrap_or_default(),
            tools: TOOLS
                .iter()
                .map(|t| (*t, host::first_program(&[t])))
                .collect(),
            default_network: self.default_network(),
            rootless: paths.rootless(),
            runtime_dir_warning: paths.runtime_dir_warning.clone(),
            conmon: container::monitor::find_conmon().map(|p| Program {
                name: "hutch-conmon".into(),
                version: host::program_version(&p).unwrap_or_default(),
                path: p.display().to_string(),
            }),
            log_driver: "k8s-file",
            event_logger: paths.settings.events_logger.clone(),
            cgroup_manager: "cgroupfs",
        };
        let mut containers = ContainerCounts::default();
        for c in self.db().containers()? {
            containers.total += 1;
            match container::observe(paths, &c).state.as_str() {
                container::RUNNING => containers.running += 1,
                container::PAUSED => containers.paused += 1,
                _ => containers.stopped += 1,
            }
        }
        let images = self.db().images()?.len();
        // Last: finding the driver may need the user namespace.
        let store = StoreInfo {
            graphroot: paths.graphroot.clone(),
            runroot: paths.runroot.clone(),
            driver: self.driver_name(),
            database: paths.db_path(),
            images,
            graph_options: paths
                .settings
                .storage_opts
                .iter()
                .map(|o| {
                    let (k, v) = o.split_once('=').unwrap_or((o, ""));
                    (k.to_string(), v.to_string())
                })
                .collect(),
            volume_path: paths.settings.volume_path.clone(),
            registries: crate::registries::RegistriesConf::load(paths).map_err(|e| e.to_string()),
        };
        Ok(Info {
            host,
            store,
            containers,
        })
    }

    /// The storage driver in use: forced or remembered; otherwise detected now, which for an
    /// unprivileged user needs hutch's user namespace. A failure is reported, not fatal.
    fn driver_name(&self) -> String {
        let paths = self.paths();
        if let Some(d) = crate::storage_driver::known(paths) {
            return d.name().to_string();
        }
        if paths.rootless() {
            if let Err(e) = self.userns() {
                return format!("unknown (cannot enter the user namespace: {e})");
            }
        }
        match crate::storage_driver::choose(paths) {
            Ok(d) => d.name().to_string(),
            Err(e) => format!("unknown ({e})"),
        }
    }
}
