//! Uploading a push's layers: each layer's tar replayed from storage and compressed straight
//! into the upload (one streamed PUT under a remembered digest, one streamed PATCH hashed on
//! the way, or chunks; a file and one PUT as the last resort), blobs the registry already has
//! skipped, and blobs of other repositories on the same registry mounted.

use super::compress::{
    async_stream, compress_into, compress_layer, stored_layer_tar, BlobReceiver, ChannelWriter,
    Compressed, Output, STREAM_CHUNK,
};
use super::connect::{map_err, StreamSettings, Target};
use super::{blocking, upload, Compression, PushError, MAX_CONCURRENT_LAYERS};
use crate::progress::{BlobProgress, Reporter, SkipReason};
use crate::pull::error_chain;
use crate::pull::manifest::{self, Manifest};
use crate::reference::ImageRef;
use crate::{Digest, Paths};
use futures_util::StreamExt;
use hutch_state::{Db, Image, LayerBlob};
use hutch_storage::LayerStore;
use oci_client::errors::OciDistributionError;
use oci_client::Reference;
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One layer of the image as it will be pushed.
#[derive(Debug, Clone)]
pub(super) struct PushedLayer {
    pub(super) digest: Digest,
    pub(super) size: i64,
    pub(super) tar_digest: Digest,
    pub(super) sent: Sent,
}

/// How a layer got to the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sent {
    Uploaded,
    Existed,
    Mounted,
}

