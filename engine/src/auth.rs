//! Registry credentials: `--creds`, then auth files (`--authfile`/`$REGISTRY_AUTH_FILE` alone, or
//! `$XDG_RUNTIME_DIR/containers/auth.json`, `$XDG_CONFIG_HOME/containers/auth.json`,
//! `~/.docker/config.json`), with repository-scoped keys and docker.io's legacy aliases.
//! `AuthFile` keeps fields it does not know so `login`/`logout` can rewrite it in place.

use crate::reference::{normalize_registry, ImageRef};
use crate::Paths;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub type Result<T, E = AuthError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("reading auth file {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("parsing auth file {path}: {source}")]
    Parse {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("auth file {path}: entry {key:?}: {reason}")]
    BadEntry {
        path: PathBuf,
        key: String,
        reason: String,
    },
    #[error("--creds {creds:?}: {reason}")]
    BadCreds { creds: String, reason: String },
    #[error("writing auth file {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub username: String,
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .finish()
    }
}

impl Credentials {
    /// `USER:PASS` as given to `--creds`. A password is required (there is no prompt yet).
    pub fn from_creds_flag(creds: &str) -> Result<Credentials> {
        let bad = |reason: &str| AuthError::BadCreds {
            creds: redact(creds),
            reason: reason.to_string(),
        };
        let (user, pass) = creds
            .split_once(':')
            .ok_or_else(|| bad("expected USERNAME:PASSWORD (prompting is not supported)"))?;
        if user.is_empty() {
            return Err(bad("username is empty"));
        }
        Ok(Credentials {
            username: user.to_string(),
            password: pass.to_string(),
        })
    }

    /// The `auth` field of an auth file entry: base64 of `user:pass`.
    pub fn encode(&self) -> String {
        base64::engine::general_purpose::STANDARD
            .encode(format!("{}:{}", self.username, self.password))
    }

    fn decode(auth: &str) -> std::result::Result<Credentials, String> {
        let raw = base64::engine::general_purpose::STANDARD
            .decode(auth.trim())
            .map_err(|e| format!("\"auth\" is not base64: {e}"))?;
        let text = String::from_utf8(raw).map_err(|_| "\"auth\" is not UTF-8".to_string())?;
        let (user, pass) = text
            .split_once(':')
            .ok_or_else(|| "\"auth\" is not base64 of USER:PASSWORD".to_string())?;
        Ok(Credentials {
            username: user.to_string(),
            password: pass.trim_end_matches('\n').to_string(),
        })
    }
}

fn redact(creds: &str) -> String {
    match creds.split_once(':') {
        Some((u, _)) => format!("{u}:***"),
        None => creds.to_string(),
    }
}

/// Where credentials come from for one command.
#[derive(Debug, Clone, Default)]
pub struct AuthOptions {
    /// `--creds USER:PASS`
    pub creds: Option<String>,
    /// `--authfile` (or `$REGISTRY_AUTH_FILE`): when set, the only file consulted.
    pub authfile: Option<PathBuf>,
}

/// One `auth.json` / docker `config.json`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AuthFile {
    #[serde(default)]
    pub auths: BTreeMap<String, AuthEntry>,
    /// credHelpers, credsStore, HttpHeaders, ...: kept for rewriting.
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AuthEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth: Option<String>,
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
}

impl AuthFile {
    /// Reads `path`; a missing file is an empty one.
    pub fn load(path: &Path) -> Result<AuthFile> {
        let text = match std::fs::read(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(AuthFile::default()),
            Err(source) => {
                return Err(AuthError::Read {
                    path: path.to_path_buf(),
                    source,
                })
            }
        };
        if text.iter().all(u8::is_ascii_whitespace) {
            return Ok(AuthFile::default());
        }
        serde_json::from_slice(&text).map_err(|source| AuthError::Parse {
            path: path.to_path_buf(),
            source,
        })
    }

