//! Output formatting shared by every command: `--format json`, Go-template-like strings
//! (`{{.Field}}`, `{{json .}}`, `table ...`), aligned tables, and podman's human sizes and ages.
//! Commands build `serde_json::Value`s; nothing else in the CLI decides how output looks.

use anyhow::{anyhow, bail, Result};
use chrono::{DateTime, Utc};
use serde_json::Value;
use std::fmt::Write as _;

/// How a list command is printed: its default table and the header names that differ from the
/// field names (podman prints `IMAGE ID` for `.ID`).
pub struct ListSpec<'a> {
    /// The default format, e.g. `table {{.Repository}}\t{{.Tag}}\t{{.ID}}`.
    pub default: &'a str,
    pub headers: &'a [(&'a str, &'a str)],
    pub noheading: bool,
}

/// Renders a list: `json` prints `json_items` as a pretty JSON array; a template is applied to
/// each of `rows` (the template view: human sizes, truncated IDs); `table` adds a header row.
/// Everything except JSON goes through the column aligner, as podman's output does.
pub fn render_list(
    format: Option<&str>,
    spec: &ListSpec,
    rows: &[Value],
    json_items: impl FnOnce() -> Vec<Value>,
) -> Result<String> {
    let format = format.unwrap_or(spec.default);
    if is_json(format) {
        let mut out = serde_json::to_string_pretty(&Value::Array(json_items()))?;
        out.push('\n');
        return Ok(out);
    }
    let normalized = normalize(format);
    let (table, body) = match normalized.strip_prefix("table") {
        Some(rest) => {
            let rest = rest.trim_start_matches([' ', '\t']);
            if rest.trim().is_empty() {
                // A bare `table` means "the default table".
                let default = normalize(spec.default);
                let d = default
                    .strip_prefix("table")
                    .unwrap_or(&default)
                    .to_string();
                (true, d.trim_start_matches([' ', '\t']).to_string())
            } else {
                (true, rest.to_string())
            }
        }
        None => (false, normalized),
    };
    let template = Template::parse(&body)?;
    let mut out = String::new();
    if table && !spec.noheading {
        out.push_str(&template.header(spec.headers));
        ensure_newline(&mut out);
    }
    if template.ranges_over_dot() {
        out.push_str(&template.render(&Value::Array(rows.to_vec()))?);
        ensure_newline(&mut out);
    } else {
        for row in rows {
            out.push_str(&template.render(row)?);
            ensure_newline(&mut out);
        }
    }
    Ok(align(&out))
}

/// Renders one object (inspect, info, version): `json` pretty-prints it, anything else is a
/// template applied to it. The result ends with a newline.
pub fn render_one(format: &str, value: &Value) -> Result<String> {
    if is_json(format) {
        let mut out = serde_json::to_string_pretty(value)?;
        out.push('\n');
        return Ok(out);
    }
    let normalized = normalize(format);
    let body = normalized
        .strip_prefix("table")
        .map(|b| b.trim_start().to_string())
        .unwrap_or(normalized);
    let mut out = Template::parse(&body)?.render(value)?;
    ensure_newline(&mut out);
    Ok(align(&out))
}

pub fn is_json(format: &str) -> bool {
    format.trim().eq_ignore_ascii_case("json")
}

fn ensure_newline(s: &mut String) {
    if !s.ends_with('\n') {
        s.push('\n');
    }
}

/// Podman lets users type `\t` and `\n` as two characters in a format string.
fn normalize(format: &str) -> String {
    format.replace("\\t", "\t").replace("\\n", "\n")
}

// ---------------------------------------------------------------------------------------------
// Templates

/// A parsed Go-template-like string.
#[derive(Debug, Clone)]
pub struct Template {
    nodes: Vec<Node>,
}

#[derive(Debug, Clone)]
enum Node {
    Text(String),
    Action(Pipeline),
    Range {
        over: Pipeline,
        body: Vec<Node>,
        otherwise: Vec<Node>,
    },
    If {
        cond: Pipeline,
        then: Vec<Node>,
        otherwise: Vec<Node>,
    },
}

/// `cmd | cmd | ...`: each command's result becomes the last argument of the next.
#[derive(Debug, Clone)]
struct Pipeline(Vec<Command>);

#[derive(Debug, Clone)]
struct Command {
    args: Vec<Arg>,
}

