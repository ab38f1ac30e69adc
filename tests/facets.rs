//! The facet engine over kinds it was not written for: a synthetic multi-valued kind (the
//! vowels of a city's name, which some names lack) beside region, country and cluster, and a
//! kind with more than 64 values (letter runs) that needs the general multi-valued store.
//!
//! The disjunctive counts are checked twice: by hand on a seven-city fixture, and against a
//! brute-force count (every member, every kind, straight from the definition) for many
//! queries.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

use gnlc::facet::{CLUSTER, COUNTRY, CliFilter, FacetKind, KINDS, OwnedValue, REGION, Value};
use gnlc::model::{Cluster, Member, Region, load};
use gnlc::query::{Engine, Query};
use std::borrow::Cow;

/// A test-only kind: the distinct ASCII vowels of the city name, lower-cased.
const VOWEL: FacetKind = FacetKind {
    id: "vowel",
    title: "Vowels",
    stats_heading: "By vowel",
    read: |m, emit| {
        for v in ["a", "e", "i", "o", "u"] {
            if m.city.to_lowercase().contains(v) {
                emit(Value::Name(Cow::Borrowed(v)));
            }
        }
    },
    always: Vec::new,
    cli: CliFilter {
        value_name: "V",
        help: "a vowel",
        parse: |arg, _| Ok(vec![Value::name(arg)]),
    },
};

/// A test-only kind with many values: every run of one to three letters of the city name
/// (repeats included, as a reader may emit them).
const PIECE: FacetKind = FacetKind {
    id: "piece",
    title: "Pieces",
    stats_heading: "By piece",
    read: |m, emit| {
        let chars: Vec<char> = m.city.to_lowercase().chars().collect();
        for n in 1..=3 {
            for w in chars.windows(n) {
                emit(Value::name(w.iter().collect::<String>()));
            }
        }
    },
    always: Vec::new,
    cli: CliFilter {
        value_name: "P",
        help: "a run of letters",
        parse: |arg, _| Ok(vec![Value::name(arg)]),
    },
};

const FIXTURE: &str = r#"{ "members": [
  {"city": "Cork", "country": "Ireland", "region": "Europe and North America",
   "clusters": ["equity-inclusion", "health-wellbeing"]},
  {"city": "Espoo", "country": "Finland", "region": "Europe and North America",
   "clusters": ["health-wellbeing"]},
  {"city": "Beijing", "country": "China", "region": "Asia and the Pacific",
   "clusters": ["sustainable-development"]},
  {"city": "Hangzhou", "country": "China", "region": "Asia and the Pacific",
   "clusters": ["planning-monitoring-evaluation", "entrepreneurship"]},
  {"city": "Shenzhen", "country": "China", "region": "Asia and the Pacific",
   "clusters": ["entrepreneurship"]},
  {"city": "Plovdiv", "country": "Bulgaria", "region": "Europe and North America",
   "clusters": []},
  {"city": "Krk", "country": "Croatia", "region": "Europe and North America",
   "clusters": ["literacy"]}
] }"#;

fn engine(kinds: &[FacetKind]) -> Engine {
    Engine::with_kinds(
        load::from_str(FIXTURE, "fixture.json").expect("the fixture is valid"),
        kinds,
    )
}

const FOUR: [FacetKind; 4] = [REGION, COUNTRY, CLUSTER, VOWEL];

fn vowel(v: &'static str) -> OwnedValue {
    Value::Name(Cow::Borrowed(v))
}

/// The counts of `kind` as (label, count), for comparing with hand-worked lists.
fn counts(engine: &Engine, query: &Query, kind: &FacetKind) -> Vec<(String, usize)> {
    engine
        .run(query)
        .facets
        .of(kind)
        .iter()
        .map(|(v, n)| (v.key().into_owned(), *n))
        .collect()
}

fn pairs(list: &[(&str, usize)]) -> Vec<(String, usize)> {
    list.iter().map(|(s, n)| ((*s).to_string(), *n)).collect()
}

