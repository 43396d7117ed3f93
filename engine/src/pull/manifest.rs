//! The manifest formats a pull understands (Docker schema2, OCI image manifests, Docker manifest
//! lists and OCI indexes), platform selection from a list, and the image config's rootfs.

use crate::Digest;
use serde::Deserialize;

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

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Descriptor {
    #[serde(default)]
    pub media_type: String,
    pub digest: Digest,
    #[serde(default)]
    pub size: i64,
    #[serde(default)]
    pub urls: Option<Vec<String>>,
    #[serde(default)]
    pub platform: Option<Platform>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Platform {
    #[serde(default)]
    pub architecture: String,
    #[serde(default)]
    pub os: String,
    #[serde(default)]
    pub variant: Option<String>,
}

impl std::fmt::Display for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.os, self.architecture)?;
        if let Some(v) = self.variant.as_deref().filter(|v| !v.is_empty()) {
            write!(f, "/{v}")?;
        }
        Ok(())
    }
}

impl Platform {
    /// The platform podman would pick by default on this host (`linux/amd64` here).
    pub fn host() -> Platform {
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
        Platform {
            architecture: arch.to_string(),
            os: "linux".to_string(),
            variant: None,
        }
    }

    /// Parses `--platform os/arch[/variant]`, then applies `--os`, `--arch`, `--variant`.
    pub fn from_flags(
        platform: Option<&str>,
        os: Option<&str>,
        arch: Option<&str>,
        variant: Option<&str>,
    ) -> Result<Platform, String> {
        let mut p = Platform::host();
        if let Some(s) = platform {
            let parts: Vec<&str> = s.split('/').collect();
            match parts.as_slice() {
                [o, a] if !o.is_empty() && !a.is_empty() => {
                    p.os = o.to_string();
                    p.architecture = a.to_string();
                }
                [o, a, v] if !o.is_empty() && !a.is_empty() && !v.is_empty() => {
                    p.os = o.to_string();
                    p.architecture = a.to_string();
                    p.variant = Some(v.to_string());
                }
                _ => {
                    return Err(format!(
                        "invalid --platform {s:?}: expected OS/ARCH[/VARIANT]"
                    ))
                }
            }
        }
        if let Some(o) = os.filter(|s| !s.is_empty()) {
            p.os = o.to_string();
        }
        if let Some(a) = arch.filter(|s| !s.is_empty()) {
            p.architecture = a.to_string();
        }
        if let Some(v) = variant.filter(|s| !s.is_empty()) {
            p.variant = Some(v.to_string());
        }
        Ok(p)
    }

    /// Whether a list entry's platform satisfies this wanted platform. An unspecified variant
    /// matches any; arm64's `v8` is its default variant.
    fn accepts(&self, other: &Platform) -> bool {
        let norm = |p: &Platform| -> Option<String> {
            match (p.architecture.as_str(), p.variant.as_deref()) {
                (_, None | Some("")) => None,
                ("arm64", Some("v8")) => None,
                (_, Some(v)) => Some(v.to_string()),
            }
        };
        self.os == other.os
            && self.architecture == other.architecture
            && (self.variant.is_none() || norm(self) == norm(other))
    }
}

/// A manifest as fetched, sorted into what we can do with it.
#[derive(Debug)]
pub enum Manifest {
    Image(ImageManifest),
    List(Vec<Descriptor>),
    Schema1,
}