#[derive(Debug, Clone)]
enum Arg {
    /// `.`, `.A.B`: the path from the current value; empty means `.` itself.
    Field(Vec<String>),
    /// `$` or `$.A`: from the template's root value.
    Root(Vec<String>),
    Str(String),
    Num(f64),
    Bool(bool),
    Func(String),
}

enum Token {
    Text(String),
    Action(String),
}

impl Template {
    pub fn parse(src: &str) -> Result<Template> {
        let tokens = tokenize(src)?;
        let mut iter = tokens.into_iter().peekable();
        let (nodes, end) = parse_nodes(&mut iter)?;
        match end {
            None => Ok(Template { nodes }),
            Some(kw) => bail!("template {src:?}: unexpected {{{{{kw}}}}}"),
        }
    }

    pub fn render(&self, value: &Value) -> Result<String> {
        let mut out = String::new();
        render_nodes(&self.nodes, value, value, &mut out)?;
        Ok(out)
    }

    /// Whether the template starts with `{{range .}}`, i.e. wants the whole list.
    fn ranges_over_dot(&self) -> bool {
        let first = self.nodes.iter().find(|n| match n {
            Node::Text(t) => !t.trim().is_empty(),
            _ => true,
        });
        match first {
            Some(Node::Range { over, .. }) => matches!(
                over.0.as_slice(),
                [Command { args }] if matches!(args.as_slice(), [Arg::Field(p)] if p.is_empty())
            ),
            _ => false,
        }
    }

    /// The header row of a table: each action becomes the upper-cased name of the field it
    /// prints, or the override the command gives for that field.
    fn header(&self, overrides: &[(&str, &str)]) -> String {
        let mut out = String::new();
        for node in &self.nodes {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Action(p) | Node::Range { over: p, .. } | Node::If { cond: p, .. } => {
                    if let Some(field) = p.last_field() {
                        out.push_str(&header_name(&field, overrides));
                    }
                }
            }
        }
        out
    }
}

/// `.ID` -> `ID` (or the override), `.CreatedAt` -> `CREATED AT`, `.Repository` -> `REPOSITORY`.
pub fn header_name(field: &str, overrides: &[(&str, &str)]) -> String {
    if let Some((_, h)) = overrides.iter().find(|(f, _)| *f == field) {
        return h.to_string();
    }
    let mut out = String::new();
    let chars: Vec<char> = field.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        // A word starts at an upper-case letter that follows a lower-case one, or that begins
        // a capitalised word after an acronym (`IDMappings` -> `ID MAPPINGS`).
        if i > 0 && c.is_uppercase() {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase() || prev.is_ascii_digit() || (prev.is_uppercase() && next_lower) {
                out.push(' ');
            }
        }
        out.extend(c.to_uppercase());
    }
    out
}

impl Pipeline {
    fn last_field(&self) -> Option<String> {
        self.0.iter().rev().find_map(|cmd| {
            cmd.args.iter().find_map(|a| match a {
                Arg::Field(p) | Arg::Root(p) => p.last().cloned(),
                _ => None,
            })
        })
    }
}

fn tokenize(src: &str) -> Result<Vec<Token>> {
    let mut tokens = Vec::new();
    let mut rest = src;
    while let Some(start) = rest.find("{{") {
        let mut text = rest[..start].to_string();
        let after = &rest[start + 2..];
        let end = after
            .find("}}")
            .ok_or_else(|| anyhow!("template {src:?}: unclosed action (missing \"}}}}\")"))?;
        let mut inner = &after[..end];
        if let Some(i) = inner.strip_prefix("- ") {
            inner = i;
            text = text.trim_end().to_string();
        } else if inner == "-" {
            inner = "";
            text = text.trim_end().to_string();
        }
        let mut trim_after = false;
        if let Some(i) = inner.strip_suffix(" -") {
            inner = i;
            trim_after = true;
        }
        if !text.is_empty() {
            tokens.push(Token::Text(text));
        }
        tokens.push(Token::Action(inner.trim().to_string()));
        rest = &after[end + 2..];
        if trim_after {
            rest = rest.trim_start();
        }
    }
    if !rest.is_empty() {
        tokens.push(Token::Text(rest.to_string()));
    }
    Ok(tokens)
}

type Tokens = std::iter::Peekable<std::vec::IntoIter<Token>>;

