//! `stats`: a running container's resource use — CPU time, memory, PIDs, block and network
//! I/O — and the CPU percentages derived from two samples. From the container's own cgroup v2
//! directory where the runtime made one; otherwise (rootless cgroup v1, no cgroup at all) from
//! its processes in /proc, found as `top` finds them. Each sample says which.

use super::{top, ContainerError};
use crate::Result;
use chrono::{DateTime, Utc};
use hutch_state::Container;
use hutch_sys::procfs::{self, NetDev};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Where a sample's figures come from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// The container's processes: /proc/PID/stat, io, and the network namespace's net/dev.
    /// Processes that exited without being waited for inside the container are not counted.
    #[default]
    Proc,
    /// The container's cgroup v2 directory.
    Cgroup,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Proc => "proc",
            Source::Cgroup => "cgroup",
        }
    }
}

/// One sample.
#[derive(Debug, Clone, Default)]
pub struct Sample {
    pub read: DateTime<Utc>,
    /// CPU time used by the container's processes (and their reaped children), nanoseconds.
    pub cpu_ns: u64,
    /// CPU time of the whole host since boot, nanoseconds.
    pub system_ns: u64,
    pub online_cpus: u32,
    pub memory_bytes: u64,
    /// The cgroup's memory limit, else the host's memory.
    pub memory_limit: u64,
    pub pids: u64,
    /// The container's interfaces, loopback left out.
    pub networks: Vec<NetDev>,
    /// Bytes read from and written to block devices.
    pub block_read: u64,
    pub block_write: u64,
    pub source: Source,
    /// When the container last started: the average CPU use is measured from then.
    pub started: Option<DateTime<Utc>>,
}

/// `part` of `whole` nanoseconds in percent; 0 when no time passed.
fn percent(part: u64, whole: i64) -> f64 {
    if whole <= 0 {
        return 0.0;
    }
    part as f64 / whole as f64 * 100.0
}

impl Sample {
    /// CPU use between `pre` and this sample in percent of one CPU (podman's and Docker's
    /// "CPU %": 200% is two CPUs kept busy). Without `pre`, the average since the container
    /// started, as podman's first figure is.
    pub fn cpu_percent(&self, pre: Option<&Sample>) -> f64 {
        match pre {
            Some(p) => percent(
                self.cpu_ns.saturating_sub(p.cpu_ns),
                (self.read - p.read).num_nanoseconds().unwrap_or(0),
            ),
            None => self.avg_cpu_percent(),
        }
    }

    /// CPU use since the container started, in percent of one CPU.
    pub fn avg_cpu_percent(&self) -> f64 {
        let Some(started) = self.started else {
            return 0.0;
        };
        percent(
            self.cpu_ns,
            (self.read - started).num_nanoseconds().unwrap_or(0),
        )
    }

    /// Memory in use in percent of the limit.
    pub fn memory_percent(&self) -> f64 {
        if self.memory_limit == 0 {
            return 0.0;
        }
        self.memory_bytes as f64 / self.memory_limit as f64 * 100.0
    }

    /// Bytes received and sent over all the container's interfaces.
    pub fn net_io(&self) -> (u64, u64) {
        self.networks
            .iter()
            .fold((0, 0), |(rx, tx), d| (rx + d.rx_bytes, tx + d.tx_bytes))
    }
}

/// One container's line in `stats`: its sample and the CPU use since the previous one.
#[derive(Debug, Clone)]
pub struct Report {
    pub id: String,
    pub name: String,
    /// None: the container is not running (shown with `--all`).
    pub sample: Option<Sample>,
    /// Percent of one CPU since the previous report (the first: since the container started).
    pub cpu_percent: f64,
}

/// Successive rounds of `stats` for a set of containers; it keeps each container's previous
/// sample so that CPU percentages cover the time between two rounds.
#[derive(Debug, Default)]
pub struct Watch {
    names: Vec<String>,
    all: bool,
    previous: HashMap<String, Sample>,
}

impl Watch {
    /// Containers `names`; none: every running container, or with `all` every container.
    pub fn new(names: Vec<String>, all: bool) -> Watch {
        Watch {
            names,
            all,
            previous: HashMap::new(),
        }
    }

