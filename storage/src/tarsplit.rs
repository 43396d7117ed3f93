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
/// The tar block: headers and padded data areas are multiples of it.
const BLOCK: usize = 512;
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

    /// See `SplitRecorder::file_content`.
    fn content(&mut self, at: u64, size: u64, rel: &Path) -> bool {
        if self.pos != at || self.broken || size == 0 {
            return false;
        }
        self.flush_raw();
        let path = rel.as_os_str().as_bytes();
        if let Some(out) = self.out.as_mut() {
            let res = out
                .write_all(&[FILE])
                .and_then(|()| out.write_all(&size.to_le_bytes()))
                .and_then(|()| out.write_all(&(path.len() as u32).to_le_bytes()))
                .and_then(|()| out.write_all(path));
            if let Err(e) = res {
                self.fail(e);
                return false;
            }
        }
        self.skip = size;
        self.files.insert(rel.to_path_buf());
        true
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
        self.inner.borrow_mut().content(at, size, rel)
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

/// Where a written tar stream is in its current entry.
#[derive(Default)]
struct Walk {
    /// The header block being written.
    header: Vec<u8>,
    /// Bytes of the current entry's data area (padding included) still to come.
    left: u64,
    /// The data of a GNU long name or PAX entry, which names or sizes the next entry.
    collect: Option<(u8, Vec<u8>, u64)>,
    long_name: Option<Vec<u8>>,
    pax: Option<Vec<u8>>,
}

/// A writer that records the tar stream written through it, as `SplitRecorder::tap` records
/// one read by the unpacker: a layer whose files are already in place (moved into the store,
/// not unpacked) gets the split an unpack of its tar would have left. It follows the entries
/// itself, so regular files' contents are left out exactly where the unpacker leaves them out.
pub struct WriteTap<W> {
    inner: W,
    rec: Rc<RefCell<Recorder>>,
    walk: Walk,
}

impl SplitRecorder {
    /// Wraps a writer of a tar stream so that every byte written through it is recorded.
    pub fn write_tap<W: Write>(&self, inner: W) -> WriteTap<W> {
        WriteTap {
            inner,
            rec: self.inner.clone(),
            walk: Walk::default(),
        }
    }
}

impl<W> WriteTap<W> {
    pub fn into_inner(self) -> W {
        self.inner
    }

    pub fn get_mut(&mut self) -> &mut W {
        &mut self.inner
    }

    /// Follows `bytes`, just written, through the stream's entries.
    fn follow(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let w = &mut self.walk;
            if w.left > 0 {
                let n = (w.left.min(bytes.len() as u64)) as usize;
                if let Some((_, data, _)) = w.collect.as_mut() {
                    data.extend_from_slice(&bytes[..n]);
                }
                self.rec.borrow_mut().seen(&bytes[..n]);
                w.left -= n as u64;
                bytes = &bytes[n..];
                if w.left == 0 {
                    if let Some((kind, mut data, size)) = w.collect.take() {
                        data.truncate(size as usize);
                        match kind {
                            b'L' => w.long_name = Some(data),
                            _ => w.pax = Some(data),
                        }
                    }
                }
                continue;
            }
            let n = (BLOCK - w.header.len()).min(bytes.len());
            w.header.extend_from_slice(&bytes[..n]);
            self.rec.borrow_mut().seen(&bytes[..n]);
            bytes = &bytes[n..];
            if w.header.len() == BLOCK {
                self.header_done();
            }
        }
    }

    /// A header block is complete: how much data follows, and whether it is file content.
    fn header_done(&mut self) {
        let w = &mut self.walk;
        let block = std::mem::take(&mut w.header);
        if block.iter().all(|b| *b == 0) {
            // End of archive.
            return;
        }
        let h = tar::Header::from_byte_slice(&block);
        let Ok(mut size) = h.entry_size() else {
            self.rec
                .borrow_mut()
                .fail(io::Error::other("a tar header without a size"));
            return;
        };
        let kind = h.entry_type();
        // As the tar reader does: a GNU long name names the next entry, else a PAX `path`;
        // a PAX `size` overrides the header's.
        let long_name = w.long_name.take();
        let pax = w.pax.take();
        let padded = size.div_ceil(BLOCK as u64) * BLOCK as u64;
        w.left = padded;
        match kind {
            tar::EntryType::GNULongName | tar::EntryType::XHeader => {
                w.collect = Some((kind.as_byte(), Vec::new(), size));
                // The name applies to the entry after the PAX header too.
                if kind == tar::EntryType::XHeader {
                    w.long_name = long_name;
                }
                return;
            }
            tar::EntryType::Regular | tar::EntryType::Continuous => {}
            _ => return,
        }
        let mut path = None;
        if let Some(p) = &pax {
            for (key, value) in pax_records(p) {
                match key {
                    b"path" => path = Some(value.to_vec()),
                    b"size" => {
                        if let Some(s) =
                            std::str::from_utf8(value).ok().and_then(|s| s.parse().ok())
                        {
                            size = s;
                        }
                    }
                    _ => {}
                }
            }
            w.left = size.div_ceil(BLOCK as u64) * BLOCK as u64;
        }
        let raw = match long_name {
            Some(mut n) => {
                if n.last() == Some(&0) {
                    n.pop();
                }
                n
            }
            None => path.unwrap_or_else(|| h.path_bytes().into_owned()),
        };
        let Ok(rel) = crate::unpack::normalize(&raw) else {
            return;
        };
        let is_whiteout = rel
            .file_name()
            .is_some_and(|n| n.as_bytes().starts_with(b".wh."));
        if rel.as_os_str().is_empty() || is_whiteout {
            return;
        }
        let mut r = self.rec.borrow_mut();
        let at = r.pos;
        r.content(at, size, &rel);
    }
}

/// The `key=value` records of a PAX header's data.
fn pax_records(mut data: &[u8]) -> Vec<(&[u8], &[u8])> {
    let mut out = Vec::new();
    while let Some(sp) = data.iter().position(|b| *b == b' ') {
        let Some(len) = std::str::from_utf8(&data[..sp])
            .ok()
            .and_then(|s| s.parse::<usize>().ok())
        else {
            break;
        };
        if len <= sp + 1 || len > data.len() {
            break;
        }
        let record = &data[sp + 1..len];
        let record = record.strip_suffix(b"\n").unwrap_or(record);
        if let Some(eq) = record.iter().position(|b| *b == b'=') {
            out.push((&record[..eq], &record[eq + 1..]));
        }
        data = &data[len..];
    }
    out
}

impl<W: Write> Write for WriteTap<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.follow(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
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
