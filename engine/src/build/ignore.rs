//! `.dockerignore` / `.containerignore` rules as Docker applies them, and the path patterns they
//! and COPY/ADD sources are written in: Go's `filepath.Match` syntax (`*`, `?`, `[a-z]`, `\`)
//! plus `**` for any number of directories.

use std::path::Path;

/// A pattern that cannot be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid pattern {pattern:?}: {reason}")]
pub struct PatternError {
    pub pattern: String,
    pub reason: String,
}

/// One compiled path pattern. Matching is against a whole `/`-separated relative path.
#[derive(Debug, Clone)]
pub struct Glob {
    text: String,
    toks: Vec<Tok>,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Lit(char),
    /// `?`: one character other than `/`.
    Any,
    /// `*`: any run of characters other than `/`.
    Star,
    /// `**` (with its `/`) inside a pattern: nothing, or anything ending in `/`.
    AnyDirs,
    /// `**` at the end: anything at all.
    Rest,
    Class {
        negated: bool,
        ranges: Vec<(char, char)>,
    },
}

impl Glob {
    pub fn new(pattern: &str) -> Result<Glob, PatternError> {
        let bad = |reason: &str| PatternError {
            pattern: pattern.to_string(),
            reason: reason.to_string(),
        };
        let chars: Vec<char> = pattern.chars().collect();
        let mut toks = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            i += 1;
            match c {
                '*' if chars.get(i) == Some(&'*') => {
                    i += 1;
                    if chars.get(i) == Some(&'/') {
                        i += 1;
                    }
                    // Docker's rule: `**` not followed by `/` still stands for whole
                    // directories unless it ends the pattern.
                    toks.push(if i == chars.len() {
                        Tok::Rest
                    } else {
                        Tok::AnyDirs
                    });
                }
                '*' => toks.push(Tok::Star),
                '?' => toks.push(Tok::Any),
                '\\' => match chars.get(i) {
                    Some(&n) => {
                        toks.push(Tok::Lit(n));
                        i += 1;
                    }
                    None => toks.push(Tok::Lit('\\')),
                },
                '[' => {
                    let (tok, next) = parse_class(&chars, i).ok_or_else(|| {
                        bad("unterminated or malformed character class `[...]` (escape a literal `[` as `\\[`)")
                    })?;
                    toks.push(tok);
                    i = next;
                }
                c => toks.push(Tok::Lit(c)),
            }
        }
        Ok(Glob {
            text: pattern.to_string(),
            toks,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the pattern has any wildcard (else it names exactly one path).
    pub fn has_wildcards(&self) -> bool {
        self.toks.iter().any(|t| !matches!(t, Tok::Lit(_)))
    }

    /// Whether the pattern matches all of `path` (`/`-separated, relative).
    pub fn matches(&self, path: &str) -> bool {
        run_tokens(&self.toks, path, false)
    }

    /// Whether the pattern could match some path strictly below directory `dir`.
    pub fn could_match_under(&self, dir: &str) -> bool {
        if dir.is_empty() {
            return run_tokens(&self.toks, "", true);
        }
        run_tokens(&self.toks, &format!("{dir}/"), true)
    }
}

/// Parses a class body after its `[`; returns the token and the index after `]`.
fn parse_class(chars: &[char], mut i: usize) -> Option<(Tok, usize)> {
    let negated = chars.get(i) == Some(&'^');
    if negated {
        i += 1;
    }
    let mut ranges = Vec::new();
    let mut first = true;
    loop {
        let mut c = *chars.get(i)?;
        i += 1;
        if c == ']' && !first {
            return Some((Tok::Class { negated, ranges }, i));
        }
        first = false;
        if c == '\\' {
            c = *chars.get(i)?;
            i += 1;
        }
        let mut hi = c;
        if chars.get(i) == Some(&'-') && chars.get(i + 1).is_some_and(|n| *n != ']') {
            hi = chars[i + 1];
            i += 2;
            if hi == '\\' {
                hi = *chars.get(i)?;
                i += 1;
            }
            if hi < c {
                return None;
            }
        }
        ranges.push((c, hi));
    }
}

/// Runs the pattern as a state machine over `s`, one set of live positions per character, so
/// any pattern costs at most (pattern length × path length) steps. A position is a token
/// index, twice: `inside` marks being part-way through an `AnyDirs`. With `prefix`, `s`
/// only has to be the start of a match (every live state can still be completed).
fn run_tokens(toks: &[Tok], s: &str, prefix: bool) -> bool {
    let n = toks.len() + 1;
    let mut cur = vec![false; 2 * n];
    let mut next = vec![false; 2 * n];
    add_closed(toks, &mut cur, 0);
    for c in s.chars() {
        next.iter_mut().for_each(|b| *b = false);
        for pi in 0..toks.len() {
            let (at, inside) = (cur[pi], cur[n + pi]);
            if !at && !inside {
                continue;
            }
            match &toks[pi] {
                Tok::Lit(l) if at && *l == c => add_closed(toks, &mut next, pi + 1),
                Tok::Any if at && c != '/' => add_closed(toks, &mut next, pi + 1),
                Tok::Class { negated, ranges } if at => {
                    let hit = ranges.iter().any(|(lo, hi)| (*lo..=*hi).contains(&c));
                    if hit != *negated {
                        add_closed(toks, &mut next, pi + 1);
                    }
                }
                Tok::Star if at && c != '/' => add_closed(toks, &mut next, pi),
                Tok::Rest if at => add_closed(toks, &mut next, pi),
                Tok::AnyDirs => {
                    next[n + pi] = true;
                    if c == '/' {
                        add_closed(toks, &mut next, pi + 1);
                    }
                }
                _ => {}
            }
        }
        std::mem::swap(&mut cur, &mut next);
        if !cur.iter().any(|b| *b) {
            return false;
        }
    }
    if prefix {
        return true;
    }
    cur[toks.len()]
}

/// Marks position `pi` live, and every position reachable from it without reading a
/// character (past `*`, `**`).
fn add_closed(toks: &[Tok], set: &mut [bool], mut pi: usize) {
    loop {
        set[pi] = true;
        match toks.get(pi) {
            Some(Tok::Star | Tok::AnyDirs | Tok::Rest) => pi += 1,
            _ => return,
        }
    }
}

/// Go's `filepath.Clean` on a `/`-separated path: no `.`, no `a/..`, no doubled or trailing
/// `/`; `.` for an empty result.
pub fn clean_path(path: &str) -> String {
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

/// A relative path as the rules see it: `/`-separated, cleaned, without a leading `/` or `./`.
fn rel_string(rel: &Path) -> String {
    let cleaned = clean_path(&rel.to_string_lossy());
    match cleaned.strip_prefix('/') {
        Some("") => ".".into(),
        Some(rest) => rest.to_string(),
        None => cleaned,
    }
}

#[derive(Debug, Clone)]
struct Rule {
    glob: Glob,
    exception: bool,
}

/// The rules of one ignore file, in order; the last rule matching a path decides.
#[derive(Debug, Clone, Default)]
pub struct IgnoreRules {
    rules: Vec<Rule>,
}

impl IgnoreRules {
    /// Parses an ignore file. A pattern Docker would refuse is reported with `tracing` and
    /// left out; use [`IgnoreRules::try_parse`] to refuse the file instead.
    pub fn parse(text: &str) -> IgnoreRules {
        let mut rules = Vec::new();
        for line in lines(text) {
            match compile(&line) {
                Ok(r) => rules.push(r),
                Err(e) => tracing::warn!("ignore file: skipping {e}"),
            }
        }
        IgnoreRules { rules }
    }

    /// Like [`IgnoreRules::parse`], failing on the first pattern that cannot be used.
    pub fn try_parse(text: &str) -> Result<IgnoreRules, PatternError> {
        let rules = lines(text)
            .iter()
            .map(|l| compile(l))
            .collect::<Result<_, _>>()?;
        Ok(IgnoreRules { rules })
    }

    /// Rules from patterns given one by one (COPY `--exclude`), all exclusions unless `!`.
    pub fn from_patterns(patterns: &[String]) -> Result<IgnoreRules, PatternError> {
        let rules = patterns
            .iter()
            .filter_map(|p| normalize_line(p))
            .map(|l| compile(&l))
            .collect::<Result<_, _>>()?;
        Ok(IgnoreRules { rules })
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Whether any rule is a `!` exception.
    pub fn has_exceptions(&self) -> bool {
        self.rules.iter().any(|r| r.exception)
    }

    /// Whether `rel` (relative to the context root) is excluded: the last rule matching it or
    /// one of its parent directories decides.
    pub fn is_excluded(&self, rel: &Path) -> bool {
        let path = rel_string(rel);
        if path == "." {
            return false;
        }
        let parents: Vec<&str> = path.match_indices('/').map(|(i, _)| &path[..i]).collect();
        let mut excluded = false;
        for rule in &self.rules {
            // Only a rule that could change the answer is worth evaluating.
            if rule.exception != excluded {
                continue;
            }
            let hit = rule.glob.matches(&path) || parents.iter().any(|p| rule.glob.matches(p));
            if hit {
                excluded = !rule.exception;
            }
        }
        excluded
    }

    /// Whether walking into directory `dir` could find a path that is not excluded: `false`
    /// lets a walker skip the whole tree.
    pub fn could_include_under(&self, dir: &Path) -> bool {
        if !self.is_excluded(dir) {
            return true;
        }
        let path = rel_string(dir);
        self.rules
            .iter()
            .any(|r| r.exception && r.glob.could_match_under(&path))
    }
}

/// The pattern lines of an ignore file: a leading BOM dropped, `#` comments and blank lines
/// skipped, the rest trimmed and normalized.
fn lines(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(normalize_line)
        .collect()
}

/// Trims, then cleans the path after an optional `!`, dropping a leading `/`.
fn normalize_line(line: &str) -> Option<String> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    let (bang, pat) = match line.strip_prefix('!') {
        Some(rest) => ("!", rest.trim()),
        None => ("", line),
    };
    let mut pat = if pat.is_empty() {
        String::new()
    } else {
        clean_path(pat)
    };
    if pat.len() > 1 && pat.starts_with('/') {
        pat.remove(0);
    }
    Some(format!("{bang}{pat}"))
}

fn compile(line: &str) -> Result<Rule, PatternError> {
    let (exception, pat) = match line.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    if exception && pat.is_empty() {
        return Err(PatternError {
            pattern: line.to_string(),
            reason: "an exception needs a pattern after `!`".into(),
        });
    }
    Ok(Rule {
        glob: Glob::new(pat)?,
        exception,
    })
}

#[cfg(test)]
mod tests;
