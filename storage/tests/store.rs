//! The layer store's directory lifecycle: staging, promotion, removal, stale clean-up.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use hutch_storage::LayerStore;

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
