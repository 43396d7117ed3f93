//! Image archives: `save` writes local images as docker-archive, oci-archive, oci-dir or
//! docker-dir laid out as podman and skopeo write them; `load` reads all four (and gzip/zstd
//! compressed archives) through the same path-safe unpack as pull; `import` makes a one-layer
//! image from a root filesystem tarball. Layers are reproduced byte for byte from storage.

pub mod import;
pub mod load;
pub mod save;

use crate::pull::layer::UnpackFailure;
use hutch_state::Layer;
use hutch_storage::{Digest, HashingWriter, LayerStore};
use serde::{Deserialize, Serialize};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub const OCI_LAYOUT: &str = "oci-layout";
pub const OCI_LAYOUT_VERSION: &str = "{\"imageLayoutVersion\": \"1.0.0\"}";
pub const REF_NAME: &str = "org.opencontainers.image.ref.name";
pub const OCI_LAYER: &str = "application/vnd.oci.image.layer.v1.tar";
pub const OCI_LAYER_GZIP: &str = "application/vnd.oci.image.layer.v1.tar+gzip";
/// containers/image labels even uncompressed docker-dir layers `.tar.gzip`; we do the same so
/// that the manifests we write are the ones podman writes.
pub const DOCKER_LAYER: &str = "application/vnd.docker.image.rootfs.diff.tar.gzip";
pub const DIR_VERSION: &str = "Directory Transport Version: 1.1\n";

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("archive {archive}: entry {entry:?}: {reason}")]
    Entry {
        archive: String,
        entry: String,
        reason: String,
    },
    #[error("archive {archive}: {reason}")]
    Format { archive: String, reason: String },
    #[error("archive {archive}: layer {entry:?}: {what} is {actual}, expected {expected}")]
    Digest {
        archive: String,
        entry: String,
        what: &'static str,
        expected: String,
        actual: String,
    },
    #[error("archive {archive}: layer {entry:?}: {source}")]
    Unpack {
        archive: String,
        entry: String,
        #[source]
        source: Box<hutch_storage::unpack::UnpackError>,
    },
    #[error("image {image}: layer {layer}: {reason}")]
    Reproduce {
        image: String,
        layer: String,
        reason: String,
    },
    #[error("{0}")]
    Usage(String),
    #[error("writing the archive: {0}")]
    Output(#[source] io::Error),
}

impl ArchiveError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: io::Error) -> Self {
        ArchiveError::Io {
            path: path.into(),
            source,
        }
    }
}

/// The on-disk layouts `save` writes and `load` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    DockerArchive,
    OciArchive,
    OciDir,
    DockerDir,
}

impl Format {
    pub fn parse(s: &str) -> Result<Format, ArchiveError> {
        Ok(match s {
            "docker-archive" => Format::DockerArchive,
            "oci-archive" => Format::OciArchive,
            "oci-dir" => Format::OciDir,
            "docker-dir" => Format::DockerDir,
            _ => {
                return Err(ArchiveError::Usage(format!(
                "unknown format {s:?}: expected docker-archive, oci-archive, oci-dir or docker-dir"
            )))
            }
        })
    }

    pub fn is_dir(self) -> bool {
        matches!(self, Format::OciDir | Format::DockerDir)
    }
}

/// A blob a manifest names.
#[derive(Debug, Clone, PartialEq)]
pub struct Desc {
    pub media_type: String,
    pub digest: Digest,
    pub size: i64,
}

/// A docker-dir manifest: containers/image puts `size` before `digest` there, which oci-spec's
/// Descriptor does not; written by hand so its bytes (and digest) are podman's.
#[derive(Debug, Clone, Serialize)]
struct DockerDesc<'a> {
    #[serde(rename = "mediaType")]
    media_type: &'a str,
    size: i64,
    digest: &'a str,
}

#[derive(Debug, Clone, Serialize)]
struct DockerManifestOut<'a> {
    #[serde(rename = "schemaVersion")]
    schema_version: u32,
    #[serde(rename = "mediaType")]
    media_type: &'a str,
    config: DockerDesc<'a>,
    layers: Vec<DockerDesc<'a>>,
}

