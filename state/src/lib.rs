//! hutch's state in SQLite: schema migrations, images, layers and names. Transactions are short
//! and IMMEDIATE; none is held across network or disk-heavy work, and a busy handler waits out
//! other writers so no caller ever sees "database is locked".
#![deny(unsafe_code)]

mod blobs;
mod build_cache;
mod containers;
mod event_log;
mod pods;
mod schema;
mod volumes;

pub use blobs::LayerBlob;
pub use containers::{Container, Event, NewEvent, RunState};
pub use pods::Pod;
pub use volumes::Volume;

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// `--events-backend none`: this process records no events. One switch for the process, as
/// every database it opens belongs to the same hutch invocation.
static EVENTS_RECORDED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

/// Turns event recording on or off for this process.
pub fn set_events_recorded(on: bool) {
    EVENTS_RECORDED.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// Whether this process records events.
pub fn events_recorded() -> bool {
    EVENTS_RECORDED.load(std::sync::atomic::Ordering::Relaxed)
}

pub use event_log::set_events_logfile;

pub type Result<T, E = StateError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("database {path}: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("image {image}: layers {diff_ids:?} are no longer in the store")]
    MissingLayers {
        image: String,
        diff_ids: Vec<String>,
    },
    #[error("image {id}: not in the database")]
    ImageNotFound { id: String },
    #[error("the container name {name:?} is already in use by container {id}: remove it or choose another name")]
    NameInUse { name: String, id: String },
    #[error("adding pod to state: name \"{name}\" is in use: pod already exists")]
    PodNameInUse { name: String },
    #[error("volume with name {name} already exists: volume already exists")]
    VolumeExists { name: String },
    #[error("container {id}: not in the database")]
    ContainerNotFound { id: String },
    #[error(
        "database {path}: schema version {found} is newer than this hutch understands ({supported}); upgrade hutch"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("database {path}: cannot create its directory: {source}")]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("database {path}: bad timestamp {value:?} in {column}")]
    BadTime {
        path: PathBuf,
        column: &'static str,
        value: String,
    },
}

/// A layer stored once per diff_id, unpacked in `layers/<dir>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layer {
    pub diff_id: String,
    pub dir: String,
    pub compressed_digest: Option<String>,
    pub media_type: Option<String>,
    pub size: i64,
    pub created: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct NewLayer {
    pub diff_id: String,
    pub dir: String,
    pub compressed_digest: Option<String>,
    pub media_type: Option<String>,
    pub size: i64,
}

#[derive(Debug, Clone)]
pub struct Image {
    /// Hex sha256 of the config blob.
    pub id: String,
    /// `sha256:...` of the manifest.
    pub digest: String,
    /// Every manifest digest the image is known by (instance and list).
    pub digests: Vec<String>,
    /// Fully qualified names, `docker.io/library/busybox:latest`.
    pub names: Vec<String>,
    /// diff_ids, base layer first.
    pub layers: Vec<String>,
    pub manifest: Vec<u8>,
    pub manifest_media_type: String,
    pub config: Vec<u8>,
    pub created: DateTime<Utc>,
    pub pulled: DateTime<Utc>,
    pub size: i64,
}

#[derive(Debug, Clone)]
pub struct NewImage {
    pub id: String,
    pub digest: String,
    pub digests: Vec<String>,
    pub names: Vec<String>,
    pub layers: Vec<String>,
    pub new_layers: Vec<NewLayer>,
    pub manifest: Vec<u8>,
    pub manifest_media_type: String,
    pub config: Vec<u8>,
    pub created: DateTime<Utc>,
    pub size: i64,
}

#[derive(Debug, Clone, Default)]
pub struct CommitOutcome {
    /// Staged layer dirs that lost a race to an identical layer: the caller deletes them.
    pub discard_dirs: Vec<String>,
}

/// A handle on `hutch.db`: one connection behind a mutex, shared by clones of the handle, so
/// one open per process serves every thread (`Send + Sync`, every method takes `&self`).
/// Each statement or transaction holds the mutex for its few milliseconds only; SQLite
/// serialises writers anyway, and a process that wants parallel reads can open a second `Db`.
#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
}

struct Inner {
    conn: Mutex<Connection>,
    path: PathBuf,
}

