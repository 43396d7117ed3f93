//! The `hutch` binary: parse the command line, hand it to the library, exit with its code.

fn main() {
    // The user namespace's pause process re-executes hutch: it stops here and holds it.
    hutch_engine::userns::holder_main();
    let cli = match hutch::cli::parse() {
        Ok(cli) => cli,
        Err(e) => std::process::exit(hutch::usage_error(&e)),
    };
    std::process::exit(hutch::run(cli));
}
