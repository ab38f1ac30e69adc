//! Typed errors. Every error that reaches the user is one line that says what went wrong and
//! where: the file, the line and column, the member (index and city) and the field, as applies.

use std::fmt;

/// Where in a data file a problem was found. Each part is optional because not every error
/// knows every part (a missing file has no line; a syntax error has no member).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    pub path: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Zero-based index in `members`, and the city when it could be read.
    pub member: Option<(usize, Option<String>)>,
    pub field: Option<String>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", crate::text::sanitize_line(&self.path))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if let Some((index, city)) = &self.member {
            write!(f, ": member {index}")?;
            if let Some(city) = city {
                write!(f, " ({})", crate::text::sanitize_line(city))?;
            }
        }
        if let Some(field) = &self.field {
            write!(f, ", field `{field}`")?;
        }
        Ok(())
    }
}

/// Everything the library can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A dataset could not be read, parsed or validated.
    #[error("{place}: {message}")]
    Data { place: Box<Place>, message: String },
    /// A file could not be read or written.
    #[error("{}: {message}", crate::text::sanitize_line(path))]
    Io { path: String, message: String },
    /// The reader of standard output went away (`gnlc list | head`): the reader's choice, not
    /// a failure. Recognised by its `io::ErrorKind`, never by the words of the message.
    #[error("{}: the reader closed the pipe", crate::text::sanitize_line(path))]
    ClosedPipe { path: String },
    /// `gnlc import` found nothing it could import.
    #[error("{0}")]
    Import(String),
    /// A name the user gave matches nothing (or too many things).
    #[error("{0}")]
    NotFound(String),
    /// The command line asked for something that cannot be (an unknown facet value...).
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// A data error at `place`.
    pub fn data(place: Place, message: impl Into<String>) -> Self {
        Error::Data {
            place: Box::new(place),
            message: message.into(),
        }
    }

    /// An I/O error on `path`, worded for people ("No such file or directory").
    pub fn io(path: &str, err: &std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            return Error::ClosedPipe {
                path: path.to_string(),
            };
        }
        let message = match err.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            std::io::ErrorKind::IsADirectory => "is a directory, not a file".to_string(),
            _ => err.to_string(),
        };
        Error::Io {
            path: path.to_string(),
            message,
        }
    }

    /// The process exit code: 2 for usage errors, 1 for everything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            _ => 1,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::Error;
    use std::io;

    #[test]
    fn a_closed_pipe_is_known_by_its_kind_whatever_the_message_says() {
        let worded = io::Error::new(io::ErrorKind::BrokenPipe, "Tuyau cassé");
        assert!(matches!(
            Error::io("<stdout>", &worded),
            Error::ClosedPipe { .. }
        ));
        // The words alone do not make a closed pipe.
        let lookalike = io::Error::other("Broken pipe (os error 32)");
        assert!(matches!(
            Error::io("<stdout>", &lookalike),
            Error::Io { .. }
        ));
    }
}
