//! The footer: the keys that apply now, generated from the key table (`app::keymap`, with the
//! user's remaps), most specific first, cut to the width. A status message (what `y` or `o`
//! just did) stands in its place until the next key.

use super::{theme::Theme, wrap};
use crate::app::keymap::{self, Group, Keymap};
use crate::app::{App, Mode};
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

/// Draws the footer in `area`; hints that do not fit whole are left out.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let room = usize::from(area.width);
    let mut used = 0;
    let mut spans = Vec::new();
    if let Some(status) = &app.status {
        let text = wrap::fit(&crate::text::sanitize_line(status), room);
        frame.render_widget(Paragraph::new(Line::styled(text, theme.note())), area);
        return;
    }
    for (label, word) in hints_with(&app.keys, app.mode()) {
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
