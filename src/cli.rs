//! Every flag hutch accepts, defined once. Parsing, `--help`, man pages and shell completions are
//! all generated from these structs (see `xtask`).

use clap::{ArgMatches, Args, FromArgMatches, Parser, Subcommand};
use std::path::PathBuf;

mod pod;
pub use pod::*;
mod gaps;
pub use gaps::*;
mod net;
pub use net::NetFlags;
mod parse;
pub use parse::{parse, parse_from, Chosen};

/// A subcommand's flags (`T: Args`) or a group of subcommands (`T: Subcommand`, `hutch image
/// ...`), defined only when it is the one being parsed (clap's `Command::defer`): defining
/// every subcommand's flags up front cost every hutch command about a millisecond of start-up.
#[derive(Debug, Clone)]
pub struct Lazy<T>(pub T);

impl<T: Args> Args for Lazy<T> {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        cmd.defer(|c| globals_last(T::augment_args(c)))
    }
    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        cmd.defer(|c| globals_last(T::augment_args_for_update(c)))
    }
    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }
}

impl<T: Subcommand> Subcommand for Lazy<T> {
    fn augment_subcommands(cmd: clap::Command) -> clap::Command {
        cmd.defer(T::augment_subcommands)
    }
    fn augment_subcommands_for_update(cmd: clap::Command) -> clap::Command {
        cmd.defer(T::augment_subcommands_for_update)
    }
    fn has_subcommand(name: &str) -> bool {
        T::has_subcommand(name)
    }
}

impl<T: FromArgMatches> FromArgMatches for Lazy<T> {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(m).map(Lazy)
    }
    fn from_arg_matches_mut(m: &mut ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches_mut(m).map(Lazy)
    }
    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(m)
    }
    fn update_from_arg_matches_mut(&mut self, m: &mut ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches_mut(m)
    }
}

/// The parent's global flags are propagated before a deferred subcommand defines its own: list
/// them after, as without deferral. A single-value flag given twice keeps the last value, as in
/// podman (`--name a --name b` names it b).
fn globals_last(cmd: clap::Command) -> clap::Command {
    let mut cmd = cmd.args_override_self(true);
    let globals: Vec<clap::Id> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .map(|a| a.get_id().clone())
        .collect();
    for (i, id) in globals.into_iter().enumerate() {
        cmd = cmd.mut_arg(id, |a| a.display_order(1000 + i));
    }
    cmd
}

#[derive(Debug, Parser)]
#[command(
    name = "hutch",
    version,
    about = "A rootless, daemonless container engine",
    long_about = "hutch runs OCI containers as an unprivileged user, with no daemon. \
                  Its commands and flags follow podman and docker.",
    propagate_version = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOpts,
    #[command(subcommand)]
    pub command: Chosen<Command>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct GlobalOpts {
    /// Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]
    #[arg(long, global = true, value_name = "PATH", env = "HUTCH_ROOT")]
    pub root: Option<PathBuf>,
    /// Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]
    #[arg(long, global = true, value_name = "PATH", env = "HUTCH_RUNROOT")]
    pub runroot: Option<PathBuf>,
    /// Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]
    #[arg(
        long,
        global = true,
        value_name = "DRIVER",
        env = "HUTCH_STORAGE_DRIVER"
    )]
    pub storage_driver: Option<String>,
    /// Log level: error, warn, info, debug or trace
    #[arg(long, global = true, value_name = "LEVEL", env = "HUTCH_LOG_LEVEL")]
    pub log_level: Option<String>,
    /// OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path
    #[arg(long, global = true, value_name = "NAME|PATH", env = "HUTCH_RUNTIME")]
    pub runtime: Option<String>,
    #[command(flatten)]
    pub more: crate::cli_global::MoreGlobalOpts,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the hutch version
    Version(Lazy<VersionArgs>),
    /// Show information about the host and the hutch set-up
    Info(Lazy<InfoArgs>),
    /// Check the rootless set-up and print the command that fixes each problem
    Doctor,
    /// Run a command inside hutch's user namespace
    Unshare(Lazy<UnshareArgs>),
    /// Show the help of hutch or of a command (`hutch help run`, `hutch help network create`)
    Help(Lazy<HelpArgs>),
    /// Run a container's healthcheck
    #[command(subcommand)]
    Healthcheck(Lazy<HealthcheckCommand>),
    /// Pull an image from a registry
    Pull(Lazy<PullArgs>),
    /// List images in local storage
    Images(Lazy<ImagesArgs>),
    /// Remove one or more images
    Rmi(Lazy<RmiArgs>),
    /// Add an additional name to a local image
    Tag(Lazy<TagArgs>),
    /// Remove names from a local image (every name when only the image is given)
    Untag(Lazy<crate::cli_more::UntagArgs>),
    /// Show the history of an image
    History(Lazy<HistoryArgs>),
    /// Manage images
    #[command(subcommand)]
    Image(Lazy<ImageCommand>),
    /// Display the configuration of an object (container or image)
    Inspect(Lazy<InspectArgs>),
    /// Run a command in a new container
    Run(Lazy<RunArgs>),
    /// Create a container without starting it
    Create(Lazy<CreateArgs>),
    /// Start one or more containers
    Start(Lazy<StartArgs>),
    /// Stop one or more running containers
    Stop(Lazy<StopArgs>),
    /// Send a signal to one or more running containers
    Kill(Lazy<KillArgs>),
    /// Restart one or more containers
    Restart(Lazy<RestartArgs>),
    /// Remove one or more containers
    Rm(Lazy<RmArgs>),
    /// List containers
    Ps(Lazy<PsArgs>),
    /// Show the logs of one or more containers
    Logs(Lazy<LogsArgs>),
    /// Wait for one or more containers to stop and print their exit codes
    Wait(Lazy<WaitArgs>),
    /// Run a process in a running container
    Exec(Lazy<ExecArgs>),
    /// Attach to a running container's input and output
    Attach(Lazy<AttachArgs>),
    /// Pause all processes in one or more containers
    Pause(Lazy<PauseArgs>),
    /// Unpause the processes in one or more containers
    Unpause(Lazy<PauseArgs>),
    /// Rename a container
    Rename(Lazy<RenameArgs>),
    /// Display the running processes of a container
    Top(Lazy<TopArgs>),
    /// Display a live stream of containers' resource use
    Stats(Lazy<StatsArgs>),
    /// List port mappings of a container
    Port(Lazy<PortArgs>),
    /// Show the changes a container made to its image's files
    Diff(Lazy<DiffArgs>),
    /// Export a container's filesystem as a tar archive
    Export(Lazy<ExportArgs>),
    /// Create a new image from a container's changes
    Commit(Lazy<CommitArgs>),
    /// Copy files between a container and the host
    Cp(Lazy<CpArgs>),
    /// Mount a container's root filesystem and print where
    Mount(Lazy<MountArgs>),
    /// Unmount a container's root filesystem
    #[command(alias = "umount")]
    Unmount(Lazy<UnmountArgs>),
    /// Show events of containers and images
    Events(Lazy<EventsArgs>),
    /// Log in to a container registry
    Login(Lazy<LoginArgs>),
    /// Log out of a container registry
    Logout(Lazy<LogoutArgs>),
    /// Push an image to a registry
    Push(Lazy<PushArgs>),
    /// Search a registry for images
    Search(Lazy<SearchArgs>),
    /// Manage manifest lists and image indexes
    #[command(subcommand)]
    Manifest(Lazy<ManifestCommand>),
    /// Save images to an archive or a directory (docker-archive, oci-archive, oci-dir, docker-dir)
    Save(Lazy<SaveArgs>),
    /// Load images from an archive or a directory made by save, podman, docker or skopeo
    Load(Lazy<LoadArgs>),
    /// Create an image from a tarball of a root filesystem
    Import(Lazy<ImportArgs>),
    /// Build an image from a Containerfile or Dockerfile
    Build(Lazy<Box<BuildArgs>>),
    /// Manage the build cache
    #[command(subcommand)]
    Builder(Lazy<BuilderCommand>),
    /// Docker buildx compatibility: `buildx build` is build
    #[command(subcommand)]
    Buildx(Lazy<BuildxCommand>),
    /// Manage containers
    #[command(subcommand)]
    Container(Lazy<ContainerCommand>),
    /// Manage user-defined networks
    #[command(subcommand)]
    Network(Lazy<NetworkCommand>),
    /// Manage volumes
    #[command(subcommand)]
    Volume(Lazy<VolumeCommand>),
    /// Manage pods: containers that share namespaces and start and stop together
    #[command(subcommand)]
    Pod(Lazy<PodCommand>),
    /// Manage hutch's storage: disk usage, prune, reset
    #[command(subcommand)]
    System(Lazy<SystemCommand>),
    /// Generate systemd units for containers
    #[command(subcommand)]
    Generate(Lazy<GenerateCommand>),
    /// Turn quadlet files (.container, .volume, .network) into systemd user units
    #[command(subcommand)]
    Quadlet(Lazy<QuadletCommand>),
    /// Manage secrets (file driver)
    #[command(subcommand)]
    Secret(Lazy<SecretCommand>),
    /// Update a container's resource limits or restart policy
    Update(Lazy<UpdateArgs>),
}

