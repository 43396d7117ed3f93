//! `kill -9` in the middle of a pull leaves no visible image, and the next pull completes.

use crate::fixtures::{big, busybox};
use crate::harness::TestContext;
use crate::{image_ids, layer_dirs, pull, staging_leftovers};
use std::path::Path;
use std::time::{Duration, Instant};

/// Size of the biggest `big.bin` under `dir` (the file being unpacked), 0 when there is none.
fn big_bin_size(dir: &Path) -> u64 {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut best = 0;
    for e in rd.flatten() {
        let Ok(md) = std::fs::symlink_metadata(e.path()) else {
            continue;
        };
        if md.is_dir() {
            best = best.max(big_bin_size(&e.path()));
        } else if e.file_name() == "big.bin" {
            best = best.max(md.len());
        }
    }
    best
}

/// Starts a pull and kills it with SIGKILL once a new staging directory holds at least `bytes`
/// of the big layer's file: mid-layer, however fast the machine is.
fn kill_mid_pull(ctx: &TestContext, reference: &str, bytes: u64) {
    let before: Vec<String> = staging_leftovers(ctx);
    let mut run = ctx.hutch(["pull", "--tls-verify=false", reference]).spawn();
    let start = Instant::now();
    let tmp = ctx.graphroot().join("tmp");
    let written = || {
        staging_leftovers(ctx)
            .iter()
            .filter(|e| !before.contains(e))
            .map(|e| big_bin_size(&tmp.join(e)))
            .max()
            .unwrap_or(0)
    };
    while start.elapsed() < Duration::from_secs(60) && run.alive() && written() < bytes {
        std::thread::sleep(Duration::from_millis(2));
    }
    let seen = written();
    if !run.alive() {
        let out = run.wait();
        panic!(
            "the pull ended before {bytes} bytes were staged ({seen} seen; if it succeeded, make the layer \
             bigger with HUTCH_IT_BIG_MB, or hutch stages elsewhere than graphroot/tmp): {out:?}"
        );
    }
    assert!(
        seen >= bytes,
        "no staged data after 60 s: is hutch staging layers in graphroot/tmp?"
    );
    run.kill9();
    let out = run.wait();
    assert_eq!(
        out.signal,
        Some(9),
        "pull should have died by SIGKILL: {out:?}"
    );
    eprintln!(
        "killed the pull of {reference} after {:?}, {seen} bytes staged",
        start.elapsed()
    );
}

#[test]
fn kill_9_during_pull_leaves_no_half_image() {
    let ctx = TestContext::new("kill9");
    let img = big();
    let small = busybox();
    pull(&ctx, &small.plain()).success();

    kill_mid_pull(&ctx, &img.plain(), 1);
    assert_eq!(
        image_ids(&ctx),
        vec![small.id.clone()],
        "no half image may be visible after kill -9"
    );
    ctx.hutch(["image", "exists", &img.plain()]).run().code(1);

    // Once more, later in the pull, then complete it.
    kill_mid_pull(&ctx, &img.plain(), 100 << 20);
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
