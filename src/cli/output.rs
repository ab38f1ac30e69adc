//! Non-interactive output: tables aligned by display width, CSV, JSON and readable profiles.
//!
//! `table` and `text` output pass every piece of member text through
//! [`crate::text::sanitize`] so data can never drive the terminal. CSV, JSON and Markdown are
//! files for other programs and carry the data faithfully: CSV is written by the `csv` crate
//! (quotes, newlines and tabs inside fields round-trip), JSON by `serde_json` (control
//! characters escaped), Markdown through [`crate::markdown`] (markup in data escaped).

use super::{ListFormat, ShowFormat, write_error};
use crate::error::Result;
use crate::fulltext::TextQuery;
use crate::model::{ClusterBasis, Dataset, Member};
use crate::profile::{Block, Document};
use crate::query::{Engine, Results};
use crate::text::{sanitize, sanitize_line};
use std::io::{IsTerminal, Write};
use unicode_width::UnicodeWidthStr;

/// Whether to colour output: only on a terminal, and never with `NO_COLOR` set.
pub fn use_colour() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// The longest snippet in a table, in chars.
const TABLE_SNIPPET: usize = 60;
/// The longest snippet in CSV and JSON, in chars.
const DATA_SNIPPET: usize = 160;

/// Prints the hits of a query. With a profile-text query (`profile` not empty) every format
/// gains the best matching fragment of each hit, and JSON its relevance score too.
pub fn list(
    engine: &Engine,
    results: &Results,
    profile: &str,
    format: ListFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let members: Vec<&Member> = results
        .hits
        .iter()
        .map(|h| engine.member(h.member))
        .collect();
    let text = (!profile.trim().is_empty())
        .then(|| {
            engine
                .text_index()
                .map(|index| (index, TextQuery::parse(profile)))
        })
        .flatten();
    let snippets = |max: usize| -> Option<Vec<String>> {
        let (index, query) = text.as_ref()?;
        Some(
            members
                .iter()
                .map(|m| {
                    index
                        .snippet(m, query, max)
                        .map(|s| s.text)
                        .unwrap_or_default()
                })
                .collect(),
        )
    };
    let written = match format {
        ListFormat::Table => table(
            &members,
            snippets(TABLE_SNIPPET).as_deref(),
            engine.dataset().members.len(),
            out,
        ),
        ListFormat::Csv => csv(&members, snippets(DATA_SNIPPET).as_deref(), out),
        ListFormat::Markdown => out.write_all(crate::markdown::report(&members).as_bytes()),
        ListFormat::Json if text.is_some() => {
            scored_json(engine, results, snippets(DATA_SNIPPET).as_deref(), out)
        }
        ListFormat::Json => {
            let dataset = Dataset {
                schema_version: engine.dataset().schema_version,
                source: engine.dataset().source.clone(),
                announced: engine.dataset().announced.clone(),
                members: members.into_iter().cloned().collect(),
            };
            json(&dataset, out)
        }
    };
    written.map_err(|e| write_error(&e))
}

/// The dataset of the hits with each member's `score` (BM25F relevance, 3 decimals) and
/// `snippet` added, ranked. Not loadable with `--data` as it is: the two fields are not part
/// of the dataset format.
fn scored_json(
    engine: &Engine,
    results: &Results,
    snippets: Option<&[String]>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let dataset = Dataset {
        schema_version: engine.dataset().schema_version,
        source: engine.dataset().source.clone(),
        announced: engine.dataset().announced.clone(),
        members: results
            .hits
            .iter()
            .map(|h| engine.member(h.member).clone())
            .collect(),
    };
    let mut value = serde_json::to_value(&dataset).map_err(std::io::Error::other)?;
    if let Some(members) = value
        .get_mut("members")
        .and_then(serde_json::Value::as_array_mut)
    {
        for (i, (member, hit)) in members.iter_mut().zip(&results.hits).enumerate() {
            if let Some(fields) = member.as_object_mut() {
                // Scores are thousandths (see `query::Hit::score`); exact in f64.
                #[allow(clippy::cast_precision_loss)]
                let score = hit.score as f64 / 1000.0;
                fields.insert("score".into(), serde_json::json!(score));
                let snippet = snippets.and_then(|s| s.get(i)).cloned().unwrap_or_default();
                fields.insert("snippet".into(), serde_json::Value::String(snippet));
            }
        }
    }
    json(&value, out)
}

