//! Where hutch keeps things: the graphroot (persistent: database, layers), the runroot (tmpfs:
//! pause process pid, locks, mounts' runtime state) and the configuration directories.

use std::path::{Path, PathBuf};

/// Global options from the command line (or the API service's configuration).
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub root: Option<PathBuf>,
    pub runroot: Option<PathBuf>,
    pub storage_driver: Option<String>,
    /// `--volumepath`: where named volumes live [default: containers.conf's `volume_path`,
    /// else graphroot/volumes].
    pub volume_path: Option<PathBuf>,
    /// `--runtime-flag`: options for the OCI runtime, each given to it as `--FLAG`.
    pub runtime_flags: Vec<String>,
    /// `--events-backend`: file or none [default: containers.conf's `events_logger`, else file].
    pub events_backend: Option<String>,
    /// `--storage-opt KEY=VALUE`: storage driver options, shown in `info`.
    pub storage_opts: Vec<String>,
    /// `--default-mounts-file`: podman's mounts.conf, applied to every new container.
    pub default_mounts_file: Option<PathBuf>,
}

/// The global settings every part of the engine (and a monitor's exit command) must see the
/// same way: the command line's, else containers.conf's `[engine]` table, else the defaults.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Where named volumes live.
    pub volume_path: PathBuf,
    /// `--volumepath` was given (passed on to the exit command).
    pub volume_path_given: bool,
    pub runtime_flags: Vec<String>,
    /// "file" (hutch's own event log) or "none" (no events recorded).
    pub events_logger: String,
    /// containers.conf's `events_logfile_path`, shown in `info`.
    pub events_logfile_path: Option<PathBuf>,
    pub storage_opts: Vec<String>,
    pub default_mounts_file: Option<PathBuf>,
    /// containers.conf's `[engine] runtime` (the runtime `--runtime` overrides).
    pub conf_runtime: Option<String>,
}

impl Settings {
    /// Events are recorded (the backend is not "none").
    pub fn events_recorded(&self) -> bool {
        self.events_logger != "none"
    }
}

/// The `[engine]` table of the user's containers.conf, if there is one.
pub fn containers_conf_engine(config_home: &Path) -> Option<toml::Value> {
    let text = std::fs::read_to_string(config_home.join("containers/containers.conf")).ok()?;
    let v: toml::Value = toml::from_str(&text).ok()?;
    v.get("engine").cloned()
}

#[derive(Debug, Clone)]
pub struct Paths {
    /// Persistent storage: `hutch.db`, `layers/`, `tmp/`, `mounts/`.
    pub graphroot: PathBuf,
    /// Runtime state on tmpfs: `pause.pid`, locks.
    pub runroot: PathBuf,
    /// `$XDG_CONFIG_HOME` (or `~/.config`), home of `containers/registries.conf` and friends.
    pub config_home: PathBuf,
    /// `$XDG_RUNTIME_DIR` when it is usable, for `containers/auth.json`.
    pub xdg_runtime_dir: Option<PathBuf>,
    pub home: PathBuf,
    pub uid: u32,
    pub gid: u32,
    pub storage_driver: Option<String>,
    /// Set when XDG_RUNTIME_DIR could not be used and the runroot fell back to /tmp.
    pub runtime_dir_warning: Option<String>,
    pub settings: Settings,
}

impl Paths {
    /// Works out every path from the options and the environment. Never fails: an unusable
    /// XDG_RUNTIME_DIR (unset, or not ours as after `su`) falls back to a private directory under
    /// /tmp, and the reason is kept in `runtime_dir_warning`.
    pub fn resolve(opts: &Options) -> Paths {
        // Inside our user namespace (under `hutch unshare`) getuid() says 0: use the user's
        // host ids so nested hutch commands find the same storage.
        let (uid, gid) = crate::userns::host_ids()
            .unwrap_or_else(|| (hutch_sys::process::getuid(), hutch_sys::process::getgid()));
        let home = std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("/"));
        let env_dir = |var: &str| {
            std::env::var_os(var)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
        };
        let data_home = env_dir("XDG_DATA_HOME").unwrap_or_else(|| home.join(".local/share"));
        let config_home = env_dir("XDG_CONFIG_HOME").unwrap_or_else(|| home.join(".config"));

        let (xdg_runtime_dir, runtime_dir_warning) = match env_dir("XDG_RUNTIME_DIR") {
            Some(dir) => match check_owned_dir(&dir, hutch_sys::process::getuid()) {
                Ok(()) => (Some(dir), None),
                Err(why) => (
                    None,
                    Some(format!(
                        "XDG_RUNTIME_DIR {} is not usable ({why}); using {} instead",
                        dir.display(),
                        fallback_runtime_dir(uid).display()
                    )),
                ),
            },
            None if uid == 0 => (None, None),
            None => (
                None,
                Some(format!(
                    "XDG_RUNTIME_DIR is not set; using {} instead",
                    fallback_runtime_dir(uid).display()
                )),
            ),
        };

