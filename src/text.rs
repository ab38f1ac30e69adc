//! Text helpers shared by every output path.
//!
//! Profile text is data, never terminal commands: everything that prints member text to a
//! terminal or a table goes through [`sanitize`] or [`sanitize_line`], which make C0 and C1
//! controls, escape sequences and bidi overrides visible instead of letting them act.
//! JSON output does not need this: `serde_json` escapes control characters itself.

use std::borrow::Cow;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// True for characters that must never reach a terminal raw: C0 controls (other than newline
/// and tab), DEL, C1 controls (U+0080–U+009F, including the CSI U+009B), and the bidi
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
pub fn is_hostile(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// True for the invisible format characters (Unicode category Cf) whose width terminals
/// disagree on, so that a row or a border drawn after them would shift: the soft hyphen,
/// zero-width space, word joiner, byte-order mark, bidi marks, invisible operators, Arabic
/// and other number signs, interlinear annotation and shorthand format controls. Left out:
/// the zero-width joiner and non-joiner, which scripts and emoji need (see [`ZWJ`]), and the
/// tag characters of emoji subdivision flags.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}'
        | '\u{890}'..='\u{891}' | '\u{8e2}' | '\u{180e}' | '\u{200b}' | '\u{200e}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}'
        | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{110bd}' | '\u{110cd}'
        | '\u{13430}'..='\u{1343f}' | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0001}')
}

/// The visible stand-in for an invisible format character: a soft hyphen shows as the
/// hyphen it stands for, the others as a middle dot, one cell wide everywhere.
fn format_stand_in(c: char) -> char {
    if c == '\u{ad}' { '-' } else { '\u{b7}' }
}

/// The visible stand-in for a hostile character: the Unicode "control picture" for C0
/// controls and DEL (so ESC shows as `␛`), the replacement character for the rest.
fn stand_in(c: char) -> char {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        _ => '\u{fffd}',
    }
}

/// Zero-width joiner. Between letters it is part of the writing (Devanagari half forms,
/// Malayalam chillus, Arabic and Persian joining) and stays: terminals and `unicode-width`
/// agree it takes no cell. Between emoji it glues them into one glyph (👩‍👩‍👧‍👦) whose
/// width terminals disagree on (2 cells in some, 8 in others, such as tmux 3.3), which would
/// shift the rest of a row past its pane: see [`shown_chars`].
const ZWJ: char = '\u{200d}';

/// True for the chars that only ever change how the emoji before them is drawn: the emoji
/// variation selector (U+FE0F), the skin-tone modifiers (U+1F3FB–U+1F3FF) and the joiner.
pub fn is_emoji_glue(c: char) -> bool {
    matches!(c, ZWJ | '\u{fe0f}' | '\u{1f3fb}'..='\u{1f3ff}')
}

/// True when a grapheme cluster's width is uncertain: `unicode-width` (and so ratatui)
/// measures the cluster as one glyph, and that differs from the sum of its chars' widths,
/// which is what terminals that draw char by char (tmux, xterm, many others) show. Emoji
/// ZWJ sequences, skin-tone and VS16 presentation sequences are the cases real data has.
fn is_uncertain(grapheme: &str) -> bool {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    grapheme.chars().count() > 1
        && grapheme.width()
            != grapheme
                .chars()
                .map(|c| c.width().unwrap_or(0))
                .sum::<usize>()
}

/// How text is shown: as one line (newlines and tabs become spaces) or as paragraphs
/// (newlines and tabs kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Line,
    Lines,
}

/// True when some char of `s` needs [`shown_chars`] to do anything.
fn needs_work(s: &str, shape: Shape) -> bool {
    s.chars().any(|c| {
        is_hostile(c)
            || is_invisible_format(c)
            || is_emoji_glue(c)
            || c == '\r'
            || (shape == Shape::Line && matches!(c, '\n' | '\t'))
    })
}

