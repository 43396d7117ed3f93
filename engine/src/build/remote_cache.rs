//! `--cache-to` and `--cache-from`, as podman and buildah define them: every step's image is
//! pushed to a registry repository tagged with its cache key (or written into an OCI layout
//! directory under that key as its ref name), and a step missing from the local cache is
//! looked up there by key and pulled (or loaded) instead of being run. The images keep their
//! configs byte for byte, so a build from the imported cache makes the same image ID.

use super::stages::Build;
use super::{BuildEvent, CacheLocation};
use crate::progress::Silent;
use crate::saveload::{
    manifest_bytes, write_layer, Desc, OCI_LAYER, OCI_LAYOUT, OCI_LAYOUT_VERSION, REF_NAME,
};
use crate::{Digest, EngineError, Result};
use hutch_state::Image;
use serde_json::{json, Value};
use std::io::Write;
use std::path::Path;

impl Build<'_> {
    /// The image of `key` from the first `--cache-from` location that has it, now stored
    /// locally (and in the local cache); None when none has it.
    pub(super) fn import_cached(&self, key: &str) -> Result<Option<Image>> {
        for loc in &self.opts.cache_from {
            let found = match loc {
                CacheLocation::Registry(repo) => self.pull_cached(repo, key),
                CacheLocation::Dir(dir) => self.load_cached(dir, key),
            };
            match found {
                Ok(Some(id)) => {
                    if let Some(img) = self.eng.db().image(&id)? {
                        self.eng.db().put_build_cache(key, &img.id)?;
                        return Ok(Some(img));
                    }
                }
                Ok(None) => {}
                Err(e) => self.sink.event(BuildEvent::Warning(format!(
                    "--cache-from {loc:?}: step {key}: {e}"
                ))),
            }
        }
        Ok(None)
    }

    /// Pulls `REPO:KEY`; a tag the registry does not have is a miss. The pulled image keeps
    /// no name: it is a step image like the ones built here.
    fn pull_cached(&self, repo: &str, key: &str) -> Result<Option<String>> {
        let name = format!("{repo}:{key}");
        let cancel = self.cancel;
        let interrupted = async move {
            while !cancel.is_cancelled() {
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
        };
        match self
            .eng
            .pull(&name, &self.opts.pull_options, &Silent, interrupted)
        {
            Ok(p) => {
                if let Err(e) =
                    crate::images::untag(self.eng.db(), &p.id, std::slice::from_ref(&p.name))
                {
                    tracing::debug!("untagging cache image {}: {e}", p.name);
                }
                Ok(Some(p.id))
            }
            Err(EngineError::Pull(crate::pull::PullError::NotFound { .. })) => Ok(None),
            Err(e @ EngineError::Pull(crate::pull::PullError::Interrupted { .. })) => Err(e),
            Err(e) => {
                // A registry that answers "unknown" in its own words is a miss too; anything
                // else (unreachable, refused credentials) is worth a warning.
                let text = e.to_string();
                if text.contains("manifest unknown") || text.contains("not found") {
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        }
    }

    fn load_cached(&self, dir: &Path, key: &str) -> Result<Option<String>> {
        let index = dir.join("index.json");
        let bytes = match std::fs::read(&index) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(EngineError::io(&index, e)),
        };
        let idx: Value =
            serde_json::from_slice(&bytes).map_err(|e| super::BuildError::Invalid {
                what: index.display().to_string(),
                reason: format!("not an OCI index: {e}"),
            })?;
        let has = idx["manifests"]
            .as_array()
            .is_some_and(|m| m.iter().any(|e| e["annotations"][REF_NAME] == key));
        if !has {
            return Ok(None);
        }
        let loaded = crate::saveload::load::load_ref(
            self.eng.paths(),
            self.eng.userns()?,
            dir,
            key,
            &Silent,
        )?;
        Ok(Some(loaded.id))
    }

    /// Sends step image `id` of `key` to `--cache-to`. A failure is a warning: the build's
    /// own result does not depend on it.
    pub(super) fn export_cached(&self, key: &str, id: &str) {
        let Some(loc) = &self.opts.cache_to else {
            return;
        };
        let r = match loc {
            CacheLocation::Registry(repo) => self.push_cached(repo, key, id),
            CacheLocation::Dir(dir) => self.write_cached(dir, key, id),
        };
        if let Err(e) = r {
            self.sink.event(BuildEvent::Warning(format!(
                "--cache-to {loc:?}: pushing the cache image of step {key}: {e}"
            )));
        }
    }

    fn push_cached(&self, repo: &str, key: &str, id: &str) -> Result<()> {
        let p = &self.opts.pull_options;
        let opts = crate::push::PushOptions {
            tls_verify: p.tls_verify,
            cert_dir: p.cert_dir.clone(),
            auth: p.auth.clone(),
            insecure_loopback: p.insecure_loopback,
            ..Default::default()
        };
        let dest = format!("{repo}:{key}");
        crate::rt::block_on(crate::push::push(
            self.eng.paths(),
            id,
            Some(&dest),
            &opts,
            &Silent,
        ))??;
        Ok(())
    }

    /// Adds image `id` to the OCI layout at `dir` under ref name `key`: missing blobs are
    /// written (layers uncompressed, so a blob's digest is its diff ID and a blob that is
    /// there is never written twice), then index.json is replaced.
    fn write_cached(&self, dir: &Path, key: &str, id: &str) -> Result<()> {
        let _one_writer = self
            .cache_dir_lock
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let db = self.eng.db();
        let img = db.image(id)?.ok_or_else(|| EngineError::ImageNotKnown {
            name: id.to_string(),
        })?;
        let store = hutch_storage::LayerStore::new(&self.eng.paths().graphroot);
        let blobs = dir.join("blobs").join("sha256");
        std::fs::create_dir_all(&blobs).map_err(|e| EngineError::io(&blobs, e))?;
        let layout = dir.join(OCI_LAYOUT);
        if !layout.exists() {
            std::fs::write(&layout, OCI_LAYOUT_VERSION).map_err(|e| EngineError::io(&layout, e))?;
        }
        let put = |digest: &Digest, data: &[u8]| -> Result<()> {
            let path = blobs.join(digest.hex());
            if !path.exists() {
                atomic_write(&path, data)?;
            }
            Ok(())
        };
        let mut layers = Vec::new();
        for d in &img.layers {
            let l = db.layer(d)?.ok_or_else(|| EngineError::LayerMissing {
                image: img.id.clone(),
                layer: d.clone(),
            })?;
            let digest = crate::saveload::diff_id_of(&img.id, &l)?;
            let path = blobs.join(digest.hex());
            let size = match std::fs::metadata(&path) {
                Ok(m) => m.len(),
                Err(_) => {
                    let tmp = partial(&path);
                    let f = std::fs::File::create(&tmp).map_err(|e| EngineError::io(&tmp, e))?;
                    let mut w = std::io::BufWriter::new(f);
                    let n = write_layer(&store, &img.id, &l, &mut w);
                    let flushed = w.flush();
                    let n = match (n, flushed) {
                        (Ok(n), Ok(())) => n,
                        (Err(e), _) => {
                            let _ = std::fs::remove_file(&tmp);
                            return Err(e.into());
                        }
                        (_, Err(e)) => {
                            let _ = std::fs::remove_file(&tmp);
                            return Err(EngineError::io(&tmp, e));
                        }
                    };
                    std::fs::rename(&tmp, &path).map_err(|e| EngineError::io(&path, e))?;
                    n
                }
            };
            layers.push(Desc {
                media_type: OCI_LAYER.into(),
                digest,
                size: size as i64,
            });
        }
        let config_digest = Digest::sha256(&img.config);
        put(&config_digest, &img.config)?;
        let manifest = manifest_bytes(
            true,
            &Desc {
                media_type: String::new(),
                digest: config_digest,
                size: img.config.len() as i64,
            },
            &layers,
        );
        let manifest_digest = Digest::sha256(&manifest);
        put(&manifest_digest, &manifest)?;
        let index_path = dir.join("index.json");
        let mut index = match std::fs::read(&index_path) {
            Ok(b) => serde_json::from_slice(&b).map_err(|e| super::BuildError::Invalid {
                what: index_path.display().to_string(),
                reason: format!("not an OCI index: {e}"),
            })?,
            Err(_) => json!({"schemaVersion": 2, "manifests": []}),
        };
        if !index["manifests"].is_array() {
            index["manifests"] = json!([]);
        }
        let entries = index["manifests"].as_array_mut().expect("just made");
        entries.retain(|e| e["annotations"][REF_NAME] != key);
        entries.push(json!({
            "mediaType": crate::pull::manifest::OCI_MANIFEST,
            "digest": manifest_digest.to_string(),
            "size": manifest.len(),
            "annotations": {REF_NAME: key},
        }));
        atomic_write(&index_path, index.to_string().as_bytes())
    }
}

fn partial(path: &Path) -> std::path::PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.partial-{}", std::process::id()))
}

/// Written beside and renamed over, so a reader never sees half a file.
fn atomic_write(path: &Path, data: &[u8]) -> Result<()> {
    let tmp = partial(path);
    std::fs::write(&tmp, data).map_err(|e| EngineError::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| EngineError::io(path, e))
}
