//! `hutch exec`: turns the flags into an `ExecSpec`, wires this terminal (raw mode, SIGWINCH,
//! its size) into the engine's exec and returns the process's exit code.

use crate::cli::ExecArgs;
use hutch_engine::container::exec::{self, Control, ControlSource, ExecEnd, ExecError, ExecIo};
use hutch_engine::{term, EngineError};
use std::io::IsTerminal;
use std::os::fd::{AsFd, BorrowedFd};

pub fn run(ctx: &super::Ctx, args: ExecArgs) -> anyhow::Result<i32> {
    // Before anything opens descriptors of its own.
    hutch_engine::container::podman_opts::claim_preserved_fds(args.preserve_fds)
        .map_err(EngineError::from)?;
    let eng = super::ctrs::open(ctx)?;
    let mut env = Vec::new();
    for f in &args.env_file {
        let text = std::fs::read_to_string(f).map_err(|e| EngineError::io(f, e))?;
        for l in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            add_env(&mut env, l);
        }
    }
    for e in &args.env {
        add_env(&mut env, e);
    }
    let spec = exec::ExecSpec {
        cmd: args.command,
        env,
        user: args.user,
        workdir: args.workdir,
        tty: args.tty,
        interactive: args.interactive,
        privileged: args.privileged,
        detach: args.detach,
        detach_keys: args.detach_keys,
        preserve_fds: args.preserve_fds,
    };
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut stderr = std::io::stderr();
    let mut winch = None;
    let mut raw = None;
    if spec.tty && !spec.detach {
        winch = Some(Winch::new(stdin.as_fd(), stdout.as_fd())?);
        if stdin.is_terminal() {
            raw = term::RawTerminal::enter(stdin.as_fd()).ok();
        }
    }
    let io = ExecIo {
        stdin: Some(stdin.as_fd()),
        stdout: stdout.as_fd(),
        stderr: &mut stderr,
        size: term::terminal_size(stdin.as_fd(), stdout.as_fd()),
        control: winch.as_mut().map(|w| w as &mut dyn ControlSource),
    };
    let end = eng.exec(&args.container, &spec, io);
    drop(raw);
    match end {
        Ok(ExecEnd::Exited(code)) => Ok(code),
        Ok(ExecEnd::Started) => Ok(0),
        Ok(ExecEnd::Detached) => {
            eprintln!();
            Ok(0)
        }
        Err(e @ ExecError::Runtime { .. }) => {
            eprintln!("Error: {e}");
            Ok(e.exit_code())
        }
        Err(ExecError::Container(e)) => Err(EngineError::from(e).into()),
        Err(e) => Err(e.into()),
    }
}

/// `-e NAME` takes NAME's value from our environment (and is left out when unset).
fn add_env(env: &mut Vec<String>, item: &str) {
    if item.contains('=') {
        env.push(item.to_string());
    } else if let Ok(v) = std::env::var(item) {
        env.push(format!("{item}={v}"));
    }
}

/// SIGWINCH as resize requests with this terminal's new size.
struct Winch<'a> {
    signals: term::SignalFd,
    stdin: BorrowedFd<'a>,
    stdout: BorrowedFd<'a>,
}

impl<'a> Winch<'a> {
    fn new(stdin: BorrowedFd<'a>, stdout: BorrowedFd<'a>) -> anyhow::Result<Self> {
        let signals = term::SignalFd::new(&[term::SIGWINCH])
            .map_err(|e| EngineError::io("exec signals", e))?;
        Ok(Winch {
            signals,
            stdin,
            stdout,
        })
    }
}

impl ControlSource for Winch<'_> {
    fn fd(&self) -> BorrowedFd<'_> {
        self.signals.as_fd()
    }

    fn read(&mut self) -> std::io::Result<Vec<Control>> {
        let mut out = Vec::new();
        while self.signals.read()?.is_some() {
            if let Some((rows, cols)) = term::terminal_size(self.stdin, self.stdout) {
                out.push(Control::Resize { rows, cols });
            }
        }
        Ok(out)
    }
}
