//! `hutch build` end to end as the unprivileged test user, from the local busybox image: the
//! instructions, multi-stage builds, the cache, build args, owners, here-documents, a failing
//! RUN, and the built image run with `hutch run`.

use crate::busybox_context as setup;
use crate::harness::TestContext;
use std::path::PathBuf;

/// Writes `files` (path, contents) into a new context directory `name` and returns it.
/// A build context under the test's directory with `files` (path, content) in it; the
/// build test files share this and the helpers below.
pub(crate) fn context(ctx: &TestContext, name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = ctx.dir.join(name);
    for (p, c) in files {
        ctx.write_file(&dir.join(p), c);
    }
    dir
}

pub(crate) fn inspect(ctx: &TestContext, image: &str, format: &str) -> String {
    ctx.hutch(["image", "inspect", "--format", format, image])
        .run()
        .success()
        .stdout_trim()
        .to_string()
}

#[test]
fn build_runs_copies_and_sets_metadata_and_the_image_runs() {
    let (ctx, img) = setup("build-basic");
    let df = format!(
        "FROM {img}\n\
         ENV GREETING=hello WHO=world\n\
         WORKDIR /app\n\
         COPY hello.txt ./\n\
         COPY dir /app/dir/\n\
         RUN echo \"$GREETING $WHO\" > /app/out.txt && cat /app/hello.txt\n\
         LABEL org.example.k=v\n\
         EXPOSE 8080\n\
         USER 1000:1000\n\
         CMD [\"cat\", \"/app/out.txt\"]\n"
    );
    let dir = context(
        &ctx,
        "basic",
        &[
            ("Containerfile", &df),
            ("hello.txt", "from the context\n"),
            ("dir/a/b.txt", "deep\n"),
        ],
    );
    let out = ctx
        .hutch(["build", "-t", "built:one", dir.to_str().unwrap()])
        .run()
        .success();
    assert!(out.stdout.contains("STEP 1/10: FROM"), "{}", out.stdout);
    assert!(out.stdout.contains("from the context"), "{}", out.stdout);
    assert!(out.stdout.contains("COMMIT built:one"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("Successfully tagged localhost/built:one"),
        "{}",
        out.stdout
    );
    let id = out.stdout.lines().last().unwrap().to_string();
    assert_eq!(id.len(), 64, "{}", out.stdout);
    let run = ctx.hutch(["run", "--rm", "built:one"]).run().success();
    assert_eq!(run.stdout, "hello world\n");
    let run = ctx
        .hutch([
            "run",
            "--rm",
            "built:one",
            "sh",
            "-c",
            "cat /app/dir/a/b.txt; id -u; pwd",
        ])
        .run()
        .success();
    assert_eq!(run.stdout, "deep\n1000\n/app\n");
    assert_eq!(inspect(&ctx, "built:one", "{{.Config.User}}"), "1000:1000");
    assert_eq!(
        inspect(
            &ctx,
            "built:one",
            "{{index .Config.Labels \"org.example.k\"}}"
        ),
        "v"
    );
    // No build container is left behind.
    let ps = ctx.hutch(["ps", "-a", "-q"]).run().success();
    assert_eq!(ps.stdout_trim(), "");
    // One history entry per instruction, FROM's own included.
    let hist = ctx
        .hutch(["history", "-q", "--no-trunc", "built:one"])
        .run()
        .success();
    assert!(hist.stdout.lines().count() >= 10, "{}", hist.stdout);
}

pub(crate) fn build(
    ctx: &TestContext,
    dir: &std::path::Path,
    extra: &[&str],
) -> crate::harness::Output {
    let mut args = vec!["build".to_string()];
    args.extend(extra.iter().map(|s| s.to_string()));
    args.push(dir.to_str().unwrap().to_string());
    ctx.hutch(args).run()
}

pub(crate) fn run_out(ctx: &TestContext, image: &str, script: &str) -> String {
    ctx.hutch(["run", "--rm", image, "sh", "-c", script])
        .run()
        .success()
        .stdout
}

#[test]
fn build_cache_reuses_steps_and_a_changed_file_invalidates_from_its_copy() {
    let (ctx, img) = setup("build-cache");
    let df = format!(
        "FROM {img}\nRUN echo one > /one\nCOPY a.txt /a.txt\nRUN cat /a.txt > /copy\nCOPY b.txt /b.txt\n"
    );
    let dir = context(
        &ctx,
        "cache",
        &[("Dockerfile", &df), ("a.txt", "a1\n"), ("b.txt", "b1\n")],
    );
    let first = build(&ctx, &dir, &["-t", "cached"]).success();
    assert!(!first.stdout.contains("Using cache"), "{}", first.stdout);
    let id1 = first.stdout.lines().last().unwrap().to_string();
    // Unchanged: every step from the cache, the same image.
    let again = build(&ctx, &dir, &["-t", "cached"]).success();
    assert_eq!(
        again.stdout.matches("--> Using cache").count(),
        4,
        "{}",
        again.stdout
    );
    assert_eq!(again.stdout.lines().last().unwrap(), id1);
    // b.txt changed: only its COPY runs again.
    ctx.write_file(&dir.join("b.txt"), "b2\n");
    let third = build(&ctx, &dir, &["-t", "cached"]).success();
    assert_eq!(
        third.stdout.matches("--> Using cache").count(),
        3,
        "{}",
        third.stdout
    );
    // a.txt changed: its COPY and everything after.
    ctx.write_file(&dir.join("a.txt"), "a2\n");
    let fourth = build(&ctx, &dir, &["-t", "cached"]).success();
    assert_eq!(
        fourth.stdout.matches("--> Using cache").count(),
        1,
        "{}",
        fourth.stdout
    );
    assert_eq!(run_out(&ctx, "cached", "cat /copy /b.txt"), "a2\nb2\n");
    // --no-cache runs everything.
    let nc = build(&ctx, &dir, &["--no-cache", "-t", "cached"]).success();
    assert!(!nc.stdout.contains("Using cache"), "{}", nc.stdout);
    // builder prune forgets the cache.
    ctx.hutch(["builder", "prune", "-f"]).run().success();
    let after = build(&ctx, &dir, &[]).success();
    assert!(!after.stdout.contains("Using cache"), "{}", after.stdout);
}

#[test]
fn build_multi_stage_copies_from_stages_and_builds_only_what_the_target_needs() {
    let (ctx, img) = setup("build-stages");
    let df = format!(
        "ARG BASE={img}\n\
         FROM $BASE AS one\nRUN echo from-one > /one.txt\n\
         FROM $BASE AS two\nRUN echo from-two > /two.txt\n\
         FROM $BASE AS unused\nRUN exit 1\n\
         FROM $BASE\nCOPY --from=one /one.txt /got/\nCOPY --from=1 /two.txt /got/\n\
         COPY --from={img} /bin/busybox /bb\n"
    );
    let dir = context(&ctx, "stages", &[("Dockerfile", &df)]);
    let out = build(&ctx, &dir, &["-t", "multi"]).success();
    assert!(
        out.stdout.contains("[1/4] STEP 1/2: FROM"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("[3/4]"),
        "the unused stage ran: {}",
        out.stdout
    );
    assert_eq!(
        run_out(
            &ctx,
            "multi",
            "cat /got/one.txt /got/two.txt; test -x /bb && echo bb"
        ),
        "from-one\nfrom-two\nbb\n"
    );
    // --target builds that stage only.
    let t = build(&ctx, &dir, &["--target", "two", "-t", "two"]).success();
    assert!(!t.stdout.contains("[1/4]"), "{}", t.stdout);
    assert_eq!(run_out(&ctx, "two", "cat /two.txt"), "from-two\n");
    let bad = build(&ctx, &dir, &["--target", "nope"]).failure();
    assert!(bad.stderr.contains("nope"), "{}", bad.stderr);
}

#[test]
fn build_args_are_scoped_as_docker_scopes_them() {
    let (ctx, img) = setup("build-args");
    let df = format!(
        "ARG GLOBAL=g-default\nARG BASE={img}\nFROM $BASE\n\
         RUN echo \"before:[$GLOBAL]\" > /before\n\
         ARG GLOBAL\nARG LOCAL=l-default\nARG FROMFLAG\nENV FROM_ENV=$LOCAL\n\
         RUN echo \"after:[$GLOBAL] local:[$LOCAL] flag:[$FROMFLAG]\" > /after\n\
         ARG TARGETARCH\nRUN test -n \"$TARGETARCH\"\n"
    );
    let dir = context(&ctx, "args", &[("Dockerfile", &df)]);
    build(
        &ctx,
        &dir,
        &["-t", "args1", "--build-arg", "FROMFLAG=given"],
    )
    .success();
    assert_eq!(
        run_out(
            &ctx,
            "args1",
            "cat /before /after; echo $FROM_ENV; echo [$LOCAL]"
        ),
        "before:[]\nafter:[g-default] local:[l-default] flag:[given]\nl-default\n[]\n"
    );
    build(
        &ctx,
        &dir,
        &[
            "-t",
            "args2",
            "--build-arg",
            "GLOBAL=over",
            "--build-arg",
            "LOCAL=mine",
        ],
    )
    .success();
    assert_eq!(
        run_out(&ctx, "args2", "cat /after"),
        "after:[over] local:[mine] flag:[]\n"
    );
}

#[test]
fn build_user_chown_chmod_and_heredocs() {
    let (ctx, img) = setup("build-owners");
    let df = format!(
        "FROM {img}\n\
         RUN echo 'app:x:1234:2345::/home/app:/bin/sh' >> /etc/passwd && \
             echo 'grp:x:2345:' >> /etc/group && echo 'other:x:3456:' >> /etc/group\n\
         COPY --chown=app f.txt /owned/\n\
         COPY --chown=app:other --chmod=0640 f.txt /owned/g.txt\n\
         COPY f.txt /rootowned\n\
         USER app\n\
         RUN id -u > /tmp/uid && touch /tmp/made\n\
         COPY <<EOF /doc.txt\nvalue=$HOSTNAME_X\nEOF\n\
         RUN <<EOF\necho heredoc-one > /tmp/h1\necho heredoc-two >> /tmp/h1\nEOF\n"
    );
    let dir = context(&ctx, "owners", &[("Dockerfile", &df), ("f.txt", "f\n")]);
    build(&ctx, &dir, &["-t", "owners"]).success();
    let out = run_out(
        &ctx,
        "owners",
        "stat -c '%u:%g %a' /owned/f.txt /owned/g.txt /rootowned /tmp/made; cat /tmp/uid /tmp/h1 /doc.txt",
    );
    assert_eq!(
        out,
        "1234:2345 644\n1234:3456 640\n0:0 644\n1234:2345 644\n1234\nheredoc-one\nheredoc-two\nvalue=\n"
    );
}

#[test]
fn a_failing_run_exits_with_its_code_tags_nothing_and_leaves_no_container() {
    let (ctx, img) = setup("build-fail");
    let df = format!("FROM {img}\nRUN echo before-failing && exit 3\nRUN echo never\n");
    let dir = context(&ctx, "fail", &[("Dockerfile", &df)]);
    let out = build(&ctx, &dir, &["-t", "failed"]).code(3);
    assert!(out.stdout.contains("before-failing"), "{}", out.stdout);
    assert!(!out.stdout.contains("never"), "{}", out.stdout);
    assert!(out.stderr.contains("exit status 3"), "{}", out.stderr);
    assert!(!crate::image_names(&ctx)
        .iter()
        .any(|n| n.contains("failed")));
    let ps = ctx.hutch(["ps", "-a", "-q"]).run().success();
    assert_eq!(ps.stdout_trim(), "");
    // A bad instruction names the file and line.
    let dir = context(
        &ctx,
        "bad",
        &[("Dockerfile", &format!("FROM {img}\nFROB x\n"))],
    );
    let bad = build(&ctx, &dir, &[]).failure();
    assert!(bad.stderr.contains("Dockerfile: line 2"), "{}", bad.stderr);
    // A missing COPY source names it.
    let dir = context(
        &ctx,
        "missing",
        &[("Dockerfile", &format!("FROM {img}\nCOPY nothere /x\n"))],
    );
    let bad = build(&ctx, &dir, &[]).failure();
    assert!(bad.stderr.contains("nothere"), "{}", bad.stderr);
}

#[test]
fn build_metadata_instructions_quiet_iidfile_ignore_file_and_onbuild() {
    let (ctx, img) = setup("build-meta");
    let df = format!(
        "FROM {img}\n\
         SHELL [\"/bin/sh\", \"-c\"]\n\
         ENTRYPOINT [\"/bin/echo\", \"entry\"]\n\
         CMD [\"arg\"]\n\
         STOPSIGNAL SIGUSR1\n\
         VOLUME /data\n\
         HEALTHCHECK --interval=5s --retries=2 CMD true\n\
         MAINTAINER someone\n\
         ONBUILD RUN echo triggered > /onbuild\n\
         ONBUILD RUN <<EOF\n\
         echo from-a-heredoc > /onbuild-doc\n\
         EOF\n\
         ONBUILD COPY <<A <<B /docs/\n\
         one\n\
         A\n\
         two\n\
         B\n\
         COPY . /ctx/\n"
    );
    let dir = context(
        &ctx,
        "meta",
        &[
            ("Dockerfile", &df),
            (".dockerignore", "secret*\n!secret-ok\n"),
            ("kept.txt", "k\n"),
            ("secret-no", "s\n"),
            ("secret-ok", "o\n"),
        ],
    );
    let iid = ctx.dir.join("iid");
    let out = build(
        &ctx,
        &dir,
        &[
            "-q",
            "-t",
            "meta",
            "--iidfile",
            iid.to_str().unwrap(),
            "--label",
            "extra=yes",
        ],
    )
    .success();
    let id = out.stdout_trim().to_string();
    assert_eq!(id.len(), 64, "-q prints only the ID: {}", out.stdout);
    assert_eq!(
        std::fs::read_to_string(&iid).unwrap(),
        format!("sha256:{id}")
    );
    let run = ctx.hutch(["run", "--rm", "meta"]).run().success();
    assert_eq!(run.stdout, "entry arg\n");
    assert_eq!(inspect(&ctx, "meta", "{{.Config.StopSignal}}"), "SIGUSR1");
    assert_eq!(
        inspect(&ctx, "meta", "{{index .Config.Labels \"extra\"}}"),
        "yes"
    );
    assert!(inspect(&ctx, "meta", "{{json .Config.Volumes}}").contains("/data"));
    let files = ctx
        .hutch(["run", "--rm", "--entrypoint", "ls", "meta", "/ctx"])
        .run()
        .success();
    assert_eq!(files.stdout, "Dockerfile\nkept.txt\nsecret-ok\n");
    // Triggers with here-documents are recorded with them, as BuildKit records them.
    assert!(
        inspect(&ctx, "meta", "{{json .Config.OnBuild}}")
            .contains(r#""RUN <<EOF\necho from-a-heredoc > /onbuild-doc\nEOF""#),
        "{}",
        inspect(&ctx, "meta", "{{json .Config.OnBuild}}")
    );
    // A child build runs the triggers; its own image has none.
    let child = context(
        &ctx,
        "child",
        &[(
            "Dockerfile",
            "FROM meta\nRUN cat /onbuild /onbuild-doc /docs/A /docs/B\n",
        )],
    );
    let out = build(&ctx, &child, &["-t", "child"]).success();
    assert!(
        out.stdout.contains("triggered\nfrom-a-heredoc\none\ntwo\n"),
        "{}",
        out.stdout
    );
    assert!(!inspect(&ctx, "child", "{{json .Config}}").contains("triggered"));
    // The steps' images are hidden from `images` unless --all.
    let plain = ctx.hutch(["images", "-q"]).run().success();
    let all = ctx.hutch(["images", "-q", "--all"]).run().success();
    assert!(
        all.stdout.lines().count() > plain.stdout.lines().count(),
        "{}\n{}",
        plain.stdout,
        all.stdout
    );
}

#[test]
fn build_run_mounts_cache_secret_bind_and_a_tar_context_on_stdin() {
    let (ctx, img) = setup("build-mounts");
    let df = format!(
        "FROM {img}\n\
         RUN --mount=type=cache,target=/cache echo x >> /cache/log && wc -l < /cache/log > /count\n\
         RUN --mount=type=secret,id=tok cat /run/secrets/tok > /seen-secret\n\
         RUN --mount=type=bind,source=data,target=/mnt cat /mnt/file > /from-bind\n\
         RUN --mount=type=tmpfs,target=/scratch touch /scratch/x\n"
    );
    let dir = context(
        &ctx,
        "mounts",
        &[("Dockerfile", &df), ("data/file", "bound\n")],
    );
    let secret = ctx.dir.join("tok.txt");
    ctx.write_file(&secret, "s3cret\n");
    let sec = format!("id=tok,src={}", secret.display());
    build(&ctx, &dir, &["-t", "m1", "--secret", &sec]).success();
    assert_eq!(
        run_out(
            &ctx,
            "m1",
            "cat /count /seen-secret /from-bind; test -e /cache || test -e /scratch || echo no-mount-points"
        ),
        "1\ns3cret\nbound\nno-mount-points\n"
    );
    // The cache mount persists: a build without the cache sees the first build's line.
    build(&ctx, &dir, &["--no-cache", "-t", "m2", "--secret", &sec]).success();
    assert_eq!(run_out(&ctx, "m2", "cat /count"), "2\n");
    // The context as a tar on standard input.
    let tar = ctx.dir.join("ctx.tar");
    let st = std::process::Command::new("tar")
        .args([
            "-cf",
            tar.to_str().unwrap(),
            "-C",
            dir.to_str().unwrap(),
            ".",
        ])
        .status()
        .unwrap();
    assert!(st.success());
    let script = format!(
        "exec {} build -t fromtar --secret {sec} - < {}",
        crate::harness::hutch_bin().display(),
        tar.display()
    );
    let out = ctx.command("sh").args(["-c", &script]).run().success();
    assert!(out.stdout.contains("STEP 5/5"), "{}", out.stdout);
    // And as a tar file.
    build(&ctx, &tar, &["-t", "fromtarfile", "--secret", &sec]).success();
}

/// Two RUN steps that change nothing give the image the same (empty) layer twice, and a COPY
/// of the same file twice the same layer twice: the image runs, and its later steps too.
#[test]
fn an_image_with_a_layer_twice_runs() {
    let (ctx, img) = setup("build-layer-twice");
    let dir = context(
        &ctx,
        "twice",
        &[
            (
                "Dockerfile",
                &format!(
                    "FROM {img}\nRUN true\nCOPY f /f\nRUN true\nRUN rm /f\nCOPY f /f\nRUN cat /f\n"
                ),
            ),
            ("f", "same\n"),
        ],
    );
    build(&ctx, &dir, &["-q", "-t", "twice"]).success();
    let layers = inspect(&ctx, "twice", "{{json .RootFS.Layers}}");
    let layers: Vec<String> = serde_json::from_str(&layers).unwrap();
    let distinct: std::collections::HashSet<_> = layers.iter().collect();
    assert!(distinct.len() < layers.len(), "{layers:?}");
    assert_eq!(run_out(&ctx, "twice", "cat /f"), "same\n");
}
