//! "Cities like this one": members ranked by how similar their profiles are, and why.
//!
//! Each profile is a TF-IDF vector: for each word, `(1 + ln tf) · ln(P / df)`, where `tf`
//! counts its occurrences weighted by field as in search (tagline 3×...), `P` is the number of
//! profiles and `df` how many use the word. A word every profile uses weighs exactly 0. Word
//! pairs (bigrams such as "mobile libraries") are terms too when both words are used by fewer
//! than half the profiles; numbers are left out (shared years say little about shared work).
//!
//! To keep a peers query a sparse dot product, each member keeps only its
//! [`PEER_TERMS`] heaviest terms that another profile also uses, plus, for the norm, the
//! terms no other profile uses (they can never be shared, so they only lower similarity, as
//! in a full cosine). Similarity is the exact cosine of these vectors. An inverted list per
//! term gives the members that keep it, so a query visits only members sharing a kept term.
//!
//! Each peer is explained by the shared terms that contribute most to the dot product, plus
//! the clusters, region, country and joining year the two have in common. A member without
//! profile text (or sharing no term with anyone) gets peers by country, region and joining
//! year instead, and [`Peers::basis`] says so.

use super::TextIndex;
use super::index::{SEPARATOR, Vocabulary};
use crate::model::{Cluster, Member};
use std::collections::{HashMap, HashSet};

/// How many shareable terms each member's vector keeps.
pub const PEER_TERMS: usize = 48;
/// English function words, never peer terms (see the module docs). Sorted, for binary search.
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do",
    "does", "each", "either", "every", "few", "for", "from", "further", "had", "has", "have",
    "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is",
    "it", "its", "itself", "just", "many", "may", "me", "might", "more", "most", "much", "must",
    "my", "neither", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other",
    "our", "ours", "out", "over", "own", "same", "shall", "she", "should", "since", "so", "some",
    "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they",
    "this", "those", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very",
    "via", "was", "we", "well", "were", "what", "when", "where", "whether", "which", "while",
    "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you",
    "your",
];

/// How many shared terms explain a peer.
pub const SHARED_TERMS: usize = 5;

type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// What a peer ranking is based on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeerBasis {
    /// Similarity of the profile texts.
    ProfileText,
    /// The member has no profile text (or shares no word with any other), so peers are only
    /// the members with the same country, region or joining year.
    CountryRegionJoined,
}

/// One similar member.
#[derive(Debug, Clone, PartialEq)]
pub struct Peer {
    /// Index into the members the index was built from.
    pub member: usize,
    /// Cosine similarity in `0..=1` (text basis), or the facet score in `0..=1`: country 0.5,
    /// region 0.25, joining year 0.25.
    pub score: f32,
    /// The distinctive terms both profiles use, most telling first (at most [`SHARED_TERMS`]).
    pub shared_terms: Vec<String>,
    /// Clusters both members are in, in `Cluster::ALL` order.
    pub shared_clusters: Vec<Cluster>,
    pub same_region: bool,
    pub same_country: bool,
    /// The joining year, when both joined the same year.
    pub same_joined: Option<u16>,
}

/// A member's peers, best first, ties by name, never the member itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Peers {
    pub basis: PeerBasis,
    pub peers: Vec<Peer>,
}

/// The peer vectors, built with the text index.
#[derive(Debug, Clone, Default)]
pub(super) struct PeerIndex {
    /// Feature ids below this are word ids; from it on, `bigrams[id - first_bigram]`.
    first_bigram: u32,
    bigrams: Vec<(u32, u32)>,
    /// Member `m`'s kept terms, by ascending feature id: `lists[list_offsets[m]..[m + 1]]`.
    list_offsets: Vec<usize>,
    lists: Vec<(u32, f32)>,
    norms: Vec<f32>,
    /// Members keeping feature `f`: `inverse[inverse_offsets[f]..[f + 1]]`, ascending.
    inverse_offsets: Vec<usize>,
    inverse: Vec<(u32, f32)>,
}

