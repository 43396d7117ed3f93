//! Restart policies, applied without a daemon by the monitor's exit command: on-failure with a
//! maximum, always until the user stops it, Docker's back-off, RestartCount, `restart` events.

use crate::fixtures::busybox;
use crate::harness::{require, until, TestContext};
use crate::pull;
use std::time::Duration;

fn inspect(ctx: &TestContext, name: &str, field: &str) -> String {
    ctx.hutch(["inspect", name, "--format", field])
        .run()
        .success()
        .stdout_trim()
        .to_string()
}

#[test]
fn restart_policies_follow_docker() {
    require("runc", "runc");
    let ctx = TestContext::new("restart-policies");
    let img = busybox().plain();
    pull(&ctx, &img).success();

    // on-failure:2 restarts a failing command twice, then leaves it exited.
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "fails",
        "--restart",
        "on-failure:2",
        &img,
    ])
    .args(["sh", "-c", "echo ran; exit 3"])
    .run()
    .success();
    until("two restarts", Duration::from_secs(30), || {
        inspect(&ctx, "fails", "{{.RestartCount}}") == "2"
    });
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(
        inspect(
            &ctx,
            "fails",
            "{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}"
        ),
        "2 exited 3"
    );
    let logs = ctx.hutch(["logs", "fails"]).run().success();
    assert_eq!(logs.stdout.matches("ran").count(), 3, "{}", logs.stdout);

    // on-failure leaves a clean exit alone.
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "clean",
        "--restart",
        "on-failure",
        &img,
        "true",
    ])
    .run()
    .success();
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(inspect(&ctx, "clean", "{{.RestartCount}}"), "0");

    // always restarts a clean exit, with a growing delay, until the user stops it.
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "loop",
        "--restart",
        "always",
        &img,
        "sh",
        "-c",
        "sleep 0.2",
    ])
    .run()
    .success();
    until("restarts", Duration::from_secs(30), || {
        inspect(&ctx, "loop", "{{.RestartCount}}")
            .parse::<u32>()
            .unwrap_or(0)
            >= 3
    });
    ctx.hutch(["stop", "-t", "1", "loop"]).run().success();
    let after_stop = inspect(&ctx, "loop", "{{.RestartCount}}");
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(
        inspect(&ctx, "loop", "{{.RestartCount}} {{.State.Status}}"),
        format!("{after_stop} exited")
    );
    let ev = ctx
        .hutch([
            "events",
            "--since",
            "5m",
            "--until",
            "0s",
            "--filter",
            "event=restart",
        ])
        .arg("--filter")
        .arg("container=fails")
        .timeout(Duration::from_secs(20))
        .run()
        .success();
    assert_eq!(ev.stdout.lines().count(), 2, "{}", ev.stdout);

    // A start by the user puts the policy back in force.
    ctx.hutch(["start", "loop"]).run().success();
    let n: u32 = after_stop.parse().unwrap();
    until(
        "restarts after a user start",
        Duration::from_secs(30),
        || {
            inspect(&ctx, "loop", "{{.RestartCount}}")
                .parse::<u32>()
                .unwrap_or(0)
                > n
        },
    );
    ctx.hutch(["rm", "-f", "-t", "0", "loop"]).run().success();

    ctx.hutch(["run", "--rm", "--restart", "always", &img, "true"])
        .run()
        .code(125)
        .stderr_has(&["--restart", "--rm"]);
    ctx.hutch(["create", "--restart", "sometimes", &img])
        .run()
        .code(125)
        .stderr_has(&["--restart"]);
}
