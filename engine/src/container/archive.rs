//! Trees in and out of a container as tar streams or host files: `export` (the whole root
//! filesystem), `cp` in both directions, and the tar of a layer made from an upper directory
//! (overlay whiteouts turned back into `.wh.` entries; see `layer_dir` for the layer itself). Paths inside the container go through
//! `rootfs::resolve_in_root`, so neither reading nor writing follows a symlink out of it.

use super::rootfs::View;
use super::ContainerError;
use crate::{EngineError, Result};
use std::collections::HashMap;
use std::ffi::OsString;
use std::fs::{File, Metadata};
use std::io::{self, BufRead, Read, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Component, Path, PathBuf};

/// What `cp`, `export` and the tar writer refuse, each naming the path it is about.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error("cannot copy directory {src} onto file {dest}")]
    DirectoryOntoFile { src: PathBuf, dest: PathBuf },
    #[error("cannot overwrite directory {path} with a non-directory")]
    OverwriteDirectory { path: PathBuf },
    /// Only when asked (Docker's `noOverwriteDirNonDir`); else the file is replaced.
    #[error("cannot overwrite non-directory {path} with a directory")]
    OverwriteNonDirectory { path: PathBuf },
    #[error("{path}: not a file name")]
    NotAFileName { path: PathBuf },
    /// A parent directory became something else (a symlink) between creating and checking it.
    #[error("{path}: the path changed while copying")]
    PathChanged { path: PathBuf },
    #[error("tar entry {entry}: \"..\" is not allowed in a path")]
    ParentInPath { entry: PathBuf },
    /// `cp -` (a tar stream) into a container path that is not a directory.
    #[error("{container}:{path}: the destination of a tar stream must be an existing directory")]
    StreamNeedsDirectory { container: String, path: String },
    /// A `cp` destination written as a directory (`DIR/`) that the container does not have.
    #[error("{container}:{path}: no such directory in the container")]
    NoSuchDirectory { container: String, path: String },
    /// `link` is "symlink" or "hard link".
    #[error("tar entry {entry}: {link} without a target")]
    LinkWithoutTarget { entry: PathBuf, link: &'static str },
}

impl From<CopyError> for EngineError {
    fn from(e: CopyError) -> Self {
        EngineError::Copy(Box::new(e))
    }
}

/// How entries of the tree are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeMode {
    /// As they are (export, cp).
    Plain,
    /// An overlay upper directory as an OCI layer: whiteouts become `.wh.NAME`, opaque
    /// directories get a `.wh..wh..opq` entry.
    Layer,
}

/// A tar writer that keeps hard links as links and never reads past a file's size.
pub struct TarWriter<W: Write> {
    builder: tar::Builder<W>,
    links: HashMap<(u64, u64), String>,
    /// A keep-id container's namespace: owners are written as the container numbers them.
    ids: Option<super::spec::KeepId>,
    /// A layer directory being moved into the store: each entry is fixed up as it is written.
    in_place: Option<hutch_storage::InPlace>,
}

fn dev_major(rdev: u64) -> u32 {
    (((rdev >> 32) & 0xffff_f000) | ((rdev >> 8) & 0xfff)) as u32
}

fn dev_minor(rdev: u64) -> u32 {
    (((rdev >> 12) & 0xffff_ff00) | (rdev & 0xff)) as u32
}

fn header_for(meta: &Metadata) -> tar::Header {
    let mut h = tar::Header::new_gnu();
    h.set_mode(meta.mode() & 0o7777);
    h.set_uid(u64::from(meta.uid()));
    h.set_gid(u64::from(meta.gid()));
    h.set_mtime(meta.mtime().max(0) as u64);
    h.set_size(0);
    h
}

impl<W: Write> TarWriter<W> {
    pub fn new(w: W) -> TarWriter<W> {
        let mut builder = tar::Builder::new(w);
        builder.follow_symlinks(false);
        TarWriter {
            builder,
            links: HashMap::new(),
            ids: None,
            in_place: None,
        }
    }

    /// Gives each entry of a layer tree, as it is written, the form unpacking the tar would
    /// give it (`hutch_storage::InPlace`), so the tree can be the layer itself.
    pub fn in_place(mut self, fix: hutch_storage::InPlace) -> TarWriter<W> {
        self.in_place = Some(fix);
        self
    }

