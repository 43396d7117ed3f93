//! Unix sockets the monitor and its clients need and std lacks: SOCK_SEQPACKET (the attach
//! socket, one packet per write) and passing a file descriptor with SCM_RIGHTS (the runtime's
//! console socket hands over the pty master this way).
#![allow(unsafe_code)]

use nix::sys::socket::{self, AddressFamily, Backlog, MsgFlags, SockFlag, SockType, UnixAddr};
use std::io;
use std::os::fd::{AsRawFd, BorrowedFd, FromRawFd, OwnedFd, RawFd};
use std::path::Path;

fn unix_socket(ty: SockType) -> io::Result<OwnedFd> {
    Ok(socket::socket(
        AddressFamily::Unix,
        ty,
        SockFlag::SOCK_CLOEXEC | SockFlag::SOCK_NONBLOCK,
        None,
    )?)
}

fn listen_at(ty: SockType, path: &Path) -> io::Result<OwnedFd> {
    let fd = unix_socket(ty)?;
    // A leftover socket file from an earlier monitor of the same container would make bind fail.
    let _ = std::fs::remove_file(path);
    socket::bind(fd.as_raw_fd(), &UnixAddr::new(path)?)?;
    socket::listen(&fd, Backlog::new(64).unwrap_or(Backlog::MAXCONN))?;
    Ok(fd)
}

/// A non-blocking SOCK_SEQPACKET listener bound at `path`. Unix socket paths are limited to 107
/// bytes: callers with long paths chdir into the directory and pass a relative name.
pub fn seqpacket_listen(path: &Path) -> io::Result<OwnedFd> {
    listen_at(SockType::SeqPacket, path)
}

/// A non-blocking SOCK_STREAM listener bound at `path` (the runtime's `--console-socket`).
pub fn stream_listen(path: &Path) -> io::Result<OwnedFd> {
    listen_at(SockType::Stream, path)
}

/// Connects a blocking SOCK_SEQPACKET socket to `path` (an attach client). Paths too long for a
/// socket address (runroot/containers/<64 hex>/attach often is) are reached through
/// `/proc/self/fd/<dir>/<name>`.
pub fn seqpacket_connect(path: &Path) -> io::Result<OwnedFd> {
    let fd = socket::socket(
        AddressFamily::Unix,
        SockType::SeqPacket,
        SockFlag::SOCK_CLOEXEC,
        None,
    )?;
    if path.as_os_str().len() < 100 {
        socket::connect(fd.as_raw_fd(), &UnixAddr::new(path)?)?;
        return Ok(fd);
    }
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(io::Error::from_raw_os_error(libc::ENAMETOOLONG));
    };
    let dir = std::fs::File::open(dir)?;
    let short = Path::new("/proc/self/fd")
        .join(dir.as_raw_fd().to_string())
        .join(name);
    socket::connect(fd.as_raw_fd(), &UnixAddr::new(&short)?)?;
    Ok(fd)
}

