//! TCP forwarding primitives for the monitor's port forwarder: non-blocking connects, splice(2)
//! through pipes (the data never enters user space), the descriptor limit, and aborting a
//! connection with a reset.
#![allow(unsafe_code)]

use nix::sys::socket::{self, sockopt, AddressFamily, SockFlag, SockType};
use std::io;
use std::net::SocketAddr;
use std::os::fd::{AsRawFd, BorrowedFd, OwnedFd};

/// Starts connecting a new non-blocking, close-on-exec TCP socket to `dest`, in the calling
/// thread's network namespace. `Ok((fd, true))` when it connected at once, `(fd, false)` while
/// in progress: wait for POLLOUT, then ask [`take_error`].
pub fn connect_nonblocking(dest: SocketAddr) -> io::Result<(OwnedFd, bool)> {
    let family = match dest {
        SocketAddr::V4(_) => AddressFamily::Inet,
        SocketAddr::V6(_) => AddressFamily::Inet6,
    };
    let fd = socket::socket(
        family,
        SockType::Stream,
        SockFlag::SOCK_NONBLOCK | SockFlag::SOCK_CLOEXEC,
        None,
    )?;
    loop {
        let r = match dest {
            SocketAddr::V4(a) => {
                let sa = libc::sockaddr_in {
                    sin_family: libc::AF_INET as libc::sa_family_t,
                    sin_port: a.port().to_be(),
                    sin_addr: libc::in_addr {
                        s_addr: u32::from(*a.ip()).to_be(),
                    },
                    sin_zero: [0; 8],
                };
                // SAFETY: `sa` is a complete sockaddr_in on our stack and the length passed is
                // its size; the kernel only reads it.
                unsafe {
                    libc::connect(
                        fd.as_raw_fd(),
                        (&sa as *const libc::sockaddr_in).cast(),
                        std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t,
                    )
                }
            }
            SocketAddr::V6(a) => {
                let sa = libc::sockaddr_in6 {
                    sin6_family: libc::AF_INET6 as libc::sa_family_t,
                    sin6_port: a.port().to_be(),
                    sin6_flowinfo: a.flowinfo(),
                    sin6_addr: libc::in6_addr {
                        s6_addr: a.ip().octets(),
                    },
                    sin6_scope_id: a.scope_id(),
                };
                // SAFETY: as above, with a complete sockaddr_in6.
                unsafe {
                    libc::connect(
                        fd.as_raw_fd(),
                        (&sa as *const libc::sockaddr_in6).cast(),
                        std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t,
                    )
                }
            }
        };
        if r == 0 {
            return Ok((fd, true));
        }
        let e = io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EINPROGRESS) => return Ok((fd, false)),
            Some(libc::EINTR) => continue,
            _ => return Err(e),
        }
    }
}

/// The pending error of a socket (SO_ERROR), clearing it: how a non-blocking connect ends.
pub fn take_error(fd: BorrowedFd<'_>) -> io::Result<()> {
    match socket::getsockopt(&fd, sockopt::SocketError)? {
        0 => Ok(()),
        e => Err(io::Error::from_raw_os_error(e)),
    }
}

/// Makes the next close of `fd` send a reset instead of a FIN (SO_LINGER with a zero timeout),
/// so a peer learns that the other end of a forwarded connection failed.
pub fn reset_on_close(fd: BorrowedFd<'_>) -> io::Result<()> {
    let l = libc::linger {
        l_onoff: 1,
        l_linger: 0,
    };
    // SAFETY: setsockopt reads `size_of::<linger>()` bytes from `l`, which lives on our stack.
    let r = unsafe {
        libc::setsockopt(
            fd.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_LINGER,
            (&l as *const libc::linger).cast(),
            std::mem::size_of::<libc::linger>() as libc::socklen_t,
        )
    };
    if r != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// A non-blocking, close-on-exec pipe (read end, write end) for splicing.
pub fn splice_pipe() -> io::Result<(OwnedFd, OwnedFd)> {
    use nix::fcntl::OFlag;
    Ok(nix::unistd::pipe2(OFlag::O_NONBLOCK | OFlag::O_CLOEXEC)?)
}

/// The capacity of the pipe `fd` (64 KiB, or one page once the user's pipes exceed
/// `pipe-user-pages-soft`).
pub fn pipe_size(fd: BorrowedFd<'_>) -> io::Result<usize> {
    use nix::fcntl::{fcntl, FcntlArg};
    Ok(fcntl(fd.as_raw_fd(), FcntlArg::F_GETPIPE_SZ)? as usize)
}

/// Moves up to `len` bytes from `from` to `to` (one of them a pipe) without copying them through
/// user space and without blocking. `Ok(None)`: nothing can move now (EAGAIN); `Ok(Some(0))`:
/// end of stream on `from`.
pub fn splice(from: BorrowedFd<'_>, to: BorrowedFd<'_>, len: usize) -> io::Result<Option<usize>> {
    loop {
        // SAFETY: both descriptors are open for the duration of the call (borrowed); null offsets
        // tell the kernel to use and advance the files' own positions; no memory of ours is
        // read or written.
        let n = unsafe {
            libc::splice(
                from.as_raw_fd(),
                std::ptr::null_mut(),
                to.as_raw_fd(),
                std::ptr::null_mut(),
                len,
                libc::SPLICE_F_MOVE | libc::SPLICE_F_NONBLOCK,
            )
        };
        if n >= 0 {
            return Ok(Some(n as usize));
        }
        let e = io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EINTR) => continue,
            Some(libc::EAGAIN) => return Ok(None),
            _ => return Err(e),
        }
    }
}

/// Raises the soft limit on open descriptors to the hard limit: every forwarded connection
/// costs six (two sockets, two pipes).
pub fn raise_nofile_limit() -> io::Result<u64> {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes one rlimit struct into `lim`, which lives on our stack.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) } != 0 {
        return Err(io::Error::last_os_error());
    }
    if lim.rlim_cur < lim.rlim_max {
        lim.rlim_cur = lim.rlim_max;
        // SAFETY: setrlimit only reads the struct we pass by reference.
        if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &lim) } != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(lim.rlim_cur)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::{Shutdown, TcpListener, TcpStream};
    use std::os::fd::AsFd;

    #[test]
    fn splices_a_connection_through_a_pipe() {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let (fd, _) = connect_nonblocking(l.local_addr().unwrap()).unwrap();
        let (mut server, _) = l.accept().unwrap();
        let mut fds = [crate::fd::PollFd::new(fd.as_fd(), crate::fd::POLLOUT)];
        crate::fd::poll(&mut fds, 5000).unwrap();
        take_error(fd.as_fd()).unwrap();
        let (r, w) = splice_pipe().unwrap();
        assert!(pipe_size(w.as_fd()).unwrap() >= 4096);
        server.write_all(b"hello").unwrap();
        server.shutdown(Shutdown::Write).unwrap();
        let mut got = 0;
        let start = std::time::Instant::now();
        while got < 5 && start.elapsed().as_secs() < 5 {
            got += splice(fd.as_fd(), w.as_fd(), 1 << 16).unwrap().unwrap_or(0);
        }
        assert_eq!(got, 5);
        let mut back = [0u8; 5];
        let mut rf = std::fs::File::from(r);
        rf.read_exact(&mut back).unwrap();
        assert_eq!(&back, b"hello");
        let refused = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = refused.local_addr().unwrap();
        drop(refused);
        let _ = TcpStream::connect(addr).unwrap_err();
        raise_nofile_limit().unwrap();
    }
}
