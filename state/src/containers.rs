//! Containers and the event log in SQLite. The row is the container's whole record: its static
//! configuration (`spec`, our own JSON, not the OCI config) and its run state. Every write is
//! one short IMMEDIATE transaction, with the event it produces written in the same transaction.

use crate::{ts, Db, Result, StateError};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

/// One container as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Container {
    /// 64 hex characters.
    pub id: String,
    pub name: String,
    pub image_id: String,
    /// The name the user gave for the image (as resolved), or its ID.
    pub image_name: String,
    pub created: DateTime<Utc>,
    pub run: RunState,
    /// The engine's container configuration as JSON (command, env, flags...).
    pub spec: String,
    pub restart_policy: String,
    /// Labels as a JSON object.
    pub labels: String,
    /// Remove the container when it exits (`--rm`).
    pub rm: bool,
}

/// The part of a container that changes as it runs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunState {
    /// configured | created | running | paused | stopped | exited
    pub state: String,
    pub pid: i64,
    pub conmon_pid: i64,
    pub exit_code: Option<i64>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    pub restart_count: i64,
    /// Why the last start failed, if it did.
    pub error: String,
}

/// An event to record: `type` is container or image, `action` create, start, died, remove...
#[derive(Debug, Clone, Default)]
pub struct NewEvent {
    pub kind: String,
    pub action: String,
    pub id: String,
    pub name: String,
    /// A JSON object of extra attributes (image name, exit code...).
    pub attributes: String,
}

#[derive(Debug, Clone)]
pub struct Event {
    /// Increases with every event; `events(after)` continues from one.
    pub seq: i64,
    pub time: DateTime<Utc>,
    pub kind: String,
    pub action: String,
    pub id: String,
    pub name: String,
    pub attributes: String,
}

const COLUMNS: &str =
    "id, name, image_id, image_name, created, state, pid, conmon_pid, exit_code, \
     started_at, finished_at, restart_count, error, spec, restart_policy, labels, rm";

type Row = (
    (String, String, String, String, String, String),
    (i64, i64, Option<i64>, Option<String>, Option<String>, i64),
    (String, String, String, String, bool),
);

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((
        (
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ),
        (
            r.get(6)?,
            r.get(7)?,
            r.get(8)?,
            r.get(9)?,
            r.get(10)?,
            r.get(11)?,
        ),
        (r.get(12)?, r.get(13)?, r.get(14)?, r.get(15)?, r.get(16)?),
    ))
}

/// Keeps the event log bounded: once it grows past this, the oldest events go.
const EVENTS_KEPT: i64 = 10_000;

