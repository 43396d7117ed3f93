//! API tests: `POST /build` (Docker's classic builder) driven by the real clients — the docker
//! CLI with `DOCKER_BUILDKIT=0`, docker-compose's `build:` and docker-py's `images.build` — on
//! contexts made here from a busybox image in the local registry.

use super::Service;
use crate::fixtures::busybox;
use crate::harness::{require, Output, TestContext};
use crate::pull;
use std::path::Path;
use std::time::Duration;

fn setup(name: &str) -> (TestContext, Service, String) {
    require("runc", "runc");
    let ctx = TestContext::new(name);
    let img = busybox().plain();
    let svc = Service::start(&ctx);
    (ctx, svc, img)
}

/// The docker CLI with the classic builder, as the test user, in directory `dir`.
fn docker_build(svc: &Service, ctx: &TestContext, dir: &Path, args: &[&str]) -> Output {
    let mut cmd = svc.docker(ctx, ["build"]);
    cmd.env("DOCKER_BUILDKIT", "0")
        .args(args)
        .arg(dir)
        .timeout(Duration::from_secs(300));
    cmd.run()
}

#[test]
fn docker_cli_builds_an_image_that_runs() {
    let (ctx, svc, img) = setup("api-build-cli");
    let dir = ctx.dir.join("app");
    ctx.write_file(
        &dir.join("Dockerfile"),
        format!(
            "FROM {img}\n\
             ARG GREETING=hi\n\
             RUN echo \"$GREETING from RUN\" > /greeting && echo run-output-visible\n\
             COPY file.txt /file.txt\n\
             LABEL org.example.built=yes\n\
             CMD [\"cat\", \"/greeting\", \"/file.txt\"]\n"
        ),
    );
    ctx.write_file(&dir.join("file.txt"), "copied from the context\n");
    ctx.write_file(&dir.join(".dockerignore"), "secret.txt\n");
    ctx.write_file(&dir.join("secret.txt"), "must not be sent\n");

    // The base image is not here yet: the build pulls it.
    let out = docker_build(
        &svc,
        &ctx,
        &dir,
        &["--build-arg", "GREETING=hello", "-t", "built:v1"],
    )
    .success();
    for want in [
        "Step 1/6 : FROM",
        "run-output-visible",
        "Successfully built ",
        "Successfully tagged built:v1",
    ] {
        assert!(out.stdout.contains(want), "{want:?} missing: {out:?}");
    }
    let run = svc
        .docker(&ctx, ["run", "--rm", "built:v1"])
        .timeout(Duration::from_secs(120))
        .run()
        .success();
    assert_eq!(run.stdout, "hello from RUN\ncopied from the context\n");
    let label = svc
        .docker(
            &ctx,
            [
                "image",
                "inspect",
                "--format",
                "{{index .Config.Labels \"org.example.built\"}}",
                "built:v1",
            ],
        )
        .run()
        .success();
    assert_eq!(label.stdout_trim(), "yes");
    let id = svc
        .docker(
            &ctx,
            ["image", "inspect", "--format", "{{.Id}}", "built:v1"],
        )
        .run()
        .success()
        .stdout_trim()
        .to_string();

    // Unchanged (though unpacked in a new directory each time): every step from the cache,
    // the same image; `-q` prints only its ID.
    let again = docker_build(
        &svc,
        &ctx,
        &dir,
        &["--build-arg", "GREETING=hello", "-t", "built:v1"],
    )
    .success();
    assert!(again.stdout.contains("Using cache"), "{again:?}");
    assert!(
        !again.stdout.contains("\nrun-output-visible\n"),
        "{again:?}"
    );
    let quiet = docker_build(
        &svc,
        &ctx,
        &dir,
        &["-q", "--build-arg", "GREETING=hello", "-t", "built:v1"],
    )
    .success();
    assert_eq!(quiet.stdout_trim(), id, "{quiet:?}");

    // A RUN that fails: its output and the error reach the CLI, which exits non-zero (with
    // the command's code), and nothing is tagged.
    ctx.write_file(
        &dir.join("Dockerfile.fail"),
        format!("FROM {img}\nRUN echo output-before-failing && exit 3\n"),
    );
    let fail_file = dir.join("Dockerfile.fail");
    let failed = docker_build(
        &svc,
        &ctx,
        &dir,
        &["-f", fail_file.to_str().unwrap(), "-t", "failed:v1"],
    );
    assert_eq!(failed.code, Some(3), "{failed:?}");
    assert!(
        failed.stdout.contains("output-before-failing"),
        "{failed:?}"
    );
    assert!(failed.stderr.contains("exit 3"), "{failed:?}");
    svc.docker(&ctx, ["image", "inspect", "failed:v1"])
        .run()
        .failure();

    // A Dockerfile that names a stage that is not there: the error, no stream.
    let bad = docker_build(&svc, &ctx, &dir, &["--target", "nosuchstage"]).failure();
    assert!(bad.stderr.contains("nosuchstage"), "{bad:?}");
}

