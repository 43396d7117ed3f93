//! `exec`: runs a process in a running container with the runtime's own `exec` (no monitor in
//! between: the fastest path). The caller hands in the process's stdio as descriptors and,
//! with a terminal, a source of resize and signal requests, so a terminal and a hijacked HTTP
//! connection drive it the same way.

use super::runtime::{runtime_message, CliRuntime, ExecCommand, OciRuntime};
use super::{attach, config, spec, ContainerError, Dirs};
use crate::Paths;
use hutch_state::Container;
use oci_spec::runtime::Process;
use std::io::{Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// What to run and how: `hutch exec`'s flags, or a Docker `ExecConfig`.
#[derive(Debug, Clone, Default)]
pub struct ExecSpec {
    pub cmd: Vec<String>,
    /// `KEY=VALUE` items set over the container's environment, in order. Front ends resolve
    /// `-e NAME` and `--env-file` (their own process's environment and files) to values.
    pub env: Vec<String>,
    /// `user[:group]`; None runs as the container's user.
    pub user: Option<String>,
    /// None runs in the container's working directory.
    pub workdir: Option<String>,
    pub tty: bool,
    /// Whether the process reads the caller's stdin.
    pub interactive: bool,
    pub privileged: bool,
    /// Start the process and return without waiting for it.
    pub detach: bool,
    /// podman's detach key syntax; None means the default (ctrl-p,ctrl-q).
    pub detach_keys: Option<String>,
    /// `--preserve-fds N`: the caller's descriptors 3..3+N go to the process (the CLI only;
    /// see `podman_opts::claim_preserved_fds`).
    pub preserve_fds: u32,
}

/// A request from the front end while a process with a terminal runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Resize {
        rows: u16,
        cols: u16,
    },
    /// Deliver this signal to the process.
    Signal(i32),
    /// The caller went away (a client closed its connection): an attach session ends as if
    /// detached; an exec's process is killed, as Docker does.
    Gone,
}

/// Resize and signal requests, readable when its descriptor is (a signalfd for a terminal, a
/// pipe or socket for a service).
pub trait ControlSource {
    fn fd(&self) -> BorrowedFd<'_>;
    /// The requests pending now (none is fine: the descriptor may wake up spuriously).
    fn read(&mut self) -> std::io::Result<Vec<Control>>;
    /// Called once as the session begins, after every process is started; `tty` says whether
    /// the process has a terminal. A terminal's source takes its signals (and enters raw mode)
    /// here, so until then they act as usual: Ctrl-C still interrupts a pull.
    fn begin(&mut self, tty: bool) -> std::io::Result<()> {
        let _ = tty;
        Ok(())
    }
}

/// The process's streams.
pub struct ExecIo<'a> {
    /// Read when the spec is interactive; None gives the process no input.
    pub stdin: Option<BorrowedFd<'a>>,
    /// The process's output (with a terminal: everything it writes to it).
    pub stdout: BorrowedFd<'a>,
    /// The process's stderr, without the runtime's own error lines (those become the error).
    /// Unused with a terminal.
    pub stderr: &'a mut dyn Write,
    /// The terminal's size at the start.
    pub size: Option<(u16, u16)>,
    /// Resize and signal requests, for a process with a terminal.
    pub control: Option<&'a mut dyn ControlSource>,
}

/// How an exec ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExecEnd {
    /// The process exited with this code (128 + N when killed by signal N).
    Exited(i32),
    /// Started with `detach`: the process runs on.
    Started,
    /// The user typed the detach keys: the process runs on.
    Detached,
}

