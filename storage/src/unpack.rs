//! Unpacking one uncompressed layer tarball into its overlay form, refusing any entry that
//! would land outside the layer directory. Whiteouts become 0/0 character devices and opaque
//! markers the `user.overlay.opaque` xattr, the form kernel overlayfs (`userxattr`) reads.

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::fs::{File, FileTimes};
use std::io::{self, BufReader, Read, Write};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::tarsplit::SplitRecorder;
use hutch_sys::fs as sysfs;

#[derive(Debug, thiserror::Error)]
pub enum UnpackError {
    #[error("layer {layer}: entry {entry:?}: {reason}")]
    Unsafe {
        layer: String,
        entry: String,
        reason: String,
    },
    #[error("layer {layer}: reading the tar stream: {source}")]
    Io {
        layer: String,
        #[source]
        source: std::io::Error,
    },
    #[error("layer {layer}: entry {entry:?}: {source}")]
    Entry {
        layer: String,
        entry: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "layer {layer}: entry {entry:?}: cannot set owner {uid}:{gid}: {source} (is the id mapped \
         in the user namespace? check the ranges in /etc/subuid and /etc/subgid)"
    )]
    Chown {
        layer: String,
        entry: String,
        uid: u64,
        gid: u64,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    TarSplit(#[from] crate::tarsplit::TarSplitError),
    #[error("layer {layer}: destination {path}: {source}")]
    Dest {
        layer: String,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

#[derive(Debug, Clone, Default)]
pub struct UnpackOptions {
    /// The layer's digest, named in every error.
    pub layer: String,
    /// With a single-id mapping, owners other than 0 cannot be set: keep going.
    pub ignore_chown_errors: bool,
    /// Where to record the layer's tar-split (see `tarsplit`), so the exact tar can be
    /// produced again from the unpacked directory.
    pub tar_split: Option<PathBuf>,
}

#[derive(Debug, Clone, Default)]
pub struct UnpackStats {
    pub entries: u64,
    pub bytes: u64,
    /// Whether the tar has an entry for the layer root (`./`). Without one the root is given
    /// mode 0755 here, but a stack shows the layers' below as `/` (`Staging::mark_root_inherited`).
    pub root_entry: bool,
}

pub(crate) const WHITEOUT_PREFIX: &[u8] = b".wh.";
const OPAQUE_MARKER: &[u8] = b".wh..wh..opq";
pub(crate) const OPAQUE_XATTR: &str = "user.overlay.opaque";
const COPY_BUF: usize = 1 << 20;

/// What this layer has put at a path so far; the destination starts empty, so this is the
/// whole truth about the tree and lets us refuse writes through symlinks without a syscall.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// `meta` is None for parents we created implicitly.
    Dir {
        meta: Option<DirMeta>,
    },
    File,
    Symlink,
    Whiteout,
    Fifo,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct DirMeta {
    mode: u32,
    mtime: (i64, i64),
}

/// Per-entry header data, with PAX overrides applied.
struct Meta {
    uid: u64,
    gid: u64,
    mode: u32,
    mtime: (i64, i64),
    xattrs: Vec<(OsString, Vec<u8>)>,
}

/// Reads an UNCOMPRESSED tar stream, writes the overlay form into `dest` (an empty directory),
/// then reads `reader` to EOF so the caller's digest covers the whole blob.
pub fn unpack_layer<R: Read>(
    reader: R,
    dest: &Path,
    opts: &UnpackOptions,
) -> Result<UnpackStats, UnpackError> {
    let dest_err = |source| UnpackError::Dest {
        layer: opts.layer.clone(),
        path: dest.to_path_buf(),
        source,
    };
    let dir = sysfs::open_dir(dest).map_err(dest_err)?;
    if std::fs::read_dir(dest).map_err(dest_err)?.next().is_some() {
        return Err(dest_err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "layer destination is not empty",
        )));
    }
    let (euid, egid) = sysfs::effective_ids();
    let split = match &opts.tar_split {
        Some(p) => Some(SplitRecorder::create(p)?),
        None => None,
    };
    let mut u = Unpacker {
        split: split.clone(),
        opts,
        dest,
        dir,
        seen: HashMap::new(),
        last_parent: None,
        root_meta: None,
        buf: vec![0u8; COPY_BUF],
        stats: UnpackStats::default(),
        euid,
        egid,
    };
    let io_err = |source| UnpackError::Io {
        layer: opts.layer.clone(),
        source,
    };
    let buffered = BufReader::with_capacity(256 << 10, reader);
    let input: Box<dyn Read + '_> = match &split {
        Some(s) => Box::new(s.tap(buffered)),
        None => Box::new(buffered),
    };
    let mut archive = tar::Archive::new(input);
    for entry in archive.entries().map_err(io_err)? {
        let mut entry = entry.map_err(io_err)?;
        u.entry(&mut entry)?;
    }
    u.finish()?;
    let stats = UnpackStats {
        root_entry: u.root_meta.is_some(),
        ..u.stats
    };
    // tar stops at its end-of-archive marker; the rest (padding) still counts for the digest.
    io::copy(&mut archive.into_inner(), &mut io::sink()).map_err(io_err)?;
    if let Some(s) = split {
        s.finish()?;
    }
    Ok(stats)
}

