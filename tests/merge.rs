//! Combining datasets with `model::merge`: members meet by id (so spelling variants of one city
//! are one member), later datasets' fields win, a missing field never erases one, and every
//! changed value is named in the report. Expected values are worked out from the fixtures.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

use gnlc::model::merge::{Conflict, merge, merge_all};
use gnlc::model::{Cluster, ClusterBasis, Dataset, JoinedBasis, load};

fn data(json: &str) -> Dataset {
    load::from_str(json, "fixture.json").expect("the fixture loads")
}

#[test]
fn spelling_variants_meet_and_the_later_name_wins() {
    let directory = data(
        r#"{"source": "directory", "members": [
          {"city": "Chișinău", "country": "Moldova", "joined": 2020, "joined_basis": "joined",
           "coordinates": {"lat": 47.01, "lon": 28.86}, "coordinates_of": "city",
           "sources": ["https://example.org/intake-2020"]},
          {"city": "Cork", "country": "Ireland", "joined": 2016, "joined_basis": "member_by"}
        ]}"#,
    );
    let profiles = data(
        r#"{"source": "profiles", "members": [
          {"city": "Chisinau", "country": "Republic of Moldova", "summary": "A capital.",
           "source": "news item"}
        ]}"#,
    );
    let (merged, report) = merge(directory, profiles);
    assert_eq!((report.merged, report.added), (1, 0));
    assert_eq!(merged.members.len(), 2);
    assert_eq!(merged.source, "directory; profiles");
    let m = &merged.members[0];
    assert_eq!(m.id, "chisinau-republic-of-moldova");
    assert_eq!(m.city, "Chisinau");
    assert_eq!(
        (m.joined, m.joined_basis),
        (Some(2020), Some(JoinedBasis::Joined))
    );
    assert!(m.coordinates.is_some());
    assert_eq!(m.sources, ["https://example.org/intake-2020"]);
    assert_eq!(m.summary.as_deref(), Some("A capital."));
    assert_eq!(m.source.as_deref(), Some("news item"));
    assert_eq!(
        report.conflicts,
        [Conflict {
            member: "chisinau-republic-of-moldova".into(),
            field: "city",
            old: "\"Chișinău\"".into(),
            new: "\"Chisinau\"".into(),
        }]
    );
    assert_eq!(
        report.conflicts[0].to_string(),
        "member `chisinau-republic-of-moldova`, field `city`: \"Chișinău\" replaced by \"Chisinau\""
    );
}

#[test]
fn conflicting_values_are_named_and_the_later_one_kept() {
    let a = data(
        r#"{"members": [{"city": "Cork", "country": "Ireland", "joined": 2015,
          "joined_basis": "joined", "tagline": "Old words", "summary": "Kept",
          "coordinates": {"lat": 51.9, "lon": -8.47}}]}"#,
    );
    let b = data(
        r#"{"members": [{"city": "Cork", "country": "Ireland", "joined": 2016,
          "joined_basis": "member_by", "tagline": "New words",
          "coordinates": {"lat": 51.9, "lon": -8.47}}]}"#,
    );
    let (merged, report) = merge(a, b);
    let m = &merged.members[0];
    assert_eq!(
        (m.joined, m.joined_basis),
        (Some(2016), Some(JoinedBasis::MemberBy))
    );
    assert_eq!(m.tagline.as_deref(), Some("New words"));
    assert_eq!(
        m.summary.as_deref(),
        Some("Kept"),
        "a missing field erases nothing"
    );
    let named: Vec<(&str, &str, &str, &str)> = report
        .conflicts
        .iter()
        .map(|c| (c.member.as_str(), c.field, c.old.as_str(), c.new.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            ("cork-ireland", "joined", "2015", "2016"),
            (
                "cork-ireland",
                "joined_basis",
                "\"joined\"",
                "\"member_by\""
            ),
            ("cork-ireland", "tagline", "\"Old words\"", "\"New words\""),
        ],
        "equal coordinates are no conflict"
    );
}

