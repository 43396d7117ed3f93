//! The monitor proper: start-up (stdio, `runtime create`, the pid), then one poll loop that
//! moves the container's output to the log and attach clients, client input to its stdin, and
//! control lines to the pty, until the container's init exits; then the exit record and cleanup.

use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hutch_sys::fd::{self, PollFd, POLLERR, POLLHUP, POLLIN, POLLNVAL, POLLOUT};
use hutch_sys::{pty, sock, subreaper};

use crate::args::{Args, LogDriver};
use crate::attach::{Cleaned, Client, CLOSE_WAIT, EXIT_STREAM, MAX_INPUT, MAX_PACKET};
use crate::forward::Forwarder;
use crate::logfile::{LogFile, Stream};

/// Names inside the socket dir (the monitor's working directory, so that the socket's path stays
/// under the 107-byte limit of unix socket addresses however long the dir's path is).
const ATTACH: &str = "attach";
const CTL: &str = "ctl";
const EXIT: &str = "exit";
const CONMON_PID: &str = "conmon.pid";
/// Written once systemd was told the container runs (after control line `4`).
const NOTIFIED: &str = "notified";

/// Client input that may wait for the container to read its stdin before we stop reading clients.
const STDIN_CAP: usize = 64 * 1024;
/// Runtime output kept to explain a failed create.
const CAPTURE_CAP: usize = 64 * 1024;
/// How long `--hold-output` waits for the first attach client before reading output anyway
/// (the CLI that was to attach may have died).
const HOLD_LIMIT: Duration = Duration::from_secs(10);

/// A start-up failure, reported on the sync fd.
#[derive(Debug)]
pub struct StartError {
    pub msg: String,
    pub code: i32,
}

fn engine_error(what: impl std::fmt::Display, e: impl std::fmt::Display) -> StartError {
    StartError {
        msg: format!("{what}: {e}"),
        code: 125,
    }
}

/// How long a terminal without an open slave is left alone before it is read again.
const TTY_RETRY_MS: i32 = 50;
/// What reading a pty master gives once no slave descriptor is open (Linux's EIO).
const EIO: i32 = 5;

pub struct Monitor {
    args: Box<Args>,
    pid: i32,
    signals: subreaper::ChildSignals,
    /// The stdout pipe, or the pty master with a terminal.
    out: Option<File>,
    err: Option<File>,
    /// The stdin pipe's write end, or a duplicate of the pty master.
    stdin: Option<File>,
    stdin_buf: Vec<u8>,
    /// Close stdin once `stdin_buf` is written.
    stdin_eof: bool,
    master: Option<File>,
    listener: Option<OwnedFd>,
    clients: Vec<Client>,
    ctl: Option<File>,
    ctl_buf: Vec<u8>,
    log: LogFile,
    exit: Option<i32>,
    /// With `--hold-output`: until when output stays unread while no client has attached.
    hold_until: Option<Instant>,
    /// A terminal whose every slave descriptor is closed while the container runs (systemd
    /// reopening /dev/console): when to look at it again.
    tty_retry_at: Option<Instant>,
    /// `buf[0]` is the stream byte of an attach packet, output is read into `buf[1..]`.
    buf: Box<[u8]>,
    /// Published TCP ports (`--port-fd`), while the container runs.
    forward: Option<Forwarder>,
    /// The healthcheck runner (`--health`), while the container runs.
    health: Option<crate::health::Health>,
    /// systemd readiness (`--sdnotify-mode`).
    notify: Option<crate::notify::Notify>,
    /// `--timeout`: when the container is killed if it still runs.
    kill_at: Option<Instant>,
}

/// Writes `contents` to `dir/name` through a temporary file and a rename, so readers never see
/// it half-written.
pub(crate) fn write_atomic(dir: &Path, name: &str, contents: &[u8]) -> io::Result<()> {
    let tmp = dir.join(format!(".{name}.tmp"));
    let mut f = File::create(&tmp)?;
    f.write_all(contents)?;
    drop(f);
    std::fs::rename(&tmp, dir.join(name))
}

