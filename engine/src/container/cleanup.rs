//! `cleanup`: after a container's process is gone, record its exit and tear down what it used.

use super::config_of;
use super::exit_file::read_exit_file;
use super::lifecycle::{event, is_active, remove_dir_if_exists, Containers, EXITED};
use super::monitor::monitor_alive;
use crate::error::Failures;
use crate::EngineError;
use crate::Result;
use chrono::Utc;
use hutch_state::Container;
use hutch_state::RunState;

impl Containers {
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
        let runtime = self.oci(&cfg);
        let mut died = None;
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
            died = Some((run, ev));
        }
        // A `--rm` container goes whole: removal tears down everything below itself, and
        // records its exit with its removal.
        if c.rm {
            return self.remove_files_and_row(&c, died);
        }
        if let Some((run, ev)) = &died {
            self.db.set_run_state(&c.id, run, Some(ev))?;
        }
        let mut errors = Vec::new();
        if !self.defer_runtime_delete && self.paths.runroot.join("runtime").join(&c.id).exists() {
            if let Err(e) = runtime.delete(&c.id, true) {
                errors.push(e.into());
            }
        }
        if let Err(e) = self.teardown_network(&c, &cfg) {
            errors.push(e);
        }
        // `hutch mount` keeps the root filesystem mounted after the container exits.
        if super::rootfs::user_mounts(&dirs) == 0 {
            if let Err(e) = self.unmount_rootfs(&dirs) {
                errors.push(e);
            }
        }
        let failed = super::mounts::teardown(&self.db, &self.paths, &c, &cfg, &dirs);
        errors.extend(failed);
        if let Err(e) = remove_dir_if_exists(&dirs.run) {
            errors.push(e);
        }
        Failures(errors).into_result(|errors| EngineError::CleanupFailed {
            id: c.id.clone(),
            errors,
        })
    }
}
