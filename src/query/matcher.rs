//! Matching a parsed [`Pattern`] against folded names: a cheap yes/no test, then a score with
//! match positions for the names that become hits.
//!
//! The two steps are separate because facet counts need only "does the text match", for
//! every member, while scores and positions are needed only for members that also pass
//! the facet selections. The yes/no test never calls the fuzzy scorer: for a fuzzy term it
//! is a char-mask check and an ordered-subsequence scan (on bytes when the term is ASCII,
//! which is exact in UTF-8 because ASCII bytes never occur inside a multi-byte char). That
//! test is precisely the condition under which the scorer finds a match, so it never
//! disagrees with it.
//!
//! Fuzzy scores come from fuzzy-matcher's `SkimMatcherV2` (the scorer of `skim`, a port of
//! fzf's v2 algorithm): it rewards matches at word starts and runs of consecutive chars and
//! penalises gaps. The clangd matcher was the alternative: on the fixture's names plus ~45
//! other member-city names, both put the same city first for `vilamaria`, `nmyngj`, `plvdv`,
//! `sj`, `lim`, `kr`, `mxc`, `sdm`, `jj`; they differed only on `san`, where clangd put
//! `Sanya` above `San José` (skim ties them, names decide). Skim won on the rest: it is
//! fzf's ranking (what users of fzf expect, and what PERFORMANCE.md compares against) and it reuses
//! per-thread scratch buffers where clangd allocates its matrix on every call. Both inputs
//! are already folded, so the scorer runs case-sensitive (no per-char case work).
//!
//! Exact, prefix, suffix and whole-name terms get the score the skim scorer gives a run of
//! consecutive matching chars (see [`run_score`]), so terms of different kinds add up on one
//! scale.

use super::fold::NameRef;
use super::pattern::{Kind, Pattern, Term};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// The scorer. One per query run; its scratch buffers are per thread and reused.
pub struct Matcher {
    skim: SkimMatcherV2,
}

impl Default for Matcher {
    fn default() -> Self {
        Matcher {
            skim: SkimMatcherV2::default().respect_case(),
        }
    }
}

impl Matcher {
    /// True when `name` satisfies every group of `pattern`. Allocation-free.
    pub fn accepts(pattern: &Pattern, name: NameRef<'_>) -> bool {
        pattern
            .groups
            .iter()
            .all(|group| group.iter().any(|term| term_accepts(term, name)))
    }

    /// The score of a name that [`Matcher::accepts`], appending the folded char indices of the
    /// matched chars to `positions` (unsorted, possibly repeated across terms). The score is
    /// the sum over groups of the first accepting term's score, as fzf does.
    pub fn score(&self, pattern: &Pattern, name: NameRef<'_>, positions: &mut Vec<usize>) -> i64 {
        let mut total = 0;
        for group in &pattern.groups {
            if let Some(term) = group.iter().find(|t| term_accepts(t, name)) {
                total += self.term_score(term, name, positions);
            }
        }
        total
    }

    fn term_score(&self, term: &Term, name: NameRef<'_>, positions: &mut Vec<usize>) -> i64 {
        if term.inverse {
            return 0;
        }
        let text = name.text();
        let byte_start = match term.kind {
            Kind::Fuzzy => {
                let mut chars = term.text.chars();
                if let (Some(only), None) = (chars.next(), chars.next()) {
                    return single_char(text, only).map_or(0, |(score, at)| {
                        positions.push(at);
                        score
                    });
                }
                return match self.skim.fuzzy_indices(text, &term.text) {
                    Some((score, found)) if positions.is_empty() => {
                        *positions = found;
                        score
                    }
                    Some((score, found)) => {
                        positions.extend(found);
                        score
                    }
                    None => 0,
                };
            }
            Kind::Exact => best_occurrence(text, &term.text),
            Kind::Prefix | Kind::Equal => Some(0),
            Kind::Suffix => Some(text.len() - term.text.len()),
        };
        let Some(byte_start) = byte_start else {
            return 0;
        };
        let char_start = text[..byte_start].chars().count();
        let len = term.text.chars().count();
        positions.extend(char_start..char_start + len);
        run_score(text, byte_start, len)
    }
}

