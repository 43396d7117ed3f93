//! Volumes, bind mounts and tmpfs end to end as the unprivileged test user: named volumes
//! shared between containers, copy-up of image content, ownership of bind mounts through the
//! user namespace (both ways, `:U`, keep-id), read-only mounts, `--volumes-from`, image VOLUMEs
//! as anonymous volumes, prune/rm rules, mount destinations behind planted symlinks, bad input,
//! and `system df|prune|reset`.

use crate::fixtures::busybox_layer;
use crate::harness::TestContext;
use crate::oci::{
    compress, config_json, dir, file, layer, push_config_and_manifest, sha256_hex, symlink, Comp,
    Format, Layer, LayerDesc, Pushed, Spec,
};
use crate::pull;
use crate::registry::{push_blob, registries, Blob};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::busybox_context as setup;

/// Pushes busybox plus `own` as `REPO:TAG`, with `patch` applied to the image config.
fn push_with_config(
    repo: &str,
    tag: &str,
    own: Layer,
    patch: impl Fn(&mut serde_json::Value),
) -> Pushed {
    let host = registries().plain.host();
    let layers = vec![busybox_layer().clone(), own];
    let diff_ids: Vec<String> = layers.iter().map(|l| l.diff_id.clone()).collect();
    let mut cfg: serde_json::Value = serde_json::from_slice(&config_json(
        &Spec::default(),
        &format!("{repo}:{tag}"),
        &diff_ids,
    ))
    .unwrap();
    patch(&mut cfg);
    let config = serde_json::to_vec(&cfg).unwrap();
    let mut descs = Vec::new();
    for l in &layers {
        let data = compress(&l.tar, Comp::Gzip);
        let digest = format!("sha256:{}", sha256_hex(&data));
        push_blob(&host, repo, &digest, Blob::Bytes(&data));
        descs.push(LayerDesc {
            media_type: "application/vnd.oci.image.layer.v1.tar+gzip",
            digest,
            size: data.len() as u64,
        });
    }
    push_config_and_manifest(repo, tag, Format::Oci, &config, &descs).0
}

/// `volimg`: content owned by uid 1000 at /srv/content (an image VOLUME) and at /opt/app.
fn volimg() -> &'static Pushed {
    static P: OnceLock<Pushed> = OnceLock::new();
    P.get_or_init(|| {
        let own = layer(vec![
            dir("srv", 0o755),
            dir("srv/content", 0o750).owner(1000, 1000),
            file("srv/content/a.txt", 0o640, "from the image\n").owner(1000, 1000),
            dir("srv/content/sub", 0o700).owner(1000, 1000),
            file("srv/content/sub/b", 0o600, "b\n").owner(1000, 1000),
            symlink("srv/content/link", "a.txt"),
            dir("opt", 0o755),
            dir("opt/app", 0o755),
            file("opt/app/conf", 0o644, "conf\n"),
        ]);
        push_with_config("volimg", "latest", own, |c| {
            c["config"]["Volumes"] = serde_json::json!({"/srv/content": {}});
        })
    })
}

/// `volevil`: symlinks planted where containers will mount things, pointing out of the root.
const ESCAPE: &str = "/tmp/hutch-it-volume-escape-target";
fn volevil() -> &'static Pushed {
    static P: OnceLock<Pushed> = OnceLock::new();
    P.get_or_init(|| {
        let own = layer(vec![
            symlink("evil", ESCAPE),
            symlink(
                "evil-rel",
                "../../../../../../../../tmp/hutch-it-volume-escape-target",
            ),
            dir("d", 0o755),
            symlink("d/up", "../../../../../../../.."),
        ]);
        push_with_config("volevil", "latest", own, |_| {})
    })
}

fn volume_names(ctx: &TestContext) -> Vec<String> {
    let out = ctx.hutch(["volume", "ls", "-q"]).run().success();
    let mut v: Vec<String> = out.stdout.lines().map(str::to_string).collect();
    v.sort();
    v
}

/// A directory under the context owned by the test user.
fn user_dir(ctx: &TestContext, name: &str) -> PathBuf {
    let d = ctx.dir.join(name);
    ctx.write_file(&d.join(".keep"), "");
    std::fs::remove_file(d.join(".keep")).unwrap();
    d
}

