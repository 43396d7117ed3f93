//! `hutch image prune`: remove dangling images (every unused one with `-a`).

use crate::cli::PruneArgs;
use std::io::{BufRead, Write};

pub fn run(ctx: &super::Ctx, args: PruneArgs) -> anyhow::Result<i32> {
    let filters = hutch_engine::filters::image_prune(&args.filter)
        .map_err(hutch_engine::EngineError::from)?;
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
    let pruned = hutch_engine::images::prune_report(&db, &ctx.paths, args.all, &filters)?;
    let mut out = String::new();
    for r in pruned.removed {
        if let hutch_engine::images::Removed::Deleted(id) = r {
            out.push_str(&id);
            out.push('\n');
        }
    }
    crate::format::print(&out)?;
    Ok(0)
}
