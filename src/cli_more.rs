//! Arguments of commands added to match podman (`untag`, ...), kept out of `cli.rs` so that
//! parallel work there merges cleanly.

use clap::Args;

#[derive(Debug, Args)]
pub struct UntagArgs {
    /// The image to remove names from
    pub image: String,
    /// Names to remove [default: all of the image's names]
    pub names: Vec<String>,
}

// podman's `run`/`create` flags for namespaces, time zone, proxies and systemd.
#[derive(Debug, Args, Default)]
pub struct PodmanCreateArgs {
    /// IPC namespace: private (or shareable), host, none (no /dev/shm), container:NAME|ID, or
    /// ns:PATH
    #[arg(long, value_name = "MODE")]
    pub ipc: Option<String>,
    /// Run in systemd mode: true (when the command is systemd or an init), false, always:
    /// tmpfs on /run, /run/lock, /tmp and /var/log/journal, stop signal SIGRTMIN+3
    #[arg(long, value_name = "true|false|always", default_value = "true")]
    pub systemd: String,
    /// Time zone: local (the host's) or a zone such as Europe/Paris, mounted at /etc/localtime
    #[arg(long, value_name = "TIMEZONE")]
    pub tz: Option<String>,
    /// Pass the proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy and their
    /// upper-case forms) from hutch's environment into the container
    #[arg(long, default_value_t = true, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL", action = clap::ArgAction::Set)]
    pub http_proxy: bool,
    /// Kill the container once it has run for this many seconds (0: no limit)
    #[arg(long, value_name = "SECONDS", default_value_t = 0)]
    pub timeout: u64,
    /// Write the pid of the container's monitor (hutch-conmon) to this file
    #[arg(long, value_name = "FILE")]
    pub conmon_pidfile: Option<std::path::PathBuf>,
    /// Add this host user (name or uid) to the container's /etc/passwd (repeatable)
    #[arg(long, value_name = "NAME")]
    pub hostuser: Vec<String>,
}