fn owner(p: &Path) -> (u32, u32) {
    let m = std::fs::symlink_metadata(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    (m.uid(), m.gid())
}

#[test]
fn named_volume_carries_data_to_the_next_container() {
    let (ctx, img) = setup("vol-named");
    ctx.hutch([
        "run",
        "--rm",
        "-v",
        "data:/data",
        &img,
        "sh",
        "-c",
        "echo kept > /data/f",
    ])
    .run()
    .success();
    assert_eq!(volume_names(&ctx), ["data"], "created on first use");
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "-v",
            "data:/other/place",
            &img,
            "cat",
            "/other/place/f",
        ])
        .run()
        .success();
    assert_eq!(out.stdout, "kept\n");
    // The data is where podman keeps it, and inspect says so.
    let data = ctx.graphroot().join("volumes/data/_data");
    assert!(data.join("f").is_file());
    let mp = ctx
        .hutch([
            "volume",
            "inspect",
            "--format",
            "{{.Mountpoint}} {{.Driver}} {{.Scope}}",
            "data",
        ])
        .run()
        .success();
    assert_eq!(mp.stdout_trim(), format!("{} local local", data.display()));
    let js = ctx.hutch(["volume", "inspect", "data"]).run().success();
    let v: serde_json::Value = serde_json::from_str(&js.stdout).unwrap();
    for k in [
        "Name",
        "Driver",
        "Mountpoint",
        "CreatedAt",
        "Labels",
        "Scope",
        "Options",
    ] {
        assert!(v[0].get(k).is_some(), "{k} missing: {}", js.stdout);
    }
    // Plain `inspect` finds volumes too.
    let i = ctx
        .hutch(["inspect", "--format", "{{.Name}}", "data"])
        .run()
        .success();
    assert_eq!(i.stdout_trim(), "data");
    ctx.hutch([
        "inspect",
        "--type",
        "volume",
        "--format",
        "{{.Scope}}",
        "data",
    ])
    .run()
    .success();
    // A container's inspect lists its mounts; ps is unaffected.
    ctx.hutch(["create", "--name", "c", "-v", "data:/data:ro", &img, "true"])
        .run()
        .success();
    let m = ctx
        .hutch(["container", "inspect", "--format", "{{json .Mounts}}", "c"])
        .run()
        .success();
    let mounts: serde_json::Value = serde_json::from_str(m.stdout_trim()).unwrap();
    assert_eq!(mounts[0]["Type"], "volume");
    assert_eq!(mounts[0]["Name"], "data");
    assert_eq!(mounts[0]["Destination"], "/data");
    assert_eq!(mounts[0]["RW"], false);
    let binds = ctx
        .hutch([
            "container",
            "inspect",
            "--format",
            "{{json .HostConfig.Binds}}",
            "c",
        ])
        .run()
        .success();
    assert_eq!(
        binds.stdout_trim(),
        r#"["data:/data:ro,rbind,rprivate,nosuid,nodev"]"#
    );
    let ps = ctx
        .hutch(["ps", "-a", "--format", "{{.Names}}"])
        .run()
        .success();
    assert_eq!(ps.stdout_trim(), "c");
}

