//! The whole `gnlc import FILE... [-o OUT] [--force]` flow, minus argument parsing: read the
//! pages, report what could not be read, write a dataset that is proved to load back.

use super::unglue::GlueCount;
use super::{source, write};
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
    /// Lists glued in lowercase: runs split into items, and runs left as they are.
    pub glued: GlueCount,
}

/// How `gnlc import` writes, beyond its inputs.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions<'a> {
    /// The file to write, or `None` for stdout.
    pub output: Option<&'a Path>,
    /// Replace `output` if it exists (never when it is one of the inputs).
    pub force: bool,
    /// The year the members of press releases joined, over the releases' date lines.
    pub joined: Option<u16>,
}

/// [`run_with`] without `--joined`.
pub fn run(
    inputs: &[PathBuf],
    output: Option<&Path>,
    force: bool,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<ImportSummary> {
    let options = ImportOptions {
        output,
        force,
        joined: None,
    };
    run_with(inputs, options, stdout, stderr)
}

/// Imports the listing pages and press releases `inputs` (text or HTML, told apart by content:
/// see `source`) into one dataset.
///
/// - Each input is read whole; an unreadable file is an error naming it. Invalid UTF-8 is
///   decoded lossily and reported.
/// - Every problem is written to `stderr` as `FILE:LINE: message` (text from the page is
///   sanitised), then one summary line. Records read before and after a bad one are kept.
///   A record whose city and country repeat an earlier one is reported and skipped.
/// - The dataset (schema version 1, pretty JSON) goes to `output`, or to `stdout` when `None`.
///   An existing `output` is never replaced unless `force`, and one of the inputs never, even
///   with `force`; the write is atomic (see `write`).
/// - The summary line is followed by one on the lists glued in lowercase: how many glued runs
///   were split into items and how many were left as they are (see `unglue`).
/// - The JSON is loaded back with `model::load::from_str` before it is written.
/// - Returns an error (exit code 1) when nothing was imported, after reporting why.
pub fn run_with(
    inputs: &[PathBuf],
    options: ImportOptions<'_>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<ImportSummary> {
    let ImportOptions {
        output,
        force,
        joined,
    } = options;
    if inputs.is_empty() {
        return Err(Error::Usage(
            "give at least one listing page to import".to_string(),
        ));
    }
    if let Some(out) = output {
        write::check_not_an_input(out, inputs)?;
        write::check_target(out, force)?;
    }
    let mut collector = Collector {
        members: Vec::new(),
        first_seen: HashMap::new(),
        problems: 0,
        glued: GlueCount::default(),
        joined,
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
        glued,
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
    if glued.split + glued.left > 0 {
        let _ = writeln!(
            stderr,
            "gnlc import: lists glued in lowercase: {} run{} split into list items, {} left as {} (no sure word boundary)",
            glued.split,
            if glued.split == 1 { "" } else { "s" },
            glued.left,
            if glued.left == 1 { "it is" } else { "they are" },
        );
    }
    if imported == 0 {
        return Err(Error::Import(format!(
            "nothing imported from {}: no learning-city record could be read",
            sanitize_line(&names.join(", "))
        )));
    }
    let dataset = DatasetRecord::new(
        format!(
            "Imported by gnlc import from UNESCO learning-city listing pages and press releases: {}",
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
        glued,
    })
}

/// Gathers members across pages, skipping repeats, and reports problems as it goes.
struct Collector<'a> {
    members: Vec<MemberRecord>,
    /// Member id → where it was first read (`FILE:LINE`).
    first_seen: HashMap<String, String>,
    problems: usize,
    glued: GlueCount,
    /// `--joined YEAR`.
    joined: Option<u16>,
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
        let page = source::read(text, self.joined);
        self.glued += page.glued;
        for problem in &page.problems {
            self.report(name, problem.line, &problem.message);
        }
        for source::PageMember { member, joined } in &page.members {
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
                    "{} {name}, line {}",
                    page.format.describe(),
                    member.line
                )),
                // Imported pages carry no basis: a release's date is the year the city joined.
                joined: joined.map(|j| j.year).or(record.joined),
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
