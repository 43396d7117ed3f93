//! hutch-conmon: the per-container monitor. The engine starts one per container; it detaches,
//! has the OCI runtime create the container, reports the pid on the sync fd, then stays the
//! container's parent until it exits (see `monitor`). Single-threaded, no async runtime.
#![deny(unsafe_code)]

mod args;
mod attach;
mod exec_reaper;
mod forward;
mod health;
mod logfile;
mod monitor;
mod notify;
mod runtime;

use std::ffi::OsString;
use std::fs::File;
use std::io::Write;

use args::Parsed;

/// Writes the one start-up line on the sync fd (closing it when `sync` drops).
fn report(sync: Option<File>, line: &str) {
    if let Some(mut f) = sync {
        let _ = f.write_all(line.as_bytes());
    }
}

fn error_line(msg: &str, code: i32) -> String {
    format!(
        "{{\"error\": \"{}\", \"code\": {code}}}\n",
        json_escape(msg)
    )
}

fn json_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn take_sync(fd: i32) -> Option<File> {
    hutch_sys::fd::take_inherited(fd).ok().map(File::from)
}

fn main() {
    let argv: Vec<OsString> = std::env::args_os().skip(1).collect();
    if argv.first().is_some_and(|a| a == "--exec-reaper") {
        match exec_reaper::parse(argv[1..].iter().cloned()) {
            Ok(a) => std::process::exit(exec_reaper::run(&a)),
            Err(e) => {
                let _ = writeln!(std::io::stderr(), "hutch-conmon: {e}");
                std::process::exit(125);
            }
        }
    }
    let args = match args::parse(argv.iter().cloned()) {
        Ok(Parsed::Run(a)) => a,
        Ok(Parsed::Version) => {
            println!("hutch-conmon {}", env!("CARGO_PKG_VERSION"));
            return;
        }
        Ok(Parsed::Help) => {
            println!("{}", args::USAGE);
            return;
        }
        Err(e) => {
            let first = e.lines().next().unwrap_or_default().to_string();
            report(
                args::sync_fd_only(&argv).and_then(take_sync),
                &error_line(&first, 125),
            );
            let _ = writeln!(std::io::stderr(), "hutch-conmon: {e}");
            std::process::exit(125);
        }
    };
    if let Err(e) = hutch_sys::fd::cloexec_from_3() {
        let _ = writeln!(
            std::io::stderr(),
            "hutch-conmon: mark descriptors close-on-exec: {e}"
        );
    }
    let sync = match args.sync_fd {
        Some(n) => match hutch_sys::fd::take_inherited(n) {
            Ok(fd) => Some(File::from(fd)),
            Err(e) => {
                let _ = writeln!(std::io::stderr(), "hutch-conmon: --sync-fd {n}: {e}");
                std::process::exit(125);
            }
        },
        None => None,
    };
    let mut ports = Vec::new();
    for (n, dest) in &args.port_fds {
        match hutch_sys::fd::take_inherited(*n) {
            Ok(fd) => ports.push((fd, *dest)),
            Err(e) => {
                report(sync, &error_line(&format!("--port-fd {n}: {e}"), 125));
                std::process::exit(125);
            }
        }
    }
    // First thing, while surely single-threaded: leave the caller's session for good.
    if let Err(e) = hutch_sys::subreaper::detach() {
        report(
            sync,
            &error_line(&format!("detach from the caller: {e}"), 125),
        );
        std::process::exit(125);
    }
    match monitor::start(args, ports) {
        Err(e) => {
            report(sync, &error_line(&e.msg, e.code));
            std::process::exit(1);
        }
        Ok(mut m) => {
            m.started_by_runtime();
            report(sync, &format!("{{\"pid\": {}}}\n", m.pid()));
            m.run();
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn error_lines_are_json() {
        assert_eq!(
            super::error_line("exec: \"x\\y\"\n\u{1}", 127),
            "{\"error\": \"exec: \\\"x\\\\y\\\"\\n\\u0001\", \"code\": 127}\n"
        );
    }
}
