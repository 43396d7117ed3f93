//! The client side of attach: connects to the monitor's attach socket and copies stdin to the
//! container and its output to ours, until the container exits (the monitor's final packet),
//! the user types the detach keys, or the monitor goes away. Signals hutch receives are handed
//! to a callback (to forward them), terminal resizes go to the monitor's ctl FIFO.

use super::{ContainerError, Dirs};
use hutch_sys::client::{self, SignalFd};
use hutch_sys::sock;
use std::io::Write;
use std::os::fd::OwnedFd;
use std::os::fd::{AsFd, BorrowedFd};

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

const STDOUT: u8 = 1;
const STDERR: u8 = 2;
const EXIT: u8 = 3;

pub const DEFAULT_DETACH_KEYS: &str = "ctrl-p,ctrl-q";

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

/// Runs the session. `on_signal` gets every SIGINT/SIGTERM/SIGHUP/SIGQUIT/SIGUSR1/SIGUSR2
/// hutch receives meanwhile; SIGWINCH resizes the container's terminal.
pub fn run(
    conn: &OwnedFd,
    dirs: &Dirs,
    opts: &AttachOptions,
    mut on_signal: impl FnMut(i32),
) -> Result<AttachEnd, ContainerError> {
    let ioerr = |what: &str, e: std::io::Error| ContainerError::io(format!("attach {what}"), e);
    let mut signals = SignalFd::new(&[1, 2, 3, 10, 12, 15, 28]).map_err(|e| ioerr("signals", e))?;
    let stdin = std::io::stdin();
    let stdin_fd: BorrowedFd<'_> = stdin.as_fd();
    if opts.tty {
        if let Ok((r, c)) = hutch_sys::pty::get_winsize(std::io::stdout().as_fd()) {
            resize(dirs, r, c);
        }
    }
    let mut stdin_open = opts.stdin;
    let mut matched = 0usize;
    let mut buf = vec![0u8; 64 * 1024];
    let mut out = std::io::stdout();
    let mut err = std::io::stderr();
    loop {
        let mut fds = vec![conn.as_fd(), signals.as_fd()];
        if stdin_open {
            fds.push(stdin_fd);
        }
        let ready = client::poll(&fds, -1).map_err(|e| ioerr("poll", e))?;
        if ready[1].readable {
            while let Some(sig) = signals.read().map_err(|e| ioerr("signals", e))? {
                if sig == 28 {
                    if let Ok((r, c)) = hutch_sys::pty::get_winsize(std::io::stdout().as_fd()) {
                        resize(dirs, r, c);
                    }
                } else {
                    on_signal(sig);
                }
            }
        }
        if ready[0].readable || ready[0].hangup {
            // A blocking socket: recv waits for the packet poll announced.
            let n = sock::recv(conn.as_fd(), &mut buf)
                .map_err(|e| ioerr("socket", e))?
                .unwrap_or(0);
            if n == 0 {
                return Ok(AttachEnd::Closed);
            }
            let data = &buf[1..n];
            match buf[0] {
                STDOUT => {
                    let _ = out.write_all(data).and_then(|()| out.flush());
                }
                STDERR => {
                    let _ = err.write_all(data).and_then(|()| err.flush());
                }
                EXIT => {
                    let code = String::from_utf8_lossy(data).trim().parse().unwrap_or(-1);
                    return Ok(AttachEnd::Exited(code));
                }
                _ => {}
            }
        }
        if stdin_open && (ready[2].readable || ready[2].hangup) {
            let n = client::read_fd(stdin_fd, &mut buf).unwrap_or(0);
            if n == 0 {
                stdin_open = false;
                let _ = sock::shutdown_write(conn.as_fd());
                continue;
            }
            // Detach keys are matched across reads; bytes of a partial match are held back
            // until the match fails.
            let mut send = Vec::with_capacity(n);
            for &b in &buf[..n] {
                if !opts.detach_keys.is_empty() && b == opts.detach_keys[matched] {
                    matched += 1;
                    if matched == opts.detach_keys.len() {
                        if !send.is_empty() {
                            let _ = sock::send(conn.as_fd(), &send);
                        }
                        return Ok(AttachEnd::Detached);
                    }
                    continue;
                }
                if matched > 0 {
                    send.extend_from_slice(&opts.detach_keys[..matched]);
                    matched = 0;
                }
                send.push(b);
            }
            if !send.is_empty() {
                sock::send(conn.as_fd(), &send).map_err(|e| ioerr("socket", e))?;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detach_keys() {
        assert_eq!(parse_detach_keys("ctrl-p,ctrl-q").unwrap(), vec![16, 17]);
        assert_eq!(parse_detach_keys("a,ctrl-a").unwrap(), vec![b'a', 1]);
        assert!(parse_detach_keys("").unwrap().is_empty());
        assert!(parse_detach_keys("ctrl-pp").is_err());
    }
}
