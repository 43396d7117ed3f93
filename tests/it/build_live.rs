//! `hutch build` while it runs: the live view on a terminal (under a real pty from
//! `script`), independent stages running at the same time, and Ctrl-C in the middle of a RUN.

use crate::busybox_context;
use crate::harness::{hutch_bin, until, TestContext};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn context(ctx: &TestContext, name: &str, dockerfile: &str) -> PathBuf {
    let dir = ctx.dir.join(name);
    ctx.write_file(&dir.join("Dockerfile"), dockerfile);
    dir
}

fn image_id(ctx: &TestContext, name: &str) -> String {
    ctx.hutch(["image", "inspect", "--format", "{{.Id}}", name])
        .run()
        .success()
        .stdout_trim()
        .trim_start_matches("sha256:")
        .to_string()
}

#[test]
fn build_on_a_terminal_shows_a_live_view_and_finishes() {
    harness_require_script();
    let (ctx, img) = busybox_context("build-tty");
    let dir = context(
        &ctx,
        "tty",
        &format!(
            "FROM {img}\n\
             RUN for i in 1 2 3; do echo tty-line-$i; sleep 1; done\n\
             ENV DONE=yes\n"
        ),
    );
    let cmdline = format!(
        "{} build -t ttyimg {}",
        hutch_bin().display(),
        dir.display()
    );
    let out = ctx
        .command("script")
        .args(["-qefc", &cmdline, "/dev/null"])
        .run()
        .success();
    // Drawn in place (cursor movement), each step left as a line, the RUN's output shown.
    assert!(out.stdout.contains("\x1b["), "{:?}", out.stdout);
    assert!(out.stdout.contains("STEP 1/3: FROM"), "{}", out.stdout);
    assert!(out.stdout.contains("STEP 2/3: RUN for i"), "{}", out.stdout);
    assert!(
        out.stdout.contains("STEP 3/3: ENV DONE=yes"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("tty-line-"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("Successfully tagged localhost/ttyimg:latest"),
        "{}",
        out.stdout
    );
    let id = image_id(&ctx, "ttyimg");
    assert!(out.stdout.contains(&id), "{}", out.stdout);
    // On a pipe, the same build prints podman's plain lines without escapes.
    let plain = ctx
        .hutch(["build", "-t", "ttyimg"])
        .arg(&dir)
        .run()
        .success();
    assert!(!plain.stdout.contains('\x1b'), "{:?}", plain.stdout);
    assert!(plain.stdout.contains("--> Using cache"), "{}", plain.stdout);
    // A failing RUN on a terminal still shows its output and fails.
    let bad = context(
        &ctx,
        "tty-bad",
        &format!("FROM {img}\nRUN echo why-it-failed; exit 7\n"),
    );
    let cmdline = format!(
        "{} build -t ttybad {}",
        hutch_bin().display(),
        bad.display()
    );
    let out = ctx
        .command("script")
        .args(["-qefc", &cmdline, "/dev/null"])
        .run()
        .code(7);
    assert!(out.stdout.contains("why-it-failed"), "{}", out.stdout);
}

fn harness_require_script() {
    crate::harness::require("script", "bsdutils");
}

#[test]
fn build_independent_stages_run_at_the_same_time() {
    // Each stage's RUN waits (at most 60 s) for the marker the other one writes into the
    // shared bind mount: run one after the other, the first would give up and fail.
    let (ctx, img) = busybox_context("build-parallel");
    let shared = ctx.dir.join("shared");
    ctx.write_file(&shared.join(".keep"), "");
    let wait_for = |me: &str, other: &str| {
        format!(
            "RUN touch /shared/{me} && i=0; while [ ! -e /shared/{other} ]; do \
             i=$((i+1)); if [ $i -gt 60 ]; then echo no {other} after 60s; exit 3; fi; sleep 1; done; \
             echo {me} saw {other} > /{me}.txt"
        )
    };
    let dir = context(
        &ctx,
        "parallel",
        &format!(
            "FROM {img} AS a\n{}\n\
             FROM {img} AS b\n{}\n\
             FROM {img}\n\
             COPY --from=a /a.txt /a.txt\n\
             COPY --from=b /b.txt /b.txt\n\
             CMD [\"cat\", \"/a.txt\", \"/b.txt\"]\n",
            wait_for("a", "b"),
            wait_for("b", "a")
        ),
    );
    let out = ctx
        .hutch([
            "build",
            "-v",
            &format!("{}:/shared", shared.display()),
            "-t",
            "par",
        ])
        .arg(&dir)
        .timeout(Duration::from_secs(240))
        .run()
        .success();
    assert!(
        !out.stdout.lines().any(|l| l.ends_with("after 60s")),
        "{}",
        out.stdout
    );
    let run = ctx
        .hutch(["run", "--rm", "--network", "none", "par"])
        .run()
        .success();
    assert_eq!(run.stdout, "a saw b\nb saw a\n");
}

/// The mounts of this context's storage in the user namespace's mount namespace (held by
/// the pause process).
fn storage_mounts(ctx: &TestContext) -> BTreeSet<String> {
    let pid = std::fs::read_to_string(ctx.runroot().join("pause.pid"))
        .expect("the pause process's pid file (hutch keeps the user namespace in it)");
    let mounts = std::fs::read_to_string(format!("/proc/{}/mounts", pid.trim()))
        .expect("the pause process's mounts");
    let here = ctx.dir.display().to_string();
    mounts
        .lines()
        .filter(|l| l.contains(&here))
        .map(String::from)
        .collect()
}

fn interrupt(pid: u32) {
    let st = std::process::Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .expect("kill");
    assert!(st.success());
}

#[test]
fn build_interrupted_during_a_run_exits_130_and_leaves_nothing_behind() {
    let (ctx, img) = busybox_context("build-interrupt");
    let mark = ctx.dir.join("imark");
    ctx.write_file(&mark.join(".keep"), "");
    let dir = context(
        &ctx,
        "interrupt",
        &format!(
            "FROM {img}\n\
             RUN echo first > /first\n\
             RUN touch /mark/started && sleep 600\n"
        ),
    );
    let before = storage_mounts(&ctx);
    let mut build = ctx
        .hutch([
            "build",
            "-v",
            &format!("{}:/mark", mark.display()),
            "-t",
            "interrupted",
        ])
        .arg(&dir)
        .timeout(Duration::from_secs(180))
        .spawn();
    until("the long RUN to start", Duration::from_secs(120), || {
        mark.join("started").exists() || !build.alive()
    });
    assert!(build.alive(), "the build ended before its long RUN");
    interrupt(build.pid());
    let out = build.wait();
    assert_eq!(out.code, Some(130), "{out:?}");
    // Nothing tagged, no build container (hidden ones included), no mount left.
    let images = ctx
        .hutch(["images", "--format", "{{.Repository}}"])
        .run()
        .success();
    assert!(!images.stdout.contains("interrupted"), "{}", images.stdout);
    let ps = ctx.hutch(["ps", "-a", "--external", "-q"]).run().success();
    assert_eq!(ps.stdout_trim(), "", "build containers left");
    let after = storage_mounts(&ctx);
    let left: Vec<&String> = after.difference(&before).collect();
    assert!(left.is_empty(), "mounts left behind: {left:#?}");
    assert!(
        !has_dirs(&ctx.runroot().join("build-secrets")),
        "secret scratch left"
    );
    // The next build works (and reuses the step before the interrupted one).
    let next = context(
        &ctx,
        "next",
        &format!("FROM {img}\nRUN echo first > /first\nRUN echo after > /after\n"),
    );
    let out = ctx
        .hutch(["build", "-t", "after-interrupt"])
        .arg(&next)
        .run()
        .success();
    assert!(out.stdout.contains("--> Using cache"), "{}", out.stdout);
    let run = ctx
        .hutch([
            "run",
            "--rm",
            "--network",
            "none",
            "after-interrupt",
            "cat",
            "/first",
            "/after",
        ])
        .run()
        .success();
    assert_eq!(run.stdout, "first\nafter\n");
}

fn has_dirs(p: &Path) -> bool {
    std::fs::read_dir(p).is_ok_and(|mut rd| rd.next().is_some())
}
