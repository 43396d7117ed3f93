//! Per-container networking with the real pasta and slirp4netns, as the unprivileged test user:
//! published TCP and UDP ports from the host, the container reaching a service on the host's
//! loopback, /etc/hosts and /etc/resolv.conf, `--network none|container:|ns:`, `-P`, the
//! default mode from containers.conf, a port in use, and no helper process or namespace file
//! left after rm, a killed monitor or a lost runroot (checked on the process table).

use crate::fixtures::busybox_layer;
use crate::harness::{require, session, TestContext};
use crate::oci::*;
use crate::pull;
use crate::registry::{push_blob, registries, Blob};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream, UdpSocket};
use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// `nettools:latest`: busybox plus `/bin/echo-server` (see net/echo.rs), exposing 8080/tcp and
/// 8081/udp.
pub(crate) fn net_image() -> &'static str {
    static IMG: OnceLock<String> = OnceLock::new();
    IMG.get_or_init(|| {
        let out = session().dir.join("echo-server");
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/net/echo.rs");
        let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
        let st = std::process::Command::new(&rustc)
            .args(["--edition", "2021", "-O", "-C", "target-feature=+crt-static"])
            .args(["-C", "strip=symbols", "-o"])
            .arg(&out)
            .arg(&src)
            .status()
            .expect("run rustc for the test echo server");
        assert!(st.success(), "rustc {} failed", src.display());
        let bin = std::fs::read(&out).unwrap();
        let own = layer(vec![dir("bin", 0o755), file("bin/echo-server", 0o755, bin)]);
        let host = registries().plain.host();
        let repo = "nettools";
        let mut descs = Vec::new();
        for l in [busybox_layer(), &own] {
            let data = compress(&l.tar, Comp::Gzip);
            let digest = format!("sha256:{}", sha256_hex(&data));
            push_blob(&host, repo, &digest, Blob::Bytes(&data));
            descs.push(LayerDesc {
                media_type: "application/vnd.oci.image.layer.v1.tar+gzip",
                digest,
                size: data.len() as u64,
            });
        }
        let config = serde_json::to_vec(&serde_json::json!({
            "created": "2024-01-02T03:04:05Z",
            "architecture": "amd64",
            "os": "linux",
            "config": {
                "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                "Cmd": ["sh"],
                "ExposedPorts": {"8080/tcp": {}, "8081/udp": {}},
            },
            "rootfs": {"type": "layers", "diff_ids": [busybox_layer().diff_id.clone(), own.diff_id.clone()]},
        }))
        .unwrap();
        let (p, _) = push_config_and_manifest(repo, "latest", Format::Oci, &config, &descs);
        p.plain()
    })
}

pub(crate) fn setup(name: &str) -> (TestContext, String) {
    require("runc", "runc");
    require("pasta", "passt");
    require("slirp4netns", "slirp4netns");
    let ctx = TestContext::new(name);
    let img = net_image().to_string();
    pull(&ctx, &img).success();
    (ctx, img)
}

/// pasta and slirp4netns processes serving this context's containers (their command line
/// names a namespace file under the context's runroot), from the process table.
fn helpers(ctx: &TestContext) -> Vec<String> {
    processes(ctx, |prog| {
        prog.ends_with("pasta") || prog.ends_with("slirp4netns")
    })
}

/// The monitors (hutch-conmon, which forwards slirp4netns's TCP ports) of this context's
/// containers: their `--socket-dir` is under the runroot.
fn monitors(ctx: &TestContext) -> Vec<String> {
    processes(ctx, |prog| prog.ends_with("hutch-conmon"))
}

fn processes(ctx: &TestContext, program: impl Fn(&str) -> bool) -> Vec<String> {
    let marker = ctx.runroot().display().to_string();
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        if !e
            .file_name()
            .to_string_lossy()
            .bytes()
            .all(|b| b.is_ascii_digit())
        {
            continue;
        }
        let Ok(cmd) = std::fs::read(e.path().join("cmdline")) else {
            continue;
        };
        let cmd = String::from_utf8_lossy(&cmd).replace('\0', " ");
        let prog = cmd.split(' ').next().unwrap_or("");
        if program(prog) && cmd.contains(&marker) {
            out.push(format!("{} {cmd}", e.file_name().to_string_lossy()));
        }
    }
    out
}

