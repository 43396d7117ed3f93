//! The container's root filesystem, set up by its init in its new mount namespace: the host's
//! mounts made private/slave, the rootfs bound on itself, the spec's mounts in order, device
//! nodes (bound from the host: a user namespace cannot mknod), pivot_root, then masked and
//! read-only paths and a read-only root.

use anyhow::{anyhow, bail, Context, Result};
use nix::mount::{mount, umount2, MntFlags, MsFlags};
use nix::sys::statvfs::{statvfs, FsFlags};
use oci_spec::runtime::{LinuxDevice, LinuxDeviceType, Mount, Spec};
use std::path::{Component, Path, PathBuf};

const NONE: Option<&str> = None;

/// What the options of a mount ask for.
#[derive(Debug)]
pub struct Options {
    pub flags: MsFlags,
    /// Flags to clear (`rw`, `suid`, ...), for binds whose source has them.
    pub clear: MsFlags,
    pub propagation: Vec<MsFlags>,
    pub data: Vec<String>,
    pub bind: bool,
    pub recursive: bool,
}

pub fn parse_options(opts: &[String]) -> Options {
    let mut o = Options {
        flags: MsFlags::empty(),
        clear: MsFlags::empty(),
        propagation: Vec::new(),
        data: Vec::new(),
        bind: false,
        recursive: false,
    };
    for opt in opts {
        let (set, clear) = match opt.as_str() {
            "ro" => (MsFlags::MS_RDONLY, MsFlags::empty()),
            "rw" => (MsFlags::empty(), MsFlags::MS_RDONLY),
            "nosuid" => (MsFlags::MS_NOSUID, MsFlags::empty()),
            "suid" => (MsFlags::empty(), MsFlags::MS_NOSUID),
            "nodev" => (MsFlags::MS_NODEV, MsFlags::empty()),
            "dev" => (MsFlags::empty(), MsFlags::MS_NODEV),
            "noexec" => (MsFlags::MS_NOEXEC, MsFlags::empty()),
            "exec" => (MsFlags::empty(), MsFlags::MS_NOEXEC),
            "sync" => (MsFlags::MS_SYNCHRONOUS, MsFlags::empty()),
            "async" => (MsFlags::empty(), MsFlags::MS_SYNCHRONOUS),
            "dirsync" => (MsFlags::MS_DIRSYNC, MsFlags::empty()),
            "remount" => (MsFlags::MS_REMOUNT, MsFlags::empty()),
            "mand" => (MsFlags::MS_MANDLOCK, MsFlags::empty()),
            "nomand" => (MsFlags::empty(), MsFlags::MS_MANDLOCK),
            "atime" => (MsFlags::empty(), MsFlags::MS_NOATIME),
            "noatime" => (MsFlags::MS_NOATIME, MsFlags::empty()),
            "diratime" => (MsFlags::empty(), MsFlags::MS_NODIRATIME),
            "nodiratime" => (MsFlags::MS_NODIRATIME, MsFlags::empty()),
            "relatime" => (MsFlags::MS_RELATIME, MsFlags::empty()),
            "norelatime" => (MsFlags::empty(), MsFlags::MS_RELATIME),
            "strictatime" => (MsFlags::MS_STRICTATIME, MsFlags::empty()),
            "nostrictatime" => (MsFlags::empty(), MsFlags::MS_STRICTATIME),
            "bind" => {
                o.bind = true;
                continue;
            }
            "rbind" => {
                o.bind = true;
                o.recursive = true;
                continue;
            }
            "private" | "rprivate" | "shared" | "rshared" | "slave" | "rslave" | "unbindable"
            | "runbindable" => {
                let mut f = match opt.trim_start_matches('r') {
                    "private" => MsFlags::MS_PRIVATE,
                    "shared" => MsFlags::MS_SHARED,
                    "slave" => MsFlags::MS_SLAVE,
                    _ => MsFlags::MS_UNBINDABLE,
                };
                if opt.starts_with('r') {
                    f |= MsFlags::MS_REC;
                }
                o.propagation.push(f);
                continue;
            }
            // Options for other tools (podman's, crun's): nothing for the kernel.
            "tmpcopyup" | "notmpcopyup" | "copy-symlink" | "z" | "Z" | "U" | "idmap" | "ridmap"
            | "defaults" => continue,
            data => {
                o.data.push(data.to_string());
                continue;
            }
        };
        o.flags |= set;
        o.flags &= !clear;
        o.clear |= clear;
    }
    o
}

