//! `hutch kill`: send a signal (SIGKILL by default) to running containers.

use crate::cli::KillArgs;
use hutch_engine::container::{self, config::parse_signal};

pub fn run(ctx: &super::Ctx, args: KillArgs) -> anyhow::Result<i32> {
    let sig = parse_signal(&args.signal)
        .ok_or_else(|| anyhow::anyhow!("invalid signal: {}", args.signal))?;
    let eng = super::ctrs::open(ctx)?;
    let mut names = args.containers.clone();
    names.extend(super::cidfile::ids(&args.cidfile, false)?);
    let names = super::ctrs::targets(&eng, &names, args.all, |c| {
        container::observe(eng.paths(), c).state == container::RUNNING
    })?;
    super::ctrs::each(&names, |name| {
        eng.kill(name, sig)?;
        Ok(Some(name.to_string()))
    })
}
