//! The test images: busybox from Debian's busybox-static, a multi-layer image exercising every
//! OCI layer rule (in Docker/OCI and gzip/zstd/uncompressed variants), a multi-platform index,
//! hostile layers, small images sharing the busybox layer, and a big layer for kill tests.

use crate::harness::{missing, session, test_user};
use crate::oci::*;
use crate::registry::{push_blob, registries, Blob};
use sha2::{Digest, Sha256};
use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::sync::OnceLock;

const BUSYBOX: &str = "/bin/busybox";
pub const BUSYBOX_APPLETS: &[&str] = &[
    "sh",
    "ls",
    "cat",
    "echo",
    "true",
    "false",
    "find",
    "sha256sum",
    "id",
    "stat",
    "mkdir",
    "rm",
    "cp",
    "mv",
    "ln",
    "chmod",
    "chown",
    "env",
    "grep",
    "sed",
    "head",
    "tail",
    "wc",
    "sleep",
    "uname",
    "whoami",
    "touch",
    "printf",
    "test",
    "readlink",
    "pwd",
    "hostname",
    "ps",
    "vi",
];

/// The entries of the busybox layer: /bin/busybox, applet symlinks, a hard link, /etc basics.
pub fn busybox_layer() -> &'static Layer {
    static L: OnceLock<Layer> = OnceLock::new();
    L.get_or_init(|| {
        let bin = fs::read(BUSYBOX)
            .unwrap_or_else(|_| missing("/bin/busybox (a static busybox for the test images)", "apt-get install busybox-static"));
        let mut e = vec![dir("bin", 0o755), file("bin/busybox", 0o755, &bin)];
        for a in BUSYBOX_APPLETS {
            e.push(symlink(&format!("bin/{a}"), "busybox"));
        }
        // A hard link's header carries its target's mode, as Go's tar writer makes it:
        // containers/storage (podman) applies that mode to the shared inode.
        e.push(Entry {
            mode: 0o755,
            ..hardlink("bin/ash", "bin/busybox")
        });
        e.extend([
            dir("etc", 0o755),
            file("etc/passwd", 0o644, "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n"),
            file("etc/group", 0o644, "root:x:0:\nnogroup:x:65534:\n"),
            dir("root", 0o700),
            dir("tmp", 0o1777),
            dir("home", 0o755),
            dir("var", 0o755),
        ]);
        layer(e)
    })
}

/// busybox as Docker Hub serves it: Docker schema2, one gzip layer.
pub fn busybox() -> &'static Pushed {
    static P: OnceLock<Pushed> = OnceLock::new();
    P.get_or_init(|| {
        let spec = Spec {
            format: Format::Docker,
            ..Spec::default()
        };
        push_image(
            "library/busybox",
            "latest",
            &spec,
            vec![(busybox_layer().clone(), Comp::Gzip)],
        )
        .0
    })
}

