//! Remote contexts: git repositories (`URL#ref:subdir`, cloned shallow with the `git` binary,
//! as podman and the classic Docker builder do) and HTTP(S) downloads.

use super::{io_err, ContextError};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const USER_AGENT: &str = concat!("hutch/", env!("CARGO_PKG_VERSION"));

/// Whether `url` names a git repository rather than a file to download, by Docker's rules.
pub(super) fn is_git_url(url: &str) -> bool {
    let (base, _) = url.split_once('#').unwrap_or((url, ""));
    if ["git://", "git@", "github.com/", "ssh://", "git+ssh://"]
        .iter()
        .any(|p| url.starts_with(p))
    {
        return true;
    }
    (base.starts_with("http://") || base.starts_with("https://")) && base.ends_with(".git")
}

/// The parts of `URL#ref:subdir`.
#[derive(Debug, PartialEq)]
pub(super) struct GitSpec {
    pub repo: String,
    pub reference: Option<String>,
    pub subdir: Option<String>,
}

pub(super) fn parse_git_url(url: &str) -> GitSpec {
    let (base, fragment) = url.split_once('#').unwrap_or((url, ""));
    let (reference, subdir) = fragment.split_once(':').unwrap_or((fragment, ""));
    let repo = match base.strip_prefix("github.com/") {
        Some(rest) => format!("https://github.com/{rest}"),
        None => base.strip_prefix("git+").unwrap_or(base).to_string(),
    };
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    GitSpec {
        repo,
        reference: some(reference),
        subdir: some(subdir.trim_matches('/')),
    }
}

/// A full or abbreviated commit id, which `clone -b` cannot take.
fn is_commit_id(r: &str) -> bool {
    (7..=64).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Clones into `<parent>/repo` and returns the context root (the subdirectory, if named).
pub(super) fn git_clone(url: &str, parent: &Path) -> Result<PathBuf, ContextError> {
    let spec = parse_git_url(url);
    let dest = parent.join("repo");
    let git_err = |what: String| ContextError::Git {
        url: url.to_string(),
        what,
    };
    let run = |args: &[&str], cwd: Option<&Path>| -> Result<(), ContextError> {
        let mut cmd = Command::new("git");
        cmd.args(args)
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_ASKPASS", "true")
            .stdin(std::process::Stdio::null());
        if let Some(d) = cwd {
            cmd.current_dir(d);
        }
        let out = cmd.output().map_err(|e| {
            git_err(format!(
                "running git: {e} (install git to build from a repository URL)"
            ))
        })?;
        if !out.status.success() {
            return Err(git_err(format!(
                "git {} failed: {}",
                args.first().copied().unwrap_or(""),
                String::from_utf8_lossy(&out.stderr).trim()
            )));
        }
        Ok(())
    };
    let dest_str = dest.to_string_lossy().into_owned();
    match spec.reference.as_deref() {
        Some(r) if is_commit_id(r) => {
            run(&["init", "-q", &dest_str], None)?;
            run(&["remote", "add", "origin", &spec.repo], Some(&dest))?;
            run(&["fetch", "-q", "--depth", "1", "origin", r], Some(&dest))?;
            run(&["checkout", "-q", "FETCH_HEAD"], Some(&dest))?;
        }
        Some(r) => run(
            &[
                "clone", "-q", "--depth", "1", "-b", r, "--", &spec.repo, &dest_str,
            ],
            None,
        )?,
        None => run(
            &["clone", "-q", "--depth", "1", "--", &spec.repo, &dest_str],
            None,
        )?,
    }
    if dest.join(".gitmodules").exists() {
        run(
            &[
                "submodule",
                "update",
                "-q",
                "--init",
                "--recursive",
                "--depth",
                "1",
            ],
            Some(&dest),
        )?;
    }
    let Some(sub) = spec.subdir else {
        return Ok(dest);
    };
    let rel = super::sources::clean_relative(&sub)
        .map_err(|_| git_err(format!("subdirectory {sub:?} is outside the repository")))?;
    let root = std::fs::canonicalize(dest.join(&rel))
        .map_err(|e| git_err(format!("subdirectory {sub:?}: {e}")))?;
    let top = std::fs::canonicalize(&dest).map_err(io_err(&dest))?;
    if !root.starts_with(&top) || !root.is_dir() {
        return Err(git_err(format!(
            "subdirectory {sub:?} is not a directory inside the repository"
        )));
    }
    Ok(root)
}

/// Downloads `url` into `<parent>/download`. Call from a thread that may block.
pub(super) fn download(url: &str, parent: &Path) -> Result<PathBuf, ContextError> {
    let dl_err = |reason: String| ContextError::Download {
        url: url.to_string(),
        reason,
    };
    let dest = parent.join("download");
    crate::pull::client::install_crypto_provider();
    let client = reqwest::Client::builder()
        .user_agent(USER_AGENT)
        .connect_timeout(Duration::from_secs(30))
        .build()
        .map_err(|e| dl_err(e.to_string()))?;
    let fetch = async {
        let mut resp = client
            .get(url)
            .send()
            .await
            .map_err(|e| dl_err(e.to_string()))?;
        if !resp.status().is_success() {
            return Err(dl_err(format!("the server answered {}", resp.status())));
        }
        let mut file = std::fs::File::create(&dest).map_err(io_err(&dest))?;
        while let Some(chunk) = resp.chunk().await.map_err(|e| dl_err(e.to_string()))? {
            std::io::Write::write_all(&mut file, &chunk).map_err(io_err(&dest))?;
        }
        Ok(())
    };
    crate::rt::block_on(fetch).map_err(|e| dl_err(e.to_string()))??;
    Ok(dest)
}
