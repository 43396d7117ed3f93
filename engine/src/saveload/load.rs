//! `load`: images from a docker-archive, oci-archive (plain, gzip or zstd; a file or stdin),
//! an oci-dir or a docker-dir, told apart by their contents. The archive is indexed once and
//! each missing layer streams from its offset through the pull's verified unpack into staging,
//! several at a time; layers already stored (same diff_id) are reused. Images are recorded
//! only once every layer checked out, so a bad archive leaves nothing behind.

use super::*;
use crate::progress::{Event, ProgressSink, SkipReason};
use crate::pull::layer::unpack_blob;
use crate::pull::manifest::{self as mf, Manifest};
use crate::reference::ImageRef;
use crate::userns::UsernsInfo;
use crate::Paths;
use hutch_state::{Db, NewImage, NewLayer};
use hutch_storage::unpack::UnpackOptions;
use hutch_storage::Staging;
use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::Read;
use std::os::unix::fs::FileExt;
use std::sync::{Arc, Mutex};

/// Largest manifest, index or config we read into memory.
const JSON_LIMIT: u64 = 64 << 20;
/// Layers unpacked at once.
const CONCURRENT_LAYERS: usize = 4;

/// Where the images come from.
pub enum Input {
    Path(PathBuf),
    Stdin,
    /// Any stream (an API request's body), named `label` in errors.
    Reader {
        label: String,
        reader: Box<dyn Read + Send>,
    },
}

/// One loaded image: its ID and the names it got.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub id: String,
    pub names: Vec<String>,
}

struct TarEnt {
    offset: u64,
    size: u64,
    /// A symlink or hard link to this archive path.
    link: Option<String>,
}

/// An indexed archive or a layout directory.
enum Source {
    Tar {
        file: Arc<File>,
        entries: HashMap<String, TarEnt>,
    },
    Dir {
        root: PathBuf,
    },
}

/// Reads `len` bytes at `pos` of a shared file (positional reads: layers stream in parallel).
struct ReadAt {
    file: Arc<File>,
    pos: u64,
    end: u64,
}

impl Read for ReadAt {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.end - self.pos;
        if left == 0 {
            return Ok(0);
        }
        let want = (buf.len() as u64).min(left) as usize;
        let n = self.file.read_at(&mut buf[..want], self.pos)?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "archive ends inside the entry",
            ));
        }
        self.pos += n as u64;
        Ok(n)
    }
}

struct Ctx<'a> {
    /// The archive's name in messages.
    label: String,
    src: &'a Source,
    /// Only the OCI index entry of this `org.opencontainers.image.ref.name` (a build cache
    /// directory holds one per step).
    only_ref: Option<&'a str>,
}

