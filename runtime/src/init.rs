//! The container's init between clone and exec: it runs in the new namespaces, builds the root
//! filesystem, reports on the sync socket, waits for `start` on the exec FIFO (unless the
//! container starts at once), then becomes the container's program.

use crate::sync;
use anyhow::{Context, Result};
use oci_spec::runtime::{LinuxNamespaceType, Spec};
use std::fs::File;
use std::io::Write;
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::path::PathBuf;

/// What the init needs from the runtime. It borrows the spec from the runtime's frame, which
/// the clone copied and the init never leaves: no copy of the spec before the clone.
pub struct Init<'a> {
    pub spec: &'a Spec,
    pub rootfs: PathBuf,
    /// Whether the clone made a user namespace (then wait for the maps).
    pub new_user: bool,
    pub new_mount: bool,
    pub new_uts: bool,
    /// Whether the clone made a network namespace (then bring its `lo` up, as runc does).
    pub new_net: bool,
    /// A mount namespace to join by path.
    pub join_mount: Option<File>,
    /// The state directory holding the exec FIFO (O_PATH), with `create`; None when the
    /// container starts at once.
    pub fifo: Option<File>,
    pub console: Option<UnixStream>,
    pub preserve_fds: u32,
    pub seccomp: Vec<seccompiler::BpfProgram>,
    /// The runtime's lock on the state directory: a copy held here would keep it locked
    /// (and `start` waiting) for as long as the init waits.
    pub state_lock: std::os::fd::RawFd,
    /// The signal mask the container's process starts with, where the runtime changed its own.
    pub signal_mask: Option<nix::sys::signal::SigSet>,
}

/// Runs in the child; never returns.
pub fn run(init: Init<'_>, mut sock: UnixStream) -> ! {
    let _ = nix::unistd::close(init.state_lock);
    let code = match setup(init, &mut sock) {
        Ok(never) => match never {},
        Err(e) => {
            let msg = crate::errtext::render(&e);
            if sync::send(&mut sock, sync::ERROR, &msg).is_err() {
                let _ = writeln!(std::io::stderr(), "hutch-runtime: {msg}");
            }
            if msg.contains("executable file not found") || msg.contains("no such file") {
                127
            } else if msg.contains("permission denied") {
                126
            } else {
                1
            }
        }
    };
    std::process::exit(code)
}

