//! Copies in and out of a container as tar streams, for Docker's archive endpoints and `cp -`:
//! the stat of a path, a tar of it, a tar extracted into a directory, and the whole root
//! filesystem (`export`). Paths resolve inside the container's root (see `archive`).

use super::archive::{self, TarWriter, TreeMode};
use super::rootfs::resolve_in_root;
use super::ContainerError;
use crate::{EngineError, Result};
use std::io::{Read, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

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

impl crate::Engine {
    /// The stat of `path` in container `name`, then (when `on_stat` says so) a tar of it to
    /// `out`, its entries named by the path's base name.
    pub fn copy_from<W: Write>(
        &self,
        name: &str,
        path: &str,
        on_stat: impl FnOnce(&PathStat) -> bool,
        out: W,
    ) -> Result<Option<W>> {
        let abs = Path::new("/").join(path);
        self.with_container(name, |ops, c| {
            ops.with_rootfs(&c, |root| {
                let (resolved, _) =
                    archive::resolve_source(root, &abs.to_string_lossy()).map_err(|_| {
                        ContainerError::NoSuchPath {
                            container: c.name.clone(),
                            path: path.to_string(),
                        }
                    })?;
                let base = base_of(path);
                if !on_stat(&stat(base.clone(), &resolved)?) {
                    return Ok(None);
                }
                let mut t = TarWriter::new(out);
                t.append_tree(&resolved, &base, TreeMode::Plain)
                    .map_err(|e| EngineError::io(&resolved, e))?;
                t.finish()
                    .map(Some)
                    .map_err(|e| EngineError::io(&resolved, e))
            })
        })
    }

    /// Extracts the tar stream `input` into directory `path` of container `name` (which must
    /// exist); returns how many entries were written. `keep_non_dirs`: a file in the way of a
    /// directory is an error (it is replaced otherwise).
    pub fn copy_into<R: Read>(
        &self,
        name: &str,
        path: &str,
        input: R,
        keep_non_dirs: bool,
    ) -> Result<u64> {
        let dest = PathBuf::from("/").join(path);
        self.with_container(name, |ops, c| {
            ops.with_rootfs(&c, |root| {
                let resolved =
                    resolve_in_root(root, &dest, true).map_err(|e| EngineError::io(&dest, e))?;
                match std::fs::metadata(&resolved) {
                    Ok(m) if m.is_dir() => {}
                    Ok(_) => {
                        return Err(archive::CopyError::StreamNeedsDirectory {
                            container: c.name.clone(),
                            path: path.to_string(),
                        }
                        .into())
                    }
                    Err(_) => {
                        return Err(ContainerError::NoSuchPath {
                            container: c.name.clone(),
                            path: path.to_string(),
                        }
                        .into())
                    }
                }
                archive::Writer::new(root)
                    .keep_non_dirs(keep_non_dirs)
                    .tar(&dest, input)
            })
        })
    }

    /// Writes container `name`'s whole root filesystem to `out` as a tar stream; `started`
    /// is called once the root filesystem is there (errors before it are about the container).
    pub fn export<W: Write>(&self, name: &str, started: impl FnOnce(), out: W) -> Result<W> {
        self.with_container(name, |ops, c| {
            ops.with_rootfs(&c, |root| {
                started();
                archive::export(root, out)
            })
        })
    }
}