/// Entries of the runroot's netns directory (namespace files, status files, sockets).
fn netns_entries(ctx: &TestContext) -> Vec<String> {
    std::fs::read_dir(ctx.runroot().join("netns"))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Waits a little for helpers to go (they are killed synchronously; this only absorbs the
/// kernel's reaping), then asserts none is left and no namespace file either.
fn assert_nothing_left(ctx: &TestContext, when: &str) {
    let start = Instant::now();
    while !(helpers(ctx).is_empty() && monitors(ctx).is_empty())
        && start.elapsed() < Duration::from_secs(3)
    {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(helpers(ctx), Vec::<String>::new(), "helpers left {when}");
    assert_eq!(monitors(ctx), Vec::<String>::new(), "monitors left {when}");
    assert_eq!(
        netns_entries(ctx),
        Vec::<String>::new(),
        "netns files left {when}"
    );
}

fn inspect(ctx: &TestContext, name: &str, field: &str) -> String {
    ctx.hutch(["inspect", "--format", &format!("{{{{{field}}}}}"), name])
        .run()
        .success()
        .stdout_trim()
        .to_string()
}

/// The host port `hutch port NAME PORT/PROTO` prints (`IP:PORT`).
pub(crate) fn host_port(ctx: &TestContext, name: &str, private: &str) -> u16 {
    let out = ctx.hutch(["port", name, private]).run().success();
    out.stdout_trim()
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("hutch port {name} {private}: {:?}", out.stdout))
}

/// Sends `msg` to a TCP port (retrying while the server starts) and returns the answer.
pub(crate) fn tcp_ask(port: u16, msg: &str) -> String {
    let start = Instant::now();
    loop {
        let attempt = (|| -> std::io::Result<String> {
            let mut s = TcpStream::connect(("127.0.0.1", port))?;
            s.set_read_timeout(Some(Duration::from_secs(5)))?;
            s.write_all(msg.as_bytes())?;
            let mut out = String::new();
            s.read_to_string(&mut out)?;
            if out.is_empty() {
                return Err(std::io::Error::other("empty answer"));
            }
            Ok(out)
        })();
        match attempt {
            Ok(a) => return a,
            Err(e) if start.elapsed() > Duration::from_secs(15) => {
                panic!("no TCP answer on 127.0.0.1:{port}: {e}")
            }
            Err(_) => std::thread::sleep(Duration::from_millis(100)),
        }
    }
}

/// Sends `msg` to `ip:port` over UDP (repeating: datagrams may be dropped while the server
/// starts) and returns the answer.
fn udp_ask(ip: &str, port: u16, msg: &str) -> String {
    let s = UdpSocket::bind((ip, 0)).unwrap();
    s.set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    let start = Instant::now();
    let mut buf = [0u8; 2048];
    loop {
        s.send_to(msg.as_bytes(), (ip, port)).unwrap();
        if let Ok((n, _)) = s.recv_from(&mut buf) {
            return String::from_utf8_lossy(&buf[..n]).into_owned();
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "no UDP answer on {ip}:{port}"
        );
    }
}

/// A TCP service on the host's loopback only; returns its port and a receiver of the first
/// line a client sends.
fn loopback_service() -> (u16, std::sync::mpsc::Receiver<String>) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        if let Ok((mut c, _)) = l.accept() {
            c.set_read_timeout(Some(Duration::from_secs(10))).ok();
            let mut buf = [0u8; 256];
            let n = c.read(&mut buf).unwrap_or(0);
            let _ = c.write_all(b"host-says-hi\n");
            let _ = tx.send(String::from_utf8_lossy(&buf[..n]).trim().to_string());
        }
    });
    (port, rx)
}

/// Publishing and reaching out with one mode: TCP and UDP from the host through `-p`, the
/// container to a loopback-only service on the host by `host.containers.internal`, the files.
fn ports_and_host_service(
    mode: &str,
    forwarder: &str,
    host_address: &str,
    nameserver: &str,
    udp_client: &str,
) {
    let (ctx, img) = setup(&format!("net-{}", &mode[..5]));
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "srv",
        "--network",
        mode,
        "-p",
        "127.0.0.1::8080",
        "-p",
        "8081/udp",
        &img,
        "sh",
        "-c",
        "echo-server tcp 8080 & exec echo-server udp 8081",
    ])
    .run()
    .success();
    assert_eq!(helpers(&ctx).len(), 1, "one helper: {:?}", helpers(&ctx));
    let tport = host_port(&ctx, "srv", "8080/tcp");
    let uport = host_port(&ctx, "srv", "8081/udp");
    assert_ne!(tport, uport);
    let t = tcp_ask(tport, "hello-tcp");
    assert!(t.ends_with(" hello-tcp"), "{t}");
    let u = udp_ask(udp_client, uport, "hello-udp");
    assert!(u.ends_with(" hello-udp"), "{u}");
    let ports = ctx.hutch(["port", "srv"]).run().success();
    assert_eq!(
        ports.stdout,
        format!("8080/tcp -> 127.0.0.1:{tport}\n8081/udp -> 0.0.0.0:{uport}\n")
    );
    assert_eq!(
        inspect(&ctx, "srv", ".NetworkSettings.PortForwarder"),
        forwarder
    );
    let full: serde_json::Value =
        serde_json::from_str(&ctx.hutch(["inspect", "srv"]).run().success().stdout).unwrap();
    assert_eq!(
        full[0]["NetworkSettings"]["Ports"]["8080/tcp"],
        serde_json::json!([{"HostIp": "127.0.0.1", "HostPort": tport.to_string()}])
    );
    assert_eq!(
        full[0]["HostConfig"]["PortBindings"]["8081/udp"],
        serde_json::json!([{"HostIp": "", "HostPort": uport.to_string()}])
    );

    let hosts = ctx
        .hutch(["exec", "srv", "cat", "/etc/hosts"])
        .run()
        .success();
    assert!(
        hosts.stdout.contains(&format!(
            "{host_address}\thost.containers.internal host.docker.internal\n"
        )),
        "{}",
        hosts.stdout
    );
    let id = inspect(&ctx, "srv", ".Id");
    assert!(
        hosts
            .stdout
            .lines()
            .last()
            .unwrap()
            .ends_with(&format!("{} srv", &id[..12])),
        "{}",
        hosts.stdout
    );
    let resolv = ctx
        .hutch(["exec", "srv", "cat", "/etc/resolv.conf"])
        .run()
        .success();
    assert!(
        resolv
            .stdout
            .lines()
            .find(|l| l.starts_with("nameserver"))
            .is_some_and(|l| l == format!("nameserver {nameserver}")),
        "{}",
        resolv.stdout
    );
    assert!(
        !resolv.stdout.contains("nameserver 127."),
        "{}",
        resolv.stdout
    );

    // The container reaches a service bound to the host's 127.0.0.1 only.
    let (port, rx) = loopback_service();
    let out = ctx
        .hutch([
            "exec",
            "srv",
            "sh",
            "-c",
            &format!("echo-server send host.containers.internal {port} from-container"),
        ])
        .run()
        .success();
    assert_eq!(out.stdout_trim(), "host-says-hi");
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(10)).unwrap(),
        "from-container"
    );

    ctx.hutch(["rm", "-f", "-t", "0", "srv"]).run().success();
    assert_nothing_left(&ctx, "after rm -f");
}

