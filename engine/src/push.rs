//! `push`: a local image to a registry. Each layer's tar is replayed byte for byte from the
//! tar-split recorded when it was unpacked (else rebuilt from its directory: overlay whiteouts
//! back to `.wh.` entries), compressed once per compression and remembered in `layer_blobs`, so
//! later pushes neither recompress nor upload what the registry already has (HEAD, then a
//! cross-repository mount from other repositories of the image on that registry). Layers go up
//! concurrently, biggest first, each compressed (gzip on every CPU) straight into the upload:
//! one streamed PUT under the remembered digest when the layer was pushed before (compression
//! is deterministic; the registry checks the digest), else one streamed PATCH hashed on the
//! way and an empty PUT naming the digest (`upload`), else chunks; a registry that refuses
//! all of these gets the blob compressed to a file and sent in one monolithic PUT. Then the
//! config and the manifest (OCI or Docker schema2), whose digest is added to the image's
//! digests.
//!
//! A layer stored without a tar-split (stored before hutch kept them) and whose rebuilt tar
//! differs from its diff_id cannot be pushed as the image's config describes it: when the
//! original compressed blob is reachable on the destination registry it is reused as is;
//! otherwise the rebuilt tar is pushed and the pushed config's `rootfs.diff_ids` name it (a
//! consistent image with another ID than the local one) rather than failing the push.

use crate::auth::{self, AuthOptions};
use crate::images;
use crate::pull::client::{connect, install_crypto_provider, Session, TlsSettings};
use crate::pull::manifest::{self, Manifest};
use crate::pull::{error_chain, short_digest, Progress};
use crate::reference::{ImageRef, Name};
use crate::registries::RegistriesConf;
use crate::Paths;
use futures_util::StreamExt;
use hutch_state::{Db, Image, LayerBlob};
use hutch_storage::LayerStore;
use indicatif::ProgressBar;
use oci_client::errors::OciDistributionError;
use oci_client::secrets::RegistryAuth;
use oci_client::{Reference, RegistryOperation};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod pgzip;
mod upload;

/// Layers compressed and uploaded at once, at most: compression is CPU-bound, so as many as
/// there are CPUs (at least 2, so a HEAD or an upload can overlap a compression).
const MAX_CONCURRENT_LAYERS: usize = 6;
/// gzip level 1: zlib-rs at level 1 is several times faster than the default level for a few
/// percent more bytes, and pushes are mostly spent compressing (on every CPU: see `pgzip`).
const GZIP_LEVEL: u32 = 1;
const ZSTD_LEVEL: i32 = 3;

pub const OCI_LAYER_GZIP: &str = "application/vnd.oci.image.layer.v1.tar+gzip";
pub const OCI_LAYER_ZSTD: &str = "application/vnd.oci.image.layer.v1.tar+zstd";
pub const DOCKER_LAYER_GZIP: &str = "application/vnd.docker.image.rootfs.diff.tar.gzip";

#[derive(Debug, thiserror::Error)]
pub enum PushError {
    #[error("invalid destination {dest:?}: {reason}")]
    Destination { dest: String, reason: String },
    #[error("{0}")]
    Options(String),
    #[error(
        "pushing {image} to {dest}: {}",
        if *had_creds {
            format!("registry {registry} rejected the credentials (check them with `hutch login {registry}` or --creds)")
        } else {
            format!("authentication required by registry {registry} (run `hutch login {registry}` or pass --creds USER:PASS)")
        }
    )]
    Unauthorized {
        image: String,
        dest: String,
        registry: String,
        had_creds: bool,
    },
    #[error("pushing {image} to {dest}: {reason}")]
    Registry {
        image: String,
        dest: String,
        reason: String,
    },
    #[error("image {image}: layer {diff_id}: {reason}")]
    Layer {
        image: String,
        diff_id: String,
        reason: String,
    },
    #[error("push of {image} interrupted")]
    Interrupted { image: String },
    #[error("internal error: {0}")]
    Internal(String),
}

/// `--format`: the destination manifest type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManifestFormat {
    Oci,
    V2s2,
}

impl std::str::FromStr for ManifestFormat {
    type Err = PushError;
    fn from_str(s: &str) -> Result<Self, PushError> {
        match s {
            "oci" => Ok(ManifestFormat::Oci),
            "v2s2" | "docker" => Ok(ManifestFormat::V2s2),
            "v2s1" => Err(PushError::Options(
                "--format v2s1: Docker schema 1 is not supported; use oci or v2s2".into(),
            )),
            other => Err(PushError::Options(format!(
                "--format {other:?}: use oci or v2s2"
            ))),
        }
    }
}

impl ManifestFormat {
    pub fn manifest_media_type(self) -> &'static str {
        match self {
            ManifestFormat::Oci => manifest::OCI_MANIFEST,
            ManifestFormat::V2s2 => manifest::DOCKER_MANIFEST,
        }
    }
    fn config_media_type(self) -> &'static str {
        match self {
            ManifestFormat::Oci => manifest::OCI_CONFIG,
            ManifestFormat::V2s2 => manifest::DOCKER_CONFIG,
        }
    }
    /// The format an image was stored in: Docker schema2 stays Docker, everything else is OCI.
    pub fn of_image(img: &Image) -> ManifestFormat {
        if img.manifest_media_type == manifest::DOCKER_MANIFEST {
            ManifestFormat::V2s2
        } else {
            ManifestFormat::Oci
        }
    }
}

/// `--compression-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    Gzip,
    Zstd,
}

impl std::str::FromStr for Compression {
    type Err = PushError;
    fn from_str(s: &str) -> Result<Self, PushError> {
        match s {
            "gzip" => Ok(Compression::Gzip),
            "zstd" => Ok(Compression::Zstd),
            other => Err(PushError::Options(format!(
                "--compression-format {other:?}: use gzip or zstd"
            ))),
        }
    }
}

