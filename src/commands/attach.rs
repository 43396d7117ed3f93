//! `hutch attach`: connects this terminal to a running container's monitor. Also how `run` and
//! `start -a` hand this terminal to the engine: its streams, raw mode, SIGWINCH as resizes,
//! the signals hutch receives as signals to forward (`--sig-proxy`).

use crate::cli::AttachArgs;
use hutch_engine::container::exec::{Control, ControlSource, ExecIo};
use hutch_engine::container::run::{AttachRequest, RunOutcome};
use hutch_engine::term::{RawTerminal, SignalFd, SESSION_SIGNALS, SIGWINCH};
use std::io::IsTerminal;
use std::os::fd::{AsFd, BorrowedFd};

pub fn run(ctx: &super::Ctx, args: AttachArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    let req = AttachRequest {
        stdin: !args.no_stdin,
        detach_keys: args.detach_keys,
    };
    session(args.sig_proxy, |io| eng.attach(&args.container, &req, io))
}

/// Runs `attach` on this process's stdio and turns how it ended into hutch's exit code: the
/// container's, or 0 when detached (after a newline, the prompt's line being the container's)
/// or started in the background (after printing its ID).
pub(super) fn session<E>(
    sig_proxy: bool,
    attach: impl FnOnce(&mut ExecIo<'_>) -> Result<RunOutcome, E>,
) -> anyhow::Result<i32>
where
    anyhow::Error: From<E>,
{
    session_with(sig_proxy, Streams::default(), attach)
}

/// Which of this process's streams a session connects (`run --attach`): the others get
/// nothing (stdin) or go nowhere (stdout, stderr).
#[derive(Debug, Clone, Copy)]
pub(super) struct Streams {
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
}

impl Default for Streams {
    fn default() -> Self {
        Streams {
            stdin: true,
            stdout: true,
            stderr: true,
        }
    }
}

impl Streams {
    /// podman's `--attach`/`-a` values; none given: all three.
    pub fn parse(values: &[String]) -> anyhow::Result<Streams> {
        if values.is_empty() {
            return Ok(Streams::default());
        }
        let mut s = Streams {
            stdin: false,
            stdout: false,
            stderr: false,
        };
        for v in values {
            match v.to_ascii_lowercase().as_str() {
                "stdin" => s.stdin = true,
                "stdout" => s.stdout = true,
                "stderr" => s.stderr = true,
                _ => anyhow::bail!(
                    "invalid stream {v:?} for --attach - must be one of stdin, stdout, or stderr"
                ),
            }
        }
        Ok(s)
    }
}

pub(super) fn session_with<E>(
    sig_proxy: bool,
    streams: Streams,
    attach: impl FnOnce(&mut ExecIo<'_>) -> Result<RunOutcome, E>,
) -> anyhow::Result<i32>
where
    anyhow::Error: From<E>,
{
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let null = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")?;
    let mut stderr = std::io::stderr();
    let mut sink = std::io::sink();
    let out_fd = if streams.stdout {
        stdout.as_fd()
    } else {
        null.as_fd()
    };
    let mut terminal = Terminal {
        stdin: stdin.as_fd(),
        stdout: stdout.as_fd(),
        sig_proxy,
        signals: None,
        raw: None,
    };
    let outcome = attach(&mut ExecIo {
        stdin: streams.stdin.then(|| stdin.as_fd()),
        stdout: out_fd,
        stderr: if streams.stderr {
            &mut stderr
        } else {
            &mut sink
        },
        size: hutch_engine::term::terminal_size(stdin.as_fd(), stdout.as_fd()),
        control: Some(&mut terminal),
    });
    // Restores the terminal and the signals' default actions before anything is printed.
    drop(terminal);
    match outcome? {
        RunOutcome::Exited(code) => Ok(super::ctrs::exit_code(code)),
        RunOutcome::Detached => {
            eprintln!();
            Ok(0)
        }
        RunOutcome::Started(id) => {
            println!("{id}");
            Ok(0)
        }
    }
}

/// This terminal as the session's control source. Nothing is taken until the session begins,
/// so until the container runs (a pull, say) signals act as usual.
struct Terminal<'a> {
    stdin: BorrowedFd<'a>,
    stdout: BorrowedFd<'a>,
    sig_proxy: bool,
    signals: Option<SignalFd>,
    raw: Option<RawTerminal<'a>>,
}

impl ControlSource for Terminal<'_> {
    fn begin(&mut self, tty: bool) -> std::io::Result<()> {
        self.signals = Some(SignalFd::new(&SESSION_SIGNALS)?);
        if tty && std::io::stdin().is_terminal() {
            self.raw = RawTerminal::enter(self.stdin).ok();
        }
        Ok(())
    }

    fn fd(&self) -> BorrowedFd<'_> {
        self.signals
            .as_ref()
            .expect("the engine begins a session before it polls")
            .as_fd()
    }

    fn read(&mut self) -> std::io::Result<Vec<Control>> {
        let mut out = Vec::new();
        let Some(signals) = self.signals.as_mut() else {
            return Ok(out);
        };
        while let Some(sig) = signals.read()? {
            if sig == SIGWINCH {
                if let Some((rows, cols)) =
                    hutch_engine::term::terminal_size(self.stdin, self.stdout)
                {
                    out.push(Control::Resize { rows, cols });
                }
            } else if self.sig_proxy {
                out.push(Control::Signal(sig));
            }
        }
        Ok(out)
    }
}
