//! `hutch run`: create a container and start it, attached (returning its exit code) or with
//! `-d` in the background (printing its ID).

use crate::cli::RunArgs;

pub fn run(ctx: &super::Ctx, args: RunArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    let c = super::ctrs::create(ctx, &eng, &args.create)?;
    let outcome = if args.detach {
        eng.with_locked(&c, |ops| ops.start(&c))
            .map(|_| {
                println!("{}", c.id);
                0
            })
            .map_err(anyhow::Error::from)
    } else {
        super::ctrs::start_attached(
            &eng,
            &c,
            args.create.interactive,
            args.detach_keys.as_deref(),
            args.sig_proxy,
        )
    };
    if outcome.is_err() && args.create.rm {
        eng.discard_failed_run(&c);
    }
    outcome
}
