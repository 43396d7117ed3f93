//! `stop`: the stop signal, the timeout, then SIGKILL; then cleanup.

use super::config;
use super::config_of;
use super::exit_file::read_exit_file;
use super::lifecycle::{event, is_active, observe, poll_until, Containers, PAUSED};
use super::monitor::monitor_alive;
use super::ContainerError;
use crate::Result;
use hutch_state::Container;
use std::time::Duration;

impl Containers {
    /// Sends the stop signal, waits `timeout` seconds, then SIGKILL; then cleans up. A
    /// container that is not running is left as it is.
    pub fn stop(&mut self, c: &Container, timeout: Option<u32>) -> Result<()> {
        self.stop_with(c, timeout, None)
    }

    /// `stop` with `signal` instead of the container's stop signal (Docker's `stop?signal=`).
    pub fn stop_with(
        &mut self,
        c: &Container,
        timeout: Option<u32>,
        signal: Option<i32>,
    ) -> Result<()> {
        let cfg = config_of(c)?;
        let stop_signal = signal.unwrap_or(cfg.stop_signal);
        // First, whatever its state: the policy must not restart it (also not one that is
        // waiting out its back-off between two runs).
        super::restart_policy::mark_stopped_by_user(&self.dirs(&c.id));
        let obs = observe(&self.paths, c);
        if obs.needs_cleanup || !is_active(&c.run.state) {
            if obs.needs_cleanup {
                self.cleanup_locked(c)?;
            }
            return Ok(());
        }
        let runtime = self.oci(&cfg);
        let dirs = self.dirs(&c.id);
        let timeout = Duration::from_secs(u64::from(timeout.unwrap_or(cfg.stop_timeout)));
        let exited = || read_exit_file(&dirs).is_some() || !monitor_alive(c);
        // Stopped by SIGSTOP, its processes act on the stop signal only once continued: send
        // it, then SIGCONT, as Docker does for a paused container. The freezer is thawed first.
        let by_signals = c.run.state == PAUSED && super::pause::paused_by_signals(&dirs);
        if c.run.state == PAUSED && !by_signals {
            let _ = runtime.resume(&c.id);
        }
        let mut done = false;
        if !timeout.is_zero() {
            if let Err(e) = runtime.kill(&c.id, stop_signal, false) {
                tracing::debug!("container {}: stop signal: {e}", c.id);
            }
            if by_signals {
                super::pause::continue_processes(c, &dirs);
            }
            done = poll_until(timeout, exited);
        }
        if !done && !timeout.is_zero() {
            tracing::warn!(
                "StopSignal {} failed to stop container {} in {} seconds, resorting to SIGKILL",
                config::signal_name(stop_signal),
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
            if by_signals {
                super::pause::continue_processes(c, &dirs);
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
}