impl Compression {
    pub fn name(self) -> &'static str {
        match self {
            Compression::Gzip => "gzip",
            Compression::Zstd => "zstd",
        }
    }
    fn of_media_type(m: &str) -> Option<Compression> {
        if m.ends_with("gzip") {
            Some(Compression::Gzip)
        } else if m.ends_with("zstd") {
            Some(Compression::Zstd)
        } else {
            None
        }
    }
    fn layer_media_type(self, format: ManifestFormat) -> &'static str {
        match (format, self) {
            (ManifestFormat::V2s2, _) => DOCKER_LAYER_GZIP,
            (ManifestFormat::Oci, Compression::Gzip) => OCI_LAYER_GZIP,
            (ManifestFormat::Oci, Compression::Zstd) => OCI_LAYER_ZSTD,
        }
    }
}

/// What the command line (or the API) asks for.
#[derive(Debug, Clone, Default)]
pub struct PushOptions {
    /// `--tls-verify`: None leaves it to registries.conf.
    pub tls_verify: Option<bool>,
    pub cert_dir: Option<PathBuf>,
    pub auth: AuthOptions,
    /// None: the image's own format.
    pub format: Option<ManifestFormat>,
    /// None: gzip.
    pub compression: Option<Compression>,
    /// `--compression-level`: None is gzip 1 (see `GZIP_LEVEL`) or zstd 3.
    pub compression_level: Option<i32>,
    /// Draw progress on stderr (a terminal).
    pub progress: bool,
}

#[derive(Debug, Clone)]
pub struct Pushed {
    /// Local image ID.
    pub image_id: String,
    /// `sha256:` of the manifest as pushed.
    pub digest: String,
    pub manifest: Vec<u8>,
    pub media_type: String,
    /// Blobs sent (layers and config).
    pub uploaded: usize,
    /// Blobs the registry had already or got by a mount.
    pub reused: usize,
}

/// Parses a push destination: `docker://` is the only transport; a name without a registry
/// is refused, as there is nowhere to push it.
pub fn destination(dest: &str) -> Result<ImageRef, PushError> {
    let bad = |reason: &str| PushError::Destination {
        dest: dest.to_string(),
        reason: reason.to_string(),
    };
    let s = dest.strip_prefix("docker://").unwrap_or(dest);
    if let Some((transport, _)) = s.split_once(':') {
        if matches!(
            transport,
            "oci"
                | "oci-archive"
                | "docker-archive"
                | "dir"
                | "containers-storage"
                | "docker-daemon"
        ) {
            return Err(bad(&format!(
                "transport {transport:?} is not supported by push (only docker://); use `hutch save` for archives"
            )));
        }
    }
    let name = Name::parse(s).map_err(|e| bad(&e.to_string()))?;
    if name.registry.is_none() {
        return Err(bad(
            "no registry in the name: give one, e.g. quay.io/org/image:tag or 127.0.0.1:5000/image",
        ));
    }
    let r = name.qualify(name.registry.as_deref().unwrap_or("docker.io"));
    if r.digest.is_some() {
        return Err(bad("cannot push to a digest; give a tag"));
    }
    Ok(r)
}

/// A connected destination repository.
pub(crate) struct Target {
    pub session: Session,
    pub dest: ImageRef,
    had_creds: bool,
    stream: StreamSettings,
}

/// What a streamed upload made outside oci-client needs (see `upload`).
#[derive(Clone)]
struct StreamSettings {
    tls: TlsSettings,
    scheme: &'static str,
    auth: RegistryAuth,
    /// The bearer token oci-client got for the push, if the registry wants one.
    token: Option<String>,
}

impl Target {
    pub(crate) async fn connect(
        paths: &Paths,
        tls_verify: Option<bool>,
        cert_dir: Option<&Path>,
        auth_opts: &AuthOptions,
        dest: &ImageRef,
        image: &str,
    ) -> Result<Target, PushError> {
        install_crypto_provider();
        let conf = RegistriesConf::load(paths).map_err(|e| PushError::Options(e.to_string()))?;
        let tls = TlsSettings::resolve(
            &dest.registry,
            tls_verify,
            conf.is_insecure(dest),
            cert_dir,
            &paths.config_home,
        )
        .map_err(|e| PushError::Options(e.to_string()))?;
        let creds =
            auth::lookup(paths, auth_opts, dest).map_err(|e| PushError::Options(e.to_string()))?;
        let had_creds = creds.is_some();
        let auth = match creds {
            Some(c) => RegistryAuth::Basic(c.username, c.password),
            None => RegistryAuth::Anonymous,
        };
        let fail = |e| map_err(e, image, dest, had_creds);
        let session = connect(dest, &tls, auth).await.map_err(fail)?;
        let token = if session.open {
            None
        } else {
            session
                .client
                .auth(&session.reference, &session.auth, RegistryOperation::Push)
                .await
                .map_err(fail)?
        };
        let stream = StreamSettings {
            tls,
            scheme: session.scheme,
            auth: session.auth.clone(),
            token,
        };
        Ok(Target {
            session,
            dest: dest.clone(),
            had_creds,
            stream,
        })
    }

    fn err(&self, image: &str, e: OciDistributionError) -> PushError {
        map_err(e, image, &self.dest, self.had_creds)
    }

    fn reference_for(&self, digest: &str) -> Reference {
        self.session.reference.clone_with_digest(digest.to_string())
    }

    /// PUTs a manifest (or list) under `tag`.
    pub(crate) async fn put_manifest(
        &self,
        what: &str,
        tag: &str,
        bytes: &[u8],
        media_type: &str,
    ) -> Result<(), PushError> {
        let r = Reference::with_tag(
            self.session.reference.registry().to_string(),
            self.session.reference.repository().to_string(),
            tag.to_string(),
        );
        let ct = media_type
            .parse()
            .map_err(|_| PushError::Internal(format!("bad media type {media_type:?}")))?;
        self.session
            .client
            .push_manifest_raw(&r, bytes.to_vec(), ct)
            .await
            .map(drop)
            .map_err(|e| self.err(what, e))
    }
}

