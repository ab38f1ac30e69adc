//! Measuring, truncating and word-wrapping text by display width.
//!
//! Widths come from `unicode-width` (CJK and most emoji take two cells, combining marks none),
//! and text is only ever cut between chars: a zero-width char stays with the char before it,
//! and a wide char that does not fit moves to the next line whole. Callers pass text that has
//! already been through `text::sanitize*`.

use unicode_width::UnicodeWidthChar;

/// Display width of a string, in cells, as ratatui draws sanitised text and a terminal shows
/// it: char by char. (`unicode-width`'s own string width counts some sequences as one glyph,
/// such as Arabic lam-alef, which ratatui still draws one cell per char.)
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Display width of one char (0 for controls, which sanitised text does not have).
pub fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// `s` cut to at most `max` cells, ending in `…` when something was cut.
///
/// One pass that stops at the first char past `max` cells, so fitting a name that is
/// megabytes long costs no more than fitting the part that shows.
pub fn fit(s: &str, max: usize) -> String {
    if max == 0 {
        return if s.chars().all(|c| char_width(c) == 0) {
            s.to_string()
        } else {
            String::new()
        };
    }
    let mut used = 0;
    // Where the text is cut when it does not fit: before the first char that would leave no
    // room for the ellipsis (zero-width chars after the last kept one stay with it).
    let mut cut = None;
    for (i, c) in s.char_indices() {
        let w = char_width(c);
        if cut.is_none() && used + w > max - 1 {
            cut = Some(i);
        }
        used += w;
        if used > max {
            let mut out = s[..cut.unwrap_or(i)].to_string();
            out.push('…');
            return out;
        }
    }
    s.to_string()
}

/// Zero-width chars (combining marks, and controls before sanitising) [`clip`] keeps per
/// cell before it stops: real text has one or two; more is "Zalgo" text or an attack.
const ZERO_WIDTH_PER_CELL: usize = 4;

/// The shortest start of `s` that is wider than `max` cells, or all of `s` when it is not.
///
/// Everything [`fit`] or [`wrap`] can show of `s` in `max` cells is in it, also after
/// `text::sanitize_line` (which only ever widens a char, a control of width 0 becoming a
/// visible stand-in of width 1, or drops emoji glue, which this counts as no cells). Callers clip before sanitising so a 10 MB field is never
/// copied whole to draw one line of it. To stay cheap on a field made of nothing but
/// zero-width chars, it also stops after `ZERO_WIDTH_PER_CELL` of them per cell.
pub fn clip(s: &str, max: usize) -> &str {
    let mut used = 0;
    let mut zero_width = 0;
    let zero_width_max = max.saturating_add(1).saturating_mul(ZERO_WIDTH_PER_CELL);
    for (i, c) in s.char_indices() {
        // Emoji glue (a skin tone is 2 cells on its own) may not be shown: count it as
        // nothing, so the clipped text still fills `max` cells once sanitised.
        let w = if crate::text::is_emoji_glue(c) {
            0
        } else {
            char_width(c)
        };
        used += w;
        zero_width += usize::from(w == 0);
        if used > max || zero_width > zero_width_max {
            return &s[..i + c.len_utf8()];
        }
    }
    s
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
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("abcd", 3), "ab…");
        // A combining accent stays with its letter, before the ellipsis.
        assert_eq!(fit("ae\u{301}bc", 3), "ae\u{301}…");
        assert_eq!(fit("北京", 3), "北…");
    }

    #[test]
    fn clip_keeps_everything_that_can_show() {
        assert_eq!(clip("abcdef", 3), "abcd");
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(clip("北京市", 3), "北京");
        assert_eq!(clip("", 0), "");
        // Ten thousand combining marks on one letter: clipped, not read to the end.
        let zalgo = format!("a{}", "\u{301}".repeat(10_000));
        assert_eq!(
            clip(&zalgo, 2).chars().count(),
            1 + 3 * ZERO_WIDTH_PER_CELL + 1
        );
        for s in [
            "Sønderborg",
            "北京市北京市",
            "e\u{301}e\u{301}e\u{301}e\u{301}",
            "a b c d e f",
        ] {
            for max in 0..8 {
                assert_eq!(fit(clip(s, max), max), fit(s, max), "{s:?} at {max}");
                if max > 0 {
                    assert_eq!(
                        wrap(clip(s, max), max)[0],
                        wrap(s, max)[0],
                        "{s:?} at {max}"
                    );
                }
            }
        }
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
    fn width_is_what_is_drawn() {
        // Lam and alef: two cells on screen, one to unicode-width's string width.
        assert_eq!(width("\u{644}\u{627}"), 2);
        assert_eq!(width("北京 ab"), 7);
        assert_eq!(width("e\u{301}"), 1);
    }

    #[test]
    fn tail_keeps_the_end_that_fits() {
        assert_eq!(tail("sonderborg", 4), "borg");
        assert_eq!(tail("北京", 3), "京");
    }
}
