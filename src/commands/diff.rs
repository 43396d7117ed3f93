//! `hutch diff`: what a container changed in its image's files (A added, C changed, D deleted).

use crate::cli::DiffArgs;
use serde_json::json;

pub fn run(ctx: &super::Ctx, args: DiffArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    let changes = eng.changes(&args.container)?;
    let mut out = String::new();
    match args.format.as_deref() {
        Some(f) if crate::format::is_json(f) => {
            let pick = |k: char| -> Vec<&str> {
                changes
                    .iter()
                    .filter(|c| c.kind == k)
                    .map(|c| c.path.as_str())
                    .collect()
            };
            let mut v = serde_json::Map::new();
            for (key, k) in [("changed", 'C'), ("added", 'A'), ("deleted", 'D')] {
                let list = pick(k);
                if !list.is_empty() {
                    v.insert(key.into(), json!(list));
                }
            }
            out = serde_json::to_string_pretty(&v)?;
            out.push('\n');
        }
        Some(f) => anyhow::bail!("invalid --format {f:?}: only json is supported"),
        None => {
            for ch in &changes {
                out.push_str(&format!("{} {}\n", ch.kind, ch.path));
            }
        }
    }
    crate::format::print(&out)?;
    Ok(0)
}