    /// Writes owners as keep-id container `k` sees them.
    pub fn container_ids(mut self, k: Option<super::spec::KeepId>) -> TarWriter<W> {
        self.ids = k;
        self
    }

    pub fn finish(self) -> io::Result<W> {
        self.builder.into_inner()
    }

    /// Appends one entry (not its children) read from `path`, named `name`.
    pub fn append(&mut self, path: &Path, name: &str, meta: &Metadata) -> io::Result<()> {
        let mut h = header_for(meta);
        if let Some(k) = self.ids {
            h.set_uid(u64::from(k.container_uid(meta.uid())));
            h.set_gid(u64::from(k.container_gid(meta.gid())));
        }
        let ft = meta.file_type();
        if ft.is_file() && meta.nlink() > 1 {
            let key = (meta.dev(), meta.ino());
            if let Some(first) = self.links.get(&key) {
                h.set_entry_type(tar::EntryType::Link);
                let first = first.clone();
                return self.builder.append_link(&mut h, name, first);
            }
            self.links.insert(key, name.to_string());
        }
        if ft.is_dir() {
            h.set_entry_type(tar::EntryType::Directory);
            self.builder
                .append_data(&mut h, format!("{name}/"), io::empty())
        } else if ft.is_file() {
            h.set_entry_type(tar::EntryType::Regular);
            h.set_size(meta.len());
            let f = File::open(path)?;
            // A file that grows while a running container writes it must not overrun its
            // header; one that shrinks fails the copy.
            let mut data = f.take(meta.len());
            self.builder.append_data(&mut h, name, &mut data)
        } else if ft.is_symlink() {
            h.set_entry_type(tar::EntryType::Symlink);
            let target = std::fs::read_link(path)?;
            self.builder.append_link(&mut h, name, target)
        } else if ft.is_char_device() || ft.is_block_device() {
            h.set_entry_type(if ft.is_char_device() {
                tar::EntryType::Char
            } else {
                tar::EntryType::Block
            });
            h.set_device_major(dev_major(meta.rdev()))?;
            h.set_device_minor(dev_minor(meta.rdev()))?;
            self.builder.append_data(&mut h, name, io::empty())
        } else if ft.is_fifo() {
            h.set_entry_type(tar::EntryType::Fifo);
            self.builder.append_data(&mut h, name, io::empty())
        } else {
            // Sockets have no tar form.
            Ok(())
        }
    }

    fn append_empty_file(&mut self, name: &str) -> io::Result<()> {
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(tar::EntryType::Regular);
        h.set_mode(0o644);
        h.set_size(0);
        self.builder.append_data(&mut h, name, io::empty())
    }

    /// A PAX header carrying the xattrs a layer keeps (`user.*` except overlay's, and
    /// `security.capability`, as unpacking does) for the entry that follows; none, no header.
    fn append_xattrs(&mut self, path: &Path, name: &str, names: Vec<OsString>) -> io::Result<()> {
        let mut records = Vec::new();
        let mut keys: Vec<_> = names
            .into_iter()
            .filter(|n| hutch_storage::unpack::xattr_allowed(n.as_encoded_bytes()))
            .collect();
        keys.sort();
        for key in keys {
            let Some(value) = hutch_sys::fs::lgetxattr(path, &key)? else {
                continue;
            };
            let mut body = b"SCHILY.xattr.".to_vec();
            body.extend_from_slice(key.as_encoded_bytes());
            body.push(b'=');
            body.extend_from_slice(&value);
            body.push(b'\n');
            // The length counts its own digits and the space after them.
            let mut len = body.len() + 2;
            while len != body.len() + 1 + len.to_string().len() {
                len = body.len() + 1 + len.to_string().len();
            }
            records.extend_from_slice(format!("{len} ").as_bytes());
            records.extend_from_slice(&body);
        }
        if records.is_empty() {
            return Ok(());
        }
        let mut h = tar::Header::new_ustar();
        let short: String = name
            .chars()
            .rev()
            .take(80)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        h.set_path(format!("PaxHeaders/{}", short.trim_start_matches('/')))
            .or_else(|_| h.set_path("PaxHeaders/entry"))?;
        h.set_entry_type(tar::EntryType::XHeader);
        h.set_mode(0o644);
        h.set_size(records.len() as u64);
        h.set_cksum();
        self.builder.append(&h, records.as_slice())
    }

