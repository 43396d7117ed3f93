//! The per-container monitor (hutch-conmon): finding it, starting it per the monitor
//! contract, and telling whether it still lives.

use super::config::ContainerConfig;
use super::init::Launch;
use super::lifecycle::Containers;
use super::ContainerError;
use super::Dirs;
use crate::EngineError;
use crate::Result;
use hutch_state::Container;
use std::io::Read;
use std::path::PathBuf;
use std::process::Command;
use std::process::Stdio;

/// Whether the monitor of `c` is alive: its pid runs a command line naming the container (a
/// recycled pid's, after a reboot, does not) and it has not exited.
pub fn monitor_alive(c: &Container) -> bool {
    let pid = match i32::try_from(c.run.conmon_pid) {
        Ok(pid) if pid > 0 => pid,
        _ => return false,
    };
    hutch_sys::procfs::cmdline(pid).is_ok_and(|cmd| cmd.contains(c.id.as_bytes()))
        && hutch_sys::procfs::alive(pid)
}

/// Where the monitor binary is: next to hutch first, then on PATH.
pub fn find_conmon() -> Option<PathBuf> {
    if let Ok(exe) = std::env::current_exe() {
        if let Some(dir) = exe.parent() {
            let p = dir.join("hutch-conmon");
            if p.is_file() {
                return Some(p);
            }
        }
    }
    crate::host::find_program("hutch-conmon")
}

