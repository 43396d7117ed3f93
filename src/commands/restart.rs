//! `hutch restart`: stop (if running) and start again.

use crate::cli::RestartArgs;

pub fn run(ctx: &super::Ctx, args: RestartArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    let names = super::ctrs::targets(&eng, &args.containers, args.all, |_| true)?;
    super::ctrs::each(&names, |name| {
        eng.restart(name, args.time)?;
        Ok(Some(name.to_string()))
    })
}
