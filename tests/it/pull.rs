//! Pulling from the real local registries: plain HTTP, htpasswd auth (flag, auth.json, docker
//! config), TLS with a test CA, registries.conf (insecure, short names, mirrors), digests, manifest
//! lists and platforms.

use crate::fixtures::{busybox, layered, multiarch, stack};
use crate::harness::TestContext;
use crate::oci::Format;
use crate::registry::{registries, AUTH_PASS, AUTH_USER};
use crate::{image_ids, image_names, layer_dirs, pull, staging_leftovers};

fn b64(s: &str) -> String {
    use std::fmt::Write;
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let b = s.as_bytes();
    let mut out = String::new();
    for c in b.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= c.len() {
                out.write_char(T[(n >> (18 - 6 * i) & 63) as usize] as char)
                    .unwrap();
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn base64_helper() {
    assert_eq!(b64("user:pass"), "dXNlcjpwYXNz");
    assert_eq!(b64("ab"), "YWI=");
}

#[test]
fn pull_busybox_over_plain_http_and_run_it() {
    let ctx = TestContext::new("pull-busybox");
    let img = busybox();
    let out = pull(&ctx, &img.plain()).success();
    assert_eq!(
        out.stdout.trim(),
        img.id,
        "without a terminal, pull prints just the image ID"
    );
    assert_eq!(image_names(&ctx), vec![img.plain()]);
    assert_eq!(image_ids(&ctx), vec![img.id.clone()]);
    ctx.hutch(["image", "exists", &img.plain()]).run().success();
    assert_eq!(layer_dirs(&ctx).len(), 1, "busybox has one layer");
    assert!(
        staging_leftovers(&ctx).is_empty(),
        "staging area should be empty after a pull: {:?}",
        staging_leftovers(&ctx)
    );

    // Run busybox from the mounted image: chroot inside the user namespace.
    let mnt = crate::tree::mount(&ctx, &img.plain());
    let out = ctx
        .hutch([
            "unshare",
            "chroot",
            &mnt,
            "/bin/sh",
            "-c",
            "echo hello from busybox; id -u; ls /bin/busybox",
        ])
        .run()
        .success();
    assert_eq!(out.stdout, "hello from busybox\n0\n/bin/busybox\n");
    ctx.hutch(["image", "unmount", &img.plain()])
        .run()
        .success();

    // Pulling again is a no-op that prints the same ID and stores nothing new. (`image
    // mount` above added a derived layer, `<layer>.root-...`, beside the one real layer.)
    let before = layer_dirs(&ctx);
    assert_eq!(
        before.iter().filter(|d| !d.contains('.')).count(),
        1,
        "{before:?}"
    );
    let out = ctx
        .hutch(["pull", "-q", "--tls-verify=false", &img.plain()])
        .run()
        .success();
    assert_eq!(out.stdout.trim(), img.id);
    assert_eq!(layer_dirs(&ctx), before);
}

#[test]
fn pull_by_digest() {
    let ctx = TestContext::new("pull-digest");
    let img = busybox();
    let reference = format!("{}/{}@{}", registries().plain.host(), img.repo, img.digest);
    let out = pull(&ctx, &reference).success();
    assert_eq!(out.stdout.trim(), img.id);
    let out = ctx
        .hutch(["images", "--digests", "--no-trunc"])
        .run()
        .success();
    assert!(
        out.stdout.contains(&img.digest),
        "images --digests should show {}:\n{}",
        img.digest,
        out.stdout
    );
}

#[test]
fn plain_http_needs_tls_verify_false() {
    let ctx = TestContext::new("pull-https-required");
    let img = busybox();
    ctx.hutch(["pull", &img.plain()])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&[&registries().plain.host()]);
    assert!(image_ids(&ctx).is_empty());
}

#[test]
fn registries_conf_insecure_and_short_names() {
    let ctx = TestContext::new("pull-regconf");
    let img = busybox();
    let host = registries().plain.host();
    ctx.write_file(
        &ctx.config_home.join("containers/registries.conf"),
        format!("unqualified-search-registries = [\"{host}\"]\n\n[[registry]]\nlocation = \"{host}\"\ninsecure = true\n"),
    );
    // insecure = true: no --tls-verify flag needed.
    let out = ctx.hutch(["pull", &img.plain()]).run().success();
    assert_eq!(out.stdout.trim(), img.id);
    // A short name resolves through unqualified-search-registries.
    let other = stack(20);
    let out = ctx.hutch(["pull", "stack:s20"]).run().success();
    assert_eq!(out.stdout.trim(), other.id);
    assert!(
        image_names(&ctx).contains(&other.plain()),
        "short name should be stored fully qualified: {:?}",
        image_names(&ctx)
    );
}

#[test]
fn auth_with_creds_flag() {
    let ctx = TestContext::new("auth-creds");
    let img = busybox();
    let reference = img.on(&registries().auth.host());
    ctx.hutch(["pull", "--tls-verify=false", &reference])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&[&registries().auth.host()]);
    ctx.hutch([
        "pull",
        "--tls-verify=false",
        "--creds",
        &format!("{AUTH_USER}:wrong"),
        &reference,
    ])
    .run()
    .code(125)
    .one_line_error();
    assert!(
        image_ids(&ctx).is_empty(),
        "failed pulls must not leave images"
    );
    let out = ctx
        .hutch([
            "pull",
            "--tls-verify=false",
            "--creds",
            &format!("{AUTH_USER}:{AUTH_PASS}"),
            &reference,
        ])
        .run()
        .success();
    assert_eq!(out.stdout.trim(), img.id);
}

