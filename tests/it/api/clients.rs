//! API tests: the real client libraries and tools — docker-py, testcontainers (with its reaper
//! container mounting the API socket) and docker-compose — each running a scripted scenario
//! against a service of its own.

use super::Service;
use crate::fixtures::busybox;
use crate::harness::{require, TestContext};
use crate::pull;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn setup(name: &str) -> (TestContext, Service, String) {
    require("runc", "runc");
    let ctx = TestContext::new(name);
    let img = busybox().plain();
    let svc = Service::start(&ctx);
    (ctx, svc, img)
}

#[test]
fn docker_py_scenario() {
    let (ctx, svc, img) = setup("api-docker-py");
    let out = svc
        .python(&ctx, include_str!("py/docker_py.py"))
        .env("IMG", &img)
        .timeout(Duration::from_secs(300))
        .run();
    assert!(
        out.code == Some(0),
        "docker-py scenario failed:\n{}\n{}",
        out.stdout,
        out.stderr
    );
    assert!(
        out.stdout.contains("docker-py scenario: ok"),
        "{}",
        out.stdout
    );
}

/// The reaper stand-in (examples/it_reaper.rs), built if needed, as an image made locally with
/// `hutch import`: the binary and the shared libraries it links, nothing from the internet.
fn reaper_image(ctx: &TestContext) -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_hutch")).with_file_name("examples/it_reaper");
    let built = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "-q", "--example", "it_reaper", "--manifest-path"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .status()
        .is_ok_and(|s| s.success());
    assert!(built || bin.is_file(), "cannot build examples/it_reaper");
    let root = ctx.dir.join("reaper-root");
    let mut files: Vec<(PathBuf, PathBuf)> = vec![(bin.clone(), PathBuf::from("reaper"))];
    let ldd = Command::new("ldd").arg(&bin).output().expect("ldd");
    for line in String::from_utf8_lossy(&ldd.stdout).lines() {
        // "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)" or "/lib64/ld-linux-x86-64.so.2 (0x...)"
        let path = line
            .split("=>")
            .last()
            .and_then(|s| s.split_whitespace().next())
            .filter(|p| p.starts_with('/'));
        if let Some(p) = path {
            files.push((PathBuf::from(p), PathBuf::from(p.trim_start_matches('/'))));
        }
    }
    for (src, rel) in &files {
        let dst = root.join(rel);
        std::fs::create_dir_all(dst.parent().unwrap()).unwrap();
        std::fs::copy(src, &dst).unwrap_or_else(|e| panic!("copy {}: {e}", src.display()));
    }
    for d in ["tmp", "etc", "var/run"] {
        std::fs::create_dir_all(root.join(d)).unwrap();
    }
    std::fs::write(root.join("etc/passwd"), "root:x:0:0:root:/:/reaper\n").unwrap();
    let tar = ctx.dir.join("reaper.tar");
    let ok = Command::new("tar")
        .arg("-C")
        .arg(&root)
        .args(["--owner=0", "--group=0", "-cf"])
        .arg(&tar)
        .arg(".")
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "tar of the reaper root");
    std::fs::set_permissions(&tar, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    let name = "localhost/hutch-it/reaper:latest";
    ctx.hutch(["import", "--change", "CMD [\"/reaper\"]"])
        .arg(&tar)
        .arg(name)
        .run()
        .success();
    name.to_string()
}

