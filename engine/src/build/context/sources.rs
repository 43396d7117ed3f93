//! COPY/ADD sources: patterns resolved inside the context (symlinks followed but never out of
//! it), the ignore file and `--exclude` applied, directories walked; and their content digest.

use super::{io_err, BuildContext, ContextError};
use crate::build::ignore::{clean_path, Glob, IgnoreRules};
use hutch_storage::digest::HashingWriter;
use std::ffi::OsString;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Component, Path, PathBuf};

/// As Linux's limit on symlinks followed in one lookup.
const MAX_LINKS: usize = 40;

/// One file, directory or symlink a COPY/ADD reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextSource {
    /// Where it is on disk (for a source named by the instruction, with symlinks resolved
    /// inside the context; inside a walked directory, the entry itself: symlinks stay links).
    pub abs: PathBuf,
    /// Where it goes, relative to the destination. Empty for a directory source itself (its
    /// contents go into the destination), or its path with `--parents`.
    pub rel: PathBuf,
    pub is_dir: bool,
}

/// A path cleaned and made relative to the context root; `..` above the root is refused.
pub(super) fn clean_relative(path: &str) -> Result<PathBuf, ()> {
    let cleaned = clean_path(&format!("/{path}"));
    // Cleaning after a `/` drops `..` at the root, so compare with cleaning as written.
    let plain = clean_path(path);
    if plain == ".." || plain.starts_with("../") {
        return Err(());
    }
    Ok(PathBuf::from(cleaned.trim_start_matches('/')))
}

impl BuildContext {
    /// The sources of one COPY/ADD: each pattern (Go `filepath.Match` syntax plus `**`)
    /// relative to the context root, minus what the ignore file and `excludes` leave out.
    /// A directory source brings its included contents. With `parents`, `rel` keeps the
    /// source's path (`--parents`), else it is relative to the matched path.
    pub fn resolve_sources(
        &self,
        patterns: &[String],
        excludes: &[String],
        parents: bool,
    ) -> Result<Vec<ContextSource>, ContextError> {
        if patterns.is_empty() {
            return Err(ContextError::NoSources);
        }
        let excludes = IgnoreRules::from_patterns(excludes)?;
        let mut out = Vec::new();
        for pattern in patterns {
            let rel = clean_relative(pattern).map_err(|_| ContextError::OutsideContext {
                path: pattern.clone(),
            })?;
            let rel_str = rel.to_string_lossy().into_owned();
            let glob = Glob::new(&rel_str)?;
            let matched = if glob.has_wildcards() {
                let found = self.glob_paths(&rel_str, &glob)?;
                if found.is_empty() {
                    return Err(ContextError::NoMatch {
                        pattern: pattern.clone(),
                    });
                }
                found
            } else {
                // `\` escapes in a plain name are literal characters once unescaped.
                vec![PathBuf::from(unescape(&rel_str))]
            };
            let before = out.len();
            for m in matched {
                self.add_source(&m, &excludes, parents, &mut out)?;
            }
            if out.len() == before {
                return Err(if glob.has_wildcards() {
                    ContextError::NoMatch {
                        pattern: pattern.clone(),
                    }
                } else {
                    ContextError::NotFound {
                        pattern: pattern.clone(),
                    }
                });
            }
        }
        Ok(out)
    }

    /// One matched path: followed inside the context, then the file itself or the walk of
    /// the directory.
    fn add_source(
        &self,
        rel: &Path,
        excludes: &IgnoreRules,
        parents: bool,
        out: &mut Vec<ContextSource>,
    ) -> Result<(), ContextError> {
        let whole_context = rel.as_os_str().is_empty();
        if !whole_context && self.ignore.is_excluded(rel) && !self.ignore.could_include_under(rel) {
            return Ok(());
        }
        let abs = self.resolve_in_root(rel)?;
        let meta = match std::fs::symlink_metadata(&abs) {
            Ok(m) => m,
            Err(e) if super::is_absent(&e) => return Ok(()),
            Err(e) => return Err(io_err(&abs)(e)),
        };
        let dest_base = if parents {
            rel.to_path_buf()
        } else {
            PathBuf::new()
        };
        if !meta.is_dir() {
            if self.ignore.is_excluded(rel) || excluded_by(excludes, rel, rel.file_name()) {
                return Ok(());
            }
            let name = rel.file_name().map(PathBuf::from).unwrap_or_default();
            out.push(ContextSource {
                abs,
                rel: if parents { dest_base } else { name },
                is_dir: false,
            });
            return Ok(());
        }
        let dropped = excluded_by(excludes, rel, rel.file_name());
        if dropped && !(excludes.could_include_under(rel) || whole_context) {
            return Ok(());
        }
        if (!self.ignore.is_excluded(rel) && !dropped) || whole_context {
            out.push(ContextSource {
                abs: abs.clone(),
                rel: dest_base.clone(),
                is_dir: true,
            });
        }
        self.walk(&abs, rel, &dest_base, excludes, out)
    }

