//! The container commands around the lifecycle, end to end with runc as the unprivileged test
//! user: exists, rename, prune, top, port, pause (its clear refusal on cgroup v1), diff,
//! export, mount/unmount, cp (with symlinks planted to escape the root), commit and events.

use crate::harness::{hutch_bin, Output, TestContext};
use crate::oci::{dir, file, layer, symlink};
use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

use crate::busybox_context as setup;

/// `hutch ARGS` through `sh -c` with stdin/stdout redirected to files in the context.
fn hutch_sh(ctx: &TestContext, script: &str) -> Output {
    let line = script.replace("HUTCH", &hutch_bin().display().to_string());
    ctx.command("/bin/sh").args(["-c", &line]).run()
}

fn tar_names(data: &[u8]) -> BTreeSet<String> {
    let mut ar = tar::Archive::new(data);
    ar.entries()
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .unwrap()
                .to_string_lossy()
                .trim_end_matches('/')
                .to_string()
        })
        .collect()
}

fn tar_file(data: &[u8], name: &str) -> Option<Vec<u8>> {
    let mut ar = tar::Archive::new(data);
    for e in ar.entries().unwrap() {
        let mut e = e.unwrap();
        if e.path().unwrap().to_string_lossy() == name {
            let mut v = Vec::new();
            std::io::Read::read_to_end(&mut e, &mut v).unwrap();
            return Some(v);
        }
    }
    None
}

#[test]
fn exists_rename_and_prune() {
    let (ctx, img) = setup("xtra-prune");
    // Names that are not hex: "a" would also be a prefix of some container IDs.
    let a = ctx
        .hutch(["create", "--name", "first", &img, "true"])
        .run()
        .success()
        .stdout_trim()
        .to_string();
    ctx.hutch(["container", "exists", "first"]).run().code(0);
    ctx.hutch(["container", "exists", &a[..12]]).run().code(0);
    ctx.hutch(["container", "exists", "nope"]).run().code(1);

    ctx.hutch(["rename", "first", "second"]).run().success();
    ctx.hutch(["container", "exists", "first"]).run().code(1);
    ctx.hutch(["container", "exists", "second"]).run().code(0);
    ctx.hutch(["container", "rename", &a[..12], "third"])
        .run()
        .success();
    ctx.hutch(["create", "--name", "other", &img, "true"])
        .run()
        .success();
    ctx.hutch(["rename", "third", "other"])
        .run()
        .code(125)
        .one_line_error();
    ctx.hutch(["rename", "third", "bad/name"]).run().code(125);
    ctx.hutch(["rename", "ghost", "x"]).run().code(125);

    let running = ctx
        .hutch(["run", "-d", "--name", "up", &img, "sleep", "1000"])
        .run()
        .success()
        .stdout_trim()
        .to_string();
    let exited = ctx
        .hutch(["run", "--name", "done", &img, "true"])
        .run()
        .success();
    assert_eq!(exited.stdout, "");
    let pruned = ctx
        .hutch(["container", "prune", "-f"])
        .run()
        .success()
        .stdout;
    let ids: BTreeSet<&str> = pruned.lines().collect();
    assert_eq!(ids.len(), 3, "c, other and done are not running: {pruned}");
    assert!(ids.contains(a.as_str()), "{pruned}");
    assert!(!ids.contains(running.as_str()), "{pruned}");
    let left = ctx.hutch(["ps", "-aq", "--no-trunc"]).run().success();
    assert_eq!(left.stdout_trim(), running);
    // Without -f it asks; no answer (stdin closed) keeps everything.
    ctx.hutch(["create", "--name", "kept", &img, "true"])
        .run()
        .success();
    let asked = ctx.hutch(["container", "prune"]).run().success();
    assert!(asked.stderr.contains("[y/N]"), "{}", asked.stderr);
    ctx.hutch(["container", "exists", "kept"]).run().code(0);
    ctx.hutch(["rm", "-f", "-t", "0", "up"]).run().success();
}

