//! podman's global flags, `info`/`version` fields, multi-container verbs with `--filter` and
//! `--cidfile`, `untag`, `--sort`, and commands hutch does not have yet — each run as a podman
//! user writes it.

use crate::busybox_context;
use crate::harness::TestContext;

#[test]
fn global_flags_noout_events_backend_remote() {
    let (ctx, img) = busybox_context("gaps-global");
    // --noout: nothing on stdout, the command still runs.
    let out = ctx
        .hutch(["--noout", "create", "--name", "quiet", &img, "true"])
        .run()
        .success();
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    ctx.hutch(["container", "exists", "quiet"]).run().success();
    // --events-backend none: nothing recorded, and `events` says it cannot read them.
    ctx.hutch(["--events-backend", "none", "rm", "quiet"])
        .run()
        .success();
    let evs = ctx
        .hutch(["events", "--stream=false", "--filter", "event=remove"])
        .run()
        .success();
    assert!(evs.stdout.is_empty(), "remove was recorded: {}", evs.stdout);
    ctx.hutch(["--events-backend", "none", "events", "--stream=false"])
        .run()
        .code(125)
        .stderr_has(&["cannot read events with the \"none\" backend"]);
    ctx.hutch(["--events-backend", "bogus", "ps"])
        .run()
        .code(125)
        .stderr_has(&["bogus", "events backend"]);
    // containers.conf's events_logger says the same.
    ctx.write_file(
        &ctx.config_home.join("containers/containers.conf"),
        "[engine]\nevents_logger = \"none\"\n",
    );
    let info = ctx
        .hutch(["info", "--format", "{{.Host.EventLogger}}"])
        .run()
        .success();
    assert_eq!(info.stdout_trim(), "none");
    let _ = std::fs::remove_file(ctx.config_home.join("containers/containers.conf"));
    // Remote clients are refused clearly.
    for flags in [
        &["--remote"][..],
        &["-r"],
        &["--url", "unix:///x"],
        &["--connection", "c"],
    ] {
        let mut args: Vec<&str> = flags.to_vec();
        args.push("ps");
        ctx.hutch(args)
            .run()
            .code(125)
            .stderr_has(&["hutch has no remote client yet"]);
    }
    // systemd falls back to cgroupfs with a warning, as podman rootless without a session.
    let out = ctx
        .hutch(["--cgroup-manager", "systemd", "ps"])
        .run()
        .success();
    assert!(out.stderr.contains("cgroupfs"), "{}", out.stderr);
    ctx.hutch(["--cgroup-manager", "nope", "ps"])
        .run()
        .code(125);
}

#[test]
fn volumepath_runtime_flag_storage_opt() {
    let (ctx, img) = busybox_context("gaps-volpath");
    let vp = ctx.dir.join("vols");
    let vp_s = vp.display().to_string();
    ctx.hutch(["--volumepath", &vp_s, "volume", "create", "v1"])
        .run()
        .success();
    assert!(
        vp.join("v1/_data").is_dir(),
        "volume not under --volumepath"
    );
    // The runtime gets --runtime-flag as --FLAG: runc's --debug logs at debug level.
    let out = ctx
        .hutch([
            "--runtime-flag",
            "log-format=json",
            "run",
            "--rm",
            &img,
            "echo",
            "hi",
        ])
        .run()
        .success();
    assert_eq!(out.stdout_trim(), "hi");
    // A flag the runtime does not know makes it fail: proof that it got it.
    ctx.hutch([
        "--runtime-flag",
        "no-such-runc-flag",
        "run",
        "--rm",
        &img,
        "true",
    ])
    .run()
    .failure();
    let opts = ctx
        .hutch([
            "--storage-opt",
            "overlay.mountopt=nodev",
            "info",
            "--format",
            "{{.Store.GraphOptions}}",
        ])
        .run()
        .success();
    assert!(
        opts.stdout.contains("overlay.mountopt:nodev"),
        "{}",
        opts.stdout
    );
}