/// Parses until `{{end}}` or `{{else}}` (returned as the terminator) or the end of input.
fn parse_nodes(tokens: &mut Tokens) -> Result<(Vec<Node>, Option<String>)> {
    let mut nodes = Vec::new();
    while let Some(tok) = tokens.next() {
        match tok {
            Token::Text(t) => nodes.push(Node::Text(t)),
            Token::Action(a) => {
                if a.starts_with("/*") {
                    continue; // a comment
                }
                let (kw, rest) = match a.split_once(char::is_whitespace) {
                    Some((k, r)) => (k, r.trim()),
                    None => (a.as_str(), ""),
                };
                match kw {
                    "end" | "else" => return Ok((nodes, Some(kw.to_string()))),
                    "range" | "if" => {
                        let pipe = parse_pipeline(rest)?;
                        let (body, end) = parse_nodes(tokens)?;
                        let otherwise = match end.as_deref() {
                            Some("end") => Vec::new(),
                            Some("else") => match parse_nodes(tokens)? {
                                (o, Some(e)) if e == "end" => o,
                                _ => bail!("template: {{{{{kw}}}}} without a matching {{{{end}}}}"),
                            },
                            _ => bail!("template: {{{{{kw}}}}} without a matching {{{{end}}}}"),
                        };
                        nodes.push(if kw == "range" {
                            Node::Range {
                                over: pipe,
                                body,
                                otherwise,
                            }
                        } else {
                            Node::If {
                                cond: pipe,
                                then: body,
                                otherwise,
                            }
                        });
                    }
                    "" => bail!("template: empty action {{{{}}}}"),
                    _ => nodes.push(Node::Action(parse_pipeline(&a)?)),
                }
            }
        }
    }
    Ok((nodes, None))
}

fn parse_pipeline(src: &str) -> Result<Pipeline> {
    let mut cmds = Vec::new();
    let mut current = Vec::new();
    let mut chars = src.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '|' {
            chars.next();
            if current.is_empty() {
                bail!("template: missing command before '|' in {src:?}");
            }
            cmds.push(Command {
                args: std::mem::take(&mut current),
            });
        } else if c == '"' || c == '`' {
            chars.next();
            let mut s = String::new();
            let mut closed = false;
            while let Some(ch) = chars.next() {
                if ch == c {
                    closed = true;
                    break;
                }
                if ch == '\\' && c == '"' {
                    match chars.next() {
                        Some('n') => s.push('\n'),
                        Some('t') => s.push('\t'),
                        Some(o) => s.push(o),
                        None => break,
                    }
                } else {
                    s.push(ch);
                }
            }
            if !closed {
                bail!("template: unterminated string in {src:?}");
            }
            current.push(Arg::Str(s));
        } else {
            let mut word = String::new();
            while let Some(&ch) = chars.peek() {
                if ch.is_whitespace() || ch == '|' {
                    break;
                }
                word.push(ch);
                chars.next();
            }
            current.push(parse_word(&word, src)?);
        }
    }
    if current.is_empty() {
        bail!("template: missing command in {src:?}");
    }
    cmds.push(Command { args: current });
    Ok(Pipeline(cmds))
}

fn parse_word(word: &str, src: &str) -> Result<Arg> {
    let path = |p: &str| -> Vec<String> {
        p.split('.')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    Ok(if word == "." {
        Arg::Field(Vec::new())
    } else if let Some(p) = word.strip_prefix('.') {
        Arg::Field(path(p))
    } else if let Some(p) = word.strip_prefix('$') {
        Arg::Root(path(p))
    } else if word == "true" || word == "false" {
        Arg::Bool(word == "true")
    } else if let Ok(n) = word.parse::<f64>() {
        Arg::Num(n)
    } else if FUNCS.contains(&word) {
        Arg::Func(word.to_string())
    } else {
        bail!("template: function {word:?} not defined (in {src:?})")
    })
}

const FUNCS: &[&str] = &[
    "json", "index", "upper", "lower", "title", "join", "len", "truncate", "println", "print",
    "not", "eq", "ne", "or", "and",
];

fn render_nodes(nodes: &[Node], dot: &Value, root: &Value, out: &mut String) -> Result<()> {
    for node in nodes {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Action(p) => {
                let v = eval_pipeline(p, dot, root)?;
                out.push_str(&display(&v));
            }
            Node::Range {
                over,
                body,
                otherwise,
            } => {
                let v = eval_pipeline(over, dot, root)?;
                let items: Vec<Value> = match v {
                    Value::Array(a) => a,
                    Value::Object(o) => o.into_iter().map(|(_, v)| v).collect(),
                    Value::Null => Vec::new(),
                    other => bail!("template: range can't iterate over {}", display(&other)),
                };
                if items.is_empty() {
                    render_nodes(otherwise, dot, root, out)?;
                }
                for item in &items {
                    render_nodes(body, item, root, out)?;
                }
            }
            Node::If {
                cond,
                then,
                otherwise,
            } => {
                let v = eval_pipeline(cond, dot, root)?;
                render_nodes(if truthy(&v) { then } else { otherwise }, dot, root, out)?;
            }
        }
    }
    Ok(())
}

