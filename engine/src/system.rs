//! Storage-wide operations: disk usage (`system df`), pruning everything unused at once
//! (`system prune`) and removing everything hutch stores for the user (`system reset`).
//! Other areas plug their own teardown into `reset` where marked (networks: issue 5).

use crate::container::{self, Containers};
use crate::{images, volumes, Result};
use serde::Serialize;
use std::collections::HashSet;

#[derive(Debug, Clone, Serialize)]
pub struct ImageUsage {
    pub id: String,
    pub names: Vec<String>,
    pub created: chrono::DateTime<chrono::Utc>,
    pub size: u64,
    pub containers: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContainerUsage {
    pub id: String,
    pub name: String,
    pub image: String,
    pub command: Vec<String>,
    pub created: chrono::DateTime<chrono::Utc>,
    pub state: String,
    /// Bytes in the container's writable layer.
    pub size: u64,
    /// Volumes it mounts.
    pub volumes: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct VolumeUsage {
    pub name: String,
    /// Containers using it.
    pub links: usize,
    pub size: u64,
}

/// One line of the summary: Images, Containers, Local Volumes.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub kind: &'static str,
    pub total: usize,
    pub active: usize,
    pub size: u64,
    pub reclaimable: u64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Df {
    pub images: Vec<ImageUsage>,
    pub containers: Vec<ContainerUsage>,
    pub volumes: Vec<VolumeUsage>,
}

impl Df {
    pub fn summary(&self) -> Vec<Summary> {
        let sum = |it: &mut dyn Iterator<Item = u64>| it.sum::<u64>();
        vec![
            Summary {
                kind: "Images",
                total: self.images.len(),
                active: self.images.iter().filter(|i| i.containers > 0).count(),
                size: sum(&mut self.images.iter().map(|i| i.size)),
                reclaimable: sum(&mut self
                    .images
                    .iter()
                    .filter(|i| i.containers == 0)
                    .map(|i| i.size)),
            },
            Summary {
                kind: "Containers",
                total: self.containers.len(),
                active: self
                    .containers
                    .iter()
                    .filter(|c| c.state == container::RUNNING)
                    .count(),
                size: sum(&mut self.containers.iter().map(|c| c.size)),
                reclaimable: sum(&mut self
                    .containers
                    .iter()
                    .filter(|c| c.state != container::RUNNING)
                    .map(|c| c.size)),
            },
            Summary {
                kind: "Local Volumes",
                total: self.volumes.len(),
                active: self.volumes.iter().filter(|v| v.links > 0).count(),
                size: sum(&mut self.volumes.iter().map(|v| v.size)),
                reclaimable: sum(&mut self.volumes.iter().filter(|v| v.links == 0).map(|v| v.size)),
            },
        ]
    }
}

/// Disk usage of images, containers and volumes. Sizes are read from disk: call it inside the
/// user namespace so files of other container users are counted.
pub fn df(eng: &Containers) -> Result<Df> {
    let containers = eng.db.containers()?;
    let mut out = Df::default();
    for img in eng.db.images()? {
        out.images.push(ImageUsage {
            containers: containers.iter().filter(|c| c.image_id == img.id).count(),
            id: img.id,
            names: img.names,
            created: img.created,
            size: img.size.max(0) as u64,
        });
    }
    for c in &containers {
        let cfg = container::config_of(c).unwrap_or_default();
        out.containers.push(ContainerUsage {
            id: c.id.clone(),
            name: c.name.clone(),
            image: c.image_name.clone(),
            command: cfg.args(),
            created: c.created,
            state: container::observe(&eng.paths, c).state,
            size: volumes::dir_size(&eng.dirs(&c.id).upper),
            volumes: cfg.mounts.iter().filter(|m| m.kind == "volume").count(),
        });
    }
    let usage = volumes::usage(&eng.db)?;
    for v in eng.db.volumes()? {
        out.volumes.push(VolumeUsage {
            links: usage.get(&v.name).map(Vec::len).unwrap_or(0),
            size: volumes::size(&eng.paths, &v.name),
            name: v.name,
        });
    }
    Ok(out)
}

#[derive(Debug, Clone, Default)]
pub struct PruneReport {
    /// Stopped pods, removed first with their containers (podman's "Deleted Pods").
    pub pods: Vec<String>,
    pub containers: Vec<String>,
    pub volumes: Vec<String>,
    pub images: Vec<String>,
    pub reclaimed: u64,
}

/// Removes stopped containers, then (with `volumes`) volumes no container uses, then dangling
/// images (every unused one with `all`). Runs inside the user namespace.
pub fn prune(eng: &mut Containers, all: bool, with_volumes: bool) -> Result<PruneReport> {
    let mut report = PruneReport::default();
    for c in eng.db.containers()? {
        let state = container::observe(&eng.paths, &c).state;
        if !matches!(
            state.as_str(),
            container::EXITED | container::STOPPED | container::CONFIGURED
        ) || crate::pods::pod_of_infra(&eng.db, &c)?.is_some()
        {
            // A pod's infra container goes with its pod only.
            continue;
        }
        let _lock = container::lock(&eng.paths, &c.id)?;
        if let Some(c) = eng.reload(&c.id)? {
            report.reclaimed += volumes::dir_size(&eng.dirs(&c.id).upper);
            eng.remove(&c, false, None)?;
            report.containers.push(c.id);
        }
    }
    // Networks (issue 5): remove networks no container uses here.
    if with_volumes {
        for (name, size) in volumes::prune(&eng.db, &eng.paths, &volumes::Filters::default())? {
            report.reclaimed += size;
            report.volumes.push(name);
        }
    }
    let sizes: std::collections::HashMap<String, i64> = eng
        .db
        .images()?
        .into_iter()
        .map(|i| (i.id, i.size))
        .collect();
    for id in images::prune(&eng.db, &eng.paths, all)? {
        report.reclaimed += sizes.get(&id).copied().unwrap_or(0).max(0) as u64;
        report.images.push(id);
    }
    Ok(report)
}

/// Removes everything hutch keeps for the user: containers (killed first), image mounts,
/// volumes, images and the storage and run directories, then stops the pause process. Keeps
/// going past failures and returns them all. Runs inside the user namespace.
pub fn reset(eng: &mut Containers) -> Vec<String> {
    let mut errors = Vec::new();
    match eng.db.containers() {
        Ok(list) => {
            for c in list {
                let r = container::lock(&eng.paths, &c.id).and_then(|_lock| {
                    match eng.reload(&c.id)? {
                        Some(c) => eng.remove(&c, true, Some(0)),
                        None => Ok(()),
                    }
                });
                if let Err(e) = r {
                    errors.push(format!("container {}: {e}", c.name));
                }
            }
        }
        Err(e) => errors.push(e.to_string()),
    }
    if let Ok(mounted) = images::mounted(&eng.db, &eng.paths) {
        for (img, _) in mounted {
            if let Err(e) = images::unmount(&eng.db, &eng.paths, &img, true) {
                errors.push(format!("image {}: {e}", img.id));
            }
        }
    }
    match eng.db.volumes() {
        Ok(list) => {
            for v in list {
                if let Err(e) = volumes::remove(&eng.db, &eng.paths, &v) {
                    errors.push(e.to_string());
                }
            }
        }
        Err(e) => errors.push(e.to_string()),
    }
    // Networks (issue 5): remove the user's networks and their state here, before the run
    // directory goes.

    // Whatever is still mounted below the storage (a stale container or image mount), deepest
    // first, so the directories can go.
    let roots = [eng.paths.graphroot.clone(), eng.paths.runroot.clone()];
    let mut mounts: Vec<std::path::PathBuf> = hutch_sys::procfs::mounts()
        .unwrap_or_default()
        .into_iter()
        .map(|m| m.mount_point)
        .filter(|p| roots.iter().any(|r| p.starts_with(r)))
        .collect();
    mounts.sort_by_key(|p| std::cmp::Reverse(p.components().count()));
    let mut seen = HashSet::new();
    for m in mounts {
        if seen.insert(m.clone()) {
            if let Err(e) = hutch_sys::mount::umount(&m, true) {
                errors.push(format!("unmounting {}: {e}", m.display()));
            }
        }
    }
    let pause = std::fs::read_to_string(eng.paths.runroot.join("pause.pid"))
        .ok()
        .and_then(|s| s.trim().parse::<i32>().ok());
    for dir in &roots {
        match std::fs::remove_dir_all(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => errors.push(format!("removing {}: {e}", dir.display())),
        }
    }
    if let Some(pid) = pause {
        // Last: this process is inside its namespaces, which live on while it runs.
        if let Err(e) = hutch_sys::process::kill(pid) {
            if e.raw_os_error() != Some(3) {
                errors.push(format!("stopping the pause process {pid}: {e}"));
            }
        }
    }
    errors
}
/// The system verbs on the engine handle.
impl crate::Engine {
    /// `system df`.
    pub fn df(&self) -> Result<Df> {
        df(&self.containers())
    }

    /// `system prune`: stopped containers, unused networks, dangling (with `all`, unused)
    /// images and, with `volumes`, unused volumes.
    pub fn prune_system(&self, all: bool, volumes: bool) -> Result<PruneReport> {
        let mut pods = Vec::new();
        self.prune_pods(|id| pods.push(id.to_string()))?;
        let mut report = prune(&mut self.containers(), all, volumes)?;
        report.pods = pods;
        Ok(report)
    }

    /// `system reset`: removes everything, keeping going past failures, which it returns.
    pub fn reset(&self) -> Vec<String> {
        reset(&mut self.containers())
    }
}
