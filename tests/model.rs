//! The data model seen from outside: loading datasets, each loader error with what its one
//! line must say, country canonicalisation, derived ids, and cluster inference on excerpts of
//! the real profiles (the saved listing page in `assets/`), with expectations reasoned from the lexicon by hand.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

use gnlc::error::Error;
use gnlc::model::load::{from_bytes, from_path, from_str};
use gnlc::model::{Cluster, ClusterBasis, Dataset, Region, clusters};
use std::path::Path;

/// Loads `text` as a file named `data.json` and returns the error line, checking it is one.
fn error_of(text: &str) -> String {
    match from_str(text, "data.json") {
        Ok(d) => panic!("expected an error, loaded {} members", d.members.len()),
        Err(e) => one_line(&e),
    }
}

fn one_line(e: &Error) -> String {
    let message = e.to_string();
    assert!(
        !message.contains('\n') && !message.contains('\r'),
        "not one line: {message:?}"
    );
    assert_eq!(e.exit_code(), 1, "data errors exit with 1: {message}");
    message
}

fn load(text: &str) -> Dataset {
    from_str(text, "data.json").unwrap_or_else(|e| panic!("{e}"))
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

fn contains_all(message: &str, parts: &[&str]) {
    for part in parts {
        assert!(message.contains(part), "{message:?} lacks {part:?}");
    }
}

// ---- reading the file ----

#[test]
fn a_missing_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.json");
    let path = path.to_str().unwrap();
    let e = from_path(path).unwrap_err();
    let message = one_line(&e);
    assert_eq!(message, format!("{path}: no such file"));
}

#[test]
fn an_unreadable_file_is_named() {
    // A directory is the unreadable "file" a test can make portably: the tests may run as
    // root, and root reads a file of mode 000 anyway, so a permissions test would not test
    // the error path there.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_str().unwrap();
    let message = one_line(&from_path(path).unwrap_err());
    assert_eq!(message, format!("{path}: is a directory, not a file"));
}

#[test]
fn an_empty_file_is_refused_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [("empty.json", &b""[..]), ("blank.json", b" \n\t\n")] {
        let path = write(dir.path(), name, bytes);
        let message = one_line(&from_path(&path).unwrap_err());
        contains_all(&message, &[&path, "empty", "members"]);
    }
}

#[test]
fn invalid_utf8_names_line_and_column() {
    // Line 2, after `  "source": "caf` (16 characters), comes a Latin-1 é (0xE9): column 17.
    let bytes = b"{\n  \"source\": \"caf\xe9\",\n  \"members\": []\n}\n";
    let message = one_line(&from_bytes(bytes, "latin1.json").unwrap_err());
    assert!(
        message.starts_with("latin1.json:2:17: "),
        "{message:?} does not start with the place"
    );
    contains_all(&message, &["UTF-8"]);
}

#[test]
fn malformed_json_names_line_and_column() {
    // Line 3 lacks the comma between two fields; the parser stops at the `"` that opens
    // "country", the 16th character of the line (two spaces, then `{"city": "A" `).
    let text = "{\"members\": [\n  {\"city\": \"B\", \"country\": \"China\"},\n  {\"city\": \"A\" \"country\": \"China\"}\n]}";
    let message = error_of(text);
    assert!(message.starts_with("data.json:3:16: "), "{message}");
    contains_all(&message, &["invalid JSON", "expected `,` or `}`"]);
}

#[test]
fn trailing_garbage_after_the_object_is_located() {
    let message = error_of("{\"members\": []}\nxyz");
    assert!(message.starts_with("data.json:2:1: "), "{message}");
    contains_all(&message, &["invalid JSON", "trailing"]);
}

#[test]
fn a_top_level_that_is_not_an_object_is_refused() {
    // serde alone would read `[1, 2]` as a struct written positionally and complain that
    // `2` is not a string; the loader says what is wrong instead.
    let message = error_of("\n  [1, 2]");
    contains_all(
        &message,
        &[
            "data.json:2:3: ",
            "starts with `[`",
            "JSON object",
            "members",
        ],
    );
    let message = error_of("{\"schema_version\": 1}");
    contains_all(&message, &["missing field `members`"]);
}

// ---- members: types and required fields ----

