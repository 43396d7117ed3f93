//! Human-readable numbers as podman prints them: SI sizes (`4.87 MB`), go-units durations
//! (`About an hour`), and 12-character image IDs.

/// `4.87 MB`, `1.2 kB`, `123 B`: SI units, three significant digits (podman's image sizes).
pub fn human_size(bytes: i64) -> String {
    human_size_with(bytes, 3, " ")
}

/// `76.32MB`: four significant digits and no space (podman's `image tree`).
pub fn human_size_compact(bytes: i64) -> String {
    human_size_with(bytes, 4, "")
}

/// `1.5MiB`: four significant digits, powers of 1024 (go-units' `BytesSize`, podman's
/// `stats` `MemUsageBytes`).
pub fn human_size_binary(bytes: i64) -> String {
    const UNITS: [&str; 9] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"];
    scaled(bytes, 4, "", 1024.0, &UNITS)
}

fn human_size_with(bytes: i64, precision: usize, sep: &str) -> String {
    const UNITS: [&str; 9] = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
    scaled(bytes, precision, sep, 1000.0, &UNITS)
}

fn scaled(bytes: i64, precision: usize, sep: &str, base: f64, units: &[&str]) -> String {
    let mut value = bytes.max(0) as f64;
    let mut unit = 0;
    while value >= base && unit + 1 < units.len() {
        value /= base;
        unit += 1;
    }
    loop {
        let text = significant(value, precision);
        // 999.96 kB rounds to "1000": say 1 MB instead.
        if text.parse::<f64>().unwrap_or(0.0) >= base && unit + 1 < units.len() {
            value /= base;
            unit += 1;
            continue;
        }
        return format!("{text}{sep}{}", units[unit]);
    }
}

/// Formats `value` (0 <= value < 1000) with `precision` significant digits, trailing zeros
/// removed, like Go's `%.Ng` in that range.
fn significant(value: f64, precision: usize) -> String {
    let int_digits = if value < 1.0 {
        1
    } else {
        (value.log10().floor() as usize) + 1
    };
    let decimals = precision.saturating_sub(int_digits);
    let mut s = format!("{value:.decimals$}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    s
}

// One wording for durations, shared with the API service's container status.
pub use hutch_engine::container::list::{ago, human_duration};

/// A time as Go prints a `time.Time` in templates (`2026-12-07 13:30:16.839322288 +0000 UTC`),
/// which podman's `CreatedAt` and `Created` fields show; trailing zeros of the fraction dropped.
pub fn go_time(t: chrono::DateTime<chrono::Utc>) -> String {
    let frac = format!("{:09}", t.timestamp_subsec_nanos());
    let frac = frac.trim_end_matches('0');
    let dot = if frac.is_empty() { "" } else { "." };
    format!("{}{dot}{frac} +0000 UTC", t.format("%Y-%m-%d %H:%M:%S"))
}

/// Truncates an image ID (with or without `sha256:`) to podman's 12 characters.
pub fn short_id(id: &str) -> String {
    let id = id.strip_prefix("sha256:").unwrap_or(id);
    id.chars().take(12).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_like_podman() {
        assert_eq!(human_size(0), "0 B");
        assert_eq!(human_size(123), "123 B");
        assert_eq!(human_size(1200), "1.2 kB");
        assert_eq!(human_size(1000), "1 kB");
        assert_eq!(human_size(4_866_000), "4.87 MB");
        assert_eq!(human_size(12_345_678), "12.3 MB");
        assert_eq!(human_size(999_960), "1 MB");
        assert_eq!(human_size(77_800_000_000), "77.8 GB");
        assert_eq!(human_size_compact(76_324_000), "76.32MB");
    }

    #[test]
    fn durations_like_podman() {
        let s = 1000;
        let h = 3600 * s;
        assert_eq!(human_duration(500), "Less than a second");
        assert_eq!(human_duration(s), "1 second");
        assert_eq!(human_duration(45 * s), "45 seconds");
        assert_eq!(human_duration(90 * s), "About a minute");
        assert_eq!(human_duration(5 * 60 * s), "5 minutes");
        assert_eq!(human_duration(h), "About an hour");
        assert_eq!(human_duration(h + 40 * 60 * s), "2 hours");
        assert_eq!(human_duration(47 * h), "47 hours");
        assert_eq!(human_duration(3 * 24 * h), "3 days");
        assert_eq!(human_duration(15 * 24 * h), "2 weeks");
        assert_eq!(human_duration(90 * 24 * h), "3 months");
        assert_eq!(human_duration(3 * 365 * 24 * h), "3 years");
        let now = chrono::Utc::now();
        assert_eq!(ago(now - chrono::Duration::days(15), now), "2 weeks ago");
    }

    #[test]
    fn short_ids() {
        assert_eq!(short_id("sha256:0123456789abcdef"), "0123456789ab");
        assert_eq!(short_id("abc"), "abc");
    }
}