fn eval_pipeline(p: &Pipeline, dot: &Value, root: &Value) -> Result<Value> {
    let mut prev: Option<Value> = None;
    for cmd in &p.0 {
        let mut args: Vec<Value> = Vec::new();
        let (func, rest) = match cmd.args.first() {
            Some(Arg::Func(f)) => (Some(f.as_str()), &cmd.args[1..]),
            _ => (None, &cmd.args[..]),
        };
        for a in rest {
            args.push(eval_arg(a, dot, root)?);
        }
        if let Some(v) = prev.take() {
            args.push(v);
        }
        prev = Some(match func {
            Some(f) => call(f, args)?,
            None => {
                if args.len() != 1 {
                    bail!("template: can't give arguments to a non-function value");
                }
                args.pop().unwrap_or(Value::Null)
            }
        });
    }
    Ok(prev.unwrap_or(Value::Null))
}

fn eval_arg(a: &Arg, dot: &Value, root: &Value) -> Result<Value> {
    Ok(match a {
        Arg::Field(path) => lookup(dot, path)?,
        Arg::Root(path) => lookup(root, path)?,
        Arg::Str(s) => Value::String(s.clone()),
        Arg::Num(n) => serde_json::Number::from_f64(*n)
            .map(|n| {
                // Keep integers integral so `{{index .X 0}}` and `truncate` work.
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && f.abs() < 1e15)
                    .map(|f| Value::from(f as i64))
                    .unwrap_or(Value::Number(n))
            })
            .unwrap_or(Value::Null),
        Arg::Bool(b) => Value::Bool(*b),
        Arg::Func(f) => call(f, Vec::new())?,
    })
}

fn lookup(value: &Value, path: &[String]) -> Result<Value> {
    let mut cur = value;
    for (i, name) in path.iter().enumerate() {
        cur = match cur {
            Value::Object(map) => match map.get(name) {
                Some(v) => v,
                // Go templates match field names exactly; accept any case so `.Id` and `.ID`
                // both work on our JSON views.
                None => match map.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)) {
                    Some((_, v)) => v,
                    None => bail!(
                        "template: can't evaluate field {name} in .{}",
                        path[..i].join(".")
                    ),
                },
            },
            Value::Null => return Ok(Value::Null),
            other => bail!(
                "template: can't evaluate field {name} in a {} value",
                kind(other)
            ),
        };
    }
    Ok(cur.clone())
}

