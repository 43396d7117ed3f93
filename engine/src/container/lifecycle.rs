//! What every container verb shares: `Containers` (one operation's view of the engine), the
//! state names, `observe` (a container's stored state checked against its monitor and exit
//! file), events, and small file helpers. Each verb lives in its own file next to this one
//! (`create.rs`, `init.rs`, `start.rs`, `stop.rs`, `kill.rs`, `pause.rs`, `restart.rs`,
//! `cleanup.rs`, `remove.rs`, `reconcile.rs`, `wait.rs`); callers hold the container's lock
//! (`Engine` takes it) around every operation that changes a container.

use super::config::ContainerConfig;
use super::exit_file::read_exit_file;
use super::monitor::monitor_alive;
use super::runtime::CliRuntime;
use super::runtime::OciRuntime;
use super::Dirs;
use crate::EngineError;
use crate::Paths;
use crate::Result;
use chrono::DateTime;
use chrono::Utc;
use hutch_network::NetEnv;
use hutch_state::Container;
use hutch_state::Db;
use hutch_state::NewEvent;
use std::collections::HashSet;
use std::ffi::OsString;
use std::path::Path;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use std::time::Instant;

pub const CONFIGURED: &str = "configured";
pub const CREATED: &str = "created";
pub const RUNNING: &str = "running";
pub const PAUSED: &str = "paused";
pub const STOPPED: &str = "stopped";
pub const EXITED: &str = "exited";

/// One operation's view of containers: paths, database and how to call hutch back for cleanup.
/// `Engine` makes one per verb (cheap: the database handle and the network configuration are
/// shared with the engine); the verb's caller holds the container's lock.
pub struct Containers {
    pub paths: Paths,
    pub db: Db,
    /// hutch and its global options, for the monitor's exit command (`container cleanup ID`).
    pub exit_command: Vec<OsString>,
    /// Leave `runtime delete` of exited containers, and deleting the directory of a removed one
    /// (see `trash`), to their monitor's exit command (set by a client that saw the monitor
    /// finish, so that exit command is on its way).
    pub defer_runtime_delete: bool,
    /// `run --preserve-fds N`: this process's descriptors 3..3+N go to the container the
    /// next monitor starts (through the monitor and the runtime's `--preserve-fds`).
    pub preserve_fds: u32,
    pub(super) shared: Arc<Shared>,
}

/// What every operation of one engine shares.
#[derive(Default)]
pub(crate) struct Shared {
    /// Where network state lives and containers.conf's network settings, read once.
    pub(super) env: OnceLock<NetEnv>,
    /// Containers whose network this process tore down and has not set up since: a second
    /// teardown (cleanup, then removal) would otherwise search every process for a helper.
    down: Mutex<HashSet<String>>,
    /// Exec instances created through the API, until a while after they end.
    pub(super) execs: super::exec_sessions::ExecSessions,
    /// Attach sessions waiting for their containers to start.
    pub(super) attach_waits: super::attach_wait::AttachWaits,
    /// The runtime the lifecycle drives instead of the container's own (unit tests).
    #[cfg(test)]
    pub(crate) fake_runtime: OnceLock<super::fake_runtime::FakeRuntime>,
}

