//! `hutch-conmon --exec-reaper --pid-file PATH [--no-wait] -- RUNTIME ARGS...`: the parent an
//! `exec` process needs. `runtime exec --detach` leaves the process to the nearest child
//! subreaper; this short-lived helper is that subreaper, so the engine (which may be a
//! multi-threaded service running other operations' children) never is. It reports on stdout
//! `started PID` once the runtime succeeded and, unless `--no-wait`, `exited CODE` when the
//! process ends; the runtime's errors go to our stderr and its failure is our exit status.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[derive(Debug, PartialEq, Eq)]
pub struct ReaperArgs {
    pub pid_file: PathBuf,
    pub wait: bool,
    pub argv: Vec<OsString>,
}

/// Parses what follows `--exec-reaper`.
pub fn parse(argv: impl IntoIterator<Item = OsString>) -> Result<ReaperArgs, String> {
    let mut it = argv.into_iter();
    let mut pid_file = None;
    let mut wait = true;
    while let Some(a) = it.next() {
        match a.to_str() {
            Some("--pid-file") => {
                pid_file = Some(PathBuf::from(it.next().ok_or("--pid-file needs a value")?))
            }
            Some("--no-wait") => wait = false,
            Some("--") => break,
            _ => return Err(format!("--exec-reaper: unknown option {a:?}")),
        }
    }
    let argv: Vec<OsString> = it.collect();
    if argv.is_empty() {
        return Err("--exec-reaper: the runtime command after -- is missing".into());
    }
    Ok(ReaperArgs {
        pid_file: pid_file.ok_or("--exec-reaper needs --pid-file")?,
        wait,
        argv,
    })
}

fn say(line: &str) {
    // The engine may be gone (a detached exec of a CLI that exited): nothing to do then.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}").and_then(|()| out.flush());
}

fn read_pid(path: &Path) -> Option<i32> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}

/// Runs the runtime and reaps; returns our exit status.
pub fn run(a: &ReaperArgs) -> i32 {
    if let Err(e) = hutch_sys::subreaper::become_subreaper() {
        eprintln!("hutch-conmon: becoming a child subreaper: {e}");
        return 125;
    }
    let status = Command::new(&a.argv[0])
        .args(&a.argv[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .status();
    match status {
        Err(e) => {
            eprintln!(
                "hutch-conmon: cannot start {}: {e}",
                Path::new(&a.argv[0]).display()
            );
            return 125;
        }
        Ok(s) if !s.success() => return s.code().unwrap_or(125),
        Ok(_) => {}
    }
    let Some(pid) = read_pid(&a.pid_file) else {
        eprintln!(
            "hutch-conmon: the runtime wrote no pid to {}",
            a.pid_file.display()
        );
        return 125;
    };
    say(&format!("started {pid}"));
    if !a.wait {
        return 0;
    }
    match hutch_sys::subreaper::wait_for(pid) {
        Ok(Some(code)) => {
            say(&format!("exited {code}"));
            0
        }
        Ok(None) => {
            eprintln!("hutch-conmon: exec process {pid} was not our child");
            1
        }
        Err(e) => {
            eprintln!("hutch-conmon: waiting for exec process {pid}: {e}");
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments() {
        let p = |v: &[&str]| parse(v.iter().map(OsString::from));
        assert_eq!(
            p(&["--pid-file", "/p", "--", "runc", "exec"]).unwrap(),
            ReaperArgs {
                pid_file: "/p".into(),
                wait: true,
                argv: vec!["runc".into(), "exec".into()],
            }
        );
        assert!(
            !p(&["--no-wait", "--pid-file", "/p", "--", "x"])
                .unwrap()
                .wait
        );
        assert!(p(&["--pid-file", "/p", "--"]).is_err());
        assert!(p(&["--", "x"]).is_err());
    }
}
