//! Local manifest lists (`manifest create/add/annotate/inspect/push/rm`): one JSON file per list
//! under `graphroot/manifest-lists/`, entries pointing at local images. Pushing one pushes each
//! image by digest (unless told not to), then the OCI index or Docker manifest list naming what
//! was pushed. Lists are not images: `images` does not show them and they cannot be run.

use crate::images;
use crate::progress::{reporting, Event, ProgressSink, Reporter};
use crate::pull::manifest::{DOCKER_LIST, DOCKER_MANIFEST, OCI_INDEX, OCI_MANIFEST};
use crate::push::{self, Compression, ManifestFormat, PushOptions, Target};
use crate::{EngineError, Paths, Result};
use hutch_state::Db;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("{name}: no such manifest list")]
    NotFound { name: String },
    #[error("{name}: a manifest list of that name already exists (use --amend to change it)")]
    Exists { name: String },
    #[error("{name}: an image of that name already exists")]
    ImageExists { name: String },
    #[error("manifest list {list}: no entry for {entry}")]
    NoEntry { list: String, entry: String },
    #[error("manifest list {list}: {reason}")]
    Invalid { list: String, reason: String },
    #[error("manifest list file {path}: {reason}")]
    File { path: PathBuf, reason: String },
    #[error("--format {0:?}: use oci or v2s2")]
    Format(String),
    #[error("annotation {0:?}: expected KEY=VALUE")]
    Annotation(String),
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct EntryPlatform {
    pub architecture: String,
    pub os: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// The local image this entry is.
    pub image_id: String,
    pub media_type: String,
    pub digest: String,
    pub size: i64,
    pub platform: EntryPlatform,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ManifestList {
    pub id: String,
    pub names: Vec<String>,
    /// OCI index or Docker manifest list.
    pub media_type: String,
    pub entries: Vec<Entry>,
}

/// The list as a registry would serve it. Written by hand, not as oci-spec's ImageIndex: each
/// entry has `platform` before `annotations` (oci-spec orders them the other way), and changing
/// the bytes would change the digest of every annotated list pushed before.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Index<'a> {
    schema_version: u32,
    media_type: &'a str,
    manifests: Vec<IndexEntry<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct IndexEntry<'a> {
    media_type: &'a str,
    digest: &'a str,
    size: i64,
    platform: &'a EntryPlatform,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    annotations: &'a BTreeMap<String, String>,
}

impl ManifestList {
    /// The index or manifest list as JSON, entries in the order they were added.
    pub fn to_index(&self) -> Vec<u8> {
        let idx = Index {
            schema_version: 2,
            media_type: &self.media_type,
            manifests: self
                .entries
                .iter()
                .map(|e| IndexEntry {
                    media_type: &e.media_type,
                    digest: &e.digest,
                    size: e.size,
                    platform: &e.platform,
                    annotations: &e.annotations,
                })
                .collect(),
        };
        serde_json::to_vec_pretty(&idx).expect("index serializes")
    }
}

fn dir(paths: &Paths) -> PathBuf {
    paths.graphroot.join("manifest-lists")
}

fn file_of(paths: &Paths, id: &str) -> PathBuf {
    dir(paths).join(format!("{id}.json"))
}

fn load_all(paths: &Paths) -> Result<Vec<ManifestList>> {
    let d = dir(paths);
    let rd = match std::fs::read_dir(&d) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(EngineError::io(&d, e)),
    };
    let mut out = Vec::new();
    for e in rd.flatten() {
        let p = e.path();
        if p.extension().and_then(|x| x.to_str()) != Some("json") {
            continue;
        }
        let bytes = std::fs::read(&p).map_err(|e| EngineError::io(&p, e))?;
        let list: ManifestList =
            serde_json::from_slice(&bytes).map_err(|e| ManifestError::File {
                path: p.clone(),
                reason: e.to_string(),
            })?;
        out.push(list);
    }
    Ok(out)
}

fn save(paths: &Paths, list: &ManifestList) -> Result<()> {
    let d = dir(paths);
    std::fs::create_dir_all(&d).map_err(|e| EngineError::io(&d, e))?;
    let path = file_of(paths, &list.id);
    let tmp = d.join(format!(".{}.tmp{}", list.id, std::process::id()));
    let bytes = serde_json::to_vec_pretty(list).expect("list serializes");
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, &path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            EngineError::io(&path, e)
        })
}

