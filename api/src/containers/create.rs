//! `POST /containers/create`'s body (Docker's `Config` with `HostConfig` and
//! `NetworkingConfig`) decoded into the engine's `ContainerSpec`, with the engine's own parsers.
//! Errors name the field; settings hutch cannot honour but that do no harm become warnings.

use super::body::{
    CreateBody, DockerMount, Endpoint, Healthcheck, HostConfig, PortBinding, RestartPolicyBody,
    UlimitBody,
};
use crate::http::ApiError;
use hutch_engine::container::config::{parse_ulimit, Ulimit};
use hutch_engine::container::create_spec::{self as cs, ContainerSpec, HealthConfig, Resources};
use hutch_engine::container::mount_spec::{self, Mount, MountOptions, Propagation, TmpfsOptions};
use hutch_engine::networks::mode::{self as netmode, NetworkAttachment, NetworkMode};
use hutch_engine::networks::options::{self as net, NetSpec, PortRange, PortSpec, Protocol};
use std::collections::BTreeMap;
use std::time::Duration;

/// A 400 naming the field: `HostConfig.Binds[0]: invalid -v/--volume ...`.
fn field<E: std::fmt::Display>(name: &str) -> impl Fn(E) -> ApiError + '_ {
    move |e| ApiError::bad_request(format!("{name}: {e}"))
}

fn nonempty(s: &Option<String>) -> Option<String> {
    s.as_deref().filter(|s| !s.is_empty()).map(str::to_string)
}

