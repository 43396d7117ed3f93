//! `hutch events`: renders the event log hutch keeps in its database (container lifecycle,
//! image pulls, tags and removals) as the engine's `events::follow` delivers it.

use crate::cli::EventsArgs;
use chrono::{DateTime, Utc};
use hutch_engine::{events, filters, EngineError, Event};
use serde_json::{json, Value};
use std::io::Write;
use std::ops::ControlFlow;

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
    if let Some(h) = attrs.get("health_status") {
        v["HealthStatus"] = h.clone();
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
    if !ctx.paths.settings.events_recorded() {
        anyhow::bail!("cannot read events with the \"none\" backend");
    }
    let filters = filters::events(&args.filter).map_err(EngineError::from)?;
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
    let template = match args.format.as_deref() {
        Some(f) if !crate::format::is_json(f) => Some(crate::format::Template::parse(
            &f.replace("\\t", "\t").replace("\\n", "\n"),
        )?),
        _ => None,
    };
    let json = args.format.as_deref().is_some_and(crate::format::is_json);
    let query = events::EventQuery {
        filters,
        since,
        until,
        stream: args.stream,
    };
    let eng = ctx.engine()?;
    let db = eng.db();
    let mut out = std::io::stdout().lock();
    events::follow(db, &query, |ev, attrs| -> anyhow::Result<ControlFlow<()>> {
        let text = if json {
            view(ev, attrs).to_string()
        } else if let Some(t) = &template {
            let mut s = t.render(&view(ev, attrs))?;
            if s.ends_with('\n') {
                s.pop();
            }
            s
        } else {
            line(ev, attrs)
        };
        // A closed reader (`| head`) ends the stream quietly.
        if writeln!(out, "{text}").and_then(|_| out.flush()).is_err() {
            return Ok(ControlFlow::Break(()));
        }
        Ok(ControlFlow::Continue(()))
    })?;
    Ok(0)
}