#[test]
fn top_port_and_pause() {
    let (ctx, img) = setup("xtra-top");
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "t",
        &img,
        "sh",
        "-c",
        "sleep 999 & exec sleep 1000",
    ])
    .run()
    .success();
    let mut top = String::new();
    for _ in 0..50 {
        top = ctx.hutch(["top", "t"]).run().success().stdout;
        if top.contains("sleep 999") && top.contains("sleep 1000") {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let lines: Vec<&str> = top.lines().collect();
    let head: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(
        head,
        ["USER", "PID", "PPID", "%CPU", "ELAPSED", "TTY", "TIME", "COMMAND"],
        "{top}"
    );
    assert_eq!(lines.len(), 3, "two processes: {top}");
    let row: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(row[0], "root", "{top}");
    assert_eq!(row[1], "1", "PID inside the container: {top}");
    assert_eq!(row[2], "0", "{top}");
    assert!(row[4].ends_with('s'), "elapsed as a Go duration: {top}");
    assert_eq!(row[5], "?", "{top}");
    assert_eq!(&row[7..], ["sleep", "1000"], "{top}");
    // The child has its parent inside the container.
    let row: Vec<&str> = lines[2].split_whitespace().collect();
    assert_eq!((row[2], &row[7..]), ("1", &["sleep", "999"][..]), "{top}");

    let seen = ctx
        .hutch(["container", "top", "t", "pid", "user", "args", "comm"])
        .run()
        .success()
        .stdout;
    let head: Vec<&str> = seen.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(head, ["PID", "USER", "COMMAND", "COMMAND"], "{seen}");
    assert!(
        seen.lines().any(|l| {
            l.split_whitespace().collect::<Vec<_>>() == ["1", "root", "sleep", "1000", "sleep"]
        }),
        "{seen}"
    );
    ctx.hutch(["top", "t", "bogus"])
        .run()
        .code(125)
        .stderr_has(&["bogus"])
        .one_line_error();
    ctx.hutch(["top", "ghost"]).run().code(125).one_line_error();

    // No published ports before networking: nothing to print.
    let port = ctx.hutch(["port", "t"]).run().success();
    assert_eq!(port.stdout, "");
    ctx.hutch(["port", "-a"]).run().success();
    ctx.hutch(["port", "ghost"])
        .run()
        .code(125)
        .stderr_has(&["ghost"])
        .one_line_error();

    // cgroup v1 rootless: no freezer, so paused by signals; unpause of a running one fails.
    ctx.hutch(["pause", "t"]).run().success();
    let st = ctx
        .hutch(["inspect", "--format", "{{.State.Status}}", "t"])
        .run()
        .success();
    assert_eq!(st.stdout_trim(), "paused");
    ctx.hutch(["unpause", "t"]).run().success();
    ctx.hutch(["unpause", "t"]).run().code(125).one_line_error();

    ctx.hutch(["stop", "-t", "0", "t"]).run().success();
    ctx.hutch(["top", "t"])
        .run()
        .code(125)
        .stderr_has(&["running"])
        .one_line_error();
    ctx.hutch(["rm", "t"]).run().success();
}

#[test]
fn diff_export_and_mount() {
    let (ctx, img) = setup("xtra-diff");
    ctx.hutch([
        "run",
        "--name",
        "d",
        &img,
        "sh",
        "-c",
        "echo hi > /newfile; echo extra >> /etc/passwd; rm /bin/vi; mkdir -p /tmp/sub; touch /tmp/sub/f",
    ])
    .run()
    .success();
    let diff = ctx.hutch(["diff", "d"]).run().success();
    let got: Vec<&str> = diff.stdout.lines().collect();
    assert_eq!(
        got,
        [
            "C /bin",
            "D /bin/vi",
            "C /etc",
            "C /etc/passwd",
            "A /newfile",
            "C /tmp",
            "A /tmp/sub",
            "A /tmp/sub/f",
        ],
        "{}",
        diff.stdout
    );
    let json = ctx
        .hutch(["container", "diff", "--format", "json", "d"])
        .run()
        .success();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["deleted"], serde_json::json!(["/bin/vi"]));
    assert!(v["added"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("/newfile")));

    // Export of a stopped container mounts it for the copy.
    let out = ctx.dir.join("d.tar");
    ctx.hutch(["export", "-o"])
        .arg(&out)
        .arg("d")
        .run()
        .success();
    let data = std::fs::read(&out).unwrap();
    let names = tar_names(&data);
    for n in [
        "bin",
        "bin/busybox",
        "bin/sh",
        "etc/passwd",
        "newfile",
        "tmp/sub/f",
    ] {
        assert!(names.contains(n), "{n} missing from {names:?}");
    }
    assert!(!names.contains("bin/vi"), "{names:?}");
    assert_eq!(tar_file(&data, "newfile").unwrap(), b"hi\n");
    assert!(String::from_utf8(tar_file(&data, "etc/passwd").unwrap())
        .unwrap()
        .ends_with("extra\n"));
    // The hard link stays a link: the archive holds busybox once.
    assert!(data.len() < 2 * std::fs::metadata("/bin/busybox").unwrap().len() as usize + 65536);
    // To standard output too.
    hutch_sh(&ctx, "HUTCH export d > stdout.tar").success();
    assert_eq!(
        tar_names(&std::fs::read(ctx.dir.join("stdout.tar")).unwrap()),
        names
    );
    ctx.hutch(["export", "-o", "x.tar", "ghost"])
        .run()
        .code(125)
        .one_line_error();
    assert!(!ctx.dir.join("x.tar").exists());

    // mount twice, unmount twice.
    let path = ctx
        .hutch(["mount", "d"])
        .run()
        .success()
        .stdout_trim()
        .to_string();
    assert!(path.ends_with("/merged"), "{path}");
    let cat = ctx
        .hutch(["unshare", "cat"])
        .arg(format!("{path}/newfile"))
        .run()
        .success();
    assert_eq!(cat.stdout, "hi\n");
    ctx.hutch(["container", "mount", "d"]).run().success();
    let list = ctx.hutch(["mount"]).run().success();
    assert!(list.stdout.contains(&path), "{}", list.stdout);
    ctx.hutch(["unmount", "d"]).run().success();
    let list = ctx.hutch(["mount"]).run().success();
    assert!(
        list.stdout.contains(&path),
        "still mounted once: {}",
        list.stdout
    );
    ctx.hutch(["umount", "d"]).run().success();
    let list = ctx.hutch(["mount"]).run().success();
    assert_eq!(list.stdout, "", "{}", list.stdout);
    ctx.hutch(["unshare", "test", "!", "-e"])
        .arg(format!("{path}/newfile"))
        .run()
        .success();
    // A mount survives the container's start and exit.
    ctx.hutch(["mount", "d"]).run().success();
    ctx.hutch(["start", "-a", "d"]).run().success();
    ctx.hutch(["unshare", "cat"])
        .arg(format!("{path}/newfile"))
        .run()
        .success();
    ctx.hutch(["unmount", "-a"]).run().success();
    ctx.hutch(["rm", "d"]).run().success();
}

