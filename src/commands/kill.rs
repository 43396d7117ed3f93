//! `hutch kill`: send a signal (SIGKILL by default) to running containers.

use crate::cli::KillArgs;
use hutch_engine::container::{self, config::parse_signal};

pub fn run(ctx: &super::Ctx, args: KillArgs) -> anyhow::Result<i32> {
    let sig = parse_signal(&args.signal)
        .ok_or_else(|| anyhow::anyhow!("invalid signal {:?}", args.signal))?;
    let mut eng = super::ctrs::engine(ctx)?;
    let names = super::ctrs::targets(&eng, &args.containers, args.all, |c| {
        container::observe(&eng.paths, c).state == container::RUNNING
    })?;
    super::ctrs::each(&names, |name| {
        let c = super::ctrs::find(&eng, name)?;
        let _lock = container::lock(&eng.paths, &c.id)?;
        let c = eng.reload(&c.id)?.unwrap_or(c);
        eng.kill(&c, sig)?;
        Ok(Some(name.to_string()))
    })
}
