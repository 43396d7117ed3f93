//! The Docker Engine API, served on a unix socket (or TCP when asked) by `hutch system service`.
//! Handlers decode requests into the engine's typed inputs and encode its results as Docker's
//! JSON; every behaviour is the engine's, shared with the CLI. No handler orchestrates.
#![deny(unsafe_code)]

mod containers;
mod exec;
mod hijack;
#[allow(dead_code)] // helpers the endpoint modules use as they land
mod http;
mod images;
mod networks;
mod router;
mod server;
mod streams;
mod system;
mod volumes;

pub use server::{serve, Listener, ServeOptions};

/// The API version hutch announces (`/version`, the `API-Version` header).
pub const API_VERSION: &str = "1.47";
/// The oldest API version hutch answers.
pub const MIN_API_VERSION: &str = "1.24";

mod pipe;
