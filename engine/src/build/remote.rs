//! `ADD` from outside the context: a file downloaded over HTTP(S) (named after the URL's path,
//! mode 0600, its mtime the server's `Last-Modified`, never unpacked; `--checksum` checked
//! before anything is written) and a git repository (`URL#ref:subdir`, cloned with the host's
//! `git`, `.git` dropped unless `--keep-git-dir`). Each becomes sources like the context's,
//! with a cache key from what was fetched (the content digest, the commit).

use super::context::fetch::{self, DownloadError};
use super::context::{BuildContext, ContextSource};
use crate::Digest;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// Sources fetched into a directory the caller owns, and what the cache key must know.
pub(super) struct Fetched {
    pub sources: Vec<ContextSource>,
    pub key: String,
}

/// Whether an ADD source is a git repository rather than a file to download.
pub(super) fn is_git(src: &str) -> bool {
    fetch::is_git_url(src)
}

/// Whether an ADD source is an HTTP(S) URL of a file.
pub(super) fn is_http(src: &str) -> bool {
    (src.starts_with("http://") || src.starts_with("https://")) && !is_git(src)
}

/// The name a downloaded file gets: the last segment of the URL's path (decoded), as BuildKit
/// names it, or `__unnamed__` when the path has none.
pub(super) fn file_name(url: &str) -> String {
    let path = reqwest::Url::parse(url)
        .ok()
        .map(|u| u.path().to_string())
        .unwrap_or_default();
    let last = path.rsplit('/').next().unwrap_or("");
    let name = percent_decode(last);
    if name.is_empty() || name == "." || name == ".." {
        "__unnamed__".into()
    } else {
        name
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Some(v) = std::str::from_utf8(&b[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).replace('/', "_")
}

/// Downloads `url` into `dir` and checks it against `checksum` (`sha256:HEX`).
pub(super) fn download(
    url: &str,
    dir: &Path,
    checksum: Option<&str>,
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<Fetched, String> {
    let expected = checksum.map(parse_checksum).transpose()?;
    let name = file_name(url);
    let sub = dir.join(crate::container::names::random_id());
    std::fs::create_dir_all(&sub).map_err(|e| format!("{}: {e}", sub.display()))?;
    let file = sub.join(&name);
    let got = fetch::download_to(url, &file, stop).map_err(|e| match e {
        DownloadError::Io { .. } => e.reason(),
        e => format!("downloading {url}: {}", e.reason()),
    })?;
    let digest = file_digest(&file)?;
    if let Some(want) = expected {
        if want != digest {
            return Err(format!(
                "checksum mismatch for {url}: expected {want}, got {digest} (the file at the URL \
                 changed, or --checksum is wrong)"
            ));
        }
    }
    // Docker's mode for a downloaded file; --chmod overrides it when the file is copied.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600))
        .map_err(|e| format!("{}: {e}", file.display()))?;
    if let Some(t) = got.last_modified {
        let f = std::fs::File::options()
            .write(true)
            .open(&file)
            .map_err(|e| format!("{}: {e}", file.display()))?;
        f.set_modified(t)
            .map_err(|e| format!("{}: {e}", file.display()))?;
    }
    let mtime = got
        .last_modified
        .map(|t| chrono::DateTime::<chrono::Utc>::from(t).to_rfc3339());
    Ok(Fetched {
        sources: vec![ContextSource {
            abs: file,
            rel: PathBuf::from(&name),
            is_dir: false,
        }],
        key: format!("url={url} name={name} content={digest} last-modified={mtime:?}"),
    })
}

/// `--checksum=sha256:HEX` as a digest; other algorithms are refused by name.
fn parse_checksum(c: &str) -> Result<Digest, String> {
    match c.split_once(':') {
        Some(("sha256", hex)) if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) => c
            .to_ascii_lowercase()
            .parse()
            .map_err(|e| format!("--checksum={c}: {e}")),
        Some(("sha256", _)) => Err(format!(
            "--checksum={c}: a sha256 digest is 64 hexadecimal digits"
        )),
        _ => Err(format!(
            "--checksum={c}: expected sha256:<64 hexadecimal digits>"
        )),
    }
}

fn file_digest(path: &Path) -> Result<Digest, String> {
    let mut f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut h = hutch_storage::HashingWriter::new(std::io::sink());
    std::io::copy(&mut f, &mut h).map_err(|e| format!("{}: {e}", path.display()))?;
    let (_, d, _) = h.finish();
    Ok(d.expect("a hashing writer"))
}

/// Clones `url` into `dir` (git is killed once `stop` says so); its tree (or subdirectory)
/// becomes the sources. A `checksum` must be the start of the commit the reference names;
/// ssh URLs authenticate with `ssh_agent` when given.
pub(super) fn clone(
    url: &str,
    dir: &Path,
    keep_git_dir: bool,
    checksum: Option<&str>,
    ssh_agent: Option<&Path>,
    stop: &dyn Fn() -> bool,
) -> Result<Fetched, String> {
    let dest = dir.join(crate::container::names::random_id());
    let (root, commit) = fetch::clone(url, &dest, keep_git_dir, ssh_agent, stop)
        .map_err(|e| format!("git repository {url}: {e}"))?;
    if let Some(c) = checksum {
        if c.len() < 7 || !commit.starts_with(&c.to_ascii_lowercase()) {
            return Err(format!(
                "checksum mismatch for {url}: expected commit {c}, got {commit}"
            ));
        }
    }
    let ctx = BuildContext::plain_dir(&root).map_err(|e| e.to_string())?;
    let sources = ctx
        .resolve_sources(&[".".to_string()], &[], false)
        .map_err(|e| e.to_string())?;
    // A kept `.git` differs between two clones of one commit (its index, its logs): the
    // commit stands for it in the key.
    let tree: Vec<ContextSource> = sources
        .iter()
        .filter(|s| !s.rel.starts_with(".git"))
        .cloned()
        .collect();
    let digest = ctx.digest_sources(&tree).map_err(|e| e.to_string())?;
    Ok(Fetched {
        sources,
        key: format!("git={url} commit={commit} keep-git-dir={keep_git_dir} content={digest}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_url_path() {
        assert_eq!(file_name("http://h:1/a/b/file.tar.gz?x=1"), "file.tar.gz");
        assert_eq!(file_name("http://h/a%20b.txt"), "a b.txt");
        assert_eq!(file_name("http://h/"), "__unnamed__");
        assert_eq!(file_name("https://h"), "__unnamed__");
        assert!(is_http("https://h/x.tgz") && !is_http("https://h/x.git"));
        assert!(is_git("https://h/x.git#main:sub") && is_git("git@h:x/y.git"));
    }

    #[test]
    fn checksums_are_sha256_only() {
        let hex = "a".repeat(64);
        assert!(parse_checksum(&format!("sha256:{hex}")).is_ok());
        assert!(parse_checksum("sha256:abc").unwrap_err().contains("64"));
        assert!(parse_checksum(&format!("md5:{hex}"))
            .unwrap_err()
            .contains("expected sha256"));
    }
}