pub(crate) fn insert_event(tx: &rusqlite::Transaction<'_>, ev: &NewEvent) -> rusqlite::Result<()> {
    if !crate::events_recorded() {
        return Ok(());
    }
    let attrs = if ev.attributes.is_empty() {
        "{}"
    } else {
        &ev.attributes
    };
    let now = Utc::now();
    tx.prepare_cached(
        "INSERT INTO events (time, type, action, id, name, attributes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![ts(&now), ev.kind, ev.action, ev.id, ev.name, attrs])?;
    crate::event_log::append(&now, ev);
    let seq = tx.last_insert_rowid();
    if seq % 1000 == 0 {
        tx.execute("DELETE FROM events WHERE seq <= ?1", [seq - EVENTS_KEPT])?;
    }
    Ok(())
}

impl Db {
    fn to_container(&self, r: Row) -> Result<Container> {
        let ((id, name, image_id, image_name, created, state), a, b) = r;
        let (pid, conmon_pid, exit_code, started_at, finished_at, restart_count) = a;
        let (error, spec, restart_policy, labels, rm) = b;
        let opt_time = |col, v: Option<String>| -> Result<Option<DateTime<Utc>>> {
            v.filter(|s| !s.is_empty())
                .map(|s| self.time(col, &s))
                .transpose()
        };
        Ok(Container {
            created: self.time("containers.created", &created)?,
            run: RunState {
                state,
                pid,
                conmon_pid,
                exit_code,
                started_at: opt_time("containers.started_at", started_at)?,
                finished_at: opt_time("containers.finished_at", finished_at)?,
                restart_count,
                error,
            },
            id,
            name,
            image_id,
            image_name,
            spec,
            restart_policy,
            labels,
            rm,
        })
    }

    fn load_containers(
        &self,
        filter: &str,
        args: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<Container>> {
        let rows = self.select(
            &format!("SELECT {COLUMNS} FROM containers {filter}"),
            args,
            row,
        )?;
        rows.into_iter().map(|r| self.to_container(r)).collect()
    }

    /// Stores a new container. A name another container has is refused with `NameInUse`.
    pub fn insert_container(&self, c: &Container, event: Option<&NewEvent>) -> Result<()> {
        let path = self.path().to_path_buf();
        self.write(|tx| {
            let sqlite = |source| StateError::Sqlite {
                path: path.clone(),
                source,
            };
            let holder: Option<String> = tx
                .prepare_cached("SELECT id FROM containers WHERE name = ?1")
                .and_then(|mut st| st.query_row([&c.name], |r| r.get(0)).optional())
                .map_err(sqlite)?;
            if let Some(id) = holder {
                return Err(StateError::NameInUse {
                    name: c.name.clone(),
                    id,
                });
            }
            tx.execute(
                &format!(
                    "INSERT INTO containers ({COLUMNS}) VALUES \
                     (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"
                ),
                params![
                    c.id,
                    c.name,
                    c.image_id,
                    c.image_name,
                    ts(&c.created),
                    c.run.state,
                    c.run.pid,
                    c.run.conmon_pid,
                    c.run.exit_code,
                    c.run.started_at.as_ref().map(ts),
                    c.run.finished_at.as_ref().map(ts),
                    c.run.restart_count,
                    c.run.error,
                    c.spec,
                    c.restart_policy,
                    c.labels,
                    c.rm,
                ],
            )
            .map_err(sqlite)?;
            if let Some(ev) = event {
                insert_event(tx, ev).map_err(sqlite)?;
            }
            Ok(())
        })
    }

    /// Every container, newest first.
    pub fn containers(&self) -> Result<Vec<Container>> {
        self.load_containers("ORDER BY created DESC, id", &[])
    }

    /// Containers whose stored state says a monitor should be running (created, running,
    /// paused): the only ones reconciliation needs to look at.
    pub fn active_containers(&self) -> Result<Vec<Container>> {
        self.load_containers(
            "WHERE state IN ('created', 'running', 'paused') ORDER BY created DESC, id",
            &[],
        )
    }

    pub fn container(&self, id: &str) -> Result<Option<Container>> {
        Ok(self.load_containers("WHERE id = ?1", &[&id])?.pop())
    }

    pub fn container_by_name(&self, name: &str) -> Result<Option<Container>> {
        Ok(self.load_containers("WHERE name = ?1", &[&name])?.pop())
    }

    /// Containers whose id starts with `prefix` (lowercase hex; anything else matches nothing).
    pub fn containers_by_id_prefix(&self, prefix: &str) -> Result<Vec<Container>> {
        let Some(pattern) = crate::id_prefix_pattern(prefix) else {
            return Ok(Vec::new());
        };
        self.load_containers("WHERE id LIKE ?1 ORDER BY id", &[&pattern])
    }

    /// Replaces the run state of container `id`, with an optional event in the same transaction.
    pub fn set_run_state(&self, id: &str, run: &RunState, event: Option<&NewEvent>) -> Result<()> {
        self.set_run_state_events(id, run, event.map(std::slice::from_ref).unwrap_or_default())
    }

    /// Replaces the run state of container `id` and records `events`, in one transaction.
    pub fn set_run_state_events(
        &self,
        id: &str,
        run: &RunState,
        events: &[NewEvent],
    ) -> Result<()> {
        let path = self.path().to_path_buf();
        self.write(|tx| {
            let sqlite = |source| StateError::Sqlite {
                path: path.clone(),
                source,
            };
            let n = tx
                .prepare_cached(
                    "UPDATE containers SET state = ?2, pid = ?3, conmon_pid = ?4, exit_code = ?5, \
                     started_at = ?6, finished_at = ?7, restart_count = ?8, error = ?9 WHERE id = ?1",
                )
                .and_then(|mut st| {
                    st.execute(params![
                        id,
                        run.state,
                        run.pid,
                        run.conmon_pid,
                        run.exit_code,
                        run.started_at.as_ref().map(ts),
                        run.finished_at.as_ref().map(ts),
                        run.restart_count,
                        run.error,
                    ])
                })
                .map_err(sqlite)?;
            if n == 0 {
                return Err(StateError::ContainerNotFound { id: id.to_string() });
            }
            for ev in events {
                insert_event(tx, ev).map_err(sqlite)?;
            }
            Ok(())
        })
    }

    /// Gives container `id` a new name; `NameInUse` if another container has it.
    pub fn rename_container(&self, id: &str, name: &str, event: Option<&NewEvent>) -> Result<()> {
        let path = self.path().to_path_buf();
        self.write(|tx| {
            let sqlite = |source| StateError::Sqlite {
                path: path.clone(),
                source,
            };
            let holder: Option<String> = tx
                .prepare_cached("SELECT id FROM containers WHERE name = ?1")
                .and_then(|mut st| st.query_row([name], |r| r.get(0)).optional())
                .map_err(sqlite)?;
            match holder {
                Some(h) if h == id => return Ok(()),
                Some(h) => {
                    return Err(StateError::NameInUse {
                        name: name.to_string(),
                        id: h,
                    })
                }
                None => {}
            }
            let n = tx
                .execute("UPDATE containers SET name = ?2 WHERE id = ?1", [id, name])
                .map_err(sqlite)?;
            if n == 0 {
                return Err(StateError::ContainerNotFound { id: id.to_string() });
            }
            if let Some(ev) = event {
                insert_event(tx, ev).map_err(sqlite)?;
            }
            Ok(())
        })
    }

    /// Replaces a container's stored configuration (`network connect` and `disconnect`).
    pub fn set_container_spec(&self, id: &str, spec: &str) -> Result<()> {
        let path = self.path().to_path_buf();
        self.write(|tx| {
            let n = tx
                .execute("UPDATE containers SET spec = ?2 WHERE id = ?1", [id, spec])
                .map_err(|source| StateError::Sqlite {
                    path: path.clone(),
                    source,
                })?;
            if n == 0 {
                return Err(StateError::ContainerNotFound { id: id.to_string() });
            }
            Ok(())
        })
    }

    /// Replaces a container's restart policy (`update --restart`).
    pub fn set_restart_policy(&self, id: &str, policy: &str) -> Result<()> {
        let path = self.path().to_path_buf();
        self.write(|tx| {
            let n = tx
                .execute(
                    "UPDATE containers SET restart_policy = ?2 WHERE id = ?1",
                    [id, policy],
                )
                .map_err(|source| StateError::Sqlite {
                    path: path.clone(),
                    source,
                })?;
            if n == 0 {
                return Err(StateError::ContainerNotFound { id: id.to_string() });
            }
            Ok(())
        })
    }

    /// The latest event `action` of the object with ID `id` (a removed container's `died`,
    /// which carries its exit code).
    pub fn last_event(&self, id: &str, action: &str) -> Result<Option<Event>> {
        let seq: Option<i64> = self.read(|c| {
            c.prepare_cached("SELECT MAX(seq) FROM events WHERE id = ?1 AND action = ?2")
                .and_then(|mut st| st.query_row([id, action], |r| r.get(0)))
                .map_err(|e| self.sqlite(e))
        })?;
        let Some(seq) = seq else { return Ok(None) };
        Ok(self.events(seq - 1)?.into_iter().find(|e| e.seq == seq))
    }

    /// Deletes a container's row; false when it was already gone.
    pub fn delete_container(&self, id: &str, event: Option<&NewEvent>) -> Result<bool> {
        self.delete_container_events(id, event.map(std::slice::from_ref).unwrap_or_default())
    }

    /// Deletes a container's row and records `events` (only if the row was there), in one
    /// transaction; false when it was already gone.
    pub fn delete_container_events(&self, id: &str, events: &[NewEvent]) -> Result<bool> {
        self.delete_row("containers", id, events)
    }

    /// Ids of images that containers use, which `rmi` must not remove without `-f`.
    pub fn images_in_use(&self) -> Result<Vec<String>> {
        self.read(|c| {
            let mut st = c
                .prepare_cached("SELECT DISTINCT image_id FROM containers")
                .map_err(|e| self.sqlite(e))?;
            let ids = st
                .query_map([], |r| r.get(0))
                .and_then(|it| it.collect::<rusqlite::Result<Vec<String>>>())
                .map_err(|e| self.sqlite(e));
            ids
        })
    }

    /// Records an event that belongs to no container write (image pulls, removals...).
    pub fn add_event(&self, event: &NewEvent) -> Result<()> {
        let path = self.path().to_path_buf();
        self.write(|tx| {
            insert_event(tx, event).map_err(|source| StateError::Sqlite {
                path: path.clone(),
                source,
            })
        })
    }

    /// Events with a sequence number above `after`, oldest first.
    pub fn events(&self, after: i64) -> Result<Vec<Event>> {
        type EvRow = (i64, String, String, String, String, String, String);
        let rows: Vec<EvRow> = self.read(|c| {
            let mut st = c
                .prepare_cached(
                    "SELECT seq, time, type, action, id, name, attributes FROM events \
                     WHERE seq > ?1 ORDER BY seq",
                )
                .map_err(|e| self.sqlite(e))?;
            let rows = st
                .query_map([after], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                    ))
                })
                .and_then(|it| it.collect::<rusqlite::Result<Vec<_>>>())
                .map_err(|e| self.sqlite(e));
            rows
        })?;
        rows.into_iter()
            .map(|(seq, time, kind, action, id, name, attributes)| {
                Ok(Event {
                    seq,
                    time: self.time("events.time", &time)?,
                    kind,
                    action,
                    id,
                    name,
                    attributes,
                })
            })
            .collect()
    }
}
