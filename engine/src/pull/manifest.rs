//! The manifest formats a pull understands (Docker schema2, OCI image manifests, Docker manifest
//! lists and OCI indexes), platform selection from a list, and the image config's rootfs.
//! Manifests, indexes and configs are read into oci-spec's types; `lenient` fills in what
//! oci-spec requires but images in the wild leave out.

use crate::Digest;
use oci_spec::image::{Arch, ImageConfiguration, ImageIndex, MediaType, Os};
pub use oci_spec::image::{Descriptor, ImageManifest, Platform};
use serde_json::Value;

pub const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";
pub const DOCKER_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";
pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
pub const DOCKER_SCHEMA1: &str = "application/vnd.docker.distribution.manifest.v1+json";
pub const DOCKER_SCHEMA1_SIGNED: &str = "application/vnd.docker.distribution.manifest.v1+prettyjws";
pub const DOCKER_CONFIG: &str = "application/vnd.docker.container.image.v1+json";
pub const OCI_CONFIG: &str = "application/vnd.oci.image.config.v1+json";

/// What we ask registries for. Schema1 is accepted only to refuse it with a clear message
/// instead of a registry's "manifest unknown".
pub const ACCEPT: &[&str] = &[
    OCI_INDEX,
    DOCKER_LIST,
    OCI_MANIFEST,
    DOCKER_MANIFEST,
    DOCKER_SCHEMA1_SIGNED,
    DOCKER_SCHEMA1,
];

/// Where oci-spec is stricter than the images hutch has always pulled and loaded. oci-spec
/// requires `mediaType` and `size` on every descriptor and `architecture`/`os` on every
/// platform and config, but old Docker images and some hand-made lists omit them; they
/// default to empty (and 0) here, as they did before oci-spec.
mod lenient {
    use serde_json::{Map, Value};

    fn fill(obj: &mut Map<String, Value>, key: &str, default: Value) {
        if obj.get(key).is_none_or(Value::is_null) {
            obj.insert(key.to_string(), default);
        }
    }

    pub fn platform(v: &mut Value) {
        if let Some(obj) = v.as_object_mut() {
            fill(obj, "architecture", Value::from(""));
            fill(obj, "os", Value::from(""));
        }
    }

    pub fn descriptor(v: &mut Value) {
        if let Some(obj) = v.as_object_mut() {
            fill(obj, "mediaType", Value::from(""));
            fill(obj, "size", Value::from(0));
            if let Some(p) = obj.get_mut("platform") {
                platform(p);
            }
        }
    }

    pub fn descriptors(v: Option<&mut Value>) {
        if let Some(Value::Array(items)) = v {
            items.iter_mut().for_each(descriptor);
        }
    }
}

/// `os/arch[/variant]`, as podman writes a platform.
pub fn platform_string(p: &Platform) -> String {
    match p.variant().as_deref().filter(|v| !v.is_empty()) {
        Some(v) => format!("{}/{}/{v}", p.os(), p.architecture()),
        None => format!("{}/{}", p.os(), p.architecture()),
    }
}

fn platform(os: &str, arch: &str, variant: Option<&str>) -> Platform {
    let mut p = Platform::default();
    p.set_os(Os::from(os));
    p.set_architecture(Arch::from(arch));
    p.set_variant(variant.map(str::to_string));
    p
}

/// The platform podman would pick by default on this host (`linux/amd64` here).
pub fn host_platform() -> Platform {
    let arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        "powerpc64" => "ppc64le",
        "s390x" => "s390x",
        "riscv64" => "riscv64",
        "arm" => "arm",
        other => other,
    };
    platform("linux", arch, None)
}

/// Parses `--platform os/arch[/variant]`, then applies `--os`, `--arch`, `--variant`.
pub fn platform_from_flags(
    flag: Option<&str>,
    os: Option<&str>,
    arch: Option<&str>,
    variant: Option<&str>,
) -> Result<Platform, String> {
    let mut p = host_platform();
    if let Some(s) = flag {
        let parts: Vec<&str> = s.split('/').collect();
        p = match parts.as_slice() {
            [o, a] if !o.is_empty() && !a.is_empty() => platform(o, a, None),
            [o, a, v] if !o.is_empty() && !a.is_empty() && !v.is_empty() => platform(o, a, Some(v)),
            _ => {
                return Err(format!(
                    "invalid --platform {s:?}: expected OS/ARCH[/VARIANT]"
                ))
            }
        };
    }
    if let Some(o) = os.filter(|s| !s.is_empty()) {
        p.set_os(Os::from(o));
    }
    if let Some(a) = arch.filter(|s| !s.is_empty()) {
        p.set_architecture(Arch::from(a));
    }
    if let Some(v) = variant.filter(|s| !s.is_empty()) {
        p.set_variant(Some(v.to_string()));
    }
    Ok(p)
}