#[test]
fn pasta_ports_and_host_loopback() {
    let (gw, _) = gateway();
    // Debian 12's pasta (2023-03) does not return UDP replies to clients on the host's
    // loopback when the host port differs from the container's (its "spliced" path remaps
    // only one way); clients on the host's other addresses are served.
    ports_and_host_service("pasta", "pasta", &gw, "169.254.1.1", &host_ip());

    // Same-numbered UDP ports answer clients on the host's loopback too.
    let (ctx, img) = setup("net-pasta-udp");
    let port = UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let spec = format!("127.0.0.1:{port}:{port}/udp");
    let p = port.to_string();
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "u",
        "--network",
        "pasta",
        "-p",
        &spec,
        &img,
        "echo-server",
        "udp",
        &p,
    ])
    .run()
    .success();
    assert_eq!(udp_ask("127.0.0.1", port, "lo"), "from=127.0.0.1 lo");
    ctx.hutch(["rm", "-f", "-t", "0", "u"]).run().success();
    assert_nothing_left(&ctx, "after rm");
}

#[test]
fn slirp4netns_ports_and_host_loopback() {
    // As podman: the host's loopback is reachable only with allow_host_loopback, at 10.0.2.2.
    // TCP goes through the monitor's forwarder, UDP through slirp4netns's API.
    ports_and_host_service(
        "slirp4netns:allow_host_loopback=true",
        "hutch-conmon (tcp), slirp4netns (udp)",
        "10.0.2.2",
        "10.0.2.3",
        "127.0.0.1",
    );
}

/// The host's own address on its default route.
fn host_ip() -> String {
    let s = UdpSocket::bind("0.0.0.0:0").unwrap();
    s.connect("203.0.113.1:9").unwrap();
    s.local_addr().unwrap().ip().to_string()
}

/// The host's default gateway (pasta maps it to the host) and the default route's device.
fn gateway() -> (String, String) {
    let t = std::fs::read_to_string("/proc/net/route").unwrap();
    for l in t.lines().skip(1) {
        let f: Vec<&str> = l.split_whitespace().collect();
        if f[1] == "00000000" {
            let g = u32::from_str_radix(f[2], 16).unwrap().to_le_bytes();
            return (
                format!("{}.{}.{}.{}", g[0], g[1], g[2], g[3]),
                f[0].to_string(),
            );
        }
    }
    panic!("the host has no default route: pasta needs one to copy into the container")
}

