//! Lists whose items the scrape glued together in lowercase, rebuilt into `- ` items:
//! `the following objectivesbuilding a lifelong learning structuremobilizing educational
//! resources...` becomes a lead-in line and one item per objective.
//!
//! `lists` already rebuilds lists glued at a capital (`areasAdult illiteracyChildcare`). Here
//! the glue is between two lowercase words, so the boundary can only be found with a word
//! list (`words`). Being wrong costs more than leaving the glue, so a run is split only when
//! all of these hold:
//!
//! - the run reads as exactly two words in one way only (`structuremobilizing` →
//!   `structure` + `mobilizing`), and is not a word itself (`wellbeing`, `stakeholders`),
//!   nor a run the corpus uses twice;
//! - a list was announced by the run that opens it: its left word is a lead-in (`willcreate`,
//!   `includinghosting`, `tobecome`: "will", "including", "to", "the following", ...) or
//!   follows "the following" (`the following objectivesbuilding`);
//! - every item starts like the first: with an `-ing` form (`building`, `mobilizing`) or with
//!   a verb's base form (`create`, `promote`), so a glued compound such as `earlyyears` or
//!   `roadsafety` inside an item is never a boundary;
//! - at least two items, none longer than 40 words.
//!
//! Only letters are split: no word is moved, dropped or invented (a trailing "and" stays
//! with its item, where the source put it). Names with capitals are never touched: the
//! splitter only reads runs of lowercase letters. The list ends at the end of the line, at a
//! sentence end, or at a lowercase letter glued to a capital (`systemWith`), where the rest
//! becomes a new paragraph.

use super::ImportedMember;
use super::words::Vocabulary;

/// How many glued runs were split into list items, and how many were left as they are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GlueCount {
    pub split: usize,
    pub left: usize,
}

impl std::ops::AddAssign for GlueCount {
    fn add_assign(&mut self, other: GlueCount) {
        self.split += other.split;
        self.left += other.left;
    }
}

/// Left words of a glued run that announce a list (`willcreate`, `includinghosting`).
const LEAD_WORDS: &[&str] = &[
    "following",
    "follows",
    "include",
    "includes",
    "including",
    "comprise",
    "comprises",
    "comprising",
    "namely",
    "will",
    "shall",
    "to",
];

/// Words that cannot end a list item, so a run whose left word is one is no item boundary.
const NO_ITEM_END: &[&str] = &[
    "a", "an", "the", "of", "for", "with", "in", "on", "by", "to", "at", "from", "into", "as",
    "its", "their", "our", "his", "her",
];

/// The longest item still taken for a list item, in words.
const MAX_ITEM_WORDS: usize = 40;

/// How many words may stand between "the following" and the glued run (`the following six
/// actionsreaching`).
const FOLLOWING_GAP_WORDS: usize = 2;

/// How list items start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ItemStart {
    /// An `-ing` form: `building`, `mobilizing`.
    Gerund,
    /// A verb's base form, one with an `-ing` form: `create`, `promote`.
    Base,
}

/// Rebuilds the glued lists of every member's summary and sections, with the vocabulary of
/// all of them; returns the counts.
pub fn rebuild_members(members: &mut [ImportedMember]) -> GlueCount {
    let vocabulary = Vocabulary::from_texts(members.iter().flat_map(|m| {
        [
            &m.record.tagline,
            &m.record.summary,
            &m.record.vision,
            &m.record.challenges,
            &m.record.plan,
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
    }));
    let mut count = GlueCount::default();
    for member in members {
        for field in [
            &mut member.record.summary,
            &mut member.record.vision,
            &mut member.record.challenges,
            &mut member.record.plan,
        ]
        .into_iter()
        .flatten()
        {
            *field = rebuild(field, &vocabulary, &mut count);
        }
    }
    count
}

/// Rebuilds the glued lists of one block of profile text (paragraph lines and `- ` items, as
/// `lists::format` writes it), adding to `count`.
pub fn rebuild(text: &str, vocabulary: &Vocabulary, count: &mut GlueCount) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        if line.starts_with("- ") {
            count.left += line.split(' ').filter(|t| is_glued(t, vocabulary)).count();
            out.push(line.to_string());
        } else {
            rebuild_line(line, vocabulary, count, &mut out);
        }
    }
    out.join("\n")
}

