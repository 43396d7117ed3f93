//! The engine handle every front end holds: paths, options, the database and how monitors call
//! hutch back. Cheap to clone and `Send + Sync`, so an async server shares one between its
//! threads. Each container verb on it finds the container, takes its lock, reloads it and acts.

use crate::container::{self, ContainerError, Containers, Shared};
use crate::userns::{Joined, UsernsInfo};
use crate::{Options, Paths, Result};
use hutch_state::{Container, Db, NewEvent};
use std::ffi::OsString;
use std::sync::{Arc, OnceLock};

/// How the engine is opened: the resolved paths and the global options.
#[derive(Debug, Clone)]
pub struct EngineConfig {
    pub paths: Paths,
    pub opts: Options,
    /// `--runtime`: the OCI runtime for new containers (and cleanup of removed ones).
    pub runtime: Option<String>,
    /// hutch and the global options it needs, run by a container's monitor when the container
    /// exits (`container cleanup ID` is appended). See `exit_command_of_current_exe`.
    pub exit_command: Vec<OsString>,
}

impl EngineConfig {
    /// A configuration whose monitors call this very executable back with these paths.
    pub fn new(paths: Paths, opts: Options, runtime: Option<String>) -> EngineConfig {
        let exit_command = exit_command_of_current_exe(&paths);
        EngineConfig {
            paths,
            opts,
            runtime,
            exit_command,
        }
    }
}

/// The running hutch with the global options that find this storage again.
pub fn exit_command_of_current_exe(paths: &Paths) -> Vec<OsString> {
    let exe = std::env::current_exe()
        .map(|p| p.into_os_string())
        .unwrap_or_else(|_| "hutch".into());
    let mut v = vec![exe];
    v.push("--root".into());
    v.push(paths.graphroot.clone().into_os_string());
    v.push("--runroot".into());
    v.push(paths.runroot.clone().into_os_string());
    if let Some(d) = &paths.storage_driver {
        v.push("--storage-driver".into());
        v.push(d.into());
    }
    let s = &paths.settings;
    if s.volume_path_given {
        v.push("--volumepath".into());
        v.push(s.volume_path.clone().into_os_string());
    }
    v.push("--events-backend".into());
    v.push(s.events_logger.clone().into());
    for f in &s.runtime_flags {
        v.push(format!("--runtime-flag={f}").into());
    }
    for o in &s.storage_opts {
        v.push(format!("--storage-opt={o}").into());
    }
    v
}

/// The engine handle. See the module documentation.
#[derive(Clone)]
pub struct Engine {
    inner: Arc<Inner>,
}

struct Inner {
    cfg: EngineConfig,
    db: Db,
    shared: Arc<Shared>,
    /// The user namespace's mappings (a pull needs them): from the `Joined` token, or from
    /// joining on first need for an engine opened without.
    userns: OnceLock<UsernsInfo>,
}

/// What `remove` does besides removing the container.
#[derive(Debug, Clone, Copy, Default)]
pub struct RemoveOptions {
    /// Stop (or kill) a running container first.
    pub force: bool,
    /// Also remove its anonymous volumes that no other container uses (`rm -v`).
    pub volumes: bool,
    /// Seconds to wait after the stop signal before SIGKILL; else the container's own.
    pub timeout: Option<u32>,
    /// Remove the containers that depend on it (`--network container:`) first (`--depend`).
    /// Without it (or `force`) such a container is refused.
    pub depend: bool,
}

impl Engine {
    /// Opens the engine inside the user namespace (`joined` proves it is joined) and cleans up
    /// containers whose monitor or runtime state is gone.
    pub fn open(cfg: EngineConfig, joined: &Joined) -> Result<Engine> {
        let eng = Engine::open_unjoined(cfg)?;
        let _ = eng.inner.userns.set(joined.info().clone());
        eng.reconcile()?;
        Ok(eng)
    }

