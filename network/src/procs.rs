//! Finding and ending helper processes (pasta, slirp4netns) by what their command line names,
//! so that teardown works even when hutch's record of them (the runroot) is gone.

use std::time::{Duration, Instant};

/// The pids of processes whose program is one of `programs` and whose arguments include
/// `marker` (a container's namespace path). Zombies have no command line and are not listed.
/// This reads every process's command line: callers that know a pid use [`matches`].
pub fn find(programs: &[&str], marker: &str) -> Vec<i32> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir("/proc") else {
        return out;
    };
    for e in rd.flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<i32>().ok()) else {
            continue;
        };
        if matches(pid, programs, marker) {
            out.push(pid);
        }
    }
    out
}

/// Whether process `pid` runs one of `programs` with `marker` among its arguments (a recycled
/// pid does not).
pub fn matches(pid: i32, programs: &[&str], marker: &str) -> bool {
    let Ok(cmd) = std::fs::read(format!("/proc/{pid}/cmdline")) else {
        return false;
    };
    let mut args = cmd.split(|b| *b == 0);
    let Some(argv0) = args.next() else {
        return false;
    };
    let prog = argv0.rsplit(|b| *b == b'/').next().unwrap_or(argv0);
    programs.iter().any(|p| p.as_bytes() == prog) && args.any(|a| a == marker.as_bytes())
}

/// Whether process `pid` is gone or a zombie. Not an empty command line: that comes as soon
/// as the process lets go of its memory, before its descriptors are closed, and a helper's
/// listening sockets (the published ports) must be closed before the same ports are taken
/// again (`rm -f web && run -p 8080:80 --name web ...`).
fn exited(pid: i32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the command name, which is in parentheses and may hold any byte.
        Ok(stat) => stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .is_some_and(|state| matches!(state, "Z" | "X" | "x")),
        Err(_) => true,
    }
}

/// Kills the listed processes and waits (up to two seconds) until they are gone or zombies.
pub fn kill_and_wait(pids: &[i32]) -> Result<(), String> {
    for &pid in pids {
        let _ = hutch_sys::process::kill(pid);
    }
    let start = Instant::now();
    loop {
        for &pid in pids {
            // A helper this very process started would otherwise stay a zombie until we exit.
            hutch_sys::process::try_reap(pid);
        }
        let left: Vec<i32> = pids.iter().copied().filter(|&p| !exited(p)).collect();
        if left.is_empty() {
            return Ok(());
        }
        if start.elapsed() > Duration::from_secs(2) {
            return Err(format!("processes {left:?} did not exit after SIGKILL"));
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
