//! Healthchecks run by the container's monitor: the `--health-*` flags and the image's
//! HEALTHCHECK, `ps` and `inspect` showing the state, `healthcheck run`, `wait --condition`,
//! `health_status` events only on changes, and `--health-on-failure`.

use crate::fixtures::busybox_layer;
use crate::harness::until;
use crate::oci::{push_image_with, Comp, Format, Spec};
use crate::pull;
use std::time::Duration;

use crate::busybox_context as setup;

#[test]
fn health_cmd_status_transitions_show_in_ps_inspect_and_events() {
    let (ctx, img) = setup("health-flags");
    // Healthy once /tmp/ok exists (after about 2 s); checks every 500 ms.
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "hc",
        "--health-cmd",
        "test -f /tmp/ok && echo fine",
    ])
    .args([
        "--health-interval",
        "500ms",
        "--health-retries",
        "2",
        "--health-timeout",
        "5s",
    ])
    .arg(&img)
    .args(["sh", "-c", "sleep 2; touch /tmp/ok; exec sleep 600"])
    .run()
    .success();
    let status = || {
        ctx.hutch(["ps", "--format", "{{.Status}}", "--filter", "name=hc"])
            .run()
            .success()
            .stdout_trim()
            .to_string()
    };
    assert!(
        status().contains("(starting)") || status().contains("(unhealthy)"),
        "{}",
        status()
    );
    ctx.hutch(["wait", "--condition", "healthy", "hc"])
        .timeout(Duration::from_secs(30))
        .run()
        .success();
    assert!(status().ends_with("(healthy)"), "{}", status());
    // `ps --filter health=` selects by that status, as podman's and Docker's.
    let by_health = |h: &str| {
        ctx.hutch(["ps", "--format", "{{.Names}}", "--filter"])
            .arg(format!("health={h}"))
            .run()
            .success()
            .stdout_trim()
            .to_string()
    };
    assert_eq!(by_health("healthy"), "hc");
    assert_eq!(by_health("unhealthy"), "");
    assert_eq!(by_health("none"), "");
    let health: serde_json::Value = serde_json::from_str(
        ctx.hutch(["inspect", "hc", "--format", "{{json .State.Health}}"])
            .run()
            .success()
            .stdout_trim(),
    )
    .unwrap();
    assert_eq!(health["Status"], "healthy");
    assert_eq!(health["FailingStreak"], 0);
    let log = health["Log"].as_array().unwrap();
    assert!(!log.is_empty() && log.len() <= 5, "{log:?}");
    assert_eq!(log.last().unwrap()["Output"], "fine\n");
    assert_eq!(log.last().unwrap()["ExitCode"], 0);

    // `healthcheck run` runs it now: 0 and "healthy", then 1 and "unhealthy" once broken.
    let run = ctx.hutch(["healthcheck", "run", "hc"]).run().success();
    assert_eq!(run.stdout_trim(), "healthy");
    ctx.hutch(["exec", "hc", "rm", "/tmp/ok"]).run().success();
    ctx.hutch(["healthcheck", "run", "hc"]).run().code(1);
    ctx.hutch(["wait", "--condition", "unhealthy", "hc"])
        .timeout(Duration::from_secs(30))
        .run()
        .success();
    // Many checks ran; events only mark changes (unhealthy while starting is possible first).
    let ev = ctx
        .hutch([
            "events",
            "--since",
            "5m",
            "--until",
            "0s",
            "--filter",
            "event=health_status",
        ])
        .arg("--format")
        .arg("{{.HealthStatus}}")
        .timeout(Duration::from_secs(20))
        .run()
        .success();
    let seq: Vec<&str> = ev
        .stdout
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert!(seq.ends_with(&["healthy", "unhealthy"]), "{seq:?}");
    for w in seq.windows(2) {
        assert_ne!(w[0], w[1], "an event only when the status changes: {seq:?}");
    }
    ctx.hutch(["rm", "-f", "-t", "0", "hc"]).run().success();

    // No healthcheck: `healthcheck run` says so.
    ctx.hutch(["run", "-d", "--name", "plain", &img, "sleep", "600"])
        .run()
        .success();
    ctx.hutch(["healthcheck", "run", "plain"])
        .run()
        .code(125)
        .stderr_has(&["no healthcheck"]);
    ctx.hutch(["rm", "-f", "-t", "0", "plain"]).run().success();
}

#[test]
fn image_healthcheck_applies_unless_disabled_and_on_failure_kills() {
    let (ctx, _) = setup("health-image");
    let (pushed, _) = push_image_with(
        "hutch-it/healthy",
        "latest",
        &Spec {
            format: Format::Docker,
            ..Spec::default()
        },
        vec![(busybox_layer().clone(), Comp::Gzip)],
        |cfg| {
            cfg["config"]["Healthcheck"] = serde_json::json!({
                "Test": ["CMD", "test", "-e", "/etc/passwd"],
                "Interval": 300_000_000u64,
                "Retries": 1
            });
        },
    );
    let img = pushed.plain();
    pull(&ctx, &img).success();
    ctx.hutch(["run", "-d", "--name", "fromimage", &img, "sleep", "600"])
        .run()
        .success();
    ctx.hutch(["wait", "--condition", "healthy", "fromimage"])
        .timeout(Duration::from_secs(30))
        .run()
        .success();
    let test = ctx
        .hutch([
            "inspect",
            "fromimage",
            "--format",
            "{{json .Config.Healthcheck.Test}}",
        ])
        .run()
        .success();
    assert_eq!(test.stdout_trim(), r#"["CMD","test","-e","/etc/passwd"]"#);

    ctx.hutch([
        "run",
        "-d",
        "--name",
        "off",
        "--no-healthcheck",
        &img,
        "sleep",
        "600",
    ])
    .run()
    .success();
    std::thread::sleep(Duration::from_millis(800));
    let st = ctx
        .hutch(["ps", "--format", "{{.Status}}", "--filter", "name=off"])
        .run()
        .success();
    assert!(!st.stdout.contains('('), "no health shown: {}", st.stdout);
    let none = ctx
        .hutch(["ps", "--format", "{{.Names}}", "--filter", "health=none"])
        .run()
        .success();
    assert_eq!(none.stdout_trim(), "off");

    // --health-on-failure=kill: the container dies once it turns unhealthy.
    ctx.hutch(["run", "-d", "--name", "killme", "--health-cmd", "false"])
        .args([
            "--health-interval",
            "300ms",
            "--health-retries",
            "1",
            "--health-on-failure",
            "kill",
        ])
        .args([&img, "sleep", "600"])
        .run()
        .success();
    until(
        "the unhealthy container to be killed",
        Duration::from_secs(30),
        || {
            ctx.hutch([
                "ps",
                "-a",
                "--format",
                "{{.State}}",
                "--filter",
                "name=killme",
            ])
            .run()
            .stdout
            .contains("exited")
        },
    );
    ctx.hutch(["rm", "-af", "-t", "0"]).run().success();

    // Bad values are refused up front.
    ctx.hutch(["create", "--health-interval", "soon", &img])
        .run()
        .code(125)
        .stderr_has(&["--health-interval"]);
    ctx.hutch(["create", "--health-on-failure", "explode", &img])
        .run()
        .code(125)
        .stderr_has(&["--health-on-failure"]);
}
