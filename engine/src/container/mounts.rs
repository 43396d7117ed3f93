//! The mounts of a container beyond its root filesystem, as stored (`MountSpec`, made from the
//! requested `mount_spec::Mount`s and the image's VOLUME entries at create time), then set up
//! at each init: destinations
//! resolved inside the root filesystem (never following a symlink out of it), named volumes'
//! first-use copy-up and ownership, `:U` chowns, tmpfs volumes and image mounts, and undone at
//! cleanup.

use super::mount_spec::{normalize, VolumesFrom};
use super::rootfs::resolve_in_root;
use super::spec::{KeepId, ProcessUser};
use super::{ContainerConfig, ContainerError, Dirs};
use crate::volumes::{self, CreateVolume, IoReason, VolumeError};
use crate::{EngineError, Paths, Result};
use hutch_state::{Container, Db};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Failures setting up or tearing down a container's mounts, each naming the container and
/// the mount it is about.
#[derive(Debug, thiserror::Error)]
pub enum MountError {
    /// Refused at create time, worded as the flag it came from.
    #[error(
        "invalid -v/--mount {:?}: statfs {path}: {source} (the bind source must exist: like podman, hutch does not create it; create it first)",
        format!("{}:{}", .path, .destination)
    )]
    NoBindSource {
        path: String,
        destination: String,
        #[source]
        source: IoReason,
    },
    #[error(
        "container {container}: bind source: statfs {path}: {source} (like podman, hutch does not create it)"
    )]
    BindSource {
        container: String,
        path: String,
        #[source]
        source: IoReason,
    },
    #[error("container {container}: mount destination {destination}: {source}")]
    Destination {
        container: String,
        destination: String,
        #[source]
        source: std::io::Error,
    },
    /// A component became a symlink between creating the destination and checking it again.
    #[error(
        "container {container}: mount destination {destination} changed while it was being created"
    )]
    DestinationChanged {
        container: String,
        destination: String,
    },
    #[error("container {container}: unknown stored mount type {kind:?}")]
    UnknownKind { container: String, kind: String },
    /// Teardown could not unmount an image mounted with `--mount type=image`.
    #[error("image {image}: {source}")]
    ImageUnmount {
        image: String,
        #[source]
        source: Box<EngineError>,
    },
}

impl From<MountError> for EngineError {
    fn from(e: MountError) -> Self {
        EngineError::Mount(Box::new(e))
    }
}

/// One mount of a container, as stored.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct MountSpec {
    /// bind | volume | tmpfs | image
    pub kind: String,
    /// Host path (bind), volume name (volume; empty until an anonymous one is made), image
    /// reference (image); empty for tmpfs.
    pub source: String,
    /// Absolute path inside the container, as the user gave it.
    pub destination: String,
    pub readonly: bool,
    /// Mount flags and tmpfs data: nosuid, nodev, noexec (and their opposites), size=, mode=.
    pub options: Vec<String>,
    /// rprivate (the default), rshared, rslave ...
    pub propagation: String,
    /// `:U`: chown the source to the container's user.
    pub chown: bool,
    /// `nocopy`: no copy-up of the image's content into a new volume.
    pub nocopy: bool,
    /// The volume was made for this container (`-v /path`, image VOLUME).
    pub anonymous: bool,
    /// `z`/`Z`: SELinux relabelling, accepted and recorded (hutch does not relabel).
    pub relabel: String,
    /// For `type=image`: the image's ID, resolved at create time.
    pub image_id: String,
}

