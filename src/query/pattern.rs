//! Parsing the search text: fzf's extended-search syntax, folded like the names.
//!
//! The rules follow fzf's `parseTerms` so users' fzf habits carry over unchanged:
//!
//! | token      | meaning                                   |
//! |------------|-------------------------------------------|
//! | `sbtrkt`   | fuzzy match                               |
//! | `'wild`    | exact substring                           |
//! | `^music`   | prefix                                    |
//! | `.mp3$`    | suffix                                    |
//! | `^core$`   | the whole name                            |
//! | `!fire`    | does not contain (negation is exact)      |
//! | `!^music`  | does not start with                       |
//! | `!.mp3$`   | does not end with                         |
//! | `!'fire`   | does not fuzzy-match (`'` flips exactness, as in fzf) |
//! | `a \| b`   | either term (binds tighter than the AND between terms) |
//!
//! Space-separated terms must all match; `\ ` is a literal space. A token that is only an
//! operator (`!`, `^`, `'`) has no text and is ignored, as fzf does; a lone `$` is a literal
//! dollar. Term text is folded with `gnlc::text::fold`, the same folding as the names, which
//! is what makes search case- and accent-insensitive.

use super::fold::mask_of;
use crate::text::fold;

/// The most groups (space-separated terms) a search uses; later ones are ignored. Matching
/// is linear in the groups, and a name that passes 64 terms is already pinned down.
pub const MAX_GROUPS: usize = 64;

/// How a term compares with a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Fuzzy,
    Exact,
    Prefix,
    Suffix,
    /// `^text$`: the whole name.
    Equal,
}

/// One search term, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub kind: Kind,
    /// `!`: the term matches the names it would otherwise reject.
    pub inverse: bool,
    /// Folded, never empty.
    pub text: Box<str>,
    /// Chars of `text`, see `fold::char_bit`.
    pub mask: u64,
    pub ascii: bool,
}

/// Terms joined by `|`: one of them must match.
pub type Alternatives = Vec<Term>;

/// A parsed search: every group must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pattern {
    pub groups: Vec<Alternatives>,
    /// Chars every accepted name contains (see `fold::char_bit`): the scan's first, cheapest
    /// rejection, made before any name text is read.
    pub required: u64,
}

impl Pattern {
    /// Parses fzf extended-search syntax. Never fails: anything unusual is read literally.
    pub fn parse(text: &str) -> Pattern {
        let escaped = text.replace("\\ ", "\t");
        let mut groups: Vec<Alternatives> = Vec::new();
        let mut group: Alternatives = Vec::new();
        let mut switch_group = false;
        let mut after_bar = false;
        for token in escaped.split(' ').filter(|t| !t.is_empty()) {
            let token = token.replace('\t', " ");
            if !group.is_empty() && !after_bar && token == "|" {
                switch_group = false;
                after_bar = true;
                continue;
            }
            after_bar = false;
            let Some(term) = parse_term(&token) else {
                continue;
            };
            if switch_group {
                groups.push(std::mem::take(&mut group));
            }
            group.push(term);
            switch_group = true;
        }
        if !group.is_empty() {
            groups.push(group);
        }
        // A repeated group adds nothing but work; past MAX_GROUPS, more terms only cost time
        // (a pasted paragraph): each name is matched against at most MAX_GROUPS groups.
        let mut unique: Vec<Alternatives> = Vec::with_capacity(groups.len().min(MAX_GROUPS));
        for group in groups {
            if unique.len() == MAX_GROUPS {
                break;
            }
            if !unique.contains(&group) {
                unique.push(group);
            }
        }
        let groups = unique;
        let required = groups
            .iter()
            .map(|g| {
                g.iter()
                    .fold(u64::MAX, |m, t| m & if t.inverse { 0 } else { t.mask })
            })
            .fold(0, |m, g| m | g);
        Pattern { groups, required }
    }

