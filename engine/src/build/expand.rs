//! Dockerfile variable substitution and word splitting, as BuildKit's shell lexer does them:
//! `$V`, `${V}` and its `-`/`+`/`?`/`#`/`%`/`/` modifiers, quote removal and the escape
//! character, plus the `k=v` / legacy `k v` argument forms of ENV, LABEL and ARG.

use std::fmt;

/// Looks a variable up: `None` when it is unset (which differs from set-but-empty).
pub type Lookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// A word that could not be expanded, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("failed to process {word:?}: {kind}")]
pub struct ExpandError {
    pub word: String,
    pub kind: ExpandErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExpandErrorKind {
    #[error("syntax error: missing '}}' (close the `${{` or escape the `$`)")]
    MissingBrace,
    #[error("syntax error: missing '/' in ${{}} (use `${{VAR/pattern/replacement}}`)")]
    MissingSlash,
    #[error("syntax error: bad substitution")]
    BadSubstitution,
    #[error("unsupported modifier ({0}) in substitution")]
    UnsupportedModifier(String),
    #[error("unexpected end of statement while looking for matching {0}")]
    Unterminated(Quote),
    /// `${V?msg}` / `${V:?msg}` on an unset (or empty) variable.
    #[error("{name}: {message}")]
    Required { name: String, message: String },
    #[error("invalid pattern ({pattern}) in substitution: {reason}")]
    InvalidPattern { pattern: String, reason: String },
    #[error("requires at least one argument")]
    NoArguments,
    #[error("must have two arguments (`KEY value` or `KEY=value`)")]
    TwoArguments,
    #[error("syntax error - can't find = in {0:?}. Must be of the form: name=value")]
    MissingEquals(String),
}

/// What an unterminated piece was waiting for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quote {
    Single,
    Double,
    Char(char),
}

impl fmt::Display for Quote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Quote::Single => f.write_str("single-quote"),
            Quote::Double => f.write_str("double-quote"),
            Quote::Char(c) => write!(f, "{c}"),
        }
    }
}

