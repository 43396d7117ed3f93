//! The hutch command line: clap definitions (`cli`), one module per verb (`commands`), output
//! rendering (`format`), and the mapping of errors to podman's exit codes.
#![deny(unsafe_code)]

pub mod cli;
pub mod cli_global;
pub mod cli_more;
pub mod commands;
pub mod format;
pub mod progress;
pub mod rt;

use hutch_engine::{EngineError, ExitCode};

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: cli::Cli) -> i32 {
    if let Err(err) = init_tracing(cli.global.log_level.as_deref()) {
        return report(&err);
    }
    if let Err(err) = cli.global.more.check() {
        return report(&err);
    }
    if cli.global.more.noout {
        if let Err(e) = hutch_engine::term::stdout_to_null() {
            return report(&anyhow::anyhow!(
                "--noout: pointing standard output at /dev/null: {e}"
            ));
        }
    }
    let res = commands::dispatch(cli);
    // Waits for blocking work still running (cleanup after an interrupt) before exiting.
    rt::shutdown();
    match res {
        Ok(code) => code,
        Err(err) => report(&err),
    }
}

/// Installs the stderr logger at `--log-level` (podman's names; default warn). Colours only on a
/// terminal, so warnings in pipes and logs stay plain text.
fn init_tracing(level: Option<&str>) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    use tracing_subscriber::filter::LevelFilter;
    let filter = match level.unwrap_or("warn").to_ascii_lowercase().as_str() {
        "trace" => LevelFilter::TRACE,
        "debug" => LevelFilter::DEBUG,
        "info" => LevelFilter::INFO,
        "warn" | "warning" => LevelFilter::WARN,
        "error" | "fatal" | "panic" => LevelFilter::ERROR,
        other => anyhow::bail!(
            "invalid log level {other:?}: use one of trace, debug, info, warn, error, fatal, panic"
        ),
    };
    let _ = tracing_subscriber::fmt()
        .with_max_level(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .without_time()
        .try_init();
    Ok(())
}

/// Prints an error as podman does (`Error: ...`, one line, causes joined) and picks the exit code.
pub fn report(err: &anyhow::Error) -> i32 {
    eprintln!("Error: {}", error_line(err));
    err.chain()
        .find_map(|e| e.downcast_ref::<EngineError>())
        .map(EngineError::exit_code)
        .unwrap_or(ExitCode::ENGINE)
}

/// An error and its causes on one line, each cause once.
pub fn error_line(err: &anyhow::Error) -> String {
    let mut msg = err.to_string();
    for cause in err.chain().skip(1) {
        let c = cause.to_string();
        if !msg.contains(&c) {
            msg.push_str(": ");
            msg.push_str(&c);
        }
    }
    msg
}

/// podman's commands (top level, and `GROUP SUB`) that hutch does not have (yet): asking for
/// one says so plainly instead of "unrecognized subcommand".
const PODMAN_COMMANDS: &[&str] = &[
    "auto-update",
    "compose",
    "farm",
    "init",
    "kube",
    "machine",
    "play",
    "container checkpoint",
    "container restore",
    "container init",
    "container clone",
    "image scp",
    "image diff",
    "image list",
    "image ls",
    "system connection",
    "system migrate",
    "system renumber",
    "system events",
    "system info",
    "network update",
    "generate kube",
    "generate spec",
    "volume reload",
    "manifest exists",
];

fn not_yet(err: &clap::Error, rendered: &str) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if err.kind() != ErrorKind::InvalidSubcommand {
        return None;
    }
    let Some(ContextValue::String(name)) = err.get(ContextKind::InvalidSubcommand) else {
        return None;
    };
    let parent: Vec<&str> = rendered
        .lines()
        .find_map(|l| l.trim().strip_prefix("Usage: "))
        .map(|u| {
            u.split_whitespace()
                .skip(1)
                .take_while(|w| !w.starts_with(['[', '<', '-']))
                .collect()
        })
        .unwrap_or_default();
    let full = parent
        .iter()
        .copied()
        .chain(std::iter::once(name.as_str()))
        .collect::<Vec<_>>()
        .join(" ");
    PODMAN_COMMANDS
        .contains(&full.as_str())
        .then(|| format!("hutch does not have '{full}' yet"))
}

/// Reports a command-line parse error as podman does: one `Error:` line and a pointer to
/// `--help`, exit code 125. `--help` and `--version` print normally and exit 0.
pub fn usage_error(err: &clap::Error) -> i32 {
    use clap::error::ErrorKind;
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = err.print();
        return if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            ExitCode::ENGINE
        } else {
            0
        };
    }
    let rendered = err.to_string();
    if let Some(msg) = not_yet(err, &rendered) {
        eprintln!("Error: {msg}");
        return ExitCode::ENGINE;
    }
    let first = rendered
        .lines()
        .next()
        .unwrap_or("invalid command line")
        .trim_start_matches("error: ");
    let mut cmd = String::from("hutch");
    if let Some(usage) = rendered
        .lines()
        .find_map(|l| l.trim().strip_prefix("Usage: "))
    {
        // `Usage: hutch images [OPTIONS] ...` names the subcommand to ask for help.
        let words: Vec<&str> = usage
            .split_whitespace()
            .take_while(|w| !w.starts_with(['[', '<', '-']))
            .collect();
        if !words.is_empty() {
            cmd = words.join(" ");
        }
    }
    eprintln!("Error: {first}\nSee '{cmd} --help'");
    ExitCode::ENGINE
}