fn map_err(err: OciDistributionError, image: &str, dest: &ImageRef, had_creds: bool) -> PushError {
    let unauthorized = || PushError::Unauthorized {
        image: image.to_string(),
        dest: dest.to_string(),
        registry: dest.registry.clone(),
        had_creds,
    };
    match &err {
        OciDistributionError::UnauthorizedError { .. }
        | OciDistributionError::AuthenticationFailure(_)
        | OciDistributionError::ServerError {
            code: 401 | 403, ..
        } => unauthorized(),
        OciDistributionError::RegistryError { envelope, .. }
            if envelope.errors.iter().any(|e| {
                let c = format!("{:?}", e.code);
                c.eq_ignore_ascii_case("Unauthorized") || c.eq_ignore_ascii_case("Denied")
            }) =>
        {
            unauthorized()
        }
        OciDistributionError::RequestError(e)
            if matches!(e.status().map(|s| s.as_u16()), Some(401 | 403)) =>
        {
            unauthorized()
        }
        _ => PushError::Registry {
            image: image.to_string(),
            dest: dest.to_string(),
            reason: format!("registry {}: {}", dest.registry, error_chain(&err)),
        },
    }
}

/// Pushes the local image `image` to `dest` (default: the name it was found by) and records
/// the pushed manifest digest. Must run inside the user namespace (layers are read as stored).
pub async fn push(
    paths: &Paths,
    image: &str,
    dest: Option<&str>,
    opts: &PushOptions,
) -> crate::Result<Pushed> {
    let db_path = paths.db_path();
    let name = image.to_string();
    let found = blocking(move || {
        let db = Db::open(&db_path)?;
        images::lookup(&db, &name)
    })
    .await?;
    let dest_text = match dest {
        Some(d) => d.to_string(),
        None => found.by_name.clone().unwrap_or_else(|| image.to_string()),
    };
    let dest = destination(&dest_text)?;
    let target = Target::connect(
        paths,
        opts.tls_verify,
        opts.cert_dir.as_deref(),
        &opts.auth,
        &dest,
        image,
    )
    .await?;
    let progress = Progress::new(opts.progress);
    let tag = dest.tag.clone().unwrap_or_else(|| "latest".into());
    let pushed = push_image(
        paths,
        &target,
        image,
        &found.image,
        opts.format,
        opts.compression,
        opts.compression_level,
        &progress,
        Some(&tag),
    )
    .await?;
    Ok(pushed)
}

/// One layer of the image as it will be pushed.
#[derive(Debug, Clone)]
struct PushedLayer {
    digest: String,
    size: i64,
    tar_digest: String,
    uploaded: bool,
}

