//! `hutch container cleanup`: what the monitor runs after the container exits: record the exit
//! code, unmount, delete the runtime state, and remove `--rm` containers.

use crate::cli::CleanupArgs;
use hutch_engine::container::{self, ContainerError};

pub fn run(ctx: &super::Ctx, args: CleanupArgs) -> anyhow::Result<i32> {
    let mut eng = super::ctrs::engine(ctx)?;
    let names = super::ctrs::targets(&eng, &args.containers, args.all, |_| true)?;
    super::ctrs::each(&names, |name| {
        let c = match container::lookup(&eng.db, name) {
            Ok(c) => c,
            // Already removed (run --rm cleaned up first, leaving the runtime's state to us).
            Err(ContainerError::NotFound { .. }) => {
                eng.delete_orphan_runtime_state(name, ctx.runtime.as_deref())?;
                return Ok(None);
            }
            Err(e) => return Err(hutch_engine::EngineError::from(e).into()),
        };
        let _lock = container::lock(&eng.paths, &c.id)?;
        eng.cleanup_locked(&c)?;
        if args.rm {
            if let Some(c) = eng.reload(&c.id)? {
                eng.remove(&c, false, None)?;
            }
        }
        Ok(None)
    })
}
