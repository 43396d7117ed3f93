//! The image's manifest side of a push: checking the options against the image, the config
//! (naming the tars actually pushed), and the OCI or Docker schema2 manifest, written under
//! the tag or by digest and recorded on the image.

use super::blobs::{push_layers, PushedLayer, Sent};
use super::connect::Target;
use super::{blocking, Compression, ManifestFormat, PushError, Pushed};
use crate::progress::{Event, Reporter};
use crate::pull::manifest;
use crate::{Digest, Paths};
use hutch_state::{Db, Image};
use oci_client::Reference;

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
    progress: &Reporter,
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
    progress.send(Event::CopyingBlobs);
    let done = push_layers(paths, target, image_name, img, compression, level, progress).await?;
    let layers: Vec<&PushedLayer> = img.layers.iter().map(|d| &done[d]).collect();
    let mut uploaded = layers.iter().filter(|l| l.sent == Sent::Uploaded).count();
    let mut reused = done.len() - uploaded;

    // The config names the tars actually pushed.
    let config_bytes = if layers
        .iter()
        .zip(&img.layers)
        .all(|(l, d)| l.tar_digest == *d)
    {
        img.config.clone()
    } else {
        // Edited as JSON rather than as oci-spec's ImageConfiguration: the pushed config must
        // keep every field the stored one has, in its order.
        let mut cfg: serde_json::Value = serde_json::from_slice(&img.config).map_err(|e| {
            PushError::Internal(format!("image {}: config is not JSON: {e}", img.id))
        })?;
        let ids: Vec<serde_json::Value> = layers
            .iter()
            .map(|l| serde_json::Value::String(l.tar_digest.to_string()))
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
    let config_digest = Digest::sha256(&config_bytes);
    let client = &target.session.client;
    let exists = client
        .blob_exists(&target.session.reference, config_digest.as_str())
        .await
        .map_err(|e| target.err(image_name, e))?;
    if !exists {
        client
            .push_blob(
                &target.session.reference,
                config_bytes.clone(),
                config_digest.as_str(),
            )
            .await
            .map_err(|e| target.err(image_name, e))?;
        uploaded += 1;
    } else {
        reused += 1;
    }
    progress.send(Event::ConfigDone {
        digest: config_digest.clone(),
    });

    let manifest = manifest::image_manifest(
        format.manifest_media_type(),
        manifest::descriptor(
            format.config_media_type(),
            &config_digest,
            config_bytes.len() as u64,
        ),
        layers
            .iter()
            .map(|l| {
                manifest::descriptor(
                    compression.layer_media_type(format),
                    &l.digest,
                    u64::try_from(l.size).unwrap_or(0),
                )
            })
            .collect(),
    );
    let bytes =
        serde_json::to_vec_pretty(&manifest).map_err(|e| PushError::Internal(e.to_string()))?;
    let digest = Digest::sha256(&bytes);
    progress.send(Event::WritingManifest);
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
        let db_path = paths.db_path();
        let id = img.id.clone();
        let digest = digest.clone();
        blocking(move || {
            let db = Db::open(&db_path)?;
            db.add_image_digest(&id, digest.as_str())?;
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
