//! Cluster inference. The source documents never say which city is in which cluster, so a
//! member whose dataset entry states no clusters gets them from its profile text, by a keyword
//! lexicon kept as data (`assets/cluster-lexicon.json`). Members carry
//! `ClusterBasis::Inferred` so that every screen can say it is an inference, and [`evidence`]
//! says which keywords matched, so the inference can be checked by a reader.
//!
//! The rule (also in the lexicon file and in README.md): the profile text is split into
//! folded words (runs of letters and digits, with a break where a lowercase letter meets an
//! uppercase one, because the scraped listing glues words together). A keyword is one or more
//! such words that must occur consecutively in one field; a trailing `*` makes its last word a
//! prefix. The lexicon is compiled once into a byte trie of first words, so inference is one
//! pass over the words of a member, walking each word's bytes once.

use super::{Cluster, Member};
use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;

/// The lexicon file, embedded so an installed binary needs no files.
pub const LEXICON_JSON: &str = include_str!("../../assets/cluster-lexicon.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    #[serde(default)]
    about: String,
    rule: String,
    clusters: Vec<RawCluster>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCluster {
    id: String,
    keywords: Vec<String>,
}

/// One keyword, compiled.
struct Entry {
    cluster: Cluster,
    /// As written in the lexicon (shown as evidence).
    keyword: String,
    /// Its folded words.
    words: Vec<String>,
    /// The last word is a prefix.
    prefix: bool,
}

/// A node of the byte trie over the entries' first words.
#[derive(Default)]
struct Node {
    /// Child nodes by next byte (few per node; the root has at most one per letter).
    children: Vec<(u8, usize)>,
    /// Entries whose first word is exactly the path to this node (single words and phrases).
    exact: Vec<usize>,
    /// Single-word prefix entries whose prefix is the path to this node.
    prefix: Vec<usize>,
}

/// The compiled lexicon: entries sorted by cluster, and a trie of their first words, so each
/// word of the text is looked up by one walk over its bytes.
struct Lexicon {
    about: String,
    rule: String,
    entries: Vec<Entry>,
    /// `trie[0]` is the root.
    trie: Vec<Node>,
    /// The root's children by byte (0: none), looked up directly: every word of the text
    /// starts at the root, which has the most children.
    root: Vec<u32>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    // A broken embedded lexicon is a build error caught by the unit tests; at run time it
    // means no inference rather than a panic.
    compile(LEXICON_JSON).unwrap_or_else(|_| Lexicon {
        about: String::new(),
        rule: String::new(),
        entries: Vec::new(),
        trie: vec![Node::default()],
        root: vec![0; 256],
    })
});

/// Splits `text` into folded words, appended to `buf`, their byte ranges to `words`.
/// Words break at anything that is not a letter or digit, and where a lowercase letter is
/// directly followed by an uppercase one (`illiteracyChildcare`). Combining marks belong to
/// their letter.
fn tokenize(text: &str, buf: &mut String, words: &mut Vec<Range<usize>>) {
    let mut start: Option<usize> = None;
    let mut prev_lower = false;
    for c in text.chars() {
        if c.is_ascii() {
            // The fast path for most text: no tables, no folding beyond lowercase.
            if c.is_ascii_alphanumeric() {
                if prev_lower
                    && c.is_ascii_uppercase()
                    && let Some(s) = start.take()
                {
                    words.push(s..buf.len());
                }
                prev_lower = c.is_ascii_lowercase();
                if start.is_none() {
                    start = Some(buf.len());
                }
                buf.push(c.to_ascii_lowercase());
            } else {
                if let Some(s) = start.take() {
                    words.push(s..buf.len());
                }
                prev_lower = false;
            }
            continue;
        }
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if !c.is_alphanumeric() {
            if let Some(s) = start.take() {
                words.push(s..buf.len());
            }
            prev_lower = false;
            continue;
        }
        if prev_lower
            && c.is_uppercase()
            && let Some(s) = start.take()
        {
            words.push(s..buf.len());
        }
        prev_lower = c.is_lowercase();
        let begin = buf.len();
        crate::text::for_each_folded(c, |f| {
            if f.is_alphanumeric() {
                buf.push(f);
            }
        });
        if start.is_none() && buf.len() > begin {
            start = Some(begin);
        }
    }
    if let Some(s) = start {
        words.push(s..buf.len());
    }
}

