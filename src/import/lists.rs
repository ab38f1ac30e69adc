//! Profile text into the dataset's plain-text form: one paragraph per line, list items as
//! lines starting with `- `.
//!
//! Bullets (`•`, `-`, `*`, `–`, ...) in pages that kept them become `- ` items as they are.
//! The scraped listing lost its bullets and glued the items together
//! (`the following areasAdult illiteracyChildcareInclusive learning`), and a lowercase→capital
//! boundary can also be a lost full stop or a product name (`ProjectZero`, `InternetPlus`,
//! `EcCoWell`, `GLLiC`, `PhD`). So a glued list is rebuilt only where the program is sure:
//!
//! - a boundary counts only after a run of three or more lowercase letters that began after a
//!   space or at an earlier boundary (`areasAdult`, `illiteracyChildcare`, `ChildcareInclusive`),
//!   never inside a word that began with a capital after a space (`ProjectZero`, `EcCoWell`);
//! - the text before the first item must announce a list: "the following" near its end, "as
//!   follows", a trailing colon, or a last word after which a sentence cannot end
//!   (`such as`, `includes`, `focuses on`, `would like to promote`);
//! - at least two items of at most 40 words follow.
//!
//! Anything else is kept exactly as the source has it (white space collapsed): the glue is the
//! source's, and no punctuation is invented.

/// Words after which a sentence cannot end, so glued capitals after them start list items.
const LEAD_WORDS: &[&str] = &[
    "following",
    "follows",
    "include",
    "includes",
    "including",
    "comprise",
    "comprises",
    "comprising",
    "namely",
    "on",
    "for",
    "to",
    "of",
    "in",
    "into",
    "with",
    "by",
    "the",
    "a",
    "an",
    "and",
    "or",
    "are",
    "is",
    "as",
    "promote",
    "increase",
    "through",
];

/// The longest piece still taken for a list item.
const MAX_ITEM_WORDS: usize = 40;

/// How near the end of a lead-in "the following" must be.
const FOLLOWING_WINDOW_WORDS: usize = 20;

/// Formats a block of profile text: bullets become `- ` items, glued lists are rebuilt where
/// sure, white space is collapsed, blank lines dropped. `None` when nothing is left.
pub fn format(text: &str) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(item) = bullet_item(line) {
            let item = collapse(item);
            if !item.is_empty() {
                out.push(format!("- {item}"));
            }
        } else {
            out.extend(unglue_lists(line));
        }
    }
    (!out.is_empty()).then(|| out.join("\n"))
}

/// The text of a bulleted line (`• item`, `- item`, `* item`), or `None` for other lines.
pub fn bullet_item(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let mut chars = line.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    match first {
        '•' | '◦' | '▪' | '‣' | '●' | '○' | '■' | '►' => Some(rest.trim()),
        '-' | '*' | '–' | '—' | '·' if rest.starts_with(char::is_whitespace) => {
            Some(rest.trim())
        }
        _ => None,
    }
}

/// Collapses every run of white space (including no-break spaces) into one space, trimmed.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One source line as output lines: the line itself, or paragraphs and `- ` items where a
/// glued list was recognised.
fn unglue_lists(line: &str) -> Vec<String> {
    let pieces = pieces(line);
    let mut out = Vec::new();
    let mut paragraph_start = 0;
    let mut k = 0;
    while k < pieces.len() {
        let (start, end) = pieces[k];
        if is_lead_in(&line[start..end]) {
            let items: Vec<(usize, usize)> = pieces[k + 1..]
                .iter()
                .copied()
                .take_while(|&(s, e)| {
                    let words = line[s..e].split_whitespace().count();
                    words > 0 && words <= MAX_ITEM_WORDS
                })
                .collect();
            if items.len() >= 2 {
                push_collapsed(&mut out, &line[paragraph_start..end], "");
                for &(s, e) in &items {
                    push_collapsed(&mut out, &line[s..e], "- ");
                }
                k += 1 + items.len();
                paragraph_start = items.last().map_or(end, |&(_, e)| e);
                // The next piece starts a new paragraph where the list ended.
                if let Some(&(next_start, _)) = pieces.get(k) {
                    paragraph_start = next_start;
                }
                continue;
            }
        }
        k += 1;
    }
    if paragraph_start < line.len() {
        push_collapsed(&mut out, &line[paragraph_start..], "");
    }
    out
}

fn push_collapsed(out: &mut Vec<String>, text: &str, prefix: &str) {
    let text = collapse(text);
    if !text.is_empty() {
        out.push(format!("{prefix}{text}"));
    }
}

