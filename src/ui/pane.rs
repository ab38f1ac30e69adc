//! What every list pane shares: its frame (a bordered block in the wide layout, a header line
//! in the narrow one), keeping the cursor in view, and registering its rows for the mouse.

use super::theme::Theme;
use super::{MouseArea, Target, ViewState};
use crate::app::{App, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

/// Draws a pane's frame with `title` and returns the area left for its rows.
pub fn frame(
    frame: &mut Frame,
    area: Rect,
    title: Vec<Span<'static>>,
    focused: bool,
    boxed: bool,
    theme: Theme,
) -> Rect {
    let mut spans = Vec::with_capacity(title.len() + 1);
    if focused {
        spans.push(Span::styled("▶ ", theme.title(true)));
    }
    spans.extend(title);
    let title = Line::from(spans);
    if boxed {
        let block = Block::bordered()
            .border_type(if focused {
                BorderType::Thick
            } else {
                BorderType::Plain
            })
            .border_style(theme.border(focused))
            .title(title.style(theme.title(focused)));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        inner
    } else {
        let header = Rect {
            height: area.height.min(1),
            ..area
        };
        frame.render_widget(Paragraph::new(title.style(theme.title(focused))), header);
        Rect {
            y: area.y.saturating_add(header.height),
            height: area.height - header.height,
            ..area
        }
    }
}

/// Scrolls a pane so its cursor is visible in `rows` rows, records the page height, and
/// registers the rows for mouse clicks. Returns the first visible index.
pub fn keep_visible(app: &App, view: &mut ViewState, pane: Pane, rows: Rect) -> usize {
    let first = view.pane_mut(pane).follow(
        app.pane(pane).cursor,
        app.pane_len(pane),
        usize::from(rows.height),
    );
    view.mouse_areas.push(MouseArea {
        area: rows,
        target: Target::Pane { pane, first },
    });
    first
}

/// Where a scrolled pane is, as "first–last of total" (1-based), when it has more values
/// than rows; `None` when everything is shown.
pub fn position(first: usize, rows: usize, len: usize) -> Option<String> {
    (len > rows && rows > 0).then(|| {
        let last = (first + rows).min(len);
        format!("{}–{last} of {len}", first + 1)
    })
}

/// The cells a pane title takes, the focus mark included.
pub fn title_width(title: &[Span], focused: bool) -> usize {
    title
        .iter()
        .map(|s| super::wrap::width(&s.content))
        .sum::<usize>()
        + if focused { 2 } else { 0 }
}

/// Draws [`position`] at the right of a pane's bottom border (boxed) or of its header line
/// (after the title, which is `title` cells wide, and only if it fits), covering no value.
#[allow(clippy::too_many_arguments)] // one call per pane; a struct would only rename them
pub fn indicator(
    frame: &mut Frame,
    area: Rect,
    rows: Rect,
    (first, len): (usize, usize),
    title: usize,
    boxed: bool,
    theme: Theme,
) {
    let Some(text) = position(first, usize::from(rows.height), len) else {
        return;
    };
    let text = format!(" {text} ");
    let width = super::wrap::width(&text) as u16;
    let room = if boxed {
        area.width.saturating_sub(2)
    } else {
        area.width
            .saturating_sub(u16::try_from(title + 1).unwrap_or(u16::MAX))
    };
    if width > room || area.height == 0 {
        return;
    }
    let y = if boxed { area.bottom() - 1 } else { area.y };
    let x = if boxed {
        area.right() - 1 - width
    } else {
        area.right() - width
    };
    frame.render_widget(
        Paragraph::new(Span::styled(text, theme.muted())),
        Rect::new(x, y, width, 1),
    );
}

/// Draws `lines` one per row of `area` from its top, each cut at the area's width; rows past
/// the lines are left as they are. What `Paragraph::new(lines)` draws without wrapping, for a
/// fraction of its cost: a paragraph breaks every line into graphemes twice (to lay out, then
/// to draw), and the list and facet panes redraw every row on every frame.
pub fn draw_lines(frame: &mut Frame, area: Rect, lines: &[Line]) {
    let buffer = frame.buffer_mut();
    for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
        buffer.set_line(area.x, y, line, area.width);
    }
}
