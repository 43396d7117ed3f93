//! The mount-targets layer: the files and directories the runtime mounts on in every container
//! (`/etc/hosts`, `/proc`, ...), made once per image in a small layer above its own instead of
//! in each container's upper directory, where each would cost a copy-up and new inodes at
//! every start. Kept beside the image's top layer, removed with it.

use crate::{LayerStore, Result, StorageError};
use sha2::Digest as _;
use std::fs::Metadata;
use std::io;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Component, Path, PathBuf};

/// A mount target: an absolute path and whether it is a directory (else an empty file).
pub type Target<'a> = (&'a str, bool);

/// Bumped when what a targets layer holds changes, so older ones are not reused.
const VERSION: &str = "1";

/// The directory of the targets layer over top layer `top` for the stack hashed `hash`.
fn targets_name(top: &str, hash: &str) -> String {
    format!("{top}.targets-{hash}")
}

/// Overlay's opaque markers, in the forms hutch's layers carry them.
const OPAQUE_XATTRS: [&str; 2] = ["user.overlay.opaque", "trusted.overlay.opaque"];

/// Whether directory `path` of a layer is opaque (hides the layers below it) in either form.
pub fn is_opaque(path: &Path) -> bool {
    OPAQUE_XATTRS.iter().any(|x| {
        matches!(hutch_sys::fs::lgetxattr(path, std::ffi::OsStr::new(x)), Ok(Some(v)) if v == b"y")
    })
}

/// What `rel` is in the stack of layers `lowers` (top first), as an overlay of them shows it:
/// the topmost layer that has it, honouring whiteouts and opaque directories above. None when
/// it is not there (or hidden).
pub fn lookup(lowers: &[PathBuf], rel: &Path) -> Option<(PathBuf, Metadata)> {
    for l in lowers {
        // A whiteout of the path or of a parent in this layer hides everything below.
        let mut p = l.clone();
        for comp in rel.components() {
            p.push(comp);
            match std::fs::symlink_metadata(&p) {
                Ok(m) if hutch_sys::fs::is_whiteout(&m) => return None,
                Ok(_) => {}
                Err(_) => break,
            }
        }
        let here = l.join(rel);
        if let Ok(m) = std::fs::symlink_metadata(&here) {
            return Some((here, m));
        }
        if rel
            .ancestors()
            .skip(1)
            .any(|a| !a.as_os_str().is_empty() && is_opaque(&l.join(a)))
        {
            return None;
        }
    }
    None
}