#[test]
fn named_volume_first_use_copies_image_content_with_owners() {
    let (ctx, _) = setup("vol-copyup");
    let img = volimg().plain();
    pull(&ctx, &img).success();
    let out = ctx
        .hutch(["run", "--rm", "-v", "cv:/srv/content", &img, "sh", "-c",
                "stat -c '%n %u:%g %a' /srv/content /srv/content/a.txt /srv/content/sub /srv/content/sub/b; readlink /srv/content/link; cat /srv/content/a.txt"])
        .run()
        .success();
    assert_eq!(
        out.stdout,
        "/srv/content 1000:1000 750\n/srv/content/a.txt 1000:1000 640\n/srv/content/sub 1000:1000 700\n/srv/content/sub/b 1000:1000 600\na.txt\nfrom the image\n",
        "{}",
        out.stderr
    );
    // Only on first use: what a container removed stays removed.
    ctx.hutch([
        "run",
        "--rm",
        "-v",
        "cv:/srv/content",
        &img,
        "rm",
        "/srv/content/a.txt",
    ])
    .run()
    .success();
    let ls = ctx
        .hutch([
            "run",
            "--rm",
            "-v",
            "cv:/srv/content",
            &img,
            "ls",
            "/srv/content",
        ])
        .run()
        .success();
    assert_eq!(ls.stdout, "link\nsub\n");
    // nocopy: a new volume stays empty.
    let empty = ctx
        .hutch([
            "run",
            "--rm",
            "-v",
            "nc:/opt/app:nocopy",
            &img,
            "ls",
            "-A",
            "/opt/app",
        ])
        .run()
        .success();
    assert_eq!(empty.stdout, "");
    // --tmpfs starts with the image's content (podman's tmpcopyup), unless notmpcopyup.
    let t = ctx
        .hutch([
            "run",
            "--rm",
            "--tmpfs",
            "/opt/app",
            &img,
            "sh",
            "-c",
            "cat /opt/app/conf; grep ' /opt/app ' /proc/mounts",
        ])
        .run()
        .success();
    assert!(
        t.stdout.starts_with("conf\ntmpfs /opt/app tmpfs"),
        "{}",
        t.stdout
    );
    let t = ctx
        .hutch([
            "run",
            "--rm",
            "--tmpfs",
            "/opt/app:notmpcopyup",
            &img,
            "ls",
            "-A",
            "/opt/app",
        ])
        .run()
        .success();
    assert_eq!(t.stdout, "");
    let copied = ctx
        .hutch([
            "run",
            "--rm",
            "-v",
            "app:/opt/app",
            &img,
            "cat",
            "/opt/app/conf",
        ])
        .run()
        .success();
    assert_eq!(copied.stdout, "conf\n");
}

#[test]
fn image_volumes_are_anonymous_and_rm_v_removes_only_those() {
    let (ctx, _) = setup("vol-anon");
    let img = volimg().plain();
    pull(&ctx, &img).success();
    ctx.hutch([
        "run",
        "--name",
        "a",
        "-v",
        "keepme:/keep",
        "-v",
        "/scratch",
        &img,
        "sh",
        "-c",
        "cat /srv/content/a.txt > /scratch/x",
    ])
    .run()
    .success();
    let names = volume_names(&ctx);
    assert_eq!(names.len(), 3, "{names:?}");
    let anon: Vec<&String> = names.iter().filter(|n| n.len() == 64).collect();
    assert_eq!(
        anon.len(),
        2,
        "the image's VOLUME and -v /scratch: {names:?}"
    );
    // The image VOLUME got the image's content.
    let found = ctx
        .hutch(["volume", "inspect", "--format", "{{.Mountpoint}}", anon[0]])
        .run()
        .success();
    let found2 = ctx
        .hutch(["volume", "inspect", "--format", "{{.Mountpoint}}", anon[1]])
        .run()
        .success();
    let has = |mp: &str, f: &str| PathBuf::from(mp).join(f).exists();
    assert!(
        (has(found.stdout_trim(), "a.txt") && has(found2.stdout_trim(), "x"))
            || (has(found2.stdout_trim(), "a.txt") && has(found.stdout_trim(), "x")),
        "{names:?}"
    );
    ctx.hutch(["rm", "-v", "a"]).run().success();
    assert_eq!(volume_names(&ctx), ["keepme"], "named volumes stay");
    // run --rm takes its anonymous volumes along too.
    ctx.hutch(["run", "--rm", "-v", "/tmpvol", &img, "true"])
        .run()
        .success();
    assert_eq!(volume_names(&ctx), ["keepme"]);
}

