//! `create` and `run`: read the bundle, make the state directory, fork the container's init
//! into its namespaces (one clone, no re-exec of the runtime: that is most of the time runc
//! spends), write its id maps, run the runtime-side hooks, and record the container once the
//! init reports it is set up.

use crate::init::{self, Init};
use crate::state::{self, Container, Saved};
use crate::sync;
use anyhow::{anyhow, bail, Context, Result};
use oci_spec::runtime::{Hook, LinuxIdMapping, LinuxNamespaceType, Spec};
use std::fs::File;
use std::os::unix::fs::OpenOptionsExt;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};

pub struct CreateOpts<'a> {
    pub root: &'a Path,
    pub id: &'a str,
    pub bundle: &'a Path,
    pub pid_file: Option<&'a Path>,
    pub console_socket: Option<&'a Path>,
    pub preserve_fds: u32,
    /// `run`: the container starts at once (no exec FIFO, no `start`).
    pub start: bool,
    /// The signal mask to give the container's process where the runtime changed its own
    /// (`run` blocks the signals it forwards).
    pub signal_mask: Option<nix::sys::signal::SigSet>,
}

pub fn load_spec(bundle: &Path) -> Result<Spec> {
    read_spec(&bundle.join("config.json")).map(|(_, s)| s)
}

fn read_spec(p: &Path) -> Result<(Vec<u8>, Spec)> {
    let text = std::fs::read(p).with_context(|| format!("open {}", p.display()))?;
    let spec = serde_json::from_slice(&text).with_context(|| format!("parse {}", p.display()))?;
    Ok((text, spec))
}

/// The configuration a container was created with: the copy in its state directory, as the
/// bundle's config.json may have changed since (and must not change the container).
pub fn spec_of(c: &crate::state::Container) -> Result<Spec> {
    match read_spec(&c.dir.join(SPEC_COPY)) {
        Ok((_, s)) => Ok(s),
        // Made by a runtime that kept no copy.
        Err(_) => load_spec(&c.saved.bundle),
    }
}

const SPEC_COPY: &str = "config.json";

pub fn rootfs_of(spec: &Spec, bundle: &Path) -> Result<PathBuf> {
    let root = spec.root().as_ref().context("config.json has no root")?;
    let p = bundle.join(root.path());
    std::fs::canonicalize(&p).with_context(|| format!("rootfs {}", p.display()))
}

/// A container just created: with its init's pid, and the spec's poststart and poststop
/// hooks (so that `run` need not read and parse config.json again to run them).
pub struct Created {
    pub container: Container,
    pub poststart: Vec<Hook>,
    pub poststop: Vec<Hook>,
}

/// Creates the container.
pub fn create(o: &CreateOpts<'_>) -> Result<Created> {
    let bundle = std::path::absolute(o.bundle).context("bundle path")?;
    let (text, spec) = read_spec(&bundle.join("config.json"))?;
    let hooks = |f: fn(&oci_spec::runtime::Hooks) -> &Option<Vec<Hook>>| {
        spec.hooks()
            .as_ref()
            .and_then(|h| f(h).clone())
            .unwrap_or_default()
    };
    let (poststart, poststop) = (hooks(|h| h.poststart()), hooks(|h| h.poststop()));
    let (dir, lock) = state::create_dir(o.root, o.id)?;
    let copy = dir.join(SPEC_COPY);
    if let Err(e) = std::fs::write(&copy, text) {
        let _ = std::fs::remove_dir_all(&dir);
        return Err(crate::io_error(&format!("write {}", copy.display()), &e));
    }
    let lock_fd = std::os::fd::AsRawFd::as_raw_fd(&*lock);
    match create_in(o, &bundle, spec, &dir, lock_fd) {
        Ok(saved) => {
            let c = Container::new(dir, lock, saved);
            c.save()?;
            if let Some(p) = o.pid_file {
                write_pid_file(p, c.saved.pid)?;
            }
            Ok(Created {
                container: c,
                poststart,
                poststop,
            })
        }
        Err(e) => {
            let _ = std::fs::remove_dir_all(&dir);
            Err(e)
        }
    }
}

pub fn write_pid_file(p: &Path, pid: i32) -> Result<()> {
    let p = std::path::absolute(p)?;
    let tmp = p.with_file_name(format!(
        ".{}.tmp",
        p.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ));
    std::fs::write(&tmp, pid.to_string()).with_context(|| format!("write {}", tmp.display()))?;
    std::fs::rename(&tmp, &p).with_context(|| format!("write pid file {}", p.display()))
}

