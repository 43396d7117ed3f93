//! `kill -9` in the middle of a pull leaves no visible image, and the next pull completes.

use crate::fixtures::{big, busybox};
use crate::harness::TestContext;
use crate::{image_ids, layer_dirs, pull, staging_leftovers};
use std::time::{Duration, Instant};

/// Waits until the pull has started writing layer data (something in the staging area), or
/// `max` has passed, lets it run for `after` more, then kills it. Returns how long the pull had run.
fn kill_mid_pull(ctx: &TestContext, reference: &str, max: Duration, after: Duration) -> Duration {
    let mut run = ctx.hutch(["pull", "--tls-verify=false", reference]).spawn();
    let start = Instant::now();
    while start.elapsed() < max && run.alive() && staging_leftovers(ctx).is_empty() {
        std::thread::sleep(Duration::from_millis(5));
    }
    let staged = start.elapsed();
    // Let it write a little into the staging directory before pulling the plug.
    std::thread::sleep(after);
    eprintln!(
        "pull of {reference}: staging seen after {staged:?}, killing at {:?}",
        start.elapsed()
    );
    if !run.alive() {
        let out = run.wait();
        panic!("the pull ended before it could be killed (if it succeeded, make the layer bigger with HUTCH_IT_BIG_MB): {out:?}");
    }
    run.kill9();
    let elapsed = start.elapsed();
    let out = run.wait();
    assert_eq!(
        out.signal,
        Some(9),
        "pull should have died by SIGKILL: {out:?}"
    );
    elapsed
}

#[test]
fn kill_9_during_pull_leaves_no_half_image() {
    let ctx = TestContext::new("kill9");
    let img = big();
    let small = busybox();
    pull(&ctx, &small.plain()).success();

    kill_mid_pull(
        &ctx,
        &img.plain(),
        Duration::from_secs(20),
        Duration::from_millis(100),
    );
    assert_eq!(
        image_ids(&ctx),
        vec![small.id.clone()],
        "no half image may be visible after kill -9"
    );
    ctx.hutch(["image", "exists", &img.plain()]).run().code(1);

    // Once more, later in the pull, then complete it.
    kill_mid_pull(
        &ctx,
        &img.plain(),
        Duration::from_secs(20),
        Duration::from_millis(600),
    );
    assert_eq!(image_ids(&ctx), vec![small.id.clone()]);

    let out = pull(&ctx, &img.plain()).success();
    assert_eq!(out.stdout.trim(), img.id);
    let mut ids = vec![small.id.clone(), img.id.clone()];
    ids.sort();
    assert_eq!(image_ids(&ctx), ids);
    assert!(
        staging_leftovers(&ctx).is_empty(),
        "stale staging dirs of killed pulls should be cleaned: {:?}",
        staging_leftovers(&ctx)
    );
    // The big file arrived whole.
    let mnt = crate::tree::mount(&ctx, &img.plain());
    let out = ctx
        .hutch(["unshare", "stat", "-c", "%s", &format!("{mnt}/big.bin")])
        .run()
        .success();
    let want: u64 = std::env::var("HUTCH_IT_BIG_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
        << 20;
    assert_eq!(out.stdout.trim(), want.to_string());
    ctx.hutch(["image", "unmount", &img.plain()])
        .run()
        .success();
    // Removing it leaves just busybox's layer.
    ctx.hutch(["rmi", &img.plain()]).run().success();
    assert_eq!(
        layer_dirs(&ctx).len(),
        1,
        "only busybox's layer should remain: {:?}",
        layer_dirs(&ctx)
    );
}
