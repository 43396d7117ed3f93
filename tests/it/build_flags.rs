//! `hutch build` flags and Dockerfile features not covered elsewhere: --build-arg-file,
//! --annotation, --platform, --format docker, --pull policies, -f - (stdin), parser
//! directives, ignore-file precedence, the predefined platform and proxy args, COPY
//! --exclude/--parents, RUN --mount=type=ssh, `buildx build`, and a base image's `/` mode.

use crate::build::{build, context, inspect, run_out};
use crate::build_remote_auth::start_ssh_agent;
use crate::busybox_context as setup;

#[test]
fn build_flags_arg_file_annotation_platform_format_and_predefined_args() {
    let (ctx, img) = setup("build-flags");
    let df = format!(
        "FROM {img}\n\
         ARG A\nARG B\nARG TARGETPLATFORM\nARG TARGETOS\nARG TARGETARCH\nARG BUILDPLATFORM\n\
         RUN echo \"$A $B\" > /args && echo \"$TARGETPLATFORM $TARGETOS $TARGETARCH $BUILDPLATFORM\" > /plat \
         && echo \"proxy=$HTTP_PROXY\" > /proxy\n\
         CMD [\"cat\", \"/args\"]\n"
    );
    let dir = context(
        &ctx,
        "flags",
        &[
            ("Dockerfile", &df),
            ("args.conf", "# a comment\nA=from-file\n\nB=two words\n"),
        ],
    );
    let args_file = dir.join("args.conf");
    build(
        &ctx,
        &dir,
        &[
            "--build-arg-file",
            args_file.to_str().unwrap(),
            "--build-arg",
            "HTTP_PROXY=http://proxy.invalid:3128",
            "--format",
            "docker",
            "-t",
            "flags",
        ],
    )
    .success();
    assert_eq!(run_out(&ctx, "flags", "cat /args"), "from-file two words\n");
    // The built docker-format image runs with its CMD.
    let run = ctx.hutch(["run", "--rm", "flags"]).run().success();
    assert_eq!(run.stdout, "from-file two words\n");
    let arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        a => a,
    };
    assert_eq!(
        run_out(&ctx, "flags", "cat /plat"),
        format!("linux/{arch} linux {arch} linux/{arch}\n")
    );
    // A proxy arg reaches RUN but, as with Docker, not the image's history or config.
    assert_eq!(
        run_out(&ctx, "flags", "cat /proxy"),
        "proxy=http://proxy.invalid:3128\n"
    );
    let hist = ctx
        .hutch(["history", "--no-trunc", "flags"])
        .run()
        .success();
    assert!(!hist.stdout.contains("proxy.invalid"), "{}", hist.stdout);
    let all = ctx.hutch(["image", "inspect", "flags"]).run().success();
    assert!(!all.stdout.contains("proxy.invalid"), "{}", all.stdout);
    // Docker media types (a docker manifest has no annotations: podman drops them too).
    let manifest = inspect(&ctx, "flags", "{{.ManifestType}}");
    assert_eq!(
        manifest,
        "application/vnd.docker.distribution.manifest.v2+json"
    );

    // --platform: this host's is accepted, another is refused clearly. --annotation lands in
    // the (OCI) manifest.
    let own = format!("linux/{arch}");
    let annotation = ["--annotation", "org.example.note=hello"];
    build(
        &ctx,
        &dir,
        &[&["--platform", &own, "-t", "own"][..], &annotation].concat(),
    )
    .success();
    assert_eq!(
        inspect(&ctx, "own", "{{index .Annotations \"org.example.note\"}}"),
        "hello"
    );
    let other = if arch == "s390x" {
        "linux/amd64"
    } else {
        "linux/s390x"
    };
    let bad = build(&ctx, &dir, &["--platform", other]).code(125);
    assert!(bad.stderr.contains(other), "{}", bad.stderr);

    // `buildx build` is build; buildx's --load and --progress are accepted.
    ctx.hutch([
        "buildx",
        "build",
        "--load",
        "--progress",
        "plain",
        "-t",
        "bx",
    ])
    .arg(&dir)
    .run()
    .success();
    inspect(&ctx, "bx", "{{.Id}}");
}

