//! `pull`: resolve a name through registries.conf, fetch and verify the manifest and config,
//! stream the missing layers into staging directories concurrently, and record the image in one
//! short database transaction. Nothing is visible in the store until that commit.

pub(crate) mod client;
pub mod describe;
pub(crate) mod layer;
pub mod manifest;

use crate::auth::{self, AuthOptions};
use crate::progress::{reporting, Event, ProgressSink, Reporter, SkipReason};
use crate::reference::{ImageRef, Name};
use crate::registries::{Endpoint, RegistriesConf};
use crate::userns::UsernsInfo;
use crate::{Digest, Paths};
use client::{connect, install_crypto_provider, Session, TlsSettings};
use hutch_state::{Db, NewImage, NewLayer, StateError};
use hutch_storage::LayerStore;
use layer::{fetch_and_unpack, LayerJob, StagedLayer};
use manifest::{ImageManifest, Manifest, Platform, PulledConfig};
use oci_client::errors::OciDistributionError;
use oci_client::secrets::RegistryAuth;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

/// Layers downloaded at once.
const CONCURRENT_LAYERS: usize = 5;

#[derive(Debug, thiserror::Error)]
pub enum PullError {
    #[error("{0}")]
    InvalidPlatform(String),
    #[error("certificate directory {path}: {reason}")]
    CertDir { path: PathBuf, reason: String },
    #[error("creating a client for registry {registry}: {reason}")]
    Client { registry: String, reason: String },
    #[error("initializing source docker://{image}: {reason}")]
    Source { image: String, reason: String },
    #[error(
        "initializing source docker://{image}: {}",
        if *had_creds {
            format!("registry {registry} rejected the credentials (check them with `hutch login {registry}` or --creds)")
        } else {
            format!("authentication required by registry {registry} (run `hutch login {registry}` or pass --creds USER:PASS)")
        }
    )]
    Unauthorized {
        image: String,
        registry: String,
        had_creds: bool,
    },
    #[error("initializing source docker://{image}: manifest unknown: {image} does not exist in registry {registry}")]
    NotFound { image: String, registry: String },
    #[error("{image}: Docker schema 1 manifests are not supported (the image is too old; rebuild or re-push it with a current tool)")]
    Schema1 { image: String },
    #[error("{image}: no image found in manifest list for platform {wanted} (available: {})", available.join(", "))]
    NoPlatform {
        image: String,
        wanted: String,
        available: Vec<String>,
    },
    #[error("{image}: manifest {digest}: {reason}")]
    BadManifest {
        image: String,
        digest: Digest,
        reason: String,
    },
    #[error("{image}: config {digest}: {reason}")]
    BadConfig {
        image: String,
        digest: Digest,
        reason: String,
    },
    #[error("{image}: layer {layer}: {reason}")]
    LayerDownload {
        image: String,
        layer: String,
        reason: String,
    },
    #[error("{image}: layer {layer}: {what} digest mismatch: expected {expected}, got {actual}")]
    LayerDigest {
        image: String,
        layer: String,
        what: &'static str,
        expected: Digest,
        actual: Digest,
    },
    #[error("{image}: {source}")]
    Unpack {
        image: String,
        #[source]
        source: hutch_storage::unpack::UnpackError,
    },
    #[error("{image}: {source}")]
    Storage {
        image: String,
        #[source]
        source: hutch_storage::StorageError,
    },
    #[error("unable to pull {input}: {}", attempts.join("; "))]
    AllFailed {
        input: String,
        attempts: Vec<String>,
    },
    #[error("pull of {image} interrupted")]
    Interrupted { image: String },
    #[error("internal error: {0}")]
    Internal(String),
}

