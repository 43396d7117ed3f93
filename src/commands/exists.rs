//! `hutch image exists`: exit 0 when the image is local, 1 when it is not.

use crate::cli::ExistsArgs;

pub fn run(ctx: &super::Ctx, args: ExistsArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    let db = eng.db();
    Ok(if hutch_engine::images::exists(db, &args.image)? {
        0
    } else {
        1
    })
}