/// What the walk of [`resolve`] found at the end of the path, so that making the mount point
/// need not look again.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Found {
    /// Something of this type (never a symlink: those are followed).
    Is(std::fs::FileType),
    Missing,
    /// The path ended in `.`, `..`, `/` or a symlink to one, or its last lookup failed
    /// otherwise: whoever needs to know must look.
    Unknown,
}

/// `path` (absolute, as the container sees it) inside `root`, with every symlink on the way
/// resolved as if `root` were `/`, so that nothing in the image can point a mount outside it;
/// and what the last lookup found there.
pub fn resolve(root: &Path, path: &Path) -> Result<(PathBuf, Found)> {
    let mut parts: Vec<PathBuf> = path
        .components()
        .rev()
        .map(|c| PathBuf::from(c.as_os_str()))
        .collect();
    let mut cur = PathBuf::new();
    let mut links = 0;
    let mut found = Found::Unknown;
    while let Some(p) = parts.pop() {
        match p.components().next() {
            Some(Component::RootDir) | Some(Component::CurDir) | None => {
                found = Found::Unknown;
                continue;
            }
            Some(Component::ParentDir) => {
                found = Found::Unknown;
                cur.pop();
                continue;
            }
            _ => {}
        }
        let full = root.join(&cur).join(&p);
        match std::fs::symlink_metadata(&full) {
            Ok(m) if m.file_type().is_symlink() => {
                links += 1;
                if links > 255 {
                    bail!("too many symlinks resolving {}", path.display());
                }
                found = Found::Unknown;
                let target = std::fs::read_link(&full)?;
                if target.is_absolute() {
                    cur = PathBuf::new();
                }
                for c in target.components().rev() {
                    parts.push(PathBuf::from(c.as_os_str()));
                }
            }
            r => {
                found = match r {
                    Ok(m) => Found::Is(m.file_type()),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => Found::Missing,
                    Err(_) => Found::Unknown,
                };
                cur.push(&p);
            }
        }
    }
    Ok((root.join(cur), found))
}

fn ensure_dir(p: &Path) -> Result<()> {
    std::fs::create_dir_all(p).with_context(|| format!("mkdir {}", p.display()))
}

fn ensure_file(p: &Path) -> Result<()> {
    let found = match std::fs::symlink_metadata(p) {
        Ok(m) => Found::Is(m.file_type()),
        Err(_) => Found::Missing,
    };
    ensure_file_found(p, found)
}

/// A directory at `p`, where `found` is what a lookup just saw there.
fn ensure_dir_found(p: &Path, found: Found) -> Result<()> {
    match found {
        Found::Is(t) if t.is_dir() => Ok(()),
        _ => ensure_dir(p),
    }
}

/// Something to bind a file on at `p` (anything already there will do), where `found` is what
/// a lookup just saw there.
fn ensure_file_found(p: &Path, found: Found) -> Result<()> {
    match found {
        Found::Is(_) => Ok(()),
        Found::Unknown => ensure_file(p),
        Found::Missing => {
            if let Some(parent) = p.parent() {
                ensure_dir(parent)?;
            }
            std::fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(p)
                .map(drop)
                .with_context(|| format!("create mount point {}", p.display()))
        }
    }
}

/// The flags a remount must keep: the kernel refuses to clear nosuid/nodev/noexec/ro/atime
/// flags that a less privileged user namespace inherited locked.
fn locked_flags(p: &Path) -> MsFlags {
    let Ok(st) = statvfs(p) else {
        return MsFlags::empty();
    };
    let f = st.flags();
    let mut out = MsFlags::empty();
    for (s, m) in [
        (FsFlags::ST_NOSUID, MsFlags::MS_NOSUID),
        (FsFlags::ST_NODEV, MsFlags::MS_NODEV),
        (FsFlags::ST_NOEXEC, MsFlags::MS_NOEXEC),
        (FsFlags::ST_RDONLY, MsFlags::MS_RDONLY),
        (FsFlags::ST_NOATIME, MsFlags::MS_NOATIME),
        (FsFlags::ST_NODIRATIME, MsFlags::MS_NODIRATIME),
        (FsFlags::ST_RELATIME, MsFlags::MS_RELATIME),
    ] {
        if f.contains(s) {
            out |= m;
        }
    }
    out
}

