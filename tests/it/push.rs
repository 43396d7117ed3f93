//! Images out: `login`/`logout` against the htpasswd and bearer-token registries, `push` to
//! registries of their own whose access logs show what was uploaded, read back by hutch and by
//! the real skopeo, in both manifest formats and both compressions.

use crate::fixtures::{busybox, layered, layered_layers};
use crate::harness::{hutch_bin, require, TestContext};
use crate::registry::{
    fresh_registry, htpasswd_config, refusing_proxy, registries, token_registry, Registry,
    AUTH_PASS, AUTH_USER, TOKEN_PASS, TOKEN_USER,
};
use std::os::unix::fs::PermissionsExt;

/// Requests that send blob data or start an upload: what a push that uploads nothing never makes.
fn blob_uploads(reqs: &[String]) -> Vec<String> {
    reqs.iter()
        .filter(|r| {
            r.contains("/blobs/uploads")
                && (r.starts_with("POST ") || r.starts_with("PUT ") || r.starts_with("PATCH "))
                && !r.contains("mount=")
        })
        .cloned()
        .collect()
}

fn inspect_field(ctx: &TestContext, image: &str, field: &str) -> String {
    ctx.hutch(["image", "inspect", "--format", field, image])
        .run()
        .success()
        .stdout_trim()
        .to_string()
}

/// `skopeo inspect --raw` of what a registry serves, as JSON.
fn skopeo_raw(ctx: &TestContext, reference: &str) -> serde_json::Value {
    let skopeo = require("skopeo", "skopeo");
    let out = ctx
        .command(skopeo)
        .args([
            "inspect",
            "--raw",
            "--tls-verify=false",
            &format!("docker://{reference}"),
        ])
        .run()
        .success();
    serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("skopeo --raw: {e}: {}", out.stdout))
}

fn auth_file(ctx: &TestContext) -> std::path::PathBuf {
    ctx.runtime_dir.join("containers/auth.json")
}

#[test]
fn login_htpasswd_good_and_bad_password() {
    let ctx = TestContext::new("login-htpasswd");
    let host = registries().auth.host();
    let file = auth_file(&ctx);

    ctx.hutch([
        "login",
        "--tls-verify=false",
        "-u",
        AUTH_USER,
        "-p",
        "wrong",
        &host,
    ])
    .run()
    .code(125)
    .one_line_error()
    .stderr_has(&[&host, "invalid username/password"]);
    assert!(
        !file.exists(),
        "a failed login must not write {}",
        file.display()
    );

    // --password-stdin, as scripts log in.
    let out = ctx
        .command("sh")
        .args([
            "-c",
            &format!(
                "printf '%s\\n' '{AUTH_PASS}' | {} login --tls-verify=false -u {AUTH_USER} --password-stdin {host}",
                hutch_bin().display()
            ),
        ])
        .run()
        .success();
    assert_eq!(out.stdout, "Login Succeeded!\n");
    let meta = std::fs::metadata(&file).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600, "auth.json mode");
    let text = std::fs::read_to_string(&file).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let auth = json["auths"][&host]["auth"].as_str().unwrap_or_default();
    let expected = crate::auth_token::b64(&format!("{AUTH_USER}:{AUTH_PASS}"));
    assert_eq!(auth, expected, "auth.json: {text}");

    // A bad password later leaves the stored credentials alone.
    ctx.hutch([
        "login",
        "--tls-verify=false",
        "-u",
        AUTH_USER,
        "-p",
        "nope",
        &host,
    ])
    .run()
    .code(125);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);

    let out = ctx.hutch(["login", "--get-login", &host]).run().success();
    assert_eq!(out.stdout, format!("{AUTH_USER}\n"));
    // The stored credentials are used by pull.
    let img = busybox();
    ctx.hutch(["pull", "-q", "--tls-verify=false", &img.on(&host)])
        .run()
        .success();

    let out = ctx.hutch(["logout", &host]).run().success();
    assert_eq!(
        out.stdout,
        format!("Removed login credentials for {host}\n")
    );
    ctx.hutch(["login", "--get-login", &host])
        .run()
        .code(125)
        .stderr_has(&["not logged into", &host]);
    ctx.hutch(["logout", &host])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&["not logged into", &host]);

    // REGISTRY_AUTH_FILE moves the file.
    let other = ctx.dir.join("elsewhere.json");
    ctx.hutch([
        "login",
        "--tls-verify=false",
        "-u",
        AUTH_USER,
        "-p",
        AUTH_PASS,
        &host,
    ])
    .env("REGISTRY_AUTH_FILE", &other)
    .run()
    .success();
    assert!(std::fs::read_to_string(&other).unwrap().contains(&host));
    assert!(!std::fs::read_to_string(&file).unwrap().contains(&host));
    let out = ctx
        .hutch(["logout", "-a"])
        .env("REGISTRY_AUTH_FILE", &other)
        .run()
        .success();
    assert_eq!(out.stdout, "Removed login credentials for all registries\n");
    assert!(!std::fs::read_to_string(&other).unwrap().contains(&host));
}

