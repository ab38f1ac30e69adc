//! The load cache: a large dataset file, once loaded, is kept as a [`snapshot`] (its
//! members and the engine's search index) under `$XDG_CACHE_HOME/gnlc/` (or
//! `~/.cache/gnlc/`), and read from there the next time, which skips parsing JSON, resolving
//! countries, inferring clusters and building the index.
//!
//! Why: parsing and indexing are nearly all the time `gnlc list` takes on a large file, and
//! the explorer's first frame waits for them. Reading a snapshot back is little more than
//! copying its strings, on every core (PERFORMANCE.md: 100k full profiles 0.66 s → 0.13 s).
//!
//! A snapshot is never trusted blindly. It is used only when all of these hold, else the
//! file is loaded as usual and the snapshot written again:
//! - it was written by this very program (its version, and the size and modification time
//!   of its executable: a rebuilt program does not read an older build's snapshots);
//! - the dataset file has the size and modification time it had then, and the hash of its
//!   content (xxh3, 128 bits) is the one the snapshot was made from: the file is read and
//!   hashed on one core while the snapshot is read on the other;
//! - the snapshot reads whole, every value valid, and the hash of its bytes is the one
//!   written at its end (a cut or damaged snapshot is refused).
//!
//! A snapshot is written to a temporary file beside it and renamed into place, so a reader
//! never sees half of one. Only files of at least [`MIN_SIZE`] bytes are cached (a smaller
//! one loads in milliseconds), and a cache that cannot be read or written is no error: the
//! file loads as it would without one. `GNLC_NO_CACHE=1` turns the cache off,
//! `GNLC_CACHE_DIR` puts it elsewhere.

pub mod codec;
pub mod snapshot;

use crate::error::Result;
use crate::query::Engine;
use codec::{Reader, Writer};
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// Files smaller than this are not cached: they load in tens of milliseconds at most, and
/// the cache would mostly hold copies of small files.
pub const MIN_SIZE: u64 = 2 << 20;

/// The first bytes of a snapshot file; the last byte is the format's version.
const MAGIC: [u8; 8] = *b"GNLCSNP\x02";
/// Magic, program stamp, file size, file modification time, content hash; then the
/// dataset's absolute path, its length first.
const FIXED_HEADER_LEN: u64 = 8 + 8 + 8 + 16 + 16;
/// The hash of the snapshot's bytes after the header.
const TRAILER_LEN: u64 = 8;
/// How the temporary file of a snapshot being written is named.
const TEMP_PREFIX: &str = ".snapshot-";
/// How much of the dataset file is hashed at a time.
const HASH_BLOCK: usize = 1 << 20;

/// Where snapshots are kept.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// The cache the environment asks for: `None` when `GNLC_NO_CACHE` is set (to anything
    /// but empty) or no directory can be found. `GNLC_CACHE_DIR` may be relative (to the
    /// working directory); `XDG_CACHE_HOME` and `HOME` count only when absolute, as the XDG
    /// base directory rules say.
    pub fn from_env() -> Option<Cache> {
        if std::env::var_os("GNLC_NO_CACHE").is_some_and(|v| !v.is_empty()) {
            return None;
        }
        let absolute = |v: std::ffi::OsString| {
            let p = PathBuf::from(v);
            p.is_absolute().then_some(p)
        };
        let dir = std::env::var_os("GNLC_CACHE_DIR")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("XDG_CACHE_HOME")
                    .and_then(absolute)
                    .map(|p| p.join("gnlc"))
            })
            .or_else(|| {
                std::env::var_os("HOME")
                    .and_then(absolute)
                    .map(|p| p.join(".cache").join("gnlc"))
            })?;
        Some(Cache::at(dir))
    }

    /// A cache in `dir` (made when the first snapshot is written).
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// The snapshot file for the dataset at `path`: one per dataset path, named by a hash of
    /// its absolute form.
    fn snapshot_path(&self, dataset: &Path) -> PathBuf {
        let name = xxh3_64(dataset.as_os_str().as_encoded_bytes());
        self.dir.join(format!("{name:016x}.snapshot"))
    }

    /// Loads the dataset file at `path` into an engine, from its snapshot when one is
    /// valid. Errors are those of [`crate::model::load::from_path`]. On a miss, the
    /// returned [`Pending`] writes the snapshot (the caller chooses when: after the first
    /// frame, or after the output).
    pub fn load(&self, path: &str) -> Result<(Engine, Option<Pending>)> {
        program_stamp();
        // What the file may not be (a directory, a device, larger than the limit) is refused
        // whether or not a snapshot of it exists.
        crate::model::read::regular_file(path)?;
        let before = FileKey::of(path);
        let source = absolute(path);
        let snapshot = self.snapshot_path(&source);
        if let Some(key) = &before
            && let Some(engine) = read_snapshot(&snapshot, path, &source, key)
        {
            return Ok((engine, None));
        }
        let (dataset, reader) = crate::model::load::from_path_through(path, Hashing::new)?;
        let pending = match (before, reader) {
            (Some(key), Some(reader)) if FileKey::of(path).as_ref() == Some(&key) => {
                Some(Pending {
                    snapshot,
                    header: Header {
                        stamp: program_stamp(),
                        key,
                        content: reader.hash.digest128(),
                        dataset: source,
                    },
                })
            }
            _ => None,
        };
        Ok((Engine::new(dataset), pending))
    }
}

