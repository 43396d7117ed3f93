//! The pod verbs: start (infra container first), stop (the others first, at once, then the
//! infra container), restart, kill, pause, unpause, remove and prune. Each acts on the member
//! containers through the container verbs, which take each container's lock; a failure of one
//! container does not stop the verb for the others.

use super::info::{self, PodInfo, PodStatus};
use super::{config_of, event, lookup, ExitPolicy, PodError};
use crate::container::{self, Containers, RUNNING};
use crate::error::Failures;
use crate::{Engine, EngineError, RemoveOptions, Result};
use hutch_state::{Container, Pod};
use std::path::PathBuf;

/// What `pod rm` does besides removing the pod.
#[derive(Debug, Clone, Copy, Default)]
pub struct PodRemoveOptions {
    /// Stop running containers first.
    pub force: bool,
    /// Seconds to wait after the stop signal before SIGKILL.
    pub timeout: Option<u32>,
}

fn active(state: &str) -> bool {
    matches!(
        state,
        container::RUNNING | container::PAUSED | container::CREATED
    )
}

impl Engine {
    /// Finds a pod by full ID, exact name or unique ID prefix.
    pub fn lookup_pod(&self, name: &str) -> Result<Pod> {
        Ok(lookup(self.db(), name)?)
    }

    /// Pod `name` with its containers as they are now.
    pub fn pod_info(&self, name: &str) -> Result<PodInfo> {
        let p = self.lookup_pod(name)?;
        Ok(info::info(self.paths(), self.db(), &p)?)
    }

    /// Every pod with its containers, oldest first.
    pub fn pods(&self) -> Result<Vec<PodInfo>> {
        Ok(info::list(self.paths(), self.db())?)
    }

    /// The containers of pod `name`, the infra container first.
    pub fn pod_containers(&self, name: &str) -> Result<Vec<Container>> {
        let p = self.lookup_pod(name)?;
        Ok(info::members(self.db(), &p.id)?
            .into_iter()
            .map(|(c, _)| c)
            .collect())
    }

    /// Starts the pod: its infra container, then every other container not running.
    pub fn start_pod(&self, name: &str) -> Result<Pod> {
        let info = self.pod_info(name)?;
        // A paused container is left paused (unpause is another verb).
        let up = |m: &&info::MemberState| !matches!(m.state.as_str(), RUNNING | container::PAUSED);
        if let Some(infra) = info.infra().filter(up) {
            self.start(&infra.container.id)?;
        }
        let mut failures = Vec::new();
        for m in info.containers.iter().filter(|m| !m.infra).filter(up) {
            if let Err(e) = self.start(&m.container.id) {
                failures.push(e);
            }
        }
        self.db().add_event(&event("start", &info.pod))?;
        self.partial(&info.pod, failures)?;
        Ok(info.pod)
    }

    /// Stops the pod: every container but the infra container at once (each with `timeout`,
    /// else its own stop timeout), then the infra container.
    pub fn stop_pod(&self, name: &str, timeout: Option<u32>) -> Result<Pod> {
        let info = self.pod_info(name)?;
        let others: Vec<&Container> = info
            .containers
            .iter()
            .filter(|m| !m.infra && active(&m.state))
            .map(|m| &m.container)
            .collect();
        let mut failures = self.each(&others, |c| self.stop(&c.id, timeout));
        if let Some(infra) = info.infra().filter(|m| active(&m.state)) {
            if let Err(e) = self.stop(&infra.container.id, timeout) {
                failures.push(e);
            }
        }
        self.db().add_event(&event("stop", &info.pod))?;
        self.partial(&info.pod, failures)?;
        Ok(info.pod)
    }

    /// Stops and starts the pod again.
    pub fn restart_pod(&self, name: &str, timeout: Option<u32>) -> Result<Pod> {
        let p = self.stop_pod(name, timeout)?;
        self.start_pod(&p.id)
    }

    /// Sends `signal` to every running container of the pod.
    pub fn kill_pod(&self, name: &str, signal: i32) -> Result<Pod> {
        let info = self.pod_info(name)?;
        let running: Vec<&Container> = info
            .containers
            .iter()
            .filter(|m| m.state == RUNNING)
            .map(|m| &m.container)
            .collect();
        let failures = self.each(&running, |c| self.kill(&c.id, signal));
        self.db().add_event(&event("kill", &info.pod))?;
        self.partial(&info.pod, failures)?;
        Ok(info.pod)
    }

    /// Pauses every running container of the pod, or (`pause` false) unpauses every paused one.
    pub fn pause_pod(&self, name: &str, pause: bool) -> Result<Pod> {
        let info = self.pod_info(name)?;
        let from = if pause { RUNNING } else { container::PAUSED };
        let mut failures = Vec::new();
        for m in info.containers.iter().filter(|m| m.state == from) {
            if let Err(e) = self.pause(&m.container.id, pause) {
                failures.push(e);
            }
        }
        let action = if pause { "pause" } else { "unpause" };
        self.db().add_event(&event(action, &info.pod))?;
        self.partial(&info.pod, failures)?;
        Ok(info.pod)
    }