#[test]
fn bind_mount_ownership_both_ways_and_ro() {
    let (ctx, img) = setup("vol-bind");
    let host = user_dir(&ctx, "shared");
    ctx.write_file(&host.join("from-host"), "host\n");
    let out = ctx
        .hutch(["run", "--rm", "-v", &format!("{}:/mnt", host.display()), &img, "sh", "-c",
                "stat -c %u:%g /mnt/from-host; echo c > /mnt/by-root; touch /mnt/by-1000 && chown 1000:1000 /mnt/by-1000"])
        .run()
        .success();
    // The user's files are root's inside; root's files are the user's outside.
    assert_eq!(out.stdout_trim(), "0:0", "{}", out.stderr);
    assert_eq!(owner(&host.join("by-root")), (ctx.user.uid, ctx.user.gid));
    // Container uid 1000 is the 1000th subordinate id (id 0 is the user).
    let (u, _) = owner(&host.join("by-1000"));
    let want = ctx.user.host_id("/etc/subuid", 1000);
    assert_eq!(u as u64, want, "container uid 1000 on the host");
    // :ro is enforced.
    let ro = ctx
        .hutch([
            "run",
            "--rm",
            "-v",
            &format!("{}:/mnt:ro", host.display()),
            &img,
            "sh",
            "-c",
            "touch /mnt/nope",
        ])
        .run()
        .failure();
    assert!(ro.stderr.contains("Read-only file system"), "{}", ro.stderr);
    assert!(!host.join("nope").exists());
    // A single file, over a file the runtime provides (/etc/hosts) and at a new path.
    let f = host.join("from-host").display().to_string();
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "-v",
            &format!("{f}:/etc/hosts:ro"),
            "-v",
            &format!("{f}:/new/dir/file"),
            &img,
            "cat",
            "/etc/hosts",
            "/new/dir/file",
        ])
        .run()
        .success();
    assert_eq!(out.stdout, "host\nhost\n");
    // A named volume read-only too, and --mount spelling.
    ctx.hutch([
        "run",
        "--rm",
        "--mount",
        "type=volume,src=rov,dst=/v,ro",
        &img,
        "sh",
        "-c",
        "touch /v/x",
    ])
    .run()
    .failure();
    let m = ctx
        .hutch([
            "run",
            "--rm",
            "--mount",
            &format!("type=bind,src={},dst=/b,readonly", host.display()),
            &img,
            "cat",
            "/b/from-host",
        ])
        .run()
        .success();
    assert_eq!(m.stdout, "host\n");
}

#[test]
fn chown_flag_gives_the_source_to_the_containers_user() {
    let (ctx, img) = setup("vol-U");
    let host = user_dir(&ctx, "udir");
    ctx.write_file(&host.join("f"), "x");
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "-u",
            "1000:1000",
            "-v",
            &format!("{}:/w:U", host.display()),
            &img,
            "sh",
            "-c",
            "stat -c %u:%g /w /w/f && touch /w/mine",
        ])
        .run()
        .success();
    assert_eq!(out.stdout, "1000:1000\n1000:1000\n", "{}", out.stderr);
    assert_eq!(owner(&host.join("f")), (100_999, 100_999));
    assert_eq!(owner(&host.join("mine")), (100_999, 100_999));
    // `hutch unshare` gives it back by hand.
    ctx.hutch(["unshare", "chown", "-R", "0:0", &host.display().to_string()])
        .run()
        .success();
    assert_eq!(owner(&host.join("f")), (ctx.user.uid, ctx.user.gid));
}

#[test]
fn keep_id_bind_mounted_home_is_writable_by_the_same_uid() {
    let (ctx, img) = setup("vol-keepid");
    let home = user_dir(&ctx, "myhome");
    ctx.write_file(&home.join(".profile"), "# mine\n");
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "--userns=keep-id",
            "-v",
            &format!("{}:/home/me", home.display()),
            &img,
            "sh",
            "-c",
            "id -u; stat -c %u /home/me /home/me/.profile; echo hi > /home/me/new",
        ])
        .run()
        .success();
    let uid = ctx.user.uid.to_string();
    assert_eq!(
        out.stdout,
        format!("{uid}\n{uid}\n{uid}\n"),
        "{}",
        out.stderr
    );
    assert_eq!(owner(&home.join("new")), (ctx.user.uid, ctx.user.gid));
}

