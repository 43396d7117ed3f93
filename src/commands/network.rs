//! `hutch network create|ls|inspect|rm|prune|exists|connect|disconnect|reload`: user-defined
//! networks. Definitions are plain files, so listing and inspecting never join the user
//! namespace; verbs that touch containers go through the engine.

use crate::cli::{
    Lazy, NetworkCommand, NetworkConnectArgs, NetworkCreateArgs, NetworkDisconnectArgs,
    NetworkInspectArgs, NetworkLsArgs, NetworkPruneArgs, NetworkReloadArgs, NetworkRmArgs,
};
use crate::format::{self, ListSpec};
use anyhow::bail;
use hutch_engine::filters;
use hutch_engine::networks::{self, CreateRequest, Network, NetworksError};
use serde_json::{json, Value};
use std::collections::BTreeMap;

const TABLE: &str = "table {{.ID}}\t{{.Name}}\t{{.Driver}}";
const HEADERS: &[(&str, &str)] = &[
    ("ID", "NETWORK ID"),
    ("NetworkInterface", "INTERFACE"),
    ("DNSEnabled", "DNS"),
    ("IPv6Enabled", "IPV6"),
];

pub fn run(ctx: &super::Ctx, cmd: NetworkCommand) -> anyhow::Result<i32> {
    match cmd {
        NetworkCommand::Create(Lazy(a)) => create(ctx, a),
        NetworkCommand::Ls(Lazy(a)) => ls(ctx, a),
        NetworkCommand::Inspect(Lazy(a)) => inspect(ctx, a),
        NetworkCommand::Rm(Lazy(a)) => rm(ctx, a),
        NetworkCommand::Prune(Lazy(a)) => prune(ctx, a),
        NetworkCommand::Exists(Lazy(a)) => {
            let exists = networks::store(&ctx.paths).exists(&a.network)?;
            Ok(if exists { 0 } else { 1 })
        }
        NetworkCommand::Connect(Lazy(a)) => connect(ctx, a),
        NetworkCommand::Disconnect(Lazy(a)) => disconnect(ctx, a),
        NetworkCommand::Reload(Lazy(a)) => reload(ctx, a),
    }
}

fn key_values(flag: &str, items: &[String]) -> anyhow::Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for item in items {
        let (k, v) = item.split_once('=').unwrap_or((item.as_str(), ""));
        if k.is_empty() {
            bail!("invalid {flag} {item:?}: expected KEY=VALUE");
        }
        out.insert(k.to_string(), v.to_string());
    }
    Ok(out)
}

fn create(ctx: &super::Ctx, a: NetworkCreateArgs) -> anyhow::Result<i32> {
    let req = CreateRequest {
        name: a.name,
        driver: Some(a.driver),
        subnet: a.subnet,
        gateway: a.gateway,
        ip_range: a.ip_range,
        internal: a.internal,
        disable_dns: a.disable_dns,
        options: key_values("-o/--opt", &a.opt)?,
        labels: key_values("--label", &a.label)?,
        ignore: a.ignore,
    };
    let net = ctx.engine()?.create_network(&req)?;
    println!("{}", net.name);
    Ok(0)
}

/// The template view of a network: podman's field names.
fn row(n: &Network, no_trunc: bool) -> Value {
    let id = if no_trunc {
        n.id.clone()
    } else {
        format::short_id(&n.id)
    };
    json!({
        "ID": id,
        "Name": n.name,
        "Driver": n.driver,
        "NetworkInterface": n.network_interface.clone().unwrap_or_default(),
        "Created": n.created.map(format::go_time).unwrap_or_default(),
        "Labels": n.labels.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(","),
        "Options": n.options,
        "Internal": n.internal,
        "DNSEnabled": n.dns_enabled,
        "IPv6Enabled": n.ipv6_enabled,
        "Subnets": n.subnets.iter().map(|s| s.subnet.clone()).collect::<Vec<_>>().join(","),
    })
}

