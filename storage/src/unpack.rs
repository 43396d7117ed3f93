//! Unpacking one uncompressed layer tarball into its overlay form, refusing any entry that
//! would land outside the layer directory.

use std::io::Read;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum UnpackError {
    #[error("layer {layer}: entry {entry:?}: {reason}")]
    Unsafe {
        layer: String,
        entry: String,
        reason: String,
    },
    #[error("layer {layer}: {source}")]
    Io {
        layer: String,
        #[source]
        source: std::io::Error,
    },
}

#[derive(Debug, Clone, Default)]
pub struct UnpackOptions {
    /// The layer's digest, named in every error.
    pub layer: String,
    /// With a single-id mapping, owners other than 0 cannot be set: keep going.
    pub ignore_chown_errors: bool,
}

#[derive(Debug, Clone, Default)]
pub struct UnpackStats {
    pub entries: u64,
    pub bytes: u64,
}

pub fn unpack_layer<R: Read>(
    _reader: R,
    _dest: &Path,
    _opts: &UnpackOptions,
) -> Result<UnpackStats, UnpackError> {
    todo!("storage: unpack_layer")
}
