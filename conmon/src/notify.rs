//! systemd readiness (`--sdnotify-mode`): with `conmon` the monitor itself sends `READY=1` and
//! `MAINPID` (its own pid, as it outlives the hutch process systemd started) once the container
//! runs; with `container` it binds the socket the container sees as `$NOTIFY_SOCKET` and passes
//! the container's messages on, with `MAINPID` rewritten to its own pid.

use std::io;
use std::os::fd::{AsFd, BorrowedFd};
use std::os::linux::net::SocketAddrExt;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::{SocketAddr, UnixDatagram};
use std::path::{Path, PathBuf};

use crate::monitor::warn;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Conmon,
    Container,
}

/// The container's side in `container` mode: `notify/notify.sock` in the socket dir (the
/// engine mounts `notify/` in the container).
pub const CONTAINER_SOCKET: &str = "notify/notify.sock";

pub struct Notify {
    mode: Mode,
    /// systemd's socket; None when the monitor was started outside a notify unit.
    target: Option<SocketAddr>,
    /// Made before the monitor enters the container's network namespace: an abstract
    /// address is looked up in the sender's namespace.
    sender: UnixDatagram,
    /// `container` mode: the socket the container writes to.
    listener: Option<UnixDatagram>,
    ready_sent: bool,
}

/// `$NOTIFY_SOCKET`: a path, or an abstract name written with a leading '@'.
fn address(socket: &Path) -> io::Result<SocketAddr> {
    use std::os::unix::ffi::OsStrExt;
    let bytes = socket.as_os_str().as_bytes();
    match bytes.strip_prefix(b"@") {
        Some(name) => SocketAddr::from_abstract_name(name),
        None => SocketAddr::from_pathname(socket),
    }
}

impl Notify {
    /// Binds the container's socket (in `container` mode) in the working directory, which is
    /// the socket dir.
    pub fn new(mode: Mode, socket: Option<&PathBuf>) -> io::Result<Notify> {
        let target = match socket {
            Some(s) => Some(address(s).map_err(|e| {
                io::Error::new(e.kind(), format!("notify socket {}: {e}", s.display()))
            })?),
            None => None,
        };
        let listener = match mode {
            Mode::Conmon => None,
            Mode::Container => {
                let path = Path::new(CONTAINER_SOCKET);
                let _ = std::fs::remove_file(path);
                let l = UnixDatagram::bind(path).map_err(|e| {
                    io::Error::new(e.kind(), format!("bind {CONTAINER_SOCKET}: {e}"))
                })?;
                // Any user in the container may notify, as with systemd's own socket.
                std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o777))?;
                l.set_nonblocking(true)?;
                Some(l)
            }
        };
        Ok(Notify {
            mode,
            target,
            sender: UnixDatagram::unbound()?,
            listener,
            ready_sent: false,
        })
    }

    fn send(&self, msg: &[u8]) {
        let Some(addr) = &self.target else { return };
        if let Err(e) = self.sender.send_to_addr(msg, addr) {
            warn(format_args!("send to the notify socket: {e}"));
        }
    }

    /// The container runs: in `conmon` mode, tell systemd (once).
    pub fn started(&mut self) {
        if self.mode == Mode::Conmon && !self.ready_sent {
            self.ready_sent = true;
            self.send(format!("MAINPID={}\nREADY=1\n", std::process::id()).as_bytes());
        }
    }

    /// The container's socket, to poll (`container` mode).
    pub fn fd(&self) -> Option<BorrowedFd<'_>> {
        self.listener.as_ref().map(|l| l.as_fd())
    }

    /// Passes on what the container sent.
    pub fn read(&mut self) {
        let mut buf = vec![0u8; 4096];
        loop {
            let n = match self.listener.as_ref().map(|l| l.recv(&mut buf)) {
                Some(Ok(n)) => n,
                Some(Err(e)) if e.kind() == io::ErrorKind::Interrupted => continue,
                _ => return,
            };
            let msg = rewrite(&buf[..n], std::process::id());
            self.send(&msg);
        }
    }
}

/// The container's message with `MAINPID` naming the monitor (the container's pids mean
/// nothing to systemd), added with `READY=1` when the container sent none.
fn rewrite(msg: &[u8], pid: u32) -> Vec<u8> {
    let text = String::from_utf8_lossy(msg);
    let mut out = String::new();
    let mut ready = false;
    let mut mainpid = false;
    for line in text.split('\n').filter(|l| !l.is_empty()) {
        if line.starts_with("MAINPID=") {
            mainpid = true;
            out.push_str(&format!("MAINPID={pid}\n"));
            continue;
        }
        ready |= line == "READY=1";
        out.push_str(line);
        out.push('\n');
    }
    if ready && !mainpid {
        out.insert_str(0, &format!("MAINPID={pid}\n"));
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    #[test]
    fn mainpid_names_the_monitor() {
        assert_eq!(
            super::rewrite(b"READY=1\nSTATUS=up", 42),
            b"MAINPID=42\nREADY=1\nSTATUS=up\n"
        );
        assert_eq!(
            super::rewrite(b"MAINPID=1\nREADY=1\n", 42),
            b"MAINPID=42\nREADY=1\n"
        );
        assert_eq!(super::rewrite(b"STATUS=x", 42), b"STATUS=x\n");
    }
}
