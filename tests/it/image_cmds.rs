//! images, image inspect, tag, image exists, history, image tree, rmi and image prune: output
//! and exit codes as podman has them.

use crate::fixtures::{busybox, layered, stack};
use crate::harness::TestContext;
use crate::{image_ids, image_names, layer_dirs, pull};

#[test]
fn images_listing_formats() {
    let ctx = TestContext::new("images");
    let (a, b) = (busybox(), layered("oci-gzip"));
    pull(&ctx, &a.plain()).success();
    pull(&ctx, &b.plain()).success();

    let out = ctx.hutch(["images"]).run().success();
    let lines: Vec<&str> = out.stdout.lines().collect();
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(
        header,
        ["REPOSITORY", "TAG", "IMAGE", "ID", "CREATED", "SIZE"],
        "{}",
        out.stdout
    );
    assert_eq!(lines.len(), 3, "{}", out.stdout);
    for img in [a, &b] {
        let repo = format!(
            "{}/{}",
            crate::registry::registries().plain.host(),
            img.repo
        );
        let row = lines
            .iter()
            .find(|l| l.starts_with(&repo))
            .unwrap_or_else(|| panic!("no row for {repo}:\n{}", out.stdout));
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cols[1], img.tag);
        assert_eq!(cols[2], &img.id[..12], "IMAGE ID is the short ID");
    }

    let q = ctx.hutch(["images", "-q"]).run().success();
    let mut short: Vec<&str> = q.stdout.lines().collect();
    short.sort();
    let mut want = vec![&a.id[..12], &b.id[..12]];
    want.sort();
    assert_eq!(short, want);

    let noheading = ctx.hutch(["images", "--noheading"]).run().success();
    assert_eq!(noheading.stdout.lines().count(), 2);

    let digests = ctx.hutch(["images", "--digests"]).run().success();
    assert!(
        digests.stdout.contains("DIGEST") && digests.stdout.contains(&a.digest),
        "{}",
        digests.stdout
    );

    let notrunc = ctx.hutch(["images", "--no-trunc"]).run().success();
    assert!(
        notrunc.stdout.contains(&format!("sha256:{}", a.id)),
        "{}",
        notrunc.stdout
    );

    let json = ctx.hutch(["images", "--format", "json"]).run().success();
    let v: serde_json::Value = serde_json::from_str(&json.stdout)
        .unwrap_or_else(|e| panic!("images --format json: {e}\n{}", json.stdout));
    let arr = v.as_array().expect("a JSON array");
    assert_eq!(arr.len(), 2);
    for img in [a, &b] {
        let o = arr
            .iter()
            .find(|o| o["Id"] == img.id.as_str())
            .unwrap_or_else(|| panic!("no Id {} in {}", img.id, json.stdout));
        assert!(
            o["Names"]
                .as_array()
                .unwrap()
                .iter()
                .any(|n| n == img.plain().as_str()),
            "{o}"
        );
        assert_eq!(o["Digest"], img.digest.as_str());
    }

    let tmpl = ctx
        .hutch(["images", "--format", "{{.ID}} {{.Repository}}"])
        .run()
        .success();
    assert!(
        tmpl.stdout.lines().any(|l| l
            == format!(
                "{} {}/{}",
                &a.id[..12],
                crate::registry::registries().plain.host(),
                a.repo
            )),
        "{}",
        tmpl.stdout
    );
}

