//! `commit`: a new image from a container. Its upper directory becomes one more layer (a tar
//! with overlay whiteouts turned back into `.wh.` entries, unpacked into the layer store like a
//! pulled layer), its configuration is the parent image's with the container's settings and
//! the `--change`s applied, and a history entry; the image is recorded like a pull's.

use super::{config_of, event, layer_dir, Containers};
use crate::build::expand::{expand_word, parse_key_values, ExpandError};
use crate::progress::{Event, ProgressSink};
use crate::pull::manifest as mf;
use crate::saveload::OCI_LAYER;
use crate::{EngineError, Result};
use chrono::{SecondsFormat, Utc};
use hutch_state::{Container, NewImage, NewLayer};
use hutch_storage::Digest;
use parse_dockerfile as pd;
use serde_json::{json, Map, Value};

#[derive(Debug, Clone, Default)]
pub struct CommitOptions {
    /// The new image's name; None leaves it unnamed.
    pub name: Option<String>,
    pub author: Option<String>,
    pub message: Option<String>,
    /// Dockerfile-like instructions: `CMD ...`, `ENV K=V`, `LABEL K=V`...
    pub changes: Vec<String>,
}

/// What can go wrong in a commit beyond storage and I/O; each names its change, container or
/// image.
#[derive(Debug, thiserror::Error)]
pub enum CommitError {
    #[error("invalid change {change:?}: {reason}")]
    InvalidChange { change: String, reason: String },
    #[error("container {container}: its image {image} is no longer in local storage")]
    ImageGone { container: String, image: String },
    #[error("container {container}: committing: {source}")]
    Unpack {
        container: String,
        #[source]
        source: hutch_storage::unpack::UnpackError,
    },
    #[error("image {image}: config is not an object")]
    ConfigNotObject { image: String },
    #[error("image {image}: layer digest {digest:?}: {source}")]
    LayerDigest {
        image: String,
        digest: String,
        #[source]
        source: hutch_storage::digest::DigestError,
    },
}

fn bad_change(change: &str, reason: &str) -> EngineError {
    CommitError::InvalidChange {
        change: change.to_string(),
        reason: reason.to_string(),
    }
    .into()
}

/// `["a","b"]` or a shell form, which runs through `/bin/sh -c` as in a Dockerfile.
fn command_value(change: &str, cmd: &pd::Command<'_>) -> Result<Value> {
    Ok(match cmd {
        pd::Command::Exec(list) => json!(list.value.iter().map(|s| &*s.value).collect::<Vec<_>>()),
        pd::Command::Shell(text) => json!(["/bin/sh", "-c", text.value.trim()]),
        _ => {
            return Err(bad_change(
                change,
                "expected a JSON array or a shell command",
            ))
        }
    })
}

/// The config's `Env` as the lookup variable expansion uses.
fn env_lookup(cfg: &Map<String, Value>) -> impl Fn(&str) -> Option<String> + '_ {
    move |name: &str| {
        cfg.get("Env")?.as_array()?.iter().find_map(|e| {
            let (k, v) = e.as_str()?.split_once('=')?;
            (k == name).then(|| v.to_string())
        })
    }
}

fn set_env(cfg: &mut Map<String, Value>, key: &str, value: &str) {
    let mut env: Vec<String> = cfg
        .get("Env")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let prefix = format!("{key}=");
    env.retain(|e| !e.starts_with(&prefix) && e != key);
    env.push(format!("{key}={value}"));
    cfg.insert("Env".into(), json!(env));
}

fn object<'a>(cfg: &'a mut Map<String, Value>, key: &str) -> &'a mut Map<String, Value> {
    if !cfg.get(key).is_some_and(Value::is_object) {
        cfg.insert(key.into(), Value::Object(Map::new()));
    }
    cfg.get_mut(key)
        .and_then(Value::as_object_mut)
        .expect("just inserted")
}

