//! Named and anonymous volumes: the store (rows in `state`, data in
//! `graphroot/volumes/NAME/_data`, podman's layout), the local driver's options
//! (`type=tmpfs|bind`, `device=`, `o=`), which containers use a volume, size, prune, export
//! and import. How a volume is mounted into a container is `container::mounts`.

use crate::container::{self, archive};
use crate::{EngineError, Paths, Result};
use chrono::Utc;
pub use hutch_state::Volume;
use hutch_state::{Container, Db, StateError};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum VolumeError {
    #[error("no volume with name {name:?} found: no such volume")]
    NotFound { name: String },
    #[error("volume with name {name} already exists: volume already exists")]
    Exists { name: String },
    #[error("invalid volume name {name:?}: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*")]
    BadName { name: String },
    #[error("volume {name}: unsupported driver {driver:?}: only the \"local\" driver exists")]
    BadDriver { name: String, driver: String },
    #[error("volume {name}: invalid option {option:?}: {reason}")]
    BadOption {
        name: String,
        option: String,
        reason: String,
    },
    /// `type=bind` with a `device=` that cannot be found.
    #[error("volume {name}: invalid option {:?}: statfs {device}: {source}", format!("device={}", .device))]
    BindDevice {
        name: String,
        device: String,
        #[source]
        source: IoReason,
    },
    #[error("volume {name} is being used by the following container(s): {}: volume is being used (remove the containers first, or use --force)", containers.join(", "))]
    InUse {
        name: String,
        containers: Vec<String>,
    },
    #[error("volume {name}: {path}: {source}")]
    Io {
        name: String,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("volume {name}: mounting {what} on {path}: {source}")]
    Mount {
        name: String,
        what: String,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("volume {name}: unmounting {path}: {source}")]
    Unmount {
        name: String,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// First use: the image's content at the mount point could not be copied in.
    #[error("volume {name}: copying the image's {destination} into it: {source}")]
    CopyUp {
        name: String,
        destination: String,
        #[source]
        source: std::io::Error,
    },
    #[error("volume {name}: encoding its {what}: {source}")]
    Encode {
        name: String,
        what: &'static str,
        #[source]
        source: serde_json::Error,
    },
}

impl From<VolumeError> for EngineError {
    fn from(e: VolumeError) -> Self {
        EngineError::Volume(Box::new(e))
    }
}

fn vio(name: &str, path: &Path) -> impl FnOnce(std::io::Error) -> VolumeError {
    let (name, path) = (name.to_string(), path.to_path_buf());
    move |source| VolumeError::Io { name, path, source }
}

/// An I/O error as podman words it: "no such file or directory".
pub fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    let s = match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    };
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => s,
    }
}

/// An I/O error that displays as [`io_reason`] words it, for messages that quote it that way.
/// As a `#[source]` it keeps the error (`.0`) without the CLI repeating it in std's words
/// after the message: it has no further source itself.
#[derive(Debug)]
pub struct IoReason(pub std::io::Error);

impl std::fmt::Display for IoReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&io_reason(&self.0))
    }
}

impl std::error::Error for IoReason {}

/// What `volume create` (and first use by a container) asks for.
#[derive(Debug, Clone, Default)]
pub struct CreateVolume {
    /// None: an anonymous volume with a random 64-hex name.
    pub name: Option<String>,
    pub driver: Option<String>,
    /// `-o KEY=VALUE`.
    pub options: Vec<String>,
    /// `--label KEY[=VALUE]`.
    pub labels: Vec<String>,
    pub anonymous: bool,
}

/// `graphroot/volumes/NAME` (or under `--volumepath`).
pub fn volume_dir(paths: &Paths, name: &str) -> PathBuf {
    paths.settings.volume_path.join(name)
}

/// The volume's data, mounted into containers.
pub fn data_dir(paths: &Paths, name: &str) -> PathBuf {
    volume_dir(paths, name).join("_data")
}

pub fn valid_name(name: &str) -> bool {
    let mut b = name.bytes();
    matches!(b.next(), Some(c) if c.is_ascii_alphanumeric())
        && b.all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
}

/// Parsed driver options of a volume.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DriverOptions {
    /// "" (a plain directory), "tmpfs" or "bind".
    pub kind: String,
    pub device: String,
    /// Mount flags the container's bind mount gets (ro, nosuid, nodev, noexec).
    pub flags: Vec<String>,
    /// tmpfs data (size=, mode=, uid=, gid=, nr_inodes=).
    pub data: Vec<String>,
}

