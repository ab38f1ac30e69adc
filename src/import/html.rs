//! A listing page or press release saved by a browser as HTML, into the plain text the text
//! readers take: one line per block, `- ` before list items, entities decoded, and for each
//! line the HTML line it came from, so problems name the line of the file the user has.
//!
//! HTML is recognised by content, not by file name: the file starts (after white space and a
//! byte-order mark) with `<` and a letter, `!` or `?`, as a tag, a doctype or a comment does.
//!
//! html5ever's tokenizer (the HTML5 standard's tokenizer) reads the markup: it decodes
//! entities, knows raw-text elements and comments, recovers from broken markup like a browser,
//! and numbers lines. A tree is not needed: a listing is read as the sequence of its blocks.
//! Dropped: comments, `script`, `style`, `template`, `nav`, forms' controls, the `head`, and
//! `header` and `footer` outside an `article` (the site's banner and footer; inside an article
//! they hold its title), and what is not on the screen: elements marked `hidden`,
//! `aria-hidden="true"` or with a screen-reader-only class (`visually-hidden`, `sr-only`), such
//! as a field label `Country` before the country. Block elements (`p`, `div`, `li`, `h1`–`h6`, `article`, `br`, table
//! rows, ...) end lines; inline elements (`a`, `em`, `span`, ...) do not.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;

/// Page text converted from HTML.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Converted {
    /// The text, one block a line.
    pub text: String,
    /// For each line of `text`, the line of the HTML file it came from (1-based).
    pub source_lines: Vec<usize>,
}

impl Converted {
    /// The HTML line of line `line` (1-based) of the text; 1 when out of range.
    pub fn source_line(&self, line: usize) -> usize {
        line.checked_sub(1)
            .and_then(|i| self.source_lines.get(i))
            .copied()
            .unwrap_or(1)
    }
}

/// True when `text` is HTML: it starts with a tag, a doctype or a comment.
pub fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let mut chars = t.chars();
    chars.next() == Some('<')
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '!' || c == '?')
}

/// Elements whose content is dropped wherever they are.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "svg", "math", "iframe", "object",
    "select", "button", "textarea", "title", "noembed", "noframes",
];

/// Elements dropped outside an `article` only.
const SKIPPED_OUTSIDE_ARTICLES: &[&str] = &["header", "footer"];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
    "br",
    "option",
    "plaintext",
];

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Converts an HTML page to text (see the module docs). Never fails: broken markup is read
/// the way a browser would read it, and what is not text is dropped.
pub fn to_text(html: &str) -> Converted {
    let sink = Sink(RefCell::new(State::default()));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // The sink never asks the tokenizer to pause, so one feed reads everything; the bound
    // only guards against a tokenizer that would.
    for _ in 0..4 {
        if input.is_empty() {
            break;
        }
        let _ = tokenizer.feed(&input);
    }
    tokenizer.end();
    let mut state = tokenizer.sink.0.take();
    state.end_line();
    let mut text = String::new();
    let mut source_lines = Vec::with_capacity(state.lines.len());
    for (line, content) in state.lines {
        text.push_str(&content);
        text.push('\n');
        source_lines.push(line);
    }
    Converted { text, source_lines }
}

struct Sink(RefCell<State>);

#[derive(Default)]
struct State {
    /// Finished lines with their HTML line numbers.
    lines: Vec<(usize, String)>,
    /// The line being built, and the HTML line it started on.
    current: String,
    current_source: usize,
    /// White space seen since the last character written.
    pending_space: bool,
    /// A list item started: its text gets `- ` in front.
    pending_bullet: bool,
    /// The skipped elements open around the current token, innermost last.
    skipping: Vec<String>,
    /// How many `article` elements are open.
    articles: usize,
}

impl State {
    fn end_line(&mut self) {
        let line = self.current.trim().to_string();
        if !line.is_empty() && line != "-" {
            self.lines.push((self.current_source, line));
        }
        self.current.clear();
        self.pending_space = false;
    }

    fn text(&mut self, text: &str, source_line: usize) {
        for c in text.chars() {
            // No-break spaces collapse like spaces: the text readers split at white space.
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if c.is_control() {
                continue;
            }
            if self.current.is_empty() {
                self.current_source = source_line;
                if self.pending_bullet {
                    self.current.push_str("- ");
                    self.pending_bullet = false;
                }
            } else if self.pending_space && !self.current.ends_with(' ') {
                self.current.push(' ');
            }
            self.pending_space = false;
            self.current.push(c);
        }
    }

    fn tag(&mut self, kind: TagKind, name: &str, self_closing: bool, hidden: bool) {
        let void = VOID.contains(&name);
        let skipped = hidden
            || SKIPPED.contains(&name)
            || (self.articles == 0 && SKIPPED_OUTSIDE_ARTICLES.contains(&name));
        if !self.skipping.is_empty() {
            // Inside skipped content every element is tracked, so that the skipped element
            // ends at its own end tag, not at the end tag of a same-named child.
            match kind {
                TagKind::StartTag if !void && !self_closing => {
                    self.skipping.push(name.to_string());
                }
                TagKind::EndTag => self.close_skipped(name),
                TagKind::StartTag => {}
            }
            return;
        }
        match kind {
            TagKind::StartTag => {
                if skipped && !void && !self_closing {
                    self.end_line();
                    self.skipping.push(name.to_string());
                    return;
                }
                if name == "article" {
                    self.articles += 1;
                }
                if BLOCKS.contains(&name) {
                    self.end_line();
                }
                if name == "li" {
                    self.pending_bullet = true;
                }
                if matches!(name, "td" | "th") {
                    self.pending_space = true;
                }
            }
            TagKind::EndTag => {
                if name == "article" {
                    self.articles = self.articles.saturating_sub(1);
                }
                if BLOCKS.contains(&name) {
                    self.end_line();
                    self.pending_bullet = false;
                }
                if matches!(name, "td" | "th") {
                    self.pending_space = true;
                }
            }
        }
    }