/// Finds a list by name (as `tag` stores names) or by ID or unique ID prefix.
pub fn find(paths: &Paths, name: &str) -> Result<ManifestList> {
    let all = load_all(paths)?;
    let full = images::normalize_new_name(name).ok();
    if let Some(l) = all.iter().find(|l| {
        l.names
            .iter()
            .any(|n| Some(n) == full.as_ref() || n == name)
    }) {
        return Ok(l.clone());
    }
    let hex = name.strip_prefix("sha256:").unwrap_or(name);
    let by_id: Vec<&ManifestList> = all
        .iter()
        .filter(|l| !hex.is_empty() && l.id.starts_with(hex))
        .collect();
    match by_id.as_slice() {
        [one] => Ok((*one).clone()),
        _ => Err(ManifestError::NotFound {
            name: name.to_string(),
        }
        .into()),
    }
}

pub fn exists(paths: &Paths, name: &str) -> Result<bool> {
    match find(paths, name) {
        Ok(_) => Ok(true),
        Err(EngineError::Manifest(ManifestError::NotFound { .. })) => Ok(false),
        Err(e) => Err(e),
    }
}

pub fn parse_format(s: &str) -> Result<&'static str> {
    match s {
        "oci" => Ok(OCI_INDEX),
        "v2s2" | "docker" => Ok(DOCKER_LIST),
        other => Err(ManifestError::Format(other.to_string()).into()),
    }
}

/// `manifest create`: a new list (or, with `amend`, the existing one) with `images` added.
pub fn create(
    paths: &Paths,
    db: &Db,
    name: &str,
    images_: &[String],
    media_type: &str,
    amend: bool,
) -> Result<ManifestList> {
    let full = images::normalize_new_name(name)?;
    let mut list = match find(paths, &full) {
        Ok(l) if amend => l,
        Ok(_) => return Err(ManifestError::Exists { name: full }.into()),
        Err(_) => {
            if db.image_by_name(&full)?.is_some() {
                return Err(ManifestError::ImageExists { name: full }.into());
            }
            ManifestList {
                id: crate::Digest::sha256(
                    format!("{full}{}{}", rand::random::<u64>(), std::process::id()).as_bytes(),
                )
                .hex()
                .to_string(),
                names: vec![full],
                media_type: media_type.to_string(),
                entries: Vec::new(),
            }
        }
    };
    for img in images_ {
        add_entry(db, &mut list, img, &EntryOverrides::default())?;
    }
    save(paths, &list)?;
    Ok(list)
}

#[derive(Debug, Clone, Default)]
pub struct EntryOverrides {
    pub os: Option<String>,
    pub arch: Option<String>,
    pub variant: Option<String>,
    pub annotations: Vec<String>,
}

fn apply_overrides(e: &mut Entry, o: &EntryOverrides) -> Result<()> {
    if let Some(v) = o.os.as_ref().filter(|s| !s.is_empty()) {
        e.platform.os = v.clone();
    }
    if let Some(v) = o.arch.as_ref().filter(|s| !s.is_empty()) {
        e.platform.architecture = v.clone();
    }
    if let Some(v) = o.variant.as_ref().filter(|s| !s.is_empty()) {
        e.platform.variant = Some(v.clone());
    }
    for a in &o.annotations {
        let (k, v) = a
            .split_once('=')
            .filter(|(k, _)| !k.is_empty())
            .ok_or_else(|| ManifestError::Annotation(a.clone()))?;
        e.annotations.insert(k.to_string(), v.to_string());
    }
    Ok(())
}

fn add_entry(db: &Db, list: &mut ManifestList, image: &str, o: &EntryOverrides) -> Result<()> {
    let img = images::lookup(db, image)?.image;
    let cfg = images::config(&img)?;
    let mut e = Entry {
        image_id: img.id.clone(),
        media_type: if img.manifest_media_type == DOCKER_MANIFEST {
            DOCKER_MANIFEST.to_string()
        } else {
            OCI_MANIFEST.to_string()
        },
        digest: img.digest.clone(),
        size: img.manifest.len() as i64,
        platform: EntryPlatform {
            architecture: cfg.architecture.clone(),
            os: cfg.os.clone(),
            variant: cfg.variant.clone().filter(|v| !v.is_empty()),
        },
        annotations: BTreeMap::new(),
    };
    apply_overrides(&mut e, o)?;
    list.entries.retain(|x| x.image_id != e.image_id);
    list.entries.push(e);
    Ok(())
}

/// `manifest add`.
pub fn add(
    paths: &Paths,
    db: &Db,
    list: &str,
    image: &str,
    o: &EntryOverrides,
) -> Result<ManifestList> {
    let mut l = find(paths, list)?;
    add_entry(db, &mut l, image, o)?;
    save(paths, &l)?;
    Ok(l)
}

