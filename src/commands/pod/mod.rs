//! `hutch pod ...`: one module per group of verbs; each turns flags into the engine's pod
//! functions and renders what they return.

mod create;
pub(crate) mod inspect;
mod ps;
mod show;
pub(crate) mod verbs;

use crate::cli::{PodCommand, PodSelectArgs};
use hutch_engine::Engine;

pub fn run(ctx: &super::Ctx, cmd: PodCommand) -> anyhow::Result<i32> {
    match cmd {
        PodCommand::Create(a) => create::run(ctx, *a.0),
        PodCommand::Start(a) => verbs::start(ctx, a.0),
        PodCommand::Stop(a) => verbs::stop(ctx, a.0),
        PodCommand::Restart(a) => verbs::restart(ctx, a.0),
        PodCommand::Kill(a) => verbs::kill(ctx, a.0),
        PodCommand::Pause(a) => verbs::pause(ctx, a.0, true),
        PodCommand::Unpause(a) => verbs::pause(ctx, a.0, false),
        PodCommand::Rm(a) => verbs::rm(ctx, a.0),
        PodCommand::Prune(a) => verbs::prune(ctx, a.0),
        PodCommand::Ps(a) => ps::run(ctx, a.0),
        PodCommand::Inspect(a) => inspect::run(ctx, a.0),
        PodCommand::Exists(a) => inspect::exists(ctx, a.0),
        PodCommand::Top(a) => show::top(ctx, a.0),
        PodCommand::Logs(a) => show::logs(ctx, a.0),
        PodCommand::Stats(a) => show::stats(ctx, a.0),
    }
}

/// The pods a verb acts on: those named, those in `--pod-id-file`s, the latest, or all.
fn targets(
    eng: &Engine,
    a: &PodSelectArgs,
    ignore_missing_files: bool,
) -> anyhow::Result<Vec<String>> {
    let mut names = a.pods.clone();
    for f in &a.pod_id_file {
        match std::fs::read_to_string(f) {
            Ok(id) => names.push(id.trim().to_string()),
            Err(e) if ignore_missing_files && e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => anyhow::bail!("reading pod ID file {}: {e}", f.display()),
        }
    }
    if a.all {
        return Ok(eng.db().pods()?.into_iter().map(|p| p.id).collect());
    }
    if a.latest {
        if let Some(p) = eng.db().pods()?.pop() {
            names.push(p.id);
        }
    }
    if names.is_empty() && a.pod_id_file.is_empty() {
        anyhow::bail!("give at least one pod name or ID, or --all");
    }
    Ok(names)
}

/// The pod `name`, or with `latest` the most recently created one.
fn one(eng: &Engine, name: Option<&str>, latest: bool) -> anyhow::Result<String> {
    match (name, latest) {
        (Some(n), false) => Ok(n.to_string()),
        (None, true) => Ok(eng
            .db()
            .pods()?
            .pop()
            .map(|p| p.id)
            .ok_or_else(|| anyhow::anyhow!("no pods exist"))?),
        _ => anyhow::bail!("give a pod name or ID, or --latest (not both)"),
    }
}