/// Decodes the body into the spec, the image name and warnings.
pub fn spec_of(
    body: CreateBody,
    name: Option<String>,
) -> Result<(ContainerSpec, String, Vec<String>), ApiError> {
    let mut warnings = Vec::new();
    let image = nonempty(&body.image)
        .ok_or_else(|| ApiError::bad_request("Config.Image is required: name the image to run"))?;
    let mut hc = body.host_config.unwrap_or_default();
    let mut spec = ContainerSpec {
        name: name.map(|n| n.trim_start_matches('/').to_string()),
        ..Default::default()
    };
    // Command and entrypoint: null or [] keeps the image's; `[""]` clears the entrypoint.
    spec.command = body.cmd.map(|c| c.0).filter(|c| !c.is_empty());
    spec.entrypoint = match body.entrypoint.map(|e| e.0) {
        None => None,
        Some(e) if e.is_empty() => None,
        Some(e) if e.len() == 1 && e[0].is_empty() => Some(Vec::new()),
        Some(e) => Some(e),
    };
    for item in body.env.unwrap_or_default() {
        cs::add_env_item(&mut spec.env, &item, &[]);
    }
    spec.labels = body.labels.unwrap_or_default().into_iter().collect();
    spec.user = nonempty(&body.user);
    spec.workdir = nonempty(&body.working_dir);
    spec.hostname = nonempty(&body.hostname);
    if nonempty(&body.domainname).is_some() {
        warnings.push("Config.Domainname is not supported by hutch and was ignored".into());
    }
    spec.expose = body.exposed_ports.unwrap_or_default().into_keys().collect();
    spec.tty = body.tty.unwrap_or(false);
    spec.interactive = body.open_stdin.unwrap_or(false);
    spec.stop_signal = match nonempty(&body.stop_signal) {
        Some(s) => Some(cs::parse_stop_signal(&s).map_err(field("Config.StopSignal"))?),
        None => None,
    };
    spec.stop_timeout = body
        .stop_timeout
        .filter(|t| *t >= 0)
        .map(|t| u32::try_from(t).unwrap_or(u32::MAX));
    if let Some(h) = body.healthcheck {
        spec.health = Some(health(h)?);
    }

    // HostConfig.
    for (i, b) in hc.binds.take().unwrap_or_default().iter().enumerate() {
        let f = format!("HostConfig.Binds[{i}]");
        if b.starts_with('.') {
            return Err(ApiError::bad_request(format!(
                "{f}: invalid volume specification {b:?}: the host path must be absolute"
            )));
        }
        spec.mounts.push(
            mount_spec::parse_volume(b).map_err(|e| ApiError::bad_request(format!("{f}: {e}")))?,
        );
    }
    for (i, m) in hc.mounts.take().unwrap_or_default().into_iter().enumerate() {
        spec.mounts
            .push(mount(&format!("HostConfig.Mounts[{i}]"), m)?);
    }
    for (dest, opts) in hc.tmpfs.take().unwrap_or_default() {
        let v = if opts.is_empty() {
            dest.clone()
        } else {
            format!("{dest}:{opts}")
        };
        spec.mounts.push(
            mount_spec::parse_tmpfs(&v)
                .map_err(|e| ApiError::bad_request(format!("HostConfig.Tmpfs[{dest:?}]: {e}")))?,
        );
    }
    // Anonymous volumes declared in Config.Volumes, as `-v /path`, where no bind, mount or
    // tmpfs above has the destination (docker-py declares each bind here as well).
    for (i, dest) in body.volumes.unwrap_or_default().into_keys().enumerate() {
        let f = format!("Config.Volumes[{i}]");
        let m = mount_spec::parse_volume(&dest)
            .map_err(|e| ApiError::bad_request(format!("{f}: {e}")))?;
        if !spec
            .mounts
            .iter()
            .any(|o| o.destination() == m.destination())
        {
            spec.mounts.push(m);
        }
    }
    for v in hc.volumes_from.take().unwrap_or_default() {
        spec.volumes_from
            .push(mount_spec::parse_volumes_from(&v).map_err(field("HostConfig.VolumesFrom"))?);
    }
    spec.net = net_spec(&hc, body.mac_address.as_deref())?;
    spec.network = if body.network_disabled.unwrap_or(false) {
        Some(NetworkMode::None)
    } else {
        network_mode(
            hc.network_mode.as_deref().unwrap_or(""),
            body.networking_config
                .and_then(|n| n.endpoints_config)
                .unwrap_or_default(),
        )?
    };
    if let Some(r) = hc.restart_policy.take() {
        spec.restart = restart_policy(&r)?;
    }
    if let Some(l) = hc.log_config.take() {
        match l.kind.as_deref().unwrap_or("") {
            // Docker's default and hutch's own: the same file log, read back by `logs`.
            "" | "k8s-file" | "json-file" => {}
            "none" => spec.log_driver = Some(cs::LogDriver::None),
            other => {
                warnings.push(format!(
                    "HostConfig.LogConfig.Type {other:?} is not supported by hutch: the log is kept as k8s-file"
                ));
            }
        }
        let opts: Vec<String> = l
            .config
            .unwrap_or_default()
            .into_iter()
            .filter(|(k, _)| {
                let known = matches!(k.as_str(), "max-size" | "max-file" | "path" | "tag");
                if !known {
                    warnings.push(format!(
                        "HostConfig.LogConfig.Config {k:?} is not supported by hutch and was ignored"
                    ));
                }
                known
            })
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        spec.log_size_max =
            cs::parse_log_opts(&opts).map_err(field("HostConfig.LogConfig.Config"))?;
    }
    spec.init = hc.init.unwrap_or(false);
    spec.cap_add = hc.cap_add.take().unwrap_or_default();
    spec.cap_drop = hc.cap_drop.take().unwrap_or_default();
    spec.privileged = hc.privileged.unwrap_or(false);
    spec.read_only = hc.readonly_rootfs.unwrap_or(false);
    for so in hc.security_opt.take().unwrap_or_default() {
        // The docker CLI sends a profile file's content inline; hutch takes only paths.
        if so.starts_with("seccomp") && so.contains('{') {
            return Err(ApiError::bad_request(
                "HostConfig.SecurityOpt: inline seccomp profiles are not supported by hutch; use seccomp=unconfined or a profile path on the host",
            ));
        }
        spec.security
            .apply(&so)
            .map_err(field("HostConfig.SecurityOpt"))?;
    }
    for u in hc.ulimits.take().unwrap_or_default() {
        spec.ulimits.push(ulimit(&u)?);
    }
    if hc.devices.as_ref().is_some_and(|d| !d.is_empty()) {
        return Err(ApiError::bad_request(
            "HostConfig.Devices: hutch does not support adding devices to a container",
        ));
    }
    if hc.links.as_ref().is_some_and(|l| !l.is_empty()) {
        warnings.push("HostConfig.Links is not supported by hutch: use a user-defined network and its DNS names".into());
    }
    spec.resources = resources(&hc, &mut warnings)?;
    spec.rm = hc.auto_remove.unwrap_or(false);
    spec.shm_size = match hc.shm_size {
        Some(n) if n > 0 => Some(n as u64),
        Some(n) if n < 0 => {
            return Err(ApiError::bad_request(format!(
                "HostConfig.ShmSize: {n} is negative"
            )))
        }
        _ => None,
    };
    spec.group_add = hc.group_add.take().unwrap_or_default();
    spec.userns = cs::parse_userns(hc.userns_mode.as_deref().unwrap_or(""))
        .map_err(field("HostConfig.UsernsMode"))?;
    Ok((spec, image, warnings))
}