#[test]
fn a_wrong_type_names_member_city_and_field() {
    let text = r#"{"members": [
  {"city": "Espoo", "country": "Finland"},
  {"city": "Cork", "country": "Ireland", "tagline": 5}
]}"#;
    let message = error_of(text);
    // The `5` is the 53rd character of line 3: two spaces, `{"city": "Cork", ` (17),
    // `"country": "Ireland", ` (22), `"tagline": ` (11).
    contains_all(
        &message,
        &[
            "data.json:3:53: ",
            "member 1 (Cork)",
            "field `tagline`",
            "expected a string, found 5",
        ],
    );
}

#[test]
fn a_wrong_type_inside_a_nested_field_names_the_path() {
    let text =
        r#"{"members": [{"city": "Cork", "country": "Ireland", "awards": [{"year": "2015"}]}]}"#;
    let message = error_of(text);
    contains_all(
        &message,
        &[
            "member 0 (Cork)",
            "field `awards[0].year`",
            "expected a year (a whole number from 0 to 65535), found the string \"2015\"",
        ],
    );
}

#[test]
fn a_member_without_city_names_its_index() {
    let text = r#"{"members": [
  {"city": "Espoo", "country": "Finland"},
  {"country": "Ireland"}
]}"#;
    let message = error_of(text);
    contains_all(&message, &["member 1", "field `city`", "missing"]);
    assert!(!message.contains("member 0"), "{message}");
}

#[test]
fn a_member_without_country_names_index_and_city() {
    let text = r#"{"members": [{"city": "Espoo"}]}"#;
    let message = error_of(text);
    contains_all(
        &message,
        &["member 0 (Espoo)", "field `country`", "missing"],
    );
}

#[test]
fn an_empty_city_or_country_is_refused() {
    let message = error_of(r#"{"members": [{"city": "  ", "country": "Finland"}]}"#);
    contains_all(&message, &["member 0", "field `city`", "empty"]);
    let message = error_of(r#"{"members": [{"city": "Espoo", "country": ""}]}"#);
    contains_all(&message, &["member 0 (Espoo)", "field `country`", "empty"]);
}

#[test]
fn an_unknown_field_is_named() {
    let message =
        error_of(r#"{"members": [{"city": "Espoo", "country": "Finland", "colour": 1}]}"#);
    contains_all(&message, &["member 0 (Espoo)", "unknown field `colour`"]);
}

// ---- members: semantic checks ----

#[test]
fn a_duplicate_member_is_named() {
    let text = r#"{"members": [
  {"city": "Espoo", "country": "Finland"},
  {"city": "Cork", "country": "Ireland"},
  {"city": "Espoo", "country": "Finland"}
]}"#;
    let message = error_of(text);
    contains_all(
        &message,
        &[
            "member 2 (Espoo)",
            "duplicate member `espoo-finland`",
            "member 0",
        ],
    );
}

#[test]
fn a_duplicate_under_another_spelling_of_the_country_is_caught() {
    // "Turkey" is canonicalised to "Türkiye", so both derive the id `izmir-turkiye`.
    let text = r#"{"members": [
  {"city": "Izmir", "country": "Türkiye"},
  {"city": "Izmir", "country": "Turkey"}
]}"#;
    contains_all(
        &error_of(text),
        &["member 1 (Izmir)", "duplicate member `izmir-turkiye`"],
    );
}

#[test]
fn an_unknown_region_is_named_with_the_valid_ones() {
    let text = r#"{"members": [{"city": "Espoo", "country": "Finland", "region": "Nordics"}]}"#;
    let message = error_of(text);
    contains_all(
        &message,
        &["member 0 (Espoo)", "field `region`", "`Nordics`"],
    );
    for region in Region::ALL {
        contains_all(&message, &[region.name()]);
    }
}

#[test]
fn an_unknown_cluster_is_named_with_the_valid_ones() {
    let text = r#"{"members": [{"city": "Espoo", "country": "Finland", "clusters": ["literacy", "space"]}]}"#;
    let message = error_of(text);
    contains_all(
        &message,
        &["member 0 (Espoo)", "field `clusters`", "`space`"],
    );
    for cluster in Cluster::ALL {
        contains_all(&message, &[cluster.id()]);
    }
}

