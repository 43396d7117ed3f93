//! Layer unpacking: overlay form (whiteouts, opaque dirs), modes, owners, links, and the
//! refusal of every way a hostile layer could write outside its directory.

use std::fs;
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use hutch_storage::unpack::{unpack_layer, UnpackError, UnpackOptions};
use tar::{EntryType, Header};

const LAYER: &str = "sha256:0123456789abcdef";

fn is_root() -> bool {
    nix_uid() == 0
}

fn nix_uid() -> u32 {
    fs::metadata("/proc/self")
        .map(|m| m.uid())
        .unwrap_or(u32::MAX)
}

fn opts() -> UnpackOptions {
    UnpackOptions {
        layer: LAYER.into(),
        // Without root, owners other than ours cannot be set; the rest must still work.
        ignore_chown_errors: !is_root(),
        tar_split: None,
    }
}

/// Writes tar entries byte by byte, so names tar::Builder refuses (`..`, absolute) can be made.
#[derive(Default)]
struct RawTar {
    out: Vec<u8>,
}

impl RawTar {
    fn entry(
        &mut self,
        name: &[u8],
        kind: EntryType,
        link: &[u8],
        data: &[u8],
        mode: u32,
    ) -> &mut Self {
        self.entry_owned(name, kind, link, data, mode, 0, 0)
    }

    #[allow(clippy::too_many_arguments)]
    fn entry_owned(
        &mut self,
        name: &[u8],
        kind: EntryType,
        link: &[u8],
        data: &[u8],
        mode: u32,
        uid: u64,
        gid: u64,
    ) -> &mut Self {
        if name.len() > 100 {
            // GNU long name: a `L` entry whose data is the name.
            let mut data_name = name.to_vec();
            data_name.push(0);
            let mut h = Header::new_gnu();
            h.as_old_mut().name[..13].copy_from_slice(b"././@LongLink");
            h.set_entry_type(EntryType::GNULongName);
            h.set_size(data_name.len() as u64);
            h.set_mode(0o644);
            h.set_cksum();
            self.push(&h, &data_name);
        }
        let mut h = Header::new_gnu();
        let n = name.len().min(100);
        h.as_old_mut().name[..n].copy_from_slice(&name[..n]);
        h.as_old_mut().linkname[..link.len()].copy_from_slice(link);
        h.set_entry_type(kind);
        h.set_size(data.len() as u64);
        h.set_mode(mode);
        h.set_uid(uid);
        h.set_gid(gid);
        h.set_mtime(1_600_000_000);
        if kind == EntryType::Char {
            h.set_device_major(1).unwrap();
            h.set_device_minor(3).unwrap();
        }
        h.set_cksum();
        self.push(&h, data);
        self
    }

    fn file(&mut self, name: &str, data: &[u8], mode: u32) -> &mut Self {
        self.entry(name.as_bytes(), EntryType::Regular, b"", data, mode)
    }
    fn dir(&mut self, name: &str, mode: u32) -> &mut Self {
        self.entry(name.as_bytes(), EntryType::Directory, b"", b"", mode)
    }
    fn symlink(&mut self, name: &str, target: &str) -> &mut Self {
        self.entry(
            name.as_bytes(),
            EntryType::Symlink,
            target.as_bytes(),
            b"",
            0o777,
        )
    }
    fn hardlink(&mut self, name: &str, target: &str) -> &mut Self {
        self.entry(
            name.as_bytes(),
            EntryType::Link,
            target.as_bytes(),
            b"",
            0o644,
        )
    }

    fn push(&mut self, h: &Header, data: &[u8]) {
        self.out.extend_from_slice(h.as_bytes());
        self.out.extend_from_slice(data);
        let pad = (512 - data.len() % 512) % 512;
        self.out.extend(std::iter::repeat_n(0u8, pad));
    }

    fn finish(&mut self) -> Vec<u8> {
        let mut out = std::mem::take(&mut self.out);
        out.extend(std::iter::repeat_n(0u8, 1024));
        out
    }
}

/// A scratch area: `dest` (the layer) and `canary` (must stay untouched) side by side.
struct Scratch {
    _tmp: tempfile::TempDir,
    base: PathBuf,
    dest: PathBuf,
    canary: PathBuf,
}

