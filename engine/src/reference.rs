//! Image references as podman and docker spell them: parsing, validation and normalisation
//! (`busybox` -> `docker.io/library/busybox:latest`), and telling short names (no registry part,
//! resolved through registries.conf) from fully qualified ones.

use crate::{EngineError, Result};
use std::fmt;

pub const DOCKER_HUB: &str = "docker.io";
const DOCKER_HUB_LEGACY: &[&str] = &["index.docker.io", "registry-1.docker.io"];
const DEFAULT_TAG: &str = "latest";
const MAX_NAME_LEN: usize = 255;
const MAX_TAG_LEN: usize = 128;

/// A fully qualified image reference.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ImageRef {
    /// `docker.io`, `quay.io`, `localhost:5000`, `[::1]:5000`.
    pub registry: String,
    /// `library/busybox`: path components, lowercase.
    pub repository: String,
    /// `latest` when the input had neither tag nor digest.
    pub tag: Option<String>,
    /// `sha256:<64 hex>`.
    pub digest: Option<String>,
}

/// A reference as written, before a registry was chosen for a short name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// None for a short name.
    pub registry: Option<String>,
    /// The path as written (no `library/` added yet).
    pub path: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}

impl Name {
    /// Parses and validates `input`; does not choose a registry for short names.
    pub fn parse(input: &str) -> Result<Name> {
        parse_name(input).map_err(|reason| EngineError::InvalidReference {
            reference: input.to_string(),
            reason,
        })
    }

    /// True when the input had no registry part (`busybox`, `user/img`): podman then consults
    /// `unqualified-search-registries`.
    pub fn is_short(&self) -> bool {
        self.registry.is_none()
    }

    /// The fully qualified reference on `registry`: docker.io single-component paths get the
    /// `library/` namespace, and a missing tag (without digest) becomes `latest`.
    pub fn qualify(&self, registry: &str) -> ImageRef {
        let registry = normalize_registry(registry);
        let repository = if registry == DOCKER_HUB && !self.path.contains('/') {
            format!("library/{}", self.path)
        } else {
            self.path.clone()
        };
        let tag = match (&self.tag, &self.digest) {
            (None, None) => Some(DEFAULT_TAG.to_string()),
            (t, _) => t.clone(),
        };
        ImageRef {
            registry,
            repository,
            tag,
            digest: self.digest.clone(),
        }
    }
}

impl ImageRef {
    /// Parses `input` as docker does: a short name is qualified with docker.io.
    pub fn parse(input: &str) -> Result<ImageRef> {
        let name = Name::parse(input)?;
        Ok(name.qualify(name.registry.as_deref().unwrap_or(DOCKER_HUB)))
    }

    /// `registry/repository` without tag or digest, the key for names and credentials.
    pub fn repo_name(&self) -> String {
        format!("{}/{}", self.registry, self.repository)
    }

    /// The same repository with this digest and no tag (`repo@sha256:...`).
    pub fn with_digest(&self, digest: &str) -> ImageRef {
        ImageRef {
            registry: self.registry.clone(),
            repository: self.repository.clone(),
            tag: None,
            digest: Some(digest.to_string()),
        }
    }

    /// The tag or digest as used in a registry URL (`/v2/<repo>/manifests/<this>`).
    pub fn manifest_reference(&self) -> &str {
        self.digest
            .as_deref()
            .or(self.tag.as_deref())
            .unwrap_or(DEFAULT_TAG)
    }
}

impl fmt::Display for ImageRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.registry, self.repository)?;
        if let Some(tag) = &self.tag {
            write!(f, ":{tag}")?;
        }
        if let Some(digest) = &self.digest {
            write!(f, "@{digest}")?;
        }
        Ok(())
    }
}

impl std::str::FromStr for ImageRef {
    type Err = EngineError;
    fn from_str(s: &str) -> Result<ImageRef> {
        ImageRef::parse(s)
    }
}