#[test]
fn inspect_is_podman_shaped() {
    let ctx = TestContext::new("inspect");
    let img = layered("docker-gzip");
    pull(&ctx, &img.plain()).success();
    let out = ctx
        .hutch(["image", "inspect", &img.plain()])
        .run()
        .success();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let o = &v[0];
    assert_eq!(o["Id"], img.id.as_str());
    assert_eq!(o["Digest"], img.digest.as_str());
    assert!(
        o["RepoTags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == img.plain().as_str()),
        "{o}"
    );
    assert!(
        o["RepoDigests"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t.as_str().unwrap().ends_with(&img.digest)),
        "{o}"
    );
    assert_eq!(o["Architecture"], "amd64");
    assert_eq!(o["Os"], "linux");
    assert_eq!(o["Config"]["Cmd"], serde_json::json!(["sh"]));
    assert_eq!(
        o["Config"]["Labels"]["org.hutch.test"],
        format!("{}:{}", img.repo, img.tag).as_str()
    );
    assert_eq!(o["RootFS"]["Type"], "layers");
    assert_eq!(o["RootFS"]["Layers"], serde_json::json!(img.diff_ids));
    assert_eq!(o["ManifestType"], crate::oci::DOCKER_MANIFEST);
    // By short ID and with a template; `inspect` finds images too.
    let out = ctx
        .hutch(["image", "inspect", "--format", "{{.Id}}", &img.id[..12]])
        .run()
        .success();
    assert_eq!(out.stdout.trim(), img.id);
    let out = ctx
        .hutch(["inspect", "--format", "{{.Id}}", &img.plain()])
        .run()
        .success();
    assert_eq!(out.stdout.trim(), img.id);
    ctx.hutch(["image", "inspect", &img.plain(), "nope:nope"])
        .run()
        .code(125)
        .stderr_has(&["nope:nope"]);
}

#[test]
fn tag_exists_and_rmi_untag() {
    let ctx = TestContext::new("tag");
    let img = busybox();
    pull(&ctx, &img.plain()).success();
    ctx.hutch(["tag", &img.plain(), "localhost/mybox:v1", "mybox:v2"])
        .run()
        .success();
    let mut want = vec![
        img.plain(),
        "localhost/mybox:v1".to_string(),
        "localhost/mybox:v2".to_string(),
    ];
    want.sort();
    assert_eq!(image_names(&ctx), want);
    ctx.hutch(["image", "exists", "localhost/mybox:v1"])
        .run()
        .success();
    ctx.hutch(["image", "exists", "mybox:v2"]).run().success();
    ctx.hutch(["image", "exists", &img.id]).run().success();
    ctx.hutch(["image", "exists", &img.id[..12]])
        .run()
        .success();
    ctx.hutch(["image", "exists", "mybox:v3"]).run().code(1);

    // Removing one of several names only untags.
    let out = ctx.hutch(["rmi", "mybox:v2"]).run().success();
    assert!(
        out.stdout.contains("Untagged: localhost/mybox:v2"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("Deleted"), "{}", out.stdout);
    assert_eq!(image_ids(&ctx), vec![img.id.clone()]);
    assert_eq!(layer_dirs(&ctx).len(), 1);

    // By ID, an image with several names is removed only with -f (podman's rule).
    ctx.hutch(["rmi", &img.id[..12]]).run().failure();
    let out = ctx.hutch(["rmi", "-f", &img.id[..12]]).run().success();
    assert!(
        out.stdout.contains(&format!("Deleted: {}", img.id)),
        "{}",
        out.stdout
    );
    assert!(image_ids(&ctx).is_empty());
    assert!(
        layer_dirs(&ctx).is_empty(),
        "layers of a removed image should be gone: {:?}",
        layer_dirs(&ctx)
    );
}

#[test]
fn rmi_all_and_prune() {
    let ctx = TestContext::new("prune");
    let (a, b, c) = (stack(31), stack(32), stack(33));
    for img in [&a, &b, &c] {
        pull(&ctx, &img.plain()).success();
    }
    // Moving a's only name to b leaves a dangling: prune removes it, and only it.
    ctx.hutch(["tag", &b.plain(), &a.plain()]).run().success();
    let all = ctx
        .hutch(["images", "-a", "-q", "--no-trunc"])
        .run()
        .success();
    assert!(
        all.stdout.contains(&a.id),
        "a dangling image is still listed with -a: {}",
        all.stdout
    );
    let out = ctx.hutch(["image", "prune", "-f"]).run().success();
    assert!(
        out.stdout.contains(&a.id),
        "prune prints the removed ID: {}",
        out.stdout
    );
    let mut ids = vec![b.id.clone(), c.id.clone()];
    ids.sort();
    assert_eq!(image_ids(&ctx), ids);
    assert_eq!(layer_dirs(&ctx).len(), 3);

    ctx.hutch(["rmi", "-a"]).run().success();
    assert!(image_ids(&ctx).is_empty());
    assert!(layer_dirs(&ctx).is_empty(), "{:?}", layer_dirs(&ctx));
}

#[test]
fn history_and_tree() {
    let ctx = TestContext::new("history");
    let img = layered("oci-zstd");
    pull(&ctx, &img.plain()).success();
    let out = ctx
        .hutch(["history", "--no-trunc", &img.plain()])
        .run()
        .success();
    for i in 1..=3 {
        assert!(
            out.stdout.contains(&format!("layer {i}")),
            "history should show each layer's created_by:\n{}",
            out.stdout
        );
    }
    assert!(
        out.stdout.lines().next().unwrap().contains("CREATED BY"),
        "{}",
        out.stdout
    );
    let json = ctx
        .hutch(["history", "--format", "json", &img.plain()])
        .run()
        .success();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3, "{}", json.stdout);
    let tree = ctx.hutch(["image", "tree", &img.plain()]).run().success();
    assert!(
        tree.stdout.contains(&img.id[..12]),
        "image tree should show the image ID:\n{}",
        tree.stdout
    );
}