#[test]
fn build_file_on_stdin_directives_ignore_files_and_copy_options() {
    let (ctx, img) = setup("build-syntax");
    // `# escape=` makes the backtick the line continuation; `# check=` is accepted.
    let df = format!(
        "# escape=`\n# check=skip=all\nFROM {img}\n\
         RUN echo one `\n  two > /esc\n\
         COPY --exclude=*.log --exclude=skip/ src/ /ex/\n\
         COPY --parents a/b/*.txt c/d.txt /par/\n\
         COPY . /ctx/\n"
    );
    let dir = context(
        &ctx,
        "syntax",
        &[
            ("src/keep.txt", "keep\n"),
            ("src/drop.log", "log\n"),
            ("src/skip/x.txt", "x\n"),
            ("src/sub/in.txt", "in\n"),
            ("a/b/one.txt", "1\n"),
            ("a/b/two.md", "2\n"),
            ("c/d.txt", "d\n"),
            ("ign-docker", "d\n"),
            ("ign-container", "c\n"),
            ("ign-dockerfile", "f\n"),
            (".dockerignore", "ign-docker\n"),
            (".containerignore", "ign-container\n"),
        ],
    );
    let df_path = ctx.dir.join("Stdin.Dockerfile");
    ctx.write_file(&df_path, &df);
    // -f - reads the Dockerfile from standard input.
    let script = format!(
        "'{}' build -f - -t syntax '{}' < '{}'",
        crate::harness::hutch_bin().display(),
        dir.display(),
        df_path.display()
    );
    ctx.command("sh").args(["-c", &script]).run().success();
    let listing = "cat /esc; cd /ex && find . | sort; cd /par && find . | sort; ls /ctx";
    let out = run_out(&ctx, "syntax", listing);
    let (esc, rest) = out.split_once('\n').unwrap();
    assert_eq!(esc, "one two");
    assert!(
        rest.starts_with(".\n./keep.txt\n./sub\n./sub/in.txt\n.\n"),
        "{out}"
    );
    assert!(
        !rest.contains("drop.log") && !rest.contains("skip"),
        "{out}"
    );
    assert!(
        rest.contains("./a/b/one.txt\n./c\n./c/d.txt\n"),
        "--parents keeps the paths: {out}"
    );
    assert!(!rest.contains("two.md"), "{out}");
    // .containerignore wins over .dockerignore, as in podman.
    assert!(rest.contains("ign-docker\n"), "{out}");
    assert!(!rest.contains("ign-container"), "{out}");

    // <Dockerfile>.dockerignore next to the Dockerfile wins over the context's files.
    let df2 = format!("FROM {img}\nCOPY . /ctx/\n");
    let own = dir.join("Own.Dockerfile");
    ctx.write_file(&own, &df2);
    ctx.write_file(&dir.join("Own.Dockerfile.dockerignore"), "ign-dockerfile\n");
    build(&ctx, &dir, &["-f", own.to_str().unwrap(), "-t", "own"]).success();
    let ls = run_out(&ctx, "own", "ls /ctx");
    assert!(!ls.contains("ign-dockerfile"), "{ls}");
    assert!(
        ls.contains("ign-docker\n") && ls.contains("ign-container\n"),
        "{ls}"
    );
}

#[test]
fn build_pull_policies_against_the_local_registry() {
    let (ctx, img) = setup("build-pull");
    let dir = context(
        &ctx,
        "pull",
        &[("Dockerfile", &format!("FROM {img}\nRUN echo hi > /hi\n"))],
    );
    for policy in ["always", "missing", "never", "newer"] {
        let out = build(
            &ctx,
            &dir,
            &[
                &format!("--pull={policy}"),
                "--tls-verify=false",
                "-t",
                policy,
            ],
        )
        .success();
        assert_eq!(run_out(&ctx, policy, "cat /hi"), "hi\n", "{}", out.stdout);
    }
    // never with the base missing: an error that names the image.
    ctx.hutch(["rmi", "-a", "-f"]).run().success();
    let bad = build(&ctx, &dir, &["--pull=never", "--no-cache"]).failure();
    assert!(bad.stderr.contains("busybox"), "{}", bad.stderr);
    // newer with it missing pulls it.
    build(
        &ctx,
        &dir,
        &["--pull=newer", "--tls-verify=false", "-t", "n2"],
    )
    .success();
}

#[test]
fn build_run_mount_ssh_gives_run_the_agent_socket() {
    let (ctx, img) = setup("build-mount-ssh");
    let sock = ctx.dir.join("agent.sock");
    let _agent = start_ssh_agent(&ctx, &sock);
    let df = format!(
        "FROM {img}\n\
         RUN --mount=type=ssh test -S \"$SSH_AUTH_SOCK\" && echo \"sock=$SSH_AUTH_SOCK\" > /ssh\n\
         RUN --mount=type=ssh,id=other,target=/run/other.sock test -S /run/other.sock && echo ok > /other\n"
    );
    let dir = context(&ctx, "ssh", &[("Dockerfile", &df)]);
    let default = format!("default={}", sock.display());
    let other = format!("other={}", sock.display());
    build(
        &ctx,
        &dir,
        &["--ssh", &default, "--ssh", &other, "-t", "ssh"],
    )
    .success();
    let out = run_out(&ctx, "ssh", "cat /ssh /other");
    assert!(out.starts_with("sock=/"), "{out}");
    assert!(out.ends_with("ok\n"), "{out}");
    // Without --ssh the mount has nothing to give: the error names the id and the flag.
    let bad = build(&ctx, &dir, &["--no-cache"]).failure();
    assert!(bad.stderr.contains("--ssh"), "{}", bad.stderr);
}
