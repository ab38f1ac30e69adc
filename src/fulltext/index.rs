//! Building the text index: one pass to tokenise and intern, one to score and lay out.
//!
//! Ranking is BM25F: a word's occurrences in a member are summed across fields, each weighted
//! and normalised by the field's length relative to the average for that field,
//!
//! ```text
//! tf~ = Σ_field weight(field) · Σ_occurrences emphasis · 1 / (1 − b + b · len / avg_len)
//! score(word, member) = idf(word) · tf~ · (k1 + 1) / (tf~ + k1)
//! idf(word) = ln(1 + (P − df + 0.5) / (df + 0.5))
//! ```
//!
//! with `P` the number of members that have profile text and `df` how many of them use the
//! word. A word every profile uses ("learning", "city") has an idf near zero, so it counts for
//! nothing without any hand-made stop list: the corpus's own statistics decide, on any data.
//! The weights ([`Weights::DEFAULT`]): the tagline counts 3×, the summary 1.5×, the three
//! sections 1×, and a word in a heading or a list item's lead-in (see `tokenize`) 2× more.
//!
//! The score of every (word, member) pair does not depend on the query, so it is computed
//! here, once: a query only adds up precomputed numbers. Layout, for speed at 100k members:
//! - words are interned to `u32` ids, numbered by falling frequency (id 0 marks a field end);
//! - postings: per word, the ascending member indices that use it and their scores, in two
//!   flat arrays (intersections gallop through them);
//! - a forward index: each member's word ids in text order, LEB128-encoded (frequent words
//!   take one byte), read only to check phrases on the members that have all their words;
//! - each member's rank by name, for ties;
//! - the peer vectors (see `peers`).

use super::Field;
use super::peers::{PeerIndex, PeerInput};
use super::tokenize::Tokenizer;
use crate::model::Member;
use crate::text::fold;
use std::collections::HashMap;
use std::ops::Range;

/// How much each kind of place counts (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    pub tagline: f32,
    pub summary: f32,
    /// Vision, challenges and plan.
    pub body: f32,
    /// Multiplies the weight of a word in a heading or a list item's lead-in.
    pub emphasis: f32,
}

impl Weights {
    pub const DEFAULT: Weights = Weights {
        tagline: 3.0,
        summary: 1.5,
        body: 1.0,
        emphasis: 2.0,
    };

    pub fn of(&self, field: Field) -> f32 {
        match field {
            Field::Tagline => self.tagline,
            Field::Summary => self.summary,
            Field::Vision | Field::Challenges | Field::Plan => self.body,
        }
    }
}

/// BM25 saturation: the score of a word approaches `(K1 + 1) · idf` however often it occurs.
const K1: f32 = 1.2;
/// BM25 length normalisation: 0 ignores length, 1 divides by it.
const B: f32 = 0.75;

type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// The interned words.
#[derive(Debug, Clone, Default)]
pub(super) struct Vocabulary {
    /// Folded word by id; id 0 is the field separator, "".
    pub terms: Vec<Box<str>>,
    /// How the word was first written, lowercased, for explanations (`sønderborg`).
    pub surface: Vec<Box<str>>,
    /// Ids sorted by folded word, for exact and prefix lookups.
    sorted: Vec<u32>,
}

impl Vocabulary {
    /// The id of a folded word.
    pub fn id(&self, word: &str) -> Option<u32> {
        let at = self
            .sorted
            .partition_point(|&id| &*self.terms[id as usize] < word);
        let id = *self.sorted.get(at)?;
        (&*self.terms[id as usize] == word && id != 0).then_some(id)
    }

    /// The ids of every word starting with `prefix`.
    pub fn with_prefix(&self, prefix: &str) -> Vec<u32> {
        let start = self
            .sorted
            .partition_point(|&id| &*self.terms[id as usize] < prefix);
        self.sorted[start..]
            .iter()
            .copied()
            .take_while(move |&id| self.terms[id as usize].starts_with(prefix))
            .filter(|&id| id != 0)
            .collect()
    }
}

