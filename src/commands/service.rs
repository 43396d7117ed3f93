//! `hutch system service`: serves the Docker Engine API (the `hutch-api` crate) on a unix socket,
//! a socket systemd passed us, or TCP when asked, until it has been idle for `--time` seconds.

use crate::cli::SystemServiceArgs;
use anyhow::{bail, Context};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Where to listen, decided before any thread starts.
enum Where {
    Unix(std::os::unix::net::UnixListener, PathBuf),
    Tcp(std::net::TcpListener),
}

pub fn run(ctx: &super::Ctx, args: SystemServiceArgs) -> anyhow::Result<i32> {
    // Systemd's sockets are taken (and its variables cleared) before anything else runs.
    let activated = hutch_engine::host::activated_sockets()
        .context("taking the sockets systemd passed (LISTEN_FDS)")?;
    // A socket systemd passed stays systemd's: it is not removed when the service exits.
    let was_activated = !activated.is_empty();
    let place = match activated.into_iter().next() {
        Some(fd) => {
            let l = std::os::unix::net::UnixListener::from(fd);
            let path = l
                .local_addr()
                .ok()
                .and_then(|a| a.as_pathname().map(Path::to_path_buf))
                .unwrap_or_default();
            Where::Unix(l, path)
        }
        None => listen(ctx, args.uri.as_deref())?,
    };
    let joined = hutch_engine::userns::join(&ctx.paths)?;
    let eng = hutch_engine::Engine::open(ctx.engine_config(), &joined)?;
    let idle = (args.time > 0).then(|| Duration::from_secs(args.time));
    let owned_socket = match &place {
        Where::Unix(_, p) => Some(p.clone()),
        Where::Tcp(_) => None,
    };
    let served = crate::rt::block_on(async move {
        let listener = match place {
            Where::Unix(l, _) => {
                l.set_nonblocking(true)?;
                hutch_api::Listener::Unix(tokio::net::UnixListener::from_std(l)?)
            }
            Where::Tcp(l) => {
                l.set_nonblocking(true)?;
                hutch_api::Listener::Tcp(tokio::net::TcpListener::from_std(l)?)
            }
        };
        hutch_api::serve(eng, listener, hutch_api::ServeOptions { idle }).await
    })?;
    if !was_activated {
        if let Some(p) = owned_socket.filter(|p| !p.as_os_str().is_empty()) {
            std::fs::remove_file(&p).ok();
        }
    }
    served.context("serving the API")?;
    Ok(0)
}

fn listen(ctx: &super::Ctx, uri: Option<&str>) -> anyhow::Result<Where> {
    let uri = match uri {
        Some(u) => u.to_string(),
        None => format!("unix://{}", default_socket(ctx).display()),
    };
    if let Some(addr) = uri.strip_prefix("tcp://") {
        let l = std::net::TcpListener::bind(addr).with_context(|| format!("listening on {uri}"))?;
        tracing::warn!(
            "serving the API on {uri} without authentication: anyone who can reach it can run containers as you"
        );
        eprintln!("hutch: warning: serving the API on {uri} without authentication: anyone who can reach it can run containers as you");
        return Ok(Where::Tcp(l));
    }
    let Some(path) = uri.strip_prefix("unix://") else {
        bail!("unsupported URI {uri:?}: use unix:///PATH or tcp://HOST:PORT");
    };
    if path.is_empty() || !path.starts_with('/') {
        bail!("unsupported URI {uri:?}: the socket path must be absolute (unix:///PATH)");
    }
    let path = PathBuf::from(path);
    if let Some(dir) = path.parent() {
        if !dir.exists() {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .with_context(|| format!("creating {}", dir.display()))?;
        }
    }
    if path.exists() {
        // A socket left by a service that died is replaced; a live one is not taken over.
        if std::os::unix::net::UnixStream::connect(&path).is_ok() {
            bail!(
                "{}: another service is already listening there; stop it or pass another unix:///PATH",
                path.display()
            );
        }
        std::fs::remove_file(&path)
            .with_context(|| format!("removing the stale socket {}", path.display()))?;
    }
    let l = std::os::unix::net::UnixListener::bind(&path)
        .with_context(|| format!("listening on {}", path.display()))?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
        .with_context(|| format!("making {} private (0600)", path.display()))?;
    Ok(Where::Unix(l, path))
}

/// `$XDG_RUNTIME_DIR/hutch/hutch.sock`, or the run directory's socket without one.
pub fn default_socket(ctx: &super::Ctx) -> PathBuf {
    match &ctx.paths.xdg_runtime_dir {
        Some(d) => d.join("hutch").join("hutch.sock"),
        None => ctx.paths.runroot.join("hutch.sock"),
    }
}
