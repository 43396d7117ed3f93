//! The functions a template can call: Go's builtins (`index`, `len`, `printf`, `eq`...; `and`
//! and `or` are evaluated lazily by the executor) and the ones podman adds (`json`, `upper`,
//! `lower`, `title`, `truncate`, `join`, `pad`, `split`).

use serde_json::Value;

use super::exec::truthy;
use super::printf;

/// Every function name a template may use; anything else fails at parse time.
const NAMES: &[&str] = &[
    // Go's text/template builtins
    "and", "or", "not", "len", "index", "slice", "print", "printf", "println", "eq", "ne", "lt",
    "le", "gt", "ge", "html", "urlquery",
    // podman's additions (containers/common report.DefaultFuncs)
    "json", "lower", "upper", "title", "truncate", "join", "pad", "split",
];

pub(super) fn exists(name: &str) -> bool {
    NAMES.contains(&name)
}

type Result<T> = std::result::Result<T, String>;

fn want(func: &str, args: &[Value], n: usize) -> Result<()> {
    if args.len() == n {
        Ok(())
    } else {
        Err(format!(
            "wrong number of args for {func}: want {n} got {}",
            args.len()
        ))
    }
}

fn want_at_least(func: &str, args: &[Value], n: usize) -> Result<()> {
    if args.len() >= n {
        Ok(())
    } else {
        Err(format!(
            "wrong number of args for {func}: want at least {n} got {}",
            args.len()
        ))
    }
}

fn int_arg(func: &str, v: &Value) -> Result<i64> {
    v.as_i64().ok_or_else(|| {
        format!(
            "error calling {func}: wrong type for value; expected int; got {}",
            printf::type_name(v)
        )
    })
}

/// A string argument; other scalars are accepted as they print (hutch's views sometimes hold a
/// number where podman has a string).
fn str_arg(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => printf::value(other),
    }
}

