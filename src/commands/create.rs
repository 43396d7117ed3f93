//! `hutch create`: record a container (nothing runs until `start`) and print its ID.

use crate::cli::CreateArgs;

pub fn run(ctx: &super::Ctx, args: CreateArgs) -> anyhow::Result<i32> {
    // Creating only records the container: no namespace, no reconciliation (fast).
    let mut eng = super::ctrs::engine_light(ctx)?;
    let c = super::ctrs::create(ctx, &mut eng, &args)?;
    println!("{}", c.id);
    Ok(0)
}
