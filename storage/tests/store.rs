//! The layer store's directory lifecycle: staging, promotion, removal, stale clean-up, and the
//! marks of layers whose root is their parent's.

use std::fs;
use std::io;
use std::os::unix::fs::{MetadataExt, PermissionsExt};

use hutch_storage::unpack::{unpack_layer, UnpackOptions};
use hutch_storage::{LayerStore, RootAttrs};

#[test]
fn staging_is_removed_unless_promoted() {
    let tmp = tempfile::tempdir().unwrap();
    let store = LayerStore::new(tmp.path());
    let staging = store.staging().unwrap();
    let name = staging
        .path
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let (pid, rand) = name.split_once('-').unwrap();
    assert_eq!(pid, std::process::id().to_string());
    assert_eq!(rand.len(), 16);
    assert_eq!(staging.path.parent().unwrap(), tmp.path().join("tmp"));
    fs::write(staging.path.join("f"), b"x").unwrap();
    let path = staging.path.clone();
    drop(staging);
    assert!(!path.exists());

    let staging = store.staging().unwrap();
    fs::create_dir(staging.path.join("d")).unwrap();
    fs::write(staging.path.join("d/f"), b"x").unwrap();
    let old = staging.path.clone();
    let id = store.promote(staging).unwrap();
    assert_eq!(id.len(), 16);
    assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
    assert!(!old.exists());
    assert_eq!(fs::read(store.layer_path(&id).join("d/f")).unwrap(), b"x");
}