/// What the command line (or the API) asks for.
#[derive(Debug, Clone, Default)]
pub struct PullOptions {
    /// `--tls-verify`: None leaves it to registries.conf.
    pub tls_verify: Option<bool>,
    pub cert_dir: Option<PathBuf>,
    pub auth: AuthOptions,
    pub platform: Option<String>,
    pub os: Option<String>,
    pub arch: Option<String>,
    pub variant: Option<String>,
    /// Docker's default: registries on the loopback interface are insecure (plain HTTP, no
    /// certificate check) unless `tls_verify` says otherwise. Off for the CLI, as in podman.
    pub insecure_loopback: bool,
}

#[derive(Debug, Clone)]
pub struct PulledImage {
    /// Hex sha256 of the config.
    pub id: String,
    /// `docker.io/library/busybox:latest`
    pub name: String,
    /// Manifest digest.
    pub digest: Digest,
    /// Layers downloaded by this pull (the others were already stored).
    pub layers_pulled: usize,
    /// The image `name` pointed at before this pull (None: the name is new), so a front end
    /// can tell "up to date" from "downloaded newer image".
    pub previous: Option<String>,
}

/// Walks an error's sources into one line, skipping repeats.
pub(crate) fn error_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut msg = err.to_string();
    let mut cur = err.source();
    while let Some(e) = cur {
        let s = e.to_string();
        if !msg.contains(&s) {
            msg.push_str(": ");
            msg.push_str(&s);
        }
        cur = e.source();
    }
    msg
}

/// Pulls `input` (as the user typed it), reporting to `progress`. Must run inside the user
/// namespace. The one entry for pulling an image: `pull`, `run --pull`, `manifest add`.
pub async fn pull(
    paths: &Paths,
    userns: &UsernsInfo,
    input: &str,
    opts: &PullOptions,
    progress: &dyn ProgressSink,
) -> crate::Result<PulledImage> {
    reporting(progress, |rep| {
        pull_reporting(paths, userns, input, opts, rep)
    })
    .await
}

async fn pull_reporting(
    paths: &Paths,
    userns: &UsernsInfo,
    input: &str,
    opts: &PullOptions,
    progress: Reporter,
) -> crate::Result<PulledImage> {
    install_crypto_provider();
    let want = manifest::platform_from_flags(
        opts.platform.as_deref(),
        opts.os.as_deref(),
        opts.arch.as_deref(),
        opts.variant.as_deref(),
    )
    .map_err(PullError::InvalidPlatform)?;
    let name = Name::parse(input)?;
    let conf = RegistriesConf::load(paths)?;
    let store = Arc::new(LayerStore::new(&paths.graphroot));
    {
        let store = store.clone();
        tokio::task::spawn_blocking(move || store.clean_stale())
            .await
            .map_err(|e| PullError::Internal(e.to_string()))??;
    }
    let (cand, resolved) = first_endpoint(&conf, &name, input, &progress, async |cand, ep| {
        resolve(paths, opts, &want, cand, &ep.reference, ep.insecure).await
    })
    .await?;
    // Past the manifest, failures are real: no fallback to other registries.
    finish(paths, userns, &cand, resolved, store, &progress).await
}

/// Tries `attempt` on each registry candidate for `name` (each search registry for a short
/// name) and each of its endpoints (mirrors first) until one succeeds: returns that candidate
/// and what `attempt` gave, or an error naming every failure.
async fn first_endpoint<T>(
    conf: &RegistriesConf,
    name: &Name,
    input: &str,
    progress: &Reporter,
    mut attempt: impl AsyncFnMut(&ImageRef, &Endpoint) -> Result<T, PullError>,
) -> crate::Result<(ImageRef, T)> {
    let mut failures: Vec<PullError> = Vec::new();
    for cand in conf.candidates(name) {
        let endpoints = conf.endpoints(&cand)?;
        progress.send(Event::Resolving {
            reference: cand.to_string(),
        });
        for ep in &endpoints {
            match attempt(&cand, ep).await {
                Ok(t) => return Ok((cand, t)),
                Err(e) => {
                    tracing::debug!("{}: {e}", ep.reference);
                    failures.push(e);
                }
            }
        }
    }
    Err(match failures.len() {
        1 => failures.pop().expect("one failure"),
        _ => PullError::AllFailed {
            input: input.to_string(),
            attempts: failures.iter().map(ToString::to_string).collect(),
        },
    }
    .into())
}

