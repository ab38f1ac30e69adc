//! The text-search syntax, parsed once per keystroke.
//!
//! - `word`: the member's profile must contain the word (in any field); several words must all
//!   occur, in any order and any fields.
//! - `"a phrase"`: the words in this order, adjacent, within one field.
//! - `word*`: any word starting with `word`.
//! - `!word`, `!word*`, `!"a phrase"`: members containing it are left out.
//!
//! Words are folded and split exactly as profile text is (see `tokenize`), so `Sønderborg`
//! finds `sonderborg` and `well-being` is the phrase `"well being"`. A `*` inside quotes, a
//! lone `!` or `*`, and an unclosed quote's missing end are forgiven, never errors: this runs
//! on every keystroke.

use super::tokenize::words;

/// What one clause asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// One folded word.
    Word(String),
    /// Words starting with this folded text.
    Prefix(String),
    /// Folded words, adjacent and in order (at least two).
    Phrase(Vec<String>),
}

/// One clause of a query: a term, required or excluded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub term: Term,
    /// True for `!`: members matching the term are excluded.
    pub negated: bool,
}

/// A parsed text query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextQuery {
    clauses: Vec<Clause>,
}

impl TextQuery {
    /// Parses the search box text (see the module docs). Never fails.
    pub fn parse(input: &str) -> TextQuery {
        let mut clauses = Vec::new();
        let mut rest = input;
        loop {
            rest = rest.trim_start();
            if rest.is_empty() {
                break;
            }
            let mut negated = false;
            while let Some(after) = rest.strip_prefix('!') {
                negated = true;
                rest = after;
            }
            if let Some(after) = rest.strip_prefix('"') {
                let (inside, next) = after.split_once('"').unwrap_or((after, ""));
                rest = next;
                if let Some(term) = phrase(words(inside)) {
                    clauses.push(Clause { term, negated });
                }
                continue;
            }
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '"')
                .unwrap_or(rest.len());
            let (word, next) = rest.split_at(end);
            rest = next;
            let prefix = word.ends_with('*');
            let folded = words(word);
            let term = match folded.len() {
                0 => None,
                1 if prefix => folded.into_iter().next().map(Term::Prefix),
                _ => phrase(folded),
            };
            if let Some(term) = term {
                clauses.push(Clause { term, negated });
            }
        }
        TextQuery { clauses }
    }

    /// True when there is nothing to search for: every member matches.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// True when the query has a required (not excluded) clause, so hits have scores and
    /// snippets.
    pub fn has_required(&self) -> bool {
        self.clauses.iter().any(|c| !c.negated)
    }

    pub fn clauses(&self) -> &[Clause] {
        &self.clauses
    }
}

/// One word is a word, several a phrase, none nothing.
fn phrase(mut words: Vec<String>) -> Option<Term> {
    match words.len() {
        0 => None,
        1 => words.pop().map(Term::Word),
        _ => Some(Term::Phrase(words)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(s: &str, negated: bool) -> Clause {
        Clause {
            term: Term::Word(s.to_string()),
            negated,
        }
    }

    #[test]
    fn parses_words_phrases_prefixes_and_exclusions() {
        let q = TextQuery::parse(r#"Flooding "mobile  Libraries" boat* !Café"#);
        assert_eq!(
            q.clauses(),
            [
                word("flooding", false),
                Clause {
                    term: Term::Phrase(vec!["mobile".into(), "libraries".into()]),
                    negated: false
                },
                Clause {
                    term: Term::Prefix("boat".into()),
                    negated: false
                },
                word("cafe", true),
            ]
        );
    }

    #[test]
    fn hyphenated_words_are_phrases_and_noise_is_forgiven() {
        let q = TextQuery::parse(r#"well-being ! * "" "unclosed quote"#);
        assert_eq!(
            q.clauses(),
            [
                Clause {
                    term: Term::Phrase(vec!["well".into(), "being".into()]),
                    negated: false
                },
                Clause {
                    term: Term::Phrase(vec!["unclosed".into(), "quote".into()]),
                    negated: false
                },
            ]
        );
        assert!(TextQuery::parse("  ").is_empty());
        assert!(!TextQuery::parse("!x").has_required());
        assert_eq!(TextQuery::parse(r#"!"one""#).clauses(), [word("one", true)]);
    }
}