fn setup(init: Init<'_>, sock: &mut UnixStream) -> Result<std::convert::Infallible> {
    let Init {
        spec,
        rootfs,
        new_user,
        new_mount,
        new_uts,
        new_net,
        join_mount,
        fifo,
        console,
        preserve_fds,
        seccomp,
        state_lock: _,
        signal_mask,
    } = init;
    if new_user {
        sync::expect(sock, sync::MAPPED)?;
        // Root of the new namespace for the set-up (the maps may put our old uid elsewhere).
        let root = nix::unistd::Uid::from_raw(0);
        let _ = nix::unistd::setresgid(0.into(), 0.into(), 0.into());
        let _ = nix::unistd::setresuid(root, root, root);
    }
    if let Some(ns) = join_mount {
        nix::sched::setns(ns, nix::sched::CloneFlags::CLONE_NEWNS)
            .context("join mount namespace")?;
    }
    if new_net {
        hutch_sys::netns::set_loopback_up()
            .context("bring lo up in the container's new network namespace")?;
    }
    let no_hooks = oci_spec::runtime::Hooks::default();
    let hooks = spec.hooks().as_ref().unwrap_or(&no_hooks);
    let some = |h: &Option<Vec<oci_spec::runtime::Hook>>| h.as_ref().is_some_and(|h| !h.is_empty());
    let any_hooks = some(hooks.prestart())
        || some(hooks.create_runtime())
        || some(hooks.create_container())
        || some(hooks.start_container());
    // The state the hooks read on stdin, from the runtime (which knows our pid outside).
    let mut hook_state = String::new();
    if new_mount {
        crate::rootfs::setup(spec, &rootfs, || {
            if any_hooks {
                sync::send(sock, sync::HOOKS, "")?;
                hook_state = sync::expect_text(sock, sync::HOOKS)?;
            }
            if let Some(h) = hooks.create_container().as_ref() {
                crate::hooks::run(h, &hook_state).context("createContainer hook")?;
            }
            Ok(())
        })?;
        crate::rootfs::finish(spec)?;
    } else {
        nix::unistd::chroot(&rootfs).context("chroot")?;
        std::env::set_current_dir("/").context("chdir /")?;
    }
    if new_uts {
        if let Some(h) = spec.hostname().as_deref().filter(|h| !h.is_empty()) {
            nix::unistd::sethostname(h).context("sethostname")?;
        }
        if let Some(d) = spec.domainname().as_deref().filter(|d| !d.is_empty()) {
            crate::sys::fd::set_domainname(d).context("setdomainname")?;
        }
    }
    let Some(process) = spec.process().as_ref() else {
        // The spec lets a container without a process be created, not started: wait for
        // `start` like any other, which refuses it and ends us.
        sync::send(sock, sync::READY, "")?;
        if let Some(fifo) = fifo {
            drop(crate::sys::fd::open_write_at(
                fifo.as_fd(),
                crate::state::FIFO,
            ));
        }
        anyhow::bail!("config.json has no process to run");
    };
    crate::process::set_rlimits(process)?;
    match console {
        Some(c) if process.terminal() == Some(true) => {
            crate::process::setup_terminal(c, process, new_mount)?
        }
        _ => {
            nix::unistd::setsid().context("setsid")?;
        }
    }
    let cwd = process.cwd();
    std::env::set_current_dir(cwd).map_err(|e| {
        anyhow::anyhow!(
            "chdir to cwd ({:?}) set in config.json failed: {}",
            cwd.display().to_string(),
            crate::errno_text(&e)
        )
    })?;
    let env = process.env().as_deref().unwrap_or_default();
    let arg0 = process
        .args()
        .as_ref()
        .and_then(|a| a.first())
        .context("process.args is empty in config.json")?;
    let path = crate::process::lookup(arg0, env)?;
    sync::send(sock, sync::READY, "")?;
    // Blocks until `start` opens the other end. Our end stays open until the exec closes it
    // (close-on-exec), so that `start` returns, and runs the poststart hooks, once the
    // container's program runs, as the spec has it.
    let _exec_fifo = match fifo {
        Some(fifo) => {
            let mut w = crate::sys::fd::open_write_at(fifo.as_fd(), crate::state::FIFO)
                .map_err(|e| crate::io_error("open the exec fifo", &e))?;
            w.write_all(b"0").context("write the exec fifo")?;
            Some(w)
        }
        None => None,
    };
    if let Some(h) = hooks.start_container().as_ref() {
        crate::hooks::run(h, &hook_state).context("startContainer hook")?;
    }
    if let Some(m) = signal_mask {
        m.thread_set_mask().context("restore the signal mask")?;
    }
    crate::process::finalize(process, &seccomp)?;
    Err(crate::process::exec(&path, process, preserve_fds))
}

/// The clone flags of the namespaces `spec` asks to create, and those it joins by path.
pub fn namespaces(spec: &Spec) -> (libc::c_int, Vec<(LinuxNamespaceType, PathBuf)>) {
    let mut flags = 0;
    let mut join = Vec::new();
    for ns in spec
        .linux()
        .as_ref()
        .and_then(|l| l.namespaces().clone())
        .unwrap_or_default()
    {
        match ns.path() {
            Some(p) => join.push((ns.typ(), p.clone())),
            None => flags |= clone_flag(ns.typ()),
        }
    }
    (flags, join)
}

pub fn clone_flag(t: LinuxNamespaceType) -> libc::c_int {
    match t {
        LinuxNamespaceType::Mount => libc::CLONE_NEWNS,
        LinuxNamespaceType::Cgroup => libc::CLONE_NEWCGROUP,
        LinuxNamespaceType::Uts => libc::CLONE_NEWUTS,
        LinuxNamespaceType::Ipc => libc::CLONE_NEWIPC,
        LinuxNamespaceType::User => libc::CLONE_NEWUSER,
        LinuxNamespaceType::Pid => libc::CLONE_NEWPID,
        LinuxNamespaceType::Network => libc::CLONE_NEWNET,
        LinuxNamespaceType::Time => 0x80,
    }
}