/// What a snapshot in the cache is, as `gnlc cache` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub snapshot: PathBuf,
    /// Its size on disk.
    pub bytes: u64,
    /// The dataset file it was made from, when its header reads.
    pub dataset: Option<PathBuf>,
    pub state: State,
}

/// Whether a snapshot would be used, as far as its header tells (the content hash is only
/// compared at a load).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Its file has the size and modification time it was made from.
    Current,
    /// Its file has changed since: the next load replaces it.
    Changed,
    /// Its file is gone: it will never be used again.
    Gone,
    /// Made by another build of gnlc: the next load of its file replaces it.
    OtherBuild,
    /// Not a snapshot this program can read.
    Unreadable,
}

impl State {
    pub fn label(self) -> &'static str {
        match self {
            State::Current => "current",
            State::Changed => "file changed",
            State::Gone => "file gone",
            State::OtherBuild => "another gnlc build",
            State::Unreadable => "unreadable",
        }
    }
}

impl Cache {
    /// The directory snapshots are kept in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every snapshot in the cache, by dataset path (none when the directory does not exist).
    pub fn entries(&self) -> Vec<Entry> {
        let Ok(read) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut entries: Vec<Entry> = read
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "snapshot"))
            .map(describe)
            .collect();
        entries.sort_by(|a, b| (&a.dataset, &a.snapshot).cmp(&(&b.dataset, &b.snapshot)));
        entries
    }

    /// Removes every snapshot (and any write left unfinished); gives how many files and
    /// bytes went. The directory itself stays.
    pub fn clear(&self) -> std::io::Result<(usize, u64)> {
        let read = match std::fs::read_dir(&self.dir) {
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((0, 0)),
            Err(e) => return Err(e),
        };
        let (mut files, mut bytes) = (0, 0);
        for entry in read {
            let entry = entry?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.ends_with(".snapshot") || name.starts_with(TEMP_PREFIX) {
                let size = entry.metadata().map_or(0, |m| m.len());
                std::fs::remove_file(entry.path())?;
                files += 1;
                bytes += size;
            }
        }
        Ok((files, bytes))
    }
}

/// What the snapshot file at `snapshot` is.
fn describe(snapshot: PathBuf) -> Entry {
    let bytes = std::fs::metadata(&snapshot).map_or(0, |m| m.len());
    let header = File::open(&snapshot)
        .ok()
        .and_then(|mut file| Header::read(&mut file, bytes))
        .map(|(header, _)| header);
    let Some(header) = header else {
        return Entry {
            snapshot,
            bytes,
            dataset: None,
            state: State::Unreadable,
        };
    };
    let state = match std::fs::metadata(&header.dataset) {
        Err(_) => State::Gone,
        Ok(_) if header.stamp != program_stamp() => State::OtherBuild,
        Ok(_) => match header.dataset.to_str().and_then(FileKey::of) {
            Some(key) if key == header.key => State::Current,
            _ => State::Changed,
        },
    };
    Entry {
        snapshot,
        bytes,
        dataset: Some(header.dataset),
        state,
    }
}