#[test]
fn info_and_version_fields_podman_templates_use() {
    let ctx = TestContext::new("gaps-info");
    let out = ctx
        .hutch([
            "info",
            "--format",
            "{{.Host.LogDriver}}|{{.Host.EventLogger}}|{{.Host.Conmon.Path}}|{{.Host.OCIRuntime.Name}}|{{.Version.Version}}|{{.Version.OsArch}}",
        ])
        .run()
        .success();
    let f: Vec<&str> = out.stdout_trim().split('|').collect();
    assert_eq!(f[0], "k8s-file", "{out:?}");
    assert_eq!(f[1], "file");
    assert!(f[2].ends_with("hutch-conmon"), "{out:?}");
    assert!(!f[3].is_empty(), "{out:?}");
    assert_eq!(f[4], env!("CARGO_PKG_VERSION"));
    assert!(f[5].starts_with("linux/"));
    let out = ctx
        .hutch([
            "info",
            "--format",
            "{{.Store.GraphOptions}} {{.Store.GraphStatus}} {{.Registries}} {{.Version.GoVersion}}",
        ])
        .run()
        .success();
    assert!(out.stdout.contains("rustc"), "{}", out.stdout);
    let v = ctx.hutch(["version"]).run().success();
    let keys: Vec<&str> = v
        .stdout
        .lines()
        .filter_map(|l| l.split_once(':').map(|(k, _)| k))
        .collect();
    for k in [
        "Client",
        "Version",
        "API Version",
        "Go Version",
        "Built",
        "OS/Arch",
    ] {
        assert!(keys.contains(&k), "version lacks {k}: {}", v.stdout);
    }
    let t = ctx
        .hutch([
            "version",
            "--format",
            "{{.Client.Version}} {{.Client.APIVersion}} {{.Client.Os}}",
        ])
        .run()
        .success();
    let words: Vec<&str> = t.stdout.split_whitespace().collect();
    assert_eq!(words[0], env!("CARGO_PKG_VERSION"));
    assert!(!words[1].is_empty());
    assert_eq!(words[2], "linux");
}

#[test]
fn stop_restart_rm_kill_with_filter_and_cidfile() {
    let (ctx, img) = busybox_context("gaps-filter");
    for n in ["f1", "f2", "f3"] {
        ctx.hutch([
            "run",
            "-d",
            "--name",
            n,
            "-l",
            &format!("n={n}"),
            &img,
            "sleep",
            "300",
        ])
        .run()
        .success();
    }
    let id2 = ctx
        .hutch(["inspect", "--format", "{{.Id}}", "f2"])
        .run()
        .success()
        .stdout_trim()
        .to_string();
    // podman prints the IDs of what a filter selected.
    let out = ctx
        .hutch(["stop", "--filter", "label=n=f2", "-t", "0"])
        .run()
        .success();
    assert_eq!(out.stdout_trim(), id2);
    ctx.hutch(["stop", "--filter", "label=n=f2", "f1"])
        .run()
        .code(125)
        .stderr_has(&["--filter takes no arguments"]);
    let running = ctx.hutch(["ps", "--format", "{{.Names}}"]).run().success();
    assert!(!running.stdout.contains("f2"), "{}", running.stdout);
    // restart --filter starts the stopped one again.
    ctx.hutch(["restart", "--filter", "name=f2", "-t", "0"])
        .run()
        .success();
    let running = ctx.hutch(["ps", "--format", "{{.Names}}"]).run().success();
    assert!(running.stdout.contains("f2"), "{}", running.stdout);
    // kill and restart --cidfile.
    let cid = ctx.dir.join("f3.cid");
    let id3 = ctx
        .hutch(["inspect", "--format", "{{.Id}}", "f3"])
        .run()
        .success()
        .stdout_trim()
        .to_string();
    ctx.write_file(&cid, &id3);
    let cid_s = cid.display().to_string();
    ctx.hutch(["kill", "--cidfile", &cid_s]).run().success();
    ctx.hutch(["wait", "f3"]).run().success();
    ctx.hutch(["restart", "--cidfile", &cid_s, "-t", "0"])
        .run()
        .success();
    ctx.hutch(["kill", "--cidfile", "/nonexistent/cid"])
        .run()
        .code(125);
    // rm --filter, with --force for running ones.
    ctx.hutch(["rm", "-f", "--filter", "label=n=f1"])
        .run()
        .success();
    ctx.hutch(["container", "exists", "f1"]).run().code(1);
    ctx.hutch(["rm", "-f", "--all"]).run().success();
}

#[test]
fn untag_removes_names_and_keeps_the_image() {
    let (ctx, img) = busybox_context("gaps-untag");
    ctx.hutch(["tag", &img, "one:1", "two:2"]).run().success();
    ctx.hutch(["untag", &img, "one:1"]).run().success();
    let names = ctx
        .hutch(["images", "--format", "{{.Repository}}:{{.Tag}}"])
        .run()
        .success();
    assert!(
        !names.stdout.contains("localhost/one:1"),
        "{}",
        names.stdout
    );
    assert!(names.stdout.contains("localhost/two:2"), "{}", names.stdout);
    ctx.hutch(["untag", &img, "one:1"])
        .run()
        .code(125)
        .stderr_has(&["localhost/one:1: tag not known"]);
    ctx.hutch(["untag", "nosuchimage"])
        .run()
        .code(125)
        .stderr_has(&["nosuchimage: image not known"]);
    // Only the image: every name goes, the image stays (dangling).
    ctx.hutch(["image", "untag", "two:2"]).run().success();
    let after = ctx
        .hutch(["images", "--format", "{{.Repository}}:{{.Tag}}"])
        .run()
        .success();
    assert_eq!(after.stdout_trim(), "<none>:<none>", "{}", after.stdout);
}

