//! `hutch build --squash`, `--squash-all` (with `/` as podman shows it), and the build cache carried between stores with
//! `--cache-to`/`--cache-from`: through the real local registry and through an OCI layout
//! directory, each time into a store that never built the image.

use crate::build::inspect;
use crate::busybox_context;
use crate::harness::TestContext;
use crate::registry::registries;
use std::path::{Path, PathBuf};

fn layer_count(ctx: &TestContext, image: &str) -> usize {
    inspect(ctx, image, "{{len .RootFS.Layers}}")
        .parse()
        .unwrap()
}

/// History entries that made a layer (no `empty_layer`), and all of them.
fn history_counts(ctx: &TestContext, image: &str) -> (usize, usize) {
    let json = inspect(ctx, image, "{{json .History}}");
    let all: Vec<serde_json::Value> = serde_json::from_str(&json).expect("history JSON");
    let layered = all
        .iter()
        .filter(|h| h.get("empty_layer").and_then(|v| v.as_bool()) != Some(true))
        .count();
    (layered, all.len())
}

/// A context whose build deletes a base image file, a file of its own and writes several
/// layers: what squashing must merge correctly.
fn squash_context(ctx: &TestContext, img: &str) -> PathBuf {
    let dir = ctx.dir.join("squash");
    ctx.write_file(
        &dir.join("Dockerfile"),
        format!(
            "FROM {img}\n\
             RUN mkdir -p /d/sub && echo one > /d/one && echo x > /gone && echo keep > /d/sub/k\n\
             RUN rm /gone /bin/sleep && echo two > /d/two\n\
             COPY f.txt /d/f.txt\n\
             RUN rm -r /d/sub && mkdir /d/sub && echo new > /d/sub/n\n\
             ENV K=v\n\
             CMD [\"sh\"]\n"
        ),
    );
    ctx.write_file(&dir.join("f.txt"), "file\n");
    dir
}

const CHECK: &str = "cat /d/one /d/two /d/f.txt; ls /d/sub; test -e /gone && echo gone-is-back; \
                     test -e /bin/sleep && echo sleep-is-back; echo $K";
const EXPECTED: &str = "one\ntwo\nfile\nn\nv\n";

#[test]
fn build_squash_merges_the_new_layers_on_top_of_the_base() {
    let (ctx, img) = busybox_context("build-squash");
    let base = layer_count(&ctx, &img);
    let dir = squash_context(&ctx, &img);
    ctx.hutch(["build", "-q", "--squash", "-t", "squashed"])
        .arg(&dir)
        .run()
        .success();
    assert_eq!(layer_count(&ctx, "squashed"), base + 1);
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "--network",
            "none",
            "squashed",
            "sh",
            "-c",
            CHECK,
        ])
        .run()
        .success();
    assert_eq!(out.stdout, EXPECTED);
    // Every instruction is still in the history; only one of the new entries made a layer.
    let (layered, all) = history_counts(&ctx, "squashed");
    assert_eq!(layered, base + 1, "layered history entries");
    assert!(all >= 6 + base, "{all} history entries");
    // The unsquashed build of the same file has one layer per step, from the cache.
    ctx.hutch(["build", "-q", "-t", "layered"])
        .arg(&dir)
        .run()
        .success();
    assert_eq!(layer_count(&ctx, "layered"), base + 4);
    // Squashing again reuses the squashed image.
    let again = ctx
        .hutch(["build", "--squash", "-t", "squashed"])
        .arg(&dir)
        .run()
        .success();
    assert_eq!(
        again.stdout.lines().last().unwrap(),
        inspect(&ctx, "squashed", "{{.Id}}").trim_start_matches("sha256:"),
        "{}",
        again.stdout
    );
}

#[test]
fn build_squash_all_makes_one_layer_that_runs() {
    let (ctx, img) = busybox_context("build-squash-all");
    let dir = squash_context(&ctx, &img);
    ctx.hutch(["build", "-q", "--squash-all", "-t", "flat"])
        .arg(&dir)
        .run()
        .success();
    assert_eq!(layer_count(&ctx, "flat"), 1);
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "--network",
            "none",
            "flat",
            "sh",
            "-c",
            CHECK,
        ])
        .run()
        .success();
    assert_eq!(out.stdout, EXPECTED);
    let (layered, all) = history_counts(&ctx, "flat");
    assert_eq!(layered, 1);
    assert!(all >= 6, "{all} history entries");
    // Not both.
    ctx.hutch(["build", "--squash", "--squash-all", "-t", "x"])
        .arg(&dir)
        .run()
        .failure();
}

