//! API tests: the container lifecycle endpoints, driven by the docker CLI, and their status
//! codes and shapes by raw HTTP.

use super::{open_request, read_all, Service};
use crate::fixtures::busybox;
use crate::harness::TestContext;
use serde_json::{json, Value};
use std::io::Read;
use std::time::{Duration, Instant};

fn docker_out(svc: &Service, ctx: &TestContext, args: &[&str]) -> String {
    svc.docker(ctx, args)
        .run()
        .success()
        .stdout_trim()
        .to_string()
}

/// POSTs a create body; returns the new container's ID.
fn create(svc: &Service, name: &str, body: &Value) -> String {
    let r = svc
        .request(
            "POST",
            &format!("/v1.47/containers/create?name={name}"),
            Some(&body.to_string()),
        )
        .status(201);
    let v = r.json();
    assert_eq!(v["Warnings"], json!([]), "{v}");
    v["Id"].as_str().expect("an Id").to_string()
}

fn inspect(svc: &Service, id: &str) -> Value {
    svc.request("GET", &format!("/containers/{id}/json"), None)
        .status(200)
        .json()
}

fn message(r: super::raw::Reply) -> String {
    r.json()["message"].as_str().unwrap_or_default().to_string()
}

#[test]
fn docker_cli_drives_the_container_lifecycle() {
    let ctx = TestContext::new("api-ctr-cli");
    let img = busybox().plain();
    crate::pull(&ctx, &img).success();
    let svc = Service::start(&ctx);

    let id = docker_out(
        &svc,
        &ctx,
        &[
            "create",
            "--name",
            "web",
            "-p",
            "127.0.0.1::80",
            "-e",
            "A=1",
            &img,
            "sleep",
            "300",
        ],
    );
    assert_eq!(id.len(), 64, "{id}");
    let ps = docker_out(
        &svc,
        &ctx,
        &["ps", "-a", "--format", "{{.Names}} {{.Status}}"],
    );
    assert_eq!(ps, "web Created");
    assert_eq!(docker_out(&svc, &ctx, &["ps", "-q"]), "");

    svc.docker(&ctx, ["start", "web"]).run().success();
    let ps = docker_out(
        &svc,
        &ctx,
        &[
            "ps",
            "--format",
            "{{.Names}}|{{.Status}}|{{.Ports}}|{{.Command}}",
        ],
    );
    let cols: Vec<&str> = ps.split('|').collect();
    assert_eq!(cols[0], "web", "{ps}");
    assert!(cols[1].starts_with("Up "), "{ps}");
    assert!(
        cols[2].starts_with("127.0.0.1:") && cols[2].ends_with("->80/tcp"),
        "{ps}"
    );
    assert!(cols[3].contains("sleep 300"), "{ps}");
    let fmt = "{{.Name}} {{.State.Running}} {{.HostConfig.RestartPolicy.Name}} {{index .Config.Env 1}} {{.Config.Image}}";
    let ins = docker_out(&svc, &ctx, &["inspect", "--format", fmt, "web"]);
    assert!(ins.starts_with("/web true no "), "{ins}");
    assert!(ins.contains("A=1") && ins.ends_with(&img), "{ins}");
    let host_port = docker_out(
        &svc,
        &ctx,
        &[
            "inspect",
            "--format",
            "{{(index (index .NetworkSettings.Ports \"80/tcp\") 0).HostPort}}",
            "web",
        ],
    );
    assert!(host_port.parse::<u16>().is_ok_and(|p| p > 0), "{host_port}");

    // hutch's default network is Docker's `bridge`.
    let nets = docker_out(
        &svc,
        &ctx,
        &[
            "ps",
            "--filter",
            "network=bridge",
            "--format",
            "{{.Names}} {{.Networks}}",
        ],
    );
    assert_eq!(nets, "web bridge");
    let port = docker_out(&svc, &ctx, &["port", "web", "80"]);
    assert_eq!(port, format!("127.0.0.1:{host_port}"));

    svc.docker(&ctx, ["stop", "-t", "0", "web"]).run().success();
    let st = docker_out(&svc, &ctx, &["ps", "-a", "--format", "{{.Status}}"]);
    assert!(st.starts_with("Exited (137)"), "{st}");
    svc.docker(&ctx, ["restart", "-t", "0", "web"])
        .run()
        .success();
    svc.docker(&ctx, ["kill", "web"]).run().success();
    let st = docker_out(
        &svc,
        &ctx,
        &[
            "inspect",
            "--format",
            "{{.State.Status}} {{.State.ExitCode}} {{.RestartCount}}",
            "web",
        ],
    );
    assert_eq!(st, "exited 137 1");
    assert_eq!(docker_out(&svc, &ctx, &["wait", "web"]), "137");
    // `docker wait` on a --rm container still gets its exit code once it is gone.
    let brief = docker_out(
        &svc,
        &ctx,
        &[
            "run",
            "-d",
            "--rm",
            "--network",
            "none",
            &img,
            "sh",
            "-c",
            "sleep 1; exit 5",
        ],
    );
    assert_eq!(docker_out(&svc, &ctx, &["wait", &brief]), "5");
    svc.docker(&ctx, ["rename", "web", "web2"]).run().success();
    svc.docker(&ctx, ["rm", "web2"]).run().success();
    svc.docker(&ctx, ["inspect", "web2"])
        .run()
        .failure()
        .stderr_has(&["No such object"]);

    // `run -d`, then filters.
    svc.docker(
        &ctx,
        [
            "run", "-d", "--name", "job", "--label", "team=x", &img, "sleep", "300",
        ],
    )
    .run()
    .success();
    svc.docker(
        &ctx,
        [
            "create", "--name", "idle", "--label", "team=y", &img, "true",
        ],
    )
    .run()
    .success();
    let names = |filter: &str| {
        docker_out(
            &svc,
            &ctx,
            &["ps", "-a", "--filter", filter, "--format", "{{.Names}}"],
        )
    };
    assert_eq!(names("label=team=x"), "job");
    assert_eq!(names("label=team"), "idle\njob");
    assert_eq!(names("status=running"), "job");
    assert_eq!(names("status=created"), "idle");
    assert_eq!(names("name=jo"), "job");
    // Without -a, a status filter still sees stopped containers (as Docker).
    let created = docker_out(
        &svc,
        &ctx,
        &["ps", "--filter", "status=created", "--format", "{{.Names}}"],
    );
    assert_eq!(created, "idle");

    svc.docker(&ctx, ["update", "--restart", "unless-stopped", "job"])
        .run()
        .success();
    let policy = docker_out(
        &svc,
        &ctx,
        &[
            "inspect",
            "--format",
            "{{.HostConfig.RestartPolicy.Name}}",
            "job",
        ],
    );
    assert_eq!(policy, "unless-stopped");
    svc.docker(&ctx, ["update", "--memory", "64m", "job"])
        .run()
        .failure()
        .stderr_has(&["Memory"]);
    svc.docker(&ctx, ["rm", "job"])
        .run()
        .failure()
        .stderr_has(&["container is running"]);
    let pruned = docker_out(&svc, &ctx, &["container", "prune", "-f"]);
    assert!(pruned.contains("Deleted Containers:"), "{pruned}");
    assert_eq!(
        docker_out(&svc, &ctx, &["ps", "-a", "--format", "{{.Names}}"]),
        "job"
    );
    svc.docker(&ctx, ["rm", "-f", "job"]).run().success();
    assert_eq!(docker_out(&svc, &ctx, &["ps", "-aq"]), "");
}

