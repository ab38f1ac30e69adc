//! The query engine against a fixture of the twelve cities of the bundled listing page
//! plus Chisinau (from the municipality's news item), and against names whose folding changes their length.
//!
//! Regions are given explicitly in the fixture (UNESCO's grouping of each country) and the
//! clusters are made up for the tests, so every expected value below can be worked out by
//! hand from the fixture.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

use gnlc::facet::{CLUSTER, COUNTRY, REGION, Value};
use gnlc::model::{Cluster, Region, load};
use gnlc::query::{Engine, FacetCounts, Query, Results};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::LazyLock;

const FIXTURE: &str = r#"{ "members": [
  {"city": "Beijing", "country": "China", "region": "Asia and the Pacific",
   "clusters": ["sustainable-development", "planning-monitoring-evaluation"]},
  {"city": "Villa María", "country": "Argentina", "region": "Latin America and the Caribbean",
   "clusters": ["equity-inclusion", "literacy"]},
  {"city": "Contagem", "country": "Brazil", "region": "Latin America and the Caribbean",
   "clusters": ["equity-inclusion"]},
  {"city": "Sønderborg", "country": "Denmark", "region": "Europe and North America",
   "clusters": ["sustainable-development", "global-citizenship"]},
  {"city": "Hangzhou", "country": "China", "region": "Asia and the Pacific",
   "clusters": ["planning-monitoring-evaluation"]},
  {"city": "Chengdu", "country": "China", "region": "Asia and the Pacific",
   "clusters": ["planning-monitoring-evaluation", "entrepreneurship"]},
  {"city": "Shenzhen", "country": "China", "region": "Asia and the Pacific",
   "clusters": ["entrepreneurship"]},
  {"city": "Dilijan", "country": "Armenia", "region": "Europe and North America",
   "clusters": ["global-citizenship", "equity-inclusion"]},
  {"city": "Plovdiv", "country": "Bulgaria", "region": "Europe and North America",
   "clusters": ["sustainable-development"]},
  {"city": "Espoo", "country": "Finland", "region": "Europe and North America",
   "clusters": ["health-wellbeing", "equity-inclusion"]},
  {"city": "Namyangju", "country": "Republic of Korea", "region": "Asia and the Pacific",
   "clusters": ["health-wellbeing", "literacy"]},
  {"city": "Cork", "country": "Ireland", "region": "Europe and North America",
   "clusters": ["equity-inclusion", "health-wellbeing"]},
  {"city": "Chisinau", "country": "Republic of Moldova", "region": "Europe and North America",
   "clusters": ["global-citizenship"]}
] }"#;

/// Names where folding changes length or needs decomposition. The third Chisinau is in NFD:
/// `s` + U+0326 COMBINING COMMA BELOW, `a` + U+0306 COMBINING BREVE.
const SPELLINGS: &str = r#"{ "members": [
  {"city": "Chișinău", "country": "Republic of Moldova", "region": "Europe and North America", "id": "a"},
  {"city": "Chişinău", "country": "Republic of Moldova", "region": "Europe and North America", "id": "b"},
  {"city": "Chis\u0326ina\u0306u", "country": "Republic of Moldova", "region": "Europe and North America", "id": "c"},
  {"city": "Straße", "country": "Germany", "region": "Europe and North America", "id": "d"},
  {"city": "Æbeltoft", "country": "Denmark", "region": "Europe and North America", "id": "e"}
] }"#;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    Engine::new(load::from_str(FIXTURE, "fixture.json").expect("the fixture is valid"))
});

static SPELLED: LazyLock<Engine> = LazyLock::new(|| {
    Engine::new(load::from_str(SPELLINGS, "spellings.json").expect("the fixture is valid"))
});

fn text(t: &str) -> Query {
    Query::text(t)
}

fn cities(engine: &Engine, results: &Results) -> Vec<String> {
    results
        .hits
        .iter()
        .map(|h| engine.member(h.member).city.clone())
        .collect()
}

fn run_cities(query: &Query) -> Vec<String> {
    cities(&ENGINE, &ENGINE.run(query))
}

fn set<T: Ord + Clone>(items: &[T]) -> BTreeSet<T> {
    items.iter().cloned().collect()
}

fn countries(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| (*s).to_string()).collect()
}

