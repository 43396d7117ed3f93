//! The schema as a list of migrations: entry N brings `PRAGMA user_version` from N to N+1.
//! Append only; never edit a migration that has shipped.

pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: images and layers.
    r#"
    CREATE TABLE layers (
        diff_id TEXT PRIMARY KEY,
        dir TEXT NOT NULL UNIQUE,
        compressed_digest TEXT,
        media_type TEXT,
        size INTEGER NOT NULL,
        created TEXT NOT NULL
    );
    CREATE TABLE images (
        id TEXT PRIMARY KEY,
        digest TEXT NOT NULL,
        manifest BLOB NOT NULL,
        manifest_media_type TEXT NOT NULL,
        config BLOB NOT NULL,
        created TEXT NOT NULL,
        pulled TEXT NOT NULL,
        size INTEGER NOT NULL
    );
    CREATE TABLE image_layers (
        image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        diff_id TEXT NOT NULL REFERENCES layers(diff_id),
        PRIMARY KEY (image_id, idx)
    );
    CREATE INDEX image_layers_diff_id ON image_layers(diff_id);
    CREATE TABLE image_names (
        name TEXT PRIMARY KEY,
        image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE
    );
    CREATE INDEX image_names_image_id ON image_names(image_id);
    CREATE TABLE image_digests (
        image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
        digest TEXT NOT NULL,
        PRIMARY KEY (image_id, digest)
    );
    CREATE INDEX image_digests_digest ON image_digests(digest);
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    "#,
    // 2: containers and the event log.
    r#"
    CREATE TABLE containers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        image_id TEXT NOT NULL,
        image_name TEXT NOT NULL,
        created TEXT NOT NULL,
        state TEXT NOT NULL,
        pid INTEGER NOT NULL DEFAULT 0,
        conmon_pid INTEGER NOT NULL DEFAULT 0,
        exit_code INTEGER,
        started_at TEXT,
        finished_at TEXT,
        restart_count INTEGER NOT NULL DEFAULT 0,
        error TEXT NOT NULL DEFAULT '',
        spec TEXT NOT NULL,
        restart_policy TEXT NOT NULL DEFAULT '',
        labels TEXT NOT NULL DEFAULT '{}',
        rm INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX containers_image_id ON containers(image_id);
    CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        time TEXT NOT NULL,
        type TEXT NOT NULL,
        action TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        attributes TEXT NOT NULL DEFAULT '{}'
    );
    "#,
    // 3: volumes (issue 6). Which containers use a volume is read from their stored
    // configuration, so there is no link table to keep in step.
    r#"
    CREATE TABLE volumes (
        name TEXT PRIMARY KEY,
        driver TEXT NOT NULL DEFAULT 'local',
        created TEXT NOT NULL,
        labels TEXT NOT NULL DEFAULT '{}',
        options TEXT NOT NULL DEFAULT '{}',
        anonymous INTEGER NOT NULL DEFAULT 0,
        needs_copy_up INTEGER NOT NULL DEFAULT 1,
        needs_chown INTEGER NOT NULL DEFAULT 1
    );
    "#,
    // 4 (push): the compressed blobs made from a stored layer, per compression, so a second push
    // neither recompresses nor uploads. `tar_digest` is the digest of the tar that was
    // compressed: it differs from `diff_id` when the layer could not be re-created byte for byte.
    r#"
    CREATE TABLE layer_blobs (
        diff_id TEXT NOT NULL REFERENCES layers(diff_id) ON DELETE CASCADE,
        compression TEXT NOT NULL,
        digest TEXT NOT NULL,
        size INTEGER NOT NULL,
        tar_digest TEXT NOT NULL,
        PRIMARY KEY (diff_id, compression)
    );
    "#,
    // 5 (pods): a pod's own row; which containers belong to it is in their stored
    // configuration. `spec` is the engine's pod configuration as JSON.
    r#"
    CREATE TABLE pods (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL,
        labels TEXT NOT NULL DEFAULT '{}',
        infra_id TEXT NOT NULL DEFAULT '',
        spec TEXT NOT NULL DEFAULT '{}'
    );
    "#,
    // 6 (build): each build step's image under its cache key (parent, instruction with its
    // expanded arguments, the digest of the files it read). A step whose image is deleted
    // (`image prune`, `rmi`) loses its entry with it.
    r#"
    CREATE TABLE build_cache (
        key TEXT PRIMARY KEY,
        image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
        created TEXT NOT NULL
    );
    CREATE INDEX build_cache_image ON build_cache(image_id);
    "#,
    // 7: the event log without AUTOINCREMENT. Its sequence numbers stay increasing without
    // it (only the oldest events are ever deleted), and each event no longer rewrites a
    // `sqlite_sequence` page: a third fewer pages written per container lifecycle.
    r#"
    CREATE TABLE events_new (
        seq INTEGER PRIMARY KEY,
        time TEXT NOT NULL,
        type TEXT NOT NULL,
        action TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        attributes TEXT NOT NULL DEFAULT '{}'
    );
    INSERT INTO events_new SELECT seq, time, type, action, id, name, attributes FROM events;
    DROP TABLE events;
    ALTER TABLE events_new RENAME TO events;
    DELETE FROM sqlite_sequence WHERE name = 'events';
    "#,
];