    /// The contents of directory `abs` (context path `rel`), depth first in name order, each
    /// directory before what it holds. An explicit stack, so deep trees cannot exhaust the
    /// thread's stack.
    fn walk(
        &self,
        abs: &Path,
        rel: &Path,
        dest_base: &Path,
        excludes: &IgnoreRules,
        out: &mut Vec<ContextSource>,
    ) -> Result<(), ContextError> {
        let mut stack = self.children(abs, rel, Path::new(""), excludes)?;
        while let Some(e) = stack.pop() {
            if e.listed {
                out.push(ContextSource {
                    abs: e.abs.clone(),
                    rel: dest_base.join(&e.inner),
                    is_dir: e.is_dir,
                });
            }
            if e.is_dir {
                stack.extend(self.children(&e.abs, &e.ctx_rel, &e.inner, excludes)?);
            }
        }
        Ok(())
    }

    /// The entries of one directory worth visiting, in reverse name order (for a stack):
    /// included ones, and excluded directories an exception could reach into (unlisted).
    fn children(
        &self,
        dir: &Path,
        dir_rel: &Path,
        dir_inner: &Path,
        excludes: &IgnoreRules,
    ) -> Result<Vec<Entry>, ContextError> {
        let mut out = Vec::new();
        for (name, is_dir) in read_dir_sorted(dir)?.into_iter().rev() {
            let ctx_rel = dir_rel.join(&name);
            let inner = dir_inner.join(&name);
            let excluded = self.ignore.is_excluded(&ctx_rel)
                || excludes.is_excluded(&ctx_rel)
                || excludes.is_excluded(&inner);
            let reachable = is_dir
                && self.ignore.could_include_under(&ctx_rel)
                && excludes.could_include_under(&ctx_rel)
                && excludes.could_include_under(&inner);
            if excluded && !reachable {
                continue;
            }
            out.push(Entry {
                abs: dir.join(&name),
                ctx_rel,
                inner,
                is_dir,
                listed: !excluded,
            });
        }
        Ok(out)
    }

    /// Context paths matching a wildcard pattern, sorted. The part before the first wildcard
    /// is followed like a plain path; below it the tree is walked without following links.
    fn glob_paths(&self, pattern: &str, glob: &Glob) -> Result<Vec<PathBuf>, ContextError> {
        let parts: Vec<&str> = pattern.split('/').collect();
        let fixed = parts
            .iter()
            .take_while(|p| !Glob::new(p).map(|g| g.has_wildcards()).unwrap_or(true))
            .count();
        let base_rel = PathBuf::from(unescape(&parts[..fixed].join("/")));
        let base_abs = self.resolve_in_root(&base_rel)?;
        if !base_abs.is_dir() {
            return Ok(Vec::new());
        }
        let mut found = Vec::new();
        let mut stack = vec![(base_abs, base_rel)];
        while let Some((dir, rel)) = stack.pop() {
            for (name, is_dir) in read_dir_sorted(&dir)?.into_iter().rev() {
                let child = rel.join(&name);
                let s = child.to_string_lossy();
                if glob.matches(&s) {
                    found.push(child);
                } else if is_dir && glob.could_match_under(&s) {
                    stack.push((dir.join(&name), child));
                }
            }
        }
        found.sort();
        Ok(found)
    }

