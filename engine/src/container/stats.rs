//! `stats`: a running container's resource use read from /proc — its processes' CPU time,
//! resident memory and count, and its network namespace's interface counters. Rootless
//! containers on cgroup v1 have no cgroup to read, so the processes are those of `top`.

use super::{top, ContainerError};
use crate::Result;
use hutch_sys::procfs::{self, NetDev};

/// One sample.
#[derive(Debug, Clone, Default)]
pub struct Sample {
    pub read: chrono::DateTime<chrono::Utc>,
    /// CPU time used by the container's processes, nanoseconds.
    pub cpu_ns: u64,
    /// CPU time of the whole host since boot, nanoseconds.
    pub system_ns: u64,
    pub online_cpus: u32,
    pub memory_bytes: u64,
    /// The host's memory (no cgroup limit is read).
    pub memory_limit: u64,
    pub pids: u64,
    /// The container's interfaces, loopback left out.
    pub networks: Vec<NetDev>,
}

impl crate::Engine {
    /// One sample of running container `name`'s resource use.
    pub fn stats(&self, name: &str) -> Result<Sample> {
        let c = self.lookup(name)?;
        let state = super::observe(self.paths(), &c).state;
        if state != super::RUNNING && state != super::PAUSED {
            return Err(ContainerError::BadState {
                name: c.name.clone(),
                state,
                reason: "stats can only be read of running containers".into(),
            }
            .into());
        }
        let procs = top::processes(&c)?;
        let ticks = procfs::ticks_per_second().max(1);
        let (host_ticks, cpus) = procfs::cpu_times()?;
        let ns_per_tick = 1_000_000_000 / ticks;
        let cpu_ns = procs.iter().map(|p| (p.cpu_secs * 1e9) as u64).sum::<u64>();
        let networks = i32::try_from(c.run.pid)
            .ok()
            .and_then(|pid| procfs::net_dev(pid).ok())
            .unwrap_or_default()
            .into_iter()
            .filter(|d| d.name != "lo")
            .collect();
        Ok(Sample {
            read: chrono::Utc::now(),
            cpu_ns,
            system_ns: host_ticks * ns_per_tick,
            online_cpus: cpus,
            memory_bytes: procs.iter().map(|p| p.rss_kib * 1024).sum(),
            memory_limit: procfs::memory().map(|m| m.total).unwrap_or(0),
            pids: procs.len() as u64,
            networks,
        })
    }
}
