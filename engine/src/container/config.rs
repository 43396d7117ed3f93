//! A container's own configuration: what the user asked for (a `ContainerSpec`, from the CLI
//! or the API) resolved against the image into `ContainerConfig`, which is stored as JSON in the
//! database and turned into an OCI config each time the container starts.

use super::create_spec::{ContainerSpec, HealthConfig, Seccomp};
use super::ContainerError;
use crate::images::ImageConfig;
use hutch_network::{NetOptions, NetworkMode};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Ulimit {
    pub name: String,
    pub soft: u64,
    pub hard: u64,
}

/// The stored configuration (the `spec` column).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ContainerConfig {
    pub entrypoint: Vec<String>,
    pub cmd: Vec<String>,
    pub env: Vec<String>,
    pub workdir: String,
    pub user: String,
    pub group_add: Vec<String>,
    pub hostname: String,
    pub tty: bool,
    pub stdin: bool,
    pub stop_signal: i32,
    pub stop_timeout: u32,
    /// The network mode (older configurations stored "none", "host" or "private").
    #[serde(deserialize_with = "hutch_network::mode::deserialize_compat")]
    pub network: NetworkMode,
    /// Ports, DNS, extra hosts, aliases.
    pub net: NetOptions,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    pub privileged: bool,
    pub read_only: bool,
    pub no_new_privileges: bool,
    /// None: the default profile; "unconfined"; or a profile path.
    pub seccomp: Option<String>,
    pub label_disable: bool,
    pub ulimits: Vec<Ulimit>,
    pub init: bool,
    /// "" (hutch's namespace) or "keep-id".
    pub userns: String,
    pub shm_size: u64,
    pub log_driver: String,
    pub log_size_max: Option<u64>,
    /// The OCI runtime chosen at create time, so every later step uses the same one.
    pub runtime: String,
    pub create_command: Vec<String>,
    pub exposed_ports: Vec<String>,
    /// Volumes, bind mounts, tmpfs and image mounts (absent in configs stored before them).
    pub mounts: Vec<super::mounts::MountSpec>,
    /// The healthcheck, the image's merged in at create (absent without one, and in configs
    /// stored before it); the monitor runs it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health: Option<HealthConfig>,
    /// `--sdnotify`: "conmon", "container", or "" (ignore).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sdnotify: String,
    /// The pod the container belongs to (absent for one in no pod).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pod: Option<crate::pods::PodMember>,
    /// `--ipc`: "" (private), "host", "none", "ns:PATH" or "container:ID".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub ipc: String,
    /// `--timeout`: seconds the container may run before its monitor kills it; 0: no limit.
    #[serde(skip_serializing_if = "is_zero")]
    pub timeout: u64,
    /// `--conmon-pidfile`: where the monitor's pid is written each time it starts.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub conmon_pidfile: String,
    /// `--secret`s by name and ID (never their data).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub secrets: Vec<crate::secrets::SecretUse>,
    /// `--hostuser`: host users (as given) whose passwd entries are added at each init.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub host_users: Vec<String>,
    /// `--systemd`: the container runs systemd (or an init), which gets podman's setup.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub systemd: bool,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl ContainerConfig {
    /// `--userns=keep-id[:uid=X,gid=Y]`: the ids asked for (None: the user's own); None
    /// without keep-id.
    pub fn keep_id(&self) -> Option<(Option<u32>, Option<u32>)> {
        match super::create_spec::parse_userns(&self.userns) {
            Ok(super::create_spec::UsernsMode::KeepId { uid, gid }) => Some((uid, gid)),
            _ => None,
        }
    }

    /// The process's argv: entrypoint then cmd.
    pub fn args(&self) -> Vec<String> {
        self.entrypoint.iter().chain(&self.cmd).cloned().collect()
    }
}

pub const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
pub const DEFAULT_STOP_TIMEOUT: u32 = 10;
pub const DEFAULT_SHM_SIZE: u64 = 64 * 1024 * 1024;

/// An invalid flag value (or the API field standing for it).
pub(super) fn bad(flag: &'static str, value: &str, reason: impl Into<String>) -> ContainerError {
    ContainerError::InvalidFlag {
        flag,
        value: value.to_string(),
        reason: reason.into(),
    }
}

