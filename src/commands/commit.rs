//! `hutch commit`: a new image from a container's changes.

use crate::cli::CommitArgs;
use hutch_engine::container::{self, commit::CommitOptions};

pub fn run(ctx: &super::Ctx, args: CommitArgs) -> anyhow::Result<i32> {
    if let Some(f) = &args.format {
        if !matches!(f.as_str(), "oci" | "docker") {
            anyhow::bail!("invalid --format {f:?}: expected oci or docker");
        }
    }
    let mut eng = super::ctrs::engine(ctx)?;
    let c = super::ctrs::find(&eng, &args.container)?;
    let _lock = container::lock(&eng.paths, &c.id)?;
    let c = eng.reload(&c.id)?.unwrap_or(c);
    if args.pause == Some(true) {
        tracing::info!(
            "--pause: rootless containers without a cgroup freezer are committed running"
        );
    }
    let id = eng.commit(
        &c,
        &CommitOptions {
            name: args.image.clone(),
            author: args.author.clone(),
            message: args.message.clone(),
            changes: args.change.clone(),
        },
        // podman prints no progress for a commit either.
        &hutch_engine::progress::Silent,
    )?;
    crate::format::print(&format!("{id}\n"))?;
    Ok(0)
}