/// Splits a line into pieces at the glue boundaries the module docs describe, and at runs of
/// two or more spaces between a lowercase letter and a capital (`communities    Economic`).
/// Returns byte ranges; together they cover the line except the split white space.
fn pieces(line: &str) -> Vec<(usize, usize)> {
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (end of a piece, start of the next)
    let mut prev: Option<char> = None;
    let mut run_start = 0;
    let mut last_boundary: Option<usize> = None;
    let mut space_run: Option<(usize, usize, Option<char>)> = None; // (start, count, char before)
    for (i, c) in line.char_indices() {
        if c.is_alphabetic() {
            let prev_is_letter = prev.is_some_and(char::is_alphabetic);
            if !prev_is_letter {
                if let Some((space_start, count, before)) = space_run
                    && count >= 2
                    && before.is_some_and(char::is_lowercase)
                    && c.is_uppercase()
                {
                    cuts.push((space_start, i));
                    last_boundary = Some(i);
                }
                run_start = i;
            } else if prev.is_some_and(char::is_lowercase) && c.is_uppercase() {
                let run = &line[run_start..i];
                let mut run_chars = run.chars();
                let first = run_chars.next();
                let tail_lower = run_chars.all(char::is_lowercase);
                let length = run.chars().count();
                let long_enough =
                    length >= 3 || (length == 2 && tail_lower && LEAD_WORDS.contains(&run));
                let began_well =
                    first.is_some_and(char::is_lowercase) || last_boundary == Some(run_start);
                if long_enough && tail_lower && began_well {
                    cuts.push((i, i));
                    last_boundary = Some(i);
                    run_start = i;
                }
            }
            space_run = None;
        } else if c.is_whitespace() {
            space_run = Some(match space_run {
                Some((start, count, before)) => (start, count + 1, before),
                None => (i, 1, prev),
            });
        } else {
            space_run = None;
        }
        prev = Some(c);
    }
    let mut pieces = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for (end, next) in cuts {
        pieces.push((start, end));
        start = next;
    }
    pieces.push((start, line.len()));
    pieces
}

/// True when `text` announces a list (see the module docs).
fn is_lead_in(text: &str) -> bool {
    let text = text.trim_end();
    if text.ends_with(':') {
        return true;
    }
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let Some(last) = words.last() else {
        return false;
    };
    if LEAD_WORDS.contains(&last.as_str()) {
        return true;
    }
    let window = &words[words.len().saturating_sub(FOLLOWING_WINDOW_WORDS)..];
    window
        .windows(2)
        .any(|w| (w[0] == "the" && w[1] == "following") || (w[0] == "as" && w[1] == "follows"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuilds_a_list_announced_by_the_following() {
        let text = "Villa María tries to provide better lifelong learning opportunities for all in the following areasAdult illiteracyChildcareInclusive learningLearning in families and communitiesSustainability";
        assert_eq!(
            format(text).as_deref(),
            Some(
                "Villa María tries to provide better lifelong learning opportunities for all in the following areas\n- Adult illiteracy\n- Childcare\n- Inclusive learning\n- Learning in families and communities\n- Sustainability"
            )
        );
    }

    #[test]
    fn never_splits_product_names() {
        let text = "It stands forThe 4 policiesA link to the goalsIn addition ProjectZero offers tools from Kindergarten to PhD levels with InternetPlus EcCoWell and GLLiC and CO2";
        let out = format(text).unwrap_or_default();
        for word in [
            "ProjectZero",
            "PhD",
            "InternetPlus",
            "EcCoWell",
            "GLLiC",
            "CO2",
        ] {
            assert!(out.contains(word), "{word} was split in {out:?}");
        }
        assert!(out.starts_with("It stands for\n- The 4 policies\n- A link"));
    }

    #[test]
    fn glue_without_an_announcement_is_left_alone() {
        let text = "The city grew fastShenzhen expects more";
        assert_eq!(format(text).as_deref(), Some(text));
    }

    #[test]
    fn bullets_become_items() {
        assert_eq!(
            format("Areas:\n• Literacy\n  - Health care \n* Jobs\n-5 degrees").as_deref(),
            Some("Areas:\n- Literacy\n- Health care\n- Jobs\n-5 degrees")
        );
    }

    #[test]
    fn wide_spaces_separate_items_in_a_list() {
        let text = "groups such asSocial inclusionUrban migrationWork and communities    Economic development";
        assert_eq!(
            format(text).as_deref(),
            Some(
                "groups such as\n- Social inclusion\n- Urban migration\n- Work and communities\n- Economic development"
            )
        );
    }
}
