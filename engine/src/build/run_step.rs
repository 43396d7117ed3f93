//! RUN: the command runs in a container made from the step's image through the same engine
//! path as `hutch run` (create, start attached, the default network, the same runtime and
//! mounts), its output goes to the build's sink, and its changes become the step's layer.
//! The container is removed whatever happens, also when the build is cancelled.

use super::image::{stage_dir, LayerSource, StagedLayer};
use super::{BuildError, BuildEvent, BuildSink, Cancel};
use crate::container::exec::{Control, ControlSource, ExecIo};
use crate::container::mount_spec::Mount;
use crate::container::run::{AttachRequest, RunOutcome};
use crate::container::ContainerSpec;
use crate::{Engine, RemoveOptions, Result};
use hutch_state::Image;
use std::io::{Read, Write};
use std::os::fd::{AsFd, BorrowedFd};

/// What one RUN needs besides its image.
pub(super) struct RunRequest {
    pub argv: Vec<String>,
    pub env: Vec<(String, String)>,
    pub workdir: String,
    pub user: String,
    pub network: Option<hutch_network::NetworkMode>,
    pub mounts: Vec<Mount>,
    /// The step, for the error when the command fails.
    pub instruction: String,
    /// The stage's index, for its output events.
    pub stage: usize,
    /// Where RUN mounts (and the runtime's own files) were: the empty files and directories
    /// made there only to mount on do not belong in the layer.
    pub mount_points: Vec<String>,
}

/// Files the runtime mounts over, made in the upper directory when the image lacks them.
const RUNTIME_FILES: &[&str] = &[
    "/etc/hosts",
    "/etc/resolv.conf",
    "/etc/hostname",
    "/run/.containerenv",
];

/// The cancel pipe as an attach session's control source: once cancelled, the container is
/// killed.
struct CancelControl<'a> {
    cancel: &'a Cancel,
    sent: bool,
}

impl ControlSource for CancelControl<'_> {
    fn fd(&self) -> BorrowedFd<'_> {
        self.cancel.fd()
    }

    fn read(&mut self) -> std::io::Result<Vec<Control>> {
        if self.cancel.is_cancelled() && !self.sent {
            self.sent = true;
            return Ok(vec![Control::Signal(9)]);
        }
        // Readable for good once cancelled: do not spin while the container dies.
        std::thread::sleep(std::time::Duration::from_millis(20));
        Ok(Vec::new())
    }
}

/// stderr of the RUN, as sink events of stage `.1`.
struct SinkWriter<'a>(&'a dyn BuildSink, usize);

impl Write for SinkWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.event(BuildEvent::Output {
            stage: self.1,
            bytes: buf.to_vec(),
        });
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Engine {
    /// Removes from `upper` each mount point the image did not have, if it is still an
    /// empty file or directory, and the empty directories made for it.
    fn drop_mount_points(
        &self,
        upper: &std::path::Path,
        points: &[String],
        image: &Image,
    ) -> Result<()> {
        let fs = super::copy::ImageFs::of(self, &image.layers)?;
        let all = points
            .iter()
            .map(String::as_str)
            .chain(RUNTIME_FILES.iter().copied());
        for p in all {
            let mut cur = p.trim_end_matches('/').to_string();
            while !cur.is_empty() && fs.find(&cur).is_none() {
                let at = upper.join(cur.trim_start_matches('/'));
                let Ok(m) = std::fs::symlink_metadata(&at) else {
                    break;
                };
                let removed = if m.is_dir() {
                    std::fs::remove_dir(&at).is_ok()
                } else {
                    m.is_file() && m.len() == 0 && std::fs::remove_file(&at).is_ok()
                };
                if !removed {
                    break;
                }
                cur = match cur.rsplit_once('/') {
                    Some((parent, _)) => parent.to_string(),
                    None => String::new(),
                };
            }
        }
        Ok(())
    }

    /// Runs `req` in a container of `image` and returns its changes as a staged layer.
    pub(super) fn build_run(
        &self,
        image: &Image,
        req: &RunRequest,
        sink: &dyn BuildSink,
        cancel: &Cancel,
    ) -> Result<StagedLayer> {
        let spec = ContainerSpec {
            command: Some(req.argv.clone()),
            entrypoint: Some(Vec::new()),
            env: req.env.clone(),
            workdir: (!req.workdir.is_empty()).then(|| req.workdir.clone()),
            user: (!req.user.is_empty()).then(|| req.user.clone()),
            network: req.network.clone(),
            mounts: req.mounts.clone(),
            labels: vec![("io.hutch.build".into(), "true".into())],
            ..Default::default()
        };
        if cancel.is_cancelled() {
            return Err(BuildError::Interrupted.into());
        }
        let c = self
            .containers()
            .create(image, &image.id, &spec, self.runtime_choice(), None)?;
        let r = self.run_and_commit(&c, image, req, sink, cancel);
        let rm = RemoveOptions {
            force: true,
            volumes: true,
            timeout: Some(0),
            depend: false,
        };
        // Removal must not be skipped by a Ctrl-C: the signal is the cancel token's.
        if let Err(e) = self.remove(&c.id, rm) {
            tracing::warn!("removing build container {}: {e}", c.id);
            if r.is_ok() {
                return Err(e);
            }
        }
        r
    }

    fn run_and_commit(
        &self,
        c: &hutch_state::Container,
        image: &Image,
        req: &RunRequest,
        sink: &dyn BuildSink,
        cancel: &Cancel,
    ) -> Result<StagedLayer> {
        let (mut rd, wr) =
            hutch_sys::fd::pipe().map_err(|e| crate::EngineError::io("RUN output pipe", e))?;
        let outcome = std::thread::scope(|s| {
            let reader = s.spawn(move || {
                let mut buf = vec![0u8; 32 * 1024];
                loop {
                    match rd.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => sink.event(BuildEvent::Output {
                            stage: req.stage,
                            bytes: buf[..n].to_vec(),
                        }),
                    }
                }
            });
            let mut stderr = SinkWriter(sink, req.stage);
            let mut control = CancelControl {
                cancel,
                sent: false,
            };
            let r = self.start_attached_container(
                c,
                &AttachRequest::default(),
                &mut ExecIo {
                    stdin: None,
                    stdout: wr.as_fd(),
                    stderr: &mut stderr,
                    size: None,
                    control: Some(&mut control),
                },
            );
            drop(wr);
            let _ = reader.join();
            r
        })?;
        if cancel.is_cancelled() {
            return Err(BuildError::Interrupted.into());
        }
        let code = match outcome {
            RunOutcome::Exited(code) => code,
            _ => -1,
        };
        if code != 0 {
            return Err(BuildError::RunFailed {
                instruction: req.instruction.clone(),
                code,
            }
            .into());
        }
        let upper = self.containers().upper_dir(c)?;
        let store = hutch_storage::LayerStore::new(&self.paths().graphroot);
        if !upper.is_dir() {
            return stage_dir(&store, LayerSource::Empty);
        }
        self.drop_mount_points(&upper, &req.mount_points, image)?;
        // The container is gone and (cleaned up as it exited) unmounted: its upper directory
        // becomes the layer itself. Were it still mounted, it is copied.
        let merged = self.containers().dirs(&c.id).merged;
        if crate::container::is_mount_point(&merged) {
            return stage_dir(&store, LayerSource::Copy(&upper));
        }
        stage_dir(&store, LayerSource::Move(&upper))
    }
}
