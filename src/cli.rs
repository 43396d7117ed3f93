//! Every flag hutch accepts, defined once. Parsing, `--help`, man pages and shell completions are
//! all generated from these structs (see `xtask`).

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

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
    pub command: Command,
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
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the hutch version
    Version(VersionArgs),
    /// Show information about the host and the hutch set-up
    Info(InfoArgs),
    /// Check the rootless set-up and print the command that fixes each problem
    Doctor,
    /// Run a command inside hutch's user namespace
    Unshare(UnshareArgs),
    /// Pull an image from a registry
    Pull(PullArgs),
    /// List images in local storage
    Images(ImagesArgs),
    /// Remove one or more images
    Rmi(RmiArgs),
    /// Add an additional name to a local image
    Tag(TagArgs),
    /// Show the history of an image
    History(HistoryArgs),
    /// Manage images
    #[command(subcommand)]
    Image(ImageCommand),
    /// Display the configuration of an object (image)
    Inspect(InspectArgs),
}

#[derive(Debug, Subcommand)]
pub enum ImageCommand {
    /// List images in local storage
    #[command(alias = "ls", alias = "list")]
    Images(ImagesArgs),
    /// Display the configuration of one or more images
    Inspect(InspectArgs),
    /// Remove one or more images
    #[command(alias = "remove")]
    Rm(RmiArgs),
    /// Pull an image from a registry
    Pull(PullArgs),
    /// Add an additional name to a local image
    Tag(TagArgs),
    /// Remove unused images
    Prune(PruneArgs),
    /// Check whether an image exists in local storage (exit 0 if it does, 1 if not)
    Exists(ExistsArgs),
    /// Show the history of an image
    History(HistoryArgs),
    /// Show the layers of an image as a tree
    Tree(TreeArgs),
    /// Mount an image's root filesystem (read-only) and print where
    Mount(ImageMountArgs),
    /// Unmount an image's root filesystem
    #[command(alias = "umount")]
    Unmount(ImageUnmountArgs),
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

/// Registry connection options shared by every command that talks to a registry.
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
    /// Pull every tagged image in the repository (not supported yet)
    #[arg(short, long, hide = true)]
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
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Images to inspect
    #[arg(required = true)]
    pub names: Vec<String>,
    /// Output format: json or a Go template such as {{.Id}}
    #[arg(short, long)]
    pub format: Option<String>,
    /// Type of object to inspect (image)
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
    #[arg(short = 'H', long, default_value_t = true, num_args = 0..=1, default_missing_value = "true")]
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