#[test]
fn login_asks_on_a_terminal() {
    let ctx = TestContext::new("login-prompt");
    let host = registries().auth.host();
    // script(1) gives hutch a terminal. The password is typed a second after the username, by
    // which time hutch has asked for it and turned the terminal's echo off.
    let login = format!("{} login --tls-verify=false {host}", hutch_bin().display());
    let typed = |pass: &str| {
        format!(
            "(printf '%s\\n' '{AUTH_USER}'; sleep 1; printf '%s\\n' '{pass}'; sleep 1) | script -qec '{login}' /dev/null"
        )
    };
    let out = ctx.command("sh").args(["-c", &typed("nope")]).run();
    assert!(
        out.stdout.contains("invalid username/password"),
        "a wrong password typed at the prompt must fail: {out:?}"
    );
    assert!(
        !auth_file(&ctx).exists(),
        "a failed login wrote the auth file"
    );

    let out = ctx
        .command("sh")
        .args(["-c", &typed(AUTH_PASS)])
        .run()
        .success();
    for want in ["Username: ", "Password: ", "Login Succeeded!"] {
        assert!(out.stdout.contains(want), "no {want:?} in {:?}", out.stdout);
    }
    assert!(
        !out.stdout.contains(AUTH_PASS),
        "the terminal echoed the password: {:?}",
        out.stdout
    );
    let out = ctx.hutch(["login", "--get-login", &host]).run().success();
    assert_eq!(out.stdout, format!("{AUTH_USER}\n"));

    // Without a terminal there is nobody to ask: a clear error.
    ctx.hutch(["logout", &host]).run().success();
    ctx.hutch(["login", "--tls-verify=false", &host])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&[&host, "username and password are needed"]);
}

#[test]
fn login_token_registry() {
    let ctx = TestContext::new("login-token");
    let host = token_registry().registry.host();
    ctx.hutch([
        "login",
        "--tls-verify=false",
        "-u",
        TOKEN_USER,
        "-p",
        "bad",
        &host,
    ])
    .run()
    .code(125)
    .stderr_has(&["invalid username/password"]);
    assert!(!auth_file(&ctx).exists());
    ctx.hutch([
        "login",
        "--tls-verify=false",
        "-u",
        TOKEN_USER,
        "-p",
        TOKEN_PASS,
        &host,
    ])
    .run()
    .success();
    ctx.hutch(["pull", "-q", "--tls-verify=false", &busybox().on(&host)])
        .run()
        .success();
    // Push asks the token server for push access with the stored credentials.
    let dest = format!("{host}/push/token-busybox:1");
    ctx.hutch(["push", "--tls-verify=false", &busybox().on(&host), &dest])
        .run()
        .success();
    let log = token_registry().token_log_text();
    assert!(
        log.lines().any(|l| l.starts_with(&format!(
            "token 200 {TOKEN_USER} push/token-busybox:pull+push"
        ))),
        "token server should have granted push: {log}"
    );
}