/// The region counts, typed.
fn regions(facets: &FacetCounts) -> Vec<(Region, usize)> {
    facets
        .of(&REGION)
        .iter()
        .map(|(v, n)| match v {
            Value::Region(r) => (*r, *n),
            other => panic!("not a region: {other:?}"),
        })
        .collect()
}

/// The country counts, typed.
fn country_counts(facets: &FacetCounts) -> Vec<(String, usize)> {
    facets
        .of(&COUNTRY)
        .iter()
        .map(|(v, n)| (v.key().into_owned(), *n))
        .collect()
}

/// The cluster counts, typed.
fn clusters(facets: &FacetCounts) -> Vec<(Cluster, usize)> {
    facets
        .of(&CLUSTER)
        .iter()
        .map(|(v, n)| match v {
            Value::Cluster(c) => (*c, *n),
            other => panic!("not a cluster: {other:?}"),
        })
        .collect()
}

// ---------------------------------------------------------------- selections

#[test]
fn no_query_lists_everyone_alphabetically() {
    let results = ENGINE.run(&Query::default());
    assert_eq!(
        cities(&ENGINE, &results),
        [
            "Beijing",
            "Chengdu",
            "Chisinau",
            "Contagem",
            "Cork",
            "Dilijan",
            "Espoo",
            "Hangzhou",
            "Namyangju",
            "Plovdiv",
            "Shenzhen",
            "Sønderborg",
            "Villa María"
        ]
    );
    assert!(
        results
            .hits
            .iter()
            .all(|h| h.score == 0 && h.positions.is_empty())
    );
}

#[test]
fn one_region_gives_its_members() {
    let query = Query::default().with(REGION, set(&[Region::AsiaPacific]));
    assert_eq!(
        run_cities(&query),
        ["Beijing", "Chengdu", "Hangzhou", "Namyangju", "Shenzhen"]
    );
}

#[test]
fn countries_combine_with_or() {
    let query = Query::default().with(COUNTRY, countries(&["China", "Armenia"]));
    assert_eq!(
        run_cities(&query),
        ["Beijing", "Chengdu", "Dilijan", "Hangzhou", "Shenzhen"]
    );
}

#[test]
fn kinds_combine_with_and() {
    let query = Query::default()
        .with(REGION, set(&[Region::EuropeNorthAmerica]))
        .with(COUNTRY, countries(&["Denmark"]));
    assert_eq!(run_cities(&query), ["Sønderborg"]);
    let query = Query::default()
        .with(REGION, set(&[Region::EuropeNorthAmerica]))
        .with(COUNTRY, countries(&["China"]));
    assert!(run_cities(&query).is_empty());
}

#[test]
fn clusters_combine_with_or_and_with_other_kinds_by_and() {
    let query = Query::default().with(CLUSTER, set(&[Cluster::Literacy]));
    assert_eq!(run_cities(&query), ["Namyangju", "Villa María"]);
    let query = Query::default().with(
        CLUSTER,
        set(&[Cluster::Literacy, Cluster::Entrepreneurship]),
    );
    assert_eq!(
        run_cities(&query),
        ["Chengdu", "Namyangju", "Shenzhen", "Villa María"]
    );
    let query = Query::default()
        .with(REGION, set(&[Region::AsiaPacific]))
        .with(CLUSTER, set(&[Cluster::Literacy]));
    assert_eq!(run_cities(&query), ["Namyangju"]);
}

#[test]
fn a_country_outside_the_dataset_matches_nothing() {
    let query = Query::default().with(COUNTRY, countries(&["Atlantis"]));
    assert!(run_cities(&query).is_empty());
}

// ---------------------------------------------------------------- facet counts

#[test]
fn all_regions_are_listed_even_at_zero() {
    let facets = ENGINE.run(&Query::default()).facets;
    assert_eq!(
        regions(&facets),
        vec![
            (Region::Africa, 0),
            (Region::ArabStates, 0),
            (Region::AsiaPacific, 5),
            (Region::EuropeNorthAmerica, 6),
            (Region::LatinAmericaCaribbean, 2),
        ]
    );
    assert_eq!(
        clusters(&facets),
        vec![
            (Cluster::SustainableDevelopment, 3),
            (Cluster::EquityInclusion, 5),
            (Cluster::PlanningMonitoringEvaluation, 3),
            (Cluster::GlobalCitizenship, 3),
            (Cluster::Entrepreneurship, 2),
            (Cluster::HealthWellbeing, 3),
            (Cluster::Literacy, 2),
        ]
    );
}

