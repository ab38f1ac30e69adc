//! The footer: the keys that apply now, generated from the key table (`app::keymap`, with the
//! user's remaps), the moves first, then the most specific, cut to the width. A status message
//! (what `y` or `o` just did) stands in its place until the next key.
//!
//! A hint must be true: [`applies_now`] leaves out what would do nothing in the current state
//! (`↓ j` on the last row, `n` on a one-city list, `2` for a member without that section,
//! `Enter` on an empty list).

use super::{ViewState, theme::Theme, wrap};
use crate::app::keymap::{self, Group, Keymap};
use crate::app::{Action, App, Mode, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The footer's hints for `mode`: (key label, word), from the key table. A binding whose
/// keys an earlier binding of the mode already claims is left out (it does nothing there).
pub fn hints(mode: Mode) -> Vec<(String, &'static str)> {
    hints_with(&Keymap::default(), mode)
}

/// [`hints`] with the user's remapped keys.
pub fn hints_with(keys: &Keymap, mode: Mode) -> Vec<(String, &'static str)> {
    let mut claimed: Vec<keymap::Key> = Vec::new();
    let mut live = Vec::new();
    for (binding, bound) in keys.rows_in(mode) {
        if bound.iter().any(|k| !claimed.contains(k)) {
            live.push((binding, bound));
        }
        claimed.extend_from_slice(bound);
    }
    let general = |g: Group| {
        matches!(
            g,
            Group::Everywhere | Group::General | Group::Panes | Group::Moving | Group::Shortlist
        )
    };
    live.iter()
        .filter(|(b, _)| !general(b.group))
        .chain(live.iter().filter(|(b, _)| general(b.group)))
        .filter_map(|(b, bound)| b.footer.map(|word| (keymap::label_of(bound), word)))
        .collect()
}

/// True when `action`, offered in the footer, would do something now: no move past either
/// end, no next or previous city when there is none, no jump to a section the member lacks,
/// nothing to open or toggle in an empty list, no scrolling the detail view or the help
/// past its ends (as `view` measured them at this frame).
pub fn applies_now(action: Action, app: &App, view: &ViewState) -> bool {
    let mode = app.mode();
    let text_scroll = match mode {
        Mode::Detail => Some((view.detail, Some(view.detail_layout.lines.len()))),
        Mode::Help => Some((view.help, None)),
        _ => None,
    };
    if let Some((scroll, len)) = text_scroll {
        match action {
            Action::Up => return scroll.offset > 0,
            Action::Down => {
                return len.is_none_or(|len| scroll.offset + scroll.page < len);
            }
            _ => {}
        }
    }
    let pane = if mode == Mode::Search {
        Pane::Cities
    } else {
        app.focus
    };
    let len = app.pane_len(pane);
    let cursor = app.pane(pane).cursor;
    let listing = matches!(mode, Mode::Facet | Mode::List | Mode::Search | Mode::Filter);
    match action {
        Action::Down if listing => cursor + 1 < len,
        Action::Up if listing => cursor > 0,
        Action::Open | Action::SearchSubmit | Action::Toggle => len > 0,
        Action::NextCity => cursor + 1 < app.pane_len(Pane::Cities),
        Action::PrevCity => app.pane(Pane::Cities).cursor > 0,
        Action::JumpSection(section) => app
            .selected_member()
            .is_some_and(|m| m.section(section).is_some_and(|t| !t.trim().is_empty())),
        _ => true,
    }
}

/// The footer's hints for what `app` shows now: those of [`hints`] that apply now (see
/// [`applies_now`]), the moves first so they are the last to drop on a narrow terminal.
pub fn hints_now(app: &App, view: &ViewState) -> Vec<(String, &'static str)> {
    let mode = app.mode();
    let mut hints: Vec<(String, &'static str, Action)> = Vec::new();
    let mut claimed: Vec<keymap::Key> = Vec::new();
    let mut moves = Vec::new();
    for (binding, keys) in app.keys.rows_in(mode) {
        let live = keys.iter().any(|k| !claimed.contains(k));
        claimed.extend_from_slice(keys);
        let word = match (binding.group, binding.action) {
            (Group::Moving, Action::Up) => Some("up"),
            (Group::Moving, Action::Down) => Some("down"),
            _ => binding.footer,
        };
        let Some(word) = word else {
            continue;
        };
        if !live {
            continue;
        }
        // The typing modes' one row for ↑ and ↓ is split into the moves that work.
        if matches!(mode, Mode::Search | Mode::Filter) && binding.action == Action::Down {
            if applies_now(Action::Up, app, view) {
                moves.push(("↑".to_string(), "up", Action::Up));
            }
            if applies_now(Action::Down, app, view) {
                moves.push(("↓".to_string(), "down", Action::Down));
            }
            continue;
        }
        if !applies_now(binding.action, app, view) {
            continue;
        }
        let entry = (keymap::label_of(keys), word, binding.action);
        if matches!(binding.action, Action::Up | Action::Down) {
            moves.push(entry);
        } else {
            hints.push(entry);
        }
    }
    let general = |a: &Action| {
        keymap::BINDINGS
            .iter()
            .find(|b| b.action == *a && b.group.applies_in(mode))
            .is_some_and(|b| {
                matches!(
                    b.group,
                    Group::Everywhere | Group::General | Group::Panes | Group::Moving
                )
            })
    };
    moves.sort_by_key(|(_, _, a)| *a == Action::Down);
    moves
        .into_iter()
        .chain(hints.iter().filter(|h| !general(&h.2)).cloned())
        .chain(hints.iter().filter(|h| general(&h.2)).cloned())
        .map(|(label, word, _)| (label, word))
        .collect()
}

/// Draws the footer in `area`; hints that do not fit whole are left out.
pub fn render(frame: &mut Frame, area: Rect, app: &App, view: &ViewState, theme: Theme) {
    if let Some(notice) = &app.notice {
        let line = Line::from(Span::styled(
            wrap::fit(notice, usize::from(area.width)),
            theme.muted(),
        ));
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let room = usize::from(area.width);
    let mut used = 0;
    let mut spans = Vec::new();
    if let Some(status) = &app.status {
        let text = wrap::fit(&crate::text::sanitize_line(status), room);
        frame.render_widget(Paragraph::new(Line::styled(text, theme.note())), area);
        return;
    }
    let hints = hints_now(app, view);
    let width_of = |(label, word): &(String, &str)| wrap::width(label) + 1 + wrap::width(word);
    // `? help` is the way to every other key: when hints must drop, it stays, last.
    let help = hints.iter().position(|(_, word)| *word == "help");
    let reserve = help.map_or(0, |i| width_of(&hints[i]) + 2);
    let mut shown: Vec<&(String, &str)> = Vec::new();
    for (i, hint) in hints.iter().enumerate() {
        if Some(i) == help {
            continue;
        }
        let need = usize::from(used > 0) * 2 + width_of(hint);
        if used + need + reserve > room {
            break;
        }
        shown.push(hint);
        used += need;
    }
    if let Some(i) = help
        && used + usize::from(used > 0) * 2 + width_of(&hints[i]) <= room
    {
        shown.push(&hints[i]);
    }
    for (n, (label, word)) in shown.into_iter().enumerate() {
        if n > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(label.clone(), theme.key()));
        spans.push(Span::raw(" "));
        spans.push(Span::raw(*word));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