    /// Writes the file atomically (temp file + rename), mode 0600, creating the directory.
    pub fn save(&self, path: &Path) -> Result<()> {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let werr = |source| AuthError::Write {
            path: path.to_path_buf(),
            source,
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(werr)?;
        }
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)
            .map_err(werr)?;
        let mut text = serde_json::to_vec_pretty(self).expect("auth file serializes");
        text.push(b'\n');
        f.write_all(&text)
            .and_then(|()| f.sync_all())
            .and_then(|()| std::fs::rename(&tmp, path))
            .inspect_err(|_| {
                let _ = std::fs::remove_file(&tmp);
            })
            .map_err(werr)
    }

    /// The credentials stored for `image` in this file: the most specific key wins
    /// (`host/ns/repo`, then `host/ns`, then `host`); registry-level keys may carry a scheme or
    /// a path as docker writes them (`https://index.docker.io/v1/`).
    pub fn lookup(&self, image: &ImageRef, path: &Path) -> Result<Option<Credentials>> {
        let mut scopes = vec![];
        let mut scope = image.repo_name();
        loop {
            scopes.push(scope.clone());
            match scope.rfind('/') {
                Some(i) => scope.truncate(i),
                None => break,
            }
        }
        for scope in &scopes {
            if let Some(entry) = self.auths.get(scope) {
                if let Some(c) = entry.credentials(scope, path)? {
                    return Ok(Some(c));
                }
            }
        }
        for (key, entry) in &self.auths {
            if normalize_key(key) == image.registry {
                if let Some(c) = entry.credentials(key, path)? {
                    return Ok(Some(c));
                }
            }
        }
        Ok(None)
    }

    pub fn set(&mut self, key: &str, creds: &Credentials) {
        let entry = self.auths.entry(key.to_string()).or_default();
        entry.auth = Some(creds.encode());
    }

    pub fn remove(&mut self, key: &str) -> bool {
        self.auths.remove(key).is_some()
    }
}

impl AuthEntry {
    fn credentials(&self, key: &str, path: &Path) -> Result<Option<Credentials>> {
        match &self.auth {
            Some(a) if !a.is_empty() => {
                Credentials::decode(a)
                    .map(Some)
                    .map_err(|reason| AuthError::BadEntry {
                        path: path.to_path_buf(),
                        key: key.to_string(),
                        reason,
                    })
            }
            _ => {
                if self.other.contains_key("identitytoken") {
                    tracing::warn!(
                        "{}: entry {key:?} has only an identity token, which hutch does not support",
                        path.display()
                    );
                }
                Ok(None)
            }
        }
    }
}

/// `https://index.docker.io/v1/` -> `docker.io`; `http://host:5000/` -> `host:5000`.
pub fn normalize_key(key: &str) -> String {
    let k = key
        .strip_prefix("https://")
        .or_else(|| key.strip_prefix("http://"))
        .unwrap_or(key);
    let host = k.split('/').next().unwrap_or(k);
    normalize_registry(host)
}

/// The file `login` writes by default: `$XDG_RUNTIME_DIR/containers/auth.json`.
pub fn default_auth_file(paths: &Paths) -> PathBuf {
    paths.auth_runtime_dir().join("containers/auth.json")
}

/// The files consulted, in order.
pub fn auth_files(paths: &Paths, opts: &AuthOptions) -> Vec<PathBuf> {
    let explicit = opts.authfile.clone().or_else(|| {
        std::env::var_os("REGISTRY_AUTH_FILE")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    });
    if let Some(f) = explicit {
        return vec![f];
    }
    let docker = match std::env::var_os("DOCKER_CONFIG").filter(|v| !v.is_empty()) {
        Some(d) => PathBuf::from(d).join("config.json"),
        None => paths.home.join(".docker/config.json"),
    };
    vec![
        default_auth_file(paths),
        paths.config_home.join("containers/auth.json"),
        docker,
    ]
}

/// Credentials for pulling `image`: `--creds`, else the first auth file with an entry for it.
pub fn lookup(paths: &Paths, opts: &AuthOptions, image: &ImageRef) -> Result<Option<Credentials>> {
    if let Some(c) = &opts.creds {
        return Credentials::from_creds_flag(c).map(Some);
    }
    lookup_in(&auth_files(paths, opts), image)
}