/// Pushes `img` into the target's repository, tagged `tag` or (None) by digest only; records
/// the manifest digest on the image.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn push_image(
    paths: &Paths,
    target: &Target,
    image_name: &str,
    img: &Image,
    format: Option<ManifestFormat>,
    compression: Option<Compression>,
    level: Option<i32>,
    progress: &Progress,
    tag: Option<&str>,
) -> crate::Result<Pushed> {
    let format = format.unwrap_or_else(|| ManifestFormat::of_image(img));
    let compression = compression.unwrap_or(Compression::Gzip);
    if let Some(l) = level {
        let range = match compression {
            Compression::Gzip => 0..=9,
            Compression::Zstd => 1..=22,
        };
        if !range.contains(&l) {
            return Err(PushError::Options(format!(
                "--compression-level {l}: {} takes {} to {}",
                compression.name(),
                range.start(),
                range.end()
            ))
            .into());
        }
    }
    if format == ManifestFormat::V2s2 && compression == Compression::Zstd {
        return Err(PushError::Options(
            "zstd compression needs an OCI manifest: use --format oci with --compression-format zstd"
                .into(),
        )
        .into());
    }
    progress.line("Getting image source signatures".to_string());
    let stored = match manifest::parse_manifest(&img.manifest) {
        Ok(Manifest::Image(m)) if m.layers.len() == img.layers.len() => Some(m),
        _ => None,
    };
    // Other repositories of this image on the destination registry: blobs can be mounted
    // from there instead of uploaded.
    let mount_from: Vec<String> = {
        let mut repos: Vec<String> = img
            .names
            .iter()
            .filter_map(|n| ImageRef::parse(n).ok())
            .filter(|r| {
                r.registry == target.dest.registry && r.repository != target.dest.repository
            })
            .map(|r| r.repository)
            .collect();
        repos.sort();
        repos.dedup();
        repos
    };

    // One job per distinct diff_id (images may repeat an empty layer).
    let db_path = paths.db_path();
    let comp_name = compression.name();
    let wanted: Vec<String> = {
        let mut seen = std::collections::HashSet::new();
        img.layers
            .iter()
            .filter(|d| seen.insert((*d).clone()))
            .cloned()
            .collect()
    };
    let infos = {
        let db_path = db_path.clone();
        let wanted = wanted.clone();
        let image = image_name.to_string();
        blocking(move || {
            let db = Db::open(&db_path)?;
            let mut out = Vec::new();
            for d in wanted {
                let layer = db.layer(&d)?.ok_or_else(|| PushError::Layer {
                    image: image.clone(),
                    diff_id: d.clone(),
                    reason: "not in local storage (the store is damaged: pull the image again)"
                        .into(),
                })?;
                let cached = db.layer_blob(&d, comp_name)?;
                out.push((layer, cached));
            }
            Ok(out)
        })
        .await?
    };
    let store = Arc::new(LayerStore::new(&paths.graphroot));
    let concurrent = std::thread::available_parallelism()
        .map_or(2, usize::from)
        .clamp(2, MAX_CONCURRENT_LAYERS);
    let sem = Arc::new(tokio::sync::Semaphore::new(concurrent));
    // Biggest first (the semaphore is fair, so tasks start in this order): the longest
    // compression then runs from the start while the small ones share the other CPUs.
    let mut infos = infos;
    infos.sort_by_key(|(l, _)| std::cmp::Reverse(l.size));
    let mut set = tokio::task::JoinSet::new();
    let shared = Arc::new(Shared {
        client: target.session.client.clone(),
        reference: target.session.reference.clone(),
        mount_from,
        image: image_name.to_string(),
        dest: target.dest.clone(),
        had_creds: target.had_creds,
        store,
        db_path: db_path.clone(),
        compression,
        level,
        stream: target.stream.clone(),
        uploader: std::sync::OnceLock::new(),
        patch_refused: std::sync::atomic::AtomicBool::new(false),
    });
    for (layer, cached) in infos {
        // At the default level the layer compresses to what it was pushed as before (the
        // output is deterministic): the upload can then be one streamed PUT under that digest.
        let known = cached
            .as_ref()
            .filter(|_| level.is_none())
            .and_then(|c| Some((c.digest.clone(), u64::try_from(c.size).ok()?)));
        // What this layer was pushed as before comes first: pushing the same image to the same
        // place again then finds it at once and makes the same manifest. The blob it was
        // pulled as comes next.
        let mut candidates: Vec<PushedLayer> = cached
            .into_iter()
            .map(|c| PushedLayer {
                digest: c.digest,
                size: c.size,
                tar_digest: c.tar_digest,
                uploaded: false,
            })
            .collect();
        if let Some(m) = &stored {
            if let Some(i) = img.layers.iter().position(|d| d == &layer.diff_id) {
                let desc = &m.layers[i];
                if Compression::of_media_type(&desc.media_type) == Some(compression)
                    && !candidates.iter().any(|x| x.digest == desc.digest)
                {
                    candidates.push(PushedLayer {
                        digest: desc.digest.clone(),
                        size: desc.size,
                        tar_digest: layer.diff_id.clone(),
                        uploaded: false,
                    });
                }
            }
        }
        let bar = progress.bar(&layer.diff_id, layer.size);
        let progress = progress.clone();
        let shared = shared.clone();
        let sem = sem.clone();
        set.spawn(async move {
            let _permit = sem
                .acquire_owned()
                .await
                .map_err(|e| PushError::Internal(e.to_string()))?;
            let diff_id = layer.diff_id.clone();
            let res = shared.push_layer(&layer, candidates, known, &bar).await;
            bar.finish_and_clear();
            if let Ok(l) = &res {
                progress.line(if l.uploaded {
                    format!("Copying blob {} done", short_digest(&l.digest))
                } else {
                    format!(
                        "Copying blob {} skipped: already exists",
                        short_digest(&l.digest)
                    )
                });
            }
            res.map(|l| (diff_id, l))
        });
    }
    let mut done: HashMap<String, PushedLayer> = HashMap::new();
    while let Some(res) = set.join_next().await {
        match res {
            Ok(Ok((d, l))) => {
                done.insert(d, l);
            }
            Ok(Err(e)) => {
                set.abort_all();
                return Err(e.into());
            }
            Err(e) => {
                set.abort_all();
                return Err(PushError::Internal(format!("layer task: {e}")).into());
            }
        }
    }
    let layers: Vec<&PushedLayer> = img.layers.iter().map(|d| &done[d]).collect();
    let mut uploaded = layers.iter().filter(|l| l.uploaded).count();
    let mut reused = done.len() - uploaded;

    // The config names the tars actually pushed.
    let config_bytes = if layers
        .iter()
        .zip(&img.layers)
        .all(|(l, d)| &l.tar_digest == d)
    {
        img.config.clone()
    } else {
        let mut cfg: serde_json::Value = serde_json::from_slice(&img.config).map_err(|e| {
            PushError::Internal(format!("image {}: config is not JSON: {e}", img.id))
        })?;
        let ids: Vec<serde_json::Value> = layers
            .iter()
            .map(|l| serde_json::Value::String(l.tar_digest.clone()))
            .collect();
        match cfg.get_mut("rootfs").and_then(|r| r.as_object_mut()) {
            Some(r) => {
                r.insert("diff_ids".into(), serde_json::Value::Array(ids));
            }
            None => {
                return Err(
                    PushError::Internal(format!("image {}: config has no rootfs", img.id)).into(),
                )
            }
        }
        tracing::info!(
            "{image_name}: some layers could not be re-created byte for byte; the pushed config names the re-created ones"
        );
        serde_json::to_vec(&cfg).map_err(|e| PushError::Internal(e.to_string()))?
    };
    let config_digest = sha256_digest(&config_bytes);
    let client = &target.session.client;
    let exists = client
        .blob_exists(&target.session.reference, &config_digest)
        .await
        .map_err(|e| target.err(image_name, e))?;
    if !exists {
        client
            .push_blob(
                &target.session.reference,
                config_bytes.clone(),
                &config_digest,
            )
            .await
            .map_err(|e| target.err(image_name, e))?;
        uploaded += 1;
    } else {
        reused += 1;
    }
    progress.line(format!(
        "Copying config {} done",
        short_digest(&config_digest)
    ));

    let manifest = OutManifest {
        schema_version: 2,
        media_type: format.manifest_media_type(),
        config: OutDescriptor {
            media_type: format.config_media_type().to_string(),
            digest: config_digest.clone(),
            size: config_bytes.len() as i64,
        },
        layers: layers
            .iter()
            .map(|l| OutDescriptor {
                media_type: compression.layer_media_type(format).to_string(),
                digest: l.digest.clone(),
                size: l.size,
            })
            .collect(),
    };
    let bytes =
        serde_json::to_vec_pretty(&manifest).map_err(|e| PushError::Internal(e.to_string()))?;
    let digest = sha256_digest(&bytes);
    progress.line("Writing manifest to image destination".to_string());
    let mref = match tag {
        Some(t) => Reference::with_tag(
            target.session.reference.registry().to_string(),
            target.session.reference.repository().to_string(),
            t.to_string(),
        ),
        None => target.reference_for(&digest),
    };
    client
        .push_manifest_raw(
            &mref,
            bytes.clone(),
            format
                .manifest_media_type()
                .parse()
                .expect("valid header value"),
        )
        .await
        .map_err(|e| target.err(image_name, e))?;
    {
        let id = img.id.clone();
        let digest = digest.clone();
        blocking(move || {
            let db = Db::open(&db_path)?;
            db.add_image_digest(&id, &digest)?;
            Ok(())
        })
        .await?;
    }
    Ok(Pushed {
        image_id: img.id.clone(),
        digest,
        manifest: bytes,
        media_type: format.manifest_media_type().to_string(),
        uploaded,
        reused,
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OutManifest {
    schema_version: u32,
    media_type: &'static str,
    config: OutDescriptor,
    layers: Vec<OutDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OutDescriptor {
    media_type: String,
    digest: String,
    size: i64,
}

/// What every layer task needs.
struct Shared {
    client: oci_client::Client,
    reference: Reference,
    mount_from: Vec<String>,
    image: String,
    dest: ImageRef,
    had_creds: bool,
    store: Arc<LayerStore>,
    db_path: PathBuf,
    compression: Compression,
    level: Option<i32>,
    stream: StreamSettings,
    uploader: std::sync::OnceLock<Option<upload::Uploader>>,
    /// The registry refused a streamed PATCH: the other layers go up in chunks at once.
    patch_refused: std::sync::atomic::AtomicBool,
}

impl Shared {
    fn err(&self, e: OciDistributionError) -> PushError {
        map_err(e, &self.image, &self.dest, self.had_creds)
    }

    /// Whether the destination has `digest`.
    async fn has(&self, digest: &str) -> Result<bool, PushError> {
        self.client
            .blob_exists(&self.reference, digest)
            .await
            .map_err(|e| self.err(e))
    }

    /// Mounts `digest` from another repository of the image on the destination registry.
    async fn mount(&self, digest: &str) -> bool {
        for repo in &self.mount_from {
            let source = Reference::with_tag(
                self.reference.registry().to_string(),
                repo.clone(),
                "latest".into(),
            );
            match self
                .client
                .mount_blob(&self.reference, &source, digest)
                .await
            {
                Ok(()) => {
                    tracing::debug!("{digest}: mounted from {repo}");
                    return true;
                }
                Err(e) => tracing::debug!("{digest}: mount from {repo} failed: {e}"),
            }
        }
        false
    }

    async fn push_layer(
        &self,
        layer: &hutch_state::Layer,
        candidates: Vec<PushedLayer>,
        known: Option<(String, u64)>,
        bar: &ProgressBar,
    ) -> Result<PushedLayer, PushError> {
        // Every candidate is asked for before any mount is tried: a mount that fails costs a
        // request and leaves an upload session behind.
        for c in &candidates {
            if self.has(&c.digest).await? {
                return Ok(c.clone());
            }
        }
        for c in candidates {
            if self.mount(&c.digest).await {
                return Ok(c);
            }
        }
        let lerr = |reason: String| PushError::Layer {
            image: self.image.clone(),
            diff_id: layer.diff_id.clone(),
            reason,
        };
        let started = std::time::Instant::now();
        // Compress straight into the upload: one PUT when the digest is known beforehand,
        // else one streamed PATCH and a PUT with the digest computed on the way, else chunks.
        // A registry that refuses all of them gets the blob compressed to a file first and
        // sent in one PUT.
        let streamed = match known {
            Some(known) => match self.stream_layer(layer, bar, Some(&known)).await {
                Err(e @ PushError::Registry { .. }) => {
                    // Most likely the layer no longer compresses to what was remembered.
                    tracing::debug!(
                        "layer {}: upload as {} failed ({e}); uploading it as a new blob",
                        layer.diff_id,
                        known.0
                    );
                    bar.set_position(0);
                    self.new_blob(layer, bar).await
                }
                other => other,
            },
            None => self.new_blob(layer, bar).await,
        };
        let (compressed, uploaded) = match streamed {
            Ok(c) => (c, true),
            Err(e @ PushError::Registry { .. }) => {
                tracing::debug!(
                    "layer {}: streamed upload failed ({e}); compressing to a file first",
                    layer.diff_id
                );
                bar.set_position(0);
                self.file_layer(layer, bar).await?
            }
            Err(e) => return Err(e),
        };
        tracing::debug!(
            "layer {}: compressed to {} bytes and pushed in {:?}",
            layer.diff_id,
            compressed.size,
            started.elapsed()
        );
        if compressed.tar_digest != layer.diff_id {
            tracing::debug!(
                "layer {}: re-created tar is {}",
                layer.diff_id,
                compressed.tar_digest
            );
        }
        let blob = LayerBlob {
            diff_id: layer.diff_id.clone(),
            compression: self.compression.name().to_string(),
            digest: compressed.digest.clone(),
            size: compressed.size as i64,
            tar_digest: compressed.tar_digest.clone(),
        };
        {
            let db_path = self.db_path.clone();
            let blob = blob.clone();
            blocking(move || {
                let db = Db::open(&db_path)?;
                db.put_layer_blob(&blob)?;
                Ok(())
            })
            .await
            .map_err(|e| lerr(format!("remembering its compressed digest: {e}")))?;
        }
        Ok(PushedLayer {
            digest: blob.digest,
            size: blob.size,
            tar_digest: blob.tar_digest,
            uploaded,
        })
    }

    /// Uploads a layer whose digest is not known beforehand: one streamed PATCH, else chunks.
    async fn new_blob(
        &self,
        layer: &hutch_state::Layer,
        bar: &ProgressBar,
    ) -> Result<Compressed, PushError> {
        let Some(up) = self.uploader() else {
            return self.stream_layer(layer, bar, None).await;
        };
        match self.patch_layer(up, layer, bar).await {
            Err(e @ PushError::Registry { .. }) => {
                tracing::debug!(
                    "layer {}: streamed PATCH upload failed ({e}); uploading in chunks",
                    layer.diff_id
                );
                bar.set_position(0);
                self.stream_layer(layer, bar, None).await
            }
            other => other,
        }
    }

    /// Compresses the layer on a blocking thread into a channel: whole compressed blocks as
    /// they come (`whole`: the body of one request), else `STREAM_CHUNK` pieces (one PATCH
    /// each); the compressed form is hashed there only when `hash` (else the upload does, or
    /// the registry checks a digest given beforehand). The task returns whether the upload
    /// (the receiving side) stopped first, whose error is then the one to report.
    fn spawn_compressor(
        &self,
        layer: &hutch_state::Layer,
        bar: &ProgressBar,
        whole: bool,
        hash: bool,
    ) -> (
        BlobReceiver,
        tokio::task::JoinHandle<(io::Result<Compressed>, bool)>,
    ) {
        // Whole compressed blocks (~0.5 MiB) or STREAM_CHUNK pieces: 16 MiB at most either way.
        let depth = if whole { 32 } else { 4 };
        let (tx, rx) =
            tokio::sync::mpsc::channel::<Result<bytes::Bytes, OciDistributionError>>(depth);
        let (store, image, stored) = (self.store.clone(), self.image.clone(), layer.clone());
        let (comp, level, bar) = (self.compression, self.level, bar.clone());
        let compressor = tokio::task::spawn_blocking(move || {
            let sink = ChannelWriter {
                tx: tx.clone(),
                buf: Vec::with_capacity(if whole { 0 } else { STREAM_CHUNK }),
                whole,
            };
            let res = compress_into(sink, hash, comp, level, &bar, |w| {
                stored_layer_tar(&store, &image, &stored, w)
            })
            .and_then(|(mut w, c)| {
                w.send()?;
                Ok(c)
            });
            let upload_stopped = tx.is_closed();
            if let Err(e) = &res {
                if !upload_stopped {
                    // The upload must not commit a truncated blob.
                    let _ = tx.blocking_send(Err(OciDistributionError::IoError(io::Error::other(
                        e.to_string(),
                    ))));
                }
            }
            (res, upload_stopped)
        });
        (rx, compressor)
    }

    /// Compresses the layer straight into an upload: with `known` (digest, size) one streamed
    /// PUT under that digest, which the registry checks (and exactly `size` bytes go out under
    /// its Content-Length), else chunked PATCHes hashed on the way.
    async fn stream_layer(
        &self,
        layer: &hutch_state::Layer,
        bar: &ProgressBar,
        known: Option<&(String, u64)>,
    ) -> Result<Compressed, PushError> {
        let (rx, compressor) = self.spawn_compressor(layer, bar, known.is_some(), false);
        let sent: Result<(String, u64), PushError> = match (known, self.any_uploader()) {
            (Some((digest, size)), Some(up)) => async {
                let url = up.start().await?;
                up.put_whole(&url, digest, *size, async_stream(rx)).await
            }
            .await
            .map(|()| (digest.clone(), *size))
            .map_err(|e| self.upload_err(e)),
            (Some((digest, size)), None) => self
                .client
                .push_blob_stream(&self.reference, async_stream(rx), digest, Some(*size))
                .await
                .map(|_| (digest.clone(), *size))
                .map_err(|e| self.err(e)),
            (None, _) => self
                .client
                .push_blob_stream_chunked(&self.reference, async_stream(rx))
                .await
                .map(|sent| (sent.blob_digest, sent.size))
                .map_err(|e| self.err(e)),
        };
        let (compressed, upload_stopped) = compressor
            .await
            .map_err(|e| PushError::Internal(e.to_string()))?;
        match (compressed, sent) {
            (Ok(c), Ok((digest, size))) if size == c.size => Ok(Compressed { digest, ..c }),
            (Ok(c), Ok((_, size))) => Err(PushError::Internal(format!(
                "layer {}: uploaded {size} bytes but compressed {}",
                layer.diff_id, c.size
            ))),
            (_, Err(up)) if upload_stopped => Err(up),
            (Err(e), _) => Err(self.layer_err(layer, e)),
            (Ok(_), Err(up)) => Err(up),
        }
    }

    /// Compresses the layer straight into one streamed PATCH (hashing it on the way), then
    /// commits it under the digest with an empty PUT. A registry that refuses the PATCH
    /// itself is not asked again during this push.
    async fn patch_layer(
        &self,
        up: &upload::Uploader,
        layer: &hutch_state::Layer,
        bar: &ProgressBar,
    ) -> Result<Compressed, PushError> {
        let (rx, compressor) = self.spawn_compressor(layer, bar, true, true);
        let sent = async move {
            let url = up.start().await?;
            up.send(&url, async_stream(rx)).await
        }
        .await;
        let (compressed, upload_stopped) = compressor
            .await
            .map_err(|e| PushError::Internal(e.to_string()))?;
        let upload_err = |e: upload::UploadError| {
            if e.patch_refused() {
                self.patch_refused
                    .store(true, std::sync::atomic::Ordering::Relaxed);
            }
            self.upload_err(e)
        };
        let (url, c) = match (compressed, sent) {
            (Ok(c), Ok((url, held))) => {
                if held.is_some_and(|n| n != c.size) {
                    return Err(self.registry_err(format!(
                        "layer {}: compressed {} bytes but the registry holds {}",
                        layer.diff_id,
                        c.size,
                        held.unwrap_or_default()
                    )));
                }
                (url, c)
            }
            (_, Err(e)) if upload_stopped => return Err(upload_err(e)),
            (Err(e), _) => return Err(self.layer_err(layer, e)),
            (Ok(_), Err(e)) => return Err(upload_err(e)),
        };
        up.commit(&url, &c.digest).await.map_err(upload_err)?;
        tracing::debug!(
            "layer {}: sent as {} in one streamed PATCH",
            layer.diff_id,
            c.digest
        );
        Ok(c)
    }

    fn layer_err(&self, layer: &hutch_state::Layer, e: io::Error) -> PushError {
        PushError::Layer {
            image: self.image.clone(),
            diff_id: layer.diff_id.clone(),
            reason: format!("creating the layer tar: {e}"),
        }
    }

    fn registry_err(&self, reason: String) -> PushError {
        PushError::Registry {
            image: self.image.clone(),
            dest: self.dest.to_string(),
            reason: format!("registry {}: {reason}", self.dest.registry),
        }
    }

    fn upload_err(&self, e: upload::UploadError) -> PushError {
        if e.unauthorized() {
            tracing::debug!("streamed upload: {e}");
            PushError::Unauthorized {
                image: self.image.clone(),
                dest: self.dest.to_string(),
                registry: self.dest.registry.clone(),
                had_creds: self.had_creds,
            }
        } else {
            self.registry_err(error_chain(&e))
        }
    }

    /// The client for streamed uploads, made at the first layer that needs one; None (after
    /// saying why) leaves the upload to oci-client's chunks.
    fn uploader(&self) -> Option<&upload::Uploader> {
        if self
            .patch_refused
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            return None;
        }
        self.any_uploader()
    }

    /// The uploader, also when the registry refused streamed PATCHes (it still takes PUTs).
    fn any_uploader(&self) -> Option<&upload::Uploader> {
        self.uploader
            .get_or_init(|| {
                let made = crate::pull::client::http_client(&self.stream.tls, &self.dest.registry)
                    .map_err(|e| e.to_string())
                    .and_then(|http| {
                        upload::Uploader::new(
                            http,
                            self.stream.scheme,
                            self.client.clone(),
                            self.reference.clone(),
                            self.stream.auth.clone(),
                            self.stream.token.clone(),
                        )
                    });
                made.map_err(|e| tracing::debug!("no streamed uploads: {e}"))
                    .ok()
            })
            .as_ref()
    }

    /// The fallback: compress to a scratch file, then upload it (unless the registry has it).
    async fn file_layer(
        &self,
        layer: &hutch_state::Layer,
        bar: &ProgressBar,
    ) -> Result<(Compressed, bool), PushError> {
        let lerr = |reason: String| PushError::Layer {
            image: self.image.clone(),
            diff_id: layer.diff_id.clone(),
            reason,
        };
        let staging = {
            let store = self.store.clone();
            tokio::task::spawn_blocking(move || store.staging())
                .await
                .map_err(|e| PushError::Internal(e.to_string()))?
                .map_err(|e| lerr(e.to_string()))?
        };
        let blob_path = staging.path.join("blob");
        let compressed = {
            let blob_path = blob_path.clone();
            let comp = self.compression;
            let level = self.level;
            let bar = bar.clone();
            let (store, image, stored) = (self.store.clone(), self.image.clone(), layer.clone());
            tokio::task::spawn_blocking(move || {
                compress_layer(&blob_path, comp, level, &bar, |w| {
                    stored_layer_tar(&store, &image, &stored, w)
                })
            })
            .await
            .map_err(|e| PushError::Internal(e.to_string()))?
            .map_err(|e| lerr(format!("creating the layer tar: {e}")))?
        };
        let have = self
            .client
            .blob_exists(&self.reference, &compressed.digest)
            .await
            .map_err(|e| self.err(e))?;
        if !have {
            bar.set_length(compressed.size);
            bar.set_position(0);
            self.upload(&blob_path, &compressed.digest, compressed.size, bar)
                .await?;
        }
        drop(staging);
        Ok((compressed, !have))
    }

    /// One monolithic PUT; a registry that refuses it gets chunked PATCHes instead.
    async fn upload(
        &self,
        path: &Path,
        digest: &str,
        size: u64,
        bar: &ProgressBar,
    ) -> Result<(), PushError> {
        let stream = |bar: ProgressBar| {
            let path = path.to_path_buf();
            async move {
                let f = tokio::fs::File::open(&path).await?;
                Ok::<_, io::Error>(tokio_util::io::ReaderStream::with_capacity(f, 1 << 20).map(
                    move |r| {
                        if let Ok(b) = &r {
                            bar.inc(b.len() as u64);
                        }
                        r.map_err(OciDistributionError::from)
                    },
                ))
            }
        };
        let ioerr = |e: io::Error| PushError::Layer {
            image: self.image.clone(),
            diff_id: digest.to_string(),
            reason: format!("reading {}: {e}", path.display()),
        };
        let s = stream(bar.clone()).await.map_err(ioerr)?;
        match self
            .client
            .push_blob_stream(&self.reference, s, digest, Some(size))
            .await
        {
            Ok(_) => Ok(()),
            Err(e) => {
                let mapped = self.err(e);
                if matches!(mapped, PushError::Unauthorized { .. }) {
                    return Err(mapped);
                }
                tracing::debug!("{digest}: monolithic upload failed ({mapped}); trying chunked");
                bar.set_position(0);
                let s = stream(bar.clone()).await.map_err(ioerr)?;
                let r = self
                    .client
                    .push_blob_stream_chunked(&self.reference, s)
                    .await
                    .map_err(|e| self.err(e))?;
                if r.blob_digest != digest {
                    return Err(PushError::Layer {
                        image: self.image.clone(),
                        diff_id: digest.to_string(),
                        reason: format!("uploaded digest is {}", r.blob_digest),
                    });
                }
                Ok(())
            }
        }
    }
}

struct Compressed {
    digest: String,
    size: u64,
    tar_digest: String,
}

/// A writer that hashes and counts what goes through it.
struct HashWriter<W> {
    inner: W,
    hash: Sha256,
    len: u64,
    /// When false only bytes are counted (someone else hashes them).
    hashing: bool,
}

impl<W: Write> HashWriter<W> {
    fn new(inner: W) -> Self {
        HashWriter {
            inner,
            hash: Sha256::new(),
            len: 0,
            hashing: true,
        }
    }
    fn finish(self) -> (W, String, u64) {
        (
            self.inner,
            format!("sha256:{}", hex::encode(self.hash.finalize())),
            self.len,
        )
    }
}

impl<W: Write> Write for HashWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        if self.hashing {
            self.hash.update(&buf[..n]);
        }
        self.len += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<W: pgzip::BlockSink> pgzip::BlockSink for HashWriter<W> {
    fn write_block(&mut self, block: Vec<u8>) -> io::Result<()> {
        if self.hashing {
            self.hash.update(&block);
        }
        self.len += block.len() as u64;
        self.inner.write_block(block)
    }
}

/// The async side of a `ChannelWriter`.
type BlobReceiver = tokio::sync::mpsc::Receiver<Result<bytes::Bytes, OciDistributionError>>;

/// Compressed output sent to an upload in pieces of this size (one PATCH each).
const STREAM_CHUNK: usize = 4 << 20;

/// Hands what is written to the async side in `STREAM_CHUNK` pieces (each one PATCH), or
/// (`whole`: the body of one PUT) compressed blocks as they come, without copying them.
struct ChannelWriter {
    tx: tokio::sync::mpsc::Sender<Result<bytes::Bytes, OciDistributionError>>,
    buf: Vec<u8>,
    whole: bool,
}

impl ChannelWriter {
    fn send(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let cap = if self.whole { 0 } else { STREAM_CHUNK };
        let chunk = std::mem::replace(&mut self.buf, Vec::with_capacity(cap));
        self.send_bytes(chunk)
    }

    fn send_bytes(&mut self, chunk: Vec<u8>) -> io::Result<()> {
        self.tx
            .blocking_send(Ok(bytes::Bytes::from(chunk)))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the upload stopped"))
    }
}

impl pgzip::BlockSink for ChannelWriter {
    fn write_block(&mut self, block: Vec<u8>) -> io::Result<()> {
        if !self.whole {
            return self.write_all(&block);
        }
        // What was written before (the gzip header) goes first.
        self.send()?;
        self.send_bytes(block)
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= STREAM_CHUNK {
            self.send()?;
        }
        Ok(data.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        // Encoders flush as they finish; the last piece goes in `send` once they are done.
        Ok(())
    }
}

/// The receiver as a stream, ending when the compressing side hangs up. Dropping it (the
/// upload failed) makes the compressing side's next send fail, which stops it.
fn async_stream(
    rx: BlobReceiver,
) -> impl futures_util::Stream<Item = Result<bytes::Bytes, OciDistributionError>> + Send + 'static {
    futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|x| (x, rx)) })
}

