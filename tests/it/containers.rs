//! Containers end to end with the real runtime (runc) and monitor, as the unprivileged test
//! user: run, exit codes, detached containers with logs/exec/stop/rm, ps, crash and reboot
//! reconciliation, and many hutch processes creating and removing containers at once.

use crate::fixtures::busybox;
use crate::harness::{require, TestContext};

/// A context with busybox pulled; returns the image reference.
use crate::busybox_context as setup;

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
    // What --rm throws away is never synced (overlay `volatile`); other containers are.
    let root = ctx
        .hutch(["run", "--rm", &img, "grep", " / ", "/proc/mounts"])
        .run()
        .success();
    assert!(root.stdout.contains("volatile"), "{}", root.stdout);
    let kept = ctx
        .hutch(["run", &img, "grep", " / ", "/proc/mounts"])
        .run()
        .success();
    assert!(!kept.stdout.contains("volatile"), "{}", kept.stdout);
    // The monitors delete the runtime's state of the exited containers, and the directories of
    // the removed ones (moved aside so that `run --rm` returns sooner): themselves when the
    // foreground `run` cleaned up the rest, else through their exit commands.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    for (dir, what) in [
        (ctx.runroot().join("runtime"), "runtime state"),
        (
            ctx.graphroot().join("trash"),
            "removed containers' directories",
        ),
    ] {
        while std::fs::read_dir(&dir).is_ok_and(|d| d.count() > 0) {
            assert!(
                std::time::Instant::now() < deadline,
                "{what} left in {}",
                dir.display()
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
    let left = std::fs::read_dir(ctx.graphroot().join("containers"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(
        left, 1,
        "container directories besides the kept one's left after --rm"
    );
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
    // `rm` deletes the directory itself before it returns.
    assert!(!ctx.graphroot().join("trash").join(&id).exists());
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

    // SIGTERM to `hutch run` reaches the container (--sig-proxy, the default).
    let r = ctx
        .hutch([
            "run",
            "--rm",
            &img,
            "sh",
            "-c",
            "trap 'echo got-term; exit 42' TERM; echo ready; while true; do sleep 0.1; done",
        ])
        .spawn();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    std::process::Command::new("kill")
        .args(["-TERM", &r.pid().to_string()])
        .status()
        .unwrap();
    let out = r.wait();
    assert_eq!(out.code, Some(42), "{out:?}");
    assert_eq!(out.stdout, "ready\ngot-term\n");
}

/// `hutch ARGS` inside a pseudo-terminal (util-linux `script`), with `input` typed into it.
fn in_pty(ctx: &TestContext, input: &str, args: &str) -> crate::harness::Output {
    require("script", "util-linux");
    let hutch = crate::harness::hutch_bin().display().to_string();
    // The input waits until hutch has put the terminal in raw mode: typed before, the line
    // discipline would eat control characters such as ctrl-q (XON).
    // `<pause>` in the input waits a second more (for output to come back first).
    let input = input.replace("<pause>", "'; sleep 1; printf '");
    let script = format!("(sleep 1; printf '{input}') | script -qec \"{hutch} {args}\" /dev/null");
    ctx.command("sh").args(["-c", &script]).run()
}

#[test]
fn tty_through_a_pty() {
    let (ctx, img) = setup("ctr-tty");
    let out = in_pty(
        &ctx,
        "",
        &format!("run --rm -t {img} sh -c 'busybox tty; echo hi'"),
    );
    assert_eq!(out.code, Some(0), "{out:?}");
    assert!(out.stdout.contains("/dev/pts/"), "{out:?}");
    assert!(out.stdout.contains("hi"), "{out:?}");
    // An interactive shell: what is typed reaches it, its exit code comes back.
    let out = in_pty(
        &ctx,
        "echo typed-$((40+2))\\nexit 5\\n",
        &format!("run --rm -it {img} sh"),
    );
    assert_eq!(out.code, Some(5), "{out:?}");
    assert!(out.stdout.contains("typed-42"), "{out:?}");
    // Ctrl-C in `run -it` reaches the container (its terminal turns it into SIGINT for the
    // foreground job), not hutch.
    let out = in_pty(
        &ctx,
        "sleep 100\\n<pause>\\003<pause>echo after-$((1+1))\\nexit 3\\n",
        &format!("run --rm -it {img} sh"),
    );
    assert_eq!(out.code, Some(3), "{out:?}");
    assert!(out.stdout.contains("after-2"), "{out:?}");
    // Custom detach keys.
    let out = in_pty(
        &ctx,
        "<pause>\\001x",
        &format!("run -it --name dk --detach-keys ctrl-a,x {img} sh"),
    );
    assert_eq!(out.code, Some(0), "{out:?}");
    assert_eq!(inspect_field(&ctx, "dk", ".State.Status"), "running");
    // stop sends SIGTERM first: a container that handles it stops at once.
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "trap",
        &img,
        "sh",
        "-c",
        "trap 'exit 0' TERM; while true; do sleep 0.1; done",
    ])
    .run()
    .success();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let t = std::time::Instant::now();
    ctx.hutch(["stop", "trap"]).run().success();
    assert!(
        t.elapsed() < std::time::Duration::from_secs(5),
        "{:?}",
        t.elapsed()
    );
    assert_eq!(inspect_field(&ctx, "trap", ".State.ExitCode"), "0");
    ctx.hutch(["rm", "-af", "-t", "0"]).run().success();
}

#[test]
fn ps_filters_and_formats() {
    let (ctx, img) = setup("ctr-ps");
    let up = ctx
        .hutch([
            "run", "-d", "--name", "up", "--label", "tier=web", &img, "sleep", "100",
        ])
        .run()
        .success()
        .stdout_trim()
        .to_string();
    ctx.hutch([
        "run",
        "--name",
        "done",
        "--label",
        "tier=batch",
        &img,
        "sh",
        "-c",
        "exit 4",
    ])
    .run()
    .code(4);
    ctx.hutch(["create", "--name", "fresh", &img, "true"])
        .run()
        .success();

    let names = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["ps", "--format", "{{.Names}}"];
        a.extend_from_slice(args);
        let mut v: Vec<String> = ctx
            .hutch(&a)
            .run()
            .success()
            .stdout
            .lines()
            .map(str::to_string)
            .collect();
        v.sort();
        v
    };
    assert_eq!(names(&[]), ["up"]);
    assert_eq!(names(&["-a"]), ["done", "fresh", "up"]);
    assert_eq!(names(&["-a", "--filter", "status=exited"]), ["done"]);
    assert_eq!(names(&["-a", "--filter", "status=created"]), ["fresh"]);
    assert_eq!(names(&["-a", "--filter", "label=tier=web"]), ["up"]);
    assert_eq!(names(&["-a", "--filter", "label=tier"]), ["done", "up"]);
    assert_eq!(names(&["-a", "--filter", "name=do"]), ["done"]);
    assert_eq!(
        names(&["-a", "--filter", &format!("id={}", &up[..8])]),
        ["up"]
    );
    assert_eq!(names(&["-a", "--filter", "exited=4"]), ["done"]);
    assert_eq!(
        names(&["-a", "--filter", &format!("ancestor={img}")]),
        ["done", "fresh", "up"]
    );
    assert_eq!(names(&["-a", "-n", "1"]), ["fresh"]);
    assert_eq!(names(&["-l"]), ["fresh"]);

    let q = ctx.hutch(["ps", "-a", "-q", "--no-trunc"]).run().success();
    assert_eq!(q.stdout.lines().count(), 3);
    assert!(q.stdout.lines().all(|l| l.len() == 64), "{}", q.stdout);
    let q = ctx.hutch(["ps", "-q"]).run().success();
    assert_eq!(q.stdout_trim(), &up[..12]);
    let sized = ctx.hutch(["ps", "-s", "--noheading"]).run().success();
    assert!(sized.stdout.contains("(virtual "), "{}", sized.stdout);

    let json = ctx.hutch(["ps", "-a", "--format", "json"]).run().success();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let done = v
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["Names"][0] == "done")
        .unwrap();
    assert_eq!(done["ExitCode"], 4);
    assert_eq!(done["State"], "exited");
    assert_eq!(done["Command"], serde_json::json!(["sh", "-c", "exit 4"]));

    let status = ctx
        .hutch(["ps", "-a", "--format", "{{.Names}}\t{{.Status}}"])
        .run()
        .success();
    assert!(
        status
            .stdout
            .lines()
            .any(|l| l.starts_with("fresh") && l.ends_with("Created")),
        "{}",
        status.stdout
    );
    ctx.hutch(["ps", "--filter", "bogus=1"])
        .run()
        .code(125)
        .one_line_error();
    ctx.hutch(["rm", "-a", "-f", "-t", "0"]).run().success();
    assert_eq!(ctx.hutch(["ps", "-aq"]).run().success().stdout_trim(), "");
}

