//! A container's `/` is its image's: the owner and mode of the topmost layer whose tar has an
//! entry for the root. RUN, COPY, commit and squash layers have none, so they keep their base
//! image's `/`; an image none of whose layers sets it shows 0555, as podman does.

use crate::archive::{hutch_save_into_podman, podman};
use crate::fixtures::busybox_layer;
use crate::harness::TestContext;
use crate::oci::{dir, file, layer, push_image, Comp, Entry, Pushed, Spec};
use crate::registry::registries;
use std::io::Read;

/// Pushes `repo` whose first layer is busybox with `root` as its `./` entry, and then `more`.
fn image(repo: &str, root: Entry, more: Vec<Vec<Entry>>) -> Pushed {
    let mut first = vec![root];
    first.extend(busybox_layer().entries.iter().cloned());
    let mut layers = vec![(layer(first), Comp::Gzip)];
    layers.extend(more.into_iter().map(|e| (layer(e), Comp::Gzip)));
    push_image(repo, "latest", &Spec::default(), layers).0
}

/// `stat -c '%a %u:%g' /` in a new container of `img`.
fn root_of(ctx: &TestContext, img: &str) -> String {
    ctx.hutch([
        "run",
        "--rm",
        "--network",
        "none",
        img,
        "stat",
        "-c",
        "%a %u:%g",
        "/",
    ])
    .run()
    .success()
    .stdout_trim()
    .to_string()
}

/// Builds `FROM base` + a RUN, a COPY and another RUN as `tag`, with `flags`.
fn build(ctx: &TestContext, base: &str, tag: &str, flags: &[&str]) {
    let dir = crate::build::context(
        ctx,
        &format!("ctx-{}", tag.replace([':', '/'], "-")),
        &[
            (
                "Dockerfile",
                &format!("FROM {base}\nRUN touch /made\nCOPY f /f\nRUN true\n"),
            ),
            ("f", "copied\n"),
        ],
    );
    let mut args = vec!["-q", "-t", tag];
    args.extend(flags);
    crate::build::build(ctx, &dir, &args).success();
}

/// The names of the entries of each layer of `img` above its first, as `hutch save` writes them.
fn built_layer_names(ctx: &TestContext, img: &str) -> Vec<Vec<String>> {
    let archive = ctx.dir.join("layers.tar");
    ctx.hutch(["save", "--format", "docker-archive", "-o"])
        .arg(&archive)
        .arg(img)
        .run()
        .success();
    let mut files = std::collections::HashMap::new();
    let mut a = tar::Archive::new(std::fs::File::open(&archive).unwrap());
    for e in a.entries().unwrap() {
        let mut e = e.unwrap();
        let name = e.path().unwrap().to_string_lossy().into_owned();
        let mut data = Vec::new();
        e.read_to_end(&mut data).unwrap();
        files.insert(name, data);
    }
    let manifest: serde_json::Value = serde_json::from_slice(&files["manifest.json"]).unwrap();
    let layers = manifest[0]["Layers"].as_array().unwrap();
    layers[1..]
        .iter()
        .map(|l| {
            tar::Archive::new(&files[l.as_str().unwrap()][..])
                .entries()
                .unwrap()
                .map(|e| e.unwrap().path().unwrap().to_string_lossy().into_owned())
                .collect()
        })
        .collect()
}

