//! Compressing a layer's tar for a push (gzip on every CPU, or zstd) into whatever takes the
//! blob: a channel feeding an upload, or a scratch file, hashing and counting on the way.

use super::{pgzip, Compression};
use crate::progress::BlobProgress;
use crate::Digest;
use hutch_storage::{HashingWriter, LayerStore};
use oci_client::errors::OciDistributionError;
use std::io::{self, Write};
use std::path::Path;

/// gzip level 1: zlib-rs at level 1 is several times faster than the default level for a few
/// percent more bytes, and pushes are mostly spent compressing (on every CPU: see `pgzip`).
pub(super) const GZIP_LEVEL: u32 = 1;
pub(super) const ZSTD_LEVEL: i32 = 3;

/// A layer as compressed and sent.
pub(super) struct Compressed {
    pub(super) digest: Digest,
    pub(super) size: u64,
    pub(super) tar_digest: Digest,
}

/// A layer as compressed: its digest only when it was hashed on the way (else the upload
/// computes it, or the registry checks one given beforehand).
pub(super) struct Output {
    pub(super) digest: Option<Digest>,
    pub(super) size: u64,
    pub(super) tar_digest: Digest,
}

impl Output {
    pub(super) fn hashed(self) -> Compressed {
        Compressed {
            digest: self.digest.expect("compressed with hashing"),
            size: self.size,
            tar_digest: self.tar_digest,
        }
    }
}

impl<W: pgzip::BlockSink> pgzip::BlockSink for HashingWriter<W> {
    fn write_block(&mut self, block: Vec<u8>) -> io::Result<()> {
        self.observe(&block);
        self.get_mut().write_block(block)
    }
}

/// The async side of a `ChannelWriter`.
pub(super) type BlobReceiver =
    tokio::sync::mpsc::Receiver<Result<bytes::Bytes, OciDistributionError>>;

/// Compressed output sent to an upload in pieces of this size (one PATCH each).
pub(super) const STREAM_CHUNK: usize = 4 << 20;

/// Hands what is written to the async side in `STREAM_CHUNK` pieces (each one PATCH), or
/// (`whole`: the body of one PUT) compressed blocks as they come, without copying them.
pub(super) struct ChannelWriter {
    pub(super) tx: tokio::sync::mpsc::Sender<Result<bytes::Bytes, OciDistributionError>>,
    pub(super) buf: Vec<u8>,
    pub(super) whole: bool,
}

impl ChannelWriter {
    pub(super) fn send(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let cap = if self.whole { 0 } else { STREAM_CHUNK };
        let chunk = std::mem::replace(&mut self.buf, Vec::with_capacity(cap));
        self.send_bytes(chunk)
    }

    fn send_bytes(&mut self, chunk: Vec<u8>) -> io::Result<()> {
        self.tx
            .blocking_send(Ok(bytes::Bytes::from(chunk)))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the upload stopped"))
    }
}

impl pgzip::BlockSink for ChannelWriter {
    fn write_block(&mut self, block: Vec<u8>) -> io::Result<()> {
        if !self.whole {
            return self.write_all(&block);
        }
        // What was written before (the gzip header) goes first.
        self.send()?;
        self.send_bytes(block)
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= STREAM_CHUNK {
            self.send()?;
        }
        Ok(data.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        // Encoders flush as they finish; the last piece goes in `send` once they are done.
        Ok(())
    }
}

/// The receiver as a stream, ending when the compressing side hangs up. Dropping it (the
/// upload failed) makes the compressing side's next send fail, which stops it.
pub(super) fn async_stream(
    rx: BlobReceiver,
) -> impl futures_util::Stream<Item = Result<bytes::Bytes, OciDistributionError>> + Send + 'static {
    futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|x| (x, rx)) })
}