/// Expands one word: variables substituted, quotes and escapes removed, whitespace kept.
pub fn expand_word(
    word: &str,
    escape: char,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<String, ExpandError> {
    let mut lx = Lexer::new(word, escape, lookup);
    lx.process(None, false, None)
        .map_err(|kind| err(word, kind))
}

/// Expands `text` and splits it into words at unquoted whitespace, after substitution (so an
/// unquoted `$V` holding spaces gives several words; empty words are dropped).
pub fn expand_words(
    text: &str,
    escape: char,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<String>, ExpandError> {
    let mut lx = Lexer::new(text, escape, lookup);
    let mut words = Words::default();
    lx.process(None, false, Some(&mut words))
        .map_err(|kind| err(text, kind))?;
    Ok(words.finish())
}

/// The arguments of ENV and LABEL (and ARG with `legacy_space_form` false): `k=v k2="a b"`,
/// each key and value expanded; with `legacy_space_form`, a first word without `=` means the
/// old `KEY value with spaces` form.
pub fn parse_key_values(
    text: &str,
    escape: char,
    lookup: &dyn Fn(&str) -> Option<String>,
    legacy_space_form: bool,
) -> Result<Vec<(String, String)>, ExpandError> {
    let text = text.trim();
    let words = split_raw_words(text, escape);
    let Some(first) = words.first() else {
        return Err(err(text, ExpandErrorKind::NoArguments));
    };
    if legacy_space_form && !first.contains('=') {
        let Some((key, value)) = text.split_once(is_space_not_newline) else {
            return Err(err(text, ExpandErrorKind::TwoArguments));
        };
        let value = value.trim_start_matches(is_space_not_newline);
        return Ok(vec![(
            expand_word(key, escape, lookup)?,
            expand_word(value, escape, lookup)?,
        )]);
    }
    words
        .iter()
        .map(|w| {
            let (k, v) = w
                .split_once('=')
                .ok_or_else(|| err(text, ExpandErrorKind::MissingEquals(w.clone())))?;
            Ok((
                expand_word(k, escape, lookup)?,
                expand_word(v, escape, lookup)?,
            ))
        })
        .collect()
}

/// ARG's arguments: `name` or `name=default`, several per line; defaults are expanded, names
/// are taken as written.
pub fn parse_arg_decls(
    text: &str,
    escape: char,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<(String, Option<String>)>, ExpandError> {
    let words = split_raw_words(text.trim(), escape);
    if words.is_empty() {
        return Err(err(text, ExpandErrorKind::NoArguments));
    }
    words
        .iter()
        .map(|w| match w.split_once('=') {
            Some((k, v)) => Ok((k.to_string(), Some(expand_word(v, escape, lookup)?))),
            None => Ok((w.clone(), None)),
        })
        .collect()
}

/// BuildKit's parser-level word split (before expansion): whitespace outside quotes separates
/// words; quotes and escapes are kept for the expansion that follows.
pub fn split_raw_words(text: &str, escape: char) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut blank_ok = false;
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        i += 1;
        if let Some(q) = quote {
            if ch == q {
                quote = None;
            } else if ch == escape && q != '\'' {
                // An escape at the very end is dropped.
                let Some(&next) = chars.get(i) else {
                    quote = None;
                    continue;
                };
                word.push(ch);
                word.push(next);
                i += 1;
                continue;
            }
            word.push(ch);
            continue;
        }
        if !in_word {
            if ch.is_whitespace() {
                continue;
            }
            in_word = true;
        }
        if ch.is_whitespace() {
            if blank_ok || !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            in_word = false;
            blank_ok = false;
            continue;
        }
        if ch == '\'' || ch == '"' {
            quote = Some(ch);
            blank_ok = true;
        }
        if ch == escape {
            let Some(&next) = chars.get(i) else {
                continue;
            };
            word.push(ch);
            word.push(next);
            i += 1;
            continue;
        }
        word.push(ch);
    }
    if in_word && (blank_ok || !word.is_empty()) {
        words.push(word);
    }
    words
}

fn is_space_not_newline(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\u{b}' | '\u{c}')
}

fn err(word: &str, kind: ExpandErrorKind) -> ExpandError {
    ExpandError {
        word: word.to_string(),
        kind,
    }
}

/// Word splitting of the lexer's output: characters from expansions split at whitespace,
/// quoted and escaped ones never do.
#[derive(Default)]
struct Words {
    words: Vec<String>,
    buf: String,
    in_word: bool,
}

impl Words {
    fn add_char(&mut self, ch: char) {
        if ch.is_whitespace() {
            if self.in_word && !self.buf.is_empty() {
                self.words.push(std::mem::take(&mut self.buf));
                self.in_word = false;
            }
        } else {
            self.add_raw_char(ch);
        }
    }

    fn add_raw_char(&mut self, ch: char) {
        self.buf.push(ch);
        self.in_word = true;
    }

    fn add_str(&mut self, s: &str) {
        s.chars().for_each(|c| self.add_char(c));
    }

    fn add_raw_str(&mut self, s: &str) {
        self.buf.push_str(s);
        self.in_word = true;
    }

    fn finish(mut self) -> Vec<String> {
        if !self.buf.is_empty() {
            self.words.push(self.buf);
        }
        self.words
    }
}

type Res<T> = Result<T, ExpandErrorKind>;

struct Lexer<'a> {
    chars: Vec<char>,
    pos: usize,
    escape: char,
    lookup: &'a dyn Fn(&str) -> Option<String>,
}

