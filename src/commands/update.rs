//! `hutch update`: resource limits and the restart policy of an existing container. What the
//! host cannot apply (rootless cgroup v1) the engine refuses with the reason; exit 125.

use crate::cli::UpdateArgs;
use hutch_engine::container::create_spec as cs;
use hutch_engine::container::{config, ResourceUpdate};

pub fn run(ctx: &super::Ctx, a: UpdateArgs) -> anyhow::Result<i32> {
    let size = |flag: &'static str, v: &Option<String>| {
        v.as_deref()
            .map(|m| config::parse_size(flag, m))
            .transpose()
    };
    let limits = ResourceUpdate {
        memory: size("--memory", &a.memory)?,
        memory_reservation: size("--memory-reservation", &a.memory_reservation)?,
        memory_swap: match a.memory_swap.as_deref() {
            Some("-1") => Some(-1),
            Some(m) => Some(config::parse_size("--memory-swap", m)? as i64),
            None => None,
        },
        cpus: a.cpus.as_deref().map(cs::parse_cpus).transpose()?,
        cpu_shares: a.cpu_shares,
        cpu_period: a.cpu_period,
        cpu_quota: a.cpu_quota,
        cpuset_cpus: a.cpuset_cpus.clone(),
        cpuset_mems: a.cpuset_mems.clone(),
        pids_limit: a.pids_limit,
        blkio_weight: a.blkio_weight,
    };
    let restart = match a.restart.as_deref() {
        Some(r) => Some(cs::parse_restart(r)?),
        None => None,
    };
    if limits.flags().is_empty() && restart.is_none() {
        anyhow::bail!(
            "nothing to update on {}: give a limit (--memory, --cpus, ...) or --restart",
            a.container
        );
    }
    let id = ctx
        .engine()?
        .update_container(&a.container, &limits, restart)?;
    println!("{id}");
    Ok(0)
}
