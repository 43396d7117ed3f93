//! The one reader of /proc: a process's stat, command line, name, status and namespaces, whether
//! it has exited (the one definition of a zombie), the mount table and the IPv4 routing table.
//! Parsers take text so they can be tested on fixed samples; readers name the file on failure.

use crate::{Result, SysError};
use std::ffi::OsStr;
use std::net::Ipv4Addr;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// `/proc/PID`, or `/proc/self` for pid 0.
pub fn dir(pid: i32) -> PathBuf {
    if pid == 0 {
        PathBuf::from("/proc/self")
    } else {
        PathBuf::from(format!("/proc/{pid}"))
    }
}

fn read_string(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| SysError::path("read", path, e))
}

fn bad(path: impl Into<PathBuf>, reason: &'static str) -> SysError {
    SysError::Parse {
        path: path.into(),
        reason,
    }
}

/// The pids of every process, in /proc's order.
pub fn pids() -> Result<Vec<i32>> {
    let rd = std::fs::read_dir("/proc").map_err(|e| SysError::path("read", "/proc", e))?;
    Ok(rd
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .collect())
}

/// The fields of `/proc/PID/stat` that hutch uses (see proc(5); times in clock ticks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stat {
    pub pid: i32,
    /// The program name, up to 15 bytes; it may hold spaces and parentheses.
    pub comm: String,
    /// `R`, `S`, `D`, `Z`, `T`, ...
    pub state: char,
    pub ppid: i32,
    /// Controlling terminal's device number (0: none).
    pub tty_nr: u64,
    pub utime: u64,
    pub stime: u64,
    /// CPU time of the children it has waited for (and theirs), user and system.
    pub cutime: u64,
    pub cstime: u64,
    pub nice: i64,
    /// Ticks after boot at which the process started.
    pub start_time: u64,
    /// Virtual memory size, bytes.
    pub vsize: u64,
    /// Resident set size, pages.
    pub rss: u64,
}

impl Stat {
    /// Parses one stat line: `PID (COMM) STATE PPID ...`. COMM may hold any byte, so it ends at
    /// the last `)`.
    pub fn parse(line: &str) -> Option<Stat> {
        let open = line.find('(')?;
        let close = line.rfind(')')?;
        let pid = line.get(..open)?.trim().parse().ok()?;
        let comm = line.get(open + 1..close)?.to_string();
        // Fields after "(comm)", counted from 0: state ppid pgrp session tty_nr tpgid flags
        // minflt cminflt majflt cmajflt utime stime cutime cstime priority nice num_threads
        // itrealvalue starttime vsize rss ...
        let f: Vec<&str> = line.get(close + 1..)?.split_whitespace().collect();
        let num = |i: usize| f.get(i).and_then(|s| s.parse::<u64>().ok());
        Some(Stat {
            pid,
            comm,
            state: f.first()?.chars().next()?,
            ppid: f.get(1)?.parse().ok()?,
            tty_nr: num(4).unwrap_or(0),
            utime: num(11).unwrap_or(0),
            stime: num(12).unwrap_or(0),
            cutime: num(13).unwrap_or(0),
            cstime: num(14).unwrap_or(0),
            nice: f.get(16).and_then(|s| s.parse().ok()).unwrap_or(0),
            start_time: num(19).unwrap_or(0),
            vsize: num(20).unwrap_or(0),
            rss: num(21).unwrap_or(0),
        })
    }

    /// Whether the process has exited: a zombie waiting to be reaped (`Z`) or dead (`X`, `x`).
    /// It holds no memory and no namespaces, and its descriptors are closed.
    pub fn exited(&self) -> bool {
        matches!(self.state, 'Z' | 'X' | 'x')
    }
}

/// `/proc/PID/stat` (pid 0: this process).
pub fn stat(pid: i32) -> Result<Stat> {
    let path = dir(pid).join("stat");
    let text = read_string(&path)?;
    Stat::parse(&text).ok_or_else(|| bad(path, "not a stat line"))
}

/// Whether `pid` has exited: it is gone, or a zombie (see [`Stat::exited`]). This is hutch's
/// one definition. Not an empty command line: that comes as soon as a process lets go of its
/// memory, before its descriptors (a helper's listening sockets) are closed.
pub fn exited(pid: i32) -> bool {
    pid <= 0 || stat(pid).map_or(true, |s| s.exited())
}

/// Whether `pid` is a process that has not exited (see [`exited`]).
pub fn alive(pid: i32) -> bool {
    !exited(pid)
}