    /// Appends `path` named `name` and, for a directory, everything below it in name order.
    /// An empty `name` writes only the children (a whole root filesystem).
    pub fn append_tree(&mut self, path: &Path, name: &str, mode: TreeMode) -> io::Result<()> {
        let meta = std::fs::symlink_metadata(path)?;
        if !name.is_empty() {
            if mode == TreeMode::Layer && hutch_sys::fs::is_whiteout(&meta) {
                let (parent, base) = match name.rsplit_once('/') {
                    Some((p, b)) => (format!("{p}/"), b),
                    None => (String::new(), name),
                };
                return self.append_empty_file(&format!("{parent}.wh.{base}"));
            }
            if mode == TreeMode::Layer {
                let xattrs = match hutch_sys::fs::llistxattr(path) {
                    Ok(n) => n,
                    Err(e) if hutch_sys::fs::is_xattr_unsupported(&e) => Vec::new(),
                    Err(e) => return Err(e),
                };
                if let Some(fix) = &self.in_place {
                    fix.entry(Path::new(name), &meta, &xattrs)?;
                }
                self.append_xattrs(path, name, xattrs)?;
            }
            self.append(path, name, &meta)?;
        }
        if !meta.is_dir() {
            return self.written(name, &meta);
        }
        if mode == TreeMode::Layer && !name.is_empty() && hutch_storage::is_opaque(path) {
            self.append_empty_file(&format!("{name}/.wh..wh..opq"))?;
        }
        let mut children: Vec<_> = std::fs::read_dir(path)?
            .map(|e| e.map(|e| e.file_name()))
            .collect::<io::Result<_>>()?;
        children.sort();
        for child in children {
            let child_name = child.to_string_lossy();
            let n = if name.is_empty() {
                child_name.into_owned()
            } else {
                format!("{name}/{child_name}")
            };
            self.append_tree(&path.join(&child), &n, mode)?;
        }
        self.written(name, &meta)
    }

    /// Entry `name` and everything below it are written.
    fn written(&self, name: &str, meta: &Metadata) -> io::Result<()> {
        match &self.in_place {
            Some(fix) if !name.is_empty() => fix.written(Path::new(name), meta),
            _ => Ok(()),
        }
    }
}

fn cerr(path: &Path) -> impl FnOnce(io::Error) -> EngineError + '_ {
    move |e| ContainerError::io(path, e).into()
}

/// Writes the whole tree at `root` as a tar stream (entries relative, no leading `/`).
pub fn export<W: Write>(root: &Path, out: W) -> Result<W> {
    export_as(root, out, None)
}

/// `export` with owners as keep-id container `ids` sees them.
pub fn export_as<W: Write>(root: &Path, out: W, ids: Option<super::spec::KeepId>) -> Result<W> {
    let mut t = TarWriter::new(out).container_ids(ids);
    t.append_tree(root, "", TreeMode::Plain)
        .map_err(cerr(root))?;
    t.finish().map_err(cerr(root))
}

/// Writes an overlay upper directory as an OCI layer tar.
pub fn layer_tar<W: Write>(upper: &Path, out: W) -> Result<W> {
    layer_tar_as(upper, out, None)
}

/// `layer_tar` of a keep-id container's upper directory: owners as the container sees them,
/// which is what the image's layers hold.
pub fn layer_tar_as<W: Write>(upper: &Path, out: W, ids: Option<super::spec::KeepId>) -> Result<W> {
    let mut t = TarWriter::new(out).container_ids(ids);
    t.append_tree(upper, "", TreeMode::Layer)
        .map_err(cerr(upper))?;
    t.finish().map_err(cerr(upper))
}

