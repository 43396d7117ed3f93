//! save, load and import against the real podman and skopeo: hutch's archives load in podman,
//! podman's and skopeo's load in hutch, several images per docker-archive, compressed
//! archives, the directory layouts, hostile archives refused with nothing written, and
//! `export | import` round trips.

use crate::fixtures::{busybox, layered};
use crate::harness::{hutch_bin, require, Cmd, Output, TestContext};
use crate::oci::{dir, file, layer, sha256_hex, symlink, Layer};
use crate::{image_ids, image_names, layer_dirs, pull, staging_leftovers};
use std::path::{Path, PathBuf};

/// podman as the test user with storage, config and temp files of its own in the context.
pub(crate) fn podman(ctx: &TestContext) -> Cmd {
    podman_with_driver(ctx, "vfs")
}

/// Saves `image` with `hutch save` as a docker-archive and loads it into [`podman`]'s storage.
pub(crate) fn hutch_save_into_podman(ctx: &TestContext, image: &str) {
    let archive = ctx.dir.join("for-podman.tar");
    ctx.hutch(["save", "--format", "docker-archive", "-o"])
        .arg(&archive)
        .arg(image)
        .run()
        .success();
    podman(ctx)
        .arg("load")
        .arg("-i")
        .arg(&archive)
        .run()
        .success();
}

/// [`podman`] on the storage driver given.
pub(crate) fn podman_with_driver(ctx: &TestContext, driver: &str) -> Cmd {
    require("podman", "podman");
    let conf = ctx.dir.join("podman-config");
    if !conf.join("containers.conf").exists() {
        ctx.write_file(
            &conf.join("containers.conf"),
            "[engine]\nevents_logger = \"file\"\ncgroup_manager = \"cgroupfs\"\n",
        );
    }
    let mut c = ctx.command("podman");
    c.env("CONTAINERS_CONF", conf.join("containers.conf"))
        .env("XDG_CONFIG_HOME", &conf)
        .arg("--root")
        .arg(ctx.dir.join("podman-root"))
        .arg("--runroot")
        .arg(ctx.dir.join("podman-run"))
        .args(["--storage-driver", driver, "--tmpdir"])
        .arg(ctx.dir.join("podman-tmp"));
    c
}

/// `sh -c SCRIPT` as the test user (pipes and redirections into hutch).
fn sh(ctx: &TestContext, script: &str) -> Output {
    ctx.command("sh")
        .args([
            "-c",
            &script.replace("HUTCH", &hutch_bin().display().to_string()),
        ])
        .run()
}

fn inspect(ctx: &TestContext, image: &str, field: &str) -> String {
    ctx.hutch(["image", "inspect", "--format", field, image])
        .run()
        .success()
        .stdout_trim()
        .to_string()
}

fn podman_id(ctx: &TestContext, image: &str) -> String {
    podman(ctx)
        .args(["image", "inspect", "--format", "{{.Id}}", image])
        .run()
        .success()
        .stdout_trim()
        .to_string()
}

/// Nothing stored: no image, no layer directory, no staging leftovers.
#[track_caller]
fn assert_untouched(ctx: &TestContext) {
    assert_eq!(image_ids(ctx), Vec::<String>::new());
    assert_eq!(layer_dirs(ctx), Vec::<String>::new());
    assert_eq!(staging_leftovers(ctx), Vec::<String>::new());
}

#[test]
fn hutch_save_loads_in_podman() {
    let img = layered("oci-gzip");
    let ctx = TestContext::new("save-podman");
    pull(&ctx, &img.plain()).success();
    ctx.hutch(["tag", &img.plain(), "localhost/saved:v1"])
        .run()
        .success();
    for format in ["docker-archive", "oci-archive"] {
        let out = ctx.dir.join(format!("{format}.tar"));
        ctx.hutch(["save", "--format", format, "-o"])
            .arg(&out)
            .arg("localhost/saved:v1")
            .run()
            .success();
        let loaded = podman(&ctx).arg("load").arg("-i").arg(&out).run().success();
        assert!(
            loaded.stdout.contains("Loaded image: localhost/saved:v1"),
            "{format}: {}",
            loaded.stdout
        );
        // podman checks every layer against the config's diff_ids while it copies.
        assert_eq!(podman_id(&ctx, "localhost/saved:v1"), img.id, "{format}");
        podman(&ctx)
            .args(["rmi", "-f", "localhost/saved:v1"])
            .run()
            .success();
    }
}