fn inspect_field(ctx: &TestContext, name: &str, field: &str) -> String {
    ctx.hutch(["inspect", "--format", &format!("{{{{{field}}}}}"), name])
        .run()
        .success()
        .stdout_trim()
        .to_string()
}

fn kill9(pid: &str) {
    let _ = std::process::Command::new("kill")
        .args(["-9", pid])
        .status();
}

#[test]
fn killed_cli_and_monitor_leave_consistent_state() {
    let (ctx, img) = setup("ctr-crash");
    // The CLI killed at different points of `run -d`: three at fixed delays (where they land
    // depends on the machine's speed), three as soon as the container's row is visible to
    // another hutch (so those are certainly recorded, however loaded the machine is).
    for (i, delay) in [0u64, 20, 60, 0, 0, 0].iter().enumerate() {
        let name = format!("k{i}");
        let mut r = ctx
            .hutch(["run", "-d", "--name", &name, &img, "sleep", "300"])
            .spawn();
        if i < 3 {
            std::thread::sleep(std::time::Duration::from_millis(*delay));
        } else {
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
            loop {
                let ps = ctx
                    .hutch(["ps", "-a", "--filter", &format!("name={name}"), "-q"])
                    .run()
                    .success();
                if !ps.stdout_trim().is_empty() {
                    break;
                }
                assert!(
                    std::time::Instant::now() < deadline,
                    "run -d --name {name} recorded nothing in 30 s"
                );
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
        }
        r.kill9();
        let _ = r.wait();
    }
    let ps = ctx
        .hutch(["ps", "-a", "--format", "{{.Names}} {{.Status}}"])
        .run()
        .success();
    for l in ps.stdout.lines() {
        assert!(
            l.contains(" Up ") || l.contains(" Created") || l.contains(" Exited"),
            "{}",
            ps.stdout
        );
    }

    // Every container that got recorded starts (again), whatever point its `run -d` was
    // killed at (one killed at once may not have been recorded at all).
    let made: Vec<String> = ps
        .stdout
        .lines()
        .map(|l| l.split(' ').next().unwrap().to_string())
        .collect();
    for name in ["k3", "k4", "k5"] {
        assert!(
            made.iter().any(|m| m == name),
            "{name} missing: {}",
            ps.stdout
        );
    }
    for name in &made {
        ctx.hutch(["start", name]).run().success();
    }
    let up = ctx.hutch(["ps", "--format", "{{.Names}}"]).run().success();
    assert_eq!(up.stdout.lines().count(), made.len(), "{}", up.stdout);

    // A monitor killed under a running container: shown as exited, never "running" forever.
    ctx.hutch(["run", "-d", "--name", "mon", &img, "sleep", "300"])
        .run()
        .success();
    let conmon = inspect_field(&ctx, "mon", ".State.ConmonPid");
    assert_ne!(conmon, "0");
    kill9(&conmon);
    std::thread::sleep(std::time::Duration::from_millis(100));
    let st = ctx
        .hutch([
            "ps",
            "-a",
            "--filter",
            "name=mon",
            "--format",
            "{{.Status}}",
        ])
        .run()
        .success();
    assert!(st.stdout.starts_with("Exited ("), "{}", st.stdout);
    assert_eq!(inspect_field(&ctx, "mon", ".State.Status"), "exited");
    // ...and it starts again.
    ctx.hutch(["start", "mon"]).run().success();
    assert_eq!(inspect_field(&ctx, "mon", ".State.Status"), "running");

    ctx.hutch(["rm", "-a", "-f", "-t", "0"]).run().success();
    assert_eq!(ctx.hutch(["ps", "-aq"]).run().success().stdout_trim(), "");
    let left: Vec<_> = std::fs::read_dir(ctx.graphroot().join("containers"))
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "container directories left: {left:?}");
}