/// A text index over a slice of members, addressed by their indices in it.
#[derive(Debug, Clone)]
pub struct TextIndex {
    pub(super) members: usize,
    /// Members with any profile text.
    pub(super) profiled: usize,
    pub(super) vocab: Vocabulary,
    /// BM25 idf by word id.
    pub(super) idf: Vec<f32>,
    /// Postings of word `t`: `post_members[offsets[t]..offsets[t + 1]]`, ascending.
    pub(super) offsets: Vec<usize>,
    pub(super) post_members: Vec<u32>,
    pub(super) post_scores: Vec<f32>,
    /// Member `m`'s word ids: `forward[forward_offsets[m]..forward_offsets[m + 1]]`.
    pub(super) forward_offsets: Vec<usize>,
    pub(super) forward: Vec<u8>,
    /// Position of each member in name order (folded city, city, index).
    pub(super) name_rank: Vec<u32>,
    /// Members in name order (the inverse of `name_rank`).
    pub(super) name_order: Vec<u32>,
    pub(super) weights: Weights,
    pub(super) peers: PeerIndex,
}

impl TextIndex {
    /// Indexes the profile text of `members` with the default weights.
    pub fn new(members: &[Member]) -> TextIndex {
        TextIndex::with_weights(members, Weights::DEFAULT)
    }

    /// Indexes the profile text of `members`, weighting fields as `weights` says.
    pub fn with_weights(members: &[Member], weights: Weights) -> TextIndex {
        let raw = tokenize_all(members);
        let Interned {
            vocab,
            stream,
            stream_offsets,
            field_lens,
            df,
            profiled,
        } = intern(raw);
        let terms = vocab.terms.len();
        let p = profiled as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| {
                let d = d as f32;
                (1.0 + (p - d + 0.5) / (d + 0.5)).ln()
            })
            .collect();
        let mut avg = [0.0f32; 5];
        for lens in &field_lens {
            for (a, &l) in avg.iter_mut().zip(lens) {
                *a += l as f32;
            }
        }
        for a in &mut avg {
            *a = if profiled == 0 { 0.0 } else { *a / p };
        }
        let mut offsets = Vec::with_capacity(terms + 1);
        offsets.push(0);
        for &d in &df {
            offsets.push(offsets.last().copied().unwrap_or(0) + d as usize);
        }
        let total = offsets.last().copied().unwrap_or(0);
        let mut cursor: Vec<usize> = offsets[..terms].to_vec();
        let mut post_members = vec![0u32; total];
        let mut post_scores = vec![0f32; total];
        let mut forward = Vec::with_capacity(stream.len() + stream.len() / 4);
        let mut forward_offsets = Vec::with_capacity(members.len() + 1);
        forward_offsets.push(0);
        let mut scratch = Scratch::new(terms);
        let mut peers = PeerInput::new(&vocab, &df, profiled, &stream, &stream_offsets);
        for (m, lens) in field_lens.iter().enumerate() {
            let tokens = &stream[stream_offsets[m]..stream_offsets[m + 1]];
            let norms: [f32; 5] = std::array::from_fn(|f| {
                if avg[f] > 0.0 {
                    1.0 / (1.0 - B + B * lens[f] as f32 / avg[f])
                } else {
                    1.0
                }
            });
            let mut field = 0;
            for &token in tokens {
                if token == SEPARATOR {
                    field += 1;
                    push_varint(&mut forward, 0);
                    continue;
                }
                let id = token >> 1;
                push_varint(&mut forward, id);
                let mut weight = weights.of(Field::ALL[field.min(4)]);
                if token & 1 == 1 {
                    weight *= weights.emphasis;
                }
                scratch.add(id, weight * norms[field.min(4)], weight);
            }
            forward_offsets.push(forward.len());
            scratch.touched.sort_unstable();
            for &id in &scratch.touched {
                let t = id as usize;
                let tf = scratch.bm25[t];
                post_members[cursor[t]] = m as u32;
                post_scores[cursor[t]] = idf[t] * tf * (K1 + 1.0) / (tf + K1);
                cursor[t] += 1;
            }
            peers.add_member(tokens, &scratch.touched, &scratch.raw);
            scratch.clear();
        }
        let (name_order, name_rank) = name_order(members);
        TextIndex {
            members: members.len(),
            profiled,
            name_rank,
            name_order,
            peers: peers.finish(members.len()),
            vocab,
            idf,
            offsets,
            post_members,
            post_scores,
            forward_offsets,
            forward,
            weights,
        }
    }

    /// How many members the index was built from.
    pub fn len(&self) -> usize {
        self.members
    }

    pub fn is_empty(&self) -> bool {
        self.members == 0
    }

    /// How many members have any profile text.
    pub fn profiled(&self) -> usize {
        self.profiled
    }

    /// How many distinct words the profiles use.
    pub fn vocabulary_size(&self) -> usize {
        self.vocab.terms.len().saturating_sub(1)
    }

    /// How many profiles use the folded word `word` (0 when none does).
    pub fn document_frequency(&self, word: &str) -> usize {
        self.vocab
            .id(word)
            .map_or(0, |id| self.postings(id).0.len())
    }

    /// The BM25 idf of the folded word `word`, if any profile uses it.
    pub fn idf(&self, word: &str) -> Option<f32> {
        self.vocab.id(word).map(|id| self.idf[id as usize])
    }

    pub fn weights(&self) -> Weights {
        self.weights
    }

    /// Word `id`'s postings: member indices (ascending) and scores.
    pub(super) fn postings(&self, id: u32) -> (&[u32], &[f32]) {
        let range: Range<usize> = self.offsets[id as usize]..self.offsets[id as usize + 1];
        (&self.post_members[range.clone()], &self.post_scores[range])
    }

    /// Member `m`'s word ids (0 after each field), LEB128-encoded.
    pub(super) fn forward_bytes(&self, m: usize) -> &[u8] {
        match (self.forward_offsets.get(m), self.forward_offsets.get(m + 1)) {
            (Some(&a), Some(&b)) => &self.forward[a..b],
            _ => &[],
        }
    }
}