#[test]
fn every_country_is_listed_alphabetically_with_zeros() {
    let query = Query::default().with(REGION, set(&[Region::AsiaPacific]));
    let facets = ENGINE.run(&query).facets;
    let expected: Vec<(String, usize)> = [
        ("Argentina", 0),
        ("Armenia", 0),
        ("Brazil", 0),
        ("Bulgaria", 0),
        ("China", 4),
        ("Denmark", 0),
        ("Finland", 0),
        ("Ireland", 0),
        ("Republic of Korea", 1),
        ("Republic of Moldova", 0),
    ]
    .iter()
    .map(|(c, n)| ((*c).to_string(), *n))
    .collect();
    assert_eq!(country_counts(&facets), expected);
    assert_eq!(
        ENGINE.values(&COUNTRY).to_vec(),
        expected
            .iter()
            .map(|(c, _)| Value::name(c.as_str()))
            .collect::<Vec<_>>()
    );
    // The region pane ignores its own selection: choosing Europe too would add six.
    assert_eq!(regions(&facets)[3], (Region::EuropeNorthAmerica, 6));
}

#[test]
fn counts_apply_the_search() {
    // `^c` keeps Chengdu (Asia), Chisinau and Cork (Europe), Contagem (Latin America).
    let facets = ENGINE.run(&text("^c")).facets;
    let regions: Vec<usize> = regions(&facets).iter().map(|(_, n)| *n).collect();
    assert_eq!(regions, [0, 0, 1, 2, 1]);
}

/// Every count is what choosing that value alone (in its kind) gives, checked by running
/// that query; and for a kind with a selection, adding an unselected single-valued value
/// (region, country) adds exactly its count.
fn assert_counts_honest(engine: &Engine, query: &Query) {
    let results = engine.run(query);
    for (region, count) in &regions(&results.facets) {
        let only = query.clone().with_only(REGION, set(&[*region]));
        assert_eq!(
            engine.run(&only).hits.len(),
            *count,
            "{region} in {query:?}"
        );
        let value = Value::Region(*region);
        if !query.selected(&REGION).is_empty() && !query.is_selected(&REGION, &value) {
            let mut added = query.clone();
            added.select(REGION, value);
            assert_eq!(engine.run(&added).hits.len(), results.hits.len() + count);
        }
    }
    for (country, count) in &country_counts(&results.facets) {
        let only = query.clone().with_only(COUNTRY, countries(&[country]));
        assert_eq!(
            engine.run(&only).hits.len(),
            *count,
            "{country} in {query:?}"
        );
        let value = Value::name(country.as_str());
        if !query.selected(&COUNTRY).is_empty() && !query.is_selected(&COUNTRY, &value) {
            let mut added = query.clone();
            added.select(COUNTRY, value);
            assert_eq!(engine.run(&added).hits.len(), results.hits.len() + count);
        }
    }
    for (cluster, count) in &clusters(&results.facets) {
        let only = query.clone().with_only(CLUSTER, set(&[*cluster]));
        assert_eq!(
            engine.run(&only).hits.len(),
            *count,
            "{cluster} in {query:?}"
        );
    }
}

#[test]
fn counts_are_honest() {
    assert_counts_honest(&ENGINE, &Query::default());
    assert_counts_honest(&ENGINE, &text("an"));
    assert_counts_honest(
        &ENGINE,
        &Query::text("o".to_string())
            .with(REGION, set(&[Region::EuropeNorthAmerica]))
            .with(CLUSTER, set(&[Cluster::EquityInclusion])),
    );
    assert_counts_honest(
        &ENGINE,
        &Query::default()
            .with(COUNTRY, countries(&["China", "Ireland"]))
            .with(
                CLUSTER,
                set(&[Cluster::HealthWellbeing, Cluster::Entrepreneurship]),
            ),
    );
}

// ---------------------------------------------------------------- search operators