fn ls(ctx: &super::Ctx, a: NetworkLsArgs) -> anyhow::Result<i32> {
    let filters = filters::networks(&a.filter).map_err(hutch_engine::EngineError::from)?;
    let mut list: Vec<Network> = networks::store(&ctx.paths)
        .list()
        .map_err(hutch_engine::EngineError::from)?
        .into_iter()
        .filter(|n| filters::network_matches(&filters, n))
        .collect();
    // podman lists networks by name, and `-q` prints the names.
    list.sort_by(|x, y| x.name.cmp(&y.name));
    if a.quiet {
        let out: String = list.iter().map(|n| format!("{}\n", n.name)).collect();
        return format::print(&out).map(|()| 0);
    }
    let rows: Vec<Value> = list.iter().map(|n| row(n, a.no_trunc)).collect();
    let spec = ListSpec {
        default: TABLE,
        headers: HEADERS,
        noheading: a.noheading,
    };
    let out = format::render_list(a.format.as_deref(), &spec, &rows, || {
        list.iter()
            .map(|n| serde_json::to_value(n).expect("a network serialises"))
            .collect()
    })?;
    format::print(&out).map(|()| 0)
}

fn inspect(ctx: &super::Ctx, a: NetworkInspectArgs) -> anyhow::Result<i32> {
    let store = networks::store(&ctx.paths);
    let mut found = Vec::new();
    let mut first_err = None;
    for name in &a.networks {
        match store.get(name) {
            Ok(n) => found.push(serde_json::to_value(&n)?),
            Err(e) => {
                let e = anyhow::Error::from(hutch_engine::EngineError::from(e));
                if let Some(prev) = first_err.replace(e) {
                    eprintln!("Error: {}", crate::error_line(&prev));
                }
            }
        }
    }
    let out = match a.format.as_deref() {
        None => {
            let mut s = serde_json::to_string_pretty(&Value::Array(found))?;
            s.push('\n');
            s
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
    match first_err {
        Some(e) => Err(e),
        None => Ok(0),
    }
}

fn rm(ctx: &super::Ctx, a: NetworkRmArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    let result = super::ctrs::each(&a.networks, |name| {
        match eng.remove_network(name, a.force, a.time) {
            // --force: a network that does not exist is no error, as in podman.
            Err(e) if a.force && e.kind() == hutch_engine::ErrorKind::NotFound => Ok(None),
            r => Ok(Some(r?)),
        }
    });
    // As podman: a network that does not exist (and nothing worse) exits 1.
    match result {
        Err(e)
            if matches!(
                e.downcast_ref::<hutch_engine::EngineError>(),
                Some(hutch_engine::EngineError::Networks(n))
                    if matches!(**n, NetworksError::NotFound { .. })
            ) =>
        {
            eprintln!("Error: {}", crate::error_line(&e));
            Ok(1)
        }
        r => r,
    }
}

fn prune(ctx: &super::Ctx, a: NetworkPruneArgs) -> anyhow::Result<i32> {
    let labels = networks::prune_filters(&a.filter)?;
    let eng = super::ctrs::open(ctx)?;
    for name in eng.prune_networks(&labels)? {
        println!("{name}");
    }
    Ok(0)
}

fn connect(ctx: &super::Ctx, a: NetworkConnectArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    eng.connect_network(
        &a.container,
        &a.network,
        &a.alias,
        a.ip.as_deref(),
        a.mac_address.as_deref(),
    )?;
    Ok(0)
}

fn disconnect(ctx: &super::Ctx, a: NetworkDisconnectArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    eng.disconnect_network(&a.container, &a.network)?;
    Ok(0)
}

fn reload(ctx: &super::Ctx, a: NetworkReloadArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    let names = super::ctrs::targets(&eng, &a.containers, a.all, |c| c.run.state == "running")?;
    super::ctrs::each(&names, |name| Ok(Some(eng.reload_networks(name)?)))
}
