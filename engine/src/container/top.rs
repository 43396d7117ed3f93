//! `top`: the processes of a running container, read from /proc. Rootless containers on
//! cgroup v1 have no cgroup to list, so a container's processes are those in its init's PID
//! namespace; PIDs are shown as the container sees them.

use super::ContainerError;
use crate::Result;
use hutch_state::Container;
use hutch_sys::procfs;

/// One process as `top` describes it.
#[derive(Debug, Clone, Default)]
pub struct Process {
    /// PID and parent PID inside the container (0: the parent is outside it).
    pub pid: i64,
    pub ppid: i64,
    pub host_pid: i64,
    pub uid: u32,
    pub gid: u32,
    pub comm: String,
    /// The command line, or `[comm]` when it is empty.
    pub args: String,
    pub state: String,
    /// Terminal device number (0: none).
    pub tty_nr: u64,
    /// CPU time used, seconds.
    pub cpu_secs: f64,
    /// Seconds since the process started.
    pub elapsed_secs: f64,
    pub nice: i64,
    pub vsz_kib: u64,
    pub rss_kib: u64,
}

fn read_process(pid: i32, uptime: f64, ticks: f64) -> Option<Process> {
    let st = procfs::stat(pid).ok()?;
    let status = procfs::status(pid).ok()?;
    // NSpid lists the pid in each nested namespace, the container's last.
    let ns_pid = status
        .field("NSpid")
        .and_then(|v| v.split_whitespace().last())
        .and_then(|p| p.parse().ok())
        .unwrap_or(i64::from(pid));
    // `Uid:`/`Gid:` hold the real, effective, saved and filesystem ids: ps shows the effective.
    let id = |key| -> u32 {
        status
            .field(key)
            .and_then(|v| v.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    let args = procfs::cmdline(pid).unwrap_or_default().display();
    Some(Process {
        pid: ns_pid,
        ppid: i64::from(st.ppid),
        host_pid: i64::from(pid),
        uid: id("Uid"),
        gid: id("Gid"),
        args: if args.is_empty() {
            format!("[{}]", st.comm)
        } else {
            args
        },
        state: st.state.to_string(),
        tty_nr: st.tty_nr,
        cpu_secs: (st.utime + st.stime) as f64 / ticks,
        elapsed_secs: (uptime - st.start_time as f64 / ticks).max(0.0),
        nice: st.nice,
        vsz_kib: st.vsize / 1024,
        rss_kib: st.rss * 4,
        comm: st.comm,
    })
}

/// The host PIDs of running container `c`'s processes: those in its init's PID namespace, in
/// /proc's order. Shared by `top`, `stats` and pausing by signals.
pub fn host_pids(c: &Container) -> Result<Vec<i32>> {
    let pid_ns = |pid: i32| procfs::ns_link(pid, "pid").ok();
    let want = i32::try_from(c.run.pid)
        .ok()
        .filter(|p| *p > 0)
        .and_then(pid_ns)
        .ok_or_else(|| ContainerError::BadState {
            name: c.name.clone(),
            state: c.run.state.clone(),
            reason: "its processes can only be listed while it runs".into(),
        })?;
    // Sharing ours, its namespace would hold every process of the host: pausing it would stop
    // them all.
    if procfs::ns_link(0, "pid").ok().as_ref() == Some(&want) {
        return Err(ContainerError::BadState {
            name: c.name.clone(),
            state: c.run.state.clone(),
            reason: "it shares the host's PID namespace, so its processes cannot be told apart"
                .into(),
        }
        .into());
    }
    Ok(procfs::pids()?
        .into_iter()
        .filter(|pid| pid_ns(*pid).as_ref() == Some(&want))
        .collect())
}

/// The processes of running container `c`, by PID inside it.
pub fn processes(c: &Container) -> Result<Vec<Process>> {
    let pids = host_pids(c)?;
    let uptime = procfs::uptime().unwrap_or(0.0);
    let ticks = procfs::ticks_per_second() as f64;
    let mut out = Vec::new();
    for pid in pids {
        if let Some(p) = read_process(pid, uptime, ticks) {
            out.push(p);
        }
    }
    // Parent PIDs as the container sees them; a parent outside it is 0.
    let map: std::collections::HashMap<i64, i64> =
        out.iter().map(|p| (p.host_pid, p.pid)).collect();
    for p in &mut out {
        p.ppid = map.get(&p.ppid).copied().unwrap_or(0);
    }
    out.sort_by_key(|p| p.pid);
    Ok(out)
}

/// A duration as Go prints it (`1.5s`, `2m3.25s`, `1h0m0s`), which podman's `top` uses.
pub fn go_duration(secs: f64) -> String {
    if secs <= 0.0 {
        return "0s".into();
    }
    let total_ms = (secs * 1000.0).round() as u64;
    let h = total_ms / 3_600_000;
    let m = (total_ms / 60_000) % 60;
    let ms = total_ms % 60_000;
    let s = format!("{}.{:03}", ms / 1000, ms % 1000);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if total_ms < 1000 {
        return format!("{total_ms}ms");
    }
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, m) => format!("{m}m{s}s"),
        (h, m) => format!("{h}h{m}m{s}s"),
    }
}

