//! `hutch wait`: block until containers stop (or reach `--condition`) and print exit codes.

use crate::cli::WaitArgs;
use hutch_engine::container::{self, ContainerError};
use std::time::Duration;

pub fn run(ctx: &super::Ctx, args: WaitArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::engine(ctx)?;
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
    let wants_exit = conditions.iter().any(|c| c == "stopped" || c == "exited");
    super::ctrs::each(&args.containers, |name| {
        let c = match container::lookup(&eng.db, name) {
            Ok(c) => c,
            Err(ContainerError::NotFound { .. }) if args.ignore => return Ok(Some("-1".into())),
            Err(e) => return Err(hutch_engine::EngineError::from(e).into()),
        };
        loop {
            let now = match eng.reload(&c.id)? {
                Some(n) => n,
                None => anyhow::bail!("container {name} was removed while waiting"),
            };
            let obs = container::observe(&eng.paths, &now);
            let state = if obs.state == container::CONFIGURED {
                "created".to_string()
            } else {
                obs.state.clone()
            };
            let stopped = matches!(state.as_str(), "exited" | "stopped");
            if wants_exit
                && (stopped
                    || now.run.state == container::CONFIGURED && now.run.exit_code.is_some())
            {
                return Ok(Some(obs.exit_code.unwrap_or(0).to_string()));
            }
            if conditions.contains(&state) {
                return Ok(Some(obs.exit_code.unwrap_or(-1).to_string()));
            }
            if wants_exit && state == "running" {
                let code = eng.wait_exit(&now, None)?;
                return Ok(Some(code.unwrap_or(-1).to_string()));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    })
}
