//! Copies in and out of a container, for `cp` and Docker's archive endpoints: the container's
//! files as it sees them (`with_container_files`: a running container's through its own mount
//! namespace, so tmpfs, volumes and binds included), the stat of a path, a tar of it, a tar
//! extracted into a directory, and the whole root filesystem (`export`). Paths resolve inside
//! the container's root (see `archive`).

use super::archive::{self, Owners, TarWriter, TreeMode};
use super::lifecycle::{PAUSED, RUNNING};
use super::rootfs::View;
use super::spec::KeepId;
use super::{config_of, ContainerError};
use crate::{EngineError, Result};
use std::io::{Read, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// Where a stopped container's volumes and binds are on the host (container path, host
/// path): `cp` reads and writes them there, as it would through the running container.
fn stopped_mounts(paths: &crate::Paths, cfg: &super::ContainerConfig) -> Vec<(PathBuf, PathBuf)> {
    cfg.mounts
        .iter()
        .filter_map(|m| {
            let src = match m.kind.as_str() {
                "bind" => PathBuf::from(&m.source),
                "volume" if !m.source.is_empty() => crate::volumes::data_dir(paths, &m.source),
                _ => return None,
            };
            Some((PathBuf::from(&m.destination), src))
        })
        .collect()
}

/// How `copy_into` writes.
#[derive(Debug, Clone, Copy, Default)]
pub struct CopyInto {
    /// Refuse to replace a non-directory with a directory (Docker's `noOverwriteDirNonDir`).
    pub keep_non_dirs: bool,
    /// Give everything to the container's user (podman's `cp --archive`, Docker's
    /// `copyUIDGID`); else the tar's owners are kept.
    pub archive: bool,
    /// Replace a directory with a non-directory (podman's `cp --overwrite`).
    pub replace_dirs: bool,
    /// Pause a running container meanwhile.
    pub pause: bool,
}

/// A path in a container as Docker's `X-Docker-Container-Path-Stat` describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathStat {
    /// The base name of the path asked for (`.` for `DIR/.`).
    pub name: String,
    pub size: u64,
    /// `st_mode`: type and permission bits.
    pub mode: u32,
    pub mtime: chrono::DateTime<chrono::Utc>,
    /// A symlink's target, else empty.
    pub link_target: String,
}

fn base_of(path: &str) -> String {
    if path.ends_with("/.") || path == "." {
        return ".".into();
    }
    Path::new("/")
        .join(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "/".into())
}

fn stat(name: String, host: &Path) -> Result<PathStat> {
    let m = std::fs::symlink_metadata(host).map_err(|e| EngineError::io(host, e))?;
    let link_target = if m.file_type().is_symlink() {
        std::fs::read_link(host)
            .map_err(|e| EngineError::io(host, e))?
            .to_string_lossy()
            .into_owned()
    } else {
        String::new()
    };
    Ok(PathStat {
        name,
        size: m.len(),
        mode: m.mode(),
        mtime: chrono::DateTime::from_timestamp(m.mtime(), m.mtime_nsec() as u32)
            .unwrap_or_default(),
        link_target,
    })
}

/// A container's files as its processes see them, for one copy.
pub struct ContainerFiles {
    /// The container's name, for messages.
    pub name: String,
    /// Where the container's `/` is: `/proc/PID/root` of a running container (its mounts
    /// below), else its root filesystem, mounted for the copy, with its volumes and binds.
    pub view: View,
    /// The working directory relative paths start from.
    pub workdir: PathBuf,
    /// The container's user and group as hutch's namespace numbers them: who owns what `cp`
    /// copies in (podman's `--archive`).
    pub user: (u32, u32),
    /// The keep-id namespace of the container, if it has one.
    pub keep_id: Option<KeepId>,
}

impl ContainerFiles {
    /// Container path `path` made absolute: a relative one starts at the working directory.
    pub fn absolute(&self, path: &str) -> PathBuf {
        self.workdir.join(path)
    }

    /// Where `cp` puts what it copies in: the container's user, or (`archive` false) the
    /// owners the source names.
    pub fn owners(&self, archive: bool) -> Owners {
        if archive {
            Owners::All(self.user.0, self.user.1)
        } else {
            Owners::Kept(self.keep_id)
        }
    }

    /// A tar writer that names owners as the container does.
    pub fn tar_writer<W: Write>(&self, out: W) -> TarWriter<W> {
        TarWriter::new(out).container_ids(self.keep_id)
    }
}

