//! `create`/`run` flags turned into the engine's typed `ContainerSpec`. This is where the CLI
//! does what only a command line has: read `--env-file`s and its own environment (`--env-host`,
//! `-e NAME`) and record its argv.

use crate::cli::CreateArgs;
use hutch_engine::container::create_spec::{self as cs, ContainerSpec, Resources};
use hutch_engine::container::{config, mount_spec, podman_opts, ContainerError};
use hutch_engine::networks::options::{self as net, NetSpec};

/// Parses every flag of `a`; errors name the flag and value, as the engine's own do.
pub fn container_spec(a: &CreateArgs) -> Result<ContainerSpec, ContainerError> {
    let caller: Vec<(String, String)> = std::env::vars().collect();
    let mut env = Vec::new();
    for f in &a.env_file {
        let text = std::fs::read_to_string(f).map_err(|e| ContainerError::io(f, e))?;
        for item in cs::env_file_items(&text) {
            cs::add_env_item(&mut env, item, &caller);
        }
    }
    for item in &a.env {
        cs::add_env_item(&mut env, item, &caller);
    }
    let mut security = cs::SecurityOptions::default();
    for so in &a.security_opt {
        security.apply(so)?;
    }
    let mut mounts = Vec::new();
    for v in &a.volume {
        mounts.push(mount_spec::parse_volume(v)?);
    }
    for m in &a.mount {
        mounts.push(mount_spec::parse_mount(m)?);
    }
    for t in &a.tmpfs {
        mounts.push(mount_spec::parse_tmpfs(t)?);
    }
    let p = &a.podman;
    let (network, net_spec) = network(&a.net, a.publish_all)?;
    if let Some(tz) = &p.tz {
        mounts.push(podman_opts::tz_mount(tz)?);
    }
    // Proxy settings go in under the image's Env and -e, as podman's.
    let mut base_env = if a.env_host {
        caller.clone()
    } else {
        Vec::new()
    };
    if p.http_proxy && !a.env_host {
        base_env.extend(podman_opts::proxy_env(&caller));
    }
    Ok(ContainerSpec {
        name: a.name.clone(),
        command: (!a.command.is_empty()).then(|| a.command.clone()),
        entrypoint: a
            .entrypoint
            .as_deref()
            .map(cs::parse_entrypoint)
            .transpose()?,
        base_env,
        ipc: p
            .ipc
            .as_deref()
            .map(podman_opts::parse_ipc)
            .transpose()?
            .unwrap_or_default(),
        systemd: podman_opts::parse_systemd(&p.systemd)?,
        timeout: p.timeout,
        host_users: p.hostuser.clone(),
        conmon_pidfile: p
            .conmon_pidfile
            .as_ref()
            .map(|f| std::path::absolute(f).map_err(|e| ContainerError::io(f, e)))
            .transpose()?,
        env,
        labels: collect(&a.label, cs::parse_label)?,
        workdir: a.workdir.clone(),
        user: a.user.clone(),
        group_add: a.group_add.clone(),
        hostname: a.hostname.clone(),
        tty: a.tty,
        interactive: a.interactive,
        rm: a.rm,
        stop_signal: match a.stop_signal.as_deref() {
            // An empty value is SIGTERM, not the image's signal.
            Some("") => Some(15),
            Some(s) => Some(cs::parse_stop_signal(s)?),
            None => None,
        },
        stop_timeout: a.stop_timeout,
        restart: match &a.restart {
            Some(r) => cs::parse_restart(r)?,
            None => None,
        },
        health: health(a)?,
        network,
        net: net_spec,
        cap_add: a.cap_add.clone(),
        cap_drop: a.cap_drop.clone(),
        privileged: a.privileged,
        read_only: a.read_only,
        security,
        ulimits: collect(&a.ulimit, config::parse_ulimit)?,
        init: a.init,
        userns: a
            .userns
            .as_deref()
            .map(cs::parse_userns)
            .transpose()?
            .unwrap_or_default(),
        shm_size: a.shm_size.as_deref().map(cs::parse_shm_size).transpose()?,
        log_driver: a
            .log_driver
            .as_deref()
            .map(cs::parse_log_driver)
            .transpose()?,
        log_size_max: cs::parse_log_opts(&a.log_opt)?,
        resources: Resources {
            memory: a
                .memory
                .as_deref()
                .map(|m| config::parse_size("--memory", m))
                .transpose()?,
            cpus: a.cpus.as_deref().map(cs::parse_cpus).transpose()?,
            pids_limit: a
                .pids_limit
                .as_deref()
                .map(cs::parse_pids_limit)
                .transpose()?,
        },
        create_command: std::env::args().collect(),
        mounts,
        volumes_from: collect(&a.volumes_from, mount_spec::parse_volumes_from)?,
        expose: Vec::new(),
        // As podman: under a notify unit, the monitor tells systemd unless asked otherwise.
        pod: match (&a.pod, &a.pod_id_file) {
            (Some(p), _) => hutch_engine::pods::config::parse_pod_choice(p),
            (None, Some(f)) => {
                let id = std::fs::read_to_string(f).map_err(|e| ContainerError::io(f, e))?;
                hutch_engine::pods::config::parse_pod_choice(id.trim())
            }
            (None, None) => None,
        },
        sdnotify: match &a.sdnotify {
            Some(m) => cs::parse_sdnotify(m)?,
            None if std::env::var_os("NOTIFY_SOCKET").is_some_and(|s| !s.is_empty()) => {
                cs::SdNotify::Conmon
            }
            None => cs::SdNotify::Ignore,
        },
        secrets: collect(&a.secret, hutch_engine::secrets::parse_use)?,
    })
}