/// Whether a list entry's platform satisfies the wanted platform. An unspecified variant
/// matches any; arm64's `v8` is its default variant.
fn accepts(want: &Platform, other: &Platform) -> bool {
    let norm = |p: &Platform| -> Option<String> {
        match (p.architecture(), p.variant().as_deref()) {
            (_, None | Some("")) => None,
            (Arch::ARM64, Some("v8")) => None,
            (_, Some(v)) => Some(v.to_string()),
        }
    };
    want.os() == other.os()
        && want.architecture() == other.architecture()
        && (want.variant().is_none() || norm(want) == norm(other))
}

/// A descriptor's digest as hutch's. Every descriptor `parse_manifest` returns was checked
/// by `check_digest`, and the ones hutch builds come from a `Digest`.
pub fn digest(d: &Descriptor) -> Digest {
    d.digest()
        .as_ref()
        .parse()
        .expect("descriptor digests are checked when the manifest is parsed")
}

fn check_digest(d: &Descriptor) -> Result<(), String> {
    d.digest()
        .as_ref()
        .parse::<Digest>()
        .map(drop)
        .map_err(|e| format!("descriptor digest {:?}: {e}", d.digest().as_ref()))
}

/// The media type of a manifest `parse_manifest` returned (it always sets one).
pub fn media_type(m: &ImageManifest) -> &str {
    m.media_type().as_ref().map_or(OCI_MANIFEST, AsRef::as_ref)
}

/// An index (or Docker list) read leniently: entries may lack `mediaType` and `size`, and
/// `index.json` files written by other tools may lack `schemaVersion`.
fn index_from_value(mut raw: Value) -> Result<ImageIndex, serde_json::Error> {
    lenient::descriptors(raw.get_mut("manifests"));
    if let Some(obj) = raw.as_object_mut() {
        if obj.get("manifests").is_none_or(Value::is_null) {
            obj.insert("manifests".into(), Value::Array(Vec::new()));
        }
        obj.entry("schemaVersion").or_insert(Value::from(2));
    }
    serde_json::from_value(raw)
}

/// An OCI layout's `index.json`.
pub fn parse_index(bytes: &[u8]) -> Result<ImageIndex, String> {
    serde_json::from_slice(bytes)
        .and_then(index_from_value)
        .map_err(|e| e.to_string())
}

/// A manifest as fetched, sorted into what we can do with it.
#[derive(Debug)]
pub enum Manifest {
    /// An image manifest, its `mediaType` filled in when the manifest left it out.
    Image(Box<ImageManifest>),
    List(Vec<Descriptor>),
    Schema1,
}

