//! API tests: streams. The docker CLI's exec, logs, attach, cp, top, diff, export and stats
//! against the service, and raw HTTP for the hijack handshake, the multiplexed framing and the
//! status codes. Containers are made with the hutch CLI (the create/start endpoints are not
//! what these tests are about).

use super::{open_request, Service};
use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

use crate::busybox_context as setup;

/// A raw request whose answer is read to the end (a hijacked stream ends when the session
/// does): status line and headers, then the rest as it came.
fn hijack(svc: &Service, method: &str, path: &str, body: &str, input: &[u8]) -> (String, Vec<u8>) {
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: hutch\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    let mut s = open_request(&svc.sock, &head, body.as_bytes());
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let head = read_head(&mut s);
    if !input.is_empty() {
        s.write_all(input).unwrap();
    }
    s.shutdown(std::net::Shutdown::Write).unwrap();
    let mut rest = Vec::new();
    s.read_to_end(&mut rest)
        .expect("read the stream to its end");
    (head, rest)
}

/// Reads up to the blank line after the headers.
fn read_head(s: &mut UnixStream) -> String {
    let mut head = Vec::new();
    let mut b = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        let n = s.read(&mut b).expect("read the answer's head");
        assert!(n > 0, "connection closed in the head: {head:?}");
        head.push(b[0]);
    }
    String::from_utf8_lossy(&head).into_owned()
}

