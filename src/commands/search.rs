//! `hutch search` and `hutch image search`: a registry's catalog, or a repository's tags.

use crate::cli::SearchArgs;
use crate::format::{self, ListSpec};
use hutch_engine::auth::AuthOptions;
use hutch_engine::search::{self, SearchOptions};
use serde_json::json;

pub fn run(ctx: &super::Ctx, args: SearchArgs) -> anyhow::Result<i32> {
    let keep = search::filters_accept(&args.filter).map_err(hutch_engine::EngineError::from)?;
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
