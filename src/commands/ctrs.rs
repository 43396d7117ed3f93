//! What the container verbs share: opening the engine (joining the namespace first, which
//! reconciles stale containers), the names a multi-container verb acts on, and exit codes.

use hutch_engine::{Container, Engine, ExitCode};

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

/// Names to act on, podman's way for `stop`/`restart`/`rm --filter`: with filters, the
/// containers that match them (and `keep`), by ID; a filter with names given is refused.
pub fn targets_filtered(
    eng: &Engine,
    names: &[String],
    all: bool,
    filter: &[String],
    keep: impl Fn(&Container, &hutch_engine::container::Observed) -> bool,
) -> anyhow::Result<Vec<String>> {
    use hutch_engine::{container, filters, EngineError};
    if filter.is_empty() {
        return targets(eng, names, all, |c| {
            keep(c, &container::observe(eng.paths(), c))
        });
    }
    if !names.is_empty() {
        anyhow::bail!("--filter takes no arguments");
    }
    let f = filters::containers(filter).map_err(EngineError::from)?;
    let list = eng.db().containers()?;
    Ok(list
        .iter()
        .filter(|c| {
            let obs = container::observe(eng.paths(), c);
            keep(c, &obs) && filters::container_matches(&f, c, &obs, &list)
        })
        .map(|c| c.id.clone())
        .collect())
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