impl Ctx<'_> {
    fn entry_err(&self, entry: &str, reason: impl Into<String>) -> ArchiveError {
        ArchiveError::Entry {
            archive: self.label.clone(),
            entry: entry.to_string(),
            reason: reason.into(),
        }
    }

    fn format_err(&self, reason: impl Into<String>) -> ArchiveError {
        ArchiveError::Format {
            archive: self.label.clone(),
            reason: reason.into(),
        }
    }

    fn has(&self, name: &str) -> bool {
        match self.src {
            Source::Tar { entries, .. } => entries.contains_key(name),
            Source::Dir { root } => root.join(name).exists(),
        }
    }

    /// Opens the file an archive path names, following links inside the archive; paths (and
    /// links, and symlinks of a layout directory) leading outside it are refused.
    fn open(&self, name: &str) -> Result<(Box<dyn Read + Send>, u64), ArchiveError> {
        let norm = archive_path("", name).map_err(|r| self.entry_err(name, r))?;
        match self.src {
            Source::Tar { file, entries } => {
                let mut cur = norm;
                for _ in 0..16 {
                    let e = entries
                        .get(&cur)
                        .ok_or_else(|| self.entry_err(name, "not in the archive"))?;
                    match &e.link {
                        Some(t) => cur = t.clone(),
                        None => {
                            return Ok((
                                Box::new(ReadAt {
                                    file: file.clone(),
                                    pos: e.offset,
                                    end: e.offset + e.size,
                                }),
                                e.size,
                            ))
                        }
                    }
                }
                Err(self.entry_err(name, "too many levels of links"))
            }
            Source::Dir { root } => {
                let p = root.join(&norm);
                let real = p
                    .canonicalize()
                    .map_err(|e| self.entry_err(name, e.to_string()))?;
                let real_root = root.canonicalize().map_err(|e| ArchiveError::io(root, e))?;
                if !is_within(&real_root, &real) {
                    return Err(self.entry_err(name, "a symlink leads outside the directory"));
                }
                let f = File::open(&real).map_err(|e| self.entry_err(name, e.to_string()))?;
                let meta = f
                    .metadata()
                    .map_err(|e| self.entry_err(name, e.to_string()))?;
                if !meta.is_file() {
                    return Err(self.entry_err(name, "not a regular file"));
                }
                Ok((Box::new(f), meta.len()))
            }
        }
    }

    fn read_small(&self, name: &str) -> Result<Vec<u8>, ArchiveError> {
        let (r, size) = self.open(name)?;
        if size > JSON_LIMIT {
            return Err(self.entry_err(name, format!("{size} bytes is too large")));
        }
        let mut buf = Vec::with_capacity(size as usize);
        r.take(JSON_LIMIT)
            .read_to_end(&mut buf)
            .map_err(|e| self.entry_err(name, e.to_string()))?;
        Ok(buf)
    }

    /// Reads a blob and checks it against its digest.
    fn read_blob(&self, digest: &str) -> Result<(String, Vec<u8>), ArchiveError> {
        let path =
            blob_path(digest).ok_or_else(|| self.entry_err(digest, "not a sha256 digest"))?;
        let bytes = self.read_small(&path)?;
        let actual = Digest::sha256(&bytes);
        if actual != digest {
            return Err(self.entry_err(&path, format!("content digest is {actual}")));
        }
        Ok((path, bytes))
    }
}

/// One layer to take from the archive.
#[derive(Debug, Clone)]
struct LayerRef {
    entry: String,
    diff_id: Digest,
    /// The blob's digest when the layout names it (OCI, docker-dir); it is checked too.
    blob_digest: Option<Digest>,
    media_type: Option<String>,
}

/// One image found in the archive.
struct Plan {
    id: String,
    config: Vec<u8>,
    names: Vec<String>,
    layers: Vec<LayerRef>,
    /// None: generate one from the stored layers (docker-archive carries no manifest).
    manifest: Option<(Vec<u8>, String)>,
    created: chrono::DateTime<chrono::Utc>,
}

fn parse_config(cx: &Ctx<'_>, entry: &str, bytes: &[u8]) -> Result<mf::PulledConfig, ArchiveError> {
    mf::parse_config(bytes).map_err(|r| cx.entry_err(entry, format!("image config: {r}")))
}

#[derive(Deserialize)]
struct DockerItem {
    #[serde(rename = "Config")]
    config: String,
    #[serde(rename = "RepoTags", default)]
    repo_tags: Option<Vec<String>>,
    #[serde(rename = "Layers")]
    layers: Vec<String>,
}

/// docker-archive names are docker's: short names are on docker.io.
fn docker_name(tag: &str) -> Option<String> {
    let r = ImageRef::parse(tag).ok()?;
    Some(ImageRef { digest: None, ..r }.to_string())
}