fn scratch() -> Scratch {
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path().to_path_buf();
    let dest = base.join("dest");
    let canary = base.join("canary");
    fs::create_dir(&dest).unwrap();
    fs::create_dir(&canary).unwrap();
    fs::write(canary.join("keep"), b"canary").unwrap();
    Scratch {
        _tmp: tmp,
        base,
        dest,
        canary,
    }
}

impl Scratch {
    fn unpack(&self, tar: &[u8]) -> Result<hutch_storage::unpack::UnpackStats, UnpackError> {
        unpack_layer(tar, &self.dest, &opts())
    }

    /// Nothing besides `dest` and `canary/keep` exists around the layer.
    fn assert_outside_untouched(&self) {
        let mut names: Vec<_> = fs::read_dir(&self.base)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["canary", "dest"],
            "something was written next to the layer"
        );
        let canary: Vec<_> = fs::read_dir(&self.canary)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(canary, ["keep"], "the canary directory was written to");
        assert_eq!(fs::read(self.canary.join("keep")).unwrap(), b"canary");
        assert!(fs::symlink_metadata(self.canary.join("keep"))
            .unwrap()
            .is_file());
    }
}

fn assert_refused(err: UnpackError, entry: &str, reason_part: &str) {
    let msg = err.to_string();
    match &err {
        UnpackError::Unsafe {
            layer,
            entry: e,
            reason,
        } => {
            assert_eq!(layer, LAYER, "{msg}");
            assert_eq!(e, entry, "{msg}");
            assert!(
                reason.contains(reason_part),
                "reason {reason:?} lacks {reason_part:?}"
            );
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert!(
        msg.starts_with(&format!("layer {LAYER}: entry {entry:?}: ")),
        "{msg}"
    );
}

#[test]
fn files_dirs_modes_links() {
    let s = scratch();
    let tar = RawTar::default()
        .dir("./", 0o755)
        .dir("./bin/", 0o755)
        .file("./bin/tool", b"#!/bin/sh\necho hi\n", 0o4755)
        .dir("./tmp/", 0o1777)
        .dir("./locked/", 0o000)
        .file("./locked/secret", b"s", 0o400)
        .dir("ro", 0o555)
        .file("ro/file", b"x", 0o644)
        .file("implicit/parent/file", b"deep", 0o640)
        .symlink("abs-link", "/etc/passwd")
        .symlink("bin/rel-link", "../implicit")
        .hardlink("bin/tool-hard", "bin/tool")
        .hardlink("link-to-symlink", "abs-link")
        .entry(b"fifo", EntryType::Fifo, b"", b"", 0o620)
        .file("replaced", b"first", 0o644)
        .file("replaced", b"second", 0o600)
        .finish();
    let stats = s.unpack(&tar).unwrap();
    let d = &s.dest;
    assert_eq!(stats.entries, 16);
    assert!(stats.root_entry, "the tar has ./");
    let mode = |p: &str| {
        fs::symlink_metadata(d.join(p))
            .unwrap()
            .permissions()
            .mode()
    };
    assert_eq!(mode("bin/tool") & 0o7777, 0o4755);
    assert_eq!(
        fs::read(d.join("bin/tool")).unwrap(),
        b"#!/bin/sh\necho hi\n"
    );
    assert_eq!(mode("tmp") & 0o7777, 0o1777);
    assert_eq!(mode("locked") & 0o7777, 0o000);
    assert_eq!(mode("ro") & 0o7777, 0o555);
    assert_eq!(mode("implicit") & 0o7777, 0o755);
    assert_eq!(mode("implicit/parent") & 0o7777, 0o755);
    assert_eq!(mode("implicit/parent/file") & 0o7777, 0o640);
    assert_eq!(
        fs::read_link(d.join("abs-link")).unwrap(),
        Path::new("/etc/passwd")
    );
    assert_eq!(
        fs::read_link(d.join("bin/rel-link")).unwrap(),
        Path::new("../implicit")
    );
    let ino = |p: &str| fs::symlink_metadata(d.join(p)).unwrap().ino();
    assert_eq!(ino("bin/tool"), ino("bin/tool-hard"));
    assert_eq!(fs::symlink_metadata(d.join("bin/tool")).unwrap().nlink(), 2);
    assert_eq!(ino("abs-link"), ino("link-to-symlink"));
    assert!(fs::symlink_metadata(d.join("fifo"))
        .unwrap()
        .file_type()
        .is_fifo());
    assert_eq!(mode("fifo") & 0o7777, 0o620);
    assert_eq!(fs::read(d.join("replaced")).unwrap(), b"second");
    assert_eq!(mode("replaced") & 0o7777, 0o600);
    let mtime = |p: &str| fs::symlink_metadata(d.join(p)).unwrap().mtime();
    assert_eq!(
        mtime("bin"),
        1_600_000_000,
        "dir mtime is set after its children"
    );
    assert_eq!(mtime("bin/tool"), 1_600_000_000);
    assert_eq!(mtime("abs-link"), 1_600_000_000);
    assert_eq!(mtime("."), 1_600_000_000);
    // Clean up the 0000 directory for the tempdir's sake.
    hutch_storage::remove_tree(d).unwrap();
}

#[test]
fn owners_are_set_and_setuid_survives_chown() {
    assert!(
        is_root(),
        "setting foreign owners needs root: run the tests as root (CI does); the mount tests \
         cover owners inside a user namespace"
    );
    let s = scratch();
    let mut t = RawTar::default();
    t.entry_owned(b"d/", EntryType::Directory, b"", b"", 0o2775, 1000, 1001);
    t.entry_owned(b"d/suid", EntryType::Regular, b"", b"x", 0o6755, 1000, 1001);
    t.entry_owned(b"d/ln", EntryType::Symlink, b"suid", b"", 0o777, 1002, 1003);
    t.entry_owned(b"d/fifo", EntryType::Fifo, b"", b"", 0o600, 7, 8);
    let tar = t.finish();
    s.unpack(&tar).unwrap();
    let meta = |p: &str| fs::symlink_metadata(s.dest.join(p)).unwrap();
    assert_eq!((meta("d").uid(), meta("d").gid()), (1000, 1001));
    assert_eq!(meta("d").mode() & 0o7777, 0o2775);
    assert_eq!((meta("d/suid").uid(), meta("d/suid").gid()), (1000, 1001));
    assert_eq!(meta("d/suid").mode() & 0o7777, 0o6755);
    assert_eq!((meta("d/ln").uid(), meta("d/ln").gid()), (1002, 1003));
    assert_eq!((meta("d/fifo").uid(), meta("d/fifo").gid()), (7, 8));
}

#[test]
fn whiteouts_and_opaque_dirs() {
    let s = scratch();
    let tar = RawTar::default()
        .dir("etc/", 0o755)
        .file("etc/.wh.passwd", b"", 0o644)
        .file("etc/old", b"gone soon", 0o644)
        .file("etc/.wh.old", b"", 0o644)
        .dir("var/cache/", 0o755)
        .file("var/cache/.wh..wh..opq", b"", 0o644)
        .file("var/cache/new", b"n", 0o644)
        .file("missing/.wh..wh..opq", b"", 0o644)
        .dir("gone/", 0o755)
        .file("gone/inner", b"i", 0o644)
        .file(".wh.gone", b"", 0o644)
        .file(".wh..wh.plnk", b"", 0o644)
        .finish();
    let stats = s.unpack(&tar).unwrap();
    assert!(!stats.root_entry, "the tar has no ./");
    let d = &s.dest;
    for wh in ["etc/passwd", "etc/old", "gone"] {
        let m = fs::symlink_metadata(d.join(wh)).unwrap();
        assert!(m.file_type().is_char_device(), "{wh} is not a whiteout");
        assert_eq!(m.rdev(), 0, "{wh}");
    }
    assert!(!d.join("etc/.wh.passwd").exists());
    assert!(fs::symlink_metadata(d.join(".wh..wh.plnk")).is_err());
    for opaque in ["var/cache", "missing"] {
        let v = hutch_sys::fs::lgetxattr(&d.join(opaque), "user.overlay.opaque".as_ref()).unwrap();
        assert_eq!(v.as_deref(), Some(&b"y"[..]), "{opaque} is not opaque");
        assert!(!d.join(opaque).join(".wh..wh..opq").exists());
    }
    assert_eq!(fs::read(d.join("var/cache/new")).unwrap(), b"n");
    let v = hutch_sys::fs::lgetxattr(&d.join("etc"), "user.overlay.opaque".as_ref()).unwrap();
    assert_eq!(v, None);
}

#[test]
fn pax_xattrs_long_names_and_forged_markers() {
    let s = scratch();
    let long = format!("{}/{}", "d".repeat(120), "f".repeat(120));
    let mut b = tar::Builder::new(Vec::new());
    // Forged overlay markers and trusted xattrs must be dropped; user xattrs kept.
    b.append_pax_extensions([
        ("SCHILY.xattr.user.overlay.opaque", &b"y"[..]),
        ("SCHILY.xattr.trusted.overlay.opaque", &b"y"[..]),
        ("SCHILY.xattr.user.note", &b"hello"[..]),
    ])
    .unwrap();
    let mut h = Header::new_ustar();
    h.set_entry_type(EntryType::Directory);
    h.set_mode(0o755);
    h.set_uid(nix_uid() as u64);
    h.set_gid(0);
    h.set_size(0);
    b.append_data(&mut h, "dir/", io::empty()).unwrap();
    b.append_pax_extensions([("path", long.as_bytes()), ("uid", b"0"), ("gid", b"0")])
        .unwrap();
    let mut h = Header::new_ustar();
    h.set_entry_type(EntryType::Regular);
    h.set_mode(0o644);
    h.set_size(4);
    b.append_data(&mut h, "placeholder", &b"long"[..]).unwrap();
    let mut h = Header::new_gnu();
    h.set_entry_type(EntryType::Regular);
    h.set_mode(0o644);
    h.set_uid(nix_uid() as u64);
    h.set_gid(0);
    h.set_size(3);
    b.append_data(&mut h, format!("gnu/{}", "g".repeat(150)), &b"gnu"[..])
        .unwrap();
    let tar = b.into_inner().unwrap();
    s.unpack(&tar).unwrap();
    let d = &s.dest;
    let x = |n: &str| hutch_sys::fs::lgetxattr(&d.join("dir"), n.as_ref()).unwrap();
    assert_eq!(x("user.note").as_deref(), Some(&b"hello"[..]));
    assert_eq!(
        x("user.overlay.opaque"),
        None,
        "a layer forged an opaque marker"
    );
    assert_eq!(x("trusted.overlay.opaque"), None);
    assert_eq!(fs::read(d.join(&long)).unwrap(), b"long");
    assert_eq!(
        fs::read(d.join(format!("gnu/{}", "g".repeat(150)))).unwrap(),
        b"gnu"
    );
}

/// Counts what the unpacker reads, to prove it drains the stream past tar's end marker.
struct Counting<R> {
    inner: R,
    n: usize,
}
impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.n += n;
        Ok(n)
    }
}

