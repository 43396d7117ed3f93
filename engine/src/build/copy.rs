//! COPY and ADD: the sources are copied into a fresh directory laid out as the layer (owners
//! as the image sees them, `--chown` resolved through the stage's /etc/passwd and /etc/group,
//! `--chmod`), which becomes the step's layer. Nothing runs in a container. Directories the
//! destination path crosses keep the metadata they have in the image, unless `--link`.

use super::BuildError;
use crate::{EngineError, Result};
use std::io::Read;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The image's files, seen through its layer directories (top first), without mounting.
pub(super) struct ImageFs {
    pub layers: Vec<PathBuf>,
}

impl ImageFs {
    pub fn of(eng: &crate::Engine, layers: &[String]) -> Result<ImageFs> {
        let store = hutch_storage::LayerStore::new(&eng.paths().graphroot);
        let mut dirs = Vec::new();
        for d in layers.iter().rev() {
            let l = eng
                .db()
                .layer(d)?
                .ok_or_else(|| EngineError::LayerMissing {
                    image: "(build step)".into(),
                    layer: d.clone(),
                })?;
            dirs.push(store.layer_path(&l.dir));
        }
        Ok(ImageFs { layers: dirs })
    }

    /// Where `path` (absolute in the image) is, without following a last symlink.
    pub fn find(&self, path: &str) -> Option<(PathBuf, std::fs::Metadata)> {
        let rel = path.trim_start_matches('/');
        for l in &self.layers {
            let p = if rel.is_empty() {
                l.clone()
            } else {
                l.join(rel)
            };
            if let Ok(m) = std::fs::symlink_metadata(&p) {
                if hutch_sys::fs::is_whiteout(&m) {
                    return None;
                }
                return Some((p, m));
            }
        }
        None
    }

    pub fn read(&self, path: &str) -> Option<String> {
        let (p, _) = self.find(path)?;
        std::fs::read_to_string(p).ok()
    }

    pub fn is_dir(&self, path: &str) -> bool {
        self.find(path).is_some_and(|(_, m)| m.is_dir())
    }
}

/// Resolves `user[:group]` (names or numbers) through the image's /etc/passwd and /etc/group.
pub(super) fn resolve_owner(fs: &ImageFs, spec: &str) -> std::result::Result<(u32, u32), String> {
    let (user, group) = match spec.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (spec, None),
    };
    let lookup = |file: &str, name: &str| -> Option<(u32, u32)> {
        fs.read(file)?.lines().find_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            (f.len() >= 3 && f[0] == name).then(|| {
                (
                    f[2].parse().unwrap_or(0),
                    f.get(3).and_then(|g| g.parse().ok()).unwrap_or(0),
                )
            })
        })
    };
    let (uid, primary) = match user.parse::<u32>() {
        Ok(n) => (n, n),
        Err(_) => lookup("/etc/passwd", user).ok_or_else(|| {
            format!("unable to find user {user}: no matching entries in passwd file")
        })?,
    };
    let gid = match group {
        None => {
            if user.parse::<u32>().is_ok() {
                uid
            } else {
                primary
            }
        }
        Some(g) => match g.parse::<u32>() {
            Ok(n) => n,
            Err(_) => lookup("/etc/group", g).map(|(gid, _)| gid).ok_or_else(|| {
                format!("unable to find group {g}: no matching entries in group file")
            })?,
        },
    };
    Ok((uid, gid))
}

/// How files land: owner and mode override.
#[derive(Debug, Clone, Copy)]
pub(super) struct Attrs {
    pub uid: u32,
    pub gid: u32,
    pub chmod: Option<u32>,
    /// Each file keeps its own owner (COPY --from without --chown); uid and gid unused.
    pub keep_owner: bool,
}

