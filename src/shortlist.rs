//! The shortlist: member ids the user marked, kept across runs in one small JSON file.
//!
//! # Where
//!
//! `$XDG_DATA_HOME/gnlc/shortlist.json`, or `~/.local/share/gnlc/shortlist.json` when
//! `XDG_DATA_HOME` is unset, empty or relative (as the XDG base directory spec says). See
//! [`path_from_env`].
//!
//! # Format
//!
//! ```json
//! {
//!   "version": 1,
//!   "members": ["cork", "espoo"]
//! }
//! ```
//!
//! `version` is [`FORMAT_VERSION`]; `members` holds member ids (the dataset's `id` field),
//! sorted, each once. Unknown fields are an error rather than ignored, because rewriting the
//! file would drop them silently.
//!
//! # Safety of the data
//!
//! - Every change is applied to the file as it is *now*, not to what was loaded: under an
//!   advisory lock (`flock`, through the `fs4` crate) on a sidecar file (`shortlist.json.lock`, never removed, so that every
//!   process locks the same inode) the file is re-read, the change (add, remove, clear) is
//!   applied, and the result is written. Two explorers open at once therefore keep each
//!   other's marks.
//! - Writes are atomic: a temporary file in the same directory, flushed to disk, then renamed
//!   over the old file. A crash leaves the old file or the new one, never half of one.
//! - Ids that are not in the loaded dataset stay in the file (the dataset may be older or
//!   filtered); [`Shortlist::count_not_found`] says how many there are.
//! - A file that cannot be read (bad JSON, wrong types, a newer version) is never overwritten:
//!   loading returns a [`ShortlistError`] naming the file, line and column, and every change
//!   re-reads the file and fails the same way until the user fixes, deletes or replaces it,
//!   or calls [`Shortlist::move_aside`], which renames it to `shortlist.json.bad-<unix time>`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The `version` written in the file, and the highest one this program reads.
pub const FORMAT_VERSION: u32 = 1;

/// The file's name inside the data directory.
pub const FILE_NAME: &str = "shortlist.json";

/// The program's directory inside the user's data directory.
pub const APP_DIR: &str = "gnlc";

/// The shortlist file's path from the values of `XDG_DATA_HOME` and `HOME`, or `None` when
/// neither gives an absolute directory.
pub fn path_from_env(xdg_data_home: Option<&OsStr>, home: Option<&OsStr>) -> Option<PathBuf> {
    let absolute = |v: Option<&OsStr>| {
        v.filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    let data = absolute(xdg_data_home)
        .or_else(|| absolute(home).map(|h| h.join(".local").join("share")))?;
    Some(data.join(APP_DIR).join(FILE_NAME))
}

/// The shortlist file's path from this process's environment.
pub fn default_path() -> Result<PathBuf, ShortlistError> {
    let xdg = std::env::var_os("XDG_DATA_HOME");
    let home = std::env::var_os("HOME");
    path_from_env(xdg.as_deref(), home.as_deref()).ok_or(ShortlistError::NoDataDir)
}

/// Everything the shortlist can fail with. Each names the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShortlistError {
    /// Neither `XDG_DATA_HOME` nor `HOME` is set to an absolute directory.
    #[error("cannot find where to keep the shortlist: set XDG_DATA_HOME or HOME")]
    NoDataDir,
    /// The file exists but could not be read.
    #[error("{}: cannot read the shortlist: {message}", show(path))]
    Read { path: PathBuf, message: String },
    /// The file was read but is not a shortlist (bad JSON, wrong types, unknown fields).
    #[error(
        "{}:{line}:{column}: the shortlist cannot be read{}: {message}; it was left as it is",
        show(path),
        field.as_ref().map(|f| format!(" (field `{f}`)")).unwrap_or_default()
    )]
    Corrupt {
        path: PathBuf,
        line: usize,
        column: usize,
        field: Option<String>,
        message: String,
    },
    /// The file was written by a newer program.
    #[error(
        "{}: the shortlist has format version {found}, newer than this program reads ({FORMAT_VERSION}); it was left as it is",
        show(path)
    )]
    Version { path: PathBuf, found: u64 },
    /// The file, its directory or its lock could not be written.
    #[error("{}: cannot save the shortlist: {message}", show(path))]
    Write { path: PathBuf, message: String },
}

