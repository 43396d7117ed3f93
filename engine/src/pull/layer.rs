//! One layer's streaming pipeline: registry blob stream -> sha256 of the compressed bytes ->
//! decompression picked by magic bytes (gzip, zstd, or none) -> sha256 of the tar (diff_id) ->
//! `unpack_layer` into a staging directory, on a blocking thread. Both digests are checked after
//! the stream has been drained to its very end.

use super::PullError;
use bytes::Bytes;
use futures_util::StreamExt;
use hutch_storage::unpack::{unpack_layer, UnpackOptions};
use hutch_storage::{LayerStore, Staging};
use sha2::{Digest, Sha256};
use std::io::{self, Read};
use std::sync::Arc;
use tokio::sync::mpsc;

/// A layer unpacked into staging whose digests both matched.
pub struct StagedLayer {
    pub staging: Staging,
    pub diff_id: String,
    pub compressed_digest: String,
    pub media_type: String,
    /// Bytes of the uncompressed tar.
    pub size: i64,
}

pub struct LayerJob {
    pub image: String,
    pub digest: String,
    pub diff_id: String,
    pub media_type: String,
    pub ignore_chown_errors: bool,
}

/// Feeds the blob stream to the unpacker and checks both digests. `on_bytes` is told about each
/// chunk (progress bars).
pub async fn fetch_and_unpack<S>(
    job: LayerJob,
    mut stream: S,
    store: Arc<LayerStore>,
    on_bytes: impl Fn(u64),
) -> Result<StagedLayer, PullError>
where
    S: futures_util::Stream<Item = io::Result<Bytes>> + Unpin,
{
    let staging = {
        let store = store.clone();
        tokio::task::spawn_blocking(move || store.staging())
            .await
            .map_err(join_err)?
            .map_err(|source| PullError::Storage {
                image: job.image.clone(),
                source,
            })?
    };
    let (tx, rx) = mpsc::channel::<Bytes>(32);
    let opts = UnpackOptions {
        layer: job.digest.clone(),
        ignore_chown_errors: job.ignore_chown_errors,
    };
    let unpacker = tokio::task::spawn_blocking(move || unpack_from_channel(rx, staging, opts));

    let mut stream_err = None;
    while let Some(item) = stream.next().await {
        match item {
            Ok(chunk) => {
                on_bytes(chunk.len() as u64);
                // When the unpacker stopped early (it failed), its error is what matters.
                if tx.send(chunk).await.is_err() {
                    break;
                }
            }
            Err(e) => {
                // oci-client's own digest check fires at the end of the stream; ours names
                // the layer and both digests, so let the unpacker finish and compare.
                let digest_mismatch = e
                    .get_ref()
                    .is_some_and(|inner| inner.is::<oci_client::errors::DigestError>());
                if !digest_mismatch {
                    stream_err = Some(e);
                }
                break;
            }
        }
    }
    drop(tx);
    let unpacked = unpacker.await.map_err(join_err)?;
    if let Some(e) = stream_err {
        // Dropping a finished staging dir discards it.
        drop(unpacked);
        return Err(PullError::LayerDownload {
            image: job.image,
            layer: job.digest,
            reason: crate::pull::error_chain(&e),
        });
    }
    let done = unpacked.map_err(|e| match e {
        UnpackFailure::Unpack(source) => PullError::Unpack {
            image: job.image.clone(),
            source,
        },
        UnpackFailure::Read(source) => PullError::LayerDownload {
            image: job.image.clone(),
            layer: job.digest.clone(),
            reason: source.to_string(),
        },
    })?;
    if done.compressed_digest != job.digest {
        return Err(PullError::LayerDigest {
            image: job.image,
            layer: job.digest.clone(),
            what: "blob",
            expected: job.digest,
            actual: done.compressed_digest,
        });
    }
    if done.diff_id != job.diff_id {
        return Err(PullError::LayerDigest {
            image: job.image,
            layer: job.digest,
            what: "uncompressed content (diff_id)",
            expected: job.diff_id,
            actual: done.diff_id,
        });
    }
    Ok(StagedLayer {
        staging: done.staging,
        diff_id: done.diff_id,
        compressed_digest: done.compressed_digest,
        media_type: job.media_type,
        size: done.size,
    })
}

fn join_err(e: tokio::task::JoinError) -> PullError {
    PullError::Internal(format!("layer task failed: {e}"))
}

enum UnpackFailure {
    Unpack(hutch_storage::unpack::UnpackError),
    Read(io::Error),
}

struct Unpacked {
    staging: Staging,
    compressed_digest: String,
    diff_id: String,
    size: i64,
}

fn unpack_from_channel(
    rx: mpsc::Receiver<Bytes>,
    staging: Staging,
    opts: UnpackOptions,
) -> Result<Unpacked, UnpackFailure> {
    let mut compressed = HashingReader::new(ChannelReader {
        rx,
        current: Bytes::new(),
    });
    let mut magic = Vec::with_capacity(4);
    (&mut compressed)
        .take(4)
        .read_to_end(&mut magic)
        .map_err(UnpackFailure::Read)?;
    let head = io::Cursor::new(magic.clone());
    let source = head.chain(&mut compressed);
    let decoder: Box<dyn Read + '_> = match magic.as_slice() {
        [0x1f, 0x8b, ..] => Box::new(flate2::read::MultiGzDecoder::new(source)),
        [0x28, 0xb5, 0x2f, 0xfd] => {
            Box::new(zstd::stream::read::Decoder::new(source).map_err(UnpackFailure::Read)?)
        }
        _ => Box::new(source),
    };
    let mut tar = HashingReader::new(decoder);
    unpack_layer(&mut tar, &staging.path, &opts).map_err(UnpackFailure::Unpack)?;
    // tar stops reading at its end marker; the digests cover every byte.
    io::copy(&mut tar, &mut io::sink()).map_err(UnpackFailure::Read)?;
    let (_, diff_id, size) = tar.finish();
    io::copy(&mut compressed, &mut io::sink()).map_err(UnpackFailure::Read)?;
    let (_, compressed_digest, _) = compressed.finish();
    Ok(Unpacked {
        staging,
        compressed_digest,
        diff_id,
        size: size as i64,
    })
}

/// Reads the chunks the async side sends; EOF when it hangs up.
struct ChannelReader {
    rx: mpsc::Receiver<Bytes>,
    current: Bytes,
}

impl Read for ChannelReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.current.is_empty() {
            match self.rx.blocking_recv() {
                Some(b) => self.current = b,
                None => return Ok(0),
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current[..n]);
        let _ = self.current.split_to(n);
        Ok(n)
    }
}

pub struct HashingReader<R> {
    inner: R,
    hasher: Sha256,
    count: u64,
}

impl<R: Read> HashingReader<R> {
    pub fn new(inner: R) -> Self {
        HashingReader {
            inner,
            hasher: Sha256::new(),
            count: 0,
        }
    }

    /// The reader back, `sha256:<hex>` of everything read, and the byte count.
    pub fn finish(self) -> (R, String, u64) {
        let digest = format!("sha256:{}", hex::encode(self.hasher.finalize()));
        (self.inner, digest, self.count)
    }
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.count += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashing_reader() {
        let mut r = HashingReader::new(&b"hello"[..]);
        io::copy(&mut r, &mut io::sink()).unwrap();
        let (_, d, n) = r.finish();
        assert_eq!(n, 5);
        assert_eq!(
            d,
            "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        );
    }
}
