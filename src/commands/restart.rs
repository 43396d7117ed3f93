//! `hutch restart`: stop (if running) and start again.

use crate::cli::RestartArgs;
use hutch_engine::container;

pub fn run(ctx: &super::Ctx, args: RestartArgs) -> anyhow::Result<i32> {
    let mut eng = super::ctrs::engine(ctx)?;
    let names = super::ctrs::targets(&eng, &args.containers, args.all, |_| true)?;
    super::ctrs::each(&names, |name| {
        let c = super::ctrs::find(&eng, name)?;
        let _lock = container::lock(&eng.paths, &c.id)?;
        let c = eng.reload(&c.id)?.unwrap_or(c);
        eng.restart(&c, args.time)?;
        Ok(Some(name.to_string()))
    })
}
