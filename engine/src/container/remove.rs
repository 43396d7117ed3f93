//! `remove`: the container's files, runtime state, network and row; and what only the exit
//! command of a removed container can still delete.

use super::config::ContainerConfig;
use super::config_of;
use super::lifecycle::{event, is_active, observe, remove_dir_if_exists, Containers};
use super::runtime::CliRuntime;
use super::runtime::OciRuntime;
use super::trash::{empty_trash, trash};
use super::ContainerError;
use crate::error::Failures;
use crate::EngineError;
use crate::Result;
use hutch_state::{Container, NewEvent, RunState};
use std::time::Duration;

impl Containers {
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
        self.remove_files_and_row(c, None)
    }

    /// Tears down everything a container has, then deletes its row with a `remove` event.
    /// `died` is the exit of a `--rm` container being cleaned up, recorded in the same
    /// transaction as its removal (one write instead of two); if the teardown fails it is
    /// recorded on its own, so the exit is never lost and `rm` can be retried.
    pub(super) fn remove_files_and_row(
        &mut self,
        c: &Container,
        died: Option<(RunState, NewEvent)>,
    ) -> Result<()> {
        let dirs = self.dirs(&c.id);
        let cfg = config_of(c).ok();
        let mut errors = Vec::new();
        if let Some(cfg) = cfg.as_ref().filter(|_| !self.defer_runtime_delete) {
            if self.paths.runroot.join("runtime").join(&c.id).exists() {
                if let Err(e) = self.oci(cfg).delete(&c.id, true) {
                    errors.push(e.into());
                }
            }
        }
        // The network goes with the row even when `runtime delete` is left to the exit
        // command: that finds no row and has nothing to tear the network down from.
        if let Some(cfg) = &cfg {
            if let Err(e) = self.teardown_network(c, cfg) {
                errors.push(e);
            }
        }
        if let Err(e) = self.unmount_rootfs(&dirs) {
            errors.push(e);
        }
        if let Some(cfg) = &cfg {
            let failed = super::mounts::teardown(&self.db, &self.paths, c, cfg, &dirs);
            errors.extend(failed);
        }
        if let Err(e) = remove_dir_if_exists(&dirs.run) {
            errors.push(e);
        }
        if let Err(e) = trash(&self.paths, &dirs, &c.id) {
            errors.push(e);
        }
        // Keep the row so `rm` can be retried; say everything that failed.
        if !errors.is_empty() {
            if let Some((run, ev)) = &died {
                self.db.set_run_state(&c.id, run, Some(ev))?;
            }
        }
        Failures(errors).into_result(|errors| EngineError::RemoveFailed {
            id: c.id.clone(),
            errors,
        })?;
        let removed = event("container", "remove", c, serde_json::json!({}));
        let events = match died {
            Some((_, died)) => vec![died, removed],
            None => vec![removed],
        };
        self.db.delete_container_events(&c.id, &events)?;
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
    pub fn remove_anonymous_volumes(&self, cfg: &ContainerConfig) {
        let names = super::mounts::anonymous_volumes(cfg);
        super::mounts::remove_volumes(&self.db, &self.paths, &names);
    }
}
