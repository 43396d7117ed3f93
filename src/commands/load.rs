//! `hutch load` and `hutch image load`: images from an archive (a file or standard input) or
//! a directory layout.

use crate::cli::LoadArgs;
use hutch_engine::saveload::load::{self, Input};
use std::io::IsTerminal;

pub fn run(ctx: &super::Ctx, args: LoadArgs) -> anyhow::Result<i32> {
    super::save::settle(load(ctx, args))
}

fn load(ctx: &super::Ctx, args: LoadArgs) -> anyhow::Result<i32> {
    let input = match &args.input {
        Some(p) => Input::Path(p.clone()),
        None => {
            if std::io::stdin().is_terminal() {
                anyhow::bail!(
                    "cannot read from terminal, use command-line redirection or the --input flag"
                );
            }
            Input::Stdin
        }
    };
    ctx.paths.ensure_dirs()?;
    let userns = ctx.enter_userns()?;
    super::save::remove_staging_on_interrupt(ctx);
    let progress = crate::progress::Lines { quiet: args.quiet };
    let loaded = load::load(&ctx.paths, &userns, input, &progress)?;
    progress.line("Storing signatures");
    let mut out = String::new();
    for img in loaded {
        if img.names.is_empty() {
            out.push_str(&format!("Loaded image: sha256:{}\n", img.id));
        }
        for n in img.names {
            out.push_str(&format!("Loaded image: {n}\n"));
        }
    }
    crate::format::print(&out)?;
    Ok(0)
}
