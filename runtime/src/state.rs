//! The state of each container in `--root`: `ROOT/ID/state.json` (pid, its start time to tell
//! a reused pid, bundle, created time, annotations), `exec.fifo` while it waits for `start`,
//! and a lock on the directory that every verb takes.

use anyhow::{anyhow, bail, Context, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};

pub const FIFO: &str = "exec.fifo";
const STATE: &str = "state.json";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Saved {
    pub id: String,
    pub pid: i32,
    /// Field 22 of /proc/PID/stat when the container was created.
    pub start_time: u64,
    pub bundle: PathBuf,
    pub rootfs: PathBuf,
    pub created: String,
    #[serde(default)]
    pub annotations: HashMap<String, String>,
    /// The container's cgroup v2 directory, when the runtime made one.
    #[serde(default)]
    pub cgroup: Option<PathBuf>,
    /// Whether the container has a pid namespace of its own (then killing its init ends all).
    #[serde(default)]
    pub own_pidns: bool,
    #[serde(default)]
    pub paused: bool,
}

pub struct Container {
    pub dir: PathBuf,
    pub saved: Saved,
    _lock: Lock,
}

pub fn default_root() -> PathBuf {
    // As runc: rootless (not root, or root only of a user namespace) with XDG_RUNTIME_DIR set.
    let rootless = nix::unistd::geteuid().as_raw() != 0 || hutch_sys::process::in_user_namespace();
    match std::env::var_os("XDG_RUNTIME_DIR").filter(|d| rootless && !d.is_empty()) {
        Some(d) => PathBuf::from(d).join("hutch-runtime"),
        None => PathBuf::from("/run/hutch-runtime"),
    }
}

pub fn check_id(id: &str) -> Result<()> {
    if id.is_empty()
        || id == "."
        || id == ".."
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_+.".contains(c))
    {
        bail!("invalid container id format: {id}");
    }
    Ok(())
}

pub type Lock = nix::fcntl::Flock<File>;

fn lock_dir(dir: &Path) -> Result<Lock> {
    let f = File::open(dir).with_context(|| format!("open {}", dir.display()))?;
    nix::fcntl::Flock::lock(f, nix::fcntl::FlockArg::LockExclusive)
        .map_err(|(_, e)| anyhow!("lock {}: {}", dir.display(), crate::errtext::errno(e)))
}

/// Makes the state directory of a new container, locked; fails when the id is taken.
pub fn create_dir(root: &Path, id: &str) -> Result<(PathBuf, Lock)> {
    check_id(id)?;
    std::fs::create_dir_all(root).with_context(|| format!("create {}", root.display()))?;
    let dir = root.join(id);
    match std::fs::create_dir(&dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!("container with id exists: {id}")
        }
        Err(e) => return Err(e).with_context(|| format!("create {}", dir.display())),
    }
    let lock = lock_dir(&dir)?;
    Ok((dir, lock))
}

impl Container {
    pub fn load(root: &Path, id: &str) -> Result<Container> {
        check_id(id)?;
        let dir = root.join(id);
        let lock = match File::open(&dir) {
            Ok(_) => lock_dir(&dir)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                bail!("container \"{id}\" does not exist")
            }
            Err(e) => return Err(e).with_context(|| format!("open {}", dir.display())),
        };
        let path = dir.join(STATE);
        let text = match std::fs::read(&path) {
            Ok(t) => t,
            // A create that died half-way: nothing runs.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                bail!("container \"{id}\" does not exist")
            }
            Err(e) => return Err(e).with_context(|| format!("read {}", path.display())),
        };
        let saved =
            serde_json::from_slice(&text).with_context(|| format!("parse {}", path.display()))?;
        Ok(Container {
            dir,
            saved,
            _lock: lock,
        })
    }

    pub fn new(dir: PathBuf, lock: Lock, saved: Saved) -> Container {
        Container {
            dir,
            saved,
            _lock: lock,
        }
    }

    pub fn save(&self) -> Result<()> {
        let tmp = self.dir.join(".state.json.tmp");
        std::fs::write(&tmp, serde_json::to_vec(&self.saved)?)
            .with_context(|| format!("write {}", tmp.display()))?;
        std::fs::rename(&tmp, self.dir.join(STATE))
            .with_context(|| format!("write {}", self.dir.join(STATE).display()))
    }

    /// Whether the container's init still runs (not a zombie, not a reused pid).
    pub fn alive(&self) -> bool {
        match start_time(self.saved.pid) {
            Some((t, zombie)) => t == self.saved.start_time && !zombie,
            None => false,
        }
    }

    pub fn status(&self) -> Status {
        if !self.alive() {
            Status::Stopped
        } else if self.dir.join(FIFO).exists() {
            Status::Created
        } else if self.saved.paused {
            Status::Paused
        } else {
            Status::Running
        }
    }

    /// runc's `state` output: the OCI state plus `rootfs`, `created` and `owner`.
    pub fn state_json(&self) -> serde_json::Value {
        let status = self.status();
        serde_json::json!({
            "ociVersion": "1.0.2",
            "id": self.saved.id,
            "pid": if status == Status::Stopped { 0 } else { self.saved.pid },
            "status": status.name(),
            "bundle": self.saved.bundle,
            "rootfs": self.saved.rootfs,
            "created": self.saved.created,
            "annotations": self.saved.annotations,
            "owner": "",
        })
    }

    pub fn remove(self) -> Result<()> {
        std::fs::remove_dir_all(&self.dir).with_context(|| format!("remove {}", self.dir.display()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Created,
    Running,
    Paused,
    Stopped,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Created => "created",
            Status::Running => "running",
            Status::Paused => "paused",
            Status::Stopped => "stopped",
        }
    }
}

/// The start time (field 22 of /proc/PID/stat) of `pid` and whether it is a zombie.
pub fn start_time(pid: i32) -> Option<(u64, bool)> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &text[text.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // `rest` starts at field 3 (state).
    let zombie = matches!(fields.first(), Some(&"Z") | Some(&"X"));
    Some((fields.get(19)?.parse().ok()?, zombie))
}
