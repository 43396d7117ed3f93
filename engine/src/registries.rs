//! registries.conf (v2 TOML, plus the v1 tables podman still reads): which registries a short
//! name is tried on, short-name aliases, per-registry `insecure`/`blocked`, location rewrites and
//! mirrors. Turns a name as the user wrote it into the ordered list of places to pull it from.

use crate::reference::{ImageRef, Name, DOCKER_HUB};
use crate::Paths;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub type Result<T, E = RegistriesError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum RegistriesError {
    #[error("reading {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// toml's own message spans several lines with a snippet; this keeps it to one.
    #[error("parsing {path}: line {line}, column {column}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: {reason}")]
    Invalid { path: PathBuf, reason: String },
    #[error("registry {registry} is blocked in {source_file} (pulling {image})")]
    Blocked {
        registry: String,
        image: String,
        source_file: String,
    },
}

/// One `[[registry]]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registry {
    /// What the table applies to: `host[:port][/path]` or `*.domain`.
    pub prefix: String,
    /// Where matching images really live (replaces `prefix`); empty for wildcard prefixes.
    pub location: String,
    pub insecure: bool,
    pub blocked: bool,
    pub mirrors: Vec<Mirror>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mirror {
    pub location: String,
    pub insecure: bool,
}

/// A place to try: the reference rewritten for a mirror or location, and how to talk to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub reference: ImageRef,
    pub insecure: bool,
    pub mirror: bool,
}

#[derive(Debug, Clone, Default)]
pub struct RegistriesConf {
    pub unqualified_search_registries: Vec<String>,
    pub registries: Vec<Registry>,
    /// Short-name aliases: `busybox` -> `docker.io/library/busybox`.
    pub aliases: BTreeMap<String, String>,
    /// Files read, for error messages.
    pub sources: Vec<PathBuf>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
struct FileV2 {
    unqualified_search_registries: Option<Vec<String>>,
    #[serde(default)]
    registry: Vec<RegistryToml>,
    #[serde(default)]
    aliases: BTreeMap<String, String>,
    /// v1: `[registries.search] registries = [...]` and friends.
    registries: Option<V1Tables>,
}

#[derive(Debug, Deserialize, Default)]
struct V1Tables {
    search: Option<V1List>,
    insecure: Option<V1List>,
    block: Option<V1List>,
}

#[derive(Debug, Deserialize, Default)]
struct V1List {
    #[serde(default)]
    registries: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RegistryToml {
    prefix: Option<String>,
    location: Option<String>,
    #[serde(default)]
    insecure: bool,
    #[serde(default)]
    blocked: bool,
    #[serde(default)]
    mirror: Vec<MirrorToml>,
}

#[derive(Debug, Deserialize)]
struct MirrorToml {
    location: String,
    #[serde(default)]
    insecure: bool,
}

impl RegistriesConf {
    /// `$CONTAINERS_REGISTRIES_CONF` alone when set; else the user's
    /// `$XDG_CONFIG_HOME/containers/registries.conf` if present, else the system one; each with
    /// its `registries.conf.d/*.conf` drop-ins applied in name order.
    pub fn load(paths: &Paths) -> Result<RegistriesConf> {
        if let Some(p) = std::env::var_os("CONTAINERS_REGISTRIES_CONF").filter(|v| !v.is_empty()) {
            let mut conf = RegistriesConf::default();
            conf.merge_file(Path::new(&p))?;
            return Ok(conf);
        }
        let user = paths.config_home.join("containers/registries.conf");
        let main = if user.exists() {
            user
        } else {
            PathBuf::from("/etc/containers/registries.conf")
        };
        let mut conf = RegistriesConf::default();
        if main.exists() {
            conf.merge_file(&main)?;
        }
        let dropins = main.with_extension("conf.d");
        if let Ok(rd) = std::fs::read_dir(&dropins) {
            let mut files: Vec<PathBuf> = rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "conf"))
                .collect();
            files.sort();
            for f in files {
                conf.merge_file(&f)?;
            }
        }
        Ok(conf)
    }

