//! Docker's views of a container: the summary of `GET /containers/json` and the inspect
//! document of `GET /containers/{id}/json` (the engine's podman-shaped view, in Docker's names).

use chrono::{DateTime, Utc};
use hutch_engine::container::{self, inspect, list, ContainerConfig, Observed};
use hutch_engine::networks::mode::NetworkMode;
use hutch_engine::networks::DEFAULT_NETWORK;
use hutch_engine::{Container, Engine, Paths};
use serde_json::{json, Map, Value};

/// A network's name as Docker's clients know it: hutch's default network is their `bridge`.
pub fn docker_network(name: &str) -> String {
    if name == DEFAULT_NETWORK {
        "bridge".into()
    } else {
        name.to_string()
    }
}

/// HostConfig.NetworkMode: the mode, or the (first) network's name.
fn network_mode(cfg: &ContainerConfig) -> String {
    match &cfg.network {
        NetworkMode::Networks { networks } if !networks.is_empty() => {
            docker_network(&networks[0].name)
        }
        mode => mode.name(),
    }
}

fn running(obs: &Observed) -> bool {
    matches!(obs.state.as_str(), container::RUNNING | container::PAUSED)
}

/// `sha256:HEX`, as Docker names image IDs.
pub fn image_id(id: &str) -> String {
    if id.starts_with("sha256:") {
        id.to_string()
    } else {
        format!("sha256:{id}")
    }
}

/// NetworkSettings.Networks: the networks the container is configured for, with the
/// addresses of those it is on now.
fn networks(cfg: &ContainerConfig, status: Option<&inspect::NetStatus>) -> Value {
    let mut m = Map::new();
    let ip = |v: Option<std::net::IpAddr>| v.map(|a| a.to_string()).unwrap_or_default();
    let entry = |id: &str, aliases: &[String], addr: &str, len: u32, gw: String, mac: &str| {
        json!({
            "IPAMConfig": null,
            "Links": null,
            "Aliases": aliases,
            "MacAddress": mac,
            "NetworkID": id,
            "EndpointID": "",
            "Gateway": gw,
            "IPAddress": addr,
            "IPPrefixLen": len,
            "IPv6Gateway": "",
            "GlobalIPv6Address": "",
            "GlobalIPv6PrefixLen": 0,
            "DriverOpts": null,
            "DNSNames": null,
        })
    };
    match &cfg.network {
        NetworkMode::Networks { networks } => {
            for n in networks {
                m.insert(
                    docker_network(&n.name),
                    entry("", &n.aliases, "", 0, String::new(), ""),
                );
            }
        }
        mode => {
            m.insert(mode.name(), entry("", &[], "", 0, String::new(), ""));
        }
    }
    if let Some(s) = status {
        for n in &s.networks {
            let (addr, len) = n
                .addresses
                .iter()
                .find_map(|a| a.split_once('/'))
                .map(|(a, l)| (a.to_string(), l.parse::<u32>().unwrap_or(0)))
                .unwrap_or_default();
            m.insert(
                docker_network(&n.name),
                entry(&n.network_id, &n.aliases, &addr, len, ip(n.gateway), &n.mac),
            );
        }
        if !matches!(cfg.network, NetworkMode::Networks { .. }) && s.ip.is_some() {
            m.insert(
                cfg.network.name(),
                entry(
                    "",
                    &[],
                    &ip(s.ip),
                    u32::from(s.prefix_len),
                    ip(s.gateway),
                    &s.mac,
                ),
            );
        }
    }
    Value::Object(m)
}

/// Docker's summary Ports: `{IP, PrivatePort, PublicPort, Type}` per published port, and
/// `{PrivatePort, Type}` for exposed ones that are not.
fn ports(paths: &Paths, c: &Container, cfg: &ContainerConfig, obs: &Observed) -> Value {
    if !running(obs) {
        return json!([]);
    }
    let mut out = Vec::new();
    let mut published = Vec::new();
    for p in inspect::status_ports(paths, &c.id) {
        for (hp, cp) in p.pairs() {
            published.push(format!("{cp}/{}", p.protocol));
            let ip = if p.host_ip.is_empty() {
                "0.0.0.0"
            } else {
                p.host_ip.as_str()
            };
            out.push(json!({"IP": ip, "PrivatePort": cp, "PublicPort": hp, "Type": p.protocol}));
        }
    }
    for e in &cfg.exposed_ports {
        let (port, proto) = e.split_once('/').unwrap_or((e, "tcp"));
        if published.contains(&format!("{port}/{proto}")) {
            continue;
        }
        if let Ok(n) = port.parse::<u16>() {
            out.push(json!({"PrivatePort": n, "Type": proto}));
        }
    }
    Value::Array(out)
}

/// Docker's Mounts entries.
fn mounts(paths: &Paths, cfg: &ContainerConfig) -> Value {
    let list = container::mounts::inspect(paths, cfg)
        .into_iter()
        .map(|m| {
            let mut o = Map::new();
            for k in [
                "Type",
                "Name",
                "Source",
                "Destination",
                "Driver",
                "Mode",
                "RW",
                "Propagation",
            ] {
                if let Some(v) = m.get(k) {
                    o.insert(k.to_string(), v.clone());
                }
            }
            Value::Object(o)
        })
        .collect();
    Value::Array(list)
}

