//! The detail view: a city's whole profile as headed, word-wrapped text, scrollable, with a
//! position indicator. Also lays out any profile document (see `profile`) as styled lines,
//! which the preview pane reuses, so both say the same things in the same words.
//!
//! The text is laid out here, at the view's width, so the lines where the sections start are
//! known and `1`/`2`/`3` can jump to them (the jump is resolved at draw time for that reason).
//!
//! With a profile-text search, the words it matched are highlighted and `]` jumps to the
//! next line holding one. Under the profile, a Similar cities section (see `similar`) lists
//! the closest profiles; it belongs to this view only (it needs the text index).

use super::{MouseArea, Target, ViewState, similar};
use super::{theme::Theme, wrap};
use crate::app::App;
use crate::fulltext::{TextIndex, TextQuery};
use crate::model::{Member, Section};
use crate::profile::{self, Block as Part};
use crate::text::{fold, sanitize, sanitize_line};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType};
use std::collections::HashSet;

/// A profile laid out at one width.
#[derive(Debug, Default)]
pub struct Document {
    pub lines: Vec<Line<'static>>,
    /// The line of each section's heading, in `Section::ALL` order.
    pub sections: [Option<usize>; 3],
}

/// "Label value" wrapped at `width`, the label in bold.
fn field(label: &str, value: &str, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let text = format!("{label} {value}");
    wrap::wrap(&text, width)
        .into_iter()
        .enumerate()
        .map(|(i, line)| match line.strip_prefix(label) {
            Some(rest) if i == 0 => Line::from(vec![
                Span::styled(label.to_string(), theme.label()),
                Span::raw(rest.to_string()),
            ]),
            _ => Line::raw(line),
        })
        .collect()
}

fn styled(text: &str, width: usize, style: ratatui::style::Style) -> Vec<Line<'static>> {
    wrap::wrap(text, width)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// A profile document (see `profile`) laid out at `width`: fields with bold labels, notes
/// and the tagline in their styles, bullets with a hanging indent. With `numbered`, the
/// section headings carry the key that jumps to them ("1 Vision and motivation").
pub fn lay_out(doc: &profile::Document, width: usize, theme: Theme, numbered: bool) -> Document {
    let mut out = Document::default();
    let lines = &mut out.lines;
    for block in &doc.blocks {
        match block {
            Part::Field { label, value } => {
                lines.extend(field(label, &sanitize_line(value), width, theme));
            }
            Part::Note(note) => lines.extend(styled(&sanitize_line(note), width, theme.note())),
            Part::Tagline(tagline) => {
                lines.extend(styled(&sanitize_line(tagline), width, theme.tagline()));
            }
            Part::Heading { text, section } => {
                let index = section.and_then(|s| Section::ALL.iter().position(|x| *x == s));
                if let Some(i) = index {
                    out.sections[i] = Some(lines.len());
                }
                let heading = match index {
                    Some(i) if numbered => format!("{} {text}", i + 1),
                    _ => (*text).to_string(),
                };
                lines.extend(styled(&heading, width, theme.heading()));
            }
            Part::Paragraph(text) => {
                lines.extend(
                    wrap::wrap(&sanitize(text), width)
                        .into_iter()
                        .map(Line::raw),
                );
            }
            Part::Bullet(item) => {
                let item = sanitize(item);
                for (i, l) in wrap::wrap(&item, width.saturating_sub(2))
                    .into_iter()
                    .enumerate()
                {
                    lines.push(Line::raw(format!(
                        "{}{l}",
                        if i == 0 { "• " } else { "  " }
                    )));
                }
            }
            Part::Gap => lines.push(Line::raw("")),
        }
    }
    out
}

/// The whole profile of `member` laid out at `width`, headings numbered for `1`/`2`/`3`.
pub fn document(member: &Member, width: usize, theme: Theme) -> Document {
    lay_out(&profile::Document::build(member), width, theme, true)
}

/// The folded words of `member`'s profile that `query` matches (every word of every match
/// range the index reports), to be highlighted wherever they occur in the laid-out text.
fn matched_words(index: &TextIndex, member: &Member, query: &TextQuery) -> HashSet<String> {
    let mut words = HashSet::new();
    for field in index.match_ranges(member, query) {
        let Some(text) = field.field.text(member) else {
            continue;
        };
        for range in field.ranges {
            if let Some(matched) = text.get(range) {
                words.extend(
                    matched
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .map(fold),
                );
            }
        }
    }
    words
}

/// Restyles, in every line, the words whose folded form is in `words` as matches. Returns
/// the lines that hold one. Matches are shown by word, after wrapping: a phrase's words are
/// marked wherever they occur, which errs on the side of showing.
fn highlight_words(
    lines: &mut [Line<'static>],
    words: &HashSet<String>,
    theme: Theme,
) -> Vec<usize> {
    let mut found = Vec::new();
    if words.is_empty() {
        return found;
    }
    for (n, line) in lines.iter_mut().enumerate() {
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut any = false;
        for span in &line.spans {
            let text = span.content.as_ref();
            let mut start = 0;
            let mut word_start: Option<usize> = None;
            let mut flush = |from: usize, to: usize, word: bool, spans: &mut Vec<Span<'static>>| {
                if from >= to {
                    return;
                }
                let piece = &text[from..to];
                if word && words.contains(&fold(piece)) {
                    any = true;
                    spans.push(Span::styled(
                        piece.to_string(),
                        span.style.patch(theme.matched()),
                    ));
                } else {
                    spans.push(Span::styled(piece.to_string(), span.style));
                }
            };
            for (i, c) in text.char_indices() {
                match (c.is_alphanumeric(), word_start) {
                    (true, None) => {
                        flush(start, i, false, &mut spans);
                        word_start = Some(i);
                    }
                    (false, Some(ws)) => {
                        flush(ws, i, true, &mut spans);
                        word_start = None;
                        start = i;
                    }
                    _ => {}
                }
            }
            match word_start {
                Some(ws) => flush(ws, text.len(), true, &mut spans),
                None => flush(start, text.len(), false, &mut spans),
            }
        }
        if any {
            line.spans = spans;
            found.push(n);
        }
    }
    found
}

