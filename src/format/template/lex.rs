//! Splits a template into text and the tokens of its actions, as Go's text/template lexer does.
//! An action ends at the first `}}` outside a string literal, so `{{printf "}}%s" .Name}}` is one
//! action; `{{- ` and ` -}}` trim the whitespace next to them; `{{/* ... */}}` is dropped.

use serde_json::Value;

/// What one token is. Positions are byte offsets into the template, for error messages.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Text(String),
    /// `{{` (after its trim marker)
    Open,
    /// `}}`
    Close,
    /// `.` on its own
    Dot,
    /// `.Name`: a field of what precedes it (when glued to it) or of dot
    Field(String),
    /// `$` or `$name`, with the `$`
    Var(String),
    /// a function name or a keyword (`if`, `range`, `end`, ...)
    Ident(String),
    Str(String),
    /// numbers and character constants (`'a'` is the number 97, as in Go)
    Num(Value),
    Bool(bool),
    Nil,
    Pipe,
    LParen,
    RParen,
    /// `:=`
    Declare,
    /// `=`
    Assign,
    Comma,
}

#[derive(Debug, Clone)]
pub(super) struct Token {
    pub tok: Tok,
    pub pos: usize,
    /// Whether whitespace separates it from the token before: `.A.B` is one chain, `.A .B` two
    /// arguments.
    pub spaced: bool,
}

/// A lexing error at a byte offset.
#[derive(Debug)]
pub(super) struct LexError {
    pub pos: usize,
    pub problem: String,
}

const OPEN: &str = "{{";
const CLOSE: &str = "}}";

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

pub(super) fn lex(src: &str) -> Result<Vec<Token>, LexError> {
    let mut l = Lexer {
        src,
        pos: 0,
        out: Vec::new(),
    };
    l.run()?;
    Ok(l.out)
}

struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    out: Vec<Token>,
}

impl<'a> Lexer<'a> {
    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    fn push(&mut self, tok: Tok, pos: usize, spaced: bool) {
        self.out.push(Token { tok, pos, spaced });
    }

    fn fail<T>(&self, pos: usize, problem: impl Into<String>) -> Result<T, LexError> {
        Err(LexError {
            pos,
            problem: problem.into(),
        })
    }

    fn run(&mut self) -> Result<(), LexError> {
        let mut trim_next_text = false;
        loop {
            let start = self.pos;
            let (text_end, found) = match self.rest().find(OPEN) {
                Some(i) => (self.pos + i, true),
                None => (self.src.len(), false),
            };
            let mut text = &self.src[start..text_end];
            if trim_next_text {
                text = text.trim_start_matches(is_space);
            }
            // `{{- ` (the dash must be followed by whitespace: `{{-3}}` is the number -3).
            let after_open = &self.src[text_end..];
            let trim_left = found
                && after_open[OPEN.len()..].starts_with('-')
                && after_open[OPEN.len() + 1..].starts_with(is_space);
            if trim_left {
                text = text.trim_end_matches(is_space);
            }
            if !text.is_empty() {
                self.push(Tok::Text(text.to_string()), start, false);
            }
            if !found {
                return Ok(());
            }
            self.pos = text_end + OPEN.len() + if trim_left { 2 } else { 0 };
            trim_next_text = if self.rest().starts_with("/*") {
                self.comment(text_end)?
            } else {
                self.push(Tok::Open, text_end, false);
                self.action(text_end)?
            };
        }
    }

    /// `{{/* ... */}}`: nothing is emitted. Returns whether it ends with a trim marker.
    fn comment(&mut self, open: usize) -> Result<bool, LexError> {
        let Some(end) = self.rest().find("*/") else {
            return self.fail(open, "unclosed comment");
        };
        self.pos += end + 2;
        if let Some(n) = self.close_marker() {
            self.pos += n;
            return Ok(n > CLOSE.len());
        }
        self.fail(open, "comment ends before closing delimiter")
    }

    /// `}}` (returns 2) or whitespace then `-}}` (returns its length) at the current position.
    fn close_marker(&self) -> Option<usize> {
        let rest = self.rest();
        if rest.starts_with(CLOSE) {
            return Some(CLOSE.len());
        }
        let spaces = rest.len() - rest.trim_start_matches(is_space).len();
        (spaces > 0 && rest[spaces..].starts_with("-}}")).then_some(spaces + 3)
    }

