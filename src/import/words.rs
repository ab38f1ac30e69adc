//! English words for rebuilding glued lists: which letter runs are words, and the cheapest way
//! to read a glued run (`structuremobilizing`) as words (`structure` `mobilizing`).
//!
//! The word list is SCOWL's, as Debian packages it (British and American spellings, the
//! common and the large lists: `assets/english-words.txt`, made by `assets/english-words.sh`,
//! licence in `assets/SOURCES.md`), plus the few words of the profiles it lacks
//! (`assets/english-words-extra.txt`), plus the corpus's own vocabulary: a letter run that the
//! imported text uses twice or more is taken for a word, because the scrape's glue joins
//! different words each time and almost never repeats.
//!
//! Segmentation is dynamic programming over word costs: a common word costs 1, a word only
//! in the large lists 1.6 (rarer words are less likely readings), a corpus word 0.8. The
//! cheapest reading wins; a run with no reading in words has none.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const WORDS: &str = include_str!("../../assets/english-words.txt");
const EXTRA_WORDS: &str = include_str!("../../assets/english-words-extra.txt");

/// Cost of a common word, a word only in the large lists, and a word of the corpus.
const COMMON_COST: f32 = 1.0;
const RARE_COST: f32 = 1.6;
const CORPUS_COST: f32 = 0.8;

/// The longest word tried in segmentation, in letters.
const MAX_WORD_LETTERS: usize = 30;

/// Every listed word and its cost.
static LEXICON: LazyLock<HashMap<Box<str>, f32>> = LazyLock::new(|| {
    let mut map = HashMap::with_capacity(120_000);
    let mut previous = String::new();
    for line in WORDS.lines() {
        let mut chars = line.chars();
        let Some(shared) = chars.next().and_then(|c| c.to_digit(36)) else {
            continue;
        };
        let rest = chars.as_str();
        let (rest, cost) = match rest.strip_suffix('~') {
            Some(rest) => (rest, RARE_COST),
            None => (rest, COMMON_COST),
        };
        previous.truncate(shared as usize);
        previous.push_str(rest);
        map.insert(previous.clone().into_boxed_str(), cost);
    }
    for word in EXTRA_WORDS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        map.insert(word.into(), COMMON_COST);
    }
    map
});

/// True when `word` (lowercase) is in the bundled word list.
pub fn is_listed(word: &str) -> bool {
    LEXICON.contains_key(word)
}

/// The words of one import: the bundled list plus the corpus's own vocabulary.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    corpus: HashSet<String>,
}

impl Vocabulary {
    /// The vocabulary of `texts`: every lowercase letter run used at least twice.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for text in texts {
            for run in text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
            {
                *counts.entry(run.to_lowercase()).or_default() += 1;
            }
        }
        Vocabulary {
            corpus: counts
                .into_iter()
                .filter(|&(_, n)| n >= 2)
                .map(|(w, _)| w)
                .collect(),
        }
    }

    /// True when `word` (lowercase) is a word: listed, or used twice in the corpus.
    pub fn knows(&self, word: &str) -> bool {
        self.corpus.contains(word) || is_listed(word)
    }

    fn cost(&self, word: &str) -> Option<f32> {
        if self.corpus.contains(word) {
            Some(CORPUS_COST)
        } else {
            LEXICON.get(word).copied()
        }
    }

    /// The cheapest reading of a run of lowercase ASCII letters as words, or `None` when it
    /// has none (or is not such a run).
    pub fn segment<'a>(&self, run: &'a str) -> Option<Vec<&'a str>> {
        if run.is_empty() || !run.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        let n = run.len();
        // best[i]: the cheapest cost of run[..i] and where its last word starts.
        let mut best: Vec<Option<(f32, usize)>> = vec![None; n + 1];
        best[0] = Some((0.0, 0));
        for end in 1..=n {
            for start in end.saturating_sub(MAX_WORD_LETTERS)..end {
                let (Some((before, _)), Some(cost)) = (best[start], self.cost(&run[start..end]))
                else {
                    continue;
                };
                let total = before + cost;
                if best[end].is_none_or(|(b, _)| total < b) {
                    best[end] = Some((total, start));
                }
            }
        }
        best[n]?;
        let mut words = Vec::new();
        let mut end = n;
        while end > 0 {
            let (_, start) = best[end]?;
            words.push(&run[start..end]);
            end = start;
        }
        words.reverse();
        Some(words)
    }

    /// The ways to read `run` as exactly two words, left part first.
    pub fn two_word_readings<'a>(&self, run: &'a str) -> Vec<(&'a str, &'a str)> {
        if !run.bytes().all(|b| b.is_ascii_lowercase()) {
            return Vec::new();
        }
        (1..run.len())
            .map(|k| run.split_at(k))
            .filter(|(l, r)| self.knows(l) && self.knows(r))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_has_british_and_american_spellings() {
        for word in [
            "neighbourhood",
            "neighborhood",
            "counselling",
            "organise",
            "organize",
            "centred",
            "sustainability",
            "stakeholders",
            "a",
            "to",
            "wellbeing",
        ] {
            assert!(is_listed(word), "{word}");
        }
        assert!(!is_listed("structuremobilizing"));
        assert!(!is_listed("ab"), "two-letter abbreviations are left out");
    }

    #[test]
    fn segments_glued_runs_and_refuses_non_words() {
        let v = Vocabulary::default();
        assert_eq!(
            v.segment("structuremobilizing"),
            Some(vec!["structure", "mobilizing"])
        );
        assert_eq!(v.segment("willcreate"), Some(vec!["will", "create"]));
        assert_eq!(v.segment("wwwszlllnetcn"), None);
        assert_eq!(v.segment("Capital"), None);
    }

    #[test]
    fn words_used_twice_join_the_vocabulary() {
        let v = Vocabulary::from_texts(["lifewidely once", "zorbix and Zorbix"]);
        assert!(v.knows("zorbix"));
        assert!(!v.knows("lifewidely"));
    }
}