#[test]
fn reboot_reconciliation() {
    let (ctx, img) = setup("ctr-reboot");
    ctx.hutch(["run", "-d", "--name", "a", &img, "sleep", "300"])
        .run()
        .success();
    let pid = inspect_field(&ctx, "a", ".State.Pid");
    let conmon = inspect_field(&ctx, "a", ".State.ConmonPid");
    // A reboot: every process gone, the runroot (tmpfs) empty.
    kill9(&conmon);
    kill9(&pid);
    if let Ok(p) = std::fs::read_to_string(ctx.runroot().join("pause.pid")) {
        kill9(p.trim());
    }
    std::thread::sleep(std::time::Duration::from_millis(100));
    std::fs::remove_dir_all(ctx.runroot()).unwrap();

    let st = ctx
        .hutch(["ps", "-a", "--format", "{{.Names}} {{.Status}}"])
        .run()
        .success();
    assert!(st.stdout.starts_with("a Exited ("), "{}", st.stdout);
    ctx.hutch(["start", "a"]).run().success();
    assert_eq!(inspect_field(&ctx, "a", ".State.Status"), "running");
    ctx.hutch(["exec", "a", "true"]).run().success();
    ctx.hutch(["rm", "-f", "-t", "0", "a"]).run().success();
}

#[test]
fn fifty_containers_in_parallel() {
    let (ctx, img) = setup("ctr-fifty");
    let mut running = Vec::new();
    for i in 0..50 {
        let name = format!("p{i}");
        let args: Vec<&str> = if i % 2 == 0 {
            vec!["run", "-d", "--name", &name, &img, "sleep", "300"]
        } else {
            vec!["create", "--name", &name, &img, "true"]
        };
        running.push(ctx.hutch(&args).spawn());
    }
    let failed: Vec<String> = running
        .into_iter()
        .map(|r| r.wait())
        .filter(|o| o.code != Some(0))
        .map(|o| format!("{} -> {:?}\n{}", o.cmdline, o.code, o.stderr))
        .collect();
    assert!(
        failed.is_empty(),
        "{} failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
    let ps = ctx.hutch(["ps", "-a", "-q"]).run().success();
    assert_eq!(ps.stdout.lines().count(), 50);
    assert_eq!(
        ctx.hutch(["ps", "-q"])
            .run()
            .success()
            .stdout
            .lines()
            .count(),
        25
    );

    let mut running = Vec::new();
    for i in 0..50 {
        running.push(ctx.hutch(["rm", "-f", "-t", "0", &format!("p{i}")]).spawn());
    }
    let failed: Vec<String> = running
        .into_iter()
        .map(|r| r.wait())
        .filter(|o| o.code != Some(0))
        .map(|o| format!("{} -> {:?}\n{}", o.cmdline, o.code, o.stderr))
        .collect();
    assert!(
        failed.is_empty(),
        "{} failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
    assert_eq!(ctx.hutch(["ps", "-aq"]).run().success().stdout_trim(), "");
}

#[test]
fn flags_reach_the_container() {
    let (ctx, img) = setup("ctr-flags");
    let run = |args: &[&str]| -> String {
        let mut a = vec!["run", "--rm"];
        a.extend_from_slice(args);
        ctx.hutch(&a).run().success().stdout
    };
    // Default seccomp filter and podman's capability set; --privileged drops both limits.
    let status = run(&[&img, "cat", "/proc/self/status"]);
    assert!(status.lines().any(|l| l == "Seccomp:\t2"), "{status}");
    let caps = |s: &str| {
        s.lines()
            .find(|l| l.starts_with("CapBnd:"))
            .map(|l| u64::from_str_radix(l[7..].trim(), 16).unwrap())
            .unwrap()
    };
    assert_eq!(caps(&status), 0x00000000800405fb, "podman's default set");
    let privileged = run(&["--privileged", &img, "cat", "/proc/self/status"]);
    assert!(
        privileged.lines().any(|l| l == "Seccomp:\t0"),
        "{privileged}"
    );
    let dropped = run(&[
        "--cap-drop",
        "all",
        "--cap-add",
        "net_raw",
        &img,
        "cat",
        "/proc/self/status",
    ]);
    assert_eq!(caps(&dropped), 1 << 13);
    let unconfined = run(&[
        "--security-opt",
        "seccomp=unconfined",
        &img,
        "cat",
        "/proc/self/status",
    ]);
    assert!(
        unconfined.lines().any(|l| l == "Seccomp:\t0"),
        "{unconfined}"
    );
    let nnp = run(&[
        "--security-opt",
        "no-new-privileges",
        &img,
        "cat",
        "/proc/self/status",
    ]);
    assert!(nnp.lines().any(|l| l == "NoNewPrivs:\t1"), "{nnp}");

    // User, workdir, hostname, env, entrypoint.
    assert_eq!(run(&["-u", "nobody", &img, "id", "-u"]).trim(), "65534");
    assert_eq!(
        run(&["-u", "1234:5678", &img, "id"]).trim(),
        "uid=1234 gid=5678"
    );
    assert_eq!(run(&["-w", "/tmp/new", &img, "pwd"]).trim(), "/tmp/new");
    assert_eq!(run(&["--hostname", "box", &img, "hostname"]).trim(), "box");
    assert!(run(&[&img, "cat", "/etc/hosts"]).contains("localhost"));
    assert_eq!(run(&["--entrypoint", "echo", &img, "a", "b"]).trim(), "a b");
    let env = run(&["-e", "A=1", "--env", "B", &img, "env"]);
    assert!(
        env.lines().any(|l| l == "A=1") && env.lines().any(|l| l == "container=hutch"),
        "{env}"
    );
    assert!(env.lines().any(|l| l.starts_with("PATH=")), "{env}");
    ctx.hutch(["run", "--rm", "-u", "nosuchuser", &img, "true"])
        .run()
        .code(125)
        .stderr_has(&["nosuchuser", "/etc/passwd"]);

    // --env-file, --env-host, --cidfile.
    let envf = ctx.dir.join("env.list");
    ctx.write_file(&envf, "# comment\nFROMFILE=yes\n\nOTHER=2\n");
    let env = run(&["--env-file", envf.to_str().unwrap(), &img, "env"]);
    assert!(
        env.lines().any(|l| l == "FROMFILE=yes") && env.lines().any(|l| l == "OTHER=2"),
        "{env}"
    );
    let env = run(&["--env-host", &img, "env"]);
    assert!(env.lines().any(|l| l.starts_with("HUTCH_IT_CTX=")), "{env}");
    let cidfile = ctx.dir.join("cid");
    let id = ctx
        .hutch([
            "create",
            "--cidfile",
            cidfile.to_str().unwrap(),
            &img,
            "true",
        ])
        .run()
        .success()
        .stdout_trim()
        .to_string();
    assert_eq!(std::fs::read_to_string(&cidfile).unwrap(), id);
    ctx.hutch([
        "create",
        "--cidfile",
        cidfile.to_str().unwrap(),
        &img,
        "true",
    ])
    .run()
    .code(125)
    .stderr_has(&["exists"]);
    ctx.hutch(["rm", &id]).run().success();

    // --read-only, --shm-size, --ulimit, --init.
    ctx.hutch(["run", "--rm", "--read-only", &img, "touch", "/x"])
        .run()
        .failure();
    let shm = run(&["--shm-size", "1m", &img, "busybox", "df", "-k", "/dev/shm"]);
    assert!(shm.contains(" 1024 "), "{shm}");
    assert_eq!(
        run(&["--ulimit", "nofile=100:200", &img, "sh", "-c", "ulimit -n"]).trim(),
        "100"
    );
    let init = run(&["--init", &img, "cat", "/proc/1/cmdline"]);
    assert!(init.starts_with("/run/podman-init"), "{init:?}");

    // Rootless cgroup v1 cannot limit resources: podman warns and runs anyway.
    let limited = ctx
        .hutch([
            "run", "--rm", "--memory", "64m", "--cpus", "1", &img, "true",
        ])
        .run()
        .success();
    if !std::path::Path::new("/sys/fs/cgroup/cgroup.controllers").exists() {
        limited.stderr_has(&["--memory", "cgroup v1"]);
    }

    // inspect shows what was asked for.
    let id = ctx
        .hutch([
            "create",
            "--init",
            "--read-only",
            "--cap-add",
            "net_raw",
            "--restart",
            "on-failure:3",
            "--stop-signal",
            "SIGUSR1",
            "--label",
            "k=v",
            "-e",
            "Z=1",
            &img,
            "sleep",
            "1",
        ])
        .run()
        .success()
        .stdout_trim()
        .to_string();
    let v: serde_json::Value =
        serde_json::from_str(&ctx.hutch(["inspect", &id]).run().success().stdout).unwrap();
    let c = &v[0];
    assert_eq!(c["State"]["Status"], "created");
    assert_eq!(c["Config"]["StopSignal"], "SIGUSR1");
    assert_eq!(c["Config"]["Labels"]["k"], "v");
    assert!(c["Config"]["Env"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e == "Z=1"));
    assert_eq!(c["Config"]["Cmd"], serde_json::json!(["sleep", "1"]));
    assert_eq!(c["HostConfig"]["ReadonlyRootfs"], true);
    assert_eq!(c["HostConfig"]["Init"], true);
    assert_eq!(c["HostConfig"]["RestartPolicy"]["Name"], "on-failure");
    assert_eq!(c["HostConfig"]["RestartPolicy"]["MaximumRetryCount"], 3);
    assert!(c["EffectiveCaps"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x == "CAP_NET_RAW"));
    assert!(c["NetworkSettings"].is_object() && c["Mounts"].is_array());
    ctx.hutch(["rm", &id]).run().success();

    // --network none: only loopback; host: the host's interfaces.
    let none = run(&["--network", "none", &img, "ls", "/sys/class/net"]);
    assert_eq!(
        none.split_whitespace().collect::<Vec<_>>(),
        ["lo"],
        "{none}"
    );
    let host = run(&["--network", "host", &img, "ls", "/sys/class/net"]);
    assert!(host.split_whitespace().count() > 1, "{host}");

    // Bad flags: one line, 125.
    for bad in [
        vec!["--stop-signal", "NOPE"],
        vec!["--ulimit", "bogus=1"],
        vec!["--security-opt", "apparmor=x"],
        vec!["--restart", "sometimes"],
        vec!["--network", "weird"],
        vec!["--name", "bad name"],
        vec!["--pull", "sometimes"],
    ] {
        let mut a = vec!["run", "--rm"];
        a.extend(bad.iter().copied());
        a.extend([img.as_str(), "true"]);
        ctx.hutch(&a).run().code(125).one_line_error();
    }
    assert_eq!(ctx.hutch(["ps", "-aq"]).run().success().stdout_trim(), "");
}

#[test]
fn rm_flag_and_image_in_use() {
    let (ctx, img) = setup("ctr-rmflag");
    // -d --rm: the monitor's cleanup removes the container when it exits.
    ctx.hutch([
        "run",
        "-d",
        "--rm",
        "--name",
        "gone",
        &img,
        "sh",
        "-c",
        "sleep 0.2",
    ])
    .run()
    .success();
    let mut left = String::from("?");
    for _ in 0..100 {
        left = ctx
            .hutch(["ps", "-aq"])
            .run()
            .success()
            .stdout_trim()
            .to_string();
        if left.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(left, "", "the --rm container removed itself");

    // rmi refuses an image a container uses.
    ctx.hutch(["create", "--name", "user", &img, "true"])
        .run()
        .success();
    ctx.hutch(["rmi", &img])
        .run()
        .failure()
        .stderr_has(&["container"]);
    ctx.hutch(["container", "exists", "user"]).run().success();
    ctx.hutch(["container", "exists", "nobody"]).run().code(1);
    ctx.hutch(["rename", "user", "user2"]).run().success();
    ctx.hutch(["start", "-a", "user2"]).run().success();
    ctx.hutch(["container", "prune", "-f"]).run().success();
    ctx.hutch(["container", "exists", "user2"]).run().code(1);
    // rmi -f removes the containers using the image, running or not.
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "busy",
        "--stop-timeout",
        "0",
        &img,
        "sleep",
        "100",
    ])
    .run()
    .success();
    ctx.hutch(["rmi", &img])
        .run()
        .code(2)
        .stderr_has(&["container"]);
    ctx.hutch(["rmi", "-f", &img]).run().success();
    ctx.hutch(["container", "exists", "busy"]).run().code(1);
    assert_eq!(
        ctx.hutch(["images", "-q"]).run().success().stdout_trim(),
        ""
    );
}

#[test]
fn exec_logs_wait_attach_restart() {
    let (ctx, img) = setup("ctr-exec");
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "t",
        &img,
        "sh",
        "-c",
        "i=0; while true; do echo line$i; i=$((i+1)); sleep 0.2; done",
    ])
    .run()
    .success();
    // exec -t through a pty, and -it with typed input and an exit code.
    let out = in_pty(&ctx, "", "exec -t t busybox tty");
    assert_eq!(out.code, Some(0), "{out:?}");
    assert!(out.stdout.contains("/dev/pts/"), "{out:?}");
    let out = in_pty(&ctx, "echo in-$((6*7))\\nexit 7\\n", "exec -it t sh");
    assert_eq!(out.code, Some(7), "{out:?}");
    assert!(out.stdout.contains("in-42"), "{out:?}");
    // exec -i passes stdin; -e and -w reach the process.
    let out = ctx
        .command("sh")
        .args([
            "-c",
            &format!(
                "echo piped | {} exec -i -e X=1 -w /tmp t sh -c 'cat; echo $X; pwd'",
                crate::harness::hutch_bin().display()
            ),
        ])
        .run()
        .success();
    assert_eq!(out.stdout, "piped\n1\n/tmp\n");

    // exec -d returns at once and leaves the process running.
    let t0 = std::time::Instant::now();
    ctx.hutch([
        "exec",
        "-d",
        "t",
        "sh",
        "-c",
        "echo bg > /tmp/marker; sleep 100",
    ])
    .run()
    .success();
    assert!(
        t0.elapsed() < std::time::Duration::from_secs(10),
        "{:?}",
        t0.elapsed()
    );
    let mut marker = String::new();
    for _ in 0..50 {
        marker = ctx.hutch(["exec", "t", "cat", "/tmp/marker"]).run().stdout;
        if !marker.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(marker, "bg\n");
    ctx.hutch(["exec", "-d", "t", "nosuchcmd"])
        .run()
        .code(127)
        .one_line_error();

    std::thread::sleep(std::time::Duration::from_millis(700));
    let all = ctx.hutch(["logs", "t"]).run().success().stdout;
    assert!(all.starts_with("line0\nline1\n"), "{all}");
    let tail = ctx
        .hutch(["logs", "--tail", "1", "t"])
        .run()
        .success()
        .stdout;
    assert_eq!(tail.lines().count(), 1, "{tail}");
    let ts = ctx
        .hutch(["logs", "-t", "--tail", "2", "t"])
        .run()
        .success()
        .stdout;
    for l in ts.lines() {
        let (t, rest) = l.split_once(' ').unwrap();
        assert!(chrono::DateTime::parse_from_rfc3339(t).is_ok(), "{l}");
        assert!(rest.starts_with("line"), "{l}");
    }
    let future = ctx
        .hutch(["logs", "--since", "2099-01-01T00:00:00Z", "t"])
        .run()
        .success()
        .stdout;
    assert_eq!(future, "");
    let until = ctx
        .hutch(["logs", "--until", "2000-01-01T00:00:00Z", "t"])
        .run()
        .success()
        .stdout;
    assert_eq!(until, "");

    // logs -f follows until the container stops.
    let mut follow = ctx.hutch(["logs", "-f", "t"]).spawn();
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(
        follow.alive(),
        "logs -f keeps following a running container"
    );
    let waiter = ctx.hutch(["wait", "t"]).spawn();
    ctx.hutch(["stop", "-t", "1", "t"]).run().success();
    let f = follow.wait();
    assert_eq!(f.code, Some(0), "{f:?}");
    assert!(f.stdout.lines().count() >= 3, "{}", f.stdout);
    assert_eq!(waiter.wait().success().stdout_trim(), "137");
    // After it exited, wait returns at once.
    assert_eq!(
        ctx.hutch(["wait", "t"]).run().success().stdout_trim(),
        "137"
    );
    ctx.hutch(["exec", "t", "true"])
        .run()
        .code(125)
        .one_line_error();

    // restart brings it back; attach sees its output; detach keys leave it running.
    ctx.hutch(["restart", "t"]).run().success();
    assert_eq!(inspect_field(&ctx, "t", ".State.Status"), "running");
    assert_eq!(inspect_field(&ctx, "t", ".RestartCount"), "1");
    ctx.hutch(["kill", "-s", "KILL", "t"]).run().success();
    ctx.hutch(["wait", "t"]).run().success();

    // attach to an interactive container: typed input reaches it, the detach keys (ctrl-p,
    // ctrl-q) leave it running, a second attach ends with its exit code.
    ctx.hutch(["run", "-dit", "--name", "i", &img, "sh"])
        .run()
        .success();
    let out = in_pty(&ctx, "echo att-$((2+3))\\n<pause>\\020\\021", "attach i");
    assert_eq!(out.code, Some(0), "{out:?}");
    assert!(out.stdout.contains("att-5"), "{out:?}");
    assert_eq!(
        inspect_field(&ctx, "i", ".State.Status"),
        "running",
        "detached, still running"
    );
    let out = in_pty(&ctx, "exit 9\\n", "attach i");
    assert_eq!(out.code, Some(9), "{out:?}");

    // start -a returns the exit code; wait --condition running returns once it runs.
    ctx.hutch([
        "create",
        "--name",
        "s",
        &img,
        "sh",
        "-c",
        "echo from-s; exit 6",
    ])
    .run()
    .success();
    let out = ctx.hutch(["start", "-a", "s"]).run().code(6);
    assert_eq!(out.stdout, "from-s\n");
    ctx.hutch(["rm", "-af", "-t", "0"]).run().success();
}

