//! The footer: the keys that apply now, generated from the key table (`app::keymap`), most
//! specific first, cut to the width.

use super::{theme::Theme, wrap};
use crate::app::keymap::{self, Group};
use crate::app::{App, Mode};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The footer's hints for `mode`: (key label, word), from the key table. A binding whose
/// keys an earlier binding of the mode already claims is left out (it does nothing there).
pub fn hints(mode: Mode) -> Vec<(String, &'static str)> {
    let mut claimed: Vec<keymap::Key> = Vec::new();
    let mut live = Vec::new();
    for binding in keymap::bindings_in(mode) {
        if binding.keys.iter().any(|k| !claimed.contains(k)) {
            live.push(binding);
        }
        claimed.extend_from_slice(binding.keys);
    }
    let general = |g: Group| {
        matches!(
            g,
            Group::Everywhere | Group::General | Group::Panes | Group::Moving
        )
    };
    live.iter()
        .filter(|b| !general(b.group))
        .chain(live.iter().filter(|b| general(b.group)))
        .filter_map(|b| b.footer.map(|word| (b.label(), word)))
        .collect()
}

/// Draws the footer in `area`; hints that do not fit whole are left out.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    if let Some(notice) = app.notice {
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
    for (label, word) in hints(app.mode()) {
        let gap = usize::from(used > 0) * 2;
        let need = gap + wrap::width(&label) + 1 + wrap::width(word);
        if used + need > room {
            break;
        }
        if gap > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(label, theme.key()));
        spans.push(Span::raw(" "));
        spans.push(Span::raw(word));
        used += need;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