/// Writes a layer's tar, as `tar` produces it (returning the tar's digest), compressed into
/// `out`, hashing the compressed form.
fn compress_into<W: pgzip::BlockSink>(
    out: W,
    hash_output: bool,
    comp: Compression,
    level: Option<i32>,
    bar: &ProgressBar,
    tar: impl FnOnce(&mut dyn Write) -> io::Result<String>,
) -> io::Result<(W, Compressed)> {
    let mut blob = HashWriter::new(out);
    blob.hashing = hash_output;
    let (blob, tar_digest) = match comp {
        Compression::Gzip => {
            let threads = std::thread::available_parallelism().map_or(1, usize::from);
            let mut enc =
                pgzip::ParallelGz::new(blob, level.map_or(GZIP_LEVEL, |l| l as u32), threads)?;
            let d = tar(&mut Counting {
                inner: &mut enc,
                bar,
            })?;
            (enc.finish()?, d)
        }
        Compression::Zstd => {
            let mut enc = zstd::stream::write::Encoder::new(blob, level.unwrap_or(ZSTD_LEVEL))?;
            let d = tar(&mut Counting {
                inner: &mut enc,
                bar,
            })?;
            (enc.finish()?, d)
        }
    };
    let (w, digest, size) = blob.finish();
    Ok((
        w,
        Compressed {
            digest,
            size,
            tar_digest,
        },
    ))
}

