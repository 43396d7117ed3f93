//! The client side of attach: connects to the monitor's attach socket and copies the caller's
//! stdin to the container and its output to the caller's streams, until the container exits
//! (the monitor's final packet), the detach keys come in, or the monitor goes away. The streams
//! and the resize/signal requests come in as parameters (exec's `ExecIo`), so a terminal and a
//! hijacked HTTP connection drive a session the same way.

use super::exec::{Control, ControlSource, ExecIo};
use super::{ContainerError, Dirs};
use hutch_sys::client;
use hutch_sys::sock;
use std::io::Write;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};

/// How an attach session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachEnd {
    /// The container exited with this code.
    Exited(i32),
    /// The user typed the detach keys; the container keeps running.
    Detached,
    /// The monitor closed the connection without an exit code.
    Closed,
}

/// The most stdin a packet to the monitor may carry: it receives into a buffer of this size
/// plus one (see hutch-conmon's attach module), so the rest of a longer packet would be lost.
const MAX_INPUT: usize = 8192;

const STDOUT: u8 = 1;
const STDERR: u8 = 2;
const EXIT: u8 = 3;

pub const DEFAULT_DETACH_KEYS: &str = "ctrl-p,ctrl-q";

/// What a client sends the monitor after the exit packet when it cleaned up after the container
/// itself (hutch-conmon's `attach::CLEANED`).
const CLEANED: &[u8] = b"\0hutch: cleaned up\0";

/// Tells the monitor on `conn` that the container's exit was recorded and torn down here, and
/// with `trash` that it was removed, its files moved to that directory: the monitor then only
/// deletes the runtime's state and that directory, without starting hutch's exit command.
/// Best effort: a monitor that does not hear it runs the exit command, which does the same.
pub fn tell_cleaned(conn: &OwnedFd, trash: Option<&std::path::Path>) {
    use std::os::unix::ffi::OsStrExt;
    let mut p = CLEANED.to_vec();
    if let Some(t) = trash {
        p.extend_from_slice(t.as_os_str().as_bytes());
    }
    if let Err(e) = sock::send(conn.as_fd(), &p) {
        tracing::debug!("telling the monitor the container was cleaned up: {e}");
    }
}

/// Parses podman's detach key syntax (`ctrl-p,ctrl-q`, `a`, `ctrl-@`); empty disables.
pub fn parse_detach_keys(spec: &str) -> Result<Vec<u8>, ContainerError> {
    let bad = |reason: &str| ContainerError::InvalidFlag {
        flag: "--detach-keys",
        value: spec.to_string(),
        reason: reason.to_string(),
    };
    let mut out = Vec::new();
    if spec.is_empty() {
        return Ok(out);
    }
    for part in spec.split(',') {
        if let Some(k) = part.strip_prefix("ctrl-") {
            let b = match k.as_bytes() {
                [c @ b'a'..=b'z'] => c - b'a' + 1,
                [c @ b'A'..=b'Z'] => c - b'A' + 1,
                [b'@'] => 0,
                [b'['] => 27,
                [b'\\'] => 28,
                [b']'] => 29,
                [b'^'] => 30,
                [b'_'] => 31,
                _ => return Err(bad("expected ctrl-<letter> or one character")),
            };
            out.push(b);
        } else if part.len() == 1 {
            out.push(part.as_bytes()[0]);
        } else {
            return Err(bad("expected a comma-separated list like ctrl-p,ctrl-q"));
        }
    }
    Ok(out)
}

pub struct AttachOptions {
    /// Send our stdin to the container.
    pub stdin: bool,
    pub tty: bool,
    pub detach_keys: Vec<u8>,
}

/// Connects to the container's attach socket (do this before `start` so no output is lost).
pub fn connect(dirs: &Dirs) -> Result<OwnedFd, ContainerError> {
    let path = dirs.attach_socket();
    sock::seqpacket_connect(&path).map_err(|e| ContainerError::io(path, e))
}

