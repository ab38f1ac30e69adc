//! Section headings of a learning-city profile, in the spellings listing pages use.
//!
//! In the scraped listing the headings are glued into the text (`...inclusivenessVision and
//! motivationThe overall...`) and vary between records (`Vision Motivation`, `Challenges Areas
//! of Support`, `Plan and Implementation`). Other pages put them on their own lines, keep the
//! punctuation (`Vision:`), or write `&` for "and". One table of variants serves all layouts:
//! words are compared case-insensitively and "and"/"&" between words is optional, so
//! `Vision and motivation`, `Vision & Motivation` and `Vision Motivation` are one entry.
//!
//! To avoid taking ordinary prose for a heading, an inline heading must start with a capital
//! letter and be followed by what only a heading is followed by: a capital letter glued on
//! (`motivationThe`), a colon, the end of the line, or (after a sentence end) a space and a
//! capital. Single words (`Vision`, `Plan`) count only on a line of their own or before a colon.

use crate::model::Section;

/// Multi-word headings, recognised anywhere (glued or on their own line). Words without "and".
const MULTI_WORD: &[(Section, &[&str])] = &[
    (Section::Vision, &["vision", "motivation"]),
    (Section::Vision, &["vision", "motivations"]),
    (Section::Vision, &["motivation", "vision"]),
    (Section::Vision, &["vision", "mission"]),
    (Section::Challenges, &["challenges", "goals"]),
    (
        Section::Challenges,
        &["challenges", "areas", "of", "support"],
    ),
    (Section::Challenges, &["challenges", "opportunities"]),
    (Section::Challenges, &["challenges", "needs"]),
    (Section::Challenges, &["goals", "challenges"]),
    (Section::Plan, &["plan", "implementation"]),
    (Section::Plan, &["plans", "implementation"]),
    (Section::Plan, &["planning", "implementation"]),
    (Section::Plan, &["implementation", "plan"]),
    (Section::Plan, &["implementation", "plans"]),
];

/// Headings recognised only on a line of their own or directly before a colon.
const OWN_LINE: &[(Section, &[&str])] = &[
    (Section::Vision, &["vision"]),
    (Section::Vision, &["our", "vision"]),
    (Section::Vision, &["motivation"]),
    (Section::Challenges, &["challenges"]),
    (Section::Challenges, &["key", "challenges"]),
    (Section::Challenges, &["goals"]),
    (Section::Plan, &["plan"]),
    (Section::Plan, &["implementation"]),
    (Section::Plan, &["action", "plan"]),
];

/// A heading found in a text: which section it opens and its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading {
    pub section: Section,
    pub start: usize,
    pub end: usize,
}

/// The section a whole line announces, if the line is nothing but a heading
/// (`Vision and motivation`, `## Plan & implementation`, `**Challenges:**`, `vision`).
/// A bulleted line is never a heading: it is a list item.
pub fn line_heading(line: &str) -> Option<Section> {
    let mut s = line.trim().trim_start_matches('#').trim();
    for mark in ["**", "__"] {
        if let Some(inner) = s.strip_prefix(mark) {
            s = inner.trim_end_matches(mark);
        }
    }
    let s = s.trim().trim_end_matches([':', '.', ' ', '\u{a0}']).trim();
    if s.is_empty() || s.chars().count() > 60 || s.starts_with(['-', '*', '•', '–', '—', '·'])
    {
        return None;
    }
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | ',' | '&' | '+' | '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| w != "and")
        .collect();
    MULTI_WORD
        .iter()
        .chain(OWN_LINE)
        .find(|(_, variant)| variant.len() == words.len() && variant.iter().eq(words.iter()))
        .map(|(section, _)| *section)
}

/// Every heading in `text`, in order, not overlapping.
pub fn find(text: &str) -> Vec<Heading> {
    let mut found: Vec<Heading> = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        if let Some(section) = line_heading(line) {
            found.push(Heading {
                section,
                start: line_start,
                end: line_start + line.len(),
            });
        } else {
            find_inline(text, line_start, line_start + line.len(), &mut found);
        }
        line_start += line.len() + 1;
    }
    found
}

/// Inline headings in `text[from..to]` (one line).
fn find_inline(text: &str, from: usize, to: usize, found: &mut Vec<Heading>) {
    let line = &text[from..to];
    let mut skip_until = 0;
    for (offset, c) in line.char_indices() {
        if offset < skip_until || !c.is_uppercase() {
            continue;
        }
        let best = MULTI_WORD
            .iter()
            .map(|v| (v, true))
            .chain(OWN_LINE.iter().map(|v| (v, false)))
            .filter_map(|((section, words), multi)| {
                let end = match_words(line, offset, words)?;
                let end = accept_end(line, offset, end, multi)?;
                Some((*section, end))
            })
            .max_by_key(|(_, end)| *end);
        if let Some((section, end)) = best {
            found.push(Heading {
                section,
                start: from + offset,
                end: from + end,
            });
            skip_until = end;
        }
    }
}