impl Shared {
    pub(super) fn down(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
        self.down.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A container's state as it really is: the stored state, corrected by the monitor's exit file
/// and whether the monitor still lives.
#[derive(Debug, Clone, PartialEq)]
pub struct Observed {
    pub state: String,
    pub exit_code: Option<i64>,
    pub finished_at: Option<DateTime<Utc>>,
    /// The stored state is stale: `cleanup` must run.
    pub needs_cleanup: bool,
    /// A running container's health status (starting, healthy, unhealthy) when it has a check.
    pub health: Option<String>,
}

pub(crate) fn is_active(state: &str) -> bool {
    matches!(state, CREATED | RUNNING | PAUSED)
}

/// Compares the stored state with the exit file and the monitor, without changing anything
/// (cheap: one or two small file reads per active container).
pub fn observe(paths: &Paths, c: &Container) -> Observed {
    let stored = Observed {
        state: c.run.state.clone(),
        exit_code: c.run.exit_code,
        finished_at: c.run.finished_at,
        needs_cleanup: false,
        health: None,
    };
    if !is_active(&c.run.state) {
        return stored;
    }
    let dirs = Dirs::new(paths, &c.id);
    if let Some((code, when)) = read_exit_file(&dirs) {
        return Observed {
            state: EXITED.into(),
            exit_code: Some(code),
            finished_at: Some(when),
            needs_cleanup: true,
            health: None,
        };
    }
    if !monitor_alive(c) {
        return Observed {
            state: EXITED.into(),
            exit_code: c.run.exit_code.or(Some(-1)),
            finished_at: c.run.finished_at.or(Some(Utc::now())),
            needs_cleanup: true,
            health: None,
        };
    }
    Observed {
        health: (stored.state == RUNNING)
            .then(|| super::health::read(&dirs).map(|h| h.status))
            .flatten(),
        ..stored
    }
}

pub(crate) fn event(kind: &str, action: &str, c: &Container, attrs: serde_json::Value) -> NewEvent {
    // The container's labels first, as Docker and podman put them in the attributes (so
    // `events --filter label=...` finds them); image, name and the event's own win.
    let mut a: serde_json::Value =
        serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&c.labels)
            .map(serde_json::Value::Object)
            .unwrap_or_else(|_| serde_json::json!({}));
    if let Some(m) = a.as_object_mut() {
        m.insert("image".into(), c.image_name.clone().into());
        m.insert("name".into(), c.name.clone().into());
        if let Some(extra) = attrs.as_object() {
            for (k, v) in extra {
                m.insert(k.clone(), v.clone());
            }
        }
    }
    NewEvent {
        kind: kind.into(),
        action: action.into(),
        id: c.id.clone(),
        name: c.name.clone(),
        attributes: a.to_string(),
    }
}

pub(super) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> EngineError + '_ {
    move |e| EngineError::io(path, e)
}

pub(super) fn remove_dir_if_exists(path: &Path) -> Result<()> {
    match std::fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(EngineError::io(path, e)),
    }
}

pub(super) fn write_file(path: &Path, contents: &str) -> Result<()> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, contents).map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(io(path))
}

/// Polls `done` with a short, growing sleep until it is true or `timeout` passes.
pub(super) fn poll_until(timeout: Duration, mut done: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    let mut step = Duration::from_millis(2);
    loop {
        if done() {
            return true;
        }
        if start.elapsed() >= timeout {
            return false;
        }
        std::thread::sleep(step);
        step = (step * 2).min(Duration::from_millis(50));
    }
}

impl Containers {
    pub fn new(paths: Paths, db: Db, exit_command: Vec<OsString>) -> Containers {
        Containers::with_shared(paths, db, exit_command, Arc::default())
    }

    pub(crate) fn with_shared(
        paths: Paths,
        db: Db,
        exit_command: Vec<OsString>,
        shared: Arc<Shared>,
    ) -> Containers {
        Containers {
            paths,
            db,
            exit_command,
            defer_runtime_delete: false,
            preserve_fds: 0,
            shared,
        }
    }

    pub fn dirs(&self, id: &str) -> Dirs {
        Dirs::new(&self.paths, id)
    }

    pub fn runtime(&self, cfg: &ContainerConfig) -> CliRuntime {
        CliRuntime::new(PathBuf::from(&cfg.runtime), &self.paths)
    }

    /// The runtime the lifecycle verbs drive: the container's own, or in unit tests the
    /// recording fake the test installed.
    pub(crate) fn oci(&self, cfg: &ContainerConfig) -> Box<dyn OciRuntime + Send + Sync> {
        #[cfg(test)]
        if let Some(fake) = self.shared.fake_runtime.get() {
            return Box::new(fake.clone());
        }
        Box::new(self.runtime(cfg))
    }

    /// The container's current row (another process may have changed it).
    pub fn reload(&self, id: &str) -> Result<Option<Container>> {
        Ok(self.db.container(id)?)
    }
}

pub(super) fn crate_error_line(e: &EngineError) -> String {
    let mut s = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(x) = src {
        let t = x.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        src = x.source();
    }
    s
}