/// Applies one `--change` instruction to an image's `config` object: parsed as a Dockerfile
/// line, with variables expanded from the config's environment as a build would.
pub fn apply_change(cfg: &mut Map<String, Value>, change: &str) -> Result<()> {
    // Both `CMD x` and `CMD=x` are accepted, as podman does.
    let split = change
        .find(|c: char| c == '=' || c.is_whitespace())
        .ok_or_else(|| bad_change(change, "expected INSTRUCTION VALUE"))?;
    // The parser wants a stage to put instructions in.
    let text = format!(
        "FROM scratch\n{} {}",
        &change[..split],
        &change[split + 1..]
    );
    let instruction = pd::parse_iter(&text)
        .and_then(|mut it| it.nth(1).transpose())
        .map_err(|e| bad_change(change, &format!("{e:#}")))?
        .ok_or_else(|| bad_change(change, "expected INSTRUCTION VALUE"))?;
    let expand_err = |e: ExpandError| bad_change(change, &e.to_string());
    let word = |cfg: &Map<String, Value>, text: &str| {
        expand_word(text, '\\', &env_lookup(cfg)).map_err(expand_err)
    };
    let pairs = |cfg: &Map<String, Value>, text: &str| {
        parse_key_values(text, '\\', &env_lookup(cfg), true).map_err(expand_err)
    };
    match instruction {
        pd::Instruction::Cmd(i) => {
            cfg.insert("Cmd".into(), command_value(change, &i.arguments)?);
        }
        pd::Instruction::Entrypoint(i) => {
            cfg.insert("Entrypoint".into(), command_value(change, &i.arguments)?);
        }
        pd::Instruction::Env(i) => {
            for (k, v) in pairs(cfg, &i.arguments.value)? {
                set_env(cfg, &k, &v);
            }
        }
        pd::Instruction::Label(i) => {
            for (k, v) in pairs(cfg, &i.arguments.value)? {
                object(cfg, "Labels").insert(k, json!(v));
            }
        }
        pd::Instruction::Workdir(i) => {
            let dir = word(cfg, &i.arguments.value)?;
            cfg.insert("WorkingDir".into(), json!(dir));
        }
        pd::Instruction::User(i) => {
            let user = word(cfg, &i.arguments.value)?;
            cfg.insert("User".into(), json!(user));
        }
        pd::Instruction::Stopsignal(i) => {
            let sig = word(cfg, &i.arguments.value)?;
            cfg.insert("StopSignal".into(), json!(sig));
        }
        pd::Instruction::Expose(i) => {
            for arg in &i.arguments {
                let p = word(cfg, &arg.value)?;
                let p = if p.contains('/') {
                    p
                } else {
                    format!("{p}/tcp")
                };
                object(cfg, "ExposedPorts").insert(p, json!({}));
            }
        }
        pd::Instruction::Volume(i) => {
            let vols = match &i.arguments {
                pd::JsonOrStringArray::Json(list) => &list.value,
                pd::JsonOrStringArray::String(list) => list,
            };
            for v in vols {
                let v = word(cfg, &v.value)?;
                object(cfg, "Volumes").insert(v, json!({}));
            }
        }
        pd::Instruction::Onbuild(_) => {}
        _ => {
            return Err(bad_change(
                change,
                "supported instructions are CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, \
                 STOPSIGNAL, USER, VOLUME and WORKDIR",
            ))
        }
    }
    Ok(())
}