fn plan_docker_archive(cx: &Ctx<'_>) -> Result<Vec<Plan>, ArchiveError> {
    let bytes = cx.read_small("manifest.json")?;
    let items: Vec<DockerItem> = serde_json::from_slice(&bytes).map_err(|e| {
        cx.entry_err(
            "manifest.json",
            format!("not a docker-archive manifest: {e}"),
        )
    })?;
    if items.is_empty() {
        return Err(cx.entry_err("manifest.json", "names no images"));
    }
    let mut plans = Vec::new();
    for item in items {
        let config = cx.read_small(&item.config)?;
        let cfg = parse_config(cx, &item.config, &config)?;
        if cfg.diff_ids.len() != item.layers.len() {
            return Err(cx.entry_err(
                &item.config,
                format!(
                    "{} diff_ids for {} layers in manifest.json",
                    cfg.diff_ids.len(),
                    item.layers.len()
                ),
            ));
        }
        let mut names = Vec::new();
        for t in item.repo_tags.unwrap_or_default() {
            match docker_name(&t) {
                Some(n) => names.push(n),
                None => return Err(cx.entry_err("manifest.json", format!("invalid RepoTag {t:?}"))),
            }
        }
        let layers = item
            .layers
            .iter()
            .zip(&cfg.diff_ids)
            .map(|(entry, diff_id)| {
                archive_path("", entry)
                    .map(|e| LayerRef {
                        entry: e,
                        diff_id: diff_id.clone(),
                        blob_digest: None,
                        media_type: None,
                    })
                    .map_err(|r| cx.entry_err(entry, r))
            })
            .collect::<Result<_, _>>()?;
        plans.push(Plan {
            id: Digest::sha256(&config).hex().to_string(),
            created: cfg.created.unwrap_or(chrono::DateTime::UNIX_EPOCH),
            config,
            names,
            layers,
            manifest: None,
        });
    }
    Ok(plans)
}

/// The image a manifest (already digest-checked) describes; `blob` maps a digest to its entry.
fn plan_manifest(
    cx: &Ctx<'_>,
    entry: &str,
    bytes: Vec<u8>,
    names: Vec<String>,
    blob: &dyn Fn(&str) -> Result<String, ArchiveError>,
) -> Result<Plan, ArchiveError> {
    let m = match mf::parse_manifest(&bytes).map_err(|r| cx.entry_err(entry, r))? {
        Manifest::Image(m) => m,
        Manifest::List(_) => {
            return Err(cx.entry_err(
                entry,
                "multi-platform image indexes are not supported by load; save a single platform",
            ))
        }
        Manifest::Schema1 => return Err(cx.entry_err(entry, "Docker schema 1 is not supported")),
    };
    let cfg_digest = mf::digest(m.config());
    let cfg_entry = blob(cfg_digest.as_str())?;
    let config = cx.read_small(&cfg_entry)?;
    let actual = Digest::sha256(&config);
    if actual != cfg_digest {
        return Err(cx.entry_err(
            &cfg_entry,
            format!(
                "content digest is {actual}, the manifest says {}",
                cfg_digest
            ),
        ));
    }
    let cfg = parse_config(cx, &cfg_entry, &config)?;
    if cfg.diff_ids.len() != m.layers().len() {
        return Err(cx.entry_err(
            &cfg_entry,
            format!(
                "{} diff_ids for {} layers in the manifest",
                cfg.diff_ids.len(),
                m.layers().len()
            ),
        ));
    }
    let layers = m
        .layers()
        .iter()
        .zip(&cfg.diff_ids)
        .map(|(d, diff_id)| {
            let digest = mf::digest(d);
            Ok(LayerRef {
                entry: blob(digest.as_str())?,
                diff_id: diff_id.clone(),
                blob_digest: Some(digest),
                media_type: Some(d.media_type().to_string()),
            })
        })
        .collect::<Result<_, ArchiveError>>()?;
    Ok(Plan {
        id: actual.hex().to_string(),
        created: cfg.created.unwrap_or(chrono::DateTime::UNIX_EPOCH),
        config,
        names,
        layers,
        manifest: Some((bytes, mf::media_type(&m).to_string())),
    })
}

