//! `hutch pull` and `hutch image pull`.

use crate::cli::PullArgs;
use anyhow::Context;
use hutch_engine::auth::AuthOptions;
use hutch_engine::pull::{PullError, PullOptions};
use std::io::IsTerminal;

pub fn run(ctx: &super::Ctx, args: PullArgs) -> anyhow::Result<i32> {
    if args.all_tags {
        anyhow::bail!("pull --all-tags is not supported yet");
    }
    ctx.paths.ensure_dirs()?;
    // Joins the user namespace; must happen before the tokio runtime starts any thread.
    let userns = hutch_engine::userns::enter(&ctx.paths)?;
    // Choose (once, then remembered) the storage driver while we are inside the namespace, so
    // read-only commands like `inspect` can name it without ever probing mounts themselves.
    hutch_storage::mount::driver(&ctx.paths.graphroot, ctx.paths.storage_driver.as_deref())
        .context("choosing a storage driver")?;
    let opts = PullOptions {
        tls_verify: args.registry.tls_verify,
        cert_dir: args.registry.cert_dir.clone(),
        auth: AuthOptions {
            creds: args.registry.creds.clone(),
            authfile: args.registry.authfile.clone(),
        },
        platform: args.platform.clone(),
        os: args.os.clone(),
        arch: args.arch.clone(),
        variant: args.variant.clone(),
        progress: !args.quiet && std::io::stderr().is_terminal(),
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let image = args.image.clone();
    let pulled = rt.block_on(async {
        tokio::select! {
            r = hutch_engine::pull::pull(&ctx.paths, &userns, &image, &opts) => r,
            // Dropping the pull cancels the downloads; staging directories go with them.
            _ = tokio::signal::ctrl_c() => Err(PullError::Interrupted { image: image.clone() }.into()),
        }
    });
    // Waits for the unpacking threads, which remove their staging directories.
    drop(rt);
    let pulled = pulled?;
    println!("{}", pulled.id);
    Ok(0)
}
