//! `build`: images from Dockerfiles and Containerfiles. The file is parsed into typed stages
//! (`dockerfile`, with RUN here-documents taken out first by `heredoc`), the stages the target
//! needs run (independent ones in parallel, `stages`), each RUN in a container through the
//! same path as `run` (`run_step`), each COPY/ADD written straight into a layer (`copy_step`,
//! `copy`; URLs and git repositories fetched by `remote`), and every step's image recorded
//! under a cache key (`cache`) so an unchanged rebuild reuses it. Progress leaves as
//! `BuildEvent`s.

pub mod cache;
pub mod context;
mod copy;
mod copy_step;
pub mod dockerfile;
pub mod expand;
mod heredoc;
pub mod ignore;
mod image;
mod remote;
mod remote_cache;
mod run_step;
mod squash;
mod stages;
mod state;
mod steps;

use crate::container::mount_spec::Mount;
use crate::container::PullPolicy;
use crate::pull::PullOptions;
use std::collections::BTreeMap;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

pub use stages::BuildResult;

/// The format of the image written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ImageFormat {
    #[default]
    Oci,
    Docker,
}

/// `--secret id=ID,src=PATH|env=VAR`: read by the front end, handed over as bytes.
#[derive(Debug, Clone)]
pub struct Secret {
    pub id: String,
    pub data: Vec<u8>,
}

/// Everything a build asks for, parsed.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The Dockerfile's text and its name (for errors).
    pub dockerfile: String,
    pub dockerfile_name: String,
    /// `-t`: names for the final image.
    pub tags: Vec<String>,
    /// `--build-arg`.
    pub build_args: BTreeMap<String, String>,
    /// `--target`: the stage to build (default: the last).
    pub target: Option<String>,
    /// `--no-cache`: look nothing up (new steps are still recorded).
    pub no_cache: bool,
    /// `--layers`: record and reuse each step's image.
    pub layers: bool,
    /// `--pull` for the base images.
    pub pull: PullPolicy,
    pub pull_options: PullOptions,
    /// `--label`, over the Dockerfile's.
    pub labels: Vec<(String, String)>,
    /// `--annotation`: in the manifest.
    pub annotations: Vec<(String, String)>,
    /// `--network` for RUN (None: containers.conf's default).
    pub network: Option<hutch_network::NetworkMode>,
    /// `-v` for every RUN.
    pub volumes: Vec<Mount>,
    pub secrets: Vec<Secret>,
    /// `--ssh id=socket`: agent sockets by id.
    pub ssh: Vec<(String, PathBuf)>,
    /// `--squash`: the final image's new layers as one, on top of its base image's.
    pub squash: bool,
    /// `--squash-all`: all of the final image's layers as one.
    pub squash_all: bool,
    pub format: ImageFormat,
    /// The process's own platform is the only one hutch builds for.
    pub platform: Option<String>,
    /// `--cache-from`: where to look for steps the local cache lacks.
    pub cache_from: Vec<CacheLocation>,
    /// `--cache-to`: where each step's image goes.
    pub cache_to: Option<CacheLocation>,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            dockerfile: String::new(),
            dockerfile_name: "Dockerfile".into(),
            tags: Vec::new(),
            build_args: BTreeMap::new(),
            target: None,
            no_cache: false,
            layers: true,
            pull: PullPolicy::Missing,
            pull_options: PullOptions::default(),
            labels: Vec::new(),
            annotations: Vec::new(),
            network: None,
            volumes: Vec::new(),
            secrets: Vec::new(),
            ssh: Vec::new(),
            squash: false,
            squash_all: false,
            format: ImageFormat::Oci,
            platform: None,
            cache_from: Vec::new(),
            cache_to: None,
        }
    }
}

/// Where `--cache-from` and `--cache-to` keep step images, each under its cache key: a
/// registry repository (the key is the tag) or an OCI layout directory (the key is the
/// index entry's `org.opencontainers.image.ref.name`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheLocation {
    /// `REGISTRY/REPOSITORY`, no tag.
    Registry(String),
    Dir(PathBuf),
}