#[test]
fn reads_the_stream_to_eof() {
    let s = scratch();
    let mut tar = RawTar::default().file("a", b"a", 0o644).finish();
    tar.extend(std::iter::repeat_n(0u8, 10_240));
    let mut r = Counting {
        inner: &tar[..],
        n: 0,
    };
    unpack_layer(&mut r, &s.dest, &opts()).unwrap();
    assert_eq!(r.n, tar.len());
}

#[test]
fn refuses_non_empty_destination() {
    let s = scratch();
    fs::write(s.dest.join("x"), b"").unwrap();
    let tar = RawTar::default().file("a", b"a", 0o644).finish();
    let err = s.unpack(&tar).unwrap_err();
    assert!(err.to_string().contains("not empty"), "{err}");
}

/// Each hostile layer is refused, names the layer and entry, and writes nothing outside.
fn hostile(s: &Scratch, tar: Vec<u8>, entry: &str, reason: &str) {
    let err = s.unpack(&tar).unwrap_err();
    assert_refused(err, entry, reason);
    s.assert_outside_untouched();
}

#[test]
fn refuses_dotdot() {
    let s = scratch();
    let tar = RawTar::default().file("../x", b"evil", 0o644).finish();
    hostile(&s, tar, "../x", "path escapes the layer");
    let err = s
        .unpack(&RawTar::default().file("../x", b"e", 0o644).finish())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("layer {LAYER}: entry \"../x\": path escapes the layer")
    );
}

