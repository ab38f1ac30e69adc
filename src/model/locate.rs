//! Where a member's field is in the file, for errors found after parsing.
//!
//! Why: the checks that need the whole member (an unknown region, a duplicate id, coordinates
//! off the globe) run on parsed records, which no longer know where they came from. Keeping
//! every value's position while parsing would cost every load; instead, only when a check
//! fails, [`place_error`] scans the text once more to the failing member's field and adds its
//! line and column to the error. The text has already parsed as JSON, so the scan only needs
//! to skip values, not to check them.
//!
//! Lines and columns count from 1; a column counts characters, not bytes.

use crate::error::Error;

/// Adds the line and column of the value to a data error about a member's field that has no
/// position yet (the member's opening `{` when the field is not written: a derived `id`).
/// Any other error is returned as it is.
pub(super) fn place_error(error: Error, text: &str) -> Error {
    let Error::Data { mut place, message } = error else {
        return error;
    };
    let offset = match (&place.member, place.field.as_deref()) {
        _ if place.line.is_some() => None,
        (Some((index, _)), field) => member_field(text, *index, field),
        (None, Some(field)) => root_field(text, field),
        (None, None) => None,
    };
    if let Some(offset) = offset {
        let (line, column) = line_column(text, offset);
        place.line = Some(line);
        place.column = Some(column);
    }
    Error::Data { place, message }
}

/// The byte offset where line `line` (from 1) of `text` starts.
pub(super) fn line_start(text: &str, line: usize) -> Option<usize> {
    if line == 1 {
        return Some(0);
    }
    memchr::memchr_iter(b'\n', text.as_bytes())
        .nth(line.checked_sub(2)?)
        .map(|p| p + 1)
}

/// The line and column (both from 1, the column in characters) of byte `offset` of `text`.
pub(super) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    let start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |p| p + 1);
    (line, before[start..].chars().count() + 1)
}

/// `serde_json`'s column (the bytes read on the line, up to the end of the offending value) as
/// a column in characters at the value's last character.
pub(super) fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(start) = line_start(text, line) else {
        return byte_column;
    };
    let end = floor_char_boundary(text, start.saturating_add(byte_column).min(text.len()));
    text.get(start..end)
        .map_or(byte_column, |s| s.chars().count().max(1))
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The byte offset of the value of `field` in member `index` of the dataset `text`, or of the
/// member's `{` when it has no such field (or `field` is `None`). Only a member's own keys
/// are looked up: a path such as `awards[0].year` finds `awards`.
pub(super) fn member_field(text: &str, index: usize, field: Option<&str>) -> Option<usize> {
    let key = field.map(|f| {
        let end = f.find(['.', '[']).unwrap_or(f.len());
        &f[..end]
    });
    let mut scan = Scan::new(text);
    scan.expect(b'{')?;
    loop {
        let name = scan.key()?;
        if name == "members" {
            return scan.member(index, key);
        }
        scan.value()?;
        scan.after_item(b'}')?;
    }
}

/// The byte offset of the value of the dataset's own field `field` (`schema_version`...).
pub(super) fn root_field(text: &str, field: &str) -> Option<usize> {
    let mut scan = Scan::new(text);
    scan.expect(b'{')?;
    loop {
        if scan.key()? == field {
            scan.peek()?;
            return Some(scan.at);
        }
        scan.value()?;
        scan.after_item(b'}')?;
    }
}

