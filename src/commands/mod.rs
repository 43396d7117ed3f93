//! One module per verb; `dispatch` routes a parsed command line to it.

use crate::cli::{Cli, Command, ContainerCommand as C, ImageCommand, SystemCommand, VolumeCommand};
use hutch_engine::{Options, Paths};

pub mod attach;
pub mod cleanup;
pub mod commit;
pub mod cp;
pub mod create;
pub mod ctr_mount;
pub mod ctrs;
pub mod diff;
pub mod doctor;
pub mod events;
pub mod exec;
pub mod exists;
pub mod export;
pub mod history;
pub mod images;
pub mod import;
pub mod info;
pub mod inspect;
pub mod kill;
pub mod load;
pub mod login;
pub mod logout;
pub mod logs;
pub mod manifest;
pub mod mount;
pub mod network;
pub mod pause;
pub mod port;
pub mod prune;
pub mod ps;
pub mod pull;
pub mod push;
pub mod rename;
pub mod restart;
pub mod rm;
pub mod rmi;
pub mod run;
pub mod save;
pub mod search;
pub mod start;
pub mod stop;
pub mod system;
pub mod tag;
pub mod top;
pub mod tree;
pub mod unshare;
pub mod version;
pub mod volume;
pub mod wait;

/// What every command gets: the resolved paths and the global options. Nothing expensive
/// happens here: commands open the database or join the user namespace only when they need to.
pub struct Ctx {
    pub paths: Paths,
    pub opts: Options,
    /// `--runtime`: the OCI runtime for new containers.
    pub runtime: Option<String>,
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
        Ctx {
            paths,
            opts,
            runtime: cli.global.runtime.clone(),
        }
    }

    /// Opens the image database (creating the storage directories on first use).
    pub fn db(&self) -> anyhow::Result<hutch_state::Db> {
        Ok(hutch_engine::images::open_db(&self.paths)?)
    }

    /// Joins hutch's user namespace; commands that write storage call this before anything
    /// else, and before any thread exists.
    pub fn enter_userns(&self) -> anyhow::Result<hutch_engine::userns::UsernsInfo> {
        Ok(hutch_engine::userns::enter(&self.paths)?)
    }

    /// The storage driver's name for display, without detecting one (detection needs the user
    /// namespace): the forced or remembered driver, else empty.
    pub fn driver_name(&self) -> String {
        let forced = self.paths.storage_driver.as_deref();
        // `driver()` would detect when nothing is remembered (storage keeps the choice in
        // graphroot/storage-driver); read-only commands must not.
        if forced.is_none() && !self.paths.graphroot.join("storage-driver").exists() {
            return String::new();
        }
        hutch_storage::mount::driver(&self.paths.graphroot, forced)
            .map(|d| d.name().to_string())
            .unwrap_or_default()
    }
}

