//! What every list pane shares: its frame (a bordered block in the wide layout, a header line
//! in the narrow one), keeping the cursor in view, and registering its rows for the mouse.

use super::theme::Theme;
use crate::app::{App, MouseArea, Pane, Target};
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
pub fn keep_visible(app: &mut App, pane: Pane, rows: Rect) -> usize {
    let len = app.pane_len(pane);
    let height = usize::from(rows.height);
    let state = app.pane_mut(pane);
    state.rows = height;
    if state.cursor < state.offset {
        state.offset = state.cursor;
    } else if height > 0 && state.cursor >= state.offset + height {
        state.offset = state.cursor + 1 - height;
    }
    state.offset = state.offset.min(len.saturating_sub(height));
    let first = state.offset;
    app.mouse_areas.push(MouseArea {
        area: rows,
        target: Target::Pane { pane, first },
    });
    first
}
