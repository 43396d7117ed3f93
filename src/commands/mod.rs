//! One module per verb; `dispatch` routes a parsed command line to it.

use crate::cli::{Cli, Command, ImageCommand};
use hutch_engine::{Options, Paths};

pub mod pull;
pub mod unshare;
pub mod version;

/// What every command gets: the resolved paths and the global options.
pub struct Ctx {
    pub paths: Paths,
    pub opts: Options,
}

impl Ctx {
    fn new(cli: &Cli) -> Ctx {
        let opts = Options {
            root: cli.global.root.clone(),
            runroot: cli.global.runroot.clone(),
            storage_driver: cli.global.storage_driver.clone(),
        };
        let paths = Paths::resolve(&opts);
        if let Some(w) = &paths.runtime_dir_warning {
            tracing::warn!("{w}");
        }
        Ctx { paths, opts }
    }
}

pub fn dispatch(cli: Cli) -> anyhow::Result<i32> {
    let ctx = Ctx::new(&cli);
    match cli.command {
        Command::Version(a) => version::run(&ctx, a),
        Command::Unshare(a) => unshare::run(&ctx, a),
        Command::Pull(a) | Command::Image(ImageCommand::Pull(a)) => pull::run(&ctx, a),
        Command::Image(ImageCommand::Images(_)) => anyhow::bail!("not implemented yet"),
        _ => anyhow::bail!("not implemented yet"),
    }
}