#[test]
fn cp_both_ways_never_leaves_the_root() {
    let (ctx, img) = setup("xtra-cp");
    ctx.hutch(["run", "-d", "--name", "c", &img, "sleep", "1000"])
        .run()
        .success();
    // Plant escapes inside the container as its root would.
    ctx.hutch([
        "exec",
        "c",
        "sh",
        "-c",
        "ln -s / /escape && ln -s ../../../../.. /tmp/up && echo inside > /tmp/in.txt",
    ])
    .run()
    .success();
    let marker = format!("hutch-cp-{}", std::process::id());
    let host_file = ctx.dir.join("host.txt");
    ctx.write_file(&host_file, "from host\n");

    // Host -> container: into a directory, owned by the container's root.
    ctx.hutch(["cp"])
        .arg(&host_file)
        .arg("c:/tmp/")
        .run()
        .success();
    let got = ctx
        .hutch(["exec", "c", "cat", "/tmp/host.txt"])
        .run()
        .success();
    assert_eq!(got.stdout, "from host\n");
    let owner = ctx
        .hutch(["exec", "c", "stat", "-c", "%u:%g", "/tmp/host.txt"])
        .run()
        .success();
    assert_eq!(owner.stdout_trim(), "0:0");

    // Through the planted symlinks: the copy lands inside the container.
    ctx.hutch(["cp"])
        .arg(&host_file)
        .arg(format!("c:/escape/tmp/{marker}"))
        .run()
        .success();
    ctx.hutch(["cp"])
        .arg(&host_file)
        .arg(format!("c:/tmp/up/tmp/{marker}-2"))
        .run()
        .success();
    assert!(
        !Path::new("/tmp").join(&marker).exists(),
        "escaped to the host's /tmp"
    );
    assert!(!Path::new("/tmp").join(format!("{marker}-2")).exists());
    let ls = ctx.hutch(["exec", "c", "ls", "/tmp"]).run().success();
    assert!(ls.stdout.contains(&marker), "{}", ls.stdout);
    assert!(ls.stdout.contains(&format!("{marker}-2")), "{}", ls.stdout);

    // Container -> host: /escape/etc/passwd and ../ paths are the container's files.
    let out = ctx.dir.join("passwd.out");
    ctx.hutch(["cp", "c:/escape/etc/passwd"])
        .arg(&out)
        .run()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.starts_with("root:x:0:0:root:/root:/bin/sh\n"),
        "{text}"
    );
    assert!(
        !text.contains("hutch-test"),
        "read the host's passwd: {text}"
    );
    let out2 = ctx.dir.join("group.out");
    ctx.hutch(["cp", "c:../../../../etc/group"])
        .arg(&out2)
        .run()
        .success();
    assert_eq!(
        std::fs::read_to_string(&out2).unwrap(),
        "root:x:0:\nnogroup:x:65534:\n"
    );
    ctx.hutch(["cp", "c:/tmp/up/etc/group"])
        .arg(&out2)
        .run()
        .success();
    assert_eq!(
        std::fs::read_to_string(&out2).unwrap(),
        "root:x:0:\nnogroup:x:65534:\n"
    );
    // A directory to a new host path.
    let etc = ctx.dir.join("etc-copy");
    ctx.hutch(["cp", "c:/etc"]).arg(&etc).run().success();
    assert!(etc.join("passwd").is_file() && etc.join("group").is_file());
    ctx.hutch(["cp", "c:/nonexistent"])
        .arg(&out)
        .run()
        .code(125)
        .one_line_error();

    // Tar streams both ways.
    hutch_sh(&ctx, "HUTCH cp c:/etc - > etc.tar").success();
    let names = tar_names(&std::fs::read(ctx.dir.join("etc.tar")).unwrap());
    assert!(
        names.contains("etc/passwd") && names.contains("etc"),
        "{names:?}"
    );
    // A stream whose symlink points at / and a file below it: both stay inside.
    let l = layer(vec![
        dir("fromtar", 0o755),
        file("fromtar/a.txt", 0o640, "tar data\n"),
        symlink("fromtar/root", "/"),
        file("fromtar/root/tmp/via-link", 0o644, "inside\n"),
    ]);
    std::fs::write(ctx.dir.join("in.tar"), &l.tar).unwrap();
    hutch_sh(&ctx, "HUTCH cp - c:/tmp < in.tar").success();
    let got = ctx
        .hutch(["exec", "c", "cat", "/tmp/fromtar/a.txt", "/tmp/via-link"])
        .run()
        .success();
    assert_eq!(got.stdout, "tar data\ninside\n");
    let mode = ctx
        .hutch(["exec", "c", "stat", "-c", "%a %u", "/tmp/fromtar/a.txt"])
        .run()
        .success();
    assert_eq!(mode.stdout_trim(), "640 0");
    // `..` in a stream is refused.
    let evil = layer(vec![file("../../evil", 0o644, "x")]);
    std::fs::write(ctx.dir.join("evil.tar"), &evil.tar).unwrap();
    hutch_sh(&ctx, "HUTCH cp - c:/tmp < evil.tar")
        .code(125)
        .stderr_has(&[".."]);
    hutch_sh(&ctx, "HUTCH cp - c:/tmp/host.txt < in.tar")
        .code(125)
        .stderr_has(&["directory"]);

    // A container that is not running is mounted for the copy.
    ctx.hutch(["create", "--name", "idle", &img, "true"])
        .run()
        .success();
    ctx.hutch(["cp"])
        .arg(&host_file)
        .arg("idle:/copied")
        .run()
        .success();
    let back = ctx.dir.join("back.txt");
    ctx.hutch(["cp", "idle:/copied"]).arg(&back).run().success();
    assert_eq!(std::fs::read_to_string(&back).unwrap(), "from host\n");
    ctx.hutch(["cp"]).arg(&host_file).arg(&back).run().code(125);
    ctx.hutch(["rm", "-f", "-t", "0", "c", "idle"])
        .run()
        .success();
}

