//! Non-interactive output: tables aligned by display width, CSV, JSON and readable profiles.
//!
//! `table`, `csv` and `text` output pass every piece of member text through
//! [`crate::text::sanitize`] so data can never drive the terminal; JSON keeps the data as it
//! is (`serde_json` escapes control characters).

use super::{ListFormat, TextFormat, write_error};
use crate::error::Result;
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

/// Prints the hits of a query.
pub fn list(
    engine: &Engine,
    results: &Results,
    format: ListFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let members: Vec<&Member> = results
        .hits
        .iter()
        .map(|h| engine.member(h.member))
        .collect();
    let written = match format {
        ListFormat::Table => table(&members, engine.dataset().members.len(), out),
        ListFormat::Csv => csv(&members, out),
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

fn table(members: &[&Member], total: usize, out: &mut dyn Write) -> std::io::Result<()> {
    let header = ["City", "Country", "Region", "Clusters"];
    let rows: Vec<[String; 4]> = members
        .iter()
        .map(|m| {
            [
                sanitize_line(&m.city).into_owned(),
                sanitize_line(&m.country).into_owned(),
                m.region.name().to_string(),
                clusters_cell(m),
            ]
        })
        .collect();
    let mut widths = header.map(UnicodeWidthStr::width);
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

fn csv(members: &[&Member], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "id,city,country,region,clusters,cluster_basis,tagline")?;
    let mut line = String::new();
    for m in members {
        line.clear();
        let clusters: Vec<&str> = m.clusters.iter().map(|c| c.id()).collect();
        let basis = match m.cluster_basis {
            ClusterBasis::Stated => "stated",
            ClusterBasis::Inferred => "inferred",
        };
        let cells = [
            m.id.as_str(),
            m.city.as_str(),
            m.country.as_str(),
            m.region.name(),
            &clusters.join(";"),
            basis,
            m.tagline.as_deref().unwrap_or(""),
        ];
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                line.push(',');
            }
            csv_cell(&mut line, &sanitize_line(cell));
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// RFC 4180 quoting: a cell with a comma, quote or surrounding space is quoted, quotes doubled.
pub(super) fn csv_cell(line: &mut String, cell: &str) {
    if cell.contains([',', '"']) || cell.starts_with(' ') || cell.ends_with(' ') {
        line.push('"');
        line.push_str(&cell.replace('"', "\"\""));
        line.push('"');
    } else {
        line.push_str(cell);
    }
}

/// Prints one member's profile.
pub fn show(member: &Member, format: TextFormat, out: &mut dyn Write) -> Result<()> {
    let written = match format {
        TextFormat::Json => json(member, out),
        TextFormat::Text => profile_text(member, out),
    };
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
