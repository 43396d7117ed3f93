//! podman commands hutch gained for issue 18 (part 2), run as podman users write them:
//! secrets, `volume mount`, `update`, and the commands refused with a pointer elsewhere.

use crate::busybox_context;
use crate::harness::{hutch_bin, TestContext};

/// `secret create/ls/inspect/rm/exists` as podman's file driver: data from a file, stdin or a
/// variable, kept 0600 in a 0700 directory and never printed.
#[test]
fn secrets_are_created_listed_inspected_and_removed() {
    let mut ctx = TestContext::new("gaps-secrets");
    let file = ctx.dir.join("pw.txt");
    ctx.write_file(&file, "s3cret-data");
    let id = ctx
        .hutch(["secret", "create", "--label", "app=web", "pw"])
        .arg(&file)
        .run()
        .success();
    let id = id.stdout_trim().to_string();
    assert_eq!(id.len(), 25, "podman's secret IDs have 25 hex digits: {id}");
    // From standard input, as `printf ... | podman secret create NAME -`.
    let sh = format!(
        "printf from-stdin | {} secret create fromstdin -",
        hutch_bin().display()
    );
    ctx.command("sh").args(["-c", &sh]).run().success();
    ctx.set_env("MY_TOKEN", "from-env");
    ctx.hutch(["secret", "create", "--env", "tok", "MY_TOKEN"])
        .run()
        .success();

    let ls = ctx.hutch(["secret", "ls"]).run().success();
    let header = ls.stdout.lines().next().unwrap_or_default();
    for col in ["ID", "NAME", "DRIVER", "CREATED", "UPDATED"] {
        assert!(header.contains(col), "{}", ls.stdout);
    }
    assert!(
        ls.stdout.contains("pw") && ls.stdout.contains("file"),
        "{}",
        ls.stdout
    );
    let names = ctx
        .hutch(["secret", "ls", "--format", "{{.Name}} {{.Driver}}"])
        .run()
        .success();
    let mut names: Vec<&str> = names.stdout.lines().collect();
    names.sort();
    assert_eq!(names, ["fromstdin file", "pw file", "tok file"]);
    let q = ctx
        .hutch(["secret", "ls", "-q", "--filter", "name=pw"])
        .run()
        .success();
    assert_eq!(q.stdout_trim(), id);

    let name = ctx
        .hutch([
            "secret",
            "inspect",
            "--format",
            "{{.Spec.Name}} {{.Spec.Driver.Name}} {{.Spec.Labels.app}}",
            &id[..8],
        ])
        .run()
        .success();
    assert_eq!(name.stdout_trim(), "pw file web");
    let json = ctx.hutch(["secret", "inspect", "pw"]).run().success();
    assert!(
        !json.stdout.contains("s3cret"),
        "inspect must not show the data: {}",
        json.stdout
    );
    assert!(!ls.stdout.contains("s3cret"));

    // The data lives in the store, private to the user.
    let store = ctx.graphroot().join("secrets");
    let data = store.join("filedriver").join(&id);
    assert_eq!(std::fs::read_to_string(&data).unwrap(), "s3cret-data");
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!((mode(&store), mode(&data)), (0o700, 0o600));
    let listing = std::fs::read_to_string(store.join("secrets.json")).unwrap();
    assert!(!listing.contains("s3cret"), "{listing}");

    // podman's errors and exit codes.
    ctx.hutch(["secret", "create", "pw"])
        .arg(&file)
        .run()
        .code(125)
        .stderr_has(&["pw: secret name in use"]);
    ctx.hutch(["secret", "create", "bad/name"])
        .arg(&file)
        .run()
        .code(125)
        .stderr_has(&["invalid secret name"]);
    ctx.hutch(["secret", "rm", "nosuch"])
        .run()
        .code(125)
        .stderr_has(&["no secret with name or id \"nosuch\": no such secret"]);
    ctx.hutch(["secret", "exists", "pw"]).run().code(0);
    ctx.hutch(["secret", "exists", "nosuch"]).run().code(1);

    let rm = ctx.hutch(["secret", "rm", "pw"]).run().success();
    assert_eq!(rm.stdout_trim(), id);
    assert!(!data.exists());
    ctx.hutch(["secret", "rm", "--all"]).run().success();
    let ls = ctx.hutch(["secret", "ls", "--noheading"]).run().success();
    assert_eq!(ls.stdout_trim(), "");
}

