//! Cgroups: on a unified (v2) hierarchy, a directory for the container where the parent is
//! ours to write (a delegated subtree), with the spec's memory, pids and cpu limits. Elsewhere
//! (cgroup v1 rootless, no delegation) limits are ignored, as runc does rootless.

use anyhow::{Context, Result};
use oci_spec::runtime::Linux;
use std::path::{Path, PathBuf};

const ROOT: &str = "/sys/fs/cgroup";

fn unified() -> bool {
    Path::new(ROOT).join("cgroup.controllers").exists()
}

/// Our own cgroup v2 path (the `0::` line of /proc/self/cgroup).
fn own() -> Option<PathBuf> {
    let text = std::fs::read_to_string("/proc/self/cgroup").ok()?;
    let p = text.lines().find_map(|l| l.strip_prefix("0::"))?;
    Some(PathBuf::from(p.trim_start_matches('/')))
}

/// Puts `pid` in the container's cgroup when one can be made; returns its directory.
pub fn apply(pid: i32, id: &str, linux: &Linux) -> Result<Option<PathBuf>> {
    if !unified() {
        return Ok(None);
    }
    let rel = match linux.cgroups_path() {
        Some(p) if p.is_absolute() => p.strip_prefix("/").unwrap_or(p).to_path_buf(),
        // systemd-style "slice:prefix:name" paths: we do not talk to systemd.
        Some(p) if p.to_string_lossy().contains(':') => return Ok(None),
        Some(p) => match own() {
            Some(o) => o.parent().unwrap_or(Path::new("")).join(p),
            None => return Ok(None),
        },
        None => match own() {
            Some(o) => o
                .parent()
                .unwrap_or(Path::new(""))
                .join(format!("hutch-runtime-{id}")),
            None => return Ok(None),
        },
    };
    let dir = Path::new(ROOT).join(rel);
    if std::fs::create_dir_all(&dir).is_err() {
        // Not delegated to us: limits are ignored.
        return Ok(None);
    }
    if std::fs::write(dir.join("cgroup.procs"), pid.to_string()).is_err() {
        let _ = std::fs::remove_dir(&dir);
        return Ok(None);
    }
    if let Some(r) = linux.resources() {
        let set = |file: &str, v: String| -> Result<()> {
            std::fs::write(dir.join(file), &v)
                .with_context(|| format!("cgroup {}: write {v}", dir.join(file).display()))
        };
        if let Some(m) = r.memory().as_ref().and_then(|m| m.limit()) {
            set(
                "memory.max",
                if m < 0 { "max".into() } else { m.to_string() },
            )?;
        }
        if let Some(p) = r.pids().as_ref().map(|p| p.limit()) {
            set(
                "pids.max",
                if p <= 0 { "max".into() } else { p.to_string() },
            )?;
        }
        if let Some(c) = r.cpu() {
            if let Some(q) = c.quota() {
                let period = c.period().unwrap_or(100_000);
                set(
                    "cpu.max",
                    if q < 0 {
                        format!("max {period}")
                    } else {
                        format!("{q} {period}")
                    },
                )?;
            }
            if let Some(s) = c.shares() {
                // The usual conversion of cgroup v1 shares (2..262144) to v2 weight (1..10000).
                let w = 1 + ((s.clamp(2, 262_144) - 2) * 9999) / 262_142;
                set("cpu.weight", w.to_string())?;
            }
        }
    }
    Ok(Some(dir))
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