/// Marks a field end in the temporary token stream.
pub(super) const SEPARATOR: u32 = u32::MAX;

pub(super) fn push_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Per-member accumulators, indexed by word id, cleared through `touched`.
struct Scratch {
    bm25: Vec<f32>,
    raw: Vec<f32>,
    touched: Vec<u32>,
}

impl Scratch {
    fn new(terms: usize) -> Scratch {
        Scratch {
            bm25: vec![0.0; terms],
            raw: vec![0.0; terms],
            touched: Vec::new(),
        }
    }

    fn add(&mut self, id: u32, normalized: f32, raw: f32) {
        let t = id as usize;
        if self.raw[t] == 0.0 {
            self.touched.push(id);
        }
        self.bm25[t] += normalized;
        self.raw[t] += raw;
    }

    fn clear(&mut self) {
        for &id in &self.touched {
            self.bm25[id as usize] = 0.0;
            self.raw[id as usize] = 0.0;
        }
        self.touched.clear();
    }
}

/// Every member's tokens with temporary ids (in order of first appearance).
struct Raw {
    terms: Vec<Box<str>>,
    surface: Vec<Box<str>>,
    counts: Vec<u64>,
    /// Per token `temp_id << 1 | emphasis`; [`SEPARATOR`] after each of the five fields.
    stream: Vec<u32>,
    stream_offsets: Vec<usize>,
    field_lens: Vec<[u32; 5]>,
}

