//! The attach socket: clients of `socket-dir/attach`, a SOCK_SEQPACKET unix socket.
//!
//! Packet format (one packet per send/recv; no framing beyond the packet itself):
//! - monitor -> client: `[stream] ++ data`, at most [`MAX_PACKET`] bytes, where `stream` is
//!   `1` (stdout; with a terminal, everything the pty shows) or `2` (stderr). When the container
//!   has exited the last packet is `[3] ++ exit code in decimal ASCII` (`137` for SIGKILL), then
//!   the monitor shuts down its side (the client reads end of stream) and waits, up to
//!   [`CLOSE_WAIT`], for the client to close the connection before it runs its exit command: a
//!   client that cleans up after the container closes when it is done. A client closed while
//!   the container runs (it went away or stopped reading) first has its reading side shut down
//!   and its unread input discarded: closing a unix socket with unread input resets the peer,
//!   whose next recv then fails with ECONNRESET before the output queued for it.
//! - client -> monitor: raw bytes for the container's stdin (ignored without `--stdin`), at most
//!   [`MAX_INPUT`] bytes per packet (the rest of a longer one is lost). Never send an empty
//!   packet: it reads as end of stdin.
//! - `shutdown(SHUT_WR)` by a client closes the container's stdin (unless `--leave-stdin-open`;
//!   with a terminal stdin stays open, as closing the pty master would hang the container up).
//!   Keep the socket open after it, reading, until the `[3]` packet: a client that shuts down and
//!   closes at once cannot be told from one that just went away, which leaves stdin open.
//! - Detach keys are the client's business; it detaches by closing its socket.
//! - After the `[3]` packet a client that cleaned up after the container itself (hutch's
//!   `run --rm`, `start -a`) may send [`CLEANED`], followed for a removed container by the
//!   directory its files were moved to, before it closes: the monitor then does what is left
//!   (`RUNTIME delete`, deleting that directory) itself instead of running its exit command.
//!
//! Output produced before a client connects is not replayed (read the log for that). A client
//! that stops reading is disconnected once [`MAX_QUEUED`] bytes wait for it, so a stuck client
//! never stalls the container.

use std::collections::VecDeque;
use std::os::fd::{AsFd, OwnedFd};
use std::time::{Duration, Instant};

use hutch_sys::sock;

/// Largest packet the monitor sends: the stream byte plus up to 8 KiB of data. Clients should
/// receive with a buffer at least this big (a shorter buffer truncates the packet).
pub const MAX_PACKET: usize = 1 + 8192;
/// Largest packet of input a client may send (the monitor receives into a [`MAX_PACKET`] buffer).
pub const MAX_INPUT: usize = 8192;
/// Stream byte of the final packet, which carries the exit code.
pub const EXIT_STREAM: u8 = 3;
/// Output bytes that may wait for one slow client before it is dropped.
pub const MAX_QUEUED: usize = 4 << 20;
/// How long the monitor waits at exit for its clients to close before the exit command runs.
pub const CLOSE_WAIT: Duration = Duration::from_secs(5);
/// What a client sends after the exit packet when it cleaned up after the container itself.
/// It cannot be stdin: that is closed by then, and no terminal sends these bytes.
pub const CLEANED: &[u8] = b"\0hutch: cleaned up\0";

/// A client's [`CLEANED`] packet: what the exit command would still have had to do.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Where the client moved the removed container's directory (its `trash`), to delete.
    pub trash: Option<std::path::PathBuf>,
}

impl Cleaned {
    /// The [`CLEANED`] packet `p`, else None.
    pub fn parse(p: &[u8]) -> Option<Cleaned> {
        use std::os::unix::ffi::OsStrExt;
        let rest = p.strip_prefix(CLEANED)?;
        let trash =
            (!rest.is_empty()).then(|| std::path::PathBuf::from(std::ffi::OsStr::from_bytes(rest)));
        Some(Cleaned { trash })
    }
}

pub struct Client {
    pub fd: OwnedFd,
    queue: VecDeque<Vec<u8>>,
    queued: usize,
    /// False once the client shut down its writing side (or we stopped caring about its input).
    pub reading: bool,
    pub dead: bool,
    /// `finish` gave the connection to its caller, who reads it until the client closes.
    handed_over: bool,
}

impl Client {
    pub fn new(fd: OwnedFd) -> Client {
        Client {
            fd,
            queue: VecDeque::new(),
            queued: 0,
            reading: true,
            dead: false,
            handed_over: false,
        }
    }

    pub fn wants_write(&self) -> bool {
        !self.queue.is_empty()
    }

