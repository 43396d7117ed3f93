//! A container's own configuration: what the user asked for (`CreateOptions`, from the CLI or
//! the API) resolved against the image into `ContainerConfig`, which is stored as JSON in the
//! database and turned into an OCI config each time the container starts.

use super::ContainerError;
use crate::images::ImageConfig;
use hutch_network::{NetOptions, NetworkMode};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Everything `create`/`run` accept, as given.
#[derive(Debug, Clone, Default)]
pub struct CreateOptions {
    pub name: Option<String>,
    pub command: Vec<String>,
    /// `--entrypoint`: a string, or a JSON array; an empty string clears the image's.
    pub entrypoint: Option<String>,
    pub env: Vec<String>,
    pub env_file: Vec<PathBuf>,
    pub env_host: bool,
    pub workdir: Option<String>,
    pub user: Option<String>,
    pub group_add: Vec<String>,
    pub hostname: Option<String>,
    pub labels: Vec<String>,
    pub tty: bool,
    pub interactive: bool,
    pub rm: bool,
    pub stop_signal: Option<String>,
    pub stop_timeout: Option<u32>,
    pub restart: Option<String>,
    /// `--network/--net`, repeated or comma-separated for named networks.
    pub network: Vec<String>,
    /// `-p`, `-P`, `--dns`, `--add-host`, `--network-alias`, `--ip`, `--mac-address`...
    pub net: hutch_network::options::NetFlags,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    pub privileged: bool,
    pub read_only: bool,
    pub security_opt: Vec<String>,
    pub ulimit: Vec<String>,
    pub init: bool,
    /// `--userns`: None or "host" (hutch's namespace), "keep-id".
    pub userns: Option<String>,
    pub shm_size: Option<String>,
    pub log_driver: Option<String>,
    pub log_opt: Vec<String>,
    /// Resource-limit flags given (`--memory` ...): rootless cgroup v1 cannot apply them.
    pub limits: Vec<String>,
    /// The command line that created the container, for `inspect`.
    pub create_command: Vec<String>,
    /// `-v/--volume`, `--mount`, `--tmpfs`, `--volumes-from` (see `mounts`).
    pub volumes: Vec<String>,
    pub mounts: Vec<String>,
    pub tmpfs: Vec<String>,
    pub volumes_from: Vec<String>,
}

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
}

impl ContainerConfig {
    /// The process's argv: entrypoint then cmd.
    pub fn args(&self) -> Vec<String> {
        self.entrypoint.iter().chain(&self.cmd).cloned().collect()
    }
}

pub const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
pub const DEFAULT_STOP_TIMEOUT: u32 = 10;
pub const DEFAULT_SHM_SIZE: u64 = 64 * 1024 * 1024;

