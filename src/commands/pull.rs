//! `hutch pull` and `hutch image pull`.

use crate::cli::{PullArgs, RegistryOpts};
use hutch_engine::auth::AuthOptions;
use hutch_engine::progress::ProgressSink;
use hutch_engine::pull::{PullOptions, PulledImage};

pub fn run(ctx: &super::Ctx, args: PullArgs) -> anyhow::Result<i32> {
    let opts = PullOptions {
        platform: args.platform.clone(),
        os: args.os.clone(),
        arch: args.arch.clone(),
        variant: args.variant.clone(),
        ..options(&args.registry)
    };
    let progress = crate::progress::registry(args.quiet);
    if args.all_tags {
        let pulled =
            ctx.engine()?
                .pull_all_tags(&args.image, &opts, progress.as_ref(), ctrl_c())?;
        for p in pulled {
            println!("{}", p.id);
        }
        return Ok(0);
    }
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

/// Pulls `image` into local storage (for `pull` and `manifest add` of a registry image);
/// Ctrl-C interrupts it. Joins the user namespace first: call it before this process starts
/// any thread.
pub fn pull_with_progress(
    ctx: &super::Ctx,
    image: &str,
    opts: &PullOptions,
    progress: &dyn ProgressSink,
) -> anyhow::Result<PulledImage> {
    Ok(ctx.engine()?.pull(image, opts, progress, ctrl_c())?)
}

/// Completes at the first Ctrl-C: what interrupts a pull started from the terminal.
pub async fn ctrl_c() {
    let _ = tokio::signal::ctrl_c().await;
}
