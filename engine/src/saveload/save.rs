//! `save`: local images to a docker-archive (one or several images, `manifest.json` with
//! RepoTags), an oci-archive, or the oci-dir / docker-dir directory layouts. Layers are written
//! uncompressed and each is checked against its diff_id while it streams out.

use super::*;
use crate::images::Found;
use crate::progress::Event;
use crate::Paths;
use hutch_state::{Db, Image};
use std::collections::{BTreeMap, HashSet};

/// One image to save and the names it goes under (RepoTags, the OCI ref.name annotation).
#[derive(Debug, Clone)]
pub struct SaveItem {
    pub image: Image,
    pub names: Vec<String>,
}

/// Groups the looked-up names by image. Several images need a docker-archive and `multi`
/// (`-m`), as in podman; without it every name must be the same image.
pub fn plan(found: Vec<Found>, format: Format, multi: bool) -> Result<Vec<SaveItem>, ArchiveError> {
    let mut items: Vec<SaveItem> = Vec::new();
    for f in found {
        let name = f.by_name.clone();
        match items.iter_mut().find(|i| i.image.id == f.image.id) {
            Some(item) => {
                if let Some(n) = name {
                    if !item.names.contains(&n) {
                        item.names.push(n);
                    }
                }
            }
            None => items.push(SaveItem {
                names: name.into_iter().collect(),
                image: f.image,
            }),
        }
    }
    if items.len() > 1 {
        if format != Format::DockerArchive {
            return Err(ArchiveError::Usage(
                "only the docker-archive format holds several images".into(),
            ));
        }
        if !multi {
            return Err(ArchiveError::Usage(
                "the names given are different images: use -m/--multi-image-archive to save several images into one archive".into(),
            ));
        }
    }
    Ok(items)
}

/// Where save reports each blob (as it starts), the config and the manifest.
pub type Progress<'a> = &'a dyn crate::progress::ProgressSink;

fn layers_of(db: &Db, img: &Image) -> Result<Vec<Layer>, crate::EngineError> {
    img.layers
        .iter()
        .map(|d| {
            db.layer(d)?.ok_or_else(|| {
                ArchiveError::Reproduce {
                    image: img.id.clone(),
                    layer: d.clone(),
                    reason: "the layer is not in local storage".into(),
                }
                .into()
            })
        })
        .collect()
}

fn short(d: &str) -> &str {
    d.trim_start_matches("sha256:")
}

/// Writes a tar stream by hand: we need each entry's size up front and the layer's bytes
/// pushed through a digest check, which `tar::Builder` cannot do for a writer-driven source.
struct TarOut<W: Write> {
    w: W,
}

impl<W: Write> TarOut<W> {
    fn header(&mut self, name: &str, size: u64, kind: tar::EntryType, mode: u32) -> io::Result<()> {
        let mut h = tar::Header::new_ustar();
        h.set_path(name)?;
        h.set_size(size);
        h.set_entry_type(kind);
        h.set_mode(mode);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(0);
        h.set_cksum();
        self.w.write_all(h.as_bytes())
    }

    fn pad(&mut self, size: u64) -> io::Result<()> {
        let rem = (512 - size % 512) % 512;
        self.w.write_all(&[0u8; 512][..rem as usize])
    }

    fn file(&mut self, name: &str, data: &[u8]) -> io::Result<()> {
        self.header(name, data.len() as u64, tar::EntryType::Regular, 0o444)?;
        self.w.write_all(data)?;
        self.pad(data.len() as u64)
    }

    fn symlink(&mut self, name: &str, target: &str) -> io::Result<()> {
        let mut h = tar::Header::new_ustar();
        h.set_path(name)?;
        h.set_link_name(target)?;
        h.set_size(0);
        h.set_entry_type(tar::EntryType::Symlink);
        h.set_mode(0);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(0);
        h.set_cksum();
        self.w.write_all(h.as_bytes())
    }

    fn dir(&mut self, name: &str) -> io::Result<()> {
        self.header(name, 0, tar::EntryType::Directory, 0o755)
    }

