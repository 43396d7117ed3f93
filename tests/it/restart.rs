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

/// The seconds since the epoch of each `restart` event of container `name`.
fn restart_times(ctx: &TestContext, name: &str) -> Vec<f64> {
    let ev = ctx
        .hutch([
            "events",
            "--since",
            "5m",
            "--until",
            "0s",
            "--format",
            "{{.timeNano}}",
        ])
        .args(["--filter", "event=restart", "--filter"])
        .arg(format!("container={name}"))
        .timeout(Duration::from_secs(20))
        .run()
        .success();
    ev.stdout
        .lines()
        .filter_map(|l| l.trim().parse::<f64>().ok())
        .map(|ns| ns / 1e9)
        .collect()
}

/// unless-stopped, a process killed by a signal, the back-off's growing delays (lower bounds
/// only), and a pending restart whose waiting process is killed: the container stays exited
/// and consistent, and `start --all --filter restart-policy=...` brings it back.
#[test]
fn restart_after_kills_back_off_and_a_lost_pending_restart() {
    require("runc", "runc");
    let ctx = TestContext::new("restart-kills");
    let img = busybox().plain();
    pull(&ctx, &img).success();

    // A process killed by SIGKILL (137) is a failure: on-failure restarts it. (--init: a
    // container's PID 1 cannot be killed from inside.)
    ctx.hutch([
        "run",
        "-d",
        "--init",
        "--name",
        "killed",
        "--restart",
        "on-failure:1",
        &img,
    ])
    .args(["sh", "-c", "echo up; kill -KILL $$"])
    .run()
    .success();
    until(
        "the restart of a killed process",
        Duration::from_secs(30),
        || {
            let s = inspect(
                &ctx,
                "killed",
                "{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}",
            );
            s == "1 exited 137"
        },
    );
    assert_eq!(inspect(&ctx, "killed", "{{.State.ExitCode}}"), "137");

    // unless-stopped restarts clean exits, and a stop by the user ends it.
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "us",
        "--restart",
        "unless-stopped",
        &img,
    ])
    .args(["sh", "-c", "sleep 0.3"])
    .run()
    .success();
    until("unless-stopped restarts", Duration::from_secs(30), || {
        inspect(&ctx, "us", "{{.RestartCount}}")
            .parse::<u32>()
            .unwrap_or(0)
            >= 4
    });
    // Back-off: 100, 200, 400 ms at least between the restarts (each run lasts 0.3 s too).
    let t = restart_times(&ctx, "us");
    assert!(t.len() >= 4, "{t:?}");
    for (i, min) in [(1, 0.2 + 0.3), (2, 0.4 + 0.3), (3, 0.8 + 0.3)] {
        let gap = t[i] - t[i - 1];
        assert!(
            gap >= min * 0.9,
            "restart {i} came {gap:.2}s after the one before: {t:?}"
        );
    }
    // A stop by the user, whether it finds the container running or waiting out a back-off,
    // ends the policy.
    ctx.hutch(["stop", "-t", "0", "us"]).run().success();
    let n = inspect(&ctx, "us", "{{.RestartCount}}");
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(
        inspect(&ctx, "us", "{{.RestartCount}} {{.State.Status}}"),
        format!("{n} exited")
    );

    // A pending restart (the exit command waiting out the back-off) whose process is killed.
    ctx.hutch(["run", "-d", "--name", "pend", "--restart", "always", &img])
        .args(["sh", "-c", "sleep 0.2; exit 1"])
        .run()
        .success();
    let id = inspect(&ctx, "pend", "{{.Id}}");
    until("a long back-off", Duration::from_secs(60), || {
        inspect(&ctx, "pend", "{{.RestartCount}}")
            .parse::<u32>()
            .unwrap_or(0)
            >= 4
    });
    // From now each back-off is 1.6 s or more: catch the waiting exit command.
    let mut killed = false;
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while !killed && std::time::Instant::now() < deadline {
        let ps = ctx
            .command("pgrep")
            .args(["-f", &format!("container cleanup {id}")])
            .run();
        let exited = inspect(&ctx, "pend", "{{.State.Status}}") == "exited";
        if let (true, Some(pid)) = (exited, ps.stdout.lines().next()) {
            killed = ctx.command("kill").args(["-9", pid.trim()]).run().code == Some(0);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(killed, "never saw the exit command wait out a back-off");
    let n: u32 = inspect(&ctx, "pend", "{{.RestartCount}}").parse().unwrap();
    std::thread::sleep(Duration::from_secs(4));
    assert_eq!(
        inspect(
            &ctx,
            "pend",
            "{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}"
        ),
        format!("{n} exited 1"),
        "the lost restart leaves the container exited, its exit recorded"
    );
    ctx.hutch(["ps", "-a"]).run().success();
    // What hutch-restart.service runs at login brings it back.
    ctx.hutch(["start", "--all", "--filter", "restart-policy=always"])
        .run()
        .success();
    until("pend restarted", Duration::from_secs(30), || {
        inspect(&ctx, "pend", "{{.RestartCount}}")
            .parse::<u32>()
            .unwrap_or(0)
            > n
    });
    ctx.hutch(["rm", "-f", "-t", "0", "pend", "us", "killed"])
        .run()
        .success();
}