/// A process's command line: its arguments, each ended by a NUL. Empty for a zombie and for a
/// kernel thread.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cmdline(pub Vec<u8>);

impl Cmdline {
    /// The arguments, `argv[0]` first.
    pub fn args(&self) -> impl Iterator<Item = &OsStr> {
        self.0
            .split(|b| *b == 0)
            .filter(|a| !a.is_empty())
            .map(OsStr::from_bytes)
    }

    /// The file name of `argv[0]`.
    pub fn program(&self) -> Option<&OsStr> {
        let argv0 = self.args().next()?.as_bytes();
        Some(OsStr::from_bytes(
            argv0.rsplit(|b| *b == b'/').next().unwrap_or(argv0),
        ))
    }

    /// Whether `needle` occurs anywhere in it (within an argument or across several).
    pub fn contains(&self, needle: &[u8]) -> bool {
        !needle.is_empty() && self.0.windows(needle.len()).any(|w| w == needle)
    }

    /// The arguments joined by spaces, as `ps` shows them.
    pub fn display(&self) -> String {
        self.args()
            .map(|a| a.to_string_lossy())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// `/proc/PID/cmdline`.
pub fn cmdline(pid: i32) -> Result<Cmdline> {
    let path = dir(pid).join("cmdline");
    std::fs::read(&path)
        .map(Cmdline)
        .map_err(|e| SysError::path("read", path, e))
}

/// `/proc/PID/comm`, without its newline.
pub fn comm(pid: i32) -> Result<String> {
    let path = dir(pid).join("comm");
    Ok(read_string(&path)?.trim_end_matches('\n').to_string())
}

/// The uid that owns process `pid`.
pub fn owner(pid: i32) -> Result<u32> {
    let path = dir(pid);
    std::fs::metadata(&path)
        .map(|m| m.uid())
        .map_err(|e| SysError::path("stat", path, e))
}

/// `/proc/PID/status`: `Key:\tvalue` lines.
#[derive(Debug, Clone, Default)]
pub struct Status(pub String);

impl Status {
    /// The value of `key` (without the colon), trimmed.
    pub fn field(&self, key: &str) -> Option<&str> {
        self.0.lines().find_map(|l| {
            l.strip_prefix(key)
                .and_then(|r| r.strip_prefix(':'))
                .map(str::trim)
        })
    }
}

/// `/proc/PID/status` (pid 0: this process).
pub fn status(pid: i32) -> Result<Status> {
    read_string(&dir(pid).join("status")).map(Status)
}

/// `/proc/PID/ns/NS` (`ns` is `user`, `mnt`, `net`, `pid`, ...; pid 0: this process).
pub fn ns_path(pid: i32, ns: &str) -> PathBuf {
    dir(pid).join("ns").join(ns)
}

/// What a namespace link points to (`net:[4026531840]`): equal for processes sharing it.
pub fn ns_link(pid: i32, ns: &str) -> Result<PathBuf> {
    let path = ns_path(pid, ns);
    std::fs::read_link(&path).map_err(|e| SysError::path("readlink", path, e))
}

/// Seconds since boot, from /proc/uptime.
pub fn uptime() -> Result<f64> {
    let path = Path::new("/proc/uptime");
    read_string(path)?
        .split_whitespace()
        .next()
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| bad(path, "no uptime"))
}

/// Clock ticks per second, the unit of [`Stat`]'s times.
pub fn ticks_per_second() -> u64 {
    nix::unistd::sysconf(nix::unistd::SysconfVar::CLK_TCK)
        .ok()
        .flatten()
        .and_then(|t| u64::try_from(t).ok())
        .filter(|t| *t > 0)
        .unwrap_or(100)
}

/// A kernel setting from /proc/sys, named as sysctl(8) names it (`user.max_user_namespaces`),
/// trimmed.
pub fn sysctl(name: &str) -> Result<String> {
    let path = Path::new("/proc/sys").join(name.replace('.', "/"));
    Ok(read_string(&path)?.trim().to_string())
}

/// A process's cgroup v2 path (the `0::` line of /proc/PID/cgroup; pid 0: this process), or
/// `None` on a cgroup v1 host.
pub fn cgroup_v2(pid: i32) -> Result<Option<String>> {
    let text = read_string(&dir(pid).join("cgroup"))?;
    Ok(text
        .lines()
        .find_map(|l| l.strip_prefix("0::").map(|p| p.trim().to_string())))
}

/// Memory from /proc/meminfo, in bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Memory {
    pub total: u64,
    pub available: u64,
}