#[test]
fn refuses_nested_dotdot() {
    let s = scratch();
    let tar = RawTar::default()
        .dir("a/", 0o755)
        .file("a/../../canary/x", b"evil", 0o644)
        .finish();
    hostile(&s, tar, "a/../../canary/x", "path escapes the layer");
}

#[test]
fn refuses_absolute() {
    let s = scratch();
    let abs = format!("{}/x", s.canary.display());
    let tar = RawTar::default().file(&abs, b"evil", 0o644).finish();
    hostile(&s, tar, &abs, "absolute path");
}

#[test]
fn refuses_empty_name() {
    let s = scratch();
    let tar = RawTar::default().file(".", b"evil", 0o644).finish();
    hostile(&s, tar, ".", "empty entry name");
}

#[test]
fn refuses_writing_through_symlinked_parent() {
    let s = scratch();
    let canary = s.canary.display().to_string();
    let tar = RawTar::default()
        .symlink("evil", &canary)
        .file("evil/file", b"evil", 0o644)
        .finish();
    hostile(&s, tar, "evil/file", "parent \"evil\" is a symlink");

    let s = scratch();
    let tar = RawTar::default()
        .symlink("evil", &s.canary.display().to_string())
        .dir("evil/sub/", 0o755)
        .finish();
    hostile(&s, tar, "evil/sub/", "symlink");

    // A whiteout through a symlink would delete outside files.
    let s = scratch();
    let tar = RawTar::default()
        .symlink("evil", &s.canary.display().to_string())
        .file("evil/.wh.keep", b"", 0o644)
        .finish();
    hostile(&s, tar, "evil/.wh.keep", "symlink");

    let s = scratch();
    let tar = RawTar::default()
        .symlink("evil", &s.canary.display().to_string())
        .file("evil/.wh..wh..opq", b"", 0o644)
        .finish();
    hostile(&s, tar, "evil/.wh..wh..opq", "symlink");

    // Relative symlink to outside, then a deep path through it.
    let s = scratch();
    let tar = RawTar::default()
        .dir("a/", 0o755)
        .symlink("a/up", "../../canary")
        .file("a/up/x", b"evil", 0o644)
        .finish();
    hostile(&s, tar, "a/up/x", "parent \"a/up\" is a symlink");
}