    /// Opens the engine inside the user namespace without reconciling: for the monitor's exit
    /// command (`container cleanup`), which must record its own container's exit itself (a
    /// reconcile first would, and the restart policy would never see the exit).
    pub fn open_for_cleanup(cfg: EngineConfig, joined: &Joined) -> Result<Engine> {
        let eng = Engine::open_unjoined(cfg)?;
        let _ = eng.inner.userns.set(joined.info().clone());
        Ok(eng)
    }

    /// Opens the engine without joining the user namespace and without reconciling: only for
    /// verbs that record and read rows (`create` of a local image). Whatever needs the
    /// namespace later (a pull) joins it then, which fails if this process has threads by then.
    pub fn open_unjoined(cfg: EngineConfig) -> Result<Engine> {
        hutch_state::set_events_recorded(cfg.paths.settings.events_recorded());
        hutch_state::set_events_logfile(
            cfg.paths
                .settings
                .events_logfile_path
                .clone()
                .filter(|_| cfg.paths.settings.events_recorded()),
        );
        let db = crate::images::open_db(&cfg.paths)?;
        Ok(Engine {
            inner: Arc::new(Inner {
                cfg,
                db,
                shared: Arc::default(),
                userns: OnceLock::new(),
            }),
        })
    }

    pub fn paths(&self) -> &Paths {
        &self.inner.cfg.paths
    }

    pub fn db(&self) -> &Db {
        &self.inner.db
    }

    /// The user namespace's mappings, joining it now if this engine was opened without (which
    /// fails if the process has threads by then).
    pub fn userns(&self) -> Result<&UsernsInfo> {
        if let Some(info) = self.inner.userns.get() {
            return Ok(info);
        }
        let info = crate::userns::enter(self.paths())?;
        Ok(self.inner.userns.get_or_init(|| info))
    }

    /// The `--runtime` this engine was opened with.
    pub fn runtime_choice(&self) -> Option<&str> {
        self.inner.cfg.runtime.as_deref()
    }

    /// A view for one operation on containers; its caller takes the locks it needs.
    pub fn containers(&self) -> Containers {
        Containers::with_shared(
            self.inner.cfg.paths.clone(),
            self.inner.db.clone(),
            self.inner.cfg.exit_command.clone(),
            self.inner.shared.clone(),
        )
    }

    /// Finds a container by full ID, exact name, or unique ID prefix.
    pub fn lookup(&self, name: &str) -> Result<Container> {
        Ok(container::lookup(self.db(), name)?)
    }

    /// Runs `f` on the container `name` under its lock, with the row as it is once the lock
    /// is held (the looked-up row when another process removed it meanwhile).
    pub fn with_container<T>(
        &self,
        name: &str,
        f: impl FnOnce(&mut Containers, Container) -> Result<T>,
    ) -> Result<T> {
        let c = self.lookup(name)?;
        self.with_locked(&c, |ops| {
            let now = ops.reload(&c.id)?.unwrap_or_else(|| c.clone());
            f(ops, now)
        })
    }

    /// Runs `f` while holding the lock of container `c`.
    pub fn with_locked<T>(
        &self,
        c: &Container,
        f: impl FnOnce(&mut Containers) -> Result<T>,
    ) -> Result<T> {
        let _lock = container::lock(self.paths(), &c.id)?;
        f(&mut self.containers())
    }

    /// Cleans up every container whose stored state is stale (see `Containers::reconcile`).
    pub fn reconcile(&self) -> Result<()> {
        self.containers().reconcile()
    }

    /// Starts a container; one already running is left as it is (podman's behaviour).
    /// A `--rm` container that fails to start is removed, as Docker's daemon does (its
    /// clients wait for that removal).
    pub fn start(&self, name: &str) -> Result<Container> {
        let mut failed_rm = None;
        let r = self.with_container(name, |ops, c| {
            if c.run.state == container::RUNNING {
                return Ok(c);
            }
            let r = ops.start(&c);
            if r.is_err() && c.rm {
                failed_rm = Some(c);
            }
            r
        });
        if let Some(c) = failed_rm {
            self.discard_failed_run(&c);
        }
        r
    }

