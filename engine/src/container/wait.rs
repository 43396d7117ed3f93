//! `wait`: until a container is no longer running, or (Docker's conditions) exits next or is
//! removed; the exit code of one removed meanwhile comes from its `died` event.

use super::exit_file::read_exit_file;
use super::lifecycle::{is_active, poll_until, Containers};
use super::lifecycle::{observe, CREATED, PAUSED, RUNNING};
use super::monitor::monitor_alive;
use super::ContainerError;
use crate::{Engine, Result};
use hutch_state::{Container, Db};
use std::time::Duration;

impl Containers {
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

/// What `POST /containers/{id}/wait` waits for (Docker's `condition`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WaitCondition {
    /// Until it is not running (at once for one that is not).
    #[default]
    NotRunning,
    /// Until it next exits: one that is not running must start and exit first.
    NextExit,
    /// Until it is removed (an `AutoRemove` container, or a later `rm`).
    Removed,
}

impl std::str::FromStr for WaitCondition {
    type Err = ContainerError;

    fn from_str(s: &str) -> Result<Self, ContainerError> {
        match s {
            "" | "not-running" => Ok(WaitCondition::NotRunning),
            "next-exit" => Ok(WaitCondition::NextExit),
            "removed" => Ok(WaitCondition::Removed),
            other => Err(ContainerError::InvalidFlag {
                flag: "condition",
                value: other.to_string(),
                reason: "expected not-running, next-exit or removed".into(),
            }),
        }
    }
}

/// The exit code of container `id` once its row is gone: from the `died` event its cleanup
/// recorded (the stored code went with the row of a `--rm` container).
pub(crate) fn exit_code_of_removed(db: &Db, id: &str) -> crate::Result<Option<i64>> {
    let Some(ev) = db.last_event(id, "died")? else {
        return Ok(None);
    };
    let attrs: serde_json::Value = serde_json::from_str(&ev.attributes).unwrap_or_default();
    Ok(attrs.get("containerExitCode").and_then(|v| v.as_i64()))
}

impl Engine {
    /// Waits for `condition` on container `c` (looked up by the caller, so that a missing
    /// container fails before anything is answered) and returns its exit code, -1 when
    /// unknown; None once `cancelled` says the caller went away. Takes no lock. A container
    /// removed meanwhile (`--rm`) still reports the code its cleanup recorded.
    pub fn wait_condition(
        &self,
        c: &Container,
        condition: WaitCondition,
        cancelled: &dyn Fn() -> bool,
    ) -> crate::Result<Option<i64>> {
        let ops = self.containers();
        let mut seen_running = false;
        let mut pause = Duration::from_millis(2);
        loop {
            if cancelled() {
                return Ok(None);
            }
            let Some(now) = ops.reload(&c.id)? else {
                return Ok(Some(exit_code_of_removed(self.db(), &c.id)?.unwrap_or(-1)));
            };
            let obs = observe(self.paths(), &now);
            // `created` is hutch's moment between the monitor's start and the process's.
            let running = matches!(obs.state.as_str(), RUNNING | PAUSED | CREATED);
            seen_running |= running;
            // For `next-exit`: a run that began after the wait did has ended.
            let ran = seen_running || now.run.started_at != c.run.started_at;
            let code = obs.exit_code.unwrap_or(0);
            match condition {
                WaitCondition::NotRunning if !running => return Ok(Some(code)),
                WaitCondition::NextExit if !running && ran && obs.finished_at.is_some() => {
                    return Ok(Some(code))
                }
                _ => {}
            }
            // Short containers are seen ending at once; long ones cost a look per 100 ms.
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(100));
        }
    }
}