/// One entry of `GET /containers/json`.
pub fn summary(
    eng: &Engine,
    c: &Container,
    obs: &Observed,
    now: DateTime<Utc>,
    size: bool,
) -> Value {
    let paths = eng.paths();
    let cfg = container::config_of(c).unwrap_or_default();
    let labels: Value = serde_json::from_str(&c.labels).unwrap_or(json!({}));
    let status = if running(obs) {
        inspect::net_status(paths, c)
    } else {
        None
    };
    let text = list::status_text(obs, c.run.started_at, now);
    let mut v = json!({
        "Id": c.id,
        "Names": [format!("/{}", c.name)],
        "Image": c.image_name,
        "ImageID": image_id(&c.image_id),
        "Command": cfg.args().join(" "),
        "Created": c.created.timestamp(),
        "Ports": ports(paths, c, &cfg, obs),
        "Labels": labels,
        "State": container::display_state(&obs.state),
        "HostConfig": {"NetworkMode": network_mode(&cfg)},
        "NetworkSettings": {"Networks": networks(&cfg, status.as_ref())},
        "Mounts": mounts(paths, &cfg),
    });
    // Only a running container with a healthcheck has a health status (the monitor's).
    if let Some(h) = &obs.health {
        let streak = hutch_engine::container::health::read(&container::Dirs::new(paths, &c.id))
            .map_or(0, |h| h.failing_streak);
        v["Health"] = json!({"Status": h, "FailingStreak": streak});
    }
    v["Status"] = json!(text);
    if size {
        add_size(eng, c, &mut v);
    }
    v
}

/// `SizeRw` (the writable layer) and `SizeRootFs` (it and the image), for `size=true`.
pub fn add_size(eng: &Engine, c: &Container, v: &mut Value) {
    let upper = container::Dirs::new(eng.paths(), &c.id).upper;
    let rw = hutch_engine::volumes::dir_size(&upper);
    let image = eng
        .db()
        .image(&c.image_id)
        .ok()
        .flatten()
        .map_or(0, |i| u64::try_from(i.size).unwrap_or(0));
    v["SizeRw"] = json!(rw);
    v["SizeRootFs"] = json!(rw + image);
}

/// `GET /containers/{id}/json`.
pub fn inspect(paths: &Paths, c: &Container) -> Value {
    let driver = hutch_engine::storage_driver::known(paths)
        .map(|d| d.name().to_string())
        .unwrap_or_default();
    let mut v = inspect::view(paths, c, &driver);
    let cfg = container::config_of(c).unwrap_or_default();
    let obs = container::observe(paths, c);
    let status = if running(&obs) {
        inspect::net_status(paths, c)
    } else {
        None
    };
    v["Name"] = json!(format!("/{}", c.name));
    v["Image"] = json!(image_id(&c.image_id));
    v["Platform"] = json!("linux");
    let config = &mut v["Config"];
    let exposed: Map<String, Value> = cfg
        .exposed_ports
        .iter()
        .map(|p| {
            let key = if p.contains('/') {
                p.clone()
            } else {
                format!("{p}/tcp")
            };
            (key, json!({}))
        })
        .collect();
    config["ExposedPorts"] = if exposed.is_empty() {
        Value::Null
    } else {
        Value::Object(exposed)
    };
    let hc = &mut v["HostConfig"];
    // hutch's file log is what Docker's clients know as json-file: its logs can be read back
    // (docker-py reads a run's output only from a json-file or journald log).
    if hc["LogConfig"]["Type"] == json!("k8s-file") {
        hc["LogConfig"]["Type"] = json!("json-file");
    }
    if hc["RestartPolicy"]["Name"] == json!("") {
        hc["RestartPolicy"]["Name"] = json!("no");
    }
    for (k, zero) in [
        ("Memory", json!(0)),
        ("MemorySwap", json!(0)),
        ("NanoCpus", json!(0)),
        ("CpuShares", json!(0)),
        ("CpuQuota", json!(0)),
        ("CpuPeriod", json!(0)),
        ("PidsLimit", Value::Null),
        ("Devices", json!([])),
        ("VolumesFrom", Value::Null),
        ("Isolation", json!("")),
    ] {
        if hc.get(k).is_none() {
            hc[k] = zero;
        }
    }
    v["NetworkSettings"]["Networks"] = networks(&cfg, status.as_ref());
    v["HostConfig"]["NetworkMode"] = json!(network_mode(&cfg));
    // A port published on every address is 0.0.0.0 to Docker's clients (`docker port`).
    if let Some(ports) = v["NetworkSettings"]["Ports"].as_object_mut() {
        for b in ports.values_mut().filter_map(Value::as_array_mut).flatten() {
            if b["HostIp"] == json!("") {
                b["HostIp"] = json!("0.0.0.0");
            }
        }
    }
    v["Mounts"] = mounts(paths, &cfg);
    v
}