fn lookup_in(files: &[PathBuf], image: &ImageRef) -> Result<Option<Credentials>> {
    for f in files {
        let file = AuthFile::load(f)?;
        if let Some(c) = file.lookup(image, f)? {
            tracing::debug!("credentials for {} from {}", image.repo_name(), f.display());
            return Ok(Some(c));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(s: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(s)
    }

    fn creds(u: &str, p: &str) -> Option<Credentials> {
        Some(Credentials {
            username: u.into(),
            password: p.into(),
        })
    }

    fn file(json: &str) -> AuthFile {
        serde_json::from_str(json).unwrap()
    }

    fn img(s: &str) -> ImageRef {
        ImageRef::parse(s).unwrap()
    }

    #[test]
    fn creds_flag() {
        assert_eq!(
            Credentials::from_creds_flag("u:p:w").ok(),
            creds("u", "p:w")
        );
        let err = Credentials::from_creds_flag("u").unwrap_err().to_string();
        assert!(err.contains("USERNAME:PASSWORD"), "{err}");
        let err = Credentials::from_creds_flag(":secret")
            .unwrap_err()
            .to_string();
        assert!(!err.contains("secret"), "password leaked: {err}");
    }

    #[test]
    fn most_specific_key_wins() {
        let f = file(&format!(
            r#"{{"auths":{{
                "reg:5000":{{"auth":"{}"}},
                "reg:5000/ns":{{"auth":"{}"}},
                "reg:5000/ns/repo":{{"auth":"{}"}}
            }}}}"#,
            b64("host:1"),
            b64("ns:2"),
            b64("repo:3")
        ));
        let p = Path::new("/a.json");
        assert_eq!(
            f.lookup(&img("reg:5000/ns/repo:t"), p).unwrap(),
            creds("repo", "3")
        );
        assert_eq!(
            f.lookup(&img("reg:5000/ns/other"), p).unwrap(),
            creds("ns", "2")
        );
        assert_eq!(f.lookup(&img("reg:5000/x"), p).unwrap(), creds("host", "1"));
        assert_eq!(f.lookup(&img("reg:5001/x"), p).unwrap(), None);
        assert_eq!(
            f.lookup(&img("reg:5000/nsx/y"), p).unwrap(),
            creds("host", "1")
        );
    }

    #[test]
    fn docker_hub_aliases_and_schemes() {
        let p = Path::new("/a.json");
        for key in [
            "https://index.docker.io/v1/",
            "index.docker.io",
            "docker.io",
            "registry-1.docker.io",
        ] {
            let f = file(&format!(
                r#"{{"auths":{{"{key}":{{"auth":"{}"}}}}}}"#,
                b64("d:h")
            ));
            assert_eq!(
                f.lookup(&img("busybox"), p).unwrap(),
                creds("d", "h"),
                "{key}"
            );
        }
        let f = file(&format!(
            r#"{{"auths":{{"https://reg.example.com:5000":{{"auth":"{}"}}}}}}"#,
            b64("a:b")
        ));
        assert_eq!(
            f.lookup(&img("reg.example.com:5000/x"), p).unwrap(),
            creds("a", "b")
        );
    }

    #[test]
    fn bad_entry_names_file_and_key() {
        let f = file(r#"{"auths":{"reg:5000":{"auth":"!!!"}}}"#);
        let err = f
            .lookup(&img("reg:5000/x"), Path::new("/my/auth.json"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("/my/auth.json") && err.contains("reg:5000"),
            "{err}"
        );
    }

    #[test]
    fn files_in_order_and_roundtrip() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a/auth.json");
        let b = dir.path().join("b.json");
        std::fs::write(
            &b,
            format!(
                r#"{{"auths":{{"reg:5000":{{"auth":"{}"}}}},"credHelpers":{{"x":"y"}}}}"#,
                b64("b:2")
            ),
        )
        .unwrap();
        let files = [a.clone(), b.clone()];
        assert_eq!(
            lookup_in(&files, &img("reg:5000/x")).unwrap(),
            creds("b", "2")
        );

        let mut fa = AuthFile::load(&a).unwrap();
        fa.set(
            "reg:5000",
            &Credentials {
                username: "a".into(),
                password: "1".into(),
            },
        );
        fa.save(&a).unwrap();
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&a).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            lookup_in(&files, &img("reg:5000/x")).unwrap(),
            creds("a", "1")
        );

        // Unknown fields survive a rewrite.
        let mut fb = AuthFile::load(&b).unwrap();
        assert!(fb.remove("reg:5000"));
        fb.save(&b).unwrap();
        let text = std::fs::read_to_string(&b).unwrap();
        assert!(text.contains("credHelpers"), "{text}");
        assert_eq!(lookup_in(&[b], &img("reg:5000/x")).unwrap(), None);
    }

    #[test]
    fn broken_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("auth.json");
        std::fs::write(&a, "{not json").unwrap();
        let err = lookup_in(std::slice::from_ref(&a), &img("x"))
            .unwrap_err()
            .to_string();
        assert!(err.contains(&a.display().to_string()), "{err}");
    }
}
