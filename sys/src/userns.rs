//! The raw half of the rootless user namespace: forking the pause process that holds a user and
//! a mount namespace, writing single-id maps, and joining a namespace with setns. Which ids to
//! map and where the pid is kept is the engine's business.
#![allow(unsafe_code)]

use crate::{Result, SysError};
use nix::sched::CloneFlags;
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::os::unix::fs::MetadataExt;

/// The name the pause process gives itself (`/proc/PID/comm`), which is how hutch recognises it.
pub const PAUSE_COMM: &str = "hutch-pause";

// What the pause process reports on its status pipe: a stage, an errno (0 = success) and its pid.
const STAGE_USERNS: i32 = 1;
const STAGE_MOUNTNS: i32 = 2;
const STAGE_READY: i32 = 3;

/// The pause process's command line (`ps` shows it), whatever command created it.
pub const HOLDER_TITLE: &str = "hutch: user namespace holder";
/// Tells the re-executed binary it is the holder, and on which fd to report ready.
const HOLDER_ENV: &str = "HUTCH_USERNS_HOLDER_FD";

/// A pause process that has unshared its user namespace and waits for its id maps to be written
/// (with `newuidmap`, `newgidmap` or `write_single_mapping`). `finish` lets it go on to set up
/// its mount namespace; dropping it unfinished makes it exit.
#[derive(Debug)]
pub struct PauseChild {
    pid: i32,
    to_child: Option<File>,
    from_child: File,
}

/// Forks the pause process: a grandchild in its own session (so it is not this process's child
/// and no terminal signal reaches it) that unshares its user namespace and reports its pid.
///
/// The caller MUST be single-threaded: the forked children run only raw syscalls and never
/// allocate, but another thread holding a lock (malloc's, stdio's) at fork time could still
/// leave state the children would trip over, and the user namespace join that follows needs a
/// single-threaded process anyway.
/// With `exec_holder`, the pause process re-executes this binary (`/proc/self/exe`) as
/// [`HOLDER_TITLE`] once its namespaces are made, so that `ps` names it rather than showing the
/// command that created it; the binary's `main` must then call [`run_holder_if_asked`] first.
pub fn spawn_pause(exec_holder: bool) -> Result<PauseChild> {
    let (to_child_r, to_child_w) =
        nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(|e| SysError::op("pipe", e))?;
    let (from_child_r, from_child_w) =
        nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(|e| SysError::op("pipe", e))?;
    // Made before the fork: the child may not allocate.
    let env = std::ffi::CString::new(format!("{HOLDER_ENV}={}", from_child_w.as_raw_fd()))
        .expect("no NUL in a number");
    let title = std::ffi::CString::new(HOLDER_TITLE).expect("no NUL in the title");
    // The holder keeps this process's environment (as a forked pause process would), plus the
    // report fd: tools find a user's processes by their environment.
    let mut environ: Vec<std::ffi::CString> = std::env::vars_os()
        .filter(|(k, _)| k != HOLDER_ENV)
        .filter_map(|(k, v)| {
            use std::os::unix::ffi::OsStrExt;
            let mut kv = k.as_bytes().to_vec();
            kv.push(b'=');
            kv.extend_from_slice(v.as_bytes());
            std::ffi::CString::new(kv).ok()
        })
        .collect();
    environ.push(env);
    let mut envp: Vec<*const libc::c_char> = environ.iter().map(|e| e.as_ptr()).collect();
    envp.push(std::ptr::null());
    let fds = ChildFds {
        to_child_r: to_child_r.as_raw_fd(),
        to_child_w: to_child_w.as_raw_fd(),
        from_child_r: from_child_r.as_raw_fd(),
        from_child_w: from_child_w.as_raw_fd(),
        holder: exec_holder.then(|| (title.as_ptr(), envp.as_ptr())),
    };
    // SAFETY: the caller guarantees this process is single-threaded (documented above, asserted
    // by the engine), and the child only runs `intermediate`, which makes raw syscalls, never
    // allocates, never returns and never unwinds.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(SysError::op("fork", std::io::Error::last_os_error()));
    }
    if pid == 0 {
        // SAFETY: we are the freshly forked child; see `intermediate`.
        unsafe { intermediate(fds) }
    }
    drop(to_child_r);
    drop(from_child_w);
    // The intermediate child exits right after forking the pause process: reap it.
    while let Err(nix::errno::Errno::EINTR) =
        nix::sys::wait::waitpid(nix::unistd::Pid::from_raw(pid), None)
    {}
    let mut from_child = File::from(from_child_r);
    let to_child = Some(File::from(to_child_w));
    let (stage, errno, child_pid) = read_status(&mut from_child)?;
    if stage != STAGE_USERNS || errno != 0 {
        return Err(child_error(stage, errno));
    }
    Ok(PauseChild {
        pid: child_pid,
        to_child,
        from_child,
    })
}

