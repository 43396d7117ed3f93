//! `hutch pause` / `hutch unpause` (the cgroup freezer, or signals where there is none).

use crate::cli::PauseArgs;
use hutch_engine::container;

pub fn run(ctx: &super::Ctx, args: PauseArgs, pause: bool) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    let want = if pause {
        container::RUNNING
    } else {
        container::PAUSED
    };
    let names = super::ctrs::targets(&eng, &args.containers, args.all, |c| c.run.state == want)?;
    super::ctrs::each(&names, |name| Ok(Some(eng.pause(name, pause)?.id)))
}
