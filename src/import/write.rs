//! Writing the output file so that no file is ever lost or half-written.
//!
//! The data goes to a temporary file in the same directory, is flushed to disk, and is then
//! renamed over the target. A rename within one file system is atomic, so a crash leaves the
//! old file or the new one, never half of one. Without `force` the rename refuses to replace
//! an existing file (`persist_noclobber`), so even a file created while we were writing is
//! kept.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// The error for an existing output file without `--force`.
fn exists_error(path: &Path) -> Error {
    Error::Io {
        path: path.display().to_string(),
        message: "already exists; use --force to overwrite it".to_string(),
    }
}

/// Fails early, before any work, when `path` cannot be written: it exists and `force` is off,
/// or it is a directory.
pub fn check_target(path: &Path, force: bool) -> Result<()> {
    if path.is_dir() {
        return Err(Error::Io {
            path: path.display().to_string(),
            message: "is a directory, not a file".to_string(),
        });
    }
    if !force && path.exists() {
        return Err(exists_error(path));
    }
    Ok(())
}

/// Fails when `path` is one of `inputs` (the same file under another name or through a link
/// too): an import must never replace what it reads, even with `--force`. Paths are compared
/// canonical, and on Unix by device and inode, which also catches hard links.
pub fn check_not_an_input(path: &Path, inputs: &[std::path::PathBuf]) -> Result<()> {
    let Ok(target) = std::fs::canonicalize(path) else {
        // A file that does not exist yet is not an input.
        return Ok(());
    };
    let target_id = file_id(&target);
    for input in inputs {
        let same = std::fs::canonicalize(input).is_ok_and(|i| i == target)
            || (target_id.is_some() && file_id(input) == target_id);
        if same {
            return Err(Error::Io {
                path: path.display().to_string(),
                message: format!(
                    "output is one of the inputs ({}); refusing to overwrite it, even with --force",
                    input.display()
                ),
            });
        }
    }
    Ok(())
}

/// The device and inode of a file, where the platform has them.
fn file_id(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Writes `contents` to `path` atomically; replaces an existing file only when `force` is set.
pub fn write_atomically(path: &Path, contents: &[u8], force: bool) -> Result<()> {
    check_target(path, force)?;
    let name = path.display().to_string();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".gnlc-import-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(&dir.display().to_string(), &e))?;
    temp.write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| Error::io(&name, &e))?;
    set_permissions(temp.as_file(), path);
    let result = if force {
        temp.persist(path)
    } else {
        temp.persist_noclobber(path)
    };
    result.map(drop).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            exists_error(path)
        } else {
            Error::io(&name, &e.error)
        }
    })
}

/// Gives the new file the old file's permissions, or the usual 0644 for a new file (temporary
/// files are created private). Best effort: the data matters more than the mode.
fn set_permissions(file: &std::fs::File, target: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(target).map_or(0o644, |m| m.permissions().mode());
        let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    {
        let _ = (file, target);
    }
}
