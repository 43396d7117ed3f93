//! The monitor's command line, parsed by hand (a few dozen flags do not justify an argument
//! parsing library in a process that lives as long as its container). The flags are the ones in
//! the engine/monitor contract; `--opt value` and `--opt=value` are both accepted.

use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogDriver {
    K8sFile,
    None,
    Passthrough,
}

#[derive(Debug)]
pub struct Args {
    pub cid: String,
    pub bundle: PathBuf,
    pub runtime: PathBuf,
    pub runtime_args: Vec<OsString>,
    pub socket_dir: PathBuf,
    pub container_pidfile: PathBuf,
    pub log_path: Option<PathBuf>,
    pub log_driver: LogDriver,
    pub log_size_max: u64,
    pub terminal: bool,
    pub stdin: bool,
    pub leave_stdin_open: bool,
    pub exit_command: Option<PathBuf>,
    pub exit_command_args: Vec<OsString>,
    pub sync_fd: Option<i32>,
    pub no_new_keyring: bool,
    pub no_pivot: bool,
    /// `runtime run --detach` instead of `runtime create`: the container starts at once.
    pub start: bool,
    /// Read none of the container's output until the first attach client connects (or
    /// `HOLD_LIMIT` passes), so a client attaching right after start-up misses nothing.
    pub hold_output: bool,
    /// `--port-fd FD:IP:PORT`: an inherited listening TCP socket whose connections are forwarded
    /// to IP:PORT, dialed inside `netns`.
    pub port_fds: Vec<(i32, std::net::SocketAddr)>,
    /// `--netns PATH`: the network namespace the monitor enters (for good) to dial ports.
    pub netns: Option<PathBuf>,
    /// `--health PATH`: the healthcheck's settings (see `health::Conf`); none runs no checks.
    pub health: Option<PathBuf>,
    /// `--health-hook-arg ARG`...: run with the exit command's program, plus the new status,
    /// when the health status changes.
    pub health_hook_args: Vec<OsString>,
    /// `--sdnotify-mode conmon|container`: how systemd learns the container is ready.
    pub sdnotify_mode: Option<crate::notify::Mode>,
    /// `--sdnotify-socket PATH`: systemd's `$NOTIFY_SOCKET` ('@' for an abstract name).
    pub sdnotify_socket: Option<PathBuf>,
    /// `--timeout SECONDS` (`run --timeout`): kill the container once it has run this long;
    /// 0: never.
    pub timeout: u64,
    /// `--preserve-fds N`: descriptors 3..3+N, inherited from the engine, go to the runtime
    /// (and its `--preserve-fds N`) and so into the container.
    pub preserve_fds: u32,
}

/// What the command line asked for besides monitoring.
#[derive(Debug)]
pub enum Parsed {
    Run(Box<Args>),
    Version,
    Help,
}

pub const USAGE: &str = "usage: hutch-conmon --cid ID --bundle DIR --runtime PATH \
[--runtime-arg ARG]... --socket-dir DIR --container-pidfile PATH --log-path PATH \
[--log-driver k8s-file|none|passthrough] [--log-size-max BYTES] [--terminal] [--stdin] \
[--leave-stdin-open] [--exit-command PATH [--exit-command-arg ARG]...] [--sync-fd N] \
[--name NAME] [--no-new-keyring] [--no-pivot] [--start [--hold-output]] \
[--netns PATH --port-fd FD:IP:PORT...] [--health PATH [--health-hook-arg ARG]...] \
[--sdnotify-mode conmon|container [--sdnotify-socket PATH]] [--timeout SECONDS] \
[--preserve-fds N]";