    /// One round. A container named explicitly that is not running is an error (podman's
    /// "container state improper"); without names, the set is taken afresh each round, so
    /// containers started since appear and those gone drop out.
    pub fn next(&mut self, eng: &crate::Engine) -> Result<Vec<Report>> {
        let mut out = Vec::new();
        if !self.names.is_empty() {
            for n in self.names.clone() {
                let c = eng.lookup(&n)?;
                let s = eng.stats(&c.id)?;
                out.push(self.report(&c, Some(s)));
            }
        } else {
            for c in eng.db().containers()? {
                match eng.stats(&c.id) {
                    Ok(s) => out.push(self.report(&c, Some(s))),
                    Err(_) if self.all => out.push(self.report(&c, None)),
                    // Stopped, or gone since the list was read.
                    Err(_) => {}
                }
            }
        }
        let seen: Vec<&str> = out.iter().map(|r| r.id.as_str()).collect();
        self.previous.retain(|id, _| seen.contains(&id.as_str()));
        Ok(out)
    }

    fn report(&mut self, c: &Container, sample: Option<Sample>) -> Report {
        let cpu_percent = sample
            .as_ref()
            .map_or(0.0, |s| s.cpu_percent(self.previous.get(&c.id)));
        match &sample {
            Some(s) => {
                self.previous.insert(c.id.clone(), s.clone());
            }
            None => {
                self.previous.remove(&c.id);
            }
        }
        Report {
            id: c.id.clone(),
            name: c.name.clone(),
            sample,
            cpu_percent,
        }
    }
}

/// Figures read from a cgroup v2 directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct CgroupFigures {
    cpu_ns: u64,
    memory_bytes: u64,
    /// None: `max`, no limit.
    memory_limit: Option<u64>,
    pids: u64,
    block_read: u64,
    block_write: u64,
}

/// Reads `dir`'s cpu.stat, memory.current (less the inactive page cache, as Docker counts
/// it), memory.max, pids.current and io.stat; None when cpu.stat or memory.current is missing.
fn read_cgroup(dir: &Path) -> Option<CgroupFigures> {
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).ok();
    let keyed = |text: &str, key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix(' '))
            .and_then(|v| v.trim().parse::<u64>().ok())
    };
    let usage_usec = keyed(&read("cpu.stat")?, "usage_usec")?;
    let current: u64 = read("memory.current")?.trim().parse().ok()?;
    let inactive = read("memory.stat")
        .and_then(|t| keyed(&t, "inactive_file"))
        .unwrap_or(0);
    let (mut rbytes, mut wbytes) = (0, 0);
    // `MAJ:MIN rbytes=N wbytes=N rios=N ...`, one line per device.
    for word in read("io.stat").unwrap_or_default().split_whitespace() {
        let num = |p: &str| word.strip_prefix(p).and_then(|v| v.parse::<u64>().ok());
        rbytes += num("rbytes=").unwrap_or(0);
        wbytes += num("wbytes=").unwrap_or(0);
    }
    Some(CgroupFigures {
        cpu_ns: usage_usec * 1000,
        memory_bytes: current.saturating_sub(inactive),
        memory_limit: read("memory.max").and_then(|t| t.trim().parse().ok()),
        pids: read("pids.current")
            .and_then(|t| t.trim().parse().ok())
            .unwrap_or(0),
        block_read: rbytes,
        block_write: wbytes,
    })
}

/// The container's own cgroup v2 directory: its init's cgroup on a unified hierarchy, when the
/// runtime gave it one apart from its monitor's (a delegated subtree).
pub(super) fn own_cgroup(c: &Container) -> Option<PathBuf> {
    if !Path::new("/sys/fs/cgroup/cgroup.controllers").exists() {
        return None;
    }
    let cgroup = |pid: i64| procfs::cgroup_v2(i32::try_from(pid).ok()?).ok().flatten();
    let init = cgroup(c.run.pid)?;
    if init == "/" || Some(&init) == cgroup(c.run.conmon_pid).as_ref() {
        return None;
    }
    Some(Path::new("/sys/fs/cgroup").join(init.trim_start_matches('/')))
}