/// Splits Docker's multiplexed stream into stdout and stderr, checking every header.
fn demux(mut b: &[u8]) -> (String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    while !b.is_empty() {
        assert!(b.len() >= 8, "a partial frame header: {b:?}");
        assert_eq!(&b[1..4], &[0, 0, 0], "frame header {:?}", &b[..8]);
        let len = u32::from_be_bytes([b[4], b[5], b[6], b[7]]) as usize;
        assert!(b.len() >= 8 + len, "a frame shorter than its header says");
        match b[0] {
            1 => out.extend_from_slice(&b[8..8 + len]),
            2 => err.extend_from_slice(&b[8..8 + len]),
            other => panic!("unknown stream {other} in a frame"),
        }
        b = &b[8 + len..];
    }
    (
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

/// Waits until `cond` holds, failing after `secs` with `what`.
fn eventually(secs: u64, what: &str, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while !cond() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn exec_over_raw_http_frames_streams_and_keeps_the_exit_code() {
    let (ctx, img) = setup("api-exec-raw");
    ctx.hutch(["run", "-d", "--name", "web", &img, "sleep", "300"])
        .run()
        .success();
    let svc = Service::start(&ctx);
    let created = svc
        .request(
            "POST",
            "/v1.47/containers/web/exec",
            Some(r#"{"AttachStdout":true,"AttachStderr":true,"Cmd":["sh","-c","echo out; echo err >&2; exit 3"]}"#),
        )
        .status(201)
        .json();
    let id = created["Id"].as_str().unwrap().to_string();
    let (head, rest) = hijack(
        &svc,
        "POST",
        &format!("/v1.47/exec/{id}/start"),
        r#"{"Detach":false,"Tty":false}"#,
        b"",
    );
    assert!(head.starts_with("HTTP/1.1 101"), "{head}");
    let lower = head.to_ascii_lowercase();
    assert!(lower.contains("upgrade: tcp"), "{head}");
    assert!(
        lower.contains("content-type: application/vnd.docker.multiplexed-stream"),
        "{head}"
    );
    assert_eq!(demux(&rest), ("out\n".into(), "err\n".into()));
    let info = svc
        .request("GET", &format!("/v1.47/exec/{id}/json"), None)
        .status(200)
        .json();
    assert_eq!(info["ExitCode"], 3, "{info}");
    assert_eq!(info["Running"], false, "{info}");
    assert_eq!(info["ProcessConfig"]["entrypoint"], "sh", "{info}");
    // An instance starts once; unknown instances and containers are 404.
    svc.request("POST", &format!("/v1.47/exec/{id}/start"), Some("{}"))
        .status(409);
    svc.request("GET", "/v1.47/exec/nosuchexec/json", None)
        .status(404);
    svc.request(
        "POST",
        "/v1.47/containers/nosuch/exec",
        Some(r#"{"Cmd":["true"]}"#),
    )
    .status(404);
    // With a terminal the stream is raw; stdin reaches the process and its end closes it.
    let id = svc
        .request(
            "POST",
            "/v1.47/containers/web/exec",
            Some(r#"{"AttachStdin":true,"AttachStdout":true,"Tty":false,"Cmd":["sh","-c","read l; echo got-$l; cat; echo end"]}"#),
        )
        .status(201)
        .json()["Id"]
        .as_str()
        .unwrap()
        .to_string();
    let (_, rest) = hijack(
        &svc,
        "POST",
        &format!("/v1.47/exec/{id}/start"),
        "{}",
        b"hello\nrest\n",
    );
    assert_eq!(demux(&rest).0, "got-hello\nrest\nend\n");
    // A command that does not exist: the error in the stream, 127 as its code.
    let id = svc
        .request(
            "POST",
            "/v1.47/containers/web/exec",
            Some(r#"{"AttachStdout":true,"AttachStderr":true,"Cmd":["no-such-command"]}"#),
        )
        .status(201)
        .json()["Id"]
        .as_str()
        .unwrap()
        .to_string();
    let (_, rest) = hijack(&svc, "POST", &format!("/v1.47/exec/{id}/start"), "{}", b"");
    assert!(demux(&rest).1.contains("no-such-command"), "{rest:?}");
    let info = svc
        .request("GET", &format!("/v1.47/exec/{id}/json"), None)
        .json();
    assert_eq!(info["ExitCode"], 127, "{info}");
    // Started detached: the answer comes at once, the process runs on.
    let id = svc
        .request(
            "POST",
            "/v1.47/containers/web/exec",
            Some(r#"{"Cmd":["sh","-c","sleep 1; exit 2"]}"#),
        )
        .status(201)
        .json()["Id"]
        .as_str()
        .unwrap()
        .to_string();
    svc.request(
        "POST",
        &format!("/v1.47/exec/{id}/start"),
        Some(r#"{"Detach":true}"#),
    )
    .status(200);
    let info = svc
        .request("GET", &format!("/v1.47/exec/{id}/json"), None)
        .json();
    assert_eq!(info["Running"], true, "{info}");
    eventually(10, "the detached exec to end", || {
        svc.request("GET", &format!("/v1.47/exec/{id}/json"), None)
            .json()["Running"]
            == false
    });
    // A stopped container takes no exec.
    ctx.hutch(["stop", "-t", "0", "web"]).run().success();
    svc.request(
        "POST",
        "/v1.47/containers/web/exec",
        Some(r#"{"Cmd":["true"]}"#),
    )
    .status(409);
}

#[test]
fn attach_over_raw_http_sends_stdin_and_multiplexes_output() {
    let (ctx, img) = setup("api-attach-raw");
    ctx.hutch([
        "run",
        "-d",
        "-i",
        "--name",
        "echoer",
        &img,
        "sh",
        "-c",
        "while read l; do echo got-$l; echo err-$l >&2; done; echo bye",
    ])
    .run()
    .success();
    let svc = Service::start(&ctx);
    let (head, rest) = hijack(
        &svc,
        "POST",
        "/v1.47/containers/echoer/attach?stream=1&stdin=1&stdout=1&stderr=1",
        "",
        b"a\nb\n",
    );
    assert!(head.starts_with("HTTP/1.1 101"), "{head}");
    let (out, err) = demux(&rest);
    // Closing stdin closed the container's: its loop ended, and so did the stream.
    assert_eq!(out, "got-a\ngot-b\nbye\n");
    assert_eq!(err, "err-a\nerr-b\n");
    // A client that goes away (without closing its sending side first) leaves the
    // container's stdin open for the next one.
    ctx.hutch([
        "run",
        "-d",
        "-i",
        "--name",
        "keeper",
        &img,
        "sh",
        "-c",
        "while read l; do echo got-$l; done; echo bye",
    ])
    .run()
    .success();
    let head = "POST /v1.47/containers/keeper/attach?stream=1&stdin=1&stdout=1 HTTP/1.1\r\nHost: hutch\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 0\r\n\r\n";
    let mut s = open_request(&svc.sock, head, b"");
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    assert!(read_head(&mut s).starts_with("HTTP/1.1 101"));
    s.write_all(b"x\n").unwrap();
    let mut first = [0u8; 14];
    s.read_exact(&mut first).unwrap();
    assert_eq!(demux(&first).0, "got-x\n");
    drop(s);
    std::thread::sleep(Duration::from_secs(1));
    let (_, rest) = hijack(
        &svc,
        "POST",
        "/v1.47/containers/keeper/attach?stream=1&stdin=1&stdout=1",
        "",
        b"y\n",
    );
    assert_eq!(demux(&rest).0, "got-y\nbye\n");
    // Attached before the container starts (as `docker run` does), the session waits for
    // the start and gets the output. (Started by the service, the start holds the output
    // until the session connects; the CLI's start here cannot know, so the output comes late.)
    ctx.hutch([
        "create",
        "--name",
        "later",
        &img,
        "sh",
        "-c",
        "sleep 1; echo late; echo late-err >&2",
    ])
    .run()
    .success();
    let head = "POST /v1.47/containers/later/attach?stream=1&stdout=1&stderr=1 HTTP/1.1\r\nHost: hutch\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 0\r\n\r\n";
    let mut s = open_request(&svc.sock, head, b"");
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    assert!(read_head(&mut s).starts_with("HTTP/1.1 101"));
    ctx.hutch(["start", "later"]).run().success();
    let mut rest = Vec::new();
    s.read_to_end(&mut rest).unwrap();
    assert_eq!(demux(&rest), ("late\n".into(), "late-err\n".into()));
    svc.request("POST", "/v1.47/containers/nosuch/attach?stream=1", None)
        .status(404);
    svc.request("GET", "/v1.47/containers/echoer/attach/ws", None)
        .status(501);
}

#[test]
fn logs_through_the_docker_cli_and_raw() {
    let (ctx, img) = setup("api-logs");
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "lg",
        &img,
        "sh",
        "-c",
        "echo one; echo two >&2; sleep 3; echo three",
    ])
    .run()
    .success();
    let svc = Service::start(&ctx);
    eventually(10, "the first log lines", || {
        svc.request("GET", "/v1.47/containers/lg/logs?stdout=1&stderr=1", None)
            .body
            .len()
            >= 2 * 8 + 8
    });
    let r = svc
        .request("GET", "/v1.47/containers/lg/logs?stdout=1&stderr=1", None)
        .status(200);
    assert_eq!(demux(&r.body), ("one\n".into(), "two\n".into()));
    let r = svc
        .request(
            "GET",
            "/v1.47/containers/lg/logs?stderr=1&timestamps=1",
            None,
        )
        .status(200);
    let (out, err) = demux(&r.body);
    assert_eq!(out, "");
    assert!(err.ends_with("Z two\n"), "{err}");
    svc.request("GET", "/v1.47/containers/lg/logs", None)
        .status(400);
    svc.request("GET", "/v1.47/containers/nosuch/logs?stdout=1", None)
        .status(404);
    // Following ends when the container does.
    let start = Instant::now();
    let r = svc
        .request(
            "GET",
            "/v1.47/containers/lg/logs?stdout=1&stderr=1&follow=1",
            None,
        )
        .status(200);
    assert_eq!(demux(&r.body), ("one\nthree\n".into(), "two\n".into()));
    assert!(start.elapsed() < Duration::from_secs(20));
    let r = svc
        .request("GET", "/v1.47/containers/lg/logs?stdout=1&tail=1", None)
        .status(200);
    assert_eq!(demux(&r.body).0, "three\n");
}

/// Whether a process of container `name` has `what` in its command line (the API's `top`).
fn container_has(svc: &Service, name: &str, what: &str) -> bool {
    let top = svc
        .request("GET", &format!("/v1.47/containers/{name}/top"), None)
        .json();
    top["Processes"]
        .as_array()
        .is_some_and(|ps| ps.iter().any(|p| p.to_string().contains(what)))
}

#[test]
fn a_client_that_goes_away_leaves_no_exec_behind() {
    let (ctx, img) = setup("api-exec-gone");
    ctx.hutch(["run", "-d", "--name", "box", &img, "sleep", "300"])
        .run()
        .success();
    let svc = Service::start(&ctx);
    for (tty, secs) in [(false, "1001"), (true, "1002")] {
        let body = format!(
            r#"{{"AttachStdin":true,"AttachStdout":true,"AttachStderr":true,"Tty":{tty},"Cmd":["sleep","{secs}"]}}"#
        );
        let id = svc
            .request("POST", "/v1.47/containers/box/exec", Some(&body))
            .status(201)
            .json()["Id"]
            .as_str()
            .unwrap()
            .to_string();
        let head = format!(
            "POST /v1.47/exec/{id}/start HTTP/1.1\r\nHost: hutch\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n"
        );
        let mut s = open_request(&svc.sock, &head, b"{}");
        assert!(read_head(&mut s).starts_with("HTTP/1.1 101"));
        let marker = format!("sleep {secs}");
        eventually(20, "the exec'd sleep", || {
            container_has(&svc, "box", &marker)
        });
        eventually(10, "the exec instance's pid", || {
            let info = svc
                .request("GET", &format!("/v1.47/exec/{id}/json"), None)
                .json();
            info["Running"] == true && info["Pid"].as_i64().unwrap_or(0) > 0
        });
        // The client goes away: Docker kills the process.
        drop(s);
        eventually(10, "the exec'd sleep to end with its client", || {
            !container_has(&svc, "box", &marker)
        });
        eventually(10, "the exec instance to end", || {
            svc.request("GET", &format!("/v1.47/exec/{id}/json"), None)
                .json()["Running"]
                == false
        });
    }
    // A follower that disconnects: the service goes on answering.
    let mut s = open_request(
        &svc.sock,
        "GET /v1.47/containers/box/logs?follow=1&stdout=1 HTTP/1.1\r\nHost: hutch\r\n\r\n",
        b"",
    );
    read_head(&mut s);
    drop(s);
    svc.request("GET", "/_ping", None).status(200);
}

#[test]
fn cp_top_diff_export_stats_through_the_docker_cli() {
    let (ctx, img) = setup("api-files");
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "fs",
        &img,
        "sh",
        "-c",
        "mkdir -p /data/sub; echo inside > /data/sub/f; rm /bin/vi; sleep 300",
    ])
    .run()
    .success();
    let svc = Service::start(&ctx);
    eventually(10, "the container's files", || {
        svc.request(
            "HEAD",
            "/v1.47/containers/fs/archive?path=/data/sub/f",
            None,
        )
        .status
            == 200
    });
    // cp out: a file, a directory; a path that does not exist fails.
    let out_dir = ctx.dir.join("out");
    ctx.command("mkdir").arg(&out_dir).run().success();
    svc.docker(
        &ctx,
        ["cp", "fs:/data/sub/f", out_dir.join("f").to_str().unwrap()],
    )
    .run()
    .success();
    assert_eq!(
        std::fs::read_to_string(out_dir.join("f")).unwrap(),
        "inside\n"
    );
    svc.docker(&ctx, ["cp", "fs:/data", out_dir.to_str().unwrap()])
        .run()
        .success();
    assert_eq!(
        std::fs::read_to_string(out_dir.join("data/sub/f")).unwrap(),
        "inside\n"
    );
    let out = svc
        .docker(&ctx, ["cp", "fs:/no/such/path", out_dir.to_str().unwrap()])
        .run();
    assert_ne!(out.code, Some(0), "{out:?}");
    assert!(out.stderr.contains("/no/such/path"), "{out:?}");
    // cp in: a file under a new name, a directory.
    let src = ctx.dir.join("in.txt");
    ctx.write_file(&src, "from the host\n");
    svc.docker(&ctx, ["cp", src.to_str().unwrap(), "fs:/data/renamed.txt"])
        .run()
        .success();
    svc.docker(
        &ctx,
        ["cp", out_dir.join("data").to_str().unwrap(), "fs:/copied"],
    )
    .run()
    .success();
    let out = ctx
        .hutch(["exec", "fs", "cat", "/data/renamed.txt", "/copied/sub/f"])
        .run()
        .success();
    assert_eq!(out.stdout, "from the host\ninside\n");
    let out = svc
        .docker(&ctx, ["cp", src.to_str().unwrap(), "fs:/no/such/dir/"])
        .run();
    assert_ne!(out.code, Some(0), "{out:?}");
    // A directory over an existing file: refused with noOverwriteDirNonDir, as docker cp asks.
    let mut b = tar::Builder::new(Vec::new());
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(tar::EntryType::Directory);
    h.set_mode(0o755);
    h.set_size(0);
    b.append_data(&mut h, "renamed.txt/", std::io::empty())
        .unwrap();
    let tar = String::from_utf8(b.into_inner().unwrap()).unwrap();
    svc.request(
        "PUT",
        "/v1.47/containers/fs/archive?path=/data&noOverwriteDirNonDir=1",
        Some(&tar),
    )
    .status(400);
    svc.request(
        "PUT",
        "/v1.47/containers/fs/archive?path=/no/such/dir",
        Some(&tar),
    )
    .status(404);
    // The stat header: base64 JSON with Go's file mode (the directory bit).
    let head = svc
        .request("HEAD", "/v1.47/containers/fs/archive?path=/data", None)
        .status(200);
    let stat = head
        .header("x-docker-container-path-stat")
        .unwrap()
        .to_string();
    let decoded = ctx
        .command("sh")
        .args(["-c", &format!("echo {stat} | base64 -d")])
        .run()
        .success();
    let stat: serde_json::Value = serde_json::from_str(&decoded.stdout).unwrap();
    assert_eq!(stat["name"], "data", "{stat}");
    assert_ne!(stat["mode"].as_u64().unwrap() & (1 << 31), 0, "{stat}");
    svc.request("HEAD", "/v1.47/containers/fs/archive?path=/nope", None)
        .status(404);
    // A symlink pointing out of the root is resolved inside it.
    ctx.hutch(["exec", "fs", "ln", "-s", "/../../../../etc", "/data/escape"])
        .run()
        .success();
    svc.request(
        "HEAD",
        "/v1.47/containers/fs/archive?path=/data/escape/hostname-of-the-host-not-here",
        None,
    )
    .status(404);

    // top
    let out = svc.docker(&ctx, ["top", "fs"]).run().success();
    assert!(out.stdout.contains("sleep 300"), "{out:?}");
    let top = svc
        .request("GET", "/v1.47/containers/fs/top", None)
        .status(200)
        .json();
    assert!(
        top["Titles"].as_array().unwrap().iter().any(|t| t == "PID"),
        "{top}"
    );
    assert!(!top["Processes"].as_array().unwrap().is_empty(), "{top}");
    // diff
    let out = svc.docker(&ctx, ["diff", "fs"]).run().success();
    assert!(out.stdout.contains("A /data/sub/f"), "{out:?}");
    assert!(out.stdout.contains("D /bin/vi"), "{out:?}");
    // export
    let tar = ctx.dir.join("fs.tar");
    svc.docker(&ctx, ["export", "-o", tar.to_str().unwrap(), "fs"])
        .run()
        .success();
    let list = ctx
        .command("tar")
        .args(["-tf", tar.to_str().unwrap()])
        .run()
        .success();
    assert!(
        list.stdout.lines().any(|l| l == "data/sub/f"),
        "{}",
        list.stdout
    );
    // stats
    let out = svc
        .docker(
            &ctx,
            [
                "stats",
                "--no-stream",
                "--format",
                "{{.Name}} {{.PIDs}} {{.MemUsage}}",
                "fs",
            ],
        )
        .run()
        .success();
    assert!(out.stdout.starts_with("fs 1 "), "{out:?}");
    let s = svc
        .request("GET", "/v1.47/containers/fs/stats?stream=false", None)
        .status(200)
        .json();
    assert!(s["cpu_stats"]["cpu_usage"]["total_usage"].is_u64(), "{s}");
    assert!(s["memory_stats"]["usage"].as_u64().unwrap() > 0, "{s}");
    assert_eq!(s["pids_stats"]["current"], 1, "{s}");
    // Streamed: one sample a second until the client goes.
    let mut st = open_request(
        &svc.sock,
        "GET /v1.47/containers/fs/stats?stream=1 HTTP/1.0\r\nHost: hutch\r\n\r\n",
        b"",
    );
    st.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    read_head(&mut st);
    let mut got = Vec::new();
    let mut b = [0u8; 4096];
    while got.iter().filter(|c| **c == b'\n').count() < 2 {
        let n = st.read(&mut b).expect("two samples within seconds");
        assert!(n > 0, "the stats stream ended early");
        got.extend_from_slice(&b[..n]);
    }
    let second = String::from_utf8_lossy(&got);
    let second: serde_json::Value = serde_json::from_str(second.lines().nth(1).unwrap()).unwrap();
    assert!(second["precpu_stats"]["system_cpu_usage"].as_u64().unwrap() > 0);
    drop(st);
    // A terminal resize of a container without one is accepted; of a missing one, 404.
    svc.request("POST", "/v1.47/containers/fs/resize?h=30&w=100", None)
        .status(200);
    svc.request("POST", "/v1.47/containers/nosuch/resize?h=30&w=100", None)
        .status(404);
}
