//! `hutch ps`: one database query, then a cheap liveness check of active containers. Only when
//! a container's state is stale (monitor gone) does it join the namespace to clean it up.

use crate::cli::PsArgs;
use crate::format::{self, ListSpec};
use chrono::Utc;
use hutch_engine::container::list::{select, ListQuery};
use hutch_engine::container::{self, Observed};
use hutch_engine::{filters, EngineError};
use serde_json::{json, Value};

const TABLE: &str =
    "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.CreatedHuman}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";
const TABLE_SIZE: &str = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.CreatedHuman}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}\t{{.Size}}";
const TABLE_POD: &str = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.CreatedHuman}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}\t{{.Pod}}\t{{.PodName}}";
const HEADERS: &[(&str, &str)] = &[
    ("ID", "CONTAINER ID"),
    ("Pod", "POD ID"),
    ("PodName", "PODNAME"),
    ("CreatedHuman", "CREATED"),
    ("CreatedAt", "CREATED AT"),
    ("RunningFor", "RUNNING FOR"),
];

#[derive(Default, serde::Deserialize)]
struct CommandOnly {
    #[serde(default)]
    entrypoint: Vec<String>,
    #[serde(default)]
    cmd: Vec<String>,
    #[serde(default)]
    mounts: Vec<MountDestination>,
}

#[derive(Default, serde::Deserialize)]
struct MountDestination {
    #[serde(default)]
    destination: String,
}

/// The state name podman shows (`configured` is "created" to users).
pub use hutch_engine::container::display_state;

pub use hutch_engine::container::list::status_text;

fn dir_size(path: &std::path::Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![path.to_path_buf()];
    while let Some(p) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&p) else {
            continue;
        };
        for e in rd.flatten() {
            let Ok(md) = e.metadata() else { continue };
            if md.is_dir() {
                stack.push(e.path());
            } else {
                total += md.len();
            }
        }
    }
    total
}