#[test]
fn podman_save_loads_in_hutch() {
    let img = busybox();
    let ctx = TestContext::new("podman-save");
    podman(&ctx)
        .args(["pull", "-q", "--tls-verify=false", &img.plain()])
        .run()
        .success();
    podman(&ctx)
        .args(["tag", &img.plain(), "localhost/from-podman:v1"])
        .run()
        .success();
    for format in ["docker-archive", "oci-archive"] {
        let out = ctx.dir.join(format!("p-{format}.tar"));
        podman(&ctx)
            .args(["save", "--format", format, "-o"])
            .arg(&out)
            .arg("localhost/from-podman:v1")
            .run()
            .success();
        let loaded = ctx.hutch(["load", "-i"]).arg(&out).run().success();
        assert_eq!(
            loaded.stdout_trim(),
            "Loaded image: localhost/from-podman:v1",
            "{format}"
        );
        assert_eq!(image_ids(&ctx), vec![img.id.clone()], "{format}");
        if format == "docker-archive" {
            // Saved again by hutch, the archive holds the very files podman wrote (legacy
            // layer directories and `repositories` included); only the order differs.
            let again = ctx.dir.join("again.tar");
            ctx.hutch(["save", "-q", "-o"])
                .arg(&again)
                .arg("localhost/from-podman:v1")
                .run()
                .success();
            assert_eq!(tar_files(&again), tar_files(&out));
        }
        let run = ctx
            .hutch([
                "run",
                "--rm",
                "localhost/from-podman:v1",
                "cat",
                "/etc/group",
            ])
            .run()
            .success();
        assert!(run.stdout.contains("root:x:0:"), "{}", run.stdout);
        ctx.hutch(["rmi", "localhost/from-podman:v1"])
            .run()
            .success();
        assert_untouched(&ctx);
    }
}

#[test]
fn skopeo_copies_load_in_hutch() {
    require("skopeo", "skopeo");
    let ctx = TestContext::new("skopeo-load");
    // docker-archive cannot hold zstd layers; the OCI layouts get the mixed image.
    let cases = [
        (
            "docker-archive",
            "sk-d.tar",
            Some("localhost/sk:d"),
            "oci-gzip",
        ),
        (
            "oci-archive",
            "sk-o.tar",
            Some("localhost/sk:o"),
            "oci-mixed",
        ),
        ("dir", "sk-dir", None, "oci-mixed"),
    ];
    for (transport, name, tag, variant) in cases {
        let img = layered(variant);
        let src = format!("docker://{}", img.plain());
        let path = ctx.dir.join(name);
        let dest = match tag {
            Some(t) => format!("{transport}:{}:{t}", path.display()),
            None => format!("{transport}:{}", path.display()),
        };
        ctx.command("skopeo")
            .args(["copy", "-q", "--src-tls-verify=false", &src, &dest])
            .run()
            .success();
        let out = ctx.hutch(["load", "-i"]).arg(&path).run().success();
        let want = match tag {
            Some(t) => format!("Loaded image: {t}"),
            None => format!("Loaded image: sha256:{}", img.id),
        };
        assert_eq!(out.stdout_trim(), want, "{transport}");
        assert_eq!(image_ids(&ctx), vec![img.id.clone()], "{transport}");
        // OCI and dir carry a manifest: it is stored as it is, so its digest survives.
        let manifest_digest = match transport {
            "oci-archive" => {
                let idx: serde_json::Value =
                    serde_json::from_slice(&tar_entry(&path, "index.json")).unwrap();
                Some(idx["manifests"][0]["digest"].as_str().unwrap().to_string())
            }
            "dir" => Some(format!(
                "sha256:{}",
                sha256_hex(&std::fs::read(path.join("manifest.json")).unwrap())
            )),
            _ => None,
        };
        if let Some(d) = manifest_digest {
            assert_eq!(
                inspect(&ctx, &format!("sha256:{}", img.id), "{{.Digest}}"),
                d,
                "{transport}"
            );
        }
        ctx.hutch(["rmi", "-f", &img.id]).run().success();
        assert_untouched(&ctx);
    }
}

