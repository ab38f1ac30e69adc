//! Reading a dataset file with bounded memory: what cannot be a dataset is refused before it
//! is read.
//!
//! `--data /dev/zero` would otherwise read forever, and a huge file would be read whole
//! before the first check. So a device, a socket or a directory is refused from its metadata;
//! a regular file larger than the limit is refused from its size; and anything read (a FIFO,
//! a file growing while read) is read at most one byte past the limit.
//!
//! The limit is [`DEFAULT_LIMIT`] (4 GiB), or the number of bytes in the environment
//! variable [`LIMIT_VAR`].

use crate::error::{Error, Result};
use std::io::Read;

/// The largest dataset file read by default: 4 GiB.
pub const DEFAULT_LIMIT: u64 = 4 << 30;

/// The environment variable that sets another limit, in bytes.
pub const LIMIT_VAR: &str = "GNLC_MAX_DATA_BYTES";

/// The limit in force: [`LIMIT_VAR`] when it holds a whole number, else [`DEFAULT_LIMIT`].
pub fn limit() -> u64 {
    std::env::var(LIMIT_VAR)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_LIMIT)
}

fn refuse(path: &str, message: String) -> Error {
    Error::Io {
        path: path.to_string(),
        message,
    }
}

fn too_large(path: &str, size: &str, limit: u64) -> Error {
    refuse(
        path,
        format!(
            "{size} larger than the limit of {limit} bytes for a dataset; \
             set {LIMIT_VAR} to a larger number of bytes to read it"
        ),
    )
}

/// The bytes of the dataset file at `path`, or an error naming why it cannot be one.
pub fn bytes(path: &str) -> Result<Vec<u8>> {
    bytes_with_limit(path, limit())
}

/// The file at `path` opened for reading, with its size, when it is a regular file within
/// the limit; `None` for something else that may still be read (a pipe); an error naming why
/// it cannot be a dataset otherwise (a directory, a device, a socket, too large).
pub fn regular_file(path: &str) -> Result<Option<(std::fs::File, u64)>> {
    check(path, limit())
}

fn check(path: &str, limit: u64) -> Result<Option<(std::fs::File, u64)>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?;
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(refuse(path, "is a directory, not a file".into()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() || kind.is_block_device() {
            return Err(refuse(
                path,
                "is a device, not a dataset file; give the path of a JSON file".into(),
            ));
        }
        if kind.is_socket() {
            return Err(refuse(
                path,
                "is a socket, not a dataset file; give the path of a JSON file".into(),
            ));
        }
    }
    if kind.is_file() && meta.len() > limit {
        return Err(too_large(path, &format!("is {} bytes,", meta.len()), limit));
    }
    if !kind.is_file() {
        return Ok(None);
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
    Ok(Some((file, meta.len())))
}

/// As [`bytes`], with an explicit limit.
pub fn bytes_with_limit(path: &str, limit: u64) -> Result<Vec<u8>> {
    check(path, limit)?;
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
    let mut out = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| Error::io(path, &e))?;
    if out.len() as u64 > limit {
        return Err(too_large(path, "is", limit));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_is_refused_before_reading() {
        let err = bytes_with_limit("/dev/zero", 10).unwrap_err().to_string();
        assert!(err.contains("is a device"), "{err}");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_and_one_at_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.json");
        std::fs::write(&path, b"0123456789").unwrap();
        let path = path.to_str().unwrap();
        let err = bytes_with_limit(path, 9).unwrap_err().to_string();
        assert!(
            err.contains("is 10 bytes, larger than the limit of 9 bytes"),
            "{err}"
        );
        assert!(err.contains(LIMIT_VAR), "{err}");
        assert_eq!(bytes_with_limit(path, 10).unwrap().len(), 10);
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = bytes_with_limit(dir.path().to_str().unwrap(), 10)
            .unwrap_err()
            .to_string();
        assert!(err.contains("is a directory"), "{err}");
    }

    #[test]
    fn the_default_limit_is_four_gibibytes() {
        assert_eq!(DEFAULT_LIMIT, 4_294_967_296);
    }
}
