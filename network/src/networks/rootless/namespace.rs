//! The rootless network namespace itself: made on first need (a bind-mounted file), its uplink
//! (pasta or slirp4netns) kept running, rebuilt with every container reattached when stale.

use super::attach::options;
use super::{read_pid, Locked, Uplink, PASTA_PID};
use crate::networks::types::Network;
use crate::networks::{NetworksError, Result};
use hutch_sys::procfs;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

impl Locked<'_> {
    /// The rootless namespace, created (or rebuilt when stale) as needed, with its uplink up.
    pub(super) fn ensure_netns(&self, exclude: &str) -> Result<PathBuf> {
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
        self.stop_aardvark();
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

/// Whether `pid` is the pasta or slirp4netns serving `netns` (and not a recycled pid or a
/// zombie).
pub(super) fn uplink_running(pid: i32, netns: &Path) -> bool {
    procfs::cmdline(pid).is_ok_and(|c| c.contains(netns.as_os_str().as_encoded_bytes()))
        && procfs::alive(pid)
}

pub(super) fn wait_gone(pid: i32) {
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
