//! `hutch image prune`: remove dangling images (every unused one with `-a`).

use crate::cli::PruneArgs;
use std::io::{BufRead, Write};

pub fn run(ctx: &super::Ctx, args: PruneArgs) -> anyhow::Result<i32> {
    if let Some(f) = args.filter.first() {
        anyhow::bail!("image prune --filter {f:?}: filters are not supported yet");
    }
    if !args.force {
        let what = if args.all {
            "all dangling images as well as all unused images"
        } else {
            "all dangling images"
        };
        eprint!("WARNING! This command removes {what}.\nAre you sure you want to continue? [y/N] ");
        std::io::stderr().flush().ok();
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "Yes") {
            return Ok(0);
        }
    }
    ctx.enter_userns()?;
    let eng = ctx.engine()?;
    let db = eng.db().clone();
    let deleted = hutch_engine::images::prune(&db, &ctx.paths, args.all)?;
    let mut out = String::new();
    for id in deleted {
        out.push_str(&id);
        out.push('\n');
    }
    crate::format::print(&out)?;
    Ok(0)
}
