//! Remote sources, for a whole context or an `ADD`: git repositories (`URL#ref:subdir`, cloned
//! shallow with the `git` binary, as podman and the classic Docker builder do) and HTTP(S)
//! downloads.

use super::ContextError;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const USER_AGENT: &str = concat!("hutch/", env!("CARGO_PKG_VERSION"));

/// Whether `url` names a git repository rather than a file to download, by Docker's rules.
pub(crate) fn is_git_url(url: &str) -> bool {
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
pub(crate) struct GitSpec {
    pub repo: String,
    pub reference: Option<String>,
    pub subdir: Option<String>,
}

pub(crate) fn parse_git_url(url: &str) -> GitSpec {
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

/// The ssh git runs for ssh URLs. Inside hutch's user namespace ssh takes itself for root:
/// it would log in as `root` and read root's `~/.ssh`. So it gets a config (written to
/// `config_path`) that includes the user's own and then defaults the login name to the
/// user's, and the user's known hosts and default keys (from `$HOME`) are named. `BatchMode`:
/// ssh's questions (an unknown host key, a passphrase) would stall the build on a terminal;
/// they fail it instead.
fn ssh_command(config_path: &Path) -> Result<String, String> {
    let quote = |p: &Path| format!("'{}'", p.to_string_lossy().replace('\'', r"'\''"));
    let mut cmd = String::from("ssh -o BatchMode=yes");
    // Who the user is outside the namespace; else what the environment says.
    let host = crate::userns::host_ids()
        .and_then(|(uid, _)| hutch_sys::process::host_user(&uid.to_string()));
    let dot_ssh = std::env::var_os("HOME")
        .map(PathBuf::from)
        .or_else(|| host.as_ref().map(|h| PathBuf::from(&h.home)))
        .map(|h| h.join(".ssh"));
    let user = host.map(|h| h.name).or_else(|| {
        ["USER", "LOGNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|u| !u.is_empty()))
    });
    let mut config = String::new();
    if let Some(own) = dot_ssh.as_ref().map(|d| d.join("config")) {
        if own.is_file() {
            config.push_str(&format!("Include \"{}\"\n", own.display()));
        }
    }
    if let Some(u) = user {
        // An explicit `user@` in the URL or a User line of the user's config comes first.
        config.push_str(&format!("Host *\n  User {u}\n"));
    }
    std::fs::write(config_path, config).map_err(|e| format!("{}: {e}", config_path.display()))?;
    cmd.push_str(&format!(" -F {}", quote(config_path)));
    let Some(dot_ssh) = dot_ssh else {
        return Ok(cmd);
    };
    let known: Vec<String> = ["known_hosts", "known_hosts2"]
        .iter()
        .map(|f| dot_ssh.join(f).to_string_lossy().replace('\'', r"'\''"))
        .collect();
    cmd.push_str(&format!(" -o 'UserKnownHostsFile={}'", known.join(" ")));
    for key in [
        "id_rsa",
        "id_ecdsa",
        "id_ecdsa_sk",
        "id_ed25519",
        "id_ed25519_sk",
    ] {
        let k = dot_ssh.join(key);
        if k.is_file() {
            cmd.push_str(&format!(" -i {}", quote(&k)));
        }
    }
    Ok(cmd)
}

/// A full or abbreviated commit id, which `clone -b` cannot take.
fn is_commit_id(r: &str) -> bool {
    (7..=64).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Clones into `<parent>/repo` and returns the context root (the subdirectory, if named).
pub(super) fn git_clone(url: &str, parent: &Path) -> Result<PathBuf, ContextError> {
    clone(url, &parent.join("repo"), true, None, &|| false)
        .map(|(root, _)| root)
        .map_err(|what| ContextError::Git {
            url: url.to_string(),
            what,
        })
}

/// Clones `URL#ref:subdir` into `dest` (shallow where the server allows it; a dumb HTTP
/// server does not, and gets a full clone) and returns the directory named by the URL's
/// subdirectory, or `dest`, with the commit checked out. `git_dir` false removes `.git` (what
/// `ADD` wants without `--keep-git-dir`). `ssh_agent`, the socket of an agent (`--ssh`),
/// is what ssh URLs authenticate with instead of the caller's own `SSH_AUTH_SOCK`. Errors say
/// what failed, for the caller to put the URL on.
pub(crate) fn clone(
    url: &str,
    dest: &Path,
    git_dir: bool,
    ssh_agent: Option<&Path>,
    stop: &dyn Fn() -> bool,
) -> Result<(PathBuf, String), String> {
    let spec = parse_git_url(url);
    // ssh URLs: `ssh://…` or scp's `[user@]host:path`.
    let over_ssh = spec.repo.starts_with("ssh://")
        || (!spec.repo.contains("://")
            && spec.repo.split('/').next().is_some_and(|h| h.contains(':')));
    let ssh = if over_ssh
        && std::env::var_os("GIT_SSH_COMMAND").is_none()
        && std::env::var_os("GIT_SSH").is_none()
    {
        // Next to `dest`, in the caller's scratch directory.
        let config = dest.with_extension("ssh_config");
        if let Some(parent) = config.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        Some(ssh_command(&config)?)
    } else {
        None
    };
    let run = |args: &[&str], cwd: Option<&Path>| -> Result<(), String> {
        let mut cmd = Command::new("git");
        cmd.args(args)
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_ASKPASS", "true")
            .stdin(std::process::Stdio::null());
        if let Some(ssh) = &ssh {
            cmd.env("GIT_SSH_COMMAND", ssh);
        }
        if let Some(sock) = ssh_agent {
            cmd.env("SSH_AUTH_SOCK", sock);
        }
        if let Some(d) = cwd {
            cmd.current_dir(d);
        }
        run_stoppable(&mut cmd, stop).map_err(|e| match e {
            Run::Spawn(e) => {
                format!("running git: {e} (install git to build from a repository URL)")
            }
            Run::Stopped => "interrupted".to_string(),
            Run::Failed(stderr) => {
                let hint = if stderr.contains("Host key verification failed") {
                    " (the server's host key is not in ~/.ssh/known_hosts: add it, e.g. with \
                     ssh-keyscan, after checking it)"
                } else if stderr.contains("Permission denied (publickey") {
                    " (no key the server accepts: pass an ssh agent that holds one with --ssh \
                     default=$SSH_AUTH_SOCK)"
                } else {
                    ""
                };
                format!(
                    "git {} failed: {}{hint}",
                    args.first().copied().unwrap_or(""),
                    stderr.trim()
                )
            }
        })
    };
    let dest_str = dest.to_string_lossy().into_owned();
    // Shallow first; a server that cannot (git's dumb HTTP protocol) gets a full fetch.
    let fetch = |depth: bool| -> Result<(), String> {
        let depth: &[&str] = if depth { &["--depth", "1"] } else { &[] };
        match spec.reference.as_deref() {
            Some(r) if is_commit_id(r) => {
                run(&["init", "-q", &dest_str], None)?;
                run(&["remote", "add", "origin", &spec.repo], Some(dest))?;
                let mut args = vec!["fetch", "-q"];
                args.extend_from_slice(depth);
                if depth.is_empty() {
                    // A full fetch cannot ask for a bare commit from every server: take
                    // everything, then check the commit out.
                    args.extend(["origin", "+refs/heads/*:refs/remotes/origin/*"]);
                    run(&args, Some(dest))?;
                    run(&["checkout", "-q", r], Some(dest))
                } else {
                    args.extend(["origin", r]);
                    run(&args, Some(dest))?;
                    run(&["checkout", "-q", "FETCH_HEAD"], Some(dest))
                }
            }
            Some(r) => {
                let mut args = vec!["clone", "-q"];
                args.extend_from_slice(depth);
                args.extend(["-b", r, "--", &spec.repo, &dest_str]);
                run(&args, None)
            }
            None => {
                let mut args = vec!["clone", "-q"];
                args.extend_from_slice(depth);
                args.extend(["--", &spec.repo, &dest_str]);
                run(&args, None)
            }
        }
    };
    if let Err(shallow) = fetch(true) {
        if !shallow.contains("shallow") {
            return Err(shallow);
        }
        if dest.exists() {
            hutch_storage::remove_tree(dest).map_err(|e| format!("{}: {e}", dest.display()))?;
        }
        fetch(false)?;
    }
    if dest.join(".gitmodules").exists() {
        run(
            &["submodule", "update", "-q", "--init", "--recursive"],
            Some(dest),
        )?;
    }
    let root = match spec.subdir {
        None => dest.to_path_buf(),
        Some(sub) => {
            let rel = super::sources::clean_relative(&sub)
                .map_err(|_| format!("subdirectory {sub:?} is outside the repository"))?;
            let root = std::fs::canonicalize(dest.join(&rel))
                .map_err(|e| format!("subdirectory {sub:?}: {e}"))?;
            let top =
                std::fs::canonicalize(dest).map_err(|e| format!("{}: {e}", dest.display()))?;
            if !root.starts_with(&top) || !root.is_dir() {
                return Err(format!(
                    "subdirectory {sub:?} is not a directory inside the repository"
                ));
            }
            root
        }
    };
    let commit = head_commit(dest)?;
    if !git_dir {
        let dot_git = dest.join(".git");
        if dot_git.exists() {
            hutch_storage::remove_tree(&dot_git)
                .map_err(|e| format!("{}: {e}", dot_git.display()))?;
        }
    }
    Ok((root, commit))
}

enum Run {
    Spawn(std::io::Error),
    Stopped,
    /// Its standard error.
    Failed(String),
}

/// Runs `cmd` to its end, or kills it once `stop` says so.
fn run_stoppable(cmd: &mut Command, stop: &dyn Fn() -> bool) -> Result<(), Run> {
    use std::io::Read;
    let mut child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(Run::Spawn)?;
    let mut err = child.stderr.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break Some(st),
            Ok(None) if stop() => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Run::Spawn(e));
            }
        }
    };
    let stderr = reader.join().unwrap_or_default();
    match status {
        None => Err(Run::Stopped),
        Some(st) if st.success() => Ok(()),
        Some(_) => Err(Run::Failed(stderr)),
    }
}