#[test]
fn events_record_the_lifecycle() {
    let (ctx, img) = setup("ctr-events");
    let mut stream = ctx
        .hutch(["events", "--format", "{{.Type}} {{.Status}} {{.Name}}"])
        .spawn();
    ctx.hutch(["run", "--rm", "--name", "ev", &img, "true"])
        .run()
        .success();
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(stream.alive(), "events --stream keeps following");
    stream.kill9();
    let streamed = stream.wait().stdout;
    let past = ctx
        .hutch([
            "events",
            "--stream=false",
            "--filter",
            "container=ev",
            "--format",
            "{{.Status}}",
        ])
        .run()
        .success()
        .stdout;
    for (label, out) in [("streamed", &streamed), ("past", &past)] {
        for action in ["create", "init", "start", "died", "remove"] {
            assert!(
                out.lines()
                    .any(|l| l.ends_with(action) || l.contains(&format!(" {action} "))),
                "{label} lacks {action}:\n{out}"
            );
        }
    }
    let json = ctx
        .hutch([
            "events",
            "--stream=false",
            "--format",
            "json",
            "--filter",
            "type=image",
        ])
        .run()
        .success()
        .stdout;
    let first: serde_json::Value =
        serde_json::from_str(json.lines().next().expect("a pull event")).unwrap();
    assert_eq!(first["Status"], "pull");
    assert_eq!(first["Type"], "image");
    let none = ctx
        .hutch([
            "events",
            "--stream=false",
            "--since",
            "2099-01-01T00:00:00Z",
        ])
        .run()
        .success()
        .stdout;
    assert_eq!(none, "");
    ctx.hutch(["events", "--filter", "bogus=1"])
        .run()
        .code(125)
        .one_line_error();
}