/// Parses /proc/meminfo text (`Key:   N kB` lines).
pub fn parse_meminfo(text: &str) -> Memory {
    let get = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
            .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
            .map_or(0, |kb| kb * 1024)
    };
    Memory {
        total: get("MemTotal"),
        available: get("MemAvailable"),
    }
}

/// The host's memory, from /proc/meminfo.
pub fn memory() -> Result<Memory> {
    read_string(Path::new("/proc/meminfo")).map(|t| parse_meminfo(&t))
}

/// One line of `/proc/PID/mountinfo` (see proc(5)), paths unescaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mount {
    /// The directory within the mounted file system that is mounted.
    pub root: PathBuf,
    pub mount_point: PathBuf,
    pub options: String,
    pub fs_type: String,
    pub source: String,
}

/// The kernel writes space, tab, newline and backslash in mountinfo paths as `\ooo` (octal).
fn unescape(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let octal = b
            .get(i + 1..i + 4)
            .filter(|d| d.iter().all(|c| (b'0'..=b'7').contains(c)));
        match octal {
            Some(d) if b[i] == b'\\' => {
                out.push((d[0] - b'0') * 64 + (d[1] - b'0') * 8 + (d[2] - b'0'));
                i += 4;
            }
            _ => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    out
}

fn unescape_path(s: &str) -> PathBuf {
    PathBuf::from(OsStr::from_bytes(&unescape(s)))
}

/// Parses mountinfo text; malformed lines are skipped.
pub fn parse_mountinfo(text: &str) -> Vec<Mount> {
    text.lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(' ').collect();
            // Optional fields run from 6 to the lone "-" separator.
            let sep = f.iter().skip(6).position(|x| *x == "-")? + 6;
            Some(Mount {
                root: unescape_path(f.get(3)?),
                mount_point: unescape_path(f.get(4)?),
                options: f.get(5)?.to_string(),
                fs_type: f.get(sep + 1)?.to_string(),
                source: String::from_utf8_lossy(&unescape(f.get(sep + 2)?)).into_owned(),
            })
        })
        .collect()
}

/// This process's mounts, from /proc/self/mountinfo.
pub fn mounts() -> Result<Vec<Mount>> {
    read_string(Path::new("/proc/self/mountinfo")).map(|t| parse_mountinfo(&t))
}

/// Whether `path` is a mount point in this process's mount namespace: one statx where the
/// kernel reports mount roots (5.8 and later), else a search of mountinfo.
pub fn is_mount_point(path: &Path) -> bool {
    if let Some(root) = crate::fs::is_mount_root(path) {
        return root;
    }
    mounts().is_ok_and(|m| m.iter().any(|m| m.mount_point == path))
}

/// One IPv4 route from /proc/net/route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Route {
    pub destination: Ipv4Addr,
    pub gateway: Ipv4Addr,
    pub mask: Ipv4Addr,
}

impl Route {
    pub fn prefix_len(&self) -> u8 {
        u32::from(self.mask).count_ones() as u8
    }

    /// Whether this is a default route (destination 0.0.0.0).
    pub fn is_default(&self) -> bool {
        self.destination.is_unspecified()
    }
}

/// Parses /proc/net/route text (a header line, then one route a line).
pub fn parse_routes(text: &str) -> Vec<Route> {
    // The kernel prints each address as the native-endian integer of its network-order bytes.
    let addr = |s: &str| {
        u32::from_str_radix(s, 16)
            .ok()
            .map(|n| Ipv4Addr::from(n.to_ne_bytes()))
    };
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            Some(Route {
                destination: addr(f.get(1)?)?,
                gateway: addr(f.get(2)?)?,
                mask: addr(f.get(7)?)?,
            })
        })
        .collect()
}

