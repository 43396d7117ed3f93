//! Content digests: the one `Digest` type (`sha256:<hex>`, parsed and validated) and the one
//! hashing reader and writer that compute them while bytes pass through. Storage, pull, push,
//! save/load and commit all use these, so a digest is checked once, where it enters.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::Digest as _;
use std::fmt;
use std::io::{self, Read, Write};
use std::str::FromStr;

/// The hash functions a digest may name (OCI image spec: sha256 and sha512).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Algorithm {
    Sha256,
    Sha512,
}

impl Algorithm {
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Sha256 => "sha256",
            Algorithm::Sha512 => "sha512",
        }
    }

    fn hex_len(self) -> usize {
        match self {
            Algorithm::Sha256 => 64,
            Algorithm::Sha512 => 128,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid digest {input:?}: {reason}")]
pub struct DigestError {
    pub input: String,
    pub reason: &'static str,
}

/// `algorithm:hex`, lowercase hex of the algorithm's length. Kept as its text only (the form
/// every manifest, database row and message uses), so showing it costs nothing and it is no
/// bigger than a `String` inside error types.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Digest {
    text: String,
}

impl Digest {
    /// The sha256 digest of `bytes`.
    pub fn sha256(bytes: &[u8]) -> Digest {
        Digest::from_sha256(sha2::Sha256::digest(bytes).into())
    }

    fn from_sha256(hash: [u8; 32]) -> Digest {
        Digest {
            text: format!("sha256:{}", hex::encode(hash)),
        }
    }

    /// A sha256 digest from its 64 hex digits alone (an image ID).
    pub fn from_sha256_hex(hex: &str) -> Result<Digest, DigestError> {
        format!("sha256:{hex}").parse()
    }

    /// Parses a digest that must be sha256 (diff_ids, blob file names).
    pub fn parse_sha256(s: &str) -> Result<Digest, DigestError> {
        let d: Digest = s.parse()?;
        if d.algorithm() != Algorithm::Sha256 {
            return Err(DigestError {
                input: s.to_string(),
                reason: "not a sha256 digest",
            });
        }
        Ok(d)
    }

    pub fn algorithm(&self) -> Algorithm {
        // Parsing let in only these two.
        if self.text.starts_with("sha512:") {
            Algorithm::Sha512
        } else {
            Algorithm::Sha256
        }
    }

    /// The hex digits after `algorithm:` (for sha256 that is an image ID, or a blob's file name).
    pub fn hex(&self) -> &str {
        &self.text[self.algorithm().name().len() + 1..]
    }

    /// `sha256:<hex>`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// `sha256:` and the first 12 hex digits, as progress lines show a blob.
    pub fn short(&self) -> String {
        format!("{}:{}", self.algorithm().name(), &self.hex()[..12])
    }
}

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text, f)
    }
}

impl FromStr for Digest {
    type Err = DigestError;
    fn from_str(s: &str) -> Result<Digest, DigestError> {
        let bad = |reason| DigestError {
            input: s.to_string(),
            reason,
        };
        let (alg, hex) = s
            .split_once(':')
            .ok_or_else(|| bad("expected ALGORITHM:HEX"))?;
        let algorithm = match alg {
            "sha256" => Algorithm::Sha256,
            "sha512" => Algorithm::Sha512,
            _ => return Err(bad("unsupported algorithm (use sha256 or sha512)")),
        };
        if hex.len() != algorithm.hex_len() {
            return Err(bad("wrong number of hex digits"));
        }
        if !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err(bad("not lowercase hex"));
        }
        Ok(Digest {
            text: s.to_string(),
        })
    }
}

impl TryFrom<String> for Digest {
    type Error = DigestError;
    fn try_from(s: String) -> Result<Digest, DigestError> {
        s.parse()
    }
}

impl From<Digest> for String {
    fn from(d: Digest) -> String {
        d.text
    }
}

impl AsRef<str> for Digest {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl PartialEq<str> for Digest {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for Digest {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl PartialEq<String> for Digest {
    fn eq(&self, other: &String) -> bool {
        &self.text == other
    }
}

impl Serialize for Digest {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Digest {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Digest, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A running sha256 over bytes fed to it; optionally only counting them, for a stream whose
/// digest is computed elsewhere (an uncompressed blob is its own tar).
#[derive(Clone)]
struct Hashing {
    hash: Option<sha2::Sha256>,
    count: u64,
}

impl Hashing {
    fn new(hash: bool) -> Hashing {
        Hashing {
            hash: hash.then(sha2::Sha256::new),
            count: 0,
        }
    }

    fn update(&mut self, bytes: &[u8]) {
        if let Some(h) = &mut self.hash {
            h.update(bytes);
        }
        self.count += bytes.len() as u64;
    }