/// Create-time work that needs the database: `--volumes-from`, named volumes made on first
/// use, anonymous volumes, bind sources checked and image mounts resolved. Returns the anonymous
/// volumes made, for the caller to remove if the container is not recorded after all.
pub fn prepare(
    db: &Db,
    paths: &Paths,
    cfg: &mut ContainerConfig,
    volumes_from: &[VolumesFrom],
) -> Result<Vec<String>> {
    for vf in volumes_from {
        let other = super::lookup(db, &vf.container)?;
        let other_cfg = super::config_of(&other)?;
        for mut m in other_cfg.mounts {
            if m.kind == "tmpfs"
                || cfg
                    .mounts
                    .iter()
                    .any(|x| normalize(&x.destination) == normalize(&m.destination))
            {
                continue;
            }
            if let Some(ro) = vf.readonly {
                m.readonly = ro;
            }
            // The volume stays the other container's: removing this one must not remove it.
            m.anonymous = false;
            m.chown = false;
            cfg.mounts.push(m);
        }
    }
    // Everything that can be refused is checked before any volume is made.
    for m in cfg.mounts.iter_mut() {
        match m.kind.as_str() {
            "bind" => {
                if let Err(e) = std::fs::metadata(&m.source) {
                    return Err(MountError::NoBindSource {
                        path: m.source.clone(),
                        destination: m.destination.clone(),
                        source: IoReason(e),
                    }
                    .into());
                }
            }
            "image" => {
                let found = crate::images::lookup(db, &m.source)?;
                m.image_id = found.image.id.clone();
            }
            _ => {}
        }
    }
    let mut anonymous = Vec::new();
    let mut named = Vec::new();
    let result = (|| -> Result<()> {
        for m in cfg.mounts.iter_mut().filter(|m| m.kind == "volume") {
            if m.source.is_empty() {
                let v = volumes::create(
                    db,
                    paths,
                    &CreateVolume {
                        anonymous: true,
                        ..Default::default()
                    },
                )?;
                m.source = v.name.clone();
                anonymous.push(v.name);
            } else if db.volume(&m.source)?.is_none() {
                match volumes::create(
                    db,
                    paths,
                    &CreateVolume {
                        name: Some(m.source.clone()),
                        ..Default::default()
                    },
                ) {
                    Ok(v) => named.push(v.name),
                    // Another hutch made it meanwhile: use it.
                    Err(EngineError::Volume(v))
                        if matches!(*v, volumes::VolumeError::Exists { .. }) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(())
    })();
    match result {
        Ok(()) => Ok(anonymous),
        Err(e) => {
            remove_volumes(db, paths, &anonymous);
            remove_volumes(db, paths, &named);
            Err(e)
        }
    }
}

/// Removes the named volumes when no container uses them (best effort: logged).
pub fn remove_volumes(db: &Db, paths: &Paths, names: &[String]) {
    for n in names {
        match db.volume(n) {
            Ok(Some(v)) => {
                if let Err(e) = volumes::remove(db, paths, &v) {
                    tracing::warn!("volume {n}: {e}");
                }
            }
            Ok(None) => {}
            Err(e) => tracing::warn!("volume {n}: {e}"),
        }
    }
}

/// The anonymous volumes of a container (removed with it by `rm -v` and `--rm`).
pub fn anonymous_volumes(cfg: &ContainerConfig) -> Vec<String> {
    cfg.mounts
        .iter()
        .filter(|m| m.kind == "volume" && m.anonymous && !m.source.is_empty())
        .map(|m| m.source.clone())
        .collect()
}

/// A container id seen from hutch's namespace: with keep-id the container has its own user
/// namespace inside hutch's (see `spec::keep_id_mappings`).
pub(super) fn to_hutch_id(id: u32, keep: Option<u32>) -> u32 {
    keep.map_or(id, |k| super::spec::keep_id_to_hutch(id, k))
}

/// `:U`: gives `path` and everything under it to uid:gid — once, as podman does: when `path`
/// itself already belongs to them, it was done before and what changed since stays as it is.
fn chown_once(path: &Path, uid: u32, gid: u32) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::symlink_metadata(path)?;
    if m.uid() == uid && m.gid() == gid {
        return Ok(());
    }
    chown_tree(path, uid, gid)
}

fn chown_tree(path: &Path, uid: u32, gid: u32) -> std::io::Result<()> {
    std::os::unix::fs::lchown(path, Some(uid), Some(gid))?;
    let m = std::fs::symlink_metadata(path)?;
    if m.is_dir() {
        for e in std::fs::read_dir(path)? {
            chown_tree(&e?.path(), uid, gid)?;
        }
    }
    Ok(())
}

/// Copies the image's content at a mount point into a new volume, keeping owners and modes.
fn copy_tree(src: &Path, dst: &Path) -> std::io::Result<()> {
    for e in std::fs::read_dir(src)? {
        let e = e?;
        let from = e.path();
        let to = dst.join(e.file_name());
        let m = std::fs::symlink_metadata(&from)?;
        let ft = m.file_type();
        if ft.is_dir() {
            std::fs::create_dir(&to)?;
            copy_tree(&from, &to)?;
        } else if ft.is_symlink() {
            std::os::unix::fs::symlink(std::fs::read_link(&from)?, &to)?;
        } else if ft.is_file() {
            std::fs::copy(&from, &to)?;
        } else {
            tracing::debug!(
                "{}: not copied into the volume (special file)",
                from.display()
            );
            continue;
        }
        std::os::unix::fs::lchown(&to, Some(m.uid()), Some(m.gid()))?;
        if !ft.is_symlink() {
            // After the chown, which clears set-id bits.
            std::fs::set_permissions(&to, std::fs::Permissions::from_mode(m.mode() & 0o7777))?;
        }
    }
    Ok(())
}

fn cio(path: &Path) -> impl FnOnce(std::io::Error) -> EngineError + '_ {
    move |e| ContainerError::io(path, e).into()
}

/// Resolves `dest` inside `root` (symlinks followed inside it only) and creates what is missing
/// there: a directory, or an empty file for a file bind source. Returns the resolved path
/// inside the container, which the OCI config uses, so the runtime never meets a symlink.
pub(super) fn prepare_destination(id: &str, root: &Path, dest: &str, dir: bool) -> Result<String> {
    let resolve = || {
        resolve_in_root(root, Path::new(dest), true).map_err(|source| MountError::Destination {
            container: id.to_string(),
            destination: dest.to_string(),
            source,
        })
    };
    let resolved = resolve()?;
    if std::fs::symlink_metadata(&resolved).is_err() {
        if let Some(parent) = resolved.parent() {
            std::fs::create_dir_all(parent).map_err(cio(parent))?;
        }
        let made = if dir {
            std::fs::create_dir(&resolved)
        } else {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&resolved)
                .map(|_| ())
        };
        match made {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(ContainerError::io(&resolved, e).into()),
        }
    }
    // Nothing may have turned a component into a symlink meanwhile.
    let again = resolve()?;
    if again != resolved || !resolved.starts_with(root) {
        return Err(MountError::DestinationChanged {
            container: id.to_string(),
            destination: dest.to_string(),
        }
        .into());
    }
    let rel = resolved.strip_prefix(root).unwrap_or(Path::new(""));
    Ok(format!("/{}", rel.display()))
}

