//! Test images built from local files: layer entries -> tar (with raw names, so hostile entries
//! are possible) -> gzip/zstd/none -> config, manifest (Docker schema2 or OCI) and index, pushed
//! to the real registry over its HTTP API.

use crate::registry::{push_blob, push_manifest, registries, Blob};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

pub const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";
pub const DOCKER_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";
pub const DOCKER_CONFIG: &str = "application/vnd.docker.container.image.v1+json";
pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
pub const OCI_CONFIG: &str = "application/vnd.oci.image.config.v1+json";

/// The fixed mtime of every entry, so images are reproducible.
const MTIME: u64 = 1_700_000_000;

pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// What a layer entry is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Dir,
    File(Vec<u8>),
    Symlink(String),
    /// Hard link to an earlier entry (path relative to the root, as in tar).
    Hardlink(String),
    /// `.wh.NAME`: deletes NAME from lower layers.
    Whiteout,
    /// `.wh..wh..opq` inside this directory: hides everything lower layers put in it.
    Opaque,
    CharDev(u32, u32),
}

/// One tar entry. `path` is written verbatim (no normalisation), so `../x` and `/abs` are possible.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: String,
    pub kind: Kind,
    pub mode: u32,
    pub uid: u64,
    pub gid: u64,
}

impl Entry {
    pub fn owner(mut self, uid: u64, gid: u64) -> Entry {
        self.uid = uid;
        self.gid = gid;
        self
    }
}

pub fn dir(path: &str, mode: u32) -> Entry {
    Entry {
        path: path.into(),
        kind: Kind::Dir,
        mode,
        uid: 0,
        gid: 0,
    }
}
pub fn file(path: &str, mode: u32, data: impl AsRef<[u8]>) -> Entry {
    Entry {
        path: path.into(),
        kind: Kind::File(data.as_ref().to_vec()),
        mode,
        uid: 0,
        gid: 0,
    }
}
pub fn symlink(path: &str, target: &str) -> Entry {
    Entry {
        path: path.into(),
        kind: Kind::Symlink(target.into()),
        mode: 0o777,
        uid: 0,
        gid: 0,
    }
}
pub fn hardlink(path: &str, target: &str) -> Entry {
    Entry {
        path: path.into(),
        kind: Kind::Hardlink(target.into()),
        mode: 0o644,
        uid: 0,
        gid: 0,
    }
}
/// Deletes `path` (writes `.wh.<name>` next to it).
pub fn whiteout(path: &str) -> Entry {
    Entry {
        path: path.into(),
        kind: Kind::Whiteout,
        mode: 0o644,
        uid: 0,
        gid: 0,
    }
}
/// Marks directory `path` opaque (writes `<path>/.wh..wh..opq`).
pub fn opaque(path: &str) -> Entry {
    Entry {
        path: path.into(),
        kind: Kind::Opaque,
        mode: 0o644,
        uid: 0,
        gid: 0,
    }
}
pub fn chardev(path: &str, major: u32, minor: u32) -> Entry {
    Entry {
        path: path.into(),
        kind: Kind::CharDev(major, minor),
        mode: 0o666,
        uid: 0,
        gid: 0,
    }
}

/// The name a whiteout or opaque marker has in the tar stream.
pub fn tar_name(e: &Entry) -> String {
    match e.kind {
        Kind::Whiteout => match e.path.rsplit_once('/') {
            Some((parent, name)) => format!("{parent}/.wh.{name}"),
            None => format!(".wh.{}", e.path),
        },
        Kind::Opaque => format!("{}/.wh..wh..opq", e.path.trim_end_matches('/')),
        Kind::Dir => format!("{}/", e.path.trim_end_matches('/')),
        _ => e.path.clone(),
    }
}

fn set_raw(slot: &mut [u8], value: &[u8]) {
    assert!(
        value.len() <= slot.len(),
        "tar name too long for the test builder: {:?}",
        String::from_utf8_lossy(value)
    );
    slot.fill(0);
    slot[..value.len()].copy_from_slice(value);
}

fn header_for(e: &Entry) -> (tar::Header, Vec<u8>) {
    let mut h = tar::Header::new_ustar();
    let mut data = Vec::new();
    let (ty, link): (tar::EntryType, Option<&str>) = match &e.kind {
        Kind::Dir => (tar::EntryType::Directory, None),
        Kind::File(d) => {
            data = d.clone();
            (tar::EntryType::Regular, None)
        }
        Kind::Symlink(t) => (tar::EntryType::Symlink, Some(t)),
        Kind::Hardlink(t) => (tar::EntryType::Link, Some(t)),
        Kind::Whiteout | Kind::Opaque => (tar::EntryType::Regular, None),
        Kind::CharDev(..) => (tar::EntryType::Char, None),
    };
    h.set_entry_type(ty);
    h.set_mode(e.mode);
    h.set_uid(e.uid);
    h.set_gid(e.gid);
    h.set_mtime(MTIME);
    h.set_size(data.len() as u64);
    if let Kind::CharDev(maj, min) = e.kind {
        h.set_device_major(maj).unwrap();
        h.set_device_minor(min).unwrap();
    }
    set_raw(&mut h.as_old_mut().name, tar_name(e).as_bytes());
    if let Some(l) = link {
        set_raw(&mut h.as_old_mut().linkname, l.as_bytes());
    }
    h.set_cksum();
    (h, data)
}

