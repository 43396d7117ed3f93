//! Secrets with podman's file driver: the list (names, IDs, labels, times) in
//! `graphroot/secrets/secrets.json`, each secret's data in its own file under
//! `graphroot/secrets/filedriver/` (directories 0700, files 0600). The data is never in the
//! database, the list, `inspect` or a container's stored config: containers read it when they
//! start, into their runtime directory (`--secret NAME` → `/run/secrets/NAME`) or their
//! environment (`type=env`).

use crate::paths::Paths;
use crate::Result;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// Podman's limit on a secret's size.
pub const MAX_DATA: usize = 512_000;
/// The only driver hutch has (podman's default).
pub const FILE_DRIVER: &str = "file";

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error("no secret with name or id {name:?}: no such secret")]
    NotFound { name: String },
    #[error("{name}: secret name in use")]
    NameInUse { name: String },
    #[error("only 64 [a-zA-Z0-9-_.] characters allowed, and the start and end character must be [a-zA-Z0-9]: {name}: invalid secret name")]
    BadName { name: String },
    #[error("secret {name}: secret data must be larger than 0 and less than {MAX_DATA} bytes (it has {len})")]
    BadSize { name: String, len: usize },
    #[error(
        "secret driver {driver:?} is not supported: hutch has only the file driver (--driver file)"
    )]
    BadDriver { driver: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not a valid secrets list: {source}; move it away to start a new list")]
    Corrupt {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
}

impl From<SecretError> for crate::EngineError {
    fn from(e: SecretError) -> Self {
        crate::EngineError::Secret(Box::new(e))
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SecretError + '_ {
    move |source| SecretError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// One secret as listed and inspected (never its data).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Secret {
    pub id: String,
    pub name: String,
    pub driver: String,
    #[serde(default)]
    pub driver_options: BTreeMap<String, String>,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
}

/// What `secret create` asks for.
#[derive(Debug, Clone, Default)]
pub struct CreateSecret {
    pub name: String,
    /// None: the file driver.
    pub driver: Option<String>,
    pub driver_options: BTreeMap<String, String>,
    pub labels: BTreeMap<String, String>,
    pub data: Vec<u8>,
}

/// How a container gets a secret (`--secret NAME[,type=mount|env][,target=...][,uid=,gid=,mode=]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretUse {
    /// The secret's name as given; create stores the ID it resolved to as well.
    pub name: String,
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub env: bool,
    /// A file: the path in the container (relative ones under /run/secrets); env: the variable.
    pub target: String,
    #[serde(default)]
    pub uid: u32,
    #[serde(default)]
    pub gid: u32,
    /// Permission bits of the file (default 0444, as podman).
    pub mode: u32,
}

/// Where secrets are mounted when the target is not absolute.
pub const SECRETS_DIR: &str = "/run/secrets";

/// Parses podman's `--secret` value.
pub fn parse_use(value: &str) -> Result<SecretUse, crate::container::ContainerError> {
    let bad = |reason: &str| crate::container::ContainerError::InvalidFlag {
        flag: "--secret",
        value: value.to_string(),
        reason: reason.to_string(),
    };
    let mut name = None;
    let mut env = false;
    let mut target = None;
    let (mut uid, mut gid, mut mode) = (None, None, None);
    for (i, part) in value.split(',').enumerate() {
        let (k, v) = match part.split_once('=') {
            Some(kv) => kv,
            None if i == 0 => ("source", part),
            None => return Err(bad(&format!("{part:?} is not KEY=VALUE"))),
        };
        let num = |v: &str, radix: u32| {
            u32::from_str_radix(v, radix)
                .map_err(|_| bad(&format!("{k}={v} is not a valid number")))
        };
        match k {
            "source" | "src" => name = Some(v.to_string()),
            "type" => match v {
                "mount" => env = false,
                "env" => env = true,
                _ => return Err(bad("type must be mount or env")),
            },
            "target" | "dst" | "destination" => target = Some(v.to_string()),
            "uid" => uid = Some(num(v, 10)?),
            "gid" => gid = Some(num(v, 10)?),
            "mode" => mode = Some(num(v.trim_start_matches("0o"), 8)?),
            _ => return Err(bad(&format!("unknown option {k:?}"))),
        }
    }
    let name = name
        .filter(|n| !n.is_empty())
        .ok_or_else(|| bad("the secret's name is missing"))?;
    if env && (uid.is_some() || gid.is_some() || mode.is_some()) {
        return Err(bad("uid, gid and mode apply only to type=mount"));
    }
    let target = match target {
        Some(t) if t.is_empty() => return Err(bad("target is empty")),
        Some(t) if !env && !t.starts_with('/') => format!("{SECRETS_DIR}/{t}"),
        Some(t) => t,
        None if env => name.clone(),
        None => format!("{SECRETS_DIR}/{name}"),
    };
    Ok(SecretUse {
        name,
        id: String::new(),
        env,
        target,
        uid: uid.unwrap_or(0),
        gid: gid.unwrap_or(0),
        mode: mode.unwrap_or(0o444),
    })
}

/// `graphroot/secrets`.
pub fn dir(paths: &Paths) -> PathBuf {
    paths.graphroot.join("secrets")
}

/// Where the file driver keeps the data (podman's `Spec.Driver.Options.path`).
pub fn data_dir(paths: &Paths) -> PathBuf {
    dir(paths).join("filedriver")
}

fn list_path(paths: &Paths) -> PathBuf {
    dir(paths).join("secrets.json")
}

fn valid_name(name: &str) -> bool {
    let b = name.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
}

/// The secrets list, locked while a change is made.
struct Store {
    path: PathBuf,
    secrets: Vec<Secret>,
    _lock: Option<hutch_sys::lock::FileLock>,
}

impl Store {
    fn open(paths: &Paths, write: bool) -> Result<Store> {
        let d = dir(paths);
        let data = data_dir(paths);
        if write {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&data)
                .map_err(io(&data))?;
        }
        let lock = if write {
            Some(hutch_sys::lock::FileLock::exclusive(
                &d.join("secrets.lock"),
            )?)
        } else {
            None
        };
        let path = list_path(paths);
        let secrets = match std::fs::read(&path) {
            Ok(b) => serde_json::from_slice(&b).map_err(|source| SecretError::Corrupt {
                path: path.clone(),
                source,
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(io(&path)(e).into()),
        };
        Ok(Store {
            path,
            secrets,
            _lock: lock,
        })
    }

    fn save(&self) -> Result<()> {
        let text = serde_json::to_vec_pretty(&self.secrets).map_err(|source| {
            crate::EngineError::Encode {
                what: "the secrets list".into(),
                source,
            }
        })?;
        write_private(&self.path, &text)?;
        Ok(())
    }

    /// By exact name, full ID, or a unique ID prefix (as podman).
    fn find(&self, name_or_id: &str) -> Result<usize, SecretError> {
        let not_found = || SecretError::NotFound {
            name: name_or_id.to_string(),
        };
        if name_or_id.is_empty() {
            return Err(not_found());
        }
        if let Some(i) = self
            .secrets
            .iter()
            .position(|s| s.name == name_or_id || s.id == name_or_id)
        {
            return Ok(i);
        }
        let mut hits = self
            .secrets
            .iter()
            .enumerate()
            .filter(|(_, s)| s.id.starts_with(name_or_id));
        match (hits.next(), hits.next()) {
            (Some((i, _)), None) => Ok(i),
            _ => Err(not_found()),
        }
    }
}

/// Writes `data` to `path` (mode 0600) through a temporary file, so a reader never sees half.
fn write_private(path: &Path, data: &[u8]) -> Result<(), SecretError> {
    let tmp = path.with_extension("tmp");
    let _ = std::fs::remove_file(&tmp);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)
        .map_err(io(&tmp))?;
    f.write_all(data).map_err(io(&tmp))?;
    f.sync_all().map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(io(path))
}

fn new_id() -> String {
    let mut id = crate::container::names::random_id();
    id.truncate(25);
    id
}

/// The secret and its data, for a container that starts.
pub(crate) fn read(paths: &Paths, name_or_id: &str) -> Result<(Secret, Vec<u8>)> {
    let store = Store::open(paths, false)?;
    let s = store.secrets[store.find(name_or_id)?].clone();
    let p = data_dir(paths).join(&s.id);
    let data = std::fs::read(&p).map_err(io(&p))?;
    Ok((s, data))
}

/// Looks each secret a new container asks for up, and records its ID (an unknown one fails
/// the create, as podman).
pub(crate) fn resolve_uses(paths: &Paths, uses: &mut [SecretUse]) -> Result<()> {
    if uses.is_empty() {
        return Ok(());
    }
    let store = Store::open(paths, false)?;
    for u in uses {
        u.id = store.secrets[store.find(&u.name)?].id.clone();
    }
    Ok(())
}

/// What a starting container gets of its secrets: files to bind (host path, destination) and
/// variables. Files are written into `run_dir` (the container's runtime directory, on tmpfs),
/// owned by the secret's uid/gid in hutch's user namespace.
pub(crate) struct Materialized {
    pub binds: Vec<(PathBuf, String)>,
    pub env: Vec<String>,
}

pub(crate) fn materialize(
    paths: &Paths,
    uses: &[SecretUse],
    run_dir: &Path,
    to_ns_id: impl Fn(u32, bool) -> u32,
) -> Result<Materialized> {
    let mut out = Materialized {
        binds: Vec::new(),
        env: Vec::new(),
    };
    if uses.is_empty() {
        return Ok(out);
    }
    let dir = run_dir.join("secrets");
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
        .map_err(io(&dir))?;
    for (i, u) in uses.iter().enumerate() {
        // By ID: a secret removed and made again under the same name is a new secret, as in
        // podman; the name is the fallback for configs that have no ID.
        let key = if u.id.is_empty() { &u.name } else { &u.id };
        let (_, data) = read(paths, key).map_err(|e| match e {
            crate::EngineError::Secret(s) if matches!(*s, SecretError::NotFound { .. }) => {
                SecretError::NotFound {
                    name: u.name.clone(),
                }
                .into()
            }
            e => e,
        })?;
        if u.env {
            out.env
                .push(format!("{}={}", u.target, String::from_utf8_lossy(&data)));
            continue;
        }
        let file = dir.join(format!("{i}-{}", u.name));
        let _ = std::fs::remove_file(&file);
        write_private(&file, &data)?;
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(u.mode))
            .map_err(io(&file))?;
        let (uid, gid) = (to_ns_id(u.uid, true), to_ns_id(u.gid, false));
        if (uid, gid) != (0, 0) {
            std::os::unix::fs::chown(&file, Some(uid), Some(gid)).map_err(io(&file))?;
        }
        out.binds.push((file, u.target.clone()));
    }
    Ok(out)
}