    /// Parses one file's text as if it were the only file.
    pub fn parse(text: &str, path: &Path) -> Result<RegistriesConf> {
        let mut conf = RegistriesConf::default();
        conf.merge_str(text, path)?;
        Ok(conf)
    }

    fn merge_file(&mut self, path: &Path) -> Result<()> {
        let text = std::fs::read_to_string(path).map_err(|source| RegistriesError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        self.merge_str(&text, path)
    }

    /// Later files override: a search list replaces the earlier one, a `[[registry]]` replaces
    /// the one with the same prefix, aliases are added key by key.
    fn merge_str(&mut self, text: &str, path: &Path) -> Result<()> {
        let file: FileV2 = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start).min(text.len());
            let before = &text[..offset];
            RegistriesError::Parse {
                path: path.to_path_buf(),
                line: before.matches('\n').count() + 1,
                column: offset - before.rfind('\n').map_or(0, |i| i + 1) + 1,
                message: e.message().trim().to_string(),
            }
        })?;
        self.sources.push(path.to_path_buf());
        let invalid = |reason: String| RegistriesError::Invalid {
            path: path.to_path_buf(),
            reason,
        };

        let mut regs = Vec::new();
        if let Some(v1) = file.registries {
            if file.unqualified_search_registries.is_some() || !file.registry.is_empty() {
                return Err(invalid(
                    "mixes v1 [registries.*] tables with v2 settings".into(),
                ));
            }
            if let Some(search) = v1.search {
                self.unqualified_search_registries = search.registries;
            }
            for (list, insecure) in [(v1.insecure, true), (v1.block, false)] {
                for r in list.map(|l| l.registries).unwrap_or_default() {
                    regs.push(Registry {
                        prefix: r.clone(),
                        location: r,
                        insecure,
                        blocked: !insecure,
                        mirrors: vec![],
                    });
                }
            }
        }
        if let Some(search) = file.unqualified_search_registries {
            for r in &search {
                if r.contains('/') || r.is_empty() {
                    return Err(invalid(format!(
                        "unqualified-search-registries entry {r:?} must be a host[:port]"
                    )));
                }
            }
            self.unqualified_search_registries = search;
        }
        for r in file.registry {
            let location = r.location.unwrap_or_default();
            let prefix = r.prefix.unwrap_or_else(|| location.clone());
            if prefix.is_empty() {
                return Err(invalid("[[registry]] needs a prefix or a location".into()));
            }
            if prefix.starts_with("*.") && !location.is_empty() {
                return Err(invalid(format!(
                    "[[registry]] with wildcard prefix {prefix:?} may not set a location"
                )));
            }
            regs.push(Registry {
                prefix: strip_scheme(&prefix).to_string(),
                location: strip_scheme(&location).to_string(),
                insecure: r.insecure,
                blocked: r.blocked,
                mirrors: r
                    .mirror
                    .into_iter()
                    .map(|m| Mirror {
                        location: strip_scheme(&m.location).to_string(),
                        insecure: m.insecure,
                    })
                    .collect(),
            });
        }
        for r in regs {
            match self.registries.iter_mut().find(|e| e.prefix == r.prefix) {
                Some(existing) => *existing = r,
                None => self.registries.push(r),
            }
        }
        self.aliases.extend(file.aliases);
        Ok(())
    }

    fn source_name(&self) -> String {
        match self.sources.last() {
            Some(p) => p.display().to_string(),
            None => "registries.conf".into(),
        }
    }

    /// The `[[registry]]` table that applies to `image`: the longest matching prefix.
    pub fn find(&self, image: &ImageRef) -> Option<&Registry> {
        let name = image.repo_name();
        self.registries
            .iter()
            .filter(|r| prefix_matches(&r.prefix, &name))
            .max_by_key(|r| {
                // A wildcard is less specific than any exact prefix of the same length.
                (!r.prefix.starts_with("*."), r.prefix.len())
            })
    }

    /// The fully qualified references to try for `input`, in order: one for a qualified name;
    /// for a short name its alias, else one per unqualified-search registry (docker.io when
    /// none is configured, as docker does).
    pub fn candidates(&self, name: &Name) -> Vec<ImageRef> {
        if let Some(reg) = &name.registry {
            return vec![name.qualify(reg)];
        }
        if let Some(target) = self.aliases.get(&name.path) {
            if let Ok(alias) = Name::parse(target) {
                if let Some(reg) = &alias.registry {
                    let mut resolved = alias.qualify(reg);
                    resolved.tag = name.qualify(reg).tag;
                    resolved.digest = name.digest.clone();
                    return vec![resolved];
                }
            }
            tracing::warn!("ignoring short-name alias {:?} = {target:?}", name.path);
        }
        let search: Vec<&str> = if self.unqualified_search_registries.is_empty() {
            vec![DOCKER_HUB]
        } else {
            self.unqualified_search_registries
                .iter()
                .map(String::as_str)
                .collect()
        };
        search.into_iter().map(|r| name.qualify(r)).collect()
    }

    /// Where to pull `image` from: its mirrors first, then its location (or the registry
    /// itself). A blocked registry is an error naming it and the file that blocks it.
    pub fn endpoints(&self, image: &ImageRef) -> Result<Vec<Endpoint>> {
        let Some(reg) = self.find(image) else {
            return Ok(vec![Endpoint {
                reference: image.clone(),
                insecure: false,
                mirror: false,
            }]);
        };
        if reg.blocked {
            return Err(RegistriesError::Blocked {
                registry: image.registry.clone(),
                image: image.to_string(),
                source_file: self.source_name(),
            });
        }
        let mut out = Vec::new();
        for m in &reg.mirrors {
            match rewrite(image, &reg.prefix, &m.location) {
                Some(reference) => out.push(Endpoint {
                    reference,
                    insecure: m.insecure,
                    mirror: true,
                }),
                None => tracing::warn!(
                    "ignoring mirror {:?} of {:?}: not a valid location",
                    m.location,
                    reg.prefix
                ),
            }
        }
        let reference = if reg.location.is_empty() {
            Some(image.clone())
        } else {
            rewrite(image, &reg.prefix, &reg.location)
        };
        match reference {
            Some(reference) => out.push(Endpoint {
                reference,
                insecure: reg.insecure,
                mirror: false,
            }),
            None => {
                return Err(RegistriesError::Invalid {
                    path: PathBuf::from(self.source_name()),
                    reason: format!(
                        "location {:?} of registry {:?} is not a valid host[:port][/path]",
                        reg.location, reg.prefix
                    ),
                })
            }
        }
        Ok(out)
    }

    /// Whether `registry` (host[:port]) is marked insecure for every image on it.
    pub fn is_insecure(&self, image: &ImageRef) -> bool {
        self.find(image).is_some_and(|r| r.insecure)
    }
}