/// Three layers: a base with unusual modes, owners, links and hard links; a second that deletes
/// files and directories, replaces a directory (opaque), swaps types and changes metadata; a third
/// that re-creates deleted paths, deletes a top-level directory and half a hard-link pair.
pub fn layered_layers() -> &'static [Layer] {
    static L: OnceLock<Vec<Layer>> = OnceLock::new();
    L.get_or_init(|| {
        let l1 = layer(vec![
            dir("bin", 0o755),
            file("bin/tool", 0o755, "#!/bin/sh\necho tool\n"),
            dir("etc", 0o755),
            file("etc/passwd", 0o644, "root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000::/home/user:/bin/sh\n"),
            file("etc/group", 0o644, "root:x:0:\nuser:x:1000:\n"),
            dir("tmp", 0o1777),
            dir("data", 0o755),
            dir("data/keep", 0o755),
            file("data/keep/a.txt", 0o644, "keep a\n"),
            file("data/keep/hl-a", 0o640, "hard-linked content\n").owner(1000, 1000),
            hardlink("data/keep/hl-b", "data/keep/hl-a"),
            dir("data/gone", 0o755),
            dir("data/gone/sub", 0o755),
            file("data/gone/sub/deep.txt", 0o644, "deep\n"),
            file("data/gone/g.txt", 0o644, "g\n"),
            dir("data/replace", 0o755),
            file("data/replace/old1", 0o644, "old1\n"),
            dir("data/replace/olddir", 0o755),
            file("data/replace/olddir/x", 0o644, "x\n"),
            file("data/rm-file", 0o644, "to be removed\n"),
            file("data/recreate", 0o644, "version 1\n"),
            file("data/f2d", 0o644, "a file that becomes a directory\n"),
            dir("data/d2f", 0o755),
            file("data/d2f/child", 0o644, "child\n"),
            symlink("data/link-to-file", "keep/a.txt"),
            file("data/file-to-link", 0o644, "a file that becomes a symlink\n"),
            dir("modes", 0o755),
            file("modes/suid", 0o4755, "setuid root\n"),
            file("modes/suid-user", 0o4750, "setuid user\n").owner(1000, 1000),
            file("modes/sgid", 0o2755, "setgid\n").owner(0, 50),
            dir("modes/sgid-dir", 0o2775).owner(0, 50),
            dir("modes/sticky", 0o1777),
            file("modes/zero", 0o000, "mode 0000\n"),
            dir("modes/private", 0o700),
            file("modes/private/secret", 0o600, "secret\n"),
            dir("modes/ro-dir", 0o555),
            file("modes/ro-dir/inside", 0o444, "inside a read-only dir\n"),
            dir("modes/r-dir", 0o444),
            file("modes/r-dir/child", 0o644, "in a 0444 dir\n"),
            file("modes/ro", 0o444, "read-only\n"),
            file("modes/exec-only", 0o111, "exec only\n"),
            dir("owners", 0o755),
            file("owners/u1000", 0o644, "1000\n").owner(1000, 1000),
            file("owners/nobody", 0o644, "nobody\n").owner(65534, 65534),
            file("owners/odd", 0o640, "odd\n").owner(12345, 54321),
            dir("owners/odd-dir", 0o750).owner(12345, 54321),
            symlink("owners/odd-link", "odd").owner(12345, 54321),
            symlink("abs-link", "/etc/passwd"),
            symlink("rel-link", "etc/group"),
            symlink("dangling", "/does/not/exist"),
            file("with space", 0o644, "a name with a space\n"),
            file("empty", 0o644, ""),
        ]);
        let l2 = layer(vec![
            dir("data", 0o755),
            whiteout("data/rm-file"),
            whiteout("data/gone"),
            dir("data/replace", 0o755),
            opaque("data/replace"),
            file("data/replace/new-only", 0o644, "new\n"),
            dir("data/replace/olddir", 0o700),
            file("data/replace/olddir/y", 0o644, "y\n"),
            whiteout("data/recreate"),
            dir("data/f2d", 0o750),
            file("data/f2d/inside", 0o644, "inside\n"),
            file("data/d2f", 0o600, "now a file\n"),
            file("data/link-to-file", 0o644, "was a symlink\n"),
            symlink("data/file-to-link", "keep/a.txt"),
            dir("data/keep", 0o750).owner(1000, 1000),
            file("data/keep/b.txt", 0o644, "b\n"),
            file("data/new-hl-1", 0o600, "a new hard-link pair\n").owner(2000, 2000),
            hardlink("data/new-hl-2", "data/new-hl-1"),
            dir("modes", 0o755),
            file("modes/zero", 0o000, "mode 0000, replaced\n"),
            dir("etc", 0o755),
            file("etc/passwd", 0o644, "root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000::/home/user:/bin/sh\nnobody:x:65534:65534::/:/bin/false\n"),
        ]);
        let l3 = layer(vec![
            dir("data", 0o755),
            file("data/recreate", 0o644, "version 3\n"),
            dir("data/gone", 0o711),
            file("data/gone/fresh", 0o644, "fresh\n"),
            whiteout("data/new-hl-2"),
            dir("data/replace", 0o755),
            opaque("data/replace"),
            file("data/replace/third", 0o644, "third\n"),
            dir("data/keep", 0o750).owner(1000, 1000),
            whiteout("data/keep/a.txt"),
            dir("owners", 0o755),
            whiteout("owners/odd-link"),
            whiteout("bin"),
        ]);
        vec![l1, l2, l3]
    })
}

/// The variants of the multi-layer image: manifest format and per-layer compression.
pub const LAYERED_VARIANTS: &[(&str, Format, [Comp; 3])] = &[
    ("oci-gzip", Format::Oci, [Comp::Gzip; 3]),
    ("oci-zstd", Format::Oci, [Comp::Zstd; 3]),
    ("oci-tar", Format::Oci, [Comp::None; 3]),
    ("docker-gzip", Format::Docker, [Comp::Gzip; 3]),
    ("docker-tar", Format::Docker, [Comp::None; 3]),
    (
        "oci-mixed",
        Format::Oci,
        [Comp::Gzip, Comp::Zstd, Comp::None],
    ),
];

