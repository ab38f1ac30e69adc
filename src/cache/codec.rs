//! The byte layer of snapshots: little-endian numbers, strings with their length first, and
//! an xxh3 hash of every byte written or read.
//!
//! Why buffered by hand: a snapshot is millions of small values, and hashing each one apart
//! cost more than reading it. Both sides go through a buffer of [`CHUNK`] bytes that is
//! hashed whole when it is written out or read in.
//!
//! The reader trusts nothing: it never reads past the length it is given, refuses a count
//! that what is left cannot hold before making room for it, and gives `None` for any
//! surprise, which its callers pass on.

use std::io::{self, Read, Write};
use xxhash_rust::xxh3::Xxh3;

/// How many bytes are written out or read in at a time.
const CHUNK: usize = 1 << 20;

/// Writes values to `out` through a buffer, hashing them.
pub struct Writer<W: Write> {
    out: W,
    buf: Vec<u8>,
    hash: Xxh3,
}

impl<W: Write> Writer<W> {
    pub fn new(out: W) -> Self {
        Writer {
            out,
            buf: Vec::with_capacity(CHUNK),
            hash: Xxh3::new(),
        }
    }

    fn spill(&mut self) -> io::Result<()> {
        self.hash.update(&self.buf);
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    pub fn bytes(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= CHUNK {
            self.spill()?;
        }
        Ok(())
    }

    pub fn u8(&mut self, n: u8) -> io::Result<()> {
        self.bytes(&[n])
    }

    pub fn u16(&mut self, n: u16) -> io::Result<()> {
        self.bytes(&n.to_le_bytes())
    }

    pub fn u32(&mut self, n: u32) -> io::Result<()> {
        self.bytes(&n.to_le_bytes())
    }

    pub fn u64(&mut self, n: u64) -> io::Result<()> {
        self.bytes(&n.to_le_bytes())
    }

    pub fn f64(&mut self, x: f64) -> io::Result<()> {
        self.u64(x.to_bits())
    }

    /// A count or a length, which must fit in 32 bits.
    pub fn len(&mut self, n: usize) -> io::Result<()> {
        let n = u32::try_from(n).map_err(|_| io::Error::other("too long for a snapshot"))?;
        self.u32(n)
    }

    pub fn str(&mut self, s: &str) -> io::Result<()> {
        self.len(s.len())?;
        self.bytes(s.as_bytes())
    }

    pub fn flag(&mut self, b: bool) -> io::Result<()> {
        self.u8(u8::from(b))
    }

    pub fn option<T>(
        &mut self,
        value: Option<T>,
        write: impl FnOnce(&mut Self, T) -> io::Result<()>,
    ) -> io::Result<()> {
        self.flag(value.is_some())?;
        match value {
            None => Ok(()),
            Some(v) => write(self, v),
        }
    }

    /// A list of numbers, its length first.
    pub fn u32s(&mut self, ns: &[u32]) -> io::Result<()> {
        self.len(ns.len())?;
        for n in ns {
            self.u32(*n)?;
        }
        Ok(())
    }

    pub fn u64s(&mut self, ns: &[u64]) -> io::Result<()> {
        self.len(ns.len())?;
        for n in ns {
            self.u64(*n)?;
        }
        Ok(())
    }

    /// How many bytes are buffered, not yet written out (all of them, below [`CHUNK`]).
    pub fn buffered(&self) -> usize {
        self.buf.len()
    }

    /// Writes out what is buffered; gives back the output and the hash of every byte.
    pub fn finish(mut self) -> io::Result<(W, u64)> {
        self.spill()?;
        Ok((self.out, self.hash.digest()))
    }
}

/// Reads values from the next `length` bytes of `input`, hashing them.
pub struct Reader<R: Read> {
    input: R,
    buf: Vec<u8>,
    pos: usize,
    end: usize,
    /// Bytes still to come from `input`.
    unread: u64,
    /// `None` for bytes already hashed by whoever read them ([`Reader::of_bytes`]).
    hash: Option<Xxh3>,
}

impl<R: Read> Reader<R> {
    pub fn new(input: R, length: u64) -> Self {
        let room = usize::try_from(length).map_or(CHUNK, |n| n.min(CHUNK));
        Reader {
            input,
            buf: vec![0; room],
            pos: 0,
            end: 0,
            unread: length,
            hash: Some(Xxh3::new()),
        }
    }

    /// Bytes not yet taken.
    fn left(&self) -> u64 {
        self.unread + (self.end - self.pos) as u64
    }