    /// Removes the pod and its containers (running ones only with `force`); returns its ID.
    pub fn remove_pod(&self, name: &str, opts: PodRemoveOptions) -> Result<String> {
        let info = self.pod_info(name)?;
        let running: Vec<String> = info
            .containers
            .iter()
            .filter(|m| matches!(m.state.as_str(), RUNNING | container::PAUSED))
            .map(|m| m.container.name.clone())
            .collect();
        if !running.is_empty() && !opts.force {
            return Err(PodError::Running {
                pod: info.pod.name.clone(),
                names: running,
            }
            .into());
        }
        let ropts = RemoveOptions {
            force: true,
            volumes: false,
            timeout: opts.timeout,
            depend: false,
        };
        let others: Vec<&Container> = info
            .containers
            .iter()
            .filter(|m| !m.infra)
            .map(|m| &m.container)
            .collect();
        let mut failures = self.each(&others, |c| {
            self.remove_container(&c.id, ropts, true).map(|_| ())
        });
        if failures.is_empty() {
            if let Some(infra) = info.infra() {
                if let Err(e) = self.remove_container(&infra.container.id, ropts, true) {
                    failures.push(e);
                }
            }
        }
        self.partial(&info.pod, failures)?;
        self.db()
            .delete_pod(&info.pod.id, Some(&event("remove", &info.pod)))?;
        Ok(info.pod.id)
    }

    /// Removes every pod whose containers have all stopped (podman's Exited and Stopped),
    /// telling `removed` each one's ID.
    pub fn prune_pods(&self, mut removed: impl FnMut(&str)) -> Result<()> {
        for p in self.pods()? {
            if !matches!(p.status, PodStatus::Exited | PodStatus::Stopped) {
                continue;
            }
            match self.remove_pod(&p.pod.id, PodRemoveOptions::default()) {
                Ok(id) => removed(&id),
                Err(EngineError::Pod(e)) if e.is_not_found() => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Runs `f` on each container at once (a stop waits out its timeout), returning the
    /// failures; a container removed meanwhile is no failure.
    fn each(
        &self,
        cs: &[&Container],
        f: impl Fn(&Container) -> Result<()> + Sync,
    ) -> Vec<EngineError> {
        let results: Vec<Result<()>> = std::thread::scope(|s| {
            let handles: Vec<_> = cs.iter().map(|c| s.spawn(|| f(c))).collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        });
        results
            .into_iter()
            .filter_map(Result::err)
            .filter(|e| !is_gone(e))
            .collect()
    }

    fn partial(&self, p: &Pod, failures: Vec<EngineError>) -> Result<()> {
        if failures.is_empty() {
            return Ok(());
        }
        Err(PodError::Partial {
            pod: p.name.clone(),
            count: failures.len(),
            errors: Failures(failures),
        }
        .into())
    }

    /// After a container of a pod with `--exit-policy stop` exited: once no container but the
    /// infra container runs, the pod stops.
    pub(crate) fn apply_exit_policy(&self, c: &Container) -> Result<()> {
        let Some(member) = container::config_of(c).ok().and_then(|cfg| cfg.pod) else {
            return Ok(());
        };
        if member.infra {
            return Ok(());
        }
        let Some(p) = self.db().pod(&member.id)? else {
            return Ok(());
        };
        if config_of(&p)?.exit_policy != ExitPolicy::Stop {
            return Ok(());
        }
        let info = info::info(self.paths(), self.db(), &p)?;
        if info.containers.iter().any(|m| !m.infra && active(&m.state)) {
            return Ok(());
        }
        if let Some(infra) = info.infra().filter(|m| active(&m.state)) {
            self.stop(&infra.container.id, None)?;
        }
        Ok(())
    }
}

fn is_gone(e: &EngineError) -> bool {
    matches!(e, EngineError::Container(c) if matches!(**c, container::ContainerError::NotFound { .. }))
}

impl Containers {
    /// Before a container of a pod starts: its pod's infra container runs, so that there are
    /// namespaces to join. Takes the infra container's lock (the caller holds the member's).
    pub(crate) fn ensure_pod_infra(&mut self, infra_id: &str) -> Result<Container> {
        let infra = self.reload(infra_id)?.ok_or_else(|| PodError::NoInfra {
            pod: infra_id.to_string(),
            what: "starting a container of the pod",
        })?;
        let obs = container::observe(&self.paths, &infra);
        if matches!(obs.state.as_str(), RUNNING | container::PAUSED) {
            return Ok(infra);
        }
        let _lock = container::lock(&self.paths, infra_id)?;
        let infra = self.reload(infra_id)?.ok_or_else(|| PodError::NoInfra {
            pod: infra_id.to_string(),
            what: "starting a container of the pod",
        })?;
        let obs = container::observe(&self.paths, &infra);
        if matches!(obs.state.as_str(), RUNNING | container::PAUSED) && !obs.needs_cleanup {
            return Ok(infra);
        }
        self.start(&infra)
    }

    /// The namespaces a pod member joins from its infra container (IPC, UTS, PID as shared;
    /// the network is joined as `container:INFRA`), starting the infra container if needed.
    pub(crate) fn pod_namespaces(
        &mut self,
        cfg: &container::ContainerConfig,
    ) -> Result<Vec<(oci_spec::runtime::LinuxNamespaceType, PathBuf)>> {
        use oci_spec::runtime::LinuxNamespaceType as T;
        let Some(m) = cfg
            .pod
            .as_ref()
            .filter(|m| !m.infra && !m.infra_id.is_empty())
        else {
            return Ok(Vec::new());
        };
        let infra = self.ensure_pod_infra(&m.infra_id)?;
        let mut out = Vec::new();
        for (name, typ) in [("ipc", T::Ipc), ("uts", T::Uts), ("pid", T::Pid)] {
            if m.joins(name) {
                out.push((
                    typ,
                    PathBuf::from(format!("/proc/{}/ns/{name}", infra.run.pid)),
                ));
            }
        }
        Ok(out)
    }
}