fn health(h: Healthcheck) -> Result<HealthConfig, ApiError> {
    let dur = |name: &str, v: Option<i64>| -> Result<Option<Duration>, ApiError> {
        match v {
            None | Some(0) => Ok(None),
            Some(n) if n < 0 => Err(ApiError::bad_request(format!(
                "Config.Healthcheck.{name}: {n} is negative"
            ))),
            Some(n) => Ok(Some(Duration::from_nanos(n as u64))),
        }
    };
    Ok(HealthConfig {
        test: cs::HealthTest::try_from(h.test.unwrap_or_default())
            .map_err(field("Config.Healthcheck.Test"))?,
        interval: dur("Interval", h.interval)?,
        timeout: dur("Timeout", h.timeout)?,
        start_period: dur("StartPeriod", h.start_period)?,
        start_interval: dur("StartInterval", h.start_interval)?,
        retries: match h.retries {
            None | Some(0) => None,
            Some(n) => Some(u32::try_from(n).map_err(|_| {
                ApiError::bad_request(format!("Config.Healthcheck.Retries: {n} is out of range"))
            })?),
        },
        ..Default::default()
    })
}

fn mount(f: &str, m: DockerMount) -> Result<Mount, ApiError> {
    let kind = m.kind.unwrap_or_default();
    let source = m.source.unwrap_or_default();
    let target = m.target.unwrap_or_default();
    let given = format!("type={kind},source={source},target={target}");
    let bad = |reason: String| ApiError::bad_request(format!("{f}: {reason}"));
    if kind == "bind" && !source.starts_with('/') {
        return Err(bad(format!(
            "the bind source {source:?} must be an absolute path on the host"
        )));
    }
    let mut options = MountOptions {
        readonly: m.read_only.unwrap_or(false),
        ..Default::default()
    };
    if let Some(p) = m
        .bind_options
        .and_then(|b| b.propagation)
        .filter(|p| !p.is_empty())
    {
        options.propagation = Some(Propagation::parse(&p).ok_or_else(|| {
            bad(format!(
                "BindOptions.Propagation {p:?} is not a propagation mode"
            ))
        })?);
    }
    let nocopy = m.volume_options.and_then(|v| v.no_copy).unwrap_or(false);
    let mut tmpfs = TmpfsOptions::default();
    if let Some(t) = m.tmpfs_options {
        tmpfs.size = match t.size_bytes {
            Some(n) if n < 0 => return Err(bad(format!("TmpfsOptions.SizeBytes {n} is negative"))),
            Some(0) | None => None,
            Some(n) => Some(n as u64),
        };
        tmpfs.mode = t.mode.filter(|m| *m != 0);
    }
    mount_spec::typed_mount(
        "mount", &given, &kind, &source, &target, options, nocopy, tmpfs,
    )
    .map_err(|e| ApiError::bad_request(format!("{f}: {e}")))
}

