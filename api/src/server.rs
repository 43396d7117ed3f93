//! Accepting connections: one task per connection (so one client's slow stream never holds up
//! another), HTTP/1.1 with upgrades for hijacked attach/exec streams, and the idle timer that
//! ends the service when no request has come and no connection has been open for a while.

use crate::router;
use hutch_engine::Engine;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::net::{TcpListener, UnixListener};

/// Where the service listens.
pub enum Listener {
    Unix(UnixListener),
    Tcp(TcpListener),
}

pub struct ServeOptions {
    /// Exit after this long with no request and no open connection; `None` never exits.
    pub idle: Option<Duration>,
}

/// What every handler can reach: the engine, and the activity counter that keeps the service
/// alive while anything (a connection, a hijacked stream) is in use.
pub struct State {
    #[allow(dead_code)] // read by the endpoint modules as they land
    pub engine: Engine,
    pub activity: Activity,
}

#[derive(Default)]
pub struct Activity {
    open: AtomicUsize,
    last: Mutex<Option<Instant>>,
}

/// Held while a connection or a hijacked stream is open.
pub struct Busy(Arc<State>);

impl State {
    /// Marks the service busy until the returned guard drops.
    pub fn busy(self: &Arc<State>) -> Busy {
        self.activity.open.fetch_add(1, Ordering::SeqCst);
        self.activity.touch();
        Busy(self.clone())
    }
}

impl Activity {
    fn touch(&self) {
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now());
    }

    /// Idle for at least `limit`: nothing open and nothing since.
    fn idle_for(&self, limit: Duration, started: Instant) -> bool {
        if self.open.load(Ordering::SeqCst) > 0 {
            return false;
        }
        let last = self
            .last
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .unwrap_or(started);
        last.elapsed() >= limit
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.activity.touch();
        self.0.activity.open.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Serves the API on `listener` until the idle timeout passes (or forever without one).
pub async fn serve(engine: Engine, listener: Listener, opts: ServeOptions) -> std::io::Result<()> {
    let state = Arc::new(State {
        engine,
        activity: Activity::default(),
    });
    let started = Instant::now();
    let mut tick = tokio::time::interval(Duration::from_millis(250));
    loop {
        let accepted = tokio::select! {
            a = accept(&listener) => a,
            _ = tick.tick() => {
                if let Some(limit) = opts.idle {
                    if state.activity.idle_for(limit, started) {
                        tracing::info!("no request for {}s: exiting", limit.as_secs());
                        return Ok(());
                    }
                }
                continue;
            }
        };
        let io = match accepted {
            Ok(io) => io,
            Err(e) => {
                // EMFILE and friends: say so and keep serving the connections we have.
                tracing::warn!("accepting a connection: {e}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let st = state.clone();
        tokio::spawn(async move {
            let _busy = st.busy();
            let svc = service_fn(|req| router::handle(st.clone(), req));
            let conn = http1::Builder::new()
                .keep_alive(true)
                .serve_connection(TokioIo::new(io), svc)
                .with_upgrades();
            if let Err(e) = conn.await {
                tracing::debug!("connection ended: {e}");
            }
        });
    }
}

/// A connection of either kind, as one type for hyper.
pub enum Stream {
    Unix(tokio::net::UnixStream),
    Tcp(tokio::net::TcpStream),
}

async fn accept(l: &Listener) -> std::io::Result<Stream> {
    match l {
        Listener::Unix(l) => l.accept().await.map(|(s, _)| Stream::Unix(s)),
        Listener::Tcp(l) => l.accept().await.map(|(s, _)| {
            s.set_nodelay(true).ok();
            Stream::Tcp(s)
        }),
    }
}

impl tokio::io::AsyncRead for Stream {
    fn poll_read(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        match self.get_mut() {
            Stream::Unix(s) => std::pin::Pin::new(s).poll_read(cx, buf),
            Stream::Tcp(s) => std::pin::Pin::new(s).poll_read(cx, buf),
        }
    }
}

impl tokio::io::AsyncWrite for Stream {
    fn poll_write(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        match self.get_mut() {
            Stream::Unix(s) => std::pin::Pin::new(s).poll_write(cx, buf),
            Stream::Tcp(s) => std::pin::Pin::new(s).poll_write(cx, buf),
        }
    }
    fn poll_flush(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        match self.get_mut() {
            Stream::Unix(s) => std::pin::Pin::new(s).poll_flush(cx),
            Stream::Tcp(s) => std::pin::Pin::new(s).poll_flush(cx),
        }
    }
    fn poll_shutdown(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        match self.get_mut() {
            Stream::Unix(s) => std::pin::Pin::new(s).poll_shutdown(cx),
            Stream::Tcp(s) => std::pin::Pin::new(s).poll_shutdown(cx),
        }
    }
}