/// The images a manifest list names, as `REGISTRY/REPOSITORY@DIGEST` in the list's order
/// (`manifest add --all`), or None when `input` names a single image. Fetches the top manifest
/// only.
pub async fn list_entries(
    paths: &Paths,
    input: &str,
    opts: &PullOptions,
) -> crate::Result<Option<Vec<String>>> {
    install_crypto_provider();
    let name = Name::parse(input)?;
    let conf = RegistriesConf::load(paths)?;
    let quiet = Reporter::silent();
    let (cand, bytes) = first_endpoint(&conf, &name, input, &quiet, async |cand, ep| {
        let (session, had_creds) = open(paths, opts, cand, &ep.reference, ep.insecure).await?;
        let (bytes, _) = session
            .client
            .pull_manifest_raw(&session.reference, &session.auth, manifest::ACCEPT)
            .await
            .map_err(|e| source_error(e, cand, &ep.reference, had_creds))?;
        Ok(bytes)
    })
    .await?;
    let parsed = manifest::parse_manifest(&bytes).map_err(|reason| PullError::BadManifest {
        image: cand.to_string(),
        digest: Digest::sha256(&bytes),
        reason,
    })?;
    let Manifest::List(entries) = parsed else {
        return Ok(None);
    };
    let repo = format!("{}/{}", cand.registry, cand.repository);
    Ok(Some(
        entries
            .into_iter()
            .map(|d| format!("{repo}@{}", d.digest()))
            .collect(),
    ))
}

/// A session with `endpoint` for `image`, with the credentials and TLS settings that apply;
/// also whether credentials were sent (for the error when they are refused).
async fn open(
    paths: &Paths,
    opts: &PullOptions,
    image: &ImageRef,
    endpoint: &ImageRef,
    conf_insecure: bool,
) -> Result<(Session, bool), PullError> {
    let creds = auth::lookup(paths, &opts.auth, endpoint).map_err(|e| PullError::Source {
        image: image.to_string(),
        reason: e.to_string(),
    })?;
    let had_creds = creds.is_some();
    let auth = match creds {
        Some(c) => RegistryAuth::Basic(c.username, c.password),
        None => RegistryAuth::Anonymous,
    };
    let tls = TlsSettings::resolve(
        &endpoint.registry,
        opts.tls_verify,
        crate::registries::insecure(&endpoint.registry, conf_insecure, opts.insecure_loopback),
        opts.cert_dir.as_deref(),
        &paths.config_home,
    )?;
    let session = connect(endpoint, &tls, auth)
        .await
        .map_err(|e| source_error(e, image, endpoint, had_creds))?;
    Ok((session, had_creds))
}

/// An image whose manifest and config are fetched and verified.
struct Resolved {
    session: Session,
    manifest: ImageManifest,
    manifest_bytes: Vec<u8>,
    digest: Digest,
    digests: Vec<Digest>,
    config_bytes: Vec<u8>,
    config: PulledConfig,
    id: String,
}