impl crate::Engine {
    /// Stores a new secret; a name in use is refused (podman's `secret create` without
    /// `--replace`).
    pub fn create_secret(&self, req: &CreateSecret) -> Result<Secret> {
        if !valid_name(&req.name) {
            return Err(SecretError::BadName {
                name: req.name.clone(),
            }
            .into());
        }
        let driver = req.driver.as_deref().unwrap_or(FILE_DRIVER);
        if driver != FILE_DRIVER {
            return Err(SecretError::BadDriver {
                driver: driver.to_string(),
            }
            .into());
        }
        if req.data.is_empty() || req.data.len() >= MAX_DATA {
            return Err(SecretError::BadSize {
                name: req.name.clone(),
                len: req.data.len(),
            }
            .into());
        }
        let paths = self.paths();
        let mut store = Store::open(paths, true)?;
        if store.secrets.iter().any(|s| s.name == req.name) {
            return Err(SecretError::NameInUse {
                name: req.name.clone(),
            }
            .into());
        }
        let now = Utc::now();
        let mut options = req.driver_options.clone();
        options
            .entry("path".into())
            .or_insert_with(|| data_dir(paths).display().to_string());
        let s = Secret {
            id: new_id(),
            name: req.name.clone(),
            driver: driver.to_string(),
            driver_options: options,
            labels: req.labels.clone(),
            created: now,
            updated: now,
        };
        write_private(&data_dir(paths).join(&s.id), &req.data)?;
        store.secrets.push(s.clone());
        if let Err(e) = store.save() {
            let _ = std::fs::remove_file(data_dir(paths).join(&s.id));
            return Err(e);
        }
        Ok(s)
    }

