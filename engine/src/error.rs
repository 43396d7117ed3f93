//! The engine's error type and the podman exit codes each error maps to.

use std::path::PathBuf;

pub type Result<T, E = EngineError> = std::result::Result<T, E>;

/// Podman's exit codes.
pub struct ExitCode;
impl ExitCode {
    pub const ENGINE: i32 = 125;
    pub const CANNOT_EXECUTE: i32 = 126;
    pub const NOT_FOUND: i32 = 127;
}

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("invalid image reference {reference:?}: {reason}")]
    InvalidReference { reference: String, reason: String },
    #[error("{name}: image not known")]
    ImageNotKnown { name: String },
    #[error("{name}: image name or ID is ambiguous: it matches {}", matches.join(", "))]
    AmbiguousImage { name: String, matches: Vec<String> },
    #[error("image {image} is in use: {reason}")]
    ImageInUse { image: String, reason: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    State(#[from] hutch_state::StateError),
    #[error(transparent)]
    Storage(#[from] hutch_storage::StorageError),
    #[error(transparent)]
    Sys(#[from] hutch_sys::SysError),
    #[error(transparent)]
    Userns(Box<crate::userns::UsernsError>),
    #[error(transparent)]
    Registries(#[from] crate::registries::RegistriesError),
    #[error(transparent)]
    Auth(#[from] crate::auth::AuthError),
    #[error(transparent)]
    Pull(#[from] crate::pull::PullError),
    #[error(transparent)]
    Push(#[from] crate::push::PushError),
    #[error(transparent)]
    Container(Box<crate::container::ContainerError>),
    #[error(transparent)]
    Login(#[from] crate::login::LoginError),
    #[error(transparent)]
    Filter(#[from] crate::filters::FilterError),
    #[error(transparent)]
    Manifest(#[from] crate::manifests::ManifestError),
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
    #[error(transparent)]
    Networks(Box<hutch_network::networks::NetworksError>),
    #[error(transparent)]
    Archive(Box<crate::saveload::ArchiveError>),
    #[error(transparent)]
    Volume(Box<crate::volumes::VolumeError>),
    #[error(transparent)]
    Connect(Box<crate::networks::ConnectError>),
    #[error(transparent)]
    Mount(Box<crate::container::mounts::MountError>),
    #[error(transparent)]
    Rootfs(Box<crate::container::rootfs::RootfsError>),
    #[error(transparent)]
    Copy(Box<crate::container::archive::CopyError>),
    /// A storage directory someone else made (the shared /tmp fallback of the runroot).
    #[error(
        "{path} is owned by uid {owner}, not by you (uid {uid}); remove it or pass --root/--runroot"
    )]
    NotOwned { path: PathBuf, owner: u32, uid: u32 },
    #[error("image {image}: config blob is not valid JSON: {source}")]
    BadImageConfig {
        image: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("image {image}: layer {layer} is missing from the store")]
    LayerMissing { image: String, layer: String },
    /// Serializing a value hutch built itself (a runtime config, a stored spec, a manifest).
    #[error("encoding {what}: {source}")]
    Encode {
        what: String,
        #[source]
        source: serde_json::Error,
    },
    /// Removing a container failed at some steps; the others were done and its row is kept,
    /// so that `rm` can be tried again.
    #[error("removing container {id}: {errors}")]
    RemoveFailed {
        id: String,
        #[source]
        errors: Failures,
    },
    /// Cleaning up after a container's exit failed at some steps; the others were done.
    #[error("container {id}: cleanup: {errors}")]
    CleanupFailed {
        id: String,
        #[source]
        errors: Failures,
    },
    #[error("starting the async runtime: {source}")]
    AsyncRuntime {
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Logs(Box<crate::container::logs::LogsError>),
    #[error(transparent)]
    Commit(Box<crate::container::commit::CommitError>),
    #[error(transparent)]
    Generate(Box<crate::systemd::generate::GenerateError>),
    #[error(transparent)]
    Build(Box<crate::build::BuildError>),
}

/// The failures of the steps of a teardown that keeps going past each one (see
/// [`EngineError::RemoveFailed`]), in the order they happened; never empty.
#[derive(Debug)]
pub struct Failures(pub Vec<EngineError>);

impl Failures {
    /// `Err` with the failures when there are any.
    pub fn into_result(self, err: impl FnOnce(Failures) -> EngineError) -> Result<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(err(self))
        }
    }
}

impl std::fmt::Display for Failures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Failures {
    /// The first failure: the rest are in the list (and all of them in the message).
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0
            .first()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// What kind of failure an error is, for front ends that answer with a status rather than an
/// exit code (the API service maps these to 404, 409, 400 and 500).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The container, image, volume or network named does not exist.
    NotFound,
    /// The request conflicts with the current state (name in use, container running, in use).
    Conflict,
    /// The input itself is wrong (a bad flag value, reference, filter or name).
    Invalid,
    /// Credentials were missing or rejected.
    Unauthorized,
    /// Anything else: the engine or the host failed.
    Internal,
}

impl EngineError {
    /// The kind of failure, for front ends that answer with a status.
    pub fn kind(&self) -> ErrorKind {
        use crate::container::ContainerError as C;
        use hutch_network::networks::NetworksError as N;
        use hutch_state::StateError as S;
        match self {
            EngineError::InvalidReference { .. } | EngineError::Filter(_) => ErrorKind::Invalid,
            EngineError::ImageNotKnown { .. } => ErrorKind::NotFound,
            EngineError::AmbiguousImage { .. } => ErrorKind::Invalid,
            EngineError::ImageInUse { .. } => ErrorKind::Conflict,
            EngineError::State(s) => match s {
                S::ImageNotFound { .. } | S::ContainerNotFound { .. } => ErrorKind::NotFound,
                S::NameInUse { .. } | S::VolumeExists { .. } => ErrorKind::Conflict,
                _ => ErrorKind::Internal,
            },
            EngineError::Pull(p) => match p {
                crate::pull::PullError::NotFound { .. } => ErrorKind::NotFound,
                crate::pull::PullError::Unauthorized { .. } => ErrorKind::Unauthorized,
                crate::pull::PullError::InvalidPlatform(_) => ErrorKind::Invalid,
                _ => ErrorKind::Internal,
            },
            EngineError::Container(c) => match &**c {
                C::NotFound { .. }
                | C::ExecNotFound { .. }
                | C::NoSuchPath { .. }
                | C::RemovedWhileWaiting { .. } => ErrorKind::NotFound,
                C::ExecStarted { .. } | C::AttachNotRunning { .. } | C::CidFileExists { .. } => {
                    ErrorKind::Conflict
                }
                C::Ambiguous { .. } | C::InvalidFlag { .. } => ErrorKind::Invalid,
                C::BadState { .. } | C::HasDependents { .. } => ErrorKind::Conflict,
                C::State(S::NameInUse { .. }) => ErrorKind::Conflict,
                C::State(S::ContainerNotFound { .. }) => ErrorKind::NotFound,
                _ => ErrorKind::Internal,
            },
            EngineError::Volume(v) => match &**v {
                crate::volumes::VolumeError::NotFound { .. } => ErrorKind::NotFound,
                crate::volumes::VolumeError::Exists { .. }
                | crate::volumes::VolumeError::InUse { .. } => ErrorKind::Conflict,
                crate::volumes::VolumeError::BadName { .. }
                | crate::volumes::VolumeError::BadDriver { .. }
                | crate::volumes::VolumeError::BadOption { .. } => ErrorKind::Invalid,
                _ => ErrorKind::Internal,
            },
            EngineError::Networks(n) => match &**n {
                N::NotFound { .. } => ErrorKind::NotFound,
                N::Exists { .. }
                | N::SubnetInUse { .. }
                | N::InUse { .. }
                | N::IpInUse { .. }
                | N::DefaultNetwork { .. } => ErrorKind::Conflict,
                N::Ambiguous { .. }
                | N::InvalidName { .. }
                | N::Invalid { .. }
                | N::IpOutside { .. } => ErrorKind::Invalid,
                _ => ErrorKind::Internal,
            },
            EngineError::Manifest(m) => match m {
                crate::manifests::ManifestError::NotFound { .. } => ErrorKind::NotFound,
                crate::manifests::ManifestError::Exists { .. }
                | crate::manifests::ManifestError::ImageExists { .. } => ErrorKind::Conflict,
                _ => ErrorKind::Internal,
            },
            EngineError::Connect(_) => ErrorKind::Conflict,
            EngineError::Commit(c) => match &**c {
                crate::container::commit::CommitError::InvalidChange { .. } => ErrorKind::Invalid,
                _ => ErrorKind::Internal,
            },
            EngineError::Build(b) => match &**b {
                crate::build::BuildError::RunFailed { .. }
                | crate::build::BuildError::Interrupted => ErrorKind::Internal,
                crate::build::BuildError::NoSuchTarget { .. } => ErrorKind::NotFound,
                _ => ErrorKind::Invalid,
            },
            EngineError::Generate(g) => match &**g {
                crate::systemd::generate::GenerateError::BadRestartPolicy { .. } => {
                    ErrorKind::Invalid
                }
                _ => ErrorKind::Internal,
            },
            EngineError::Search(
                crate::search::SearchError::BadFilter { .. }
                | crate::search::SearchError::BadTerm { .. },
            ) => ErrorKind::Invalid,
            EngineError::Copy(c) => match &**c {
                crate::container::archive::CopyError::PathChanged { .. } => ErrorKind::Internal,
                _ => ErrorKind::Invalid,
            },
            _ => ErrorKind::Internal,
        }
    }

    pub fn from_login(e: crate::login::LoginError) -> Self {
        EngineError::Login(e)
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        EngineError::Io {
            path: path.into(),
            source,
        }
    }

    /// The exit code podman would use for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            EngineError::Container(c) => c.exit_code(),
            EngineError::Build(b) => b.exit_code(),
            _ => ExitCode::ENGINE,
        }
    }
}

impl From<crate::saveload::ArchiveError> for EngineError {
    fn from(e: crate::saveload::ArchiveError) -> Self {
        EngineError::Archive(Box::new(e))
    }
}

impl From<crate::container::logs::LogsError> for EngineError {
    fn from(e: crate::container::logs::LogsError) -> Self {
        match e {
            crate::container::logs::LogsError::Container(c) => c.into(),
            e => EngineError::Logs(Box::new(e)),
        }
    }
}

impl From<crate::container::commit::CommitError> for EngineError {
    fn from(e: crate::container::commit::CommitError) -> Self {
        EngineError::Commit(Box::new(e))
    }
}

impl From<crate::build::BuildError> for EngineError {
    fn from(e: crate::build::BuildError) -> Self {
        EngineError::Build(Box::new(e))
    }
}

impl From<crate::systemd::generate::GenerateError> for EngineError {
    fn from(e: crate::systemd::generate::GenerateError) -> Self {
        EngineError::Generate(Box::new(e))
    }
}

impl From<crate::container::ContainerError> for EngineError {
    fn from(e: crate::container::ContainerError) -> Self {
        EngineError::Container(Box::new(e))
    }
}

impl From<hutch_network::NetworkError> for EngineError {
    fn from(e: hutch_network::NetworkError) -> Self {
        EngineError::Container(Box::new(e.into()))
    }
}
