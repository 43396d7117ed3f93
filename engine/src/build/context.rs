//! The build context on disk: a directory, a tar unpacked into a directory this owns, or a git
//! or HTTP URL fetched into one; its ignore rules, its Dockerfile, and the COPY/ADD sources
//! read from it with their content digest.

pub(crate) mod fetch;
mod sources;

use super::ignore::{IgnoreRules, PatternError};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

pub use sources::ContextSource;

/// What went wrong reading the build context.
#[derive(Debug, thiserror::Error)]
pub enum ContextError {
    #[error("build context {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "no Containerfile or Dockerfile specified or found in context directory {dir} \
         (add one, or name it with --file)"
    )]
    NoDockerfile { dir: PathBuf },
    #[error("the Dockerfile {path} cannot be read: {source} (check the --file path)")]
    Dockerfile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: {source} (fix or remove the pattern)")]
    IgnoreFile {
        file: PathBuf,
        #[source]
        source: PatternError,
    },
    #[error(transparent)]
    Pattern(#[from] PatternError),
    #[error("COPY: no source files were specified")]
    NoSources,
    #[error(
        "COPY: no source files were specified: {pattern:?} matches nothing in the build \
         context (or all it matches is excluded by the ignore file)"
    )]
    NoMatch { pattern: String },
    #[error(
        "{pattern:?}: file not found in build context or excluded by .dockerignore: stat \
         {pattern}: file does not exist"
    )]
    NotFound { pattern: String },
    #[error(
        "forbidden path outside the build context: {path} (sources must be inside the \
         context directory)"
    )]
    OutsideContext { path: String },
    #[error("{path}: too many levels of symbolic links in the build context")]
    SymlinkLoop { path: PathBuf },
    #[error("unpacking the build context tar: {0}")]
    Tar(#[source] hutch_storage::unpack::UnpackError),
    #[error("the build context tar is compressed with {0}, which is not supported: decompress it first (gzip and zstd are)")]
    Compression(&'static str),
    #[error("git context {url}: {what}")]
    Git { url: String, what: String },
    #[error("downloading the build context {url}: {reason}")]
    Download { url: String, reason: String },
    #[error("build context URL {url}: {reason}")]
    BadUrl { url: String, reason: String },
}

pub(crate) fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> ContextError + '_ {
    move |source| ContextError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A build context ready to read from.
#[derive(Debug)]
pub struct BuildContext {
    root: PathBuf,
    /// As given (`-f`): relative to the root, or absolute; empty for the default names.
    dockerfile: String,
    ignore: IgnoreRules,
    /// Set when the context was unpacked or fetched: removed with the context.
    _temp: Option<tempfile::TempDir>,
}

impl BuildContext {
    /// A context directory as it is. `dockerfile` (`-f`) is relative to `dir` unless absolute,
    /// empty for `Containerfile` then `Dockerfile`.
    pub fn open_dir(dir: &Path, dockerfile: &str) -> Result<BuildContext, ContextError> {
        let meta = std::fs::metadata(dir).map_err(io_err(dir))?;
        if !meta.is_dir() {
            return Err(ContextError::Io {
                path: dir.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::NotADirectory,
                    "not a directory (give a directory, a tar file, a URL or `-`)",
                ),
            });
        }
        let root = std::fs::canonicalize(dir).map_err(io_err(dir))?;
        Self::with_root(root, dockerfile, None)
    }

    /// A tree read as it is, without an ignore file: the root of a `--from` image or stage, or
    /// a repository `ADD` cloned.
    pub(crate) fn plain_dir(dir: &Path) -> Result<BuildContext, ContextError> {
        let root = std::fs::canonicalize(dir).map_err(io_err(dir))?;
        Ok(BuildContext {
            root,
            dockerfile: String::new(),
            ignore: IgnoreRules::default(),
            _temp: None,
        })
    }

    /// A context from a tar stream (plain, gzip or zstd), unpacked into a temporary directory
    /// under `$TMPDIR` that lives as long as the context.
    pub fn open_tar(reader: impl Read, dockerfile: &str) -> Result<BuildContext, ContextError> {
        Self::open_tar_in(reader, dockerfile, &std::env::temp_dir())
    }

    /// Like [`BuildContext::open_tar`], unpacking under `parent`.
    pub fn open_tar_in(
        reader: impl Read,
        dockerfile: &str,
        parent: &Path,
    ) -> Result<BuildContext, ContextError> {
        let temp = temp_dir(parent)?;
        let root = temp.path().join("context");
        std::fs::create_dir(&root).map_err(io_err(&root))?;
        unpack_tar(reader, &root)?;
        Self::with_root(root, dockerfile, Some(temp))
    }

    /// A context from a URL: a git repository (`URL#ref:subdir`), an HTTP(S) tar archive, or
    /// an HTTP(S) Dockerfile (then the context holds only that file).
    pub fn open_url(url: &str, dockerfile: &str) -> Result<BuildContext, ContextError> {
        Self::open_url_in(url, dockerfile, &std::env::temp_dir())
    }

    /// Like [`BuildContext::open_url`], fetching under `parent`.
    pub fn open_url_in(
        url: &str,
        dockerfile: &str,
        parent: &Path,
    ) -> Result<BuildContext, ContextError> {
        let temp = temp_dir(parent)?;
        if fetch::is_git_url(url) {
            let root = fetch::git_clone(url, temp.path())?;
            return Self::with_root(root, dockerfile, Some(temp));
        }
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(ContextError::BadUrl {
                url: url.to_string(),
                reason: "not a git or HTTP(S) URL".into(),
            });
        }
        let file = fetch::download(url, temp.path())?;
        let root = temp.path().join("context");
        std::fs::create_dir(&root).map_err(io_err(&root))?;
        let mut reader = BufReader::new(std::fs::File::open(&file).map_err(io_err(&file))?);
        let head = reader.fill_buf().map_err(io_err(&file))?;
        if sniff(head).is_some() || looks_like_tar(head) {
            unpack_tar(reader, &root)?;
            drop(std::fs::remove_file(&file));
            return Self::with_root(root, dockerfile, Some(temp));
        }
        // Anything else is taken as the Dockerfile itself.
        drop(reader);
        let name = if dockerfile.is_empty() {
            "Dockerfile"
        } else {
            dockerfile
        };
        let dest =
            root.join(
                sources::clean_relative(name).map_err(|_| ContextError::OutsideContext {
                    path: name.to_string(),
                })?,
            );
        if let Some(p) = dest.parent() {
            std::fs::create_dir_all(p).map_err(io_err(p))?;
        }
        std::fs::rename(&file, &dest).map_err(io_err(&dest))?;
        Self::with_root(root, name, Some(temp))
    }

    fn with_root(
        root: PathBuf,
        dockerfile: &str,
        temp: Option<tempfile::TempDir>,
    ) -> Result<BuildContext, ContextError> {
        let mut ctx = BuildContext {
            root,
            dockerfile: dockerfile.to_string(),
            ignore: IgnoreRules::default(),
            _temp: temp,
        };
        ctx.ignore = ctx.read_ignore_file()?;
        Ok(ctx)
    }

    /// The context's top directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The ignore rules in force (empty when there is no ignore file).
    pub fn ignore_rules(&self) -> &IgnoreRules {
        &self.ignore
    }

    /// `<Dockerfile>.dockerignore` next to the Dockerfile, else `.containerignore`, else
    /// `.dockerignore` at the root.
    fn read_ignore_file(&self) -> Result<IgnoreRules, ContextError> {
        let mut candidates = Vec::new();
        if let Ok(df) = self.dockerfile_path() {
            let mut name = df.into_os_string();
            name.push(".dockerignore");
            candidates.push(PathBuf::from(name));
        }
        candidates.push(self.root.join(".containerignore"));
        candidates.push(self.root.join(".dockerignore"));
        for file in candidates {
            match std::fs::read(&file) {
                Ok(bytes) => {
                    let text = String::from_utf8_lossy(&bytes);
                    return IgnoreRules::try_parse(&text)
                        .map_err(|source| ContextError::IgnoreFile { file, source });
                }
                Err(e) if is_absent(&e) => continue,
                Err(e) => return Err(io_err(&file)(e)),
            }
        }
        Ok(IgnoreRules::default())
    }

    /// Where the Dockerfile is: the one named, or the first of `Containerfile` and
    /// `Dockerfile` at the root.
    pub fn dockerfile_path(&self) -> Result<PathBuf, ContextError> {
        if !self.dockerfile.is_empty() {
            let p = Path::new(&self.dockerfile);
            return Ok(if p.is_absolute() {
                p.to_path_buf()
            } else {
                self.root.join(p)
            });
        }
        for name in ["Containerfile", "Dockerfile"] {
            let p = self.root.join(name);
            if p.exists() {
                return Ok(p);
            }
        }
        Err(ContextError::NoDockerfile {
            dir: self.root.clone(),
        })
    }

    /// The Dockerfile's text (read even when the ignore file excludes it, as Docker does).
    pub fn dockerfile_text(&self) -> Result<String, ContextError> {
        let path = self.dockerfile_path()?;
        let bytes = std::fs::read(&path).map_err(|source| ContextError::Dockerfile {
            path: path.clone(),
            source,
        })?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        Ok(text
            .strip_prefix('\u{feff}')
            .map(str::to_string)
            .unwrap_or(text))
    }
}