#[derive(Debug, Subcommand)]
pub enum GenerateCommand {
    /// Print (or with --files write) a systemd user unit that runs a container
    Systemd(Lazy<GenerateSystemdArgs>),
}

#[derive(Debug, Args)]
pub struct GenerateSystemdArgs {
    /// Container name or ID
    pub container: String,
    /// Create the container when the unit starts and remove it when it stops
    #[arg(long)]
    pub new: bool,
    /// Name the unit and commands by the container's name instead of its ID
    #[arg(short, long)]
    pub name: bool,
    /// systemd restart policy (Restart=)
    #[arg(long, value_name = "POLICY", default_value = "on-failure")]
    pub restart_policy: String,
    /// Stop timeout in seconds [default: the container's]
    #[arg(short, long = "time", value_name = "SECONDS")]
    pub time: Option<u32>,
    /// Write container-NAME.service in the current directory and print its path
    #[arg(short, long)]
    pub files: bool,
}

#[derive(Debug, Subcommand)]
pub enum QuadletCommand {
    /// Translate quadlet files and install the units in your systemd user unit directory
    Install(Lazy<QuadletInstallArgs>),
    /// List the installed quadlet units
    #[command(alias = "ls")]
    List(Lazy<QuadletListArgs>),
    /// Print the unit a quadlet file turns into
    Print(Lazy<QuadletNameArgs>),
    /// Remove installed quadlet units and their source files
    Rm(Lazy<QuadletRmArgs>),
    /// Write the units of ~/.config/containers/systemd into DIR (as a systemd user generator)
    Generate(Lazy<QuadletGenerateArgs>),
}

#[derive(Debug, Args)]
pub struct QuadletInstallArgs {
    /// Quadlet files, or directories of them [default: ~/.config/containers/systemd]
    pub paths: Vec<PathBuf>,
    /// Run systemctl --user daemon-reload afterwards
    #[arg(long)]
    pub reload: bool,
}

#[derive(Debug, Args)]
pub struct QuadletListArgs {}

#[derive(Debug, Args)]
pub struct QuadletNameArgs {
    /// The quadlet file (NAME.container, NAME.volume, NAME.network) or a path to one
    pub name: String,
}

#[derive(Debug, Args)]
pub struct QuadletRmArgs {
    /// The quadlet files (NAME.container, ...) whose units to remove
    #[arg(required = true)]
    pub names: Vec<String>,
}

