//! `exec`: a new process in a running container. The runtime enters the container's pid
//! namespace (for its children), forks, and the child joins the rest (user first), the
//! container's cgroup, and applies the process's own terminal, rlimits, cwd, user,
//! capabilities, no_new_privs and the container's seccomp profile. Without `--detach` the
//! runtime waits for it, forwarding signals, and exits with its status.

use crate::state::Container;
use crate::state::Status;
use crate::sync;
use anyhow::{anyhow, bail, Context, Result};
use nix::sys::signal::{SigSet, Signal};
use nix::sys::wait::{waitpid, WaitStatus};
use nix::unistd::Pid;
use oci_spec::runtime::Process;
use std::fs::File;
use std::os::unix::fs::MetadataExt;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};

pub struct ExecOpts {
    pub process: Option<PathBuf>,
    pub pid_file: Option<PathBuf>,
    pub console_socket: Option<PathBuf>,
    pub detach: bool,
    pub tty: bool,
    pub cwd: Option<PathBuf>,
    pub env: Vec<String>,
    pub user: Option<String>,
    pub caps: Vec<String>,
    pub no_new_privs: bool,
    pub preserve_fds: u32,
    pub args: Vec<String>,
}

/// The namespaces a process joins, in order: the user namespace first (its rights cover the
/// others), the pid namespace last (it only applies to children, so the runtime enters it).
const ORDER: &[(&str, libc::c_int)] = &[
    ("user", libc::CLONE_NEWUSER),
    ("mnt", libc::CLONE_NEWNS),
    ("net", libc::CLONE_NEWNET),
    ("ipc", libc::CLONE_NEWIPC),
    ("uts", libc::CLONE_NEWUTS),
    ("cgroup", libc::CLONE_NEWCGROUP),
];

fn same_ns(pid: i32, ns: &str) -> bool {
    let a = std::fs::metadata(format!("/proc/{pid}/ns/{ns}"));
    let b = std::fs::metadata(format!("/proc/self/ns/{ns}"));
    matches!((a, b), (Ok(a), Ok(b)) if a.ino() == b.ino() && a.dev() == b.dev())
}

fn process_of(c: &Container, o: &ExecOpts) -> Result<(Process, oci_spec::runtime::Spec)> {
    let spec = crate::create::spec_of(c)?;
    let process = match &o.process {
        Some(p) => {
            let text = std::fs::read(p).with_context(|| format!("open {}", p.display()))?;
            serde_json::from_slice(&text).with_context(|| format!("parse {}", p.display()))?
        }
        None => {
            let mut p = spec
                .process()
                .clone()
                .context("config.json has no process")?;
            if o.args.is_empty() {
                bail!("exec: no command given");
            }
            p.set_args(Some(o.args.clone()));
            p.set_terminal(Some(o.tty));
            if let Some(cwd) = &o.cwd {
                p.set_cwd(cwd.clone());
            }
            let mut env = p.env().clone().unwrap_or_default();
            env.extend(o.env.iter().cloned());
            p.set_env(Some(env));
            if let Some(u) = &o.user {
                let (uid, gid) = u.split_once(':').unwrap_or((u, "0"));
                let mut user = p.user().clone();
                user.set_uid(
                    uid.parse()
                        .map_err(|_| anyhow!("--user {u}: not uid[:gid]"))?,
                );
                user.set_gid(
                    gid.parse()
                        .map_err(|_| anyhow!("--user {u}: not uid[:gid]"))?,
                );
                p.set_user(user);
            }
            if o.no_new_privs {
                p.set_no_new_privileges(Some(true));
            }
            if !o.caps.is_empty() {
                let mut caps = p.capabilities().clone().unwrap_or_default();
                for name in &o.caps {
                    let cap: oci_spec::runtime::Capability =
                        serde_json::from_value(serde_json::Value::String(name.clone()))
                            .map_err(|_| anyhow!("unknown capability {name}"))?;
                    let add = |s: Option<oci_spec::runtime::Capabilities>| {
                        let mut s = s.unwrap_or_default();
                        s.insert(cap);
                        Some(s)
                    };
                    caps.set_bounding(add(caps.bounding().clone()));
                    caps.set_effective(add(caps.effective().clone()));
                    caps.set_permitted(add(caps.permitted().clone()));
                }
                p.set_capabilities(Some(caps));
            }
            p
        }
    };
    Ok((process, spec))
}

