//! `hutch create`: record a container (nothing runs until `start`) and print its ID.

use crate::cli::CreateArgs;

pub fn run(ctx: &super::Ctx, args: CreateArgs) -> anyhow::Result<i32> {
    // Creating only records the container: no namespace, no reconciliation (fast).
    let eng = super::ctrs::open_unjoined(ctx)?;
    let c = super::ctrs::create(ctx, &eng, &args)?;
    println!("{}", c.id);
    Ok(0)
}
