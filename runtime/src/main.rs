//! hutch-runtime: hutch's OCI runtime, a drop-in for runc on the OCI command line (`create`,
//! `start`, `state`, `kill`, `delete`, `run`, `exec`, `features`, ...), written for start-up
//! time: one process, one clone into the container's namespaces, no re-exec of itself.
//!
//! It is hand-written on nix/libc rather than built on youki's libcontainer: libcontainer
//! forks an intermediate and an init process and runs helper threads, which is exactly the
//! start-up cost this runtime exists to avoid. The few system calls nix does not wrap safely
//! live in `sys`, each `unsafe` with its reason.
//!
//! The runtime is single-threaded throughout, so the process it clones may allocate and use
//! std until it execs. SELinux and AppArmor labels are not applied: hutch's hosts have
//! neither, and `features` says so. No session keyring is made per container (runc's exhaust
//! the per-user key quota under many parallel containers).
#![deny(unsafe_code)]

mod cgroup;
mod create;
mod errtext;
mod exec;
mod hooks;
mod init;
mod log;
mod ops;
mod process;
mod quickargs;
mod rootfs;
mod seccomp;
mod state;
mod sync;
mod sys;
mod syscalls;
mod syscalls_i386;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(name = "hutch-runtime", version, about = "hutch's OCI runtime")]
struct Cli {
    /// Where container state lives.
    #[arg(long, global = true)]
    root: Option<PathBuf>,
    /// Write the runtime's own messages to this file.
    #[arg(long, global = true)]
    log: Option<PathBuf>,
    #[arg(long, global = true, value_enum, default_value = "text")]
    log_format: log::Format,
    #[arg(long, global = true)]
    debug: bool,
    /// Accepted for runc compatibility; cgroups are managed through cgroupfs.
    #[arg(long, global = true)]
    systemd_cgroup: bool,
    /// Accepted for runc compatibility.
    #[arg(long, global = true, num_args = 0..=1, default_missing_value = "true")]
    rootless: Option<String>,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(clap::Args, Debug)]
struct CreateArgs {
    #[arg(long, short, default_value = ".")]
    bundle: PathBuf,
    #[arg(long)]
    pid_file: Option<PathBuf>,
    #[arg(long)]
    console_socket: Option<PathBuf>,
    /// Accepted: pivot_root is used where possible, else the rootfs is moved over / and chrooted.
    #[arg(long)]
    no_pivot: bool,
    /// Accepted: no session keyring is ever made.
    #[arg(long)]
    no_new_keyring: bool,
    #[arg(long, default_value_t = 0)]
    preserve_fds: u32,
    id: String,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Create a container that waits for `start`.
    Create(CreateArgs),
    /// Run the process of a created container.
    Start {
        id: String,
    },
    /// Create and start a container.
    Run {
        #[command(flatten)]
        c: CreateArgs,
        #[arg(long, short)]
        detach: bool,
        /// Keep the container's state after it exits (without --detach).
        #[arg(long)]
        keep: bool,
    },
    /// The container's state as OCI JSON.
    State {
        id: String,
    },
    /// Send a signal to the container's init (or all its processes).
    Kill {
        #[arg(long, short)]
        all: bool,
        id: String,
        #[arg(default_value = "SIGTERM")]
        signal: String,
    },
    /// Delete a stopped container (or any, with --force).
    Delete {
        #[arg(long, short)]
        force: bool,
        id: String,
    },
    /// Run a new process in a running container.
    Exec {
        #[arg(long, short)]
        process: Option<PathBuf>,
        #[arg(long)]
        pid_file: Option<PathBuf>,
        #[arg(long)]
        console_socket: Option<PathBuf>,
        #[arg(long, short)]
        detach: bool,
        #[arg(long, short)]
        tty: bool,
        #[arg(long)]
        cwd: Option<PathBuf>,
        #[arg(long, short)]
        env: Vec<String>,
        #[arg(long, short)]
        user: Option<String>,
        #[arg(long, short)]
        cap: Vec<String>,
        #[arg(long)]
        no_new_privs: bool,
        #[arg(long, default_value_t = 0)]
        preserve_fds: u32,
        /// Accepted for runc compatibility (no SELinux).
        #[arg(long)]
        process_label: Option<String>,
        /// Accepted for runc compatibility (no AppArmor).
        #[arg(long)]
        apparmor: Option<String>,
        #[arg(long)]
        ignore_paused: bool,
        id: String,
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Freeze a container's processes (needs a cgroup v2 directory).
    Pause {
        id: String,
    },
    Resume {
        id: String,
    },
    /// List the container's processes.
    Ps {
        #[arg(long, short, default_value = "table")]
        format: String,
        id: String,
    },
    /// What this runtime supports, as OCI features JSON.
    Features,
}

/// runc's wording of an errno: Go's lowercase strerror.
pub fn errno_text(e: &std::io::Error) -> String {
    errtext::io(e)
}

pub use errtext::io_error;

/// The state JSON that hooks read on stdin.
pub fn hooks_state(s: &state::Saved, status: &str) -> String {
    serde_json::json!({
        "ociVersion": "1.0.2",
        "id": s.id,
        "status": status,
        "pid": s.pid,
        "bundle": s.bundle,
        "annotations": s.annotations,
    })
    .to_string()
}

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let cli = quickargs::parse(&args).unwrap_or_else(Cli::parse);
    log::init(cli.log.clone(), cli.log_format, cli.debug);
    let root = cli.root.clone().unwrap_or_else(state::default_root);
    let (verb, r) = match cli.cmd {
        Cmd::Create(c) => ("create", do_create(&root, &c, false, None).map(|_| 0)),
        Cmd::Run { c, detach, keep } => ("run", do_run(&root, &c, detach, keep)),
        Cmd::Start { id } => ("start", ops::start(&root, &id).map(|()| 0)),
        Cmd::State { id } => ("state", ops::state(&root, &id).map(|()| 0)),
        Cmd::Kill { all, id, signal } => ("kill", ops::kill(&root, &id, &signal, all).map(|()| 0)),
        Cmd::Delete { force, id } => ("delete", ops::delete(&root, &id, force).map(|()| 0)),
        Cmd::Pause { id } => ("pause", ops::pause(&root, &id, true).map(|()| 0)),
        Cmd::Resume { id } => ("resume", ops::pause(&root, &id, false).map(|()| 0)),
        Cmd::Ps { format, id } => ("ps", ops::ps(&root, &id, format == "json").map(|()| 0)),
        Cmd::Features => {
            println!(
                "{}",
                serde_json::to_string_pretty(&ops::features()).unwrap_or_default()
            );
            ("features", Ok(0))
        }
        Cmd::Exec {
            process,
            pid_file,
            console_socket,
            detach,
            tty,
            cwd,
            env,
            user,
            cap,
            no_new_privs,
            preserve_fds,
            id,
            args,
            ..
        } => {
            let o = exec::ExecOpts {
                process,
                pid_file,
                console_socket,
                detach,
                tty,
                cwd,
                env,
                user,
                caps: cap,
                no_new_privs,
                preserve_fds,
                args,
            };
            match exec::exec(&root, &id, &o) {
                Ok(code) => std::process::exit(code),
                Err(e) => {
                    log::error(&format!("exec failed: {}", errtext::render(&e)));
                    std::process::exit(255);
                }
            }
        }
    };
    match r {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            let msg = match verb {
                "create" | "run" => {
                    format!("hutch-runtime {verb} failed: {}", errtext::render(&e))
                }
                _ => errtext::render(&e),
            };
            log::error(&msg);
            std::process::exit(1);
        }
    }
}