/// How long a connection waits for other writers before giving up. Writers hold the lock for
/// milliseconds, so reaching this means something is badly wrong (a stopped process holding it).
const BUSY_LIMIT: Duration = Duration::from_secs(600);

/// The WAL size past which the writer that grew it empties it. Every process replays the whole
/// WAL when it opens the database (about 1 ms of CPU per MB here), so it must stay short;
/// emptying it costs a writer three fsyncs (about 5 ms on a journaled ext4), so not often: a
/// `run --rm` writes about 50 KB, so this empties it every ten or so, and the two costs
/// together stay under half a millisecond a command.
const WAL_TRIM_BYTES: u64 = 512 * 1024;

/// Waits with a short, growing, jittered sleep: SQLite's own timeout handler sleeps in steps that
/// grow to 100 ms, which makes 20 contending writers needlessly slow.
fn busy_wait(count: i32) -> bool {
    let base = (count.clamp(0, 20) as u64) + 1;
    // Jitter so contending processes do not wake in lockstep.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let jitter = (nanos as u64 ^ std::process::id() as u64) % 4;
    std::thread::sleep(Duration::from_millis(base + jitter));
    // At >= 21 ms a step, this many calls is well past BUSY_LIMIT.
    (count as u64) < BUSY_LIMIT.as_millis() as u64 / 21
}

pub(crate) fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::DatabaseBusy
                || f.code == rusqlite::ErrorCode::DatabaseLocked
    )
}

/// The `LIKE` pattern of the IDs that start with `prefix`; None (nothing matches) unless it is
/// lowercase hex, so that no prefix is read as a pattern.
pub(crate) fn id_prefix_pattern(prefix: &str) -> Option<String> {
    let hex = !prefix.is_empty()
        && prefix
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    hex.then(|| format!("{prefix}%"))
}

pub(crate) fn ts(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Nanos, true)
}

/// The repository part of a stored name: `docker.io/library/busybox` for `...busybox:latest`
/// and for `...busybox@sha256:...`.
fn name_repo(name: &str) -> &str {
    if let Some((repo, _)) = name.split_once('@') {
        return repo;
    }
    match name.rfind(':') {
        Some(i) if !name[i..].contains('/') => &name[..i],
        _ => name,
    }
}

struct ImageRow {
    id: String,
    digest: String,
    manifest: Vec<u8>,
    manifest_media_type: String,
    config: Vec<u8>,
    created: String,
    pulled: String,
    size: i64,
}

const IMAGE_COLUMNS: &str =
    "id, digest, manifest, manifest_media_type, config, created, pulled, size";

fn image_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ImageRow> {
    Ok(ImageRow {
        id: r.get(0)?,
        digest: r.get(1)?,
        manifest: r.get(2)?,
        manifest_media_type: r.get(3)?,
        config: r.get(4)?,
        created: r.get(5)?,
        pulled: r.get(6)?,
        size: r.get(7)?,
    })
}

const LAYER_COLUMNS: &str = "diff_id, dir, compressed_digest, media_type, size, created";

type LayerRow = (String, String, Option<String>, Option<String>, i64, String);

