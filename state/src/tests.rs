use super::*;
use std::sync::{Arc, Barrier};

fn layer(n: u32) -> NewLayer {
    NewLayer {
        diff_id: format!("sha256:{n:064x}"),
        dir: format!("dir{n}"),
        compressed_digest: Some(format!("sha256:c{n:063x}")),
        media_type: Some("application/vnd.oci.image.layer.v1.tar+gzip".into()),
        size: 100 + n as i64,
    }
}

fn image(id_n: u32, layers: &[u32], names: &[&str]) -> NewImage {
    NewImage {
        id: format!("{id_n:064x}"),
        digest: format!("sha256:d{id_n:063x}"),
        digests: vec![format!("sha256:e{id_n:063x}")],
        names: names.iter().map(|s| s.to_string()).collect(),
        layers: layers.iter().map(|&n| layer(n).diff_id).collect(),
        new_layers: layers.iter().map(|&n| layer(n)).collect(),
        manifest: b"{\"manifest\":1}".to_vec(),
        manifest_media_type: "application/vnd.oci.image.manifest.v1+json".into(),
        config: b"{\"config\":1}".to_vec(),
        created: DateTime::parse_from_rfc3339("2024-01-02T03:04:05Z")
            .unwrap()
            .with_timezone(&Utc),
        size: 1234,
    }
}

fn open_tmp() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("sub/hutch.db")).unwrap();
    (dir, db)
}

#[test]
fn open_sets_pragmas_and_schema_version() {
    let (dir, db) = open_tmp();
    let mode: String = db
        .conn()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = db
        .conn()
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let v: i64 = db
        .conn()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, schema::MIGRATIONS.len() as i64);
    drop(db);
    // Reopening an up-to-date database is fine.
    Db::open(&dir.path().join("sub/hutch.db")).unwrap();
}

#[test]
fn newer_schema_is_refused() {
    let (dir, db) = open_tmp();
    db.conn().pragma_update(None, "user_version", 99).unwrap();
    drop(db);
    let err = Db::open(&dir.path().join("sub/hutch.db"))
        .err()
        .expect("newer schema must be refused");
    assert!(matches!(err, StateError::TooNew { found: 99, .. }), "{err}");
}

#[test]
fn commit_and_read_back() {
    let (_dir, db) = open_tmp();
    let img = image(1, &[1, 2], &["docker.io/library/busybox:latest"]);
    let out = db.commit_image(&img).unwrap();
    assert!(out.discard_dirs.is_empty());

    let got = db.image(&img.id).unwrap().unwrap();
    assert_eq!(got.names, vec!["docker.io/library/busybox:latest"]);
    assert_eq!(got.layers, img.layers);
    assert_eq!(got.digest, img.digest);
    assert_eq!(
        got.digests,
        vec![img.digest.clone(), img.digests[0].clone()]
    );
    assert_eq!(got.manifest, img.manifest);
    assert_eq!(got.config, img.config);
    assert_eq!(got.created, img.created);
    assert_eq!(got.size, 1234);

    let by_name = db
        .image_by_name("docker.io/library/busybox:latest")
        .unwrap()
        .unwrap();
    assert_eq!(by_name.id, img.id);
    assert!(db
        .image_by_name("docker.io/library/busybox")
        .unwrap()
        .is_none());

    let by_digest = db
        .image_by_digest("docker.io/library/busybox", &img.digests[0])
        .unwrap()
        .unwrap();
    assert_eq!(by_digest.id, img.id);
    assert!(db
        .image_by_digest("docker.io/library/alpine", &img.digest)
        .unwrap()
        .is_none());
    assert!(db.image_by_digest("", &img.digest).unwrap().is_some());

    assert_eq!(db.images_by_id_prefix("0000").unwrap().len(), 1);
    assert_eq!(
        db.images_by_id_prefix(&format!("sha256:{}", &img.id[..12]))
            .unwrap()
            .len(),
        1
    );
    assert!(db.images_by_id_prefix("ffff").unwrap().is_empty());
    assert!(db.images_by_id_prefix("%").unwrap().is_empty());

    let l = db.layer(&layer(1).diff_id).unwrap().unwrap();
    assert_eq!(l.dir, "dir1");
    assert_eq!(l.size, 101);
    assert_eq!(db.layers().unwrap().len(), 2);
    assert_eq!(db.images().unwrap().len(), 1);
}

