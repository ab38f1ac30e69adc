//! Editing one line of text as readline and fzf do: a cursor inside the text, moved by
//! characters, words and ends, with the usual deletions.
//!
//! Pure functions on a `String` and a cursor counted in chars (not bytes), so the search box
//! and a facet pane's filter share one tested implementation and the renderer can place the
//! terminal cursor by measuring the text before it.

/// One editing command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Type a character at the cursor.
    Insert(char),
    /// One character left (←).
    Left,
    /// One character right (→).
    Right,
    /// To the start (Home, Ctrl-A).
    Start,
    /// To the end (End, Ctrl-E).
    End,
    /// Delete the character before the cursor (Backspace).
    DeleteBack,
    /// Delete the character under the cursor (Delete).
    DeleteForward,
    /// Delete the whitespace-separated word before the cursor (Ctrl-W).
    DeleteWord,
    /// Delete the alphanumeric word before the cursor (Alt-Backspace).
    DeleteAlnumWord,
    /// Delete from the start to the cursor (Ctrl-U).
    DeleteToStart,
}

/// The byte offset of char `index` in `text` (its length past the end).
fn byte_at(text: &str, index: usize) -> usize {
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(b, _)| b)
}

/// Applies `edit` to `text` with the cursor at char `cursor` (clamped to the text first).
/// Returns true when the text changed (a cursor move alone returns false).
pub fn apply(text: &mut String, cursor: &mut usize, edit: Edit) -> bool {
    let len = text.chars().count();
    *cursor = (*cursor).min(len);
    match edit {
        Edit::Insert(c) => {
            text.insert(byte_at(text, *cursor), c);
            *cursor += 1;
            true
        }
        Edit::Left => {
            *cursor = cursor.saturating_sub(1);
            false
        }
        Edit::Right => {
            *cursor = (*cursor + 1).min(len);
            false
        }
        Edit::Start => {
            *cursor = 0;
            false
        }
        Edit::End => {
            *cursor = len;
            false
        }
        Edit::DeleteBack => delete(text, cursor, cursor.saturating_sub(1)),
        Edit::DeleteForward => {
            if *cursor == len {
                return false;
            }
            let at = byte_at(text, *cursor);
            text.replace_range(at..byte_at(text, *cursor + 1), "");
            true
        }
        Edit::DeleteWord => {
            let from = word_start(text, *cursor, char::is_whitespace);
            delete(text, cursor, from)
        }
        Edit::DeleteAlnumWord => {
            let from = word_start(text, *cursor, |c| !c.is_alphanumeric());
            delete(text, cursor, from)
        }
        Edit::DeleteToStart => delete(text, cursor, 0),
    }
}

/// Inserts `pasted` at the cursor as one line: newlines, tabs and other control characters
/// become spaces. Returns true when the text changed.
pub fn insert_str(text: &mut String, cursor: &mut usize, pasted: &str) -> bool {
    // Terminals paste line ends as CR (tmux, xterm) or LF; CRLF is one line end.
    let clean: String = pasted
        .replace("\r\n", "\n")
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.is_empty() {
        return false;
    }
    *cursor = (*cursor).min(text.chars().count());
    text.insert_str(byte_at(text, *cursor), &clean);
    *cursor += clean.chars().count();
    true
}

/// Deletes chars `from..cursor` and puts the cursor at `from`.
fn delete(text: &mut String, cursor: &mut usize, from: usize) -> bool {
    if from >= *cursor {
        return false;
    }
    let range = byte_at(text, from)..byte_at(text, *cursor);
    text.replace_range(range, "");
    *cursor = from;
    true
}

/// Where the word before `cursor` starts: separators just before the cursor are skipped, then
/// the word's chars.
fn word_start(text: &str, cursor: usize, separator: impl Fn(char) -> bool) -> usize {
    let chars: Vec<char> = text.chars().take(cursor).collect();
    let mut at = chars.len();
    while at > 0 && separator(chars[at - 1]) {
        at -= 1;
    }
    while at > 0 && !separator(chars[at - 1]) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, cursor: usize, edits: &[Edit]) -> (String, usize) {
        let mut text = text.to_string();
        let mut cursor = cursor;
        for &edit in edits {
            apply(&mut text, &mut cursor, edit);
        }
        (text, cursor)
    }

    #[test]
    fn typing_moves_the_cursor_and_inserts_where_it_is() {
        assert_eq!(
            run(
                "",
                0,
                &[
                    Edit::Insert('a'),
                    Edit::Insert('c'),
                    Edit::Left,
                    Edit::Insert('b')
                ]
            ),
            ("abc".to_string(), 2)
        );
        // Chars, not bytes: ø is two bytes.
        assert_eq!(
            run("sø", 2, &[Edit::Left, Edit::Insert('x')]),
            ("sxø".to_string(), 2)
        );
        assert_eq!(run("ab", 9, &[Edit::Insert('c')]), ("abc".to_string(), 3));
    }

    #[test]
    fn moves_stop_at_the_ends() {
        assert_eq!(run("ab", 0, &[Edit::Left]), ("ab".to_string(), 0));
        assert_eq!(run("ab", 2, &[Edit::Right]), ("ab".to_string(), 2));
        assert_eq!(run("abc", 1, &[Edit::End]), ("abc".to_string(), 3));
        assert_eq!(run("abc", 2, &[Edit::Start]), ("abc".to_string(), 0));
    }

    #[test]
    fn deletions_act_around_the_cursor() {
        assert_eq!(run("abc", 1, &[Edit::DeleteBack]), ("bc".to_string(), 0));
        assert_eq!(run("abc", 0, &[Edit::DeleteBack]), ("abc".to_string(), 0));
        assert_eq!(run("abc", 1, &[Edit::DeleteForward]), ("ac".to_string(), 1));
        assert_eq!(
            run("abc", 3, &[Edit::DeleteForward]),
            ("abc".to_string(), 3)
        );
        assert_eq!(
            run("abc def", 5, &[Edit::DeleteToStart]),
            ("ef".to_string(), 0)
        );
    }

    #[test]
    fn ctrl_w_deletes_the_whitespace_word_and_alt_backspace_the_alphanumeric_one() {
        assert_eq!(
            run("san jose", 8, &[Edit::DeleteWord]),
            ("san ".to_string(), 4)
        );
        // Spaces before the cursor go with the word.
        assert_eq!(
            run("san jose  ", 10, &[Edit::DeleteWord]),
            ("san ".to_string(), 4)
        );
        assert_eq!(run("a-b c", 3, &[Edit::DeleteWord]), (" c".to_string(), 0));
        assert_eq!(
            run("a-b c", 3, &[Edit::DeleteAlnumWord]),
            ("a- c".to_string(), 2)
        );
        assert_eq!(run("", 0, &[Edit::DeleteWord]), (String::new(), 0));
    }

    #[test]
    fn a_paste_is_one_line_inserted_at_the_cursor() {
        let mut text = "ad".to_string();
        let mut cursor = 1;
        assert!(insert_str(&mut text, &mut cursor, "b\r\nc\tq\u{7}"));
        assert_eq!(text, "ab c q d");
        assert_eq!(cursor, 7);
        // A lone CR (how tmux and xterm paste a line end) is a line end too.
        let mut text = String::new();
        let mut cursor = 0;
        assert!(insert_str(&mut text, &mut cursor, "city\rq"));
        assert_eq!(text, "city q");
        assert!(!insert_str(&mut text, &mut cursor, ""));
    }
}