fn call(func: &str, args: Vec<Value>) -> Result<Value> {
    let want = |n: usize| -> Result<()> {
        if args.len() == n {
            Ok(())
        } else {
            bail!(
                "template: wrong number of args for {func}: want {n} got {}",
                args.len()
            )
        }
    };
    Ok(match func {
        "json" => {
            want(1)?;
            Value::String(serde_json::to_string(&args[0])?)
        }
        "index" => {
            if args.is_empty() {
                bail!("template: index needs a value to index");
            }
            let mut cur = args[0].clone();
            for key in &args[1..] {
                cur = match (&cur, key) {
                    (Value::Object(m), Value::String(k)) => {
                        m.get(k).cloned().unwrap_or(Value::Null)
                    }
                    (Value::Array(a), Value::Number(n)) => {
                        let i = n.as_u64().unwrap_or(u64::MAX) as usize;
                        a.get(i).cloned().ok_or_else(|| {
                            anyhow!("template: index out of range: {i} (length {})", a.len())
                        })?
                    }
                    (Value::Null, _) => Value::Null,
                    (v, k) => bail!("template: can't index a {} with {}", kind(v), display(k)),
                };
            }
            cur
        }
        "upper" | "lower" | "title" => {
            want(1)?;
            let s = display(&args[0]);
            Value::String(match func {
                "upper" => s.to_uppercase(),
                "lower" => s.to_lowercase(),
                _ => title(&s),
            })
        }
        "join" => {
            want(2)?;
            // `{{.Names | join ","}}` passes the list last; accept either order.
            let (list, sep) = match (&args[0], &args[1]) {
                (Value::String(_), Value::Array(_)) => (&args[1], display(&args[0])),
                _ => (&args[0], display(&args[1])),
            };
            match list {
                Value::Array(a) => {
                    Value::String(a.iter().map(display).collect::<Vec<_>>().join(&sep))
                }
                other => Value::String(display(other)),
            }
        }
        "len" => {
            want(1)?;
            Value::from(match &args[0] {
                Value::Array(a) => a.len(),
                Value::Object(o) => o.len(),
                Value::String(s) => s.chars().count(),
                Value::Null => 0,
                other => bail!("template: len of a {} value", kind(other)),
            })
        }
        "truncate" => {
            want(2)?;
            let n = args[1].as_u64().unwrap_or(0) as usize;
            Value::String(display(&args[0]).chars().take(n).collect())
        }
        "print" | "println" => {
            let mut s = args.iter().map(display).collect::<Vec<_>>().join(" ");
            if func == "println" {
                s.push('\n');
            }
            Value::String(s)
        }
        "not" => {
            want(1)?;
            Value::Bool(!truthy(&args[0]))
        }
        "and" => args
            .iter()
            .find(|v| !truthy(v))
            .or(args.last())
            .cloned()
            .unwrap_or(Value::Null),
        "or" => args
            .iter()
            .find(|v| truthy(v))
            .or(args.last())
            .cloned()
            .unwrap_or(Value::Null),
        "eq" | "ne" => {
            want(2)?;
            let same = display(&args[0]) == display(&args[1]);
            Value::Bool(same == (func == "eq"))
        }
        _ => bail!("template: function {func:?} not defined"),
    })
}

fn title(s: &str) -> String {
    let mut out = String::new();
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = c.is_whitespace();
    }
    out
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "map",
    }
}