/// Builds the peer vectors member by member.
pub(super) struct PeerInput<'a> {
    vocab: &'a Vocabulary,
    df: &'a [u32],
    profiled: f32,
    /// Profiles using each eligible word pair, keyed `first << 32 | second`.
    bigram_df: FastMap<u64, u32>,
    bigram_ids: FastMap<u64, u32>,
    bigrams: Vec<(u32, u32)>,
    list_offsets: Vec<usize>,
    /// Kept terms with bigram keys (`>= 1 << 32`) not yet renumbered.
    lists: Vec<(u64, f32)>,
    norms: Vec<f32>,
    local: FastMap<u64, f32>,
    candidates: Vec<(u64, f32)>,
}

impl<'a> PeerInput<'a> {
    /// Counts the eligible word pairs of every member (`stream` as in `index`).
    pub fn new(
        vocab: &'a Vocabulary,
        df: &'a [u32],
        profiled: usize,
        stream: &[u32],
        stream_offsets: &[usize],
    ) -> PeerInput<'a> {
        let mut input = PeerInput {
            vocab,
            df,
            profiled: profiled as f32,
            bigram_df: FastMap::default(),
            bigram_ids: FastMap::default(),
            bigrams: Vec::new(),
            list_offsets: vec![0],
            lists: Vec::new(),
            norms: Vec::new(),
            local: FastMap::default(),
            candidates: Vec::new(),
        };
        let mut seen: HashSet<u64, foldhash::fast::FixedState> = HashSet::default();
        for m in 0..stream_offsets.len().saturating_sub(1) {
            seen.clear();
            input.for_each_bigram(&stream[stream_offsets[m]..stream_offsets[m + 1]], |key| {
                seen.insert(key);
            });
            for &key in &seen {
                *input.bigram_df.entry(key).or_insert(0) += 1;
            }
        }
        input
    }

    fn eligible_in_bigram(&self, id: u32) -> bool {
        (self.df[id as usize] as f32) * 2.0 < self.profiled && !self.is_noise(id)
    }

    /// Numbers and function words.
    fn is_noise(&self, id: u32) -> bool {
        let term = &*self.vocab.terms[id as usize];
        term.chars().all(|c| c.is_ascii_digit()) || FUNCTION_WORDS.binary_search(&term).is_ok()
    }

    fn for_each_bigram(&self, tokens: &[u32], mut f: impl FnMut(u64)) {
        for pair in tokens.windows(2) {
            if pair[0] == SEPARATOR || pair[1] == SEPARATOR {
                continue;
            }
            let (a, b) = (pair[0] >> 1, pair[1] >> 1);
            if a != b && self.eligible_in_bigram(a) && self.eligible_in_bigram(b) {
                f(u64::from(a) << 32 | u64::from(b));
            }
        }
    }

    fn idf(&self, df: u32) -> f32 {
        if df == 0 {
            0.0
        } else {
            (self.profiled / df as f32).ln()
        }
    }

    /// Adds the next member: `tokens` as in `index`, `touched` its word ids, `raw[id]` the
    /// field-weighted count of word `id`.
    pub fn add_member(&mut self, tokens: &[u32], touched: &[u32], raw: &[f32]) {
        let mut norm = 0.0f32;
        self.candidates.clear();
        for &id in touched {
            let df = self.df[id as usize];
            if self.is_noise(id) {
                continue;
            }
            let w = (1.0 + raw[id as usize].max(1.0).ln()) * self.idf(df);
            if w <= 0.0 {
                continue;
            }
            if df >= 2 {
                self.candidates.push((u64::from(id), w));
            } else {
                norm += w * w;
            }
        }
        let mut local = std::mem::take(&mut self.local);
        local.clear();
        self.for_each_bigram(tokens, |key| *local.entry(key).or_insert(0.0) += 1.0);
        for (&key, &tf) in &local {
            let df = self.bigram_df.get(&key).copied().unwrap_or(0);
            let w = (1.0 + tf.ln()) * self.idf(df);
            if w <= 0.0 {
                continue;
            }
            if df >= 2 {
                self.candidates.push((key, w));
            } else {
                norm += w * w;
            }
        }
        self.local = local;
        if self.candidates.len() > PEER_TERMS {
            self.candidates
                .select_nth_unstable_by(PEER_TERMS - 1, |a, b| {
                    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
                });
            self.candidates.truncate(PEER_TERMS);
        }
        for &(key, w) in &self.candidates {
            norm += w * w;
            self.lists.push((key, w));
        }
        self.list_offsets.push(self.lists.len());
        self.norms.push(norm.sqrt());
    }

    /// Renumbers the kept bigrams and builds the inverted lists.
    pub fn finish(mut self, members: usize) -> PeerIndex {
        let first_bigram = self.vocab.terms.len() as u32;
        let mut lists: Vec<(u32, f32)> = Vec::with_capacity(self.lists.len());
        for &(key, w) in &self.lists {
            let feature = if key >> 32 == 0 {
                key as u32
            } else {
                let next = first_bigram + self.bigrams.len() as u32;
                let id = *self.bigram_ids.entry(key).or_insert(next);
                if id == next {
                    self.bigrams.push(((key >> 32) as u32, key as u32));
                }
                id
            };
            lists.push((feature, w));
        }
        let features = first_bigram as usize + self.bigrams.len();
        let mut counts = vec![0usize; features + 1];
        for m in 0..members.min(self.norms.len()) {
            let list = &mut lists[self.list_offsets[m]..self.list_offsets[m + 1]];
            list.sort_unstable_by_key(|e| e.0);
            for &(f, _) in list.iter() {
                counts[f as usize + 1] += 1;
            }
        }
        for f in 1..counts.len() {
            counts[f] += counts[f - 1];
        }
        let inverse_offsets = counts.clone();
        let mut inverse = vec![(0u32, 0f32); lists.len()];
        for m in 0..members.min(self.norms.len()) {
            for &(f, w) in &lists[self.list_offsets[m]..self.list_offsets[m + 1]] {
                inverse[counts[f as usize]] = (m as u32, w);
                counts[f as usize] += 1;
            }
        }
        PeerIndex {
            first_bigram,
            bigrams: self.bigrams,
            list_offsets: self.list_offsets,
            lists,
            norms: self.norms,
            inverse_offsets,
            inverse,
        }
    }
}