impl ShortlistError {
    /// True when the file exists but is not a shortlist this program can read, so it must not
    /// be written until it is fixed, replaced or moved aside.
    pub fn is_unreadable_file(&self) -> bool {
        matches!(
            self,
            ShortlistError::Corrupt { .. } | ShortlistError::Version { .. }
        )
    }
}

impl From<ShortlistError> for crate::error::Error {
    fn from(e: ShortlistError) -> Self {
        match e {
            ShortlistError::Corrupt {
                path,
                line,
                column,
                field,
                message,
            } => crate::error::Error::Data {
                place: Box::new(crate::error::Place {
                    path: path.display().to_string(),
                    line: Some(line),
                    column: Some(column),
                    member: None,
                    field,
                }),
                message: format!("the shortlist cannot be read: {message}; it was left as it is"),
            },
            ShortlistError::Read { path, message } => crate::error::Error::Io {
                path: path.display().to_string(),
                message: format!("cannot read the shortlist: {message}"),
            },
            ShortlistError::Write { path, message } => crate::error::Error::Io {
                path: path.display().to_string(),
                message: format!("cannot save the shortlist: {message}"),
            },
            ShortlistError::Version { path, found } => crate::error::Error::Io {
                path: path.display().to_string(),
                message: format!(
                    "the shortlist has format version {found}, newer than this program reads \
                     ({FORMAT_VERSION}); it was left as it is"
                ),
            },
            ShortlistError::NoDataDir => crate::error::Error::Usage(e.to_string()),
        }
    }
}

fn show(path: &Path) -> String {
    crate::text::sanitize_line(&path.display().to_string()).into_owned()
}

/// The file's shape.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileFormat {
    version: u32,
    members: BTreeSet<String>,
}

/// Just the version, read leniently, to tell "newer format" from "broken file".
#[derive(Deserialize)]
struct VersionOnly {
    version: u64,
}

/// Reads the file: `Ok(None)` when it does not exist.
fn read_file(path: &Path) -> Result<Option<BTreeSet<String>>, ShortlistError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(ShortlistError::Read {
                path: path.to_path_buf(),
                message: e.to_string(),
            });
        }
    };
    parse(path, &bytes).map(Some)
}

fn parse(path: &Path, bytes: &[u8]) -> Result<BTreeSet<String>, ShortlistError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let (inner, field) = match serde_path_to_error::deserialize::<_, FileFormat>(&mut de) {
        Ok(file) => match de.end() {
            Ok(()) if file.version == 0 || file.version > FORMAT_VERSION => {
                return Err(ShortlistError::Version {
                    path: path.to_path_buf(),
                    found: u64::from(file.version),
                });
            }
            Ok(()) => return Ok(file.members),
            Err(e) => (e, None),
        },
        Err(e) => {
            let field = e.path().to_string();
            let field = (field != "." && field != "?" && !field.is_empty()).then_some(field);
            (e.into_inner(), field)
        }
    };
    let version = serde_json::from_slice::<VersionOnly>(bytes).map(|v| v.version);
    if let Ok(found) = version.map_err(|_| ()).and_then(|v| {
        if v > u64::from(FORMAT_VERSION) {
            Ok(v)
        } else {
            Err(())
        }
    }) {
        return Err(ShortlistError::Version {
            path: path.to_path_buf(),
            found,
        });
    }
    let message = inner.to_string();
    // serde_json appends " at line L column C"; the place is given in front instead.
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    // In the words of the file, not of Rust's types (`expected u32`); a list where the
    // object is due is read by serde as the object's fields in order, so it is named here.
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    let message = if inner.is_data() && first != Some(&b'{') {
        "expected an object with `version` and `members`".to_string()
    } else {
        let literal = std::str::from_utf8(bytes)
            .ok()
            .and_then(|text| crate::model::wording::number_at(text, inner.line(), inner.column()));
        crate::model::wording::reword(message, field.as_deref(), literal)
    };
    Err(ShortlistError::Corrupt {
        path: path.to_path_buf(),
        line: inner.line(),
        column: inner.column(),
        field,
        message,
    })
}