/// A list found in a line.
struct List<'a> {
    /// The left word of the opening run, the end of the lead-in.
    lead: &'a str,
    items: Vec<Vec<&'a str>>,
    /// What follows the list in the token that ends it (`With` of `systemWith`).
    rest: Option<&'a str>,
    /// The token after the list.
    next: usize,
    /// Glued runs inside the items that are not boundaries.
    left: usize,
}

fn rebuild_line(line: &str, vocabulary: &Vocabulary, count: &mut GlueCount, out: &mut Vec<String>) {
    let tokens: Vec<&str> = line.split(' ').filter(|t| !t.is_empty()).collect();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(list) = list_at(&tokens, i, vocabulary) {
            paragraph.push(list.lead);
            flush(&mut paragraph, out);
            for item in &list.items {
                out.push(format!("- {}", item.join(" ")));
            }
            count.split += list.items.len();
            count.left += list.left;
            paragraph.extend(list.rest);
            i = list.next;
            continue;
        }
        if is_glued(tokens[i], vocabulary) {
            count.left += 1;
        }
        paragraph.push(tokens[i]);
        i += 1;
    }
    flush(&mut paragraph, out);
}

fn flush(paragraph: &mut Vec<&str>, out: &mut Vec<String>) {
    if !paragraph.is_empty() {
        out.push(paragraph.join(" "));
        paragraph.clear();
    }
}

/// The list opened by the glued run `tokens[i]`, if it is one (see the module docs).
fn list_at<'a>(tokens: &[&'a str], i: usize, vocabulary: &Vocabulary) -> Option<List<'a>> {
    let (lead, first) = two_words(tokens[i], vocabulary)?;
    if !announces(lead, &tokens[..i]) {
        return None;
    }
    let start = item_start(first, vocabulary)?;
    let mut items: Vec<Vec<&'a str>> = vec![vec![first]];
    let mut left = 0;
    let mut rest = None;
    let mut j = i + 1;
    while j < tokens.len() {
        let token = tokens[j];
        j += 1;
        let current = items.last_mut()?;
        if let Some(k) = capital_glue(token) {
            current.push(&token[..k]);
            rest = Some(&token[k..]);
            break;
        }
        if let Some((end, next)) = item_boundary(token, start, vocabulary) {
            current.push(end);
            items.push(vec![next]);
            continue;
        }
        if is_glued(token, vocabulary) {
            left += 1;
        }
        current.push(token);
        if token.ends_with(['.', '!', '?']) {
            break;
        }
    }
    let well_formed = items.len() >= 2 && items.iter().all(|item| item.len() <= MAX_ITEM_WORDS);
    well_formed.then_some(List {
        lead,
        items,
        rest,
        next: j,
        left,
    })
}

/// True when a glued run whose left word is `lead`, after the words `before`, opens a list.
fn announces(lead: &str, before: &[&str]) -> bool {
    if LEAD_WORDS.contains(&lead) {
        return true;
    }
    (0..=FOLLOWING_GAP_WORDS).any(|gap| {
        let n = before.len();
        n >= gap + 2
            && before[n - gap - 1].eq_ignore_ascii_case("following")
            && before[n - gap - 2].eq_ignore_ascii_case("the")
    })
}

/// A glued run: lowercase letters only, not a word, readable as two words or more.
fn is_glued(token: &str, vocabulary: &Vocabulary) -> bool {
    token.len() >= 4
        && token.bytes().all(|b| b.is_ascii_lowercase())
        && !vocabulary.knows(token)
        && vocabulary.segment(token).is_some_and(|w| w.len() >= 2)
}

/// The two words of a glued run that reads as exactly two.
fn two_words<'a>(token: &'a str, vocabulary: &Vocabulary) -> Option<(&'a str, &'a str)> {
    if !is_glued(token, vocabulary) {
        return None;
    }
    match vocabulary.segment(token)?.as_slice() {
        [left, right] => Some((left, right)),
        _ => None,
    }
}

