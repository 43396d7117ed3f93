//! Tar-split metadata: while a layer is unpacked, every byte of its tar stream except regular
//! files' contents is recorded (headers, PAX records, padding), with the path each content
//! segment was written to. Replaying it against the unpacked layer gives back the very bytes
//! that were unpacked, so `save` and `push` can reproduce a layer that hashes to its diff_id.

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

const MAGIC: &[u8] = b"hutch-tar-split-1\n";
const RAW: u8 = b'R';
const FILE: u8 = b'F';
const END: u8 = b'E';
/// Raw bytes are written out once this many have gathered (they are mostly 512-byte headers).
const RAW_FLUSH: usize = 64 << 10;

#[derive(Debug, thiserror::Error)]
pub enum TarSplitError {
    #[error("tar-split {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("tar-split {path}: {reason}")]
    Corrupt { path: PathBuf, reason: String },
    #[error("layer {layer}: file {file}: {reason}")]
    Content {
        layer: PathBuf,
        file: String,
        reason: String,
    },
    #[error("writing the layer tar: {0}")]
    Output(#[source] io::Error),
}

/// The recording side, shared between the reader tap and the unpacker.
struct Recorder {
    out: Option<zstd::stream::write::Encoder<'static, BufWriter<File>>>,
    raw: Vec<u8>,
    /// Content bytes still to pass without recording.
    skip: u64,
    /// Bytes seen so far: the position in the tar stream.
    pos: u64,
    /// Paths whose content was recorded, to notice one being replaced later in the layer.
    files: std::collections::HashSet<PathBuf>,
    /// The split cannot describe this layer (a file replaced later, a write error).
    broken: bool,
    err: Option<io::Error>,
}

impl Recorder {
    fn flush_raw(&mut self) {
        if self.raw.is_empty() || self.broken {
            self.raw.clear();
            return;
        }
        let Some(out) = self.out.as_mut() else { return };
        let res = out
            .write_all(&[RAW])
            .and_then(|()| out.write_all(&(self.raw.len() as u64).to_le_bytes()))
            .and_then(|()| out.write_all(&self.raw));
        self.raw.clear();
        if let Err(e) = res {
            self.fail(e);
        }
    }

    fn fail(&mut self, e: io::Error) {
        self.broken = true;
        self.err.get_or_insert(e);
    }

    fn seen(&mut self, buf: &[u8]) {
        self.pos += buf.len() as u64;
        let mut rest = buf;
        if self.skip > 0 {
            let n = (self.skip as usize).min(rest.len());
            self.skip -= n as u64;
            rest = &rest[n..];
        }
        if !rest.is_empty() && !self.broken {
            self.raw.extend_from_slice(rest);
            if self.raw.len() >= RAW_FLUSH {
                self.flush_raw();
            }
        }
    }
}

/// Records a layer's tar stream into a tar-split file.
#[derive(Clone)]
pub struct SplitRecorder {
    inner: Rc<RefCell<Recorder>>,
    path: PathBuf,
}

impl SplitRecorder {
    pub fn create(path: &Path) -> Result<SplitRecorder, TarSplitError> {
        let io_err = |source| TarSplitError::Io {
            path: path.to_path_buf(),
            source,
        };
        let f = File::create(path).map_err(io_err)?;
        let mut enc = zstd::stream::write::Encoder::new(BufWriter::new(f), 3).map_err(io_err)?;
        enc.write_all(MAGIC).map_err(io_err)?;
        Ok(SplitRecorder {
            inner: Rc::new(RefCell::new(Recorder {
                out: Some(enc),
                raw: Vec::new(),
                skip: 0,
                pos: 0,
                files: Default::default(),
                broken: false,
                err: None,
            })),
            path: path.to_path_buf(),
        })
    }

    /// Wraps the tar stream so that every byte read through it is recorded.
    pub fn tap<R: Read>(&self, inner: R) -> Tap<R> {
        Tap {
            inner,
            rec: self.inner.clone(),
        }
    }

    /// The unpacker is about to read `size` bytes of content at stream offset `at` into the
    /// layer file `rel`. Returns false (and records them as raw bytes) when the tap is not
    /// exactly there.
    pub fn file_content(&self, at: u64, size: u64, rel: &Path) -> bool {
        let mut r = self.inner.borrow_mut();
        if r.pos != at || r.broken || size == 0 {
            return false;
        }
        r.flush_raw();
        let path = rel.as_os_str().as_bytes();
        if let Some(out) = r.out.as_mut() {
            let res = out
                .write_all(&[FILE])
                .and_then(|()| out.write_all(&size.to_le_bytes()))
                .and_then(|()| out.write_all(&(path.len() as u32).to_le_bytes()))
                .and_then(|()| out.write_all(path));
            if let Err(e) = res {
                r.fail(e);
                return false;
            }
        }
        r.skip = size;
        r.files.insert(rel.to_path_buf());
        true
    }

