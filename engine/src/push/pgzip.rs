//! gzip on several CPUs: the input is cut into fixed 1 MiB blocks, each compressed on its own
//! thread as an independent raw deflate stream ended by a sync flush (the last by a final
//! block), and the results are written in order between one gzip header and trailer. A block
//! of already compressed data (byte frequencies all but uniform) is stored instead: deflate
//! would make it bigger, and at level 1 spends twice as long per byte on it as on the rest.
//! The output depends only on the input and the level, never on the number of threads, so a
//! layer compresses to the same digest everywhere.

use flate2::{Compress, Compression, FlushCompress, Status};
use std::collections::VecDeque;
use std::io::{self, Write};
use std::sync::mpsc;

const BLOCK: usize = 1 << 20;

/// Where the compressed blocks go: whole, so that a sink handing them on (to an upload) does
/// not have to copy them.
pub trait BlockSink: Write {
    fn write_block(&mut self, block: Vec<u8>) -> io::Result<()> {
        self.write_all(&block)
    }
}

impl BlockSink for Vec<u8> {}
impl<W: Write> BlockSink for io::BufWriter<W> {}

pub struct ParallelGz<W: BlockSink> {
    out: Option<W>,
    level: u32,
    block: Vec<u8>,
    crc: flate2::Crc,
    pending: VecDeque<mpsc::Receiver<io::Result<Vec<u8>>>>,
    max_pending: usize,
}

impl<W: BlockSink> ParallelGz<W> {
    pub fn new(mut out: W, level: u32, threads: usize) -> io::Result<Self> {
        // ID1 ID2 CM=deflate FLG=0 MTIME=0 XFL=0 OS=unknown
        out.write_all(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])?;
        Ok(ParallelGz {
            out: Some(out),
            level,
            block: Vec::with_capacity(BLOCK),
            crc: flate2::Crc::new(),
            pending: VecDeque::new(),
            max_pending: threads.max(1) * 2,
        })
    }

    fn dispatch(&mut self, last: bool) -> io::Result<()> {
        let data = std::mem::replace(&mut self.block, Vec::with_capacity(BLOCK));
        self.crc.update(&data);
        let (tx, rx) = mpsc::sync_channel(1);
        let level = self.level;
        std::thread::Builder::new()
            .name("pgzip".into())
            .spawn(move || {
                let _ = tx.send(deflate(&data, level, last));
            })?;
        self.pending.push_back(rx);
        while self.pending.len() > self.max_pending {
            self.write_oldest()?;
        }
        Ok(())
    }

    fn write_oldest(&mut self) -> io::Result<()> {
        let Some(rx) = self.pending.pop_front() else {
            return Ok(());
        };
        let bytes = rx
            .recv()
            .map_err(|_| io::Error::other("a compression thread died"))??;
        self.out.as_mut().expect("not finished").write_block(bytes)
    }

    /// Compresses what is left, writes the trailer and returns the writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.dispatch(true)?;
        while !self.pending.is_empty() {
            self.write_oldest()?;
        }
        let mut out = self.out.take().expect("finished once");
        out.write_all(&self.crc.sum().to_le_bytes())?;
        out.write_all(&self.crc.amount().to_le_bytes())?;
        Ok(out)
    }
}

impl<W: BlockSink> Write for ParallelGz<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = buf.len().min(BLOCK - self.block.len());
        self.block.extend_from_slice(&buf[..n]);
        if self.block.len() == BLOCK {
            self.dispatch(false)?;
        }
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// One block as raw deflate: sync-flushed so the next block's stream can follow it, or
/// finished when it is the last.
fn deflate(data: &[u8], level: u32, last: bool) -> io::Result<Vec<u8>> {
    if level > 0 && incompressible(data) {
        return Ok(stored(data, last));
    }
    let mut c = Compress::new(Compression::new(level), false);
    let mut out = Vec::with_capacity(data.len() / 2 + 4096);
    let flush = if last {
        FlushCompress::Finish
    } else {
        FlushCompress::Sync
    };
    loop {
        let consumed = c.total_in() as usize;
        let status = c
            .compress_vec(&data[consumed..], &mut out, flush)
            .map_err(io::Error::other)?;
        let all_in = c.total_in() as usize == data.len();
        let done = if last {
            status == Status::StreamEnd
        } else {
            // Room left means the compressor had nothing more to emit.
            all_in && out.len() < out.capacity()
        };
        if done {
            return Ok(out);
        }
        out.reserve(out.capacity().max(64 << 10));
    }
}

