//! A container's root filesystem seen from outside it: mounts made by `hutch mount` (counted,
//! so two mounts need two unmounts), short-lived mounts for export and cp, the changes in its
//! upper directory (`diff`), and resolving paths inside it as if its root were `/`.

use super::{event, is_active, is_mount_point, Containers, Dirs};
use crate::{EngineError, Result};
use hutch_state::Container;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io;
use std::path::{Component, Path, PathBuf};

/// What stands in the way of reading a container's root filesystem as layers.
#[derive(Debug, thiserror::Error)]
pub enum RootfsError {
    #[error("container {container}: its image {image} is no longer in local storage")]
    ImageGone { container: String, image: String },
    #[error("container {container}: layer {layer} of image {image} is missing from the store")]
    LayerMissing {
        container: String,
        image: String,
        layer: String,
    },
    /// `diff` and `commit` need an upper directory, which vfs does not keep.
    #[error(
        "container {container}: the vfs storage driver keeps no record of a container's changes: use overlay or fuse-overlayfs"
    )]
    NoUpperDir { container: String },
}

impl From<RootfsError> for EngineError {
    fn from(e: RootfsError) -> Self {
        EngineError::Rootfs(Box::new(e))
    }
}

/// Holds how many `hutch mount`s of the container are outstanding.
const MOUNT_COUNT: &str = "mountcount";

fn count_file(dirs: &Dirs) -> PathBuf {
    dirs.graph.join(MOUNT_COUNT)
}

/// Whether the root filesystem is there to read: mounted, or (vfs) a non-empty copy.
pub(crate) fn rootfs_present(dirs: &Dirs) -> bool {
    is_mount_point(&dirs.merged)
        || std::fs::read_dir(&dirs.merged).is_ok_and(|mut d| d.next().is_some())
}

/// Outstanding `hutch mount`s of the container. A count whose mount vanished (the namespace
/// holding it was recreated) is stale and counts as zero.
pub fn user_mounts(dirs: &Dirs) -> u32 {
    let n = std::fs::read_to_string(count_file(dirs))
        .ok()
        .and_then(|s| s.trim().parse::<u32>().ok())
        .unwrap_or(0);
    if n > 0 && !rootfs_present(dirs) {
        return 0;
    }
    n
}

fn set_user_mounts(dirs: &Dirs, n: u32) -> Result<()> {
    let path = count_file(dirs);
    if n == 0 {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(EngineError::io(&path, e)),
            _ => Ok(()),
        };
    }
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, n.to_string()).map_err(|e| EngineError::io(&tmp, e))?;
    std::fs::rename(&tmp, &path).map_err(|e| EngineError::io(&path, e))
}

/// One change in a container's writable layer, as `diff` prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// 'A' added, 'C' changed, 'D' deleted.
    pub kind: char,
    /// Absolute path inside the container.
    pub path: String,
}

/// Mount points the runtime creates for every container; podman leaves them out of `diff`.
const RUNTIME_PATHS: &[&str] = &[
    "/dev",
    "/etc/hostname",
    "/etc/hosts",
    "/etc/resolv.conf",
    "/etc/mtab",
    "/proc",
    "/run",
    "/run/.containerenv",
    "/run/secrets",
    "/run/notify",
    "/sys",
];

fn is_runtime_path(p: &str) -> bool {
    RUNTIME_PATHS.contains(&p)
        || ["/dev/", "/proc/", "/sys/", "/run/secrets/"]
            .iter()
            .any(|m| p.starts_with(m))
}

/// Whether `rel` exists in the image below the container (layers top first), honouring
/// whiteouts in higher layers.
fn in_lower(lowers: &[PathBuf], rel: &Path) -> bool {
    hutch_storage::lookup_in_layers(lowers, rel).is_some()
}

fn lower_children(lowers: &[PathBuf], rel: &Path) -> Vec<OsString> {
    let mut names = std::collections::BTreeSet::new();
    for l in lowers {
        if let Ok(rd) = std::fs::read_dir(l.join(rel)) {
            for e in rd.flatten() {
                if e.metadata().is_ok_and(|m| hutch_sys::fs::is_whiteout(&m)) {
                    continue;
                }
                names.insert(e.file_name());
            }
        }
    }
    names.into_iter().collect()
}