#[test]
fn existing_layer_loses_the_race() {
    let (_dir, db) = open_tmp();
    db.commit_image(&image(1, &[1, 2], &["a:1"])).unwrap();
    let mut second = image(2, &[1, 3], &["b:1"]);
    second.new_layers[0].dir = "dir1-dup".into();
    let out = db.commit_image(&second).unwrap();
    assert_eq!(out.discard_dirs, vec!["dir1-dup"]);
    assert_eq!(db.layer(&layer(1).diff_id).unwrap().unwrap().dir, "dir1");
}

#[test]
fn missing_layers_write_nothing() {
    let (_dir, db) = open_tmp();
    let mut img = image(1, &[1, 2], &["a:1"]);
    img.new_layers.truncate(1);
    let err = db.commit_image(&img).unwrap_err();
    match err {
        StateError::MissingLayers { image, diff_ids } => {
            assert_eq!(image, img.id);
            assert_eq!(diff_ids, vec![layer(2).diff_id]);
        }
        other => panic!("unexpected {other}"),
    }
    assert!(db.layers().unwrap().is_empty(), "new layers rolled back");
    assert!(db.images().unwrap().is_empty());
}

#[test]
fn names_move_between_images() {
    let (_dir, db) = open_tmp();
    let a = image(1, &[1], &["r:latest", "r:1"]);
    db.commit_image(&a).unwrap();
    let b = image(2, &[2], &["r:latest"]);
    db.commit_image(&b).unwrap();
    assert_eq!(db.image(&a.id).unwrap().unwrap().names, vec!["r:1"]);
    assert_eq!(db.image(&b.id).unwrap().unwrap().names, vec!["r:latest"]);

    db.add_name(&a.id, "r:latest").unwrap();
    assert!(db.image(&b.id).unwrap().unwrap().names.is_empty());
    assert_eq!(db.image_by_name("r:latest").unwrap().unwrap().id, a.id);

    assert!(db.remove_name("r:1").unwrap());
    assert!(!db.remove_name("r:1").unwrap());
    assert_eq!(db.image(&a.id).unwrap().unwrap().names, vec!["r:latest"]);

    let err = db.add_name(&format!("{:064x}", 99), "x:1").unwrap_err();
    assert!(matches!(err, StateError::ImageNotFound { .. }), "{err}");
}

#[test]
fn repull_keeps_names_and_adds_digests() {
    let (_dir, db) = open_tmp();
    let a = image(1, &[1], &["r:latest"]);
    db.commit_image(&a).unwrap();
    let mut again = image(1, &[1], &["r:other"]);
    again.new_layers.clear();
    again.digest = "sha256:feed".into();
    again.digests.clear();
    db.commit_image(&again).unwrap();
    let got = db.image(&a.id).unwrap().unwrap();
    assert_eq!(got.names, vec!["r:latest", "r:other"]);
    assert_eq!(got.digest, "sha256:feed");
    assert!(got.digests.contains(&a.digest) && got.digests.contains(&"sha256:feed".into()));
}

#[test]
fn delete_image_returns_only_unshared_layers() {
    let (_dir, db) = open_tmp();
    let a = image(1, &[1, 2, 3], &["a:1"]);
    let b = image(2, &[1, 2, 4], &["b:1"]);
    db.commit_image(&a).unwrap();
    let mut b2 = b.clone();
    b2.new_layers.retain(|l| l.diff_id == layer(4).diff_id);
    db.commit_image(&b2).unwrap();

    let freed = db.delete_image(&a.id).unwrap();
    let freed: Vec<_> = freed.iter().map(|l| l.dir.as_str()).collect();
    assert_eq!(freed, vec!["dir3"]);
    assert!(db.image(&a.id).unwrap().is_none());
    assert!(db.image_by_name("a:1").unwrap().is_none());
    assert!(db.layer(&layer(3).diff_id).unwrap().is_none());
    assert!(db.layer(&layer(1).diff_id).unwrap().is_some());

    let mut freed: Vec<_> = db
        .delete_image(&b.id)
        .unwrap()
        .into_iter()
        .map(|l| l.dir)
        .collect();
    freed.sort();
    assert_eq!(freed, vec!["dir1", "dir2", "dir4"]);
    assert!(db.layers().unwrap().is_empty());

    let err = db.delete_image(&b.id).unwrap_err();
    assert!(matches!(err, StateError::ImageNotFound { .. }), "{err}");
}

