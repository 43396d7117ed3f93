//! One layer's streaming pipeline: registry blob stream -> sha256 of the compressed bytes ->
//! decompression picked by magic bytes (gzip, zstd, or none) -> sha256 of the tar (diff_id) ->
//! `unpack_layer` into a staging directory, on a blocking thread. Both digests are checked after
//! the stream has been drained to its very end.

use super::PullError;
use bytes::Bytes;
use futures_util::StreamExt;
use hutch_storage::unpack::{unpack_layer, UnpackOptions};
use hutch_storage::{Digest, HashingReader};
use hutch_storage::{LayerStore, Staging};
use std::io::{self, Read};
use std::sync::Arc;
use tokio::sync::mpsc;

/// A layer unpacked into staging whose digests both matched.
pub struct StagedLayer {
    pub staging: Staging,
    pub diff_id: Digest,
    pub compressed_digest: Digest,
    pub media_type: String,
    /// Bytes of the uncompressed tar.
    pub size: i64,
}

pub struct LayerJob {
    pub image: String,
    pub digest: Digest,
    pub diff_id: Digest,
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
        layer: job.digest.to_string(),
        ignore_chown_errors: job.ignore_chown_errors,
        tar_split: Some(staging.split_path()),
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
            layer: job.digest.to_string(),
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
            layer: job.digest.to_string(),
            reason: source.to_string(),
        },
    })?;
    if done.compressed_digest != job.digest {
        return Err(PullError::LayerDigest {
            image: job.image,
            layer: job.digest.to_string(),
            what: "blob",
            expected: job.digest,
            actual: done.compressed_digest,
        });
    }
    if done.diff_id != job.diff_id {
        return Err(PullError::LayerDigest {
            image: job.image,
            layer: job.digest.to_string(),
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

pub(crate) enum UnpackFailure {
    Unpack(hutch_storage::unpack::UnpackError),
    Read(io::Error),
}

pub(crate) struct Unpacked {
    pub staging: Staging,
    pub compressed_digest: Digest,
    pub diff_id: Digest,
    pub size: i64,
}

fn unpack_from_channel(
    rx: mpsc::Receiver<Bytes>,
    staging: Staging,
    opts: UnpackOptions,
) -> Result<Unpacked, UnpackFailure> {
    unpack_blob(
        ChannelReader {
            rx,
            current: Bytes::new(),
        },
        staging,
        opts,
    )
}

/// Unpacks one layer blob (gzip, zstd or plain tar, told by its magic bytes) into `staging`,
/// reading it to its end so that both digests cover every byte. Shared with `load`/`import`.
pub(crate) fn unpack_blob<R: Read>(
    reader: R,
    staging: Staging,
    opts: UnpackOptions,
) -> Result<Unpacked, UnpackFailure> {
    let mut compressed = HashingReader::new(reader);
    let mut magic = Vec::with_capacity(4);
    (&mut compressed)
        .take(4)
        .read_to_end(&mut magic)
        .map_err(UnpackFailure::Read)?;
    let head = io::Cursor::new(magic.clone());
    let source = head.chain(&mut compressed);
    let (decoder, compressed_input): (Box<dyn Read + '_>, bool) = match magic.as_slice() {
        [0x1f, 0x8b, ..] => (Box::new(flate2::read::MultiGzDecoder::new(source)), true),
        [0x28, 0xb5, 0x2f, 0xfd] => (
            Box::new(zstd::stream::read::Decoder::new(source).map_err(UnpackFailure::Read)?),
            true,
        ),
        _ => (Box::new(source), false),
    };
    // An uncompressed blob is its own tar: one digest serves as both.
    let mut tar = if compressed_input {
        HashingReader::new(decoder)
    } else {
        HashingReader::counting(decoder)
    };
    let stats = unpack_layer(&mut tar, &staging.path, &opts).map_err(UnpackFailure::Unpack)?;
    if !stats.root_entry {
        staging.mark_root_inherited().map_err(|source| {
            UnpackFailure::Unpack(hutch_storage::unpack::UnpackError::Dest {
                layer: opts.layer.clone(),
                path: staging.path.clone(),
                source,
            })
        })?;
    }
    // tar stops reading at its end marker; the digests cover every byte.
    io::copy(&mut tar, &mut io::sink()).map_err(UnpackFailure::Read)?;
    let (_, diff_id, size) = tar.finish();
    io::copy(&mut compressed, &mut io::sink()).map_err(UnpackFailure::Read)?;
    let (_, compressed_digest, _) = compressed.finish();
    let compressed_digest = compressed_digest.expect("a hashing reader");
    let diff_id = diff_id.unwrap_or_else(|| compressed_digest.clone());
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn sha(b: &[u8]) -> Digest {
        Digest::sha256(b)
    }

    fn layer_tar() -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        let data = b"hello layer\n";
        let mut h = tar::Header::new_ustar();
        h.set_path("etc/hello").unwrap();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(1_700_000_000);
        h.set_entry_type(tar::EntryType::Regular);
        h.set_cksum();
        b.append(&h, &data[..]).unwrap();
        b.into_inner().unwrap()
    }

    fn gzip(raw: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(raw).unwrap();
        e.finish().unwrap()
    }

    async fn run(blob: Vec<u8>, digest: Digest, diff_id: Digest) -> Result<StagedLayer, PullError> {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(LayerStore::new(dir.path()));
        // Small chunks, so magic-byte detection and hashing cross chunk boundaries.
        let chunks: Vec<io::Result<Bytes>> = blob
            .chunks(3)
            .map(|c| Ok(Bytes::copy_from_slice(c)))
            .collect();
        let job = LayerJob {
            image: "test/image:latest".into(),
            digest,
            diff_id,
            media_type: "m".into(),
            ignore_chown_errors: true,
        };
        let res = fetch_and_unpack(job, futures_util::stream::iter(chunks), store, |_| {}).await;
        if let Ok(l) = &res {
            let text = std::fs::read_to_string(l.staging.path.join("etc/hello")).unwrap();
            assert_eq!(text, "hello layer\n");
        }
        res
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn every_compression_unpacks_and_verifies() {
        let raw = layer_tar();
        let gz = gzip(&raw);
        let zst = zstd::encode_all(&raw[..], 1).unwrap();
        for blob in [raw.clone(), gz, zst] {
            let l = run(blob.clone(), sha(&blob), sha(&raw)).await.unwrap();
            assert_eq!(l.size, raw.len() as i64);
            assert_eq!(l.diff_id, sha(&raw));
            assert_eq!(l.compressed_digest, sha(&blob));
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn digest_mismatches_name_layer_and_both_digests() {
        let raw = layer_tar();
        let gz = gzip(&raw);
        let wrong: Digest = format!("sha256:{}", "0".repeat(64)).parse().unwrap();
        let err = run(gz.clone(), wrong.clone(), sha(&raw))
            .await
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("test/image:latest"), "{err}");
        assert!(
            err.contains(wrong.as_str()) && err.contains(sha(&gz).as_str()),
            "{err}"
        );
        let err = run(gz.clone(), sha(&gz), wrong.clone())
            .await
            .err()
            .unwrap()
            .to_string();
        assert!(
            err.contains("diff_id") && err.contains(sha(&raw).as_str()),
            "{err}"
        );
        let err = run(raw.clone(), sha(&raw), wrong.clone())
            .await
            .err()
            .unwrap()
            .to_string();
        assert!(
            err.contains("diff_id") && err.contains(wrong.as_str()),
            "{err}"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn staging_is_removed_on_failure() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(LayerStore::new(dir.path()));
        let gz = gzip(&layer_tar());
        let job = LayerJob {
            image: "i".into(),
            digest: format!("sha256:{}", "1".repeat(64)).parse().unwrap(),
            diff_id: format!("sha256:{}", "2".repeat(64)).parse().unwrap(),
            media_type: "m".into(),
            ignore_chown_errors: true,
        };
        let chunks = vec![Ok(Bytes::from(gz))];
        assert!(
            fetch_and_unpack(job, futures_util::stream::iter(chunks), store, |_| {})
                .await
                .is_err()
        );
        let left: Vec<_> = std::fs::read_dir(dir.path().join("tmp"))
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        assert!(left.is_empty(), "{left:?}");
    }
}
