//! systemd user units: `generate systemd` and quadlet files. Our machines have no systemd as
//! PID 1, so each unit is checked with `systemd-analyze verify`, and its Exec lines are run here
//! as systemd would run them (specifiers expanded, `$NOTIFY_SOCKET` set to a socket this test
//! listens on), asserting READY=1 and MAINPID arrive and that stopping leaves nothing behind.

use crate::fixtures::busybox;
use crate::harness::{require, Output, TestContext};
use crate::pull;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::UnixDatagram;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// `systemd-analyze verify` on `units` (written under the context, with the binary under
/// test), failing on any output.
fn verify(ctx: &TestContext, units: &[(&str, &str)]) {
    let analyze = require("systemd-analyze", "systemd");
    let dir = ctx.dir.join("verify");
    std::fs::create_dir_all(&dir).unwrap();
    let mut paths = Vec::new();
    for (name, text) in units {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        paths.push(p);
    }
    let out = std::process::Command::new(analyze)
        .args(["verify", "--man=no"])
        .args(&paths)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "systemd-analyze verify failed: {stderr}{stdout}"
    );
    assert!(
        stderr.trim().is_empty() && stdout.trim().is_empty(),
        "systemd-analyze verify warned: {stderr}{stdout}"
    );
}

/// The values of `key` in `[Service]`.
fn service(text: &str, key: &str) -> Vec<String> {
    let mut in_service = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with('[') {
            in_service = line == "[Service]";
        } else if let Some(v) = line.strip_prefix(&format!("{key}=")) {
            if in_service {
                out.push(v.to_string());
            }
        }
    }
    out
}

/// systemd's specifiers for a user unit: %t, %n, %N, %%; `$$` is a literal `$`.
fn expand(ctx: &TestContext, unit: &str, s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek().copied()) {
            ('%', Some(n)) => {
                chars.next();
                match n {
                    't' => out.push_str(&ctx.runtime_dir.display().to_string()),
                    'n' => out.push_str(unit),
                    'N' => out.push_str(unit.trim_end_matches(".service")),
                    '%' => out.push('%'),
                    other => panic!("specifier %{other} not expected in {s}"),
                }
            }
            ('$', Some('$')) => {
                chars.next();
                out.push('$');
            }
            (c, _) => out.push(c),
        }
    }
    out
}

/// systemd's word splitting of an Exec line (quotes and backslash escapes).
fn split(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut quote = None;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (_, '\\') => {
                cur.push(match chars.next().unwrap() {
                    'n' => '\n',
                    e => e,
                });
                in_word = true;
            }
            (Some(_), c) => cur.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            (None, c) => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    assert!(quote.is_none(), "unterminated quote in {s}");
    if in_word {
        out.push(cur);
    }
    out
}

/// How long a message sent before the sender exited may take to be read here.
const SENT: Duration = Duration::from_millis(300);

/// systemd's notify socket, played by this test.
struct Notify {
    path: PathBuf,
    sock: UnixDatagram,
}

impl Notify {
    fn new(ctx: &TestContext) -> Notify {
        let path = ctx.dir.join("notify.sock");
        let sock = UnixDatagram::bind(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o777)).unwrap();
        sock.set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        Notify { path, sock }
    }

    /// Messages until one satisfies `done` (or the limit, which fails).
    fn until(&self, what: &str, limit: Duration, done: impl Fn(&str) -> bool) -> Vec<String> {
        let start = Instant::now();
        let mut got = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            if let Ok(n) = self.sock.recv(&mut buf) {
                let m = String::from_utf8_lossy(&buf[..n]).into_owned();
                let ok = done(&m);
                got.push(m);
                if ok {
                    return got;
                }
            }
            assert!(
                start.elapsed() < limit,
                "no {what} on the notify socket; got {got:?}"
            );
        }
    }

    /// Nothing arrives for a while.
    fn quiet(&self) -> Option<String> {
        let mut buf = [0u8; 4096];
        let start = Instant::now();
        while start.elapsed() < Duration::from_millis(600) {
            if let Ok(n) = self.sock.recv(&mut buf) {
                return Some(String::from_utf8_lossy(&buf[..n]).into_owned());
            }
        }
        None
    }
}