    /// The digest (None when only counting) and the byte count.
    fn finish(self) -> (Option<Digest>, u64) {
        (
            self.hash.map(|h| Digest::from_sha256(h.finalize().into())),
            self.count,
        )
    }
}

/// A reader that hashes (sha256) and counts what is read through it.
pub struct HashingReader<R> {
    inner: R,
    state: Hashing,
}

impl<R: Read> HashingReader<R> {
    pub fn new(inner: R) -> Self {
        HashingReader {
            inner,
            state: Hashing::new(true),
        }
    }

    /// A reader that only counts: `finish` then gives no digest.
    pub fn counting(inner: R) -> Self {
        HashingReader {
            inner,
            state: Hashing::new(false),
        }
    }

    /// Bytes read so far.
    pub fn count(&self) -> u64 {
        self.state.count
    }

    /// The reader back, the digest of everything read (None when only counting), and the
    /// byte count.
    pub fn finish(self) -> (R, Option<Digest>, u64) {
        let (d, n) = self.state.finish();
        (self.inner, d, n)
    }
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.state.update(&buf[..n]);
        Ok(n)
    }
}

/// A writer that hashes (sha256) and counts what is written through it.
pub struct HashingWriter<W> {
    inner: W,
    state: Hashing,
}

impl<W> HashingWriter<W> {
    pub fn new(inner: W) -> Self {
        HashingWriter {
            inner,
            state: Hashing::new(true),
        }
    }

    /// A writer that only counts: `finish` then gives no digest.
    pub fn counting(inner: W) -> Self {
        HashingWriter {
            inner,
            state: Hashing::new(false),
        }
    }

    /// Counts (and hashes) bytes that reach the inner writer some other way, e.g. whole
    /// compressed blocks handed over without a copy.
    pub fn observe(&mut self, bytes: &[u8]) {
        self.state.update(bytes);
    }

    pub fn get_mut(&mut self) -> &mut W {
        &mut self.inner
    }

    /// Bytes written so far.
    pub fn count(&self) -> u64 {
        self.state.count
    }

    /// The digest of what was written so far, without ending the stream.
    pub fn digest(&self) -> Option<Digest> {
        self.state.clone().finish().0
    }

    /// The writer back, the digest of everything written (None when only counting), and the
    /// byte count.
    pub fn finish(self) -> (W, Option<Digest>, u64) {
        let (d, n) = self.state.finish();
        (self.inner, d, n)
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.state.update(&buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HELLO: &str = "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    #[test]
    fn parses_and_shows() {
        let d: Digest = HELLO.parse().unwrap();
        assert_eq!(d, Digest::sha256(b"hello"));
        assert_eq!(d.to_string(), HELLO);
        assert_eq!(d.algorithm(), Algorithm::Sha256);
        assert_eq!(d.hex(), &HELLO[7..]);
        assert_eq!(d.short(), "sha256:2cf24dba5fb0");
        assert_eq!(Digest::from_sha256_hex(d.hex()).unwrap(), d);
        for bad in [
            "2cf24dba",
            "sha256:2cf24dba",
            "md5:2cf24dba5fb0a30e26e83b2ac5b9e29e",
            &HELLO.to_uppercase().replace("SHA256", "sha256"),
        ] {
            let e = bad.parse::<Digest>().unwrap_err();
            assert!(e.to_string().contains(bad), "{e}");
        }
        assert!(format!("sha512:{}", "a".repeat(128))
            .parse::<Digest>()
            .is_ok());
    }

    #[test]
    fn serde_is_the_string() {
        let d = Digest::sha256(b"hello");
        assert_eq!(serde_json::to_string(&d).unwrap(), format!("\"{HELLO}\""));
        let back: Digest = serde_json::from_str(&format!("\"{HELLO}\"")).unwrap();
        assert_eq!(back, d);
        assert!(serde_json::from_str::<Digest>("\"sha256:x\"").is_err());
    }

    #[test]
    fn reader_and_writer_hash_what_passes() {
        let mut r = HashingReader::new(&b"hello"[..]);
        io::copy(&mut r, &mut io::sink()).unwrap();
        let (_, d, n) = r.finish();
        assert_eq!((d.unwrap().as_str(), n), (HELLO, 5));

        let mut w = HashingWriter::new(Vec::new());
        w.write_all(b"hel").unwrap();
        w.observe(b"lo");
        assert_eq!(w.digest().unwrap().as_str(), HELLO);
        let (out, d, n) = w.finish();
        assert_eq!((out, d.unwrap().as_str(), n), (b"hel".to_vec(), HELLO, 5));

        let mut c = HashingWriter::counting(io::sink());
        c.write_all(b"hello").unwrap();
        assert_eq!(c.finish().1, None);
    }
}