#[test]
fn tmpfs_is_empty_and_gone_after_stop() {
    let (ctx, img) = setup("vol-tmpfs");
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "t",
        "--tmpfs",
        "/scratch:size=1m,mode=1777",
        &img,
        "sleep",
        "100",
    ])
    .run()
    .success();
    let m = ctx
        .hutch([
            "exec",
            "t",
            "sh",
            "-c",
            "grep ' /scratch ' /proc/mounts; ls -A /scratch; echo x > /scratch/f",
        ])
        .run()
        .success();
    assert!(
        m.stdout.starts_with("tmpfs /scratch tmpfs") && m.stdout.contains("size=1024k"),
        "{}",
        m.stdout
    );
    assert_eq!(m.stdout.lines().count(), 1, "empty at first: {}", m.stdout);
    ctx.hutch(["stop", "-t", "0", "t"]).run().success();
    ctx.hutch(["start", "t"]).run().success();
    let after = ctx
        .hutch(["exec", "t", "ls", "-A", "/scratch"])
        .run()
        .success();
    assert_eq!(after.stdout, "", "the tmpfs went with the stop");
    ctx.hutch(["rm", "-f", "-t", "0", "t"]).run().success();

    // A tmpfs volume: mounted while a container uses it, empty again afterwards.
    ctx.hutch([
        "volume",
        "create",
        "-o",
        "type=tmpfs",
        "-o",
        "device=tmpfs",
        "-o",
        "o=size=2m,nodev",
        "tv",
    ])
    .run()
    .success();
    ctx.hutch([
        "run", "-d", "--name", "u", "-v", "tv:/t", &img, "sleep", "100",
    ])
    .run()
    .success();
    let m = ctx
        .hutch([
            "exec",
            "u",
            "sh",
            "-c",
            "echo y > /t/f; grep ' /t ' /proc/mounts",
        ])
        .run()
        .success();
    assert!(
        m.stdout.contains("tmpfs") && m.stdout.contains("size=2048k"),
        "{}",
        m.stdout
    );
    ctx.hutch(["stop", "-t", "0", "u"]).run().success();
    let data = ctx.graphroot().join("volumes/tv/_data");
    let ls = ctx
        .hutch(["unshare", "ls", "-A", &data.display().to_string()])
        .run()
        .success();
    assert_eq!(ls.stdout, "", "unmounted after the last user stopped");
}

#[test]
fn volumes_from_shares_mounts_read_only_on_request() {
    let (ctx, img) = setup("vol-from");
    let host = user_dir(&ctx, "b");
    ctx.hutch([
        "create",
        "--name",
        "src",
        "-v",
        "shared:/data",
        "-v",
        &format!("{}:/bind", host.display()),
        &img,
        "true",
    ])
    .run()
    .success();
    ctx.hutch([
        "run",
        "--rm",
        "--volumes-from",
        "src",
        &img,
        "sh",
        "-c",
        "echo v > /data/f; echo b > /bind/g",
    ])
    .run()
    .success();
    assert!(host.join("g").is_file());
    let ro = ctx
        .hutch([
            "run",
            "--rm",
            "--volumes-from",
            "src:ro",
            &img,
            "sh",
            "-c",
            "cat /data/f /bind/g; touch /data/x",
        ])
        .run()
        .failure();
    assert_eq!(ro.stdout, "v\nb\n");
    assert!(ro.stderr.contains("Read-only file system"), "{}", ro.stderr);
    ctx.hutch(["run", "--rm", "--volumes-from", "nosuch", &img, "true"])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&["nosuch"]);
}

#[test]
fn rm_refuses_in_use_and_prune_removes_only_unused() {
    let (ctx, img) = setup("vol-prune");
    for n in ["used", "free1", "free2"] {
        ctx.hutch(["volume", "create", "--label", &format!("k={n}"), n])
            .run()
            .success();
    }
    ctx.hutch(["volume", "create", "used"])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&["used", "already exists"]);
    ctx.hutch(["volume", "create", "--ignore", "used"])
        .run()
        .success();
    ctx.hutch(["create", "--name", "user", "-v", "used:/u", &img, "true"])
        .run()
        .success();
    ctx.hutch(["volume", "rm", "used"])
        .run()
        .code(2)
        .one_line_error()
        .stderr_has(&["used", "user"]);
    // Filters.
    let ls = ctx
        .hutch([
            "volume",
            "ls",
            "--filter",
            "dangling=true",
            "--format",
            "{{.Name}}",
        ])
        .run()
        .success();
    assert_eq!(ls.stdout, "free1\nfree2\n");
    let ls = ctx
        .hutch(["volume", "ls", "--filter", "label=k=free2", "-q"])
        .run()
        .success();
    assert_eq!(ls.stdout, "free2\n");
    let table = ctx.hutch(["volume", "ls"]).run().success();
    assert!(
        table.stdout.starts_with("DRIVER") && table.stdout.contains("VOLUME NAME"),
        "{}",
        table.stdout
    );
    ctx.hutch(["volume", "exists", "free1"]).run().success();
    ctx.hutch(["volume", "exists", "nope"]).run().code(1);
    // Without -f (and no answer) nothing goes.
    ctx.hutch(["volume", "prune"]).run().success();
    assert_eq!(volume_names(&ctx).len(), 3);
    let p = ctx
        .hutch(["volume", "prune", "-f", "--filter", "label=k=free1"])
        .run()
        .success();
    assert_eq!(p.stdout, "free1\n");
    let p = ctx.hutch(["volume", "prune", "-f"]).run().success();
    assert_eq!(p.stdout, "free2\n");
    assert_eq!(volume_names(&ctx), ["used"]);
    assert!(!ctx.graphroot().join("volumes/free2").exists());
    // -f removes the user along with the volume.
    ctx.hutch(["volume", "rm", "-f", "used"]).run().success();
    assert_eq!(volume_names(&ctx), Vec::<String>::new());
    assert_eq!(ctx.hutch(["ps", "-aq"]).run().success().stdout_trim(), "");
    let ev = ctx
        .hutch([
            "events",
            "--stream=false",
            "--filter",
            "type=volume",
            "--format",
            "{{.Status}} {{.Name}}",
        ])
        .run()
        .success();
    for line in ["create used", "create free1", "remove free1", "remove used"] {
        assert!(
            ev.stdout.lines().any(|l| l == line),
            "{line}: {}",
            ev.stdout
        );
    }
    ctx.hutch(["volume", "rm", "gone"])
        .run()
        .code(1)
        .stderr_has(&["gone", "no such volume"]);
}

