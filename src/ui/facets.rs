//! A facet pane (one per facet kind: Regions, Countries, Clusters...): each value with `[x]`
//! when selected and its live count (how many cities choosing it would give). Zero counts stay
//! listed, dimmed.

use super::ViewState;
use super::{pane, theme::Theme, wrap};
use crate::app::{App, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws one facet pane in `area`.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    view: &mut ViewState,
    which: Pane,
    boxed: bool,
    theme: Theme,
) {
    let focused = app.focus == which && !app.searching();
    let on = which
        .kind()
        .map_or(0, |kind| app.query().selected(&kind).len());
    let mut title = vec![Span::raw(which.title())];
    if on > 0 {
        title.push(Span::raw(format!(" ({on} on)")));
    }
    let filter = app.pane_filter(which);
    let typing = focused && app.filtering();
    if !filter.is_empty() || typing {
        // The typing cursor as a thin bar at its place in the filter.
        let shown = crate::text::sanitize_line(filter);
        let text = if typing {
            let at = shown
                .char_indices()
                .nth(app.text_cursor())
                .map_or(shown.len(), |(b, _)| b);
            format!(" /{}▏{}", &shown[..at], &shown[at..])
        } else {
            format!(" /{shown}")
        };
        title.push(Span::styled(text, theme.on()));
    }
    let title_width = pane::title_width(&title, focused);
    let rows = pane::frame(frame, area, title, focused, boxed, theme);
    let first = pane::keep_visible(app, view, which, rows);
    let len = app.pane_len(which);
    pane::indicator(frame, area, rows, (first, len), title_width, boxed, theme);
    let cursor = app.pane(which).cursor;
    let width = usize::from(rows.width);
    let lines: Vec<Line> = app
        .facet_rows(which)
        .into_iter()
        .enumerate()
        .skip(first)
        .take(usize::from(rows.height))
        .map(|(i, row)| {
            let at_cursor = focused && i == cursor;
            let count = row.count.to_string();
            let label_room = width.saturating_sub(2 + 4 + 1 + count.len());
            let label = wrap::fit(&crate::text::sanitize_line(&row.label), label_room);
            let pad = label_room.saturating_sub(wrap::width(&label));
            let dim = if row.count == 0 {
                theme.zero()
            } else {
                ratatui::style::Style::new()
            };
            let line = Line::from(vec![
                Span::raw(if at_cursor { "› " } else { "  " }),
                if row.selected {
                    Span::styled("[x] ", theme.on())
                } else {
                    Span::raw("[ ] ")
                },
                Span::styled(label, dim),
                Span::raw(" ".repeat(pad + 1)),
                Span::styled(
                    count,
                    if row.count == 0 {
                        theme.zero()
                    } else {
                        theme.muted()
                    },
                ),
            ]);
            if at_cursor {
                line.style(theme.cursor())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rows);
}