    /// `rel` on disk with every symlink on the way followed as if the context root were `/`,
    /// so no link leads out of the context. A missing part is kept as named.
    pub fn resolve_in_root(&self, rel: &Path) -> Result<PathBuf, ContextError> {
        let mut resolved: Vec<OsString> = Vec::new();
        let mut pending: Vec<OsString> = Vec::new();
        push_components(&mut pending, rel);
        let mut links = 0;
        while let Some(part) = pending.pop() {
            if part == ".." {
                resolved.pop();
                continue;
            }
            let mut candidate = self.root.clone();
            candidate.extend(&resolved);
            candidate.push(&part);
            match std::fs::symlink_metadata(&candidate) {
                Ok(m) if m.file_type().is_symlink() => {
                    links += 1;
                    if links > MAX_LINKS {
                        return Err(ContextError::SymlinkLoop { path: candidate });
                    }
                    let target = std::fs::read_link(&candidate).map_err(io_err(&candidate))?;
                    if target.is_absolute() {
                        resolved.clear();
                    }
                    push_components(&mut pending, &target);
                }
                _ => resolved.push(part),
            }
        }
        let mut out = self.root.clone();
        out.extend(&resolved);
        Ok(out)
    }

    /// sha256 over each source's destination path, type, permission bits, symlink target and
    /// contents, in the order given: the same files give the same digest on every run,
    /// whatever their times or owners.
    pub fn digest_sources(&self, srcs: &[ContextSource]) -> Result<String, ContextError> {
        let mut h = HashingWriter::new(std::io::sink());
        for s in srcs {
            let meta = std::fs::symlink_metadata(&s.abs).map_err(io_err(&s.abs))?;
            let ft = meta.file_type();
            let kind: &[u8] = if ft.is_dir() {
                b"d"
            } else if ft.is_symlink() {
                b"l"
            } else if ft.is_file() {
                b"f"
            } else {
                b"o"
            };
            let rel = s.rel.as_os_str().as_bytes();
            let mode = meta.permissions().mode() & 0o7777;
            let mut header = Vec::with_capacity(rel.len() + 32);
            header.extend_from_slice(&(rel.len() as u64).to_be_bytes());
            header.extend_from_slice(rel);
            header.extend_from_slice(kind);
            header.extend_from_slice(&mode.to_be_bytes());
            h.write_all(&header).map_err(io_err(&s.abs))?;
            if ft.is_symlink() {
                let target = std::fs::read_link(&s.abs).map_err(io_err(&s.abs))?;
                let t = target.as_os_str().as_bytes();
                h.write_all(&(t.len() as u64).to_be_bytes())
                    .and_then(|_| h.write_all(t))
                    .map_err(io_err(&s.abs))?;
            } else if ft.is_file() {
                h.write_all(&meta.size().to_be_bytes())
                    .map_err(io_err(&s.abs))?;
                let mut f = std::fs::File::open(&s.abs).map_err(io_err(&s.abs))?;
                let n = std::io::copy(&mut f, &mut h).map_err(io_err(&s.abs))?;
                if n != meta.size() {
                    return Err(io_err(&s.abs)(std::io::Error::other(
                        "the file changed while it was read",
                    )));
                }
            }
        }
        let (_, digest, _) = h.finish();
        Ok(digest.map(|d| d.to_string()).unwrap_or_default())
    }
}

/// A directory entry met while walking a source.
struct Entry {
    abs: PathBuf,
    /// Relative to the context root.
    ctx_rel: PathBuf,
    /// Relative to the source directory.
    inner: PathBuf,
    is_dir: bool,
    /// False for an excluded directory walked only for its re-included contents.
    listed: bool,
}

/// Whether `--exclude` leaves this path out, by its context path or its name.
fn excluded_by(excludes: &IgnoreRules, rel: &Path, name: Option<&std::ffi::OsStr>) -> bool {
    excludes.is_excluded(rel) || name.is_some_and(|n| excludes.is_excluded(Path::new(n)))
}

/// Pushes `path`'s components so the first is popped first.
fn push_components(pending: &mut Vec<OsString>, path: &Path) {
    let parts: Vec<OsString> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(n) => Some(n.to_os_string()),
            Component::ParentDir => Some("..".into()),
            _ => None,
        })
        .collect();
    pending.extend(parts.into_iter().rev());
}

/// A directory's entries, name-sorted, each with whether it is a directory (not following
/// symlinks).
fn read_dir_sorted(dir: &Path) -> Result<Vec<(OsString, bool)>, ContextError> {
    let mut entries = Vec::new();
    for e in std::fs::read_dir(dir).map_err(io_err(dir))? {
        let e = e.map_err(io_err(dir))?;
        let is_dir = e.file_type().map_err(io_err(&e.path()))?.is_dir();
        entries.push((e.file_name(), is_dir));
    }
    entries.sort();
    Ok(entries)
}

/// Drops the `\` of escaped characters in a pattern without wildcards.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
                continue;
            }
        }
        out.push(c);
    }
    out
}
