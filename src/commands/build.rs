//! `hutch build` and `hutch image build`: turns the flags into `BuildOptions`, reads the
//! Dockerfile, and renders the engine's build events as podman does (STEP lines, the RUN
//! output, `COMMIT`, `--> ID`); `builder prune`.

use crate::cli::{BuildArgs, BuilderPruneArgs};
use anyhow::Context;
use hutch_engine::build::context::BuildContext;
use hutch_engine::build::{
    BuildEvent, BuildOptions, BuildSink, CacheLocation, Cancel, ImageFormat, Secret,
};
use hutch_engine::container::mount_spec::parse_volume;
use hutch_engine::progress::ProgressSink;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The plain renderer: podman's lines on stdout, pull progress on stderr.
struct Plain {
    quiet: bool,
    pull: Box<dyn ProgressSink>,
    out: Mutex<std::io::Stdout>,
}

impl BuildSink for Plain {
    fn event(&self, event: BuildEvent) {
        if let BuildEvent::Pull(e) = event {
            self.pull.event(e);
            return;
        }
        if let BuildEvent::Warning(w) = &event {
            tracing::warn!("{w}");
            return;
        }
        if self.quiet {
            return;
        }
        let mut out = self.out.lock().unwrap_or_else(|e| e.into_inner());
        let _ = match event {
            BuildEvent::Step {
                stage,
                number,
                total,
                text,
            } => {
                let prefix = stage
                    .map(|(s, n)| format!("[{s}/{n}] "))
                    .unwrap_or_default();
                writeln!(out, "{prefix}STEP {number}/{total}: {text}")
            }
            BuildEvent::Output { bytes, .. } => out.write_all(&bytes),
            BuildEvent::CacheHit { id } => writeln!(out, "--> Using cache {id}"),
            BuildEvent::Image { id } => writeln!(out, "--> {}", &id[..id.len().min(12)]),
            BuildEvent::Commit { name } => match name {
                Some(n) => writeln!(out, "COMMIT {n}"),
                None => writeln!(out, "COMMIT"),
            },
            BuildEvent::Tagged { name } => writeln!(out, "Successfully tagged {name}"),
            BuildEvent::Pull(_) | BuildEvent::Warning(_) => Ok(()),
        };
        let _ = out.flush();
    }
}

fn key_value(flag: &str, v: &str) -> anyhow::Result<(String, String)> {
    match v.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => anyhow::bail!("invalid {flag} {v:?}: expected KEY=VALUE"),
    }
}

/// `--build-arg NAME=VALUE`, or `NAME` alone from the environment (skipped when unset).
fn build_args(args: &BuildArgs) -> anyhow::Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for f in &args.build_arg_file {
        let text = std::fs::read_to_string(f)
            .with_context(|| format!("reading --build-arg-file {}", f.display()))?;
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (k, v) = key_value("--build-arg-file line", line)?;
            out.insert(k, v);
        }
    }
    for a in &args.build_arg {
        match a.split_once('=') {
            Some((k, v)) => {
                out.insert(k.to_string(), v.to_string());
            }
            None => {
                if let Ok(v) = std::env::var(a) {
                    out.insert(a.clone(), v);
                }
            }
        }
    }
    Ok(out)
}

fn secrets(args: &BuildArgs) -> anyhow::Result<Vec<Secret>> {
    let mut out = Vec::new();
    for s in &args.secret {
        let mut id = None;
        let mut src = None;
        let mut env = None;
        for kv in s.split(',') {
            match kv.split_once('=') {
                Some(("id", v)) => id = Some(v.to_string()),
                Some(("src" | "source", v)) => src = Some(v.to_string()),
                Some(("env", v)) => env = Some(v.to_string()),
                Some(("type", _)) => {}
                _ => anyhow::bail!(
                    "invalid --secret {s:?}: expected id=ID,src=PATH or id=ID,env=VAR"
                ),
            }
        }
        let id = id
            .or_else(|| src.clone())
            .or_else(|| env.clone())
            .ok_or_else(|| {
                anyhow::anyhow!("invalid --secret {s:?}: expected id=ID,src=PATH or id=ID,env=VAR")
            })?;
        let data = match (src, env) {
            (Some(p), _) => {
                std::fs::read(&p).with_context(|| format!("reading secret {id:?} from {p}"))?
            }
            (None, Some(v)) => std::env::var(&v)
                .with_context(|| format!("secret {id:?}: environment variable {v} is not set"))?
                .into_bytes(),
            (None, None) => std::fs::read(&id).with_context(|| format!("reading secret {id:?}"))?,
        };
        out.push(Secret { id, data });
    }
    Ok(out)
}

fn ssh(args: &BuildArgs) -> anyhow::Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    for s in &args.ssh {
        let (id, path) = match s.split_once('=') {
            Some((id, p)) => (id.to_string(), PathBuf::from(p)),
            None => {
                let sock = std::env::var("SSH_AUTH_SOCK").map_err(|_| {
                    anyhow::anyhow!("--ssh {s}: SSH_AUTH_SOCK is not set; pass --ssh {s}=SOCKET")
                })?;
                (s.clone(), PathBuf::from(sock))
            }
        };
        out.push((id, path));
    }
    Ok(out)
}