/// From a base whose `/` is 0750 and from one whose `/` belongs to 1:1: a built image (RUN,
/// COPY), its `--squash` and a commit keep the base's `/`; `--squash-all`, which leaves no
/// layer setting it, shows 0555, as does an image whose tar has no `./` at all.
#[test]
fn built_committed_and_squashed_images_keep_their_bases_root() {
    crate::harness::require("runc", "runc");
    let ctx = TestContext::new("rootfs-root-built");
    let bases = [
        (
            image("hutch-it/root750", dir(".", 0o750), vec![]),
            "750 0:0",
        ),
        (
            image("hutch-it/root-uid1", dir(".", 0o755).owner(1, 1), vec![]),
            "755 1:1",
        ),
    ];
    for (i, (base, want)) in bases.iter().enumerate() {
        let img = base.plain();
        crate::pull(&ctx, &img).success();
        assert_eq!(root_of(&ctx, &img), *want, "{img}");
        let built = format!("localhost/root-built-{i}");
        build(&ctx, &img, &built, &[]);
        assert_eq!(root_of(&ctx, &built), *want, "{built}");
        // Its layers' tars (RUN, COPY, an empty RUN) have no entry for the root.
        let names = built_layer_names(&ctx, &built);
        let is_root = |n: &String| matches!(n.trim_end_matches('/'), "" | ".");
        assert_eq!(names.len(), 3, "{names:?}");
        assert!(
            names.iter().flatten().any(|n| n == "f") && !names.iter().flatten().any(is_root),
            "{names:?}"
        );
        let squashed = format!("localhost/root-squashed-{i}");
        build(&ctx, &img, &squashed, &["--squash"]);
        assert_eq!(root_of(&ctx, &squashed), *want, "{squashed}");
        let all = format!("localhost/root-squashed-all-{i}");
        build(&ctx, &img, &all, &["--squash-all"]);
        assert_eq!(root_of(&ctx, &all), "555 0:0", "{all}");

        let name = format!("root-commit-{i}");
        ctx.hutch([
            "run",
            "--name",
            &name,
            "--network",
            "none",
            &img,
            "touch",
            "/x",
        ])
        .run()
        .success();
        let committed = format!("localhost/root-committed-{i}");
        ctx.hutch(["commit", "-q", &name, &committed])
            .run()
            .success();
        assert_eq!(root_of(&ctx, &committed), *want, "{committed}");
        let diff = ctx.hutch(["diff", &name]).run().success();
        assert_eq!(diff.stdout_trim(), "A /x", "the root is not a change");
    }

    // Pulled with a layer above the one setting `/`: the same as built.
    let two = image(
        "hutch-it/root750-two",
        dir(".", 0o750),
        vec![vec![file("added", 0o644, "x")]],
    );
    crate::pull(&ctx, &two.plain()).success();
    assert_eq!(root_of(&ctx, &two.plain()), "750 0:0");
    // A layer above that sets it again wins.
    let reset = image(
        "hutch-it/root750-reset",
        dir(".", 0o750),
        vec![vec![dir(".", 0o711), file("added", 0o644, "x")]],
    );
    crate::pull(&ctx, &reset.plain()).success();
    assert_eq!(root_of(&ctx, &reset.plain()), "711 0:0");
    // No `./` anywhere: containers/storage's 0555, podman's `/` for most images.
    let bb = crate::fixtures::busybox().plain();
    crate::pull(&ctx, &bb).success();
    assert_eq!(root_of(&ctx, &bb), "555 0:0");
}

/// An image built on a 0750 `/` is the same image after a push and a pull into another store,
/// and shows the same `/` there and in podman after a save and a load.
#[test]
fn a_built_images_root_survives_push_pull_and_podman() {
    crate::harness::require("runc", "runc");
    let ctx = TestContext::new("rootfs-root-rt");
    let base = image("hutch-it/root750-rt", dir(".", 0o750), vec![]).plain();
    crate::pull(&ctx, &base).success();
    let dest = format!("{}/roundtrip/root750:v1", registries().plain.host());
    build(&ctx, &base, &dest, &[]);
    assert_eq!(root_of(&ctx, &dest), "750 0:0");
    let id = crate::build::inspect(&ctx, &dest, "{{.Id}}");
    ctx.hutch(["push", "--tls-verify=false", &dest])
        .run()
        .success();

    let other = TestContext::new("rootfs-root-rt-2");
    crate::pull(&other, &dest).success();
    assert_eq!(crate::build::inspect(&other, &dest, "{{.Id}}"), id);
    assert_eq!(root_of(&other, &dest), "750 0:0");

    hutch_save_into_podman(&ctx, &dest);
    let out = podman(&ctx)
        .args([
            "run",
            "--rm",
            "--network",
            "none",
            &dest,
            "stat",
            "-c",
            "%a %u:%g",
            "/",
        ])
        .run()
        .success();
    assert_eq!(out.stdout_trim(), "750 0:0");
}

/// Every storage driver shows the same `/`: overlay and fuse-overlayfs from the container's
/// upper directory, vfs from its copy of the layers; `image mount` too.
#[test]
fn every_driver_shows_the_images_root() {
    crate::harness::require("runc", "runc");
    crate::harness::require("fuse-overlayfs", "fuse-overlayfs");
    let two = image(
        "hutch-it/root750-drivers",
        dir(".", 0o750),
        vec![vec![file("added", 0o644, "x")]],
    )
    .plain();
    let bb = crate::fixtures::busybox().plain();
    for driver in ["overlay", "fuse-overlayfs", "vfs"] {
        let mut ctx = TestContext::new(&format!("rootfs-root-{driver}"));
        ctx.set_env("HUTCH_STORAGE_DRIVER", driver);
        crate::pull(&ctx, &two).success();
        crate::pull(&ctx, &bb).success();
        assert_eq!(root_of(&ctx, &two), "750 0:0", "{driver}");
        assert_eq!(root_of(&ctx, &bb), "555 0:0", "{driver}");
        // Mounted read-only (no upper directory), the image shows the same `/`.
        for (img, want) in [(&two, "750 0:0"), (&bb, "555 0:0")] {
            let mnt = crate::tree::mount(&ctx, img);
            let seen = ctx
                .hutch(["unshare", "stat", "-c", "%a %u:%g", &mnt])
                .run()
                .success();
            assert_eq!(seen.stdout_trim(), want, "{driver} image mount {img}");
            // It still holds the image's files.
            ctx.hutch(["unshare", "test", "-x", &format!("{mnt}/bin/busybox")])
                .run()
                .success();
            ctx.hutch(["image", "unmount", img]).run().success();
        }
    }
}
