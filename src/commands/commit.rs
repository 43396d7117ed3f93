//! `hutch commit`: a new image from a container's changes.

use crate::cli::CommitArgs;
use hutch_engine::container::commit::CommitOptions;

pub fn run(ctx: &super::Ctx, args: CommitArgs) -> anyhow::Result<i32> {
    if let Some(f) = &args.format {
        if !matches!(f.as_str(), "oci" | "docker") {
            anyhow::bail!("invalid --format {f:?}: expected oci or docker");
        }
    }
    let eng = super::ctrs::open(ctx)?;
    if args.pause == Some(true) {
        tracing::info!("--pause: the container is committed running");
    }
    let opts = CommitOptions {
        name: args.image.clone(),
        author: args.author.clone(),
        message: args.message.clone(),
        changes: args.change.clone(),
    };
    let id = eng.with_container(&args.container, |ops, c| {
        // podman prints no progress for a commit either.
        ops.commit(&c, &opts, &hutch_engine::progress::Silent)
    })?;
    crate::format::print(&format!("{id}\n"))?;
    Ok(0)
}