/// Lays the profile of member `index` out again if the member, the width, the colour or the
/// profile search changed since the last frame, highlighting the search's matches.
fn refresh_layout(app: &App, view: &mut ViewState, index: usize, width: usize, theme: Theme) {
    let key = (index, width, app.color);
    let highlight = app.query().profile.trim().to_string();
    if view.detail_layout.key != Some(key) || view.detail_layout.highlight != highlight {
        let member = app.engine().member(index);
        let mut doc = document(member, width, theme);
        let words = match (app.profile_query(), app.engine().text_index()) {
            (Some(query), Some(text)) => matched_words(text, member, &query),
            _ => HashSet::new(),
        };
        let match_lines = highlight_words(&mut doc.lines, &words, theme);
        let layout = &mut view.detail_layout;
        layout.key = Some(key);
        layout.lines = doc.lines;
        layout.sections = doc.sections;
        layout.highlight = highlight;
        layout.match_lines = match_lines;
        layout.computed += 1;
    }
}

/// Draws the detail view of the selected city in `area`.
///
/// The profile is laid out only when the member, the width or the colour changed since the
/// last frame (see `ui::view::DetailLayout`); a frame then costs the visible lines, whatever the
/// profile's length.
#[allow(clippy::too_many_lines)] // title, text, highlights, Similar cities: one scroll
pub fn render(frame: &mut Frame, area: Rect, app: &App, view: &mut ViewState, theme: Theme) {
    let Some(index) = app.detail_member() else {
        return;
    };
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.border(true));
    let inner = block.inner(area);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let title_room = usize::from(area.width).saturating_sub(4);
    let title = {
        let member = app.engine().member(index);
        // Clipped before sanitising: a name can be megabytes long and only the start shows.
        let mark = if app.is_marked(&member.id) {
            "★ "
        } else {
            ""
        };
        let marked = if mark.is_empty() { "" } else { "· marked " };
        format!(
            " {mark}{} — {} {marked}",
            sanitize_line(wrap::clip(&member.city, title_room)),
            sanitize_line(wrap::clip(&member.country, title_room))
        )
    };
    refresh_layout(app, view, index, width, theme);
    if view.similar.as_ref().is_none_or(|(m, _)| *m != index)
        && let Some(peers) = app.similar(index)
    {
        view.similar = Some((index, peers));
    }
    let similar_lines = match &view.similar {
        Some((m, peers)) if *m == index => similar::lines(app, peers, width, theme),
        _ => Vec::new(),
    };
    let layout = &view.detail_layout;
    let similar_at = layout.lines.len();
    let len = layout.lines.len() + similar_lines.len();
    let state = &mut view.detail;
    if let Some(section) = view.jump.take() {
        let index = Section::ALL.iter().position(|s| *s == section).unwrap_or(0);
        if let Some(line) = layout.sections[index] {
            state.offset = line;
        }
    }
    if std::mem::take(&mut view.jump_match) {
        let next = layout
            .match_lines
            .iter()
            .find(|&&l| l > state.offset)
            .or_else(|| layout.match_lines.first());
        if let Some(&line) = next {
            state.offset = line;
        }
    }
    if std::mem::take(&mut view.jump_similar) && !similar_lines.is_empty() {
        // Show the section's heading and its selected row.
        let row = similar_at + 2 + app.similar_cursor();
        if row >= state.offset.saturating_add(rows) || similar_at < state.offset {
            state.offset = similar_at.min(row.saturating_sub(rows.saturating_sub(1)));
        }
    }
    // Scrolling may go past the last full page as far as the last section's heading, so
    // that every section can be jumped to with its heading on the first line.
    let last_heading = layout
        .sections
        .iter()
        .flatten()
        .max()
        .copied()
        .unwrap_or(0)
        .max(if similar_lines.is_empty() {
            0
        } else {
            similar_at
        });
    // End and `G` ask for the bottom: the last full page, as `less` shows it, not the last
    // heading with blank rows under it.
    if state.offset == usize::MAX {
        state.offset = len.saturating_sub(rows);
    }
    state.clamp(rows, len.saturating_sub(rows).max(last_heading));
    let scroll = state.offset;
    let position = if len <= rows {
        " all ".to_string()
    } else {
        let last = (scroll + rows).min(len);
        format!(
            " {}-{last} of {len} · {}% ",
            scroll + 1,
            last * 100 / len.max(1)
        )
    };
    let block = block
        .title(Line::styled(
            wrap::fit(&title, title_room),
            theme.title(true),
        ))
        .title_bottom(Line::raw(wrap::fit(&position, title_room)).right_aligned());
    frame.render_widget(block, area);
    let end = (scroll + rows).min(len);
    let visible: Vec<Line> = layout
        .lines
        .iter()
        .chain(&similar_lines)
        .skip(scroll)
        .take(end.saturating_sub(scroll))
        .cloned()
        .collect();
    super::pane::draw_lines(frame, inner, &visible);
    view.mouse_areas.push(MouseArea {
        area: inner,
        target: Target::Detail,
    });
}