/// Pushes the image's layers (each distinct diff_id once) concurrently, biggest first, and
/// returns how each went up, by diff_id.
pub(super) async fn push_layers(
    paths: &Paths,
    target: &Target,
    image_name: &str,
    img: &Image,
    compression: Compression,
    level: Option<i32>,
    progress: &Reporter,
) -> crate::Result<HashMap<String, PushedLayer>> {
    let stored = match manifest::parse_manifest(&img.manifest) {
        Ok(Manifest::Image(m)) if m.layers().len() == img.layers.len() => Some(m),
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
        let diff_id: Digest = layer.diff_id.parse().map_err(|e| PushError::Layer {
            image: image_name.to_string(),
            diff_id: layer.diff_id.clone(),
            reason: format!("stored with an invalid diff_id: {e}"),
        })?;
        let cached = cached.and_then(|c| {
            Some(PushedLayer {
                digest: c.digest.parse().ok()?,
                size: c.size,
                tar_digest: c.tar_digest.parse().ok()?,
                sent: Sent::Existed,
            })
        });
        let known = cached
            .as_ref()
            .filter(|_| level.is_none())
            .and_then(|c| Some((c.digest.clone(), u64::try_from(c.size).ok()?)));
        // What this layer was pushed as before comes first: pushing the same image to the same
        // place again then finds it at once and makes the same manifest. The blob it was
        // pulled as comes next.
        let mut candidates: Vec<PushedLayer> = cached.into_iter().collect();
        if let Some(m) = &stored {
            if let Some(i) = img.layers.iter().position(|d| d == &layer.diff_id) {
                let desc = &m.layers()[i];
                let digest = manifest::digest(desc);
                if Compression::of_media_type(desc.media_type().as_ref()) == Some(compression)
                    && !candidates.iter().any(|x| x.digest == digest)
                {
                    candidates.push(PushedLayer {
                        digest,
                        size: i64::try_from(desc.size()).unwrap_or(i64::MAX),
                        tar_digest: diff_id.clone(),
                        sent: Sent::Existed,
                    });
                }
            }
        }
        let bar = progress.blob(&diff_id, u64::try_from(layer.size).ok());
        let shared = shared.clone();
        let sem = sem.clone();
        set.spawn(async move {
            let _permit = sem
                .acquire_owned()
                .await
                .map_err(|e| PushError::Internal(e.to_string()))?;
            let diff_id = layer.diff_id.clone();
            let res = shared.push_layer(&layer, candidates, known, &bar).await;
            if let Ok(l) = &res {
                match l.sent {
                    Sent::Uploaded => bar.done(&l.digest),
                    Sent::Existed => bar.skipped(&l.digest, SkipReason::AlreadyExists),
                    Sent::Mounted => bar.skipped(&l.digest, SkipReason::Mounted),
                }
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
    Ok(done)
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
    async fn has(&self, digest: &Digest) -> Result<bool, PushError> {
        self.client
            .blob_exists(&self.reference, digest.as_str())
            .await
            .map_err(|e| self.err(e))
    }

    /// Mounts `digest` from another repository of the image on the destination registry.
    async fn mount(&self, digest: &Digest) -> bool {
        for repo in &self.mount_from {
            let source = Reference::with_tag(
                self.reference.registry().to_string(),
                repo.clone(),
                "latest".into(),
            );
            match self
                .client
                .mount_blob(&self.reference, &source, digest.as_str())
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
        known: Option<(Digest, u64)>,
        bar: &BlobProgress,
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
                return Ok(PushedLayer {
                    sent: Sent::Mounted,
                    ..c
                });
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
                    bar.restart(None);
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
                bar.restart(None);
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
            digest: compressed.digest.to_string(),
            size: compressed.size as i64,
            tar_digest: compressed.tar_digest.to_string(),
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
            digest: compressed.digest,
            size: blob.size,
            tar_digest: compressed.tar_digest,
            sent: if uploaded {
                Sent::Uploaded
            } else {
                Sent::Existed
            },
        })
    }

    /// Uploads a layer whose digest is not known beforehand: one streamed PATCH, else chunks.
    async fn new_blob(
        &self,
        layer: &hutch_state::Layer,
        bar: &BlobProgress,
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
                bar.restart(None);
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
        bar: &BlobProgress,
        whole: bool,
        hash: bool,
    ) -> (
        BlobReceiver,
        tokio::task::JoinHandle<(io::Result<Output>, bool)>,
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
        bar: &BlobProgress,
        known: Option<&(Digest, u64)>,
    ) -> Result<Compressed, PushError> {
        let (rx, compressor) = self.spawn_compressor(layer, bar, known.is_some(), false);
        let sent: Result<(Digest, u64), PushError> = match (known, self.any_uploader()) {
            (Some((digest, size)), Some(up)) => async {
                let url = up.start().await?;
                up.put_whole(&url, digest.as_str(), *size, async_stream(rx))
                    .await
            }
            .await
            .map(|()| (digest.clone(), *size))
            .map_err(|e| self.upload_err(e)),
            (Some((digest, size)), None) => self
                .client
                .push_blob_stream(
                    &self.reference,
                    async_stream(rx),
                    digest.as_str(),
                    Some(*size),
                )
                .await
                .map(|_| (digest.clone(), *size))
                .map_err(|e| self.err(e)),
            (None, _) => self
                .client
                .push_blob_stream_chunked(&self.reference, async_stream(rx))
                .await
                .map_err(|e| self.err(e))
                .and_then(|sent| {
                    let digest = sent
                        .blob_digest
                        .parse()
                        .map_err(|e| self.registry_err(format!("uploaded blob digest: {e}")))?;
                    Ok((digest, sent.size))
                }),
        };
        let (compressed, upload_stopped) = compressor
            .await
            .map_err(|e| PushError::Internal(e.to_string()))?;
        match (compressed, sent) {
            (Ok(c), Ok((digest, size))) if size == c.size => Ok(Compressed {
                digest,
                size,
                tar_digest: c.tar_digest,
            }),
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
        bar: &BlobProgress,
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
                (url, c.hashed())
            }
            (_, Err(e)) if upload_stopped => return Err(upload_err(e)),
            (Err(e), _) => return Err(self.layer_err(layer, e)),
            (Ok(_), Err(e)) => return Err(upload_err(e)),
        };
        up.commit(&url, c.digest.as_str())
            .await
            .map_err(upload_err)?;
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
        bar: &BlobProgress,
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
            .blob_exists(&self.reference, compressed.digest.as_str())
            .await
            .map_err(|e| self.err(e))?;
        if !have {
            bar.restart(Some(compressed.size));
            self.upload(&blob_path, compressed.digest.as_str(), compressed.size, bar)
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
        bar: &BlobProgress,
    ) -> Result<(), PushError> {
        let stream = |bar: BlobProgress| {
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
                bar.restart(None);
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