/// The bytes of an OCI (or, for docker-dir, Docker v2s2) manifest for a config and layers.
pub fn manifest_bytes(oci: bool, config: &Desc, layers: &[Desc]) -> Vec<u8> {
    use crate::pull::manifest::{descriptor, image_manifest};
    use crate::pull::manifest::{DOCKER_CONFIG, DOCKER_MANIFEST, OCI_CONFIG, OCI_MANIFEST};
    let size = |s: i64| u64::try_from(s).unwrap_or(0);
    let res = if oci {
        serde_json::to_vec(&image_manifest(
            OCI_MANIFEST,
            descriptor(OCI_CONFIG, &config.digest, size(config.size)),
            layers
                .iter()
                .map(|l| descriptor(&l.media_type, &l.digest, size(l.size)))
                .collect(),
        ))
    } else {
        serde_json::to_vec(&DockerManifestOut {
            schema_version: 2,
            media_type: DOCKER_MANIFEST,
            config: DockerDesc {
                media_type: DOCKER_CONFIG,
                size: config.size,
                digest: config.digest.as_str(),
            },
            layers: layers
                .iter()
                .map(|l| DockerDesc {
                    media_type: &l.media_type,
                    size: l.size,
                    digest: l.digest.as_str(),
                })
                .collect(),
        })
    };
    res.expect("manifests serialize")
}

/// A stored layer's diff_id as a digest (the database keeps text).
pub(crate) fn diff_id_of(image: &str, layer: &Layer) -> Result<Digest, ArchiveError> {
    Digest::parse_sha256(&layer.diff_id).map_err(|e| ArchiveError::Reproduce {
        image: image.to_string(),
        layer: layer.diff_id.clone(),
        reason: e.to_string(),
    })
}

/// An image's config digest from its ID.
pub(crate) fn config_digest_of(id: &str) -> Result<Digest, ArchiveError> {
    Digest::from_sha256_hex(id).map_err(|e| ArchiveError::Usage(format!("image {id}: {e}")))
}

/// How a stored layer's tar was produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerTar {
    /// Of the bytes written.
    pub digest: Digest,
    pub size: u64,
    /// Replayed from the tar-split recorded at unpack (else rebuilt from the directory).
    pub from_split: bool,
}

/// Writes a stored layer's uncompressed tar to `out` without judging the result: replayed
/// from its tar-split when it has one (byte for byte what was unpacked), else rebuilt from the
/// directory (overlay whiteouts become `.wh.` files). `push` uses this to decide for itself
/// what to do with a layer that comes back different; `save` uses `write_layer`.
pub fn layer_tar(
    store: &LayerStore,
    image: &str,
    layer: &Layer,
    out: &mut dyn Write,
) -> Result<LayerTar, ArchiveError> {
    let dir = store.layer_path(&layer.dir);
    let split = store.tar_split_path(&layer.dir);
    let reproduce = |reason: String| ArchiveError::Reproduce {
        image: image.to_string(),
        layer: layer.diff_id.clone(),
        reason,
    };
    let mut w = HashingWriter::new(out);
    let from_split = split.exists();
    if from_split {
        hutch_storage::tarsplit::reassemble(&split, &dir, &mut w).map_err(|e| match e {
            hutch_storage::tarsplit::TarSplitError::Output(e) => ArchiveError::Output(e),
            e => reproduce(e.to_string()),
        })?;
    } else {
        crate::container::archive::layer_tar(&dir, &mut w).map_err(|e| reproduce(e.to_string()))?;
    }
    let (_, digest, size) = w.finish();
    Ok(LayerTar {
        digest: digest.expect("a hashing writer"),
        size,
        from_split,
    })
}

