//! The command lines engines send on every container (`create`, `run`, `start`, `state`,
//! `kill`, `delete` with runc's flags) parsed without building clap's command tree, which was
//! most of the runtime's own start-up. Only lines this parser understands completely are
//! taken; anything else (help, version, another verb, an unknown or repeated flag, an odd
//! value) returns None and goes to clap, which stays the definition of the command line and
//! gives its help and errors. The tests hold the two to the same answers.

use crate::{Cli, Cmd, CreateArgs};
use std::ffi::OsString;
use std::path::PathBuf;

/// The globals, as the `Cli` fields they fill.
#[derive(Default)]
struct Globals {
    root: Option<PathBuf>,
    log: Option<PathBuf>,
    log_format: Option<crate::log::Format>,
    debug: bool,
    systemd_cgroup: bool,
}

/// The verb's own flags and operands.
#[derive(Default)]
struct Local {
    bundle: Option<PathBuf>,
    pid_file: Option<PathBuf>,
    console_socket: Option<PathBuf>,
    no_pivot: bool,
    no_new_keyring: bool,
    preserve_fds: Option<u32>,
    detach: bool,
    keep: bool,
    all: bool,
    force: bool,
    operands: Vec<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Verb {
    Create,
    Run,
    Start,
    State,
    Kill,
    Delete,
}

/// Sets `slot` once; a second time is for clap to refuse.
fn once<T>(slot: &mut Option<T>, v: T) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(v);
    Some(())
}

fn flag(slot: &mut bool) -> Option<()> {
    if *slot {
        return None;
    }
    *slot = true;
    Some(())
}

/// A path value: clap refuses an empty one.
fn path(v: OsString) -> Option<PathBuf> {
    (!v.is_empty()).then(|| PathBuf::from(v))
}