const REMOUNT_FLAGS: MsFlags = MsFlags::MS_RDONLY
    .union(MsFlags::MS_NOSUID)
    .union(MsFlags::MS_NODEV)
    .union(MsFlags::MS_NOEXEC)
    .union(MsFlags::MS_NOATIME)
    .union(MsFlags::MS_NODIRATIME)
    .union(MsFlags::MS_RELATIME)
    .union(MsFlags::MS_STRICTATIME);

const ATIME_FLAGS: MsFlags = MsFlags::MS_NOATIME
    .union(MsFlags::MS_NODIRATIME)
    .union(MsFlags::MS_RELATIME)
    .union(MsFlags::MS_STRICTATIME);

/// The flags of a remount that keeps what the mount has `locked`: its nosuid/nodev/noexec/ro
/// added to `want`, and its atime setting as a whole (the kernel refuses any change of a locked
/// atime setting, so a `strictatime` asked for a `relatime` mount gives way, as with runc).
fn with_locked(want: MsFlags, locked: MsFlags) -> MsFlags {
    let mut atime = locked & ATIME_FLAGS;
    if !atime.intersects(MsFlags::MS_NOATIME | MsFlags::MS_RELATIME) {
        atime |= MsFlags::MS_STRICTATIME;
    }
    (want & !ATIME_FLAGS) | (locked & !ATIME_FLAGS) | atime
}

/// Remounts the bind mount at `p` with `flags` (keeping what it has locked).
pub fn remount_bind(p: &Path, flags: MsFlags) -> Result<()> {
    let base = MsFlags::MS_BIND | MsFlags::MS_REMOUNT;
    let want = flags & REMOUNT_FLAGS;
    if mount(NONE, p, NONE, base | want, NONE).is_ok() {
        return Ok(());
    }
    mount(
        NONE,
        p,
        NONE,
        base | with_locked(want, locked_flags(p)),
        NONE,
    )
    .with_context(|| format!("remount {}", p.display()))
}

fn bind(src: &Path, dest: &Path, recursive: bool) -> Result<()> {
    let mut f = MsFlags::MS_BIND;
    if recursive {
        f |= MsFlags::MS_REC;
    }
    mount(Some(src), dest, NONE, f, NONE)
        .with_context(|| format!("bind {} on {}", src.display(), dest.display()))
}

fn mount_one(root: &Path, m: &Mount) -> Result<()> {
    let typ = m.typ().as_deref().unwrap_or("");
    let o = parse_options(m.options().as_deref().unwrap_or(&[]));
    let (dest, found) = resolve(root, m.destination())?;
    let source = m.source().clone().unwrap_or_default();
    if o.bind || typ == "bind" {
        let src_is_dir = std::fs::metadata(&source)
            .with_context(|| format!("mount source {}", source.display()))?
            .is_dir();
        if src_is_dir {
            ensure_dir_found(&dest, found)?;
        } else {
            ensure_file_found(&dest, found)?;
        }
        bind(&source, &dest, o.recursive)?;
        if !(o.flags & REMOUNT_FLAGS).is_empty() {
            remount_bind(&dest, o.flags)?;
        }
    } else {
        ensure_dir_found(&dest, found)?;
        // tmpcopyup: the tmpfs starts with what the image has there, as runc and crun do.
        let below = (typ == "tmpfs" && opts_has(m, "tmpcopyup"))
            .then(|| std::fs::File::open(&dest))
            .transpose()
            .with_context(|| format!("open {}", dest.display()))?;
        let data = o.data.join(",");
        let data = (!data.is_empty()).then_some(data.as_str());
        let flags = o.flags & !MsFlags::MS_REMOUNT;
        let r = mount(Some(source.as_path()), &dest, Some(typ), flags, data);
        if let Err(e) = r {
            // Rootless fallbacks, as runc and crun: the host's sysfs or mqueue bound read-only
            // where the container's namespaces are not ours to mount them for; cgroups skipped.
            let host = match typ {
                "sysfs" => Some("/sys"),
                "mqueue" => Some("/dev/mqueue"),
                "cgroup" | "cgroup2" => Some("/sys/fs/cgroup"),
                _ => None,
            };
            match host {
                Some(h) if e == nix::errno::Errno::EPERM || e == nix::errno::Errno::EBUSY => {
                    let rec = typ != "mqueue";
                    if bind(Path::new(h), &dest, rec).is_err() && typ.starts_with("cgroup") {
                        return Ok(());
                    }
                    remount_bind(&dest, flags | MsFlags::MS_RDONLY)?;
                }
                _ => {
                    return Err(anyhow!(
                        "mount {} ({typ}) on {}: {}",
                        source.display(),
                        m.destination().display(),
                        crate::errtext::errno(e)
                    ))
                }
            }
        }
        if let Some(dir) = below {
            let from = PathBuf::from(format!(
                "/proc/self/fd/{}",
                std::os::fd::AsRawFd::as_raw_fd(&dir)
            ));
            copy_up(&from, &dest).with_context(|| {
                format!(
                    "copy the image's {} into its tmpfs",
                    m.destination().display()
                )
            })?;
        }
    }
    for p in &o.propagation {
        mount(NONE, &dest, NONE, *p, NONE)
            .with_context(|| format!("set propagation of {}", dest.display()))?;
    }
    Ok(())
}

