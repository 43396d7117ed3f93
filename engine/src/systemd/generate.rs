//! `generate systemd`: a user unit for one container, as podman's `generate systemd` writes
//! it. With `new`, the unit creates the container from its stored create command on each start
//! and removes it on stop (`Type=notify`: the monitor tells systemd when the container runs,
//! with its own pid as `MAINPID`, since it outlives the `hutch run` systemd started); without,
//! it starts and stops the existing container (`Type=forking`, the monitor's pidfile).

use super::{command_line, command_line_raw, Arg, Unit};
use crate::{Engine, Result};
use std::path::PathBuf;

/// systemd's `Restart=` values.
pub const RESTART_POLICIES: &[&str] = &[
    "no",
    "on-success",
    "on-failure",
    "on-abnormal",
    "on-watchdog",
    "on-abort",
    "always",
];

#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("--restart-policy {policy:?} is not one of systemd's: {}", RESTART_POLICIES.join(", "))]
    BadRestartPolicy { policy: String },
    /// `--new` needs a create command to run again.
    #[error("container {container}: {problem}: recreate it with hutch run or create, or generate without --new")]
    NotRecreatable {
        container: String,
        problem: CommandProblem,
    },
}

/// Why a container's stored create command cannot be run again.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandProblem {
    #[error("its create command was not recorded by hutch run or create")]
    NotRecorded,
    #[error("flag {flag} has no value in its create command")]
    FlagWithoutValue { flag: String },
}

/// What `generate systemd` was asked for.
#[derive(Debug, Clone)]
pub struct GenerateOptions {
    /// `--new`: create the container on start, remove it on stop.
    pub new: bool,
    /// `--name`: name the unit and the commands by the container's name, not its ID.
    pub use_name: bool,
    /// `--restart-policy` (systemd's `Restart=`).
    pub restart_policy: String,
    /// `--time`: stop timeout in seconds; None: the container's own.
    pub stop_timeout: Option<u32>,
    /// The hutch program the unit runs.
    pub hutch: PathBuf,
    /// Global options every command gets (`--root`, `--runroot` given to this command).
    pub globals: Vec<String>,
    /// `run`'s flags that take no value (`-d`, `--rm`, ...), to tell a flag's value from the
    /// image in the stored create command.
    pub flags_without_value: Vec<String>,
}

/// Flags `--new` sets itself, dropped from the stored command with their values.
const OWN_VALUE_FLAGS: &[&str] = &["--cidfile", "--sdnotify"];
const OWN_FLAGS: &[&str] = &["-d", "--detach", "--rm", "--replace"];

impl Engine {
    /// The unit for container `name`.
    pub fn generate_systemd(&self, name: &str, opts: &GenerateOptions) -> Result<Unit> {
        if !RESTART_POLICIES.contains(&opts.restart_policy.as_str()) {
            return Err(GenerateError::BadRestartPolicy {
                policy: opts.restart_policy.clone(),
            }
            .into());
        }
        let c = self.lookup(name)?;
        let cfg = crate::container::config_of(&c)?;
        let ident = if opts.use_name { &c.name } else { &c.id };
        let unit_name = format!("container-{ident}.service");
        let timeout = opts.stop_timeout.unwrap_or(cfg.stop_timeout);
        let hutch = opts.hutch.display().to_string();
        let base = |verb: &[&str]| -> Vec<Arg> {
            std::iter::once(hutch.as_str())
                .chain(opts.globals.iter().map(String::as_str))
                .chain(verb.iter().copied())
                .map(Arg::from)
                .collect()
        };
        let cidfile = || Arg::Raw("--cidfile=%t/%n.ctr-id".into());
        let t = timeout.to_string();
        let mut service = vec![
            "Environment=HUTCH_SYSTEMD_UNIT=%n".to_string(),
            format!("Restart={}", opts.restart_policy),
            // As podman: the stop timeout plus a minute for hutch itself.
            format!("TimeoutStopSec={}", 60 + u64::from(timeout)),
        ];
        if opts.new {
            let run = new_command(&cfg.create_command, &cfg.sdnotify, opts).map_err(|problem| {
                GenerateError::NotRecreatable {
                    container: c.name.clone(),
                    problem,
                }
            })?;
            service.push("ExecStartPre=/bin/rm -f %t/%n.ctr-id".into());
            service.push(format!("ExecStart={}", command_line_raw(&run)));
            let mut stop = base(&["stop", "--ignore", "-t", &t]);
            stop.push(cidfile());
            service.push(format!("ExecStop={}", command_line_raw(&stop)));
            let mut rm = base(&["rm", "-f", "--ignore", "-t", &t]);
            rm.push(cidfile());
            service.push(format!("ExecStopPost={}", command_line_raw(&rm)));
            service.push("Type=notify".into());
            service.push("NotifyAccess=all".into());
        } else {
            let start = base(&["start", ident]);
            let stop = base(&["stop", "-t", &t, ident]);
            service.push(format!("ExecStart={}", command_line_raw(&start)));
            service.push(format!("ExecStop={}", command_line_raw(&stop)));
            service.push(format!("ExecStopPost={}", command_line_raw(&stop)));
            let pidfile = self.containers().dirs(&c.id).run.join("conmon.pid");
            service.push(format!(
                "PIDFile={}",
                command_line(&[pidfile.display().to_string()])
            ));
            service.push("Type=forking".into());
        }
        let text = format!(
            "# {unit_name}\n# autogenerated by hutch {}\n\n[Unit]\nDescription=hutch {unit_name}\n\
             Documentation=man:hutch-generate-systemd(1)\nWants=network-online.target\n\
             After=network-online.target\n\n[Service]\n{}\n\n[Install]\nWantedBy=default.target\n",
            env!("CARGO_PKG_VERSION"),
            service.join("\n")
        );
        Ok(Unit {
            name: unit_name,
            text,
        })
    }
}

