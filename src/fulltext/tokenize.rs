//! Splitting profile text into folded words, with where each word is in the original.
//!
//! A word is a run of characters whose folded form (`crate::text::for_each_folded`, the one
//! definition of folding, so `Sønderborg` is `sonderborg` here as in name search) is letters or
//! digits. Everything else separates words: `well-being` is `well` and `being`, `41742` is one
//! word. Combining marks fold to nothing and neither start nor end a word.
//!
//! Each word keeps its byte range in the original text, so the detail view can highlight it,
//! and an emphasis flag. Emphasised words are those a reader's eye lands on first, so the
//! ranking counts them more (see `index` for the weights):
//! - the lead-in of a list item (a line starting with `- `, `• ` or `* `): the words before a
//!   `:` when there are at most [`LEAD_IN_COLON_WORDS`] of them, else its first
//!   [`LEAD_IN_WORDS`] words;
//! - a heading: a line of at most [`HEADING_WORDS`] words, not a list item, not ending like a
//!   sentence (`.`, `,`, `;`), followed by more text.

use crate::text::for_each_folded;
use std::ops::Range;

/// A list item's words before a colon are its lead-in when there are at most this many.
pub const LEAD_IN_COLON_WORDS: usize = 10;
/// Otherwise the lead-in is a list item's first this many words.
pub const LEAD_IN_WORDS: usize = 4;
/// A line of at most this many words, followed by more text, is a heading.
pub const HEADING_WORDS: usize = 8;

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The folded word.
    pub text: &'a str,
    /// Byte range of the word in the original text.
    pub range: Range<usize>,
    /// True in a heading or a list item's lead-in.
    pub emphasis: bool,
}

/// Reusable buffers for tokenising one line at a time.
#[derive(Debug, Default)]
pub struct Tokenizer {
    folded: String,
    /// (range in `folded`, byte range in the original text)
    words: Vec<(Range<usize>, Range<usize>)>,
}

impl Tokenizer {
    /// Calls `emit` for every word of `text`, in order. With `emphasize` false no word is
    /// emphasised (a tagline is weighted as a whole).
    pub fn for_each(&mut self, text: &str, emphasize: bool, mut emit: impl FnMut(&Token<'_>)) {
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            self.line(line, line_start);
            let more = line.ends_with('\n') && line_start + line.len() < text.len();
            let emphasized = if emphasize {
                emphasized_words(line, self.words.len(), more)
            } else {
                0
            };
            for (k, (folded, original)) in self.words.iter().enumerate() {
                emit(&Token {
                    text: &self.folded[folded.clone()],
                    range: original.clone(),
                    emphasis: k < emphasized,
                });
            }
            line_start += line.len();
        }
    }

    /// Splits one line (starting at byte `offset` of the text) into `self.words`.
    fn line(&mut self, line: &str, offset: usize) {
        self.folded.clear();
        self.words.clear();
        // (folded start, original start, original end) of the word being read
        let mut open: Option<(usize, usize, usize)> = None;
        for (i, c) in line.char_indices() {
            let before = self.folded.len();
            let mut any = false;
            let mut word = true;
            if c.is_ascii() {
                any = true;
                if c.is_ascii_alphanumeric() {
                    self.folded.push(c.to_ascii_lowercase());
                } else {
                    word = false;
                }
            } else {
                let folded = &mut self.folded;
                for_each_folded(c, |f| {
                    any = true;
                    if f.is_alphanumeric() {
                        folded.push(f);
                    } else {
                        word = false;
                    }
                });
            }
            let end = offset + i + c.len_utf8();
            if !any {
                // A combining mark: part of the word it follows, if any.
                if let Some(w) = open.as_mut() {
                    w.2 = end;
                }
            } else if word {
                match open.as_mut() {
                    Some(w) => w.2 = end,
                    None => open = Some((before, offset + i, end)),
                }
            } else {
                self.folded.truncate(before);
                if let Some((fs, os, oe)) = open.take() {
                    self.words.push((fs..before, os..oe));
                }
            }
        }
        if let Some((fs, os, oe)) = open {
            self.words.push((fs..self.folded.len(), os..oe));
        }
    }
}

/// How many of the line's first words are emphasised (see the module docs).
fn emphasized_words(line: &str, words: usize, more_text_follows: bool) -> usize {
    let trimmed = line.trim();
    if trimmed.is_empty() || words == 0 {
        return 0;
    }
    if let Some(item) = ["- ", "• ", "* "]
        .iter()
        .find_map(|bullet| trimmed.strip_prefix(bullet))
    {
        if let Some(colon) = item.find(':') {
            let before = count_words(&item[..colon]);
            if before > 0 && before <= LEAD_IN_COLON_WORDS {
                return before;
            }
        }
        return LEAD_IN_WORDS.min(words);
    }
    let ends_like_sentence = trimmed.ends_with(['.', ',', ';', '!', '?']);
    if more_text_follows && words <= HEADING_WORDS && !ends_like_sentence {
        return words;
    }
    0
}

fn count_words(s: &str) -> usize {
    let mut tokenizer = Tokenizer::default();
    tokenizer.line(s, 0);
    tokenizer.words.len()
}

/// The folded words of `text`, for queries and tests.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    Tokenizer::default().for_each(text, false, |t| out.push(t.text.to_string()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str, emphasize: bool) -> Vec<(String, Range<usize>, bool)> {
        let mut out = Vec::new();
        Tokenizer::default().for_each(text, emphasize, |t| {
            out.push((t.text.to_string(), t.range.clone(), t.emphasis));
        });
        out
    }

    #[test]
    fn words_fold_case_and_accents_and_keep_original_ranges() {
        let text = "Sønderborg's well-being: 41742!";
        let t = tokens(text, false);
        let words: Vec<&str> = t.iter().map(|w| w.0.as_str()).collect();
        assert_eq!(words, ["sonderborg", "s", "well", "being", "41742"]);
        assert_eq!(&text[t[0].1.clone()], "Sønderborg");
        assert_eq!(&text[t[4].1.clone()], "41742");
    }

    #[test]
    fn combining_marks_stay_inside_the_word() {
        let text = "Chis\u{326}ina\u{306}u centre";
        let t = tokens(text, false);
        assert_eq!(t[0].0, "chisinau");
        assert_eq!(&text[t[0].1.clone()], "Chis\u{326}ina\u{306}u");
        assert_eq!(words("Straße ÆBELTOFT"), ["strasse", "aebeltoft"]);
    }

    #[test]
    fn list_lead_ins_and_headings_are_emphasised() {
        let text = "Our goals\nWe work hard.\n- Mobile libraries: boats bring books\n- Learning for all ages in every district";
        let emphasized: Vec<String> = tokens(text, true)
            .into_iter()
            .filter(|t| t.2)
            .map(|t| t.0)
            .collect();
        assert_eq!(
            emphasized,
            [
                "our",
                "goals",
                "mobile",
                "libraries",
                "learning",
                "for",
                "all",
                "ages"
            ]
        );
        assert!(tokens(text, false).iter().all(|t| !t.2));
    }

    #[test]
    fn a_last_short_line_is_not_a_heading() {
        assert!(
            tokens("Some text\nshort end", true)
                .iter()
                .take(2)
                .all(|t| t.2)
        );
        assert!(
            tokens("Some text\nshort end", true)
                .iter()
                .skip(2)
                .all(|t| !t.2)
        );
    }
}