/// A snapshot to write for a dataset just loaded from its file.
#[derive(Debug)]
pub struct Pending {
    snapshot: PathBuf,
    header: Header,
}

impl Pending {
    /// Writes the snapshot of `engine`, which must hold the dataset loaded with this
    /// `Pending`. Atomic: a temporary file in the cache directory, renamed into place.
    pub fn write(self, engine: &Engine) -> std::io::Result<()> {
        let dir = self.snapshot.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        remove_abandoned(dir);
        let mut temp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .tempfile_in(dir)?;
        let mut out = BufWriter::with_capacity(1 << 16, temp.as_file_mut());
        out.write_all(&self.header.bytes())?;
        let mut w = Writer::new(out);
        snapshot::encode(engine.dataset(), &mut w)?;
        engine.write_index(&mut w)?;
        let (mut out, hash) = w.finish()?;
        out.write_all(&hash.to_le_bytes())?;
        out.flush()?;
        drop(out);
        temp.persist(&self.snapshot).map_err(|e| e.error)?;
        Ok(())
    }
}

/// Temporary files of writes that never finished (the process was killed) are removed
/// once they are an hour old: no write takes that long.
fn remove_abandoned(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let abandoned = entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX)
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 3600);
        if abandoned {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// What identifies a dataset file's version without reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FileKey {
    size: u64,
    /// Nanoseconds since the Unix epoch.
    modified: u128,
}

impl FileKey {
    /// The key of the regular file at `path` when it is large enough to cache.
    fn of(path: &str) -> Option<FileKey> {
        let meta = std::fs::metadata(path).ok()?;
        if !meta.is_file() || meta.len() < MIN_SIZE {
            return None;
        }
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(FileKey {
            size: meta.len(),
            modified: modified.as_nanos(),
        })
    }
}

/// What identifies this build of the program: its version and its executable's size and
/// modification time, hashed. Taken once, at the first load: an executable rebuilt while the
/// program runs must not lend its stamp to the snapshots the older code writes.
fn program_stamp() -> u64 {
    static STAMP: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *STAMP.get_or_init(stamp_of_executable)
}

fn stamp_of_executable() -> u64 {
    let mut hash = Xxh3::new();
    hash.update(env!("CARGO_PKG_VERSION").as_bytes());
    if let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|exe| std::fs::metadata(exe).ok())
    {
        hash.update(&meta.len().to_le_bytes());
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        hash.update(&modified.to_le_bytes());
    }
    hash.digest()
}

/// The dataset path `path` names, absolute (not resolving links): what snapshots are
/// named by and record.
fn absolute(path: &str) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| PathBuf::from(path))
}

/// What a snapshot starts with: what it was made by and from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Header {
    stamp: u64,
    key: FileKey,
    content: u128,
    /// The absolute path of the dataset file.
    dataset: PathBuf,
}

impl Header {
    fn bytes(&self) -> Vec<u8> {
        let path = path_bytes(&self.dataset);
        let mut bytes = Vec::with_capacity(FIXED_HEADER_LEN as usize + 4 + path.len());
        bytes.extend_from_slice(&MAGIC);
        bytes.extend_from_slice(&self.stamp.to_le_bytes());
        bytes.extend_from_slice(&self.key.size.to_le_bytes());
        bytes.extend_from_slice(&self.key.modified.to_le_bytes());
        bytes.extend_from_slice(&self.content.to_le_bytes());
        bytes.extend_from_slice(&(path.len() as u32).to_le_bytes());
        bytes.extend_from_slice(&path);
        bytes
    }

