//! aardvark-dns, the DNS server netavark starts in the rootless namespace: noticing that it
//! died (so netavark starts a new one) and stopping it before the namespace goes.

use super::namespace::wait_gone;
use super::{read_pid, Locked};
use hutch_sys::procfs;

impl Locked<'_> {
    /// netavark signals the aardvark-dns named in its pid file and starts one only when there
    /// is no pid file: a dead one's file must go so the next setup starts a new server.
    pub(super) fn forget_dead_aardvark(&self) {
        let pid_file = self.nets.dir.join("aardvark-dns/aardvark.pid");
        if let Some(pid) = read_pid(&pid_file) {
            if !aardvark_running(pid) {
                tracing::info!("aardvark-dns {pid} is gone: the next setup starts a new one");
                let _ = std::fs::remove_file(&pid_file);
            }
        }
    }

    /// Stops aardvark-dns and removes its configuration. It holds the namespace: the
    /// namespace (and its veths) go only after it.
    pub(super) fn stop_aardvark(&self) {
        let aardvark = self.nets.dir.join("aardvark-dns");
        if let Some(pid) = read_pid(&aardvark.join("aardvark.pid")) {
            if aardvark_running(pid) {
                let _ = hutch_sys::process::kill(pid);
                wait_gone(pid);
            }
        }
        if let Err(e) = std::fs::remove_dir_all(&aardvark) {
            if e.kind() != std::io::ErrorKind::NotFound {
                tracing::warn!("{}: {e}", aardvark.display());
            }
        }
    }
}

/// Whether `pid` is a running aardvark-dns (and not a recycled pid or a zombie).
fn aardvark_running(pid: i32) -> bool {
    procfs::comm(pid).is_ok_and(|c| c.starts_with("aardvark-dns")) && procfs::alive(pid)
}