/// Pushes the three-layer image (whiteouts, opaque directories, hard links) to a registry of
/// its own, pulls it back into another store and compares the trees; pushes again and checks
/// in the registry's log that nothing was uploaded; pushes to a second repository and checks
/// the layers were mounted, not uploaded.
#[test]
fn push_pull_back_and_second_push_uploads_nothing() {
    let ctx = TestContext::new("push-roundtrip");
    let src = layered("oci-gzip");
    crate::pull(&ctx, &src.plain()).success();
    let reg = fresh_registry("roundtrip", "");
    let dest = reg.image("push/layered:1");
    let digestfile = ctx.dir.join("digest");
    let out = ctx
        .hutch([
            "--log-level",
            "debug",
            "push",
            "--tls-verify=false",
            "--digestfile",
            digestfile.to_str().unwrap(),
            &src.plain(),
            &dest,
        ])
        .run()
        .success();
    // The debug log names each layer compressed: what the second push must not show.
    assert_eq!(
        out.stderr.matches("compressed to").count(),
        src.diff_ids.len(),
        "{}",
        out.stderr
    );
    let digest = std::fs::read_to_string(&digestfile).unwrap();
    assert!(
        digest.starts_with("sha256:") && digest.len() == 71,
        "{digest:?}"
    );
    let first = reg.requests();
    assert!(
        !blob_uploads(&first).is_empty(),
        "a cold push uploads: {first:#?}"
    );
    // The pushed digest is recorded on the image.
    let digests = inspect_field(&ctx, &src.plain(), "{{.RepoDigests}}");
    assert!(digests.contains(&digest), "{digests}");

    let back = TestContext::new("push-roundtrip-back");
    let out = back
        .hutch(["pull", "--tls-verify=false", &dest])
        .run()
        .success();
    assert_eq!(inspect_field(&back, &dest, "{{.Digest}}"), digest);
    let id = out
        .stdout_trim()
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    // Layers are replayed from the tar-split recorded at pull: the same tars, so the same
    // config and image ID as the source.
    assert_eq!(
        id, src.id,
        "pushed image has another config than the source"
    );
    let mnt = crate::tree::mount(&back, &id);
    let actual = crate::tree::walk(&back, &mnt);
    crate::tree::assert_same(&dest, &crate::tree::apply(layered_layers()), &actual);

    // Again: everything is there already; nothing is compressed or sent.
    let before = reg.requests().len();
    let out = ctx
        .hutch([
            "--log-level",
            "debug",
            "push",
            "--tls-verify=false",
            &src.plain(),
            &dest,
        ])
        .run()
        .success();
    assert!(
        !out.stderr.contains("compressed to"),
        "the second push compressed a layer again:\n{}",
        out.stderr
    );
    let second = reg.requests()[before..].to_vec();
    assert!(
        blob_uploads(&second).is_empty(),
        "the second push uploaded: {second:#?}"
    );
    assert!(
        second
            .iter()
            .any(|r| r.starts_with("PUT ") && r.contains("/manifests/")),
        "{second:#?}"
    );

    // Another repository of the same registry: layers are mounted from the first.
    ctx.hutch(["tag", &src.plain(), &dest]).run().success();
    let before = reg.requests().len();
    let other = reg.image("push/other:1");
    ctx.hutch(["push", "--tls-verify=false", &src.plain(), &other])
        .run()
        .success();
    let third = reg.requests()[before..].to_vec();
    let mounts = third
        .iter()
        .filter(|r| r.contains("mount=") && r.ends_with(" 201"))
        .count();
    assert_eq!(mounts, src.diff_ids.len(), "{third:#?}");
    // Only the config blob may go up.
    assert!(blob_uploads(&third).len() <= 2, "{third:#?}");
    back.hutch(["pull", "-q", "--tls-verify=false", &other])
        .run()
        .success();
}

/// A layer pushed before compresses to the digest remembered then, so pushing the image to a
/// registry that has none of it sends each layer as the body of one PUT under that digest
/// (no PATCHes), and the manifest comes out the same.
#[test]
fn push_elsewhere_again_sends_each_layer_in_one_put() {
    let ctx = TestContext::new("push-one-put");
    let src = layered("oci-gzip");
    crate::pull(&ctx, &src.plain()).success();
    let mut digests = Vec::new();
    let mut regs = Vec::new();
    for name in ["one-put-a", "one-put-b"] {
        let reg = fresh_registry(name, "");
        let dest = reg.image("push/layered:1");
        let digestfile = ctx.dir.join(format!("{name}.digest"));
        ctx.hutch([
            "push",
            "--tls-verify=false",
            "--digestfile",
            digestfile.to_str().unwrap(),
            &src.plain(),
            &dest,
        ])
        .run()
        .success();
        digests.push(std::fs::read_to_string(&digestfile).unwrap());
        regs.push((reg, dest));
    }
    assert_eq!(digests[0], digests[1]);
    let (reg, dest) = &regs[1];
    let reqs = reg.requests();
    assert!(!reqs.iter().any(|r| r.starts_with("PATCH ")), "{reqs:#?}");
    let puts = reqs
        .iter()
        .filter(|r| {
            r.starts_with("PUT ")
                && r.contains("/blobs/uploads/")
                && r.contains("digest=")
                && r.ends_with(" 201")
        })
        .count();
    // The layers and the config.
    assert_eq!(puts, src.diff_ids.len() + 1, "{reqs:#?}");
    let back = TestContext::new("push-one-put-back");
    back.hutch(["pull", "-q", "--tls-verify=false", dest])
        .run()
        .success();
    assert_eq!(inspect_field(&back, dest, "{{.Digest}}"), digests[1]);
}

