//! The expected root filesystem of an image, computed by applying its layers with the OCI
//! image-spec rules, and the actual one, read from `hutch image mount` inside `hutch unshare`
//! with the host's `find` and `sha256sum`.

use crate::harness::TestContext;
use crate::oci::{sha256_hex, Kind, Layer};
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// `find -printf %y`: f, d, l, c, ...
    pub ty: char,
    /// Permission bits including setuid/setgid/sticky (not compared for symlinks).
    pub mode: u32,
    pub uid: u64,
    pub gid: u64,
    /// Regular files only.
    pub size: Option<u64>,
    pub target: Option<String>,
    pub sha256: Option<String>,
    /// Paths with the same group were hard links to one inode when written.
    pub group: Option<usize>,
}

impl Node {
    fn line(&self) -> String {
        let mode = if self.ty == 'l' {
            "-".to_string()
        } else {
            format!("{:o}", self.mode)
        };
        format!(
            "{} mode={} owner={}:{} size={} target={} sha256={}",
            self.ty,
            mode,
            self.uid,
            self.gid,
            self.size
                .map(|s| s.to_string())
                .unwrap_or_else(|| "-".into()),
            self.target.as_deref().unwrap_or("-"),
            self.sha256.as_deref().map(|s| &s[..16]).unwrap_or("-"),
        )
    }
}

pub type Tree = BTreeMap<String, Node>;

fn remove_subtree(tree: &mut Tree, path: &str) {
    let prefix = format!("{path}/");
    tree.retain(|k, _| k != path && !k.starts_with(&prefix));
}

fn remove_children(tree: &mut Tree, path: &str) {
    let prefix = format!("{path}/");
    tree.retain(|k, _| !k.starts_with(&prefix));
}

/// Applies layers base-first, as the OCI image spec describes: whiteouts and opaque markers hide
/// what lower layers put there; an entry replaces a lower one of another type (a directory with its
/// whole subtree); a directory over a directory merges and takes the new metadata.
pub fn apply(layers: &[Layer]) -> Tree {
    let mut tree = Tree::new();
    let mut next_group = 0;
    for layer in layers {
        // Whiteouts apply to the lower layers only, so handle them before this layer's additions.
        for e in &layer.entries {
            match e.kind {
                Kind::Whiteout => remove_subtree(&mut tree, &e.path),
                Kind::Opaque => remove_children(&mut tree, e.path.trim_end_matches('/')),
                _ => {}
            }
        }
        for e in &layer.entries {
            let path = e.path.trim_end_matches('/').to_string();
            let node = match &e.kind {
                Kind::Whiteout | Kind::Opaque => continue,
                Kind::Dir => {
                    if let Some(n) = tree.get_mut(&path).filter(|n| n.ty == 'd') {
                        n.mode = e.mode & 0o7777;
                        n.uid = e.uid;
                        n.gid = e.gid;
                        continue;
                    }
                    Node {
                        ty: 'd',
                        mode: e.mode & 0o7777,
                        uid: e.uid,
                        gid: e.gid,
                        size: None,
                        target: None,
                        sha256: None,
                        group: None,
                    }
                }
                Kind::File(data) => Node {
                    ty: 'f',
                    mode: e.mode & 0o7777,
                    uid: e.uid,
                    gid: e.gid,
                    size: Some(data.len() as u64),
                    target: None,
                    sha256: Some(sha256_hex(data)),
                    group: None,
                },
                Kind::Symlink(t) => Node {
                    ty: 'l',
                    mode: 0o777,
                    uid: e.uid,
                    gid: e.gid,
                    size: None,
                    target: Some(t.clone()),
                    sha256: None,
                    group: None,
                },
                Kind::Hardlink(t) => {
                    let t = t.trim_end_matches('/');
                    let target = tree.get_mut(t).unwrap_or_else(|| {
                        panic!("test image bug: hardlink {path} -> missing {t}")
                    });
                    let g = *target.group.get_or_insert_with(|| {
                        next_group += 1;
                        next_group
                    });
                    let mut n = target.clone();
                    n.group = Some(g);
                    n
                }
                Kind::CharDev(..) => Node {
                    ty: 'c',
                    mode: e.mode & 0o7777,
                    uid: e.uid,
                    gid: e.gid,
                    size: None,
                    target: None,
                    sha256: None,
                    group: None,
                },
            };
            remove_subtree(&mut tree, &path);
            tree.insert(path, node);
        }
    }
    tree
}

/// The actual tree: paths, metadata and inode numbers as seen inside the user namespace.
pub struct Mounted {
    pub tree: Tree,
    pub inodes: HashMap<String, u64>,
}