const MOUNT_FLAGS: &[&str] = &[
    "ro", "rw", "nosuid", "suid", "nodev", "dev", "noexec", "exec", "bind", "rbind",
];

/// Checks `-o` options and returns them as the stored map.
fn parse_options(name: &str, opts: &[String]) -> Result<BTreeMap<String, String>, VolumeError> {
    let mut map = BTreeMap::new();
    for o in opts {
        let bad = |reason: &str| VolumeError::BadOption {
            name: name.to_string(),
            option: o.clone(),
            reason: reason.to_string(),
        };
        let (k, v) = o
            .split_once('=')
            .ok_or_else(|| bad("expected KEY=VALUE (type=, device=, o=)"))?;
        match k {
            "type" | "device" | "o" => {}
            _ => return Err(bad("the local driver knows type, device and o")),
        }
        map.insert(k.to_string(), v.to_string());
    }
    let d = driver_options(&map);
    match d.kind.as_str() {
        "" | "none" => {
            let only_owner = d
                .data
                .iter()
                .chain(&d.flags)
                .all(|x| x.starts_with("uid=") || x.starts_with("gid="));
            if map.contains_key("device") || !only_owner {
                return Err(VolumeError::BadOption {
                    name: name.to_string(),
                    option: "device/o".into(),
                    reason: "a plain volume takes only o=uid=N,gid=N; device= and other o= options need type=tmpfs or type=bind".into(),
                });
            }
            for x in &d.data {
                if x[4..].parse::<u32>().is_err() {
                    return Err(VolumeError::BadOption {
                        name: name.to_string(),
                        option: format!("o={x}"),
                        reason: "uid= and gid= take a number".into(),
                    });
                }
            }
        }
        "tmpfs" => {
            for x in &d.data {
                let key = x.split('=').next().unwrap_or("");
                if !matches!(
                    key,
                    "size" | "mode" | "uid" | "gid" | "nr_inodes" | "nr_blocks"
                ) {
                    return Err(VolumeError::BadOption {
                        name: name.to_string(),
                        option: format!("o={x}"),
                        reason: "tmpfs takes size, mode, uid, gid, nr_inodes and mount flags (ro, nosuid, nodev, noexec)".into(),
                    });
                }
            }
        }
        "bind" => {
            if d.device.is_empty() || !d.device.starts_with('/') {
                return Err(VolumeError::BadOption {
                    name: name.to_string(),
                    option: format!("device={}", d.device),
                    reason: "type=bind needs device=/absolute/host/path".into(),
                });
            }
            if let Err(e) = std::fs::metadata(&d.device) {
                return Err(VolumeError::BindDevice {
                    name: name.to_string(),
                    device: d.device.clone(),
                    source: IoReason(e),
                });
            }
            if let Some(x) = d.data.first() {
                return Err(VolumeError::BadOption {
                    name: name.to_string(),
                    option: format!("o={x}"),
                    reason: "a bind volume takes only mount flags (bind, rbind, ro, nosuid, nodev, noexec)".into(),
                });
            }
        }
        other => {
            return Err(VolumeError::BadOption {
                name: name.to_string(),
                option: format!("type={other}"),
                reason: "rootless volumes support type=tmpfs and type=bind".into(),
            })
        }
    }
    Ok(map)
}

fn driver_options(map: &BTreeMap<String, String>) -> DriverOptions {
    let mut d = DriverOptions {
        kind: map.get("type").cloned().unwrap_or_default(),
        device: map.get("device").cloned().unwrap_or_default(),
        ..Default::default()
    };
    for x in map
        .get("o")
        .map(String::as_str)
        .unwrap_or("")
        .split(',')
        .filter(|x| !x.is_empty())
    {
        if MOUNT_FLAGS.contains(&x) {
            d.flags.push(x.to_string());
        } else {
            d.data.push(x.to_string());
        }
    }
    d
}

impl DriverOptions {
    /// `o=uid=N,gid=N` of a plain volume: the owner its directory gets on first use.
    pub fn owner(&self) -> (Option<u32>, Option<u32>) {
        let get = |k: &str| {
            self.data
                .iter()
                .find_map(|x| x.strip_prefix(k).and_then(|v| v.parse().ok()))
        };
        (get("uid="), get("gid="))
    }
}

/// The driver options of a stored volume.
pub fn options_of(v: &Volume) -> DriverOptions {
    let map: BTreeMap<String, String> = serde_json::from_str(&v.options).unwrap_or_default();
    driver_options(&map)
}

