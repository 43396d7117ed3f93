//! `hutch rename`.

use crate::cli::RenameArgs;

pub fn run(ctx: &super::Ctx, args: RenameArgs) -> anyhow::Result<i32> {
    // Renaming only changes the row: no namespace needed.
    let eng = super::ctrs::open_unjoined(ctx)?;
    eng.rename(&args.container, &args.new_name)?;
    Ok(0)
}