/// Calls `func` (never `and`/`or`, which the executor short-circuits).
pub(super) fn call(func: &str, args: Vec<Value>) -> Result<Value> {
    Ok(match func {
        "not" => {
            want(func, &args, 1)?;
            Value::Bool(!truthy(&args[0]))
        }
        "len" => {
            want(func, &args, 1)?;
            Value::from(match &args[0] {
                Value::Array(a) => a.len(),
                Value::Object(o) => o.len(),
                // Go counts bytes.
                Value::String(s) => s.len(),
                Value::Null => 0,
                other => {
                    return Err(format!(
                        "error calling len: len of type {}",
                        printf::type_name(other)
                    ))
                }
            })
        }
        "index" => {
            want_at_least(func, &args, 1)?;
            let mut args = args.into_iter();
            let mut cur = args.next().unwrap_or(Value::Null);
            for key in args {
                cur = index(cur, &key).map_err(|e| format!("error calling index: {e}"))?;
            }
            cur
        }
        "slice" => {
            want_at_least(func, &args, 1)?;
            slice(&args).map_err(|e| format!("error calling slice: {e}"))?
        }
        "print" => Value::String(printf::sprint(&args)),
        "println" => Value::String(printf::sprintln(&args)),
        "printf" => {
            want_at_least(func, &args, 1)?;
            Value::String(printf::sprintf(&str_arg(&args[0]), &args[1..]))
        }
        "eq" => {
            want_at_least(func, &args, 1)?;
            if args.len() < 2 {
                return Err("error calling eq: missing argument for comparison".into());
            }
            let mut any = false;
            for other in &args[1..] {
                any |= equal(&args[0], other).map_err(|e| format!("error calling eq: {e}"))?;
            }
            Value::Bool(any)
        }
        "ne" => {
            want(func, &args, 2)?;
            Value::Bool(!equal(&args[0], &args[1]).map_err(|e| format!("error calling ne: {e}"))?)
        }
        "lt" | "le" | "gt" | "ge" => {
            want(func, &args, 2)?;
            let ord =
                order(&args[0], &args[1]).map_err(|e| format!("error calling {func}: {e}"))?;
            Value::Bool(match func {
                "lt" => ord.is_lt(),
                "le" => ord.is_le(),
                "gt" => ord.is_gt(),
                _ => ord.is_ge(),
            })
        }
        "html" => Value::String(html(&joined(&args))),
        "urlquery" => Value::String(urlquery(&joined(&args))),
        "json" => {
            want(func, &args, 1)?;
            Value::String(serde_json::to_string(&args[0]).map_err(|e| e.to_string())?)
        }
        "upper" | "lower" | "title" => {
            want(func, &args, 1)?;
            let s = str_arg(&args[0]);
            Value::String(match func {
                "upper" => s
                    .chars()
                    .map(|c| simple_case(c, char::to_uppercase))
                    .collect(),
                "lower" => s
                    .chars()
                    .map(|c| simple_case(c, char::to_lowercase))
                    .collect(),
                _ => title(&s),
            })
        }
        "truncate" => {
            want(func, &args, 2)?;
            let n = usize::try_from(int_arg(func, &args[1])?).unwrap_or(0);
            Value::String(str_arg(&args[0]).chars().take(n).collect())
        }
        "pad" => {
            want(func, &args, 3)?;
            let before = usize::try_from(int_arg(func, &args[1])?).unwrap_or(0);
            let after = usize::try_from(int_arg(func, &args[2])?).unwrap_or(0);
            Value::String(format!(
                "{}{}{}",
                " ".repeat(before),
                str_arg(&args[0]),
                " ".repeat(after)
            ))
        }
        "split" => {
            want(func, &args, 2)?;
            let (s, sep) = (str_arg(&args[0]), str_arg(&args[1]));
            let parts: Vec<Value> = if sep.is_empty() {
                s.chars().map(|c| Value::String(c.to_string())).collect()
            } else {
                s.split(sep.as_str())
                    .map(|p| Value::String(p.into()))
                    .collect()
            };
            Value::Array(parts)
        }
        "join" => {
            want(func, &args, 2)?;
            // podman's join is strings.Join(list, sep); `{{.Names | join ","}}` passes the list
            // last, which hutch has always accepted too.
            let (list, sep) = match (&args[0], &args[1]) {
                (Value::String(_), Value::Array(_)) => (&args[1], str_arg(&args[0])),
                _ => (&args[0], str_arg(&args[1])),
            };
            match list {
                Value::Array(a) => {
                    Value::String(a.iter().map(str_arg).collect::<Vec<_>>().join(&sep))
                }
                other => Value::String(str_arg(other)),
            }
        }
        _ => return Err(format!("function {func:?} not defined")),
    })
}

/// The text of `html`/`urlquery`'s arguments: a lone string as is, anything else as `print`.
fn joined(args: &[Value]) -> String {
    match args {
        [Value::String(s)] => s.clone(),
        _ => printf::sprint(args),
    }
}

/// One step of `index`. A missing map key gives the map's zero value, as in Go: an empty string
/// for a map of strings (labels, annotations), no value otherwise.
fn index(cur: Value, key: &Value) -> Result<Value> {
    Ok(match (cur, key) {
        (Value::Object(mut m), Value::String(k)) => match m.remove(k) {
            Some(v) => v,
            None if m.values().all(Value::is_string) => Value::String(String::new()),
            None => Value::Null,
        },
        (Value::Object(_), k) => {
            return Err(format!(
                "value has type {}; should be string",
                printf::type_name(k)
            ))
        }
        (Value::Array(a), k) => {
            let i = position(k)?;
            a.into_iter()
                .nth(i)
                .ok_or_else(|| format!("index out of range: {i}"))?
        }
        (Value::String(s), k) => {
            let i = position(k)?;
            Value::from(
                *s.as_bytes()
                    .get(i)
                    .ok_or_else(|| format!("index out of range: {i}"))?,
            )
        }
        // hutch's views hold null where podman has a nil map or pointer: nothing to index.
        (Value::Null, _) => Value::Null,
        (other, _) => {
            return Err(format!(
                "can't index item of type {}",
                printf::type_name(&other)
            ))
        }
    })
}

fn position(k: &Value) -> Result<usize> {
    match k.as_i64() {
        Some(i) if i >= 0 => Ok(i as usize),
        Some(i) => Err(format!("index out of range: {i}")),
        None => Err(format!(
            "cannot index slice/array with type {}",
            printf::type_name(k)
        )),
    }
}

