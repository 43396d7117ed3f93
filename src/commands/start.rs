//! `hutch start`: start containers; with `-a` attach to one and return its exit code.

use crate::cli::StartArgs;
use hutch_engine::container::run::AttachRequest;

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
    super::ctrs::each(&args.containers, |name| {
        eng.start(name)?;
        Ok(Some(name.to_string()))
    })
}
