//! `hutch attach`: connect this terminal to a running container's monitor.

use crate::cli::AttachArgs;
use hutch_engine::container::{self, attach, runtime::OciRuntime};
use hutch_engine::EngineError;
use std::io::IsTerminal;

pub fn run(ctx: &super::Ctx, args: AttachArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    let c = eng.lookup(&args.container)?;
    let obs = container::observe(eng.paths(), &c);
    if obs.state != container::RUNNING {
        anyhow::bail!(
            "you can only attach to running containers: {} is {}",
            c.name,
            super::ps::display_state(&obs.state)
        );
    }
    let cfg = container::config_of(&c).map_err(EngineError::from)?;
    let keys = attach::parse_detach_keys(
        args.detach_keys
            .as_deref()
            .unwrap_or(attach::DEFAULT_DETACH_KEYS),
    )
    .map_err(EngineError::from)?;
    let ops = eng.containers();
    let dirs = ops.dirs(&c.id);
    let sock = attach::connect(&dirs).map_err(EngineError::from)?;
    let raw = if cfg.tty && std::io::stdin().is_terminal() {
        use std::os::fd::AsFd;
        let stdin: &'static std::io::Stdin = Box::leak(Box::new(std::io::stdin()));
        hutch_sys::client::RawTerminal::enter(stdin.as_fd()).ok()
    } else {
        None
    };
    let runtime = ops.runtime(&cfg);
    let end = attach::run(
        &sock,
        &dirs,
        &attach::AttachOptions {
            stdin: !args.no_stdin && cfg.stdin,
            tty: cfg.tty,
            detach_keys: keys,
        },
        |sig| {
            if args.sig_proxy {
                let _ = runtime.kill(&c.id, sig, false);
            }
        },
    )
    .map_err(EngineError::from);
    drop(raw);
    match end? {
        attach::AttachEnd::Detached => {
            eprintln!();
            Ok(0)
        }
        attach::AttachEnd::Exited(code) => {
            eng.with_locked(&c, |ops| ops.cleanup_locked(&c))?;
            Ok(super::ctrs::exit_code(i64::from(code)))
        }
        attach::AttachEnd::Closed => {
            let code = ops.wait_exit(&c, None)?.unwrap_or(-1);
            Ok(super::ctrs::exit_code(code))
        }
    }
}
