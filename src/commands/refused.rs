//! Commands podman has that hutch refuses plainly (exit 125), each naming what to use instead.

use crate::cli::{RefusedArgs, RunlabelArgs};

pub fn runlabel(ctx: &super::Ctx, a: RunlabelArgs) -> anyhow::Result<i32> {
    // Show what the label holds, so the user can run it by hand.
    let shown = ctx
        .engine()
        .ok()
        .and_then(|e| hutch_engine::images::lookup(e.db(), &a.image).ok())
        .and_then(|found| hutch_engine::images::config(&found.image).ok())
        .and_then(|cfg| {
            cfg.config
                .as_ref()
                .and_then(|c| c.get("Labels"))
                .and_then(|l| l.get(&a.label))
                .and_then(|v| v.as_str())
                .map(str::to_string)
        });
    let hint = match shown {
        Some(cmd) => format!("its {} label is: {cmd}", a.label),
        None => format!(
            "`hutch image inspect --format '{{{{index .Labels \"{}\"}}}}' {}` shows the command",
            a.label, a.image
        ),
    };
    anyhow::bail!(
        "container runlabel is not supported: hutch does not run commands that images supply; \
         run the label's command yourself with hutch in place of podman ({hint})"
    )
}

pub fn image_trust(_: RefusedArgs) -> anyhow::Result<i32> {
    anyhow::bail!(
        "image trust is not supported: hutch does not verify image signatures yet; \
         use podman image trust (policy.json is shared), or pull by digest (IMAGE@sha256:...) to pin content"
    )
}

pub fn image_sign(_: RefusedArgs) -> anyhow::Result<i32> {
    anyhow::bail!(
        "image sign is not supported: hutch does not sign images yet; \
         use skopeo copy --sign-by KEY or cosign sign on the pushed image"
    )
}