fn sorted_entries(dir: &Path) -> Result<Vec<(OsString, std::fs::Metadata)>> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(dir).map_err(|e| EngineError::io(dir, e))? {
        let e = e.map_err(|e| EngineError::io(dir, e))?;
        let m =
            std::fs::symlink_metadata(e.path()).map_err(|err| EngineError::io(e.path(), err))?;
        v.push((e.file_name(), m));
    }
    v.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(v)
}

fn walk_changes(
    upper: &Path,
    rel: &Path,
    lowers: &[PathBuf],
    out: &mut BTreeMap<String, char>,
) -> Result<()> {
    let dir = upper.join(rel);
    let opaque = !rel.as_os_str().is_empty() && hutch_storage::is_opaque(&dir);
    let entries = sorted_entries(&dir)?;
    if opaque {
        for name in lower_children(lowers, rel) {
            if !entries.iter().any(|(n, _)| *n == name) {
                out.insert(format!("/{}", rel.join(&name).display()), 'D');
            }
        }
    }
    for (name, meta) in entries {
        let bytes = name.as_encoded_bytes();
        if bytes == b".wh..wh..opq" {
            continue;
        }
        // fuse-overlayfs may write whiteouts as `.wh.NAME` files where it cannot mknod.
        if let Some(hidden) = bytes.strip_prefix(b".wh.") {
            let hidden = String::from_utf8_lossy(hidden).into_owned();
            out.insert(format!("/{}", rel.join(hidden).display()), 'D');
            continue;
        }
        let child = rel.join(&name);
        let path = format!("/{}", child.display());
        if hutch_sys::fs::is_whiteout(&meta) {
            out.insert(path, 'D');
            continue;
        }
        let kind = if in_lower(lowers, &child) { 'C' } else { 'A' };
        out.insert(path, kind);
        if meta.is_dir() {
            walk_changes(upper, &child, lowers, out)?;
        }
    }
    Ok(())
}

impl Containers {
    /// The image's layer directories under the container, top first.
    pub(crate) fn lower_dirs(&self, c: &Container) -> Result<Vec<PathBuf>> {
        let store = hutch_storage::LayerStore::new(&self.paths.graphroot);
        Ok(self
            .layer_dirs(c)?
            .iter()
            .map(|d| store.layer_path(d))
            .collect())
    }

    /// The layers to mount for container `c`: with keep-id, copies whose owners are shifted
    /// so that the image's ids are the same inside the container's own user namespace.
    /// `dirs` are its image's layer directories (`layer_dirs`).
    pub(crate) fn mount_lowers(&self, c: &Container, dirs: &[String]) -> Result<Vec<PathBuf>> {
        let store = hutch_storage::LayerStore::new(&self.paths.graphroot);
        let keep = match super::config_of(c) {
            Ok(cfg) => self.keep_id(&cfg)?,
            Err(_) => None,
        };
        let Some(k) = keep else {
            return Ok(dirs.iter().map(|d| store.layer_path(d)).collect());
        };
        let (uid, gid) = (|id| k.hutch_uid(id), |id| k.hutch_gid(id));
        let tag = format!("keepid-{}-{}", k.uid, k.gid);
        let shift = hutch_storage::IdShift {
            tag: &tag,
            uid: &uid,
            gid: &gid,
        };
        dirs.iter()
            .map(|d| Ok(store.shifted_layer(d, &shift)?))
            .collect()
    }

    /// The directory names of the layers of `c`'s image, top first.
    pub(super) fn layer_dirs(&self, c: &Container) -> Result<Vec<String>> {
        let image = self
            .db
            .image(&c.image_id)?
            .ok_or_else(|| RootfsError::ImageGone {
                container: c.name.clone(),
                image: c.image_id.clone(),
            })?;
        let mut lowers = Vec::new();
        for diff_id in image.layers.iter().rev() {
            let layer = self
                .db
                .layer(diff_id)?
                .ok_or_else(|| RootfsError::LayerMissing {
                    container: c.name.clone(),
                    image: image.id.clone(),
                    layer: diff_id.clone(),
                })?;
            lowers.push(layer.dir);
        }
        Ok(lowers)
    }