    /// Reads a header from the start of a snapshot of `length` bytes; with it, how many
    /// bytes it took.
    fn read(input: &mut impl Read, length: u64) -> Option<(Header, u64)> {
        let mut fixed = [0; FIXED_HEADER_LEN as usize + 4];
        input.read_exact(&mut fixed).ok()?;
        let (magic, rest) = fixed.split_first_chunk::<8>()?;
        if *magic != MAGIC {
            return None;
        }
        let (stamp, rest) = rest.split_first_chunk::<8>()?;
        let (size, rest) = rest.split_first_chunk::<8>()?;
        let (modified, rest) = rest.split_first_chunk::<16>()?;
        let (content, rest) = rest.split_first_chunk::<16>()?;
        let path_len = u64::from(u32::from_le_bytes(*rest.first_chunk::<4>()?));
        let taken = FIXED_HEADER_LEN + 4 + path_len;
        if taken > length {
            return None;
        }
        let mut path = vec![0; usize::try_from(path_len).ok()?];
        input.read_exact(&mut path).ok()?;
        let header = Header {
            stamp: u64::from_le_bytes(*stamp),
            key: FileKey {
                size: u64::from_le_bytes(*size),
                modified: u128::from_le_bytes(*modified),
            },
            content: u128::from_le_bytes(*content),
            dataset: path_from_bytes(path)?,
        };
        Some((header, taken))
    }
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec()
}

#[cfg(unix)]
#[allow(clippy::unnecessary_wraps)] // `None` on other systems, for a path that is not UTF-8
fn path_from_bytes(bytes: Vec<u8>) -> Option<PathBuf> {
    let path: std::ffi::OsString = std::os::unix::ffi::OsStringExt::from_vec(bytes);
    Some(PathBuf::from(path))
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> Option<PathBuf> {
    String::from_utf8(bytes).ok().map(PathBuf::from)
}

/// The engine from the snapshot at `snapshot` when it is valid for the file at `path`
/// (whose absolute path is `dataset` and whose key is `key`); `None` for anything else.
fn read_snapshot(snapshot: &Path, path: &str, dataset: &Path, key: &FileKey) -> Option<Engine> {
    let file = File::open(snapshot).ok()?;
    let length = file.metadata().ok()?.len();
    let mut input = BufReader::with_capacity(1 << 16, file);
    let (header, taken) = Header::read(&mut input, length)?;
    if header.stamp != program_stamp() || header.key != *key || header.dataset != dataset {
        return None;
    }
    let payload = length.checked_sub(taken + TRAILER_LEN)?;
    // The file is hashed on one core while the snapshot is read on the other.
    let (hashed, engine) = std::thread::scope(|scope| {
        let hashing = scope.spawn(|| hash_file(path));
        let engine = (|| {
            let mut r = Reader::new(&mut input, payload);
            let dataset = snapshot::decode(&mut r)?;
            let engine = Engine::read_index(dataset, &mut r).ok()?;
            let (input, hash) = r.finish()?;
            let mut trailer = [0; TRAILER_LEN as usize];
            input.read_exact(&mut trailer).ok()?;
            (u64::from_le_bytes(trailer) == hash).then_some(engine)
        })();
        (hashing.join().ok().flatten(), engine)
    });
    // The file must still be the one that was hashed.
    if hashed != Some(header.content) || FileKey::of(path).as_ref() != Some(key) {
        return None;
    }
    engine
}

/// The xxh3-128 hash of the file at `path`.
fn hash_file(path: &str) -> Option<u128> {
    let mut file = File::open(path).ok()?;
    let mut hash = Xxh3::new();
    let mut block = vec![0; HASH_BLOCK];
    loop {
        match file.read(&mut block) {
            Ok(0) => return Some(hash.digest128()),
            Ok(n) => hash.update(&block[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
}

/// A reader that hashes what it reads.
struct Hashing<R> {
    inner: R,
    hash: Xxh3,
}

impl<R> Hashing<R> {
    fn new(inner: R) -> Hashing<R> {
        Hashing {
            inner,
            hash: Xxh3::new(),
        }
    }
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
}
