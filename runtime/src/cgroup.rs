//! Cgroups: on a unified (v2) hierarchy, a directory for the container where the parent is
//! ours to write (a delegated subtree), with the spec's memory, pids and cpu limits. Elsewhere
//! (cgroup v1 rootless, no delegation) limits are ignored, as runc does rootless.

use anyhow::{Context, Result};
use oci_spec::runtime::{Linux, LinuxResources};
use std::path::{Path, PathBuf};

const ROOT: &str = "/sys/fs/cgroup";

/// A cgroup v2 hierarchy and where this process sits in it: the host's, or for tests a
/// directory standing for a delegated tree.
pub struct Hierarchy {
    root: PathBuf,
    /// Our own cgroup, relative to `root` (the `0::` line of /proc/self/cgroup).
    own: Option<PathBuf>,
}

impl Hierarchy {
    /// The host's hierarchy at /sys/fs/cgroup.
    pub fn host() -> Hierarchy {
        Hierarchy {
            root: PathBuf::from(ROOT),
            own: own(),
        }
    }

    fn unified(&self) -> bool {
        self.root.join("cgroup.controllers").exists()
    }

    /// The directory the container's cgroup would have, relative to the root.
    fn container_dir(&self, id: &str, linux: &Linux) -> Option<PathBuf> {
        let beside_us = |name: &Path| {
            self.own
                .as_ref()
                .map(|o| o.parent().unwrap_or(Path::new("")).join(name))
        };
        match linux.cgroups_path() {
            Some(p) if p.is_absolute() => Some(p.strip_prefix("/").unwrap_or(p).to_path_buf()),
            // systemd-style "slice:prefix:name" paths: we do not talk to systemd.
            Some(p) if p.to_string_lossy().contains(':') => None,
            Some(p) => beside_us(p),
            None => beside_us(Path::new(&format!("hutch-runtime-{id}"))),
        }
    }

    /// Puts `pid` in the container's cgroup when one can be made, with the spec's limits;
    /// returns its directory.
    pub fn apply(&self, pid: i32, id: &str, linux: &Linux) -> Result<Option<PathBuf>> {
        if !self.unified() {
            return Ok(None);
        }
        let Some(rel) = self.container_dir(id, linux) else {
            return Ok(None);
        };
        let dir = self.root.join(rel);
        if std::fs::create_dir_all(&dir).is_err() {
            // Not delegated to us: limits are ignored.
            return Ok(None);
        }
        if std::fs::write(dir.join("cgroup.procs"), pid.to_string()).is_err() {
            let _ = std::fs::remove_dir(&dir);
            return Ok(None);
        }
        if let Some(r) = linux.resources() {
            for (file, value) in limits(r) {
                let p = dir.join(file);
                std::fs::write(&p, &value).map_err(|e| {
                    crate::io_error(&format!("set cgroup limit {} to {value}", p.display()), &e)
                })?;
            }
        }
        Ok(Some(dir))
    }
}

/// Our own cgroup v2 path (the `0::` line of /proc/self/cgroup).
fn own() -> Option<PathBuf> {
    let text = std::fs::read_to_string("/proc/self/cgroup").ok()?;
    let p = text.lines().find_map(|l| l.strip_prefix("0::"))?;
    Some(PathBuf::from(p.trim_start_matches('/')))
}

/// The cgroup v2 files and values of the spec's memory, pids and cpu limits.
fn limits(r: &LinuxResources) -> Vec<(&'static str, String)> {
    let max = |v: i64| {
        if v < 0 {
            "max".to_string()
        } else {
            v.to_string()
        }
    };
    let mut out = Vec::new();
    if let Some(l) = r.memory().as_ref().and_then(|m| m.limit()) {
        out.push(("memory.max", max(l)));
    }
    if let Some(p) = r.pids() {
        let l = p.limit();
        out.push((
            "pids.max",
            if l <= 0 { "max".into() } else { l.to_string() },
        ));
    }
    if let Some(c) = r.cpu() {
        if let Some(q) = c.quota() {
            let period = c.period().unwrap_or(100_000);
            out.push(("cpu.max", format!("{} {period}", max(q))));
        }
        if let Some(s) = c.shares() {
            // The usual conversion of cgroup v1 shares (2..262144) to v2 weight (1..10000).
            let w = 1 + ((s.clamp(2, 262_144) - 2) * 9999) / 262_142;
            out.push(("cpu.weight", w.to_string()));
        }
    }
    out
}