pub fn parse_manifest(bytes: &[u8]) -> Result<Manifest, String> {
    let mut raw: Value =
        serde_json::from_slice(bytes).map_err(|e| format!("invalid manifest JSON: {e}"))?;
    if !raw.is_object() {
        return Err("invalid manifest JSON: not an object".into());
    }
    let schema_version = raw.get("schemaVersion").and_then(Value::as_i64);
    let media_type = raw
        .get("mediaType")
        .and_then(Value::as_str)
        .map(str::to_string);
    if schema_version == Some(1)
        || matches!(
            media_type.as_deref(),
            Some(DOCKER_SCHEMA1 | DOCKER_SCHEMA1_SIGNED)
        )
    {
        return Ok(Manifest::Schema1);
    }
    if schema_version != Some(2) {
        return Err(format!(
            "unsupported manifest schemaVersion {schema_version:?}"
        ));
    }
    let is_list = match media_type.as_deref() {
        Some(DOCKER_LIST | OCI_INDEX) => true,
        Some(DOCKER_MANIFEST | OCI_MANIFEST) => false,
        None => raw.get("manifests").is_some() && raw.get("config").is_none(),
        Some(other) => return Err(format!("unsupported manifest media type {other}")),
    };
    lenient::descriptors(raw.get_mut("layers"));
    if let Some(c) = raw.get_mut("config") {
        lenient::descriptor(c);
    }
    if is_list {
        let entries = index_from_value(raw)
            .map_err(|e| format!("invalid manifest list: {e}"))?
            .manifests()
            .clone();
        entries.iter().try_for_each(check_digest)?;
        return Ok(Manifest::List(entries));
    }
    if raw.get("config").is_none_or(Value::is_null) {
        return Err("manifest has no config".into());
    }
    if raw.get("layers").is_none_or(Value::is_null) {
        raw["layers"] = Value::Array(Vec::new());
    }
    let mut m: ImageManifest =
        serde_json::from_value(raw).map_err(|e| format!("invalid manifest: {e}"))?;
    check_digest(m.config())?;
    m.layers().iter().try_for_each(check_digest)?;
    let config_type = m.config().media_type().as_ref().to_string();
    let media_type = match media_type {
        Some(t) => t,
        None if config_type == DOCKER_CONFIG => DOCKER_MANIFEST.to_string(),
        None => OCI_MANIFEST.to_string(),
    };
    m.set_media_type(Some(MediaType::from(media_type.as_str())));
    if config_type != DOCKER_CONFIG && config_type != OCI_CONFIG {
        return Err(format!(
            "not a container image: config media type is {config_type:?}"
        ));
    }
    for l in m.layers() {
        if !is_layer_media_type(l.media_type().as_ref()) {
            return Err(format!(
                "layer {} has media type {:?}, which is not a container image layer",
                l.digest(),
                l.media_type().as_ref()
            ));
        }
    }
    Ok(Manifest::Image(Box::new(m)))
}

fn is_layer_media_type(m: &str) -> bool {
    m.starts_with("application/vnd.oci.image.layer.")
        || m.starts_with("application/vnd.docker.image.rootfs.")
}

/// Our digest as oci-spec's: the same text (ours is validated to a subset of what it takes).
pub fn oci_digest(d: &Digest) -> oci_spec::image::Digest {
    d.as_str()
        .parse()
        .expect("a valid digest is a valid OCI digest")
}

/// A descriptor as the manifests we write have it: media type, digest and size only.
pub fn descriptor(media_type: &str, digest: &Digest, size: u64) -> oci_spec::image::Descriptor {
    oci_spec::image::Descriptor::new(media_type.into(), size, oci_digest(digest))
}

/// An image manifest to write: OCI, or Docker schema2 (the same shape under Docker's media
/// types, which oci-spec keeps as given). Serialized with serde_json its fields come in
/// podman's order (schemaVersion, mediaType, config, layers), which keeps the digests of the
/// manifests we write unchanged.
pub fn image_manifest(
    media_type: &str,
    config: oci_spec::image::Descriptor,
    layers: Vec<oci_spec::image::Descriptor>,
) -> oci_spec::image::ImageManifest {
    oci_spec::image::ImageManifestBuilder::default()
        .schema_version(2u32)
        .media_type(oci_spec::image::MediaType::from(media_type))
        .config(config)
        .layers(layers)
        .build()
        .expect("every required field is set")
}

/// Picks the entry for `want` from a manifest list, or says which platforms there are.
pub fn select_platform<'a>(
    entries: &'a [Descriptor],
    want: &Platform,
) -> Result<&'a Descriptor, Vec<String>> {
    let candidates: Vec<&Descriptor> = entries
        .iter()
        .filter(|e| e.platform().as_ref().is_some_and(|p| accepts(want, p)))
        .collect();
    // Without a wanted variant, prefer the entry without one (or arm64/v8), as podman does.
    let exact = candidates.iter().find(|e| {
        let p = e.platform().as_ref().expect("filtered on platform");
        want.variant().is_some()
            || p.variant()
                .as_deref()
                .is_none_or(|v| v.is_empty() || v == "v8")
    });
    match exact.or(candidates.first()) {
        Some(e) => Ok(e),
        None => Err(entries
            .iter()
            .filter_map(|e| e.platform().as_ref().map(platform_string))
            .collect()),
    }
}

/// The parts of the image config a pull needs, checked: diff_ids are digests, `created` is a
/// time (or absent when it does not parse, as before).
#[derive(Debug, Clone)]
pub struct PulledConfig {
    pub diff_ids: Vec<Digest>,
    pub created: Option<chrono::DateTime<chrono::Utc>>,
    pub platform: Platform,
}

