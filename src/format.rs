//! Output formatting shared by every command: `--format json`, Go-template-like strings
//! (`{{.Field}}`, `{{json .}}`, `table ...`), and aligned tables.

use serde_json::Value;

/// Renders one value with a `--format` string: `json` pretty-prints it, anything else is a
/// template.
pub fn render_one(format: &str, value: &Value) -> anyhow::Result<String> {
    if format == "json" {
        return Ok(serde_json::to_string_pretty(value)?);
    }
    anyhow::bail!("templates are not implemented yet: {format:?}")
}