fn opts<'a>(
    root: &'a std::path::Path,
    c: &'a CreateArgs,
    start: bool,
    signal_mask: Option<nix::sys::signal::SigSet>,
) -> create::CreateOpts<'a> {
    create::CreateOpts {
        root,
        id: &c.id,
        bundle: &c.bundle,
        pid_file: c.pid_file.as_deref(),
        console_socket: c.console_socket.as_deref(),
        preserve_fds: c.preserve_fds
            + std::env::var("LISTEN_FDS")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(0),
        start,
        signal_mask,
    }
}

fn do_create(
    root: &std::path::Path,
    c: &CreateArgs,
    start: bool,
    signal_mask: Option<nix::sys::signal::SigSet>,
) -> anyhow::Result<create::Created> {
    create::create(&opts(root, c, start, signal_mask))
}

/// `run`: create and start at once; without --detach, wait for the container, forwarding
/// signals, then delete it (unless --keep) and exit with its status.
fn do_run(root: &std::path::Path, c: &CreateArgs, detach: bool, keep: bool) -> anyhow::Result<i32> {
    use nix::sys::signal::{SigSet, Signal};
    let mut mask = SigSet::empty();
    let mut caller_mask = None;
    if !detach {
        for s in [
            Signal::SIGINT,
            Signal::SIGTERM,
            Signal::SIGHUP,
            Signal::SIGQUIT,
            Signal::SIGUSR1,
            Signal::SIGUSR2,
            Signal::SIGCHLD,
        ] {
            mask.add(s);
        }
        // The container's process gets the caller's mask back (signals we forward are ours
        // to wait for, not its to have blocked).
        caller_mask = Some(mask.thread_swap_mask(nix::sys::signal::SigmaskHow::SIG_BLOCK)?);
    }
    let create::Created {
        container,
        poststart,
        poststop,
    } = do_create(root, c, true, caller_mask)?;
    if !poststart.is_empty() {
        let st = hooks_state(&container.saved, "running");
        hooks::run_warn(Some(&poststart), &st, "poststart");
    }
    if detach {
        return Ok(0);
    }
    let pid = nix::unistd::Pid::from_raw(container.saved.pid);
    drop(container);
    let code = loop {
        let sig = mask.wait()?;
        if sig == Signal::SIGCHLD {
            use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
            match waitpid(pid, Some(WaitPidFlag::WNOHANG))? {
                WaitStatus::Exited(_, code) => break code,
                WaitStatus::Signaled(_, s, _) => break 128 + s as i32,
                _ => continue,
            }
        }
        let _ = nix::sys::signal::kill(pid, sig);
    };
    if !keep {
        ops::delete_as(root, &c.id, true, Some(&poststop))?;
    }
    Ok(code)
}
