//! `init` and bringing a container up through its monitor: mount the root filesystem, set up
//! the network, write the bundle and start the monitor, which runs `runtime create` (or
//! `run`); everything set up is undone when a step fails.

use super::config::ContainerConfig;
use super::config_of;
use super::is_mount_point;
use super::lifecycle::{
    crate_error_line, event, io, poll_until, remove_dir_if_exists, write_file, Containers,
    CONFIGURED, CREATED, RUNNING,
};
use super::monitor::monitor_alive;
use super::spec;
use super::ContainerError;
use super::Dirs;
use crate::EngineError;
use crate::Result;
use chrono::Utc;
use hutch_network::NetworkMode;
use hutch_network::Status as NetStatus;
use hutch_state::Container;
use hutch_state::RunState;
use std::path::PathBuf;
use std::time::Duration;

/// Whether the container's network is connected after `runtime create` (a keep-id container
/// owns its network namespace; see `init_inner`).
pub(super) fn late_network(c: &Container) -> bool {
    config_of(c).is_ok_and(|cfg| cfg.keep_id().is_some() && cfg.network.owns_netns())
}

/// Whether the container is brought up with `runtime create` and then `runtime start` rather
/// than in one step: when its network is connected after create (`late_network`), and when
/// its network helper is slow to get ready (pasta: some 25 ms), which the runtime's create
/// then overlaps; the container starts only once the helper is ready.
pub(super) fn create_first(c: &Container) -> bool {
    late_network(c)
        || config_of(c).is_ok_and(|cfg| matches!(cfg.network, NetworkMode::Pasta { .. }))
}

/// How the monitor brings a container up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Launch {
    /// `runtime create`: the container waits for `runtime start`.
    Create,
    /// `runtime run --detach`: it runs at once.
    Start,
    /// As `Start`, with the monitor holding the output for the client about to attach.
    StartHeld,
}

impl Containers {
    /// Mounts the root filesystem, writes the bundle and starts the monitor, which runs
    /// `runtime create`. The container is then "created": its process waits for `start`.
    /// On failure everything set up is undone and the error recorded in the row.
    pub fn init(&mut self, c: &Container) -> Result<Container> {
        self.launch(c, Launch::Create)
    }

