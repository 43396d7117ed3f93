//! `hutch restart`: stop (if running) and start again.

use crate::cli::RestartArgs;

pub fn run(ctx: &super::Ctx, args: RestartArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    let mut names = args.containers.clone();
    names.extend(super::cidfile::ids(&args.cidfile, false)?);
    let running = args.running;
    let names = super::ctrs::targets_filtered(&eng, &names, args.all, &args.filter, |_, o| {
        !running || o.state == hutch_engine::container::RUNNING
    })?;
    super::ctrs::each(&names, |name| {
        eng.restart(name, args.time)?;
        Ok(Some(name.to_string()))
    })
}
