//! The runtime's own messages, as runc writes them: logrus text lines
//! (`time="..." level=error msg="..."`) on stderr, or to `--log` in text or JSON
//! (`{"level":"error","msg":"...","time":"..."}`); the monitor and podman's conmon parse both.

use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

struct Config {
    path: Option<PathBuf>,
    format: Format,
    debug: bool,
}

static CONFIG: OnceLock<Config> = OnceLock::new();

pub fn init(path: Option<PathBuf>, format: Format, debug: bool) {
    let _ = CONFIG.set(Config {
        path,
        format,
        debug,
    });
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
}

fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn line(level: &str, msg: &str, format: Format) -> String {
    match format {
        Format::Text => format!("time={} level={level} msg={}\n", quote(&now()), quote(msg)),
        Format::Json => format!(
            "{}\n",
            serde_json::json!({"level": level, "msg": msg, "time": now()})
        ),
    }
}

fn write(level: &str, msg: &str) {
    let cfg = CONFIG.get();
    match cfg.and_then(|c| c.path.as_ref().map(|p| (p, c.format))) {
        Some((path, format)) => {
            if let Ok(mut f) = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
            {
                let _ = f.write_all(line(level, msg, format).as_bytes());
            }
            // As runc: the error also goes to stderr, plainly, for whoever watches it.
            if level == "error" {
                let _ = writeln!(std::io::stderr(), "{msg}");
            }
        }
        None => {
            let format = cfg.map(|c| c.format).unwrap_or(Format::Text);
            let _ = std::io::stderr().write_all(line(level, msg, format).as_bytes());
        }
    }
}

pub fn error(msg: &str) {
    write("error", msg);
}

pub fn warn(msg: &str) {
    write("warning", msg);
}

pub fn debug(msg: &str) {
    if CONFIG.get().is_some_and(|c| c.debug) {
        write("debug", msg);
    }
}