/// `run --secret NAME` mounts the secret read-only at /run/secrets/NAME; `type=env` exports it;
/// `target`, `uid`, `gid` and `mode` as podman; inspect lists file secrets, never the data.
#[test]
fn run_secret_as_file_and_env() {
    let (ctx, img) = busybox_context("gaps-run-secret");
    let file = ctx.dir.join("pw.txt");
    ctx.write_file(&file, "s3cret");
    ctx.hutch(["secret", "create", "mysec"])
        .arg(&file)
        .run()
        .success();
    let sh = format!(
        "printf abc | {} secret create envsec -",
        hutch_bin().display()
    );
    ctx.command("sh").args(["-c", &sh]).run().success();

    let out = ctx
        .hutch([
            "run",
            "--rm",
            "--secret",
            "mysec",
            "--secret",
            "envsec,type=env,target=MYV",
            "--secret",
            "source=mysec,target=/etc/other,uid=5,gid=6,mode=0400",
            "--secret",
            "envsec,type=env",
            &img,
            "sh",
            "-c",
            "cat /run/secrets/mysec; echo; echo $MYV $envsec; stat -c '%a %u %g' /run/secrets/mysec /etc/other; echo x > /run/secrets/mysec || echo read-only",
        ])
        .run()
        .success();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines,
        ["s3cret", "abc abc", "444 0 0", "400 5 6", "read-only"],
        "{}",
        out.stderr
    );

    let id = ctx
        .hutch([
            "create",
            "--secret",
            "mysec,target=rel",
            "--secret",
            "envsec,type=env",
            &img,
            "sh",
            "-c",
            "ls /run/secrets; echo $envsec",
        ])
        .run()
        .success();
    let id = id.stdout_trim().to_string();
    let inspect = ctx
        .hutch([
            "inspect",
            "--format",
            "{{(index .Config.Secrets 0).Name}} {{len .Config.Secrets}} {{json .Config.Env}}",
            &id,
        ])
        .run()
        .success();
    assert!(inspect.stdout.starts_with("mysec 1 "), "{}", inspect.stdout);
    assert!(
        !inspect.stdout.contains("abc"),
        "env secrets stay out of the config: {}",
        inspect.stdout
    );
    let started = ctx.hutch(["start", "-a", &id]).run().success();
    assert_eq!(started.stdout, "rel\nabc\n");

    // An unknown secret fails the create, with podman's words.
    ctx.hutch(["run", "--rm", "--secret", "nosuch", &img, "true"])
        .run()
        .code(125)
        .stderr_has(&["no secret with name or id \"nosuch\": no such secret"]);
    ctx.hutch(["run", "--rm", "--secret", "mysec,type=bogus", &img, "true"])
        .run()
        .code(125)
        .stderr_has(&["--secret"]);
}

/// `volume mount NAME` prints the volume's data directory, `volume unmount` succeeds.
#[test]
fn volume_mount_prints_the_data_path() {
    let ctx = TestContext::new("gaps-volume-mount");
    ctx.hutch(["volume", "create", "v1"]).run().success();
    let path = ctx.hutch(["volume", "mount", "v1"]).run().success();
    let mountpoint = ctx
        .hutch(["volume", "inspect", "--format", "{{.Mountpoint}}", "v1"])
        .run()
        .success();
    assert_eq!(path.stdout_trim(), mountpoint.stdout_trim());
    assert!(std::path::Path::new(path.stdout_trim()).is_dir());
    let un = ctx.hutch(["volume", "unmount", "v1"]).run().success();
    assert_eq!(un.stdout_trim(), "v1");
    ctx.hutch(["volume", "mount", "nosuch"])
        .run()
        .code(125)
        .stderr_has(&["no such volume"]);
}

