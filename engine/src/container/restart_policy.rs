//! Restart policies (`--restart no|always|on-failure[:N]|unless-stopped`, Docker's semantics),
//! without a daemon: when a container exits, its monitor's exit command (`container cleanup`)
//! records the exit, and if the policy says so, waits Docker's back-off (100 ms, doubling, reset
//! after 10 s of running) and starts it again. A `stop` or `kill` by the user ends the policy
//! until the next start (a marker beside the container's config), as Docker's does.

use super::create_spec::{parse_restart, RestartPolicy};
use super::lifecycle::{event, Containers, EXITED};
use super::Dirs;
use crate::{Engine, Result};
use hutch_state::Container;
use std::time::Duration;

const STOPPED_BY_USER: &str = "stopped-by-user";
/// The start time of the run whose exit the policy has acted on.
const HANDLED: &str = "restart-handled";
/// The last back-off delay, in milliseconds.
const BACKOFF: &str = "restart-backoff-ms";
const FIRST_DELAY: Duration = Duration::from_millis(100);
const MAX_DELAY: Duration = Duration::from_secs(60);
/// A container that ran this long starts its back-off over.
const RESET_AFTER: Duration = Duration::from_secs(10);

/// Records that the user stopped or killed the container: its policy does not restart it.
pub(super) fn mark_stopped_by_user(dirs: &Dirs) {
    let _ = std::fs::write(dirs.userdata.join(STOPPED_BY_USER), b"");
}

/// A start (by the user or the policy) puts the policy back in force.
pub(super) fn clear_stopped_by_user(dirs: &Dirs) {
    let _ = std::fs::remove_file(dirs.userdata.join(STOPPED_BY_USER));
}

/// Whether `c`'s restart policy may ever start it again after an exit (the monitor's exit
/// command applies it).
pub(crate) fn may_restart(c: &Container) -> bool {
    !matches!(
        parse_restart(&c.restart_policy),
        Ok(None | Some(RestartPolicy::No))
    )
}

/// Whether a container that just exited with `code` is to be restarted by its policy.
pub fn wants_restart(
    policy: Option<RestartPolicy>,
    code: i64,
    restarts: i64,
    by_user: bool,
) -> bool {
    if by_user {
        return false;
    }
    match policy {
        None | Some(RestartPolicy::No) => false,
        Some(RestartPolicy::Always | RestartPolicy::UnlessStopped) => true,
        Some(RestartPolicy::OnFailure { max_retries }) => {
            code != 0 && (max_retries == 0 || restarts < i64::from(max_retries))
        }
    }
}

/// The delay before the next restart: doubling from 100 ms, back to 100 ms after a run of
/// 10 s or more, at most a minute.
pub fn next_delay(last: Option<Duration>, ran: Duration) -> Duration {
    match last {
        Some(d) if ran < RESET_AFTER => (d * 2).min(MAX_DELAY),
        _ => FIRST_DELAY,
    }
}

impl Containers {
    /// After container `now` exited: the delay after which its policy restarts it, or None.
    /// Acts once per run (the run's start time is remembered) and remembers the delay for the
    /// next back-off.
    pub(crate) fn policy_restart_delay(&self, now: &Container) -> Option<Duration> {
        if now.rm || now.run.state != EXITED {
            return None;
        }
        let dirs = self.dirs(&now.id);
        let run = now
            .run
            .started_at
            .map(|t| t.timestamp_nanos_opt().unwrap_or(0).to_string())
            .unwrap_or_default();
        let handled = dirs.userdata.join(HANDLED);
        if std::fs::read_to_string(&handled).is_ok_and(|h| h == run) {
            return None;
        }
        let _ = std::fs::write(&handled, &run);
        let by_user = dirs.userdata.join(STOPPED_BY_USER).exists();
        let policy = parse_restart(&now.restart_policy).ok().flatten();
        let code = now.run.exit_code.unwrap_or(-1);
        if !wants_restart(policy, code, now.run.restart_count, by_user) {
            return None;
        }
        let ran = match (now.run.started_at, now.run.finished_at) {
            (Some(s), Some(f)) => (f - s).to_std().unwrap_or_default(),
            _ => Duration::ZERO,
        };
        let path = dirs.userdata.join(BACKOFF);
        let last = std::fs::read_to_string(&path)
            .ok()
            .and_then(|s| s.trim().parse::<u64>().ok())
            .map(Duration::from_millis);
        let delay = next_delay(last, ran);
        let _ = std::fs::write(&path, delay.as_millis().to_string());
        Some(delay)
    }
}

impl Engine {
    /// Starts container `id` again for its restart policy, unless the user stopped, started or
    /// removed it meanwhile; counts the restart and records a `restart` event.
    pub(crate) fn restart_by_policy(&self, id: &str) -> Result<()> {
        let Some(c) = self.containers().reload(id)? else {
            return Ok(());
        };
        self.with_locked(&c, |ops| {
            let Some(c) = ops.reload(id)? else {
                return Ok(());
            };
            let dirs = ops.dirs(id);
            if c.run.state != EXITED || dirs.userdata.join(STOPPED_BY_USER).exists() {
                return Ok(());
            }
            let mut c = ops.start(&c)?;
            c.run.restart_count += 1;
            let ev = event("container", "restart", &c, serde_json::json!({}));
            ops.db.set_run_state(&c.id, &c.run, Some(&ev))?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policies_follow_docker() {
        let p = |s: &str| parse_restart(s).unwrap();
        assert!(!wants_restart(p(""), 1, 0, false));
        assert!(!wants_restart(p("no"), 1, 0, false));
        assert!(wants_restart(p("always"), 0, 5, false));
        assert!(!wants_restart(p("always"), 0, 0, true));
        assert!(wants_restart(p("unless-stopped"), 0, 0, false));
        assert!(!wants_restart(p("unless-stopped"), 1, 0, true));
        assert!(!wants_restart(p("on-failure"), 0, 0, false));
        assert!(wants_restart(p("on-failure"), 2, 100, false));
        assert!(wants_restart(p("on-failure:2"), 1, 1, false));
        assert!(!wants_restart(p("on-failure:2"), 1, 2, false));
    }

    #[test]
    fn back_off_doubles_and_resets() {
        let ms = Duration::from_millis;
        assert_eq!(next_delay(None, ms(0)), ms(100));
        assert_eq!(next_delay(Some(ms(100)), ms(50)), ms(200));
        assert_eq!(next_delay(Some(ms(400)), ms(9_000)), ms(800));
        assert_eq!(next_delay(Some(ms(800)), ms(10_000)), ms(100));
        assert_eq!(next_delay(Some(ms(50_000)), ms(0)), Duration::from_secs(60));
    }
}