#[test]
fn several_images_in_one_docker_archive() {
    let (a, b) = (busybox(), layered("docker-gzip"));
    let ctx = TestContext::new("save-multi");
    pull(&ctx, &a.plain()).success();
    pull(&ctx, &b.plain()).success();
    let out = ctx.dir.join("multi.tar");
    ctx.hutch(["save", "-o"])
        .arg(&out)
        .args([&a.plain(), &b.plain()])
        .run()
        .failure()
        .stderr_has(&["-m"]);
    ctx.hutch(["save", "-m", "-q", "-o"])
        .arg(&out)
        .args([&a.plain(), &b.plain()])
        .run()
        .success();
    let manifest = tar_entry(&out, "manifest.json");
    let items: serde_json::Value = serde_json::from_slice(&manifest).unwrap();
    let tags: Vec<String> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["RepoTags"][0].as_str().unwrap().to_string())
        .collect();
    assert_eq!(tags, vec![a.plain(), b.plain()]);

    let other = TestContext::new("load-multi");
    let loaded = other.hutch(["load", "-i"]).arg(&out).run().success();
    assert_eq!(
        loaded.stdout,
        format!("Loaded image: {}\nLoaded image: {}\n", a.plain(), b.plain())
    );
    let mut want = vec![a.id.clone(), b.id.clone()];
    want.sort();
    assert_eq!(image_ids(&other), want);
    // podman reads the same archive.
    let p = podman(&other)
        .arg("load")
        .arg("-i")
        .arg(&out)
        .run()
        .success();
    assert!(p.stdout.contains(&b.plain()), "{}", p.stdout);
    assert_eq!(podman_id(&other, &b.plain()), b.id);
}

/// Every entry of a tar file: name -> (type, link target, contents).
fn tar_files(path: &Path) -> std::collections::BTreeMap<String, (u8, Option<String>, Vec<u8>)> {
    let mut ar = tar::Archive::new(std::fs::File::open(path).unwrap());
    let mut out = std::collections::BTreeMap::new();
    for e in ar.entries().unwrap() {
        let mut e = e.unwrap();
        let name = e.path().unwrap().to_string_lossy().into_owned();
        let kind = e.header().entry_type().as_byte();
        let link = e
            .link_name()
            .unwrap()
            .map(|l| l.to_string_lossy().into_owned());
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut e, &mut v).unwrap();
        out.insert(name, (kind, link, v));
    }
    out
}

/// The bytes of one entry of a tar file.
fn tar_entry(path: &Path, name: &str) -> Vec<u8> {
    let mut ar = tar::Archive::new(std::fs::File::open(path).unwrap());
    for e in ar.entries().unwrap() {
        let mut e = e.unwrap();
        if e.path().unwrap().to_str() == Some(name) {
            let mut v = Vec::new();
            std::io::Read::read_to_end(&mut e, &mut v).unwrap();
            return v;
        }
    }
    panic!("{name} not in {}", path.display())
}

