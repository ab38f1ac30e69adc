//! Answering a text query: which members match, with what score, in what order.
//!
//! Every required clause becomes a list of (member, score) ascending by member: a word's
//! postings as stored, a prefix's words merged (a member scores its best matching word, so a
//! prefix matching many forms of one word does not outweigh a plain word), a phrase's words
//! intersected and summed. The shortest list drives: each of its members is looked up in the
//! others by galloping search, so "lighthouses learning" costs about the length of the rare
//! word's list, not of the common one's. Exclusions are looked up the same way. Phrases are
//! checked last, on the forward index, only for members that passed everything else.
//!
//! The result, [`TextMatches`], is indexed by member, not ranked, so the query engine can walk
//! it with its facet tests and counts exactly as it walks name matches, then ask
//! [`TextIndex::rank`] to order the members it keeps.

use super::TextIndex;
use super::peers::sortable;
use super::query::{Term, TextQuery};
use memchr::memmem::Finder;
use std::borrow::Cow;

/// One ranked hit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextHit {
    /// Index into the members the index was built from.
    pub member: usize,
    /// BM25F relevance, higher is better; 0 for a query with exclusions only.
    pub score: f32,
}

/// Every member a query matches, ascending by member index, with its score.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextMatches {
    members: Vec<u32>,
    scores: Vec<f32>,
}

impl TextMatches {
    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// (member, score), ascending by member.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (usize, f32)> + '_ {
        self.members
            .iter()
            .zip(&self.scores)
            .map(|(&m, &s)| (m as usize, s))
    }

    /// The score of `member`, if it matches.
    pub fn score(&self, member: usize) -> Option<f32> {
        let m = u32::try_from(member).ok()?;
        let at = self.members.binary_search(&m).ok()?;
        Some(self.scores[at])
    }

    pub fn contains(&self, member: usize) -> bool {
        self.score(member).is_some()
    }
}

/// A clause's members and scores, borrowed from the index or built for the query.
struct List<'a> {
    members: Cow<'a, [u32]>,
    scores: Cow<'a, [f32]>,
    /// For a phrase: a search for its encoded word ids in the forward index.
    phrase: Option<Finder<'static>>,
    /// Galloping cursor.
    at: usize,
}

impl List<'_> {
    /// Moves the cursor to `member` or past it; its score when it is there.
    fn seek(&mut self, member: u32) -> Option<f32> {
        let members = &self.members[..];
        let mut lo = self.at;
        if lo >= members.len() || members[lo] > member {
            return None;
        }
        let mut step = 1;
        let mut hi = lo + 1;
        while hi < members.len() && members[hi] <= member {
            lo = hi;
            hi += step;
            step *= 2;
        }
        let hi = hi.min(members.len());
        let at = lo + members[lo..hi].partition_point(|&m| m < member);
        self.at = at;
        (at < members.len() && members[at] == member).then(|| self.scores[at])
    }
}