#[derive(Debug, Args)]
pub struct QuadletGenerateArgs {
    /// Where to write the units (a generator's first argument)
    pub dir: PathBuf,
    /// Further directories systemd passes to generators (ignored)
    #[arg(hide = true)]
    pub more: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ContainerCommand {
    /// Run a command in a new container
    Run(Lazy<RunArgs>),
    /// Create a container without starting it
    Create(Lazy<CreateArgs>),
    /// Start one or more containers
    Start(Lazy<StartArgs>),
    /// Stop one or more running containers
    Stop(Lazy<StopArgs>),
    /// Send a signal to one or more running containers
    Kill(Lazy<KillArgs>),
    /// Restart one or more containers
    Restart(Lazy<RestartArgs>),
    /// Remove one or more containers
    Rm(Lazy<RmArgs>),
    /// List containers
    #[command(alias = "ls", alias = "list")]
    Ps(Lazy<PsArgs>),
    /// Show the logs of one or more containers
    Logs(Lazy<LogsArgs>),
    /// Wait for one or more containers to stop and print their exit codes
    Wait(Lazy<WaitArgs>),
    /// Display the configuration of one or more containers
    Inspect(Lazy<InspectArgs>),
    /// Run a process in a running container
    Exec(Lazy<ExecArgs>),
    /// Attach to a running container's input and output
    Attach(Lazy<AttachArgs>),
    /// Pause all processes in one or more containers
    Pause(Lazy<PauseArgs>),
    /// Unpause the processes in one or more containers
    Unpause(Lazy<PauseArgs>),
    /// Rename a container
    Rename(Lazy<RenameArgs>),
    /// Check whether a container exists (exit 0 if it does, 1 if not)
    Exists(Lazy<ContainerExistsArgs>),
    /// Remove all stopped containers
    Prune(Lazy<ContainerPruneArgs>),
    /// Clean up the network and mounts of exited containers (run by the monitor)
    Cleanup(Lazy<CleanupArgs>),
    /// Update a container's resource limits or restart policy
    Update(Lazy<UpdateArgs>),
    /// Run the command in an image's label (refused: hutch does not run image-supplied commands)
    Runlabel(Lazy<RunlabelArgs>),
    /// Display the running processes of a container
    Top(Lazy<TopArgs>),
    /// Display a live stream of containers' resource use
    Stats(Lazy<StatsArgs>),
    /// List port mappings of a container
    Port(Lazy<PortArgs>),
    /// Show the changes a container made to its image's files
    Diff(Lazy<DiffArgs>),
    /// Export a container's filesystem as a tar archive
    Export(Lazy<ExportArgs>),
    /// Create a new image from a container's changes
    Commit(Lazy<CommitArgs>),
    /// Copy files between a container and the host
    Cp(Lazy<CpArgs>),
    /// Mount a container's root filesystem and print where
    Mount(Lazy<MountArgs>),
    /// Unmount a container's root filesystem
    #[command(alias = "umount")]
    Unmount(Lazy<UnmountArgs>),
}

#[derive(Debug, Args)]
pub struct TopArgs {
    /// The container
    pub container: String,
    /// Fields to show: user, pid, ppid, pcpu, etime, tty, time, args, comm, uid, gid, group,
    /// nice, vsz, rss, state [default: user pid ppid pcpu etime tty time args]
    pub descriptors: Vec<String>,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Containers to show [default: every running container]
    pub containers: Vec<String>,
    /// Show every container, not only running ones
    #[arg(short, long)]
    pub all: bool,
    /// Print the figures once instead of redrawing them every interval
    #[arg(long)]
    pub no_stream: bool,
    /// Output format: json, table, or a Go template over .ID .Name .CPUPerc .AVGCPU .UpTime
    /// .MemUsage .MemUsageBytes .MemPerc .NetIO .BlockIO .PIDS .PIDs .Source (proc or cgroup)
    #[arg(long)]
    pub format: Option<String>,
    /// Do not truncate container IDs
    #[arg(long)]
    pub no_trunc: bool,
    /// Seconds between two samples
    #[arg(short, long, default_value_t = 5, value_name = "SECONDS")]
    pub interval: u64,
    /// Do not clear the terminal between two tables
    #[arg(long)]
    pub no_reset: bool,
}

#[derive(Debug, Args)]
pub struct PortArgs {
    /// The container
    #[arg(required_unless_present = "all")]
    pub container: Option<String>,
    /// Show only this private port, PORT[/PROTO]
    pub private_port: Option<String>,
    /// Show the ports of every container
    #[arg(short, long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The container
    pub container: String,
    /// Output format: json
    #[arg(long)]
    pub format: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The container
    pub container: String,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CommitArgs {
    /// The container
    pub container: String,
    /// Name of the new image [default: none]
    pub image: Option<String>,
    /// Apply a Dockerfile instruction: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL,
    /// USER, VOLUME, WORKDIR (e.g. -c CMD=/bin/sh or -c 'ENV=A=1')
    #[arg(short, long, value_name = "INSTRUCTION")]
    pub change: Vec<String>,
    /// Commit message, stored in the image's history
    #[arg(short, long)]
    pub message: Option<String>,
    /// Author of the image
    #[arg(short, long)]
    pub author: Option<String>,
    /// Pause the container while committing (accepted; the container is committed running)
    #[arg(short, long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub pause: Option<bool>,
    /// Print only the image ID
    #[arg(short, long)]
    pub quiet: bool,
    /// Image format: oci or docker (only oci is written)
    #[arg(short, long)]
    pub format: Option<String>,
}

#[derive(Debug, Args)]
pub struct CpArgs {
    /// Source: a host path, CONTAINER:PATH, or - for a tar stream on standard input
    pub source: String,
    /// Destination: a host path, CONTAINER:PATH, or - for a tar stream on standard output
    pub destination: String,
    /// Give what is copied into the container to its user and group (the default); with
    /// false, keep the owners the source (or the tar stream) names
    #[arg(short, long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub archive: Option<bool>,
    /// Allow replacing a directory with a file and the other way round
    #[arg(long)]
    pub overwrite: bool,
    /// Pause a running container while copying (the default)
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub pause: Option<bool>,
}

#[derive(Debug, Args)]
pub struct MountArgs {
    /// Containers to mount; with none, list mounted containers
    pub containers: Vec<String>,
    /// Output format: json
    #[arg(long)]
    pub format: Option<String>,
    /// Do not truncate IDs when listing
    #[arg(long)]
    pub no_trunc: bool,
}

#[derive(Debug, Args)]
pub struct UnmountArgs {
    pub containers: Vec<String>,
    /// Unmount every mounted container
    #[arg(short, long)]
    pub all: bool,
    /// Unmount even if mounted several times
    #[arg(short, long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Filter: type=container|image, event=ACTION, container=NAME|ID, image=NAME|ID, label=K=V
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Show events since this time (RFC 3339, Unix seconds, or a duration like 10m)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Show events until this time (RFC 3339, Unix seconds, or a duration like 10m)
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Output format: json (one object a line) or a Go template such as {{.Status}} {{.Name}}
    #[arg(long)]
    pub format: Option<String>,
    /// Keep following new events [default: true unless --until is given]
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub stream: Option<bool>,
    /// Do not truncate IDs
    #[arg(long, default_value_t = true, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub no_trunc: bool,
}

// How a new container is made: `create` takes these, `run` adds its own on top. (A plain
// comment: a doc comment here would become the about text of `run` and `create`.)
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Name of the container [default: a random adjective_noun]
    #[arg(long)]
    pub name: Option<String>,
    /// Set an environment variable KEY=VALUE (KEY alone takes hutch's value)
    #[arg(short, long = "env", value_name = "KEY[=VALUE]")]
    pub env: Vec<String>,
    /// Read environment variables from a file, one KEY=VALUE a line
    #[arg(long, value_name = "FILE")]
    pub env_file: Vec<PathBuf>,
    /// Pass hutch's whole environment into the container
    #[arg(long)]
    pub env_host: bool,
    /// Working directory inside the container
    #[arg(short, long, value_name = "DIR")]
    pub workdir: Option<String>,
    /// User (name or UID) and optionally group: USER[:GROUP]
    #[arg(short, long, value_name = "USER[:GROUP]")]
    pub user: Option<String>,
    /// Additional groups for the container's process
    #[arg(long, value_name = "GROUP")]
    pub group_add: Vec<String>,
    /// Override the image's entrypoint (a string or a JSON array; "" clears it)
    #[arg(long, value_name = "CMD")]
    pub entrypoint: Option<String>,
    /// Container host name [default: the first 12 characters of its ID]
    #[arg(long, value_name = "NAME")]
    pub hostname: Option<String>,
    /// Run in this pod (name or ID), or in a new pod: new:NAME
    #[arg(long, value_name = "NAME|ID|new:NAME")]
    pub pod: Option<String>,
    /// Run in the pod whose ID is in this file
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Option<PathBuf>,
    /// Add a label KEY=VALUE
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// Pull the image: always, missing, never or newer
    #[arg(long, default_value = "missing", value_name = "POLICY")]
    pub pull: String,
    /// Allocate a pseudo-terminal
    #[arg(short, long)]
    pub tty: bool,
    /// Keep standard input open
    #[arg(short, long)]
    pub interactive: bool,
    /// Remove the container when it exits
    #[arg(long)]
    pub rm: bool,
    /// Signal that stops the container [default: the image's StopSignal, else SIGTERM]
    #[arg(long, value_name = "SIGNAL")]
    pub stop_signal: Option<String>,
    /// Seconds to wait after the stop signal before SIGKILL [default: 10]
    #[arg(long, value_name = "SECONDS")]
    pub stop_timeout: Option<u32>,
    /// Restart policy: no, always, on-failure[:N], unless-stopped (applied when the container
    /// exits; a stop or kill by you ends it until the next start)
    #[arg(long, value_name = "POLICY")]
    pub restart: Option<String>,
    /// Healthcheck command, run by the shell in the container (or a JSON array: exec form)
    #[arg(long, value_name = "COMMAND")]
    pub health_cmd: Option<String>,
    /// Time between healthchecks, e.g. 30s or 1m [default: the image's, else 30s]
    #[arg(long, value_name = "DURATION")]
    pub health_interval: Option<String>,
    /// Failures in a row before the container is unhealthy [default: 3]
    #[arg(long, value_name = "N")]
    pub health_retries: Option<u32>,
    /// Time to start up in, during which failures do not count [default: 0s]
    #[arg(long, value_name = "DURATION")]
    pub health_start_period: Option<String>,
    /// Time between healthchecks during the start period [default: 5s]
    #[arg(long, value_name = "DURATION")]
    pub health_start_interval: Option<String>,
    /// Time a healthcheck may take before it counts as failed [default: 30s]
    #[arg(long, value_name = "DURATION")]
    pub health_timeout: Option<String>,
    /// What to do when the container turns unhealthy: none, kill, restart, stop
    #[arg(long, value_name = "ACTION")]
    pub health_on_failure: Option<String>,
    /// Run no healthcheck, not even the image's
    #[arg(long, conflicts_with = "health_cmd")]
    pub no_healthcheck: bool,
    #[command(flatten)]
    pub net: NetFlags,
    /// Publish every port the image exposes on free host ports
    #[arg(short = 'P', long)]
    pub publish_all: bool,
    /// Add a capability
    #[arg(long, value_name = "CAP")]
    pub cap_add: Vec<String>,
    /// Drop a capability
    #[arg(long, value_name = "CAP")]
    pub cap_drop: Vec<String>,
    /// Give the container every capability, no masked paths and no seccomp filter
    #[arg(long)]
    pub privileged: bool,
    /// Mount the container's root filesystem read-only
    #[arg(long)]
    pub read_only: bool,
    /// Security options: no-new-privileges, seccomp=unconfined|PATH, label=disable
    #[arg(long, value_name = "OPT")]
    pub security_opt: Vec<String>,
    /// Resource limit NAME=SOFT[:HARD], e.g. nofile=1024:2048
    #[arg(long, value_name = "LIMIT")]
    pub ulimit: Vec<String>,
    /// Run an init process (catatonit) that forwards signals and reaps zombies
    #[arg(long)]
    pub init: bool,
    /// User namespace: "" (hutch's own, the default), keep-id (your uid and gid inside) or
    /// keep-id:uid=UID,gid=GID (yours as those)
    #[arg(long, value_name = "MODE")]
    pub userns: Option<String>,
    /// Size of /dev/shm [default: 64m]
    #[arg(long, value_name = "SIZE")]
    pub shm_size: Option<String>,
    /// Log driver: k8s-file, none or passthrough
    #[arg(long, value_name = "DRIVER")]
    pub log_driver: Option<String>,
    /// Log driver options, e.g. max-size=10m
    #[arg(long, value_name = "OPT")]
    pub log_opt: Vec<String>,
    /// Write the container ID to this file
    #[arg(long, value_name = "FILE")]
    pub cidfile: Option<PathBuf>,
    /// Remove a container of the same name first, if there is one
    #[arg(long)]
    pub replace: bool,
    /// How systemd learns the container is ready: conmon (the monitor sends READY=1 once it
    /// runs), container (the container gets $NOTIFY_SOCKET) or ignore [default: conmon when
    /// NOTIFY_SOCKET is set, else ignore]
    #[arg(long, value_name = "conmon|container|ignore")]
    pub sdnotify: Option<String>,
    /// Give the container a secret, mounted read-only at /run/secrets/NAME or as a variable
    #[arg(
        long,
        value_name = "NAME[,type=mount|env][,target=T][,uid=,gid=,mode=]"
    )]
    pub secret: Vec<String>,
    /// Memory limit (needs cgroup v2 delegation when rootless)
    #[arg(short, long, value_name = "SIZE")]
    pub memory: Option<String>,
    /// CPU limit (needs cgroup v2 delegation when rootless)
    #[arg(long, value_name = "N")]
    pub cpus: Option<String>,
    /// Process limit (needs cgroup v2 delegation when rootless)
    #[arg(long, value_name = "N")]
    pub pids_limit: Option<String>,
    /// Mount a volume or host path: NAME:/PATH, /HOST/PATH:/PATH or /PATH (anonymous), with
    /// options after a second colon: ro, rw, z, Z, U, nocopy, noexec, nosuid, nodev
    #[arg(short, long = "volume", value_name = "[SRC:]DST[:OPTS]")]
    pub volume: Vec<String>,
    /// Mount: type=bind|volume|tmpfs|image,src=SOURCE,dst=PATH[,ro][,...]
    #[arg(long, value_name = "type=TYPE,...")]
    pub mount: Vec<String>,
    /// Mount a tmpfs at PATH (options: size=, mode=, uid=, gid=, ro, exec, suid, dev)
    #[arg(long, value_name = "PATH[:OPTS]")]
    pub tmpfs: Vec<String>,
    /// Mount the volumes and binds of another container, optionally read-only
    #[arg(long, value_name = "CONTAINER[:ro|rw]")]
    pub volumes_from: Vec<String>,
    #[command(flatten)]
    pub podman: crate::cli_more::PodmanCreateArgs,
    #[command(flatten)]
    pub registry: RegistryOpts,
    /// The image to run
    pub image: String,
    /// The command and its arguments [default: the image's entrypoint and cmd]
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Run in the background and print the container ID
    #[arg(short, long)]
    pub detach: bool,
    /// Forward signals hutch receives to the container
    #[arg(long, default_value_t = true, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub sig_proxy: bool,
    /// Key sequence that detaches from the container [default: ctrl-p,ctrl-q]
    #[arg(long, value_name = "KEYS")]
    pub detach_keys: Option<String>,
    /// Remove the image once the container has exited and been removed (with --rm)
    #[arg(long)]
    pub rmi: bool,
    /// Attach only these streams: stdin, stdout, stderr (repeat for several) [default: all]
    #[arg(short, long, value_name = "STREAM")]
    pub attach: Vec<String>,
    /// Pass N more file descriptors (3 to 3+N-1 of hutch's) into the container
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub preserve_fds: u32,
    #[command(flatten)]
    pub create: CreateArgs,
}

