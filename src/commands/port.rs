//! `hutch port`: a container's published ports. Port publishing comes with networking; until
//! then a container has none, so this prints nothing for an existing container.

use crate::cli::PortArgs;
use hutch_engine::container;
use hutch_engine::EngineError;

pub fn run(ctx: &super::Ctx, args: PortArgs) -> anyhow::Result<i32> {
    let db = ctx.db()?;
    if args.all {
        return Ok(0);
    }
    let name = args.container.as_deref().unwrap_or_default();
    container::lookup(&db, name).map_err(EngineError::from)?;
    Ok(0)
}
