//! Reading a container's log in the k8s-file format the monitor writes:
//! `2026-11-23T04:26:11.123456789+00:00 stdout F text` (`P` marks a partial line whose rest
//! follows in the next record).

use chrono::{DateTime, Utc};

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
}