/// The build context: a directory, `-` (a tar on stdin), a tar file, or a git/HTTP(S) URL.
/// `-f` is relative to the working directory (as in podman), so it is made absolute here.
fn open_context(args: &BuildArgs) -> anyhow::Result<BuildContext> {
    let context = args.context.clone().unwrap_or_else(|| ".".into());
    let file = match args.file.last().map(String::as_str) {
        None | Some("-") => String::new(),
        Some(f) => std::path::absolute(f)
            .with_context(|| format!("-f {f}"))?
            .to_string_lossy()
            .into_owned(),
    };
    let is_url = context.contains("://") || context.starts_with("git@");
    let ctx = if context == "-" {
        BuildContext::open_tar(std::io::stdin().lock(), &file)
    } else if is_url {
        BuildContext::open_url(&context, &file)
    } else if Path::new(&context).is_file() {
        let f = std::fs::File::open(&context).with_context(|| format!("opening {context}"))?;
        BuildContext::open_tar(f, &file)
    } else {
        BuildContext::open_dir(Path::new(&context), &file)
    };
    ctx.with_context(|| format!("build context {context}"))
}

/// The Dockerfile's text and name: standard input with `-f -` (the context then cannot be
/// `-` too), else the context's.
fn dockerfile(args: &BuildArgs, ctx: &BuildContext) -> anyhow::Result<(String, String)> {
    if args.file.last().is_some_and(|f| f == "-") {
        if args.context.as_deref() == Some("-") {
            anyhow::bail!("-f - and a context on standard input cannot both read standard input");
        }
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("reading the Dockerfile from standard input")?;
        return Ok((s, "Dockerfile".into()));
    }
    let path = ctx.dockerfile_path()?;
    let name = path
        .strip_prefix(ctx.root())
        .unwrap_or(&path)
        .display()
        .to_string();
    Ok((ctx.dockerfile_text()?, name))
}

pub fn run(ctx: &super::Ctx, args: BuildArgs) -> anyhow::Result<i32> {
    // The namespace first (joining needs a process without threads; an HTTP context is
    // fetched on the engine's runtime).
    let eng = super::ctrs::open(ctx)?;
    let build_ctx = open_context(&args)?;
    let (text, name) = dockerfile(&args, &build_ctx)?;
    let pull = match (&args.pull, args.pull_always, args.pull_never) {
        (_, true, _) => "always".to_string(),
        (_, _, true) => "never".to_string(),
        (Some(p), _, _) => p.clone(),
        (None, _, _) => "missing".to_string(),
    };
    let pull = match pull.as_str() {
        "true" => "always",
        "false" => "missing",
        p => p,
    }
    .parse()?;
    let format = match args.format.as_str() {
        "oci" => ImageFormat::Oci,
        "docker" => ImageFormat::Docker,
        f => anyhow::bail!("invalid --format {f:?}: expected oci or docker"),
    };
    let mut volumes = Vec::new();
    for v in &args.volume {
        volumes.push(parse_volume(v).map_err(hutch_engine::EngineError::from)?);
    }
    let network = match &args.network {
        Some(n) => hutch_engine::networks::mode::parse(std::slice::from_ref(n))
            .map_err(hutch_engine::EngineError::from)?,
        None => None,
    };
    let opts = BuildOptions {
        dockerfile: text,
        dockerfile_name: name,
        tags: args.tag.clone(),
        build_args: build_args(&args)?,
        target: args.target.clone(),
        no_cache: args.no_cache,
        layers: args.layers,
        pull,
        pull_options: super::pull::options(&args.registry),
        labels: args
            .label
            .iter()
            .map(|l| key_value("--label", l))
            .collect::<anyhow::Result<_>>()?,
        annotations: args
            .annotation
            .iter()
            .map(|l| key_value("--annotation", l))
            .collect::<anyhow::Result<_>>()?,
        network,
        volumes,
        secrets: secrets(&args)?,
        ssh: ssh(&args)?,
        squash: args.squash,
        squash_all: args.squash_all,
        format,
        platform: args.platform.clone(),
        cache_from: args
            .cache_from
            .iter()
            .filter(|c| !c.is_empty())
            .map(|c| CacheLocation::parse(c).map_err(|e| anyhow::anyhow!("--cache-from: {e}")))
            .collect::<anyhow::Result<_>>()?,
        cache_to: args
            .cache_to
            .as_deref()
            .map(|c| CacheLocation::parse(c).map_err(|e| anyhow::anyhow!("--cache-to: {e}")))
            .transpose()?,
    };
    let cancel = Arc::new(Cancel::new().context("making the build's cancel pipe")?);
    {
        let cancel = cancel.clone();
        hutch_engine::rt::runtime()?.spawn(async move {
            super::pull::ctrl_c().await;
            cancel.cancel();
        });
    }
    // A compact live view on a terminal; podman's plain lines on a pipe or a file.
    let result = if !args.quiet && std::io::stdout().is_terminal() {
        let sink = super::build_progress::Tty::new(crate::progress::registry(false));
        let r = eng.build(&opts, &build_ctx, &sink, &cancel);
        sink.end(r.is_err());
        r?
    } else {
        let sink = Plain {
            quiet: args.quiet,
            pull: crate::progress::registry(args.quiet),
            out: Mutex::new(std::io::stdout()),
        };
        eng.build(&opts, &build_ctx, &sink, &cancel)?
    };
    if let Some(f) = &args.iidfile {
        std::fs::write(f, format!("sha256:{}", result.id))
            .with_context(|| format!("writing --iidfile {}", f.display()))?;
    }
    println!("{}", result.id);
    Ok(0)
}

pub fn prune(ctx: &super::Ctx, _args: BuilderPruneArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    let report = eng.prune_build_cache()?;
    for id in &report.images {
        println!("{id}");
    }
    Ok(0)
}
