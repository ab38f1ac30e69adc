//! What kind of page a file is, told by its content: a listing page or a press release, saved
//! as text or as HTML; and the members it gives, with the line of the file each comes from.
//!
//! HTML is converted to text first (`html`), so one reader per kind serves both; line numbers
//! are then mapped back to the HTML file. Listing profiles get their lowercase glued lists
//! rebuilt (`unglue`); release members have no profile text and join in the release's year.

use super::unglue::{self, GlueCount};
use super::{ImportedMember, Problem, html, parse_listing, release};

/// The formats a page can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    ListingText,
    ListingHtml,
    ReleaseText,
    ReleaseHtml,
}

impl Format {
    /// How a member's `source` names the page.
    pub fn describe(self) -> &'static str {
        match self {
            Format::ListingText => "UNESCO learning-city listing page",
            Format::ListingHtml => "UNESCO learning-city listing page (HTML)",
            Format::ReleaseText => "UNESCO press release",
            Format::ReleaseHtml => "UNESCO press release (HTML)",
        }
    }
}

/// The year a member joined the network, and what the year means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Joined {
    pub year: u16,
    /// `"joined"`: the year of the announcement (or the year given on the command line).
    pub basis: &'static str,
}

/// A member read from a page, with what the member schema has no place for yet.
#[derive(Debug, Clone, PartialEq)]
pub struct PageMember {
    /// `line` is the line of the file (of the HTML file for an HTML page).
    pub member: ImportedMember,
    pub joined: Option<Joined>,
}

/// What one page gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub format: Format,
    pub members: Vec<PageMember>,
    /// Problems, with lines of the file.
    pub problems: Vec<Problem>,
    /// Glued runs split and left in the profiles.
    pub glued: GlueCount,
}

/// Reads a page of any format. `joined` (`--joined YEAR`) is the year release members joined,
/// over the release's date line. Never panics.
pub fn read(text: &str, joined: Option<u16>) -> Page {
    if html::looks_like_html(text) {
        let converted = html::to_text(text);
        let mut page = read_text(&converted.text, joined, true);
        for problem in &mut page.problems {
            problem.line = converted.source_line(problem.line);
        }
        for m in &mut page.members {
            m.member.line = converted.source_line(m.member.line);
        }
        if converted.text.trim().is_empty() {
            page.problems = vec![Problem {
                line: 1,
                message: "HTML page without any text (empty, or only markup, scripts and \
                          navigation): no learning-city records found"
                    .to_string(),
            }];
        }
        page
    } else {
        read_text(text, joined, false)
    }
}

fn read_text(text: &str, joined: Option<u16>, from_html: bool) -> Page {
    if release::looks_like_release(text) {
        return read_release(text, joined, from_html);
    }
    let mut report = parse_listing(text);
    let glued = unglue::rebuild_members(&mut report.members);
    Page {
        format: if from_html {
            Format::ListingHtml
        } else {
            Format::ListingText
        },
        members: report
            .members
            .into_iter()
            .map(|member| PageMember {
                member,
                joined: None,
            })
            .collect(),
        problems: report.problems,
        glued,
    }
}

fn read_release(text: &str, joined: Option<u16>, from_html: bool) -> Page {
    let parsed = release::parse_release(text);
    let mut problems = parsed.problems;
    let year = joined.or(parsed.date.map(|(year, _)| year));
    if year.is_none() && !parsed.members.is_empty() {
        problems.push(Problem {
            line: 1,
            message: "press release without a date line (such as `2 September 2022`): the \
                      members have no year joined; give it with --joined YEAR"
                .to_string(),
        });
    }
    let members = parsed
        .members
        .into_iter()
        .map(|m| PageMember {
            member: ImportedMember {
                line: m.line,
                record: crate::model::MemberRecord {
                    city: m.city,
                    country: m.country,
                    region: Some(m.region.name().to_string()),
                    ..crate::model::MemberRecord::default()
                },
            },
            joined: year.map(|year| Joined {
                year,
                basis: "joined",
            }),
        })
        .collect();
    Page {
        format: if from_html {
            Format::ReleaseHtml
        } else {
            Format::ReleaseText
        },
        members,
        problems,
        glued: GlueCount::default(),
    }
}
