//! Published TCP ports for slirp4netns containers: listening sockets the engine bound on the
//! host (inherited with `--port-fd`), each accepted connection dialed to the container's address
//! from inside its network namespace, and the bytes moved both ways with splice(2) through a
//! pipe per direction, driven by the monitor's poll loop.
//!
//! A direction ends when its source reads end-of-stream and its pipe is empty: the other socket
//! is then shut down for writing (so half-closed connections keep working the other way). An
//! error on either socket ends the connection, resetting the other side.

use std::net::SocketAddr;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};

use hutch_sys::fd::{POLLERR, POLLHUP, POLLIN, POLLOUT};
use hutch_sys::{sock, tcp};

/// Splice rounds per connection and wake-up, so one busy connection cannot starve the log, the
/// attach clients or the other connections. Each round moves up to a pipe's capacity: 64 KiB,
/// the default (bigger pipes measured no faster on loopback, and cost more CPU per byte).
const ROUNDS: usize = 8;
/// Connections accepted per listener and wake-up.
const ACCEPT_BURST: usize = 32;

struct Port {
    listener: OwnedFd,
    dest: SocketAddr,
}

/// One direction of a connection: bytes from `from` waiting in the pipe for `to`.
struct Flow {
    pipe_r: OwnedFd,
    pipe_w: OwnedFd,
    queued: usize,
    /// The source said end-of-stream.
    eof: bool,
    /// The destination was shut down for writing after the last byte.
    done: bool,
}

impl Flow {
    fn new() -> std::io::Result<Flow> {
        let (pipe_r, pipe_w) = tcp::splice_pipe()?;
        Ok(Flow {
            pipe_r,
            pipe_w,
            queued: 0,
            eof: false,
            done: false,
        })
    }

    fn wants_read(&self, cap: usize) -> bool {
        !self.eof && self.queued < cap
    }

    /// Moves what can move now; `Ok(true)` if anything did. Errors end the connection.
    fn pump(
        &mut self,
        from: BorrowedFd<'_>,
        to: BorrowedFd<'_>,
        cap: usize,
    ) -> std::io::Result<bool> {
        let mut moved = false;
        for _ in 0..ROUNDS {
            let mut progress = false;
            if self.wants_read(cap) {
                match tcp::splice(from, self.pipe_w.as_fd(), cap - self.queued)? {
                    Some(0) => self.eof = true,
                    Some(n) => {
                        self.queued += n;
                        progress = true;
                    }
                    None => {}
                }
            }
            if self.queued > 0 {
                if let Some(n) = tcp::splice(self.pipe_r.as_fd(), to, self.queued)? {
                    self.queued -= n;
                    progress |= n > 0;
                }
            }
            moved |= progress;
            if !progress {
                break;
            }
        }
        if self.eof && self.queued == 0 && !self.done {
            self.done = true;
            // ENOTCONN: the peer is gone already; the other direction will notice.
            let _ = sock::shutdown_write(to);
        }
        Ok(moved)
    }
}

/// A forwarded connection: `host` accepted on a published port, `ctr` dialed to the container.
struct Conn {
    host: OwnedFd,
    ctr: OwnedFd,
    connecting: bool,
    /// host -> container, container -> host.
    up: Flow,
    down: Flow,
    cap: usize,
    dead: bool,
}

impl Conn {
    fn finished(&self) -> bool {
        self.dead || (self.up.done && self.down.done)
    }

    /// The poll events wanted on (host, ctr); 0 means "leave it out of the poll set": a
    /// socket nothing is wanted from would only report hang-ups we cannot act on yet.
    fn interest(&self) -> (i16, i16) {
        if self.connecting {
            return (0, POLLOUT);
        }
        let mut h = 0;
        let mut c = 0;
        if self.up.wants_read(self.cap) {
            h |= POLLIN;
        }
        if self.down.wants_read(self.cap) {
            c |= POLLIN;
        }
        if self.up.queued > 0 {
            c |= POLLOUT;
        }
        if self.down.queued > 0 {
            h |= POLLOUT;
        }
        (h, c)
    }

    fn event(&mut self, revents: i16) {
        if self.connecting {
            if revents & (POLLOUT | POLLERR | POLLHUP) == 0 {
                return;
            }
            if let Err(e) = tcp::take_error(self.ctr.as_fd()) {
                warn_some(format_args!("connect to the container: {e}"));
                self.fail();
                return;
            }
            self.connecting = false;
        }
        self.pump();
    }

