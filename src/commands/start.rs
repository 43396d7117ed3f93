//! `hutch start`: start containers; with `-a` attach to one and return its exit code.

use crate::cli::StartArgs;

pub fn run(ctx: &super::Ctx, args: StartArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    if args.attach || args.interactive {
        if args.containers.len() != 1 {
            anyhow::bail!("you cannot start and attach multiple containers at once");
        }
        let c = eng.lookup(&args.containers[0])?;
        return super::ctrs::start_attached(
            &eng,
            &c,
            args.interactive,
            args.detach_keys.as_deref(),
            args.sig_proxy,
        );
    }
    super::ctrs::each(&args.containers, |name| {
        eng.start(name)?;
        Ok(Some(name.to_string()))
    })
}