/// Parses and checks the lexicon; the error says what is wrong, for the unit test.
fn compile(json: &str) -> Result<Lexicon, String> {
    let raw: RawLexicon = serde_json::from_str(json).map_err(|e| format!("lexicon: {e}"))?;
    let mut entries = Vec::new();
    for cluster in &raw.clusters {
        let id = Cluster::ALL
            .into_iter()
            .find(|c| c.id() == cluster.id)
            .ok_or_else(|| format!("unknown cluster id `{}`", cluster.id))?;
        for keyword in &cluster.keywords {
            let (body, prefix) = match keyword.strip_suffix('*') {
                Some(body) => (body, true),
                None => (keyword.as_str(), false),
            };
            if body.contains('*') {
                return Err(format!("`{keyword}`: `*` only at the end"));
            }
            if crate::text::fold(body) != body {
                return Err(format!("`{keyword}`: write keywords folded and lowercase"));
            }
            let mut buf = String::new();
            let mut ranges = Vec::new();
            tokenize(body, &mut buf, &mut ranges);
            if ranges.is_empty() {
                return Err(format!("`{keyword}` has no words"));
            }
            let words = ranges.into_iter().map(|r| buf[r].to_string()).collect();
            if entries
                .iter()
                .any(|e: &Entry| e.cluster == id && e.keyword == *keyword)
            {
                return Err(format!("`{keyword}` is listed twice for {}", id.id()));
            }
            entries.push(Entry {
                cluster: id,
                keyword: keyword.clone(),
                words,
                prefix,
            });
        }
    }
    entries.sort_by_key(|e| e.cluster);
    let mut trie = vec![Node::default()];
    for (i, e) in entries.iter().enumerate() {
        let mut node = 0;
        for &b in e.words[0].as_bytes() {
            node = if let Some(&(_, child)) = trie[node].children.iter().find(|(c, _)| *c == b) {
                child
            } else {
                trie.push(Node::default());
                let child = trie.len() - 1;
                trie[node].children.push((b, child));
                child
            };
        }
        if e.prefix && e.words.len() == 1 {
            trie[node].prefix.push(i);
        } else {
            trie[node].exact.push(i);
        }
    }
    let mut root = vec![0; 256];
    for &(b, child) in &trie[0].children {
        root[usize::from(b)] = child as u32;
    }
    Ok(Lexicon {
        about: raw.about,
        rule: raw.rule,
        entries,
        trie,
        root,
    })
}

impl Lexicon {
    /// True when entry `e` (whose first word matched word `i`) matches the words after `i`.
    fn rest_matches(&self, e: usize, buf: &str, words: &[Range<usize>], i: usize) -> bool {
        let entry = &self.entries[e];
        let n = entry.words.len();
        if i + n > words.len() {
            return false;
        }
        entry.words.iter().enumerate().skip(1).all(|(k, pattern)| {
            let word = &buf[words[i + k].clone()];
            if entry.prefix && k == n - 1 {
                word.starts_with(pattern.as_str())
            } else {
                word == pattern
            }
        })
    }

    /// Marks in `found` every entry that matches the words of one field.
    fn scan(&self, buf: &str, words: &[Range<usize>], found: &mut [bool]) {
        for (i, range) in words.iter().enumerate() {
            let mut node = &self.trie[0];
            let mut whole_word = true;
            for (k, &b) in buf.as_bytes()[range.clone()].iter().enumerate() {
                for &e in &node.prefix {
                    found[e] = true;
                }
                let next = if k == 0 {
                    Some(self.root[usize::from(b)] as usize).filter(|&c| c != 0)
                } else {
                    node.children.iter().find(|(c, _)| *c == b).map(|&(_, c)| c)
                };
                if let Some(child) = next {
                    node = &self.trie[child];
                } else {
                    whole_word = false;
                    break;
                }
            }
            if whole_word {
                for &e in &node.prefix {
                    found[e] = true;
                }
                for &e in &node.exact {
                    if self.rest_matches(e, buf, words, i) {
                        found[e] = true;
                    }
                }
            }
        }
    }