struct Unpacker<'a> {
    opts: &'a UnpackOptions,
    split: Option<SplitRecorder>,
    dest: &'a Path,
    dir: OwnedFd,
    seen: HashMap<PathBuf, Kind>,
    /// The parent directory most recently checked; entries come grouped by directory.
    last_parent: Option<PathBuf>,
    root_meta: Option<DirMeta>,
    buf: Vec<u8>,
    stats: UnpackStats,
    euid: u32,
    egid: u32,
}

fn lossy(raw: &[u8]) -> String {
    String::from_utf8_lossy(raw).into_owned()
}

/// Strips `./` and `.` components; refuses absolute paths, `..` and empty names.
/// An empty result means the layer root itself (`./`).
pub(crate) fn normalize(raw: &[u8]) -> Result<PathBuf, &'static str> {
    if raw.is_empty() {
        return Err("empty entry name");
    }
    if raw[0] == b'/' {
        return Err("absolute path");
    }
    let mut out = PathBuf::new();
    for comp in raw.split(|b| *b == b'/') {
        match comp {
            b"" | b"." => {}
            b".." => return Err("path escapes the layer"),
            c => out.push(OsStr::from_bytes(c)),
        }
    }
    Ok(out)
}

fn parse_pax_time(v: &[u8]) -> Option<(i64, i64)> {
    let s = std::str::from_utf8(v).ok()?;
    let (secs, frac) = match s.split_once('.') {
        Some((a, b)) => (a, b),
        None => (s, ""),
    };
    let secs: i64 = secs.parse().ok()?;
    let mut nanos: i64 = 0;
    for (i, c) in frac.chars().take(9).enumerate() {
        nanos += i64::from(c.to_digit(10)?) * 10i64.pow(8 - i as u32);
    }
    Some((secs, if secs < 0 { -nanos } else { nanos }))
}

/// Which PAX xattrs a layer may set: a hostile layer must not forge overlay markers
/// (opaque, redirect, metacopy) or trusted attributes.
pub fn xattr_allowed(name: &[u8]) -> bool {
    let has_overlay = name.windows(9).any(|w| w == b".overlay.");
    !has_overlay && (name.starts_with(b"user.") || name == b"security.capability")
}

