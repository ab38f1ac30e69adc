//! Profile-text search through the query engine and the command line (`list --text`,
//! `peers`), on a small dataset written so that the right answers hold by construction, and
//! on the bundled data.
//!
//! The small dataset: every profile says "learning city", "lifelong" and "education".
//! Aville (Ireland) and Bton (Denmark) alone speak of flooding, boats and mobile libraries;
//! Aville says "boats" in its tagline too, so it outranks Bton on "boats". Cburg (Kenya) and
//! Dstadt (Brazil) alone speak of coding clubs and digital skills, Dstadt "for older adults".
//! Zed (Ireland) has no profile text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

use gnlc::facet::COUNTRY;
use gnlc::model::load;
use gnlc::query::{Engine, Query};
use std::process::{Command, Output, Stdio};

const COMMON: &str = "A learning city for lifelong education.";

fn member(city: &str, country: &str, text: Option<(&str, &str)>) -> String {
    let profile = text.map_or(String::new(), |(tagline, summary)| {
        format!(r#", "tagline": "{tagline}", "summary": "{summary}", "vision": "{COMMON}""#)
    });
    format!(r#"{{"city": "{city}", "country": "{country}"{profile}}}"#)
}

fn small_json() -> String {
    let members = [
        member(
            "Bton",
            "Denmark",
            Some((
                "Reading for everyone",
                "After the flooding, mobile libraries and boats reach every village.",
            )),
        ),
        member(
            "Aville",
            "Ireland",
            Some((
                "Boats and books on the river",
                "Flooding each spring cuts villages off, so mobile libraries travel by boats.",
            )),
        ),
        member(
            "Cburg",
            "Kenya",
            Some((
                "Skills for work",
                "Digital skills and coding clubs for young people.",
            )),
        ),
        member(
            "Dstadt",
            "Brazil",
            Some((
                "Never too old",
                "Coding clubs and digital skills for older adults.",
            )),
        ),
        member("Zed", "Ireland", None),
    ];
    format!(r#"{{"members": [{}]}}"#, members.join(","))
}

fn engine() -> Engine {
    Engine::new(load::from_str(&small_json(), "small.json").expect("valid")).with_text_index()
}

fn cities(engine: &Engine, query: &Query) -> Vec<String> {
    engine
        .run(query)
        .hits
        .iter()
        .map(|h| engine.member(h.member).city.clone())
        .collect()
}

fn profile(engine: &Engine, text: &str) -> Vec<String> {
    cities(engine, &Query::default().with_profile(text))
}

#[test]
fn a_word_in_the_tagline_ranks_first_and_scores_are_relevance() {
    let engine = engine();
    assert_eq!(profile(&engine, "boats"), ["Aville", "Bton"]);
    let results = engine.run(&Query::default().with_profile("boats"));
    assert!(results.hits[0].score > results.hits[1].score);
    assert!(results.hits[1].score > 0);
}

#[test]
fn exclusions_phrases_and_prefixes() {
    let engine = engine();
    assert_eq!(profile(&engine, "coding !older"), ["Cburg"]);
    assert!(profile(&engine, "flooding !boats").is_empty());
    let mut phrase = profile(&engine, "\"coding clubs\"");
    phrase.sort();
    assert_eq!(phrase, ["Cburg", "Dstadt"]);
    assert!(profile(&engine, "\"clubs coding\"").is_empty());
    let mut prefix = profile(&engine, "flood*");
    prefix.sort();
    assert_eq!(prefix, ["Aville", "Bton"]);
    assert!(profile(&engine, "floodx*").is_empty());
}

#[test]
fn facets_count_text_matches_as_they_count_name_matches() {
    let engine = engine();
    let query = Query::default()
        .with_profile("flooding")
        .with(COUNTRY, ["Ireland"]);
    let results = engine.run(&query);
    let hits: Vec<&str> = results
        .hits
        .iter()
        .map(|h| engine.member(h.member).city.as_str())
        .collect();
    assert_eq!(hits, ["Aville"]);
    // Choosing Denmark too would add Bton; Kenya has no flooding; Zed (Ireland) no text.
    let counts: Vec<(String, usize)> = results
        .facets
        .of(&COUNTRY)
        .iter()
        .map(|(v, n)| (v.label().into_owned(), *n))
        .collect();
    let count = |c: &str| counts.iter().find(|(l, _)| l == c).map(|(_, n)| *n);
    assert_eq!(count("Ireland"), Some(1));
    assert_eq!(count("Denmark"), Some(1));
    assert_eq!(count("Kenya"), Some(0));
    assert_eq!(count("Brazil"), Some(0));
}

#[test]
fn name_search_and_profile_text_combine() {
    let engine = engine();
    let query = Query::text("ton").with_profile("flooding");
    assert_eq!(cities(&engine, &query), ["Bton"]);
}

#[test]
fn without_an_index_a_profile_query_matches_nothing_and_an_empty_one_everything() {
    let bare = Engine::new(load::from_str(&small_json(), "small.json").expect("valid"));
    assert!(profile(&bare, "boats").is_empty());
    assert_eq!(profile(&bare, "  ").len(), 5);
    assert_eq!(profile(&engine(), "").len(), 5);
}

fn gnlc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gnlc"))
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .expect("the gnlc binary runs")
}

fn ok_stdout(args: &[&str]) -> String {
    let out = gnlc(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok_stdout(args)).expect("JSON")
}

fn small_file() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("small.json");
    std::fs::write(&path, small_json()).expect("write");
    (dir, path.to_string_lossy().into_owned())
}

#[test]
fn list_text_json_has_score_and_snippet_ranked() {
    let (_dir, data) = small_file();
    let v = json(&[
        "list", "--data", &data, "--text", "boats", "--format", "json",
    ]);
    let members = v["members"].as_array().expect("members");
    let names: Vec<&str> = members
        .iter()
        .map(|m| m["city"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Aville", "Bton"]);
    let s0 = members[0]["score"].as_f64().expect("score");
    let s1 = members[1]["score"].as_f64().expect("score");
    assert!(s0 > s1 && s1 > 0.0, "{s0} {s1}");
    let snippet = members[1]["snippet"].as_str().expect("snippet");
    assert!(snippet.contains("boats"), "{snippet}");
}

#[test]
fn list_text_combines_with_filters_and_search_and_no_match_is_empty() {
    let (_dir, data) = small_file();
    let csv = ok_stdout(&[
        "list",
        "--data",
        &data,
        "--text",
        "flooding",
        "--country",
        "Denmark",
        "--format",
        "csv",
    ]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("id,city,country,region,clusters,cluster_basis,tagline,snippet")
    );
    let row = lines.next().expect("one row");
    assert!(row.contains(",Bton,") && row.contains("flooding"), "{row}");
    assert_eq!(lines.next(), None);
    let v = json(&[
        "list", "--data", &data, "--text", "coding", "--search", "dst", "--format", "json",
    ]);
    assert_eq!(v["members"][0]["city"], "Dstadt");
    assert_eq!(v["members"].as_array().map(Vec::len), Some(1));
    let out = gnlc(&["list", "--data", &data, "--text", "volcanoes"]);
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(table.contains("0 of 5 members"), "{table}");
    assert!(table.starts_with("City") && table.lines().next().unwrap().ends_with("Snippet"));
}

#[test]
fn peers_share_rare_words_and_never_list_the_city() {
    let (_dir, data) = small_file();
    let v = json(&["peers", "Aville", "--data", &data, "--format", "json"]);
    let peers = v.as_array().expect("an array");
    assert_eq!(peers[0]["city"], "Bton");
    assert_eq!(peers[0]["country"], "Denmark");
    assert!(peers[0]["score"].as_f64().unwrap() > 0.0);
    let shared: Vec<&str> = peers[0]["shared_terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(
        shared
            .iter()
            .any(|t| t.contains("flooding") || t.contains("boats")),
        "{shared:?}"
    );
    assert_eq!(peers[0]["basis"], "profile-text");
    assert!(peers.iter().all(|p| p["city"] != "Aville"));
    let v = json(&[
        "peers", "Cburg", "--data", &data, "--format", "json", "--limit", "1",
    ]);
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    assert_eq!(v[0]["city"], "Dstadt");
}

#[test]
fn peers_without_profile_text_say_their_basis() {
    let (_dir, data) = small_file();
    let v = json(&["peers", "Zed", "--data", &data, "--format", "json"]);
    assert_eq!(v[0]["city"], "Aville", "the only other Irish member");
    assert_eq!(v[0]["same_country"], true);
    assert_eq!(v[0]["basis"], "country-region-joined");
    let table = ok_stdout(&["peers", "Zed", "--data", &data]);
    assert!(table.contains("No profile text to compare"), "{table}");
    let out = gnlc(&["peers", "Nowhere", "--data", &data]);
    assert!(!out.status.success());
}

#[test]
fn bundled_learning_lighthouses_ranks_namyangju_first() {
    let v = json(&["list", "--text", "learning lighthouses", "--format", "json"]);
    assert_eq!(v["members"][0]["city"], "Namyangju");
    let snippet = v["members"][0]["snippet"].as_str().unwrap().to_lowercase();
    assert!(snippet.contains("lighthouses"), "{snippet}");
}

#[test]
fn bundled_41742_finds_sonderborg() {
    let v = json(&["list", "--text", "41742", "--format", "json"]);
    assert_eq!(v["members"][0]["city"], "Sønderborg");
}

#[test]
fn bundled_peers_of_cork_are_profiled_cities_with_shared_words() {
    let v = json(&["peers", "cork", "--format", "json", "--limit", "5"]);
    let peers = v.as_array().expect("an array");
    assert_eq!(peers.len(), 5);
    // The bundled profiles (see tests/cli.rs): the listing page's twelve and Chisinau.
    let profiled = [
        "Beijing",
        "Hangzhou",
        "Chengdu",
        "Shenzhen",
        "Namyangju",
        "Villa María",
        "Contagem",
        "Sønderborg",
        "Dilijan",
        "Plovdiv",
        "Espoo",
        "Chisinau",
    ];
    for p in peers {
        let city = p["city"].as_str().unwrap();
        assert!(profiled.contains(&city), "{city} is not a profiled city");
        assert!(!p["shared_terms"].as_array().unwrap().is_empty(), "{city}");
        assert_eq!(p["basis"], "profile-text");
    }
}