/// Pushes `layered:<variant>` (idempotent) and returns it.
pub fn layered(variant: &str) -> Pushed {
    let (_, format, comps) = LAYERED_VARIANTS
        .iter()
        .find(|v| v.0 == variant)
        .unwrap_or_else(|| panic!("unknown layered variant {variant}"));
    let layers = layered_layers()
        .iter()
        .cloned()
        .zip(comps.iter().copied())
        .collect();
    let spec = Spec {
        format: *format,
        ..Spec::default()
    };
    push_image("layered", variant, &spec, layers).0
}

/// A multi-platform image: `multiarch:oci` (OCI index) and `multiarch:docker` (Docker manifest
/// list) with linux/amd64 and linux/arm64/v8 entries, each holding `/arch` with its name.
pub struct MultiArch {
    pub amd64: Pushed,
    pub arm64: Pushed,
    pub index_digest: String,
    pub tag: &'static str,
}

pub fn multiarch(format: Format) -> MultiArch {
    let tag = if format == Format::Oci {
        "oci"
    } else {
        "docker"
    };
    let mk = |arch: &'static str, variant: Option<&'static str>| {
        let spec = Spec {
            arch,
            variant,
            format,
        };
        let l = layer(vec![
            file("arch", 0o644, format!("{arch}\n")),
            dir("etc", 0o755),
            file("etc/os-release", 0o644, "ID=hutch-test\n"),
        ]);
        let (p, m) = push_image(
            "multiarch",
            &format!("{tag}-{arch}"),
            &spec,
            vec![(l, Comp::Gzip)],
        );
        (p, m, spec)
    };
    let (a, am, aspec) = mk("amd64", None);
    let (r, rm, rspec) = mk("arm64", Some("v8"));
    // arm64 first, so picking the first entry instead of the host's platform is caught.
    let index_digest = push_index(
        "multiarch",
        tag,
        format,
        &[(&r, &rm, &rspec), (&a, &am, &aspec)],
    );
    MultiArch {
        amd64: a,
        arm64: r,
        index_digest,
        tag,
    }
}

/// A directory outside every hutch directory that hostile layers aim at. World-writable and owned
/// by the test user, so an escape would really succeed if hutch let it through.
pub fn canary_dir() -> &'static PathBuf {
    static C: OnceLock<PathBuf> = OnceLock::new();
    C.get_or_init(|| {
        let d = session().dir.join("canary");
        fs::create_dir_all(d.join("target")).unwrap();
        fs::write(d.join("target/secret"), "canary secret\n").unwrap();
        let user = test_user();
        for p in [d.clone(), d.join("target"), d.join("target/secret")] {
            if user.switch {
                std::os::unix::fs::chown(&p, Some(user.uid), Some(user.gid)).unwrap();
            }
        }
        fs::set_permissions(&d, fs::Permissions::from_mode(0o777)).unwrap();
        fs::set_permissions(d.join("target"), fs::Permissions::from_mode(0o777)).unwrap();
        d
    })
}

/// What is in the canary directory now (must stay exactly `target/secret` with one link).
pub fn canary_state() -> Vec<String> {
    let mut out = Vec::new();
    fn walk(dir: &std::path::Path, base: &std::path::Path, out: &mut Vec<String>) {
        for e in fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            let md = fs::symlink_metadata(&p).unwrap();
            use std::os::unix::fs::MetadataExt;
            out.push(format!(
                "{} nlink={}",
                p.strip_prefix(base).unwrap().display(),
                md.nlink()
            ));
            if md.is_dir() {
                walk(&p, base, out);
            }
        }
    }
    walk(canary_dir(), canary_dir(), &mut out);
    out.sort();
    out
}