const SIGNALS: &[(&str, i32)] = &[
    ("HUP", 1),
    ("INT", 2),
    ("QUIT", 3),
    ("ILL", 4),
    ("TRAP", 5),
    ("ABRT", 6),
    ("IOT", 6),
    ("BUS", 7),
    ("FPE", 8),
    ("KILL", 9),
    ("USR1", 10),
    ("SEGV", 11),
    ("USR2", 12),
    ("PIPE", 13),
    ("ALRM", 14),
    ("TERM", 15),
    ("STKFLT", 16),
    ("CHLD", 17),
    ("CONT", 18),
    ("STOP", 19),
    ("TSTP", 20),
    ("TTIN", 21),
    ("TTOU", 22),
    ("URG", 23),
    ("XCPU", 24),
    ("XFSZ", 25),
    ("VTALRM", 26),
    ("PROF", 27),
    ("WINCH", 28),
    ("IO", 29),
    ("POLL", 29),
    ("PWR", 30),
    ("SYS", 31),
];

/// Parses `SIGTERM`, `TERM`, `term`, `15` or `RTMIN+3` into a signal number.
pub fn parse_signal(s: &str) -> Option<i32> {
    let t = s.trim();
    if let Ok(n) = t.parse::<i32>() {
        return (1..=64).contains(&n).then_some(n);
    }
    let up = t.to_ascii_uppercase();
    let name = up.strip_prefix("SIG").unwrap_or(&up);
    if let Some(rest) = name.strip_prefix("RTMIN") {
        let off = if rest.is_empty() {
            0
        } else {
            rest.strip_prefix('+')?.parse::<i32>().ok()?
        };
        return (0..=30).contains(&off).then_some(34 + off);
    }
    if let Some(rest) = name.strip_prefix("RTMAX") {
        let off = if rest.is_empty() {
            0
        } else {
            rest.strip_prefix('-')?.parse::<i32>().ok()?
        };
        return (0..=30).contains(&off).then_some(64 - off);
    }
    SIGNALS.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

/// The name of a signal number, `SIGTERM` style (for inspect's StopSignal).
pub fn signal_name(n: i32) -> String {
    SIGNALS
        .iter()
        .find(|(_, v)| *v == n)
        .map(|(name, _)| format!("SIG{name}"))
        .unwrap_or_else(|| n.to_string())
}

/// Parses `64m`, `1g`, `512k`, `1024` (bytes) as podman does.
pub fn parse_size(flag: &'static str, s: &str) -> Result<u64, ContainerError> {
    let t = s.trim().to_ascii_lowercase();
    let t = t.strip_suffix('b').unwrap_or(&t);
    let (num, mult) = match t.chars().last() {
        Some('k') => (&t[..t.len() - 1], 1u64 << 10),
        Some('m') => (&t[..t.len() - 1], 1 << 20),
        Some('g') => (&t[..t.len() - 1], 1 << 30),
        Some('t') => (&t[..t.len() - 1], 1 << 40),
        _ => (t, 1),
    };
    let v: f64 = num
        .parse()
        .map_err(|_| bad(flag, s, "expected a size such as 64m or 1g"))?;
    if v < 0.0 {
        return Err(bad(flag, s, "a size cannot be negative"));
    }
    Ok((v * mult as f64) as u64)
}

const ULIMITS: &[&str] = &[
    "core",
    "cpu",
    "data",
    "fsize",
    "locks",
    "memlock",
    "msgqueue",
    "nice",
    "nofile",
    "nproc",
    "rss",
    "rtprio",
    "rttime",
    "sigpending",
    "stack",
    "as",
];

/// `nofile=1024:2048` or `nproc=512` (soft = hard), `-1` for unlimited.
pub fn parse_ulimit(s: &str) -> Result<Ulimit, ContainerError> {
    let (name, vals) = s
        .split_once('=')
        .ok_or_else(|| bad("--ulimit", s, "expected NAME=SOFT[:HARD]"))?;
    if !ULIMITS.contains(&name) {
        return Err(bad("--ulimit", s, format!("unknown limit {name:?}")));
    }
    let num = |v: &str| -> Result<u64, ContainerError> {
        if v == "-1" || v == "unlimited" {
            return Ok(u64::MAX);
        }
        v.parse()
            .map_err(|_| bad("--ulimit", s, format!("{v:?} is not a number")))
    };
    let (soft, hard) = match vals.split_once(':') {
        Some((a, b)) => (num(a)?, num(b)?),
        None => (num(vals)?, num(vals)?),
    };
    if soft > hard {
        return Err(bad("--ulimit", s, "the soft limit is above the hard limit"));
    }
    Ok(Ulimit {
        name: name.to_string(),
        soft,
        hard,
    })
}

/// Sets a `KEY=VALUE`, replacing an earlier value of KEY.
pub fn set_env(env: &mut Vec<String>, item: String) {
    let key = item.split('=').next().unwrap_or("").to_string();
    env.retain(|e| e.split('=').next() != Some(key.as_str()));
    env.push(item);
}

fn str_list(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Resolves the spec against the image's config; also returns the container's labels.
pub fn resolve(
    spec: &ContainerSpec,
    image: &ImageConfig,
    runtime: String,
    default_network: &NetworkMode,
) -> Result<(ContainerConfig, BTreeMap<String, String>), ContainerError> {
    let icfg = image.config.clone().unwrap_or(Value::Null);
    let get = |k: &str| icfg.get(k);
    if spec.rm
        && spec
            .restart
            .is_some_and(|r| r != super::create_spec::RestartPolicy::No)
    {
        return Err(bad(
            "--restart",
            &spec.restart.map(|r| r.to_string()).unwrap_or_default(),
            "conflicts with --rm: a container removed when it exits cannot be restarted",
        ));
    }

    let entrypoint = match &spec.entrypoint {
        None => str_list(get("Entrypoint")),
        Some(e) => e.clone(),
    };
    let cmd = match &spec.command {
        Some(c) if !c.is_empty() => c.clone(),
        // A new entrypoint drops the image's Cmd, as podman does.
        _ if spec.entrypoint.is_some() => Vec::new(),
        _ => str_list(get("Cmd")),
    };
    if entrypoint.is_empty() && cmd.is_empty() {
        return Err(bad(
            "command",
            "",
            "no command specified: the image has no Cmd or Entrypoint; give a command after the image",
        ));
    }

    let mut env: Vec<String> = Vec::new();
    for (k, v) in &spec.base_env {
        set_env(&mut env, format!("{k}={v}"));
    }
    for e in str_list(get("Env")) {
        set_env(&mut env, e);
    }
    if !env.iter().any(|e| e.starts_with("PATH=")) {
        env.insert(0, format!("PATH={DEFAULT_PATH}"));
    }
    for (k, v) in &spec.env {
        set_env(&mut env, format!("{k}={v}"));
    }
    if spec.tty && !env.iter().any(|e| e.starts_with("TERM=")) {
        env.push("TERM=xterm".into());
    }
    set_env(&mut env, "container=hutch".into());
    let argv: Vec<String> = entrypoint.iter().chain(&cmd).cloned().collect();
    let systemd = super::podman_opts::runs_systemd(spec.systemd, &argv);
    if spec.init && spec.systemd == super::podman_opts::SystemdMode::Always {
        return Err(bad(
            "--init",
            "true",
            "cannot use container-init binary with systemd=always",
        ));
    }

    let workdir = spec
        .workdir
        .clone()
        .or_else(|| {
            get("WorkingDir")
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        })
        .unwrap_or_else(|| "/".into());
    if !workdir.starts_with('/') {
        return Err(bad("--workdir", &workdir, "must be an absolute path"));
    }
    let user = spec
        .user
        .clone()
        .or_else(|| get("User").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_default();

    let stop_signal = match spec.stop_signal {
        Some(n) => n,
        None if systemd => super::podman_opts::SYSTEMD_STOP_SIGNAL,
        None => match get("StopSignal").and_then(Value::as_str) {
            Some(s) if !s.is_empty() => super::create_spec::parse_stop_signal(s)?,
            _ => 15,
        },
    };

    let network = spec
        .network
        .clone()
        .unwrap_or_else(|| default_network.clone());
    let seccomp = spec.security.seccomp.as_ref().map(|s| match s {
        Seccomp::Unconfined => "unconfined".to_string(),
        Seccomp::Profile(p) => p.display().to_string(),
    });
    let shm_size = spec.shm_size.unwrap_or(DEFAULT_SHM_SIZE);
    if shm_size == 0 {
        return Err(bad("--shm-size", "0", "must be more than 0"));
    }

    for cap in spec.cap_add.iter().chain(&spec.cap_drop) {
        if cap.eq_ignore_ascii_case("all") {
            continue;
        }
        let norm = super::spec::normalize_cap(cap);
        if !super::spec::ALL_CAPS.contains(&norm.as_str()) {
            return Err(bad("--cap-add/--cap-drop", cap, "unknown capability"));
        }
    }

    let mut labels: BTreeMap<String, String> = BTreeMap::new();
    if let Some(l) = get("Labels").and_then(Value::as_object) {
        for (k, v) in l {
            labels.insert(k.clone(), v.as_str().unwrap_or_default().to_string());
        }
    }
    for (k, v) in &spec.labels {
        if k.is_empty() {
            return Err(bad("--label", &format!("={v}"), "a label needs a key"));
        }
        labels.insert(k.clone(), v.clone());
    }

    if let Some(h) = &spec.hostname {
        if h.is_empty() || h.len() > 64 || h.contains(['/', ' ']) {
            return Err(bad("--hostname", h, "not a valid host name"));
        }
    }

    let mut exposed_ports: Vec<String> = get("ExposedPorts")
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    for p in &spec.expose {
        let (port, proto) = p.split_once('/').unwrap_or((p, "tcp"));
        if port.parse::<u16>().map_or(true, |n| n == 0) || !matches!(proto, "tcp" | "udp" | "sctp")
        {
            return Err(bad("--expose", p, "expected PORT[/tcp|udp]"));
        }
        let p = format!("{port}/{proto}");
        if !exposed_ports.contains(&p) {
            exposed_ports.push(p);
        }
    }

    let net = NetOptions::from_spec(&spec.net, &network, &exposed_ports)?;
    let image_volumes: Vec<String> = get("Volumes")
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    let mut spec_mounts = spec.mounts.clone();
    if systemd {
        for dst in super::podman_opts::SYSTEMD_TMPFS {
            if !spec_mounts.iter().any(|m| m.destination() == *dst) {
                spec_mounts.push(super::mount_spec::parse_tmpfs(&format!("{dst}:rw,exec"))?);
            }
        }
    }
    let mounts = super::mount_spec::stored(&spec_mounts, &image_volumes)?;
    for u in &spec.host_users {
        if hutch_sys::process::host_user(u).is_none() {
            return Err(bad(
                "--hostuser",
                u,
                "no such user on the host: give a name or uid from the host's password database",
            ));
        }
    }

    Ok((
        ContainerConfig {
            entrypoint,
            cmd,
            env,
            workdir,
            user,
            group_add: spec.group_add.clone(),
            hostname: spec.hostname.clone().unwrap_or_default(),
            tty: spec.tty,
            stdin: spec.interactive,
            stop_signal,
            stop_timeout: spec.stop_timeout.unwrap_or(DEFAULT_STOP_TIMEOUT),
            network,
            net,
            cap_add: spec.cap_add.clone(),
            cap_drop: spec.cap_drop.clone(),
            privileged: spec.privileged,
            read_only: spec.read_only,
            no_new_privileges: spec.security.no_new_privileges,
            seccomp,
            label_disable: spec.security.label_disable,
            ulimits: spec.ulimits.clone(),
            init: spec.init,
            userns: spec.userns.stored(),
            shm_size,
            log_driver: spec
                .log_driver
                .unwrap_or(super::create_spec::LogDriver::K8sFile)
                .as_str()
                .to_string(),
            log_size_max: spec.log_size_max,
            runtime,
            create_command: spec.create_command.clone(),
            exposed_ports,
            mounts,
            health: super::health::resolve(spec.health.as_ref(), get("Healthcheck"))?,
            sdnotify: match spec.sdnotify {
                super::create_spec::SdNotify::Ignore => String::new(),
                m => m.as_str().to_string(),
            },
            pod: None,
            ipc: spec.ipc.clone(),
            timeout: spec.timeout,
            conmon_pidfile: spec
                .conmon_pidfile
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            secrets: spec.secrets.clone(),
            host_users: spec.host_users.clone(),
            systemd,
        },
        labels,
    ))
}

/// What `create` records besides the config: the restart policy column (`on-failure:3`, or
/// "" for none).
pub fn restart_policy(spec: &ContainerSpec) -> String {
    spec.restart.map(|r| r.to_string()).unwrap_or_default()
}

/// Warns that the resource limits asked for cannot be applied, for `reason` (rootless cgroup
/// v1): podman runs the container anyway.
pub fn warn_unapplied_limits(spec: &ContainerSpec, reason: &str) {
    let flags = spec.resources.flags();
    if !flags.is_empty() {
        tracing::warn!("{} ignored: {reason}", flags.join(", "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals() {
        assert_eq!(parse_signal("SIGTERM"), Some(15));
        assert_eq!(parse_signal("kill"), Some(9));
        assert_eq!(parse_signal("9"), Some(9));
        assert_eq!(parse_signal("RTMIN+2"), Some(36));
        assert_eq!(parse_signal("NOPE"), None);
        assert_eq!(parse_signal("0"), None);
        assert_eq!(signal_name(15), "SIGTERM");
    }

    #[test]
    fn sizes_and_ulimits() {
        assert_eq!(parse_size("x", "64m").unwrap(), 64 << 20);
        assert_eq!(parse_size("x", "1g").unwrap(), 1 << 30);
        assert_eq!(parse_size("x", "100").unwrap(), 100);
        assert!(parse_size("x", "lots").is_err());
        let u = parse_ulimit("nofile=1024:2048").unwrap();
        assert_eq!((u.soft, u.hard), (1024, 2048));
        assert!(parse_ulimit("nofile=3:2").is_err());
        assert!(parse_ulimit("bogus=1").is_err());
    }

    #[test]
    fn command_comes_from_image_and_flags() {
        let img = ImageConfig {
            config: Some(serde_json::json!({"Entrypoint": ["/ep"], "Cmd": ["a"], "Env": ["A=1"]})),
            ..Default::default()
        };
        let (c, _) = resolve(
            &ContainerSpec::default(),
            &img,
            "runc".into(),
            &NetworkMode::None,
        )
        .unwrap();
        assert_eq!(c.args(), ["/ep", "a"]);
        assert!(c.env.iter().any(|e| e.starts_with("PATH=")));
        let spec = ContainerSpec {
            entrypoint: Some(Vec::new()),
            command: Some(vec!["sh".into()]),
            env: vec![("A".into(), "2".into())],
            ..Default::default()
        };
        let (c, _) = resolve(&spec, &img, "runc".into(), &NetworkMode::None).unwrap();
        assert_eq!(c.args(), ["sh"]);
        assert!(c.env.contains(&"A=2".to_string()) && !c.env.contains(&"A=1".to_string()));
        // A new entrypoint alone drops the image's Cmd.
        let spec = ContainerSpec {
            entrypoint: Some(vec!["/other".into()]),
            ..Default::default()
        };
        let (c, _) = resolve(&spec, &img, "runc".into(), &NetworkMode::None).unwrap();
        assert_eq!(c.args(), ["/other"]);
    }

    #[test]
    fn caller_environment_sits_under_the_images() {
        let img = ImageConfig {
            config: Some(serde_json::json!({"Cmd": ["sh"], "Env": ["A=image", "PATH=/img"]})),
            ..Default::default()
        };
        let spec = ContainerSpec {
            base_env: vec![("A".into(), "host".into()), ("H".into(), "1".into())],
            env: vec![("B".into(), "2".into())],
            tty: true,
            ..Default::default()
        };
        let (c, _) = resolve(&spec, &img, "runc".into(), &NetworkMode::None).unwrap();
        assert_eq!(
            c.env,
            [
                "H=1",
                "A=image",
                "PATH=/img",
                "B=2",
                "TERM=xterm",
                "container=hutch"
            ]
        );
    }

    #[test]
    fn configs_stored_before_mounts_still_read() {
        let old =
            r#"{"entrypoint":[],"cmd":["sh"],"env":[],"workdir":"/","user":"","runtime":"runc"}"#;
        let c: ContainerConfig = serde_json::from_str(old).unwrap();
        assert!(c.mounts.is_empty() && c.health.is_none());
        assert!(!serde_json::to_string(&c).unwrap().contains("health"));
        let img = ImageConfig {
            config: Some(serde_json::json!({"Cmd": ["sh"], "Volumes": {"/data": {}}})),
            ..Default::default()
        };
        let spec = ContainerSpec {
            mounts: vec![super::super::mount_spec::parse_volume("/host:/x:ro").unwrap()],
            ..Default::default()
        };
        let (c, _) = resolve(&spec, &img, "runc".into(), &NetworkMode::None).unwrap();
        assert_eq!(c.mounts.len(), 2);
        assert!(c.mounts[1].anonymous && c.mounts[1].destination == "/data");
    }
}
