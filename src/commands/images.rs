//! `hutch images` / `hutch image ls`: one row per image name, podman's table and JSON.

use crate::cli::ImagesArgs;
use crate::format::{self, ListSpec};
use chrono::Utc;
use hutch_engine::images;
use serde_json::{json, Value};

const TABLE: &str = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.Created}}\t{{.Size}}";
const TABLE_DIGESTS: &str =
    "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.Created}}\t{{.Size}}";
pub const HEADERS: &[(&str, &str)] = &[
    ("ID", "IMAGE ID"),
    ("Created", "CREATED"),
    ("CreatedSince", "CREATED"),
    ("CreatedAt", "CREATED AT"),
    ("ReadOnly", "R/O"),
];

pub fn run(ctx: &super::Ctx, args: ImagesArgs) -> anyhow::Result<i32> {
    let mut filters = args.filter.clone();
    if let Some(r) = &args.reference {
        filters.push(format!("reference={r}"));
    }
    let filters =
        hutch_engine::filters::images(&filters).map_err(hutch_engine::EngineError::from)?;
    let eng = ctx.engine()?;
    let db = eng.db();
    let mut list = images::list(db, &filters)?;
    if !args.all {
        // As podman: the step images a build keeps for its cache stay out of sight.
        let hidden = images::intermediate_ids(&db.images()?);
        list.retain(|i| !hidden.contains(&i.id));
    }
    let in_use = images::images_in_use(db)?;

    if args.quiet {
        let mut seen = std::collections::HashSet::new();
        let mut out = String::new();
        for img in &list {
            if seen.insert(&img.id) {
                out.push_str(&id(&img.id, args.no_trunc));
                out.push('\n');
            }
        }
        return format::print(&out).map(|()| 0);
    }

    let now = Utc::now();
    let mut rows = Vec::new();
    let mut summaries = Vec::new();
    for img in &list {
        let containers = i64::from(in_use.contains(&img.id));
        let summary = images::summary(img, containers)?;
        let base = serde_json::to_value(&summary)?;
        let names: Vec<(String, String)> = if img.names.is_empty() {
            vec![("<none>".into(), "<none>".into())]
        } else {
            img.names
                .iter()
                .map(|n| {
                    let (repo, tag) = images::split_name(n);
                    let tag = if tag.is_empty() { "<none>" } else { tag };
                    (repo.to_string(), tag.to_string())
                })
                .collect()
        };
        for (repo, tag) in names {
            let mut row = base.clone();
            if let Value::Object(m) = &mut row {
                for (k, v) in [
                    ("Repository", json!(repo)),
                    ("Tag", json!(tag)),
                    ("ID", json!(id(&img.id, args.no_trunc))),
                    ("Digest", json!(img.digest)),
                    ("Created", json!(format::ago(img.created, now))),
                    ("CreatedSince", json!(format::ago(img.created, now))),
                    ("CreatedAt", json!(img.created.to_string())),
                    ("CreatedTime", json!(img.created.to_string())),
                    ("Size", json!(format::human_size(img.size))),
                    ("ReadOnly", json!(false)),
                    ("Dangling", json!(img.names.is_empty())),
                ] {
                    m.insert(k.to_string(), v);
                }
            }
            rows.push(row);
        }
        summaries.push(base);
    }
    let spec = ListSpec {
        default: if args.digests { TABLE_DIGESTS } else { TABLE },
        headers: HEADERS,
        noheading: args.noheading,
    };
    let out = format::render_list(args.format.as_deref(), &spec, &rows, || summaries)?;
    format::print(&out)?;
    Ok(0)
}

fn id(id: &str, no_trunc: bool) -> String {
    if no_trunc {
        format!("sha256:{id}")
    } else {
        format::short_id(id)
    }
}
