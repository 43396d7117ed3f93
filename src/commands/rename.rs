//! `hutch rename`.

use crate::cli::RenameArgs;
use hutch_engine::container::{self, names};

pub fn run(ctx: &super::Ctx, args: RenameArgs) -> anyhow::Result<i32> {
    if !names::valid_name(&args.new_name) {
        anyhow::bail!(
            "invalid container name {:?}: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*",
            args.new_name
        );
    }
    let mut db = ctx.db()?;
    let c = container::lookup(&db, &args.container).map_err(hutch_engine::EngineError::from)?;
    let ev = hutch_state::NewEvent {
        kind: "container".into(),
        action: "rename".into(),
        id: c.id.clone(),
        name: args.new_name.clone(),
        attributes: serde_json::json!({"oldName": c.name}).to_string(),
    };
    db.rename_container(&c.id, &args.new_name, Some(&ev))?;
    Ok(0)
}
