//! Finding and ending helper processes (pasta, slirp4netns) by what their command line names,
//! so that teardown works even when hutch's record of them (the runroot) is gone.

use hutch_sys::procfs;
use std::ffi::OsStr;
use std::time::{Duration, Instant};

/// The pids of processes whose program is one of `programs` and whose arguments include
/// `marker` (a container's namespace path). Zombies have no command line and are not listed.
/// This reads every process's command line: callers that know a pid use [`matches`].
pub fn find(programs: &[&str], marker: &str) -> Vec<i32> {
    procfs::pids()
        .unwrap_or_default()
        .into_iter()
        .filter(|&pid| matches(pid, programs, marker))
        .collect()
}

/// Whether process `pid` runs one of `programs` with `marker` among its arguments (a recycled
/// pid does not).
pub fn matches(pid: i32, programs: &[&str], marker: &str) -> bool {
    let Ok(cmd) = procfs::cmdline(pid) else {
        return false;
    };
    cmd.program()
        .is_some_and(|prog| programs.iter().any(|p| OsStr::new(p) == prog))
        && cmd.args().skip(1).any(|a| a == OsStr::new(marker))
}

/// Processes [`kill_and_wait`] killed that were still running when it gave up.
#[derive(Debug, thiserror::Error)]
#[error("processes {pids:?} did not exit after SIGKILL")]
pub struct StillRunning {
    pub pids: Vec<i32>,
}

/// Kills the listed processes and waits (up to two seconds) until they have exited (gone or
/// zombies, [`procfs::exited`]): a helper's listening sockets (the published ports) must be
/// closed before the same ports are taken again (`rm -f web && run -p 8080:80 --name web ...`).
pub fn kill_and_wait(pids: &[i32]) -> Result<(), StillRunning> {
    for &pid in pids {
        let _ = hutch_sys::process::kill(pid);
    }
    let start = Instant::now();
    loop {
        for &pid in pids {
            // A helper this very process started would otherwise stay a zombie until we exit.
            hutch_sys::process::try_reap(pid);
        }
        let left: Vec<i32> = pids.iter().copied().filter(|&p| procfs::alive(p)).collect();
        if left.is_empty() {
            return Ok(());
        }
        if start.elapsed() > Duration::from_secs(2) {
            return Err(StillRunning { pids: left });
        }
        // A killed process is usually gone within a millisecond or two.
        std::thread::sleep(Duration::from_millis(
            if start.elapsed() < Duration::from_millis(20) {
                1
            } else {
                10
            },
        ));
    }
}
