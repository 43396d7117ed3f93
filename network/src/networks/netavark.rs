//! Running netavark 1.x: `setup`/`teardown` of a container's namespace, executed inside the
//! rootless network namespace with the options JSON on stdin, its aardvark-dns configuration
//! kept in `runroot/networks`.

use super::types::{NetworkOptions, StatusBlock};
use super::{NetworksError, Result};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub const NETAVARK: &str = "/usr/lib/podman/netavark";
pub const AARDVARK: &str = "/usr/lib/podman/aardvark-dns";

#[derive(Debug, Clone)]
pub struct Netavark {
    config_dir: PathBuf,
    binary: PathBuf,
    aardvark: PathBuf,
}

impl Netavark {
    pub fn new(config_dir: PathBuf) -> Netavark {
        // Overridable for distributions that install them elsewhere (as containers.conf's
        // helper_binaries_dir does for podman).
        let pick = |var: &str, default: &str| {
            std::env::var_os(var)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from(default))
        };
        Netavark {
            config_dir,
            binary: pick("HUTCH_NETAVARK", NETAVARK),
            aardvark: pick("HUTCH_AARDVARK_DNS", AARDVARK),
        }
    }

    pub fn setup(
        &self,
        rootless: &Path,
        netns: &Path,
        opts: &NetworkOptions,
    ) -> Result<BTreeMap<String, StatusBlock>> {
        let out = self.run("setup", rootless, netns, opts)?;
        serde_json::from_slice(&out).map_err(|e| NetworksError::Helper {
            program: self.binary.clone(),
            action: "setup".into(),
            container: opts.container_name.clone(),
            status: "0".into(),
            stderr: format!("unreadable result: {e}"),
        })
    }

    pub fn teardown(&self, rootless: &Path, netns: &Path, opts: &NetworkOptions) -> Result<()> {
        self.run("teardown", rootless, netns, opts).map(drop)
    }

    fn run(
        &self,
        action: &str,
        rootless: &Path,
        netns: &Path,
        opts: &NetworkOptions,
    ) -> Result<Vec<u8>> {
        if !self.binary.is_file() {
            return Err(NetworksError::ProgramMissing {
                program: self.binary.clone(),
                package: "netavark",
            });
        }
        let mut cmd = Command::new(&self.binary);
        cmd.arg("--config")
            .arg(&self.config_dir)
            .arg("--rootless")
            .arg("true")
            .arg("--aardvark-binary")
            .arg(&self.aardvark)
            .arg(action)
            .arg(netns)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        hutch_sys::nsexec::in_netns(&mut cmd, rootless)
            .map_err(|e| NetworksError::sys(rootless, e))?;
        tracing::debug!(action, container = %opts.container_name, "running netavark");
        let mut child = cmd
            .spawn()
            .map_err(|e| NetworksError::io(&self.binary, e))?;
        let input = serde_json::to_vec(opts).expect("options serialise");
        if let Some(mut stdin) = child.stdin.take() {
            // A netavark that dies early closes its stdin; its exit status says why.
            let _ = stdin.write_all(&input);
        }
        let out = child
            .wait_with_output()
            .map_err(|e| NetworksError::io(&self.binary, e))?;
        if !out.status.success() {
            let mut msg = String::from_utf8_lossy(&out.stderr)
                .trim()
                .replace('\n', "; ");
            // netavark reports errors as JSON on stdout.
            if let Ok(v) = serde_json::from_slice::<serde_json::Value>(&out.stdout) {
                if let Some(e) = v.get("error").and_then(|e| e.as_str()) {
                    msg = e.to_string();
                }
            }
            return Err(NetworksError::Helper {
                program: self.binary.clone(),
                action: action.into(),
                container: opts.container_name.clone(),
                status: out.status.to_string(),
                stderr: msg,
            });
        }
        Ok(out.stdout)
    }
}
