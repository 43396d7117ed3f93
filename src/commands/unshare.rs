//! `hutch unshare [CMD...]`: run a command inside hutch's user and mount namespaces, as
//! `podman unshare` does (root inside, the storage paths in the environment).

use crate::cli::UnshareArgs;
use hutch_engine::ExitCode;
use std::os::unix::process::CommandExt;

pub fn run(ctx: &super::Ctx, args: UnshareArgs) -> anyhow::Result<i32> {
    if !ctx.paths.rootless() {
        anyhow::bail!("please use unshare with rootless");
    }
    hutch_engine::userns::enter(&ctx.paths)?;
    let (program, rest) = match args.command.split_first() {
        Some((p, rest)) => (p.clone(), rest),
        None => (
            std::env::var("SHELL")
                .ok()
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "/bin/sh".into()),
            &[][..],
        ),
    };
    let err = std::process::Command::new(&program)
        .args(rest)
        .env("HUTCH_GRAPHROOT", &ctx.paths.graphroot)
        .env("HUTCH_RUNROOT", &ctx.paths.runroot)
        .exec();
    // exec only returns on failure. Podman's codes: 127 when the command does not exist, 126
    // when it exists but cannot be run.
    let (code, why) = match err.kind() {
        std::io::ErrorKind::NotFound if !program.contains('/') => (
            ExitCode::NOT_FOUND,
            "executable file not found in $PATH".to_string(),
        ),
        std::io::ErrorKind::NotFound => (ExitCode::NOT_FOUND, "no such file or directory".into()),
        std::io::ErrorKind::PermissionDenied => {
            (ExitCode::CANNOT_EXECUTE, "permission denied".into())
        }
        _ => (ExitCode::CANNOT_EXECUTE, err.to_string()),
    };
    eprintln!("Error: exec: {program:?}: {why}");
    Ok(code)
}
