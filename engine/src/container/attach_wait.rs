//! Attach sessions that wait for their container to start (Docker clients attach before
//! `start`, as `docker run` does), and the starts that wait for them: a start in the same
//! engine brings the monitor up first and lets the session connect before the process runs,
//! or has the monitor hold the output until it does, so the session misses nothing.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

#[derive(Default)]
struct Wait {
    sessions: usize,
    /// A session is connected to the monitor.
    connected: bool,
    /// The start had the monitor hold the output for the session.
    held: bool,
    /// Bumped when a start has brought the monitor up: waiting sessions look at once.
    kicks: u64,
}

#[derive(Default)]
pub(crate) struct AttachWaits {
    map: Mutex<HashMap<String, Wait>>,
    changed: Condvar,
}

/// Held while an attach session waits for container `id` (and while it runs after that).
pub(crate) struct WaitingAttach<'a> {
    waits: &'a AttachWaits,
    id: String,
}

impl Drop for WaitingAttach<'_> {
    fn drop(&mut self) {
        let mut m = self.waits.lock();
        if let Some(w) = m.get_mut(&self.id) {
            w.sessions -= 1;
            if w.sessions == 0 {
                m.remove(&self.id);
            }
        }
        self.waits.changed.notify_all();
    }
}

impl WaitingAttach<'_> {
    /// How many times a start has kicked this container's sessions so far.
    pub fn kicks(&self) -> u64 {
        self.waits.lock().get(&self.id).map_or(0, |w| w.kicks)
    }

    /// Sleeps until a start kicks the sessions past `seen`, or `limit` passes.
    pub fn await_kick(&self, seen: u64, limit: Duration) {
        let deadline = Instant::now() + limit;
        let mut m = self.waits.lock();
        while m.get(&self.id).is_some_and(|w| w.kicks == seen) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return;
            }
            m = self
                .waits
                .changed
                .wait_timeout(m, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
    }

    /// The session is connected to the monitor: a start waiting for it goes on. Returns
    /// whether the start held the output for it (then nothing needs replaying).
    pub fn connected(&self) -> bool {
        let mut m = self.waits.lock();
        let held = m.get_mut(&self.id).is_some_and(|w| {
            w.connected = true;
            w.held
        });
        self.waits.changed.notify_all();
        held
    }
}

impl AttachWaits {
    fn lock(&self) -> MutexGuard<'_, HashMap<String, Wait>> {
        self.map.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Records a session waiting for container `id` until the guard drops.
    pub fn wait(&self, id: &str) -> WaitingAttach<'_> {
        self.lock().entry(id.to_string()).or_default().sessions += 1;
        WaitingAttach {
            waits: self,
            id: id.to_string(),
        }
    }

    /// Whether a session waits for container `id` (that is not connected yet).
    pub fn waiting(&self, id: &str) -> bool {
        self.lock().get(id).is_some_and(|w| !w.connected)
    }

    /// A start brought container `id`'s monitor up: its waiting sessions can connect now.
    pub fn kick(&self, id: &str) {
        if let Some(w) = self.lock().get_mut(id) {
            w.kicks += 1;
        }
        self.changed.notify_all();
    }

    /// The start about to run has the monitor hold the output.
    pub fn hold(&self, id: &str) {
        if let Some(w) = self.lock().get_mut(id) {
            w.held = true;
        }
    }

    /// Waits (at most `limit`) until a waiting session of container `id` is connected.
    pub fn await_connected(&self, id: &str, limit: Duration) {
        let deadline = Instant::now() + limit;
        let mut m = self.lock();
        while m.get(id).is_some_and(|w| !w.connected) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return;
            }
            m = self
                .changed
                .wait_timeout(m, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_start_waits_for_the_session_to_connect() {
        let waits = std::sync::Arc::new(AttachWaits::default());
        let session = waits.wait("c");
        assert!(waits.waiting("c"));
        assert!(!waits.waiting("other"));
        let w = waits.clone();
        let start = std::thread::spawn(move || {
            let t = Instant::now();
            w.await_connected("c", Duration::from_secs(10));
            t.elapsed()
        });
        std::thread::sleep(Duration::from_millis(100));
        assert!(!session.connected(), "nothing was held");
        let took = start.join().unwrap();
        assert!(took < Duration::from_secs(5), "{took:?}");
        assert!(!waits.waiting("c"));
        drop(session);
        waits.hold("c");
        // Nobody waits: no time lost.
        let t = Instant::now();
        waits.await_connected("c", Duration::from_secs(10));
        assert!(t.elapsed() < Duration::from_secs(1));
    }
}
