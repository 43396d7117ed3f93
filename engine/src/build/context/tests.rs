use super::*;
use std::fs;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::Path;

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

fn ctx_with(files: &[(&str, &str)]) -> (tempfile::TempDir, BuildContext) {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in files {
        write(dir.path(), rel, text);
    }
    let ctx = BuildContext::open_dir(dir.path(), "").unwrap();
    (dir, ctx)
}

fn strs(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The sources as (rel, is_dir) pairs, for comparing.
fn rels(srcs: &[ContextSource]) -> Vec<(String, bool)> {
    srcs.iter()
        .map(|s| (s.rel.to_string_lossy().into_owned(), s.is_dir))
        .collect()
}

fn resolve(ctx: &BuildContext, pats: &[&str]) -> Result<Vec<(String, bool)>, ContextError> {
    ctx.resolve_sources(&strs(pats), &[], false)
        .map(|s| rels(&s))
}

#[test]
fn dockerfile_defaults_and_names() {
    let (_d, ctx) = ctx_with(&[("Dockerfile", "FROM d"), ("Containerfile", "FROM c")]);
    assert_eq!(ctx.dockerfile_text().unwrap(), "FROM c");
    let (_d, ctx) = ctx_with(&[("Dockerfile", "\u{feff}FROM d")]);
    assert_eq!(ctx.dockerfile_text().unwrap(), "FROM d");
    let (d, _) = ctx_with(&[("sub/Build.df", "FROM x")]);
    let ctx = BuildContext::open_dir(d.path(), "sub/Build.df").unwrap();
    assert_eq!(ctx.dockerfile_text().unwrap(), "FROM x");
    let (_d, ctx) = ctx_with(&[("other", "")]);
    let e = ctx.dockerfile_text().unwrap_err();
    assert!(matches!(e, ContextError::NoDockerfile { .. }), "{e}");
    assert!(e.to_string().contains("--file"), "{e}");
    let ctx = BuildContext::open_dir(d.path(), "missing").unwrap();
    let e = ctx.dockerfile_text().unwrap_err();
    assert!(e.to_string().contains("missing"), "{e}");
}

#[test]
fn open_dir_refuses_a_file_or_nothing() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "f", "");
    let e = BuildContext::open_dir(&d.path().join("f"), "").unwrap_err();
    assert!(e.to_string().contains("not a directory"), "{e}");
    let e = BuildContext::open_dir(&d.path().join("none"), "").unwrap_err();
    assert!(e.to_string().contains("none"), "{e}");
}

#[test]
fn ignore_file_precedence() {
    let files = [
        ("Dockerfile", ""),
        ("Dockerfile.dockerignore", "a"),
        (".containerignore", "b"),
        (".dockerignore", "c"),
        ("a", ""),
        ("b", ""),
        ("c", ""),
    ];
    let (d, ctx) = ctx_with(&files);
    // No -f: the default Dockerfile's own ignore file wins.
    assert!(ctx.ignore_rules().is_excluded(Path::new("a")));
    assert!(!ctx.ignore_rules().is_excluded(Path::new("b")));
    fs::remove_file(d.path().join("Dockerfile.dockerignore")).unwrap();
    let ctx = BuildContext::open_dir(d.path(), "").unwrap();
    assert!(ctx.ignore_rules().is_excluded(Path::new("b")));
    fs::remove_file(d.path().join(".containerignore")).unwrap();
    let ctx = BuildContext::open_dir(d.path(), "").unwrap();
    assert!(ctx.ignore_rules().is_excluded(Path::new("c")));
    write(d.path(), "sub/x.df.dockerignore", "b");
    let ctx = BuildContext::open_dir(d.path(), "sub/x.df").unwrap();
    assert!(ctx.ignore_rules().is_excluded(Path::new("b")));
    assert!(!ctx.ignore_rules().is_excluded(Path::new("c")));
    write(d.path(), ".dockerignore", "[bad");
    let e = BuildContext::open_dir(d.path(), "").unwrap_err();
    assert!(e.to_string().contains(".dockerignore"), "{e}");
}

