//! The OCI runtime-tools validation suite against hutch-runtime, as the test user inside
//! hutch's user namespace (where hutch's monitor runs the runtime). The suite is built offline
//! in GOPATH mode with Debian's Go and the Go packages Debian ships under /usr/share/gocode;
//! its one unpackaged dependency, the TAP writer `github.com/mndrix/tap-go`, is hutch's own
//! stand-in in `tests/runtime-tools/tap`. Debian packages runtime-tools' libraries but not its
//! `validation/` programs nor `cmd/runtimetest`, so the source comes from a runtime-tools
//! checkout named by `HUTCH_RUNTIME_TOOLS_SRC` (commit 0105384, the one Debian 12 packages).
//!
//! Each case is run, or listed with the reason it cannot run rootless. A case passes when it
//! exits 0 and reports no failure (`not ok`, or for the cases that emit no test point, a
//! diagnostic); the few failures that are the suite's own (bugs, races), or a rule
//! hutch-runtime follows with runc and the current spec, are named below: a case may fail
//! only with those.

use crate::harness::{missing, require, runtime_bin, TestContext};
use std::path::{Path, PathBuf};
use std::time::Duration;

enum Expect {
    Pass,
    /// Runs, and fails only on test points (or diagnostics) containing these texts.
    KnownFailures(&'static [&'static str], &'static str),
    /// Not run, for this reason.
    CannotRun(&'static str),
}
use Expect::*;

const CGROUPS: &str = "needs a writable cgroup hierarchy: on this cgroup v1 host an \
                       unprivileged user has none, and rootless limits are ignored (as runc)";
const MKNOD: &str = "the test mknods block and character devices into the bundle, which needs \
                     CAP_MKNOD in the initial user namespace (as root, the case passes)";

const CASES: &[(&str, Expect)] = &[
    ("config_updates_without_affect", Pass),
    ("create", Pass),
    ("default", Pass),
    ("delete", Pass),
    ("delete_only_create_resources", CannotRun(CGROUPS)),
    ("delete_resources", CannotRun(CGROUPS)),
    (
        "hooks",
        KnownFailures(
            &["Hooks MUST be called in the listed order"],
            "the test compares its output file with \"post-start1\" where its hooks write \
             \"post-start1 called\": it fails on every runtime",
        ),
    ),
    (
        "hooks_stdin",
        KnownFailures(
            &["MUST be passed to \"prestart\" hook over stdin"],
            "it expects status \"created\" in prestart's state; prestart runs during create \
             (runtime-spec 1.0.2 on), where hutch-runtime, like runc, says \"creating\"",
        ),
    ),
    ("hostname", Pass),
    ("kill", Pass),
    ("kill_no_effect", Pass),
    ("killsig", Pass),
    ("linux_cgroups_blkio", CannotRun(CGROUPS)),
    ("linux_cgroups_cpus", CannotRun(CGROUPS)),
    ("linux_cgroups_devices", CannotRun(CGROUPS)),
    ("linux_cgroups_hugetlb", CannotRun(CGROUPS)),
    ("linux_cgroups_memory", CannotRun(CGROUPS)),
    ("linux_cgroups_network", CannotRun(CGROUPS)),
    ("linux_cgroups_pids", CannotRun(CGROUPS)),
    ("linux_cgroups_relative_blkio", CannotRun(CGROUPS)),
    ("linux_cgroups_relative_cpus", CannotRun(CGROUPS)),
    ("linux_cgroups_relative_devices", CannotRun(CGROUPS)),
    ("linux_cgroups_relative_hugetlb", CannotRun(CGROUPS)),
    ("linux_cgroups_relative_memory", CannotRun(CGROUPS)),
    ("linux_cgroups_relative_network", CannotRun(CGROUPS)),
    ("linux_cgroups_relative_pids", CannotRun(CGROUPS)),
    (
        "linux_devices",
        CannotRun(
            "its devices (/dev/test1, ...) do not exist on the host: a user namespace cannot \
             mknod them, and rootless devices are bound from the host's (as runc); as root, \
             hutch-runtime makes them and the case passes",
        ),
    ),
    ("linux_masked_paths", CannotRun(MKNOD)),
    ("linux_mount_label", Pass),
    ("linux_ns_itype", Pass),
    ("linux_ns_nopath", Pass),
    ("linux_ns_path", Pass),
    ("linux_ns_path_type", Pass),
    ("linux_process_apparmor_profile", Pass),
    ("linux_readonly_paths", CannotRun(MKNOD)),
    ("linux_rootfs_propagation", Pass),
    ("linux_seccomp", Pass),
    ("linux_sysctl", Pass),
    ("linux_uid_mappings", Pass),
    (
        "misc_props",
        KnownFailures(
            &["MUST NOT generate an error if they encounter an unknown annotation key"],
            "its first case runs /runtimetest without copying it into the bundle: it fails on \
             every runtime",
        ),
    ),
    ("mounts", Pass),
    (
        "pidfile",
        CannotRun(
            "it kills a container whose process is `true` after start, a race with its exit \
             that it loses at random (\"container not running\", runc's answer too)",
        ),
    ),
    (
        "poststart",
        KnownFailures(
            &["post-start hooks MUST be called after the user-specified process is executed"],
            "a race of the test's: the hook runs once the program is exec'd (start waits for \
             that), and whether the program's `sh -c echo` or the hook's writes first is the \
             scheduler's choice on a loaded machine (runc alike)",
        ),
    ),
    ("poststart_fail", Pass),
    ("poststop", Pass),
    ("poststop_fail", Pass),
    (
        "prestart",
        KnownFailures(
            &["Pre-start hooks MUST be called after the `start` operation"],
            "it expects prestart hooks at start; runtime-spec 1.0.2 on (and runc) run them \
             during create",
        ),
    ),
    ("prestart_fail", Pass),
    ("process", Pass),
    ("process_capabilities", Pass),
    ("process_capabilities_fail", Pass),
    ("process_oom_score_adj", Pass),
    (
        "process_rlimits",
        KnownFailures(
            &["has expected soft RLIMIT_NOFILE"],
            "runtimetest, built with Go 1.19, raises its own soft RLIMIT_NOFILE to the hard \
             limit when it starts, before it reads it",
        ),
    ),
    ("process_rlimits_fail", Pass),
    ("process_user", Pass),
    ("root_readonly_true", Pass),
    (
        "start",
        KnownFailures(
            &["`start` operation MUST generate an error if `process` was not set"],
            "the test's check is inverted: it passes when start succeeds without a process; \
             hutch-runtime refuses it, as the spec and the check's own text say",
        ),
    ),
    ("state", Pass),
];

/// Where runtime-tools' source is: `HUTCH_RUNTIME_TOOLS_SRC` (a checkout at the commit Debian
/// 12 packages, 0105384).
fn source() -> PathBuf {
    let src = std::env::var_os("HUTCH_RUNTIME_TOOLS_SRC").map(PathBuf::from);
    match src {
        Some(s) if s.join("validation/util/test.go").is_file() => s,
        _ => missing(
            "runtime-tools' validation sources (Debian 12 packages its libraries, not \
             validation/ or cmd/runtimetest)",
            "git clone https://github.com/opencontainers/runtime-tools && git -C runtime-tools \
             checkout 0105384 && export HUTCH_RUNTIME_TOOLS_SRC=$PWD/runtime-tools",
        ),
    }
}

/// The outcome of one case from its TAP stream: the failures it reports.
fn failures(tap: &str) -> Vec<String> {
    let points = tap
        .lines()
        .filter(|l| l.starts_with("ok ") || l.starts_with("not ok "))
        .count();
    let mut out: Vec<String> = tap
        .lines()
        .filter(|l| l.starts_with("not ok "))
        .map(str::to_string)
        .collect();
    // Lifecycle cases that emit no test point report a failure as a diagnostic block.
    if points == 0 && tap.lines().any(|l| l == "  ---") {
        out.push(tap.to_string());
    }
    out
}

fn build(ctx: &TestContext, src: &Path) -> PathBuf {
    require("go", "golang-go");
    for (pkg, deb) in [
        (
            "github.com/opencontainers/runtime-tools/generate",
            "golang-github-opencontainers-runtime-tools-dev",
        ),
        ("github.com/google/uuid", "golang-github-google-uuid-dev"),
    ] {
        if !Path::new("/usr/share/gocode/src").join(pkg).is_dir() {
            missing(
                &format!("the Go package {pkg}"),
                &format!("apt-get install {deb}"),
            );
        }
    }
    let tap = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/runtime-tools/tap");
    let gopath = ctx.dir.join("gopath");
    let rt = gopath.join("src/github.com/opencontainers/runtime-tools");
    let run = ctx.dir.join("run");
    // Only the unpackaged parts in our GOPATH: every other package resolves to Debian's.
    // Copied by this (root) process: the checkouts may be where the test user cannot read.
    let copy = format!(
        "set -e
         mkdir -p {rt}/cmd {gp}/src/github.com/mndrix {run}/v
         cp -r {src}/validation {rt}/
         cp -r {src}/cmd/runtimetest {rt}/cmd/
         cp -r {tap} {gp}/src/github.com/mndrix/tap-go
         chown -R {uid}:{gid} {gp} {run}",
        rt = rt.display(),
        gp = gopath.display(),
        run = run.display(),
        src = src.display(),
        tap = tap.display(),
        uid = ctx.user.uid,
        gid = ctx.user.gid,
    );
    let st = std::process::Command::new("sh")
        .args(["-c", &copy])
        .status()
        .unwrap();
    assert!(st.success(), "copy the validation sources: {copy}");
    let script = format!(
        "set -e
         export GOPATH={gp}:/usr/share/gocode GO111MODULE=off GOFLAGS= GOCACHE={ctx}/gocache
         cd {rt}
         CGO_ENABLED=0 go build -tags 'netgo osusergo' -o {run}/runtimetest ./cmd/runtimetest
         for d in validation/*/; do
           n=$(basename $d)
           [ $n = util ] || go build -o {run}/v/$n.t ./$d
         done",
        rt = rt.display(),
        gp = gopath.display(),
        run = run.display(),
        ctx = ctx.dir.display(),
    );
    ctx.command("sh")
        .args(["-c", &script])
        .timeout(Duration::from_secs(900))
        .run()
        .success();
    // The suite's rootfs: the host's static busybox with its applets, made here.
    require("busybox", "busybox-static");
    let rootfs = ctx.dir.join("rootfs");
    let script = format!(
        "set -e
         mkdir -p {r}/bin {r}/etc {r}/proc {r}/sys {r}/dev {r}/tmp
         cp /bin/busybox {r}/bin/
         for a in $(/bin/busybox --list); do [ -e {r}/bin/$a ] || ln -s busybox {r}/bin/$a; done
         echo 'root:x:0:0:root:/root:/bin/sh' > {r}/etc/passwd
         echo 'root:x:0:' > {r}/etc/group
         tar -C {r} -czf {run}/rootfs-amd64.tar.gz .
         printf '#!/bin/sh\\nexec {bin} --root {run}/state \"$@\"\\n' > {run}/runtime
         chmod +x {run}/runtime",
        r = rootfs.display(),
        run = run.display(),
        bin = runtime_bin().display(),
    );
    ctx.command("sh").args(["-c", &script]).run().success();
    run
}

#[test]
#[ignore = "needs runtime-tools' validation sources, which Debian 12 does not package: \
            HUTCH_RUNTIME_TOOLS_SRC=DIR cargo test --test it runtime_tools -- --ignored"]
fn runtime_tools_validation_suite_passes() {
    let src = source();
    let ctx = TestContext::new("rt-tools");
    let run = build(&ctx, &src);
    let (mut passed, mut known, mut not_run) = (0, 0, 0);
    let mut bad = Vec::new();
    for (case, expect) in CASES {
        let allowed: &[&str] = match expect {
            CannotRun(why) => {
                eprintln!("{case}: not run: {why}");
                not_run += 1;
                continue;
            }
            Pass => &[],
            KnownFailures(texts, why) => {
                eprintln!("{case}: known failure: {why}");
                texts
            }
        };
        let tap = run.join(format!("{case}.tap"));
        let err = run.join(format!("{case}.err"));
        // Each case drives the runtime from inside hutch's user namespace, as the monitor does.
        let script = format!(
            "cd {run} && RUNTIME={run}/runtime {hutch} unshare ./v/{case}.t >{tap} 2>{err}",
            run = run.display(),
            hutch = crate::harness::hutch_bin().display(),
            tap = tap.display(),
            err = err.display(),
        );
        let out = ctx
            .command("sh")
            .args(["-c", &script])
            .timeout(Duration::from_secs(300))
            .run();
        let tap = std::fs::read_to_string(&tap).unwrap_or_default();
        let err = std::fs::read_to_string(&err).unwrap_or_default();
        let fails = failures(&tap);
        let unexpected: Vec<&String> = fails
            .iter()
            .filter(|f| !allowed.iter().any(|a| f.contains(a)))
            .collect();
        if out.code != Some(0) || !unexpected.is_empty() {
            bad.push(format!(
                "{case}: exit {:?}\n{}\n--- stderr ---\n{err}",
                out.code,
                unexpected
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            ));
        } else if fails.is_empty() {
            passed += 1;
        } else {
            known += 1;
        }
    }
    eprintln!(
        "runtime-tools: {passed} cases passed, {known} failed only as known, {not_run} not run \
         rootless, {} failed",
        bad.len()
    );
    assert!(bad.is_empty(), "failed cases:\n{}", bad.join("\n\n"));
    // Every validation program is accounted for.
    let built = std::fs::read_dir(run.join("v")).unwrap().count();
    assert_eq!(built, CASES.len(), "validation programs vs the case list");
}