#[derive(Debug, Args)]
pub struct StartArgs {
    /// Containers to start
    #[arg(required_unless_present = "all")]
    pub containers: Vec<String>,
    /// Start every container that is not running (matching --filter)
    #[arg(long, conflicts_with = "containers")]
    pub all: bool,
    /// With --all: only containers matching KEY=VALUE (as ps --filter, and restart-policy=)
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Attach to the container's output and wait for it
    #[arg(short, long)]
    pub attach: bool,
    /// Attach the container's input too
    #[arg(short, long)]
    pub interactive: bool,
    /// Key sequence that detaches from the container [default: ctrl-p,ctrl-q]
    #[arg(long, value_name = "KEYS")]
    pub detach_keys: Option<String>,
    /// Forward signals hutch receives to the container (with --attach)
    #[arg(long, default_value_t = true, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub sig_proxy: bool,
}

#[derive(Debug, Args)]
pub struct StopArgs {
    /// Containers to stop
    pub containers: Vec<String>,
    /// Seconds to wait before killing the container [default: its stop timeout]
    #[arg(short, long = "time", value_name = "SECONDS")]
    pub time: Option<u32>,
    /// Stop every running container
    #[arg(short, long)]
    pub all: bool,
    /// Ignore containers that do not exist
    #[arg(short, long)]
    pub ignore: bool,
    /// Stop the container whose ID is in FILE (written by run --cidfile)
    #[arg(long, value_name = "FILE")]
    pub cidfile: Vec<PathBuf>,
    /// Stop the containers matching KEY=VALUE (as ps --filter)
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
}

