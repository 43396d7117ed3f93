//! The last steps before a container process runs its program, shared by a container's init and
//! by `exec`: terminal, rlimits, working directory, the executable's lookup (with runc's error
//! texts, which hutch and podman turn into exit codes 127 and 126), user and groups,
//! capabilities, no_new_privs, seccomp, and the exec itself with only stdio (and preserved
//! descriptors) left open.

use anyhow::{anyhow, bail, Context, Result};
use nix::unistd::{Gid, Uid};
use oci_spec::runtime::{LinuxCapabilities, Process};
use std::ffi::CString;
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};

/// The value of `name` in an environment list.
pub fn env_value<'a>(env: &'a [String], name: &str) -> Option<&'a str> {
    env.iter()
        .rev()
        .find_map(|e| e.strip_prefix(name)?.strip_prefix('='))
}

fn is_executable(p: &Path) -> std::io::Result<bool> {
    let m = std::fs::metadata(p)?;
    Ok(!m.is_dir() && m.permissions().mode() & 0o111 != 0)
}

/// Finds `arg0` as runc's init does (Go's LookPath with the process's PATH), in the current root.
pub fn lookup(arg0: &str, env: &[String]) -> Result<PathBuf> {
    if arg0.is_empty() {
        bail!("exec: \"\": executable file not found in $PATH");
    }
    if arg0.contains('/') {
        let p = Path::new(arg0);
        return match is_executable(p) {
            Ok(true) => Ok(p.to_path_buf()),
            Ok(false) => bail!("exec: \"{arg0}\": permission denied"),
            Err(e) => bail!("exec: \"{arg0}\": stat {arg0}: {}", crate::errno_text(&e)),
        };
    }
    let path = env_value(env, "PATH").unwrap_or("");
    for dir in path.split(':') {
        let dir = if dir.is_empty() { "." } else { dir };
        let p = Path::new(dir).join(arg0);
        if let Ok(true) = is_executable(&p) {
            return Ok(p);
        }
    }
    bail!("exec: \"{arg0}\": executable file not found in $PATH")
}

pub fn set_rlimits(process: &Process) -> Result<()> {
    for r in process.rlimits().iter().flatten() {
        let name = serde_json::to_value(r.typ())?
            .as_str()
            .unwrap_or_default()
            .to_string();
        let res = resource(&name).ok_or_else(|| anyhow!("unknown rlimit {name}"))?;
        nix::sys::resource::setrlimit(res, r.soft(), r.hard())
            .with_context(|| format!("setrlimit {name}"))?;
    }
    Ok(())
}

fn resource(name: &str) -> Option<nix::sys::resource::Resource> {
    use nix::sys::resource::Resource as R;
    Some(match name {
        "RLIMIT_AS" => R::RLIMIT_AS,
        "RLIMIT_CORE" => R::RLIMIT_CORE,
        "RLIMIT_CPU" => R::RLIMIT_CPU,
        "RLIMIT_DATA" => R::RLIMIT_DATA,
        "RLIMIT_FSIZE" => R::RLIMIT_FSIZE,
        "RLIMIT_LOCKS" => R::RLIMIT_LOCKS,
        "RLIMIT_MEMLOCK" => R::RLIMIT_MEMLOCK,
        "RLIMIT_MSGQUEUE" => R::RLIMIT_MSGQUEUE,
        "RLIMIT_NICE" => R::RLIMIT_NICE,
        "RLIMIT_NOFILE" => R::RLIMIT_NOFILE,
        "RLIMIT_NPROC" => R::RLIMIT_NPROC,
        "RLIMIT_RSS" => R::RLIMIT_RSS,
        "RLIMIT_RTPRIO" => R::RLIMIT_RTPRIO,
        "RLIMIT_RTTIME" => R::RLIMIT_RTTIME,
        "RLIMIT_SIGPENDING" => R::RLIMIT_SIGPENDING,
        "RLIMIT_STACK" => R::RLIMIT_STACK,
        _ => return None,
    })
}

/// Opens a pty in the current root's /dev/pts, hands its master to the console socket, and
/// makes the slave this process's controlling terminal and stdio.
pub fn setup_terminal(console: UnixStream, process: &Process, bind_console: bool) -> Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let open = |p: &Path| {
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(libc::O_NOCTTY)
            .open(p)
            .map(OwnedFd::from)
            .with_context(|| format!("open {}", p.display()))
    };
    let master = open(Path::new("/dev/ptmx"))?;
    crate::sys::tty::unlock(master.as_fd()).context("unlock the pty")?;
    let n = crate::sys::tty::pty_number(master.as_fd()).context("find the pty's number")?;
    let slave_path = PathBuf::from(format!("/dev/pts/{n}"));
    let slave = open(&slave_path)?;
    if let Some(b) = process.console_size() {
        hutch_sys::pty::set_winsize(slave.as_fd(), b.height() as u16, b.width() as u16)
            .context("set the terminal size")?;
    }
    if bind_console {
        crate::rootfs::bind_console(&slave_path)?;
    }
    hutch_sys::sock::send_fd(console.as_fd(), master.as_fd())
        .context("send the pty master to the console socket")?;
    drop(console);
    drop(master);
    nix::unistd::setsid().context("setsid")?;
    crate::sys::tty::set_controlling(slave.as_fd())
        .context("make the pty the controlling terminal")?;
    for fd in 0..3 {
        nix::unistd::dup2(std::os::fd::AsRawFd::as_raw_fd(&slave), fd).context("dup2 the pty")?;
    }
    Ok(())
}