/// Counts what goes through into the progress bar.
struct Counting<'a> {
    inner: &'a mut dyn Write,
    bar: &'a ProgressBar,
}

impl Write for Counting<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bar.inc(n as u64);
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The tar of a stored layer: byte for byte what was unpacked when a tar-split was recorded,
/// else rebuilt from its directory (`saveload::layer_tar`). A write error keeps its kind, so a
/// stopped upload is told apart from a layer that cannot be read.
fn stored_layer_tar(
    store: &LayerStore,
    image: &str,
    layer: &hutch_state::Layer,
    w: &mut dyn Write,
) -> io::Result<String> {
    match crate::saveload::layer_tar(store, image, layer, w) {
        Ok(t) => Ok(t.digest),
        Err(crate::saveload::ArchiveError::Output(e)) => Err(e),
        Err(e) => Err(io::Error::other(e.to_string())),
    }
}

/// Writes a layer's tar (see `compress_into`), compressed, to the file `out`.
fn compress_layer(
    out: &Path,
    comp: Compression,
    level: Option<i32>,
    bar: &ProgressBar,
    tar: impl FnOnce(&mut dyn Write) -> io::Result<String>,
) -> io::Result<Compressed> {
    let file = std::fs::File::create(out)?;
    let (mut buf, c) = compress_into(
        io::BufWriter::with_capacity(1 << 20, file),
        true,
        comp,
        level,
        bar,
        tar,
    )?;
    buf.flush()?;
    // A scratch file read back at once: no fsync.
    drop(buf.into_inner().map_err(|e| e.into_error())?);
    Ok(c)
}