/// Prints a value as Go's `%v` would: strings bare, lists `[a b]`, maps `map[k:v]`.
pub fn display(v: &Value) -> String {
    match v {
        Value::Null => "<no value>".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Array(a) => format!("[{}]", a.iter().map(display).collect::<Vec<_>>().join(" ")),
        Value::Object(o) => {
            let mut keys: Vec<_> = o.keys().collect();
            keys.sort();
            let parts: Vec<String> = keys
                .into_iter()
                .map(|k| format!("{k}:{}", display(&o[k])))
                .collect();
            format!("map[{}]", parts.join(" "))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Column alignment

/// Aligns tab-separated cells as podman's tabwriter does (minimum cell width 12, padding 2):
/// a cell is text followed by a tab; the text after a line's last tab is not aligned.
/// Columns are aligned over runs of consecutive lines that have that column.
pub fn align(text: &str) -> String {
    const MIN_WIDTH: usize = 12;
    const PADDING: usize = 2;
    let lines: Vec<Vec<&str>> = text.split('\n').map(|l| l.split('\t').collect()).collect();
    // widths[line][col] for every tab-terminated cell.
    let mut widths: Vec<Vec<usize>> = lines
        .iter()
        .map(|cells| vec![0; cells.len().saturating_sub(1)])
        .collect();
    let max_cols = widths.iter().map(Vec::len).max().unwrap_or(0);
    for col in 0..max_cols {
        let mut i = 0;
        while i < lines.len() {
            if widths[i].len() <= col {
                i += 1;
                continue;
            }
            let start = i;
            let mut w = MIN_WIDTH;
            while i < lines.len() && widths[i].len() > col {
                w = w.max(lines[i][col].chars().count() + PADDING);
                i += 1;
            }
            for row in &mut widths[start..i] {
                row[col] = w;
            }
        }
    }
    let mut out = String::with_capacity(text.len() * 2);
    for (i, cells) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut line = String::new();
        for (col, cell) in cells.iter().enumerate() {
            line.push_str(cell);
            if col + 1 < cells.len() {
                let pad = widths[i][col].saturating_sub(cell.chars().count());
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        // Trailing padding from an empty last cell is noise.
        out.push_str(if cells.len() > 1 && cells.last() == Some(&"") {
            line.trim_end_matches(' ')
        } else {
            &line
        });
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Human-readable sizes and times, as podman prints them

/// `4.87 MB`, `1.2 kB`, `123 B`: SI units, three significant digits (podman's image sizes).
pub fn human_size(bytes: i64) -> String {
    human_size_with(bytes, 3, " ")
}

/// `76.32MB`: four significant digits and no space (podman's `image tree`).
pub fn human_size_compact(bytes: i64) -> String {
    human_size_with(bytes, 4, "")
}

fn human_size_with(bytes: i64, precision: usize, sep: &str) -> String {
    const UNITS: [&str; 9] = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
    let mut value = bytes.max(0) as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    loop {
        let text = significant(value, precision);
        // 999.96 kB rounds to "1000": say 1 MB instead.
        if text.parse::<f64>().unwrap_or(0.0) >= 1000.0 && unit + 1 < UNITS.len() {
            value /= 1000.0;
            unit += 1;
            continue;
        }
        return format!("{text}{sep}{}", UNITS[unit]);
    }
}

/// Formats `value` (0 <= value < 1000) with `precision` significant digits, trailing zeros
/// removed, like Go's `%.Ng` in that range.
fn significant(value: f64, precision: usize) -> String {
    let int_digits = if value < 1.0 {
        1
    } else {
        (value.log10().floor() as usize) + 1
    };
    let decimals = precision.saturating_sub(int_digits);
    let mut s = format!("{value:.decimals$}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    s
}

/// How long ago `t` was, as podman says it: `2 weeks ago`, `About an hour ago`.
pub fn ago(t: DateTime<Utc>, now: DateTime<Utc>) -> String {
    format!(
        "{} ago",
        human_duration((now - t).num_milliseconds().max(0))
    )
}

/// The wording podman (docker's go-units) uses for a duration given in milliseconds.
pub fn human_duration(millis: i64) -> String {
    let seconds = millis / 1000;
    let minutes = seconds / 60;
    // Hours are rounded; everything after is derived from the rounded hours.
    let hours = (millis as f64 / 3_600_000.0 + 0.5) as i64;
    if seconds < 1 {
        "Less than a second".into()
    } else if seconds == 1 {
        "1 second".into()
    } else if seconds < 60 {
        format!("{seconds} seconds")
    } else if minutes == 1 {
        "About a minute".into()
    } else if minutes < 60 {
        format!("{minutes} minutes")
    } else if hours == 1 {
        "About an hour".into()
    } else if hours < 48 {
        format!("{hours} hours")
    } else if hours < 24 * 7 * 2 {
        format!("{} days", hours / 24)
    } else if hours < 24 * 30 * 2 {
        format!("{} weeks", hours / 24 / 7)
    } else if hours < 24 * 365 * 2 {
        format!("{} months", hours / 24 / 30)
    } else {
        format!("{} years", millis / 3_600_000 / 24 / 365)
    }
}

/// Truncates an image ID (with or without `sha256:`) to podman's 12 characters.
pub fn short_id(id: &str) -> String {
    let id = id.strip_prefix("sha256:").unwrap_or(id);
    id.chars().take(12).collect()
}

/// Writes `s` to stdout; a closed pipe (`hutch images | head -1`) is not an error.
pub fn print(s: &str) -> Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(s.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(anyhow!("writing to stdout: {e}")),
    }
}

/// A minimal YAML rendering of a JSON value, for `info`'s default output.
pub fn yaml(value: &Value) -> String {
    let mut out = String::new();
    yaml_into(value, 0, &mut out);
    out
}

fn yaml_into(value: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match v {
                    Value::Object(o) if !o.is_empty() => {
                        let _ = writeln!(out, "{pad}{k}:");
                        yaml_into(v, indent + 2, out);
                    }
                    Value::Array(a) if !a.is_empty() => {
                        let _ = writeln!(out, "{pad}{k}:");
                        yaml_into(v, indent, out);
                    }
                    _ => {
                        let _ = writeln!(out, "{pad}{k}: {}", yaml_scalar(v));
                    }
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::Object(o) if !o.is_empty() => {
                        let mut sub = String::new();
                        yaml_into(item, indent + 2, &mut sub);
                        // The first key goes on the dash line.
                        let sub = sub.replacen(&format!("{pad}  "), &format!("{pad}- "), 1);
                        out.push_str(&sub);
                    }
                    _ => {
                        let _ = writeln!(out, "{pad}- {}", yaml_scalar(item));
                    }
                }
            }
        }
        other => {
            let _ = writeln!(out, "{pad}{}", yaml_scalar(other));
        }
    }
}

fn yaml_scalar(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Object(_) => "{}".into(),
        Value::Array(_) => "[]".into(),
        Value::String(s) => {
            let plain = !s.is_empty()
                && !s.starts_with([
                    ' ', '-', '?', ':', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'',
                    '"', '%', '@', '`',
                ])
                && !s.contains(": ")
                && !s.contains(" #")
                && !s.ends_with(' ')
                && !s.contains('\n')
                && !matches!(s.as_str(), "true" | "false" | "null" | "yes" | "no" | "~")
                && s.parse::<f64>().is_err();
            if plain {
                s.clone()
            } else {
                format!("'{}'", s.replace('\'', "''")).replace('\n', "\\n")
            }
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn t(src: &str, v: &Value) -> String {
        Template::parse(&normalize(src)).unwrap().render(v).unwrap()
    }

    #[test]
    fn fields_nested_and_literal_text() {
        let v = json!({"Id": "abc", "Config": {"User": "root", "Env": ["A=1", "B=2"]}});
        assert_eq!(
            t("id={{.Id}} user={{ .Config.User }}", &v),
            "id=abc user=root"
        );
        assert_eq!(t("{{.Config.Env}}", &v), "[A=1 B=2]");
        assert_eq!(t("{{.id}}", &v), "abc");
        assert_eq!(t("a\\tb\\n", &v), "a\tb\n");
    }

    #[test]
    fn json_function() {
        let v = json!({"Id": "abc", "Labels": {"k": "v"}});
        assert_eq!(t("{{json .Labels}}", &v), r#"{"k":"v"}"#);
        assert_eq!(t("{{json .}}", &v), r#"{"Id":"abc","Labels":{"k":"v"}}"#);
        assert_eq!(t("{{json .Id}}", &v), r#""abc""#);
    }

    #[test]
    fn index_range_if_and_pipes() {
        let v = json!({"Labels": {"a.b": "x"}, "Names": ["n1", "n2"], "E": []});
        assert_eq!(t(r#"{{index .Labels "a.b"}}"#, &v), "x");
        assert_eq!(t(r#"{{index .Names 1}}"#, &v), "n2");
        assert_eq!(t("{{range .Names}}<{{.}}>{{end}}", &v), "<n1><n2>");
        assert_eq!(t("{{range .E}}x{{else}}none{{end}}", &v), "none");
        assert_eq!(t("{{if .E}}y{{else}}n{{end}}", &v), "n");
        assert_eq!(t(r#"{{.Names | join ","}}"#, &v), "n1,n2");
        assert_eq!(t(r#"{{join .Names ", " | upper}}"#, &v), "N1, N2");
        assert_eq!(t("{{len .Names}}", &v), "2");
    }

    #[test]
    fn trim_markers() {
        let v = json!({"A": "1"});
        assert_eq!(t("x  {{- .A -}}  y", &v), "x1y");
    }

    #[test]
    fn errors_name_the_problem() {
        let v = json!({"A": "1"});
        let err = Template::parse("{{.A}")
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(err.contains("unclosed"), "{err}");
        let err = Template::parse("{{nosuch .A}}").unwrap_err().to_string();
        assert!(err.contains("\"nosuch\""), "{err}");
        let err = Template::parse("{{.Nope}}")
            .unwrap()
            .render(&v)
            .unwrap_err()
            .to_string();
        assert!(err.contains("Nope"), "{err}");
        assert!(Template::parse("{{range .A}}x").is_err());
    }

    #[test]
    fn headers_from_field_names() {
        let o = &[("ID", "IMAGE ID")];
        assert_eq!(header_name("Repository", o), "REPOSITORY");
        assert_eq!(header_name("ID", o), "IMAGE ID");
        assert_eq!(header_name("CreatedAt", o), "CREATED AT");
        assert_eq!(header_name("IDMappings", o), "ID MAPPINGS");
    }

    fn spec<'a>(default: &'a str, noheading: bool) -> ListSpec<'a> {
        ListSpec {
            default,
            headers: &[("ID", "IMAGE ID")],
            noheading,
        }
    }

    #[test]
    fn table_has_header_and_aligned_columns() {
        let rows = vec![
            json!({"Repository": "docker.io/library/busybox", "Tag": "latest", "ID": "beae173ccac6"}),
            json!({"Repository": "<none>", "Tag": "<none>", "ID": "0123456789ab"}),
        ];
        let out = render_list(
            None,
            &spec("table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}", false),
            &rows,
            Vec::new,
        )
        .unwrap();
        assert_eq!(
            out,
            "REPOSITORY                 TAG         IMAGE ID\n\
             docker.io/library/busybox  latest      beae173ccac6\n\
             <none>                     <none>      0123456789ab\n"
        );
        let out = render_list(
            Some("table {{.Tag}}"),
            &spec("table {{.Repository}}", true),
            &rows,
            Vec::new,
        )
        .unwrap();
        assert_eq!(out, "latest\n<none>\n");
        let out = render_list(
            Some("table"),
            &spec("table {{.Tag}}\t{{.ID}}", false),
            &rows,
            Vec::new,
        )
        .unwrap();
        assert!(out.starts_with("TAG         IMAGE ID\n"), "{out:?}");
    }

    #[test]
    fn plain_template_per_row_and_json() {
        let rows = vec![json!({"ID": "a"}), json!({"ID": "b"})];
        let s = spec("table {{.ID}}", false);
        assert_eq!(
            render_list(Some("{{.ID}}"), &s, &rows, Vec::new).unwrap(),
            "a\nb\n"
        );
        assert_eq!(
            render_list(Some("{{range .}}{{.ID}},{{end}}"), &s, &rows, Vec::new).unwrap(),
            "a,b,\n"
        );
        let out = render_list(Some("json"), &s, &rows, || vec![json!({"Id": "full"})]).unwrap();
        let parsed: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(parsed, json!([{"Id": "full"}]));
        assert_eq!(
            render_list(Some("json"), &s, &[], Vec::new).unwrap(),
            "[]\n"
        );
    }

    #[test]
    fn align_like_tabwriter() {
        assert_eq!(
            align("a\tb\nlonger-than-twelve\tc"),
            "a                   b\nlonger-than-twelve  c"
        );
        // Lines without tabs break a column block.
        assert_eq!(
            align("a\tb\nplain\nccc\td"),
            "a           b\nplain\nccc         d"
        );
    }

    #[test]
    fn sizes_like_podman() {
        assert_eq!(human_size(0), "0 B");
        assert_eq!(human_size(123), "123 B");
        assert_eq!(human_size(1200), "1.2 kB");
        assert_eq!(human_size(1000), "1 kB");
        assert_eq!(human_size(4_866_000), "4.87 MB");
        assert_eq!(human_size(12_345_678), "12.3 MB");
        assert_eq!(human_size(999_960), "1 MB");
        assert_eq!(human_size(77_800_000_000), "77.8 GB");
        assert_eq!(human_size_compact(76_324_000), "76.32MB");
    }

    #[test]
    fn durations_like_podman() {
        let s = 1000;
        let h = 3600 * s;
        assert_eq!(human_duration(500), "Less than a second");
        assert_eq!(human_duration(s), "1 second");
        assert_eq!(human_duration(45 * s), "45 seconds");
        assert_eq!(human_duration(90 * s), "About a minute");
        assert_eq!(human_duration(5 * 60 * s), "5 minutes");
        assert_eq!(human_duration(h), "About an hour");
        assert_eq!(human_duration(h + 40 * 60 * s), "2 hours");
        assert_eq!(human_duration(47 * h), "47 hours");
        assert_eq!(human_duration(3 * 24 * h), "3 days");
        assert_eq!(human_duration(15 * 24 * h), "2 weeks");
        assert_eq!(human_duration(90 * 24 * h), "3 months");
        assert_eq!(human_duration(3 * 365 * 24 * h), "3 years");
        let now = Utc::now();
        assert_eq!(ago(now - chrono::Duration::days(15), now), "2 weeks ago");
    }

    #[test]
    fn yaml_output() {
        let v = json!({"host": {"arch": "amd64", "idMappings": {"uidmap": [{"container_id": 0, "size": 1}]}}, "empty": []});
        assert_eq!(
            yaml(&v),
            "host:\n  arch: amd64\n  idMappings:\n    uidmap:\n    - container_id: 0\n      size: 1\nempty: []\n"
        );
    }
}
