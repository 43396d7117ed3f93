//! The trash: directories of removed containers, moved aside in one rename and deleted later.

use super::lifecycle::remove_dir_if_exists;
use super::Dirs;
use crate::Paths;
use crate::Result;
use chrono::Utc;
use std::path::PathBuf;
use std::time::Duration;

/// Where the directories of removed containers wait to be deleted.
pub(super) fn trash_dir(paths: &Paths) -> PathBuf {
    paths.graphroot.join("trash")
}

/// Moves a removed container's directory (its upper layer, often thousands of files) out of
/// the way in one rename, so that removing the container takes no longer than that;
/// `empty_trash` deletes it later. Deletes it here when it cannot be moved.
pub(super) fn trash(paths: &Paths, dirs: &Dirs, id: &str) -> Result<()> {
    let bin = trash_dir(paths);
    let moved =
        std::fs::create_dir_all(&bin).and_then(|()| std::fs::rename(&dirs.graph, bin.join(id)));
    match moved {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !dirs.graph.exists() => Ok(()),
        Err(e) => {
            tracing::debug!("moving {} to {}: {e}", dirs.graph.display(), bin.display());
            remove_dir_if_exists(&dirs.graph)
        }
    }
}

/// Deletes what `trash` moved aside: the directory of container `id`, or with `None` every
/// one trashed at least `min_age` ago (a monitor that died before its exit command could
/// delete it). Failures are only logged: nothing refers to these directories any more.
pub(crate) fn empty_trash(paths: &Paths, id: Option<&str>, min_age: Duration) {
    let bin = trash_dir(paths);
    let entries: Vec<PathBuf> = match id {
        Some(id) => vec![bin.join(id)],
        None => match std::fs::read_dir(&bin) {
            Ok(rd) => rd
                .filter_map(|e| e.ok())
                .filter(|e| {
                    use std::os::unix::fs::MetadataExt;
                    // The rename that trashed it set its ctime.
                    e.metadata().is_ok_and(|m| {
                        let now = Utc::now().timestamp();
                        now.saturating_sub(m.ctime()) >= min_age.as_secs() as i64
                    })
                })
                .map(|e| e.path())
                .collect(),
            Err(_) => return,
        },
    };
    for e in entries {
        if let Err(err) = remove_dir_if_exists(&e) {
            tracing::warn!("{err}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn paths(root: &Path) -> Paths {
        Paths {
            graphroot: root.join("graph"),
            runroot: root.join("run"),
            config_home: root.join("config"),
            xdg_runtime_dir: None,
            home: root.to_path_buf(),
            uid: 1000,
            gid: 1000,
            storage_driver: None,
            runtime_dir_warning: None,
            settings: Default::default(),
        }
    }

    #[test]
    fn trash_moves_aside_and_empties_by_id_or_age() {
        let tmp = tempfile::tempdir().unwrap();
        let p = paths(tmp.path());
        let (a, b) = ("a".repeat(64), "b".repeat(64));
        for id in [&a, &b] {
            let dirs = Dirs::new(&p, id);
            std::fs::create_dir_all(dirs.upper.join("etc")).unwrap();
            std::fs::write(dirs.upper.join("etc/file"), "x").unwrap();
            trash(&p, &dirs, id).unwrap();
            assert!(
                !dirs.graph.exists(),
                "{} still in place",
                dirs.graph.display()
            );
            assert!(trash_dir(&p).join(id).join("upper/etc/file").exists());
            // Trashing what is already gone is no error.
            trash(&p, &dirs, id).unwrap();
        }
        // Young entries stay for their monitor's exit command...
        empty_trash(&p, None, Duration::from_secs(60));
        assert!(trash_dir(&p).join(&a).exists() && trash_dir(&p).join(&b).exists());
        // ...which deletes its own container's...
        empty_trash(&p, Some(&a), Duration::ZERO);
        assert!(!trash_dir(&p).join(&a).exists() && trash_dir(&p).join(&b).exists());
        // ...and anything old enough goes with any command.
        empty_trash(&p, None, Duration::ZERO);
        assert_eq!(std::fs::read_dir(trash_dir(&p)).unwrap().count(), 0);
    }
}