/// Runs `[Service]` `key`'s lines of `unit` as systemd would: `-` ignores a failure, the
/// unit's `Environment=` and `$NOTIFY_SOCKET` are set.
fn exec(ctx: &TestContext, unit: &str, text: &str, key: &str, notify: Option<&Path>) {
    for line in service(text, key) {
        let (ignore, line) = match line.strip_prefix('-') {
            Some(l) => (true, l.to_string()),
            None => (false, line),
        };
        let words: Vec<String> = split(&line)
            .into_iter()
            .map(|w| expand(ctx, unit, &w))
            .collect();
        let mut cmd = ctx.command(&words[0]);
        cmd.args(&words[1..]);
        for env in service(text, "Environment") {
            let (k, v) = env.split_once('=').unwrap();
            cmd.env(k, expand(ctx, unit, v));
        }
        if let Some(p) = notify {
            cmd.env("NOTIFY_SOCKET", p);
        }
        let out: Output = cmd.run();
        if !ignore {
            out.success();
        }
    }
}

fn mainpid(msgs: &[String]) -> i32 {
    msgs.iter()
        .flat_map(|m| m.lines())
        .find_map(|l| l.strip_prefix("MAINPID="))
        .unwrap_or_else(|| panic!("no MAINPID in {msgs:?}"))
        .parse()
        .unwrap()
}

fn is_monitor(pid: i32) -> bool {
    std::fs::read(format!("/proc/{pid}/cmdline"))
        .is_ok_and(|c| String::from_utf8_lossy(&c).contains("hutch-conmon"))
}