#[test]
fn four_kinds_count_disjunctively_by_hand() {
    let engine = engine(&FOUR);
    // Europe and the vowel o: Cork, Espoo, Plovdiv (Krk has no vowel).
    let query = Query::default()
        .with(REGION, [Region::EuropeNorthAmerica])
        .with(VOWEL, [vowel("o")]);
    let results = engine.run(&query);
    let cities: Vec<&str> = results
        .hits
        .iter()
        .map(|h| engine.member(h.member).city.as_str())
        .collect();
    assert_eq!(cities, ["Cork", "Espoo", "Plovdiv"]);
    // Regions, with o applied: Cork, Espoo, Plovdiv in Europe; Hangzhou in Asia.
    assert_eq!(
        counts(&engine, &query, &REGION),
        pairs(&[
            ("Africa", 0),
            ("Arab States", 0),
            ("Asia and the Pacific", 1),
            ("Europe and North America", 3),
            ("Latin America and the Caribbean", 0),
        ])
    );
    // Countries, with Europe and o applied.
    assert_eq!(
        counts(&engine, &query, &COUNTRY),
        pairs(&[
            ("Bulgaria", 1),
            ("China", 0),
            ("Croatia", 0),
            ("Finland", 1),
            ("Ireland", 1),
        ])
    );
    // Clusters, with Europe and o applied: Cork (equity, health), Espoo (health), Plovdiv
    // (none, and no profile text: the stand-in value, listed last).
    assert_eq!(
        counts(&engine, &query, &CLUSTER),
        pairs(&[
            ("sustainable-development", 0),
            ("equity-inclusion", 1),
            ("planning-monitoring-evaluation", 0),
            ("global-citizenship", 0),
            ("entrepreneurship", 0),
            ("health-wellbeing", 2),
            ("literacy", 0),
            ("no-profile-text", 1),
        ])
    );
    // Vowels, with Europe applied but not o: Cork {o}, Espoo {e, o}, Plovdiv {i, o}, Krk {}.
    assert_eq!(
        counts(&engine, &query, &VOWEL),
        pairs(&[("a", 0), ("e", 1), ("i", 1), ("o", 3), ("u", 0)])
    );

    // Health and well-being too: Cork and Espoo.
    let query = query.with(CLUSTER, [Cluster::HealthWellbeing]);
    assert_eq!(engine.run(&query).hits.len(), 2);
    let region = counts(&engine, &query, &REGION);
    assert_eq!(region[2], ("Asia and the Pacific".to_string(), 0)); // Hangzhou: no health
    assert_eq!(region[3], ("Europe and North America".to_string(), 2));
    assert_eq!(
        counts(&engine, &query, &COUNTRY),
        pairs(&[
            ("Bulgaria", 0),
            ("China", 0),
            ("Croatia", 0),
            ("Finland", 1),
            ("Ireland", 1),
        ])
    );
    // Clusters ignore their own selection: as before.
    assert_eq!(counts(&engine, &query, &CLUSTER)[1].1, 1);
    assert_eq!(counts(&engine, &query, &CLUSTER)[5].1, 2);
    // Vowels with Europe and health: Cork {o}, Espoo {e, o}.
    assert_eq!(
        counts(&engine, &query, &VOWEL),
        pairs(&[("a", 0), ("e", 1), ("i", 0), ("o", 2), ("u", 0)])
    );
}

#[test]
fn a_member_without_a_value_is_hidden_only_by_a_selection_in_that_kind() {
    let engine = engine(&FOUR);
    // Krk has no vowel: listed with no selection, counted in its region, in no vowel.
    let all = engine.run(&Query::default());
    assert_eq!(all.hits.len(), 7);
    let vowel_sum: usize = all.facets.of(&VOWEL).iter().map(|(_, n)| n).sum();
    // a: Hangzhou; e: Espoo, Beijing, Shenzhen; i: Beijing, Plovdiv;
    // o: Cork, Espoo, Hangzhou, Plovdiv; u: Hangzhou.
    assert_eq!(vowel_sum, 1 + 3 + 2 + 4 + 1);
    let croatia = Query::default().with(COUNTRY, ["Croatia"]);
    assert_eq!(engine.run(&croatia).hits.len(), 1);
    assert!(
        engine
            .run(&croatia)
            .facets
            .of(&VOWEL)
            .iter()
            .all(|(_, n)| *n == 0)
    );
    let with_a_vowel = croatia.with(VOWEL, [vowel("a"), vowel("e"), vowel("i"), vowel("o")]);
    assert!(engine.run(&with_a_vowel).hits.is_empty());
}

