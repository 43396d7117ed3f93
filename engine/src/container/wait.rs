//! `wait`: until a container is no longer running.

use super::exit_file::read_exit_file;
use super::lifecycle::{is_active, poll_until, Containers};
use super::monitor::monitor_alive;
use crate::Result;
use hutch_state::Container;
use std::time::Duration;

impl Containers {
    /// Waits until the container is no longer running and returns its exit code. Needs no
    /// lock: it watches the exit file and the monitor.
    pub fn wait_exit(&self, c: &Container, timeout: Option<Duration>) -> Result<Option<i64>> {
        let dirs = self.dirs(&c.id);
        let timeout = timeout.unwrap_or(Duration::from_secs(u64::MAX / 4));
        let mut code = None;
        poll_until(timeout, || {
            if let Some((c, _)) = read_exit_file(&dirs) {
                code = Some(c);
                return true;
            }
            match self.db.container(&c.id) {
                Ok(Some(now)) => {
                    if !is_active(&now.run.state) {
                        code = now.run.exit_code;
                        return true;
                    }
                    if !monitor_alive(&now) {
                        code = Some(read_exit_file(&dirs).map(|x| x.0).unwrap_or(-1));
                        return true;
                    }
                    false
                }
                Ok(None) => true,
                Err(_) => false,
            }
        });
        Ok(code)
    }
}
