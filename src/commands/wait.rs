//! `hutch wait`: block until containers stop (or reach `--condition`) and print exit codes.

use crate::cli::WaitArgs;
use hutch_engine::container::ContainerError;
use hutch_engine::EngineError;

pub fn run(ctx: &super::Ctx, args: WaitArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    let conditions: Vec<String> = if args.condition.is_empty() {
        vec!["stopped".into()]
    } else {
        args.condition.clone()
    };
    for c in &conditions {
        if !matches!(
            c.as_str(),
            "stopped"
                | "exited"
                | "running"
                | "created"
                | "configured"
                | "paused"
                | "healthy"
                | "unhealthy"
        ) {
            anyhow::bail!("invalid --condition {c:?}");
        }
    }
    super::ctrs::each(&args.containers, |name| match eng.wait(name, &conditions) {
        Ok(code) => Ok(Some(code.to_string())),
        Err(EngineError::Container(e))
            if args.ignore && matches!(*e, ContainerError::NotFound { .. }) =>
        {
            Ok(Some("-1".into()))
        }
        Err(e) => Err(e.into()),
    })
}