impl<'a> Lexer<'a> {
    fn new(text: &str, escape: char, lookup: &'a dyn Fn(&str) -> Option<String>) -> Self {
        Lexer {
            chars: text.chars().collect(),
            pos: 0,
            escape,
            lookup,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    /// Reads up to `stop` (consumed) or the end. `raw_escapes` keeps escape characters in the
    /// output, as patterns need them to tell `\*` from `*`.
    fn process(
        &mut self,
        stop: Option<char>,
        raw_escapes: bool,
        mut words: Option<&mut Words>,
    ) -> Res<String> {
        let mut out = String::new();
        while let Some(ch) = self.peek() {
            if Some(ch) == stop {
                self.pos += 1;
                return Ok(out);
            }
            match ch {
                '$' => {
                    let v = self.dollar()?;
                    if let Some(w) = words.as_deref_mut() {
                        w.add_str(&v);
                    }
                    out.push_str(&v);
                }
                '\'' => {
                    let v = self.single_quote()?;
                    if let Some(w) = words.as_deref_mut() {
                        w.add_raw_str(&v);
                    }
                    out.push_str(&v);
                }
                '"' => {
                    let v = self.double_quote(raw_escapes)?;
                    if let Some(w) = words.as_deref_mut() {
                        w.add_raw_str(&v);
                    }
                    out.push_str(&v);
                }
                '<' => {
                    // `<<` and the blanks after it stay one word, for heredoc markers.
                    let v = self.possible_heredoc();
                    if let Some(w) = words.as_deref_mut() {
                        w.add_raw_str(&v);
                    }
                    out.push_str(&v);
                }
                _ => {
                    self.pos += 1;
                    if ch == self.escape {
                        if raw_escapes {
                            out.push(ch);
                            if let Some(w) = words.as_deref_mut() {
                                w.add_raw_char(ch);
                            }
                        }
                        // An escape at the end is dropped.
                        let Some(next) = self.next() else { break };
                        if let Some(w) = words.as_deref_mut() {
                            w.add_raw_char(next);
                        }
                        out.push(next);
                    } else {
                        if let Some(w) = words.as_deref_mut() {
                            w.add_char(ch);
                        }
                        out.push(ch);
                    }
                }
            }
        }
        match stop {
            Some(c) => Err(ExpandErrorKind::Unterminated(Quote::Char(c))),
            None => Ok(out),
        }
    }

    fn possible_heredoc(&mut self) -> String {
        self.pos += 1;
        if self.peek() != Some('<') {
            return "<".into();
        }
        self.pos += 1;
        let mut s = String::from("<<");
        while let Some(c @ (' ' | '\t' | '\r')) = self.peek() {
            s.push(c);
            self.pos += 1;
        }
        s
    }

    /// Everything up to the next `'` is literal; nothing escapes inside.
    fn single_quote(&mut self) -> Res<String> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            match self.next() {
                None => return Err(ExpandErrorKind::Unterminated(Quote::Single)),
                Some('\'') => return Ok(out),
                Some(c) => out.push(c),
            }
        }
    }

