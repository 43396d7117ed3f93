//! API tests: volumes, networks and the system endpoints (`/info`, `/events`, `/system/df`),
//! with the docker CLI against the service and raw HTTP for status codes and shapes. Containers
//! come from the hutch CLI in the same store.

use super::{open_request, Service};
use crate::fixtures::busybox;
use crate::harness::TestContext;
use crate::pull;
use std::io::Read;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn lines(s: &str) -> Vec<&str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

#[test]
fn info_and_system_df() {
    let ctx = TestContext::new("api-info");
    let img = busybox().plain();
    pull(&ctx, &img).success();
    ctx.hutch(["create", "--name", "c1", &img, "true"])
        .run()
        .success();
    let svc = Service::start(&ctx);

    // The runtime /info names is the one hutch gives containers (hutch info says which).
    let hutch_info: serde_json::Value = serde_json::from_str(
        &ctx.hutch(["info", "--format", "json"])
            .run()
            .success()
            .stdout,
    )
    .unwrap();
    let runtime = hutch_info["host"]["ociRuntime"]["name"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!runtime.is_empty(), "{hutch_info}");
    let out = svc
        .docker(
            &ctx,
            [
                "info",
                "--format",
                "{{.DefaultRuntime}}|{{.OSType}}|{{.Containers}}|{{.ContainersStopped}}|{{.Images}}|{{json .SecurityOptions}}",
            ],
        )
        .run()
        .success();
    let f: Vec<&str> = out.stdout_trim().split('|').collect();
    assert_eq!(
        f[..5],
        [runtime.as_str(), "linux", "1", "1", "1"],
        "{out:?}"
    );
    assert!(f[5].contains("name=rootless") && f[5].contains("name=seccomp,profile=default"));
    // The whole default rendering works too.
    let plain = svc.docker(&ctx, ["info"]).run().success();
    assert!(plain.stdout.contains("Default Runtime: "), "{plain:?}");

    let info = svc.request("GET", "/v1.47/info", None).status(200).json();
    for key in [
        "ID",
        "Driver",
        "DockerRootDir",
        "OperatingSystem",
        "Architecture",
        "NCPU",
        "MemTotal",
        "Name",
        "ServerVersion",
        "KernelVersion",
        "CgroupDriver",
        "CgroupVersion",
        "Runtimes",
        "RegistryConfig",
        "Plugins",
        "Warnings",
    ] {
        assert!(info.get(key).is_some(), "/info lacks {key}: {info}");
    }
    assert!(info["Runtimes"].get(&runtime).is_some(), "{info}");
    assert!(info["NCPU"].as_u64().unwrap() >= 1);

    svc.docker(&ctx, ["volume", "create", "dfvol"])
        .run()
        .success();
    let df = svc
        .docker(
            &ctx,
            ["system", "df", "--format", "{{.Type}}={{.TotalCount}}"],
        )
        .run()
        .success();
    assert_eq!(
        lines(&df.stdout),
        [
            "Images=1",
            "Containers=1",
            "Local Volumes=1",
            "Build Cache=0"
        ],
        "{df:?}"
    );
    let verbose = svc.docker(&ctx, ["system", "df", "-v"]).run().success();
    assert!(verbose.stdout.contains("dfvol"), "{verbose:?}");
    let raw = svc.request("GET", "/system/df", None).status(200).json();
    assert!(raw["LayersSize"].as_u64().unwrap() > 0, "{raw}");
    assert_eq!(raw["BuildCache"], serde_json::json!([]));
    assert_eq!(raw["Containers"][0]["Names"][0], "/c1");
    assert_eq!(raw["Containers"][0]["State"], "created");
    assert_eq!(raw["Volumes"][0]["Name"], "dfvol");
    assert_eq!(raw["Volumes"][0]["UsageData"]["RefCount"], 0);
}

