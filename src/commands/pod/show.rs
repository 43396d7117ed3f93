//! `hutch pod top/logs/stats`: the container verbs over the pod's containers.

use crate::cli::{LogsArgs, PodLogsArgs, PodStatsArgs, PodTopArgs};
use crate::commands::{ctrs, Ctx};
use hutch_engine::container;

pub fn top(ctx: &Ctx, a: PodTopArgs) -> anyhow::Result<i32> {
    let eng = ctrs::open(ctx)?;
    let pod = super::one(&eng, a.pod.as_deref(), a.latest)?;
    let info = eng.pod_info(&pod)?;
    let mut heads = Vec::new();
    let mut rows = Vec::new();
    for m in info
        .containers
        .iter()
        .filter(|m| m.state == container::RUNNING)
    {
        let (h, r) = eng.top(&m.container.id, &a.descriptors)?;
        heads = h;
        rows.extend(r);
    }
    if heads.is_empty() {
        anyhow::bail!("pod {} is not running: no processes to show", info.pod.name);
    }
    let mut out = heads.join("\t");
    out.push('\n');
    for row in &rows {
        out.push_str(&row.join("\t"));
        out.push('\n');
    }
    crate::format::print(&crate::format::align(&out))?;
    Ok(0)
}

pub fn logs(ctx: &Ctx, a: PodLogsArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    let pod = super::one(&eng, a.pod.as_deref(), a.latest)?;
    let info = eng.pod_info(&pod)?;
    let containers: Vec<String> = match &a.container {
        Some(c) => {
            let found = info
                .containers
                .iter()
                .find(|m| m.container.name == *c || m.container.id.starts_with(c.as_str()))
                .ok_or_else(|| anyhow::anyhow!("container {c} is not in pod {}", info.pod.name))?;
            vec![found.container.id.clone()]
        }
        None => info
            .containers
            .iter()
            .filter(|m| !m.infra)
            .map(|m| m.container.id.clone())
            .collect(),
    };
    if containers.is_empty() {
        anyhow::bail!("pod {} has no containers to show logs of", info.pod.name);
    }
    drop(eng);
    crate::commands::logs::run(
        ctx,
        LogsArgs {
            containers,
            follow: a.follow,
            tail: a.tail,
            since: a.since,
            until: a.until,
            timestamps: a.timestamps,
            // Several containers are prefixed anyway; one as podman's pod logs does too.
            names: true,
            latest: false,
        },
    )
}

/// podman's `pod stats` table.
const STATS_TABLE: &str = "table {{.Pod}}\t{{.CID}}\t{{.Name}}\t{{.CPU}}\t{{.MemUsage}}\t{{.Mem}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDS}}";
const STATS_HEADERS: &[(&str, &str)] = &[
    ("Pod", "POD"),
    ("CID", "CID"),
    ("CPU", "CPU %"),
    ("MemUsage", "MEM USAGE/ LIMIT"),
    ("Mem", "MEM %"),
    ("NetIO", "NET IO"),
    ("BlockIO", "BLOCK IO"),
    ("PIDS", "PIDS"),
];

/// `pod stats`: the figures of `stats` for the running containers of the pods, with podman's
/// pod columns (POD, CID, NAME, CPU %, ...).
pub fn stats(ctx: &Ctx, a: PodStatsArgs) -> anyhow::Result<i32> {
    use hutch_engine::container::stats::Watch;
    use std::io::IsTerminal;
    let eng = ctrs::open(ctx)?;
    let pods: Vec<String> = if a.pods.is_empty() || a.all {
        eng.db().pods()?.into_iter().map(|p| p.id).collect()
    } else {
        a.pods.clone()
    };
    let short = |id: &str| -> String {
        if a.no_trunc {
            id.to_string()
        } else {
            id.chars().take(12).collect()
        }
    };
    // Each running container with its pod's (short) ID.
    let mut pod_of = std::collections::HashMap::new();
    for p in &pods {
        let info = eng.pod_info(p)?;
        for m in info
            .containers
            .iter()
            .filter(|m| m.state == container::RUNNING)
        {
            pod_of.insert(m.container.id.clone(), short(&info.pod.id));
        }
    }
    if pod_of.is_empty() {
        anyhow::bail!("no running containers in the pods given");
    }
    let mut watch = Watch::new(pod_of.keys().cloned().collect(), false);
    let spec = crate::format::ListSpec {
        default: STATS_TABLE,
        headers: STATS_HEADERS,
        noheading: false,
    };
    let redraw = !a.no_stream && !a.no_reset && std::io::stdout().is_terminal();
    loop {
        let mut rows: Vec<serde_json::Value> = watch
            .next(&eng)?
            .iter()
            .map(|r| {
                let v = crate::commands::stats::row(r, a.no_trunc);
                let pod = pod_of.get(&r.id).cloned().unwrap_or_default();
                let s = |k: &str| v[k].clone();
                serde_json::json!({
                    "Pod": pod,
                    "CID": short(&r.id),
                    "Name": r.name,
                    "CPU": s("CPUPerc"),
                    "MemUsage": s("MemUsage"),
                    "MemUsageBytes": s("MemUsageBytes"),
                    "Mem": s("MemPerc"),
                    "NetIO": s("NetIO"),
                    "BlockIO": s("BlockIO"),
                    "PIDS": s("PIDS"),
                })
            })
            .collect();
        rows.sort_by(|x, y| x["Pod"].as_str().cmp(&y["Pod"].as_str()));
        let out = crate::format::render_list(a.format.as_deref(), &spec, &rows, || rows.clone())?;
        if redraw {
            crate::format::print("\x1b[2J\x1b[1;1H")?;
        }
        crate::format::print(&out)?;
        if a.no_stream {
            return Ok(0);
        }
        std::thread::sleep(std::time::Duration::from_secs(5));
    }
}
