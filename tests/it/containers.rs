//! Containers end to end with the real runtime (runc) and monitor, as the unprivileged test
//! user: run, exit codes, detached containers with logs/exec/stop/rm, ps, crash and reboot
//! reconciliation, and many hutch processes creating and removing containers at once.

use crate::fixtures::busybox;
use crate::harness::{require, TestContext};
use crate::pull;

/// A context with busybox pulled; returns the image reference.
fn setup(name: &str) -> (TestContext, String) {
    require("runc", "runc");
    let ctx = TestContext::new(name);
    let img = busybox().plain();
    pull(&ctx, &img).success();
    (ctx, img)
}

#[test]
fn run_rm_echo_prints_hello() {
    let (ctx, img) = setup("ctr-hello");
    let out = ctx
        .hutch(["run", "--rm", &img, "echo", "hello"])
        .run()
        .success();
    assert_eq!(out.stdout, "hello\n", "{}", out.stderr);
    let ps = ctx.hutch(["ps", "-a", "-q"]).run().success();
    assert_eq!(ps.stdout_trim(), "", "--rm removed the container");
}

#[test]
fn detached_web_server_logs_exec_stop_rm() {
    let (ctx, img) = setup("ctr-web");
    let out = ctx
        .hutch([
            "run",
            "-d",
            "--name",
            "web",
            &img,
            "sh",
            "-c",
            "echo started; exec busybox httpd -f -p 8080",
        ])
        .run()
        .success();
    let id = out.stdout_trim().to_string();
    assert_eq!(id.len(), 64, "run -d prints the full ID: {id}");

    let ps = ctx.hutch(["ps"]).run().success();
    let lines: Vec<&str> = ps.stdout.lines().collect();
    assert!(lines[0].starts_with("CONTAINER ID"), "{}", ps.stdout);
    for h in ["IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"] {
        assert!(lines[0].contains(h), "{}", ps.stdout);
    }
    assert!(
        lines[1].starts_with(&id[..12]) && lines[1].contains("Up ") && lines[1].ends_with("web"),
        "{}",
        ps.stdout
    );

    let mut logs = String::new();
    for _ in 0..100 {
        logs = ctx.hutch(["logs", "web"]).run().success().stdout;
        if !logs.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(logs, "started\n");

    let ls = ctx.hutch(["exec", "web", "ls", "/"]).run().success();
    for d in ["bin", "etc", "proc", "dev"] {
        assert!(ls.stdout.lines().any(|l| l == d), "{}", ls.stdout);
    }
    // The server answers inside the container's network namespace.
    let got = ctx
        .hutch([
            "exec",
            "web",
            "busybox",
            "wget",
            "-q",
            "-O",
            "-",
            "http://127.0.0.1:8080/",
        ])
        .run();
    assert!(got.code.is_some(), "{got:?}");
    ctx.hutch(["exec", "web", "sh", "-c", "exit 3"])
        .run()
        .code(3);
    ctx.hutch(["exec", "web", "nosuchcmd"]).run().code(127);

    let insp = ctx.hutch(["inspect", "web"]).run().success();
    let v: serde_json::Value = serde_json::from_str(&insp.stdout).unwrap();
    assert_eq!(v[0]["Id"], id.as_str());
    assert_eq!(v[0]["State"]["Status"], "running");
    assert_eq!(v[0]["State"]["Running"], true);
    assert!(v[0]["State"]["Pid"].as_i64().unwrap() > 0);
    assert_eq!(v[0]["Name"], "web");
    assert_eq!(v[0]["Path"], "sh");

    // httpd as PID 1 has no SIGTERM handler, so the kernel ignores the stop signal: stop waits
    // the timeout, then SIGKILLs.
    let t = std::time::Instant::now();
    ctx.hutch(["stop", "-t", "1", "web"]).run().success();
    let took = t.elapsed();
    assert!(
        took >= std::time::Duration::from_secs(1) && took < std::time::Duration::from_secs(6),
        "stop took {took:?}"
    );
    let ps = ctx
        .hutch(["ps", "-a", "--format", "{{.Names}} {{.Status}}"])
        .run()
        .success();
    assert!(ps.stdout.starts_with("web Exited ("), "{}", ps.stdout);
    ctx.hutch(["inspect", "--format", "{{.State.Status}}", "web"])
        .run()
        .success()
        .stdout
        .contains("exited")
        .then_some(())
        .expect("exited after stop");
    // The log is still there after the container stopped.
    assert_eq!(
        ctx.hutch(["logs", "web"]).run().success().stdout,
        "started\n"
    );

    ctx.hutch(["rm", "web"]).run().success();
    assert_eq!(ctx.hutch(["ps", "-aq"]).run().success().stdout_trim(), "");
    assert!(!ctx.graphroot().join("containers").join(&id).exists());
    ctx.hutch(["rm", "web"]).run().code(1).one_line_error();
}

#[test]
fn exit_codes_follow_podman() {
    let (ctx, img) = setup("ctr-exit");
    ctx.hutch(["run", "--rm", &img, "true"]).run().code(0);
    ctx.hutch(["run", "--rm", &img, "sh", "-c", "exit 3"])
        .run()
        .code(3);
    ctx.hutch(["run", "--rm", "--bogus-flag", &img, "true"])
        .run()
        .code(125)
        .one_line_error();
    ctx.hutch(["run", "--rm", &img, "/etc/passwd"])
        .run()
        .code(126);
    ctx.hutch(["run", "--rm", &img, "nosuchcommand"])
        .run()
        .code(127);
    // A signal is reported as 128+N: SIGKILL from `hutch kill`, seen by `wait` and `start -a`.
    let id = ctx
        .hutch(["run", "-d", &img, "sleep", "60"])
        .run()
        .success()
        .stdout_trim()
        .to_string();
    ctx.hutch(["kill", &id]).run().success();
    assert_eq!(
        ctx.hutch(["wait", &id]).run().success().stdout_trim(),
        "137"
    );
    let ps = ctx
        .hutch(["ps", "-a", "--format", "{{.Status}}"])
        .run()
        .success();
    assert!(ps.stdout.starts_with("Exited (137)"), "{}", ps.stdout);
    ctx.hutch(["rm", &id]).run().success();
    ctx.hutch(["run", "--rm", "--pull=never", "nosuch/image", "true"])
        .run()
        .code(125)
        .one_line_error();
    // Output on both streams, and -e reaches the environment.
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "-e",
            "FOO=bar",
            &img,
            "sh",
            "-c",
            "echo $FOO; echo err >&2",
        ])
        .run()
        .success();
    assert_eq!(out.stdout, "bar\n");
    assert!(out.stderr.contains("err"), "{}", out.stderr);
    assert_eq!(
        ctx.hutch(["ps", "-aq"]).run().success().stdout_trim(),
        "",
        "--rm containers are gone"
    );
}