fn plan_oci(cx: &Ctx<'_>) -> Result<Vec<Plan>, ArchiveError> {
    let bytes = cx.read_small("index.json")?;
    let idx = mf::parse_index(&bytes)
        .map_err(|e| cx.entry_err("index.json", format!("not an OCI index: {e}")))?;
    if idx.manifests().is_empty() {
        return Err(cx.entry_err("index.json", "names no images"));
    }
    let blob = |d: &str| blob_path(d).ok_or_else(|| cx.entry_err(d, "not a sha256 digest"));
    let mut plans = Vec::new();
    for e in idx.manifests() {
        if let Some(only) = cx.only_ref {
            let named = e.annotations().as_ref().and_then(|a| a.get(REF_NAME));
            if named.map(String::as_str) != Some(only) {
                continue;
            }
        }
        let media_type = e.media_type().as_ref();
        if media_type == mf::OCI_INDEX || media_type == mf::DOCKER_LIST {
            return Err(cx.entry_err(
                "index.json",
                "multi-platform image indexes are not supported by load; save a single platform",
            ));
        }
        let (path, bytes) = cx.read_blob(e.digest().as_ref())?;
        // A bare tag (`oci-archive:x.tar:latest`) names no repository: no name, as podman.
        // Docker's OCI exports put the full name in containerd's annotation.
        let annotations = e.annotations().clone().unwrap_or_default();
        let ref_name = annotations
            .get("io.containerd.image.name")
            .or(annotations.get(REF_NAME));
        let names = match ref_name {
            Some(n) if n.contains('/') || n.contains(':') => {
                vec![crate::images::normalize_new_name(n)
                    .map_err(|err| cx.entry_err("index.json", err.to_string()))?]
            }
            _ => Vec::new(),
        };
        plans.push(plan_manifest(cx, &path, bytes, names, &blob)?);
    }
    Ok(plans)
}

fn plan_docker_dir(cx: &Ctx<'_>) -> Result<Vec<Plan>, ArchiveError> {
    let bytes = cx.read_small("manifest.json")?;
    let blob = |d: &str| {
        crate::Digest::parse_sha256(d)
            .map(|d| d.hex().to_string())
            .map_err(|_| cx.entry_err(d, "not a sha256 digest"))
    };
    Ok(vec![plan_manifest(
        cx,
        "manifest.json",
        bytes,
        Vec::new(),
        &blob,
    )?])
}

/// Copies `r` (gzip or zstd compressed, or not) to `dest`, uncompressed.
fn spool(r: impl Read, dest: &Path) -> Result<(), ArchiveError> {
    let mut r = io::BufReader::with_capacity(1 << 20, r);
    let mut magic = Vec::with_capacity(4);
    (&mut r)
        .take(4)
        .read_to_end(&mut magic)
        .map_err(|e| ArchiveError::io("-", e))?;
    let src = io::Cursor::new(magic.clone()).chain(r);
    let mut f = io::BufWriter::with_capacity(
        1 << 20,
        File::create(dest).map_err(|e| ArchiveError::io(dest, e))?,
    );
    let res = match magic.as_slice() {
        [0x1f, 0x8b, ..] => io::copy(&mut flate2::read::MultiGzDecoder::new(src), &mut f),
        [0x28, 0xb5, 0x2f, 0xfd] => {
            zstd::stream::read::Decoder::new(src).and_then(|mut d| io::copy(&mut d, &mut f))
        }
        _ => {
            let mut src = src;
            io::copy(&mut src, &mut f)
        }
    };
    res.and_then(|_| f.flush())
        .map_err(|e| ArchiveError::io(dest, e))
}

fn is_compressed(path: &Path) -> Result<bool, ArchiveError> {
    let mut f = File::open(path).map_err(|e| ArchiveError::io(path, e))?;
    let mut magic = [0u8; 4];
    let mut n = 0;
    while n < 4 {
        match f.read(&mut magic[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) => return Err(ArchiveError::io(path, e)),
        }
    }
    Ok(matches!(
        &magic[..n],
        [0x1f, 0x8b, ..] | [0x28, 0xb5, 0x2f, 0xfd]
    ))
}

