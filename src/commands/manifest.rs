//! `hutch manifest`.

use crate::cli::ManifestCommand;

pub fn run(_ctx: &super::Ctx, _cmd: ManifestCommand) -> anyhow::Result<i32> {
    anyhow::bail!("manifest is not implemented yet")
}
