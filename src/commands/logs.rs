//! `hutch logs`: renders the lines the engine's `logs::read` delivers from the containers'
//! k8s-file logs (no monitor needed, so it works after the container and the CLI that ran it
//! are gone); `-f` follows them until the containers exit.

use crate::cli::LogsArgs;
use chrono::{DateTime, Utc};
use hutch_engine::container::{self, logs};
use hutch_engine::EngineError;
use std::io::Write;
use std::ops::ControlFlow;

/// RFC 3339, Unix seconds (with fraction), or a duration before now (`10m`, `1h30m`, `5s`).
pub fn parse_time(flag: &str, s: &str) -> anyhow::Result<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    if let Ok(f) = s.parse::<f64>() {
        let secs = f.trunc() as i64;
        let nanos = ((f - f.trunc()) * 1e9) as u32;
        return DateTime::from_timestamp(secs, nanos)
            .ok_or_else(|| anyhow::anyhow!("invalid {flag} {s:?}"));
    }
    let mut total = 0f64;
    let mut num = String::new();
    for ch in s.chars() {
        if ch.is_ascii_digit() || ch == '.' {
            num.push(ch);
            continue;
        }
        let n: f64 = num.parse().map_err(|_| {
            anyhow::anyhow!("invalid {flag} {s:?}: expected a time or a duration like 10m")
        })?;
        num.clear();
        total += n * match ch {
            'h' => 3600.0,
            'm' => 60.0,
            's' => 1.0,
            _ => anyhow::bail!("invalid {flag} {s:?}: expected a time or a duration like 10m"),
        };
    }
    if !num.is_empty() {
        anyhow::bail!("invalid {flag} {s:?}: a duration needs a unit (h, m, s)");
    }
    Ok(Utc::now() - chrono::Duration::milliseconds((total * 1000.0) as i64))
}

pub fn run(ctx: &super::Ctx, args: LogsArgs) -> anyhow::Result<i32> {
    let since = args
        .since
        .as_deref()
        .map(|s| parse_time("--since", s))
        .transpose()?;
    let until = args
        .until
        .as_deref()
        .map(|s| parse_time("--until", s))
        .transpose()?;
    let eng = ctx.engine()?;
    let db = eng.db();
    let mut targets = Vec::new();
    if args.latest {
        let c = db
            .containers()?
            .into_iter()
            .next()
            .ok_or_else(|| anyhow::anyhow!("no containers to show logs of"))?;
        targets.push(c);
    }
    for n in &args.containers {
        targets.push(container::lookup(db, n).map_err(EngineError::from)?);
    }
    if targets.is_empty() {
        anyhow::bail!("give at least one container name or ID");
    }
    let prefix = args.names || targets.len() > 1;
    let query = logs::LogQuery {
        since,
        until,
        tail: usize::try_from(args.tail).ok(),
        follow: args.follow,
        stop: None,
    };
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let shown = logs::read(&ctx.paths, db, &targets, &query, |c, line| {
        let mut text = String::new();
        if prefix {
            text.push_str(&c.id[..12]);
            text.push(' ');
        }
        if args.timestamps {
            text.push_str(
                &line
                    .time
                    .to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
            );
            text.push(' ');
        }
        text.push_str(&line.text);
        // Like podman, a closed reader does not stop a follower; it ends with the container.
        let _ = if line.stream == "stderr" {
            stderr.lock().write_all(text.as_bytes())
        } else {
            stdout.lock().write_all(text.as_bytes())
        };
        ControlFlow::Continue(())
    });
    let _ = stdout.lock().flush();
    shown.map_err(EngineError::from)?;
    Ok(0)
}