#[test]
fn plain_and_glob_sources() {
    let (_d, ctx) = ctx_with(&[
        ("a.txt", "a"),
        ("b.txt", "b"),
        ("c.md", "c"),
        ("dir/x.txt", "x"),
        ("dir/sub/y.txt", "y"),
    ]);
    assert_eq!(
        resolve(&ctx, &["a.txt"]).unwrap(),
        [("a.txt".into(), false)]
    );
    assert_eq!(
        resolve(&ctx, &["/a.txt"]).unwrap(),
        [("a.txt".into(), false)]
    );
    assert_eq!(
        resolve(&ctx, &["./dir/../a.txt"]).unwrap(),
        [("a.txt".into(), false)]
    );
    assert_eq!(
        resolve(&ctx, &["*.txt"]).unwrap(),
        [("a.txt".into(), false), ("b.txt".into(), false)]
    );
    assert_eq!(
        resolve(&ctx, &["c.md", "?.txt"]).unwrap(),
        [
            ("c.md".into(), false),
            ("a.txt".into(), false),
            ("b.txt".into(), false)
        ]
    );
    assert_eq!(resolve(&ctx, &["[ab].txt"]).unwrap().len(), 2);
    assert_eq!(
        resolve(&ctx, &["dir/*/y.txt"]).unwrap(),
        [("y.txt".into(), false)]
    );
    assert_eq!(
        resolve(&ctx, &["**/*.txt"]).unwrap(),
        [
            ("a.txt".into(), false),
            ("b.txt".into(), false),
            ("y.txt".into(), false),
            ("x.txt".into(), false)
        ]
    );
    // A directory brings its contents, each directory before what it holds.
    assert_eq!(
        resolve(&ctx, &["dir"]).unwrap(),
        [
            ("".into(), true),
            ("sub".into(), true),
            ("sub/y.txt".into(), false),
            ("x.txt".into(), false)
        ]
    );
    let with_parents = ctx
        .resolve_sources(&strs(&["dir/sub", "a.txt"]), &[], true)
        .unwrap();
    assert_eq!(
        rels(&with_parents),
        [
            ("dir/sub".into(), true),
            ("dir/sub/y.txt".into(), false),
            ("a.txt".into(), false)
        ]
    );
    assert_eq!(with_parents[1].abs, ctx.root().join("dir/sub/y.txt"));
}

#[test]
fn source_errors() {
    let (_d, ctx) = ctx_with(&[("a.txt", "a")]);
    let e = resolve(&ctx, &[]).unwrap_err();
    assert_eq!(e.to_string(), "COPY: no source files were specified");
    let e = resolve(&ctx, &["*.nothing"]).unwrap_err();
    assert!(matches!(e, ContextError::NoMatch { .. }), "{e}");
    assert!(
        e.to_string().contains("no source files were specified"),
        "{e}"
    );
    let e = resolve(&ctx, &["a.txt", "missing"]).unwrap_err();
    assert!(
        e.to_string().contains("stat missing: file does not exist"),
        "{e}"
    );
    for bad in ["../x", "a/../../x", ".."] {
        let e = resolve(&ctx, &[bad]).unwrap_err();
        assert!(
            matches!(e, ContextError::OutsideContext { .. }),
            "{bad}: {e}"
        );
        assert!(e.to_string().contains(bad), "{e}");
    }
    let e = resolve(&ctx, &["[x"]).unwrap_err();
    assert!(e.to_string().contains("[x"), "{e}");
}

#[test]
fn ignore_rules_apply_to_sources() {
    let (_d, ctx) = ctx_with(&[
        (".dockerignore", "*.log\nsecret\nbuild\n!build/keep.txt\n"),
        ("app.rs", ""),
        ("app.log", ""),
        ("secret", ""),
        ("build/out.o", ""),
        ("build/keep.txt", ""),
        ("src/x.log", ""),
        ("src/x.rs", ""),
    ]);
    let e = resolve(&ctx, &["secret"]).unwrap_err();
    assert!(matches!(e, ContextError::NotFound { .. }), "{e}");
    let e = resolve(&ctx, &["*.log"]).unwrap_err();
    assert!(matches!(e, ContextError::NoMatch { .. }), "{e}");
    assert_eq!(
        resolve(&ctx, &["."]).unwrap(),
        [
            ("".into(), true),
            (".dockerignore".into(), false),
            ("app.rs".into(), false),
            ("build/keep.txt".into(), false),
            ("src".into(), true),
            ("src/x.log".into(), false),
            ("src/x.rs".into(), false),
        ]
    );
    assert_eq!(
        resolve(&ctx, &["build"]).unwrap(),
        [("keep.txt".into(), false)]
    );
}