/// Writes a layer's tar, as `tar` produces it (returning the tar's digest), compressed into
/// `out`, hashing the compressed form.
pub(super) fn compress_into<W: pgzip::BlockSink>(
    out: W,
    hash_output: bool,
    comp: Compression,
    level: Option<i32>,
    bar: &BlobProgress,
    tar: impl FnOnce(&mut dyn Write) -> io::Result<Digest>,
) -> io::Result<(W, Output)> {
    let blob = if hash_output {
        HashingWriter::new(out)
    } else {
        HashingWriter::counting(out)
    };
    let (blob, tar_digest) = match comp {
        Compression::Gzip => {
            let threads = std::thread::available_parallelism().map_or(1, usize::from);
            let mut enc =
                pgzip::ParallelGz::new(blob, level.map_or(GZIP_LEVEL, |l| l as u32), threads)?;
            let d = tar(&mut Counting {
                inner: &mut enc,
                bar,
            })?;
            (enc.finish()?, d)
        }
        Compression::Zstd => {
            let mut enc = zstd::stream::write::Encoder::new(blob, level.unwrap_or(ZSTD_LEVEL))?;
            let d = tar(&mut Counting {
                inner: &mut enc,
                bar,
            })?;
            (enc.finish()?, d)
        }
    };
    let (w, digest, size) = blob.finish();
    Ok((
        w,
        Output {
            digest,
            size,
            tar_digest,
        },
    ))
}

/// Counts what goes through into the progress bar.
struct Counting<'a> {
    inner: &'a mut dyn Write,
    bar: &'a BlobProgress,
}

impl Write for Counting<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bar.inc(n as u64);
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The tar of a stored layer: byte for byte what was unpacked when a tar-split was recorded,
/// else rebuilt from its directory (`saveload::layer_tar`). A write error keeps its kind, so a
/// stopped upload is told apart from a layer that cannot be read.
pub(super) fn stored_layer_tar(
    store: &LayerStore,
    image: &str,
    layer: &hutch_state::Layer,
    w: &mut dyn Write,
) -> io::Result<Digest> {
    match crate::saveload::layer_tar(store, image, layer, w) {
        Ok(t) => Ok(t.digest),
        Err(crate::saveload::ArchiveError::Output(e)) => Err(e),
        Err(e) => Err(io::Error::other(e.to_string())),
    }
}

/// Writes a layer's tar (see `compress_into`), compressed, to the file `out`.
pub(super) fn compress_layer(
    out: &Path,
    comp: Compression,
    level: Option<i32>,
    bar: &BlobProgress,
    tar: impl FnOnce(&mut dyn Write) -> io::Result<Digest>,
) -> io::Result<Compressed> {
    let file = std::fs::File::create(out)?;
    let (mut buf, c) = compress_into(
        io::BufWriter::with_capacity(1 << 20, file),
        true,
        comp,
        level,
        bar,
        tar,
    )?;
    buf.flush()?;
    // A scratch file read back at once: no fsync.
    drop(buf.into_inner().map_err(|e| e.into_error())?);
    Ok(c.hashed())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Reporter;

    #[test]
    fn compressed_layer_is_deterministic() {
        let dir = tempfile::tempdir().unwrap();
        let layer = dir.path().join("layer");
        std::fs::create_dir_all(layer.join("etc")).unwrap();
        std::fs::write(layer.join("etc/hello"), "hi\n").unwrap();
        let bar = Reporter::silent().blob(&Digest::sha256(b""), None);
        for comp in [Compression::Gzip, Compression::Zstd] {
            let tar = |w: &mut dyn Write| {
                let mut h = HashingWriter::new(w);
                crate::container::archive::layer_tar(&layer, &mut h)
                    .map_err(|e| io::Error::other(e.to_string()))?;
                Ok(h.finish().1.expect("a hashing writer"))
            };
            let a = compress_layer(&dir.path().join("a"), comp, None, &bar, tar).unwrap();
            let b = compress_layer(&dir.path().join("b"), comp, None, &bar, tar).unwrap();
            assert_eq!(a.digest, b.digest);
            assert_eq!(a.tar_digest, b.tar_digest);
            let bytes = std::fs::read(dir.path().join("a")).unwrap();
            assert_eq!(Digest::sha256(&bytes), a.digest);
            assert_eq!(bytes.len() as u64, a.size);
        }
    }
}
