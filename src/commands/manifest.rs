//! `hutch manifest create|add|annotate|inspect|push|rm|remove`: local manifest lists.

use crate::cli::{Lazy, ManifestCommand};
use anyhow::Context;
use hutch_engine::manifests::{self, EntryOverrides};
use hutch_engine::push::PushError;

pub fn run(ctx: &super::Ctx, cmd: ManifestCommand) -> anyhow::Result<i32> {
    let paths = &ctx.paths;
    match cmd {
        ManifestCommand::Create(Lazy(a)) => {
            let media_type = manifests::parse_format(&a.format)?;
            let eng = ctx.engine()?;
            let db = eng.db();
            let l = manifests::create(paths, db, &a.list, &a.images, media_type, a.amend)?;
            println!("{}", l.id);
        }
        ManifestCommand::Add(Lazy(a)) => {
            // An unknown list fails before anything is pulled.
            manifests::find(paths, &a.list)?;
            let images = source_images(ctx, &a)?;
            let eng = ctx.engine()?;
            let db = eng.db();
            let o = EntryOverrides {
                os: a.os,
                arch: a.arch,
                variant: a.variant,
                annotations: a.annotation,
            };
            let mut id = String::new();
            for image in &images {
                id = manifests::add(paths, db, &a.list, image, &o)?.id;
            }
            println!("{id}");
        }
        ManifestCommand::Annotate(Lazy(a)) => {
            let eng = ctx.engine()?;
            let db = eng.db();
            let o = EntryOverrides {
                os: a.os,
                arch: a.arch,
                variant: a.variant,
                annotations: a.annotation,
            };
            let l = manifests::annotate(paths, db, &a.list, &a.image, &o)?;
            println!("{}", l.id);
        }
        ManifestCommand::Inspect(Lazy(a)) => {
            let l = manifests::find(paths, &a.list)?;
            println!("{}", String::from_utf8_lossy(&l.to_index()));
        }
        ManifestCommand::Rm(Lazy(a)) => {
            let mut failed = None;
            for name in &a.lists {
                match manifests::delete(paths, name) {
                    Ok(l) => {
                        for n in &l.names {
                            println!("Untagged: {n}");
                        }
                        println!("Deleted: {}", l.id);
                    }
                    Err(e) => {
                        eprintln!("Error: {e}");
                        failed = Some(1);
                    }
                }
            }
            return Ok(failed.map(|_| 125).unwrap_or(0));
        }
        ManifestCommand::Remove(Lazy(a)) => {
            let eng = ctx.engine()?;
            let db = eng.db();
            let l = manifests::remove_entry(paths, db, &a.list, &a.digest)?;
            println!("{}", l.id);
        }
        ManifestCommand::Push(Lazy(a)) => {
            let opts = super::push::options(
                &a.registry,
                a.format.as_deref(),
                a.compression_format.as_deref(),
                a.compression_level,
            )?;
            let progress = crate::progress::registry(a.quiet);
            ctx.paths.ensure_dirs()?;
            ctx.enter_userns()?;
            let list = a.list.clone();
            let digest = crate::rt::block_on(async {
                tokio::select! {
                    r = manifests::push_list(paths, &list, a.destination.as_deref(), a.all, &opts, progress.as_ref()) => r,
                    _ = tokio::signal::ctrl_c() => Err(PushError::Interrupted { image: list.clone() }.into()),
                }
            })?;
            let digest = digest?;
            if let Some(path) = &a.digestfile {
                std::fs::write(path, digest.as_str())
                    .with_context(|| format!("writing the digest file {}", path.display()))?;
            }
            if a.rm {
                manifests::delete(paths, &a.list)?;
            }
        }
    }
    Ok(0)
}

/// The local images `manifest add` adds: `containers-storage:NAME` and names of local images
/// as they are; `docker://REF` and names not in local storage are pulled first (as podman
/// reads them from the registry): for the platform the entry flags name, or with `--all` (which
/// always looks in the registry) every image of a manifest list.
fn source_images(ctx: &super::Ctx, a: &crate::cli::ManifestAddArgs) -> anyhow::Result<Vec<String>> {
    if let Some(local) = a.image.strip_prefix("containers-storage:") {
        return Ok(vec![local.to_string()]);
    }
    let remote = match a.image.strip_prefix("docker://") {
        Some(r) => r,
        // Local images are never lists: --all means the registry's.
        None if a.all => &a.image,
        None => {
            let eng = ctx.engine()?;
            let db = eng.db();
            match hutch_engine::images::lookup(db, &a.image) {
                Ok(_) => return Ok(vec![a.image.clone()]),
                Err(hutch_engine::EngineError::ImageNotKnown { .. }) => &a.image,
                Err(e) => return Err(e.into()),
            }
        }
    };
    let opts = hutch_engine::pull::PullOptions {
        os: a.os.clone(),
        arch: a.arch.clone(),
        variant: a.variant.clone(),
        ..super::pull::options(&a.registry)
    };
    let progress = crate::progress::registry(false);
    let entries = if a.all {
        // Joined before the runtime below starts threads; the pulls then find us inside.
        ctx.enter_userns()?;
        crate::rt::block_on(hutch_engine::pull::list_entries(&ctx.paths, remote, &opts))??
    } else {
        None
    };
    let Some(entries) = entries else {
        return Ok(vec![
            super::pull::pull_with_progress(ctx, remote, &opts, progress.as_ref())?.id,
        ]);
    };
    let mut ids = Vec::new();
    // By digest: each names one image, whatever platform the flags name.
    let one = hutch_engine::pull::PullOptions {
        os: None,
        arch: None,
        variant: None,
        ..opts
    };
    for reference in entries {
        ids.push(super::pull::pull_with_progress(ctx, &reference, &one, progress.as_ref())?.id);
    }
    Ok(ids)
}
