//! A listing page into record blocks, past the site chrome.
//!
//! UNESCO's listing wraps the records in navigation, a facet list and pagination. Each record
//! starts with a marker line, `UNESCO Global Network of Learning cities`, and is followed by its
//! city, its body and, on the last line, its country. So everything before the first marker is
//! chrome, and a record runs to the next marker. Only after the last record can chrome follow;
//! there the country is the last line that names a known country (pagination bullets, "Back to
//! top" and the like are skipped).

use crate::model::countries;

/// One line of the page: its 1-based number and its text without the line ending.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub number: usize,
    pub text: &'a str,
}

/// The lines of one record, from the line after its marker to the line before the next one.
#[derive(Debug, Clone)]
pub struct Block<'a> {
    /// The line number of the marker: how problems name the record.
    pub marker_line: usize,
    pub lines: Vec<Line<'a>>,
    /// The last record on the page, which may be followed by chrome.
    pub is_last: bool,
}

/// Chrome that starts the page footer after the last record.
const TRAILER_STARTS: &[&str] = &["pagination", "galaxy footer", "logo", "footer"];

/// How many short lines of chrome may follow a record's country before the next record.
const MAX_CHROME_LINES_BETWEEN: usize = 3;

/// Splits page text into lines, accepting LF, CRLF and a leading byte-order mark.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.split('\n')
        .enumerate()
        .map(|(i, l)| Line {
            number: i + 1,
            text: l.strip_suffix('\r').unwrap_or(l),
        })
        .collect()
}

/// True for the line that starts every record.
pub fn is_marker(line: &str) -> bool {
    let key = line
        .trim()
        .trim_end_matches([':', '.'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    key == "unesco global network of learning cities"
        || key == "unesco global network of learning cities (gnlc)"
}

/// The record blocks of a page, in order.
pub fn blocks<'a>(lines: &[Line<'a>]) -> Vec<Block<'a>> {
    let markers: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| is_marker(l.text))
        .map(|(i, _)| i)
        .collect();
    markers
        .iter()
        .enumerate()
        .map(|(k, &m)| {
            let next = markers.get(k + 1).copied();
            let mut body: Vec<Line<'a>> = lines[m + 1..next.unwrap_or(lines.len())].to_vec();
            if next.is_none()
                && let Some(cut) = body.iter().position(|l| is_trailer_start(l.text))
            {
                body.truncate(cut);
            }
            Block {
                marker_line: lines[m].number,
                lines: body,
                is_last: next.is_none(),
            }
        })
        .collect()
}

fn is_trailer_start(line: &str) -> bool {
    let key = line.trim().to_lowercase();
    TRAILER_STARTS.contains(&key.as_str())
}

/// What the last lines of a block say about its country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountryLine<'a> {
    /// A known country at this index of the block's lines.
    Known {
        index: usize,
        name: &'static str,
        region: crate::model::Region,
    },
    /// The last line looks like a country name but is not one the table knows.
    Unknown { index: usize, text: &'a str },
    /// The record does not end with a country line.
    Missing { last: Option<&'a str> },
}

/// Finds the country line of a block; `first_body` is the first index it may be at (after the
/// city line).
pub fn country_line<'a>(block: &Block<'a>, first_body: usize) -> CountryLine<'a> {
    let candidates: Vec<usize> = (first_body..block.lines.len())
        .rev()
        .filter(|&i| !block.lines[i].text.trim().is_empty())
        .collect();
    let limit = if block.is_last {
        candidates.len()
    } else {
        MAX_CHROME_LINES_BETWEEN + 1
    };
    for &i in candidates.iter().take(limit) {
        let text = block.lines[i].text;
        if super::lists::bullet_item(text).is_some() {
            continue;
        }
        if let Some((name, region)) = countries::lookup(strip_label(text)) {
            return CountryLine::Known {
                index: i,
                name,
                region,
            };
        }
        // Between records only short chrome may follow the country.
        if !block.is_last && text.split_whitespace().count() > 4 {
            break;
        }
    }
    match candidates.first() {
        Some(&i) if looks_like_country(block.lines[i].text) => CountryLine::Unknown {
            index: i,
            text: strip_label(block.lines[i].text),
        },
        Some(&i) => CountryLine::Missing {
            last: Some(block.lines[i].text.trim()),
        },
        None => CountryLine::Missing { last: None },
    }
}

/// Drops a `Country:` label some pages put before the name.
fn strip_label(line: &str) -> &str {
    let t = line.trim();
    match t.get(..8) {
        Some(label) if label.eq_ignore_ascii_case("country:") => t[8..].trim(),
        _ => t,
    }
}

/// A short line without sentence punctuation, starting with a capital: the shape of a country
/// name, so an unknown one can be told from a missing one.
fn looks_like_country(line: &str) -> bool {
    let t = strip_label(line);
    let words = t.split_whitespace().count();
    (1..=8).contains(&words)
        && t.chars().count() <= 60
        && !t.ends_with(['.', '!', '?', ':'])
        && t.chars().next().is_some_and(char::is_uppercase)
        && super::headings::line_heading(t).is_none()
        && super::lists::bullet_item(t).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_tolerate_case_and_space() {
        assert!(is_marker("UNESCO Global Network of Learning cities"));
        assert!(is_marker("  UNESCO  Global Network of Learning Cities \r"));
        assert!(!is_marker(
            "UNESCO Global Network of Learning Cities in particular"
        ));
    }

    #[test]
    fn crlf_and_bom_are_dropped() {
        let l = lines("\u{feff}a\r\nb\r\n");
        assert_eq!(l[0].text, "a");
        assert_eq!(l[1].text, "b");
        assert_eq!(l[1].number, 2);
    }
}
