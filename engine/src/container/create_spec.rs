//! The typed request to create a container, `ContainerSpec`, which every front end fills: the
//! CLI from its flags (the `parse_*` functions here read podman's syntax for them), the API
//! service from Docker's `Config`/`HostConfig`. `config::resolve` turns it, with the image's
//! config, into the stored `ContainerConfig`.

use super::config::{bad, parse_signal, parse_size, Ulimit};
use super::mount_spec::{Mount, VolumesFrom};
use super::ContainerError;
use hutch_network::options::NetSpec;
use hutch_network::NetworkMode;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::Duration;

/// Everything `create`/`run` (or `POST /containers/create`) ask for, parsed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContainerSpec {
    pub name: Option<String>,
    /// `--ipc` (see `podman_opts::parse_ipc`): "" is a private IPC namespace.
    pub ipc: String,
    /// `--systemd`.
    pub systemd: super::podman_opts::SystemdMode,
    /// `--timeout`: seconds before the monitor kills the container; 0: none.
    pub timeout: u64,
    /// `--conmon-pidfile` (absolute).
    pub conmon_pidfile: Option<PathBuf>,
    /// `--hostuser`: host users (names or uids) added to the container's /etc/passwd.
    pub host_users: Vec<String>,
    /// None: the image's Cmd, unless `entrypoint` is given (a new entrypoint drops the
    /// image's Cmd, as podman does).
    pub command: Option<Vec<String>>,
    /// None: the image's; an empty list clears it.
    pub entrypoint: Option<Vec<String>>,
    /// Variables under the image's (`--env-host`: the caller's environment).
    pub base_env: Vec<(String, String)>,
    /// Variables over the image's, in order, each name once (see [`set_env_var`]).
    pub env: Vec<(String, String)>,
    /// Over the image's labels, later ones winning.
    pub labels: Vec<(String, String)>,
    pub workdir: Option<String>,
    pub user: Option<String>,
    pub group_add: Vec<String>,
    pub hostname: Option<String>,
    pub tty: bool,
    /// Keep standard input open.
    pub interactive: bool,
    /// Remove the container when it exits.
    pub rm: bool,
    /// None: the image's StopSignal, else SIGTERM.
    pub stop_signal: Option<i32>,
    pub stop_timeout: Option<u32>,
    /// Stored (hutch has no daemon to restart containers).
    pub restart: Option<RestartPolicy>,
    /// Stored.
    pub health: Option<HealthConfig>,
    /// None: containers.conf's default. `Container { id }` may name the other container.
    pub network: Option<NetworkMode>,
    /// Ports, aliases, DNS, extra hosts, MAC and IP.
    pub net: NetSpec,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    pub privileged: bool,
    pub read_only: bool,
    pub security: SecurityOptions,
    pub ulimits: Vec<Ulimit>,
    /// Run an init process that forwards signals and reaps zombies.
    pub init: bool,
    pub userns: UsernsMode,
    /// Bytes of /dev/shm; None: 64 MiB.
    pub shm_size: Option<u64>,
    /// None: k8s-file.
    pub log_driver: Option<LogDriver>,
    pub log_size_max: Option<u64>,
    pub resources: Resources,
    /// The command line that created the container, for `inspect`.
    pub create_command: Vec<String>,
    pub mounts: Vec<Mount>,
    pub volumes_from: Vec<VolumesFrom>,
    /// Ports exposed besides the image's (`80/tcp`; Docker's `Config.ExposedPorts`).
    pub expose: Vec<String>,
    /// `--sdnotify`: who tells systemd (`$NOTIFY_SOCKET`) the container is ready.
    pub sdnotify: SdNotify,
    /// `--pod`: the pod to create the container in (or `new:NAME`, one made for it).
    pub pod: Option<crate::pods::PodChoice>,
    /// `--secret`: files under /run/secrets or variables, read when the container starts.
    pub secrets: Vec<crate::secrets::SecretUse>,
}

