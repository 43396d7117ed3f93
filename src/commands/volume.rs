//! `hutch volume create|ls|inspect|rm|prune|exists|export|import`.

use crate::cli::{
    VolumeCreateArgs, VolumeExistsArgs, VolumeExportArgs, VolumeImportArgs, VolumeInspectArgs,
    VolumeLsArgs, VolumeMountArgs, VolumePruneArgs, VolumeRmArgs, VolumeUnmountArgs,
};
use crate::format::{self, ListSpec};
use anyhow::Context;
use hutch_engine::volumes::{self, CreateVolume, VolumeError};
use hutch_engine::EngineError;
use std::io::{BufRead, Write};

fn volume_error(e: &anyhow::Error) -> Option<&VolumeError> {
    match e.downcast_ref::<EngineError>() {
        Some(EngineError::Volume(v)) => Some(v),
        _ => None,
    }
}

pub fn create(ctx: &super::Ctx, args: VolumeCreateArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    let v = eng.create_volume(
        &CreateVolume {
            name: args.name.clone(),
            driver: Some(args.driver.clone()),
            options: args.opt.clone(),
            labels: args.label.clone(),
            anonymous: false,
        },
        args.ignore,
    )?;
    println!("{}", v.name);
    Ok(0)
}

pub fn ls(ctx: &super::Ctx, args: VolumeLsArgs) -> anyhow::Result<i32> {
    let filters = hutch_engine::filters::volumes(&args.filter).map_err(EngineError::from)?;
    let eng = ctx.engine()?;
    let db = eng.db();
    let list = volumes::list(db, &filters)?;
    if args.quiet {
        let mut out = String::new();
        for (v, _) in &list {
            out.push_str(&v.name);
            out.push('\n');
        }
        return format::print(&out).map(|()| 0);
    }
    let items: Vec<serde_json::Value> = list
        .iter()
        .map(|(v, _)| volumes::inspect(&ctx.paths, v))
        .collect();
    // Templates see podman's Go time (`2026-12-07 13:57:42.3 +0000 UTC`), JSON the RFC 3339 form.
    let rows: Vec<serde_json::Value> = list
        .iter()
        .zip(&items)
        .map(|((v, _), item)| {
            let mut row = item.clone();
            row["CreatedAt"] = serde_json::json!(format::go_time(v.created));
            row
        })
        .collect();
    let out = format::render_list(
        args.format.as_deref(),
        &ListSpec {
            default: "table {{.Driver}}\t{{.Name}}",
            headers: &[("Name", "VOLUME NAME")],
            noheading: args.noheading,
        },
        &rows,
        || items.clone(),
    )?;
    format::print(&out)?;
    Ok(0)
}

pub fn inspect(ctx: &super::Ctx, args: VolumeInspectArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    let db = eng.db();
    let list = if args.all {
        db.volumes()?
    } else {
        if args.names.is_empty() {
            anyhow::bail!("give at least one volume name, or --all");
        }
        let mut v = Vec::new();
        for n in &args.names {
            v.push(volumes::lookup(db, n)?);
        }
        v
    };
    let found: Vec<serde_json::Value> = list
        .iter()
        .map(|v| volumes::inspect(&ctx.paths, v))
        .collect();
    let out = match args.format.as_deref() {
        None => format::render_one("json", &serde_json::Value::Array(found))?,
        Some(f) if format::is_json(f) => {
            format::render_one("json", &serde_json::Value::Array(found))?
        }
        Some(f) => {
            let mut s = String::new();
            for v in &found {
                s.push_str(&format::render_one(f, v)?);
            }
            s
        }
    };
    format::print(&out)?;
    Ok(0)
}