fn opts_has(m: &Mount, opt: &str) -> bool {
    m.options().iter().flatten().any(|o| o == opt)
}

/// Copies the tree at `from` (files, directories, symlinks, with modes and owners) into `to`.
fn copy_up(from: &Path, to: &Path) -> Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let md = std::fs::metadata(from)?;
    std::fs::set_permissions(to, std::fs::Permissions::from_mode(md.mode() & 0o7777))?;
    let _ = std::os::unix::fs::lchown(to, Some(md.uid()), Some(md.gid()));
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let (src, dst) = (e.path(), to.join(e.file_name()));
        let md = std::fs::symlink_metadata(&src)?;
        let ft = md.file_type();
        if ft.is_symlink() {
            std::os::unix::fs::symlink(std::fs::read_link(&src)?, &dst)?;
        } else if ft.is_dir() {
            std::fs::create_dir(&dst)?;
            copy_up(&src, &dst)?;
            continue;
        } else if ft.is_file() {
            std::fs::copy(&src, &dst)?;
            std::fs::set_permissions(&dst, std::fs::Permissions::from_mode(md.mode() & 0o7777))?;
        } else {
            continue;
        }
        let _ = std::os::unix::fs::lchown(&dst, Some(md.uid()), Some(md.gid()));
    }
    Ok(())
}

/// Devices every container gets: bound from the host's /dev.
const DEVICES: &[&str] = &["null", "zero", "full", "random", "urandom", "tty"];

fn devices(root: &Path, spec: &Spec) -> Result<()> {
    let dev = root.join("dev");
    let mut names: Vec<(PathBuf, Option<LinuxDevice>)> = DEVICES
        .iter()
        .map(|d| (Path::new("/dev").join(d), None))
        .collect();
    if let Some(ds) = spec.linux().as_ref().and_then(|l| l.devices().clone()) {
        for d in ds {
            if !names.iter().any(|(p, _)| p == d.path()) {
                names.push((d.path().clone(), Some(d)));
            }
        }
    }
    for (host, device) in names {
        let (dest, found) = resolve(root, &host)?;
        let there = match found {
            Found::Is(t) => std::os::unix::fs::FileTypeExt::is_char_device(&t),
            Found::Missing => false,
            Found::Unknown => {
                std::fs::symlink_metadata(&dest).is_ok_and(|m| !m.file_type().is_symlink())
                    && is_mountpoint_dev(&dest)
            }
        };
        if there {
            continue;
        }
        // A device of the spec is made where we may (root of the initial user namespace),
        // else bound from the host, as runc does rootless.
        if let Some(d) = &device {
            if make_device(&dest, d) {
                continue;
            }
            if !host.exists() {
                bail!(
                    "device {} ({} {}:{}) of config.json is not on the host: in a user \
                     namespace devices cannot be made, only bound from the host's",
                    host.display(),
                    d.typ().as_str(),
                    d.major(),
                    d.minor()
                );
            }
        }
        ensure_file_found(&dest, found)?;
        bind(&host, &dest, false)?;
    }
    for (link, target) in [
        ("fd", "/proc/self/fd"),
        ("stdin", "/proc/self/fd/0"),
        ("stdout", "/proc/self/fd/1"),
        ("stderr", "/proc/self/fd/2"),
        ("ptmx", "pts/ptmx"),
    ] {
        let p = dev.join(link);
        if link == "ptmx" {
            let _ = std::fs::remove_file(&p);
        }
        if std::fs::symlink_metadata(&p).is_err() {
            std::os::unix::fs::symlink(target, &p)
                .with_context(|| format!("symlink {}", p.display()))?;
        }
    }
    Ok(())
}

