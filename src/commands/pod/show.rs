//! `hutch pod top/logs/stats`: the container verbs over the pod's containers.

use crate::cli::{LogsArgs, PodLogsArgs, PodStatsArgs, PodTopArgs, StatsArgs};
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

pub fn stats(ctx: &Ctx, a: PodStatsArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    let pods: Vec<String> = if a.pods.is_empty() || a.all {
        eng.db().pods()?.into_iter().map(|p| p.id).collect()
    } else {
        a.pods.clone()
    };
    let mut containers = Vec::new();
    for p in &pods {
        let info = eng.pod_info(p)?;
        containers.extend(
            info.containers
                .iter()
                .filter(|m| m.state == container::RUNNING)
                .map(|m| m.container.id.clone()),
        );
    }
    if containers.is_empty() {
        anyhow::bail!("no running containers in the pods given");
    }
    drop(eng);
    crate::commands::stats::run(
        ctx,
        StatsArgs {
            containers,
            all: false,
            no_stream: a.no_stream,
            format: a.format,
            no_trunc: a.no_trunc,
            interval: 5,
            no_reset: a.no_reset,
        },
    )
}
