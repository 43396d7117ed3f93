//! `hutch stop`: the stop signal, the timeout, then SIGKILL.

use crate::cli::StopArgs;
use hutch_engine::container;

pub fn run(ctx: &super::Ctx, args: StopArgs) -> anyhow::Result<i32> {
    let mut eng = super::ctrs::engine(ctx)?;
    let names = super::ctrs::targets(&eng, &args.containers, args.all, |c| {
        container::observe(&eng.paths, c).state == container::RUNNING
    })?;
    super::ctrs::each(&names, |name| {
        let c = match super::ctrs::find(&eng, name) {
            Ok(c) => c,
            Err(_) if args.ignore => return Ok(None),
            Err(e) => return Err(e),
        };
        let _lock = container::lock(&eng.paths, &c.id)?;
        let c = eng.reload(&c.id)?.unwrap_or(c);
        eng.stop(&c, args.time)?;
        Ok(Some(name.to_string()))
    })
}