    /// An end tag while skipping closes the innermost open element of its name, and the ones
    /// inside it (the markup forgot to close them).
    fn close_skipped(&mut self, name: &str) {
        if let Some(i) = self.skipping.iter().rposition(|open| open == name) {
            self.skipping.truncate(i);
        }
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<()> {
        let line = usize::try_from(line_number).unwrap_or(usize::MAX);
        let mut state = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                let was_skipping = !state.skipping.is_empty();
                state.tag(tag.kind, name, tag.self_closing, is_hidden(&tag.attrs));
                // Raw-text elements hold text that is not markup: tell the tokenizer, as a
                // browser's tree builder would.
                if tag.kind == TagKind::StartTag && !tag.self_closing {
                    let raw = match name {
                        "script" => Some(RawKind::ScriptData),
                        "style" | "noscript" | "iframe" | "noembed" | "noframes" | "xmp" => {
                            Some(RawKind::Rawtext)
                        }
                        "textarea" | "title" => Some(RawKind::Rcdata),
                        _ => None,
                    };
                    if let Some(kind) = raw
                        && (was_skipping || !state.skipping.is_empty() || name == "xmp")
                    {
                        return TokenSinkResult::RawData(kind);
                    }
                    if name == "plaintext" {
                        return TokenSinkResult::Plaintext;
                    }
                }
            }
            Token::CharacterTokens(text) => {
                if state.skipping.is_empty() {
                    state.text(&text, line);
                }
            }
            // Comments, doctypes, NUL characters and parse errors carry no page text.
            Token::CommentToken(_)
            | Token::DoctypeToken(_)
            | Token::NullCharacterToken
            | Token::EOFToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

/// Classes that hide an element from the screen (kept for screen readers).
const HIDING_CLASSES: &[&str] = &[
    "visually-hidden",
    "visuallyhidden",
    "sr-only",
    "screen-reader-text",
    "element-invisible",
    "hidden",
];

/// True when the attributes keep the element off the screen.
fn is_hidden(attrs: &[html5ever::Attribute]) -> bool {
    attrs.iter().any(|a| {
        let value: &str = &a.value;
        match &*a.name.local {
            "hidden" => true,
            "aria-hidden" => value.eq_ignore_ascii_case("true"),
            "class" => value
                .split_ascii_whitespace()
                .any(|c| HIDING_CLASSES.contains(&c)),
            _ => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_lists_entities_and_inline_tags() {
        let c = to_text(
            "<!DOCTYPE html>\n<html><head><title>T</title><style>p{}</style></head>\n<body>\
             <nav><ul><li>Home</li></ul></nav>\n<h2>Plan &amp; <em>implementation</em></h2>\
             <p>A <b>bold <i>nested</i></b>&nbsp;city<br>next</p>\n<!-- <p>hidden</p> -->\
             <ul><li>one</li><li>two &eacute;&#233;</li></ul><script>var x = '<p>no</p>';</script></body></html>",
        );
        assert_eq!(
            c.text,
            "Plan & implementation\nA bold nested city\nnext\n- one\n- two éé\n"
        );
        // Line 1: doctype, 2: head, 3: body and nav, 4: heading and paragraph, 5: the list.
        assert_eq!(c.source_lines, vec![4, 4, 4, 5, 5]);
    }

    #[test]
    fn headers_are_chrome_outside_articles_only() {
        let c = to_text(
            "<header>Site</header><article><header><h3>Kassel</h3></header><p>x</p></article>\
             <footer>Imprint</footer>",
        );
        assert_eq!(c.text, "Kassel\nx\n");
    }

    #[test]
    fn hidden_labels_are_not_text() {
        let c = to_text(
            "<div class=\"field\"><div class=\"field__label visually-hidden\"><div>Country</div>\
             <div>x</div></div><div class=\"field__item\">Germany</div></div><p hidden>no</p>",
        );
        assert_eq!(c.text, "Germany\n");
    }

    #[test]
    fn detection_by_content() {
        assert!(looks_like_html("\u{feff}  <!doctype html><p>x"));
        assert!(looks_like_html("<div>x</div>"));
        assert!(looks_like_html("<!-- saved -->"));
        assert!(!looks_like_html(
            "<\n \nYou are viewing an archived web page"
        ));
        assert!(!looks_like_html(
            "UNESCO Global Network of Learning cities\n<b>"
        ));
    }

    #[test]
    fn garbage_does_not_panic() {
        for junk in [
            "",
            "<",
            "<<<>>>",
            "<div",
            "</p></p><li>",
            "<script>",
            "<a href='",
            "&#xFFFFFF;<p>\0",
        ] {
            let _ = to_text(junk);
        }
        assert_eq!(
            to_text("<p>unclosed <b>tags <<<>>> &bogus;").text,
            "unclosed tags <<<>>> &bogus;\n"
        );
    }
}