/// The values of `kind` a member has, straight from the kind's reader.
fn values_of(kind: &FacetKind, member: &Member) -> Vec<OwnedValue> {
    let mut values = Vec::new();
    (kind.read)(member, &mut |v| values.push(v.into_owned()));
    values.sort();
    values.dedup();
    values
}

/// Counts every kind by the definition: a member whose name matches the text counts in kind
/// `k` when it passes every other kind's selection, and is a hit when it passes them all.
fn assert_brute_force(engine: &Engine, kinds: &[FacetKind], query: &Query) {
    let text_only = Query::text(query.text.clone());
    let matching: Vec<usize> = engine
        .run(&text_only)
        .hits
        .iter()
        .map(|h| h.member)
        .collect();
    let passes = |kind: &FacetKind, m: &Member| {
        let selected = query.selected(kind);
        selected.is_empty() || values_of(kind, m).iter().any(|v| selected.contains(v))
    };
    let results = engine.run(query);
    let mut hits: Vec<usize> = matching
        .iter()
        .copied()
        .filter(|&i| kinds.iter().all(|k| passes(k, engine.member(i))))
        .collect();
    hits.sort_unstable();
    let mut got: Vec<usize> = results.hits.iter().map(|h| h.member).collect();
    got.sort_unstable();
    assert_eq!(got, hits, "hits of {query:?}");
    for kind in kinds {
        for (value, count) in results.facets.of(kind) {
            let expected = matching
                .iter()
                .map(|&i| engine.member(i))
                .filter(|m| kinds.iter().filter(|k| *k != kind).all(|k| passes(k, m)))
                .filter(|m| values_of(kind, m).contains(value))
                .count();
            assert_eq!(*count, expected, "{kind:?} {value:?} in {query:?}");
        }
    }
}

#[test]
fn counts_equal_brute_force_for_many_queries_over_five_kinds() {
    let kinds = [REGION, COUNTRY, CLUSTER, VOWEL, PIECE];
    let engine = engine(&kinds);
    // More than 64 letter runs: the general store is in use.
    assert!(engine.values(&PIECE).len() > 64);
    let choices: Vec<(FacetKind, OwnedValue)> = vec![
        (REGION, Region::EuropeNorthAmerica.into()),
        (REGION, Region::AsiaPacific.into()),
        (COUNTRY, "China".into()),
        (COUNTRY, "Ireland".into()),
        (CLUSTER, Cluster::HealthWellbeing.into()),
        (CLUSTER, Cluster::Entrepreneurship.into()),
        (VOWEL, vowel("o")),
        (VOWEL, vowel("e")),
        (PIECE, "en".into()),
        (PIECE, "rk".into()),
    ];
    let mut checked = 0;
    for mask in 0u32..1 << choices.len() {
        // Every subset of the choices; with and without a search text for a few.
        let mut query = Query::default();
        for (i, (kind, value)) in choices.iter().enumerate() {
            if mask & 1 << i != 0 {
                query.select(*kind, value.clone());
            }
        }
        assert_brute_force(&engine, &kinds, &query);
        if mask % 17 == 0 {
            for text in ["o", "^c", "!n"] {
                query.text = text.to_string();
                assert_brute_force(&engine, &kinds, &query);
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 1024);
}

#[test]
fn the_default_engine_indexes_the_kind_list() {
    let engine = engine(&FOUR);
    assert_eq!(
        Engine::new(engine.dataset().clone())
            .kinds()
            .collect::<Vec<_>>(),
        KINDS.to_vec()
    );
}

// ---------------------------------------------------------------- the Joined kind

/// Six cities, one without a joining year (Plovdiv).
const JOINED_FIXTURE: &str = r#"{ "members": [
  {"city": "Cork", "country": "Ireland", "region": "Europe and North America", "joined": 2015},
  {"city": "Espoo", "country": "Finland", "region": "Europe and North America", "joined": 2016},
  {"city": "Beijing", "country": "China", "region": "Asia and the Pacific", "joined": 2015},
  {"city": "Hangzhou", "country": "China", "region": "Asia and the Pacific", "joined": 2019},
  {"city": "Plovdiv", "country": "Bulgaria", "region": "Europe and North America"},
  {"city": "Krk", "country": "Croatia", "region": "Europe and North America", "joined": 2019}
] }"#;

