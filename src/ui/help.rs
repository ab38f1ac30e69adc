//! The help overlay: every binding of the key table, group by group, so it can never
//! disagree with what the keys do. Laid out at the popup's width: text wraps, and a popup too
//! narrow for the key column puts each key above its help, so nothing is ever cut. Scrolls
//! when it does not fit (a `Scroll` in the view state, paged by the visible height like every
//! other view), its borders saying when more lies above or below.

use super::{MouseArea, Target, ViewState};
use super::{layout, theme::Theme, wrap};
use crate::app::keymap::{self, Group, Keymap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

/// Width of the key column, the space after the key included.
const KEY_WIDTH: usize = 12;

/// The narrowest help text beside the key column. A narrower overlay shows each key on its
/// own line with its help wrapped below, indented by [`NARROW_INDENT`], so nothing is cut.
const MIN_HELP_ROOM: usize = 16;
const NARROW_INDENT: usize = 3;

/// The help text laid out at `width`.
pub fn lines(width: usize, theme: Theme) -> Vec<Line<'static>> {
    lines_with(&Keymap::default(), width, theme)
}

/// [`lines`] with the user's remapped keys. Every line fits in `width` cells: headings and
/// help text are wrapped, never cut (keys too, on an overlay narrower than a key).
pub fn lines_with(keys: &Keymap, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let width = width.max(1);
    let columns = width > KEY_WIDTH + MIN_HELP_ROOM;
    // Keys and the mouse paragraph stand one cell in from the headings, when there is room.
    let margin = usize::from(width > 1);
    let mut lines = Vec::new();
    let heading = |lines: &mut Vec<Line<'static>>, text: &str| {
        for part in wrap::wrap(text, width) {
            lines.push(Line::styled(part, theme.heading()));
        }
    };
    for group in Group::ALL {
        let rows: Vec<_> = keys.rows().filter(|(b, _)| b.group == group).collect();
        if rows.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        heading(&mut lines, group.heading());
        for (b, bound) in rows {
            let label = keymap::label_of(bound);
            // Beside the key when there are columns and the key leaves a gap; else below.
            let (indent, beside) = if columns && wrap::width(&label) < KEY_WIDTH {
                (KEY_WIDTH + 1, true)
            } else if columns {
                (KEY_WIDTH + 1, false)
            } else {
                (NARROW_INDENT.min(width - 1), false)
            };
            let help = wrap::wrap(b.help, width - indent);
            let mut help = help.into_iter();
            if beside {
                let pad = KEY_WIDTH - wrap::width(&label);
                lines.push(Line::from(vec![
                    Span::styled(format!(" {label}{}", " ".repeat(pad)), theme.key()),
                    Span::raw(help.next().unwrap_or_default()),
                ]));
            } else {
                for part in wrap::wrap(&label, width - margin) {
                    lines.push(Line::styled(
                        format!("{}{part}", " ".repeat(margin)),
                        theme.key(),
                    ));
                }
            }
            for text in help {
                lines.push(Line::raw(format!("{}{text}", " ".repeat(indent))));
            }
        }
    }
    lines.push(Line::raw(""));
    heading(&mut lines, "Mouse");
    for text in wrap::wrap(
        "click selects a row or toggles a facet value; the wheel scrolls the pane under the pointer (--no-mouse turns it off)",
        width - margin,
    ) {
        lines.push(Line::raw(format!("{}{text}", " ".repeat(margin))));
    }
    lines
}

/// The first of `choices` that fits in `room` cells, or nothing.
fn first_fitting(choices: &[&'static str], room: usize) -> &'static str {
    choices
        .iter()
        .copied()
        .find(|c| wrap::width(c) <= room)
        .unwrap_or("")
}

/// The overlay's border titles: " Keys " and, when scrolled, that more lies above (top);
/// that more lies below, and how to close (bottom). Each is chosen to fit `inner` cells
/// beside the other, so a title is shortened or left out, never cut.
fn titles(inner: usize, above: bool, below: bool) -> (&'static str, &'static str, &'static str) {
    let keys = first_fitting(&[" Keys ", "Keys"], inner);
    let top_right = if above {
        first_fitting(
            &[" ↑ more above ", " ↑ more ", "↑"],
            inner.saturating_sub(wrap::width(keys) + 1),
        )
    } else {
        ""
    };
    let bottom = if below {
        first_fitting(
            &[
                " ↓ more below · Esc closes ",
                " ↓ more below ",
                " ↓ more ",
                "↓",
            ],
            inner,
        )
    } else {
        first_fitting(&[" Esc closes ", " Esc ", ""], inner)
    };
    (keys, top_right, bottom)
}

/// Draws the overlay over `area`.
pub fn render(frame: &mut Frame, area: Rect, view: &mut ViewState, keys: &Keymap, theme: Theme) {
    let popup = layout::centered(area, 74, area.height.saturating_sub(2).max(3));
    let plain = Block::bordered().border_type(BorderType::Double);
    let inner = plain.inner(popup);
    let text = lines_with(keys, usize::from(inner.width), theme);
    let rows = usize::from(inner.height);
    view.help.clamp(rows, text.len().saturating_sub(rows));
    let above = view.help.offset > 0;
    let below = view.help.offset + rows < text.len();
    let (title, top_right, bottom) = titles(usize::from(inner.width), above, below);
    let mut block = plain
        .border_style(theme.border(true))
        .title(Line::styled(title, theme.title(true)));
    if !top_right.is_empty() {
        block = block.title(Line::styled(top_right, theme.key()).right_aligned());
    }
    if !bottom.is_empty() {
        let style = if below { theme.key() } else { theme.muted() };
        block = block.title_bottom(Line::styled(bottom, style).right_aligned());
    }
    // The whole popup is cleared first: nothing of the view under it shows through, and
    // nothing of it stays once it is closed (the next frame draws that view whole).
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
