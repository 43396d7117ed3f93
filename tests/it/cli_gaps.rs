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
