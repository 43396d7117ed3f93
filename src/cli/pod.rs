//! `hutch pod ...`: the flags of the pod verbs.

use super::Lazy;
use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum PodCommand {
    /// Create a pod: an infra container holding the namespaces its containers share
    Create(Lazy<Box<PodCreateArgs>>),
    /// Start one or more pods (the infra container first)
    Start(Lazy<PodSelectArgs>),
    /// Stop one or more pods (the infra container last)
    Stop(Lazy<PodStopArgs>),
    /// Restart one or more pods
    Restart(Lazy<PodSelectArgs>),
    /// Send a signal to every running container of one or more pods
    Kill(Lazy<PodKillArgs>),
    /// Pause every running container of one or more pods
    Pause(Lazy<PodSelectArgs>),
    /// Unpause every paused container of one or more pods
    Unpause(Lazy<PodSelectArgs>),
    /// Remove one or more pods and their containers
    Rm(Lazy<PodRmArgs>),
    /// List pods
    #[command(alias = "ls", alias = "list")]
    Ps(Lazy<PodPsArgs>),
    /// Display the configuration and state of one or more pods
    Inspect(Lazy<PodInspectArgs>),
    /// Check whether a pod exists (exit 0 if it does, 1 if not)
    Exists(Lazy<PodExistsArgs>),
    /// Remove every pod whose containers have all stopped
    Prune(Lazy<PodPruneArgs>),
    /// Display the running processes of a pod's containers
    Top(Lazy<PodTopArgs>),
    /// Show the logs of a pod's containers
    Logs(Lazy<PodLogsArgs>),
    /// Display a live stream of a pod's containers' resource use
    Stats(Lazy<PodStatsArgs>),
}

#[derive(Debug, Args)]
pub struct PodCreateArgs {
    /// The pod's name [default: a random one]
    #[arg(value_name = "NAME")]
    pub pod_name: Option<String>,
    /// The pod's name [default: a random one]
    #[arg(short, long, value_name = "NAME")]
    pub name: Option<String>,
    /// Make an infra container (without one, nothing is shared)
    #[arg(long, value_name = "BOOL", default_value = "true", num_args = 0..=1, default_missing_value = "true", action = clap::ArgAction::Set)]
    pub infra: bool,
    /// The infra container's name [default: the pod ID's first 12 characters, then -infra]
    #[arg(long, value_name = "NAME")]
    pub infra_name: Option<String>,
    /// The infra container's command (a string or a JSON array) [default: /catatonit -P]
    #[arg(long, value_name = "COMMAND")]
    pub infra_command: Option<String>,
    /// The infra container's image [default: the local pause image]
    #[arg(long, value_name = "IMAGE")]
    pub infra_image: Option<String>,
    /// Namespaces the pod's containers share: ipc, net, pid, uts, none; +NS adds to the default
    #[arg(long, value_name = "NAMESPACES")]
    pub share: Option<String>,
    /// Add a label KEY=VALUE
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// The pod's host name [default: the pod's name]
    #[arg(long, value_name = "NAME")]
    pub hostname: Option<String>,
    #[command(flatten)]
    pub net: super::NetFlags,
    /// Write the pod's ID to this file
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Option<PathBuf>,
    /// Remove a pod of the same name first
    #[arg(long)]
    pub replace: bool,
    /// What happens when the last container exits: continue or stop (the pod)
    #[arg(long, value_name = "POLICY", default_value = "continue")]
    pub exit_policy: String,
    /// User namespace of the pod (only hutch's own is supported)
    #[arg(long, value_name = "MODE")]
    pub userns: Option<String>,
    /// Cgroup parent (no cgroups are made rootless on cgroup v1: refused)
    #[arg(long, value_name = "PATH")]
    pub cgroup_parent: Option<String>,
}