const WALK: &str = r#"find "$1" -mindepth 1 -printf '%P\t%y\t%m\t%U\t%G\t%s\t%i\t%l\n' && echo '--hashes--' && find "$1" -mindepth 1 -type f -exec sha256sum {} +"#;

/// Walks a directory inside `hutch unshare` (so owners are the ids inside the namespace).
pub fn walk(ctx: &TestContext, dir: &str) -> Mounted {
    let out = ctx
        .hutch(["unshare", "sh", "-c", WALK, "sh", dir])
        .run()
        .success();
    let (listing, hashes) = out
        .stdout
        .split_once("--hashes--\n")
        .unwrap_or_else(|| panic!("walker output without hashes: {}", out.stdout));
    let mut tree = Tree::new();
    let mut inodes = HashMap::new();
    for line in listing.lines() {
        let f: Vec<&str> = line.splitn(8, '\t').collect();
        assert_eq!(f.len(), 8, "bad walker line {line:?}");
        let ty = f[1].chars().next().unwrap();
        let node = Node {
            ty,
            mode: if ty == 'l' {
                0o777
            } else {
                u32::from_str_radix(f[2], 8).unwrap()
            },
            uid: f[3].parse().unwrap(),
            gid: f[4].parse().unwrap(),
            size: (ty == 'f').then(|| f[5].parse().unwrap()),
            target: (ty == 'l').then(|| f[7].to_string()),
            sha256: None,
            group: None,
        };
        inodes.insert(f[0].to_string(), f[6].parse().unwrap());
        tree.insert(f[0].to_string(), node);
    }
    let prefix = format!("{}/", dir.trim_end_matches('/'));
    for line in hashes.lines() {
        let (sum, path) = line
            .split_once("  ")
            .unwrap_or_else(|| panic!("bad sha256sum line {line:?}"));
        let rel = path
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("sha256sum path {path} outside {prefix}"));
        tree.get_mut(rel)
            .unwrap_or_else(|| panic!("hashed file {rel} not listed"))
            .sha256 = Some(sum.to_string());
    }
    Mounted { tree, inodes }
}

/// Mounts IMAGE with `hutch image mount`, returns the mount point.
pub fn mount(ctx: &TestContext, image: &str) -> String {
    let out = ctx.hutch(["image", "mount", image]).run().success();
    let mnt = out
        .stdout
        .trim()
        .lines()
        .last()
        .unwrap_or_default()
        .trim()
        .to_string();
    assert!(
        mnt.starts_with('/'),
        "`hutch image mount {image}` should print the mount point, got {:?}",
        out.stdout
    );
    // podman's place for it: under the graphroot, named by the image ID.
    let shown = ctx.filter(&mnt);
    assert!(
        shown.starts_with("[GRAPHROOT]/") && shown.contains("[ID]"),
        "mount point {mnt} should be under the graphroot and named by the image ID (filtered: {shown})"
    );
    mnt
}

/// Asserts the mounted tree equals the expected one, listing every difference.
pub fn assert_same(image: &str, expected: &Tree, actual: &Mounted) {
    let mut diffs = Vec::new();
    for (path, want) in expected {
        match actual.tree.get(path) {
            None => diffs.push(format!("missing  {path}: want {}", want.line())),
            Some(got) => {
                let mut got_cmp = got.clone();
                got_cmp.group = want.group;
                if want.ty == 'l' {
                    got_cmp.mode = want.mode;
                }
                if want.ty == 'd' {
                    got_cmp.size = None;
                }
                if &got_cmp != want {
                    diffs.push(format!(
                        "differs  {path}:\n           want {}\n           got  {}",
                        want.line(),
                        got.line()
                    ));
                }
            }
        }
    }
    for (path, got) in &actual.tree {
        if !expected.contains_key(path) {
            diffs.push(format!("extra    {path}: {}", got.line()));
        }
    }
    // Names that were one inode when written must still be one inode.
    let mut groups: BTreeMap<usize, Vec<&String>> = BTreeMap::new();
    for (path, n) in expected {
        if let Some(g) = n.group {
            groups.entry(g).or_default().push(path);
        }
    }
    for paths in groups.values().filter(|p| p.len() > 1) {
        let inos: Vec<Option<&u64>> = paths.iter().map(|p| actual.inodes.get(*p)).collect();
        if inos.windows(2).any(|w| w[0] != w[1]) {
            diffs.push(format!("hardlinks {paths:?} are not one inode: {inos:?}"));
        }
    }
    assert!(
        diffs.is_empty(),
        "root filesystem of {image} differs from the layers applied by the OCI rules ({} differences):\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}