    /// The upper directory, refused for the vfs driver, which keeps no separate changes.
    pub(crate) fn upper_dir(&self, c: &Container) -> Result<PathBuf> {
        let dirs = self.dirs(&c.id);
        let driver = hutch_storage::mount::driver(
            &self.paths.graphroot,
            self.paths.storage_driver.as_deref(),
        )?;
        if driver == hutch_storage::mount::Driver::Vfs {
            return Err(RootfsError::NoUpperDir {
                container: c.name.clone(),
            }
            .into());
        }
        Ok(dirs.upper)
    }

    /// What the container changed relative to its image, sorted by path (podman's `diff`).
    pub fn changes(&self, c: &Container) -> Result<Vec<Change>> {
        let upper = self.upper_dir(c)?;
        let lowers = self.lower_dirs(c)?;
        let mut out = BTreeMap::new();
        if upper.is_dir() {
            walk_changes(&upper, Path::new(""), &lowers, &mut out)?;
        }
        Ok(out
            .into_iter()
            .filter(|(p, _)| !is_runtime_path(p))
            .map(|(path, kind)| Change { kind, path })
            .collect())
    }

    /// `hutch mount`: mounts the root filesystem (or counts one more mount) and returns where.
    /// The caller holds the container's lock.
    pub fn mount_user(&mut self, c: &Container) -> Result<PathBuf> {
        let dirs = self.dirs(&c.id);
        let n = user_mounts(&dirs);
        self.mount_rootfs(c, &dirs)?;
        set_user_mounts(&dirs, n + 1)?;
        let ev = event("container", "mount", c, serde_json::json!({}));
        self.db.add_event(&ev)?;
        Ok(dirs.merged)
    }

    /// `hutch unmount`: drops one mount (all with `force`); the root filesystem of a container
    /// that is not running is unmounted when none is left. False when it was not mounted.
    pub fn unmount_user(&mut self, c: &Container, force: bool) -> Result<bool> {
        let dirs = self.dirs(&c.id);
        let n = user_mounts(&dirs);
        if n == 0 {
            set_user_mounts(&dirs, 0)?;
            return Ok(false);
        }
        let left = if force { 0 } else { n - 1 };
        if left == 0 && !is_active(&super::observe(&self.paths, c).state) {
            self.unmount_rootfs(&dirs)?;
        }
        set_user_mounts(&dirs, left)?;
        let ev = event("container", "unmount", c, serde_json::json!({}));
        self.db.add_event(&ev)?;
        Ok(true)
    }

    /// Runs `f` on the container's root filesystem, mounting it for the call when it is not
    /// mounted already. The caller holds the container's lock.
    pub fn with_rootfs<T>(
        &mut self,
        c: &Container,
        f: impl FnOnce(&Path) -> Result<T>,
    ) -> Result<T> {
        let dirs = self.dirs(&c.id);
        let was = is_mount_point(&dirs.merged);
        if !was {
            self.mount_rootfs(c, &dirs)?;
        }
        let r = f(&dirs.merged);
        if !was {
            if let Err(e) = self.unmount_rootfs(&dirs) {
                tracing::warn!("container {}: unmounting its root filesystem: {e}", c.id);
            }
        }
        r
    }
}

/// The most symlinks one path may pass through (as the kernel's limit).
const MAX_LINKS: usize = 40;

fn push_components(path: &Path, into: &mut Vec<OsString>) {
    // Pushed in reverse so `pop` yields them in order.
    let mut v: Vec<OsString> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(n) => Some(n.to_os_string()),
            Component::ParentDir => Some(OsString::from("..")),
            _ => None,
        })
        .collect();
    v.reverse();
    into.extend(v);
}

/// A container's tree as host paths: its root, and mounts (container path, host path) whose
/// host directory stands in for everything below the container path — how a stopped
/// container's volumes and binds are reached.
#[derive(Debug, Clone, Default)]
pub struct View {
    pub root: PathBuf,
    pub mounts: Vec<(PathBuf, PathBuf)>,
}

impl View {
    pub fn new(root: &Path) -> View {
        View {
            root: root.to_path_buf(),
            mounts: Vec::new(),
        }
    }