/// `update --memory/--cpus` on rootless cgroup v1 is refused naming why (exit 125);
/// `update --restart` changes the policy.
#[test]
fn update_limits_refused_without_cgroups_and_restart_policy_updated() {
    let (ctx, img) = busybox_context("gaps-update");
    let id = ctx
        .hutch(["create", "--name", "u1", &img, "sleep", "100"])
        .run()
        .success();
    let id = id.stdout_trim().to_string();
    let v1_rootless = !std::path::Path::new("/sys/fs/cgroup/cgroup.controllers").exists()
        && crate::harness::test_user().uid != 0;
    let out = ctx
        .hutch(["update", "--memory", "100m", "--cpus", "1", "u1"])
        .run();
    if v1_rootless {
        out.code(125).one_line_error().stderr_has(&[
            "--memory, --cpus",
            "cgroup v1",
            "hutch doctor",
        ]);
    } else {
        // With cgroup v2 a created container has no cgroup yet: refused, naming that.
        out.code(125).stderr_has(&["no cgroup of its own"]);
    }
    let upd = ctx
        .hutch(["update", "--restart", "always", "u1"])
        .run()
        .success();
    assert_eq!(upd.stdout_trim(), id);
    let policy = ctx
        .hutch([
            "inspect",
            "--format",
            "{{.HostConfig.RestartPolicy.Name}}",
            "u1",
        ])
        .run()
        .success();
    assert_eq!(policy.stdout_trim(), "always");
    ctx.hutch(["container", "update", "--restart", "no", "u1"])
        .run()
        .success();
    ctx.hutch(["update", "--restart", "always", "nosuch"])
        .run()
        .code(125)
        .stderr_has(&["no such container"]);
}

/// `container runlabel`, `image trust` and `image sign` are refused plainly, naming what to use.
#[test]
fn runlabel_trust_and_sign_are_refused_clearly() {
    let ctx = TestContext::new("gaps-refused");
    ctx.hutch(["container", "runlabel", "INSTALL", "busybox"])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&["runlabel is not supported", "label"]);
    ctx.hutch(["image", "trust", "show"])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&["image trust is not supported", "podman image trust"]);
    ctx.hutch(["image", "sign", "--sign-by", "me@example.com", "busybox"])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&["image sign is not supported", "skopeo"]);
}

