//! The service itself: socket permissions, idle exit, versions, `_ping`, errors for bad input.

use super::Service;
use crate::harness::TestContext;
use std::os::unix::fs::PermissionsExt;
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
