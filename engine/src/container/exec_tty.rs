//! `exec -t`: the runtime makes the pty inside the container and hands its master over a
//! console socket (only when it detaches, so a short-lived `hutch-conmon --exec-reaper` is the
//! process's parent and reports its exit code); the session copies between the pty and the
//! caller's streams.

use super::exec::{io_err, unique_name, Control, ExecEnd, ExecError, ExecIo, ExecSpec, OnStart};
use super::runtime::{runtime_message, CliRuntime, ExecCommand, OciRuntime};
use super::{attach, ContainerError, Dirs};
use hutch_state::Container;
use std::io::{BufRead, Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::path::Path;
use std::process::{Child, Stdio};

/// The runtime's error when it exited without handing over a terminal.
fn runtime_failed(child: &mut Child) -> ExecError {
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut err);
    }
    let _ = child.wait();
    ExecError::Runtime {
        container: None,
        message: runtime_message(err.as_bytes()),
    }
}

/// The exec reaper's next report line (`started PID`, `exited CODE`), waiting at most
/// `timeout_ms` (-1: forever); None when it ended without one or the time passed.
fn reaper_line(
    out: &mut std::io::BufReader<std::process::ChildStdout>,
    timeout_ms: i32,
) -> Option<String> {
    if out.buffer().is_empty() {
        let ready = hutch_sys::client::poll(&[out.get_ref().as_fd()], timeout_ms).ok()?;
        if !ready[0].readable && !ready[0].hangup {
            return None;
        }
    }
    let mut line = String::new();
    match out.read_line(&mut line) {
        Ok(n) if n > 0 => Some(line.trim_end().to_string()),
        _ => None,
    }
}

/// Reaps the exec reaper once it is done, off the caller's path.
fn reap_later(mut child: Child) {
    let _ = std::thread::Builder::new()
        .name("exec-reaper-wait".into())
        .spawn(move || {
            let _ = child.wait();
        });
}

/// `exec -t`: the runtime makes the pty inside the container and hands us its master over a
/// console socket; we copy between it and the caller's streams and return the exit code.
/// runc hands over a console only when it detaches, leaving the process to the nearest child
/// subreaper: that is a short-lived `hutch-conmon --exec-reaper` of ours, which reports the
/// exit code, so this process (maybe a service with other operations' children) never reaps
/// anything but its own children.
#[allow(clippy::too_many_arguments)]
pub(super) fn exec_tty(
    runtime: &CliRuntime,
    c: &Container,
    dirs: &Dirs,
    pfile: &Path,
    spec: &ExecSpec,
    keys: &[u8],
    io: &mut ExecIo<'_>,
    on_start: OnStart<'_>,
) -> Result<ExecEnd, ExecError> {
    let conmon = super::monitor::find_conmon()
        .ok_or_else(|| ContainerError::NoConmon { id: c.id.clone() })?;
    let name = unique_name("sock");
    let mut sock_path = dirs.run.join(&name);
    if sock_path.as_os_str().len() > 100 {
        // A socket address holds 107 bytes; deep runroots use /tmp for this short-lived one.
        sock_path =
            std::env::temp_dir().join(format!("hutch-{}-{name}", hutch_sys::process::getuid()));
    }
    let listener = hutch_sys::sock::stream_listen(&sock_path).map_err(io_err(&sock_path))?;
    let pid_file = dirs.run.join(unique_name("pid"));
    let cleanup = |p: &Path| {
        let _ = std::fs::remove_file(p);
    };
    let rt = runtime.exec(
        &c.id,
        pfile,
        &ExecCommand {
            tty: true,
            detach: true,
            pid_file: Some(pid_file.clone()),
            console_socket: Some(sock_path.clone()),
            log: None,
            preserve_fds: spec.preserve_fds,
        },
    );
    let mut reaper = std::process::Command::new(&conmon);
    reaper.arg("--exec-reaper").arg("--pid-file").arg(&pid_file);
    if spec.detach {
        reaper.arg("--no-wait");
    }
    reaper.arg("--").arg(rt.get_program()).args(rt.get_args());
    if spec.preserve_fds > 0 {
        // The reaper runs the runtime with what it inherits: the preserved descriptors pass
        // through it.
        hutch_sys::child::inherit_in_child(
            &mut reaper,
            (0..spec.preserve_fds as i32).map(|i| 3 + i).collect(),
        );
    }
    let mut child = match reaper
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => {
            cleanup(&sock_path);
            return Err(ContainerError::RuntimeSpawn {
                id: c.id.clone(),
                runtime: conmon.display().to_string(),
                source: e,
            }
            .into());
        }
    };
    let conn = accept_console(&listener, &mut child);
    cleanup(&sock_path);
    let conn = match conn {
        Ok(Some(conn)) => conn,
        Ok(None) => return Err(runtime_failed(&mut child)),
        Err(e) => {
            let _ = child.kill();
            reap_later(child);
            return Err(e.into());
        }
    };
    let master = hutch_sys::client::poll(&[conn.as_fd()], -1)
        .and_then(|_| hutch_sys::sock::recv_fd(conn.as_fd()));
    let mut out = std::io::BufReader::new(child.stdout.take().expect("piped"));
    let started = reaper_line(&mut out, -1);
    cleanup(&pid_file);
    let pid: i32 = match started.as_deref().and_then(|l| l.strip_prefix("started ")) {
        Some(p) => p.parse().unwrap_or(0),
        None => return Err(runtime_failed(&mut child)),
    };
    let master = match master {
        Ok(m) => m,
        Err(e) => {
            reap_later(child);
            return Err(io_err("exec console socket")(e).into());
        }
    };
    if spec.detach {
        let _ = child.wait();
        return Ok(ExecEnd::Started);
    }
    on_start(pid, Some(master.as_fd()));
    let proxied = proxy_pty(master, pid, spec.interactive, keys, io);
    match proxied {
        Ok(false) => {}
        Ok(true) => {
            reap_later(child);
            return Ok(ExecEnd::Detached);
        }
        Err(e) => {
            reap_later(child);
            return Err(e.into());
        }
    }
    // The terminal closed: the process is gone or about to be; the reaper reports its code.
    let exited = reaper_line(&mut out, 30_000);
    match exited.as_deref().and_then(|l| l.strip_prefix("exited ")) {
        Some(code) => {
            let _ = child.wait();
            Ok(ExecEnd::Exited(code.parse().unwrap_or(-1)))
        }
        None => {
            reap_later(child);
            Err(ExecError::NoExit {
                id: c.id.clone(),
                pid,
            })
        }
    }
}