/// A build whose RUN steps would give another image if they ran again (they write the time
/// in nanoseconds and print a marker).
pub(crate) fn cache_context(ctx: &TestContext, img: &str) -> PathBuf {
    let dir = ctx.dir.join("cachectx");
    ctx.write_file(
        &dir.join("Dockerfile"),
        format!(
            "FROM {img} AS base\n\
             RUN echo STEP-RAN-ONE && date +%s%N > /stamp1\n\
             COPY a.txt /a.txt\n\
             FROM base\n\
             WORKDIR /work\n\
             RUN echo STEP-RAN-TWO && date +%s%N > /stamp2\n\
             LABEL k=v\n"
        ),
    );
    ctx.write_file(&dir.join("a.txt"), "a\n");
    dir
}

/// Whether RUN step `which` ran (its output, not its STEP line, is there).
pub(crate) fn ran(out: &crate::harness::Output, which: &str) -> bool {
    let marker = format!("STEP-RAN-{which}");
    out.stdout.lines().any(|l| l == marker)
}

fn build_with(ctx: &TestContext, dir: &Path, extra: &[&str]) -> crate::harness::Output {
    ctx.hutch(["build", "--tls-verify=false", "-t", "cached:latest"])
        .args(extra)
        .arg(dir)
        .run()
        .success()
}

/// Builds in `first` with `--cache-to TO`, then in a fresh store with `--cache-from FROM`:
/// every layer step is a cache hit, nothing runs, and the image ID is the same.
fn carried_between_stores(name: &str, to: impl Fn(&TestContext) -> String) {
    let (first, img) = busybox_context(name);
    let loc = to(&first);
    let dir = cache_context(&first, &img);
    let built = build_with(&first, &dir, &["--cache-to", &loc]);
    assert!(ran(&built, "ONE"), "{}", built.stdout);
    let id = built.stdout.lines().last().unwrap().to_string();

    let (second, _) = busybox_context(&format!("{name}-2"));
    let dir2 = cache_context(&second, &img);
    let again = build_with(&second, &dir2, &["--cache-from", &loc]);
    assert!(
        !ran(&again, "ONE") && !ran(&again, "TWO"),
        "a step ran again: {}",
        again.stdout
    );
    // RUN, COPY, RUN (and WORKDIR's directory) come from the cache, as podman prints them.
    assert!(
        again.stdout.matches("Using cache").count() >= 3,
        "{}",
        again.stdout
    );
    assert_eq!(again.stdout.lines().last().unwrap(), id, "{}", again.stdout);
    let out = second
        .hutch([
            "run",
            "--rm",
            "--network",
            "none",
            "cached",
            "cat",
            "/a.txt",
        ])
        .run()
        .success();
    assert_eq!(out.stdout, "a\n");
    // The imported step images carry no names of their own.
    let names = second
        .hutch(["images", "--format", "{{.Repository}}:{{.Tag}}"])
        .run()
        .success();
    assert!(
        !names
            .stdout
            .lines()
            .any(|l| l.rsplit(':').next().is_some_and(|t| t.len() == 64)),
        "{}",
        names.stdout
    );
    // A changed file misses from its COPY on: the steps after it run.
    second.write_file(&dir2.join("a.txt"), "changed\n");
    let changed = build_with(&second, &dir2, &["--cache-from", &loc]);
    assert!(!ran(&changed, "ONE"), "{}", changed.stdout);
    assert!(ran(&changed, "TWO"), "{}", changed.stdout);
}

#[test]
fn build_cache_to_and_from_a_registry_repository() {
    let repo = format!("{}/buildcache/steps", registries().plain.host());
    carried_between_stores("build-cache-reg", move |_| repo.clone());
}

#[test]
fn build_cache_to_and_from_an_oci_layout_directory() {
    carried_between_stores("build-cache-dir", |ctx| {
        let d = ctx.dir.join("oci-cache");
        format!("oci:{}", d.display())
    });
}

#[test]
fn build_cache_locations_are_checked() {
    let (ctx, img) = busybox_context("build-cache-bad");
    let dir = cache_context(&ctx, &img);
    let out = ctx
        .hutch(["build", "--cache-to", "cache/steps:tag"])
        .arg(&dir)
        .run()
        .code(125);
    assert!(out.stderr.contains("cache/steps:tag"), "{}", out.stderr);
    let out = ctx
        .hutch(["build", "--cache-from", "steps"])
        .arg(&dir)
        .run()
        .code(125);
    assert!(out.stderr.contains("no registry"), "{}", out.stderr);
}

