//! `hutch search`.

use crate::cli::SearchArgs;

pub fn run(_ctx: &super::Ctx, _args: SearchArgs) -> anyhow::Result<i32> {
    anyhow::bail!("search is not implemented yet")
}
