//! The mounted root filesystem of a pulled image equals the tree the OCI rules give: paths,
//! types, modes (setuid/setgid/sticky included), owners, sizes, link targets, contents, hard links.

use crate::fixtures::{busybox, busybox_layer, layered, layered_layers};
use crate::harness::TestContext;
use crate::pull;
use crate::tree::{apply, assert_same, mount, walk};

fn check(name: &str, reference: &str, expected: &crate::tree::Tree) {
    check_with(TestContext::new(name), reference, expected);
}

fn check_with(ctx: TestContext, reference: &str, expected: &crate::tree::Tree) {
    pull(&ctx, reference).success();
    let mnt = mount(&ctx, reference);
    let actual = walk(&ctx, &mnt);
    assert_same(reference, expected, &actual);
    // Mounting again gives the same place; unmount then works.
    assert_eq!(mount(&ctx, reference), mnt);
    ctx.hutch(["image", "unmount", reference]).run().success();
}

#[test]
fn busybox_tree() {
    let img = busybox();
    check(
        "tree-busybox",
        &img.plain(),
        &apply(std::slice::from_ref(busybox_layer())),
    );
}

macro_rules! layered_tree_tests {
    ($($name:ident => $variant:literal,)*) => {$(
        #[test]
        fn $name() {
            let img = layered($variant);
            check(concat!("tree-", $variant), &img.plain(), &apply(layered_layers()));
        }
    )*};
}

layered_tree_tests! {
    layered_tree_oci_gzip => "oci-gzip",
    layered_tree_oci_zstd => "oci-zstd",
    layered_tree_oci_uncompressed => "oci-tar",
    layered_tree_docker_gzip => "docker-gzip",
    layered_tree_docker_uncompressed => "docker-tar",
    layered_tree_oci_mixed => "oci-mixed",
}

/// The same tree through each storage driver, forced (`HUTCH_STORAGE_DRIVER`, as
/// `--storage-driver`): native overlay, the fuse-overlayfs program, and vfs copies.
fn check_driver(driver: &str) {
    let mut ctx = TestContext::new(&format!("tree-driver-{driver}"));
    ctx.set_env("HUTCH_STORAGE_DRIVER", driver);
    let out = ctx.hutch(["info", "--format", "json"]).run().success();
    assert!(
        out.stdout.contains(&format!("\"{driver}\"")),
        "info should report driver {driver}: {}",
        out.stdout
    );
    let img = layered("oci-mixed");
    check_with(ctx, &img.plain(), &apply(layered_layers()));
}

#[test]
fn layered_tree_with_overlay() {
    check_driver("overlay");
}

#[test]
fn layered_tree_with_fuse_overlayfs() {
    crate::harness::require("fuse-overlayfs", "fuse-overlayfs");
    check_driver("fuse-overlayfs");
}

#[test]
fn layered_tree_with_vfs() {
    check_driver("vfs");
}

#[test]
fn expected_tree_model_is_right() {
    // The model itself, on the facts the layers were written to exercise.
    let t = apply(layered_layers());
    for gone in [
        "data/rm-file",
        "data/gone/sub",
        "data/gone/g.txt",
        "data/replace/old1",
        "data/replace/olddir/x",
        "data/replace/new-only",
        "data/d2f/child",
        "data/new-hl-2",
        "data/keep/a.txt",
        "owners/odd-link",
        "bin",
        "bin/tool",
    ] {
        assert!(!t.contains_key(gone), "{gone} should be gone");
    }
    assert_eq!(t["data/gone"].mode, 0o711);
    assert_eq!(t["data/f2d"].ty, 'd');
    assert_eq!(t["data/d2f"].ty, 'f');
    assert_eq!(t["data/file-to-link"].ty, 'l');
    assert_eq!((t["data/keep"].uid, t["data/keep"].mode), (1000, 0o750));
    assert_eq!(t["modes/suid-user"].mode, 0o4750);
    assert!(t.contains_key("data/replace/third") && t.contains_key("data/keep/hl-b"));
    assert_eq!(t["data/keep/hl-a"].group, t["data/keep/hl-b"].group);
}

/// The container's `/` keeps the image's root mode (555 here), and the container can still
/// write where the image lets it (issue: `/` was always 755).
#[test]
fn container_root_keeps_the_images_mode() {
    crate::harness::require("runc", "runc");
    let ctx = TestContext::new("rootfs-root-mode");
    let mut entries = vec![crate::oci::dir(".", 0o555)];
    entries.extend(busybox_layer().entries.iter().cloned());
    let (pushed, _) = crate::oci::push_image(
        "hutch-it/root555",
        "latest",
        &crate::oci::Spec::default(),
        vec![(crate::oci::layer(entries), crate::oci::Comp::Gzip)],
    );
    let img = pushed.plain();
    pull(&ctx, &img).success();
    let out = ctx
        .hutch([
            "run",
            "--rm",
            &img,
            "sh",
            "-c",
            "stat -c %a /; touch /tmp/x && echo wrote",
        ])
        .run()
        .success();
    assert_eq!(out.stdout, "555\nwrote\n");
}