/// A stored name as Docker shows it: `docker.io/library/busybox:latest` is `busybox:latest`,
/// `docker.io/user/img:1` is `user/img:1`; names on other registries stay as they are.
pub fn familiar(name: &str) -> &str {
    name.strip_prefix("docker.io/library/")
        .filter(|rest| !rest.contains('/'))
        .or_else(|| name.strip_prefix("docker.io/"))
        .unwrap_or(name)
}

/// `index.docker.io` and friends are docker.io.
pub fn normalize_registry(registry: &str) -> String {
    if DOCKER_HUB_LEGACY.contains(&registry) {
        DOCKER_HUB.to_string()
    } else {
        registry.to_string()
    }
}

fn parse_name(input: &str) -> std::result::Result<Name, String> {
    let mut rest = input;
    let mut transport_prefix = false;
    if let Some(r) = rest.strip_prefix("docker://") {
        rest = r;
        transport_prefix = true;
    }
    if rest.is_empty() {
        return Err("empty reference".into());
    }
    if rest.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("contains whitespace".into());
    }

    let (rest, digest) = match rest.split_once('@') {
        Some((r, d)) => {
            validate_digest(d)?;
            (r, Some(d.to_string()))
        }
        None => (rest, None),
    };

    // A tag follows the last ':' after the last '/', so `host:5000/img` has no tag.
    let last_slash = rest.rfind('/');
    let (rest, tag) = match rest.rfind(':') {
        Some(colon) if last_slash.is_none_or(|s| colon > s) => {
            let tag = &rest[colon + 1..];
            validate_tag(tag)?;
            (&rest[..colon], Some(tag.to_string()))
        }
        _ => (rest, None),
    };
    if rest.is_empty() {
        return Err("missing repository name".into());
    }

    // The first component is a registry when it looks like a host: it has a '.' or a ':',
    // is `localhost`, or has uppercase letters (which a repository may not have).
    let (registry, path) = match rest.split_once('/') {
        Some((first, path))
            if first.contains(['.', ':'])
                || first == "localhost"
                || first.chars().any(|c| c.is_ascii_uppercase()) =>
        {
            validate_registry(first)?;
            (Some(normalize_registry(first)), path)
        }
        _ => (None, rest),
    };
    validate_path(path)?;
    let full_len = registry.as_ref().map_or(DOCKER_HUB.len(), String::len) + 1 + path.len();
    if full_len > MAX_NAME_LEN {
        return Err(format!(
            "repository name must not be longer than {MAX_NAME_LEN} characters"
        ));
    }
    let registry = match registry {
        None if transport_prefix => Some(DOCKER_HUB.to_string()),
        r => r,
    };
    Ok(Name {
        registry,
        path: path.to_string(),
        tag,
        digest,
    })
}

fn validate_digest(digest: &str) -> std::result::Result<(), String> {
    let (algo, hex) = digest
        .split_once(':')
        .ok_or_else(|| format!("invalid digest {digest:?}: expected sha256:<64 hex digits>"))?;
    let len = match algo {
        "sha256" => 64,
        "sha512" => 128,
        _ => return Err(format!("unsupported digest algorithm {algo:?}")),
    };
    if hex.len() != len || !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return Err(format!(
            "invalid digest {digest:?}: expected {algo}:<{len} lowercase hex digits>"
        ));
    }
    Ok(())
}

fn validate_tag(tag: &str) -> std::result::Result<(), String> {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut chars = tag.chars();
    let ok = match chars.next() {
        Some(c) => word(c) && chars.all(|c| word(c) || c == '.' || c == '-'),
        None => return Err("empty tag".into()),
    };
    if !ok {
        return Err(format!(
            "invalid tag {tag:?}: only letters, digits, '_', '.' and '-' are allowed, not first '.' or '-'"
        ));
    }
    if tag.len() > MAX_TAG_LEN {
        return Err(format!(
            "invalid tag {tag:?}: longer than {MAX_TAG_LEN} characters"
        ));
    }
    Ok(())
}

