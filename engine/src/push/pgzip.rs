//! gzip on several CPUs: the input is cut into fixed 1 MiB blocks, each compressed on its own
//! thread as an independent raw deflate stream ended by a sync flush (the last by a final
//! block), and the results are written in order between one gzip header and trailer. The
//! output depends only on the input and the level, never on the number of threads, so a layer
//! compresses to the same digest everywhere.

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