    /// Literal except `$`; the escape character escapes only `"`, `$` and itself.
    fn double_quote(&mut self, raw_escapes: bool) -> Res<String> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            match self.peek() {
                None => return Err(ExpandErrorKind::Unterminated(Quote::Double)),
                Some('"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some('$') => out.push_str(&self.dollar()?),
                Some(mut c) => {
                    self.pos += 1;
                    if c == self.escape {
                        if raw_escapes {
                            out.push(c);
                        }
                        match self.peek() {
                            None => continue,
                            Some(n) if n == '"' || n == '$' || n == self.escape => {
                                self.pos += 1;
                                c = n;
                            }
                            Some(_) => {}
                        }
                    }
                    out.push(c);
                }
            }
        }
    }

    fn dollar(&mut self) -> Res<String> {
        self.pos += 1;
        if self.peek() != Some('{') {
            let name = self.name();
            if name.is_empty() {
                return Ok("$".into());
            }
            return Ok((self.lookup)(&name).unwrap_or_default());
        }
        self.pos += 1;
        match self.peek() {
            None => return Err(ExpandErrorKind::MissingBrace),
            Some('{' | '}' | ':') => return Err(ExpandErrorKind::BadSubstitution),
            Some(_) => {}
        }
        let name = self.name();
        let Some(mut op) = self.next() else {
            return Err(ExpandErrorKind::MissingBrace);
        };
        let mut ops = op.to_string();
        let mut null_is_unset = false;
        match op {
            '}' => return Ok((self.lookup)(&name).unwrap_or_default()),
            '/' => return self.replace(&name),
            ':' => {
                null_is_unset = true;
                let Some(o) = self.next() else {
                    return Err(ExpandErrorKind::MissingBrace);
                };
                op = o;
                ops.push(o);
            }
            _ => {}
        }
        if !matches!(op, '-' | '+' | '?' | '#' | '%') {
            return Err(ExpandErrorKind::UnsupportedModifier(ops));
        }
        let pattern = matches!(op, '#' | '%');
        if null_is_unset && pattern {
            return Err(ExpandErrorKind::UnsupportedModifier(ops));
        }
        let word = self.process_until('}', pattern)?;
        let value = (self.lookup)(&name);
        let unset = match &value {
            None => true,
            Some(v) => null_is_unset && v.is_empty(),
        };
        match op {
            '-' => Ok(if unset {
                word
            } else {
                value.unwrap_or_default()
            }),
            '+' => Ok(if unset { String::new() } else { word }),
            '?' => {
                if unset {
                    let message = if !word.is_empty() {
                        word
                    } else if value.is_none() {
                        "is not allowed to be unset".into()
                    } else {
                        "is not allowed to be empty".into()
                    };
                    return Err(ExpandErrorKind::Required { name, message });
                }
                Ok(value.unwrap_or_default())
            }
            _ => {
                let value = value.unwrap_or_default();
                let (greedy, pat) = match word.strip_prefix(op) {
                    Some(rest) => (true, rest),
                    None => (false, word.as_str()),
                };
                let pat = Pattern::parse(pat)?;
                Ok(if op == '#' {
                    pat.trim_prefix(&value, greedy)
                } else {
                    pat.trim_suffix(&value, greedy)
                })
            }
        }
    }

    /// Like `process` up to `stop`, with an unexpected end reported as a missing `}`.
    fn process_until(&mut self, stop: char, raw_escapes: bool) -> Res<String> {
        match self.process(Some(stop), raw_escapes, None) {
            Err(_) if self.peek().is_none() => Err(if stop == '/' {
                ExpandErrorKind::MissingSlash
            } else {
                ExpandErrorKind::MissingBrace
            }),
            r => r,
        }
    }

    /// `${V/pattern/replacement}` (first match) and `${V//pattern/replacement}` (all).
    fn replace(&mut self, name: &str) -> Res<String> {
        let all = self.peek() == Some('/');
        if all {
            self.pos += 1;
        }
        let pattern = self.process_until('/', true)?;
        let replacement = self.process_until('}', true)?;
        let value = (self.lookup)(name).unwrap_or_default();
        let pat = Pattern::parse(&pattern)?;
        Ok(pat.replace(&value, &replacement, all))
    }

    /// A name: letters, digits and `_`; or a run of digits (positional); or one special
    /// parameter character. Positional and special parameters are never set in a Dockerfile.
    fn name(&mut self) -> String {
        let mut name = String::new();
        while let Some(c) = self.peek() {
            if name.is_empty() && c.is_ascii_digit() {
                while let Some(d) = self.peek().filter(char::is_ascii_digit) {
                    name.push(d);
                    self.pos += 1;
                }
                return name;
            }
            if name.is_empty() && matches!(c, '@' | '*' | '#' | '?' | '-' | '$' | '!' | '0') {
                self.pos += 1;
                return c.to_string();
            }
            if !(c.is_alphanumeric() || c == '_') {
                break;
            }
            name.push(c);
            self.pos += 1;
        }
        name
    }
}