fn until(what: &str, mut f: impl FnMut() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn state(ctx: &TestContext, name: &str) -> String {
    ctx.hutch(["inspect", name, "--format", "{{.State.Status}}"])
        .run()
        .success()
        .stdout_trim()
        .to_string()
}

fn no_containers(ctx: &TestContext) {
    let ps = ctx.hutch(["ps", "-a", "-q"]).run().success();
    assert_eq!(ps.stdout_trim(), "", "containers left behind");
}

#[test]
fn generate_systemd_new_runs_as_systemd_would() {
    require("runc", "runc");
    let ctx = TestContext::new("sd-generate-new");
    let img = busybox().plain();
    pull(&ctx, &img).success();
    ctx.hutch(["create", "--name", "web", &img])
        .args(["sh", "-c", "echo 'up 100%'; exec sleep 1000"])
        .run()
        .success();
    let unit = "container-web.service";
    let text = ctx
        .hutch(["generate", "systemd", "--new", "--name", "-t", "2", "web"])
        .run()
        .success()
        .stdout;
    for want in [
        "Type=notify\n",
        "NotifyAccess=all\n",
        "ExecStartPre=/bin/rm -f %t/%n.ctr-id\n",
        " run --cidfile=%t/%n.ctr-id --rm --sdnotify=conmon -d --replace --name web ",
        " sh -c \"echo 'up 100%%'; exec sleep 1000\"\n",
        " stop --ignore -t 2 --cidfile=%t/%n.ctr-id\n",
        " rm -f --ignore -t 2 --cidfile=%t/%n.ctr-id\n",
        "Restart=on-failure\n",
        "TimeoutStopSec=62\n",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
    verify(&ctx, &[(unit, &text)]);

    // --files writes the same unit.
    let files = ctx
        .hutch([
            "generate", "systemd", "--new", "--name", "-t", "2", "--files", "web",
        ])
        .run()
        .success();
    let written = PathBuf::from(files.stdout_trim());
    assert!(written.ends_with(unit), "{}", files.stdout);
    assert_eq!(std::fs::read_to_string(&written).unwrap(), text);

    let notify = Notify::new(&ctx);
    exec(&ctx, unit, &text, "ExecStartPre", Some(&notify.path));
    exec(&ctx, unit, &text, "ExecStart", Some(&notify.path));
    // Already there when the `hutch run` systemd started has exited: a notify unit whose main
    // process exits before READY fails.
    let msgs = notify.until("READY=1", SENT, |m| m.lines().any(|l| l == "READY=1"));
    let pid = mainpid(&msgs);
    assert!(is_monitor(pid), "MAINPID {pid} is not the monitor");
    assert_eq!(state(&ctx, "web"), "running");
    let logs = ctx.hutch(["logs", "web"]).run().success();
    assert_eq!(logs.stdout_trim(), "up 100%");
    assert!(ctx.runtime_dir.join(format!("{unit}.ctr-id")).exists());

    exec(&ctx, unit, &text, "ExecStop", None);
    exec(&ctx, unit, &text, "ExecStopPost", None);
    no_containers(&ctx);
    until("the monitor to exit", || !is_monitor(pid));
    assert!(!ctx.runtime_dir.join(format!("{unit}.ctr-id")).exists());
    // A second stop (systemd runs ExecStopPost after a failed start too) is quiet.
    exec(&ctx, unit, &text, "ExecStopPost", None);

    // And it starts again from scratch, as after a reboot.
    exec(&ctx, unit, &text, "ExecStartPre", Some(&notify.path));
    exec(&ctx, unit, &text, "ExecStart", Some(&notify.path));
    notify.until("READY=1 again", SENT, |m| m.contains("READY=1"));
    exec(&ctx, unit, &text, "ExecStop", None);
    exec(&ctx, unit, &text, "ExecStopPost", None);
    no_containers(&ctx);
}

#[test]
fn generate_systemd_for_an_existing_container() {
    require("runc", "runc");
    let ctx = TestContext::new("sd-generate-old");
    let img = busybox().plain();
    pull(&ctx, &img).success();
    ctx.hutch(["create", "--name", "old", &img, "sleep", "1000"])
        .run()
        .success();
    let unit = "container-old.service";
    let text = ctx
        .hutch([
            "generate",
            "systemd",
            "--name",
            "--restart-policy",
            "always",
            "old",
        ])
        .run()
        .success()
        .stdout;
    assert!(text.contains("Type=forking\n"), "{text}");
    assert!(text.contains("Restart=always\n"), "{text}");
    verify(&ctx, &[(unit, &text)]);
    ctx.hutch([
        "generate",
        "systemd",
        "--restart-policy",
        "sometimes",
        "old",
    ])
    .run()
    .failure()
    .stderr_has(&["sometimes", "on-failure"]);

    exec(&ctx, unit, &text, "ExecStart", None);
    assert_eq!(state(&ctx, "old"), "running");
    let pidfile = expand(&ctx, unit, &service(&text, "PIDFile")[0]);
    let pid: i32 = std::fs::read_to_string(&pidfile)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(
        is_monitor(pid),
        "PIDFile {pidfile} names {pid}, not the monitor"
    );
    exec(&ctx, unit, &text, "ExecStop", None);
    exec(&ctx, unit, &text, "ExecStopPost", None);
    assert_eq!(state(&ctx, "old"), "exited");
    until("the monitor to exit", || !is_monitor(pid));
}

#[test]
fn sdnotify_modes_on_run() {
    require("runc", "runc");
    let ctx = TestContext::new("sd-notify-modes");
    let img = busybox().plain();
    pull(&ctx, &img).success();
    let notify = Notify::new(&ctx);

    // Under a notify unit, `conmon` is the default: the monitor reports, hutch does not.
    ctx.hutch(["run", "-d", "--name", "dflt", &img, "sleep", "1000"])
        .env("NOTIFY_SOCKET", &notify.path)
        .run()
        .success();
    let msgs = notify.until("READY=1", SENT, |m| m.contains("READY=1"));
    assert!(is_monitor(mainpid(&msgs)), "{msgs:?}");
    assert_eq!(notify.quiet(), None, "a second notification");

    // `ignore` sends nothing.
    ctx.hutch(["run", "-d", "--sdnotify=ignore", &img, "sleep", "1000"])
        .env("NOTIFY_SOCKET", &notify.path)
        .run()
        .success();
    assert_eq!(notify.quiet(), None);

    // `container`: the container gets a socket at $NOTIFY_SOCKET whose messages the monitor
    // passes on (busybox has no systemd-notify: its logger writes a datagram to /dev/log).
    let out = ctx
        .hutch(["run", "-d", "--sdnotify=container", "--name", "ctr", &img])
        .args([
            "sh",
            "-c",
            "echo \"$NOTIFY_SOCKET\"; ln -sf \"$NOTIFY_SOCKET\" /dev/log && \
             busybox logger -t app READY=1; exec sleep 1000",
        ])
        .env("NOTIFY_SOCKET", &notify.path)
        .run()
        .success();
    let _ = out;
    let msgs = notify.until("the container's message", Duration::from_secs(20), |m| {
        m.contains("app: READY=1")
    });
    assert!(
        !msgs.iter().any(|m| m.lines().any(|l| l == "READY=1")),
        "the monitor sent READY itself in container mode: {msgs:?}"
    );
    until("the container's output", || {
        ctx.hutch(["logs", "ctr"]).run().success().stdout_trim() == "/run/notify/notify.sock"
    });
    ctx.hutch(["run", "--sdnotify=bogus", &img, "true"])
        .run()
        .failure()
        .stderr_has(&["--sdnotify", "bogus"]);
    ctx.hutch(["rm", "-f", "-t", "0", "-a"]).run().success();
}

#[test]
fn quadlet_container_with_volume_and_network() {
    require("runc", "runc");
    require("pasta", "passt");
    let ctx = TestContext::new("sd-quadlet");
    let img = busybox().plain();
    pull(&ctx, &img).success();
    let src = ctx.dir.join("quadlets");
    ctx.write_file(
        &src.join("web.container"),
        format!(
            "[Unit]\nDescription=web\n\n[Container]\nImage={img}\n\
             Exec=sh -c \"echo hello > /data/out; exec sleep 1000\"\n\
             Volume=data.volume:/data\nNetwork=net.network\nEnvironment=A=1 \"B=two words\"\n\
             Label=app=web\n\n[Service]\nRestart=always\n\n[Install]\nWantedBy=default.target\n"
        ),
    );
    ctx.write_file(&src.join("data.volume"), "[Volume]\nVolumeName=webdata\n");
    ctx.write_file(
        &src.join("net.network"),
        "[Network]\nSubnet=10.89.42.0/24\n",
    );
    let out = ctx.hutch(["quadlet", "install"]).arg(&src).run().success();
    let units = ctx.config_home.join("systemd/user");
    for u in ["web.service", "data-volume.service", "net-network.service"] {
        assert!(out.stdout.contains(u), "{u} not installed: {}", out.stdout);
    }
    assert!(units.join("default.target.wants/web.service").exists());
    assert!(ctx
        .config_home
        .join("containers/systemd/web.container")
        .is_file());
    let read = |u: &str| std::fs::read_to_string(units.join(u)).unwrap();
    let (web, vol, net) = (
        read("web.service"),
        read("data-volume.service"),
        read("net-network.service"),
    );
    assert!(web.contains("Requires=data-volume.service\nAfter=data-volume.service\n"));
    assert!(web.contains("Requires=net-network.service\nAfter=net-network.service\n"));
    let printed = ctx
        .hutch(["quadlet", "print", "web.container"])
        .run()
        .success();
    assert_eq!(printed.stdout, web);
    verify(
        &ctx,
        &[
            ("web.service", &web),
            ("data-volume.service", &vol),
            ("net-network.service", &net),
        ],
    );
    let list = ctx.hutch(["quadlet", "list"]).run().success();
    assert_eq!(list.stdout.matches(" yes").count(), 3, "{}", list.stdout);

    // What systemd does for `systemctl --user start web`: the dependencies, then the service.
    let notify = Notify::new(&ctx);
    exec(&ctx, "data-volume.service", &vol, "ExecStart", None);
    exec(&ctx, "net-network.service", &net, "ExecStart", None);
    // A second start of a oneshot (after a reboot) finds them there.
    exec(&ctx, "data-volume.service", &vol, "ExecStart", None);
    exec(&ctx, "net-network.service", &net, "ExecStart", None);
    exec(&ctx, "web.service", &web, "ExecStart", Some(&notify.path));
    let msgs = notify.until("READY=1", SENT, |m| m.contains("READY=1"));
    assert!(is_monitor(mainpid(&msgs)));
    assert_eq!(state(&ctx, "systemd-web"), "running");
    let env = ctx
        .hutch([
            "exec",
            "systemd-web",
            "sh",
            "-c",
            "echo \"$A/$B\"; cat /data/out",
        ])
        .run()
        .success();
    assert_eq!(env.stdout, "1/two words\nhello\n");
    let nets = ctx
        .hutch([
            "inspect",
            "systemd-web",
            "--format",
            "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}",
        ])
        .run()
        .success();
    assert_eq!(nets.stdout_trim(), "systemd-net");
    exec(&ctx, "web.service", &web, "ExecStop", None);
    exec(&ctx, "web.service", &web, "ExecStopPost", None);
    no_containers(&ctx);
    assert!(!ctx.runtime_dir.join("web.cid").exists());
    // The volume keeps its data (as podman's quadlet: volumes outlive the service).
    ctx.hutch(["volume", "inspect", "webdata"]).run().success();

    ctx.hutch(["quadlet", "rm", "web.container"])
        .run()
        .success();
    assert!(!units.join("web.service").exists());
    assert!(!units.join("default.target.wants/web.service").exists());
    assert!(units.join("data-volume.service").exists());

    // The generator entry point writes the same units into the directory systemd gives it.
    let gen = ctx.dir.join("gen");
    ctx.hutch(["quadlet", "generate"])
        .arg(&gen)
        .arg(ctx.dir.join("gen-early"))
        .arg(ctx.dir.join("gen-late"))
        .run()
        .success();
    assert_eq!(
        std::fs::read_to_string(gen.join("data-volume.service")).unwrap(),
        vol
    );

    // Unknown and unsupported keys are refused by file and line.
    ctx.write_file(
        &src.join("bad.container"),
        format!("[Container]\nImage={img}\nAutoUpdate=registry\n"),
    );
    ctx.hutch(["quadlet", "install"])
        .arg(src.join("bad.container"))
        .run()
        .failure()
        .stderr_has(&["bad.container:3", "AutoUpdate", "not support"]);
    ctx.write_file(
        &src.join("bad.container"),
        format!("[Container]\nImage={img}\nFrobnicate=1\n"),
    );
    ctx.hutch(["quadlet", "print"])
        .arg(src.join("bad.container"))
        .run()
        .failure()
        .stderr_has(&["bad.container:3", "unknown key Frobnicate"]);
}

#[test]
fn quadlet_notify_passes_the_containers_messages() {
    require("runc", "runc");
    let ctx = TestContext::new("sd-quadlet-notify");
    let img = busybox().plain();
    pull(&ctx, &img).success();
    let dir = ctx.config_home.join("containers/systemd");
    ctx.write_file(
        &dir.join("app.container"),
        format!(
            "[Container]\nImage={img}\nNotify=true\nNetwork=none\nReadOnly=true\n\
             Tmpfs=/tmp\nExec=sh -c \"ln -s $NOTIFY_SOCKET /dev/log && busybox logger -t app READY=1; exec sleep 1000\"\n"
        ),
    );
    ctx.hutch(["quadlet", "install"]).run().success();
    let web = std::fs::read_to_string(ctx.config_home.join("systemd/user/app.service")).unwrap();
    assert!(web.contains("--sdnotify=container"), "{web}");
    verify(&ctx, &[("app.service", &web)]);
    let notify = Notify::new(&ctx);
    exec(&ctx, "app.service", &web, "ExecStart", Some(&notify.path));
    notify.until("the container's message", Duration::from_secs(20), |m| {
        m.contains("app: READY=1")
    });
    exec(&ctx, "app.service", &web, "ExecStop", None);
    exec(&ctx, "app.service", &web, "ExecStopPost", None);
    no_containers(&ctx);
}

#[test]
fn start_all_by_restart_policy_and_the_shipped_unit() {
    require("runc", "runc");
    let ctx = TestContext::new("sd-restart-unit");
    let img = busybox().plain();
    pull(&ctx, &img).success();
    for (name, policy) in [
        ("a", "always"),
        ("u", "unless-stopped"),
        ("n", "no"),
        ("f", "on-failure"),
    ] {
        ctx.hutch([
            "create",
            "--name",
            name,
            "--restart",
            policy,
            &img,
            "sleep",
            "1000",
        ])
        .run()
        .success();
    }
    let src =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("contrib/systemd/user/hutch-restart.service");
    let text = std::fs::read_to_string(src).unwrap().replace(
        "/usr/local/bin/hutch",
        &crate::harness::hutch_bin().display().to_string(),
    );
    verify(&ctx, &[("hutch-restart.service", &text)]);
    exec(&ctx, "hutch-restart.service", &text, "ExecStart", None);
    for (name, want) in [
        ("a", "running"),
        ("u", "running"),
        ("n", "created"),
        ("f", "created"),
    ] {
        let s = state(&ctx, name);
        assert!(
            s == want || (want == "created" && s == "configured"),
            "{name}: {s}, want {want}"
        );
    }
    // Running ones are left alone: a second run starts nothing and succeeds.
    let again = ctx
        .hutch([
            "start",
            "--all",
            "--filter",
            "restart-policy=always,unless-stopped",
        ])
        .run()
        .success();
    assert_eq!(again.stdout_trim(), "");
    ctx.hutch(["start", "--filter", "restart-policy=always", "a"])
        .run()
        .failure();
    ctx.hutch(["rm", "-f", "-t", "0", "-a"]).run().success();
}