/// Marker of what `setup` mounted outside the container (image mounts), for `teardown`.
fn marker(dirs: &Dirs) -> PathBuf {
    dirs.graph.join("image-mounts")
}

fn bind_options(m: &MountSpec, extra: &[String]) -> Vec<String> {
    let mut o = vec!["rbind".to_string()];
    o.push(if m.propagation.is_empty() {
        "rprivate".into()
    } else {
        m.propagation.clone()
    });
    let all: Vec<&String> = m.options.iter().chain(extra).collect();
    for (on, off) in [("nosuid", "suid"), ("nodev", "dev")] {
        if !all.iter().any(|x| *x == off) {
            o.push(on.into());
        }
    }
    if all.iter().any(|x| *x == "noexec") {
        o.push("noexec".into());
    }
    if m.readonly || all.iter().any(|x| *x == "ro") {
        o.push("ro".into());
    }
    o.dedup();
    o
}

/// Sets up every mount of the container (its root filesystem is mounted) and returns them as
/// OCI mounts. Runs inside hutch's user namespace.
pub fn setup(
    db: &Db,
    paths: &Paths,
    c: &Container,
    cfg: &ContainerConfig,
    dirs: &Dirs,
    user: &ProcessUser,
    keep_id: Option<KeepId>,
) -> Result<Vec<Value>> {
    let keep = keep_id.map(|k| k.uid);
    let keep_g = keep_id.map(|k| k.gid);
    let (uid, gid) = (to_hutch_id(user.uid, keep), to_hutch_id(user.gid, keep_g));
    let mut specs: Vec<&MountSpec> = cfg.mounts.iter().collect();
    // Parents before children, so a mount inside another volume lands on top of it.
    specs.sort_by_key(|m| Path::new(&m.destination).components().count());
    let mut out = Vec::new();
    let mut image_mounts = Vec::new();
    for m in specs {
        let root = &dirs.merged;
        match m.kind.as_str() {
            "bind" => {
                let src = Path::new(&m.source);
                let meta = std::fs::metadata(src).map_err(|e| MountError::BindSource {
                    container: c.name.clone(),
                    path: m.source.clone(),
                    source: IoReason(e),
                })?;
                if m.chown {
                    chown_once(src, uid, gid).map_err(cio(src))?;
                }
                let dest = prepare_destination(&c.id, root, &m.destination, meta.is_dir())?;
                out.push(
                    json!({"destination": dest, "type": "bind", "source": m.source,
                                "options": bind_options(m, &[])}),
                );
            }
            "volume" => {
                let mut vol = volumes::lookup(db, &m.source)?;
                // Two containers starting at once must not both copy into a new volume (or
                // mount its tmpfs twice): the first does, the second sees the result.
                let _lock = hutch_sys::lock::FileLock::exclusive(
                    &volumes::volume_dir(paths, &vol.name).join("lock"),
                )?;
                if let Some(now) = db.volume(&vol.name)? {
                    vol = now;
                }
                let data = volumes::data_dir(paths, &vol.name);
                let d = volumes::options_of(&vol);
                let source = match d.kind.as_str() {
                    "bind" => PathBuf::from(&d.device),
                    "tmpfs" => {
                        if !super::is_mount_point(&data) {
                            hutch_sys::mount::mount_tmpfs(&data, &d.data.join(",")).map_err(
                                |source| VolumeError::Mount {
                                    name: vol.name.clone(),
                                    what: "tmpfs".into(),
                                    path: data.clone(),
                                    source,
                                },
                            )?;
                        }
                        data.clone()
                    }
                    _ => data.clone(),
                };
                let dest = prepare_destination(&c.id, root, &m.destination, true)?;
                if vol.needs_copy_up || vol.needs_chown {
                    let in_image = root.join(dest.trim_start_matches('/'));
                    let image_meta = std::fs::metadata(&in_image).ok().filter(|x| x.is_dir());
                    let empty = std::fs::read_dir(&source)
                        .map(|mut r| r.next().is_none())
                        .unwrap_or(false);
                    if vol.needs_copy_up && !m.nocopy && empty && image_meta.is_some() {
                        copy_tree(&in_image, &source).map_err(|e| VolumeError::CopyUp {
                            name: vol.name.clone(),
                            destination: m.destination.clone(),
                            source: e,
                        })?;
                    }
                    if vol.needs_chown && d.kind != "bind" {
                        // A new volume takes the owner and mode of the directory it covers in the
                        // image, else the container's user, as podman does.
                        let (mut o_uid, mut o_gid, mode) = match &image_meta {
                            Some(im) => (im.uid(), im.gid(), Some(im.mode() & 0o7777)),
                            None => (uid, gid, None),
                        };
                        // `volume create -o o=uid=N,gid=N` wins (ids as the container sees them).
                        let (want_uid, want_gid) = d.owner();
                        if let Some(u) = want_uid {
                            o_uid = to_hutch_id(u, keep);
                        }
                        if let Some(g) = want_gid {
                            o_gid = to_hutch_id(g, keep_g);
                        }
                        std::os::unix::fs::lchown(&source, Some(o_uid), Some(o_gid))
                            .map_err(cio(&source))?;
                        if let Some(mode) = mode {
                            std::fs::set_permissions(
                                &source,
                                std::fs::Permissions::from_mode(mode),
                            )
                            .map_err(cio(&source))?;
                        }
                    }
                    db.set_volume_used(&vol.name)?;
                }
                if m.chown {
                    chown_once(&source, uid, gid).map_err(cio(&source))?;
                }
                out.push(
                    json!({"destination": dest, "type": "bind", "source": source,
                                "options": bind_options(m, &d.flags)}),
                );
            }
            "tmpfs" => {
                let dest = prepare_destination(&c.id, root, &m.destination, true)?;
                let mut o: Vec<String> = vec![if m.readonly { "ro" } else { "rw" }.into()];
                for (on, off) in [("nosuid", "suid"), ("nodev", "dev"), ("noexec", "exec")] {
                    if !m.options.iter().any(|x| x == off) {
                        o.push(on.into());
                    }
                }
                for x in &m.options {
                    if x.contains('=') || x == "tmpcopyup" {
                        o.push(x.clone());
                    }
                }
                out.push(
                    json!({"destination": dest, "type": "tmpfs", "source": "tmpfs",
                                "options": o}),
                );
            }
            "image" => {
                let img = db
                    .image(&m.image_id)?
                    .ok_or_else(|| EngineError::ImageNotKnown {
                        name: m.source.clone(),
                    })?;
                let merged = crate::images::mount(db, paths, &img)?;
                image_mounts.push(img.id.clone());
                std::fs::write(marker(dirs), image_mounts.join("\n"))
                    .map_err(cio(&marker(dirs)))?;
                let dest = prepare_destination(&c.id, root, &m.destination, true)?;
                out.push(
                    json!({"destination": dest, "type": "bind", "source": merged,
                                "options": ["rbind", "rprivate", "nosuid", "nodev", "ro"]}),
                );
            }
            other => {
                return Err(MountError::UnknownKind {
                    container: c.name.clone(),
                    kind: other.to_string(),
                }
                .into())
            }
        }
    }
    Ok(out)
}

