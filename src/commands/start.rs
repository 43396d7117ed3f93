//! `hutch start`: start containers (or with `--all` every stopped one matching `--filter`);
//! with `-a` attach to one and return its exit code.

use crate::cli::StartArgs;
use hutch_engine::container;
use hutch_engine::container::run::AttachRequest;
use hutch_engine::{filters, EngineError};

pub fn run(ctx: &super::Ctx, args: StartArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    if args.attach || args.interactive {
        if args.containers.len() != 1 {
            anyhow::bail!("you cannot start and attach multiple containers at once");
        }
        let req = AttachRequest {
            stdin: args.interactive,
            detach_keys: args.detach_keys,
        };
        return super::attach::session(args.sig_proxy, |io| {
            eng.start_attached(&args.containers[0], &req, io)
        });
    }
    if !args.filter.is_empty() && !args.all {
        anyhow::bail!("--filter selects among all containers: use it with --all");
    }
    let names = if args.all {
        let f = filters::containers(&args.filter).map_err(EngineError::from)?;
        let list = eng.db().containers()?;
        list.iter()
            .filter(|c| {
                let obs = container::observe(eng.paths(), c);
                obs.state != container::RUNNING
                    && obs.state != container::PAUSED
                    && filters::container_matches(&f, c, &obs, &list)
            })
            .map(|c| c.name.clone())
            .collect()
    } else {
        args.containers
    };
    super::ctrs::each(&names, |name| {
        eng.start(name)?;
        Ok(Some(name.to_string()))
    })
}