#[derive(Debug, thiserror::Error)]
pub enum ExecError {
    #[error(transparent)]
    Container(#[from] ContainerError),
    /// The runtime refused to run the command. `container` is the container's name when the
    /// message is about it (podman leaves it out with a terminal).
    #[error("{}{message}", container.as_deref().map(|n| format!("container {n}: ")).unwrap_or_default())]
    Runtime {
        container: Option<String>,
        message: String,
    },
    #[error("container {id}: exec process {pid} did not exit after closing its terminal")]
    NoExit { id: String, pid: i32 },
}

impl ExecError {
    /// podman's exit code: 127 when the command does not exist, 126 when it cannot be
    /// executed, else 125.
    pub fn exit_code(&self) -> i32 {
        match self {
            ExecError::Runtime { message, .. }
                if message.contains("executable file not found")
                    || message.contains("no such file or directory") =>
            {
                crate::ExitCode::NOT_FOUND
            }
            ExecError::Runtime { message, .. } if message.contains("permission denied") => {
                crate::ExitCode::CANNOT_EXECUTE
            }
            _ => crate::ExitCode::ENGINE,
        }
    }
}

pub(super) fn io_err(path: impl AsRef<Path>) -> impl FnOnce(std::io::Error) -> ContainerError {
    let path = path.as_ref().to_path_buf();
    move |e| ContainerError::io(path, e)
}

/// The OCI process of `spec` in container `c`, whose root filesystem is at `dirs.merged`.
pub fn process(
    paths: &Paths,
    c: &Container,
    cfg: &config::ContainerConfig,
    dirs: &Dirs,
    spec: &ExecSpec,
) -> Result<Process, ContainerError> {
    let user_spec = spec.user.clone().unwrap_or_else(|| cfg.user.clone());
    let keep_id = cfg.keep_id();
    let user = if let (Some((uid, gid)), true) = (keep_id, user_spec.is_empty()) {
        let uid = uid.unwrap_or(paths.uid);
        spec::ProcessUser {
            uid,
            gid: gid.unwrap_or(paths.gid),
            additional_gids: vec![gid.unwrap_or(paths.gid)],
            // As podman: the home of the user's entry in the container's /etc/passwd.
            home: super::keep_id::home_in_container(dirs, uid),
        }
    } else {
        // The container's /etc/passwd: hutch's copy where it added entries (--hostuser).
        let copy = dirs.userdata.join("passwd");
        let added = (!cfg.host_users.is_empty() || keep_id.is_some()) && copy.exists();
        spec::resolve_user_with(
            &c.id,
            &dirs.merged,
            added.then_some(copy.as_path()),
            &user_spec,
            &cfg.group_add,
        )?
    };
    let mut env = cfg.env.clone();
    let hostname = if cfg.hostname.is_empty() {
        c.id[..12].to_string()
    } else {
        cfg.hostname.clone()
    };
    config::set_env(&mut env, format!("HOSTNAME={hostname}"));
    if spec.tty && !env.iter().any(|e| e.starts_with("TERM=")) {
        env.push("TERM=xterm".into());
    }
    for e in &spec.env {
        config::set_env(&mut env, e.clone());
    }
    if !env.iter().any(|e| e.starts_with("HOME=")) {
        env.push(format!(
            "HOME={}",
            user.home.clone().unwrap_or_else(|| "/".into())
        ));
    }
    let mut ccfg = cfg.clone();
    ccfg.privileged = cfg.privileged || spec.privileged;
    let caps = spec::capabilities(&ccfg);
    // Only the fields runc's `exec --process` reads; oci-spec's sample defaults are cleared.
    let mut p = Process::default();
    p.set_terminal(Some(spec.tty));
    p.set_user(spec::oci_user(&user));
    p.set_args(Some(spec.cmd.clone()));
    p.set_env(Some(env));
    p.set_cwd(PathBuf::from(
        spec.workdir.clone().unwrap_or_else(|| cfg.workdir.clone()),
    ));
    p.set_capabilities(Some(spec::process_capabilities(&caps, user.uid)?));
    p.set_rlimits(None);
    p.set_no_new_privileges(Some(cfg.no_new_privileges));
    Ok(p)
}

/// What a front end (or the exec registry) learns as the process starts: its pid on the host
/// and, with a terminal, the terminal's master (for resizes from elsewhere).
pub type OnStart<'a> = &'a mut dyn FnMut(i32, Option<BorrowedFd<'_>>);

/// A name for this exec's files in the run directory, unique in this process too (a service
/// runs several at once).
pub(super) fn unique_name(ext: &str) -> String {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("exec-{}-{n}.{ext}", std::process::id())
}

/// Runs `spec` in the running container `c` with the streams of `io`.
pub fn exec(
    paths: &Paths,
    c: &Container,
    spec: &ExecSpec,
    io: ExecIo<'_>,
) -> Result<ExecEnd, ExecError> {
    exec_observed(paths, c, spec, io, &mut |_, _| {})
}

/// `exec`, telling `on_start` the process's pid once it runs.
pub fn exec_observed(
    paths: &Paths,
    c: &Container,
    spec: &ExecSpec,
    mut io: ExecIo<'_>,
    on_start: OnStart<'_>,
) -> Result<ExecEnd, ExecError> {
    let obs = super::observe(paths, c);
    if obs.state != super::RUNNING {
        return Err(ContainerError::BadState {
            name: c.name.clone(),
            state: super::display_state(&obs.state).to_string(),
            reason: "can only exec into running containers".into(),
        }
        .into());
    }
    let keys = attach::parse_detach_keys(
        spec.detach_keys
            .as_deref()
            .unwrap_or(attach::DEFAULT_DETACH_KEYS),
    )?;
    let cfg = super::config_of(c)?;
    let dirs = Dirs::new(paths, &c.id);
    let mut process = process(paths, c, &cfg, &dirs, spec)?;
    // The runtime sizes the terminal before the process runs: a resize after the start would
    // race with a process that asks at once (`stty size`).
    if let (true, Some((rows, cols))) = (spec.tty, io.size) {
        process.set_console_size(Some(
            oci_spec::runtime::BoxBuilder::default()
                .height(u64::from(rows))
                .width(u64::from(cols))
                .build()
                .expect("a console size builds"),
        ));
    }
    let pfile = dirs.run.join(unique_name("json"));
    let text = serde_json::to_vec(&process).expect("an OCI process serialises");
    std::fs::write(&pfile, text).map_err(io_err(&pfile))?;
    let runtime = CliRuntime::new(PathBuf::from(&cfg.runtime), paths);
    let r = if spec.tty {
        super::exec_tty::exec_tty(&runtime, c, &dirs, &pfile, spec, &keys, &mut io, on_start)
    } else if spec.detach {
        exec_detached(&runtime, c, &dirs, &pfile, spec.preserve_fds, on_start)
    } else {
        exec_attached(&runtime, c, &dirs, &pfile, spec, &mut io, on_start)
    };
    let _ = std::fs::remove_file(&pfile);
    r
}

pub(super) fn spawn_error(
    runtime: &CliRuntime,
    c: &Container,
    e: std::io::Error,
) -> ContainerError {
    ContainerError::RuntimeSpawn {
        id: c.id.clone(),
        runtime: runtime.path().display().to_string(),
        source: e,
    }
}

/// A descriptor of the caller's for a child's stdio.
fn child_stdio(fd: BorrowedFd<'_>) -> Result<Stdio, ContainerError> {
    fd.try_clone_to_owned()
        .map(Stdio::from)
        .map_err(io_err("exec stdio"))
}

fn exec_detached(
    runtime: &CliRuntime,
    c: &Container,
    dirs: &Dirs,
    pfile: &Path,
    preserve_fds: u32,
    on_start: OnStart<'_>,
) -> Result<ExecEnd, ExecError> {
    // The detached process inherits the runtime's stdio: nothing of ours may stay open in it
    // (a pipe would keep us waiting for its end). Runtime errors go to a log file.
    let log = dirs.run.join(unique_name("log"));
    let pid_file = dirs.run.join(unique_name("pid"));
    let status = runtime
        .exec(
            &c.id,
            pfile,
            &ExecCommand {
                detach: true,
                log: Some(log.clone()),
                pid_file: Some(pid_file.clone()),
                preserve_fds,
                ..Default::default()
            },
        )
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| spawn_error(runtime, c, e))?;
    let text = std::fs::read(&log).unwrap_or_default();
    let _ = std::fs::remove_file(&log);
    let pid = read_pid(&pid_file);
    let _ = std::fs::remove_file(&pid_file);
    if status.success() {
        on_start(pid, None);
        return Ok(ExecEnd::Started);
    }
    let errors: Vec<u8> = text
        .split(|b| *b == b'\n')
        .filter(|l| l.windows(11).any(|w| w == b"level=error"))
        .flat_map(|l| l.iter().copied().chain([b'\n']))
        .collect();
    Err(ExecError::Runtime {
        container: Some(c.name.clone()),
        message: runtime_message(&errors),
    })
}

fn read_pid(path: &Path) -> i32 {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0)
}