impl PauseChild {
    pub fn pid(&self) -> i32 {
        self.pid
    }

    /// Tells the pause process its maps are written and waits until it holds its mount
    /// namespace and sleeps.
    pub fn finish(mut self) -> Result<i32> {
        let mut to_child = self.to_child.take().expect("finish is called once");
        to_child
            .write_all(&[1])
            .map_err(|e| SysError::op("signal the pause process", e))?;
        drop(to_child);
        let (stage, errno, _) = read_status(&mut self.from_child)?;
        if stage != STAGE_READY || errno != 0 {
            return Err(child_error(stage, errno));
        }
        Ok(self.pid)
    }
}

impl Drop for PauseChild {
    fn drop(&mut self) {
        if self.to_child.is_some() {
            // Unfinished: closing the pipe already makes it exit; the kill is for certainty.
            let _ = nix::sys::signal::kill(
                nix::unistd::Pid::from_raw(self.pid),
                nix::sys::signal::Signal::SIGKILL,
            );
        }
    }
}

fn read_status(from_child: &mut File) -> Result<(i32, i32, i32)> {
    let mut buf = [0u8; 12];
    match from_child.read_exact(&mut buf) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            return Err(SysError::PauseExited)
        }
        Err(e) => return Err(SysError::op("read from the pause process", e)),
    }
    let word = |i: usize| i32::from_ne_bytes(buf[i * 4..i * 4 + 4].try_into().expect("4 bytes"));
    Ok((word(0), word(1), word(2)))
}

fn child_error(stage: i32, errno: i32) -> SysError {
    let op = match stage {
        STAGE_USERNS => "pause process: unshare the user namespace",
        STAGE_MOUNTNS => "pause process: set up the mount namespace",
        _ => "pause process",
    };
    SysError::op(op, std::io::Error::from_raw_os_error(errno))
}

#[derive(Clone, Copy)]
struct ChildFds {
    to_child_r: RawFd,
    to_child_w: RawFd,
    from_child_r: RawFd,
    from_child_w: RawFd,
    /// argv[0] and the environment (NULL-terminated) for the holder's exec (None: hold in place).
    holder: Option<(*const libc::c_char, *const *const libc::c_char)>,
}

/// The first child: starts a new session and forks the pause process, then exits so the pause
/// process is re-parented away from the CLI.
///
/// # Safety
/// Only to be called in a child just forked from a single-threaded process.
unsafe fn intermediate(fds: ChildFds) -> ! {
    // SAFETY: plain syscalls on values we own; this process is single-threaded and exits below.
    unsafe {
        libc::setsid();
        let pid = libc::fork();
        if pid != 0 {
            libc::_exit(if pid < 0 { 1 } else { 0 });
        }
        pause_main(fds)
    }
}

