//! The event log (`hutch events`): image events are recorded here, container events by the
//! container lifecycle in the same transaction as the change they describe; `follow` reads
//! the log, filtered, and keeps following it as other hutch processes add to it.

use crate::filters::{self, Filters};
use chrono::{DateTime, Utc};
use hutch_state::{Db, Event, NewEvent};
use serde_json::Value;
use std::ops::ControlFlow;
use std::time::Duration;

/// Records an image event; a failure is logged, never fatal to the operation it describes.
pub fn image(db: &Db, action: &str, id: &str, name: &str) {
    let ev = NewEvent {
        kind: "image".into(),
        action: action.into(),
        id: id.into(),
        name: name.into(),
        attributes: serde_json::json!({"name": name}).to_string(),
    };
    if let Err(e) = db.add_event(&ev) {
        tracing::warn!("image {id}: recording the {action} event: {e}");
    }
}

/// Records a network event (`create`, `remove`, `connect`, `disconnect`; the last two name
/// the container); a failure is logged, never fatal to the operation it describes.
pub fn network(db: &Db, action: &str, id: &str, name: &str, container: Option<&str>) {
    let mut attributes = serde_json::json!({"name": name, "type": "bridge"});
    if let Some(c) = container {
        attributes["container"] = Value::String(c.to_string());
    }
    let ev = NewEvent {
        kind: "network".into(),
        action: action.into(),
        id: id.into(),
        name: name.into(),
        attributes: attributes.to_string(),
    };
    if let Err(e) = db.add_event(&ev) {
        tracing::warn!("network {name}: recording the {action} event: {e}");
    }
}

/// Which events `follow` delivers.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    /// `events --filter` items (`filters::events`).
    pub filters: Filters,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    /// Keep following new events; None means: unless `until` is given (podman's default).
    pub stream: Option<bool>,
}

/// How often `follow` looks for new events: a cheap indexed query.
const POLL: Duration = Duration::from_millis(100);

/// Hands the matching events, oldest first, with their attributes, to `sink`; with streaming,
/// goes on with new ones until `until` passes or `sink` breaks.
pub fn follow<E: From<hutch_state::StateError>>(
    db: &Db,
    q: &EventQuery,
    sink: impl FnMut(&Event, &Value) -> Result<ControlFlow<()>, E>,
) -> Result<(), E> {
    follow_while(db, q, || true, sink)
}

/// [`follow`] that also stops, between polls, once `alive` says the reader is gone: a
/// streaming reader that goes away while no event comes must not leave the loop behind.
pub fn follow_while<E: From<hutch_state::StateError>>(
    db: &Db,
    q: &EventQuery,
    mut alive: impl FnMut() -> bool,
    mut sink: impl FnMut(&Event, &Value) -> Result<ControlFlow<()>, E>,
) -> Result<(), E> {
    let stream = q.stream.unwrap_or(q.until.is_none());
    let mut after = 0i64;
    loop {
        if !alive() {
            return Ok(());
        }
        for ev in db.events(after)? {
            after = ev.seq;
            if q.since.is_some_and(|s| ev.time < s) || q.until.is_some_and(|u| ev.time > u) {
                continue;
            }
            let attrs: Value = serde_json::from_str(&ev.attributes)
                .unwrap_or_else(|_| Value::Object(Default::default()));
            if !filters::event_matches(&q.filters, &ev, &attrs) {
                continue;
            }
            if sink(&ev, &attrs)?.is_break() {
                return Ok(());
            }
        }
        if !stream || q.until.is_some_and(|u| Utc::now() > u) {
            return Ok(());
        }
        std::thread::sleep(POLL);
    }
}