    /// The tokens of one action, up to and including its closing delimiter. Returns whether the
    /// delimiter trims the text after it.
    fn action(&mut self, open: usize) -> Result<bool, LexError> {
        let mut spaced = true;
        let mut parens = 0usize;
        loop {
            if let Some(n) = self.close_marker() {
                if parens > 0 {
                    return self.fail(self.pos, "unclosed left paren");
                }
                self.push(Tok::Close, self.pos, spaced);
                self.pos += n;
                return Ok(n > CLOSE.len());
            }
            let Some(c) = self.rest().chars().next() else {
                return self.fail(open, "unclosed action (missing \"}}\")");
            };
            let pos = self.pos;
            if is_space(c) {
                self.pos += c.len_utf8();
                spaced = true;
                continue;
            }
            let tok = match c {
                '|' => self.one(Tok::Pipe),
                '(' => {
                    parens += 1;
                    self.one(Tok::LParen)
                }
                ')' => {
                    if parens == 0 {
                        return self.fail(pos, "unexpected right paren");
                    }
                    parens -= 1;
                    self.one(Tok::RParen)
                }
                ',' => self.one(Tok::Comma),
                '=' => self.one(Tok::Assign),
                ':' => {
                    if !self.rest().starts_with(":=") {
                        return self.fail(pos, "expected :=");
                    }
                    self.pos += 2;
                    Tok::Declare
                }
                '"' => Tok::Str(self.quoted()?),
                '`' => Tok::Str(self.raw()?),
                '\'' => Tok::Num(Value::from(self.char_constant()? as u32)),
                '$' => {
                    self.pos += 1;
                    Tok::Var(format!("${}", self.word()))
                }
                '.' => {
                    let next = self.rest()[1..].chars().next();
                    if next.is_some_and(|n| n.is_ascii_digit()) {
                        self.number()?
                    } else {
                        self.pos += 1;
                        let name = self.word();
                        if name.is_empty() {
                            Tok::Dot
                        } else {
                            Tok::Field(name)
                        }
                    }
                }
                '+' | '-' | '0'..='9' => self.number()?,
                c if c.is_alphabetic() || c == '_' => match self.word().as_str() {
                    "true" => Tok::Bool(true),
                    "false" => Tok::Bool(false),
                    "nil" => Tok::Nil,
                    w => Tok::Ident(w.to_string()),
                },
                // `{{.Name}` is an action someone forgot to close, not a bad character.
                _ if !self.rest().contains(CLOSE) => {
                    return self.fail(open, "unclosed action (missing \"}}\")")
                }
                c => return self.fail(pos, format!("unexpected {c:?} in command")),
            };
            self.push(tok, pos, spaced);
            spaced = false;
        }
    }

    fn one(&mut self, tok: Tok) -> Tok {
        self.pos += 1;
        tok
    }

    /// Letters, digits and `_` (a Go identifier's characters).
    fn word(&mut self) -> String {
        let rest = self.rest();
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        self.pos += len;
        rest[..len].to_string()
    }

    fn number(&mut self) -> Result<Tok, LexError> {
        let start = self.pos;
        let rest = self.rest();
        let mut len = 0;
        let mut prev = ' ';
        for c in rest.chars() {
            let sign_ok = len == 0 || matches!(prev, 'e' | 'E' | 'p' | 'P');
            if c.is_ascii_alphanumeric() || c == '_' || c == '.' || (sign_ok && "+-".contains(c)) {
                len += c.len_utf8();
                prev = c;
            } else {
                break;
            }
        }
        let text = &rest[..len];
        self.pos += len;
        match parse_number(text) {
            Some(v) => Ok(Tok::Num(v)),
            None => self.fail(start, format!("bad number syntax: {text:?}")),
        }
    }

    /// A Go interpreted string literal; the opening quote is at the current position.
    fn quoted(&mut self) -> Result<String, LexError> {
        let start = self.pos;
        self.pos += 1;
        let mut s = String::new();
        loop {
            let Some(c) = self.rest().chars().next() else {
                return self.fail(start, "unterminated quoted string");
            };
            self.pos += c.len_utf8();
            match c {
                '"' => return Ok(s),
                '\\' => s.push(self.escape('"')?),
                // A literal newline is refused by Go; hutch turns a typed `\n` into one before
                // parsing (as podman users expect), so one may land inside a string.
                c => s.push(c),
            }
        }
    }

