//! The service itself: socket permissions, idle exit, versions, `_ping`, errors for bad input.

use super::Service;
use crate::harness::TestContext;
use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

#[test]
fn socket_is_private_and_version_negotiates() {
    let ctx = TestContext::new("api-version");
    let svc = Service::start(&ctx);
    let mode = std::fs::metadata(&svc.sock).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the API socket must be 0600");

    let v = svc
        .docker(
            &ctx,
            [
                "version",
                "--format",
                "{{.Server.APIVersion}} {{.Server.MinAPIVersion}} {{.Server.Os}}",
            ],
        )
        .run()
        .success();
    assert_eq!(v.stdout_trim(), "1.47 1.24 linux");

    let ping = svc.request("GET", "/_ping", None).status(200);
    assert_eq!(ping.text(), "OK");
    assert_eq!(ping.header("api-version"), Some("1.47"));
    assert_eq!(ping.header("builder-version"), Some("1"));
    let head = svc.request("HEAD", "/v1.41/_ping", None).status(200);
    assert!(head.body.is_empty());

    // Versioned and unversioned paths answer alike; out-of-range versions are refused.
    svc.request("GET", "/v1.24/version", None).status(200);
    let too_new = svc.request("GET", "/v9.99/version", None).status(400);
    assert!(too_new.json()["message"]
        .as_str()
        .unwrap()
        .contains("too new"));
    let too_old = svc.request("GET", "/v1.12/version", None).status(400);
    assert!(too_old.json()["message"]
        .as_str()
        .unwrap()
        .contains("too old"));
    svc.request("GET", "/no/such/path", None).status(404);
    svc.request("POST", "/version", None).status(405);
    // The classic builder only: a BuildKit client is told how to fall back to it.
    let r = svc
        .request("POST", "/v1.47/build?version=2", None)
        .status(400);
    assert!(r.text().contains("DOCKER_BUILDKIT=0"), "{}", r.text());
    // An empty context has no Dockerfile: refused before any stream starts.
    let r = svc.request("POST", "/v1.47/build", None).status(400);
    assert!(r.text().contains("Dockerfile"), "{}", r.text());
}

#[test]
fn idle_service_exits_on_its_own() {
    let ctx = TestContext::new("api-idle");
    let started = Instant::now();
    let sock = ctx.dir.join("api.sock");
    let out = ctx
        .hutch(["system", "service", "--time", "1"])
        .arg(format!("unix://{}", sock.display()))
        .timeout(Duration::from_secs(30))
        .run()
        .success();
    assert!(started.elapsed() < Duration::from_secs(20), "{out:?}");
    assert!(
        !sock.exists(),
        "the socket is removed when the service exits"
    );
}

#[test]
fn socket_activation_serves_the_passed_socket_and_keeps_it() {
    let activate = crate::harness::require("systemd-socket-activate", "systemd");
    let ctx = TestContext::new("api-activate");
    let sock = ctx.dir.join("act.sock");
    let mut cmd = ctx.command(activate);
    cmd.arg("-l")
        .arg(&sock)
        .args([
            "-E",
            "XDG_RUNTIME_DIR",
            "-E",
            "HOME",
            "-E",
            "PATH",
            "-E",
            "XDG_CONFIG_HOME",
        ])
        .args(["-E", "XDG_DATA_HOME", "-E", "HUTCH_IT_SESSION"])
        .arg(crate::harness::hutch_bin())
        .args(["system", "service", "--time", "2"])
        .timeout(Duration::from_secs(60));
    let running = cmd.spawn();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !sock.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let svc_host = format!("unix://{}", sock.display());
    let v = ctx
        .command(crate::harness::require("docker", "docker.io"))
        .env("DOCKER_HOST", &svc_host)
        .env("DOCKER_CONFIG", ctx.dir.join(".docker"))
        .args(["version", "--format", "{{.Server.APIVersion}}"])
        .run()
        .success();
    assert_eq!(v.stdout_trim(), "1.47");
    let out = running.wait().success();
    assert!(
        out.stderr.contains("Execing"),
        "the service ran under socket activation: {}",
        out.stderr
    );
    assert!(
        sock.exists(),
        "a socket systemd passed is left in place on idle exit"
    );
}