#[test]
fn symlinks_planted_at_mount_destinations_stay_inside_the_root() {
    let (ctx, _) = setup("vol-evil");
    let img = volevil().plain();
    pull(&ctx, &img).success();
    let _ = std::fs::remove_dir_all(ESCAPE);
    let host = user_dir(&ctx, "bindsrc");
    for dest in [
        "/evil",
        "/evil-rel",
        "/d/up/tmp/hutch-it-volume-escape-target",
    ] {
        let out = ctx
            .hutch([
                "run",
                "--rm",
                "-v",
                "ev:/evil",
                "-v",
                &format!("{}:{dest}/b", host.display()),
                &img,
                "sh",
                "-c",
                &format!("echo in > {dest}/b/marker; echo v > /evil/vfile"),
            ])
            .run();
        let out = out.success();
        let _ = out;
        assert!(
            !Path::new(ESCAPE).exists(),
            "{ESCAPE} was created on the host by a mount at {dest}"
        );
        assert!(
            host.join("marker").is_file(),
            "the bind mount at {dest} is where the container wrote"
        );
        std::fs::remove_file(host.join("marker")).unwrap();
    }
    assert!(ctx.graphroot().join("volumes/ev/_data/vfile").is_file());
}

#[test]
fn bad_mount_input_is_a_clear_error() {
    let (ctx, img) = setup("vol-bad");
    ctx.hutch(["run", "--rm", "-v", "data:/d:bogus", &img, "true"])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&["bogus", "unknown mount option"]);
    let missing = ctx.dir.join("does-not-exist");
    ctx.hutch([
        "run",
        "--rm",
        "-v",
        "made:/m",
        "-v",
        &format!("{}:/d", missing.display()),
        &img,
        "true",
    ])
    .run()
    .code(125)
    .one_line_error()
    .stderr_has(&[
        &missing.display().to_string(),
        "statfs",
        "no such file or directory",
        "does not create",
    ]);
    assert!(!missing.exists(), "a missing bind source is not created");
    ctx.hutch(["run", "--rm", "-v", "data:relative", &img, "true"])
        .run()
        .code(125)
        .stderr_has(&["absolute"]);
    ctx.hutch([
        "run",
        "--rm",
        "--mount",
        "type=nfs,src=x,dst=/x",
        &img,
        "true",
    ])
    .run()
    .code(125)
    .stderr_has(&["nfs"]);
    ctx.hutch(["run", "--rm", "--tmpfs", "/x:weird", &img, "true"])
        .run()
        .code(125)
        .stderr_has(&["weird"]);
    ctx.hutch(["volume", "create", "-o", "type=ext4", "x"])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&["ext4"]);
    ctx.hutch([
        "volume",
        "create",
        "-o",
        "type=bind",
        "-o",
        "device=/nope/x",
        "x",
    ])
    .run()
    .code(125)
    .stderr_has(&["/nope/x"]);
    ctx.hutch(["volume", "create", "--driver", "nfs", "x"])
        .run()
        .code(125)
        .stderr_has(&["nfs", "driver"]);
    ctx.hutch([
        "run",
        "--rm",
        "-v",
        "notmade:/n",
        "--mount",
        "type=image,src=no-such-image,dst=/i",
        &img,
        "true",
    ])
    .run()
    .code(125)
    .one_line_error()
    .stderr_has(&["no-such-image"]);
    ctx.hutch(["volume", "create", "bad/name"])
        .run()
        .code(125)
        .stderr_has(&["bad/name"]);
    assert_eq!(
        volume_names(&ctx),
        Vec::<String>::new(),
        "nothing half-made"
    );
    assert_eq!(ctx.hutch(["ps", "-aq"]).run().success().stdout_trim(), "");
}

