//! hutch's state in SQLite: schema migrations, images, layers and names. Transactions are short
//! and IMMEDIATE; none is held across network or disk-heavy work.
#![deny(unsafe_code)]

use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};

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
}

/// A layer stored once per diff_id, unpacked in `layers/<dir>`.
#[derive(Debug, Clone)]
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

pub struct Db {
    #[allow(dead_code)]
    conn: rusqlite::Connection,
    #[allow(dead_code)]
    path: PathBuf,
}

impl Db {
    pub fn open(_path: &Path) -> Result<Db> {
        todo!("state: open")
    }
    pub fn layer(&self, _diff_id: &str) -> Result<Option<Layer>> {
        todo!()
    }
    pub fn layers(&self) -> Result<Vec<Layer>> {
        todo!()
    }
    pub fn commit_image(&mut self, _img: &NewImage) -> Result<CommitOutcome> {
        todo!()
    }
    pub fn images(&self) -> Result<Vec<Image>> {
        todo!()
    }
    pub fn image(&self, _id: &str) -> Result<Option<Image>> {
        todo!()
    }
    pub fn image_by_name(&self, _name: &str) -> Result<Option<Image>> {
        todo!()
    }
    pub fn image_by_digest(&self, _repo: &str, _digest: &str) -> Result<Option<Image>> {
        todo!()
    }
    pub fn images_by_id_prefix(&self, _prefix: &str) -> Result<Vec<Image>> {
        todo!()
    }
    pub fn add_name(&mut self, _id: &str, _name: &str) -> Result<()> {
        todo!()
    }
    pub fn remove_name(&mut self, _name: &str) -> Result<bool> {
        todo!()
    }
    pub fn delete_image(&mut self, _id: &str) -> Result<Vec<Layer>> {
        todo!()
    }
}
