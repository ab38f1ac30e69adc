//! Fuzzing the dataset loader inside `cargo test`, for a bounded time: arbitrary
//! bytes, arbitrary text, and near-valid datasets (fields of the wrong type, random and
//! hostile Unicode, missing fields, duplicate keys and members, truncation) never make
//! `model::load::from_bytes` panic; every error is one line that starts with the file's name
//! and carries no character that could drive a terminal (the command line prints it as is).
//!
//! Case counts are set so the file runs in a few seconds in a debug build; set
//! `PROPTEST_CASES` for a longer run.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

use gnlc::model::load::from_bytes;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{Value, json};
use std::fmt::Write as _;

/// How errors refer to the input; a path with a directory, as `--data` gives it.
const NAME: &str = "data/fuzz.json";

/// Checks one load: no panic (proptest reports one), and an error is one clean line that
/// starts with the name. A dataset that loads satisfies the model's invariants.
fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    match from_bytes(bytes, NAME) {
        Ok(dataset) => {
            let mut ids = std::collections::HashSet::new();
            for member in &dataset.members {
                prop_assert!(!member.city.trim().is_empty());
                prop_assert_eq!(member.city.trim(), member.city.as_str());
                prop_assert!(!member.country.trim().is_empty());
                prop_assert!(ids.insert(member.id.clone()), "duplicate id {}", member.id);
            }
        }
        Err(err) => {
            let message = err.to_string();
            // "data/fuzz.json:3:7: member 2 (Cork), field `joined`: ..." or, with no line,
            // "data/fuzz.json, field `schema_version`: ...".
            prop_assert!(
                message.starts_with(&format!("{NAME}:"))
                    || message.starts_with(&format!("{NAME}, ")),
                "does not start with the file name: {message:?}"
            );
            prop_assert!(
                !message.contains(['\n', '\r']),
                "more than one line: {message:?}"
            );
            prop_assert!(
                !message.chars().any(gnlc::text::is_hostile),
                "a terminal control in the message: {message:?}"
            );
        }
    }
    Ok(())
}

/// Characters the loader must survive: ASCII, JSON punctuation, controls, C1, bidi, CJK,
/// emoji with ZWJ, combining marks, Arabic, a byte-order mark, and anything else. Chosen
/// from one random `u32` (cheap for proptest to generate and shrink in a debug build).
fn to_char(n: u32) -> char {
    let pick = |chars: &[char]| chars[(n as usize / 16) % chars.len()];
    let range = |lo: u32, hi: u32| char::from_u32(lo + (n / 16) % (hi - lo + 1)).unwrap_or('?');
    match n % 16 {
        0..=5 => range(0x61, 0x7a),
        6 => pick(&['{', '}', '[', ']', '"', ':', ',', '\\', ' ', '-', '.']),
        7 => range(0x0, 0x1f),
        8 => range(0x7f, 0x9f),
        9 => pick(&[
            '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{feff}', '\u{200d}',
        ]),
        10 => range(0x4e00, 0x4e20),
        11 => range(0x1f600, 0x1f610),
        12 => range(0x300, 0x36f),
        13 => range(0x600, 0x6ff),
        _ => char::from_u32(n / 16).unwrap_or('\u{fffd}'),
    }
}

fn any_char() -> impl Strategy<Value = char> {
    any::<u32>().prop_map(to_char)
}

fn any_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<u32>(), 0..max).prop_map(|v| v.into_iter().map(to_char).collect())
}

