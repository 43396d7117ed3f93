//! OCI hooks: each runs with the container's state on stdin, its own args and env, and its
//! timeout; a failing hook fails the step it belongs to (poststart and poststop ones only warn).

use anyhow::{bail, Context, Result};
use oci_spec::runtime::Hook;
use std::io::Write;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub fn run(hooks: &[Hook], state: &str) -> Result<()> {
    for h in hooks {
        run_one(h, state).with_context(|| format!("hook {}", h.path().display()))?;
    }
    Ok(())
}

/// Runs poststart/poststop hooks: failures are logged, not returned.
pub fn run_warn(hooks: Option<&[Hook]>, state: &str, what: &str) {
    for h in hooks.into_iter().flatten() {
        if let Err(e) = run_one(h, state) {
            crate::log::warn(&format!(
                "{what} hook {}: {}",
                h.path().display(),
                crate::errtext::render(&e)
            ));
        }
    }
}

fn run_one(h: &Hook, state: &str) -> Result<()> {
    let mut cmd = Command::new(h.path());
    if let Some(args) = h.args() {
        if let Some(a0) = args.first() {
            cmd.arg0(a0);
        }
        cmd.args(args.iter().skip(1));
    }
    cmd.env_clear();
    for e in h.env().iter().flatten() {
        if let Some((k, v)) = e.split_once('=') {
            cmd.env(k, v);
        }
    }
    let mut child = cmd.stdin(Stdio::piped()).spawn().context("start")?;
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(state.as_bytes());
    }
    let deadline = h
        .timeout()
        .filter(|t| *t > 0)
        .map(|t| Instant::now() + Duration::from_secs(t as u64));
    loop {
        if let Some(status) = child.try_wait().context("wait")? {
            if !status.success() {
                bail!("exited with {status}");
            }
            return Ok(());
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            let _ = child.kill();
            let _ = child.wait();
            bail!("timed out after {} seconds", h.timeout().unwrap_or(0));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}
