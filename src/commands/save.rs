//! `hutch save` and `hutch image save`: images to an archive (a file or standard output) or a
//! directory layout.

use crate::cli::SaveArgs;
use anyhow::Context;
use hutch_engine::saveload::{save, Format};
use std::io::{IsTerminal, Write};

/// On SIGINT or SIGTERM runs `cleanup` and exits 130, so an interrupted save or load leaves no
/// partial file or staging directory. Call only after joining the user namespace (it starts a
/// thread).
/// On SIGINT/SIGTERM, removes this process's staging directories (they are named after its
/// pid) before exiting: what `load` and `import` leave when interrupted.
pub fn remove_staging_on_interrupt(ctx: &super::Ctx) {
    let paths = ctx.paths.clone();
    on_interrupt(move || hutch_engine::storage_driver::remove_own_staging(&paths));
}

pub fn on_interrupt(cleanup: impl FnOnce() + Send + 'static) {
    let Ok(rt) = crate::rt::runtime() else {
        return;
    };
    rt.spawn(async move {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(t) => t,
                Err(_) => return,
            };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
        INTERRUPTED.store(true, std::sync::atomic::Ordering::SeqCst);
        // The cleanup removes files: off the async threads.
        let _ = tokio::task::spawn_blocking(cleanup).await;
        std::process::exit(130);
    });
}

static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// An error after an interrupt is the cleanup pulling files from under the work: wait for
/// the handler to exit 130 instead of reporting it.
pub fn settle<T>(r: anyhow::Result<T>) -> anyhow::Result<T> {
    if r.is_err() && INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
    r
}

pub fn run(ctx: &super::Ctx, args: SaveArgs) -> anyhow::Result<i32> {
    settle(save(ctx, args))
}

fn save(ctx: &super::Ctx, args: SaveArgs) -> anyhow::Result<i32> {
    let format = Format::parse(&args.format)?;
    if args.compress && !format.is_dir() {
        anyhow::bail!("--compress can only be used with --format oci-dir or docker-dir");
    }
    if format.is_dir() && args.output.is_none() {
        anyhow::bail!("--format {}: a directory needs -o DIR", args.format);
    }
    if args.output.is_none() && std::io::stdout().is_terminal() {
        anyhow::bail!("refusing to save to terminal. Use -o flag or redirect");
    }
    // Layer files belong to ids of the user namespace: read them from inside it.
    ctx.enter_userns()?;
    let eng = ctx.engine()?;
    let db = eng.db();
    let found = args
        .images
        .iter()
        .map(|n| hutch_engine::images::lookup(db, n))
        .collect::<Result<Vec<_>, _>>()?;
    let items = save::plan(found, format, args.multi_image_archive)?;
    let progress = crate::progress::Lines { quiet: args.quiet };
    match (&args.output, format.is_dir()) {
        (Some(dir), true) => {
            save::save_dir(
                &ctx.paths,
                db,
                &items[0],
                format,
                args.compress,
                dir,
                &progress,
            )?;
        }
        (Some(path), false) => {
            // Written next to the target and renamed, so a failed save leaves no half file.
            let tmp = path.with_file_name(format!(
                ".{}.hutch-save",
                path.file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default()
            ));
            let file = std::fs::File::create(&tmp)
                .with_context(|| format!("creating {}", tmp.display()))?;
            let partial = tmp.clone();
            on_interrupt(move || {
                let _ = std::fs::remove_file(partial);
            });
            let res = save::save_archive(
                &ctx.paths,
                db,
                &items,
                format,
                std::io::BufWriter::with_capacity(1 << 20, file),
                &progress,
            )
            .and_then(|w| {
                w.into_inner()
                    .map_err(|e| hutch_engine::EngineError::io(&tmp, e.into_error()))
            });
            if let Err(e) = res {
                let _ = std::fs::remove_file(&tmp);
                return Err(e.into());
            }
            std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
        }
        (None, _) => {
            let stdout = std::io::stdout().lock();
            let mut w = save::save_archive(
                &ctx.paths,
                db,
                &items,
                format,
                std::io::BufWriter::with_capacity(1 << 20, stdout),
                &progress,
            )?;
            w.flush()
                .context("writing the archive to standard output")?;
        }
    }
    progress.line("Storing signatures");
    Ok(0)
}
