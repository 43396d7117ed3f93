//! Containers end to end with the real runtime (runc) and monitor, as the unprivileged test
//! user: run, exit codes, detached containers with logs/exec/stop/rm, ps, crash and reboot
//! reconciliation, and many hutch processes creating and removing containers at once.

use crate::fixtures::busybox;
use crate::harness::{require, TestContext};
use crate::pull;

/// A context with busybox pulled; returns the image reference.
fn setup(name: &str) -> (TestContext, String) {
    require("runc", "runc");
    let ctx = TestContext::new(name);
    let img = busybox().plain();
    pull(&ctx, &img).success();
    (ctx, img)
}

#[test]
fn run_rm_echo_prints_hello() {
    let (ctx, img) = setup("ctr-hello");
    let out = ctx
        .hutch(["run", "--rm", &img, "echo", "hello"])
        .run()
        .success();
    assert_eq!(out.stdout, "hello\n", "{}", out.stderr);
    let ps = ctx.hutch(["ps", "-a", "-q"]).run().success();
    assert_eq!(ps.stdout_trim(), "", "--rm removed the container");
}
