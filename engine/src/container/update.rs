//! `update`: new resource limits for a container, written into its own cgroup v2 directory
//! (where the runtime made one and the controllers are delegated), and a new restart policy.
//! Rootless on cgroup v1 there is no cgroup to write: the limits are refused with the reason.

use super::create_spec::RestartPolicy;
use super::ContainerError;
use crate::Result;
use std::path::Path;

/// The limits `update` asks for (podman's flags); None leaves one as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResourceUpdate {
    pub memory: Option<u64>,
    pub memory_reservation: Option<u64>,
    /// Memory plus swap; -1: unlimited.
    pub memory_swap: Option<i64>,
    pub cpus: Option<f64>,
    pub cpu_shares: Option<u64>,
    pub cpu_period: Option<u64>,
    pub cpu_quota: Option<i64>,
    pub cpuset_cpus: Option<String>,
    pub cpuset_mems: Option<String>,
    /// -1 or 0: unlimited.
    pub pids_limit: Option<i64>,
    pub blkio_weight: Option<u64>,
}

impl ResourceUpdate {
    /// The flags given, for messages.
    pub fn flags(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        let mut add = |set: bool, f| {
            if set {
                v.push(f)
            }
        };
        add(self.memory.is_some(), "--memory");
        add(self.memory_reservation.is_some(), "--memory-reservation");
        add(self.memory_swap.is_some(), "--memory-swap");
        add(self.cpus.is_some(), "--cpus");
        add(self.cpu_shares.is_some(), "--cpu-shares");
        add(self.cpu_period.is_some(), "--cpu-period");
        add(self.cpu_quota.is_some(), "--cpu-quota");
        add(self.cpuset_cpus.is_some(), "--cpuset-cpus");
        add(self.cpuset_mems.is_some(), "--cpuset-mems");
        add(self.pids_limit.is_some(), "--pids-limit");
        add(self.blkio_weight.is_some(), "--blkio-weight");
        v
    }

    /// The cgroup v2 files and values these limits become.
    fn files(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(m) = self.memory {
            out.push(("memory.max", m.to_string()));
        }
        if let Some(m) = self.memory_reservation {
            out.push(("memory.low", m.to_string()));
        }
        if let Some(s) = self.memory_swap {
            let v = match (s, self.memory) {
                (s, _) if s < 0 => "max".to_string(),
                (s, Some(m)) => (s as u64).saturating_sub(m).to_string(),
                (s, None) => s.to_string(),
            };
            out.push(("memory.swap.max", v));
        }
        let period = self.cpu_period.unwrap_or(100_000);
        if let Some(c) = self.cpus {
            out.push((
                "cpu.max",
                format!("{} {period}", (c * period as f64).round() as u64),
            ));
        } else if self.cpu_quota.is_some() || self.cpu_period.is_some() {
            let quota = match self.cpu_quota {
                Some(q) if q > 0 => q.to_string(),
                _ => "max".into(),
            };
            out.push(("cpu.max", format!("{quota} {period}")));
        }
        if let Some(s) = self.cpu_shares {
            // The runtimes' conversion of cgroup v1 shares (2..262144) to v2 weight (1..10000).
            let w = 1 + (s.clamp(2, 262_144) - 2) * 9999 / 262_142;
            out.push(("cpu.weight", w.to_string()));
        }
        if let Some(c) = &self.cpuset_cpus {
            out.push(("cpuset.cpus", c.clone()));
        }
        if let Some(m) = &self.cpuset_mems {
            out.push(("cpuset.mems", m.clone()));
        }
        if let Some(p) = self.pids_limit {
            out.push((
                "pids.max",
                if p <= 0 { "max".into() } else { p.to_string() },
            ));
        }
        if let Some(w) = self.blkio_weight {
            out.push(("io.weight", format!("default {w}")));
        }
        out
    }
}

impl crate::Engine {
    /// `update`: applies `limits` to container `name`'s cgroup and replaces its restart policy
    /// when `restart` is given. Limits the host cannot apply are refused before anything
    /// changes, naming why (rootless cgroup v1, no delegation, a container not running).
    pub fn update_container(
        &self,
        name: &str,
        limits: &ResourceUpdate,
        restart: Option<Option<RestartPolicy>>,
    ) -> Result<String> {
        let c = self.lookup(name)?;
        let files = limits.files();
        if !files.is_empty() {
            let refuse = |reason: String| -> crate::EngineError {
                ContainerError::LimitsUnavailable {
                    name: name.to_string(),
                    flags: limits.flags().join(", "),
                    reason,
                }
                .into()
            };
            let cg = crate::host::cgroups(self.paths().uid);
            if !cg.limits_available {
                return Err(refuse(format!(
                    "{}; `hutch doctor` explains the set-up that allows limits",
                    cg.limits_reason.unwrap_or_default()
                )));
            }
            let dir = super::stats::own_cgroup(&c).ok_or_else(|| {
                refuse(
                    "the container has no cgroup of its own to write limits into (it is not \
                     running, or its runtime did not make one)"
                        .into(),
                )
            })?;
            for (file, value) in &files {
                write_limit(&dir, file, value).map_err(&refuse)?;
            }
        }
        if let Some(p) = restart {
            self.set_restart_policy(&c.id, p)?;
        }
        Ok(c.id)
    }
}

fn write_limit(dir: &Path, file: &str, value: &str) -> std::result::Result<(), String> {
    let p = dir.join(file);
    std::fs::write(&p, value).map_err(|e| format!("writing {value:?} to {}: {e}", p.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_become_cgroup_v2_files() {
        let u = ResourceUpdate {
            memory: Some(100 << 20),
            memory_swap: Some(200 << 20),
            cpus: Some(1.5),
            cpu_shares: Some(1024),
            pids_limit: Some(-1),
            ..Default::default()
        };
        let f = u.files();
        let get = |k: &str| f.iter().find(|(n, _)| *n == k).map(|(_, v)| v.as_str());
        assert_eq!(get("memory.max"), Some("104857600"));
        assert_eq!(get("memory.swap.max"), Some("104857600"));
        assert_eq!(get("cpu.max"), Some("150000 100000"));
        assert_eq!(get("cpu.weight"), Some("39"));
        assert_eq!(get("pids.max"), Some("max"));
        assert!(ResourceUpdate::default().files().is_empty());
    }
}
