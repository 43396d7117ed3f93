//! `hutch rm`, `hutch container exists` and `hutch container prune`.

use crate::cli::{ContainerExistsArgs, ContainerPruneArgs, RmArgs};
use hutch_engine::container::{self, ContainerError};
use hutch_engine::EngineError;

pub fn run(ctx: &super::Ctx, args: RmArgs) -> anyhow::Result<i32> {
    let mut eng = super::ctrs::engine(ctx)?;
    let names = super::ctrs::targets(&eng, &args.containers, args.all, |_| true)?;
    let result = super::ctrs::each(&names, |name| {
        let c = match container::lookup(&eng.db, name) {
            Ok(c) => c,
            Err(ContainerError::NotFound { .. }) if args.ignore => return Ok(None),
            Err(e) => return Err(EngineError::from(e).into()),
        };
        let _lock = container::lock(&eng.paths, &c.id)?;
        let Some(c) = eng.reload(&c.id)? else {
            // Removed meanwhile (--rm, another rm): podman reports it as removed.
            return Ok(Some(c.id));
        };
        let cfg = container::config_of(&c).ok();
        eng.remove(&c, args.force, args.time)?;
        if args.volumes {
            if let Some(cfg) = &cfg {
                eng.remove_anonymous_volumes(cfg);
            }
        }
        Ok(Some(c.id))
    });
    // Podman's rm exits 1 when a container did not exist and nothing else failed.
    match result {
        Err(e)
            if matches!(
                e.downcast_ref::<EngineError>(),
                Some(EngineError::Container(c)) if matches!(**c, ContainerError::NotFound { .. })
            ) =>
        {
            eprintln!("Error: {}", crate::error_line(&e));
            Ok(1)
        }
        r => r,
    }
}

pub fn exists(ctx: &super::Ctx, args: ContainerExistsArgs) -> anyhow::Result<i32> {
    let db = ctx.db()?;
    match container::lookup(&db, &args.container) {
        Ok(_) => Ok(0),
        Err(ContainerError::NotFound { .. }) => Ok(1),
        Err(e) => Err(EngineError::from(e).into()),
    }
}

pub fn prune(ctx: &super::Ctx, args: ContainerPruneArgs) -> anyhow::Result<i32> {
    if !args.force {
        use std::io::{BufRead, Write};
        eprint!("WARNING! This will remove all non running containers.\nAre you sure you want to continue? [y/N] ");
        std::io::stderr().flush().ok();
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "Yes") {
            return Ok(0);
        }
    }
    let mut eng = super::ctrs::engine(ctx)?;
    for c in eng.db.containers()? {
        let state = container::observe(&eng.paths, &c).state;
        if matches!(
            state.as_str(),
            container::EXITED | container::STOPPED | container::CONFIGURED
        ) {
            let _lock = container::lock(&eng.paths, &c.id)?;
            if let Some(c) = eng.reload(&c.id)? {
                eng.remove(&c, false, None)?;
                println!("{}", c.id);
            }
        }
    }
    Ok(0)
}
