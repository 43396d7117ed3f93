//! Self-checks of the rig with an independent real client (skopeo): the test images are valid
//! and the auth and TLS registries behave as the hutch tests assume. When one of these fails, the
//! hutch tests that use the same image or registry say nothing about hutch.

use crate::fixtures::{busybox, hostile, layered, multiarch, LAYERED_VARIANTS};
use crate::harness::{require, session};
use crate::oci::Format;
use crate::registry::{registries, AUTH_PASS, AUTH_USER};
use std::process::Command;

fn skopeo_copy(args: &[&str], src: &str) -> std::process::Output {
    let skopeo = require("skopeo", "skopeo");
    let dst = session()
        .dir
        .join(format!("skopeo-{}", src.replace(['/', ':', '@'], "_")));
    let _ = std::fs::remove_dir_all(&dst);
    let out = Command::new(skopeo)
        .arg("--insecure-policy")
        .arg("copy")
        .args(args)
        .arg(format!("docker://{src}"))
        .arg(format!("oci:{}:x", dst.display()))
        .env("HOME", session().dir.join("skopeo-home"))
        .output()
        .expect("run skopeo");
    let _ = std::fs::remove_dir_all(&dst);
    out
}

#[track_caller]
fn ok(out: std::process::Output, what: &str) {
    assert!(
        out.status.success(),
        "skopeo {what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn test_images_are_valid_for_skopeo() {
    ok(
        skopeo_copy(&["--src-tls-verify=false"], &busybox().plain()),
        "busybox",
    );
    for (v, ..) in LAYERED_VARIANTS {
        ok(
            skopeo_copy(&["--src-tls-verify=false"], &layered(v).plain()),
            v,
        );
    }
    for f in [Format::Oci, Format::Docker] {
        let m = multiarch(f);
        let host = registries().plain.host();
        ok(
            skopeo_copy(
                &["--src-tls-verify=false", "--all"],
                &format!("{host}/multiarch:{}", m.tag),
            ),
            "multiarch",
        );
    }
    // Hostile layers are well-formed blobs (their content is the problem, not their digests).
    ok(
        skopeo_copy(&["--src-tls-verify=false"], &hostile("dotdot").0.plain()),
        "hostile",
    );
}

#[test]
fn auth_registry_wants_credentials() {
    let reference = busybox().on(&registries().auth.host());
    let out = skopeo_copy(&["--src-tls-verify=false"], &reference);
    assert!(
        !out.status.success(),
        "the auth registry let an anonymous client in"
    );
    let creds = format!("{AUTH_USER}:{AUTH_PASS}");
    ok(
        skopeo_copy(
            &["--src-tls-verify=false", "--src-creds", &creds],
            &reference,
        ),
        "auth with creds",
    );
}

#[test]
fn tls_registry_needs_the_test_ca() {
    let reference = busybox().on(&registries().tls.host());
    let out = skopeo_copy(&[], &reference);
    assert!(
        !out.status.success(),
        "the TLS registry's certificate was trusted without the test CA"
    );
    let ca = registries().ca_dir.display().to_string();
    ok(
        skopeo_copy(&["--src-cert-dir", &ca], &reference),
        "TLS with the CA",
    );
}