    /// Sends the stop signal, waits `timeout` seconds (else the container's stop timeout),
    /// then SIGKILL; then cleans up.
    pub fn stop(&self, name: &str, timeout: Option<u32>) -> Result<()> {
        self.with_container(name, |ops, c| ops.stop(&c, timeout))
    }

    /// `stop` with `signal` instead of the container's stop signal.
    pub fn stop_with_signal(&self, name: &str, timeout: Option<u32>, signal: i32) -> Result<()> {
        self.with_container(name, |ops, c| ops.stop_with(&c, timeout, Some(signal)))
    }

    /// Sends `signal` to a running container. After SIGKILL it waits (a few seconds at most)
    /// until the container is no longer running, as Docker's daemon does, so that what comes
    /// next sees it exited.
    pub fn kill(&self, name: &str, signal: i32) -> Result<()> {
        let c = self.with_container(name, |ops, c| ops.kill(&c, signal).map(|()| c))?;
        if signal == 9 {
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
            self.wait_condition(&c, container::WaitCondition::NotRunning, &|| {
                std::time::Instant::now() > deadline
            })?;
        }
        Ok(())
    }

    /// Stops (if running) and starts again.
    pub fn restart(&self, name: &str, timeout: Option<u32>) -> Result<Container> {
        self.with_container(name, |ops, c| ops.restart(&c, timeout))
    }

    /// Pauses or unpauses a container: the cgroup freezer, or SIGSTOP/SIGCONT where there is
    /// none (rootless cgroup v1).
    pub fn pause(&self, name: &str, pause: bool) -> Result<Container> {
        self.with_container(name, |ops, c| ops.pause(&c, pause))
    }

    /// Removes a container and returns its ID; one removed meanwhile by another process counts
    /// as removed.
    pub fn remove(&self, name: &str, opts: RemoveOptions) -> Result<String> {
        self.remove_container(name, opts, false)
    }

    /// `remove`; the infra container of a pod only with `infra` (the pod's own removal).
    pub(crate) fn remove_container(
        &self,
        name: &str,
        opts: RemoveOptions,
        infra: bool,
    ) -> Result<String> {
        let c = self.lookup(name)?;
        if !infra {
            if let Some(pod) = crate::pods::pod_of_infra(self.db(), &c)? {
                return Err(crate::pods::PodError::InfraRemoval {
                    id: c.id.clone(),
                    pod,
                }
                .into());
            }
        }
        // Only looked for when they would change the answer (not for a plain `rm -f`).
        let deps = if opts.depend || !opts.force {
            self.dependents(&c.id)?
        } else {
            Vec::new()
        };
        if opts.depend {
            for d in &deps {
                match self.remove(&d.id, opts) {
                    Ok(_) => {}
                    Err(crate::EngineError::Container(e))
                        if matches!(*e, ContainerError::NotFound { .. }) => {}
                    Err(e) => return Err(e),
                }
            }
        } else if !deps.is_empty() && !opts.force {
            return Err(ContainerError::HasDependents {
                name: c.name.clone(),
                dependents: deps.into_iter().map(|d| d.name).collect(),
            }
            .into());
        }
        self.with_locked(&c, |ops| {
            let Some(c) = ops.reload(&c.id)? else {
                return Ok(c.id.clone());
            };
            let cfg = container::config_of(&c).ok();
            ops.remove(&c, opts.force, opts.timeout)?;
            // A `--rm` container's removal took its anonymous volumes already.
            if opts.volumes && !c.rm {
                if let Some(cfg) = &cfg {
                    ops.remove_anonymous_volumes(cfg);
                }
            }
            Ok(c.id)
        })
    }

    /// The containers that use container `id`'s network or IPC namespace (`--network
    /// container:ID`, `--ipc container:ID`).
    fn dependents(&self, id: &str) -> Result<Vec<Container>> {
        Ok(self
            .db()
            .containers()?
            .into_iter()
            // Only a stored config that names the ID is worth parsing.
            .filter(|o| o.id != id && o.spec.contains(id))
            .filter(|o| {
                container::config_of(o).is_ok_and(|cfg| {
                    matches!(&cfg.network, hutch_network::NetworkMode::Container { id: d } if d == id)
                        || cfg.ipc.strip_prefix("container:") == Some(id)
                })
            })
            .collect())
    }

