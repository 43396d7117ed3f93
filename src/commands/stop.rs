//! `hutch stop`: the stop signal, the timeout, then SIGKILL.

use crate::cli::StopArgs;
use hutch_engine::container::{self, ContainerError};
use hutch_engine::EngineError;

pub fn run(ctx: &super::Ctx, args: StopArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    let mut names = args.containers.clone();
    names.extend(super::cidfile::ids(&args.cidfile, args.ignore)?);
    if names.is_empty() && !args.all && !args.cidfile.is_empty() {
        // Only ID files that name nothing, with --ignore.
        return Ok(0);
    }
    let names = super::ctrs::targets_filtered(&eng, &names, args.all, &args.filter, |_, o| {
        o.state == container::RUNNING
    })?;
    super::ctrs::each(&names, |name| {
        match eng.stop(name, args.time) {
            Err(EngineError::Container(e))
                if args.ignore
                    && matches!(
                        *e,
                        ContainerError::NotFound { .. } | ContainerError::Ambiguous { .. }
                    ) =>
            {
                return Ok(None)
            }
            r => r?,
        }
        Ok(Some(name.to_string()))
    })
}