/// Accepts one pending connection as a non-blocking, close-on-exec socket; `None` when there is
/// none.
pub fn accept(listener: BorrowedFd<'_>) -> io::Result<Option<OwnedFd>> {
    match socket::accept4(
        listener.as_raw_fd(),
        SockFlag::SOCK_CLOEXEC | SockFlag::SOCK_NONBLOCK,
    ) {
        // SAFETY: accept4 just returned this descriptor; nothing else owns it.
        Ok(fd) => Ok(Some(unsafe { OwnedFd::from_raw_fd(fd) })),
        Err(nix::errno::Errno::EAGAIN) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Sends one packet without blocking and without raising SIGPIPE. `Ok(false)` when the socket's
/// buffer is full.
pub fn send_nonblocking(fd: BorrowedFd<'_>, buf: &[u8]) -> io::Result<bool> {
    match socket::send(
        fd.as_raw_fd(),
        buf,
        MsgFlags::MSG_DONTWAIT | MsgFlags::MSG_NOSIGNAL,
    ) {
        Ok(_) => Ok(true),
        Err(nix::errno::Errno::EAGAIN) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Sends one packet, waiting for room, without raising SIGPIPE.
pub fn send(fd: BorrowedFd<'_>, buf: &[u8]) -> io::Result<usize> {
    loop {
        match socket::send(fd.as_raw_fd(), buf, MsgFlags::MSG_NOSIGNAL) {
            Err(nix::errno::Errno::EINTR) => continue,
            r => return Ok(r?),
        }
    }
}

/// Receives one packet (or stream bytes). `Ok(None)` when a non-blocking socket has nothing;
/// `Ok(Some(0))` is end of stream (the peer shut down its writing side or closed).
pub fn recv(fd: BorrowedFd<'_>, buf: &mut [u8]) -> io::Result<Option<usize>> {
    loop {
        match socket::recv(fd.as_raw_fd(), buf, MsgFlags::empty()) {
            Ok(n) => return Ok(Some(n)),
            Err(nix::errno::Errno::EINTR) => continue,
            Err(nix::errno::Errno::EAGAIN) => return Ok(None),
            Err(e) => return Err(e.into()),
        }
    }
}

/// Shuts down the writing side: for an attach client, "no more stdin".
pub fn shutdown_write(fd: BorrowedFd<'_>) -> io::Result<()> {
    Ok(socket::shutdown(fd.as_raw_fd(), socket::Shutdown::Write)?)
}

/// Shuts down the reading side: nothing more can be sent to us (the peer's sends fail with
/// EPIPE), while what is queued can still be read. A monitor does this before it closes an
/// attach client, so that no input arrives between draining the queue and closing (closing with
/// unread input resets the connection, and the peer then loses what we sent last).
pub fn shutdown_read(fd: BorrowedFd<'_>) -> io::Result<()> {
    Ok(socket::shutdown(fd.as_raw_fd(), socket::Shutdown::Read)?)
}

/// Makes blocking sends on `fd` give up after `millis` (so a stuck peer cannot hold us forever).
pub fn set_send_timeout(fd: BorrowedFd<'_>, millis: u64) -> io::Result<()> {
    let tv = nix::sys::time::TimeVal::new((millis / 1000) as _, ((millis % 1000) * 1000) as _);
    Ok(socket::setsockopt(&fd, socket::sockopt::SendTimeout, &tv)?)
}

/// Receives one file descriptor passed with SCM_RIGHTS on a connected stream socket, with
/// whatever bytes came along it (the runtime sends the console's name). Blocks until it comes.
pub fn recv_fd(fd: BorrowedFd<'_>) -> io::Result<OwnedFd> {
    let mut data = [0u8; 256];
    let mut cmsg = nix::cmsg_space!([RawFd; 1]);
    loop {
        let mut iov = [io::IoSliceMut::new(&mut data)];
        let msg = match socket::recvmsg::<()>(
            fd.as_raw_fd(),
            &mut iov,
            Some(&mut cmsg),
            MsgFlags::MSG_CMSG_CLOEXEC,
        ) {
            Err(nix::errno::Errno::EINTR) => continue,
            r => r?,
        };
        let mut received = None;
        for c in msg.cmsgs()? {
            if let socket::ControlMessageOwned::ScmRights(fds) = c {
                for raw in fds {
                    // SAFETY: the kernel just installed this descriptor in our table for this
                    // message; nothing else owns it. Extra ones are closed by their drop.
                    let owned = unsafe { OwnedFd::from_raw_fd(raw) };
                    received.get_or_insert(owned);
                }
            }
        }
        return received.ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                "no file descriptor in the message",
            )
        });
    }
}

/// Sends `file` with SCM_RIGHTS on a connected socket (tests play the runtime with it).
pub fn send_fd(sock: BorrowedFd<'_>, file: BorrowedFd<'_>) -> io::Result<()> {
    let fds = [file.as_raw_fd()];
    let iov = [io::IoSlice::new(b"console")];
    let cmsg = [socket::ControlMessage::ScmRights(&fds)];
    socket::sendmsg::<()>(sock.as_raw_fd(), &iov, &cmsg, MsgFlags::MSG_NOSIGNAL, None)?;
    Ok(())
}
