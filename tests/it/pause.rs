//! `pause`/`unpause` where rootless containers have no freezer (cgroup v1): the processes are
//! stopped by signals, make no progress while paused and go on after unpause; `ps`, `inspect`
//! and events show it; `stop`, `rm -f` and `kill` still end a paused container.

use crate::harness::{until, TestContext};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::busybox_context as setup;

/// A directory the container's root can write into (it is the test user on the host).
fn shared_dir(ctx: &TestContext) -> PathBuf {
    let dir = ctx.dir.join("data");
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::chown(&dir, Some(ctx.user.uid), Some(ctx.user.gid)).unwrap();
    dir
}

fn size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

fn inspect(ctx: &TestContext, name: &str, format: &str) -> String {
    ctx.hutch(["inspect", name, "--format", format])
        .run()
        .success()
        .stdout_trim()
        .to_string()
}

#[test]
fn pause_stops_progress_and_unpause_resumes_it() {
    let (ctx, img) = setup("pause-progress");
    let data = shared_dir(&ctx);
    let file = data.join("f");
    ctx.hutch(["run", "-d", "--name", "p", "-v"])
        .arg(format!("{}:/data", data.display()))
        .arg(&img)
        // Output from a child process too, so more than the init must be stopped.
        .args([
            "sh",
            "-c",
            "(while :; do echo y >> /data/f; sleep 0.1; done) & \
             while :; do echo x >> /data/f; sleep 0.1; done",
        ])
        .run()
        .success();
    until("the container to write", Duration::from_secs(30), || {
        size(&file) > 0
    });

    ctx.hutch(["pause", "p"]).run().success();
    // Every process is stopped when pause returns: nothing more is written.
    let paused_at = size(&file);
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(size(&file), paused_at, "a paused container made progress");
    assert_eq!(
        inspect(&ctx, "p", "{{.State.Status}} {{.State.Paused}}"),
        "paused true"
    );
    let ps = ctx
        .hutch(["ps", "--format", "{{.Status}}", "--filter", "name=p"])
        .run()
        .success();
    assert_eq!(ps.stdout_trim(), "Paused");
    // Pausing again, or unpausing a running one: podman's error and 125.
    ctx.hutch(["pause", "p"])
        .run()
        .code(125)
        .stderr_has(&["container state improper"])
        .one_line_error();

    ctx.hutch(["unpause", "p"]).run().success();
    until("writes after unpause", Duration::from_secs(30), || {
        size(&file) > paused_at
    });
    assert_eq!(inspect(&ctx, "p", "{{.State.Status}}"), "running");
    ctx.hutch(["unpause", "p"])
        .run()
        .code(125)
        .stderr_has(&["container state improper"]);

    let ev = ctx
        .hutch(["events", "--since", "5m", "--until", "0s"])
        .args(["--filter", "container=p", "--format", "{{.Status}}"])
        .timeout(Duration::from_secs(20))
        .run()
        .success();
    let actions: Vec<&str> = ev
        .stdout
        .lines()
        .map(str::trim)
        .filter(|l| *l == "pause" || *l == "unpause")
        .collect();
    assert_eq!(actions, ["pause", "unpause"], "{}", ev.stdout);
    ctx.hutch(["rm", "-f", "-t", "0", "p"]).run().success();
}

#[test]
fn paused_containers_still_stop_and_are_removed_and_killed() {
    let (ctx, img) = setup("pause-stop");
    // The stop signal ends it with code 3 only if its shell runs again after the signal.
    let trapping = [
        "sh",
        "-c",
        "trap 'exit 3' TERM; while :; do sleep 0.1; done",
    ];
    for name in ["s", "r", "k"] {
        ctx.hutch(["run", "-d", "--name", name, &img])
            .args(trapping)
            .run()
            .success();
        ctx.hutch(["pause", name]).run().success();
    }
    ctx.hutch(["stop", "-t", "60", "s"])
        .timeout(Duration::from_secs(90))
        .run()
        .success();
    assert_eq!(
        inspect(&ctx, "s", "{{.State.Status}} {{.State.ExitCode}}"),
        "exited 3"
    );
    ctx.hutch(["rm", "-f", "-t", "60", "r"])
        .timeout(Duration::from_secs(90))
        .run()
        .success();
    ctx.hutch(["container", "exists", "r"]).run().code(1);
    // SIGKILL needs no continuing.
    ctx.hutch(["kill", "k"]).run().success();
    ctx.hutch(["wait", "k"])
        .timeout(Duration::from_secs(30))
        .run()
        .success();
    assert_eq!(inspect(&ctx, "k", "{{.State.Status}}"), "exited");

    // Not running: podman's error and code.
    ctx.hutch(["create", "--name", "c", &img, "true"])
        .run()
        .success();
    ctx.hutch(["pause", "c"])
        .run()
        .code(125)
        .stderr_has(&["c", "container state improper"])
        .one_line_error();
    ctx.hutch(["pause", "s"])
        .run()
        .code(125)
        .stderr_has(&["container state improper"]);
    ctx.hutch(["rm", "-f", "s", "k", "c"]).run().success();
}