/// Makes device `d` at `dest` with its mode and owner; false where mknod is not allowed (a
/// user namespace) or the device is of no makeable type.
fn make_device(dest: &Path, d: &LinuxDevice) -> bool {
    use nix::sys::stat::{makedev, mknod, Mode, SFlag};
    let kind = match d.typ() {
        LinuxDeviceType::C | LinuxDeviceType::U => SFlag::S_IFCHR,
        LinuxDeviceType::B => SFlag::S_IFBLK,
        LinuxDeviceType::P => SFlag::S_IFIFO,
        LinuxDeviceType::A => return false,
    };
    if std::fs::symlink_metadata(dest).is_ok() {
        return false;
    }
    if let Some(parent) = dest.parent() {
        if ensure_dir(parent).is_err() {
            return false;
        }
    }
    let mode = d.file_mode().unwrap_or(0o666);
    let dev = makedev(d.major() as u64, d.minor() as u64);
    if mknod(dest, kind, Mode::from_bits_truncate(mode), dev).is_err() {
        return false;
    }
    // mknod applied our umask: the spec's mode as given.
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(dest, std::fs::Permissions::from_mode(mode & 0o7777));
    let _ = std::os::unix::fs::chown(dest, d.uid(), d.gid());
    true
}

/// A device node already there (a mount of the spec put it): leave it.
pub fn is_mountpoint_dev(p: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::metadata(p).is_ok_and(|m| m.file_type().is_char_device())
}

/// Everything up to and including pivot_root. Runs in the container's mount namespace, as
/// root of its user namespace. `before_pivot` runs the createRuntime/createContainer hooks.
pub fn setup(spec: &Spec, rootfs: &Path, before_pivot: impl FnOnce() -> Result<()>) -> Result<()> {
    let linux = spec.linux().as_ref();
    // The host's mounts become slaves: nothing the container mounts reaches the host, and
    // pivot_root (which refuses a shared parent) and the binds below (which an unbindable
    // mount refuses) work whatever rootfsPropagation asks; that is applied to the new root.
    mount(NONE, "/", NONE, MsFlags::MS_REC | MsFlags::MS_SLAVE, NONE)
        .context("make / a slave mount")?;
    bind(rootfs, rootfs, true)?;
    let has_dev = spec
        .mounts()
        .iter()
        .flatten()
        .any(|m| m.destination() == Path::new("/dev"));
    for m in spec.mounts().iter().flatten() {
        mount_one(rootfs, m)?;
    }
    if has_dev {
        devices(rootfs, spec)?;
    }
    before_pivot()?;
    pivot(rootfs)?;
    if let Some(p) = linux.and_then(|l| l.rootfs_propagation().as_deref()) {
        let flag = match p.trim_start_matches('r') {
            "shared" => MsFlags::MS_SHARED,
            "slave" => MsFlags::MS_SLAVE,
            "private" => MsFlags::MS_PRIVATE,
            "unbindable" => MsFlags::MS_UNBINDABLE,
            _ => bail!("linux.rootfsPropagation {p:?} in config.json: expected shared, slave, private or unbindable"),
        };
        mount(NONE, "/", NONE, MsFlags::MS_REC | flag, NONE)
            .with_context(|| format!("set the propagation of the container's / to {p}"))?;
    }
    Ok(())
}

fn pivot(rootfs: &Path) -> Result<()> {
    let old = std::fs::File::open("/").context("open /")?;
    std::env::set_current_dir(rootfs).with_context(|| format!("enter {}", rootfs.display()))?;
    match nix::unistd::pivot_root(".", ".") {
        Ok(()) => {
            // The old root is now stacked under the new one: detach it, without its unmount
            // reaching the host.
            mount(NONE, ".", NONE, MsFlags::MS_SLAVE | MsFlags::MS_REC, NONE)
                .context("make the old root a slave")?;
            umount2(".", MntFlags::MNT_DETACH).context("unmount the old root")?;
        }
        Err(nix::errno::Errno::EINVAL) => {
            // An initramfs root cannot be pivoted away from: move the rootfs over / instead.
            mount(Some("."), "/", NONE, MsFlags::MS_MOVE, NONE).context("move the rootfs to /")?;
            nix::unistd::chroot(".").context("chroot into the rootfs")?;
        }
        Err(e) => bail!(
            "pivot_root into {}: {}",
            rootfs.display(),
            crate::errtext::errno(e)
        ),
    }
    drop(old);
    std::env::set_current_dir("/").context("chdir /")?;
    Ok(())
}

