//! Mounting a stack of layers: kernel overlayfs inside the user namespace, else the
//! fuse-overlayfs program, else vfs (a copy). Which one works is detected once per graphroot
//! with a real test mount and remembered in `graphroot/storage-driver`.

use std::ffi::OsStr;
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use hutch_sys::mount as sysmount;

use crate::tree;

#[derive(Debug, thiserror::Error)]
pub enum MountError {
    #[error("unknown storage driver {name:?}: valid drivers are overlay, fuse-overlayfs and vfs")]
    UnknownDriver { name: String },
    #[error("storage driver file {path}: {source}")]
    DriverFile {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(
        "cannot detect the storage driver for {graphroot}: {reason} (run it inside hutch's user \
         namespace, or pass --storage-driver)"
    )]
    Detect { graphroot: PathBuf, reason: String },
    #[error("mounting {target}: no layers given")]
    NoLayers { target: PathBuf },
    #[error("mounting {target}: layer path {path} contains ',', ':' or '\\', which overlay mount options cannot carry")]
    BadPath { target: PathBuf, path: PathBuf },
    #[error(
        "mounting {target}: overlay options are {len} bytes, more than the {limit} a mount accepts \
         (too many layers or too long paths)"
    )]
    TooLong {
        target: PathBuf,
        len: usize,
        limit: usize,
    },
    #[error("mounting {target} with {driver}: {source}")]
    Mount {
        target: PathBuf,
        driver: &'static str,
        #[source]
        source: io::Error,
    },
    #[error("mounting {target} with fuse-overlayfs: {message}")]
    Fuse { target: PathBuf, message: String },
    #[error("copying layer {layer} into {target}: {source}")]
    Copy {
        layer: PathBuf,
        target: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("unmounting {target}: {source}")]
    Unmount {
        target: PathBuf,
        #[source]
        source: io::Error,
    },
}

type Result<T, E = MountError> = std::result::Result<T, E>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Driver {
    Overlay,
    FuseOverlayfs,
    Vfs,
}

impl Driver {
    pub fn name(self) -> &'static str {
        match self {
            Driver::Overlay => "overlay",
            Driver::FuseOverlayfs => "fuse-overlayfs",
            Driver::Vfs => "vfs",
        }
    }

    pub fn parse(name: &str) -> Result<Driver> {
        match name {
            "overlay" => Ok(Driver::Overlay),
            "fuse-overlayfs" => Ok(Driver::FuseOverlayfs),
            "vfs" => Ok(Driver::Vfs),
            _ => Err(MountError::UnknownDriver {
                name: name.to_string(),
            }),
        }
    }
}

impl std::fmt::Display for Driver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

const DRIVER_FILE: &str = "storage-driver";
const OPAQUE_XATTR: &str = "user.overlay.opaque";
/// The mount data page, less its terminating NUL.
const MOUNT_DATA_LIMIT: usize = 4095;