fn sha256_digest(bytes: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(bytes)))
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> crate::Result<T> + Send + 'static,
) -> crate::Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| PushError::Internal(e.to_string()))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations() {
        let r = destination("docker://127.0.0.1:5000/a/b:t").unwrap();
        assert_eq!(r.to_string(), "127.0.0.1:5000/a/b:t");
        assert_eq!(
            destination("quay.io/x").unwrap().to_string(),
            "quay.io/x:latest"
        );
        for bad in [
            "busybox",
            "oci:/tmp/x",
            "docker-archive:/tmp/x.tar",
            "q.io/x@sha256:0",
        ] {
            let e = destination(bad).unwrap_err().to_string();
            assert!(e.contains(bad), "{e}");
        }
    }

    #[test]
    fn formats_and_compressions() {
        assert_eq!(
            "oci".parse::<ManifestFormat>().unwrap(),
            ManifestFormat::Oci
        );
        assert_eq!(
            "v2s2".parse::<ManifestFormat>().unwrap(),
            ManifestFormat::V2s2
        );
        assert!("v2s1".parse::<ManifestFormat>().is_err());
        assert_eq!("zstd".parse::<Compression>().unwrap(), Compression::Zstd);
        assert!("xz"
            .parse::<Compression>()
            .unwrap_err()
            .to_string()
            .contains("xz"));
        assert_eq!(
            Compression::of_media_type(DOCKER_LAYER_GZIP),
            Some(Compression::Gzip)
        );
        assert_eq!(
            Compression::of_media_type(OCI_LAYER_ZSTD),
            Some(Compression::Zstd)
        );
        assert_eq!(
            Compression::of_media_type("application/vnd.oci.image.layer.v1.tar"),
            None
        );
    }

    #[test]
    fn compressed_layer_is_deterministic() {
        let dir = tempfile::tempdir().unwrap();
        let layer = dir.path().join("layer");
        std::fs::create_dir_all(layer.join("etc")).unwrap();
        std::fs::write(layer.join("etc/hello"), "hi\n").unwrap();
        let bar = ProgressBar::hidden();
        for comp in [Compression::Gzip, Compression::Zstd] {
            let tar = |w: &mut dyn Write| {
                let mut h = HashWriter::new(w);
                crate::container::archive::layer_tar(&layer, &mut h)
                    .map_err(|e| io::Error::other(e.to_string()))?;
                Ok(h.finish().1)
            };
            let a = compress_layer(&dir.path().join("a"), comp, None, &bar, tar).unwrap();
            let b = compress_layer(&dir.path().join("b"), comp, None, &bar, tar).unwrap();
            assert_eq!(a.digest, b.digest);
            assert_eq!(a.tar_digest, b.tar_digest);
            let bytes = std::fs::read(dir.path().join("a")).unwrap();
            assert_eq!(sha256_digest(&bytes), a.digest);
            assert_eq!(bytes.len() as u64, a.size);
        }
    }
}
