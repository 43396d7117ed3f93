//! `hutch events`: the event log hutch keeps in its database (container lifecycle, image
//! pulls, tags and removals), filtered, and with `--stream` followed as other hutch processes
//! add to it (a cheap indexed query a few times a second).

use crate::cli::EventsArgs;
use chrono::{DateTime, Utc};
use hutch_state::Event;
use serde_json::{json, Value};
use std::io::Write;

const FILTER_KEYS: &[&str] = &["type", "event", "status", "container", "image", "label"];

struct Filters(Vec<(String, String)>);

impl Filters {
    fn parse(raw: &[String]) -> anyhow::Result<Filters> {
        let mut v = Vec::new();
        for f in raw {
            let (k, val) = f
                .split_once('=')
                .ok_or_else(|| anyhow::anyhow!("invalid filter {f:?}: expected KEY=VALUE"))?;
            if !FILTER_KEYS.contains(&k) {
                anyhow::bail!(
                    "invalid filter {f:?}: supported keys are {}",
                    FILTER_KEYS.join(", ")
                );
            }
            let k = if k == "status" { "event" } else { k };
            v.push((k.to_string(), val.to_string()));
        }
        Ok(Filters(v))
    }

    /// Values of one key are ORed, different keys ANDed (podman's rule).
    fn matches(&self, ev: &Event, attrs: &Value) -> bool {
        let mut keys: Vec<&str> = self.0.iter().map(|(k, _)| k.as_str()).collect();
        keys.dedup();
        keys.iter().all(|key| {
            self.0
                .iter()
                .filter(|(k, _)| k == key)
                .any(|(_, v)| one(key, v, ev, attrs))
        })
    }
}

fn one(key: &str, v: &str, ev: &Event, attrs: &Value) -> bool {
    let attr = |k: &str| attrs.get(k).and_then(Value::as_str).unwrap_or("");
    let names_image = |name: &str| {
        !name.is_empty()
            && (name == v
                || name.ends_with(&format!("/{v}"))
                || name.ends_with(&format!("/{v}:latest"))
                || name == format!("{v}:latest"))
    };
    match key {
        "type" => ev.kind == v,
        "event" => ev.action == v,
        "container" => ev.kind == "container" && (ev.name == v || ev.id.starts_with(v)),
        "image" => {
            if ev.kind == "image" {
                ev.id.starts_with(v) || names_image(&ev.name)
            } else {
                names_image(attr("image"))
            }
        }
        "label" => {
            let (k, val) = v.split_once('=').unwrap_or((v, ""));
            attrs
                .get(k)
                .and_then(Value::as_str)
                .is_some_and(|x| val.is_empty() || x == val)
        }
        _ => false,
    }
}

fn view(ev: &Event, attrs: &Value) -> Value {
    let image = if ev.kind == "image" {
        ev.name.clone()
    } else {
        attrs
            .get("image")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let mut v = json!({
        "ID": ev.id,
        "Image": image,
        "Name": ev.name,
        "Status": ev.action,
        "Time": ev.time.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        "Type": ev.kind,
        "Attributes": attrs,
        "timeNano": ev.time.timestamp_nanos_opt().unwrap_or(0),
    });
    if let Some(code) = attrs.get("containerExitCode") {
        v["ContainerExitCode"] = code.clone();
    }
    v
}

/// Podman's default line: `TIME TYPE STATUS ID (image=..., name=..., ...)` for containers,
/// `TIME image STATUS ID NAME` for images.
fn line(ev: &Event, attrs: &Value) -> String {
    let time = ev.time.format("%Y-%m-%d %H:%M:%S%.9f +0000 UTC");
    if ev.kind == "image" {
        return format!("{time} image {} {} {}", ev.action, ev.id, ev.name);
    }
    let mut parts = Vec::new();
    let s = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    for k in ["image", "name"] {
        if let Some(v) = attrs.get(k) {
            parts.push(format!("{k}={}", s(v)));
        }
    }
    if let Some(m) = attrs.as_object() {
        for (k, v) in m {
            if k != "image" && k != "name" {
                parts.push(format!("{k}={}", s(v)));
            }
        }
    }
    format!(
        "{time} {} {} {} ({})",
        ev.kind,
        ev.action,
        ev.id,
        parts.join(", ")
    )
}

pub fn run(ctx: &super::Ctx, args: EventsArgs) -> anyhow::Result<i32> {
    let filters = Filters::parse(&args.filter)?;
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
    let stream = args.stream.unwrap_or(until.is_none());
    let template = match args.format.as_deref() {
        Some(f) if !crate::format::is_json(f) => Some(crate::format::Template::parse(
            &f.replace("\\t", "\t").replace("\\n", "\n"),
        )?),
        _ => None,
    };
    let json = args.format.as_deref().is_some_and(crate::format::is_json);
    let db = ctx.db()?;
    let mut after = 0i64;
    let mut out = std::io::stdout().lock();
    loop {
        for ev in db.events(after)? {
            after = ev.seq;
            if since.is_some_and(|s| ev.time < s) {
                continue;
            }
            if until.is_some_and(|u| ev.time > u) {
                continue;
            }
            let attrs: Value = serde_json::from_str(&ev.attributes).unwrap_or(json!({}));
            if !filters.matches(&ev, &attrs) {
                continue;
            }
            let text = if json {
                view(&ev, &attrs).to_string()
            } else if let Some(t) = &template {
                let mut s = t.render(&view(&ev, &attrs))?;
                if s.ends_with('\n') {
                    s.pop();
                }
                s
            } else {
                line(&ev, &attrs)
            };
            // A closed reader (`| head`) ends the stream quietly.
            if writeln!(out, "{text}").and_then(|_| out.flush()).is_err() {
                return Ok(0);
            }
        }
        if !stream || until.is_some_and(|u| Utc::now() > u) {
            return Ok(0);
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}