impl PeerIndex {
    fn list(&self, m: usize) -> &[(u32, f32)] {
        match (self.list_offsets.get(m), self.list_offsets.get(m + 1)) {
            (Some(&a), Some(&b)) => &self.lists[a..b],
            _ => &[],
        }
    }

    fn members_keeping(&self, feature: u32) -> &[(u32, f32)] {
        let f = feature as usize;
        &self.inverse[self.inverse_offsets[f]..self.inverse_offsets[f + 1]]
    }
}

impl TextIndex {
    /// The members most similar to member `member`, at most `limit`, best first, ties by
    /// name; never `member` itself. `members` must be the slice the index was built from
    /// (explanations read clusters, region, country and joining year from it).
    pub fn peers(&self, members: &[Member], member: usize, limit: usize) -> Peers {
        let Some(own) = members.get(member) else {
            return Peers {
                basis: PeerBasis::ProfileText,
                peers: Vec::new(),
            };
        };
        let index = &self.peers;
        let list = index.list(member);
        let norm = index.norms.get(member).copied().unwrap_or(0.0);
        let mut scores: Vec<(u32, f32)> = Vec::new();
        if norm > 0.0 && !list.is_empty() {
            let mut acc = vec![0f32; self.members];
            let mut touched: Vec<u32> = Vec::new();
            for &(feature, w) in list {
                for &(j, wj) in index.members_keeping(feature) {
                    let slot = &mut acc[j as usize];
                    if *slot == 0.0 {
                        touched.push(j);
                    }
                    *slot += w * wj;
                }
            }
            scores = touched
                .into_iter()
                .filter(|&j| j as usize != member)
                .filter_map(|j| {
                    let nj = index.norms[j as usize];
                    (nj > 0.0).then(|| (j, acc[j as usize] / (norm * nj)))
                })
                .collect();
        }
        let basis = if scores.is_empty() {
            scores = facet_scores(members, member);
            PeerBasis::CountryRegionJoined
        } else {
            PeerBasis::ProfileText
        };
        self.rank_pairs(&mut scores, limit);
        let peers = scores
            .into_iter()
            .map(|(j, score)| {
                let other = &members[j as usize];
                Peer {
                    member: j as usize,
                    score,
                    shared_terms: if basis == PeerBasis::ProfileText {
                        self.shared_terms(member, j as usize)
                    } else {
                        Vec::new()
                    },
                    shared_clusters: Cluster::ALL
                        .into_iter()
                        .filter(|c| own.clusters.contains(c) && other.clusters.contains(c))
                        .collect(),
                    same_region: own.region == other.region,
                    same_country: own.country == other.country,
                    same_joined: own.joined.filter(|_| own.joined == other.joined),
                }
            })
            .collect();
        Peers { basis, peers }
    }