fn slice(args: &[Value]) -> Result<Value> {
    let item = &args[0];
    let len = match item {
        Value::Array(a) => a.len(),
        Value::String(s) => s.len(),
        other => {
            return Err(format!(
                "can't slice item of type {}",
                printf::type_name(other)
            ))
        }
    };
    if args.len() > 3 {
        return Err("too many slice indexes".into());
    }
    let mut bounds = [0, len];
    for (n, a) in args[1..].iter().enumerate() {
        let i = position(a)?;
        if i > len {
            return Err(format!("index out of range: {i}"));
        }
        bounds[n] = i;
    }
    let [from, to] = bounds;
    if from > to {
        return Err(format!("invalid slice index: {from} > {to}"));
    }
    Ok(match item {
        Value::Array(a) => Value::Array(a[from..to].to_vec()),
        Value::String(s) => Value::String(
            s.get(from..to)
                .ok_or_else(|| format!("slice {from}:{to} splits a character"))?
                .to_string(),
        ),
        _ => unreachable!("checked above"),
    })
}

/// The kinds Go's comparison functions tell apart.
#[derive(PartialEq, Clone, Copy)]
enum Basic {
    Bool,
    Int,
    Float,
    Str,
    Nil,
    Complex,
}

fn basic(v: &Value) -> Basic {
    match v {
        Value::Bool(_) => Basic::Bool,
        Value::Number(n) if n.is_f64() => Basic::Float,
        Value::Number(_) => Basic::Int,
        Value::String(_) => Basic::Str,
        Value::Null => Basic::Nil,
        Value::Array(_) | Value::Object(_) => Basic::Complex,
    }
}

/// Go's `eq` for two values: nil equals only nil, lists and maps cannot be compared, and values
/// of different kinds are an error.
fn equal(a: &Value, b: &Value) -> Result<bool> {
    let (ka, kb) = (basic(a), basic(b));
    if ka == Basic::Nil || kb == Basic::Nil {
        return Ok(ka == kb);
    }
    if ka == Basic::Complex || kb == Basic::Complex {
        let v = if ka == Basic::Complex { a } else { b };
        return Err(format!(
            "non-comparable type {}: {}",
            printf::value(v),
            printf::type_name(v)
        ));
    }
    if ka != kb {
        return Err("incompatible types for comparison".into());
    }
    Ok(match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(x), Some(y)) => x == y,
            _ => x.as_f64() == y.as_f64() && x.as_u64() == y.as_u64(),
        },
        _ => a == b,
    })
}

/// Go's ordering for `lt`/`le`/`gt`/`ge`: numbers and strings only, of one kind.
fn order(a: &Value, b: &Value) -> Result<std::cmp::Ordering> {
    let (ka, kb) = (basic(a), basic(b));
    if !matches!(ka, Basic::Int | Basic::Float | Basic::Str)
        || !matches!(kb, Basic::Int | Basic::Float | Basic::Str)
    {
        return Err("invalid type for comparison".into());
    }
    if ka != kb {
        return Err("incompatible types for comparison".into());
    }
    Ok(match (a, b) {
        (Value::String(x), Value::String(y)) => x.cmp(y),
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => {
                let (x, y) = (x.as_f64().unwrap_or(0.0), y.as_f64().unwrap_or(0.0));
                x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal)
            }
        },
        _ => unreachable!("kinds checked above"),
    })
}

/// Go maps case one character to one character (`ß` stays `ß` in upper case); Rust's full
/// mapping would make it `SS`.
fn simple_case<I: Iterator<Item = char>>(c: char, map: impl Fn(char) -> I) -> char {
    let mut m = map(c);
    match (m.next(), m.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

/// Go's strings.Title: upper-cases the first letter of each word. Words are separated by any
/// ASCII character but letters, digits and `_`, and by non-ASCII whitespace.
fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_sep = true;
    for c in s.chars() {
        if prev_sep {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        prev_sep = if c.is_ascii() {
            !(c.is_ascii_alphanumeric() || c == '_')
        } else {
            !c.is_alphanumeric() && c.is_whitespace()
        };
    }
    out
}

/// Go's html.EscapeString as text/template's `html` applies it.
fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\0' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Go's url.QueryEscape.
fn urlquery(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