    /// Brings a configured or exited container up through its monitor: to "created", or with
    /// `Launch::Start*` straight to "running" (one runtime process instead of two).
    pub(super) fn launch(&mut self, c: &Container, how: Launch) -> Result<Container> {
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
                let runtime = self.oci(&cfg);
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
        let layer_dirs = self.layer_dirs(c)?;
        let lowers = self.mount_lowers(c, &layer_dirs)?;
        let fresh_upper = !dirs.upper.exists();
        for d in [&dirs.upper, &dirs.work, &dirs.merged] {
            std::fs::create_dir_all(d).map_err(io(d))?;
        }
        let store = hutch_storage::LayerStore::new(&self.paths.graphroot);
        // overlay shows the upper directory's own mode and owner for `/`: give a new one the
        // image's, as containers/storage gives a container's layer its image's root. Owners
        // are read from `lowers`: a keep-id container's layers are shifted (`mount_lowers`).
        let image_root = || store.root_attrs(&layer_dirs, &lowers);
        if fresh_upper {
            if let Some(attrs) = image_root()? {
                attrs.apply(&dirs.upper).map_err(io(&dirs.upper))?;
            }
        }
        let driver = hutch_storage::mount::driver(
            &self.paths.graphroot,
            self.paths.storage_driver.as_deref(),
        )?;
        if driver == hutch_storage::mount::Driver::Vfs {
            if std::fs::read_dir(&dirs.merged).is_ok_and(|mut d| d.next().is_some()) {
                // vfs "mounts" are a copy that already holds the container's changes.
                return Ok(());
            }
            hutch_storage::mount::mount(driver, &lowers, None, &dirs.merged)?;
            // The copy's root is the top layer's; the container's own is its image's.
            if let Some(attrs) = image_root()? {
                attrs.apply(&dirs.merged).map_err(io(&dirs.merged))?;
            }
            return Ok(());
        }
        let mut lowers = lowers;
        // The runtime's mount targets come from a layer made once per image rather than
        // from copy-ups into every container's upper directory.
        match store.targets_layer(&lowers, super::spec::MOUNT_TARGETS) {
            Ok(Some(t)) => lowers.insert(0, t),
            Ok(None) => {}
            // The runtime makes them in the upper directory then, as it always could.
            Err(e) => tracing::debug!("container {}: mount targets layer: {e}", c.id),
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

    pub(super) fn init_inner(
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

        // A pod's container joins namespaces of its infra container, which must run first.
        let joined = self.pod_namespaces(cfg)?;
        let keep_id = self.keep_id(cfg)?;
        // Written first: -u may name a user only the added entries (--hostuser) have.
        let user_files = self.user_files(keep_id.as_ref(), cfg, &dirs.merged, &dirs.userdata)?;
        let user = match keep_id {
            // keep-id runs as the user's own ids unless -u says otherwise.
            Some(k) if cfg.user.is_empty() => self.keep_id_user(&k, cfg, &dirs.merged),
            _ => spec::resolve_user_with(
                &c.id,
                &dirs.merged,
                user_files
                    .iter()
                    .any(|m| m["destination"] == "/etc/passwd")
                    .then(|| dirs.userdata.join("passwd"))
                    .as_deref(),
                &cfg.user,
                &cfg.group_add,
            )?,
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
        let (net, handoff, pending) = if late_net {
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
        let mut mounts = super::mounts::setup(&self.db, &self.paths, c, cfg, dirs, &user, keep_id)?;
        mounts.extend(user_files);
        if let Some(k) = &keep_id {
            self.keep_id_own_files(k, &dirs.userdata)?;
        }
        let secrets =
            crate::secrets::materialize(&self.paths, &cfg.secrets, &dirs.run, |id, uid| {
                super::mounts::to_hutch_id(id, keep_id.map(|k| if uid { k.uid } else { k.gid }))
            })?;
        for (source, target) in secrets.binds {
            let dest = super::mounts::prepare_destination(&c.id, &dirs.merged, &target, false)?;
            mounts.push(serde_json::json!({"destination": dest, "type": "bind",
                "source": source, "options": ["rbind", "ro", "nosuid", "nodev", "noexec"]}));
        }
        // Secret variables go into the runtime's config only, never the stored one.
        let with_env;
        let cfg = if secrets.env.is_empty() {
            cfg
        } else {
            let mut c2 = cfg.clone();
            for e in secrets.env {
                super::config::set_env(&mut c2.env, e);
            }
            with_env = c2;
            &with_env
        };
        let init_binary = if cfg.init {
            crate::host::find_program("catatonit")
        } else {
            None
        };
        // `--sdnotify=container`: the monitor binds the socket in this directory, which the
        // container sees at /run/notify.
        let notify_dir = if cfg.sdnotify == "container" {
            let d = dirs.notify_dir();
            std::fs::create_dir_all(&d).map_err(|e| EngineError::io(&d, e))?;
            Some(d)
        } else {
            None
        };
        let ipcns = match cfg.ipc.strip_prefix("container:") {
            Some(id) => Some(self.joined_ipcns(c, id)?),
            None => cfg.ipc.strip_prefix("ns:").map(PathBuf::from),
        };
        let oci = spec::build(
            cfg,
            &spec::SpecInput {
                ipcns: ipcns.as_deref(),
                id: &c.id,
                rootfs: &dirs.merged,
                userdata: &dirs.userdata,
                hostname: &hostname,
                user: &user,
                init_binary,
                keep_id,
                netns: net.netns.as_deref(),
                mounts: super::spec::mounts_from_json(mounts)?,
                notify_dir,
                joined,
            },
        )?;
        write_file(
            &dirs.userdata.join("config.json"),
            &serde_json::to_string_pretty(&oci).map_err(|source| EngineError::Encode {
                what: format!("the runtime config of container {}", c.id),
                source,
            })?,
        )?;
        // A hutch killed half-way through an earlier init may have left the runtime's state
        // behind; `runtime create` would refuse the ID.
        if self.paths.runroot.join("runtime").join(&c.id).exists() {
            let _ = self.oci(cfg).delete(&c.id, true);
        }
        // A late network (keep-id) is connected between `runtime create` and `runtime start`:
        // `start` and `start_attached` launch such containers with `Launch::Create`.
        let monitor = self.spawn_monitor(c, cfg, dirs, how, handoff);
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
                return Err(ContainerError::LateNetwork { id: c.id.clone() }.into());
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
}
