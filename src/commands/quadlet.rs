//! `hutch quadlet install|list|print|rm|generate`: the engine translates quadlet files into
//! systemd user units; this only parses, prints and reports.

use crate::cli::{
    QuadletGenerateArgs, QuadletInstallArgs, QuadletListArgs, QuadletNameArgs, QuadletRmArgs,
};
use hutch_engine::systemd::quadlet::{self, Dirs, Program, QuadletError};

fn program(ctx: &super::Ctx) -> anyhow::Result<Program> {
    Ok(Program {
        hutch: std::env::current_exe()?,
        globals: super::generate::globals(ctx),
    })
}

/// Prints every error; the command fails with the count.
fn report(errors: Vec<QuadletError>) -> anyhow::Error {
    let n = errors.len();
    for e in &errors[..n.saturating_sub(1)] {
        eprintln!("Error: {e}");
    }
    match errors.into_iter().last() {
        Some(e) => e.into(),
        None => anyhow::anyhow!("quadlet failed"),
    }
}

pub fn install(ctx: &super::Ctx, args: QuadletInstallArgs) -> anyhow::Result<i32> {
    let dirs = Dirs::for_user(&ctx.paths);
    let written = quadlet::install(&dirs, &args.paths, &program(ctx)?).map_err(report)?;
    for p in &written {
        println!("{}", p.display());
    }
    if args.reload {
        let st = std::process::Command::new("systemctl")
            .args(["--user", "daemon-reload"])
            .status()
            .map_err(|e| anyhow::anyhow!("running systemctl --user daemon-reload: {e}"))?;
        if !st.success() {
            anyhow::bail!("systemctl --user daemon-reload failed ({st}): run it yourself");
        }
    }
    Ok(0)
}

pub fn list(ctx: &super::Ctx, _args: QuadletListArgs) -> anyhow::Result<i32> {
    let dirs = Dirs::for_user(&ctx.paths);
    let rows = quadlet::list(&dirs)?;
    println!("{:<30} {:<30} {:<10}", "QUADLET", "UNIT", "INSTALLED");
    for r in rows {
        let name = r
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!(
            "{:<30} {:<30} {:<10}",
            name,
            r.unit,
            if r.installed { "yes" } else { "no" }
        );
    }
    Ok(0)
}

pub fn print(ctx: &super::Ctx, args: QuadletNameArgs) -> anyhow::Result<i32> {
    let dirs = Dirs::for_user(&ctx.paths);
    let unit = quadlet::print(&dirs, &args.name, &program(ctx)?)?;
    print!("{}", unit.text);
    Ok(0)
}

pub fn rm(ctx: &super::Ctx, args: QuadletRmArgs) -> anyhow::Result<i32> {
    let dirs = Dirs::for_user(&ctx.paths);
    super::ctrs::each(&args.names, |n| Ok(Some(quadlet::remove(&dirs, n)?)))
}

/// The generator: systemd runs it with three output directories; units go into the first
/// (normal priority). A broken file must not keep the others from being generated.
pub fn generate(ctx: &super::Ctx, args: QuadletGenerateArgs) -> anyhow::Result<i32> {
    let dirs = Dirs::for_user(&ctx.paths);
    let prog = program(ctx)?;
    let (units, errors) = match quadlet::translate_dir(&dirs.sources, &prog) {
        Ok(u) => (u, Vec::new()),
        Err(errors) => {
            // Translate the good ones on their own.
            let mut good = Vec::new();
            for path in quadlet::sources(&dirs.sources)?.values() {
                if let Ok(u) = std::fs::read_to_string(path)
                    .map_err(anyhow::Error::from)
                    .and_then(|t| {
                        let dir = dirs.sources.clone();
                        Ok(quadlet::translate(
                            path,
                            &t,
                            &|n| std::fs::read_to_string(dir.join(n)).ok(),
                            &prog,
                        )?)
                    })
                {
                    good.push(u);
                }
            }
            (good, errors)
        }
    };
    quadlet::write_units(&args.dir, &units)?;
    if errors.is_empty() {
        Ok(0)
    } else {
        Err(report(errors))
    }
}
