//! `run`, `start -a` and `attach` as single engine calls: the image by pull policy, create,
//! start with the attach socket connected first (so no output is lost), the session on the
//! caller's streams, and the cleanup after it (or the removal of a failed `--rm` run).

use super::attach::{self, AttachEnd, AttachOptions};
use super::exec::{Control, ExecIo};
use super::{ContainerConfig, ContainerError, ContainerSpec, Containers, PullPolicy};
use crate::progress::ProgressSink;
use crate::pull::PullOptions;
use crate::{Engine, EngineError, Result};
use hutch_state::Container;
use std::future::Future;
use std::path::PathBuf;

/// What the caller attaches with, besides its streams.
#[derive(Debug, Clone, Default)]
pub struct AttachRequest {
    /// Send the caller's stdin to the container (when the container keeps one open).
    pub stdin: bool,
    /// podman's detach key syntax; None means the default (ctrl-p,ctrl-q).
    pub detach_keys: Option<String>,
}

/// How `create` finds its image and records the new container.
#[derive(Debug, Clone)]
pub struct CreateOptions {
    /// `--pull`.
    pub pull: PullPolicy,
    /// How to reach the registry when the policy pulls.
    pub pull_options: PullOptions,
    /// `--cidfile`: must not exist (unless `replace`); gets the new container's ID.
    pub cidfile: Option<PathBuf>,
    /// `--replace`: remove a container of the same name first (forcibly).
    pub replace: bool,
}

/// `run`'s options besides the container spec and the image.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub create: CreateOptions,
    /// `-d`: start and return the ID instead of attaching.
    pub detach: bool,
    pub attach: AttachRequest,
    /// `--preserve-fds N`: descriptors 3..3+N of this process go into the container; the
    /// caller made sure they are open.
    pub preserve_fds: u32,
}

/// How `run`, `start -a` or `attach` ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunOutcome {
    /// The container exited with this code (-1 when unknown).
    Exited(i64),
    /// The caller typed the detach keys; the container keeps running.
    Detached,
    /// `run -d`: the container with this ID is running.
    Started(String),
}

