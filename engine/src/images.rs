//! Operations on local images shared by the CLI and the API service: lookup by podman's rules,
//! listing with filters, the podman-compatible summary and inspect views, tagging, removal
//! (untag before delete, shared layers kept), prune, history and read-only image mounts.

use crate::filters::{self, Filters};
use crate::reference::Name;
use crate::{EngineError, Paths, Result};
use chrono::{DateTime, SecondsFormat, Utc};
use hutch_state::{Db, Image};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

/// Opens the image database under the graphroot, creating the directories on first use.
/// Records an image made here from one new layer (`dir`, already promoted): the layer goes if
/// the record fails, and layer directories that lost a race to an identical layer go after it.
pub fn commit_one_layer_image(
    db: &Db,
    store: &hutch_storage::LayerStore,
    img: &hutch_state::NewImage,
    dir: &str,
) -> Result<()> {
    let outcome = match db.commit_image(img) {
        Ok(o) => o,
        Err(e) => {
            let _ = store.remove_layer(dir);
            return Err(e.into());
        }
    };
    for d in outcome.discard_dirs {
        if let Err(e) = store.remove_layer(&d) {
            tracing::warn!("removing unused layer directory {d}: {e}");
        }
    }
    Ok(())
}

pub fn open_db(paths: &Paths) -> Result<Db> {
    paths.ensure_dirs()?;
    Ok(Db::open(&paths.db_path())?)
}

// ---------------------------------------------------------------------------------------------
// Names

/// Name parts used by lookup, on top of `reference::Name`.
trait NameExt {
    /// `docker.io/library/busybox` for `busybox` on `docker.io`.
    fn repo_on(&self, registry: &str) -> String;
    fn tag_or_latest(&self) -> &str;
}

impl NameExt for Name {
    fn repo_on(&self, registry: &str) -> String {
        self.qualify(registry).repo_name()
    }
    fn tag_or_latest(&self) -> &str {
        self.tag.as_deref().unwrap_or("latest")
    }
}

fn is_full_id(s: &str) -> bool {
    s.len() == 64 && is_hex(s)
}

fn is_hex(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// `docker.io/library/busybox:latest` -> (`docker.io/library/busybox`, `latest`).
pub fn split_name(name: &str) -> (&str, &str) {
    let slash = name.rfind('/').map_or(0, |i| i + 1);
    match name[slash..].rfind(':') {
        Some(i) => (&name[..slash + i], &name[slash + i + 1..]),
        None => (name, ""),
    }
}

/// The name a new tag gets, as podman stores it: short names go to `localhost/`, a missing tag
/// is `latest`. Digests are refused: a tag cannot name a digest.
pub fn normalize_new_name(input: &str) -> Result<String> {
    let parts = Name::parse(input)?;
    if parts.digest.is_some() {
        return Err(EngineError::InvalidReference {
            reference: input.to_string(),
            reason: "a tag cannot contain a digest".into(),
        });
    }
    let repo = match &parts.registry {
        Some(r) => parts.repo_on(r),
        None => format!("localhost/{}", parts.path),
    };
    Ok(format!("{repo}:{}", parts.tag_or_latest()))
}

// ---------------------------------------------------------------------------------------------
// Lookup

/// An image found by `lookup`, and the name it was found by (None when found by ID).
#[derive(Debug, Clone)]
pub struct Found {
    pub image: Image,
    pub by_name: Option<String>,
}

/// Finds one image as podman does: full ID or `sha256:`ID, a fully qualified name, a unique ID
/// prefix, `name@sha256:...`, then a short name (`busybox` tries
/// `docker.io/library/busybox:latest`, then `localhost/busybox:latest`, then any
/// `*/busybox:latest`; several candidates in that last step are an error).
pub fn lookup(db: &Db, name: &str) -> Result<Found> {
    let not_known = || EngineError::ImageNotKnown {
        name: name.to_string(),
    };
    let by_id = |image: Image| Found {
        image,
        by_name: None,
    };
    let hex = name.strip_prefix("sha256:");
    if let Some(h) = hex {
        if !is_hex(h) {
            return Err(not_known());
        }
    }
    let id_candidate = hex.unwrap_or(name);
    if is_full_id(id_candidate) {
        if let Some(img) = db.image(id_candidate)? {
            return Ok(by_id(img));
        }
    }
    // Names are stored fully qualified: an exact match needs no parsing.
    if let Some(img) = db.image_by_name(name)? {
        return Ok(Found {
            image: img,
            by_name: Some(name.to_string()),
        });
    }
    if is_hex(id_candidate) {
        let mut matches = db.images_by_id_prefix(id_candidate)?;
        match matches.len() {
            0 => {}
            1 => return Ok(by_id(matches.remove(0))),
            _ => {
                return Err(EngineError::AmbiguousImage {
                    name: name.to_string(),
                    matches: matches.iter().map(|i| i.id.clone()).collect(),
                })
            }
        }
    }
    if hex.is_some() {
        return Err(not_known());
    }
    let parts = match Name::parse(name) {
        Ok(p) => p,
        // Something that is not a valid name cannot be the name of a local image.
        Err(_) => return Err(not_known()),
    };
    let registries: Vec<String> = match &parts.registry {
        Some(r) => vec![r.clone()],
        None => vec!["docker.io".into(), "localhost".into()],
    };
    if let Some(digest) = &parts.digest {
        for r in &registries {
            if let Some(img) = db.image_by_digest(&parts.repo_on(r), digest)? {
                return Ok(Found {
                    image: img,
                    by_name: None,
                });
            }
        }
    } else {
        for r in &registries {
            let full = format!("{}:{}", parts.repo_on(r), parts.tag_or_latest());
            if let Some(img) = db.image_by_name(&full)? {
                return Ok(Found {
                    image: img,
                    by_name: Some(full),
                });
            }
        }
    }
    if parts.registry.is_some() {
        return Err(not_known());
    }
    // A short name pulled from another registry (unqualified-search-registries): match the
    // end of every stored name.
    let suffix = format!("/{}", parts.path);
    let mut hits: Vec<(String, Image)> = Vec::new();
    for img in db.images()? {
        let hit = img.names.iter().find(|n| {
            let (repo, tag) = split_name(n);
            repo.ends_with(&suffix)
                && match &parts.digest {
                    Some(d) => img.digests.iter().any(|x| x == d) || &img.digest == d,
                    None => tag == parts.tag_or_latest(),
                }
        });
        if let Some(n) = hit {
            hits.push((n.clone(), img));
        }
    }
    match hits.len() {
        0 => Err(not_known()),
        1 => {
            let (n, image) = hits.remove(0);
            let by_name = parts.digest.is_none().then_some(n);
            Ok(Found { image, by_name })
        }
        _ => Err(EngineError::AmbiguousImage {
            name: name.to_string(),
            matches: hits.into_iter().map(|(n, _)| n).collect(),
        }),
    }
}

/// Every stored name in repository `repo` (no tag or digest), sorted: what Docker's
/// `push --all-tags` pushes. A short name is looked for on docker.io, then localhost.
pub fn names_in_repo(db: &Db, repo: &str) -> Result<Vec<String>> {
    let parts = Name::parse(repo)?;
    if parts.tag.is_some() || parts.digest.is_some() {
        return Err(EngineError::InvalidReference {
            reference: repo.to_string(),
            reason: "a repository takes no tag or digest here".into(),
        });
    }
    let registries: Vec<String> = match &parts.registry {
        Some(r) => vec![r.clone()],
        None => vec!["docker.io".into(), "localhost".into()],
    };
    let images = db.images()?;
    for r in registries {
        let want = parts.repo_on(&r);
        let mut names: Vec<String> = images
            .iter()
            .flat_map(|i| i.names.iter())
            .filter(|n| split_name(n).0 == want)
            .cloned()
            .collect();
        if !names.is_empty() {
            names.sort();
            return Ok(names);
        }
    }
    Ok(Vec::new())
}

/// Whether `name` resolves to a local image (`image exists`). Other errors are errors.
pub fn exists(db: &Db, name: &str) -> Result<bool> {
    match lookup(db, name) {
        Ok(_) => Ok(true),
        Err(EngineError::ImageNotKnown { .. }) => Ok(false),
        Err(e) => Err(e),
    }
}

// ---------------------------------------------------------------------------------------------
// The image's config blob

/// The parts of an OCI/Docker image config hutch reads; everything is optional because
/// images in the wild omit most of it. Not oci-spec's `ImageConfiguration`: `inspect` and
/// `run` need the `config` section as stored, Docker-only keys included (Healthcheck, Shell,
/// OnBuild), which oci-spec's `Config` drops, and `docker_version` which it does not have.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ImageConfig {
    #[serde(default)]
    pub architecture: String,
    #[serde(default)]
    pub os: String,
    #[serde(default)]
    pub variant: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub comment: Option<String>,
    #[serde(default)]
    pub created: Option<String>,
    #[serde(default)]
    pub docker_version: Option<String>,
    #[serde(default)]
    pub config: Option<Value>,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    #[serde(default)]
    pub rootfs: Option<RootFs>,
}

