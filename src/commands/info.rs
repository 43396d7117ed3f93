//! `hutch info`: the host, the rootless set-up and the store, as podman's `info` shows them
//! (YAML-like by default, `--format json`, or a template over the same fields). The data is
//! the engine's `Engine::info`, which the API's `/info` renders in Docker's shape.

use crate::cli::InfoArgs;
use hutch_engine::host::Program;
use hutch_engine::info::Info;
use serde_json::{json, Value};

pub fn run(ctx: &super::Ctx, args: InfoArgs) -> anyhow::Result<i32> {
    let info = view(&ctx.engine()?.info()?);
    let out = match args.format.as_deref() {
        None => crate::format::yaml(&info),
        Some(f) if f.trim().eq_ignore_ascii_case("yaml") => crate::format::yaml(&info),
        Some(f) => crate::format::render_one(f, &info)?,
    };
    crate::format::print(&out)?;
    Ok(0)
}

fn program(p: Option<&Program>) -> Value {
    match p {
        Some(p) => json!({"name": p.name, "path": p.path, "version": p.version}),
        None => json!({"name": "", "path": "", "version": "not found"}),
    }
}

/// Podman's field names over the engine's data.
fn view(info: &Info) -> Value {
    let h = &info.host;
    let id_mappings = match &h.id_mappings {
        Ok(m) => json!({
            "uidmap": m.uid_map,
            "gidmap": m.gid_map,
            "singleMapping": m.single_mapping,
        }),
        Err(e) => json!({"error": e}),
    };
    let mut host_info = serde_json::Map::new();
    for (k, v) in [
        ("arch", json!(h.arch)),
        ("os", json!(h.os)),
        ("kernel", json!(h.kernel)),
        ("hostname", json!(h.hostname)),
        (
            "distribution",
            json!({"distribution": h.distribution, "version": h.distribution_version}),
        ),
        ("cpus", json!(h.cpus)),
        ("memTotal", json!(h.mem_total)),
        ("memFree", json!(h.mem_free)),
        ("cgroupVersion", json!(h.cgroups.version)),
        ("cgroupControllers", json!(h.cgroups.controllers)),
        (
            "resourceLimits",
            json!({
                "available": h.cgroups.limits_available,
                "reason": h.cgroups.limits_reason.clone().unwrap_or_default(),
            }),
        ),
        ("idMappings", id_mappings),
        // The runtime new containers get, from the function that gives it to them.
        ("ociRuntime", {
            let mut v = program(h.runtime.as_ref().ok());
            v["reason"] = json!(match &h.runtime {
                Ok(_) => h.runtime_reason.clone(),
                Err(e) => e.clone(),
            });
            v
        }),
    ] {
        host_info.insert(k.into(), v);
    }
    for (t, p) in &h.tools {
        host_info.insert(
            (*t).into(),
            json!({
                "executable": p.as_ref().map(|p| p.path.clone()).unwrap_or_default(),
                "version": p.as_ref().map(|p| p.version.clone()).unwrap_or_else(|| "not found".into()),
            }),
        );
    }
    // podman's names: the network stack and the default rootless network program, with why.
    host_info.insert("networkBackend".into(), json!("netavark"));
    host_info.insert(
        "rootlessNetworkCmd".into(),
        json!(h.default_network.program),
    );
    host_info.insert(
        "rootlessNetworkCmdReason".into(),
        json!(h.default_network.reason),
    );
    host_info.insert("rootless".into(), json!(h.rootless));
    host_info.insert(
        "conmon".into(),
        match &h.conmon {
            Some(p) => json!({"package": format!("hutch-conmon {}", env!("CARGO_PKG_VERSION")), "path": p.path, "version": p.version}),
            None => json!({"package": "", "path": "", "version": "not found"}),
        },
    );
    host_info.insert("logDriver".into(), json!(h.log_driver));
    host_info.insert("eventLogger".into(), json!(h.event_logger));
    host_info.insert("cgroupManager".into(), json!(h.cgroup_manager));
    host_info.insert("security".into(), json!({"rootless": h.rootless}));
    if let Some(w) = &h.runtime_dir_warning {
        host_info.insert("runtimeDirWarning".into(), json!(w));
    }
    let s = &info.store;
    let graph_options: serde_json::Map<String, Value> = s
        .graph_options
        .iter()
        .map(|(k, v)| (k.clone(), json!(v)))
        .collect();
    json!({
        "host": Value::Object(host_info),
        "store": {
            "graphRoot": s.graphroot,
            "runRoot": s.runroot,
            "graphDriverName": s.driver,
            "databasePath": s.database,
            "imageStore": {"number": s.images},
            "graphOptions": Value::Object(graph_options),
            "graphStatus": graph_status(&s.driver),
            "volumePath": s.volume_path,
            "containerStore": {
                "number": info.containers.total,
                "running": info.containers.running,
                "paused": info.containers.paused,
                "stopped": info.containers.stopped,
            },
        },
        "registries": registries(&s.registries),
        "version": super::version::fields(),
    })
}

/// podman's `graphStatus`: what the driver says about itself (overlay's backing filesystem and
/// whether it uses native diffs).
fn graph_status(driver: &str) -> Value {
    match driver {
        "overlay" => {
            json!({"Native Overlay Diff": "true", "Supports d_type": "true", "Using metacopy": "false"})
        }
        "fuse-overlayfs" => {
            json!({"Native Overlay Diff": "false", "Supports d_type": "true", "Using metacopy": "false"})
        }
        _ => json!({}),
    }
}

/// podman's `registries`: `search` (unqualified-search registries) and one entry per
/// `[[registry]]` table, by prefix.
fn registries(conf: &Result<hutch_engine::registries::RegistriesConf, String>) -> Value {
    let mut m = serde_json::Map::new();
    let Ok(conf) = conf else {
        return Value::Object(m);
    };
    if !conf.unqualified_search_registries.is_empty() {
        m.insert("search".into(), json!(conf.unqualified_search_registries));
    }
    for r in &conf.registries {
        m.insert(
            r.prefix.clone(),
            json!({
                "Prefix": r.prefix,
                "Location": r.location,
                "Insecure": r.insecure,
                "Blocked": r.blocked,
                "Mirrors": r.mirrors.iter().map(|x| json!({"Location": x.location, "Insecure": x.insecure})).collect::<Vec<_>>(),
            }),
        );
    }
    Value::Object(m)
}