/// Undoes what `setup` mounted outside the container: image mounts, and tmpfs volumes no other
/// running container uses. Keeps going past failures and returns them all.
pub fn teardown(
    db: &Db,
    paths: &Paths,
    c: &Container,
    cfg: &ContainerConfig,
    dirs: &Dirs,
) -> Vec<EngineError> {
    let mut errors = Vec::new();
    if let Ok(text) = std::fs::read_to_string(marker(dirs)) {
        for id in text.lines().filter(|l| !l.is_empty()) {
            match db.image(id) {
                Ok(Some(img)) => {
                    if let Err(e) = crate::images::unmount(db, paths, &img, false) {
                        errors.push(
                            MountError::ImageUnmount {
                                image: id.to_string(),
                                source: Box::new(e),
                            }
                            .into(),
                        );
                    }
                }
                Ok(None) => {}
                Err(e) => errors.push(e.into()),
            }
        }
        let _ = std::fs::remove_file(marker(dirs));
    }
    for m in cfg.mounts.iter().filter(|m| m.kind == "volume") {
        let Ok(Some(vol)) = db.volume(&m.source) else {
            continue;
        };
        if volumes::options_of(&vol).kind != "tmpfs" {
            continue;
        }
        let data = volumes::data_dir(paths, &vol.name);
        if !super::is_mount_point(&data) {
            continue;
        }
        let others = volumes::users(db, &vol.name).unwrap_or_default();
        let busy = others
            .iter()
            .any(|o| o.id != c.id && super::is_active(&super::observe(paths, o).state));
        if !busy {
            if let Err(source) = hutch_sys::mount::umount(&data, true) {
                errors.push(
                    VolumeError::Unmount {
                        name: vol.name.clone(),
                        path: data,
                        source,
                    }
                    .into(),
                );
            }
        }
    }
    errors
}