    /// Which entries match the member's profile text.
    fn matches(&self, member: &Member) -> Vec<bool> {
        let mut found = vec![false; self.entries.len()];
        let mut buf = String::new();
        let mut words = Vec::new();
        let fields = [
            &member.tagline,
            &member.summary,
            &member.vision,
            &member.challenges,
            &member.plan,
        ];
        for text in fields.into_iter().flatten() {
            buf.clear();
            words.clear();
            tokenize(text, &mut buf, &mut words);
            self.scan(&buf, &words, &mut found);
        }
        found
    }
}

/// The clusters whose keywords occur in the member's profile text, in [`Cluster`] order.
/// A member without profile text gets none.
pub fn infer_for(member: &Member) -> Vec<Cluster> {
    let lexicon: &'static Lexicon = &LEXICON;
    let found = lexicon.matches(member);
    let mut clusters: Vec<Cluster> = Vec::new();
    for (e, hit) in lexicon.entries.iter().zip(found) {
        if hit && clusters.last() != Some(&e.cluster) {
            clusters.push(e.cluster);
        }
    }
    clusters
}

/// Why [`infer_for`] gives what it gives: each inferred cluster, in [`Cluster`] order, with
/// the lexicon keywords (as written in the lexicon) that matched the member's text.
pub fn evidence(member: &Member) -> Vec<(Cluster, Vec<&'static str>)> {
    let lexicon: &'static Lexicon = &LEXICON;
    let found = lexicon.matches(member);
    let mut out: Vec<(Cluster, Vec<&'static str>)> = Vec::new();
    for (e, hit) in lexicon.entries.iter().zip(found) {
        if !hit {
            continue;
        }
        match out.last_mut() {
            Some((cluster, keywords)) if *cluster == e.cluster => keywords.push(&e.keyword),
            _ => out.push((e.cluster, vec![&e.keyword])),
        }
    }
    out
}

/// The keywords of one cluster, as written in the lexicon.
pub fn keywords(cluster: Cluster) -> Vec<&'static str> {
    let lexicon: &'static Lexicon = &LEXICON;
    lexicon
        .entries
        .iter()
        .filter(|e| e.cluster == cluster)
        .map(|e| e.keyword.as_str())
        .collect()
}

/// The matching rule, in words, as the lexicon file states it.
pub fn rule() -> &'static str {
    let lexicon: &'static Lexicon = &LEXICON;
    &lexicon.rule
}