/// A shell pattern in substitutions: `*`, `?` and literal characters (`\` escapes `*`, `?` and
/// `\`; before `}` or `/` it is dropped). No bracket expressions, as in BuildKit.
#[derive(Debug)]
struct Pattern(Vec<Tok>);

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    Star,
    Any,
    Lit(char),
}

impl Pattern {
    fn parse(text: &str) -> Res<Pattern> {
        let chars: Vec<char> = text.chars().collect();
        let mut toks = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            i += 1;
            match c {
                '*' => toks.push(Tok::Star),
                '?' => toks.push(Tok::Any),
                '\\' => match chars.get(i) {
                    Some('}' | '/') => {}
                    Some(&n @ ('*' | '?' | '\\')) => {
                        toks.push(Tok::Lit(n));
                        i += 1;
                    }
                    other => {
                        return Err(ExpandErrorKind::InvalidPattern {
                            pattern: text.to_string(),
                            reason: match other {
                                Some(n) => format!("invalid escape '\\{n}'"),
                                None => "trailing backslash".into(),
                            },
                        })
                    }
                },
                c => toks.push(Tok::Lit(c)),
            }
        }
        Ok(Pattern(toks))
    }

    /// Whether the pattern matches all of `s`. Wildcards do not match a newline (BuildKit
    /// compiles patterns to Go regexps, whose `.` excludes it).
    fn matches(&self, s: &[char]) -> bool {
        let p = &self.0;
        let (mut pi, mut si) = (0, 0);
        let mut back: Option<(usize, usize)> = None;
        while si < s.len() {
            match p.get(pi) {
                Some(Tok::Lit(c)) if *c == s[si] => {
                    pi += 1;
                    si += 1;
                    continue;
                }
                Some(Tok::Any) if s[si] != '\n' => {
                    pi += 1;
                    si += 1;
                    continue;
                }
                Some(Tok::Star) => {
                    back = Some((pi, si));
                    pi += 1;
                    continue;
                }
                _ => {}
            }
            match back {
                Some((bp, bs)) if s[bs] != '\n' => {
                    back = Some((bp, bs + 1));
                    pi = bp + 1;
                    si = bs + 1;
                }
                _ => return false,
            }
        }
        p[pi..].iter().all(|t| *t == Tok::Star)
    }

    fn trim_prefix(&self, value: &str, greedy: bool) -> String {
        let chars: Vec<char> = value.chars().collect();
        let mut lens: Box<dyn Iterator<Item = usize>> = if greedy {
            Box::new((0..=chars.len()).rev())
        } else {
            Box::new(0..=chars.len())
        };
        match lens.find(|&n| self.matches(&chars[..n])) {
            Some(n) => chars[n..].iter().collect(),
            None => value.to_string(),
        }
    }

    fn trim_suffix(&self, value: &str, greedy: bool) -> String {
        let chars: Vec<char> = value.chars().collect();
        let len = chars.len();
        let mut starts: Box<dyn Iterator<Item = usize>> = if greedy {
            Box::new(0..=len)
        } else {
            Box::new((0..=len).rev())
        };
        match starts.find(|&n| self.matches(&chars[n..])) {
            Some(n) => chars[..n].iter().collect(),
            None => value.to_string(),
        }
    }

    /// Leftmost, then longest, matches replaced. As with Go's regexp, an empty match right
    /// after a previous match does not count.
    fn replace(&self, value: &str, replacement: &str, all: bool) -> String {
        let chars: Vec<char> = value.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        let mut prev_end = None;
        while i <= chars.len() {
            let found = (i..=chars.len())
                .rev()
                .find(|&end| self.matches(&chars[i..end]));
            match found {
                Some(end) if !(end == i && prev_end == Some(i)) => {
                    out.push_str(replacement);
                    if !all {
                        out.extend(&chars[end..]);
                        return out;
                    }
                    prev_end = Some(end);
                    if end > i {
                        i = end;
                        continue;
                    }
                }
                _ => {}
            }
            if let Some(c) = chars.get(i) {
                out.push(*c);
            }
            i += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests;