    /// True when there is nothing to match (every name matches with score 0).
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// One token to a term, or `None` when no text is left after the operators.
fn parse_term(token: &str) -> Option<Term> {
    let mut kind = Kind::Fuzzy;
    let mut inverse = false;
    let mut text = token;
    if let Some(rest) = text.strip_prefix('!') {
        inverse = true;
        kind = Kind::Exact;
        text = rest;
    }
    if text != "$"
        && let Some(rest) = text.strip_suffix('$')
    {
        kind = Kind::Suffix;
        text = rest;
    }
    if let Some(rest) = text.strip_prefix('\'') {
        kind = if inverse { Kind::Fuzzy } else { Kind::Exact };
        text = rest;
    } else if let Some(rest) = text.strip_prefix('^') {
        kind = if kind == Kind::Suffix {
            Kind::Equal
        } else {
            Kind::Prefix
        };
        text = rest;
    }
    let folded = fold(text);
    if folded.is_empty() {
        return None;
    }
    Some(Term {
        kind,
        inverse,
        mask: mask_of(&folded),
        ascii: folded.is_ascii(),
        text: folded.into_boxed_str(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Vec<(Kind, bool, String)>> {
        Pattern::parse(text)
            .groups
            .into_iter()
            .map(|g| {
                g.into_iter()
                    .map(|t| (t.kind, t.inverse, t.text.to_string()))
                    .collect()
            })
            .collect()
    }

    fn one(kind: Kind, inverse: bool, text: &str) -> Vec<(Kind, bool, String)> {
        vec![(kind, inverse, text.to_string())]
    }

    #[test]
    fn operators() {
        assert_eq!(kinds("abc"), vec![one(Kind::Fuzzy, false, "abc")]);
        assert_eq!(kinds("'abc"), vec![one(Kind::Exact, false, "abc")]);
        assert_eq!(kinds("^abc"), vec![one(Kind::Prefix, false, "abc")]);
        assert_eq!(kinds("abc$"), vec![one(Kind::Suffix, false, "abc")]);
        assert_eq!(kinds("^abc$"), vec![one(Kind::Equal, false, "abc")]);
        assert_eq!(kinds("!abc"), vec![one(Kind::Exact, true, "abc")]);
        assert_eq!(kinds("!^abc"), vec![one(Kind::Prefix, true, "abc")]);
        assert_eq!(kinds("!abc$"), vec![one(Kind::Suffix, true, "abc")]);
        assert_eq!(kinds("!'abc"), vec![one(Kind::Fuzzy, true, "abc")]);
    }

    #[test]
    fn terms_are_folded() {
        assert_eq!(kinds("^SØN"), vec![one(Kind::Prefix, false, "son")]);
        assert_eq!(kinds("STRAßE"), vec![one(Kind::Fuzzy, false, "strasse")]);
    }

    #[test]
    fn spaces_separate_and_bars_join() {
        assert_eq!(
            kinds("a  b | c d"),
            vec![
                one(Kind::Fuzzy, false, "a"),
                vec![
                    (Kind::Fuzzy, false, "b".to_string()),
                    (Kind::Fuzzy, false, "c".to_string())
                ],
                one(Kind::Fuzzy, false, "d"),
            ]
        );
        assert_eq!(kinds("a\\ b"), vec![one(Kind::Fuzzy, false, "a b")]);
    }

    #[test]
    fn required_chars_skip_negations_and_intersect_alternatives() {
        use super::super::fold::mask_of;
        assert_eq!(Pattern::parse("ab ^c").required, mask_of("abc"));
        assert_eq!(Pattern::parse("ab !c").required, mask_of("ab"));
        assert_eq!(Pattern::parse("ab | bc").required, mask_of("b"));
        assert_eq!(Pattern::parse("ab | !c").required, 0);
        assert_eq!(Pattern::parse("").required, 0);
    }

    #[test]
    fn repeated_terms_count_once_and_hundreds_are_capped() {
        assert_eq!(kinds("son son ^a son ^a"), kinds("son ^a"));
        let many: Vec<String> = (0..300).map(|i| format!("t{i}")).collect();
        let pattern = Pattern::parse(&many.join(" "));
        assert_eq!(pattern.groups.len(), MAX_GROUPS);
        assert_eq!(&*pattern.groups[0][0].text, "t0");
        let same = Pattern::parse(&"abc ".repeat(300));
        assert_eq!(same.groups.len(), 1);
    }

    #[test]
    fn lone_operators_are_ignored_or_literal() {
        assert!(Pattern::parse("! ^ ' !^ !'").is_empty());
        assert!(Pattern::parse("   ").is_empty());
        assert_eq!(kinds("$"), vec![one(Kind::Fuzzy, false, "$")]);
        // A bar with nothing before it is a literal bar, as in fzf.
        assert_eq!(kinds("|"), vec![one(Kind::Fuzzy, false, "|")]);
        assert_eq!(kinds("a |"), vec![one(Kind::Fuzzy, false, "a")]);
        // A lone combining mark folds to nothing.
        assert!(Pattern::parse("\u{301}").is_empty());
    }
}