fn tokenize_all(members: &[Member]) -> Raw {
    let mut ids: FastMap<Box<str>, u32> = FastMap::default();
    let mut raw = Raw {
        terms: Vec::new(),
        surface: Vec::new(),
        counts: Vec::new(),
        stream: Vec::new(),
        stream_offsets: vec![0],
        field_lens: Vec::with_capacity(members.len()),
    };
    let mut tokenizer = Tokenizer::default();
    for member in members {
        let mut lens = [0u32; 5];
        for field in Field::ALL {
            if let Some(text) = field.text(member) {
                tokenizer.for_each(text, field != Field::Tagline, |token| {
                    let id = if let Some(&id) = ids.get(token.text) {
                        id
                    } else {
                        let id = raw.terms.len() as u32;
                        ids.insert(token.text.into(), id);
                        raw.terms.push(token.text.into());
                        raw.surface
                            .push(text[token.range.clone()].to_lowercase().into());
                        raw.counts.push(0);
                        id
                    };
                    raw.counts[id as usize] += 1;
                    raw.stream.push(id << 1 | u32::from(token.emphasis));
                    lens[field.index()] += 1;
                });
            }
            raw.stream.push(SEPARATOR);
        }
        raw.stream_offsets.push(raw.stream.len());
        raw.field_lens.push(lens);
    }
    raw
}

/// The token stream renumbered by frequency, with document frequencies.
struct Interned {
    vocab: Vocabulary,
    /// As `Raw::stream`, with final ids.
    stream: Vec<u32>,
    stream_offsets: Vec<usize>,
    field_lens: Vec<[u32; 5]>,
    /// Profiles using each final id (0 for the separator).
    df: Vec<u32>,
    profiled: usize,
}

fn intern(raw: Raw) -> Interned {
    let Raw {
        terms,
        surface,
        counts,
        mut stream,
        stream_offsets,
        field_lens,
    } = raw;
    // Final ids by falling frequency, ties by word, from 1.
    let mut order: Vec<u32> = (0..terms.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        counts[b as usize]
            .cmp(&counts[a as usize])
            .then_with(|| terms[a as usize].cmp(&terms[b as usize]))
    });
    let mut final_id = vec![0u32; terms.len()];
    for (rank, &temp) in order.iter().enumerate() {
        final_id[temp as usize] = rank as u32 + 1;
    }
    let mut by_id: Vec<Box<str>> = vec!["".into(); terms.len() + 1];
    let mut surface_by_id: Vec<Box<str>> = vec!["".into(); terms.len() + 1];
    for (temp, (term, surface)) in terms.into_iter().zip(surface).enumerate() {
        by_id[final_id[temp] as usize] = term;
        surface_by_id[final_id[temp] as usize] = surface;
    }
    let mut df = vec![0u32; by_id.len()];
    let mut last_seen = vec![u32::MAX; by_id.len()];
    let mut profiled = 0;
    for m in 0..field_lens.len() {
        let tokens = &mut stream[stream_offsets[m]..stream_offsets[m + 1]];
        let mut any = false;
        for token in tokens.iter_mut() {
            if *token == SEPARATOR {
                continue;
            }
            any = true;
            let id = final_id[(*token >> 1) as usize];
            *token = id << 1 | (*token & 1);
            if last_seen[id as usize] != m as u32 {
                last_seen[id as usize] = m as u32;
                df[id as usize] += 1;
            }
        }
        profiled += usize::from(any);
    }
    let mut sorted: Vec<u32> = (0..by_id.len() as u32).collect();
    sorted.sort_unstable_by(|&a, &b| by_id[a as usize].cmp(&by_id[b as usize]));
    Interned {
        vocab: Vocabulary {
            terms: by_id,
            surface: surface_by_id,
            sorted,
        },
        stream,
        stream_offsets,
        field_lens,
        df,
        profiled,
    }
}

/// Members in name order (folded city, then city, then index: the order name search lists
/// them in), and each member's position in it.
fn name_order(members: &[Member]) -> (Vec<u32>, Vec<u32>) {
    let folded: Vec<String> = members.iter().map(|m| fold(&m.city)).collect();
    let mut order: Vec<u32> = (0..members.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        folded[a as usize]
            .cmp(&folded[b as usize])
            .then_with(|| members[a as usize].city.cmp(&members[b as usize].city))
            .then(a.cmp(&b))
    });
    let mut rank = vec![0; members.len()];
    for (position, &m) in order.iter().enumerate() {
        rank[m as usize] = position as u32;
    }
    (order, rank)
}