pub fn labels_of(v: &Volume) -> BTreeMap<String, String> {
    serde_json::from_str(&v.labels).unwrap_or_default()
}

/// A volume's labels or options as the state stores them (a JSON object).
fn encode(
    name: &str,
    what: &'static str,
    map: &BTreeMap<String, String>,
) -> Result<String, VolumeError> {
    serde_json::to_string(map).map_err(|source| VolumeError::Encode {
        name: name.to_string(),
        what,
        source,
    })
}

/// Creates a volume: its row, then its directories (removed again if the row cannot be written).
pub fn create(db: &Db, paths: &Paths, req: &CreateVolume) -> Result<Volume> {
    let name = match &req.name {
        Some(n) => n.clone(),
        None => container::names::random_id(),
    };
    if !valid_name(&name) {
        return Err(VolumeError::BadName { name }.into());
    }
    let driver = req.driver.clone().unwrap_or_else(|| "local".into());
    if driver != "local" {
        return Err(VolumeError::BadDriver { name, driver }.into());
    }
    let options = parse_options(&name, &req.options)?;
    let mut labels = BTreeMap::new();
    for l in &req.labels {
        let (k, v) = l.split_once('=').unwrap_or((l.as_str(), ""));
        labels.insert(k.to_string(), v.to_string());
    }
    let vol = Volume {
        name: name.clone(),
        driver,
        created: Utc::now(),
        labels: encode(&name, "labels", &labels)?,
        options: encode(&name, "options", &options)?,
        anonymous: req.anonymous,
        needs_copy_up: true,
        needs_chown: true,
    };
    let dir = volume_dir(paths, &name);
    let data = data_dir(paths, &name);
    if db.volume(&name)?.is_some() {
        return Err(VolumeError::Exists { name }.into());
    }
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir)
            .map_err(vio(&name, &dir))?;
        std::fs::DirBuilder::new()
            .mode(0o755)
            .create(&data)
            .or_else(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    Ok(())
                } else {
                    Err(e)
                }
            })
            .map_err(vio(&name, &data))?;
    }
    match db.insert_volume(&vol) {
        Ok(()) => {}
        Err(StateError::VolumeExists { name }) => {
            return Err(VolumeError::Exists { name }.into());
        }
        Err(e) => {
            let _ = std::fs::remove_dir_all(&dir);
            return Err(e.into());
        }
    }
    tracing::debug!(volume = %name, "created volume");
    event(db, "create", &vol);
    Ok(vol)
}

/// Finds a volume by exact name, or by unique name prefix as podman does.
pub fn lookup(db: &Db, name: &str) -> Result<Volume> {
    if let Some(v) = db.volume(name)? {
        return Ok(v);
    }
    let mut m: Vec<Volume> = db
        .volumes()?
        .into_iter()
        .filter(|v| v.name.starts_with(name))
        .collect();
    if m.len() == 1 && !name.is_empty() {
        return Ok(m.remove(0));
    }
    Err(VolumeError::NotFound {
        name: name.to_string(),
    }
    .into())
}

/// Every container's volume names, read from their stored configuration.
pub fn usage(db: &Db) -> Result<BTreeMap<String, Vec<Container>>> {
    let mut out: BTreeMap<String, Vec<Container>> = BTreeMap::new();
    for c in db.containers()? {
        let Ok(cfg) = container::config_of(&c) else {
            continue;
        };
        for m in &cfg.mounts {
            if m.kind == "volume" {
                let users = out.entry(m.source.clone()).or_default();
                if !users.iter().any(|u| u.id == c.id) {
                    users.push(c.clone());
                }
            }
        }
    }
    Ok(out)
}

/// Containers using volume `name`.
pub fn users(db: &Db, name: &str) -> Result<Vec<Container>> {
    Ok(usage(db)?.remove(name).unwrap_or_default())
}

/// Removes a volume no container uses: unmounts a tmpfs volume, deletes the data (call inside
/// the user namespace: files may belong to the container's users), then the row.
pub fn remove(db: &Db, paths: &Paths, v: &Volume) -> Result<()> {
    let users = users(db, &v.name)?;
    if !users.is_empty() {
        return Err(VolumeError::InUse {
            name: v.name.clone(),
            containers: users.into_iter().map(|c| c.name).collect(),
        }
        .into());
    }
    let data = data_dir(paths, &v.name);
    if crate::container::is_mount_point(&data) {
        hutch_sys::mount::umount(&data, true).map_err(|source| VolumeError::Mount {
            name: v.name.clone(),
            what: "(unmount)".into(),
            path: data.clone(),
            source,
        })?;
    }
    let dir = volume_dir(paths, &v.name);
    match std::fs::remove_dir_all(&dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(vio(&v.name, &dir)(e).into()),
    }
    if db.delete_volume(&v.name)? {
        event(db, "remove", v);
    }
    Ok(())
}

