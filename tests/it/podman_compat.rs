//! Commands written the way podman users write them (issue: scripts for podman must work
//! unchanged): repeated flags, optional flag values, --force on missing objects, `hutch help`.

use crate::fixtures::busybox;
use crate::harness::{require, TestContext};
use crate::pull;

#[test]
fn force_on_missing_objects_exits_zero() {
    let ctx = TestContext::new("compat-force");
    for args in [
        &["rm", "-f", "nosuch"][..],
        &["rmi", "-f", "nosuch"],
        &["volume", "rm", "-f", "nosuch"],
        &["network", "rm", "-f", "nosuch"],
    ] {
        let out = ctx.hutch(args).run();
        assert_eq!(out.code, Some(0), "{args:?}: {out:?}");
        assert!(out.stderr.is_empty(), "{args:?}: {}", out.stderr);
    }
    // Without --force the missing object is still an error (exit 1, as podman).
    ctx.hutch(["rm", "nosuch"]).run().code(1);
    ctx.hutch(["volume", "rm", "nosuch"]).run().code(1);
}

#[test]
fn repeated_single_value_flags_keep_the_last_and_h_takes_no_argument() {
    require("runc", "runc");
    let ctx = TestContext::new("compat-flags");
    let img = busybox().plain();
    pull(&ctx, &img).success();
    ctx.hutch([
        "create", "--name", "first", "--name", "second", &img, "true",
    ])
    .run()
    .success();
    let names = ctx
        .hutch(["ps", "-a", "--format", "{{.Names}}"])
        .run()
        .success();
    assert_eq!(names.stdout_trim(), "second");
    let fmt = ctx
        .hutch(["ps", "-a", "--format", "{{.ID}}", "--format", "{{.Names}}"])
        .run()
        .success();
    assert_eq!(fmt.stdout_trim(), "second");
    // `-H` is a switch (its value only with `=`): `-qH IMAGE` keeps IMAGE as the argument.
    let q = ctx.hutch(["history", "-qH", &img]).run().success();
    assert_eq!(q.stdout.lines().count(), 1, "{}", q.stdout);
    ctx.hutch(["history", "-H=false", &img]).run().success();
}

#[test]
fn help_subcommand_shows_a_commands_help() {
    let ctx = TestContext::new("compat-help");
    let top = ctx.hutch(["help"]).run().success();
    assert!(top.stdout.contains("Usage: hutch"), "{}", top.stdout);
    let run = ctx.hutch(["help", "run"]).run().success();
    assert!(run.stdout.contains("Usage: hutch run"), "{}", run.stdout);
    let nested = ctx.hutch(["help", "network", "create"]).run().success();
    assert!(
        nested.stdout.contains("Usage: hutch network create"),
        "{}",
        nested.stdout
    );
    ctx.hutch(["help", "nosuchcommand"]).run().code(125);
}

/// `run -it` sizes the container's terminal from the terminal on stdin, also when stdout is
/// redirected (it used to ask stdout, which then is no terminal).
#[test]
fn run_it_takes_the_size_of_the_terminal_on_stdin() {
    require("runc", "runc");
    let ctx = TestContext::new("compat-tty-size");
    let img = busybox().plain();
    pull(&ctx, &img).success();
    let hutch = crate::harness::hutch_bin().display().to_string();
    let out_file = ctx.dir.join("size.txt");
    // A terminal of 33x77 on stdin only (python's pty: nothing is typed into it), stdout to a file.
    let py = r#"
import fcntl, os, pty, struct, subprocess, sys, termios
master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 33, 77, 0, 0))
with open(sys.argv[2], "wb") as out:
    sys.exit(subprocess.run(sys.argv[3:], stdin=slave, stdout=out, stderr=subprocess.STDOUT,
                            start_new_session=True).returncode)
"#;
    let out = ctx
        .command("python3")
        .args(["-c", py, "-", out_file.to_str().unwrap(), &hutch])
        .args(["run", "--rm", "-it", &img, "busybox", "stty", "size"])
        .run();
    let got = std::fs::read_to_string(&out_file).unwrap_or_default();
    assert_eq!(out.code, Some(0), "{got:?} {out:?}");
    assert_eq!(got.trim(), "33 77", "{got:?} {out:?}");
}