#[derive(Debug, Args)]
pub struct KillArgs {
    /// Containers to signal
    pub containers: Vec<String>,
    /// Signal to send
    #[arg(short, long, default_value = "KILL")]
    pub signal: String,
    /// Signal every running container
    #[arg(short, long)]
    pub all: bool,
    /// Signal the container whose ID is in FILE (written by run --cidfile)
    #[arg(long, value_name = "FILE")]
    pub cidfile: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RestartArgs {
    /// Containers to restart
    pub containers: Vec<String>,
    /// Seconds to wait before killing the container [default: its stop timeout]
    #[arg(short, long = "time", value_name = "SECONDS")]
    pub time: Option<u32>,
    /// Restart every container
    #[arg(short, long)]
    pub all: bool,
    /// With --all: only the running containers
    #[arg(long)]
    pub running: bool,
    /// Restart the container whose ID is in FILE (written by run --cidfile)
    #[arg(long, value_name = "FILE")]
    pub cidfile: Vec<PathBuf>,
    /// Restart the containers matching KEY=VALUE (as ps --filter)
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
}

#[derive(Debug, Args)]
pub struct RmArgs {
    /// Containers to remove
    pub containers: Vec<String>,
    /// Remove running containers too (they are killed)
    #[arg(short, long)]
    pub force: bool,
    /// Remove the container's anonymous volumes too
    #[arg(short, long)]
    pub volumes: bool,
    /// Remove every container
    #[arg(short, long)]
    pub all: bool,
    /// Seconds to wait for a running container to stop before killing it (with --force)
    #[arg(short, long = "time", value_name = "SECONDS")]
    pub time: Option<u32>,
    /// Ignore containers that do not exist
    #[arg(short, long)]
    pub ignore: bool,
    /// Remove the containers that depend on it (--network container:) first
    #[arg(long)]
    pub depend: bool,
    /// Remove the container whose ID is in FILE (written by run --cidfile), then the file
    #[arg(long, value_name = "FILE")]
    pub cidfile: Vec<PathBuf>,
    /// Remove the containers matching KEY=VALUE (as ps --filter)
    #[arg(long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
}

#[derive(Debug, Args)]
pub struct PsArgs {
    /// Show every container, not only running ones
    #[arg(short, long)]
    pub all: bool,
    /// Show only container IDs
    #[arg(short, long)]
    pub quiet: bool,
    /// Show the N most recently created containers
    #[arg(short = 'n', long, value_name = "N")]
    pub last: Option<usize>,
    /// Show the most recently created container
    #[arg(short, long)]
    pub latest: bool,
    /// Do not truncate output
    #[arg(long)]
    pub no_trunc: bool,
    /// Show the size of each container's writable layer
    #[arg(short, long)]
    pub size: bool,
    /// Show the ID and name of each container's pod
    #[arg(short, long)]
    pub pod: bool,
    /// Filter: name=, id=, status=, label=, ancestor=, exited=, before=, since=, network=, pod=,
    /// volume=, restart-policy=, health=starting|healthy|unhealthy|none
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Output format: json, table, or a Go template such as {{.ID}} {{.Names}}
    #[arg(long)]
    pub format: Option<String>,
    /// Do not print the table header
    #[arg(long)]
    pub noheading: bool,
    /// Sort by: command, created, id, image, names, runningfor, size, status [default: created,
    /// oldest first]
    #[arg(long, value_name = "FIELD", value_parser = ["command", "created", "id", "image", "names", "runningfor", "size", "status"])]
    pub sort: Option<String>,
    /// Show containers in storage not made by hutch: hutch has none of those, so this lists
    /// every container (as --all)
    #[arg(long)]
    pub external: bool,
}

#[derive(Debug, Args)]
pub struct LogsArgs {
    /// Containers whose logs to show
    pub containers: Vec<String>,
    /// Follow the log as the container writes it
    #[arg(short, long)]
    pub follow: bool,
    /// Show only the last N lines (-1: all)
    #[arg(long, default_value_t = -1, allow_negative_numbers = true, value_name = "N")]
    pub tail: i64,
    /// Show lines since this time (RFC 3339, Unix seconds, or a duration like 10m)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Show lines until this time (RFC 3339, Unix seconds, or a duration like 10m)
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Show timestamps
    #[arg(short, long)]
    pub timestamps: bool,
    /// Prefix each line with the container's name (with several containers)
    #[arg(short, long)]
    pub names: bool,
    /// Use the most recently created container
    #[arg(short, long)]
    pub latest: bool,
}

#[derive(Debug, Args)]
pub struct WaitArgs {
    /// Containers to wait for
    #[arg(required = true)]
    pub containers: Vec<String>,
    /// State to wait for: stopped, exited, running, created, paused
    #[arg(long, value_name = "STATE")]
    pub condition: Vec<String>,
    /// Ignore containers that do not exist
    #[arg(long)]
    pub ignore: bool,
}

#[derive(Debug, Args)]
pub struct ExecArgs {
    /// Keep standard input open
    #[arg(short, long)]
    pub interactive: bool,
    /// Allocate a pseudo-terminal
    #[arg(short, long)]
    pub tty: bool,
    /// Run the process in the background
    #[arg(short, long)]
    pub detach: bool,
    /// Set an environment variable KEY=VALUE
    #[arg(short, long = "env", value_name = "KEY[=VALUE]")]
    pub env: Vec<String>,
    /// Read environment variables from a file
    #[arg(long, value_name = "FILE")]
    pub env_file: Vec<PathBuf>,
    /// User (name or UID) and optionally group
    #[arg(short, long, value_name = "USER[:GROUP]")]
    pub user: Option<String>,
    /// Working directory inside the container
    #[arg(short, long, value_name = "DIR")]
    pub workdir: Option<String>,
    /// Give the process every capability
    #[arg(long)]
    pub privileged: bool,
    /// Key sequence that detaches from the process [default: ctrl-p,ctrl-q]
    #[arg(long, value_name = "KEYS")]
    pub detach_keys: Option<String>,
    /// Pass N more file descriptors (3 to 3+N-1 of hutch's) to the process
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub preserve_fds: u32,
    /// The container
    pub container: String,
    /// The command and its arguments
    #[arg(required = true, trailing_var_arg = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
}

#[derive(Debug, Args)]
pub struct AttachArgs {
    /// The container
    pub container: String,
    /// Do not attach standard input
    #[arg(long)]
    pub no_stdin: bool,
    /// Forward signals hutch receives to the container
    #[arg(long, default_value_t = true, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub sig_proxy: bool,
    /// Key sequence that detaches from the container [default: ctrl-p,ctrl-q]
    #[arg(long, value_name = "KEYS")]
    pub detach_keys: Option<String>,
}

#[derive(Debug, Args)]
pub struct PauseArgs {
    pub containers: Vec<String>,
    /// Every running container
    #[arg(short, long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct RenameArgs {
    pub container: String,
    pub new_name: String,
}

#[derive(Debug, Args)]
pub struct ContainerExistsArgs {
    pub container: String,
}

#[derive(Debug, Args)]
pub struct ContainerPruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CleanupArgs {
    pub containers: Vec<String>,
    /// Clean up every exited container
    #[arg(short, long)]
    pub all: bool,
    /// Remove the container after cleaning up
    #[arg(long)]
    pub rm: bool,
}

#[derive(Debug, Subcommand)]
pub enum ImageCommand {
    /// List images in local storage
    #[command(alias = "ls", alias = "list")]
    Images(Lazy<ImagesArgs>),
    /// Display the configuration of one or more images
    Inspect(Lazy<InspectArgs>),
    /// Remove one or more images
    #[command(alias = "remove")]
    Rm(Lazy<RmiArgs>),
    /// Pull an image from a registry
    Pull(Lazy<PullArgs>),
    /// Push an image to a registry
    Push(Lazy<PushArgs>),
    /// Search a registry for images
    Search(Lazy<SearchArgs>),
    /// Add an additional name to a local image
    Tag(Lazy<TagArgs>),
    /// Remove names from a local image (every name when only the image is given)
    Untag(Lazy<crate::cli_more::UntagArgs>),
    /// Remove unused images
    Prune(Lazy<PruneArgs>),
    /// Check whether an image exists in local storage (exit 0 if it does, 1 if not)
    Exists(Lazy<ExistsArgs>),
    /// Show the history of an image
    History(Lazy<HistoryArgs>),
    /// Show the layers of an image as a tree
    Tree(Lazy<TreeArgs>),
    /// Mount an image's root filesystem (read-only) and print where
    Mount(Lazy<ImageMountArgs>),
    /// Manage image trust policy (refused: hutch does not verify signatures yet)
    Trust(Lazy<RefusedArgs>),
    /// Sign an image (refused: hutch does not sign images yet)
    Sign(Lazy<RefusedArgs>),
    /// Unmount an image's root filesystem
    #[command(alias = "umount")]
    Unmount(Lazy<ImageUnmountArgs>),
    /// Save images to an archive or a directory
    Save(Lazy<SaveArgs>),
    /// Load images from an archive or a directory
    Load(Lazy<LoadArgs>),
    /// Create an image from a tarball of a root filesystem
    Import(Lazy<ImportArgs>),
    /// Build an image from a Containerfile or Dockerfile
    Build(Lazy<Box<BuildArgs>>),
}

#[derive(Debug, Subcommand)]
pub enum BuilderCommand {
    /// Remove the build cache: the step images nothing else uses, and cache mounts
    Prune(Lazy<BuilderPruneArgs>),
}

#[derive(Debug, Subcommand)]
pub enum BuildxCommand {
    /// Build an image from a Containerfile or Dockerfile (the same as build)
    Build(Lazy<Box<BuildxBuildArgs>>),
}

// `buildx build`: build's flags, and buildx flags that change nothing here.
#[derive(Debug, Args)]
pub struct BuildxBuildArgs {
    #[command(flatten)]
    pub build: BuildArgs,
    /// Load the image into the local store (accepted: it always is)
    #[arg(long)]
    pub load: bool,
    /// Progress output: auto, plain, tty or quiet (accepted: the output is plain on a pipe)
    #[arg(long, value_name = "TYPE")]
    pub progress: Option<String>,
}

#[derive(Debug, Args)]
pub struct BuilderPruneArgs {
    /// Remove everything, also what a named image shares (accepted: the same here)
    #[arg(short, long)]
    pub all: bool,
    /// Do not ask for confirmation (accepted: hutch does not ask)
    #[arg(short, long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The build context: a directory, a tar archive, - for a tar on standard input, or a
    /// git or http(s) URL [default: .]
    pub context: Option<String>,
    /// Name (and tag) for the image; may be given several times
    #[arg(short, long = "tag", value_name = "NAME")]
    pub tag: Vec<String>,
    /// The Containerfile or Dockerfile (- for standard input) [default: Containerfile, then
    /// Dockerfile, in the context]
    #[arg(short, long = "file", value_name = "FILE")]
    pub file: Vec<String>,
    /// A build argument, NAME=VALUE (NAME alone takes the value from the environment)
    #[arg(long, value_name = "NAME=VALUE")]
    pub build_arg: Vec<String>,
    /// A file of build arguments, one NAME=VALUE a line
    #[arg(long, value_name = "FILE")]
    pub build_arg_file: Vec<PathBuf>,
    /// The stage to build [default: the last]
    #[arg(long, value_name = "STAGE")]
    pub target: Option<String>,
    /// Do not use cached step images
    #[arg(long)]
    pub no_cache: bool,
    /// Pull base images: always, missing, never or newer (bare --pull: always)
    #[arg(long, num_args = 0..=1, default_missing_value = "always", value_name = "POLICY")]
    pub pull: Option<String>,
    /// Pull base images always (docker's spelling)
    #[arg(long, hide = true)]
    pub pull_always: bool,
    /// Pull base images never
    #[arg(long, hide = true)]
    pub pull_never: bool,
    /// A label for the image, KEY=VALUE
    #[arg(long, value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// An annotation for the image's manifest, KEY=VALUE
    #[arg(long, value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,
    /// Network for RUN: none, host, pasta, slirp4netns or a network name [default: the
    /// containers.conf default]
    #[arg(long, value_name = "MODE")]
    pub network: Option<String>,
    /// A volume for every RUN, as run's -v
    #[arg(short, long, value_name = "SRC:DST[:OPTS]")]
    pub volume: Vec<String>,
    /// A secret for RUN --mount=type=secret: id=ID,src=PATH or id=ID,env=VAR
    #[arg(long, value_name = "id=ID,src=PATH")]
    pub secret: Vec<String>,
    /// An SSH agent socket for RUN --mount=type=ssh: default or ID=SOCKET
    #[arg(long, value_name = "default|ID=SOCKET")]
    pub ssh: Vec<String>,
    /// Write the image ID to this file
    #[arg(long, value_name = "FILE")]
    pub iidfile: Option<PathBuf>,
    /// Print only the image ID
    #[arg(short, long)]
    pub quiet: bool,
    /// Keep and reuse each step's image
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true", default_value = "true")]
    pub layers: bool,
    /// Squash the final image's new layers into one on top of its base image's
    #[arg(long)]
    pub squash: bool,
    /// Squash all of the final image's layers, its base image's included, into one
    #[arg(long, conflicts_with = "squash")]
    pub squash_all: bool,
    /// Image format: oci or docker
    #[arg(long, default_value = "oci", value_name = "FORMAT")]
    pub format: String,
    /// Platform to build for, OS/ARCH[/VARIANT] (only this host's)
    #[arg(long, value_name = "OS/ARCH")]
    pub platform: Option<String>,
    /// Look up steps not in the local cache in this registry repository (images tagged by
    /// cache key) or OCI layout directory (a path, or oci:PATH), and pull them from there
    #[arg(long, value_name = "REPOSITORY|DIR", value_delimiter = ',')]
    pub cache_from: Vec<String>,
    /// Push each step's image to this registry repository (tagged by its cache key) or write
    /// it into this OCI layout directory (a path, or oci:PATH)
    #[arg(long, value_name = "REPOSITORY|DIR")]
    pub cache_to: Option<String>,
    /// Remove intermediate containers (accepted: they always are)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub rm: Option<bool>,
    /// Remove intermediate containers also after a failure (accepted: they always are)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub force_rm: Option<bool>,
    #[command(flatten)]
    pub registry: RegistryOpts,
}

#[derive(Debug, Args)]
pub struct SaveArgs {
    /// The images to save (with -m, each may be a different image; otherwise extra names are
    /// more tags of the first)
    #[arg(required = true, value_name = "IMAGE")]
    pub images: Vec<String>,
    /// Write to this file (or directory, for the dir formats) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Layout: docker-archive, oci-archive, oci-dir or docker-dir
    #[arg(long, default_value = "docker-archive", value_name = "FORMAT")]
    pub format: String,
    /// Put several images into one docker-archive
    #[arg(short, long = "multi-image-archive")]
    pub multi_image_archive: bool,
    /// Compress the layers with gzip (oci-dir and docker-dir only)
    #[arg(long)]
    pub compress: bool,
    /// Accepted for podman compatibility: layers are written uncompressed
    #[arg(long)]
    pub uncompressed: bool,
    /// Do not print progress
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct LoadArgs {
    /// Read from this archive or directory instead of standard input
    #[arg(short, long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Do not print progress
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The tarball to import, or - for standard input
    pub path: String,
    /// Name of the new image, REPOSITORY[:TAG] [default: none]
    pub reference: Option<String>,
    /// Apply a Dockerfile instruction: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL,
    /// USER, VOLUME, WORKDIR (e.g. -c CMD=/bin/sh or -c 'ENV=A=1')
    #[arg(short, long, value_name = "INSTRUCTION")]
    pub change: Vec<String>,
    /// Commit message, stored in the image's history
    #[arg(short, long)]
    pub message: Option<String>,
    /// Platform of the image, OS/ARCH[/VARIANT] [default: this host's]
    #[arg(long)]
    pub platform: Option<String>,
    /// Operating system of the image
    #[arg(long)]
    pub os: Option<String>,
    /// Architecture of the image
    #[arg(long)]
    pub arch: Option<String>,
    /// Architecture variant of the image
    #[arg(long)]
    pub variant: Option<String>,
    /// Do not print progress
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct VersionArgs {
    /// Output format: json or a Go template
    #[arg(short, long)]
    pub format: Option<String>,
}

#[derive(Debug, Args)]
pub struct InfoArgs {
    /// Output format: json, yaml or a Go template
    #[arg(short, long)]
    pub format: Option<String>,
}

#[derive(Debug, Args)]
pub struct UnshareArgs {
    /// The command to run [default: $SHELL]
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
}

// Registry connection options shared by every command that talks to a registry. (A plain
// comment: a doc comment would become the about text of every command that flattens it.)
#[derive(Debug, Args, Clone, Default)]
pub struct RegistryOpts {
    /// Require HTTPS and verify certificates (false also allows plain HTTP)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
    /// Directory with certificates (*.crt, *.cert, *.key) for the registry
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<PathBuf>,
    /// Credentials USERNAME[:PASSWORD] for the registry
    #[arg(long, value_name = "USER[:PASS]")]
    pub creds: Option<String>,
    /// Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]
    #[arg(long, value_name = "PATH", env = "REGISTRY_AUTH_FILE")]
    pub authfile: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PullArgs {
    /// Image to pull, e.g. busybox, quay.io/org/image:tag, host:5000/img@sha256:...
    pub image: String,
    #[command(flatten)]
    pub registry: RegistryOpts,
    /// Platform to select from a manifest list, OS/ARCH[/VARIANT]
    #[arg(long)]
    pub platform: Option<String>,
    /// Architecture to select from a manifest list
    #[arg(long)]
    pub arch: Option<String>,
    /// OS to select from a manifest list
    #[arg(long)]
    pub os: Option<String>,
    /// Architecture variant to select from a manifest list
    #[arg(long)]
    pub variant: Option<String>,
    /// Print only the image ID
    #[arg(short, long)]
    pub quiet: bool,
    /// Pull every tagged image in the repository
    #[arg(short, long)]
    pub all_tags: bool,
}

#[derive(Debug, Args)]
pub struct ImagesArgs {
    /// Show only images matching this repository name
    pub reference: Option<String>,
    /// Show all images, including intermediate ones
    #[arg(short, long)]
    pub all: bool,
    /// Show only image IDs
    #[arg(short, long)]
    pub quiet: bool,
    /// Show digests
    #[arg(long)]
    pub digests: bool,
    /// Do not truncate output
    #[arg(long)]
    pub no_trunc: bool,
    /// Do not print the table header
    #[arg(long, short = 'n')]
    pub noheading: bool,
    /// Output format: json, table, or a Go template such as {{.Repository}}:{{.Tag}}
    #[arg(long)]
    pub format: Option<String>,
    /// Filter output (dangling=true|false, reference=PATTERN, id=ID, label=KEY[=VALUE])
    #[arg(short, long)]
    pub filter: Vec<String>,
    /// Sort by: created, id, repository, size, tag
    #[arg(long, value_name = "FIELD", default_value = "created")]
    pub sort: String,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Images to inspect
    #[arg(required = true)]
    pub names: Vec<String>,
    /// Output format: json or a Go template such as {{.Id}}
    #[arg(short, long)]
    pub format: Option<String>,
    /// Type of object to inspect: container, image, volume, network, pod or all
    #[arg(short = 't', long = "type", default_value = "all")]
    pub kind: String,
}

#[derive(Debug, Args)]
pub struct RmiArgs {
    /// Images to remove
    pub images: Vec<String>,
    /// Remove all images
    #[arg(short, long)]
    pub all: bool,
    /// Remove even when containers use the image
    #[arg(short, long)]
    pub force: bool,
    /// Do not fail when an image does not exist
    #[arg(short, long)]
    pub ignore: bool,
}

#[derive(Debug, Args)]
pub struct TagArgs {
    /// The image to tag
    pub image: String,
    /// New names for the image
    #[arg(required = true)]
    pub target_names: Vec<String>,
}

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Remove all unused images, not only dangling ones
    #[arg(short, long)]
    pub all: bool,
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Filter which images to prune
    #[arg(long)]
    pub filter: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ExistsArgs {
    pub image: String,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    pub image: String,
    /// Do not truncate output
    #[arg(long)]
    pub no_trunc: bool,
    /// Show only layer IDs
    #[arg(short, long)]
    pub quiet: bool,
    /// Display sizes and dates in human readable format
    #[arg(
        short = 'H',
        long,
        default_value_t = true,
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "true"
    )]
    pub human: bool,
    /// Output format: json or a Go template
    #[arg(long)]
    pub format: Option<String>,
}

#[derive(Debug, Args)]
pub struct TreeArgs {
    pub image: String,
}

#[derive(Debug, Args)]
pub struct ImageMountArgs {
    /// Images to mount; with none, list mounted images
    pub images: Vec<String>,
    /// Output format: json
    #[arg(long)]
    pub format: Option<String>,
}

#[derive(Debug, Args)]
pub struct ImageUnmountArgs {
    pub images: Vec<String>,
    /// Unmount all mounted images
    #[arg(short, long)]
    pub all: bool,
    /// Force the unmount even if other processes still use it
    #[arg(short, long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Registry to log in to: HOST[:PORT], or HOST[:PORT]/REPOSITORY for repository-scoped credentials
    pub registry: String,
    /// Username (asked for on a terminal when not given)
    #[arg(short, long)]
    pub username: Option<String>,
    /// Password (prefer --password-stdin, or the terminal prompt: a password on the command line is visible to other users)
    #[arg(short, long)]
    pub password: Option<String>,
    /// Read the password from standard input
    #[arg(long)]
    pub password_stdin: bool,
    /// Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]
    #[arg(long, value_name = "PATH", env = "REGISTRY_AUTH_FILE")]
    pub authfile: Option<PathBuf>,
    /// Require HTTPS and verify certificates (false also allows plain HTTP)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
    /// Directory with certificates (*.crt) for the registry
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<PathBuf>,
    /// Print the username stored for the registry and exit
    #[arg(long)]
    pub get_login: bool,
}

#[derive(Debug, Args)]
pub struct LogoutArgs {
    /// Registry to log out of (HOST[:PORT][/REPOSITORY])
    #[arg(required_unless_present = "all")]
    pub registry: Option<String>,
    /// Remove the credentials of every registry
    #[arg(short, long, conflicts_with = "registry")]
    pub all: bool,
    /// Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]
    #[arg(long, value_name = "PATH", env = "REGISTRY_AUTH_FILE")]
    pub authfile: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PushArgs {
    /// Local image to push
    pub image: String,
    /// Where to push it, [docker://]HOST[:PORT]/REPOSITORY[:TAG] [default: the image's name]
    pub destination: Option<String>,
    #[command(flatten)]
    pub registry: RegistryOpts,
    /// Manifest type of the destination: oci or v2s2 [default: the image's own]
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Layer compression: gzip or zstd
    #[arg(long, value_name = "ALGORITHM")]
    pub compression_format: Option<String>,
    /// Compression level: gzip 0-9 [default: 1], zstd 1-22 [default: 3]
    #[arg(long, value_name = "LEVEL")]
    pub compression_level: Option<i32>,
    /// Write the digest of the pushed manifest to this file
    #[arg(long, value_name = "PATH")]
    pub digestfile: Option<PathBuf>,
    /// Print no progress
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Term to search for: REGISTRY/TERM searches that registry's catalog
    pub term: String,
    /// Show at most this many results per registry
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Output format: table, json, or a Go template such as {{.Name}}
    #[arg(long)]
    pub format: Option<String>,
    /// Do not truncate output
    #[arg(long)]
    pub no_trunc: bool,
    /// List the tags of REGISTRY/REPOSITORY instead
    #[arg(long)]
    pub list_tags: bool,
    /// Filter: stars=N, is-official=BOOL, is-automated=BOOL (catalogs know neither)
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,
    /// Require HTTPS and verify certificates (false also allows plain HTTP)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
    /// Credentials USERNAME[:PASSWORD] for the registry
    #[arg(long, value_name = "USER[:PASS]")]
    pub creds: Option<String>,
    /// Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]
    #[arg(long, value_name = "PATH", env = "REGISTRY_AUTH_FILE")]
    pub authfile: Option<PathBuf>,
    /// Directory with certificates (*.crt) for the registry
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ManifestCommand {
    /// Create a manifest list, optionally with images in it
    Create(Lazy<ManifestCreateArgs>),
    /// Add an image to a manifest list
    Add(Lazy<ManifestAddArgs>),
    /// Set the platform or annotations of an entry of a manifest list
    Annotate(Lazy<ManifestAnnotateArgs>),
    /// Show a manifest list
    Inspect(Lazy<ManifestInspectArgs>),
    /// Push a manifest list (and with --all its images) to a registry
    Push(Lazy<ManifestPushArgs>),
    /// Remove manifest lists
    Rm(Lazy<ManifestRmArgs>),
    /// Remove an image from a manifest list
    Remove(Lazy<ManifestRemoveArgs>),
}

#[derive(Debug, Args)]
pub struct ManifestCreateArgs {
    /// Name of the new list
    pub list: String,
    /// Local images to add
    pub images: Vec<String>,
    /// Write a Docker manifest list instead of an OCI index (v2s2)
    #[arg(long, value_name = "FORMAT", default_value = "oci")]
    pub format: String,
    /// Replace a list of that name
    #[arg(long)]
    pub amend: bool,
}

#[derive(Debug, Args)]
pub struct ManifestAddArgs {
    /// The list
    pub list: String,
    /// Image to add: a local image (containers-storage:NAME to insist), or a registry image
    /// (docker://REF, or a name not in local storage), which is pulled first, for the
    /// platform --os/--arch/--variant name when it is a manifest list
    pub image: String,
    #[command(flatten)]
    pub registry: RegistryOpts,
    /// When the image is a manifest list in a registry, add every image it names
    #[arg(long)]
    pub all: bool,
    /// Override the entry's architecture
    #[arg(long)]
    pub arch: Option<String>,
    /// Override the entry's OS
    #[arg(long)]
    pub os: Option<String>,
    /// Override the entry's architecture variant
    #[arg(long)]
    pub variant: Option<String>,
    /// Annotation KEY=VALUE for the entry
    #[arg(long)]
    pub annotation: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ManifestAnnotateArgs {
    /// The list
    pub list: String,
    /// The entry: an image name or ID, or its manifest digest
    pub image: String,
    /// Set the entry's architecture
    #[arg(long)]
    pub arch: Option<String>,
    /// Set the entry's OS
    #[arg(long)]
    pub os: Option<String>,
    /// Set the entry's architecture variant
    #[arg(long)]
    pub variant: Option<String>,
    /// Annotation KEY=VALUE for the entry
    #[arg(long)]
    pub annotation: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ManifestInspectArgs {
    /// The list
    pub list: String,
}

#[derive(Debug, Args)]
pub struct ManifestPushArgs {
    /// The list
    pub list: String,
    /// Where to push it [default: the list's name]
    pub destination: Option<String>,
    /// Push the images of the list too (--all=false pushes only the list)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_value = "true", default_missing_value = "true")]
    pub all: bool,
    #[command(flatten)]
    pub registry: RegistryOpts,
    /// Manifest type of the images pushed with --all: oci or v2s2
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Layer compression: gzip or zstd
    #[arg(long, value_name = "ALGORITHM")]
    pub compression_format: Option<String>,
    /// Compression level: gzip 0-9 [default: 1], zstd 1-22 [default: 3]
    #[arg(long, value_name = "LEVEL")]
    pub compression_level: Option<i32>,
    /// Write the digest of the pushed list to this file
    #[arg(long, value_name = "PATH")]
    pub digestfile: Option<PathBuf>,
    /// Remove the local list after a successful push
    #[arg(long)]
    pub rm: bool,
    /// Print no progress
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct ManifestRmArgs {
    /// Lists to remove
    #[arg(required = true)]
    pub lists: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ManifestRemoveArgs {
    /// The list
    pub list: String,
    /// Manifest digest of the entry to remove
    pub digest: String,
}

#[derive(Debug, Subcommand)]
pub enum VolumeCommand {
    /// Create a volume
    Create(Lazy<VolumeCreateArgs>),
    /// List volumes
    #[command(alias = "list")]
    Ls(Lazy<VolumeLsArgs>),
    /// Display the configuration of one or more volumes
    Inspect(Lazy<VolumeInspectArgs>),
    /// Remove one or more volumes
    #[command(alias = "remove")]
    Rm(Lazy<VolumeRmArgs>),
    /// Remove every volume no container uses
    Prune(Lazy<VolumePruneArgs>),
    /// Check whether a volume exists (exit 0 if it does, 1 if not)
    Exists(Lazy<VolumeExistsArgs>),
    /// Write a volume's content to a tar archive
    Export(Lazy<VolumeExportArgs>),
    /// Extract a tar archive into a volume
    Import(Lazy<VolumeImportArgs>),
    /// Print where a volume's data is on the host
    Mount(Lazy<VolumeMountArgs>),
    /// Unmount a volume (local volumes need no unmounting: does nothing)
    #[command(alias = "umount")]
    Unmount(Lazy<VolumeUnmountArgs>),
}

#[derive(Debug, Args)]
pub struct VolumeCreateArgs {
    /// Name of the volume [default: a random 64-character ID]
    pub name: Option<String>,
    /// Volume driver (only local)
    #[arg(short, long, default_value = "local")]
    pub driver: String,
    /// Driver option: type=tmpfs|bind, device=PATH, o=MOUNT-OPTIONS (a plain volume: o=uid=N,gid=N)
    #[arg(short, long = "opt", value_name = "KEY=VALUE")]
    pub opt: Vec<String>,
    /// Add a label KEY[=VALUE]
    #[arg(short, long, value_name = "KEY[=VALUE]")]
    pub label: Vec<String>,
    /// Do nothing (and succeed) if the volume already exists
    #[arg(long)]
    pub ignore: bool,
}

#[derive(Debug, Args)]
pub struct VolumeLsArgs {
    /// Filter: name=, label=KEY[=VALUE], label!=, driver=, dangling=true|false
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Output format: json, table, or a Go template such as {{.Name}}
    #[arg(long)]
    pub format: Option<String>,
    /// Show only volume names
    #[arg(short, long)]
    pub quiet: bool,
    /// Do not print the table header
    #[arg(long, short = 'n')]
    pub noheading: bool,
}

#[derive(Debug, Args)]
pub struct VolumeInspectArgs {
    /// Volumes to inspect
    pub names: Vec<String>,
    /// Inspect every volume
    #[arg(short, long)]
    pub all: bool,
    /// Output format: json or a Go template such as {{.Mountpoint}}
    #[arg(short, long)]
    pub format: Option<String>,
}

#[derive(Debug, Args)]
pub struct VolumeRmArgs {
    /// Volumes to remove
    pub names: Vec<String>,
    /// Remove every volume
    #[arg(short, long)]
    pub all: bool,
    /// Remove the containers that use the volume too
    #[arg(short, long)]
    pub force: bool,
    /// Seconds to wait for a running container to stop (with --force)
    #[arg(short, long = "time", value_name = "SECONDS")]
    pub time: Option<u32>,
}

#[derive(Debug, Args)]
pub struct VolumePruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Prune only volumes matching: label=, label!=, name=, until=
    #[arg(long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
}

#[derive(Debug, Args)]
pub struct VolumeExistsArgs {
    pub name: String,
}

#[derive(Debug, Args)]
pub struct VolumeExportArgs {
    pub name: String,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct VolumeImportArgs {
    pub name: String,
    /// The tar archive, or - for standard input
    pub source: String,
}

#[derive(Debug, Args)]
pub struct HelpArgs {
    /// The command, and subcommand, to show the help of
    pub command: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum HealthcheckCommand {
    /// Run a container's healthcheck now and print its result
    Run(Lazy<HealthcheckRunArgs>),
    /// (internal) Called by the container's monitor when its health status changes
    #[command(hide = true)]
    Changed(Lazy<HealthcheckChangedArgs>),
}

#[derive(Debug, Args)]
pub struct HealthcheckRunArgs {
    /// Container name or ID
    pub container: String,
}

#[derive(Debug, Args)]
pub struct HealthcheckChangedArgs {
    pub container: String,
    pub status: String,
}

#[derive(Debug, Subcommand)]
pub enum SystemCommand {
    /// Show disk usage of images, containers and volumes
    Df(Lazy<SystemDfArgs>),
    /// Remove stopped containers, dangling images and (with --volumes) unused volumes
    Prune(Lazy<SystemPruneArgs>),
    /// Remove everything hutch stores for this user: containers, images, volumes, storage
    Reset(Lazy<SystemResetArgs>),
    /// Serve the Docker Engine API on a unix socket, for docker, docker-py, compose and testcontainers
    #[command(
        long_about = "Serve the Docker Engine API (version 1.47, down to 1.24) on a unix socket, so that the docker CLI, docker-py, docker-compose and testcontainers work with hutch. The service runs the same engine code as hutch's commands and shares their store: hutch commands never need it, and both can work at once. It exits after --time seconds without a request or an open connection.",
        after_long_help = "Socket activation: install contrib/systemd/user/hutch.socket and hutch.service into ~/.config/systemd/user/, then\n\n    systemctl --user enable --now hutch.socket\n    export DOCKER_HOST=unix://$XDG_RUNTIME_DIR/hutch/hutch.sock\n\nThe first connection starts the service on the socket systemd passes it (LISTEN_FDS); it exits again when idle, and containers keep running.\n\nWithout systemd: hutch system service --time 0 &\n\nThe socket is made 0600 in a 0700 directory. tcp://HOST:PORT serves the API without any authentication: anyone who can connect can run containers as you."
    )]
    Service(Lazy<SystemServiceArgs>),
}

#[derive(Debug, Args)]
pub struct SystemServiceArgs {
    /// Exit after this many seconds with no request and no open connection (0: never)
    #[arg(short, long, default_value_t = 5, value_name = "SECONDS")]
    pub time: u64,
    /// Where to listen: unix:///PATH (default unix://$XDG_RUNTIME_DIR/hutch/hutch.sock) or tcp://HOST:PORT (no authentication)
    pub uri: Option<String>,
}

#[derive(Debug, Args)]
pub struct SystemDfArgs {
    /// Show each image, container and volume
    #[arg(short, long)]
    pub verbose: bool,
    /// Output format: json or a Go template such as {{.Type}} {{.Size}}
    #[arg(long)]
    pub format: Option<String>,
}

#[derive(Debug, Args)]
pub struct SystemPruneArgs {
    /// Remove every unused image, not only dangling ones
    #[arg(short, long)]
    pub all: bool,
    /// Remove volumes no container uses too
    #[arg(long)]
    pub volumes: bool,
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct SystemResetArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum NetworkCommand {
    /// Create a network
    Create(Lazy<NetworkCreateArgs>),
    /// List networks
    #[command(alias = "list")]
    Ls(Lazy<NetworkLsArgs>),
    /// Display the configuration of one or more networks
    Inspect(Lazy<NetworkInspectArgs>),
    /// Remove one or more networks
    #[command(alias = "remove")]
    Rm(Lazy<NetworkRmArgs>),
    /// Remove networks no container uses
    Prune(Lazy<NetworkPruneArgs>),
    /// Check whether a network exists (exit 0 if it does, 1 if not)
    Exists(Lazy<NetworkExistsArgs>),
    /// Connect a container to a network
    Connect(Lazy<NetworkConnectArgs>),
    /// Disconnect a container from a network
    Disconnect(Lazy<NetworkDisconnectArgs>),
    /// Redo the network set-up (addresses, firewall rules, DNS) of running containers
    Reload(Lazy<NetworkReloadArgs>),
}

#[derive(Debug, Args)]
pub struct NetworkCreateArgs {
    /// Name of the network [default: podmanN]
    pub name: Option<String>,
    /// Network driver (only bridge)
    #[arg(short, long, value_name = "DRIVER", default_value = "bridge")]
    pub driver: String,
    /// Subnet in CIDR form [default: the next free /24 from 10.89.0.0]
    #[arg(long, value_name = "CIDR")]
    pub subnet: Option<String>,
    /// Gateway address of the subnet [default: its first address]
    #[arg(long, value_name = "IP")]
    pub gateway: Option<String>,
    /// Allocate container addresses from this part of the subnet only (CIDR)
    #[arg(long, value_name = "CIDR")]
    pub ip_range: Option<String>,
    /// Restrict external access: no route out of the network
    #[arg(long)]
    pub internal: bool,
    /// Do not run aardvark-dns for this network (no name resolution between containers)
    #[arg(long)]
    pub disable_dns: bool,
    /// Driver options: mtu=N
    #[arg(short = 'o', long = "opt", value_name = "KEY=VALUE")]
    pub opt: Vec<String>,
    /// Set metadata on the network (KEY=VALUE)
    #[arg(long, value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// Do not fail if a network of that name exists
    #[arg(long)]
    pub ignore: bool,
}

#[derive(Debug, Args)]
pub struct NetworkLsArgs {
    /// Output format: json or a Go template ({{.ID}} {{.Name}} {{.Driver}} {{.Labels}} ...)
    #[arg(long)]
    pub format: Option<String>,
    /// Print only the network names (as podman)
    #[arg(short, long)]
    pub quiet: bool,
    /// Do not print the header
    #[arg(long)]
    pub noheading: bool,
    /// Do not truncate the network IDs
    #[arg(long)]
    pub no_trunc: bool,
    /// Filter: name=NAME, id=ID, label=KEY[=VALUE], driver=DRIVER
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,
}

#[derive(Debug, Args)]
pub struct NetworkInspectArgs {
    #[arg(required = true)]
    pub networks: Vec<String>,
    /// Output format: json or a Go template
    #[arg(short, long)]
    pub format: Option<String>,
}

#[derive(Debug, Args)]
pub struct NetworkRmArgs {
    #[arg(required = true)]
    pub networks: Vec<String>,
    /// Remove the containers that use the network too
    #[arg(short, long)]
    pub force: bool,
    /// Seconds to wait for those containers to stop before killing them
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u32>,
}

#[derive(Debug, Args)]
pub struct NetworkPruneArgs {
    /// Do not ask for confirmation (hutch never asks)
    #[arg(short, long)]
    pub force: bool,
    /// Filter: label=KEY[=VALUE]
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,
}

#[derive(Debug, Args)]
pub struct NetworkExistsArgs {
    pub network: String,
}

#[derive(Debug, Args)]
pub struct NetworkConnectArgs {
    pub network: String,
    pub container: String,
    /// Another name the container is known by on this network
    #[arg(long, value_name = "NAME")]
    pub alias: Vec<String>,
    /// The container's IPv4 address on this network
    #[arg(long, value_name = "IP")]
    pub ip: Option<String>,
    /// The container's MAC address on this network
    #[arg(long, value_name = "MAC")]
    pub mac_address: Option<String>,
}

#[derive(Debug, Args)]
pub struct NetworkDisconnectArgs {
    pub network: String,
    pub container: String,
    /// Accepted for compatibility
    #[arg(short, long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct NetworkReloadArgs {
    pub containers: Vec<String>,
    /// Reload every running container
    #[arg(short, long)]
    pub all: bool,
}