#[test]
fn none_has_only_loopback_and_refuses_ports() {
    let (ctx, img) = setup("net-none");
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "--network",
            "none",
            &img,
            "busybox",
            "ip",
            "-o",
            "link",
        ])
        .run()
        .success();
    let links: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(links.len(), 1, "{}", out.stdout);
    assert!(
        links[0].starts_with("1: lo: <LOOPBACK,UP"),
        "{}",
        out.stdout
    );
    ctx.hutch([
        "run",
        "--rm",
        "--network",
        "none",
        "-p",
        "8080",
        &img,
        "true",
    ])
    .run()
    .code(125)
    .one_line_error()
    .stderr_has(&["--publish cannot be used with --network none"]);
    ctx.hutch([
        "run",
        "--rm",
        "--network",
        "host",
        "-p",
        "8080",
        &img,
        "true",
    ])
    .run()
    .code(125)
    .stderr_has(&["--publish cannot be used with --network host"]);
    ctx.hutch(["run", "--rm", "--network", "bogus:mode=1,x", &img, "true"])
        .run()
        .code(125)
        .one_line_error();
    ctx.hutch(["run", "--rm", "--network-alias", "a", &img, "true"])
        .run()
        .code(125)
        .stderr_has(&["--network-alias"]);
    // A none container's namespace is held by the container alone: no namespace file, no
    // status file. It still has lo up across a restart, takes exec, and others can join it.
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "alone",
        "--network",
        "none",
        &img,
        "sleep",
        "600",
    ])
    .run()
    .success();
    assert_eq!(netns_entries(&ctx), Vec::<String>::new(), "none made files");
    let own = ctx
        .hutch(["exec", "alone", "readlink", "/proc/self/ns/net"])
        .run()
        .success();
    let joined = ctx
        .hutch([
            "run",
            "--rm",
            "--network",
            "container:alone",
            &img,
            "readlink",
            "/proc/self/ns/net",
        ])
        .run()
        .success();
    assert_eq!(
        own.stdout, joined.stdout,
        "container:alone joined another namespace"
    );
    ctx.hutch(["restart", "-t", "0", "alone"]).run().success();
    let links = ctx
        .hutch(["exec", "alone", "busybox", "ip", "-o", "link"])
        .run()
        .success();
    assert!(
        links.stdout.starts_with("1: lo: <LOOPBACK,UP"),
        "{}",
        links.stdout
    );
    assert_eq!(links.stdout.lines().count(), 1, "{}", links.stdout);
    ctx.hutch(["rm", "-f", "-t", "0", "alone"]).run().success();
    assert_nothing_left(&ctx, "after --network none");
}

#[test]
fn port_in_use_fails_before_start_and_leaves_nothing() {
    let (ctx, img) = setup("net-inuse");
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    for mode in ["pasta", "slirp4netns"] {
        let name = format!("c-{mode}");
        ctx.hutch([
            "run",
            "-d",
            "--name",
            &name,
            "--network",
            mode,
            "-p",
            &format!("127.0.0.1:{port}:8080"),
            &img,
            "echo-server",
            "tcp",
            "8080",
        ])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&[&format!("cannot publish 127.0.0.1:{port}/tcp"), "in use"]);
        assert_eq!(inspect(&ctx, &name, ".State.Status"), "created");
        assert_nothing_left(&ctx, &format!("after a port in use with {mode}"));
    }
    drop(taken);
    // Once the port is free the same container starts.
    ctx.hutch(["start", "c-pasta"]).run().success();
    assert_eq!(tcp_ask(port, "x").trim_end(), "from=127.0.0.1 x");
    ctx.hutch(["rm", "-f", "-t", "0", "c-pasta", "c-slirp4netns"])
        .run()
        .success();
    assert_nothing_left(&ctx, "after rm");
}

#[test]
fn rm_then_run_takes_the_same_port_at_once() {
    // `rm -f web && run -p PORT:... --name web` is everyday use: the removed container's helper
    // must have closed its listening socket by the time `rm` returns.
    let (ctx, img) = setup("net-rerun");
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    for mode in ["pasta", "slirp4netns"] {
        for round in 0..3 {
            ctx.hutch([
                "run",
                "-d",
                "--name",
                "web",
                "--network",
                mode,
                "-p",
                &format!("127.0.0.1:{port}:8080"),
                &img,
                "echo-server",
                "tcp",
                "8080",
            ])
            .run()
            .success();
            let answer = tcp_ask(port, &format!("{mode}-{round}"));
            assert!(
                answer.trim_end().ends_with(&format!("{mode}-{round}")),
                "{answer:?}"
            );
            ctx.hutch(["rm", "-f", "-t", "0", "web"]).run().success();
        }
    }
    assert_nothing_left(&ctx, "after the last rm");
}

fn kill9(pid: &str) {
    // `kill -9 0` would kill the test's own process group.
    let pid: i32 = pid.parse().unwrap_or(0);
    assert!(pid > 1, "no process to kill ({pid})");
    let _ = std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status();
}

