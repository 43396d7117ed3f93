//! A pod as `pod ps` and `pod inspect` show it: its containers with their states as they are
//! now, and the pod's status computed from them as podman does.

use super::{config_of, PodConfig, PodError};
use crate::container::{self, ContainerConfig};
use crate::Paths;
use hutch_state::{Container, Db, Pod};
use std::collections::BTreeMap;

/// podman's pod states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PodStatus {
    /// No container has run (or the pod has none).
    Created,
    /// Every container runs.
    Running,
    /// Some run, some do not.
    Degraded,
    /// Every container has exited.
    Exited,
    /// Some have exited, none runs.
    Stopped,
    /// Every container is paused.
    Paused,
    Error,
}

impl PodStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PodStatus::Created => "Created",
            PodStatus::Running => "Running",
            PodStatus::Degraded => "Degraded",
            PodStatus::Exited => "Exited",
            PodStatus::Stopped => "Stopped",
            PodStatus::Paused => "Paused",
            PodStatus::Error => "Error",
        }
    }

    /// From the member containers' states (hutch's names, see `container::observe`).
    pub fn of<'a>(states: impl IntoIterator<Item = &'a str>) -> PodStatus {
        let (mut n, mut running, mut paused, mut stopped, mut created, mut errored) =
            (0, 0, 0, 0, 0, 0);
        for s in states {
            n += 1;
            match s {
                container::EXITED | container::STOPPED => stopped += 1,
                container::RUNNING => running += 1,
                container::PAUSED => paused += 1,
                container::CREATED | container::CONFIGURED => created += 1,
                _ => errored += 1,
            }
        }
        match () {
            _ if n == 0 => PodStatus::Created,
            _ if running > 0 && running < n => PodStatus::Degraded,
            _ if running > 0 => PodStatus::Running,
            _ if paused == n => PodStatus::Paused,
            _ if stopped == n => PodStatus::Exited,
            _ if stopped > 0 => PodStatus::Stopped,
            _ if errored > 0 => PodStatus::Error,
            _ => {
                let _ = created;
                PodStatus::Created
            }
        }
    }
}

/// One container of a pod, as it is now.
#[derive(Debug, Clone)]
pub struct MemberState {
    pub container: Container,
    /// hutch's state name after checking the monitor (see `container::observe`).
    pub state: String,
    pub infra: bool,
}

/// A pod with its containers (the infra container first, then by creation).
#[derive(Debug, Clone)]
pub struct PodInfo {
    pub pod: Pod,
    pub config: PodConfig,
    pub labels: BTreeMap<String, String>,
    pub containers: Vec<MemberState>,
    pub status: PodStatus,
    /// The infra container's stored configuration (network, ports), when it has one.
    pub infra_config: Option<ContainerConfig>,
}

impl PodInfo {
    pub fn infra(&self) -> Option<&MemberState> {
        self.containers.iter().find(|m| m.infra)
    }
}

/// The containers of pod `pod_id` with their stored configurations: the infra container
/// first, then the others by creation time.
pub fn members(db: &Db, pod_id: &str) -> Result<Vec<(Container, ContainerConfig)>, PodError> {
    let all = db.containers()?;
    members_of(&all, pod_id)
}

pub(crate) fn members_of(
    all: &[Container],
    pod_id: &str,
) -> Result<Vec<(Container, ContainerConfig)>, PodError> {
    let mut out: Vec<(Container, ContainerConfig)> = all
        .iter()
        // Only a stored config that names the pod is worth parsing.
        .filter(|c| c.spec.contains(pod_id))
        .filter_map(|c| {
            let cfg = container::config_of(c).ok()?;
            (cfg.pod.as_ref()?.id == pod_id).then(|| (c.clone(), cfg))
        })
        .collect();
    out.sort_by(|(a, ac), (b, bc)| {
        let infra = |c: &ContainerConfig| !c.pod.as_ref().is_some_and(|p| p.infra);
        (infra(ac), a.created).cmp(&(infra(bc), b.created))
    });
    Ok(out)
}

/// Pod `p` as it is now.
pub fn info(paths: &Paths, db: &Db, p: &Pod) -> Result<PodInfo, PodError> {
    let all = db.containers()?;
    info_with(paths, &all, p)
}

pub(crate) fn info_with(paths: &Paths, all: &[Container], p: &Pod) -> Result<PodInfo, PodError> {
    let config = config_of(p)?;
    let members = members_of(all, &p.id)?;
    let mut infra_config = None;
    let containers: Vec<MemberState> = members
        .into_iter()
        .map(|(c, cfg)| {
            let infra = cfg.pod.as_ref().is_some_and(|m| m.infra);
            if infra {
                infra_config = Some(cfg);
            }
            MemberState {
                state: container::observe(paths, &c).state,
                container: c,
                infra,
            }
        })
        .collect();
    let status = PodStatus::of(containers.iter().map(|m| m.state.as_str()));
    Ok(PodInfo {
        labels: serde_json::from_str(&p.labels).unwrap_or_default(),
        pod: p.clone(),
        config,
        containers,
        status,
        infra_config,
    })
}

/// Every pod as it is now, oldest first.
pub fn list(paths: &Paths, db: &Db) -> Result<Vec<PodInfo>, PodError> {
    let all = db.containers()?;
    db.pods()?
        .iter()
        .map(|p| info_with(paths, &all, p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_as_podman() {
        let s = |v: &[&str]| PodStatus::of(v.iter().copied()).as_str();
        assert_eq!(s(&[]), "Created");
        assert_eq!(s(&["configured", "configured"]), "Created");
        assert_eq!(s(&["running", "running"]), "Running");
        assert_eq!(s(&["running", "exited"]), "Degraded");
        assert_eq!(s(&["exited", "stopped"]), "Exited");
        assert_eq!(s(&["exited", "configured"]), "Stopped");
        assert_eq!(s(&["paused", "paused"]), "Paused");
    }
}