impl crate::Engine {
    /// Runs `f` on container `name`'s files as its processes see them. A running container is
    /// reached through `/proc/PID/root`, which crosses into its mount namespace, so a path
    /// under a tmpfs, volume or bind mount is the mount's; `pause` stops it meanwhile (as
    /// podman's `cp --pause`). A stopped container's root filesystem is mounted for `f`.
    pub fn with_container_files<T>(
        &self,
        name: &str,
        pause: bool,
        f: impl FnOnce(&ContainerFiles) -> Result<T>,
    ) -> Result<T> {
        self.with_container(name, |ops, c| {
            let cfg = config_of(&c)?;
            let keep_id = ops.keep_id(&cfg)?;
            let live = (c.run.state == RUNNING || c.run.state == PAUSED)
                && c.run.pid > 0
                && Path::new(&format!("/proc/{}/root", c.run.pid)).exists();
            let files = |root: &Path| -> Result<ContainerFiles> {
                let (uid, gid) = match keep_id {
                    Some(k) if cfg.user.is_empty() => (k.uid, k.gid),
                    // A user the image does not know is no reason to refuse a copy: root's.
                    _ => super::spec::resolve_user(&c.id, root, &cfg.user, &[])
                        .map(|u| (u.uid, u.gid))
                        .unwrap_or_else(|e| {
                            tracing::debug!("container {}: {e}; copies belong to root", c.id);
                            (0, 0)
                        }),
                };
                let user = match keep_id {
                    Some(k) => (k.hutch_uid(uid), k.hutch_gid(gid)),
                    None => (uid, gid),
                };
                Ok(ContainerFiles {
                    name: c.name.clone(),
                    view: View {
                        root: root.to_path_buf(),
                        mounts: if live {
                            Vec::new()
                        } else {
                            stopped_mounts(self.paths(), &cfg)
                        },
                    },
                    workdir: Path::new("/").join(&cfg.workdir),
                    user,
                    keep_id,
                })
            };
            if !live {
                return ops.with_rootfs(&c, |root| f(&files(root)?));
            }
            let paused = if pause && c.run.state == RUNNING {
                Some(ops.pause(&c, true)?)
            } else {
                None
            };
            let root = PathBuf::from(format!("/proc/{}/root", c.run.pid));
            let r = files(&root).and_then(|fs| f(&fs));
            if let Some(p) = paused {
                if let Err(e) = ops.pause(&p, false) {
                    tracing::warn!("container {}: unpausing after the copy: {e}", c.name);
                    if r.is_ok() {
                        return Err(e);
                    }
                }
            }
            r
        })
    }

    /// The stat of `path` in container `name`, then (when `on_stat` says so) a tar of it to
    /// `out`, its entries named by the path's base name.
    pub fn copy_from<W: Write>(
        &self,
        name: &str,
        path: &str,
        on_stat: impl FnOnce(&PathStat) -> bool,
        out: W,
    ) -> Result<Option<W>> {
        self.with_container_files(name, false, |fs| {
            let abs = fs.absolute(path);
            let (resolved, _) =
                archive::resolve_source(&fs.view, &abs.to_string_lossy()).map_err(|_| {
                    ContainerError::NoSuchPath {
                        container: fs.name.clone(),
                        path: path.to_string(),
                    }
                })?;
            let base = base_of(path);
            if !on_stat(&stat(base.clone(), &resolved)?) {
                return Ok(None);
            }
            let mut t = fs.tar_writer(out);
            t.append_tree(&resolved, &base, TreeMode::Plain)
                .map_err(|e| EngineError::io(&resolved, e))?;
            t.finish()
                .map(Some)
                .map_err(|e| EngineError::io(&resolved, e))
        })
    }

    /// Extracts the tar stream `input` (plain, gzip or zstd) into directory `path` of
    /// container `name` (which must exist); returns how many entries were written.
    /// `keep_non_dirs`: a file in the way of a directory is an error (it is replaced
    /// otherwise). `archive`: everything belongs to the container's user (podman's `cp`);
    /// else the entries keep the owners the tar names.
    pub fn copy_into<R: Read>(
        &self,
        name: &str,
        path: &str,
        input: R,
        opts: CopyInto,
    ) -> Result<u64> {
        self.with_container_files(name, opts.pause, |fs| {
            let dest = fs.absolute(path);
            let resolved = fs
                .view
                .resolve(&dest, true)
                .map_err(|e| EngineError::io(&dest, e))?;
            match std::fs::metadata(&resolved) {
                Ok(m) if m.is_dir() => {}
                Ok(_) => {
                    return Err(archive::CopyError::StreamNeedsDirectory {
                        container: fs.name.clone(),
                        path: path.to_string(),
                    }
                    .into())
                }
                Err(_) => {
                    return Err(ContainerError::NoSuchPath {
                        container: fs.name.clone(),
                        path: path.to_string(),
                    }
                    .into())
                }
            }
            archive::Writer::in_view(fs.view.clone())
                .keep_non_dirs(opts.keep_non_dirs)
                .replace_dirs(opts.replace_dirs)
                .owners(fs.owners(opts.archive))
                .tar(&dest, input)
        })
    }