#[test]
fn exact_term_needs_a_substring() {
    // Fuzzy `en` matches most names; exact `'en` only those containing "en".
    assert!(run_cities(&text("en")).len() > 2);
    // Both occurrences follow an `h`, so the scores tie and the names decide.
    assert_eq!(run_cities(&text("'en")), ["Chengdu", "Shenzhen"]);
}

#[test]
fn prefix_suffix_and_whole_name() {
    let mut prefix = run_cities(&text("^c"));
    prefix.sort();
    assert_eq!(prefix, ["Chengdu", "Chisinau", "Contagem", "Cork"]);
    let mut suffix = run_cities(&text("u$"));
    suffix.sort();
    assert_eq!(suffix, ["Chengdu", "Chisinau", "Hangzhou", "Namyangju"]);
    assert_eq!(run_cities(&text("^cork$")), ["Cork"]);
    assert!(run_cities(&text("^cor$")).is_empty());
}

#[test]
fn negations() {
    // Names without an `n`, alphabetical (negations score nothing).
    assert_eq!(
        run_cities(&text("!n")),
        ["Cork", "Espoo", "Plovdiv", "Villa María"]
    );
    assert_eq!(run_cities(&text("!^c")).len(), 9);
    assert_eq!(run_cities(&text("!u$")).len(), 9);
    // `!'` negates a fuzzy term, as in fzf: c…g is in Chengdu and Contagem only.
    let not_cg = run_cities(&text("!'cg"));
    assert_eq!(not_cg.len(), 11);
    assert!(!not_cg.contains(&"Chengdu".to_string()));
    assert!(!not_cg.contains(&"Contagem".to_string()));
}

#[test]
fn terms_and_alternatives() {
    let mut both = run_cities(&text("^c u$"));
    both.sort();
    assert_eq!(both, ["Chengdu", "Chisinau"]);
    let mut either = run_cities(&text("^cork | ^espoo"));
    either.sort();
    assert_eq!(either, ["Cork", "Espoo"]);
    // (cork | espoo) AND !o: nothing (both contain an o).
    assert!(run_cities(&text("^cork | ^espoo !o")).is_empty());
}

#[test]
fn lone_operators_match_everything_or_literally() {
    for t in ["!", "^", "'", "!^", "!'", "   "] {
        assert_eq!(ENGINE.run(&text(t)).hits.len(), 13, "{t:?}");
    }
    assert!(ENGINE.run(&text("$")).hits.is_empty());
    assert!(ENGINE.run(&text("|")).hits.is_empty());
}

// ---------------------------------------------------------------- ranking

fn first(query: &str) -> String {
    run_cities(&text(query))
        .into_iter()
        .next()
        .unwrap_or_default()
}

#[test]
fn misspelt_and_abbreviated_names_rank_the_intended_city_first() {
    assert_eq!(first("vila maria"), "Villa María");
    assert_eq!(first("sonderborg"), "Sønderborg");
    assert_eq!(first("SHENZ"), "Shenzhen");
    assert_eq!(first("nmyngj"), "Namyangju");
    assert_eq!(first("plvdv"), "Plovdiv");
    assert_eq!(first("chisinau"), "Chisinau");
}

#[test]
fn hits_are_ranked_by_score_then_name_length_then_country() {
    let results = ENGINE.run(&text("n"));
    let key = |hit: &gnlc::query::Hit| {
        let member = ENGINE.member(hit.member);
        (
            std::cmp::Reverse(hit.score),
            member.city.chars().count(),
            member.country.clone(),
        )
    };
    assert!(results.hits.len() > 5);
    for pair in results.hits.windows(2) {
        assert!(key(&pair[0]) <= key(&pair[1]), "{pair:?}");
    }
}

