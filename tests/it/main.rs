//! Black-box tests of the real `hutch` binary, run as an unprivileged user against real local
//! registries, real user namespaces and real overlay mounts. See `harness` for the rules: a missing
//! prerequisite fails a test with the command that fixes it; nothing is skipped.

mod fixtures;
mod harness;
mod oci;
mod registry;
mod tree;

mod api;
mod archive;
mod auth_token;
mod basics;
mod build;
mod build_cache;
mod build_flags;
mod build_live;
mod build_remote_auth;
mod build_roundtrip;
mod build_sources;
mod cli_gaps;
mod cli_gaps_2;
mod cli_gaps_3;
mod concurrent;
mod containers;
mod containers_extra;
mod health;
mod hostile;
mod image_cmds;
mod images;
mod interrupt;
mod network;
mod network_attach;
mod networks;
mod pause;
mod podman_compat;
mod pods;
mod pull;
mod push;
mod restart;
mod rig;
mod rootfs;
mod rootfs_root;
mod runtime;
mod runtime_tools;
mod stats;
mod systemd_units;
mod userns;
mod volumes;

use harness::{Output, TestContext};

/// `hutch pull --tls-verify=false REF` (the plain HTTP registry).
pub fn pull(ctx: &TestContext, reference: &str) -> Output {
    ctx.hutch(["pull", "--tls-verify=false", reference]).run()
}

/// A test context (runc required) with the busybox test image pulled; the image's reference.
pub fn busybox_context(name: &str) -> (TestContext, String) {
    harness::require("runc", "runc");
    let ctx = TestContext::new(name);
    let img = fixtures::busybox().plain();
    pull(&ctx, &img).success();
    (ctx, img)
}

/// Names of the layer directories in the context's store (`graphroot/layers/*`).
pub fn layer_dirs(ctx: &TestContext) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(ctx.graphroot().join("layers"))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Entries left in the staging area (`graphroot/tmp/*`).
pub fn staging_leftovers(ctx: &TestContext) -> Vec<String> {
    std::fs::read_dir(ctx.graphroot().join("tmp"))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// `REPO:TAG` names hutch lists (`images --format {{.Repository}}:{{.Tag}}`), sorted.
pub fn image_names(ctx: &TestContext) -> Vec<String> {
    let out = ctx
        .hutch(["images", "--format", "{{.Repository}}:{{.Tag}}"])
        .run()
        .success();
    let mut v: Vec<String> = out
        .stdout
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    v.sort();
    v
}

/// Full image IDs hutch lists (`images -q --no-trunc`, `sha256:` prefix removed), sorted, unique.
pub fn image_ids(ctx: &TestContext) -> Vec<String> {
    let out = ctx.hutch(["images", "-q", "--no-trunc"]).run().success();
    let mut v: Vec<String> = out
        .stdout
        .lines()
        .map(|l| l.trim().trim_start_matches("sha256:").to_string())
        .filter(|l| !l.is_empty())
        .collect();
    v.sort();
    v.dedup();
    v
}