fn joined_engine() -> Engine {
    Engine::new(load::from_str(JOINED_FIXTURE, "joined.json").expect("the fixture is valid"))
}

fn years(list: &[(u16, usize)]) -> Vec<(String, usize)> {
    list.iter().map(|(y, n)| (y.to_string(), *n)).collect()
}

#[test]
fn joined_counts_by_hand() {
    use gnlc::facet::JOINED;
    let engine = joined_engine();
    // No selection: every member listed, Plovdiv in no year.
    let all = Query::default();
    assert_eq!(engine.run(&all).hits.len(), 6);
    assert_eq!(
        counts(&engine, &all, &JOINED),
        years(&[(2015, 2), (2016, 1), (2019, 2)])
    );
    // Europe: Cork 2015, Espoo 2016, Krk 2019, and Plovdiv (no year) still listed.
    let europe = Query::default().with(REGION, [Region::EuropeNorthAmerica]);
    assert_eq!(engine.run(&europe).hits.len(), 4);
    assert_eq!(
        counts(&engine, &europe, &JOINED),
        years(&[(2015, 1), (2016, 1), (2019, 1)])
    );
    // 2015 or 2019: Cork, Beijing, Hangzhou, Krk; Plovdiv is hidden only now.
    let some_years = Query::default().with(JOINED, [2015u16, 2019]);
    assert_eq!(engine.run(&some_years).hits.len(), 4);
    assert_eq!(
        counts(&engine, &some_years, &REGION)[2..4],
        pairs(&[("Asia and the Pacific", 2), ("Europe and North America", 2)])
    );
    // The Joined pane ignores its own selection.
    assert_eq!(
        counts(&engine, &some_years, &JOINED),
        years(&[(2015, 2), (2016, 1), (2019, 2)])
    );
    // Both: Cork and Krk; Joined counts with Europe applied.
    let both = some_years.with(REGION, [Region::EuropeNorthAmerica]);
    assert_eq!(engine.run(&both).hits.len(), 2);
    assert_eq!(
        counts(&engine, &both, &JOINED),
        years(&[(2015, 1), (2016, 1), (2019, 1)])
    );
    // A selected year no member has is listed at 0, in numeric order.
    let absent = Query::default().with(JOINED, [2017u16]);
    assert!(engine.run(&absent).hits.is_empty());
    assert_eq!(
        counts(&engine, &absent, &JOINED),
        years(&[(2015, 2), (2016, 1), (2017, 0), (2019, 2)])
    );
}

#[test]
fn joined_arguments_are_a_year_or_an_inclusive_range() {
    use gnlc::facet::JOINED;
    let engine = joined_engine();
    let present = engine.values(&JOINED);
    let parse = |arg: &str| (JOINED.cli.parse)(arg, present);
    let y = |years: &[u16]| years.iter().map(|&y| Value::Year(y)).collect::<Vec<_>>();
    assert_eq!(parse("2016"), Ok(y(&[2016])));
    assert_eq!(parse("2017"), Ok(y(&[2017])));
    // A range selects the dataset's years inside it, ends included.
    assert_eq!(parse("2015..2019"), Ok(y(&[2015, 2016, 2019])));
    assert_eq!(parse("2016..2019"), Ok(y(&[2016, 2019])));
    assert_eq!(parse(" 2015 .. 2015 "), Ok(y(&[2015])));
    // None inside: the two ends, so the empty filter can be seen.
    assert_eq!(parse("2017..2018"), Ok(y(&[2017, 2018])));
    for (bad, says) in [
        (
            "2019..2015",
            "runs backwards (2019 is after 2015); write 2015..2019",
        ),
        ("19", "`19` is not a four-digit year"),
        ("2015..", "`` is not a four-digit year"),
        ("..2015", "`` is not a four-digit year"),
        ("twenty", "`twenty` is not a four-digit year"),
        ("2015-2019", "`2015-2019` is not a four-digit year"),
        ("+2015", "`+2015` is not a four-digit year"),
    ] {
        let err = parse(bad).expect_err(bad);
        assert!(err.contains(says), "{bad}: {err}");
        assert!(err.starts_with(&format!("bad --joined `{bad}`")), "{err}");
    }
}
