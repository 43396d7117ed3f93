//! `hutch run`: create a container and start it, attached (returning its exit code) or with
//! `-d` in the background (printing its ID).

use crate::cli::RunArgs;
use hutch_engine::container;

pub fn run(ctx: &super::Ctx, args: RunArgs) -> anyhow::Result<i32> {
    let mut eng = super::ctrs::engine(ctx)?;
    let c = super::ctrs::create(ctx, &mut eng, &args.create)?;
    let outcome = if args.detach {
        let _lock = container::lock(&eng.paths, &c.id)?;
        eng.start(&c)
            .map(|_| {
                println!("{}", c.id);
                0
            })
            .map_err(anyhow::Error::from)
    } else {
        super::ctrs::start_attached(
            &mut eng,
            &c,
            args.create.interactive,
            args.detach_keys.as_deref(),
            args.sig_proxy,
        )
    };
    if outcome.is_err() && args.create.rm {
        // A container that never ran is not worth keeping with --rm.
        let _lock = container::lock(&eng.paths, &c.id)?;
        if let Ok(Some(now)) = eng.reload(&c.id) {
            let _ = eng.remove(&now, true, Some(0));
        }
    }
    outcome
}