/// The chars of `s` as a terminal is given them, each with the index (in chars) of the char
/// of `s` it shows, so search highlights and cursors can be placed.
///
/// Controls and invisible format characters become visible stand-ins (a carriage return is
/// dropped in paragraphs, so CRLF text prints as lines). A grapheme cluster whose width is
/// uncertain (see [`is_uncertain`]) is shown as its parts: without the joiners, variation
/// selectors and skin-tone modifiers that glue it, so each part is one emoji of the width
/// `unicode-width` gives it, the width every terminal draws (👩‍👧 shows as 👩👧, four cells
/// everywhere). Glue that starts a cluster (after a control or a dropped carriage return) is
/// left out too, unless it starts a line. Joiners anywhere else, between letters of a script, are kept. The data is
/// never changed: this is only what is drawn.
pub fn shown_chars(s: &str, shape: Shape) -> Vec<(usize, char)> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out = Vec::with_capacity(s.len());
    let mut index = 0;
    for grapheme in s.graphemes(true) {
        // Glue at the start of a cluster has nothing of its own to attach to (it followed a
        // control, or a dropped carriage return): drawn, it would join whatever is drawn
        // before it on the line.
        let orphan = grapheme.chars().next().is_some_and(is_emoji_glue)
            && out.last().is_some_and(|&(_, c)| c != '\n');
        let uncertain = orphan || (grapheme.chars().any(is_emoji_glue) && is_uncertain(grapheme));
        for c in grapheme.chars() {
            let i = index;
            index += 1;
            let shown = match c {
                '\r' if shape == Shape::Lines => continue,
                '\n' | '\r' | '\t' if shape == Shape::Line => ' ',
                '\n' | '\t' => c,
                c if uncertain && is_emoji_glue(c) => continue,
                c if is_hostile(c) => stand_in(c),
                c if is_invisible_format(c) => format_stand_in(c),
                c => c,
            };
            out.push((i, shown));
        }
    }
    out
}

/// Multi-line text made safe for a terminal: newlines and tabs are kept, the rest as
/// [`shown_chars`] shows it.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !needs_work(s, Shape::Lines) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        shown_chars(s, Shape::Lines)
            .into_iter()
            .map(|(_, c)| c)
            .collect(),
    )
}

/// One-line text made safe for a terminal: as [`sanitize`], and newlines, carriage returns
/// and tabs become spaces, so a city name can never break a table row. Char indices into
/// `s` stay valid unless an emoji sequence was shown as its parts: where they matter
/// (highlights, cursors), use [`shown_chars`].
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    if !needs_work(s, Shape::Line) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        shown_chars(s, Shape::Line)
            .into_iter()
            .map(|(_, c)| c)
            .collect(),
    )
}

/// A URL- and file-friendly identifier: letters and digits folded to lowercase ASCII where
/// they have an ASCII base (`Sønderborg` → `sonderborg`), other letters kept, runs of anything
/// else turned into one `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_dash = false;
    for c in s.chars() {
        let mut pushed = false;
        for_each_folded(c, |f| {
            if f.is_alphanumeric() {
                if pending_dash && !out.is_empty() {
                    out.push('-');
                }
                pending_dash = false;
                out.push(f);
                pushed = true;
            }
        });
        if !pushed {
            pending_dash = true;
        }
    }
    out
}

/// Calls `emit` with the case- and accent-folded form of `c`: zero, one or more characters.
/// `É` → `e`, `ø` → `o`, `ß` and its capital `ẞ` → `ss`, `ș` → `s`, combining marks → nothing.
/// This is the one definition of "folding" the search and the ids share.
pub fn for_each_folded(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
        return;
    }
    match c {
        'ø' | 'Ø' => return emit('o'),
        'æ' | 'Æ' => {
            emit('a');
            return emit('e');
        }
        'œ' | 'Œ' => {
            emit('o');
            return emit('e');
        }
        // `ẞ` (U+1E9E) lowercases to `ß`, which has no decomposition: both are spelled `ss`.
        'ß' | 'ẞ' => {
            emit('s');
            return emit('s');
        }
        'đ' | 'Đ' | 'ð' | 'Ð' => return emit('d'),
        'ł' | 'Ł' => return emit('l'),
        'ı' => return emit('i'),
        'þ' | 'Þ' => {
            emit('t');
            return emit('h');
        }
        _ => {}
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            for l in d.to_lowercase() {
                emit(l);
            }
        }
    });
}

