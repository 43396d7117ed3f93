//! podman's `run`/`create` options that shape a container without a home elsewhere: `--ipc`,
//! `--systemd`, `--tz` and `--http-proxy`. Parsed here, applied by `config::resolve` and the
//! OCI spec.

use super::mount_spec::{self, Mount};
use super::ContainerError;
use std::path::{Path, PathBuf};

/// `--systemd`: true (systemd or init as the command gets systemd's mounts), false, always.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SystemdMode {
    #[default]
    True,
    False,
    Always,
}

pub fn parse_systemd(value: &str) -> Result<SystemdMode, ContainerError> {
    match value.to_ascii_lowercase().as_str() {
        "true" | "" => Ok(SystemdMode::True),
        "false" => Ok(SystemdMode::False),
        "always" => Ok(SystemdMode::Always),
        _ => Err(super::config::bad(
            "--systemd",
            value,
            "use true, false or always",
        )),
    }
}

/// The command is systemd or an init (podman's test: `/sbin/init`, `/usr/sbin/init`,
/// `/usr/local/sbin/init`, or a program named systemd).
pub fn runs_systemd(mode: SystemdMode, argv: &[String]) -> bool {
    match mode {
        SystemdMode::False => false,
        SystemdMode::Always => true,
        SystemdMode::True => argv.first().is_some_and(|c| {
            matches!(
                c.as_str(),
                "/sbin/init" | "/usr/sbin/init" | "/usr/local/sbin/init"
            ) || Path::new(c).file_name().is_some_and(|n| n == "systemd")
        }),
    }
}

/// Where systemd needs a fresh tmpfs (podman's list).
pub const SYSTEMD_TMPFS: &[&str] = &["/run", "/run/lock", "/tmp", "/var/log/journal"];

/// SIGRTMIN+3: what systemd takes as "halt".
pub const SYSTEMD_STOP_SIGNAL: i32 = 37;

/// `--ipc`: "" (private; also `private` and `shareable`), `host`, `none`, `ns:PATH`, or
/// `container:NAME|ID` (returned as given; `create` resolves the name to an ID).
pub fn parse_ipc(value: &str) -> Result<String, ContainerError> {
    let bad = |reason: &str| super::config::bad("--ipc", value, reason);
    match value {
        "" | "private" | "shareable" => Ok(String::new()),
        "host" | "none" => Ok(value.to_string()),
        v if v.starts_with("ns:") => {
            if !v[3..].starts_with('/') {
                return Err(bad("ns: needs an absolute path to an IPC namespace"));
            }
            Ok(v.to_string())
        }
        v if v.starts_with("container:") && v.len() > "container:".len() => Ok(v.to_string()),
        _ => Err(bad(
            "use host, private, shareable, none, container:NAME or ns:PATH",
        )),
    }
}

/// `--tz local|Area/City`: the zoneinfo file mounted read-only at /etc/localtime.
pub fn tz_mount(value: &str) -> Result<Mount, ContainerError> {
    let source = if value == "local" {
        std::fs::canonicalize("/etc/localtime")
            .map_err(|e| ContainerError::io("/etc/localtime", e))?
    } else {
        if value.is_empty() || value.contains("..") || value.starts_with('/') {
            return Err(super::config::bad(
                "--tz",
                value,
                "use local or a zone such as Europe/Paris",
            ));
        }
        let p = PathBuf::from("/usr/share/zoneinfo").join(value);
        std::fs::metadata(&p).map_err(|e| ContainerError::io(&p, e))?;
        p
    };
    mount_spec::parse_mount(&format!(
        "type=bind,src={},dst=/etc/localtime,ro",
        source.display()
    ))
}

/// The proxy variables `--http-proxy` (on by default) passes from the caller's environment.
pub const PROXY_VARS: &[&str] = &[
    "http_proxy",
    "https_proxy",
    "ftp_proxy",
    "no_proxy",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "FTP_PROXY",
    "NO_PROXY",
];

/// The proxy settings in `caller` (the front end's environment).
pub fn proxy_env(caller: &[(String, String)]) -> Vec<(String, String)> {
    caller
        .iter()
        .filter(|(k, _)| PROXY_VARS.contains(&k.as_str()))
        .cloned()
        .collect()
}
