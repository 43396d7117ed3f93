//! The `hutch` binary: parse the command line, hand it to the library, exit with its code.

fn main() {
    let cli = <hutch::cli::Cli as clap::Parser>::parse();
    std::process::exit(hutch::run(cli));
}
