//! version, help, info, unshare and the error contract (one line, exit 125, naming the thing).

use crate::harness::{require, test_user, TestContext};
use crate::registry::registries;

#[test]
fn version_prints_the_version() {
    let ctx = TestContext::new("version");
    let out = ctx.hutch(["version"]).run().success();
    assert!(
        out.stdout.contains(env!("CARGO_PKG_VERSION")),
        "`hutch version` should print {}: {}",
        env!("CARGO_PKG_VERSION"),
        out.stdout
    );
    let out = ctx.hutch(["--version"]).run().success();
    assert!(out.stdout.contains(env!("CARGO_PKG_VERSION")));
    let out = ctx.hutch(["version", "--format", "json"]).run().success();
    let v: serde_json::Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("version --format json: {e}: {}", out.stdout));
    assert!(v.to_string().contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn help_lists_the_commands() {
    let ctx = TestContext::new("help");
    let out = ctx.hutch(["--help"]).run().success();
    for cmd in [
        "pull", "images", "rmi", "tag", "inspect", "history", "image", "unshare", "info", "version",
    ] {
        assert!(
            out.stdout.lines().any(|l| l.trim_start().starts_with(cmd)),
            "--help should list `{cmd}`:\n{}",
            out.stdout
        );
    }
    ctx.hutch(["pull", "--help"]).run().success();
    ctx.hutch(["image", "--help"]).run().success();
}

/// The commands a `--help` lists, with their one-line descriptions (wrapped lines joined).
fn listed_commands(help: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut in_list = false;
    for line in help.lines() {
        if line == "Commands:" {
            in_list = true;
            continue;
        }
        if !in_list || line.trim().is_empty() {
            in_list = in_list && !line.trim().is_empty();
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        match (indent, out.last_mut()) {
            (2, _) => {
                let (name, desc) = line.trim().split_once(' ').unwrap_or((line.trim(), ""));
                out.push((name.to_string(), desc.trim().to_string()));
            }
            (_, Some((_, desc))) => {
                desc.push(' ');
                desc.push_str(line.trim());
            }
            _ => {}
        }
    }
    out.retain(|(n, _)| n != "help");
    out
}

#[test]
fn each_commands_help_starts_with_its_description() {
    let ctx = TestContext::new("help-about");
    let top = ctx.hutch(["--help"]).run().success().stdout;
    let mut paths: Vec<Vec<String>> = Vec::new();
    let mut checked = 0;
    for (name, desc) in listed_commands(&top) {
        paths.push(vec![name.clone()]);
        let sub = ctx.hutch([name.as_str(), "-h"]).run().success().stdout;
        for (child, child_desc) in listed_commands(&sub) {
            let own = ctx
                .hutch([name.as_str(), child.as_str(), "-h"])
                .run()
                .success()
                .stdout;
            let first = own.split("\n\n").next().unwrap().replace('\n', " ");
            assert_eq!(first, child_desc, "`{name} {child} -h` starts:\n{own}");
            checked += 1;
        }
        let first = sub.split("\n\n").next().unwrap().replace('\n', " ");
        assert_eq!(first, desc, "`{name} -h` starts:\n{sub}");
        checked += 1;
    }
    assert!(checked > 50, "{checked} commands checked:\n{top}");
}

#[test]
fn unknown_command_exits_125_naming_it() {
    let ctx = TestContext::new("unknown");
    ctx.hutch(["frobnicate"])
        .run()
        .code(125)
        .stderr_has(&["frobnicate"]);
    ctx.hutch(["images", "--no-such-flag"])
        .run()
        .code(125)
        .stderr_has(&["--no-such-flag"]);
}

#[test]
fn info_reports_paths_and_driver() {
    let ctx = TestContext::new("info");
    let out = ctx.hutch(["info"]).run().success();
    let graphroot = ctx.graphroot().display().to_string();
    assert!(
        out.stdout.contains(&graphroot),
        "info should show the graphroot {graphroot}:\n{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(&ctx.runroot().display().to_string()),
        "info should show the runroot:\n{}",
        out.stdout
    );
    let json = ctx.hutch(["info", "--format", "json"]).run().success();
    let v: serde_json::Value = serde_json::from_str(&json.stdout)
        .unwrap_or_else(|e| panic!("info --format json: {e}: {}", json.stdout));
    let text = v.to_string();
    assert!(
        text.contains(&graphroot),
        "info json should contain the graphroot: {text}"
    );
    assert!(
        ["overlay", "fuse-overlayfs", "vfs"]
            .iter()
            .any(|d| text.contains(d)),
        "info json should name the storage driver in use: {text}"
    );
}

#[test]
fn unshare_is_root_with_the_subordinate_range() {
    let ctx = TestContext::new("unshare");
    let out = ctx.hutch(["unshare", "id", "-u"]).run().success();
    assert_eq!(
        out.stdout.trim(),
        "0",
        "`hutch unshare id -u` should print 0"
    );
    let out = ctx
        .hutch(["unshare", "cat", "/proc/self/uid_map"])
        .run()
        .success();
    let user = test_user();
    let rows: Vec<Vec<u64>> = out
        .stdout
        .lines()
        .map(|l| l.split_whitespace().map(|n| n.parse().unwrap()).collect())
        .collect();
    assert!(
        rows.contains(&vec![0, user.uid as u64, 1]),
        "uid 0 inside should be the user {}: {:?}",
        user.uid,
        out.stdout
    );
    let (start, count) = user.subordinate_ranges("/etc/subuid")[0];
    assert!(
        rows.contains(&vec![1, start, count]),
        "ids 1.. inside should be the subordinate range {start}:{count}: {:?}",
        out.stdout
    );
    // The namespace is kept: a second command sees the same one.
    let ns1 = ctx
        .hutch(["unshare", "readlink", "/proc/self/ns/user"])
        .run()
        .success()
        .stdout;
    let ns2 = ctx
        .hutch(["unshare", "readlink", "/proc/self/ns/user"])
        .run()
        .success()
        .stdout;
    assert_eq!(
        ns1, ns2,
        "two `hutch unshare` runs should join the same user namespace"
    );
}

#[test]
fn unshare_passes_the_exit_code_through() {
    let ctx = TestContext::new("unshare-exit");
    ctx.hutch(["unshare", "sh", "-c", "exit 3"]).run().code(3);
}

#[test]
fn bad_reference_exits_125_naming_it() {
    let ctx = TestContext::new("badref");
    for bad in ["127.0.0.1:5000/UPPER/case", "bad//ref", "x:y:z@@"] {
        ctx.hutch(["pull", "--tls-verify=false", bad])
            .run()
            .code(125)
            .one_line_error()
            .stderr_has(&[bad]);
    }
}

#[test]
fn unreachable_registry_exits_125_naming_it() {
    let ctx = TestContext::new("unreachable");
    ctx.hutch(["pull", "--tls-verify=false", "127.0.0.1:1/nothing:latest"])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&["127.0.0.1:1"]);
}

#[test]
fn missing_image_in_registry_exits_125_naming_it() {
    let ctx = TestContext::new("missing-remote");
    let reference = registries().plain.image("no/such-image:latest");
    ctx.hutch(["pull", "--tls-verify=false", &reference])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&["no/such-image"]);
}