#[test]
fn run_pulls_by_policy() {
    require("runc", "runc");
    let ctx = TestContext::new("ctr-pull");
    let img = busybox().plain();
    // Not pulled yet: --pull=never refuses, the default (missing) pulls.
    ctx.hutch(["run", "--rm", "--pull=never", &img, "true"])
        .run()
        .code(125)
        .stderr_has(&["image not known"]);
    let out = ctx
        .hutch(["run", "--rm", "--tls-verify=false", &img, "echo", "pulled"])
        .run()
        .success();
    assert_eq!(out.stdout, "pulled\n");
    assert_eq!(crate::image_ids(&ctx).len(), 1);
    ctx.hutch([
        "run",
        "--rm",
        "--pull=always",
        "--tls-verify=false",
        &img,
        "true",
    ])
    .run()
    .success();
    // After a pull the process's async runtime lives on beside the session: a signal to
    // `hutch run` must still reach the container, not one of the runtime's threads.
    let r = ctx
        .hutch([
            "run",
            "--rm",
            "--name",
            "pulled-then-signalled",
            "--pull=always",
            "--tls-verify=false",
            &img,
            "sh",
            "-c",
            "trap 'echo got-term; exit 42' TERM; echo ready; while true; do sleep 0.1; done",
        ])
        .spawn();
    crate::harness::until(
        "the container to trap SIGTERM",
        std::time::Duration::from_secs(60),
        || {
            ctx.hutch(["logs", "pulled-then-signalled"])
                .run()
                .stdout
                .contains("ready")
        },
    );
    std::process::Command::new("kill")
        .args(["-TERM", &r.pid().to_string()])
        .status()
        .unwrap();
    let out = r.wait();
    assert_eq!(out.code, Some(42), "{out:?}");
    assert_eq!(out.stdout, "ready\ngot-term\n");
    // newer: the registry cannot be reached over TLS, so the local image is used (a warning).
    ctx.hutch(["run", "--rm", "--pull=newer", &img, "true"])
        .run()
        .success()
        .stderr_has(&["newer"]);
    assert_eq!(crate::image_ids(&ctx).len(), 1);
}