impl LayerStore {
    /// The layer holding those of `targets` that the stack `lowers` (top first, all in this
    /// store) lacks, made on first use; None when it lacks none of them. Goes above `lowers`:
    /// the directories it must hold to reach a target (`/etc` for `/etc/hosts`) have the
    /// mode, owner and times of the stack's, so the overlay shows them as the image has them;
    /// what it adds belongs to the owner of the image's `/`. A target below a symlink or a
    /// non-directory in the image is left out: the runtime resolves and makes those itself.
    pub fn targets_layer(
        &self,
        lowers: &[PathBuf],
        targets: &[Target<'_>],
    ) -> Result<Option<PathBuf>> {
        let Some(top) = lowers.first() else {
            return Ok(None);
        };
        let top_name = top
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut h = sha2::Sha256::new();
        h.update(VERSION);
        for l in lowers {
            h.update(l.as_os_str().as_encoded_bytes());
            h.update([0]);
        }
        for (t, dir) in targets {
            h.update(t);
            h.update([u8::from(*dir)]);
        }
        let hash = hex::encode(&h.finalize()[..8]);
        let dest = self.layer_path(&targets_name(&top_name, &hash));
        if dest.is_dir() {
            return Ok(non_empty(dest));
        }
        let staging = self.staging()?;
        let layer = staging.path.join("layer");
        make_targets(lowers, targets, &layer).map_err(|e| StorageError::io(&layer, e))?;
        Self::publish_derived(&layer, &dest)?;
        Ok(non_empty(dest))
    }

    /// Removes the targets layers over layer `dir`.
    pub(crate) fn remove_targets(&self, dir: &str) {
        self.remove_derived(&targets_name(dir, ""));
    }
}

fn non_empty(dir: PathBuf) -> Option<PathBuf> {
    std::fs::read_dir(&dir)
        .is_ok_and(|mut d| d.next().is_some())
        .then_some(dir)
}

/// Makes `layer` (which must not exist) with the targets `lowers` lacks.
fn make_targets(lowers: &[PathBuf], targets: &[Target<'_>], layer: &Path) -> io::Result<()> {
    let root = lookup(lowers, Path::new("")).map(|(_, m)| m);
    let (uid, gid) = root.as_ref().map_or((0, 0), |m| (m.uid(), m.gid()));
    std::fs::create_dir(layer)?;
    // The layer's own root stands for the image's `/` only where it is the top directory of
    // the overlay, which it never is when it has nothing: give it the image's anyway.
    if let Some(m) = &root {
        copy_attrs(layer, m)?;
    }
    for (target, is_dir) in targets {
        let rel = Path::new(target.trim_start_matches('/'));
        if rel.as_os_str().is_empty()
            || rel.components().any(|c| !matches!(c, Component::Normal(_)))
        {
            continue;
        }
        let comps: Vec<&Path> = rel
            .ancestors()
            .filter(|a| !a.as_os_str().is_empty())
            .collect();
        // From `/etc` down to `/etc/hosts`: what the image has is copied (directories only),
        // from the first it lacks on, everything is new.
        let mut plan = Vec::new();
        let mut missing = false;
        let mut blocked = false;
        for (i, part) in comps.iter().rev().enumerate() {
            let last = i + 1 == comps.len();
            let below = if missing { None } else { lookup(lowers, part) };
            match below {
                // The image has it: nothing to make.
                Some(_) if last => blocked = true,
                Some((_, m)) if m.is_dir() => plan.push((part.to_path_buf(), Some(m))),
                Some(_) => blocked = true,
                None => {
                    missing = true;
                    plan.push((part.to_path_buf(), None));
                }
            }
            if blocked {
                break;
            }
        }
        if blocked {
            continue;
        }
        for (i, (part, like)) in plan.iter().enumerate() {
            let path = layer.join(part);
            let last = i + 1 == plan.len();
            if std::fs::symlink_metadata(&path).is_ok() {
                continue;
            }
            match like {
                Some(m) => {
                    std::fs::create_dir(&path)?;
                    copy_attrs(&path, m)?;
                }
                None if last && !is_dir => {
                    std::fs::File::create(&path)?;
                    std::os::unix::fs::lchown(&path, Some(uid), Some(gid))?;
                    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644))?;
                }
                None => {
                    std::fs::create_dir(&path)?;
                    std::os::unix::fs::lchown(&path, Some(uid), Some(gid))?;
                    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))?;
                }
            }
        }
    }
    // Times last: making entries inside a directory changed its mtime.
    for (target, _) in targets {
        let rel = Path::new(target.trim_start_matches('/'));
        for part in rel.ancestors().filter(|a| !a.as_os_str().is_empty()) {
            let path = layer.join(part);
            if let (Ok(mine), Some((_, m))) =
                (std::fs::symlink_metadata(&path), lookup(lowers, part))
            {
                if mine.is_dir() && m.is_dir() {
                    set_times(&path, &m)?;
                }
            }
        }
    }
    if let Some(m) = &root {
        set_times(layer, m)?;
    }
    Ok(())
}

/// Mode and owner of `like` on directory `path` (its times come last, see `make_targets`).
/// Not its xattrs: an opaque marker copied here would hide the image's own entries.
fn copy_attrs(path: &Path, like: &Metadata) -> io::Result<()> {
    std::os::unix::fs::lchown(path, Some(like.uid()), Some(like.gid()))?;
    // After the chown, which clears set-id bits.
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(like.mode() & 0o7777))
}

