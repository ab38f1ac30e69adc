//! Where a query matches in one member's profile: every match per field (the detail view
//! highlights them and jumps from one to the next), and the best fragment to show under a hit
//! in the list.
//!
//! Only the one member's text is read, tokenised again as at indexing (so ranges are byte
//! ranges into the member's own field text, whatever folding did). A match is a word of a
//! required clause, a word starting with a prefix, or a whole phrase occurrence; exclusions
//! never match anything shown.
//!
//! The snippet is the sentence (split at `.`, `!`, `?`, `;` before white space, and at line
//! ends) whose matches weigh most: each distinct clause counts once, by its words' idf times
//! the field weight, so a sentence with both query words beats one repeating a single word,
//! and a rare word beats a common one. A sentence longer than the limit (scraped profiles
//! often have no full stops at all) is cut to the window of whole words around the matches
//! that weighs most, marked with `…` where cut.

use super::query::{Term, TextQuery};
use super::tokenize::Tokenizer;
use super::{Field, TextIndex};
use crate::model::Member;
use std::ops::Range;

/// The best matching fragment of a member's profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub field: Field,
    /// The fragment, with `…` where it was cut; one line. Not sanitised: print it through
    /// `crate::text::sanitize_line`, which keeps char indices.
    pub text: String,
    /// Byte ranges of the matches in `text`, ascending, not overlapping.
    pub ranges: Vec<Range<usize>>,
    /// Byte range of the fragment (without the `…`) in the field's text.
    pub source: Range<usize>,
}

impl Snippet {
    /// The match ranges as char indices into `text` (what highlighting by char needs).
    pub fn char_ranges(&self) -> Vec<Range<usize>> {
        self.ranges
            .iter()
            .map(|r| {
                let start = self.text[..r.start].chars().count();
                start..start + self.text[r.clone()].chars().count()
            })
            .collect()
    }
}

/// The matches in one field of a member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMatches {
    pub field: Field,
    /// Byte ranges into the field's text, ascending, not overlapping.
    pub ranges: Vec<Range<usize>>,
}

/// One match of one clause.
#[derive(Debug, Clone)]
struct Match {
    range: Range<usize>,
    clause: usize,
    weight: f32,
}

/// Every idf counts at least this much, so a match of a word all profiles use still shows.
const MIN_WEIGHT: f32 = 0.01;

impl TextIndex {
    /// Every match of `query`'s required clauses in `member`'s profile, per field, in field
    /// order; fields without a match are left out.
    pub fn match_ranges(&self, member: &Member, query: &TextQuery) -> Vec<FieldMatches> {
        let mut tokenizer = Tokenizer::default();
        Field::ALL
            .into_iter()
            .filter_map(|field| {
                let text = field.text(member)?;
                let (matches, _) = self.field_matches(&mut tokenizer, text, query);
                let ranges = merged(matches.iter().map(|m| m.range.clone()));
                (!ranges.is_empty()).then_some(FieldMatches { field, ranges })
            })
            .collect()
    }

    /// The best matching fragment of `member`'s profile for `query`, at most `max_chars`
    /// chars long (at least 10), or `None` when nothing required matches.
    pub fn snippet(&self, member: &Member, query: &TextQuery, max_chars: usize) -> Option<Snippet> {
        let max_chars = max_chars.max(10);
        let mut tokenizer = Tokenizer::default();
        let mut best: Option<(f32, Field, Range<usize>)> = None;
        for field in Field::ALL {
            let Some(text) = field.text(member) else {
                continue;
            };
            let (matches, _) = self.field_matches(&mut tokenizer, text, query);
            if matches.is_empty() {
                continue;
            }
            let field_weight = self.weights.of(field);
            for sentence in sentences(text) {
                let inside: Vec<&Match> = matches
                    .iter()
                    .filter(|m| m.range.start >= sentence.start && m.range.end <= sentence.end)
                    .collect();
                let score = weigh(&inside) * field_weight;
                if score > 0.0 && best.as_ref().is_none_or(|b| score > b.0) {
                    best = Some((score, field, sentence));
                }
            }
        }
        let (_, field, sentence) = best?;
        let text = field.text(member)?;
        let (matches, words) = self.field_matches(&mut tokenizer, text, query);
        let matches: Vec<Match> = matches
            .into_iter()
            .filter(|m| m.range.start >= sentence.start && m.range.end <= sentence.end)
            .collect();
        let window = if text[sentence.clone()].chars().count() <= max_chars {
            sentence.clone()
        } else {
            best_window(text, &sentence, &words, &matches, max_chars - 2)
        };
        let cut_start = window.start > sentence.start;
        let cut_end = window.end < sentence.end;
        let mut out = String::new();
        if cut_start {
            out.push('…');
        }
        let shift = out.len();
        out.push_str(&text[window.clone()]);
        if cut_end {
            out.push('…');
        }
        let ranges = merged(
            matches
                .iter()
                .filter(|m| m.range.start >= window.start && m.range.end <= window.end)
                .map(|m| m.range.start - window.start + shift..m.range.end - window.start + shift),
        );
        Some(Snippet {
            field,
            text: out,
            ranges,
            source: window,
        })
    }