#[test]
fn docker_compose_builds_a_service() {
    let compose = require("docker-compose", "docker-compose");
    let (ctx, svc, img) = setup("api-build-compose");
    pull(&ctx, &img).success();
    let dir = ctx.dir.join("project");
    ctx.write_file(
        &dir.join("app/Dockerfile"),
        format!(
            "FROM {img}\nARG FLAVOUR\nRUN echo \"flavour=$FLAVOUR\" > /flavour\n\
             CMD [\"cat\", \"/flavour\"]\n"
        ),
    );
    ctx.write_file(
        &dir.join("docker-compose.yml"),
        "version: \"2.4\"\nservices:\n  app:\n    build:\n      context: ./app\n      \
         args:\n        FLAVOUR: lemon\n    image: itbuild/app:dev\n",
    );
    let run = |args: &[&str]| {
        let mut cmd = ctx.command(&compose);
        cmd.env("DOCKER_HOST", svc.host())
            .env("DOCKER_BUILDKIT", "0")
            .env("COMPOSE_DOCKER_CLI_BUILD", "0")
            .env("COMPOSE_PROJECT_NAME", "itbuild")
            .arg("-f")
            .arg(dir.join("docker-compose.yml"))
            .args(args)
            .timeout(Duration::from_secs(300));
        cmd.run()
    };
    let built = run(&["build"]);
    assert_eq!(
        built.code,
        Some(0),
        "compose build failed:\n{}\n{}",
        built.stdout,
        built.stderr
    );
    let out = run(&["run", "--rm", "app"]);
    assert_eq!(out.code, Some(0), "{out:?}");
    assert_eq!(out.stdout.trim(), "flavour=lemon", "{out:?}");
    ctx.hutch(["image", "exists", "itbuild/app:dev"])
        .run()
        .success();
}

#[test]
fn docker_py_builds_from_a_gzip_context() {
    let (ctx, svc, img) = setup("api-build-py");
    pull(&ctx, &img).success();
    let script = r#"
import io, os, tarfile, docker
client = docker.from_env(timeout=300)
IMG = os.environ["IMG"]
dockerfile = f"FROM {IMG}\nARG WORD\nLABEL word=$WORD\nCOPY hello.txt /hello.txt\nRUN cat /hello.txt\nCMD [\"cat\", \"/hello.txt\"]\n"
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w:gz") as t:
    for name, data in (("Dockerfile", dockerfile.encode()), ("hello.txt", b"hello from docker-py\n")):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
buf.seek(0)
image, logs = client.images.build(fileobj=buf, custom_context=True, encoding="gzip",
                                  tag="pybuilt:v1", buildargs={"WORD": "bird"}, rm=True)
logs = list(logs)
assert image.id.startswith("sha256:"), image.id
assert any(t.endswith("pybuilt:v1") for t in image.tags), image.tags
assert image.labels.get("word") == "bird", image.labels
assert any("hello from docker-py" in l.get("stream", "") for l in logs), logs
out = client.containers.run("pybuilt:v1", remove=True)
assert out == b"hello from docker-py\n", out
try:
    client.images.build(fileobj=io.BytesIO(b"FROM " + IMG.encode() + b"\nRUN exit 7\n"), tag="pybad:v1")
    raise AssertionError("a failing RUN raises BuildError")
except docker.errors.BuildError as e:
    assert "exit" in str(e), str(e)
print("docker-py build: ok")
"#;
    let out = svc
        .python(&ctx, script)
        .env("IMG", &img)
        .timeout(Duration::from_secs(300))
        .run();
    assert!(
        out.code == Some(0) && out.stdout.contains("docker-py build: ok"),
        "docker-py build failed:\n{}\n{}",
        out.stdout,
        out.stderr
    );
}

/// `docker build --cache-from REPO` reaches the builder as `cachefrom`: steps another store
/// exported with `hutch build --cache-to REPO` are cache hits, and the image is the same.
#[test]
fn docker_cli_build_takes_cache_from_a_registry_repository() {
    use crate::build_cache::{cache_context, ran};
    let repo = format!(
        "{}/apibuildcache/steps",
        crate::registry::registries().plain.host()
    );
    let (first, img) = crate::busybox_context("api-build-cachefrom");
    let dir = cache_context(&first, &img);
    let built = first
        .hutch([
            "build",
            "--tls-verify=false",
            "-t",
            "cached",
            "--cache-to",
            &repo,
        ])
        .arg(&dir)
        .run()
        .success();
    assert!(ran(&built, "ONE"), "{}", built.stdout);
    let id = built.stdout.lines().last().unwrap().to_string();

    let (ctx, svc, img2) = setup("api-build-cachefrom-2");
    assert_eq!(img, img2);
    let dir2 = cache_context(&ctx, &img);
    let out = docker_build(
        &svc,
        &ctx,
        &dir2,
        &["--cache-from", &repo, "-t", "fromcache"],
    );
    let out = out.success();
    assert!(
        !ran(&out, "ONE") && !ran(&out, "TWO"),
        "a step ran again: {}",
        out.stdout
    );
    let short = &id[..12];
    assert!(
        out.stdout.contains(&format!("Successfully built {short}")),
        "not the image {short} the first store built:\n{}",
        out.stdout
    );
}
