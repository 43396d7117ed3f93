//! Writing a build step's image: a directory of files becomes a layer (moved into the store,
//! with the digest and tar-split of its tar, so the layer can be pushed byte for byte), and the
//! step's config with the stage's layers becomes an image record.

use super::ImageFormat;
use crate::pull::manifest as mf;
use crate::saveload::OCI_LAYER;
use crate::{Digest, Engine, EngineError, Result};
use chrono::Utc;
use hutch_state::{Image, NewImage, NewLayer};
use hutch_storage::LayerStore;
use serde_json::{json, Value};

pub(super) use crate::container::layer_dir::{LayerSource, StagedLayer};

/// Turns `source` into a staged layer, the same way `commit` does.
pub(super) fn stage_dir(store: &LayerStore, source: LayerSource<'_>) -> Result<StagedLayer> {
    crate::container::layer_dir::stage_layer_dir(store, source, None, |source| {
        super::BuildError::Invalid {
            what: "writing a build step's layer".into(),
            reason: source.to_string(),
        }
        .into()
    })
}

/// Records an image with `config` (whose rootfs is rewritten from `layers`, plus `new_layer`
/// when given) and returns it.
pub(super) fn write(
    eng: &Engine,
    config: &Value,
    layers: &[String],
    new_layer: Option<StagedLayer>,
    names: &[String],
    format: ImageFormat,
    annotations: &[(String, String)],
) -> Result<Image> {
    let db = eng.db();
    let store = LayerStore::new(&eng.paths().graphroot);
    let mut config = config.clone();
    let mut all: Vec<String> = layers.to_vec();
    if let Some(l) = &new_layer {
        all.push(l.diff_id.to_string());
    }
    if let Some(obj) = config.as_object_mut() {
        obj.insert("rootfs".into(), json!({"type": "layers", "diff_ids": all}));
    }
    let config_bytes = serde_json::to_vec(&config).map_err(|source| EngineError::Encode {
        what: "a built image's config".into(),
        source,
    })?;
    let config_digest = Digest::sha256(&config_bytes);
    let id = config_digest.hex().to_string();
    let (manifest_type, config_type, layer_type) = match format {
        ImageFormat::Oci => (mf::OCI_MANIFEST, mf::OCI_CONFIG, OCI_LAYER),
        ImageFormat::Docker => (
            mf::DOCKER_MANIFEST,
            mf::DOCKER_CONFIG,
            "application/vnd.docker.image.rootfs.diff.tar",
        ),
    };
    let mut descriptors = Vec::new();
    let mut total = 0i64;
    let bad = |d: &str, e: hutch_storage::digest::DigestError| super::BuildError::Invalid {
        what: format!("layer digest {d:?}"),
        reason: e.to_string(),
    };
    for d in layers {
        let l = db.layer(d)?;
        let (digest, media, sz) = match &l {
            Some(l) => (
                l.compressed_digest.as_deref().unwrap_or(d),
                l.media_type.as_deref().unwrap_or(layer_type),
                l.size,
            ),
            None => (d.as_str(), layer_type, 0),
        };
        total += sz;
        let digest: Digest = digest.parse().map_err(|e| bad(d, e))?;
        descriptors.push(mf::descriptor(
            media,
            &digest,
            u64::try_from(sz).unwrap_or(0),
        ));
    }
    if let Some(l) = &new_layer {
        total += l.size;
        descriptors.push(mf::descriptor(
            layer_type,
            &l.diff_id,
            u64::try_from(l.size).unwrap_or(0),
        ));
    }
    let manifest = mf::image_manifest(
        manifest_type,
        mf::descriptor(config_type, &config_digest, config_bytes.len() as u64),
        descriptors,
    );
    let mut manifest = serde_json::to_value(&manifest).map_err(|source| EngineError::Encode {
        what: "a built image's manifest".into(),
        source,
    })?;
    if !annotations.is_empty() && format == ImageFormat::Oci {
        let map: serde_json::Map<String, Value> = annotations
            .iter()
            .map(|(k, v)| (k.clone(), json!(v)))
            .collect();
        if let Some(obj) = manifest.as_object_mut() {
            obj.insert("annotations".into(), Value::Object(map));
        }
    }
    let manifest_bytes = manifest.to_string().into_bytes();
    let digest = Digest::sha256(&manifest_bytes).to_string();
    let now = Utc::now();
    let img = NewImage {
        id: id.clone(),
        digest: digest.clone(),
        digests: vec![digest],
        names: names.to_vec(),
        layers: all,
        new_layers: Vec::new(),
        manifest: manifest_bytes,
        manifest_media_type: manifest_type.into(),
        config: config_bytes,
        created: now,
        size: total,
    };
    match new_layer {
        Some(l) => {
            let dir = store.promote(l.staging)?;
            let mut img = img;
            img.new_layers.push(NewLayer {
                diff_id: l.diff_id.to_string(),
                dir: dir.clone(),
                compressed_digest: None,
                media_type: Some(layer_type.into()),
                size: l.size,
            });
            crate::images::commit_one_layer_image(db, &store, &img, &dir)?;
        }
        None => {
            db.commit_image(&img)?;
        }
    }
    for n in names {
        // An image of the same config recorded before keeps its row; the names still go on.
        let _ = db.add_name(&id, n);
    }
    db.image(&id)?
        .ok_or_else(|| EngineError::ImageNotKnown { name: id })
}
