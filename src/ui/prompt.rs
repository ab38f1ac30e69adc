//! The export prompt (a one-line text field over the screen, and its y/n question when the
//! file exists) and the message row above the footer (what the last shortlist or export action
//! did, or why the shortlist file cannot be used).

use super::{layout, theme::Theme, wrap};
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

/// The message to show above the footer, if any: the shortlist's problem first (it lasts
/// until the file is fixed), then the last action's notice.
pub fn message(app: &App) -> Option<String> {
    match (app.shortlist_problem(), &app.notice) {
        (Some(problem), Some(notice)) => Some(format!("{notice} · {problem}")),
        (Some(problem), None) => Some(problem),
        (None, Some(notice)) => Some(notice.clone()),
        (None, None) => None,
    }
}

/// Splits the rows of a message (at most 3, never more than half the area) off the bottom of
/// `main`, when there is a message.
pub fn message_area(main: Rect, app: &App) -> (Rect, Option<Rect>) {
    let Some(text) = message(app) else {
        return (main, None);
    };
    let lines = wrap::wrap(&format!("! {text}"), usize::from(main.width)).len() as u16;
    let rows = lines.clamp(1, 3).min(main.height / 2);
    if rows == 0 {
        return (main, None);
    }
    let top = Rect {
        height: main.height - rows,
        ..main
    };
    let bottom = Rect {
        y: main.y + main.height - rows,
        height: rows,
        ..main
    };
    (top, Some(bottom))
}

/// Draws the message, marked with "!" (not by colour alone).
pub fn render_message(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let Some(text) = message(app) else {
        return;
    };
    let lines: Vec<Line> = wrap::wrap(
        &crate::text::sanitize_line(&format!("! {text}")),
        usize::from(area.width),
    )
    .into_iter()
    .take(usize::from(area.height))
    .map(|l| Line::styled(l, theme.note()))
    .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// Draws the export prompt over `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let popup = layout::centered(area, 72, 6.min(area.height));
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border(true))
        .title(Line::styled(" Export as Markdown ", theme.title(true)));
    let inner = block.inner(popup);
    let width = usize::from(inner.width);
    let (_, what) = app.export_members();
    let prompt = &app.export;
    let field = crate::text::sanitize_line(&prompt.path).into_owned();
    // The end of a long name stays visible, where the typing happens.
    let room = width.saturating_sub(8);
    let shown_field: String = {
        let chars: Vec<char> = field.chars().collect();
        let mut start = 0;
        while wrap::width(&chars[start..].iter().collect::<String>()) > room && start < chars.len()
        {
            start += 1;
        }
        chars[start..].iter().collect()
    };
    let mut lines = vec![
        Line::raw(wrap::fit(&format!("Write {what} to:"), width)),
        Line::from(vec![
            Span::styled("File: ", theme.label()),
            Span::styled(format!("{shown_field}▏"), theme.on()),
        ]),
    ];
    let last = if prompt.confirm {
        Line::styled(
            wrap::fit(
                "The file exists. Replace it? y: yes · any other key: no",
                width,
            ),
            theme.heading(),
        )
    } else if let Some(error) = &prompt.error {
        Line::styled(
            wrap::fit(&crate::text::sanitize_line(&format!("! {error}")), width),
            theme.note(),
        )
    } else {
        Line::styled(
            wrap::fit(
                "Enter writes · Esc cancels · never replaces without asking",
                width,
            ),
            theme.muted(),
        )
    };
    lines.push(last);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    frame.render_widget(Paragraph::new(lines), inner);
}
