//! Full-text search of the member profiles, and "cities like this one".
//!
//! Name search answers "where is Cork?"; this module answers "which cities work on what we
//! work on?". It is pure and self-contained: a [`TextIndex`] is built once from the members
//! (it is `Send + Sync` and owns no reference to them, so it can be built on a background
//! thread while the explorer already shows the list), then answers, per keystroke:
//!
//! - [`TextIndex::matches`]: every member matching a [`TextQuery`], with a relevance score
//!   (BM25F, see `index`), as a member-indexed set the query engine combines with facet
//!   selections and counts exactly as it does with name matches; [`TextIndex::rank`] orders
//!   the ones it keeps (ties by name) and [`TextIndex::search`] does both.
//! - [`TextIndex::snippet`] and [`TextIndex::match_ranges`]: the best matching fragment of a
//!   hit, and every match per field, as byte ranges into the member's own text.
//! - [`TextIndex::peers`]: the members whose profiles are most similar (cosine of TF-IDF
//!   vectors), each explained by the distinctive words and facets they share.
//!
//! Modules: `tokenize` (folded words with their places), `query` (the syntax), `index`
//! (building), `search`, `snippet`, `peers`.

// Counts (members, occurrences) become f32 weights: beyond 2^24 they lose precision the
// scores cannot show anyway.
#[allow(clippy::cast_precision_loss)]
mod index;
#[allow(clippy::cast_precision_loss)]
mod peers;
mod query;
mod search;
#[allow(clippy::cast_precision_loss)]
mod snippet;
mod tokenize;

pub use index::{TextIndex, Weights};
pub use peers::{Peer, PeerBasis, Peers};
pub use query::{Clause, Term, TextQuery};
pub use search::{TextHit, TextMatches};
pub use snippet::{FieldMatches, Snippet};
pub use tokenize::words;

use crate::model::Member;

/// The profile fields that are searched, in the order the detail view shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Tagline,
    Summary,
    Vision,
    Challenges,
    Plan,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Tagline,
        Field::Summary,
        Field::Vision,
        Field::Challenges,
        Field::Plan,
    ];

    /// The field name in the dataset format.
    pub fn name(self) -> &'static str {
        match self {
            Field::Tagline => "tagline",
            Field::Summary => "summary",
            Field::Vision => "vision",
            Field::Challenges => "challenges",
            Field::Plan => "plan",
        }
    }

    /// The member's text in this field, if any.
    pub fn text(self, member: &Member) -> Option<&str> {
        match self {
            Field::Tagline => member.tagline.as_deref(),
            Field::Summary => member.summary.as_deref(),
            Field::Vision => member.vision.as_deref(),
            Field::Challenges => member.challenges.as_deref(),
            Field::Plan => member.plan.as_deref(),
        }
    }

    /// Position in [`Field::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}