    /// The host path of the container path made of `comps`: under the deepest mount that
    /// holds it, else under the root.
    fn host(&self, comps: &[OsString]) -> PathBuf {
        let mut best: Option<(usize, &PathBuf)> = None;
        for (dest, src) in &self.mounts {
            let d: Vec<_> = dest
                .components()
                .filter_map(|c| match c {
                    Component::Normal(n) => Some(n),
                    _ => None,
                })
                .collect();
            if d.len() <= comps.len()
                && d.iter().zip(comps).all(|(a, b)| *a == b.as_os_str())
                && best.is_none_or(|(n, _)| d.len() > n)
            {
                best = Some((d.len(), src));
            }
        }
        let (skip, mut out) = match best {
            Some((n, src)) => (n, src.clone()),
            None => (0, self.root.clone()),
        };
        out.extend(&comps[skip..]);
        out
    }

    /// Whether host path `p` lies in this view (under the root or a mount).
    pub fn holds(&self, p: &Path) -> bool {
        p.starts_with(&self.root) || self.mounts.iter().any(|(_, src)| p.starts_with(src))
    }

    /// Resolves `path` (a path inside the container) as if the view were `/`: `..` stops at
    /// the root and symlinks, absolute or relative, are followed inside it, so the result
    /// never lies outside the view. The last component is followed only with `follow_last`;
    /// missing components are kept as they are (the caller may create them).
    pub fn resolve(&self, path: &Path, follow_last: bool) -> io::Result<PathBuf> {
        let mut pending = Vec::new();
        push_components(path, &mut pending);
        let mut cur: Vec<OsString> = Vec::new();
        let mut links = 0;
        while let Some(comp) = pending.pop() {
            if comp == ".." {
                cur.pop();
                continue;
            }
            cur.push(comp);
            let candidate = self.host(&cur);
            let last = pending.is_empty();
            match std::fs::symlink_metadata(&candidate) {
                Ok(m) if m.file_type().is_symlink() && (follow_last || !last) => {
                    cur.pop();
                    links += 1;
                    if links > MAX_LINKS {
                        return Err(io::Error::other(format!(
                            "{}: too many levels of symbolic links",
                            path.display()
                        )));
                    }
                    let target = std::fs::read_link(&candidate)?;
                    if target.is_absolute() {
                        cur.clear();
                    }
                    push_components(&target, &mut pending);
                }
                Ok(m) if !last && !m.is_dir() => {
                    return Err(io::Error::new(
                        io::ErrorKind::NotADirectory,
                        format!("{}: not a directory", path.display()),
                    ));
                }
                _ => {}
            }
        }
        Ok(self.host(&cur))
    }
}

/// Resolves `path` (a path inside the container) under `root` as if `root` were `/` (see
/// `View::resolve`).
pub fn resolve_in_root(root: &Path, path: &Path, follow_last: bool) -> io::Result<PathBuf> {
    View::new(root).resolve(path, follow_last)
}

impl crate::Engine {
    /// What container `name` changed in its image's files (`diff`).
    pub fn changes(&self, name: &str) -> Result<Vec<Change>> {
        let c = self.lookup(name)?;
        self.containers().changes(&c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_stays_inside_the_root() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path().join("root");
        std::fs::create_dir_all(root.join("etc")).unwrap();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::os::unix::fs::symlink("/", root.join("escape")).unwrap();
        std::os::unix::fs::symlink("../../..", root.join("a/b/up")).unwrap();
        std::os::unix::fs::symlink("/etc", root.join("a/etc")).unwrap();
        let r = |p: &str, f| resolve_in_root(&root, Path::new(p), f).unwrap();
        assert_eq!(r("/escape/etc/passwd", true), root.join("etc/passwd"));
        assert_eq!(r("../../../etc", true), root.join("etc"));
        assert_eq!(r("/a/b/up/etc", true), root.join("etc"));
        assert_eq!(r("/a/b/up/a/b/up/up/etc", true), root.join("up/etc"));
        assert_eq!(r("/a/etc", true), root.join("etc"));
        assert_eq!(r("/a/etc", false), root.join("a/etc"));
        assert_eq!(r("/escape", false), root.join("escape"));
        std::os::unix::fs::symlink("loop", root.join("loop")).unwrap();
        assert!(resolve_in_root(&root, Path::new("/loop/x"), true).is_err());
    }
}