/// A private directory for the console socket: `--console-socket` takes a path, and ours must stay
/// short (runtimes resolve it to an absolute path, so the chdir trick does not help).
fn console_dir(cid: &str) -> io::Result<PathBuf> {
    let base = std::env::temp_dir();
    let short: String = cid.chars().take(12).collect();
    let dir = base.join(format!("hutch-conmon-{}-{short}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::DirBuilder::new()
        .mode(0o700)
        .create(&dir)
        .map(|()| dir)
}

use std::os::unix::fs::DirBuilderExt;

/// `ports`: the listening sockets of `--port-fd`, with where their connections go.
pub fn start(
    mut args: Box<Args>,
    ports: Vec<(OwnedFd, std::net::SocketAddr)>,
) -> Result<Monitor, StartError> {
    // Everything is relative to the socket dir after the chdir below.
    for p in [
        &mut args.bundle,
        &mut args.container_pidfile,
        &mut args.socket_dir,
    ] {
        *p = std::path::absolute(&*p).map_err(|e| engine_error(p.display(), e))?;
    }
    if let Some(p) = args.log_path.as_mut() {
        *p = std::path::absolute(&*p).map_err(|e| engine_error(p.display(), e))?;
    }
    subreaper::become_subreaper().map_err(|e| engine_error("become a child subreaper", e))?;
    // Blocked before anything is spawned, so no SIGCHLD can be missed.
    let mut signals = subreaper::ChildSignals::new()
        .map_err(|e| engine_error("set up the SIGCHLD signalfd", e))?;

    let dir = args.socket_dir.clone();
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
        .map_err(|e| engine_error(format!("create socket dir {}", dir.display()), e))?;
    std::env::set_current_dir(&dir)
        .map_err(|e| engine_error(format!("enter socket dir {}", dir.display()), e))?;
    write_atomic(
        &dir,
        CONMON_PID,
        format!("{}\n", std::process::id()).as_bytes(),
    )
    .map_err(|e| engine_error(format!("write {}", dir.join(CONMON_PID).display()), e))?;

    let log = match args.log_driver {
        LogDriver::K8sFile => {
            let path = args.log_path.clone().unwrap_or_default();
            LogFile::open(path.clone(), args.log_size_max)
                .map_err(|e| engine_error(format!("open log {}", path.display()), e))?
        }
        LogDriver::None | LogDriver::Passthrough => LogFile::discard(),
    };
    let listener =
        if args.log_driver == LogDriver::Passthrough {
            None
        } else {
            Some(sock::seqpacket_listen(Path::new(ATTACH)).map_err(|e| {
                engine_error(format!("listen on {}", dir.join(ATTACH).display()), e)
            })?)
        };
    let ctl = fd::open_fifo(Path::new(CTL), 0o600)
        .map_err(|e| engine_error(format!("create {}", dir.join(CTL).display()), e))?;

    let notify = match args.sdnotify_mode {
        Some(mode) => Some(
            crate::notify::Notify::new(mode, args.sdnotify_socket.as_ref())
                .map_err(|e| engine_error("systemd notification", e))?,
        ),
        None => None,
    };

    // Connections to the container are dialed from inside its network namespace. There is no
    // way back (the host's namespace is not our user namespace's), and none is needed: the
    // listening sockets stay in the host's, and the runtime and the exit command work by path
    // and pid. Entered before the runtime runs, so a failure is reported before anything exists.
    let forward = match (&args.netns, ports.is_empty()) {
        (Some(ns), false) => {
            hutch_sys::netns::enter(ns).map_err(|e| engine_error("published ports", e))?;
            Some(Forwarder::new(ports).map_err(|e| engine_error("published ports", e))?)
        }
        _ => None,
    };

    // Wire the runtime's stdio: the container inherits it (except with a terminal, where the
    // runtime's own output is all we capture).
    let mut console = None;
    let (mut out, mut err, mut stdin) = (None, None, None);
    let mut capture: Vec<File> = Vec::new();
    let mut cmd;
    if args.log_driver == LogDriver::Passthrough {
        cmd = crate::runtime::create_command(&args, None);
        cmd.stdin(Stdio::inherit())
            .stdout(Stdio::inherit())
            .stderr(Stdio::inherit());
    } else if args.terminal {
        let cdir = console_dir(&args.cid).map_err(|e| engine_error("create console dir", e))?;
        let path = cdir.join("console.sock");
        let l = sock::stream_listen(&path)
            .map_err(|e| engine_error(format!("listen on {}", path.display()), e))?;
        cmd = crate::runtime::create_command(&args, Some(&path));
        let (r, w) = fd::pipe().map_err(|e| engine_error("pipe", e))?;
        let w2 = w.try_clone().map_err(|e| engine_error("dup", e))?;
        cmd.stdout(w).stderr(w2);
        capture.push(r);
        console = Some((cdir, l));
    } else {
        let (or, ow) = fd::pipe().map_err(|e| engine_error("pipe", e))?;
        let (er, ew) = fd::pipe().map_err(|e| engine_error("pipe", e))?;
        cmd = crate::runtime::create_command(&args, None);
        cmd.stdout(ow).stderr(ew);
        if args.stdin {
            let (ir, iw) = fd::pipe().map_err(|e| engine_error("pipe", e))?;
            fd::set_nonblocking(iw.as_fd()).map_err(|e| engine_error("stdin pipe", e))?;
            cmd.stdin(ir);
            stdin = Some(iw);
        }
        out = Some(or.try_clone().map_err(|e| engine_error("dup", e))?);
        err = Some(er.try_clone().map_err(|e| engine_error("dup", e))?);
        capture.push(or);
        capture.push(er);
    }
    for f in &capture {
        fd::set_nonblocking(f.as_fd()).map_err(|e| engine_error("output pipe", e))?;
    }

    let cleanup_console = |console: &Option<(PathBuf, OwnedFd)>| {
        if let Some((d, _)) = console {
            let _ = std::fs::remove_dir_all(d);
        }
    };
    let child = cmd.spawn().map_err(|e| {
        cleanup_console(&console);
        engine_error(format!("run the runtime {}", args.runtime.display()), e)
    })?;
    // The child's ends of the pipes live in `cmd`: drop them, or EOF never comes.
    drop(cmd);
    let rt_pid = child.id() as i32;
    drop(child);

    // With `run --detach` the container may write into the pipes it shares with the runtime
    // before the runtime exits: leave them unread until we know which one wrote.
    let shared_pipes = args.start && !args.terminal && args.log_driver != LogDriver::Passthrough;
    let mut early: Vec<(i32, i32)> = Vec::new();
    let mut captured = Vec::new();
    let status = loop {
        let mut status = None;
        while let Some((pid, code)) =
            subreaper::reap().map_err(|e| engine_error("wait for the runtime", e))?
        {
            if pid == rt_pid {
                status = Some(code);
            } else {
                early.push((pid, code));
            }
        }
        if let Some(s) = status {
            break s;
        }
        let mut fds: Vec<PollFd> = vec![PollFd::new(signals.as_fd(), POLLIN)];
        if !shared_pipes {
            fds.extend(capture.iter().map(|f| PollFd::new(f.as_fd(), POLLIN)));
        }
        fd::poll(&mut fds, -1).map_err(|e| engine_error("poll", e))?;
        let _ = signals.drain();
        if !shared_pipes {
            read_available(&mut capture, &mut captured);
        }
    };
    // With shared pipes a successful runtime wrote nothing there: what is in them is the
    // container's, for the log. After a failure the container never ran.
    if !shared_pipes || status != 0 {
        read_available(&mut capture, &mut captured);
    }
    drop(capture);

    if status != 0 {
        cleanup_console(&console);
        let _ = std::fs::remove_file(ATTACH);
        let _ = std::fs::remove_file(CTL);
        let msg = crate::runtime::error_message(&captured, status);
        return Err(StartError {
            code: crate::runtime::error_code(&msg),
            msg: format!(
                "runtime {} failed: {msg}",
                if args.start { "run" } else { "create" }
            ),
        });
    }

    let pidfile = &args.container_pidfile;
    let pid = std::fs::read_to_string(pidfile)
        .map_err(|e| engine_error(format!("read container pidfile {}", pidfile.display()), e))
        .and_then(|s| {
            s.trim()
                .parse::<i32>()
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(|| {
                    engine_error(
                        format!("container pidfile {}", pidfile.display()),
                        format!("{:?} is not a pid", s.trim()),
                    )
                })
        });
    let pid = match pid {
        Ok(p) => p,
        Err(e) => {
            cleanup_console(&console);
            return Err(e);
        }
    };

    let mut master = None;
    if let Some((cdir, l)) = console.take() {
        let got = sock::accept(l.as_fd()).and_then(|c| {
            let c = c.ok_or_else(|| {
                io::Error::new(io::ErrorKind::NotConnected, "the runtime never connected")
            })?;
            sock::recv_fd(c.as_fd())
        });
        let _ = std::fs::remove_dir_all(&cdir);
        let m =
            File::from(got.map_err(|e| engine_error("receive the terminal from the runtime", e))?);
        fd::set_nonblocking(m.as_fd()).map_err(|e| engine_error("pty master", e))?;
        let dup = || m.try_clone().map_err(|e| engine_error("dup pty master", e));
        out = Some(dup()?);
        if args.stdin {
            stdin = Some(dup()?);
        }
        master = Some(m);
    }

    let exit = early.iter().find(|(p, _)| *p == pid).map(|(_, c)| *c);
    // A broken health config must not take the container down with it: say so and run on.
    let health = args.health.as_ref().and_then(|p| {
        crate::health::Health::new(&args, pid, p)
            .map_err(|e| warn(format_args!("healthcheck disabled: {e}")))
            .ok()
    });
    Ok(Monitor {
        pid,
        signals,
        out,
        err,
        stdin,
        stdin_buf: Vec::new(),
        stdin_eof: false,
        master,
        listener,
        clients: Vec::new(),
        ctl: Some(ctl),
        ctl_buf: Vec::new(),
        log,
        exit,
        hold_until: args.hold_output.then(|| Instant::now() + HOLD_LIMIT),
        tty_retry_at: None,
        kill_at: (args.timeout > 0).then(|| Instant::now() + Duration::from_secs(args.timeout)),
        args,
        buf: vec![0u8; MAX_PACKET].into_boxed_slice(),
        forward,
        health,
        notify,
    })
}

fn read_available(files: &mut [File], into: &mut Vec<u8>) {
    let mut buf = [0u8; 4096];
    for f in files {
        while let Ok(n) = f.read(&mut buf) {
            if n == 0 {
                break;
            }
            if into.len() < CAPTURE_CAP {
                into.extend_from_slice(&buf[..n]);
            }
        }
    }
}

pub(crate) fn warn(msg: std::fmt::Arguments<'_>) {
    let _ = writeln!(io::stderr(), "hutch-conmon: {msg}");
}

#[derive(Clone, Copy)]
enum Slot {
    Signals,
    Out,
    Err,
    Stdin,
    Listener,
    Ctl,
    Client(usize),
    Forward(crate::forward::Slot),
    Health,
    Notify,
}

impl Monitor {
    /// The container's init process.
    pub fn pid(&self) -> i32 {
        self.pid
    }

    /// Started by the runtime itself (`run --detach`): tells systemd now, before the engine
    /// hears of the pid, so the message is out before the `hutch` systemd started exits (a
    /// notify unit whose main process exits before READY fails).
    pub fn started_by_runtime(&mut self) {
        if self.args.start && self.exit.is_none() {
            if let Some(n) = self.notify.as_mut() {
                n.started();
            }
        }
    }

    /// Runs until the container exits and everything is recorded. Never returns an error: by now
    /// nobody is listening for one, so failures go to our stderr.
    pub fn run(mut self) {
        let mut fds = Vec::new();
        let mut slots = Vec::new();
        while self.exit.is_none() {
            self.poll_once(&mut fds, &mut slots);
        }
        // The published ports close with the container, before the exit is recorded: a
        // `start` right after `stop` binds them again.
        self.forward = None;
        // Clients still in the listen queue get the rest of the output and the exit code; with
        // --hold-output the client that is on its way gets it all.
        self.accept();
        self.wait_for_holder();
        self.drain(Duration::from_secs(2));
        self.finish();
    }

    /// Whether output is still held for the first client (`--hold-output`).
    fn holding(&mut self) -> bool {
        match self.hold_until {
            Some(t) if self.clients.is_empty() && Instant::now() < t => true,
            _ => {
                self.hold_until = None;
                false
            }
        }
    }

    /// After the exit, while output is held: wait (up to the hold limit) for the client.
    fn wait_for_holder(&mut self) {
        while self.holding() {
            let Some(l) = &self.listener else { return };
            let left = self.hold_until.map_or(Duration::ZERO, |t| {
                t.saturating_duration_since(Instant::now())
            });
            let mut fds = [PollFd::new(l.as_fd(), POLLIN)];
            match fd::poll(&mut fds, left.as_millis().clamp(1, 1000) as i32) {
                Ok(n) if n > 0 => self.accept(),
                Ok(_) => {}
                Err(_) => return,
            }
        }
    }

    fn poll_once(&mut self, fds: &mut Vec<PollFd>, slots: &mut Vec<Slot>) {
        let holding = self.holding();
        fds.clear();
        slots.clear();
        let mut add = |fd: std::os::fd::BorrowedFd<'_>, ev: i16, s: Slot| {
            fds.push(PollFd::new(fd, ev));
            slots.push(s);
        };
        // The listener comes first: a client that connected before the container wrote (the
        // CLI attaches before `runtime start`) must be accepted before that output is read.
        if let Some(l) = &self.listener {
            add(l.as_fd(), POLLIN, Slot::Listener);
        }
        add(self.signals.as_fd(), POLLIN, Slot::Signals);
        let tty_waiting = self.tty_retry_at.is_some_and(|t| Instant::now() < t);
        if !holding {
            if let Some(f) = self.out.as_ref().filter(|_| !tty_waiting) {
                add(f.as_fd(), POLLIN, Slot::Out);
            }
            if let Some(f) = &self.err {
                add(f.as_fd(), POLLIN, Slot::Err);
            }
        }
        if let Some(f) = &self.stdin {
            let ev = if self.stdin_buf.is_empty() {
                0
            } else {
                POLLOUT
            };
            add(f.as_fd(), ev, Slot::Stdin);
        }
        if let Some(c) = &self.ctl {
            add(c.as_fd(), POLLIN, Slot::Ctl);
        }
        let stdin_full = self.stdin_buf.len() >= STDIN_CAP;
        for (i, c) in self.clients.iter().enumerate() {
            let mut ev = 0;
            if c.reading && !stdin_full {
                ev |= POLLIN;
            }
            if c.wants_write() {
                ev |= POLLOUT;
            }
            add(c.fd.as_fd(), ev, Slot::Client(i));
        }
        if let Some(f) = &self.forward {
            f.poll_set(&mut |fd, ev, s| add(fd, ev, Slot::Forward(s)));
        }
        if let Some(fd) = self.health.as_ref().and_then(|h| h.fd()) {
            add(fd, POLLIN, Slot::Health);
        }
        if let Some(fd) = self.notify.as_ref().and_then(|n| n.fd()) {
            add(fd, POLLIN, Slot::Notify);
        }
        let mut timeout = match (holding, self.hold_until) {
            (true, Some(t)) => t
                .saturating_duration_since(Instant::now())
                .as_millis()
                .clamp(1, 1000) as i32,
            _ => -1,
        };
        if let Some(h) = &self.health {
            let due = h.timeout_ms();
            timeout = if timeout < 0 { due } else { timeout.min(due) };
        }
        if tty_waiting {
            timeout = if timeout < 0 {
                TTY_RETRY_MS
            } else {
                timeout.min(TTY_RETRY_MS)
            };
        }
        if let Some(t) = self.kill_at {
            let due = t
                .saturating_duration_since(Instant::now())
                .as_millis()
                .clamp(1, 1000) as i32;
            timeout = if timeout < 0 { due } else { timeout.min(due) };
        }
        if let Err(e) = fd::poll(fds, timeout) {
            warn(format_args!("poll: {e}"));
            std::thread::sleep(Duration::from_millis(100));
            return;
        }
        for (pfd, slot) in fds.iter().zip(slots.iter()) {
            let ev = pfd.revents();
            if ev == 0 {
                continue;
            }
            match *slot {
                Slot::Signals => self.reap(),
                Slot::Out => self.read_output(Stream::Stdout),
                Slot::Err => self.read_output(Stream::Stderr),
                Slot::Stdin => {
                    if ev & (POLLERR | POLLHUP | POLLNVAL) != 0 {
                        self.close_stdin();
                    } else {
                        self.flush_stdin();
                    }
                }
                Slot::Listener => self.accept(),
                Slot::Ctl => self.read_ctl(),
                Slot::Client(i) => self.client_event(i, ev),
                Slot::Forward(s) => {
                    if let Some(f) = self.forward.as_mut() {
                        f.event(s, ev);
                    }
                }
                Slot::Health => {
                    if let Some(h) = self.health.as_mut() {
                        h.read_output();
                    }
                }
                Slot::Notify => {
                    if let Some(n) = self.notify.as_mut() {
                        n.read();
                    }
                }
            }
        }
        if self.exit.is_none() {
            if let Some(h) = self.health.as_mut() {
                h.tick();
            }
            if self.kill_at.is_some_and(|t| Instant::now() >= t) {
                self.kill_at = None;
                if let Err(e) = hutch_sys::process::kill(self.pid) {
                    warn(format_args!("--timeout: killing the container: {e}"));
                }
            }
        }
        self.clients.retain(|c| !c.dead);
        if let Some(f) = self.forward.as_mut() {
            f.sweep();
        }
    }

    fn reap(&mut self) {
        let _ = self.signals.drain();
        loop {
            match subreaper::reap() {
                Ok(Some((pid, code))) if pid == self.pid => self.exit = Some(code),
                Ok(Some((pid, code))) => {
                    if let Some(h) = self.health.as_mut() {
                        h.reaped(pid, code);
                    }
                }
                Ok(None) => return,
                Err(e) => {
                    warn(format_args!("waitpid: {e}"));
                    return;
                }
            }
        }
    }

    fn read_output(&mut self, stream: Stream) {
        let file = match stream {
            Stream::Stdout => &mut self.out,
            Stream::Stderr => &mut self.err,
        };
        let Some(f) = file.as_mut() else { return };
        let n = match f.read(&mut self.buf[1..]) {
            Ok(0) => {
                *file = None;
                return;
            }
            Ok(n) => n,
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::Interrupted
                ) =>
            {
                return
            }
            // EIO: the pty's last slave descriptor closed. While the container runs it may open
            // its terminal again (systemd does, as PID 1): look again shortly. Anything else,
            // or after the exit: nothing more to read.
            Err(e)
                if self.args.terminal && self.exit.is_none() && e.raw_os_error() == Some(EIO) =>
            {
                self.tty_retry_at =
                    Some(Instant::now() + Duration::from_millis(TTY_RETRY_MS as u64));
                return;
            }
            Err(_) => {
                *file = None;
                return;
            }
        };
        if let Err(e) = self.log.write(stream, &self.buf[1..1 + n]) {
            warn(format_args!("write log: {e}"));
        }
        self.buf[0] = stream as u8;
        for c in &mut self.clients {
            c.send(&self.buf[..1 + n]);
        }
    }

    fn accept(&mut self) {
        let Some(l) = &self.listener else { return };
        loop {
            match sock::accept(l.as_fd()) {
                Ok(Some(fd)) => self.clients.push(Client::new(fd)),
                Ok(None) => return,
                Err(e) => {
                    warn(format_args!("accept attach client: {e}"));
                    return;
                }
            }
        }
    }

    fn client_event(&mut self, i: usize, ev: i16) {
        let hup = ev & (POLLHUP | POLLERR | POLLNVAL) != 0;
        let c = &mut self.clients[i];
        if ev & POLLOUT != 0 {
            c.flush();
        }
        let mut eof = false;
        if c.reading && ev & (POLLIN | POLLHUP | POLLERR) != 0 {
            // After a hang-up read everything left; otherwise a few packets, to stay fair.
            let mut budget = if hup { usize::MAX } else { 16 };
            while budget > 0 && (hup || self.stdin_buf.len() < STDIN_CAP) {
                budget -= 1;
                match sock::recv(c.fd.as_fd(), &mut self.buf[..MAX_INPUT]) {
                    Ok(Some(0)) => {
                        eof = true;
                        break;
                    }
                    Ok(Some(n)) => {
                        if self.stdin.is_some() && !self.stdin_eof {
                            self.stdin_buf
                                .extend_from_slice(&self.buf[..n.min(MAX_INPUT)]);
                        }
                    }
                    Ok(None) => break,
                    Err(_) => {
                        c.dead = true;
                        break;
                    }
                }
            }
        }
        if hup {
            // Gone for good (closing is how a client detaches): stdin stays open.
            c.dead = true;
        } else if eof {
            c.reading = false;
            if !self.args.leave_stdin_open && !self.args.terminal {
                self.stdin_eof = true;
            }
        }
        self.flush_stdin();
    }

    fn flush_stdin(&mut self) {
        let Some(f) = self.stdin.as_mut() else {
            self.stdin_buf.clear();
            return;
        };
        let mut written = 0;
        while written < self.stdin_buf.len() {
            match f.write(&self.stdin_buf[written..]) {
                Ok(n) => written += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                // EPIPE: the container closed its stdin; what it did not read is lost.
                Err(_) => {
                    self.close_stdin();
                    return;
                }
            }
        }
        self.stdin_buf.drain(..written);
        if self.stdin_buf.is_empty() {
            if self.stdin_buf.capacity() > STDIN_CAP {
                self.stdin_buf = Vec::new();
            }
            if self.stdin_eof {
                self.close_stdin();
            }
        }
    }

    fn close_stdin(&mut self) {
        self.stdin = None;
        self.stdin_buf = Vec::new();
    }

    fn read_ctl(&mut self) {
        let Some(ctl) = self.ctl.as_mut() else { return };
        let mut buf = [0u8; 256];
        loop {
            match ctl.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => self.ctl_buf.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
        while let Some(i) = self.ctl_buf.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = self.ctl_buf.drain(..=i).collect();
            self.control(&String::from_utf8_lossy(&line[..i]));
        }
        // Garbage without newlines must not grow forever.
        if self.ctl_buf.len() > 4096 {
            self.ctl_buf.clear();
        }
    }

    /// One control line: `1 ROWS COLS` resizes the terminal, `2` reopens the log file, `3` runs
    /// the health check now, `4` says the container was started.
    fn control(&mut self, line: &str) {
        let mut words = line.split_whitespace();
        match words.next() {
            Some("1") => {
                let rows = words.next().and_then(|w| w.parse::<u16>().ok());
                let cols = words.next().and_then(|w| w.parse::<u16>().ok());
                match (rows, cols, &self.master) {
                    (Some(r), Some(c), Some(m)) => {
                        if let Err(e) = pty::set_winsize(m.as_fd(), r, c) {
                            warn(format_args!("resize terminal to {r}x{c}: {e}"));
                        }
                    }
                    (Some(_), Some(_), None) => {}
                    _ => warn(format_args!("bad resize control line {line:?}")),
                }
            }
            Some("2") => {
                if let Err(e) = self.log.reopen() {
                    warn(format_args!("reopen log: {e}"));
                }
            }
            Some("3") => match self.health.as_mut() {
                Some(h) => h.run_now(),
                None => warn(format_args!(
                    "health check requested, but none is configured"
                )),
            },
            // The engine started the container (`runtime start`); it waits for `NOTIFIED`
            // before it exits, for the same reason as `started_by_runtime`.
            Some("4") => {
                if let Some(n) = self.notify.as_mut() {
                    n.started();
                }
                if let Err(e) = write_atomic(Path::new("."), NOTIFIED, b"") {
                    warn(format_args!("write {NOTIFIED}: {e}"));
                }
            }
            Some(_) => warn(format_args!("unknown control line {line:?}")),
            None => {}
        }
    }

    /// After the exit: the output still in the pipes (or pty) goes to the log and clients. In a
    /// pid namespace every writer is dead already, so EOF comes at once; the timeout is for
    /// writers outside it that hold the pipes.
    fn drain(&mut self, limit: Duration) {
        let deadline = Instant::now() + limit;
        let mut fds = Vec::new();
        while self.out.is_some() || self.err.is_some() {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            fds.clear();
            let mut streams = Vec::new();
            if let Some(f) = &self.out {
                fds.push(PollFd::new(f.as_fd(), POLLIN));
                streams.push(Stream::Stdout);
            }
            if let Some(f) = &self.err {
                fds.push(PollFd::new(f.as_fd(), POLLIN));
                streams.push(Stream::Stderr);
            }
            match fd::poll(&mut fds, left.as_millis().min(200) as i32) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            for (p, s) in fds.iter().zip(streams) {
                if p.revents() != 0 {
                    self.read_output(s);
                }
            }
        }
    }

    fn finish(mut self) {
        let code = self.exit.unwrap_or(255);
        let dir = self.args.socket_dir.clone();
        if let Err(e) = write_atomic(&dir, EXIT, format!("{code}\n").as_bytes()) {
            warn(format_args!("write {}: {e}", dir.join(EXIT).display()));
        }
        // No new client can find the socket once its name is gone; one that connected before
        // is accepted rather than dropped with the listener (which would reset it).
        let _ = std::fs::remove_file(dir.join(ATTACH));
        self.accept();
        self.listener = None;
        let _ = std::fs::remove_file(dir.join(CTL));
        let mut last = vec![EXIT_STREAM];
        last.extend_from_slice(code.to_string().as_bytes());
        let open: Vec<OwnedFd> = std::mem::take(&mut self.clients)
            .into_iter()
            .filter_map(|c| c.finish(&last))
            .collect();
        if let Some(cmd) = &self.args.exit_command {
            // A client that cleans up after the container (`run --rm`) is done first; when it
            // says so, what is left is ours, without starting the engine again.
            let cleaned = crate::attach::wait_closed(open, CLOSE_WAIT);
            if cleaned.is_some_and(|c| self.finish_cleanup(c)) {
                return;
            }
            let spawned = Command::new(cmd)
                .args(&self.args.exit_command_args)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .process_group(0)
                .spawn();
            if let Err(e) = spawned {
                warn(format_args!("run exit command {}: {e}", cmd.display()));
            }
        }
    }
}