fn net_spec(hc: &HostConfig, mac: Option<&str>) -> Result<NetSpec, ApiError> {
    let mut n = NetSpec {
        publish_all: hc.publish_all_ports.unwrap_or(false),
        dns_search: hc.dns_search.clone().unwrap_or_default(),
        dns_options: hc.dns_options.clone().unwrap_or_default(),
        ..Default::default()
    };
    for (port, bindings) in hc.port_bindings.clone().unwrap_or_default() {
        let f = format!("HostConfig.PortBindings[{port:?}]");
        let bad = |reason: &str| ApiError::bad_request(format!("{f}: {reason}"));
        let (p, proto) = port.split_once('/').unwrap_or((&port, "tcp"));
        let protocol = match proto {
            "tcp" => Protocol::Tcp,
            "udp" => Protocol::Udp,
            _ => return Err(bad("the protocol must be tcp or udp")),
        };
        let container_ports = range(p).ok_or_else(|| bad("expected PORT[-PORT][/tcp|udp]"))?;
        let bindings = bindings.unwrap_or_default();
        let bindings = if bindings.is_empty() {
            vec![PortBinding::default()]
        } else {
            bindings
        };
        for b in bindings {
            let host_ip = match b.host_ip.as_deref().unwrap_or("") {
                "" => None,
                ip => Some(
                    ip.parse()
                        .map_err(|_| bad(&format!("HostIp {ip:?} is not an IP address")))?,
                ),
            };
            let host_ports = match b.host_port.as_deref().unwrap_or("") {
                "" | "0" => None,
                hp => {
                    let r =
                        range(hp).ok_or_else(|| bad(&format!("HostPort {hp:?} is not a port")))?;
                    if r.count != container_ports.count {
                        return Err(bad("the host and container port ranges differ in length"));
                    }
                    Some(r)
                }
            };
            n.publish.push(PortSpec {
                host_ip,
                host_ports,
                container_ports,
                protocol,
            });
        }
    }
    for d in hc.dns.clone().unwrap_or_default() {
        n.dns
            .extend(net::parse_dns(&d).map_err(field("HostConfig.Dns"))?);
    }
    for h in hc.extra_hosts.clone().unwrap_or_default() {
        // Docker takes HOST:IP and, since 1.45, HOST=IP.
        let h = match h.split_once('=') {
            Some((name, ip)) if !h.contains(':') || ip.contains(':') => format!("{name}:{ip}"),
            _ => h,
        };
        n.add_hosts
            .push(net::parse_add_host(&h).map_err(field("HostConfig.ExtraHosts"))?);
    }
    if let Some(m) = mac.filter(|m| !m.is_empty()) {
        n.mac = Some(net::parse_mac(m).map_err(field("Config.MacAddress"))?);
    }
    Ok(n)
}

/// `80` or `8000-8010`.
fn range(s: &str) -> Option<PortRange> {
    let (a, b) = s.split_once('-').unwrap_or((s, s));
    let (a, b): (u16, u16) = (a.parse().ok()?, b.parse().ok()?);
    (a > 0 && b >= a).then(|| PortRange {
        start: a,
        count: b - a + 1,
    })
}

/// Docker's names for the default network.
fn is_default(name: &str) -> bool {
    matches!(name, "" | "default" | "bridge")
}

/// `HostConfig.NetworkMode` with `NetworkingConfig.EndpointsConfig`: `bridge`/`default` are
/// hutch's default network; `host`, `none`, `container:X` are those modes; any other name is a
/// user network, joined with every network of EndpointsConfig and each one's aliases.
fn network_mode(
    mode: &str,
    endpoints: BTreeMap<String, Option<Endpoint>>,
) -> Result<Option<NetworkMode>, ApiError> {
    let bad = field("HostConfig.NetworkMode");
    if matches!(mode, "host" | "none") || mode.starts_with("container:") {
        return netmode::parse(&[mode.to_string()]).map_err(bad);
    }
    // The networks, the mode's first, then EndpointsConfig's (the default one only when no
    // user network is named).
    let mut names: Vec<String> = Vec::new();
    if !is_default(mode) {
        names.push(mode.to_string());
    }
    for k in endpoints.keys() {
        if !is_default(k) && !names.contains(k) {
            names.push(k.clone());
        }
    }
    let default_name = hutch_engine::networks::DEFAULT_NETWORK.to_string();
    if names.is_empty() {
        names.push(default_name.clone());
    }
    let Some(NetworkMode::Networks { networks }) =
        netmode::parse(&[names.join(",")]).map_err(bad)?
    else {
        return Err(ApiError::bad_request(format!(
            "HostConfig.NetworkMode: {mode:?} is not a network mode or network name"
        )));
    };
    let mut atts: Vec<NetworkAttachment> = networks;
    for (key, ep) in endpoints {
        let Some(ep) = ep else { continue };
        let name = if is_default(&key) {
            default_name.clone()
        } else {
            key.clone()
        };
        let Some(a) = atts.iter_mut().find(|a| a.name == name) else {
            continue;
        };
        let f = format!("NetworkingConfig.EndpointsConfig[{key:?}]");
        for alias in ep.aliases.unwrap_or_default() {
            if alias.is_empty() || alias.contains([' ', '/', ',']) {
                return Err(ApiError::bad_request(format!(
                    "{f}.Aliases: {alias:?} is not a valid name"
                )));
            }
            if !a.aliases.contains(&alias) {
                a.aliases.push(alias);
            }
        }
        if let Some(ipam) = ep.ipam_config {
            for ip in [ipam.ipv4_address, ipam.ipv6_address].into_iter().flatten() {
                if ip.is_empty() {
                    continue;
                }
                ip.parse::<std::net::IpAddr>().map_err(|_| {
                    ApiError::bad_request(format!("{f}.IPAMConfig: {ip:?} is not an IP address"))
                })?;
                a.ips.push(ip);
            }
        }
        if let Some(m) = ep.mac_address.filter(|m| !m.is_empty()) {
            a.mac = Some(net::parse_mac(&m).map_err(field(&format!("{f}.MacAddress")))?);
        }
    }
    Ok(Some(NetworkMode::Networks { networks: atts }))
}