fn is_absent(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
    )
}

fn temp_dir(parent: &Path) -> Result<tempfile::TempDir, ContextError> {
    tempfile::Builder::new()
        .prefix("hutch-build-")
        .tempdir_in(parent)
        .map_err(io_err(parent))
}

/// The compression a stream starts with, if any.
fn sniff(head: &[u8]) -> Option<&'static str> {
    if head.starts_with(&[0x1f, 0x8b]) {
        Some("gzip")
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Some("zstd")
    } else if head.starts_with(b"BZh") {
        Some("bzip2")
    } else if head.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0x00]) {
        Some("xz")
    } else {
        None
    }
}

fn looks_like_tar(head: &[u8]) -> bool {
    head.len() >= 262 && &head[257..262] == b"ustar"
}

/// Unpacks a context tar with the layer unpacker's path safety (no entry outside `dest`, no
/// writes through symlinks, no device nodes); owners it cannot set are left as ours.
fn unpack_tar(reader: impl Read, dest: &Path) -> Result<(), ContextError> {
    let mut reader = BufReader::new(reader);
    let head = reader.fill_buf().map_err(io_err(dest))?;
    let plain: Box<dyn Read> = match sniff(head) {
        None => Box::new(reader),
        Some("gzip") => Box::new(flate2::bufread::MultiGzDecoder::new(reader)),
        Some("zstd") => Box::new(zstd::Decoder::with_buffer(reader).map_err(io_err(dest))?),
        Some(other) => return Err(ContextError::Compression(other)),
    };
    let opts = hutch_storage::unpack::UnpackOptions {
        layer: "build context".into(),
        ignore_chown_errors: true,
        tar_split: None,
    };
    hutch_storage::unpack::unpack_layer(plain, dest, &opts).map_err(ContextError::Tar)?;
    Ok(())
}

#[cfg(test)]
mod tests;
