//! Go's `fmt` for template values: `printf`'s verbs, flags, width and precision, `%v` (what an
//! action prints), `print`'s spacing rules, and Go's complaints (`%!d(string=x)`,
//! `%!s(MISSING)`, `%!(EXTRA ...)`) in place of errors, exactly as Go writes them.

use serde_json::{Number, Value};

/// `%v` of a value, as `fmt.Sprint` prints it: strings bare, lists `[a b]`, maps `map[k:v]`
/// with sorted keys, null `<nil>`.
pub(super) fn value(v: &Value) -> String {
    let mut out = String::new();
    arg(&mut out, &Spec::default(), 'v', v);
    out
}

/// `fmt.Sprint`: operands are separated by a space when neither side is a string.
pub(super) fn sprint(args: &[Value]) -> String {
    let mut out = String::new();
    let mut prev_string = false;
    for (i, a) in args.iter().enumerate() {
        let is_string = a.is_string();
        if i > 0 && !is_string && !prev_string {
            out.push(' ');
        }
        out.push_str(&value(a));
        prev_string = is_string;
    }
    out
}

/// `fmt.Sprintln`: always a space between operands, and a newline at the end.
pub(super) fn sprintln(args: &[Value]) -> String {
    let mut out = args.iter().map(value).collect::<Vec<_>>().join(" ");
    out.push('\n');
    out
}

/// The Go type name of a value, for `%!verb(type=value)`.
pub(super) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "<nil>",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float64",
        Value::Number(n) if n.is_u64() && n.as_i64().is_none() => "uint64",
        Value::Number(_) => "int",
        Value::String(_) => "string",
        Value::Array(_) => "[]interface {}",
        Value::Object(_) => "map[string]interface {}",
    }
}

#[derive(Default, Clone)]
struct Spec {
    minus: bool,
    plus: bool,
    sharp: bool,
    zero: bool,
    space: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

/// `fmt.Sprintf`.
pub(super) fn sprintf(format: &str, args: &[Value]) -> String {
    let mut out = String::new();
    let mut next = 0;
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = Spec::default();
        while let Some(&f) = chars.peek() {
            match f {
                '-' => {
                    spec.minus = true;
                    spec.zero = false; // Go never pads with zeros on the right
                }
                '+' => spec.plus = true,
                '#' => spec.sharp = true,
                '0' => spec.zero = !spec.minus,
                ' ' => spec.space = true,
                _ => break,
            }
            chars.next();
        }
        let mut number =
            |chars: &mut std::iter::Peekable<std::str::Chars>, out: &mut String| -> Option<usize> {
                if chars.peek() == Some(&'*') {
                    chars.next();
                    let n = args.get(next).and_then(Value::as_i64);
                    next += 1;
                    if n.is_none() {
                        out.push_str("%!(BADWIDTH)");
                    }
                    return n.map(|n| n.unsigned_abs() as usize);
                }
                let mut digits = String::new();
                while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(d);
                    chars.next();
                }
                digits.parse().ok()
            };
        spec.width = number(&mut chars, &mut out);
        if chars.peek() == Some(&'.') {
            chars.next();
            spec.prec = Some(number(&mut chars, &mut out).unwrap_or(0));
        }
        // `%[n]d`: the n-th argument, and the ones after it next.
        if chars.peek() == Some(&'[') {
            let rest: String = chars.clone().skip(1).take_while(|c| *c != ']').collect();
            match rest.parse::<usize>() {
                Ok(n) if n >= 1 && chars.clone().nth(rest.len() + 1) == Some(']') => {
                    chars.nth(rest.len() + 1);
                    next = n - 1;
                }
                _ => {}
            }
        }
        let Some(verb) = chars.next() else {
            out.push_str("%!(NOVERB)");
            break;
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        match args.get(next) {
            Some(a) => arg(&mut out, &spec, verb, a),
            None => {
                out.push_str(&format!("%!{verb}(MISSING)"));
            }
        }
        next += 1;
    }
    if next < args.len() {
        let extra: Vec<String> = args[next..]
            .iter()
            .map(|a| match a {
                Value::Null => "<nil>".to_string(),
                a => format!("{}={}", type_name(a), value(a)),
            })
            .collect();
        out.push_str(&format!("%!(EXTRA {})", extra.join(", ")));
    }
    out
}

fn bad_verb(out: &mut String, verb: char, v: &Value) {
    match v {
        Value::Null => out.push_str(&format!("%!{verb}(<nil>)")),
        v => out.push_str(&format!("%!{verb}({}={})", type_name(v), value(v))),
    }
}

