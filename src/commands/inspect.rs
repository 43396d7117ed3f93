//! `hutch inspect` and `hutch image inspect`: podman's JSON array, or a template per image.

use crate::cli::InspectArgs;
use hutch_engine::{images, EngineError};

/// `hutch container inspect`: containers only.
pub fn run_containers(ctx: &super::Ctx, mut args: InspectArgs) -> anyhow::Result<i32> {
    args.kind = "container".into();
    run(ctx, args)
}

pub fn run(ctx: &super::Ctx, args: InspectArgs) -> anyhow::Result<i32> {
    if !matches!(
        args.kind.as_str(),
        "all" | "image" | "container" | "volume" | "network" | "pod"
    ) {
        anyhow::bail!(
            "invalid type {:?}: must be \"image\", \"container\", \"pod\", \"network\", \"volume\", or \"all\"",
            args.kind
        );
    }
    let eng = ctx.engine()?;
    let db = eng.db();
    let driver = ctx.driver_name();
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for name in &args.names {
        match args.kind.as_str() {
            "volume" => {
                match db.volume(name)? {
                    Some(v) => found.push(hutch_engine::volumes::inspect(&ctx.paths, &v)),
                    None => missing.push(name.clone()),
                }
                continue;
            }
            "network" | "pod" => {
                match other_kinds(ctx, &eng, &args.kind, name)? {
                    Some(v) => found.push(v),
                    None => missing.push(name.clone()),
                }
                continue;
            }
            _ => {}
        }
        // Podman looks for a container first, then an image, then a volume.
        if args.kind != "image" {
            match hutch_engine::container::lookup(db, name) {
                Ok(c) => {
                    let mut v = hutch_engine::container::inspect::view(&ctx.paths, &c, &driver);
                    // podman's ImageDigest: the digest of the image's manifest.
                    if let Ok(Some(img)) = db.image(&c.image_id) {
                        v["ImageDigest"] = serde_json::json!(img.digest);
                    }
                    found.push(v);
                    continue;
                }
                Err(hutch_engine::container::ContainerError::NotFound { .. }) => {}
                Err(e) => return Err(EngineError::from(e).into()),
            }
            if args.kind == "container" {
                missing.push(name.clone());
                continue;
            }
        }
        match images::lookup(db, name) {
            Ok(f) => {
                let view = images::inspect(db, &ctx.paths, &f.image, &driver)?;
                found.push(serde_json::to_value(view)?);
            }
            Err(EngineError::ImageNotKnown { .. }) if args.kind == "all" => {
                match db.volume(name)? {
                    Some(v) => found.push(hutch_engine::volumes::inspect(&ctx.paths, &v)),
                    None => match other_kinds(ctx, &eng, "all", name)? {
                        Some(v) => found.push(v),
                        None => missing.push(name.clone()),
                    },
                }
            }
            Err(EngineError::ImageNotKnown { .. }) => missing.push(name.clone()),
            Err(e) => return Err(e.into()),
        }
    }
    let out = match args.format.as_deref() {
        None => crate::format::render_one("json", &serde_json::Value::Array(found))?,
        Some(f) if crate::format::is_json(f) => {
            crate::format::render_one("json", &serde_json::Value::Array(found))?
        }
        Some(f) => {
            let mut s = String::new();
            for v in &found {
                s.push_str(&crate::format::render_one(f, v)?);
            }
            s
        }
    };
    // Podman prints what it found, then fails naming the first missing object.
    crate::format::print(&out)?;
    if let Some(name) = missing.first() {
        if args.kind == "pod" {
            anyhow::bail!("inspecting object: no such pod {name}");
        }
        anyhow::bail!("inspecting object: no such object: {name:?}");
    }
    Ok(0)
}

/// The network, then the pod, named `name` (podman's order after volumes), as their own
/// inspect commands show them; `kind` "network" or "pod" looks for that kind only.
fn other_kinds(
    ctx: &super::Ctx,
    eng: &hutch_engine::Engine,
    kind: &str,
    name: &str,
) -> anyhow::Result<Option<serde_json::Value>> {
    if kind != "pod" {
        match hutch_engine::networks::store(&ctx.paths).get(name) {
            Ok(n) => return Ok(Some(serde_json::to_value(&n)?)),
            Err(hutch_engine::networks::NetworksError::NotFound { .. }) if kind == "network" => {
                return Ok(None)
            }
            Err(e) if kind == "network" => return Err(EngineError::from(e).into()),
            Err(_) => {}
        }
    }
    match eng.pod_info(name) {
        Ok(p) => Ok(Some(super::pod::inspect::view(&p))),
        Err(e) if super::pod::verbs::is_missing(&e) => Ok(None),
        Err(e) => Err(e.into()),
    }
}
