//! `hutch build` end to end as the unprivileged test user, from the local busybox image: the
//! instructions, multi-stage builds, the cache, build args, owners, here-documents, a failing
//! RUN, and the built image run with `hutch run`.

use crate::busybox_context as setup;
use crate::harness::TestContext;
use std::path::PathBuf;

/// Writes `files` (path, contents) into a new context directory `name` and returns it.
fn context(ctx: &TestContext, name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = ctx.dir.join(name);
    for (p, c) in files {
        ctx.write_file(&dir.join(p), c);
    }
    dir
}

fn inspect(ctx: &TestContext, image: &str, format: &str) -> String {
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