impl Attrs {
    fn owner(&self, meta: &std::fs::Metadata) -> (u32, u32) {
        if self.keep_owner {
            (meta.uid(), meta.gid())
        } else {
            (self.uid, self.gid)
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> EngineError + '_ {
    move |e| EngineError::io(path, e)
}

/// Copies `src` (file, symlink or directory tree) to `dst` in the layer directory.
pub(super) fn copy_tree(src: &Path, dst: &Path, attrs: Attrs) -> Result<()> {
    let meta = std::fs::symlink_metadata(src).map_err(io(src))?;
    let ft = meta.file_type();
    if ft.is_dir() {
        if !dst.is_dir() {
            std::fs::create_dir(dst).map_err(io(dst))?;
        }
        let mut kids: Vec<_> = std::fs::read_dir(src)
            .map_err(io(src))?
            .map(|e| e.map(|e| e.file_name()))
            .collect::<std::io::Result<_>>()
            .map_err(io(src))?;
        kids.sort();
        for k in kids {
            copy_tree(&src.join(&k), &dst.join(&k), attrs)?;
        }
    } else if ft.is_symlink() {
        let target = std::fs::read_link(src).map_err(io(src))?;
        let _ = std::fs::remove_file(dst);
        std::os::unix::fs::symlink(&target, dst).map_err(io(dst))?;
        let (uid, gid) = attrs.owner(&meta);
        std::os::unix::fs::lchown(dst, Some(uid), Some(gid)).map_err(io(dst))?;
        return Ok(());
    } else if ft.is_file() {
        if dst.is_dir() {
            return Err(EngineError::io(
                dst,
                std::io::Error::other("cannot copy a file onto a directory"),
            ));
        }
        std::fs::copy(src, dst).map_err(io(dst))?;
        if let Ok(f) = std::fs::File::options().write(true).open(dst) {
            let _ = f.set_modified(meta.modified().unwrap_or(std::time::SystemTime::now()));
        }
    } else {
        // Devices, fifos and sockets in a context are skipped, as Docker's context tar does.
        return Ok(());
    }
    let mode = attrs.chmod.unwrap_or(meta.mode() & 0o7777);
    let (uid, gid) = attrs.owner(&meta);
    std::os::unix::fs::lchown(dst, Some(uid), Some(gid)).map_err(io(dst))?;
    std::fs::set_permissions(dst, std::fs::Permissions::from_mode(mode)).map_err(io(dst))?;
    Ok(())
}

/// Gives directory `dst` the mode of `src` (or `--chmod`) and the owner.
pub(super) fn copy_meta(src: &Path, dst: &Path, attrs: Attrs) -> Result<()> {
    let meta = std::fs::symlink_metadata(src).map_err(io(src))?;
    let mode = attrs.chmod.unwrap_or(meta.mode() & 0o7777);
    let (uid, gid) = attrs.owner(&meta);
    std::os::unix::fs::lchown(dst, Some(uid), Some(gid)).map_err(io(dst))?;
    std::fs::set_permissions(dst, std::fs::Permissions::from_mode(mode)).map_err(io(dst))?;
    Ok(())
}

/// Writes `data` as a file.
pub(super) fn write_file(dst: &Path, data: &[u8], attrs: Attrs) -> Result<()> {
    std::fs::write(dst, data).map_err(io(dst))?;
    std::os::unix::fs::lchown(dst, Some(attrs.uid), Some(attrs.gid)).map_err(io(dst))?;
    std::fs::set_permissions(
        dst,
        std::fs::Permissions::from_mode(attrs.chmod.unwrap_or(0o644)),
    )
    .map_err(io(dst))?;
    Ok(())
}

/// Makes the directories of absolute `path` inside `root`: those the image has keep their
/// mode and owner (with `fs`), new ones are root's 0755.
pub(super) fn make_parents(root: &Path, path: &str, fs: Option<&ImageFs>) -> Result<PathBuf> {
    let mut cur = root.to_path_buf();
    let mut abs = String::new();
    for part in path.split('/').filter(|p| !p.is_empty()) {
        abs.push('/');
        abs.push_str(part);
        cur.push(part);
        if cur.is_dir() {
            continue;
        }
        std::fs::create_dir(&cur).map_err(io(&cur))?;
        let existing = fs.and_then(|f| f.find(&abs)).filter(|(_, m)| m.is_dir());
        let (mode, uid, gid) = match &existing {
            Some((_, m)) => (m.mode() & 0o7777, m.uid(), m.gid()),
            None => (0o755, 0, 0),
        };
        std::os::unix::fs::lchown(&cur, Some(uid), Some(gid)).map_err(io(&cur))?;
        std::fs::set_permissions(&cur, std::fs::Permissions::from_mode(mode)).map_err(io(&cur))?;
    }
    Ok(cur)
}

/// Whether `path` starts like an archive ADD unpacks (tar, gzip, bzip2, xz or zstd).
pub(super) fn archive_kind(path: &Path) -> Option<&'static str> {
    let mut head = [0u8; 512];
    let mut f = std::fs::File::open(path).ok()?;
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    let h = &head[..n];
    if h.starts_with(&[0x1f, 0x8b]) {
        Some("gzip")
    } else if h.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Some("zstd")
    } else if n >= 262 && &h[257..262] == b"ustar" {
        Some("tar")
    } else {
        None
    }
}

/// Unpacks archive `src` into directory `dst` (ADD of a local tar), owners kept as in the
/// archive unless `chown` gives them.
pub(super) fn extract(src: &Path, dst: &Path, chown: Option<(u32, u32)>) -> Result<()> {
    let f = std::fs::File::open(src).map_err(io(src))?;
    let reader: Box<dyn Read> = match archive_kind(src) {
        Some("gzip") => Box::new(flate2::read::GzDecoder::new(f)),
        Some("zstd") => Box::new(zstd::stream::read::Decoder::new(f).map_err(io(src))?),
        _ => Box::new(f),
    };
    let mut ar = tar::Archive::new(reader);
    ar.set_preserve_permissions(true);
    ar.set_preserve_ownerships(chown.is_none());
    ar.set_overwrite(true);
    for entry in ar.entries().map_err(io(src))? {
        let mut entry = entry.map_err(io(src))?;
        let unpacked = entry.unpack_in(dst).map_err(io(src))?;
        if let (Some((uid, gid)), true) = (chown, unpacked) {
            let p = dst.join(entry.path().map_err(io(src))?);
            let _ = std::os::unix::fs::lchown(&p, Some(uid), Some(gid));
        }
    }
    Ok(())
}

/// A flag value as an octal mode.
pub(super) fn parse_chmod(v: &str) -> std::result::Result<u32, BuildError> {
    u32::from_str_radix(v, 8).map_err(|_| BuildError::Invalid {
        what: format!("--chmod={v}"),
        reason: "expected an octal mode such as 0755".into(),
    })
}
