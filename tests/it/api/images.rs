//! API tests: images. The docker CLI pulls from, pushes to and logs in to the local plain-HTTP
//! registries (loopback registries are insecure by default, as in Docker), lists, inspects,
//! tags, removes, prunes, saves, loads, commits and imports; raw HTTP checks the progress
//! JSON and the status codes.

use super::Service;
use crate::fixtures::busybox;
use crate::harness::{Cmd, TestContext};
use crate::registry::{registries, AUTH_PASS, AUTH_USER};
use serde_json::Value;

/// `sh -c SCRIPT` as the test user with the docker CLI pointed at `svc`.
fn sh(ctx: &TestContext, svc: &Service, script: &str) -> Cmd {
    let mut cmd = ctx.command("sh");
    cmd.env("DOCKER_HOST", svc.host())
        .env("DOCKER_CONFIG", ctx.dir.join(".docker"))
        .arg("-c")
        .arg(script);
    cmd
}

/// The JSON messages of a progress stream.
fn messages(body: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(body)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn encode(s: &str) -> String {
    s.replace('/', "%2F").replace(':', "%3A")
}

#[test]
fn pull_streams_docker_progress_then_images_inspect_history_tag() {
    let ctx = TestContext::new("api-img-pull");
    let svc = Service::start(&ctx);
    let bb = busybox();
    let img = bb.plain();
    let (repo, _) = img.rsplit_once(':').unwrap();

    // Errors before anything is pulled are HTTP errors, not a 200 stream.
    let missing = format!("{}/library/nosuch", registries().plain.host());
    svc.request(
        "POST",
        &format!(
            "/v1.47/images/create?fromImage={}&tag=latest",
            encode(&missing)
        ),
        None,
    )
    .status(404);
    svc.request("POST", "/images/create?fromImage=Bad%3A%3A%3Ax", None)
        .status(400);
    svc.request("POST", "/images/create", None).status(400);

    // The raw progress stream, as Docker writes it.
    let r = svc
        .request(
            "POST",
            &format!("/v1.47/images/create?fromImage={}&tag=latest", encode(repo)),
            None,
        )
        .status(200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    let msgs = messages(&r.body);
    let status = |s: &str| msgs.iter().find(|m| m["status"] == s);
    let from = status("Pulling from library/busybox").unwrap_or_else(|| panic!("{msgs:?}"));
    assert_eq!(from["id"], "latest");
    let short = &bb.blobs[0].trim_start_matches("sha256:")[..12];
    let fs = status("Pulling fs layer").unwrap_or_else(|| panic!("{msgs:?}"));
    assert_eq!(fs["id"], short);
    assert_eq!(fs["progressDetail"], serde_json::json!({}));
    let dl = status("Downloading").unwrap_or_else(|| panic!("{msgs:?}"));
    assert!(
        dl["progressDetail"]["current"].as_u64().unwrap() > 0,
        "{dl}"
    );
    assert!(dl["progressDetail"]["total"].as_u64().unwrap() > 0, "{dl}");
    for s in ["Download complete", "Extracting", "Pull complete"] {
        assert!(status(s).is_some(), "no {s:?} in {msgs:?}");
    }
    assert!(
        status(&format!("Digest: {}", bb.digest)).is_some(),
        "{msgs:?}"
    );
    assert_eq!(
        msgs.last().unwrap()["status"],
        format!("Status: Downloaded newer image for {img}")
    );

    // A failure once the image is found is an error message inside the 200 stream.
    let (hostile, entry) = crate::fixtures::hostile("dotdot");
    let r = svc
        .request(
            "POST",
            &format!("/images/create?fromImage={}", encode(&hostile.plain())),
            None,
        )
        .status(200);
    let msgs = messages(&r.body);
    let last = msgs.last().unwrap();
    let err = last["error"].as_str().unwrap_or_else(|| panic!("{msgs:?}"));
    assert!(err.contains(&entry), "{err}");
    assert_eq!(last["errorDetail"]["message"], err);
    let out = svc.docker(&ctx, ["pull", &hostile.plain()]).run().failure();
    assert!(out.stderr.contains(&entry), "{}", out.stderr);

    // The docker CLI: a second pull finds it up to date.
    let out = svc.docker(&ctx, ["pull", &img]).run().success();
    assert!(
        out.stdout
            .contains(&format!("Status: Image is up to date for {img}")),
        "{}",
        out.stdout
    );

    // docker images, with its flags.
    let out = svc
        .docker(
            &ctx,
            ["images", "--format", "{{.Repository}} {{.Tag}} {{.ID}}"],
        )
        .run()
        .success();
    assert_eq!(out.stdout_trim(), format!("{repo} latest {}", &bb.id[..12]));
    let q = svc.docker(&ctx, ["images", "-q"]).run().success();
    assert_eq!(q.stdout_trim(), &bb.id[..12]);
    let d = svc
        .docker(&ctx, ["images", "--digests", "--format", "{{.Digest}}"])
        .run()
        .success();
    assert_eq!(d.stdout_trim(), bb.digest);
    let f = svc
        .docker(&ctx, ["images", "-q", "--filter", "dangling=true"])
        .run()
        .success();
    assert_eq!(f.stdout_trim(), "");
    let f = svc
        .docker(
            &ctx,
            ["images", "-q", "--filter", "reference=*/library/busybox"],
        )
        .run()
        .success();
    assert_eq!(f.stdout_trim(), &bb.id[..12]);

    // The list's shape, and the fields older versions had.
    let list = svc
        .request("GET", "/v1.47/images/json", None)
        .status(200)
        .json();
    let one = &list[0];
    assert_eq!(one["Id"], format!("sha256:{}", bb.id));
    assert_eq!(one["RepoTags"][0], img.as_str());
    assert_eq!(one["RepoDigests"][0], format!("{repo}@{}", bb.digest));
    assert_eq!(one["SharedSize"], -1);
    assert_eq!(one["Containers"], -1);
    assert!(one["Created"].as_i64().unwrap() > 0);
    assert!(one.get("VirtualSize").is_none());
    let old = svc
        .request("GET", "/v1.41/images/json", None)
        .status(200)
        .json();
    assert_eq!(old[0]["VirtualSize"], old[0]["Size"]);
    svc.request(
        "GET",
        "/images/json?filters=%7B%22nope%22%3A%5B%22x%22%5D%7D",
        None,
    )
    .status(400);

    // inspect and history.
    let out = svc
        .docker(
            &ctx,
            [
                "image",
                "inspect",
                "--format",
                "{{.Id}} {{.Os}} {{.RootFS.Type}} {{len .RootFS.Layers}}",
                &img,
            ],
        )
        .run()
        .success();
    assert_eq!(
        out.stdout_trim(),
        format!("sha256:{} linux layers 1", bb.id)
    );
    let v = svc
        .request("GET", &format!("/images/{img}/json"), None)
        .status(200)
        .json();
    assert_eq!(v["RepoTags"][0], img.as_str());
    assert_eq!(v["RootFS"]["Layers"][0], bb.diff_ids[0].as_str());
    assert!(v["Created"].as_str().unwrap().contains('T'), "{v}");
    svc.request("GET", "/images/nosuch/json", None).status(404);
    svc.request("GET", "/images/BadName/json", None).status(400);
    let out = svc
        .docker(&ctx, ["image", "inspect", "nosuch"])
        .run()
        .failure();
    assert!(out.stderr.contains("nosuch"), "{}", out.stderr);
    let out = svc
        .docker(&ctx, ["history", "--no-trunc", "--format", "{{.ID}}", &img])
        .run()
        .success();
    assert_eq!(
        out.stdout.lines().next(),
        Some(format!("sha256:{}", bb.id).as_str())
    );

    // tag: 201, and the new names list as Docker shows them.
    let tagged = format!("{repo}:apitag");
    svc.docker(&ctx, ["tag", &img, &tagged]).run().success();
    svc.docker(&ctx, ["tag", &img, "mine:1"]).run().success();
    let r = svc.request("POST", &format!("/images/{img}/tag?repo=other&tag=2"), None);
    assert_eq!(r.status, 201, "{}", r.text());
    let out = svc
        .docker(&ctx, ["images", "--format", "{{.Repository}}:{{.Tag}}"])
        .run()
        .success();
    // The docker CLI sends `docker.io/library/mine`, which lists as `mine`; a bare repo from
    // another client is stored under localhost/, as podman does.
    for want in [tagged.as_str(), "mine:1", "localhost/other:2"] {
        assert!(
            out.stdout.lines().any(|l| l == want),
            "{want}: {}",
            out.stdout
        );
    }
    svc.request("POST", "/images/nosuch/tag?repo=x", None)
        .status(404);
    svc.request("POST", &format!("/images/{img}/tag"), None)
        .status(400);
}

#[test]
fn rmi_conflict_untag_delete_and_prune() {
    let ctx = TestContext::new("api-img-rmi");
    let svc = Service::start(&ctx);
    let bb = busybox();
    let img = bb.plain();
    crate::pull(&ctx, &img).success();

    // A container uses it: 409 without force.
    let created = ctx.hutch(["create", &img]).run().success();
    let cid = created.stdout_trim().to_string();
    let r = svc.request("DELETE", &format!("/images/{img}"), None);
    assert_eq!(r.status, 409, "{}", r.text());
    assert!(
        r.json()["message"].as_str().unwrap().contains("in use"),
        "{}",
        r.text()
    );
    ctx.hutch(["rm", &cid]).run().success();

    // An extra name is only untagged; the last name deletes.
    svc.docker(&ctx, ["tag", &img, "extra:1"]).run().success();
    let out = svc.docker(&ctx, ["rmi", "extra:1"]).run().success();
    assert_eq!(out.stdout_trim(), "Untagged: extra:1");
    let r = svc
        .request("DELETE", &format!("/images/{img}"), None)
        .status(200)
        .json();
    assert_eq!(
        r,
        serde_json::json!([{"Untagged": img}, {"Deleted": format!("sha256:{}", bb.id)}])
    );
    svc.request("DELETE", "/images/nosuch", None).status(404);
    let out = svc.docker(&ctx, ["rmi", "nosuch"]).run().failure();
    assert!(out.stderr.contains("nosuch"), "{}", out.stderr);

    // prune: nothing dangling; with -a every unused image goes.
    crate::pull(&ctx, &img).success();
    let out = svc.docker(&ctx, ["image", "prune", "-f"]).run().success();
    assert!(
        out.stdout.contains("Total reclaimed space: 0B"),
        "{}",
        out.stdout
    );
    let out = svc
        .docker(
            &ctx,
            [
                "image",
                "prune",
                "-a",
                "-f",
                "--filter",
                "until=2000-01-01T00:00:00Z",
            ],
        )
        .run()
        .success();
    assert!(
        out.stdout.contains("Total reclaimed space: 0B"),
        "{}",
        out.stdout
    );
    svc.request(
        "POST",
        "/images/prune?filters=%7B%22nope%22%3A%5B%221%22%5D%7D",
        None,
    )
    .status(400);
    let out = svc
        .docker(&ctx, ["image", "prune", "-a", "-f"])
        .run()
        .success();
    assert!(
        out.stdout.contains(&format!("deleted: sha256:{}", bb.id))
            && out.stdout.contains(&format!("untagged: {img}")),
        "{}",
        out.stdout
    );
    let q = svc.docker(&ctx, ["images", "-q"]).run().success();
    assert_eq!(q.stdout_trim(), "");
}

#[test]
fn push_save_load_and_pull_back() {
    let ctx = TestContext::new("api-img-push");
    let svc = Service::start(&ctx);
    let bb = busybox();
    let img = bb.plain();
    svc.docker(&ctx, ["pull", "-q", &img]).run().success();

    // Push a new tag to the plain registry, then pull it back after removing it.
    let tag = format!("push{}", std::process::id());
    let dest = format!("{}/apitest/busybox:{tag}", registries().plain.host());
    svc.docker(&ctx, ["tag", &img, &dest]).run().success();
    let out = svc.docker(&ctx, ["push", &dest]).run().success();
    assert!(
        out.stdout.contains(&format!("{tag}: digest: sha256:")),
        "{}",
        out.stdout
    );
    svc.docker(&ctx, ["rmi", &dest]).run().success();
    svc.docker(&ctx, ["pull", &dest]).run().success();
    // --all-tags: every local tag of the repository.
    let repo = format!(
        "{}/apitest/alltags{}",
        registries().plain.host(),
        std::process::id()
    );
    for t in ["a", "b"] {
        svc.docker(&ctx, ["tag", &img, &format!("{repo}:{t}")])
            .run()
            .success();
    }
    let out = svc
        .docker(&ctx, ["push", "--all-tags", &repo])
        .run()
        .success();
    for t in ["a", "b"] {
        assert!(
            out.stdout.contains(&format!("{t}: digest: sha256:")),
            "{}",
            out.stdout
        );
    }
    // pull --all-tags: every tag the registry has, through the API and the CLI alike.
    for t in ["a", "b"] {
        svc.docker(&ctx, ["rmi", &format!("{repo}:{t}")])
            .run()
            .success();
    }
    let out = svc
        .docker(&ctx, ["pull", "--all-tags", &repo])
        .run()
        .success();
    for want in [
        format!(
            "a: Pulling from apitest/{}",
            repo.rsplit('/').next().unwrap()
        ),
        format!(
            "b: Pulling from apitest/{}",
            repo.rsplit('/').next().unwrap()
        ),
        format!("Status: Downloaded newer image for {repo}"),
    ] {
        assert!(out.stdout.contains(&want), "{want}: {}", out.stdout);
    }
    let tags = svc
        .docker(&ctx, ["images", "--format", "{{.Tag}}", &repo])
        .run()
        .success();
    assert_eq!(tags.stdout_trim().lines().count(), 2, "{}", tags.stdout);
    let other = TestContext::new("api-img-push-cli");
    let out = other
        .hutch(["pull", "--tls-verify=false", "--all-tags", "-q", &repo])
        .run()
        .success();
    assert_eq!(out.stdout_trim(), format!("{}\n{}", bb.id, bb.id));
    let r = svc.request("POST", "/images/nosuch/push?tag=latest", None);
    assert_eq!(r.status, 404, "{}", r.text());

    // docker save | docker load, and a save to a file loaded after the image is gone.
    let out = sh(&ctx, &svc, &format!("docker save {img} | docker load"))
        .run()
        .success();
    assert!(
        out.stdout.contains(&format!("Loaded image: {img}")),
        "{}",
        out.stdout
    );
    sh(&ctx, &svc, &format!("docker save -o saved.tar {img}"))
        .run()
        .success();
    svc.docker(&ctx, ["rmi", "-f", &img, &dest]).run().success();
    svc.request("GET", &format!("/images/{img}/json"), None)
        .status(404);
    let out = svc
        .docker(&ctx, ["load", "-i", "saved.tar"])
        .run()
        .success();
    assert!(
        out.stdout.contains(&format!("Loaded image: {img}")),
        "{}",
        out.stdout
    );
    let out = svc
        .docker(&ctx, ["image", "inspect", "--format", "{{.Id}}", &img])
        .run()
        .success();
    assert_eq!(out.stdout_trim(), format!("sha256:{}", bb.id));
    svc.request("GET", "/images/get?names=nosuch", None)
        .status(404);
    // A body that is not an archive is refused.
    let r = svc.request("POST", "/images/load", Some("not a tar"));
    assert!(r.status >= 400, "{} {}", r.status, r.text());
}

#[test]
fn login_search_distribution_commit_import() {
    let ctx = TestContext::new("api-img-misc");
    let svc = Service::start(&ctx);
    let bb = busybox();
    let img = bb.plain();
    let regs = registries();
    crate::pull(&ctx, &img).success();

    // login checks the credentials against the htpasswd registry.
    let out = sh(
        &ctx,
        &svc,
        &format!(
            "echo {AUTH_PASS} | docker login -u {AUTH_USER} --password-stdin {}",
            regs.auth.host()
        ),
    )
    .run()
    .success();
    assert!(out.stdout.contains("Login Succeeded"), "{}", out.stdout);
    let out = sh(
        &ctx,
        &svc,
        &format!(
            "echo wrong | docker login -u {AUTH_USER} --password-stdin {}",
            regs.auth.host()
        ),
    )
    .run()
    .failure();
    assert!(
        out.stderr.contains("invalid username/password"),
        "{}",
        out.stderr
    );
    let body = format!(
        r#"{{"username":"{AUTH_USER}","password":"nope","serveraddress":"{}"}}"#,
        regs.auth.host()
    );
    svc.request("POST", "/auth", Some(&body)).status(401);

    // The CLI sends the stored login as X-Registry-Auth with a push and a pull; without it the
    // registry refuses before anything streams.
    let authed = format!(
        "{}/apitest/busybox:auth{}",
        regs.auth.host(),
        std::process::id()
    );
    svc.docker(&ctx, ["tag", &img, &authed]).run().success();
    svc.docker(&ctx, ["push", &authed]).run().success();
    svc.docker(&ctx, ["rmi", &authed]).run().success();
    let r = svc.request(
        "POST",
        &format!("/images/create?fromImage={}", encode(&authed)),
        None,
    );
    assert_eq!(r.status, 401, "{}", r.text());
    svc.docker(&ctx, ["pull", &authed]).run().success();

    // search: the registry's catalog.
    let out = svc
        .docker(
            &ctx,
            [
                "search",
                "--format",
                "{{.Name}}",
                &format!("{}/busy", regs.plain.host()),
            ],
        )
        .run()
        .success();
    assert!(
        out.stdout
            .lines()
            .any(|l| l == format!("{}/library/busybox", regs.plain.host())),
        "{}",
        out.stdout
    );

    let out = svc
        .docker(
            &ctx,
            [
                "search",
                "--filter",
                "is-official=true",
                &format!("{}/busy", regs.plain.host()),
            ],
        )
        .run()
        .success();
    assert!(!out.stdout.contains("busybox"), "{}", out.stdout);

    // distribution: the descriptor and platform, from the registry.
    let v = svc
        .request("GET", &format!("/distribution/{img}/json"), None)
        .status(200)
        .json();
    assert_eq!(v["Descriptor"]["digest"], bb.digest.as_str());
    assert_eq!(
        v["Descriptor"]["mediaType"],
        "application/vnd.docker.distribution.manifest.v2+json"
    );
    assert_eq!(v["Platforms"][0]["os"], "linux");

    // commit a container, and import a tarball.
    ctx.hutch(["create", "--name", "c1", &img]).run().success();
    let out = svc
        .docker(
            &ctx,
            ["commit", "-c", "LABEL made=by-api", "c1", "committed:1"],
        )
        .run()
        .success();
    assert!(out.stdout_trim().starts_with("sha256:"), "{}", out.stdout);
    let out = svc
        .docker(
            &ctx,
            [
                "image",
                "inspect",
                "--format",
                "{{.Config.Labels.made}}",
                "committed:1",
            ],
        )
        .run()
        .success();
    assert_eq!(out.stdout_trim(), "by-api");
    let r = svc.request("POST", "/commit?container=nosuch", None);
    assert_eq!(r.status, 404, "{}", r.text());

    ctx.write_file(&ctx.dir.join("root/etc/hello"), "hi\n");
    sh(
        &ctx,
        &svc,
        "tar -C root -cf root.tar . && docker import root.tar imported:1",
    )
    .run()
    .success();
    let out = svc
        .docker(&ctx, ["images", "--format", "{{.Repository}}:{{.Tag}}"])
        .run()
        .success();
    assert!(
        out.stdout.lines().any(|l| l == "localhost/imported:1"),
        "{}",
        out.stdout
    );
}

#[test]
fn docker_py_pull_list_tag_save_load() {
    let ctx = TestContext::new("api-img-py");
    let svc = Service::start(&ctx);
    let bb = busybox();
    let img = bb.plain();
    let (repo, _) = img.rsplit_once(':').unwrap();
    let script = format!(
        r#"
import docker
c = docker.from_env()
img = c.images.pull("{repo}", tag="latest")
assert "{img}" in img.tags, img.tags
assert any("{img}" in i.tags for i in c.images.list()), c.images.list()
img.tag("{repo}", "py")
assert "{repo}:py" in c.images.get("{img}").tags
c.images.remove("{repo}:py")
data = b"".join(img.save(named=True))
c.images.remove("{img}", force=True)
loaded = c.images.load(data)
assert loaded[0].id == "sha256:{id}", loaded
assert [h["Id"] for h in c.api.history("{img}")][0] == "sha256:{id}"
print("ok")
"#,
        id = bb.id
    );
    let out = svc.python(&ctx, &script).run().success();
    assert_eq!(out.stdout_trim(), "ok");
}

#[test]
fn a_client_that_goes_away_interrupts_its_pull() {
    use std::io::Read;
    use std::time::{Duration, Instant};
    let ctx = TestContext::new("api-img-gone");
    let svc = Service::start(&ctx);
    let img = crate::fixtures::big().plain();
    let (repo, tag) = img.rsplit_once(':').unwrap();
    let head = format!(
        "POST /images/create?fromImage={}&tag={tag} HTTP/1.1\r\nHost: hutch\r\nContent-Length: 0\r\n\r\n",
        encode(repo)
    );
    let mut s = super::open_request(&svc.sock, &head, b"");
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("\"Downloading\"") {
        let n = s.read(&mut buf).expect("progress before the pull ends");
        assert!(
            n > 0,
            "the stream ended early: {}",
            String::from_utf8_lossy(&seen)
        );
        seen.extend_from_slice(&buf[..n]);
    }
    drop(s);
    // The pull stops and leaves nothing behind; the service carries on.
    let start = Instant::now();
    while !crate::staging_leftovers(&ctx).is_empty() && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        crate::staging_leftovers(&ctx).is_empty(),
        "{:?}",
        crate::staging_leftovers(&ctx)
    );
    assert!(crate::image_ids(&ctx).is_empty());
    svc.request("GET", "/_ping", None).status(200);
}
