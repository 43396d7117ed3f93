//! The `hutch` binary: parse the command line, hand it to the library, exit with its code.

fn main() {
    let cli = match <hutch::cli::Cli as clap::Parser>::try_parse() {
        Ok(cli) => cli,
        Err(e) => std::process::exit(hutch::usage_error(&e)),
    };
    std::process::exit(hutch::run(cli));
}
