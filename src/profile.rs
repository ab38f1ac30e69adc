//! A member's profile as one document of blocks, built once and rendered by every output.
//!
//! The detail view, the preview beside the city list and `gnlc show` used to word the same
//! profile each in its own way. Now [`Document::build`] decides *what* a profile says (which
//! facts, in which order, with which words, where the list items are), and each renderer only
//! decides how a block looks: the explorer wraps and styles it (`ui::detail`), the command
//! line writes it as text (`cli::output`). A Markdown renderer is one more `match` over
//! [`Block`]: headings become `##`, fields `**Label:** value`, bullets `- `, notes `_..._`.
//!
//! The document borrows the member's text: building it copies nothing long. Text is raw data
//! here; renderers sanitise it (`text::sanitize*`) before it reaches a terminal.

use crate::model::{ClusterBasis, Member, Section};
use std::borrow::Cow;

/// Said where a member's profile has none of the three sections.
pub const NO_SECTIONS: &str = "The source gives no vision, challenges or plan for this city.";

/// Said of a district whose map position is its parent city's.
pub const PLACED_AT_PARENT: &str = "placed at its parent city";

/// Said under inferred clusters.
pub const INFERRED: &str = "(inferred from the profile text, not stated by UNESCO)";

/// One block of a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block<'a> {
    /// A fact: "Region: Europe and North America".
    Field {
        label: &'static str,
        value: Cow<'a, str>,
    },
    /// A remark about the facts (how clusters were inferred, what the source lacks).
    Note(Cow<'a, str>),
    /// The profile's one-line motto.
    Tagline(&'a str),
    /// A section heading; `section` is set for the three sections the explorer can jump to.
    Heading {
        text: &'static str,
        section: Option<Section>,
    },
    /// One line of profile text.
    Paragraph(&'a str),
    /// A list item (a line of the text that starts with `- `), without its marker.
    Bullet(&'a str),
    /// A break between parts (or a blank line of the text).
    Gap,
}

/// A member's profile: the title and its blocks, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document<'a> {
    /// The city's name.
    pub city: &'a str,
    /// Its country.
    pub country: &'a str,
    pub blocks: Vec<Block<'a>>,
}

/// How much of a profile to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extent {
    /// Everything: facts, the keywords behind inferred clusters, tagline, summary, every
    /// section, the source.
    Full,
    /// What the preview shows: tagline, region, clusters, awards, and the vision section,
    /// without anything that costs more than the text shown.
    Preview,
}

impl<'a> Document<'a> {
    /// The whole profile of `member`.
    pub fn build(member: &'a Member) -> Document<'a> {
        Document::with_extent(member, Extent::Full, |s| s)
    }

    /// The profile cut to `extent`. `clip` is applied to every long text before it is split
    /// into blocks, so a renderer that shows only the start of a 10 MB field can say how much
    /// of it to read.
    pub fn with_extent(
        member: &'a Member,
        extent: Extent,
        clip: impl Fn(&'a str) -> &'a str,
    ) -> Document<'a> {
        let mut blocks = Vec::new();
        let full = extent == Extent::Full;
        if full {
            blocks.push(field("Country:", Cow::Borrowed(&member.country)));
        } else if let Some(tagline) = &member.tagline {
            blocks.push(Block::Tagline(clip(tagline)));
            blocks.push(Block::Gap);
        }
        blocks.push(field("Region:", Cow::Borrowed(member.region.name())));
        if member.coordinates_of == Some(crate::model::CoordinatesOf::Parent) {
            blocks.push(field("Map:", Cow::Borrowed(PLACED_AT_PARENT)));
        }
        clusters(member, full, &mut blocks);
        blocks.push(field("Awards:", Cow::Owned(awards(member))));
        if let (true, Some(year)) = (full, member.joined) {
            blocks.push(field("Joined:", Cow::Owned(year.to_string())));
        }
        if full {
            if let Some(tagline) = &member.tagline {
                blocks.push(Block::Gap);
                blocks.push(Block::Tagline(clip(tagline)));
            }
            if let Some(summary) = &member.summary {
                blocks.push(Block::Gap);
                text(clip(summary), &mut blocks);
            }
        }
        if member.has_no_sections() {
            blocks.push(Block::Gap);
            blocks.push(Block::Note(Cow::Borrowed(NO_SECTIONS)));
        }
        let sections: &[Section] = if full {
            &Section::ALL
        } else {
            &[Section::Vision]
        };
        for &section in sections {
            if let Some(body) = member.section(section) {
                blocks.push(Block::Gap);
                blocks.push(Block::Heading {
                    text: section.heading(),
                    section: Some(section),
                });
                text(clip(body), &mut blocks);
            }
        }
        if let (true, Some(source)) = (full, &member.source) {
            blocks.push(Block::Gap);
            blocks.push(field("Source:", Cow::Borrowed(source)));
        }
        Document {
            city: &member.city,
            country: &member.country,
            blocks,
        }
    }
}

fn field<'a>(label: &'static str, value: Cow<'a, str>) -> Block<'a> {
    Block::Field { label, value }
}

/// The clusters field, the note that they were inferred, and (in full) the keywords of the
/// lexicon behind each inferred cluster, so a reader can check the inference.
fn clusters<'a>(member: &'a Member, full: bool, blocks: &mut Vec<Block<'a>>) {
    let inferred = member.cluster_basis == ClusterBasis::Inferred;
    let value = if member.clusters.is_empty() && inferred {
        "none found in the profile text".to_string()
    } else if member.clusters.is_empty() {
        "none".to_string()
    } else {
        let names: Vec<&str> = member.clusters.iter().map(|c| c.name()).collect();
        names.join("; ")
    };
    blocks.push(field("Clusters:", Cow::Owned(value)));
    if inferred && !member.clusters.is_empty() {
        blocks.push(Block::Note(Cow::Borrowed(INFERRED)));
        if full {
            for (cluster, keywords) in crate::model::clusters::evidence(member) {
                blocks.push(Block::Note(Cow::Owned(format!(
                    "{} — matched: {}",
                    cluster.short_name(),
                    keywords.join(", ")
                ))));
            }
        }
    }
}

/// The awards in words ("UNESCO Learning City Award 2015, 2024", or "none").
pub fn awards(member: &Member) -> String {
    if member.awards.is_empty() {
        return "none".to_string();
    }
    let years: Vec<String> = member.awards.iter().map(|a| a.year.to_string()).collect();
    format!("UNESCO Learning City Award {}", years.join(", "))
}

/// Profile text as blocks: a line that starts with `- ` (or `• `) is a bullet, a blank line a
/// gap, any other line a paragraph.
fn text<'a>(body: &'a str, blocks: &mut Vec<Block<'a>>) {
    for line in body.lines() {
        let line = line.trim();
        if line.is_empty() {
            blocks.push(Block::Gap);
        } else if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("• ")) {
            blocks.push(Block::Bullet(item.trim_start()));
        } else {
            blocks.push(Block::Paragraph(line));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Award, Cluster, Region};

    fn member() -> Member {
        Member {
            id: "x-y".into(),
            city: "X".into(),
            country: "Y".into(),
            region: Region::Africa,
            clusters: vec![Cluster::Literacy],
            cluster_basis: ClusterBasis::Stated,
            joined: Some(2020),
            joined_basis: Some(crate::model::JoinedBasis::Joined),
            tagline: Some("Motto".into()),
            summary: None,
            vision: None,
            challenges: Some("Goals are\n- one\n\n- two".into()),
            plan: None,
            awards: vec![Award {
                year: 2015,
                source: None,
            }],
            coordinates: None,
            coordinates_of: None,
            sources: Vec::new(),
            source: Some("a news item".into()),
        }
    }

    #[test]
    fn sections_become_headings_paragraphs_and_bullets_in_order() {
        let m = member();
        let doc = Document::build(&m);
        let at = doc
            .blocks
            .iter()
            .position(|b| matches!(b, Block::Heading { .. }))
            .expect("a heading");
        assert_eq!(
            doc.blocks[at..],
            [
                Block::Heading {
                    text: "Challenges and goals",
                    section: Some(Section::Challenges)
                },
                Block::Paragraph("Goals are"),
                Block::Bullet("one"),
                Block::Gap,
                Block::Bullet("two"),
                Block::Gap,
                field("Source:", Cow::Borrowed("a news item")),
            ]
        );
        assert_eq!(
            doc.blocks[..4],
            [
                field("Country:", Cow::Borrowed("Y")),
                field("Region:", Cow::Borrowed("Africa")),
                field("Clusters:", Cow::Borrowed("Literacy")),
                field("Awards:", Cow::Borrowed("UNESCO Learning City Award 2015")),
            ]
        );
    }

    #[test]
    fn a_profile_without_sections_says_so_once_in_one_wording() {
        let mut m = member();
        m.challenges = None;
        let doc = Document::build(&m);
        let notes = doc
            .blocks
            .iter()
            .filter(|b| **b == Block::Note(Cow::Borrowed(NO_SECTIONS)))
            .count();
        assert_eq!(notes, 1);
        let preview = Document::with_extent(&m, Extent::Preview, |s| s);
        assert!(
            preview
                .blocks
                .contains(&Block::Note(Cow::Borrowed(NO_SECTIONS)))
        );
    }

    #[test]
    fn the_preview_shows_the_vision_only_and_clips_it() {
        let mut m = member();
        m.vision = Some("A long vision text".into());
        let doc = Document::with_extent(&m, Extent::Preview, |s| &s[..s.len().min(6)]);
        assert!(doc.blocks.contains(&Block::Paragraph("A long")));
        assert!(doc.blocks.contains(&Block::Tagline("Motto")));
        assert!(!doc.blocks.iter().any(|b| matches!(
            b,
            Block::Heading {
                section: Some(Section::Challenges),
                ..
            }
        )));
    }
}
