//! The `/networks` endpoints: create, list, inspect, remove, connect, disconnect, prune, in
//! Docker's shapes over the engine's networks.
//!
//! Docker's default network is called `bridge`, podman's (and hutch's) `podman`: the API shows
//! the default network as `bridge` and takes both names for it, so clients that look for
//! `bridge` find it.

use crate::http::{blocking, empty, json, ok_json, ApiError, Req, Response, Result};
use crate::router::{allow, not_found};
use crate::server::State;
use hutch_engine::filters::{self, Filters};
use hutch_engine::networks::{CreateRequest, Endpoint, Network, DEFAULT_NETWORK};
use hutch_engine::EngineError;
use hyper::{Method, StatusCode};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Docker's name for the default network.
const DOCKER_DEFAULT: &str = "bridge";

pub async fn route(st: &Arc<State>, req: &mut Req, rest: &[String]) -> Result<Response> {
    let p: Vec<&str> = rest.iter().map(String::as_str).collect();
    match p.as_slice() {
        [] => {
            allow(req, &[Method::GET])?;
            list(st, req).await
        }
        ["create"] => {
            allow(req, &[Method::POST])?;
            create(st, req).await
        }
        ["prune"] => {
            allow(req, &[Method::POST])?;
            prune(st, req).await
        }
        [id] => {
            let id = id.to_string();
            match req.method {
                Method::GET => inspect(st, id).await,
                Method::DELETE => remove(st, id).await,
                _ => {
                    allow(req, &[Method::GET, Method::DELETE])?;
                    Err(not_found())
                }
            }
        }
        [id, "connect"] => {
            allow(req, &[Method::POST])?;
            connect(st, req, id.to_string()).await
        }
        [id, "disconnect"] => {
            allow(req, &[Method::POST])?;
            disconnect(st, req, id.to_string()).await
        }
        _ => Err(not_found()),
    }
}

/// The network's name as Docker clients know it.
fn docker_name(n: &Network) -> &str {
    if n.name == DEFAULT_NETWORK {
        DOCKER_DEFAULT
    } else {
        &n.name
    }
}

/// A name or ID from a request, as the engine knows it.
fn engine_name(st: &State, name: &str) -> String {
    if name == DOCKER_DEFAULT
        && !st
            .engine
            .networks(&Filters::default())
            .map(|l| l.iter().any(|n| n.name == name))
            .unwrap_or(false)
    {
        return DEFAULT_NETWORK.to_string();
    }
    name.to_string()
}

fn ts(t: Option<chrono::DateTime<chrono::Utc>>) -> String {
    t.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true))
        .unwrap_or_else(|| "0001-01-01T00:00:00Z".into())
}

/// Docker's network object; `endpoints` fill `Containers` (inspect), `None` leaves it empty
/// (lists, as Docker's).
fn view(n: &Network, endpoints: Option<&[Endpoint]>) -> Value {
    let config: Vec<Value> = n
        .subnets
        .iter()
        .map(|s| {
            let mut c = json!({"Subnet": s.subnet});
            if let Some(g) = s.gateway {
                c["Gateway"] = json!(g.to_string());
            }
            if let Some(r) = &s.lease_range {
                if let (Some(a), Some(b)) = (r.start_ip, r.end_ip) {
                    c["IPRange"] = json!(range_cidr(a, b));
                }
            }
            c
        })
        .collect();
    let mut containers = Map::new();
    for e in endpoints.unwrap_or_default() {
        containers.insert(
            e.id.clone(),
            json!({
                "Name": e.name,
                "EndpointID": if e.ipv4.is_empty() { String::new() } else { e.id.clone() },
                "MacAddress": e.mac,
                "IPv4Address": e.ipv4,
                "IPv6Address": "",
            }),
        );
    }
    json!({
        "Name": docker_name(n),
        "Id": n.id,
        "Created": ts(n.created),
        "Scope": "local",
        "Driver": n.driver,
        "EnableIPv4": true,
        "EnableIPv6": n.ipv6_enabled,
        "IPAM": {"Driver": "default", "Options": {}, "Config": config},
        "Internal": n.internal,
        "Attachable": false,
        "Ingress": false,
        "ConfigFrom": {"Network": ""},
        "ConfigOnly": false,
        "Containers": containers,
        "Options": n.options,
        "Labels": n.labels,
    })
}