/// What `SkimMatcherV2` gives a one-char pattern, without its three allocations: the first
/// typed key matches the most names, so this case is the hot one. Each occurrence scores 16
/// plus its in-place bonus (doubled at the start of the name) less 1; skim keeps the last of
/// the best (`max_by_key`). Returns the score and the char index.
fn single_char(text: &str, wanted: char) -> Option<(i64, usize)> {
    let mut best: Option<(i64, usize)> = None;
    let mut prev = None;
    for (at, c) in text.chars().enumerate() {
        if c == wanted {
            let bonus = in_place_bonus(prev);
            let score = 15 + if at == 0 { 2 * bonus } else { bonus };
            if best.is_none_or(|(b, _)| score >= b) {
                best = Some((score, at));
            }
        }
        prev = Some(c);
    }
    best
}

/// Whether one term accepts a name (inversion applied).
fn term_accepts(term: &Term, name: NameRef<'_>) -> bool {
    let text = name.text();
    let needle: &str = &term.text;
    let found = match term.kind {
        Kind::Fuzzy => term.mask & !name.mask() == 0 && is_subsequence(needle, text, term.ascii),
        Kind::Exact => term.mask & !name.mask() == 0 && find(text, needle, 0).is_some(),
        Kind::Prefix => text.starts_with(needle),
        Kind::Suffix => text.ends_with(needle),
        Kind::Equal => text == needle,
    };
    found != term.inverse
}

/// True when the chars of `needle` occur in `hay` in order.
fn is_subsequence(needle: &str, hay: &str, ascii_needle: bool) -> bool {
    if ascii_needle {
        let mut rest = hay.as_bytes().iter();
        needle.as_bytes().iter().all(|n| rest.any(|h| h == n))
    } else {
        let mut rest = hay.chars();
        needle.chars().all(|n| rest.any(|h| h == n))
    }
}

/// The byte offset of the occurrence of `needle` to highlight: the first that starts a word,
/// else the first.
fn best_occurrence(hay: &str, needle: &str) -> Option<usize> {
    let first = find(hay, needle, 0)?;
    let mut at = first;
    loop {
        if at == 0 || hay[..at].chars().next_back().is_some_and(is_separator) {
            return Some(at);
        }
        match find(hay, needle, at + 1) {
            Some(next) => at = next,
            None => return Some(first),
        }
    }
}

/// The byte offset of the first occurrence of `needle` in `hay` at or after `from`. A plain
/// scan: names are a few dozen bytes, where building `str::find`'s two-way searcher costs more
/// than the search. Byte matches of UTF-8 strings always fall on char boundaries.
fn find(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let (&first, rest) = needle.split_first()?;
    let last_start = hay.len().checked_sub(needle.len())?;
    (from..=last_start).find(|&i| {
        hay[i] == first
            && hay[i + 1..i + needle.len()]
                .iter()
                .zip(rest)
                .all(|(a, b)| a == b)
    })
}

fn is_separator(c: char) -> bool {
    !c.is_alphanumeric()
}

/// Skim's score for the run of consecutive matched chars `text[byte_start..]` of `len` chars
/// (see the module docs), following `SkimMatcherV2`'s recurrence: each char scores 16; the
/// first adds its in-place bonus (doubled at the start of the name) less the 1 of skim's
/// initial gap; each next one adds the larger of its in-place bonus and the consecutive
/// bonus 4.
fn run_score(text: &str, byte_start: usize, len: usize) -> i64 {
    const MATCH: i64 = 16;
    const CONSECUTIVE: i64 = 4;
    let mut prev = text[..byte_start].chars().next_back();
    let mut score = 0;
    for (k, c) in text[byte_start..].chars().take(len).enumerate() {
        let bonus = in_place_bonus(prev);
        score += MATCH
            + if k == 0 {
                (if prev.is_none() { 2 * bonus } else { bonus }) - 1
            } else {
                bonus.max(CONSECUTIVE)
            };
        prev = Some(c);
    }
    score
}