/// One argument under one verb. Lists and maps apply the verb to each element, as Go does.
fn arg(out: &mut String, spec: &Spec, verb: char, v: &Value) {
    match v {
        Value::Null if verb == 'v' => pad(out, spec, "<nil>"),
        Value::Null => bad_verb(out, verb, v),
        Value::Bool(b) if matches!(verb, 'v' | 't') => pad(out, spec, &b.to_string()),
        Value::Bool(_) => bad_verb(out, verb, v),
        Value::Number(n) => number(out, spec, verb, n, v),
        Value::String(s) => string(out, spec, verb, s, v),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                element(out, spec, verb, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push_str("map[");
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                string(out, spec, verb, k, &Value::String(k.clone()));
                out.push(':');
                element(out, spec, verb, &map[k]);
            }
            out.push(']');
        }
    }
}

/// An element of a list or map: a nil element prints `<nil>` whatever the verb.
fn element(out: &mut String, spec: &Spec, verb: char, v: &Value) {
    if v.is_null() {
        pad(out, spec, "<nil>");
    } else {
        arg(out, spec, verb, v);
    }
}

fn string(out: &mut String, spec: &Spec, verb: char, s: &str, v: &Value) {
    let cut = |s: &str| -> String {
        match spec.prec {
            Some(p) => s.chars().take(p).collect(),
            None => s.to_string(),
        }
    };
    match verb {
        'v' | 's' => pad(out, spec, &cut(s)),
        'q' => {
            let s = cut(s);
            let raw =
                spec.sharp && !s.contains('`') && !s.chars().any(|c| c.is_control() && c != '\t');
            pad(
                out,
                spec,
                &if raw {
                    format!("`{s}`")
                } else {
                    quote(&s, '"')
                },
            )
        }
        'x' | 'X' => {
            let bytes = s.as_bytes();
            let bytes = &bytes[..spec.prec.unwrap_or(bytes.len()).min(bytes.len())];
            let mut h = String::new();
            for (i, b) in bytes.iter().enumerate() {
                if spec.space && i > 0 {
                    h.push(' ');
                }
                if spec.sharp && (spec.space || i == 0) {
                    h.push_str(if verb == 'x' { "0x" } else { "0X" });
                }
                h.push_str(&if verb == 'x' {
                    format!("{b:02x}")
                } else {
                    format!("{b:02X}")
                });
            }
            pad(out, spec, &h)
        }
        _ => bad_verb(out, verb, v),
    }
}