/// A first push (no compressed digest remembered) sends each layer as podman does: the whole
/// compressed stream in one PATCH of unknown length, then an empty PUT naming the digest
/// hashed on the way; through basic auth here, pulled back the same.
#[test]
fn first_push_sends_each_layer_in_one_patch_and_one_put() {
    let ctx = TestContext::new("push-one-patch");
    let src = layered("oci-gzip");
    crate::pull(&ctx, &src.plain()).success();
    let reg = fresh_registry("one-patch", &htpasswd_config());
    ctx.hutch([
        "login",
        "--tls-verify=false",
        "-u",
        AUTH_USER,
        "-p",
        AUTH_PASS,
        &reg.host(),
    ])
    .run()
    .success();
    let dest = reg.image("push/layered:1");
    let digestfile = ctx.dir.join("digest");
    let out = ctx
        .hutch([
            "--log-level",
            "debug",
            "push",
            "--tls-verify=false",
            "--digestfile",
            digestfile.to_str().unwrap(),
            &src.plain(),
            &dest,
        ])
        .run()
        .success();
    // The access log cannot tell a streamed PATCH from a small ranged one: the debug log can.
    assert_eq!(
        out.stderr.matches("in one streamed PATCH").count(),
        src.diff_ids.len(),
        "{}",
        out.stderr
    );
    let digest = std::fs::read_to_string(&digestfile).unwrap();
    let reqs = reg.requests();
    let uploads = blob_uploads(&reqs);
    let count = |method: &str, status: &str| {
        uploads
            .iter()
            .filter(|r| r.starts_with(method) && r.ends_with(status))
            .count()
    };
    let layers = src.diff_ids.len();
    // Every upload session is opened, once per layer and once for the config.
    assert_eq!(count("POST ", " 202"), layers + 1, "{reqs:#?}");
    assert_eq!(count("PATCH ", " 202"), layers, "{reqs:#?}");
    assert_eq!(count("PUT ", " 201"), layers + 1, "{reqs:#?}");
    assert_eq!(uploads.len(), 3 * layers + 2, "{reqs:#?}");
    // Each layer in the manifest was committed by a PUT naming its digest.
    let raw = skopeo_raw(&ctx, &dest);
    let pushed: Vec<String> = raw["layers"]
        .as_array()
        .unwrap_or_else(|| panic!("{raw}"))
        .iter()
        .map(|l| l["digest"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(pushed.len(), layers, "{raw}");
    for d in &pushed {
        let hex = d.strip_prefix("sha256:").unwrap();
        assert!(
            uploads
                .iter()
                .any(|r| r.starts_with("PUT ") && r.contains("digest=sha256") && r.contains(hex)),
            "no PUT committed {d}: {reqs:#?}"
        );
    }

    let back = TestContext::new("push-one-patch-back");
    back.hutch([
        "pull",
        "--tls-verify=false",
        "--creds",
        &format!("{AUTH_USER}:{AUTH_PASS}"),
        &dest,
    ])
    .run()
    .success();
    assert_eq!(inspect_field(&back, &dest, "{{.Digest}}"), digest);
    assert_eq!(inspect_field(&back, &dest, "{{.Id}}"), src.id);
}

/// The streamed upload carries the bearer token the token server granted for the push: a zstd
/// push (nothing to reuse, nothing remembered) goes up in one PATCH per layer and pulls back.
#[test]
fn first_push_to_token_registry_streams_each_layer() {
    let ctx = TestContext::new("push-token-stream");
    let host = token_registry().registry.host();
    let creds = format!("{TOKEN_USER}:{TOKEN_PASS}");
    let src = layered("oci-gzip");
    ctx.hutch([
        "pull",
        "-q",
        "--tls-verify=false",
        "--creds",
        &creds,
        &src.on(&host),
    ])
    .run()
    .success();
    let dest = format!("{host}/push/token-stream:1");
    let digestfile = ctx.dir.join("digest");
    let out = ctx
        .hutch([
            "--log-level",
            "debug",
            "push",
            "--tls-verify=false",
            "--creds",
            &creds,
            "--compression-format",
            "zstd",
            "--digestfile",
            digestfile.to_str().unwrap(),
            &src.on(&host),
            &dest,
        ])
        .run()
        .success();
    assert_eq!(
        out.stderr.matches("in one streamed PATCH").count(),
        src.diff_ids.len(),
        "{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains("uploading in chunks"),
        "{}",
        out.stderr
    );
    let digest = std::fs::read_to_string(&digestfile).unwrap();
    let back = TestContext::new("push-token-stream-back");
    back.hutch(["pull", "-q", "--tls-verify=false", "--creds", &creds, &dest])
        .run()
        .success();
    assert_eq!(inspect_field(&back, &dest, "{{.Digest}}"), digest);
    assert_eq!(inspect_field(&back, &dest, "{{.Id}}"), src.id);
}

/// Over verified TLS (the CA from --cert-dir) the streamed upload trusts the same CA.
#[test]
fn first_push_streams_over_tls_with_cert_dir() {
    let ctx = TestContext::new("push-tls-stream");
    let img = busybox();
    let host = registries().tls.host();
    let ca = registries().ca_dir.to_str().unwrap().to_string();
    ctx.hutch(["pull", "-q", "--cert-dir", &ca, &img.on(&host)])
        .run()
        .success();
    let dest = format!("{host}/push/tls-stream:1");
    let digestfile = ctx.dir.join("digest");
    let out = ctx
        .hutch([
            "--log-level",
            "debug",
            "push",
            "--cert-dir",
            &ca,
            "--format",
            "oci",
            "--compression-format",
            "zstd",
            "--digestfile",
            digestfile.to_str().unwrap(),
            &img.on(&host),
            &dest,
        ])
        .run()
        .success();
    assert_eq!(
        out.stderr.matches("in one streamed PATCH").count(),
        1,
        "{}",
        out.stderr
    );
    let back = TestContext::new("push-tls-stream-back");
    back.hutch(["pull", "-q", "--cert-dir", &ca, &dest])
        .run()
        .success();
    assert_eq!(
        inspect_field(&back, &dest, "{{.Digest}}"),
        std::fs::read_to_string(&digestfile).unwrap()
    );
}

/// A registry that refuses the streamed PATCH (it wants ranged chunks) gets the layers in
/// chunks instead (the layers that start after a refusal do not try it), and the image comes
/// out the same as streamed.
#[test]
fn first_push_falls_back_to_chunks_when_streaming_is_refused() {
    let ctx = TestContext::new("push-refused-stream");
    let src = layered("oci-gzip");
    crate::pull(&ctx, &src.plain()).success();
    let reg = fresh_registry("refused-stream", "");
    let proxy = refusing_proxy("refused-stream", &reg);
    let dest = proxy.image("push/layered:1");
    let digestfile = ctx.dir.join("digest");
    let out = ctx
        .hutch([
            "--log-level",
            "debug",
            "push",
            "--tls-verify=false",
            "--digestfile",
            digestfile.to_str().unwrap(),
            &src.plain(),
            &dest,
        ])
        .run()
        .success();
    let refused = proxy.log_text().matches("refused ").count();
    // Layers already under way when the first refusal came try it too.
    assert!(
        (1..=src.diff_ids.len()).contains(&refused),
        "{}\n{}",
        proxy.log_text(),
        out.stderr
    );
    assert_eq!(
        out.stderr.matches("uploading in chunks").count(),
        refused,
        "{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains("in one streamed PATCH"),
        "{}",
        out.stderr
    );
    let reqs = reg.requests();
    let chunks = reqs
        .iter()
        .filter(|r| r.starts_with("PATCH ") && r.ends_with(" 202"))
        .count();
    assert_eq!(chunks, src.diff_ids.len(), "{reqs:#?}");
    let digest = std::fs::read_to_string(&digestfile).unwrap();

    // Streamed to a registry that takes it: the same bytes, so the same manifest.
    let direct = fresh_registry("refused-stream-direct", "");
    let other = TestContext::new("push-refused-stream-direct");
    crate::pull(&other, &src.plain()).success();
    let digestfile2 = other.dir.join("digest");
    other
        .hutch([
            "push",
            "--tls-verify=false",
            "--digestfile",
            digestfile2.to_str().unwrap(),
            &src.plain(),
            &direct.image("push/layered:1"),
        ])
        .run()
        .success();
    assert_eq!(std::fs::read_to_string(&digestfile2).unwrap(), digest);

    let back = TestContext::new("push-refused-stream-back");
    back.hutch(["pull", "-q", "--tls-verify=false", &dest])
        .run()
        .success();
    assert_eq!(inspect_field(&back, &dest, "{{.Digest}}"), digest);
}

/// What hutch pushes reads back in the real skopeo, as Docker schema2 and as OCI.
#[test]
fn skopeo_reads_v2s2_and_oci() {
    let ctx = TestContext::new("push-skopeo");
    let img = busybox();
    crate::pull(&ctx, &img.plain()).success();
    let reg = fresh_registry("skopeo", "");
    for (format, manifest_type, layer_type) in [
        (
            "v2s2",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.image.rootfs.diff.tar.gzip",
        ),
        (
            "oci",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.layer.v1.tar+gzip",
        ),
    ] {
        let dest = reg.image(&format!("push/busybox:{format}"));
        ctx.hutch([
            "push",
            "-q",
            "--tls-verify=false",
            "--format",
            format,
            &img.plain(),
            &dest,
        ])
        .run()
        .success();
        let raw = skopeo_raw(&ctx, &dest);
        assert_eq!(raw["mediaType"], manifest_type, "{raw}");
        assert_eq!(raw["layers"][0]["mediaType"], layer_type, "{raw}");
        let skopeo = require("skopeo", "skopeo");
        let out = ctx
            .command(skopeo)
            .args(["inspect", "--tls-verify=false", &format!("docker://{dest}")])
            .run()
            .success();
        let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(v["Architecture"], "amd64", "{v}");
        assert_eq!(v["Layers"].as_array().map(Vec::len), Some(1), "{v}");
    }
}

#[test]
fn zstd_push_and_pull_back() {
    let ctx = TestContext::new("push-zstd");
    let img = busybox();
    crate::pull(&ctx, &img.plain()).success();
    let reg = fresh_registry("zstd", "");
    let dest = reg.image("push/busybox:zstd");
    ctx.hutch([
        "push",
        "--tls-verify=false",
        "--compression-format",
        "zstd",
        "--format",
        "v2s2",
        &img.plain(),
        &dest,
    ])
    .run()
    .code(125)
    .one_line_error()
    .stderr_has(&["zstd", "--format oci"]);
    ctx.hutch([
        "push",
        "--tls-verify=false",
        "--compression-format",
        "zstd",
        "--format",
        "oci",
        &img.plain(),
        &dest,
    ])
    .run()
    .success();
    let raw = skopeo_raw(&ctx, &dest);
    assert_eq!(
        raw["layers"][0]["mediaType"], "application/vnd.oci.image.layer.v1.tar+zstd",
        "{raw}"
    );
    let back = TestContext::new("push-zstd-back");
    back.hutch(["pull", "-q", "--tls-verify=false", &dest])
        .run()
        .success();
    let mnt = crate::tree::mount(&back, &dest);
    let out = back
        .hutch(["unshare", "chroot", &mnt, "/bin/sh", "-c", "echo zstd ok"])
        .run()
        .success();
    assert_eq!(out.stdout, "zstd ok\n");
}

#[test]
fn push_needs_credentials_on_htpasswd_registry() {
    let ctx = TestContext::new("push-auth");
    let img = busybox();
    crate::pull(&ctx, &img.plain()).success();
    let reg: Registry = fresh_registry("auth", &htpasswd_config());
    let dest = reg.image("push/busybox:1");
    ctx.hutch(["push", "--tls-verify=false", &img.plain(), &dest])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&[&reg.host(), "hutch login"]);
    ctx.hutch([
        "push",
        "--tls-verify=false",
        "--creds",
        &format!("{AUTH_USER}:{AUTH_PASS}"),
        &img.plain(),
        &dest,
    ])
    .run()
    .success();
    // Bad input: no such image, no registry in the destination.
    ctx.hutch(["push", "--tls-verify=false", "nosuchimage", &dest])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&["nosuchimage"]);
    ctx.hutch(["push", "--tls-verify=false", &img.plain(), "justaname"])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&["justaname", "registry"]);
}

