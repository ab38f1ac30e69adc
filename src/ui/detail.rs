//! The detail view: a city's whole profile as headed, word-wrapped text, scrollable, with a
//! position indicator. Also builds the parts the preview pane reuses.
//!
//! The text is laid out here, at the view's width, so the lines where the sections start are
//! known and `1`/`2`/`3` can jump to them (the jump is resolved at draw time for that reason).

use super::{theme::Theme, wrap};
use crate::app::{App, MouseArea, Target};
use crate::model::{ClusterBasis, Member, Section};
use crate::text::{sanitize, sanitize_line};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

/// A profile laid out at one width.
#[derive(Debug, Default)]
pub struct Document {
    pub lines: Vec<Line<'static>>,
    /// The line of each section's heading, in `Section::ALL` order.
    pub sections: [Option<usize>; 3],
}

/// Said where a member's profile has none of the three sections.
pub const NO_SECTIONS: &str = "This profile has no vision, challenges or plan sections.";

/// "Label value" wrapped at `width`, the label in bold.
pub fn field(label: &str, value: &str, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let text = format!("{label} {value}");
    wrap::wrap(&text, width)
        .into_iter()
        .enumerate()
        .map(|(i, line)| match line.strip_prefix(label) {
            Some(rest) if i == 0 => Line::from(vec![
                Span::styled(label.to_string(), theme.label()),
                Span::raw(rest.to_string()),
            ]),
            _ => Line::raw(line),
        })
        .collect()
}

/// The clusters as one line of text, and whether they were inferred.
pub fn clusters_field(member: &Member, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let names: Vec<&str> = member.clusters.iter().map(|c| c.name()).collect();
    let value = if names.is_empty() && member.cluster_basis == ClusterBasis::Inferred {
        "none found in the profile text".to_string()
    } else if names.is_empty() {
        "none".to_string()
    } else {
        names.join("; ")
    };
    let mut lines = field("Clusters:", &value, width, theme);
    if member.cluster_basis == ClusterBasis::Inferred && !member.clusters.is_empty() {
        lines.extend(
            wrap::wrap("(inferred from profile text, not stated by UNESCO)", width)
                .into_iter()
                .map(|l| Line::styled(l, theme.note())),
        );
    }
    lines
}

/// For inferred clusters, the keywords of the lexicon that matched, per cluster, so a reader
/// can check the inference ("Literacy — illiteracy, reading"). Matching is linear in the text
/// and runs only when the detail layout is rebuilt, not per frame.
pub fn cluster_evidence(member: &Member, width: usize, theme: Theme) -> Vec<Line<'static>> {
    if member.cluster_basis != ClusterBasis::Inferred || member.clusters.is_empty() {
        return Vec::new();
    }
    crate::model::clusters::evidence(member)
        .into_iter()
        .flat_map(|(cluster, keywords)| {
            let text = format!(
                "  {} — matched: {}",
                cluster.short_name(),
                keywords.join(", ")
            );
            wrap::wrap(&text, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.note()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The awards as text ("UNESCO Learning City Award 2015, 2024" or "none").
pub fn awards_text(member: &Member) -> String {
    if member.awards.is_empty() {
        return "none".to_string();
    }
    let years: Vec<String> = member.awards.iter().map(|a| a.year.to_string()).collect();
    format!("UNESCO Learning City Award {}", years.join(", "))
}

/// Profile text as wrapped lines: blank lines kept, lines starting with `- ` (or `• `) as
/// bullets with a hanging indent.
pub fn body(text: &str, width: usize) -> Vec<Line<'static>> {
    let text = sanitize(text);
    let mut lines = Vec::new();
    for raw in text.lines() {
        let raw = raw.trim();
        if raw.is_empty() {
            lines.push(Line::raw(""));
        } else if let Some(item) = raw.strip_prefix("- ").or_else(|| raw.strip_prefix("• ")) {
            for (i, l) in wrap::wrap(item, width.saturating_sub(2))
                .into_iter()
                .enumerate()
            {
                lines.push(Line::raw(format!(
                    "{}{l}",
                    if i == 0 { "• " } else { "  " }
                )));
            }
        } else {
            lines.extend(wrap::wrap(raw, width).into_iter().map(Line::raw));
        }
    }
    lines
}

/// The whole profile of `member` laid out at `width`.
pub fn document(member: &Member, width: usize, theme: Theme) -> Document {
    let mut doc = Document::default();
    let lines = &mut doc.lines;
    lines.extend(field(
        "Country:",
        &sanitize_line(&member.country),
        width,
        theme,
    ));
    lines.extend(field("Region:", member.region.name(), width, theme));
    lines.extend(clusters_field(member, width, theme));
    lines.extend(cluster_evidence(member, width, theme));
    lines.extend(field("Awards:", &awards_text(member), width, theme));
    if let Some(year) = member.joined {
        lines.extend(field("Joined:", &year.to_string(), width, theme));
    }
    if let Some(tagline) = &member.tagline {
        lines.push(Line::raw(""));
        lines.extend(
            wrap::wrap(&sanitize_line(tagline), width)
                .into_iter()
                .map(|l| Line::styled(l, theme.tagline())),
        );
    }
    if let Some(summary) = &member.summary {
        lines.push(Line::raw(""));
        lines.extend(body(summary, width));
    }
    if member.has_no_sections() {
        lines.push(Line::raw(""));
        lines.extend(
            wrap::wrap(NO_SECTIONS, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.note())),
        );
    }
    for (i, section) in Section::ALL.into_iter().enumerate() {
        if let Some(text) = member.section(section) {
            lines.push(Line::raw(""));
            doc.sections[i] = Some(lines.len());
            lines.extend(
                wrap::wrap(&format!("{} {}", i + 1, section.heading()), width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.heading())),
            );
            lines.extend(body(text, width));
        }
    }
    doc
}

