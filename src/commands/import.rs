//! `hutch import` and `hutch image import`: a root filesystem tarball to a one-layer image.

use crate::cli::ImportArgs;
use anyhow::Context;
use hutch_engine::saveload::import::{import, ImportOptions};
use std::io::IsTerminal;

pub fn run(ctx: &super::Ctx, args: ImportArgs) -> anyhow::Result<i32> {
    super::save::settle(import_tarball(ctx, args))
}

fn import_tarball(ctx: &super::Ctx, args: ImportArgs) -> anyhow::Result<i32> {
    if args.path.contains("://") {
        anyhow::bail!(
            "import {}: importing from a URL is not supported; download the tarball first",
            args.path
        );
    }
    if args.path == "-" && std::io::stdin().is_terminal() {
        anyhow::bail!("cannot read from terminal, use command-line redirection");
    }
    let opts = ImportOptions {
        name: args.reference.clone(),
        changes: args.change.clone(),
        message: args.message.clone(),
        platform: args.platform.clone(),
        os: args.os.clone(),
        arch: args.arch.clone(),
        variant: args.variant.clone(),
    };
    ctx.paths.ensure_dirs()?;
    let userns = ctx.enter_userns()?;
    super::save::remove_staging_on_interrupt(ctx);
    let id = if args.path == "-" {
        import(&ctx.paths, &userns, std::io::stdin().lock(), "stdin", &opts)?
    } else {
        let f =
            std::fs::File::open(&args.path).with_context(|| format!("opening {}", args.path))?;
        import(&ctx.paths, &userns, f, &args.path, &opts)?
    };
    if !args.quiet {
        eprintln!("Writing manifest to image destination");
    }
    crate::format::print(&format!("sha256:{id}\n"))?;
    Ok(0)
}