/// The hostile layers: (tag, the entry hutch must name in its error, entries).
pub fn hostile_cases() -> Vec<(&'static str, String, Vec<Entry>)> {
    let canary = canary_dir().display().to_string();
    let deep = format!("{}{}", "../".repeat(20), canary.trim_start_matches('/'));
    vec![
        (
            "dotdot",
            "../escape".into(),
            vec![dir("etc", 0o755), file("../escape", 0o644, "escaped\n")],
        ),
        (
            "dotdot-deep",
            format!("{deep}/dotdot-pwned"),
            vec![file(&format!("{deep}/dotdot-pwned"), 0o644, "escaped\n")],
        ),
        (
            "dotdot-inner",
            "etc/../../inner-escape".into(),
            vec![
                dir("etc", 0o755),
                file("etc/../../inner-escape", 0o644, "escaped\n"),
            ],
        ),
        (
            "absolute",
            format!("{canary}/abs-pwned"),
            vec![file(&format!("{canary}/abs-pwned"), 0o644, "escaped\n")],
        ),
        (
            "symlink-parent",
            "evil/pwned".into(),
            vec![
                symlink("evil", &format!("{canary}/target")),
                file("evil/pwned", 0o644, "escaped\n"),
            ],
        ),
        (
            "symlink-parent-relative",
            "evil/pwned".into(),
            vec![
                symlink("evil", &format!("{deep}/target")),
                file("evil/pwned", 0o644, "escaped\n"),
            ],
        ),
        (
            "hardlink-dotdot",
            "hl".into(),
            vec![hardlink("hl", &format!("{deep}/target/secret"))],
        ),
        (
            "hardlink-absolute",
            "hl".into(),
            vec![hardlink("hl", &format!("{canary}/target/secret"))],
        ),
        (
            "hardlink-via-symlink",
            "hl".into(),
            vec![
                symlink("sl", &format!("{canary}/target")),
                hardlink("hl", "sl/secret"),
            ],
        ),
        (
            "chardev",
            "dev/mynull".into(),
            vec![dir("dev", 0o755), chardev("dev/mynull", 1, 3)],
        ),
    ]
}

/// Pushes `hostile:<tag>` (one gzip layer) and returns it.
pub fn hostile(tag: &str) -> (Pushed, String) {
    let (_, entry, entries) = hostile_cases()
        .into_iter()
        .find(|c| c.0 == tag)
        .unwrap_or_else(|| panic!("no hostile case {tag}"));
    let spec = Spec::default();
    (
        push_image("hostile", tag, &spec, vec![(layer(entries), Comp::Gzip)]).0,
        entry,
    )
}

/// `stack:<n>`: the busybox layer plus a small layer of its own (for sharing and concurrency).
pub fn stack(n: u32) -> Pushed {
    let own = layer(vec![
        dir("etc", 0o755),
        file("etc/stack-id", 0o644, format!("{n}\n")),
    ]);
    let spec = Spec {
        format: Format::Docker,
        ..Spec::default()
    };
    push_image(
        "stack",
        &format!("s{n}"),
        &spec,
        vec![(busybox_layer().clone(), Comp::Gzip), (own, Comp::Gzip)],
    )
    .0
}

/// `big:latest`: one uncompressed layer with a file of random bytes (default 200 MiB, override
/// with HUTCH_IT_BIG_MB), written straight to disk and streamed to the registry.
pub fn big() -> &'static Pushed {
    static P: OnceLock<Pushed> = OnceLock::new();
    P.get_or_init(|| {
        let mb: u64 = std::env::var("HUTCH_IT_BIG_MB")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(200);
        let size = mb << 20;
        let path = session().dir.join("big-layer.tar");
        let mut hasher = Sha256::new();
        let mut out = std::io::BufWriter::new(fs::File::create(&path).unwrap());
        let mut write = |b: &[u8]| {
            hasher.update(b);
            out.write_all(b).unwrap();
        };
        let mut h = tar::Header::new_ustar();
        h.set_path("big.bin").unwrap();
        h.set_size(size);
        h.set_mode(0o644);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(1_700_000_000);
        h.set_entry_type(tar::EntryType::Regular);
        h.set_cksum();
        write(h.as_bytes());
        // xorshift64*: incompressible and fast enough in a debug build.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut chunk = vec![0u8; 1 << 20];
        for _ in 0..mb {
            for w in chunk.chunks_exact_mut(8) {
                x ^= x >> 12;
                x ^= x << 25;
                x ^= x >> 27;
                w.copy_from_slice(&x.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
            }
            write(&chunk);
        }
        write(&[0u8; 1024]); // end-of-archive marker
        out.flush().unwrap();
        drop(out);
        let digest = format!("sha256:{}", hex::encode(hasher.finalize()));
        let host = registries().plain.host();
        push_blob(&host, "big", &digest, Blob::File(&path));
        let size = fs::metadata(&path).unwrap().len();
        let _ = fs::remove_file(&path);
        let spec = Spec::default();
        let config = config_json(&spec, "big:latest", std::slice::from_ref(&digest));
        let desc = LayerDesc {
            media_type: "application/vnd.oci.image.layer.v1.tar",
            digest,
            size,
        };
        push_config_and_manifest("big", "latest", Format::Oci, &config, &[desc]).0
    })
}