#[test]
fn auth_from_auth_json() {
    let ctx = TestContext::new("auth-json");
    let img = busybox();
    let host = registries().auth.host();
    ctx.write_file(
        &ctx.runtime_dir.join("containers/auth.json"),
        format!(
            "{{\"auths\":{{\"{host}\":{{\"auth\":\"{}\"}}}}}}",
            b64(&format!("{AUTH_USER}:{AUTH_PASS}"))
        ),
    );
    let out = ctx
        .hutch(["pull", "--tls-verify=false", &img.on(&host)])
        .run()
        .success();
    assert_eq!(out.stdout.trim(), img.id);
}

#[test]
fn auth_from_docker_config() {
    let ctx = TestContext::new("auth-docker");
    let img = busybox();
    let host = registries().auth.host();
    ctx.write_file(
        &ctx.home.join(".docker/config.json"),
        format!(
            "{{\"auths\":{{\"{host}\":{{\"auth\":\"{}\"}}}}}}",
            b64(&format!("{AUTH_USER}:{AUTH_PASS}"))
        ),
    );
    let out = ctx
        .hutch(["pull", "--tls-verify=false", &img.on(&host)])
        .run()
        .success();
    assert_eq!(out.stdout.trim(), img.id);
}

#[test]
fn auth_from_authfile_flag() {
    let ctx = TestContext::new("auth-file");
    let img = busybox();
    let host = registries().auth.host();
    let file = ctx.dir.join("my-auth.json");
    ctx.write_file(
        &file,
        format!(
            "{{\"auths\":{{\"{host}\":{{\"auth\":\"{}\"}}}}}}",
            b64(&format!("{AUTH_USER}:{AUTH_PASS}"))
        ),
    );
    let out = ctx
        .hutch(["pull", "--tls-verify=false", "--authfile"])
        .arg(&file)
        .arg(img.on(&host))
        .run()
        .success();
    assert_eq!(out.stdout.trim(), img.id);
}

#[test]
fn tls_with_cert_dir() {
    let ctx = TestContext::new("tls-certdir");
    let img = busybox();
    let reference = img.on(&registries().tls.host());
    let out = ctx
        .hutch(["pull", "--cert-dir"])
        .arg(&registries().ca_dir)
        .arg(&reference)
        .run()
        .success();
    assert_eq!(out.stdout.trim(), img.id);
}

