//! The OCI runtime behind one trait, and the driver for runtimes with the standard command line
//! (runc, crun, youki). hutch keeps the runtime's state in a private root (`runroot/runtime`),
//! so its containers never mix with another engine's.

use super::ContainerError;
use crate::host::Program;
use crate::Paths;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What the runtime says about a container (`runtime state`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuntimeState {
    /// creating | created | running | paused | stopped
    pub status: String,
    pub pid: i32,
}

pub trait OciRuntime {
    fn name(&self) -> &str;
    fn path(&self) -> &Path;
    /// Arguments that go before every subcommand (the private `--root`).
    fn global_args(&self) -> Vec<OsString>;
    fn create(&self, id: &str, bundle: &Path, pid_file: &Path) -> Result<(), ContainerError>;
    fn start(&self, id: &str) -> Result<(), ContainerError>;
    /// None when the runtime does not know the container.
    fn state(&self, id: &str) -> Result<Option<RuntimeState>, ContainerError>;
    fn kill(&self, id: &str, signal: i32, all: bool) -> Result<(), ContainerError>;
    /// Deletes the runtime's state of the container; a container it does not know is fine.
    fn delete(&self, id: &str, force: bool) -> Result<(), ContainerError>;
    fn pause(&self, id: &str) -> Result<(), ContainerError>;
    fn resume(&self, id: &str) -> Result<(), ContainerError>;
    /// The command that runs a process (described by the JSON at `process`) in the container;
    /// the caller wires its stdio and waits for it.
    fn exec(&self, id: &str, process: &Path, opts: &ExecCommand) -> Command;
}

#[derive(Debug, Clone, Default)]
pub struct ExecCommand {
    pub tty: bool,
    pub detach: bool,
    pub pid_file: Option<PathBuf>,
    pub console_socket: Option<PathBuf>,
    /// Where the runtime writes its own log (errors), for callers that cannot read its stderr.
    pub log: Option<PathBuf>,
    /// `exec --preserve-fds N`: this process's descriptors 3..3+N go to the new process.
    pub preserve_fds: u32,
}

/// A runtime driven through its command line.
#[derive(Debug, Clone)]
pub struct CliRuntime {
    name: String,
    path: PathBuf,
    root: PathBuf,
    /// `--runtime-flag`s, each passed as `--FLAG` before the subcommand (as podman does).
    flags: Vec<String>,
}

impl CliRuntime {
    pub fn new(path: PathBuf, paths: &Paths) -> CliRuntime {
        CliRuntime {
            name: name_of(&path),
            path,
            root: paths.runroot.join("runtime"),
            flags: paths.settings.runtime_flags.clone(),
        }
    }

    fn command(&self) -> Command {
        let mut c = Command::new(&self.path);
        c.args(self.global_args());
        c.stdin(Stdio::null());
        // runc and crun act on systemd's notify socket themselves; the monitor owns it.
        c.env_remove("NOTIFY_SOCKET");
        c
    }

    fn run(&self, id: &str, op: &'static str, args: &[&str]) -> Result<String, ContainerError> {
        let out = self
            .command()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .map_err(|source| ContainerError::RuntimeSpawn {
                id: id.to_string(),
                runtime: self.name.clone(),
                source,
            })?;
        if !out.status.success() {
            return Err(ContainerError::Runtime {
                id: id.to_string(),
                runtime: self.name.clone(),
                op,
                stderr: runtime_message(&out.stderr),
            });
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

/// The useful part of a runtime's error output: runc logs `time=... level=error msg="..."`.
pub fn runtime_message(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let mut msgs = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(i) = line.find("msg=") {
            let m = line[i + 4..].trim();
            let m = m
                .strip_prefix('"')
                .and_then(|m| m.rfind('"').map(|e| &m[..e]))
                .unwrap_or(m);
            msgs.push(m.replace("\\\"", "\""));
        } else {
            msgs.push(line.to_string());
        }
    }
    if msgs.is_empty() {
        "no error output".into()
    } else {
        msgs.join("; ")
    }
}

fn not_exist(e: &ContainerError) -> bool {
    matches!(e, ContainerError::Runtime { stderr, .. }
        if stderr.contains("does not exist") || stderr.contains("not found") || stderr.contains("No such file"))
}

impl OciRuntime for CliRuntime {
    fn name(&self) -> &str {
        &self.name
    }

    fn path(&self) -> &Path {
        &self.path
    }

    fn global_args(&self) -> Vec<OsString> {
        let mut v: Vec<OsString> = vec!["--root".into(), self.root.clone().into_os_string()];
        for f in &self.flags {
            let f = f.trim_start_matches('-');
            v.push(format!("--{f}").into());
        }
        v
    }

    fn create(&self, id: &str, bundle: &Path, pid_file: &Path) -> Result<(), ContainerError> {
        let b = bundle.display().to_string();
        let p = pid_file.display().to_string();
        self.run(
            id,
            "create",
            &["create", "--bundle", &b, "--pid-file", &p, id],
        )
        .map(drop)
    }

    fn start(&self, id: &str) -> Result<(), ContainerError> {
        self.run(id, "start", &["start", id]).map(drop)
    }

    fn state(&self, id: &str) -> Result<Option<RuntimeState>, ContainerError> {
        match self.run(id, "state", &["state", id]) {
            Ok(out) => {
                let v: serde_json::Value =
                    serde_json::from_str(&out).map_err(|e| ContainerError::Runtime {
                        id: id.to_string(),
                        runtime: self.name.clone(),
                        op: "state",
                        stderr: format!("unreadable output: {e}"),
                    })?;
                Ok(Some(RuntimeState {
                    status: v["status"].as_str().unwrap_or("unknown").to_string(),
                    pid: v["pid"].as_i64().unwrap_or(0) as i32,
                }))
            }
            Err(e) if not_exist(&e) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn kill(&self, id: &str, signal: i32, all: bool) -> Result<(), ContainerError> {
        let sig = signal.to_string();
        let mut args = vec!["kill"];
        if all {
            args.push("--all");
        }
        args.extend([id, &sig]);
        self.run(id, "kill", &args).map(drop)
    }

    fn delete(&self, id: &str, force: bool) -> Result<(), ContainerError> {
        let args: &[&str] = if force {
            &["delete", "--force", id]
        } else {
            &["delete", id]
        };
        match self.run(id, "delete", args) {
            Err(e) if not_exist(&e) => Ok(()),
            r => r.map(drop),
        }
    }

    fn pause(&self, id: &str) -> Result<(), ContainerError> {
        self.run(id, "pause", &["pause", id]).map(drop)
    }

    fn resume(&self, id: &str) -> Result<(), ContainerError> {
        self.run(id, "resume", &["resume", id]).map(drop)
    }

    fn exec(&self, id: &str, process: &Path, opts: &ExecCommand) -> Command {
        let mut c = Command::new(&self.path);
        c.args(self.global_args());
        c.env_remove("NOTIFY_SOCKET");
        if let Some(log) = &opts.log {
            c.arg("--log").arg(log);
        }
        c.arg("exec").arg("--process").arg(process);
        if opts.tty {
            c.arg("--tty");
        }
        if opts.detach {
            c.arg("--detach");
        }
        if let Some(p) = &opts.pid_file {
            c.arg("--pid-file").arg(p);
        }
        if let Some(s) = &opts.console_socket {
            c.arg("--console-socket").arg(s);
        }
        if opts.preserve_fds > 0 {
            // Close-on-exec in this process (see `podman_opts::claim_preserved_fds`).
            c.arg("--preserve-fds").arg(opts.preserve_fds.to_string());
            hutch_sys::child::inherit_in_child(
                &mut c,
                (0..opts.preserve_fds as i32).map(|i| 3 + i).collect(),
            );
        }
        c.arg(id);
        c
    }
}

/// The OCI runtimes hutch can drive, as `choose` looks for them on a host where crun works.
pub const KNOWN: &[&str] = &[OWN, "crun", "runc", "youki"];

/// The name of the runtime at `path`, as `inspect` (`OCIRuntime`) and `info`
/// (`ociRuntime.name`) show it: its file name.
pub fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "runtime".into())
}

/// The runtime new containers get (see [`choose`]), with its version for `info` and `doctor`
/// ("" when `--version` fails) and why it was picked.
pub fn describe(
    requested: Option<&str>,
    paths: &Paths,
) -> Result<(Program, String), ContainerError> {
    let (path, why) = choose_with_reason(requested, paths)?;
    let program = Program {
        name: name_of(&path),
        version: crate::host::program_version(&path).unwrap_or_default(),
        path: path.display().to_string(),
    };
    Ok((program, why))
}

/// hutch's own runtime, by the name `--runtime` and containers.conf give it.
pub const OWN: &str = "hutch-runtime";

/// A runtime by name: hutch's own is looked for next to the `hutch` binary first (as
/// hutch-conmon is), every runtime on PATH.
fn find_in_path(name: &str) -> Option<PathBuf> {
    if name == OWN {
        if let Some(dir) = std::env::current_exe()
            .ok()
            .and_then(|e| e.parent().map(Path::to_path_buf))
        {
            let p = dir.join(OWN);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    crate::host::find_program(name)
}

/// crun refuses cgroup v1 hosts where it cannot manage cgroups (rootless, hybrid set-ups):
/// use it only on a unified (v2) hierarchy.
fn crun_works() -> bool {
    Path::new("/sys/fs/cgroup/cgroup.controllers").exists()
}

/// The runtime named by `--runtime NAME|PATH` (`hutch-runtime` is hutch's own), else by
/// `[engine] runtime` in containers.conf, else hutch's own runtime (installed next to `hutch`),
/// else crun where it works on this host, else runc, else youki.
pub fn choose(requested: Option<&str>, paths: &Paths) -> Result<PathBuf, ContainerError> {
    choose_with_reason(requested, paths).map(|(p, _)| p)
}

/// [`choose`], with why that runtime was picked (for `info` and `doctor`).
pub fn choose_with_reason(
    requested: Option<&str>,
    paths: &Paths,
) -> Result<(PathBuf, String), ContainerError> {
    // containers.conf was read once, with the other settings (Paths::resolve).
    let configured = match requested {
        Some(r) => Some((r.to_string(), "chosen with --runtime".to_string())),
        None => paths.settings.conf_runtime.clone().map(|r| {
            let conf = paths.config_home.join("containers/containers.conf");
            (r, format!("[engine] runtime in {}", conf.display()))
        }),
    };
    if let Some((r, why)) = configured {
        if r.contains('/') {
            let p = PathBuf::from(&r);
            if p.is_file() {
                return Ok((p, why));
            }
            return Err(ContainerError::RuntimeNotFound {
                runtime: r,
                reason: "no such file".into(),
            });
        }
        return find_in_path(&r)
            .map(|p| (p, why))
            .ok_or_else(|| ContainerError::RuntimeNotFound {
                runtime: r.clone(),
                reason: "not found on PATH".into(),
            });
    }
    if let Some(p) = find_in_path(OWN) {
        return Ok((
            p,
            "hutch's own runtime, the default where it is installed".into(),
        ));
    }
    if crun_works() {
        if let Some(p) = find_in_path("crun") {
            return Ok((
                p,
                format!("{OWN} is not installed; crun works on this cgroup v2 host"),
            ));
        }
    }
    for name in ["runc", "crun", "youki"] {
        if let Some(p) = find_in_path(name) {
            return Ok((
                p,
                format!("{OWN} is not installed; {name} is the first runtime found"),
            ));
        }
    }
    Err(ContainerError::NoRuntime {
        looked_for: KNOWN.join(", "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runc_messages_are_unwrapped() {
        let e = br#"time="2026-01-01T00:00:00Z" level=error msg="container \"x\" does not exist""#;
        assert_eq!(runtime_message(e), r#"container "x" does not exist"#);
        assert_eq!(runtime_message(b"plain failure\n"), "plain failure");
    }
}
