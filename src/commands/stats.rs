//! `hutch stats`: containers' resource use as podman prints it — a table redrawn every interval
//! on a terminal, successive tables otherwise, once with `--no-stream`; JSON or a template
//! with `--format`. The figures and CPU percentages come from the engine's `stats::Watch`.

use crate::cli::StatsArgs;
use crate::format::{self, human_size_binary, human_size_compact, ListSpec};
use hutch_engine::container::stats::{Report, Watch};
use hutch_engine::container::top::go_duration;
use serde_json::{json, Value};
use std::io::IsTerminal;
use std::time::Duration;

const TABLE: &str = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t\
                     {{.NetIO}}\t{{.BlockIO}}\t{{.PIDS}}\t{{.UpTime}}\t{{.AVGCPU}}";
const HEADERS: &[(&str, &str)] = &[
    ("ID", "ID"),
    ("ContainerID", "ID"),
    ("Container", "CONTAINER"),
    ("CPUPerc", "CPU %"),
    ("AVGCPU", "AVG CPU %"),
    ("UpTime", "CPU TIME"),
    ("MemUsage", "MEM USAGE / LIMIT"),
    ("MemUsageBytes", "MEM USAGE / LIMIT"),
    ("MemPerc", "MEM %"),
    ("NetIO", "NET IO"),
    ("BlockIO", "BLOCK IO"),
    ("PIDS", "PIDS"),
    ("PIDs", "PIDS"),
];

/// `12.34%`, or podman's `--` for nothing measured.
fn pct(v: f64) -> String {
    if v == 0.0 || !v.is_finite() {
        "--".into()
    } else {
        format!("{v:.2}%")
    }
}

/// `1.049MB / 8.147GB` (podman's four-digit SI sizes), or `-- / --` when both are zero.
fn pair(a: u64, b: u64, size: fn(u64) -> String) -> String {
    if a == 0 && b == 0 {
        "-- / --".into()
    } else {
        format!("{} / {}", size(a), size(b))
    }
}

fn si(v: u64) -> String {
    human_size_compact(i64::try_from(v).unwrap_or(i64::MAX))
}

fn binary(v: u64) -> String {
    human_size_binary(i64::try_from(v).unwrap_or(i64::MAX))
}

/// The template view: podman's string fields (`CPUPerc`, `MemUsage`...) and its numbers.
pub(crate) fn row(r: &Report, no_trunc: bool) -> Value {
    let id = if no_trunc {
        r.id.clone()
    } else {
        r.id.chars().take(12).collect()
    };
    let s = r.sample.clone().unwrap_or_default();
    let (rx, tx) = s.net_io();
    let avg = s.avg_cpu_percent();
    json!({
        "ID": id,
        "ContainerID": r.id,
        "Container": r.name,
        "Name": r.name,
        "CPUPerc": pct(r.cpu_percent),
        "CPU": r.cpu_percent,
        "AVGCPU": pct(avg),
        "AvgCPU": avg,
        "UpTime": go_duration(s.cpu_ns as f64 / 1e9),
        "MemUsage": pair(s.memory_bytes, s.memory_limit, si),
        "MemUsageBytes": pair(s.memory_bytes, s.memory_limit, binary),
        "MemPerc": pct(s.memory_percent()),
        "NetIO": pair(rx, tx, si),
        "BlockIO": pair(s.block_read, s.block_write, si),
        "PIDS": if s.pids == 0 { "--".to_string() } else { s.pids.to_string() },
        "PIDs": s.pids,
        "Source": r.sample.as_ref().map_or("", |s| s.source.as_str()),
    })
}

/// The JSON view: podman's ContainerStats fields, plus where the figures come from.
fn json_item(r: &Report) -> Value {
    let s = r.sample.clone().unwrap_or_default();
    let (rx, tx) = s.net_io();
    json!({
        "AvgCPU": s.avg_cpu_percent(),
        "ContainerID": r.id,
        "Name": r.name,
        "PerCPU": null,
        "CPU": r.cpu_percent,
        "CPUNano": s.cpu_ns,
        "CPUSystemNano": 0,
        "SystemNano": s.read.timestamp_nanos_opt().unwrap_or(0),
        "MemUsage": s.memory_bytes,
        "MemLimit": s.memory_limit,
        "MemPerc": s.memory_percent(),
        "NetInput": rx,
        "NetOutput": tx,
        "BlockInput": s.block_read,
        "BlockOutput": s.block_write,
        "PIDs": s.pids,
        "UpTime": s.cpu_ns,
        "Duration": s.cpu_ns,
        "Source": r.sample.as_ref().map_or("", |s| s.source.as_str()),
    })
}

pub fn run(ctx: &super::Ctx, args: StatsArgs) -> anyhow::Result<i32> {
    if args.interval == 0 {
        anyhow::bail!("invalid --interval 0: it must be at least 1 second");
    }
    let eng = super::ctrs::open(ctx)?;
    let mut watch = Watch::new(args.containers.clone(), args.all);
    let spec = ListSpec {
        default: TABLE,
        headers: HEADERS,
        noheading: false,
    };
    let redraw = !args.no_stream && !args.no_reset && std::io::stdout().is_terminal();
    loop {
        let reports = watch.next(&eng)?;
        let rows: Vec<Value> = reports.iter().map(|r| row(r, args.no_trunc)).collect();
        let out = format::render_list(args.format.as_deref(), &spec, &rows, || {
            reports.iter().map(json_item).collect()
        })?;
        if redraw {
            // Clear the screen and go home, as podman does between two tables.
            format::print("\x1b[2J\x1b[1;1H")?;
        }
        format::print(&out)?;
        if args.no_stream {
            return Ok(0);
        }
        std::thread::sleep(Duration::from_secs(args.interval));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_print_as_podman_prints_them() {
        assert_eq!(pct(0.0), "--");
        assert_eq!(pct(12.345), "12.35%");
        assert_eq!(pair(0, 0, si), "-- / --");
        assert_eq!(pair(1_048_576, 8_147_000_000, si), "1.049MB / 8.147GB");
        assert_eq!(binary(1536), "1.5KiB");
        assert_eq!(binary(512), "512B");
        assert_eq!(binary(100 * 1024 * 1024), "100MiB");
    }
}