/// Tells the monitor the terminal size (`1 ROWS COLS` on the ctl FIFO).
pub fn resize(dirs: &Dirs, rows: u16, cols: u16) {
    let path = dirs.ctl_fifo();
    if let Ok(mut f) = std::fs::OpenOptions::new().write(true).open(&path) {
        let _ = writeln!(f, "1 {rows} {cols}");
    }
}

/// What one wait of a session found ready.
pub(super) struct SessionReady {
    /// The process's side (the monitor's socket, a pty master): readable or hung up.
    pub process: bool,
    pub control: bool,
    /// The caller's stdin: readable or hung up.
    pub stdin: bool,
}

/// Waits until the process's side, the caller's control source or its stdin (when given) has
/// something: one wait for attach and exec alike.
pub(super) fn wait_session(
    process: BorrowedFd<'_>,
    control: Option<&dyn ControlSource>,
    stdin: Option<BorrowedFd<'_>>,
) -> std::io::Result<SessionReady> {
    let mut fds = vec![process];
    fds.extend(control.map(|c| c.fd()));
    let stdin_at = fds.len();
    fds.extend(stdin);
    let ready = client::poll(&fds, -1)?;
    let any = |r: &client::Ready| r.readable || r.hangup;
    Ok(SessionReady {
        process: any(&ready[0]),
        control: control.is_some() && ready[1].readable,
        stdin: stdin.is_some() && any(&ready[stdin_at]),
    })
}

/// Matches the detach keys in the caller's input across reads.
pub(super) struct DetachMatcher<'k> {
    keys: &'k [u8],
    matched: usize,
}

impl<'k> DetachMatcher<'k> {
    pub fn new(keys: &'k [u8]) -> Self {
        DetachMatcher { keys, matched: 0 }
    }

    /// Appends to `send` the bytes of `input` that go to the process and says whether the
    /// keys are complete (the bytes after them are dropped). Bytes of a partial match are held
    /// back until the match fails.
    pub fn feed(&mut self, input: &[u8], send: &mut Vec<u8>) -> bool {
        for &b in input {
            if !self.keys.is_empty() && b == self.keys[self.matched] {
                self.matched += 1;
                if self.matched == self.keys.len() {
                    return true;
                }
                continue;
            }
            if self.matched > 0 {
                send.extend_from_slice(&self.keys[..self.matched]);
                self.matched = 0;
            }
            send.push(b);
        }
        false
    }
}

