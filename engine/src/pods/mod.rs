//! Pods: containers that share namespaces (network, IPC, UTS by default) held by an infra
//! container running `catatonit -P`, start and stop together, and are removed together. The
//! pod's own row is in `state`; each member names its pod in its stored configuration.

pub mod config;
mod create;
pub mod error;
pub mod info;
mod lifecycle;
mod pause_image;

pub use config::{ExitPolicy, PodChoice, PodConfig, PodMember, PodSpec};
pub use error::PodError;
pub use info::{PodInfo, PodStatus};
pub use lifecycle::PodRemoveOptions;

use hutch_state::{Db, NewEvent, Pod};

/// Finds a pod by full ID, exact name, or unique ID prefix.
pub fn lookup(db: &Db, name: &str) -> Result<Pod, PodError> {
    if name.len() == 64 {
        if let Some(p) = db.pod(name)? {
            return Ok(p);
        }
    }
    if let Some(p) = db.pod_by_name(name)? {
        return Ok(p);
    }
    let mut m = db.pods_by_id_prefix(name)?;
    match m.len() {
        0 => Err(PodError::NotFound {
            name: name.to_string(),
        }),
        1 => Ok(m.remove(0)),
        _ => Err(PodError::Ambiguous {
            name: name.to_string(),
        }),
    }
}

/// The ID of the pod whose infra container `c` is, while that pod exists.
pub fn pod_of_infra(db: &Db, c: &hutch_state::Container) -> Result<Option<String>, PodError> {
    // Only a stored config that says so is worth parsing.
    if !c.spec.contains("\"infra\":true") {
        return Ok(None);
    }
    let Some(m) = crate::container::config_of(c)
        .ok()
        .and_then(|cfg| cfg.pod)
        .filter(|m| m.infra)
    else {
        return Ok(None);
    };
    Ok(db.pod(&m.id)?.map(|p| p.id))
}

/// The stored configuration of pod `p`.
pub fn config_of(p: &Pod) -> Result<PodConfig, PodError> {
    serde_json::from_str(&p.spec).map_err(|source| PodError::BadConfig {
        id: p.id.clone(),
        source,
    })
}

/// A `type=pod` event for `p`.
pub(crate) fn event(action: &str, p: &Pod) -> NewEvent {
    NewEvent {
        kind: "pod".into(),
        action: action.into(),
        id: p.id.clone(),
        name: p.name.clone(),
        attributes: String::new(),
    }
}