/// `--sdnotify=conmon|container|ignore`: with `conmon` the monitor sends `READY=1` and its own
/// pid as `MAINPID` once the container runs; with `container` the container gets a notify socket
/// whose messages the monitor passes on; `ignore` sends nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SdNotify {
    #[default]
    Ignore,
    Conmon,
    Container,
}

impl SdNotify {
    pub fn as_str(self) -> &'static str {
        match self {
            SdNotify::Ignore => "ignore",
            SdNotify::Conmon => "conmon",
            SdNotify::Container => "container",
        }
    }

    /// The stored form ("" for ignore, as in configs stored before the flag).
    pub fn from_stored(s: &str) -> SdNotify {
        match s {
            "conmon" => SdNotify::Conmon,
            "container" => SdNotify::Container,
            _ => SdNotify::Ignore,
        }
    }
}

/// `--sdnotify` (podman's `healthy` mode is not supported).
pub fn parse_sdnotify(value: &str) -> Result<SdNotify, ContainerError> {
    match value {
        "conmon" => Ok(SdNotify::Conmon),
        "container" => Ok(SdNotify::Container),
        "ignore" => Ok(SdNotify::Ignore),
        _ => Err(bad(
            "--sdnotify",
            value,
            "expected conmon, container or ignore",
        )),
    }
}

/// When a container should be restarted (only stored today: there is no daemon to do it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestartPolicy {
    No,
    Always,
    /// `max_retries` 0: no limit.
    OnFailure {
        max_retries: u32,
    },
    UnlessStopped,
}

impl std::fmt::Display for RestartPolicy {
    /// The stored form, which `inspect` reads back: `on-failure:3`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RestartPolicy::No => f.write_str("no"),
            RestartPolicy::Always => f.write_str("always"),
            RestartPolicy::OnFailure { max_retries: 0 } => f.write_str("on-failure"),
            RestartPolicy::OnFailure { max_retries } => write!(f, "on-failure:{max_retries}"),
            RestartPolicy::UnlessStopped => f.write_str("unless-stopped"),
        }
    }
}

/// `--restart no|always|on-failure[:N]|unless-stopped`; "" is no policy at all.
pub fn parse_restart(value: &str) -> Result<Option<RestartPolicy>, ContainerError> {
    let invalid = || {
        bad(
            "--restart",
            value,
            "expected no, always, on-failure[:N] or unless-stopped",
        )
    };
    let (policy, count) = value.split_once(':').unwrap_or((value, ""));
    if !count.is_empty() && policy != "on-failure" {
        return Err(invalid());
    }
    Ok(Some(match policy {
        "" => return Ok(None),
        "no" => RestartPolicy::No,
        "always" => RestartPolicy::Always,
        "unless-stopped" => RestartPolicy::UnlessStopped,
        "on-failure" => RestartPolicy::OnFailure {
            max_retries: match count {
                "" => 0,
                n => n.parse().map_err(|_| invalid())?,
            },
        },
        _ => return Err(invalid()),
    }))
}

/// A health check, as Docker's `HealthConfig` has it, plus podman's `--health-on-failure`.
/// Unset fields fall back to the image's HEALTHCHECK, then to Docker's defaults. The check runs
/// in the container's monitor (see `container::health`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HealthConfig {
    pub test: HealthTest,
    pub interval: Option<Duration>,
    pub timeout: Option<Duration>,
    pub start_period: Option<Duration>,
    pub start_interval: Option<Duration>,
    /// Failures in a row before the container is unhealthy.
    pub retries: Option<u32>,
    #[serde(skip_serializing_if = "HealthOnFailure::is_none")]
    pub on_failure: HealthOnFailure,
}

/// What happens when the container turns unhealthy (podman's `--health-on-failure`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HealthOnFailure {
    #[default]
    None,
    Kill,
    Restart,
    Stop,
}

impl HealthOnFailure {
    pub fn is_none(&self) -> bool {
        *self == HealthOnFailure::None
    }
}