#[test]
fn new_members_follow_and_awards_and_sources_combine() {
    let a = data(
        r#"{"members": [
          {"city": "Espoo", "country": "Finland", "awards": [{"year": 2015}],
           "sources": ["https://example.org/a"]}
        ]}"#,
    );
    let b = data(
        r#"{"members": [
          {"city": "Dilijan", "country": "Armenia"},
          {"city": "Espoo", "country": "Finland",
           "awards": [{"year": 2019, "source": "list"}, {"year": 2015, "source": "award page"}],
           "sources": ["https://example.org/b", "https://example.org/a"]}
        ]}"#,
    );
    let (merged, report) = merge(a, b);
    assert_eq!((report.merged, report.added), (1, 1));
    assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    let cities: Vec<&str> = merged.members.iter().map(|m| m.city.as_str()).collect();
    assert_eq!(cities, ["Espoo", "Dilijan"]);
    let espoo = &merged.members[0];
    let awards: Vec<(u16, Option<&str>)> = espoo
        .awards
        .iter()
        .map(|a| (a.year, a.source.as_deref()))
        .collect();
    assert_eq!(awards, [(2015, Some("award page")), (2019, Some("list"))]);
    assert_eq!(
        espoo.sources,
        ["https://example.org/a", "https://example.org/b"]
    );
}

#[test]
fn stated_clusters_beat_inferred_ones_and_inference_reads_the_merged_text() {
    // `illiteracy` is a Literacy keyword and `gender` an Equity and inclusion keyword of
    // assets/cluster-lexicon.json.
    let stated = data(
        r#"{"members": [{"city": "Cork", "country": "Ireland", "clusters": ["entrepreneurship"]}]}"#,
    );
    let inferred = data(
        r#"{"members": [{"city": "Cork", "country": "Ireland", "summary": "Adult illiteracy."}]}"#,
    );
    let (merged, _) = merge(stated, inferred.clone());
    let m = &merged.members[0];
    assert_eq!(m.clusters, [Cluster::Entrepreneurship]);
    assert_eq!(m.cluster_basis, ClusterBasis::Stated);

    let more = data(
        r#"{"members": [{"city": "Cork", "country": "Ireland", "vision": "Gender equality."}]}"#,
    );
    let (merged, report) = merge(inferred, more);
    assert!(report.conflicts.is_empty());
    let m = &merged.members[0];
    assert_eq!(m.cluster_basis, ClusterBasis::Inferred);
    assert_eq!(m.clusters, [Cluster::EquityInclusion, Cluster::Literacy]);
}

#[test]
fn several_datasets_merge_in_order_and_the_result_loads_back() {
    let first =
        data(r#"{"members": [{"city": "Plovdiv", "country": "Bulgaria", "joined": 2019}]}"#);
    let second =
        data(r#"{"members": [{"city": "Plovdiv", "country": "Bulgaria", "joined": 2020}]}"#);
    let third = data(
        r#"{"announced": {"members": 425, "countries": 91, "as_of": "December 2025"},
            "members": [{"city": "Plovdiv", "country": "Bulgaria", "joined": 2021}]}"#,
    );
    let (merged, report) = merge_all([first, second, third]).expect("three datasets");
    assert_eq!(merged.members.len(), 1);
    assert_eq!(merged.members[0].joined, Some(2021));
    let years: Vec<(&str, &str)> = report
        .conflicts
        .iter()
        .map(|c| (c.old.as_str(), c.new.as_str()))
        .collect();
    assert_eq!(years, [("2019", "2020"), ("2020", "2021")]);
    assert_eq!(merged.announced.as_ref().map(|a| a.members), Some(425));
    assert!(merge_all(Vec::new()).is_none());
    // What `gnlc list --format json` would write of the merged data loads back the same.
    let json = serde_json::to_string(&merged).expect("writes");
    assert_eq!(load::from_str(&json, "merged.json").expect("loads"), merged);
}
