//! Real mounts with every driver. The test re-executes itself inside a new mount namespace
//! (and a user namespace, as hutch runs rootless) with `unshare`, so nothing leaks into the
//! host's mounts; as root it also runs without a user namespace, as hutch does for root.

use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::process::Command;

use hutch_storage::mount::{self, Driver};
use hutch_storage::unpack::{unpack_layer, UnpackOptions};
use hutch_storage::LayerStore;
use tar::{EntryType, Header};

const CHILD_ENV: &str = "HUTCH_STORAGE_MOUNT_CHILD";

fn run_child(unshare_args: &[&str]) {
    let exe = std::env::current_exe().unwrap();
    let out = Command::new("unshare")
        .args(unshare_args)
        .arg("--")
        .arg(&exe)
        .args([
            "--exact",
            "mount_child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, "1")
        .output()
        .expect("running unshare (util-linux) failed: it is needed for the mount tests");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stdout.contains("1 passed"),
        "mount tests under `unshare {}` failed ({}):\n{stdout}\n{stderr}",
        unshare_args.join(" "),
        out.status
    );
    eprintln!("{stdout}");
}

#[test]
fn mounts_in_a_user_namespace() {
    run_child(&[
        "--user",
        "--map-root-user",
        "--mount",
        "--propagation",
        "private",
    ]);
}

#[test]
fn mounts_as_root_without_user_namespace() {
    let root = fs::metadata("/proc/self").unwrap().uid() == 0;
    assert!(
        root,
        "this test mounts overlay without a user namespace and needs root: run the tests as \
         root (CI does); mounts_in_a_user_namespace covers unprivileged users"
    );
    run_child(&["--mount", "--propagation", "private"]);
}

struct TarBuf(tar::Builder<Vec<u8>>);

impl Default for TarBuf {
    fn default() -> Self {
        TarBuf(tar::Builder::new(Vec::new()))
    }
}

impl TarBuf {
    fn add(
        &mut self,
        name: &str,
        kind: EntryType,
        mode: u32,
        data: &[u8],
        link: &str,
    ) -> &mut Self {
        let mut h = Header::new_gnu();
        h.set_entry_type(kind);
        h.set_mode(mode);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(1_700_000_000);
        h.set_size(data.len() as u64);
        if !link.is_empty() {
            h.set_link_name(link).unwrap();
        }
        self.0.append_data(&mut h, name, data).unwrap();
        self
    }
    fn file(&mut self, name: &str, mode: u32, data: &str) -> &mut Self {
        self.add(name, EntryType::Regular, mode, data.as_bytes(), "")
    }
    fn dir(&mut self, name: &str, mode: u32) -> &mut Self {
        self.add(name, EntryType::Directory, mode, b"", "")
    }
    fn done(&mut self) -> Vec<u8> {
        std::mem::take(self).0.into_inner().unwrap()
    }
}

fn unpack(store: &LayerStore, tar: &[u8]) -> PathBuf {
    let staging = store.staging().unwrap();
    let opts = UnpackOptions {
        layer: "sha256:test".into(),
        ignore_chown_errors: false,
        tar_split: None,
    };
    unpack_layer(tar, &staging.path, &opts).unwrap();
    let id = store.promote(staging).unwrap();
    store.layer_path(&id)
}

/// Three layers exercising whiteouts, opaque dirs, a dir replaced by a file, hardlinks,
/// symlinks and unusual modes. Returned top first.
fn layers(store: &LayerStore) -> Vec<PathBuf> {
    let l1 = TarBuf::default()
        .dir("bin/", 0o755)
        .file("bin/sh", 0o755, "shell")
        .add("bin/sh-link", EntryType::Link, 0o755, b"", "bin/sh")
        .dir("etc/", 0o755)
        .file("etc/passwd", 0o644, "root:x:0:0")
        .file("etc/group", 0o644, "root:x:0:")
        .dir("var/cache/", 0o755)
        .file("var/cache/old1", 0o644, "1")
        .file("var/cache/sub/old2", 0o644, "2")
        .dir("opt/dir/", 0o755)
        .file("opt/dir/x", 0o644, "x")
        .dir("secret/", 0o700)
        .file("secret/key", 0o600, "k")
        .file("tool", 0o4755, "t")
        .done();
    let l2 = TarBuf::default()
        .file("etc/.wh.group", 0o644, "")
        .file("var/cache/.wh..wh..opq", 0o644, "")
        .file("var/cache/new", 0o644, "n")
        .file("opt/.wh.dir", 0o644, "")
        .file("usr/lib/libc", 0o644, "c")
        .add("lib", EntryType::Symlink, 0o777, b"", "usr/lib")
        .file("etc/passwd", 0o600, "root:x:0:0\nuser:x:1000")
        .done();
    let l3 = TarBuf::default()
        .file("opt/dir", 0o644, "now a file")
        .dir("tmp/", 0o1777)
        .file("bin/.wh.sh-link", 0o644, "")
        .done();
    let (a, b, c) = (unpack(store, &l1), unpack(store, &l2), unpack(store, &l3));
    vec![c, b, a]
}

const EXPECTED: &[&str] = &[
    "bin dir 755 0:0",
    "bin/sh file 755 0:0 shell",
    "etc dir 755 0:0",
    "etc/passwd file 600 0:0 root:x:0:0\nuser:x:1000",
    "lib symlink 777 0:0 usr/lib",
    "opt dir 755 0:0",
    "opt/dir file 644 0:0 now a file",
    "secret dir 700 0:0",
    "secret/key file 600 0:0 k",
    "tmp dir 1777 0:0",
    "tool file 4755 0:0 t",
    "usr dir 755 0:0",
    "usr/lib dir 755 0:0",
    "usr/lib/libc file 644 0:0 c",
    "var dir 755 0:0",
    "var/cache dir 755 0:0",
    "var/cache/new file 644 0:0 n",
];

fn describe(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    walk(root, Path::new(""), &mut out);
    out.sort();
    out
}

fn walk(root: &Path, rel: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = fs::read_dir(root.join(rel))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    entries.sort();
    for name in entries {
        let r = rel.join(&name);
        let p = root.join(&r);
        let m = fs::symlink_metadata(&p).unwrap();
        let ft = m.file_type();
        let (kind, extra) = if ft.is_dir() {
            ("dir", String::new())
        } else if ft.is_symlink() {
            (
                "symlink",
                format!(" {}", fs::read_link(&p).unwrap().display()),
            )
        } else if ft.is_file() {
            (
                "file",
                format!(" {}", String::from_utf8_lossy(&fs::read(&p).unwrap())),
            )
        } else if ft.is_char_device() {
            ("chardev", format!(" {}", m.rdev()))
        } else {
            ("other", String::new())
        };
        out.push(format!(
            "{} {kind} {:o} {}:{}{extra}",
            r.display(),
            m.mode() & 0o7777,
            m.uid(),
            m.gid()
        ));
        if ft.is_dir() {
            walk(root, &r, out);
        }
    }
}

fn is_mounted(target: &Path) -> bool {
    hutch_sys::procfs::is_mount_point(target)
}

fn check_driver(driver: Driver, store: &LayerStore, base: &Path, lowers: &[PathBuf]) {
    let name = driver.name();
    let target = base.join(format!("{name}-merged"));
    let upper = base.join(format!("{name}-upper"));
    let work = base.join(format!("{name}-work"));
    for d in [&target, &upper, &work] {
        fs::create_dir_all(d).unwrap();
    }
    mount::mount(driver, lowers, Some((&upper, &work)), &target)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(describe(&target), EXPECTED, "{name}: merged tree differs");
    if driver != Driver::Vfs {
        assert!(is_mounted(&target), "{name}: not a mount point");
        fs::write(target.join("etc/new"), b"w").unwrap();
        assert_eq!(
            fs::read(upper.join("etc/new")).unwrap(),
            b"w",
            "{name}: upper"
        );
        fs::remove_file(target.join("bin/sh")).unwrap();
        assert!(
            lowers[2].join("bin/sh").exists(),
            "{name}: lower layer changed"
        );
    }
    mount::unmount(driver, &target).unwrap_or_else(|e| panic!("{name}: unmount: {e}"));
    assert!(!is_mounted(&target), "{name}: still mounted");
    assert_eq!(
        fs::read_dir(&target).unwrap().count(),
        0,
        "{name}: target not empty"
    );

    // Read-only: no upper.
    mount::mount(driver, lowers, None, &target).unwrap_or_else(|e| panic!("{name} ro: {e}"));
    assert_eq!(
        describe(&target),
        EXPECTED,
        "{name}: read-only merged tree differs"
    );
    if driver != Driver::Vfs {
        let err = fs::write(target.join("x"), b"").unwrap_err();
        assert_eq!(
            err.raw_os_error(),
            Some(30),
            "{name}: expected EROFS, got {err}"
        );
    }
    mount::unmount(driver, &target).unwrap();

    // A single read-only layer.
    mount::mount(driver, &lowers[2..], None, &target).unwrap_or_else(|e| panic!("{name} one: {e}"));
    assert!(
        target.join("var/cache/old1").is_file(),
        "{name}: single layer"
    );
    mount::unmount(driver, &target).unwrap();
    let _ = store;
}

/// Runs only inside the namespaces `mounts_*` create.
#[test]
#[ignore = "started inside unshare by mounts_in_a_user_namespace"]
fn mount_child() {
    assert_eq!(
        std::env::var(CHILD_ENV).as_deref(),
        Ok("1"),
        "run via mounts_*"
    );
    let tmp = tempfile::tempdir().unwrap();
    let graphroot = tmp.path().join("storage");
    let store = LayerStore::new(&graphroot);

    // Detection with real test mounts, remembered for the next time.
    let err = mount::driver(&graphroot, Some("aufs"))
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "unknown storage driver \"aufs\": valid drivers are overlay, fuse-overlayfs and vfs"
    );
    let detected = mount::driver(&graphroot, None).unwrap();
    assert_eq!(
        detected,
        Driver::Overlay,
        "kernel overlay works on supported kernels"
    );
    assert_eq!(
        fs::read_to_string(graphroot.join("storage-driver")).unwrap(),
        "overlay\n"
    );
    fs::write(graphroot.join("storage-driver"), "vfs\n").unwrap();
    assert_eq!(mount::driver(&graphroot, None).unwrap(), Driver::Vfs);
    assert_eq!(
        mount::driver(&graphroot, Some("fuse-overlayfs")).unwrap(),
        Driver::FuseOverlayfs
    );
    assert_eq!(
        fs::read_dir(graphroot.join("tmp")).unwrap().count(),
        0,
        "detection left its test directories"
    );

    let lowers = layers(&store);
    for driver in [Driver::Overlay, Driver::FuseOverlayfs, Driver::Vfs] {
        check_driver(driver, &store, tmp.path(), &lowers);
    }

    // 150 layers: absolute lowerdir paths would not fit in the one-page mount options.
    let mut many = Vec::new();
    for i in 0..150 {
        let tar = TarBuf::default().file(&format!("f{i}"), 0o644, "x").done();
        many.push(unpack(&store, &tar));
    }
    many.reverse();
    let target = tmp.path().join("many");
    fs::create_dir(&target).unwrap();
    mount::mount(Driver::Overlay, &many, None, &target).unwrap();
    assert_eq!(fs::read_dir(&target).unwrap().count(), 150);
    mount::unmount(Driver::Overlay, &target).unwrap();
}