/// `--health-on-failure none|kill|restart|stop`.
pub fn parse_health_on_failure(value: &str) -> Result<HealthOnFailure, ContainerError> {
    Ok(match value {
        "none" => HealthOnFailure::None,
        "kill" => HealthOnFailure::Kill,
        "restart" => HealthOnFailure::Restart,
        "stop" => HealthOnFailure::Stop,
        _ => {
            return Err(bad(
                "--health-on-failure",
                value,
                "expected none, kill, restart or stop",
            ))
        }
    })
}

/// A Go duration as Docker and podman take them: `30s`, `1m30s`, `500ms`, `1h`, `1.5s`; a bare
/// `0` is zero.
pub fn parse_duration(flag: &'static str, value: &str) -> Result<Duration, ContainerError> {
    let invalid = || {
        bad(
            flag,
            value,
            "expected a duration such as 30s, 1m30s or 500ms",
        )
    };
    let v = value.trim();
    if v == "0" {
        return Ok(Duration::ZERO);
    }
    if v.is_empty() {
        return Err(invalid());
    }
    let mut total = 0f64;
    let mut rest = v;
    while !rest.is_empty() {
        let num_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .ok_or_else(invalid)?;
        let (num, tail) = rest.split_at(num_len);
        let n: f64 = num.parse().map_err(|_| invalid())?;
        let unit_len = tail
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(tail.len());
        let (unit, tail) = tail.split_at(unit_len);
        let scale = match unit {
            "ns" => 1e-9,
            "us" | "µs" => 1e-6,
            "ms" => 1e-3,
            "s" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            _ => return Err(invalid()),
        };
        total += n * scale;
        rest = tail;
    }
    Duration::try_from_secs_f64(total).map_err(|_| invalid())
}

/// Docker's `Test`: `[]` (the image's), `["NONE"]`, `["CMD", args...]`, `["CMD-SHELL", cmd]`;
/// stored in that form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<String>", into = "Vec<String>")]
pub enum HealthTest {
    #[default]
    Inherit,
    None,
    Cmd(Vec<String>),
    Shell(String),
}

impl TryFrom<Vec<String>> for HealthTest {
    type Error = ContainerError;

    fn try_from(v: Vec<String>) -> Result<Self, ContainerError> {
        let invalid = |reason: &str| bad("healthcheck test", &v.join(" "), reason);
        match v.split_first() {
            None => Ok(HealthTest::Inherit),
            Some((k, [])) if k == "NONE" => Ok(HealthTest::None),
            Some((k, args)) if k == "CMD" && !args.is_empty() => Ok(HealthTest::Cmd(args.to_vec())),
            Some((k, [cmd])) if k == "CMD-SHELL" => Ok(HealthTest::Shell(cmd.clone())),
            _ => Err(invalid(
                "expected [], [\"NONE\"], [\"CMD\", ARGS...] or [\"CMD-SHELL\", COMMAND]",
            )),
        }
    }
}

impl From<HealthTest> for Vec<String> {
    fn from(t: HealthTest) -> Vec<String> {
        match t {
            HealthTest::Inherit => Vec::new(),
            HealthTest::None => vec!["NONE".into()],
            HealthTest::Cmd(args) => std::iter::once("CMD".to_string()).chain(args).collect(),
            HealthTest::Shell(cmd) => vec!["CMD-SHELL".into(), cmd],
        }
    }
}

/// `--security-opt`, as far as hutch honours it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SecurityOptions {
    pub no_new_privileges: bool,
    /// None: the default profile.
    pub seccomp: Option<Seccomp>,
    /// `label=disable` (recorded; hutch does not label).
    pub label_disable: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seccomp {
    Unconfined,
    /// An absolute path to a JSON profile.
    Profile(PathBuf),
}

