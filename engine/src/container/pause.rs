//! `pause` and `unpause` (the cgroup freezer).

use super::config_of;
use super::lifecycle::{event, observe, Containers, PAUSED, RUNNING};
use super::ContainerError;
use crate::EngineError;
use crate::Result;
use hutch_state::Container;

impl Containers {
    pub fn pause(&mut self, c: &Container, pause: bool) -> Result<Container> {
        let obs = observe(&self.paths, c);
        let want = if pause { RUNNING } else { PAUSED };
        if obs.needs_cleanup || c.run.state != want {
            return Err(ContainerError::BadState {
                name: c.name.clone(),
                state: obs.state,
                reason: format!(
                    "\"{}\" needs a {want} container",
                    if pause { "pause" } else { "unpause" }
                ),
            }
            .into());
        }
        let cfg = config_of(c)?;
        let rt = self.oci(&cfg);
        if pause {
            rt.pause(&c.id).map_err(|e| {
                EngineError::Other(format!(
                    "{e} (pausing needs the cgroup freezer, which rootless containers on cgroup v1 do not have)"
                ))
            })?;
        } else {
            rt.resume(&c.id)?;
        }
        let mut run = c.run.clone();
        run.state = if pause { PAUSED } else { RUNNING }.into();
        let ev = event(
            "container",
            if pause { "pause" } else { "unpause" },
            c,
            serde_json::json!({}),
        );
        self.db.set_run_state(&c.id, &run, Some(&ev))?;
        Ok(Container { run, ..c.clone() })
    }
}