#[test]
fn shipped_user_units_verify() {
    let analyze = crate::harness::require("systemd-analyze", "systemd");
    let ctx = TestContext::new("api-units");
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("contrib/systemd/user");
    let dir = ctx.dir.join("units");
    std::fs::create_dir_all(&dir).unwrap();
    for unit in ["hutch.socket", "hutch.service"] {
        let text = std::fs::read_to_string(src.join(unit)).unwrap();
        // The unit names the installed binary; verify it against the one under test.
        let text = text.replace(
            "/usr/local/bin/hutch",
            &crate::harness::hutch_bin().display().to_string(),
        );
        std::fs::write(dir.join(unit), text).unwrap();
    }
    let out = std::process::Command::new(analyze)
        .args(["verify", "--man=no"])
        .arg(dir.join("hutch.socket"))
        .arg(dir.join("hutch.service"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "systemd-analyze verify failed: {stderr}"
    );
    assert!(
        stderr.trim().is_empty(),
        "systemd-analyze verify warned: {stderr}"
    );
}

/// Bad input gets Docker's errors and never takes the service down; many clients are served at
/// once, and clients that hold streams open (or never read them) do not block the others.
#[test]
fn bad_input_and_many_clients_at_once() {
    let ctx = TestContext::new("api-robust");
    let svc = Service::start(&ctx);
    // Malformed and mistyped JSON, an oversized body, unknown ids, wrong methods.
    let r = svc
        .request("POST", "/v1.47/containers/create", Some("{not json"))
        .status(400);
    assert!(r.json()["message"].is_string(), "{}", r.text());
    svc.request("POST", "/v1.47/containers/create", Some(r#"{"Cmd": 5}"#))
        .status(400);
    svc.request("POST", "/v1.47/volumes/create", Some("[1,2,3]"))
        .status(400);
    let big = format!(
        r#"{{"Name":"v","Labels":{{"a":"{}"}}}}"#,
        "x".repeat(5 << 20)
    );
    svc.request("POST", "/v1.47/volumes/create", Some(&big))
        .status(413);
    svc.request("GET", "/v1.47/containers/nosuch/json", None)
        .status(404);
    svc.request("GET", "/v1.47/exec/nosuch/json", None)
        .status(404);
    svc.request("DELETE", "/v1.47/info", None).status(405);
    svc.request("GET", "/v1.47/containers/json?filters=%7Bbroken", None)
        .status(400);
    svc.request("GET", "/v1.47/containers/json?all=maybe", None)
        .status(400);
    // Garbage that is not HTTP, and a connection cut mid-request.
    for junk in [
        &b"\x00\x01\x02 garbage\r\n\r\n"[..],
        b"GET /info HTTP/1.1\r\nContent-Le",
    ] {
        let mut s = UnixStream::connect(&svc.sock).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let _ = s.write_all(junk);
        let _ = s.shutdown(std::net::Shutdown::Write);
        let mut sink = Vec::new();
        let _ = s.read_to_end(&mut sink);
    }
    // Streams held open: an events follower, and one that never reads what it is sent.
    let mut held = Vec::new();
    for _ in 0..2 {
        held.push(super::open_request(
            &svc.sock,
            "GET /v1.47/events HTTP/1.1\r\nHost: hutch\r\n\r\n",
            b"",
        ));
    }
    // 24 clients at once, each with several requests: every one is answered.
    let sock = svc.sock.clone();
    let threads: Vec<_> = (0..24)
        .map(|i| {
            let sock = sock.clone();
            std::thread::spawn(move || {
                for path in [
                    "/_ping",
                    "/v1.47/info",
                    "/v1.47/containers/json?all=1",
                    "/v1.47/volumes",
                ] {
                    let r = super::raw::request(&sock, "GET", path, None);
                    assert_eq!(r.status, 200, "client {i} {path}: {}", r.text());
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("a client thread");
    }
    // Volume events reach the followers while they are held.
    svc.request("POST", "/v1.47/volumes/create", Some(r#"{"Name":"seen"}"#))
        .status(201);
    let mut first = held.remove(0);
    first
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&got).contains("\"seen\"") {
        let n = first.read(&mut buf).expect("the event within seconds");
        assert!(n > 0, "the events stream ended");
        got.extend_from_slice(&buf[..n]);
    }
    drop(first);
    drop(held);
    // Still healthy, and nothing it started lingers as a stream.
    svc.request("GET", "/_ping", None).status(200);
    let out = svc.stop();
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
}
