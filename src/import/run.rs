//! The whole `gnlc import FILE... [-o OUT] [--force]` flow, minus argument parsing: read the
//! pages, report what could not be read, write a dataset that is proved to load back.

use super::{parse_listing, write};
use crate::error::{Error, Result};
use crate::model::{DatasetRecord, Member, MemberRecord, load};
use crate::text::sanitize_line;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    /// Members written.
    pub imported: usize,
    /// Problems reported on stderr (skipped records, pages without records...).
    pub problems: usize,
    /// The file written, or `None` for stdout.
    pub output: Option<PathBuf>,
}

/// Imports the listing pages `inputs` into one dataset.
///
/// - Each input is read whole; an unreadable file is an error naming it. Invalid UTF-8 is
///   decoded lossily and reported.
/// - Every problem is written to `stderr` as `FILE:LINE: message` (text from the page is
///   sanitised), then one summary line. Records read before and after a bad one are kept.
///   A record whose city and country repeat an earlier one is reported and skipped.
/// - The dataset (schema version 1, pretty JSON) goes to `output`, or to `stdout` when `None`.
///   An existing `output` is never replaced unless `force`; the write is atomic (see `write`).
/// - The JSON is loaded back with `model::load::from_str` before it is written.
/// - Returns an error (exit code 1) when nothing was imported, after reporting why.
pub fn run(
    inputs: &[PathBuf],
    output: Option<&Path>,
    force: bool,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<ImportSummary> {
    if inputs.is_empty() {
        return Err(Error::Usage(
            "give at least one listing page to import".to_string(),
        ));
    }
    if let Some(out) = output {
        write::check_target(out, force)?;
    }
    let mut collector = Collector {
        members: Vec::new(),
        first_seen: HashMap::new(),
        problems: 0,
        stderr,
    };
    for input in inputs {
        let name = input.display().to_string();
        let text = read_page(input, &name, &mut collector)?;
        collector.add_page(&name, &text);
    }
    let Collector {
        members,
        problems,
        stderr,
        ..
    } = collector;
    let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    let imported = members.len();
    // A failure to write to stderr must not stop the import.
    let _ = writeln!(
        stderr,
        "gnlc import: {imported} member{} imported, {problems} problem{} reported",
        if imported == 1 { "" } else { "s" },
        if problems == 1 { "" } else { "s" },
    );
    if imported == 0 {
        return Err(Error::Import(format!(
            "nothing imported from {}: no learning-city record could be read",
            sanitize_line(&names.join(", "))
        )));
    }
    let dataset = DatasetRecord::new(
        format!(
            "Imported by gnlc import from UNESCO learning-city listing pages: {}",
            names.join(", ")
        ),
        members,
    );
    let json = dataset.to_json()?;
    load::from_str(&json, "the imported dataset").map_err(|e| {
        Error::Import(format!(
            "the imported dataset does not load back (a bug in gnlc import): {e}"
        ))
    })?;
    match output {
        Some(out) => write::write_atomically(out, json.as_bytes(), force)?,
        None => stdout
            .write_all(json.as_bytes())
            .and_then(|()| stdout.flush())
            .map_err(|e| Error::io("<stdout>", &e))?,
    }
    Ok(ImportSummary {
        imported,
        problems,
        output: output.map(Path::to_path_buf),
    })
}

/// Gathers members across pages, skipping repeats, and reports problems as it goes.
struct Collector<'a> {
    members: Vec<MemberRecord>,
    /// Member id → where it was first read (`FILE:LINE`).
    first_seen: HashMap<String, String>,
    problems: usize,
    stderr: &'a mut dyn Write,
}

impl Collector<'_> {
    /// Writes one problem as `FILE:LINE: message`, sanitised: page text is data.
    fn report(&mut self, file: &str, line: usize, message: &str) {
        self.problems += 1;
        // A failure to write to stderr must not stop the import.
        let _ = writeln!(
            self.stderr,
            "{}:{line}: {}",
            sanitize_line(file),
            sanitize_line(message)
        );
    }

    /// Parses one page and keeps its members.
    fn add_page(&mut self, name: &str, text: &str) {
        let parsed = parse_listing(text);
        for problem in &parsed.problems {
            self.report(name, problem.line, &problem.message);
        }
        for member in &parsed.members {
            let record = &member.record;
            let id = Member::derive_id(&record.city, &record.country);
            if let Some(first) = self.first_seen.get(&id) {
                let message = format!(
                    "record `{}` ({}) repeats the one at {first}; skipped",
                    record.city, record.country
                );
                self.report(name, member.line, &message);
                continue;
            }
            self.first_seen
                .insert(id, format!("{name}:{}", member.line));
            self.members.push(MemberRecord {
                source: Some(format!(
                    "UNESCO learning-city listing page {name}, line {}",
                    member.line
                )),
                ..record.clone()
            });
        }
    }
}

/// Reads a page as text; invalid UTF-8 is decoded lossily and reported, not refused, so the
/// readable records of a damaged save are kept.
fn read_page(input: &Path, name: &str, collector: &mut Collector<'_>) -> Result<String> {
    let bytes = std::fs::read(input).map_err(|e| Error::io(name, &e))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = valid.split(|&b| b == b'\n').count();
            collector.report(
                name,
                line,
                "not valid UTF-8 (a binary file?); invalid bytes were replaced with U+FFFD",
            );
            Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
    }
}