/// Any JSON value, a few levels deep.
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1e6f64..1e6).prop_map(|n| json!(n)),
        prop::sample::select(vec![0u64, 1, 1999, 2024, 65_535, 65_536, u64::MAX])
            .prop_map(|n| json!(n)),
        any_text(12).prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(any_text(6), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// One of `good` 29 times in 30, one of `bad` (or random text) otherwise, as JSON strings.
fn mostly(good: &[&'static str], bad: &[&'static str]) -> BoxedStrategy<Value> {
    prop_oneof![
        29 => prop::sample::select(good.to_vec()).prop_map(|s| json!(s)),
        1 => prop_oneof![
            prop::sample::select(bad.to_vec()).prop_map(|s| json!(s)),
            any_text(8).prop_map(Value::String),
        ],
    ]
    .boxed()
}

/// A value for `field` of the right type: usually one the loader accepts, now and then one
/// its checks refuse (an empty city, an unknown country, region or cluster, coordinates off
/// the globe), and always with hostile Unicode in the free texts.
fn right_value(field: &'static str) -> BoxedStrategy<Value> {
    match field {
        "city" => prop_oneof![
            20 => any_text(20).prop_map(|t| json!(format!("C{t}"))),
            9 => prop::sample::select(vec!["Cork", "Sønderborg", "北京", "Chișinău"]).prop_map(|s| json!(s)),
            1 => prop::sample::select(vec![" ", "", "\u{3000}"]).prop_map(|s| json!(s)),
        ]
        .boxed(),
        "tagline" | "summary" | "vision" | "challenges" | "plan" | "source" | "id" => {
            any_text(40).prop_map(Value::String).boxed()
        }
        "country" => mostly(&["Ireland", "Denmark", "china", "Viet Nam", "Türkiye"], &["Atlantis", ""]),
        "region" => mostly(
            &["Africa", "arab states", "Asia & Pacific", "Europe and North America", "Latin America and Caribbean"],
            &["Mars"],
        ),
        "clusters" => prop::collection::vec(
            mostly(&["literacy", "health-wellbeing", "equity-inclusion"], &["nope"]),
            0..3,
        )
        .prop_map(Value::Array)
        .boxed(),
        "cluster_basis" => mostly(&["stated", "inferred"], &["guessed"]),
        "joined" => prop_oneof![
            9 => (1990u16..2030).prop_map(|n| json!(n)),
            1 => any::<i64>().prop_map(|n| json!(n)),
        ]
        .boxed(),
        "awards" => prop::collection::vec(
            (any::<u16>(), prop::option::of(any_text(8)))
                .prop_map(|(year, source)| json!({"year": year, "source": source})),
            0..3,
        )
        .prop_map(Value::Array)
        .boxed(),
        "coordinates" => prop_oneof![
            9 => (-90f64..90.0, -180f64..180.0),
            1 => (-1000f64..1000.0, -1000f64..1000.0),
        ]
        .prop_map(|(lat, lon)| json!({"lat": lat, "lon": lon}))
        .boxed(),
        _ => any_value().boxed(),
    }
}

/// A value for `field`: in a messy dataset, of the wrong type one time in five.
fn field_value(field: &'static str, messy: bool) -> BoxedStrategy<Value> {
    if messy {
        prop_oneof![4 => right_value(field), 1 => any_value()].boxed()
    } else {
        right_value(field)
    }
}

const FIELDS: [&str; 16] = [
    "city",
    "country",
    "id",
    "region",
    "clusters",
    "cluster_basis",
    "joined",
    "tagline",
    "summary",
    "vision",
    "challenges",
    "plan",
    "awards",
    "coordinates",
    "source",
    "unknown",
];

/// `Some` value of `strategy` with probability `p` when `messy`, else always `None`.
fn sometimes<S: Strategy + 'static>(
    messy: bool,
    p: f64,
    strategy: S,
) -> BoxedStrategy<Option<S::Value>>
where
    S::Value: Clone,
{
    if messy {
        prop::option::weighted(p, strategy).boxed()
    } else {
        Just(None).boxed()
    }
}

/// One member as (key, value) pairs: `city` and `country` present with probability 0.98 (so
/// some are missing), the other fields with 0.5. A messy member now and then also has a key
/// written twice or an unknown key with hostile characters.
fn member(messy: bool) -> impl Strategy<Value = Vec<(String, Value)>> {
    let fields: Vec<BoxedStrategy<Option<(String, Value)>>> = FIELDS
        .iter()
        .map(|&f| {
            let present = if matches!(f, "city" | "country") {
                0.98
            } else {
                0.5
            };
            prop::option::weighted(
                present,
                field_value(f, messy).prop_map(move |v| (f.to_string(), v)),
            )
            .boxed()
        })
        .collect();
    (
        fields,
        sometimes(messy, 0.1, (any_text(6), any_value())),
        sometimes(messy, 0.1, (0usize..16, any_value())),
    )
        .prop_map(|(fields, extra, repeated)| {
            let mut pairs: Vec<(String, Value)> = fields
                .into_iter()
                .flatten()
                .filter(|(k, _)| k != "unknown")
                .collect();
            if let Some(pair) = extra {
                pairs.push(pair);
            }
            if let Some((i, v)) = repeated {
                pairs.push((FIELDS[i].to_string(), v));
            }
            pairs
        })
}