    /// A layer entry: header with the recorded size, the reproduced tar, padding.
    fn layer(
        &mut self,
        store: &LayerStore,
        image: &str,
        name: &str,
        layer: &Layer,
    ) -> Result<(), ArchiveError> {
        self.header(name, layer.size as u64, tar::EntryType::Regular, 0o444)
            .map_err(ArchiveError::Output)?;
        let n = write_layer(store, image, layer, &mut self.w)?;
        if n != layer.size as u64 {
            return Err(ArchiveError::Reproduce {
                image: image.to_string(),
                layer: layer.diff_id.clone(),
                reason: format!("{n} bytes written, {} recorded", layer.size),
            });
        }
        self.pad(n).map_err(ArchiveError::Output)
    }

    fn finish(mut self) -> io::Result<W> {
        self.w.write_all(&[0u8; 1024])?;
        self.w.flush()?;
        Ok(self.w)
    }
}

#[derive(Serialize)]
struct DockerManifestItem<'a> {
    #[serde(rename = "Config")]
    config: String,
    #[serde(rename = "RepoTags")]
    repo_tags: &'a [String],
    #[serde(rename = "Layers")]
    layers: Vec<String>,
}

/// The manifest to write for `img` with uncompressed layers: the stored one when it already
/// describes exactly those blobs (so its digest survives a save/load round trip), else a new one.
fn manifest_for(img: &Image, layers: &[Desc], oci: bool) -> Result<Vec<u8>, ArchiveError> {
    use crate::pull::manifest::{self as mf, parse_manifest, Manifest};
    use crate::pull::manifest::{DOCKER_MANIFEST, OCI_MANIFEST};
    let config = Desc {
        media_type: String::new(),
        digest: config_digest_of(&img.id)?,
        size: img.config.len() as i64,
    };
    let want_type = if oci { OCI_MANIFEST } else { DOCKER_MANIFEST };
    if let Ok(Manifest::Image(m)) = parse_manifest(&img.manifest) {
        let same = mf::media_type(&m) == want_type
            && mf::digest(m.config()) == config.digest
            && m.layers().len() == layers.len()
            && m.layers().iter().zip(layers).all(|(a, b)| {
                mf::digest(a) == b.digest
                    && i64::try_from(a.size()) == Ok(b.size)
                    && a.media_type().as_ref() == b.media_type
            });
        if same {
            return Ok(img.manifest.clone());
        }
    }
    Ok(manifest_bytes(oci, &config, layers))
}

/// The layout's index.json: one manifest, named by the ref.name annotation. oci-spec writes
/// the fields in podman's order (schemaVersion, manifests; mediaType, digest, size,
/// annotations).
fn index_bytes(manifest: &[u8], name: Option<&String>) -> Vec<u8> {
    use crate::pull::manifest::{descriptor, OCI_MANIFEST};
    let mut entry = descriptor(
        OCI_MANIFEST,
        &Digest::sha256(manifest),
        manifest.len() as u64,
    );
    entry.set_annotations(name.map(|n| [(REF_NAME.to_string(), n.clone())].into_iter().collect()));
    let idx = oci_spec::image::ImageIndexBuilder::default()
        .schema_version(2u32)
        .manifests(vec![entry])
        .build()
        .expect("every required field is set");
    serde_json::to_vec(&idx).expect("index serializes")
}

/// Compacts JSON text as Go's encoding/json does for a raw message: whitespace outside strings
/// goes, `<`, `>`, `&`, U+2028 and U+2029 are escaped; key order stays as it was.
fn go_compact(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let (mut in_str, mut escaped) = (false, false);
    for c in raw.chars() {
        if in_str {
            match c {
                '<' => out.push_str("\\u003c"),
                '>' => out.push_str("\\u003e"),
                '&' => out.push_str("\\u0026"),
                '\u{2028}' => out.push_str("\\u2028"),
                '\u{2029}' => out.push_str("\\u2029"),
                _ => out.push(c),
            }
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_str = false;
            }
        } else if !c.is_ascii_whitespace() {
            out.push(c);
            in_str = c == '"';
        }
    }
    out
}