impl Containers {
    /// Commits the container's changes as a new image and returns the image's ID, reporting
    /// the new layer, the config and the manifest to `progress`.
    pub fn commit(
        &mut self,
        c: &Container,
        opts: &CommitOptions,
        progress: &dyn ProgressSink,
    ) -> Result<String> {
        let name = opts
            .name
            .as_deref()
            .map(crate::images::normalize_new_name)
            .transpose()?;
        let parent = self
            .db
            .image(&c.image_id)?
            .ok_or_else(|| CommitError::ImageGone {
                container: c.name.clone(),
                image: c.image_id.clone(),
            })?;
        let mut config: Value = serde_json::from_slice(&parent.config).map_err(|source| {
            EngineError::BadImageConfig {
                image: parent.id.clone(),
                source,
            }
        })?;
        let ccfg = config_of(c)?;
        // Check the changes before the (slow) layer is built.
        let mut probe = Map::new();
        for ch in &opts.changes {
            apply_change(&mut probe, ch)?;
        }

        progress.event(Event::CopyingBlobs);
        let upper = self.upper_dir(c)?;
        let store = hutch_storage::LayerStore::new(&self.paths.graphroot);
        let keep_id = match super::config_of(c) {
            Ok(cfg) => self.keep_id(&cfg)?,
            Err(_) => None,
        };
        // Never started: an empty layer, as podman commits.
        let source = if upper.is_dir() {
            layer_dir::LayerSource::Copy(&upper)
        } else {
            layer_dir::LayerSource::Empty
        };
        let staged = layer_dir::stage_layer_dir(&store, source, keep_id, |source| {
            CommitError::Unpack {
                container: c.name.clone(),
                source,
            }
            .into()
        })?;
        progress.event(Event::BlobDone {
            id: staged.diff_id.clone(),
            digest: staged.diff_id.clone(),
        });
        let diff_id = staged.diff_id.to_string();
        let size = staged.size;
        let staging = staged.staging;

        let now = Utc::now();
        let created = now.to_rfc3339_opts(SecondsFormat::Nanos, true);
        let obj = config
            .as_object_mut()
            .ok_or_else(|| CommitError::ConfigNotObject {
                image: parent.id.clone(),
            })?;
        obj.insert("created".into(), json!(created));
        if let Some(a) = &opts.author {
            obj.insert("author".into(), json!(a));
        }
        {
            let cfg = object(obj, "config");
            // The container's own settings win over the parent's, as in podman.
            cfg.insert("Cmd".into(), json!(ccfg.cmd));
            cfg.insert(
                "Entrypoint".into(),
                if ccfg.entrypoint.is_empty() {
                    Value::Null
                } else {
                    json!(ccfg.entrypoint)
                },
            );
            cfg.insert("Env".into(), json!(ccfg.env));
            if !ccfg.workdir.is_empty() {
                cfg.insert("WorkingDir".into(), json!(ccfg.workdir));
            }
            if !ccfg.user.is_empty() {
                cfg.insert("User".into(), json!(ccfg.user));
            }
            if let Ok(Value::Object(labels)) = serde_json::from_str::<Value>(&c.labels) {
                for (k, v) in labels {
                    object(cfg, "Labels").insert(k, v);
                }
            }
            for ch in &opts.changes {
                apply_change(cfg, ch)?;
            }
        }
        {
            let rootfs = object(obj, "rootfs");
            rootfs.insert("type".into(), json!("layers"));
            let mut ids: Vec<Value> = parent.layers.iter().map(|d| json!(d)).collect();
            ids.push(json!(diff_id));
            rootfs.insert("diff_ids".into(), Value::Array(ids));
        }
        {
            let mut h = Map::new();
            h.insert("created".into(), json!(created));
            h.insert("created_by".into(), json!(shell_words(&ccfg.args())));
            if let Some(a) = &opts.author {
                h.insert("author".into(), json!(a));
            }
            if let Some(m) = &opts.message {
                h.insert("comment".into(), json!(m));
            }
            if !obj.get("history").is_some_and(Value::is_array) {
                obj.insert("history".into(), json!([]));
            }
            if let Some(hist) = obj.get_mut("history").and_then(Value::as_array_mut) {
                hist.push(Value::Object(h));
            }
        }
        // The config stays JSON rather than oci-spec's ImageConfiguration: that type drops
        // what it does not know (Docker's Healthcheck, Shell, OnBuild, container_config...),
        // and a commit must keep everything the parent image's config had, as podman does.
        let encode = |what: &str| {
            let what = format!(
                "the {what} of the image committed from container {}",
                c.name
            );
            move |source| EngineError::Encode { what, source }
        };
        let config_bytes = serde_json::to_vec(&config).map_err(encode("config"))?;
        let config_digest = Digest::sha256(&config_bytes);
        progress.event(Event::ConfigDone {
            digest: config_digest.clone(),
        });
        let id = config_digest.hex().to_string();

        let layer_digest = |d: &str| -> Result<Digest> {
            d.parse().map_err(|source| {
                CommitError::LayerDigest {
                    image: parent.id.clone(),
                    digest: d.to_string(),
                    source,
                }
                .into()
            })
        };
        let mut descriptors = Vec::new();
        let mut total = 0i64;
        for d in &parent.layers {
            let l = self.db.layer(d)?;
            let (digest, media, sz) = match &l {
                Some(l) => (
                    l.compressed_digest.as_deref().unwrap_or(d),
                    l.media_type.as_deref().unwrap_or(OCI_LAYER),
                    l.size,
                ),
                None => (d.as_str(), OCI_LAYER, 0),
            };
            total += sz;
            descriptors.push(mf::descriptor(
                media,
                &layer_digest(digest)?,
                u64::try_from(sz).unwrap_or(0),
            ));
        }
        total += size;
        descriptors.push(mf::descriptor(
            OCI_LAYER,
            &layer_digest(&diff_id)?,
            u64::try_from(size).unwrap_or(0),
        ));
        let manifest = mf::image_manifest(
            mf::OCI_MANIFEST,
            mf::descriptor(mf::OCI_CONFIG, &config_digest, config_bytes.len() as u64),
            descriptors,
        );
        let manifest_bytes = serde_json::to_vec(&manifest).map_err(encode("manifest"))?;
        progress.event(Event::WritingManifest);
        let digest = Digest::sha256(&manifest_bytes).to_string();

        let dir = store.promote(staging)?;
        let mut layers = parent.layers.clone();
        layers.push(diff_id.clone());
        let img = NewImage {
            id: id.clone(),
            digest: digest.clone(),
            digests: vec![digest],
            names: name.iter().cloned().collect(),
            layers,
            new_layers: vec![NewLayer {
                diff_id,
                dir: dir.clone(),
                compressed_digest: None,
                media_type: Some(OCI_LAYER.into()),
                size,
            }],
            manifest: manifest_bytes,
            manifest_media_type: mf::OCI_MANIFEST.into(),
            config: config_bytes,
            created: now,
            size: total,
        };
        crate::images::commit_one_layer_image(&self.db, &store, &img, &dir)?;
        let ev = event(
            "container",
            "commit",
            c,
            json!({"imageID": id, "imageName": name.clone().unwrap_or_default()}),
        );
        self.db.add_event(&ev)?;
        Ok(id)
    }
}