#[test]
fn events_since_until_and_filters() {
    let ctx = TestContext::new("api-events");
    let img = busybox().plain();
    pull(&ctx, &img).success();
    let svc = Service::start(&ctx);

    let since = now() - 1;
    svc.docker(&ctx, ["volume", "create", "evvol"])
        .run()
        .success();
    ctx.hutch(["create", "--name", "evc", "--label", "app=ev", &img, "true"])
        .run()
        .success();
    ctx.hutch(["create", "--name", "other", &img, "true"])
        .run()
        .success();
    ctx.hutch(["rm", "evc"]).run().success();
    let until = now() + 1;

    let started = Instant::now();
    let out = svc
        .docker(
            &ctx,
            [
                "events",
                "--since",
                &since.to_string(),
                "--until",
                &until.to_string(),
                "--filter",
                "type=container",
                "--format",
                "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}",
            ],
        )
        .run()
        .success();
    assert_eq!(
        lines(&out.stdout),
        [
            "container create evc",
            "container create other",
            "container destroy evc"
        ],
        "{out:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "until= ends the stream"
    );

    // Container labels are attributes, so label filters find the container's events.
    let out = svc
        .docker(
            &ctx,
            [
                "events",
                "--since",
                &since.to_string(),
                "--until",
                &until.to_string(),
                "--filter",
                "label=app=ev",
                "--format",
                "{{.Action}} {{.Actor.Attributes.name}} {{.Actor.Attributes.app}}",
            ],
        )
        .run()
        .success();
    assert_eq!(
        lines(&out.stdout),
        ["create evc ev", "destroy evc ev"],
        "{out:?}"
    );

    // Docker's action names work as filters (destroy is hutch's remove); volumes too.
    let out = svc
        .docker(
            &ctx,
            [
                "events",
                "--since",
                &since.to_string(),
                "--until",
                &until.to_string(),
                "--filter",
                "event=destroy",
                "--filter",
                "event=create",
                "--filter",
                "type=volume",
                "--format",
                "{{.Type}} {{.Action}} {{.Actor.ID}}",
            ],
        )
        .run()
        .success();
    assert_eq!(lines(&out.stdout), ["volume create evvol"], "{out:?}");

    // The raw shape, including the older fields containers still carry.
    let raw = svc.request(
        "GET",
        &format!("/v1.47/events?since={since}&until={until}&filters=%7B%22container%22%3A%5B%22evc%22%5D%7D"),
        None,
    );
    let raw = raw.status(200);
    let evs: Vec<serde_json::Value> = raw
        .text()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(evs.len(), 2, "{}", raw.text());
    let e = &evs[0];
    assert_eq!(e["Type"], "container");
    assert_eq!(e["Action"], "create");
    assert_eq!(e["status"], "create");
    assert_eq!(e["scope"], "local");
    assert_eq!(e["Actor"]["Attributes"]["image"], img.as_str());
    assert_eq!(e["id"], e["Actor"]["ID"]);
    assert!(e["timeNano"].as_i64().unwrap() / 1_000_000_000 == e["time"].as_i64().unwrap());
    svc.request("GET", "/events?since=yesterday", None)
        .status(400);
    svc.request(
        "GET",
        "/events?filters=%7B%22bogus%22%3A%5B%22x%22%5D%7D",
        None,
    )
    .status(400);

    // Without since/until the stream carries what happens from now on, as it happens.
    let mut s = open_request(
        &svc.sock,
        "GET /events HTTP/1.1\r\nHost: hutch\r\n\r\n",
        b"",
    );
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    svc.docker(&ctx, ["volume", "create", "live"])
        .run()
        .success();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = Instant::now() + Duration::from_secs(20);
    while !String::from_utf8_lossy(&got).contains("\"live\"") && Instant::now() < deadline {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
    let text = String::from_utf8_lossy(&got);
    assert!(text.contains("\"Action\":\"create\""), "{text}");
    assert!(
        !text.contains("evvol"),
        "no past events without since: {text}"
    );
    drop(s);
    // The service keeps answering after the reader went away.
    svc.request("GET", "/_ping", None).status(200);
}

#[test]
fn volumes_create_ls_inspect_rm_prune() {
    let ctx = TestContext::new("api-volumes");
    let img = busybox().plain();
    pull(&ctx, &img).success();
    let svc = Service::start(&ctx);
    let docker = |args: &[&str]| svc.docker(&ctx, args).run();

    assert_eq!(
        docker(&["volume", "create", "--label", "team=a", "v1"])
            .success()
            .stdout_trim(),
        "v1"
    );
    // Creating an existing name returns it, as Docker does.
    docker(&["volume", "create", "v1"]).success();
    docker(&["volume", "create", "v2"]).success();
    let ls = docker(&["volume", "ls", "-q", "--filter", "label=team=a"]).success();
    assert_eq!(lines(&ls.stdout), ["v1"]);
    let ls = docker(&["volume", "ls", "--format", "{{.Driver}} {{.Name}}"]).success();
    assert_eq!(lines(&ls.stdout), ["local v1", "local v2"]);
    let ls = docker(&["volume", "ls", "-q", "--filter", "name=v2"]).success();
    assert_eq!(lines(&ls.stdout), ["v2"]);
    let ins = docker(&[
        "volume",
        "inspect",
        "v1",
        "--format",
        "{{.Name}} {{.Driver}} {{.Scope}} {{.Labels.team}}",
    ])
    .success();
    assert_eq!(ins.stdout_trim(), "v1 local local a");

    let raw = svc.request("GET", "/volumes/v1", None).status(200).json();
    assert!(raw["Mountpoint"]
        .as_str()
        .unwrap()
        .ends_with("/volumes/v1/_data"));
    assert!(raw["CreatedAt"].as_str().unwrap().ends_with('Z'), "{raw}");
    let created = svc
        .request(
            "POST",
            "/volumes/create",
            Some(r#"{"Name":"v4","Labels":{"x":"1"},"DriverOpts":{"o":"uid=1000"}}"#),
        )
        .status(201)
        .json();
    assert_eq!(created["Name"], "v4");
    assert_eq!(created["Labels"]["x"], "1");
    assert_eq!(created["Options"]["o"], "uid=1000");
    svc.request("POST", "/volumes/create", Some(r#"{"Name":"a/b"}"#))
        .status(400);
    svc.request(
        "POST",
        "/volumes/create",
        Some(r#"{"Name":"x","Driver":"nfs"}"#),
    )
    .status(400);
    svc.request("POST", "/volumes/create", Some("{not json"))
        .status(400);
    svc.request("GET", "/volumes/nope", None).status(404);
    svc.request("DELETE", "/volumes/nope", None).status(404);
    svc.request("DELETE", "/volumes/nope?force=1", None)
        .status(204);
    svc.request(
        "GET",
        "/volumes?filters=%7B%22bogus%22%3A%5B%22x%22%5D%7D",
        None,
    )
    .status(400);
    let listed = svc.request("GET", "/volumes", None).status(200).json();
    assert_eq!(listed["Volumes"].as_array().unwrap().len(), 3);
    assert_eq!(listed["Warnings"], serde_json::json!([]));
    svc.request("DELETE", "/volumes/v4", None).status(204);

    // In use: refused, also with force.
    ctx.hutch(["create", "--name", "user", "-v", "v2:/data", &img, "true"])
        .run()
        .success();
    let r = svc
        .request("DELETE", "/volumes/v2?force=true", None)
        .status(409);
    assert!(
        r.json()["message"].as_str().unwrap().contains("user"),
        "{}",
        r.text()
    );
    docker(&["volume", "rm", "v2"]).failure();
    let dangling = docker(&["volume", "ls", "-q", "--filter", "dangling=true"]).success();
    assert_eq!(lines(&dangling.stdout), ["v1"]);
    docker(&["volume", "rm", "v1"]).success();

    // Prune: API 1.42+ takes only anonymous volumes unless asked for all.
    docker(&["volume", "create", "v3"]).success();
    let anon = svc
        .request("POST", "/volumes/create", Some("{}"))
        .status(201)
        .json();
    let anon = anon["Name"].as_str().unwrap().to_string();
    assert_eq!(anon.len(), 64);
    let pruned = docker(&["volume", "prune", "-f"]).success();
    assert!(pruned.stdout.contains(&anon), "{pruned:?}");
    assert!(!pruned.stdout.contains("v3"), "{pruned:?}");
    let pruned = docker(&["volume", "prune", "-a", "-f"]).success();
    assert!(pruned.stdout.contains("v3"), "{pruned:?}");
    let left = docker(&["volume", "ls", "-q"]).success();
    assert_eq!(lines(&left.stdout), ["v2"], "the volume in use stays");
    let raw = svc
        .request("POST", "/v1.41/volumes/prune", None)
        .status(200)
        .json();
    assert_eq!(raw["VolumesDeleted"], serde_json::json!([]));
    assert_eq!(raw["SpaceReclaimed"], 0);
}

#[test]
fn networks_create_ls_inspect_connect_rm_prune() {
    let ctx = TestContext::new("api-networks");
    let img = busybox().plain();
    pull(&ctx, &img).success();
    let svc = Service::start(&ctx);
    let docker = |args: &[&str]| svc.docker(&ctx, args).run();
    let since = now() - 1;

    let id = docker(&[
        "network",
        "create",
        "--subnet",
        "10.123.0.0/24",
        "--internal",
        "--label",
        "team=a",
        "n1",
    ])
    .success()
    .stdout_trim()
    .to_string();
    assert_eq!(id.len(), 64, "{id}");
    docker(&["network", "create", "n1"])
        .failure()
        .stderr_has(&["already"]);
    docker(&["network", "create", "n2"]).success();

    let ls = docker(&[
        "network",
        "ls",
        "--format",
        "{{.Name}} {{.Driver}} {{.Scope}}",
    ])
    .success();
    assert_eq!(
        lines(&ls.stdout),
        ["bridge bridge local", "n1 bridge local", "n2 bridge local"],
        "Docker's default network is called bridge"
    );
    let ls = docker(&[
        "network",
        "ls",
        "-q",
        "--no-trunc",
        "--filter",
        "label=team=a",
    ])
    .success();
    assert_eq!(lines(&ls.stdout), [id.as_str()]);
    let ls = docker(&[
        "network",
        "ls",
        "--format",
        "{{.Name}}",
        "--filter",
        "type=custom",
    ])
    .success();
    assert_eq!(lines(&ls.stdout), ["n1", "n2"]);
    let ls = docker(&[
        "network",
        "ls",
        "--format",
        "{{.Name}}",
        "--filter",
        "name=bridge",
    ])
    .success();
    assert_eq!(lines(&ls.stdout), ["bridge"]);

    let ins = docker(&[
        "network",
        "inspect",
        "n1",
        "--format",
        "{{.Internal}} {{(index .IPAM.Config 0).Subnet}} {{(index .IPAM.Config 0).Gateway}} {{.Labels.team}} {{.Scope}}",
    ])
    .success();
    assert_eq!(ins.stdout_trim(), "true 10.123.0.0/24 10.123.0.1 a local");
    let bridge = docker(&[
        "network",
        "inspect",
        "bridge",
        "--format",
        "{{.Name}} {{.Driver}}",
    ])
    .success();
    assert_eq!(bridge.stdout_trim(), "bridge bridge");

    // connect/disconnect on a container made with the hutch CLI.
    ctx.hutch([
        "create",
        "--name",
        "c1",
        "--network",
        "n2",
        &img,
        "sleep",
        "60",
    ])
    .run()
    .success();
    docker(&["network", "connect", "--alias", "db", "n1", "c1"]).success();
    let raw = svc.request("GET", "/networks/n1", None).status(200).json();
    let eps = raw["Containers"].as_object().unwrap();
    assert_eq!(eps.len(), 1, "{raw}");
    let (cid, ep) = eps.iter().next().unwrap();
    assert_eq!(ep["Name"], "c1");
    assert_eq!(cid.len(), 64);
    // Running, it has its address on the network and the alias.
    ctx.hutch(["start", "c1"]).run().success();
    let raw = svc.request("GET", "/networks/n1", None).status(200).json();
    let ep = &raw["Containers"][cid.as_str()];
    assert!(
        ep["IPv4Address"].as_str().unwrap().starts_with("10.123.0."),
        "{raw}"
    );
    assert!(!ep["MacAddress"].as_str().unwrap().is_empty(), "{raw}");
    let aliases = ctx
        .hutch([
            "container",
            "inspect",
            "c1",
            "--format",
            "{{json .NetworkSettings.Networks.n1.Aliases}}",
        ])
        .run()
        .success();
    assert!(aliases.stdout.contains("\"db\""), "{aliases:?}");
    docker(&["network", "connect", "n1", "c1"]).failure();
    docker(&["network", "disconnect", "n1", "c1"]).success();
    let raw = svc.request("GET", "/networks/n1", None).status(200).json();
    assert_eq!(raw["Containers"], serde_json::json!({}));
    svc.request(
        "POST",
        "/networks/nope/connect",
        Some(r#"{"Container":"c1"}"#),
    )
    .status(404);
    svc.request(
        "POST",
        "/networks/n1/connect",
        Some(r#"{"Container":"nope"}"#),
    )
    .status(404);
    svc.request(
        "POST",
        "/networks/n1/disconnect",
        Some(r#"{"Container":"c1"}"#),
    )
    .status(409);

    // Removal: in use is 409, the default network cannot go (403), unknown is 404.
    let r = svc.request("DELETE", "/networks/n2", None).status(409);
    assert!(r.text().contains("c1"), "{}", r.text());
    docker(&["network", "rm", "n2"]).failure();
    svc.request("DELETE", "/networks/bridge", None).status(403);
    svc.request("DELETE", "/networks/podman", None).status(403);
    svc.request("DELETE", "/networks/nope", None).status(404);
    svc.request("GET", "/networks/nope", None).status(404);
    docker(&["network", "rm", "n1"]).success();

    // Raw create: Docker's answer and errors.
    let made = svc
        .request(
            "POST",
            "/networks/create",
            Some(r#"{"Name":"n3","Labels":{"p":"1"},"Options":{"com.docker.network.driver.mtu":"1400"},"IPAM":{"Config":[{"Subnet":"10.124.0.0/24","IPRange":"10.124.0.128/25"}]}}"#),
        )
        .status(201)
        .json();
    assert_eq!(made["Warning"], "");
    let n3 = svc.request("GET", "/networks/n3", None).status(200).json();
    assert_eq!(n3["Id"], made["Id"]);
    assert_eq!(n3["Options"]["mtu"], "1400");
    assert_eq!(n3["IPAM"]["Config"][0]["IPRange"], "10.124.0.128/25");
    svc.request("POST", "/networks/create", Some(r#"{"Name":"n3"}"#))
        .status(409);
    svc.request("POST", "/networks/create", Some(r#"{"Name":"bridge"}"#))
        .status(409);
    svc.request(
        "POST",
        "/networks/create",
        Some(r#"{"Name":"bad","IPAM":{"Config":[{"Subnet":"bogus"}]}}"#),
    )
    .status(400);
    svc.request("POST", "/networks/create", Some(r#"{"Driver":"bridge"}"#))
        .status(400);

    // Prune takes unused networks with the label; n2 is in use.
    docker(&["network", "create", "--label", "p=2", "n4"]).success();
    let pruned = docker(&["network", "prune", "-f", "--filter", "label=p=1"]).success();
    ctx.hutch(["rm", "-f", "-t", "0", "c1"]).run().success();
    assert!(
        pruned.stdout.contains("n3") && !pruned.stdout.contains("n4"),
        "{pruned:?}"
    );
    let raw = svc
        .request("POST", "/networks/prune", None)
        .status(200)
        .json();
    assert_eq!(raw["NetworksDeleted"], serde_json::json!(["n2", "n4"]));
    let ls = docker(&["network", "ls", "--format", "{{.Name}}"]).success();
    assert_eq!(lines(&ls.stdout), ["bridge"]);

    // What happened to n1, as Docker's network events.
    let until = (now() + 1).to_string();
    let evs = docker(&[
        "events",
        "--since",
        &since.to_string(),
        "--until",
        &until,
        "--filter",
        "network=n1",
        "--format",
        "{{.Type}} {{.Action}} {{.Actor.Attributes.name}} {{.Actor.Attributes.container}}",
    ])
    .success();
    let cid = cid.clone();
    assert_eq!(
        lines(&evs.stdout),
        [
            "network create n1 <no value>".to_string(),
            format!("network connect n1 {cid}"),
            format!("network disconnect n1 {cid}"),
            "network destroy n1 <no value>".to_string(),
        ],
        "{evs:?}"
    );
}

#[test]
fn events_follower_ends_when_the_client_leaves() {
    let ctx = TestContext::new("api-events-leave");
    // An idle timeout of 1s: the service exits only once nothing holds it busy, so a follow
    // task left behind by a departed reader would keep it alive.
    let svc = Service::start_with(&ctx, &["--time", "1"]);
    let mut s = open_request(
        &svc.sock,
        "GET /events HTTP/1.1\r\nHost: hutch\r\n\r\n",
        b"",
    );
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut buf = [0u8; 256];
    let n = s.read(&mut buf).unwrap();
    assert!(
        String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&buf[..n])
    );
    // While the stream is open the service stays.
    std::thread::sleep(Duration::from_millis(2500));
    assert!(
        svc.sock.exists(),
        "the service exited under an open events stream"
    );
    drop(s);
    let deadline = Instant::now() + Duration::from_secs(15);
    while svc.sock.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        !svc.sock.exists(),
        "the service stayed busy after the events reader left"
    );
}

#[test]
fn docker_py_volumes_networks_info_df() {
    let ctx = TestContext::new("api-netvol-py");
    let img = busybox().plain();
    pull(&ctx, &img).success();
    ctx.hutch(["network", "create", "pre"]).run().success();
    ctx.hutch(["create", "--name", "pyc", "--network", "pre", &img, "true"])
        .run()
        .success();
    let svc = Service::start(&ctx);
    // docker-py sends null for what is left out (Driver, DriverOpts, IPAM...).
    let script = r#"
import docker
c = docker.from_env()
anon = c.volumes.create()
assert len(anon.name) == 64, anon.name
v = c.volumes.create(name="pyvol", labels={"a": "b"})
assert c.volumes.get("pyvol").attrs["Labels"] == {"a": "b"}
assert sorted(x.name for x in c.volumes.list(filters={"label": "a=b"})) == ["pyvol"]
n = c.networks.create("pynet", driver="bridge", labels={"x": "y"})
n.connect("pyc", aliases=["web"])
n.reload()
assert [e["Name"] for e in n.attrs["Containers"].values()] == ["pyc"], n.attrs
n.disconnect("pyc")
assert "bridge" in [x.name for x in c.networks.list()]
assert c.networks.get("bridge").attrs["Driver"] == "bridge"
info = c.info()
assert info["DefaultRuntime"] and info["Containers"] == 1, info
df = c.df()
assert sorted(x["Name"] for x in df["Volumes"]) == sorted([anon.name, "pyvol"]), df
n.remove()
v.remove()
print("ok")
"#;
    let out = svc.python(&ctx, script).run().success();
    assert_eq!(out.stdout_trim(), "ok");
}
