//! Markdown output of the profile document: what `gnlc show --format markdown`, the explorer's
//! copy key and the exports write, so a profile reads the same on GitHub, in pandoc and in the
//! terminal.
//!
//! It is one more renderer over [`Document`]: headings become `##`/`###`, facts a bold label
//! with its value, bullets `- `, notes italics. Profile text is data, not Markdown: characters
//! that Markdown would read as markup are escaped, and control characters are dropped, so a
//! hostile name cannot inject a heading, a link or an HTML tag into a report.

use crate::model::{ClusterBasis, JoinedBasis, Member};
use crate::profile::{Block, Document};
use std::fmt::Write as _;

/// A report of several members: a `#` title with the count, a summary table (city, country,
/// region, year, clusters), then each member's profile under a `##` heading, in the order
/// given. This is what `gnlc list --format markdown` prints and the explorer exports.
pub fn report(members: &[&Member]) -> String {
    let mut out = String::new();
    let cities = if members.len() == 1 { "city" } else { "cities" };
    let _ = writeln!(out, "# Learning cities\n\n{} {cities}.\n", members.len());
    if members.is_empty() {
        return out;
    }
    out.push_str("| City | Country | Region | Joined | Clusters |\n");
    out.push_str("|---|---|---|---|---|\n");
    let mut inferred = false;
    for m in members {
        let joined = match (m.joined, m.joined_basis) {
            (Some(year), Some(JoinedBasis::MemberBy)) => format!("member by {year}"),
            (Some(year), _) => year.to_string(),
            (None, _) => String::new(),
        };
        let mut clusters = m
            .clusters
            .iter()
            .map(|c| c.short_name())
            .collect::<Vec<_>>()
            .join(", ");
        if m.cluster_basis == ClusterBasis::Inferred && !m.clusters.is_empty() {
            clusters.push_str(" (inferred)");
            inferred = true;
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            escape(&m.city),
            escape(&m.country),
            escape(m.region.name()),
            joined,
            escape(&clusters)
        );
    }
    out.push('\n');
    if inferred {
        out.push_str("_Clusters marked (inferred) were inferred from the profile text._\n\n");
    }
    for m in members {
        out.push_str(&profile(&Document::build(m), 2));
    }
    out
}

/// Escapes `text` so Markdown shows it literally, on one line.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '(' | ')' | '#' | '+'
            | '!' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // A list marker or a numbered item only counts at the start of a line, but escaping
            // it everywhere is harmless and simpler.
            '-' if out.is_empty() => out.push_str("\\-"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The profile as a Markdown section: `# City, Country` (at `level`), then its blocks.
pub fn profile(doc: &Document<'_>, level: usize) -> String {
    let level = level.clamp(1, 5);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}, {}\n",
        "#".repeat(level),
        escape(doc.city),
        escape(doc.country)
    );
    let mut previous_gap = true;
    for block in &doc.blocks {
        match block {
            Block::Field { label, value } => {
                // Two trailing spaces: a line break, so facts stay one per line.
                let _ = writeln!(out, "**{}** {}  ", escape(label), escape(value));
            }
            Block::Note(note) => {
                let _ = writeln!(out, "_{}_  ", escape(note));
            }
            Block::Tagline(tagline) => {
                let _ = writeln!(out, "**{}**", escape(tagline));
            }
            Block::Heading { text, .. } => {
                let _ = writeln!(out, "{} {}\n", "#".repeat(level + 1), escape(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "{}", escape(text));
            }
            Block::Bullet(item) => {
                let _ = writeln!(out, "- {}", escape(item.trim()));
            }
            Block::Gap => {
                if !previous_gap {
                    out.push('\n');
                }
            }
        }
        previous_gap = matches!(block, Block::Gap | Block::Heading { .. });
    }
    if !out.ends_with("\n\n") {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Block;
    use std::borrow::Cow;

    #[test]
    fn markup_in_data_is_escaped() {
        assert_eq!(escape("# [x](y) *b* <i>"), r"\# \[x\]\(y\) \*b\* \<i\>");
        assert_eq!(escape("- item"), r"\- item");
        assert_eq!(escape("a-b\nc\u{1b}[31m"), r"a-b c\[31m");
    }

    #[test]
    fn blocks_become_headings_facts_and_bullets() {
        let doc = Document {
            city: "Cork",
            country: "Ireland",
            blocks: vec![
                Block::Field {
                    label: "Region:",
                    value: Cow::Borrowed("Europe and North America"),
                },
                Block::Gap,
                Block::Heading {
                    text: "Vision and motivation",
                    section: None,
                },
                Block::Paragraph("Learning for all"),
                Block::Bullet("one"),
                Block::Note(Cow::Borrowed("inferred")),
            ],
        };
        let md = profile(&doc, 2);
        assert_eq!(
            md,
            "## Cork, Ireland\n\n**Region:** Europe and North America  \n\n### Vision and motivation\n\nLearning for all\n- one\n_inferred_  \n\n"
        );
    }
}
