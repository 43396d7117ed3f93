//! `hutch rmi` / `hutch image rm`: untag, then delete; exit 1 when an image is unknown and 2
//! when one is in use, as podman does.

use crate::cli::RmiArgs;
use hutch_engine::images::{self, RemoveOptions, Removed};
use hutch_engine::EngineError;

pub fn run(ctx: &super::Ctx, args: RmiArgs) -> anyhow::Result<i32> {
    if args.all && !args.images.is_empty() {
        anyhow::bail!("when using the --all switch, you may not pass any image names or IDs");
    }
    if !args.all && args.images.is_empty() {
        anyhow::bail!("image name or ID must be specified");
    }
    // Layer directories hold files owned by subordinate ids: remove them inside the namespace.
    // With -f the containers go first, which needs the whole engine (it reconciles).
    let eng = if args.force {
        super::ctrs::open(ctx)?
    } else {
        ctx.enter_userns()?;
        ctx.engine()?
    };
    let db = eng.db().clone();
    let names: Vec<String> = if args.all {
        images::list(&db, &Default::default())?
            .into_iter()
            .map(|i| i.id)
            .collect()
    } else {
        args.images.clone()
    };
    let opts = RemoveOptions {
        force: args.force,
        all_names: args.all,
    };
    let mut not_found = false;
    let mut conflict = false;
    let mut other = false;
    for name in &names {
        // As podman: -f removes the containers that use the image first.
        let res = eng.remove_image(name, opts);
        let mut out = String::new();
        for e in res.as_deref().unwrap_or_default() {
            match e {
                Removed::Untagged(n) => out.push_str(&format!("Untagged: {n}\n")),
                Removed::Deleted(id) => out.push_str(&format!("Deleted: {id}\n")),
            }
        }
        crate::format::print(&out)?;
        match res {
            Ok(_) => {}
            // --force implies --ignore, as in podman.
            Err(EngineError::ImageNotKnown { .. }) if args.ignore || args.force => {}
            Err(e) => {
                match e {
                    EngineError::ImageNotKnown { .. } => not_found = true,
                    EngineError::ImageInUse { .. } => conflict = true,
                    _ => other = true,
                }
                eprintln!("Error: {}", crate::error_line(&anyhow::Error::from(e)));
            }
        }
    }
    Ok(if other {
        hutch_engine::ExitCode::ENGINE
    } else if conflict {
        2
    } else if not_found {
        1
    } else {
        0
    })
}
