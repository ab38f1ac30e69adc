//! The detail view: a city's whole profile as headed, word-wrapped text, scrollable, with a
//! position indicator. Also lays out any profile document (see `profile`) as styled lines,
//! which the preview pane reuses, so both say the same things in the same words.
//!
//! The text is laid out here, at the view's width, so the lines where the sections start are
//! known and `1`/`2`/`3` can jump to them (the jump is resolved at draw time for that reason).

use super::{MouseArea, Target, ViewState};
use super::{theme::Theme, wrap};
use crate::app::App;
use crate::model::{Member, Section};
use crate::profile::{self, Block as Part};
use crate::text::{sanitize, sanitize_line};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

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

/// Draws the detail view of the selected city in `area`.
///
/// The profile is laid out only when the member, the width or the colour changed since the
/// last frame (see `ui::view::DetailLayout`); a frame then costs the visible lines, whatever the
/// profile's length.
pub fn render(frame: &mut Frame, area: Rect, app: &App, view: &mut ViewState, theme: Theme) {
    let Some(index) = app.selected_hit().map(|h| h.member) else {
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
        format!(
            " {} — {} ",
            sanitize_line(wrap::clip(&member.city, title_room)),
            sanitize_line(wrap::clip(&member.country, title_room))
        )
    };
    let key = (index, width, app.color);
    if view.detail_layout.key != Some(key) {
        let doc = document(app.engine().member(index), width, theme);
        let layout = &mut view.detail_layout;
        layout.key = Some(key);
        layout.lines = doc.lines;
        layout.sections = doc.sections;
        layout.computed += 1;
    }
    let layout = &view.detail_layout;
    let len = layout.lines.len();
    let state = &mut view.detail;
    if let Some(section) = view.jump.take() {
        let index = Section::ALL.iter().position(|s| *s == section).unwrap_or(0);
        if let Some(line) = layout.sections[index] {
            state.offset = line;
        }
    }
    // Scrolling may go past the last full page as far as the last section's heading, so
    // that every section can be jumped to with its heading on the first line.
    let last_heading = layout.sections.iter().flatten().max().copied().unwrap_or(0);
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
    let visible = layout.lines.get(scroll..end).unwrap_or_default().to_vec();
    frame.render_widget(Paragraph::new(visible), inner);
    view.mouse_areas.push(MouseArea {
        area: inner,
        target: Target::Detail,
    });
}
