//! `hutch run`: create a container and start it, attached (returning its exit code) or with
//! `-d` in the background (printing its ID), in one engine call.

use crate::cli::RunArgs;
use hutch_engine::container::run::{AttachRequest, RunOptions};
use hutch_engine::EngineError;

pub fn run(ctx: &super::Ctx, args: RunArgs) -> anyhow::Result<i32> {
    hutch_engine::container::podman_opts::claim_preserved_fds(args.preserve_fds)
        .map_err(EngineError::from)?;
    let eng = super::ctrs::open(ctx)?;
    let a = &args.create;
    let spec = super::create_spec::container_spec(a).map_err(EngineError::from)?;
    let opts = RunOptions {
        create: super::create::options(a)?,
        detach: args.detach,
        attach: AttachRequest {
            stdin: a.interactive,
            detach_keys: args.detach_keys.clone(),
        },
        preserve_fds: args.preserve_fds,
    };
    if args.rmi && !a.rm {
        anyhow::bail!("the --rmi option does not work without --rm");
    }
    let streams = super::attach::Streams::parse(&args.attach)?;
    let code = super::attach::session_with(args.sig_proxy, streams, |io| {
        // As podman, `run` draws no pull progress; Ctrl-C interrupts a pull.
        eng.run(
            &spec,
            &a.image,
            &opts,
            io,
            &hutch_engine::progress::Silent,
            super::pull::ctrl_c(),
        )
    })?;
    if args.rmi && !args.detach {
        // As podman: the image goes if nothing else uses it; a failure is only a warning.
        if let Err(e) = eng.remove_image(&a.image, hutch_engine::images::RemoveOptions::default()) {
            eprintln!("Warning: removing image {}: {e}", a.image);
        }
    }
    Ok(code)
}
