//! Generates man pages (man/) and shell completions (completions/) from hutch's clap
//! definitions. `cargo run -p xtask -- gen` writes them; `-- check` fails when they are stale.

fn main() -> anyhow::Result<()> {
    anyhow::bail!("not implemented yet")
}
