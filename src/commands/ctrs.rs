//! What the container verbs share: joining the namespace and opening the engine (with
//! reconciliation of stale containers), finding containers, pulling images by policy, and
//! running a container in the foreground attached to this terminal.

use crate::cli::{CreateArgs, RegistryOpts};
use anyhow::Context;
use hutch_engine::container::{self, attach, Containers};
use hutch_engine::{EngineError, ExitCode};
use hutch_state::Container;
use std::ffi::OsString;
use std::io::IsTerminal;

/// Joins the user namespace (must come first: no thread may exist yet), opens the database
/// and cleans up containers whose monitor or runtime state is gone.
pub fn engine(ctx: &super::Ctx) -> anyhow::Result<Containers> {
    ctx.paths.ensure_dirs()?;
    ctx.enter_userns()?;
    let db = ctx.db()?;
    let mut eng = Containers::new(ctx.paths.clone(), db, exit_command(ctx));
    eng.reconcile()?;
    Ok(eng)
}

/// The engine without joining the namespace or reconciling: for commands that only record
/// (`create` of a local image). Joining happens later if a pull turns out to be needed.
pub fn engine_light(ctx: &super::Ctx) -> anyhow::Result<Containers> {
    let db = ctx.db()?;
    Ok(Containers::new(ctx.paths.clone(), db, exit_command(ctx)))
}

/// hutch with the global options this process has, for the monitor to call back.
fn exit_command(ctx: &super::Ctx) -> Vec<OsString> {
    let exe = std::env::current_exe()
        .map(|p| p.into_os_string())
        .unwrap_or_else(|_| "hutch".into());
    let mut v = vec![exe];
    v.push("--root".into());
    v.push(ctx.paths.graphroot.clone().into_os_string());
    v.push("--runroot".into());
    v.push(ctx.paths.runroot.clone().into_os_string());
    if let Some(d) = &ctx.paths.storage_driver {
        v.push("--storage-driver".into());
        v.push(d.into());
    }
    v
}

pub fn find(eng: &Containers, name: &str) -> anyhow::Result<Container> {
    Ok(container::lookup(&eng.db, name).map_err(EngineError::from)?)
}

/// Resolves the image by `--pull` policy, pulling when needed.
pub fn ensure_image(
    ctx: &super::Ctx,
    eng: &Containers,
    image: &str,
    policy: &str,
    registry: &RegistryOpts,
) -> anyhow::Result<(hutch_state::Image, String)> {
    let local = match hutch_engine::images::lookup(&eng.db, image) {
        Ok(f) => Some(f),
        Err(EngineError::ImageNotKnown { .. }) => None,
        Err(e) => return Err(e.into()),
    };
    let pull = match policy {
        "missing" => local.is_none(),
        "always" | "newer" => true,
        "never" => {
            if local.is_none() {
                anyhow::bail!("{image}: image not known (and --pull=never)");
            }
            false
        }
        other => {
            anyhow::bail!("invalid --pull {other:?}: expected always, missing, never or newer")
        }
    };
    if pull {
        let pulled = super::pull::pull(ctx, image, &super::pull::options(registry));
        match pulled {
            Ok(p) => {
                if let Some(img) = eng.db.image(&p.id)? {
                    let name = if p.name.is_empty() {
                        img.id.clone()
                    } else {
                        p.name
                    };
                    return Ok((img, name));
                }
            }
            // `newer` keeps the local image when the registry cannot be reached.
            Err(e) if policy == "newer" && local.is_some() => {
                tracing::warn!("{image}: cannot check for a newer image: {e}");
            }
            Err(e) => return Err(e),
        }
    }
    let f = local.ok_or_else(|| EngineError::ImageNotKnown {
        name: image.to_string(),
    })?;
    let name = f.by_name.clone().unwrap_or_else(|| f.image.id.clone());
    Ok((f.image, name))
}

/// Creates a container from `create`/`run` arguments and writes `--cidfile`.
pub fn create(ctx: &super::Ctx, eng: &mut Containers, a: &CreateArgs) -> anyhow::Result<Container> {
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
    let c = eng.create(&image, &image_name, &opts, ctx.runtime.as_deref())?;
    if let Some(f) = &a.cidfile {
        std::fs::write(f, &c.id).with_context(|| format!("writing {}", f.display()))?;
    }
    Ok(c)
}

/// Starts `c` attached to this terminal and returns its exit code (or 0 when detached).
/// The attach socket is connected before `runtime start`, so no output is lost.
pub fn start_attached(
    eng: &mut Containers,
    c: &Container,
    stdin: bool,
    detach_keys: Option<&str>,
    sig_proxy: bool,
) -> anyhow::Result<i32> {
    let cfg = container::config_of(c).map_err(EngineError::from)?;
    let keys = attach::parse_detach_keys(detach_keys.unwrap_or(attach::DEFAULT_DETACH_KEYS))
        .map_err(EngineError::from)?;
    let dirs = eng.dirs(&c.id);
    let (c, sock) = {
        let _lock = container::lock(&eng.paths, &c.id)?;
        eng.start_attached(c, |dirs| Ok(attach::connect(dirs)?))?
    };
    let tty_in = cfg.tty && std::io::stdin().is_terminal();
    let raw = if tty_in {
        use std::os::fd::AsFd;
        // Leaked on purpose for the session's length; restored when `raw` drops.
        let stdin: &'static std::io::Stdin = Box::leak(Box::new(std::io::stdin()));
        hutch_sys::client::RawTerminal::enter(stdin.as_fd()).ok()
    } else {
        None
    };
    let runtime = eng.runtime(&cfg);
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
    let code = match end {
        attach::AttachEnd::Detached => {
            eprintln!();
            return Ok(0);
        }
        attach::AttachEnd::Exited(code) => {
            // The monitor sent the code, so it finished and its exit command is on the way:
            // leave `runtime delete` to that, off this command's path.
            eng.defer_runtime_delete = true;
            Some(i64::from(code))
        }
        attach::AttachEnd::Closed => None,
    };
    let code = match code {
        Some(c) => c,
        None => eng.wait_exit(&c, None)?.unwrap_or(-1),
    };
    // Clean up now rather than waiting for the monitor's exit command (both are idempotent).
    {
        let _lock = container::lock(&eng.paths, &c.id)?;
        eng.cleanup_locked(&c)?;
    }
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
    eng: &Containers,
    names: &[String],
    all: bool,
    keep: impl Fn(&Container) -> bool,
) -> anyhow::Result<Vec<String>> {
    if all {
        return Ok(eng
            .db
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

/// Removes (killing if needed) every container created from image `image_id` (`rmi -f`).
pub fn remove_containers_of_image(eng: &mut Containers, image_id: &str) -> anyhow::Result<()> {
    for c in eng.db.containers()? {
        if c.image_id != image_id {
            continue;
        }
        let _lock = container::lock(&eng.paths, &c.id)?;
        if let Some(c) = eng.reload(&c.id)? {
            eng.remove(&c, true, None)?;
        }
    }
    Ok(())
}