/// Indexes a tar file: every entry's name (normalized), offset and size; links resolved
/// inside the archive. Entries that leave the archive or are devices are refused.
fn index_tar(label: &str, file: &File) -> Result<HashMap<String, TarEnt>, ArchiveError> {
    let err = |entry: &str, reason: String| ArchiveError::Entry {
        archive: label.to_string(),
        entry: entry.to_string(),
        reason,
    };
    let fmt = |e: io::Error| ArchiveError::Format {
        archive: label.to_string(),
        reason: format!("not a tar archive: {e}"),
    };
    let mut ar = tar::Archive::new(file);
    let mut out = HashMap::new();
    for e in ar.entries_with_seek().map_err(fmt)? {
        let e = e.map_err(fmt)?;
        let raw = String::from_utf8_lossy(&e.path_bytes()).into_owned();
        let kind = e.header().entry_type();
        if kind.is_dir() {
            continue;
        }
        let name = archive_path("", &raw).map_err(|r| err(&raw, r.to_string()))?;
        let link = match kind {
            tar::EntryType::Regular | tar::EntryType::Continuous => None,
            tar::EntryType::Symlink | tar::EntryType::Link => {
                let target = e
                    .link_name_bytes()
                    .map(|t| String::from_utf8_lossy(&t).into_owned())
                    .ok_or_else(|| err(&raw, "link without a target".into()))?;
                let base = if kind == tar::EntryType::Symlink {
                    name.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
                } else {
                    ""
                };
                Some(
                    archive_path(base, &target)
                        .map_err(|r| err(&raw, format!("link target {target:?}: {r}")))?,
                )
            }
            tar::EntryType::XGlobalHeader | tar::EntryType::XHeader => continue,
            other => {
                return Err(err(
                    &raw,
                    format!(
                        "unexpected entry type {:?} in an image archive",
                        other.as_byte() as char
                    ),
                ))
            }
        };
        out.insert(
            name,
            TarEnt {
                offset: e.raw_file_position(),
                size: e.size(),
                link,
            },
        );
    }
    Ok(out)
}

/// A layer unpacked into staging, checked against its digests.
struct Staged {
    diff_id: Digest,
    staging: Staging,
    compressed_digest: Digest,
    media_type: String,
    size: i64,
}

fn unpack_one(
    cx: &Ctx<'_>,
    store: &LayerStore,
    l: &LayerRef,
    ignore_chown_errors: bool,
) -> Result<Staged, crate::EngineError> {
    let staging = store.staging()?;
    let (reader, _) = cx.open(&l.entry)?;
    let opts = UnpackOptions {
        layer: l.diff_id.to_string(),
        ignore_chown_errors,
        tar_split: Some(staging.split_path()),
    };
    let done =
        unpack_blob(reader, staging, opts).map_err(|e| unpack_failure(&cx.label, &l.entry, e))?;
    let digest_err = |what, expected: &Digest, actual: &Digest| ArchiveError::Digest {
        archive: cx.label.clone(),
        entry: l.entry.clone(),
        what,
        expected: expected.to_string(),
        actual: actual.to_string(),
    };
    if let Some(b) = &l.blob_digest {
        if &done.compressed_digest != b {
            return Err(digest_err("blob digest", b, &done.compressed_digest).into());
        }
    }
    if done.diff_id != l.diff_id {
        return Err(digest_err("uncompressed digest (diff_id)", &l.diff_id, &done.diff_id).into());
    }
    let compressed = done.compressed_digest != done.diff_id;
    Ok(Staged {
        diff_id: done.diff_id,
        staging: done.staging,
        compressed_digest: done.compressed_digest,
        media_type: l.media_type.clone().unwrap_or_else(|| {
            if compressed {
                OCI_LAYER_GZIP
            } else {
                OCI_LAYER
            }
            .to_string()
        }),
        size: done.size,
    })
}

/// A stream spooled (uncompressed) into `spool_dir` and indexed.
fn spooled(
    input: impl Read,
    label: String,
    spool_dir: &Staging,
) -> crate::Result<(String, Source)> {
    let dest = spool_dir.path.join("archive.tar");
    spool(input, &dest)?;
    let file = File::open(&dest).map_err(|e| ArchiveError::io(&dest, e))?;
    let entries = index_tar(&label, &file)?;
    Ok((
        label,
        Source::Tar {
            file: Arc::new(file),
            entries,
        },
    ))
}

/// Loads every image of the archive. Must run inside the user namespace.
pub fn load(
    paths: &Paths,
    userns: &UsernsInfo,
    input: Input,
    progress: &dyn ProgressSink,
) -> crate::Result<Vec<Loaded>> {
    load_selected(paths, userns, input, None, progress)
}