/// The driver to use for `graphroot`: `forced` when given, else the one remembered there,
/// else detected now (with real test mounts) and remembered.
pub fn driver(graphroot: &Path, forced: Option<&str>) -> crate::Result<Driver> {
    if let Some(name) = forced {
        return Ok(Driver::parse(name)?);
    }
    let file = graphroot.join(DRIVER_FILE);
    match std::fs::read_to_string(&file) {
        Ok(s) => match Driver::parse(s.trim()) {
            Ok(d) => return Ok(d),
            Err(_) => tracing::warn!(
                "{}: unknown driver {:?}, detecting again",
                file.display(),
                s.trim()
            ),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(source) => return Err(MountError::DriverFile { path: file, source }.into()),
    }
    let driver = detect(graphroot)?;
    let tmp = graphroot.join(format!(".{DRIVER_FILE}.{}", std::process::id()));
    let write = || -> io::Result<()> {
        std::fs::create_dir_all(graphroot)?;
        std::fs::write(&tmp, format!("{}\n", driver.name()))?;
        std::fs::rename(&tmp, &file)
    };
    write().map_err(|source| MountError::DriverFile {
        path: file.clone(),
        source,
    })?;
    tracing::info!("storage driver for {}: {driver}", graphroot.display());
    Ok(driver)
}

/// Tries overlay, then fuse-overlayfs, each with a real mount whose whiteout and opaque
/// directory must behave; vfs always works.
pub fn detect(graphroot: &Path) -> Result<Driver> {
    let detect_err = |reason: String| MountError::Detect {
        graphroot: graphroot.to_path_buf(),
        reason,
    };
    // Named like a staging directory, so `clean_stale` removes it if we die here.
    let dir = graphroot.join("tmp").join(format!(
        "{}-driver-{:016x}",
        std::process::id(),
        rand::random::<u64>()
    ));
    std::fs::create_dir_all(&dir).map_err(|e| detect_err(format!("{}: {e}", dir.display())))?;
    let _cleanup = RemoveOnDrop(dir.clone());

    // Without mount privileges every test would fail and we would remember vfs for good.
    let probe = dir.join("probe");
    std::fs::create_dir(&probe).map_err(|e| detect_err(format!("{}: {e}", probe.display())))?;
    match sysmount::mount_tmpfs(&probe, "size=64k") {
        Ok(()) => {
            let _ = sysmount::umount(&probe, true);
        }
        Err(e) => return Err(detect_err(format!("no mount privileges ({e})"))),
    }

    match try_driver(Driver::Overlay, &dir.join("overlay")) {
        Ok(()) => return Ok(Driver::Overlay),
        Err(e) => tracing::info!("kernel overlay is not usable: {e}"),
    }
    match fuse_available().and_then(|()| try_driver(Driver::FuseOverlayfs, &dir.join("fuse"))) {
        Ok(()) => return Ok(Driver::FuseOverlayfs),
        Err(e) => tracing::info!("fuse-overlayfs is not usable: {e}"),
    }
    tracing::warn!("neither kernel overlay nor fuse-overlayfs works here: using vfs (slow, copies every layer)");
    Ok(Driver::Vfs)
}

struct RemoveOnDrop(PathBuf);
impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        if let Err(e) = tree::remove_tree(&self.0) {
            tracing::warn!("cannot remove {}: {e}", self.0.display());
        }
    }
}

fn fuse_available() -> Result<(), String> {
    find_program("fuse-overlayfs").ok_or("fuse-overlayfs is not on PATH")?;
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/fuse")
        .map_err(|e| format!("/dev/fuse: {e}"))?;
    Ok(())
}

fn find_program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Two lowers (the top one whites out a file and makes a directory opaque) plus an upper:
/// the merged view must hide both and take a write.
fn try_driver(driver: Driver, dir: &Path) -> Result<(), String> {
    let e = |what: &str, err: io::Error| format!("{what}: {err}");
    let (bottom, top) = (dir.join("l1"), dir.join("l2"));
    let (upper, work, merged) = (dir.join("upper"), dir.join("work"), dir.join("merged"));
    for d in [&bottom, &top, &upper, &work, &merged] {
        std::fs::create_dir_all(d).map_err(|err| e("creating test dirs", err))?;
    }
    std::fs::write(bottom.join("gone"), b"x").map_err(|err| e("test layer", err))?;
    std::fs::create_dir(bottom.join("d")).map_err(|err| e("test layer", err))?;
    std::fs::write(bottom.join("d/hidden"), b"x").map_err(|err| e("test layer", err))?;
    std::fs::write(bottom.join("kept"), b"x").map_err(|err| e("test layer", err))?;
    let top_fd = hutch_sys::fs::open_dir(&top).map_err(|err| e("test layer", err))?;
    hutch_sys::fs::mknod_whiteout_at(std::os::fd::AsFd::as_fd(&top_fd), Path::new("gone"))
        .map_err(|err| e("creating a whiteout", err))?;
    std::fs::create_dir(top.join("d")).map_err(|err| e("test layer", err))?;
    hutch_sys::fs::lsetxattr(&top.join("d"), OsStr::new(OPAQUE_XATTR), b"y")
        .map_err(|err| e("setting user.overlay.opaque", err))?;
    std::fs::write(top.join("d/shown"), b"x").map_err(|err| e("test layer", err))?;

    mount(driver, &[top, bottom], Some((&upper, &work)), &merged).map_err(|err| err.to_string())?;
    let check = || -> Result<(), String> {
        if merged.join("gone").symlink_metadata().is_ok() {
            return Err("a whiteout does not hide the lower file".into());
        }
        if merged.join("d/hidden").symlink_metadata().is_ok() {
            return Err("an opaque directory does not hide the lower directory".into());
        }
        if !merged.join("d/shown").is_file() || !merged.join("kept").is_file() {
            return Err("the merged view lacks files of the layers".into());
        }
        std::fs::write(merged.join("new"), b"x").map_err(|err| e("writing to the mount", err))?;
        Ok(())
    };
    let checked = check();
    let unmounted = unmount(driver, &merged).map_err(|err| err.to_string());
    checked?;
    unmounted?;
    if !upper.join("new").is_file() {
        return Err("a write to the mount did not reach the upper directory".into());
    }
    Ok(())
}