/// Maps oci-client's errors to messages that name the image and the registry.
fn source_error(
    err: OciDistributionError,
    image: &ImageRef,
    endpoint: &ImageRef,
    had_creds: bool,
) -> PullError {
    let registry = endpoint.registry.clone();
    let image = image.to_string();
    let unauthorized = || PullError::Unauthorized {
        image: image.clone(),
        registry: registry.clone(),
        had_creds,
    };
    match &err {
        OciDistributionError::UnauthorizedError { .. }
        | OciDistributionError::AuthenticationFailure(_) => unauthorized(),
        OciDistributionError::RegistryError { envelope, .. } => {
            let codes: Vec<String> = envelope
                .errors
                .iter()
                .map(|e| format!("{:?}", e.code))
                .collect();
            let has = |c: &str| codes.iter().any(|x| x.eq_ignore_ascii_case(c));
            if has("Unauthorized") || has("Denied") {
                unauthorized()
            } else if has("ManifestUnknown") || has("NameUnknown") {
                PullError::NotFound {
                    image: image.clone(),
                    registry: registry.clone(),
                }
            } else {
                PullError::Source {
                    image,
                    reason: format!("registry {registry}: {}", error_chain(&err)),
                }
            }
        }
        OciDistributionError::ServerError { code: 404, .. } => PullError::NotFound {
            image: image.clone(),
            registry: registry.clone(),
        },
        OciDistributionError::RequestError(e) => {
            let chain = error_chain(e);
            let hint = if chain.contains("InvalidContentType") || chain.contains("corrupt message")
            {
                " (the registry does not speak TLS: use --tls-verify=false or set insecure = true for it in registries.conf)"
            } else if chain.contains("certificate") || chain.contains("UnknownIssuer") {
                " (use --cert-dir with the registry's CA certificate, or --tls-verify=false)"
            } else {
                ""
            };
            PullError::Source {
                image,
                reason: format!("pinging container registry {registry}: {chain}{hint}"),
            }
        }
        _ => PullError::Source {
            image,
            reason: format!("registry {registry}: {}", error_chain(&err)),
        },
    }
}

async fn resolve(
    paths: &Paths,
    opts: &PullOptions,
    want: &Platform,
    image: &ImageRef,
    endpoint: &ImageRef,
    conf_insecure: bool,
) -> Result<Resolved, PullError> {
    let (session, had_creds) = open(paths, opts, image, endpoint, conf_insecure).await?;
    let oerr = |e| source_error(e, image, endpoint, had_creds);

    let (bytes, _) = session
        .client
        .pull_manifest_raw(&session.reference, &session.auth, manifest::ACCEPT)
        .await
        .map_err(oerr)?;
    let mut digest = Digest::sha256(&bytes);
    let mut bytes = bytes.to_vec();
    let mut digests = Vec::new();
    let bad = |digest: &Digest, reason: String| PullError::BadManifest {
        image: image.to_string(),
        digest: digest.clone(),
        reason,
    };
    let mut parsed = manifest::parse_manifest(&bytes).map_err(|r| bad(&digest, r))?;
    if let Manifest::List(entries) = &parsed {
        let entry = manifest::select_platform(entries, want).map_err(|available| {
            PullError::NoPlatform {
                image: image.to_string(),
                wanted: manifest::platform_string(want),
                available,
            }
        })?;
        tracing::debug!(
            "{image}: {} is {}",
            manifest::platform_string(want),
            entry.digest()
        );
        digests.push(digest.clone());
        let instance = session
            .reference
            .clone_with_digest(entry.digest().to_string());
        let (b, _) = session
            .client
            .pull_manifest_raw(&instance, &session.auth, manifest::ACCEPT)
            .await
            .map_err(oerr)?;
        digest = Digest::sha256(&b);
        let listed = manifest::digest(entry);
        if digest != listed {
            return Err(bad(
                &listed,
                format!("content digest is {digest}, not the one the list names"),
            ));
        }
        bytes = b.to_vec();
        parsed = manifest::parse_manifest(&bytes).map_err(|r| bad(&digest, r))?;
    }
    let manifest = match parsed {
        Manifest::Image(m) => *m,
        Manifest::Schema1 => {
            return Err(PullError::Schema1 {
                image: image.to_string(),
            })
        }
        Manifest::List(_) => return Err(bad(&digest, "a manifest list names another list".into())),
    };
    digests.insert(0, digest.clone());

    let mut config_bytes = Vec::new();
    session
        .client
        .pull_blob(
            &session.reference,
            manifest.config().digest().as_ref(),
            &mut config_bytes,
        )
        .await
        .map_err(oerr)?;
    let bad_config = |reason: String| PullError::BadConfig {
        image: image.to_string(),
        digest: manifest::digest(manifest.config()),
        reason,
    };
    let actual = Digest::sha256(&config_bytes);
    if actual != manifest::digest(manifest.config()) {
        return Err(bad_config(format!("content digest is {actual}")));
    }
    let id = actual.hex().to_string();
    let config = manifest::parse_config(&config_bytes).map_err(bad_config)?;
    if config.diff_ids.len() != manifest.layers().len() {
        return Err(bad_config(format!(
            "{} diff_ids for {} layers in the manifest",
            config.diff_ids.len(),
            manifest.layers().len()
        )));
    }
    if config.platform.os() != want.os() || config.platform.architecture() != want.architecture() {
        tracing::warn!(
            "image platform ({}) does not match the expected platform ({})",
            manifest::platform_string(&config.platform),
            manifest::platform_string(want)
        );
    }
    Ok(Resolved {
        session,
        manifest,
        manifest_bytes: bytes,
        digest,
        digests,
        config_bytes,
        config,
        id,
    })
}