#[test]
fn an_unknown_country_needs_a_region() {
    let message = error_of(r#"{"members": [{"city": "Q", "country": "Atlantis"}]}"#);
    contains_all(
        &message,
        &["member 0 (Q)", "field `country`", "`Atlantis`", "region"],
    );

    let d = load(r#"{"members": [{"city": "Q", "country": "Atlantis", "region": "Africa"}]}"#);
    assert_eq!(d.members[0].country, "Atlantis");
    assert_eq!(d.members[0].region, Region::Africa);
}

#[test]
fn a_stated_region_wins_and_may_be_spelled_loosely() {
    let d =
        load(r#"{"members": [{"city": "X", "country": "Finland", "region": "asia & pacific"}]}"#);
    assert_eq!(d.members[0].region, Region::AsiaPacific);
}

#[test]
fn coordinates_off_the_globe_are_refused() {
    let text = r#"{"members": [{"city": "Cork", "country": "Ireland", "coordinates": {"lat": 95, "lon": 0}}]}"#;
    contains_all(&error_of(text), &["member 0 (Cork)", "field `coordinates`"]);
}

#[test]
fn a_newer_schema_version_is_refused() {
    let message = error_of(r#"{"schema_version": 99, "members": []}"#);
    contains_all(&message, &["field `schema_version`", "99", "upgrade"]);
}

#[test]
fn hostile_text_in_an_error_is_made_visible() {
    let text =
        "{\"members\": [{\"city\": \"Evil\\u001b[2J\\nCity\", \"country\": \"Nowhere\\u009b\"}]}";
    let message = error_of(text);
    assert!(
        !message.contains('\u{1b}') && !message.contains('\u{9b}'),
        "{message:?}"
    );
    contains_all(&message, &["member 0 (Evil\u{241b}[2J City)"]);
}

// ---- what a valid dataset resolves to ----

#[test]
fn an_empty_members_array_is_valid() {
    let d = load(r#"{"members": []}"#);
    assert!(d.members.is_empty());
    assert_eq!(d.schema_version, gnlc::model::SCHEMA_VERSION);
    assert_eq!(d.source, "");
}

#[test]
fn countries_are_canonicalised_and_get_their_region() {
    let d = load(
        r#"{"members": [
  {"city": "Izmir", "country": "Turkey"},
  {"city": "Hue", "country": "Vietnam"},
  {"city": "Fez", "country": "Kingdom of Morocco"},
  {"city": "Shiraz", "country": "Islamic Republic of Iran"},
  {"city": "Chisinau", "country": "moldova"},
  {"city": "Aswan", "country": "Egypt"},
  {"city": "Almaty", "country": "Kazakhstan"},
  {"city": "Haifa", "country": "Israel"}
]}"#,
    );
    let got: Vec<(&str, Region)> = d
        .members
        .iter()
        .map(|m| (m.country.as_str(), m.region))
        .collect();
    assert_eq!(
        got,
        [
            ("Türkiye", Region::EuropeNorthAmerica),
            ("Viet Nam", Region::AsiaPacific),
            ("Morocco", Region::ArabStates),
            ("Iran (Islamic Republic of)", Region::AsiaPacific),
            ("Republic of Moldova", Region::EuropeNorthAmerica),
            ("Egypt", Region::ArabStates),
            ("Kazakhstan", Region::AsiaPacific),
            ("Israel", Region::EuropeNorthAmerica),
        ]
    );
}

#[test]
fn ids_are_derived_when_missing_and_kept_when_given() {
    let d = load(
        r#"{"members": [
  {"city": "Villa María", "country": "Argentina"},
  {"city": "Sønderborg", "country": "Denmark"},
  {"city": "Cork", "country": "Ireland", "id": "cork-city"},
  {"city": "Hue", "country": "Vietnam", "id": "  "}
]}"#,
    );
    let ids: Vec<&str> = d.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "villa-maria-argentina",
            "sonderborg-denmark",
            "cork-city",
            "hue-viet-nam"
        ]
    );
}

#[test]
fn stated_clusters_are_kept_sorted_and_marked_stated() {
    let d = load(
        r#"{"members": [{"city": "A", "country": "Kenya", "summary": "Adult literacy",
            "clusters": ["health-wellbeing", "Equity and inclusion", "health-wellbeing"]}]}"#,
    );
    let m = &d.members[0];
    // As stated (deduplicated, in cluster order), not inferred: the text says "literacy".
    assert_eq!(
        m.clusters,
        [Cluster::EquityInclusion, Cluster::HealthWellbeing]
    );
    assert_eq!(m.cluster_basis, ClusterBasis::Stated);
}

