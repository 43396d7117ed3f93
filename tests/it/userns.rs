//! The rootless user namespace: the pause process that keeps it between commands (one per
//! runroot, even when many commands start at once; recreated after `kill -9`), `hutch unshare`'s
//! exit codes, mount isolation, and users with no subordinate id range.

use crate::harness::{missing, session, test_user, TestContext, TestUser};
use std::path::Path;
use std::time::{Duration, Instant};

/// Pids of live `hutch-pause` processes started for this context.
fn pause_pids(ctx: &TestContext) -> Vec<u32> {
    let marker = format!("HUTCH_IT_CTX={}", ctx.dir.display());
    let mut pids = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if !alive(pid) || comm(pid).as_deref() != Some("hutch-pause") {
            continue;
        }
        if let Ok(env) = std::fs::read(e.path().join("environ")) {
            if env.split(|b| *b == 0).any(|v| v == marker.as_bytes()) {
                pids.push(pid);
            }
        }
    }
    pids
}

fn comm(pid: u32) -> Option<String> {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .ok()
        .map(|s| s.trim().to_string())
}

/// Running or sleeping, not gone and not a zombie.
fn alive(pid: u32) -> bool {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return false;
    };
    let state = stat
        .rfind(')')
        .and_then(|i| stat[i + 1..].split_whitespace().next())
        .unwrap_or("");
    !matches!(state, "Z" | "X" | "")
}

fn pause_pid_file(ctx: &TestContext) -> u32 {
    let path = ctx.runroot().join("pause.pid");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} should exist after `hutch unshare`: {e}", path.display()));
    text.trim()
        .parse()
        .unwrap_or_else(|e| panic!("{}: {text:?}: {e}", path.display()))
}

fn user_ns(ctx: &TestContext) -> String {
    ctx.hutch([
        "unshare",
        "readlink",
        "/proc/self/ns/user",
        "/proc/self/ns/mnt",
    ])
    .run()
    .success()
    .stdout
}

fn kill9_and_wait(pid: u32) {
    let st = std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(st.success(), "kill -9 {pid} failed");
    let start = Instant::now();
    while alive(pid) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "pause process {pid} still alive 10 s after kill -9"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn pause_process_is_detached_named_and_reused() {
    let ctx = TestContext::new("userns-pause");
    let first = user_ns(&ctx);
    let pid = pause_pid_file(&ctx);
    assert_eq!(comm(pid).as_deref(), Some("hutch-pause"));
    assert_eq!(pause_pids(&ctx), vec![pid], "exactly one pause process");

    // Not the CLI's child: re-parented after the double fork, in a session of its own.
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..]
        .split_whitespace()
        .collect();
    let (ppid, sid): (u32, u32) = (fields[1].parse().unwrap(), fields[3].parse().unwrap());
    assert_ne!(ppid, std::process::id());
    assert_ne!(sid, std::process::id());
    // Nothing inherited stays open (a lock fd kept open would block every later command).
    let fds: Vec<String> = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        fds.iter().all(|f| ["0", "1", "2"].contains(&f.as_str())),
        "pause process keeps fds {fds:?} open"
    );
    assert_eq!(
        std::fs::read_link(format!("/proc/{pid}/cwd")).unwrap(),
        Path::new("/")
    );

    // Its namespaces are not ours, and later commands join the same ones.
    let own = std::fs::read_link("/proc/self/ns/user").unwrap();
    assert!(!first.contains(&own.display().to_string()), "{first}");
    assert_eq!(user_ns(&ctx), first);
    assert_eq!(pause_pid_file(&ctx), pid);
    assert_eq!(pause_pids(&ctx), vec![pid]);

    // The working directory survives joining the mount namespace.
    let out = ctx.hutch(["unshare", "pwd"]).run().success();
    assert_eq!(out.stdout.trim(), ctx.dir.display().to_string());
}

