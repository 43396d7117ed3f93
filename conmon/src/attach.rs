//! The attach socket: clients of `socket-dir/attach`, a SOCK_SEQPACKET unix socket.
//!
//! Packet format (one packet per send/recv; no framing beyond the packet itself):
//! - monitor -> client: `[stream] ++ data`, at most [`MAX_PACKET`] bytes, where `stream` is
//!   `1` (stdout; with a terminal, everything the pty shows) or `2` (stderr). When the container
//!   has exited the last packet is `[3] ++ exit code in decimal ASCII` (`137` for SIGKILL), then
//!   the monitor closes the connection. Before it closes a client it shuts down its reading side
//!   and discards the input still queued (a client's send then fails with EPIPE): closing a unix
//!   socket with unread input resets the peer, whose next recv then fails with ECONNRESET before
//!   the output and exit code queued for it (input typed as the container ends did that).
//! - client -> monitor: raw bytes for the container's stdin (ignored without `--stdin`), at most
//!   [`MAX_INPUT`] bytes per packet (the rest of a longer one is lost). Never send an empty
//!   packet: it reads as end of stdin.
//! - `shutdown(SHUT_WR)` by a client closes the container's stdin (unless `--leave-stdin-open`;
//!   with a terminal stdin stays open, as closing the pty master would hang the container up).
//!   Keep the socket open after it, reading, until the `[3]` packet: a client that shuts down and
//!   closes at once cannot be told from one that just went away, which leaves stdin open.
//! - Detach keys are the client's business; it detaches by closing its socket.
//!
//! Output produced before a client connects is not replayed (read the log for that). A client
//! that stops reading is disconnected once [`MAX_QUEUED`] bytes wait for it, so a stuck client
//! never stalls the container.

use std::collections::VecDeque;
use std::os::fd::{AsFd, OwnedFd};

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

pub struct Client {
    pub fd: OwnedFd,
    queue: VecDeque<Vec<u8>>,
    queued: usize,
    /// False once the client shut down its writing side (or we stopped caring about its input).
    pub reading: bool,
    pub dead: bool,
}

impl Client {
    pub fn new(fd: OwnedFd) -> Client {
        Client {
            fd,
            queue: VecDeque::new(),
            queued: 0,
            reading: true,
            dead: false,
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

    /// At exit: everything queued and then `last`, waiting up to a second per packet for room.
    pub fn finish(mut self, last: &[u8]) {
        self.discard_input();
        if self.dead {
            return;
        }
        let _ = sock::set_send_timeout(self.fd.as_fd(), 1000);
        // The descriptor is non-blocking: clear that so the timeout above is what bounds us.
        let _ = hutch_sys::fd::set_blocking(self.fd.as_fd());
        for p in self.queue.drain(..) {
            if sock::send(self.fd.as_fd(), &p).is_err() {
                return;
            }
        }
        let _ = sock::send(self.fd.as_fd(), last);
    }
}

impl Drop for Client {
    /// A client dropped while the container runs (it went away, or stopped reading) is closed
    /// without a reset too.
    fn drop(&mut self) {
        self.discard_input();
    }
}
