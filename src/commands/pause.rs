//! `hutch pause` / `hutch unpause` (needs the cgroup freezer).

use crate::cli::PauseArgs;
use hutch_engine::container;

pub fn run(ctx: &super::Ctx, args: PauseArgs, pause: bool) -> anyhow::Result<i32> {
    let mut eng = super::ctrs::engine(ctx)?;
    let want = if pause {
        container::RUNNING
    } else {
        container::PAUSED
    };
    let names = super::ctrs::targets(&eng, &args.containers, args.all, |c| c.run.state == want)?;
    super::ctrs::each(&names, |name| {
        let c = super::ctrs::find(&eng, name)?;
        let _lock = container::lock(&eng.paths, &c.id)?;
        let c = eng.reload(&c.id)?.unwrap_or(c);
        freezer_usable(ctx, pause)?;
        eng.pause(&c, pause)?;
        Ok(Some(c.id))
    })
}

/// Rootless containers on cgroup v1 have no cgroup, so no freezer: say so instead of passing
/// on the runtime's obscure failure.
fn freezer_usable(ctx: &super::Ctx, pause: bool) -> anyhow::Result<()> {
    if !ctx.paths.rootless() {
        return Ok(());
    }
    let cg = hutch_engine::host::cgroups(ctx.paths.uid);
    if cg.version == "v1" {
        anyhow::bail!(
            "{}pausing requires cgroup v2 with a delegated freezer; this host has cgroup v1, \
             where rootless containers run without a cgroup: boot with \
             systemd.unified_cgroup_hierarchy=1 to use pause",
            if pause { "" } else { "un" }
        );
    }
    Ok(())
}