#[test]
fn export_import_bind_volumes_and_image_mounts() {
    let (ctx, img) = setup("vol-io");
    ctx.hutch([
        "run",
        "--rm",
        "-v",
        "src:/s",
        &img,
        "sh",
        "-c",
        "mkdir /s/d && echo one > /s/d/f && ln -s d/f /s/l",
    ])
    .run()
    .success();
    let tar = ctx.dir.join("v.tar");
    ctx.hutch(["volume", "export", "-o", &tar.display().to_string(), "src"])
        .run()
        .success();
    ctx.hutch(["volume", "create", "dst"]).run().success();
    ctx.hutch(["volume", "import", "dst", &tar.display().to_string()])
        .run()
        .success();
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "-v",
            "dst:/x",
            &img,
            "sh",
            "-c",
            "cat /x/d/f; readlink /x/l",
        ])
        .run()
        .success();
    assert_eq!(out.stdout, "one\nd/f\n");
    // An archive reaching out of the volume is refused, naming the entry.
    let mut h = tar::Header::new_gnu();
    let name = b"../escaped";
    h.as_old_mut().name[..name.len()].copy_from_slice(name);
    h.set_size(2);
    h.set_mode(0o644);
    h.set_entry_type(tar::EntryType::Regular);
    h.set_cksum();
    let mut evil = h.as_bytes().to_vec();
    evil.extend_from_slice(b"x\n");
    evil.resize(evil.len() + 510 + 1024, 0);
    let evil_tar = ctx.dir.join("evil.tar");
    ctx.write_file(&evil_tar, &evil);
    ctx.hutch(["volume", "import", "dst", &evil_tar.display().to_string()])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&["../escaped"]);
    assert!(!ctx.graphroot().join("volumes/dst/escaped").exists());
    // A plain volume with an owner.
    ctx.hutch(["volume", "create", "-o", "o=uid=1000,gid=1000", "owned"])
        .run()
        .success();
    let out = ctx
        .hutch([
            "run", "--rm", "-v", "owned:/o", &img, "stat", "-c", "%u:%g", "/o",
        ])
        .run()
        .success();
    assert_eq!(out.stdout, "1000:1000\n");
    // A bind-type volume.
    let host = user_dir(&ctx, "dev");
    ctx.hutch([
        "volume",
        "create",
        "-o",
        "type=bind",
        "-o",
        &format!("device={}", host.display()),
        "bv",
    ])
    .run()
    .success();
    ctx.hutch([
        "run",
        "--rm",
        "-v",
        "bv:/b",
        &img,
        "sh",
        "-c",
        "echo z > /b/z",
    ])
    .run()
    .success();
    assert!(host.join("z").is_file());
    // An image mounted read-only.
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "--mount",
            &format!("type=image,src={img},dst=/img"),
            &img,
            "sh",
            "-c",
            "test -x /img/bin/busybox && echo yes; touch /img/x",
        ])
        .run()
        .failure();
    assert_eq!(out.stdout, "yes\n", "{}", out.stderr);
}

