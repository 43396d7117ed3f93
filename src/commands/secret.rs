//! `hutch secret create|ls|inspect|rm|exists`: podman's file-driver secrets. The engine keeps
//! them (`hutch_engine::secrets`); this reads the data the user points at and prints.

use crate::cli::{
    SecretCommand, SecretCreateArgs, SecretExistsArgs, SecretInspectArgs, SecretLsArgs,
    SecretRmArgs,
};
use crate::format::{self, ListSpec};
use anyhow::Context;
use hutch_engine::secrets::{CreateSecret, Secret};
use hutch_engine::ErrorKind;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::Read;

pub fn run(ctx: &super::Ctx, cmd: SecretCommand) -> anyhow::Result<i32> {
    match cmd {
        SecretCommand::Create(a) => create(ctx, a.0),
        SecretCommand::Ls(a) => ls(ctx, a.0),
        SecretCommand::Inspect(a) => inspect(ctx, a.0),
        SecretCommand::Rm(a) => rm(ctx, a.0),
        SecretCommand::Exists(a) => exists(ctx, a.0),
    }
}

fn key_values(
    flag: &str,
    items: &[String],
    split_commas: bool,
) -> anyhow::Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for item in items {
        let parts: Vec<&str> = if split_commas {
            item.split(',').collect()
        } else {
            vec![item.as_str()]
        };
        for p in parts {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            if k.is_empty() {
                anyhow::bail!("invalid {flag} {item:?}: expected KEY=VALUE");
            }
            out.insert(k.to_string(), v.to_string());
        }
    }
    Ok(out)
}

fn create(ctx: &super::Ctx, a: SecretCreateArgs) -> anyhow::Result<i32> {
    let data = if a.env {
        std::env::var_os(&a.file)
            .map(|v| std::os::unix::ffi::OsStrExt::as_bytes(v.as_os_str()).to_vec())
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "secret {}: environment variable {} is not set",
                    a.name,
                    a.file
                )
            })?
    } else if a.file == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut b)
            .context("reading the secret from standard input")?;
        b
    } else {
        std::fs::read(&a.file).with_context(|| format!("reading secret file {}", a.file))?
    };
    let s = ctx.engine()?.create_secret(&CreateSecret {
        name: a.name.clone(),
        driver: Some(a.driver.clone()),
        driver_options: key_values("--driver-opts", &a.driver_opts, true)?,
        labels: key_values("--label", &a.label, false)?,
        data,
    })?;
    println!("{}", s.id);
    Ok(0)
}

/// podman's `secret inspect` object.
fn inspect_view(s: &Secret) -> Value {
    let time =
        |t: &chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
    json!({
        "ID": s.id,
        "CreatedAt": time(&s.created),
        "UpdatedAt": time(&s.updated),
        "Spec": {
            "Name": s.name,
            "Driver": {"Name": s.driver, "Options": s.driver_options},
            "Labels": s.labels,
        },
    })
}

/// A row of `secret ls`: podman's template fields (its times humanised, as podman 4 prints).
fn row(s: &Secret, now: chrono::DateTime<chrono::Utc>) -> Value {
    let mut v = inspect_view(s);
    v["Name"] = json!(s.name);
    v["Driver"] = json!(s.driver);
    v["Labels"] = json!(s.labels);
    v["CreatedAt"] = json!(format::ago(s.created, now));
    v["UpdatedAt"] = json!(format::ago(s.updated, now));
    v
}

fn matches(s: &Secret, filters: &[(String, String)]) -> bool {
    filters.iter().all(|(k, v)| match k.as_str() {
        "name" => s.name.contains(v.as_str()),
        "id" => s.id.starts_with(v.as_str()),
        "label" => {
            let (lk, lv) = v
                .split_once('=')
                .map_or((v.as_str(), None), |(a, b)| (a, Some(b)));
            s.labels
                .get(lk)
                .is_some_and(|x| lv.is_none_or(|lv| x == lv))
        }
        _ => false,
    })
}

fn ls(ctx: &super::Ctx, a: SecretLsArgs) -> anyhow::Result<i32> {
    let mut filters = Vec::new();
    for f in &a.filter {
        let (k, v) = f
            .split_once('=')
            .ok_or_else(|| anyhow::anyhow!("invalid filter {f:?}: expected KEY=VALUE"))?;
        if !matches!(k, "name" | "id" | "label") {
            anyhow::bail!("invalid filter {k:?}: secret ls filters by name, id or label");
        }
        filters.push((k.to_string(), v.to_string()));
    }
    let list: Vec<Secret> = ctx
        .engine()?
        .secrets()?
        .into_iter()
        .filter(|s| matches(s, &filters))
        .collect();
    if a.quiet {
        let out: String = list.iter().map(|s| format!("{}\n", s.id)).collect();
        return format::print(&out).map(|()| 0);
    }
    let now = chrono::Utc::now();
    let rows: Vec<Value> = list.iter().map(|s| row(s, now)).collect();
    let out = format::render_list(
        a.format.as_deref(),
        &ListSpec {
            default: "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.CreatedAt}}\t{{.UpdatedAt}}",
            headers: &[("CreatedAt", "CREATED"), ("UpdatedAt", "UPDATED")],
            noheading: a.noheading,
        },
        &rows,
        || list.iter().map(inspect_view).collect(),
    )?;
    format::print(&out)?;
    Ok(0)
}

fn inspect(ctx: &super::Ctx, a: SecretInspectArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    let mut found = Vec::new();
    let mut first_err = None;
    for n in &a.names {
        match eng.secret(n) {
            Ok(s) => found.push(inspect_view(&s)),
            Err(e) => {
                if let Some(prev) = first_err.replace(e) {
                    eprintln!("Error: {prev}");
                }
            }
        }
    }
    let out = match a.format.as_deref() {
        Some(f) if !format::is_json(f) => {
            let mut s = String::new();
            for v in &found {
                s.push_str(&format::render_one(f, v)?);
            }
            s
        }
        _ => format::render_one("json", &Value::Array(found))?,
    };
    format::print(&out)?;
    match first_err {
        Some(e) => Err(e.into()),
        None => Ok(0),
    }
}

fn rm(ctx: &super::Ctx, a: SecretRmArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    let names: Vec<String> = if a.all {
        eng.secrets()?.into_iter().map(|s| s.id).collect()
    } else {
        a.names.clone()
    };
    super::ctrs::each(&names, |n| match eng.remove_secret(n) {
        Err(e) if a.ignore && e.kind() == ErrorKind::NotFound => Ok(None),
        r => Ok(Some(r?.id)),
    })
}

fn exists(ctx: &super::Ctx, a: SecretExistsArgs) -> anyhow::Result<i32> {
    match ctx.engine()?.secret(&a.name) {
        Ok(_) => Ok(0),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(1),
        Err(e) => Err(e.into()),
    }
}
