//! `hutch top`: a running container's processes, with ps-like descriptors.

use crate::cli::TopArgs;
use hutch_engine::container::top::{self, Process};
use hutch_engine::container::{self, ContainerError};
use hutch_engine::EngineError;

const DEFAULT: &[&str] = &[
    "user", "pid", "ppid", "pcpu", "etime", "tty", "time", "args",
];

fn header(d: &str) -> Option<&'static str> {
    Some(match d {
        "user" => "USER",
        "uid" => "UID",
        "group" => "GROUP",
        "gid" => "GID",
        "pid" => "PID",
        "ppid" => "PPID",
        "pcpu" => "%CPU",
        "etime" => "ELAPSED",
        "tty" => "TTY",
        "time" => "TIME",
        "args" | "comm" => "COMMAND",
        "nice" => "NI",
        "vsz" => "VSZ",
        "rss" => "RSS",
        "state" => "STATE",
        _ => return None,
    })
}

/// Names for ids from the container's own /etc/passwd or /etc/group.
fn names(path: &std::path::Path) -> Vec<(u32, String)> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            Some((f.get(2)?.parse().ok()?, f.first()?.to_string()))
        })
        .collect()
}

fn field(d: &str, p: &Process, users: &[(u32, String)], groups: &[(u32, String)]) -> String {
    let name = |list: &[(u32, String)], id: u32| {
        list.iter()
            .find(|(i, _)| *i == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| id.to_string())
    };
    match d {
        "user" => name(users, p.uid),
        "uid" => p.uid.to_string(),
        "group" => name(groups, p.gid),
        "gid" => p.gid.to_string(),
        "pid" => p.pid.to_string(),
        "ppid" => p.ppid.to_string(),
        "pcpu" => {
            let pct = if p.elapsed_secs > 0.0 {
                p.cpu_secs / p.elapsed_secs * 100.0
            } else {
                0.0
            };
            format!("{pct:.3}")
        }
        "etime" => top::go_duration(p.elapsed_secs),
        "tty" => top::tty_name(p.tty_nr),
        "time" => top::go_duration(p.cpu_secs),
        "args" => p.args.clone(),
        "comm" => p.comm.clone(),
        "nice" => p.nice.to_string(),
        "vsz" => p.vsz_kib.to_string(),
        "rss" => p.rss_kib.to_string(),
        "state" => p.state.clone(),
        _ => String::new(),
    }
}

pub fn run(ctx: &super::Ctx, args: TopArgs) -> anyhow::Result<i32> {
    // Descriptors may come as one comma- or space-separated word, as with ps -o.
    let mut descs: Vec<String> = args
        .descriptors
        .iter()
        .flat_map(|d| d.split([',', ' ']))
        .filter(|d| !d.is_empty())
        .map(str::to_string)
        .collect();
    if descs.is_empty() {
        descs = DEFAULT.iter().map(|s| s.to_string()).collect();
    }
    for d in &descs {
        if header(d).is_none() {
            anyhow::bail!(
                "unknown descriptor {d:?}: supported are user, uid, group, gid, pid, ppid, pcpu, \
                 etime, tty, time, args, comm, nice, vsz, rss, state"
            );
        }
    }
    let eng = super::ctrs::open(ctx)?;
    let c = eng.lookup(&args.container)?;
    let state = container::observe(eng.paths(), &c).state;
    if state != container::RUNNING && state != container::PAUSED {
        return Err(EngineError::from(ContainerError::BadState {
            name: c.name.clone(),
            state,
            reason: "top can only be used on running containers".into(),
        })
        .into());
    }
    let procs = top::processes(&c)?;
    let merged = container::Dirs::new(eng.paths(), &c.id).merged;
    let users = names(&merged.join("etc/passwd"));
    let groups = names(&merged.join("etc/group"));
    let mut out = String::new();
    let heads: Vec<&str> = descs.iter().filter_map(|d| header(d)).collect();
    out.push_str(&heads.join("\t"));
    out.push('\n');
    for p in &procs {
        let row: Vec<String> = descs.iter().map(|d| field(d, p, &users, &groups)).collect();
        out.push_str(&row.join("\t"));
        out.push('\n');
    }
    crate::format::print(&crate::format::align(&out))?;
    Ok(0)
}