#[test]
fn missing_local_image_errors() {
    let ctx = TestContext::new("missing-local");
    ctx.hutch(["image", "exists", "nothing-here"]).run().code(1);
    ctx.hutch(["image", "inspect", "nothing-here"])
        .run()
        .code(125)
        .stderr_has(&["nothing-here"]);
    ctx.hutch(["history", "nothing-here"])
        .run()
        .code(125)
        .stderr_has(&["nothing-here"]);
    ctx.hutch(["tag", "nothing-here", "other:tag"])
        .run()
        .code(125)
        .stderr_has(&["nothing-here"]);
    ctx.hutch(["rmi", "nothing-here"])
        .run()
        .code(1)
        .stderr_has(&["nothing-here"]);
    ctx.hutch(["rmi", "-i", "nothing-here"]).run().success();
}

/// `info` names the runtime that containers get, from the same choice (`crun` where it works,
/// else `runc`), and reports `--runtime PATH` as given.
#[test]
fn info_names_the_runtime_containers_get() {
    let runc = require("runc", "runc");
    let ctx = TestContext::new("info-runtime");
    let img = crate::fixtures::busybox().plain();
    crate::pull(&ctx, &img).success();
    ctx.hutch(["create", "--name", "plain", &img, "true"])
        .run()
        .success();
    let created = ctx
        .hutch(["inspect", "--format", "{{.OCIRuntime}}", "plain"])
        .run()
        .success();
    let info = ctx
        .hutch(["info", "--format", "{{.Host.OCIRuntime.Name}}"])
        .run()
        .success();
    assert_eq!(info.stdout_trim(), created.stdout_trim());
    // hutch's own runtime is the default (the harness installs it next to hutch), and info
    // says why; HUTCH_IT_RUNTIME runs the suite on another one, chosen as --runtime is.
    let why = ctx
        .hutch(["info", "--format", "{{.Host.OCIRuntime.Reason}}"])
        .run()
        .success();
    if std::env::var_os("HUTCH_IT_RUNTIME").is_none_or(|r| r.is_empty()) {
        assert_eq!(info.stdout_trim(), "hutch-runtime");
        assert!(why.stdout.contains("default"), "{}", why.stdout);
        // containers.conf's [engine] runtime picks another, and info says so.
        let conf = ctx.config_home.join("containers/containers.conf");
        ctx.write_file(&conf, "[engine]\nruntime = \"runc\"\n");
        let by_conf = ctx
            .hutch([
                "info",
                "--format",
                "{{.Host.OCIRuntime.Name}} {{.Host.OCIRuntime.Reason}}",
            ])
            .run()
            .success();
        let _ = std::fs::remove_file(&conf);
        assert!(
            by_conf.stdout.starts_with("runc [engine] runtime in "),
            "{}",
            by_conf.stdout
        );
    } else {
        assert_eq!(why.stdout_trim(), "chosen with --runtime");
    }
    let runc = runc.display().to_string();
    let out = ctx
        .hutch([
            "--runtime",
            &runc,
            "info",
            "--format",
            "{{.Host.OCIRuntime.Name}} {{.Host.OCIRuntime.Path}} {{.Host.OCIRuntime.Reason}}",
        ])
        .run()
        .success();
    assert_eq!(
        out.stdout_trim(),
        format!("runc {runc} chosen with --runtime")
    );
    ctx.hutch(["rm", "plain"]).run().success();
}