/// The host's IPv4 routes, from /proc/net/route.
pub fn routes() -> Result<Vec<Route>> {
    read_string(Path::new("/proc/net/route")).map(|t| parse_routes(&t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// statx's answer agrees with mountinfo for every mount point this process has, and for
    /// directories and files that are not one.
    #[test]
    fn mount_points_by_statx_match_mountinfo() {
        let all = mounts().unwrap();
        for (i, m) in all.iter().enumerate() {
            let p = std::path::Path::new(&m.mount_point);
            // A mount point that a later mount of one of its parents hides cannot be reached
            // by its path.
            let hidden = all[i + 1..]
                .iter()
                .any(|o| p != o.mount_point && p.starts_with(&o.mount_point));
            if !hidden {
                assert_eq!(crate::fs::is_mount_root(p), Some(true), "{}", p.display());
            }
        }
        assert_eq!(
            crate::fs::is_mount_root(std::path::Path::new("/proc")),
            Some(true)
        );
        assert!(is_mount_point(std::path::Path::new("/proc")));
        assert!(!is_mount_point(std::path::Path::new("/proc/self/fd")));
        let dir = tempfile::tempdir().unwrap();
        assert!(!is_mount_point(dir.path()));
        assert!(!is_mount_point(&dir.path().join("missing")));
    }

    #[test]
    fn stat_with_spaces_and_parentheses_in_comm() {
        let line = "4242 (a) b (c)) S 17 4242 4242 34816 4242 4194560 100 0 0 0 7 3 11 13 20 5 1 0 \
                    123456 8192000 300 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n";
        let s = Stat::parse(line).unwrap();
        assert_eq!(s.pid, 4242);
        assert_eq!(s.comm, "a) b (c)");
        assert_eq!(s.state, 'S');
        assert_eq!(s.ppid, 17);
        assert_eq!(s.tty_nr, 34816);
        assert_eq!((s.utime, s.stime), (7, 3));
        assert_eq!((s.cutime, s.cstime), (11, 13));
        assert_eq!(s.nice, 5);
        assert_eq!(s.start_time, 123456);
        assert_eq!(s.vsize, 8192000);
        assert_eq!(s.rss, 300);
        assert!(!s.exited());
        let z = Stat::parse("9 (x y) Z 1 0 0 0").unwrap();
        assert!(z.exited());
        assert_eq!(Stat::parse("garbage"), None);
    }

    #[test]
    fn io_counters() {
        let text = "rchar: 323934931\nwchar: 323929600\nsyscr: 632687\nsyscw: 632675\n\
                    read_bytes: 4096\nwrite_bytes: 323932160\ncancelled_write_bytes: 0\n";
        assert_eq!(
            parse_io(text),
            Io {
                read_bytes: 4096,
                write_bytes: 323932160
            }
        );
        let own = io(0).unwrap();
        assert!(own.read_bytes < u64::MAX);
    }

    #[test]
    fn mountinfo_unescapes_paths() {
        let text = "36 35 98:0 /mnt1 /mnt/a\\040b rw,noatime master:1 - ext3 /dev/root rw\n\
                    37 25 0:31 / /run/user/1000 rw,nosuid - tmpfs tmpfs rw,size=1k\n\
                    bad line\n";
        let m = parse_mountinfo(text);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].root, Path::new("/mnt1"));
        assert_eq!(m[0].mount_point, Path::new("/mnt/a b"));
        assert_eq!(m[0].fs_type, "ext3");
        assert_eq!(m[0].source, "/dev/root");
        assert_eq!(m[1].mount_point, Path::new("/run/user/1000"));
        assert_eq!(m[1].fs_type, "tmpfs");
        assert_eq!(unescape("/a\\134b\\011c\\9"), b"/a\\b\tc\\9");
        assert!(is_mount_point(Path::new("/proc")));
        assert!(!is_mount_point(Path::new("/proc/self")));
    }

    #[test]
    fn routes_parse() {
        let text =
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n\
                    eth0\t00000000\t0102A8C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n\
                    eth0\t0002A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n";
        let r = parse_routes(text);
        assert_eq!(r.len(), 2);
        if cfg!(target_endian = "little") {
            assert!(r[0].is_default());
            assert_eq!(r[0].gateway, Ipv4Addr::new(192, 168, 2, 1));
            assert_eq!(r[1].destination, Ipv4Addr::new(192, 168, 2, 0));
            assert_eq!(r[1].prefix_len(), 24);
        }
    }

    #[test]
    fn meminfo_and_sysctl() {
        let m = parse_meminfo("MemTotal:       16 kB\nMemFree:  4 kB\nMemAvailable:   8 kB\n");
        assert_eq!(
            m,
            Memory {
                total: 16 * 1024,
                available: 8 * 1024
            }
        );
        assert!(memory().unwrap().total > 0);
        assert!(!sysctl("kernel.osrelease").unwrap().is_empty());
        assert!(sysctl("no.such.setting").is_err());
    }

    #[test]
    fn own_process() {
        let me = std::process::id() as i32;
        assert_eq!(stat(0).unwrap().pid, me);
        assert!(alive(me));
        assert!(cmdline(me).unwrap().program().is_some());
        assert!(!comm(me).unwrap().is_empty());
        assert_eq!(ns_link(0, "net").unwrap(), ns_link(me, "net").unwrap());
        assert!(status(0).unwrap().field("Threads").is_some());
        assert!(uptime().unwrap() > 0.0);
        assert!(ticks_per_second() > 0);
    }

    #[test]
    fn cmdline_args_and_search() {
        let c = Cmdline(b"/usr/bin/pasta\0--netns\0/run/x y\0".to_vec());
        assert_eq!(c.program(), Some(OsStr::new("pasta")));
        assert_eq!(c.args().count(), 3);
        assert!(c.contains(b"/run/x y"));
        assert!(!c.contains(b""));
        assert_eq!(c.display(), "/usr/bin/pasta --netns /run/x y");
        assert_eq!(Cmdline::default().program(), None);
    }

    #[test]
    fn a_child_that_exited_is_a_zombie_until_reaped() {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id() as i32;
        let deadline = Instant::now() + Duration::from_secs(10);
        while stat(pid).unwrap().state != 'Z' {
            assert!(Instant::now() < deadline, "the child never became a zombie");
            std::thread::sleep(Duration::from_millis(5));
        }
        // Still listed in /proc, but exited: the one definition.
        assert!(dir(pid).exists());
        assert!(exited(pid));
        assert!(!alive(pid));
        assert!(cmdline(pid).unwrap().0.is_empty());
        child.wait().unwrap();
        assert!(stat(pid).is_err());
        assert!(exited(pid));
    }

    #[test]
    fn a_running_child_is_alive() {
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let pid = child.id() as i32;
        assert!(alive(pid));
        assert_eq!(stat(pid).unwrap().ppid, std::process::id() as i32);
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(exited(pid));
    }
}