#[test]
fn missing_clusters_are_inferred_and_marked_inferred() {
    let d = load(
        r#"{"members": [
  {"city": "A", "country": "Kenya", "summary": "Adult literacy classes"},
  {"city": "B", "country": "Kenya"}
]}"#,
    );
    assert_eq!(d.members[0].clusters, [Cluster::Literacy]);
    assert_eq!(d.members[0].cluster_basis, ClusterBasis::Inferred);
    // No text, no clusters; still an inference (of nothing), not UNESCO's word.
    assert!(d.members[1].clusters.is_empty());
    assert_eq!(d.members[1].cluster_basis, ClusterBasis::Inferred);
}

#[test]
fn a_dataset_may_say_its_clusters_were_inferred() {
    // gnlc's own JSON output carries `cluster_basis`; loading it back keeps the basis.
    let d = load(
        r#"{"members": [{"city": "A", "country": "Kenya", "clusters": ["literacy"],
            "cluster_basis": "inferred"}]}"#,
    );
    assert_eq!(d.members[0].cluster_basis, ClusterBasis::Inferred);
    let message =
        error_of(r#"{"members": [{"city": "A", "country": "Kenya", "cluster_basis": "guessed"}]}"#);
    contains_all(
        &message,
        &["member 0 (A)", "field `cluster_basis`", "guessed"],
    );
}

#[test]
fn a_loaded_dataset_round_trips_through_its_json() {
    let d = load(
        r#"{"schema_version": 1, "source": "test", "members": [
  {"city": "Cork", "country": "Ireland", "tagline": "A firm commitment", "awards": [{"year": 2015}],
   "coordinates": {"lat": 51.9, "lon": -8.47}, "joined": 2016},
  {"city": "Espoo", "country": "Finland", "summary": "wellbeing", "clusters": ["literacy"]}
]}"#,
    );
    let json = serde_json::to_string(&d).unwrap();
    assert_eq!(load(&json), d);
}

// ---- cluster inference on the real profiles (excerpts of the saved listing page, verbatim) ----

fn infer(fields: &[(&str, &str)]) -> Vec<Cluster> {
    let mut member = serde_json::json!({"city": "X", "country": "Argentina"});
    for (field, text) in fields {
        member[*field] = serde_json::Value::from(*text);
    }
    let d = load(&serde_json::json!({ "members": [member] }).to_string());
    let m = &d.members[0];
    assert_eq!(m.cluster_basis, ClusterBasis::Inferred);
    let from_evidence: Vec<Cluster> = clusters::evidence(m).into_iter().map(|(c, _)| c).collect();
    assert_eq!(from_evidence, m.clusters, "evidence and inference agree");
    m.clusters.clone()
}

#[test]
fn villa_maria_adult_illiteracy_is_literacy() {
    let clusters = infer(&[
        ("tagline", "Gender equality and universal literacy rates"),
        (
            "challenges",
            "Villa María tries to provide better lifelong learning opportunities for all in the following areasAdult illiteracyChildcareInclusive learningLearning in families and communitiesSustainability",
        ),
    ]);
    // literacy/illiteracy; gender, equality, inclusive; sustainability.
    assert_eq!(
        clusters,
        [
            Cluster::SustainableDevelopment,
            Cluster::EquityInclusion,
            Cluster::Literacy
        ]
    );
}

#[test]
fn espoo_wellbeing_and_inclusion() {
    let clusters = infer(&[
        ("tagline", "Creating the Espoo Story Together"),
        (
            "summary",
            "Learning city initiatives play a key role in promoting the wellbeing and inclusion of Espoos citizens",
        ),
    ]);
    assert_eq!(
        clusters,
        [Cluster::EquityInclusion, Cluster::HealthWellbeing]
    );
}

#[test]
fn sonderborg_citizenship_health_and_sustainability() {
    let clusters = infer(&[
        (
            "tagline",
            "Sustainable development and the 41742 way of thinking",
        ),
        (
            "summary",
            "To propel development the city of Sønderborg is prioritising three interdisciplinary areas citizenship health and sustainability",
        ),
    ]);
    assert_eq!(
        clusters,
        [
            Cluster::SustainableDevelopment,
            Cluster::GlobalCitizenship,
            Cluster::HealthWellbeing
        ]
    );
}