#[test]
fn compressed_archives_and_stdin_load() {
    let img = layered("oci-zstd");
    let ctx = TestContext::new("save-gz");
    pull(&ctx, &img.plain()).success();
    let plain = ctx.dir.join("img.tar");
    ctx.hutch(["save", "-q", "-o"])
        .arg(&plain)
        .arg(img.plain())
        .run()
        .success();
    let p = plain.display();
    sh(
        &ctx,
        &format!("gzip -c {p} > {p}.gz && zstd -q -c {p} > {p}.zst"),
    )
    .success();
    for (i, input) in [format!("{p}.gz"), format!("{p}.zst")].iter().enumerate() {
        let other = TestContext::new(&format!("load-gz{i}"));
        other.hutch(["load", "-i", input]).run().success();
        assert_eq!(image_ids(&other), vec![img.id.clone()], "{input}");
        assert_eq!(image_names(&other), vec![img.plain()]);
    }
    // Standard output when it is not a terminal; standard input the same, compressed.
    sh(&ctx, &format!("HUTCH save -q {} > {p}.piped", img.plain())).success();
    assert_eq!(
        std::fs::read(format!("{p}.piped")).unwrap(),
        std::fs::read(&plain).unwrap()
    );
    let other = TestContext::new("load-stdin");
    let out = sh(&other, &format!("gzip -c {p} | HUTCH load -q"));
    assert_eq!(
        out.success().stdout_trim(),
        format!("Loaded image: {}", img.plain())
    );
    assert_eq!(image_ids(&other), vec![img.id.clone()]);
}

#[test]
fn directory_layouts_round_trip() {
    let img = layered("docker-tar");
    let ctx = TestContext::new("save-dirs");
    pull(&ctx, &img.plain()).success();
    for (format, compress) in [
        ("oci-dir", false),
        ("docker-dir", false),
        ("oci-dir", true),
        ("docker-dir", true),
    ] {
        let out = ctx.dir.join(format!("{format}-{compress}"));
        let mut c = ctx.hutch(["save", "-q", "--format", format]);
        if compress {
            c.arg("--compress");
        }
        c.arg("-o").arg(&out).arg(img.plain()).run().success();
        let layout = if format == "oci-dir" {
            "oci-layout"
        } else {
            "version"
        };
        assert!(out.join(layout).exists(), "{format}: no {layout}");
        let other = TestContext::new("load-dir");
        other.hutch(["load", "-q", "-i"]).arg(&out).run().success();
        assert_eq!(image_ids(&other), vec![img.id.clone()], "{format}");
        // skopeo reads what we wrote.
        let transport = if format == "oci-dir" { "oci" } else { "dir" };
        ctx.command("skopeo")
            .args([
                "inspect",
                "--raw",
                &format!("{transport}:{}", out.display()),
            ])
            .run()
            .success();
    }
}

#[test]
fn ids_and_digests_survive_round_trips() {
    let img = layered("oci-tar");
    let a = TestContext::new("rt-a");
    pull(&a, &img.plain()).success();
    let first = a.dir.join("a.tar");
    a.hutch(["save", "-q", "--format", "oci-archive", "-o"])
        .arg(&first)
        .arg(img.plain())
        .run()
        .success();
    // An uncompressed registry image keeps even its manifest digest.
    let b = TestContext::new("rt-b");
    b.hutch(["load", "-q", "-i"]).arg(&first).run().success();
    assert_eq!(image_ids(&b), vec![img.id.clone()]);
    let digest = inspect(&b, &img.plain(), "{{.Digest}}");
    assert_eq!(digest, img.digest);
    for format in ["docker-archive", "oci-archive"] {
        let second = b.dir.join(format!("b-{format}.tar"));
        b.hutch(["save", "-q", "--format", format, "-o"])
            .arg(&second)
            .arg(img.plain())
            .run()
            .success();
        let c = TestContext::new("rt-c");
        c.hutch(["load", "-q", "-i"]).arg(&second).run().success();
        assert_eq!(image_ids(&c), vec![img.id.clone()], "{format}");
        if format == "oci-archive" {
            assert_eq!(inspect(&c, &img.plain(), "{{.Digest}}"), digest);
        }
        // A second load of the same archive reuses every layer.
        let again = c.hutch(["load", "-i"]).arg(&second).run().success();
        assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    }
}

