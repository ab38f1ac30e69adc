//! The preview beside the city list on wide terminals: enough of the selected city's profile
//! to decide whether to open it (tagline, region, clusters, awards, the opening of its vision):
//! the profile document cut to `profile::Extent::Preview`, laid out like the detail view.

use super::{detail, theme::Theme, wrap};
use crate::app::App;
use crate::profile;
use crate::text::sanitize_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Block;

/// Draws the preview of the selected city in `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let block = Block::bordered()
        .border_style(theme.border(false))
        .title(Line::styled("Preview", theme.title(false)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(member) = app.selected_member() else {
        return;
    };
    let width = usize::from(inner.width);
    // Only the opening of any text can show: clip before sanitising and wrapping, so a
    // member with a 10 MB field costs a frame no more than any other.
    let budget = width
        .saturating_mul(usize::from(inner.height))
        .saturating_mul(2);
    let mut lines: Vec<Line> = wrap::wrap(
        &format!(
            "{} — {}",
            sanitize_line(wrap::clip(&member.city, budget)),
            sanitize_line(wrap::clip(&member.country, budget))
        ),
        width,
    )
    .into_iter()
    .map(|l| Line::styled(l, theme.label()))
    .collect();
    if app.is_marked(&member.id) {
        lines.push(Line::styled("★ on the shortlist", theme.label()));
    }
    let doc = profile::Document::with_extent(member, profile::Extent::Preview, |text| {
        wrap::clip(text, budget)
    });
    lines.extend(detail::lay_out(&doc, width, theme, false).lines);
    lines.truncate(usize::from(inner.height));
    super::pane::draw_lines(frame, inner, &lines);
}
