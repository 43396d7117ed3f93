//! `hutch create`: record a container (nothing runs until `start`) and print its ID.

use crate::cli::CreateArgs;
use hutch_engine::container::run::CreateOptions;
use hutch_engine::EngineError;

pub fn run(ctx: &super::Ctx, args: CreateArgs) -> anyhow::Result<i32> {
    // Creating only records the container: no namespace, no reconciliation (fast).
    let eng = super::ctrs::open_unjoined(ctx)?;
    let spec = super::create_spec::container_spec(&args).map_err(EngineError::from)?;
    let c = eng.create_container(&spec, &args.image, &options(&args)?, |image| {
        super::pull::pull(ctx, image, &super::pull::options(&args.registry))
    })?;
    println!("{}", c.id);
    Ok(0)
}

/// How `create` and `run` find the image (`--pull`) and where the ID goes (`--cidfile`).
pub(super) fn options(a: &CreateArgs) -> anyhow::Result<CreateOptions> {
    Ok(CreateOptions {
        pull: a.pull.parse()?,
        cidfile: a.cidfile.clone(),
    })
}
