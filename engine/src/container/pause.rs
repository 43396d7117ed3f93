//! `pause` and `unpause`: the runtime's cgroup freezer where the container has one; rootless on
//! cgroup v1 (no cgroup, so no freezer), or when the runtime's pause fails, SIGSTOP to every
//! process of the container and SIGCONT to resume, with a marker in its run directory saying so.

use super::config_of;
use super::lifecycle::{event, observe, Containers, PAUSED, RUNNING};
use super::{top, ContainerError, Dirs};
use crate::Result;
use hutch_state::Container;
use hutch_sys::procfs;
use std::collections::HashSet;
use std::time::{Duration, Instant};

/// In the run directory while the container is paused by signals rather than the freezer.
const BY_SIGNALS: &str = "paused-by-signals";

const SIGSTOP: i32 = 19;
const SIGCONT: i32 = 18;

/// Whether `c`'s processes were stopped by signals (and so must be continued by SIGCONT).
pub(super) fn paused_by_signals(dirs: &Dirs) -> bool {
    dirs.run.join(BY_SIGNALS).exists()
}

/// Stops every process of running container `c`: its init first, so that it starts no more,
/// then the others; scans again once all it knows have stopped (a fork under way when one was
/// signalled shows only then) until a scan finds no process it has not stopped.
fn stop_processes(c: &Container) -> Result<()> {
    let gone = |e: std::io::Error| ContainerError::BadState {
        name: c.name.clone(),
        state: c.run.state.clone(),
        reason: format!("cannot stop its processes: {e}"),
    };
    let init = i32::try_from(c.run.pid).unwrap_or(0);
    hutch_sys::process::signal(init, SIGSTOP).map_err(gone)?;
    let mut stopped: HashSet<i32> = HashSet::from([init]);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        // Stopped, traced or gone: a process that can fork no more.
        let settled = |pid: &i32| {
            procfs::stat(*pid).map_or(true, |s| matches!(s.state, 'T' | 't') || s.exited())
        };
        while !stopped.iter().all(settled) {
            if Instant::now() > deadline {
                return Err(ContainerError::Timeout {
                    id: c.id.clone(),
                    seconds: 10,
                    what: "stop its processes with SIGSTOP",
                }
                .into());
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let new: Vec<i32> = top::host_pids(c)?
            .into_iter()
            .filter(|p| !stopped.contains(p))
            .collect();
        if new.is_empty() {
            return Ok(());
        }
        for pid in new {
            // One that exited meanwhile needs no stopping.
            let _ = hutch_sys::process::signal(pid, SIGSTOP);
            stopped.insert(pid);
        }
    }
}

/// Continues every process of container `c` (init first) and forgets that it was paused by
/// signals. A container whose processes are gone has nothing to continue.
pub(super) fn continue_processes(c: &Container, dirs: &Dirs) {
    if let Ok(init) = i32::try_from(c.run.pid) {
        let _ = hutch_sys::process::signal(init, SIGCONT);
    }
    for pid in top::host_pids(c).unwrap_or_default() {
        let _ = hutch_sys::process::signal(pid, SIGCONT);
    }
    let _ = std::fs::remove_file(dirs.run.join(BY_SIGNALS));
}

impl Containers {
    /// Rootless containers on cgroup v1 have no cgroup, so no freezer: signals from the start.
    fn no_freezer(&self) -> bool {
        self.paths.rootless() && crate::host::cgroups(self.paths.uid).version == "v1"
    }

    pub fn pause(&mut self, c: &Container, pause: bool) -> Result<Container> {
        let obs = observe(&self.paths, c);
        let want = if pause { RUNNING } else { PAUSED };
        if obs.needs_cleanup || c.run.state != want {
            return Err(ContainerError::BadState {
                name: c.name.clone(),
                state: obs.state,
                reason: format!(
                    "only a {want} container can be {}: container state improper",
                    if pause { "paused" } else { "unpaused" }
                ),
            }
            .into());
        }
        let cfg = config_of(c)?;
        let rt = self.oci(&cfg);
        let dirs = self.dirs(&c.id);
        if pause {
            let frozen = !self.no_freezer()
                && rt
                    .pause(&c.id)
                    .map_err(|e| tracing::debug!("container {}: {e}; pausing by signals", c.id))
                    .is_ok();
            if frozen {
                // Left by a pause by signals that the container exited from.
                let _ = std::fs::remove_file(dirs.run.join(BY_SIGNALS));
            } else {
                std::fs::write(dirs.run.join(BY_SIGNALS), b"")
                    .map_err(|e| ContainerError::io(dirs.run.join(BY_SIGNALS), e))?;
                if let Err(e) = stop_processes(c) {
                    // Half stopped is worse than not paused: let them all go again.
                    continue_processes(c, &dirs);
                    return Err(e);
                }
            }
        } else if paused_by_signals(&dirs) {
            continue_processes(c, &dirs);
        } else {
            rt.resume(&c.id)?;
        }
        let mut run = c.run.clone();
        run.state = if pause { PAUSED } else { RUNNING }.into();
        let ev = event(
            "container",
            if pause { "pause" } else { "unpause" },
            c,
            serde_json::json!({}),
        );
        self.db.set_run_state(&c.id, &run, Some(&ev))?;
        Ok(Container { run, ..c.clone() })
    }
}