pub fn dispatch(cli: Cli) -> anyhow::Result<i32> {
    let ctx = Ctx::new(&cli);
    match cli.command {
        Command::Version(a) => version::run(&ctx, a),
        Command::Info(a) => info::run(&ctx, a),
        Command::Doctor => doctor::run(&ctx),
        Command::Images(a) | Command::Image(ImageCommand::Images(a)) => images::run(&ctx, a),
        Command::Inspect(a) | Command::Image(ImageCommand::Inspect(a)) => inspect::run(&ctx, a),
        Command::Rmi(a) | Command::Image(ImageCommand::Rm(a)) => rmi::run(&ctx, a),
        Command::Tag(a) | Command::Image(ImageCommand::Tag(a)) => tag::run(&ctx, a),
        Command::History(a) | Command::Image(ImageCommand::History(a)) => history::run(&ctx, a),
        Command::Image(ImageCommand::Prune(a)) => prune::run(&ctx, a),
        Command::Image(ImageCommand::Exists(a)) => exists::run(&ctx, a),
        Command::Image(ImageCommand::Tree(a)) => tree::run(&ctx, a),
        Command::Image(ImageCommand::Mount(a)) => mount::mount(&ctx, a),
        Command::Image(ImageCommand::Unmount(a)) => mount::unmount(&ctx, a),
        Command::Pull(a) | Command::Image(ImageCommand::Pull(a)) => pull::run(&ctx, a),
        Command::Unshare(a) => unshare::run(&ctx, a),
        Command::Run(a) | Command::Container(C::Run(a)) => run::run(&ctx, a),
        Command::Create(a) | Command::Container(C::Create(a)) => create::run(&ctx, a),
        Command::Start(a) | Command::Container(C::Start(a)) => start::run(&ctx, a),
        Command::Stop(a) | Command::Container(C::Stop(a)) => stop::run(&ctx, a),
        Command::Kill(a) | Command::Container(C::Kill(a)) => kill::run(&ctx, a),
        Command::Restart(a) | Command::Container(C::Restart(a)) => restart::run(&ctx, a),
        Command::Rm(a) | Command::Container(C::Rm(a)) => rm::run(&ctx, a),
        Command::Ps(a) | Command::Container(C::Ps(a)) => ps::run(&ctx, a),
        Command::Logs(a) | Command::Container(C::Logs(a)) => logs::run(&ctx, a),
        Command::Wait(a) | Command::Container(C::Wait(a)) => wait::run(&ctx, a),
        Command::Exec(a) | Command::Container(C::Exec(a)) => exec::run(&ctx, a),
        Command::Attach(a) | Command::Container(C::Attach(a)) => attach::run(&ctx, a),
        Command::Pause(a) | Command::Container(C::Pause(a)) => pause::run(&ctx, a, true),
        Command::Unpause(a) | Command::Container(C::Unpause(a)) => pause::run(&ctx, a, false),
        Command::Rename(a) | Command::Container(C::Rename(a)) => rename::run(&ctx, a),
        Command::Container(C::Inspect(a)) => inspect::run_containers(&ctx, a),
        Command::Container(C::Exists(a)) => rm::exists(&ctx, a),
        Command::Container(C::Prune(a)) => rm::prune(&ctx, a),
        Command::Container(C::Cleanup(a)) => cleanup::run(&ctx, a),
        Command::Top(a) | Command::Container(C::Top(a)) => top::run(&ctx, a),
        Command::Port(a) | Command::Container(C::Port(a)) => port::run(&ctx, a),
        Command::Diff(a) | Command::Container(C::Diff(a)) => diff::run(&ctx, a),
        Command::Export(a) | Command::Container(C::Export(a)) => export::run(&ctx, a),
        Command::Commit(a) | Command::Container(C::Commit(a)) => commit::run(&ctx, a),
        Command::Cp(a) | Command::Container(C::Cp(a)) => cp::run(&ctx, a),
        Command::Mount(a) | Command::Container(C::Mount(a)) => ctr_mount::mount(&ctx, a),
        Command::Unmount(a) | Command::Container(C::Unmount(a)) => ctr_mount::unmount(&ctx, a),
        Command::Events(a) => events::run(&ctx, a),
        Command::Login(a) => login::run(&ctx, a),
        Command::Logout(a) => logout::run(&ctx, a),
        Command::Push(a) | Command::Image(ImageCommand::Push(a)) => push::run(&ctx, a),
        Command::Search(a) | Command::Image(ImageCommand::Search(a)) => search::run(&ctx, a),
        Command::Manifest(a) => manifest::run(&ctx, a),
        Command::Network(c) => network::run(&ctx, c),
        Command::Save(a) | Command::Image(ImageCommand::Save(a)) => save::run(&ctx, a),
        Command::Load(a) | Command::Image(ImageCommand::Load(a)) => load::run(&ctx, a),
        Command::Import(a) | Command::Image(ImageCommand::Import(a)) => import::run(&ctx, a),
        Command::Volume(v) => match v {
            VolumeCommand::Create(a) => volume::create(&ctx, a),
            VolumeCommand::Ls(a) => volume::ls(&ctx, a),
            VolumeCommand::Inspect(a) => volume::inspect(&ctx, a),
            VolumeCommand::Rm(a) => volume::rm(&ctx, a),
            VolumeCommand::Prune(a) => volume::prune(&ctx, a),
            VolumeCommand::Exists(a) => volume::exists(&ctx, a),
            VolumeCommand::Export(a) => volume::export(&ctx, a),
            VolumeCommand::Import(a) => volume::import(&ctx, a),
        },
        Command::System(s) => match s {
            SystemCommand::Df(a) => system::df(&ctx, a),
            SystemCommand::Prune(a) => system::prune(&ctx, a),
            SystemCommand::Reset(a) => system::reset(&ctx, a),
        },
    }
}