/// Writes a stored layer's uncompressed tar to `out` (see `layer_tar`) and checks that it
/// hashes to the layer's diff_id. A mismatch is an error: an image whose config names other
/// diff_ids would be corrupt. Podman keeps the same kind of tar-split data for this; layers
/// hutch stored before it kept tar-splits can only be saved when the rebuilt tar matches.
pub fn write_layer(
    store: &LayerStore,
    image: &str,
    layer: &Layer,
    out: &mut dyn Write,
) -> Result<u64, ArchiveError> {
    let t = layer_tar(store, image, layer, out)?;
    if t.digest != layer.diff_id {
        let digest = &t.digest;
        return Err(ArchiveError::Reproduce {
            image: image.to_string(),
            layer: layer.diff_id.clone(),
            reason: if t.from_split {
                format!("cannot be reproduced byte for byte: the stored files no longer match the recorded tar (rebuilt tar is {digest}); remove the image and pull it again")
            } else {
                format!(
                    "cannot be reproduced byte for byte: it was stored before hutch kept layer tar \
                     metadata and the tar rebuilt from its files is {digest}; remove the image and \
                     pull (or load) it again to save it"
                )
            },
        });
    }
    Ok(t.size)
}

/// Maps a failed layer unpack to an error naming the archive entry.
pub(crate) fn unpack_failure(archive: &str, entry: &str, e: UnpackFailure) -> ArchiveError {
    match e {
        UnpackFailure::Unpack(source) => ArchiveError::Unpack {
            archive: archive.to_string(),
            entry: entry.to_string(),
            source: Box::new(source),
        },
        UnpackFailure::Read(source) => ArchiveError::Entry {
            archive: archive.to_string(),
            entry: entry.to_string(),
            reason: format!("reading: {source}"),
        },
    }
}

/// Normalizes a path inside an archive: `./a//b` is `a/b`; absolute paths and `..` that
/// would leave the archive are refused.
pub(crate) fn archive_path(base: &str, name: &str) -> Result<String, &'static str> {
    if name.starts_with('/') {
        return Err("absolute paths point outside the archive");
    }
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for comp in name.split('/') {
        match comp {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err("the path leaves the archive");
                }
            }
            c => parts.push(c),
        }
    }
    if parts.is_empty() {
        return Err("empty path");
    }
    Ok(parts.join("/"))
}

/// The `blobs/sha256/<hex>` path of a digest, refusing anything but a valid sha256 digest.
pub(crate) fn blob_path(digest: &str) -> Option<String> {
    crate::Digest::parse_sha256(digest)
        .ok()
        .map(|d| format!("blobs/sha256/{}", d.hex()))
}

fn layer_desc_uncompressed(image: &str, layer: &Layer, oci: bool) -> Result<Desc, ArchiveError> {
    Ok(Desc {
        media_type: if oci { OCI_LAYER } else { DOCKER_LAYER }.into(),
        digest: diff_id_of(image, layer)?,
        size: layer.size,
    })
}

pub(crate) fn is_within(root: &Path, p: &Path) -> bool {
    p.starts_with(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_paths_stay_inside() {
        assert_eq!(archive_path("", "./a//b.tar").unwrap(), "a/b.tar");
        assert_eq!(archive_path("x", "../y.tar").unwrap(), "y.tar");
        assert!(archive_path("", "../etc/passwd").is_err());
        assert!(archive_path("", "/etc/passwd").is_err());
        assert!(archive_path("a", "../../b").is_err());
    }

    #[test]
    fn manifests_are_podmans_bytes() {
        let m = manifest_bytes(
            true,
            &Desc {
                media_type: String::new(),
                digest: Digest::sha256(b"c"),
                size: 3,
            },
            &[Desc {
                media_type: OCI_LAYER.into(),
                digest: Digest::sha256(b"l"),
                size: 5,
            }],
        );
        assert_eq!(
            String::from_utf8(m).unwrap(),
            format!(
                r#"{{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{}","size":3}},"layers":[{{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"{}","size":5}}]}}"#,
                Digest::sha256(b"c"),
                Digest::sha256(b"l")
            )
        );
    }
}
