//! serde's type errors in the words of the dataset format.
//!
//! Why: serde describes what it expected in Rust terms (`expected u16`, `expected a
//! sequence`, `expected struct Coordinates`) and prints a number too large for a `u64` as the
//! float it was read as (`1e+20`). A person editing a dataset knows fields, years, lists and
//! objects. [`reword`] rewrites the message from what the field is (a `joined` year, a list of
//! `clusters`...) and shows a number as it is written in the file.

/// Rewrites a serde data error `message` (its position already removed) for the value of
/// `field` (a path such as `awards[0].year`, or `None` outside any field); `literal` is the
/// number as written in the file, when the offending value is one. Messages that are not
/// about a value's type or range are returned unchanged.
pub(crate) fn reword(message: &str, field: Option<&str>, literal: Option<&str>) -> String {
    let Some((found, expected)) = split(message) else {
        // serde_json's words for a value of the wrong kind where an enum's name is due, and
        // for a number too large for any number type.
        if matches!(message, "expected value" | "number out of range")
            && let Some(words) = field.and_then(expected_for_field)
        {
            return match literal {
                Some(number) => format!("expected {words}, found {number}"),
                None => format!("expected {words}"),
            };
        }
        return message.to_string();
    };
    let expected = field
        .and_then(expected_for_field)
        .map_or_else(|| expected_in_words(expected), str::to_string);
    format!(
        "expected {expected}, found {}",
        found_in_words(found, literal)
    )
}

/// The unexpected value and serde's expectation, for the three kinds of type error.
fn split(message: &str) -> Option<(&str, &str)> {
    if let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    {
        return rest.split_once(", expected ");
    }
    // `invalid length 1, expected ...`: the value was a list of that many items.
    let rest = message.strip_prefix("invalid ")?;
    rest.starts_with("length ")
        .then(|| rest.split_once(", expected "))
        .flatten()
}

/// What a known field of the format holds, in the words of the format.
fn expected_for_field(field: &str) -> Option<&'static str> {
    let last = field.rsplit('.').next().unwrap_or(field);
    // `clusters[0]` is an item of the `clusters` list.
    let (name, item) = match last.split_once('[') {
        Some((name, _)) => (name, true),
        None => (last, false),
    };
    let in_announced = field.starts_with("announced.");
    Some(match (name, item) {
        ("joined" | "year", false) => "a year (a whole number from 0 to 65535)",
        ("schema_version", false) => "a format version (a whole number)",
        ("members" | "countries", false) if in_announced => "a count (a whole number)",
        ("as_of", false) if in_announced => "a date in words (a string)",
        ("members", false) => "a list of member objects",
        ("lat", false) => "a latitude in degrees (a number from -90 to 90)",
        ("lon", false) => "a longitude in degrees (a number from -180 to 180)",
        ("clusters" | "sources", false) => "a list of strings",
        ("clusters" | "sources", true) => "a string",
        ("awards", false) => "a list of awards (objects with a `year`)",
        ("awards", true) => "an award (an object with a `year`)",
        ("coordinates", false) => "an object with `lat` and `lon`",
        ("announced", false) => "an object with `members`, `countries` and `as_of`",
        ("cluster_basis", false) => "`stated` or `inferred`",
        ("joined_basis", false) => "`joined` or `member_by`",
        ("coordinates_of", false) => "`city` or `parent`",
        _ => return None,
    })
}

/// serde's expectation without Rust's type names, for a field not known above.
fn expected_in_words(expected: &str) -> String {
    let words = match expected {
        "u8" => "a whole number from 0 to 255",
        "u16" => "a whole number from 0 to 65535",
        "u32" => "a whole number from 0 to 4294967295",
        "u64" | "usize" => "a whole number from 0",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a sequence" => "a list",
        "a map" => "an object",
        "a borrowed string" => "a string",
        other if other.starts_with("struct ") => "an object",
        other if other.starts_with("tuple struct ") || other.starts_with("a tuple") => "a list",
        other => other,
    };
    words.to_string()
}

