//! systemd user units for containers: `generate systemd` (a unit for one container) and the
//! quadlet translation (`.container`, `.volume`, `.network` files into units), plus the
//! quoting of command lines that both write.

pub mod generate;
pub mod quadlet;

/// One generated unit: its file name and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub name: String,
    pub text: String,
}

/// One argument of an `Exec*=` line: quoted when systemd would split or unescape it, with
/// `%` and `$` doubled so systemd leaves them alone.
pub fn quote(arg: &str) -> String {
    let escaped = arg.replace('%', "%%").replace('$', "$$");
    // Prefixes such as '@' or '-' matter only on the program, which is always a plain path.
    let plain = !escaped.is_empty()
        && escaped
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=,+@%$^~[]{}()*?!#&<>|".contains(c));
    if plain {
        return escaped;
    }
    let mut out = String::from("\"");
    for c in escaped.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A command line for an `Exec*=` key.
pub fn command_line<S: AsRef<str>>(args: &[S]) -> String {
    args.iter()
        .map(|a| quote(a.as_ref()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `command_line`, with arguments that are already systemd text (specifiers) kept as they are.
pub(crate) fn command_line_raw(args: &[Arg]) -> String {
    args.iter()
        .map(|a| match a {
            Arg::Plain(s) => quote(s),
            Arg::Raw(s) => s.clone(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An argument of a generated command line.
#[derive(Debug, Clone)]
pub(crate) enum Arg {
    /// Any text: quoted and escaped.
    Plain(String),
    /// systemd text already (`--cidfile=%t/%n.ctr-id`).
    Raw(String),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Plain(s.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_what_systemd_would_split() {
        assert_eq!(quote("busybox"), "busybox");
        assert_eq!(quote("--name=x"), "--name=x");
        assert_eq!(quote("sleep 1"), "\"sleep 1\"");
        assert_eq!(quote("50%"), "50%%");
        assert_eq!(quote("$HOME"), "$$HOME");
        assert_eq!(quote("a\"b"), "\"a\\\"b\"");
        assert_eq!(quote(""), "\"\"");
        assert_eq!(quote("a;b"), "\"a;b\"");
    }
}