#[test]
fn helpers_end_with_a_killed_monitor_and_a_lost_runroot() {
    let (ctx, img) = setup("net-kill");
    let start_both = || {
        for mode in ["pasta", "slirp4netns"] {
            ctx.hutch([
                "run",
                "-d",
                "--name",
                mode,
                "--network",
                mode,
                "-p",
                "8080",
                &img,
                "sleep",
                "300",
            ])
            .run()
            .success();
        }
        assert_eq!(helpers(&ctx).len(), 2, "{:?}", helpers(&ctx));
    };
    start_both();
    // The monitors die (kill -9): the next command reconciles and ends the helpers.
    for mode in ["pasta", "slirp4netns"] {
        kill9(&inspect(&ctx, mode, ".State.ConmonPid"));
    }
    // slirp4netns quits by itself: the monitor held its exit pipe.
    let start = Instant::now();
    while helpers(&ctx).iter().any(|h| h.contains("slirp4netns"))
        && start.elapsed() < Duration::from_secs(5)
    {
        std::thread::sleep(Duration::from_millis(50));
    }
    let left = helpers(&ctx);
    assert!(left.iter().all(|h| !h.contains("slirp4netns")), "{left:?}");
    let ps = ctx
        .hutch(["ps", "-a", "--format", "{{.Names}} {{.Status}}"])
        .run()
        .success();
    assert!(
        ps.stdout.lines().all(|l| l.contains("Exited")),
        "{}",
        ps.stdout
    );
    assert_nothing_left(&ctx, "after the monitors were killed and ps ran");

    // A lost runroot (a reboot without the reboot): every hutch process gone, the runroot
    // removed, the helpers still running. The next command ends them.
    ctx.hutch(["rm", "-a"]).run().success();
    start_both();
    // Both pids first: once a monitor is dead, inspect reports the container exited (Pid 0).
    let pids: Vec<String> = ["pasta", "slirp4netns"]
        .iter()
        .flat_map(|m| {
            [
                inspect(&ctx, m, ".State.ConmonPid"),
                inspect(&ctx, m, ".State.Pid"),
            ]
        })
        .collect();
    for p in &pids {
        kill9(p);
    }
    if let Ok(p) = std::fs::read_to_string(ctx.runroot().join("pause.pid")) {
        kill9(p.trim());
    }
    std::thread::sleep(Duration::from_millis(100));
    std::fs::remove_dir_all(ctx.runroot()).unwrap();
    ctx.hutch(["ps", "-a"]).run().success();
    assert_nothing_left(&ctx, "after a lost runroot and ps");
    // And they start again.
    ctx.hutch(["start", "pasta", "slirp4netns"]).run().success();
    assert_eq!(helpers(&ctx).len(), 2, "{:?}", helpers(&ctx));
    ctx.hutch(["rm", "-f", "-t", "0", "pasta", "slirp4netns"])
        .run()
        .success();
    assert_nothing_left(&ctx, "after rm -f");
}

#[test]
fn dns_hosts_and_shared_namespaces() {
    let (ctx, img) = setup("net-dns");
    // The checks below are pasta's (gateway mapping, --ip): pinned, whatever the default here.
    ctx.write_file(
        &ctx.config_home.join("containers/containers.conf"),
        "[network]\ndefault_rootless_network_cmd = \"pasta\"\n",
    );
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "--name",
            "named",
            "--hostname",
            "myhost",
            "--dns",
            "192.0.2.53",
            "--dns-search",
            "example.org",
            "--dns-option",
            "ndots:3",
            "--add-host",
            "db:10.9.8.7",
            "--add-host",
            "gw:host-gateway",
            &img,
            "sh",
            "-c",
            "cat /etc/hosts; echo ==; cat /etc/resolv.conf; echo ==; cat /etc/hostname; hostname",
        ])
        .run()
        .success();
    let parts: Vec<&str> = out.stdout.split("==\n").collect();
    let (gw, _) = gateway();
    assert!(
        parts[0].starts_with(&format!("10.9.8.7\tdb\n{gw}\tgw\n")),
        "{}",
        parts[0]
    );
    assert!(parts[0].contains("\tmyhost named\n"), "{}", parts[0]);
    assert_eq!(
        parts[1],
        "search example.org\nnameserver 192.0.2.53\noptions ndots:3\n"
    );
    assert_eq!(parts[2], "myhost\nmyhost\n");

    // A fixed MAC and address (pasta), a fixed MAC (slirp4netns), and the address it refuses.
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "--mac-address",
            "92:d0:c6:0a:29:33",
            "--ip",
            "10.88.0.7",
            &img,
            "sh",
            "-c",
            "busybox ip -o link show; busybox ip -o -4 addr show; tail -n 1 /etc/hosts",
        ])
        .run()
        .success();
    assert!(
        out.stdout.contains("link/ether 92:d0:c6:0a:29:33"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("inet 10.88.0.7/"), "{}", out.stdout);
    let last = out.stdout.lines().last().unwrap_or("");
    assert!(last.starts_with("10.88.0.7\t"), "{last}");
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "--network",
            "slirp4netns",
            "--mac-address",
            "92:d0:c6:0a:29:34",
            &img,
            "busybox",
            "ip",
            "-o",
            "link",
            "show",
            "tap0",
        ])
        .run()
        .success();
    assert!(
        out.stdout.contains("link/ether 92:d0:c6:0a:29:34"),
        "{}",
        out.stdout
    );
    ctx.hutch([
        "run",
        "--rm",
        "--network",
        "slirp4netns",
        "--ip",
        "10.0.2.5",
        &img,
        "true",
    ])
    .run()
    .code(125)
    .one_line_error()
    .stderr_has(&["--ip cannot be used with --network slirp4netns"]);

    // container: and ns: join another container's namespace (its loopback is theirs).
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "srv",
        &img,
        "echo-server",
        "tcp",
        "8080",
    ])
    .run()
    .success();
    let ask = "for i in 1 2 3 4 5 6 7 8 9 10; do echo-server send 127.0.0.1 8080 hi && exit 0; sleep 0.3; done; exit 1";
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "--network",
            "container:srv",
            &img,
            "sh",
            "-c",
            ask,
        ])
        .run()
        .success();
    assert_eq!(out.stdout_trim(), "from=127.0.0.1 hi");
    let ns = inspect(&ctx, "srv", ".NetworkSettings.SandboxKey");
    assert!(ns.starts_with(&ctx.runroot().display().to_string()), "{ns}");
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "--network",
            &format!("ns:{ns}"),
            &img,
            "sh",
            "-c",
            ask,
        ])
        .run()
        .success();
    assert_eq!(out.stdout_trim(), "from=127.0.0.1 hi");
    ctx.hutch([
        "run",
        "--rm",
        "--network",
        "container:srv",
        "-p",
        "80",
        &img,
        "true",
    ])
    .run()
    .code(125)
    .stderr_has(&["--publish cannot be used with --network container:"]);
    ctx.hutch(["rm", "-f", "-t", "0", "srv"]).run().success();
    assert_nothing_left(&ctx, "after rm");
}