/// Records a volume event for `hutch events` (best effort: the change itself is done).
fn event(db: &Db, action: &str, v: &Volume) {
    let ev = hutch_state::NewEvent {
        kind: "volume".into(),
        action: action.into(),
        id: v.name.clone(),
        name: v.name.clone(),
        attributes: json!({"driver": v.driver}).to_string(),
    };
    if let Err(e) = db.add_event(&ev) {
        tracing::warn!("volume {}: recording the {action} event: {e}", v.name);
    }
}

/// Volume filters: name=, label=KEY[=VALUE], label!=, dangling=true|false, driver=, until=.
pub use crate::filters::Filters;

/// Volumes matching `filters`, with whether a container uses each.
pub fn list(db: &Db, filters: &Filters) -> Result<Vec<(Volume, bool)>> {
    let usage = usage(db)?;
    Ok(db
        .volumes()?
        .into_iter()
        .map(|v| {
            let used = usage.contains_key(&v.name);
            (v, used)
        })
        .filter(|(v, used)| crate::filters::volume_matches(filters, v, &labels_of(v), *used))
        .collect())
}

/// Removes every volume no container uses that matches `filters`; returns the names removed.
pub fn prune(db: &Db, paths: &Paths, filters: &Filters) -> Result<Vec<(String, u64)>> {
    let mut removed = Vec::new();
    for (v, used) in list(db, filters)? {
        if used {
            continue;
        }
        let size = size(paths, &v.name);
        remove(db, paths, &v)?;
        removed.push((v.name, size));
    }
    Ok(removed)
}

/// Bytes used by the volume's data (apparent sizes; unreadable entries count as 0).
pub fn size(paths: &Paths, name: &str) -> u64 {
    dir_size(&data_dir(paths, name))
}

pub fn dir_size(path: &Path) -> u64 {
    let Ok(m) = std::fs::symlink_metadata(path) else {
        return 0;
    };
    if !m.is_dir() {
        return m.len();
    }
    std::fs::read_dir(path)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| dir_size(&e.path()))
        .sum()
}

/// podman's `volume inspect` object.
pub fn inspect(paths: &Paths, v: &Volume) -> Value {
    let opts: BTreeMap<String, String> = serde_json::from_str(&v.options).unwrap_or_default();
    let data = data_dir(paths, &v.name);
    let (uid, gid) = {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(&data)
            .map(|m| (m.uid(), m.gid()))
            .unwrap_or((0, 0))
    };
    let d = options_of(v);
    let mut value = json!({
        "Name": v.name,
        "Driver": v.driver,
        "Mountpoint": data,
        "CreatedAt": v.created.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        "Labels": labels_of(v),
        "Scope": "local",
        "Options": opts,
        "MountCount": u32::from(crate::container::is_mount_point(&data)),
        "NeedsCopyUp": v.needs_copy_up,
        "NeedsChown": v.needs_chown,
        "Anonymous": v.anonymous,
        "LockNumber": 0,
    });
    if d.kind == "tmpfs" || d.kind == "bind" {
        value["Options"]["type"] = json!(d.kind);
    }
    if uid != 0 || gid != 0 {
        value["UID"] = json!(uid);
        value["GID"] = json!(gid);
    }
    value
}

/// `volume export`: the data as a tar stream.
pub fn export<W: std::io::Write>(paths: &Paths, v: &Volume, out: W) -> Result<W> {
    archive::export(&data_dir(paths, &v.name), out)
}

/// `volume import`: extracts a tar stream into the data, never outside it.
pub fn import<R: std::io::Read>(paths: &Paths, v: &Volume, input: R) -> Result<u64> {
    let data = data_dir(paths, &v.name);
    archive::Writer::new(&data).tar(Path::new("/"), input)
}

/// The volume verbs that need the engine handle's paths and database.
impl crate::Engine {
    /// Creates a volume. With `existing_ok`, a volume of that name is returned as it is
    /// (podman's `--ignore`; Docker's create always does this).
    pub fn create_volume(&self, req: &CreateVolume, existing_ok: bool) -> Result<Volume> {
        self.paths().ensure_dirs()?;
        if existing_ok {
            if let Some(name) = &req.name {
                if let Some(v) = self.db().volume(name)? {
                    return Ok(v);
                }
            }
        }
        create(self.db(), self.paths(), req)
    }