impl CacheLocation {
    /// A path (`/...`, `./...`, `../...`) or `oci:PATH` is a directory; anything else a
    /// registry repository, which must name its registry and no tag or digest.
    pub fn parse(s: &str) -> std::result::Result<CacheLocation, BuildError> {
        let bad = |reason: &str| BuildError::Invalid {
            what: format!("cache location {s:?}"),
            reason: reason.to_string(),
        };
        if let Some(p) = s
            .strip_prefix("oci:")
            .or_else(|| s.strip_prefix("oci-layout://"))
        {
            if p.is_empty() {
                return Err(bad("oci: needs a directory, e.g. oci:/var/tmp/cache"));
            }
            return Ok(CacheLocation::Dir(PathBuf::from(p)));
        }
        if s.starts_with('/') || s.starts_with("./") || s.starts_with("../") || s == "." {
            return Ok(CacheLocation::Dir(PathBuf::from(s)));
        }
        let repo = s.strip_prefix("docker://").unwrap_or(s);
        let name = crate::reference::Name::parse(repo).map_err(|e| bad(&e.to_string()))?;
        if name.tag.is_some() || name.digest.is_some() {
            return Err(bad(
                "a cache repository takes no tag or digest (the steps' cache keys are the tags)",
            ));
        }
        if name.registry.is_none() {
            return Err(bad(
                "no registry in the name: give one, e.g. quay.io/org/cache or 127.0.0.1:5000/cache, \
                 or a directory as ./DIR or oci:DIR",
            ));
        }
        Ok(CacheLocation::Registry(repo.to_string()))
    }
}

/// What a build reports as it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildEvent {
    /// A step starts: `[stage/stages] STEP n/total: INSTRUCTION` (the stage part only in a
    /// multi-stage build).
    Step {
        stage: Option<(usize, usize)>,
        number: usize,
        total: usize,
        text: String,
    },
    /// Output of a RUN (stdout and stderr as they come) in stage `stage` (its index; parallel
    /// stages' outputs interleave).
    Output { stage: usize, bytes: Vec<u8> },
    /// The step's result came from the cache: this image.
    CacheHit { id: String },
    /// The final image of a stage is committed, under `name` when it has one.
    Commit { name: Option<String> },
    /// A step or stage produced image `id`.
    Image { id: String },
    /// The final image got name `name`.
    Tagged { name: String },
    /// Pulling a base image.
    Pull(crate::progress::Event),
    /// Something the user should know (an ignored directive, an unused build arg).
    Warning(String),
}

/// Where a build's events go.
pub trait BuildSink: Send + Sync {
    fn event(&self, event: BuildEvent);
}

impl<F: Fn(BuildEvent) + Send + Sync> BuildSink for F {
    fn event(&self, event: BuildEvent) {
        self(event)
    }
}

/// Asks a running build to stop (Ctrl-C, a client that went away): RUN containers are killed
/// and removed, nothing is tagged.
pub struct Cancel {
    flag: AtomicBool,
    read: OwnedFd,
    write: std::sync::Mutex<Option<std::fs::File>>,
}

impl Cancel {
    pub fn new() -> std::io::Result<Cancel> {
        let (r, w) = hutch_sys::fd::pipe()?;
        Ok(Cancel {
            flag: AtomicBool::new(false),
            read: r.into(),
            write: std::sync::Mutex::new(Some(w)),
        })
    }

    pub fn cancel(&self) {
        self.flag.store(true, Ordering::SeqCst);
        // One byte that nobody reads keeps the read end readable (POLLIN) for every poller,
        // for good. Closing the write end instead would only raise POLLHUP, which a session
        // waiting for its control source to be readable does not take as a wake-up.
        if let Some(w) = self
            .write
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_mut()
        {
            use std::io::Write;
            let _ = w.write_all(b"c");
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.flag.load(Ordering::SeqCst)
    }

    /// Readable once cancelled.
    pub(crate) fn fd(&self) -> BorrowedFd<'_> {
        self.read.as_fd()
    }
}

/// What can go wrong in a build; each names the file, line and instruction, or the thing.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{file}: line {line}: {reason}")]
    Parse {
        file: String,
        line: usize,
        reason: String,
    },
    #[error("{file}: line {line}: {instruction}: {reason}")]
    Instruction {
        file: String,
        line: usize,
        instruction: String,
        reason: String,
    },
    #[error("building at STEP \"{instruction}\": while running runtime: exit status {code}")]
    RunFailed { instruction: String, code: i64 },
    #[error("target stage {target:?} could not be found in {file}")]
    NoSuchTarget { target: String, file: String },
    #[error("{what} is not supported by hutch build yet: {hint}")]
    Unsupported { what: String, hint: String },
    #[error("build interrupted")]
    Interrupted,
    #[error("{what}: {reason}")]
    Invalid { what: String, reason: String },
}

impl BuildError {
    /// podman's exit code: a failed RUN's own code, else 125.
    pub fn exit_code(&self) -> i32 {
        match self {
            BuildError::RunFailed { code, .. } if (1..=255).contains(code) => *code as i32,
            BuildError::Interrupted => 130,
            _ => crate::ExitCode::ENGINE,
        }
    }
}