/// A docker-archive whose manifest.json and entries are given verbatim.
fn docker_archive(ctx: &TestContext, name: &str, entries: Vec<(String, TarItem)>) -> PathBuf {
    let mut b = tar::Builder::new(Vec::new());
    for (path, item) in entries {
        let mut h = tar::Header::new_gnu();
        h.set_mode(0o644);
        match item {
            TarItem::File(data) => {
                h.set_size(data.len() as u64);
                h.set_entry_type(tar::EntryType::Regular);
                // Names are written raw so that `../x` survives.
                let raw = path.as_bytes();
                h.as_old_mut().name[..raw.len()].copy_from_slice(raw);
                h.set_cksum();
                b.append(&h, data.as_slice()).unwrap();
            }
            TarItem::Symlink(target) => {
                h.set_size(0);
                h.set_entry_type(tar::EntryType::Symlink);
                h.set_link_name(&target).unwrap();
                h.set_path(&path).unwrap();
                h.set_cksum();
                b.append(&h, std::io::empty()).unwrap();
            }
        }
    }
    let p = ctx.dir.join(name);
    ctx.write_file(&p, b.into_inner().unwrap());
    p
}

/// What a hostile archive is, its entries, and what the error must name.
type Case<'a> = (&'a str, Vec<(String, TarItem)>, Vec<&'a str>);

enum TarItem {
    File(Vec<u8>),
    Symlink(String),
}

fn config_for(layers: &[&Layer]) -> Vec<u8> {
    let ids: Vec<&str> = layers.iter().map(|l| l.diff_id.as_str()).collect();
    serde_json::to_vec(&serde_json::json!({
        "architecture": "amd64", "os": "linux", "config": {},
        "rootfs": {"type": "layers", "diff_ids": ids},
    }))
    .unwrap()
}

fn manifest_json(config: &str, layers: &[&str]) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!([
        {"Config": config, "RepoTags": ["localhost/evil:1"], "Layers": layers}
    ]))
    .unwrap()
}

#[test]
fn hostile_archives_are_refused_with_nothing_written() {
    let ctx = TestContext::new("load-hostile");
    let good = layer(vec![dir("etc", 0o755), file("etc/ok", 0o644, "ok")]);
    let traversal = layer(vec![file("../../escaped", 0o644, "x")]);
    let through_link = layer(vec![
        symlink("etc", "/tmp"),
        file("etc/planted", 0o644, "x"),
    ]);
    let cfg = |ls: &[&Layer]| {
        let c = config_for(ls);
        (format!("{}.json", sha256_hex(&c)), c)
    };
    let lt = |l: &Layer| format!("{}.tar", l.diff_id.trim_start_matches("sha256:"));
    let f = TarItem::File;

    let mut cases: Vec<Case> = Vec::new();
    let (cn, c) = cfg(&[&good]);
    cases.push((
        "layer outside",
        vec![
            (
                "manifest.json".into(),
                f(manifest_json(&cn, &["../../etc/passwd"])),
            ),
            (cn.clone(), f(c.clone())),
        ],
        vec!["../../etc/passwd", "leaves the archive"],
    ));
    cases.push((
        "config absolute",
        vec![(
            "manifest.json".into(),
            f(manifest_json("/etc/passwd", &[&lt(&good)])),
        )],
        vec!["/etc/passwd", "outside the archive"],
    ));
    cases.push((
        "entry name escapes",
        vec![
            ("manifest.json".into(), f(manifest_json(&cn, &[&lt(&good)]))),
            ("../evil.tar".into(), f(good.tar.clone())),
        ],
        vec!["../evil.tar"],
    ));
    cases.push((
        "symlink out",
        vec![
            (
                "manifest.json".into(),
                f(manifest_json(&cn, &["x/layer.tar"])),
            ),
            (cn.clone(), f(c.clone())),
            (
                "x/layer.tar".into(),
                TarItem::Symlink("../../../etc/shadow".into()),
            ),
        ],
        vec!["x/layer.tar", "leaves the archive"],
    ));
    let bad = layer(vec![file("etc/other", 0o644, "not what the config says")]);
    cases.push((
        "wrong digest",
        vec![
            ("manifest.json".into(), f(manifest_json(&cn, &[&lt(&good)]))),
            (cn.clone(), f(c.clone())),
            (lt(&good), f(bad.tar.clone())),
        ],
        vec![&good.diff_id, &bad.diff_id],
    ));
    let (tn, t) = cfg(&[&traversal]);
    cases.push((
        "traversal in layer",
        vec![
            (
                "manifest.json".into(),
                f(manifest_json(&tn, &[&lt(&traversal)])),
            ),
            (tn.clone(), f(t)),
            (lt(&traversal), f(traversal.tar.clone())),
        ],
        vec!["../../escaped"],
    ));
    let (sn, s) = cfg(&[&good, &through_link]);
    cases.push((
        "symlinked parent",
        vec![
            (
                "manifest.json".into(),
                f(manifest_json(&sn, &[&lt(&good), &lt(&through_link)])),
            ),
            (sn.clone(), f(s)),
            (lt(&good), f(good.tar.clone())),
            (lt(&through_link), f(through_link.tar.clone())),
        ],
        vec!["etc/planted", "symlink"],
    ));
    for (i, (what, entries, needles)) in cases.into_iter().enumerate() {
        let path = docker_archive(&ctx, &format!("hostile-{i}.tar"), entries);
        let out = ctx.hutch(["load", "-i"]).arg(&path).run();
        out.code(125).one_line_error().stderr_has(&needles);
        assert_untouched(&ctx);
        assert!(
            !Path::new("/tmp/planted").exists() && !ctx.dir.join("escaped").exists(),
            "{what}: something escaped"
        );
    }
}

