//! Running `RUNTIME create` (or `run --detach`) and turning its failure into the one-line error and exit code the
//! engine reports (podman's mapping: 127 when the executable is missing, 126 when it cannot be
//! run, 125 otherwise).

use std::process::{Command, Stdio};

use crate::args::Args;

/// The `create` command line for the runtime, or with `--start` the `run --detach` one: one
/// runtime process instead of two (`create`, then `start`) when the container starts at once.
pub fn create_command(args: &Args, console_socket: Option<&std::path::Path>) -> Command {
    let mut cmd = Command::new(&args.runtime);
    cmd.args(&args.runtime_args);
    if args.start {
        cmd.arg("run").arg("--detach");
    } else {
        cmd.arg("create");
    }
    cmd.arg("--bundle")
        .arg(&args.bundle)
        .arg("--pid-file")
        .arg(&args.container_pidfile);
    if let Some(s) = console_socket {
        cmd.arg("--console-socket").arg(s);
    }
    if args.no_new_keyring {
        cmd.arg("--no-new-keyring");
    }
    if args.no_pivot {
        cmd.arg("--no-pivot");
    }
    if args.preserve_fds > 0 {
        // Close-on-exec here since start-up: only the runtime gets them.
        cmd.arg("--preserve-fds").arg(args.preserve_fds.to_string());
        hutch_sys::child::inherit_in_child(
            &mut cmd,
            (0..args.preserve_fds as i32).map(|i| 3 + i).collect(),
        );
    }
    cmd.arg(&args.cid).stdin(Stdio::null());
    cmd
}

/// The runtime's message out of what it printed: the `msg="..."` of its error-level lines when it
/// logs like runc (logrus text), else the text itself, trimmed; never empty.
pub fn error_message(output: &[u8], status: i32) -> String {
    let text = String::from_utf8_lossy(output);
    let mut msgs: Vec<String> = text
        .lines()
        .filter(|l| l.contains("level=error") || l.contains("level=fatal"))
        .filter_map(logrus_msg)
        .collect();
    if msgs.is_empty() {
        msgs = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.contains("level=warning"))
            .map(str::to_string)
            .collect();
    }
    let msg = msgs.join("; ");
    if msg.is_empty() {
        return format!("exited with status {status} and printed nothing");
    }
    // runc says "runc create failed: ..." (or "run failed"); the caller adds its own prefix.
    for marker in ["create failed: ", "run failed: "] {
        if let Some(i) = msg.find(marker).filter(|i| *i < 16) {
            return msg[i + marker.len()..].to_string();
        }
    }
    msg
}

fn logrus_msg(line: &str) -> Option<String> {
    let start = line.find("msg=\"")? + 5;
    let mut out = String::new();
    let mut chars = line[start..].chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                'n' => out.push(' '),
                't' => out.push(' '),
                other => out.push(other),
            },
            '"' => return Some(out),
            c => out.push(c),
        }
    }
    Some(out)
}

/// The exit code the engine should report for a create failure with this message.
pub fn error_code(msg: &str) -> i32 {
    let m = msg.to_ascii_lowercase();
    if m.contains("executable file not found") || m.contains("no such file or directory") {
        127
    } else if m.contains("permission denied") || m.contains("operation not permitted") {
        126
    } else {
        125
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runc_errors_become_one_line_with_podman_codes() {
        let out = br#"time="2026-11-23T05:15:40Z" level=warning msg="unable to get oom kill count" error="no directory specified for memory.oom_control"
time="2026-11-23T05:15:40Z" level=error msg="runc create failed: unable to start container process: exec: \"nope\": executable file not found in $PATH"
"#;
        let m = error_message(out, 1);
        assert_eq!(
            m,
            r#"unable to start container process: exec: "nope": executable file not found in $PATH"#
        );
        assert_eq!(error_code(&m), 127);
        let m = error_message(
            br#"time="x" level=error msg="runc create failed: unable to start container process: exec: \"/etc\": permission denied""#,
            1,
        );
        assert_eq!(error_code(&m), 126);
        assert_eq!(error_code("cgroup: invalid argument"), 125);
    }

    #[test]
    fn plain_output_and_silence() {
        assert_eq!(error_message(b"\n  crun: oops\n", 1), "crun: oops");
        assert_eq!(
            error_message(b"", 2),
            "exited with status 2 and printed nothing"
        );
    }
}