impl TextIndex {
    /// Every member matching `query`, with its score. An empty query matches every member
    /// (score 0); a query of exclusions only matches every member not excluded, whether or
    /// not it has profile text.
    pub fn matches(&self, query: &TextQuery) -> TextMatches {
        let mut required: Vec<List<'_>> = Vec::new();
        let mut excluded: Vec<List<'_>> = Vec::new();
        for clause in query.clauses() {
            match (self.list(&clause.term), clause.negated) {
                (Some(list), false) => required.push(list),
                (Some(list), true) => excluded.push(list),
                (None, false) => return TextMatches::default(),
                (None, true) => {}
            }
        }
        required.sort_by_key(|l| l.members.len());
        let mut out = TextMatches::default();
        let mut consider = |m: u32,
                            mut score: f32,
                            own_phrase: Option<&Finder<'static>>,
                            rest: &mut [List<'_>],
                            out: &mut TextMatches| {
            for list in rest.iter_mut() {
                match list.seek(m) {
                    Some(s) => score += s,
                    None => return,
                }
            }
            for list in &mut excluded {
                if list.seek(m).is_some()
                    && list.phrase.as_ref().is_none_or(|p| self.has_phrase(m, p))
                {
                    return;
                }
            }
            let phrases_hold = own_phrase
                .into_iter()
                .chain(rest.iter().filter_map(|l| l.phrase.as_ref()))
                .all(|p| self.has_phrase(m, p));
            if phrases_hold {
                out.members.push(m);
                out.scores.push(score);
            }
        };
        match required.split_first_mut() {
            None => {
                for m in 0..self.members as u32 {
                    consider(m, 0.0, None, &mut [], &mut out);
                }
            }
            Some((driver, rest)) => {
                for (k, &m) in driver.members.iter().enumerate() {
                    consider(m, driver.scores[k], driver.phrase.as_ref(), rest, &mut out);
                }
            }
        }
        out
    }

    /// The members of `matches` that `keep` accepts, ranked by score (best first), ties by
    /// city name (folded, then as written, then index: the order name search lists them).
    pub fn rank(&self, matches: &TextMatches, mut keep: impl FnMut(usize) -> bool) -> Vec<TextHit> {
        let mut keyed: Vec<u64> = Vec::with_capacity(matches.len());
        for (m, score) in matches.iter() {
            if keep(m) {
                let rank = self.name_rank[m];
                keyed.push(u64::from(!sortable(score)) << 32 | u64::from(rank));
            }
        }
        keyed.sort_unstable();
        keyed
            .into_iter()
            .map(|key| {
                let member = self.name_order[(key & 0xffff_ffff) as usize] as usize;
                TextHit {
                    member,
                    score: f32::from_bits(!(key >> 32) as u32),
                }
            })
            .collect()
    }

    /// [`TextIndex::matches`] ranked, every match kept.
    pub fn search(&self, query: &TextQuery) -> Vec<TextHit> {
        self.rank(&self.matches(query), |_| true)
    }

    /// The list of one term, `None` when no member can match it.
    fn list(&self, term: &Term) -> Option<List<'_>> {
        match term {
            Term::Word(word) => {
                let (members, scores) = self.postings(self.vocab.id(word)?);
                Some(List {
                    members: Cow::Borrowed(members),
                    scores: Cow::Borrowed(scores),
                    phrase: None,
                    at: 0,
                })
            }
            Term::Prefix(prefix) => {
                let ids = self.vocab.with_prefix(prefix);
                match ids[..] {
                    [] => None,
                    [id] => self.list(&Term::Word(self.vocab.terms[id as usize].to_string())),
                    _ => Some(self.union_best(&ids)),
                }
            }
            Term::Phrase(words) => {
                let ids: Vec<u32> = words
                    .iter()
                    .map(|w| self.vocab.id(w))
                    .collect::<Option<_>>()?;
                let mut lists: Vec<List<'_>> = ids
                    .iter()
                    .map(|&id| {
                        let (members, scores) = self.postings(id);
                        List {
                            members: Cow::Borrowed(members),
                            scores: Cow::Borrowed(scores),
                            phrase: None,
                            at: 0,
                        }
                    })
                    .collect();
                lists.sort_by_key(|l| l.members.len());
                let (driver, rest) = lists.split_first_mut()?;
                let mut members = Vec::new();
                let mut scores = Vec::new();
                'next: for (k, &m) in driver.members.iter().enumerate() {
                    let mut score = driver.scores[k];
                    for list in rest.iter_mut() {
                        match list.seek(m) {
                            Some(s) => score += s,
                            None => continue 'next,
                        }
                    }
                    members.push(m);
                    scores.push(score);
                }
                Some(List {
                    members: Cow::Owned(members),
                    scores: Cow::Owned(scores),
                    phrase: Some(Finder::new(&encode(&ids)).into_owned()),
                    at: 0,
                })
            }
        }
    }

    /// The members using any of the words `ids`, each with its best score.
    fn union_best(&self, ids: &[u32]) -> List<'_> {
        let mut best = vec![-1.0f32; self.members];
        for &id in ids {
            let (members, scores) = self.postings(id);
            for (&m, &s) in members.iter().zip(scores) {
                let slot = &mut best[m as usize];
                if s > *slot {
                    *slot = s;
                }
            }
        }
        let mut members = Vec::new();
        let mut scores = Vec::new();
        for (m, &s) in best.iter().enumerate() {
            if s >= 0.0 {
                members.push(m as u32);
                scores.push(s);
            }
        }
        List {
            members: Cow::Owned(members),
            scores: Cow::Owned(scores),
            phrase: None,
            at: 0,
        }
    }

    /// True when member `m`'s text has the phrase (`finder` searches its encoded word ids)
    /// adjacent, in order and in one field. Varints end with a byte below 0x80, so a byte
    /// match starting right after one (or at the start) is a match of whole words; field ends
    /// are the byte 0, which no phrase contains.
    fn has_phrase(&self, m: u32, finder: &Finder<'_>) -> bool {
        let bytes = self.forward_bytes(m as usize);
        finder
            .find_iter(bytes)
            .any(|p| p == 0 || bytes[p - 1] & 0x80 == 0)
    }
}

/// Word ids as the forward index stores them.
fn encode(ids: &[u32]) -> Vec<u8> {
    let mut out = Vec::new();
    for &id in ids {
        super::index::push_varint(&mut out, id);
    }
    out
}
