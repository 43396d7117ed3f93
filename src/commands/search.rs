//! `hutch search` and `hutch image search`: a registry's catalog, or a repository's tags.

use crate::cli::SearchArgs;
use crate::format::{self, ListSpec};
use anyhow::Context;
use hutch_engine::auth::AuthOptions;
use hutch_engine::search::{self, SearchOptions};
use serde_json::json;

pub fn run(ctx: &super::Ctx, args: SearchArgs) -> anyhow::Result<i32> {
    // Catalogs have no stars and nothing official or automated: a filter asking for any of
    // them matches nothing.
    let mut keep = true;
    for f in &args.filter {
        let (k, v) = f
            .split_once('=')
            .with_context(|| format!("invalid search filter {f:?}: want KEY=VALUE"))?;
        match k {
            "stars" => {
                let n: u64 = v.parse().with_context(|| {
                    format!("invalid search filter {f:?}: stars wants a number")
                })?;
                keep &= n == 0;
            }
            "is-official" | "is-automated" => {
                let b: bool = v
                    .parse()
                    .with_context(|| format!("invalid search filter {f:?}: want true or false"))?;
                keep &= !b;
            }
            other => anyhow::bail!(
                "invalid search filter {other:?}: supported are stars, is-official, is-automated"
            ),
        }
    }
    let opts = SearchOptions {
        tls_verify: args.tls_verify,
        cert_dir: args.cert_dir.clone(),
        auth: AuthOptions {
            creds: args.creds.clone(),
            authfile: args.authfile.clone(),
        },
        limit: args.limit,
        insecure_loopback: false,
    };
    let hits = crate::rt::block_on(async {
        if args.list_tags {
            search::list_tags(&ctx.paths, &args.term, &opts).await
        } else {
            search::search(&ctx.paths, &args.term, &opts).await
        }
    })??;
    let rows: Vec<serde_json::Value> = hits
        .iter()
        .filter(|_| keep)
        .map(|h| {
            json!({
                "Index": h.index,
                "Name": h.name,
                "Description": "",
                "Stars": 0,
                "Official": "",
                "Automated": "",
                "Tag": h.tag.clone().unwrap_or_default(),
            })
        })
        .collect();
    let spec = ListSpec {
        default: if args.list_tags {
            "table {{.Name}}\t{{.Tag}}"
        } else {
            "table {{.Name}}\t{{.Description}}"
        },
        headers: &[],
        noheading: false,
    };
    let out = format::render_list(args.format.as_deref(), &spec, &rows, || rows.clone())?;
    format::print(&out)?;
    Ok(0)
}