/// Matches `words` at byte `at` of `line` (case-insensitively, "and"/"&" optional between
/// words); returns the byte just after the last word.
fn match_words(line: &str, at: usize, words: &[&str]) -> Option<usize> {
    let mut pos = at;
    for (k, word) in words.iter().enumerate() {
        if k > 0 {
            pos = skip_separators(line, pos)?;
        }
        let rest = &line[pos..];
        let candidate = rest.get(..word.len())?;
        if !candidate.eq_ignore_ascii_case(word) {
            return None;
        }
        pos += word.len();
        // The word must end here: "Plans" is not "Plan".
        if line[pos..].chars().next().is_some_and(char::is_lowercase) {
            return None;
        }
    }
    Some(pos)
}

/// Skips the separators between two heading words: white space, `&`, `/`, `,`, `+`, and the
/// word "and". Returns `None` when there is no separator at all.
fn skip_separators(line: &str, mut pos: usize) -> Option<usize> {
    let start = pos;
    loop {
        let rest = &line[pos..];
        let Some(c) = rest.chars().next() else { break };
        if c.is_whitespace() || matches!(c, '&' | '/' | ',' | '+') {
            pos += c.len_utf8();
        } else if rest.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("and"))
            && rest[3..]
                .chars()
                .next()
                .is_some_and(|n| n.is_whitespace() || n == '&')
            && pos > start
        {
            pos += 3;
        } else {
            break;
        }
    }
    (pos > start).then_some(pos)
}

/// Decides whether a matched heading really is one, from what follows it; returns where the
/// heading (with its colon, if any) ends.
fn accept_end(line: &str, start: usize, end: usize, multi_word: bool) -> Option<usize> {
    let after = &line[end..];
    let trimmed = after.trim_start_matches([' ', '\t', '\u{a0}']);
    if trimmed.starts_with(':') {
        return Some(line.len() - trimmed.len() + 1);
    }
    // A dash between heading and text: `Vision and motivation — The city...`.
    if let Some(dash) = trimmed
        .chars()
        .next()
        .filter(|c| matches!(c, '—' | '–' | '-'))
        && trimmed[dash.len_utf8()..].starts_with(char::is_whitespace)
        && after.starts_with(char::is_whitespace)
    {
        return Some(line.len() - trimmed.len() + dash.len_utf8());
    }
    if !multi_word {
        return None;
    }
    let mut chars = after.chars();
    match chars.next() {
        None => Some(end),
        Some(c) if c.is_uppercase() => Some(end),
        Some(c) if c.is_whitespace() => {
            if trimmed.is_empty() {
                return Some(end);
            }
            let next_is_capital = trimmed.chars().next().is_some_and(char::is_uppercase);
            let before = line[..start].trim_end_matches([' ', '\t', '\u{a0}']);
            let after_sentence = before.is_empty() || before.ends_with(['.', '!', '?', ':', ';']);
            (next_is_capital && after_sentence).then_some(end)
        }
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections(text: &str) -> Vec<(Section, &str)> {
        find(text)
            .into_iter()
            .map(|h| (h.section, &text[h.start..h.end]))
            .collect()
    }

    #[test]
    fn glued_variants_from_the_listing() {
        let text =
            "ledVision and motivationThe xChallenges Areas of SupportAs yPlan and ImplementationAt";
        assert_eq!(
            sections(text),
            vec![
                (Section::Vision, "Vision and motivation"),
                (Section::Challenges, "Challenges Areas of Support"),
                (Section::Plan, "Plan and Implementation"),
            ]
        );
        assert_eq!(
            sections("China\u{a0} Vision MotivationChengdu"),
            vec![(Section::Vision, "Vision Motivation")]
        );
    }

    #[test]
    fn prose_is_not_a_heading() {
        assert!(find("the Vision and motivation of people").is_empty());
        assert!(find("a vision and motivationThe").is_empty());
        assert!(find("our Plan is good").is_empty());
        assert!(find("The Plans and implementations vary").is_empty());
    }

    #[test]
    fn own_line_and_colon_forms() {
        assert_eq!(
            line_heading("## Vision & Motivation"),
            Some(Section::Vision)
        );
        assert_eq!(line_heading("**Challenges:**"), Some(Section::Challenges));
        assert_eq!(line_heading("Implementation plan"), Some(Section::Plan));
        assert_eq!(line_heading("• Vision"), None);
        assert_eq!(
            sections("Text. Vision: We want"),
            vec![(Section::Vision, "Vision:")]
        );
    }
}
