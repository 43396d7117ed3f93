//! `hutch export`: the container's root filesystem as a tar archive, to a file or stdout.

use crate::cli::ExportArgs;
use anyhow::Context;
use std::io::{IsTerminal, Write};

pub fn run(ctx: &super::Ctx, args: ExportArgs) -> anyhow::Result<i32> {
    if args.output.is_none() && std::io::stdout().is_terminal() {
        anyhow::bail!("refusing to export to a terminal: use -o FILE or redirect the output");
    }
    let eng = super::ctrs::open(ctx)?;
    match &args.output {
        Some(path) => {
            // Written next to the target and renamed, so a failed export leaves no half file.
            let tmp = path.with_file_name(format!(
                ".{}.hutch-export",
                path.file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default()
            ));
            let file = std::fs::File::create(&tmp)
                .with_context(|| format!("creating {}", tmp.display()))?;
            let res = eng
                .export(&args.container, || {}, std::io::BufWriter::new(file))
                .and_then(|w| {
                    w.into_inner()
                        .map_err(|e| hutch_engine::EngineError::io(&tmp, e.into_error()))?
                        .sync_all()
                        .map_err(|e| hutch_engine::EngineError::io(&tmp, e))
                });
            if let Err(e) = res {
                let _ = std::fs::remove_file(&tmp);
                return Err(e.into());
            }
            std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
        }
        None => {
            let stdout = std::io::stdout().lock();
            let mut w = eng.export(&args.container, || {}, std::io::BufWriter::new(stdout))?;
            w.flush()
                .context("writing the archive to standard output")?;
        }
    }
    Ok(0)
}