/// Mounts `lowers_top_first` (plus a writable upper and its workdir, if any) on `target`.
/// For vfs, `target` becomes a plain copy of the layers and `upper` is not used.
pub fn mount(
    driver: Driver,
    lowers_top_first: &[PathBuf],
    upper: Option<(&Path, &Path)>,
    target: &Path,
) -> crate::Result<()> {
    mount_volatile(driver, lowers_top_first, upper, target, false)
}

/// `mount`, with `volatile` asking for no syncing of the upper directory (overlay's `volatile`,
/// fuse-overlayfs's `fsync=0`): for containers whose changes are thrown away when they exit
/// (`run --rm`), where a sync at unmount would only cost time. After a crash such an upper
/// cannot be mounted again; nobody needs it then.
pub fn mount_volatile(
    driver: Driver,
    lowers_top_first: &[PathBuf],
    upper: Option<(&Path, &Path)>,
    target: &Path,
    volatile: bool,
) -> crate::Result<()> {
    let volatile = volatile && upper.is_some();
    let lowers_top_first = &topmost_once(lowers_top_first);
    if lowers_top_first.is_empty() {
        return Err(MountError::NoLayers {
            target: target.to_path_buf(),
        }
        .into());
    }
    let mount_err = |source| MountError::Mount {
        target: target.to_path_buf(),
        driver: driver.name(),
        source,
    };
    match driver {
        Driver::Overlay if upper.is_none() && lowers_top_first.len() == 1 => {
            // overlay needs two lowers without an upper; one layer is simply itself, read-only.
            sysmount::bind_readonly(&lowers_top_first[0], target).map_err(mount_err)?;
        }
        Driver::Overlay => {
            let (cwd, data) = overlay_options(lowers_top_first, upper, target, true, volatile)?;
            sysmount::mount_overlay(cwd.as_deref(), &data, target, upper.is_none())
                .map_err(mount_err)?;
        }
        Driver::FuseOverlayfs => {
            let (cwd, data) = overlay_options(lowers_top_first, upper, target, false, volatile)?;
            mount_fuse(cwd.as_deref(), &data, target)?;
        }
        Driver::Vfs => {
            for layer in lowers_top_first.iter().rev() {
                tree::apply_layer(layer, target).map_err(|source| MountError::Copy {
                    layer: layer.clone(),
                    target: target.to_path_buf(),
                    source,
                })?;
            }
        }
    }
    Ok(())
}

/// `lowers` (top first) with each directory only where it is topmost. One layer directory can
/// sit twice in an image (two RUN steps that change nothing share the empty layer), and overlay
/// refuses a lower directory given twice (ELOOP). Dropping the lower copy changes nothing: the
/// upper one holds all it holds, above everything between them.
fn topmost_once(lowers: &[PathBuf]) -> Vec<PathBuf> {
    let mut seen = std::collections::HashSet::new();
    lowers
        .iter()
        .filter(|l| seen.insert(l.as_path()))
        .cloned()
        .collect()
}