/// The commit `dir` (a clone) has checked out.
fn head_commit(dir: &Path) -> Result<String, String> {
    let out = Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(dir)
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| format!("running git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "git rev-parse failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Downloads `url` into `<parent>/download`. Call from a thread that may block.
pub(super) fn download(url: &str, parent: &Path) -> Result<PathBuf, ContextError> {
    let dest = parent.join("download");
    download_to(url, &dest, &|| false).map_err(|e| match e {
        DownloadError::Io { path, source } => ContextError::Io { path, source },
        e => ContextError::Download {
            url: url.to_string(),
            reason: e.reason(),
        },
    })?;
    Ok(dest)
}

/// Why a download failed.
#[derive(Debug)]
pub(crate) enum DownloadError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The request or the server: what went wrong, for the caller to put the URL on.
    Failed(String),
    /// The server's TLS certificate is not signed by a CA this host trusts.
    Untrusted(String),
}

impl DownloadError {
    /// What went wrong and what to do about it, for the caller to put the URL on.
    pub(crate) fn reason(&self) -> String {
        match self {
            DownloadError::Io { path, source } => format!("writing {}: {source}", path.display()),
            DownloadError::Failed(r) => {
                format!("{r} (check the URL and that its server is reachable)")
            }
            DownloadError::Untrusted(r) => format!(
                "{r} (the server's certificate is not trusted: add its CA to the system's \
                 store, or point SSL_CERT_FILE or SSL_CERT_DIR at it)"
            ),
        }
    }
}

/// A failed request as a download error: an untrusted certificate told apart.
fn request_failed(e: &reqwest::Error) -> DownloadError {
    if untrusted(e) {
        DownloadError::Untrusted(error_chain(e))
    } else {
        DownloadError::Failed(error_chain(e))
    }
}

/// Whether rustls refused the peer's certificate somewhere in `e`'s causes. An io::Error's
/// source() skips the error it wraps (hyper nests rustls's in two), so those are opened too.
fn untrusted(e: &(dyn std::error::Error + 'static)) -> bool {
    if let Some(rustls::Error::InvalidCertificate(_)) = e.downcast_ref::<rustls::Error>() {
        return true;
    }
    let wrapped = e
        .downcast_ref::<std::io::Error>()
        .and_then(|io| io.get_ref())
        .is_some_and(|inner| untrusted(inner));
    wrapped || e.source().is_some_and(untrusted)
}

/// What a download brought besides the file.
#[derive(Debug, Default)]
pub(crate) struct Downloaded {
    /// The server's `Last-Modified`, when it sent one.
    pub last_modified: Option<std::time::SystemTime>,
}

/// Downloads `url` into file `dest`, unless `stop` says to give up first. Call from a thread
/// that may block.
pub(crate) fn download_to(
    url: &str,
    dest: &Path,
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<Downloaded, DownloadError> {
    let failed = |reason: String| DownloadError::Failed(reason);
    let io = |source: std::io::Error| DownloadError::Io {
        path: dest.to_path_buf(),
        source,
    };
    crate::pull::client::install_crypto_provider();
    let client = reqwest::Client::builder()
        .user_agent(USER_AGENT)
        .connect_timeout(Duration::from_secs(30))
        .build()
        .map_err(|e| failed(e.to_string()))?;
    let fetch = async {
        let mut resp = client
            .get(url)
            .send()
            .await
            .map_err(|e| request_failed(&e))?;
        if !resp.status().is_success() {
            return Err(failed(format!("the server answered {}", resp.status())));
        }
        let last_modified = resp
            .headers()
            .get(reqwest::header::LAST_MODIFIED)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| chrono::DateTime::parse_from_rfc2822(v).ok())
            .map(std::time::SystemTime::from);
        let mut file = std::fs::File::create(dest).map_err(io)?;
        while let Some(chunk) = resp.chunk().await.map_err(|e| failed(error_chain(&e)))? {
            std::io::Write::write_all(&mut file, &chunk).map_err(io)?;
        }
        Ok(Downloaded { last_modified })
    };
    let stopped = async {
        while !stop() {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    };
    let run = async {
        tokio::select! {
            r = fetch => r,
            () = stopped => Err(failed("interrupted".into())),
        }
    };
    crate::rt::block_on(run).map_err(|e| failed(e.to_string()))?
}

/// An error with its causes (reqwest's own message leaves out why a connection failed).
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        let m = c.to_string();
        if !out.contains(&m) {
            out.push_str(": ");
            out.push_str(&m);
        }
        cur = c.source();
    }
    out
}
