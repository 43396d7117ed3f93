//! `hutch logs`: reads the container's k8s-file log (no monitor needed, so it works after the
//! container and the CLI that ran it are gone); `-f` follows it until the container exits.

use crate::cli::LogsArgs;
use chrono::{DateTime, Utc};
use hutch_engine::container::{self, logs};
use std::io::{Read, Seek, SeekFrom, Write};
use std::time::Duration;

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
    let db = ctx.db()?;
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
        targets.push(container::lookup(&db, n).map_err(hutch_engine::EngineError::from)?);
    }
    if targets.is_empty() {
        anyhow::bail!("give at least one container name or ID");
    }
    let prefix = args.names || targets.len() > 1;
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    for c in &targets {
        let dirs = container::Dirs::new(&ctx.paths, &c.id);
        let path = dirs.log_path();
        let cfg = container::config_of(c).map_err(hutch_engine::EngineError::from)?;
        if cfg.log_driver != "k8s-file" {
            anyhow::bail!(
                "container {}: logs are not available with the {} log driver",
                c.name,
                cfg.log_driver
            );
        }
        let emit = |line: &logs::LogLine| {
            if since.is_some_and(|s| line.time < s) || until.is_some_and(|u| line.time > u) {
                return;
            }
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
            let r = if line.stream == "stderr" {
                stderr.lock().write_all(text.as_bytes())
            } else {
                stdout.lock().write_all(text.as_bytes())
            };
            let _ = r;
        };
        let mut file = match std::fs::File::open(&path) {
            Ok(f) => Some(f),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(anyhow::anyhow!("{}: {e}", path.display())),
        };
        let mut data = Vec::new();
        if let Some(f) = file.as_mut() {
            f.read_to_end(&mut data)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        }
        let (lines, used) = logs::parse(&data);
        let skip = if args.tail >= 0 {
            lines.len().saturating_sub(args.tail as usize)
        } else {
            0
        };
        for l in &lines[skip..] {
            emit(l);
        }
        let _ = stdout.lock().flush();
        if !args.follow {
            continue;
        }
        let mut pos = used as u64;
        loop {
            let running = match db.container(&c.id)? {
                Some(now) => {
                    let st = container::observe(&ctx.paths, &now).state;
                    st == container::RUNNING || st == container::PAUSED || st == container::CREATED
                }
                None => false,
            };
            if file.is_none() {
                file = std::fs::File::open(&path).ok();
            }
            let mut chunk = Vec::new();
            if let Some(f) = file.as_mut() {
                let len = f.metadata().map(|m| m.len()).unwrap_or(0);
                if len < pos {
                    // Rotated: start over in the new file.
                    file = std::fs::File::open(&path).ok();
                    pos = 0;
                    continue;
                }
                f.seek(SeekFrom::Start(pos))?;
                f.read_to_end(&mut chunk)?;
            }
            let (lines, used) = logs::parse(&chunk);
            for l in &lines {
                emit(l);
            }
            let _ = stdout.lock().flush();
            pos += used as u64;
            if !running && lines.is_empty() {
                break;
            }
            if lines.is_empty() {
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }
    Ok(0)
}