/// Whether `registry` (`host[:port]`) is on the loopback interface: 127.0.0.0/8, ::1 or
/// `localhost`. Docker treats such registries as insecure unless told otherwise, and the API
/// service does the same (`insecure_loopback` in the pull, push and search options).
pub fn is_loopback(registry: &str) -> bool {
    let host = match registry.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(rest),
        None => registry.rsplit_once(':').map_or(registry, |(h, _)| h),
    };
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    host.parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback())
}

/// The insecure setting for `registry`: registries.conf's `conf_insecure`, or a loopback
/// registry when `insecure_loopback` (Docker's default) asks for it.
pub fn insecure(registry: &str, conf_insecure: bool, insecure_loopback: bool) -> bool {
    conf_insecure || (insecure_loopback && is_loopback(registry))
}

fn strip_scheme(s: &str) -> &str {
    s.trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/')
}

/// `prefix` matches `name` (registry/repository) at a path boundary; `*.example.com` matches
/// any host below example.com.
fn prefix_matches(prefix: &str, name: &str) -> bool {
    if let Some(domain) = prefix.strip_prefix("*.") {
        let host = name.split('/').next().unwrap_or("");
        let host = host.split(':').next().unwrap_or(host);
        return host.ends_with(&format!(".{domain}"));
    }
    match name.strip_prefix(prefix) {
        Some(rest) => rest.is_empty() || rest.starts_with('/'),
        None => false,
    }
}

