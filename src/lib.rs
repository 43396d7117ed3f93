//! The hutch command line: clap definitions (`cli`), one module per verb (`commands`), output
//! rendering (`format`), and the mapping of errors to podman's exit codes.
#![deny(unsafe_code)]

pub mod cli;
pub mod commands;
pub mod format;

use hutch_engine::{EngineError, ExitCode};

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: cli::Cli) -> i32 {
    init_tracing(cli.global.log_level.as_deref());
    match commands::dispatch(cli) {
        Ok(code) => code,
        Err(err) => report(&err),
    }
}

fn init_tracing(level: Option<&str>) {
    let level = level.unwrap_or("warn");
    let filter = tracing_subscriber::EnvFilter::try_new(level)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .without_time()
        .try_init();
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
