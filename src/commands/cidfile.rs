//! `--cidfile` of `stop` and `rm`: the container named by a file `run --cidfile` wrote.

use std::path::{Path, PathBuf};

/// The IDs in `files`; with `ignore`, a missing or empty file names nothing.
pub fn ids(files: &[PathBuf], ignore: bool) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    for f in files {
        match std::fs::read_to_string(f) {
            Ok(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
            Ok(_) if ignore => {}
            Ok(_) => anyhow::bail!("container id file {} is empty", f.display()),
            Err(e) if ignore && e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => anyhow::bail!("reading container id file {}: {e}", f.display()),
        }
    }
    Ok(out)
}

/// Removes an ID file once its container is gone (as podman's `rm --cidfile`).
pub fn remove(f: &Path) {
    if let Err(e) = std::fs::remove_file(f) {
        if e.kind() != std::io::ErrorKind::NotFound {
            eprintln!("Warning: removing container id file {}: {e}", f.display());
        }
    }
}