    /// The next `n` bytes; `None` past the end.
    pub fn take(&mut self, n: usize) -> Option<&[u8]> {
        if self.end - self.pos < n {
            if n as u64 > self.left() {
                return None;
            }
            self.buf.copy_within(self.pos..self.end, 0);
            self.end -= self.pos;
            self.pos = 0;
            if self.buf.len() < n {
                self.buf.resize(n, 0);
            }
            while self.end < n {
                let room = (self.buf.len() - self.end).min(usize::try_from(self.unread).ok()?);
                let read = match self.input.read(&mut self.buf[self.end..self.end + room]) {
                    Ok(0) => return None,
                    Ok(read) => read,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(_) => return None,
                };
                if let Some(hash) = &mut self.hash {
                    hash.update(&self.buf[self.end..self.end + read]);
                }
                self.end += read;
                self.unread -= read as u64;
            }
        }
        let bytes = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Some(bytes)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    pub fn u8(&mut self) -> Option<u8> {
        self.array::<1>().map(|[b]| b)
    }

    pub fn u16(&mut self) -> Option<u16> {
        self.array().map(u16::from_le_bytes)
    }

    pub fn u32(&mut self) -> Option<u32> {
        self.array().map(u32::from_le_bytes)
    }

    pub fn u64(&mut self) -> Option<u64> {
        self.array().map(u64::from_le_bytes)
    }

    pub fn f64(&mut self) -> Option<f64> {
        self.u64().map(f64::from_bits)
    }

    /// A count of things each at least `each` bytes long, refused when what is left cannot
    /// hold that many.
    pub fn len(&mut self, each: u64) -> Option<usize> {
        let n = self.u32()?;
        if u64::from(n) * each > self.left() {
            return None;
        }
        usize::try_from(n).ok()
    }

    pub fn string(&mut self) -> Option<String> {
        let n = self.len(1)?;
        let bytes = self.take(n)?;
        std::str::from_utf8(bytes).ok().map(str::to_owned)
    }

    pub fn flag(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    pub fn option<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        if self.flag()? {
            read(self).map(Some)
        } else {
            Some(None)
        }
    }

    pub fn u32s(&mut self) -> Option<Vec<u32>> {
        let n = self.len(4)?;
        let bytes = self.take(n * 4)?;
        Some(
            bytes
                .chunks_exact(4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect(),
        )
    }

    pub fn u64s(&mut self) -> Option<Vec<u64>> {
        let n = self.len(8)?;
        let bytes = self.take(n * 8)?;
        Some(
            bytes
                .chunks_exact(8)
                .map(|b| u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]))
                .collect(),
        )
    }

    /// The next `n` bytes, as a buffer of their own (for [`Reader::of_bytes`] on another
    /// thread).
    pub fn take_owned(&mut self, n: usize) -> Option<Vec<u8>> {
        self.take(n).map(<[u8]>::to_vec)
    }

    /// Ends the reading: every byte must have been taken. Gives back the input (positioned
    /// just after the bytes read) and the hash of every byte (0 for [`Reader::of_bytes`]).
    pub fn finish(self) -> Option<(R, u64)> {
        (self.left() == 0).then(|| (self.input, self.hash.map_or(0, |h| h.digest())))
    }
}

impl Reader<std::io::Empty> {
    /// Reads values from `bytes`, taken whole by an outer reader that hashed them.
    pub fn of_bytes(bytes: Vec<u8>) -> Self {
        Reader {
            input: std::io::empty(),
            pos: 0,
            end: bytes.len(),
            buf: bytes,
            unread: 0,
            hash: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_across_chunk_boundaries() {
        let long = "é".repeat(CHUNK);
        let mut w = Writer::new(Vec::new());
        for i in 0..100_000u32 {
            w.u32(i).unwrap();
        }
        w.str(&long).unwrap();
        w.u32s(&[1, 2, 3]).unwrap();
        w.u64s(&[u64::MAX]).unwrap();
        w.option(Some(2.5), Writer::f64).unwrap();
        w.option(None::<u16>, Writer::u16).unwrap();
        let (bytes, written) = w.finish().unwrap();
        let mut r = Reader::new(bytes.as_slice(), bytes.len() as u64);
        for i in 0..100_000u32 {
            assert_eq!(r.u32(), Some(i));
        }
        assert_eq!(r.string().as_deref(), Some(long.as_str()));
        assert_eq!(r.u32s(), Some(vec![1, 2, 3]));
        assert_eq!(r.u64s(), Some(vec![u64::MAX]));
        assert_eq!(r.option(Reader::f64), Some(Some(2.5)));
        assert_eq!(r.option(Reader::u16), Some(None));
        let (_, read) = r.finish().unwrap();
        assert_eq!(read, written);
        assert_eq!(read, xxhash_rust::xxh3::xxh3_64(&bytes));
    }

    #[test]
    fn nothing_is_read_past_the_length_given() {
        let bytes = [1, 0, 0, 0, 9, 9];
        let mut r = Reader::new(&bytes[..], 4);
        assert_eq!(r.u32(), Some(1));
        assert_eq!(r.u8(), None);
        let (rest, _) = r.finish().unwrap();
        assert_eq!(rest, &[9, 9]);
    }

    #[test]
    fn a_count_the_rest_cannot_hold_is_refused() {
        let mut w = Writer::new(Vec::new());
        w.u32(1000).unwrap();
        w.u32(7).unwrap();
        let (bytes, _) = w.finish().unwrap();
        let mut r = Reader::new(bytes.as_slice(), bytes.len() as u64);
        assert_eq!(r.len(4), None);
        let mut r = Reader::new(bytes.as_slice(), bytes.len() as u64);
        assert_eq!(r.string(), None);
        // Not a flag.
        let mut r = Reader::new(&[2u8][..], 1);
        assert_eq!(r.flag(), None);
        // Not UTF-8.
        let mut r = Reader::new(&[1u8, 0, 0, 0, 0xff][..], 5);
        assert_eq!(r.string(), None);
    }
}