/// After pivot_root: sysctls, read-only and masked paths, read-only root.
pub fn finish(spec: &Spec) -> Result<()> {
    let Some(linux) = spec.linux().as_ref() else {
        return Ok(());
    };
    for (k, v) in linux.sysctl().iter().flatten() {
        let p = Path::new("/proc/sys").join(k.replace('.', "/"));
        std::fs::write(&p, v).with_context(|| format!("write sysctl {k}"))?;
    }
    for p in linux.readonly_paths().iter().flatten() {
        let p = Path::new(p);
        // A path this kernel does not have is skipped before it becomes an error value (which
        // would capture a backtrace where RUST_BACKTRACE is set).
        match mount(Some(p), p, NONE, MsFlags::MS_BIND | MsFlags::MS_REC, NONE) {
            Ok(()) => remount_bind(
                p,
                MsFlags::MS_RDONLY | MsFlags::MS_NOSUID | MsFlags::MS_NODEV | MsFlags::MS_NOEXEC,
            )?,
            Err(nix::errno::Errno::ENOENT) => continue,
            Err(e) => {
                return Err(e).with_context(|| format!("bind {} on {}", p.display(), p.display()))
            }
        }
    }
    for p in linux.masked_paths().iter().flatten() {
        mask(Path::new(p))?;
    }
    if spec
        .root()
        .as_ref()
        .is_some_and(|r| r.readonly() == Some(true))
    {
        remount_bind(Path::new("/"), MsFlags::MS_RDONLY)?;
    }
    Ok(())
}

fn mask(p: &Path) -> Result<()> {
    let md = match std::fs::metadata(p) {
        Ok(m) => m,
        Err(_) => return Ok(()),
    };
    if md.is_dir() {
        mount(Some("tmpfs"), p, Some("tmpfs"), MsFlags::MS_RDONLY, NONE)
            .with_context(|| format!("mask {}", p.display()))
    } else {
        bind(Path::new("/dev/null"), p, false)
    }
}

/// `/dev/console` for a container with a terminal: its pty slave bound there.
pub fn bind_console(slave_path: &Path) -> Result<()> {
    let c = Path::new("/dev/console");
    ensure_file(c)?;
    bind(slave_path, c, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options() {
        let o = parse_options(&[
            "rbind".into(),
            "ro".into(),
            "rprivate".into(),
            "size=64k".into(),
        ]);
        assert!(o.bind && o.recursive);
        assert!(o.flags.contains(MsFlags::MS_RDONLY));
        assert_eq!(o.propagation, vec![MsFlags::MS_PRIVATE | MsFlags::MS_REC]);
        assert_eq!(o.data, ["size=64k"]);
    }

    #[test]
    fn locked_atime_wins_over_the_asked_one() {
        let want = MsFlags::MS_NOSUID | MsFlags::MS_STRICTATIME;
        let locked = MsFlags::MS_NODEV | MsFlags::MS_RELATIME;
        assert_eq!(
            with_locked(want, locked),
            MsFlags::MS_NOSUID | MsFlags::MS_NODEV | MsFlags::MS_RELATIME
        );
        // A strictatime source stays strictatime even when relatime is asked for.
        assert_eq!(
            with_locked(MsFlags::MS_RELATIME | MsFlags::MS_RDONLY, MsFlags::empty()),
            MsFlags::MS_RDONLY | MsFlags::MS_STRICTATIME
        );
    }

    #[test]
    fn symlinks_stay_inside() {
        let d = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/../../etc", d.path().join("up")).unwrap();
        std::fs::create_dir(d.path().join("etc")).unwrap();
        assert_eq!(
            resolve(d.path(), Path::new("/up/passwd")).unwrap(),
            (d.path().join("etc/passwd"), Found::Missing)
        );
        assert_eq!(
            resolve(d.path(), Path::new("/../x")).unwrap(),
            (d.path().join("x"), Found::Missing)
        );
        // What the walk saw at the end: the directory behind the link, or nothing to say.
        let (p, found) = resolve(d.path(), Path::new("/up")).unwrap();
        assert_eq!(p, d.path().join("etc"));
        assert!(matches!(found, Found::Is(t) if t.is_dir()));
        assert_eq!(
            resolve(d.path(), Path::new("/etc/..")).unwrap().1,
            Found::Unknown
        );
        std::os::unix::fs::symlink(".", d.path().join("here")).unwrap();
        assert_eq!(
            resolve(d.path(), Path::new("/here")).unwrap().1,
            Found::Unknown
        );
    }
}