#[test]
fn exclude_flag() {
    let (_d, ctx) = ctx_with(&[
        ("a.txt", ""),
        ("b.md", ""),
        ("docs/c.md", ""),
        ("docs/d.txt", ""),
    ]);
    let got = ctx
        .resolve_sources(&strs(&["."]), &strs(&["*.md", "docs/*.txt"]), false)
        .unwrap();
    assert_eq!(
        rels(&got),
        [
            ("".into(), true),
            ("a.txt".into(), false),
            ("docs".into(), true),
            ("docs/c.md".into(), false)
        ]
    );
    let got = ctx
        .resolve_sources(&strs(&["docs"]), &strs(&["*.md"]), false)
        .unwrap();
    assert_eq!(rels(&got), [("".into(), true), ("d.txt".into(), false)]);
    let got = ctx
        .resolve_sources(&strs(&["*"]), &strs(&["*.md", "docs"]), false)
        .unwrap();
    assert_eq!(rels(&got), [("a.txt".into(), false)]);
}

#[test]
fn symlinks_stay_inside_the_context() {
    let (d, ctx) = ctx_with(&[("real/file", "inside"), ("etc/passwd", "fake")]);
    symlink("/etc", d.path().join("abs")).unwrap();
    symlink("../../../..", d.path().join("up")).unwrap();
    symlink("real", d.path().join("rel")).unwrap();
    symlink("loop2", d.path().join("loop1")).unwrap();
    symlink("loop1", d.path().join("loop2")).unwrap();
    symlink("/real/file", d.path().join("real/abs-link")).unwrap();
    // An absolute link is taken from the context root, never the host's.
    let got = ctx
        .resolve_sources(&strs(&["abs/passwd"]), &[], false)
        .unwrap();
    assert_eq!(got[0].abs, ctx.root().join("etc/passwd"));
    let got = ctx
        .resolve_sources(&strs(&["up/real/file"]), &[], false)
        .unwrap();
    assert_eq!(got[0].abs, ctx.root().join("real/file"));
    let got = ctx
        .resolve_sources(&strs(&["rel/file"]), &[], false)
        .unwrap();
    assert_eq!(got[0].abs, ctx.root().join("real/file"));
    assert_eq!(got[0].rel, Path::new("file"));
    let e = ctx
        .resolve_sources(&strs(&["loop1"]), &[], false)
        .unwrap_err();
    assert!(matches!(e, ContextError::SymlinkLoop { .. }), "{e}");
    // Inside a copied directory, links are copied as links.
    let got = ctx.resolve_sources(&strs(&["real"]), &[], false).unwrap();
    let link = got.iter().find(|s| s.rel == Path::new("abs-link")).unwrap();
    assert!(fs::symlink_metadata(&link.abs)
        .unwrap()
        .file_type()
        .is_symlink());
    // A named link is followed.
    let got = ctx
        .resolve_sources(&strs(&["real/abs-link"]), &[], false)
        .unwrap();
    assert_eq!(got[0].abs, ctx.root().join("real/file"));
    assert_eq!(got[0].rel, Path::new("abs-link"));
}

#[test]
fn deep_trees_walk_without_recursion() {
    let d = tempfile::tempdir().unwrap();
    let mut p = d.path().to_path_buf();
    let mut rel = String::new();
    for _ in 0..300 {
        p.push("d");
        rel.push_str("d/");
    }
    fs::create_dir_all(&p).unwrap();
    fs::write(p.join("leaf"), "x").unwrap();
    let ctx = BuildContext::open_dir(d.path(), "").unwrap();
    let got = ctx.resolve_sources(&strs(&["d"]), &[], false).unwrap();
    assert_eq!(got.len(), 301);
    assert!(got.last().unwrap().rel.ends_with("d/leaf"));
    let got = ctx
        .resolve_sources(&strs(&["**/leaf"]), &[], false)
        .unwrap();
    assert_eq!(got.len(), 1);
}