impl Containers {
    /// Starts hutch-conmon per the monitor contract and reads its one-line start-up report.
    pub(super) fn spawn_monitor(
        &self,
        c: &Container,
        cfg: &ContainerConfig,
        dirs: &Dirs,
        how: Launch,
        hold: hutch_network::Handoff,
    ) -> Result<(i64, i64)> {
        let conmon = find_conmon().ok_or_else(|| ContainerError::NoConmon { id: c.id.clone() })?;
        let runtime = self.oci(cfg);
        let (mut report, write_end) =
            hutch_sys::child::report_pipe().map_err(|e| EngineError::io("pipe", e))?;
        let mut cmd = Command::new(&conmon);
        cmd.arg("--cid")
            .arg(&c.id)
            .arg("--name")
            .arg(&c.name)
            .arg("--bundle")
            .arg(&dirs.userdata)
            .arg("--runtime")
            .arg(runtime.path());
        for a in runtime.global_args() {
            cmd.arg("--runtime-arg").arg(a);
        }
        cmd.arg("--socket-dir")
            .arg(&dirs.run)
            .arg("--container-pidfile")
            .arg(dirs.run.join("pidfile"))
            .arg("--log-path")
            .arg(dirs.log_path())
            .arg("--log-driver")
            .arg(&cfg.log_driver);
        if let Some(max) = cfg.log_size_max {
            cmd.arg("--log-size-max").arg(max.to_string());
        }
        if cfg.tty {
            cmd.arg("--terminal");
        }
        if cfg.stdin {
            cmd.arg("--stdin");
        }
        if let Some((exe, args)) = self.exit_command.split_first() {
            cmd.arg("--exit-command").arg(exe);
            for a in args {
                cmd.arg("--exit-command-arg").arg(a);
            }
            cmd.arg("--exit-command-arg").arg("--runtime");
            cmd.arg("--exit-command-arg").arg(runtime.path());
            for a in ["container", "cleanup", c.id.as_str()] {
                cmd.arg("--exit-command-arg").arg(a);
            }
        }
        if let Some(conf) = self.prepare_health(c, cfg, dirs)? {
            cmd.arg("--health").arg(conf);
            // The hook runs with the exit command's program: hutch's globals, then
            // `healthcheck changed ID`, and the monitor adds the new status.
            if let Some((_, args)) = self.exit_command.split_first() {
                for a in args
                    .iter()
                    .map(|a| a.as_os_str())
                    .chain(["healthcheck", "changed", c.id.as_str()].map(std::ffi::OsStr::new))
                {
                    cmd.arg("--health-hook-arg").arg(a);
                }
            }
        }
        if cfg.timeout > 0 {
            cmd.arg("--timeout").arg(cfg.timeout.to_string());
        }
        if self.preserve_fds > 0 {
            cmd.arg("--preserve-fds").arg(self.preserve_fds.to_string());
        }
        cmd.arg("--no-new-keyring");
        // systemd's notify socket reaches the monitor as a flag, never through the environment
        // (the monitor's children, exit command and healthchecks must not see it).
        cmd.env_remove("NOTIFY_SOCKET");
        let notify = std::env::var_os("NOTIFY_SOCKET").filter(|s| !s.is_empty());
        match super::create_spec::SdNotify::from_stored(&cfg.sdnotify) {
            super::create_spec::SdNotify::Ignore => {}
            mode => {
                cmd.arg("--sdnotify-mode").arg(mode.as_str());
                if let Some(s) = &notify {
                    cmd.arg("--sdnotify-socket").arg(s);
                }
            }
        }
        match how {
            Launch::Create => {}
            Launch::Start => {
                cmd.arg("--start");
            }
            Launch::StartHeld => {
                cmd.arg("--start").arg("--hold-output");
            }
        }
        {
            use std::os::fd::AsRawFd;
            cmd.arg("--sync-fd").arg(write_end.as_raw_fd().to_string());
            // Published TCP ports the monitor forwards, dialed inside the container's namespace.
            if let Some(ns) = &hold.netns {
                cmd.arg("--netns").arg(ns);
            }
            for (fd, dest) in &hold.ports {
                cmd.arg("--port-fd")
                    .arg(format!("{}:{dest}", fd.as_raw_fd()));
            }
        }
        cmd.stdin(Stdio::null());
        if cfg.log_driver == "passthrough" {
            cmd.stdout(Stdio::inherit()).stderr(Stdio::inherit());
        } else {
            cmd.stdout(Stdio::null()).stderr(Stdio::null());
        }
        // The monitor inherits `hold` (a network helper's exit pipe, which it keeps open without
        // knowing it, and the published ports' sockets) for as long as it lives; our copies go
        // right after the spawn.
        {
            use std::os::fd::AsRawFd;
            let mut fds = vec![write_end.as_raw_fd()];
            // The caller's --preserve-fds descriptors, close-on-exec in this process.
            fds.extend((0..self.preserve_fds as i32).map(|i| 3 + i));
            fds.extend(hold.exit_fd.as_ref().map(|fd| fd.as_raw_fd()));
            fds.extend(hold.ports.iter().map(|(fd, _)| fd.as_raw_fd()));
            hutch_sys::child::inherit_in_child(&mut cmd, fds);
        }
        let spawned = cmd.spawn();
        drop(hold);
        let mut child = spawned.map_err(|e| {
            EngineError::from(ContainerError::Conmon {
                id: c.id.clone(),
                message: format!("cannot start {}: {e}", conmon.display()),
                code: crate::ExitCode::ENGINE,
            })
        })?;
        drop(write_end);
        let mut text = String::new();
        let read = report.read_to_string(&mut text);
        // The monitor detaches (double fork); reap the first process if it already exited.
        let _ = child.try_wait();
        let line = text.lines().next().unwrap_or("").trim().to_string();
        if let Err(e) = read {
            return Err(EngineError::io("monitor report pipe", e));
        }
        let conmon_err = |message: String, code: i32| {
            EngineError::from(ContainerError::Conmon {
                id: c.id.clone(),
                message,
                code,
            })
        };
        if line.is_empty() {
            return Err(conmon_err(
                "the monitor exited without reporting whether the container was created".into(),
                crate::ExitCode::ENGINE,
            ));
        }
        let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| {
            conmon_err(
                format!("unreadable report from the monitor {line:?}: {e}"),
                crate::ExitCode::ENGINE,
            )
        })?;
        if let Some(err) = v.get("error").and_then(|e| e.as_str()) {
            let code = v
                .get("code")
                .and_then(|c| c.as_i64())
                .unwrap_or(i64::from(crate::ExitCode::ENGINE)) as i32;
            return Err(conmon_err(err.to_string(), code));
        }
        let pid = v.get("pid").and_then(|p| p.as_i64()).unwrap_or(0);
        let conmon_pid = std::fs::read_to_string(dirs.run.join("conmon.pid"))
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .unwrap_or(0);
        if !cfg.conmon_pidfile.is_empty() {
            // `--conmon-pidfile`: where a supervisor finds the monitor.
            let f = std::path::Path::new(&cfg.conmon_pidfile);
            if let Err(e) = std::fs::write(f, format!("{conmon_pid}\n")) {
                tracing::warn!(
                    "container {}: writing --conmon-pidfile {}: {e}",
                    c.name,
                    f.display()
                );
            }
        }
        Ok((pid, conmon_pid))
    }
}