#[test]
fn raw_create_networks_status_codes_and_wait() {
    let ctx = TestContext::new("api-ctr-raw");
    let img = busybox().plain();
    crate::pull(&ctx, &img).success();
    for n in ["front", "back"] {
        ctx.hutch(["network", "create", n]).run().success();
    }
    let svc = Service::start(&ctx);

    // Two networks with an alias each in one call.
    let id = create(
        &svc,
        "multi",
        &json!({
            "Image": img,
            "Cmd": ["sleep", "300"],
            "Labels": {"role": "multi"},
            "Healthcheck": {"Test": ["CMD", "true"], "Interval": 1_000_000_000u64},
            "HostConfig": {"NetworkMode": "front", "RestartPolicy": {"Name": "on-failure", "MaximumRetryCount": 2}},
            "NetworkingConfig": {"EndpointsConfig": {
                "front": {"Aliases": ["web-a"]},
                "back": {"Aliases": ["web-b"]},
            }},
        }),
    );
    let v = inspect(&svc, &id);
    assert_eq!(v["Name"], "/multi");
    assert_eq!(v["State"]["Status"], "created");
    assert_eq!(v["HostConfig"]["RestartPolicy"]["Name"], "on-failure");
    assert_eq!(v["HostConfig"]["RestartPolicy"]["MaximumRetryCount"], 2);
    let nets = &v["NetworkSettings"]["Networks"];
    assert_eq!(nets["front"]["Aliases"], json!(["web-a"]), "{nets}");
    assert_eq!(nets["back"]["Aliases"], json!(["web-b"]), "{nets}");

    svc.request("POST", &format!("/containers/{id}/start"), None)
        .status(204);
    svc.request("POST", "/containers/multi/start", None)
        .status(304);
    let v = inspect(&svc, "multi");
    assert_eq!(v["State"]["Running"], true);
    for n in ["front", "back"] {
        let ip = v["NetworkSettings"]["Networks"][n]["IPAddress"]
            .as_str()
            .unwrap_or("");
        assert!(ip.starts_with("10."), "{n}: {}", v["NetworkSettings"]);
    }
    let list = svc
        .request(
            "GET",
            "/containers/json?filters=%7B%22network%22%3A%5B%22back%22%5D%7D",
            None,
        )
        .status(200)
        .json();
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    assert_eq!(list[0]["Names"], json!(["/multi"]));
    assert_eq!(list[0]["State"], "running");
    assert_eq!(list[0]["Labels"]["role"], "multi");
    // Its monitor runs the healthcheck: starting, then healthy.
    let health = list[0]["Health"]["Status"].as_str().unwrap_or("");
    assert!(matches!(health, "starting" | "healthy"), "{list}");
    let status = list[0]["Status"].as_str().unwrap_or("");
    assert!(
        status.starts_with("Up ") && status.ends_with(&format!("({health})")),
        "{status}"
    );

    // Status codes.
    let dup = svc.request(
        "POST",
        "/containers/create?name=multi",
        Some(&json!({"Image": img}).to_string()),
    );
    assert_eq!(dup.status, 409, "{}", dup.text());
    let r = svc
        .request(
            "POST",
            "/containers/create",
            Some(r#"{"Image": "nosuch/image:1"}"#),
        )
        .status(404);
    assert_eq!(message(r), "No such image: nosuch/image:1");
    svc.request("POST", "/containers/create", Some("{\"Image\": "))
        .status(400);
    let r = svc
        .request("POST", "/containers/create", Some("{}"))
        .status(400);
    assert!(message(r).contains("Config.Image"));
    let bad = json!({"Image": img, "HostConfig": {"Binds": ["data:relative"]}});
    let r = svc
        .request("POST", "/containers/create", Some(&bad.to_string()))
        .status(400);
    assert!(message(r).starts_with("HostConfig.Binds[0]:"));
    let r = svc
        .request("GET", "/containers/nope/json", None)
        .status(404);
    assert_eq!(message(r), "No such container: nope");
    svc.request("DELETE", "/containers/multi", None).status(409);
    // Without a freezer (rootless cgroup v1) pausing stops the processes by signals.
    svc.request("POST", "/containers/multi/pause", None)
        .status(204);
    let st = inspect(&svc, "multi")["State"].clone();
    assert_eq!(st["Paused"], true, "{st}");
    assert_eq!(st["Status"], "paused", "{st}");
    svc.request("POST", "/containers/multi/pause", None)
        .status(409);
    svc.request("POST", "/containers/multi/unpause", None)
        .status(204);
    let st = inspect(&svc, "multi")["State"].clone();
    assert_eq!(st["Paused"], false, "{st}");
    assert_eq!(st["Status"], "running", "{st}");
    let r = svc
        .request(
            "POST",
            "/containers/multi/update",
            Some(r#"{"Memory": 1000000, "RestartPolicy": {"Name": ""}}"#),
        )
        .status(400);
    assert!(message(r).starts_with("Memory:"));
    svc.request(
        "POST",
        "/containers/multi/update",
        Some(r#"{"RestartPolicy": {"Name": "always"}, "CpuShares": 0}"#),
    )
    .status(200);
    assert_eq!(
        inspect(&svc, "multi")["HostConfig"]["RestartPolicy"]["Name"],
        "always"
    );
    svc.request("POST", "/containers/multi/stop?signal=SIGNOPE", None)
        .status(400);
    // sleep, as PID 1, ignores SIGTERM: the signal given ends it long before the timeout.
    let stopping = Instant::now();
    svc.request("POST", "/containers/multi/stop?signal=KILL&t=20", None)
        .status(204);
    assert!(stopping.elapsed() < Duration::from_secs(10));
    svc.request("POST", "/containers/multi/stop", None)
        .status(304);
    svc.request("POST", "/containers/multi/kill", None)
        .status(409);
    let w = svc
        .request("POST", "/containers/multi/wait", None)
        .status(200)
        .json();
    assert_eq!(w, json!({"StatusCode": 137, "Error": null}));
    svc.request("POST", "/containers/multi/rename?name=renamed", None)
        .status(204);
    svc.request("DELETE", "/containers/renamed?force=1", None)
        .status(204);

    // AutoRemove: `condition=removed` waits until it is gone and still gives its exit code.
    let id = create(
        &svc,
        "brief",
        &json!({
            "Image": img,
            "Cmd": ["sh", "-c", "exit 3"],
            "HostConfig": {"AutoRemove": true, "NetworkMode": "none"},
        }),
    );
    // A container removed when it exits cannot also be restarted.
    let r = svc
        .request(
            "POST",
            "/containers/brief/update",
            Some(r#"{"RestartPolicy": {"Name": "always"}}"#),
        )
        .status(400);
    assert!(message(r).contains("--rm"));
    let both = json!({"Image": img, "HostConfig": {"AutoRemove": true, "RestartPolicy": {"Name": "always"}}});
    svc.request("POST", "/containers/create", Some(&both.to_string()))
        .status(400);
    let head = format!(
        "POST /v1.47/containers/{id}/wait?condition=removed HTTP/1.1\r\nHost: hutch\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    let mut waiter = open_request(&svc.sock, &head, b"");
    waiter
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    // The status comes before the container starts.
    let mut first = [0u8; 12];
    waiter.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"HTTP/1.1 200");
    let started = Instant::now();
    svc.request("POST", &format!("/containers/{id}/start"), None)
        .status(204);
    let rest = String::from_utf8_lossy(&read_all(waiter)).into_owned();
    assert!(rest.contains(r#"{"StatusCode":3,"Error":null}"#), "{rest}");
    assert!(started.elapsed() < Duration::from_secs(30));
    svc.request("GET", &format!("/containers/{id}/json"), None)
        .status(404);

    // Prune with a label filter.
    create(
        &svc,
        "keep",
        &json!({
            "Image": img,
            "Labels": {"k": "1"},
            "Healthcheck": {"Test": ["CMD-SHELL", "true"], "Interval": 2_000_000_000u64},
            "HostConfig": {
                "NetworkMode": "none",
                "Mounts": [{"Type": "volume", "Source": "kv", "Target": "/data", "ReadOnly": true}],
                "Tmpfs": {"/scratch": "size=1m"},
            },
        }),
    );
    let v = svc
        .request("GET", "/containers/keep/json?size=1", None)
        .status(200)
        .json();
    let (rw, root) = (v["SizeRw"].as_u64(), v["SizeRootFs"].as_u64());
    assert!(rw.is_some() && root > rw, "{rw:?} {root:?}");
    assert_eq!(
        v["Config"]["Healthcheck"]["Test"],
        json!(["CMD-SHELL", "true"])
    );
    assert_eq!(v["Config"]["Healthcheck"]["Interval"], 2_000_000_000u64);
    // Not running: no health status (only the check's configuration).
    assert!(v["State"].get("Health").is_none(), "{}", v["State"]);
    let mounts = v["Mounts"].as_array().cloned().unwrap_or_default();
    let kinds: Vec<(&str, &str, bool)> = mounts
        .iter()
        .map(|m| {
            (
                m["Type"].as_str().unwrap_or(""),
                m["Destination"].as_str().unwrap_or(""),
                m["RW"] == true,
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [("volume", "/data", false), ("tmpfs", "/scratch", true)],
        "{mounts:?}"
    );
    assert_eq!(mounts[0]["Name"], "kv");
    let gone = create(
        &svc,
        "drop",
        &json!({"Image": img, "HostConfig": {"NetworkMode": "none"}}),
    );
    let p = svc
        .request(
            "POST",
            "/containers/prune?filters=%7B%22label!%22%3A%5B%22k%22%5D%7D",
            None,
        )
        .status(200)
        .json();
    assert_eq!(p["ContainersDeleted"], json!([gone]), "{p}");
    assert!(p["SpaceReclaimed"].is_u64());
    inspect(&svc, "keep");
}

#[test]
fn docker_py_runs_waits_lists_and_removes() {
    let ctx = TestContext::new("api-ctr-py");
    let img = busybox().plain();
    // Not pulled: create answers 404, docker-py pulls through the service and creates again.
    let svc = Service::start(&ctx);
    let script = format!(
        r#"
import docker
c = docker.from_env()
ctr = c.containers.run({img:?}, ["sh", "-c", "exit 4"], detach=True, labels={{"py": "1"}}, network_mode="none")
print(ctr.wait()["StatusCode"])
ctr.reload()
print(ctr.status, ctr.attrs["State"]["ExitCode"], ctr.name == ctr.attrs["Name"][1:])
print([x.id == ctr.id for x in c.containers.list(all=True, filters={{"label": "py=1"}})])
ctr.remove()
print(c.containers.list(all=True))
"#
    );
    let out = svc.python(&ctx, &script).run().success();
    assert_eq!(out.stdout_trim(), "4\nexited 4 True\n[True]\n[]");
}