/// Whether `data` looks already compressed: its byte histogram is flat, i.e. the sum of the
/// squared byte counts is within 5% of what uniformly random bytes give (n²/256; text and
/// code give several times that), and deflate does not shrink a sample of it either (a flat
/// histogram can still repeat itself). Integer arithmetic and deflate output sizes only, so
/// the answer, and with it the output, is the same on every machine. A spread 64 KiB sample
/// is looked at first, so that ordinary blocks cost little.
fn incompressible(data: &[u8]) -> bool {
    const MIN: usize = 64 << 10;
    const PIECE: usize = 4 << 10;
    if data.len() < MIN {
        return false;
    }
    let step = data.len() / 16;
    let sample = || (0..16).map(|i| &data[i * step..i * step + PIECE]);
    if !flat(sample()) || !flat(std::iter::once(data)) {
        return false;
    }
    let joined: Vec<u8> = sample().flatten().copied().collect();
    let mut c = Compress::new(Compression::new(1), false);
    let mut out = Vec::with_capacity(joined.len() * 2);
    match c.compress_vec(&joined, &mut out, FlushCompress::Finish) {
        // Less than 2% smaller: not worth deflating.
        Ok(Status::StreamEnd) => out.len() * 50 >= joined.len() * 49,
        _ => false,
    }
}

fn flat<'a>(parts: impl Iterator<Item = &'a [u8]>) -> bool {
    // Four tables, so that runs of one byte do not serialize on one counter.
    let mut h = [[0u32; 256]; 4];
    let mut n = 0u64;
    for p in parts {
        n += p.len() as u64;
        let mut quads = p.chunks_exact(4);
        for q in &mut quads {
            h[0][q[0] as usize] += 1;
            h[1][q[1] as usize] += 1;
            h[2][q[2] as usize] += 1;
            h[3][q[3] as usize] += 1;
        }
        for &b in quads.remainder() {
            h[0][b as usize] += 1;
        }
    }
    let squares: u64 = (0..256)
        .map(|i| {
            let c = u64::from(h[0][i] + h[1][i] + h[2][i] + h[3][i]);
            c * c
        })
        .sum();
    // squares / (n² / 256) < 1.05, for n up to 1 MiB well inside u64.
    squares * 256 * 20 < n * n * 21
}

/// `data` as stored deflate blocks (at most 65535 bytes each). The stream before ended
/// byte-aligned (sync flush), and so does this one unless it is the last.
fn stored(data: &[u8], last: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + (data.len() / 65535 + 1) * 5);
    let mut pieces = data.chunks(65535).peekable();
    while let Some(p) = pieces.next() {
        let fin = last && pieces.peek().is_none();
        // BFINAL, BTYPE 00 (stored), then padding to the byte boundary.
        out.push(u8::from(fin));
        let len = p.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn data(n: usize) -> Vec<u8> {
        // Compressible but not trivially so.
        (0..n).map(|i| ((i * 7 + i / 1000) % 251) as u8).collect()
    }

    fn gz(input: &[u8], threads: usize, level: u32) -> Vec<u8> {
        let mut w = ParallelGz::new(Vec::new(), level, threads).unwrap();
        // Odd write sizes cross block boundaries.
        for chunk in input.chunks(777_777) {
            w.write_all(chunk).unwrap();
        }
        w.finish().unwrap()
    }

    #[test]
    fn round_trips_and_does_not_depend_on_threads() {
        for n in [0, 1, BLOCK - 1, BLOCK, 3 * BLOCK + 12345] {
            let input = data(n);
            let one = gz(&input, 1, 1);
            let four = gz(&input, 4, 1);
            assert_eq!(one, four, "{n} bytes");
            let mut back = Vec::new();
            // A single gzip member: the plain decoder must read it all.
            flate2::read::GzDecoder::new(one.as_slice())
                .read_to_end(&mut back)
                .unwrap();
            assert_eq!(back, input, "{n} bytes");
        }
        // Already compressed data, stored in the middle and at the end, between and after
        // compressed blocks.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut noise = |n: usize| -> Vec<u8> {
            (0..n)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (x >> 24) as u8
                })
                .collect()
        };
        let mut input = data(BLOCK);
        input.extend(noise(BLOCK));
        input.extend(data(BLOCK));
        input.extend(noise(BLOCK + 100_000));
        let one = gz(&input, 1, 1);
        assert_eq!(one, gz(&input, 3, 1));
        assert!(incompressible(&input[BLOCK..2 * BLOCK]));
        assert!(!incompressible(&input[..BLOCK]));
        // Stored costs 5 bytes per 64 KiB, where level-1 deflate adds ~5%.
        assert!(one.len() < (BLOCK + 100_000) * 2 + BLOCK, "{}", one.len());
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(one.as_slice())
            .read_to_end(&mut back)
            .unwrap();
        assert!(back == input);

        let input = data(2 * BLOCK + 5);
        for level in [0, 6, 9] {
            let mut back = Vec::new();
            flate2::read::GzDecoder::new(gz(&input, 2, level).as_slice())
                .read_to_end(&mut back)
                .unwrap();
            assert_eq!(back, input, "level {level}");
        }
    }
}
