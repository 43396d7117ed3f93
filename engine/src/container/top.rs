//! `top`: the processes of a running container, read from /proc. Rootless containers on
//! cgroup v1 have no cgroup to list, so a container's processes are those in its init's PID
//! namespace; PIDs are shown as the container sees them.

use super::ContainerError;
use crate::Result;
use hutch_state::Container;
use std::path::Path;

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

/// Linux reports times in USER_HZ, which is 100 on every architecture hutch supports.
const TICKS: f64 = 100.0;

fn parse_stat(stat: &str) -> Option<(String, Vec<&str>)> {
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let comm = stat[open + 1..close].to_string();
    let rest: Vec<&str> = stat[close + 1..].split_whitespace().collect();
    Some((comm, rest))
}

fn status_field<'a>(status: &'a str, key: &str) -> Option<&'a str> {
    status
        .lines()
        .find_map(|l| l.strip_prefix(key).map(str::trim))
}

fn read_process(pid: i64, uptime: f64) -> Option<Process> {
    let dir = Path::new("/proc").join(pid.to_string());
    let stat = std::fs::read_to_string(dir.join("stat")).ok()?;
    let status = std::fs::read_to_string(dir.join("status")).ok()?;
    let (comm, f) = parse_stat(&stat)?;
    // Fields after "(comm)": state=0 ppid=1 ... tty_nr=4 ... utime=11 stime=12 ... nice=16
    // ... starttime=19 vsize=20 rss=21 (pages).
    let num = |i: usize| f.get(i).and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let ns_pid = |text: &str| -> i64 {
        text.split_whitespace()
            .last()
            .and_then(|p| p.parse().ok())
            .unwrap_or(0)
    };
    let ids = |key| -> u32 {
        status_field(&status, key)
            .and_then(|v| v.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    let cmdline = std::fs::read(dir.join("cmdline")).unwrap_or_default();
    let args = cmdline
        .split(|b| *b == 0)
        .filter(|a| !a.is_empty())
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    Some(Process {
        pid: status_field(&status, "NSpid:").map(ns_pid).unwrap_or(pid),
        ppid: num(1),
        host_pid: pid,
        uid: ids("Uid:"),
        gid: ids("Gid:"),
        args: if args.is_empty() {
            format!("[{comm}]")
        } else {
            args
        },
        comm,
        state: f.first().unwrap_or(&"?").to_string(),
        tty_nr: num(4) as u64,
        cpu_secs: (num(11) + num(12)) as f64 / TICKS,
        elapsed_secs: (uptime - num(19) as f64 / TICKS).max(0.0),
        nice: num(16),
        vsz_kib: num(20) as u64 / 1024,
        rss_kib: num(21) as u64 * 4,
    })
}

/// The processes of running container `c`, by PID inside it.
pub fn processes(c: &Container) -> Result<Vec<Process>> {
    let pid_ns = |pid: i64| std::fs::read_link(format!("/proc/{pid}/ns/pid")).ok();
    let want = (c.run.pid > 0)
        .then(|| pid_ns(c.run.pid))
        .flatten()
        .ok_or_else(|| ContainerError::BadState {
            name: c.name.clone(),
            state: c.run.state.clone(),
            reason: "top needs a running container".into(),
        })?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(0.0);
    let mut out = Vec::new();
    let rd = std::fs::read_dir("/proc").map_err(|e| ContainerError::io("/proc", e))?;
    for e in rd.flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<i64>().ok()) else {
            continue;
        };
        if pid_ns(pid).as_ref() != Some(&want) {
            continue;
        }
        if let Some(p) = read_process(pid, uptime) {
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
