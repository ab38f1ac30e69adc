//! The search box: the search text, a cursor while it has focus, and a hint when empty.

use super::{MouseArea, Target, ViewState};
use super::{theme::Theme, wrap};
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

/// Draws the search box in `area`: bordered when it is three rows high, one line otherwise.
pub fn render(frame: &mut Frame, area: Rect, app: &App, view: &mut ViewState, theme: Theme) {
    let focused = app.searching();
    let inner = if area.height >= 3 {
        let mut title = vec![Span::raw("Search")];
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
        let inner = block.inner(area);
        frame.render_widget(block, area);
        inner
    } else {
        area
    };
    let prompt = if area.height >= 3 { "" } else { "/ " };
    let room = usize::from(inner.width).saturating_sub(wrap::width(prompt) + 1);
    let text = crate::text::sanitize_line(&app.query().text);
    // The part before the cursor, cut from the left to leave the cursor in view, then what
    // follows it as far as it fits. (Sanitising maps char to char: the cursor stays valid.)
    let cursor = if focused {
        app.text_cursor()
    } else {
        text.chars().count()
    };
    let split = text
        .char_indices()
        .nth(cursor)
        .map_or(text.len(), |(b, _)| b);
    let before = wrap::tail(&text[..split], room);
    let after = wrap::clip(&text[split..], room - wrap::width(before).min(room));
    let shown = format!("{before}{after}");
    let line = if text.is_empty() && !focused {
        Line::from(vec![
            Span::styled(prompt, theme.key()),
            Span::styled(
                wrap::fit("press / to search city names", room),
                theme.muted(),
            ),
        ])
    } else {
        Line::from(vec![
            Span::styled(prompt, theme.key()),
            Span::styled(shown, theme.label()),
        ])
    };
    frame.render_widget(Paragraph::new(line), inner);
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