/// Equal scores: the shorter name first (as fzf), then the country, whatever the file order
/// or the alphabet says. "santa" scores the same on every one of these names (it is the
/// start of each), so only the tie rule orders them.
#[test]
fn equal_scores_put_shorter_names_first_then_by_country() {
    let fixture = r#"{ "members": [
      {"city": "Santa Ana de Coro", "country": "Venezuela", "region": "Latin America and the Caribbean", "id": "coro"},
      {"city": "Santa Fe", "country": "United States of America", "region": "Europe and North America", "id": "fe-us"},
      {"city": "Santa Fe", "country": "Argentina", "region": "Latin America and the Caribbean", "id": "fe-ar"},
      {"city": "Santa Lucía", "country": "Uruguay", "region": "Latin America and the Caribbean", "id": "lucia"}
    ] }"#;
    let engine = Engine::new(load::from_str(fixture, "ties.json").unwrap());
    let results = engine.run(&text("santa"));
    let scores: BTreeSet<i64> = results.hits.iter().map(|h| h.score).collect();
    assert_eq!(
        scores.len(),
        1,
        "the fixture needs equal scores: {scores:?}"
    );
    let ids: Vec<&str> = results
        .hits
        .iter()
        .map(|h| engine.member(h.member).id.as_str())
        .collect();
    assert_eq!(ids, ["fe-ar", "fe-us", "lucia", "coro"]);
    // With no search text the list stays alphabetical.
    let all: Vec<&str> = engine
        .run(&Query::default())
        .hits
        .iter()
        .map(|h| engine.member(h.member).id.as_str())
        .collect();
    assert_eq!(all, ["coro", "fe-ar", "fe-us", "lucia"]);
}

#[test]
fn a_better_match_outranks_a_scattered_one() {
    // c…g: the gap is three chars in Chengdu, four in Contagem; both start at the head.
    assert_eq!(run_cities(&text("cg")), ["Chengdu", "Contagem"]);
    // `ch` starts Chengdu and Chisinau (word head), but is scattered in no other name.
    let ch = ENGINE.run(&text("ch"));
    assert_eq!(cities(&ENGINE, &ch), ["Chengdu", "Chisinau"]);
    assert_eq!(ch.hits[0].score, ch.hits[1].score);
}

// ---------------------------------------------------------------- accents and positions

#[test]
fn chisinau_finds_every_spelling() {
    let results = SPELLED.run(&text("chisinau"));
    assert_eq!(results.hits.len(), 3);
    let decomposed = results
        .hits
        .iter()
        .filter(|h| SPELLED.member(h.member).city.chars().count() == 10)
        .count();
    assert_eq!(decomposed, 1, "the loader kept the NFD spelling");
    for hit in &results.hits {
        let city = &SPELLED.member(hit.member).city;
        if city.chars().count() == 8 {
            assert_eq!(hit.positions, (0..8).collect::<Vec<_>>(), "{city}");
        } else {
            // C h i s ◌̦ i n a ◌̆ u: the marks (4 and 8) are not highlighted.
            assert_eq!(hit.positions, [0, 1, 2, 3, 5, 6, 7, 9], "{city}");
        }
    }
}

fn positions(engine: &Engine, query: &str) -> Vec<(String, Vec<usize>)> {
    engine
        .run(&text(query))
        .hits
        .iter()
        .map(|h| (engine.member(h.member).city.clone(), h.positions.clone()))
        .collect()
}

#[test]
fn positions_map_back_through_expanding_folds() {
    // S t r a ß e: folded "strasse"; "sse" covers ß (4, twice) and e (5).
    assert_eq!(
        positions(&SPELLED, "'sse"),
        [("Straße".to_string(), vec![4, 5])]
    );
    assert_eq!(
        positions(&SPELLED, "strasse"),
        [("Straße".to_string(), vec![0, 1, 2, 3, 4, 5])]
    );
    // Æ b e l t o f t: folded "aebeltoft"; "ebel" starts inside Æ.
    assert_eq!(
        positions(&SPELLED, "'ebel"),
        [("Æbeltoft".to_string(), vec![0, 1, 2, 3])]
    );
    assert_eq!(
        positions(&SPELLED, "^ae"),
        [("Æbeltoft".to_string(), vec![0])]
    );
}

#[test]
fn positions_of_several_terms_are_merged() {
    assert_eq!(
        positions(&ENGINE, "^vil maria$"),
        [("Villa María".to_string(), vec![0, 1, 2, 6, 7, 8, 9, 10])]
    );
    assert_eq!(
        positions(&ENGINE, "sonderborg"),
        [("Sønderborg".to_string(), (0..10).collect())]
    );
}

// ---------------------------------------------------------------- properties

const FIXTURE_COUNTRIES: [&str; 11] = [
    "Argentina",
    "Armenia",
    "Brazil",
    "Bulgaria",
    "China",
    "Denmark",
    "Finland",
    "Ireland",
    "Republic of Korea",
    "Republic of Moldova",
    "Atlantis",
];