/// Builds `lowerdir=...` options with paths relative to the first lower's parent (the layers
/// directory) where possible, so 100+ layers fit in one page.
fn overlay_options(
    lowers: &[PathBuf],
    upper: Option<(&Path, &Path)>,
    target: &Path,
    kernel: bool,
    volatile: bool,
) -> Result<(Option<PathBuf>, String)> {
    let cwd = lowers[0].parent().map(Path::to_path_buf);
    let short = |p: &Path| -> Result<String> {
        let rel = match (&cwd, p.parent()) {
            (Some(c), Some(parent)) if parent == c => p.file_name().map(Path::new).unwrap_or(p),
            _ => p,
        };
        let bytes = rel.as_os_str().as_bytes();
        if bytes.contains(&b',') || bytes.contains(&b':') || bytes.contains(&b'\\') {
            return Err(MountError::BadPath {
                target: target.to_path_buf(),
                path: p.to_path_buf(),
            });
        }
        Ok(rel.to_string_lossy().into_owned())
    };
    let mut data = String::from("lowerdir=");
    for (i, l) in lowers.iter().enumerate() {
        if i > 0 {
            data.push(':');
        }
        data.push_str(&short(l)?);
    }
    if let Some((up, work)) = upper {
        data.push_str(",upperdir=");
        data.push_str(&short(up)?);
        data.push_str(",workdir=");
        data.push_str(&short(work)?);
    }
    if kernel {
        // Layers mark opaque directories with user.overlay.*, which the kernel reads only with
        // userxattr; that is also what lets overlay mount inside a user namespace.
        data.push_str(",userxattr");
    }
    if volatile {
        data.push_str(if kernel { ",volatile" } else { ",fsync=0" });
    }
    if data.len() > MOUNT_DATA_LIMIT {
        return Err(MountError::TooLong {
            target: target.to_path_buf(),
            len: data.len(),
            limit: MOUNT_DATA_LIMIT,
        });
    }
    Ok((cwd, data))
}

fn mount_fuse(cwd: Option<&Path>, data: &str, target: &Path) -> Result<()> {
    let fuse_err = |message: String| MountError::Fuse {
        target: target.to_path_buf(),
        message,
    };
    let mut cmd = Command::new("fuse-overlayfs");
    cmd.arg("-o").arg(data).arg(target);
    if let Some(cwd) = cwd {
        cmd.current_dir(cwd);
    }
    // The daemon keeps running after the mount; it must not hold our pipes open.
    let out = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| fuse_err(format!("cannot run fuse-overlayfs: {e}")))?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(fuse_err(format!(
            "fuse-overlayfs {}: {}",
            out.status,
            stderr.trim()
        )));
    }
    Ok(())
}

/// Undoes `mount`: unmounts overlay and fuse mounts (lazily if busy); for vfs removes the
/// copy, leaving `target` an empty directory.
pub fn unmount(driver: Driver, target: &Path) -> crate::Result<()> {
    let err = |source| MountError::Unmount {
        target: target.to_path_buf(),
        source,
    };
    match driver {
        Driver::Overlay | Driver::FuseOverlayfs => match sysmount::umount(target, false) {
            Ok(()) => {}
            Err(e) if sysmount::is_busy(&e) => {
                tracing::debug!("{} is busy: detaching it", target.display());
                sysmount::umount(target, true).map_err(err)?;
            }
            Err(e) if driver == Driver::FuseOverlayfs => {
                let status = Command::new("fusermount3")
                    .arg("-u")
                    .arg(target)
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status();
                if !status.is_ok_and(|s| s.success()) {
                    return Err(err(e).into());
                }
            }
            Err(e) => return Err(err(e).into()),
        },
        Driver::Vfs => {
            for entry in std::fs::read_dir(target).map_err(err)? {
                let entry = entry.map_err(err)?;
                tree::remove_tree(&entry.path()).map_err(err)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volatile_mounts_skip_syncing_on_either_overlay() {
        let lowers = [PathBuf::from("/s/layers/b"), PathBuf::from("/s/layers/a")];
        let (up, work) = (Path::new("/s/c/upper"), Path::new("/s/c/work"));
        let t = Path::new("/s/c/merged");
        let (cwd, kernel) = overlay_options(&lowers, Some((up, work)), t, true, true).unwrap();
        assert_eq!(cwd.as_deref(), Some(Path::new("/s/layers")));
        assert_eq!(
            kernel,
            "lowerdir=b:a,upperdir=/s/c/upper,workdir=/s/c/work,userxattr,volatile"
        );
        let (_, fuse) = overlay_options(&lowers, Some((up, work)), t, false, true).unwrap();
        assert!(fuse.ends_with(",fsync=0"), "{fuse}");
        let (_, plain) = overlay_options(&lowers, Some((up, work)), t, true, false).unwrap();
        assert!(!plain.contains("volatile"), "{plain}");
    }

    #[test]
    fn a_layer_twice_in_a_stack_is_mounted_where_it_is_topmost() {
        let l = |n: &str| PathBuf::from(format!("/s/layers/{n}"));
        let stack = [
            l("empty"),
            l("copy"),
            l("empty"),
            l("run"),
            l("copy"),
            l("base"),
        ];
        assert_eq!(
            topmost_once(&stack),
            [l("empty"), l("copy"), l("run"), l("base")]
        );
    }
}
