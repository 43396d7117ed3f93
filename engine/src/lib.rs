//! hutch's lifecycle logic, shared by the CLI and (later) the Docker-compatible API service.
//! It owns configuration and paths, the rootless user namespace, image references, registry
//! access and pulls, and the image operations built on `state` and `storage`.
#![deny(unsafe_code)]
#![recursion_limit = "256"]

pub mod auth;
pub mod build;
pub mod container;
mod engine;
pub mod error;
pub mod events;
pub mod filters;
pub mod host;
pub mod images;
pub mod info;
pub mod login;
pub mod manifests;
pub mod networks;
pub mod paths;
pub mod progress;
pub mod pull;
pub mod push;
pub mod reference;
pub mod registries;
pub mod rt;
pub mod saveload;
pub mod search;
pub mod storage_driver;
pub mod system;
pub mod term;
pub mod userns;
pub mod volumes;

pub use engine::{exit_command_of_current_exe, Engine, EngineConfig, RemoveOptions};
pub use error::{EngineError, ErrorKind, ExitCode, Result};
pub use hutch_state::{Container, Event, Image};
pub use hutch_storage::digest::{self, Digest};
pub use paths::{Options, Paths};
pub mod systemd;