impl SecurityOptions {
    /// Applies one `--security-opt` value: no-new-privileges[=BOOL], seccomp=unconfined|PATH
    /// (the profile must be JSON; a relative path is taken from this process's working
    /// directory), label=disable (other label= values are accepted and ignored).
    pub fn apply(&mut self, value: &str) -> Result<(), ContainerError> {
        let (k, v) = value.split_once(['=', ':']).unwrap_or((value, ""));
        match (k, v) {
            ("no-new-privileges", "" | "true") => self.no_new_privileges = true,
            ("no-new-privileges", "false") => self.no_new_privileges = false,
            ("seccomp", "unconfined") => self.seccomp = Some(Seccomp::Unconfined),
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
                serde_json::from_str::<serde_json::Value>(&text).map_err(|e| {
                    bad(
                        "--security-opt",
                        value,
                        format!("{} is not JSON: {e}", abs.display()),
                    )
                })?;
                self.seccomp = Some(Seccomp::Profile(abs));
            }
            ("label", "disable") => self.label_disable = true,
            ("label", _) => {}
            _ => {
                return Err(bad(
                    "--security-opt",
                    value,
                    "supported: no-new-privileges, seccomp=unconfined|PATH, label=disable",
                ))
            }
        }
        Ok(())
    }
}

/// The user namespace a container runs in, among those hutch supports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum UsernsMode {
    /// hutch's own namespace.
    #[default]
    Host,
    /// A namespace inside hutch's where the caller's uid and gid are themselves, or the ids
    /// given (`keep-id:uid=X,gid=Y`).
    KeepId { uid: Option<u32>, gid: Option<u32> },
}

impl UsernsMode {
    /// The stored form: "", "keep-id" or "keep-id:uid=X,gid=Y" (what `parse_userns` reads).
    pub fn stored(self) -> String {
        match self {
            UsernsMode::Host => String::new(),
            UsernsMode::KeepId { uid, gid } => {
                let opts: Vec<String> = [("uid", uid), ("gid", gid)]
                    .into_iter()
                    .filter_map(|(k, v)| v.map(|v| format!("{k}={v}")))
                    .collect();
                if opts.is_empty() {
                    "keep-id".into()
                } else {
                    format!("keep-id:{}", opts.join(","))
                }
            }
        }
    }
}

/// `--userns ""|host|keep-id[:uid=X,gid=Y]`.
pub fn parse_userns(value: &str) -> Result<UsernsMode, ContainerError> {
    let keep_id_opts = value
        .strip_prefix("keep-id")
        .and_then(|rest| rest.is_empty().then_some("").or(rest.strip_prefix(':')));
    if let Some(opts) = keep_id_opts {
        let (mut uid, mut gid) = (None, None);
        for opt in opts.split(',').filter(|o| !o.is_empty()) {
            let (key, v) = opt.split_once('=').unwrap_or((opt, ""));
            let n = v.parse::<u32>().map_err(|_| {
                bad(
                    "--userns",
                    value,
                    "keep-id's uid and gid must be numbers, as keep-id:uid=1000,gid=1000",
                )
            })?;
            match key {
                "uid" => uid = Some(n),
                "gid" => gid = Some(n),
                _ => {
                    return Err(bad(
                        "--userns",
                        value,
                        "keep-id takes uid=UID and gid=GID options",
                    ))
                }
            }
        }
        return Ok(UsernsMode::KeepId { uid, gid });
    }
    match value {
        "" | "host" => Ok(UsernsMode::Host),
        other => Err(bad(
            "--userns",
            other,
            "supported: keep-id (or host, hutch's own namespace, the default)",
        )),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogDriver {
    K8sFile,
    None,
    /// The container's stdio is the caller's (no log, no attach socket).
    Passthrough,
}

impl LogDriver {
    pub fn as_str(self) -> &'static str {
        match self {
            LogDriver::K8sFile => "k8s-file",
            LogDriver::None => "none",
            LogDriver::Passthrough => "passthrough",
        }
    }
}

/// `--log-driver k8s-file|none|passthrough`.
pub fn parse_log_driver(value: &str) -> Result<LogDriver, ContainerError> {
    match value {
        "k8s-file" => Ok(LogDriver::K8sFile),
        "none" => Ok(LogDriver::None),
        "passthrough" => Ok(LogDriver::Passthrough),
        _ => Err(bad(
            "--log-driver",
            value,
            "supported drivers are k8s-file, none and passthrough",
        )),
    }
}

/// The `--log-opt` values: the last `max-size=SIZE` (path, tag and max-file are accepted and
/// ignored).
pub fn parse_log_opts(values: &[String]) -> Result<Option<u64>, ContainerError> {
    let mut max = None;
    for lo in values {
        match lo.split_once('=') {
            Some(("max-size", v)) => max = Some(parse_size("--log-opt", v)?),
            Some(("path" | "tag" | "max-file", _)) => {}
            _ => return Err(bad("--log-opt", lo, "supported: max-size=SIZE")),
        }
    }
    Ok(max)
}

/// `--shm-size`: more than 0 bytes.
pub fn parse_shm_size(value: &str) -> Result<u64, ContainerError> {
    match parse_size("--shm-size", value)? {
        0 => Err(bad("--shm-size", value, "must be more than 0")),
        n => Ok(n),
    }
}

/// Resource limits. Rootless cgroup v1 cannot apply them: `create` warns and goes on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resources {
    pub memory: Option<u64>,
    pub cpus: Option<f64>,
    /// -1: unlimited.
    pub pids_limit: Option<i64>,
}

