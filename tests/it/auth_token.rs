//! Bearer-token auth (the Docker token spec podman speaks to Docker Hub, Quay and friends): a real
//! docker-registry that accepts only RS256 JWTs from the test token server, which wants Basic
//! credentials. Anonymous, wrong, `--creds` and auth.json logins.

use crate::fixtures::{busybox, layered};
use crate::harness::TestContext;
use crate::image_ids;
use crate::registry::{token_registry, TOKEN_PASS, TOKEN_USER};

pub(crate) fn b64(s: &str) -> String {
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

/// Asserts the token server handed `repo` pull access to the test user: proof that the pull went
/// through the bearer flow and not around it.
#[track_caller]
fn assert_token_granted(repo: &str) {
    let log = token_registry().token_log_text();
    let want = format!("token 200 {TOKEN_USER} {repo}:pull");
    assert!(
        log.lines().any(|l| l.starts_with(&want)),
        "token server should have granted {repo}:pull to {TOKEN_USER}; its log:\n{log}"
    );
}

#[test]
fn bearer_anonymous_pull_is_refused() {
    let ctx = TestContext::new("bearer-anon");
    let img = busybox();
    let reg = token_registry();
    let host = reg.registry.host();
    // Without a token the registry itself refuses (the realm is in its challenge).
    let direct = crate::registry::http(
        &host,
        "GET",
        &format!("/v2/{}/manifests/{}", img.repo, img.tag),
        &[],
        crate::registry::Body::Empty,
    )
    .expect("GET manifest from the token registry");
    assert_eq!(direct.status, 401, "{direct:?}");
    let challenge = direct.header("WWW-Authenticate").unwrap_or_default();
    assert!(
        challenge.starts_with("Bearer ")
            && challenge.contains(&format!("127.0.0.1:{}/token", reg.token_port)),
        "registry should challenge with the token realm: {challenge:?}"
    );

    ctx.hutch(["pull", "--tls-verify=false", &img.on(&host)])
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&[&host, "hutch login", "--creds"]);
    assert!(
        image_ids(&ctx).is_empty(),
        "a refused pull must not leave an image"
    );
}

#[test]
fn bearer_with_creds_flag() {
    let ctx = TestContext::new("bearer-creds");
    let img = busybox();
    let host = token_registry().registry.host();
    let reference = img.on(&host);

    ctx.hutch([
        "pull",
        "--tls-verify=false",
        "--creds",
        &format!("{TOKEN_USER}:not-the-password"),
        &reference,
    ])
    .run()
    .code(125)
    .one_line_error()
    .stderr_has(&[&host, "credentials"]);
    assert!(
        image_ids(&ctx).is_empty(),
        "a refused pull must not leave an image"
    );
    assert!(
        token_registry()
            .token_log_text()
            .contains("token 401 bad-credentials"),
        "the wrong password should have reached the token server:\n{}",
        token_registry().token_log_text()
    );

    let out = ctx
        .hutch([
            "pull",
            "--tls-verify=false",
            "--creds",
            &format!("{TOKEN_USER}:{TOKEN_PASS}"),
            &reference,
        ])
        .run()
        .success();
    assert_eq!(out.stdout.trim(), img.id);
    assert_eq!(image_ids(&ctx), vec![img.id.clone()]);
    assert_token_granted(&img.repo);
}

#[test]
fn bearer_from_auth_json() {
    let ctx = TestContext::new("bearer-authjson");
    let host = token_registry().registry.host();
    ctx.write_file(
        &ctx.runtime_dir.join("containers/auth.json"),
        format!(
            "{{\"auths\":{{\"{host}\":{{\"auth\":\"{}\"}}}}}}",
            b64(&format!("{TOKEN_USER}:{TOKEN_PASS}"))
        ),
    );
    // Three layers fetched concurrently, each blob request carrying the token.
    let img = layered("oci-gzip");
    let out = ctx
        .hutch(["pull", "--tls-verify=false", &img.on(&host)])
        .run()
        .success();
    assert_eq!(out.stdout.trim(), img.id);
    assert_eq!(image_ids(&ctx), vec![img.id.clone()]);
    assert_token_granted(&img.repo);
}