#[test]
fn killed_pause_process_is_recreated_transparently() {
    let ctx = TestContext::new("userns-kill");
    let before = user_ns(&ctx);
    let old = pause_pid_file(&ctx);
    kill9_and_wait(old);
    let out = ctx.hutch(["unshare", "id", "-u"]).run().success();
    assert_eq!(out.stdout.trim(), "0");
    assert!(
        !out.stderr.contains("Error"),
        "recovery should be silent: {}",
        out.stderr
    );
    let new = pause_pid_file(&ctx);
    assert_ne!(new, old);
    assert_eq!(pause_pids(&ctx), vec![new]);
    let after = user_ns(&ctx);
    assert_ne!(after, before, "a new namespace replaces the dead one");
    assert_eq!(user_ns(&ctx), after);
}

#[test]
fn concurrent_first_commands_create_one_pause_process() {
    let ctx = TestContext::new("userns-concurrent");
    let check = |round: &str| {
        let mut running: Vec<_> = (0..20)
            .map(|_| {
                ctx.hutch(["unshare", "readlink", "/proc/self/ns/user"])
                    .spawn()
            })
            .collect();
        let outs: Vec<_> = running.drain(..).map(|r| r.wait().success()).collect();
        let first = &outs[0].stdout;
        for o in &outs {
            assert_eq!(
                &o.stdout, first,
                "{round}: every command joins one namespace"
            );
        }
        let pids = pause_pids(&ctx);
        assert_eq!(pids.len(), 1, "{round}: one pause process, found {pids:?}");
        assert_eq!(pids[0], pause_pid_file(&ctx));
    };
    check("fresh runroot");
    kill9_and_wait(pause_pid_file(&ctx));
    check("after kill -9");
}

#[test]
fn unshare_exec_errors_use_podman_codes() {
    let ctx = TestContext::new("userns-exec");
    ctx.hutch(["unshare", "hutch-no-such-command"])
        .run()
        .code(127)
        .one_line_error()
        .stderr_has(&["hutch-no-such-command", "not found"]);
    ctx.hutch(["unshare", "/no/such/file"])
        .run()
        .code(127)
        .one_line_error()
        .stderr_has(&["/no/such/file"]);
    // Exists but is not executable.
    let plain = ctx.dir.join("not-executable");
    ctx.write_file(&plain, "echo should not run\n");
    let plain = plain.display().to_string();
    ctx.hutch(["unshare", &plain])
        .run()
        .code(126)
        .one_line_error()
        .stderr_has(&[&plain, "permission denied"]);
    ctx.hutch(["unshare", "sh", "-c", "exit 42"]).run().code(42);
    // The default command is $SHELL.
    let mut cmd = ctx.hutch(["unshare"]);
    cmd.env("SHELL", "/bin/true");
    cmd.run().success();
    let out = ctx
        .hutch([
            "unshare",
            "sh",
            "-c",
            "echo $HUTCH_GRAPHROOT $HUTCH_RUNROOT",
        ])
        .run()
        .success();
    assert_eq!(
        out.stdout.trim(),
        format!("{} {}", ctx.graphroot().display(), ctx.runroot().display())
    );
}

#[test]
fn mounts_stay_in_the_namespace_and_persist_between_commands() {
    let ctx = TestContext::new("userns-mount");
    let target = ctx.dir.join("mnt");
    std::fs::create_dir_all(&target).unwrap();
    if test_user().switch {
        std::os::unix::fs::lchown(&target, Some(test_user().uid), Some(test_user().gid)).unwrap();
    }
    let t = target.display().to_string();
    ctx.hutch(["unshare", "mount", "-t", "tmpfs", "tmpfs", &t])
        .run()
        .success();
    ctx.hutch(["unshare", "sh", "-c", &format!("echo hi > {t}/file")])
        .run()
        .success();
    let out = ctx
        .hutch(["unshare", "cat", &format!("{t}/file")])
        .run()
        .success();
    assert_eq!(out.stdout.trim(), "hi", "the mount outlives the command");
    let host = std::fs::read_to_string("/proc/self/mountinfo").unwrap();
    assert!(
        !host.contains(&format!(" {t} ")),
        "a mount made inside the namespace leaked to the host"
    );
    assert!(!target.join("file").exists());
    ctx.hutch(["unshare", "umount", &t]).run().success();
}