/// Sends (stage, errno, pid) to the CLI; 12 bytes are written atomically to a pipe.
///
/// # Safety
/// `fd` must be the pipe's write end.
unsafe fn report(fd: RawFd, stage: i32, errno: i32) {
    let mut buf = [0u8; 12];
    buf[..4].copy_from_slice(&stage.to_ne_bytes());
    buf[4..8].copy_from_slice(&errno.to_ne_bytes());
    // SAFETY: getpid has no preconditions; write reads 12 bytes from our stack buffer.
    unsafe {
        buf[8..].copy_from_slice(&libc::getpid().to_ne_bytes());
        libc::write(fd, buf.as_ptr().cast(), buf.len());
    }
}

fn errno() -> i32 {
    // Reading errno allocates nothing.
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EIO)
}

/// The pause process. Raw syscalls only: no allocation, no locks, no unwinding.
///
/// # Safety
/// Only to be called in a child forked from a single-threaded process.
unsafe fn pause_main(fds: ChildFds) -> ! {
    // SAFETY: every call below is a raw syscall on fds we own, pointers to our stack or to
    // 'static C strings; the process is single-threaded and never returns.
    unsafe {
        libc::close(fds.to_child_w);
        libc::close(fds.from_child_r);
        let out = fds.from_child_w;

        if libc::unshare(libc::CLONE_NEWUSER) != 0 {
            report(out, STAGE_USERNS, errno());
            libc::_exit(1);
        }
        report(out, STAGE_USERNS, 0);

        // Wait for the CLI to write our id maps: one byte 1 means go on; EOF means it gave up.
        let mut go = [0u8; 1];
        let n = loop {
            let n = libc::read(fds.to_child_r, go.as_mut_ptr().cast(), 1);
            if n < 0 && errno() == libc::EINTR {
                continue;
            }
            break n;
        };
        if n != 1 || go[0] != 1 {
            libc::_exit(1);
        }

        // A mount namespace owned by the new user namespace. Mounts made in it must not
        // propagate back to the host; host mounts may still propagate in.
        if libc::unshare(libc::CLONE_NEWNS) != 0
            || libc::mount(
                std::ptr::null(),
                c"/".as_ptr(),
                std::ptr::null(),
                libc::MS_REC | libc::MS_SLAVE,
                std::ptr::null(),
            ) != 0
        {
            report(out, STAGE_MOUNTNS, errno());
            libc::_exit(1);
        }

        libc::chdir(c"/".as_ptr());
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDWR);
        if null >= 0 {
            libc::dup2(null, 0);
            libc::dup2(null, 1);
            libc::dup2(null, 2);
            if null > 2 {
                libc::close(null);
            }
        }
        if let Some((title, envp)) = fds.holder {
            // Only the report pipe survives the exec; the holder reports ready from there.
            libc::fcntl(out, libc::F_SETFD, 0);
            let argv = [title, std::ptr::null()];
            libc::execve(c"/proc/self/exe".as_ptr(), argv.as_ptr(), envp);
            // The exec failed: hold the namespaces here, under the creating command's name.
            libc::fcntl(out, libc::F_SETFD, libc::FD_CLOEXEC);
        }
        hold(out)
    }
}

/// Names the process, reports it ready on `out`, closes every other fd and sleeps for good.
///
/// # Safety
/// `out` must be the pause pipe's write end; raw syscalls only, so it may run right after fork.
unsafe fn hold(out: RawFd) -> ! {
    // SAFETY: raw syscalls on our own fds and 'static C strings; never returns.
    unsafe {
        // The name marks us as ready: the engine only trusts a pause process with this comm.
        libc::prctl(libc::PR_SET_NAME, c"hutch-pause".as_ptr(), 0, 0, 0);
        report(out, STAGE_READY, 0);

        // Close every other inherited fd, above all the CLI's lock file: keeping it would hold
        // the lock for as long as we live.
        if libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, 0u32) != 0 {
            for fd in 3..4096 {
                libc::close(fd);
            }
        }
        loop {
            libc::pause();
        }
    }
}