/// Loads the one image of OCI layout directory `dir` whose index entry has ref name
/// `ref_name` (none: an error). Must run inside the user namespace.
pub fn load_ref(
    paths: &Paths,
    userns: &UsernsInfo,
    dir: &Path,
    ref_name: &str,
    progress: &dyn ProgressSink,
) -> crate::Result<Loaded> {
    let loaded = load_selected(
        paths,
        userns,
        Input::Path(dir.to_path_buf()),
        Some(ref_name),
        progress,
    )?;
    loaded.into_iter().next().ok_or_else(|| {
        ArchiveError::Format {
            archive: dir.display().to_string(),
            reason: format!("no image named {ref_name:?} in index.json"),
        }
        .into()
    })
}

fn load_selected(
    paths: &Paths,
    userns: &UsernsInfo,
    input: Input,
    only_ref: Option<&str>,
    progress: &dyn ProgressSink,
) -> crate::Result<Vec<Loaded>> {
    let store = LayerStore::new(&paths.graphroot);
    store.clean_stale()?;
    let db_path = paths.db_path();
    // A compressed archive or stdin is spooled (uncompressed) into a staging directory, so
    // that layers can be read at their offsets; a plain file is read in place.
    let spool_dir = store.staging()?;
    let (label, src) = match input {
        Input::Path(p) if p.is_dir() => (p.display().to_string(), Source::Dir { root: p }),
        Input::Path(p) => {
            let label = p.display().to_string();
            let path = if is_compressed(&p)? {
                let dest = spool_dir.path.join("archive.tar");
                let f = File::open(&p).map_err(|e| ArchiveError::io(&p, e))?;
                spool(f, &dest)?;
                dest
            } else {
                p
            };
            let file = File::open(&path).map_err(|e| ArchiveError::io(&path, e))?;
            let entries = index_tar(&label, &file)?;
            (
                label,
                Source::Tar {
                    file: Arc::new(file),
                    entries,
                },
            )
        }
        Input::Stdin => spooled(io::stdin().lock(), "stdin".into(), &spool_dir)?,
        Input::Reader { label, reader } => spooled(reader, label, &spool_dir)?,
    };
    let cx = Ctx {
        label,
        src: &src,
        only_ref,
    };
    let plans = match &src {
        Source::Tar { .. } if cx.has("manifest.json") => plan_docker_archive(&cx)?,
        Source::Tar { .. } if cx.has("index.json") => plan_oci(&cx)?,
        Source::Dir { .. } if cx.has(OCI_LAYOUT) => plan_oci(&cx)?,
        Source::Dir { .. } if cx.has("manifest.json") => plan_docker_dir(&cx)?,
        _ => {
            return Err(cx
                .format_err(
                    "not a docker-archive, oci-archive, oci-dir or docker-dir: no manifest.json or index.json",
                )
                .into())
        }
    };

    progress.event(Event::CopyingBlobs);
    // Which layers are missing (once each, however many images share them)?
    let db = Db::open(&db_path)?;
    let mut sizes: HashMap<Digest, i64> = HashMap::new();
    let mut jobs: Vec<LayerRef> = Vec::new();
    let mut seen = HashSet::new();
    for p in &plans {
        for l in &p.layers {
            if !seen.insert(l.diff_id.clone()) {
                continue;
            }
            match db.layer(l.diff_id.as_str())? {
                Some(have) => {
                    progress.event(Event::BlobSkipped {
                        id: l.diff_id.clone(),
                        digest: l.diff_id.clone(),
                        reason: SkipReason::AlreadyExists,
                    });
                    sizes.insert(l.diff_id.clone(), have.size);
                }
                None => jobs.push(l.clone()),
            }
        }
    }
    drop(db);

    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Mutex<Vec<crate::Result<Staged>>> = Mutex::new(Vec::new());
    let failed = std::sync::atomic::AtomicBool::new(false);
    let ignore = userns.single_mapping;
    std::thread::scope(|s| {
        for _ in 0..CONCURRENT_LAYERS.min(jobs.len()) {
            s.spawn(|| loop {
                if failed.load(std::sync::atomic::Ordering::Relaxed) {
                    return;
                }
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(job) = jobs.get(i) else { return };
                let r = unpack_one(&cx, &store, job, ignore);
                if r.is_err() {
                    failed.store(true, std::sync::atomic::Ordering::Relaxed);
                }
                results.lock().expect("results lock").push(r);
            });
        }
    });
    let mut staged = Vec::new();
    let mut first_err = None;
    for r in results.into_inner().expect("results lock") {
        match r {
            Ok(s) => staged.push(s),
            Err(e) => {
                first_err.get_or_insert(e);
            }
        }
    }
    if let Some(e) = first_err {
        return Err(e);
    }
    for s in &staged {
        progress.event(Event::BlobDone {
            id: s.diff_id.clone(),
            digest: s.diff_id.clone(),
        });
    }

    // Promote, then record image by image; what is not recorded is removed again.
    let mut fresh: HashMap<Digest, NewLayer> = HashMap::new();
    let mut promoted: Vec<String> = Vec::new();
    let discard = |dirs: &[String]| {
        for d in dirs {
            if let Err(e) = store.remove_layer(d) {
                tracing::warn!("removing unused layer directory {d}: {e}");
            }
        }
    };
    for s in staged {
        let dir = match store.promote(s.staging) {
            Ok(d) => d,
            Err(e) => {
                discard(&promoted);
                return Err(e.into());
            }
        };
        promoted.push(dir.clone());
        sizes.insert(s.diff_id.clone(), s.size);
        fresh.insert(
            s.diff_id.clone(),
            NewLayer {
                diff_id: s.diff_id.to_string(),
                dir,
                compressed_digest: Some(s.compressed_digest.to_string()),
                media_type: Some(s.media_type),
                size: s.size,
            },
        );
    }
    let db = Db::open(&db_path)?;
    let mut loaded = Vec::new();
    for p in plans {
        let new_layers: Vec<NewLayer> = p
            .layers
            .iter()
            .filter_map(|l| fresh.remove(&l.diff_id))
            .collect();
        let (manifest, media_type) = match p.manifest {
            Some(m) => m,
            None => {
                let descs: Vec<Desc> = p
                    .layers
                    .iter()
                    .map(|l| Desc {
                        media_type: OCI_LAYER.into(),
                        digest: l.diff_id.clone(),
                        size: sizes.get(&l.diff_id).copied().unwrap_or(0),
                    })
                    .collect();
                let config = Desc {
                    media_type: String::new(),
                    digest: config_digest_of(&p.id)?,
                    size: p.config.len() as i64,
                };
                (
                    manifest_bytes(true, &config, &descs),
                    mf::OCI_MANIFEST.to_string(),
                )
            }
        };
        let digest = Digest::sha256(&manifest).to_string();
        let mut uniq = HashSet::new();
        let size = p
            .layers
            .iter()
            .filter(|l| uniq.insert(&l.diff_id))
            .map(|l| sizes.get(&l.diff_id).copied().unwrap_or(0))
            .sum();
        let img = NewImage {
            id: p.id.clone(),
            digest: digest.clone(),
            digests: vec![digest],
            names: p.names.clone(),
            layers: p.layers.iter().map(|l| l.diff_id.to_string()).collect(),
            new_layers,
            manifest,
            manifest_media_type: media_type,
            config: p.config,
            created: p.created,
            size,
        };
        progress.event(Event::ConfigDone {
            digest: config_digest_of(&p.id)?,
        });
        progress.event(Event::WritingManifest);
        match db.commit_image(&img) {
            Ok(outcome) => discard(&outcome.discard_dirs),
            Err(e) => {
                // Layers recorded by earlier images stay with them; the rest go.
                let left: Vec<String> = fresh
                    .values()
                    .map(|l| l.dir.clone())
                    .chain(img.new_layers.iter().map(|l| l.dir.clone()))
                    .collect();
                discard(&left);
                return Err(e.into());
            }
        }
        crate::events::image(
            &db,
            "loadfromarchive",
            &p.id,
            p.names.first().map(String::as_str).unwrap_or(""),
        );
        loaded.push(Loaded {
            id: p.id,
            names: p.names,
        });
    }
    drop(spool_dir);
    Ok(loaded)
}