impl Resources {
    /// The flags of the limits asked for, for the warning that they cannot be applied.
    pub fn flags(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.memory.is_some() {
            out.push("--memory");
        }
        if self.cpus.is_some() {
            out.push("--cpus");
        }
        if self.pids_limit.is_some() {
            out.push("--pids-limit");
        }
        out
    }
}

/// `--cpus`: a positive number of CPUs, fractions allowed.
pub fn parse_cpus(value: &str) -> Result<f64, ContainerError> {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite() && *n >= 0.0)
        .ok_or_else(|| bad("--cpus", value, "expected a number of CPUs such as 1.5"))
}

/// `--pids-limit`: a number of processes, -1 for no limit.
pub fn parse_pids_limit(value: &str) -> Result<i64, ContainerError> {
    value
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n >= -1)
        .ok_or_else(|| {
            bad(
                "--pids-limit",
                value,
                "expected a number of processes, or -1",
            )
        })
}

/// `--entrypoint`: a string is one word, a JSON array a list, "" clears the image's.
pub fn parse_entrypoint(value: &str) -> Result<Vec<String>, ContainerError> {
    if value.is_empty() {
        return Ok(Vec::new());
    }
    if value.trim_start().starts_with('[') {
        return serde_json::from_str(value).map_err(|err| {
            bad(
                "--entrypoint",
                value,
                format!("not a JSON array of strings: {err}"),
            )
        });
    }
    Ok(vec![value.to_string()])
}

/// `--stop-signal`: a name or number.
pub fn parse_stop_signal(value: &str) -> Result<i32, ContainerError> {
    parse_signal(value).ok_or_else(|| bad("--stop-signal", value, "not a signal name or number"))
}

/// `--label KEY[=VALUE]`.
pub fn parse_label(value: &str) -> Result<(String, String), ContainerError> {
    let (k, v) = value.split_once('=').unwrap_or((value, ""));
    if k.is_empty() {
        return Err(bad("--label", value, "a label needs a key"));
    }
    Ok((k.to_string(), v.to_string()))
}

/// Sets a variable, replacing (and moving to the end) an earlier value of the same name.
pub fn set_env_var(env: &mut Vec<(String, String)>, name: &str, value: &str) {
    env.retain(|(k, _)| k != name);
    env.push((name.to_string(), value.to_string()));
}

