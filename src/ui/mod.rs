//! Rendering the explorer: a pure function of the `App` state onto a ratatui `Frame`.
//!
//! One file per part of the screen. [`render`] reads `&App` (what the user chose) and writes
//! only the [`ViewState`] (what the frame measured: scroll offsets and page heights, one
//! [`Scroll`] per scrolling view; the areas the mouse can hit; the detail view's laid-out
//! text; resolving a pending section jump). `ViewState::update` is where actions enter. Nothing clears the screen: ratatui diffs each frame against the last, so
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
pub mod map;
mod pane;
pub mod preview;
pub mod prompt;
pub mod scroll;
pub mod search;
pub mod similar;
pub mod stats;
pub mod theme;
pub mod view;
pub mod wrap;

pub use scroll::Scroll;
pub use view::{Explorer, MouseArea, Target, ViewState};

use crate::app::{App, Overlay, Pane, Screen};
use layout::Browse;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use theme::Theme;

/// Draws the whole explorer for `app` into `frame`, recording what the frame measured in
/// `view`.
pub fn render(frame: &mut Frame, app: &App, view: &mut ViewState) {
    view.mouse_areas.clear();
    view.map = None;
    let theme = Theme::with_palette(app.color, view.palette);
    let area = frame.area();
    if layout::too_small(area) {
        too_small(frame, area);
        return;
    }
    let (main, footer_area) = layout::main_and_footer(area);
    let (main, message_area) = prompt::message_area(main, app);
    match app.screen {
        Screen::Detail => detail::render(frame, main, app, view, theme),
        Screen::Browse { .. } => browse(frame, main, app, view, theme),
        Screen::Stats => stats::render(frame, main, app, view, theme),
        Screen::Map { .. } => map::render(frame, main, app, view, theme),
    }
    if let Some(message_area) = message_area {
        prompt::render_message(frame, message_area, app, theme);
    }
    footer::render(frame, footer_area, app, view, theme);
    match app.overlay {
        Some(Overlay::Help) => help::render(frame, area, view, &app.keys, theme),
        Some(Overlay::Export) => prompt::render(frame, area, app, theme),
        None => {}
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

fn browse(frame: &mut Frame, main: Rect, app: &App, view: &mut ViewState, theme: Theme) {
    match layout::browse(main, &layout::facet_sizes(app)) {
        Browse::Wide {
            search: search_area,
            facets: facet_areas,
            list: list_area,
            preview: preview_area,
        } => {
            search::render(frame, search_area, app, view, theme);
            let kinds: Vec<_> = app.kinds().collect();
            for (kind, area) in kinds.into_iter().zip(facet_areas) {
                facets::render(frame, area, app, view, Pane::Facet(kind), true, theme);
            }
            list::render(frame, list_area, app, view, true, theme);
            if let Some(preview_area) = preview_area {
                preview::render(frame, preview_area, app, theme);
            }
        }
        Browse::Narrow {
            tabs,
            search: search_area,
            pane,
        } => {
            tab_strip(frame, tabs, app, view, theme);
            search::render(frame, search_area, app, view, theme);
            match app.focus {
                Pane::Cities => list::render(frame, pane, app, view, false, theme),
                facet @ Pane::Facet(_) => {
                    facets::render(frame, pane, app, view, facet, false, theme);
                }
            }
        }
    }
}

/// The narrow layout's tab strip: the focused pane's name reversed and in brackets; the
/// others abbreviated (three letters, then two) when the full names do not fit.
/// Each tab is clickable.
fn tab_strip(frame: &mut Frame, area: Rect, app: &App, view: &mut ViewState, theme: Theme) {
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
            view.mouse_areas.push(MouseArea {
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
