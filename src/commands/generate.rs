//! `hutch generate systemd`: a user unit for a container, printed or written to a file.

use crate::cli::GenerateSystemdArgs;
use clap::CommandFactory;
use hutch_engine::systemd::generate::GenerateOptions;

pub fn systemd(ctx: &super::Ctx, args: GenerateSystemdArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    let opts = GenerateOptions {
        new: args.new,
        use_name: args.name,
        restart_policy: args.restart_policy,
        stop_timeout: args.time,
        hutch: std::env::current_exe()?,
        globals: globals(ctx),
        flags_without_value: flags_without_value(),
    };
    let unit = eng.generate_systemd(&args.container, &opts)?;
    if args.files {
        let path = std::env::current_dir()?.join(&unit.name);
        std::fs::write(&path, &unit.text)
            .map_err(|e| anyhow::anyhow!("writing {}: {e}", path.display()))?;
        println!("{}", path.display());
    } else {
        print!("{}", unit.text);
    }
    Ok(0)
}

/// The storage options this command was given (flags or environment), which the unit's
/// commands need to find the same containers.
pub(super) fn globals(ctx: &super::Ctx) -> Vec<String> {
    let mut out = Vec::new();
    for (flag, v) in [("--root", &ctx.opts.root), ("--runroot", &ctx.opts.runroot)] {
        if let Some(p) = v {
            out.push(flag.to_string());
            out.push(p.display().to_string());
        }
    }
    if let Some(d) = &ctx.opts.storage_driver {
        out.push("--storage-driver".into());
        out.push(d.clone());
    }
    out
}

/// `run`'s flags that take no value, long and short, from the one definition of them.
fn flags_without_value() -> Vec<String> {
    let mut cmd = crate::cli::Cli::command();
    cmd.build();
    let mut out = Vec::new();
    let Some(run) = cmd.find_subcommand("run") else {
        return out;
    };
    for a in run.get_arguments() {
        // Optional values (`--sig-proxy[=BOOL]`) are given with '=' or not at all here.
        let no_value =
            !a.get_action().takes_values() || a.get_num_args().is_some_and(|n| n.min_values() == 0);
        if !no_value {
            continue;
        }
        if let Some(l) = a.get_long() {
            out.push(format!("--{l}"));
        }
        if let Some(s) = a.get_short() {
            out.push(format!("-{s}"));
        }
    }
    out
}
