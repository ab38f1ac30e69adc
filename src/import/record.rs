//! One record's body (the lines between its city and its country) into the text fields of a
//! member record: tagline, summary (the intro before the first section) and the three sections.
//!
//! The tagline is either a line of its own (a short first line followed by more text, with
//! nothing glued to it), or glued to the intro, as in the scraped listing:
//! `...comprehensive developmentAs the Chinese...`. There it ends at the first lowercase letter
//! followed directly by a capital, in any script (`...in BouakéBouaké is...`), except inside
//! names such as `McAllen` or `eLearning` (a one-letter, or capitalised two-letter, start).

use super::{headings, lists};
use crate::model::{MemberRecord, Section};

/// The longest line still taken for a tagline of its own.
const MAX_TAGLINE_WORDS: usize = 25;

/// The longest first sentence still taken for a tagline when the page kept full stops.
const MAX_SENTENCE_TAGLINE_WORDS: usize = 15;

/// Splits a record body (its lines, without line endings) into a member record with only its
/// text fields set (`None` where the record has nothing); the caller adds city and country.
pub fn split(body: &[&str]) -> MemberRecord {
    let lines: Vec<&str> = body
        .iter()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .collect();
    let Some(&first) = lines.first() else {
        return MemberRecord::default();
    };
    let (tagline, rest) = split_tagline(first, &lines);
    let mut profile = split_sections(&rest);
    profile.tagline = tagline.map(|t| clean_tagline(&t)).filter(|t| !t.is_empty());
    profile
}

/// Separates the tagline from the rest of the body text.
fn split_tagline(first: &str, lines: &[&str]) -> (Option<String>, String) {
    let text = lines.join("\n");
    if headings::line_heading(first).is_some() {
        return (None, text);
    }
    let word_count = first.split_whitespace().count();
    let own_line = lines.len() > 1
        && headings::find(first).is_empty()
        && tagline_end(first).is_none()
        && word_count <= MAX_TAGLINE_WORDS;
    if own_line {
        return (Some(first.to_string()), lines[1..].join("\n"));
    }
    let first_heading = headings::find(&text).first().map(|h| h.start);
    let limit = first_heading.unwrap_or(usize::MAX).min(first.len());
    if let Some((end, rest_start)) = tagline_end(&text[..limit]) {
        return (
            Some(text[..end].to_string()),
            text[rest_start..].to_string(),
        );
    }
    if let Some((end, rest_start)) = first_sentence(&text[..limit]) {
        return (
            Some(text[..end].to_string()),
            text[rest_start..].to_string(),
        );
    }
    if let Some(h) = first_heading.filter(|&h| h > 0 && h < first.len()) {
        return (Some(text[..h].to_string()), text[h..].to_string());
    }
    if lines.len() == 1 && word_count <= MAX_TAGLINE_WORDS && first_heading.is_none() {
        return (Some(text), String::new());
    }
    (None, text)
}

/// Where a glued tagline ends, and where the intro starts (byte offsets): at the first
/// lowercase letter followed directly by a capital, or at a full stop, `!` or `?` glued to a
/// capital (`all!The`).
pub fn tagline_end(line: &str) -> Option<(usize, usize)> {
    let mut prev: Option<char> = None;
    let mut before_prev: Option<char> = None;
    let mut run_start = 0;
    for (i, c) in line.char_indices() {
        if c.is_alphabetic() && !prev.is_some_and(char::is_alphabetic) {
            run_start = i;
        }
        if c.is_uppercase() {
            if prev.is_some_and(char::is_lowercase) {
                let run = &line[run_start..i];
                let n = run.chars().count();
                let capitalised = run.chars().next().is_some_and(char::is_uppercase);
                if n > 2 || (n == 2 && !capitalised) {
                    return Some((i, i));
                }
            }
            if let Some(p @ ('.' | '!' | '?')) = prev
                && before_prev.is_some_and(char::is_lowercase)
            {
                let end = if p == '.' { i - 1 } else { i };
                return Some((end, i));
            }
        }
        before_prev = prev;
        prev = Some(c);
    }
    None
}

/// A short first sentence ended by a full stop and a space, in pages that kept punctuation:
/// `Learning for all. The city...`.
fn first_sentence(line: &str) -> Option<(usize, usize)> {
    let stop = line.find(". ")?;
    let rest_start = stop + 2;
    let next_is_capital = line[rest_start..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    let words = line[..stop].split_whitespace().count();
    (next_is_capital && words <= MAX_SENTENCE_TAGLINE_WORDS).then_some((stop, rest_start))
}

/// A tagline as shown: white space collapsed, Markdown emphasis and a trailing colon dropped.
fn clean_tagline(tagline: &str) -> String {
    let t = tagline.trim().trim_start_matches('#').trim();
    let t = t.trim_matches(['*', '_']).trim().trim_end_matches(':');
    lists::collapse(t)
}

/// Splits the text after the tagline at its section headings. The first heading of each kind
/// opens that section; the text before the first heading is the summary.
fn split_sections(text: &str) -> MemberRecord {
    let mut chosen: Vec<headings::Heading> = Vec::new();
    for heading in headings::find(text) {
        if !chosen.iter().any(|h| h.section == heading.section) {
            chosen.push(heading);
        }
    }
    let summary_end = chosen.first().map_or(text.len(), |h| h.start);
    let mut profile = MemberRecord {
        summary: lists::format(&text[..summary_end]),
        ..MemberRecord::default()
    };
    for (k, heading) in chosen.iter().enumerate() {
        let end = chosen.get(k + 1).map_or(text.len(), |next| next.start);
        let body =
            text[heading.end..end].trim_start_matches(|c: char| c == ':' || c.is_whitespace());
        let formatted = lists::format(body);
        match heading.section {
            Section::Vision => profile.vision = formatted,
            Section::Challenges => profile.challenges = formatted,
            Section::Plan => profile.plan = formatted,
        }
    }
    profile
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_tagline_ends_at_the_first_lower_upper_boundary() {
        let p = split(&[
            "Capital of Learning for comprehensive developmentAs the capital it grewVision and motivationWe wantChallenges and goalsManyPlan and implementationDo it",
        ]);
        assert_eq!(
            p.tagline.as_deref(),
            Some("Capital of Learning for comprehensive development")
        );
        assert_eq!(p.summary.as_deref(), Some("As the capital it grew"));
        assert_eq!(p.vision.as_deref(), Some("We want"));
        assert_eq!(p.challenges.as_deref(), Some("Many"));
        assert_eq!(p.plan.as_deref(), Some("Do it"));
    }

    #[test]
    fn non_ascii_boundary() {
        assert_eq!(
            split(&["Learning in BouakéBouaké is a city"])
                .tagline
                .as_deref(),
            Some("Learning in Bouaké")
        );
    }

    #[test]
    fn names_with_inner_capitals_do_not_end_a_tagline() {
        let p = split(&["A McAllen eLearning storyThe city"]);
        assert_eq!(p.tagline.as_deref(), Some("A McAllen eLearning story"));
    }

    #[test]
    fn tagline_on_its_own_line() {
        let p = split(&[
            "Learning for everyone, everywhere",
            "The city, on the coast, grew.",
            "Vision:",
            "To learn.",
        ]);
        assert_eq!(
            p.tagline.as_deref(),
            Some("Learning for everyone, everywhere")
        );
        assert_eq!(p.summary.as_deref(), Some("The city, on the coast, grew."));
        assert_eq!(p.vision.as_deref(), Some("To learn."));
        assert_eq!(p.challenges, None);
    }
}