pub fn rm(ctx: &super::Ctx, args: VolumeRmArgs) -> anyhow::Result<i32> {
    if args.names.is_empty() && !args.all {
        anyhow::bail!("give at least one volume name, or --all");
    }
    let eng = super::ctrs::open(ctx)?;
    let db = eng.db().clone();
    let names: Vec<String> = if args.all {
        db.volumes()?.into_iter().map(|v| v.name).collect()
    } else {
        args.names.clone()
    };
    let result = super::ctrs::each(&names, |name| {
        match eng.remove_volume(name, args.force, args.time) {
            // --force: a volume that does not exist is no error, as in podman.
            Err(e) if args.force && e.kind() == hutch_engine::ErrorKind::NotFound => Ok(None),
            r => Ok(Some(r?)),
        }
    });
    // Podman's volume rm exits 1 when a volume did not exist, 2 when one is in use.
    match result {
        Err(e) => {
            let code = match volume_error(&e) {
                Some(VolumeError::NotFound { .. }) => 1,
                Some(VolumeError::InUse { .. }) => 2,
                _ => return Err(e),
            };
            eprintln!("Error: {}", crate::error_line(&e));
            Ok(code)
        }
        ok => ok,
    }
}

pub fn prune(ctx: &super::Ctx, args: VolumePruneArgs) -> anyhow::Result<i32> {
    let filters = hutch_engine::filters::volumes(&args.filter).map_err(EngineError::from)?;
    if !args.force {
        eprint!("WARNING! This will remove all volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ");
        std::io::stderr().flush().ok();
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "Yes") {
            return Ok(0);
        }
    }
    let eng = super::ctrs::open(ctx)?;
    let removed = eng.prune_volumes(&filters)?;
    let mut out = String::new();
    for (name, _) in removed {
        out.push_str(&name);
        out.push('\n');
    }
    format::print(&out)?;
    Ok(0)
}

pub fn exists(ctx: &super::Ctx, args: VolumeExistsArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    let db = eng.db();
    Ok(if db.volume(&args.name)?.is_some() {
        0
    } else {
        1
    })
}

pub fn export(ctx: &super::Ctx, args: VolumeExportArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    let v = volumes::lookup(eng.db(), &args.name)?;
    match &args.output {
        Some(path) => {
            let f = std::fs::File::create(path)
                .with_context(|| format!("creating {}", path.display()))?;
            let mut w = volumes::export(eng.paths(), &v, std::io::BufWriter::new(f))?;
            w.flush()
                .with_context(|| format!("writing {}", path.display()))?;
        }
        None => {
            use std::io::IsTerminal;
            if std::io::stdout().is_terminal() {
                anyhow::bail!(
                    "volume export {}: refusing to write a tar archive to a terminal: use -o FILE or redirect",
                    v.name
                );
            }
            let mut w = volumes::export(eng.paths(), &v, std::io::stdout().lock())?;
            w.flush()
                .context("writing the archive to standard output")?;
        }
    }
    Ok(0)
}

pub fn import(ctx: &super::Ctx, args: VolumeImportArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    let v = volumes::lookup(eng.db(), &args.name)?;
    if args.source == "-" {
        volumes::import(eng.paths(), &v, std::io::stdin().lock())?;
    } else {
        let f = std::fs::File::open(&args.source)
            .with_context(|| format!("opening {}", args.source))?;
        volumes::import(eng.paths(), &v, std::io::BufReader::new(f))
            .with_context(|| format!("importing {} into volume {}", args.source, v.name))?;
    }
    Ok(0)
}

/// `volume mount`: prints where each volume's data is (podman prints the same path, after
/// `podman unshare`; hutch's local volumes are plain directories you own, so no namespace is
/// needed to read them).
pub fn mount(ctx: &super::Ctx, args: VolumeMountArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    super::ctrs::each(&args.names, |n| {
        Ok(Some(eng.volume_path(n)?.display().to_string()))
    })
}

/// `volume unmount`: nothing to undo for a local volume; an unknown one is still an error.
pub fn unmount(ctx: &super::Ctx, args: VolumeUnmountArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    super::ctrs::each(&args.names, |n| {
        eng.volume_path(n)?;
        Ok(Some(n.to_string()))
    })
}