/// Figures summed over the container's processes.
fn read_processes(c: &Container) -> Result<CgroupFigures> {
    let pids = top::host_pids(c)?;
    let ns_per_tick = 1_000_000_000 / procfs::ticks_per_second().max(1);
    let mut f = CgroupFigures::default();
    for pid in pids {
        let Ok(st) = procfs::stat(pid) else {
            continue; // gone meanwhile
        };
        if st.exited() {
            continue;
        }
        f.pids += 1;
        f.cpu_ns += (st.utime + st.stime + st.cutime + st.cstime) * ns_per_tick;
        f.memory_bytes += st.rss * 4096;
        if let Ok(io) = procfs::io(pid) {
            f.block_read += io.read_bytes;
            f.block_write += io.write_bytes;
        }
    }
    Ok(f)
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
                reason: "stats can only be read of running containers: container state improper"
                    .into(),
            }
            .into());
        }
        let (figures, source) = match own_cgroup(&c).and_then(|d| read_cgroup(&d)) {
            Some(f) => (f, Source::Cgroup),
            None => (read_processes(&c)?, Source::Proc),
        };
        let (host_ticks, cpus) = procfs::cpu_times()?;
        let ns_per_tick = 1_000_000_000 / procfs::ticks_per_second().max(1);
        let networks = i32::try_from(c.run.pid)
            .ok()
            .and_then(|pid| procfs::net_dev(pid).ok())
            .unwrap_or_default()
            .into_iter()
            .filter(|d| d.name != "lo")
            .collect();
        let host_memory = procfs::memory().map(|m| m.total).unwrap_or(0);
        Ok(Sample {
            read: Utc::now(),
            cpu_ns: figures.cpu_ns,
            system_ns: host_ticks * ns_per_tick,
            online_cpus: cpus,
            memory_bytes: figures.memory_bytes,
            memory_limit: figures
                .memory_limit
                .filter(|l| *l < host_memory)
                .unwrap_or(host_memory),
            pids: figures.pids,
            networks,
            block_read: figures.block_read,
            block_write: figures.block_write,
            source,
            started: c.run.started_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cgroup_v2_files() {
        let dir = tempfile::tempdir().unwrap();
        let w = |f: &str, t: &str| std::fs::write(dir.path().join(f), t).unwrap();
        w(
            "cpu.stat",
            "usage_usec 2500000\nuser_usec 2000000\nsystem_usec 500000\n",
        );
        w("memory.current", "104857600\n");
        w(
            "memory.stat",
            "anon 94371840\nfile 10485760\ninactive_file 4194304\n",
        );
        w("memory.max", "max\n");
        w("pids.current", "3\n");
        w(
            "io.stat",
            "8:0 rbytes=4096 wbytes=8192 rios=1 wios=2 dbytes=0 dios=0\n\
             8:16 rbytes=1000 wbytes=0 rios=1 wios=0 dbytes=0 dios=0\n",
        );
        assert_eq!(
            read_cgroup(dir.path()),
            Some(CgroupFigures {
                cpu_ns: 2_500_000_000,
                memory_bytes: 104857600 - 4194304,
                memory_limit: None,
                pids: 3,
                block_read: 5096,
                block_write: 8192,
            })
        );
        w("memory.max", "536870912\n");
        assert_eq!(
            read_cgroup(dir.path()).unwrap().memory_limit,
            Some(536870912)
        );
        std::fs::remove_file(dir.path().join("cpu.stat")).unwrap();
        assert_eq!(read_cgroup(dir.path()), None);
    }

    #[test]
    fn cpu_percent_between_samples_and_since_start() {
        let t0 = Utc::now();
        let s = |secs: i64, cpu_ms: u64| Sample {
            read: t0 + chrono::Duration::seconds(secs),
            cpu_ns: cpu_ms * 1_000_000,
            started: Some(t0),
            memory_bytes: 256,
            memory_limit: 1024,
            ..Sample::default()
        };
        let (a, b) = (s(2, 1000), s(4, 4000));
        // 3 s of CPU in 2 s: one and a half CPUs.
        assert!((b.cpu_percent(Some(&a)) - 150.0).abs() < 1e-9);
        // No previous sample: since the start, 4 s of CPU in 4 s.
        assert!((b.cpu_percent(None) - 100.0).abs() < 1e-9);
        assert!((a.avg_cpu_percent() - 50.0).abs() < 1e-9);
        assert_eq!(a.cpu_percent(Some(&a)), 0.0);
        // CPU time that went down (a process gone uncounted) is no negative use.
        assert_eq!(a.cpu_percent(Some(&b)), 0.0);
        assert_eq!(a.memory_percent(), 25.0);
    }
}