pub(super) fn json<T: serde::Serialize>(value: &T, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

pub(super) fn clusters_cell(m: &Member) -> String {
    let ids: Vec<&str> = m.clusters.iter().map(|c| c.id()).collect();
    let mut cell = ids.join(", ");
    if m.cluster_basis == ClusterBasis::Inferred && !ids.is_empty() {
        cell.push_str(" ~");
    }
    cell
}

fn table(
    members: &[&Member],
    snippets: Option<&[String]>,
    total: usize,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut header = vec!["City", "Country", "Region", "Clusters"];
    if snippets.is_some() {
        header.push("Snippet");
    }
    let rows: Vec<Vec<String>> = members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let mut row = vec![
                sanitize_line(&m.city).into_owned(),
                sanitize_line(&m.country).into_owned(),
                m.region.name().to_string(),
                clusters_cell(m),
            ];
            if let Some(snippets) = snippets {
                let snippet = snippets.get(i).map_or("", String::as_str);
                row.push(sanitize_line(snippet).into_owned());
            }
            row
        })
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let colour = use_colour();
    let (bold, reset) = if colour {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    let mut line = String::new();
    for (i, cell) in header.iter().enumerate() {
        pad(&mut line, cell, widths[i], i + 1 == header.len());
    }
    writeln!(out, "{bold}{}{reset}", line.trim_end())?;
    for row in &rows {
        line.clear();
        for (i, cell) in row.iter().enumerate() {
            pad(&mut line, cell, widths[i], i + 1 == row.len());
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    let inferred = members
        .iter()
        .any(|m| m.cluster_basis == ClusterBasis::Inferred && !m.clusters.is_empty());
    let note = if inferred {
        "; ~ clusters inferred from profile text"
    } else {
        ""
    };
    writeln!(out, "{} of {total} members{note}", members.len())
}

/// Appends `cell` padded with spaces to `width` display columns, plus a two-space gutter.
pub(super) fn pad(line: &mut String, cell: &str, width: usize, last: bool) {
    line.push_str(cell);
    if !last {
        line.extend(std::iter::repeat_n(
            ' ',
            width.saturating_sub(cell.width()) + 2,
        ));
    }
}

/// The CSV columns, in order (a `snippet` column follows with a profile-text search).
pub const CSV_HEADER: [&str; 7] = [
    "id",
    "city",
    "country",
    "region",
    "clusters",
    "cluster_basis",
    "tagline",
];

/// One row per member, written by the `csv` crate: fields are quoted when they need it, and
/// the data is kept as it is (no sanitising: a spreadsheet shows it, a terminal does not).
fn csv(
    members: &[&Member],
    snippets: Option<&[String]>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    if snippets.is_some() {
        writer.write_record(CSV_HEADER.iter().chain(&["snippet"]))?;
    } else {
        writer.write_record(CSV_HEADER)?;
    }
    for (row, m) in members.iter().enumerate() {
        let clusters: Vec<&str> = m.clusters.iter().map(|c| c.id()).collect();
        let basis = match m.cluster_basis {
            ClusterBasis::Stated => "stated",
            ClusterBasis::Inferred => "inferred",
        };
        for field in [
            m.id.as_str(),
            m.city.as_str(),
            m.country.as_str(),
            m.region.name(),
            &clusters.join(";"),
            basis,
            m.tagline.as_deref().unwrap_or(""),
        ] {
            writer.write_field(field)?;
        }
        if let Some(snippets) = snippets {
            writer.write_field(snippets.get(row).map_or("", String::as_str))?;
        }
        // An empty record ends the row the fields above began.
        writer.write_record(None::<&[u8]>)?;
    }
    writer.flush()
}

/// Prints one member's profile.
pub fn show(member: &Member, format: ShowFormat, out: &mut dyn Write) -> Result<()> {
    let written = match format {
        ShowFormat::Json => json(member, out),
        ShowFormat::Text => profile_text(member, out),
        ShowFormat::Markdown => out.write_all(
            crate::markdown::profile(&Document::build(member), 1)
                .trim_end()
                .as_bytes(),
        ),
    };
    let written = written.and_then(|()| {
        if format == ShowFormat::Markdown {
            writeln!(out)
        } else {
            Ok(())
        }
    });
    written.map_err(|e| write_error(&e))
}

/// The profile document (see `profile`) as plain text: fields aligned, notes indented under
/// them, headings and the tagline in bold on a terminal, list items as `  • item`.
fn profile_text(m: &Member, out: &mut dyn Write) -> std::io::Result<()> {
    let colour = use_colour();
    let (bold, reset) = if colour {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    let doc = Document::build(m);
    writeln!(out, "{bold}{}{reset}", sanitize_line(doc.city))?;
    // A note right under a field is about it, and indented under its value.
    let mut under_field = false;
    for block in &doc.blocks {
        let indent = if under_field { "          " } else { "" };
        under_field =
            matches!(block, Block::Field { .. }) || under_field && matches!(block, Block::Note(_));
        match block {
            Block::Field { label, value } => {
                writeln!(out, "{label:<9} {}", sanitize_line(value))?;
            }
            Block::Note(note) => writeln!(out, "{indent}{}", sanitize_line(note))?,
            Block::Tagline(tagline) => writeln!(out, "{bold}{}{reset}", sanitize_line(tagline))?,
            Block::Heading { text, .. } => writeln!(out, "{bold}{text}{reset}")?,
            Block::Paragraph(text) => writeln!(out, "{}", sanitize(text))?,
            Block::Bullet(item) => writeln!(out, "  • {}", sanitize(item))?,
            Block::Gap => writeln!(out)?,
        }
    }
    Ok(())
}