fn bad(flag: &'static str, value: &str, reason: impl Into<String>) -> ContainerError {
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

fn parse_env_file(path: &std::path::Path, out: &mut Vec<String>) -> Result<(), ContainerError> {
    let text = std::fs::read_to_string(path).map_err(|e| ContainerError::io(path, e))?;
    for line in text.lines() {
        let line = line.trim_start();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        push_env(line, out);
    }
    Ok(())
}

/// `KEY=VALUE` sets; a bare `KEY` takes the value from hutch's own environment (if set);
/// `KEY*` patterns take every matching host variable, as podman does.
fn push_env(item: &str, out: &mut Vec<String>) {
    if item.contains('=') {
        set_env(out, item.to_string());
    } else if let Some(prefix) = item.strip_suffix('*') {
        for (k, v) in std::env::vars() {
            if k.starts_with(prefix) {
                set_env(out, format!("{k}={v}"));
            }
        }
    } else if let Ok(v) = std::env::var(item) {
        set_env(out, format!("{item}={v}"));
    }
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

/// Resolves the options against the image's config.
pub fn resolve(
    opts: &CreateOptions,
    image: &ImageConfig,
    runtime: String,
    default_network: &NetworkMode,
) -> Result<(ContainerConfig, BTreeMap<String, String>), ContainerError> {
    let icfg = image.config.clone().unwrap_or(Value::Null);
    let get = |k: &str| icfg.get(k);

    let entrypoint = match &opts.entrypoint {
        None => str_list(get("Entrypoint")),
        Some(e) if e.is_empty() => Vec::new(),
        Some(e) if e.trim_start().starts_with('[') => serde_json::from_str::<Vec<String>>(e)
            .map_err(|err| {
                bad(
                    "--entrypoint",
                    e,
                    format!("not a JSON array of strings: {err}"),
                )
            })?,
        Some(e) => vec![e.clone()],
    };
    let cmd = if !opts.command.is_empty() {
        opts.command.clone()
    } else if opts.entrypoint.is_some() {
        // A new entrypoint drops the image's Cmd, as podman does.
        Vec::new()
    } else {
        str_list(get("Cmd"))
    };
    if entrypoint.is_empty() && cmd.is_empty() {
        return Err(bad(
            "command",
            "",
            "no command specified: the image has no Cmd or Entrypoint; give a command after the image",
        ));
    }

    let mut env: Vec<String> = Vec::new();
    if opts.env_host {
        for (k, v) in std::env::vars() {
            set_env(&mut env, format!("{k}={v}"));
        }
    }
    for e in str_list(get("Env")) {
        set_env(&mut env, e);
    }
    if !env.iter().any(|e| e.starts_with("PATH=")) {
        env.insert(0, format!("PATH={DEFAULT_PATH}"));
    }
    for f in &opts.env_file {
        parse_env_file(f, &mut env)?;
    }
    for e in &opts.env {
        push_env(e, &mut env);
    }
    if opts.tty && !env.iter().any(|e| e.starts_with("TERM=")) {
        env.push("TERM=xterm".into());
    }
    set_env(&mut env, "container=hutch".into());

    let workdir = opts
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
    let user = opts
        .user
        .clone()
        .or_else(|| get("User").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_default();

    let stop_signal = match opts.stop_signal.clone().or_else(|| {
        get("StopSignal")
            .and_then(Value::as_str)
            .map(str::to_string)
    }) {
        Some(s) if !s.is_empty() => parse_signal(&s)
            .ok_or_else(|| bad("--stop-signal", &s, "not a signal name or number"))?,
        _ => 15,
    };

    let network =
        hutch_network::mode::parse(&opts.network)?.unwrap_or_else(|| default_network.clone());
    let mut seccomp = None;
    let mut no_new_privileges = false;
    let mut label_disable = false;
    for so in &opts.security_opt {
        let (k, v) = so.split_once(['=', ':']).unwrap_or((so.as_str(), ""));
        match (k, v) {
            ("no-new-privileges", "" | "true") => no_new_privileges = true,
            ("no-new-privileges", "false") => no_new_privileges = false,
            ("seccomp", "unconfined") => seccomp = Some("unconfined".to_string()),
            ("seccomp", path) if !path.is_empty() => {
                let p = std::path::Path::new(path);
                let abs = if p.is_absolute() {
                    p.to_path_buf()
                } else {
                    std::env::current_dir()
                        .map_err(|e| ContainerError::io(".", e))?
                        .join(p)
                };
                let text =
                    std::fs::read_to_string(&abs).map_err(|e| ContainerError::io(&abs, e))?;
                serde_json::from_str::<Value>(&text).map_err(|e| {
                    bad(
                        "--security-opt",
                        so,
                        format!("{} is not JSON: {e}", abs.display()),
                    )
                })?;
                seccomp = Some(abs.display().to_string());
            }
            ("label", "disable") => label_disable = true,
            ("label", _) => {}
            _ => {
                return Err(bad(
                    "--security-opt",
                    so,
                    "supported: no-new-privileges, seccomp=unconfined|PATH, label=disable",
                ))
            }
        }
    }

    let userns = match opts.userns.as_deref() {
        None | Some("") | Some("host") => String::new(),
        Some("keep-id") => "keep-id".to_string(),
        Some(other) => {
            return Err(bad(
                "--userns",
                other,
                "supported: keep-id (or host, hutch's own namespace, the default)",
            ))
        }
    };
    let mut ulimits = Vec::new();
    for u in &opts.ulimit {
        ulimits.push(parse_ulimit(u)?);
    }
    let shm_size = match &opts.shm_size {
        Some(s) => parse_size("--shm-size", s)?,
        None => DEFAULT_SHM_SIZE,
    };
    if shm_size == 0 {
        return Err(bad("--shm-size", "0", "must be more than 0"));
    }

    let log_driver = opts.log_driver.clone().unwrap_or_else(|| "k8s-file".into());
    if !matches!(log_driver.as_str(), "k8s-file" | "none" | "passthrough") {
        return Err(bad(
            "--log-driver",
            &log_driver,
            "supported drivers are k8s-file, none and passthrough",
        ));
    }
    let mut log_size_max = None;
    for lo in &opts.log_opt {
        match lo.split_once('=') {
            Some(("max-size", v)) => log_size_max = Some(parse_size("--log-opt", v)?),
            Some(("path" | "tag" | "max-file", _)) => {}
            _ => return Err(bad("--log-opt", lo, "supported: max-size=SIZE")),
        }
    }

    for cap in opts.cap_add.iter().chain(&opts.cap_drop) {
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
    for l in &opts.labels {
        let (k, v) = l.split_once('=').unwrap_or((l.as_str(), ""));
        if k.is_empty() {
            return Err(bad("--label", l, "a label needs a key"));
        }
        labels.insert(k.to_string(), v.to_string());
    }

    if let Some(r) = &opts.restart {
        let (policy, count) = r.split_once(':').unwrap_or((r.as_str(), ""));
        if !matches!(
            policy,
            "no" | "always" | "on-failure" | "unless-stopped" | ""
        ) || (!count.is_empty() && (policy != "on-failure" || count.parse::<u32>().is_err()))
        {
            return Err(bad(
                "--restart",
                r,
                "expected no, always, on-failure[:N] or unless-stopped",
            ));
        }
    }

    if let Some(h) = &opts.hostname {
        if h.is_empty() || h.len() > 64 || h.contains(['/', ' ']) {
            return Err(bad("--hostname", h, "not a valid host name"));
        }
    }

    let exposed_ports: Vec<String> = get("ExposedPorts")
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();

    let net = NetOptions::parse(&opts.net, &network, &exposed_ports)?;
    let image_volumes: Vec<String> = get("Volumes")
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    let mounts =
        super::mounts::from_flags(&opts.volumes, &opts.mounts, &opts.tmpfs, &image_volumes)?;

    Ok((
        ContainerConfig {
            entrypoint,
            cmd,
            env,
            workdir,
            user,
            group_add: opts.group_add.clone(),
            hostname: opts.hostname.clone().unwrap_or_default(),
            tty: opts.tty,
            stdin: opts.interactive,
            stop_signal,
            stop_timeout: opts.stop_timeout.unwrap_or(DEFAULT_STOP_TIMEOUT),
            network,
            net,
            cap_add: opts.cap_add.clone(),
            cap_drop: opts.cap_drop.clone(),
            privileged: opts.privileged,
            read_only: opts.read_only,
            no_new_privileges,
            seccomp,
            label_disable,
            ulimits,
            init: opts.init,
            userns,
            shm_size,
            log_driver,
            log_size_max,
            runtime,
            create_command: opts.create_command.clone(),
            exposed_ports,
            mounts,
        },
        labels,
    ))
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
            &CreateOptions::default(),
            &img,
            "runc".into(),
            &NetworkMode::None,
        )
        .unwrap();
        assert_eq!(c.args(), ["/ep", "a"]);
        assert!(c.env.iter().any(|e| e.starts_with("PATH=")));
        let opts = CreateOptions {
            entrypoint: Some(String::new()),
            command: vec!["sh".into()],
            env: vec!["A=2".into()],
            ..Default::default()
        };
        let (c, _) = resolve(&opts, &img, "runc".into(), &NetworkMode::None).unwrap();
        assert_eq!(c.args(), ["sh"]);
        assert!(c.env.contains(&"A=2".to_string()) && !c.env.contains(&"A=1".to_string()));
    }

    #[test]
    fn configs_stored_before_mounts_still_read() {
        let old =
            r#"{"entrypoint":[],"cmd":["sh"],"env":[],"workdir":"/","user":"","runtime":"runc"}"#;
        let c: ContainerConfig = serde_json::from_str(old).unwrap();
        assert!(c.mounts.is_empty());
        let img = ImageConfig {
            config: Some(serde_json::json!({"Cmd": ["sh"], "Volumes": {"/data": {}}})),
            ..Default::default()
        };
        let opts = CreateOptions {
            volumes: vec!["/host:/x:ro".into()],
            ..Default::default()
        };
        let (c, _) = resolve(&opts, &img, "runc".into(), &NetworkMode::None).unwrap();
        assert_eq!(c.mounts.len(), 2);
        assert!(c.mounts[1].anonymous && c.mounts[1].destination == "/data");
    }
}
