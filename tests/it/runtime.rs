//! hutch-runtime, hutch's own OCI runtime: driven directly on a bundle (inside hutch's user
//! namespace, as the monitor runs it), through hutch, and through podman; and what a container
//! on it must not be able to see or do.

use crate::busybox_context;
use crate::harness::{require, runtime_bin, Cmd, Output, TestContext};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// `hutch unshare hutch-runtime --root ROOT ARGS...` as the test user. The runtime's stdio is
/// a file: a container's init inherits it and keeps it open, which a pipe's reader would wait
/// for.
fn runtime(ctx: &TestContext, args: &[&str]) -> Output {
    let root = ctx.dir.join("rt-root");
    let err = ctx.dir.join("rt-stderr");
    let out_file = ctx.dir.join("rt-stdout");
    let script = format!(
        "{} unshare {} --root {} \"$@\" </dev/null >{} 2>{}",
        crate::harness::hutch_bin().display(),
        runtime_bin().display(),
        root.display(),
        out_file.display(),
        err.display()
    );
    let mut out = ctx
        .command("sh")
        .args(["-c", &script, "sh"])
        .args(args)
        .run();
    out.stderr = std::fs::read_to_string(&err).unwrap_or_default();
    out.stdout = std::fs::read_to_string(&out_file).unwrap_or_default();
    out
}

/// A bundle whose rootfs is the host's static busybox, made by the test user.
fn bundle(ctx: &TestContext, args: &[&str]) -> PathBuf {
    require("busybox", "busybox-static");
    let b = ctx.dir.join("bundle");
    let out = ctx.dir.join("out");
    ctx.command("sh")
        .args([
            "-c",
            &format!(
                "set -e; mkdir -p {b}/rootfs/bin {out}; cp /bin/busybox {b}/rootfs/bin/; \
                 for a in sh cat echo sleep ls true; do ln -s busybox {b}/rootfs/bin/$a; done",
                b = b.display(),
                out = out.display()
            ),
        ])
        .run()
        .success();
    let config = serde_json::json!({
        "ociVersion": "1.0.2",
        "process": {
            "user": {"uid": 0, "gid": 0},
            "args": args,
            "env": ["PATH=/bin"],
            "cwd": "/",
            "capabilities": {"bounding": ["CAP_KILL"], "effective": ["CAP_KILL"],
                "permitted": ["CAP_KILL"]},
            "noNewPrivileges": true
        },
        "root": {"path": "rootfs", "readonly": true},
        "hostname": "bundled",
        "mounts": [
            {"destination": "/proc", "type": "proc", "source": "proc"},
            {"destination": "/dev", "type": "tmpfs", "source": "tmpfs", "options": ["nosuid", "mode=755"]},
            {"destination": "/out", "type": "bind", "source": out, "options": ["rbind", "rw"]}
        ],
        "annotations": {"test": "yes"},
        "linux": {
            "namespaces": [{"type": "pid"}, {"type": "mount"}, {"type": "ipc"}, {"type": "uts"},
                {"type": "network"}],
            "maskedPaths": ["/proc/kcore"],
            "readonlyPaths": ["/proc/sys"]
        }
    });
    ctx.command("sh")
        .args([
            "-c",
            &format!("cat > {}/config.json <<'EOF'\n{config}\nEOF", b.display()),
        ])
        .run()
        .success();
    b
}

fn state(ctx: &TestContext, id: &str) -> serde_json::Value {
    let out = runtime(ctx, &["state", id]).success();
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {out:?}"))
}

