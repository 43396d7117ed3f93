//! `hutch image mount` / `hutch image unmount`: read-only image mounts in hutch's user and
//! mount namespace (seen from `hutch unshare`), counted so two mounts need two unmounts.

use crate::cli::{ImageMountArgs, ImageUnmountArgs};
use crate::format;
use hutch_engine::images;
use serde_json::json;

pub fn mount(ctx: &super::Ctx, args: ImageMountArgs) -> anyhow::Result<i32> {
    ctx.enter_userns()?;
    let eng = ctx.engine()?;
    let db = eng.db();
    if args.images.is_empty() {
        let mounted = images::mounted(db, &ctx.paths)?;
        let rows: Vec<_> = mounted
            .iter()
            .map(|(img, path)| json!({"ID": img.id, "Names": img.names, "Path": path}))
            .collect();
        let spec = format::ListSpec {
            default: "{{.ID}}\t{{.Path}}",
            headers: &[],
            noheading: true,
        };
        let out = format::render_list(args.format.as_deref(), &spec, &rows, || rows.clone())?;
        format::print(&out)?;
        return Ok(0);
    }
    for name in &args.images {
        let img = images::lookup(db, name)?.image;
        let path = images::mount(db, &ctx.paths, &img)?;
        format::print(&format!("{}\n", path.display()))?;
    }
    Ok(0)
}

pub fn unmount(ctx: &super::Ctx, args: ImageUnmountArgs) -> anyhow::Result<i32> {
    if args.all != args.images.is_empty() {
        anyhow::bail!("give either image names or --all");
    }
    ctx.enter_userns()?;
    let eng = ctx.engine()?;
    let db = eng.db();
    let targets = if args.all {
        images::mounted(db, &ctx.paths)?
            .into_iter()
            .map(|(img, _)| img)
            .collect()
    } else {
        let mut v = Vec::new();
        for name in &args.images {
            v.push(images::lookup(db, name)?.image);
        }
        v
    };
    for img in targets {
        // -a unmounts completely, as podman's `image unmount --all` does.
        if images::unmount(db, &ctx.paths, &img, args.force || args.all)? {
            format::print(&format!("{}\n", img.id))?;
        }
    }
    Ok(0)
}