/// Runs blocking database/storage work off the async threads.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> crate::Result<T> + Send + 'static,
) -> crate::Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| PullError::Internal(e.to_string()))?
}

async fn finish(
    paths: &Paths,
    userns: &UsernsInfo,
    image: &ImageRef,
    r: Resolved,
    store: Arc<LayerStore>,
    progress: &Reporter,
) -> crate::Result<PulledImage> {
    let image_name = image.to_string();
    progress.send(Event::CopyingBlobs);

    // Which diff_ids are already stored? (A short read; no transaction is held.)
    let db_path = paths.db_path();
    let diff_ids = r.config.diff_ids.clone();
    let existing: HashMap<Digest, i64> = {
        let db_path = db_path.clone();
        let diff_ids = diff_ids.clone();
        blocking(move || {
            let db = Db::open(&db_path)?;
            let mut found = HashMap::new();
            for d in diff_ids {
                if let Some(l) = db.layer(d.as_str())? {
                    found.insert(d, l.size);
                }
            }
            Ok(found)
        })
        .await?
    };

    // One download per distinct diff_id (images may repeat an empty layer).
    let mut wanted: Vec<usize> = Vec::new();
    let mut seen = HashSet::new();
    for (i, d) in diff_ids.iter().enumerate() {
        if !seen.insert(d.clone()) {
            continue;
        }
        if existing.contains_key(d) {
            let blob = &manifest::digest(&r.manifest.layers()[i]);
            progress.send(Event::BlobSkipped {
                id: blob.clone(),
                digest: blob.clone(),
                reason: SkipReason::AlreadyExists,
            });
        } else {
            wanted.push(i);
        }
    }
    let ignore_chown_errors = userns.single_mapping;
    let mut staged = download(
        &r,
        &image_name,
        &wanted,
        &store,
        progress,
        ignore_chown_errors,
    )
    .await?;
    progress.send(Event::ConfigDone {
        digest: manifest::digest(r.manifest.config()),
    });
    progress.send(Event::WritingManifest);

    let mut sizes: HashMap<Digest, i64> = existing;
    let mut new_layers: Vec<NewLayer> = Vec::new();
    let mut promoted: Vec<String> = Vec::new();
    promote(
        &store,
        &mut staged,
        &mut new_layers,
        &mut promoted,
        &mut sizes,
    )
    .await?;

    let name = match (&image.tag, &image.digest) {
        (Some(_), _) => ImageRef {
            digest: None,
            ..image.clone()
        }
        .to_string(),
        (None, _) => image.to_string(),
    };
    let mut uniq = HashSet::new();
    let size: i64 = diff_ids
        .iter()
        .filter(|d| uniq.insert(*d))
        .map(|d| sizes.get(d).copied().unwrap_or(0))
        .sum();
    let mut new_image = NewImage {
        id: r.id.clone(),
        digest: r.digest.to_string(),
        digests: r.digests.iter().map(ToString::to_string).collect(),
        names: vec![name.clone()],
        layers: diff_ids.iter().map(ToString::to_string).collect(),
        new_layers,
        manifest: r.manifest_bytes.clone(),
        manifest_media_type: manifest::media_type(&r.manifest).to_string(),
        config: r.config_bytes.clone(),
        created: r
            .config
            .created
            .unwrap_or(chrono::DateTime::<chrono::Utc>::UNIX_EPOCH),
        size,
    };

    let previous = {
        let db_path = db_path.clone();
        let name = name.clone();
        blocking(move || Ok(Db::open(&db_path)?.image_by_name(&name)?.map(|i| i.id))).await?
    };
    let mut retried = false;
    let outcome = loop {
        let attempt = {
            let db_path = db_path.clone();
            let img = new_image.clone();
            let name = name.clone();
            blocking(move || {
                let db = Db::open(&db_path)?;
                let r = db.commit_image(&img);
                if r.is_ok() {
                    crate::events::image(&db, "pull", &img.id, &name);
                }
                Ok(r)
            })
            .await?
        };
        match attempt {
            Ok(o) => break o,
            // A concurrent rmi removed layers we meant to reuse: fetch them once more.
            Err(StateError::MissingLayers {
                diff_ids: missing, ..
            }) if !retried => {
                retried = true;
                tracing::info!("{image_name}: layers {missing:?} vanished; pulling them again");
                let missing: HashSet<&str> = missing.iter().map(String::as_str).collect();
                let mut again = Vec::new();
                let mut seen = HashSet::new();
                for (i, d) in diff_ids.iter().enumerate() {
                    if missing.contains(d.as_str()) && seen.insert(d) {
                        again.push(i);
                    }
                }
                let res = async {
                    let mut staged = download(
                        &r,
                        &image_name,
                        &again,
                        &store,
                        progress,
                        ignore_chown_errors,
                    )
                    .await?;
                    promote(
                        &store,
                        &mut staged,
                        &mut new_image.new_layers,
                        &mut promoted,
                        &mut sizes,
                    )
                    .await
                }
                .await;
                if let Err(e) = res {
                    discard(&store, promoted).await;
                    return Err(e);
                }
            }
            Err(e) => {
                discard(&store, promoted).await;
                return Err(e.into());
            }
        }
    };
    discard(&store, outcome.discard_dirs).await;

    Ok(PulledImage {
        id: r.id,
        name,
        digest: r.digest,
        layers_pulled: promoted.len(),
        previous,
    })
}

