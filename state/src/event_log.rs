//! containers.conf's `events_logfile_path`: besides the database (what `hutch events` reads),
//! every recorded event is appended to that file as one JSON line in podman's format, so tools
//! that tail podman's events.log work unchanged.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

static LOG_FILE: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Sets (or clears) the file this process appends its events to.
pub fn set_events_logfile(path: Option<PathBuf>) {
    *LOG_FILE.lock().unwrap_or_else(|e| e.into_inner()) = path;
}

/// Appends `ev` to the events log file when one is set; a failure is logged, never fatal to
/// the change the event describes.
pub(crate) fn append(time: &DateTime<Utc>, ev: &crate::NewEvent) {
    let Some(path) = LOG_FILE.lock().unwrap_or_else(|e| e.into_inner()).clone() else {
        return;
    };
    let mut line = line(time, ev).to_string();
    line.push('\n');
    let written = (|| {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // One write of a whole line in append mode: lines of concurrent hutch processes do
        // not interleave.
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)?
            .write_all(line.as_bytes())
    })();
    if let Err(e) = written {
        tracing::warn!("events log file {}: {e}", path.display());
    }
}

/// podman's line: ContainerExitCode (when not 0), ID, Image (containers), Name, Status, Time,
/// Type and the other attributes.
fn line(time: &DateTime<Utc>, ev: &crate::NewEvent) -> Value {
    let mut attrs: Map<String, Value> = serde_json::from_str(&ev.attributes).unwrap_or_default();
    let image = attrs.remove("image");
    attrs.remove("name");
    let mut m = Map::new();
    // podman leaves a zero exit code out.
    if let Some(code) = attrs
        .remove("containerExitCode")
        .filter(|c| c.as_i64() != Some(0))
    {
        m.insert("ContainerExitCode".into(), code);
    }
    if !ev.id.is_empty() {
        m.insert("ID".into(), ev.id.clone().into());
    }
    if let Some(image) = image.filter(|_| ev.kind == "container") {
        m.insert("Image".into(), image);
    }
    m.insert("Name".into(), ev.name.clone().into());
    m.insert("Status".into(), ev.action.clone().into());
    m.insert(
        "Time".into(),
        time.to_rfc3339_opts(SecondsFormat::AutoSi, true).into(),
    );
    m.insert("Type".into(), ev.kind.clone().into());
    m.insert("Attributes".into(), Value::Object(attrs));
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_container_event_is_podmans_line() {
        let ev = crate::NewEvent {
            kind: "container".into(),
            action: "start".into(),
            id: "abc".into(),
            name: "web".into(),
            attributes:
                r#"{"image":"localhost/bb:latest","name":"web","app":"x","containerExitCode":3}"#
                    .into(),
        };
        let t = DateTime::parse_from_rfc3339("2026-01-02T03:04:05.5Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            line(&t, &ev),
            serde_json::json!({"ContainerExitCode": 3, "ID": "abc", "Image": "localhost/bb:latest", "Name": "web",
                "Status": "start", "Time": "2026-01-02T03:04:05.500Z", "Type": "container",
                "Attributes": {"app": "x"}})
        );
    }
}