#[derive(Debug, Clone, Default, serde::Deserialize, Serialize)]
pub struct HistoryEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub empty_layer: bool,
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct RootFs {
    #[serde(default, rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub diff_ids: Vec<String>,
}

/// Parses the stored config blob; a damaged one is an error naming the image.
pub fn config(image: &Image) -> Result<ImageConfig> {
    serde_json::from_slice(&image.config).map_err(|source| EngineError::BadImageConfig {
        image: image.id.clone(),
        source,
    })
}

fn labels(cfg: &ImageConfig) -> BTreeMap<String, String> {
    cfg.config
        .as_ref()
        .and_then(|c| c.get("Labels"))
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect()
        })
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Listing

/// Lists images, newest first, keeping those `filters` (from `filters::images`) accept.
pub fn list(db: &Db, filters: &Filters) -> Result<Vec<Image>> {
    let mut images = db.images()?;
    images.sort_by(|a, b| b.created.cmp(&a.created).then(a.id.cmp(&b.id)));
    if filters.is_empty() {
        return Ok(images);
    }
    // before/since compare with another image's creation time; an unknown image is an error.
    let mut times: HashMap<String, DateTime<Utc>> = HashMap::new();
    for key in ["before", "since"] {
        for v in filters.values(key) {
            let img = lookup(db, v)?;
            times.insert(v.to_string(), img.image.created);
        }
    }
    let wants_labels = filters.values("label").next().is_some();
    let mut out = Vec::new();
    for img in images {
        // Only a label filter reads (and may fail on) the config blob.
        let labels = if wants_labels {
            labels(&config(&img)?)
        } else {
            BTreeMap::new()
        };
        if filters::image_matches(filters, &img, &labels, |v| times.get(v).copied()) {
            out.push(img);
        }
    }
    Ok(out)
}

/// Whether a `reference=` pattern (shell glob, `*` and `?`) matches a stored name: against the
/// full name, the repository, and their forms without `docker.io/library/` or the registry.
pub fn reference_matches(pattern: &str, name: &str) -> bool {
    let (repo, _) = split_name(name);
    let mut candidates = vec![name.to_string(), repo.to_string()];
    for prefix in ["docker.io/library/", "docker.io/"] {
        if let Some(s) = name.strip_prefix(prefix) {
            candidates.push(s.to_string());
            candidates.push(split_name(s).0.to_string());
        }
    }
    if let Some((_, short)) = name.split_once('/') {
        candidates.push(short.to_string());
        candidates.push(split_name(short).0.to_string());
    }
    // `busybox` matches any `*/busybox` repository, as a short name would.
    if !pattern.contains('/') {
        if let Some(last) = name.rsplit('/').next() {
            candidates.push(last.to_string());
            candidates.push(split_name(last).0.to_string());
        }
    }
    candidates.iter().any(|c| glob(pattern, c))
}

fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// `repo@digest` for every repository the image is named in and every digest it has.
pub fn repo_digests(img: &Image) -> Vec<String> {
    let mut digests: Vec<&String> = vec![&img.digest];
    digests.extend(img.digests.iter().filter(|d| **d != img.digest));
    let mut repos: Vec<&str> = Vec::new();
    for n in &img.names {
        let (repo, _) = split_name(n);
        if !repos.contains(&repo) {
            repos.push(repo);
        }
    }
    let mut out = Vec::new();
    for r in repos {
        for d in &digests {
            if !d.is_empty() {
                out.push(format!("{r}@{d}"));
            }
        }
    }
    out
}

fn time_nanos(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// One image in `images --format json`, with podman's field names.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ImageSummary {
    pub id: String,
    pub parent_id: String,
    pub repo_tags: Vec<String>,
    pub repo_digests: Vec<String>,
    pub size: i64,
    pub shared_size: i64,
    pub virtual_size: i64,
    pub labels: Option<BTreeMap<String, String>>,
    pub containers: i64,
    pub names: Vec<String>,
    pub digest: String,
    pub history: Vec<String>,
    pub created: i64,
    pub created_at: String,
}

pub fn summary(img: &Image, containers: i64) -> Result<ImageSummary> {
    let labels = labels(&config(img)?);
    Ok(ImageSummary {
        id: img.id.clone(),
        parent_id: String::new(),
        repo_tags: img.names.clone(),
        repo_digests: repo_digests(img),
        size: img.size,
        shared_size: 0,
        virtual_size: img.size,
        labels: (!labels.is_empty()).then_some(labels),
        containers,
        names: img.names.clone(),
        digest: img.digest.clone(),
        history: img.names.clone(),
        created: img.created.timestamp(),
        created_at: img.created.to_rfc3339_opts(SecondsFormat::Secs, true),
    })
}

