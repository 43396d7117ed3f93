//! hutch-conmon: the per-container monitor. It is filled in by the containers work; for now it
//! only answers `--version` so packaging and `hutch info` can find it.
#![deny(unsafe_code)]

fn main() {
    let arg = std::env::args().nth(1);
    match arg.as_deref() {
        Some("--version") => println!("hutch-conmon {}", env!("CARGO_PKG_VERSION")),
        _ => {
            eprintln!("hutch-conmon: not yet able to monitor containers");
            std::process::exit(125);
        }
    }
}