/// Without a terminal the runtime's child gets the caller's descriptors directly: no copying,
/// no thread. Only stderr passes through us, to pick out the runtime's own error lines; and
/// the caller's control source, when given, can signal the process (or kill it: `Gone`).
fn exec_attached(
    runtime: &CliRuntime,
    c: &Container,
    dirs: &Dirs,
    pfile: &Path,
    spec: &ExecSpec,
    io: &mut ExecIo<'_>,
    on_start: OnStart<'_>,
) -> Result<ExecEnd, ExecError> {
    let stdin = match (spec.interactive, io.stdin) {
        (true, Some(fd)) => child_stdio(fd)?,
        _ => Stdio::null(),
    };
    let pid_file = dirs.run.join(unique_name("pid"));
    let mut child = runtime
        .exec(
            &c.id,
            pfile,
            &ExecCommand {
                pid_file: Some(pid_file.clone()),
                preserve_fds: spec.preserve_fds,
                ..Default::default()
            },
        )
        .stdin(stdin)
        .stdout(child_stdio(io.stdout)?)
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| spawn_error(runtime, c, e))?;
    // The process's stderr passes through; runc's own error lines (time=... level=error) are
    // kept to map "not found" and "permission denied" to 127 and 126.
    let mut runtime_errors = Vec::new();
    let mut pid = 0;
    let mut pending_signals: Vec<i32> = Vec::new();
    if let Some(mut err) = child.stderr.take() {
        let mut line = Vec::new();
        let mut buf = vec![0u8; 16 * 1024];
        let mut control_open = io.control.is_some();
        loop {
            let mut fds = vec![err.as_fd()];
            if let Some(ctl) = io.control.as_deref().filter(|_| control_open) {
                fds.push(ctl.fd());
            }
            // Until the pid is known, look for the runtime's pid file now and then.
            let timeout = if pid == 0 { 20 } else { -1 };
            let ready = hutch_sys::client::poll(&fds, timeout).map_err(io_err("exec poll"))?;
            if pid == 0 {
                pid = read_pid(&pid_file);
                if pid != 0 {
                    on_start(pid, None);
                    for sig in pending_signals.drain(..) {
                        let _ = hutch_sys::process::signal(pid, sig);
                    }
                }
            }
            if ready.len() > 1 && (ready[1].readable || ready[1].hangup) {
                let reqs = match io.control.as_mut().map(|c| c.read()) {
                    Some(Ok(r)) => r,
                    _ => vec![Control::Gone],
                };
                for req in reqs {
                    let sig = match req {
                        Control::Signal(s) => s,
                        Control::Gone => {
                            control_open = false;
                            9
                        }
                        Control::Resize { .. } => continue,
                    };
                    if pid != 0 {
                        let _ = hutch_sys::process::signal(pid, sig);
                    } else {
                        pending_signals.push(sig);
                    }
                }
            }
            if !(ready[0].readable || ready[0].hangup) {
                continue;
            }
            let n = match err.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            line.extend_from_slice(&buf[..n]);
            while let Some(nl) = line.iter().position(|b| *b == b'\n') {
                let l: Vec<u8> = line.drain(..=nl).collect();
                let l = &l[..l.len() - 1];
                if l.windows(11).any(|w| w == b"level=error") {
                    runtime_errors.push(runtime_message(l));
                } else {
                    let _ = io.stderr.write_all(l);
                    let _ = io.stderr.write_all(b"\n");
                }
            }
        }
        if !line.is_empty() {
            let _ = io.stderr.write_all(&line);
        }
    }
    let status = child.wait().map_err(|e| spawn_error(runtime, c, e))?;
    let _ = std::fs::remove_file(&pid_file);
    if !runtime_errors.is_empty() {
        return Err(ExecError::Runtime {
            container: Some(c.name.clone()),
            message: runtime_errors.join("; "),
        });
    }
    use std::os::unix::process::ExitStatusExt;
    Ok(ExecEnd::Exited(
        status
            .code()
            .or_else(|| status.signal().map(|s| 128 + s))
            .unwrap_or(crate::ExitCode::ENGINE),
    ))
}