    /// The matches of the required clauses in one field's `text`, by position, and the
    /// byte ranges of all its words.
    fn field_matches(
        &self,
        tokenizer: &mut Tokenizer,
        text: &str,
        query: &TextQuery,
    ) -> (Vec<Match>, Vec<Range<usize>>) {
        let mut tokens: Vec<(String, Range<usize>)> = Vec::new();
        tokenizer.for_each(text, false, |t| {
            tokens.push((t.text.to_string(), t.range.clone()));
        });
        let idf = |word: &str| self.idf(word).unwrap_or(0.0).max(MIN_WEIGHT);
        let mut matches = Vec::new();
        for (clause_index, clause) in query.clauses().iter().enumerate() {
            if clause.negated {
                continue;
            }
            match &clause.term {
                Term::Word(word) => {
                    let weight = idf(word);
                    for (t, range) in &tokens {
                        if t == word {
                            matches.push(Match {
                                range: range.clone(),
                                clause: clause_index,
                                weight,
                            });
                        }
                    }
                }
                Term::Prefix(prefix) => {
                    for (t, range) in &tokens {
                        if t.starts_with(prefix.as_str()) {
                            matches.push(Match {
                                range: range.clone(),
                                clause: clause_index,
                                weight: idf(t),
                            });
                        }
                    }
                }
                Term::Phrase(words) => {
                    let weight: f32 = words.iter().map(|w| idf(w)).sum();
                    for window in tokens.windows(words.len()) {
                        if window.iter().zip(words).all(|((t, _), w)| t == w) {
                            matches.push(Match {
                                range: window[0].1.start..window[words.len() - 1].1.end,
                                clause: clause_index,
                                weight,
                            });
                        }
                    }
                }
            }
        }
        matches.sort_by_key(|m| (m.range.start, m.range.end));
        (matches, tokens.into_iter().map(|(_, r)| r).collect())
    }
}

/// Each distinct clause's best match weight, summed, plus a little per match.
fn weigh(matches: &[&Match]) -> f32 {
    let mut best: Vec<(usize, f32)> = Vec::new();
    for m in matches {
        match best.iter_mut().find(|(c, _)| *c == m.clause) {
            Some(entry) => entry.1 = entry.1.max(m.weight),
            None => best.push((m.clause, m.weight)),
        }
    }
    best.iter().map(|(_, w)| w).sum::<f32>() + 0.001 * matches.len() as f32
}

/// Byte ranges of the sentences of `text`, trimmed of white space and list bullets.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_space = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
        let end = if c == '\n' {
            Some(i)
        } else if matches!(c, '.' | '!' | '?' | ';') && next_is_space {
            Some(i + c.len_utf8())
        } else {
            None
        };
        if let Some(end) = end {
            push_trimmed(text, start..end, &mut out);
            start = i + c.len_utf8();
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let mut rest = s.trim_start();
    for bullet in ["- ", "• ", "* "] {
        if let Some(after) = rest.strip_prefix(bullet) {
            rest = after.trim_start();
            break;
        }
    }
    let start = range.start + (s.len() - rest.len());
    let trimmed = rest.trim_end();
    if !trimmed.is_empty() {
        out.push(start..start + trimmed.len());
    }
}

/// The window of whole words of at most `budget` chars inside `sentence` whose matches weigh
/// most (the earliest of equals), starting a little before a match.
fn best_window(
    text: &str,
    sentence: &Range<usize>,
    words: &[Range<usize>],
    matches: &[Match],
    budget: usize,
) -> Range<usize> {
    let context = (budget / 4).min(30);
    let mut best: Option<(f32, Range<usize>)> = None;
    for anchor in matches {
        let raw_start = back_chars(text, anchor.range.start, context).max(sentence.start);
        // Start at a word: the first word starting at or after `raw_start` (the anchor at worst).
        let start = words
            .iter()
            .map(|w| w.start)
            .find(|&s| s >= raw_start && s >= sentence.start)
            .unwrap_or(anchor.range.start)
            .min(anchor.range.start);
        let raw_end = forward_chars(text, start, budget).min(sentence.end);
        let end = words
            .iter()
            .map(|w| w.end)
            .rfind(|&e| e <= raw_end && e > start)
            .unwrap_or(raw_end);
        let inside: Vec<&Match> = matches
            .iter()
            .filter(|m| m.range.start >= start && m.range.end <= end)
            .collect();
        let score = weigh(&inside);
        if best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, start..end));
        }
    }
    best.map_or(
        sentence.start..forward_chars(text, sentence.start, budget),
        |b| b.1,
    )
}

/// The byte `n` chars before `from` (or 0).
fn back_chars(text: &str, from: usize, n: usize) -> usize {
    if n == 0 {
        return from;
    }
    text[..from]
        .char_indices()
        .rev()
        .nth(n - 1)
        .map_or(0, |(i, _)| i)
}

/// The byte `n` chars after `from` (or the end).
fn forward_chars(text: &str, from: usize, n: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| from + i)
}

/// Sorted ranges with overlaps joined.
fn merged(ranges: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = ranges.collect();
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_stops_and_lines_and_drop_bullets() {
        let text = "First one. Second 3.5 times!\n- A bullet; and more";
        let parts: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            parts,
            ["First one.", "Second 3.5 times!", "A bullet;", "and more"]
        );
    }

    #[test]
    fn overlapping_ranges_merge() {
        assert_eq!(
            merged([5..9, 0..2, 1..3, 9..10].into_iter()),
            vec![0..3, 5..10]
        );
    }
}