    /// After a `run --rm` whose start or attach failed: a container that never ran is not
    /// worth keeping. Killed (no stop timeout) if it got as far as running; failures are only
    /// logged, the run's own error is the one to report.
    pub fn discard_failed_run(&self, c: &Container) {
        let opts = RemoveOptions {
            force: true,
            volumes: false,
            timeout: Some(0),
            depend: false,
        };
        if let Err(e) = self.remove(&c.id, opts) {
            tracing::debug!("container {}: removing after a failed run: {e}", c.id);
        }
    }

    /// Renames a container, recording the event with the change.
    pub fn rename(&self, name: &str, new_name: &str) -> Result<()> {
        if !container::names::valid_name(new_name) {
            return Err(ContainerError::InvalidFlag {
                flag: "container name",
                value: new_name.to_string(),
                reason: "names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*".into(),
            }
            .into());
        }
        self.with_container(name, |ops, c| {
            let ev = NewEvent {
                kind: "container".into(),
                action: "rename".into(),
                id: c.id.clone(),
                name: new_name.to_string(),
                attributes: serde_json::json!({"oldName": c.name}).to_string(),
            };
            ops.db.rename_container(&c.id, new_name, Some(&ev))?;
            Ok(())
        })
    }

    /// What a monitor's exit command does once the container exited: record the exit, tear
    /// down what it used and, with `rm` (or its own `--rm`), remove it. For a container
    /// already removed, deletes what only the exit command could (its runtime state).
    pub fn cleanup(&self, name: &str, rm: bool) -> Result<()> {
        let c = match container::lookup(self.db(), name) {
            Ok(c) => c,
            // Already removed (run --rm cleaned up first, leaving the runtime's state to us).
            Err(ContainerError::NotFound { .. }) => {
                return self
                    .containers()
                    .delete_orphan_runtime_state(name, self.runtime_choice());
            }
            Err(e) => return Err(e.into()),
        };
        let restart = self.with_locked(&c, |ops| {
            ops.cleanup_locked(&c)?;
            if rm {
                if let Some(c) = ops.reload(&c.id)? {
                    ops.remove(&c, false, None)?;
                }
                return Ok(None);
            }
            // Whoever recorded the exit (this call, a reconcile, the CLI that started it), the
            // restart policy acts on each run once, here.
            match ops.reload(&c.id)? {
                Some(now) => Ok(ops.policy_restart_delay(&now)),
                None => Ok(None),
            }
        })?;
        if let Some(delay) = restart {
            std::thread::sleep(delay);
            self.restart_by_policy(&c.id)?;
        } else if let Err(e) = self.apply_exit_policy(&c) {
            tracing::warn!("container {}: the pod's exit policy: {e}", c.id);
        }
        Ok(())
    }

    /// Removes every container that is not running (`container prune`), telling `removed`
    /// each one's ID as it goes.
    pub fn prune_containers(&self, mut removed: impl FnMut(&str)) -> Result<()> {
        self.prune_containers_matching(&crate::filters::Filters::default(), |id, _| removed(id))
    }

    /// Removes every container that is not running and matches `filters` (see
    /// `filters::container_prune`), telling `removed` each one's ID and the bytes its writable
    /// layer held as it goes.
    pub fn prune_containers_matching(
        &self,
        filters: &crate::filters::Filters,
        mut removed: impl FnMut(&str, u64),
    ) -> Result<()> {
        for c in self.db().containers()? {
            let state = container::observe(self.paths(), &c).state;
            if !matches!(
                state.as_str(),
                container::EXITED | container::STOPPED | container::CONFIGURED
            ) || !crate::filters::container_prune_matches(filters, &c)
                // A pod's infra container goes with its pod only.
                || crate::pods::pod_of_infra(self.db(), &c)?.is_some()
            {
                continue;
            }
            self.with_locked(&c, |ops| {
                if let Some(c) = ops.reload(&c.id)? {
                    let size = crate::volumes::dir_size(&ops.dirs(&c.id).upper);
                    ops.remove(&c, false, None)?;
                    removed(&c.id, size);
                }
                Ok(())
            })?;
        }
        Ok(())
    }

