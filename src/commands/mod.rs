//! One module per verb; `dispatch` routes a parsed command line to it.

use crate::cli::{
    BuilderCommand, BuildxCommand, Cli, Command, ContainerCommand as C, GenerateCommand,
    HealthcheckCommand, ImageCommand, Lazy, QuadletCommand, SystemCommand, VolumeCommand,
};
use hutch_engine::{Options, Paths};

pub mod attach;
pub mod build;
pub mod build_progress;
pub mod cidfile;
pub mod cleanup;
pub mod commit;
pub mod cp;
pub mod create;
pub mod create_spec;
pub mod ctr_mount;
pub mod ctrs;
pub mod diff;
pub mod doctor;
pub mod events;
pub mod exec;
pub mod exists;
pub mod export;
pub mod generate;
pub mod healthcheck;
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
pub mod pod;
pub mod port;
pub mod prune;
pub mod ps;
pub mod pull;
pub mod push;
pub mod quadlet;
pub mod refused;
pub mod rename;
pub mod restart;
pub mod rm;
pub mod rmi;
pub mod run;
pub mod save;
pub mod search;
pub mod secret;
pub mod service;
pub mod start;
pub mod stats;
pub mod stop;
pub mod system;
pub mod tag;
pub mod top;
pub mod tree;
pub mod unshare;
pub mod update;
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
            volume_path: cli.global.more.volumepath.clone(),
            runtime_flags: cli.global.more.runtime_flag.clone(),
            events_backend: cli.global.more.events_backend.clone(),
            storage_opts: cli.global.more.storage_opt.clone(),
            default_mounts_file: cli.global.more.default_mounts_file.clone(),
        };
        if cli.global.more.cgroup_manager.as_deref() == Some("systemd") {
            tracing::warn!(
                "hutch manages rootless cgroups itself: falling back to --cgroup-manager=cgroupfs"
            );
        }
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

    /// How the engine is opened for this command line.
    pub fn engine_config(&self) -> hutch_engine::EngineConfig {
        hutch_engine::EngineConfig::new(self.paths.clone(), self.opts.clone(), self.runtime.clone())
    }

    /// The engine without joining the user namespace or reconciling, for commands that only
    /// read and record rows: opens the database (creating the storage directories on first use).
    pub fn engine(&self) -> anyhow::Result<hutch_engine::Engine> {
        Ok(hutch_engine::Engine::open_unjoined(self.engine_config())?)
    }

    /// Joins hutch's user namespace; commands that write storage call this before anything
    /// else, and before any thread exists.
    pub fn enter_userns(&self) -> anyhow::Result<hutch_engine::userns::UsernsInfo> {
        Ok(hutch_engine::userns::enter(&self.paths)?)
    }

    /// The storage driver's name for display, without detecting one (detection needs the user
    /// namespace): the forced or remembered driver, else empty.
    pub fn driver_name(&self) -> String {
        hutch_engine::storage_driver::known(&self.paths)
            .map(|d| d.name().to_string())
            .unwrap_or_default()
    }
}

/// `hutch help [COMMAND...]`: the same text as `hutch COMMAND... --help`; an unknown command
/// fails as it would there.
fn help(command: &[String]) -> anyhow::Result<i32> {
    let argv = std::iter::once("hutch")
        .chain(command.iter().map(String::as_str))
        .chain(std::iter::once("--help"));
    match <Cli as clap::Parser>::try_parse_from(argv) {
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp => {
            // A closed pipe (`hutch help run | head`) is not an error.
            let _ = e.print();
            Ok(0)
        }
        Err(e) => Ok(crate::usage_error(&e)),
        Ok(_) => Ok(0),
    }
}