#[test]
fn export_import_round_trip() {
    let img = busybox();
    let ctx = TestContext::new("export-import");
    pull(&ctx, &img.plain()).success();
    ctx.hutch([
        "run",
        "--name",
        "src",
        &img.plain(),
        "sh",
        "-c",
        "echo from-the-container > /marker && rm /etc/group",
    ])
    .run()
    .success();
    let out = sh(
        &ctx,
        "HUTCH export src | HUTCH import -q -c 'CMD=[\"/bin/cat\",\"/marker\"]' -c ENV=IMPORTED=yes -m 'from export' - localhost/imported:1",
    )
    .success();
    let id = out.stdout_trim().trim_start_matches("sha256:").to_string();
    assert_eq!(id.len(), 64, "{}", out.stdout);
    let run = ctx
        .hutch(["run", "--rm", "localhost/imported:1"])
        .run()
        .success();
    assert_eq!(run.stdout_trim(), "from-the-container");
    let run = ctx
        .hutch([
            "run",
            "--rm",
            "localhost/imported:1",
            "sh",
            "-c",
            "echo $IMPORTED; ls /etc/group || true",
        ])
        .run()
        .success();
    assert!(run.stdout.starts_with("yes\n"), "{}", run.stdout);
    assert_eq!(
        inspect(&ctx, "localhost/imported:1", "{{len .RootFS.Layers}}"),
        "1"
    );
    let hist = ctx
        .hutch([
            "history",
            "--format",
            "{{.Comment}}",
            "localhost/imported:1",
        ])
        .run()
        .success();
    assert!(hist.stdout.contains("from export"), "{}", hist.stdout);
    // A file imports too, with the platform given; a bad --change is refused before any work.
    let tarball = ctx.dir.join("fs.tar");
    ctx.hutch(["export", "-o"])
        .arg(&tarball)
        .arg("src")
        .run()
        .success();
    ctx.hutch(["import", "--arch", "arm64"])
        .arg(&tarball)
        .arg("localhost/imported:arm")
        .run()
        .success();
    assert_eq!(
        inspect(&ctx, "localhost/imported:arm", "{{.Architecture}}"),
        "arm64"
    );
    ctx.hutch(["import", "-c", "FROB=1"])
        .arg(&tarball)
        .run()
        .code(125)
        .stderr_has(&["FROB=1"]);
    // Imported and committed layers save byte for byte (their tar-splits were recorded).
    ctx.hutch(["commit", "-q", "src", "localhost/committed:1"])
        .run()
        .success();
    let committed = inspect(&ctx, "localhost/committed:1", "{{.Id}}");
    let saved = ctx.dir.join("imported.tar");
    ctx.hutch(["save", "-q", "-m", "-o"])
        .arg(&saved)
        .args(["localhost/imported:1", "localhost/committed:1"])
        .run()
        .success();
    let p = podman(&ctx)
        .arg("load")
        .arg("-i")
        .arg(&saved)
        .run()
        .success();
    assert!(p.stdout.contains("localhost/imported:1"), "{}", p.stdout);
    assert_eq!(podman_id(&ctx, "localhost/imported:1"), id);
    assert_eq!(podman_id(&ctx, "localhost/committed:1"), committed);
}