/// Replaces the matched `prefix` of `image` with `location`.
fn rewrite(image: &ImageRef, prefix: &str, location: &str) -> Option<ImageRef> {
    let name = image.repo_name();
    let rest = if prefix.starts_with("*.") {
        // Wildcard tables have no location; mirrors of them replace the host.
        &name[image.registry.len()..]
    } else {
        name.strip_prefix(prefix)?
    };
    let new = format!("{location}{rest}");
    let (registry, repository) = new.split_once('/')?;
    if registry.is_empty() || repository.is_empty() {
        return None;
    }
    Some(ImageRef {
        registry: registry.to_string(),
        repository: repository.to_string(),
        tag: image.tag.clone(),
        digest: image.digest.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_registries() {
        for r in [
            "127.0.0.1:5000",
            "127.3.2.1",
            "localhost:5000",
            "[::1]:5000",
            "[::1]",
        ] {
            assert!(is_loopback(r), "{r}");
        }
        for r in [
            "quay.io",
            "10.0.0.1:5000",
            "[::2]:5000",
            "docker.io",
            "localhostx",
        ] {
            assert!(!is_loopback(r), "{r}");
        }
        assert!(insecure("127.0.0.1:5000", false, true));
        assert!(!insecure("127.0.0.1:5000", false, false));
        assert!(insecure("quay.io", true, false));
    }

    fn conf(text: &str) -> RegistriesConf {
        RegistriesConf::parse(text, Path::new("/test/registries.conf")).unwrap()
    }

    fn cands(c: &RegistriesConf, s: &str) -> Vec<String> {
        c.candidates(&Name::parse(s).unwrap())
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn short_names_use_search_list_in_order() {
        let c = conf(r#"unqualified-search-registries = ["quay.io", "docker.io"]"#);
        assert_eq!(
            cands(&c, "busybox:1"),
            ["quay.io/busybox:1", "docker.io/library/busybox:1"]
        );
        assert_eq!(cands(&c, "localhost/x"), ["localhost/x:latest"]);
        assert_eq!(cands(&c, "host:5000/a/b"), ["host:5000/a/b:latest"]);
    }

    #[test]
    fn no_search_list_means_docker_hub() {
        let c = conf("");
        assert_eq!(cands(&c, "busybox"), ["docker.io/library/busybox:latest"]);
        assert_eq!(cands(&c, "user/img"), ["docker.io/user/img:latest"]);
    }

    #[test]
    fn aliases_win_over_search() {
        let c = conf(
            r#"unqualified-search-registries = ["quay.io"]
[aliases]
"busybox" = "docker.io/library/busybox"
"#,
        );
        assert_eq!(
            cands(&c, "busybox:1.36"),
            ["docker.io/library/busybox:1.36"]
        );
        assert_eq!(cands(&c, "other"), ["quay.io/other:latest"]);
    }

    #[test]
    fn mirrors_come_before_location_and_rewrite_prefix() {
        let c = conf(
            r#"
[[registry]]
prefix = "docker.io/library"
location = "internal:5000/hub"
[[registry.mirror]]
location = "mirror.example.com/dh"
insecure = true
[[registry.mirror]]
location = "mirror2:5000"
"#,
        );
        let img = ImageRef::parse("busybox:1").unwrap();
        let eps = c.endpoints(&img).unwrap();
        let got: Vec<(String, bool, bool)> = eps
            .iter()
            .map(|e| (e.reference.to_string(), e.insecure, e.mirror))
            .collect();
        assert_eq!(
            got,
            [
                ("mirror.example.com/dh/busybox:1".to_string(), true, true),
                ("mirror2:5000/busybox:1".to_string(), false, true),
                ("internal:5000/hub/busybox:1".to_string(), false, false),
            ]
        );
        // A different namespace on docker.io is untouched.
        let other = ImageRef::parse("user/img").unwrap();
        assert_eq!(
            c.endpoints(&other).unwrap()[0].reference.to_string(),
            "docker.io/user/img:latest"
        );
    }

    #[test]
    fn insecure_and_longest_prefix() {
        let c = conf(
            r#"
[[registry]]
location = "127.0.0.1:5000"
insecure = true
[[registry]]
prefix = "127.0.0.1:5000/secure"
location = "127.0.0.1:5000/secure"
"#,
        );
        let a = ImageRef::parse("127.0.0.1:5000/busybox").unwrap();
        let b = ImageRef::parse("127.0.0.1:5000/secure/x").unwrap();
        let c2 = ImageRef::parse("127.0.0.1:50000/busybox").unwrap();
        assert!(c.endpoints(&a).unwrap()[0].insecure);
        assert!(!c.endpoints(&b).unwrap()[0].insecure);
        assert!(c.find(&c2).is_none(), "prefix must end at a path boundary");
    }

    #[test]
    fn blocked_registry_is_a_clear_error() {
        let c = conf(
            r#"
[[registry]]
prefix = "evil.example.com"
blocked = true
"#,
        );
        let img = ImageRef::parse("evil.example.com/x:1").unwrap();
        let err = c.endpoints(&img).unwrap_err().to_string();
        assert!(err.contains("evil.example.com is blocked"), "{err}");
        assert!(err.contains("/test/registries.conf"), "{err}");
        assert!(err.contains("evil.example.com/x:1"), "{err}");
    }

    #[test]
    fn wildcard_prefix() {
        let c = conf(
            r#"
[[registry]]
prefix = "*.example.com"
insecure = true
"#,
        );
        let img = ImageRef::parse("reg.example.com/x").unwrap();
        assert!(c.endpoints(&img).unwrap()[0].insecure);
        let img = ImageRef::parse("example.com/x").unwrap();
        assert!(!c.endpoints(&img).unwrap()[0].insecure);
    }

    #[test]
    fn v1_tables() {
        let c = conf(
            r#"
[registries.search]
registries = ["quay.io"]
[registries.insecure]
registries = ["local:5000"]
[registries.block]
registries = ["bad.io"]
"#,
        );
        assert_eq!(cands(&c, "x"), ["quay.io/x:latest"]);
        assert!(c.is_insecure(&ImageRef::parse("local:5000/x").unwrap()));
        assert!(c.endpoints(&ImageRef::parse("bad.io/x").unwrap()).is_err());
    }

    #[test]
    fn errors_name_the_file() {
        let err =
            RegistriesConf::parse("unqualified-search-registries = 3", Path::new("/x/r.conf"))
                .unwrap_err()
                .to_string();
        assert!(err.contains("/x/r.conf"), "{err}");
        assert!(!err.contains('\n'), "{err}");
        let err = RegistriesConf::parse("a = 1\nb c", Path::new("/x/r.conf"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 2, column 3"), "{err}");
        let err = RegistriesConf::parse(
            r#"unqualified-search-registries = ["quay.io/ns"]"#,
            Path::new("/x/r.conf"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("quay.io/ns"), "{err}");
    }

    #[test]
    fn later_files_override() {
        let mut c = conf(
            r#"unqualified-search-registries = ["a.io"]
[[registry]]
location = "a.io"
insecure = true
"#,
        );
        c.merge_str(
            r#"unqualified-search-registries = ["b.io"]
[[registry]]
location = "a.io"
"#,
            Path::new("/test/registries.conf.d/x.conf"),
        )
        .unwrap();
        assert_eq!(c.unqualified_search_registries, ["b.io"]);
        assert_eq!(c.registries.len(), 1);
        assert!(!c.registries[0].insecure);
    }
}
