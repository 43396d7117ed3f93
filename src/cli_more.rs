//! Arguments of commands added to match podman (`untag`, ...), kept out of `cli.rs` so that
//! parallel work there merges cleanly.

use clap::Args;

#[derive(Debug, Args)]
pub struct UntagArgs {
    /// The image to remove names from
    pub image: String,
    /// Names to remove [default: all of the image's names]
    pub names: Vec<String>,
}