/// Returns the exit status for the runtime.
pub fn exec(root: &Path, id: &str, o: &ExecOpts) -> Result<i32> {
    let c = Container::load(root, id)?;
    match c.status() {
        Status::Running | Status::Created => {}
        Status::Paused => bail!("cannot exec in a paused container"),
        _ => bail!("cannot exec in a stopped container"),
    }
    let (process, spec) = process_of(&c, o)?;
    let pid = c.saved.pid;
    let console = if process.terminal() == Some(true) {
        let path = o.console_socket.as_deref().ok_or_else(|| {
            anyhow!(
                "cannot allocate tty if hutch-runtime will detach without setting console socket"
            )
        })?;
        Some(
            UnixStream::connect(path)
                .with_context(|| format!("connect to console socket {}", path.display()))?,
        )
    } else {
        None
    };
    let seccomp = match spec.linux().as_ref().and_then(|l| l.seccomp().as_ref()) {
        Some(s) => crate::seccomp::compile(s)?,
        None => Vec::new(),
    };
    let mut nss: Vec<(File, libc::c_int)> = Vec::new();
    for (name, flag) in ORDER {
        if same_ns(pid, name) {
            continue;
        }
        let p = format!("/proc/{pid}/ns/{name}");
        match File::open(&p) {
            Ok(f) => nss.push((f, *flag)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e).with_context(|| format!("open {p}")),
        }
    }
    if !same_ns(pid, "pid") {
        let f = File::open(format!("/proc/{pid}/ns/pid")).context("open the pid namespace")?;
        nix::sched::setns(f, nix::sched::CloneFlags::CLONE_NEWPID)
            .context("join the pid namespace")?;
    }
    let cgroup = c.saved.cgroup.clone();
    drop(c);
    let forwarded = [
        Signal::SIGINT,
        Signal::SIGTERM,
        Signal::SIGHUP,
        Signal::SIGQUIT,
        Signal::SIGUSR1,
        Signal::SIGUSR2,
        Signal::SIGWINCH,
        Signal::SIGCHLD,
    ];
    let mut mask = SigSet::empty();
    for s in forwarded {
        mask.add(s);
    }
    let old = mask.thread_swap_mask(nix::sys::signal::SigmaskHow::SIG_BLOCK)?;
    let (mut parent_sock, child_sock) = sync::pair()?;
    let child = match crate::sys::clone::fork_into(0).context("fork")? {
        None => {
            drop(parent_sock);
            let _ = old.thread_set_mask();
            child(
                nss,
                cgroup,
                console,
                process,
                seccomp,
                o.preserve_fds,
                child_sock,
            )
        }
        Some(p) => p,
    };
    drop(child_sock);
    let mut err = None;
    while let Some((k, msg)) = sync::recv(&mut parent_sock)? {
        if k == sync::ERROR {
            err = Some(msg);
        }
    }
    if let Some(msg) = err {
        let _ = waitpid(Pid::from_raw(child), None);
        bail!("unable to start container process: {msg}");
    }
    if let Some(p) = &o.pid_file {
        crate::create::write_pid_file(p, child)?;
    }
    if o.detach {
        return Ok(0);
    }
    loop {
        let sig = mask.wait()?;
        if sig == Signal::SIGCHLD {
            match waitpid(
                Pid::from_raw(child),
                Some(nix::sys::wait::WaitPidFlag::WNOHANG),
            )? {
                WaitStatus::Exited(_, code) => return Ok(code),
                WaitStatus::Signaled(_, s, _) => return Ok(128 + s as i32),
                _ => continue,
            }
        }
        let _ = nix::sys::signal::kill(Pid::from_raw(child), sig);
    }
}

fn child(
    nss: Vec<(File, libc::c_int)>,
    cgroup: Option<PathBuf>,
    console: Option<UnixStream>,
    process: Process,
    seccomp: Vec<seccompiler::BpfProgram>,
    preserve: u32,
    mut sock: UnixStream,
) -> ! {
    let run = || -> Result<std::convert::Infallible> {
        if let Some(dir) = &cgroup {
            crate::cgroup::join(dir, std::process::id() as i32);
        }
        for (f, flag) in nss {
            let joined_user = flag == libc::CLONE_NEWUSER;
            nix::sched::setns(f, nix::sched::CloneFlags::from_bits_truncate(flag))
                .with_context(|| format!("join namespace {flag:#x}"))?;
            if joined_user {
                let root = nix::unistd::Uid::from_raw(0);
                let _ = nix::unistd::setresgid(0.into(), 0.into(), 0.into());
                let _ = nix::unistd::setresuid(root, root, root);
            }
        }
        crate::process::set_rlimits(&process)?;
        match console {
            Some(c) if process.terminal() == Some(true) => {
                crate::process::setup_terminal(c, &process, false)?
            }
            _ => {}
        }
        let cwd = process.cwd();
        std::env::set_current_dir(cwd).map_err(|e| {
            anyhow!(
                "chdir to cwd ({:?}) set in config.json failed: {}",
                cwd.display().to_string(),
                crate::errno_text(&e)
            )
        })?;
        let env = process.env().clone().unwrap_or_default();
        let arg0 = process
            .args()
            .as_ref()
            .and_then(|a| a.first())
            .cloned()
            .context("process.args must not be empty")?;
        let path = crate::process::lookup(&arg0, &env)?;
        crate::process::finalize(&process, &seccomp)?;
        Err(crate::process::exec(&path, &process, preserve))
    };
    let e = match run() {
        Ok(never) => match never {},
        Err(e) => e,
    };
    let _ = sync::send(&mut sock, sync::ERROR, &crate::errtext::render(&e));
    std::process::exit(255)
}