/// The smallest CIDR block starting at `a` that the lease range `a`..`b` came from (the
/// store keeps the range as first and last address).
fn range_cidr(a: std::net::Ipv4Addr, b: std::net::Ipv4Addr) -> String {
    let (lo, hi) = (u32::from(a), u32::from(b));
    let mut prefix = 32u32;
    while prefix > 0 {
        let size = 1u64 << (32 - prefix);
        let start = u64::from(lo) & !(size - 1);
        if start + size > u64::from(hi) {
            break;
        }
        prefix -= 1;
    }
    let mask = if prefix == 0 {
        0
    } else {
        u32::MAX << (32 - prefix)
    };
    format!("{}/{prefix}", std::net::Ipv4Addr::from(lo & mask))
}

async fn list(st: &Arc<State>, req: &mut Req) -> Result<Response> {
    let mut items = req.filters()?;
    // Docker's `type` (custom|builtin) and `scope` are answered here; the rest by the engine.
    let mut types = Vec::new();
    let mut scopes = Vec::new();
    items.retain(|f| match f.split_once('=') {
        Some(("type", v)) => {
            types.push(v.to_string());
            false
        }
        Some(("scope", v)) => {
            scopes.push(v.to_string());
            false
        }
        _ => true,
    });
    for t in &types {
        if t != "custom" && t != "builtin" {
            return Err(ApiError::bad_request(format!(
                "invalid filter \"type={t}\": use custom or builtin"
            )));
        }
    }
    let filters = filters::networks(&items).map_err(EngineError::from)?;
    let st2 = st.clone();
    let all = blocking(move || Ok(st2.engine.networks(&Filters::default())?)).await?;
    let out: Vec<Value> = all
        .into_iter()
        .map(|mut n| {
            let builtin = n.name == DEFAULT_NETWORK;
            n.name = docker_name(&n).to_string();
            (n, builtin)
        })
        .filter(|(n, _)| filters::network_matches(&filters, n))
        .filter(|(_, builtin)| {
            let kind = if *builtin { "builtin" } else { "custom" };
            types.is_empty() || types.iter().any(|t| t == kind)
        })
        .filter(|_| scopes.is_empty() || scopes.iter().any(|s| s == "local"))
        .map(|(n, _)| view(&n, None))
        .collect();
    ok_json(&out)
}