/// An object written by hand, so keys can repeat.
fn object_text(pairs: &[(String, Value)]) -> String {
    let body: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}: {v}", Value::String(k.clone())))
        .collect();
    format!("{{{}}}", body.join(", "))
}

/// How a near-valid dataset's text is damaged, if at all.
#[derive(Debug, Clone)]
enum Damage {
    None,
    /// Cut after this fraction (in thousandths) of its chars.
    Truncate(usize),
    /// A char inserted at this fraction of its chars.
    Insert(usize, char),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        6 => Just(Damage::None),
        1 => (0usize..1000).prop_map(Damage::Truncate),
        1 => (0usize..1000, any_char()).prop_map(|(at, c)| Damage::Insert(at, c)),
    ]
}

fn apply(text: &str, damage: &Damage) -> String {
    let chars: Vec<char> = text.chars().collect();
    match *damage {
        Damage::None => text.to_string(),
        Damage::Truncate(at) => chars[..chars.len() * at / 1000].iter().collect(),
        Damage::Insert(at, c) => {
            let mut chars = chars;
            let at = chars.len() * at / 1000;
            chars.insert(at, c);
            chars.into_iter().collect()
        }
    }
}

/// A near-valid dataset: half of them "messy" (values of the wrong type, unknown and repeated
/// keys), a top level with a random `schema_version` and `source`, members from [`member`],
/// one of them perhaps duplicated, then perhaps damaged.
fn dataset_text() -> impl Strategy<Value = String> {
    any::<bool>()
        .prop_flat_map(|messy| {
            let version = prop_oneof![8 => Just(json!(1)), 1 => (0u32..3).prop_map(|n| json!(n))];
            let source = any_text(10).prop_map(Value::String);
            let (version, source) = if messy {
                (
                    prop_oneof![9 => version, 1 => any_value()].boxed(),
                    prop_oneof![9 => source, 1 => any_value()].boxed(),
                )
            } else {
                (version.boxed(), source.boxed())
            };
            (
                prop::option::weighted(0.5, version),
                prop::option::weighted(0.3, source),
                prop::collection::vec(member(messy), 0..5),
                prop::option::weighted(0.2, 0usize..5),
                sometimes(messy, 0.05, (any_text(6), any_value())),
                damage(),
            )
        })
        .prop_map(|(version, source, mut members, duplicate, extra, damage)| {
            if let Some(i) = duplicate
                && !members.is_empty()
            {
                let copy = members[i % members.len()].clone();
                members.push(copy);
            }
            let mut top: Vec<(String, Value)> = Vec::new();
            if let Some(v) = version {
                top.push(("schema_version".into(), v));
            }
            if let Some(v) = source {
                top.push(("source".into(), v));
            }
            let members: Vec<String> = members.iter().map(|m| object_text(m)).collect();
            let mut text = object_text(&top);
            text.pop();
            if !top.is_empty() {
                text.push_str(", ");
            }
            let _ = write!(text, "\"members\": [\n  {}\n]", members.join(",\n  "));
            if let Some((k, v)) = extra {
                let _ = write!(text, ", {}: {v}", Value::String(k));
            }
            text.push('}');
            apply(&text, &damage)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check(&bytes)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in any_text(300)) {
        check(text.as_bytes())?;
    }

    #[test]
    fn text_that_starts_like_a_dataset_never_panics(
        rest in "[\\[\\]{}\",:0-9a-z \\n\\\\]{0,200}",
        invalid in prop::collection::vec(any::<u8>(), 0..3),
    ) {
        let mut bytes = format!("{{\"members\": [{{\"city\": \"{rest}").into_bytes();
        bytes.extend_from_slice(&invalid);
        check(&bytes)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn near_valid_datasets_never_panic(text in dataset_text()) {
        check(text.as_bytes())?;
    }
}

/// One hand-written case of each kind the generator aims at (a member that loads, a wrong
/// type holding a newline, an unknown key with an escape sequence, an unknown variant with a
/// C1 control, a duplicate id with a newline, a key written twice, a missing city, a bidi
/// override outside a string): each fails for the reason expected, and passes `check`.
#[test]
fn the_checks_hold_on_hand_written_cases() {
    let cases: [(&str, Option<&str>); 8] = [
        (
            r#"{"members": [{"city": "Cork", "country": "Ireland"}]}"#,
            None,
        ),
        (
            r#"{"members": [{"city": "Cork", "country": "Ireland", "joined": "x\ny"}]}"#,
            Some("field `joined`"),
        ),
        (
            r#"{"members": [{"city": "Cork", "country": "Ireland", "bad\u001b[2Jkey": 1}]}"#,
            Some("unknown field"),
        ),
        (
            r#"{"members": [{"city": "Cork", "country": "Ireland", "cluster_basis": "evil\u009b\nline"}]}"#,
            Some("unknown variant"),
        ),
        (
            r#"{"members": [{"city": "Cork", "country": "Ireland", "id": "a\nb"}, {"city": "Corkk", "country": "Ireland", "id": "a\nb"}]}"#,
            Some("duplicate member"),
        ),
        (
            r#"{"members": [{"city": "Cork", "city": "Cork", "country": "Ireland"}]}"#,
            Some("duplicate field"),
        ),
        (
            r#"{"members": [{"country": "Ireland"}]}"#,
            Some("member 0, field `city`"),
        ),
        ("{\"members\": [\u{202e}]}", Some("invalid JSON")),
    ];
    for (text, error) in cases {
        let result = from_bytes(text.as_bytes(), NAME);
        match (error, &result) {
            (None, Ok(_)) => {}
            (Some(want), Err(e)) => {
                let message = e.to_string();
                assert!(message.contains(want), "{text}: {message}");
            }
            _ => panic!("{text}: {:?}", result.map(|d| d.members.len())),
        }
        check(text.as_bytes()).unwrap_or_else(|e| panic!("{text}: {e}"));
    }
}

/// The near-valid generator is worth its time only if its datasets get past the JSON parser:
/// of 300 of them (a fixed seed), many load with members, and many fail a check made after
/// parsing (unknown region, country or cluster, empty city, duplicate id, coordinates off the
/// globe), each of which still names the line and column of the value.
#[test]
fn the_near_valid_generator_reaches_the_checks_after_parsing() {
    const AFTER_PARSING: [&str; 8] = [
        "unknown region",
        "unknown country",
        "unknown cluster",
        "name is empty",
        "country is empty",
        "duplicate member",
        "off the globe",
        "says what",
    ];
    let mut runner = TestRunner::deterministic();
    let strategy = dataset_text();
    let (mut loaded, mut checked) = (0, 0);
    for _ in 0..300 {
        let text = strategy.new_tree(&mut runner).expect("a value").current();
        match from_bytes(text.as_bytes(), NAME) {
            Ok(dataset) if !dataset.members.is_empty() => loaded += 1,
            Err(e) => {
                let message = e.to_string();
                if AFTER_PARSING.iter().any(|p| message.contains(p)) {
                    let rest = &message[NAME.len()..];
                    let located = rest.strip_prefix(':').is_some_and(|r| {
                        let (line, r) = r.split_once(':').unwrap_or_default();
                        let column = r.split_once(':').unwrap_or_default().0;
                        line.parse::<usize>().is_ok() && column.parse::<usize>().is_ok()
                    });
                    assert!(located, "no line and column: {message}");
                    checked += 1;
                }
            }
            Ok(_) => {}
        }
    }
    assert!(loaded >= 30, "{loaded} of 300 loaded with members");
    assert!(
        checked >= 30,
        "{checked} of 300 failed a check after parsing"
    );
}