/// Reads an image config into oci-spec's `ImageConfiguration` (leniently: old images have no
/// `architecture`/`os`) and checks its rootfs.
pub fn parse_config(bytes: &[u8]) -> Result<PulledConfig, String> {
    let mut raw: Value =
        serde_json::from_slice(bytes).map_err(|e| format!("invalid image config JSON: {e}"))?;
    if raw.get("rootfs").is_none_or(Value::is_null) {
        return Err("image config has no rootfs".into());
    }
    lenient::platform(&mut raw);
    if let Some(obj) = raw["rootfs"].as_object_mut() {
        obj.entry("diff_ids")
            .or_insert_with(|| Value::Array(Vec::new()));
    }
    let cfg: ImageConfiguration =
        serde_json::from_value(raw).map_err(|e| format!("invalid image config JSON: {e}"))?;
    let rootfs = cfg.rootfs();
    if rootfs.typ() != "layers" {
        return Err(format!(
            "image config rootfs type is {:?}, not \"layers\"",
            rootfs.typ()
        ));
    }
    let diff_ids = rootfs
        .diff_ids()
        .iter()
        .map(|d| {
            Digest::parse_sha256(d).map_err(|_| format!("image config has invalid diff_id {d:?}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let created = cfg
        .created()
        .as_deref()
        .and_then(|c| chrono::DateTime::parse_from_rfc3339(c).ok())
        .map(|c| c.with_timezone(&chrono::Utc));
    Ok(PulledConfig {
        diff_ids,
        created,
        platform: platform(
            &cfg.os().to_string(),
            &cfg.architecture().to_string(),
            cfg.variant().as_deref(),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(c: &str) -> Digest {
        format!("sha256:{}", c.repeat(64)).parse().unwrap()
    }

    fn entry(p: &str, digest: &str) -> Descriptor {
        let parts: Vec<&str> = p.split('/').collect();
        let mut e = descriptor(DOCKER_MANIFEST, &d(digest), 1);
        e.set_platform(Some(platform(parts[0], parts[1], parts.get(2).copied())));
        e
    }

    #[test]
    fn platform_selection() {
        let list = vec![
            entry("linux/arm/v6", "a"),
            entry("linux/arm/v7", "b"),
            entry("linux/arm64/v8", "c"),
            entry("linux/amd64", "d"),
        ];
        let pick = |p: &str| {
            let want = platform_from_flags(Some(p), None, None, None).unwrap();
            select_platform(&list, &want).map(digest)
        };
        assert_eq!(pick("linux/amd64"), Ok(d("d")));
        assert_eq!(pick("linux/arm64"), Ok(d("c")));
        assert_eq!(pick("linux/arm64/v8"), Ok(d("c")));
        assert_eq!(pick("linux/arm/v7"), Ok(d("b")));
        assert_eq!(pick("linux/arm"), Ok(d("a")));
        let err = pick("linux/s390x").unwrap_err();
        assert_eq!(
            err,
            [
                "linux/arm/v6",
                "linux/arm/v7",
                "linux/arm64/v8",
                "linux/amd64"
            ]
        );
        let want = platform_from_flags(None, Some("linux"), Some("arm"), Some("v7")).unwrap();
        assert_eq!(digest(select_platform(&list, &want).unwrap()), d("b"));
        assert!(platform_from_flags(Some("linux"), None, None, None).is_err());
        assert!(platform_from_flags(Some("linux/"), None, None, None).is_err());
    }

    #[test]
    fn manifests() {
        let fix = |s: &[u8]| {
            String::from_utf8_lossy(s)
                .replace("{C}", &"c".repeat(64))
                .replace("{L}", &"e".repeat(64))
                .into_bytes()
        };
        let m = br#"{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
            "config":{"mediaType":"application/vnd.docker.container.image.v1+json","digest":"sha256:{C}","size":3},
            "layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","digest":"sha256:{L}","size":5}]}"#;
        match parse_manifest(&fix(m)).unwrap() {
            Manifest::Image(i) => {
                assert_eq!(i.layers().len(), 1);
                assert_eq!(media_type(&i), DOCKER_MANIFEST);
            }
            other => panic!("{other:?}"),
        }
        // OCI without mediaType field.
        let m = br#"{"schemaVersion":2,
            "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:{C}","size":3},
            "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+zstd","digest":"sha256:{L}","size":5}]}"#;
        assert!(
            matches!(parse_manifest(&fix(m)).unwrap(), Manifest::Image(i) if media_type(&i) == OCI_MANIFEST)
        );
        let idx = br#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}"#;
        assert!(matches!(parse_manifest(idx).unwrap(), Manifest::List(_)));
        // What oci-spec alone refuses: a list without mediaType whose entries lack mediaType,
        // size and os, and an unknown architecture.
        let list = br#"{"schemaVersion":2,"manifests":[
            {"digest":"sha256:{C}","platform":{"architecture":"amd64"}},
            {"digest":"sha256:{L}","size":7,"platform":{"architecture":"weird","os":"linux"}}]}"#;
        match parse_manifest(&fix(list)).unwrap() {
            Manifest::List(e) => {
                assert_eq!(e[0].size(), 0);
                assert_eq!(
                    platform_string(e[1].platform().as_ref().unwrap()),
                    "linux/weird"
                );
            }
            other => panic!("{other:?}"),
        }
        let bad = br#"{"schemaVersion":2,"manifests":[{"digest":"md5:abc"}]}"#;
        assert!(parse_manifest(bad).unwrap_err().contains("md5:abc"));
        let s1 = br#"{"schemaVersion":1,"name":"x","fsLayers":[]}"#;
        assert!(matches!(parse_manifest(s1).unwrap(), Manifest::Schema1));
        let helm = br#"{"schemaVersion":2,"config":{"mediaType":"application/vnd.cncf.helm.config.v1+json","digest":"sha256:{C}","size":3},"layers":[]}"#;
        assert!(parse_manifest(&fix(helm))
            .unwrap_err()
            .contains("not a container image"));
    }

    #[test]
    fn written_manifests_keep_their_bytes() {
        // What the hand-written structs produced before oci-spec: the digests of manifests
        // pushed and saved before must not change.
        let m = image_manifest(
            DOCKER_MANIFEST,
            descriptor(DOCKER_CONFIG, &d("c"), 3),
            vec![descriptor(
                "application/vnd.docker.image.rootfs.diff.tar.gzip",
                &d("e"),
                5,
            )],
        );
        let c = "c".repeat(64);
        let e = "e".repeat(64);
        assert_eq!(
            String::from_utf8(serde_json::to_vec_pretty(&m).unwrap()).unwrap(),
            format!(
                r#"{{
  "schemaVersion": 2,
  "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
  "config": {{
    "mediaType": "application/vnd.docker.container.image.v1+json",
    "digest": "sha256:{c}",
    "size": 3
  }},
  "layers": [
    {{
      "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
      "digest": "sha256:{e}",
      "size": 5
    }}
  ]
}}"#
            )
        );
        let m = image_manifest(
            OCI_MANIFEST,
            descriptor(OCI_CONFIG, &d("c"), 3),
            vec![descriptor(
                "application/vnd.oci.image.layer.v1.tar",
                &d("e"),
                5,
            )],
        );
        assert_eq!(
            String::from_utf8(serde_json::to_vec(&m).unwrap()).unwrap(),
            format!(
                r#"{{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:{c}","size":3}},"layers":[{{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:{e}","size":5}}]}}"#
            )
        );
    }

    #[test]
    fn configs() {
        let d = format!("sha256:{}", "a".repeat(64));
        let c = format!(
            r#"{{"architecture":"amd64","os":"linux","created":"2024-01-02T03:04:05.123Z","rootfs":{{"type":"layers","diff_ids":["{d}"]}}}}"#
        );
        let cfg = parse_config(c.as_bytes()).unwrap();
        assert_eq!(cfg.diff_ids, [d]);
        assert_eq!(platform_string(&cfg.platform), "linux/amd64");
        assert!(cfg.created.is_some());
        assert!(
            parse_config(br#"{"rootfs":{"type":"layers","diff_ids":["sha256:x"]}}"#)
                .unwrap_err()
                .contains("sha256:x")
        );
        assert!(parse_config(br#"{}"#).is_err());
        // An old image: no architecture, os or diff_ids.
        let old = parse_config(br#"{"rootfs":{"type":"layers"}}"#).unwrap();
        assert!(old.diff_ids.is_empty());
        assert_eq!(platform_string(&old.platform), "/");
    }
}