#[test]
fn namyangju_happiness_and_libraries() {
    let clusters = infer(&[
        (
            "tagline",
            "Learning lighthouses only a tenminute walk to happiness",
        ),
        ("plan", "Libraries shall be within 30 minutes walk"),
    ]);
    assert_eq!(clusters, [Cluster::HealthWellbeing, Cluster::Literacy]);
}

#[test]
fn dilijan_unemployment_is_entrepreneurship() {
    let clusters = infer(&[(
        "challenges",
        "Dilijan experienced a difficult period after the collapse of the Soviet Union with increased unemployment and declining economic development",
    )]);
    assert_eq!(clusters, [Cluster::Entrepreneurship]);
}

#[test]
fn cork_inequalities_and_social_inclusion_are_equity() {
    let clusters = infer(&[(
        "vision",
        "Education and lifelong learning are regarded by Cork as a key means to reduce inequalities and improve social inclusion",
    )]);
    assert_eq!(clusters, [Cluster::EquityInclusion]);
}

#[test]
fn beijing_tagline_alone_names_no_cluster() {
    // "Capital of Learning for comprehensive development": no keyword, so no cluster; the
    // lexicon does not treat "development" or "learning" as evidence of anything.
    assert!(
        infer(&[(
            "tagline",
            "Capital of Learning for comprehensive development"
        )])
        .is_empty()
    );
}

#[test]
fn chengdu_key_features_and_plan_are_planning() {
    let clusters = infer(&[("tagline", "Leading the development of a learning city plan")]);
    assert_eq!(clusters, [Cluster::PlanningMonitoringEvaluation]);
    let ev = {
        let d = load(
            r#"{"members": [{"city": "Chengdu", "country": "China", "vision": "Chengdu is drawing on the UNESCO GNLC and the Key Features of Building Learning Cities to develop plans and tools for promoting lifelong learning"}]}"#,
        );
        clusters::evidence(&d.members[0])
    };
    assert_eq!(
        ev,
        [(Cluster::PlanningMonitoringEvaluation, vec!["key features"])]
    );
}

// ---- the documentation stays in step with the lexicon ----

#[test]
fn dataset_md_lists_every_keyword_of_the_lexicon() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let (_, table) = doc
        .split_once("| id | name | keywords |")
        .expect("the keyword table's header");
    for cluster in Cluster::ALL {
        let row = table
            .lines()
            .find(|l| l.starts_with('|') && l.contains(&format!("`{}`", cluster.id())))
            .unwrap_or_else(|| panic!("no table row for {}", cluster.id()));
        let listed: Vec<&str> = row
            .rsplit('|')
            .nth(1)
            .unwrap()
            .split(',')
            .map(|k| k.trim().trim_matches('`'))
            .collect();
        assert_eq!(
            listed,
            clusters::keywords(cluster),
            "row of {}",
            cluster.id()
        );
    }
}

