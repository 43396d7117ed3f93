//! Facts about the host that `info` and `doctor` report (and the API service's /info will):
//! helper programs and their versions, subordinate id ranges, cgroup version and whether
//! resource limits can work, kernel and distribution. Read-only; nothing here needs privileges.

use hutch_sys::procfs;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Where podman's helpers live when they are not on PATH (Debian puts netavark in
/// /usr/lib/podman, runc in /usr/sbin, which an unprivileged PATH often lacks).
const EXTRA_DIRS: &[&str] = &[
    "/usr/local/libexec/podman",
    "/usr/local/lib/podman",
    "/usr/libexec/podman",
    "/usr/lib/podman",
    "/usr/local/sbin",
    "/usr/sbin",
    "/sbin",
];

/// The first executable file named `name` on PATH, then in the helper directories.
pub fn find_program(name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(EXTRA_DIRS.iter().map(PathBuf::from))
        .map(|d| d.join(name))
        .find(|p| {
            std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
}

/// The first non-empty line `program --version` prints (stdout, else stderr), if it runs.
pub fn program_version(program: &Path) -> Option<String> {
    let out = Command::new(program)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    [&out.stdout, &out.stderr]
        .iter()
        .flat_map(|b| {
            String::from_utf8_lossy(b)
                .lines()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .map(|l| l.trim().to_string())
        .find(|l| !l.is_empty())
}

/// A helper program found on this host.
#[derive(Debug, Clone, Serialize)]
pub struct Program {
    pub name: String,
    pub path: String,
    pub version: String,
}

/// The first of `names` that is installed, with its version ("" when `--version` fails).
pub fn first_program(names: &[&str]) -> Option<Program> {
    names.iter().find_map(|n| {
        find_program(n).map(|p| Program {
            name: n.to_string(),
            version: program_version(&p).unwrap_or_default(),
            path: p.display().to_string(),
        })
    })
}

/// A subordinate id range: `start` and `count` host ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SubRange {
    pub start: u32,
    pub count: u32,
}

/// The user's ranges in `/etc/subuid`-format `contents`, matched by name or numeric uid.
pub fn parse_subid(contents: &str, user: Option<&str>, uid: u32) -> Vec<SubRange> {
    contents
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split(':');
            let who = f.next()?;
            let start = f.next()?.trim().parse().ok()?;
            let count = f.next()?.trim().parse().ok()?;
            let mine = Some(who) == user || who.parse::<u32>().ok() == Some(uid);
            (mine && count > 0).then_some(SubRange { start, count })
        })
        .collect()
}

/// The user's ranges from a subordinate id file (`/etc/subuid` or `/etc/subgid`).
pub fn subid_ranges(file: &Path, user: Option<&str>, uid: u32) -> Vec<SubRange> {
    std::fs::read_to_string(file)
        .map(|c| parse_subid(&c, user, uid))
        .unwrap_or_default()
}

/// The cgroup set-up and whether `--memory`/`--cpus` style limits can work for this user.
#[derive(Debug, Clone, Serialize)]
pub struct Cgroups {
    /// "v1" or "v2".
    pub version: String,
    pub limits_available: bool,
    /// Why limits cannot work, when they cannot.
    pub limits_reason: Option<String>,
    /// Controllers delegated to the user (v2).
    pub controllers: Vec<String>,
}

pub fn cgroups(uid: u32) -> Cgroups {
    let v2 = Path::new("/sys/fs/cgroup/cgroup.controllers").exists();
    if !v2 {
        let (ok, reason) = if uid == 0 {
            (true, None)
        } else {
            (
                false,
                Some(
                    "cgroup v1: rootless containers cannot use resource limits; boot with \
                     systemd.unified_cgroup_hierarchy=1 for cgroup v2"
                        .to_string(),
                ),
            )
        };
        return Cgroups {
            version: "v1".into(),
            limits_available: ok,
            limits_reason: reason,
            controllers: Vec::new(),
        };
    }
    // Rootless limits need controllers delegated to the cgroup the user's processes live in.
    let own = procfs::cgroup_v2(0)
        .ok()
        .flatten()
        .unwrap_or_else(|| "/".into());
    let dir = Path::new("/sys/fs/cgroup").join(own.trim_start_matches('/'));
    let controllers: Vec<String> = std::fs::read_to_string(dir.join("cgroup.controllers"))
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let writable = hutch_sys::process::access_writable(&dir).is_ok();
    let missing: Vec<&str> = ["cpu", "memory", "pids"]
        .into_iter()
        .filter(|c| !controllers.iter().any(|x| x == c))
        .collect();
    let (ok, reason) = if uid == 0 {
        (true, None)
    } else if !writable {
        (
            false,
            Some(format!(
                "cgroup v2, but your cgroup {} is not writable: run hutch from a systemd user \
                 session (systemd-run --user --scope) with delegation",
                dir.display()
            )),
        )
    } else if !missing.is_empty() {
        (
            false,
            Some(format!(
                "cgroup v2, but the controllers {} are not delegated to you",
                missing.join(", ")
            )),
        )
    } else {
        (true, None)
    };
    Cgroups {
        version: "v2".into(),
        limits_available: ok,
        limits_reason: reason,
        controllers,
    }
}

/// A kernel setting by its sysctl(8) name (`user.max_user_namespaces`), if it can be read.
pub fn sysctl(name: &str) -> Option<String> {
    procfs::sysctl(name).ok()
}

pub fn kernel() -> String {
    sysctl("kernel.osrelease").unwrap_or_default()
}

pub fn hostname() -> String {
    sysctl("kernel.hostname").unwrap_or_default()
}

/// `(ID, VERSION_ID)` from /etc/os-release.
pub fn distribution() -> (String, String) {
    let text = std::fs::read_to_string("/etc/os-release").unwrap_or_default();
    let get = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
            .map(|v| v.trim_matches('"').to_string())
            .unwrap_or_default()
    };
    (get("ID"), get("VERSION_ID"))
}

