//! `hutch mount` / `hutch unmount`: a container's root filesystem mounted in hutch's mount
//! namespace (seen from `hutch unshare`), counted so two mounts need two unmounts.

use crate::cli::{MountArgs, UnmountArgs};
use crate::format;
use hutch_engine::container::{self, rootfs};
use serde_json::json;

pub fn mount(ctx: &super::Ctx, args: MountArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    if args.containers.is_empty() {
        let mut rows = Vec::new();
        for c in eng.db().containers()? {
            let dirs = container::Dirs::new(eng.paths(), &c.id);
            if rootfs::user_mounts(&dirs) > 0 {
                rows.push(json!({
                    "id": c.id,
                    "ID": if args.no_trunc { c.id.clone() } else { c.id[..12].to_string() },
                    "Names": [c.name],
                    "mountpoint": dirs.merged,
                    "Mountpoint": dirs.merged,
                }));
            }
        }
        let spec = format::ListSpec {
            default: "{{.ID}}\t{{.Mountpoint}}",
            headers: &[],
            noheading: true,
        };
        let out = format::render_list(args.format.as_deref(), &spec, &rows, || {
            rows.iter()
                .map(|r| json!({"id": r["id"], "Names": r["Names"], "mountpoint": r["mountpoint"]}))
                .collect()
        })?;
        format::print(&out)?;
        return Ok(0);
    }
    super::ctrs::each(&args.containers, |name| {
        let path = eng.with_container(name, |ops, c| ops.mount_user(&c))?;
        Ok(Some(path.display().to_string()))
    })
}

pub fn unmount(ctx: &super::Ctx, args: UnmountArgs) -> anyhow::Result<i32> {
    if args.all != args.containers.is_empty() {
        anyhow::bail!("give either container names or --all");
    }
    let eng = super::ctrs::open(ctx)?;
    let names: Vec<String> = if args.all {
        eng.db()
            .containers()?
            .into_iter()
            .filter(|c| rootfs::user_mounts(&container::Dirs::new(eng.paths(), &c.id)) > 0)
            .map(|c| c.id)
            .collect()
    } else {
        args.containers.clone()
    };
    super::ctrs::each(&names, |name| {
        // -a unmounts completely, as podman's `unmount --all` does.
        let id = eng.with_container(name, |ops, c| {
            ops.unmount_user(&c, args.force || args.all)?;
            Ok(c.id)
        })?;
        Ok(Some(id))
    })
}
