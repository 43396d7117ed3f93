//! Built images leave hutch intact: pushed to the local registry and pulled back into an empty
//! store, and saved to an archive that the real podman loads and runs, each time producing the
//! same image ID and running the same.

use crate::archive::{hutch_save_into_podman, podman};
use crate::busybox_context;
use crate::harness::TestContext;
use crate::registry::registries;

/// Builds a two-layer image (a RUN and a COPY, with a non-root owner) from busybox as `name`;
/// returns its ID.
fn build(ctx: &TestContext, img: &str, name: &str) -> String {
    let dir = ctx.dir.join("context");
    ctx.write_file(
        &dir.join("Dockerfile"),
        format!(
            "FROM {img}\n\
             RUN echo built-by-hutch > /built && mkdir /data && chown 65534:65534 /data\n\
             COPY --chown=65534:65534 note.txt /data/note.txt\n\
             ENV MODE=roundtrip\n\
             CMD [\"sh\", \"-c\", \"cat /built /data/note.txt; echo $MODE; stat -c %u /data/note.txt\"]\n"
        ),
    );
    ctx.write_file(&dir.join("note.txt"), "a note\n");
    ctx.hutch(["build", "-q", "-t", name])
        .arg(&dir)
        .run()
        .success();
    // ENV adds to the base image's environment (podman runs nothing without its PATH).
    let env = ctx
        .hutch(["image", "inspect", "--format", "{{json .Config.Env}}", name])
        .run()
        .success();
    assert!(
        env.stdout.contains("PATH=/usr/local/sbin") && env.stdout.contains("MODE=roundtrip"),
        "{}",
        env.stdout
    );
    ctx.hutch(["image", "inspect", "--format", "{{.Id}}", name])
        .run()
        .success()
        .stdout_trim()
        .trim_start_matches("sha256:")
        .to_string()
}

const EXPECTED: &str = "built-by-hutch\na note\nroundtrip\n65534\n";

#[test]
fn built_image_pushes_and_pulls_back() {
    let (ctx, img) = busybox_context("build-push-pull");
    let dest = format!("{}/roundtrip/built:v1", registries().plain.host());
    let id = build(&ctx, &img, &dest);
    ctx.hutch(["push", "--tls-verify=false", &dest])
        .run()
        .success();

    // Pulled into a store of its own: the same image, and it runs.
    let other = TestContext::new("build-push-pull-2");
    crate::pull(&other, &dest).success();
    let pulled = other
        .hutch(["image", "inspect", "--format", "{{.Id}}", &dest])
        .run()
        .success();
    assert_eq!(pulled.stdout_trim().trim_start_matches("sha256:"), id);
    let out = other
        .hutch(["run", "--rm", "--network", "none", &dest])
        .run()
        .success();
    assert_eq!(out.stdout, EXPECTED);
}

#[test]
fn built_image_loads_and_runs_in_podman() {
    // A short name: podman refuses a runroot (under the context's directory) over 50 characters.
    let (ctx, img) = busybox_context("bld-pm");
    let id = build(&ctx, &img, "localhost/built:v1");
    for format in ["docker-archive", "oci-archive"] {
        let archive = ctx.dir.join(format!("{format}.tar"));
        ctx.hutch(["save", "--format", format, "-o"])
            .arg(&archive)
            .arg("localhost/built:v1")
            .run()
            .success();
        let loaded = podman(&ctx)
            .arg("load")
            .arg("-i")
            .arg(&archive)
            .run()
            .success();
        assert!(
            loaded.stdout.contains("localhost/built:v1"),
            "{format}: {}",
            loaded.stdout
        );
        let podman_id = podman(&ctx)
            .args([
                "image",
                "inspect",
                "--format",
                "{{.Id}}",
                "localhost/built:v1",
            ])
            .run()
            .success();
        assert_eq!(podman_id.stdout_trim(), id, "{format}");
        let out = podman(&ctx)
            .args(["run", "--rm", "--network", "none", "localhost/built:v1"])
            .run()
            .success();
        assert_eq!(out.stdout, EXPECTED, "{format}");
        podman(&ctx)
            .args(["rmi", "-f", "localhost/built:v1"])
            .run()
            .success();
    }
}

/// A RUN that deletes a file of the base image and replaces a directory of an earlier step
/// (a whiteout and an opaque directory in its layer, which is the RUN's upper directory moved
/// into the store): the image reads the same after push and pull, in podman after save and
/// load, and below a container's own changes.
#[test]
fn a_run_deleting_and_replacing_files_round_trips() {
    let (ctx, img) = busybox_context("bld-wh");
    let dest = format!("{}/roundtrip/whiteouts:v1", registries().plain.host());
    let dir = crate::build::context(
        &ctx,
        "context",
        &[(
            "Dockerfile",
            &format!(
                "FROM {img}\n\
                 RUN mkdir -p /opt/app && echo old > /opt/app/old && echo kept > /opt/kept\n\
                 RUN rm /etc/group && rm -rf /opt/app && mkdir /opt/app && echo new > /opt/app/new\n\
                 CMD [\"sh\", \"-c\", \"cat /etc/group || echo no-group; ls /opt; ls /opt/app; cat /opt/app/new /opt/kept\"]\n"
            ),
        )],
    );
    crate::build::build(&ctx, &dir, &["-q", "-t", &dest]).success();
    const SEEN: &str = "no-group\napp\nkept\nnew\nnew\nkept\n";
    let run = ctx
        .hutch(["run", "--rm", "--network", "none", &dest])
        .run()
        .success();
    assert_eq!(run.stdout, SEEN);
    let id = crate::build::inspect(&ctx, &dest, "{{.Id}}")
        .trim_start_matches("sha256:")
        .to_string();

    // A container's changes over the layer: what the layer deleted or hid is added again.
    ctx.hutch([
        "run",
        "--name",
        "over",
        "--network",
        "none",
        &dest,
        "sh",
        "-c",
    ])
    .arg("echo back > /etc/group && echo back > /opt/app/old")
    .run()
    .success();
    let diff = ctx.hutch(["diff", "over"]).run().success();
    for line in ["A /etc/group", "A /opt/app/old"] {
        assert!(
            diff.stdout.lines().any(|l| l == line),
            "{line}: {}",
            diff.stdout
        );
    }

    ctx.hutch(["push", "--tls-verify=false", &dest])
        .run()
        .success();
    let other = TestContext::new("bld-wh-2");
    crate::pull(&other, &dest).success();
    let pulled = crate::build::inspect(&other, &dest, "{{.Id}}");
    assert_eq!(pulled.trim_start_matches("sha256:"), id);
    let run = other
        .hutch(["run", "--rm", "--network", "none", &dest])
        .run()
        .success();
    assert_eq!(run.stdout, SEEN);

    hutch_save_into_podman(&ctx, &dest);
    let out = podman(&ctx)
        .args(["run", "--rm", "--network", "none", &dest])
        .run()
        .success();
    assert_eq!(out.stdout, SEEN);
    let podman_id = podman(&ctx)
        .args(["image", "inspect", "--format", "{{.Id}}", &dest])
        .run()
        .success();
    assert_eq!(podman_id.stdout_trim(), id);
}