#[test]
fn a_layer_used_twice_by_one_image_is_freed_once() {
    let (_dir, db) = open_tmp();
    let mut a = image(1, &[1, 2], &["a:1"]);
    a.layers.push(layer(1).diff_id);
    db.commit_image(&a).unwrap();
    assert_eq!(db.image(&a.id).unwrap().unwrap().layers.len(), 3);
    let freed = db.delete_image(&a.id).unwrap();
    assert_eq!(freed.len(), 2);
}

#[test]
fn meta_round_trips() {
    let (_dir, db) = open_tmp();
    assert_eq!(db.get_meta("driver").unwrap(), None);
    db.set_meta("driver", "overlay").unwrap();
    db.set_meta("driver", "vfs").unwrap();
    assert_eq!(db.get_meta("driver").unwrap().as_deref(), Some("vfs"));
    assert!(db.images_in_use().unwrap().is_empty());
}

/// Twenty connections opening a fresh database (so migrating at once) and then committing,
/// renaming and deleting at the same time: none may fail, and the end state must be consistent.
#[test]
fn concurrent_writers_never_fail() {
    const THREADS: u32 = 20;
    const ROUNDS: u32 = 15;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hutch.db");
    let barrier = Arc::new(Barrier::new(THREADS as usize));
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let path = path.clone();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                barrier.wait();
                let db = Db::open(&path).expect("open");
                for r in 0..ROUNDS {
                    // Every thread shares layer 0 and uses one of its own.
                    let own = 1000 + t * ROUNDS + r;
                    let mut img = image(t * 1000 + r, &[0, own], &["shared:latest"]);
                    img.new_layers[0].dir = format!("dir0-{t}-{r}");
                    let out = db.commit_image(&img).expect("commit");
                    assert!(out.discard_dirs.len() <= 1);
                    db.add_name(&img.id, &format!("t{t}:r{r}"))
                        .expect("add name");
                    db.add_name(&img.id, "contended:latest").expect("add name");
                    db.images().expect("list");
                    db.remove_name(&format!("t{t}:r{r}")).expect("remove name");
                    if r % 2 == 0 {
                        match db.delete_image(&img.id) {
                            Ok(_) => {}
                            Err(e) => panic!("delete: {e}"),
                        }
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("thread panicked");
    }
    let db = Db::open(&path).unwrap();
    let images = db.images().unwrap();
    assert_eq!(images.len() as u32, THREADS * (ROUNDS / 2));
    let named: Vec<_> = images
        .iter()
        .filter(|i| i.names.contains(&"shared:latest".to_string()))
        .collect();
    assert!(named.len() <= 1);
    // Every layer row is used by some image and every image's layers exist.
    let layers = db.layers().unwrap();
    for l in &layers {
        assert!(
            images.iter().any(|i| i.layers.contains(&l.diff_id)),
            "orphan layer {}",
            l.diff_id
        );
    }
    for i in &images {
        for d in &i.layers {
            assert!(db.layer(d).unwrap().is_some(), "image {} lost {d}", i.id);
        }
    }
}

/// The same as `concurrent_writers_never_fail`, but across processes, as hutch runs: the test
/// re-runs its own binary 20 times as workers (selected by an environment variable).
#[test]
fn concurrent_processes_never_fail() {
    const WORKER_ENV: &str = "HUTCH_STATE_TEST_WORKER";
    const PROCS: u32 = 20;
    const ROUNDS: u32 = 10;
    if let Ok(spec) = std::env::var(WORKER_ENV) {
        let (db_path, t) = spec.rsplit_once(':').expect("PATH:N");
        let t: u32 = t.parse().unwrap();
        let db = Db::open(Path::new(db_path)).expect("open");
        for r in 0..ROUNDS {
            let own = 5000 + t * ROUNDS + r;
            let mut img = image(50_000 + t * 1000 + r, &[0, own], &["shared:latest"]);
            img.new_layers[0].dir = format!("dir0-{t}-{r}");
            db.commit_image(&img).expect("commit");
            db.add_name(&img.id, "contended:latest").expect("add name");
            db.images().expect("list");
            if r % 2 == 0 {
                db.delete_image(&img.id).expect("delete");
            }
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hutch.db");
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..PROCS)
        .map(|t| {
            std::process::Command::new(&exe)
                .args([
                    "--exact",
                    "tests::concurrent_processes_never_fail",
                    "--nocapture",
                ])
                .env(WORKER_ENV, format!("{}:{t}", path.display()))
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "worker failed: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        // The worker must really have run the test, not filtered it out.
        assert!(String::from_utf8_lossy(&out.stdout).contains("1 passed"));
    }
    let db = Db::open(&path).unwrap();
    let images = db.images().unwrap();
    assert_eq!(images.len() as u32, PROCS * (ROUNDS / 2));
    assert_eq!(
        images
            .iter()
            .filter(|i| i.names.iter().any(|n| n == "contended:latest"))
            .count(),
        1
    );
}

fn container(n: u32, name: &str) -> Container {
    Container {
        id: format!("{n:064x}"),
        name: name.to_string(),
        image_id: format!("{:064x}", 7),
        image_name: "docker.io/library/busybox:latest".into(),
        created: Utc::now(),
        run: RunState {
            state: "configured".into(),
            ..Default::default()
        },
        spec: "{}".into(),
        restart_policy: String::new(),
        labels: "{}".into(),
        rm: false,
    }
}

#[test]
fn containers_round_trip_and_names_are_unique() {
    let (_dir, db) = open_tmp();
    let ev = NewEvent {
        kind: "container".into(),
        action: "create".into(),
        id: format!("{:064x}", 1),
        name: "a".into(),
        attributes: String::new(),
    };
    db.insert_container(&container(1, "a"), Some(&ev)).unwrap();
    db.insert_container(&container(2, "b"), None).unwrap();
    let err = db.insert_container(&container(3, "a"), None).unwrap_err();
    assert!(
        matches!(err, StateError::NameInUse { ref name, .. } if name == "a"),
        "{err}"
    );
    assert_eq!(db.containers().unwrap().len(), 2);
    assert_eq!(
        db.container_by_name("b").unwrap().unwrap().id,
        format!("{:064x}", 2)
    );
    assert_eq!(db.containers_by_id_prefix("000").unwrap().len(), 2);
    assert!(db.containers_by_id_prefix("zz").unwrap().is_empty());
    assert_eq!(db.images_in_use().unwrap(), vec![format!("{:064x}", 7)]);

    let id = format!("{:064x}", 1);
    let run = RunState {
        state: "exited".into(),
        pid: 0,
        conmon_pid: 0,
        exit_code: Some(3),
        started_at: Some(Utc::now()),
        finished_at: Some(Utc::now()),
        restart_count: 2,
        error: String::new(),
    };
    db.set_run_state(&id, &run, None).unwrap();
    let back = db.container(&id).unwrap().unwrap();
    assert_eq!(back.run.exit_code, Some(3));
    assert_eq!(back.run.restart_count, 2);
    assert!(back.run.finished_at.is_some());

    assert!(matches!(
        db.rename_container(&id, "b", None),
        Err(StateError::NameInUse { .. })
    ));
    db.rename_container(&id, "c", None).unwrap();
    assert!(db.container_by_name("c").unwrap().is_some());

    assert!(db.delete_container(&id, None).unwrap());
    assert!(!db.delete_container(&id, None).unwrap());
    assert!(matches!(
        db.set_run_state(&id, &run, None),
        Err(StateError::ContainerNotFound { .. })
    ));
    let events = db.events(0).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].action, "create");
    assert_eq!(events[0].attributes, "{}");
    assert!(db.events(events[0].seq).unwrap().is_empty());
}

#[test]
fn layer_blobs_are_remembered_and_go_with_their_layer() {
    let (_dir, db) = open_tmp();
    db.commit_image(&image(1, &[1, 2], &["r/a:1"])).unwrap();
    let d = layer(1).diff_id;
    let blob = |digest: &str| LayerBlob {
        diff_id: d.clone(),
        compression: "gzip".into(),
        digest: digest.into(),
        size: 7,
        tar_digest: d.clone(),
    };
    assert_eq!(db.layer_blob(&d, "gzip").unwrap(), None);
    db.put_layer_blob(&blob("sha256:aa")).unwrap();
    db.put_layer_blob(&blob("sha256:bb")).unwrap();
    assert_eq!(db.layer_blob(&d, "gzip").unwrap(), Some(blob("sha256:bb")));
    assert_eq!(db.layer_blob(&d, "zstd").unwrap(), None);
    // Nothing is remembered for a layer that is not stored.
    let mut other = blob("sha256:cc");
    other.diff_id = layer(9).diff_id;
    db.put_layer_blob(&other).unwrap();
    assert_eq!(db.layer_blob(&other.diff_id, "gzip").unwrap(), None);

    let id = image(1, &[], &[]).id;
    db.add_image_digest(&id, "sha256:pushed").unwrap();
    assert!(db
        .image(&id)
        .unwrap()
        .unwrap()
        .digests
        .contains(&"sha256:pushed".to_string()));
    db.delete_image(&id).unwrap();
    assert_eq!(db.layer_blob(&d, "gzip").unwrap(), None);
}

#[test]
fn volumes_insert_refuse_duplicates_clear_flags_and_delete() {
    let (_dir, db) = open_tmp();
    let v = Volume {
        name: "data".into(),
        driver: "local".into(),
        created: Utc::now(),
        labels: r#"{"a":"b"}"#.into(),
        options: "{}".into(),
        anonymous: false,
        needs_copy_up: true,
        needs_chown: true,
    };
    db.insert_volume(&v).unwrap();
    assert!(matches!(
        db.insert_volume(&v),
        Err(StateError::VolumeExists { name }) if name == "data"
    ));
    db.set_volume_used("data").unwrap();
    let got = db.volume("data").unwrap().unwrap();
    assert!(!got.needs_copy_up && !got.needs_chown);
    assert_eq!(got.labels, v.labels);
    assert_eq!(db.volumes().unwrap().len(), 1);
    assert!(db.delete_volume("data").unwrap());
    assert!(!db.delete_volume("data").unwrap());
    assert!(db.volume("data").unwrap().is_none());
}

#[test]
fn one_handle_serves_many_threads() {
    fn shareable<T: Send + Sync + Clone>() {}
    shareable::<Db>();
    let (_dir, db) = open_tmp();
    std::thread::scope(|s| {
        for i in 0..8 {
            let db = db.clone();
            s.spawn(move || {
                for j in 0..20 {
                    db.set_meta(&format!("k{i}"), &j.to_string()).unwrap();
                    assert_eq!(db.get_meta(&format!("k{i}")).unwrap(), Some(j.to_string()));
                }
            });
        }
    });
    for i in 0..8 {
        assert_eq!(
            db.get_meta(&format!("k{i}")).unwrap().as_deref(),
            Some("19")
        );
    }
}

#[test]
fn pods_round_trip_and_names_are_unique() {
    let (_d, db) = open_tmp();
    let p = Pod {
        id: format!("{:064x}", 7),
        name: "web".into(),
        created: Utc::now(),
        labels: r#"{"a":"b"}"#.into(),
        infra_id: String::new(),
        spec: "{}".into(),
    };
    let ev = NewEvent {
        kind: "pod".into(),
        action: "create".into(),
        id: p.id.clone(),
        name: p.name.clone(),
        attributes: String::new(),
    };
    db.insert_pod(&p, Some(&ev)).unwrap();
    let again = Pod {
        id: format!("{:064x}", 8),
        ..p.clone()
    };
    assert!(matches!(
        db.insert_pod(&again, None),
        Err(StateError::PodNameInUse { .. })
    ));
    db.set_pod_infra(&p.id, "abc").unwrap();
    let got = db.pod_by_name("web").unwrap().unwrap();
    assert_eq!(got.infra_id, "abc");
    assert_eq!(db.pods_by_id_prefix("000").unwrap().len(), 1);
    assert_eq!(db.pods().unwrap().len(), 1);
    assert!(db.delete_pod(&p.id, None).unwrap());
    assert!(db.pod(&p.id).unwrap().is_none());
    assert_eq!(db.events(0).unwrap().last().unwrap().kind, "pod");
}

/// A database made before migration 7 keeps its events, and new ones continue its sequence
/// without `sqlite_sequence`.
#[test]
fn events_migrate_off_autoincrement() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hutch.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        for sql in &schema::MIGRATIONS[..6] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 6).unwrap();
        for n in 0..5 {
            conn.execute(
                "INSERT INTO events (time, type, action, id, name) VALUES ('2026-12-07T00:00:00Z', 'container', ?1, 'i', 'n')",
                [format!("a{n}")],
            )
            .unwrap();
        }
        // Pruning deletes the oldest events only.
        conn.execute("DELETE FROM events WHERE seq = 1", [])
            .unwrap();
    }
    let db = Db::open(&path).unwrap();
    let events = db.events(0).unwrap();
    assert_eq!(
        events.iter().map(|e| e.seq).collect::<Vec<_>>(),
        vec![2, 3, 4, 5]
    );
    assert_eq!(events[3].action, "a4");
    let sql: String = db
        .conn()
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'events'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!sql.contains("AUTOINCREMENT"), "{sql}");
    let ev = NewEvent {
        kind: "container".into(),
        action: "create".into(),
        id: "i".into(),
        name: "n".into(),
        attributes: String::new(),
    };
    db.add_event(&ev).unwrap();
    let last = db.events(5).unwrap();
    assert_eq!(last.len(), 1);
    assert_eq!(last[0].seq, 6);
}

