//! The help overlay: every binding of the key table, group by group, so it can never
//! disagree with what the keys do. Scrolls when it does not fit (a `Scroll` in the view
//! state, paged by the visible height like every other view).

use super::{MouseArea, Target, ViewState};
use super::{layout, theme::Theme, wrap};
use crate::app::keymap::{self, Group, Keymap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

/// Width of the key column.
const KEY_WIDTH: usize = 12;

/// The help text laid out at `width`.
pub fn lines(width: usize, theme: Theme) -> Vec<Line<'static>> {
    lines_with(&Keymap::default(), width, theme)
}

/// [`lines`] with the user's remapped keys.
pub fn lines_with(keys: &Keymap, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for group in Group::ALL {
        let rows: Vec<_> = keys.rows().filter(|(b, _)| b.group == group).collect();
        if rows.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(
            wrap::fit(group.heading(), width),
            theme.heading(),
        ));
        for (b, bound) in rows {
            let key = format!("{:<KEY_WIDTH$}", keymap::label_of(bound));
            let help_room = width.saturating_sub(KEY_WIDTH + 1);
            for (i, text) in wrap::wrap(b.help, help_room).into_iter().enumerate() {
                let first = if i == 0 {
                    key.clone()
                } else {
                    " ".repeat(KEY_WIDTH)
                };
                lines.push(Line::from(vec![
                    Span::styled(format!(" {first}"), theme.key()),
                    Span::raw(text),
                ]));
            }
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(wrap::fit("Mouse", width), theme.heading()));
    for text in wrap::wrap(
        "click selects a row or toggles a facet value; the wheel scrolls the pane under the pointer (--no-mouse turns it off)",
        width.saturating_sub(1),
    ) {
        lines.push(Line::raw(format!(" {text}")));
    }
    lines
}

/// Draws the overlay over `area`.
pub fn render(frame: &mut Frame, area: Rect, view: &mut ViewState, keys: &Keymap, theme: Theme) {
    let popup = layout::centered(area, 74, area.height.saturating_sub(2).max(3));
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border(true))
        .title(Line::styled(" Keys ", theme.title(true)))
        .title_bottom(Line::raw(" Esc closes · ↑↓ scroll ").right_aligned());
    let inner = block.inner(popup);
    let text = lines_with(keys, usize::from(inner.width), theme);
    let rows = usize::from(inner.height);
    view.help.clamp(rows, text.len().saturating_sub(rows));
    frame.render_widget(Clear, popup);
    blank_spill(frame.buffer_mut(), popup);
    frame.render_widget(block, popup);
    let visible: Vec<Line> = text.into_iter().skip(view.help.offset).take(rows).collect();
    frame.render_widget(Paragraph::new(visible), inner);
    view.mouse_areas.push(MouseArea {
        area: popup,
        target: Target::Help,
    });
}

/// Blanks a wide char (CJK, emoji) that stands just left of `popup`: its second half lies
/// under the popup's left border, and a terminal would draw it over that border.
fn blank_spill(buffer: &mut ratatui::buffer::Buffer, popup: Rect) {
    let Some(x) = popup.x.checked_sub(1) else {
        return;
    };
    for y in popup.top()..popup.bottom() {
        if let Some(cell) = buffer.cell_mut((x, y))
            && wrap::width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
    }
}
