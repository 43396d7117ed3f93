//! `hutch tag IMAGE NAME...`: add names to a local image.

use crate::cli::TagArgs;

pub fn run(ctx: &super::Ctx, args: TagArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    let db = eng.db().clone();
    hutch_engine::images::tag(&db, &args.image, &args.target_names)?;
    Ok(0)
}

/// `hutch untag IMAGE [NAME...]`: remove names (all of them without NAME) from a local image.
pub fn untag(ctx: &super::Ctx, args: crate::cli_more::UntagArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    let db = eng.db().clone();
    hutch_engine::images::untag(&db, &args.image, &args.names)?;
    Ok(0)
}