#[test]
fn nested_hutch_uses_the_same_storage_and_namespace() {
    let ctx = TestContext::new("userns-nested");
    let outer = user_ns(&ctx);
    let out = ctx
        .hutch(["unshare", "sh", "-c"])
        .arg(format!(
            "{} unshare sh -c 'readlink /proc/self/ns/user /proc/self/ns/mnt; echo $HUTCH_GRAPHROOT'",
            crate::harness::hutch_bin().display()
        ))
        .run()
        .success();
    let mut lines = out.stdout.lines();
    let ns: String = lines.by_ref().take(2).map(|l| format!("{l}\n")).collect();
    assert_eq!(ns, outer);
    assert_eq!(
        lines.next().unwrap_or(""),
        ctx.graphroot().display().to_string()
    );
}

/// A second user without subordinate ranges still gets a namespace (its own id only), with a
/// warning that says how to add a range. Needs root to run hutch as that user.
#[test]
fn user_without_subordinate_range_gets_a_single_mapping() {
    let name = std::env::var("HUTCH_TEST_NOSUB_USER").unwrap_or_else(|_| "hutch-nosub".into());
    if !test_user().switch {
        missing(
            &format!("root, to run hutch as `{name}`, a user without subordinate ids"),
            "run the integration tests as root (they switch to the test users with setpriv)",
        );
    }
    let out = std::process::Command::new("getent")
        .args(["passwd", &name])
        .output()
        .expect("getent");
    let entry = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let f: Vec<&str> = entry.split(':').collect();
    if !out.status.success() || f.len() < 4 {
        missing(
            &format!("the user `{name}` (no subordinate id range)"),
            &format!("useradd -m {name}"),
        );
    }
    let (uid, gid): (u32, u32) = (f[2].parse().unwrap(), f[3].parse().unwrap());
    for file in ["/etc/subuid", "/etc/subgid"] {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        if text
            .lines()
            .any(|l| [name.as_str(), &uid.to_string()].contains(&l.split(':').next().unwrap_or("")))
        {
            missing(
                &format!("`{name}` must have no range in {file} for this test"),
                &format!("sed -i '/^{name}:/d;/^{uid}:/d' {file}"),
            );
        }
    }

    let mut ctx = TestContext::new("userns-nosub");
    ctx.user = TestUser {
        name: name.clone(),
        uid,
        gid,
        switch: true,
    };
    chown_tree(&ctx.dir, uid, gid);
    let _ = session();

    let out = ctx
        .hutch(["unshare", "cat", "/proc/self/uid_map", "/proc/self/gid_map"])
        .run()
        .success()
        .stderr_has(&["single", "/etc/subuid", "usermod --add-subuids"]);
    let rows: Vec<Vec<u32>> = out
        .stdout
        .lines()
        .map(|l| l.split_whitespace().map(|n| n.parse().unwrap()).collect())
        .collect();
    assert_eq!(rows, vec![vec![0, uid, 1], vec![0, gid, 1]]);
    assert_eq!(
        ctx.hutch(["unshare", "id", "-u"])
            .run()
            .success()
            .stdout
            .trim(),
        "0"
    );
    assert_eq!(pause_pids(&ctx).len(), 1);
}

fn chown_tree(path: &Path, uid: u32, gid: u32) {
    let _ = std::os::unix::fs::lchown(path, Some(uid), Some(gid));
    if path.is_dir() && !path.is_symlink() {
        for e in std::fs::read_dir(path).unwrap().flatten() {
            chown_tree(&e.path(), uid, gid);
        }
    }
}