#[test]
fn testcontainers_with_its_reaper() {
    let (ctx, svc, img) = setup("api-testcontainers");
    pull(&ctx, &img).success();
    let reaper = reaper_image(&ctx);
    let out = svc
        .python(&ctx, include_str!("py/testcontainers_scenario.py"))
        .env("IMG", &img)
        .env("TESTCONTAINERS_RYUK_CONTAINER_IMAGE", &reaper)
        .env("RYUK_CONTAINER_IMAGE", &reaper)
        .env("TESTCONTAINERS_RYUK_RECONNECTION_TIMEOUT", "1s")
        .env("RYUK_RECONNECTION_TIMEOUT", "1s")
        // The test and hutch share the host's network: published ports are on 127.0.0.1.
        // (testcontainers guesses Docker-in-Docker wherever /.dockerenv exists, as on machines
        // that are themselves containers, and would try the default gateway instead.)
        .env("TESTCONTAINERS_HOST_OVERRIDE", "127.0.0.1")
        .env("TESTCONTAINERS_CONNECTION_MODE", "docker_host")
        .env(
            "TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE",
            svc.sock.display().to_string(),
        )
        .timeout(Duration::from_secs(300))
        .run();
    assert!(
        out.signal == Some(9),
        "testcontainers scenario failed (it ends by killing itself):\n{}\n{}",
        out.stdout,
        out.stderr
    );
    let id = out
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("testcontainers: ok "))
        .unwrap_or_else(|| panic!("no container id in {}", out.stdout))
        .to_string();
    // The script left its container running; the reaper removes it once the client is gone.
    // (Ryuk only cleans up after a client that died: a normal exit removes the reaper first.)
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let ps = ctx.hutch(["ps", "-aq", "--no-trunc"]).run().success();
        if !ps.stdout.contains(&id) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the reaper did not remove {id}: {}",
            ctx.hutch(["ps", "-a"]).run().stdout
        );
        std::thread::sleep(Duration::from_millis(500));
    }
}

/// A free TCP port on 127.0.0.1 (bound and released).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn compose_up_and_down_of_a_two_service_project() {
    let compose = require("docker-compose", "docker-compose");
    let (ctx, svc, img) = setup("api-compose");
    pull(&ctx, &img).success();
    let port = free_port();
    let dir = ctx.dir.join("project");
    std::fs::create_dir_all(&dir).unwrap();
    let file = include_str!("compose/docker-compose.yml")
        .replace("@IMG@", &img)
        .replace("@PORT@", &port.to_string());
    ctx.write_file(&dir.join("docker-compose.yml"), file);
    let run = |args: &[&str]| {
        let mut cmd = ctx.command(&compose);
        cmd.env("DOCKER_HOST", svc.host())
            .env("COMPOSE_PROJECT_NAME", "itproj")
            .args(["-f"])
            .arg(dir.join("docker-compose.yml"))
            .args(args)
            .timeout(Duration::from_secs(300));
        cmd.run()
    };
    let up = run(&["up", "-d"]);
    assert!(
        up.code == Some(0),
        "compose up failed:\n{}\n{}",
        up.stdout,
        up.stderr
    );

    // The published port answers from the host.
    let body = super::raw::http_get(port, "/");
    assert_eq!(body.trim(), "hello-from-web");
    // The client started after web was healthy and reached it by name on the project network;
    // what it fetched is in the named volume.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let got = ctx
            .hutch([
                "run",
                "--rm",
                "-v",
                "itproj_data:/data",
                &img,
                "cat",
                "/data/got",
            ])
            .run();
        if got.code == Some(0) && got.stdout.trim() == "hello-from-web" {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "client never fetched from web: {got:?}"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
    let ps = run(&["ps"]);
    assert!(
        ps.stdout.contains("itproj_web_1") && ps.stdout.contains("healthy"),
        "{}",
        ps.stdout
    );

    let down = run(&["down", "-v"]);
    assert!(
        down.code == Some(0),
        "compose down failed:\n{}\n{}",
        down.stdout,
        down.stderr
    );
    let left = |args: &[&str]| ctx.hutch(args).run().success().stdout;
    assert!(
        !left(&["ps", "-a", "--format", "{{.Names}}"]).contains("itproj"),
        "containers left"
    );
    assert!(
        !left(&["network", "ls", "--format", "{{.Name}}"]).contains("itproj"),
        "networks left"
    );
    assert!(
        !left(&["volume", "ls", "--format", "{{.Name}}"]).contains("itproj"),
        "volumes left"
    );
}