/// Writes `ids` to `path` atomically: a temporary file in the same directory, then a rename.
fn write_file(path: &Path, ids: &BTreeSet<String>) -> Result<(), ShortlistError> {
    let fail = |e: &dyn std::fmt::Display| ShortlistError::Write {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let dir = parent_dir(path);
    let file = FileFormat {
        version: FORMAT_VERSION,
        members: ids.clone(),
    };
    let mut text = serde_json::to_string_pretty(&file).map_err(|e| fail(&e))?;
    text.push('\n');
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{FILE_NAME}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| fail(&e))?;
    tmp.write_all(text.as_bytes()).map_err(|e| fail(&e))?;
    tmp.as_file().sync_all().map_err(|e| fail(&e))?;
    tmp.persist(path).map_err(|e| fail(&e.error))?;
    Ok(())
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Holds the advisory lock on the sidecar lock file while alive (closing the file unlocks).
struct Lock {
    _file: fs::File,
}

fn lock(path: &Path) -> Result<Lock, ShortlistError> {
    let fail = |e: io::Error| ShortlistError::Write {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    fs::create_dir_all(parent_dir(path)).map_err(fail)?;
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(PathBuf::from(&name))
        .map_err(fail)?;
    // The trait's method, by path: newer std has an inherent `File::lock` of the same name.
    fs4::FileExt::lock(&file).map_err(fail)?;
    Ok(Lock { _file: file })
}

/// One change, applied to the latest contents of the file.
enum Change<'a> {
    Add(&'a [String]),
    Remove(&'a [String]),
    Clear,
}

/// The shortlist of one file: the ids as last read or written, and the file's path.
#[derive(Debug, Clone)]
pub struct Shortlist {
    path: PathBuf,
    ids: BTreeSet<String>,
    problem: Option<ShortlistError>,
}

impl Shortlist {
    /// Loads the shortlist at `path` (empty when the file does not exist yet).
    pub fn open(path: impl Into<PathBuf>) -> Result<Shortlist, ShortlistError> {
        let path = path.into();
        let ids = read_file(&path)?.unwrap_or_default();
        Ok(Shortlist {
            path,
            ids,
            problem: None,
        })
    }

    /// Loads the shortlist at `path`, or, when the file cannot be read, an empty shortlist
    /// that remembers why ([`Shortlist::problem`]) so the explorer can start and say so. The
    /// file is still never written while it cannot be read (every change re-reads it).
    pub fn open_or_report(path: impl Into<PathBuf>) -> Shortlist {
        let path = path.into();
        match read_file(&path) {
            Ok(ids) => Shortlist {
                path,
                ids: ids.unwrap_or_default(),
                problem: None,
            },
            Err(e) => Shortlist {
                path,
                ids: BTreeSet::new(),
                problem: Some(e),
            },
        }
    }

    /// The file this shortlist is kept in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why the file could not be read at the last load or change, if it could not.
    pub fn problem(&self) -> Option<&ShortlistError> {
        self.problem.as_ref()
    }

    /// The marked member ids, sorted.
    pub fn ids(&self) -> &BTreeSet<String> {
        &self.ids
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The marked ids for which `known` is false (members not in the loaded dataset).
    pub fn not_found(&self, known: impl Fn(&str) -> bool) -> Vec<&str> {
        self.ids
            .iter()
            .map(String::as_str)
            .filter(|id| !known(id))
            .collect()
    }

    /// How many marked ids `known` does not know.
    pub fn count_not_found(&self, known: impl Fn(&str) -> bool) -> usize {
        self.ids.iter().filter(|id| !known(id)).count()
    }

    /// Reads the file again (after another program changed it, or the user fixed it).
    pub fn reload(&mut self) -> Result<(), ShortlistError> {
        match read_file(&self.path) {
            Ok(ids) => {
                self.ids = ids.unwrap_or_default();
                self.problem = None;
                Ok(())
            }
            Err(e) => {
                self.problem = Some(e.clone());
                Err(e)
            }
        }
    }

    /// Marks `ids`; returns how many were not marked before. Also picks up every change other
    /// programs made to the file.
    pub fn add<S: Into<String>>(
        &mut self,
        ids: impl IntoIterator<Item = S>,
    ) -> Result<usize, ShortlistError> {
        let ids: Vec<String> = ids.into_iter().map(Into::into).collect();
        self.change(&Change::Add(&ids))
    }

    /// Unmarks `ids`; returns how many were marked.
    pub fn remove<S: Into<String>>(
        &mut self,
        ids: impl IntoIterator<Item = S>,
    ) -> Result<usize, ShortlistError> {
        let ids: Vec<String> = ids.into_iter().map(Into::into).collect();
        self.change(&Change::Remove(&ids))
    }

    /// Marks `id` if it is not marked here, else unmarks it; returns whether it is now marked.
    pub fn toggle(&mut self, id: &str) -> Result<bool, ShortlistError> {
        if self.contains(id) {
            self.remove([id]).map(|_| false)
        } else {
            self.add([id]).map(|_| true)
        }
    }

    /// Unmarks everything; returns how many were marked. Like every change, this refuses to
    /// touch a file that cannot be read (see [`Shortlist::move_aside`]).
    pub fn clear(&mut self) -> Result<usize, ShortlistError> {
        self.change(&Change::Clear)
    }

    /// Renames the file to `shortlist.json.bad-<unix time>` (with `-2`, `-3`... if that name
    /// is taken) and starts an empty shortlist; returns the new name, or `None` when there was
    /// no file. Meant for a file that cannot be read, but moves whatever file is there.
    pub fn move_aside(&mut self) -> Result<Option<PathBuf>, ShortlistError> {
        let _lock = lock(&self.path)?;
        if fs::symlink_metadata(&self.path).is_err() {
            self.ids.clear();
            self.problem = None;
            return Ok(None);
        }
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let base = format!("{}.bad-{secs}", self.path.display());
        let mut target = PathBuf::from(&base);
        let mut n = 2;
        while fs::symlink_metadata(&target).is_ok() {
            target = PathBuf::from(format!("{base}-{n}"));
            n += 1;
        }
        fs::rename(&self.path, &target).map_err(|e| ShortlistError::Write {
            path: self.path.clone(),
            message: format!("cannot rename it to {}: {e}", target.display()),
        })?;
        self.ids.clear();
        self.problem = None;
        Ok(Some(target))
    }

    /// Applies a change to the file's latest contents, under the lock, and writes the result
    /// if it differs. Returns how many ids the change added or removed.
    fn change(&mut self, change: &Change<'_>) -> Result<usize, ShortlistError> {
        let _lock = lock(&self.path)?;
        let mut ids = match read_file(&self.path) {
            Ok(ids) => ids,
            Err(e) => {
                self.problem = Some(e.clone());
                return Err(e);
            }
        };
        let ids_now = ids.get_or_insert_with(BTreeSet::new);
        let changed = match change {
            Change::Add(add) => add
                .iter()
                .filter(|id| ids_now.insert((*id).clone()))
                .count(),
            Change::Remove(remove) => remove.iter().filter(|id| ids_now.remove(*id)).count(),
            Change::Clear => {
                let n = ids_now.len();
                ids_now.clear();
                n
            }
        };
        if changed > 0 {
            write_file(&self.path, ids_now)?;
        }
        self.ids = ids.unwrap_or_default();
        self.problem = None;
        Ok(changed)
    }
}
