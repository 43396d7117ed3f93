//! `start`: a created container with `runtime start`, a configured or exited one through its
//! monitor in one step; and starting for a client that attaches.

use super::config_of;
use super::init::{create_first, Launch};
use super::lifecycle::{event, observe, Containers, CREATED, PAUSED, RUNNING};
use super::ContainerError;
use super::Dirs;
use crate::Result;
use chrono::Utc;
use hutch_state::Container;

impl Containers {
    /// Starts a container: a created one with `runtime start`, a configured or exited one
    /// through its monitor in one step.
    pub fn start(&mut self, c: &Container) -> Result<Container> {
        super::restart_policy::clear_stopped_by_user(&self.dirs(&c.id));
        let c = self.ready(c)?;
        if c.run.state == CREATED {
            self.start_created(c)
        } else if create_first(&c) {
            let c = self.launch(&c, Launch::Create)?;
            if self.shared.attach_waits.waiting(&c.id) {
                // An attach session waits for this start (`docker run`): with the monitor
                // up, it connects before the process runs.
                self.shared.attach_waits.kick(&c.id);
                self.shared
                    .attach_waits
                    .await_connected(&c.id, std::time::Duration::from_secs(2));
            }
            self.start_created(c)
        } else if self.shared.attach_waits.waiting(&c.id) {
            // An attach session waits for this start: the monitor holds the output for it.
            self.shared.attach_waits.hold(&c.id);
            let c = self.launch(&c, Launch::StartHeld)?;
            self.shared.attach_waits.kick(&c.id);
            Ok(c)
        } else {
            self.launch(&c, Launch::Start)
        }
    }

    /// Starts a container for a client that attaches with `attach` (given the container's
    /// directories): before `runtime start` for a created container, right after start-up
    /// otherwise, when the monitor holds the container's output until the client is there. So
    /// the client misses nothing either way.
    pub fn start_attached<S>(
        &mut self,
        c: &Container,
        attach: impl FnOnce(&Dirs) -> Result<S>,
    ) -> Result<(Container, S)> {
        super::restart_policy::clear_stopped_by_user(&self.dirs(&c.id));
        let c = self.ready(c)?;
        let dirs = self.dirs(&c.id);
        // With a terminal the client's size must reach the pty before the process runs (it may
        // ask at once, as `stty size` does): create, connect, resize, then start.
        let tty = config_of(&c).is_ok_and(|cfg| cfg.tty);
        let c = if c.run.state != CREATED && (create_first(&c) || tty) {
            self.launch(&c, Launch::Create)?
        } else {
            c
        };
        if c.run.state == CREATED {
            let s = attach(&dirs)?;
            Ok((self.start_created(c)?, s))
        } else {
            let c = self.launch(&c, Launch::StartHeld)?;
            Ok((c, attach(&dirs)?))
        }
    }

    pub(super) fn start_created(&mut self, c: Container) -> Result<Container> {
        let cfg = config_of(&c)?;
        let runtime = self.oci(&cfg);
        if let Err(e) = runtime.start(&c.id) {
            // A hutch killed between `runtime start` and recording it left the container
            // running with a stale "created": record what is true.
            match runtime.state(&c.id) {
                Ok(Some(st)) if st.status == "running" => {}
                _ => return Err(e.into()),
            }
        }
        let mut run = c.run.clone();
        run.state = RUNNING.into();
        run.started_at = Some(Utc::now());
        run.finished_at = None;
        run.exit_code = None;
        let ev = event("container", "start", &c, serde_json::json!({}));
        self.db.set_run_state(&c.id, &run, Some(&ev))?;
        if !cfg.sdnotify.is_empty() {
            // The monitor tells systemd the container is ready only once it runs.
            notify_started(&self.dirs(&c.id));
        }
        Ok(Container { run, ..c })
    }

    /// Brings a container to "created" (monitor up, process waiting for start).
    pub fn ensure_created(&mut self, c: &Container) -> Result<Container> {
        let c = self.ready(c)?;
        if c.run.state == CREATED {
            Ok(c)
        } else {
            self.init(&c)
        }
    }

    /// The container as it is now, cleaned up if it exited unnoticed; an error if it is
    /// running or paused.
    pub(super) fn ready(&mut self, c: &Container) -> Result<Container> {
        let obs = observe(&self.paths, c);
        if obs.needs_cleanup {
            self.cleanup_locked(c)?;
        }
        let c = self
            .reload(&c.id)?
            .ok_or_else(|| ContainerError::NotFound { name: c.id.clone() })?;
        match c.run.state.as_str() {
            RUNNING | PAUSED => Err(ContainerError::BadState {
                name: c.name.clone(),
                state: c.run.state.clone(),
                reason: "it is already running".into(),
            }
            .into()),
            _ => Ok(c),
        }
    }
}

/// Tells the monitor the container was started (`4` on the ctl FIFO), for `--sdnotify`, and
/// waits (briefly) until it says systemd was told: a notify unit whose main process (this
/// `hutch`) exits before READY arrives fails.
fn notify_started(dirs: &Dirs) {
    use std::io::Write;
    let path = dirs.ctl_fifo();
    let done = dirs.run.join("notified");
    let _ = std::fs::remove_file(&done);
    let sent = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .and_then(|mut f| f.write_all(b"4\n"));
    if let Err(e) = sent {
        tracing::warn!(
            "telling the monitor the container started ({}): {e}",
            path.display()
        );
        return;
    }
    let limit = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !done.exists() && std::time::Instant::now() < limit {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}
