//! `hutch pull` and `hutch image pull`.

use crate::cli::{PullArgs, RegistryOpts};
use anyhow::Context;
use hutch_engine::auth::AuthOptions;
use hutch_engine::progress::{ProgressSink, Silent};
use hutch_engine::pull::{PullError, PullOptions, PulledImage};

pub fn run(ctx: &super::Ctx, args: PullArgs) -> anyhow::Result<i32> {
    if args.all_tags {
        anyhow::bail!("pull --all-tags is not supported yet");
    }
    let opts = PullOptions {
        platform: args.platform.clone(),
        os: args.os.clone(),
        arch: args.arch.clone(),
        variant: args.variant.clone(),
        ..options(&args.registry)
    };
    let progress = crate::progress::registry(args.quiet);
    let pulled = pull_with_progress(ctx, &args.image, &opts, progress.as_ref())?;
    println!("{}", pulled.id);
    Ok(0)
}

/// Pull options from the registry flags (no platform).
pub fn options(registry: &RegistryOpts) -> PullOptions {
    PullOptions {
        tls_verify: registry.tls_verify,
        cert_dir: registry.cert_dir.clone(),
        auth: AuthOptions {
            creds: registry.creds.clone(),
            authfile: registry.authfile.clone(),
        },
        ..Default::default()
    }
}

/// Pulls `image` into local storage without showing progress (`run --pull`).
pub fn pull(ctx: &super::Ctx, image: &str, opts: &PullOptions) -> anyhow::Result<PulledImage> {
    pull_with_progress(ctx, image, opts, &Silent)
}

/// Pulls `image` into local storage (for `pull`, `run --pull`, `manifest add` of a registry
/// image). Joins the user namespace first: call it before this process starts any thread.
pub fn pull_with_progress(
    ctx: &super::Ctx,
    image: &str,
    opts: &PullOptions,
    progress: &dyn ProgressSink,
) -> anyhow::Result<PulledImage> {
    ctx.paths.ensure_dirs()?;
    let userns = hutch_engine::userns::enter(&ctx.paths)?;
    // Choose (once, then remembered) the storage driver while we are inside the namespace, so
    // read-only commands like `inspect` can name it without ever probing mounts themselves.
    hutch_engine::storage_driver::choose(&ctx.paths).context("choosing a storage driver")?;
    let pulled = crate::rt::block_on(async {
        tokio::select! {
            r = hutch_engine::pull::pull(&ctx.paths, &userns, image, opts, progress) => r,
            // Dropping the pull cancels the downloads; staging directories go with them.
            _ = tokio::signal::ctrl_c() => Err(PullError::Interrupted { image: image.to_string() }.into()),
        }
    })?;
    // Waits for the unpacking threads (an interrupted pull's remove their staging
    // directories), and leaves the process single-threaded again for what `run --pull` does
    // next (forks, namespace work); a later async step builds the runtime anew.
    crate::rt::shutdown();
    Ok(pulled?)
}
