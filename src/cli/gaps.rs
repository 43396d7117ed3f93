//! Flags of `secret`, `update`, `volume mount/unmount`, `container runlabel` and the refused
//! `image trust`/`image sign` (kept apart from the big list in cli.rs).

use clap::{Args, Subcommand};

use super::Lazy;

#[derive(Debug, Subcommand)]
pub enum SecretCommand {
    /// Create a secret from a file, standard input (-) or an environment variable (--env)
    Create(Lazy<SecretCreateArgs>),
    /// List secrets
    #[command(alias = "list")]
    Ls(Lazy<SecretLsArgs>),
    /// Display the details of one or more secrets (never their data)
    Inspect(Lazy<SecretInspectArgs>),
    /// Remove one or more secrets
    #[command(alias = "remove")]
    Rm(Lazy<SecretRmArgs>),
    /// Check whether a secret exists (exit 0 if it does, 1 if not)
    Exists(Lazy<SecretExistsArgs>),
}

#[derive(Debug, Args)]
pub struct SecretCreateArgs {
    /// Name of the secret
    pub name: String,
    /// File with the secret's data, - for standard input, or with --env the variable's name
    pub file: String,
    /// Secret driver (only file)
    #[arg(short, long, default_value = "file")]
    pub driver: String,
    /// Driver options KEY=VALUE,...
    #[arg(long, value_name = "KEY=VALUE")]
    pub driver_opts: Vec<String>,
    /// Read the data from the environment variable named by the second argument
    #[arg(long)]
    pub env: bool,
    /// Set a label KEY=VALUE on the secret
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub label: Vec<String>,
}

#[derive(Debug, Args)]
pub struct SecretLsArgs {
    /// Filter: name=, id=
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Output format: json, table, or a Go template such as {{.Name}}
    #[arg(long)]
    pub format: Option<String>,
    /// Do not print the table header
    #[arg(short, long)]
    pub noheading: bool,
    /// Show only secret IDs
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct SecretInspectArgs {
    /// Secrets to inspect (names or IDs)
    #[arg(required = true)]
    pub names: Vec<String>,
    /// Output format: json or a Go template such as {{.Spec.Name}}
    #[arg(short, long)]
    pub format: Option<String>,
}

#[derive(Debug, Args)]
pub struct SecretRmArgs {
    /// Secrets to remove (names or IDs)
    #[arg(required_unless_present = "all")]
    pub names: Vec<String>,
    /// Remove every secret
    #[arg(short, long, conflicts_with = "names")]
    pub all: bool,
    /// Ignore secrets that do not exist
    #[arg(short, long)]
    pub ignore: bool,
}

#[derive(Debug, Args)]
pub struct SecretExistsArgs {
    /// Secret name or ID
    pub name: String,
}

#[derive(Debug, Args)]
pub struct VolumeMountArgs {
    /// Volumes whose data directory to print
    #[arg(required = true)]
    pub names: Vec<String>,
}

#[derive(Debug, Args)]
pub struct VolumeUnmountArgs {
    /// Volumes to unmount (local volumes need no unmounting)
    #[arg(required = true)]
    pub names: Vec<String>,
}

// `update`: podman's resource flags and `--restart`.
#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// Container name or ID
    pub container: String,
    /// Memory limit, e.g. 512m (needs cgroup v2 delegation when rootless)
    #[arg(short, long, value_name = "SIZE")]
    pub memory: Option<String>,
    /// Memory soft limit
    #[arg(long, value_name = "SIZE")]
    pub memory_reservation: Option<String>,
    /// Memory plus swap limit; -1: unlimited swap
    #[arg(long, value_name = "SIZE", allow_hyphen_values = true)]
    pub memory_swap: Option<String>,
    /// Number of CPUs
    #[arg(long, value_name = "N")]
    pub cpus: Option<String>,
    /// CPU shares (relative weight)
    #[arg(short = 'c', long, value_name = "N")]
    pub cpu_shares: Option<u64>,
    /// CPU CFS period in microseconds
    #[arg(long, value_name = "N")]
    pub cpu_period: Option<u64>,
    /// CPU CFS quota in microseconds
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub cpu_quota: Option<i64>,
    /// CPUs to run on (0-3, 0,1)
    #[arg(long, value_name = "CPUS")]
    pub cpuset_cpus: Option<String>,
    /// Memory nodes to use (0-3, 0,1)
    #[arg(long, value_name = "NODES")]
    pub cpuset_mems: Option<String>,
    /// Process limit; -1: unlimited
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub pids_limit: Option<i64>,
    /// Block IO weight (10 to 1000)
    #[arg(long, value_name = "N")]
    pub blkio_weight: Option<u64>,
    /// New restart policy: no, always, on-failure[:N], unless-stopped
    #[arg(long, value_name = "POLICY")]
    pub restart: Option<String>,
}

// `container runlabel LABEL IMAGE [ARG...]`.
#[derive(Debug, Args)]
pub struct RunlabelArgs {
    /// The label whose command to run (e.g. INSTALL, RUN)
    pub label: String,
    /// The image that has the label
    pub image: String,
    /// Arguments passed on to the label's command
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
    /// Print the command instead of refusing
    #[arg(long)]
    pub display: bool,
    /// Name of the container the command would create
    #[arg(short, long)]
    pub name: Option<String>,
}

// Commands hutch refuses: their arguments are accepted so that the refusal, not a usage
// error, is what the user sees.
#[derive(Debug, Args)]
pub struct RefusedArgs {
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
    pub args: Vec<String>,
}