#[test]
fn remove_layer_copes_with_unwritable_dirs_and_symlinks() {
    let tmp = tempfile::tempdir().unwrap();
    let outside = tmp.path().join("outside");
    fs::create_dir(&outside).unwrap();
    fs::write(outside.join("keep"), b"k").unwrap();
    let store = LayerStore::new(&tmp.path().join("root"));
    let staging = store.staging().unwrap();
    let p = &staging.path;
    fs::create_dir_all(p.join("a/b/c")).unwrap();
    fs::write(p.join("a/b/c/f"), b"x").unwrap();
    std::os::unix::fs::symlink(&outside, p.join("a/link")).unwrap();
    fs::set_permissions(p.join("a/b/c"), fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(p.join("a/b"), fs::Permissions::from_mode(0o555)).unwrap();
    let id = store.promote(staging).unwrap();
    store.remove_layer(&id).unwrap();
    assert!(!store.layer_path(&id).exists());
    assert_eq!(fs::read(outside.join("keep")).unwrap(), b"k");
    // Removing twice is fine; escaping names are refused.
    store.remove_layer(&id).unwrap();
    for bad in ["", ".", "..", "../x", "a/b"] {
        let err = store.remove_layer(bad).unwrap_err();
        assert!(
            err.to_string().contains("invalid layer directory name"),
            "{err}"
        );
    }
}

#[test]
fn clean_stale_removes_only_dead_owners() {
    let tmp = tempfile::tempdir().unwrap();
    let store = LayerStore::new(tmp.path());
    let mine = store.staging().unwrap();
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let stale = tmp.path().join(format!("tmp/{dead}-00000000deadbeef"));
    fs::create_dir_all(stale.join("sub")).unwrap();
    fs::set_permissions(stale.join("sub"), fs::Permissions::from_mode(0o000)).unwrap();
    let other = tmp.path().join("tmp/not-a-staging-dir");
    fs::create_dir(&other).unwrap();
    store.clean_stale().unwrap();
    assert!(!stale.exists());
    assert!(mine.path.exists());
    assert!(other.exists());
}

/// A tar with `files` (mode 0644) and, when `root` is given, an entry for the root with that
/// mode, as a base image's tar may have and a RUN or COPY layer's has not.
fn layer_tar(root: Option<u32>, files: &[&str]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    if let Some(mode) = root {
        let mut h = tar::Header::new_gnu();
        h.as_old_mut().name[..2].copy_from_slice(b"./");
        h.set_entry_type(tar::EntryType::Directory);
        h.set_mode(mode);
        h.set_size(0);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(1_600_000_000);
        h.set_cksum();
        b.append(&h, io::empty()).unwrap();
    }
    for f in files {
        let mut h = tar::Header::new_gnu();
        h.set_path(f).unwrap();
        h.set_mode(0o644);
        h.set_size(1);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(1_600_000_000);
        h.set_cksum();
        b.append(&h, &b"x"[..]).unwrap();
    }
    b.into_inner().unwrap()
}

/// Unpacks `tar` as a new layer the way pulls and builds do, marking it when it has no root.
fn add_layer(store: &LayerStore, tar: &[u8]) -> String {
    let staging = store.staging().unwrap();
    let opts = UnpackOptions {
        layer: "sha256:test".into(),
        ignore_chown_errors: true,
        tar_split: Some(staging.split_path()),
    };
    let stats = unpack_layer(tar, &staging.path, &opts).unwrap();
    if !stats.root_entry {
        staging.mark_root_inherited().unwrap();
    }
    store.promote(staging).unwrap()
}

#[test]
fn a_stack_shows_the_root_of_its_topmost_layer_that_sets_one() {
    let tmp = tempfile::tempdir().unwrap();
    let store = LayerStore::new(tmp.path());
    let base = add_layer(&store, &layer_tar(Some(0o750), &["etc"]));
    let run = add_layer(&store, &layer_tar(None, &["made-by-run"]));
    let copy = add_layer(&store, &layer_tar(None, &["copied"]));
    let sets = add_layer(&store, &layer_tar(Some(0o700), &["own-root"]));
    assert!(!store.root_inherited(&base) && !store.root_inherited(&sets));
    assert!(store.root_inherited(&run) && store.root_inherited(&copy));
    // A layer without a root entry is unpacked with a 0755 root all the same: the stack
    // decides what `/` is, not the layer directory alone.
    let mode = |d: &str| fs::metadata(store.layer_path(d)).unwrap().mode() & 0o7777;
    assert_eq!(
        (mode(&base), mode(&run), mode(&sets)),
        (0o750, 0o755, 0o700)
    );

    let (uid, gid) = (own_uid(), own_gid());
    let attrs = |dirs: &[&String]| {
        let dirs: Vec<String> = dirs.iter().map(|d| d.to_string()).collect();
        let lowers: Vec<_> = dirs.iter().map(|d| store.layer_path(d)).collect();
        store.root_attrs(&dirs, &lowers).unwrap().unwrap()
    };
    let want = |mode| RootAttrs { uid, gid, mode };
    assert_eq!(attrs(&[&copy, &run, &base]), want(0o750));
    assert_eq!(attrs(&[&run, &base]), want(0o750));
    assert_eq!(attrs(&[&base]), want(0o750));
    assert_eq!(attrs(&[&copy, &sets, &run, &base]), want(0o700));
    // Nothing sets it (a squash-all, a tar without `./` as the base): containers/storage's 0555.
    assert_eq!(
        attrs(&[&copy, &run]),
        want(hutch_storage::DEFAULT_ROOT_MODE)
    );
    assert_eq!(hutch_storage::DEFAULT_ROOT_MODE, 0o555);
    assert_eq!(store.root_attrs(&[], &[]).unwrap(), None);

    // Mounted without an upper directory, a layer of just that root goes on top; one per
    // top layer and attributes, made once.
    let root = store.root_layer(&copy, &want(0o750)).unwrap();
    assert_eq!(RootAttrs::of(&root).unwrap(), want(0o750));
    assert_eq!(fs::read_dir(&root).unwrap().count(), 0);
    assert_eq!(store.root_layer(&copy, &want(0o750)).unwrap(), root);
    assert_ne!(store.root_layer(&copy, &want(0o555)).unwrap(), root);

    // The mark and the root layers go with the layer.
    store.remove_layer(&run).unwrap();
    assert!(!store.root_inherited(&run));
    assert!(store.root_inherited(&copy));
    store.remove_layer(&copy).unwrap();
    assert!(!root.exists());
    let left: Vec<_> = fs::read_dir(tmp.path().join("layers"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(copy.as_str()))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_dropped_staging_area_leaves_no_root_mark() {
    let tmp = tempfile::tempdir().unwrap();
    let store = LayerStore::new(tmp.path());
    let staging = store.staging().unwrap();
    staging.mark_root_inherited().unwrap();
    drop(staging);
    let left: Vec<_> = fs::read_dir(tmp.path().join("tmp")).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
    // One promoted without a mark is a layer whose root is its own.
    let id = store.promote(store.staging().unwrap()).unwrap();
    assert!(!store.root_inherited(&id));
}

fn own_uid() -> u32 {
    fs::metadata("/proc/self").unwrap().uid()
}

fn own_gid() -> u32 {
    fs::metadata("/proc/self").unwrap().gid()
}
