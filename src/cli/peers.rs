//! `gnlc peers CITY`: the members whose profiles are most like one city's, each explained by
//! the distinctive words they share and the clusters, region and country in common. The
//! ranking is the text index's (`fulltext::TextIndex::peers`); a city without profile text
//! gets peers by country, region and year joined, and the output says so.

use super::{PeersFormat, write_error};
use crate::error::Result;
use crate::fulltext::{Peer, PeerBasis, Peers};
use crate::query::Engine;
use crate::text::sanitize_line;
use serde::Serialize;
use std::io::Write;

/// One peer as JSON.
#[derive(Serialize)]
struct PeerRecord<'a> {
    city: &'a str,
    country: &'a str,
    /// Cosine similarity (text basis) or the facet score, in 0..=1, 3 decimals.
    score: f64,
    shared_terms: &'a [String],
    shared_clusters: Vec<&'static str>,
    same_region: bool,
    same_country: bool,
    same_joined: Option<u16>,
    /// `profile-text` or `country-region-joined`.
    basis: &'static str,
}

/// What a ranking is based on, as JSON and the table's heading say it.
pub fn basis_id(basis: PeerBasis) -> &'static str {
    match basis {
        PeerBasis::ProfileText => "profile-text",
        PeerBasis::CountryRegionJoined => "country-region-joined",
    }
}

/// The sentence that says what a ranking is based on.
pub fn basis_sentence(basis: PeerBasis) -> &'static str {
    match basis {
        PeerBasis::ProfileText => "Ranked by how alike the profile texts are.",
        PeerBasis::CountryRegionJoined => {
            "No profile text to compare: these share only country, region or year joined."
        }
    }
}

/// What a peer has in common with the city, in words: the shared terms, then the rest.
pub fn explanation(peer: &Peer) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !peer.shared_terms.is_empty() {
        parts.push(peer.shared_terms.join(", "));
    }
    if !peer.shared_clusters.is_empty() {
        let ids: Vec<&str> = peer.shared_clusters.iter().map(|c| c.id()).collect();
        parts.push(format!("clusters: {}", ids.join(", ")));
    }
    if peer.same_country {
        parts.push("same country".into());
    } else if peer.same_region {
        parts.push("same region".into());
    }
    if let Some(year) = peer.same_joined {
        parts.push(format!("joined {year}"));
    }
    parts.join(" · ")
}

/// Prints the peers of member `member`.
pub fn print(
    engine: &Engine,
    member: usize,
    limit: usize,
    format: PeersFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let peers = match engine.text_index() {
        Some(index) => index.peers(&engine.dataset().members, member, limit),
        None => Peers {
            basis: PeerBasis::ProfileText,
            peers: Vec::new(),
        },
    };
    let written = match format {
        PeersFormat::Json => json(engine, &peers, out),
        PeersFormat::Table => table(engine, member, &peers, out),
    };
    written.map_err(|e| write_error(&e))
}

fn json(engine: &Engine, peers: &Peers, out: &mut dyn Write) -> std::io::Result<()> {
    let records: Vec<PeerRecord<'_>> = peers
        .peers
        .iter()
        .map(|p| {
            let m = engine.member(p.member);
            PeerRecord {
                city: &m.city,
                country: &m.country,
                score: (f64::from(p.score) * 1000.0).round() / 1000.0,
                shared_terms: &p.shared_terms,
                shared_clusters: p.shared_clusters.iter().map(|c| c.id()).collect(),
                same_region: p.same_region,
                same_country: p.same_country,
                same_joined: p.same_joined,
                basis: basis_id(peers.basis),
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &records)?;
    writeln!(out)
}

fn table(
    engine: &Engine,
    member: usize,
    peers: &Peers,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let own = engine.member(member);
    writeln!(
        out,
        "Cities like {}, {}. {}",
        sanitize_line(&own.city),
        sanitize_line(&own.country),
        basis_sentence(peers.basis)
    )?;
    let rows: Vec<[String; 3]> = peers
        .peers
        .iter()
        .map(|p| {
            let m = engine.member(p.member);
            [
                format!("{}, {}", sanitize_line(&m.city), sanitize_line(&m.country)),
                format!("{:.3}", p.score),
                sanitize_line(&explanation(p)).into_owned(),
            ]
        })
        .collect();
    let city_width = rows
        .iter()
        .map(|r| unicode_width::UnicodeWidthStr::width(r[0].as_str()))
        .max()
        .unwrap_or(0)
        .max(4);
    for [city, score, why] in &rows {
        let pad = city_width - unicode_width::UnicodeWidthStr::width(city.as_str());
        writeln!(out, "{city}{}  {score}  {why}", " ".repeat(pad))?;
    }
    if rows.is_empty() {
        writeln!(out, "No similar city found.")?;
    }
    Ok(())
}