/// Templates as podman's documentation writes them, over ps, inspect, images, volume ls and
/// network ls: Go times, `index` into slices and maps, `printf`, `upper`, `title`, `truncate`,
/// `join`, `len`, `json`, `slice`, `table` with literal `\t`, `.ImageDigest`, `.Mounts`.
#[test]
fn format_templates_as_podman_users_write_them() {
    let (ctx, img) = busybox_context("gaps-format");
    ctx.hutch(["volume", "create", "vv"]).run().success();
    ctx.hutch([
        "run", "-d", "--name", "fmt1", "-v", "vv:/data", "--label", "app=web", &img, "sleep", "100",
    ])
    .run()
    .success();
    let go_time = |s: &str| {
        // 2026-12-07 13:57:42.614274828 +0000 UTC
        let parts: Vec<&str> = s.split(' ').collect();
        parts.len() == 4 && parts[2] == "+0000" && parts[3] == "UTC" && parts[0].len() == 10
    };
    let ps = ctx
        .hutch([
            "ps",
            "--format",
            "{{.Names}}|{{.Mounts}}|{{.CreatedAt}}|{{.Label \"app\"}}|{{.Labels}}",
        ])
        .run()
        .success();
    let f: Vec<&str> = ps.stdout_trim().split('|').collect();
    assert_eq!(
        (f[0], f[1], f[3]),
        ("fmt1", "[/data]", "web"),
        "{}",
        ps.stdout
    );
    assert!(f[4].starts_with("map[app:web"), "{}", ps.stdout);
    assert!(go_time(f[2]), "{}", ps.stdout);
    let table = ctx
        .hutch([
            "ps",
            "--format",
            "table {{.ID}}\\t{{.Names}}\\t{{.RunningFor}}",
        ])
        .run()
        .success();
    let header = table.stdout.lines().next().unwrap_or_default();
    assert!(
        header.starts_with("CONTAINER ID")
            && header.contains("NAMES")
            && header.contains("RUNNING FOR"),
        "{}",
        table.stdout
    );
    let inspect = ctx
        .hutch([
            "inspect",
            "--format",
            "{{(index .Mounts 0).Destination}}|{{index .Config.Labels \"app\"}}|{{printf \"%.12s\" .ID}}|{{upper .State.Status}}|{{title .Name}}|{{truncate .ID 5}}|{{join .Config.Cmd \",\"}}|{{len .Mounts}}|{{json .State.Running}}|{{slice .ID 0 4}}|{{.ImageDigest}}",
            "fmt1",
        ])
        .run()
        .success();
    let f: Vec<String> = inspect
        .stdout_trim()
        .split('|')
        .map(str::to_string)
        .collect();
    let id = ctx
        .hutch(["inspect", "--format", "{{.ID}}", "fmt1"])
        .run()
        .success();
    let id = id.stdout_trim().to_string();
    assert_eq!(
        f[..10],
        [
            "/data",
            "web",
            &id[..12],
            "RUNNING",
            "Fmt1",
            &id[..5],
            "sleep,100",
            "1",
            "true",
            &id[..4]
        ],
        "{}",
        inspect.stdout
    );
    assert!(
        f[10].starts_with("sha256:") && f[10].len() == 71,
        "{}",
        inspect.stdout
    );
    // Outside `table`, \t and \n typed as two characters are a tab and a newline.
    let esc = ctx
        .hutch(["ps", "--format", "{{.Names}}\\t{{.Image}}\\nnext"])
        .run()
        .success();
    assert_eq!(esc.stdout, format!("fmt1\t{img}\nnext\n"));
    let images = ctx
        .hutch([
            "images",
            "--format",
            "{{.CreatedAt}}|{{.CreatedSince}}|{{.Size}}",
        ])
        .run()
        .success();
    let f: Vec<&str> = images.stdout_trim().split('|').collect();
    assert!(go_time(f[0]) && !f[0].contains('.'), "{}", images.stdout);
    assert!(
        f[1].ends_with(" ago") && (f[2].ends_with("MB") || f[2].ends_with("kB")),
        "{}",
        images.stdout
    );
    let vols = ctx
        .hutch(["volume", "ls", "--format", "{{.Name}}|{{.CreatedAt}}"])
        .run()
        .success();
    let f: Vec<&str> = vols.stdout_trim().split('|').collect();
    assert!(f[0] == "vv" && go_time(f[1]), "{}", vols.stdout);
    ctx.hutch(["network", "create", "zeta"]).run().success();
    ctx.hutch(["network", "create", "alpha"]).run().success();
    let nets = ctx.hutch(["network", "ls", "-q"]).run().success();
    assert_eq!(
        nets.stdout.lines().collect::<Vec<_>>(),
        ["alpha", "podman", "zeta"]
    );
    let created = ctx
        .hutch([
            "network",
            "ls",
            "--format",
            "{{.Name}} {{.Created}}",
            "--filter",
            "name=zeta",
        ])
        .run()
        .success();
    assert!(
        go_time(created.stdout_trim().split_once(' ').unwrap().1),
        "{}",
        created.stdout
    );
    ctx.hutch(["rm", "-f", "-t", "0", "fmt1"]).run().success();
}