    /// Removes volume `name` and returns its name. A volume in use is refused unless
    /// `remove_users`, which removes the containers using it first (podman's `volume rm -f`),
    /// stopping running ones with `timeout`.
    pub fn remove_volume(
        &self,
        name: &str,
        remove_users: bool,
        timeout: Option<u32>,
    ) -> Result<String> {
        let db = self.db();
        let v = lookup(db, name)?;
        if remove_users {
            for c in users(db, &v.name)? {
                let opts = crate::RemoveOptions {
                    force: true,
                    volumes: false,
                    timeout,
                    depend: false,
                };
                match self.remove(&c.id, opts) {
                    // Removed meanwhile.
                    Err(EngineError::Container(e))
                        if matches!(*e, container::ContainerError::NotFound { .. }) => {}
                    r => drop(r?),
                }
            }
        }
        remove(db, self.paths(), &v)?;
        Ok(v.name)
    }

    /// Volumes matching `filters`, with whether a container uses each.
    pub fn volumes(&self, filters: &Filters) -> Result<Vec<(Volume, bool)>> {
        list(self.db(), filters)
    }

    /// Volume `name` (exact, or a unique prefix) with the containers using it.
    pub fn volume(&self, name: &str) -> Result<(Volume, Vec<Container>)> {
        let v = lookup(self.db(), name)?;
        let users = users(self.db(), &v.name)?;
        Ok((v, users))
    }

    /// Removes the unused volumes matching `filters`; returns their names and sizes.
    pub fn prune_volumes(&self, filters: &Filters) -> Result<Vec<(String, u64)>> {
        prune(&self.db().clone(), self.paths(), filters)
    }

    /// `volume mount`: where volume `name`'s data is on the host. A local volume needs no
    /// mount (its data is a directory; a `type=bind` volume's is its device), so this only
    /// finds it, and `volume unmount` has nothing to undo.
    pub fn volume_path(&self, name: &str) -> Result<PathBuf> {
        let v = lookup(self.db(), name)?;
        let d = options_of(&v);
        Ok(if d.kind == "bind" {
            PathBuf::from(d.device)
        } else {
            data_dir(self.paths(), &v.name)
        })
    }

    /// Writes volume `name`'s data to `out` as a tar stream, returning `out`.
    pub fn export_volume<W: std::io::Write>(&self, name: &str, out: W) -> Result<W> {
        export(self.paths(), &lookup(self.db(), name)?, out)
    }

    /// Extracts a tar stream into volume `name`'s data; returns the bytes read.
    pub fn import_volume<R: std::io::Read>(&self, name: &str, input: R) -> Result<u64> {
        import(self.paths(), &lookup(self.db(), name)?, input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_options() {
        assert!(valid_name("data") && valid_name("a.b-c_1"));
        assert!(!valid_name("-x") && !valid_name("a/b") && !valid_name(""));
        let o =
            |v: &[&str]| parse_options("v", &v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert!(o(&["type=tmpfs", "device=tmpfs", "o=size=1m,nodev"]).is_ok());
        let d = driver_options(&o(&["type=tmpfs", "o=size=1m,nodev"]).unwrap());
        assert_eq!(
            (d.flags, d.data),
            (vec!["nodev".to_string()], vec!["size=1m".to_string()])
        );
        assert!(o(&["type=ext4", "device=/dev/sda"]).is_err());
        assert!(o(&["bogus=1"]).is_err());
        let missing = o(&["type=bind", "device=/does/not/exist"]).unwrap_err();
        assert!(
            matches!(&missing, VolumeError::BindDevice { device, source, .. }
                if device == "/does/not/exist" && source.0.kind() == std::io::ErrorKind::NotFound),
            "{missing:?}"
        );
        assert_eq!(
            missing.to_string(),
            "volume v: invalid option \"device=/does/not/exist\": statfs /does/not/exist: \
             no such file or directory"
        );
        assert!(o(&["type=bind", "device=/tmp"]).is_ok());
        assert!(o(&["type=tmpfs", "o=weird"]).is_err());
        let d = driver_options(&o(&["o=uid=1000,gid=50"]).unwrap());
        assert_eq!(d.owner(), (Some(1000), Some(50)));
        assert!(o(&["o=size=1m"]).is_err());
        assert!(o(&["o=uid=x"]).is_err());
    }
}
