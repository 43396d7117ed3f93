//! TEMPORARY stand-ins for `expand`, `ignore` and `context` (written by the build-lib branch);
//! deleted once those land. Only what the executor needs, with the same signatures.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ExpandError(pub String);

/// `$V`, `${V}`, `${V:-x}`, `${V:+x}` and quote removal; enough for the executor's tests.
pub fn expand_word(
    word: &str,
    escape: char,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<String, ExpandError> {
    let mut out = String::new();
    let mut chars = word.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        if c == escape && quote != Some('\'') {
            if let Some(n) = chars.next() {
                out.push(n);
            }
            continue;
        }
        if (c == '"' || c == '\'') && (quote.is_none() || quote == Some(c)) {
            quote = if quote.is_some() { None } else { Some(c) };
            continue;
        }
        if c == '$' && quote != Some('\'') {
            if chars.peek() == Some(&'{') {
                chars.next();
                let mut inner = String::new();
                for n in chars.by_ref() {
                    if n == '}' {
                        break;
                    }
                    inner.push(n);
                }
                let (name, op, arg) = match inner.find([':', '-', '+']) {
                    Some(i) => {
                        let (n, rest) = inner.split_at(i);
                        let op = if rest.starts_with(':') {
                            &rest[..2.min(rest.len())]
                        } else {
                            &rest[..1]
                        };
                        (n.to_string(), op.to_string(), rest[op.len()..].to_string())
                    }
                    None => (inner.clone(), String::new(), String::new()),
                };
                let v = lookup(&name);
                let arg = expand_word(&arg, escape, lookup)?;
                out.push_str(&match op.as_str() {
                    ":-" => v.filter(|v| !v.is_empty()).unwrap_or(arg),
                    "-" => v.unwrap_or(arg),
                    ":+" => {
                        if v.is_some_and(|v| !v.is_empty()) {
                            arg
                        } else {
                            String::new()
                        }
                    }
                    "+" => {
                        if v.is_some() {
                            arg
                        } else {
                            String::new()
                        }
                    }
                    _ => v.unwrap_or_default(),
                });
                continue;
            }
            let mut name = String::new();
            while let Some(&n) = chars.peek() {
                if n.is_ascii_alphanumeric() || n == '_' {
                    name.push(n);
                    chars.next();
                } else {
                    break;
                }
            }
            if name.is_empty() {
                out.push('$');
            } else {
                out.push_str(&lookup(&name).unwrap_or_default());
            }
            continue;
        }
        out.push(c);
    }
    Ok(out)
}

