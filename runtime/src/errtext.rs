//! How the runtime words its errors: as runc does, an errno is Go's lowercase text ("no such
//! file or directory"), never Rust's "No such file or directory (os error 2)", and every message
//! starts with what it was doing and on what.

use std::io;

/// The lowercase text of an errno.
pub fn errno(e: nix::errno::Errno) -> String {
    lower_first(e.desc())
}

/// An I/O error's text: the errno's when it has one.
pub fn io(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(n) => errno(nix::errno::Errno::from_raw(n)),
        None => lower_first(&e.to_string()),
    }
}

/// "WHAT: ERRNO TEXT" as an error.
pub fn io_error(what: &str, e: &io::Error) -> anyhow::Error {
    anyhow::anyhow!("{what}: {}", io(e))
}

/// An error with its causes, "outer: inner: errno text", with each system error worded as
/// runc words it.
pub fn render(e: &anyhow::Error) -> String {
    e.chain()
        .map(|c| {
            if let Some(n) = c.downcast_ref::<nix::errno::Errno>() {
                errno(*n)
            } else if let Some(i) = c.downcast_ref::<io::Error>() {
                io(i)
            } else {
                c.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(": ")
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn system_errors_read_as_runc_words_them() {
        let e = std::fs::read("/nonexistent/hutch-runtime-test")
            .context("open /nonexistent/hutch-runtime-test")
            .unwrap_err();
        assert_eq!(
            render(&e),
            "open /nonexistent/hutch-runtime-test: no such file or directory"
        );
        let e = Err::<(), _>(nix::errno::Errno::EPERM)
            .context("mount proc on /proc")
            .unwrap_err();
        assert_eq!(render(&e), "mount proc on /proc: operation not permitted");
        let io = io::Error::from_raw_os_error(libc::EACCES);
        assert_eq!(
            io_error("open /x", &io).to_string(),
            "open /x: permission denied"
        );
        assert!(!format!("{:#}", io_error("open /x", &io)).contains("os error"));
    }
}