#[test]
fn publish_all_and_the_default_from_containers_conf() {
    let (ctx, img) = setup("net-default");
    // Without configuration: pasta when its release is known good (its interface copies the
    // host's), else slirp4netns (tap0); info says which and why.
    let (_, dev) = gateway();
    let info = ctx
        .hutch([
            "info",
            "--format",
            "{{.Host.RootlessNetworkCmd}}|{{.Host.RootlessNetworkCmdReason}}",
        ])
        .run()
        .success();
    let (chosen, why) = info.stdout_trim().split_once('|').unwrap();
    // The release date in pasta's version: upstream's 2024_03_26, or a package's snapshot
    // (0^20240326..., 0.0~git20240326...). Debian 12's says "unknown version".
    let pasta_line = ctx.command("pasta").arg("--version").run().stdout;
    let version = pasta_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("")
        .replace('_', "");
    let date = version
        .split(|c: char| !c.is_ascii_digit())
        .find(|run| run.len() == 8 && run.starts_with("20"));
    let known_good = date.is_some_and(|d| d >= "20240320");
    assert_eq!(
        chosen,
        if known_good { "pasta" } else { "slirp4netns" },
        "{pasta_line} {why}"
    );
    assert!(why.contains("pasta"), "{why}");
    // podman's fields for both programs, whichever is the default.
    let tools = ctx
        .hutch([
            "info",
            "--format",
            "{{.Host.NetworkBackend}}|{{.Host.Pasta.Executable}}|{{.Host.Slirp4NetNS.Executable}}",
        ])
        .run()
        .success();
    let tools: Vec<&str> = tools.stdout_trim().split('|').collect();
    assert_eq!(tools[0], "netavark", "{tools:?}");
    assert!(tools[1].ends_with("/pasta"), "{tools:?}");
    assert!(tools[2].ends_with("/slirp4netns"), "{tools:?}");
    let out = ctx
        .hutch(["run", "--rm", &img, "busybox", "ip", "-o", "link"])
        .run()
        .success();
    let iface = if known_good {
        format!(": {dev}:")
    } else {
        ": tap0:".into()
    };
    assert!(out.stdout.contains(&iface), "{}", out.stdout);
    ctx.write_file(
        &ctx.config_home.join("containers/containers.conf"),
        "[network]\ndefault_rootless_network_cmd = \"slirp4netns\"\n",
    );
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "all",
        "-P",
        &img,
        "sh",
        "-c",
        "echo-server tcp 8080 & exec echo-server udp 8081",
    ])
    .run()
    .success();
    assert_eq!(
        inspect(&ctx, "all", ".HostConfig.NetworkMode"),
        "slirp4netns"
    );
    let out = ctx
        .hutch(["exec", "all", "busybox", "ip", "-o", "link"])
        .run()
        .success();
    assert!(out.stdout.contains(": tap0:"), "{}", out.stdout);
    let tport = host_port(&ctx, "all", "8080/tcp");
    let uport = host_port(&ctx, "all", "8081/udp");
    // The monitor's forwarder dials from inside the container's namespace: the container sees
    // connections from its own address (as with podman's rootlessport).
    assert_eq!(tcp_ask(tport, "t"), "from=10.0.2.100 t");
    // Without allow_host_loopback slirp4netns drops UDP answers to the host's loopback
    // (podman routes around it with rootlessport); other host addresses are served.
    assert!(udp_ask(&host_ip(), uport, "u").ends_with(" u"));
    let ps = ctx.hutch(["ps", "--format", "{{.Ports}}"]).run().success();
    assert!(
        ps.stdout.contains(&format!("0.0.0.0:{tport}->8080/tcp")),
        "{}",
        ps.stdout
    );
    // Host ports chosen at create time stay the same across a restart (as podman).
    ctx.hutch(["stop", "-t", "0", "all"]).run().success();
    ctx.hutch(["start", "all"]).run().success();
    assert_eq!(host_port(&ctx, "all", "8080/tcp"), tport);
    assert_eq!(tcp_ask(tport, "again"), "from=10.0.2.100 again");
    ctx.hutch(["rm", "-f", "-t", "0", "all"]).run().success();
    assert_nothing_left(&ctx, "after rm");
    // containers.conf asks for pasta: it is the default whatever its release, info says why,
    // and --network still wins.
    ctx.write_file(
        &ctx.config_home.join("containers/containers.conf"),
        "[network]\ndefault_rootless_network_cmd = \"pasta\"\n",
    );
    let info = ctx
        .hutch([
            "info",
            "--format",
            "{{.Host.RootlessNetworkCmd}}|{{.Host.RootlessNetworkCmdReason}}",
        ])
        .run()
        .success();
    assert_eq!(
        info.stdout_trim(),
        "pasta|default_rootless_network_cmd in containers.conf"
    );
    let out = ctx
        .hutch(["run", "--rm", &img, "busybox", "ip", "-o", "link"])
        .run()
        .success();
    assert!(out.stdout.contains(&format!(": {dev}:")), "{}", out.stdout);
    let out = ctx
        .hutch(["run", "--rm", "--network", "slirp4netns", &img])
        .args(["busybox", "ip", "-o", "link"])
        .run()
        .success();
    assert!(out.stdout.contains(": tap0:"), "{}", out.stdout);
}