/// All CPUs' time since boot in clock ticks (the `cpu` line of /proc/stat) and the number of
/// CPUs listed there.
pub fn cpu_times() -> Result<(u64, u32)> {
    let path = Path::new("/proc/stat");
    let text = read_string(path)?;
    let total = text
        .lines()
        .find_map(|l| l.strip_prefix("cpu "))
        .map(|v| {
            v.split_whitespace()
                .filter_map(|n| n.parse::<u64>().ok())
                .sum()
        })
        .ok_or_else(|| bad(path, "no cpu line"))?;
    let cpus = text
        .lines()
        .filter(|l| l.starts_with("cpu") && l.as_bytes().get(3).is_some_and(u8::is_ascii_digit))
        .count() as u32;
    Ok((total, cpus.max(1)))
}

/// Storage I/O from `/proc/PID/io`: bytes the process (its threads and the children it has
/// waited for) made the kernel read from or write to a block device, page cache excluded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Io {
    pub read_bytes: u64,
    pub write_bytes: u64,
}

/// Parses /proc/PID/io text (`key: N` lines).
pub fn parse_io(text: &str) -> Io {
    let get = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0)
    };
    Io {
        read_bytes: get("read_bytes"),
        write_bytes: get("write_bytes"),
    }
}

/// `/proc/PID/io`; readable only by those who may ptrace the process (its owner, or the owner
/// of its user namespace).
pub fn io(pid: i32) -> Result<Io> {
    read_string(&dir(pid).join("io")).map(|t| parse_io(&t))
}

/// One interface's counters from a `/proc/PID/net/dev` (the process's network namespace).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NetDev {
    pub name: String,
    pub rx_bytes: u64,
    pub rx_packets: u64,
    pub rx_errors: u64,
    pub rx_dropped: u64,
    pub tx_bytes: u64,
    pub tx_packets: u64,
    pub tx_errors: u64,
    pub tx_dropped: u64,
}

/// Parses /proc/net/dev text.
pub fn parse_net_dev(text: &str) -> Vec<NetDev> {
    text.lines()
        .skip(2)
        .filter_map(|l| {
            let (name, rest) = l.split_once(':')?;
            let n: Vec<u64> = rest
                .split_whitespace()
                .map(|v| v.parse().unwrap_or(0))
                .collect();
            let f = |i: usize| n.get(i).copied().unwrap_or(0);
            Some(NetDev {
                name: name.trim().to_string(),
                rx_bytes: f(0),
                rx_packets: f(1),
                rx_errors: f(2),
                rx_dropped: f(3),
                tx_bytes: f(8),
                tx_packets: f(9),
                tx_errors: f(10),
                tx_dropped: f(11),
            })
        })
        .collect()
}

/// The interfaces of `pid`'s network namespace.
pub fn net_dev(pid: i32) -> Result<Vec<NetDev>> {
    read_string(&dir(pid).join("net/dev")).map(|t| parse_net_dev(&t))
}