#[test]
fn ps_and_images_sort_and_ps_external() {
    let (ctx, img) = busybox_context("gaps-sort");
    for n in ["bravo", "charlie", "alpha"] {
        ctx.hutch(["create", "--name", n, &img, "true"])
            .run()
            .success();
    }
    let names = |args: &[&str]| {
        let mut a = vec!["ps"];
        a.extend_from_slice(args);
        a.extend(["--format", "{{.Names}}"]);
        ctx.hutch(a)
            .run()
            .success()
            .stdout
            .split_whitespace()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&["-a", "--sort", "names"]),
        ["alpha", "bravo", "charlie"]
    );
    assert_eq!(
        names(&["-a", "--sort", "created"]),
        ["bravo", "charlie", "alpha"]
    );
    // podman's default order is --sort created (oldest first); --last N and --latest take
    // the newest, still printed oldest first.
    assert_eq!(names(&["-a"]), ["bravo", "charlie", "alpha"]);
    assert_eq!(names(&["-a", "--last", "2"]), ["charlie", "alpha"]);
    assert_eq!(names(&["--latest"]), ["alpha"]);
    assert_eq!(
        names(&["-a", "--sort", "runningfor"]),
        ["bravo", "charlie", "alpha"]
    );
    // --external lists what hutch has (it has no foreign containers), stopped ones too.
    assert_eq!(
        names(&["--external", "--sort", "names"]),
        ["alpha", "bravo", "charlie"]
    );
    ctx.hutch(["ps", "--sort", "bogus"]).run().code(125);
    ctx.hutch(["tag", &img, "zz:1", "aa:2"]).run().success();
    let out = ctx
        .hutch([
            "images",
            "--sort",
            "repository",
            "--format",
            "{{.Repository}}",
        ])
        .run()
        .success();
    let repos: Vec<&str> = out.stdout.lines().collect();
    let mut sorted = repos.clone();
    sorted.sort();
    assert_eq!(repos, sorted);
    assert!(repos.contains(&"localhost/aa"), "{repos:?}");
    ctx.hutch(["images", "--sort", "bogus"])
        .run()
        .code(125)
        .stderr_has(&["\"bogus\" is not a valid field for sorting"]);
    ctx.hutch(["rm", "-a"]).run().success();
}

#[test]
fn commands_hutch_lacks_say_so() {
    let ctx = TestContext::new("gaps-notyet");
    for args in [
        &["farm", "list"][..],
        &["machine", "init"],
        &["kube", "play", "x.yaml"],
    ] {
        let name = args[0];
        ctx.hutch(args)
            .run()
            .code(125)
            .stderr_has(&[&format!("hutch does not have '{name}' yet")]);
    }
    ctx.hutch(["help", "farm"])
        .run()
        .code(125)
        .stderr_has(&["hutch does not have 'farm' yet"]);
    ctx.hutch(["container", "checkpoint", "x"])
        .run()
        .code(125)
        .stderr_has(&["hutch does not have 'container checkpoint' yet"]);
    // Every command has help through `hutch help`.
    for c in ["untag", "ps", "stop", "image untag", "volume create"] {
        let mut a = vec!["help"];
        a.extend(c.split(' '));
        let out = ctx.hutch(a).run().success();
        assert!(
            out.stdout.contains(&format!("Usage: hutch {c}")),
            "{}",
            out.stdout
        );
    }
}

