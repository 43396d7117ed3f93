//! The container lifecycle: create (a database row only, as podman's "configured"), init (mount
//! the root filesystem, write the bundle, start the monitor which runs `runtime create`), start,
//! stop, kill, remove, and cleanup after the container exits. Also how a container's stored
//! state is checked against reality (monitor alive? exit file written?) and reconciled.
//! Callers hold the container's lock (`super::lock`) around every operation that changes it.

use super::config::{self, ContainerConfig, CreateOptions};
use super::runtime::{CliRuntime, OciRuntime};
use super::{config_of, is_mount_point, names, spec, ContainerError, Dirs};
use crate::{EngineError, Paths, Result};
use chrono::{DateTime, Utc};
use hutch_network::{NetEnv, NetworkMode, Request, Status as NetStatus};
use hutch_state::{Container, Db, NewEvent, RunState, StateError};
use std::collections::HashSet;
use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

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
    net: Arc<NetShared>,
}

/// What every operation of one engine shares about networks.
#[derive(Default)]
pub(crate) struct NetShared {
    /// Where network state lives and containers.conf's network settings, read once.
    env: OnceLock<NetEnv>,
    /// Containers whose network this process tore down and has not set up since: a second
    /// teardown (cleanup, then removal) would otherwise search every process for a helper.
    down: Mutex<HashSet<String>>,
}

impl NetShared {
    fn down(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
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
}

/// Whether the container's network is connected after `runtime create` (a keep-id container
/// owns its network namespace; see `init_inner`).
fn late_network(c: &Container) -> bool {
    config_of(c).is_ok_and(|cfg| cfg.userns == "keep-id" && cfg.network.owns_netns())
}

/// Whether the container is brought up with `runtime create` and then `runtime start` rather
/// than in one step: when its network is connected after create (`late_network`), and when
/// its network helper is slow to get ready (pasta: some 25 ms), which the runtime's create
/// then overlaps; the container starts only once the helper is ready.
fn create_first(c: &Container) -> bool {
    late_network(c)
        || config_of(c).is_ok_and(|cfg| matches!(cfg.network, NetworkMode::Pasta { .. }))
}

/// Whether the monitor of `c` is alive: its pid runs a command line naming the container.
/// A recycled pid (after a reboot) or a zombie has another (or an empty) command line.
/// How the monitor brings a container up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Launch {
    /// `runtime create`: the container waits for `runtime start`.
    Create,
    /// `runtime run --detach`: it runs at once.
    Start,
    /// As `Start`, with the monitor holding the output for the client about to attach.
    StartHeld,
}

pub fn monitor_alive(c: &Container) -> bool {
    if c.run.conmon_pid <= 0 {
        return false;
    }
    std::fs::read(format!("/proc/{}/cmdline", c.run.conmon_pid))
        .map(|cmd| cmd.windows(c.id.len()).any(|w| w == c.id.as_bytes()))
        .unwrap_or(false)
}

/// The exit code the monitor wrote, and when.
pub fn read_exit_file(dirs: &Dirs) -> Option<(i64, DateTime<Utc>)> {
    let path = dirs.exit_file();
    let text = std::fs::read_to_string(&path).ok()?;
    let code = text.trim().parse::<i64>().ok()?;
    let when = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .map(DateTime::<Utc>::from)
        .unwrap_or_else(|_| Utc::now());
    Some((code, when))
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
        };
    }
    if !monitor_alive(c) {
        return Observed {
            state: EXITED.into(),
            exit_code: c.run.exit_code.or(Some(-1)),
            finished_at: c.run.finished_at.or(Some(Utc::now())),
            needs_cleanup: true,
        };
    }
    stored
}

pub(crate) fn event(kind: &str, action: &str, c: &Container, attrs: serde_json::Value) -> NewEvent {
    let mut a = serde_json::json!({"image": c.image_name, "name": c.name});
    if let (Some(m), Some(extra)) = (a.as_object_mut(), attrs.as_object()) {
        for (k, v) in extra {
            m.insert(k.clone(), v.clone());
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

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> EngineError + '_ {
    move |e| EngineError::io(path, e)
}

fn remove_dir_if_exists(path: &Path) -> Result<()> {
    match std::fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(EngineError::io(path, e)),
    }
}

/// Where the directories of removed containers wait to be deleted.
fn trash_dir(paths: &Paths) -> PathBuf {
    paths.graphroot.join("trash")
}

/// Moves a removed container's directory (its upper layer, often thousands of files) out of
/// the way in one rename, so that removing the container takes no longer than that;
/// `empty_trash` deletes it later. Deletes it here when it cannot be moved.
fn trash(paths: &Paths, dirs: &Dirs, id: &str) -> Result<()> {
    let bin = trash_dir(paths);
    let moved =
        std::fs::create_dir_all(&bin).and_then(|()| std::fs::rename(&dirs.graph, bin.join(id)));
    match moved {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !dirs.graph.exists() => Ok(()),
        Err(e) => {
            tracing::debug!("moving {} to {}: {e}", dirs.graph.display(), bin.display());
            remove_dir_if_exists(&dirs.graph)
        }
    }
}

/// Deletes what `trash` moved aside: the directory of container `id`, or with `None` every
/// one trashed at least `min_age` ago (a monitor that died before its exit command could
/// delete it). Failures are only logged: nothing refers to these directories any more.
pub(crate) fn empty_trash(paths: &Paths, id: Option<&str>, min_age: Duration) {
    let bin = trash_dir(paths);
    let entries: Vec<PathBuf> = match id {
        Some(id) => vec![bin.join(id)],
        None => match std::fs::read_dir(&bin) {
            Ok(rd) => rd
                .filter_map(|e| e.ok())
                .filter(|e| {
                    use std::os::unix::fs::MetadataExt;
                    // The rename that trashed it set its ctime.
                    e.metadata().is_ok_and(|m| {
                        let now = Utc::now().timestamp();
                        now.saturating_sub(m.ctime()) >= min_age.as_secs() as i64
                    })
                })
                .map(|e| e.path())
                .collect(),
            Err(_) => return,
        },
    };
    for e in entries {
        if let Err(err) = remove_dir_if_exists(&e) {
            tracing::warn!("{err}");
        }
    }
}

fn write_file(path: &Path, contents: &str) -> Result<()> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, contents).map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(io(path))
}