/// Where a `cp` source is inside the container: the resolved host path (the last component
/// not followed, as `cp` copies a symlink itself) and whether the source path asked for the
/// directory's contents (`dir/.`).
pub fn resolve_source(view: &View, path: &str) -> Result<(PathBuf, bool)> {
    let contents = path.ends_with("/.") || path == ".";
    let p = Path::new(path);
    let resolved = view
        .resolve(p, false)
        .map_err(|e| EngineError::from(ContainerError::io(PathBuf::from(path), e)))?;
    if std::fs::symlink_metadata(&resolved).is_err() {
        return Err(ContainerError::io(
            PathBuf::from(path),
            io::Error::new(
                io::ErrorKind::NotFound,
                "no such file or directory in the container",
            ),
        )
        .into());
    }
    Ok((resolved, contents))
}

/// `cp CONTAINER:SRC -`: a tar stream of the source, named by its last component.
pub fn copy_out_tar<W: Write>(
    src: &Path,
    contents: bool,
    out: W,
    ids: Option<super::spec::KeepId>,
) -> Result<W> {
    let mut t = TarWriter::new(out).container_ids(ids);
    let name = if contents {
        String::new()
    } else {
        base_name(src)
    };
    t.append_tree(src, &name, TreeMode::Plain)
        .map_err(cerr(src))?;
    t.finish().map_err(cerr(src))
}

fn base_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| ".".into())
}

/// `cp CONTAINER:SRC DEST` with DEST on the host: docker's rules for where the copy goes.
/// Files are written with this user's ownership.
pub fn copy_out(src: &Path, contents: bool, dest: &Path) -> Result<()> {
    let meta = std::fs::symlink_metadata(src).map_err(cerr(src))?;
    let target = match std::fs::metadata(dest) {
        Ok(d) if d.is_dir() => {
            if meta.is_dir() && contents {
                dest.to_path_buf()
            } else {
                dest.join(base_name(src))
            }
        }
        Ok(_) if meta.is_dir() => {
            return Err(CopyError::DirectoryOntoFile {
                src: src.to_path_buf(),
                dest: dest.to_path_buf(),
            }
            .into())
        }
        Ok(_) => dest.to_path_buf(),
        Err(_) => {
            if dest.to_string_lossy().ends_with('/') {
                return Err(ContainerError::io(
                    dest,
                    io::Error::new(
                        io::ErrorKind::NotFound,
                        "destination directory does not exist",
                    ),
                )
                .into());
            }
            dest.to_path_buf()
        }
    };
    copy_host_tree(src, &target)
}

fn copy_host_tree(src: &Path, dst: &Path) -> Result<()> {
    let meta = std::fs::symlink_metadata(src).map_err(cerr(src))?;
    let ft = meta.file_type();
    if ft.is_dir() {
        match std::fs::create_dir(dst) {
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(cerr(dst)(e)),
            _ => {}
        }
        let mut children: Vec<_> = std::fs::read_dir(src)
            .map_err(cerr(src))?
            .filter_map(|e| e.ok().map(|e| e.file_name()))
            .collect();
        children.sort();
        for c in children {
            copy_host_tree(&src.join(&c), &dst.join(&c))?;
        }
        let _ =
            std::fs::set_permissions(dst, std::fs::Permissions::from_mode(meta.mode() & 0o7777));
    } else if ft.is_symlink() {
        let target = std::fs::read_link(src).map_err(cerr(src))?;
        remove_non_dir(dst)?;
        std::os::unix::fs::symlink(target, dst).map_err(cerr(dst))?;
    } else if ft.is_file() {
        remove_non_dir(dst)?;
        let mut from = File::open(src).map_err(cerr(src))?;
        let mut to = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(meta.mode() & 0o7777)
            .open(dst)
            .map_err(cerr(dst))?;
        io::copy(&mut from, &mut to).map_err(cerr(dst))?;
    }
    // Devices, FIFOs and sockets are not copied to the host (as docker cp).
    Ok(())
}

fn remove_non_dir(p: &Path) -> Result<()> {
    match std::fs::symlink_metadata(p) {
        Ok(m) if m.is_dir() => Err(CopyError::OverwriteDirectory {
            path: p.to_path_buf(),
        }
        .into()),
        Ok(_) => std::fs::remove_file(p).map_err(cerr(p)),
        Err(_) => Ok(()),
    }
}

