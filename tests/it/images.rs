//! The CLI's image commands beyond listing: mount counting, rmi of mounted images, exit codes
//! and messages for missing images, templates over inspect and info, and `doctor` on the rig
//! host (which the rig sets up completely, so every check must pass).

use crate::fixtures::busybox;
use crate::harness::TestContext;
use crate::pull;

/// Whether `path` is a mount point inside hutch's namespace (as `hutch unshare` sees it).
fn mounted_inside(ctx: &TestContext, path: &str) -> bool {
    let out = ctx
        .hutch(["unshare", "cat", "/proc/self/mountinfo"])
        .run()
        .success();
    out.stdout
        .lines()
        .any(|l| l.split(' ').nth(4) == Some(path))
}

#[test]
fn mount_counts_and_rmi_refuses_a_mounted_image() {
    let ctx = TestContext::new("img-mount");
    let img = busybox();
    let name = img.plain();
    pull(&ctx, &name).success();

    let first = ctx.hutch(["image", "mount", &name]).run().success();
    let mnt = first.stdout_trim().to_string();
    assert!(mnt.ends_with("/merged"), "{mnt}");
    assert!(mounted_inside(&ctx, &mnt));
    // The mount lives in the namespace; the files are visible through `hutch unshare`.
    ctx.hutch(["unshare", "test", "-x", &format!("{mnt}/bin/busybox")])
        .run()
        .success();
    let second = ctx.hutch(["image", "mount", &name]).run().success();
    assert_eq!(
        second.stdout_trim(),
        mnt,
        "a second mount reuses the mount point"
    );

    // With no arguments: the mounted images, `ID  PATH`.
    let list = ctx.hutch(["image", "mount"]).run().success();
    let row: Vec<&str> = list.stdout.split_whitespace().collect();
    assert_eq!(row, [img.id.as_str(), mnt.as_str()], "{}", list.stdout);

    // rmi refuses while mounted: exit 2, podman's conflict code, naming the image.
    ctx.hutch(["rmi", &name])
        .run()
        .code(2)
        .stderr_has(&[&img.id, "mounted"]);

    // Two mounts need two unmounts.
    ctx.hutch(["image", "unmount", &name]).run().success();
    assert!(mounted_inside(&ctx, &mnt), "still mounted once");
    ctx.hutch(["image", "unmount", &name]).run().success();
    assert!(
        !mounted_inside(&ctx, &mnt),
        "unmounted after the second unmount"
    );
    let list = ctx.hutch(["image", "mount"]).run().success();
    assert_eq!(list.stdout_trim(), "");

    // rmi -f unmounts first.
    ctx.hutch(["image", "mount", &name]).run().success();
    let out = ctx.hutch(["rmi", "-f", &name]).run().success();
    assert!(
        out.stdout.contains(&format!("Deleted: {}", img.id)),
        "{}",
        out.stdout
    );
    assert!(!mounted_inside(&ctx, &mnt));
    assert!(crate::layer_dirs(&ctx).is_empty(), "layers removed");
}

#[test]
fn missing_images_exit_codes_and_messages() {
    let ctx = TestContext::new("img-missing");
    ctx.hutch(["image", "inspect", "nosuch"])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&["Error: inspecting object: no such object: \"nosuch\""]);
    ctx.hutch(["rmi", "nosuch"])
        .run()
        .code(1)
        .stderr_has(&["Error: nosuch: image not known"]);
    ctx.hutch(["rmi", "-i", "nosuch"]).run().success();
    ctx.hutch(["history", "nosuch"])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&["nosuch: image not known"]);
    ctx.hutch(["tag", "nosuch", "other"])
        .run()
        .code(125)
        .stderr_has(&["nosuch: image not known"]);
    ctx.hutch(["images", "--filter", "bogus=1"])
        .run()
        .code(125)
        .stderr_has(&["bogus"]);
}

#[test]
fn templates_over_inspect_and_info() {
    let ctx = TestContext::new("img-templates");
    let img = busybox();
    pull(&ctx, &img.plain()).success();
    let out = ctx
        .hutch([
            "image",
            "inspect",
            "--format",
            "{{.Id}}|{{json .RepoTags}}|{{.Os}}",
            &img.plain(),
        ])
        .run()
        .success();
    assert_eq!(
        out.stdout_trim(),
        format!("{}|[\"{}\"]|linux", img.id, img.plain())
    );
    let out = ctx
        .hutch([
            "info",
            "--format",
            "{{.Store.GraphRoot}} {{.Store.ImageStore.Number}} {{.Host.Rootless}}",
        ])
        .run()
        .success();
    assert_eq!(
        out.stdout_trim(),
        format!("{} 1 true", ctx.graphroot().display())
    );
    let json = ctx.hutch(["info", "--format", "json"]).run().success();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["host"]["idMappings"]["uidmap"][0]["container_id"], 0);
    assert!(v["host"]["ociRuntime"]["path"]
        .as_str()
        .unwrap()
        .starts_with('/'));
    assert!(
        ["overlay", "fuse-overlayfs", "vfs"]
            .contains(&v["store"]["graphDriverName"].as_str().unwrap()),
        "{}",
        json.stdout
    );
}

#[test]
fn doctor_passes_on_the_rig_host() {
    let ctx = TestContext::new("doctor");
    let out = ctx.hutch(["doctor"]).run();
    let failing: Vec<&str> = out.stdout.lines().filter(|l| l.starts_with('✗')).collect();
    assert!(failing.is_empty(), "doctor reported:\n{}", out.stdout);
    let out = out.success();
    for item in [
        "subordinate id ranges",
        "newuidmap",
        "newgidmap",
        "/dev/net/tun",
        "/dev/fuse",
        "XDG_RUNTIME_DIR",
        "overlay in a user namespace",
        "OCI runtime",
        "rootless network",
        "lingering",
    ] {
        assert!(
            out.stdout
                .lines()
                .any(|l| l.starts_with('✓') && l.contains(item)),
            "doctor has no passing {item:?} line:\n{}",
            out.stdout
        );
    }
    // The network line names the program containers get by default, as info does.
    let default = ctx
        .hutch(["info", "--format", "{{.Host.RootlessNetworkCmd}}"])
        .run()
        .success()
        .stdout
        .trim()
        .to_string();
    let line = out
        .stdout
        .lines()
        .find(|l| l.contains("rootless network"))
        .unwrap_or_default();
    assert!(
        !default.is_empty() && line.contains(&format!("{default} (")),
        "doctor's network line {line:?} does not name info's default {default:?}"
    );
}