fn cap_set(names: Option<&oci_spec::runtime::Capabilities>) -> Result<caps::CapsHashSet> {
    let mut out = caps::CapsHashSet::new();
    for c in names.into_iter().flatten() {
        let name = format!("CAP_{c}");
        match name.parse::<caps::Capability>() {
            Ok(cap) => {
                out.insert(cap);
            }
            Err(_) => crate::log::warn(&format!("unknown capability {name} ignored")),
        }
    }
    Ok(out)
}

/// Drops from the bounding set every capability the kernel has but `keep`, by number up to the
/// first the kernel does not know: one system call per capability dropped, none to read the
/// set first (dropping one that is not there succeeds), and capabilities newer than the caps
/// crate's list go too.
fn drop_bounding(keep: &caps::CapsHashSet) -> Result<()> {
    let kept: u64 = keep.iter().fold(0, |m, c| m | 1 << c.index());
    for cap in 0..64u32 {
        if kept & (1 << cap) != 0 {
            continue;
        }
        match crate::sys::caps::bounding_drop(cap) {
            Ok(()) => {}
            Err(e) if e.raw_os_error() == Some(libc::EINVAL) => break,
            Err(e) => bail!(
                "drop capability {cap} from the bounding set: {}",
                crate::errno_text(&e)
            ),
        }
    }
    Ok(())
}

/// Drops what the process must not have, becomes its user, and applies the capability sets,
/// no_new_privs and seccomp, in runc's order (seccomp before the capabilities go when it can
/// be loaded only with CAP_SYS_ADMIN, else last).
pub fn finalize(process: &Process, seccomp: &[seccompiler::BpfProgram]) -> Result<()> {
    let nnp = process.no_new_privileges().unwrap_or(false);
    if !nnp {
        for f in seccomp {
            crate::sys::seccomp::load(f).context("load the seccomp filter")?;
        }
    }
    let caps: Option<&LinuxCapabilities> = process.capabilities().as_ref();
    if let Some(c) = caps {
        drop_bounding(&cap_set(c.bounding().as_ref())?)?;
    }
    let user = process.user();
    if let Some(m) = user.umask() {
        nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(m));
    } else {
        nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(0o022));
    }
    let groups: Vec<Gid> = user
        .additional_gids()
        .iter()
        .flatten()
        .map(|g| Gid::from_raw(*g))
        .collect();
    if let Err(e) = nix::unistd::setgroups(&groups) {
        // Where setgroups is denied (a user namespace mapped without newgidmap), only an empty
        // list can stand.
        if !groups.is_empty() {
            bail!(
                "setgroups {:?}: {}",
                user.additional_gids(),
                crate::errtext::errno(e)
            );
        }
    }
    let (uid, gid) = (Uid::from_raw(user.uid()), Gid::from_raw(user.gid()));
    nix::unistd::setresgid(gid, gid, gid).with_context(|| format!("setgid {gid}"))?;
    nix::sys::prctl::set_keepcaps(true).context("keep capabilities")?;
    nix::unistd::setresuid(uid, uid, uid).with_context(|| format!("setuid {uid}"))?;
    nix::sys::prctl::set_keepcaps(false).context("keep capabilities")?;
    if let Some(c) = caps {
        let eff = cap_set(c.effective().as_ref())?;
        let perm = cap_set(c.permitted().as_ref())?;
        let inh = cap_set(c.inheritable().as_ref())?;
        let amb = cap_set(c.ambient().as_ref())?;
        // Effective must stay within permitted at each step: shrink it first.
        caps::set(None, caps::CapSet::Effective, &eff)
            .map_err(|e| anyhow!("set effective capabilities: {e}"))?;
        caps::set(None, caps::CapSet::Inheritable, &inh)
            .map_err(|e| anyhow!("set inheritable capabilities: {e}"))?;
        caps::set(None, caps::CapSet::Permitted, &perm)
            .map_err(|e| anyhow!("set permitted capabilities: {e}"))?;
        if !amb.is_empty() {
            caps::set(None, caps::CapSet::Ambient, &amb)
                .map_err(|e| anyhow!("set ambient capabilities: {e}"))?;
        }
    }
    if nnp {
        nix::sys::prctl::set_no_new_privs().context("set no_new_privs")?;
        for f in seccomp {
            crate::sys::seccomp::load(f).context("load the seccomp filter")?;
        }
    }
    Ok(())
}

fn cstrings(v: &[String]) -> Result<Vec<CString>> {
    v.iter()
        .map(|s| CString::new(s.as_str()).map_err(|_| anyhow!("{s:?} contains a NUL byte")))
        .collect()
}

/// Closes (on exec) everything but stdio and the `preserve` descriptors after them, and runs
/// the program; returns only on failure.
pub fn exec(path: &Path, process: &Process, preserve: u32) -> anyhow::Error {
    let run = || -> Result<std::convert::Infallible> {
        crate::sys::fd::cloexec_from(3 + preserve).context("close inherited descriptors")?;
        crate::sys::signals::default_sigpipe().context("reset SIGPIPE")?;
        let args = cstrings(process.args().as_deref().unwrap_or(&[]))?;
        let env = cstrings(process.env().as_deref().unwrap_or(&[]))?;
        let p = CString::new(path.as_os_str().as_encoded_bytes())?;
        let e = nix::unistd::execve(&p, &args, &env).unwrap_err();
        let arg0 = process
            .args()
            .iter()
            .flatten()
            .next()
            .cloned()
            .unwrap_or_default();
        let io = std::io::Error::from(e);
        if e == nix::errno::Errno::EACCES {
            bail!("exec: \"{arg0}\": permission denied")
        }
        bail!("exec: \"{arg0}\": {}", crate::errno_text(&io))
    };
    match run() {
        Ok(never) => match never {},
        Err(e) => e,
    }
}
