//! Hijacked connections (attach, exec start) bridged to the engine's descriptor-based sessions:
//! the engine gets socketpairs for stdin, stdout and stderr and a control source, tokio tasks
//! pump them to and from the client. Without a terminal the output is Docker's multiplexed
//! stream (8-byte headers: stream, 3 zero bytes, big-endian length). A client that goes away
//! closes the control socket, which the engine sees as `Control::Gone`.

use crate::http::{channel_body, ApiError, Req, Response, Result};
use crate::server::{State, Stream};
use bytes::{BufMut, Bytes, BytesMut};
use hutch_engine::container::exec::{Control, ControlSource, ExecIo};
use hyper::header::{HeaderValue, CONNECTION, CONTENT_TYPE, UPGRADE};
use hyper::StatusCode;
use hyper_util::rt::TokioIo;
use std::io::Read;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::sync::mpsc;

/// What the session carries.
#[derive(Debug, Clone, Copy)]
pub struct Session {
    /// The process has a terminal: raw output, no framing.
    pub tty: bool,
    /// The client's input goes to the process.
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
}

/// The engine's side of the bridge, handed to the blocking engine call.
pub struct EngineSide {
    pub stdin: Option<OwnedFd>,
    pub stdout: std::fs::File,
    pub stderr: std::fs::File,
    pub control: GoneSignal,
}

impl EngineSide {
    /// The streams as the engine takes them.
    pub fn io(&mut self, size: Option<(u16, u16)>) -> ExecIo<'_> {
        ExecIo {
            stdin: self.stdin.as_ref().map(|f| f.as_fd()),
            stdout: self.stdout.as_fd(),
            stderr: &mut self.stderr,
            size,
            control: Some(&mut self.control),
        }
    }
}

/// The control source of a hijacked session: the service never sends requests on it (resizes
/// come as their own API calls); it only closes it when the client is gone.
pub struct GoneSignal(std::os::unix::net::UnixStream);

impl ControlSource for GoneSignal {
    fn fd(&self) -> BorrowedFd<'_> {
        self.0.as_fd()
    }
    fn read(&mut self) -> std::io::Result<Vec<Control>> {
        let mut buf = [0u8; 64];
        match self.0.read(&mut buf) {
            Ok(0) | Err(_) => Ok(vec![Control::Gone]),
            Ok(_) => Ok(Vec::new()),
        }
    }
}

fn pair() -> Result<(
    std::os::unix::net::UnixStream,
    std::os::unix::net::UnixStream,
)> {
    std::os::unix::net::UnixStream::pair()
        .map_err(|e| ApiError::internal(format!("making a socket pair for the stream: {e}")))
}

fn tokio_side(s: std::os::unix::net::UnixStream) -> Result<tokio::net::UnixStream> {
    s.set_nonblocking(true)
        .and_then(|()| tokio::net::UnixStream::from_std(s))
        .map_err(|e| ApiError::internal(format!("registering the stream socket: {e}")))
}

/// One frame of Docker's multiplexed stream.
pub fn frame(stream: u8, data: &[u8]) -> Bytes {
    let mut b = BytesMut::with_capacity(8 + data.len());
    b.put_u8(stream);
    b.put_slice(&[0, 0, 0]);
    b.put_u32(data.len() as u32);
    b.put_slice(data);
    b.freeze()
}

/// Where the output goes: the hijacked connection, or (a client that did not ask to upgrade)
/// a response body.
enum Out {
    Conn(Writer),
    Body(mpsc::Sender<std::io::Result<Bytes>>),
}

enum Writer {
    Unix(tokio::net::unix::OwnedWriteHalf),
    Tcp(tokio::net::tcp::OwnedWriteHalf),
}

impl Writer {
    async fn write_all(&mut self, b: &[u8]) -> std::io::Result<()> {
        match self {
            Writer::Unix(w) => w.write_all(b).await,
            Writer::Tcp(w) => w.write_all(b).await,
        }
    }
    async fn shutdown(&mut self) {
        let _ = match self {
            Writer::Unix(w) => w.shutdown().await,
            Writer::Tcp(w) => w.shutdown().await,
        };
    }
    /// Whether the peer closed the connection entirely (not only its sending side).
    async fn peer_gone(&self) -> bool {
        let r = match self {
            Writer::Unix(w) => w.ready(tokio::io::Interest::WRITABLE).await,
            Writer::Tcp(w) => w.ready(tokio::io::Interest::WRITABLE).await,
        };
        r.map(|r| r.is_write_closed() || r.is_error())
            .unwrap_or(true)
    }
}