#[test]
fn digests_follow_content_not_times() {
    let (d, ctx) = ctx_with(&[
        (".dockerignore", "dir/ignored"),
        ("dir/a", "alpha"),
        ("dir/b", "beta"),
        ("dir/ignored", "one"),
    ]);
    let digest = |ctx: &BuildContext| {
        let s = ctx.resolve_sources(&strs(&["dir"]), &[], false).unwrap();
        ctx.digest_sources(&s).unwrap()
    };
    let first = digest(&ctx);
    assert!(first.starts_with("sha256:") && first.len() == 71, "{first}");
    assert_eq!(digest(&ctx), first);
    // Times do not count; excluded files do not count.
    let f = fs::File::options()
        .write(true)
        .open(d.path().join("dir/a"))
        .unwrap();
    f.set_modified(std::time::SystemTime::UNIX_EPOCH).unwrap();
    write(d.path(), "dir/ignored", "two");
    assert_eq!(digest(&ctx), first);
    // Contents, modes, names and link targets do.
    write(d.path(), "dir/a", "alphA");
    let changed = digest(&ctx);
    assert_ne!(changed, first);
    write(d.path(), "dir/a", "alpha");
    assert_eq!(digest(&ctx), first);
    fs::set_permissions(d.path().join("dir/b"), fs::Permissions::from_mode(0o755)).unwrap();
    assert_ne!(digest(&ctx), first);
    fs::set_permissions(d.path().join("dir/b"), fs::Permissions::from_mode(0o644)).unwrap();
    let base = digest(&ctx);
    symlink("a", d.path().join("dir/l")).unwrap();
    let with_link = digest(&ctx);
    assert_ne!(with_link, base);
    fs::remove_file(d.path().join("dir/l")).unwrap();
    symlink("b", d.path().join("dir/l")).unwrap();
    assert_ne!(digest(&ctx), with_link);
    fs::remove_file(d.path().join("dir/l")).unwrap();
    fs::rename(d.path().join("dir/b"), d.path().join("dir/c")).unwrap();
    assert_ne!(digest(&ctx), base);
    // Contents cannot be shifted between a name and the next entry.
    let (_d1, c1) = ctx_with(&[("x/a", "ab"), ("x/b", "")]);
    let (_d2, c2) = ctx_with(&[("x/a", "a"), ("x/b", "b")]);
    let s1 = c1.resolve_sources(&strs(&["x"]), &[], false).unwrap();
    let s2 = c2.resolve_sources(&strs(&["x"]), &[], false).unwrap();
    assert_ne!(
        c1.digest_sources(&s1).unwrap(),
        c2.digest_sources(&s2).unwrap()
    );
}

/// A tar entry with any name, bypassing the tar crate's own path checks.
fn raw_entry(
    b: &mut tar::Builder<Vec<u8>>,
    name: &[u8],
    kind: tar::EntryType,
    link: Option<&str>,
    data: &[u8],
) {
    let mut h = tar::Header::new_gnu();
    h.as_old_mut().name[..name.len()].copy_from_slice(name);
    h.set_entry_type(kind);
    h.set_mode(if kind == tar::EntryType::Directory {
        0o755
    } else {
        0o644
    });
    h.set_uid(0);
    h.set_gid(0);
    h.set_mtime(0);
    h.set_size(data.len() as u64);
    if let Some(l) = link {
        h.set_link_name(l).unwrap();
    }
    h.set_cksum();
    b.append(&h, data).unwrap();
}

fn tar_of(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, data) in entries {
        raw_entry(
            &mut b,
            name.as_bytes(),
            tar::EntryType::Regular,
            None,
            data.as_bytes(),
        );
    }
    b.into_inner().unwrap()
}