async fn promote(
    store: &Arc<LayerStore>,
    staged: &mut Vec<StagedLayer>,
    new_layers: &mut Vec<NewLayer>,
    promoted: &mut Vec<String>,
    sizes: &mut HashMap<Digest, i64>,
) -> crate::Result<()> {
    for layer in staged.drain(..) {
        let store2 = store.clone();
        let dir = match blocking(move || Ok(store2.promote(layer.staging)?)).await {
            Ok(d) => d,
            Err(e) => {
                discard(store, std::mem::take(promoted)).await;
                return Err(e);
            }
        };
        promoted.push(dir.clone());
        sizes.insert(layer.diff_id.clone(), layer.size);
        new_layers.push(NewLayer {
            diff_id: layer.diff_id.to_string(),
            dir,
            compressed_digest: Some(layer.compressed_digest.to_string()),
            media_type: Some(layer.media_type),
            size: layer.size,
        });
    }
    Ok(())
}

/// Removes layer directories nobody references; failures are logged, not fatal.
async fn discard(store: &Arc<LayerStore>, dirs: Vec<String>) {
    if dirs.is_empty() {
        return;
    }
    let store = store.clone();
    let _ = tokio::task::spawn_blocking(move || {
        for d in dirs {
            if let Err(e) = store.remove_layer(&d) {
                tracing::warn!("removing unused layer directory {d}: {e}");
            }
        }
    })
    .await;
}

