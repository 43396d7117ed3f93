//! `hutch rm`, `hutch container exists` and `hutch container prune`.

use crate::cli::{ContainerExistsArgs, ContainerPruneArgs, RmArgs};
use hutch_engine::container::{self, ContainerError};
use hutch_engine::{EngineError, RemoveOptions};

pub fn run(ctx: &super::Ctx, args: RmArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    let mut names = args.containers.clone();
    names.extend(super::cidfile::ids(&args.cidfile, args.ignore)?);
    if names.is_empty() && !args.all && !args.cidfile.is_empty() {
        // Only ID files that name nothing, with --ignore.
        for f in &args.cidfile {
            super::cidfile::remove(f);
        }
        return Ok(0);
    }
    let names = super::ctrs::targets_filtered(&eng, &names, args.all, &args.filter, |_, _| true)?;
    let opts = RemoveOptions {
        force: args.force,
        volumes: args.volumes,
        timeout: args.time,
        depend: args.depend,
    };
    let result = super::ctrs::each(&names, |name| match eng.remove(name, opts) {
        // --force implies --ignore, as in podman.
        Err(EngineError::Container(e))
            if (args.ignore || args.force) && matches!(*e, ContainerError::NotFound { .. }) =>
        {
            Ok(None)
        }
        // Removed meanwhile (--rm, another rm) counts as removed, as in podman, which echoes
        // what was asked for: the name or ID as typed (IDs with --all and --cidfile).
        r => r.map(|_| Some(name.to_string())).map_err(Into::into),
    });
    if result.is_ok() {
        for f in &args.cidfile {
            super::cidfile::remove(f);
        }
    }
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
    let eng = ctx.engine()?;
    let db = eng.db();
    match container::lookup(db, &args.container) {
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
    let eng = super::ctrs::open(ctx)?;
    eng.prune_containers(|id| println!("{id}"))?;
    Ok(0)
}