/// `pts/N` for a pseudo-terminal, `ttyN` for a console, `?` for none.
pub fn tty_name(tty_nr: u64) -> String {
    if tty_nr == 0 {
        return "?".into();
    }
    let major = (tty_nr >> 8) & 0xfff;
    let minor = (tty_nr & 0xff) | ((tty_nr >> 12) & 0xfff00);
    match major {
        136..=143 => format!("pts/{}", (major - 136) * 256 + minor),
        4 => format!("tty{minor}"),
        _ => format!("{major}:{minor}"),
    }
}

/// The descriptors `top` takes (podman's names), ps-like.
pub const DEFAULT_DESCRIPTORS: &[&str] = &[
    "user", "pid", "ppid", "pcpu", "etime", "tty", "time", "args",
];

fn header(d: &str) -> Option<&'static str> {
    Some(match d {
        "user" => "USER",
        "uid" => "UID",
        "group" => "GROUP",
        "gid" => "GID",
        "pid" => "PID",
        "ppid" => "PPID",
        "pcpu" => "%CPU",
        "etime" => "ELAPSED",
        "tty" => "TTY",
        "time" => "TIME",
        "args" | "comm" => "COMMAND",
        "nice" => "NI",
        "vsz" => "VSZ",
        "rss" => "RSS",
        "state" => "STATE",
        _ => return None,
    })
}

/// Names for ids from the container's own /etc/passwd or /etc/group.
fn names(path: &std::path::Path) -> Vec<(u32, String)> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            Some((f.get(2)?.parse().ok()?, f.first()?.to_string()))
        })
        .collect()
}

fn field(d: &str, p: &Process, users: &[(u32, String)], groups: &[(u32, String)]) -> String {
    let name = |list: &[(u32, String)], id: u32| {
        list.iter()
            .find(|(i, _)| *i == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| id.to_string())
    };
    match d {
        "user" => name(users, p.uid),
        "uid" => p.uid.to_string(),
        "group" => name(groups, p.gid),
        "gid" => p.gid.to_string(),
        "pid" => p.pid.to_string(),
        "ppid" => p.ppid.to_string(),
        "pcpu" => {
            let pct = if p.elapsed_secs > 0.0 {
                p.cpu_secs / p.elapsed_secs * 100.0
            } else {
                0.0
            };
            format!("{pct:.3}")
        }
        "etime" => go_duration(p.elapsed_secs),
        "tty" => tty_name(p.tty_nr),
        "time" => go_duration(p.cpu_secs),
        "args" => p.args.clone(),
        "comm" => p.comm.clone(),
        "nice" => p.nice.to_string(),
        "vsz" => p.vsz_kib.to_string(),
        "rss" => p.rss_kib.to_string(),
        "state" => p.state.clone(),
        _ => String::new(),
    }
}

impl crate::Engine {
    /// `top`: the header and rows of running container `name`'s processes for the ps-like
    /// `descriptors` (given as words, or comma- or space-separated; none: podman's default).
    pub fn top(
        &self,
        name: &str,
        descriptors: &[String],
    ) -> Result<(Vec<&'static str>, Vec<Vec<String>>)> {
        let mut descs: Vec<String> = descriptors
            .iter()
            .flat_map(|d| d.split([',', ' ']))
            .filter(|d| !d.is_empty())
            .map(str::to_string)
            .collect();
        if descs.is_empty() {
            descs = DEFAULT_DESCRIPTORS.iter().map(|s| s.to_string()).collect();
        }
        for d in &descs {
            if header(d).is_none() {
                return Err(ContainerError::InvalidFlag {
                    flag: "top descriptor",
                    value: d.clone(),
                    reason: "supported are user, uid, group, gid, pid, ppid, pcpu, etime, tty, \
                             time, args, comm, nice, vsz, rss, state"
                        .into(),
                }
                .into());
            }
        }
        let c = self.lookup(name)?;
        let state = super::observe(self.paths(), &c).state;
        if state != super::RUNNING && state != super::PAUSED {
            return Err(ContainerError::BadState {
                name: c.name.clone(),
                state,
                reason: "top can only be used on running containers".into(),
            }
            .into());
        }
        let procs = processes(&c)?;
        let merged = super::Dirs::new(self.paths(), &c.id).merged;
        let users = names(&merged.join("etc/passwd"));
        let groups = names(&merged.join("etc/group"));
        let heads = descs.iter().filter_map(|d| header(d)).collect();
        let rows = procs
            .iter()
            .map(|p| descs.iter().map(|d| field(d, p, &users, &groups)).collect())
            .collect();
        Ok((heads, rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_print_as_go_does() {
        assert_eq!(go_duration(0.0), "0s");
        assert_eq!(go_duration(0.01), "10ms");
        assert_eq!(go_duration(1.5), "1.5s");
        assert_eq!(go_duration(61.0), "1m1s");
        assert_eq!(go_duration(3600.0), "1h0m0s");
        assert_eq!(tty_name(0), "?");
        assert_eq!(tty_name((136 << 8) | 3), "pts/3");
    }
}
