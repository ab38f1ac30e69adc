//! Rendering the explorer: a pure function of the `App` state onto a ratatui `Frame`.
//!
//! One file per part of the screen. The only state written while drawing is what depends on
//! the frame's size: scroll offsets, page heights, a pending section jump and the areas the
//! mouse can hit. Nothing clears the screen: ratatui diffs each frame against the last, so
//! only changed cells reach the terminal and nothing flickers.
//!
//! All member text goes through `text::sanitize`/`sanitize_line` before it reaches a buffer,
//! and is measured and cut by display width (see `wrap`).

pub mod detail;
pub mod facets;
pub mod footer;
pub mod help;
pub mod layout;
pub mod list;
mod pane;
pub mod preview;
pub mod search;
pub mod theme;
pub mod wrap;

use crate::app::{App, MouseArea, Pane, Target};
use layout::Browse;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use theme::Theme;

/// Draws the whole explorer for `app` into `frame`.
pub fn render(frame: &mut Frame, app: &mut App) {
    app.mouse_areas.clear();
    let theme = Theme::new(app.color);
    let area = frame.area();
    if layout::too_small(area) {
        too_small(frame, area);
        return;
    }
    let (main, footer_area) = layout::main_and_footer(area);
    if app.detail.is_some() {
        detail::render(frame, main, app, theme);
    } else {
        browse(frame, main, app, theme);
    }
    footer::render(frame, footer_area, app, theme);
    if app.help {
        help::render(frame, area, app, theme);
    }
}

/// The message shown when the terminal is smaller than the explorer needs.
pub fn too_small_message(area: Rect) -> String {
    format!(
        "Terminal too small ({}x{}); gnlc needs at least {}x{}. Enlarge it, or press q to quit.",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    )
}

fn too_small(frame: &mut Frame, area: Rect) {
    frame.render_widget(
        Paragraph::new(too_small_message(area)).wrap(Wrap { trim: true }),
        area,
    );
}

fn browse(frame: &mut Frame, main: Rect, app: &mut App, theme: Theme) {
    match layout::browse(main, &layout::facet_sizes(app)) {
        Browse::Wide {
            search: search_area,
            facets: facet_areas,
            list: list_area,
            preview: preview_area,
        } => {
            search::render(frame, search_area, app, theme);
            let kinds: Vec<_> = app.kinds().collect();
            for (kind, area) in kinds.into_iter().zip(facet_areas) {
                facets::render(frame, area, app, Pane::Facet(kind), true, theme);
            }
            list::render(frame, list_area, app, true, theme);
            if let Some(preview_area) = preview_area {
                preview::render(frame, preview_area, app, theme);
            }
        }
        Browse::Narrow {
            tabs,
            search: search_area,
            pane,
        } => {
            tab_strip(frame, tabs, app, theme);
            search::render(frame, search_area, app, theme);
            match app.focus {
                Pane::Cities => list::render(frame, pane, app, false, theme),
                facet @ Pane::Facet(_) => facets::render(frame, pane, app, facet, false, theme),
            }
        }
    }
}

/// The narrow layout's tab strip: the focused pane's name reversed and in brackets; the
/// others abbreviated (three letters, then two) when the full names do not fit.
/// Each tab is clickable.
fn tab_strip(frame: &mut Frame, area: Rect, app: &mut App, theme: Theme) {
    let panes = app.panes();
    let label = |pane: Pane, letters: usize| {
        let name = pane.title();
        if pane == app.focus {
            format!("[{name}]")
        } else {
            name.chars().take(letters).collect()
        }
    };
    let strip_width = |letters: usize| -> usize {
        panes
            .iter()
            .map(|&p| wrap::width(&label(p, letters)) + 1)
            .sum::<usize>()
            - 1
    };
    let letters = [usize::MAX, 3, 2]
        .into_iter()
        .find(|&n| strip_width(n) <= usize::from(area.width))
        .unwrap_or(2);
    let mut spans = Vec::new();
    let mut x = area.x;
    for pane in panes {
        let text = label(pane, letters);
        let width = wrap::width(&text) as u16;
        let visible = width.min(area.right().saturating_sub(x));
        if visible > 0 {
            app.mouse_areas.push(MouseArea {
                area: Rect::new(x, area.y, visible, area.height.min(1)),
                target: Target::Tab(pane),
            });
        }
        x = x.saturating_add(width + 1);
        spans.push(if pane == app.focus {
            Span::styled(text, theme.cursor())
        } else {
            Span::raw(text)
        });
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
