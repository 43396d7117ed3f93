//! The docker/podman `inspect` view of a container.

use super::{config_of, observe, spec, Dirs};
use crate::Paths;
use chrono::SecondsFormat;
use hutch_state::Container;
use serde_json::{json, Value};

fn ts(t: Option<chrono::DateTime<chrono::Utc>>) -> String {
    t.map(|t| t.to_rfc3339_opts(SecondsFormat::Nanos, true))
        .unwrap_or_else(|| "0001-01-01T00:00:00Z".into())
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
    let network_mode = match cfg.network.as_str() {
        "host" => "host",
        _ => "none",
    };
    json!({
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
        "Pod": "",
        "ResolvConfPath": dirs.userdata.join("resolv.conf"),
        "HostnamePath": dirs.userdata.join("hostname"),
        "HostsPath": dirs.userdata.join("hosts"),
        "StaticDir": dirs.userdata,
        "OCIConfigPath": dirs.userdata.join("config.json"),
        "OCIRuntime": std::path::Path::new(&cfg.runtime).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
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
        "NetworkSettings": {
            "Bridge": "",
            "SandboxID": "",
            "HairpinMode": false,
            "LinkLocalIPv6Address": "",
            "LinkLocalIPv6PrefixLen": 0,
            "Ports": {},
            "SandboxKey": "",
            "Gateway": "",
            "IPAddress": "",
            "IPPrefixLen": 0,
            "MacAddress": "",
        },
        "Namespace": "",
        "IsInfra": false,
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
            "PortBindings": {},
            "RestartPolicy": {"Name": policy, "MaximumRetryCount": max_retry},
            "AutoRemove": c.rm,
            "CapAdd": cfg.cap_add,
            "CapDrop": cfg.cap_drop,
            "Dns": [],
            "DnsOptions": [],
            "DnsSearch": [],
            "ExtraHosts": [],
            "GroupAdd": cfg.group_add,
            "IpcMode": "private",
            "Cgroup": "",
            "Links": null,
            "OomScoreAdj": 0,
            "PidMode": "private",
            "Privileged": cfg.privileged,
            "PublishAllPorts": false,
            "ReadonlyRootfs": cfg.read_only,
            "SecurityOpt": [],
            "UTSMode": "private",
            "UsernsMode": "",
            "ShmSize": cfg.shm_size,
            "Runtime": "oci",
            "Init": cfg.init,
            "Ulimits": ulimits,
        },
    })
}
