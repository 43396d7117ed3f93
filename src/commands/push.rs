//! `hutch push` and `hutch image push`.

use crate::cli::PushArgs;
use anyhow::Context;
use hutch_engine::auth::AuthOptions;
use hutch_engine::push::{PushError, PushOptions};

/// What `push` and `manifest push` share: registry access, format and compression flags.
pub fn options(
    registry: &crate::cli::RegistryOpts,
    format: Option<&str>,
    compression: Option<&str>,
    compression_level: Option<i32>,
) -> anyhow::Result<PushOptions> {
    Ok(PushOptions {
        tls_verify: registry.tls_verify,
        cert_dir: registry.cert_dir.clone(),
        auth: AuthOptions {
            creds: registry.creds.clone(),
            authfile: registry.authfile.clone(),
        },
        format: format.map(str::parse).transpose()?,
        compression: compression.map(str::parse).transpose()?,
        compression_level,
        insecure_loopback: false,
    })
}

pub fn run(ctx: &super::Ctx, args: PushArgs) -> anyhow::Result<i32> {
    let opts = options(
        &args.registry,
        args.format.as_deref(),
        args.compression_format.as_deref(),
        args.compression_level,
    )?;
    let progress = crate::progress::registry(args.quiet);
    ctx.paths.ensure_dirs()?;
    // Layers are read as stored, owned by IDs of the user namespace: join it before any thread.
    ctx.enter_userns()?;
    let image = args.image.clone();
    let pushed = crate::rt::block_on(async {
        tokio::select! {
            r = hutch_engine::push::push(&ctx.paths, &image, args.destination.as_deref(), &opts, progress.as_ref()) => r,
            _ = tokio::signal::ctrl_c() => Err(PushError::Interrupted { image: image.clone() }.into()),
        }
    })?;
    let pushed = pushed?;
    tracing::debug!(
        "{}: pushed {} (uploaded {} blobs, reused {})",
        args.image,
        pushed.digest,
        pushed.uploaded,
        pushed.reused
    );
    if let Some(path) = &args.digestfile {
        std::fs::write(path, pushed.digest.as_str())
            .with_context(|| format!("writing the digest file {}", path.display()))?;
    }
    Ok(0)
}
