//! `create`: a new container is a database row only ("configured", as in podman): nothing
//! is mounted or started, which keeps `hutch create` cheap.

use super::config;
use super::lifecycle::{event, Containers, CONFIGURED};
use super::names;
use super::ContainerError;
use super::ContainerSpec;
use crate::EngineError;
use crate::Result;
use chrono::Utc;
use hutch_network::NetworkMode;
use hutch_state::Container;
use hutch_state::RunState;
use hutch_state::StateError;

impl Containers {
    /// Records a new container (state "configured"): nothing is mounted or started yet, which
    /// keeps `create` cheap. `image_name` is the name the image was asked for.
    pub fn create(
        &mut self,
        image: &hutch_state::Image,
        image_name: &str,
        opts: &ContainerSpec,
        runtime: Option<&str>,
        pod: Option<&crate::pods::PodMember>,
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
        let default_mode = if opts.network.is_none() {
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
        cfg.pod = pod.cloned();
        crate::secrets::resolve_uses(&self.paths, &mut cfg.secrets)?;
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
        if let Some(n) = cfg.ipc.strip_prefix("container:") {
            let other = super::lookup(&self.db, n)?;
            cfg.ipc = format!("container:{}", other.id);
        }
        if let NetworkMode::Networks { networks } = &mut cfg.network {
            // As podman: an unknown network fails at create; stored by name as resolved.
            let store = crate::networks::store(&self.paths);
            for n in networks.iter_mut() {
                n.name = store.get(&n.name)?.name;
            }
        }
        let anonymous =
            super::mounts::prepare(&self.db, &self.paths, &mut cfg, &opts.volumes_from)?;
        if !opts.resources.flags().is_empty() && self.paths.rootless() {
            let cg = crate::host::cgroups(self.paths.uid);
            if !cg.limits_available {
                super::config::warn_unapplied_limits(opts, &cg.limits_reason.unwrap_or_default());
            }
        }
        // Fixed here so that the default mounts' copies can live in the container's directory.
        let id = names::random_id();
        let copies = self.default_mounts(&id, &mut cfg)?;
        let encode = |what: &'static str| {
            move |source| EngineError::Encode {
                what: format!("the {what} of a new container of image {}", image.id),
                source,
            }
        };
        let spec = serde_json::to_string(&cfg).map_err(encode("configuration"))?;
        let labels = serde_json::to_string(&labels).map_err(encode("labels"))?;
        let mut attempt = 0;
        loop {
            let name = opts.name.clone().unwrap_or_else(names::random_name);
            let c = Container {
                id: id.clone(),
                name,
                image_id: image.id.clone(),
                image_name: image_name.to_string(),
                created: Utc::now(),
                run: RunState {
                    state: CONFIGURED.into(),
                    ..Default::default()
                },
                spec: spec.clone(),
                restart_policy: super::config::restart_policy(opts),
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
                    super::mounts::remove_volumes(&self.db, &self.paths, &anonymous);
                    if let Some(dir) = &copies {
                        let _ = std::fs::remove_dir_all(dir);
                    }
                    return Err(e.into());
                }
            }
        }
    }
}

impl Containers {
    /// `--default-mounts-file`: each existing source is copied into the new container's
    /// directory (`userdata/run/DESTINATION`, as podman) and that copy bound at its
    /// destination, unless the container mounts something there itself. Returns the
    /// container's directory, for the caller to remove if the container is not recorded.
    fn default_mounts(
        &self,
        id: &str,
        cfg: &mut super::ContainerConfig,
    ) -> Result<Option<std::path::PathBuf>> {
        let Some(file) = &self.paths.settings.default_mounts_file else {
            return Ok(None);
        };
        let wanted = super::podman_opts::default_mounts(file)?;
        if wanted.is_empty() {
            return Ok(None);
        }
        let dirs = super::Dirs::new(&self.paths, id);
        let base = dirs.userdata.join("run");
        for (src, dst) in wanted {
            let norm = super::mount_spec::normalize(&dst);
            if cfg
                .mounts
                .iter()
                .any(|m| super::mount_spec::normalize(&m.destination) == norm)
            {
                continue;
            }
            let copy = base.join(norm.trim_start_matches('/'));
            if let Err(e) = super::podman_opts::copy_default_mount(&src, &copy) {
                let _ = std::fs::remove_dir_all(&dirs.graph);
                return Err(ContainerError::io(&src, e).into());
            }
            cfg.mounts.push(super::mounts::MountSpec {
                kind: "bind".into(),
                source: copy.display().to_string(),
                destination: dst,
                ..Default::default()
            });
        }
        Ok(Some(dirs.graph))
    }
}
