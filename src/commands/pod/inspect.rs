//! `hutch pod inspect` (podman 4's fields: one pod is an object, several an array) and
//! `hutch pod exists`.

use crate::cli::{PodExistsArgs, PodInspectArgs};
use crate::commands::Ctx;
use hutch_engine::pods::PodInfo;
use serde_json::{json, Map, Value};

pub fn run(ctx: &Ctx, a: PodInspectArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    let mut names = a.pods.clone();
    if a.latest {
        names.push(super::one(&eng, None, true)?);
    }
    if names.is_empty() {
        anyhow::bail!("give at least one pod name or ID, or --latest");
    }
    let mut found = Vec::new();
    for n in &names {
        found.push(view(&eng.pod_info(n)?));
    }
    let format = a.format.as_deref().unwrap_or("json");
    let out = if crate::format::is_json(format) {
        let v = if found.len() == 1 {
            found.remove(0)
        } else {
            Value::Array(found)
        };
        let mut s = serde_json::to_string_pretty(&v)?;
        s.push('\n');
        s
    } else {
        let mut s = String::new();
        for v in &found {
            s.push_str(&crate::format::render_one(format, v)?);
        }
        s
    };
    crate::format::print(&out)?;
    Ok(0)
}

pub fn exists(ctx: &Ctx, a: PodExistsArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    match eng.lookup_pod(&a.pod) {
        Ok(_) => Ok(0),
        Err(e) if super::verbs::is_missing(&e) => Ok(1),
        Err(e) => Err(e.into()),
    }
}

/// The pod as podman's `pod inspect` shows it.
pub(crate) fn view(p: &PodInfo) -> Value {
    let infra = p.infra_config.as_ref();
    let mut ports = Map::new();
    for m in infra.map(|c| c.net.ports.as_slice()).unwrap_or_default() {
        for i in 0..m.range.max(1) {
            let key = format!("{}/{}", m.container_port + i, m.protocol);
            let host = if m.host_port == 0 {
                String::new()
            } else {
                (m.host_port + i).to_string()
            };
            if let Some(a) = ports.entry(key).or_insert_with(|| json!([])).as_array_mut() {
                a.push(json!({"HostIp": m.host_ip, "HostPort": host}));
            }
        }
    }
    let networks: Vec<String> = match infra.map(|c| &c.network) {
        Some(hutch_engine::networks::mode::NetworkMode::Networks { networks }) => {
            networks.iter().map(|n| n.name.clone()).collect()
        }
        Some(m) => vec![m.name()],
        None => Vec::new(),
    };
    let ns = |name: &str| {
        if p.config.shares(name) {
            "private"
        } else {
            "host"
        }
    };
    let list_or_null = |v: Vec<String>| if v.is_empty() { Value::Null } else { json!(v) };
    json!({
        "Id": p.pod.id,
        "Name": p.pod.name,
        "Created": p.pod.created.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        "CreateCommand": p.config.create_command,
        "ExitPolicy": p.config.exit_policy.as_str(),
        "State": p.status.as_str(),
        "Hostname": p.config.hostname,
        "Labels": p.labels,
        "CreateCgroup": false,
        "CgroupParent": "",
        "CgroupPath": "",
        "CreateInfra": !p.pod.infra_id.is_empty(),
        "InfraContainerID": p.pod.infra_id,
        "InfraConfig": infra.map(|c| json!({
            "PortBindings": ports,
            "HostNetwork": matches!(c.network, hutch_engine::networks::mode::NetworkMode::Host),
            "StaticIP": c.net.ip.map(|i| i.to_string()).unwrap_or_default(),
            "StaticMAC": c.net.mac.clone().unwrap_or_default(),
            "NoManageResolvConf": false,
            "DNSServer": list_or_null(c.net.dns.iter().map(|d| d.to_string()).collect()),
            "DNSSearch": list_or_null(c.net.dns_search.clone()),
            "DNSOption": list_or_null(c.net.dns_options.clone()),
            "NoManageHosts": false,
            "HostAdd": list_or_null(c.net.add_hosts.iter().map(|(h, i)| format!("{h}:{i}")).collect()),
            "Networks": networks,
            "NetworkOptions": null,
            "pid_ns": ns("pid"),
            "userns": "host",
            "uts_ns": ns("uts"),
        })),
        "SharedNamespaces": p.config.share,
        "NumContainers": p.containers.len(),
        "Containers": p.containers.iter().map(|m| json!({
            "Id": m.container.id,
            "Name": m.container.name,
            "State": hutch_engine::container::display_state(&m.state),
        })).collect::<Vec<_>>(),
    })
}
