//! Errors of the pod verbs, worded as podman's where scripts grep them.

use crate::ExitCode;

#[derive(Debug, thiserror::Error)]
pub enum PodError {
    #[error("no pod with name or ID {name} found: no such pod")]
    NotFound { name: String },
    #[error("more than one result for pod ID {name}: use more of the ID or the name")]
    Ambiguous { name: String },
    #[error("invalid {flag} {value:?}: {reason}")]
    InvalidFlag {
        flag: &'static str,
        value: String,
        reason: String,
    },
    #[error("invalid config provided: {reason}")]
    InvalidMember { reason: String },
    #[error("container {id} is the infra container of pod {pod} and cannot be removed without removing the pod")]
    InfraRemoval { id: String, pod: String },
    #[error("pod {pod} has containers that are not ready to be removed: {} {} running: stop the pod first or use --force", names.join(", "), if names.len() == 1 { "is" } else { "are" })]
    Running { pod: String, names: Vec<String> },
    #[error("pod {pod} has no infra container: {what} needs one")]
    NoInfra { pod: String, what: &'static str },
    #[error("pod {id}: stored configuration is not valid JSON: {source}")]
    BadConfig {
        id: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("pod {pod}: {count} of its containers failed: {errors}")]
    Partial {
        pod: String,
        count: usize,
        errors: crate::error::Failures,
    },
    #[error(transparent)]
    State(#[from] hutch_state::StateError),
}

impl PodError {
    /// podman's exit codes: a missing pod is 125 except for `pod rm` (see `rm_exit_code`).
    pub fn exit_code(&self) -> i32 {
        ExitCode::ENGINE
    }

    pub fn is_not_found(&self) -> bool {
        matches!(self, PodError::NotFound { .. })
    }
}