/// `(MemTotal, MemAvailable)` in bytes.
pub fn memory() -> (u64, u64) {
    let m = procfs::memory().unwrap_or_default();
    (m.total, m.available)
}

/// The login name of `uid`, if the user database has one.
pub fn user_name(uid: u32) -> Option<String> {
    hutch_sys::process::user_name(uid)
}

/// Whether `path` carries file capabilities (how `newuidmap` may be installed instead of
/// setuid root).
pub fn has_file_capabilities(path: &Path) -> bool {
    hutch_sys::fs::lgetxattr(path, std::ffi::OsStr::new("security.capability"))
        .ok()
        .flatten()
        .is_some()
}

/// The listening sockets systemd passed us (socket activation: `LISTEN_PID` is this process and
/// `LISTEN_FDS` counts descriptors from 3). The variables are removed so that children do not
/// see them; empty when the process was not socket-activated.
pub fn activated_sockets() -> std::io::Result<Vec<std::os::fd::OwnedFd>> {
    let pid = std::env::var("LISTEN_PID").ok();
    let count = std::env::var("LISTEN_FDS").ok();
    std::env::remove_var("LISTEN_PID");
    std::env::remove_var("LISTEN_FDS");
    std::env::remove_var("LISTEN_FDNAMES");
    let (Some(pid), Some(count)) = (pid, count) else {
        return Ok(Vec::new());
    };
    if pid.trim().parse::<u32>().ok() != Some(std::process::id()) {
        return Ok(Vec::new());
    }
    let count: i32 = count.trim().parse().map_err(|_| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("LISTEN_FDS={count:?} is not a number"),
        )
    })?;
    (3..3 + count.max(0))
        .map(hutch_sys::fd::take_inherited)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subid_by_name_or_uid() {
        let f =
            "# comment\nalice:100000:65536\nbob:200000:65536\n1001:300000:1000\nalice:400000:0\n";
        assert_eq!(
            parse_subid(f, Some("alice"), 1000),
            vec![SubRange {
                start: 100000,
                count: 65536
            }]
        );
        assert_eq!(parse_subid(f, Some("carol"), 1001)[0].start, 300000);
        assert!(parse_subid(f, Some("dave"), 7).is_empty());
    }

    #[test]
    fn finds_programs() {
        assert!(find_program("sh").is_some());
        assert!(find_program("no-such-program-hutch").is_none());
    }
}
