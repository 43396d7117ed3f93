//! `kill`: a signal to a running container.

use super::config_of;
use super::lifecycle::{event, observe, Containers, PAUSED, RUNNING};
use super::ContainerError;
use crate::Result;
use hutch_state::Container;

impl Containers {
    /// Sends `signal` to a running container.
    pub fn kill(&mut self, c: &Container, signal: i32) -> Result<()> {
        let obs = observe(&self.paths, c);
        if obs.needs_cleanup || !matches!(c.run.state.as_str(), RUNNING | PAUSED) {
            return Err(ContainerError::BadState {
                name: c.name.clone(),
                state: obs.state,
                reason: "can only kill running containers".into(),
            }
            .into());
        }
        let cfg = config_of(c)?;
        // A kill by the user ends the restart policy (Docker), whatever the signal does.
        super::restart_policy::mark_stopped_by_user(&self.dirs(&c.id));
        self.oci(&cfg).kill(&c.id, signal, false)?;
        let ev = event(
            "container",
            "kill",
            c,
            serde_json::json!({"signal": signal.to_string()}),
        );
        self.db.add_event(&ev)?;
        Ok(())
    }
}