impl Engine {
    /// Creates a container from `image` (found, or pulled by `opts.pull` reporting to
    /// `progress` until `interrupted` completes) and writes `--cidfile`.
    pub fn create_container(
        &self,
        spec: &ContainerSpec,
        image: &str,
        opts: &CreateOptions,
        progress: &dyn ProgressSink,
        interrupted: impl Future<Output = ()>,
    ) -> Result<Container> {
        if let Some(f) = &opts.cidfile {
            // `--replace` takes over what a unit's previous run left behind.
            if f.exists() && !opts.replace {
                return Err(ContainerError::CidFileExists { path: f.clone() }.into());
            }
        }
        let (image, image_name) =
            self.ensure_image(image, opts.pull, &opts.pull_options, progress, interrupted)?;
        if let (true, Some(name)) = (opts.replace, &spec.name) {
            let force = crate::RemoveOptions {
                force: true,
                volumes: false,
                timeout: None,
                depend: false,
            };
            // Only a container of that very name (not one whose ID starts with it).
            if let Some(old) = self.lookup(name).ok().filter(|o| o.name == *name) {
                match self.remove(&old.id, force) {
                    Ok(_) => {}
                    Err(EngineError::Container(e))
                        if matches!(*e, ContainerError::NotFound { .. }) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        let (spec, pod, new_pod) = self.join_pod(spec)?;
        let created = self.containers().create(
            &image,
            &image_name,
            &spec,
            self.runtime_choice(),
            pod.as_ref(),
        );
        let c = match created {
            Ok(c) => c,
            Err(e) => {
                // A pod made for this container (`--pod new:`) goes with it.
                if let Some(p) = new_pod {
                    let _ = self.remove_pod(&p.id, crate::pods::PodRemoveOptions::default());
                }
                return Err(e);
            }
        };
        if let Some(f) = &opts.cidfile {
            std::fs::write(f, &c.id)
                .map_err(|e| ContainerError::io(format!("writing {}", f.display()), e))
                .map_err(EngineError::from)?;
        }
        Ok(c)
    }

    /// `run`: creates a container (see `create_container`), then starts it in the background
    /// (`opts.detach`) or attached to `io` until it exits or the caller detaches. When start
    /// or attach fails, a `--rm` container is removed again.
    pub fn run(
        &self,
        spec: &ContainerSpec,
        image: &str,
        opts: &RunOptions,
        io: &mut ExecIo<'_>,
        progress: &dyn ProgressSink,
        interrupted: impl Future<Output = ()>,
    ) -> Result<RunOutcome> {
        let c = self.create_container(spec, image, &opts.create, progress, interrupted)?;
        let outcome = if opts.detach {
            self.with_locked(&c, |ops| {
                ops.preserve_fds = opts.preserve_fds;
                ops.start(&c)
            })
            .map(|c| RunOutcome::Started(c.id))
        } else {
            self.start_attached_with(&c, &opts.attach, io, opts.preserve_fds)
        };
        if outcome.is_err() && spec.rm {
            self.discard_failed_run(&c);
        }
        outcome
    }

    /// `start -a`: starts container `name` attached to `io` and returns how the session ended.
    pub fn start_attached(
        &self,
        name: &str,
        req: &AttachRequest,
        io: &mut ExecIo<'_>,
    ) -> Result<RunOutcome> {
        let c = self.lookup(name)?;
        self.start_attached_container(&c, req, io)
    }

    pub(crate) fn start_attached_container(
        &self,
        c: &Container,
        req: &AttachRequest,
        io: &mut ExecIo<'_>,
    ) -> Result<RunOutcome> {
        self.start_attached_with(c, req, io, 0)
    }

    /// [`Self::start_attached_container`], handing descriptors 3..3+`preserve_fds` to the
    /// container.
    fn start_attached_with(
        &self,
        c: &Container,
        req: &AttachRequest,
        io: &mut ExecIo<'_>,
        preserve_fds: u32,
    ) -> Result<RunOutcome> {
        let cfg = super::config_of(c)?;
        let opts = attach_options(&cfg, req)?;
        let ops = self.containers();
        let dirs = ops.dirs(&c.id);
        // The terminal's size goes to the monitor with the connection, before the container's
        // process starts where it can (a created container): it may ask for it at once.
        let size = io.size.filter(|_| cfg.tty);
        let (c, sock) = self.with_locked(c, |ops| {
            ops.preserve_fds = preserve_fds;
            ops.start_attached(c, |dirs| {
                let sock = attach::connect(dirs)?;
                if let Some((rows, cols)) = size {
                    attach::resize(dirs, rows, cols);
                }
                Ok(sock)
            })
        })?;
        let end = attach::run(&sock, &dirs, &opts, io, forward_signals(&ops, &cfg, &c.id))?;
        // The monitor sent the code, so it finished and its exit command is on the way: leave
        // `runtime delete` to that, off this command's path.
        let (code, defer_runtime_delete) = match end {
            AttachEnd::Detached => return Ok(RunOutcome::Detached),
            AttachEnd::Exited(code) => (i64::from(code), true),
            AttachEnd::Closed => (ops.wait_exit(&c, None)?.unwrap_or(-1), false),
        };
        // Clean up now rather than waiting for the monitor's exit command (both are idempotent).
        self.with_locked(&c, |ops| {
            ops.defer_runtime_delete = defer_runtime_delete;
            ops.cleanup_locked(&c)
        })?;
        // The monitor waits for this connection to close before its exit command: when nothing
        // but `runtime delete` (and the removed container's trashed directory) is left, it does
        // that itself instead of starting hutch again.
        if defer_runtime_delete {
            if c.rm {
                let trash = super::trash::trash_dir(self.paths()).join(&c.id);
                attach::tell_cleaned(&sock, Some(&trash));
            } else if !super::restart_policy::may_restart(&c) && cfg.pod.is_none() {
                attach::tell_cleaned(&sock, None);
            }
        }
        Ok(RunOutcome::Exited(code))
    }

    /// `attach`: connects `io` to running container `name` until it exits or the caller
    /// detaches.
    pub fn attach(
        &self,
        name: &str,
        req: &AttachRequest,
        io: &mut ExecIo<'_>,
    ) -> Result<RunOutcome> {
        let c = self.lookup(name)?;
        let obs = super::observe(self.paths(), &c);
        if obs.state != super::RUNNING {
            return Err(ContainerError::AttachNotRunning {
                name: c.name.clone(),
                state: super::display_state(&obs.state).to_string(),
            }
            .into());
        }
        let sock = attach::connect(&self.containers().dirs(&c.id))?;
        self.attach_session(&c, sock, req, io)
    }

    /// The session on the monitor's attach socket `sock`, and the cleanup after it.
    fn attach_session(
        &self,
        c: &Container,
        sock: std::os::fd::OwnedFd,
        req: &AttachRequest,
        io: &mut ExecIo<'_>,
    ) -> Result<RunOutcome> {
        let cfg = super::config_of(c)?;
        let opts = attach_options(&cfg, req)?;
        let ops = self.containers();
        let dirs = ops.dirs(&c.id);
        let end = attach::run(&sock, &dirs, &opts, io, forward_signals(&ops, &cfg, &c.id))?;
        match end {
            AttachEnd::Detached => Ok(RunOutcome::Detached),
            AttachEnd::Exited(code) => {
                self.with_locked(c, |ops| ops.cleanup_locked(c))?;
                Ok(RunOutcome::Exited(i64::from(code)))
            }
            AttachEnd::Closed => Ok(RunOutcome::Exited(ops.wait_exit(c, None)?.unwrap_or(-1))),
        }
    }

    /// Docker's attach: to a running container at once; to one that is not running yet once
    /// it starts (a client that attaches before `start`, as `docker run` does). Its start then
    /// holds the output until this session connects, so nothing is missed; if the container
    /// ran and exited before the session could connect, its log of that run is replayed.
    /// `Control::Gone` from the caller while waiting ends the wait.
    pub fn attach_when_started(
        &self,
        name: &str,
        req: &AttachRequest,
        io: &mut ExecIo<'_>,
    ) -> Result<RunOutcome> {
        let c = self.lookup(name)?;
        let running = |state: &str| state == super::RUNNING || state == super::PAUSED;
        if running(&super::observe(self.paths(), &c).state) {
            return self.attach(&c.id, req, io);
        }
        let ops = self.containers();
        let waiting = ops.shared.attach_waits.wait(&c.id);
        let dirs = ops.dirs(&c.id);
        let before = c.run.started_at;
        let mut kicks = waiting.kicks();
        let mut first = true;
        loop {
            // A start in this engine kicks the wait the moment the monitor is up; one in
            // another process is seen by looking again every 50 ms.
            if !first {
                waiting.await_kick(kicks, std::time::Duration::from_millis(50));
            }
            first = false;
            kicks = waiting.kicks();
            if let Some(control) = io.control.as_mut() {
                let ready = hutch_sys::client::poll(&[control.fd()], 0)
                    .map_err(|e| EngineError::io("attach control", e))?;
                if ready[0].readable || ready[0].hangup {
                    let reqs = control.read().unwrap_or_else(|_| vec![Control::Gone]);
                    if reqs.contains(&Control::Gone) {
                        return Ok(RunOutcome::Detached);
                    }
                }
            }
            // Removed while waiting (a `--rm` container whose start failed): the session
            // ends with nothing to say, as Docker's does.
            let Some(now) = ops.reload(&c.id)? else {
                return Ok(RunOutcome::Detached);
            };
            let obs = super::observe(self.paths(), &now);
            let ran = now.run.started_at.is_some() && now.run.started_at != before;
            // Created: the monitor is up and the process waits for `runtime start`.
            let created = obs.state == super::CREATED;
            if !running(&obs.state) && !ran && !created {
                continue;
            }
            let cfg = super::config_of(&now)?;
            // The monitor takes the session: before the process runs, holding its output, or
            // (started by another process, which could not know) after what it logged
            // before the session connected, which is replayed first.
            let before_connect = chrono::Utc::now();
            if let Ok(sock) = attach::connect(&dirs) {
                let held = waiting.connected();
                if !created && !held {
                    replay_log(self, &now, cfg.tty, Some(before_connect), io)?;
                }
                return self.attach_session(&now, sock, req, io);
            }
            if running(&obs.state) {
                continue;
            }
            replay_log(self, &now, cfg.tty, None, io)?;
            return Ok(RunOutcome::Exited(obs.exit_code.unwrap_or(-1)));
        }
    }
}

/// Writes the log of `c`'s last run (up to `until`) to the session's streams.
fn replay_log(
    eng: &Engine,
    c: &Container,
    tty: bool,
    until: Option<chrono::DateTime<chrono::Utc>>,
    io: &mut ExecIo<'_>,
) -> Result<()> {
    use std::io::Write;
    let q = super::logs::LogQuery {
        since: c.run.started_at,
        until,
        ..Default::default()
    };
    let mut out = std::fs::File::from(
        io.stdout
            .try_clone_to_owned()
            .map_err(|e| EngineError::io("attach stdout", e))?,
    );
    let r = super::logs::read(
        eng.paths(),
        eng.db(),
        std::slice::from_ref(c),
        &q,
        |_, l| {
            let _ = if l.stream == "stderr" && !tty {
                io.stderr.write_all(l.text.as_bytes())
            } else {
                out.write_all(l.text.as_bytes())
            };
            std::ops::ControlFlow::Continue(())
        },
    );
    r.map_err(EngineError::from)
}

/// Sends the signals a session's caller asks to forward to container `id`.
fn forward_signals<'a>(
    ops: &Containers,
    cfg: &ContainerConfig,
    id: &'a str,
) -> impl FnMut(i32) + 'a {
    let runtime = ops.oci(cfg);
    move |sig| {
        if let Err(e) = runtime.kill(id, sig, false) {
            tracing::debug!("container {id}: forwarding signal {sig}: {e}");
        }
    }
}

/// The session's options: stdin only when both the caller and the container want it.
fn attach_options(
    cfg: &ContainerConfig,
    req: &AttachRequest,
) -> std::result::Result<AttachOptions, ContainerError> {
    Ok(AttachOptions {
        stdin: req.stdin && cfg.stdin,
        tty: cfg.tty,
        detach_keys: attach::parse_detach_keys(
            req.detach_keys
                .as_deref()
                .unwrap_or(attach::DEFAULT_DETACH_KEYS),
        )?,
    })
}

impl Engine {
    /// Resizes the terminal of running container `name` (its monitor resizes the pty).
    pub fn resize_tty(&self, name: &str, rows: u16, cols: u16) -> Result<()> {
        let c = self.lookup(name)?;
        let obs = super::observe(self.paths(), &c);
        if obs.state != super::RUNNING && obs.state != super::PAUSED {
            return Err(ContainerError::BadState {
                name: c.name.clone(),
                state: super::display_state(&obs.state).to_string(),
                reason: "only a running container's terminal can be resized".into(),
            }
            .into());
        }
        attach::resize(&self.containers().dirs(&c.id), rows, cols);
        Ok(())
    }
}
