//! What a pod is asked to be (`PodSpec`, filled by a front end from its flags), what is stored
//! of it (`PodConfig`), and what a member container stores of its pod (`PodMember`).

use super::PodError;
use hutch_network::options::NetSpec;
use hutch_network::NetworkMode;
use serde::{Deserialize, Serialize};

/// The namespaces a rootless pod shares unless `--share` says otherwise (podman's default
/// without a cgroup namespace to share on cgroup v1).
pub const DEFAULT_SHARE: &[&str] = &["ipc", "net", "uts"];

/// The namespaces `--share` may name.
const SHAREABLE: &[&str] = &["cgroup", "ipc", "net", "pid", "uts"];

/// `pod create`'s request, parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct PodSpec {
    /// None: a random name.
    pub name: Option<String>,
    pub labels: Vec<(String, String)>,
    /// Make an infra container (`--infra`, default true).
    pub infra: bool,
    /// `--infra-name`; None: the first 12 characters of the pod ID then `-infra`.
    pub infra_name: Option<String>,
    /// `--infra-command`; None: the infra image's entrypoint (`/catatonit -P` for the pause
    /// image).
    pub infra_command: Option<Vec<String>>,
    /// `--infra-image`; None: the local pause image.
    pub infra_image: Option<String>,
    /// `--share`: None is the default set; "+pid" adds to it.
    pub share: Option<String>,
    /// None: the pod's name.
    pub hostname: Option<String>,
    /// None: containers.conf's default.
    pub network: Option<NetworkMode>,
    /// Ports, aliases, DNS and extra hosts of the pod's network (set on the infra container).
    pub net: NetSpec,
    pub exit_policy: ExitPolicy,
    /// `--replace`: remove a pod of the same name first.
    pub replace: bool,
    /// The command line that created the pod, for `inspect`.
    pub create_command: Vec<String>,
}

impl Default for PodSpec {
    fn default() -> Self {
        PodSpec {
            name: None,
            labels: Vec::new(),
            infra: true,
            infra_name: None,
            infra_command: None,
            infra_image: None,
            share: None,
            hostname: None,
            network: None,
            net: NetSpec::default(),
            exit_policy: ExitPolicy::Continue,
            replace: false,
            create_command: Vec::new(),
        }
    }
}

/// `--exit-policy`: what happens when the last container of the pod (besides the infra
/// container) exits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExitPolicy {
    /// The infra container keeps running.
    #[default]
    Continue,
    /// The pod is stopped.
    Stop,
}

impl ExitPolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            ExitPolicy::Continue => "continue",
            ExitPolicy::Stop => "stop",
        }
    }
}

/// `--exit-policy continue|stop`.
pub fn parse_exit_policy(value: &str) -> Result<ExitPolicy, PodError> {
    match value {
        "continue" => Ok(ExitPolicy::Continue),
        "stop" => Ok(ExitPolicy::Stop),
        _ => Err(PodError::InvalidFlag {
            flag: "--exit-policy",
            value: value.into(),
            reason: "expected continue or stop".into(),
        }),
    }
}

/// `--share`: a comma-separated list of namespaces, `none` (or "") for none, or `+NS,...` to
/// add to the default set. Sorted, each once.
pub fn parse_share(value: Option<&str>) -> Result<Vec<String>, PodError> {
    let mut out: Vec<String> = Vec::new();
    let Some(v) = value else {
        return Ok(DEFAULT_SHARE.iter().map(|s| s.to_string()).collect());
    };
    let (extra, list) = match v.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, v),
    };
    if extra {
        out.extend(DEFAULT_SHARE.iter().map(|s| s.to_string()));
    }
    for ns in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if ns == "none" {
            continue;
        }
        if !SHAREABLE.contains(&ns) {
            return Err(PodError::InvalidFlag {
                flag: "--share",
                value: v.into(),
                reason: format!(
                    "invalid kernel namespace to share: {ns}; options are cgroup, ipc, net, pid, uts or none"
                ),
            });
        }
        if !out.iter().any(|o| o == ns) {
            out.push(ns.to_string());
        }
    }
    // Rootless on cgroup v1 there is no cgroup namespace of the pod's to join.
    out.retain(|n| n != "cgroup");
    out.sort();
    Ok(out)
}

/// The stored configuration of a pod (the `spec` column).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct PodConfig {
    /// Shared namespaces: among ipc, net, pid, uts.
    pub share: Vec<String>,
    pub hostname: String,
    pub exit_policy: ExitPolicy,
    /// The infra container's image as asked for ("" for the pause image).
    pub infra_image: String,
    pub infra_command: Vec<String>,
    pub create_command: Vec<String>,
}

impl PodConfig {
    pub fn shares(&self, ns: &str) -> bool {
        self.share.iter().any(|s| s == ns)
    }
}

/// What a container stores of its pod (`ContainerConfig::pod`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct PodMember {
    /// The pod's ID.
    pub id: String,
    /// The pod's name (pods are never renamed), for `ps --pod` and `--filter pod=`.
    pub name: String,
    /// This container is the pod's infra container.
    pub infra: bool,
    /// The infra container's ID ("" without one).
    pub infra_id: String,
    /// The namespaces joined from the infra container (ipc, net, pid, uts).
    pub share: Vec<String>,
}

impl PodMember {
    /// Whether this member joins the infra container's namespace `ns`.
    pub fn joins(&self, ns: &str) -> bool {
        !self.infra && !self.infra_id.is_empty() && self.share.iter().any(|s| s == ns)
    }
}

/// `run`/`create --pod`: an existing pod, or `new:NAME`, one made for the container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PodChoice {
    Existing(String),
    New(String),
}

/// `--pod NAME|ID|new:NAME`.
pub fn parse_pod_choice(value: &str) -> Option<PodChoice> {
    match value.strip_prefix("new:") {
        Some(name) => Some(PodChoice::New(name.to_string())),
        None if value.is_empty() => None,
        None => Some(PodChoice::Existing(value.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_lists() {
        assert_eq!(parse_share(None).unwrap(), ["ipc", "net", "uts"]);
        assert_eq!(parse_share(Some("net")).unwrap(), ["net"]);
        assert_eq!(
            parse_share(Some("+pid")).unwrap(),
            ["ipc", "net", "pid", "uts"]
        );
        assert_eq!(parse_share(Some("none")).unwrap(), Vec::<String>::new());
        assert_eq!(parse_share(Some("cgroup,uts")).unwrap(), ["uts"]);
        let e = parse_share(Some("mnt")).unwrap_err().to_string();
        assert!(e.contains("invalid kernel namespace to share: mnt"), "{e}");
        assert_eq!(
            parse_pod_choice("new:web"),
            Some(PodChoice::New("web".into()))
        );
        assert_eq!(
            parse_pod_choice("web"),
            Some(PodChoice::Existing("web".into()))
        );
        assert_eq!(parse_exit_policy("stop").unwrap(), ExitPolicy::Stop);
        assert!(parse_exit_policy("later").is_err());
    }
}
