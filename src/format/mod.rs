//! Output formatting shared by every command: `--format json`, Go templates (`{{.Field}}`,
//! `{{json .}}`, `table ...`), aligned tables, YAML, and podman's human sizes and ages.
//! Commands build `serde_json::Value`s; nothing else in the CLI decides how output looks.

mod human;
mod table;
mod template;
mod yaml;

pub use human::{
    ago, go_time, human_duration, human_size, human_size_binary, human_size_compact, short_id,
};
pub use table::{align, header_name};
pub use template::{Template, TemplateError};
pub use yaml::yaml;

use anyhow::{anyhow, Result};
use serde_json::Value;

/// How a list command is printed: its default table and the header names that differ from the
/// field names (podman prints `IMAGE ID` for `.ID`).
pub struct ListSpec<'a> {
    /// The default format, e.g. `table {{.Repository}}\t{{.Tag}}\t{{.ID}}`.
    pub default: &'a str,
    pub headers: &'a [(&'a str, &'a str)],
    pub noheading: bool,
}

/// Renders a list: `json` prints `json_items` as a pretty JSON array; a template is applied to
/// each of `rows` (the template view: human sizes, truncated IDs); `table` adds a header row
/// and aligns the columns, as podman's output does.
pub fn render_list(
    format: Option<&str>,
    spec: &ListSpec,
    rows: &[Value],
    json_items: impl FnOnce() -> Vec<Value>,
) -> Result<String> {
    let given = format.is_some();
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
    // Only `table` output (and a command's default) is aligned; in a user's template podman
    // prints a typed `\t` as a tab.
    Ok(if table || !given { align(&out) } else { out })
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
    let (table, body) = match normalized.strip_prefix("table") {
        Some(b) => (true, b.trim_start().to_string()),
        None => (false, normalized),
    };
    let mut out = Template::parse(&body)?.render(value)?;
    ensure_newline(&mut out);
    Ok(if table { align(&out) } else { out })
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

#[cfg(test)]
mod tests;
