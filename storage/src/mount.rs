//! Mounting a stack of layers: kernel overlayfs inside the user namespace, else the
//! fuse-overlayfs program, else vfs (a copy).

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum MountError {
    #[error("mounting {target}: {source}")]
    Mount {
        target: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Driver {
    Overlay,
    FuseOverlayfs,
    Vfs,
}

impl Driver {
    pub fn name(self) -> &'static str {
        match self {
            Driver::Overlay => "overlay",
            Driver::FuseOverlayfs => "fuse-overlayfs",
            Driver::Vfs => "vfs",
        }
    }
}

pub fn driver(_graphroot: &Path, _forced: Option<&str>) -> crate::Result<Driver> {
    todo!("storage: driver")
}

pub fn mount(
    _driver: Driver,
    _lowers_top_first: &[PathBuf],
    _upper: Option<(&Path, &Path)>,
    _target: &Path,
) -> crate::Result<()> {
    todo!("storage: mount")
}

pub fn unmount(_driver: Driver, _target: &Path) -> crate::Result<()> {
    todo!("storage: unmount")
}
