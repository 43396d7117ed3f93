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

/// systemd's cgroup mounts, as podman's: the cgroup filesystem read-write at /sys/fs/cgroup
/// (where the runtime cannot mount one rootless, it binds the host's read-only), and on a
/// cgroup v1 host the `name=systemd` hierarchy bound read-write over it, its release_agent
/// masked.
pub fn systemd_cgroup_mounts() -> Vec<oci_spec::runtime::Mount> {
    use super::spec::mount;
    let mut out = vec![mount(
        "/sys/fs/cgroup",
        "cgroup",
        "cgroup",
        &["rprivate", "nosuid", "noexec", "nodev", "relatime", "rw"],
    )];
    let named = Path::new("/sys/fs/cgroup/systemd");
    if named.join("release_agent").exists() {
        out.push(mount(
            named,
            "bind",
            named,
            &["bind", "rprivate", "nosuid", "noexec", "nodev", "rw"],
        ));
        out.push(mount(
            named.join("release_agent"),
            "bind",
            "/dev/null",
            &["bind", "rprivate", "ro"],
        ));
    }
    out
}

/// `container_uuid`, which systemd reads as the machine ID of a container (podman's: the
/// first 32 digits of the container's ID).
pub fn systemd_uuid_env(id: &str) -> String {
    format!("container_uuid={}", &id[..id.len().min(32)])
}

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

/// `--default-mounts-file` (podman's mounts.conf): `SOURCE:DESTINATION` lines, `#` comments.
/// Sources that do not exist are skipped with a warning, as podman does.
pub fn default_mounts(file: &Path) -> Result<Vec<(PathBuf, String)>, ContainerError> {
    let text = std::fs::read_to_string(file).map_err(|e| ContainerError::io(file, e))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (src, dst) = line.split_once(':').unwrap_or((line, line));
        if !src.starts_with('/') || !dst.starts_with('/') {
            return Err(super::config::bad(
                "--default-mounts-file",
                &format!("{}:{}: {line}", file.display(), n + 1),
                "each line is /SOURCE:/DESTINATION (absolute paths)",
            ));
        }
        if std::fs::symlink_metadata(src).is_err() {
            tracing::warn!(
                "path {src:?} from {:?} does not exist, skipping",
                file.display().to_string()
            );
            continue;
        }
        out.push((PathBuf::from(src), dst.to_string()));
    }
    Ok(out)
}

/// Copies a default mount's source to `to` (the container's own copy, bound at its
/// destination, so the container's writes never reach the host's files). The copy is the
/// user's (root in the container), as podman's.
pub fn copy_default_mount(from: &Path, to: &Path) -> std::io::Result<()> {
    let m = std::fs::symlink_metadata(from)?;
    let ft = m.file_type();
    if ft.is_dir() {
        std::fs::create_dir_all(to)?;
        for e in std::fs::read_dir(from)? {
            let e = e?;
            copy_default_mount(&e.path(), &to.join(e.file_name()))?;
        }
    } else if ft.is_symlink() {
        std::os::unix::fs::symlink(std::fs::read_link(from)?, to)?;
    } else if ft.is_file() {
        if let Some(dir) = to.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::copy(from, to)?;
    }
    Ok(())
}

/// `run --preserve-fds N`: descriptors 3..3+N of this process must be open (podman's check
/// and words); they are then kept from every program hutch starts except the container's
/// monitor, which hands them to the runtime.
pub fn claim_preserved_fds(n: u32) -> Result<(), ContainerError> {
    for fd in (0..n).map(|i| 3 + i as i32) {
        if !hutch_sys::fd::is_open(fd) {
            return Err(super::config::bad(
                "--preserve-fds",
                &n.to_string(),
                format!(
                    "file descriptor {fd} is not available - the preserve-fds option requires that file descriptors must be passed"
                ),
            ));
        }
        hutch_sys::fd::set_cloexec(fd)
            .map_err(|e| ContainerError::io(format!("descriptor {fd}"), e))?;
    }
    Ok(())
}