pub fn parse(argv: impl IntoIterator<Item = OsString>) -> Result<Parsed, String> {
    let mut it = argv.into_iter();
    let mut cid = None;
    let mut bundle = None;
    let mut runtime = None;
    let mut runtime_args = Vec::new();
    let mut socket_dir = None;
    let mut pidfile = None;
    let mut log_path = None;
    let mut log_driver = LogDriver::K8sFile;
    let mut log_size_max = 0u64;
    let mut terminal = false;
    let mut stdin = false;
    let mut leave_stdin_open = false;
    let mut exit_command = None;
    let mut exit_command_args = Vec::new();
    let mut sync_fd = None;
    let mut no_new_keyring = false;
    let mut no_pivot = false;
    let mut start = false;
    let mut hold_output = false;
    let mut port_fds = Vec::new();
    let mut netns = None;
    let mut health = None;
    let mut health_hook_args = Vec::new();
    let mut sdnotify_mode = None;
    let mut sdnotify_socket = None;
    let mut timeout = 0u64;
    let mut preserve_fds = 0u32;

    while let Some(arg) = it.next() {
        let bytes = arg.as_bytes();
        let (flag, inline) = match bytes.iter().position(|&b| b == b'=') {
            Some(i) if bytes.starts_with(b"--") => (
                String::from_utf8_lossy(&bytes[..i]).into_owned(),
                Some(OsString::from(std::ffi::OsStr::from_bytes(&bytes[i + 1..]))),
            ),
            _ => (arg.to_string_lossy().into_owned(), None),
        };
        let mut value = |flag: &str| -> Result<OsString, String> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => it.next().ok_or_else(|| format!("{flag} needs a value")),
            }
        };
        let text = |flag: &str, v: OsString| -> Result<String, String> {
            v.into_string()
                .map_err(|v| format!("{flag}: {v:?} is not valid UTF-8"))
        };
        match flag.as_str() {
            "--version" | "-v" => return Ok(Parsed::Version),
            "--help" | "-h" => return Ok(Parsed::Help),
            "--cid" | "-c" => cid = Some(text(&flag, value(&flag)?)?),
            // Only for `ps`: it shows on our command line.
            "--name" | "-n" => drop(value(&flag)?),
            "--bundle" | "-b" => bundle = Some(PathBuf::from(value(&flag)?)),
            "--runtime" | "-r" => runtime = Some(PathBuf::from(value(&flag)?)),
            "--runtime-arg" => runtime_args.push(value(&flag)?),
            "--socket-dir" | "--socket-dir-path" => socket_dir = Some(PathBuf::from(value(&flag)?)),
            "--container-pidfile" | "-P" => pidfile = Some(PathBuf::from(value(&flag)?)),
            "--log-path" | "-l" => log_path = Some(PathBuf::from(value(&flag)?)),
            "--log-driver" => {
                log_driver = match text(&flag, value(&flag)?)?.as_str() {
                    "k8s-file" => LogDriver::K8sFile,
                    "none" => LogDriver::None,
                    "passthrough" => LogDriver::Passthrough,
                    other => {
                        return Err(format!(
                            "--log-driver: unknown driver {other:?} (k8s-file, none or passthrough)"
                        ))
                    }
                }
            }
            "--log-size-max" => {
                let v = text(&flag, value(&flag)?)?;
                // Negative means "no limit", as podman passes -1 for it.
                log_size_max = match v.parse::<i64>() {
                    Ok(n) if n <= 0 => 0,
                    Ok(n) => n as u64,
                    Err(_) => {
                        return Err(format!("--log-size-max: {v:?} is not a number of bytes"))
                    }
                };
            }
            "--terminal" | "-t" => terminal = true,
            "--stdin" | "-i" => stdin = true,
            "--leave-stdin-open" => leave_stdin_open = true,
            "--exit-command" => exit_command = Some(PathBuf::from(value(&flag)?)),
            "--exit-command-arg" => exit_command_args.push(value(&flag)?),
            "--sync-fd" => {
                let v = text(&flag, value(&flag)?)?;
                sync_fd = Some(
                    v.parse::<i32>()
                        .ok()
                        .filter(|n| *n > 2)
                        .ok_or_else(|| format!("--sync-fd: {v:?} is not a descriptor above 2"))?,
                );
            }
            "--no-new-keyring" => no_new_keyring = true,
            "--no-pivot" => no_pivot = true,
            "--timeout" | "-T" => {
                let v = text(&flag, value(&flag)?)?;
                timeout = v
                    .parse()
                    .map_err(|_| format!("--timeout: {v:?} is not a number of seconds"))?;
            }
            "--preserve-fds" => {
                let v = text(&flag, value(&flag)?)?;
                preserve_fds = v
                    .parse()
                    .map_err(|_| format!("--preserve-fds: {v:?} is not a number of descriptors"))?;
            }
            "--start" => start = true,
            "--hold-output" => hold_output = true,
            "--netns" => netns = Some(PathBuf::from(value(&flag)?)),
            "--health" => health = Some(PathBuf::from(value(&flag)?)),
            "--health-hook-arg" => health_hook_args.push(value(&flag)?),
            "--sdnotify-socket" => sdnotify_socket = Some(PathBuf::from(value(&flag)?)),
            "--sdnotify-mode" => {
                sdnotify_mode = Some(match text(&flag, value(&flag)?)?.as_str() {
                    "conmon" => crate::notify::Mode::Conmon,
                    "container" => crate::notify::Mode::Container,
                    other => {
                        return Err(format!(
                            "--sdnotify-mode: unknown mode {other:?} (conmon or container)"
                        ))
                    }
                })
            }
            "--port-fd" => {
                let v = text(&flag, value(&flag)?)?;
                let bad = || format!("--port-fd: {v:?} is not FD:IP:PORT (a descriptor above 2)");
                let (fd, dest) = v.split_once(':').ok_or_else(bad)?;
                let fd = fd.parse::<i32>().ok().filter(|n| *n > 2).ok_or_else(bad)?;
                let dest = dest.parse().map_err(|_| bad())?;
                port_fds.push((fd, dest));
            }
            other => return Err(format!("unknown option {other:?}\n{USAGE}")),
        }
    }

    let missing = |what: &str| format!("{what} is required\n{USAGE}");
    let cid = cid.ok_or_else(|| missing("--cid"))?;
    if cid.is_empty() || cid.contains('/') {
        return Err(format!("--cid: {cid:?} is not a container id"));
    }
    if log_driver == LogDriver::K8sFile && log_path.is_none() {
        return Err(missing("--log-path (for the k8s-file log driver)"));
    }
    if log_driver == LogDriver::Passthrough && terminal {
        return Err("--log-driver passthrough cannot be used with --terminal".into());
    }
    if hold_output && (!start || log_driver == LogDriver::Passthrough) {
        return Err("--hold-output needs --start and an attach socket (not passthrough)".into());
    }
    if sdnotify_socket.is_some() && sdnotify_mode.is_none() {
        return Err("--sdnotify-socket needs --sdnotify-mode".into());
    }
    if !port_fds.is_empty() && netns.is_none() {
        return Err("--port-fd needs --netns (where to dial the container's ports)".into());
    }
    Ok(Parsed::Run(Box::new(Args {
        cid,
        bundle: bundle.ok_or_else(|| missing("--bundle"))?,
        runtime: runtime.ok_or_else(|| missing("--runtime"))?,
        runtime_args,
        socket_dir: socket_dir.ok_or_else(|| missing("--socket-dir"))?,
        container_pidfile: pidfile.ok_or_else(|| missing("--container-pidfile"))?,
        log_path,
        log_driver,
        log_size_max,
        terminal,
        stdin,
        leave_stdin_open,
        exit_command,
        exit_command_args,
        sync_fd,
        no_new_keyring,
        no_pivot,
        start,
        hold_output,
        port_fds,
        netns,
        health,
        health_hook_args,
        sdnotify_mode,
        sdnotify_socket,
        timeout,
        preserve_fds,
    })))
}

