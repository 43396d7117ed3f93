//! The build cache index (`build_cache`): a build step's cache key to the image that step
//! made, so an unchanged step is reused. Rows go with their image (ON DELETE CASCADE).

use crate::{Db, Result, StateError};
use rusqlite::OptionalExtension;

impl Db {
    /// The image recorded for cache key `key`.
    pub fn build_cache(&self, key: &str) -> Result<Option<String>> {
        self.read(|c| {
            c.query_row(
                "SELECT image_id FROM build_cache WHERE key = ?1",
                [key],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sqlite(e))
        })
    }

    /// Records (or replaces) the image of cache key `key`; an image deleted meanwhile is
    /// not recorded.
    pub fn put_build_cache(&self, key: &str, image_id: &str) -> Result<()> {
        let path = self.path().to_path_buf();
        let now = chrono::Utc::now().to_rfc3339();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO build_cache (key, image_id, created)
                 SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM images WHERE id = ?2)
                 ON CONFLICT(key) DO UPDATE SET image_id = excluded.image_id,
                   created = excluded.created",
                [key, image_id, &now],
            )
            .map(drop)
            .map_err(|source| StateError::Sqlite {
                path: path.clone(),
                source,
            })
        })
    }

    /// Every image a cache entry points at.
    pub fn build_cache_images(&self) -> Result<Vec<String>> {
        self.read(|c| {
            let mut st = c
                .prepare("SELECT DISTINCT image_id FROM build_cache")
                .map_err(|e| self.sqlite(e))?;
            let rows = st
                .query_map([], |r| r.get(0))
                .and_then(|r| r.collect::<rusqlite::Result<Vec<String>>>())
                .map_err(|e| self.sqlite(e));
            rows
        })
    }

    /// Forgets every cache entry; returns how many there were.
    pub fn clear_build_cache(&self) -> Result<usize> {
        let path = self.path().to_path_buf();
        self.write(|tx| {
            tx.execute("DELETE FROM build_cache", [])
                .map_err(|source| StateError::Sqlite {
                    path: path.clone(),
                    source,
                })
        })
    }
}
