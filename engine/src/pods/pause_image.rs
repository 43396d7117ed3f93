//! The pause image: podman builds `localhost/podman-pause` locally; hutch imports a small root
//! filesystem (the directories a runtime mounts over, nothing else) as
//! `localhost/hutch-pause:VERSION`. Its entrypoint, `/catatonit -P`, is the host's catatonit,
//! bound read-only into each infra container. Nothing is ever pulled.

use crate::saveload::import::{import, ImportOptions};
use crate::{Engine, EngineError, Result};
use hutch_state::Image;

/// The pause image's name.
pub fn name() -> String {
    format!("localhost/hutch-pause:{}", env!("CARGO_PKG_VERSION"))
}

/// Where the host's catatonit is bound in an infra container.
pub const CATATONIT: &str = "/catatonit";

/// The root filesystem: the directories a runtime mounts over or writes to.
fn rootfs_tar() -> std::io::Result<Vec<u8>> {
    let mut b = tar::Builder::new(Vec::new());
    for (dir, mode) in [
        ("dev", 0o755),
        ("etc", 0o755),
        ("proc", 0o555),
        ("run", 0o755),
        ("sys", 0o555),
        ("tmp", 0o1777),
    ] {
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(tar::EntryType::Directory);
        h.set_mode(mode);
        h.set_size(0);
        h.set_mtime(0);
        h.set_uid(0);
        h.set_gid(0);
        b.append_data(&mut h, format!("{dir}/"), std::io::empty())?;
    }
    b.into_inner()
}

impl Engine {
    /// The pause image, imported on first use.
    pub(super) fn pause_image(&self) -> Result<(Image, String)> {
        let name = name();
        if let Ok(found) = crate::images::lookup(self.db(), &name) {
            return Ok((found.image, name));
        }
        let tar =
            rootfs_tar().map_err(|e| EngineError::io("the pause image's root filesystem", e))?;
        let userns = self.userns()?.clone();
        let opts = ImportOptions {
            name: Some(name.clone()),
            changes: vec![format!(r#"ENTRYPOINT ["{CATATONIT}", "-P"]"#)],
            message: Some("hutch pause image".into()),
            ..Default::default()
        };
        import(self.paths(), &userns, &tar[..], "pause image", &opts)?;
        let found = crate::images::lookup(self.db(), &name)?;
        Ok((found.image, name))
    }
}