/// A list made here from two local single-platform images, pushed as an OCI index and as a
/// Docker manifest list with its images, read by skopeo, and pulled back by platform.
#[test]
fn manifest_list_push_then_pull_by_platform() {
    let ctx = TestContext::new("manifest-push");
    let ma = crate::fixtures::multiarch(crate::oci::Format::Oci);
    crate::pull(&ctx, &ma.amd64.plain()).success();
    crate::pull(&ctx, &ma.arm64.plain()).success();
    let reg = fresh_registry("manifest", "");
    for (format, media_type, instance_type) in [
        (
            "oci",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.oci.image.manifest.v1+json",
        ),
        (
            "v2s2",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.distribution.manifest.v2+json",
        ),
    ] {
        let list = format!("localhost/multi-{format}");
        let id = ctx
            .hutch([
                "manifest",
                "create",
                "--format",
                format,
                &list,
                &ma.amd64.plain(),
            ])
            .run()
            .success()
            .stdout_trim()
            .to_string();
        assert_eq!(id.len(), 64, "{id}");
        ctx.hutch(["manifest", "create", &list])
            .run()
            .code(125)
            .one_line_error()
            .stderr_has(&["already exists"]);
        ctx.hutch(["manifest", "add", &list, &ma.arm64.plain()])
            .run()
            .success();
        let out = ctx.hutch(["manifest", "inspect", &list]).run().success();
        let local: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(local["mediaType"], media_type, "{local}");
        let archs: Vec<&str> = local["manifests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["platform"]["architecture"].as_str().unwrap_or_default())
            .collect();
        assert_eq!(archs, ["amd64", "arm64"], "{local}");
        assert_eq!(
            local["manifests"][1]["platform"]["variant"], "v8",
            "{local}"
        );

        let dest = reg.image(&format!("push/multi:{format}"));
        ctx.hutch(["manifest", "push", "--tls-verify=false", &list, &dest])
            .run()
            .success();
        let raw = skopeo_raw(&ctx, &dest);
        assert_eq!(raw["mediaType"], media_type, "{raw}");
        let entries = raw["manifests"].as_array().unwrap();
        assert_eq!(entries.len(), 2, "{raw}");
        assert!(
            entries.iter().all(|e| e["mediaType"] == instance_type),
            "{raw}"
        );

        let back = TestContext::new("manifest-push-back");
        for (platform, arch) in [("linux/arm64", "arm64"), ("linux/amd64", "amd64")] {
            back.hutch([
                "pull",
                "-q",
                "--tls-verify=false",
                "--platform",
                platform,
                &dest,
            ])
            .run()
            .success();
            let mnt = crate::tree::mount(&back, &dest);
            let out = back
                .hutch(["unshare", "cat", &format!("{mnt}/arch")])
                .run()
                .success();
            assert_eq!(out.stdout, format!("{arch}\n"), "{platform}");
            back.hutch(["image", "unmount", &dest]).run().success();
        }

        let out = ctx.hutch(["manifest", "rm", &list]).run().success();
        assert_eq!(
            out.stdout,
            format!("Untagged: {list}:latest\nDeleted: {id}\n")
        );
        ctx.hutch(["manifest", "inspect", &list])
            .run()
            .code(125)
            .one_line_error()
            .stderr_has(&[&list, "no such manifest list"]);
    }
}

/// The architectures of a local list's entries, in order.
fn list_archs(ctx: &TestContext, list: &str) -> (Vec<String>, serde_json::Value) {
    let out = ctx.hutch(["manifest", "inspect", list]).run().success();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let archs = v["manifests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            m["platform"]["architecture"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    (archs, v)
}

/// `manifest add` of images that are only in a registry: `docker://REF` and a name not in
/// local storage are pulled (from a list, for the platform `--arch` names) and added; an
/// unknown list fails before anything is pulled; the list pushes like one of local images.
#[test]
fn manifest_add_from_a_registry() {
    let ctx = TestContext::new("manifest-remote");
    let ma = crate::fixtures::multiarch(crate::oci::Format::Oci);
    let host = crate::registry::registries().plain.host();
    let index = format!("{host}/multiarch:{}", ma.tag);
    ctx.hutch([
        "manifest",
        "add",
        "--tls-verify=false",
        "localhost/nolist",
        &index,
    ])
    .run()
    .code(125)
    .one_line_error()
    .stderr_has(&["localhost/nolist", "no such manifest list"]);
    assert_eq!(
        ctx.hutch(["images", "-q"]).run().success().stdout_trim(),
        ""
    );

    let list = "localhost/remote-list";
    ctx.hutch(["manifest", "create", list]).run().success();
    ctx.hutch([
        "manifest",
        "add",
        "--tls-verify=false",
        list,
        &format!("docker://{}", ma.amd64.plain()),
    ])
    .run()
    .success();
    // From the index, the arm64 entry (the index lists arm64 first, the host is amd64).
    ctx.hutch([
        "manifest",
        "add",
        "--tls-verify=false",
        "--arch",
        "arm64",
        list,
        &index,
    ])
    .run()
    .success();
    let (archs, local) = list_archs(&ctx, list);
    assert_eq!(archs, ["amd64", "arm64"], "{local}");
    assert_eq!(
        local["manifests"][1]["platform"]["variant"], "v8",
        "{local}"
    );
    let ids = ctx.hutch(["images", "-q", "--no-trunc"]).run().success();
    for id in [&ma.amd64.id, &ma.arm64.id] {
        assert!(
            ids.stdout.contains(id.as_str()),
            "{id} not pulled: {}",
            ids.stdout
        );
    }
    // A bad registry reference says which image failed, and leaves the list as it was.
    ctx.hutch([
        "manifest",
        "add",
        "--tls-verify=false",
        list,
        &format!("docker://{host}/no/such:image"),
    ])
    .run()
    .code(125)
    .one_line_error()
    .stderr_has(&["no/such"]);
    assert_eq!(list_archs(&ctx, list).1, local, "the list changed");

    // --all adds every image of a remote list (by digest, each pulled), even under a name
    // that is also a local image's now.
    let all = "localhost/remote-all";
    ctx.hutch(["manifest", "create", all]).run().success();
    ctx.hutch([
        "manifest",
        "add",
        "--all",
        "--tls-verify=false",
        all,
        &index,
    ])
    .run()
    .success();
    let (archs, v) = list_archs(&ctx, all);
    assert_eq!(archs, ["arm64", "amd64"], "the index's order: {v}");
    // --all of a single image adds that image (to a list of its own, so that it shows).
    let one = "localhost/remote-one";
    ctx.hutch(["manifest", "create", one]).run().success();
    ctx.hutch([
        "manifest",
        "add",
        "--all",
        "--tls-verify=false",
        one,
        &format!("docker://{}", ma.arm64.plain()),
    ])
    .run()
    .success();
    let (archs, v) = list_archs(&ctx, one);
    assert_eq!(archs, ["arm64"], "{v}");

    let reg = fresh_registry("manifest-remote", "");
    let dest = reg.image("push/remote:1");
    ctx.hutch(["manifest", "push", "--tls-verify=false", list, &dest])
        .run()
        .success();
    let raw = skopeo_raw(&ctx, &dest);
    assert_eq!(raw["manifests"].as_array().unwrap().len(), 2, "{raw}");
}

/// `search` reads the catalog of a registry holding exactly what this test pushed.
#[test]
fn search_catalog_and_tags() {
    let ctx = TestContext::new("search");
    let img = busybox();
    crate::pull(&ctx, &img.plain()).success();
    let reg = fresh_registry("search", "");
    for dest in ["push/alpha:1", "push/alpha:2", "other/beta:1"] {
        ctx.hutch([
            "push",
            "-q",
            "--tls-verify=false",
            &img.plain(),
            &reg.image(dest),
        ])
        .run()
        .success();
    }
    let host = reg.host();
    let out = ctx
        .hutch(["search", "--tls-verify=false", &format!("{host}/")])
        .run()
        .success();
    let expected = format!(
        "NAME{pad}DESCRIPTION\n{host}/other/beta\n{host}/push/alpha\n",
        pad = " ".repeat(host.len() + "/other/beta".len() - 2)
    );
    assert_eq!(
        out.stdout.lines().map(str::trim_end).collect::<Vec<_>>(),
        expected.lines().collect::<Vec<_>>()
    );
    let out = ctx
        .hutch([
            "search",
            "--tls-verify=false",
            "--format",
            "{{.Index}} {{.Name}}",
            &format!("{host}/ALPHA"),
        ])
        .run()
        .success();
    assert_eq!(out.stdout, format!("{host} {host}/push/alpha\n"));
    let out = ctx
        .hutch([
            "search",
            "--tls-verify=false",
            "--limit",
            "1",
            "--format",
            "json",
            &format!("{host}/"),
        ])
        .run()
        .success();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(1), "{v}");
    let out = ctx
        .hutch([
            "search",
            "--tls-verify=false",
            "--list-tags",
            "--format",
            "{{.Tag}}",
            &format!("{host}/push/alpha"),
        ])
        .run()
        .success();
    let mut tags: Vec<&str> = out.stdout.lines().collect();
    tags.sort();
    assert_eq!(tags, ["1", "2"]);
    ctx.hutch([
        "search",
        "--tls-verify=false",
        "--filter",
        "bogus=1",
        &format!("{host}/"),
    ])
    .run()
    .code(125)
    .one_line_error()
    .stderr_has(&["bogus"]);
}
