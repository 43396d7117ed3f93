//! `hutch events`: the event log other hutch processes write to the database, filtered, and
//! with `--stream` (the default) followed as new events arrive.

use crate::cli::EventsArgs;
use chrono::{DateTime, Utc};
use hutch_state::Event;
use serde_json::{json, Value};
use std::time::Duration;

fn view(e: &Event) -> Value {
    let attrs: Value = serde_json::from_str(&e.attributes).unwrap_or(json!({}));
    let image = attrs
        .get("image")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    json!({
        "ID": e.id,
        "Image": image,
        "Name": e.name,
        "Status": e.action,
        "Time": e.time.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        "timeNano": e.time.timestamp_nanos_opt().unwrap_or(0),
        "Type": e.kind,
        "Attributes": attrs,
    })
}

fn keep(filters: &[(String, String)], e: &Event, v: &Value) -> bool {
    let keys: std::collections::BTreeSet<&str> = filters.iter().map(|(k, _)| k.as_str()).collect();
    keys.into_iter().all(|key| {
        filters
            .iter()
            .filter(|(k, _)| k == key)
            .any(|(_, want)| match key {
                "container" => {
                    e.kind == "container" && (e.name == *want || e.id.starts_with(want.as_str()))
                }
                "event" | "status" => e.action == *want,
                "type" => e.kind == *want,
                "image" => v["Image"]
                    .as_str()
                    .is_some_and(|i| i == want || i.contains(want.as_str())),
                _ => false,
            })
    })
}

fn line(format: Option<&str>, e: &Event, v: &Value) -> anyhow::Result<String> {
    match format {
        Some(f) if crate::format::is_json(f) => Ok(format!("{}\n", serde_json::to_string(v)?)),
        Some(f) => crate::format::render_one(f, v),
        None => {
            let mut attrs: Vec<String> = v["Attributes"]
                .as_object()
                .map(|m| {
                    m.iter()
                        .map(|(k, x)| format!("{k}={}", crate::format::display(x)))
                        .collect()
                })
                .unwrap_or_default();
            attrs.sort();
            Ok(format!(
                "{} {} {} {} ({})\n",
                e.time.format("%Y-%m-%d %H:%M:%S%.9f %z UTC"),
                e.kind,
                e.action,
                e.id,
                attrs.join(", ")
            ))
        }
    }
}

pub fn run(ctx: &super::Ctx, args: EventsArgs) -> anyhow::Result<i32> {
    let mut filters = Vec::new();
    for f in &args.filter {
        let (k, v) = f
            .split_once('=')
            .ok_or_else(|| anyhow::anyhow!("invalid filter {f:?}: expected KEY=VALUE"))?;
        if !matches!(k, "container" | "event" | "status" | "type" | "image") {
            anyhow::bail!("invalid filter {k:?}: supported are container, event, type, image");
        }
        filters.push((k.to_string(), v.to_string()));
    }
    let since: Option<DateTime<Utc>> = args
        .since
        .as_deref()
        .map(|s| super::logs::parse_time("--since", s))
        .transpose()?;
    let until: Option<DateTime<Utc>> = args
        .until
        .as_deref()
        .map(|s| super::logs::parse_time("--until", s))
        .transpose()?;
    let db = ctx.db()?;
    let mut last = 0;
    loop {
        for e in db.events(last)? {
            last = e.seq;
            if since.is_some_and(|s| e.time < s) {
                continue;
            }
            if until.is_some_and(|u| e.time > u) {
                return Ok(0);
            }
            let v = view(&e);
            if keep(&filters, &e, &v) {
                crate::format::print(&line(args.format.as_deref(), &e, &v)?)?;
            }
        }
        if !args.stream || until.is_some_and(|u| Utc::now() > u) {
            return Ok(0);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