pub fn restart_policy(r: &RestartPolicyBody) -> Result<Option<cs::RestartPolicy>, ApiError> {
    let name = r.name.as_deref().unwrap_or("");
    let value = match (name, r.maximum_retry_count.unwrap_or(0)) {
        ("on-failure", n) if n > 0 => format!("on-failure:{n}"),
        (_, n) if n < 0 => {
            return Err(ApiError::bad_request(format!(
                "HostConfig.RestartPolicy.MaximumRetryCount: {n} is negative"
            )))
        }
        (name, _) => name.to_string(),
    };
    cs::parse_restart(&value).map_err(field("HostConfig.RestartPolicy"))
}

fn ulimit(u: &UlimitBody) -> Result<Ulimit, ApiError> {
    let num = |v: Option<i64>| match v {
        Some(n) if n < 0 => "-1".to_string(),
        Some(n) => n.to_string(),
        None => "0".to_string(),
    };
    let text = format!(
        "{}={}:{}",
        u.name.as_deref().unwrap_or(""),
        num(u.soft),
        num(u.hard)
    );
    parse_ulimit(&text).map_err(field("HostConfig.Ulimits"))
}

fn resources(hc: &HostConfig, warnings: &mut Vec<String>) -> Result<Resources, ApiError> {
    let positive = |name: &str, v: Option<i64>| -> Result<Option<i64>, ApiError> {
        match v {
            Some(n) if n < 0 => Err(ApiError::bad_request(format!(
                "HostConfig.{name}: {n} is negative"
            ))),
            Some(0) | None => Ok(None),
            Some(n) => Ok(Some(n)),
        }
    };
    let memory = positive("Memory", hc.memory)?.map(|n| n as u64);
    let mut cpus = positive("NanoCpus", hc.nano_cpus)?.map(|n| n as f64 / 1e9);
    if let (Some(q), Some(p)) = (
        positive("CpuQuota", hc.cpu_quota)?,
        positive("CpuPeriod", hc.cpu_period)?,
    ) {
        cpus = Some(q as f64 / p as f64);
    }
    let pids_limit = match hc.pids_limit {
        None | Some(0) => None,
        Some(n) if n < 0 => Some(-1),
        Some(n) => Some(n),
    };
    for (name, v) in [
        ("CpuShares", hc.cpu_shares),
        ("MemoryReservation", hc.memory_reservation),
    ] {
        if v.is_some_and(|n| n > 0) {
            warnings.push(format!(
                "HostConfig.{name} is not supported by hutch and was ignored"
            ));
        }
    }
    if hc.memory_swap.is_some_and(|n| n > 0) && memory.is_none() {
        warnings.push("HostConfig.MemorySwap without Memory was ignored".into());
    }
    Ok(Resources {
        memory,
        cpus,
        pids_limit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(v: serde_json::Value) -> Result<(ContainerSpec, String, Vec<String>), ApiError> {
        spec_of(serde_json::from_value(v).expect("a create body"), None)
    }

    #[test]
    fn networks_come_from_the_mode_and_every_endpoint() {
        let (s, _, _) = decode(serde_json::json!({
            "Image": "i",
            "HostConfig": {"NetworkMode": "front"},
            "NetworkingConfig": {"EndpointsConfig": {
                "back": {"Aliases": ["b"], "IPAMConfig": {"IPv4Address": "10.1.0.5"}},
                "front": {"Aliases": ["f", "f2"]},
            }},
        }))
        .unwrap();
        let Some(NetworkMode::Networks { networks }) = s.network else {
            panic!("{:?}", s.network)
        };
        let got: Vec<(&str, Vec<String>, Vec<String>)> = networks
            .iter()
            .map(|n| (n.name.as_str(), n.aliases.clone(), n.ips.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("front", vec!["f".into(), "f2".into()], vec![]),
                ("back", vec!["b".into()], vec!["10.1.0.5".into()]),
            ]
        );
        for mode in ["", "default", "bridge"] {
            let (s, _, _) =
                decode(serde_json::json!({"Image": "i", "HostConfig": {"NetworkMode": mode}}))
                    .unwrap();
            assert!(
                matches!(&s.network, Some(NetworkMode::Networks { networks }) if networks.len() == 1),
                "{mode}: {:?}",
                s.network
            );
        }
        let (s, _, _) =
            decode(serde_json::json!({"Image": "i", "HostConfig": {"NetworkMode": "host"}}))
                .unwrap();
        assert_eq!(s.network, Some(NetworkMode::Host));
        let e =
            decode(serde_json::json!({"Image": "i", "HostConfig": {"NetworkMode": "bad name"}}))
                .unwrap_err();
        assert!(
            e.message.starts_with("HostConfig.NetworkMode:"),
            "{}",
            e.message
        );
    }

    #[test]
    fn config_and_host_config_fields() {
        let (s, image, warnings) = decode(serde_json::json!({
            "Image": "busybox",
            "Cmd": "true",
            "Entrypoint": [""],
            "Env": ["A=1", "B"],
            "ExposedPorts": {"80/tcp": {}},
            "StopSignal": "SIGUSR1",
            "StopTimeout": 3,
            "Healthcheck": {"Test": ["CMD-SHELL", "true"], "Interval": 1_000_000_000u64},
            "HostConfig": {
                "Binds": ["/srv:/srv:ro"],
                "Mounts": [{"Type": "tmpfs", "Target": "/t", "TmpfsOptions": {"SizeBytes": 1048576}}],
                "PortBindings": {"80/tcp": [{"HostIp": "127.0.0.1", "HostPort": "8080"}], "53/udp": null},
                "RestartPolicy": {"Name": "on-failure", "MaximumRetryCount": 2},
                "AutoRemove": true,
                "CpuShares": 512,
                "NanoCpus": 1_500_000_000u64,
                "Ulimits": [{"Name": "nofile", "Soft": 10, "Hard": 20}],
            },
        }))
        .unwrap();
        assert_eq!(image, "busybox");
        assert_eq!(s.command, Some(vec!["true".to_string()]));
        assert_eq!(s.entrypoint, Some(vec![]));
        assert_eq!(s.env, [("A".to_string(), "1".to_string())]);
        assert_eq!(s.expose, ["80/tcp"]);
        assert_eq!((s.stop_signal, s.stop_timeout), (Some(10), Some(3)));
        assert_eq!(s.health.unwrap().interval, Some(Duration::from_secs(1)));
        assert_eq!(s.mounts.len(), 2);
        assert!(matches!(&s.mounts[1], Mount::Tmpfs { tmpfs, .. } if tmpfs.size == Some(1 << 20)));
        assert_eq!(s.net.publish.len(), 2);
        let p = &s.net.publish[1];
        assert_eq!(
            (
                p.host_ip.map(|i| i.to_string()),
                p.host_ports.map(|r| r.start)
            ),
            (Some("127.0.0.1".into()), Some(8080))
        );
        assert_eq!(
            s.restart,
            Some(cs::RestartPolicy::OnFailure { max_retries: 2 })
        );
        assert!(s.rm);
        assert_eq!(s.resources.cpus, Some(1.5));
        assert_eq!(s.ulimits[0].hard, 20);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("CpuShares"));
    }

    #[test]
    fn errors_name_the_field() {
        for (body, field) in [
            (serde_json::json!({}), "Config.Image"),
            (
                serde_json::json!({"Image": "i", "HostConfig": {"Binds": ["x:rel"]}}),
                "HostConfig.Binds[0]:",
            ),
            (
                serde_json::json!({"Image": "i", "HostConfig": {"Mounts": [{"Type": "bind", "Source": "rel", "Target": "/x"}]}}),
                "HostConfig.Mounts[0]:",
            ),
            (
                serde_json::json!({"Image": "i", "HostConfig": {"PortBindings": {"http": []}}}),
                "HostConfig.PortBindings[\"http\"]:",
            ),
            (
                serde_json::json!({"Image": "i", "StopSignal": "NOPE"}),
                "Config.StopSignal:",
            ),
            (
                serde_json::json!({"Image": "i", "HostConfig": {"Devices": [{"PathOnHost": "/dev/null"}]}}),
                "HostConfig.Devices:",
            ),
        ] {
            let e = decode(body).unwrap_err();
            assert_eq!(e.status, hyper::StatusCode::BAD_REQUEST);
            assert!(e.message.contains(field), "{field}: {}", e.message);
        }
    }
}
