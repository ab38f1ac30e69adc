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

/// Zero-width joiner: glues emoji into one glyph (👩‍👩‍👧‍👦) whose width terminals disagree on
/// (2 cells in some, 6 or 8 in others, such as tmux 3.3), which would shift the rest of a row
/// past its pane. For display it becomes a zero-width *non*-joiner: each emoji then shows on
/// its own, 2 cells wide everywhere, and every char keeps its index (search highlights).
const ZWJ: char = '\u{200d}';
const ZWNJ: char = '\u{200c}';

/// Multi-line text made safe for a terminal: newlines and tabs are kept (a carriage return is
/// dropped so CRLF text prints as lines); every other control and every invisible format
/// character ([`is_invisible_format`]) is replaced by a visible stand-in, and a zero-width
/// joiner by a non-joiner (see [`ZWJ`]).
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| is_hostile(c) || c == '\r' || c == ZWJ || is_invisible_format(c))
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter(|&c| c != '\r')
            .map(|c| match c {
                ZWJ => ZWNJ,
                c if is_hostile(c) => stand_in(c),
                c if is_invisible_format(c) => format_stand_in(c),
                c => c,
            })
            .collect(),
    )
}

/// One-line text made safe for a terminal: as [`sanitize`], and newlines, carriage returns
/// and tabs become spaces, so a city name can never break a table row. Maps char to char, so
/// char indices into `s` stay valid.
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| is_hostile(c) || is_invisible_format(c) || matches!(c, '\n' | '\r' | '\t' | ZWJ))
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\n' | '\r' | '\t' => ' ',
                ZWJ => ZWNJ,
                c if is_hostile(c) => stand_in(c),
                c if is_invisible_format(c) => format_stand_in(c),
                c => c,
            })
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
        assert_eq!(sanitize_line("👩\u{200d}👧"), "👩\u{200c}👧");
        assert_eq!(sanitize("👩\u{200d}👧\n"), "👩\u{200c}👧\n");
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
