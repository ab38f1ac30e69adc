//! A facet pane (one per facet kind: Regions, Countries, Clusters...): each value with `[x]`
//! when selected and its live count (how many cities choosing it would give). Zero counts stay
//! listed, dimmed; so does a stand-in value such as "no profile text" (members that have no
//! value of the kind, counted as what they are). When some listed Joined years count members
//! that were only members *by* that year, the pane says so in a one-line legend (in the bundled
//! data every year does, so marking single years would say nothing).

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
        // Split at the cursor (a char index into what was typed), then sanitised.
        let text = if typing {
            let at = filter
                .char_indices()
                .nth(app.text_cursor())
                .map_or(filter.len(), |(b, _)| b);
            format!(
                " /{}▏{}",
                crate::text::sanitize_line(&filter[..at]),
                crate::text::sanitize_line(&filter[at..])
            )
        } else {
            format!(" /{}", crate::text::sanitize_line(filter))
        };
        title.push(Span::styled(text, theme.on()));
    }
    let rows_of_pane = app.facet_rows(which);
    let marked = rows_of_pane.iter().any(|r| r.marked);
    let len = app.pane_len(which);
    // The legend goes on the bottom border when it fits beside the position indicator; else
    // the title says it ("Joined or member by").
    let bottom = marked.then(|| bottom_legend(area, boxed, len)).flatten();
    if marked && bottom.is_none() {
        title.push(Span::styled(" or member by", theme.muted()));
    }
    let title_width = pane::title_width(&title, focused);
    let rows = pane::frame(frame, area, title, focused, boxed, theme);
    let first = pane::keep_visible(app, view, which, rows);
    pane::indicator(frame, area, rows, (first, len), title_width, boxed, theme);
    if let Some(text) = bottom {
        let width = wrap::width(&text) as u16;
        frame.render_widget(
            Paragraph::new(Span::styled(text, theme.muted())),
            Rect::new(area.x + 1, area.bottom() - 1, width, 1),
        );
    }
    let cursor = app.pane(which).cursor;
    let width = usize::from(rows.width);
    let lines: Vec<Line> = rows_of_pane
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
            let dim = if row.count == 0 || row.absent {
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
    pane::draw_lines(frame, rows, &lines);
}

/// The Joined pane's legend when its counts include "member by" years, longest first: the
/// first that fits is drawn.
const LEGENDS: [&str; 3] = [
    "counts include \"member by\" years",
    "incl. \"member by\" years",
    "incl. member by",
];

/// The widest legend that fits at the left of a boxed pane's bottom border beside the
/// position indicator (at its widest), if any.
fn bottom_legend(area: Rect, boxed: bool, len: usize) -> Option<String> {
    if !boxed || area.height < 3 || area.width < 4 {
        return None;
    }
    let rows = usize::from(area.height - 2);
    let indicator =
        pane::position(len.saturating_sub(rows), rows, len).map_or(0, |p| wrap::width(&p) + 3);
    let room = usize::from(area.width - 2).saturating_sub(indicator);
    LEGENDS
        .iter()
        .map(|l| format!(" {l} "))
        .find(|l| wrap::width(l) <= room)
}
