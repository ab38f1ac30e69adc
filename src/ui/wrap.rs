//! Measuring, truncating and word-wrapping text by display width.
//!
//! Widths come from `unicode-width` (CJK and most emoji take two cells, combining marks none),
//! and text is only ever cut between chars: a zero-width char stays with the char before it,
//! and a wide char that does not fit moves to the next line whole. Callers pass text that has
//! already been through `text::sanitize*`.

use unicode_width::UnicodeWidthChar;
use unicode_width::UnicodeWidthStr;

/// Display width of a string, in cells.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Display width of one char (0 for controls, which sanitised text does not have).
pub fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// `s` cut to at most `max` cells, ending in `…` when something was cut.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// The longest tail of `s` that fits in `max` cells (for the search box while typing).
pub fn tail(s: &str, max: usize) -> &str {
    let mut used = 0;
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        let w = char_width(c);
        if used + w > max {
            break;
        }
        used += w;
        start = i;
    }
    &s[start..]
}

/// Word-wraps one paragraph (no newlines) into lines of at most `max` cells. Words longer
/// than a line are split between chars. Never returns an empty vector.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    for word in text.split_whitespace() {
        let word_width = width(word);
        let gap = usize::from(!line.is_empty());
        if line_width + gap + word_width <= max {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(word);
            line_width += gap + word_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        }
        if word_width <= max {
            line.push_str(word);
            line_width = word_width;
            continue;
        }
        for c in word.chars() {
            let w = char_width(c);
            if line_width + w > max && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            line.push(c);
            line_width += w;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_by_width_with_an_ellipsis() {
        assert_eq!(fit("Sønderborg", 20), "Sønderborg");
        assert_eq!(fit("Sønderborg", 5), "Sønd…");
        // 北京 is four cells wide: at 3 cells only 北 and the ellipsis fit.
        assert_eq!(fit("北京市", 4), "北…");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_splits_long_words_between_chars() {
        assert_eq!(
            wrap("the 41742 way of thinking", 10),
            ["the 41742", "way of", "thinking"]
        );
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("北京北京", 3), ["北", "京", "北", "京"]);
        // A combining accent stays with its letter.
        assert_eq!(
            wrap("e\u{301}e\u{301}e\u{301}", 2),
            ["e\u{301}e\u{301}", "e\u{301}"]
        );
        assert_eq!(wrap("", 5), [""]);
    }

    #[test]
    fn tail_keeps_the_end_that_fits() {
        assert_eq!(tail("sonderborg", 4), "borg");
        assert_eq!(tail("北京", 3), "京");
    }
}
