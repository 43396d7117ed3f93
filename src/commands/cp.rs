//! `hutch cp`: copy between a container and the host, between two containers, or tar streams
//! (`-`) in and out. The engine resolves container paths inside the container (relative ones
//! from its working directory), through its mounts while it runs.

use crate::cli::CpArgs;
use anyhow::Context;
use hutch_engine::container::copy::CopyInto;
use std::io::Write;
use std::path::PathBuf;

enum End {
    Host(PathBuf),
    Stream,
    Container { name: String, path: String },
}

/// `CONTAINER:PATH`, `-`, or a host path (one with a colon is written `./a:b`).
fn parse(arg: &str) -> End {
    if arg == "-" {
        return End::Stream;
    }
    if !arg.starts_with(['/', '.']) {
        if let Some((name, path)) = arg.split_once(':') {
            if !name.is_empty() {
                let path = if path.is_empty() { "/" } else { path };
                return End::Container {
                    name: name.to_string(),
                    path: path.to_string(),
                };
            }
        }
    }
    End::Host(PathBuf::from(arg))
}

pub fn run(ctx: &super::Ctx, args: CpArgs) -> anyhow::Result<i32> {
    let (src, dst) = (parse(&args.source), parse(&args.destination));
    let opts = CopyInto {
        keep_non_dirs: !args.overwrite,
        replace_dirs: args.overwrite,
        archive: args.archive.unwrap_or(true),
        pause: args.pause.unwrap_or(true),
    };
    if let End::Host(p) = &src {
        std::fs::symlink_metadata(p)
            .with_context(|| format!("{}: cannot copy from the host", p.display()))?;
    }
    if !matches!(src, End::Container { .. }) && !matches!(dst, End::Container { .. }) {
        anyhow::bail!("one of source and destination must be a container path, CONTAINER:PATH");
    }
    let eng = super::ctrs::open(ctx)?;
    match (src, dst) {
        (
            End::Container { name, path },
            End::Container {
                name: to,
                path: to_path,
            },
        ) => {
            eng.copy_between(&name, &path, &to, &to_path, opts)?;
        }
        (End::Stream, End::Container { name, path }) => {
            eng.copy_into(&name, &path, std::io::stdin().lock(), opts)?;
        }
        (End::Host(src), End::Container { name, path }) => {
            let contents = args.source == "." || args.source.ends_with("/.");
            eng.copy_host_to_container(&src, contents, &name, &path, opts)?;
        }
        (End::Container { name, path }, End::Stream) => {
            let out = std::io::BufWriter::new(std::io::stdout().lock());
            let mut w = eng.copy_container_to_stream(&name, &path, out, opts.pause)?;
            w.flush()
                .context("writing the tar stream to standard output")?;
        }
        (End::Container { name, path }, End::Host(dest)) => {
            eng.copy_container_to_host(&name, &path, &dest, opts.pause)?;
        }
        _ => unreachable!("refused above"),
    }
    Ok(0)
}
