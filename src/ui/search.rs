//! The search box: the search text, a cursor while it has focus, and a hint when empty. Its
//! top border (or, on one line, its right end when there is room) is the explorer's header:
//! what the data covers ("349 of the 425 members announced by December 2025").
//! Its title says what it searches (names or profile text) and, while the text index is being
//! built, that profile text cannot be searched yet.

use super::{MouseArea, Target, ViewState};
use super::{theme::Theme, wrap};
use crate::app::App;
use crate::query::TextScope;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

/// The box's title: which scope is on, and whether profile text can be searched yet.
pub fn title(app: &App) -> String {
    match app.scope() {
        TextScope::Names => "Search names · Ctrl-T: text".to_string(),
        TextScope::Profile if app.text_index_ready() => {
            "Search profile text · Ctrl-T: names".into()
        }
        TextScope::Profile => "Search profile text · indexing profiles…".into(),
    }
}

/// Draws the search box in `area`: bordered when it is three rows high, one line otherwise.
pub fn render(frame: &mut Frame, area: Rect, app: &App, view: &mut ViewState, theme: Theme) {
    let focused = app.searching();
    let inner = if area.height >= 3 {
        let mut title = vec![Span::raw(title(app))];
        if focused {
            title.insert(0, Span::raw("▶ "));
        }
        let block = Block::bordered()
            .border_type(if focused {
                BorderType::Thick
            } else {
                BorderType::Plain
            })
            .border_style(theme.border(focused))
            .title(Line::from(title).style(theme.title(focused)));
        let coverage = app.coverage();
        // Left of it the title ("▶ Search") and a stretch of border.
        let room = usize::from(area.width).saturating_sub(2 + 8 + 2);
        let block = match [coverage.long(), coverage.short()]
            .into_iter()
            .map(|c| format!(" {c} "))
            .find(|c| wrap::width(c) <= room)
        {
            Some(text) => block.title(Line::styled(text, theme.muted()).right_aligned()),
            None => block,
        };
        let inner = block.inner(area);
        frame.render_widget(block, area);
        inner
    } else {
        area
    };
    let prompt = if area.height >= 3 { "" } else { "/ " };
    let room = usize::from(inner.width).saturating_sub(wrap::width(prompt) + 1);
    let raw = app.search_text();
    // The part before the cursor, cut from the left to leave the cursor in view, then what
    // follows it as far as it fits. The text is split at the cursor (a char index into what
    // was typed) before it is sanitised, which may show an emoji sequence as its parts.
    let cursor = if focused {
        app.text_cursor()
    } else {
        raw.chars().count()
    };
    let split = raw.char_indices().nth(cursor).map_or(raw.len(), |(b, _)| b);
    let (head, rest) = (
        crate::text::sanitize_line(&raw[..split]),
        crate::text::sanitize_line(&raw[split..]),
    );
    let text_is_empty = raw.is_empty();
    let before = wrap::tail(&head, room);
    let after = wrap::clip(&rest, room - wrap::width(before).min(room));
    let shown = format!("{before}{after}");
    let line = if text_is_empty && !focused {
        Line::from(vec![
            Span::styled(prompt, theme.key()),
            Span::styled(
                wrap::fit(
                    match app.scope() {
                        TextScope::Names => "press / to search city names",
                        TextScope::Profile => "press / to search profile text",
                    },
                    room,
                ),
                theme.muted(),
            ),
        ])
    } else {
        Line::from(vec![
            Span::styled(prompt, theme.key()),
            Span::styled(shown, theme.label()),
        ])
    };
    let used = line.width();
    frame.render_widget(Paragraph::new(line), inner);
    if area.height < 3 && !focused {
        // One line: the coverage at its right end, when it fits beside the text.
        let room = usize::from(inner.width).saturating_sub(used + 2);
        let coverage = app.coverage();
        if let Some(text) = [coverage.long(), coverage.short()]
            .into_iter()
            .find(|c| wrap::width(c) <= room)
        {
            let width = wrap::width(&text) as u16;
            frame.render_widget(
                Paragraph::new(Span::styled(text, theme.muted())),
                Rect::new(inner.right() - width, inner.y, width, inner.height.min(1)),
            );
        }
    }
    if focused && inner.width > 0 && inner.height > 0 {
        let x = inner.x
            + (wrap::width(prompt) + wrap::width(before)).min(usize::from(inner.width - 1)) as u16;
        frame.set_cursor_position(Position::new(x, inner.y));
    }
    view.mouse_areas.push(MouseArea {
        area,
        target: Target::SearchBox,
    });
}