#[test]
fn save_refuses_a_terminal_and_unknown_formats() {
    let ctx = TestContext::new("save-usage");
    ctx.hutch(["save", "--format", "tarball", "-o", "x.tar", "busybox"])
        .run()
        .code(125)
        .stderr_has(&["tarball"]);
    ctx.hutch(["save", "--compress", "-o", "x.tar", "busybox"])
        .run()
        .code(125)
        .stderr_has(&["--compress"]);
    ctx.hutch(["load", "-i", "/nonexistent/archive.tar"])
        .run()
        .code(125)
        .stderr_has(&["/nonexistent/archive.tar"]);
}

#[test]
fn a_layer_that_cannot_be_reproduced_fails_the_save_cleanly() {
    // Layers stored before hutch kept tar-splits: rebuilt from their files, the tar differs
    // from the registry's, and the save must say so rather than write a corrupt image.
    let img = layered("oci-gzip");
    let ctx = TestContext::new("save-nosplit");
    pull(&ctx, &img.plain()).success();
    let splits = ctx.graphroot().join("tar-split");
    let n = std::fs::read_dir(&splits).unwrap().count();
    assert_eq!(n, 3, "one tar-split per layer");
    std::fs::remove_dir_all(&splits).unwrap();
    let out = ctx.dir.join("nosplit.tar");
    ctx.hutch(["save", "-o"])
        .arg(&out)
        .arg(img.plain())
        .run()
        .code(125)
        .one_line_error()
        .stderr_has(&["cannot", "pull"]);
    let left: Vec<_> = std::fs::read_dir(&ctx.dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("nosplit"))
        .collect();
    assert_eq!(
        left,
        Vec::<String>::new(),
        "no archive, not even a partial one"
    );
}

#[test]
fn an_interrupted_load_leaves_nothing_behind() {
    let img = crate::fixtures::big();
    let a = TestContext::new("int-save");
    pull(&a, &img.plain()).success();
    let archive = a.dir.join("big.tar");
    a.hutch(["save", "-q", "-o"])
        .arg(&archive)
        .arg(img.plain())
        .run()
        .success();
    let b = TestContext::new("int-load");
    let mut run = b.hutch(["load", "-q", "-i"]).arg(&archive).spawn();
    // Interrupt once the layer is being unpacked.
    let staged = || {
        std::fs::read_dir(b.graphroot().join("tmp"))
            .map(|rd| {
                rd.flatten().any(|e| {
                    e.path().is_dir()
                        && std::fs::read_dir(e.path()).is_ok_and(|mut d| d.next().is_some())
                })
            })
            .unwrap_or(false)
    };
    let t = std::time::Instant::now();
    while !staged() && run.alive() && t.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(
        run.alive(),
        "the load finished before it could be interrupted"
    );
    std::process::Command::new("kill")
        .args(["-INT", &run.pid().to_string()])
        .status()
        .unwrap();
    run.wait().code(130);
    assert_untouched(&b);
    b.hutch(["load", "-q", "-i"]).arg(&archive).run().success();
    assert_eq!(image_ids(&b), vec![img.id.clone()]);
}