/// In a binary that passes `exec_holder` to [`spawn_pause`]: when this process is the holder
/// it re-executed (its argv[0] is [`HOLDER_TITLE`] and the environment names the report fd),
/// becomes the holder and never returns; otherwise returns at once. Call it first in `main`,
/// before any thread exists.
pub fn run_holder_if_asked() {
    let Some(fd) = std::env::var_os(HOLDER_ENV) else {
        return;
    };
    if std::env::args_os().next().as_deref() != Some(std::ffi::OsStr::new(HOLDER_TITLE)) {
        return;
    }
    let Some(fd) = fd.to_str().and_then(|s| s.parse::<RawFd>().ok()) else {
        return;
    };
    // SAFETY: `fd` is the report pipe `pause_main` kept open across the exec (it named it in
    // the environment); this process is single-threaded, and `hold` never returns.
    unsafe { hold(fd) }
}

/// Maps only the caller's own uid and gid to 0 in `pid`'s user namespace: what an unprivileged
/// process may do without newuidmap/newgidmap. `setgroups` must be denied first.
pub fn write_single_uid_mapping(pid: i32, uid: u32) -> Result<()> {
    write_proc(pid, "uid_map", &format!("0 {uid} 1\n"))
}

/// See `write_single_uid_mapping`; also denies setgroups, which the kernel requires first.
pub fn write_single_gid_mapping(pid: i32, gid: u32) -> Result<()> {
    write_proc(pid, "setgroups", "deny")?;
    write_proc(pid, "gid_map", &format!("0 {gid} 1\n"))
}

fn write_proc(pid: i32, file: &str, content: &str) -> Result<()> {
    let path = crate::procfs::dir(pid).join(file);
    std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .and_then(|mut f| f.write_all(content.as_bytes()))
        .map_err(|e| SysError::path("write", path, e))
}

/// Joins `pid`'s user namespace, then its mount namespace. The process must be single-threaded
/// (the kernel refuses setns(CLONE_NEWUSER) otherwise). The mount namespace join resets the
/// working directory to the namespace's root: the caller restores it.
pub fn join(pid: i32) -> Result<()> {
    // Open both first: once in the new namespaces, /proc paths may resolve differently.
    let open = |ns: &str| {
        let path = crate::procfs::ns_path(pid, ns);
        File::open(&path)
            .map(OwnedFd::from)
            .map_err(|e| SysError::path("open", path, e))
    };
    let user = open("user")?;
    let mnt = open("mnt")?;
    nix::sched::setns(&user, CloneFlags::CLONE_NEWUSER)
        .map_err(|e| SysError::path("setns", crate::procfs::ns_path(pid, "user"), e))?;
    nix::sched::setns(&mnt, CloneFlags::CLONE_NEWNS)
        .map_err(|e| SysError::path("setns", crate::procfs::ns_path(pid, "mnt"), e))?;
    Ok(())
}

/// The number of threads of this process, from /proc/self/status.
pub fn thread_count() -> Result<usize> {
    crate::procfs::status(0)?
        .field("Threads")
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| SysError::Parse {
            path: "/proc/self/status".into(),
            reason: "no Threads line",
        })
}

/// `(dev, inode)` of a process's namespace (`ns` is `user`, `mnt`, ...); `pid` 0 means self.
pub fn ns_id(pid: i32, ns: &str) -> Result<(u64, u64)> {
    let path = crate::procfs::ns_path(pid, ns);
    let md = std::fs::metadata(&path).map_err(|e| SysError::path("stat", path, e))?;
    Ok((md.dev(), md.ino()))
}

/// A live (not exited) process's name (`/proc/PID/comm`) and the uid that owns it.
pub fn proc_comm_and_owner(pid: i32) -> Option<(String, u32)> {
    if pid <= 0 {
        return None;
    }
    let owner = crate::procfs::owner(pid).ok()?;
    let stat = crate::procfs::stat(pid).ok()?;
    // A killed pause process lingers as a zombie until reaped, with its namespaces gone.
    if stat.exited() {
        return None;
    }
    Some((stat.comm, owner))
}