/// Go's strconv.Quote (and QuoteRune with `'`): C-like escapes, `\x` for other control bytes.
pub(super) fn quote(s: &str, q: char) -> String {
    let mut out = String::new();
    out.push(q);
    for c in s.chars() {
        match c {
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x0b' => out.push_str("\\v"),
            '\\' => out.push_str("\\\\"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c == '\x7f' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

fn number(out: &mut String, spec: &Spec, verb: char, n: &Number, v: &Value) {
    if let Some(f) = n.as_f64().filter(|_| n.is_f64()) {
        return float(out, spec, verb, f, v);
    }
    let (neg, abs) = match (n.as_i64(), n.as_u64()) {
        (Some(i), _) => (i < 0, i.unsigned_abs()),
        (None, Some(u)) => (false, u),
        _ => return bad_verb(out, verb, v),
    };
    let (digits, prefix) = match verb {
        'v' | 'd' => (abs.to_string(), ""),
        'b' => (format!("{abs:b}"), if spec.sharp { "0b" } else { "" }),
        'o' => (format!("{abs:o}"), if spec.sharp { "0" } else { "" }),
        'O' => (format!("{abs:o}"), "0o"),
        'x' => (format!("{abs:x}"), if spec.sharp { "0x" } else { "" }),
        'X' => (format!("{abs:X}"), if spec.sharp { "0X" } else { "" }),
        'c' => {
            let c = u32::try_from(abs)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or('\u{fffd}');
            return pad(out, spec, &c.to_string());
        }
        'q' => {
            let c = u32::try_from(abs)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or('\u{fffd}');
            return pad(out, spec, &quote(&c.to_string(), '\''));
        }
        'U' => {
            let mut s = format!("U+{abs:04X}");
            if let Some(c) = spec
                .sharp
                .then(|| u32::try_from(abs).ok().and_then(char::from_u32))
                .flatten()
            {
                s.push_str(&format!(" '{c}'"));
            }
            return pad(out, spec, &s);
        }
        _ => return bad_verb(out, verb, v),
    };
    let sign = sign(spec, neg);
    // Precision is a minimum digit count; with the 0 flag (and no precision) the width is.
    let min_digits = match (spec.prec, spec.width) {
        (Some(0), _) if abs == 0 => return pad(out, spec, ""),
        (Some(p), _) => p,
        (None, Some(w)) if spec.zero => w.saturating_sub(sign.len()),
        _ => 0,
    };
    let zeros = "0".repeat(min_digits.saturating_sub(digits.len()));
    let body = format!("{sign}{prefix}{zeros}{digits}");
    pad(out, spec, &body);
}

fn float(out: &mut String, spec: &Spec, verb: char, f: f64, v: &Value) {
    let upper = verb.is_ascii_uppercase();
    let text = match verb {
        'v' | 'g' | 'G' => {
            let (digits, dp) = match spec.prec {
                Some(p) => decimal(f, p.max(1)),
                None => shortest(f),
            };
            let shortest = spec.prec.is_none();
            let prec = spec
                .prec
                .filter(|_| !shortest)
                .map_or(digits.len(), |p| p.max(1));
            format_g(&digits, dp, prec, shortest)
        }
        'e' | 'E' => {
            let (digits, dp) = decimal(f, spec.prec.unwrap_or(6) + 1);
            format_e(&digits, dp, spec.prec.unwrap_or(6))
        }
        'f' | 'F' => format!("{:.*}", spec.prec.unwrap_or(6), f.abs()),
        _ => return bad_verb(out, verb, v),
    };
    let text = if upper { text.to_uppercase() } else { text };
    let sign = sign(spec, f.is_sign_negative() && f != 0.0);
    match spec.width {
        Some(w) if spec.zero && !spec.minus => {
            let len = sign.len() + text.chars().count();
            let zeros = "0".repeat(w.saturating_sub(len));
            out.push_str(&format!("{sign}{zeros}{text}"));
        }
        _ => pad(out, spec, &format!("{sign}{text}")),
    }
}

/// The shortest digits that read back as `f` (no trailing zeros) and the decimal point's place:
/// `f = 0.d1d2... * 10^dp`.
fn shortest(f: f64) -> (Vec<u8>, i32) {
    split_exp(&format!("{:e}", f.abs()))
}

/// `f` rounded to `n` significant digits, trailing zeros dropped.
fn decimal(f: f64, n: usize) -> (Vec<u8>, i32) {
    split_exp(&format!("{:.*e}", n - 1, f.abs()))
}

fn split_exp(sci: &str) -> (Vec<u8>, i32) {
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci, "0"));
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    let exp: i32 = exp.parse().unwrap_or(0);
    (digits, exp + 1)
}

/// Go's `%e` body from significant digits: `d.ddde+XX`.
fn format_e(digits: &[u8], dp: i32, decimals: usize) -> String {
    let exp = if digits == b"0" { 0 } else { dp - 1 };
    let mut s = String::new();
    s.push(digits[0] as char);
    if decimals > 0 {
        s.push('.');
        for i in 1..=decimals {
            s.push(*digits.get(i).unwrap_or(&b'0') as char);
        }
    }
    let sign = if exp < 0 { '-' } else { '+' };
    s.push_str(&format!("e{sign}{:02}", exp.abs()));
    s
}

/// Go's `%f` body from significant digits with `decimals` places.
fn format_f(digits: &[u8], dp: i32, decimals: usize) -> String {
    let digit = |i: i32| -> char {
        if i >= 0 {
            *digits.get(i as usize).unwrap_or(&b'0') as char
        } else {
            '0'
        }
    };
    let mut s = String::new();
    if dp <= 0 {
        s.push('0');
    } else {
        for i in 0..dp {
            s.push(digit(i));
        }
    }
    if decimals > 0 {
        s.push('.');
        for i in 0..decimals as i32 {
            s.push(digit(dp + i));
        }
    }
    s
}

/// Go's `%g`: `%e` for large and small exponents, `%f` otherwise; shortest form uses the
/// exponent threshold 6 whatever the digit count (so 1e6 prints as `1e+06`).
fn format_g(digits: &[u8], dp: i32, prec: usize, shortest: bool) -> String {
    let nd = if digits == b"0" {
        0
    } else {
        digits.len() as i32
    };
    let dp = if nd == 0 { 0 } else { dp };
    let mut eprec = prec as i32;
    if eprec > nd && nd >= dp {
        eprec = nd;
    }
    if shortest {
        eprec = 6;
    }
    let exp = dp - 1;
    if nd > 0 && (exp < -4 || exp >= eprec) {
        let p = (prec as i32).min(nd).max(1);
        return format_e(digits, dp, (p - 1) as usize);
    }
    let p = if prec as i32 > dp { nd } else { prec as i32 };
    format_f(digits, dp, (p - dp).max(0) as usize)
}

/// A number's sign: `-`, or what the `+` and space flags ask for.
fn sign(spec: &Spec, negative: bool) -> &'static str {
    if negative {
        "-"
    } else if spec.plus {
        "+"
    } else if spec.space {
        " "
    } else {
        ""
    }
}

/// Pads to the width with spaces, on the right with the `-` flag. (Zero padding is the
/// numbers' own business: it goes after the sign.)
fn pad(out: &mut String, spec: &Spec, s: &str) {
    let fill = spec.width.unwrap_or(0).saturating_sub(s.chars().count());
    if spec.minus {
        out.push_str(s);
        out.extend(std::iter::repeat_n(' ', fill));
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(s);
    }
}