    /// A Go raw string literal: everything up to the next backquote.
    fn raw(&mut self) -> Result<String, LexError> {
        let start = self.pos;
        let body = &self.rest()[1..];
        let Some(end) = body.find('`') else {
            return self.fail(start, "unterminated raw quoted string");
        };
        self.pos += end + 2;
        Ok(body[..end].to_string())
    }

    /// `'a'`, `'\n'`, `'\x41'`: a rune.
    fn char_constant(&mut self) -> Result<char, LexError> {
        let start = self.pos;
        self.pos += 1;
        let c = match self.rest().chars().next() {
            Some('\\') => {
                self.pos += 1;
                self.escape('\'')?
            }
            Some(c) if c != '\'' && c != '\n' => {
                self.pos += c.len_utf8();
                c
            }
            _ => return self.fail(start, "bad character constant"),
        };
        if !self.rest().starts_with('\'') {
            return self.fail(start, "unterminated character constant");
        }
        self.pos += 1;
        Ok(c)
    }

    /// The character after a backslash, as Go's strconv.Unquote reads it.
    fn escape(&mut self, quote: char) -> Result<char, LexError> {
        let at = self.pos - 1;
        let Some(c) = self.rest().chars().next() else {
            return self.fail(at, "unterminated escape");
        };
        self.pos += c.len_utf8();
        let hex = |l: &mut Self, n: usize| -> Result<char, LexError> {
            let digits = l.rest().get(..n).unwrap_or("");
            let code = u32::from_str_radix(digits, 16)
                .ok()
                .filter(|_| digits.len() == n);
            l.pos += digits.len();
            code.and_then(char::from_u32)
                .map_or_else(|| l.fail(at, format!("invalid escape \\{c}{digits}")), Ok)
        };
        Ok(match c {
            'a' => '\x07',
            'b' => '\x08',
            'f' => '\x0c',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\x0b',
            '\\' => '\\',
            'x' => return hex(self, 2),
            'u' => return hex(self, 4),
            'U' => return hex(self, 8),
            '0'..='7' => {
                let digits = self.src.get(self.pos - 1..self.pos + 2).unwrap_or("");
                let code = u32::from_str_radix(digits, 8)
                    .ok()
                    .filter(|_| digits.len() == 3);
                self.pos += 2;
                return code
                    .filter(|&n| n <= 255)
                    .and_then(char::from_u32)
                    .map_or_else(|| self.fail(at, format!("invalid escape \\{digits}")), Ok);
            }
            c if c == quote => c,
            c => return self.fail(at, format!("unknown escape sequence \\{c}")),
        })
    }
}

/// A Go number literal: decimal, `0x`/`0o`/`0b` integers, `_` separators, floats.
pub(super) fn parse_number(text: &str) -> Option<Value> {
    let clean = text.replace('_', "");
    let (neg, digits) = match clean.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, clean.strip_prefix('+').unwrap_or(&clean)),
    };
    let radix = |p: &str, r: u32| {
        digits
            .strip_prefix(p)
            .or_else(|| digits.strip_prefix(&p.to_uppercase()))
            .and_then(|d| u64::from_str_radix(d, r).ok())
    };
    let int = radix("0x", 16)
        .or_else(|| radix("0o", 8))
        .or_else(|| radix("0b", 2))
        .or_else(|| {
            // Go reads a leading 0 as octal (`017` is 15).
            let octal = digits.len() > 1 && digits.starts_with('0');
            if octal {
                u64::from_str_radix(&digits[1..], 8).ok()
            } else {
                digits.parse::<u64>().ok()
            }
        });
    if let Some(n) = int {
        return if neg {
            i64::try_from(n).ok().map(|n| Value::from(-n))
        } else {
            Some(i64::try_from(n).map_or(Value::from(n), Value::from))
        };
    }
    let f: f64 = digits.parse().ok().filter(|f: &f64| f.is_finite())?;
    // Rust accepts "inf" and "nan"; Go number literals start with a digit or a dot.
    if !digits.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return None;
    }
    serde_json::Number::from_f64(if neg { -f } else { f }).map(Value::Number)
}