fn query_strategy() -> impl Strategy<Value = Query> {
    let text = prop_oneof![
        any::<String>(),
        "[a-zø çăș!^$'|\\\\]{0,12}",
        "[!^$'| ]{0,4}",
    ];
    (
        prop::collection::btree_set(0..Region::ALL.len(), 0..3),
        prop::collection::btree_set(0..FIXTURE_COUNTRIES.len(), 0..3),
        prop::collection::btree_set(0..Cluster::ALL.len(), 0..3),
        text,
    )
        .prop_map(|(r, c, k, text)| {
            Query::text(text)
                .with(REGION, r.into_iter().map(|i| Region::ALL[i]))
                .with(COUNTRY, c.into_iter().map(|i| FIXTURE_COUNTRIES[i]))
                .with(CLUSTER, k.into_iter().map(|i| Cluster::ALL[i]))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_query_panics_and_hits_satisfy_the_facets(query in query_strategy()) {
        let results = ENGINE.run(&query);
        for hit in &results.hits {
            let m = ENGINE.member(hit.member);
            prop_assert!(query.selected(&REGION).is_empty() || query.is_selected(&REGION, &Value::Region(m.region)));
            prop_assert!(query.selected(&COUNTRY).is_empty() || query.is_selected(&COUNTRY, &Value::name(m.country.as_str())));
            prop_assert!(query.selected(&CLUSTER).is_empty()
                || m.clusters.iter().any(|c| query.is_selected(&CLUSTER, &Value::Cluster(*c))));
            let len = m.city.chars().count();
            prop_assert!(hit.positions.iter().all(|&p| p < len), "{hit:?} in {}", m.city);
            prop_assert!(hit.positions.windows(2).all(|w| w[0] < w[1]), "{hit:?}");
        }
        prop_assert!(results.hits.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn counts_agree_with_the_results(query in query_strategy()) {
        let results = ENGINE.run(&query);
        let hits = results.hits.len();
        let sum = |v: &[usize]| v.iter().sum::<usize>();
        let region_counts: Vec<usize> = regions(&results.facets).iter().map(|(_, n)| *n).collect();
        let countries: Vec<usize> = country_counts(&results.facets).iter().map(|(_, n)| *n).collect();
        prop_assert_eq!(region_counts.len(), 5);
        // The 10 countries of the fixture, plus each selected country it lacks (shown at 0).
        let absent = query
            .selected(&COUNTRY)
            .iter()
            .filter(|c| !ENGINE.values(&COUNTRY).contains(c))
            .count();
        prop_assert_eq!(countries.len(), 10 + absent);
        if query.selected(&REGION).is_empty() {
            prop_assert_eq!(sum(&region_counts), hits);
        }
        if query.selected(&COUNTRY).is_empty() {
            prop_assert_eq!(sum(&countries), hits);
        }
        if query.selected(&CLUSTER).is_empty() {
            let memberships: usize =
                results.hits.iter().map(|h| ENGINE.member(h.member).clusters.len()).sum();
            let cluster_sum: usize = clusters(&results.facets).iter().map(|(_, n)| n).sum();
            prop_assert_eq!(cluster_sum, memberships);
        }
        // The selected values' counts add up to the hits (each member has one region and one
        // country).
        if !query.selected(&REGION).is_empty() {
            let selected: usize = regions(&results.facets).iter()
                .filter(|(r, _)| query.is_selected(&REGION, &Value::Region(*r))).map(|(_, n)| n).sum();
            prop_assert_eq!(selected, hits);
        }
    }

    #[test]
    fn counts_are_honest_for_any_query(query in query_strategy()) {
        assert_counts_honest(&ENGINE, &query);
    }

    #[test]
    fn a_plain_term_matches_exactly_the_names_containing_it_in_order(word in "[a-z]{1,5}") {
        let expected: BTreeSet<String> = ENGINE.dataset().members.iter()
            .filter(|m| {
                let folded = gnlc::text::fold(&m.city);
                let mut rest = folded.chars();
                word.chars().all(|w| rest.any(|c| c == w))
            })
            .map(|m| m.city.clone())
            .collect();
        let got: BTreeSet<String> = run_cities(&text(&word)).into_iter().collect();
        prop_assert_eq!(got, expected);
    }
}