/// The legacy (pre-manifest.json) per-layer metadata podman writes into a docker-archive: for
/// each layer an ID, chained through `parent`, and its `json`; the top one carries parts of the
/// image config. Computed as containers/image does, so the archive matches podman's.
/// Returns (ID, json, diff_id hex) per layer.
fn legacy_layers(config: &[u8], layers: &[Layer]) -> Vec<(String, Vec<u8>, String)> {
    use serde_json::value::RawValue;
    let top: std::collections::HashMap<String, Box<RawValue>> =
        serde_json::from_slice(config).unwrap_or_default();
    let mut out = Vec::new();
    let mut chain = String::new();
    let mut parent: Option<String> = None;
    for (i, l) in layers.iter().enumerate() {
        chain = if chain.is_empty() {
            l.diff_id.clone()
        } else {
            Digest::sha256(format!("{chain} {}", l.diff_id).as_bytes()).to_string()
        };
        let mut fields: Vec<(&str, String)> = Vec::new();
        if i == layers.len() - 1 {
            for k in [
                "architecture",
                "config",
                "container",
                "container_config",
                "created",
                "docker_version",
                "os",
            ] {
                let v = top
                    .get(k)
                    .map(|r| go_compact(r.get()))
                    .unwrap_or_else(|| "null".into());
                fields.push((k, v));
            }
        }
        if let Some(p) = &parent {
            fields.push(("parent", format!("\"{p}\"")));
        }
        // Go writes a map's keys sorted.
        let render = |extra: (&str, String)| {
            let mut f = fields.clone();
            f.push(extra);
            f.sort_by(|a, b| a.0.cmp(b.0));
            let body: Vec<String> = f.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
            format!("{{{}}}", body.join(","))
        };
        let with_chain = render(("layer_id", format!("\"{chain}\"")));
        let id = Digest::sha256(with_chain.as_bytes()).hex().to_string();
        let json = render(("id", format!("\"{id}\"")));
        out.push((id.clone(), json.into_bytes(), short(&l.diff_id).to_string()));
        parent = Some(id);
    }
    out
}

/// Writes a docker-archive or oci-archive of `items` to `out`.
pub fn save_archive<W: Write>(
    paths: &Paths,
    db: &Db,
    items: &[SaveItem],
    format: Format,
    out: W,
    progress: Progress<'_>,
) -> crate::Result<W> {
    let store = LayerStore::new(&paths.graphroot);
    let mut t = TarOut { w: out };
    let o = ArchiveError::Output;
    match format {
        Format::DockerArchive => {
            let mut all: Vec<(Image, Vec<Layer>)> = Vec::new();
            let mut manifest = Vec::new();
            for item in items {
                let layers = layers_of(db, &item.image)?;
                manifest.push(DockerManifestItem {
                    config: format!("{}.json", item.image.id),
                    repo_tags: &item.names,
                    layers: layers
                        .iter()
                        .map(|l| format!("{}.tar", short(&l.diff_id)))
                        .collect(),
                });
                all.push((item.image.clone(), layers));
            }
            let bytes = serde_json::to_vec(&manifest).expect("manifest serializes");
            // manifest.json first: a reader can plan before the big entries arrive.
            t.file("manifest.json", &bytes).map_err(o)?;
            let mut written = HashSet::new();
            let mut legacy_written = HashSet::new();
            let mut repositories: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
            for (item, (img, layers)) in items.iter().zip(&all) {
                for l in layers {
                    if !written.insert(l.diff_id.clone()) {
                        continue;
                    }
                    progress.event(Event::BlobStarted {
                        id: diff_id_of(&img.id, l)?,
                        total: u64::try_from(l.size).ok(),
                    });
                    t.layer(&store, &img.id, &format!("{}.tar", short(&l.diff_id)), l)?;
                }
                progress.event(Event::ConfigDone {
                    digest: config_digest_of(&img.id)?,
                });
                t.file(&format!("{}.json", img.id), &img.config)
                    .map_err(o)?;
                let legacy = legacy_layers(&img.config, layers);
                for (id, json, diff_hex) in &legacy {
                    if !legacy_written.insert(id.clone()) {
                        continue;
                    }
                    t.symlink(&format!("{id}/layer.tar"), &format!("../{diff_hex}.tar"))
                        .map_err(o)?;
                    t.file(&format!("{id}/VERSION"), b"1.0").map_err(o)?;
                    t.file(&format!("{id}/json"), json).map_err(o)?;
                }
                if let Some((top, _, _)) = legacy.last() {
                    for n in &item.names {
                        let (repo, tag) = crate::images::split_name(n);
                        repositories
                            .entry(repo.to_string())
                            .or_default()
                            .insert(tag.to_string(), top.clone());
                    }
                }
            }
            if !repositories.is_empty() {
                let bytes = serde_json::to_vec(&repositories).expect("repositories serialize");
                t.file("repositories", &bytes).map_err(o)?;
            }
        }
        Format::OciArchive => {
            let [item] = items else {
                return Err(ArchiveError::Usage("oci-archive holds one image".into()).into());
            };
            let img = &item.image;
            let layers = layers_of(db, img)?;
            let descs: Vec<Desc> = layers
                .iter()
                .map(|l| layer_desc_uncompressed(&img.id, l, true))
                .collect::<Result<_, _>>()?;
            let manifest = manifest_for(img, &descs, true)?;
            t.dir("blobs/").map_err(o)?;
            t.dir("blobs/sha256/").map_err(o)?;
            let mut written = HashSet::new();
            for l in &layers {
                if !written.insert(l.diff_id.clone()) {
                    continue;
                }
                progress.event(Event::BlobStarted {
                    id: diff_id_of(&img.id, l)?,
                    total: u64::try_from(l.size).ok(),
                });
                t.layer(
                    &store,
                    &img.id,
                    &format!("blobs/sha256/{}", short(&l.diff_id)),
                    l,
                )?;
            }
            progress.event(Event::ConfigDone {
                digest: config_digest_of(&img.id)?,
            });
            t.file(&format!("blobs/sha256/{}", img.id), &img.config)
                .map_err(o)?;
            progress.event(Event::WritingManifest);
            t.file(
                &format!("blobs/sha256/{}", Digest::sha256(&manifest).hex()),
                &manifest,
            )
            .map_err(o)?;
            t.file("index.json", &index_bytes(&manifest, item.names.first()))
                .map_err(o)?;
            t.file(OCI_LAYOUT, OCI_LAYOUT_VERSION.as_bytes())
                .map_err(o)?;
        }
        Format::OciDir | Format::DockerDir => {
            return Err(ArchiveError::Usage("a directory format needs -o DIR".into()).into())
        }
    }
    Ok(t.finish().map_err(o)?)
}

