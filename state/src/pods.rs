//! Pods in SQLite: one row per pod with its name, labels, infra container and the engine's pod
//! configuration (JSON). Which containers belong to a pod is in their own stored configuration,
//! so there is no link table to keep in step.

use crate::containers::{insert_event, NewEvent};
use crate::{ts, Db, Result, StateError};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

/// One pod as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Pod {
    /// 64 hex characters.
    pub id: String,
    pub name: String,
    pub created: DateTime<Utc>,
    /// Labels as a JSON object.
    pub labels: String,
    /// The infra container's ID; empty without one (`--infra=false`).
    pub infra_id: String,
    /// The engine's pod configuration as JSON.
    pub spec: String,
}

const COLUMNS: &str = "id, name, created, labels, infra_id, spec";

type Row = (String, String, String, String, String, String);

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
    ))
}

impl Db {
    fn load_pods(&self, filter: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<Pod>> {
        let rows = self.select(&format!("SELECT {COLUMNS} FROM pods {filter}"), args, row)?;
        rows.into_iter()
            .map(|(id, name, created, labels, infra_id, spec)| {
                Ok(Pod {
                    created: self.time("pods.created", &created)?,
                    id,
                    name,
                    labels,
                    infra_id,
                    spec,
                })
            })
            .collect()
    }

    /// Stores a new pod. A name another pod or a container has is refused with `PodNameInUse`.
    pub fn insert_pod(&self, p: &Pod, event: Option<&NewEvent>) -> Result<()> {
        self.write(|tx| {
            let sqlite = |e| self.sqlite(e);
            let taken: Option<String> = tx
                .query_row(
                    "SELECT id FROM pods WHERE name = ?1 UNION SELECT id FROM containers WHERE name = ?1",
                    [&p.name],
                    |r| r.get(0),
                )
                .optional()
                .map_err(sqlite)?;
            if taken.is_some() {
                return Err(StateError::PodNameInUse {
                    name: p.name.clone(),
                });
            }
            tx.execute(
                &format!("INSERT INTO pods ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
                params![p.id, p.name, ts(&p.created), p.labels, p.infra_id, p.spec],
            )
            .map_err(sqlite)?;
            if let Some(ev) = event {
                insert_event(tx, ev).map_err(sqlite)?;
            }
            Ok(())
        })
    }

    /// Every pod, oldest first.
    pub fn pods(&self) -> Result<Vec<Pod>> {
        self.load_pods("ORDER BY created", &[])
    }

    pub fn pod(&self, id: &str) -> Result<Option<Pod>> {
        Ok(self.load_pods("WHERE id = ?1", &[&id])?.pop())
    }

    pub fn pod_by_name(&self, name: &str) -> Result<Option<Pod>> {
        Ok(self.load_pods("WHERE name = ?1", &[&name])?.pop())
    }

    /// Pods whose ID starts with `prefix` (lowercase hex only).
    pub fn pods_by_id_prefix(&self, prefix: &str) -> Result<Vec<Pod>> {
        let Some(pattern) = crate::id_prefix_pattern(prefix) else {
            return Ok(Vec::new());
        };
        self.load_pods("WHERE id LIKE ?1 ORDER BY id", &[&pattern])
    }

    /// Records the pod's infra container once it exists.
    pub fn set_pod_infra(&self, id: &str, infra_id: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE pods SET infra_id = ?2 WHERE id = ?1",
                params![id, infra_id],
            )
            .map_err(|e| self.sqlite(e))?;
            Ok(())
        })
    }

    /// Deletes a pod's row (its containers are removed first by the engine); false when it
    /// was already gone.
    pub fn delete_pod(&self, id: &str, event: Option<&NewEvent>) -> Result<bool> {
        self.delete_row(
            "pods",
            id,
            event.map(std::slice::from_ref).unwrap_or_default(),
        )
    }
}