    fn pump(&mut self) {
        let r = self
            .up
            .pump(self.host.as_fd(), self.ctr.as_fd(), self.cap)
            .and_then(|_| {
                self.down
                    .pump(self.ctr.as_fd(), self.host.as_fd(), self.cap)
            });
        if r.is_err() {
            self.fail();
        }
    }

    /// Ends the connection with a reset on both sides: one of them failed, and a plain close
    /// would look like a complete transfer to the other.
    fn fail(&mut self) {
        let _ = tcp::reset_on_close(self.host.as_fd());
        let _ = tcp::reset_on_close(self.ctr.as_fd());
        self.dead = true;
    }
}

/// The monitor's diagnostics go to its stderr (see `monitor::warn`); connection failures are
/// routine (a container not listening yet), so only the first few are reported.
fn warn_some(msg: std::fmt::Arguments<'_>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static SAID: AtomicUsize = AtomicUsize::new(0);
    if SAID.fetch_add(1, Ordering::Relaxed) < 10 {
        crate::monitor::warn(msg);
    }
}

/// Which socket a poll entry is about.
#[derive(Clone, Copy)]
pub enum Slot {
    Listener(usize),
    Conn(usize),
}

pub struct Forwarder {
    ports: Vec<Port>,
    conns: Vec<Conn>,
    /// Accepting stopped after running out of descriptors, until a connection closes.
    starved: bool,
}

impl Forwarder {
    /// Takes the listening sockets; must run in the namespace where `dest`s are dialed.
    pub fn new(listeners: Vec<(OwnedFd, SocketAddr)>) -> std::io::Result<Forwarder> {
        for (l, _) in &listeners {
            hutch_sys::fd::set_nonblocking(l.as_fd())?;
        }
        if let Err(e) = tcp::raise_nofile_limit() {
            crate::monitor::warn(format_args!("raise the descriptor limit: {e}"));
        }
        Ok(Forwarder {
            ports: listeners
                .into_iter()
                .map(|(listener, dest)| Port { listener, dest })
                .collect(),
            conns: Vec::new(),
            starved: false,
        })
    }

    /// Adds the sockets to poll; `add` gets (fd, events, slot) and the connection's two
    /// sockets share one slot.
    pub fn poll_set<'a>(&'a self, add: &mut impl FnMut(BorrowedFd<'a>, i16, Slot)) {
        if !self.starved {
            for (i, p) in self.ports.iter().enumerate() {
                add(p.listener.as_fd(), POLLIN, Slot::Listener(i));
            }
        }
        for (i, c) in self.conns.iter().enumerate() {
            let (h, k) = c.interest();
            if h != 0 {
                add(c.host.as_fd(), h, Slot::Conn(i));
            }
            if k != 0 {
                add(c.ctr.as_fd(), k, Slot::Conn(i));
            }
        }
    }

    pub fn event(&mut self, slot: Slot, revents: i16) {
        match slot {
            Slot::Listener(i) => self.accept(i),
            Slot::Conn(i) => {
                if let Some(c) = self.conns.get_mut(i) {
                    if !c.finished() {
                        c.event(revents);
                    }
                }
            }
        }
    }

    /// Drops finished connections; call after handling a round of events (slots index
    /// connections by position).
    pub fn sweep(&mut self) {
        let before = self.conns.len();
        self.conns.retain(|c| !c.finished());
        if self.conns.len() < before {
            self.starved = false;
        }
    }

    fn accept(&mut self, i: usize) {
        let Some(port) = self.ports.get(i) else {
            return;
        };
        for _ in 0..ACCEPT_BURST {
            let host = match sock::accept(port.listener.as_fd()) {
                Ok(Some(fd)) => fd,
                Ok(None) => return,
                Err(e) => {
                    if e.raw_os_error().is_some_and(is_out_of_fds) {
                        self.starved = true;
                    }
                    warn_some(format_args!("accept on a published port: {e}"));
                    return;
                }
            };
            match Self::dial(host, port.dest) {
                Ok(c) => self.conns.push(c),
                Err(e) => {
                    if e.raw_os_error().is_some_and(is_out_of_fds) {
                        self.starved = true;
                    }
                    warn_some(format_args!("forward to {}: {e}", port.dest));
                    if self.starved {
                        return;
                    }
                }
            }
        }
    }