#[derive(Debug, Clone)]
pub struct ImageManifest {
    pub media_type: String,
    pub config: Descriptor,
    pub layers: Vec<Descriptor>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawManifest {
    schema_version: Option<i64>,
    #[serde(default)]
    media_type: Option<String>,
    config: Option<Descriptor>,
    layers: Option<Vec<Descriptor>>,
    manifests: Option<Vec<Descriptor>>,
}

pub fn parse_manifest(bytes: &[u8]) -> Result<Manifest, String> {
    let raw: RawManifest =
        serde_json::from_slice(bytes).map_err(|e| format!("invalid manifest JSON: {e}"))?;
    if raw.schema_version == Some(1)
        || matches!(
            raw.media_type.as_deref(),
            Some(DOCKER_SCHEMA1 | DOCKER_SCHEMA1_SIGNED)
        )
    {
        return Ok(Manifest::Schema1);
    }
    if raw.schema_version != Some(2) {
        return Err(format!(
            "unsupported manifest schemaVersion {:?}",
            raw.schema_version
        ));
    }
    match raw.media_type.as_deref() {
        Some(DOCKER_LIST | OCI_INDEX) => {
            return Ok(Manifest::List(raw.manifests.unwrap_or_default()))
        }
        Some(DOCKER_MANIFEST | OCI_MANIFEST) | None => {}
        Some(other) => return Err(format!("unsupported manifest media type {other}")),
    }
    if raw.media_type.is_none() && raw.manifests.is_some() && raw.config.is_none() {
        return Ok(Manifest::List(raw.manifests.unwrap_or_default()));
    }
    let config = raw.config.ok_or("manifest has no config")?;
    let media_type = match raw.media_type {
        Some(m) => m,
        None if config.media_type == DOCKER_CONFIG => DOCKER_MANIFEST.to_string(),
        None => OCI_MANIFEST.to_string(),
    };
    if config.media_type != DOCKER_CONFIG && config.media_type != OCI_CONFIG {
        return Err(format!(
            "not a container image: config media type is {:?}",
            config.media_type
        ));
    }
    let layers = raw.layers.unwrap_or_default();
    for l in &layers {
        if !is_layer_media_type(&l.media_type) {
            return Err(format!(
                "layer {} has media type {:?}, which is not a container image layer",
                l.digest, l.media_type
            ));
        }
    }
    Ok(Manifest::Image(ImageManifest {
        media_type,
        config,
        layers,
    }))
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
        .filter(|e| e.platform.as_ref().is_some_and(|p| want.accepts(p)))
        .collect();
    // Without a wanted variant, prefer the entry without one (or arm64/v8), as podman does.
    let exact = candidates.iter().find(|e| {
        let p = e.platform.as_ref().expect("filtered on platform");
        want.variant.is_some()
            || p.variant
                .as_deref()
                .is_none_or(|v| v.is_empty() || v == "v8")
    });
    match exact.or(candidates.first()) {
        Some(e) => Ok(e),
        None => Err(entries
            .iter()
            .filter_map(|e| e.platform.as_ref().map(ToString::to_string))
            .collect()),
    }
}

/// The parts of the image config a pull needs.
#[derive(Debug, Clone)]
pub struct ImageConfig {
    pub diff_ids: Vec<Digest>,
    pub created: Option<chrono::DateTime<chrono::Utc>>,
    pub platform: Platform,
}

pub fn parse_config(bytes: &[u8]) -> Result<ImageConfig, String> {
    #[derive(Deserialize)]
    struct Raw {
        #[serde(default)]
        created: Option<String>,
        #[serde(default)]
        architecture: String,
        #[serde(default)]
        os: String,
        #[serde(default)]
        variant: Option<String>,
        rootfs: Option<RootFs>,
    }
    #[derive(Deserialize)]
    struct RootFs {
        #[serde(rename = "type")]
        kind: String,
        #[serde(default)]
        diff_ids: Vec<String>,
    }
    let raw: Raw =
        serde_json::from_slice(bytes).map_err(|e| format!("invalid image config JSON: {e}"))?;
    let rootfs = raw.rootfs.ok_or("image config has no rootfs")?;
    if rootfs.kind != "layers" {
        return Err(format!(
            "image config rootfs type is {:?}, not \"layers\"",
            rootfs.kind
        ));
    }
    let diff_ids = rootfs
        .diff_ids
        .iter()
        .map(|d| {
            Digest::parse_sha256(d).map_err(|_| format!("image config has invalid diff_id {d:?}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let created = raw
        .created
        .as_deref()
        .and_then(|c| chrono::DateTime::parse_from_rfc3339(c).ok())
        .map(|c| c.with_timezone(&chrono::Utc));
    Ok(ImageConfig {
        diff_ids,
        created,
        platform: Platform {
            architecture: raw.architecture,
            os: raw.os,
            variant: raw.variant,
        },
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
        Descriptor {
            media_type: DOCKER_MANIFEST.into(),
            digest: d(digest),
            size: 1,
            urls: None,
            platform: Some(Platform {
                os: parts[0].into(),
                architecture: parts[1].into(),
                variant: parts.get(2).map(|v| v.to_string()),
            }),
        }
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
            let want = Platform::from_flags(Some(p), None, None, None).unwrap();
            select_platform(&list, &want).map(|e| e.digest.clone())
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
        let want = Platform::from_flags(None, Some("linux"), Some("arm"), Some("v7")).unwrap();
        assert_eq!(select_platform(&list, &want).unwrap().digest, d("b"));
        assert!(Platform::from_flags(Some("linux"), None, None, None).is_err());
        assert!(Platform::from_flags(Some("linux/"), None, None, None).is_err());
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
                assert_eq!(i.layers.len(), 1);
                assert_eq!(i.media_type, DOCKER_MANIFEST);
            }
            other => panic!("{other:?}"),
        }
        // OCI without mediaType field.
        let m = br#"{"schemaVersion":2,
            "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:{C}","size":3},
            "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+zstd","digest":"sha256:{L}","size":5}]}"#;
        assert!(
            matches!(parse_manifest(&fix(m)).unwrap(), Manifest::Image(i) if i.media_type == OCI_MANIFEST)
        );
        let idx = br#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}"#;
        assert!(matches!(parse_manifest(idx).unwrap(), Manifest::List(_)));
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
        assert_eq!(cfg.platform.to_string(), "linux/amd64");
        assert!(cfg.created.is_some());
        assert!(
            parse_config(br#"{"rootfs":{"type":"layers","diff_ids":["sha256:x"]}}"#)
                .unwrap_err()
                .contains("sha256:x")
        );
        assert!(parse_config(br#"{}"#).is_err());
    }
}