impl Monitor {
    /// What the exit command would still do for a container whose client cleaned up after it
    /// (see `attach::CLEANED`): delete the runtime's state and, for a removed container, the
    /// directory its files were moved to. False when that cannot be done here: the exit
    /// command runs then.
    fn finish_cleanup(&self, cleaned: Cleaned) -> bool {
        // A removed container's bundle went with its directory; anything else is not what the
        // client claims, and the exit command sorts it out.
        let trash = match cleaned.trash {
            Some(t) if self.args.bundle.exists() || !owns_trash(&t, &self.args.cid) => {
                return false
            }
            t => t,
        };
        let deleted = Command::new(&self.args.runtime)
            .args(&self.args.runtime_args)
            .args(["delete", "--force"])
            .arg(&self.args.cid)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        match deleted {
            Ok(st) if st.success() => {}
            Ok(st) => {
                warn(format_args!(
                    "{} delete {}: {st}",
                    self.args.runtime.display(),
                    self.args.cid
                ));
                return false;
            }
            Err(e) => {
                warn(format_args!("run {}: {e}", self.args.runtime.display()));
                return false;
            }
        }
        if let Some(t) = trash {
            // Left behind, hutch deletes it later with the rest of an old trash.
            if let Err(e) = std::fs::remove_dir_all(&t) {
                if e.kind() != io::ErrorKind::NotFound {
                    warn(format_args!("remove {}: {e}", t.display()));
                }
            }
        }
        true
    }
}

/// Whether `trash` can be the directory container `cid`'s files were moved to: an absolute
/// path named after it (never a path that climbs, whoever sent it).
fn owns_trash(trash: &Path, cid: &str) -> bool {
    use std::path::Component;
    trash.is_absolute()
        && trash.file_name().is_some_and(|n| n == cid)
        && !trash.components().any(|c| c == Component::ParentDir)
}

use std::os::unix::process::CommandExt;

#[cfg(test)]
mod tests {
    use super::owns_trash;
    use std::path::Path;

    #[test]
    fn trash_must_be_the_containers_own() {
        assert!(owns_trash(Path::new("/s/trash/abc"), "abc"));
        assert!(!owns_trash(Path::new("s/trash/abc"), "abc"));
        assert!(!owns_trash(Path::new("/s/trash/abd"), "abc"));
        assert!(!owns_trash(Path::new("/s/../abc"), "abc"));
        assert!(!owns_trash(Path::new("/"), "abc"));
    }
}