/// `inspect`'s HostConfig.Binds: `SOURCE:DEST:OPTIONS` for volumes and bind mounts.
pub fn binds(cfg: &ContainerConfig) -> Vec<String> {
    cfg.mounts
        .iter()
        .filter(|m| m.kind == "volume" || m.kind == "bind")
        .map(|m| {
            let mut o = vec![if m.readonly { "ro" } else { "rw" }.to_string()];
            o.extend(bind_options(m, &[]).into_iter().filter(|x| x != "ro"));
            format!("{}:{}:{}", m.source, m.destination, o.join(","))
        })
        .collect()
}

/// `inspect`'s Mounts, as podman shows them.
pub fn inspect(paths: &Paths, cfg: &ContainerConfig) -> Vec<Value> {
    cfg.mounts
        .iter()
        .map(|m| {
            let mut o = bind_options(m, &[]);
            o.retain(|x| !x.starts_with('r') || x == "rbind");
            let mut v = json!({
                "Type": m.kind,
                "Source": m.source,
                "Destination": m.destination,
                "Driver": "",
                "Mode": m.relabel,
                "Options": o,
                "RW": !m.readonly,
                "Propagation": if m.propagation.is_empty() { "rprivate" } else { m.propagation.as_str() },
            });
            match m.kind.as_str() {
                "volume" => {
                    v["Name"] = json!(m.source);
                    v["Source"] = json!(volumes::data_dir(paths, &m.source));
                    v["Driver"] = json!("local");
                }
                "tmpfs" => {
                    v["Source"] = json!("tmpfs");
                    v["Options"] = json!(m.options);
                }
                _ => {}
            }
            v
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_stay_inside_the_root() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path().join("root");
        let outside = t.path().join("outside");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("evil")).unwrap();
        let d = prepare_destination("c", &root, "/evil/sub", true).unwrap();
        assert_eq!(d, format!("{}/sub", outside.display()));
        assert!(root.join(d.trim_start_matches('/')).is_dir());
        assert!(!outside.join("sub").exists());
    }

    #[test]
    fn a_missing_bind_source_is_worded_as_podman_and_keeps_its_error() {
        let missing = std::fs::metadata("/nope").unwrap_err();
        let e = MountError::BindSource {
            container: "web".into(),
            path: "/nope".into(),
            source: IoReason(missing),
        };
        assert_eq!(
            e.to_string(),
            "container web: bind source: statfs /nope: no such file or directory \
             (like podman, hutch does not create it)"
        );
        // The io::Error stays reachable, and nothing after it repeats it in std's words.
        let cause = std::error::Error::source(&e).expect("a source");
        let io = cause.downcast_ref::<IoReason>().expect("an IoReason");
        assert_eq!(io.0.kind(), std::io::ErrorKind::NotFound);
        assert!(cause.source().is_none());
        let at_create = MountError::NoBindSource {
            path: "/nope".into(),
            destination: "/d".into(),
            source: IoReason(std::fs::metadata("/nope").unwrap_err()),
        };
        assert_eq!(
            at_create.to_string(),
            "invalid -v/--mount \"/nope:/d\": statfs /nope: no such file or directory (the bind \
             source must exist: like podman, hutch does not create it; create it first)"
        );
    }

    #[test]
    fn keep_id_translation() {
        assert_eq!(to_hutch_id(0, Some(1001)), 1);
        assert_eq!(to_hutch_id(1001, Some(1001)), 0);
        assert_eq!(to_hutch_id(2000, Some(1001)), 2000);
        assert_eq!(to_hutch_id(5, None), 5);
    }
}
