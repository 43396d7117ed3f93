//! `import`: a root filesystem tarball (plain, gzip or zstd; a file or stdin) becomes a
//! one-layer image, with `--change` instructions applied to its config and `--message` in its
//! history. The tarball goes through the pull's verified unpack, as any layer does.

use super::*;
use crate::container::commit::apply_change;
use crate::pull::layer::unpack_blob;
use crate::pull::manifest::{self as mf, OCI_MANIFEST};
use crate::userns::UsernsInfo;
use crate::Paths;
use chrono::{SecondsFormat, Utc};
use hutch_state::{Db, NewImage, NewLayer};
use hutch_storage::unpack::UnpackOptions;
use serde_json::{json, Map, Value};

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// `REPOSITORY[:TAG]`; None leaves the image unnamed.
    pub name: Option<String>,
    pub changes: Vec<String>,
    pub message: Option<String>,
    pub platform: Option<String>,
    pub os: Option<String>,
    pub arch: Option<String>,
    pub variant: Option<String>,
}

/// Imports the tarball read from `input` (named `label` in errors) and returns the image ID.
/// Must run inside the user namespace.
pub fn import(
    paths: &Paths,
    userns: &UsernsInfo,
    input: impl io::Read,
    label: &str,
    opts: &ImportOptions,
) -> crate::Result<String> {
    let name = opts
        .name
        .as_deref()
        .map(crate::images::normalize_new_name)
        .transpose()?;
    let platform = mf::platform_from_flags(
        opts.platform.as_deref(),
        opts.os.as_deref(),
        opts.arch.as_deref(),
        opts.variant.as_deref(),
    )
    .map_err(ArchiveError::Usage)?;
    // The changes are checked before the (slow) unpack.
    let mut cfg = Map::new();
    for ch in &opts.changes {
        apply_change(&mut cfg, ch)?;
    }

    let store = LayerStore::new(&paths.graphroot);
    store.clean_stale()?;
    let staging = store.staging()?;
    let uopts = UnpackOptions {
        layer: label.to_string(),
        ignore_chown_errors: userns.single_mapping,
        tar_split: Some(staging.split_path()),
    };
    let done = unpack_blob(input, staging, uopts).map_err(|e| unpack_failure(label, label, e))?;

    let now = Utc::now();
    let created = now.to_rfc3339_opts(SecondsFormat::Nanos, true);
    let mut history = Map::new();
    history.insert("created".into(), json!(created));
    history.insert(
        "created_by".into(),
        json!(format!(
            "/bin/sh -c #(nop) ADD file:{} in / ",
            done.diff_id.hex()
        )),
    );
    if let Some(m) = &opts.message {
        history.insert("comment".into(), json!(m));
    }
    let mut config = Map::new();
    config.insert("created".into(), json!(created));
    config.insert("architecture".into(), json!(platform.architecture()));
    config.insert("os".into(), json!(platform.os()));
    if let Some(v) = platform.variant() {
        config.insert("variant".into(), json!(v));
    }
    config.insert("config".into(), Value::Object(cfg));
    config.insert(
        "rootfs".into(),
        json!({"type": "layers", "diff_ids": [done.diff_id]}),
    );
    config.insert("history".into(), json!([Value::Object(history)]));
    // A `Value` always encodes (its keys are strings), and its Display is the compact JSON
    // `to_vec` would write: no error to handle.
    let config_bytes = Value::Object(config).to_string().into_bytes();
    let id = Digest::sha256(&config_bytes).hex().to_string();
    let manifest = manifest_bytes(
        true,
        &Desc {
            media_type: String::new(),
            digest: config_digest_of(&id)?,
            size: config_bytes.len() as i64,
        },
        &[Desc {
            media_type: OCI_LAYER.into(),
            digest: done.diff_id.clone(),
            size: done.size,
        }],
    );
    let digest = Digest::sha256(&manifest).to_string();

    let dir = store.promote(done.staging)?;
    let img = NewImage {
        id: id.clone(),
        digest: digest.clone(),
        digests: vec![digest],
        names: name.iter().cloned().collect(),
        layers: vec![done.diff_id.to_string()],
        new_layers: vec![NewLayer {
            diff_id: done.diff_id.to_string(),
            dir: dir.clone(),
            compressed_digest: Some(done.compressed_digest.to_string()),
            media_type: Some(OCI_LAYER.into()),
            size: done.size,
        }],
        manifest,
        manifest_media_type: OCI_MANIFEST.into(),
        config: config_bytes,
        created: now,
        size: done.size,
    };
    let db = Db::open(&paths.db_path())?;
    crate::images::commit_one_layer_image(&db, &store, &img, &dir)?;
    crate::events::image(&db, "import", &id, name.as_deref().unwrap_or(""));
    Ok(id)
}