    /// Replaces a container's restart policy (`update --restart`); the monitor's exit command
    /// applies it from the container's next exit on. Refused for a `--rm` container.
    pub fn set_restart_policy(
        &self,
        name: &str,
        policy: Option<container::create_spec::RestartPolicy>,
    ) -> Result<()> {
        let stored = policy.map(|p| p.to_string()).unwrap_or_default();
        self.with_container(name, |ops, c| {
            if c.rm && policy.is_some_and(|p| p != container::create_spec::RestartPolicy::No) {
                return Err(ContainerError::InvalidFlag {
                    flag: "--restart",
                    value: stored.clone(),
                    reason:
                        "conflicts with --rm: a container removed when it exits cannot be restarted"
                            .into(),
                }
                .into());
            }
            Ok(ops.db.set_restart_policy(&c.id, &stored)?)
        })
    }

    /// Removes (stopping them first) every container created from image `image_id` (`rmi -f`).
    pub fn remove_containers_of_image(&self, image_id: &str) -> Result<()> {
        for c in self.db().containers()? {
            if c.image_id != image_id {
                continue;
            }
            self.with_locked(&c, |ops| match ops.reload(&c.id)? {
                Some(c) => ops.remove(&c, true, None),
                None => Ok(()),
            })?;
        }
        Ok(())
    }