#[test]
fn system_df_prune_and_reset() {
    let (ctx, img) = setup("vol-system");
    ctx.hutch([
        "run",
        "--name",
        "stopped",
        "-v",
        "dfv:/v",
        &img,
        "sh",
        "-c",
        "head -c 100000 /bin/busybox > /v/blob",
    ])
    .run()
    .success();
    ctx.hutch(["volume", "create", "lonely"]).run().success();
    let df = ctx.hutch(["system", "df"]).run().success();
    let lines: Vec<&str> = df.stdout.lines().collect();
    assert!(
        lines[0].starts_with("TYPE") && lines[0].contains("RECLAIMABLE"),
        "{}",
        df.stdout
    );
    assert!(
        lines[1].starts_with("Images")
            && lines[2].starts_with("Containers")
            && lines[3].starts_with("Local Volumes"),
        "{}",
        df.stdout
    );
    let f = ctx
        .hutch([
            "system",
            "df",
            "--format",
            "{{.Type}}={{.Total}}/{{.Active}}",
        ])
        .run()
        .success();
    assert_eq!(f.stdout, "Images=1/1\nContainers=1/0\nLocal Volumes=2/1\n");
    let js = ctx
        .hutch(["system", "df", "--format", "json"])
        .run()
        .success();
    let v: serde_json::Value = serde_json::from_str(&js.stdout).unwrap();
    assert!(
        v[2]["RawSize"].as_u64().unwrap() >= 100_000,
        "{}",
        js.stdout
    );
    let verbose = ctx.hutch(["system", "df", "-v"]).run().success();
    for s in [
        "Images space usage",
        "Containers space usage",
        "Local Volumes space usage",
        "dfv",
        "lonely",
    ] {
        assert!(verbose.stdout.contains(s), "{s}: {}", verbose.stdout);
    }
    // No answer, no prune.
    let p = ctx.hutch(["system", "prune"]).run().success();
    assert!(
        p.stderr.contains("WARNING! This command removes"),
        "{}",
        p.stderr
    );
    assert_eq!(
        ctx.hutch(["ps", "-aq"])
            .run()
            .success()
            .stdout
            .lines()
            .count(),
        1
    );
    ctx.hutch([
        "run", "-d", "--name", "up", "-v", "busy:/b", &img, "sleep", "100",
    ])
    .run()
    .success();
    let p = ctx
        .hutch(["system", "prune", "-f", "--volumes"])
        .run()
        .success();
    assert!(
        p.stdout.contains("Deleted Containers") && p.stdout.contains("Deleted Volumes"),
        "{}",
        p.stdout
    );
    assert!(p.stdout.contains("Total reclaimed space:"), "{}", p.stdout);
    assert_eq!(
        volume_names(&ctx),
        ["busy"],
        "the running container's volume stays"
    );
    assert_eq!(
        ctx.hutch(["ps", "-a", "--format", "{{.Names}}"])
            .run()
            .success()
            .stdout_trim(),
        "up"
    );
    assert_eq!(crate::image_names(&ctx).len(), 1, "the image is in use");

    // Reset: a running container, volumes, images, storage, the pause process: all gone.
    let pause_pid = std::fs::read_to_string(ctx.runroot().join("pause.pid")).unwrap();
    let r = ctx.hutch(["system", "reset"]).run().success();
    assert!(
        r.stderr.contains("WARNING! This will remove"),
        "{}",
        r.stderr
    );
    assert!(ctx.graphroot().exists(), "no answer, no reset");
    ctx.hutch(["system", "reset", "-f"]).run().success();
    assert!(!ctx.graphroot().exists(), "graphroot removed");
    assert!(!ctx.runroot().exists(), "runroot removed");
    let pid = pause_pid.trim();
    for _ in 0..50 {
        if !Path::new(&format!("/proc/{pid}")).exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        !Path::new(&format!("/proc/{pid}")).exists()
            || std::fs::read_to_string(format!("/proc/{pid}/status"))
                .unwrap_or_default()
                .contains("State:\tZ"),
        "pause process {pid} still runs"
    );
    assert_eq!(ctx.hutch(["ps", "-aq"]).run().success().stdout_trim(), "");
    assert_eq!(volume_names(&ctx), Vec::<String>::new());
    assert!(crate::image_names(&ctx).is_empty());
}

#[test]
fn containers_starting_at_once_share_one_new_volume() {
    let (ctx, _) = setup("vol-race");
    let img = volimg().plain();
    pull(&ctx, &img).success();
    let running: Vec<_> = (0..4)
        .map(|_| {
            ctx.hutch([
                "run",
                "--rm",
                "-v",
                "race:/srv/content",
                &img,
                "cat",
                "/srv/content/a.txt",
            ])
            .spawn()
        })
        .collect();
    for r in running {
        let out = r.wait().success();
        assert_eq!(out.stdout, "from the image\n", "{}", out.stderr);
    }
    assert_eq!(volume_names(&ctx), ["race"]);
}