#[test]
fn replacing_a_symlink_does_not_follow_it() {
    let s = scratch();
    let target = s.canary.join("keep").display().to_string();
    let tar = RawTar::default()
        .symlink("evil", &target)
        .file("evil", b"overwritten?", 0o644)
        .symlink("evil2", &s.canary.display().to_string())
        .dir("evil2/", 0o755)
        .file("evil2/x", b"inside", 0o644)
        .finish();
    s.unpack(&tar).unwrap();
    s.assert_outside_untouched();
    assert_eq!(fs::read(s.dest.join("evil")).unwrap(), b"overwritten?");
    assert_eq!(fs::read(s.dest.join("evil2/x")).unwrap(), b"inside");
}

#[test]
fn refuses_hardlink_escapes() {
    let s = scratch();
    let tar = RawTar::default()
        .hardlink("passwd", "../../etc/passwd")
        .finish();
    hostile(
        &s,
        tar,
        "passwd",
        "hardlink target \"../../etc/passwd\": path escapes the layer",
    );

    let s = scratch();
    let tar = RawTar::default().hardlink("passwd", "/etc/passwd").finish();
    hostile(&s, tar, "passwd", "absolute path");

    let s = scratch();
    let tar = RawTar::default()
        .symlink("etc", &s.canary.display().to_string())
        .hardlink("stolen", "etc/keep")
        .finish();
    hostile(&s, tar, "stolen", "passes through symlink \"etc\"");

    let s = scratch();
    let tar = RawTar::default().hardlink("x", "not/there").finish();
    hostile(&s, tar, "x", "does not exist in this layer");

    let s = scratch();
    let tar = RawTar::default()
        .dir("d/", 0o755)
        .hardlink("x", "d")
        .finish();
    hostile(&s, tar, "x", "is a directory");
}

