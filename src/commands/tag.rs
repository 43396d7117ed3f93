//! `hutch tag IMAGE NAME...`: add names to a local image.

use crate::cli::TagArgs;

pub fn run(ctx: &super::Ctx, args: TagArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    let db = eng.db().clone();
    hutch_engine::images::tag(&db, &args.image, &args.target_names)?;
    Ok(0)
}