#[test]
fn tar_contexts() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tar_of(&[
        ("Dockerfile", "FROM scratch"),
        (".dockerignore", "skip"),
        ("src/main.rs", "fn main() {}"),
        ("skip", ""),
    ]);
    let ctx = BuildContext::open_tar_in(&data[..], "", tmp.path()).unwrap();
    assert_eq!(ctx.dockerfile_text().unwrap(), "FROM scratch");
    assert!(ctx.ignore_rules().is_excluded(Path::new("skip")));
    assert_eq!(
        fs::read_to_string(ctx.root().join("src/main.rs")).unwrap(),
        "fn main() {}"
    );
    let root = ctx.root().to_path_buf();
    drop(ctx);
    assert!(!root.exists(), "the unpacked context goes with it");

    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, &data).unwrap();
    let ctx = BuildContext::open_tar_in(&gz.finish().unwrap()[..], "", tmp.path()).unwrap();
    assert_eq!(ctx.dockerfile_text().unwrap(), "FROM scratch");

    let zst = zstd::encode_all(&data[..], 1).unwrap();
    let ctx = BuildContext::open_tar_in(&zst[..], "", tmp.path()).unwrap();
    assert!(ctx.root().join("src/main.rs").exists());

    let e = BuildContext::open_tar_in(&b"BZh91AY&SY"[..], "", tmp.path()).unwrap_err();
    assert!(e.to_string().contains("bzip2"), "{e}");
}

#[test]
fn hostile_tar_contexts() {
    let tmp = tempfile::tempdir().unwrap();
    let outside = tmp.path().join("escaped");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("dotdot", tar_of(&[("../escaped", "x")])),
        ("nested dotdot", tar_of(&[("a/../../escaped", "x")])),
        ("absolute", tar_of(&[("/tmp/escaped", "x")])),
        ("through an absolute link", {
            let mut b = tar::Builder::new(Vec::new());
            raw_entry(
                &mut b,
                b"link",
                tar::EntryType::Symlink,
                Some(tmp.path().to_str().unwrap()),
                b"",
            );
            raw_entry(&mut b, b"link/escaped", tar::EntryType::Regular, None, b"x");
            b.into_inner().unwrap()
        }),
        ("through a relative link", {
            let mut b = tar::Builder::new(Vec::new());
            raw_entry(&mut b, b"up", tar::EntryType::Symlink, Some(".."), b"");
            raw_entry(&mut b, b"up/escaped", tar::EntryType::Regular, None, b"x");
            b.into_inner().unwrap()
        }),
        ("a device node", {
            let mut b = tar::Builder::new(Vec::new());
            raw_entry(&mut b, b"null", tar::EntryType::Char, None, b"");
            b.into_inner().unwrap()
        }),
    ];
    for (what, data) in cases {
        let r = BuildContext::open_tar_in(&data[..], "", tmp.path());
        assert!(r.is_err(), "{what}: should be refused");
        assert!(!outside.exists(), "{what}: wrote outside the context");
    }
    // Links themselves may point anywhere; reading through them stays inside.
    let mut b = tar::Builder::new(Vec::new());
    raw_entry(&mut b, b"etc", tar::EntryType::Symlink, Some("/etc"), b"");
    raw_entry(
        &mut b,
        b"Dockerfile",
        tar::EntryType::Regular,
        None,
        b"FROM x",
    );
    let ctx = BuildContext::open_tar_in(&b.into_inner().unwrap()[..], "", tmp.path()).unwrap();
    assert!(ctx
        .resolve_sources(&strs(&["etc/passwd"]), &[], false)
        .is_err());
}

#[test]
fn deeply_nested_tar() {
    let tmp = tempfile::tempdir().unwrap();
    let name = "d/".repeat(40) + "leaf";
    let mut b = tar::Builder::new(Vec::new());
    let mut h = tar::Header::new_gnu();
    h.set_size(1);
    h.set_mode(0o644);
    h.set_uid(0);
    h.set_gid(0);
    h.set_mtime(0);
    b.append_data(&mut h, &name, &b"x"[..]).unwrap();
    let ctx = BuildContext::open_tar_in(&b.into_inner().unwrap()[..], "", tmp.path()).unwrap();
    assert!(ctx.root().join(&name).exists());
}

