//! The city list: city and country of every hit, the characters the search matched in bold
//! and underlined, a ★ before cities on the shortlist, and "n of N" and the marks in the title.
//! Where the row has room, the year at the right: "2019", or "by 2019" for a year the city was
//! only a member by (`profile::joined_short`).
//! With a profile-text search, the best matching fragment of each hit's profile takes the
//! country's place, its matched words highlighted.

use super::ViewState;
use super::{pane, theme::Theme, wrap};
use crate::app::{App, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the city list in `area`.
#[allow(clippy::too_many_lines)] // one row layout: mark, name, snippet or country, year
pub fn render(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    view: &mut ViewState,
    boxed: bool,
    theme: Theme,
) {
    // One pane is drawn focused at a time: while the search box has the keyboard, the list's
    // frame is not; its selection stays highlighted (Enter and ↑ ↓ act on it from the box).
    let focused = app.focus == Pane::Cities && !app.searching();
    let selection_live = app.focus == Pane::Cities || app.searching();
    let title = vec![
        Span::raw("Cities "),
        Span::raw(format!(
            "· {} of {}{}",
            app.results().hits.len(),
            app.total(),
            app.marks_title()
        )),
    ];
    let title_width = pane::title_width(&title, focused);
    let rows = pane::frame(frame, area, title, focused, boxed, theme);
    let first = pane::keep_visible(app, view, Pane::Cities, rows);
    let len = app.results().hits.len();
    pane::indicator(frame, area, rows, (first, len), title_width, boxed, theme);
    let width = usize::from(rows.width);
    if app.results().hits.is_empty() {
        let text = if app.total() == 0 {
            "The dataset has no members."
        } else if app.searching() {
            // X would type an X here.
            "No city matches. Ctrl-U clears the search; Esc, then X, every filter too."
        } else {
            "No city matches. X clears every filter and the search."
        };
        let lines: Vec<Line> = wrap::wrap(text, width).into_iter().map(Line::raw).collect();
        frame.render_widget(Paragraph::new(lines).style(theme.muted()), rows);
        return;
    }
    let cursor = app.pane(Pane::Cities).cursor;
    let visible = &app.results().hits[first..];
    // The year column: seven cells ("by 2019") and a gap, from 40 cells of room on.
    let year_room = if width.saturating_sub(2) >= YEAR_FROM {
        8
    } else {
        0
    };
    let city_room = width.saturating_sub(2 + year_room);
    // Names are clipped to the room before sanitising: a name can be megabytes long, and
    // only the visible rows' names are read at all.
    let longest = visible
        .iter()
        .take(usize::from(rows.height))
        .map(|h| {
            let city = wrap::clip(&app.engine().member(h.member).city, city_room);
            wrap::width(&crate::text::sanitize_line(city))
        })
        .max()
        .unwrap_or(0);
    // With a profile-text search, each hit shows its best matching fragment where the
    // country would be (the preview still names the country).
    let text = app
        .profile_query()
        .and_then(|q| app.engine().text_index().map(|index| (index, q)));
    let share = if text.is_some() { 2 } else { 3 };
    let city_width = longest.min(city_room * share / 5).max(city_room.min(4));
    let lines: Vec<Line> = visible
        .iter()
        .take(usize::from(rows.height))
        .enumerate()
        .map(|(i, hit)| {
            let member = app.engine().member(hit.member);
            let at_cursor = first + i == cursor;
            // The second cell marks a city on the shortlist (a star, not a colour).
            let marker = match (at_cursor, app.is_marked(&member.id)) {
                (true, true) => "›★",
                (true, false) => "› ",
                (false, true) => " ★",
                (false, false) => "  ",
            };
            let mut spans = vec![Span::raw(marker)];
            let city = wrap::clip(&member.city, city_width);
            let (city_spans, used) = highlighted(city, &hit.positions, city_width, theme.matched());
            spans.extend(city_spans);
            let country_room = city_room.saturating_sub(city_width + 1);
            let snippet = text
                .as_ref()
                .and_then(|(index, query)| index.snippet(member, query, country_room.max(10)));
            if let (Some(snippet), true) = (&snippet, country_room > 0) {
                spans.push(Span::raw(" ".repeat(city_width.saturating_sub(used) + 1)));
                let hit_chars: Vec<usize> = snippet.char_ranges().into_iter().flatten().collect();
                let (snippet_spans, _) =
                    highlighted(&snippet.text, &hit_chars, country_room, theme.matched());
                spans.extend(snippet_spans.into_iter().map(|s| {
                    if s.style == Style::new() {
                        s.style(theme.muted())
                    } else {
                        s
                    }
                }));
            } else if country_room > 0 {
                spans.push(Span::raw(" ".repeat(city_width.saturating_sub(used) + 1)));
                let country = wrap::fit(
                    &crate::text::sanitize_line(wrap::clip(&member.country, country_room)),
                    country_room,
                );
                let pad = if year_room > 0 {
                    country_room.saturating_sub(wrap::width(&country))
                } else {
                    0
                };
                spans.push(Span::styled(country, theme.muted()));
                spans.push(Span::raw(" ".repeat(pad)));
            }
            if year_room > 0 {
                let year = crate::profile::joined_short(member).unwrap_or_default();
                spans.push(Span::styled(format!(" {year:>7}"), theme.muted()));
            }
            let line = Line::from(spans);
            if at_cursor && selection_live {
                line.style(theme.cursor())
            } else if at_cursor {
                line.style(theme.label())
            } else {
                line
            }
        })
        .collect();
    pane::draw_lines(frame, rows, &lines);
}

/// The room (cells after the cursor mark) from which a row shows the year.
const YEAR_FROM: usize = 40;

/// Member text `text` (not yet sanitised), shown as one line cut to `max` cells as spans,
/// the chars at `positions` (char indices into `text`) styled `matched`. Returns the spans
/// and the cells used.
pub fn highlighted(
    text: &str,
    positions: &[usize],
    max: usize,
    matched: Style,
) -> (Vec<Span<'static>>, usize) {
    let shown = crate::text::shown_chars(text, crate::text::Shape::Line);
    let fits = shown
        .iter()
        .map(|&(_, c)| wrap::char_width(c))
        .sum::<usize>()
        <= max;
    let room = if fits { max } else { max.saturating_sub(1) };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    let mut used = 0;
    for (i, c) in shown {
        let w = wrap::char_width(c);
        if used + w > room {
            break;
        }
        let is_matched = positions.binary_search(&i).is_ok();
        if is_matched != run_matched && !run.is_empty() {
            let style = if run_matched { matched } else { Style::new() };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_matched = is_matched;
        run.push(c);
        used += w;
    }
    if !run.is_empty() {
        let style = if run_matched { matched } else { Style::new() };
        spans.push(Span::styled(run, style));
    }
    if !fits && max > 0 {
        spans.push(Span::raw("…"));
        used += 1;
    }
    (spans, used)
}
