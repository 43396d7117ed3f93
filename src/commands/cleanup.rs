//! `hutch container cleanup`: what the monitor runs after the container exits: record the exit
//! code, unmount, delete the runtime state, and remove `--rm` containers.

use crate::cli::CleanupArgs;

pub fn run(ctx: &super::Ctx, args: CleanupArgs) -> anyhow::Result<i32> {
    let joined = hutch_engine::userns::join(&ctx.paths)?;
    let eng = hutch_engine::Engine::open_for_cleanup(ctx.engine_config(), &joined)?;
    let names = super::ctrs::targets(&eng, &args.containers, args.all, |_| true)?;
    super::ctrs::each(&names, |name| {
        eng.cleanup(name, args.rm)?;
        Ok(None)
    })
}
