//! `hutch cp`: copy between a container and the host, or tar streams (`-`) in and out. Paths
//! in the container are resolved inside its root, so no symlink leads out of it.

use crate::cli::CpArgs;
use anyhow::Context;
use hutch_engine::container::archive::{self, CopyError};
use std::io::Write;
use std::path::{Path, PathBuf};

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

/// Container paths are relative to `/` (the working directory is not tracked here).
fn absolute(p: &str) -> PathBuf {
    Path::new("/").join(p)
}

pub fn run(ctx: &super::Ctx, args: CpArgs) -> anyhow::Result<i32> {
    let (src, dst) = (parse(&args.source), parse(&args.destination));
    match (&src, &dst) {
        (End::Container { .. }, End::Container { .. }) => {
            anyhow::bail!("copying between containers is not supported: copy to the host first")
        }
        (End::Container { .. }, _) | (_, End::Container { .. }) => {}
        _ => {
            anyhow::bail!("one of source and destination must be a container path, CONTAINER:PATH")
        }
    }
    if let End::Host(p) = &src {
        std::fs::symlink_metadata(p)
            .with_context(|| format!("{}: cannot copy from the host", p.display()))?;
    }
    let eng = super::ctrs::open(ctx)?;
    match (src, dst) {
        (End::Stream, End::Container { name, path }) => {
            eng.copy_into(&name, &path, std::io::stdin().lock(), false)?;
        }
        (End::Container { name, path }, to) => {
            eng.with_container(&name, |ops, c| {
                ops.with_rootfs(&c, |root| {
                    let (resolved, contents) = archive::resolve_source(root, &path)?;
                    match to {
                        End::Stream => {
                            let out = std::io::stdout().lock();
                            let mut w = archive::copy_out_tar(
                                &resolved,
                                contents,
                                std::io::BufWriter::new(out),
                            )?;
                            w.flush()
                                .map_err(|e| hutch_engine::EngineError::io("standard output", e))
                        }
                        End::Host(dest) => archive::copy_out(&resolved, contents, &dest),
                        End::Container { .. } => unreachable!("refused above"),
                    }
                })
            })?;
        }
        (from, End::Container { name, path }) => {
            let dest = absolute(&path);
            eng.with_container(&name, |ops, c| {
                ops.with_rootfs(&c, |root| {
                    let w = archive::Writer::new(root);
                    let resolved =
                        hutch_engine::container::rootfs::resolve_in_root(root, &dest, true)
                            .map_err(|e| hutch_engine::EngineError::io(&dest, e))?;
                    let dest_is_dir = resolved.is_dir();
                    match from {
                        End::Host(src) => {
                            let src_meta = std::fs::symlink_metadata(&src)
                                .map_err(|e| hutch_engine::EngineError::io(&src, e))?;
                            let contents = src_meta.is_dir()
                                && (args.source == "." || args.source.ends_with("/."));
                            let target = if dest_is_dir && !contents {
                                dest.join(src.file_name().unwrap_or_default())
                            } else {
                                dest.clone()
                            };
                            if !dest_is_dir && path.ends_with('/') {
                                return Err(CopyError::NoSuchDirectory {
                                    container: name.clone(),
                                    path: path.clone(),
                                }
                                .into());
                            }
                            w.host_tree(&src, &target)
                        }
                        End::Stream | End::Container { .. } => unreachable!("handled above"),
                    }
                })
            })?;
        }
        _ => unreachable!("refused above"),
    }
    Ok(0)
}
