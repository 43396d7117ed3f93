//! Rootless networking helpers (pasta, slirp4netns, netavark). For now: finding the tools.
#![deny(unsafe_code)]

/// Looks a program up on PATH.
pub fn find_program(name: &str) -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}