#[test]
fn git_urls() {
    use fetch::{is_git_url, parse_git_url, GitSpec};
    for (url, git) in [
        ("git://host/repo", true),
        ("git@github.com:o/r.git", true),
        ("github.com/o/r", true),
        ("https://host/o/r.git", true),
        ("https://host/o/r.git#main:sub", true),
        ("ssh://host/r", true),
        ("https://host/context.tar.gz", false),
        ("https://host/Dockerfile", false),
        ("http://host/r.gitx", false),
    ] {
        assert_eq!(is_git_url(url), git, "{url}");
    }
    assert_eq!(
        parse_git_url("https://h/r.git#v1.2:docs/app/"),
        GitSpec {
            repo: "https://h/r.git".into(),
            reference: Some("v1.2".into()),
            subdir: Some("docs/app".into())
        }
    );
    assert_eq!(
        parse_git_url("github.com/o/r#:sub"),
        GitSpec {
            repo: "https://github.com/o/r".into(),
            reference: None,
            subdir: Some("sub".into())
        }
    );
    assert_eq!(parse_git_url("git@h:r.git").reference, None);
}

fn git(dir: &Path, args: &[&str]) {
    let st = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .status()
        .unwrap();
    assert!(st.success(), "git {args:?}");
}

#[test]
fn git_clone_with_ref_and_subdir() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("src.git");
    fs::create_dir(&repo).unwrap();
    git(&repo, &["init", "-q"]);
    write(&repo, "Dockerfile", "FROM one");
    write(&repo, "app/Dockerfile", "FROM app");
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-qm", "one"]);
    git(&repo, &["tag", "v1"]);
    write(&repo, "Dockerfile", "FROM two");
    git(&repo, &["commit", "-qam", "two"]);
    let url = format!("file://{}", repo.display());
    let root = fetch::git_clone(&url, &tmp.path().join("a")).unwrap();
    assert_eq!(
        fs::read_to_string(root.join("Dockerfile")).unwrap(),
        "FROM two"
    );
    let root = fetch::git_clone(&format!("{url}#v1"), &tmp.path().join("b")).unwrap();
    assert_eq!(
        fs::read_to_string(root.join("Dockerfile")).unwrap(),
        "FROM one"
    );
    let root = fetch::git_clone(&format!("{url}#v1:app"), &tmp.path().join("c")).unwrap();
    assert_eq!(
        fs::read_to_string(root.join("Dockerfile")).unwrap(),
        "FROM app"
    );
    let e = fetch::git_clone(&format!("{url}#:../.."), &tmp.path().join("d")).unwrap_err();
    assert!(e.to_string().contains("outside"), "{e}");
    let e = fetch::git_clone(&format!("{url}#nope"), &tmp.path().join("e")).unwrap_err();
    assert!(e.to_string().contains("git clone failed"), "{e}");
}

/// Serves `body` once over HTTP on a local port; returns the URL base.
fn serve_once(body: Vec<u8>, status: &'static str) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        let mut buf = [0u8; 4096];
        let _ = std::io::Read::read(&mut s, &mut buf);
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = std::io::Write::write_all(&mut s, head.as_bytes());
        let _ = std::io::Write::write_all(&mut s, &body);
    });
    format!("http://{addr}")
}

#[test]
fn http_contexts() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tar_of(&[("Dockerfile", "FROM tarred"), ("f", "x")]);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, &data).unwrap();
    let url = serve_once(gz.finish().unwrap(), "200 OK");
    let ctx = BuildContext::open_url_in(&format!("{url}/ctx.tar.gz"), "", tmp.path()).unwrap();
    assert_eq!(ctx.dockerfile_text().unwrap(), "FROM tarred");
    assert!(ctx.root().join("f").exists());

    let url = serve_once(b"FROM plain\nRUN true\n".to_vec(), "200 OK");
    let ctx = BuildContext::open_url_in(&format!("{url}/Dockerfile"), "", tmp.path()).unwrap();
    assert_eq!(ctx.dockerfile_text().unwrap(), "FROM plain\nRUN true\n");

    let url = serve_once(Vec::new(), "404 Not Found");
    let e = BuildContext::open_url_in(&format!("{url}/gone"), "", tmp.path()).unwrap_err();
    assert!(e.to_string().contains("404"), "{e}");
    let e = BuildContext::open_url_in("ftp://x/y", "", tmp.path()).unwrap_err();
    assert!(matches!(e, ContextError::BadUrl { .. }), "{e}");
}
