//! User-defined networks end to end as the unprivileged user: definitions (create, ls, inspect,
//! rm, prune, exists), containers finding each other by name and alias through aardvark-dns in
//! the rootless network namespace, isolation between networks, `--internal`, `connect` on a
//! running container, recovery of a stale rootless namespace, and no helper left behind.

use crate::fixtures::busybox;
use crate::harness::{require, TestContext};
use crate::pull;
use serde_json::Value;
use std::time::{Duration, Instant};

fn setup(name: &str) -> (TestContext, String) {
    require("runc", "runc");
    require("pasta", "passt");
    for p in ["/usr/lib/podman/netavark", "/usr/lib/podman/aardvark-dns"] {
        if !std::path::Path::new(p).is_file() {
            crate::harness::missing(p, "apt-get install netavark aardvark-dns");
        }
    }
    require("iptables", "iptables");
    require("ip", "iproute2");
    let ctx = TestContext::new(name);
    let img = busybox().plain();
    pull(&ctx, &img).success();
    (ctx, img)
}

/// Networking helpers (pasta, slirp4netns, aardvark-dns, netavark) started for this context.
fn helpers(ctx: &TestContext) -> Vec<String> {
    let marker = format!("HUTCH_IT_CTX={}", ctx.dir.display());
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        if e.file_name().to_string_lossy().parse::<u32>().is_err() {
            continue;
        }
        let Ok(comm) = std::fs::read_to_string(e.path().join("comm")) else {
            continue;
        };
        let comm = comm.trim();
        // pasta runs as passt.avx2 (or passt) on x86-64: it re-executes the best build for the CPU.
        if ![
            "pasta",
            "pasta.avx2",
            "passt",
            "passt.avx2",
            "slirp4netns",
            "aardvark-dns",
            "netavark",
        ]
        .contains(&comm)
        {
            continue;
        }
        let state = std::fs::read_to_string(e.path().join("stat")).unwrap_or_default();
        if state
            .rsplit(')')
            .next()
            .is_some_and(|s| s.trim_start().starts_with('Z'))
        {
            continue;
        }
        if let Ok(env) = std::fs::read(e.path().join("environ")) {
            if env.split(|b| *b == 0).any(|v| v == marker.as_bytes()) {
                out.push(format!("{} {comm}", e.file_name().to_string_lossy()));
            }
        }
    }
    out
}

