//! Compressed blobs remembered per stored layer and compression (`layer_blobs`): what `push`
//! made from a layer directory, so the same layer is never compressed twice.

use crate::{Db, Result, StateError};
use rusqlite::{params, OptionalExtension};

/// One compressed form of a stored layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerBlob {
    pub diff_id: String,
    /// `gzip` or `zstd`.
    pub compression: String,
    /// `sha256:` of the compressed bytes.
    pub digest: String,
    pub size: i64,
    /// `sha256:` of the tar that was compressed.
    pub tar_digest: String,
}

impl Db {
    pub fn layer_blob(&self, diff_id: &str, compression: &str) -> Result<Option<LayerBlob>> {
        self.read(|c| {
            c.query_row(
                "SELECT digest, size, tar_digest FROM layer_blobs WHERE diff_id = ?1 AND compression = ?2",
                [diff_id, compression],
                |r| {
                    Ok(LayerBlob {
                        diff_id: diff_id.to_string(),
                        compression: compression.to_string(),
                        digest: r.get(0)?,
                        size: r.get(1)?,
                        tar_digest: r.get(2)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.sqlite(e))
        })
    }

    /// Remembers (or replaces) a compressed form. A layer deleted meanwhile is not an error:
    /// there is nothing left to remember it for.
    pub fn put_layer_blob(&self, b: &LayerBlob) -> Result<()> {
        let path = self.path().to_path_buf();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO layer_blobs (diff_id, compression, digest, size, tar_digest)
                 SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM layers WHERE diff_id = ?1)
                 ON CONFLICT(diff_id, compression) DO UPDATE SET digest = excluded.digest,
                   size = excluded.size, tar_digest = excluded.tar_digest",
                params![b.diff_id, b.compression, b.digest, b.size, b.tar_digest],
            )
            .map(drop)
            .map_err(|source| StateError::Sqlite {
                path: path.clone(),
                source,
            })
        })
    }

    /// Records one more manifest digest an image is known by (a pushed manifest).
    pub fn add_image_digest(&self, id: &str, digest: &str) -> Result<()> {
        let path = self.path().to_path_buf();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO image_digests (image_id, digest) SELECT ?1, ?2
                 WHERE EXISTS (SELECT 1 FROM images WHERE id = ?1) ON CONFLICT DO NOTHING",
                [id, digest],
            )
            .map(drop)
            .map_err(|source| StateError::Sqlite {
                path: path.clone(),
                source,
            })
        })
    }
}
