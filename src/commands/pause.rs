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
        eng.pause(&c, pause)?;
        Ok(Some(c.id))
    })
}