/// Byte `i` of the bulk streams (as net/echo.rs makes them).
fn pattern(i: u64) -> u8 {
    (i.wrapping_mul(2654435761) >> 13) as u8
}

/// FNV-1a, 64 bits (as net/echo.rs computes it).
fn fnv(data: &[u8]) -> u64 {
    let mut h = 0xcbf29ce484222325u64;
    for b in data {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Runs a transfer until it works (the servers may still be starting: the forwarder then
/// resets the client), for up to 15 s.
fn with_retries<T>(what: &str, f: impl Fn() -> std::io::Result<T>) -> T {
    let start = Instant::now();
    loop {
        match f() {
            Ok(v) => return v,
            Err(e) if start.elapsed() > Duration::from_secs(15) => panic!("{what}: {e}"),
            Err(_) => std::thread::sleep(Duration::from_millis(200)),
        }
    }
}

fn connect(port: u16) -> std::io::Result<TcpStream> {
    let s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    s.set_write_timeout(Some(Duration::from_secs(30)))?;
    Ok(s)
}

/// Sends `data` through `echo-server cat` on `port` while reading it back, half-closing after
/// the last byte; returns what came back.
fn cat_through(port: u16, data: &std::sync::Arc<Vec<u8>>) -> std::io::Result<Vec<u8>> {
    let mut s = connect(port)?;
    let mut w = s.try_clone()?;
    let d = data.clone();
    let writer = std::thread::spawn(move || -> std::io::Result<()> {
        w.write_all(&d)?;
        w.shutdown(std::net::Shutdown::Write)
    });
    let mut back = Vec::with_capacity(data.len());
    let r = s.read_to_end(&mut back);
    writer
        .join()
        .map_err(|_| std::io::Error::other("writer panicked"))??;
    r?;
    if back.len() != data.len() {
        return Err(std::io::Error::other(format!(
            "{} of {} bytes came back",
            back.len(),
            data.len()
        )));
    }
    Ok(back)
}

/// Whether connecting to the host port is refused (its listening socket is closed), waiting up
/// to 5 s for it to become so.
fn refused_soon(port: u16) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5) {
        if TcpStream::connect(("127.0.0.1", port)).is_err() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
fn slirp4netns_tcp_forwarder_moves_bulk_data_half_closes_and_ends_with_its_monitor() {
    let (ctx, img) = setup("net-fwd");
    let mut args: Vec<String> = ["run", "-d", "--name", "bulk", "--network", "slirp4netns"]
        .map(String::from)
        .to_vec();
    for p in ["9000", "9001", "9002", "8080", "9009"] {
        args.extend(["-p".into(), format!("127.0.0.1::{p}")]);
    }
    args.extend([
        img.clone(),
        "sh".into(),
        "-c".into(),
        "echo-server cat 9000 & echo-server sum 9001 & echo-server gen 9002 & \
         exec echo-server tcp 8080"
            .into(),
    ]);
    ctx.hutch(&args).run().success();
    assert_eq!(
        inspect(&ctx, "bulk", ".NetworkSettings.PortForwarder"),
        "hutch-conmon"
    );
    // slirp4netns is the only helper process: the forwarder is the monitor.
    assert_eq!(helpers(&ctx).len(), 1, "{:?}", helpers(&ctx));
    assert_eq!(monitors(&ctx).len(), 1, "{:?}", monitors(&ctx));
    let (cat, sum, gen, echo, idle) = (
        host_port(&ctx, "bulk", "9000/tcp"),
        host_port(&ctx, "bulk", "9001/tcp"),
        host_port(&ctx, "bulk", "9002/tcp"),
        host_port(&ctx, "bulk", "8080/tcp"),
        host_port(&ctx, "bulk", "9009/tcp"),
    );
    assert_eq!(tcp_ask(echo, "who"), "from=10.0.2.100 who");

    // Host -> container, 12 MB, then a half-close: the answer still comes back.
    let data: Vec<u8> = (0..12u64 << 20).map(pattern).collect();
    let answer = with_retries("upload through the forwarder", || {
        let mut s = connect(sum)?;
        s.write_all(&data)?;
        s.shutdown(std::net::Shutdown::Write)?;
        let mut a = String::new();
        s.read_to_string(&mut a)?;
        if a.is_empty() {
            return Err(std::io::Error::other("no answer after the half-close"));
        }
        Ok(a)
    });
    assert_eq!(answer, format!("{} {:016x}\n", data.len(), fnv(&data)));

    // Container -> host, 12 MB.
    let got = with_retries("download through the forwarder", || {
        let mut s = connect(gen)?;
        s.write_all(format!("{}\n", data.len()).as_bytes())?;
        let mut got = Vec::new();
        s.read_to_end(&mut got)?;
        if got.len() != data.len() {
            return Err(std::io::Error::other(format!("{} bytes", got.len())));
        }
        Ok(got)
    });
    assert!(fnv(&got) == fnv(&data), "the download differs");

    // Both directions at once, on 12 connections at the same time (4 MB each way, each).
    let chunk = std::sync::Arc::new(data[..4 << 20].to_vec());
    with_retries("cat server up", || {
        cat_through(cat, &std::sync::Arc::new(vec![1; 10]))
    });
    let clients: Vec<_> = (0..12)
        .map(|_| {
            let c = chunk.clone();
            std::thread::spawn(move || cat_through(cat, &c))
        })
        .collect();
    for t in clients {
        let back = t.join().unwrap().expect("a concurrent transfer");
        assert!(back[..] == chunk[..], "a concurrent transfer differs");
    }

    // Nothing listens on 9009 in the container: the client learns at once, not after a hang.
    let mut s = connect(idle).unwrap();
    let mut buf = [0u8; 8];
    let t = Instant::now();
    let r = s.read(&mut buf);
    assert!(
        matches!(&r, Ok(0))
            || matches!(&r, Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset),
        "{r:?}"
    );
    assert!(t.elapsed() < Duration::from_secs(5));

    // Stopped: the ports close; started again: bound again, same ports.
    ctx.hutch(["stop", "-t", "0", "bulk"]).run().success();
    assert!(refused_soon(echo), "port {echo} still open after stop");
    ctx.hutch(["start", "bulk"]).run().success();
    assert_eq!(host_port(&ctx, "bulk", "8080/tcp"), echo);
    assert_eq!(tcp_ask(echo, "again"), "from=10.0.2.100 again");

    // The monitor killed: its ports close with it, and the next command cleans up the rest.
    kill9(&inspect(&ctx, "bulk", ".State.ConmonPid"));
    assert!(
        refused_soon(echo),
        "port {echo} still open after kill -9 of the monitor"
    );
    ctx.hutch(["ps", "-a"]).run().success();
    assert_nothing_left(&ctx, "after the monitor was killed");

    ctx.hutch(["start", "bulk"]).run().success();
    assert_eq!(tcp_ask(echo, "third"), "from=10.0.2.100 third");

    // As podman: port_handler=slirp4netns asks for slirp4netns's own forwarding instead.
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "legacy",
        "--network",
        "slirp4netns:port_handler=slirp4netns",
        "-p",
        "127.0.0.1::8080",
        &img,
        "echo-server",
        "tcp",
        "8080",
    ])
    .run()
    .success();
    assert_eq!(
        inspect(&ctx, "legacy", ".NetworkSettings.PortForwarder"),
        "slirp4netns"
    );
    let legacy = host_port(&ctx, "legacy", "8080/tcp");
    assert_eq!(tcp_ask(legacy, "old"), "from=10.0.2.2 old");
    ctx.hutch(["rm", "-f", "-t", "0", "bulk", "legacy"])
        .run()
        .success();
    assert!(refused_soon(echo), "port {echo} still open after rm -f");
    assert_nothing_left(&ctx, "after rm -f");
}
