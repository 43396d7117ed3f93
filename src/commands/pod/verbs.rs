//! `hutch pod start/stop/restart/kill/pause/unpause/rm/prune`: each pod in turn, printing its
//! ID; the first error is returned after trying them all, as podman does.

use crate::cli::{PodKillArgs, PodPruneArgs, PodRmArgs, PodSelectArgs, PodStopArgs};
use crate::commands::{ctrs, Ctx};
use hutch_engine::container::config::parse_signal;
use hutch_engine::pods::{PodError, PodRemoveOptions};
use hutch_engine::EngineError;

fn not_found(e: &anyhow::Error) -> bool {
    matches!(
        e.downcast_ref::<EngineError>(),
        Some(EngineError::Pod(p)) if p.is_not_found()
    )
}

fn seconds(t: Option<i64>) -> Option<u32> {
    t.map(|t| u32::try_from(t.max(0)).unwrap_or(u32::MAX))
}

pub fn start(ctx: &Ctx, a: PodSelectArgs) -> anyhow::Result<i32> {
    let eng = ctrs::open(ctx)?;
    let pods = super::targets(&eng, &a, false)?;
    ctrs::each(&pods, |p| Ok(Some(eng.start_pod(p)?.id)))
}

pub fn stop(ctx: &Ctx, a: PodStopArgs) -> anyhow::Result<i32> {
    let eng = ctrs::open(ctx)?;
    let pods = super::targets(&eng, &a.select, a.ignore)?;
    ctrs::each(&pods, |p| match eng.stop_pod(p, seconds(a.time)) {
        Ok(p) => Ok(Some(p.id)),
        Err(EngineError::Pod(e)) if a.ignore && e.is_not_found() => Ok(None),
        Err(e) => Err(e.into()),
    })
}

pub fn restart(ctx: &Ctx, a: PodSelectArgs) -> anyhow::Result<i32> {
    let eng = ctrs::open(ctx)?;
    let pods = super::targets(&eng, &a, false)?;
    ctrs::each(&pods, |p| Ok(Some(eng.restart_pod(p, None)?.id)))
}

pub fn kill(ctx: &Ctx, a: PodKillArgs) -> anyhow::Result<i32> {
    let sig =
        parse_signal(&a.signal).ok_or_else(|| anyhow::anyhow!("invalid signal: {}", a.signal))?;
    let eng = ctrs::open(ctx)?;
    let pods = super::targets(&eng, &a.select, false)?;
    ctrs::each(&pods, |p| Ok(Some(eng.kill_pod(p, sig)?.id)))
}

pub fn pause(ctx: &Ctx, a: PodSelectArgs, pause: bool) -> anyhow::Result<i32> {
    let eng = ctrs::open(ctx)?;
    let pods = super::targets(&eng, &a, false)?;
    ctrs::each(&pods, |p| Ok(Some(eng.pause_pod(p, pause)?.id)))
}

pub fn rm(ctx: &Ctx, a: PodRmArgs) -> anyhow::Result<i32> {
    let eng = ctrs::open(ctx)?;
    let ignore = a.ignore || a.force;
    let pods = super::targets(&eng, &a.select, ignore)?;
    let opts = PodRemoveOptions {
        force: a.force,
        timeout: seconds(a.time),
    };
    let result = ctrs::each(&pods, |p| match eng.remove_pod(p, opts) {
        Ok(id) => Ok(Some(id)),
        Err(EngineError::Pod(e)) if ignore && e.is_not_found() => Ok(None),
        Err(e) => Err(e.into()),
    });
    if result.is_ok() {
        for f in &a.select.pod_id_file {
            let _ = std::fs::remove_file(f);
        }
    }
    // As podman's rm: a pod that does not exist (and nothing worse) exits 1.
    match result {
        Err(e) if not_found(&e) => {
            eprintln!("Error: {}", crate::error_line(&e));
            Ok(1)
        }
        r => r,
    }
}

pub fn prune(ctx: &Ctx, a: PodPruneArgs) -> anyhow::Result<i32> {
    if !a.force {
        use std::io::{BufRead, Write};
        eprint!("WARNING! This will remove all stopped/exited pods..\nAre you sure you want to continue? [y/N] ");
        std::io::stderr().flush().ok();
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "Yes") {
            return Ok(0);
        }
    }
    let eng = ctrs::open(ctx)?;
    eng.prune_pods(|id| println!("{id}"))?;
    Ok(0)
}

/// For `exists`: whether `e` says the pod is not there.
pub(crate) fn is_missing(e: &EngineError) -> bool {
    matches!(e, EngineError::Pod(p) if matches!(**p, PodError::NotFound { .. }))
}
