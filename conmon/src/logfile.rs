//! The container log in podman's k8s-file format: one record per line,
//! `2026-11-23T04:26:11.123456789+00:00 stdout F text` — `F` for a full line, `P` for a piece of
//! a line whose newline has not come yet. Rotation renames the file to `<path>.1`.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout = 1,
    Stderr = 2,
}

impl Stream {
    fn name(self) -> &'static [u8] {
        match self {
            Stream::Stdout => b"stdout",
            Stream::Stderr => b"stderr",
        }
    }
}

pub struct LogFile {
    path: PathBuf,
    file: Option<File>,
    size: u64,
    max: u64,
    scratch: Vec<u8>,
}

fn open(path: &std::path::Path) -> io::Result<File> {
    OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o600)
        .open(path)
}

impl LogFile {
    /// Opens (appending to) the log at `path`; `max` > 0 rotates it when a write would pass it.
    pub fn open(path: PathBuf, max: u64) -> io::Result<LogFile> {
        let file = open(&path)?;
        let size = file.metadata()?.len();
        Ok(LogFile {
            path,
            file: Some(file),
            size,
            max,
            scratch: Vec::new(),
        })
    }

    /// A log that discards everything (`--log-driver none` and `passthrough`).
    pub fn discard() -> LogFile {
        LogFile {
            path: PathBuf::new(),
            file: None,
            size: 0,
            max: 0,
            scratch: Vec::new(),
        }
    }

    /// Reopens the file at its path (after someone moved or truncated it).
    pub fn reopen(&mut self) -> io::Result<()> {
        if self.file.is_some() {
            let file = open(&self.path)?;
            self.size = file.metadata()?.len();
            self.file = Some(file);
        }
        Ok(())
    }

    /// Writes one chunk the container produced as one or more records, all with the same time.
    /// With a size limit, the file is rotated before the record that would pass it.
    pub fn write(&mut self, stream: Stream, data: &[u8]) -> io::Result<()> {
        if self.file.is_none() || data.is_empty() {
            return Ok(());
        }
        let mut stamp = [0u8; 35];
        format_timestamp(SystemTime::now(), &mut stamp);
        self.scratch.clear();
        for (line, full) in Lines(data) {
            let len = record_len(&stamp, stream, line);
            let pending = self.size + self.scratch.len() as u64;
            if self.max > 0 && pending > 0 && pending + len as u64 > self.max {
                self.flush_scratch()?;
                self.rotate()?;
            }
            format_record(&mut self.scratch, &stamp, stream, line, full);
        }
        self.flush_scratch()?;
        // A long burst must not leave a big buffer behind for the container's whole life.
        if self.scratch.capacity() > 64 * 1024 {
            self.scratch = Vec::new();
        }
        Ok(())
    }

    fn flush_scratch(&mut self) -> io::Result<()> {
        if let Some(f) = self.file.as_mut() {
            f.write_all(&self.scratch)?;
            self.size += self.scratch.len() as u64;
        }
        self.scratch.clear();
        Ok(())
    }

    fn rotate(&mut self) -> io::Result<()> {
        let mut old = self.path.clone().into_os_string();
        old.push(".1");
        std::fs::rename(&self.path, &old)?;
        let file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&self.path)?;
        self.file = Some(file);
        self.size = 0;
        Ok(())
    }
}

/// The lines of a chunk: (text without its newline, whether the newline was there).
struct Lines<'a>(&'a [u8]);

