//! `hutch healthcheck run`: runs a container's healthcheck now (through its monitor, which
//! records it like a scheduled one) and prints the result as podman does; and the hidden
//! `healthcheck changed`, which the monitor calls when the status changes.

use crate::cli::{HealthcheckChangedArgs, HealthcheckRunArgs};

pub fn run(ctx: &super::Ctx, args: HealthcheckRunArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    let health = eng.healthcheck_run(&args.container)?;
    let ok = health.log.last().is_some_and(|l| l.exit_code == 0);
    if ok {
        println!("healthy");
        Ok(0)
    } else {
        println!(
            "{}",
            if health.status == "starting" {
                "starting"
            } else {
                "unhealthy"
            }
        );
        Ok(1)
    }
}

pub fn changed(ctx: &super::Ctx, args: HealthcheckChangedArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    eng.health_changed(&args.container, &args.status)?;
    Ok(0)
}
