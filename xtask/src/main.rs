//! Generates man pages (man/) and shell completions (completions/) from hutch's clap
//! definitions. `cargo run -p xtask -- gen` writes them; `-- check` regenerates them into a
//! temporary directory and fails, naming the stale files, when the committed ones differ.

use anyhow::{bail, Context, Result};
use clap::CommandFactory;
use clap_complete::Shell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const FIX: &str = "cargo run -p xtask -- gen";

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = repo_root();
    match args.first().map(String::as_str) {
        Some("gen") => {
            let files = generate()?;
            write_tree(&root, &files)?;
            remove_extra(&root, &files)?;
            println!("wrote {} files under man/ and completions/", files.len());
            Ok(())
        }
        Some("check") => check(&root),
        _ => bail!("usage: cargo run -p xtask -- gen|check"),
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the repository root")
        .to_path_buf()
}

/// Every generated file, by path relative to the repository root.
fn generate() -> Result<BTreeMap<PathBuf, Vec<u8>>> {
    let mut files = BTreeMap::new();
    let mut cmd = hutch::cli::Cli::command();
    cmd.build();
    man_pages(&cmd, "hutch", &mut files)?;
    for (shell, name) in [
        (Shell::Bash, "hutch.bash"),
        (Shell::Zsh, "_hutch"),
        (Shell::Fish, "hutch.fish"),
    ] {
        let mut buf = Vec::new();
        let mut c = hutch::cli::Cli::command();
        clap_complete::generate(shell, &mut c, "hutch", &mut buf);
        files.insert(Path::new("completions").join(name), buf);
    }
    Ok(files)
}

/// `man/hutch.1`, then `man/hutch-images.1`, `man/hutch-image-inspect.1`, ... for every
/// subcommand, each titled and invoked by its full command line.
fn man_pages(
    cmd: &clap::Command,
    page: &str,
    files: &mut BTreeMap<PathBuf, Vec<u8>>,
) -> Result<()> {
    let invoked = page.replace('-', " ");
    // clap wants 'static names without its `string` feature; xtask runs once and exits.
    let name: &'static str = Box::leak(page.to_string().into_boxed_str());
    let c = cmd.clone().name(name).bin_name(invoked);
    let mut buf = Vec::new();
    clap_mangen::Man::new(c)
        .manual("hutch manual")
        .source(format!("hutch {}", env!("CARGO_PKG_VERSION")))
        .render(&mut buf)
        .with_context(|| format!("rendering the man page of {page}"))?;
    files.insert(Path::new("man").join(format!("{page}.1")), buf);
    for sub in cmd.get_subcommands() {
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        man_pages(sub, &format!("{page}-{}", sub.get_name()), files)?;
    }
    Ok(())
}

fn write_tree(root: &Path, files: &BTreeMap<PathBuf, Vec<u8>>) -> Result<()> {
    for (rel, data) in files {
        let path = root.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        std::fs::write(&path, data).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// Generated files that exist on disk but were not generated now (a removed subcommand).
fn extra_files(root: &Path, files: &BTreeMap<PathBuf, Vec<u8>>) -> Result<Vec<PathBuf>> {
    let mut extra = Vec::new();
    for dir in ["man", "completions"] {
        let entries = match std::fs::read_dir(root.join(dir)) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e).with_context(|| format!("reading {dir}/")),
        };
        for entry in entries {
            let rel = Path::new(dir).join(entry?.file_name());
            if !files.contains_key(&rel) {
                extra.push(rel);
            }
        }
    }
    extra.sort();
    Ok(extra)
}

fn remove_extra(root: &Path, files: &BTreeMap<PathBuf, Vec<u8>>) -> Result<()> {
    for rel in extra_files(root, files)? {
        let path = root.join(&rel);
        std::fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
        println!("removed stale {}", rel.display());
    }
    Ok(())
}

fn check(root: &Path) -> Result<()> {
    let files = generate()?;
    // Regenerate into a scratch tree so the comparison sees exactly what `gen` would write.
    let scratch = tempfile::tempdir().context("creating a temporary directory")?;
    write_tree(scratch.path(), &files)?;
    let mut stale = Vec::new();
    for rel in files.keys() {
        let fresh = std::fs::read(scratch.path().join(rel))
            .with_context(|| format!("reading back {}", rel.display()))?;
        match std::fs::read(root.join(rel)) {
            Ok(committed) if committed == fresh => {}
            Ok(_) => stale.push(format!("{} (out of date)", rel.display())),
            Err(_) => stale.push(format!("{} (missing)", rel.display())),
        }
    }
    for rel in extra_files(root, &files)? {
        stale.push(format!("{} (no longer generated)", rel.display()));
    }
    if stale.is_empty() {
        println!(
            "man/ and completions/ are up to date ({} files)",
            files.len()
        );
        return Ok(());
    }
    for s in &stale {
        eprintln!("stale: {s}");
    }
    bail!(
        "{} generated file(s) are stale: run `{FIX}` and commit man/ and completions/",
        stale.len()
    )
}