#[test]
fn runtime_dir_not_owned_falls_back_with_a_warning() {
    let mut ctx = TestContext::new("xdg-fallback");
    // As after `su`: XDG_RUNTIME_DIR points at a directory the user does not own.
    ctx.set_env("XDG_RUNTIME_DIR", "/");
    let out = ctx.hutch(["info"]).run().success();
    assert!(
        out.stderr.to_lowercase().contains("xdg_runtime_dir"),
        "expected a warning about XDG_RUNTIME_DIR:\n{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains('\x1b'),
        "no colour escapes when stderr is not a terminal: {:?}",
        out.stderr
    );
}

#[test]
fn root_and_runroot_flags_choose_the_store() {
    let ctx = TestContext::new("root-flags");
    let img = crate::fixtures::busybox();
    let root = ctx.dir.join("elsewhere/storage");
    let runroot = ctx.dir.join("elsewhere/run");
    let flags = [
        "--root".to_string(),
        root.display().to_string(),
        "--runroot".into(),
        runroot.display().to_string(),
    ];
    ctx.hutch(&flags)
        .args(["pull", "-q", "--tls-verify=false", &img.plain()])
        .run()
        .success();
    let out = ctx
        .hutch(&flags)
        .args(["images", "-q", "--no-trunc"])
        .run()
        .success();
    assert_eq!(out.stdout.trim(), format!("sha256:{}", img.id));
    assert!(
        root.join("hutch.db").exists(),
        "the database should live under --root"
    );
    let out = ctx.hutch(&flags).arg("info").run().success();
    assert!(
        out.stdout.contains(&root.display().to_string()),
        "{}",
        out.stdout
    );
    // The default store did not get it.
    let out = ctx.hutch(["images", "-q"]).run().success();
    assert_eq!(out.stdout.trim(), "", "the default store should be empty");
}

#[test]
fn log_level_debug_says_more() {
    let ctx = TestContext::new("log-level");
    let img = crate::fixtures::busybox();
    let pull = |level: &str| {
        ctx.hutch([
            "--log-level",
            level,
            "pull",
            "-q",
            "--tls-verify=false",
            &img.plain(),
        ])
        .run()
        .success()
    };
    let quiet = pull("warn");
    ctx.hutch(["rmi", &img.plain()]).run().success();
    let loud = pull("debug");
    assert!(
        loud.stderr.len() > quiet.stderr.len(),
        "--log-level debug should log something:\n{}",
        loud.stderr
    );
    assert!(
        !quiet.stderr.contains("DEBUG"),
        "warn level shows no debug lines: {}",
        quiet.stderr
    );
    // podman refuses an unknown level (with exit 1) rather than ignoring it.
    ctx.hutch(["--log-level", "shouting", "images"])
        .run()
        .failure()
        .stderr_has(&["shouting"]);
}
