//! The exit file the monitor writes when the container's process ends.

use super::Dirs;
use chrono::DateTime;
use chrono::Utc;

/// The exit code the monitor wrote, and when.
pub fn read_exit_file(dirs: &Dirs) -> Option<(i64, DateTime<Utc>)> {
    let path = dirs.exit_file();
    let text = std::fs::read_to_string(&path).ok()?;
    let code = text.trim().parse::<i64>().ok()?;
    let when = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .map(DateTime::<Utc>::from)
        .unwrap_or_else(|_| Utc::now());
    Some((code, when))
}