    /// Keeps the best `limit` pairs, by score (descending) then name.
    fn rank_pairs(&self, scores: &mut Vec<(u32, f32)>, limit: usize) {
        let key =
            |&(j, s): &(u32, f32)| (std::cmp::Reverse(sortable(s)), self.name_rank[j as usize]);
        if scores.len() > limit && limit > 0 {
            scores.select_nth_unstable_by_key(limit - 1, key);
        }
        scores.truncate(limit);
        scores.sort_unstable_by_key(key);
    }

    /// The terms contributing most to the similarity of `a` and `b`, as written.
    fn shared_terms(&self, member: usize, other: usize) -> Vec<String> {
        let index = &self.peers;
        let (la, lb) = (index.list(member), index.list(other));
        let mut shared: Vec<(u32, f32)> = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < la.len() && j < lb.len() {
            match la[i].0.cmp(&lb[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared.push((la[i].0, la[i].1 * lb[j].1));
                    i += 1;
                    j += 1;
                }
            }
        }
        // Most telling first; on equal weight a word pair before a single word.
        shared.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(y.0.cmp(&x.0)));
        // A shared pair stands for its two words: "mobile libraries", not "mobile, libraries".
        let mut covered: Vec<u32> = Vec::new();
        for &(feature, _) in &shared {
            if let Some(&(x, y)) = feature
                .checked_sub(index.first_bigram)
                .and_then(|pair| index.bigrams.get(pair as usize))
            {
                covered.extend([x, y]);
            }
        }
        shared
            .into_iter()
            .filter(|&(feature, _)| feature >= index.first_bigram || !covered.contains(&feature))
            .take(SHARED_TERMS)
            .map(
                |(feature, _)| match feature.checked_sub(index.first_bigram) {
                    Some(pair) => {
                        let (first, second) = index.bigrams[pair as usize];
                        format!(
                            "{} {}",
                            self.vocab.surface[first as usize], self.vocab.surface[second as usize]
                        )
                    }
                    None => self.vocab.surface[feature as usize].to_string(),
                },
            )
            .collect()
    }
}

/// A non-negative score as an integer with the same order.
pub(super) fn sortable(score: f32) -> u32 {
    if score > 0.0 { score.to_bits() } else { 0 }
}

/// Scores by shared country (0.5), region (0.25) and joining year (0.25); zero left out.
fn facet_scores(members: &[Member], member: usize) -> Vec<(u32, f32)> {
    let own = &members[member];
    members
        .iter()
        .enumerate()
        .filter(|&(j, _)| j != member)
        .filter_map(|(j, other)| {
            let mut score = 0.0;
            if other.country == own.country {
                score += 0.5;
            }
            if other.region == own.region {
                score += 0.25;
            }
            if own.joined.is_some() && own.joined == other.joined {
                score += 0.25;
            }
            (score > 0.0).then_some((j as u32, score))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::FUNCTION_WORDS;

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