impl crate::Engine {
    /// Runs `spec` in the running container `name` with the front end's streams (see `exec`).
    pub fn exec(&self, name: &str, spec: &ExecSpec, io: ExecIo<'_>) -> Result<ExecEnd, ExecError> {
        let c = super::lookup(self.db(), name)?;
        exec(self.paths(), &c, spec, io)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runtime_errors_map_to_podman_codes() {
        let e = |m: &str| ExecError::Runtime {
            container: Some("c".into()),
            message: m.into(),
        };
        assert_eq!(
            e("exec: \"nope\": executable file not found in $PATH").exit_code(),
            127
        );
        assert_eq!(e("open /x: permission denied").exit_code(), 126);
        assert_eq!(e("something else").exit_code(), 125);
        assert_eq!(e("boom").to_string(), "container c: boom");
        let tty = ExecError::Runtime {
            container: None,
            message: "boom".into(),
        };
        assert_eq!(tty.to_string(), "boom");
    }

    #[test]
    fn process_merges_env_and_resolves_the_user() {
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::container::fixtures::paths(dir.path());
        let mut c = crate::container::fixtures::container("web", &Default::default());
        c.id = "0123456789abcdef".repeat(4);
        let dirs = Dirs::new(&paths, &c.id);
        std::fs::create_dir_all(dirs.merged.join("etc")).unwrap();
        std::fs::write(
            dirs.merged.join("etc/passwd"),
            "root:x:0:0::/root:/bin/sh\nweb:x:33:33::/var/www:/bin/sh\n",
        )
        .unwrap();
        let cfg = config::ContainerConfig {
            env: vec!["A=1".into(), "B=2".into()],
            workdir: "/srv".into(),
            ..Default::default()
        };
        let spec = ExecSpec {
            cmd: vec!["id".into()],
            env: vec!["B=3".into()],
            user: Some("web".into()),
            tty: true,
            ..Default::default()
        };
        let p = process(&paths, &c, &cfg, &dirs, &spec).unwrap();
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!(
            v["env"],
            serde_json::json!([
                "A=1",
                "HOSTNAME=0123456789ab",
                "TERM=xterm",
                "B=3",
                "HOME=/var/www"
            ])
        );
        assert_eq!(
            v["user"],
            serde_json::json!({"uid": 33, "gid": 33, "additionalGids": []})
        );
        assert_eq!(v["cwd"], "/srv");
        assert_eq!(v["terminal"], true);
        assert_eq!(v["capabilities"]["effective"], serde_json::json!([]));
        assert!(v.get("rlimits").is_none(), "{v}");
    }
}
