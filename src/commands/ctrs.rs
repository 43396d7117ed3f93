//! What the container verbs share: joining the namespace and opening the engine (with
//! reconciliation of stale containers), finding containers, pulling images by policy, and
//! running a container in the foreground attached to this terminal.

use crate::cli::{CreateArgs, RegistryOpts};
use anyhow::Context;
use hutch_engine::container::{self, attach};
use hutch_engine::{Container, Engine, EngineError, ExitCode};
use std::io::IsTerminal;

/// Joins the user namespace (must come first: no thread may exist yet) and opens the engine,
/// which cleans up containers whose monitor or runtime state is gone.
pub fn open(ctx: &super::Ctx) -> anyhow::Result<Engine> {
    let joined = hutch_engine::userns::join(&ctx.paths)?;
    Ok(Engine::open(ctx.engine_config(), &joined)?)
}

/// The engine without joining the namespace or reconciling: for commands that only record
/// (`create` of a local image). Joining happens later if a pull turns out to be needed.
pub fn open_unjoined(ctx: &super::Ctx) -> anyhow::Result<Engine> {
    ctx.engine()
}

/// Resolves the image by `--pull` policy, pulling it (the engine's pull) when needed; as
/// today, `create` and `run` draw no pull progress. Ctrl-C interrupts the pull.
pub fn ensure_image(
    _ctx: &super::Ctx,
    eng: &Engine,
    image: &str,
    policy: &str,
    registry: &RegistryOpts,
) -> anyhow::Result<(hutch_engine::Image, String)> {
    let policy: container::PullPolicy = policy.parse()?;
    let interrupted = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    Ok(eng.ensure_image(
        image,
        policy,
        &super::pull::options(registry),
        &hutch_engine::progress::Silent,
        interrupted,
    )?)
}

/// Creates a container from `create`/`run` arguments and writes `--cidfile`.
pub fn create(ctx: &super::Ctx, eng: &Engine, a: &CreateArgs) -> anyhow::Result<Container> {
    if let Some(f) = &a.cidfile {
        if f.exists() {
            anyhow::bail!(
                "container id file {} exists: remove it or choose another",
                f.display()
            );
        }
    }
    let (image, image_name) = ensure_image(ctx, eng, &a.image, &a.pull, &a.registry)?;
    let opts = super::create_spec::container_spec(a).map_err(EngineError::from)?;
    let c = eng
        .containers()
        .create(&image, &image_name, &opts, ctx.runtime.as_deref())?;
    if let Some(f) = &a.cidfile {
        std::fs::write(f, &c.id).with_context(|| format!("writing {}", f.display()))?;
    }
    Ok(c)
}

/// Starts `c` attached to this terminal and returns its exit code (or 0 when detached).
/// The attach socket is connected before `runtime start`, so no output is lost.
pub fn start_attached(
    eng: &Engine,
    c: &Container,
    stdin: bool,
    detach_keys: Option<&str>,
    sig_proxy: bool,
) -> anyhow::Result<i32> {
    let cfg = container::config_of(c).map_err(EngineError::from)?;
    let keys = attach::parse_detach_keys(detach_keys.unwrap_or(attach::DEFAULT_DETACH_KEYS))
        .map_err(EngineError::from)?;
    let ops = eng.containers();
    let dirs = ops.dirs(&c.id);
    let (c, sock) = eng.with_locked(c, |ops| {
        ops.start_attached(c, |dirs| Ok(attach::connect(dirs)?))
    })?;
    let tty_in = cfg.tty && std::io::stdin().is_terminal();
    let raw = if tty_in {
        use std::os::fd::AsFd;
        // Leaked on purpose for the session's length; restored when `raw` drops.
        let stdin: &'static std::io::Stdin = Box::leak(Box::new(std::io::stdin()));
        hutch_sys::client::RawTerminal::enter(stdin.as_fd()).ok()
    } else {
        None
    };
    let runtime = ops.runtime(&cfg);
    let id = c.id.clone();
    let end = attach::run(
        &sock,
        &dirs,
        &attach::AttachOptions {
            stdin: stdin && cfg.stdin,
            tty: cfg.tty,
            detach_keys: keys,
        },
        |sig| {
            if sig_proxy {
                use hutch_engine::container::runtime::OciRuntime;
                if let Err(e) = runtime.kill(&id, sig, false) {
                    tracing::debug!("forwarding signal {sig}: {e}");
                }
            }
        },
    )
    .map_err(EngineError::from);
    drop(raw);
    let end = end?;
    // The monitor sent the code, so it finished and its exit command is on the way: leave
    // `runtime delete` to that, off this command's path.
    let mut defer_runtime_delete = false;
    let code = match end {
        attach::AttachEnd::Detached => {
            eprintln!();
            return Ok(0);
        }
        attach::AttachEnd::Exited(code) => {
            defer_runtime_delete = true;
            Some(i64::from(code))
        }
        attach::AttachEnd::Closed => None,
    };
    let code = match code {
        Some(c) => c,
        None => ops.wait_exit(&c, None)?.unwrap_or(-1),
    };
    // Clean up now rather than waiting for the monitor's exit command (both are idempotent).
    eng.with_locked(&c, |ops| {
        ops.defer_runtime_delete = defer_runtime_delete;
        ops.cleanup_locked(&c)
    })?;
    Ok(exit_code(code))
}

/// The exit code hutch returns for a container's: podman passes it through, -1 means unknown.
pub fn exit_code(code: i64) -> i32 {
    if (0..=255).contains(&code) {
        code as i32
    } else {
        ExitCode::ENGINE
    }
}

/// Names to act on: the given ones, or with `all` every container (optionally filtered).
pub fn targets(
    eng: &Engine,
    names: &[String],
    all: bool,
    keep: impl Fn(&Container) -> bool,
) -> anyhow::Result<Vec<String>> {
    if all {
        return Ok(eng
            .db()
            .containers()?
            .into_iter()
            .filter(|c| keep(c))
            .map(|c| c.id)
            .collect());
    }
    if names.is_empty() {
        anyhow::bail!("give at least one container name or ID, or --all");
    }
    Ok(names.to_vec())
}

/// Runs `op` on each container, printing what succeeded; the first error is returned after
/// trying them all (podman's behaviour for multi-container verbs).
pub fn each(
    names: &[String],
    mut op: impl FnMut(&str) -> anyhow::Result<Option<String>>,
) -> anyhow::Result<i32> {
    let mut first_err: Option<anyhow::Error> = None;
    for n in names {
        match op(n) {
            Ok(Some(line)) => println!("{line}"),
            Ok(None) => {}
            Err(e) => {
                if let Some(prev) = first_err.replace(e) {
                    eprintln!("Error: {}", crate::error_line(&prev));
                }
            }
        }
    }
    match first_err {
        Some(e) => Err(e),
        None => Ok(0),
    }
}
