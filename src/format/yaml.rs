//! The small YAML emitter behind `hutch info`'s default output: block maps and lists, scalars
//! quoted only where YAML would read them as something else.

use serde_json::Value;
use std::fmt::Write as _;

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

    #[test]
    fn yaml_output() {
        let v = json!({"host": {"arch": "amd64", "idMappings": {"uidmap": [{"container_id": 0, "size": 1}]}}, "empty": []});
        assert_eq!(
            yaml(&v),
            "host:\n  arch: amd64\n  idMappings:\n    uidmap:\n    - container_id: 0\n      size: 1\nempty: []\n"
        );
    }

    #[test]
    fn scalars_that_would_change_meaning_are_quoted() {
        let v = json!({"a": "true", "b": "1.5", "c": "x: y", "d": "it's", "e": "", "f": null});
        assert_eq!(
            yaml(&v),
            "a: 'true'\nb: '1.5'\nc: 'x: y'\nd: it's\ne: ''\nf: null\n"
        );
    }
}
