//! podman's other global flags: the ones hutch honours (`--noout`, `--events-backend`,
//! `--runtime-flag`, `--volumepath`, ...) and the remote-client ones it refuses for now.

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args, Clone, Default)]
pub struct MoreGlobalOpts {
    /// Do not print anything on standard output
    #[arg(long, global = true)]
    pub noout: bool,
    /// Where events go: file (hutch's event log) or none (no events are recorded)
    /// [default: containers.conf's events_logger, else file]
    #[arg(long, global = true, value_name = "file|none")]
    pub events_backend: Option<String>,
    /// Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman
    /// does rootless without a systemd user session)
    #[arg(long, global = true, value_name = "cgroupfs|systemd")]
    pub cgroup_manager: Option<String>,
    /// An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)
    #[arg(long, global = true, value_name = "FLAG")]
    pub runtime_flag: Vec<String>,
    /// Where named volumes live [default: containers.conf's volume_path, else
    /// GRAPHROOT/volumes]
    #[arg(long, global = true, value_name = "PATH")]
    pub volumepath: Option<PathBuf>,
    /// podman's mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new
    /// container and the copy mounted at its destination
    #[arg(long, global = true, value_name = "PATH")]
    pub default_mounts_file: Option<PathBuf>,
    /// A storage driver option KEY=VALUE (shown by info as GraphOptions)
    #[arg(long, global = true, value_name = "KEY=VALUE")]
    pub storage_opt: Vec<String>,
    /// Remote client: not yet in hutch (refused)
    #[arg(short = 'r', long, global = true, hide = true)]
    pub remote: bool,
    /// Remote service URL: not yet in hutch (refused)
    #[arg(long, global = true, value_name = "URL", hide = true)]
    pub url: Option<String>,
    /// Remote connection name: not yet in hutch (refused)
    #[arg(long, global = true, value_name = "NAME", hide = true)]
    pub connection: Option<String>,
}

impl MoreGlobalOpts {
    /// Refuses what hutch cannot do yet and bad values, before any command runs.
    pub fn check(&self) -> anyhow::Result<()> {
        let remote = if self.remote {
            Some("--remote")
        } else if self.url.is_some() {
            Some("--url")
        } else if self.connection.is_some() {
            Some("--connection")
        } else {
            None
        };
        if let Some(flag) = remote {
            anyhow::bail!(
                "hutch has no remote client yet: {flag} is not supported; run hutch on the machine \
                 itself, or point a docker client at `hutch system service` (DOCKER_HOST)"
            );
        }
        if let Some(b) = &self.events_backend {
            match b.as_str() {
                "file" | "none" => {}
                "journald" => anyhow::bail!(
                    "events backend \"journald\" is not supported: hutch records events in its own \
                     log; use --events-backend file or none"
                ),
                other => anyhow::bail!("{other:?} is not a valid events backend: use file or none"),
            }
        }
        if let Some(m) = &self.cgroup_manager {
            if m != "cgroupfs" && m != "systemd" {
                anyhow::bail!("{m:?} is not a valid cgroup manager: use cgroupfs or systemd");
            }
        }
        for o in &self.storage_opt {
            if !o.contains('=') {
                anyhow::bail!("invalid storage option {o:?}: use KEY=VALUE, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs");
            }
        }
        if let Some(f) = &self.default_mounts_file {
            if let Err(e) = std::fs::metadata(f) {
                anyhow::bail!("default mounts file {}: {e}", f.display());
            }
        }
        Ok(())
    }
}