fn validate_registry(registry: &str) -> std::result::Result<(), String> {
    let bad = || format!("invalid registry {registry:?}");
    // `[v6addr]:port`
    let (host, port) = if let Some(r) = registry.strip_prefix('[') {
        let (addr, after) = r.split_once(']').ok_or_else(bad)?;
        if addr.is_empty() || !addr.chars().all(|c| c.is_ascii_hexdigit() || c == ':') {
            return Err(bad());
        }
        match after {
            "" => (None, None),
            p => (None, Some(p.strip_prefix(':').ok_or_else(bad)?)),
        }
    } else {
        match registry.split_once(':') {
            Some((h, p)) => (Some(h), Some(p)),
            None => (Some(registry), None),
        }
    };
    if let Some(host) = host {
        let label_ok = |l: &str| {
            !l.is_empty()
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        };
        if !host.split('.').all(label_ok) {
            return Err(bad());
        }
    }
    if let Some(port) = port {
        if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) || port.len() > 5 {
            return Err(format!("invalid port in registry {registry:?}"));
        }
    }
    Ok(())
}

fn validate_path(path: &str) -> std::result::Result<(), String> {
    if path.chars().any(|c| c.is_ascii_uppercase()) {
        return Err(format!("repository name {path:?} must be lowercase"));
    }
    for component in path.split('/') {
        if !valid_component(component) {
            return Err(format!(
                "invalid repository name {path:?}: component {component:?} must be lowercase \
                 letters and digits separated by '.', '_', '__' or '-'"
            ));
        }
    }
    Ok(())
}

