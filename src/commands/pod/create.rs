//! `hutch pod create`: the flags as a `PodSpec`; prints the pod's ID.

use crate::cli::PodCreateArgs;
use hutch_engine::container::create_spec as cs;
use hutch_engine::container::ContainerError;
use hutch_engine::pods::{config as pc, PodSpec};
use hutch_engine::EngineError;

pub fn run(ctx: &crate::commands::Ctx, a: PodCreateArgs) -> anyhow::Result<i32> {
    if a.name.is_some() && a.pod_name.is_some() {
        anyhow::bail!("cannot specify --name and a pod name argument together");
    }
    if let Some(u) = a.userns.as_deref().filter(|u| !matches!(*u, "" | "host")) {
        anyhow::bail!(
            "pod create --userns {u}: only hutch's own user namespace is supported for pods; give --userns to the pod's containers instead"
        );
    }
    if let Some(c) = &a.cgroup_parent {
        anyhow::bail!(
            "pod create --cgroup-parent {c}: rootless hutch makes no cgroups on cgroup v1; leave it out"
        );
    }
    let spec = spec(&a)?;
    let eng = crate::commands::ctrs::open(ctx)?;
    let pod = eng.create_pod(&spec)?;
    if let Some(f) = &a.pod_id_file {
        std::fs::write(f, &pod.id)
            .map_err(|e| anyhow::anyhow!("writing pod ID file {}: {e}", f.display()))?;
    }
    println!("{}", pod.id);
    Ok(0)
}

fn spec(a: &PodCreateArgs) -> Result<PodSpec, EngineError> {
    let mut labels = Vec::new();
    for l in &a.label {
        labels.push(cs::parse_label(l).map_err(ce)?);
    }
    let (network, net) = crate::commands::create_spec::network(&a.net, false).map_err(ce)?;
    Ok(PodSpec {
        name: a.name.clone().or_else(|| a.pod_name.clone()),
        labels,
        infra: a.infra,
        infra_name: a.infra_name.clone(),
        infra_command: a
            .infra_command
            .as_deref()
            .map(cs::parse_entrypoint)
            .transpose()
            .map_err(ce)?,
        infra_image: a.infra_image.clone(),
        share: a.share.clone(),
        hostname: a.hostname.clone(),
        network,
        net,
        exit_policy: pc::parse_exit_policy(&a.exit_policy)?,
        replace: a.replace,
        create_command: std::env::args().collect(),
    })
}

/// A flag parser's error as the engine's.
fn ce<E>(e: E) -> EngineError
where
    ContainerError: From<E>,
{
    ContainerError::from(e).into()
}
