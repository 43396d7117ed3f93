//! Exec instances as Docker's API has them: created with a spec, started once, resized and
//! inspected while and after they run. They live in the engine's memory (a service's) and are
//! forgotten a while after they end.

use super::exec::{self, ExecEnd, ExecError, ExecIo, ExecSpec};
use super::ContainerError;
use crate::Result;
use std::collections::HashMap;
use std::os::fd::{AsFd, OwnedFd};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How long an ended exec instance stays inspectable.
const KEEP: Duration = Duration::from_secs(10 * 60);

/// An exec instance as `inspect` shows it.
#[derive(Debug, Clone)]
pub struct ExecInfo {
    pub id: String,
    pub container_id: String,
    pub spec: ExecSpec,
    /// Which of the process's output streams the creator wants to receive.
    pub attach_stdout: bool,
    pub attach_stderr: bool,
    pub running: bool,
    /// `start` was called (an instance starts once).
    pub started: bool,
    pub exit_code: Option<i32>,
    /// The process's pid on the host; 0 before it starts.
    pub pid: i32,
}

struct Entry {
    info: ExecInfo,
    /// A duplicate of a running process's terminal master, for resizes.
    pty: Option<OwnedFd>,
    /// The terminal size asked for before the terminal existed.
    size: Option<(u16, u16)>,
    ended: Option<Instant>,
}

#[derive(Default)]
pub struct ExecSessions {
    map: Mutex<HashMap<String, Entry>>,
}

impl ExecSessions {
    fn lock(&self) -> MutexGuard<'_, HashMap<String, Entry>> {
        let mut m = self.map.lock().unwrap_or_else(|p| p.into_inner());
        m.retain(|_, e| e.ended.is_none_or(|t| t.elapsed() < KEEP));
        m
    }
}

fn not_found(id: &str) -> ContainerError {
    ContainerError::ExecNotFound { id: id.to_string() }
}

/// Whether a detached process (no longer ours to wait for) still runs.
fn alive(pid: i32) -> bool {
    pid > 0 && std::path::Path::new(&format!("/proc/{pid}")).exists()
}

impl crate::Engine {
    fn execs(&self) -> std::sync::Arc<super::lifecycle::Shared> {
        self.containers().shared
    }

    /// Records an exec instance of `spec` in running container `name` and returns its ID.
    pub fn exec_create(
        &self,
        name: &str,
        spec: ExecSpec,
        attach_stdout: bool,
        attach_stderr: bool,
    ) -> Result<String> {
        if spec.cmd.is_empty() {
            return Err(ContainerError::InvalidFlag {
                flag: "Cmd",
                value: String::new(),
                reason: "an exec needs a command".into(),
            }
            .into());
        }
        if let Some(k) = &spec.detach_keys {
            super::attach::parse_detach_keys(k)?;
        }
        let c = self.lookup(name)?;
        let obs = super::observe(self.paths(), &c);
        if obs.state != super::RUNNING {
            return Err(ContainerError::BadState {
                name: c.name.clone(),
                state: super::display_state(&obs.state).to_string(),
                reason: "can only exec into running containers".into(),
            }
            .into());
        }
        let id = super::names::random_id();
        let info = ExecInfo {
            id: id.clone(),
            container_id: c.id,
            spec,
            attach_stdout,
            attach_stderr,
            running: false,
            started: false,
            exit_code: None,
            pid: 0,
        };
        let shared = self.execs();
        shared.execs.lock().insert(
            id.clone(),
            Entry {
                info,
                pty: None,
                size: None,
                ended: None,
            },
        );
        Ok(id)
    }

    /// The exec instance `id` (a unique prefix will do).
    pub fn exec_inspect(&self, id: &str) -> Result<ExecInfo> {
        let shared = self.execs();
        let mut map = shared.execs.lock();
        let key = find(&map, id)?.info.id.clone();
        let e = map.get_mut(&key).ok_or_else(|| not_found(id))?;
        // Started detached (or detached from): it ran on without us, its code unknown.
        if e.info.running && e.info.pid > 0 && e.pty.is_none() && !alive(e.info.pid) {
            e.info.running = false;
            e.ended = Some(Instant::now());
        }
        Ok(e.info.clone())
    }

    /// Resizes the terminal of exec instance `id` (remembered until it has one).
    pub fn exec_resize(&self, id: &str, rows: u16, cols: u16) -> Result<()> {
        let shared = self.execs();
        let mut map = shared.execs.lock();
        let key = find(&map, id)?.info.id.clone();
        let e = map.get_mut(&key).ok_or_else(|| not_found(id))?;
        match &e.pty {
            Some(pty) => hutch_sys::pty::set_winsize(pty.as_fd(), rows, cols)
                .map_err(|err| ContainerError::io(format!("exec {key} terminal"), err))?,
            None => e.size = Some((rows, cols)),
        }
        Ok(())
    }

    /// Starts exec instance `id` with the caller's streams (`detach`: in the background) and
    /// records how it ended.
    pub fn exec_start(
        &self,
        id: &str,
        detach: bool,
        mut io: ExecIo<'_>,
    ) -> std::result::Result<ExecEnd, ExecError> {
        let shared = self.execs();
        let (key, mut spec, container_id, size) = {
            let mut map = shared.execs.lock();
            let key = find(&map, id)?.info.id.clone();
            let e = map.get_mut(&key).ok_or_else(|| not_found(id))?;
            if e.info.started {
                return Err(ContainerError::ExecStarted { id: key }.into());
            }
            e.info.started = true;
            e.info.running = true;
            (
                key,
                e.info.spec.clone(),
                e.info.container_id.clone(),
                e.size,
            )
        };
        spec.detach = spec.detach || detach;
        if io.size.is_none() {
            io.size = size;
        }
        let result = self.lookup(&container_id).map_err(|e| match e {
            crate::EngineError::Container(c) => ExecError::Container(*c),
            other => ExecError::Container(ContainerError::io("exec", std::io::Error::other(other))),
        });
        let result = result.and_then(|c| {
            exec::exec_observed(self.paths(), &c, &spec, io, &mut |pid, pty| {
                let mut map = shared.execs.lock();
                if let Some(e) = map.get_mut(&key) {
                    e.info.pid = pid;
                    e.pty = pty.and_then(|p| p.try_clone_to_owned().ok());
                    if let (Some(pty), Some((r, c))) = (&e.pty, e.size) {
                        let _ = hutch_sys::pty::set_winsize(pty.as_fd(), r, c);
                    }
                }
            })
        });
        let mut map = shared.execs.lock();
        if let Some(e) = map.get_mut(&key) {
            e.pty = None;
            match &result {
                Ok(ExecEnd::Exited(code)) => {
                    e.info.exit_code = Some(*code);
                    e.info.running = false;
                    e.ended = Some(Instant::now());
                }
                // Runs on without us: `inspect` looks at its pid.
                Ok(ExecEnd::Started | ExecEnd::Detached) => {}
                Err(err) => {
                    e.info.exit_code = Some(err.exit_code());
                    e.info.running = false;
                    e.ended = Some(Instant::now());
                }
            }
        }
        result
    }
}

fn find<'m>(map: &'m HashMap<String, Entry>, id: &str) -> Result<&'m Entry, ContainerError> {
    if let Some(e) = map.get(id) {
        return Ok(e);
    }
    let mut hits = map
        .iter()
        .filter(|(k, _)| !id.is_empty() && k.starts_with(id));
    match (hits.next(), hits.next()) {
        (Some((_, e)), None) => Ok(e),
        _ => Err(not_found(id)),
    }
}