/// podman's keep-id: the image's files keep their owners (root's stay root's: the layers are
/// mapped for the container's namespace), and the user gets a passwd and a group entry.
#[test]
fn keep_id_keeps_image_owners_and_adds_the_user() {
    let (ctx, img) = setup("ctr-keepid-passwd");
    let (uid, gid, name) = (ctx.user.uid, ctx.user.gid, &ctx.user.name);
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "--userns=keep-id",
            &img,
            "sh",
            "-c",
            "stat -c %u:%g / /etc /bin/sh /etc/hostname; whoami; id -gn; echo $HOME",
        ])
        .run()
        .success();
    assert_eq!(
        out.stdout,
        format!("0:0\n0:0\n0:0\n0:0\n{name}\n{name}\n/\n")
    );
    let passwd = ctx
        .hutch([
            "run",
            "--rm",
            "--userns=keep-id",
            &img,
            "cat",
            "/etc/passwd",
            "/etc/group",
        ])
        .run()
        .success()
        .stdout;
    assert!(passwd.starts_with("root:x:0:0:"), "{passwd}");
    assert!(
        passwd.contains(&format!("\n{name}:*:{uid}:{gid}::/:/bin/sh\n")),
        "{passwd}"
    );
    assert!(
        passwd.ends_with(&format!("\n{name}:x:{gid}:{name}\n")),
        "{passwd}"
    );
    // Other ids, as podman's keep-id:uid=,gid=.
    let other = ctx
        .hutch([
            "run",
            "--rm",
            "--userns=keep-id:uid=200,gid=300",
            &img,
            "sh",
            "-c",
            "id; stat -c %u:%g /etc; grep :200: /etc/passwd; grep ^300: /etc/group",
        ])
        .run()
        .success();
    assert_eq!(
        other.stdout,
        "uid=200(200) gid=300(300) groups=300(300)\n0:0\n200:*:200:300:container user:/:/bin/sh\n300:x:300:200\n"
    );
    // Files container root writes are root's, also when the container starts again.
    let first = ctx
        .hutch([
            "run",
            "--name",
            "kept",
            "--userns=keep-id",
            "-u",
            "0",
            &img,
            "sh",
            "-c",
            "touch /etc/mine; stat -c %u:%g / /etc/mine",
        ])
        .run()
        .success();
    assert_eq!(first.stdout, "0:0\n0:0\n");
    let again = ctx.hutch(["start", "-a", "kept"]).run().success();
    assert_eq!(again.stdout, "0:0\n0:0\n");
    // Committed, they are root's in the image too.
    ctx.hutch(["commit", "-q", "kept", "localhost/kept-commit"])
        .run()
        .success();
    let committed = ctx
        .hutch([
            "run",
            "--rm",
            "localhost/kept-commit",
            "stat",
            "-c",
            "%u:%g",
            "/etc/mine",
        ])
        .run()
        .success();
    assert_eq!(committed.stdout, "0:0\n");
}