        let graphroot = opts.root.clone().unwrap_or_else(|| {
            if uid == 0 {
                PathBuf::from("/var/lib/hutch/storage")
            } else {
                data_home.join("hutch/storage")
            }
        });
        let (runroot, runtime_dir_warning) = match &opts.runroot {
            Some(r) => (r.clone(), None),
            None if uid == 0 && xdg_runtime_dir.is_none() => (PathBuf::from("/run/hutch"), None),
            None => match &xdg_runtime_dir {
                Some(d) => (d.join("hutch"), None),
                None => (fallback_runtime_dir(uid).join("hutch"), runtime_dir_warning),
            },
        };
        let conf = containers_conf_engine(&config_home);
        let conf_str = |k: &str| {
            conf.as_ref()
                .and_then(|c| c.get(k))
                .and_then(|v| v.as_str())
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let settings = Settings {
            volume_path: opts
                .volume_path
                .clone()
                .or_else(|| conf_str("volume_path").map(PathBuf::from))
                .unwrap_or_else(|| graphroot.join("volumes")),
            volume_path_given: opts.volume_path.is_some(),
            runtime_flags: opts.runtime_flags.clone(),
            events_logger: opts
                .events_backend
                .clone()
                .or_else(|| conf_str("events_logger"))
                .unwrap_or_else(|| "file".into()),
            events_logfile_path: conf_str("events_logfile_path").map(PathBuf::from),
            storage_opts: opts.storage_opts.clone(),
            default_mounts_file: opts.default_mounts_file.clone(),
            conf_runtime: conf_str("runtime"),
        };
        Paths {
            settings,
            graphroot,
            runroot,
            config_home,
            xdg_runtime_dir,
            home,
            uid,
            gid,
            storage_driver: opts.storage_driver.clone(),
            runtime_dir_warning,
        }
    }

    pub fn rootless(&self) -> bool {
        self.uid != 0
    }

    pub fn db_path(&self) -> PathBuf {
        self.graphroot.join("hutch.db")
    }

    /// Directory holding `containers/auth.json`: `$XDG_RUNTIME_DIR`, or the private fallback.
    pub fn auth_runtime_dir(&self) -> PathBuf {
        self.xdg_runtime_dir
            .clone()
            .unwrap_or_else(|| fallback_runtime_dir(self.uid))
    }

    /// Creates the graphroot and runroot (0700) when missing; a private fallback runtime
    /// directory is created and checked here too.
    pub fn ensure_dirs(&self) -> crate::Result<()> {
        for dir in [&self.graphroot, &self.runroot] {
            create_private_dir(dir)?;
        }
        Ok(())
    }
}

/// `/tmp/hutch-run-UID`, used when XDG_RUNTIME_DIR is missing or belongs to someone else.
pub fn fallback_runtime_dir(uid: u32) -> PathBuf {
    PathBuf::from(format!("/tmp/hutch-run-{uid}"))
}

/// Why `XDG_RUNTIME_DIR` cannot be used (said in the warning that falls back to /tmp).
#[derive(Debug, thiserror::Error)]
enum Unusable {
    #[error("{0}")]
    Stat(#[source] std::io::Error),
    #[error("not a directory")]
    NotADirectory,
    #[error("owned by uid {owner}, not by uid {uid}")]
    NotOwned { owner: u32, uid: u32 },
    #[error("not writable")]
    NotWritable(#[source] hutch_sys::SysError),
}

fn check_owned_dir(dir: &Path, uid: u32) -> Result<(), Unusable> {
    use std::os::unix::fs::MetadataExt;
    let md = std::fs::metadata(dir).map_err(Unusable::Stat)?;
    if !md.is_dir() {
        return Err(Unusable::NotADirectory);
    }
    if md.uid() != uid {
        return Err(Unusable::NotOwned {
            owner: md.uid(),
            uid,
        });
    }
    hutch_sys::process::access_writable(dir).map_err(Unusable::NotWritable)?;
    Ok(())
}

fn create_private_dir(dir: &Path) -> crate::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, MetadataExt};
    match std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
    {
        Ok(()) => {}
        Err(e) => return Err(crate::EngineError::io(dir, e)),
    }
    // The /tmp fallback is shared with other users: refuse one that someone else made for us.
    let md = std::fs::symlink_metadata(dir).map_err(|e| crate::EngineError::io(dir, e))?;
    let uid = hutch_sys::process::getuid();
    if md.uid() != uid && !hutch_sys::process::in_user_namespace() {
        return Err(crate::EngineError::NotOwned {
            path: dir.to_path_buf(),
            owner: md.uid(),
            uid,
        });
    }
    Ok(())
}
