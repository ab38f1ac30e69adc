//! `gnlc import`: UNESCO learning-city listing pages and press releases announcing new
//! members, saved as text or HTML, into a dataset.
//!
//! The parser is pure and never fails: [`parse_listing`] returns the members it could read and
//! a [`Problem`] (with the record's line number) for each record it could not. I/O stays at the
//! edge, in [`run`] (read the files, report, write atomically).
//!
//! Members are written as [`MemberRecord`]s, the one dataset schema. Only facts the page gives
//! are set: `id` is left to the loader (derived from city and country), and so are `clusters`:
//! the loader infers them from the text and marks them as inferred, so nothing here can pass
//! an inference off as UNESCO's word.
//!
//! One job per module:
//! - `page`: lines, the record marker, record blocks past the site chrome, the country line;
//! - `record`: a record body into tagline, summary and the three sections;
//! - `headings`: the section heading variants, glued or on their own lines;
//! - `lists`: bullets and glued lists into `- ` items, only where sure;
//! - `html`: HTML pages into the text the readers take, with line numbers of the HTML;
//! - `release`: press releases into members without profile text;
//! - `source`: which kind of page a file is, by content, and its members;
//! - `words`, `unglue`: lists glued in lowercase, split with an English word list;
//! - `write`: the atomic, no-clobber file write (never over an input);
//! - `run`: the command's whole flow.

mod headings;
pub mod html;
pub mod lists;
mod page;
pub mod record;
pub mod release;
mod run;
pub mod source;
pub mod unglue;
pub mod words;
pub mod write;

pub use run::{ImportOptions, ImportSummary, run, run_with};

use crate::model::MemberRecord;

/// What the parser made of a page: the members it read and the records it could not read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    pub members: Vec<ImportedMember>,
    pub problems: Vec<Problem>,
}

/// One member read from a listing page, as the dataset file will hold it: city, the canonical
/// country name (`countries::lookup`), its UNESCO region, and the text fields (plain text; list
/// items are lines starting with `- `).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedMember {
    /// The line of the record's marker (1-based).
    pub line: usize,
    pub record: MemberRecord,
}

/// A record that could not be imported, or a page with no records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The line of the record's marker (1-based); 1 for problems with the whole page.
    pub line: usize,
    pub message: String,
}

/// The longest city line accepted, in words.
const MAX_CITY_WORDS: usize = 10;

/// Reads a listing page (see `page` and `record` for the format). Never panics.
pub fn parse_listing(text: &str) -> ImportReport {
    let lines = page::lines(text);
    let blocks = page::blocks(&lines);
    let mut report = ImportReport::default();
    if blocks.is_empty() {
        report.problems.push(Problem {
            line: 1,
            message: "no learning-city records found: no line reads \
                      `UNESCO Global Network of Learning cities`"
                .to_string(),
        });
    }
    for block in &blocks {
        match parse_block(block) {
            Ok(member) => report.members.push(member),
            Err(message) => report.problems.push(Problem {
                line: block.marker_line,
                message,
            }),
        }
    }
    report
}

/// One record block into a member, or the reason it is skipped.
fn parse_block(block: &page::Block<'_>) -> Result<ImportedMember, String> {
    let Some(city_index) = block.lines.iter().position(|l| !l.text.trim().is_empty()) else {
        return Err("record has no city and no country (is the page cut short?); skipped".into());
    };
    let city_text = block.lines[city_index].text;
    let city = lists::collapse(lists::bullet_item(city_text).unwrap_or(city_text));
    if city.is_empty() {
        // A line that is only a bullet (`•`) names no city.
        return Err(format!(
            "expected the city name on the line after the record marker, found `{}`; skipped",
            excerpt(city_text)
        ));
    }
    if city.split_whitespace().count() > MAX_CITY_WORDS || city.chars().count() > 100 {
        return Err(format!(
            "expected the city name on the line after the record marker, found `{}`; skipped",
            excerpt(&city)
        ));
    }
    let (country_index, country, region) = match page::country_line(block, city_index + 1) {
        page::CountryLine::Known {
            index,
            name,
            region,
        } => (index, name, region),
        page::CountryLine::Unknown { index, text } => {
            return Err(format!(
                "record `{}`: unknown country `{}` (line {}), so its UNESCO region is unknown; skipped",
                excerpt(&city),
                excerpt(text),
                block.lines[index].number
            ));
        }
        page::CountryLine::Missing { last } => {
            let found = last.map_or_else(|| "nothing".to_string(), |l| format!("`{}`", excerpt(l)));
            return Err(format!(
                "record `{}` does not end with a country line (found {found}); skipped",
                excerpt(&city)
            ));
        }
    };
    let body: Vec<&str> = block.lines[city_index + 1..country_index]
        .iter()
        .map(|l| l.text)
        .collect();
    Ok(ImportedMember {
        line: block.marker_line,
        record: MemberRecord {
            city,
            country: country.to_string(),
            region: Some(region.name().to_string()),
            ..record::split(&body)
        },
    })
}

/// At most 60 characters of `s`, for messages.
fn excerpt(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() <= 60 {
        s.to_string()
    } else {
        let cut: String = s.chars().take(57).collect();
        format!("{cut}...")
    }
}
