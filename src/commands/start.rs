//! `hutch start`: start containers; with `-a` attach to one and return its exit code.

use crate::cli::StartArgs;
use hutch_engine::container;

pub fn run(ctx: &super::Ctx, args: StartArgs) -> anyhow::Result<i32> {
    let mut eng = super::ctrs::engine(ctx)?;
    if args.attach || args.interactive {
        if args.containers.len() != 1 {
            anyhow::bail!("you cannot start and attach multiple containers at once");
        }
        let c = super::ctrs::find(&eng, &args.containers[0])?;
        return super::ctrs::start_attached(
            &mut eng,
            &c,
            args.interactive,
            args.detach_keys.as_deref(),
            args.sig_proxy,
        );
    }
    super::ctrs::each(&args.containers, |name| {
        let c = super::ctrs::find(&eng, name)?;
        let _lock = container::lock(&eng.paths, &c.id)?;
        let c = eng.reload(&c.id)?.unwrap_or(c);
        if c.run.state == container::RUNNING {
            // Starting a running container is not an error in podman.
            return Ok(Some(name.to_string()));
        }
        eng.start(&c)?;
        Ok(Some(name.to_string()))
    })
}