    /// Waits until container `name` reaches one of `conditions` (states, or `stopped` /
    /// `exited` for its exit) and returns its exit code (-1 when unknown). Takes no lock.
    pub fn wait(&self, name: &str, conditions: &[String]) -> Result<i64> {
        let c = self.lookup(name)?;
        let ops = self.containers();
        let wants_exit = conditions.iter().any(|c| c == "stopped" || c == "exited");
        loop {
            let Some(now) = ops.reload(&c.id)? else {
                // A `--rm` container's row goes at its exit: its code is in its `died` event.
                if wants_exit {
                    if let Some(code) = container::exit_code_of_removed(self.db(), &c.id)? {
                        return Ok(code);
                    }
                }
                return Err(container::ContainerError::RemovedWhileWaiting {
                    name: name.to_string(),
                }
                .into());
            };
            let obs = container::observe(self.paths(), &now);
            let state = container::display_state(&obs.state);
            let stopped = matches!(state, "exited" | "stopped");
            // A `--rm` container that exited is waited for until it is gone too (its exit
            // command removes it), so that `wait` returning means it no longer exists.
            let removing = stopped && now.rm;
            if wants_exit && !removing && stopped {
                return Ok(obs.exit_code.unwrap_or(0));
            }
            // Never started (created, or created by the runtime and left): nothing to wait
            // for, as podman; its stored code (none yet: 0).
            if wants_exit && !now.rm && now.run.state == container::CONFIGURED {
                return Ok(now.run.exit_code.unwrap_or(0));
            }
            if conditions.iter().any(|x| x == state) {
                return Ok(obs.exit_code.unwrap_or(-1));
            }
            // healthy / unhealthy: the status the container's monitor records.
            let health_wanted = conditions
                .iter()
                .any(|x| x == "healthy" || x == "unhealthy");
            if health_wanted {
                let health = container::health::read(&ops.dirs(&now.id));
                if health.is_some_and(|h| conditions.contains(&h.status)) {
                    return Ok(obs.exit_code.unwrap_or(-1));
                }
            }
            if wants_exit && state == "running" && !health_wanted {
                let code = ops.wait_exit(&now, None)?.unwrap_or(-1);
                if !now.rm {
                    return Ok(code);
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

impl AsRef<Db> for Engine {
    fn as_ref(&self) -> &Db {
        self.db()
    }
}

impl AsRef<Db> for Containers {
    fn as_ref(&self) -> &Db {
        &self.db
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::container::fake_runtime::{Call, FakeRuntime};
    use crate::EngineError;
    use hutch_state::RunState;
    use std::path::Path;

    fn test_engine(root: &Path) -> Engine {
        let paths = Paths {
            graphroot: root.join("graph"),
            runroot: root.join("run"),
            config_home: root.join("config"),
            xdg_runtime_dir: None,
            home: root.to_path_buf(),
            uid: hutch_sys::process::getuid(),
            gid: hutch_sys::process::getgid(),
            storage_driver: None,
            runtime_dir_warning: None,
            settings: crate::paths::Settings {
                volume_path: root.join("graph/volumes"),
                events_logger: "file".into(),
                ..Default::default()
            },
        };
        let cfg = EngineConfig {
            paths,
            opts: Options::default(),
            runtime: None,
            exit_command: Vec::new(),
        };
        Engine::open(cfg, &Joined::assumed()).unwrap()
    }

    /// Records a container row in `state` whose monitor has pid `conmon_pid`; nothing on disk.
    fn insert(eng: &Engine, id: &str, name: &str, state: &str, conmon_pid: i64) -> Container {
        let c = Container {
            id: id.into(),
            name: name.into(),
            image_id: "0".repeat(64),
            image_name: "example.org/image:latest".into(),
            created: chrono::Utc::now(),
            run: RunState {
                state: state.into(),
                conmon_pid,
                ..Default::default()
            },
            spec: "{}".into(),
            restart_policy: String::new(),
            labels: "{}".into(),
            rm: false,
        };
        eng.db().insert_container(&c, None).unwrap();
        c
    }

    fn configured(eng: &Engine, name: &str) -> Container {
        let id = container::names::random_id();
        insert(eng, &id, name, container::CONFIGURED, 0)
    }

    /// Makes the lifecycle drive a recording fake instead of a real runtime.
    fn fake_runtime(eng: &Engine) -> FakeRuntime {
        let fake = FakeRuntime::default();
        assert!(eng.inner.shared.fake_runtime.set(fake.clone()).is_ok());
        fake
    }

    /// A process whose command line names container `id`: a live monitor, as far as the
    /// lifecycle can tell.
    /// The tests that use one run one at a time: they signal their children by pid.
    fn stand_in_monitor(id: &str) -> (std::sync::MutexGuard<'static, ()>, std::process::Child) {
        static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let serial = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
        let child = std::process::Command::new("sh")
            .args(["-c", "sleep 30; :", id])
            .spawn()
            .unwrap();
        // `spawn` can return before the child's command line is the new one.
        let cmdline = format!("/proc/{}/cmdline", child.id());
        let named = || {
            std::fs::read(&cmdline).is_ok_and(|c| c.windows(id.len()).any(|w| w == id.as_bytes()))
        };
        let start = std::time::Instant::now();
        while !named() && start.elapsed() < std::time::Duration::from_secs(5) {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        (serial, child)
    }

    fn kills(fake: &FakeRuntime) -> Vec<i32> {
        fake.calls()
            .into_iter()
            .filter_map(|c| match c {
                Call::Kill(_, sig) => Some(sig),
                _ => None,
            })
            .collect()
    }

    fn events(eng: &Engine, action: &str) -> usize {
        let all = eng.db().events(0).unwrap();
        all.iter().filter(|e| e.action == action).count()
    }

    /// An engine with the fake runtime and a running container "web" with a live monitor.
    fn running_web(
        root: &Path,
    ) -> (
        Engine,
        FakeRuntime,
        std::sync::MutexGuard<'static, ()>,
        std::process::Child,
    ) {
        let eng = test_engine(root);
        let fake = fake_runtime(&eng);
        let id = container::names::random_id();
        let (serial, monitor) = stand_in_monitor(&id);
        let pid = i64::from(monitor.id());
        insert(&eng, &id, "web", container::RUNNING, pid);
        (eng, fake, serial, monitor)
    }

    #[test]
    fn stop_sends_the_stop_signal_then_sigkill_after_the_timeout() {
        let tmp = tempfile::tempdir().unwrap();
        let (eng, fake, _serial, mut monitor) = running_web(tmp.path());
        // The container ignores the stop signal; SIGKILL ends it (and so its monitor).
        fake.script().sigkill_kills = Some(monitor.id());
        let start = std::time::Instant::now();
        eng.stop("web", Some(1)).unwrap();
        let took = start.elapsed();
        let _ = monitor.wait();
        let sent = kills(&fake);
        assert_eq!(sent.len(), 2, "{:?}", fake.calls());
        assert_eq!(sent[1], 9, "{sent:?}");
        assert!(took >= std::time::Duration::from_secs(1), "{took:?}");
        let now = eng.lookup("web").unwrap();
        assert_eq!(now.run.state, container::EXITED);
        assert_eq!(events(&eng, "stop"), 1);
    }

    #[test]
    fn stop_of_a_container_that_exits_in_time_sends_no_sigkill() {
        let tmp = tempfile::tempdir().unwrap();
        let (eng, fake, _serial, mut monitor) = running_web(tmp.path());
        let pid = monitor.id();
        let stopper = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(200));
            let _ = hutch_sys::process::kill(pid as i32);
        });
        eng.stop("web", Some(10)).unwrap();
        stopper.join().unwrap();
        let _ = monitor.wait();
        assert_eq!(kills(&fake).len(), 1, "{:?}", fake.calls());
    }

    #[test]
    fn a_failed_run_with_rm_leaves_no_container_behind() {
        let tmp = tempfile::tempdir().unwrap();
        let (eng, fake, _serial, mut monitor) = running_web(tmp.path());
        fake.script().sigkill_kills = Some(monitor.id());
        let never_ran = configured(&eng, "never-ran");
        for name in ["web", "never-ran"] {
            let c = eng.lookup(name).unwrap();
            eng.discard_failed_run(&c);
            assert!(eng.lookup(name).is_err(), "{name} is still there");
        }
        let _ = monitor.wait();
        // No stop timeout: straight to SIGKILL.
        assert_eq!(kills(&fake), vec![9]);
        // Gone already (another process removed it): nothing to do, no error.
        eng.discard_failed_run(&never_ran);
    }

    #[test]
    fn cleanup_keeps_going_past_failures_and_is_idempotent() {
        let tmp = tempfile::tempdir().unwrap();
        let eng = test_engine(tmp.path());
        let fake = fake_runtime(&eng);
        fake.script().failing_deletes = 1;
        let id = container::names::random_id();
        // Its monitor is gone (no such pid) and its runtime state is still there.
        insert(&eng, &id, "job", container::RUNNING, i64::from(i32::MAX));
        let dirs = container::Dirs::new(eng.paths(), &id);
        std::fs::create_dir_all(&dirs.run).unwrap();
        std::fs::create_dir_all(eng.paths().runroot.join("runtime").join(&id)).unwrap();

        let err = eng.cleanup("job", false).unwrap_err();
        assert!(err.to_string().contains("scripted failure"), "{err}");
        // Each failed step kept as its own typed error, the runtime's among them.
        match &err {
            EngineError::CleanupFailed { id: failed, errors } => {
                assert_eq!(failed, &id);
                assert!(
                    matches!(
                        errors.0.as_slice(),
                        [EngineError::Container(c)] if matches!(**c, container::ContainerError::Runtime { .. })
                    ),
                    "{errors:?}"
                );
            }
            other => panic!("not a cleanup failure: {other:?}"),
        }
        // Past the failed `runtime delete`: the exit is recorded, the run directory gone.
        let after = eng.lookup("job").unwrap();
        assert_eq!(after.run.state, container::EXITED);
        assert_eq!(after.run.exit_code, Some(-1));
        assert!(!dirs.run.exists());

        eng.cleanup("job", false).unwrap();
        eng.cleanup("job", false).unwrap();
        assert_eq!(eng.lookup("job").unwrap().run, after.run);
        assert_eq!(events(&eng, "died"), 1);
        let deletes = fake
            .calls()
            .iter()
            .filter(|c| matches!(c, Call::Delete(_)))
            .count();
        assert_eq!(deletes, 3);
    }

    #[test]
    fn reconcile_marks_a_container_whose_monitor_is_gone_as_exited() {
        let tmp = tempfile::tempdir().unwrap();
        let eng = test_engine(tmp.path());
        fake_runtime(&eng);
        let gone = container::names::random_id();
        insert(&eng, &gone, "gone", container::RUNNING, i64::from(i32::MAX));
        let alive = container::names::random_id();
        let (_serial, mut monitor) = stand_in_monitor(&alive);
        insert(
            &eng,
            &alive,
            "alive",
            container::RUNNING,
            i64::from(monitor.id()),
        );

        eng.reconcile().unwrap();
        let _ = monitor.kill();
        let _ = monitor.wait();

        let g = eng.lookup("gone").unwrap();
        assert_eq!(g.run.state, container::EXITED);
        assert_eq!(g.run.exit_code, Some(-1));
        assert_eq!(eng.lookup("alive").unwrap().run.state, container::RUNNING);
        assert_eq!(events(&eng, "died"), 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn one_engine_serves_many_threads_at_once() {
        fn shareable<T: Send + Sync + Clone + 'static>() {}
        shareable::<Engine>();
        let tmp = tempfile::tempdir().unwrap();
        let eng = test_engine(tmp.path());
        for i in 0..8 {
            configured(&eng, &format!("c{i}"));
        }
        let tasks: Vec<_> = (0..8)
            .map(|i| {
                let eng = eng.clone();
                tokio::task::spawn_blocking(move || {
                    eng.rename(&format!("c{i}"), &format!("renamed{i}"))?;
                    let c = eng.lookup(&format!("renamed{i}"))?;
                    eng.remove(&c.id, RemoveOptions::default())
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap().unwrap();
        }
        assert!(eng.db().containers().unwrap().is_empty());
        let renames = eng
            .db()
            .events(0)
            .unwrap()
            .into_iter()
            .filter(|e| e.action == "rename")
            .count();
        assert_eq!(renames, 8);
    }

    #[test]
    fn rename_refuses_invalid_names_before_looking_up() {
        let tmp = tempfile::tempdir().unwrap();
        let eng = test_engine(tmp.path());
        let err = eng.rename("nope", "-bad").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("invalid container name \"-bad\""),
            "{err}"
        );
    }

    #[test]
    fn waiting_for_removal_keeps_the_exit_code_of_an_auto_removed_container() {
        use container::WaitCondition;
        let tmp = tempfile::tempdir().unwrap();
        let eng = test_engine(tmp.path());
        let c = configured(&eng, "job");
        let never = || false;
        // Not running: `not-running` answers at once.
        assert_eq!(
            eng.wait_condition(&c, WaitCondition::NotRunning, &never)
                .unwrap(),
            Some(0)
        );
        let db = eng.db().clone();
        let id = c.id.clone();
        let gone = c.clone();
        let remover = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(150));
            // What a --rm cleanup does: record the exit with its died event, then drop the row.
            let run = RunState {
                state: container::EXITED.into(),
                exit_code: Some(3),
                finished_at: Some(chrono::Utc::now()),
                ..Default::default()
            };
            let ev = container::event(
                "container",
                "died",
                &gone,
                serde_json::json!({"containerExitCode": 3}),
            );
            db.set_run_state(&id, &run, Some(&ev)).unwrap();
            db.delete_container(&id, None).unwrap();
        });
        let code = eng
            .wait_condition(&c, WaitCondition::Removed, &never)
            .unwrap();
        remover.join().unwrap();
        assert_eq!(code, Some(3));
        // A caller that went away stops the wait.
        let other = configured(&eng, "other");
        let code = eng
            .wait_condition(&other, WaitCondition::Removed, &|| true)
            .unwrap();
        assert_eq!(code, None);
    }
}