/// Runs the session with the streams of `io`: its stdin (when `opts.stdin`) goes to the
/// container, the container's output to its stdout and stderr. Resize requests go to the
/// monitor, signal requests to `on_signal` (to forward them to the container).
pub fn run(
    conn: &OwnedFd,
    dirs: &Dirs,
    opts: &AttachOptions,
    io: &mut ExecIo<'_>,
    mut on_signal: impl FnMut(i32),
) -> Result<AttachEnd, ContainerError> {
    let ioerr = |what: &str, e: std::io::Error| ContainerError::io(format!("attach {what}"), e);
    if let Some(control) = io.control.as_mut() {
        control.begin(opts.tty).map_err(|e| ioerr("control", e))?;
    }
    if opts.tty {
        if let Some((r, c)) = io.size {
            resize(dirs, r, c);
        }
    }
    let stdin_fd = io.stdin.filter(|_| opts.stdin);
    let mut stdin_open = stdin_fd.is_some();
    let mut detach = DetachMatcher::new(&opts.detach_keys);
    let mut buf = vec![0u8; 64 * 1024];
    // The caller's descriptor is written through a `File` of a duplicate: no buffering of
    // ours between the container and the caller.
    let mut out = std::fs::File::from(
        io.stdout
            .try_clone_to_owned()
            .map_err(|e| ioerr("stdout", e))?,
    );
    loop {
        let ready = wait_session(
            conn.as_fd(),
            io.control.as_deref(),
            stdin_fd.filter(|_| stdin_open),
        )
        .map_err(|e| ioerr("poll", e))?;
        if let Some(control) = io.control.as_mut().filter(|_| ready.control) {
            for req in control.read().map_err(|e| ioerr("control", e))? {
                match req {
                    Control::Resize { rows, cols } => resize(dirs, rows, cols),
                    Control::Signal(sig) => on_signal(sig),
                    Control::Gone => return Ok(AttachEnd::Detached),
                }
            }
        }
        if ready.process {
            // A blocking socket: recv waits for the packet poll announced.
            let n = match sock::recv(conn.as_fd(), &mut buf) {
                Ok(n) => n.unwrap_or(0),
                // A monitor that closed with our input unread (one from before it discarded
                // that) resets us: the error comes once, and the output and exit code it sent
                // before are still queued, followed by the end of the connection.
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => continue,
                Err(e) => return Err(ioerr("socket", e)),
            };
            if n == 0 {
                return Ok(AttachEnd::Closed);
            }
            let data = &buf[1..n];
            match buf[0] {
                STDOUT => {
                    let _ = out.write_all(data);
                }
                STDERR => {
                    let _ = io.stderr.write_all(data).and_then(|()| io.stderr.flush());
                }
                EXIT => {
                    let code = String::from_utf8_lossy(data).trim().parse().unwrap_or(-1);
                    return Ok(AttachEnd::Exited(code));
                }
                _ => {}
            }
        }
        let Some(stdin_fd) = stdin_fd.filter(|_| ready.stdin) else {
            continue;
        };
        let n = client::read_fd(stdin_fd, &mut buf).unwrap_or(0);
        if n == 0 {
            stdin_open = false;
            let _ = sock::shutdown_write(conn.as_fd());
            continue;
        }
        let mut send = Vec::with_capacity(n);
        if detach.feed(&buf[..n], &mut send) {
            let _ = send_input(conn.as_fd(), &send);
            return Ok(AttachEnd::Detached);
        }
        if !send.is_empty() {
            match send_input(conn.as_fd(), &send) {
                Ok(()) => {}
                // The container ended (its monitor no longer reads): input typed meanwhile is
                // dropped, and what is left to receive is its output and exit code.
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::ConnectionReset
                    ) =>
                {
                    stdin_open = false;
                }
                Err(e) => return Err(ioerr("socket", e)),
            }
        }
    }
}