/// Writes `item` as an oci-dir or docker-dir at `dest` (created; it must not exist or be an
/// empty directory). The layout is built beside it and renamed into place, so a failure
/// leaves nothing behind.
pub fn save_dir(
    paths: &Paths,
    db: &Db,
    item: &SaveItem,
    format: Format,
    compress: bool,
    dest: &Path,
    progress: Progress<'_>,
) -> crate::Result<()> {
    match std::fs::read_dir(dest) {
        Ok(mut rd) => {
            if rd.next().is_some() {
                return Err(ArchiveError::Usage(format!(
                    "{}: directory is not empty",
                    dest.display()
                ))
                .into());
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(ArchiveError::io(dest, e).into()),
    }
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "save".into());
    let tmp = dest.with_file_name(format!(".{name}.hutch-save-{}", std::process::id()));
    let _ = hutch_storage::remove_tree(&tmp);
    let res = write_dir(paths, db, item, format, compress, &tmp, progress);
    if let Err(e) = res {
        let _ = hutch_storage::remove_tree(&tmp);
        return Err(e);
    }
    if dest.exists() {
        std::fs::remove_dir(dest).map_err(|e| ArchiveError::io(dest, e))?;
    }
    std::fs::rename(&tmp, dest).map_err(|e| {
        let _ = hutch_storage::remove_tree(&tmp);
        ArchiveError::io(dest, e)
    })?;
    Ok(())
}

fn write_dir(
    paths: &Paths,
    db: &Db,
    item: &SaveItem,
    format: Format,
    compress: bool,
    root: &Path,
    progress: Progress<'_>,
) -> crate::Result<()> {
    let oci = format == Format::OciDir;
    let store = LayerStore::new(&paths.graphroot);
    let img = &item.image;
    let blobs = if oci {
        root.join("blobs/sha256")
    } else {
        root.to_path_buf()
    };
    std::fs::create_dir_all(&blobs).map_err(|e| ArchiveError::io(&blobs, e))?;
    let put = |rel: &Path, data: &[u8]| -> Result<(), ArchiveError> {
        std::fs::write(rel, data).map_err(|e| ArchiveError::io(rel, e))
    };
    let layers = layers_of(db, img)?;
    let mut descs = Vec::new();
    for l in &layers {
        progress.event(Event::BlobStarted {
            id: diff_id_of(&img.id, l)?,
            total: u64::try_from(l.size).ok(),
        });
        let tmp = blobs.join(".partial");
        let f = std::fs::File::create(&tmp).map_err(|e| ArchiveError::io(&tmp, e))?;
        let mut hw = HashingWriter::new(io::BufWriter::new(f));
        if compress {
            let mut gz = flate2::write::GzEncoder::new(&mut hw, flate2::Compression::default());
            write_layer(&store, &img.id, l, &mut gz)?;
            gz.finish().map_err(|e| ArchiveError::io(&tmp, e))?;
        } else {
            write_layer(&store, &img.id, l, &mut hw)?;
        }
        hw.flush().map_err(|e| ArchiveError::io(&tmp, e))?;
        let (_, digest, size) = hw.finish();
        let digest = digest.expect("a hashing writer");
        let size = size as i64;
        let dest = blobs.join(digest.hex());
        std::fs::rename(&tmp, &dest).map_err(|e| ArchiveError::io(&dest, e))?;
        descs.push(Desc {
            media_type: match (oci, compress) {
                (true, false) => OCI_LAYER,
                (true, true) => OCI_LAYER_GZIP,
                (false, _) => DOCKER_LAYER,
            }
            .into(),
            digest,
            size,
        });
    }
    progress.event(Event::ConfigDone {
        digest: config_digest_of(&img.id)?,
    });
    put(&blobs.join(&img.id), &img.config)?;
    progress.event(Event::WritingManifest);
    let manifest = manifest_for(img, &descs, oci)?;
    if oci {
        put(&blobs.join(Digest::sha256(&manifest).hex()), &manifest)?;
        put(
            &root.join("index.json"),
            &index_bytes(&manifest, item.names.first()),
        )?;
        put(&root.join(OCI_LAYOUT), OCI_LAYOUT_VERSION.as_bytes())?;
    } else {
        put(&root.join("manifest.json"), &manifest)?;
        put(&root.join("version"), DIR_VERSION.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_is_podmans_bytes() {
        let m = b"{}";
        let name = "docker.io/library/x:latest".to_string();
        assert_eq!(
            String::from_utf8(index_bytes(m, Some(&name))).unwrap(),
            format!(
                r#"{{"schemaVersion":2,"manifests":[{{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{}","size":2,"annotations":{{"org.opencontainers.image.ref.name":"{name}"}}}}]}}"#,
                Digest::sha256(m)
            )
        );
        assert!(!String::from_utf8(index_bytes(m, None))
            .unwrap()
            .contains("annotations"));
    }

    #[test]
    fn legacy_ids_are_podmans() {
        // What podman 4.3 wrote for this config and layer (the bench's busybox image).
        let config = br#"{"architecture": "amd64", "os": "linux", "created": "2026-01-01T00:00:00Z", "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], "Cmd": ["bash"]}, "rootfs": {"type": "layers", "diff_ids": ["sha256:f659a9c01493b1a48a56a6e7096d90b85f37507395d3c0a4ad06ab4086251056"]}}"#;
        let layer = Layer {
            diff_id: "sha256:f659a9c01493b1a48a56a6e7096d90b85f37507395d3c0a4ad06ab4086251056"
                .into(),
            dir: String::new(),
            compressed_digest: None,
            media_type: None,
            size: 0,
            created: chrono::DateTime::UNIX_EPOCH,
        };
        let l = legacy_layers(config, &[layer]);
        assert_eq!(
            l[0].0,
            "a1d86440ab9edf033cbc42a7001af9423c8d220e43b394f8329820aa454b129d"
        );
        assert_eq!(
            String::from_utf8(l[0].1.clone()).unwrap(),
            r#"{"architecture":"amd64","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["bash"]},"container":null,"container_config":null,"created":"2026-01-01T00:00:00Z","docker_version":null,"id":"a1d86440ab9edf033cbc42a7001af9423c8d220e43b394f8329820aa454b129d","os":"linux"}"#
        );
        assert_eq!(
            go_compact(r#"{ "a": "x < y && \"z\"", "b" : [1, 2] }"#),
            r#"{"a":"x \u003c y \u0026\u0026 \"z\"","b":[1,2]}"#
        );
    }
}