/// The container's command as one line, for the history entry.
fn shell_words(args: &[String]) -> String {
    args.iter()
        .map(|a| {
            if a.is_empty() || a.contains(|c: char| c.is_whitespace() || "'\"\\$`".contains(c)) {
                format!("'{}'", a.replace('\'', "'\\''"))
            } else {
                a.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_apply_like_a_dockerfile() {
        let mut c = Map::new();
        apply_change(&mut c, "CMD=[\"/bin/sh\",\"-c\",\"echo hi\"]").unwrap();
        apply_change(&mut c, "ENTRYPOINT /bin/true").unwrap();
        apply_change(&mut c, "ENV=A=1").unwrap();
        apply_change(&mut c, "ENV A=2").unwrap();
        apply_change(&mut c, "LABEL=x=y").unwrap();
        apply_change(&mut c, "WORKDIR=/srv").unwrap();
        apply_change(&mut c, "USER=nobody").unwrap();
        apply_change(&mut c, "EXPOSE=8080").unwrap();
        assert_eq!(c["Cmd"], json!(["/bin/sh", "-c", "echo hi"]));
        assert_eq!(c["Entrypoint"], json!(["/bin/sh", "-c", "/bin/true"]));
        assert_eq!(c["Env"], json!(["A=2"]));
        assert_eq!(c["Labels"], json!({"x": "y"}));
        assert_eq!(c["WorkingDir"], json!("/srv"));
        assert_eq!(c["User"], json!("nobody"));
        assert_eq!(c["ExposedPorts"], json!({"8080/tcp": {}}));
        assert!(apply_change(&mut c, "FROM=x").is_err());
        assert!(apply_change(&mut c, "CMD").is_err());
    }

    #[test]
    fn changes_quote_and_expand_like_a_dockerfile() {
        let mut c = Map::new();
        apply_change(&mut c, "ENV PATH=/usr/bin").unwrap();
        apply_change(&mut c, "ENV PATH=$PATH:/opt/bin HOME=\"/home/a b\"").unwrap();
        apply_change(&mut c, "ENV GREETING hello  world").unwrap();
        apply_change(&mut c, "env lower=1").unwrap();
        assert_eq!(
            c["Env"],
            json!([
                "PATH=/usr/bin:/opt/bin",
                "HOME=/home/a b",
                "GREETING=hello  world",
                "lower=1"
            ])
        );
        apply_change(&mut c, "LABEL a=\"x y\" b='$PATH' c=${UNSET:-d}").unwrap();
        assert_eq!(c["Labels"], json!({"a": "x y", "b": "$PATH", "c": "d"}));
        apply_change(&mut c, "WORKDIR $HOME").unwrap();
        assert_eq!(c["WorkingDir"], json!("/home/a b"));
        apply_change(&mut c, "CMD [\"a\", \"b c\"]").unwrap();
        assert_eq!(c["Cmd"], json!(["a", "b c"]));
        apply_change(&mut c, "CMD echo $HOME").unwrap();
        assert_eq!(c["Cmd"], json!(["/bin/sh", "-c", "echo $HOME"]));
        apply_change(&mut c, "EXPOSE 80/udp 443").unwrap();
        assert_eq!(c["ExposedPorts"], json!({"80/udp": {}, "443/tcp": {}}));
        apply_change(&mut c, "VOLUME [\"/data\", \"/logs\"]").unwrap();
        apply_change(&mut c, "VOLUME /cache").unwrap();
        assert_eq!(
            c["Volumes"],
            json!({"/data": {}, "/logs": {}, "/cache": {}})
        );
        apply_change(&mut c, "STOPSIGNAL SIGTERM").unwrap();
        assert_eq!(c["StopSignal"], json!("SIGTERM"));
        let e = apply_change(&mut c, "ENV A=${B:?required}").unwrap_err();
        assert!(e.to_string().contains("B: required"), "{e}");
        let e = apply_change(&mut c, "LABEL a=\"open").unwrap_err();
        assert!(e.to_string().contains("double-quote"), "{e}");
        assert!(apply_change(&mut c, "RUN true").is_err());
    }
}
