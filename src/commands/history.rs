//! `hutch history` / `hutch image history`: the image's history from its config, newest first.

use crate::cli::HistoryArgs;
use crate::format::{self, ListSpec};
use chrono::{SecondsFormat, Utc};
use serde_json::{json, Value};

const TABLE: &str = "table {{.ID}}\t{{.Created}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";

pub fn run(ctx: &super::Ctx, args: HistoryArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    let db = eng.db();
    let found = hutch_engine::images::lookup(db, &args.image)?;
    let rows = hutch_engine::images::history(db, &found.image)?;
    let now = Utc::now();
    let short = |id: &str| {
        if args.no_trunc || id == "<missing>" {
            id.to_string()
        } else {
            format::short_id(id)
        }
    };
    if args.quiet {
        let out: String = rows.iter().map(|r| short(&r.id) + "\n").collect();
        return format::print(&out).map(|()| 0);
    }
    let mut view = Vec::new();
    for r in &rows {
        let mut v = serde_json::to_value(r)?;
        let created_by = if args.no_trunc || r.created_by.chars().count() <= 45 {
            r.created_by.clone()
        } else {
            r.created_by.chars().take(42).collect::<String>() + "..."
        };
        let created = match (r.created, args.human) {
            (Some(c), true) => format::ago(c, now),
            (Some(c), false) => c.to_rfc3339_opts(SecondsFormat::Secs, true),
            (None, _) => String::new(),
        };
        if let Value::Object(m) = &mut v {
            m.insert("ID".into(), json!(short(&r.id)));
            m.insert("Created".into(), json!(created));
            m.insert("CreatedBy".into(), json!(created_by));
            m.insert(
                "Size".into(),
                if args.human {
                    json!(format::human_size(r.size))
                } else {
                    json!(r.size.to_string())
                },
            );
            m.insert("Comment".into(), json!(r.comment));
            m.insert("Tags".into(), json!(r.tags));
        }
        view.push(v);
    }
    let spec = ListSpec {
        default: TABLE,
        headers: &[("CreatedBy", "CREATED BY")],
        noheading: false,
    };
    let out = format::render_list(args.format.as_deref(), &spec, &view, || {
        rows.iter()
            .map(|r| serde_json::to_value(r).unwrap_or_default())
            .collect()
    })?;
    format::print(&out)?;
    Ok(0)
}