/// A `--rm` container's exit and removal are one write: both events, no row.
#[test]
fn delete_with_events_records_them_all_or_none() {
    let (_dir, db) = open_tmp();
    let id = format!("{:064x}", 1);
    db.insert_container(&container(1, "a"), None).unwrap();
    let ev = |action: &str| NewEvent {
        kind: "container".into(),
        action: action.into(),
        id: id.clone(),
        name: "a".into(),
        attributes: String::new(),
    };
    assert!(db
        .delete_container_events(&id, &[ev("died"), ev("remove")])
        .unwrap());
    let actions: Vec<_> = db
        .events(0)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions, ["died", "remove"]);
    assert!(db.container(&id).unwrap().is_none());
    // Already gone: nothing is recorded.
    assert!(!db.delete_container_events(&id, &[ev("remove")]).unwrap());
    assert_eq!(db.events(0).unwrap().len(), 2);
}

fn wal_len(db: &std::path::Path) -> u64 {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).map(|m| m.len()).unwrap_or(0)
}

/// An image whose config makes each commit add about 20 KB to the WAL.
fn big_image(n: u32) -> NewImage {
    let mut img = image(n, &[n], &[]);
    img.config = vec![b'x'; 16 * 1024];
    img
}

/// The writer that takes the WAL past `WAL_TRIM_BYTES` empties it, so no later process replays
/// (or checkpoints again) a long WAL.
#[test]
fn writers_keep_the_wal_short() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hutch.db");
    let db = Db::open(&path).unwrap();
    let mut emptied = false;
    for n in 0..60 {
        db.commit_image(&big_image(n)).unwrap();
        let len = wal_len(&path);
        assert!(len <= WAL_TRIM_BYTES + 64 * 1024, "WAL at {len} bytes");
        emptied |= len == 0;
    }
    assert!(emptied, "no commit emptied the WAL");
    drop(db);
    assert_eq!(Db::open(&path).unwrap().images().unwrap().len(), 60);
}