fn entry_index(db: &Db, l: &ManifestList, entry: &str) -> Result<usize> {
    if let Some(i) = l.entries.iter().position(|e| e.digest == entry) {
        return Ok(i);
    }
    let id = images::lookup(db, entry).ok().map(|f| f.image.id);
    l.entries
        .iter()
        .position(|e| Some(&e.image_id) == id.as_ref())
        .ok_or_else(|| {
            ManifestError::NoEntry {
                list: l.names.first().cloned().unwrap_or_else(|| l.id.clone()),
                entry: entry.to_string(),
            }
            .into()
        })
}

/// `manifest annotate`.
pub fn annotate(
    paths: &Paths,
    db: &Db,
    list: &str,
    entry: &str,
    o: &EntryOverrides,
) -> Result<ManifestList> {
    let mut l = find(paths, list)?;
    let i = entry_index(db, &l, entry)?;
    apply_overrides(&mut l.entries[i], o)?;
    save(paths, &l)?;
    Ok(l)
}

/// `manifest remove`: drops one entry.
pub fn remove_entry(paths: &Paths, db: &Db, list: &str, entry: &str) -> Result<ManifestList> {
    let mut l = find(paths, list)?;
    let i = entry_index(db, &l, entry)?;
    l.entries.remove(i);
    save(paths, &l)?;
    Ok(l)
}

/// `manifest rm`: deletes the list (never its images).
pub fn delete(paths: &Paths, list: &str) -> Result<ManifestList> {
    let l = find(paths, list)?;
    let p = file_of(paths, &l.id);
    std::fs::remove_file(&p).map_err(|e| EngineError::io(&p, e))?;
    Ok(l)
}

/// `manifest push`: the images (when `all`) by digest, then the list, tagged. Returns the
/// list's digest.
pub async fn push_list(
    paths: &Paths,
    list: &str,
    dest: Option<&str>,
    all: bool,
    opts: &PushOptions,
    progress: &dyn ProgressSink,
) -> Result<crate::Digest> {
    reporting(progress, |rep| {
        push_list_reporting(paths, list, dest, all, opts, rep)
    })
    .await
}

async fn push_list_reporting(
    paths: &Paths,
    list: &str,
    dest: Option<&str>,
    all: bool,
    opts: &PushOptions,
    progress: Reporter,
) -> Result<crate::Digest> {
    let mut l = find(paths, list)?;
    if l.entries.is_empty() {
        return Err(ManifestError::Invalid {
            list: list.to_string(),
            reason: "it has no entries: add images with `hutch manifest add`".into(),
        }
        .into());
    }
    let dest_text = dest
        .map(str::to_string)
        .or_else(|| l.names.first().cloned())
        .unwrap_or_else(|| list.to_string());
    let dest = push::destination(&dest_text)?;
    let target = Target::connect(
        paths,
        opts.tls_verify_for(&dest.registry),
        opts.cert_dir.as_deref(),
        &opts.auth,
        &dest,
        list,
    )
    .await?;
    if all {
        let db = images::open_db(paths)?;
        let format = opts.format.or(if l.media_type == DOCKER_LIST {
            Some(ManifestFormat::V2s2)
        } else {
            None
        });
        for e in &mut l.entries {
            let img = db
                .image(&e.image_id)?
                .ok_or_else(|| ManifestError::Invalid {
                    list: list.to_string(),
                    reason: format!(
                        "entry {} ({}): image {} is no longer in local storage",
                        e.digest, e.platform.architecture, e.image_id
                    ),
                })?;
            let pushed = push::push_image(
                paths,
                &target,
                &e.image_id,
                &img,
                format,
                opts.compression.or(Some(Compression::Gzip)),
                opts.compression_level,
                &progress,
                None,
            )
            .await?;
            e.digest = pushed.digest.to_string();
            e.size = pushed.manifest.len() as i64;
            e.media_type = pushed.media_type;
        }
    }
    if l.media_type == DOCKER_LIST && l.entries.iter().any(|e| e.media_type != DOCKER_MANIFEST) {
        return Err(ManifestError::Invalid {
            list: list.to_string(),
            reason: "a Docker manifest list can only name Docker schema2 images: push with --format v2s2 or create the list with --format oci".into(),
        }
        .into());
    }
    let bytes = l.to_index();
    let digest = crate::Digest::sha256(&bytes);
    progress.send(Event::WritingManifestList);
    target
        .put_manifest(
            list,
            dest.tag.as_deref().unwrap_or("latest"),
            &bytes,
            &l.media_type,
        )
        .await?;
    // Remember the pushed digests, so `manifest inspect` shows what the registry has.
    save(paths, &l)?;
    Ok(digest)
}

pub fn list_file(paths: &Paths, l: &ManifestList) -> PathBuf {
    file_of(paths, &l.id)
}