/// `cp` as podman's: a running container's tmpfs, volumes and binds are where copies go and
/// come from, relative paths start at the working directory, containers copy to each other,
/// what is copied in belongs to the container's user (`-a=false`: the source's owners), a
/// gzip-compressed tar on stdin is read, and the container runs on afterwards (`--pause`).
#[test]
fn cp_through_mounts_workdir_owners_and_between_containers() {
    let (ctx, img) = setup("xtra-cp-mounts");
    let bind = ctx.dir.join("bind");
    ctx.write_file(&bind.join(".keep"), "");
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "m",
        "--tmpfs",
        "/scr",
        "-v",
        "cpvol:/vol",
    ])
    .args(["-v", &format!("{}:/bnd", bind.display())])
    .args(["-w", "/etc", &img, "sleep", "1000"])
    .run()
    .success();
    ctx.hutch([
        "run", "-d", "--name", "u", "-u", "123:456", &img, "sleep", "1000",
    ])
    .run()
    .success();
    let host_file = ctx.dir.join("f.txt");
    ctx.write_file(&host_file, "from host\n");
    for dest in ["m:/scr/", "m:/vol/", "m:/bnd/", "m:rel.txt"] {
        ctx.hutch(["cp"]).arg(&host_file).arg(dest).run().success();
    }
    let got = ctx
        .hutch([
            "exec",
            "m",
            "cat",
            "/scr/f.txt",
            "/vol/f.txt",
            "/bnd/f.txt",
            "/etc/rel.txt",
        ])
        .run()
        .success();
    assert_eq!(got.stdout, "from host\n".repeat(4));
    assert_eq!(
        std::fs::read_to_string(bind.join("f.txt")).unwrap(),
        "from host\n"
    );
    // Out of the tmpfs, and a relative source.
    ctx.hutch(["exec", "m", "sh", "-c", "echo tmpfs > /scr/only-here"])
        .run()
        .success();
    let out = ctx.dir.join("out.txt");
    ctx.hutch(["cp", "m:/scr/only-here"])
        .arg(&out)
        .run()
        .success();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "tmpfs\n");
    ctx.hutch(["cp", "m:rel.txt"]).arg(&out).run().success();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "from host\n");

    // Container to container; the copy belongs to the destination's user.
    ctx.hutch(["cp", "m:/scr/only-here", "u:/tmp/"])
        .run()
        .success();
    ctx.hutch(["cp", "-a=false"])
        .arg(&host_file)
        .arg("u:/tmp/kept")
        .run()
        .success();
    let st = ctx
        .hutch([
            "exec",
            "u",
            "stat",
            "-c",
            "%n %u:%g",
            "/tmp/only-here",
            "/tmp/kept",
        ])
        .run()
        .success();
    assert_eq!(st.stdout, "/tmp/only-here 123:456\n/tmp/kept 0:0\n");

    // Tar streams: owners from the tar only with -a=false; gzip is recognised.
    let l = layer(vec![
        dir("owned", 0o755).owner(7, 8),
        file("owned/a", 0o600, "tar\n").owner(7, 8),
    ]);
    std::fs::write(ctx.dir.join("owned.tar"), &l.tar).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, &l.tar).unwrap();
    std::fs::write(ctx.dir.join("owned.tgz"), gz.finish().unwrap()).unwrap();
    hutch_sh(&ctx, "HUTCH cp - u:/tmp < owned.tgz").success();
    hutch_sh(&ctx, "HUTCH cp -a=false - m:/vol < owned.tar").success();
    let st = ctx
        .hutch(["exec", "u", "stat", "-c", "%u:%g %a", "/tmp/owned/a"])
        .run()
        .success();
    assert_eq!(st.stdout_trim(), "123:456 600");
    let st = ctx
        .hutch([
            "exec",
            "m",
            "stat",
            "-c",
            "%u:%g",
            "/vol/owned",
            "/vol/owned/a",
        ])
        .run()
        .success();
    assert_eq!(st.stdout, "7:8\n7:8\n");
    // Out as a tar, with the owners the container sees.
    hutch_sh(&ctx, "HUTCH cp u:/tmp/owned - > back.tar").success();
    let data = std::fs::read(ctx.dir.join("back.tar")).unwrap();
    let mut ar = tar::Archive::new(data.as_slice());
    let owners: Vec<(String, u64, u64)> = ar
        .entries()
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let h = e.header();
            (
                e.path().unwrap().to_string_lossy().into_owned(),
                h.uid().unwrap(),
                h.gid().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        owners,
        [
            ("owned/".to_string(), 123, 456),
            ("owned/a".to_string(), 123, 456)
        ]
    );
    // Paused for the copies, running again after them.
    let state = ctx
        .hutch(["inspect", "-f", "{{.State.Status}}", "m", "u"])
        .run()
        .success();
    assert_eq!(state.stdout, "running\nrunning\n");
    ctx.hutch(["cp", "--pause=false"])
        .arg(&host_file)
        .arg("m:/scr/np")
        .run()
        .success();

    // keep-id: the user's files are the user's inside, the image's stay root's in a tar.
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "k",
        "--userns=keep-id",
        &img,
        "sleep",
        "1000",
    ])
    .run()
    .success();
    ctx.hutch(["cp"])
        .arg(&host_file)
        .arg("k:/tmp/")
        .run()
        .success();
    let st = ctx
        .hutch(["exec", "k", "stat", "-c", "%u:%g", "/tmp/f.txt"])
        .run()
        .success();
    assert_eq!(
        st.stdout_trim(),
        format!("{}:{}", ctx.user.uid, ctx.user.gid)
    );
    hutch_sh(&ctx, "HUTCH cp k:/etc/passwd - > kp.tar").success();
    let data = std::fs::read(ctx.dir.join("kp.tar")).unwrap();
    let mut ar = tar::Archive::new(data.as_slice());
    let e = ar.entries().unwrap().next().unwrap().unwrap();
    assert_eq!(
        (e.header().uid().unwrap(), e.header().gid().unwrap()),
        (0, 0)
    );
    // A stopped container's volumes and binds are copied to where it will see them.
    ctx.hutch(["create", "--name", "s", "-v", "cpvol:/vol"])
        .args(["-v", &format!("{}:/bnd", bind.display())])
        .args([&img, "cat", "/vol/stopped", "/bnd/stopped"])
        .run()
        .success();
    for dest in ["s:/vol/stopped", "s:/bnd/stopped"] {
        ctx.hutch(["cp"]).arg(&host_file).arg(dest).run().success();
    }
    let got = ctx.hutch(["start", "-a", "s"]).run().success();
    assert_eq!(got.stdout, "from host\n".repeat(2));
    ctx.hutch(["rm", "-f", "-t", "0", "m", "u", "k", "s"])
        .run()
        .success();
}