    /// Writes container `name`'s whole root filesystem to `out` as a tar stream; `started`
    /// is called once the root filesystem is there (errors before it are about the container).
    pub fn export<W: Write>(&self, name: &str, started: impl FnOnce(), out: W) -> Result<W> {
        self.with_container(name, |ops, c| {
            let keep_id = ops.keep_id(&config_of(&c)?)?;
            ops.with_rootfs(&c, |root| {
                started();
                archive::export_as(root, out, keep_id)
            })
        })
    }
}

impl crate::Engine {
    /// `cp HOST_PATH CONTAINER:PATH`: docker's and podman's rules for where the copy goes
    /// (into `PATH` when it is a directory, else as `PATH`); `contents` copies a directory's
    /// contents (`SRC/.`).
    pub fn copy_host_to_container(
        &self,
        src: &Path,
        contents: bool,
        name: &str,
        path: &str,
        opts: CopyInto,
    ) -> Result<()> {
        let src_meta = std::fs::symlink_metadata(src).map_err(|e| EngineError::io(src, e))?;
        self.with_container_files(name, opts.pause, |fs| {
            let dest = fs.absolute(path);
            let resolved = fs
                .view
                .resolve(&dest, true)
                .map_err(|e| EngineError::io(&dest, e))?;
            let dest_is_dir = resolved.is_dir();
            if !dest_is_dir && path.ends_with('/') {
                return Err(archive::CopyError::NoSuchDirectory {
                    container: fs.name.clone(),
                    path: path.to_string(),
                }
                .into());
            }
            let target = if dest_is_dir && !(contents && src_meta.is_dir()) {
                dest.join(src.file_name().unwrap_or_default())
            } else {
                dest.clone()
            };
            archive::Writer::in_view(fs.view.clone())
                .keep_non_dirs(opts.keep_non_dirs)
                .replace_dirs(opts.replace_dirs)
                .owners(fs.owners(opts.archive))
                .host_tree(src, &target)
        })
    }

    /// `cp CONTAINER:PATH HOST_PATH`.
    pub fn copy_container_to_host(
        &self,
        name: &str,
        path: &str,
        dest: &Path,
        pause: bool,
    ) -> Result<()> {
        self.with_container_files(name, pause, |fs| {
            let abs = fs.absolute(path);
            let contents = path.ends_with("/.") || path == ".";
            let (resolved, _) = archive::resolve_source(&fs.view, &abs.to_string_lossy())?;
            archive::copy_out(&resolved, contents, dest)
        })
    }

    /// `cp CONTAINER:PATH -`: a tar stream of the path, owners as the container sees them.
    pub fn copy_container_to_stream<W: Write>(
        &self,
        name: &str,
        path: &str,
        out: W,
        pause: bool,
    ) -> Result<W> {
        self.with_container_files(name, pause, |fs| {
            let abs = fs.absolute(path);
            let contents = path.ends_with("/.") || path == ".";
            let (resolved, _) = archive::resolve_source(&fs.view, &abs.to_string_lossy())?;
            archive::copy_out_tar(&resolved, contents, out, fs.keep_id)
        })
    }

    /// `cp C1:PATH C2:PATH`: through a private directory on the host, as a copy out of one
    /// and into the other would go.
    pub fn copy_between(
        &self,
        from: &str,
        from_path: &str,
        to: &str,
        to_path: &str,
        opts: CopyInto,
    ) -> Result<()> {
        use std::os::unix::fs::DirBuilderExt;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default();
        // On disk beside the layers' staging (not the runtime directory, a small tmpfs),
        // named so that `clean_stale` removes it if this process dies.
        let tmp = self
            .paths()
            .graphroot
            .join("tmp")
            .join(format!("{}-cp-{nanos}", std::process::id()));
        std::fs::DirBuilder::new()
            .mode(0o700)
            .recursive(true)
            .create(&tmp)
            .map_err(|e| EngineError::io(&tmp, e))?;
        let r = (|| {
            let contents = from_path.ends_with("/.") || from_path == ".";
            let base = Path::new("/")
                .join(from_path)
                .file_name()
                .map(|n| n.to_os_string())
                .unwrap_or_else(|| "root".into());
            let staged = tmp.join(&base);
            self.copy_container_to_host(from, from_path, &staged, opts.pause)?;
            self.copy_host_to_container(&staged, contents, to, to_path, opts)
        })();
        if let Err(e) = std::fs::remove_dir_all(&tmp) {
            tracing::warn!("removing {}: {e}", tmp.display());
        }
        r
    }
}