/// Waits (briefly: helpers exit asynchronously) until no helper of this context runs.
fn assert_no_helpers(ctx: &TestContext) {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let left = helpers(ctx);
        if left.is_empty() {
            break;
        }
        assert!(Instant::now() < deadline, "helpers left behind: {left:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
    let ns = ctx.runroot().join("networks/rootless-netns");
    assert!(!ns.exists(), "{} left behind", ns.display());
}

/// A detached busybox web server answering with `body` on port 80.
fn web(ctx: &TestContext, img: &str, name: &str, net: &[&str], body: &str) {
    let mut args = vec!["run", "-d", "--name", name];
    args.extend_from_slice(net);
    let script = format!(
        "mkdir -p /www && echo {body} > /www/index.html && exec busybox httpd -f -p 80 -h /www"
    );
    args.extend_from_slice(&[img, "sh", "-c", &script]);
    ctx.hutch(&args).run().success();
}

/// `busybox wget` of `url` inside container `from`: the body, or None when it fails.
fn fetch(ctx: &TestContext, from: &str, url: &str) -> Option<String> {
    let out = ctx
        .hutch([
            "exec", from, "busybox", "timeout", "3", "busybox", "wget", "-q", "-O-", url,
        ])
        .run();
    (out.code == Some(0)).then(|| out.stdout.trim().to_string())
}

/// Retries `fetch` for a few seconds (a server just started may not listen yet).
fn fetch_ok(ctx: &TestContext, from: &str, url: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(body) = fetch(ctx, from, url) {
            return body;
        }
        if Instant::now() >= deadline {
            let host = url
                .split('/')
                .nth(2)
                .unwrap_or_default()
                .split(':')
                .next()
                .unwrap();
            let ns = ctx.hutch(["exec", from, "busybox", "nslookup", host]).run();
            let last = ctx
                .hutch([
                    "exec", from, "busybox", "timeout", "3", "busybox", "wget", "-O-", url,
                ])
                .run();
            let pid =
                std::fs::read_to_string(ctx.runroot().join("networks/aardvark-dns/aardvark.pid"))
                    .unwrap_or_default();
            let pid = pid.trim();
            let st = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            let udp = std::fs::read_to_string(format!("/proc/{pid}/net/udp")).unwrap_or_default();
            let procs = helpers(ctx);
            panic!("{from} cannot fetch {url}:\n{ns:?}\n{last:?}\naardvark {pid}: {st}\n{udp}\n{procs:?}");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn inspect_net(ctx: &TestContext, name: &str) -> Value {
    let out = ctx.hutch(["network", "inspect", name]).run().success();
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    v[0].clone()
}

/// The container's IPv4 address on its interface `iface`, as seen inside it.
fn container_ip(ctx: &TestContext, name: &str, iface: &str) -> String {
    let out = ctx
        .hutch([
            "exec", name, "busybox", "ip", "-o", "-4", "addr", "show", iface,
        ])
        .run()
        .success();
    let ip = out
        .stdout
        .split_whitespace()
        .skip_while(|w| *w != "inet")
        .nth(1)
        .and_then(|a| a.split('/').next())
        .unwrap_or_default()
        .to_string();
    assert!(!ip.is_empty(), "no address on {iface}: {}", out.stdout);
    ip
}

#[test]
fn network_definitions_create_ls_inspect_rm_prune() {
    let ctx = TestContext::new("net-defs");
    ctx.hutch(["network", "create", "--label", "team=a", "alpha"])
        .run()
        .success();
    let out = ctx
        .hutch([
            "network",
            "create",
            "--subnet",
            "10.99.0.0/24",
            "--gateway",
            "10.99.0.254",
        ])
        .args([
            "--ip-range",
            "10.99.0.128/25",
            "--internal",
            "--disable-dns",
            "-o",
            "mtu=1400",
        ])
        .arg("beta")
        .run()
        .success();
    assert_eq!(out.stdout_trim(), "beta");

    let a = inspect_net(&ctx, "alpha");
    assert_eq!(a["name"], "alpha");
    assert_eq!(a["driver"], "bridge");
    assert_eq!(a["id"].as_str().unwrap().len(), 64);
    assert_eq!(a["subnets"][0]["subnet"], "10.89.0.0/24");
    assert_eq!(a["subnets"][0]["gateway"], "10.89.0.1");
    assert_eq!(a["dns_enabled"], true);
    assert_eq!(a["internal"], false);
    assert_eq!(a["labels"]["team"], "a");
    let b = inspect_net(&ctx, "beta");
    assert_eq!(b["subnets"][0]["gateway"], "10.99.0.254");
    assert_eq!(b["subnets"][0]["lease_range"]["start_ip"], "10.99.0.128");
    assert_eq!(b["internal"], true);
    assert_eq!(b["dns_enabled"], false);
    assert_eq!(b["options"]["mtu"], "1400");
    // Stored as netavark's JSON, one file per network.
    let file = ctx.graphroot().join("networks/alpha.json");
    let stored: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(stored, a);

    // An unnamed network gets the next name and the next free subnet.
    let out = ctx.hutch(["network", "create"]).run().success();
    assert_eq!(out.stdout_trim(), "podman1");
    assert_eq!(
        inspect_net(&ctx, "podman1")["subnets"][0]["subnet"],
        "10.89.1.0/24"
    );

    let ls = ctx.hutch(["network", "ls"]).run().success();
    let lines: Vec<&str> = ls.stdout.lines().collect();
    assert!(
        lines[0].starts_with("NETWORK ID")
            && lines[0].contains("NAME")
            && lines[0].contains("DRIVER"),
        "{}",
        ls.stdout
    );
    for n in ["podman", "alpha", "beta", "podman1"] {
        assert!(
            lines.iter().any(|l| l.split_whitespace().nth(1) == Some(n)),
            "{n}: {}",
            ls.stdout
        );
    }
    let q = ctx
        .hutch(["network", "ls", "-q", "--filter", "label=team=a"])
        .run()
        .success();
    // As podman, -q prints names.
    assert_eq!(q.stdout_trim(), "alpha");
    // ... and the list is sorted by name.
    let all = ctx.hutch(["network", "ls", "-q"]).run().success();
    assert_eq!(
        all.stdout.lines().collect::<Vec<_>>(),
        ["alpha", "beta", "podman", "podman1"]
    );
    let f = ctx
        .hutch([
            "network",
            "ls",
            "--format",
            "{{.Name}} {{.Internal}}",
            "--filter",
            "name=beta",
        ])
        .run()
        .success();
    assert_eq!(f.stdout_trim(), "beta true");
    let d = ctx
        .hutch(["network", "ls", "--filter", "driver=macvlan", "-q"])
        .run()
        .success();
    assert_eq!(d.stdout_trim(), "");

    // Bad input: one clear line, nothing written.
    ctx.hutch(["network", "create", "alpha"])
        .run()
        .code(125)
        .stderr_has(&["alpha", "already exists"]);
    ctx.hutch(["network", "create", "--subnet", "10.89.0.0/16", "x1"])
        .run()
        .code(125)
        .stderr_has(&["10.89.0.0/16", "alpha"]);
    ctx.hutch([
        "network",
        "create",
        "--subnet",
        "10.98.0.0/24",
        "--gateway",
        "10.97.0.1",
        "x2",
    ])
    .run()
    .code(125)
    .stderr_has(&["10.97.0.1"]);
    ctx.hutch(["network", "create", "-o", "mtu=abc", "x3"])
        .run()
        .code(125)
        .stderr_has(&["mtu"]);
    for x in ["x1", "x2", "x3"] {
        assert!(!ctx.graphroot().join(format!("networks/{x}.json")).exists());
    }

    ctx.hutch(["network", "exists", "alpha"]).run().success();
    ctx.hutch(["network", "exists", "nope"]).run().code(1);
    ctx.hutch(["network", "inspect", "nope"])
        .run()
        .code(125)
        .stderr_has(&["nope", "network not found"]);
    ctx.hutch(["network", "rm", "podman"])
        .run()
        .code(125)
        .stderr_has(&["podman", "cannot be removed"]);
    ctx.hutch(["network", "rm", "alpha"]).run().success();
    ctx.hutch(["network", "exists", "alpha"]).run().code(1);

    let pruned = ctx.hutch(["network", "prune", "-f"]).run().success();
    let mut names: Vec<&str> = pruned.stdout.lines().collect();
    names.sort();
    assert_eq!(names, ["beta", "podman1"]);
    let ls = ctx
        .hutch(["network", "ls", "--format", "{{.Name}}"])
        .run()
        .success();
    assert_eq!(ls.stdout_trim(), "podman");
}

#[test]
fn concurrent_creates_get_distinct_subnets() {
    let ctx = TestContext::new("net-concurrent");
    let running: Vec<_> = (0..8)
        .map(|i| ctx.hutch(["network", "create", &format!("n{i}")]).spawn())
        .collect();
    for r in running {
        r.wait().success();
    }
    let out = ctx
        .hutch([
            "network",
            "ls",
            "--format",
            "{{.Subnets}}",
            "--filter",
            "name=^n",
        ])
        .run()
        .success();
    let mut subnets: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(subnets.len(), 8, "{}", out.stdout);
    subnets.sort();
    subnets.dedup();
    assert_eq!(subnets.len(), 8, "subnets collide: {}", out.stdout);
}

#[test]
fn containers_reach_each_other_by_name_and_alias() {
    let (ctx, img) = setup("net-names");
    ctx.hutch(["network", "create", "app"]).run().success();
    web(
        &ctx,
        &img,
        "a",
        &["--network", "app", "--network-alias", "alpha"],
        "from-a",
    );
    web(&ctx, &img, "b", &["--network", "app:alias=beta"], "from-b");
    assert_eq!(fetch_ok(&ctx, "a", "http://b/"), "from-b");
    assert_eq!(fetch_ok(&ctx, "a", "http://beta/"), "from-b");
    assert_eq!(fetch_ok(&ctx, "b", "http://a/"), "from-a");
    assert_eq!(fetch_ok(&ctx, "b", "http://alpha/"), "from-a");

    let ip_b = container_ip(&ctx, "b", "eth0");
    assert!(ip_b.starts_with("10.89.0."), "{ip_b}");
    let ns = ctx
        .hutch(["exec", "a", "busybox", "nslookup", "beta"])
        .run()
        .success();
    assert!(ns.stdout.contains(&ip_b), "{}", ns.stdout);
    let resolv = ctx
        .hutch(["exec", "a", "cat", "/etc/resolv.conf"])
        .run()
        .success();
    assert!(
        resolv.stdout.contains("nameserver 10.89.0.1"),
        "{}",
        resolv.stdout
    );

    // A fixed address, taken: the next container asking for it is refused before it starts.
    web(
        &ctx,
        &img,
        "fixed",
        &["--network", "app", "--ip", "10.89.0.50"],
        "from-fixed",
    );
    assert_eq!(container_ip(&ctx, "fixed", "eth0"), "10.89.0.50");
    assert_eq!(fetch_ok(&ctx, "a", "http://fixed/"), "from-fixed");
    ctx.hutch([
        "run",
        "--rm",
        "--network",
        "app",
        "--ip",
        "10.89.0.50",
        &img,
        "true",
    ])
    .run()
    .code(125)
    .stderr_has(&["10.89.0.50", "already in use"]);
    ctx.hutch(["rm", "-f", "fixed"]).run().success();

    // In use: rm refuses and changes nothing; -f removes the containers too.
    ctx.hutch(["network", "rm", "app"])
        .run()
        .code(125)
        .stderr_has(&["app", "a", "b"]);
    assert_eq!(fetch_ok(&ctx, "a", "http://b/"), "from-b");
    ctx.hutch(["rm", "-f", "b"]).run().success();
    // b's name is gone from DNS with it.
    let gone = ctx.hutch(["exec", "a", "busybox", "nslookup", "b"]).run();
    assert!(!gone.stdout.contains(&ip_b), "{}", gone.stdout);
    ctx.hutch(["network", "rm", "-f", "app"]).run().success();
    let ps = ctx.hutch(["ps", "-a", "-q"]).run().success();
    assert_eq!(ps.stdout_trim(), "");
    assert_no_helpers(&ctx);
}

#[test]
fn networks_are_isolated_and_internal_has_no_way_out() {
    let (ctx, img) = setup("net-isolated");
    // A service on the host's loopback, reachable from the rootless namespace's gateway address
    // through pasta.
    let www = ctx.dir.join("www");
    ctx.write_file(&www.join("index.html"), "from-host\n");
    let port = 20000 + (std::process::id() % 20000) as u16;
    let mut host = ctx
        .command("busybox")
        .args(["httpd", "-f", "-p", &format!("127.0.0.1:{port}"), "-h"])
        .arg(&www)
        .spawn();
    let gateway = host_gateway();

    ctx.hutch(["network", "create", "one"]).run().success();
    ctx.hutch(["network", "create", "two"]).run().success();
    ctx.hutch(["network", "create", "--internal", "closed"])
        .run()
        .success();
    web(&ctx, &img, "a", &["--network", "one"], "from-a");
    web(&ctx, &img, "b", &["--network", "two"], "from-b");
    web(&ctx, &img, "c", &["--network", "closed"], "from-c");
    web(&ctx, &img, "c2", &["--network", "closed"], "from-c2");
    let ip_a = container_ip(&ctx, "a", "eth0");
    let ip_b = container_ip(&ctx, "b", "eth0");

    // Each works within its own network...
    assert_eq!(fetch_ok(&ctx, "a", &format!("http://{ip_a}/")), "from-a");
    assert_eq!(fetch_ok(&ctx, "c", "http://c2/"), "from-c2");
    // ...and reaches the host, unless it is internal.
    let host_url = format!("http://{gateway}:{port}/");
    assert_eq!(fetch_ok(&ctx, "a", &host_url), "from-host");
    let by_name = format!("http://host.containers.internal:{port}/");
    assert_eq!(fetch_ok(&ctx, "a", &by_name), "from-host");
    assert_eq!(
        fetch(&ctx, "c", &host_url),
        None,
        "an internal network reached the host"
    );
    // Two networks cannot reach each other, by address or by name.
    assert_eq!(fetch(&ctx, "a", &format!("http://{ip_b}/")), None);
    assert_eq!(fetch(&ctx, "b", &format!("http://{ip_a}/")), None);
    assert_eq!(fetch(&ctx, "a", "http://b/"), None);

    ctx.hutch(["rm", "-f", "-a"]).run().success();
    host.kill9();
    let _ = host.wait();
    assert_no_helpers(&ctx);
}

/// The host's default gateway, which pasta maps to the host itself inside the namespace.
fn host_gateway() -> String {
    let routes = std::fs::read_to_string("/proc/net/route").unwrap();
    for l in routes.lines().skip(1) {
        let f: Vec<&str> = l.split_whitespace().collect();
        if f.get(1) == Some(&"00000000") {
            let gw = u32::from_str_radix(f[2], 16).unwrap();
            return std::net::Ipv4Addr::from(gw.to_ne_bytes()).to_string();
        }
    }
    panic!("the host has no default route: pasta needs one to map the gateway to the host");
}

#[test]
fn connect_and_disconnect_a_running_container() {
    let (ctx, img) = setup("net-connect");
    ctx.hutch(["network", "create", "front"]).run().success();
    ctx.hutch(["network", "create", "back"]).run().success();
    web(&ctx, &img, "a", &["--network", "front"], "from-a");
    web(&ctx, &img, "db", &["--network", "back"], "from-db");
    assert_eq!(fetch(&ctx, "a", "http://db/"), None);

    ctx.hutch(["network", "connect", "--alias", "database", "back", "a"])
        .run()
        .success();
    assert_eq!(fetch_ok(&ctx, "a", "http://db/"), "from-db");
    assert_eq!(fetch_ok(&ctx, "db", "http://database/"), "from-a");
    assert_eq!(fetch_ok(&ctx, "db", "http://a/"), "from-a");
    let links = ctx
        .hutch(["exec", "a", "ls", "/sys/class/net"])
        .run()
        .success();
    assert!(links.stdout.contains("eth1"), "{}", links.stdout);
    ctx.hutch(["network", "connect", "back", "a"])
        .run()
        .code(125)
        .stderr_has(&["already connected"]);
    // Both containers now use the network.
    ctx.hutch(["network", "rm", "back"])
        .run()
        .code(125)
        .stderr_has(&["a", "db"]);

    // A container that is not running is connected in its configuration only, and joins at
    // start; the default `podman` network (`--network bridge`) works like any other.
    ctx.hutch([
        "create",
        "--name",
        "late",
        "--network",
        "bridge",
        &img,
        "sleep",
        "60",
    ])
    .run()
    .success();
    ctx.hutch(["network", "connect", "back", "late"])
        .run()
        .success();
    ctx.hutch(["start", "late"]).run().success();
    assert_eq!(fetch_ok(&ctx, "late", "http://db/"), "from-db");
    let ip_late = container_ip(&ctx, "late", "eth0");
    assert!(ip_late.starts_with("10.88."), "{ip_late}");
    ctx.hutch(["rm", "-f", "late"]).run().success();

    // reload redoes the set-up: here it restarts a killed aardvark-dns.
    let pid_file = ctx.runroot().join("networks/aardvark-dns/aardvark.pid");
    let pid = std::fs::read_to_string(&pid_file)
        .unwrap()
        .trim()
        .to_string();
    assert!(std::process::Command::new("kill")
        .args(["-9", &pid])
        .status()
        .unwrap()
        .success());
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(
        fetch(&ctx, "a", "http://db/"),
        None,
        "names resolve without aardvark-dns"
    );
    let out = ctx.hutch(["network", "reload", "a"]).run().success();
    assert_eq!(out.stdout_trim().len(), 64, "{}", out.stdout);
    assert_eq!(fetch_ok(&ctx, "a", "http://db/"), "from-db");

    ctx.hutch(["network", "disconnect", "back", "a"])
        .run()
        .success();
    assert_eq!(fetch(&ctx, "db", "http://a/"), None);

    ctx.hutch(["rm", "-f", "-a"]).run().success();
    assert_no_helpers(&ctx);
}

#[test]
fn stale_rootless_netns_is_recovered() {
    let (ctx, img) = setup("net-stale");
    ctx.hutch(["network", "create", "app"]).run().success();
    web(&ctx, &img, "a", &["--network", "app"], "from-a");
    // Kill the namespace's pasta behind hutch's back: the next container gets a new uplink and
    // still finds its peer.
    let pid_file = ctx.runroot().join("networks/rootless-netns.pasta.pid");
    let pid: i32 = std::fs::read_to_string(&pid_file)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap()
        .success());
    web(&ctx, &img, "b", &["--network", "app"], "from-b");
    assert_eq!(fetch_ok(&ctx, "b", "http://a/"), "from-a");
    let new_pid: i32 = std::fs::read_to_string(&pid_file)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert_ne!(pid, new_pid);

    // The namespace file removed (as with a lost runroot): pasta quits with it; the next
    // container gets a fresh namespace and the running ones are reconnected to it.
    let ns = ctx.runroot().join("networks/rootless-netns");
    ctx.hutch(["unshare", "sh", "-c", "umount -l \"$0\" && rm \"$0\""])
        .arg(&ns)
        .run()
        .success();
    web(&ctx, &img, "c", &["--network", "app"], "from-c");
    assert_eq!(fetch_ok(&ctx, "c", "http://a/"), "from-a");
    assert_eq!(fetch_ok(&ctx, "a", "http://c/"), "from-c");

    // kill -9 of a container's monitor and process: the next command reconciles it, and when
    // the last container is gone the namespace and aardvark-dns go too.
    ctx.hutch(["rm", "-f", "b", "c"]).run().success();
    let out = ctx
        .hutch([
            "inspect",
            "--format",
            "{{.State.ConmonPid}} {{.State.Pid}}",
            "a",
        ])
        .run()
        .success();
    for p in out.stdout.split_whitespace() {
        let _ = std::process::Command::new("kill").args(["-9", p]).status();
    }
    std::thread::sleep(Duration::from_millis(300));
    ctx.hutch(["ps", "-a"]).run().success();
    assert_no_helpers(&ctx);
    assert!(!ctx.runroot().join("networks/attachments.json").exists());
    ctx.hutch(["rm", "-f", "-a"]).run().success();
    assert_no_helpers(&ctx);
}

#[test]
fn published_ports_on_a_user_network() {
    let (ctx, img) = setup("net-ports");
    ctx.hutch(["network", "create", "pub"]).run().success();
    let port = 30000 + (std::process::id() % 20000) as u16;
    web(
        &ctx,
        &img,
        "w",
        &["--network", "pub", "-p", &format!("{port}:80")],
        "from-w",
    );
    // From the host, through the forwarder into the rootless namespace and netavark's rules.
    let deadline = Instant::now() + Duration::from_secs(10);
    let body = loop {
        let out = ctx
            .command("busybox")
            .args(["wget", "-q", "-O-", &format!("http://127.0.0.1:{port}/")])
            .run();
        if out.code == Some(0) {
            break out.stdout.trim().to_string();
        }
        assert!(
            Instant::now() < deadline,
            "host cannot reach -p {port}: {}",
            out.stderr
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(body, "from-w");
    let p = ctx.hutch(["port", "w"]).run().success();
    assert!(
        p.stdout.contains(&format!("80/tcp -> 0.0.0.0:{port}")),
        "{}",
        p.stdout
    );
    // TCP goes through the container's monitor: no forwarding process per container, only the
    // network's uplink and aardvark-dns.
    let fwd = ctx
        .hutch([
            "inspect",
            "--format",
            "{{.NetworkSettings.PortForwarder}}",
            "w",
        ])
        .run()
        .success();
    assert_eq!(fwd.stdout.trim(), "hutch-conmon");
    let pastas: Vec<String> = helpers(&ctx)
        .into_iter()
        .filter(|h| h.contains(" pas"))
        .collect();
    assert_eq!(
        pastas.len(),
        1,
        "one pasta (the uplink) expected: {pastas:?}"
    );
    // After a restart the port is bound again.
    ctx.hutch(["restart", "-t", "0", "w"]).run().success();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let out = ctx
            .command("busybox")
            .args(["wget", "-q", "-O-", &format!("http://127.0.0.1:{port}/")])
            .run();
        if out.code == Some(0) {
            assert_eq!(out.stdout.trim(), "from-w");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "host cannot reach -p {port} after restart: {}",
            out.stderr
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    ctx.hutch(["rm", "-f", "w"]).run().success();
    assert_no_helpers(&ctx);
}

#[test]
fn slirp4netns_uplink_by_configuration() {
    let (ctx, img) = setup("net-slirp");
    require("slirp4netns", "slirp4netns");
    ctx.write_file(
        &ctx.config_home.join("containers/containers.conf"),
        "[network]\ndefault_rootless_network_cmd = \"slirp4netns\"\n",
    );
    ctx.hutch(["network", "create", "app"]).run().success();
    web(&ctx, &img, "a", &["--network", "app"], "from-a");
    web(&ctx, &img, "b", &["--network", "app"], "from-b");
    assert_eq!(fetch_ok(&ctx, "b", "http://a/"), "from-a");
    let uplinks: Vec<String> = helpers(&ctx)
        .into_iter()
        .filter(|h| h.ends_with("slirp4netns") || h.contains(" pas"))
        .collect();
    assert!(
        uplinks.len() == 1 && uplinks[0].ends_with("slirp4netns"),
        "{uplinks:?}"
    );
    ctx.hutch(["rm", "-f", "-a"]).run().success();
    assert_no_helpers(&ctx);
}

#[test]
fn bad_network_input_leaves_nothing() {
    let (ctx, img) = setup("net-bad");
    ctx.hutch(["run", "--rm", "--network", "nosuch", &img, "true"])
        .run()
        .code(125)
        .stderr_has(&["nosuch", "network not found"]);
    ctx.hutch(["create", "--network", "nosuch", &img, "true"])
        .run()
        .code(125)
        .stderr_has(&["nosuch", "network not found"]);
    ctx.hutch(["network", "create", "--subnet", "10.91.0.0/24", "small"])
        .run()
        .success();
    ctx.hutch([
        "run",
        "--rm",
        "--network",
        "small:ip=10.92.0.5",
        &img,
        "true",
    ])
    .run()
    .code(125)
    .stderr_has(&["10.92.0.5", "small"]);
    let ps = ctx.hutch(["ps", "-a", "-q"]).run().success();
    assert_eq!(ps.stdout_trim(), "", "a failed run left a container");
    assert_no_helpers(&ctx);
    assert!(!ctx.runroot().join("networks/attachments.json").exists());
}
