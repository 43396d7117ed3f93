//! `hutch stats`: figures that move with what the container does (CPU burnt, memory held,
//! processes started), `--format json` and templates, streaming tables, `--all`, and podman's
//! error for a container that is not running.

use crate::harness::{hutch_bin, until, TestContext};
use serde_json::Value;
use std::time::Duration;

use crate::busybox_context as setup;

/// `stats --no-stream --format json NAME`'s one entry.
fn stats_json(ctx: &TestContext, name: &str) -> Value {
    let out = ctx
        .hutch(["stats", "--no-stream", "--format", "json", name])
        .run()
        .success();
    let v: Value = serde_json::from_str(&out.stdout).unwrap_or_else(|e| {
        panic!("stats --format json is not JSON ({e}):\n{}", out.stdout);
    });
    let list = v.as_array().expect("a JSON array");
    assert_eq!(list.len(), 1, "{v}");
    list[0].clone()
}

fn num(v: &Value, key: &str) -> f64 {
    v[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number: {v}"))
}

#[test]
fn stats_figures_move_with_cpu_memory_and_processes() {
    let (ctx, img) = setup("stats-figures");
    ctx.hutch(["run", "-d", "--name", "idle", &img, "sleep", "600"])
        .run()
        .success();
    ctx.hutch(["run", "-d", "--name", "busy", &img])
        .args(["sh", "-c", "while :; do :; done"])
        .run()
        .success();
    // The shell keeps a 50 MB string in a variable.
    ctx.hutch(["run", "-d", "--name", "big", &img])
        .args([
            "sh",
            "-c",
            "x=$(head -c 50000000 /dev/zero | tr '\\0' a); touch /tmp/ready; sleep 600; echo ${#x}",
        ])
        .run()
        .success();
    ctx.hutch(["run", "-d", "--name", "pids", &img])
        .args(["sh", "-c", "sleep 600 & sleep 600 & wait"])
        .run()
        .success();
    until(
        "the memory hog to fill its variable",
        Duration::from_secs(60),
        || {
            ctx.hutch(["exec", "big", "test", "-f", "/tmp/ready"])
                .run()
                .code
                == Some(0)
        },
    );

    let busy = stats_json(&ctx, "busy");
    assert!(num(&busy, "CPU") > 10.0, "a busy loop uses CPU: {busy}");
    assert!(num(&busy, "CPUNano") > 0.0, "{busy}");
    assert_eq!(busy["Name"], "busy");
    assert_eq!(
        busy["Source"], "proc",
        "cgroup v1 rootless: figures from /proc"
    );

    let idle = stats_json(&ctx, "idle");
    let big = stats_json(&ctx, "big");
    assert!(num(&idle, "MemUsage") > 0.0, "{idle}");
    assert!(num(&idle, "MemLimit") > 0.0, "{idle}");
    assert!(
        num(&big, "MemUsage") > num(&idle, "MemUsage") + 40e6,
        "50 MB held shows: big {big}\nidle {idle}"
    );
    assert!(
        num(&big, "MemPerc") > num(&idle, "MemPerc"),
        "{big}\n{idle}"
    );
    assert_eq!(num(&idle, "PIDs"), 1.0, "{idle}");

    // A template over the rows: podman's names, PIDs a number.
    let out = ctx
        .hutch([
            "stats",
            "--no-stream",
            "--format",
            "{{.Name}} {{.PIDs}}",
            "pids",
        ])
        .run()
        .success();
    assert_eq!(out.stdout_trim(), "pids 3");

    // Without names: every running container, podman's default table.
    let out = ctx.hutch(["stats", "--no-stream"]).run().success();
    let lines: Vec<&str> = out.stdout.lines().collect();
    for col in [
        "ID",
        "NAME",
        "CPU %",
        "MEM USAGE / LIMIT",
        "MEM %",
        "NET IO",
        "BLOCK IO",
        "PIDS",
        "CPU TIME",
        "AVG CPU %",
    ] {
        assert!(lines[0].contains(col), "header lacks {col}: {}", lines[0]);
    }
    assert_eq!(lines.len(), 5, "{}", out.stdout);
    let busy_line = lines.iter().find(|l| l.contains(" busy ")).unwrap();
    assert!(busy_line.contains('%'), "{busy_line}");
    // IDs are cut to 12 characters unless --no-trunc.
    let id = busy_line.split_whitespace().next().unwrap();
    assert_eq!(id.len(), 12, "{busy_line}");
    let out = ctx
        .hutch([
            "stats",
            "--no-stream",
            "--no-trunc",
            "--format",
            "{{.ID}}",
            "busy",
        ])
        .run()
        .success();
    assert_eq!(out.stdout_trim().len(), 64, "{}", out.stdout);

    ctx.hutch(["rm", "-f", "-t", "0", "idle", "busy", "big", "pids"])
        .run()
        .success();
}

#[test]
fn stats_streams_tables_and_refuses_stopped_containers() {
    let (ctx, img) = setup("stats-stream");
    ctx.hutch(["run", "-d", "--name", "s1", &img, "sleep", "600"])
        .run()
        .success();
    ctx.hutch(["create", "--name", "never", &img, "true"])
        .run()
        .success();

    // Not a terminal: successive tables, one per interval, until stopped.
    let file = ctx.dir.join("stream.out");
    let mut stream = ctx
        .command("sh")
        .args([
            "-c",
            &format!(
                "exec {} stats -i 1 --format 'table {{{{.Name}}}} {{{{.PIDS}}}}' s1 > {}",
                hutch_bin().display(),
                file.display()
            ),
        ])
        .timeout(Duration::from_secs(120))
        .spawn();
    let tables = || {
        std::fs::read_to_string(&file)
            .unwrap_or_default()
            .lines()
            .filter(|l| l.starts_with("NAME"))
            .count()
    };
    until("three tables", Duration::from_secs(60), || tables() >= 3);
    stream.kill9();
    let _ = stream.wait();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        !text.contains('\x1b'),
        "no screen clearing into a file: {text:?}"
    );
    assert!(text.lines().any(|l| l.trim() == "s1 1"), "{text}");

    // On a terminal: the screen is cleared before each table, as podman does.
    let tty = ctx
        .command("script")
        .args([
            "-q",
            "-e",
            "-c",
            &format!("timeout -s INT 8 {} stats -i 1 s1", hutch_bin().display()),
            "/dev/null",
        ])
        .timeout(Duration::from_secs(60))
        .run();
    assert!(
        tty.stdout.contains("\x1b[2J") && tty.stdout.contains("NAME"),
        "{:?}",
        tty.stdout
    );

    // A container that is not running, named: podman's error and 125.
    ctx.hutch(["stats", "--no-stream", "never"])
        .run()
        .code(125)
        .stderr_has(&["never", "container state improper"])
        .one_line_error();
    // --all lists it without figures.
    let out = ctx
        .hutch([
            "stats",
            "--no-stream",
            "-a",
            "--format",
            "{{.Name}} {{.PIDS}} {{.CPUPerc}}",
        ])
        .run()
        .success();
    let mut lines: Vec<&str> = out.stdout.lines().map(str::trim).collect();
    lines.sort();
    assert_eq!(lines.len(), 2, "{}", out.stdout);
    assert_eq!(lines[0], "never -- --");
    assert!(lines[1].starts_with("s1 1 "), "{}", out.stdout);
    // Without --all only the running one.
    let out = ctx
        .hutch(["stats", "--no-stream", "--format", "{{.Name}}"])
        .run()
        .success();
    assert_eq!(out.stdout_trim(), "s1");
    ctx.hutch(["rm", "-f", "-t", "0", "s1", "never"])
        .run()
        .success();
}