/// `args` without the program name; None where clap should parse them.
pub fn parse(args: &[OsString]) -> Option<Cli> {
    let mut g = Globals::default();
    let mut l = Local::default();
    let mut verb = None;
    let mut it = args.iter().cloned();
    while let Some(arg) = it.next() {
        let text = arg.to_str()?;
        if !text.starts_with('-') || text == "-" {
            match verb {
                None => {
                    verb = Some(match text {
                        "create" => Verb::Create,
                        "run" => Verb::Run,
                        "start" => Verb::Start,
                        "state" => Verb::State,
                        "kill" => Verb::Kill,
                        "delete" => Verb::Delete,
                        _ => return None,
                    })
                }
                Some(_) => l.operands.push(text.to_string()),
            }
            continue;
        }
        let (name, inline) = match text.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(OsString::from(v))),
            _ => (text, None),
        };
        // A value in the next word may not look like a flag, as clap has it.
        let mut value = || match &inline {
            Some(v) => Some(v.clone()),
            None => it
                .next()
                .filter(|v| v == "-" || !v.as_encoded_bytes().starts_with(b"-")),
        };
        let bool_flag = |inline: &Option<OsString>| inline.is_none();
        match (name, verb) {
            ("--root", _) => once(&mut g.root, path(value()?)?)?,
            ("--log", _) => once(&mut g.log, path(value()?)?)?,
            ("--log-format", _) => {
                let f = match value()?.to_str()? {
                    "text" => crate::log::Format::Text,
                    "json" => crate::log::Format::Json,
                    _ => return None,
                };
                once(&mut g.log_format, f)?
            }
            ("--debug", _) if bool_flag(&inline) => flag(&mut g.debug)?,
            ("--systemd-cgroup", _) if bool_flag(&inline) => flag(&mut g.systemd_cgroup)?,
            (n, Some(Verb::Create | Verb::Run)) => match n {
                "--bundle" | "-b" => once(&mut l.bundle, path(value()?)?)?,
                "--pid-file" => once(&mut l.pid_file, path(value()?)?)?,
                "--console-socket" => once(&mut l.console_socket, path(value()?)?)?,
                "--no-pivot" if bool_flag(&inline) => flag(&mut l.no_pivot)?,
                "--no-new-keyring" if bool_flag(&inline) => flag(&mut l.no_new_keyring)?,
                "--preserve-fds" => {
                    let v = value()?;
                    let n = v.to_str()?;
                    // clap reads what u32's FromStr reads, but not a leading '+'.
                    if n.starts_with('+') {
                        return None;
                    }
                    once(&mut l.preserve_fds, n.parse().ok()?)?
                }
                "--detach" | "-d" if verb == Some(Verb::Run) && bool_flag(&inline) => {
                    flag(&mut l.detach)?
                }
                "--keep" if verb == Some(Verb::Run) && bool_flag(&inline) => flag(&mut l.keep)?,
                _ => return None,
            },
            ("--all" | "-a", Some(Verb::Kill)) if bool_flag(&inline) => flag(&mut l.all)?,
            ("--force" | "-f", Some(Verb::Delete)) if bool_flag(&inline) => flag(&mut l.force)?,
            _ => return None,
        }
    }
    let mut ops = std::mem::take(&mut l.operands).into_iter();
    let id = ops.next()?;
    let signal = ops.next();
    if ops.next().is_some() || (signal.is_some() && verb != Some(Verb::Kill)) {
        return None;
    }
    let create = |l: Local, id: String| CreateArgs {
        bundle: l.bundle.unwrap_or_else(|| PathBuf::from(".")),
        pid_file: l.pid_file,
        console_socket: l.console_socket,
        no_pivot: l.no_pivot,
        no_new_keyring: l.no_new_keyring,
        preserve_fds: l.preserve_fds.unwrap_or(0),
        id,
    };
    let (detach, keep, all, force) = (l.detach, l.keep, l.all, l.force);
    let cmd = match verb? {
        Verb::Create => Cmd::Create(create(l, id)),
        Verb::Run => Cmd::Run {
            c: create(l, id),
            detach,
            keep,
        },
        Verb::Start => Cmd::Start { id },
        Verb::State => Cmd::State { id },
        Verb::Kill => Cmd::Kill {
            all,
            id,
            signal: signal.unwrap_or_else(|| "SIGTERM".to_string()),
        },
        Verb::Delete => Cmd::Delete { force, id },
    };
    Some(Cli {
        root: g.root,
        log: g.log,
        log_format: g.log_format.unwrap_or(crate::log::Format::Text),
        debug: g.debug,
        systemd_cgroup: g.systemd_cgroup,
        rootless: None,
        cmd,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn os(line: &[&str]) -> Vec<OsString> {
        line.iter().map(OsString::from).collect()
    }

    /// Whatever this parser takes, clap takes the same way.
    fn agrees(line: &[&str]) -> bool {
        let quick = parse(&os(line));
        let mut full = vec!["hutch-runtime"];
        full.extend(line);
        let clap = Cli::try_parse_from(full);
        match (&quick, &clap) {
            (Some(q), Ok(c)) => assert_eq!(
                format!("{q:?}"),
                format!("{c:?}"),
                "the two parsers read {line:?} differently"
            ),
            (Some(q), Err(e)) => panic!("{line:?}: taken as {q:?}, but clap says {e}"),
            (None, _) => {}
        }
        quick.is_some()
    }

    #[test]
    fn engines_lines_are_taken_as_clap_takes_them() {
        for line in [
            &["--root", "/r", "run", "--bundle", "/b", "x1"][..],
            &[
                "--root=/r",
                "--log",
                "/l",
                "--log-format",
                "json",
                "--systemd-cgroup",
                "create",
                "--bundle",
                "/b",
                "--pid-file",
                "/p",
                "--console-socket",
                "/s",
                "--no-new-keyring",
                "--preserve-fds",
                "2",
                "id",
            ],
            &["create", "-b", "/b", "--no-pivot", "id", "--root", "/r"],
            &["run", "-d", "--keep", "--bundle=/b", "id"],
            &["--debug", "start", "id"],
            &["state", "id"],
            &["kill", "id"],
            &["kill", "--all", "id", "KILL"],
            &["kill", "-a", "id", "9"],
            &["delete", "--force", "id"],
            &["delete", "-f", "id", "--log-format=text"],
            &["create", "--bundle", "/b", "-"],
        ] {
            assert!(agrees(line), "{line:?} should not need clap");
        }
    }

    #[test]
    fn anything_else_goes_to_clap() {
        for line in [
            &["--help"][..],
            &["--version"],
            &["-h"],
            &["run", "--help"],
            &[],
            &["run"],
            &["features"],
            &["exec", "id", "ls"],
            &["ps", "id"],
            &["--rootless", "true", "state", "id"],
            &["--root", "/r", "--root", "/s", "state", "id"],
            &["--root", "", "state", "id"],
            &["--log-format", "xml", "state", "id"],
            &["state", "a", "b"],
            &["start", "id", "--force"],
            &["run", "--preserve-fds", "+1", "id"],
            &["run", "--preserve-fds", "-1", "id"],
            &["run", "-dk", "id"],
            &["run", "--", "id"],
            &["kill", "id", "TERM", "more"],
            &["create", "--detach", "id"],
            &["delete", "--debug=true", "id"],
        ] {
            assert!(!agrees(line), "{line:?} should go to clap");
        }
    }

    /// Lines made of the grammar's words in every order, read by both parsers.
    #[test]
    fn random_lines_agree() {
        let words = [
            "create",
            "run",
            "start",
            "state",
            "kill",
            "delete",
            "exec",
            "--root",
            "/r",
            "--root=/q",
            "--log",
            "/l",
            "--log-format",
            "json",
            "text",
            "--debug",
            "--systemd-cgroup",
            "--bundle",
            "-b",
            "/b",
            "--bundle=",
            "--pid-file",
            "/p",
            "--console-socket",
            "--no-pivot",
            "--no-new-keyring",
            "--preserve-fds",
            "3",
            "x",
            "-d",
            "--detach",
            "--keep",
            "-a",
            "--all",
            "-f",
            "--force",
            "id",
            "KILL",
            "",
            "--",
            "-",
            "--help",
            "--rootless",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut taken = 0;
        for _ in 0..20_000 {
            let len = 1 + next(7);
            let line: Vec<&str> = (0..len).map(|_| words[next(words.len())]).collect();
            taken += agrees(&line) as usize;
        }
        assert!(taken > 100, "only {taken} random lines were taken");
    }
}
