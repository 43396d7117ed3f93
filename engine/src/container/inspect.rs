//! The docker/podman `inspect` view of a container.

use super::{config_of, observe, spec, Dirs};
use crate::Paths;
use chrono::SecondsFormat;
use hutch_network::PortMapping;
use hutch_state::Container;
use serde_json::{json, Value};

/// A running container's network state (see `net_status`).
pub use hutch_network::Status as NetStatus;

fn ts(t: Option<chrono::DateTime<chrono::Utc>>) -> String {
    t.map(|t| t.to_rfc3339_opts(SecondsFormat::Nanos, true))
        .unwrap_or_else(|| "0001-01-01T00:00:00Z".into())
}

/// The network state of a running container (from its status file); None otherwise.
pub fn net_status(paths: &Paths, c: &Container) -> Option<hutch_network::Status> {
    let obs = observe(paths, c);
    if !matches!(
        obs.state.as_str(),
        super::RUNNING | super::PAUSED | super::CREATED
    ) {
        return None;
    }
    hutch_network::container::status(&net_env(paths), &c.id)
}

fn net_env(paths: &Paths) -> hutch_network::NetEnv {
    hutch_network::NetEnv {
        runroot: paths.runroot.clone(),
        graphroot: paths.graphroot.clone(),
        config_home: paths.config_home.clone(),
        rootless: paths.rootless(),
        conf: std::sync::OnceLock::from(hutch_network::conf::NetConf::default()),
    }
}

/// The published ports of a running container with the host ports it got (`hutch port`,
/// `ps`); nothing for one that is not running.
pub fn published_ports(paths: &Paths, c: &Container) -> Vec<PortMapping> {
    net_status(paths, c).map(|s| s.ports).unwrap_or_default()
}

/// The ports in a container's network status file, without checking that it runs (for `ps`,
/// which has observed the container already).
pub fn status_ports(paths: &Paths, id: &str) -> Vec<PortMapping> {
    hutch_network::container::status(&net_env(paths), id)
        .map(|s| s.ports)
        .unwrap_or_default()
}

/// Docker's `{"80/tcp": [{"HostIp": "", "HostPort": "8080"}]}`, one key per port.
fn port_map(ports: &[PortMapping], exposed: &[String]) -> Value {
    let mut m = serde_json::Map::new();
    for e in exposed {
        let key = if e.contains('/') {
            e.clone()
        } else {
            format!("{e}/tcp")
        };
        m.insert(key, Value::Null);
    }
    for p in ports {
        for (hp, cp) in p.pairs() {
            let key = format!("{cp}/{}", p.protocol);
            let entry = json!({
                "HostIp": p.host_ip,
                "HostPort": if hp == 0 { String::new() } else { hp.to_string() },
            });
            match m.get_mut(&key) {
                Some(Value::Array(a)) => a.push(entry),
                _ => {
                    m.insert(key, json!([entry]));
                }
            }
        }
    }
    Value::Object(m)
}

fn network_settings(cfg: &super::ContainerConfig, st: Option<&hutch_network::Status>) -> Value {
    let ip = |v: Option<std::net::IpAddr>| v.map(|a| a.to_string()).unwrap_or_default();
    let ports = match st {
        Some(s) => port_map(&s.ports, &cfg.exposed_ports),
        None => json!({}),
    };
    let mut networks = serde_json::Map::new();
    if let Some(s) = st {
        for n in &s.networks {
            let (addr, len) = n
                .addresses
                .iter()
                .find_map(|a| a.split_once('/'))
                .map(|(a, l)| (a.to_string(), l.parse::<u32>().unwrap_or(0)))
                .unwrap_or_default();
            networks.insert(
                n.name.clone(),
                json!({
                    "NetworkID": n.network_id,
                    "IPAddress": addr,
                    "IPPrefixLen": len,
                    "Gateway": ip(n.gateway),
                    "MacAddress": n.mac,
                    "Aliases": n.aliases,
                }),
            );
        }
    }
    let empty = hutch_network::Status::default();
    let s = st.unwrap_or(&empty);
    json!({
        "Bridge": "",
        "SandboxID": "",
        "HairpinMode": false,
        "LinkLocalIPv6Address": "",
        "LinkLocalIPv6PrefixLen": 0,
        "Ports": ports,
        "SandboxKey": s.netns.as_ref().map(|p| p.display().to_string()).unwrap_or_default(),
        "Gateway": ip(s.gateway),
        "IPAddress": ip(s.ip),
        "IPPrefixLen": if s.ip.is_some() { s.prefix_len } else { 0 },
        "GlobalIPv6Address": ip(s.ip6),
        "MacAddress": s.mac,
        // hutch's own: who forwards the published ports (pasta keeps the client's address;
        // slirp4netns's API makes connections come from its gateway).
        "PortForwarder": s.port_forwarder,
        "Networks": networks,
    })
}