/// Who owns the entries a `Writer` creates; ids as hutch's namespace numbers them.
#[derive(Debug, Clone, Copy, Default)]
pub enum Owners {
    /// Their creator, hutch's root: the container's root (the user's own ids with keep-id).
    #[default]
    Creator,
    /// One user and group for everything: `cp`'s default (podman's `--archive`), the
    /// container's user.
    All(u32, u32),
    /// The owners a tar stream's entries name (container ids), translated for a keep-id
    /// container's namespace; what `host_tree` copies keeps its owners as hutch sees them.
    Kept(Option<super::spec::KeepId>),
}

/// Writes entries into a container's root filesystem. Every path is resolved inside the root
/// with its parents' symlinks followed there, and the entry itself is created without
/// following anything, so nothing lands outside the root.
pub struct Writer {
    view: View,
    keep_non_dirs: bool,
    replace_dirs: bool,
    owners: Owners,
}

impl Writer {
    pub fn new(root: &Path) -> Writer {
        Writer::in_view(View::new(root))
    }

    /// A writer into `view`: a root and the mounts below it.
    pub fn in_view(view: View) -> Writer {
        Writer {
            view,
            keep_non_dirs: false,
            replace_dirs: false,
            owners: Owners::Creator,
        }
    }

    /// Replaces a directory in the way of a non-directory (podman's `cp --overwrite`) instead
    /// of refusing.
    pub fn replace_dirs(mut self, on: bool) -> Writer {
        self.replace_dirs = on;
        self
    }

    fn clear(&self, p: &Path) -> Result<()> {
        match std::fs::symlink_metadata(p) {
            Ok(m) if m.is_dir() && self.replace_dirs => std::fs::remove_dir_all(p).map_err(cerr(p)),
            _ => remove_non_dir(p),
        }
    }

    pub fn owners(mut self, owners: Owners) -> Writer {
        self.owners = owners;
        self
    }

    /// Gives `p` its owner; `ids` are the source's (container ids for a tar entry).
    fn own(&self, p: &Path, ids: Option<(u32, u32)>, from_tar: bool) -> Result<()> {
        let (uid, gid) = match (self.owners, ids) {
            (Owners::All(u, g), _) => (u, g),
            (Owners::Kept(Some(k)), Some((u, g))) if from_tar => (k.hutch_uid(u), k.hutch_gid(g)),
            (Owners::Kept(_), Some(ids)) => ids,
            _ => return Ok(()),
        };
        std::os::unix::fs::lchown(p, Some(uid), Some(gid)).map_err(cerr(p))
    }

    /// Refuses to replace a file (or symlink) with a directory, as it always refuses the
    /// opposite (Docker's `noOverwriteDirNonDir`).
    pub fn keep_non_dirs(mut self, on: bool) -> Writer {
        self.keep_non_dirs = on;
        self
    }

    /// The host path for container path `rel`: parents resolved (and created as directories
    /// where missing), the last component as it is.
    fn place(&self, rel: &Path) -> Result<PathBuf> {
        let parent = rel.parent().unwrap_or(Path::new("/"));
        let name = rel.file_name().ok_or_else(|| CopyError::NotAFileName {
            path: rel.to_path_buf(),
        })?;
        let dir = self
            .view
            .resolve(parent, true)
            .map_err(|e| EngineError::from(ContainerError::io(parent, e)))?;
        std::fs::create_dir_all(&dir).map_err(cerr(&dir))?;
        // Re-check: a component created meanwhile by the container could be a symlink.
        let again = self
            .view
            .resolve(parent, true)
            .map_err(|e| EngineError::from(ContainerError::io(parent, e)))?;
        if again != dir || !self.view.holds(&dir) {
            return Err(CopyError::PathChanged {
                path: rel.to_path_buf(),
            }
            .into());
        }
        Ok(dir.join(name))
    }

    pub fn dir(&self, rel: &Path, mode: u32) -> Result<()> {
        self.dir_owned(rel, mode, None, false)
    }