#[test]
fn refuses_device_nodes() {
    let s = scratch();
    let tar = RawTar::default()
        .dir("dev/", 0o755)
        .entry(b"dev/null", EntryType::Char, b"", b"", 0o666)
        .finish();
    hostile(
        &s,
        tar,
        "dev/null",
        "device nodes are not allowed in layers (character device 1:3)",
    );

    let s = scratch();
    let tar = RawTar::default()
        .entry(b"sda", EntryType::Block, b"", b"", 0o660)
        .finish();
    hostile(&s, tar, "sda", "block device");
}

#[test]
fn refuses_bad_whiteouts() {
    let s = scratch();
    let tar = RawTar::default().file(".wh..", b"", 0o644).finish();
    hostile(&s, tar, ".wh..", "whiteout names no entry");
}

/// Root may set any owner, so the error path is exercised as an unprivileged user: as root the
/// test runs itself again in a child process that has dropped to one.
#[test]
fn chown_errors_name_entry_and_ids() {
    if is_root() {
        rerun_unprivileged("chown_errors_name_entry_and_ids");
    } else {
        chown_errors_unprivileged();
    }
}

fn chown_errors_unprivileged() {
    let s = scratch();
    let mut t = RawTar::default();
    t.entry_owned(b"f", EntryType::Regular, b"", b"x", 0o644, 1234, 5678);
    let err = unpack_layer(
        &t.finish()[..],
        &s.dest,
        &UnpackOptions {
            layer: LAYER.into(),
            ignore_chown_errors: false,
            tar_split: None,
        },
    )
    .unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("entry \"f\": cannot set owner 1234:5678"),
        "{msg}"
    );
    assert!(msg.contains("/etc/subuid"), "{msg}");
}

/// The unprivileged user a root test run switches to: `$HUTCH_TEST_USER`, else the integration
/// tests' `hutch-test`, else `nobody`.
fn unprivileged_user() -> (String, u32, u32) {
    let wanted = std::env::var("HUTCH_TEST_USER").ok();
    let candidates = wanted
        .iter()
        .map(String::as_str)
        .chain(["hutch-test", "nobody"]);
    let passwd = fs::read_to_string("/etc/passwd").expect("read /etc/passwd");
    for name in candidates {
        let entry = passwd.lines().find_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            (f.len() > 3 && f[0] == name).then(|| (f[2].parse().ok(), f[3].parse().ok()))
        });
        if let Some((Some(uid), Some(gid))) = entry {
            assert_ne!(uid, 0, "the unprivileged test user {name} must not be root");
            return (name.to_string(), uid, gid);
        }
    }
    panic!(
        "prerequisite missing: an unprivileged user to run the chown test as (tried {wanted:?}, \
         hutch-test, nobody)\n  fix: useradd -m hutch-test (or set HUTCH_TEST_USER)"
    )
}

/// Runs one test of this binary again as an unprivileged user and fails unless it ran and
/// passed. The binary is copied to a world-readable directory first: the build tree may be
/// under a home directory that user cannot enter.
fn rerun_unprivileged(test: &str) {
    use std::os::unix::process::CommandExt;
    let (name, uid, gid) = unprivileged_user();
    let dir = tempfile::Builder::new()
        .prefix("hutch-unpack-")
        .tempdir_in("/tmp")
        .unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let exe = dir.path().join("unpack-test");
    fs::copy(std::env::current_exe().unwrap(), &exe).unwrap();
    fs::set_permissions(&exe, fs::Permissions::from_mode(0o755)).unwrap();
    // std drops the supplementary groups when it changes uid as root.
    let out = std::process::Command::new(&exe)
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env("TMPDIR", "/tmp")
        .current_dir(dir.path())
        .uid(uid)
        .gid(gid)
        .output()
        .unwrap_or_else(|e| panic!("run {} as {name} ({uid}:{gid}): {e}", exe.display()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // A filter that matched nothing would pass with "0 passed".
    assert!(
        out.status.success() && stdout.contains("test result: ok. 1 passed"),
        "{test} as {name} ({uid}:{gid}) failed: {}\n--- stdout\n{stdout}\n--- stderr\n{stderr}",
        out.status
    );
}