fn layer_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<LayerRow> {
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
    /// Opens (creating it and its directory when missing) the database at `path` and brings its
    /// schema up to date. Safe to call from many processes at once.
    pub fn open(path: &Path) -> Result<Db> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StateError::CreateDir {
                path: path.to_path_buf(),
                source,
            })?;
        }
        let sqlite = |source| StateError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(sqlite)?;
        conn.busy_handler(Some(busy_wait)).map_err(sqlite)?;
        // Every hutch command is a short process: checkpointing the WAL (with fsyncs) and
        // deleting it each time the last connection closes made a plain `create` 2-3x slower.
        // Writers empty it instead once it passes WAL_TRIM_BYTES (see `trim_wal`).
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )
        .map_err(sqlite)?;
        let db = Db {
            inner: Arc::new(Inner {
                conn: Mutex::new(conn),
                path: path.to_path_buf(),
            }),
        };
        db.retry(|conn| {
            // journal_mode is persistent, but switching needs a moment of exclusive access: only
            // ask when the database is not in WAL yet.
            let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                conn.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))?;
            }
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            conn.pragma_update(None, "wal_autocheckpoint", 1000)?;
            conn.pragma_update(None, "journal_size_limit", 0)?;
            conn.pragma_update(None, "foreign_keys", "ON")?;
            Ok(())
        })?;
        db.migrate()?;
        // Writers keep the WAL short (see `trim_wal`); one left long because every writer that
        // tried met readers is emptied here, once, rather than replayed by every later process.
        db.trim_wal(&db.conn(), WAL_TRIM_BYTES * 4);
        Ok(db)
    }

    /// Copies the WAL back into the database and empties it when it is over `limit` bytes,
    /// without waiting for anyone: when another connection holds the write lock or still reads
    /// old frames, it copies what it can and leaves the rest to the next writer.
    ///
    /// Only an emptied WAL helps a short-lived process. Checkpoint progress lives in `-shm`,
    /// which the first connection of a process (each hutch command) finds stale and rebuilds
    /// from the WAL, forgetting what was copied: a PASSIVE checkpoint that leaves the WAL in
    /// place is repeated, with its fsyncs, by every later process until some writer restarts it.
    fn trim_wal(&self, conn: &Connection, limit: u64) {
        let mut wal = self.path().as_os_str().to_owned();
        wal.push("-wal");
        if !std::fs::metadata(&wal).is_ok_and(|m| m.len() > limit) {
            return;
        }
        // Without a busy handler TRUNCATE degrades to PASSIVE instead of waiting for readers.
        if conn.busy_handler(None).is_err() {
            return;
        }
        let outcome = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        });
        tracing::debug!(path = %self.path().display(), ?outcome, "WAL checkpoint (busy, frames, copied)");
        // It only fails on misuse; `read`, `write` and `retry` would still retry on BUSY.
        if let Err(e) = conn.busy_handler(Some(busy_wait)) {
            tracing::debug!(path = %self.path().display(), %e, "restoring the busy handler");
        }
    }

    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// The connection, for one statement or transaction. A thread that panicked while holding
    /// it left no transaction open (rusqlite rolls back on drop), so poisoning is ignored.
    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.inner
            .conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn sqlite(&self, source: rusqlite::Error) -> StateError {
        StateError::Sqlite {
            path: self.path().to_path_buf(),
            source,
        }
    }

    /// Deletes row `id` of `table` (containers, pods) and, when there was one, records
    /// `events` in the same transaction; false when it was already gone.
    pub(crate) fn delete_row(
        &self,
        table: &'static str,
        id: &str,
        events: &[containers::NewEvent],
    ) -> Result<bool> {
        self.write(|tx| {
            let n = tx
                .prepare_cached(&format!("DELETE FROM {table} WHERE id = ?1"))
                .and_then(|mut st| st.execute([id]))
                .map_err(|e| self.sqlite(e))?;
            if n > 0 {
                for ev in events {
                    containers::insert_event(tx, ev).map_err(|e| self.sqlite(e))?;
                }
            }
            Ok(n > 0)
        })
    }

    /// Runs `f`, starting over while SQLite reports the database busy. The busy handler already
    /// waits inside SQLite; this covers the few paths where SQLite returns BUSY without calling it
    /// (WAL recovery by another connection, journal mode changes).
    pub(crate) fn retry<T>(
        &self,
        mut f: impl FnMut(&mut Connection) -> rusqlite::Result<T>,
    ) -> Result<T> {
        let start = Instant::now();
        let mut attempt = 0u64;
        loop {
            // The guard is a temporary: released before the sleep below.
            let outcome = f(&mut self.conn());
            match outcome {
                Err(e) if is_busy(&e) && start.elapsed() < BUSY_LIMIT => {
                    attempt += 1;
                    tracing::debug!(path = %self.path().display(), attempt, "database busy, retrying");
                    std::thread::sleep(Duration::from_millis(1 + attempt.min(20)));
                }
                r => return r.map_err(|e| self.sqlite(e)),
            }
        }
    }

    /// Like `retry` for read-only work, which needs only `&self`.
    /// Every row `sql` returns for `args`, mapped by `row`, in one read.
    pub(crate) fn select<T>(
        &self,
        sql: &str,
        args: &[&dyn rusqlite::ToSql],
        row: impl Fn(&rusqlite::Row<'_>) -> rusqlite::Result<T> + Copy,
    ) -> Result<Vec<T>> {
        self.read(|c| {
            let mut st = c.prepare_cached(sql).map_err(|e| self.sqlite(e))?;
            let rows = st
                .query_map(args, row)
                .and_then(|it| it.collect::<rusqlite::Result<Vec<_>>>())
                .map_err(|e| self.sqlite(e));
            rows
        })
    }

    pub(crate) fn read<T>(&self, mut f: impl FnMut(&Connection) -> Result<T>) -> Result<T> {
        let start = Instant::now();
        let mut attempt = 0u64;
        loop {
            let outcome = f(&self.conn());
            match outcome {
                Err(StateError::Sqlite { source, .. })
                    if is_busy(&source) && start.elapsed() < BUSY_LIMIT =>
                {
                    attempt += 1;
                    std::thread::sleep(Duration::from_millis(1 + attempt.min(20)));
                }
                r => return r,
            }
        }
    }

    /// One short IMMEDIATE transaction: takes the write lock up front, so it never has to
    /// upgrade a read lock (which fails with BUSY instead of waiting).
    pub(crate) fn write<T>(
        &self,
        mut f: impl FnMut(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let path = self.path().to_path_buf();
        let start = Instant::now();
        let mut attempt = 0u64;
        loop {
            let outcome = (|| {
                let mut conn = self.conn();
                let tx = conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)
                    .map_err(|source| StateError::Sqlite {
                        path: path.clone(),
                        source,
                    })?;
                let v = f(&tx)?;
                tx.commit().map_err(|source| StateError::Sqlite {
                    path: path.clone(),
                    source,
                })?;
                self.trim_wal(&conn, WAL_TRIM_BYTES);
                Ok(v)
            })();
            match outcome {
                Err(StateError::Sqlite { source, .. })
                    if is_busy(&source) && start.elapsed() < BUSY_LIMIT =>
                {
                    attempt += 1;
                    tracing::debug!(path = %path.display(), attempt, "database busy, retrying");
                    std::thread::sleep(Duration::from_millis(1 + attempt.min(20)));
                }
                r => return r,
            }
        }
    }

    fn migrate(&self) -> Result<()> {
        let latest = schema::MIGRATIONS.len() as i64;
        let current: i64 =
            self.retry(|c| c.pragma_query_value(None, "user_version", |r| r.get(0)))?;
        if current == latest {
            return Ok(());
        }
        if current > latest {
            return Err(StateError::TooNew {
                path: self.path().to_path_buf(),
                found: current,
                supported: latest,
            });
        }
        let path = self.path().to_path_buf();
        self.write(|tx| {
            let sqlite = |source| StateError::Sqlite {
                path: path.clone(),
                source,
            };
            // Another process may have migrated while we waited for the lock: read it again.
            let current: i64 = tx
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .map_err(sqlite)?;
            if current > latest {
                return Err(StateError::TooNew {
                    path: path.clone(),
                    found: current,
                    supported: latest,
                });
            }
            for (i, sql) in schema::MIGRATIONS.iter().enumerate().skip(current as usize) {
                tracing::debug!(path = %path.display(), version = i + 1, "applying migration");
                tx.execute_batch(sql).map_err(sqlite)?;
            }
            tx.pragma_update(None, "user_version", latest)
                .map_err(sqlite)?;
            Ok(())
        })
    }

    pub(crate) fn time(&self, column: &'static str, value: &str) -> Result<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(value)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| StateError::BadTime {
                path: self.path().to_path_buf(),
                column,
                value: value.to_string(),
            })
    }

    fn to_layer(&self, row: LayerRow) -> Result<Layer> {
        let (diff_id, dir, compressed_digest, media_type, size, created) = row;
        Ok(Layer {
            created: self.time("layers.created", &created)?,
            diff_id,
            dir,
            compressed_digest,
            media_type,
            size,
        })
    }

    pub fn layer(&self, diff_id: &str) -> Result<Option<Layer>> {
        let row = self.read(|c| {
            c.query_row(
                &format!("SELECT {LAYER_COLUMNS} FROM layers WHERE diff_id = ?1"),
                [diff_id],
                layer_row,
            )
            .optional()
            .map_err(|e| self.sqlite(e))
        })?;
        row.map(|r| self.to_layer(r)).transpose()
    }

    pub fn layers(&self) -> Result<Vec<Layer>> {
        let rows = self.read(|c| {
            let mut st = c
                .prepare_cached(&format!(
                    "SELECT {LAYER_COLUMNS} FROM layers ORDER BY created, diff_id"
                ))
                .map_err(|e| self.sqlite(e))?;
            let rows = st
                .query_map([], layer_row)
                .and_then(|it| it.collect::<rusqlite::Result<Vec<_>>>())
                .map_err(|e| self.sqlite(e));
            rows
        })?;
        rows.into_iter().map(|r| self.to_layer(r)).collect()
    }

    /// Records a pulled image in one short IMMEDIATE transaction: inserts `new_layers` (a layer
    /// whose diff_id is already stored loses, and its dir is returned in `discard_dirs`), checks
    /// that every layer of the image is stored, upserts the image and moves its names to it.
    /// On error nothing is written and the caller still owns every `new_layers` dir.
    pub fn commit_image(&self, img: &NewImage) -> Result<CommitOutcome> {
        let path = self.path().to_path_buf();
        let now = ts(&Utc::now());
        self.write(|tx| {
            let sqlite = |source| StateError::Sqlite {
                path: path.clone(),
                source,
            };
            let mut outcome = CommitOutcome::default();
            for l in &img.new_layers {
                let inserted = tx
                    .prepare_cached(
                        "INSERT INTO layers (diff_id, dir, compressed_digest, media_type, size, created)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(diff_id) DO NOTHING",
                    )
                    .and_then(|mut st| {
                        st.execute(params![
                            l.diff_id,
                            l.dir,
                            l.compressed_digest,
                            l.media_type,
                            l.size,
                            now
                        ])
                    })
                    .map_err(sqlite)?;
                if inserted == 0 {
                    outcome.discard_dirs.push(l.dir.clone());
                }
            }
            let mut missing = Vec::new();
            for diff_id in &img.layers {
                let found = tx
                    .prepare_cached("SELECT 1 FROM layers WHERE diff_id = ?1")
                    .and_then(|mut st| st.exists([diff_id]))
                    .map_err(sqlite)?;
                if !found {
                    missing.push(diff_id.clone());
                }
            }
            if !missing.is_empty() {
                return Err(StateError::MissingLayers {
                    image: img.id.clone(),
                    diff_ids: missing,
                });
            }
            // An upsert, not INSERT OR REPLACE: replacing would delete the row and cascade away
            // the names and digests other pulls gave this image.
            tx.execute(
                "INSERT INTO images (id, digest, manifest, manifest_media_type, config, created, pulled, size)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT(id) DO UPDATE SET digest = excluded.digest, manifest = excluded.manifest,
                   manifest_media_type = excluded.manifest_media_type, config = excluded.config,
                   created = excluded.created, pulled = excluded.pulled, size = excluded.size",
                params![
                    img.id,
                    img.digest,
                    img.manifest,
                    img.manifest_media_type,
                    img.config,
                    ts(&img.created),
                    now,
                    img.size
                ],
            )
            .map_err(sqlite)?;
            tx.execute("DELETE FROM image_layers WHERE image_id = ?1", [&img.id])
                .map_err(sqlite)?;
            for (idx, diff_id) in img.layers.iter().enumerate() {
                tx.prepare_cached(
                    "INSERT INTO image_layers (image_id, idx, diff_id) VALUES (?1, ?2, ?3)",
                )
                .and_then(|mut st| st.execute(params![img.id, idx as i64, diff_id]))
                .map_err(sqlite)?;
            }
            for digest in std::iter::once(&img.digest).chain(&img.digests) {
                tx.prepare_cached(
                    "INSERT INTO image_digests (image_id, digest) VALUES (?1, ?2)
                     ON CONFLICT DO NOTHING",
                )
                .and_then(|mut st| st.execute(params![img.id, digest]))
                .map_err(sqlite)?;
            }
            for name in &img.names {
                put_name(tx, &img.id, name).map_err(sqlite)?;
            }
            Ok(outcome)
        })
    }

    /// Every image, most recently pulled first.
    pub fn images(&self) -> Result<Vec<Image>> {
        self.load_images("ORDER BY pulled DESC, id", &[])
    }

    /// The image with this full id (hex, without `sha256:`).
    pub fn image(&self, id: &str) -> Result<Option<Image>> {
        let id = id.strip_prefix("sha256:").unwrap_or(id);
        Ok(self.load_images("WHERE id = ?1", &[&id])?.pop())
    }

    /// The image that has exactly this (normalized) name.
    pub fn image_by_name(&self, name: &str) -> Result<Option<Image>> {
        Ok(self
            .load_images(
                "WHERE id = (SELECT image_id FROM image_names WHERE name = ?1)",
                &[&name],
            )?
            .pop())
    }

    /// The image known by manifest `digest` that has a name in repository `repo`
    /// (`repo:tag` or `repo@digest`). An empty `repo` matches any image with that digest.
    pub fn image_by_digest(&self, repo: &str, digest: &str) -> Result<Option<Image>> {
        let candidates = self.load_images(
            "WHERE id IN (SELECT image_id FROM image_digests WHERE digest = ?1) ORDER BY pulled DESC, id",
            &[&digest],
        )?;
        Ok(candidates
            .into_iter()
            .find(|img| repo.is_empty() || img.names.iter().any(|n| name_repo(n) == repo)))
    }

    /// Images whose id starts with `prefix` (hex; a `sha256:` in front is ignored). A prefix
    /// that is not lowercase hex matches nothing.
    pub fn images_by_id_prefix(&self, prefix: &str) -> Result<Vec<Image>> {
        let prefix = prefix.strip_prefix("sha256:").unwrap_or(prefix);
        let Some(pattern) = id_prefix_pattern(prefix) else {
            return Ok(Vec::new());
        };
        self.load_images("WHERE id LIKE ?1 ORDER BY id", &[&pattern])
    }

    /// Gives image `id` the name `name`, taking it off any other image that had it.
    pub fn add_name(&self, id: &str, name: &str) -> Result<()> {
        let path = self.path().to_path_buf();
        self.write(|tx| {
            let sqlite = |source| StateError::Sqlite {
                path: path.clone(),
                source,
            };
            let exists = tx
                .prepare_cached("SELECT 1 FROM images WHERE id = ?1")
                .and_then(|mut st| st.exists([id]))
                .map_err(sqlite)?;
            if !exists {
                return Err(StateError::ImageNotFound { id: id.to_string() });
            }
            put_name(tx, id, name).map_err(sqlite)
        })
    }

    /// Removes a name; false when no image had it.
    pub fn remove_name(&self, name: &str) -> Result<bool> {
        let path = self.path().to_path_buf();
        self.write(|tx| {
            tx.execute("DELETE FROM image_names WHERE name = ?1", [name])
                .map(|n| n > 0)
                .map_err(|source| StateError::Sqlite {
                    path: path.clone(),
                    source,
                })
        })
    }

    /// Deletes an image with its names and digests, and every layer no other image uses any
    /// more. Returns those layers (their rows are gone): the caller removes their dirs.
    pub fn delete_image(&self, id: &str) -> Result<Vec<Layer>> {
        let path = self.path().to_path_buf();
        let rows = self.write(|tx| {
            let sqlite = |source| StateError::Sqlite {
                path: path.clone(),
                source,
            };
            let diff_ids: Vec<String> = tx
                .prepare_cached("SELECT DISTINCT diff_id FROM image_layers WHERE image_id = ?1")
                .and_then(|mut st| {
                    st.query_map([id], |r| r.get(0))?
                        .collect::<rusqlite::Result<_>>()
                })
                .map_err(sqlite)?;
            // image_layers, image_names and image_digests go with it (ON DELETE CASCADE).
            let deleted = tx
                .execute("DELETE FROM images WHERE id = ?1", [id])
                .map_err(sqlite)?;
            if deleted == 0 {
                return Err(StateError::ImageNotFound { id: id.to_string() });
            }
            let mut unused = Vec::new();
            for diff_id in &diff_ids {
                let row = tx
                    .prepare_cached(&format!(
                        "SELECT {LAYER_COLUMNS} FROM layers WHERE diff_id = ?1
                         AND NOT EXISTS (SELECT 1 FROM image_layers WHERE diff_id = ?1)"
                    ))
                    .and_then(|mut st| st.query_row([diff_id], layer_row).optional())
                    .map_err(sqlite)?;
                if let Some(row) = row {
                    tx.execute("DELETE FROM layers WHERE diff_id = ?1", [diff_id])
                        .map_err(sqlite)?;
                    unused.push(row);
                }
            }
            Ok(unused)
        })?;
        rows.into_iter().map(|r| self.to_layer(r)).collect()
    }

    /// Stores a small key-value setting (for example the storage driver detected once).
    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        let path = self.path().to_path_buf();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            .map(drop)
            .map_err(|source| StateError::Sqlite {
                path: path.clone(),
                source,
            })
        })
    }

    pub fn get_meta(&self, key: &str) -> Result<Option<String>> {
        self.read(|c| {
            c.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
                .optional()
                .map_err(|e| self.sqlite(e))
        })
    }

    /// Loads images matching `filter` (SQL after `FROM images`) with their names, digests and
    /// layers, all in one read transaction so they are consistent with each other.
    fn load_images(&self, filter: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<Image>> {
        let rows = self.read(|c| {
            let sqlite = |e| self.sqlite(e);
            let tx = c.unchecked_transaction().map_err(sqlite)?;
            let rows: Vec<ImageRow> = tx
                .prepare_cached(&format!("SELECT {IMAGE_COLUMNS} FROM images {filter}"))
                .and_then(|mut st| {
                    st.query_map(args, image_row)?
                        .collect::<rusqlite::Result<_>>()
                })
                .map_err(sqlite)?;
            if rows.is_empty() {
                return Ok((rows, HashMap::new(), HashMap::new(), HashMap::new()));
            }
            // For one image, query its children only; for many, read the child tables whole
            // rather than one query per image.
            let (clause, one): (&str, Vec<&dyn rusqlite::ToSql>) = if rows.len() == 1 {
                ("WHERE image_id = ?1", vec![&rows[0].id])
            } else {
                ("", vec![])
            };
            let children = |sql: String| -> Result<HashMap<String, Vec<String>>> {
                let mut map: HashMap<String, Vec<String>> = HashMap::new();
                let mut st = tx.prepare_cached(&sql).map_err(sqlite)?;
                let pairs = st
                    .query_map(one.as_slice(), |r| {
                        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                    })
                    .and_then(|it| it.collect::<rusqlite::Result<Vec<_>>>())
                    .map_err(sqlite)?;
                for (id, v) in pairs {
                    map.entry(id).or_default().push(v);
                }
                Ok(map)
            };
            let names = children(format!(
                "SELECT image_id, name FROM image_names {clause} ORDER BY image_id, rowid"
            ))?;
            let digests = children(format!(
                "SELECT image_id, digest FROM image_digests {clause} ORDER BY image_id, rowid"
            ))?;
            let layers = children(format!(
                "SELECT image_id, diff_id FROM image_layers {clause} ORDER BY image_id, idx"
            ))?;
            tx.finish().map_err(sqlite)?;
            Ok((rows, names, digests, layers))
        })?;
        let (rows, mut names, mut digests, mut layers) = rows;
        rows.into_iter()
            .map(|r| {
                Ok(Image {
                    created: self.time("images.created", &r.created)?,
                    pulled: self.time("images.pulled", &r.pulled)?,
                    names: names.remove(&r.id).unwrap_or_default(),
                    digests: digests.remove(&r.id).unwrap_or_default(),
                    layers: layers.remove(&r.id).unwrap_or_default(),
                    id: r.id,
                    digest: r.digest,
                    manifest: r.manifest,
                    manifest_media_type: r.manifest_media_type,
                    config: r.config,
                    size: r.size,
                })
            })
            .collect()
    }
}

/// Points `name` at image `id`, taking it from whichever image had it.
fn put_name(tx: &rusqlite::Transaction<'_>, id: &str, name: &str) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO image_names (name, image_id) VALUES (?1, ?2)
         ON CONFLICT(name) DO UPDATE SET image_id = excluded.image_id",
    )?
    .execute([name, id])
    .map(drop)
}

#[cfg(test)]
mod tests;
