//! A container's network as the lifecycle sees it: setting it up (through `hutch_network`),
//! joining another container's namespace, and tearing it down once.

use super::config::ContainerConfig;
use super::lifecycle::{observe, Containers, CREATED, PAUSED, RUNNING};
use super::ContainerError;
use crate::Result;
use hutch_network::NetEnv;
use hutch_network::NetworkMode;
use hutch_network::Request;
use hutch_network::Status as NetStatus;
use hutch_state::Container;
use std::path::PathBuf;

impl Containers {
    /// Where network state lives and the network configuration (containers.conf, read once
    /// per process: podman's default file alone is 24 KB of TOML).
    pub fn net_env(&self) -> NetEnv {
        self.shared
            .env
            .get_or_init(|| {
                NetEnv::new(
                    self.paths.runroot.clone(),
                    self.paths.graphroot.clone(),
                    self.paths.config_home.clone(),
                    self.paths.rootless(),
                )
            })
            .clone()
    }

    /// Sets up the container's network (see `hutch_network::container`); with `defer`, a slow
    /// helper is only started (see `setup_started`).
    pub(super) fn setup_network(
        &self,
        c: &Container,
        cfg: &ContainerConfig,
        hostname: &str,
        existing_netns: Option<PathBuf>,
        defer: bool,
    ) -> Result<(
        NetStatus,
        hutch_network::Handoff,
        Option<hutch_network::container::PendingHelper>,
    )> {
        self.shared.down().remove(&c.id);
        let env = self.net_env();
        let joined_netns = match &cfg.network {
            NetworkMode::Container { id } => Some(self.joined_netns(c, id)?),
            _ => None,
        };
        let req = self.net_request(c, cfg, hostname, joined_netns, existing_netns);
        if defer {
            return Ok(hutch_network::container::setup_started(&env, &req)?);
        }
        let (st, handoff) = hutch_network::container::setup_held(&env, &req)?;
        Ok((st, handoff, None))
    }

    pub(super) fn net_request<'a>(
        &self,
        c: &'a Container,
        cfg: &'a ContainerConfig,
        hostname: &'a str,
        joined_netns: Option<PathBuf>,
        existing_netns: Option<PathBuf>,
    ) -> Request<'a> {
        Request {
            id: &c.id,
            name: &c.name,
            hostname,
            mode: &cfg.network,
            opts: &cfg.net,
            joined_netns,
            // slirp4netns quits when the monitor (which inherits this) dies; a namespace made
            // after the monitor started (keep-id) has no monitor to hand it to.
            hold_exit_fd: existing_netns.is_none(),
            existing_netns,
        }
    }

    /// The namespace of the running container `id` for `--network container:ID`.
    pub(super) fn joined_netns(&self, c: &Container, id: &str) -> Result<PathBuf> {
        let other = self
            .db
            .container(id)?
            .ok_or_else(|| ContainerError::InvalidFlag {
                flag: "--network",
                value: format!("container:{id}"),
                reason: format!("container {id} no longer exists"),
            })?;
        let obs = observe(&self.paths, &other);
        if obs.needs_cleanup || !matches!(other.run.state.as_str(), RUNNING | PAUSED | CREATED) {
            return Err(ContainerError::BadState {
                name: c.name.clone(),
                state: c.run.state.clone(),
                reason: format!(
                    "it shares the network of container {}, which is not running",
                    other.name
                ),
            }
            .into());
        }
        let env = self.net_env();
        if let Some(ns) = hutch_network::container::status(&env, &other.id).and_then(|s| s.netns) {
            return Ok(ns);
        }
        Ok(PathBuf::from(format!("/proc/{}/ns/net", other.run.pid)))
    }

    /// The IPC namespace of the container `--ipc container:ID` names, which must be running.
    pub(super) fn joined_ipcns(&self, c: &Container, id: &str) -> Result<PathBuf> {
        let other = self
            .db
            .container(id)?
            .ok_or_else(|| ContainerError::InvalidFlag {
                flag: "--ipc",
                value: format!("container:{id}"),
                reason: format!("container {id} no longer exists"),
            })?;
        let obs = observe(&self.paths, &other);
        if obs.needs_cleanup || !matches!(other.run.state.as_str(), RUNNING | PAUSED) {
            return Err(ContainerError::BadState {
                name: c.name.clone(),
                state: c.run.state.clone(),
                reason: format!(
                    "it shares the IPC namespace of container {}, which is not running",
                    other.name
                ),
            }
            .into());
        }
        Ok(PathBuf::from(format!("/proc/{}/ns/ipc", other.run.pid)))
    }

    /// Undoes `setup_network`; safe to call when there is nothing to undo.
    pub(crate) fn teardown_network(&self, c: &Container, cfg: &ContainerConfig) -> Result<()> {
        if self.shared.down().contains(&c.id) {
            return Ok(());
        }
        let env = self.net_env();
        let req = Request {
            id: &c.id,
            name: &c.name,
            hostname: &cfg.hostname,
            mode: &cfg.network,
            opts: &cfg.net,
            joined_netns: None,
            existing_netns: None,
            hold_exit_fd: false,
        };
        hutch_network::teardown(&env, &req)?;
        self.shared.down().insert(c.id.clone());
        Ok(())
    }
}