    /// Something the layer wrote at `rel` is being replaced: if its content was recorded, the
    /// split can no longer reproduce the stream.
    pub fn replaced(&self, rel: &Path) {
        let mut r = self.inner.borrow_mut();
        if r.files.iter().any(|p| p.starts_with(rel)) {
            tracing::debug!(
                "{}: replaced later in the layer; no tar-split kept",
                rel.display()
            );
            r.broken = true;
        }
    }

    /// Finishes the file. A layer the split cannot describe leaves no file behind: `save`
    /// then falls back to rebuilding the tar from the directory.
    pub fn finish(self) -> Result<bool, TarSplitError> {
        let mut r = self.inner.borrow_mut();
        r.flush_raw();
        let out = r.out.take();
        let broken = r.broken;
        let err = r.err.take();
        drop(r);
        let mut res = Ok(());
        if let Some(mut out) = out {
            if !broken {
                res = out
                    .write_all(&[END])
                    .and_then(|()| out.finish())
                    .and_then(|mut w| w.flush());
            }
        }
        if broken || res.is_err() {
            let _ = std::fs::remove_file(&self.path);
            if let Some(e) = err.or(res.err()) {
                tracing::warn!("tar-split {}: {e}", self.path.display());
            }
            return Ok(false);
        }
        Ok(true)
    }
}

/// A reader that shows every byte to the recorder.
pub struct Tap<R> {
    inner: R,
    rec: Rc<RefCell<Recorder>>,
}

impl<R: Read> Read for Tap<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.rec.borrow_mut().seen(&buf[..n]);
        Ok(n)
    }
}

fn read_exact_or(r: &mut impl Read, buf: &mut [u8], path: &Path) -> Result<(), TarSplitError> {
    r.read_exact(buf).map_err(|e| TarSplitError::Corrupt {
        path: path.to_path_buf(),
        reason: format!("truncated: {e}"),
    })
}

/// Writes the layer's original tar stream to `out`: raw bytes from the split, file contents
/// from the unpacked layer directory `layer`. Returns the number of bytes written.
pub fn reassemble(split: &Path, layer: &Path, out: &mut dyn Write) -> Result<u64, TarSplitError> {
    let corrupt = |reason: String| TarSplitError::Corrupt {
        path: split.to_path_buf(),
        reason,
    };
    let f = File::open(split).map_err(|source| TarSplitError::Io {
        path: split.to_path_buf(),
        source,
    })?;
    let mut r = zstd::stream::read::Decoder::new(BufReader::new(f)).map_err(|source| {
        TarSplitError::Io {
            path: split.to_path_buf(),
            source,
        }
    })?;
    let mut magic = vec![0u8; MAGIC.len()];
    read_exact_or(&mut r, &mut magic, split)?;
    if magic != MAGIC {
        return Err(corrupt("not a hutch tar-split file".into()));
    }
    let mut total = 0u64;
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let mut tag = [0u8; 1];
        read_exact_or(&mut r, &mut tag, split)?;
        match tag[0] {
            END => return Ok(total),
            RAW => {
                let mut len = [0u8; 8];
                read_exact_or(&mut r, &mut len, split)?;
                let len = u64::from_le_bytes(len);
                let n = io::copy(&mut (&mut r).take(len), out).map_err(TarSplitError::Output)?;
                if n != len {
                    return Err(corrupt("truncated raw segment".into()));
                }
                total += n;
            }
            FILE => {
                let mut size = [0u8; 8];
                read_exact_or(&mut r, &mut size, split)?;
                let size = u64::from_le_bytes(size);
                let mut plen = [0u8; 4];
                read_exact_or(&mut r, &mut plen, split)?;
                let plen = u32::from_le_bytes(plen) as usize;
                if plen > 64 << 10 {
                    return Err(corrupt(format!("path length {plen}")));
                }
                let mut p = vec![0u8; plen];
                read_exact_or(&mut r, &mut p, split)?;
                let rel = PathBuf::from(std::ffi::OsStr::from_bytes(&p));
                if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
                    return Err(corrupt(format!("bad path {}", rel.display())));
                }
                let content_err = |reason: String| TarSplitError::Content {
                    layer: layer.to_path_buf(),
                    file: rel.display().to_string(),
                    reason,
                };
                let full = layer.join(&rel);
                let meta =
                    std::fs::symlink_metadata(&full).map_err(|e| content_err(e.to_string()))?;
                if !meta.is_file() || meta.len() != size {
                    return Err(content_err(format!(
                        "expected a regular file of {size} bytes (the layer was changed)"
                    )));
                }
                let mut f = File::open(&full).map_err(|e| content_err(e.to_string()))?;
                let mut left = size;
                while left > 0 {
                    let want = (left as usize).min(buf.len());
                    let n = f
                        .read(&mut buf[..want])
                        .map_err(|e| content_err(e.to_string()))?;
                    if n == 0 {
                        return Err(content_err("shorter than recorded".into()));
                    }
                    out.write_all(&buf[..n]).map_err(TarSplitError::Output)?;
                    left -= n as u64;
                }
                total += size;
            }
            t => return Err(corrupt(format!("unknown record {t:#x}"))),
        }
    }
}
