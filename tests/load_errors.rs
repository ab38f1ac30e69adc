//! What a bad `--data` file's error says: the value's type and range in the words of the
//! dataset format (never a Rust type name such as `u16`), a number as written in the file
//! (never the float serde read it as), and, for checks made after parsing (unknown region or
//! country, duplicate id, coordinates off the globe...), the line and column of the value.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

use gnlc::model::load::from_str;
use std::process::Command;

/// The error line for `text` loaded as `data.json`.
fn error_of(text: &str) -> String {
    match from_str(text, "data.json") {
        Ok(d) => panic!("expected an error, loaded {} members", d.members.len()),
        Err(e) => e.to_string(),
    }
}

/// A dataset of one member, Cork, with `extra` fields (`"joined": 1, ...`).
fn cork_with(extra: &str) -> String {
    format!(r#"{{"members": [{{"city": "Cork", "country": "Ireland", {extra}}}]}}"#)
}

/// Words of Rust's types and of serde's vocabulary that a user should never read.
const RUST_WORDS: [&str; 14] = [
    "u8",
    "u16",
    "u32",
    "u64",
    "i32",
    "i64",
    "f64",
    "usize",
    "struct ",
    "sequence",
    " map",
    "floating point",
    "invalid type",
    "unit value",
];

fn assert_in_user_words(message: &str) {
    for word in RUST_WORDS {
        assert!(!message.contains(word), "{message:?} says {word:?}");
    }
}

#[test]
fn wrong_types_are_worded_for_the_field() {
    for (extra, words) in [
        (
            r#""joined": "2015""#,
            "field `joined`: expected a year (a whole number from 0 to 65535), found the string \"2015\"",
        ),
        (
            r#""joined": 70000"#,
            "field `joined`: expected a year (a whole number from 0 to 65535), found 70000",
        ),
        (
            r#""clusters": "literacy""#,
            "field `clusters`: expected a list of strings, found the string \"literacy\"",
        ),
        (
            r#""sources": [true]"#,
            "field `sources[0]`: expected a string, found true",
        ),
        (
            r#""coordinates": 3"#,
            "field `coordinates`: expected an object with `lat` and `lon`, found 3",
        ),
        (
            // GeoJSON's order is [lon, lat]: a list is refused, never read as two fields.
            r#""coordinates": [-8.47, 51.9]"#,
            "field `coordinates`: expected an object with `lat` and `lon`, found a list",
        ),
        (
            r#""coordinates": {"lat": 51.9, "lon": -8.47, "alt": 3}"#,
            "field `coordinates.alt`: unknown field `alt`, expected `lat` or `lon`",
        ),
        (
            r#""coordinates": {"lat": "north", "lon": 2}"#,
            "field `coordinates.lat`: expected a latitude in degrees (a number from -90 to 90), found the string \"north\"",
        ),
        (
            r#""awards": {"year": 2015}"#,
            "field `awards`: expected a list of awards (objects with a `year`), found an object",
        ),
        (
            r#""awards": [{"year": 1e3}]"#,
            "field `awards[0].year`: expected a year (a whole number from 0 to 65535), found 1e3",
        ),
        (
            r#""cluster_basis": 3"#,
            "field `cluster_basis`: expected `stated` or `inferred`, found 3",
        ),
    ] {
        let message = error_of(&cork_with(extra));
        assert!(message.contains(words), "{extra}: {message}");
        assert!(message.contains("member 0 (Cork)"), "{message}");
        assert_in_user_words(&message);
    }
    for (text, words) in [
        (
            r#"{"schema_version": -1, "members": []}"#,
            "field `schema_version`: expected a format version (a whole number), found -1",
        ),
        (
            r#"{"members": {}}"#,
            "field `members`: expected a list of member objects, found an object",
        ),
        (
            r#"{"members": [], "announced": {"members": 1.5, "countries": 1, "as_of": "x"}}"#,
            "field `announced.members`: expected a count (a whole number), found 1.5",
        ),
    ] {
        let message = error_of(text);
        assert!(message.contains(words), "{text}: {message}");
        assert_in_user_words(&message);
    }
}

#[test]
fn a_big_integer_is_shown_as_written() {
    for number in [
        "99999999999999999999",
        "-99999999999999999999",
        "12345678901234567890",
    ] {
        let message = error_of(&cork_with(&format!(r#""joined": {number}"#)));
        assert!(
            message.ends_with(&format!(
                "expected a year (a whole number from 0 to 65535), found {number}"
            )),
            "{message}"
        );
        assert!(
            !message.contains("e+") && !message.contains("e20"),
            "{message}"
        );
    }
    // Too large even for a float: still as written, not "number out of range".
    let message = error_of(&cork_with(r#""coordinates": {"lat": 1e999, "lon": 0}"#));
    assert!(
        message.ends_with("(a number from -90 to 90), found 1e999"),
        "{message}"
    );
}

/// A dataset written one member a line, as people edit them.
const LAID_OUT: &str = r#"{
  "members": [
    {"city": "Espoo", "country": "Finland"},
    {"city": "Cork", "country": "Ireland", "MARK"}
  ]
}
"#;

/// The column (from 1, in characters) where `needle` starts on line `line` (from 1).
fn column_of(text: &str, line: usize, needle: &str) -> usize {
    let row = text.lines().nth(line - 1).unwrap();
    let at = row
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} on {row}"));
    row[..at].chars().count() + 1
}

#[test]
fn checks_after_parsing_name_the_line_and_column_of_the_value() {
    for (fields, value, rest) in [
        (
            r#""region": "Nordics""#,
            r#""Nordics""#,
            "member 1 (Cork), field `region`: unknown region `Nordics`",
        ),
        (
            r#""coordinates": {"lat": 100, "lon": 2}"#,
            r#"{"lat""#,
            "member 1 (Cork), field `coordinates`: latitude 100 / longitude 2 is off the globe",
        ),
        (
            r#""clusters": ["literacy", "space"]"#,
            r#"["literacy""#,
            "member 1 (Cork), field `clusters`: unknown cluster `space`",
        ),
        (
            r#""id": "espoo-finland""#,
            r#""espoo-finland""#,
            "member 1 (Cork), field `id`: duplicate member `espoo-finland`: member 0",
        ),
        (
            r#""joined_basis": "joined""#,
            r#""joined""#,
            "member 1 (Cork), field `joined_basis`: `joined_basis` says what",
        ),
    ] {
        let text = LAID_OUT.replace(r#""MARK""#, fields);
        let message = error_of(&text);
        let want = format!("data.json:4:{}: {rest}", column_of(&text, 4, value));
        assert!(message.starts_with(&want), "want {want}\ngot  {message}");
    }
}

#[test]
fn a_value_after_wide_characters_is_located_in_characters() {
    // Line 4: four spaces, `{"city": "Åbo", ` (16 characters, 17 bytes), `"country": ` (11):
    // the value starts at character 32.
    let text = LAID_OUT.replace(
        r#"{"city": "Cork", "country": "Ireland", "MARK"}"#,
        r#"{"city": "Åbo", "country": "Atlantis"}"#,
    );
    assert_eq!(column_of(&text, 4, "\"Atlantis\""), 32);
    let message = error_of(&text);
    assert!(
        message.starts_with("data.json:4:32: member 1 (Åbo), field `country`: unknown country"),
        "{message}"
    );
}

#[test]
fn a_derived_duplicate_points_at_the_member_and_a_new_version_at_its_number() {
    let text = LAID_OUT.replace(
        r#"{"city": "Cork", "country": "Ireland", "MARK"}"#,
        r#"{"city": "Espoo", "country": "Finland"}"#,
    );
    // No `id` is written: the member's `{`, after four spaces.
    let message = error_of(&text);
    assert!(
        message.starts_with("data.json:4:5: member 1 (Espoo), field `id`: duplicate member"),
        "{message}"
    );
    let text = "{\n  \"schema_version\": 99,\n  \"members\": []\n}";
    let message = error_of(text);
    assert!(
        message.starts_with("data.json:2:21, field `schema_version`: schema version 99"),
        "{message}"
    );
}

#[test]
fn the_binary_prints_the_worded_and_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cities.json");
    let path_str = path.to_str().unwrap();
    for (fields, line) in [
        (
            r#""joined": 99999999999999999999"#,
            // The column is where serde_json stopped: the number's last digit.
            format!(
                "{path_str}:4:{}: member 1 (Cork), field `joined`: expected a year (a whole number from 0 to 65535), found 99999999999999999999",
                column_of(
                    &LAID_OUT.replace(r#""MARK""#, r#""joined": 99999999999999999999"#),
                    4,
                    "9}"
                )
            ),
        ),
        (
            r#""region": "Nordics""#,
            format!(
                "{path_str}:4:{}: member 1 (Cork), field `region`: unknown region `Nordics`",
                column_of(
                    &LAID_OUT.replace(r#""MARK""#, r#""region": "Nordics""#),
                    4,
                    "\"Nordics\""
                )
            ),
        ),
    ] {
        std::fs::write(&path, LAID_OUT.replace(r#""MARK""#, fields)).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_gnlc"))
            .args(["--data", path_str, "list"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with(&format!("gnlc: {line}")),
            "want gnlc: {line}\ngot  {err}"
        );
        assert_in_user_words(&err);
    }
}