/// Where the monitor binary is: next to hutch first, then on PATH.
pub fn find_conmon() -> Option<PathBuf> {
    if let Ok(exe) = std::env::current_exe() {
        if let Some(dir) = exe.parent() {
            let p = dir.join("hutch-conmon");
            if p.is_file() {
                return Some(p);
            }
        }
    }
    crate::host::find_program("hutch-conmon")
}

/// Polls `done` with a short, growing sleep until it is true or `timeout` passes.
fn poll_until(timeout: Duration, mut done: impl FnMut() -> bool) -> bool {
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
        net: Arc<NetShared>,
    ) -> Containers {
        Containers {
            paths,
            db,
            exit_command,
            defer_runtime_delete: false,
            net,
        }
    }

    pub fn dirs(&self, id: &str) -> Dirs {
        Dirs::new(&self.paths, id)
    }

    pub fn runtime(&self, cfg: &ContainerConfig) -> CliRuntime {
        CliRuntime::new(PathBuf::from(&cfg.runtime), &self.paths)
    }

    /// The container's current row (another process may have changed it).
    pub fn reload(&self, id: &str) -> Result<Option<Container>> {
        Ok(self.db.container(id)?)
    }

    /// Records a new container (state "configured"): nothing is mounted or started yet, which
    /// keeps `create` cheap. `image_name` is the name the image was asked for.
    pub fn create(
        &mut self,
        image: &hutch_state::Image,
        image_name: &str,
        opts: &CreateOptions,
        runtime: Option<&str>,
    ) -> Result<Container> {
        if let Some(n) = &opts.name {
            if !names::valid_name(n) {
                return Err(ContainerError::InvalidFlag {
                    flag: "--name",
                    value: n.clone(),
                    reason: "names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*".into(),
                }
                .into());
            }
        }
        let image_cfg = crate::images::config(image)?;
        let runtime = super::runtime::choose(runtime, &self.paths)?;
        // The default mode comes from containers.conf: read only when it is needed.
        let default_mode = if opts.network.is_empty() {
            self.net_env().default_mode()
        } else {
            NetworkMode::None
        };
        let (mut cfg, labels) = config::resolve(
            opts,
            &image_cfg,
            runtime.display().to_string(),
            &default_mode,
        )?;
        // Random host ports are chosen once, here, so that `hutch port` stays the same across
        // restarts (as podman).
        cfg.net.ports = hutch_network::ports::assign_random(
            opts.name.as_deref().unwrap_or("(new)"),
            &cfg.net.ports,
        )?;
        if let NetworkMode::Container { id } = &cfg.network {
            // Stored by ID: the name may later belong to another container.
            let other = super::lookup(&self.db, id)?;
            cfg.network = NetworkMode::Container { id: other.id };
        }
        if let NetworkMode::Networks { networks } = &mut cfg.network {
            // As podman: an unknown network fails at create; stored by name as resolved.
            let store = crate::networks::store(&self.paths);
            for n in networks.iter_mut() {
                n.name = store.get(&n.name)?.name;
            }
        }
        let anonymous =
            super::mounts::prepare(&mut self.db, &self.paths, &mut cfg, &opts.volumes_from)?;
        if !opts.limits.is_empty() && self.paths.rootless() {
            let cg = crate::host::cgroups(self.paths.uid);
            if !cg.limits_available {
                tracing::warn!(
                    "{} ignored: {}",
                    opts.limits.join(", "),
                    cg.limits_reason.unwrap_or_default()
                );
            }
        }
        let spec = serde_json::to_string(&cfg).map_err(|e| EngineError::Other(e.to_string()))?;
        let labels =
            serde_json::to_string(&labels).map_err(|e| EngineError::Other(e.to_string()))?;
        let mut attempt = 0;
        loop {
            let name = opts.name.clone().unwrap_or_else(names::random_name);
            let c = Container {
                id: names::random_id(),
                name,
                image_id: image.id.clone(),
                image_name: image_name.to_string(),
                created: Utc::now(),
                run: RunState {
                    state: CONFIGURED.into(),
                    ..Default::default()
                },
                spec: spec.clone(),
                restart_policy: opts.restart.clone().unwrap_or_default(),
                labels: labels.clone(),
                rm: opts.rm,
            };
            let ev = event("container", "create", &c, serde_json::json!({}));
            match self.db.insert_container(&c, Some(&ev)) {
                Ok(()) => return Ok(c),
                Err(StateError::NameInUse { .. }) if opts.name.is_none() && attempt < 20 => {
                    attempt += 1;
                }
                Err(e) => {
                    super::mounts::remove_volumes(&mut self.db, &self.paths, &anonymous);
                    return Err(e.into());
                }
            }
        }
    }

    /// Mounts the root filesystem, writes the bundle and starts the monitor, which runs
    /// `runtime create`. The container is then "created": its process waits for `start`.
    /// On failure everything set up is undone and the error recorded in the row.
    pub fn init(&mut self, c: &Container) -> Result<Container> {
        self.launch(c, Launch::Create)
    }

    /// Brings a configured or exited container up through its monitor: to "created", or with
    /// `Launch::Start*` straight to "running" (one runtime process instead of two).
    fn launch(&mut self, c: &Container, how: Launch) -> Result<Container> {
        let cfg = config_of(c)?;
        let dirs = self.dirs(&c.id);
        // Without an attach socket there is nobody to hold output for.
        let how = match how {
            Launch::StartHeld if cfg.log_driver == "passthrough" => Launch::Start,
            h => h,
        };
        match self.init_inner(c, &cfg, &dirs, how) {
            Ok(mut run) => {
                let mut events = vec![event("container", "init", c, serde_json::json!({}))];
                if how != Launch::Create {
                    run.state = RUNNING.into();
                    run.started_at = Some(Utc::now());
                    run.finished_at = None;
                    run.exit_code = None;
                    events.push(event("container", "start", c, serde_json::json!({})));
                }
                self.db.set_run_state_events(&c.id, &run, &events)?;
                Ok(Container { run, ..c.clone() })
            }
            Err(e) => {
                let runtime = self.runtime(&cfg);
                let _ = runtime.delete(&c.id, true);
                if let Err(t) = self.teardown_network(c, &cfg) {
                    tracing::warn!("{t}");
                }
                let _ = self.unmount_rootfs(&dirs);
                let _ = super::mounts::teardown(&self.db, &self.paths, c, &cfg, &dirs);
                let _ = remove_dir_if_exists(&dirs.run);
                let mut run = c.run.clone();
                run.state = CONFIGURED.into();
                run.pid = 0;
                run.conmon_pid = 0;
                run.error = crate_error_line(&e);
                if let EngineError::Container(ce) = &e {
                    if let ContainerError::Conmon { code, .. } = ce.as_ref() {
                        run.exit_code = Some(i64::from(*code));
                    }
                }
                let _ = self.db.set_run_state(&c.id, &run, None);
                Err(e)
            }
        }
    }

    pub(crate) fn mount_rootfs(&self, c: &Container, dirs: &Dirs) -> Result<()> {
        if is_mount_point(&dirs.merged) {
            return Ok(());
        }
        let lowers = self.lower_dirs(c)?;
        for d in [&dirs.upper, &dirs.work, &dirs.merged] {
            std::fs::create_dir_all(d).map_err(io(d))?;
        }
        let driver = hutch_storage::mount::driver(
            &self.paths.graphroot,
            self.paths.storage_driver.as_deref(),
        )?;
        if driver == hutch_storage::mount::Driver::Vfs
            && std::fs::read_dir(&dirs.merged).is_ok_and(|mut d| d.next().is_some())
        {
            // vfs "mounts" are a copy that already holds the container's changes.
            return Ok(());
        }
        hutch_storage::mount::mount_volatile(
            driver,
            &lowers,
            Some((&dirs.upper, &dirs.work)),
            &dirs.merged,
            c.rm,
        )?;
        Ok(())
    }

    pub(crate) fn unmount_rootfs(&self, dirs: &Dirs) -> Result<()> {
        if !is_mount_point(&dirs.merged) {
            return Ok(());
        }
        let driver = hutch_storage::mount::driver(
            &self.paths.graphroot,
            self.paths.storage_driver.as_deref(),
        )?;
        hutch_storage::mount::unmount(driver, &dirs.merged)?;
        Ok(())
    }

    fn init_inner(
        &mut self,
        c: &Container,
        cfg: &ContainerConfig,
        dirs: &Dirs,
        how: Launch,
    ) -> Result<RunState> {
        // A monitor left by a hutch killed half-way through an earlier init would write its
        // exit file into the new instance's directory: stop it first (SIGKILL: it writes
        // nothing then).
        let stale = std::fs::read_to_string(dirs.run.join("conmon.pid"))
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok());
        if let Some(pid) = stale {
            let old = Container {
                run: RunState {
                    conmon_pid: pid,
                    ..c.run.clone()
                },
                ..c.clone()
            };
            if monitor_alive(&old) {
                let _ = hutch_sys::process::kill(pid as i32);
                poll_until(Duration::from_secs(5), || !monitor_alive(&old));
            }
        }
        remove_dir_if_exists(&dirs.run)?;
        {
            use std::os::unix::fs::DirBuilderExt;
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&dirs.run)
                .map_err(io(&dirs.run))?;
        }
        std::fs::create_dir_all(&dirs.userdata).map_err(io(&dirs.userdata))?;
        self.mount_rootfs(c, dirs)?;

        let keep_id = self.keep_id(cfg)?;
        let user = match keep_id {
            // keep-id runs as the user's own ids unless -u says otherwise.
            Some(k) if cfg.user.is_empty() => spec::ProcessUser {
                uid: k.uid,
                gid: k.gid,
                additional_gids: Vec::new(),
                home: None,
            },
            _ => spec::resolve_user(&c.id, &dirs.merged, &cfg.user, &cfg.group_add)?,
        };
        // runc refuses a working directory that does not exist; podman creates it.
        let wd = dirs.merged.join(cfg.workdir.trim_start_matches('/'));
        if !wd.exists() && !cfg.read_only {
            let _ = std::fs::create_dir_all(&wd);
        }
        let hostname = if cfg.hostname.is_empty() {
            c.id[..12].to_string()
        } else {
            cfg.hostname.clone()
        };
        // The namespace, its helper and the published ports exist before the runtime creates
        // the container: it joins the namespace by path. A container with a user namespace of
        // its own (keep-id) gets a new network namespace from the runtime instead, which is
        // connected right after `runtime create`, before the container starts.
        let late_net = keep_id.is_some() && cfg.network.owns_netns();
        // A slow helper (pasta) gets ready while the runtime creates the container.
        let (net, mut handoff, pending) = if late_net {
            (
                NetStatus::default(),
                hutch_network::Handoff::default(),
                None,
            )
        } else {
            self.setup_network(c, cfg, &hostname, None, how == Launch::Create)?
        };
        self.write_name_files(c, cfg, dirs, &hostname, &net, false)?;
        write_file(&dirs.userdata.join("hostname"), &format!("{hostname}\n"))?;
        write_file(
            &dirs.userdata.join(".containerenv"),
            &format!(
                "engine=\"hutch-{}\"\nname=\"{}\"\nid=\"{}\"\nimage=\"{}\"\nimageid=\"{}\"\nrootless={}\n",
                env!("CARGO_PKG_VERSION"),
                c.name,
                c.id,
                c.image_name,
                c.image_id,
                u8::from(self.paths.rootless())
            ),
        )?;
        let mounts = super::mounts::setup(&mut self.db, &self.paths, c, cfg, dirs, &user, keep_id)?;
        let init_binary = if cfg.init {
            crate::host::find_program("catatonit")
        } else {
            None
        };
        let oci = spec::build(
            cfg,
            &spec::SpecInput {
                id: &c.id,
                rootfs: &dirs.merged,
                userdata: &dirs.userdata,
                hostname: &hostname,
                user: &user,
                init_binary,
                keep_id,
                netns: net.netns.as_deref(),
                mounts,
            },
        )?;
        write_file(
            &dirs.userdata.join("config.json"),
            &serde_json::to_string_pretty(&oci).map_err(|e| EngineError::Other(e.to_string()))?,
        )?;
        // A hutch killed half-way through an earlier init may have left the runtime's state
        // behind; `runtime create` would refuse the ID.
        if self.paths.runroot.join("runtime").join(&c.id).exists() {
            let _ = self.runtime(cfg).delete(&c.id, true);
        }
        // A late network (keep-id) is connected between `runtime create` and `runtime start`:
        // `start` and `start_attached` launch such containers with `Launch::Create`.
        // The runtime joins a held namespace while the monitor starts the container; the
        // container holds it once the monitor reports.
        let netns_holder = handoff.netns_holder.take();
        let monitor = self.spawn_monitor(c, cfg, dirs, how, handoff);
        drop(netns_holder);
        if let Some(pending) = pending {
            let mut net = net;
            let req = self.net_request(c, cfg, &hostname, None, None);
            let ready = pending.finish(&self.net_env(), &req, &mut net);
            // When both failed, the monitor's error says more (the helper's follows from it).
            if monitor.is_ok() {
                ready?;
            }
        }
        let (pid, conmon_pid) = monitor?;
        if late_net {
            if how != Launch::Create {
                return Err(EngineError::Other(format!(
                    "container {}: a network connected after create needs a created container",
                    c.id
                )));
            }
            let ns = PathBuf::from(format!("/proc/{pid}/ns/net"));
            let (net, _, _) = self.setup_network(c, cfg, &hostname, Some(ns), false)?;
            // The runtime has bound these files into the container already: rewrite in place.
            self.write_name_files(c, cfg, dirs, &hostname, &net, true)?;
        }
        Ok(RunState {
            state: CREATED.into(),
            pid,
            conmon_pid,
            exit_code: None,
            started_at: c.run.started_at,
            finished_at: c.run.finished_at,
            restart_count: c.run.restart_count,
            error: String::new(),
        })
    }

    /// Where network state lives and the network configuration (containers.conf, read once
    /// per process: podman's default file alone is 24 KB of TOML).
    pub fn net_env(&self) -> NetEnv {
        self.net
            .env
            .get_or_init(|| {
                NetEnv::new(
                    self.paths.runroot.clone(),
                    self.paths.graphroot.clone(),
                    self.paths.config_home.clone(),
                    self.paths.rootless(),
                )
            })
            .clone()
    }

    /// Sets up the container's network (see `hutch_network::container`); with `defer`, a slow
    /// helper is only started (see `setup_started`).
    fn setup_network(
        &self,
        c: &Container,
        cfg: &ContainerConfig,
        hostname: &str,
        existing_netns: Option<PathBuf>,
        defer: bool,
    ) -> Result<(
        NetStatus,
        hutch_network::Handoff,
        Option<hutch_network::container::PendingHelper>,
    )> {
        self.net.down().remove(&c.id);
        let env = self.net_env();
        let joined_netns = match &cfg.network {
            NetworkMode::Container { id } => Some(self.joined_netns(c, id)?),
            _ => None,
        };
        let req = self.net_request(c, cfg, hostname, joined_netns, existing_netns);
        if defer {
            return Ok(hutch_network::container::setup_started(&env, &req)?);
        }
        let (st, handoff) = hutch_network::container::setup_held(&env, &req)?;
        Ok((st, handoff, None))
    }

    fn net_request<'a>(
        &self,
        c: &'a Container,
        cfg: &'a ContainerConfig,
        hostname: &'a str,
        joined_netns: Option<PathBuf>,
        existing_netns: Option<PathBuf>,
    ) -> Request<'a> {
        Request {
            id: &c.id,
            name: &c.name,
            hostname,
            mode: &cfg.network,
            opts: &cfg.net,
            joined_netns,
            // slirp4netns quits when the monitor (which inherits this) dies; a namespace made
            // after the monitor started (keep-id) has no monitor to hand it to.
            hold_exit_fd: existing_netns.is_none(),
            existing_netns,
        }
    }

    /// The namespace of the running container `id` for `--network container:ID`.
    fn joined_netns(&self, c: &Container, id: &str) -> Result<PathBuf> {
        let other = self
            .db
            .container(id)?
            .ok_or_else(|| ContainerError::InvalidFlag {
                flag: "--network",
                value: format!("container:{id}"),
                reason: format!("container {id} no longer exists"),
            })?;
        let obs = observe(&self.paths, &other);
        if obs.needs_cleanup || !matches!(other.run.state.as_str(), RUNNING | PAUSED | CREATED) {
            return Err(ContainerError::BadState {
                name: c.name.clone(),
                state: c.run.state.clone(),
                reason: format!(
                    "it shares the network of container {}, which is not running",
                    other.name
                ),
            }
            .into());
        }
        let env = self.net_env();
        if let Some(ns) = hutch_network::container::status(&env, &other.id).and_then(|s| s.netns) {
            return Ok(ns);
        }
        Ok(PathBuf::from(format!("/proc/{}/ns/net", other.run.pid)))
    }

    /// Undoes `setup_network`; safe to call when there is nothing to undo.
    pub(crate) fn teardown_network(&self, c: &Container, cfg: &ContainerConfig) -> Result<()> {
        if self.net.down().contains(&c.id) {
            return Ok(());
        }
        let env = self.net_env();
        let req = Request {
            id: &c.id,
            name: &c.name,
            hostname: &cfg.hostname,
            mode: &cfg.network,
            opts: &cfg.net,
            joined_netns: None,
            existing_netns: None,
            hold_exit_fd: false,
        };
        hutch_network::teardown(&env, &req)?;
        self.net.down().insert(c.id.clone());
        Ok(())
    }

    /// /etc/hosts and /etc/resolv.conf for the container (a container sharing another's
    /// network shares its files, as in podman). `in_place` keeps the inodes the runtime bound.
    fn write_name_files(
        &self,
        c: &Container,
        cfg: &ContainerConfig,
        dirs: &Dirs,
        hostname: &str,
        net: &NetStatus,
        in_place: bool,
    ) -> Result<()> {
        let (hosts, resolv) = match &cfg.network {
            NetworkMode::Container { id } => {
                let other = self.dirs(id);
                let read = |f: &str| {
                    let p = other.userdata.join(f);
                    std::fs::read_to_string(&p).map_err(|e| EngineError::io(&p, e))
                };
                (read("hosts")?, read("resolv.conf")?)
            }
            _ => (
                spec::hosts_file(cfg, hostname, &c.name, net),
                spec::resolv_conf(cfg, net),
            ),
        };
        for (f, text) in [("hosts", hosts), ("resolv.conf", resolv)] {
            let p = dirs.userdata.join(f);
            if in_place {
                std::fs::write(&p, text).map_err(io(&p))?;
            } else {
                write_file(&p, &text)?;
            }
        }
        Ok(())
    }

    /// The `--userns=keep-id` mapping parameters: the user's host ids and the size of hutch's
    /// namespace (read from inside it).
    fn keep_id(&self, cfg: &ContainerConfig) -> Result<Option<spec::KeepId>> {
        if cfg.userns != "keep-id" {
            return Ok(None);
        }
        if !self.paths.rootless() {
            return Err(ContainerError::InvalidFlag {
                flag: "--userns",
                value: "keep-id".into(),
                reason: "keep-id is only for rootless containers".into(),
            }
            .into());
        }
        let size = |file: &str| -> u32 {
            std::fs::read_to_string(file)
                .unwrap_or_default()
                .lines()
                .filter_map(|l| l.split_whitespace().nth(2)?.parse::<u32>().ok())
                .sum()
        };
        let (uids, gids) = (size("/proc/self/uid_map"), size("/proc/self/gid_map"));
        if uids <= self.paths.uid + 1 || gids <= self.paths.gid + 1 {
            return Err(ContainerError::InvalidFlag {
                flag: "--userns",
                value: "keep-id".into(),
                reason: format!(
                    "hutch's user namespace maps {uids} uids and {gids} gids, too few to keep uid {} and gid {} (add subordinate ids: {})",
                    self.paths.uid,
                    self.paths.gid,
                    crate::userns::fix_command(self.paths.uid)
                ),
            }
            .into());
        }
        Ok(Some(spec::KeepId {
            uid: self.paths.uid,
            gid: self.paths.gid,
            uids,
            gids,
        }))
    }

    /// Starts hutch-conmon per the monitor contract and reads its one-line start-up report.
    fn spawn_monitor(
        &self,
        c: &Container,
        cfg: &ContainerConfig,
        dirs: &Dirs,
        how: Launch,
        hold: hutch_network::Handoff,
    ) -> Result<(i64, i64)> {
        let conmon = find_conmon().ok_or_else(|| ContainerError::NoConmon { id: c.id.clone() })?;
        let runtime = self.runtime(cfg);
        let (mut report, write_end) =
            hutch_sys::child::report_pipe().map_err(|e| EngineError::io("pipe", e))?;
        let mut cmd = Command::new(&conmon);
        cmd.arg("--cid")
            .arg(&c.id)
            .arg("--name")
            .arg(&c.name)
            .arg("--bundle")
            .arg(&dirs.userdata)
            .arg("--runtime")
            .arg(runtime.path());
        for a in runtime.global_args() {
            cmd.arg("--runtime-arg").arg(a);
        }
        cmd.arg("--socket-dir")
            .arg(&dirs.run)
            .arg("--container-pidfile")
            .arg(dirs.run.join("pidfile"))
            .arg("--log-path")
            .arg(dirs.log_path())
            .arg("--log-driver")
            .arg(&cfg.log_driver);
        if let Some(max) = cfg.log_size_max {
            cmd.arg("--log-size-max").arg(max.to_string());
        }
        if cfg.tty {
            cmd.arg("--terminal");
        }
        if cfg.stdin {
            cmd.arg("--stdin");
        }
        if let Some((exe, args)) = self.exit_command.split_first() {
            cmd.arg("--exit-command").arg(exe);
            for a in args {
                cmd.arg("--exit-command-arg").arg(a);
            }
            cmd.arg("--exit-command-arg").arg("--runtime");
            cmd.arg("--exit-command-arg").arg(runtime.path());
            for a in ["container", "cleanup", c.id.as_str()] {
                cmd.arg("--exit-command-arg").arg(a);
            }
        }
        cmd.arg("--no-new-keyring");
        match how {
            Launch::Create => {}
            Launch::Start => {
                cmd.arg("--start");
            }
            Launch::StartHeld => {
                cmd.arg("--start").arg("--hold-output");
            }
        }
        {
            use std::os::fd::AsRawFd;
            cmd.arg("--sync-fd").arg(write_end.as_raw_fd().to_string());
            // Published TCP ports the monitor forwards, dialed inside the container's namespace.
            if let Some(ns) = &hold.netns {
                cmd.arg("--netns").arg(ns);
            }
            for (fd, dest) in &hold.ports {
                cmd.arg("--port-fd")
                    .arg(format!("{}:{dest}", fd.as_raw_fd()));
            }
        }
        cmd.stdin(Stdio::null());
        if cfg.log_driver == "passthrough" {
            cmd.stdout(Stdio::inherit()).stderr(Stdio::inherit());
        } else {
            cmd.stdout(Stdio::null()).stderr(Stdio::null());
        }
        // The monitor inherits `hold` (a network helper's exit pipe, which it keeps open without
        // knowing it, and the published ports' sockets) for as long as it lives; our copies go
        // right after the spawn.
        if let Some(fd) = &hold.exit_fd {
            hutch_sys::child::inheritable(fd).map_err(|e| EngineError::io("exit pipe", e))?;
        }
        for (fd, dest) in &hold.ports {
            hutch_sys::child::inheritable(fd)
                .map_err(|e| EngineError::io(format!("published port socket for {dest}"), e))?;
        }
        let spawned = cmd.spawn();
        drop(hold);
        let mut child = spawned.map_err(|e| {
            EngineError::from(ContainerError::Conmon {
                id: c.id.clone(),
                message: format!("cannot start {}: {e}", conmon.display()),
                code: crate::ExitCode::ENGINE,
            })
        })?;
        drop(write_end);
        let mut text = String::new();
        let read = report.read_to_string(&mut text);
        // The monitor detaches (double fork); reap the first process if it already exited.
        let _ = child.try_wait();
        let line = text.lines().next().unwrap_or("").trim().to_string();
        if let Err(e) = read {
            return Err(EngineError::io("monitor report pipe", e));
        }
        let conmon_err = |message: String, code: i32| {
            EngineError::from(ContainerError::Conmon {
                id: c.id.clone(),
                message,
                code,
            })
        };
        if line.is_empty() {
            return Err(conmon_err(
                "the monitor exited without reporting whether the container was created".into(),
                crate::ExitCode::ENGINE,
            ));
        }
        let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| {
            conmon_err(
                format!("unreadable report from the monitor {line:?}: {e}"),
                crate::ExitCode::ENGINE,
            )
        })?;
        if let Some(err) = v.get("error").and_then(|e| e.as_str()) {
            let code = v
                .get("code")
                .and_then(|c| c.as_i64())
                .unwrap_or(i64::from(crate::ExitCode::ENGINE)) as i32;
            return Err(conmon_err(err.to_string(), code));
        }
        let pid = v.get("pid").and_then(|p| p.as_i64()).unwrap_or(0);
        let conmon_pid = std::fs::read_to_string(dirs.run.join("conmon.pid"))
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .unwrap_or(0);
        Ok((pid, conmon_pid))
    }

    /// Starts a container: a created one with `runtime start`, a configured or exited one
    /// through its monitor in one step.
    pub fn start(&mut self, c: &Container) -> Result<Container> {
        let c = self.ready(c)?;
        if c.run.state == CREATED {
            self.start_created(c)
        } else if create_first(&c) {
            let c = self.launch(&c, Launch::Create)?;
            self.start_created(c)
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
        let c = self.ready(c)?;
        let dirs = self.dirs(&c.id);
        let c = if c.run.state != CREATED && create_first(&c) {
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

    fn start_created(&mut self, c: Container) -> Result<Container> {
        let cfg = config_of(&c)?;
        let runtime = self.runtime(&cfg);
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
        Ok(Container { run, ..c })
    }

    /// Stops (if running) and starts again, counting the restart.
    pub fn restart(&mut self, c: &Container, timeout: Option<u32>) -> Result<Container> {
        self.stop(c, timeout)?;
        let c = self
            .reload(&c.id)?
            .ok_or_else(|| ContainerError::NotFound { name: c.id.clone() })?;
        let mut c = self.start(&c)?;
        c.run.restart_count += 1;
        let ev = event("container", "restart", &c, serde_json::json!({}));
        self.db.set_run_state(&c.id, &c.run, Some(&ev))?;
        Ok(c)
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
    fn ready(&mut self, c: &Container) -> Result<Container> {
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

    /// Sends the stop signal, waits `timeout` seconds, then SIGKILL; then cleans up. A
    /// container that is not running is left as it is.
    pub fn stop(&mut self, c: &Container, timeout: Option<u32>) -> Result<()> {
        let cfg = config_of(c)?;
        let obs = observe(&self.paths, c);
        if obs.needs_cleanup || !is_active(&c.run.state) {
            if obs.needs_cleanup {
                self.cleanup_locked(c)?;
            }
            return Ok(());
        }
        let runtime = self.runtime(&cfg);
        let dirs = self.dirs(&c.id);
        let timeout = Duration::from_secs(u64::from(timeout.unwrap_or(cfg.stop_timeout)));
        let exited = || read_exit_file(&dirs).is_some() || !monitor_alive(c);
        if c.run.state == PAUSED {
            let _ = runtime.resume(&c.id);
        }
        let mut done = false;
        if !timeout.is_zero() {
            if let Err(e) = runtime.kill(&c.id, cfg.stop_signal, false) {
                tracing::debug!("container {}: stop signal: {e}", c.id);
            }
            done = poll_until(timeout, exited);
        }
        if !done && !timeout.is_zero() {
            tracing::warn!(
                "StopSignal {} failed to stop container {} in {} seconds, resorting to SIGKILL",
                config::signal_name(cfg.stop_signal),
                c.name,
                timeout.as_secs()
            );
        }
        if !done {
            // SIGKILL to the container's init ends its whole PID namespace; `--all` needs a
            // cgroup to find the processes, which rootless cgroup v1 containers lack.
            if let Err(e) = runtime.kill(&c.id, 9, false) {
                tracing::debug!("container {}: SIGKILL: {e}", c.id);
            }
            if !poll_until(Duration::from_secs(30), exited) {
                return Err(ContainerError::Timeout {
                    id: c.id.clone(),
                    seconds: 30,
                    what: "exit after SIGKILL",
                }
                .into());
            }
        }
        let ev = event("container", "stop", c, serde_json::json!({}));
        self.db.add_event(&ev)?;
        self.cleanup_locked(c)
    }

    /// Sends `signal` to a running container.
    pub fn kill(&mut self, c: &Container, signal: i32) -> Result<()> {
        let obs = observe(&self.paths, c);
        if obs.needs_cleanup || !matches!(c.run.state.as_str(), RUNNING | PAUSED) {
            return Err(ContainerError::BadState {
                name: c.name.clone(),
                state: obs.state,
                reason: "can only kill running containers".into(),
            }
            .into());
        }
        let cfg = config_of(c)?;
        self.runtime(&cfg).kill(&c.id, signal, false)?;
        let ev = event(
            "container",
            "kill",
            c,
            serde_json::json!({"signal": signal.to_string()}),
        );
        self.db.add_event(&ev)?;
        Ok(())
    }

    pub fn pause(&mut self, c: &Container, pause: bool) -> Result<Container> {
        let obs = observe(&self.paths, c);
        let want = if pause { RUNNING } else { PAUSED };
        if obs.needs_cleanup || c.run.state != want {
            return Err(ContainerError::BadState {
                name: c.name.clone(),
                state: obs.state,
                reason: format!(
                    "\"{}\" needs a {want} container",
                    if pause { "pause" } else { "unpause" }
                ),
            }
            .into());
        }
        let cfg = config_of(c)?;
        let rt = self.runtime(&cfg);
        if pause {
            rt.pause(&c.id).map_err(|e| {
                EngineError::Other(format!(
                    "{e} (pausing needs the cgroup freezer, which rootless containers on cgroup v1 do not have)"
                ))
            })?;
        } else {
            rt.resume(&c.id)?;
        }
        let mut run = c.run.clone();
        run.state = if pause { PAUSED } else { RUNNING }.into();
        let ev = event(
            "container",
            if pause { "pause" } else { "unpause" },
            c,
            serde_json::json!({}),
        );
        self.db.set_run_state(&c.id, &run, Some(&ev))?;
        Ok(Container { run, ..c.clone() })
    }

    /// Records the exit of a container whose process is gone (exit code from the monitor's
    /// exit file, or -1 / 137 when the monitor died without writing it), then tears down its
    /// runtime state, mounts and run directory, and removes it if it was created with `--rm`.
    /// Idempotent: every step checks whether it is still needed.
    pub fn cleanup_locked(&mut self, c: &Container) -> Result<()> {
        let Some(c) = self.reload(&c.id)? else {
            // Removed meanwhile by a client that left the runtime's state and the container's
            // directory to us.
            if !self.defer_runtime_delete {
                let runtime = config_of(c).ok().map(|cfg| cfg.runtime);
                self.delete_orphan_runtime_state(&c.id, runtime.as_deref())?;
            }
            // Normally gone with the row already; this is idempotent.
            if let Ok(cfg) = config_of(c) {
                self.teardown_network(c, &cfg)?;
            }
            return Ok(());
        };
        let cfg = config_of(&c)?;
        let dirs = self.dirs(&c.id);
        let runtime = self.runtime(&cfg);
        if is_active(&c.run.state) {
            let (code, when) = match read_exit_file(&dirs) {
                Some(x) => x,
                None if monitor_alive(&c) => return Ok(()),
                None => {
                    // The monitor died (killed, or the machine rebooted): if the container's
                    // process survived it, nobody would ever reap or log it; kill it.
                    let mut code = -1;
                    if let Ok(Some(st)) = runtime.state(&c.id) {
                        if matches!(st.status.as_str(), "running" | "created" | "paused") {
                            let _ = runtime.kill(&c.id, 9, false);
                            code = 137;
                        }
                    }
                    (code, Utc::now())
                }
            };
            let run = RunState {
                state: EXITED.into(),
                pid: 0,
                conmon_pid: 0,
                exit_code: Some(code),
                finished_at: Some(when),
                ..c.run.clone()
            };
            let ev = event(
                "container",
                "died",
                &c,
                serde_json::json!({"containerExitCode": code}),
            );
            self.db.set_run_state(&c.id, &run, Some(&ev))?;
        }
        let mut errors = Vec::new();
        if !self.defer_runtime_delete && self.paths.runroot.join("runtime").join(&c.id).exists() {
            if let Err(e) = runtime.delete(&c.id, true) {
                errors.push(e.to_string());
            }
        }
        if let Err(e) = self.teardown_network(&c, &cfg) {
            errors.push(e.to_string());
        }
        // `hutch mount` keeps the root filesystem mounted after the container exits.
        if super::rootfs::user_mounts(&dirs) == 0 {
            if let Err(e) = self.unmount_rootfs(&dirs) {
                errors.push(e.to_string());
            }
        }
        errors.extend(super::mounts::teardown(
            &self.db,
            &self.paths,
            &c,
            &cfg,
            &dirs,
        ));
        if let Err(e) = remove_dir_if_exists(&dirs.run) {
            errors.push(e.to_string());
        }
        if c.rm {
            return self.remove_files_and_row(&c);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(EngineError::Other(format!(
                "container {}: cleanup: {}",
                c.id,
                errors.join("; ")
            )))
        }
    }

    /// Removes a container. A running one needs `force` (then it is killed, or stopped with
    /// `timeout` when given).
    pub fn remove(&mut self, c: &Container, force: bool, timeout: Option<u32>) -> Result<()> {
        let obs = observe(&self.paths, c);
        if is_active(&c.run.state) && !obs.needs_cleanup {
            if !force {
                return Err(ContainerError::BadState {
                    name: c.id.clone(),
                    state: c.run.state.clone(),
                    reason: "running or paused containers cannot be removed without force (rm -f)"
                        .into(),
                }
                .into());
            }
            // As podman: the stop signal and the timeout (-t, else the container's) first.
            self.stop(c, timeout)?;
        } else if obs.needs_cleanup {
            // Records the exit (and the died event) before the row goes; teardown errors are
            // retried below.
            let _ = self.cleanup_locked(c);
        }
        self.remove_files_and_row(c)
    }

    fn remove_files_and_row(&mut self, c: &Container) -> Result<()> {
        let dirs = self.dirs(&c.id);
        let cfg = config_of(c).ok();
        let mut errors = Vec::new();
        if let Some(cfg) = cfg.as_ref().filter(|_| !self.defer_runtime_delete) {
            if self.paths.runroot.join("runtime").join(&c.id).exists() {
                if let Err(e) = self.runtime(cfg).delete(&c.id, true) {
                    errors.push(e.to_string());
                }
            }
        }
        // The network goes with the row even when `runtime delete` is left to the exit
        // command: that finds no row and has nothing to tear the network down from.
        if let Some(cfg) = &cfg {
            if let Err(e) = self.teardown_network(c, cfg) {
                errors.push(e.to_string());
            }
        }
        if let Err(e) = self.unmount_rootfs(&dirs) {
            errors.push(e.to_string());
        }
        if let Some(cfg) = &cfg {
            errors.extend(super::mounts::teardown(
                &self.db,
                &self.paths,
                c,
                cfg,
                &dirs,
            ));
        }
        if let Err(e) = remove_dir_if_exists(&dirs.run) {
            errors.push(e.to_string());
        }
        if let Err(e) = trash(&self.paths, &dirs, &c.id) {
            errors.push(e.to_string());
        }
        if !errors.is_empty() {
            // Keep the row so `rm` can be retried; say everything that failed.
            return Err(EngineError::Other(format!(
                "removing container {}: {}",
                c.id,
                errors.join("; ")
            )));
        }
        let ev = event("container", "remove", c, serde_json::json!({}));
        self.db.delete_container(&c.id, Some(&ev))?;
        if !self.defer_runtime_delete {
            empty_trash(&self.paths, Some(&c.id), Duration::ZERO);
        }
        // `--rm` takes the container's anonymous volumes with it, as podman does.
        if c.rm {
            if let Some(cfg) = &cfg {
                self.remove_anonymous_volumes(cfg);
            }
        }
        Ok(())
    }

    /// Deletes the runtime's state and the trashed directory of container `id` when nothing
    /// else refers to them any more (its monitor's exit command, after the container was
    /// removed): with `runtime`, else the default one.
    pub fn delete_orphan_runtime_state(&self, id: &str, runtime: Option<&str>) -> Result<()> {
        if !super::is_hex(id) {
            return Ok(());
        }
        empty_trash(&self.paths, Some(id), Duration::ZERO);
        if !self.paths.runroot.join("runtime").join(id).exists() {
            return Ok(());
        }
        let path = super::runtime::choose(runtime, &self.paths)?;
        CliRuntime::new(path, &self.paths).delete(id, true)?;
        Ok(())
    }

    /// Removes the anonymous volumes of a removed container that no other container uses
    /// (`rm -v`); failures are logged, as the container itself is gone.
    pub fn remove_anonymous_volumes(&mut self, cfg: &ContainerConfig) {
        let names = super::mounts::anonymous_volumes(cfg);
        super::mounts::remove_volumes(&mut self.db, &self.paths, &names);
    }

    /// Cleans up every container whose stored state is stale (monitor dead, exit file left
    /// behind). Containers another process has locked are left to it.
    pub fn reconcile(&mut self) -> Result<()> {
        for c in self.db.active_containers()? {
            if !observe(&self.paths, &c).needs_cleanup {
                continue;
            }
            let dir = self.paths.runroot.join("locks");
            let _ = std::fs::create_dir_all(&dir);
            let Some(_lock) =
                hutch_sys::lock::FileLock::try_exclusive(&dir.join(format!("{}.lock", c.id)))?
            else {
                continue;
            };
            if let Err(e) = self.cleanup_locked(&c) {
                tracing::warn!("container {}: {e}", c.name);
            }
        }
        // Directories of removed containers whose monitor died before deleting them.
        empty_trash(&self.paths, None, Duration::from_secs(60));
        // User-network attachments of containers that are gone without a cleanup.
        if let Err(e) = crate::networks::reconcile(&self.paths, &self.db) {
            tracing::warn!("user networks: {e}");
        }
        Ok(())
    }

    /// Waits until the container is no longer running and returns its exit code. Needs no
    /// lock: it watches the exit file and the monitor.
    pub fn wait_exit(&self, c: &Container, timeout: Option<Duration>) -> Result<Option<i64>> {
        let dirs = self.dirs(&c.id);
        let timeout = timeout.unwrap_or(Duration::from_secs(u64::MAX / 4));
        let mut code = None;
        poll_until(timeout, || {
            if let Some((c, _)) = read_exit_file(&dirs) {
                code = Some(c);
                return true;
            }
            match self.db.container(&c.id) {
                Ok(Some(now)) => {
                    if !is_active(&now.run.state) {
                        code = now.run.exit_code;
                        return true;
                    }
                    if !monitor_alive(&now) {
                        code = Some(read_exit_file(&dirs).map(|x| x.0).unwrap_or(-1));
                        return true;
                    }
                    false
                }
                Ok(None) => true,
                Err(_) => false,
            }
        });
        Ok(code)
    }
}

fn crate_error_line(e: &EngineError) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(root: &Path) -> Paths {
        Paths {
            graphroot: root.join("graph"),
            runroot: root.join("run"),
            config_home: root.join("config"),
            xdg_runtime_dir: None,
            home: root.to_path_buf(),
            uid: 1000,
            gid: 1000,
            storage_driver: None,
            runtime_dir_warning: None,
        }
    }

    #[test]
    fn trash_moves_aside_and_empties_by_id_or_age() {
        let tmp = tempfile::tempdir().unwrap();
        let p = paths(tmp.path());
        let (a, b) = ("a".repeat(64), "b".repeat(64));
        for id in [&a, &b] {
            let dirs = Dirs::new(&p, id);
            std::fs::create_dir_all(dirs.upper.join("etc")).unwrap();
            std::fs::write(dirs.upper.join("etc/file"), "x").unwrap();
            trash(&p, &dirs, id).unwrap();
            assert!(
                !dirs.graph.exists(),
                "{} still in place",
                dirs.graph.display()
            );
            assert!(trash_dir(&p).join(id).join("upper/etc/file").exists());
            // Trashing what is already gone is no error.
            trash(&p, &dirs, id).unwrap();
        }
        // Young entries stay for their monitor's exit command...
        empty_trash(&p, None, Duration::from_secs(60));
        assert!(trash_dir(&p).join(&a).exists() && trash_dir(&p).join(&b).exists());
        // ...which deletes its own container's...
        empty_trash(&p, Some(&a), Duration::ZERO);
        assert!(!trash_dir(&p).join(&a).exists() && trash_dir(&p).join(&b).exists());
        // ...and anything old enough goes with any command.
        empty_trash(&p, None, Duration::ZERO);
        assert_eq!(std::fs::read_dir(trash_dir(&p)).unwrap().count(), 0);
    }
}