#[test]
fn tls_without_the_ca_fails_with_a_certificate_error() {
    let ctx = TestContext::new("tls-noca");
    let img = busybox();
    let reference = img.on(&registries().tls.host());
    ctx.hutch(["pull", &reference])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&["certificate"]);
    assert!(image_ids(&ctx).is_empty());
    // --tls-verify=false accepts the unknown certificate.
    let out = ctx
        .hutch(["pull", "--tls-verify=false", &reference])
        .run()
        .success();
    assert_eq!(out.stdout.trim(), img.id);
}

#[test]
fn tls_ca_from_config_dir() {
    // podman also reads $XDG_CONFIG_HOME/containers/certs.d/HOST:PORT/*.crt
    let ctx = TestContext::new("tls-certsd");
    let img = busybox();
    let host = registries().tls.host();
    let ca = std::fs::read(registries().ca_dir.join("ca.crt")).unwrap();
    ctx.write_file(
        &ctx.config_home
            .join(format!("containers/certs.d/{host}/ca.crt")),
        ca,
    );
    let out = ctx.hutch(["pull", &img.on(&host)]).run().success();
    assert_eq!(out.stdout.trim(), img.id);
}

fn check_multiarch(format: Format) {
    let ctx = TestContext::new(&format!("multiarch-{format:?}"));
    let m = multiarch(format);
    let host = registries().plain.host();
    let reference = format!("{host}/multiarch:{}", m.tag);
    let out = pull(&ctx, &reference).success();
    assert_eq!(
        out.stdout.trim(),
        m.amd64.id,
        "default platform should be linux/amd64"
    );
    let out = ctx
        .hutch(["pull", "--tls-verify=false", "--arch", "arm64", &reference])
        .run()
        .success();
    assert_eq!(out.stdout.trim(), m.arm64.id, "--arch arm64");
    let ctx2 = TestContext::new(&format!("multiarch-platform-{format:?}"));
    let out = ctx2
        .hutch([
            "pull",
            "--tls-verify=false",
            "--platform",
            "linux/arm64/v8",
            &reference,
        ])
        .run()
        .success();
    assert_eq!(out.stdout.trim(), m.arm64.id, "--platform linux/arm64/v8");
    let inspect = ctx2.hutch(["image", "inspect", &reference]).run().success();
    let v: serde_json::Value = serde_json::from_str(&inspect.stdout).unwrap();
    assert_eq!(v[0]["Architecture"], "arm64", "{}", inspect.stdout);
    ctx2.hutch([
        "pull",
        "--tls-verify=false",
        "--platform",
        "linux/s390x",
        &reference,
    ])
    .run()
    .code(125)
    .one_line_error()
    .stderr_has(&["s390x"]);
    // The index digest pulls too, and is recorded.
    let ctx3 = TestContext::new(&format!("multiarch-digest-{format:?}"));
    let out = pull(&ctx3, &format!("{host}/multiarch@{}", m.index_digest)).success();
    assert_eq!(out.stdout.trim(), m.amd64.id);
}

#[test]
fn manifest_list_docker() {
    check_multiarch(Format::Docker);
}

#[test]
fn oci_index() {
    check_multiarch(Format::Oci);
}

#[test]
fn layers_are_shared_between_images() {
    let ctx = TestContext::new("shared-layers");
    let (a, b) = (stack(21), stack(22));
    pull(&ctx, &a.plain()).success();
    pull(&ctx, &b.plain()).success();
    assert_eq!(
        layer_dirs(&ctx).len(),
        3,
        "busybox layer stored once, plus one own layer each"
    );
    ctx.hutch(["rmi", &a.plain()]).run().success();
    assert_eq!(
        layer_dirs(&ctx).len(),
        2,
        "the shared layer stays while used"
    );
    let mnt = crate::tree::mount(&ctx, &b.plain());
    let out = ctx
        .hutch(["unshare", "chroot", &mnt, "/bin/cat", "/etc/stack-id"])
        .run()
        .success();
    assert_eq!(out.stdout, "22\n");
    ctx.hutch(["image", "unmount", &b.plain()]).run().success();
    ctx.hutch(["rmi", &b.plain()]).run().success();
    assert!(
        layer_dirs(&ctx).is_empty(),
        "no layer dirs once no image uses them: {:?}",
        layer_dirs(&ctx)
    );
}

