//! `hutch build` sources beyond the context: `ADD` of HTTP URLs (with `--checksum`) and git
//! repositories served by a real HTTP server on 127.0.0.1, several here-documents on one
//! instruction, `COPY --link` layers that survive a changed base, and `COPY --from` keeping
//! the owners of the files it copies.

use crate::build::{build, context, inspect, run_out};
use crate::busybox_context as setup;
use crate::harness::{require, session, TestContext};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// `python3 -m http.server` serving `root` on 127.0.0.1; stopped when dropped.
struct HttpServer {
    child: Child,
    port: u16,
}

impl HttpServer {
    fn start(root: &Path) -> HttpServer {
        let python = require("python3", "python3");
        let mut child = Command::new(python)
            .args(["-u", "-m", "http.server", "--bind", "127.0.0.1", "0"])
            .current_dir(root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start python3 -m http.server");
        session().at_exit(&format!("kill -9 {}", child.id()));
        // "Serving HTTP on 127.0.0.1 port 12345 (http://127.0.0.1:12345/) ..."
        let mut line = String::new();
        let _ = BufReader::new(child.stdout.take().unwrap()).read_line(&mut line);
        let port = line
            .split_whitespace()
            .skip_while(|w| *w != "port")
            .nth(1)
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("http.server did not say its port: {line:?}"));
        HttpServer { child, port }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}/{path}", self.port)
    }
}

impl Drop for HttpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn sha256_of(path: &Path) -> String {
    let out = Command::new("sha256sum").arg(path).output().unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    format!("sha256:{}", s.split_whitespace().next().unwrap())
}

fn tagged(ctx: &TestContext, name: &str) -> bool {
    ctx.hutch(["image", "exists", name]).run().code == Some(0)
}

#[test]
fn build_add_downloads_urls_with_checksums_and_caches_on_their_content() {
    let (ctx, img) = setup("build-add-url");
    let www = ctx.dir.join("www");
    std::fs::create_dir_all(&www).unwrap();
    let file = www.join("file.txt");
    std::fs::write(&file, "hello from http\n").unwrap();
    // A known Last-Modified: 2001-09-09T01:46:40Z.
    let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(when)
        .unwrap();
    let st = Command::new("tar")
        .args(["czf", "a.tar.gz", "file.txt"])
        .current_dir(&www)
        .status()
        .unwrap();
    assert!(st.success());
    let srv = HttpServer::start(&www);
    let digest = sha256_of(&file);
    let df = format!(
        "FROM {img}\n\
         ADD {u} /dl/\n\
         ADD --chown=1:2 --chmod=0644 {u} /named.txt\n\
         ADD --checksum={digest} {u} /checked/\n\
         ADD {t} /tars/\n",
        u = srv.url("file.txt"),
        t = srv.url("a.tar.gz"),
    );
    let dir = context(&ctx, "url", &[("Dockerfile", &df)]);
    build(&ctx, &dir, &["-t", "addurl"]).success();
    assert_eq!(
        run_out(
            &ctx,
            "addurl",
            "stat -c '%a %u:%g %Y' /dl/file.txt /named.txt /checked/file.txt; cat /dl/file.txt; ls /tars"
        ),
        "600 0:0 1000000000\n644 1:2 1000000000\n600 0:0 1000000000\nhello from http\na.tar.gz\n"
    );
    // Unchanged content: every ADD from the cache.
    let again = build(&ctx, &dir, &["-t", "addurl"]).success();
    assert_eq!(
        again.stdout.matches("--> Using cache").count(),
        4,
        "{}",
        again.stdout
    );
    // New content behind the same URL: the pinned checksum no longer matches, a clear error
    // naming the URL and both digests, and nothing tagged.
    std::fs::write(&file, "changed\n").unwrap();
    let changed = build(&ctx, &dir, &["-t", "addurl2"]).failure();
    let new_digest = sha256_of(&file);
    assert!(
        changed.stderr.contains(&srv.url("file.txt"))
            && changed.stderr.contains(&digest)
            && changed.stderr.contains(&new_digest),
        "{}",
        changed.stderr
    );
    assert!(!tagged(&ctx, "addurl2"));
    let unpinned = df.replace(&format!("ADD --checksum={digest} "), "ADD ");
    ctx.write_file(&dir.join("Dockerfile"), &unpinned);
    // Without the pin: the two ADDs the failed build finished with the new content are
    // cached, the rest runs again.
    let rebuilt = build(&ctx, &dir, &["-t", "addurl3"]).success();
    assert_eq!(
        rebuilt.stdout.matches("--> Using cache").count(),
        2,
        "{}",
        rebuilt.stdout
    );
    assert_eq!(run_out(&ctx, "addurl3", "cat /dl/file.txt"), "changed\n");
    // A URL that fails names itself and what the server said.
    let missing = format!("FROM {img}\nADD {} /x\n", srv.url("nope.txt"));
    ctx.write_file(&dir.join("Dockerfile"), &missing);
    let bad = build(&ctx, &dir, &["-t", "addurl4"]).code(125);
    assert!(
        bad.stderr.contains(&srv.url("nope.txt")) && bad.stderr.contains("404"),
        "{}",
        bad.stderr
    );
    assert!(!tagged(&ctx, "addurl4"));
    // Downloads live in the store's staging area only while their step runs, failed or not.
    assert_eq!(crate::staging_leftovers(&ctx), Vec::<String>::new());
}