impl<'a> Iterator for Lines<'a> {
    type Item = (&'a [u8], bool);
    fn next(&mut self) -> Option<Self::Item> {
        if self.0.is_empty() {
            return None;
        }
        Some(match self.0.iter().position(|&b| b == b'\n') {
            Some(i) => {
                let line = &self.0[..i];
                self.0 = &self.0[i + 1..];
                (line, true)
            }
            None => (std::mem::take(&mut self.0), false),
        })
    }
}

fn record_len(stamp: &[u8], stream: Stream, line: &[u8]) -> usize {
    stamp.len() + 1 + stream.name().len() + 3 + line.len() + 1
}

/// Appends one k8s-file record to `out`.
fn format_record(out: &mut Vec<u8>, stamp: &[u8], stream: Stream, line: &[u8], full: bool) {
    out.extend_from_slice(stamp);
    out.push(b' ');
    out.extend_from_slice(stream.name());
    out.extend_from_slice(if full { b" F " } else { b" P " });
    out.extend_from_slice(line);
    out.push(b'\n');
}

/// `YYYY-MM-DDTHH:MM:SS.nnnnnnnnn+00:00` (RFC 3339 in UTC, nanoseconds), into exactly 35 bytes.
pub fn format_timestamp(t: SystemTime, out: &mut [u8; 35]) {
    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = d.as_secs();
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, day) = civil_from_days(days);
    let mut w = Cursor { buf: out, pos: 0 };
    w.num(y as u64, 4);
    w.byte(b'-');
    w.num(m as u64, 2);
    w.byte(b'-');
    w.num(day as u64, 2);
    w.byte(b'T');
    w.num(rem / 3600, 2);
    w.byte(b':');
    w.num(rem % 3600 / 60, 2);
    w.byte(b':');
    w.num(rem % 60, 2);
    w.byte(b'.');
    w.num(d.subsec_nanos() as u64, 9);
    for &b in b"+00:00" {
        w.byte(b);
    }
}

struct Cursor<'a> {
    buf: &'a mut [u8; 35],
    pos: usize,
}

impl Cursor<'_> {
    fn byte(&mut self, b: u8) {
        self.buf[self.pos] = b;
        self.pos += 1;
    }
    fn num(&mut self, mut v: u64, width: usize) {
        for i in (0..width).rev() {
            self.buf[self.pos + i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
        self.pos += width;
    }
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar
/// (H. Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn stamp(secs: u64, nanos: u32) -> String {
        let mut out = [0u8; 35];
        format_timestamp(UNIX_EPOCH + Duration::new(secs, nanos), &mut out);
        String::from_utf8(out.to_vec()).unwrap()
    }

    #[test]
    fn timestamps_are_rfc3339_nano_utc() {
        assert_eq!(stamp(0, 0), "1970-01-01T00:00:00.000000000+00:00");
        // 2000-02-29 (a leap day in a century leap year) 23:59:59.
        assert_eq!(stamp(951_868_799, 5), "2000-02-29T23:59:59.000000005+00:00");
        assert_eq!(
            stamp(1_795_407_971, 123_456_789),
            "2026-11-23T04:26:11.123456789+00:00"
        );
    }

    #[test]
    fn full_and_partial_lines() {
        let mut out = Vec::new();
        for (stream, chunk) in [
            (Stream::Stdout, &b"one\ntwo\nthr"[..]),
            (Stream::Stderr, &b"ee\n\n"[..]),
        ] {
            for (line, full) in Lines(chunk) {
                let before = out.len();
                format_record(&mut out, b"T", stream, line, full);
                assert_eq!(out.len() - before, record_len(b"T", stream, line));
            }
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "T stdout F one\nT stdout F two\nT stdout P thr\nT stderr F ee\nT stderr F \n"
        );
    }

    #[test]
    fn rotates_to_dot_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ctr.log");
        let mut log = LogFile::open(path.clone(), 100).unwrap();
        log.write(Stream::Stdout, b"first line\n").unwrap();
        // One chunk of two records: rotation happens between them.
        log.write(Stream::Stdout, b"second line\nthird line\n")
            .unwrap();
        let now = std::fs::read_to_string(&path).unwrap();
        let old = std::fs::read_to_string(dir.path().join("ctr.log.1")).unwrap();
        assert!(
            now.ends_with(" stdout F third line\n") && now.lines().count() == 1,
            "{now}"
        );
        assert!(old.ends_with(" stdout F second line\n"), "{old}");
    }
}