#[test]
fn a_member_written_as_an_array_is_refused() {
    let err = gnlc::model::load::from_str(r#"{"members": [["Cork", "Ireland"]]}"#, "arr.json")
        .expect_err("an array is not a member");
    let message = err.to_string();
    assert!(message.starts_with("arr.json:1:"), "{message}");
    assert!(message.contains("member 0"), "{message}");
    assert!(message.contains("a member object"), "{message}");
}

/// A dataset of `n` distinct members, as JSON objects, to be edited by the caller.
fn many_members(n: usize) -> Vec<serde_json::Value> {
    (0..n)
        .map(|i| serde_json::json!({"city": format!("City {i}"), "country": "France", "vision": "literacy"}))
        .collect()
}

#[test]
fn large_datasets_resolve_in_parallel_and_report_the_first_problem_in_member_order() {
    // Past 4096 members the loader resolves on every core; errors must still be the ones a
    // member-by-member load finds first.
    let mut members = many_members(6000);
    members[5500]["region"] = serde_json::json!("Atlantis");
    members[4200]["city"] = serde_json::json!("City 3");
    let text = serde_json::json!({ "members": members }).to_string();
    let message = gnlc::model::load::from_str(&text, "big.json")
        .expect_err("a duplicate and a bad region")
        .to_string();
    // The id is derived, not written: the error points at the member's `{`, the second
    // object for "City 3" on the one line of the file (the first is member 3).
    let at = text.match_indices(r#"{"city":"City 3","#).nth(1).unwrap().0;
    let want = format!(
        "big.json:1:{}: member 4200 (City 3), field `id`: duplicate member `city-3-france`: member 3",
        at + 1
    );
    assert!(message.starts_with(&want), "{message}");

    let mut members = many_members(6000);
    members[5500]["region"] = serde_json::json!("Atlantis");
    let text = serde_json::json!({ "members": members }).to_string();
    let message = gnlc::model::load::from_str(&text, "big.json")
        .expect_err("a bad region")
        .to_string();
    let at = text.find(r#""Atlantis""#).unwrap();
    let want = format!(
        "big.json:1:{}: member 5500 (City 5500), field `region`: unknown region `Atlantis`",
        at + 1
    );
    assert!(message.starts_with(&want), "{message}");

    let text = serde_json::json!({ "members": many_members(6000) }).to_string();
    let dataset = gnlc::model::load::from_str(&text, "big.json").expect("valid");
    assert_eq!(dataset.members.len(), 6000);
    assert!(
        dataset
            .members
            .iter()
            .enumerate()
            .all(|(i, m)| m.city == format!("City {i}")
                && m.clusters == [gnlc::model::Cluster::Literacy]),
        "members keep their order and get their inferred clusters"
    );
}

#[test]
fn members_of_the_wrong_type_name_the_field() {
    let message = gnlc::model::load::from_str(r#"{"members": {}}"#, "m.json")
        .expect_err("members must be an array")
        .to_string();
    assert!(message.starts_with("m.json:1:"), "{message}");
    assert!(message.contains("field `members`"), "{message}");
}

#[test]
fn a_hostile_file_name_is_shown_harmlessly() {
    let message = gnlc::model::load::from_path("/nonexistent/\u{1b}[31mred.json")
        .expect_err("no such file")
        .to_string();
    assert!(!message.contains('\u{1b}'), "{message:?}");
    assert!(message.contains("\u{241b}[31mred.json"), "{message:?}");
}

// ---- the directory's fields: joined_basis, coordinates_of, sources, announced ----

#[test]
fn joined_basis_and_coordinates_of_load_with_what_they_qualify() {
    let d = load(
        r#"{"announced": {"members": 425, "countries": 91, "as_of": "December 2025"},
            "members": [{"city": "Nam-gu (Busan)", "country": "Republic of Korea",
            "joined": 2020, "joined_basis": "member_by",
            "coordinates": {"lat": 35.1, "lon": 129.03}, "coordinates_of": "parent",
            "sources": ["https://example.org/a", " "]}]}"#,
    );
    let m = &d.members[0];
    assert_eq!(m.joined_basis, Some(gnlc::model::JoinedBasis::MemberBy));
    assert_eq!(m.coordinates_of, Some(gnlc::model::CoordinatesOf::Parent));
    assert_eq!(
        m.sources,
        ["https://example.org/a"],
        "blank sources are dropped"
    );
    assert_eq!(
        d.announced.as_ref().map(|a| a.as_of.as_str()),
        Some("December 2025")
    );
}

#[test]
fn a_basis_without_its_year_and_a_point_without_coordinates_are_errors() {
    let message = error_of(
        r#"{"members": [{"city": "Cork", "country": "Ireland", "joined_basis": "joined"}]}"#,
    );
    contains_all(
        &message,
        &[
            "data.json",
            "member 0 (Cork)",
            "field `joined_basis`",
            "no `joined` year",
        ],
    );
    let message = error_of(
        r#"{"members": [{"city": "Cork", "country": "Ireland", "coordinates_of": "city"}]}"#,
    );
    contains_all(
        &message,
        &[
            "member 0 (Cork)",
            "field `coordinates_of`",
            "no `coordinates`",
        ],
    );
    let message = error_of(
        r#"{"members": [{"city": "Cork", "country": "Ireland", "joined": 2016,
            "joined_basis": "joined_by"}]}"#,
    );
    contains_all(
        &message,
        &[
            "data.json:2:",
            "member 0 (Cork)",
            "field `joined_basis`",
            "unknown variant",
        ],
    );
    let message = error_of(r#"{"announced": {"members": 425}, "members": []}"#);
    contains_all(
        &message,
        &[
            "data.json:1:",
            "field `announced`",
            "missing field `countries`",
        ],
    );
}