/// Draws the detail view of the selected city in `area`.
///
/// The profile is laid out only when the member, the width or the colour changed since the
/// last frame (see `app::DetailLayout`); a frame then costs the visible lines, whatever the
/// profile's length.
pub fn render(frame: &mut Frame, area: Rect, app: &mut App, theme: Theme) {
    let Some(index) = app.selected_hit().map(|h| h.member) else {
        return;
    };
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.border(true));
    let inner = block.inner(area);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let title_room = usize::from(area.width).saturating_sub(4);
    let title = {
        let member = app.engine().member(index);
        // Clipped before sanitising: a name can be megabytes long and only the start shows.
        format!(
            " {} — {} ",
            sanitize_line(wrap::clip(&member.city, title_room)),
            sanitize_line(wrap::clip(&member.country, title_room))
        )
    };
    let key = (index, width, app.color);
    if app.detail_layout.key != Some(key) {
        let doc = document(app.engine().member(index), width, theme);
        let layout = &mut app.detail_layout;
        layout.key = Some(key);
        layout.lines = doc.lines;
        layout.sections = doc.sections;
        layout.computed += 1;
    }
    let layout = &app.detail_layout;
    let len = layout.lines.len();
    let Some(state) = app.detail.as_mut() else {
        return;
    };
    if let Some(section) = state.jump.take() {
        let index = Section::ALL.iter().position(|s| *s == section).unwrap_or(0);
        if let Some(line) = layout.sections[index] {
            state.scroll = line;
        }
    }
    // Scrolling may go past the last full page as far as the last section's heading, so
    // that every section can be jumped to with its heading on the first line.
    let last_heading = layout.sections.iter().flatten().max().copied().unwrap_or(0);
    state.scroll = state.scroll.min(len.saturating_sub(rows).max(last_heading));
    state.rows = rows;
    let scroll = state.scroll;
    let position = if len <= rows {
        " all ".to_string()
    } else {
        let last = (scroll + rows).min(len);
        format!(
            " {}-{last} of {len} · {}% ",
            scroll + 1,
            last * 100 / len.max(1)
        )
    };
    let block = block
        .title(Line::styled(
            wrap::fit(&title, title_room),
            theme.title(true),
        ))
        .title_bottom(Line::raw(wrap::fit(&position, title_room)).right_aligned());
    frame.render_widget(block, area);
    let end = (scroll + rows).min(len);
    let visible = layout.lines.get(scroll..end).unwrap_or_default().to_vec();
    frame.render_widget(Paragraph::new(visible), inner);
    app.mouse_areas.push(MouseArea {
        area: inner,
        target: Target::Detail,
    });
}