async fn inspect(st: &Arc<State>, id: String) -> Result<Response> {
    let st2 = st.clone();
    let (n, eps) = blocking(move || {
        let name = engine_name(&st2, &id);
        Ok(st2.engine.network(&name)?)
    })
    .await?;
    ok_json(&view(&n, Some(&eps)))
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase")]
struct IpamConfig {
    subnet: Option<String>,
    gateway: Option<String>,
    #[serde(rename = "IPRange")]
    ip_range: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase")]
struct Ipam {
    driver: Option<String>,
    config: Option<Vec<IpamConfig>>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase")]
struct CreateBody {
    // Options: clients send null for what they leave out.
    name: Option<String>,
    driver: Option<String>,
    internal: Option<bool>,
    #[serde(rename = "EnableIPv6")]
    enable_ipv6: Option<bool>,
    #[serde(rename = "IPAM")]
    ipam: Option<Ipam>,
    options: Option<BTreeMap<String, String>>,
    labels: Option<BTreeMap<String, String>>,
}

async fn create(st: &Arc<State>, req: &mut Req) -> Result<Response> {
    let body: CreateBody = req.json().await?;
    let name = body.name.unwrap_or_default();
    if name.is_empty() {
        return Err(ApiError::bad_request("give the network a name (Name)"));
    }
    if name == DOCKER_DEFAULT || name == DEFAULT_NETWORK {
        return Err(ApiError::conflict(format!(
            "network with name {name} already exists: it is the default network"
        )));
    }
    if body.enable_ipv6 == Some(true) {
        return Err(ApiError::bad_request(format!(
            "network {name}: IPv6 networks are not supported"
        )));
    }
    let ipam = body.ipam.unwrap_or_default();
    let ipam_driver = ipam.driver.unwrap_or_default();
    if !matches!(ipam_driver.as_str(), "" | "default") {
        return Err(ApiError::bad_request(format!(
            "network {name}: IPAM driver {ipam_driver:?} is not supported: use the default one"
        )));
    }
    let mut configs = ipam.config.unwrap_or_default();
    if configs.len() > 1 {
        return Err(ApiError::bad_request(format!(
            "network {name}: only one IPAM Config (subnet) is supported"
        )));
    }
    let cfg = configs.pop().unwrap_or_default();
    let some = |s: Option<String>| s.filter(|s| !s.is_empty());
    let options = body
        .options
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v)| match k.as_str() {
            "com.docker.network.driver.mtu" => ("mtu".to_string(), v),
            _ => (k, v),
        })
        .collect();
    let spec = CreateRequest {
        name: Some(name),
        driver: some(body.driver),
        subnet: some(cfg.subnet),
        gateway: some(cfg.gateway),
        ip_range: some(cfg.ip_range),
        internal: body.internal.unwrap_or(false),
        disable_dns: false,
        options,
        labels: body.labels.unwrap_or_default(),
        ignore: false,
    };
    let st2 = st.clone();
    let n = blocking(move || Ok(st2.engine.create_network(&spec)?)).await?;
    Ok(json(
        StatusCode::CREATED,
        &json!({"Id": n.id, "Warning": ""}),
    ))
}

async fn remove(st: &Arc<State>, id: String) -> Result<Response> {
    let st2 = st.clone();
    blocking(move || {
        let name = engine_name(&st2, &id);
        if name == DEFAULT_NETWORK {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                format!("{id} is a pre-defined network and cannot be removed"),
            ));
        }
        Ok(st2.engine.remove_network(&name, false, None)?)
    })
    .await?;
    Ok(empty(StatusCode::NO_CONTENT))
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase")]
struct EndpointIpam {
    #[serde(rename = "IPv4Address")]
    ipv4_address: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase")]
struct EndpointConfig {
    aliases: Option<Vec<String>>,
    #[serde(rename = "IPAMConfig")]
    ipam_config: Option<EndpointIpam>,
    mac_address: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase")]
struct ConnectBody {
    container: Option<String>,
    endpoint_config: Option<EndpointConfig>,
}

async fn connect(st: &Arc<State>, req: &mut Req, id: String) -> Result<Response> {
    let body: ConnectBody = req.json().await?;
    let container = body.container.unwrap_or_default();
    if container.is_empty() {
        return Err(ApiError::bad_request(
            "give the container to connect (Container)",
        ));
    }
    let ep = body.endpoint_config.unwrap_or_default();
    let aliases = ep.aliases.unwrap_or_default();
    let ip = ep
        .ipam_config
        .and_then(|i| i.ipv4_address)
        .filter(|s| !s.is_empty());
    let mac = ep.mac_address.filter(|s| !s.is_empty());
    let st2 = st.clone();
    blocking(move || {
        let name = engine_name(&st2, &id);
        // The network first, so a missing one is a 404 naming it.
        st2.engine.network(&name)?;
        Ok(st2.engine.connect_network(
            &container,
            &name,
            &aliases,
            ip.as_deref(),
            mac.as_deref(),
        )?)
    })
    .await?;
    Ok(empty(StatusCode::OK))
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase")]
struct DisconnectBody {
    container: Option<String>,
    #[allow(dead_code)] // Docker's Force: disconnecting never needs it here
    force: Option<bool>,
}

async fn disconnect(st: &Arc<State>, req: &mut Req, id: String) -> Result<Response> {
    let body: DisconnectBody = req.json().await?;
    let container = body.container.unwrap_or_default();
    if container.is_empty() {
        return Err(ApiError::bad_request(
            "give the container to disconnect (Container)",
        ));
    }
    let st2 = st.clone();
    blocking(move || {
        let name = engine_name(&st2, &id);
        st2.engine.network(&name)?;
        Ok(st2.engine.disconnect_network(&container, &name)?)
    })
    .await?;
    Ok(empty(StatusCode::OK))
}

async fn prune(st: &Arc<State>, req: &mut Req) -> Result<Response> {
    let labels = hutch_engine::networks::prune_filters(&req.filters()?)?;
    let st2 = st.clone();
    let removed = blocking(move || Ok(st2.engine.prune_networks(&labels)?)).await?;
    ok_json(&json!({"NetworksDeleted": removed}))
}

#[cfg(test)]
mod tests {
    use super::range_cidr;

    #[test]
    fn lease_ranges_back_to_cidr() {
        let ip = |s: &str| s.parse().unwrap();
        assert_eq!(
            range_cidr(ip("10.124.0.128"), ip("10.124.0.254")),
            "10.124.0.128/25"
        );
        assert_eq!(range_cidr(ip("10.0.0.1"), ip("10.0.0.254")), "10.0.0.0/24");
        assert_eq!(range_cidr(ip("10.0.0.4"), ip("10.0.0.4")), "10.0.0.4/32");
        assert_eq!(
            range_cidr(ip("0.0.0.1"), ip("255.255.255.254")),
            "0.0.0.0/0"
        );
    }
}