fn set_times(path: &Path, like: &Metadata) -> io::Result<()> {
    let parent = hutch_sys::fs::open_dir(path.parent().unwrap_or(Path::new("/")))?;
    let name = path.file_name().map(Path::new).unwrap_or(Path::new("."));
    hutch_sys::fs::set_times_at(
        std::os::fd::AsFd::as_fd(&parent),
        name,
        like.mtime(),
        like.mtime_nsec(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const TARGETS: &[Target<'static>] = &[
        ("/proc", true),
        ("/etc/hosts", false),
        ("/etc/hostname", false),
        ("/run/.containerenv", false),
        ("/var/run/x", false),
    ];

    #[test]
    fn makes_what_the_image_lacks_once_with_the_images_directories() {
        let tmp = tempfile::tempdir().unwrap();
        let store = LayerStore::new(tmp.path());
        let base = store.layer_path("base");
        let top = store.layer_path("top");
        std::fs::create_dir_all(base.join("etc")).unwrap();
        std::fs::create_dir_all(base.join("proc")).unwrap();
        std::fs::write(base.join("etc/hostname"), "img").unwrap();
        std::fs::create_dir_all(base.join("var")).unwrap();
        std::os::unix::fs::symlink("../run", base.join("var/run")).unwrap();
        std::fs::set_permissions(base.join("etc"), std::fs::Permissions::from_mode(0o750)).unwrap();
        std::fs::create_dir_all(&top).unwrap();
        let lowers = vec![top.clone(), base.clone()];

        let layer = store.targets_layer(&lowers, TARGETS).unwrap().unwrap();
        let name = layer.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("top.targets-"), "{name}");
        let mut made = Vec::new();
        for e in walk(&layer) {
            made.push(e.strip_prefix(&layer).unwrap().display().to_string());
        }
        made.sort();
        // /proc and /etc/hostname are the image's; /var/run is a symlink: left to the runtime.
        assert_eq!(made, ["etc", "etc/hosts", "run", "run/.containerenv"]);
        let etc = std::fs::metadata(layer.join("etc")).unwrap();
        let img_etc = std::fs::metadata(base.join("etc")).unwrap();
        assert_eq!(etc.mode() & 0o7777, 0o750);
        assert_eq!(etc.mtime(), img_etc.mtime());
        assert_eq!(std::fs::metadata(layer.join("etc/hosts")).unwrap().len(), 0);
        // The next container reuses it; removing the top layer takes it along.
        assert_eq!(
            store.targets_layer(&lowers, TARGETS).unwrap(),
            Some(layer.clone())
        );
        store.remove_targets("top");
        assert!(!layer.exists());
    }

    #[test]
    fn an_image_with_every_target_gets_none() {
        let tmp = tempfile::tempdir().unwrap();
        let store = LayerStore::new(tmp.path());
        let l = store.layer_path("l");
        std::fs::create_dir_all(l.join("etc")).unwrap();
        std::fs::write(l.join("etc/hosts"), "").unwrap();
        let lowers = vec![l];
        assert_eq!(
            store
                .targets_layer(&lowers, &[("/etc/hosts", false)])
                .unwrap(),
            None
        );
        assert_eq!(
            store
                .targets_layer(&lowers, &[("/etc/hosts", false)])
                .unwrap(),
            None
        );
    }

    #[test]
    fn lookup_honours_whiteouts_and_opaque_directories_above() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        std::fs::create_dir_all(b.join("etc")).unwrap();
        std::fs::write(b.join("etc/hosts"), "").unwrap();
        std::fs::create_dir_all(&a).unwrap();
        let lowers = vec![a.clone(), b.clone()];
        assert!(lookup(&lowers, Path::new("etc/hosts")).is_some());
        // An opaque /etc above hides the one below (where the xattr can be set).
        std::fs::create_dir_all(a.join("etc")).unwrap();
        if hutch_sys::fs::lsetxattr(
            &a.join("etc"),
            std::ffi::OsStr::new("user.overlay.opaque"),
            b"y",
        )
        .is_ok()
        {
            assert!(lookup(&lowers, Path::new("etc/hosts")).is_none());
            assert!(lookup(&lowers, Path::new("etc")).is_some());
        }
    }

    fn walk(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            out.push(e.path());
            if e.file_type().unwrap().is_dir() {
                out.extend(walk(&e.path()));
            }
        }
        out
    }
}