pub fn view(paths: &Paths, c: &Container, driver: &str) -> Value {
    let cfg = config_of(c).unwrap_or_default();
    let obs = observe(paths, c);
    let dirs = Dirs::new(paths, &c.id);
    let args = cfg.args();
    let status = if obs.state == super::CONFIGURED {
        "created".to_string()
    } else {
        obs.state.clone()
    };
    let running = obs.state == super::RUNNING || obs.state == super::PAUSED;
    let labels: Value = serde_json::from_str(&c.labels).unwrap_or(json!({}));
    let hostname = if cfg.hostname.is_empty() {
        c.id[..12].to_string()
    } else {
        cfg.hostname.clone()
    };
    let caps = spec::capabilities(&cfg);
    let ulimits: Vec<Value> = cfg
        .ulimits
        .iter()
        .map(|u| json!({"Name": format!("RLIMIT_{}", u.name.to_ascii_uppercase()), "Soft": u.soft, "Hard": u.hard}))
        .collect();
    let (policy, max_retry) = match c.restart_policy.split_once(':') {
        Some((p, n)) => (p.to_string(), n.parse::<u32>().unwrap_or(0)),
        None => (c.restart_policy.clone(), 0),
    };
    let network_mode = cfg.network.name();
    let mut v = json!({
        "Id": c.id,
        "Created": ts(Some(c.created)),
        "Path": args.first().cloned().unwrap_or_default(),
        "Args": args.iter().skip(1).collect::<Vec<_>>(),
        "State": {
            "OciVersion": "1.0.2",
            "Status": status,
            "Running": obs.state == super::RUNNING,
            "Paused": obs.state == super::PAUSED,
            "Restarting": false,
            "OOMKilled": false,
            "Dead": false,
            "Pid": if running { c.run.pid } else { 0 },
            "ConmonPid": if running { c.run.conmon_pid } else { 0 },
            "ExitCode": obs.exit_code.unwrap_or(0),
            "Error": c.run.error,
            "StartedAt": ts(c.run.started_at),
            "FinishedAt": ts(obs.finished_at),
        },
        "Image": c.image_id,
        "ImageName": c.image_name,
        "Rootfs": "",
        "Pod": cfg.pod.as_ref().map(|p| p.id.as_str()).unwrap_or_default(),
        "ResolvConfPath": dirs.userdata.join("resolv.conf"),
        "HostnamePath": dirs.userdata.join("hostname"),
        "HostsPath": dirs.userdata.join("hosts"),
        "StaticDir": dirs.userdata,
        "OCIConfigPath": dirs.userdata.join("config.json"),
        "OCIRuntime": super::runtime::name_of(std::path::Path::new(&cfg.runtime)),
        "ConmonPidFile": dirs.run.join("conmon.pid"),
        "PidFile": dirs.run.join("pidfile"),
        "Name": c.name,
        "RestartCount": c.run.restart_count,
        "Driver": driver,
        "MountLabel": "",
        "ProcessLabel": "",
        "AppArmorProfile": "",
        "EffectiveCaps": caps,
        "BoundingCaps": caps,
        "ExecIDs": [],
        "GraphDriver": {
            "Name": driver,
            "Data": {
                "UpperDir": dirs.upper,
                "WorkDir": dirs.work,
                "MergedDir": dirs.merged,
            }
        },
        "Mounts": super::mounts::inspect(paths, &cfg),
        "Dependencies": [],
        "NetworkSettings": network_settings(&cfg, net_status(paths, c).as_ref()),
        "Namespace": "",
        "IsInfra": cfg.pod.as_ref().is_some_and(|p| p.infra),
        "IsService": false,
        "Config": {
            "Hostname": hostname,
            "Domainname": "",
            "User": cfg.user,
            "AttachStdin": cfg.stdin,
            "AttachStdout": false,
            "AttachStderr": false,
            "Tty": cfg.tty,
            "OpenStdin": cfg.stdin,
            "StdinOnce": false,
            "Env": cfg.env,
            "Cmd": cfg.cmd,
            "Image": c.image_name,
            "Volumes": null,
            "WorkingDir": cfg.workdir,
            "Entrypoint": cfg.entrypoint,
            "OnBuild": null,
            "Labels": labels,
            "Annotations": {"io.container.manager": "hutch"},
            "StopSignal": super::config::signal_name(cfg.stop_signal),
            "StopTimeout": cfg.stop_timeout,
            "CreateCommand": cfg.create_command,
            "Umask": "0022",
            // As podman: the file secrets, never their data.
            "Secrets": cfg.secrets.iter().filter(|s| !s.env).map(|s| json!({
                "Name": s.name, "ID": s.id, "UID": s.uid, "GID": s.gid, "Mode": s.mode,
            })).collect::<Vec<_>>(),
        },
        "HostConfig": {
            "Binds": super::mounts::binds(&cfg),
            "CgroupManager": "cgroupfs",
            "CgroupMode": "host",
            "ContainerIDFile": "",
            "LogConfig": {
                "Type": cfg.log_driver,
                "Config": null,
                "Path": dirs.log_path(),
                "Size": cfg.log_size_max.map(|s| s.to_string()).unwrap_or_else(|| "0B".into()),
            },
            "NetworkMode": network_mode,
            "PortBindings": port_map(&cfg.net.ports, &[]),
            "RestartPolicy": {"Name": policy, "MaximumRetryCount": max_retry},
            "AutoRemove": c.rm,
            "CapAdd": cfg.cap_add,
            "CapDrop": cfg.cap_drop,
            "Dns": cfg.net.dns,
            "DnsOptions": cfg.net.dns_options,
            "DnsSearch": cfg.net.dns_search,
            "ExtraHosts": cfg.net.add_hosts.iter().map(|(h, ip)| format!("{h}:{ip}")).collect::<Vec<_>>(),
            "GroupAdd": cfg.group_add,
            "IpcMode": "private",
            "Cgroup": "",
            "Links": null,
            "OomScoreAdj": 0,
            "PidMode": "private",
            "Privileged": cfg.privileged,
            "PublishAllPorts": cfg.net.publish_all,
            "ReadonlyRootfs": cfg.read_only,
            "SecurityOpt": [],
            "UTSMode": "private",
            "UsernsMode": "",
            "ShmSize": cfg.shm_size,
            "Runtime": "oci",
            "Init": cfg.init,
            "Ulimits": ulimits,
        },
    });
    // Docker and podman show these only for a container with a healthcheck.
    if let Some(h) = &cfg.health {
        let ns = |d: Option<std::time::Duration>| d.map_or(0, |d| d.as_nanos() as u64);
        v["Config"]["Healthcheck"] = json!({
            "Test": Vec::<String>::from(h.test.clone()),
            "Interval": ns(h.interval),
            "Timeout": ns(h.timeout),
            "StartPeriod": ns(h.start_period),
            "StartInterval": ns(h.start_interval),
            "Retries": h.retries.unwrap_or(0),
        });
        v["Config"]["HealthcheckOnFailureAction"] = json!(h.on_failure);
        if obs.state == super::RUNNING || obs.state == super::PAUSED {
            if let Some(state) = super::health::read(&dirs) {
                v["State"]["Health"] = json!(state);
            }
        }
    }
    v
}