/// What scripts grep: `rm` echoes the name or ID as typed, podman's error texts and codes.
#[test]
fn output_texts_scripts_parse() {
    let (ctx, img) = busybox_context("gaps-texts");
    let id = ctx
        .hutch(["create", "--name", "t1", &img, "sleep", "100"])
        .run()
        .success();
    let id = id.stdout_trim().to_string();
    ctx.hutch(["create", "--name", "t2", &img, "true"])
        .run()
        .success();
    assert_eq!(
        ctx.hutch(["start", "t1"]).run().success().stdout_trim(),
        "t1"
    );
    ctx.hutch(["kill", "-s", "0", "t1"])
        .run()
        .code(125)
        .stderr_has(&["Error: invalid signal: 0"]);
    assert_eq!(
        ctx.hutch(["kill", "t1"]).run().success().stdout_trim(),
        "t1"
    );
    assert_eq!(ctx.hutch(["rm", "t1"]).run().success().stdout_trim(), "t1");
    let short = &ctx
        .hutch(["ps", "-aq"])
        .run()
        .success()
        .stdout_trim()
        .to_string();
    assert_eq!(
        ctx.hutch(["rm", short]).run().success().stdout_trim(),
        short
    );
    assert_ne!(short, &id[..12]);
    for args in [
        &["stop", "nosuch"][..],
        &["kill", "nosuch"],
        &["start", "nosuch"],
        &["restart", "nosuch"],
    ] {
        ctx.hutch(args).run().code(125).stderr_has(&[
            "Error: no container with name or ID \"nosuch\" found: no such container",
        ]);
    }
    ctx.hutch(["rm", "nosuch"]).run().code(1);
    let ins = ctx.hutch(["inspect", "nosuch"]).run().code(125);
    assert_eq!(ins.stdout_trim(), "[]");
    assert!(
        ins.stderr
            .contains("Error: inspecting object: no such object: \"nosuch\""),
        "{}",
        ins.stderr
    );
    // /etc/hosts names the container by hostname and name; .containerenv as podman writes it.
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "--name",
            "named",
            "--hostname",
            "hh",
            &img,
            "sh",
            "-c",
            "grep -w hh /etc/hosts; cat /run/.containerenv",
        ])
        .run()
        .success();
    let lines: Vec<&str> = out.stdout.lines().collect();
    let hosts: Vec<&str> = lines[0].split_whitespace().skip(1).collect();
    assert_eq!(hosts, ["hh", "named"], "{}", out.stdout);
    assert!(lines[1].starts_with("engine=\"hutch-"), "{}", out.stdout);
    assert_eq!(lines[2], "name=\"named\"");
    assert!(
        lines[3].starts_with("id=\"") && lines[4] == format!("image=\"{img}\""),
        "{}",
        out.stdout
    );
    assert_eq!(*lines.last().unwrap(), "rootless=1");
}

/// `hutch doctor` names what rootless cgroups cannot do here, with the fix, without failing;
/// `info` says which network program new containers get and why.
#[test]
fn doctor_names_cgroup_limits_and_info_the_default_network() {
    let ctx = TestContext::new("gaps-doctor");
    let out = ctx.hutch(["doctor"]).run();
    let lines: Vec<&str> = out.stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(" cgroups: "))
        .unwrap_or_else(|| panic!("no cgroups line:\n{}", out.stdout));
    let v1_rootless = !std::path::Path::new("/sys/fs/cgroup/cgroup.controllers").exists()
        && crate::harness::test_user().uid != 0;
    if v1_rootless {
        assert!(
            lines[at].starts_with("! cgroups: cgroup v1"),
            "{}",
            out.stdout
        );
        for needle in ["--memory", "pause", "stats"] {
            assert!(lines[at].contains(needle), "{}", out.stdout);
        }
        let fixes = lines[at + 1..].join("\n");
        assert!(
            fixes.contains("fix: switch to cgroup v2") && fixes.contains("Delegate="),
            "{}",
            out.stdout
        );
    }
    let info = ctx
        .hutch([
            "info",
            "--format",
            "{{.Host.NetworkBackend}} {{.Host.RootlessNetworkCmd}}",
        ])
        .run()
        .success();
    let f: Vec<&str> = info.stdout.split_whitespace().collect();
    assert_eq!(f[0], "netavark");
    assert!(matches!(f[1], "pasta" | "slirp4netns"), "{}", info.stdout);
}

/// The user namespace's pause process has its own name and command line in `ps`, not those
/// of the command that happened to create it.
#[test]
fn userns_holder_has_its_own_command_line() {
    let ctx = TestContext::new("gaps-holder");
    ctx.hutch(["unshare", "true"]).run().success();
    let pid = std::fs::read_to_string(ctx.runroot().join("pause.pid")).unwrap();
    let pid = pid.trim();
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap();
    assert_eq!(cmdline, b"hutch: user namespace holder\0");
    let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap();
    assert_eq!(comm.trim(), "hutch-pause");
    // Later commands join it rather than making another.
    ctx.hutch(["unshare", "true"]).run().success();
    let again = std::fs::read_to_string(ctx.runroot().join("pause.pid")).unwrap();
    assert_eq!(again.trim(), pid);
}