/// Runs git in `dir` with a fixed identity; fails the test when git fails.
pub(crate) fn git(dir: &Path, args: &[&str]) {
    let out = Command::new(require("git", "git"))
        .args([
            "-c",
            "user.name=hutch",
            "-c",
            "user.email=hutch@example.com",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn build_add_clones_git_repositories_over_http() {
    let (ctx, img) = setup("build-add-git");
    let src = ctx.dir.join("repo-src");
    std::fs::create_dir_all(src.join("sub")).unwrap();
    std::fs::write(src.join("a.txt"), "v1\n").unwrap();
    std::fs::write(src.join("sub/inner.txt"), "inner\n").unwrap();
    // The repository is a build context too.
    std::fs::write(
        src.join("Dockerfile"),
        format!("FROM {img}\nCOPY a.txt /ctx-a.txt\n"),
    )
    .unwrap();
    git(&src, &["init", "-q", "-b", "main"]);
    git(&src, &["add", "."]);
    git(&src, &["commit", "-q", "-m", "one"]);
    git(&src, &["tag", "v1"]);
    std::fs::write(src.join("a.txt"), "v2\n").unwrap();
    git(&src, &["commit", "-q", "-am", "two"]);
    // A bare copy served by a plain HTTP server: git's dumb protocol.
    let www = ctx.dir.join("www");
    std::fs::create_dir_all(&www).unwrap();
    git(
        &www,
        &["clone", "-q", "--bare", src.to_str().unwrap(), "repo.git"],
    );
    git(&www.join("repo.git"), &["update-server-info"]);
    let srv = HttpServer::start(&www);
    let repo = srv.url("repo.git");
    let df = format!(
        "FROM {img}\n\
         ADD {repo} /src\n\
         ADD {repo}#v1:sub /old-sub/\n\
         ADD {repo}#v1 /old/\n\
         ADD --keep-git-dir=true --chown=3:4 {repo}#main /kept/\n"
    );
    let dir = context(&ctx, "git", &[("Dockerfile", &df)]);
    build(&ctx, &dir, &["-t", "addgit"]).success();
    assert_eq!(
        run_out(
            &ctx,
            "addgit",
            "cat /src/a.txt /src/sub/inner.txt /old/a.txt; ls -A /old-sub; \
             test -e /src/.git || echo no-git; test -d /kept/.git && echo kept; \
             stat -c '%u:%g' /src/a.txt /kept/a.txt"
        ),
        "v2\ninner\nv1\ninner.txt\nno-git\nkept\n0:0\n3:4\n"
    );
    // The same commits: the cache holds.
    let again = build(&ctx, &dir, &["-t", "addgit"]).success();
    assert_eq!(
        again.stdout.matches("--> Using cache").count(),
        4,
        "{}",
        again.stdout
    );
    // The repository as the context, fetched the same way.
    ctx.hutch(["build", "-t", "gitctx", &format!("{repo}#main")])
        .run()
        .success();
    assert_eq!(run_out(&ctx, "gitctx", "cat /ctx-a.txt"), "v2\n");
    // --checksum pins the commit a reference must name.
    let v1 = Command::new(require("git", "git"))
        .args(["rev-parse", "v1"])
        .current_dir(&src)
        .output()
        .unwrap();
    let v1 = String::from_utf8_lossy(&v1.stdout).trim().to_string();
    ctx.write_file(
        &dir.join("Dockerfile"),
        format!("FROM {img}\nADD --checksum={v1} {repo}#v1 /pinned/\n"),
    );
    build(&ctx, &dir, &["-t", "addgit-pinned"]).success();
    ctx.write_file(
        &dir.join("Dockerfile"),
        format!("FROM {img}\nADD --checksum={v1} {repo}#main /pinned/\n"),
    );
    let moved = build(&ctx, &dir, &["-t", "addgit-moved"]).code(125);
    assert!(
        moved.stderr.contains(&v1) && moved.stderr.contains("checksum mismatch"),
        "{}",
        moved.stderr
    );
    // A reference that does not exist is a clear error naming the repository.
    ctx.write_file(
        &dir.join("Dockerfile"),
        format!("FROM {img}\nADD {repo}#no-such-branch /x/\n"),
    );
    let bad = build(&ctx, &dir, &["-t", "addgit2"]).code(125);
    assert!(
        bad.stderr.contains(&repo) && bad.stderr.contains("no-such-branch"),
        "{}",
        bad.stderr
    );
    assert_eq!(crate::staging_leftovers(&ctx), Vec::<String>::new());
}

#[test]
fn build_heredocs_several_on_one_instruction() {
    let (ctx, img) = setup("build-heredocs");
    let df = format!(
        "FROM {img}\n\
         ARG WHO=arg\n\
         RUN <<A cat > /a && <<-\"B\" cat > /b\n\
         first $WHO\n\
         A\n\
         \tsecond $WHO\n\
         \tB\n\
         RUN cat <<X > /x; cat <<Y > /y\n\
         ex\n\
         X\n\
         why\n\
         Y\n\
         RUN <<EOF\n\
         #!/bin/sh\n\
         echo \"script at $0\" > /script\n\
         EOF\n\
         COPY <<one <<two /docs/\n\
         doc one\n\
         one\n\
         doc two\n\
         two\n\
         RUN echo after > /after\n"
    );
    let dir = context(&ctx, "heredocs", &[("Dockerfile", &df)]);
    let out = build(&ctx, &dir, &["-t", "heredocs"]).success();
    // Progress shows the instructions as written.
    assert!(
        out.stdout.contains("RUN <<A cat > /a && <<-\"B\" cat > /b"),
        "{}",
        out.stdout
    );
    assert_eq!(
        run_out(
            &ctx,
            "heredocs",
            "cat /a /b /x /y /script /docs/one /docs/two /after"
        ),
        "first arg\nsecond $WHO\nex\nwhy\nscript at /dev/pipes/EOF\ndoc one\ndoc two\nafter\n"
    );
    // An unterminated document names its line.
    ctx.write_file(
        &dir.join("Dockerfile"),
        format!("FROM {img}\nRUN <<A <<B\none\nA\n"),
    );
    let bad = build(&ctx, &dir, &[]).code(125);
    assert!(
        bad.stderr.contains("line 2") && bad.stderr.contains("\"B\""),
        "{}",
        bad.stderr
    );
}

#[test]
fn build_copy_link_layer_is_reused_on_a_changed_base() {
    let (ctx, img) = setup("build-link");
    // A second base: the first with one more layer.
    let base2 = context(
        &ctx,
        "base2",
        &[(
            "Dockerfile",
            &format!("FROM {img}\nRUN echo two > /base2\n"),
        )],
    );
    build(&ctx, &base2, &["-t", "linkbase2"]).success();
    let df = "ARG BASE\nFROM $BASE\nCOPY --link a.txt /app/a.txt\nCOPY --link dir /app/dir/\n";
    let dir = context(
        &ctx,
        "link",
        &[("Dockerfile", df), ("a.txt", "a\n"), ("dir/b.txt", "b\n")],
    );
    build(
        &ctx,
        &dir,
        &["-t", "link1", "--build-arg", &format!("BASE={img}")],
    )
    .success();
    let layers = |name: &str| -> Vec<String> {
        inspect(&ctx, name, "{{range .RootFS.Layers}}{{println .}}{{end}}")
            .lines()
            .map(String::from)
            .collect()
    };
    let l1 = layers("link1");
    let second = build(
        &ctx,
        &dir,
        &["-t", "link2", "--build-arg", "BASE=localhost/linkbase2"],
    )
    .success();
    assert_eq!(
        second.stdout.matches("--> Using cache").count(),
        2,
        "{}",
        second.stdout
    );
    let l2 = layers("link2");
    assert_eq!(l2.len(), l1.len() + 1, "{l1:?} {l2:?}");
    assert_eq!(l1[l1.len() - 2..], l2[l2.len() - 2..], "{l1:?} {l2:?}");
    assert_eq!(
        run_out(&ctx, "link2", "cat /base2 /app/a.txt /app/dir/b.txt"),
        "two\na\nb\n"
    );
    // Without --link the same COPY on the new base is a new layer.
    ctx.write_file(
        &dir.join("Dockerfile"),
        "ARG BASE\nFROM $BASE\nCOPY a.txt /app/a.txt\n",
    );
    build(
        &ctx,
        &dir,
        &["-t", "nolink1", "--build-arg", &format!("BASE={img}")],
    )
    .success();
    let plain = build(
        &ctx,
        &dir,
        &["-t", "nolink2", "--build-arg", "BASE=localhost/linkbase2"],
    )
    .success();
    assert!(!plain.stdout.contains("Using cache"), "{}", plain.stdout);
}

#[test]
fn build_copy_from_keeps_owners_and_modes() {
    let (ctx, img) = setup("build-from-owners");
    let df = format!(
        "FROM {img} AS make\n\
         RUN mkdir -p /data/sub && echo f > /data/sub/f && echo g > /data/g && \
             chown -R 1234:2345 /data && chown 7:8 /data/g && chmod 0750 /data/sub && \
             chmod 0604 /data/g && ln -s g /data/link && chown -h 9:10 /data/link\n\
         FROM {img}\n\
         COPY --from=make /data /data\n\
         COPY --from=make --chown=5:6 /data /chowned\n\
         COPY --from=make /data/g /single\n"
    );
    let dir = context(&ctx, "from", &[("Dockerfile", &df)]);
    build(&ctx, &dir, &["-t", "fromowners"]).success();
    assert_eq!(
        run_out(
            &ctx,
            "fromowners",
            "cd /data && stat -c '%n %u:%g %a' sub sub/f g; stat -c '%n %u:%g' link; \
             cd /chowned && stat -c '%n %u:%g %a' sub sub/f g; stat -c '%u:%g %a' /single"
        ),
        "sub 1234:2345 750\nsub/f 1234:2345 644\ng 7:8 604\nlink 9:10\n\
         sub 5:6 750\nsub/f 5:6 644\ng 5:6 604\n7:8 604\n"
    );
    // From an image by name, the same.
    ctx.write_file(
        &dir.join("Dockerfile"),
        format!("FROM {img}\nCOPY --from=localhost/fromowners /data/sub /from-image/\n"),
    );
    build(&ctx, &dir, &["-t", "fromimage"]).success();
    assert_eq!(
        run_out(&ctx, "fromimage", "stat -c '%u:%g %a' /from-image/f"),
        "1234:2345 644\n"
    );
}

#[test]
fn build_ctrl_c_during_an_add_download_stops_the_build_and_leaves_nothing() {
    let (ctx, img) = setup("build-add-interrupt");
    // A server that takes the connection and never answers.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let df = format!("FROM {img}\nADD http://127.0.0.1:{port}/never.bin /x\n");
    let dir = context(&ctx, "interrupt", &[("Dockerfile", &df)]);
    let mut run = ctx
        .hutch(["build", "-t", "interrupted", dir.to_str().unwrap()])
        .spawn();
    // The download has started once its directory is in the staging area.
    crate::harness::until(
        "the ADD to start downloading",
        std::time::Duration::from_secs(60),
        || !crate::staging_leftovers(&ctx).is_empty() || !run.alive(),
    );
    assert!(run.alive(), "the build ended before its download started");
    let st = Command::new("kill")
        .args(["-INT", &run.pid().to_string()])
        .status()
        .unwrap();
    assert!(st.success());
    let out = run.wait();
    assert_eq!(out.code, Some(130), "{out:?}");
    assert!(out.stderr.contains("interrupted"), "{}", out.stderr);
    assert!(!tagged(&ctx, "interrupted"));
    assert_eq!(crate::staging_leftovers(&ctx), Vec::<String>::new());
    drop(silent);
}