/// The stored create command as the `ExecStart=` of a `--new` unit: `run` (for `create` too)
/// with `--cidfile=%t/%n.ctr-id --rm --sdnotify=MODE -d --replace` first and the same flags
/// dropped from the user's part; the program becomes `opts.hutch`. As podman, MODE is the
/// container's own `container`, else `conmon` (few workloads send READY themselves).
fn new_command(
    stored: &[String],
    sdnotify: &str,
    opts: &GenerateOptions,
) -> std::result::Result<Vec<Arg>, CommandProblem> {
    let verb = stored
        .iter()
        .position(|a| a == "run" || a == "create")
        .filter(|&i| i > 0)
        .ok_or(CommandProblem::NotRecorded)?;
    let mut out: Vec<Arg> = vec![Arg::Plain(opts.hutch.display().to_string())];
    // Global options before the verb stay; so does `container` in `container run`.
    out.extend(stored[1..verb].iter().map(|a| Arg::Plain(a.clone())));
    out.push("run".into());
    let notify = if sdnotify == "container" {
        "--sdnotify=container"
    } else {
        "--sdnotify=conmon"
    };
    for a in ["--cidfile=%t/%n.ctr-id", "--rm", notify, "-d", "--replace"] {
        out.push(Arg::Raw(a.into()));
    }
    let takes_no_value = |f: &str| opts.flags_without_value.iter().any(|b| b == f);
    let mut rest = stored[verb + 1..].iter();
    while let Some(a) = rest.next() {
        if a == "--" || !a.starts_with('-') || a == "-" {
            // The image and the command: kept as they are.
            out.push(Arg::Plain(a.clone()));
            out.extend(rest.map(|a| Arg::Plain(a.clone())));
            break;
        }
        let (flag, inline) = match a.split_once('=') {
            Some((f, _)) if a.starts_with("--") => (f, true),
            _ => (a.as_str(), false),
        };
        if OWN_VALUE_FLAGS.contains(&flag) {
            if !inline {
                rest.next();
            }
            continue;
        }
        if OWN_FLAGS.contains(&flag) {
            continue;
        }
        if !a.starts_with("--") && a.len() > 2 {
            // Short flags together (`-dit`), or a short flag with its value (`-p8080:80`).
            let shorts: Vec<char> = a[1..].chars().collect();
            if shorts.iter().all(|c| takes_no_value(&format!("-{c}"))) {
                let kept: String = shorts.iter().filter(|c| **c != 'd').collect();
                if !kept.is_empty() {
                    out.push(Arg::Plain(format!("-{kept}")));
                }
                continue;
            }
            out.push(Arg::Plain(a.clone()));
            continue;
        }
        out.push(Arg::Plain(a.clone()));
        if !inline && !takes_no_value(flag) {
            match rest.next() {
                Some(v) => out.push(Arg::Plain(v.clone())),
                None => {
                    return Err(CommandProblem::FlagWithoutValue {
                        flag: flag.to_string(),
                    })
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> GenerateOptions {
        GenerateOptions {
            new: true,
            use_name: true,
            restart_policy: "on-failure".into(),
            stop_timeout: None,
            hutch: "/usr/bin/hutch".into(),
            globals: vec![],
            flags_without_value: ["-d", "--detach", "--rm", "-i", "-t", "--replace", "--init"]
                .map(String::from)
                .to_vec(),
        }
    }

    fn line(stored: &[&str]) -> String {
        let stored: Vec<String> = stored.iter().map(|s| s.to_string()).collect();
        command_line_raw(&new_command(&stored, "", &opts()).unwrap())
    }

    #[test]
    fn the_create_command_becomes_a_run_that_systemd_tracks() {
        assert_eq!(
            line(&[
                "hutch",
                "run",
                "-dit",
                "--cidfile",
                "/x",
                "--name",
                "web",
                "-p",
                "8080:80",
                "--sdnotify=ignore",
                "--rm",
                "img",
                "sh",
                "-c",
                "echo 100% -d"
            ]),
            "/usr/bin/hutch run --cidfile=%t/%n.ctr-id --rm --sdnotify=conmon -d --replace \
             -it --name web -p 8080:80 img sh -c \"echo 100%% -d\""
        );
        assert_eq!(
            line(&[
                "/bin/hutch",
                "--root",
                "/r",
                "container",
                "create",
                "--init",
                "img"
            ]),
            "/usr/bin/hutch --root /r container run --cidfile=%t/%n.ctr-id --rm \
             --sdnotify=conmon -d --replace --init img"
        );
    }

    #[test]
    fn a_container_that_notifies_itself_keeps_doing_so() {
        let stored: Vec<String> = ["hutch", "run", "--sdnotify", "container", "img"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            command_line_raw(&new_command(&stored, "container", &opts()).unwrap()),
            "/usr/bin/hutch run --cidfile=%t/%n.ctr-id --rm --sdnotify=container -d --replace img"
        );
    }

    #[test]
    fn a_command_not_from_run_is_refused() {
        assert_eq!(
            new_command(&["hutch".into()], "", &opts()).unwrap_err(),
            CommandProblem::NotRecorded
        );
        assert!(new_command(&[], "", &opts()).is_err());
    }
}