/// A `:U` volume is chowned once, when it does not belong to the container's user yet; files
/// given to someone else later keep their owner on the next start (it was re-chowned each time).
#[test]
fn u_volume_is_chowned_once() {
    require("runc", "runc");
    let ctx = TestContext::new("compat-chown-once");
    let img = busybox().plain();
    pull(&ctx, &img).success();
    ctx.hutch(["run", "--rm", "-u", "1000:1000", "-v", "uvol:/data:U", &img])
        .args([
            "sh",
            "-c",
            "touch /data/mine && stat -c %u:%g /data /data/mine",
        ])
        .run()
        .success();
    // Root in the container gives one file away; the volume itself stays 1000's.
    ctx.hutch([
        "run",
        "--rm",
        "-v",
        "uvol:/data",
        &img,
        "chown",
        "123:123",
        "/data/mine",
    ])
    .run()
    .success();
    let out = ctx
        .hutch(["run", "--rm", "-u", "1000:1000", "-v", "uvol:/data:U", &img])
        .args(["stat", "-c", "%u:%g", "/data", "/data/mine"])
        .run()
        .success();
    assert_eq!(out.stdout, "1000:1000\n123:123\n");
}

/// `wait` on a container that never started returns (it hung); after `run -d --rm`, `wait`
/// returns once the container is gone (it returned while it still existed); `ps --filter`
/// without `-a` lists running containers only (a filter implied --all).
#[test]
fn wait_and_ps_filters_as_podman() {
    require("runc", "runc");
    let ctx = TestContext::new("compat-wait");
    let img = busybox().plain();
    pull(&ctx, &img).success();
    ctx.hutch(["create", "--name", "never", &img, "true"])
        .run()
        .success();
    let w = ctx
        .hutch(["wait", "never"])
        .timeout(std::time::Duration::from_secs(20))
        .run()
        .success();
    assert_eq!(w.stdout_trim(), "0");

    ctx.hutch([
        "run",
        "-d",
        "--rm",
        "--name",
        "brief",
        &img,
        "sh",
        "-c",
        "sleep 1; exit 4",
    ])
    .run()
    .success();
    let w = ctx.hutch(["wait", "brief"]).run().success();
    assert_eq!(w.stdout_trim(), "4");
    let left = ctx
        .hutch(["ps", "-a", "--format", "{{.Names}}"])
        .run()
        .success();
    assert!(
        !left.stdout.contains("brief"),
        "still there after wait: {}",
        left.stdout
    );

    ctx.hutch(["run", "--name", "done", &img, "true"])
        .run()
        .success();
    ctx.hutch(["run", "-d", "--name", "up", &img, "sleep", "60"])
        .run()
        .success();
    let ps = |args: &[&str]| {
        ctx.hutch(["ps", "--format", "{{.Names}}"])
            .args(args)
            .run()
            .success()
            .stdout_trim()
            .to_string()
    };
    assert_eq!(ps(&["--filter", "name=done"]), "");
    assert_eq!(ps(&["-a", "--filter", "name=done"]), "done");
    assert_eq!(ps(&["--filter", "name=up"]), "up");
    // A filter on the state itself selects from every container.
    assert_eq!(ps(&["--filter", "status=exited"]), "done");
    ctx.hutch(["rm", "-af", "-t", "0"]).run().success();
}

/// `rm` refuses a container another one depends on (`--network container:`), as podman does;
/// `--depend` removes the dependents first, `--force` removes it anyway.
#[test]
fn rm_refuses_a_container_others_depend_on() {
    let (ctx, img) = crate::busybox_context("compat-rm-depend");
    for (name, net) in [("base", "none"), ("dep", "container:base")] {
        ctx.hutch([
            "run",
            "-d",
            "--name",
            name,
            "--network",
            net,
            &img,
            "sleep",
            "300",
        ])
        .run()
        .success();
    }
    ctx.hutch(["stop", "-t", "0", "base", "dep"])
        .run()
        .success();
    ctx.hutch(["rm", "base"]).run().code(125).stderr_has(&[
        "base has dependent containers",
        "dep",
        "--depend",
    ]);
    let names = |ctx: &TestContext| {
        ctx.hutch(["ps", "-a", "--format", "{{.Names}}"])
            .run()
            .success()
            .stdout
    };
    assert!(names(&ctx).contains("base"), "nothing was removed");
    ctx.hutch(["rm", "--depend", "base"]).run().success();
    assert_eq!(names(&ctx).trim(), "", "both are gone");
    // --force removes it and leaves the dependent.
    for (name, net) in [("base", "none"), ("dep", "container:base")] {
        ctx.hutch(["create", "--name", name, "--network", net, &img, "true"])
            .run()
            .success();
    }
    ctx.hutch(["rm", "-f", "base"]).run().success();
    assert_eq!(names(&ctx).trim(), "dep");
}
