//! `pod create`: the pod's row, then its infra container (created, not started: it starts with
//! the pod or with the first container started in it); and joining a pod at container create.

use super::config::{parse_share, PodChoice, PodConfig, PodMember, PodSpec};
use super::pause_image::CATATONIT;
use super::{config_of, event, lookup, PodError, PodRemoveOptions};
use crate::container::create_spec::ContainerSpec;
use crate::container::{mount_spec, names, PullPolicy};
use crate::{Engine, EngineError, Result};
use chrono::Utc;
use hutch_network::NetworkMode;
use hutch_state::{Container, Pod};
use std::collections::BTreeMap;

fn invalid(flag: &'static str, value: &str, reason: &str) -> PodError {
    PodError::InvalidFlag {
        flag,
        value: value.to_string(),
        reason: reason.to_string(),
    }
}

impl Engine {
    /// Creates a pod and (unless `spec.infra` is false) its infra container.
    pub fn create_pod(&self, spec: &PodSpec) -> Result<Pod> {
        let share = parse_share(spec.share.as_deref())?;
        if !spec.infra {
            if spec.share.is_some() && !share.is_empty() {
                return Err(invalid(
                    "--share",
                    spec.share.as_deref().unwrap_or_default(),
                    "you must have an infra container to share namespaces",
                )
                .into());
            }
            if !spec.net.publish.is_empty() || spec.network.is_some() {
                return Err(invalid(
                    "--infra",
                    "false",
                    "you must have an infra container to publish port bindings or set a network",
                )
                .into());
            }
        }
        if let Some(n) = &spec.name {
            if !names::valid_name(n) {
                return Err(
                    invalid("--name", n, "names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*").into(),
                );
            }
            if spec.replace {
                if let Ok(old) = lookup(self.db(), n).map(|p| p.id) {
                    let force = PodRemoveOptions {
                        force: true,
                        timeout: None,
                    };
                    match self.remove_pod(&old, force) {
                        Ok(_) => {}
                        Err(EngineError::Pod(e)) if e.is_not_found() => {}
                        Err(e) => return Err(e),
                    }
                }
            }
        }
        let name = spec.name.clone().unwrap_or_else(names::random_name);
        let cfg = PodConfig {
            share: if spec.infra { share } else { Vec::new() },
            hostname: spec.hostname.clone().unwrap_or_else(|| name.clone()),
            exit_policy: spec.exit_policy,
            infra_image: spec.infra_image.clone().unwrap_or_default(),
            infra_command: spec.infra_command.clone().unwrap_or_default(),
            create_command: spec.create_command.clone(),
        };
        let encode = |what: &'static str| {
            let name = name.clone();
            move |source| EngineError::Encode {
                what: format!("the {what} of pod {name}"),
                source,
            }
        };
        let labels: BTreeMap<&str, &str> = spec
            .labels
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let mut pod = Pod {
            id: names::random_id(),
            name: name.clone(),
            created: Utc::now(),
            labels: serde_json::to_string(&labels).map_err(encode("labels"))?,
            infra_id: String::new(),
            spec: serde_json::to_string(&cfg).map_err(encode("configuration"))?,
        };
        self.db().insert_pod(&pod, Some(&event("create", &pod)))?;
        if spec.infra {
            match self.create_infra(&pod, &cfg, spec) {
                Ok(c) => {
                    self.db().set_pod_infra(&pod.id, &c.id)?;
                    pod.infra_id = c.id;
                }
                Err(e) => {
                    if let Err(d) = self.db().delete_pod(&pod.id, None) {
                        tracing::warn!("pod {}: removing after a failed create: {d}", pod.id);
                    }
                    return Err(e);
                }
            }
        }
        Ok(pod)
    }

    /// The infra container: the pause image running `/catatonit -P` (or `--infra-image` and
    /// `--infra-command`), with the pod's network, ports and hostname.
    fn create_infra(&self, pod: &Pod, cfg: &PodConfig, spec: &PodSpec) -> Result<Container> {
        let (image, image_name, pause) = match &spec.infra_image {
            Some(img) => {
                let (i, n) = self.ensure_image(
                    img,
                    PullPolicy::Missing,
                    &crate::pull::PullOptions::default(),
                    &crate::progress::Silent,
                    std::future::pending(),
                )?;
                (i, n, false)
            }
            None => {
                let (i, n) = self.pause_image()?;
                (i, n, true)
            }
        };
        let mut mounts = Vec::new();
        if pause {
            let cat = crate::host::find_program("catatonit").ok_or_else(|| {
                invalid(
                    "--infra-image",
                    "",
                    "the pause image runs catatonit, which is not installed: install catatonit or give --infra-image",
                )
            })?;
            mounts.push(mount_spec::parse_volume(&format!(
                "{}:{CATATONIT}:ro",
                cat.display()
            ))?);
        }
        let cspec = ContainerSpec {
            name: Some(
                spec.infra_name
                    .clone()
                    .unwrap_or_else(|| format!("{}-infra", &pod.id[..12])),
            ),
            entrypoint: spec.infra_command.clone(),
            hostname: cfg.shares("uts").then(|| cfg.hostname.clone()),
            network: spec.network.clone(),
            net: spec.net.clone(),
            mounts,
            create_command: spec.create_command.clone(),
            ..Default::default()
        };
        let member = PodMember {
            id: pod.id.clone(),
            name: pod.name.clone(),
            infra: true,
            infra_id: String::new(),
            share: cfg.share.clone(),
        };
        self.containers().create(
            &image,
            &image_name,
            &cspec,
            self.runtime_choice(),
            Some(&member),
        )
    }

    /// For a container created in a pod (`--pod`): the spec with the pod's shared network and
    /// hostname, and what the container stores of its pod. `--pod new:NAME` creates the pod
    /// first, moving the container's network and published ports to it as podman does; the
    /// third value is that new pod, to remove again if the container cannot be created.
    pub(crate) fn join_pod(
        &self,
        spec: &ContainerSpec,
    ) -> Result<(ContainerSpec, Option<PodMember>, Option<Pod>)> {
        let Some(choice) = &spec.pod else {
            return Ok((spec.clone(), None, None));
        };
        let mut spec = spec.clone();
        let (pod, new) = match choice {
            PodChoice::Existing(n) => (lookup(self.db(), n)?, false),
            PodChoice::New(name) => {
                let ps = PodSpec {
                    name: Some(name.clone()),
                    network: spec.network.take(),
                    net: hutch_network::options::NetSpec {
                        publish: std::mem::take(&mut spec.net.publish),
                        aliases: std::mem::take(&mut spec.net.aliases),
                        ..Default::default()
                    },
                    create_command: spec.create_command.clone(),
                    ..Default::default()
                };
                (self.create_pod(&ps)?, true)
            }
        };
        let cfg = config_of(&pod)?;
        let member = PodMember {
            id: pod.id.clone(),
            name: pod.name.clone(),
            infra: false,
            infra_id: pod.infra_id.clone(),
            share: if pod.infra_id.is_empty() {
                Vec::new()
            } else {
                cfg.share.clone()
            },
        };
        let refuse = |reason: &str| -> Result<()> {
            Err(PodError::InvalidMember {
                reason: reason.to_string(),
            }
            .into())
        };
        if spec.userns != crate::container::create_spec::UsernsMode::Host
            && member.share.iter().any(|n| n != "net")
        {
            refuse("--userns=keep-id cannot join the pod's IPC, UTS or PID namespace, which belong to hutch's user namespace: create the pod with --share net")?;
        }
        if member.joins("net") {
            if !spec.net.publish.is_empty() || spec.net.publish_all {
                refuse("published or exposed ports must be defined when the pod is created: network cannot be configured when it is shared with a pod")?;
            }
            if spec.network.is_some() {
                refuse("networks must be defined when the pod is created: network cannot be configured when it is shared with a pod")?;
            }
            spec.network = Some(NetworkMode::Container {
                id: pod.infra_id.clone(),
            });
        }
        if member.joins("uts") {
            if spec.hostname.is_some() {
                refuse("cannot set hostname when joining the pod UTS namespace")?;
            }
            spec.hostname = Some(cfg.hostname.clone());
        }
        Ok((spec, Some(member), new.then_some(pod)))
    }
}