#[test]
fn userns_keep_id() {
    let (ctx, img) = setup("ctr-keepid");
    let (uid, gid) = (ctx.user.uid, ctx.user.gid);
    let out = ctx
        .hutch(["run", "--rm", "--userns=keep-id", &img, "id"])
        .run()
        .success();
    let name = &ctx.user.name;
    assert_eq!(
        out.stdout_trim(),
        format!("uid={uid}({name}) gid={gid}({name}) groups={gid}({name})")
    );
    // Inside: the user's id is itself, the rest of hutch's range around it.
    let map = ctx
        .hutch([
            "run",
            "--rm",
            "--userns=keep-id",
            &img,
            "cat",
            "/proc/self/uid_map",
        ])
        .run()
        .success()
        .stdout;
    let rows: Vec<Vec<u64>> = map
        .lines()
        .map(|l| l.split_whitespace().map(|n| n.parse().unwrap()).collect())
        .collect();
    assert!(
        rows.iter().any(|r| r[0] == u64::from(uid) && r[2] == 1),
        "{map}"
    );
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "k",
        "--userns=keep-id",
        &img,
        "sleep",
        "100",
    ])
    .run()
    .success();
    let me = ctx.hutch(["exec", "k", "id", "-u"]).run().success();
    assert_eq!(me.stdout_trim(), uid.to_string());
    ctx.hutch(["exec", "-u", "0", "k", "id", "-u"])
        .run()
        .success()
        .stdout_trim()
        .eq("0")
        .then_some(())
        .expect("exec -u 0");
    ctx.hutch(["rm", "-f", "-t", "0", "k"]).run().success();
    ctx.hutch(["run", "--rm", "--userns=bogus", &img, "true"])
        .run()
        .code(125)
        .one_line_error();
}