/// The runtime's connection to the console socket, or None when it exited first.
fn accept_console(
    listener: &OwnedFd,
    child: &mut Child,
) -> Result<Option<OwnedFd>, ContainerError> {
    let err = io_err("exec console socket");
    loop {
        let ready = match hutch_sys::client::poll(&[listener.as_fd()], 100) {
            Ok(r) => r,
            Err(e) => return Err(err(e)),
        };
        if ready[0].readable {
            match hutch_sys::sock::accept(listener.as_fd()) {
                Ok(Some(c)) => return Ok(Some(c)),
                Ok(None) => {}
                Err(e) => return Err(err(e)),
            }
        }
        match child.try_wait() {
            Ok(Some(_)) => return Ok(None),
            Ok(None) => {}
            Err(e) => return Err(err(e)),
        }
    }
}

/// Copies between the caller's streams and a pty master until the process behind it closes
/// it, or the detach keys are typed (then returns true). Resize requests resize the pty,
/// signal requests go to the process `pid`.
fn proxy_pty(
    master: OwnedFd,
    pid: i32,
    stdin: bool,
    detach_keys: &[u8],
    io: &mut ExecIo<'_>,
) -> Result<bool, ContainerError> {
    let ioerr = |what: &str| io_err(format!("exec {what}"));
    let mut master = std::fs::File::from(master);
    if let Some(control) = io.control.as_mut() {
        control.begin(true).map_err(ioerr("control"))?;
    }
    if let Some((r, c)) = io.size {
        let _ = hutch_sys::pty::set_winsize(master.as_fd(), r, c);
    }
    let mut out = std::fs::File::from(io.stdout.try_clone_to_owned().map_err(ioerr("stdout"))?);
    let stdin_fd = io.stdin.filter(|_| stdin);
    let mut stdin_open = stdin_fd.is_some();
    let mut detach = attach::DetachMatcher::new(detach_keys);
    let mut buf = vec![0u8; 32 * 1024];
    let mut control_open = io.control.is_some();
    loop {
        let ready = attach::wait_session(
            master.as_fd(),
            io.control.as_deref().filter(|_| control_open),
            stdin_fd.filter(|_| stdin_open),
        )
        .map_err(ioerr("poll"))?;
        if let Some(control) = io.control.as_mut().filter(|_| ready.control) {
            for req in control.read().map_err(ioerr("control"))? {
                match req {
                    Control::Resize { rows, cols } => {
                        let _ = hutch_sys::pty::set_winsize(master.as_fd(), rows, cols);
                    }
                    Control::Signal(s) => {
                        let _ = hutch_sys::process::signal(pid, s);
                    }
                    Control::Gone => {
                        // Nobody reads the terminal any more: end the process, as Docker does.
                        control_open = false;
                        let _ = hutch_sys::process::kill(pid);
                    }
                }
            }
        }
        if ready.process {
            match master.read(&mut buf) {
                Ok(0) | Err(_) => return Ok(false),
                Ok(n) => {
                    let _ = out.write_all(&buf[..n]).and_then(|()| out.flush());
                }
            }
        }
        let Some(fd) = stdin_fd.filter(|_| ready.stdin) else {
            continue;
        };
        let n = hutch_sys::client::read_fd(fd, &mut buf).unwrap_or(0);
        if n == 0 {
            // End of input: send the terminal's EOF character, as a typed ^D would.
            stdin_open = false;
            let _ = master.write_all(&[4]);
            continue;
        }
        let mut send = Vec::with_capacity(n);
        if detach.feed(&buf[..n], &mut send) {
            let _ = master.write_all(&send);
            return Ok(true);
        }
        master.write_all(&send).map_err(ioerr("terminal"))?;
    }
}