/// Adds one `-e` value or env-file line: `NAME=VALUE` sets; a bare `NAME` takes its value from
/// `caller` (the front end's own environment) when set there; `NAME*` takes every variable of
/// `caller` starting with NAME, as podman does.
pub fn add_env_item(env: &mut Vec<(String, String)>, item: &str, caller: &[(String, String)]) {
    if let Some((k, v)) = item.split_once('=') {
        set_env_var(env, k, v);
    } else if let Some(prefix) = item.strip_suffix('*') {
        for (k, v) in caller.iter().filter(|(k, _)| k.starts_with(prefix)) {
            set_env_var(env, k, v);
        }
    } else if let Some((k, v)) = caller.iter().find(|(k, _)| k == item) {
        set_env_var(env, k, v);
    }
}

/// The items of an env file's text: one a line, blank lines and `#` comments skipped.
pub fn env_file_items(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_start)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn entrypoints() {
        assert_eq!(parse_entrypoint("").unwrap(), Vec::<String>::new());
        assert_eq!(parse_entrypoint("/bin/sh -c").unwrap(), ["/bin/sh -c"]);
        assert_eq!(
            parse_entrypoint(r#"["/bin/sh","-c"]"#).unwrap(),
            ["/bin/sh", "-c"]
        );
        let e = parse_entrypoint("[1]").unwrap_err().to_string();
        assert!(
            e.starts_with("invalid --entrypoint \"[1]\": not a JSON array of strings"),
            "{e}"
        );
    }

    #[test]
    fn env_items_merge_in_order() {
        let caller = pairs(&[("HOME", "/home/u"), ("LC_A", "a"), ("LC_B", "b")]);
        let mut env = Vec::new();
        for item in env_file_items("# comment\n\n  A=1\nHOME\nB=x=y\n") {
            add_env_item(&mut env, item, &caller);
        }
        for item in ["A=2", "LC_*", "UNSET", "C="] {
            add_env_item(&mut env, item, &caller);
        }
        assert_eq!(
            env,
            pairs(&[
                ("HOME", "/home/u"),
                ("B", "x=y"),
                ("A", "2"),
                ("LC_A", "a"),
                ("LC_B", "b"),
                ("C", "")
            ])
        );
    }

    #[test]
    fn restart_policies() {
        assert_eq!(parse_restart("").unwrap(), None);
        assert_eq!(parse_restart("no").unwrap(), Some(RestartPolicy::No));
        let p = parse_restart("on-failure:3").unwrap().unwrap();
        assert_eq!(p, RestartPolicy::OnFailure { max_retries: 3 });
        assert_eq!(p.to_string(), "on-failure:3");
        assert_eq!(
            parse_restart("unless-stopped")
                .unwrap()
                .unwrap()
                .to_string(),
            "unless-stopped"
        );
        assert_eq!(
            parse_restart("on-failure").unwrap(),
            Some(RestartPolicy::OnFailure { max_retries: 0 })
        );
        for bad in ["sometimes", "always:3", "on-failure:x", ":3"] {
            let e = parse_restart(bad).unwrap_err().to_string();
            assert!(
                e.contains("expected no, always, on-failure[:N] or unless-stopped"),
                "{e}"
            );
        }
    }

    #[test]
    fn small_flags() {
        assert_eq!(parse_userns("").unwrap(), UsernsMode::Host);
        assert_eq!(parse_userns("keep-id").unwrap().stored(), "keep-id");
        assert_eq!(
            parse_userns("keep-id:uid=200,gid=300").unwrap(),
            UsernsMode::KeepId {
                uid: Some(200),
                gid: Some(300)
            }
        );
        assert_eq!(
            parse_userns("keep-id:gid=300").unwrap().stored(),
            "keep-id:gid=300"
        );
        assert!(parse_userns("keep-id:uid=x").is_err());
        assert!(parse_userns("keep-id:size=5").is_err());
        assert!(parse_userns("keep-idx").is_err());
        assert!(parse_userns("auto").is_err());
        assert_eq!(parse_log_driver("none").unwrap(), LogDriver::None);
        assert!(parse_log_driver("journald").is_err());
        let opts = ["tag=x".to_string(), "max-size=1k".to_string()];
        assert_eq!(parse_log_opts(&opts).unwrap(), Some(1024));
        assert!(parse_log_opts(&["compress=true".to_string()]).is_err());
        assert_eq!(parse_shm_size("1m").unwrap(), 1 << 20);
        assert!(parse_shm_size("0").is_err());
        assert_eq!(parse_cpus("1.5").unwrap(), 1.5);
        assert!(parse_cpus("lots").is_err());
        assert_eq!(parse_pids_limit("-1").unwrap(), -1);
        assert!(parse_pids_limit("-2").is_err());
        assert_eq!(parse_stop_signal("SIGUSR1").unwrap(), 10);
        assert_eq!(
            parse_stop_signal("NOPE").unwrap_err().to_string(),
            "invalid --stop-signal \"NOPE\": not a signal name or number"
        );
        assert_eq!(parse_label("a=b=c").unwrap(), ("a".into(), "b=c".into()));
        assert_eq!(parse_label("k").unwrap(), ("k".into(), String::new()));
        assert!(parse_label("=v").is_err());
        let r = Resources {
            memory: Some(1),
            pids_limit: Some(5),
            ..Default::default()
        };
        assert_eq!(r.flags(), ["--memory", "--pids-limit"]);
    }

    #[test]
    fn security_options() {
        let mut s = SecurityOptions::default();
        s.apply("no-new-privileges").unwrap();
        s.apply("seccomp=unconfined").unwrap();
        s.apply("label=disable").unwrap();
        assert!(s.no_new_privileges && s.label_disable);
        assert_eq!(s.seccomp, Some(Seccomp::Unconfined));
        assert!(s.apply("apparmor=x").is_err());
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("p.json");
        std::fs::write(&p, "{}").unwrap();
        s.apply(&format!("seccomp={}", p.display())).unwrap();
        assert_eq!(s.seccomp, Some(Seccomp::Profile(p.clone())));
        std::fs::write(&p, "nope").unwrap();
        assert!(s.apply(&format!("seccomp={}", p.display())).is_err());
    }

    #[test]
    fn go_durations_parse() {
        let d = |v| parse_duration("--health-interval", v);
        assert_eq!(d("30s").unwrap(), Duration::from_secs(30));
        assert_eq!(d("1m30s").unwrap(), Duration::from_secs(90));
        assert_eq!(d("500ms").unwrap(), Duration::from_millis(500));
        assert_eq!(d("1.5s").unwrap(), Duration::from_millis(1500));
        assert_eq!(d("0").unwrap(), Duration::ZERO);
        for bad in ["", "30", "s", "3x", "-1s"] {
            assert!(d(bad).is_err(), "{bad:?} should be refused");
        }
        assert_eq!(
            parse_health_on_failure("stop").unwrap(),
            HealthOnFailure::Stop
        );
        assert!(parse_health_on_failure("explode").is_err());
    }

    #[test]
    fn health_tests_round_trip_dockers_form() {
        let h = HealthConfig {
            test: HealthTest::Shell("curl -f localhost".into()),
            interval: Some(Duration::from_secs(30)),
            retries: Some(3),
            ..Default::default()
        };
        let text = serde_json::to_string(&h).unwrap();
        assert!(
            text.contains(r#""test":["CMD-SHELL","curl -f localhost"]"#),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<HealthConfig>(&text).unwrap(), h);
        let t =
            |v: &[&str]| HealthTest::try_from(v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(t(&[]).unwrap(), HealthTest::Inherit);
        assert_eq!(t(&["NONE"]).unwrap(), HealthTest::None);
        assert_eq!(
            t(&["CMD", "a", "b"]).unwrap(),
            HealthTest::Cmd(vec!["a".into(), "b".into()])
        );
        assert!(t(&["CMD"]).is_err());
        assert!(t(&["WAT"]).is_err());
    }
}
