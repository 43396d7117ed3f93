//! Listing containers (`ps`, `GET /containers/json`): which containers a query selects, and
//! the status line both front ends show ("Up 3 seconds", "Exited (0) 2 seconds ago").

use super::lifecycle::{observe, Observed, EXITED, PAUSED, RUNNING, STOPPED};
use crate::filters::{self, Filters};
use crate::{Engine, Result};
use chrono::{DateTime, Utc};
use hutch_state::Container;

/// Which containers a listing shows.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    /// Also those that are not running.
    pub all: bool,
    /// At most this many, newest first.
    pub limit: Option<usize>,
    pub filters: Filters,
}

impl Engine {
    /// Every container, newest first, with its state as observed; containers whose stored state
    /// is stale (monitor gone) are cleaned up first.
    pub fn observed_containers(&self) -> Result<Vec<(Container, Observed)>> {
        let mut list = self.db().containers()?;
        if list.iter().any(|c| observe(self.paths(), c).needs_cleanup) {
            self.reconcile()?;
            list = self.db().containers()?;
        }
        Ok(list
            .into_iter()
            .map(|c| {
                let obs = observe(self.paths(), &c);
                (c, obs)
            })
            .collect())
    }
}

/// The containers of `list` (newest first) that `q` selects, in order.
pub fn select<'a>(
    list: &'a [Container],
    observed: &'a [Observed],
    q: &ListQuery,
) -> Vec<(&'a Container, &'a Observed)> {
    let mut out = Vec::new();
    for (c, obs) in list.iter().zip(observed) {
        if !q.all && obs.state != RUNNING && obs.state != PAUSED {
            continue;
        }
        if !filters::container_matches(&q.filters, c, obs, list) {
            continue;
        }
        if q.limit.is_some_and(|n| out.len() >= n) {
            break;
        }
        out.push((c, obs));
    }
    out
}

/// The status column: `Up 3 seconds`, `Exited (0) 2 seconds ago`, `Paused`, `Created`.
pub fn status_text(obs: &Observed, started: Option<DateTime<Utc>>, now: DateTime<Utc>) -> String {
    match obs.state.as_str() {
        RUNNING => format!(
            "Up {}{}",
            human_duration((now - started.unwrap_or(now)).num_milliseconds().max(0)),
            obs.health
                .as_deref()
                .map(|h| format!(" ({h})"))
                .unwrap_or_default()
        ),
        PAUSED => "Paused".into(),
        EXITED | STOPPED => format!(
            "Exited ({}) {}",
            obs.exit_code.unwrap_or(0),
            ago(obs.finished_at.unwrap_or(now), now)
        ),
        _ => "Created".into(),
    }
}

/// How long ago `t` was, as podman says it: `2 weeks ago`, `About an hour ago`.
pub fn ago(t: DateTime<Utc>, now: DateTime<Utc>) -> String {
    format!(
        "{} ago",
        human_duration((now - t).num_milliseconds().max(0))
    )
}

/// The wording podman (docker's go-units) uses for a duration given in milliseconds.
pub fn human_duration(millis: i64) -> String {
    let seconds = millis / 1000;
    let minutes = seconds / 60;
    // Hours are rounded; everything after is derived from the rounded hours.
    let hours = (millis as f64 / 3_600_000.0 + 0.5) as i64;
    if seconds < 1 {
        "Less than a second".into()
    } else if seconds == 1 {
        "1 second".into()
    } else if seconds < 60 {
        format!("{seconds} seconds")
    } else if minutes == 1 {
        "About a minute".into()
    } else if minutes < 60 {
        format!("{minutes} minutes")
    } else if hours == 1 {
        "About an hour".into()
    } else if hours < 48 {
        format!("{hours} hours")
    } else if hours < 24 * 7 * 2 {
        format!("{} days", hours / 24)
    } else if hours < 24 * 30 * 2 {
        format!("{} weeks", hours / 24 / 7)
    } else if hours < 24 * 365 * 2 {
        format!("{} months", hours / 24 / 30)
    } else {
        format!("{} years", millis / 3_600_000 / 24 / 365)
    }
}