#[test]
fn all_layer_formats_pull() {
    // Every variant in one store: the same diff_ids arrive gzip, zstd and uncompressed, and are
    // stored once.
    let ctx = TestContext::new("all-variants");
    let mut ids = Vec::new();
    for (variant, ..) in crate::fixtures::LAYERED_VARIANTS {
        let img = layered(variant);
        let out = pull(&ctx, &img.plain()).success();
        assert_eq!(out.stdout.trim(), img.id, "pull layered:{variant}");
        ids.push(img.id);
    }
    ids.sort();
    assert_eq!(image_ids(&ctx), ids);
    assert_eq!(
        layer_dirs(&ctx).len(),
        3,
        "three distinct diff_ids: {:?}",
        layer_dirs(&ctx)
    );
}

#[test]
fn progress_on_a_terminal() {
    // `script` gives hutch a pseudo-terminal: per-layer progress, then the ID.
    let ctx = TestContext::new("pull-tty");
    let img = crate::fixtures::layered("oci-gzip");
    let cmd = format!(
        "{} pull --tls-verify=false {}",
        crate::harness::hutch_bin().display(),
        img.plain()
    );
    let out = ctx
        .command("script")
        .args(["-qefc", &cmd, "/dev/null"])
        .run()
        .success();
    for blob in &img.blobs {
        let short = &blob["sha256:".len()..]["".len()..12];
        assert!(
            out.stdout.contains(short),
            "progress should name layer {short}:\n{}",
            out.stdout
        );
    }
    assert!(
        out.stdout.trim_end().ends_with(&img.id),
        "the ID comes last:\n{}",
        out.stdout
    );
}

/// `127.0.0.1:PORT` with nothing listening (a port just bound and released).
fn closed_host() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    let port = l.local_addr().unwrap().port();
    drop(l);
    format!("127.0.0.1:{port}")
}

#[test]
fn mirror_serves_an_unreachable_registry() {
    let ctx = TestContext::new("mirror-used");
    let img = busybox();
    let dead = closed_host();
    let mirror = registries().plain.host();
    ctx.write_file(
        &ctx.config_home.join("containers/registries.conf"),
        format!(
            "[[registry]]\nlocation = \"{dead}\"\ninsecure = true\n\n\
             [[registry.mirror]]\nlocation = \"{mirror}\"\ninsecure = true\n"
        ),
    );
    let reference = img.on(&dead);
    let out = ctx.hutch(["pull", &reference]).run().success();
    assert_eq!(out.stdout.trim(), img.id, "pulled through the mirror");
    // As podman: the image is known by the name asked for, not the mirror's.
    assert_eq!(image_names(&ctx), vec![reference.clone()]);
    ctx.hutch(["image", "exists", &reference]).run().success();

    // Without the mirror the same pull fails, naming the registry: the mirror did the work.
    let ctx2 = TestContext::new("mirror-none");
    ctx2.write_file(
        &ctx2.config_home.join("containers/registries.conf"),
        format!("[[registry]]\nlocation = \"{dead}\"\ninsecure = true\n"),
    );
    ctx2.hutch(["pull", &reference])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&[&dead]);
}

#[test]
fn mirror_down_falls_back_to_the_location() {
    let ctx = TestContext::new("mirror-down");
    let img = busybox();
    let dead = closed_host();
    let host = registries().plain.host();
    ctx.write_file(
        &ctx.config_home.join("containers/registries.conf"),
        format!(
            "[[registry]]\nlocation = \"{host}\"\ninsecure = true\n\n\
             [[registry.mirror]]\nlocation = \"{dead}\"\ninsecure = true\n"
        ),
    );
    let out = ctx.hutch(["pull", &img.plain()]).run().success();
    assert_eq!(out.stdout.trim(), img.id, "fell back to the location");
    assert_eq!(image_names(&ctx), vec![img.plain()]);
}