/// Splits on unquoted whitespace, then expands each word.
pub fn expand_words(
    text: &str,
    escape: char,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<String>, ExpandError> {
    split(text, escape)
        .iter()
        .map(|w| expand_word(w, escape, lookup))
        .collect()
}

fn split(text: &str, escape: char) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == escape {
            cur.push(c);
            if let Some(n) = chars.next() {
                cur.push(n);
            }
            continue;
        }
        if (c == '"' || c == '\'') && (quote.is_none() || quote == Some(c)) {
            quote = if quote.is_some() { None } else { Some(c) };
        }
        if c.is_whitespace() && quote.is_none() {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            continue;
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// `K=V K2="v 2"` (or with `legacy_space_form`, `K V...`).
pub fn parse_key_values(
    text: &str,
    escape: char,
    lookup: &dyn Fn(&str) -> Option<String>,
    legacy_space_form: bool,
) -> Result<Vec<(String, String)>, ExpandError> {
    let words = split(text, escape);
    if legacy_space_form && words.first().is_some_and(|w| !w.contains('=')) {
        let (k, rest) = text
            .trim()
            .split_once(char::is_whitespace)
            .unwrap_or((text.trim(), ""));
        return Ok(vec![(
            k.to_string(),
            expand_word(rest.trim(), escape, lookup)?,
        )]);
    }
    words
        .iter()
        .map(|w| {
            let (k, v) = w.split_once('=').unwrap_or((w, ""));
            Ok((
                expand_word(k, escape, lookup)?,
                expand_word(v, escape, lookup)?,
            ))
        })
        .collect()
}

pub struct IgnoreRules;

/// One resolved COPY source.
#[derive(Debug, Clone)]
pub struct ContextSource {
    /// Path relative to the context root.
    pub rel: PathBuf,
    pub path: PathBuf,
}

pub struct BuildContext {
    pub root: PathBuf,
}

impl BuildContext {
    pub fn open_dir(dir: &Path) -> BuildContext {
        BuildContext {
            root: dir.to_path_buf(),
        }
    }

    /// Literal paths and `*` in the last component only.
    pub fn resolve_sources(&self, patterns: &[String]) -> Result<Vec<ContextSource>, String> {
        let mut out = Vec::new();
        for p in patterns {
            let rel = p.trim_start_matches('/');
            let rel = if rel.is_empty() { "." } else { rel };
            if rel.contains('*') || rel.contains('?') {
                let (dir, pat) = rel.rsplit_once('/').unwrap_or((".", rel));
                let mut hits: Vec<_> = std::fs::read_dir(self.root.join(dir))
                    .map_err(|e| format!("{p}: {e}"))?
                    .flatten()
                    .filter(|e| glob(pat, &e.file_name().to_string_lossy()))
                    .map(|e| {
                        let r = Path::new(dir).join(e.file_name());
                        ContextSource {
                            path: self.root.join(&r),
                            rel: r,
                        }
                    })
                    .collect();
                hits.sort_by(|a, b| a.rel.cmp(&b.rel));
                if hits.is_empty() {
                    return Err(format!("no source files were specified matching {p:?}"));
                }
                out.extend(hits);
                continue;
            }
            let path = self.root.join(rel);
            if std::fs::symlink_metadata(&path).is_err() {
                return Err(format!(
                    "{p:?}: no such file or directory in the build context"
                ));
            }
            out.push(ContextSource {
                rel: PathBuf::from(rel),
                path,
            });
        }
        Ok(out)
    }

    pub fn digest_sources(&self, srcs: &[ContextSource]) -> Result<String, String> {
        use std::io::Read;
        let mut buf = Vec::new();
        fn walk(p: &Path, buf: &mut Vec<u8>) -> std::io::Result<()> {
            use std::os::unix::fs::MetadataExt;
            let m = std::fs::symlink_metadata(p)?;
            buf.extend_from_slice(format!("{}\0{}\0", p.display(), m.mode()).as_bytes());
            if m.is_dir() {
                let mut kids: Vec<_> = std::fs::read_dir(p)?.flatten().map(|e| e.path()).collect();
                kids.sort();
                for k in kids {
                    walk(&k, buf)?;
                }
            } else if m.is_file() {
                std::fs::File::open(p)?.read_to_end(buf)?;
            } else if m.file_type().is_symlink() {
                buf.extend_from_slice(std::fs::read_link(p)?.as_os_str().as_encoded_bytes());
            }
            Ok(())
        }
        for s in srcs {
            walk(&s.path, &mut buf).map_err(|e| format!("{}: {e}", s.path.display()))?;
        }
        Ok(crate::Digest::sha256(&buf).to_string())
    }
}

fn glob(pat: &str, name: &str) -> bool {
    match (pat.chars().next(), name.chars().next()) {
        (None, None) => true,
        (Some('*'), _) => {
            glob(&pat[1..], name)
                || (!name.is_empty() && glob(pat, &name[name.chars().next().unwrap().len_utf8()..]))
        }
        (Some('?'), Some(c)) => glob(&pat[1..], &name[c.len_utf8()..]),
        (Some(p), Some(c)) if p == c => glob(&pat[p.len_utf8()..], &name[c.len_utf8()..]),
        _ => false,
    }
}
