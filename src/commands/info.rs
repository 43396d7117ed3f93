//! `hutch info`: the host, the rootless set-up and the store, as podman's `info` shows them
//! (YAML-like by default, `--format json`, or a template over the same fields).

use crate::cli::InfoArgs;
use hutch_engine::container::runtime;
use hutch_engine::host;
use serde_json::{json, Value};

pub fn run(ctx: &super::Ctx, args: InfoArgs) -> anyhow::Result<i32> {
    let info = gather(ctx)?;
    let out = match args.format.as_deref() {
        None => crate::format::yaml(&info),
        Some(f) if f.trim().eq_ignore_ascii_case("yaml") => crate::format::yaml(&info),
        Some(f) => crate::format::render_one(f, &info)?,
    };
    crate::format::print(&out)?;
    Ok(0)
}

fn program(p: Option<host::Program>) -> Value {
    match p {
        Some(p) => json!({"name": p.name, "path": p.path, "version": p.version}),
        None => json!({"name": "", "path": "", "version": "not found"}),
    }
}

fn gather(ctx: &super::Ctx) -> anyhow::Result<Value> {
    let paths = &ctx.paths;
    let rootless = paths.rootless();
    let id_mappings = match hutch_engine::userns::mappings(paths) {
        Ok(m) => json!({
            "uidmap": m.uid_map,
            "gidmap": m.gid_map,
            "singleMapping": m.single_mapping,
        }),
        Err(e) => json!({"error": e.to_string()}),
    };
    let cg = host::cgroups(paths.uid);
    let (distro, distro_version) = host::distribution();
    let (mem_total, mem_free) = host::memory();
    let tools: Vec<(&str, Value)> = ["pasta", "slirp4netns", "netavark", "aardvark-dns"]
        .into_iter()
        .map(|t| {
            let p = host::first_program(&[t]);
            (
                t,
                json!({
                    "executable": p.as_ref().map(|p| p.path.clone()).unwrap_or_default(),
                    "version": p.map(|p| p.version).unwrap_or_else(|| "not found".into()),
                }),
            )
        })
        .collect();
    let image_count = ctx.engine()?.db().images()?.len();
    let version = env!("CARGO_PKG_VERSION");
    let arch = super::version::go_arch();

    let mut host_info = serde_json::Map::new();
    for (k, v) in [
        ("arch", json!(arch)),
        ("os", json!(std::env::consts::OS)),
        ("kernel", json!(host::kernel())),
        ("hostname", json!(host::hostname())),
        (
            "distribution",
            json!({"distribution": distro, "version": distro_version}),
        ),
        (
            "cpus",
            json!(std::thread::available_parallelism().map_or(1, |n| n.get())),
        ),
        ("memTotal", json!(mem_total)),
        ("memFree", json!(mem_free)),
        ("cgroupVersion", json!(cg.version)),
        ("cgroupControllers", json!(cg.controllers)),
        (
            "resourceLimits",
            json!({
                "available": cg.limits_available,
                "reason": cg.limits_reason.clone().unwrap_or_default(),
            }),
        ),
        ("idMappings", id_mappings),
        // The runtime new containers get, from the function that gives it to them.
        (
            "ociRuntime",
            program(runtime::describe(ctx.runtime.as_deref(), paths).ok()),
        ),
    ] {
        host_info.insert(k.into(), v);
    }
    for (k, v) in tools {
        host_info.insert(k.into(), v);
    }
    host_info.insert("rootless".into(), json!(rootless));
    host_info.insert("security".into(), json!({"rootless": rootless}));
    if let Some(w) = &paths.runtime_dir_warning {
        host_info.insert("runtimeDirWarning".into(), json!(w));
    }

    // Last: finding the driver may need the user namespace, which changes who we appear to be.
    let driver = graph_driver(ctx);
    Ok(json!({
        "host": Value::Object(host_info),
        "store": {
            "graphRoot": paths.graphroot,
            "runRoot": paths.runroot,
            "graphDriverName": driver,
            "databasePath": paths.db_path(),
            "imageStore": {"number": image_count},
        },
        "version": {
            "Version": version,
            "APIVersion": version,
            "OsArch": format!("{}/{arch}", std::env::consts::OS),
            "Os": std::env::consts::OS,
        },
    }))
}

/// The storage driver in use: forced or remembered; otherwise detected now, which for an
/// unprivileged user needs hutch's user namespace. A failure is reported, not fatal.
fn graph_driver(ctx: &super::Ctx) -> String {
    let paths = &ctx.paths;
    let known = ctx.driver_name();
    if !known.is_empty() {
        return known;
    }
    if paths.rootless() {
        if let Err(e) = ctx.enter_userns() {
            return format!("unknown (cannot enter the user namespace: {e})");
        }
    }
    match hutch_engine::storage_driver::choose(paths) {
        Ok(d) => d.name().to_string(),
        Err(e) => format!("unknown ({e})"),
    }
}