/// The boundary between two items in a glued run: the end of one and the start of the next.
fn item_boundary<'a>(
    token: &'a str,
    start: ItemStart,
    vocabulary: &Vocabulary,
) -> Option<(&'a str, &'a str)> {
    let (end, next) = two_words(token, vocabulary)?;
    if NO_ITEM_END.contains(&end) || item_start(next, vocabulary) != Some(start) {
        return None;
    }
    // Any other reading that also starts an item makes the boundary uncertain.
    let readings = vocabulary
        .two_word_readings(token)
        .into_iter()
        .filter(|&(_, r)| item_start(r, vocabulary) == Some(start))
        .count();
    (readings == 1).then_some((end, next))
}

/// How `word` could start a list item, if at all.
fn item_start(word: &str, vocabulary: &Vocabulary) -> Option<ItemStart> {
    if !vocabulary.knows(word) {
        return None;
    }
    if let Some(stem) = word.strip_suffix("ing")
        && stem.len() >= 2
    {
        let doubled =
            stem.len() >= 3 && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2];
        if vocabulary.knows(stem)
            || vocabulary.knows(&format!("{stem}e"))
            || (doubled && vocabulary.knows(&stem[..stem.len() - 1]))
        {
            return Some(ItemStart::Gerund);
        }
    }
    let last = word.chars().last()?;
    let has_gerund = vocabulary.knows(&format!("{word}ing"))
        || word
            .strip_suffix('e')
            .is_some_and(|s| !s.ends_with('e') && vocabulary.knows(&format!("{s}ing")))
        || vocabulary.knows(&format!("{word}{last}ing"))
        || word
            .strip_suffix("ie")
            .is_some_and(|s| vocabulary.knows(&format!("{s}ying")));
    has_gerund.then_some(ItemStart::Base)
}

/// Where a lowercase run of three letters or more is glued to a capital (`systemWith`): a new
/// sentence after the list. Not inside names that start with a capital (`EcCoWell`).
fn capital_glue(token: &str) -> Option<usize> {
    let mut run_start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in token.char_indices() {
        if c.is_alphabetic() && !prev.is_some_and(char::is_alphabetic) {
            run_start = i;
        }
        if c.is_uppercase() && prev.is_some_and(char::is_lowercase) {
            let run = &token[run_start..i];
            if run.chars().count() >= 3 && run.chars().all(char::is_lowercase) {
                return Some(i);
            }
        }
        prev = Some(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebuilt(text: &str) -> (String, GlueCount) {
        let mut count = GlueCount::default();
        let out = rebuild(text, &Vocabulary::default(), &mut count);
        (out, count)
    }

    #[test]
    fn a_list_after_the_following() {
        let (out, count) = rebuilt(
            "It will pursue the following objectivesbuilding a structuremobilizing resources andattracting experts",
        );
        assert_eq!(
            out,
            "It will pursue the following objectives\n- building a structure\n- mobilizing resources and\n- attracting experts"
        );
        assert_eq!(count, GlueCount { split: 3, left: 0 });
    }

    #[test]
    fn compounds_inside_items_are_no_boundaries() {
        let (out, count) = rebuilt(
            "The city willcreate spacespromote events on earlyyears education and roadsafety",
        );
        assert_eq!(
            out,
            "The city will\n- create spaces\n- promote events on earlyyears education and roadsafety"
        );
        assert_eq!(count, GlueCount { split: 2, left: 2 });
    }

    #[test]
    fn no_announcement_no_split() {
        let (out, count) = rebuilt(
            "Beijing has nine projects as learning cityestablishing an areaproviding training",
        );
        assert_eq!(
            out,
            "Beijing has nine projects as learning cityestablishing an areaproviding training"
        );
        assert_eq!(count, GlueCount { split: 0, left: 2 });
    }

    #[test]
    fn a_single_item_is_no_list() {
        let (out, count) = rebuilt("Beijing willharness the power of learning");
        assert_eq!(out, "Beijing willharness the power of learning");
        assert_eq!(count, GlueCount { split: 0, left: 1 });
    }

    #[test]
    fn a_capital_glued_after_the_list_starts_a_paragraph() {
        let (out, _) = rebuilt("It includeshosting seminarsrunning a systemWith these pillars");
        assert_eq!(
            out,
            "It includes\n- hosting seminars\n- running a system\nWith these pillars"
        );
    }
}