    fn dir_owned(&self, rel: &Path, mode: u32, ids: Option<(u32, u32)>, tar: bool) -> Result<()> {
        let p = self.place(rel)?;
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.is_dir() => {}
            Ok(_) if self.keep_non_dirs => {
                return Err(CopyError::OverwriteNonDirectory {
                    path: rel.to_path_buf(),
                }
                .into())
            }
            Ok(_) => {
                std::fs::remove_file(&p).map_err(cerr(&p))?;
                std::fs::create_dir(&p).map_err(cerr(&p))?;
            }
            Err(_) => std::fs::create_dir(&p).map_err(cerr(&p))?,
        }
        self.own(&p, ids, tar)?;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode & 0o7777))
            .map_err(cerr(&p))
    }

    pub fn file(&self, rel: &Path, mode: u32, data: &mut dyn Read) -> Result<()> {
        self.file_owned(rel, mode, data, None, false)
    }

    fn file_owned(
        &self,
        rel: &Path,
        mode: u32,
        data: &mut dyn Read,
        ids: Option<(u32, u32)>,
        tar: bool,
    ) -> Result<()> {
        let p = self.place(rel)?;
        self.clear(&p)?;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode & 0o7777)
            .open(&p)
            .map_err(cerr(&p))?;
        io::copy(data, &mut f).map_err(cerr(&p))?;
        // Before the mode: a chown clears set-id bits.
        self.own(&p, ids, tar)?;
        // create_new obeys the umask; the copy keeps the source's mode.
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode & 0o7777))
            .map_err(cerr(&p))
    }

    pub fn symlink(&self, rel: &Path, target: &Path) -> Result<()> {
        self.symlink_owned(rel, target, None, false)
    }

    fn symlink_owned(
        &self,
        rel: &Path,
        target: &Path,
        ids: Option<(u32, u32)>,
        tar: bool,
    ) -> Result<()> {
        let p = self.place(rel)?;
        self.clear(&p)?;
        std::os::unix::fs::symlink(target, &p).map_err(cerr(&p))?;
        self.own(&p, ids, tar)
    }

    pub fn hardlink(&self, rel: &Path, target: &Path) -> Result<()> {
        let t = self
            .view
            .resolve(target, false)
            .map_err(|e| EngineError::from(ContainerError::io(target, e)))?;
        let p = self.place(rel)?;
        self.clear(&p)?;
        std::fs::hard_link(&t, &p).map_err(cerr(&p))
    }

    /// Copies the host tree at `src` to container path `dest` (files, dirs, symlinks).
    pub fn host_tree(&self, src: &Path, dest: &Path) -> Result<()> {
        let meta = std::fs::symlink_metadata(src).map_err(cerr(src))?;
        let ft = meta.file_type();
        let ids = Some((meta.uid(), meta.gid()));
        if ft.is_dir() {
            self.dir_owned(dest, meta.mode(), ids, false)?;
            let mut children: Vec<_> = std::fs::read_dir(src)
                .map_err(cerr(src))?
                .filter_map(|e| e.ok().map(|e| e.file_name()))
                .collect();
            children.sort();
            for c in children {
                self.host_tree(&src.join(&c), &dest.join(&c))?;
            }
            Ok(())
        } else if ft.is_symlink() {
            let t = std::fs::read_link(src).map_err(cerr(src))?;
            self.symlink_owned(dest, &t, ids, false)
        } else if ft.is_file() {
            let mut f = File::open(src).map_err(cerr(src))?;
            self.file_owned(dest, meta.mode(), &mut f, ids, false)
        } else {
            tracing::warn!(
                "{}: skipped: not a file, directory or symlink",
                src.display()
            );
            Ok(())
        }
    }

    /// Extracts a tar stream (plain, gzip or zstd) below container directory `dest`. Entry
    /// names are taken as relative; `..` components are refused.
    pub fn tar<R: Read>(&self, dest: &Path, input: R) -> Result<u64> {
        let mut input = io::BufReader::new(input);
        let head = input.fill_buf().map_err(cerr(Path::new("-")))?;
        let stream: Box<dyn Read + '_> = if head.starts_with(&[0x1f, 0x8b]) {
            Box::new(flate2::read::MultiGzDecoder::new(input))
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Box::new(zstd::Decoder::with_buffer(input).map_err(cerr(Path::new("-")))?)
        } else {
            Box::new(input)
        };
        let mut ar = tar::Archive::new(stream);
        let mut n = 0;
        for entry in ar.entries().map_err(cerr(Path::new("-")))? {
            let mut entry = entry.map_err(cerr(Path::new("-")))?;
            let raw = entry.path().map_err(cerr(Path::new("-")))?.into_owned();
            let mut rel = PathBuf::new();
            for c in raw.components() {
                match c {
                    Component::Normal(x) => rel.push(x),
                    Component::CurDir | Component::RootDir => {}
                    _ => return Err(CopyError::ParentInPath { entry: raw.clone() }.into()),
                }
            }
            if rel.as_os_str().is_empty() {
                continue;
            }
            let target = dest.join(&rel);
            let mode = entry.header().mode().unwrap_or(0o644);
            let ids = entry
                .header()
                .uid()
                .ok()
                .zip(entry.header().gid().ok())
                .map(|(u, g)| (u as u32, g as u32));
            match entry.header().entry_type() {
                tar::EntryType::Directory => self.dir_owned(&target, mode, ids, true)?,
                tar::EntryType::Regular | tar::EntryType::Continuous => {
                    self.file_owned(&target, mode, &mut entry, ids, true)?
                }
                tar::EntryType::Symlink => {
                    let t = entry
                        .link_name()
                        .map_err(cerr(&raw))?
                        .ok_or_else(|| CopyError::LinkWithoutTarget {
                            entry: raw.clone(),
                            link: "symlink",
                        })?
                        .into_owned();
                    self.symlink_owned(&target, &t, ids, true)?
                }
                tar::EntryType::Link => {
                    let t = entry
                        .link_name()
                        .map_err(cerr(&raw))?
                        .ok_or_else(|| CopyError::LinkWithoutTarget {
                            entry: raw.clone(),
                            link: "hard link",
                        })?
                        .into_owned();
                    self.hardlink(&target, &dest.join(t))?
                }
                other => {
                    tracing::warn!(
                        "tar entry {}: {other:?} entries are not copied",
                        raw.display()
                    );
                    continue;
                }
            }
            n += 1;
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layer_tar_keeps_user_xattrs_in_pax_headers() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("file");
        std::fs::write(&f, "x").unwrap();
        let long = "v".repeat(300);
        for (k, v) in [("user.short", "1"), ("user.long", long.as_str())] {
            if let Err(e) = hutch_sys::fs::lsetxattr(&f, k.as_ref(), v.as_bytes()) {
                panic!(
                    "setting {k} on {}: {e} (the test needs user xattrs)",
                    f.display()
                );
            }
        }
        let tar = layer_tar(dir.path(), Vec::new()).unwrap();
        let mut ar = tar::Archive::new(tar.as_slice());
        let mut seen = Vec::new();
        for e in ar.entries().unwrap() {
            let mut e = e.unwrap();
            if e.path().unwrap() != Path::new("file") {
                continue;
            }
            for p in e.pax_extensions().unwrap().unwrap() {
                let p = p.unwrap();
                seen.push((p.key().unwrap().to_string(), p.value_bytes().to_vec()));
            }
        }
        assert_eq!(
            seen,
            [
                ("SCHILY.xattr.user.long".to_string(), long.into_bytes()),
                ("SCHILY.xattr.user.short".to_string(), b"1".to_vec()),
            ]
        );
    }

    #[test]
    fn a_tar_entry_climbing_out_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        std::fs::create_dir(&root).unwrap();
        let mut h = tar::Header::new_gnu();
        let name = b"a/../../escaped";
        h.as_old_mut().name[..name.len()].copy_from_slice(name);
        h.set_size(0);
        h.set_mode(0o644);
        h.set_entry_type(tar::EntryType::Regular);
        h.set_cksum();
        let mut tar = h.as_bytes().to_vec();
        tar.resize(tar.len() + 1024, 0);
        let err = Writer::new(&root)
            .tar(Path::new("/"), tar.as_slice())
            .unwrap_err();
        let EngineError::Copy(e) = &err else {
            panic!("not a CopyError: {err:?}");
        };
        assert!(
            matches!(&**e, CopyError::ParentInPath { entry } if entry == Path::new("a/../../escaped")),
            "{e:?}"
        );
        assert_eq!(
            err.to_string(),
            "tar entry a/../../escaped: \"..\" is not allowed in a path"
        );
        assert!(!dir.path().join("escaped").exists());
    }
}
