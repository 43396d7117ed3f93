//! Twenty hutch processes pulling, listing and removing at once all succeed (no "database is
//! locked"), and the store they leave is consistent: exactly the expected images, no orphan layer
//! directories, nothing left in staging.

use crate::fixtures::stack;
use crate::harness::TestContext;
use crate::{image_ids, image_names, layer_dirs, pull, staging_leftovers};
use std::collections::BTreeSet;

#[test]
fn twenty_processes_at_once() {
    let ctx = TestContext::new("concurrent");
    // s1..s6 are removed while s7..s12 are pulled (s7 and s8 twice each); every one shares the
    // busybox layer, so removal and reuse of that layer race.
    let doomed: Vec<_> = (1..=6).map(stack).collect();
    let wanted: Vec<_> = (7..=12).map(stack).collect();
    for img in &doomed {
        pull(&ctx, &img.plain()).success();
    }

    let mut running = Vec::new();
    for img in &doomed {
        running.push(ctx.hutch(["rmi", &img.plain()]).spawn());
    }
    for img in wanted.iter().chain(&wanted[..2]) {
        running.push(
            ctx.hutch(["pull", "-q", "--tls-verify=false", &img.plain()])
                .spawn(),
        );
    }
    for i in 0..6 {
        let args: &[&str] = if i % 2 == 0 {
            &["images"]
        } else {
            &["images", "-a", "--no-trunc"]
        };
        running.push(ctx.hutch(args).spawn());
    }
    assert_eq!(running.len(), 20);
    let outs: Vec<_> = running.into_iter().map(|r| r.wait()).collect();
    let failed: Vec<String> = outs
        .iter()
        .filter(|o| o.code != Some(0))
        .map(|o| format!("{} -> {:?}/{:?}\n{}", o.cmdline, o.code, o.signal, o.stderr))
        .collect();
    assert!(
        failed.is_empty(),
        "{} of 20 concurrent commands failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
    for o in &outs {
        assert!(
            !o.stderr.contains("database is locked"),
            "{}: {}",
            o.cmdline,
            o.stderr
        );
    }

    let mut expected_names: Vec<String> = wanted.iter().map(|i| i.plain()).collect();
    expected_names.sort();
    assert_eq!(image_names(&ctx), expected_names, "images after the storm");
    let mut expected_ids: Vec<String> = wanted.iter().map(|i| i.id.clone()).collect();
    expected_ids.sort();
    assert_eq!(image_ids(&ctx), expected_ids);
    let diff_ids: BTreeSet<&String> = wanted.iter().flat_map(|i| &i.diff_ids).collect();
    assert_eq!(
        layer_dirs(&ctx).len(),
        diff_ids.len(),
        "one layer directory per distinct layer of the remaining images (no orphans): {:?}",
        layer_dirs(&ctx)
    );
    assert!(
        staging_leftovers(&ctx).is_empty(),
        "staging left behind: {:?}",
        staging_leftovers(&ctx)
    );

    // Every remaining image is intact: its layers mount and hold the right files.
    for img in &wanted {
        let mnt = crate::tree::mount(&ctx, &img.plain());
        let n = img.tag.trim_start_matches('s');
        let out = ctx
            .hutch([
                "unshare",
                "chroot",
                &mnt,
                "/bin/sh",
                "-c",
                "cat /etc/stack-id; busybox true",
            ])
            .run()
            .success();
        assert_eq!(out.stdout.trim(), n);
    }
}

/// Listing while containers are created, as many short processes at once: every `create` writes
/// and some empty the WAL while `ps` processes read it. All succeed and no container is lost.
#[test]
fn parallel_ps_while_creating() {
    let ctx = TestContext::new("concurrent-ps");
    let img = stack(1).plain();
    pull(&ctx, &img).success();
    const N: usize = 24;
    let mut running = Vec::new();
    for i in 0..N {
        running.push(
            ctx.hutch(["create", "--name", &format!("c{i}"), &img, "true"])
                .spawn(),
        );
        running.push(ctx.hutch(["ps", "-a", "--format", "{{.Names}}"]).spawn());
    }
    let outs: Vec<_> = running.into_iter().map(|r| r.wait()).collect();
    let failed: Vec<String> = outs
        .iter()
        .filter(|o| o.code != Some(0) || o.stderr.contains("database is locked"))
        .map(|o| format!("{} -> {:?}/{:?}\n{}", o.cmdline, o.code, o.signal, o.stderr))
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} concurrent commands failed:\n{}",
        failed.len(),
        2 * N,
        failed.join("\n")
    );
    let ps = ctx
        .hutch(["ps", "-a", "--format", "{{.Names}}"])
        .run()
        .success();
    let mut names: Vec<&str> = ps.stdout.lines().collect();
    names.sort();
    let mut expected: Vec<String> = (0..N).map(|i| format!("c{i}")).collect();
    expected.sort();
    assert_eq!(names, expected, "containers after the storm");
}
