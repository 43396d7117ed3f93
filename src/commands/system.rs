//! `hutch system df`, `system prune` and `system reset`.

use crate::cli::{SystemDfArgs, SystemPruneArgs, SystemResetArgs};
use crate::format;
use chrono::Utc;
use serde_json::{json, Value};
use std::io::{BufRead, Write};

fn confirm(text: &str) -> anyhow::Result<bool> {
    eprint!("{text}\nAre you sure you want to continue? [y/N] ");
    std::io::stderr().flush().ok();
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "Yes"))
}

fn size(b: u64) -> String {
    format::human_size(b as i64).replace(' ', "")
}

pub fn df(ctx: &super::Ctx, args: SystemDfArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    let usage = eng.df()?;
    let summary = usage.summary();
    if args.verbose && args.format.is_none() {
        let now = Utc::now();
        let mut out = String::from("Images space usage:\n\n");
        let mut t = String::from(
            "REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\tSHARED SIZE\tUNIQUE SIZE\tCONTAINERS\n",
        );
        for i in &usage.images {
            let names = if i.names.is_empty() {
                vec!["<none>:<none>".to_string()]
            } else {
                i.names.clone()
            };
            for n in names {
                let (repo, tag) = hutch_engine::images::split_name(&n);
                t.push_str(&format!(
                    "{repo}\t{}\t{}\t{}\t{}\t0B\t{}\t{}\n",
                    if tag.is_empty() { "<none>" } else { tag },
                    format::short_id(&i.id),
                    format::ago(i.created, now),
                    size(i.size),
                    size(i.size),
                    i.containers
                ));
            }
        }
        out.push_str(&format::align(&t));
        out.push_str("\nContainers space usage:\n\n");
        let mut t = String::from(
            "CONTAINER ID\tIMAGE\tCOMMAND\tLOCAL VOLUMES\tSIZE\tCREATED\tSTATUS\tNAMES\n",
        );
        for c in &usage.containers {
            t.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                format::short_id(&c.id),
                c.image,
                c.command.join(" "),
                c.volumes,
                size(c.size),
                format::ago(c.created, now),
                c.state,
                c.name
            ));
        }
        out.push_str(&format::align(&t));
        out.push_str("\nLocal Volumes space usage:\n\n");
        let mut t = String::from("VOLUME NAME\tLINKS\tSIZE\n");
        for v in &usage.volumes {
            t.push_str(&format!("{}\t{}\t{}\n", v.name, v.links, size(v.size)));
        }
        out.push_str(&format::align(&t));
        format::print(&out)?;
        return Ok(0);
    }
    let rows: Vec<Value> = summary
        .iter()
        .map(|s| {
            let pct = (s.reclaimable * 100).checked_div(s.size).unwrap_or(0);
            json!({
                "Type": s.kind,
                "Total": s.total,
                "Active": s.active,
                "Size": size(s.size),
                "Reclaimable": format!("{} ({pct}%)", size(s.reclaimable)),
                "RawSize": s.size,
                "RawReclaimable": s.reclaimable,
            })
        })
        .collect();
    let out = format::render_list(
        args.format.as_deref(),
        &format::ListSpec {
            default: "table {{.Type}}\t{{.Total}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}",
            headers: &[],
            noheading: false,
        },
        &rows,
        || rows.clone(),
    )?;
    format::print(&out)?;
    Ok(0)
}

pub fn prune(ctx: &super::Ctx, args: SystemPruneArgs) -> anyhow::Result<i32> {
    if !args.force {
        let mut text = String::from(
            "WARNING! This command removes:\n\t- all stopped containers\n\t- all stopped pods\n",
        );
        if args.volumes {
            text.push_str("\t- all volumes not used by at least one container\n");
        }
        text.push_str(if args.all {
            "\t- all images without at least one container associated to them\n"
        } else {
            "\t- all dangling images\n"
        });
        if !confirm(&text)? {
            return Ok(0);
        }
    }
    let eng = super::ctrs::open(ctx)?;
    let r = eng.prune_system(args.all, args.volumes)?;
    let mut out = String::new();
    for (title, list) in [
        ("Deleted Pods", &r.pods),
        ("Deleted Containers", &r.containers),
        ("Deleted Volumes", &r.volumes),
        ("Deleted Images", &r.images),
    ] {
        if !list.is_empty() {
            out.push_str(title);
            out.push('\n');
            for x in list {
                out.push_str(x);
                out.push('\n');
            }
        }
    }
    out.push_str(&format!("Total reclaimed space: {}\n", size(r.reclaimed)));
    format::print(&out)?;
    Ok(0)
}

pub fn reset(ctx: &super::Ctx, args: SystemResetArgs) -> anyhow::Result<i32> {
    if !args.force
        && !confirm(
            "WARNING! This will remove:\n\t- all containers\n\t- all images\n\t- all volumes\n\t- all networks\n\t- the storage and run directories and the pause process",
        )?
    {
        return Ok(0);
    }
    let eng = super::ctrs::open(ctx)?;
    let errors = eng.reset();
    if !errors.is_empty() {
        anyhow::bail!("system reset: {}", errors.join("; "));
    }
    Ok(0)
}
