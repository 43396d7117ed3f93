//! Reading containers' logs in the k8s-file format the monitor writes:
//! `2026-11-23T04:26:11.123456789+00:00 stdout F text` (`P` marks a partial line whose rest
//! follows in the next record), and following them while the containers run.

use super::{ContainerError, Dirs};
use crate::Paths;
use chrono::{DateTime, Utc};
use hutch_state::{Container, Db};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq)]
pub struct LogLine {
    pub time: DateTime<Utc>,
    /// "stdout" or "stderr".
    pub stream: String,
    /// The text, with its newline when the record ended the line.
    pub text: String,
}

/// Parses whole records from `data`, joining partial (`P`) records into their line. Returns the
/// lines and how many bytes were consumed (a trailing incomplete record is left for later).
pub fn parse(data: &[u8]) -> (Vec<LogLine>, usize) {
    let mut out: Vec<LogLine> = Vec::new();
    let mut pending: Option<LogLine> = None;
    let mut consumed = 0;
    let mut start = 0;
    while let Some(nl) = data[start..].iter().position(|b| *b == b'\n') {
        let rec = &data[start..start + nl];
        start += nl + 1;
        let text = String::from_utf8_lossy(rec);
        let mut parts = text.splitn(4, ' ');
        let (Some(ts), Some(stream), Some(tag)) = (parts.next(), parts.next(), parts.next()) else {
            consumed = start;
            continue;
        };
        let body = parts.next().unwrap_or("");
        let Ok(time) = DateTime::parse_from_rfc3339(ts) else {
            consumed = start;
            continue;
        };
        let time = time.with_timezone(&Utc);
        match pending.as_mut() {
            Some(p) if p.stream == stream => p.text.push_str(body),
            _ => {
                if let Some(p) = pending.take() {
                    out.push(p);
                }
                pending = Some(LogLine {
                    time,
                    stream: stream.to_string(),
                    text: body.to_string(),
                });
            }
        }
        if tag != "P" {
            let mut p = pending.take().expect("set above");
            p.text.push('\n');
            out.push(p);
            consumed = start;
        }
    }
    // A partial line whose end is not written yet stays unconsumed for the next read.
    (out, consumed)
}

/// What `read` delivers.
#[derive(Debug, Clone, Default)]
pub struct LogQuery {
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    /// Only the last N lines of what is logged already.
    pub tail: Option<usize>,
    /// Go on with new lines until the containers exit.
    pub follow: bool,
    /// Set by the front end when its reader went away: following stops.
    pub stop: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

#[derive(Debug, thiserror::Error)]
pub enum LogsError {
    #[error("container {name}: logs are not available with the {driver} log driver")]
    Driver { name: String, driver: String },
    #[error(transparent)]
    Container(#[from] ContainerError),
}

impl From<hutch_state::StateError> for LogsError {
    fn from(e: hutch_state::StateError) -> Self {
        LogsError::Container(e.into())
    }
}

/// One container's log as it is being read.
struct Reader<'a> {
    container: &'a Container,
    path: PathBuf,
    file: Option<File>,
    pos: u64,
    done: bool,
}

impl Reader<'_> {
    /// The records written since the last read (none yet when the log does not exist).
    fn read_new(&mut self) -> Result<Vec<LogLine>, ContainerError> {
        let io = |e| ContainerError::io(&self.path, e);
        if self.file.is_none() {
            self.file = match File::open(&self.path) {
                Ok(f) => Some(f),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => return Err(io(e)),
            };
        }
        let Some(f) = self.file.as_mut() else {
            return Ok(Vec::new());
        };
        let len = f.metadata().map(|m| m.len()).unwrap_or(0);
        if len < self.pos {
            // Rotated: start over in the new file.
            self.file = File::open(&self.path).ok();
            self.pos = 0;
            return self.read_new();
        }
        let mut chunk = Vec::new();
        f.seek(SeekFrom::Start(self.pos)).map_err(io)?;
        f.read_to_end(&mut chunk).map_err(io)?;
        let (lines, used) = parse(&chunk);
        self.pos += used as u64;
        Ok(lines)
    }
}

/// How often a followed log is looked at for new lines.
const POLL: Duration = Duration::from_millis(100);

