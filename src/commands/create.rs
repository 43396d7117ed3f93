//! `hutch create`: record a container (nothing runs until `start`) and print its ID.

use crate::cli::CreateArgs;
use hutch_engine::container::run::CreateOptions;
use hutch_engine::EngineError;

pub fn run(ctx: &super::Ctx, args: CreateArgs) -> anyhow::Result<i32> {
    // Creating only records the container: no namespace, no reconciliation (fast).
    let eng = super::ctrs::open_unjoined(ctx)?;
    let spec = super::create_spec::container_spec(&args).map_err(EngineError::from)?;
    // As podman, `create` draws no pull progress; Ctrl-C interrupts a pull.
    let c = eng.create_container(
        &spec,
        &args.image,
        &options(&args)?,
        &hutch_engine::progress::Silent,
        super::pull::ctrl_c(),
    )?;
    println!("{}", c.id);
    Ok(0)
}

/// How `create` and `run` find the image (`--pull`) and where the ID goes (`--cidfile`).
pub(super) fn options(a: &CreateArgs) -> anyhow::Result<CreateOptions> {
    Ok(CreateOptions {
        pull: a.pull.parse()?,
        pull_options: super::pull::options(&a.registry),
        cidfile: a.cidfile.clone(),
        replace: a.replace,
    })
}