impl Unpacker<'_> {
    fn fd(&self) -> BorrowedFd<'_> {
        self.dir.as_fd()
    }

    fn refuse(&self, raw: &[u8], reason: impl Into<String>) -> UnpackError {
        UnpackError::Unsafe {
            layer: self.opts.layer.clone(),
            entry: lossy(raw),
            reason: reason.into(),
        }
    }

    fn io(&self, raw: &[u8], source: io::Error) -> UnpackError {
        UnpackError::Entry {
            layer: self.opts.layer.clone(),
            entry: lossy(raw),
            source,
        }
    }

    fn meta<R: Read>(&self, e: &mut tar::Entry<'_, R>, raw: &[u8]) -> Result<Meta, UnpackError> {
        let h = e.header();
        // Writers that put ids or times in PAX records may leave the header fields empty.
        let (uid, gid, mtime) = (h.uid().ok(), h.gid().ok(), h.mtime().ok());
        let mut m = Meta {
            uid: uid.unwrap_or(0),
            gid: gid.unwrap_or(0),
            mode: h.mode().map_err(|err| self.io(raw, err))? & 0o7777,
            mtime: (mtime.unwrap_or(0) as i64, 0),
            xattrs: Vec::new(),
        };
        let (mut pax_uid, mut pax_gid) = (false, false);
        if let Some(pax) = e.pax_extensions().map_err(|err| self.io(raw, err))? {
            for ext in pax {
                let ext = ext.map_err(|err| self.io(raw, err))?;
                let key = ext.key_bytes();
                let value = ext.value_bytes();
                let num = || std::str::from_utf8(value).ok()?.parse::<u64>().ok();
                match key {
                    b"uid" => {
                        pax_uid = num().map(|v| m.uid = v).is_some();
                    }
                    b"gid" => {
                        pax_gid = num().map(|v| m.gid = v).is_some();
                    }
                    b"mtime" => m.mtime = parse_pax_time(value).unwrap_or(m.mtime),
                    _ => {
                        if let Some(name) = key.strip_prefix(b"SCHILY.xattr.") {
                            if xattr_allowed(name) {
                                m.xattrs
                                    .push((OsStr::from_bytes(name).to_owned(), value.to_vec()));
                            } else {
                                tracing::debug!(
                                    layer = %self.opts.layer,
                                    entry = %lossy(raw),
                                    xattr = %lossy(name),
                                    "dropping xattr a layer may not set"
                                );
                            }
                        }
                    }
                }
            }
        }
        if uid.is_none() && !pax_uid || gid.is_none() && !pax_gid {
            let what = if uid.is_none() { "uid" } else { "gid" };
            return Err(self.io(
                raw,
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("invalid {what} in tar header"),
                ),
            ));
        }
        Ok(m)
    }

    fn entry<R: Read>(&mut self, e: &mut tar::Entry<'_, R>) -> Result<(), UnpackError> {
        use tar::EntryType as T;
        let mut kind = e.header().entry_type();
        if matches!(
            kind,
            T::XGlobalHeader | T::XHeader | T::GNULongName | T::GNULongLink
        ) {
            return Ok(());
        }
        let raw = e.path_bytes().into_owned();
        // Old (v7) archives mark directories only by a trailing slash.
        if kind == T::Regular && raw.last() == Some(&b'/') {
            kind = T::Directory;
        }
        let rel = normalize(&raw).map_err(|reason| self.refuse(&raw, reason))?;
        self.stats.entries += 1;

        if rel.as_os_str().is_empty() {
            if kind != T::Directory {
                return Err(self.refuse(&raw, "empty entry name"));
            }
            let m = self.meta(e, &raw)?;
            self.chown(Path::new("."), None, &raw, m.uid, m.gid)?;
            self.xattrs(Path::new("."), None, &raw, &m.xattrs);
            self.root_meta = Some(DirMeta {
                mode: m.mode,
                mtime: m.mtime,
            });
            return Ok(());
        }

        let name = rel.file_name().map(OsStr::as_bytes).unwrap_or_default();
        if let Some(hidden) = name.strip_prefix(WHITEOUT_PREFIX) {
            return self.whiteout(&raw, &rel, hidden);
        }

        match kind {
            T::Directory => self.directory(e, &raw, rel),
            T::Regular | T::Continuous | T::GNUSparse => self.file(e, &raw, rel),
            T::Symlink => self.symlink(e, &raw, rel),
            T::Link => self.hardlink(e, &raw, rel),
            T::Fifo => self.fifo(e, &raw, rel),
            T::Char | T::Block => {
                let h = e.header();
                let major = h.device_major().ok().flatten().unwrap_or(0);
                let minor = h.device_minor().ok().flatten().unwrap_or(0);
                let what = if kind == T::Char {
                    "character"
                } else {
                    "block"
                };
                Err(self.refuse(
                    &raw,
                    format!(
                        "device nodes are not allowed in layers ({what} device {major}:{minor})"
                    ),
                ))
            }
            other => {
                tracing::warn!(layer = %self.opts.layer, entry = %lossy(&raw),
                    "skipping tar entry of unsupported type {:?}", other.as_byte() as char);
                Ok(())
            }
        }
    }

    /// Makes sure every parent of `rel` is a directory this layer has (creating missing ones
    /// 0755), refusing to pass through a symlink or a non-directory.
    fn ensure_parents(&mut self, raw: &[u8], rel: &Path) -> Result<(), UnpackError> {
        let Some(parent) = rel.parent() else {
            return Ok(());
        };
        if parent.as_os_str().is_empty() || self.last_parent.as_deref() == Some(parent) {
            return Ok(());
        }
        self.ensure_dir_path(raw, parent)?;
        self.last_parent = Some(parent.to_path_buf());
        Ok(())
    }

    fn ensure_dir_path(&mut self, raw: &[u8], dir: &Path) -> Result<(), UnpackError> {
        let mut cur = PathBuf::new();
        for comp in dir.components() {
            cur.push(comp);
            match self.seen.get(&cur) {
                Some(Kind::Dir { .. }) => {}
                Some(Kind::Symlink) => {
                    return Err(self.refuse(
                        raw,
                        format!(
                            "parent {:?} is a symlink in this layer: writing through it is refused",
                            cur.display().to_string()
                        ),
                    ))
                }
                Some(_) => {
                    return Err(self.refuse(
                        raw,
                        format!("parent {:?} is not a directory", cur.display().to_string()),
                    ))
                }
                None => {
                    sysfs::mkdir_at(self.fd(), &cur, 0o755).map_err(|e| self.io(raw, e))?;
                    self.seen.insert(cur.clone(), Kind::Dir { meta: None });
                }
            }
        }
        Ok(())
    }

    /// Removes whatever this layer put at `rel` earlier (a directory with its whole subtree).
    fn remove_existing(&mut self, raw: &[u8], rel: &Path) -> Result<Option<Kind>, UnpackError> {
        let Some(kind) = self.seen.get(rel).copied() else {
            return Ok(None);
        };
        self.last_parent = None;
        if let Some(s) = &self.split {
            s.replaced(rel);
        }
        if let Kind::Dir { .. } = kind {
            std::fs::remove_dir_all(self.dest.join(rel)).map_err(|e| self.io(raw, e))?;
            self.seen.retain(|p, _| !p.starts_with(rel));
        } else {
            sysfs::unlink_at(self.fd(), rel).map_err(|e| self.io(raw, e))?;
            self.seen.remove(rel);
        }
        Ok(Some(kind))
    }

    fn chown(
        &self,
        rel: &Path,
        file: Option<&File>,
        raw: &[u8],
        uid: u64,
        gid: u64,
    ) -> Result<(), UnpackError> {
        // New entries already belong to us: directories here are never setgid until the
        // final pass, so a new file's group is our egid.
        if file.is_some() && uid == u64::from(self.euid) && gid == u64::from(self.egid) {
            return Ok(());
        }
        let (Ok(u), Ok(g)) = (u32::try_from(uid), u32::try_from(gid)) else {
            return self.chown_failed(raw, uid, gid, io::Error::from_raw_os_error(22));
        };
        let res = match file {
            Some(f) => std::os::unix::fs::fchown(f, Some(u), Some(g)),
            None => sysfs::lchown_at(self.fd(), rel, u, g),
        };
        match res {
            Ok(()) => Ok(()),
            Err(e) => self.chown_failed(raw, uid, gid, e),
        }
    }

    fn chown_failed(
        &self,
        raw: &[u8],
        uid: u64,
        gid: u64,
        e: io::Error,
    ) -> Result<(), UnpackError> {
        if self.opts.ignore_chown_errors && sysfs::is_chown_unmappable(&e) {
            tracing::debug!(layer = %self.opts.layer, entry = %lossy(raw), uid, gid,
                "ignoring owner that cannot be set: {e}");
            return Ok(());
        }
        Err(UnpackError::Chown {
            layer: self.opts.layer.clone(),
            entry: lossy(raw),
            uid,
            gid,
            source: e,
        })
    }

    /// Best effort: a filesystem or user that cannot hold an xattr must not fail the pull.
    fn xattrs(&self, rel: &Path, file: Option<&File>, raw: &[u8], xattrs: &[(OsString, Vec<u8>)]) {
        for (name, value) in xattrs {
            let res = match file {
                Some(f) => sysfs::fsetxattr(f.as_fd(), name, value),
                None => sysfs::lsetxattr(&self.dest.join(rel), name, value),
            };
            if let Err(e) = res {
                tracing::debug!(layer = %self.opts.layer, entry = %lossy(raw),
                    xattr = %name.to_string_lossy(), "cannot set xattr: {e}");
            }
        }
    }

    fn whiteout(&mut self, raw: &[u8], rel: &Path, hidden: &[u8]) -> Result<(), UnpackError> {
        let parent = rel.parent().unwrap_or(Path::new(""));
        if hidden == &OPAQUE_MARKER[WHITEOUT_PREFIX.len()..] {
            if !parent.as_os_str().is_empty() {
                self.ensure_dir_path(raw, parent)?;
            }
            let target = if parent.as_os_str().is_empty() {
                self.dest.to_path_buf()
            } else {
                self.dest.join(parent)
            };
            sysfs::lsetxattr(&target, OsStr::new(OPAQUE_XATTR), b"y")
                .map_err(|e| self.io(raw, e))?;
            return Ok(());
        }
        if hidden.starts_with(WHITEOUT_PREFIX) {
            // Other `.wh..wh.` names are aufs bookkeeping, meaningless here.
            tracing::debug!(layer = %self.opts.layer, entry = %lossy(raw), "skipping aufs metadata");
            return Ok(());
        }
        if hidden.is_empty() || hidden == b"." || hidden == b".." {
            return Err(self.refuse(raw, "whiteout names no entry"));
        }
        self.ensure_parents(raw, rel)?;
        let target = parent.join(OsStr::from_bytes(hidden));
        self.remove_existing(raw, &target)?;
        sysfs::mknod_whiteout_at(self.fd(), &target).map_err(|e| self.io(raw, e))?;
        self.seen.insert(target, Kind::Whiteout);
        Ok(())
    }

    fn directory<R: Read>(
        &mut self,
        e: &mut tar::Entry<'_, R>,
        raw: &[u8],
        rel: PathBuf,
    ) -> Result<(), UnpackError> {
        let m = self.meta(e, raw)?;
        self.ensure_parents(raw, &rel)?;
        match self.seen.get(&rel) {
            Some(Kind::Dir { .. }) => {}
            Some(_) => {
                self.remove_existing(raw, &rel)?;
                sysfs::mkdir_at(self.fd(), &rel, 0o700).map_err(|e| self.io(raw, e))?;
            }
            None => sysfs::mkdir_at(self.fd(), &rel, 0o700).map_err(|e| self.io(raw, e))?,
        }
        self.chown(&rel, None, raw, m.uid, m.gid)?;
        self.xattrs(&rel, None, raw, &m.xattrs);
        // Mode and mtime wait for the final pass: a read-only directory must still take its
        // children, and creating children changes the mtime.
        self.seen.insert(
            rel,
            Kind::Dir {
                meta: Some(DirMeta {
                    mode: m.mode,
                    mtime: m.mtime,
                }),
            },
        );
        Ok(())
    }

    fn file<R: Read>(
        &mut self,
        e: &mut tar::Entry<'_, R>,
        raw: &[u8],
        rel: PathBuf,
    ) -> Result<(), UnpackError> {
        let m = self.meta(e, raw)?;
        self.ensure_parents(raw, &rel)?;
        self.remove_existing(raw, &rel)?;
        let mut f =
            sysfs::create_new_at(self.fd(), &rel, 0o600).map_err(|err| self.io(raw, err))?;
        self.seen.insert(rel.clone(), Kind::File);
        if let Some(s) = &self.split {
            if matches!(
                e.header().entry_type(),
                tar::EntryType::Regular | tar::EntryType::Continuous
            ) {
                s.file_content(e.raw_file_position(), e.size(), &rel);
            }
        }
        loop {
            let n = match e.read(&mut self.buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => {
                    return Err(UnpackError::Io {
                        layer: self.opts.layer.clone(),
                        source: err,
                    })
                }
            };
            f.write_all(&self.buf[..n])
                .map_err(|err| self.io(raw, err))?;
            self.stats.bytes += n as u64;
        }
        self.chown(&rel, Some(&f), raw, m.uid, m.gid)?;
        // After chown, which clears setuid/setgid and file capabilities.
        f.set_permissions(std::fs::Permissions::from_mode(m.mode))
            .map_err(|err| self.io(raw, err))?;
        self.xattrs(&rel, Some(&f), raw, &m.xattrs);
        let t = systime(m.mtime);
        f.set_times(FileTimes::new().set_accessed(t).set_modified(t))
            .map_err(|err| self.io(raw, err))?;
        Ok(())
    }

    fn symlink<R: Read>(
        &mut self,
        e: &mut tar::Entry<'_, R>,
        raw: &[u8],
        rel: PathBuf,
    ) -> Result<(), UnpackError> {
        let m = self.meta(e, raw)?;
        let target = match e.link_name_bytes() {
            Some(t) if !t.is_empty() => t.into_owned(),
            _ => return Err(self.refuse(raw, "symlink has no target")),
        };
        self.ensure_parents(raw, &rel)?;
        self.remove_existing(raw, &rel)?;
        sysfs::symlink_at(OsStr::from_bytes(&target), self.fd(), &rel)
            .map_err(|err| self.io(raw, err))?;
        self.seen.insert(rel.clone(), Kind::Symlink);
        self.chown(&rel, None, raw, m.uid, m.gid)?;
        self.xattrs(&rel, None, raw, &m.xattrs);
        sysfs::set_times_at(self.fd(), &rel, m.mtime.0, m.mtime.1)
            .map_err(|err| self.io(raw, err))?;
        Ok(())
    }

    fn hardlink<R: Read>(
        &mut self,
        e: &mut tar::Entry<'_, R>,
        raw: &[u8],
        rel: PathBuf,
    ) -> Result<(), UnpackError> {
        let link = e
            .link_name_bytes()
            .map(|l| l.into_owned())
            .unwrap_or_default();
        let target = match normalize(&link) {
            Ok(t) if !t.as_os_str().is_empty() => t,
            Ok(_) => return Err(self.refuse(raw, "hardlink has no target")),
            Err(why) => {
                return Err(self.refuse(raw, format!("hardlink target {:?}: {why}", lossy(&link))))
            }
        };
        self.check_link_target(raw, &link, &target)?;
        if target == rel {
            return Ok(());
        }
        self.ensure_parents(raw, &rel)?;
        self.remove_existing(raw, &rel)?;
        // Removing `rel` may have removed the target with it.
        let kind = self.check_link_target(raw, &link, &target)?;
        sysfs::hardlink_at(self.fd(), &target, &rel).map_err(|err| self.io(raw, err))?;
        self.seen.insert(rel, kind);
        Ok(())
    }

    fn check_link_target(
        &self,
        raw: &[u8],
        link: &[u8],
        target: &Path,
    ) -> Result<Kind, UnpackError> {
        let mut cur = PathBuf::new();
        let mut comps = target.components().peekable();
        while let Some(comp) = comps.next() {
            cur.push(comp);
            if comps.peek().is_none() {
                break;
            }
            match self.seen.get(&cur) {
                Some(Kind::Dir { .. }) => {}
                Some(Kind::Symlink) => {
                    return Err(self.refuse(
                        raw,
                        format!(
                            "hardlink target {:?} passes through symlink {:?}",
                            lossy(link),
                            cur.display().to_string()
                        ),
                    ))
                }
                _ => {
                    return Err(self.refuse(
                        raw,
                        format!(
                            "hardlink target {:?} does not exist in this layer",
                            lossy(link)
                        ),
                    ))
                }
            }
        }
        match self.seen.get(target) {
            Some(k @ (Kind::File | Kind::Symlink | Kind::Fifo)) => Ok(*k),
            Some(Kind::Dir { .. }) => Err(self.refuse(
                raw,
                format!("hardlink target {:?} is a directory", lossy(link)),
            )),
            _ => Err(self.refuse(
                raw,
                format!(
                    "hardlink target {:?} does not exist in this layer",
                    lossy(link)
                ),
            )),
        }
    }

    fn fifo<R: Read>(
        &mut self,
        e: &mut tar::Entry<'_, R>,
        raw: &[u8],
        rel: PathBuf,
    ) -> Result<(), UnpackError> {
        let m = self.meta(e, raw)?;
        self.ensure_parents(raw, &rel)?;
        self.remove_existing(raw, &rel)?;
        sysfs::mkfifo_at(self.fd(), &rel, 0o600).map_err(|err| self.io(raw, err))?;
        self.seen.insert(rel.clone(), Kind::Fifo);
        self.chown(&rel, None, raw, m.uid, m.gid)?;
        sysfs::chmod_at(self.fd(), &rel, m.mode).map_err(|err| self.io(raw, err))?;
        self.xattrs(&rel, None, raw, &m.xattrs);
        sysfs::set_times_at(self.fd(), &rel, m.mtime.0, m.mtime.1)
            .map_err(|err| self.io(raw, err))?;
        Ok(())
    }

    /// Directory modes and mtimes, deepest first so a directory without search permission
    /// is closed only after everything under it is done.
    fn finish(&mut self) -> Result<(), UnpackError> {
        let mut dirs: Vec<(&PathBuf, Option<DirMeta>)> = self
            .seen
            .iter()
            .filter_map(|(p, k)| match k {
                Kind::Dir { meta } => Some((p, *meta)),
                _ => None,
            })
            .collect();
        dirs.sort_unstable_by(|a, b| b.0.cmp(a.0));
        let fd = self.dir.as_fd();
        let err = |p: &Path, source| UnpackError::Entry {
            layer: self.opts.layer.clone(),
            entry: p.display().to_string(),
            source,
        };
        for (path, meta) in dirs {
            match meta {
                Some(m) => {
                    sysfs::chmod_at(fd, path, m.mode).map_err(|e| err(path, e))?;
                    sysfs::set_times_at(fd, path, m.mtime.0, m.mtime.1)
                        .map_err(|e| err(path, e))?;
                }
                None => sysfs::chmod_at(fd, path, 0o755).map_err(|e| err(path, e))?,
            }
        }
        let root = Path::new(".");
        match self.root_meta {
            Some(m) => {
                sysfs::chmod_at(fd, root, m.mode).map_err(|e| err(root, e))?;
                sysfs::set_times_at(fd, root, m.mtime.0, m.mtime.1).map_err(|e| err(root, e))?;
            }
            None => sysfs::chmod_at(fd, root, 0o755).map_err(|e| err(root, e))?,
        }
        Ok(())
    }
}

fn systime((sec, nsec): (i64, i64)) -> SystemTime {
    if sec >= 0 {
        SystemTime::UNIX_EPOCH + Duration::new(sec as u64, nsec.clamp(0, 999_999_999) as u32)
    } else {
        SystemTime::UNIX_EPOCH - Duration::new(sec.unsigned_abs(), 0)
    }
}