fn create_in(
    o: &CreateOpts<'_>,
    bundle: &Path,
    spec: Spec,
    dir: &Path,
    state_lock: std::os::fd::RawFd,
) -> Result<Saved> {
    let rootfs = rootfs_of(&spec, bundle)?;
    let process = spec.process().as_ref();
    if process.is_none() && o.start {
        bail!("config.json has no process to run");
    }
    let console = if process.and_then(|p| p.terminal()) == Some(true) {
        let path = o.console_socket.ok_or_else(|| {
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
    let fifo = if o.start {
        None
    } else {
        let p = dir.join(state::FIFO);
        nix::unistd::mkfifo(&p, nix::sys::stat::Mode::from_bits_truncate(0o622)).map_err(|e| {
            anyhow!(
                "create the exec fifo {}: {}",
                p.display(),
                crate::errtext::errno(e)
            )
        })?;
        // Writable by the container's root whatever our umask and its id mappings (its
        // root may be an id that has no rights on our files).
        std::fs::set_permissions(&p, std::os::unix::fs::PermissionsExt::from_mode(0o622))
            .map_err(|e| crate::io_error(&format!("chmod {}", p.display()), &e))?;
        // The init opens the FIFO relative to this directory: without a mount namespace it
        // chroots into a rootfs that has no /proc to reopen a descriptor through.
        Some(
            std::fs::OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_PATH | libc::O_DIRECTORY | libc::O_CLOEXEC)
                .open(dir)
                .map_err(|e| crate::io_error(&format!("open {}", dir.display()), &e))?,
        )
    };
    let seccomp = match spec.linux().as_ref().and_then(|l| l.seccomp().as_ref()) {
        Some(s) => crate::seccomp::compile(s)?,
        None => Vec::new(),
    };
    let (flags, join) = init::namespaces(&spec);
    // Namespaces joined by path are entered here, before the clone, so that the new ones are
    // made inside them (and a joined network namespace stays ours to enter before a new user
    // namespace takes our rights on it). The user namespace first; the mount namespace is
    // entered by the child, as this process still needs the host's files.
    let mut join_mount = None;
    let mut joined = join;
    joined.sort_by_key(|(t, _)| *t != LinuxNamespaceType::User);
    for (t, p) in joined {
        let f = File::open(&p).with_context(|| format!("open namespace {}", p.display()))?;
        if t == LinuxNamespaceType::Mount {
            join_mount = Some(f);
            continue;
        }
        let flag = nix::sched::CloneFlags::from_bits_truncate(init::clone_flag(t));
        nix::sched::setns(f, flag)
            .with_context(|| format!("join {t:?} namespace {}", p.display()))?;
    }
    let no_linux = oci_spec::runtime::Linux::default();
    let linux = spec.linux().as_ref().unwrap_or(&no_linux);
    let (mut parent_sock, child_sock) = sync::pair()?;
    let new_user = flags & libc::CLONE_NEWUSER != 0;
    let init_args = Init {
        spec: &spec,
        rootfs: rootfs.clone(),
        new_user,
        new_mount: flags & libc::CLONE_NEWNS != 0 || join_mount.is_some(),
        new_uts: flags & libc::CLONE_NEWUTS != 0
            || linux
                .namespaces()
                .iter()
                .flatten()
                .any(|n| n.typ() == LinuxNamespaceType::Uts),
        new_net: flags & libc::CLONE_NEWNET != 0,
        join_mount,
        fifo,
        console,
        preserve_fds: o.preserve_fds,
        seccomp,
        state_lock,
        signal_mask: o.signal_mask,
    };
    let pid = match crate::sys::clone::fork_into(flags).context("clone the container's init")? {
        None => {
            drop(parent_sock);
            init::run(init_args, child_sock)
        }
        Some(pid) => pid,
    };
    drop(child_sock);
    drop(init_args);
    crate::log::debug(&format!(
        "container {}: init is pid {pid}, clone flags {flags:#x}",
        o.id
    ));
    let fail = |e: anyhow::Error| -> anyhow::Error {
        let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::SIGKILL);
        let _ = nix::sys::wait::waitpid(nix::unistd::Pid::from_raw(pid), None);
        e
    };
    let start_time = state::start_time(pid).map(|s| s.0).unwrap_or(0);
    let mut saved = Saved {
        id: o.id.to_string(),
        pid,
        start_time,
        bundle: bundle.to_path_buf(),
        rootfs,
        created: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        annotations: spec.annotations().clone().unwrap_or_default(),
        cgroup: None,
        own_pidns: flags & libc::CLONE_NEWPID != 0,
        paused: false,
    };
    if new_user {
        write_id_maps(pid, linux).map_err(fail)?;
        sync::send(&mut parent_sock, sync::MAPPED, "").map_err(fail)?;
    }
    if let Some(adj) = spec.process().as_ref().and_then(|p| p.oom_score_adj()) {
        std::fs::write(format!("/proc/{pid}/oom_score_adj"), adj.to_string())
            .context("set oom_score_adj")
            .map_err(fail)?;
    }
    saved.cgroup = crate::cgroup::apply(pid, o.id, linux).map_err(fail)?;
    let hooks = spec.hooks().clone().unwrap_or_default();
    loop {
        match sync::recv(&mut parent_sock).map_err(fail)? {
            Some((sync::HOOKS, _)) => {
                let st = crate::hooks_state(&saved, "creating");
                for h in [hooks.prestart(), hooks.create_runtime()]
                    .into_iter()
                    .flatten()
                {
                    crate::hooks::run(h, &st)
                        .context("createRuntime hook")
                        .map_err(fail)?;
                }
                sync::send(&mut parent_sock, sync::HOOKS, &st).map_err(fail)?;
            }
            Some((sync::READY, _)) if !o.start => break,
            // With `run`, wait for the exec (the socket closes) or a last error.
            Some((sync::READY, _)) => continue,
            Some((sync::ERROR, msg)) => {
                return Err(fail(anyhow!("unable to start container process: {msg}")))
            }
            Some((k, _)) => return Err(fail(anyhow!("sync: unexpected message {:?}", k as char))),
            None if o.start => break,
            None => {
                return Err(fail(anyhow!(
                    "unable to start container process: the container's init exited during set-up"
                )))
            }
        }
    }
    Ok(saved)
}

fn map_text(m: &[LinuxIdMapping]) -> String {
    m.iter()
        .map(|m| format!("{} {} {}\n", m.container_id(), m.host_id(), m.size()))
        .collect()
}

/// Writes the id maps of the child's new user namespace: directly where we may (root of our
/// own namespace, or a single mapping of our own ids), else through newuidmap/newgidmap.
fn write_id_maps(pid: i32, linux: &oci_spec::runtime::Linux) -> Result<()> {
    let uids = linux.uid_mappings().clone().unwrap_or_default();
    let gids = linux.gid_mappings().clone().unwrap_or_default();
    if uids.is_empty() {
        // No mappings: map our own ids to root, as runc's rootless default.
        let uid = nix::unistd::geteuid().as_raw();
        let gid = nix::unistd::getegid().as_raw();
        let _ = std::fs::write(format!("/proc/{pid}/setgroups"), "deny");
        std::fs::write(format!("/proc/{pid}/uid_map"), format!("0 {uid} 1\n"))
            .context("write uid_map")?;
        std::fs::write(format!("/proc/{pid}/gid_map"), format!("0 {gid} 1\n"))
            .context("write gid_map")?;
        return Ok(());
    }
    let write = |file: &str, m: &[LinuxIdMapping], tool: &str| -> Result<()> {
        let p = format!("/proc/{pid}/{file}");
        match std::fs::write(&p, map_text(m)) {
            Ok(()) => Ok(()),
            Err(e)
                if e.kind() == std::io::ErrorKind::PermissionDenied
                    || e.raw_os_error() == Some(libc::EPERM) =>
            {
                let mut cmd = std::process::Command::new(tool);
                cmd.arg(pid.to_string());
                for x in m {
                    cmd.args([
                        x.container_id().to_string(),
                        x.host_id().to_string(),
                        x.size().to_string(),
                    ]);
                }
                let out = cmd.output().map_err(|e2| {
                    crate::io_error(
                        &format!("write {p}: {}; and run {tool}", crate::errno_text(&e)),
                        &e2,
                    )
                })?;
                if !out.status.success() {
                    bail!(
                        "write {p}: {}; {tool} failed: {}",
                        crate::errno_text(&e),
                        String::from_utf8_lossy(&out.stderr).trim()
                    );
                }
                Ok(())
            }
            Err(e) => Err(e).with_context(|| format!("write {p}")),
        }
    };
    write("uid_map", &uids, "newuidmap")?;
    if let Err(e) = write("gid_map", &gids, "newgidmap") {
        // Unprivileged, a single gid mapping needs setgroups denied first.
        let _ = std::fs::write(format!("/proc/{pid}/setgroups"), "deny");
        write("gid_map", &gids, "newgidmap").map_err(|e2| e2.context(e))?;
    }
    Ok(())
}