/// The sync fd alone, found even when the rest of the command line is wrong, so the error can
/// still reach the engine on it.
pub fn sync_fd_only(argv: &[OsString]) -> Option<i32> {
    let mut it = argv.iter();
    while let Some(a) = it.next() {
        let s = a.to_str()?;
        if s == "--sync-fd" {
            return it.next()?.to_str()?.parse().ok().filter(|n| *n > 2);
        }
        if let Some(v) = s.strip_prefix("--sync-fd=") {
            return v.parse().ok().filter(|n| *n > 2);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Parsed, String> {
        parse(args.iter().map(OsString::from))
    }

    const BASE: &[&str] = &[
        "--cid",
        "abc",
        "--bundle",
        "/b",
        "--runtime",
        "/usr/bin/runc",
        "--socket-dir",
        "/s",
        "--container-pidfile",
        "/s/pidfile",
        "--log-path=/b/ctr.log",
    ];

    #[test]
    fn parses_the_contract_flags() {
        let mut v = BASE.to_vec();
        v.extend([
            "--runtime-arg",
            "--root",
            "--runtime-arg=/r",
            "--terminal",
            "--stdin",
            "--exit-command",
            "/bin/hutch",
            "--exit-command-arg",
            "cleanup",
            "--sync-fd",
            "5",
            "--log-size-max",
            "-1",
            "--netns",
            "/run/netns/x",
            "--port-fd",
            "7:10.0.2.100:80",
            "--port-fd=8:[fd00::1]:8080",
        ]);
        let Parsed::Run(a) = p(&v).unwrap() else {
            panic!("not a run")
        };
        assert_eq!(a.cid, "abc");
        assert_eq!(a.runtime_args, ["--root", "/r"]);
        assert!(a.terminal && a.stdin && !a.leave_stdin_open);
        assert_eq!(a.exit_command_args, ["cleanup"]);
        assert_eq!(a.sync_fd, Some(5));
        assert_eq!(a.log_size_max, 0);
        assert_eq!(
            a.port_fds,
            [
                (7, "10.0.2.100:80".parse().unwrap()),
                (8, "[fd00::1]:8080".parse().unwrap())
            ]
        );
        assert_eq!(
            a.log_path.as_deref(),
            Some(std::path::Path::new("/b/ctr.log"))
        );
    }

    #[test]
    fn rejects_bad_input_by_name() {
        let e = p(&["--cid"]).unwrap_err();
        assert!(e.contains("--cid needs a value"), "{e}");
        let e = p(&["--bogus"]).unwrap_err();
        assert!(e.contains("unknown option \"--bogus\""), "{e}");
        let mut v = BASE.to_vec();
        v.extend(["--sdnotify-socket", "/run/user/1/systemd/notify"]);
        assert!(p(&v).unwrap_err().contains("--sdnotify-mode"));
        let mut v = BASE.to_vec();
        v.extend(["--sdnotify-mode", "healthy"]);
        assert!(p(&v).unwrap_err().contains("healthy"));
        let mut v = BASE.to_vec();
        v.extend(["--log-driver", "journald"]);
        assert!(p(&v).unwrap_err().contains("journald"));
        let mut v = BASE.to_vec();
        v.extend(["--port-fd", "7:80"]);
        assert!(p(&v).unwrap_err().contains("FD:IP:PORT"));
        let mut v = BASE.to_vec();
        v.extend(["--port-fd", "7:10.0.2.100:80"]);
        assert!(p(&v).unwrap_err().contains("--netns"));
        let e = p(&BASE[2..]).unwrap_err();
        assert!(e.starts_with("--cid is required"), "{e}");
    }

    #[test]
    fn finds_the_sync_fd_in_a_bad_command_line() {
        let v: Vec<OsString> = ["--bogus", "--sync-fd=7"]
            .iter()
            .map(OsString::from)
            .collect();
        assert_eq!(sync_fd_only(&v), Some(7));
    }
}