/// Writers emptying the WAL while other connections read (some holding old snapshots, some
/// opening anew each time, as short hutch processes do): every call succeeds, nothing is lost,
/// and the WAL ends short.
#[test]
fn readers_and_wal_trimming_writers_at_once() {
    const WRITERS: u32 = 6;
    const READERS: u32 = 6;
    const ROUNDS: u32 = 20;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hutch.db");
    Db::open(&path).unwrap();
    let writing = Arc::new(std::sync::atomic::AtomicU32::new(WRITERS));
    let barrier = Arc::new(Barrier::new((WRITERS + READERS) as usize));
    let mut handles = Vec::new();
    for t in 0..WRITERS {
        let (path, barrier, writing) = (path.clone(), barrier.clone(), writing.clone());
        handles.push(std::thread::spawn(move || {
            barrier.wait();
            let db = Db::open(&path).expect("open");
            for r in 0..ROUNDS {
                db.commit_image(&big_image(t * 1000 + r)).expect("commit");
            }
            writing.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
        }));
    }
    for t in 0..READERS {
        let (path, barrier, writing) = (path.clone(), barrier.clone(), writing.clone());
        handles.push(std::thread::spawn(move || {
            barrier.wait();
            let kept = Db::open(&path).expect("open");
            let mut seen = 0;
            while writing.load(std::sync::atomic::Ordering::SeqCst) > 0 {
                let db = if t % 2 == 0 {
                    kept.clone()
                } else {
                    Db::open(&path).expect("open")
                };
                let n = db.images().expect("list").len();
                assert!(n >= seen, "{n} images after {seen}");
                seen = n;
            }
        }));
    }
    for h in handles {
        h.join().expect("thread panicked");
    }
    let db = Db::open(&path).unwrap();
    assert_eq!(db.images().unwrap().len() as u32, WRITERS * ROUNDS);
    db.commit_image(&big_image(999_999)).unwrap();
    assert!(wal_len(&path) <= WAL_TRIM_BYTES + 64 * 1024);
}