/// `[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*`
fn valid_component(c: &str) -> bool {
    let b = c.as_bytes();
    let alnum = |x: u8| x.is_ascii_lowercase() || x.is_ascii_digit();
    if b.is_empty() || !alnum(b[0]) || !alnum(b[b.len() - 1]) {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if alnum(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !alnum(b[i]) {
            i += 1;
        }
        let sep = &c[start..i];
        let ok = sep == "." || sep == "_" || sep == "__" || sep.bytes().all(|x| x == b'-');
        if !ok {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: &str = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    fn full(s: &str) -> String {
        ImageRef::parse(s).unwrap().to_string()
    }

    #[test]
    fn normalises_like_docker() {
        assert_eq!(full("busybox"), "docker.io/library/busybox:latest");
        assert_eq!(full("busybox:1.36"), "docker.io/library/busybox:1.36");
        assert_eq!(full("user/img"), "docker.io/user/img:latest");
        assert_eq!(
            full("docker.io/busybox"),
            "docker.io/library/busybox:latest"
        );
        assert_eq!(
            full("index.docker.io/library/busybox"),
            "docker.io/library/busybox:latest"
        );
        assert_eq!(full("quay.io/a/b/c:v1"), "quay.io/a/b/c:v1");
        assert_eq!(full("host:5000/a/b:tag"), "host:5000/a/b:tag");
        assert_eq!(full("host:5000/a"), "host:5000/a:latest");
        assert_eq!(full("localhost/x"), "localhost/x:latest");
        assert_eq!(
            full("127.0.0.1:5000/busybox"),
            "127.0.0.1:5000/busybox:latest"
        );
        assert_eq!(full("[::1]:5000/busybox"), "[::1]:5000/busybox:latest");
        assert_eq!(full("docker://busybox"), "docker.io/library/busybox:latest");
    }

    #[test]
    fn digests() {
        let r = ImageRef::parse(&format!("busybox@{D}")).unwrap();
        assert_eq!(r.tag, None);
        assert_eq!(r.digest.as_deref(), Some(D));
        assert_eq!(r.to_string(), format!("docker.io/library/busybox@{D}"));
        assert_eq!(r.manifest_reference(), D);
        let r = ImageRef::parse(&format!("host:5000/img:v2@{D}")).unwrap();
        assert_eq!(r.registry, "host:5000");
        assert_eq!(r.tag.as_deref(), Some("v2"));
        assert_eq!(r.to_string(), format!("host:5000/img:v2@{D}"));
        assert_eq!(r.manifest_reference(), D);
    }

    #[test]
    fn parts() {
        let r = ImageRef::parse("host:5000/a/b:tag").unwrap();
        assert_eq!(r.registry, "host:5000");
        assert_eq!(r.repository, "a/b");
        assert_eq!(r.tag.as_deref(), Some("tag"));
        assert_eq!(r.repo_name(), "host:5000/a/b");
    }

    #[test]
    fn short_names() {
        for s in ["busybox", "user/img", "user/img:tag", "a/b/c"] {
            assert!(Name::parse(s).unwrap().is_short(), "{s}");
        }
        for s in [
            "docker.io/busybox",
            "localhost/x",
            "host:5000/x",
            "quay.io/a/b",
            "docker://busybox",
        ] {
            assert!(!Name::parse(s).unwrap().is_short(), "{s}");
        }
        let n = Name::parse("busybox").unwrap();
        assert_eq!(n.qualify("quay.io").to_string(), "quay.io/busybox:latest");
        assert_eq!(
            n.qualify("docker.io").to_string(),
            "docker.io/library/busybox:latest"
        );
    }

    #[test]
    fn rejects_bad_input() {
        let cases = [
            ("", "empty"),
            ("BusyBox", "lowercase"),
            ("docker.io/Library/busybox", "lowercase"),
            ("busybox:", "empty tag"),
            ("busybox:-x", "invalid tag"),
            ("busybox:a/b", "invalid port"),
            ("busybox@sha256:abc", "invalid digest"),
            ("busybox@md5:0123", "unsupported digest"),
            (
                &format!("busybox@{}", D.to_uppercase().replace("SHA", "sha")),
                "invalid digest",
            ),
            ("a//b", "invalid repository"),
            ("a/-b", "invalid repository"),
            ("a/b_", "invalid repository"),
            ("a/b...c", "invalid repository"),
            ("host:port/x", "invalid port"),
            ("-host.com/x", "invalid registry"),
            ("bus box", "whitespace"),
            ("docker.io/", "invalid repository"),
        ];
        for (input, want) in cases {
            let err = ImageRef::parse(input).unwrap_err().to_string();
            assert!(err.contains(want), "{input:?}: {err}");
            assert!(err.contains(&format!("{input:?}")), "{input:?}: {err}");
        }
        let long_tag = format!("busybox:{}", "a".repeat(129));
        assert!(ImageRef::parse(&long_tag).is_err());
        assert!(ImageRef::parse(&format!("busybox:{}", "a".repeat(128))).is_ok());
        let long_name = format!("x/{}", "a".repeat(260));
        assert!(ImageRef::parse(&long_name)
            .unwrap_err()
            .to_string()
            .contains("longer than"));
    }

    #[test]
    fn familiar_names() {
        assert_eq!(
            familiar("docker.io/library/busybox:latest"),
            "busybox:latest"
        );
        assert_eq!(familiar("docker.io/user/img:1"), "user/img:1");
        assert_eq!(familiar("docker.io/library/a/b:1"), "library/a/b:1");
        assert_eq!(
            familiar("127.0.0.1:5000/library/busybox:latest"),
            "127.0.0.1:5000/library/busybox:latest"
        );
        assert_eq!(familiar("localhost/mine:1"), "localhost/mine:1");
    }

    #[test]
    fn accepts_separators() {
        for s in ["a/b.c", "a/b_c", "a/b__c", "a/b-c", "a/b---c", "a1/2b"] {
            assert!(ImageRef::parse(s).is_ok(), "{s}");
        }
        assert_eq!(
            full("busybox:V1.2_x-y"),
            "docker.io/library/busybox:V1.2_x-y"
        );
    }
}