pub fn run(ctx: &super::Ctx, args: PsArgs) -> anyhow::Result<i32> {
    let filters = filters::containers(&args.filter).map_err(EngineError::from)?;
    let eng = ctx.engine()?;
    let db = eng.db();
    let mut list = db.containers()?;
    let mut observed: Vec<Observed> = list
        .iter()
        .map(|c| container::observe(&ctx.paths, c))
        .collect();
    if observed.iter().any(|o| o.needs_cleanup) {
        // Stale state (monitor killed, reboot): clean up for real, then read again.
        drop(eng);
        let eng = super::ctrs::open(ctx)?;
        list = eng.db().containers()?;
        observed = list
            .iter()
            .map(|c| container::observe(&ctx.paths, c))
            .collect();
    }
    let now = Utc::now();
    let mut rows = Vec::new();
    let mut items = Vec::new();
    // The JSON view is built only when it is printed.
    let want_json = args.format.as_deref().is_some_and(format::is_json);
    // The default table and -q are printed straight from the rows, without the template
    // engine: `ps -a` stays fast with thousands of containers.
    let fast = args.quiet || (args.format.is_none() && !args.size && !args.pod);
    let mut lines: Vec<String> = Vec::new();
    let limit = if args.latest { Some(1) } else { args.last };
    let query = ListQuery {
        // A filter does not imply --all (podman), except one on the state itself.
        all: args.all
            || args.external
            || limit.is_some()
            || filters.values("status").next().is_some()
            || filters.values("exited").next().is_some(),
        limit,
        filters,
    };
    let mut selected = select(&list, &observed, &query);
    // The store lists newest first, so that --last/--latest take the newest; podman then
    // prints them oldest first unless --sort says otherwise.
    sort(
        ctx,
        &mut selected,
        args.sort.as_deref().unwrap_or("created"),
        now,
    );
    for (c, obs) in selected {
        // Only the command and mounts are needed here: skip the rest of the stored config.
        let cmd: CommandOnly = serde_json::from_str(&c.spec).unwrap_or_default();
        let mounts: Vec<String> = cmd.mounts.into_iter().map(|m| m.destination).collect();
        let args_v: Vec<String> = cmd.entrypoint.into_iter().chain(cmd.cmd).collect();
        let command = args_v.join(" ");
        let short_cmd = if args.no_trunc || command.chars().count() <= 20 {
            command.clone()
        } else {
            format!("{}...", command.chars().take(17).collect::<String>())
        };
        let id = if args.no_trunc {
            c.id.clone()
        } else {
            c.id[..12].to_string()
        };
        let status = status_text(obs, c.run.started_at, now);
        let ports = if obs.state == container::RUNNING || obs.state == container::PAUSED {
            container::inspect::status_ports(&ctx.paths, &c.id)
        } else {
            Vec::new()
        };
        let ports_text = ports
            .iter()
            .map(|p| p.display())
            .collect::<Vec<_>>()
            .join(", ");
        if fast {
            if args.quiet {
                lines.push(id);
            } else {
                lines.push(format!(
                    "{id}\t{}\t{short_cmd}\t{}\t{status}\t{ports_text}\t{}",
                    c.image_name,
                    format::ago(c.created, now),
                    c.name
                ));
            }
            continue;
        }
        let labels: Value = serde_json::from_str(&c.labels).unwrap_or(json!({}));
        // Only a config that names a pod is worth parsing.
        let pod = c
            .spec
            .contains("\"pod\":")
            .then(|| container::config_of(c).ok().and_then(|cfg| cfg.pod))
            .flatten()
            .unwrap_or_default();
        let pod_id = if args.no_trunc || pod.id.len() < 12 {
            pod.id.clone()
        } else {
            pod.id[..12].to_string()
        };
        let size = if args.size {
            let upper = container::Dirs::new(&ctx.paths, &c.id).upper;
            let img = db_image_size(ctx, &c.image_id);
            let rw = dir_size(&upper) as i64;
            format!(
                "{} (virtual {})",
                format::human_size(rw),
                format::human_size(rw + img)
            )
        } else {
            String::new()
        };
        let exited = matches!(obs.state.as_str(), container::EXITED | container::STOPPED);
        let state = display_state(&obs.state).to_string();
        rows.push(json!({
            "ID": id,
            "Image": c.image_name,
            "ImageID": c.image_id,
            "Command": short_cmd,
            "CreatedHuman": format::ago(c.created, now),
            "RunningFor": format::ago(c.created, now),
            "CreatedAt": format::go_time(c.created),
            "Created": format::go_time(c.created),
            "Status": status,
            "State": state,
            "Ports": ports_text,
            "Names": c.name,
            "Labels": labels,
            "Pid": c.run.pid,
            "ExitCode": obs.exit_code.unwrap_or(0),
            "Exited": exited,
            "Size": size,
            "Mounts": mounts,
            "Networks": "",
            "AutoRemove": c.rm,
            "Pod": pod_id,
            "PodName": pod.name,
            "IsInfra": pod.infra,
        }));
        if !want_json {
            continue;
        }
        items.push(json!({
            "AutoRemove": c.rm,
            "Command": args_v,
            "Created": c.created.timestamp(),
            "CreatedAt": format::ago(c.created, now),
            "Exited": exited,
            "ExitedAt": obs.finished_at.map(|t| t.timestamp()).unwrap_or(0),
            "ExitCode": obs.exit_code.unwrap_or(0),
            "Id": c.id,
            "Image": c.image_name,
            "ImageID": c.image_id,
            "IsInfra": pod.infra,
            "Labels": labels,
            "Mounts": [],
            "Names": [c.name],
            "Namespaces": {},
            "Networks": [],
            "Pid": c.run.pid,
            "Pod": pod.id,
            "PodName": pod.name,
            "Ports": if ports.is_empty() { Value::Null } else { json!(ports) },
            "Restarts": c.run.restart_count,
            "StartedAt": c.run.started_at.map(|t| t.timestamp()).unwrap_or(0),
            "State": state,
            "Status": status_text(obs, c.run.started_at, now),
        }));
    }
    if fast {
        let mut out = String::new();
        if !args.quiet && !args.noheading {
            out.push_str("CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n");
        }
        for l in &lines {
            out.push_str(l);
            out.push('\n');
        }
        if !args.quiet {
            out = format::align(&out);
        }
        format::print(&out)?;
        return Ok(0);
    }
    let spec = ListSpec {
        default: if args.size {
            TABLE_SIZE
        } else if args.pod {
            TABLE_POD
        } else {
            TABLE
        },
        headers: HEADERS,
        noheading: args.noheading,
    };
    let out = format::render_list(args.format.as_deref(), &spec, &rows, || items)?;
    format::print(&out)?;
    Ok(0)
}

/// `ps --sort FIELD`: podman's orders (created: oldest first; names, IDs, images, commands and
/// statuses alphabetically; size: smallest writable layer first).
fn sort(
    ctx: &super::Ctx,
    rows: &mut [(&hutch_engine::Container, &Observed)],
    key: &str,
    now: chrono::DateTime<Utc>,
) {
    match key {
        "created" | "runningfor" => rows.sort_by_key(|(c, _)| c.created),
        "id" => rows.sort_by(|a, b| a.0.id.cmp(&b.0.id)),
        "image" => rows.sort_by(|a, b| a.0.image_name.cmp(&b.0.image_name)),
        "names" => rows.sort_by(|a, b| a.0.name.cmp(&b.0.name)),
        "command" => rows.sort_by_cached_key(|(c, _)| {
            let cmd: CommandOnly = serde_json::from_str(&c.spec).unwrap_or_default();
            cmd.entrypoint
                .into_iter()
                .chain(cmd.cmd)
                .collect::<Vec<_>>()
                .join(" ")
        }),
        "status" => rows.sort_by_cached_key(|(c, o)| status_text(o, c.run.started_at, now)),
        "size" => rows
            .sort_by_cached_key(|(c, _)| dir_size(&container::Dirs::new(&ctx.paths, &c.id).upper)),
        _ => {}
    }
}

fn db_image_size(ctx: &super::Ctx, id: &str) -> i64 {
    ctx.engine()
        .ok()
        .and_then(|eng| eng.db().image(id).ok().flatten())
        .map(|i| i.size)
        .unwrap_or(0)
}