    /// Every secret, newest first (as `podman secret ls`).
    pub fn secrets(&self) -> Result<Vec<Secret>> {
        let mut v = Store::open(self.paths(), false)?.secrets;
        v.sort_by_key(|s| std::cmp::Reverse(s.created));
        Ok(v)
    }

    /// The secret named `name_or_id` (a name, an ID or a unique ID prefix).
    pub fn secret(&self, name_or_id: &str) -> Result<Secret> {
        let store = Store::open(self.paths(), false)?;
        Ok(store.secrets[store.find(name_or_id)?].clone())
    }

    /// Removes a secret and its data; containers that use it fail to start afterwards, as in
    /// podman.
    pub fn remove_secret(&self, name_or_id: &str) -> Result<Secret> {
        let paths = self.paths();
        let mut store = Store::open(paths, true)?;
        let i = store.find(name_or_id)?;
        let s = store.secrets.remove(i);
        store.save()?;
        let p = data_dir(paths).join(&s.id);
        match std::fs::remove_file(&p) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(&p)(e).into()),
            _ => Ok(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_flags_parse_as_podman() {
        let u = parse_use("mysec").unwrap();
        assert_eq!(
            (u.env, u.target.as_str(), u.mode, u.uid),
            (false, "/run/secrets/mysec", 0o444, 0)
        );
        let u = parse_use("mysec,type=env").unwrap();
        assert_eq!((u.env, u.target.as_str()), (true, "mysec"));
        let u = parse_use("source=s,type=env,target=VAR").unwrap();
        assert_eq!((u.name.as_str(), u.target.as_str()), ("s", "VAR"));
        let u = parse_use("s,target=rel,uid=5,gid=6,mode=0400").unwrap();
        assert_eq!(
            (u.target.as_str(), u.uid, u.gid, u.mode),
            ("/run/secrets/rel", 5, 6, 0o400)
        );
        assert!(parse_use("s,type=env,uid=1").is_err());
        assert!(parse_use("s,type=file").is_err());
        assert!(parse_use("type=env").is_err());
        assert!(parse_use("s,mode=9").is_err());
    }

    #[test]
    fn names_follow_podman() {
        assert!(valid_name("a") && valid_name("my.sec-1_x"));
        assert!(!valid_name("") && !valid_name("a/b") && !valid_name("-a") && !valid_name("a."));
        assert!(!valid_name(&"a".repeat(65)));
    }
}