impl Out {
    async fn send(&mut self, b: Bytes) -> bool {
        match self {
            Out::Conn(w) => w.write_all(&b).await.is_ok(),
            Out::Body(tx) => tx.send(Ok(b)).await.is_ok(),
        }
    }
    async fn gone(&self) -> bool {
        match self {
            Out::Conn(w) => w.peer_gone().await,
            Out::Body(tx) => tx.is_closed(),
        }
    }
}

/// Answers the request with the hijacked stream (101 when the client asked to upgrade, else
/// 200 with the output as the body) and runs `run` on the engine's side of it in a blocking
/// thread. `run` owns the engine's descriptors: the output ends when it returns and the
/// process's copies are closed.
pub fn serve(
    st: &Arc<State>,
    req: &mut Req,
    s: Session,
    run: impl FnOnce(EngineSide) + Send + 'static,
) -> Result<Response> {
    let upgrade = req
        .headers
        .get(UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("tcp"));
    // Without the upgrade there is no way in: the output comes as the response body.
    let s = Session {
        stdin: s.stdin && upgrade,
        ..s
    };
    let (svc_in, eng_in) = pair()?;
    let (eng_out, svc_out) = pair()?;
    let (eng_err, svc_err) = pair()?;
    let (svc_ctl, eng_ctl) = pair()?;
    let side = EngineSide {
        stdin: s.stdin.then(|| OwnedFd::from(eng_in)),
        stdout: std::fs::File::from(OwnedFd::from(eng_out)),
        stderr: std::fs::File::from(OwnedFd::from(eng_err)),
        control: GoneSignal(eng_ctl),
    };
    let svc_out = tokio_side(svc_out)?;
    let svc_err = tokio_side(svc_err)?;
    let svc_in = tokio_side(svc_in)?;
    let content_type = if s.tty {
        "application/vnd.docker.raw-stream"
    } else {
        "application/vnd.docker.multiplexed-stream"
    };
    let busy = st.busy();
    let engine = tokio::task::spawn_blocking(move || run(side));
    if upgrade {
        let on_upgrade = req.on_upgrade();
        tokio::spawn(async move {
            let _busy = busy;
            let upgraded = match on_upgrade.await {
                Ok(u) => u,
                Err(e) => {
                    tracing::debug!("hijacking the connection: {e}");
                    drop(svc_ctl);
                    let _ = engine.await;
                    return;
                }
            };
            let (reader, writer, early): (Box<dyn AsyncRead + Send + Unpin>, Writer, Bytes) =
                match upgraded.downcast::<TokioIo<Stream>>() {
                    Ok(parts) => match parts.io.into_inner() {
                        Stream::Unix(u) => {
                            let (r, w) = u.into_split();
                            (Box::new(r), Writer::Unix(w), parts.read_buf)
                        }
                        Stream::Tcp(t) => {
                            let (r, w) = t.into_split();
                            (Box::new(r), Writer::Tcp(w), parts.read_buf)
                        }
                    },
                    Err(_) => {
                        tracing::warn!("hijacked connection of an unknown kind");
                        drop(svc_ctl);
                        let _ = engine.await;
                        return;
                    }
                };
            pump(
                s,
                Out::Conn(writer),
                Some((reader, early)),
                svc_in,
                svc_out,
                svc_err,
                svc_ctl,
            )
            .await;
            let _ = engine.await;
        });
        let mut r = hyper::Response::new(crate::http::full(Bytes::new()));
        *r.status_mut() = StatusCode::SWITCHING_PROTOCOLS;
        let h = r.headers_mut();
        h.insert(CONNECTION, HeaderValue::from_static("Upgrade"));
        h.insert(UPGRADE, HeaderValue::from_static("tcp"));
        h.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        return Ok(r);
    }
    let (tx, rx) = mpsc::channel(16);
    tokio::spawn(async move {
        let _busy = busy;
        pump(s, Out::Body(tx), None, svc_in, svc_out, svc_err, svc_ctl).await;
        let _ = engine.await;
    });
    let mut r = hyper::Response::new(channel_body(rx));
    r.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    Ok(r)
}