// ---------------------------------------------------------------------------------------------
// Inspect

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ImageInspect {
    pub id: String,
    pub digest: String,
    pub repo_tags: Vec<String>,
    pub repo_digests: Vec<String>,
    pub parent: String,
    pub comment: String,
    pub created: String,
    pub config: Value,
    pub version: String,
    pub author: String,
    pub architecture: String,
    pub os: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    pub size: i64,
    pub virtual_size: i64,
    pub graph_driver: GraphDriver,
    #[serde(rename = "RootFS")]
    pub root_fs: RootFsView,
    pub labels: Option<BTreeMap<String, String>>,
    pub annotations: BTreeMap<String, String>,
    pub manifest_type: String,
    pub user: String,
    pub history: Vec<HistoryEntry>,
    pub names_history: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GraphDriver {
    pub name: String,
    pub data: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RootFsView {
    #[serde(rename = "Type")]
    pub kind: String,
    pub layers: Vec<String>,
}

/// The podman-compatible inspect view of an image. `driver` is the storage driver name the
/// caller determined (inspect must not need the user namespace to detect one).
pub fn inspect(db: &Db, paths: &Paths, img: &Image, driver: &str) -> Result<ImageInspect> {
    let cfg = config(img)?;
    let labels = labels(&cfg);
    let store = hutch_storage::LayerStore::new(&paths.graphroot);
    // Podman names the top layer UpperDir and the rest LowerDir (top first).
    let mut dirs: Vec<String> = Vec::new();
    for diff_id in img.layers.iter().rev() {
        if let Some(layer) = db.layer(diff_id)? {
            dirs.push(store.layer_path(&layer.dir).display().to_string());
        }
    }
    let mut data = BTreeMap::new();
    if let Some((upper, lower)) = dirs.split_first() {
        data.insert("UpperDir".to_string(), upper.clone());
        if !lower.is_empty() {
            data.insert("LowerDir".to_string(), lower.join(":"));
        }
    }
    let annotations = serde_json::from_slice::<Value>(&img.manifest)
        .ok()
        .and_then(|m| m.get("annotations").cloned())
        .and_then(|a| serde_json::from_value::<BTreeMap<String, String>>(a).ok())
        .unwrap_or_default();
    let user = cfg
        .config
        .as_ref()
        .and_then(|c| c.get("User"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let diff_ids = match &cfg.rootfs {
        Some(r) if !r.diff_ids.is_empty() => r.diff_ids.clone(),
        _ => img.layers.clone(),
    };
    Ok(ImageInspect {
        id: img.id.clone(),
        digest: img.digest.clone(),
        repo_tags: img.names.clone(),
        repo_digests: repo_digests(img),
        parent: String::new(),
        comment: cfg.comment.clone().unwrap_or_default(),
        created: cfg
            .created
            .clone()
            .unwrap_or_else(|| time_nanos(&img.created)),
        config: cfg
            .config
            .clone()
            .unwrap_or_else(|| Value::Object(Default::default())),
        version: cfg.docker_version.clone().unwrap_or_default(),
        author: cfg.author.clone().unwrap_or_default(),
        architecture: cfg.architecture.clone(),
        os: cfg.os.clone(),
        variant: cfg.variant.clone(),
        size: img.size,
        virtual_size: img.size,
        graph_driver: GraphDriver {
            name: driver.to_string(),
            data,
        },
        root_fs: RootFsView {
            kind: cfg
                .rootfs
                .as_ref()
                .map(|r| r.kind.clone())
                .filter(|k| !k.is_empty())
                .unwrap_or_else(|| "layers".into()),
            layers: diff_ids,
        },
        labels: (!labels.is_empty()).then_some(labels),
        annotations,
        manifest_type: img.manifest_media_type.clone(),
        user,
        history: cfg.history.clone(),
        names_history: img.names.clone(),
    })
}

// ---------------------------------------------------------------------------------------------
// History and tree

/// One row of `history`, newest first, with podman's JSON field names.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryRow {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<DateTime<Utc>>,
    #[serde(rename = "CreatedBy", skip_serializing_if = "String::is_empty")]
    pub created_by: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub size: i64,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

/// The image's history from its config, each non-empty entry paired with its layer's size.
/// The newest row carries the image ID and names; older ones are `<missing>` as in podman.
pub fn history(db: &Db, img: &Image) -> Result<Vec<HistoryRow>> {
    let cfg = config(img)?;
    let mut sizes = Vec::new();
    for diff_id in &img.layers {
        sizes.push(db.layer(diff_id)?.map_or(0, |l| l.size));
    }
    let entries: Vec<HistoryEntry> = if cfg.history.is_empty() {
        img.layers.iter().map(|_| HistoryEntry::default()).collect()
    } else {
        cfg.history.clone()
    };
    let mut layer = 0;
    let mut rows = Vec::new();
    for e in &entries {
        let size = if e.empty_layer {
            0
        } else {
            let s = sizes.get(layer).copied().unwrap_or(0);
            layer += 1;
            s
        };
        rows.push(HistoryRow {
            id: "<missing>".into(),
            created: e
                .created
                .as_deref()
                .and_then(|c| DateTime::parse_from_rfc3339(c).ok())
                .map(|c| c.with_timezone(&Utc)),
            created_by: e.created_by.clone().unwrap_or_default(),
            tags: Vec::new(),
            size,
            comment: e.comment.clone().unwrap_or_default(),
        });
    }
    rows.reverse();
    if let Some(first) = rows.first_mut() {
        first.id = img.id.clone();
        first.tags = img.names.clone();
    }
    Ok(rows)
}

/// A layer of `image tree`: base first.
#[derive(Debug, Clone, Serialize)]
pub struct TreeLayer {
    pub diff_id: String,
    pub size: i64,
}

pub fn tree(db: &Db, img: &Image) -> Result<Vec<TreeLayer>> {
    let mut out = Vec::new();
    for diff_id in &img.layers {
        let size = db.layer(diff_id)?.map_or(0, |l| l.size);
        out.push(TreeLayer {
            diff_id: diff_id.clone(),
            size,
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Tag

/// Adds each new name to the image (moving it off any image that had it).
pub fn tag(db: &Db, image: &str, new_names: &[String]) -> Result<()> {
    let found = lookup(db, image)?;
    let mut names = Vec::new();
    for n in new_names {
        names.push(normalize_new_name(n)?);
    }
    for n in names {
        db.add_name(&found.image.id, &n)?;
        crate::events::image(db, "tag", &found.image.id, &n);
    }
    Ok(())
}

/// Removes names from a local image (`untag IMAGE [NAME...]`): the given ones, or every name
/// when none is given. The image itself stays, with its ID, as podman's `untag`.
pub fn untag(db: &Db, image: &str, names: &[String]) -> Result<()> {
    let found = lookup(db, image)?;
    let img = found.image;
    let mut remove = Vec::new();
    if names.is_empty() {
        remove.clone_from(&img.names);
    }
    for n in names {
        let stored = match lookup(db, n) {
            Ok(Found {
                image,
                by_name: Some(stored),
            }) if image.id == img.id => stored,
            _ => {
                let name = normalize_new_name(n).unwrap_or_else(|_| n.clone());
                if img.names.contains(&name) {
                    name
                } else {
                    return Err(EngineError::TagNotKnown { name });
                }
            }
        };
        remove.push(stored);
    }
    for n in remove {
        db.remove_name(&n)?;
        crate::events::image(db, "untag", &img.id, &n);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Removal

/// IDs of images that containers use (`Db::images_in_use`, filled by the containers work).
/// Podman's intermediate images: unnamed ones another image was built on (one with more
/// layers starting with theirs, or with the same layers and a longer history: a build's
/// steps). `images` hides them without `--all`.
pub fn intermediate_ids(all: &[Image]) -> HashSet<String> {
    let history_len = |i: &Image| config(i).map(|c| c.history.len()).unwrap_or(0);
    let mut out = HashSet::new();
    for x in all.iter().filter(|i| i.names.is_empty()) {
        let xh = std::cell::OnceCell::new();
        let child = all.iter().any(|y| {
            y.id != x.id
                && y.layers.starts_with(&x.layers)
                && (y.layers.len() > x.layers.len()
                    || history_len(y) > *xh.get_or_init(|| history_len(x)))
        });
        if child {
            out.insert(x.id.clone());
        }
    }
    out
}

pub fn images_in_use(db: &Db) -> Result<HashSet<String>> {
    Ok(db.images_in_use()?.into_iter().collect())
}

#[derive(Debug, Clone, Copy, Default)]
pub struct RemoveOptions {
    /// Remove images used by containers or mounted, and images named by ID with several names.
    pub force: bool,
    /// Treat every name of the image as given (`rmi -a`).
    pub all_names: bool,
}

/// What `rmi` did, in order, for printing `Untagged: ...` / `Deleted: ...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removed {
    Untagged(String),
    Deleted(String),
}

/// Removes one image by name or ID as podman's `rmi` does: a name of an image with several
/// names is only untagged; the last name (or the ID) deletes the image. Layer directories no
/// other image uses are removed after the database transaction.
pub fn remove(
    db: &Db,
    paths: &Paths,
    name: &str,
    opts: RemoveOptions,
    events: &mut Vec<Removed>,
) -> Result<()> {
    let found = lookup(db, name)?;
    let img = found.image;
    if !opts.all_names {
        if let Some(n) = &found.by_name {
            if img.names.len() > 1 {
                db.remove_name(n)?;
                crate::events::image(db, "untag", &img.id, n);
                events.push(Removed::Untagged(n.clone()));
                return Ok(());
            }
        } else if img.names.len() > 1 && !opts.force {
            return Err(EngineError::ImageInUse {
                image: img.id.clone(),
                reason: format!(
                    "unable to delete image by ID with more than one tag ({}): please force removal",
                    img.names.join(", ")
                ),
            });
        }
    }
    delete(db, paths, &img, opts.force, events)
}

/// Deletes an image with all its names. Refuses images that containers use or that are
/// mounted unless `force` (which unmounts them).
pub fn delete(
    db: &Db,
    paths: &Paths,
    img: &Image,
    force: bool,
    events: &mut Vec<Removed>,
) -> Result<()> {
    // Containers come with a later issue; then `force` removes them first, as podman does.
    if images_in_use(db)?.contains(&img.id) {
        return Err(EngineError::ImageInUse {
            image: img.id.clone(),
            reason: "a container uses it: remove the container first".into(),
        });
    }
    if mount_count(paths, &img.id)? > 0 {
        if !force {
            return Err(EngineError::ImageInUse {
                image: img.id.clone(),
                reason: "image is mounted: unmount it with `hutch image unmount` or use --force"
                    .into(),
            });
        }
        unmount(db, paths, img, true)?;
    }
    let unreferenced = db.delete_image(&img.id)?;
    for n in &img.names {
        crate::events::image(db, "untag", &img.id, n);
        events.push(Removed::Untagged(n.clone()));
    }
    crate::events::image(
        db,
        "remove",
        &img.id,
        img.names.first().map(String::as_str).unwrap_or(""),
    );
    events.push(Removed::Deleted(img.id.clone()));
    // The rows are gone; a directory that fails to go now is only wasted space.
    let store = hutch_storage::LayerStore::new(&paths.graphroot);
    for layer in unreferenced {
        if let Err(e) = store.remove_layer(&layer.dir) {
            tracing::warn!("image {}: removing layer {}: {e}", img.id, layer.diff_id);
        }
    }
    Ok(())
}

impl crate::Engine {
    /// `rmi` of one image: with `force`, first the containers that use it (podman's `-f`),
    /// then untag or delete as `remove` does. Returns what was untagged and deleted, in order.
    pub fn remove_image(&self, name: &str, opts: RemoveOptions) -> Result<Vec<Removed>> {
        if opts.force {
            if let Ok(found) = lookup(self.db(), name) {
                self.remove_containers_of_image(&found.image.id)?;
            }
        }
        let mut events = Vec::new();
        remove(self.db(), self.paths(), name, opts, &mut events)?;
        Ok(events)
    }
}

/// What `prune_report` removed: each image's untagged names and deletion, in order, and the
/// bytes its deleted images took.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pruned {
    pub removed: Vec<Removed>,
    pub space: i64,
}

/// Removes images that have no name (or, with `all`, every image) that no container uses and
/// that are not mounted. Returns the deleted IDs.
pub fn prune(db: &Db, paths: &Paths, all: bool) -> Result<Vec<String>> {
    Ok(prune_report(db, paths, all, &Filters::default())?
        .removed
        .into_iter()
        .filter_map(|r| match r {
            Removed::Deleted(id) => Some(id),
            Removed::Untagged(_) => None,
        })
        .collect())
}

/// `prune` of the images `filters` (from `filters::image_prune`) accept, reporting what was
/// untagged and deleted and the space freed (Docker's answer). `dangling=false` is `all`.
pub fn prune_report(db: &Db, paths: &Paths, all: bool, filters: &Filters) -> Result<Pruned> {
    let all = all
        || filters
            .values("dangling")
            .any(|v| matches!(v, "false" | "0"));
    let wants_labels = filters
        .values("label")
        .chain(filters.values("label!"))
        .next()
        .is_some();
    let in_use = images_in_use(db)?;
    let mut out = Pruned::default();
    for img in db.images()? {
        if (!all && !img.names.is_empty()) || in_use.contains(&img.id) {
            continue;
        }
        let labels = if wants_labels {
            labels(&config(&img)?)
        } else {
            BTreeMap::new()
        };
        if !filters::image_prune_matches(filters, &img, &labels) {
            continue;
        }
        if mount_count(paths, &img.id)? > 0 {
            continue;
        }
        let mut events = Vec::new();
        match delete(db, paths, &img, false, &mut events) {
            Ok(()) => {
                out.removed.extend(events);
                out.space += img.size;
            }
            // Another process removed it first.
            Err(EngineError::State(hutch_state::StateError::ImageNotFound { .. })) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Image mounts

/// `graphroot/image-mounts/<id>`: `merged/` is the mount point, `count` how many times the
/// image was mounted (podman semantics: two mounts need two unmounts), `driver` which driver
/// mounted it.
fn mount_dir(paths: &Paths, id: &str) -> PathBuf {
    paths.graphroot.join("image-mounts").join(id)
}

/// Where an image is (or would be) mounted.
pub fn mount_point(paths: &Paths, id: &str) -> PathBuf {
    mount_dir(paths, id).join("merged")
}

fn read_trimmed(path: &std::path::Path) -> Result<Option<String>> {
    match std::fs::read_to_string(path) {
        Ok(s) => Ok(Some(s.trim().to_string())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(EngineError::io(path, e)),
    }
}

fn write_atomic(path: &std::path::Path, contents: &str) -> Result<()> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, contents).map_err(|e| EngineError::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| EngineError::io(path, e))
}

/// How many times the image is mounted. A count whose mount vanished (the pause process and
/// its mount namespace were recreated) is stale and counts as zero. Call inside the namespace.
pub fn mount_count(paths: &Paths, id: &str) -> Result<u32> {
    let dir = mount_dir(paths, id);
    let count = read_trimmed(&dir.join("count"))?
        .and_then(|c| c.parse::<u32>().ok())
        .unwrap_or(0);
    if count == 0 {
        return Ok(0);
    }
    let driver = read_trimmed(&dir.join("driver"))?.unwrap_or_default();
    // vfs "mounts" are copies and always there; real mounts must be in mountinfo.
    if driver != "vfs" && !hutch_sys::procfs::is_mount_point(&dir.join("merged")) {
        return Ok(0);
    }
    Ok(count)
}

/// Serialises mount-count updates between hutch processes; released on drop.
fn lock_mounts(paths: &Paths) -> Result<hutch_sys::lock::FileLock> {
    let dir = paths.graphroot.join("image-mounts");
    std::fs::create_dir_all(&dir).map_err(|e| EngineError::io(&dir, e))?;
    Ok(hutch_sys::lock::FileLock::exclusive(&dir.join("lock"))?)
}

/// Mounts the image read-only (or counts one more mount of it) and returns the mount point.
/// Must run inside the user namespace, whose mount namespace keeps the mount.
pub fn mount(db: &Db, paths: &Paths, img: &Image) -> Result<PathBuf> {
    let _lock = lock_mounts(paths)?;
    let dir = mount_dir(paths, &img.id);
    let merged = dir.join("merged");
    let count = mount_count(paths, &img.id)?;
    if count > 0 {
        write_atomic(&dir.join("count"), &(count + 1).to_string())?;
        return Ok(merged);
    }
    let store = hutch_storage::LayerStore::new(&paths.graphroot);
    let mut dirs = Vec::new();
    for diff_id in img.layers.iter().rev() {
        let layer = db
            .layer(diff_id)?
            .ok_or_else(|| EngineError::LayerMissing {
                image: img.id.clone(),
                layer: diff_id.clone(),
            })?;
        dirs.push(layer.dir);
    }
    let mut lowers: Vec<PathBuf> = dirs.iter().map(|d| store.layer_path(d)).collect();
    // Without an upper directory `/` is the top layer's own root: when the image's is another
    // (the top layer's tar has none), a layer of just that root goes on top.
    if let (Some(attrs), Some(top)) = (store.root_attrs(&dirs, &lowers)?, lowers.first()) {
        let own = hutch_storage::RootAttrs::of(top).map_err(|e| EngineError::io(top, e))?;
        if own != attrs {
            lowers.insert(0, store.root_layer(&dirs[0], &attrs)?);
        }
    }
    let driver = hutch_storage::mount::driver(&paths.graphroot, paths.storage_driver.as_deref())?;
    std::fs::create_dir_all(&merged).map_err(|e| EngineError::io(&merged, e))?;
    hutch_storage::mount::mount(driver, &lowers, None, &merged)?;
    write_atomic(&dir.join("driver"), driver.name())?;
    write_atomic(&dir.join("count"), "1")?;
    Ok(merged)
}

/// Drops one mount of the image (all of them with `force`); unmounts when none is left.
/// Returns whether the image was mounted at all.
pub fn unmount(_db: &Db, paths: &Paths, img: &Image, force: bool) -> Result<bool> {
    let _lock = lock_mounts(paths)?;
    let dir = mount_dir(paths, &img.id);
    let count = mount_count(paths, &img.id)?;
    if count == 0 {
        // Clear a stale count left by a vanished namespace.
        let _ = std::fs::remove_dir_all(&dir);
        return Ok(false);
    }
    if count > 1 && !force {
        write_atomic(&dir.join("count"), &(count - 1).to_string())?;
        return Ok(true);
    }
    let driver = match read_trimmed(&dir.join("driver"))?.as_deref() {
        Some("vfs") => hutch_storage::mount::Driver::Vfs,
        Some("fuse-overlayfs") => hutch_storage::mount::Driver::FuseOverlayfs,
        _ => hutch_storage::mount::Driver::Overlay,
    };
    let merged = dir.join("merged");
    hutch_storage::mount::unmount(driver, &merged)?;
    std::fs::remove_dir_all(&dir).map_err(|e| EngineError::io(&dir, e))?;
    Ok(true)
}

/// Images mounted now, with their mount points.
pub fn mounted(db: &Db, paths: &Paths) -> Result<Vec<(Image, PathBuf)>> {
    let root = paths.graphroot.join("image-mounts");
    let entries = match std::fs::read_dir(&root) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(EngineError::io(&root, e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| EngineError::io(&root, e))?;
        let id = entry.file_name().to_string_lossy().into_owned();
        if !is_full_id(&id) || mount_count(paths, &id)? == 0 {
            continue;
        }
        if let Some(img) = db.image(&id)? {
            out.push((img, mount_point(paths, &id)));
        }
    }
    Ok(out)
}

/// Image IDs with a mount count file, whether or not the mount is still there (for rmi -a to
/// know what to check without entering the namespace).
pub fn mount_ids(paths: &Paths) -> HashSet<String> {
    std::fs::read_dir(paths.graphroot.join("image-mounts"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|id| is_full_id(id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_names_go_to_localhost() {
        assert_eq!(
            normalize_new_name("myimg").unwrap(),
            "localhost/myimg:latest"
        );
        assert_eq!(
            normalize_new_name("docker.io/busybox:x").unwrap(),
            "docker.io/library/busybox:x"
        );
        assert_eq!(
            normalize_new_name("quay.io/a/b:1").unwrap(),
            "quay.io/a/b:1"
        );
        assert!(normalize_new_name(&format!("a@sha256:{}", "0".repeat(64))).is_err());
    }

    #[test]
    fn splits_names() {
        assert_eq!(
            split_name("docker.io/library/busybox:latest"),
            ("docker.io/library/busybox", "latest")
        );
        assert_eq!(
            split_name("localhost:5000/img:1"),
            ("localhost:5000/img", "1")
        );
        assert_eq!(split_name("localhost:5000/img"), ("localhost:5000/img", ""));
    }

    #[test]
    fn reference_filter() {
        let n = "docker.io/library/busybox:latest";
        assert!(reference_matches("busybox", n));
        assert!(reference_matches("busybox:latest", n));
        assert!(reference_matches("docker.io/library/busybox", n));
        assert!(reference_matches("busy*", n));
        assert!(reference_matches("*/library/*", n));
        assert!(!reference_matches("alpine", n));
        assert!(!reference_matches("busybox:1.36", n));
        assert!(reference_matches("img", "localhost:5000/img:1"));
        assert!(glob("a*c?", "abbbcd"));
        assert!(!glob("a*c", "abd"));
    }

    fn new_image(n: u32, layers: &[u32], names: &[&str]) -> hutch_state::NewImage {
        let layer = |l: u32| hutch_state::NewLayer {
            diff_id: format!("sha256:{l:064x}"),
            dir: format!("dir{l}"),
            compressed_digest: None,
            media_type: None,
            size: 1000 * l as i64,
        };
        let config = serde_json::json!({
            "architecture": "amd64", "os": "linux",
            "created": "2024-01-02T03:04:05.123456789Z",
            "config": {"Cmd": ["sh"], "Labels": {"k": "v"}, "User": "1000"},
            "rootfs": {"type": "layers", "diff_ids": layers.iter().map(|&l| layer(l).diff_id).collect::<Vec<_>>()},
            "history": [
                {"created": "2024-01-01T00:00:00Z", "created_by": "ADD rootfs"},
                {"created": "2024-01-02T00:00:00Z", "created_by": "CMD [\"sh\"]", "empty_layer": true},
                {"created": "2024-01-02T03:04:05Z", "created_by": "RUN touch /x"}
            ]
        });
        hutch_state::NewImage {
            id: format!("{n:064x}"),
            digest: format!("sha256:d{n:063x}"),
            digests: vec![format!("sha256:d{n:063x}")],
            names: names.iter().map(|s| s.to_string()).collect(),
            layers: layers.iter().map(|&l| layer(l).diff_id).collect(),
            new_layers: layers.iter().map(|&l| layer(l)).collect(),
            manifest: b"{}".to_vec(),
            manifest_media_type: "application/vnd.oci.image.manifest.v1+json".into(),
            config: serde_json::to_vec(&config).unwrap(),
            created: DateTime::parse_from_rfc3339("2024-01-02T03:04:05Z")
                .unwrap()
                .with_timezone(&Utc)
                + chrono::Duration::seconds(n as i64),
            size: 1234,
        }
    }

    fn store() -> (tempfile::TempDir, Paths, Db) {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::resolve(&crate::Options {
            root: Some(dir.path().join("root")),
            runroot: Some(dir.path().join("run")),
            ..Default::default()
        });
        let db = open_db(&paths).unwrap();
        db.commit_image(&new_image(
            0xabc1,
            &[1, 2],
            &["docker.io/library/busybox:latest", "localhost/mine:1"],
        ))
        .unwrap();
        db.commit_image(&new_image(0xabc2, &[1], &["localhost/busybox:latest"]))
            .unwrap();
        db.commit_image(&new_image(0xdef3, &[3], &["quay.io/a/tool:latest"]))
            .unwrap();
        db.commit_image(&new_image(0xdef4, &[4], &["ghcr.io/b/tool:latest"]))
            .unwrap();
        db.commit_image(&new_image(0x05f5, &[5], &[])).unwrap();
        (dir, paths, db)
    }

    fn id(n: u32) -> String {
        format!("{n:064x}")
    }

    #[test]
    fn lookup_rules() {
        let (_d, _p, db) = store();
        let find = |n: &str| lookup(&db, n).map(|f| (f.image.id, f.by_name));
        // Short names prefer docker.io, then localhost.
        assert_eq!(
            find("busybox").unwrap(),
            (id(0xabc1), Some("docker.io/library/busybox:latest".into()))
        );
        assert_eq!(find("busybox:latest").unwrap().0, id(0xabc1));
        assert_eq!(find("localhost/busybox").unwrap().0, id(0xabc2));
        assert_eq!(find("mine:1").unwrap().0, id(0xabc1));
        // Full ID, sha256: ID, unique prefix.
        assert_eq!(find(&id(0x05f5)).unwrap(), (id(0x05f5), None));
        assert_eq!(
            find(&format!("sha256:{}", id(0x05f5))).unwrap().0,
            id(0x05f5)
        );
        assert_eq!(find(&id(0x05f5)[..61]).unwrap().0, id(0x05f5));
        assert!(matches!(
            lookup(&db, &id(0xabc1)[..60]),
            Err(EngineError::AmbiguousImage { .. })
        ));
        // Any registry's short name, ambiguous when several.
        let err = lookup(&db, "tool").unwrap_err();
        assert!(matches!(err, EngineError::AmbiguousImage { .. }), "{err}");
        assert!(err.to_string().contains("quay.io/a/tool:latest"), "{err}");
        assert_eq!(find("a/tool").unwrap().0, id(0xdef3));
        // name@digest.
        let d = format!("sha256:d{:063x}", 0xabc2);
        assert_eq!(find(&format!("busybox@{d}")).unwrap().0, id(0xabc2));
        // Not found: podman's message names the image.
        let err = lookup(&db, "nosuch").unwrap_err();
        assert_eq!(err.to_string(), "nosuch: image not known");
        assert!(matches!(
            lookup(&db, "busybox:2"),
            Err(EngineError::ImageNotKnown { .. })
        ));
        assert!(matches!(
            lookup(&db, "Bad!Name"),
            Err(EngineError::ImageNotKnown { .. })
        ));
        assert!(exists(&db, "busybox").unwrap());
        assert_eq!(
            names_in_repo(&db, "busybox").unwrap(),
            vec!["docker.io/library/busybox:latest"]
        );
        assert_eq!(
            names_in_repo(&db, "mine").unwrap(),
            vec!["localhost/mine:1"]
        );
        assert!(names_in_repo(&db, "nosuch").unwrap().is_empty());
        assert!(names_in_repo(&db, "busybox:1").is_err());
        assert!(!exists(&db, "alpine").unwrap());
    }

    #[test]
    fn list_filters() {
        let (_d, _p, db) = store();
        let ids = |f: &[&str]| -> Vec<String> {
            let o = filters::images(&f.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
            list(&db, &o).unwrap().into_iter().map(|i| i.id).collect()
        };
        assert_eq!(ids(&[]).len(), 5);
        assert_eq!(ids(&[])[0], id(0xdef4), "newest first");
        assert_eq!(ids(&["dangling=true"]), vec![id(0x05f5)]);
        assert_eq!(ids(&["dangling=false"]).len(), 4);
        assert_eq!(ids(&["reference=busybox"]), vec![id(0xabc2), id(0xabc1)]);
        assert_eq!(
            ids(&["reference=busybox", "reference=*tool"]).len(),
            4,
            "same key ORs"
        );
        assert_eq!(ids(&["reference=busybox", "id=0"]).len(), 2);
        assert_eq!(ids(&["label=k=v"]).len(), 5);
        assert!(ids(&["label=k=w"]).is_empty());
        let err = filters::images(&["nope=1".to_string()]).unwrap_err();
        assert!(
            err.to_string().contains("nope is not an image filter"),
            "{err}"
        );
        assert!(filters::images(&["dangling=maybe".to_string()]).is_err());
    }

    #[test]
    fn rmi_untags_then_deletes_and_keeps_shared_layers() {
        let (_d, paths, db) = store();
        let mut ev = Vec::new();
        remove(&db, &paths, "busybox", RemoveOptions::default(), &mut ev).unwrap();
        assert_eq!(
            ev,
            vec![Removed::Untagged("docker.io/library/busybox:latest".into())]
        );
        ev.clear();
        remove(&db, &paths, "mine:1", RemoveOptions::default(), &mut ev).unwrap();
        assert_eq!(
            ev,
            vec![
                Removed::Untagged("localhost/mine:1".into()),
                Removed::Deleted(id(0xabc1))
            ]
        );
        // Layer 1 is shared with 0xabc2 and stays; layer 2 went.
        assert!(db.layer(&format!("sha256:{:064x}", 1)).unwrap().is_some());
        assert!(db.layer(&format!("sha256:{:064x}", 2)).unwrap().is_none());
        // By ID with several names needs force.
        tag(&db, "localhost/busybox", &["extra".into()]).unwrap();
        let err = remove(&db, &paths, &id(0xabc2), RemoveOptions::default(), &mut ev).unwrap_err();
        assert!(matches!(err, EngineError::ImageInUse { .. }), "{err}");
        ev.clear();
        let force = RemoveOptions {
            force: true,
            all_names: false,
        };
        remove(
            &db,
            &paths,
            &format!("sha256:{}", id(0xabc2)),
            force,
            &mut ev,
        )
        .unwrap();
        assert_eq!(ev.len(), 3);
        assert!(matches!(
            remove(&db, &paths, "busybox", force, &mut ev),
            Err(EngineError::ImageNotKnown { .. })
        ));
    }

    #[test]
    fn prune_and_tag() {
        let (_d, paths, db) = store();
        assert_eq!(prune(&db, &paths, false).unwrap(), vec![id(0x05f5)]);
        tag(
            &db,
            "quay.io/a/tool",
            &["docker.io/library/busybox:latest".into()],
        )
        .unwrap();
        // The name moved.
        assert_eq!(lookup(&db, "busybox").unwrap().image.id, id(0xdef3));
        assert!(tag(&db, "nosuch", &["x".into()]).is_err());
        assert!(tag(&db, "busybox", &["Bad".into()]).is_err());
        let only = |f: &str| filters::image_prune(&[f.to_string()]).unwrap();
        let none = prune_report(&db, &paths, true, &only("label=k=w")).unwrap();
        assert!(none.removed.is_empty());
        let none = prune_report(&db, &paths, true, &only("until=2000-01-01T00:00:00Z")).unwrap();
        assert!(none.removed.is_empty());
        assert!(filters::image_prune(&["until=soon".into()]).is_err());
        let all = prune_report(&db, &paths, false, &only("dangling=false")).unwrap();
        assert_eq!(
            all.removed
                .iter()
                .filter(|r| matches!(r, Removed::Deleted(_)))
                .count(),
            4
        );
        assert!(db.images().unwrap().is_empty());
    }

    #[test]
    fn inspect_and_history_views() {
        let (_d, paths, db) = store();
        let img = lookup(&db, "busybox").unwrap().image;
        let v = serde_json::to_value(inspect(&db, &paths, &img, "overlay").unwrap()).unwrap();
        assert_eq!(v["Id"], id(0xabc1));
        assert_eq!(v["Created"], "2024-01-02T03:04:05.123456789Z");
        assert_eq!(v["Config"]["Cmd"][0], "sh");
        assert_eq!(v["User"], "1000");
        assert_eq!(v["GraphDriver"]["Name"], "overlay");
        assert!(v["GraphDriver"]["Data"]["UpperDir"]
            .as_str()
            .unwrap()
            .ends_with("layers/dir2"));
        assert_eq!(v["RootFS"]["Layers"].as_array().unwrap().len(), 2);
        assert_eq!(
            v["RepoDigests"][0],
            format!("docker.io/library/busybox@sha256:d{:063x}", 0xabc1)
        );
        let h = history(&db, &img).unwrap();
        assert_eq!(h.len(), 3);
        assert_eq!(h[0].id, id(0xabc1));
        assert_eq!(h[0].size, 2000);
        assert_eq!(h[1].size, 0);
        assert_eq!(h[2].size, 1000);
        assert_eq!(h[2].id, "<missing>");
        let s = serde_json::to_value(summary(&img, 0).unwrap()).unwrap();
        assert_eq!(s["Created"], img.created.timestamp());
        assert_eq!(s["CreatedAt"], "2024-01-02T15:16:54Z");
        assert_eq!(s["Labels"]["k"], "v");
    }
}