    /// Sends `packet` now if the socket has room, else queues it.
    pub fn send(&mut self, packet: &[u8]) {
        if self.dead {
            return;
        }
        if self.queue.is_empty() {
            match sock::send_nonblocking(self.fd.as_fd(), packet) {
                Ok(true) => return,
                Ok(false) => {}
                Err(_) => {
                    self.dead = true;
                    return;
                }
            }
        }
        self.queued += packet.len();
        if self.queued > MAX_QUEUED {
            self.dead = true;
            self.queue.clear();
            return;
        }
        self.queue.push_back(packet.to_vec());
    }

    /// Sends what is queued while the socket has room.
    pub fn flush(&mut self) {
        while let Some(p) = self.queue.front() {
            match sock::send_nonblocking(self.fd.as_fd(), p) {
                Ok(true) => {
                    self.queued -= p.len();
                    self.queue.pop_front();
                }
                Ok(false) => return,
                Err(_) => {
                    self.dead = true;
                    self.queue.clear();
                    return;
                }
            }
        }
    }

    /// Refuses further input and discards what the client sent that nobody read, so that
    /// closing the socket does not reset the client's side (see the module comment).
    fn discard_input(&mut self) {
        let _ = sock::shutdown_read(self.fd.as_fd());
        let mut buf = [0u8; 4096];
        // The descriptor does not block; after the shutdown an empty queue reads as 0.
        while let Ok(Some(n)) = sock::recv(self.fd.as_fd(), &mut buf) {
            if n == 0 {
                break;
            }
        }
    }

    /// At exit: everything queued and then `last`, waiting up to a second per packet for room;
    /// then end of stream for the client. Returns the connection while the client has it open.
    pub fn finish(mut self, last: &[u8]) -> Option<OwnedFd> {
        if self.dead {
            return None;
        }
        let _ = sock::set_send_timeout(self.fd.as_fd(), 1000);
        // The descriptor is non-blocking: clear that so the timeout above is what bounds us.
        let _ = hutch_sys::fd::set_blocking(self.fd.as_fd());
        for p in self.queue.drain(..) {
            if sock::send(self.fd.as_fd(), &p).is_err() {
                return None;
            }
        }
        sock::send(self.fd.as_fd(), last).ok()?;
        sock::shutdown_write(self.fd.as_fd()).ok()?;
        // The connection now belongs to the caller (see `wait_closed`), which reads what the
        // client still sends: this Client's drop must not shut its reading side down.
        let fd = self.fd.try_clone().ok()?;
        self.handed_over = true;
        Some(fd)
    }
}

/// Waits until every client in `fds` has closed its connection, or `limit` passed. A client
/// that cleans up after the container (hutch's `run`, `start -a`) closes once it is done, so
/// the exit command started after this never competes with it for the container's lock or
/// the CPU. Returns the [`CLEANED`] packet of a client that sent one; whatever else a client
/// still sends is read and dropped: stdin is closed by now.
pub fn wait_closed(mut fds: Vec<OwnedFd>, limit: Duration) -> Option<Cleaned> {
    use hutch_sys::fd::{PollFd, POLLIN};
    let deadline = Instant::now() + limit;
    let mut buf = vec![0u8; MAX_PACKET];
    let mut cleaned = None;
    while !fds.is_empty() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return cleaned;
        }
        let mut polled: Vec<PollFd> = fds.iter().map(|f| PollFd::new(f.as_fd(), POLLIN)).collect();
        match hutch_sys::fd::poll(&mut polled, left.as_millis().clamp(1, 1000) as i32) {
            Ok(0) => continue,
            Ok(_) => {}
            Err(_) => return cleaned,
        }
        let ready: Vec<bool> = polled.iter().map(|p| p.revents() != 0).collect();
        let mut i = 0;
        fds.retain(|f| {
            let keep = !ready[i]
                || match sock::recv(f.as_fd(), &mut buf) {
                    Ok(Some(n)) if n > 0 => {
                        if let Some(c) = Cleaned::parse(&buf[..n]) {
                            cleaned = Some(c);
                        }
                        true
                    }
                    _ => false,
                };
            i += 1;
            keep
        });
    }
    cleaned
}

impl Drop for Client {
    /// A client dropped while the container runs (it went away, or stopped reading) is closed
    /// without a reset too.
    fn drop(&mut self) {
        if !self.handed_over {
            self.discard_input();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaned_packet_with_and_without_trash() {
        assert_eq!(Cleaned::parse(CLEANED), Some(Cleaned { trash: None }));
        let mut p = CLEANED.to_vec();
        p.extend_from_slice(b"/store/trash/abc");
        assert_eq!(
            Cleaned::parse(&p),
            Some(Cleaned {
                trash: Some("/store/trash/abc".into())
            })
        );
        // Anything else a client sends after the exit packet is not it.
        assert_eq!(Cleaned::parse(b"\x04"), None);
        assert_eq!(Cleaned::parse(b"hutch: cleaned up"), None);
    }
}