/// Puts `pid` in the container's cgroup when one can be made; returns its directory.
pub fn apply(pid: i32, id: &str, linux: &Linux) -> Result<Option<PathBuf>> {
    Hierarchy::host().apply(pid, id, linux)
}

pub fn join(dir: &Path, pid: i32) {
    let _ = std::fs::write(dir.join("cgroup.procs"), pid.to_string());
}

pub fn freeze(dir: &Path, frozen: bool) -> Result<()> {
    let p = dir.join("cgroup.freeze");
    std::fs::write(&p, if frozen { "1" } else { "0" })
        .with_context(|| format!("write {}", p.display()))
}

pub fn remove(dir: &Path) {
    let _ = std::fs::remove_dir(dir);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A temporary directory standing for a delegated cgroup v2 tree, with this process in
    /// `user.slice/user-1000.slice/session.scope`.
    fn delegated() -> (tempfile::TempDir, Hierarchy) {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("cgroup.controllers"), "cpu memory pids\n").unwrap();
        let h = Hierarchy {
            root: d.path().to_path_buf(),
            own: Some(PathBuf::from("user.slice/user-1000.slice/session.scope")),
        };
        (d, h)
    }

    fn linux(json: &str) -> Linux {
        serde_json::from_str(json).unwrap()
    }

    fn read(dir: &Path, file: &str) -> String {
        std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
    }

    #[test]
    fn limits_are_written_to_the_containers_v2_files() {
        let (d, h) = delegated();
        let l = linux(
            r#"{"resources":{"memory":{"limit":268435456},"pids":{"limit":64},
                "cpu":{"quota":50000,"period":100000,"shares":1024}}}"#,
        );
        let dir = h.apply(4242, "c1", &l).unwrap().expect("a cgroup");
        assert_eq!(
            dir,
            d.path().join("user.slice/user-1000.slice/hutch-runtime-c1")
        );
        assert_eq!(read(&dir, "cgroup.procs"), "4242");
        assert_eq!(read(&dir, "memory.max"), "268435456");
        assert_eq!(read(&dir, "pids.max"), "64");
        assert_eq!(read(&dir, "cpu.max"), "50000 100000");
        assert_eq!(read(&dir, "cpu.weight"), "39");
    }

    #[test]
    fn unlimited_values_are_max() {
        let (_d, h) = delegated();
        let l =
            linux(r#"{"resources":{"memory":{"limit":-1},"pids":{"limit":0},"cpu":{"quota":-1}}}"#);
        let dir = h.apply(1, "c2", &l).unwrap().unwrap();
        assert_eq!(read(&dir, "memory.max"), "max");
        assert_eq!(read(&dir, "pids.max"), "max");
        assert_eq!(read(&dir, "cpu.max"), "max 100000");
    }

    #[test]
    fn cgroups_path_places_the_directory() {
        let (d, h) = delegated();
        let rel = linux(r#"{"cgroupsPath":"pod/ctr"}"#);
        assert_eq!(
            h.apply(1, "c3", &rel).unwrap().unwrap(),
            d.path().join("user.slice/user-1000.slice/pod/ctr")
        );
        let abs = linux(r#"{"cgroupsPath":"/mine/ctr"}"#);
        assert_eq!(
            h.apply(1, "c4", &abs).unwrap().unwrap(),
            d.path().join("mine/ctr")
        );
        // A systemd slice path is not ours to make: no cgroup, limits ignored.
        let sd = linux(r#"{"cgroupsPath":"user.slice:hutch:c5"}"#);
        assert_eq!(h.apply(1, "c5", &sd).unwrap(), None);
    }

    #[test]
    fn no_unified_hierarchy_means_limits_ignored() {
        let (d, h) = delegated();
        std::fs::remove_file(d.path().join("cgroup.controllers")).unwrap();
        let l = linux(r#"{"resources":{"pids":{"limit":64}}}"#);
        assert_eq!(h.apply(1, "c6", &l).unwrap(), None);
        assert!(!d.path().join("user.slice").exists());
    }
}
