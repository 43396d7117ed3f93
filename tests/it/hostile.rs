//! Hostile layers are refused with an error naming the layer digest and the entry, and nothing is
//! written outside the layer directory (the canary directory stays as it was).

use crate::fixtures::{canary_state, hostile};
use crate::harness::TestContext;
use crate::{image_ids, pull, staging_leftovers};
use std::path::Path;

/// Files anywhere under `dir` whose name says they escaped.
fn escaped_files(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return found;
    };
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let p = e.path();
        if name.contains("escape") || name.contains("pwned") {
            found.push(p.display().to_string());
        }
        if e.file_type().map(|t| t.is_dir()).unwrap_or(false) {
            found.extend(escaped_files(&p));
        }
    }
    found
}

fn refused(tag: &str) {
    let before = canary_state();
    let (img, entry) = hostile(tag);
    let ctx = TestContext::new(&format!("hostile-{tag}"));
    let out = pull(&ctx, &img.plain()).code(125).one_line_error();
    let err = out.stderr.to_lowercase();
    let blob = img.blobs[0].trim_start_matches("sha256:");
    let diff = img.diff_ids[0].trim_start_matches("sha256:");
    assert!(
        err.contains(&blob[..12]) || err.contains(&diff[..12]),
        "the error should name the layer digest ({} or diff_id {}):\n{}",
        img.blobs[0],
        img.diff_ids[0],
        out.stderr
    );
    assert!(
        out.stderr.contains(&entry),
        "the error should name the entry {entry:?}:\n{}",
        out.stderr
    );
    assert_eq!(
        canary_state(),
        before,
        "a hostile layer wrote outside the layer directory"
    );
    assert!(
        image_ids(&ctx).is_empty(),
        "a refused image must not be visible"
    );
    assert!(
        staging_leftovers(&ctx).is_empty(),
        "staging left behind: {:?}",
        staging_leftovers(&ctx)
    );
    let escaped = escaped_files(&ctx.dir);
    assert!(
        escaped.is_empty(),
        "files escaped the layer directory: {escaped:?}"
    );
    let escaped = escaped_files(&crate::harness::session().dir.join("canary"));
    assert!(
        escaped.is_empty(),
        "files escaped into the canary directory: {escaped:?}"
    );
}

macro_rules! hostile_tests {
    ($($name:ident => $tag:literal,)*) => {$(
        #[test]
        fn $name() {
            refused($tag);
        }
    )*};
}

hostile_tests! {
    refuses_dotdot => "dotdot",
    refuses_deep_dotdot => "dotdot-deep",
    refuses_inner_dotdot => "dotdot-inner",
    refuses_absolute_path => "absolute",
    refuses_symlink_parent => "symlink-parent",
    refuses_relative_symlink_parent => "symlink-parent-relative",
    refuses_hardlink_dotdot => "hardlink-dotdot",
    refuses_hardlink_absolute => "hardlink-absolute",
    refuses_hardlink_via_symlink => "hardlink-via-symlink",
    refuses_device_node => "chardev",
}

#[test]
fn every_hostile_case_has_a_test() {
    let cases: Vec<&str> = crate::fixtures::hostile_cases()
        .iter()
        .map(|c| c.0)
        .collect();
    let src = include_str!("hostile.rs");
    for c in cases {
        assert!(
            src.contains(&format!("=> \"{c}\"")),
            "hostile case {c} has no test"
        );
    }
}