#[derive(Debug, Args)]
pub struct PodSelectArgs {
    /// Pods (names or IDs)
    pub pods: Vec<String>,
    /// Every pod
    #[arg(short, long)]
    pub all: bool,
    /// The most recently created pod
    #[arg(short, long)]
    pub latest: bool,
    /// Read the pod's ID from this file
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PodStopArgs {
    #[command(flatten)]
    pub select: PodSelectArgs,
    /// Seconds to wait for each container to stop before killing it
    #[arg(short, long, value_name = "SECONDS", allow_negative_numbers = true)]
    pub time: Option<i64>,
    /// Do not fail for pods that do not exist
    #[arg(short, long)]
    pub ignore: bool,
}

#[derive(Debug, Args)]
pub struct PodKillArgs {
    #[command(flatten)]
    pub select: PodSelectArgs,
    /// The signal to send
    #[arg(short, long, default_value = "KILL", value_name = "SIGNAL")]
    pub signal: String,
}

#[derive(Debug, Args)]
pub struct PodRmArgs {
    #[command(flatten)]
    pub select: PodSelectArgs,
    /// Stop running containers first
    #[arg(short, long)]
    pub force: bool,
    /// Do not fail for pods that do not exist
    #[arg(short, long)]
    pub ignore: bool,
    /// Seconds to wait for each container to stop before killing it (with --force)
    #[arg(short, long, value_name = "SECONDS", allow_negative_numbers = true)]
    pub time: Option<i64>,
}

#[derive(Debug, Args)]
pub struct PodPsArgs {
    /// Show the names of the pods' containers
    #[arg(long)]
    pub ctr_names: bool,
    /// Show the IDs of the pods' containers
    #[arg(long)]
    pub ctr_ids: bool,
    /// Show the states of the pods' containers
    #[arg(long)]
    pub ctr_status: bool,
    /// Show the pods' networks
    #[arg(long)]
    pub ns: bool,
    /// Print only the pod IDs
    #[arg(short, long)]
    pub quiet: bool,
    /// Do not truncate IDs
    #[arg(long)]
    pub no_trunc: bool,
    /// Do not print the header
    #[arg(long)]
    pub noheading: bool,
    /// Filter: name=, id=, label=KEY[=VALUE], status=, ctr-names=, ctr-ids=, ctr-status=,
    /// ctr-number=N, network=
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,
    /// Output format: json or a Go template ({{.ID}} {{.Name}} {{.Status}} {{.InfraID}} ...)
    #[arg(long)]
    pub format: Option<String>,
    /// Sort by: created, id, name, number, status
    #[arg(long, default_value = "created", value_name = "FIELD")]
    pub sort: String,
    /// The most recently created pod
    #[arg(short, long)]
    pub latest: bool,
}

#[derive(Debug, Args)]
pub struct PodInspectArgs {
    /// Pods (names or IDs)
    pub pods: Vec<String>,
    /// Output format: json or a Go template
    #[arg(short, long)]
    pub format: Option<String>,
    /// The most recently created pod
    #[arg(short, long)]
    pub latest: bool,
}

#[derive(Debug, Args)]
pub struct PodExistsArgs {
    pub pod: String,
}

#[derive(Debug, Args)]
pub struct PodPruneArgs {
    /// Do not ask for confirmation (hutch never asks)
    #[arg(short, long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct PodTopArgs {
    /// The pod
    #[arg(required_unless_present = "latest")]
    pub pod: Option<String>,
    /// Fields to show (as top's)
    pub descriptors: Vec<String>,
    /// The most recently created pod
    #[arg(short, long)]
    pub latest: bool,
}

#[derive(Debug, Args)]
pub struct PodLogsArgs {
    /// The pod
    #[arg(required_unless_present = "latest")]
    pub pod: Option<String>,
    /// Only this container of the pod
    #[arg(short, long, value_name = "NAME|ID")]
    pub container: Option<String>,
    /// Follow the logs as the containers write them
    #[arg(short, long)]
    pub follow: bool,
    /// Show only the last N lines of each container (-1: all)
    #[arg(long, default_value_t = -1, allow_negative_numbers = true, value_name = "N")]
    pub tail: i64,
    /// Show lines since this time (RFC 3339, Unix seconds, or a duration like 10m)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Show lines until this time
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Show timestamps
    #[arg(short, long)]
    pub timestamps: bool,
    /// Prefix each line with the container's name instead of its ID
    #[arg(short, long)]
    pub names: bool,
    /// The most recently created pod
    #[arg(short, long)]
    pub latest: bool,
}

#[derive(Debug, Args)]
pub struct PodStatsArgs {
    /// Pods [default: every pod]
    pub pods: Vec<String>,
    /// Every pod
    #[arg(short, long)]
    pub all: bool,
    /// Print the figures once instead of redrawing them
    #[arg(long)]
    pub no_stream: bool,
    /// Output format: json, table, or a Go template over .Pod .CID .Name .CPU .MemUsage
    /// .MemUsageBytes .Mem .NetIO .BlockIO .PIDS
    #[arg(long)]
    pub format: Option<String>,
    /// Do not truncate IDs
    #[arg(long)]
    pub no_trunc: bool,
    /// Do not clear the terminal between two tables
    #[arg(long)]
    pub no_reset: bool,
}