pub fn dispatch(cli: Cli) -> anyhow::Result<i32> {
    let ctx = Ctx::new(&cli);
    match cli.command.0 {
        Command::Version(a) => version::run(&ctx, a.0),
        Command::Info(a) => info::run(&ctx, a.0),
        Command::Doctor => doctor::run(&ctx),
        Command::Images(a) | Command::Image(Lazy(ImageCommand::Images(a))) => {
            images::run(&ctx, a.0)
        }
        Command::Inspect(a) | Command::Image(Lazy(ImageCommand::Inspect(a))) => {
            inspect::run(&ctx, a.0)
        }
        Command::Rmi(a) | Command::Image(Lazy(ImageCommand::Rm(a))) => rmi::run(&ctx, a.0),
        Command::Tag(a) | Command::Image(Lazy(ImageCommand::Tag(a))) => tag::run(&ctx, a.0),
        Command::Untag(a) | Command::Image(Lazy(ImageCommand::Untag(a))) => tag::untag(&ctx, a.0),
        Command::History(a) | Command::Image(Lazy(ImageCommand::History(a))) => {
            history::run(&ctx, a.0)
        }
        Command::Image(Lazy(ImageCommand::Prune(a))) => prune::run(&ctx, a.0),
        Command::Image(Lazy(ImageCommand::Exists(a))) => exists::run(&ctx, a.0),
        Command::Image(Lazy(ImageCommand::Tree(a))) => tree::run(&ctx, a.0),
        Command::Image(Lazy(ImageCommand::Mount(a))) => mount::mount(&ctx, a.0),
        Command::Image(Lazy(ImageCommand::Unmount(a))) => mount::unmount(&ctx, a.0),
        Command::Pull(a) | Command::Image(Lazy(ImageCommand::Pull(a))) => pull::run(&ctx, a.0),
        Command::Unshare(a) => unshare::run(&ctx, a.0),
        Command::Help(a) => help(&a.0.command),
        Command::Healthcheck(Lazy(HealthcheckCommand::Run(a))) => healthcheck::run(&ctx, a.0),
        Command::Healthcheck(Lazy(HealthcheckCommand::Changed(a))) => {
            healthcheck::changed(&ctx, a.0)
        }
        Command::Run(a) | Command::Container(Lazy(C::Run(a))) => run::run(&ctx, a.0),
        Command::Create(a) | Command::Container(Lazy(C::Create(a))) => create::run(&ctx, a.0),
        Command::Start(a) | Command::Container(Lazy(C::Start(a))) => start::run(&ctx, a.0),
        Command::Stop(a) | Command::Container(Lazy(C::Stop(a))) => stop::run(&ctx, a.0),
        Command::Kill(a) | Command::Container(Lazy(C::Kill(a))) => kill::run(&ctx, a.0),
        Command::Restart(a) | Command::Container(Lazy(C::Restart(a))) => restart::run(&ctx, a.0),
        Command::Rm(a) | Command::Container(Lazy(C::Rm(a))) => rm::run(&ctx, a.0),
        Command::Ps(a) | Command::Container(Lazy(C::Ps(a))) => ps::run(&ctx, a.0),
        Command::Logs(a) | Command::Container(Lazy(C::Logs(a))) => logs::run(&ctx, a.0),
        Command::Wait(a) | Command::Container(Lazy(C::Wait(a))) => wait::run(&ctx, a.0),
        Command::Exec(a) | Command::Container(Lazy(C::Exec(a))) => exec::run(&ctx, a.0),
        Command::Attach(a) | Command::Container(Lazy(C::Attach(a))) => attach::run(&ctx, a.0),
        Command::Pause(a) | Command::Container(Lazy(C::Pause(a))) => pause::run(&ctx, a.0, true),
        Command::Unpause(a) | Command::Container(Lazy(C::Unpause(a))) => {
            pause::run(&ctx, a.0, false)
        }
        Command::Rename(a) | Command::Container(Lazy(C::Rename(a))) => rename::run(&ctx, a.0),
        Command::Container(Lazy(C::Inspect(a))) => inspect::run_containers(&ctx, a.0),
        Command::Container(Lazy(C::Exists(a))) => rm::exists(&ctx, a.0),
        Command::Container(Lazy(C::Prune(a))) => rm::prune(&ctx, a.0),
        Command::Container(Lazy(C::Cleanup(a))) => cleanup::run(&ctx, a.0),
        Command::Top(a) | Command::Container(Lazy(C::Top(a))) => top::run(&ctx, a.0),
        Command::Stats(a) | Command::Container(Lazy(C::Stats(a))) => stats::run(&ctx, a.0),
        Command::Port(a) | Command::Container(Lazy(C::Port(a))) => port::run(&ctx, a.0),
        Command::Diff(a) | Command::Container(Lazy(C::Diff(a))) => diff::run(&ctx, a.0),
        Command::Export(a) | Command::Container(Lazy(C::Export(a))) => export::run(&ctx, a.0),
        Command::Commit(a) | Command::Container(Lazy(C::Commit(a))) => commit::run(&ctx, a.0),
        Command::Cp(a) | Command::Container(Lazy(C::Cp(a))) => cp::run(&ctx, a.0),
        Command::Mount(a) | Command::Container(Lazy(C::Mount(a))) => ctr_mount::mount(&ctx, a.0),
        Command::Unmount(a) | Command::Container(Lazy(C::Unmount(a))) => {
            ctr_mount::unmount(&ctx, a.0)
        }
        Command::Events(a) => events::run(&ctx, a.0),
        Command::Login(a) => login::run(&ctx, a.0),
        Command::Logout(a) => logout::run(&ctx, a.0),
        Command::Push(a) | Command::Image(Lazy(ImageCommand::Push(a))) => push::run(&ctx, a.0),
        Command::Build(a) | Command::Image(Lazy(ImageCommand::Build(a))) => build::run(&ctx, *a.0),
        Command::Builder(Lazy(BuilderCommand::Prune(a))) => build::prune(&ctx, a.0),
        Command::Buildx(Lazy(BuildxCommand::Build(a))) => build::run(&ctx, a.0.build),
        Command::Search(a) | Command::Image(Lazy(ImageCommand::Search(a))) => {
            search::run(&ctx, a.0)
        }
        Command::Manifest(a) => manifest::run(&ctx, a.0),
        Command::Network(c) => network::run(&ctx, c.0),
        Command::Pod(c) => pod::run(&ctx, c.0),
        Command::Save(a) | Command::Image(Lazy(ImageCommand::Save(a))) => save::run(&ctx, a.0),
        Command::Load(a) | Command::Image(Lazy(ImageCommand::Load(a))) => load::run(&ctx, a.0),
        Command::Import(a) | Command::Image(Lazy(ImageCommand::Import(a))) => {
            import::run(&ctx, a.0)
        }
        Command::Volume(v) => match v.0 {
            VolumeCommand::Create(a) => volume::create(&ctx, a.0),
            VolumeCommand::Ls(a) => volume::ls(&ctx, a.0),
            VolumeCommand::Inspect(a) => volume::inspect(&ctx, a.0),
            VolumeCommand::Rm(a) => volume::rm(&ctx, a.0),
            VolumeCommand::Prune(a) => volume::prune(&ctx, a.0),
            VolumeCommand::Exists(a) => volume::exists(&ctx, a.0),
            VolumeCommand::Export(a) => volume::export(&ctx, a.0),
            VolumeCommand::Import(a) => volume::import(&ctx, a.0),
            VolumeCommand::Mount(a) => volume::mount(&ctx, a.0),
            VolumeCommand::Unmount(a) => volume::unmount(&ctx, a.0),
        },
        Command::Secret(s) => secret::run(&ctx, s.0),
        Command::Update(a) | Command::Container(Lazy(C::Update(a))) => update::run(&ctx, a.0),
        Command::Container(Lazy(C::Runlabel(a))) => refused::runlabel(&ctx, a.0),
        Command::Image(Lazy(ImageCommand::Trust(a))) => refused::image_trust(a.0),
        Command::Image(Lazy(ImageCommand::Sign(a))) => refused::image_sign(a.0),
        Command::System(s) => match s.0 {
            SystemCommand::Df(a) => system::df(&ctx, a.0),
            SystemCommand::Prune(a) => system::prune(&ctx, a.0),
            SystemCommand::Reset(a) => system::reset(&ctx, a.0),
            SystemCommand::Service(a) => service::run(&ctx, a.0),
        },
        Command::Generate(g) => match g.0 {
            GenerateCommand::Systemd(a) => generate::systemd(&ctx, a.0),
        },
        Command::Quadlet(q) => match q.0 {
            QuadletCommand::Install(a) => quadlet::install(&ctx, a.0),
            QuadletCommand::List(a) => quadlet::list(&ctx, a.0),
            QuadletCommand::Print(a) => quadlet::print(&ctx, a.0),
            QuadletCommand::Rm(a) => quadlet::rm(&ctx, a.0),
            QuadletCommand::Generate(a) => quadlet::generate(&ctx, a.0),
        },
    }
}