/// Sends the caller's input to the monitor in packets it receives whole.
fn send_input(conn: BorrowedFd<'_>, input: &[u8]) -> std::io::Result<()> {
    for chunk in input.chunks(MAX_INPUT) {
        sock::send(conn, chunk)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::io::Read;
    use std::os::unix::net::UnixStream;

    /// Requests handed out once its descriptor is readable, as a service's would be.
    struct Scripted {
        wake: UnixStream,
        pending: Vec<Control>,
        began: Option<bool>,
    }

    impl ControlSource for Scripted {
        fn fd(&self) -> BorrowedFd<'_> {
            self.wake.as_fd()
        }
        fn read(&mut self) -> std::io::Result<Vec<Control>> {
            let _ = self.wake.read(&mut [0u8; 16])?;
            Ok(std::mem::take(&mut self.pending))
        }
        fn begin(&mut self, tty: bool) -> std::io::Result<()> {
            self.began = Some(tty);
            Ok(())
        }
    }

    /// A monitor's attach socket and the client connected to it, in a temporary run directory.
    fn monitor(dir: &std::path::Path) -> (Dirs, OwnedFd, OwnedFd) {
        let paths = super::super::fixtures::paths(dir);
        let dirs = Dirs::new(&paths, &"ab".repeat(32));
        std::fs::create_dir_all(&dirs.run).unwrap();
        let listener = sock::seqpacket_listen(&dirs.attach_socket()).unwrap();
        let conn = connect(&dirs).unwrap();
        let mon = loop {
            if let Some(m) = sock::accept(listener.as_fd()).unwrap() {
                break m;
            }
        };
        (dirs, conn, mon)
    }

    #[test]
    fn a_session_runs_on_sockets_it_is_given() {
        let tmp = tempfile::tempdir().unwrap();
        let (dirs, conn, mon) = monitor(tmp.path());
        // A regular file stands in for the ctl FIFO.
        std::fs::write(dirs.ctl_fifo(), "").unwrap();
        let (mut stdin_peer, stdin) = UnixStream::pair().unwrap();
        let (stdout, mut stdout_peer) = UnixStream::pair().unwrap();
        let (wake, mut waker) = UnixStream::pair().unwrap();
        stdin_peer.write_all(b"abc").unwrap();
        drop(stdin_peer);
        std::io::Write::write_all(&mut waker, b"!").unwrap();
        let monitor = std::thread::spawn(move || {
            sock::send(mon.as_fd(), b"\x01out").unwrap();
            sock::send(mon.as_fd(), b"\x02err").unwrap();
            // The accepted socket does not block: wait for the session to send stdin.
            let mut buf = [0u8; 16];
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
            let n = loop {
                if let Some(n) = sock::recv(mon.as_fd(), &mut buf).unwrap() {
                    break n;
                }
                assert!(
                    std::time::Instant::now() < deadline,
                    "no stdin from the session"
                );
                std::thread::sleep(std::time::Duration::from_millis(1));
            };
            assert_eq!(&buf[..n], b"abc");
            sock::send(mon.as_fd(), b"\x037\n").unwrap();
        });
        let mut control = Scripted {
            wake,
            pending: vec![Control::Resize { rows: 24, cols: 80 }, Control::Signal(15)],
            began: None,
        };
        let mut stderr = Vec::new();
        let mut signals = Vec::new();
        let end = run(
            &conn,
            &dirs,
            &AttachOptions {
                stdin: true,
                tty: true,
                detach_keys: Vec::new(),
            },
            &mut ExecIo {
                stdin: Some(stdin.as_fd()),
                stdout: stdout.as_fd(),
                stderr: &mut stderr,
                size: Some((10, 40)),
                control: Some(&mut control),
            },
            |sig| signals.push(sig),
        )
        .unwrap();
        monitor.join().unwrap();
        assert_eq!(end, AttachEnd::Exited(7));
        assert_eq!(control.began, Some(true));
        assert_eq!(signals, vec![15]);
        assert_eq!(stderr, b"err");
        drop(stdout);
        let mut out = String::new();
        stdout_peer.read_to_string(&mut out).unwrap();
        assert_eq!(out, "out");
        // The resize request, written over the size sent at the start.
        let ctl = std::fs::read_to_string(dirs.ctl_fifo()).unwrap();
        assert_eq!(ctl, "1 24 80\n");
    }

    #[test]
    fn detach_keys_end_a_session_and_bytes_before_them_go_through() {
        let tmp = tempfile::tempdir().unwrap();
        let (dirs, conn, mon) = monitor(tmp.path());
        let (mut stdin_peer, stdin) = UnixStream::pair().unwrap();
        let (stdout, _stdout_peer) = UnixStream::pair().unwrap();
        stdin_peer.write_all(b"x\x10y\x10\x11").unwrap();
        let mut stderr = Vec::new();
        let end = run(
            &conn,
            &dirs,
            &AttachOptions {
                stdin: true,
                tty: false,
                detach_keys: parse_detach_keys(DEFAULT_DETACH_KEYS).unwrap(),
            },
            &mut ExecIo {
                stdin: Some(stdin.as_fd()),
                stdout: stdout.as_fd(),
                stderr: &mut stderr,
                size: None,
                control: None,
            },
            |_| {},
        )
        .unwrap();
        assert_eq!(end, AttachEnd::Detached);
        let mut buf = [0u8; 16];
        let n = sock::recv(mon.as_fd(), &mut buf).unwrap().unwrap();
        assert_eq!(&buf[..n], b"x\x10y");
    }

    #[test]
    fn detach_keys() {
        assert_eq!(parse_detach_keys("ctrl-p,ctrl-q").unwrap(), vec![16, 17]);
        assert_eq!(parse_detach_keys("a,ctrl-a").unwrap(), vec![b'a', 1]);
        assert!(parse_detach_keys("").unwrap().is_empty());
        assert!(parse_detach_keys("ctrl-pp").is_err());
    }
}