/// The folded form of a whole string (see [`for_each_folded`]).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for_each_folded(c, |f| out.push(f));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_makes_escape_sequences_visible() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\u{241b}[31mb");
        assert_eq!(sanitize("x\u{9b}y\u{202e}z"), "x\u{fffd}y\u{fffd}z");
        assert_eq!(sanitize("line\r\nnext\ttab"), "line\nnext\ttab");
        assert!(matches!(sanitize("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn sanitize_line_flattens_newlines() {
        assert_eq!(sanitize_line("a\nb\tc\u{7}"), "a b c\u{2407}");
    }

    #[test]
    fn invisible_format_characters_get_one_cell_stand_ins() {
        use unicode_width::UnicodeWidthStr;
        let name = "Ober\u{ad}hausen\u{200b}x\u{2060}y\u{feff}z\u{200e}";
        assert_eq!(sanitize_line(name), "Ober-hausen·x·y·z·");
        assert_eq!(sanitize(name), "Ober-hausen·x·y·z·");
        // Char for char, so search highlights keep their places; and the width is what the
        // terminal draws.
        let shown = sanitize_line(name);
        assert_eq!(shown.chars().count(), name.chars().count());
        assert_eq!(shown.width(), shown.chars().count());
        // Scripts keep their joiners.
        assert_eq!(sanitize_line("می\u{200c}خواهم"), "می\u{200c}خواهم");
    }

    #[test]
    fn emoji_sequences_show_as_their_parts_and_scripts_keep_their_joiners() {
        use unicode_segmentation::UnicodeSegmentation;
        use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
        // The family emoji: one glyph of 2 cells to unicode-width, 8 in tmux; shown as its
        // four people, 2 cells each everywhere. Not turned into a ZWNJ sequence.
        let family = "👩\u{200d}👩\u{200d}👧\u{200d}👦";
        assert_eq!(sanitize_line(family), "👩👩👧👦");
        assert_eq!(sanitize(&format!("{family}\n")), "👩👩👧👦\n");
        // VS16 and a skin tone make a glyph that some terminals draw 1 or 4 cells wide.
        assert_eq!(sanitize_line("❤\u{fe0f}\u{200d}🔥 x"), "❤🔥 x");
        assert_eq!(sanitize_line("👋\u{1f3fd}"), "👋");
        // A dropped carriage return does not glue what followed it to what preceded it; at
        // a line's start the lone skin tone is a visible emoji and stays.
        assert_eq!(sanitize("❤\r\u{fe0f}"), "❤");
        assert_eq!(sanitize("❤\r\u{1f3fd}"), "❤");
        assert_eq!(sanitize("❤\r\n\u{1f3fd}"), "❤\n\u{1f3fd}");
        // Joiners between letters are the script's: Devanagari, Malayalam chillu at a word's
        // end, Persian; kept as they are.
        for script in [
            "क्\u{200d}ष",
            "ന്\u{200d} x",
            "می\u{200d}خواهم",
            "می\u{200c}خواهم",
        ] {
            assert_eq!(sanitize_line(script), script);
        }
        // What is shown is measured the same way ratatui draws it (by grapheme) and a
        // terminal does (char by char).
        for s in [
            family,
            "❤\u{fe0f}\u{200d}🔥",
            "🏳\u{fe0f}\u{200d}🌈 Pride",
            "a\u{200d}👩",
        ] {
            let shown = sanitize_line(s);
            let by_grapheme: usize = shown.graphemes(true).map(UnicodeWidthStr::width).sum();
            let by_char: usize = shown.chars().map(|c| c.width().unwrap_or(0)).sum();
            assert_eq!(by_grapheme, by_char, "{s:?} shows as {shown:?}");
        }
        // Each shown char says which char of the data it shows: the family's people are
        // chars 0, 2, 4 and 6 of the name.
        let indices: Vec<usize> = shown_chars(family, Shape::Line)
            .iter()
            .map(|&(i, _)| i)
            .collect();
        assert_eq!(indices, [0, 2, 4, 6]);
    }

    #[test]
    fn fold_removes_case_and_accents() {
        assert_eq!(fold("Sønderborg"), "sonderborg");
        assert_eq!(fold("Villa María"), "villa maria");
        assert_eq!(fold("Chișinău"), "chisinau");
        assert_eq!(fold("Chişinău"), "chisinau");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("GROẞSTADT"), "grossstadt");
        assert_eq!(fold("北京"), "北京");
    }

    #[test]
    fn slug_joins_words_with_dashes() {
        assert_eq!(slug("Villa María"), "villa-maria");
        assert_eq!(slug("  N'Zérékoré!! "), "n-zerekore");
        assert_eq!(slug("Seodaemun-gu"), "seodaemun-gu");
    }
}