fn wait_for(what: &str, mut f: impl FnMut() -> bool) {
    let until = Instant::now() + Duration::from_secs(20);
    while !f() {
        assert!(Instant::now() < until, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn runtime_drives_a_bundle_through_its_states() {
    let ctx = TestContext::new("rt-bundle");
    let b = bundle(
        &ctx,
        &[
            "sh",
            "-c",
            "echo started $(cat /proc/sys/kernel/hostname) > /out/log; exec sleep 100",
        ],
    );
    let pid_file = ctx.dir.join("out/pid");
    let bs = b.display().to_string();
    let ps = pid_file.display().to_string();
    runtime(&ctx, &["create", "--bundle", &bs, "--pid-file", &ps, "c1"]).success();
    let st = state(&ctx, "c1");
    assert_eq!(st["status"], "created", "{st}");
    assert_eq!(st["id"], "c1");
    assert_eq!(st["annotations"]["test"], "yes");
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    assert_eq!(st["pid"].as_i64().unwrap().to_string(), pid.trim());
    // Nothing ran yet.
    assert!(!ctx.dir.join("out/log").exists());
    let again = runtime(&ctx, &["create", "--bundle", &bs, "c1"]).failure();
    assert!(
        again.stderr.contains("container with id exists: c1"),
        "{again:?}"
    );

    runtime(&ctx, &["start", "c1"]).success();
    wait_for("the process's output", || {
        std::fs::read_to_string(ctx.dir.join("out/log")).is_ok_and(|l| l.contains("started"))
    });
    assert_eq!(
        std::fs::read_to_string(ctx.dir.join("out/log")).unwrap(),
        "started bundled\n"
    );
    assert_eq!(state(&ctx, "c1")["status"], "running");
    let st = runtime(&ctx, &["start", "c1"]).failure();
    assert!(
        st.stderr
            .contains("cannot start an already running container"),
        "{st:?}"
    );
    let del = runtime(&ctx, &["delete", "c1"]).failure();
    assert!(
        del.stderr
            .contains("cannot delete container c1 that is not stopped: running"),
        "{del:?}"
    );
    let bad = runtime(&ctx, &["kill", "c1", "NOSUCH"]).failure();
    assert!(bad.stderr.contains("invalid signal"), "{bad:?}");

    runtime(&ctx, &["kill", "c1", "KILL"]).success();
    wait_for("the container to stop", || {
        state(&ctx, "c1")["status"] == "stopped"
    });
    let k = runtime(&ctx, &["kill", "c1", "9"]).failure();
    assert!(k.stderr.contains("container not running"), "{k:?}");
    runtime(&ctx, &["delete", "c1"]).success();
    let gone = runtime(&ctx, &["state", "c1"]).failure();
    assert_eq!(gone.code, Some(1));
    // runc's logrus line: `level=error msg="container \"c1\" does not exist"`.
    assert!(
        gone.stderr
            .contains(r#"level=error msg="container \"c1\" does not exist""#),
        "{gone:?}"
    );

    // Neither a created nor a running container is deleted without --force (the OCI spec; runc
    // deletes a created one anyway); with it, both are.
    runtime(&ctx, &["create", "--bundle", &bs, "c2"]).success();
    let del = runtime(&ctx, &["delete", "c2"]).failure();
    assert!(
        del.stderr
            .contains("cannot delete container c2 that is not stopped: created"),
        "{del:?}"
    );
    assert_eq!(state(&ctx, "c2")["status"], "created");
    runtime(&ctx, &["delete", "--force", "c2"]).success();
    runtime(&ctx, &["run", "--detach", "--bundle", &bs, "c3"]).success();
    assert_eq!(state(&ctx, "c3")["status"], "running");
    runtime(&ctx, &["delete", "--force", "c3"]).success();

    // The error of a missing executable, as runc words it, in the --log file as JSON.
    let nope = bundle_with_args(&ctx, &b, &["nope"]);
    let log = ctx.dir.join("out/rt.log");
    let out = runtime(
        &ctx,
        &[
            "--log",
            &log.display().to_string(),
            "--log-format",
            "json",
            "create",
            "--bundle",
            &nope,
            "c4",
        ],
    )
    .failure();
    assert!(
        out.stderr.contains("executable file not found in $PATH"),
        "{out:?}"
    );
    let line = std::fs::read_to_string(&log).unwrap();
    let v: serde_json::Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    assert_eq!(v["level"], "error");
    assert!(
        v["msg"]
            .as_str()
            .unwrap()
            .contains("exec: \"nope\": executable file not found"),
        "{v}"
    );
    assert!(runtime(&ctx, &["state", "c4"])
        .failure()
        .stderr
        .contains("does not exist"));
}

/// A copy of bundle `b` whose process runs `args`.
fn bundle_with_args(ctx: &TestContext, b: &Path, args: &[&str]) -> String {
    let text = std::fs::read_to_string(b.join("config.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["process"]["args"] = serde_json::json!(args);
    let dir = ctx.dir.join("bundle2");
    ctx.command("sh")
        .args([
            "-c",
            &format!(
                "mkdir -p {d} && ln -sfn {b}/rootfs {d}/rootfs && cat > {d}/config.json <<'EOF'\n{v}\nEOF",
                d = dir.display(),
                b = b.display()
            ),
        ])
        .run()
        .success();
    dir.display().to_string()
}

#[test]
fn runtime_features_are_oci_json() {
    let ctx = TestContext::new("rt-features");
    let out = ctx.command(runtime_bin()).arg("features").run().success();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["ociVersionMin"], "1.0.0");
    let ns: Vec<&str> = v["linux"]["namespaces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    for n in ["cgroup", "ipc", "mount", "network", "pid", "user", "uts"] {
        assert!(ns.contains(&n), "{v}");
    }
    assert_eq!(v["linux"]["seccomp"]["enabled"], true);
    assert!(v["linux"]["capabilities"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("CAP_SYS_ADMIN")));
}

fn on_runtime(_ctx: &TestContext) -> Vec<String> {
    vec!["--runtime".into(), runtime_bin().display().to_string()]
}

#[test]
fn hutch_runs_containers_on_hutch_runtime() {
    let (ctx, img) = busybox_context("rt-hutch");
    let rt = on_runtime(&ctx);
    let out = ctx
        .hutch(&rt)
        .args(["run", "--rm", &img, "echo", "hi"])
        .run()
        .success();
    assert_eq!(out.stdout, "hi\n");
    let out = ctx
        .hutch(&rt)
        .args(["run", "--rm", &img, "sh", "-c", "exit 7"])
        .run();
    assert_eq!(out.code, Some(7), "{out:?}");
    let out = ctx.hutch(&rt).args(["run", "--rm", &img, "nope"]).run();
    assert_eq!(out.code, Some(127), "{out:?}");
    assert!(
        out.stderr.contains("executable file not found in $PATH"),
        "{out:?}"
    );
    let out = ctx.hutch(&rt).args(["run", "--rm", &img, "/etc"]).run();
    assert_eq!(out.code, Some(126), "{out:?}");

    ctx.hutch(&rt)
        .args(["run", "-d", "--name", "d", &img, "sleep", "100"])
        .run()
        .success();
    let inspect = ctx
        .hutch(["inspect", "--format", "{{.OCIRuntime}}", "d"])
        .run()
        .success();
    assert_eq!(inspect.stdout_trim(), "hutch-runtime");
    let out = ctx
        .hutch(["exec", "d", "sh", "-c", "echo in; exit 3"])
        .run();
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (Some(3), "in\n"),
        "{out:?}"
    );
    let out = ctx.hutch(["exec", "d", "nope"]).run();
    assert_eq!(out.code, Some(127), "{out:?}");
    ctx.hutch(["exec", "-d", "d", "sleep", "1"]).run().success();
    let out = ctx
        .hutch(["exec", "-u", "65534", "d", "id", "-u"])
        .run()
        .success();
    assert_eq!(out.stdout_trim(), "65534");
    ctx.hutch(["stop", "-t", "0", "d"]).run().success();
    ctx.hutch(["rm", "d"]).run().success();

    // A terminal: through a pty, `run -it` and `exec -it`.
    require("script", "util-linux");
    let hutch = crate::harness::hutch_bin().display().to_string();
    let rts = rt.join(" ");
    let script = format!(
        "(sleep 1; printf 'echo typed-$((40+2)); exit 5\\n') | script -qec \"{hutch} {rts} run --rm -it {img} sh\" /dev/null"
    );
    let out = ctx.command("sh").args(["-c", &script]).run();
    assert_eq!(out.code, Some(5), "{out:?}");
    assert!(out.stdout.contains("typed-42"), "{out:?}");
    let script = format!("script -qec \"{hutch} {rts} run --rm -t {img} sh -c 'busybox tty; ls -l /dev/console'\" /dev/null");
    let out = ctx.command("sh").args(["-c", &script]).run();
    assert!(out.stdout.contains("/dev/pts/"), "{out:?}");
}

#[test]
fn containers_on_hutch_runtime_are_confined() {
    let (ctx, img) = busybox_context("rt-secure");
    let rt = on_runtime(&ctx);
    ctx.hutch(&rt)
        .args(["run", "-d", "--name", "s", &img, "sleep", "100"])
        .run()
        .success();
    let sh = |script: &str| ctx.hutch(["exec", "s", "sh", "-c", script]).run();
    // Only stdio reaches the container's processes; their cwd is inside it.
    let fds = sh("ls /proc/1/fd").success();
    assert_eq!(
        fds.stdout.split_whitespace().collect::<Vec<_>>(),
        ["0", "1", "2"],
        "{fds:?}"
    );
    let fds = sh("ls /proc/self/fd").success();
    // ls's own descriptor of the directory is 3.
    assert_eq!(
        fds.stdout.split_whitespace().collect::<Vec<_>>(),
        ["0", "1", "2", "3"],
        "{fds:?}"
    );
    assert_eq!(sh("readlink /proc/1/cwd").success().stdout_trim(), "/");
    // Podman's default capabilities, nothing to regain: bounding = effective, no ambient.
    let status = sh("cat /proc/1/status").success().stdout;
    let field = |k: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{k}:")))
            .unwrap_or_else(|| panic!("{k} in {status}"))
            .trim()
            .to_string()
    };
    assert_eq!(field("CapEff"), "00000000800405fb", "{status}");
    assert_eq!(field("CapBnd"), "00000000800405fb", "{status}");
    assert_eq!(field("CapAmb"), "0000000000000000", "{status}");
    assert_eq!(field("Seccomp"), "2", "{status}");
    // CAP_SYS_ADMIN is gone: no mounts, no new namespaces that need it.
    let m = sh("mount -t tmpfs none /tmp").failure();
    assert!(
        m.stderr.contains("ermission denied") || m.stderr.contains("not permitted"),
        "{m:?}"
    );
    // Masked and read-only paths hold.
    assert_eq!(sh("cat /proc/kcore | wc -c").success().stdout_trim(), "0");
    assert_eq!(sh("ls /sys/firmware | wc -l").success().stdout_trim(), "0");
    sh("echo 1 > /proc/sys/kernel/ns_last_pid").failure();
    // The host's files are not there.
    let dir = ctx.dir.display().to_string();
    sh(&format!("test -e {dir}")).failure();
    sh("test -e /work || test -e /home/hutch-test").failure();
    ctx.hutch(["rm", "-f", "s"]).run().success();

    // The seccomp profile is compiled as given: a profile refusing mkdir refuses it.
    let profile = ctx.dir.join("no-mkdir.json");
    ctx.write_file(
        &profile,
        r#"{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["mkdir","mkdirat"],"action":"SCMP_ACT_ERRNO","errnoRet":1}]}"#,
    );
    let sec = format!("seccomp={}", profile.display());
    let out = ctx
        .hutch(&rt)
        .args([
            "run",
            "--rm",
            "--security-opt",
            &sec,
            &img,
            "mkdir",
            "/tmp/x",
        ])
        .run()
        .failure();
    assert!(out.stderr.contains("Operation not permitted"), "{out:?}");
    // The default profile refuses keyrings (runc would also have made one per container).
    let out = ctx
        .hutch(&rt)
        .args(["run", "--rm", &img, "cat", "/proc/self/status"])
        .run()
        .success();
    assert!(out.stdout.contains("NoNewPrivs:\t0"), "{out:?}");
}

/// podman on overlay storage (the runtime test's own choice).
fn podman(ctx: &TestContext) -> Cmd {
    crate::archive::podman_with_driver(ctx, "overlay")
}

#[test]
fn podman_runs_on_hutch_runtime() {
    let ctx = TestContext::new("rt-podman");
    // An image of the host's static busybox, imported: podman applies the mode of a hard link's
    // tar header to the file it links to, which strips the test fixture's busybox of its exec
    // bits (with runc too).
    let b = bundle(&ctx, &["true"]);
    let tar = ctx.dir.join("rootfs.tar");
    ctx.command("tar")
        .arg("-C")
        .arg(b.join("rootfs"))
        .arg("-cf")
        .arg(&tar)
        .arg(".")
        .run()
        .success();
    let img = "localhost/rt-busybox";
    podman(&ctx)
        .arg("import")
        .arg(&tar)
        .arg(img)
        .run()
        .success();
    let rt = runtime_bin().display().to_string();
    let out = podman(&ctx)
        .args(["--runtime", &rt, "run", "--rm", img, "echo", "from-podman"])
        .run()
        .success();
    assert_eq!(out.stdout, "from-podman\n");
    let out = podman(&ctx)
        .args(["--runtime", &rt, "run", "--rm", img, "nope"])
        .run();
    assert_eq!(out.code, Some(127), "{out:?}");
    podman(&ctx)
        .args([
            "--runtime",
            &rt,
            "run",
            "-d",
            "--name",
            "p",
            img,
            "sleep",
            "100",
        ])
        .run()
        .success();
    // podman's seccomp profile (deny by default) is a stack of filters: a base one and one
    // per other action, each in x86_64 and i386 numbers (apart where the two exceed the
    // kernel's 4096 instructions), and an architecture guard.
    let out = podman(&ctx)
        .args(["--runtime", &rt, "exec", "p", "cat", "/proc/self/status"])
        .run()
        .success();
    assert!(out.stdout.contains("Seccomp:\t2"), "{out:?}");
    let filters: u32 = out
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("Seccomp_filters:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("Seccomp_filters in {out:?}"));
    assert!(filters >= 2, "{out:?}");
    podman(&ctx)
        .args(["--runtime", &rt, "stop", "-t", "0", "p"])
        .run()
        .success();
    podman(&ctx)
        .args(["--runtime", &rt, "rm", "p"])
        .run()
        .success();
}

/// A static 32-bit x86 program that makes the directory named by its argument, if any.
const M32_SOURCE: &str = r#"#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
int main(int argc, char **argv) {
    if (argc > 1 && mkdir(argv[1], 0755) != 0) {
        printf("mkdir %s: %s\n", argv[1], strerror(errno));
        return 3;
    }
    printf("32-bit ok\n");
    return 0;
}
"#;

#[test]
fn runtime_runs_32bit_programs_under_seccomp() {
    let (ctx, img) = busybox_context("rt-m32");
    let gcc = require("gcc", "gcc");
    let src = ctx.dir.join("m32.c");
    ctx.write_file(&src, M32_SOURCE);
    let bin = ctx.dir.join("m32");
    let out = ctx
        .command(gcc)
        .args(["-m32", "-static", "-O2", "-o"])
        .arg(&bin)
        .arg(&src)
        .run();
    if out.code != Some(0) {
        crate::harness::missing(
            &format!("a 32-bit C toolchain (gcc -m32 -static): {}", out.stderr),
            "apt-get install gcc-multilib",
        );
    }
    let rt = on_runtime(&ctx);
    let vol = format!("{}:/m32:ro", bin.display());
    // The default profile lists SCMP_ARCH_X86: a 32-bit program runs, as with runc, instead
    // of being killed by the filter's architecture check.
    let out = ctx
        .hutch(&rt)
        .args(["run", "--rm", "-v", &vol, &img, "/m32"])
        .run();
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (Some(0), "32-bit ok\n"),
        "{out:?}"
    );
    // Also under podman's deny-by-default profile, a Docker-format file whose archMap names
    // the 32-bit architectures (its filters, with their i386 halves, are stacked apart).
    let podman_profile = "seccomp=/usr/share/containers/seccomp.json";
    let out = ctx
        .hutch(&rt)
        .args([
            "run",
            "--rm",
            "--security-opt",
            podman_profile,
            "-v",
            &vol,
            &img,
            "/m32",
            "/tmp/y",
        ])
        .run();
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (Some(0), "32-bit ok\n"),
        "{out:?}"
    );
    // And the profile's rules hold for it, in its own system call numbers.
    let profile = ctx.dir.join("no-mkdir.json");
    ctx.write_file(
        &profile,
        r#"{"defaultAction":"SCMP_ACT_ALLOW","architectures":["SCMP_ARCH_X86_64","SCMP_ARCH_X86","SCMP_ARCH_X32"],
            "syscalls":[{"names":["mkdir","mkdirat"],"action":"SCMP_ACT_ERRNO","errnoRet":1}]}"#,
    );
    let sec = format!("seccomp={}", profile.display());
    let out = ctx
        .hutch(&rt)
        .args([
            "run",
            "--rm",
            "--security-opt",
            &sec,
            "-v",
            &vol,
            &img,
            "/m32",
            "/tmp/x",
        ])
        .run();
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (Some(3), "mkdir /tmp/x: Operation not permitted\n"),
        "{out:?}"
    );
}

/// The container's program starts with no signal blocked and SIGPIPE at its default action,
/// as with runc: `run` blocks the signals it forwards, and Rust's start-up ignores SIGPIPE;
/// neither may reach the container through the exec.
#[test]
fn containers_start_with_no_signal_blocked_or_sigpipe_ignored() {
    let ctx = TestContext::new("rt-signals");
    let b = bundle(&ctx, &["cat", "/proc/self/status"]);
    let bs = b.display().to_string();
    let out = runtime(&ctx, &["run", "--bundle", &bs, "sig1"]).success();
    let field = |name: &str| {
        let line = out
            .stdout
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .unwrap_or_else(|| panic!("no {name} in {out:?}"));
        u64::from_str_radix(line.trim(), 16).unwrap()
    };
    assert_eq!(field("SigBlk:"), 0, "blocked signals: {out:?}");
    // SIGPIPE is signal 13: bit 12 of the mask.
    let sigpipe = 1u64 << 12;
    assert_eq!(field("SigIgn:") & sigpipe, 0, "SIGPIPE ignored: {out:?}");
}