/// Downloads and unpacks the layers at `indices`, a few at a time. On the first failure the
/// others are cancelled and every staging directory is dropped.
async fn download(
    r: &Resolved,
    image: &str,
    indices: &[usize],
    store: &Arc<LayerStore>,
    progress: &Reporter,
    ignore_chown_errors: bool,
) -> crate::Result<Vec<StagedLayer>> {
    let sem = Arc::new(tokio::sync::Semaphore::new(CONCURRENT_LAYERS));
    let mut set = tokio::task::JoinSet::new();
    for &i in indices {
        let desc = &r.manifest.layers()[i];
        let digest = manifest::digest(desc);
        let odesc = oci_client::manifest::OciDescriptor {
            media_type: desc.media_type().to_string(),
            digest: digest.to_string(),
            size: i64::try_from(desc.size()).unwrap_or(i64::MAX),
            urls: desc.urls().clone(),
            annotations: None,
            artifact_type: None,
        };
        let job = LayerJob {
            image: image.to_string(),
            digest: digest.clone(),
            diff_id: r.config.diff_ids[i].clone(),
            media_type: desc.media_type().to_string(),
            ignore_chown_errors,
        };
        let client = r.session.client.clone();
        let reference = r.session.reference.clone();
        let sem = sem.clone();
        let store = store.clone();
        let blob = progress.blob(&digest, Some(desc.size()));
        set.spawn(async move {
            let _permit = sem
                .acquire_owned()
                .await
                .map_err(|e| PullError::Internal(e.to_string()))?;
            let stream = client
                .pull_blob_stream(&reference, &odesc)
                .await
                .map_err(|e| PullError::LayerDownload {
                    image: job.image.clone(),
                    layer: job.digest.to_string(),
                    reason: error_chain(&e),
                })?;
            let digest = job.digest.clone();
            let staged = fetch_and_unpack(job, stream, store, |n| blob.inc(n)).await;
            if staged.is_ok() {
                blob.done(&digest);
            }
            staged
        });
    }
    let mut staged = Vec::new();
    while let Some(res) = set.join_next().await {
        match res {
            Ok(Ok(l)) => staged.push(l),
            Ok(Err(e)) => {
                set.abort_all();
                return Err(e.into());
            }
            Err(e) => {
                set.abort_all();
                return Err(PullError::Internal(format!("layer task: {e}")).into());
            }
        }
    }
    // Base layer first, so promotion order follows the image.
    let order: HashMap<&Digest, usize> = indices
        .iter()
        .map(|&i| (&r.config.diff_ids[i], i))
        .collect();
    staged.sort_by_key(|l| order.get(&l.diff_id).copied().unwrap_or(usize::MAX));
    Ok(staged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_image_and_registry() {
        let img = ImageRef::parse("127.0.0.1:5000/busybox").unwrap();
        let e = source_error(
            OciDistributionError::UnauthorizedError {
                url: "http://x".into(),
            },
            &img,
            &img,
            false,
        )
        .to_string();
        assert!(e.contains("docker://127.0.0.1:5000/busybox:latest"), "{e}");
        assert!(e.contains("registry 127.0.0.1:5000"), "{e}");
        let e = source_error(
            OciDistributionError::ServerError {
                code: 404,
                url: "u".into(),
                message: "m".into(),
            },
            &img,
            &img,
            false,
        )
        .to_string();
        assert!(
            e.contains("manifest unknown") && e.contains("127.0.0.1:5000"),
            "{e}"
        );
    }
}
