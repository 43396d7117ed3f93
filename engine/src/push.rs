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
//!
//! Here: the options, the errors and the entry. `connect`: the destination session (TLS,
//! credentials, token). `blobs`: the layer uploads (skips, mounts, streamed, chunked, file);
//! `compress` and `pgzip` make the compressed bytes, `upload` the streamed requests.
//! `manifests`: the config and the manifest.

use crate::auth::AuthOptions;
use crate::images;
use crate::progress::{reporting, ProgressSink, Reporter};
use crate::pull::manifest;
use crate::reference::{ImageRef, Name};
use crate::{Digest, Paths};
use hutch_state::{Db, Image};
use std::path::PathBuf;

mod blobs;
mod compress;
mod connect;
mod manifests;
mod pgzip;
mod upload;

pub(crate) use connect::Target;
pub(crate) use manifests::push_image;

/// Layers compressed and uploaded at once, at most: compression is CPU-bound, so as many as
/// there are CPUs (at least 2, so a HEAD or an upload can overlap a compression).
const MAX_CONCURRENT_LAYERS: usize = 6;

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
    pub(crate) fn config_media_type(self) -> &'static str {
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
    pub(crate) fn layer_media_type(self, format: ManifestFormat) -> &'static str {
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
    /// Docker's default: a loopback registry is insecure (see `PullOptions`).
    pub insecure_loopback: bool,
}

impl PushOptions {
    /// `tls_verify` as it applies to `registry`, with the loopback default.
    pub(crate) fn tls_verify_for(&self, registry: &str) -> Option<bool> {
        self.tls_verify.or_else(|| {
            crate::registries::insecure(registry, false, self.insecure_loopback).then_some(false)
        })
    }
}

#[derive(Debug, Clone)]
pub struct Pushed {
    /// Local image ID.
    pub image_id: String,
    /// Of the manifest as pushed.
    pub digest: Digest,
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

/// Pushes the local image `image` to `dest` (default: the name it was found by) and records
/// the pushed manifest digest. Must run inside the user namespace (layers are read as stored).
pub async fn push(
    paths: &Paths,
    image: &str,
    dest: Option<&str>,
    opts: &PushOptions,
    progress: &dyn ProgressSink,
) -> crate::Result<Pushed> {
    reporting(progress, |rep| {
        push_reporting(paths, image, dest, opts, rep)
    })
    .await
}

async fn push_reporting(
    paths: &Paths,
    image: &str,
    dest: Option<&str>,
    opts: &PushOptions,
    progress: Reporter,
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
        opts.tls_verify_for(&dest.registry),
        opts.cert_dir.as_deref(),
        &opts.auth,
        &dest,
        image,
    )
    .await?;
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
}
