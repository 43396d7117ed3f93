//! A new layer from a directory of files (a container's upper directory, a build step's): the
//! tar written from it gives the diff_id, size and tar-split; the files reach the store either
//! unpacked from that tar, like a pulled layer, or, when nobody needs the directory any more,
//! moved there and fixed up in place to be what that unpacking would have made.

use super::archive::{layer_tar_as, TarWriter, TreeMode};
use crate::{EngineError, Result};
use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> EngineError + '_ {
    move |e| super::ContainerError::io(path, e).into()
}

/// A layer in the layer store's staging area, not yet recorded.
pub struct StagedLayer {
    pub staging: hutch_storage::Staging,
    pub diff_id: hutch_storage::Digest,
    /// Bytes of the uncompressed tar.
    pub size: i64,
}

/// The files a new layer is made of: a layer's files as they should appear, overlay whiteouts
/// and opaque markers allowed.
#[derive(Debug, Clone, Copy)]
pub enum LayerSource<'a> {
    /// No files: an empty layer.
    Empty,
    /// A directory that stays where it is (a container that may run again): written as a tar
    /// and unpacked from it into the store, like a pulled layer.
    Copy(&'a Path),
    /// A directory nobody uses any more, on the store's filesystem (a build step's): moved into
    /// the store and fixed up in place, with only the digest and the tar-split made from a tar
    /// written from it. Copied as above when it cannot be moved or would need more than its
    /// metadata fixed (`hutch_storage::NotInPlace`).
    Move(&'a Path),
}

/// Turns `source` into a staged layer whose stored form reproduces, byte for byte, the tar
/// whose digest is its diff_id. `commit` and `build` both make their layers here;
/// `unpack_failed` names the caller's subject in the error.
pub fn stage_layer_dir(
    store: &hutch_storage::LayerStore,
    source: LayerSource<'_>,
    ids: Option<super::spec::KeepId>,
    unpack_failed: impl Fn(hutch_storage::unpack::UnpackError) -> EngineError,
) -> Result<StagedLayer> {
    let staging = match source {
        LayerSource::Copy(dir) => return stage_copy(store, dir, ids, unpack_failed),
        // Owners as a keep-id container sees them are not the ones on disk.
        LayerSource::Move(dir) if ids.is_some() => {
            return stage_copy(store, dir, ids, unpack_failed)
        }
        LayerSource::Empty => store.staging()?,
        LayerSource::Move(dir) => match store.adopt_dir(dir) {
            Ok(s) => s,
            Err(e) => {
                tracing::debug!(
                    "{} cannot be moved into the store ({e}): copying it",
                    dir.display()
                );
                return stage_copy(store, dir, ids, unpack_failed);
            }
        },
    };
    match stage_in_place(staging, &unpack_failed) {
        Ok(staged) => Ok(staged),
        Err(InPlaceFailed::Refused(staging, why)) => {
            tracing::debug!("{why}");
            stage_copy(store, &staging.path, None, unpack_failed)
        }
        Err(InPlaceFailed::Error(e)) => Err(e),
    }
}

enum InPlaceFailed {
    /// An entry needs unpacking; the directory, moved, is still whole.
    Refused(hutch_storage::Staging, hutch_storage::NotInPlace),
    Error(EngineError),
}

/// The staging directory `staging`, holding the layer's files, fixed up in place while the tar
/// written from it is hashed (its diff_id and size) and recorded (its tar-split).
fn stage_in_place(
    staging: hutch_storage::Staging,
    unpack_failed: &impl Fn(hutch_storage::unpack::UnpackError) -> EngineError,
) -> std::result::Result<StagedLayer, InPlaceFailed> {
    let dir = staging.path.clone();
    let fail = |e: EngineError| InPlaceFailed::Error(e);
    let split = hutch_storage::tarsplit::SplitRecorder::create(&staging.split_path())
        .map_err(|e| fail(unpack_failed(e.into())))?;
    let written = hutch_storage::InPlace::new(&dir).and_then(|fix| {
        let hashing = hutch_storage::HashingWriter::new(io::sink());
        let mut t = TarWriter::new(split.write_tap(hashing)).in_place(fix);
        t.append_tree(&dir, "", TreeMode::Layer)?;
        t.finish()
    });
    let tap = match written {
        Ok(tap) => tap,
        Err(e) => {
            return Err(match hutch_storage::NotInPlace::take(e) {
                Ok(why) => InPlaceFailed::Refused(staging, why),
                Err(e) => fail(io_err(&dir)(e)),
            })
        }
    };
    let (_, diff_id, size) = tap.into_inner().finish();
    split.finish().map_err(|e| fail(unpack_failed(e.into())))?;
    // The tar has no entry for the root, which `InPlace` made what unpacking gives one.
    staging
        .mark_root_inherited()
        .map_err(|e| fail(io_err(&dir)(e)))?;
    Ok(StagedLayer {
        staging,
        diff_id: diff_id.expect("a hashing writer"),
        size: size as i64,
    })
}

/// `dir` written as a tar (whose digest is the diff_id) and unpacked from it like a pulled
/// layer.
fn stage_copy(
    store: &hutch_storage::LayerStore,
    dir: &Path,
    ids: Option<super::spec::KeepId>,
    unpack_failed: impl Fn(hutch_storage::unpack::UnpackError) -> EngineError,
) -> Result<StagedLayer> {
    let tar_dir = store.staging()?;
    let tar_path = tar_dir.path.join("layer.tar");
    let file = File::create(&tar_path).map_err(|e| EngineError::io(&tar_path, e))?;
    // Counts and hashes the tar, to give the layer its diff_id and size.
    let hashing = hutch_storage::HashingWriter::new(io::BufWriter::new(file));
    let mut hashing = layer_tar_as(dir, hashing, ids)?;
    hashing.flush().map_err(|e| EngineError::io(&tar_path, e))?;
    let (buf, diff_id, size) = hashing.finish();
    let diff_id = diff_id.expect("a hashing writer");
    drop(
        buf.into_inner()
            .map_err(|e| EngineError::io(&tar_path, e.into_error()))?,
    );
    let file = File::open(&tar_path).map_err(|e| EngineError::io(&tar_path, e))?;
    let staging = store.staging()?;
    let stats = hutch_storage::unpack::unpack_layer(
        io::BufReader::new(file),
        &staging.path,
        &hutch_storage::unpack::UnpackOptions {
            layer: diff_id.to_string(),
            ignore_chown_errors: false,
            tar_split: Some(staging.split_path()),
        },
    )
    .map_err(unpack_failed)?;
    if !stats.root_entry {
        staging
            .mark_root_inherited()
            .map_err(io_err(&staging.path))?;
    }
    Ok(StagedLayer {
        staging,
        diff_id,
        size: size as i64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Digest;
    use std::collections::HashMap;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    use std::path::PathBuf;

    /// A layer tree with what a RUN leaves in an upper directory: nanosecond mtimes, a
    /// whiteout, an opaque directory, overlay's own attributes, hard and symbolic links.
    fn layer_fixture(root: &Path) {
        use std::os::unix::fs::symlink;
        let t = |s: u64, ns: u32| std::time::UNIX_EPOCH + std::time::Duration::new(s, ns);
        std::fs::create_dir_all(root.join("a/deep")).unwrap();
        std::fs::create_dir_all(root.join("opaque")).unwrap();
        std::fs::write(root.join("a/f"), "content\n").unwrap();
        std::fs::write(root.join("a/deep/big"), vec![b'x'; 100_000]).unwrap();
        std::fs::write(root.join("opaque/kept"), "").unwrap();
        std::fs::hard_link(root.join("a/f"), root.join("hard")).unwrap();
        symlink("a/f", root.join("sym")).unwrap();
        let dir = hutch_sys::fs::open_dir(root).unwrap();
        let fd = std::os::fd::AsFd::as_fd(&dir);
        hutch_sys::fs::mkfifo_at(fd, Path::new("fifo"), 0o640).unwrap();
        if let Err(e) = hutch_sys::fs::mknod_whiteout_at(fd, Path::new("gone")) {
            panic!(
                "making a whiteout in {}: {e} (the test runs as root)",
                root.display()
            );
        }
        let set = |p: &str, k: &str, v: &[u8]| {
            if let Err(e) = hutch_sys::fs::lsetxattr(&root.join(p), k.as_ref(), v) {
                panic!("setting {k} on {p}: {e} (the test needs user xattrs)");
            }
        };
        set("opaque", "user.overlay.opaque", b"y");
        set("a", "user.overlay.impure", b"y");
        set("a/f", "user.kept", b"1");
        set("", "user.on-the-root", b"1");
        for (p, mode) in [
            ("a", 0o750),
            ("a/f", 0o640),
            ("a/deep/big", 0o600),
            ("", 0o700),
        ] {
            std::fs::set_permissions(root.join(p), std::fs::Permissions::from_mode(mode)).unwrap();
        }
        for (p, ns) in [
            ("a/f", 123),
            ("a/deep/big", 999_999_999),
            ("opaque/kept", 1),
        ] {
            let f = File::options().write(true).open(root.join(p)).unwrap();
            f.set_times(std::fs::FileTimes::new().set_modified(t(1_700_000_000, ns)))
                .unwrap();
        }
        for (p, ns) in [("a/deep", 5), ("a", 6), ("opaque", 7)] {
            let f = File::open(root.join(p)).unwrap();
            f.set_times(std::fs::FileTimes::new().set_modified(t(1_600_000_000, ns)))
                .unwrap();
        }
    }

    /// What a reader of a stored layer can see of each entry.
    fn describe(root: &Path) -> Vec<String> {
        let mut out = Vec::new();
        let mut inodes = HashMap::new();
        let mut stack = vec![PathBuf::new()];
        while let Some(rel) = stack.pop() {
            let p = root.join(&rel);
            let m = std::fs::symlink_metadata(&p).unwrap();
            let mut xattrs: Vec<String> = hutch_sys::fs::llistxattr(&p)
                .unwrap()
                .into_iter()
                .map(|n| {
                    let v = hutch_sys::fs::lgetxattr(&p, &n)
                        .unwrap()
                        .unwrap_or_default();
                    format!("{}={}", n.to_string_lossy(), String::from_utf8_lossy(&v))
                })
                .collect();
            xattrs.sort();
            let link = inodes.entry(m.ino()).or_insert_with(|| rel.clone()).clone();
            let is_root = rel.as_os_str().is_empty();
            let whiteout = hutch_sys::fs::is_whiteout(&m);
            let mut line = format!(
                "{} {:?} mode={:o} owner={}:{} xattrs={xattrs:?} link={}",
                rel.display(),
                m.file_type(),
                m.mode() & 0o7777,
                m.uid(),
                m.gid(),
                link.display()
            );
            // Nobody reads the root's or a whiteout's times; unpacking leaves them as it goes.
            if !is_root && !whiteout {
                line += &format!(" mtime={}.{}", m.mtime(), m.mtime_nsec());
            }
            if m.is_file() {
                line += &format!(" data={:?}", Digest::sha256(&std::fs::read(&p).unwrap()));
            }
            if m.is_symlink() {
                line += &format!(" -> {}", std::fs::read_link(&p).unwrap().display());
            }
            out.push(line);
            if m.is_dir() {
                for e in std::fs::read_dir(&p).unwrap() {
                    stack.push(rel.join(e.unwrap().file_name()));
                }
            }
        }
        out.sort();
        out
    }

    fn stage(store: &hutch_storage::LayerStore, source: LayerSource<'_>) -> StagedLayer {
        stage_layer_dir(store, source, None, |e| panic!("unpacking: {e}")).unwrap()
    }

    fn reassembled(layer: &StagedLayer) -> Vec<u8> {
        let mut out = Vec::new();
        hutch_storage::tarsplit::reassemble(
            &layer.staging.split_path(),
            &layer.staging.path,
            &mut out,
        )
        .unwrap();
        out
    }

    #[test]
    fn a_moved_layer_is_what_unpacking_its_tar_gives() {
        let dir = tempfile::tempdir().unwrap();
        let store = hutch_storage::LayerStore::new(&dir.path().join("store"));
        let (moved, copied) = (dir.path().join("moved"), dir.path().join("copied"));
        layer_fixture(&moved);
        layer_fixture(&copied);
        let by_copy = stage(&store, LayerSource::Copy(&copied));
        let by_move = stage(&store, LayerSource::Move(&moved));
        assert!(!moved.exists(), "the directory was moved, not copied");
        assert_eq!(by_move.diff_id, by_copy.diff_id);
        assert_eq!(by_move.size, by_copy.size);
        assert_eq!(
            describe(&by_move.staging.path),
            describe(&by_copy.staging.path)
        );
        // The tar-split gives back the tar whose digest is the diff_id.
        let tar = reassembled(&by_move);
        assert_eq!(tar.len() as i64, by_move.size);
        assert_eq!(Digest::sha256(&tar), by_move.diff_id);
        assert!(tar == reassembled(&by_copy));
        // Neither tar has an entry for the root (the fixture's is 0700): both layers show the
        // root of the layers below them.
        for staged in [by_move, by_copy] {
            let id = store.promote(staged.staging).unwrap();
            assert!(store.root_inherited(&id), "{id}");
        }
    }

    #[test]
    fn a_layer_that_needs_unpacking_is_unpacked_after_all() {
        let dir = tempfile::tempdir().unwrap();
        let store = hutch_storage::LayerStore::new(&dir.path().join("store"));
        let (moved, copied) = (dir.path().join("moved"), dir.path().join("copied"));
        for d in [&moved, &copied] {
            layer_fixture(d);
            // fuse-overlayfs's whiteout where it cannot make a device.
            std::fs::write(d.join("a/.wh.f2"), "").unwrap();
        }
        let by_copy = stage(&store, LayerSource::Copy(&copied));
        let by_move = stage(&store, LayerSource::Move(&moved));
        assert_eq!(by_move.diff_id, by_copy.diff_id);
        let listing = describe(&by_move.staging.path);
        assert_eq!(listing, describe(&by_copy.staging.path));
        assert!(
            listing.iter().any(|l| l.starts_with("a/f2 ")),
            "{listing:#?}"
        );
        assert_eq!(Digest::sha256(&reassembled(&by_move)), by_move.diff_id);
    }

    #[test]
    fn an_empty_layer_is_an_empty_tar() {
        let dir = tempfile::tempdir().unwrap();
        let store = hutch_storage::LayerStore::new(dir.path());
        let l = stage(&store, LayerSource::Empty);
        assert_eq!(l.size, 1024);
        assert_eq!(Digest::sha256(&[0u8; 1024]), l.diff_id);
        let m = std::fs::metadata(&l.staging.path).unwrap();
        assert_eq!(m.mode() & 0o7777, 0o755);
        let id = store.promote(l.staging).unwrap();
        assert!(store.root_inherited(&id));
    }
}
