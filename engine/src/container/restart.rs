//! `restart`: stop, then start again, counting the restart.

use super::lifecycle::{event, Containers};
use super::ContainerError;
use crate::Result;
use hutch_state::Container;

impl Containers {
    /// Stops (if running) and starts again, counting the restart.
    pub fn restart(&mut self, c: &Container, timeout: Option<u32>) -> Result<Container> {
        self.stop(c, timeout)?;
        let c = self
            .reload(&c.id)?
            .ok_or_else(|| ContainerError::NotFound { name: c.id.clone() })?;
        let mut c = self.start(&c)?;
        c.run.restart_count += 1;
        let ev = event("container", "restart", &c, serde_json::json!({}));
        self.db.set_run_state(&c.id, &c.run, Some(&ev))?;
        Ok(c)
    }
}