/// Skim's bonus for a char at a word head (start or after a hard separator: 8) or after a
/// soft separator (punctuation: 7); folded text has no upper case, so no camel-case bonus.
fn in_place_bonus(prev: Option<char>) -> i64 {
    match prev {
        None | Some(' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}') => 8,
        Some('!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~') => 7,
        Some(_) => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fold::tests::one;

    fn accepts(pattern: &str, name: &str) -> bool {
        Matcher::accepts(&Pattern::parse(pattern), one(name).get(0))
    }

    #[test]
    fn subsequence_on_bytes_and_chars() {
        assert!(is_subsequence("sz", "shenzhen", true));
        assert!(!is_subsequence("zs", "shenzhen", true));
        assert!(is_subsequence("北京", "北 京", false));
        assert!(!is_subsequence("京北", "北京", false));
    }

    #[test]
    fn each_operator_accepts_and_rejects() {
        assert!(accepts("sndbg", "Sønderborg"));
        assert!(!accepts("sndbgx", "Sønderborg"));
        assert!(accepts("'derb", "Sønderborg"));
        assert!(!accepts("'dbrg", "Sønderborg"));
        assert!(accepts("^son", "Sønderborg"));
        assert!(!accepts("^der", "Sønderborg"));
        assert!(accepts("borg$", "Sønderborg"));
        assert!(!accepts("bor$", "Sønderborg"));
        assert!(accepts("^sonderborg$", "Sønderborg"));
        assert!(!accepts("^sonder$", "Sønderborg"));
        assert!(accepts("!cork", "Sønderborg"));
        assert!(!accepts("!derb", "Sønderborg"));
        assert!(!accepts("!^son", "Sønderborg"));
        assert!(!accepts("!borg$", "Sønderborg"));
        assert!(!accepts("!'sdb", "Sønderborg"));
        assert!(accepts("!'xyz", "Sønderborg"));
        assert!(accepts("cork | sond", "Sønderborg"));
        assert!(!accepts("cork | espoo", "Sønderborg"));
    }

    #[test]
    fn exact_terms_score_like_a_consecutive_run() {
        let matcher = Matcher::default();
        let folded = one("Cork");
        let name = folded.get(0);
        let mut positions = Vec::new();
        let exact = matcher.score(&Pattern::parse("'cork"), name, &mut positions);
        assert_eq!(positions, vec![0, 1, 2, 3]);
        positions.clear();
        let fuzzy = matcher.score(&Pattern::parse("cork"), name, &mut positions);
        assert_eq!(positions, vec![0, 1, 2, 3]);
        assert_eq!(exact, fuzzy);
    }

    #[test]
    fn single_char_agrees_with_skim() {
        let skim = SkimMatcherV2::default().respect_case();
        for text in [
            "cork",
            "a",
            "banana",
            "ana banana",
            "x-ray a.b",
            "北京 京",
            "",
            "kk k",
            "(k)k",
        ] {
            for wanted in ['a', 'k', 'b', '京', 'z', '.'] {
                let mut buf = [0; 4];
                let expected = skim
                    .fuzzy_indices(text, wanted.encode_utf8(&mut buf))
                    .map(|(score, positions)| (score, positions[0]));
                assert_eq!(
                    single_char(text, wanted),
                    expected,
                    "{wanted:?} in {text:?}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn single_char_agrees_with_skim_on_any_text(text in "[a-c .\\-é]{0,12}", wanted in "[a-c .é]") {
            let skim = SkimMatcherV2::default().respect_case();
            let expected = skim
                .fuzzy_indices(&text, &wanted)
                .map(|(score, positions)| (score, positions[0]));
            let wanted = wanted.chars().next().unwrap_or('a');
            proptest::prop_assert_eq!(single_char(&text, wanted), expected);
        }
    }

    #[test]
    fn find_is_a_substring_search() {
        assert_eq!(find("banana", "an", 0), Some(1));
        assert_eq!(find("banana", "an", 2), Some(3));
        assert_eq!(find("banana", "an", 4), None);
        assert_eq!(find("banana", "banana!", 0), None);
        assert_eq!(find("sønderborg", "ø", 0), Some(1));
        assert_eq!(find("abc", "", 0), None);
        assert_eq!(find("abc", "c", 9), None);
    }

    #[test]
    fn exact_prefers_a_word_start() {
        assert_eq!(best_occurrence("ana banana", "an"), Some(0));
        assert_eq!(best_occurrence("banana an", "an"), Some(7));
        assert_eq!(best_occurrence("banana", "an"), Some(1));
    }
}