/// What the lexicon is, in words, as the lexicon file states it.
pub fn about() -> &'static str {
    let lexicon: &'static Lexicon = &LEXICON;
    &lexicon.about
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClusterBasis, Region};

    fn member(summary: &str) -> Member {
        Member {
            id: "x".into(),
            city: "X".into(),
            country: "Y".into(),
            region: Region::Africa,
            clusters: Vec::new(),
            cluster_basis: ClusterBasis::Inferred,
            joined: None,
            joined_basis: None,
            tagline: None,
            summary: Some(summary.into()),
            vision: None,
            challenges: None,
            plan: None,
            awards: Vec::new(),
            coordinates: None,
            coordinates_of: None,
            source: None,
            sources: Vec::new(),
        }
    }

    fn words(text: &str) -> Vec<String> {
        let mut buf = String::new();
        let mut ranges = Vec::new();
        tokenize(text, &mut buf, &mut ranges);
        ranges.into_iter().map(|r| buf[r].to_string()).collect()
    }

    #[test]
    fn the_embedded_lexicon_is_valid_and_covers_every_cluster() {
        let lexicon = compile(LEXICON_JSON).unwrap_or_else(|e| panic!("{e}"));
        for cluster in Cluster::ALL {
            assert!(
                lexicon.entries.iter().any(|e| e.cluster == cluster),
                "{cluster:?} has no keywords"
            );
        }
        assert!(!rule().is_empty());
        assert!(!about().is_empty());
    }

    #[test]
    fn compile_refuses_bad_lexicons() {
        let bad = |clusters: &str| compile(&format!(r#"{{"rule": "r", "clusters": {clusters}}}"#));
        assert!(bad(r#"[{"id": "nope", "keywords": ["a"]}]"#).is_err());
        assert!(bad(r#"[{"id": "literacy", "keywords": ["Reading"]}]"#).is_err());
        assert!(bad(r#"[{"id": "literacy", "keywords": ["re*ad"]}]"#).is_err());
        assert!(bad(r#"[{"id": "literacy", "keywords": ["--"]}]"#).is_err());
        assert!(bad(r#"[{"id": "literacy", "keywords": ["a", "a"]}]"#).is_err());
        assert!(bad(r#"[{"id": "literacy", "keywords": ["a", "b*"]}]"#).is_ok());
    }

    #[test]
    fn tokenize_folds_and_splits_glued_words() {
        assert_eq!(
            words("Adult illiteracyChildcare"),
            ["adult", "illiteracy", "childcare"]
        );
        assert_eq!(words("WELL-BEING, Santé"), ["well", "being", "sante"]);
        assert_eq!(words("CO2 PhD"), ["co2", "ph", "d"]);
        assert_eq!(words("Bouake\u{301}Bouaké"), ["bouake", "bouake"]);
        assert!(words("  -- ").is_empty());
    }

    #[test]
    fn keywords_match_whole_words_unless_starred() {
        assert_eq!(infer_for(&member("the book")), [Cluster::Literacy]);
        // "book" is a whole word: "bookkeeping" and "facebook" are not books.
        assert!(infer_for(&member("bookkeeping on Facebook")).is_empty());
        // "sustainab*" is a prefix.
        assert_eq!(
            infer_for(&member("Sustainability")),
            [Cluster::SustainableDevelopment]
        );
        // But a prefix still starts at a word boundary, and the whole prefix must be there.
        assert!(infer_for(&member("unsustainable")).is_empty());
        assert!(infer_for(&member("sustain sustaina")).is_empty());
        // Exact words that share a start with others: "health" is not "healthy".
        assert!(infer_for(&member("healthy and steady economic growth")).is_empty());
        assert_eq!(
            evidence(&member("healthcare and health")),
            [(Cluster::HealthWellbeing, vec!["health", "healthcare"])]
        );
    }

    #[test]
    fn phrases_match_consecutive_words_in_one_field() {
        let m = member("promote well-being");
        assert_eq!(
            evidence(&m),
            [(Cluster::HealthWellbeing, vec!["well-being"])]
        );
        assert_eq!(infer_for(&member("Well being")), [Cluster::HealthWellbeing]);
        // Punctuation between the words is ignored: the scraped source has lost it anyway.
        assert_eq!(
            infer_for(&member("as well, being")),
            [Cluster::HealthWellbeing]
        );
        assert!(infer_for(&member("well and being")).is_empty());
        // A phrase does not run from one field into the next.
        let mut m = member("the global");
        m.vision = Some("Citizens".into());
        assert!(infer_for(&m).is_empty());
        // A starred phrase: "global citizen*".
        assert_eq!(
            evidence(&member("Global Citizenship Education")),
            [(
                Cluster::GlobalCitizenship,
                vec!["global citizen*", "citizenship"]
            )]
        );
    }

    #[test]
    fn no_text_no_clusters() {
        let mut m = member("");
        m.summary = None;
        assert!(infer_for(&m).is_empty());
        assert!(evidence(&m).is_empty());
    }

    #[test]
    fn clusters_come_in_cluster_order_whatever_the_text_order() {
        let m = member("Adult illiteracy, health, gender equality and sustainability");
        assert_eq!(
            infer_for(&m),
            [
                Cluster::SustainableDevelopment,
                Cluster::EquityInclusion,
                Cluster::HealthWellbeing,
                Cluster::Literacy
            ]
        );
        let ev = evidence(&m);
        assert_eq!(ev.len(), 4);
        assert_eq!(
            ev[1],
            (Cluster::EquityInclusion, vec!["equality", "gender"])
        );
    }

    #[test]
    fn keywords_lists_the_lexicon_per_cluster() {
        let literacy = keywords(Cluster::Literacy);
        assert!(literacy.contains(&"literacy"));
        assert!(literacy.contains(&"illiteracy"));
        assert!(keywords(Cluster::SustainableDevelopment).contains(&"sustainab*"));
    }
}