#[test]
fn commit_builds_a_runnable_image() {
    let (ctx, img) = setup("xtra-commit");
    ctx.hutch([
        "run",
        "--name",
        "base",
        &img,
        "sh",
        "-c",
        "echo committed > /data.txt; rm /bin/vi; mkdir /opt; touch /opt/a /opt/b",
    ])
    .run()
    .success();
    let id = ctx
        .hutch([
            "commit",
            "-c",
            r#"CMD=["cat","/data.txt"]"#,
            "-c",
            "ENV=FOO=bar",
            "-c",
            "LABEL=k=v",
            "-c",
            "WORKDIR=/opt",
            "-m",
            "my message",
            "-a",
            "Tester",
            "--pause=false",
            "base",
            "myimg",
        ])
        .run()
        .success()
        .stdout_trim()
        .to_string();
    assert_eq!(id.len(), 64, "{id}");
    assert!(crate::image_names(&ctx).contains(&"localhost/myimg:latest".to_string()));
    let run = ctx.hutch(["run", "--rm", "myimg"]).run().success();
    assert_eq!(run.stdout, "committed\n");
    let run = ctx
        .hutch([
            "run",
            "--rm",
            "myimg",
            "sh",
            "-c",
            "echo $FOO; pwd; ls /opt; ls /bin/vi",
        ])
        .run()
        .code(1);
    assert_eq!(run.stdout, "bar\n/opt\na\nb\n", "{}", run.stderr);
    let insp = ctx.hutch(["image", "inspect", "myimg"]).run().success();
    let v: serde_json::Value = serde_json::from_str(&insp.stdout).unwrap();
    assert_eq!(v[0]["Config"]["Labels"]["k"], "v", "{}", insp.stdout);
    assert_eq!(v[0]["Author"], "Tester");
    let hist = ctx
        .hutch(["history", "--format", "{{.Comment}}", "myimg"])
        .run()
        .success();
    assert_eq!(
        hist.stdout.lines().next(),
        Some("my message"),
        "{}",
        hist.stdout
    );

    // A committed image is a base like any other: an opaque directory and a whiteout in the
    // next commit.
    ctx.hutch([
        "run",
        "--name",
        "second",
        "myimg",
        "sh",
        "-c",
        "rm -rf /opt && mkdir /opt && touch /opt/c && rm /data.txt",
    ])
    .run()
    .success();
    ctx.hutch(["commit", "-q", "second", "second-img"])
        .run()
        .success();
    let run = ctx
        .hutch([
            "run",
            "--rm",
            "second-img",
            "sh",
            "-c",
            "ls /opt; test -e /data.txt || echo gone",
        ])
        .run()
        .success();
    assert_eq!(run.stdout, "c\ngone\n");
    // Unnamed commit and bad changes.
    let unnamed = ctx.hutch(["commit", "second"]).run().success();
    assert_eq!(unnamed.stdout_trim().len(), 64);
    ctx.hutch(["commit", "-c", "FROM=x", "second", "bad"])
        .run()
        .code(125)
        .stderr_has(&["FROM=x"])
        .one_line_error();
    ctx.hutch(["commit", "ghost", "x"])
        .run()
        .code(125)
        .one_line_error();
}