/// Hands the log lines of `containers` to `sink`: each container's lines so far in turn, then,
/// with `follow`, new lines of all of them as they come, until every one has exited or `sink`
/// breaks.
pub fn read(
    paths: &Paths,
    db: &Db,
    containers: &[Container],
    q: &LogQuery,
    mut sink: impl FnMut(&Container, &LogLine) -> ControlFlow<()>,
) -> Result<(), LogsError> {
    let wanted =
        |l: &LogLine| !(q.since.is_some_and(|s| l.time < s) || q.until.is_some_and(|u| l.time > u));
    let mut readers = Vec::new();
    for c in containers {
        let cfg = super::config_of(c)?;
        if cfg.log_driver != "k8s-file" {
            return Err(LogsError::Driver {
                name: c.name.clone(),
                driver: cfg.log_driver,
            });
        }
        let mut r = Reader {
            container: c,
            path: Dirs::new(paths, &c.id).log_path(),
            file: None,
            pos: 0,
            done: false,
        };
        let lines = r.read_new()?;
        let skip = q.tail.map_or(0, |n| lines.len().saturating_sub(n));
        for l in lines[skip..].iter().filter(|l| wanted(l)) {
            if sink(c, l).is_break() {
                return Ok(());
            }
        }
        readers.push(r);
    }
    if !q.follow {
        return Ok(());
    }
    // One loop over every log: `logs -f a b` shows both as they are written.
    let stopped = || {
        q.stop
            .as_ref()
            .is_some_and(|s| s.load(std::sync::atomic::Ordering::Relaxed))
    };
    while readers.iter().any(|r| !r.done) && !stopped() {
        let mut quiet = true;
        for r in readers.iter_mut().filter(|r| !r.done) {
            // Whether it runs is read before the log, so no line written before it exited
            // is missed.
            let running = match db.container(&r.container.id)? {
                Some(now) => {
                    let st = super::observe(paths, &now).state;
                    st == super::RUNNING || st == super::PAUSED || st == super::CREATED
                }
                None => false,
            };
            let lines = r.read_new()?;
            if lines.is_empty() {
                r.done = !running;
                continue;
            }
            quiet = false;
            for l in lines.iter().filter(|l| wanted(l)) {
                if sink(r.container, l).is_break() {
                    return Ok(());
                }
            }
        }
        if quiet {
            std::thread::sleep(POLL);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_and_partial_records() {
        let data = b"2026-11-23T04:26:11.123456789+00:00 stdout F hello\n\
2026-11-23T04:26:12.000000000+00:00 stderr P par\n\
2026-11-23T04:26:12.100000000+00:00 stderr F tial\n\
2026-11-23T04:26:13.000000000+00:00 stdout P not yet";
        let (lines, used) = parse(data);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, "hello\n");
        assert_eq!(lines[1].stream, "stderr");
        assert_eq!(lines[1].text, "partial\n");
        assert!(used < data.len());
    }

    fn container(paths: &Paths, name: &str, driver: &str) -> Container {
        let cfg = super::super::ContainerConfig {
            log_driver: driver.into(),
            ..Default::default()
        };
        let c = crate::container::fixtures::container(name, &cfg);
        let log = Dirs::new(paths, &c.id).log_path();
        std::fs::create_dir_all(log.parent().unwrap()).unwrap();
        let mut text = String::new();
        for (i, stream) in ["stdout", "stderr", "stdout"].iter().enumerate() {
            text.push_str(&format!(
                "2026-11-23T04:26:1{i}.000000000+00:00 {stream} F {name}{i}\n"
            ));
        }
        std::fs::write(log, text).unwrap();
        c
    }

    #[test]
    fn read_delivers_each_log_with_tail_and_since() {
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::container::fixtures::paths(dir.path());
        let db = Db::open(&dir.path().join("db")).unwrap();
        let cs = [
            container(&paths, "a", "k8s-file"),
            container(&paths, "b", "k8s-file"),
        ];
        let mut seen = Vec::new();
        let q = LogQuery {
            tail: Some(2),
            since: Some("2026-11-23T04:26:12Z".parse().unwrap()),
            // Follows nothing: neither container is in the database, so neither runs.
            follow: true,
            ..Default::default()
        };
        read(&paths, &db, &cs, &q, |c, l| {
            seen.push(format!("{} {} {}", c.name, l.stream, l.text.trim_end()));
            ControlFlow::Continue(())
        })
        .unwrap();
        assert_eq!(seen, ["a stdout a2", "b stdout b2"]);
        let mut n = 0;
        read(&paths, &db, &cs, &LogQuery::default(), |_, _| {
            n += 1;
            ControlFlow::Break(())
        })
        .unwrap();
        assert_eq!(n, 1);
        let none = [container(&paths, "c", "none")];
        let e = read(&paths, &db, &none, &LogQuery::default(), |_, _| {
            ControlFlow::Continue(())
        })
        .unwrap_err();
        assert!(e.to_string().contains("log driver"), "{e}");
    }
}