/// An uncompressed layer and its diff_id.
#[derive(Debug, Clone)]
pub struct Layer {
    pub entries: Vec<Entry>,
    pub tar: Vec<u8>,
    pub diff_id: String,
}

pub fn layer(entries: Vec<Entry>) -> Layer {
    let mut b = tar::Builder::new(Vec::new());
    for e in &entries {
        let (h, data) = header_for(e);
        b.append(&h, data.as_slice()).unwrap();
    }
    let tar = b.into_inner().unwrap();
    let diff_id = format!("sha256:{}", sha256_hex(&tar));
    Layer {
        entries,
        tar,
        diff_id,
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Comp {
    Gzip,
    Zstd,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Format {
    Docker,
    Oci,
}

fn layer_media_type(format: Format, comp: Comp) -> &'static str {
    match (format, comp) {
        (Format::Docker, Comp::Gzip) => "application/vnd.docker.image.rootfs.diff.tar.gzip",
        (Format::Docker, Comp::None) => "application/vnd.docker.image.rootfs.diff.tar",
        (Format::Docker, Comp::Zstd) => {
            panic!("Docker schema2 has no zstd layers; use an OCI manifest")
        }
        (Format::Oci, Comp::Gzip) => "application/vnd.oci.image.layer.v1.tar+gzip",
        (Format::Oci, Comp::Zstd) => "application/vnd.oci.image.layer.v1.tar+zstd",
        (Format::Oci, Comp::None) => "application/vnd.oci.image.layer.v1.tar",
    }
}

/// Compressing the busybox layer once per test process, not once per image that shares it.
fn compress_cached(l: &Layer, comp: Comp) -> Arc<Vec<u8>> {
    type Cache = Mutex<HashMap<(String, u8), Arc<Vec<u8>>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let key = (l.diff_id.clone(), comp as u8);
    let cache = CACHE.get_or_init(Default::default);
    if let Some(v) = cache.lock().unwrap().get(&key) {
        return v.clone();
    }
    let v = Arc::new(compress(&l.tar, comp));
    cache.lock().unwrap().insert(key, v.clone());
    v
}

pub fn compress(data: &[u8], comp: Comp) -> Vec<u8> {
    match comp {
        Comp::None => data.to_vec(),
        Comp::Gzip => {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            enc.write_all(data).unwrap();
            enc.finish().unwrap()
        }
        Comp::Zstd => zstd::stream::encode_all(data, 3).unwrap(),
    }
}

/// What a test needs to know about an image it pushed.
#[derive(Debug, Clone)]
pub struct Pushed {
    pub repo: String,
    pub tag: String,
    /// Image ID: hex sha256 of the config blob (what `pull` prints).
    pub id: String,
    /// `sha256:...` of the manifest (or of the index for multi-arch images).
    pub digest: String,
    pub diff_ids: Vec<String>,
    /// Compressed layer digests as listed in the manifest.
    pub blobs: Vec<String>,
    pub layers: Vec<Layer>,
}

impl Pushed {
    /// `HOST/REPO:TAG` on a given registry (all registries share one storage).
    pub fn on(&self, host: &str) -> String {
        format!("{host}/{}:{}", self.repo, self.tag)
    }

    /// The reference on the plain HTTP registry.
    pub fn plain(&self) -> String {
        self.on(&registries().plain.host())
    }
}

/// Platform and config details of an image.
#[derive(Debug, Clone)]
pub struct Spec {
    pub arch: &'static str,
    pub variant: Option<&'static str>,
    pub format: Format,
}

impl Default for Spec {
    fn default() -> Self {
        Spec {
            arch: "amd64",
            variant: None,
            format: Format::Oci,
        }
    }
}

pub fn config_json(spec: &Spec, name: &str, diff_ids: &[String]) -> Vec<u8> {
    let history: Vec<_> = diff_ids
        .iter()
        .enumerate()
        .map(|(i, _)| json!({"created": "2024-01-02T03:04:05Z", "created_by": format!("hutch-it {name} layer {}", i + 1)}))
        .collect();
    let mut cfg = json!({
        "created": "2024-01-02T03:04:05Z",
        "architecture": spec.arch,
        "os": "linux",
        "config": {
            "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
            "Cmd": ["sh"],
            "Labels": {"org.hutch.test": name},
        },
        "rootfs": {"type": "layers", "diff_ids": diff_ids},
        "history": history,
    });
    if let Some(v) = spec.variant {
        cfg["variant"] = json!(v);
    }
    serde_json::to_vec(&cfg).unwrap()
}

/// Pushes an image's blobs and manifest to the plain registry. Returns the manifest bytes too.
pub fn push_image(
    repo: &str,
    tag: &str,
    spec: &Spec,
    layers: Vec<(Layer, Comp)>,
) -> (Pushed, Vec<u8>) {
    push_image_with(repo, tag, spec, layers, |_| {})
}

/// `push_image` with the image config changed by `edit` first (e.g. a Healthcheck).
pub fn push_image_with(
    repo: &str,
    tag: &str,
    spec: &Spec,
    layers: Vec<(Layer, Comp)>,
    edit: impl FnOnce(&mut serde_json::Value),
) -> (Pushed, Vec<u8>) {
    let host = registries().plain.host();
    let only_layers: Vec<Layer> = layers.iter().map(|(l, _)| l.clone()).collect();
    let diff_ids: Vec<String> = only_layers.iter().map(|l| l.diff_id.clone()).collect();
    let mut cfg: serde_json::Value =
        serde_json::from_slice(&config_json(spec, &format!("{repo}:{tag}"), &diff_ids)).unwrap();
    edit(&mut cfg);
    let config = serde_json::to_vec(&cfg).unwrap();
    let mut descs = Vec::new();
    for (l, comp) in &layers {
        let data = compress_cached(l, *comp);
        let digest = format!("sha256:{}", sha256_hex(&data));
        push_blob(&host, repo, &digest, Blob::Bytes(&data));
        descs.push(LayerDesc {
            media_type: layer_media_type(spec.format, *comp),
            digest,
            size: data.len() as u64,
        });
    }
    let (mut pushed, manifest) = push_config_and_manifest(repo, tag, spec.format, &config, &descs);
    pushed.layers = only_layers;
    (pushed, manifest)
}

/// A layer blob already in the registry, as the manifest lists it.
pub struct LayerDesc {
    pub media_type: &'static str,
    pub digest: String,
    pub size: u64,
}

/// Uploads the config and the manifest over layers that are already pushed.
pub fn push_config_and_manifest(
    repo: &str,
    tag: &str,
    format: Format,
    config: &[u8],
    layers: &[LayerDesc],
) -> (Pushed, Vec<u8>) {
    let host = registries().plain.host();
    let config_digest = format!("sha256:{}", sha256_hex(config));
    push_blob(&host, repo, &config_digest, Blob::Bytes(config));
    let descs: Vec<_> = layers
        .iter()
        .map(|l| json!({"mediaType": l.media_type, "digest": l.digest, "size": l.size}))
        .collect();
    let cfg: serde_json::Value = serde_json::from_slice(config).unwrap();
    let diff_ids: Vec<String> = cfg["rootfs"]["diff_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap().to_string())
        .collect();
    let (mt, cfg_mt) = match format {
        Format::Docker => (DOCKER_MANIFEST, DOCKER_CONFIG),
        Format::Oci => (OCI_MANIFEST, OCI_CONFIG),
    };
    let manifest = serde_json::to_vec(&json!({
        "schemaVersion": 2,
        "mediaType": mt,
        "config": {"mediaType": cfg_mt, "digest": config_digest, "size": config.len()},
        "layers": descs,
    }))
    .unwrap();
    let digest = format!("sha256:{}", sha256_hex(&manifest));
    push_manifest(&host, repo, tag, mt, &manifest);
    let pushed = Pushed {
        repo: repo.into(),
        tag: tag.into(),
        id: sha256_hex(config),
        digest,
        diff_ids,
        blobs: layers.iter().map(|l| l.digest.clone()).collect(),
        layers: Vec::new(),
    };
    (pushed, manifest)
}

/// Pushes an index (OCI) or manifest list (Docker) over already pushed per-platform images, each
/// also reachable by its own tag. Returns the index digest.
pub fn push_index(
    repo: &str,
    tag: &str,
    format: Format,
    images: &[(&Pushed, &[u8], &Spec)],
) -> String {
    let host = registries().plain.host();
    let (mt, entry_mt) = match format {
        Format::Docker => (DOCKER_LIST, DOCKER_MANIFEST),
        Format::Oci => (OCI_INDEX, OCI_MANIFEST),
    };
    let manifests: Vec<_> = images
        .iter()
        .map(|(p, m, spec)| {
            let mut platform = json!({"architecture": spec.arch, "os": "linux"});
            if let Some(v) = spec.variant {
                platform["variant"] = json!(v);
            }
            json!({"mediaType": entry_mt, "digest": p.digest, "size": m.len(), "platform": platform})
        })
        .collect();
    let index =
        serde_json::to_vec(&json!({"schemaVersion": 2, "mediaType": mt, "manifests": manifests}))
            .unwrap();
    push_manifest(&host, repo, tag, mt, &index);
    format!("sha256:{}", sha256_hex(&index))
}