/// Parses each value of a repeated flag.
/// The network flags `run`/`create` and `pod create` share, as the engine's network mode and
/// `NetSpec`.
pub fn network(
    n: &crate::cli::NetFlags,
    publish_all: bool,
) -> Result<(Option<hutch_engine::networks::mode::NetworkMode>, NetSpec), ContainerError> {
    let spec = NetSpec {
        publish: collect(&n.publish, net::parse_publish)?
            .into_iter()
            .flatten()
            .collect(),
        publish_all,
        aliases: n.network_alias.clone(),
        dns: collect(&n.dns, net::parse_dns)?
            .into_iter()
            .flatten()
            .collect(),
        dns_search: n.dns_search.clone(),
        dns_options: n.dns_option.clone(),
        add_hosts: collect(&n.add_host, net::parse_add_host)?,
        mac: n.mac_address.as_deref().map(net::parse_mac).transpose()?,
        ip: n.ip.as_deref().map(net::parse_ip).transpose()?,
        ip6: n.ip6.as_deref().map(net::parse_ip6).transpose()?,
    };
    Ok((hutch_engine::networks::mode::parse(&n.network)?, spec))
}

fn collect<T, E>(
    values: &[String],
    parse: impl Fn(&str) -> Result<T, E>,
) -> Result<Vec<T>, ContainerError>
where
    ContainerError: From<E>,
{
    values
        .iter()
        .map(|v| parse(v).map_err(ContainerError::from))
        .collect()
}

/// The `--health-*` flags; None when none is given (the image's check then applies).
fn health(a: &CreateArgs) -> Result<Option<cs::HealthConfig>, ContainerError> {
    use cs::HealthTest;
    let given = a.health_cmd.is_some()
        || a.health_interval.is_some()
        || a.health_retries.is_some()
        || a.health_start_period.is_some()
        || a.health_start_interval.is_some()
        || a.health_timeout.is_some()
        || a.health_on_failure.is_some()
        || a.no_healthcheck;
    if !given {
        return Ok(None);
    }
    let dur = |flag: &'static str, v: &Option<String>| -> Result<_, ContainerError> {
        Ok(v.as_deref()
            .map(|v| cs::parse_duration(flag, v))
            .transpose()?
            .filter(|d| !d.is_zero()))
    };
    let test = match (&a.health_cmd, a.no_healthcheck) {
        (_, true) => HealthTest::None,
        (None, false) => HealthTest::Inherit,
        (Some(c), false) if c.trim() == "none" => HealthTest::None,
        // podman: a JSON array is the exec form, anything else runs in the shell.
        (Some(c), false) => match serde_json::from_str::<Vec<String>>(c) {
            Ok(v)
                if v.first()
                    .is_some_and(|k| k == "CMD" || k == "CMD-SHELL" || k == "NONE") =>
            {
                HealthTest::try_from(v)?
            }
            Ok(v) if !v.is_empty() => HealthTest::Cmd(v),
            _ if c.trim().is_empty() => {
                return Err(ContainerError::InvalidFlag {
                    flag: "--health-cmd",
                    value: c.clone(),
                    reason: "give a command, or none".into(),
                })
            }
            _ => HealthTest::Shell(c.clone()),
        },
    };
    Ok(Some(cs::HealthConfig {
        test,
        interval: dur("--health-interval", &a.health_interval)?,
        timeout: dur("--health-timeout", &a.health_timeout)?,
        start_period: dur("--health-start-period", &a.health_start_period)?,
        start_interval: dur("--health-start-interval", &a.health_start_interval)?,
        retries: a.health_retries.filter(|r| *r > 0),
        on_failure: a
            .health_on_failure
            .as_deref()
            .map(cs::parse_health_on_failure)
            .transpose()?
            .unwrap_or_default(),
    }))
}
