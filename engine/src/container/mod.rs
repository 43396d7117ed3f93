//! Containers: their configuration, the OCI config they run with, the runtime that runs them,
//! and their lifecycle (create, start, stop, kill, remove, cleanup, reconciliation after a
//! crash or reboot). Front ends reach them through `crate::Engine`, which takes the locks.

pub mod archive;
pub mod attach;
mod attach_wait;
mod cleanup;
pub mod commit;
pub mod config;
pub mod copy;
mod create;
pub mod create_spec;
pub mod error;
pub mod exec;
pub mod exec_sessions;
mod exec_tty;
mod exit_file;
#[cfg(test)]
pub(crate) mod fake_runtime;
pub mod health;
mod hosts;
mod init;
pub mod inspect;
mod keep_id;
mod kill;
pub mod layer_dir;
mod lifecycle;
pub mod list;
pub mod logs;
pub(crate) mod monitor;
pub mod mount_spec;
pub mod mounts;
pub mod names;
mod net;
mod pause;
pub mod podman_opts;
mod pull_policy;
mod reconcile;
mod remove;
mod restart;
pub mod restart_policy;
pub mod rootfs;
pub mod run;
pub mod runtime;
pub mod spec;
mod start;
pub mod stats;
mod stop;
pub mod top;
mod trash;
mod update;
mod wait;

pub use config::ContainerConfig;
pub use create_spec::ContainerSpec;
pub use error::ContainerError;
pub use exit_file::read_exit_file;
pub use lifecycle::*;
pub use monitor::{find_conmon, monitor_alive};
pub use pull_policy::PullPolicy;
pub use update::ResourceUpdate;
pub(crate) use wait::exit_code_of_removed;
pub use wait::WaitCondition;

use crate::Paths;
use hutch_state::{Container, Db};
use std::path::PathBuf;

/// The state name podman shows (`configured` is "created" to users).
pub fn display_state(s: &str) -> &str {
    if s == CONFIGURED {
        "created"
    } else {
        s
    }
}

/// Where a container's files live.
#[derive(Debug, Clone)]
pub struct Dirs {
    /// `graphroot/containers/<id>`: upper, work, merged, userdata.
    pub graph: PathBuf,
    pub userdata: PathBuf,
    pub upper: PathBuf,
    pub work: PathBuf,
    pub merged: PathBuf,
    /// `runroot/containers/<id>`: attach socket, ctl FIFO, pidfile, exit file (tmpfs).
    pub run: PathBuf,
}

impl Dirs {
    pub fn new(paths: &Paths, id: &str) -> Dirs {
        let graph = paths.graphroot.join("containers").join(id);
        Dirs {
            userdata: graph.join("userdata"),
            upper: graph.join("upper"),
            work: graph.join("work"),
            merged: graph.join("merged"),
            run: paths.runroot.join("containers").join(id),
            graph,
        }
    }

    pub fn log_path(&self) -> PathBuf {
        self.userdata.join("ctr.log")
    }

    pub fn exit_file(&self) -> PathBuf {
        self.run.join("exit")
    }

    pub fn attach_socket(&self) -> PathBuf {
        self.run.join("attach")
    }

    pub fn ctl_fifo(&self) -> PathBuf {
        self.run.join("ctl")
    }

    /// `--sdnotify=container`: where the monitor binds the container's notify socket.
    pub fn notify_dir(&self) -> PathBuf {
        self.run.join("notify")
    }
}

pub(crate) fn is_hex(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Finds a container by full ID, exact name, or unique ID prefix, as podman does.
pub fn lookup(db: &Db, name: &str) -> Result<Container, ContainerError> {
    if name.len() == 64 && is_hex(name) {
        if let Some(c) = db.container(name)? {
            return Ok(c);
        }
    }
    if let Some(c) = db.container_by_name(name)? {
        return Ok(c);
    }
    if is_hex(name) {
        let mut m = db.containers_by_id_prefix(name)?;
        match m.len() {
            0 => {}
            1 => return Ok(m.remove(0)),
            _ => {
                return Err(ContainerError::Ambiguous {
                    name: name.to_string(),
                    matches: m.into_iter().map(|c| c.id).collect(),
                })
            }
        }
    }
    Err(ContainerError::NotFound {
        name: name.to_string(),
    })
}

/// Serialises every change to one container between hutch processes (and the monitor's
/// cleanup). Held for the length of one operation; released on drop or process death.
pub fn lock(paths: &Paths, id: &str) -> Result<hutch_sys::lock::FileLock, crate::EngineError> {
    let dir = paths.runroot.join("locks");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        return Err(crate::EngineError::io(&dir, e));
    }
    Ok(hutch_sys::lock::FileLock::exclusive(
        &dir.join(format!("{id}.lock")),
    )?)
}

/// The stored configuration of a container.
pub fn config_of(c: &Container) -> Result<ContainerConfig, ContainerError> {
    serde_json::from_str(&c.spec).map_err(|e| ContainerError::BadState {
        name: c.name.clone(),
        state: "damaged".into(),
        reason: format!("its stored configuration is not readable: {e}"),
    })
}

pub(crate) use hutch_sys::procfs::is_mount_point;

/// Fixtures for unit tests: paths under a temporary directory and a stored container.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;
    use std::path::Path;

    pub fn paths(dir: &Path) -> Paths {
        Paths::resolve(&crate::paths::Options {
            root: Some(dir.join("root")),
            runroot: Some(dir.join("run")),
            ..Default::default()
        })
    }

    /// A container named `name` (its ID is the name padded with zeros) with config `cfg`.
    pub fn container(name: &str, cfg: &ContainerConfig) -> Container {
        Container {
            id: format!("{name:0>64}"),
            name: name.into(),
            image_id: String::new(),
            image_name: String::new(),
            created: chrono::Utc::now(),
            run: Default::default(),
            spec: serde_json::to_string(cfg).expect("a config serialises"),
            restart_policy: String::new(),
            labels: String::new(),
            rm: false,
        }
    }
}