/// serde's description of the value found, as it looks in the file.
fn found_in_words(found: &str, literal: Option<&str>) -> String {
    if let Some(number) = found
        .strip_prefix("integer `")
        .or_else(|| found.strip_prefix("floating point `"))
        .and_then(|n| n.strip_suffix('`'))
    {
        // A float's digits are serde's (`1e+20` for a 20-digit integer): the file's are the
        // ones the user wrote.
        return literal.unwrap_or(number).to_string();
    }
    if let Some(text) = found.strip_prefix("string ") {
        return format!("the string {text}");
    }
    if let Some(value) = found.strip_prefix("boolean ") {
        return value.trim_matches('`').to_string();
    }
    if let Some(count) = found
        .strip_prefix("length ")
        .and_then(|n| n.parse::<usize>().ok())
    {
        let items = if count == 1 { "item" } else { "items" };
        return format!("a list of {count} {items}");
    }
    match found {
        "null" | "unit value" | "Option value" => "null".to_string(),
        "map" => "an object".to_string(),
        "sequence" => "a list".to_string(),
        other => other.to_string(),
    }
}

/// The JSON number that ends at byte `column` (1-based, as `serde_json` counts) of `line`
/// (1-based) in `text`, if a number ends there.
pub(crate) fn number_at(text: &str, line: usize, column: usize) -> Option<&str> {
    let start = super::locate::line_start(text, line)?;
    let end = start.checked_add(column)?;
    let bytes = text.as_bytes().get(start..end)?;
    let len = bytes
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
        .count();
    let number = text.get(end - len..end)?;
    let first = number.bytes().next()?;
    (first.is_ascii_digit() || first == b'-').then_some(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_too_large_for_a_float_reads_as_written() {
        let message = "invalid type: floating point `1e+20`, expected u16";
        assert_eq!(
            reword(message, Some("joined"), Some("99999999999999999999")),
            "expected a year (a whole number from 0 to 65535), found 99999999999999999999"
        );
    }

    #[test]
    fn rust_type_names_become_words() {
        for (message, field, words) in [
            (
                "invalid type: string \"literacy\", expected a sequence",
                Some("clusters"),
                "expected a list of strings, found the string \"literacy\"",
            ),
            (
                "invalid value: integer `-1`, expected u32",
                Some("schema_version"),
                "expected a format version (a whole number), found -1",
            ),
            (
                "invalid type: string \"x\", expected f64",
                Some("coordinates.lat"),
                "expected a latitude in degrees (a number from -90 to 90), found the string \"x\"",
            ),
            (
                "invalid length 1, expected struct Coordinates with 2 elements",
                Some("coordinates"),
                "expected an object with `lat` and `lon`, found a list of 1 item",
            ),
            (
                "invalid type: map, expected i32",
                Some("mystery"),
                "expected a whole number, found an object",
            ),
            (
                "invalid type: sequence, expected struct Thing",
                None,
                "expected an object, found a list",
            ),
        ] {
            assert_eq!(reword(message, field, None), words);
        }
    }

    #[test]
    fn a_number_out_of_every_range_is_shown_as_written() {
        assert_eq!(
            reword(
                "number out of range",
                Some("coordinates.lat"),
                Some("1e999")
            ),
            "expected a latitude in degrees (a number from -90 to 90), found 1e999"
        );
        assert_eq!(
            reword("expected value", Some("cluster_basis"), Some("3")),
            "expected `stated` or `inferred`, found 3"
        );
    }

    #[test]
    fn other_messages_are_kept() {
        let message = "unknown variant `x`, expected `joined` or `member_by`";
        assert_eq!(reword(message, Some("joined_basis"), None), message);
    }

    #[test]
    fn the_number_before_serdes_column_is_found() {
        let text = "{\n  \"joined\": 1e3,\n";
        // serde_json's column counts the bytes read on the line: `  "joined": 1e3` is 15.
        assert_eq!(number_at(text, 2, 15), Some("1e3"));
        assert_eq!(number_at(text, 2, 12), None);
        assert_eq!(number_at(text, 9, 1), None);
    }
}
