//! `hutch tag IMAGE NAME...`: add names to a local image.

use crate::cli::TagArgs;

pub fn run(ctx: &super::Ctx, args: TagArgs) -> anyhow::Result<i32> {
    let mut db = ctx.db()?;
    hutch_engine::images::tag(&mut db, &args.image, &args.target_names)?;
    Ok(0)
}
