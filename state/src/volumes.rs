//! Volumes in SQLite: one row per volume with its driver options and labels (JSON objects), and
//! the first-use flags (copy the image's content in, give the directory the owner of the path it
//! is mounted on). The data itself lives in `graphroot/volumes/NAME/_data`, owned by the engine.

use crate::{ts, Db, Result, StateError};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

/// One volume as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Volume {
    pub name: String,
    pub driver: String,
    pub created: DateTime<Utc>,
    /// Labels as a JSON object.
    pub labels: String,
    /// Driver options (`-o type=tmpfs,device=...,o=...`) as a JSON object.
    pub options: String,
    /// Made for one container (`-v /path`, an image's VOLUME): `rm -v` and `--rm` remove it.
    pub anonymous: bool,
    pub needs_copy_up: bool,
    pub needs_chown: bool,
}

const COLUMNS: &str =
    "name, driver, created, labels, options, anonymous, needs_copy_up, needs_chown";

type Row = (String, String, String, String, String, bool, bool, bool);

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
    ))
}

impl Db {
    fn to_volume(&self, r: Row) -> Result<Volume> {
        let (name, driver, created, labels, options, anonymous, needs_copy_up, needs_chown) = r;
        Ok(Volume {
            created: self.time("volumes.created", &created)?,
            name,
            driver,
            labels,
            options,
            anonymous,
            needs_copy_up,
            needs_chown,
        })
    }

    fn load_volumes(&self, filter: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<Volume>> {
        let rows = self.select(
            &format!("SELECT {COLUMNS} FROM volumes {filter}"),
            args,
            row,
        )?;
        rows.into_iter().map(|r| self.to_volume(r)).collect()
    }

    /// Stores a new volume; a name already taken is refused with `VolumeExists`.
    pub fn insert_volume(&self, v: &Volume) -> Result<()> {
        let path = self.path().to_path_buf();
        self.write(|tx| {
            let sqlite = |source| StateError::Sqlite {
                path: path.clone(),
                source,
            };
            let taken: Option<String> = tx
                .query_row("SELECT name FROM volumes WHERE name = ?1", [&v.name], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(sqlite)?;
            if taken.is_some() {
                return Err(StateError::VolumeExists {
                    name: v.name.clone(),
                });
            }
            tx.execute(
                &format!("INSERT INTO volumes ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
                params![
                    v.name,
                    v.driver,
                    ts(&v.created),
                    v.labels,
                    v.options,
                    v.anonymous,
                    v.needs_copy_up,
                    v.needs_chown
                ],
            )
            .map_err(sqlite)?;
            Ok(())
        })
    }

    /// Every volume, by name.
    pub fn volumes(&self) -> Result<Vec<Volume>> {
        self.load_volumes("ORDER BY name", &[])
    }

    pub fn volume(&self, name: &str) -> Result<Option<Volume>> {
        Ok(self.load_volumes("WHERE name = ?1", &[&name])?.pop())
    }

    /// Clears the first-use flags once the volume has been set up for a container.
    pub fn set_volume_used(&self, name: &str) -> Result<()> {
        let path = self.path().to_path_buf();
        self.write(|tx| {
            tx.execute(
                "UPDATE volumes SET needs_copy_up = 0, needs_chown = 0 WHERE name = ?1",
                [name],
            )
            .map_err(|source| StateError::Sqlite {
                path: path.clone(),
                source,
            })?;
            Ok(())
        })
    }

    /// Deletes a volume's row; false when it was already gone.
    pub fn delete_volume(&self, name: &str) -> Result<bool> {
        let path = self.path().to_path_buf();
        self.write(|tx| {
            let n = tx
                .execute("DELETE FROM volumes WHERE name = ?1", [name])
                .map_err(|source| StateError::Sqlite {
                    path: path.clone(),
                    source,
                })?;
            Ok(n > 0)
        })
    }
}
