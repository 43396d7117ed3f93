//! `--squash` and `--squash-all`: layers merged into one as overlayfs would stack them. Each
//! layer directory is laid over the one before in a scratch directory (files hard-linked, so
//! nothing is copied; whiteouts and opaque directories applied), and the result becomes a new
//! layer. `--squash` keeps the whiteouts that hide the base image's files; `--squash-all`
//! has nothing below it, so they go.

use super::copy::ImageFs;
use super::{cache, image};
use crate::{EngineError, Result};
use hutch_state::Image;
use serde_json::Value;
use std::ffi::OsStr;
use std::io;
use std::os::fd::AsFd;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

const OPAQUE: &str = "user.overlay.opaque";

/// Lays each of `layers` (bottom first) over `dst`; `keep_whiteouts` when the result goes on
/// top of other layers. `dst`'s own attributes do not matter: the layer's tar has no entry
/// for its root (`hutch_storage::RootAttrs` says what `/` is).
pub(super) fn merge(layers: &[std::path::PathBuf], dst: &Path, keep_whiteouts: bool) -> Result<()> {
    for l in layers {
        merge_dir(l, dst, keep_whiteouts).map_err(|e| EngineError::io(l, e))?;
    }
    Ok(())
}

fn remove(path: &Path, m: &std::fs::Metadata) -> io::Result<()> {
    if m.is_dir() {
        hutch_storage::remove_tree(path)
    } else {
        std::fs::remove_file(path)
    }
}

fn merge_dir(src: &Path, dst: &Path, keep_whiteouts: bool) -> io::Result<()> {
    for entry in std::fs::read_dir(src)? {
        let entry = entry?;
        let name = entry.file_name();
        let s = src.join(&name);
        let d = dst.join(&name);
        let m = std::fs::symlink_metadata(&s)?;
        let existing = std::fs::symlink_metadata(&d).ok();
        if hutch_sys::fs::is_whiteout(&m) {
            if let Some(e) = &existing {
                remove(&d, e)?;
            }
            if keep_whiteouts {
                let parent = std::fs::File::open(dst)?;
                hutch_sys::fs::mknod_whiteout_at(parent.as_fd(), Path::new(&name))?;
            }
            continue;
        }
        if m.is_dir() {
            let opaque = hutch_storage::is_opaque(&s);
            // A directory over a whiteout hides what the whiteout hid, as an opaque one.
            let mut make_opaque = opaque;
            match &existing {
                Some(e) if e.is_dir() && !opaque => {}
                Some(e) => {
                    make_opaque |= hutch_sys::fs::is_whiteout(e);
                    remove(&d, e)?;
                    std::fs::create_dir(&d)?;
                }
                None => std::fs::create_dir(&d)?,
            }
            std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o700))?;
            merge_dir(&s, &d, keep_whiteouts)?;
            for x in hutch_sys::fs::llistxattr(&s).unwrap_or_default() {
                if x.to_string_lossy().starts_with("user.overlay.") {
                    continue;
                }
                if let Ok(Some(v)) = hutch_sys::fs::lgetxattr(&s, &x) {
                    let _ = hutch_sys::fs::lsetxattr(&d, &x, &v);
                }
            }
            if make_opaque && keep_whiteouts {
                hutch_sys::fs::lsetxattr(&d, OsStr::new(OPAQUE), b"y")?;
            }
            std::os::unix::fs::lchown(&d, Some(m.uid()), Some(m.gid()))?;
            std::fs::set_permissions(&d, std::fs::Permissions::from_mode(m.mode() & 0o7777))?;
            if let Ok(t) = m.modified() {
                let _ = std::fs::File::open(&d).and_then(|f| f.set_modified(t));
            }
            continue;
        }
        if let Some(e) = &existing {
            remove(&d, e)?;
        }
        // The same inode: owner, mode, times and xattrs come along; the layer is re-read
        // into a tar and unpacked anew, so the link is never written through.
        std::fs::hard_link(&s, &d)?;
    }
    Ok(())
}

impl super::stages::Build<'_> {
    /// The final stage's image squashed (`--squash`: its layers above the FROM image's;
    /// `--squash-all`: all of them) and its cache key. History keeps every instruction; all
    /// but the last entry that made a layer become empty, so entries and layers still match.
    pub(super) fn squash(&self, out: &super::stages::StageOutput) -> Result<(Image, String)> {
        let all = self.opts.squash_all;
        let img = &out.image;
        let from = if all {
            0
        } else {
            out.base_layers.min(img.layers.len())
        };
        if img.layers.len() - from <= 1 {
            return Ok((img.clone(), out.key.clone()));
        }
        let key = cache::key(&out.key, if all { "SQUASH-ALL" } else { "SQUASH" });
        if let Some(cached) = self.cached(&key)? {
            return Ok((cached, key));
        }
        let mut dirs = ImageFs::of(self.eng, &img.layers[from..])?.layers;
        dirs.reverse();
        let store = hutch_storage::LayerStore::new(&self.eng.paths().graphroot);
        let work = store.staging()?;
        let root = work.path.join("root");
        std::fs::create_dir(&root).map_err(|e| EngineError::io(&root, e))?;
        merge(&dirs, &root, !all)?;
        // Its files are hard links into the squashed layers: copied, never fixed up in place.
        // Its tar has no entry for the root (podman's have none either): like any such layer,
        // it shows the root of the layers below it, or 0555 with none (`--squash-all`).
        let layer = image::stage_dir(&store, image::LayerSource::Copy(&root))?;
        drop(work);
        let mut config: Value =
            serde_json::from_slice(&img.config).map_err(|source| EngineError::BadImageConfig {
                image: img.id.clone(),
                source,
            })?;
        let start = if all { 0 } else { out.base_history };
        if let Some(h) = config.get_mut("history").and_then(Value::as_array_mut) {
            let layered = |e: &Value| e.get("empty_layer").and_then(Value::as_bool) != Some(true);
            let keep = (start..h.len()).rev().find(|&i| layered(&h[i]));
            for (i, e) in h.iter_mut().enumerate().skip(start) {
                if Some(i) != keep {
                    if let Some(o) = e.as_object_mut() {
                        o.insert("empty_layer".into(), Value::Bool(true));
                    }
                }
            }
        }
        let squashed = image::write(
            self.eng,
            &config,
            &img.layers[..from],
            Some(layer),
            &[],
            self.opts.format,
            &[],
        )?;
        self.remember(&key, &squashed.id)?;
        Ok((squashed, key))
    }
}