#[test]
fn run_tz_http_proxy_ipc_rmi() {
    let (mut ctx, img) = busybox_context("gaps-run");
    // --tz: the zone's file at /etc/localtime.
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "--tz",
            "Europe/Paris",
            &img,
            "busybox",
            "date",
            "+%Z",
        ])
        .run()
        .success();
    assert!(matches!(out.stdout_trim(), "CET" | "CEST"), "{out:?}");
    ctx.hutch(["run", "--rm", "--tz", "Foo/Bar", &img, "true"])
        .run()
        .code(125)
        .stderr_has(&["/usr/share/zoneinfo/Foo/Bar"]);
    // --http-proxy (on by default) passes the caller's proxy variables.
    ctx.set_env("http_proxy", "http://proxy.example:3128");
    ctx.set_env("NO_PROXY", "localhost");
    let out = ctx
        .hutch([
            "run",
            "--rm",
            &img,
            "sh",
            "-c",
            "echo $http_proxy $NO_PROXY",
        ])
        .run()
        .success();
    assert_eq!(out.stdout_trim(), "http://proxy.example:3128 localhost");
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "--http-proxy=false",
            &img,
            "sh",
            "-c",
            "echo x${http_proxy}x",
        ])
        .run()
        .success();
    assert_eq!(out.stdout_trim(), "xx");
    // --ipc host: the host's IPC namespace; container:NAME: the other's.
    let host_ipc = std::fs::read_link("/proc/self/ns/ipc").unwrap();
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "--ipc",
            "host",
            &img,
            "ls",
            "-l",
            "/proc/self/ns/ipc",
        ])
        .run()
        .success();
    assert!(
        out.stdout.contains(&host_ipc.display().to_string()),
        "{out:?} vs {host_ipc:?}"
    );
    ctx.hutch(["run", "-d", "--name", "ipcsrc", &img, "sleep", "300"])
        .run()
        .success();
    let theirs = ctx
        .hutch(["exec", "ipcsrc", "ls", "-l", "/proc/self/ns/ipc"])
        .run()
        .success();
    let ns = theirs
        .stdout
        .split("-> ")
        .nth(1)
        .unwrap()
        .trim()
        .to_string();
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "--ipc",
            "container:ipcsrc",
            &img,
            "ls",
            "-l",
            "/proc/self/ns/ipc",
        ])
        .run()
        .success();
    assert!(out.stdout.contains(&ns), "{out:?} vs {ns}");
    assert!(!ns.contains(&host_ipc.display().to_string()));
    // rm of a container whose IPC namespace another uses is refused, as --network container:.
    ctx.hutch([
        "create",
        "--name",
        "ipcdep",
        "--ipc",
        "container:ipcsrc",
        &img,
        "true",
    ])
    .run()
    .success();
    ctx.hutch(["stop", "-t", "0", "ipcsrc"]).run().success();
    ctx.hutch(["rm", "ipcsrc"])
        .run()
        .failure()
        .stderr_has(&["dependent containers", "ipcdep"]);
    ctx.hutch(["rm", "--depend", "ipcsrc"]).run().success();
    ctx.hutch(["run", "--rm", "--ipc", "bogus", &img, "true"])
        .run()
        .code(125);
    // --ipc none: no /dev/shm.
    ctx.hutch(["run", "--rm", "--ipc", "none", &img, "ls", "/dev/shm"])
        .run()
        .failure();
    // --systemd: tests/it/cli_gaps_3.rs.
    // --rmi: the image goes with the container.
    ctx.hutch(["run", "--rmi", &img, "true"]).run().code(125);
    ctx.hutch(["run", "--rm", "--rmi", &img, "true"])
        .run()
        .success();
    ctx.hutch(["image", "exists", &img]).run().code(1);
}

#[test]
fn run_timeout_conmon_pidfile_replace() {
    let (ctx, img) = busybox_context("gaps-timeout");
    // --timeout: the monitor kills the container after that long (SIGKILL: 137).
    ctx.hutch(["run", "--rm", "--timeout", "1", &img, "sleep", "60"])
        .run()
        .code(137);
    // --conmon-pidfile: the monitor's pid, as inspect shows it.
    let pidfile = ctx.dir.join("conmon.pid");
    let pf = pidfile.display().to_string();
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "cp",
        "--conmon-pidfile",
        &pf,
        &img,
        "sleep",
        "300",
    ])
    .run()
    .success();
    let conmon = ctx
        .hutch(["inspect", "--format", "{{.State.ConmonPid}}", "cp"])
        .run()
        .success();
    let written = std::fs::read_to_string(&pidfile).unwrap();
    assert_eq!(written.trim(), conmon.stdout_trim());
    // --replace: a container of that name goes first.
    ctx.hutch([
        "run",
        "-d",
        "--replace",
        "--name",
        "cp",
        &img,
        "sleep",
        "300",
    ])
    .run()
    .success();
    let n = ctx
        .hutch(["ps", "-a", "--filter", "name=cp", "--format", "{{.Names}}"])
        .run()
        .success();
    assert_eq!(n.stdout_trim(), "cp");
    ctx.hutch(["rm", "-f", "-t", "0", "cp"]).run().success();
}

#[test]
fn run_attach_picks_the_streams() {
    let (ctx, img) = busybox_context("gaps-attach");
    let both = "echo out; echo err >&2";
    let out = ctx
        .hutch(["run", "--rm", "-a", "stdout", &img, "sh", "-c", both])
        .run()
        .success();
    assert_eq!(out.stdout_trim(), "out");
    assert!(!out.stderr.contains("err"), "{}", out.stderr);
    let out = ctx
        .hutch(["run", "--rm", "--attach", "stderr", &img, "sh", "-c", both])
        .run()
        .success();
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(out.stderr.contains("err"), "{}", out.stderr);
    ctx.hutch(["run", "--rm", "-a", "bogus", &img, "true"])
        .run()
        .code(125)
        .stderr_has(&["invalid stream \"bogus\" for --attach"]);
}