#[test]
fn events_filter_and_stream() {
    let (ctx, img) = setup("xtra-events");
    let follow = ctx
        .hutch([
            "events",
            "--filter",
            "type=container",
            "--format",
            "{{.Status}} {{.Name}}",
        ])
        .timeout(Duration::from_secs(60))
        .spawn();
    ctx.hutch(["run", "--name", "ev", &img, "true"])
        .run()
        .success();
    ctx.hutch(["rm", "ev"]).run().success();
    ctx.hutch(["tag", &img, "tagged:1"]).run().success();

    let past = ctx
        .hutch([
            "events",
            "--stream=false",
            "--filter",
            "container=ev",
            "--format",
            "{{.Status}}",
        ])
        .run()
        .success();
    let actions: Vec<&str> = past.stdout.lines().collect();
    for want in ["create", "init", "start", "died", "remove"] {
        assert!(actions.contains(&want), "{want} missing: {actions:?}");
    }
    let pos = |a: &str| actions.iter().position(|x| *x == a).unwrap();
    assert!(
        pos("create") < pos("start") && pos("start") < pos("died") && pos("died") < pos("remove")
    );

    let json = ctx
        .hutch([
            "events",
            "--stream=false",
            "--format",
            "json",
            "--filter",
            "event=died",
        ])
        .run()
        .success();
    let lines: Vec<serde_json::Value> = json
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "{}", json.stdout);
    assert_eq!(lines[0]["Type"], "container");
    assert_eq!(lines[0]["Name"], "ev");
    assert_eq!(lines[0]["ContainerExitCode"], 0);
    assert!(lines[0]["Image"].as_str().unwrap().contains("busybox"));

    let images = ctx
        .hutch(["events", "--stream=false", "--filter", "type=image"])
        .run()
        .success();
    assert!(
        images
            .stdout
            .lines()
            .any(|l| l.contains(" image pull ") && l.contains("busybox")),
        "{}",
        images.stdout
    );
    assert!(
        images
            .stdout
            .lines()
            .any(|l| l.contains(" image tag ") && l.contains("localhost/tagged:1")),
        "{}",
        images.stdout
    );
    // Default lines as podman's: `TIME container create ID (image=..., name=ev, LABEL=...)`:
    // the container's labels (here the image's) follow.
    let plain = ctx
        .hutch([
            "events",
            "--stream=false",
            "--filter",
            "container=ev",
            "--filter",
            "event=create",
        ])
        .run()
        .success();
    assert!(
        plain.stdout.contains(" container create ")
            && plain
                .stdout
                .contains("name=ev, org.hutch.test=library/busybox:latest)"),
        "{}",
        plain.stdout
    );
    // --until in the past ends at once; --since in the future shows nothing.
    let until = ctx.hutch(["events", "--until", "1h"]).run().success();
    assert_eq!(until.stdout, "");
    let since = ctx
        .hutch([
            "events",
            "--stream=false",
            "--since",
            "2099-01-01T00:00:00Z",
        ])
        .run()
        .success();
    assert_eq!(since.stdout, "");
    ctx.hutch(["events", "--filter", "bogus=1"])
        .run()
        .code(125)
        .one_line_error();

    // The follower saw what other hutch processes did while it ran.
    let mut follow = follow;
    ctx.hutch(["create", "--name", "late", &img, "true"])
        .run()
        .success();
    // It polls a few times a second.
    std::thread::sleep(Duration::from_millis(800));
    assert!(follow.alive(), "events --stream keeps running");
    follow.kill9();
    let seen = follow.wait();
    for want in [
        "create ev",
        "start ev",
        "died ev",
        "remove ev",
        "create late",
    ] {
        assert!(
            seen.stdout.contains(want),
            "{want} not streamed: {}",
            seen.stdout
        );
    }
    assert!(
        !seen.stdout.contains("tag"),
        "type=container only: {}",
        seen.stdout
    );
}
