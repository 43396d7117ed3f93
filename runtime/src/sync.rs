//! The conversation between the runtime and the process it forks, on a SOCK_SEQPACKET pair
//! (close-on-exec, so a successful exec ends it): one message per packet, a letter and a text.

use anyhow::{bail, Context, Result};
use std::io::{Read, Write};
use std::os::unix::net::UnixStream;

/// Runtime → child: the id maps are written.
pub const MAPPED: u8 = b'M';
/// Child → runtime: run the createRuntime/prestart hooks now; runtime → child: done.
pub const HOOKS: u8 = b'H';
/// Child → runtime: set up, the executable found; what remains cannot fail but exec.
pub const READY: u8 = b'R';
/// Child → runtime: the error text follows.
pub const ERROR: u8 = b'E';

pub fn pair() -> Result<(UnixStream, UnixStream)> {
    use nix::sys::socket::{socketpair, AddressFamily, SockFlag, SockType};
    let (a, b) = socketpair(
        AddressFamily::Unix,
        SockType::SeqPacket,
        None,
        SockFlag::SOCK_CLOEXEC,
    )
    .context("socketpair")?;
    Ok((UnixStream::from(a), UnixStream::from(b)))
}

pub fn send(s: &mut UnixStream, kind: u8, text: &str) -> Result<()> {
    let mut buf = Vec::with_capacity(text.len() + 1);
    buf.push(kind);
    buf.extend_from_slice(text.as_bytes());
    s.write_all(&buf).context("write to the sync socket")
}

/// The next message, or None at the end (the other side exec'd or died).
pub fn recv(s: &mut UnixStream) -> Result<Option<(u8, String)>> {
    let mut buf = vec![0u8; 64 * 1024];
    let n = loop {
        match s.read(&mut buf) {
            Ok(n) => break n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e).context("read the sync socket"),
        }
    };
    if n == 0 {
        return Ok(None);
    }
    Ok(Some((
        buf[0],
        String::from_utf8_lossy(&buf[1..n]).into_owned(),
    )))
}

pub fn expect(s: &mut UnixStream, kind: u8) -> Result<()> {
    expect_text(s, kind).map(drop)
}

pub fn expect_text(s: &mut UnixStream, kind: u8) -> Result<String> {
    match recv(s)? {
        Some((k, t)) if k == kind => Ok(t),
        Some((k, t)) => bail!("sync: expected {:?}, got {:?} {t}", kind as char, k as char),
        None => bail!("sync: the runtime went away"),
    }
}
