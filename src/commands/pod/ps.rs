//! `hutch pod ps`: podman's columns (POD ID, NAME, STATUS, CREATED, INFRA ID, # OF
//! CONTAINERS), the container columns on request, filters, sorting, templates and JSON.

use crate::cli::PodPsArgs;
use crate::commands::Ctx;
use crate::format::{self, ListSpec};
use chrono::Utc;
use hutch_engine::container::display_state;
use hutch_engine::pods::PodInfo;
use hutch_engine::{filters, EngineError};
use serde_json::{json, Value};

const HEADERS: &[(&str, &str)] = &[
    ("ID", "POD ID"),
    ("InfraID", "INFRA ID"),
    ("NumberOfContainers", "# OF CONTAINERS"),
    ("ContainerIds", "IDS"),
    ("ContainerNames", "NAMES"),
    ("ContainerStatuses", "STATUS"),
    ("Namespace", "NAMESPACES"),
];

/// podman's default table for the flags given.
fn table(a: &PodPsArgs) -> String {
    let mut row = vec![
        "{{.ID}}",
        "{{.Name}}",
        "{{.Status}}",
        "{{.Created}}",
        "{{.InfraID}}",
    ];
    if a.ctr_ids {
        row.push("{{.ContainerIds}}");
    }
    if a.ctr_names {
        row.push("{{.ContainerNames}}");
    }
    if a.ctr_status {
        row.push("{{.ContainerStatuses}}");
    }
    if a.ns {
        row.push("{{.Cgroup}}");
        row.push("{{.Namespace}}");
    }
    if !a.ctr_ids && !a.ctr_names && !a.ctr_status {
        row.push("{{.NumberOfContainers}}");
    }
    format!("table {}", row.join("\t"))
}

pub fn run(ctx: &Ctx, a: PodPsArgs) -> anyhow::Result<i32> {
    let f = filters::pods(&a.filter).map_err(EngineError::from)?;
    if !matches!(
        a.sort.as_str(),
        "created" | "id" | "name" | "number" | "status"
    ) {
        anyhow::bail!(
            "invalid option for --sort {:?}, options are: created, id, name, number, or status",
            a.sort
        );
    }
    let eng = ctx.engine()?;
    let mut pods: Vec<PodInfo> = eng
        .pods()?
        .into_iter()
        .filter(|p| filters::pod_matches(&f, p))
        .collect();
    match a.sort.as_str() {
        "id" => pods.sort_by(|x, y| x.pod.id.cmp(&y.pod.id)),
        "name" => pods.sort_by(|x, y| x.pod.name.cmp(&y.pod.name)),
        "number" => pods.sort_by_key(|p| p.containers.len()),
        "status" => pods.sort_by(|x, y| x.status.as_str().cmp(y.status.as_str())),
        _ => pods.sort_by_key(|p| std::cmp::Reverse(p.pod.created)),
    }
    if a.latest {
        pods.sort_by_key(|p| std::cmp::Reverse(p.pod.created));
        pods.truncate(1);
    }
    let short = |id: &str| {
        if a.no_trunc || id.len() < 12 {
            id.to_string()
        } else {
            id[..12].to_string()
        }
    };
    if a.quiet {
        let mut out = String::new();
        for p in &pods {
            out.push_str(&short(&p.pod.id));
            out.push('\n');
        }
        format::print(&out)?;
        return Ok(0);
    }
    let now = Utc::now();
    let rows: Vec<Value> = pods
        .iter()
        .map(|p| {
            let join = |f: &dyn Fn(&hutch_engine::pods::info::MemberState) -> String| {
                p.containers.iter().map(f).collect::<Vec<_>>().join(",")
            };
            json!({
                "ID": short(&p.pod.id),
                "Id": p.pod.id,
                "Name": p.pod.name,
                "Status": p.status.as_str(),
                "Created": hutch_engine::container::list::ago(p.pod.created, now),
                "CreatedAt": p.pod.created.to_string(),
                "InfraID": short(&p.pod.infra_id),
                "InfraId": p.pod.infra_id,
                "NumberOfContainers": p.containers.len(),
                "ContainerIds": join(&|m| short(&m.container.id)),
                "ContainerNames": join(&|m| m.container.name.clone()),
                "ContainerStatuses": join(&|m| display_state(&m.state).to_string()),
                "Labels": p.labels,
                "Networks": networks(p).join(","),
                "Cgroup": "",
                "Namespace": "",
            })
        })
        .collect();
    let default = table(&a);
    let spec = ListSpec {
        default: &default,
        headers: HEADERS,
        noheading: a.noheading,
    };
    let out = format::render_list(a.format.as_deref(), &spec, &rows, || {
        pods.iter().map(json_item).collect()
    })?;
    format::print(&out)?;
    Ok(0)
}

fn networks(p: &PodInfo) -> Vec<String> {
    match p.infra_config.as_ref().map(|c| &c.network) {
        Some(hutch_engine::networks::mode::NetworkMode::Networks { networks }) => {
            networks.iter().map(|n| n.name.clone()).collect()
        }
        _ => Vec::new(),
    }
}

/// One pod as podman's `pod ps --format json` prints it.
fn json_item(p: &PodInfo) -> Value {
    json!({
        "Cgroup": "",
        "Containers": p.containers.iter().map(|m| json!({
            "Id": m.container.id,
            "Names": m.container.name,
            "Status": display_state(&m.state),
            "RestartCount": m.container.run.restart_count,
        })).collect::<Vec<_>>(),
        "Created": p.pod.created.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        "Id": p.pod.id,
        "InfraId": p.pod.infra_id,
        "Name": p.pod.name,
        "Namespace": "",
        "Networks": networks(p),
        "Status": p.status.as_str(),
        "Labels": p.labels,
    })
}