/// What an entry of a hand-made layer is.
enum Entry<'a> {
    Dir,
    File(&'a [u8]),
    Link(&'a str),
}

/// A layer tar of `entries` (path, mode, what) and its diff_id.
fn layer_tar(entries: &[(&str, u32, Entry<'_>)]) -> (Vec<u8>, String) {
    use sha2::Digest;
    let mut b = tar::Builder::new(Vec::new());
    for (path, mode, what) in entries {
        let mut h = tar::Header::new_ustar();
        h.set_mode(*mode);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(1_700_000_000);
        match what {
            Entry::File(data) => {
                h.set_entry_type(tar::EntryType::Regular);
                h.set_size(data.len() as u64);
                b.append_data(&mut h, path, *data).unwrap();
            }
            Entry::Dir => {
                h.set_entry_type(tar::EntryType::Directory);
                h.set_size(0);
                b.append_data(&mut h, path, std::io::empty()).unwrap();
            }
            Entry::Link(target) => {
                h.set_entry_type(tar::EntryType::Symlink);
                h.set_size(0);
                b.append_link(&mut h, path, target).unwrap();
            }
        }
    }
    let bytes = b.into_inner().unwrap();
    let id = format!("sha256:{}", hex::encode(sha2::Sha256::digest(&bytes)));
    (bytes, id)
}

/// A docker-archive of `localhost/rootmode`: busybox in one layer, then a layer whose own
/// root entry (`./`) has mode 0750, which `/` shows.
fn root_mode_archive(path: &Path) {
    let busybox = std::fs::read(crate::harness::require("busybox", "busybox-static")).unwrap();
    let (l1, d1) = layer_tar(&[
        ("./", 0o755, Entry::Dir),
        ("bin", 0o755, Entry::Dir),
        ("bin/busybox", 0o755, Entry::File(&busybox)),
        ("bin/sh", 0o777, Entry::Link("busybox")),
        ("bin/ls", 0o777, Entry::Link("busybox")),
    ]);
    let (l2, d2) = layer_tar(&[
        ("./", 0o750, Entry::Dir),
        ("top", 0o644, Entry::File(b"top\n")),
    ]);
    let config = serde_json::json!({
        "architecture": std::env::consts::ARCH.replace("x86_64", "amd64").replace("aarch64", "arm64"),
        "os": "linux",
        "config": {"Cmd": ["sh"]},
        "rootfs": {"type": "layers", "diff_ids": [d1, d2]},
    });
    let manifest = serde_json::json!([{
        "Config": "config.json",
        "RepoTags": ["localhost/rootmode:latest"],
        "Layers": ["l1.tar", "l2.tar"],
    }]);
    let mut b = tar::Builder::new(std::fs::File::create(path).unwrap());
    let files = [
        ("manifest.json", manifest.to_string().into_bytes()),
        ("config.json", config.to_string().into_bytes()),
        ("l1.tar", l1),
        ("l2.tar", l2),
    ];
    for (name, data) in files {
        let mut h = tar::Header::new_ustar();
        h.set_mode(0o644);
        h.set_size(data.len() as u64);
        b.append_data(&mut h, name, data.as_slice()).unwrap();
    }
    b.finish().unwrap();
}

#[test]
fn build_squash_all_gives_the_root_podmans_mode() {
    let (ctx, _img) = busybox_context("build-squash-root");
    let archive = ctx.dir.join("rootmode.tar");
    root_mode_archive(&archive);
    ctx.hutch(["load", "-i"]).arg(&archive).run().success();
    let root_of = |image: &str| {
        let out = ctx
            .hutch(["run", "--rm", "--network", "none", image, "ls", "-ldn", "/"])
            .run()
            .success();
        let f: Vec<String> = out.stdout.split_whitespace().map(String::from).collect();
        format!("{} {}:{}", f[0], f[2], f[3])
    };
    assert_eq!(root_of("localhost/rootmode"), "drwxr-x--- 0:0");
    let dir = ctx.dir.join("rootmode-ctx");
    ctx.write_file(
        &dir.join("Dockerfile"),
        "FROM localhost/rootmode\nLABEL squashed=yes\n",
    );
    ctx.hutch(["build", "-q", "--squash-all", "-t", "rootflat"])
        .arg(&dir)
        .run()
        .success();
    assert_eq!(layer_count(&ctx, "rootflat"), 1);
    // The squashed layer's tar has no entry for the root, as podman's has none, and no layer
    // is below it: `/` is what podman shows for it, 0555 (containers/storage's root for a
    // layer without parent).
    assert_eq!(root_of("rootflat"), "dr-xr-xr-x 0:0");
}