/// A cursor over JSON text already known to be valid.
struct Scan<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Scan<'a> {
    /// A cursor at the start of `text`, past a byte-order mark.
    fn new(text: &'a str) -> Self {
        Scan {
            text,
            at: text.len() - text.trim_start_matches('\u{feff}').len(),
        }
    }

    fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while bytes.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
        bytes.get(self.at).copied()
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Skips a `,`, or returns `None` at the `close` that ends the object or array.
    fn after_item(&mut self, close: u8) -> Option<()> {
        match self.peek()? {
            b',' => {
                self.at += 1;
                Some(())
            }
            b if b == close => None,
            _ => None,
        }
    }

    /// Reads an object key and its colon; `None` at the object's end.
    fn key(&mut self) -> Option<String> {
        if self.peek()? != b'"' {
            return None;
        }
        let start = self.at;
        self.string()?;
        let raw = &self.text[start..self.at];
        let name = if raw.contains('\\') {
            serde_json::from_str(raw).ok()?
        } else {
            raw[1..raw.len() - 1].to_string()
        };
        self.expect(b':')?;
        Some(name)
    }

    /// Skips a string, the cursor at its opening quote.
    fn string(&mut self) -> Option<()> {
        let bytes = self.text.as_bytes();
        let mut i = self.at + 1;
        loop {
            let p = memchr::memchr2(b'"', b'\\', bytes.get(i..)?)?;
            if bytes[i + p] == b'\\' {
                i += p + 2;
            } else {
                self.at = i + p + 1;
                return Some(());
            }
        }
    }

    /// Skips one value of any kind.
    fn value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.string(),
            b'{' | b'[' => {
                let bytes = self.text.as_bytes();
                let mut depth = 0usize;
                loop {
                    match *bytes.get(self.at)? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth = depth.checked_sub(1)?;
                            if depth == 0 {
                                self.at += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.at += 1;
                }
            }
            _ => {
                let bytes = self.text.as_bytes();
                while bytes
                    .get(self.at)
                    .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
                {
                    self.at += 1;
                }
                Some(())
            }
        }
    }

    /// In the `members` array: the offset of member `index`'s `key`, or of its `{`.
    fn member(&mut self, index: usize, key: Option<&str>) -> Option<usize> {
        self.expect(b'[')?;
        for _ in 0..index {
            self.value()?;
            self.after_item(b']')?;
        }
        if self.peek()? != b'{' {
            return None;
        }
        let start = self.at;
        let Some(key) = key else {
            return Some(start);
        };
        self.at += 1;
        if self.peek()? == b'}' {
            return Some(start);
        }
        loop {
            let Some(name) = self.key() else {
                return Some(start);
            };
            if name == key {
                self.peek()?;
                return Some(self.at);
            }
            self.value()?;
            if self.after_item(b'}').is_none() {
                return Some(start);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\"source\": \"x {[\\\"\", \"members\": [\n  {\"city\": \"A\", \"country\": \"B\"},\n  {\"city\": \"Ré\", \"awards\": [{\"year\": 1}], \"region\": \"Nordics\"}\n]}";

    #[test]
    fn a_field_of_a_member_is_found_past_strings_and_nested_values() {
        let offset = member_field(TEXT, 1, Some("region")).unwrap();
        assert!(TEXT[offset..].starts_with("\"Nordics\""));
        // Line 3: two spaces, `{"city": "Ré", ` (15 characters), `"awards": [{"year": 1}], `
        // (25), `"region": ` (10): the value starts at column 53.
        assert_eq!(line_column(TEXT, offset), (3, 53));
    }

    #[test]
    fn a_field_not_written_points_at_the_member() {
        let offset = member_field(TEXT, 0, Some("id")).unwrap();
        assert_eq!(line_column(TEXT, offset), (2, 3));
        assert_eq!(member_field(TEXT, 2, Some("id")), None);
    }

    #[test]
    fn a_path_finds_its_first_key_and_an_escaped_key_is_read() {
        let offset = member_field(TEXT, 1, Some("awards[0].year")).unwrap();
        assert!(TEXT[offset..].starts_with("[{"));
        let escaped = "{\"m\\u0065mbers\": [{\"c\\u0069ty\": 1}]}";
        let offset = member_field(escaped, 0, Some("city")).unwrap();
        assert_eq!(&escaped[offset..=offset], "1");
    }

    #[test]
    fn a_field_of_the_dataset_is_found() {
        let text = "{\"members\": [{\"city\": \"A\"}],\n \"schema_version\": 9}";
        assert_eq!(
            line_column(text, root_field(text, "schema_version").unwrap()),
            (2, 20)
        );
        assert_eq!(root_field(text, "source"), None);
    }

    #[test]
    fn columns_count_characters() {
        // serde_json says column 7 for the `1` after `"é": ` (the é is two bytes).
        let text = "{\"é\": 1}";
        assert_eq!(char_column(text, 1, 8), 7);
        assert_eq!(line_start("a\nb\nc", 3), Some(4));
        assert_eq!(line_start("a", 2), None);
    }
}