    fn dial(host: OwnedFd, dest: SocketAddr) -> std::io::Result<Conn> {
        let fail = |host: &OwnedFd| {
            let _ = tcp::reset_on_close(host.as_fd());
        };
        let (ctr, connected) = tcp::connect_nonblocking(dest).inspect_err(|_| fail(&host))?;
        let (up, down) = match Flow::new().and_then(|u| Ok((u, Flow::new()?))) {
            Ok(f) => f,
            Err(e) => {
                fail(&host);
                return Err(e);
            }
        };
        let cap = tcp::pipe_size(up.pipe_w.as_fd()).unwrap_or(65536);
        let mut c = Conn {
            host,
            ctr,
            connecting: !connected,
            up,
            down,
            cap,
            dead: false,
        };
        if connected {
            // Whatever the client sent already moves now.
            c.pump();
        }
        Ok(c)
    }
}

fn is_out_of_fds(errno: i32) -> bool {
    // EMFILE (24) and ENFILE (23): the process's or the system's descriptor table is full.
    errno == 24 || errno == 23
}

#[cfg(test)]
mod tests {
    use super::*;
    use hutch_sys::fd::PollFd;
    use std::io::{Read, Write};
    use std::net::{Shutdown, TcpListener, TcpStream};
    use std::time::{Duration, Instant};

    /// Runs the forwarder's poll loop until `done` says so (or 20 s pass).
    fn run_until(f: &mut Forwarder, done: impl Fn(&Forwarder) -> bool) {
        let start = Instant::now();
        let mut fds = Vec::new();
        let mut slots = Vec::new();
        while !done(f) && start.elapsed() < Duration::from_secs(20) {
            fds.clear();
            slots.clear();
            f.poll_set(&mut |fd, ev, s| {
                fds.push(PollFd::new(fd, ev));
                slots.push(s);
            });
            hutch_sys::fd::poll(&mut fds, 50).unwrap();
            for (p, s) in fds.iter().zip(slots.iter()) {
                if p.revents() != 0 {
                    f.event(*s, p.revents());
                }
            }
            f.sweep();
        }
    }

    #[test]
    fn forwards_both_ways_with_half_close() {
        // The "container": echoes everything back with a prefix once the client is done.
        let server = TcpListener::bind("127.0.0.1:0").unwrap();
        let dest = server.local_addr().unwrap();
        let srv = std::thread::spawn(move || {
            let (mut c, _) = server.accept().unwrap();
            let mut all = Vec::new();
            c.read_to_end(&mut all).unwrap();
            c.write_all(b"got:").unwrap();
            c.write_all(&all).unwrap();
        });
        let published = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = published.local_addr().unwrap();
        let mut f = Forwarder::new(vec![(OwnedFd::from(published), dest)]).unwrap();
        let client = std::thread::spawn(move || {
            let mut s = TcpStream::connect(port).unwrap();
            let data: Vec<u8> = (0..5_000_000u32).map(|i| (i * 7 % 251) as u8).collect();
            s.write_all(&data).unwrap();
            s.shutdown(Shutdown::Write).unwrap();
            let mut back = Vec::new();
            s.read_to_end(&mut back).unwrap();
            assert_eq!(&back[..4], b"got:");
            assert!(back[4..] == data[..], "the echo differs");
        });
        run_until(&mut f, |_| client.is_finished());
        client.join().unwrap();
        srv.join().unwrap();
        run_until(&mut f, |f| f.conns.is_empty());
        assert!(f.conns.is_empty(), "the connection is finished");
    }

    #[test]
    fn refused_connections_are_reset() {
        let gone = TcpListener::bind("127.0.0.1:0").unwrap();
        let dest = gone.local_addr().unwrap();
        drop(gone);
        let published = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = published.local_addr().unwrap();
        let mut f = Forwarder::new(vec![(OwnedFd::from(published), dest)]).unwrap();
        let client = std::thread::spawn(move || {
            let mut s = TcpStream::connect(port).unwrap();
            s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
            let mut buf = [0u8; 16];
            s.read(&mut buf)
        });
        run_until(&mut f, |_| client.is_finished());
        let r = client.join().unwrap();
        assert!(
            matches!(&r, Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset)
                || matches!(r, Ok(0)),
            "{r:?}"
        );
        assert!(f.conns.is_empty());
    }
}