/// Copies the client's input to the engine and the engine's output to the client until the
/// output ends; closes the control socket when the client goes away first.
async fn pump(
    s: Session,
    mut out: Out,
    input: Option<(Box<dyn AsyncRead + Send + Unpin>, Bytes)>,
    svc_in: tokio::net::UnixStream,
    mut svc_out: tokio::net::UnixStream,
    mut svc_err: tokio::net::UnixStream,
    svc_ctl: std::os::unix::net::UnixStream,
) {
    let (gone_tx, mut gone_rx) = tokio::sync::watch::channel(false);
    // Input: the client's bytes to the process. Its end is a half-close (the stdin closes)
    // or the client's departure (the stdin stays open, as a monitor keeps it for a client
    // that closes): the task hands the stdin back and the loop below tells which.
    let mut input_task = input.map(|(mut reader, early)| {
        let gone_tx = gone_tx.clone();
        let mut svc_in = svc_in;
        tokio::spawn(async move {
            if !s.stdin {
                // Nothing goes in, but reading tells us when the client closes.
                let mut sink = [0u8; 4096];
                while let Ok(n) = reader.read(&mut sink).await {
                    if n == 0 {
                        return Some(svc_in);
                    }
                }
                let _ = gone_tx.send(true);
                return Some(svc_in);
            }
            if !early.is_empty() && svc_in.write_all(&early).await.is_err() {
                return Some(svc_in);
            }
            match tokio::io::copy(&mut reader, &mut svc_in).await {
                Ok(_) => Some(svc_in),
                Err(_) => {
                    let _ = gone_tx.send(true);
                    Some(svc_in)
                }
            }
        })
    });
    // The stdin kept open until the session ends, when the client left without closing it.
    let mut kept_stdin = None;
    let mut buf_out = vec![0u8; 32 * 1024];
    let mut buf_err = vec![0u8; 32 * 1024];
    let (mut out_open, mut err_open) = (true, true);
    let mut tick = tokio::time::interval(Duration::from_millis(500));
    let mut ctl = Some(svc_ctl);
    while out_open || err_open {
        let chunk = tokio::select! {
            r = svc_out.read(&mut buf_out), if out_open => match r {
                Ok(0) | Err(_) => { out_open = false; None }
                Ok(n) => s.stdout.then(|| if s.tty {
                    Bytes::copy_from_slice(&buf_out[..n])
                } else {
                    frame(1, &buf_out[..n])
                }),
            },
            r = svc_err.read(&mut buf_err), if err_open => match r {
                Ok(0) | Err(_) => { err_open = false; None }
                Ok(n) => s.stderr.then(|| if s.tty {
                    Bytes::copy_from_slice(&buf_err[..n])
                } else {
                    frame(2, &buf_err[..n])
                }),
            },
            _ = tick.tick(), if ctl.is_some() => {
                if out.gone().await {
                    let _ = gone_tx.send(true);
                }
                None
            }
            _ = gone_rx.changed(), if ctl.is_some() => None,
            ended = async { input_task.as_mut().expect("guarded").await }, if input_task.is_some() => {
                input_task = None;
                if let Ok(Some(mut stdin)) = ended {
                    if *gone_rx.borrow() || out.gone().await {
                        let _ = gone_tx.send(true);
                        kept_stdin = Some(stdin);
                    } else if s.stdin {
                        let _ = stdin.shutdown().await;
                    } else {
                        kept_stdin = Some(stdin);
                    }
                }
                None
            }
        };
        if *gone_rx.borrow() && ctl.is_some() {
            // The engine sees the closed control socket as the client's departure.
            ctl = None;
        }
        if let Some(b) = chunk {
            if !out.send(b).await {
                let _ = gone_tx.send(true);
                ctl = None;
            }
        }
    }
    drop(ctl);
    drop(kept_stdin);
    if let Out::Conn(mut w) = out {
        w.shutdown().await;
    }
    if let Some(t) = input_task {
        t.abort();
    }
}
