//! Full-text search and peers, on a small dataset written so that the right answers hold by
//! construction, and on the bundled data.
//!
//! The small dataset: every profile says "learning city", "lifelong" and "education", so
//! those words must weigh nothing. Aville and Bton alone share rare words (flooding, boats,
//! mobile libraries); Cburg and Dstadt alone share others (digital skills, coding clubs).
//! Tie Alpha and Tie Beta have the same text. Zed has no profile text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

use gnlc::fulltext::{Field, PeerBasis, TextHit, TextIndex, TextQuery};
use gnlc::model::{Cluster, Dataset, Member, load};

const COMMON: &str = "A learning city for lifelong education.";

fn member(
    city: &str,
    country: &str,
    clusters: &[&str],
    joined: Option<u16>,
    text: Option<(&str, &str)>,
) -> String {
    let clusters: Vec<String> = clusters.iter().map(|c| format!("\"{c}\"")).collect();
    let mut fields = vec![format!(
        r#""city": "{city}", "country": "{country}", "clusters": [{}]"#,
        clusters.join(",")
    )];
    if let Some(year) = joined {
        fields.push(format!(r#""joined": {year}"#));
    }
    if let Some((tagline, summary)) = text {
        fields.push(format!(
            r#""tagline": "{tagline}", "summary": "{summary}", "vision": "{COMMON}""#
        ));
    }
    format!("{{{}}}", fields.join(", "))
}

fn small() -> Dataset {
    let members = [
        member(
            "Bton",
            "Denmark",
            &["literacy"],
            None,
            Some((
                "Reading for everyone",
                "After the flooding, mobile libraries and boats reach every village.",
            )),
        ),
        member(
            "Aville",
            "Ireland",
            &["literacy", "equity-inclusion"],
            None,
            Some((
                "Boats and books on the river",
                "Flooding each spring cuts villages off, so mobile libraries travel by boats.",
            )),
        ),
        member(
            "Cburg",
            "Kenya",
            &["entrepreneurship"],
            None,
            Some((
                "Skills for work",
                "Digital skills and coding clubs for young people.",
            )),
        ),
        member(
            "Dstadt",
            "Brazil",
            &["entrepreneurship"],
            None,
            Some((
                "Never too old",
                "Coding clubs and digital skills for older adults.",
            )),
        ),
        member(
            "Évry",
            "France",
            &["health-wellbeing"],
            None,
            Some((
                "Le café des sciences",
                "Science evenings in cafés; a long sentence that goes on and on about gardens, orchards of the city, markets, walks by the canal, choirs, theatre in the parks and a café where neighbours meet every Thursday evening to talk.",
            )),
        ),
        member(
            "Tie Beta",
            "Japan",
            &["health-wellbeing"],
            None,
            Some(("Orchards", "Beekeeping workshops in community orchards.")),
        ),
        member(
            "Tie Alpha",
            "Japan",
            &["health-wellbeing"],
            None,
            Some(("Orchards", "Beekeeping workshops in community orchards.")),
        ),
        member(
            "Yon",
            "Ireland",
            &["global-citizenship"],
            Some(2020),
            Some((
                "Partners abroad",
                "Twinning with sister cities and exchanges for pupils.",
            )),
        ),
        member("Zed", "Ireland", &["global-citizenship"], Some(2020), None),
        member("Wye", "Kenya", &["literacy"], Some(2021), None),
    ];
    let json = format!(r#"{{"members": [{}]}}"#, members.join(","));
    load::from_str(&json, "small.json").expect("the test dataset is valid")
}

fn index_of(members: &[Member], city: &str) -> usize {
    members
        .iter()
        .position(|m| m.city == city)
        .unwrap_or_else(|| panic!("no member {city}"))
}

fn cities(members: &[Member], hits: &[TextHit]) -> Vec<String> {
    hits.iter()
        .map(|h| members[h.member].city.clone())
        .collect()
}

/// The hits of `query` in name order, where the ranking among them is not the point.
fn found(query: &str) -> Vec<String> {
    let mut hits = search(query);
    hits.sort();
    hits
}

fn search(query: &str) -> Vec<String> {
    let data = small();
    let index = TextIndex::new(&data.members);
    cities(&data.members, &index.search(&TextQuery::parse(query)))
}

#[test]
fn words_every_profile_uses_weigh_almost_nothing() {
    let data = small();
    let index = TextIndex::new(&data.members);
    assert_eq!(index.profiled(), 8);
    let common = index.idf("lifelong").expect("indexed");
    let rare = index.idf("flooding").expect("indexed");
    assert_eq!(index.document_frequency("lifelong"), 8);
    assert_eq!(index.document_frequency("flooding"), 2);
    assert!(
        common < 0.1 && rare > 1.0,
        "idf lifelong {common}, flooding {rare}"
    );
}

#[test]
fn all_words_must_occur_in_any_field() {
    assert_eq!(found("flooding boats"), ["Aville", "Bton"]);
    // "river" is in Aville's tagline, "villages" in its summary.
    assert_eq!(search("river villages"), ["Aville"]);
    assert!(search("flooding digital").is_empty());
    assert!(search("nowhere").is_empty());
}

#[test]
fn the_tagline_outweighs_the_body() {
    // Both summaries say "boats"; only Aville's tagline does too.
    assert_eq!(search("boats"), ["Aville", "Bton"]);
    // Both say "coding" and "clubs" once in equally long summaries; Cburg's tagline says
    // "skills", Dstadt's does not.
    assert_eq!(search("skills"), ["Cburg", "Dstadt"]);
}

#[test]
fn exclusions_remove_members() {
    assert_eq!(search("flooding !river"), ["Bton"]);
    assert_eq!(
        search("flooding !\"mobile libraries\""),
        Vec::<String>::new()
    );
    assert_eq!(found("flooding !\"libraries mobile\""), ["Aville", "Bton"]);
    // Exclusions alone: everyone else, with or without text, in name order (Évry's
    // summary mentions orchards too).
    assert_eq!(
        search("!flooding !orchard*"),
        ["Cburg", "Dstadt", "Wye", "Yon", "Zed"]
    );
}

#[test]
fn phrases_need_adjacent_words_in_order_within_a_field() {
    assert_eq!(found("\"mobile libraries\""), ["Aville", "Bton"]);
    assert!(search("\"libraries mobile\"").is_empty());
    assert_eq!(search("\"travel by boats\""), ["Aville"]);
    // Aville's tagline ends with "river", its summary starts with "Flooding".
    assert!(search("\"river flooding\"").is_empty());
    assert_eq!(found("\"digital skills\" coding"), ["Cburg", "Dstadt"]);
}

#[test]
fn prefixes_match_word_starts() {
    assert_eq!(search("digi*"), ["Cburg", "Dstadt"]);
    assert_eq!(found("flood*"), ["Aville", "Bton"]);
    assert_eq!(found("boat* villag*"), ["Aville", "Bton"]);
    assert!(search("zzz*").is_empty());
}

#[test]
fn words_fold_case_and_accents() {
    assert_eq!(search("CAFE"), ["Évry"]);
    assert_eq!(search("café"), ["Évry"]);
    assert_eq!(search("cafés"), ["Évry"]);
    assert_eq!(search("Flooding"), search("flooding"));
}

#[test]
fn equal_scores_are_ranked_by_name() {
    let data = small();
    let index = TextIndex::new(&data.members);
    let hits = index.search(&TextQuery::parse("beekeeping"));
    assert_eq!(cities(&data.members, &hits), ["Tie Alpha", "Tie Beta"]);
    // Exactly equal: the same text gives the same sums.
    assert_eq!(hits[0].score.to_bits(), hits[1].score.to_bits());
    assert!(hits[0].score > 0.0);
}

#[test]
fn an_empty_query_matches_everyone_in_name_order() {
    let all = search("");
    assert_eq!(all.len(), 10);
    assert_eq!(all.first().map(String::as_str), Some("Aville"));
    assert_eq!(all.last().map(String::as_str), Some("Zed"));
}

#[test]
fn matches_combine_with_an_outside_filter() {
    let data = small();
    let index = TextIndex::new(&data.members);
    let matches = index.matches(&TextQuery::parse("mobile"));
    let aville = index_of(&data.members, "Aville");
    let bton = index_of(&data.members, "Bton");
    assert_eq!(matches.len(), 2);
    assert!(matches.contains(aville) && matches.contains(bton));
    assert!(!matches.contains(index_of(&data.members, "Cburg")));
    let ids: Vec<usize> = matches.iter().map(|(m, _)| m).collect();
    assert_eq!(ids, vec![bton.min(aville), bton.max(aville)]);
    // A facet filter keeping only Denmark.
    let kept = index.rank(&matches, |m| data.members[m].country == "Denmark");
    assert_eq!(cities(&data.members, &kept), ["Bton"]);
    assert_eq!(Some(kept[0].score), matches.score(bton));
}

#[test]
fn snippets_show_the_best_fragment_with_its_matches() {
    let data = small();
    let index = TextIndex::new(&data.members);
    let bton = &data.members[index_of(&data.members, "Bton")];
    let snippet = index
        .snippet(bton, &TextQuery::parse("boats flooding"), 120)
        .expect("a snippet");
    assert_eq!(snippet.field, Field::Summary);
    assert_eq!(
        snippet.text,
        "After the flooding, mobile libraries and boats reach every village."
    );
    let matched: Vec<&str> = snippet
        .ranges
        .iter()
        .map(|r| &snippet.text[r.clone()])
        .collect();
    assert_eq!(matched, ["flooding", "boats"]);

    // A long sentence is cut around its matches, on word boundaries.
    let evry = &data.members[index_of(&data.members, "Évry")];
    let snippet = index
        .snippet(evry, &TextQuery::parse("thursday"), 40)
        .expect("a snippet");
    assert!(snippet.text.chars().count() <= 40, "{:?}", snippet.text);
    assert!(snippet.text.starts_with('…'), "{:?}", snippet.text);
    let matched: Vec<&str> = snippet
        .ranges
        .iter()
        .map(|r| &snippet.text[r.clone()])
        .collect();
    assert_eq!(matched, ["Thursday"]);
    let chars: Vec<char> = snippet.text.chars().collect();
    let range = snippet.char_ranges()[0].clone();
    assert_eq!(chars[range].iter().collect::<String>(), "Thursday");
    assert!(
        index
            .snippet(evry, &TextQuery::parse("!boats"), 80)
            .is_none()
    );
}

#[test]
fn match_ranges_cover_every_field() {
    let data = small();
    let index = TextIndex::new(&data.members);
    let aville = &data.members[index_of(&data.members, "Aville")];
    let matches = index.match_ranges(aville, &TextQuery::parse("boat* \"mobile libraries\""));
    let found: Vec<(Field, Vec<&str>)> = matches
        .iter()
        .map(|fm| {
            let text = fm.field.text(aville).unwrap_or_default();
            (
                fm.field,
                fm.ranges.iter().map(|r| &text[r.clone()]).collect(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (Field::Tagline, vec!["Boats"]),
            (Field::Summary, vec!["mobile libraries", "boats"]),
        ]
    );
    let evry = &data.members[index_of(&data.members, "Évry")];
    let ranges = index.match_ranges(evry, &TextQuery::parse("cafe"));
    let tagline = evry.tagline.as_deref().unwrap_or_default();
    assert_eq!(&tagline[ranges[0].ranges[0].clone()], "café");
}

#[test]
fn cities_sharing_rare_words_are_each_others_first_peer() {
    let data = small();
    let index = TextIndex::new(&data.members);
    let members = &data.members;
    for (a, b) in [
        ("Aville", "Bton"),
        ("Bton", "Aville"),
        ("Cburg", "Dstadt"),
        ("Dstadt", "Cburg"),
    ] {
        let peers = index.peers(members, index_of(members, a), 5);
        assert_eq!(peers.basis, PeerBasis::ProfileText);
        let first = peers.peers.first().expect("a peer");
        assert_eq!(members[first.member].city, b, "first peer of {a}");
        assert!(first.score > 0.0 && first.score <= 1.0 + 1e-6);
    }
    let peers = index.peers(members, index_of(members, "Aville"), 5);
    let first = &peers.peers[0];
    for term in ["flooding", "boats", "mobile libraries"] {
        assert!(
            first.shared_terms.iter().any(|t| t == term),
            "{term} in {:?}",
            first.shared_terms
        );
    }
    for common in ["learning", "city", "lifelong", "education"] {
        assert!(
            !first.shared_terms.iter().any(|t| t.contains(common)),
            "{:?}",
            first.shared_terms
        );
    }
    assert_eq!(first.shared_clusters, [Cluster::Literacy]);
    assert!(first.same_region && !first.same_country);
}

#[test]
fn a_member_is_never_its_own_peer() {
    let data = small();
    let index = TextIndex::new(&data.members);
    for m in 0..data.members.len() {
        let peers = index.peers(&data.members, m, 20);
        assert!(
            peers.peers.iter().all(|p| p.member != m),
            "{}",
            data.members[m].city
        );
        let mut scores: Vec<f32> = peers.peers.iter().map(|p| p.score).collect();
        let sorted = {
            scores.sort_by(|a, b| b.total_cmp(a));
            scores.clone()
        };
        assert_eq!(
            peers.peers.iter().map(|p| p.score).collect::<Vec<_>>(),
            sorted
        );
    }
    // Identical profiles are each other's best peer, with similarity 1.
    let alpha = index.peers(&data.members, index_of(&data.members, "Tie Alpha"), 1);
    assert_eq!(data.members[alpha.peers[0].member].city, "Tie Beta");
    assert!((alpha.peers[0].score - 1.0).abs() < 1e-4);
}

#[test]
fn without_profile_text_peers_fall_back_to_country_region_and_year() {
    let data = small();
    let index = TextIndex::new(&data.members);
    let members = &data.members;
    let peers = index.peers(members, index_of(members, "Zed"), 10);
    assert_eq!(peers.basis, PeerBasis::CountryRegionJoined);
    let names: Vec<&str> = peers
        .peers
        .iter()
        .map(|p| members[p.member].city.as_str())
        .collect();
    // Yon: Ireland, joined 2020 (1.0); Aville: Ireland (0.75); then the other members of
    // Europe and North America (0.25), by name. Kenya, Brazil and Japan share nothing.
    assert_eq!(names, ["Yon", "Aville", "Bton", "Évry"]);
    assert_eq!(peers.peers[0].same_joined, Some(2020));
    assert!(peers.peers.iter().all(|p| p.shared_terms.is_empty()));
}

#[test]
fn the_index_can_be_built_on_another_thread() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<TextIndex>();
    let data = small();
    let members = data.members.clone();
    let index = std::thread::spawn(move || TextIndex::new(&members))
        .join()
        .expect("built");
    assert_eq!(index.len(), 10);
}

#[test]
fn bundled_learning_lighthouses_ranks_namyangju_first() {
    let data = Dataset::bundled();
    let index = TextIndex::new(&data.members);
    let hits = index.search(&TextQuery::parse("learning lighthouses"));
    assert_eq!(
        cities(&data.members, &hits).first().map(String::as_str),
        Some("Namyangju")
    );
}

#[test]
fn bundled_41742_finds_sonderborg() {
    let data = Dataset::bundled();
    let index = TextIndex::new(&data.members);
    let hits = index.search(&TextQuery::parse("41742"));
    assert_eq!(cities(&data.members, &hits), ["Sønderborg"]);
    let sonderborg = &data.members[hits[0].member];
    let snippet = index
        .snippet(sonderborg, &TextQuery::parse("41742"), 120)
        .expect("a snippet");
    assert_eq!(snippet.field, Field::Tagline);
    assert!(snippet.text.contains("41742"));
}

#[test]
fn bundled_peers_of_cork_are_profiled_cities_with_shared_words() {
    let data = Dataset::bundled();
    let members = &data.members;
    let index = TextIndex::new(members);
    let cork = index_of(members, "Cork");
    let peers = index.peers(members, cork, 5);
    assert_eq!(peers.basis, PeerBasis::ProfileText);
    assert_eq!(peers.peers.len(), 5);
    let words_of = |m: &Member| -> Vec<String> {
        Field::ALL
            .iter()
            .filter_map(|f| f.text(m))
            .flat_map(gnlc::fulltext::words)
            .collect()
    };
    let cork_words = words_of(&members[cork]);
    for peer in &peers.peers {
        let other = &members[peer.member];
        assert_ne!(peer.member, cork);
        assert!(!words_of(other).is_empty(), "{} is profiled", other.city);
        assert!(!peer.shared_terms.is_empty(), "{} shares words", other.city);
        let other_words = words_of(other);
        for term in &peer.shared_terms {
            for word in gnlc::fulltext::words(term) {
                assert!(
                    cork_words.contains(&word) && other_words.contains(&word),
                    "{word}"
                );
            }
            // Words every profile uses explain nothing.
            assert!(
                !["learning", "city", "lifelong"].contains(&term.as_str()),
                "{term}"
            );
        }
    }
}
