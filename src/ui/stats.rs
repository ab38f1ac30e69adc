//! The stats screen: charts of the filtered list (members by region, country, cluster and
//! year, and the cumulative growth), from [`crate::charts::Charts`], the numbers `gnlc stats`
//! prints.
//!
//! Every number is written beside its bar, so nothing depends on colour. When the charts do
//! not fit (narrow or short terminals) the same numbers are shown as a scrollable table; the
//! explorer's own minimum size check covers anything smaller.

use super::{ViewState, theme::Theme, wrap};
use crate::app::App;
use crate::charts::Charts;
use crate::facet::{CLUSTER, COUNTRY, FacetKind, REGION};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Bar, BarChart, Block, Chart, Dataset, GraphType, Paragraph};

/// The smallest main area the charts are drawn in; below it, the table.
pub const CHARTS_MIN_WIDTH: u16 = 90;
pub const CHARTS_MIN_HEIGHT: u16 = 24;

/// The longest label a bar gets, in cells.
const LABEL_MAX: usize = 22;

/// The title line: how many members the charts count.
pub fn summary(charts: &Charts, app: &App) -> String {
    let only = if app.only_shortlist() {
        ", shortlist only"
    } else {
        ""
    };
    format!(
        "Stats of the filtered list: {} of {} members{only}",
        charts.members, charts.total
    )
}

/// The title of a kind's chart, saying what it counts.
pub fn title(charts: &Charts, kind: &FacetKind) -> String {
    if *kind == CLUSTER {
        if charts.clusters_inferred_for > 0 {
            format!(
                "Members by cluster, inferred from profile text for {} of {}",
                charts.clusters_inferred_for, charts.members
            )
        } else {
            "Members by cluster".to_string()
        }
    } else {
        format!("Members by {}", kind.id)
    }
}

/// The year chart's title: what the two numbers of a bar are.
pub const YEAR_TITLE: &str = "Members by year: joined + member by (known a member by then)";

/// Draws the stats screen in `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, view: &mut ViewState, theme: Theme) {
    let charts = Charts::of(app.engine(), app.results());
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(
            wrap::fit(&summary(&charts, app), usize::from(head.width)),
            theme.heading(),
        )),
        head,
    );
    if charts.members == 0 {
        frame.render_widget(
            Paragraph::new("No city is listed: nothing to chart. Esc goes back."),
            body,
        );
        return;
    }
    let year_rows = charts.by_year.len() as u16 + 2;
    if body.width >= CHARTS_MIN_WIDTH
        && body.height >= CHARTS_MIN_HEIGHT - 1
        && body.height >= year_rows + 6
    {
        draw_charts(frame, body, &charts, theme);
    } else {
        draw_table(frame, body, &charts, view, theme);
    }
}

fn draw_charts(frame: &mut Frame, area: Rect, charts: &Charts, theme: Theme) {
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let regions = charts.of_kind(&REGION).len() as u16 + 2;
    let clusters = charts.of_kind(&CLUSTER).len() as u16 + 2;
    let [region_area, cluster_area, growth_area] = Layout::vertical([
        Constraint::Length(regions),
        Constraint::Length(clusters),
        Constraint::Min(5),
    ])
    .areas(left);
    let year_rows = charts.by_year.len() as u16 + 2;
    let [country_area, year_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(year_rows)]).areas(right);
    let all = |kind| {
        charts
            .of_kind(kind)
            .iter()
            .map(|(v, n)| (v.label().into_owned(), *n as u64, n.to_string()))
            .collect::<Vec<_>>()
    };
    bars(
        frame,
        region_area,
        &title(charts, &REGION),
        None,
        &all(&REGION),
        theme,
    );
    bars(
        frame,
        cluster_area,
        &title(charts, &CLUSTER),
        None,
        &all(&CLUSTER),
        theme,
    );
    let room = usize::from(country_area.height.saturating_sub(2)).max(1);
    let top = charts.top(&COUNTRY, room);
    let countries: Vec<_> = top
        .shown
        .iter()
        .map(|(v, n)| (v.label().into_owned(), *n as u64, n.to_string()))
        .collect();
    let more = (top.rest_values > 0).then(|| {
        format!(
            " and {} more countries ({} members) ",
            top.rest_values, top.rest_members
        )
    });
    let shown = countries.len();
    bars(
        frame,
        country_area,
        &format!("Members by country, top {shown}"),
        more.as_deref(),
        &countries,
        theme,
    );
    let years: Vec<_> = charts
        .by_year
        .iter()
        .map(|y| {
            let text = if y.member_by > 0 {
                format!("{} + {}", y.joined, y.member_by)
            } else {
                y.joined.to_string()
            };
            (y.year.to_string(), y.total() as u64, text)
        })
        .collect();
    let unknown =
        (charts.year_unknown_for > 0).then(|| format!(" no year for {} ", charts.year_unknown_for));
    bars(
        frame,
        year_area,
        YEAR_TITLE,
        unknown.as_deref(),
        &years,
        theme,
    );
    growth(frame, growth_area, charts, theme);
}

/// A horizontal bar chart in a titled box: one row per (label, value, text).
fn bars(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    bottom: Option<&str>,
    rows: &[(String, u64, String)],
    theme: Theme,
) {
    let room = usize::from(area.width.saturating_sub(2));
    let mut block = Block::bordered()
        .border_style(theme.border(false))
        .title(Line::styled(wrap::fit(title, room), theme.title(false)));
    if let Some(bottom) = bottom {
        block = block.title_bottom(Line::raw(wrap::fit(bottom, room)).right_aligned());
    }
    let label_room = LABEL_MAX.min(room / 3).max(4);
    let bars: Vec<Bar> = rows
        .iter()
        .map(|(label, value, text)| {
            let label = crate::text::sanitize_line(wrap::clip(label, label_room * 4)).into_owned();
            Bar::default()
                .label(Line::raw(wrap::fit(&label, label_room)))
                .value(*value)
                .text_value(text.clone())
        })
        .collect();
    let chart = BarChart::horizontal(bars)
        .block(block)
        .bar_width(1)
        .bar_gap(0)
        .value_style(theme.label());
    frame.render_widget(chart, area);
}

/// The cumulative growth as a line over the years, axes labelled.
fn growth(frame: &mut Frame, area: Rect, charts: &Charts, theme: Theme) {
    let points: Vec<(f64, f64)> = charts
        .growth()
        .iter()
        .map(|(y, n)| {
            (
                f64::from(*y),
                f64::from(u32::try_from(*n).unwrap_or(u32::MAX)),
            )
        })
        .collect();
    let (Some(first), Some(last)) = (charts.by_year.first(), charts.by_year.last()) else {
        frame.render_widget(
            Paragraph::new("No member has a year.").block(Block::bordered()),
            area,
        );
        return;
    };
    let max = points.last().map_or(0.0, |p| p.1);
    let title = format!(
        "Growth: members by then, cumulative, {} → {}",
        first.year, last.year
    );
    let x_bounds = [
        f64::from(first.year),
        f64::from(last.year).max(f64::from(first.year) + 1.0),
    ];
    let chart = Chart::new(vec![
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .data(&points),
    ])
    .block(
        Block::bordered()
            .border_style(theme.border(false))
            .title(Line::styled(
                wrap::fit(&title, usize::from(area.width.saturating_sub(2))),
                theme.title(false),
            )),
    )
    .x_axis(
        Axis::default()
            .bounds(x_bounds)
            .labels([first.year.to_string(), last.year.to_string()]),
    )
    .y_axis(
        Axis::default()
            .bounds([0.0, max.max(1.0)])
            .labels(["0".to_string(), format!("{max}")]),
    );
    frame.render_widget(chart, area);
}

/// The numbers as text, for terminals too small for the charts.
pub fn table_lines(charts: &Charts) -> Vec<String> {
    let mut lines = vec!["(too small for charts: the numbers as a table; ↑↓ scroll)".to_string()];
    for kind in [REGION, COUNTRY, CLUSTER] {
        lines.push(String::new());
        lines.push(title(charts, &kind));
        for (value, n) in charts.of_kind(&kind) {
            if *n > 0 || kind != COUNTRY {
                lines.push(format!(
                    "  {:>5}  {}",
                    n,
                    crate::text::sanitize_line(wrap::clip(&value.label(), 200))
                ));
            }
        }
    }
    lines.push(String::new());
    lines.push("Members by year: joined, member by (a member by then), members by then".into());
    for (y, (_, total)) in charts.by_year.iter().zip(charts.growth()) {
        lines.push(format!(
            "  {}  {:>5}  {:>5}  {:>5}",
            y.year, y.joined, y.member_by, total
        ));
    }
    if charts.year_unknown_for > 0 {
        lines.push(format!("  no year given for {}", charts.year_unknown_for));
    }
    lines
}

fn draw_table(frame: &mut Frame, area: Rect, charts: &Charts, view: &mut ViewState, theme: Theme) {
    let width = usize::from(area.width);
    let text: Vec<String> = table_lines(charts)
        .iter()
        .flat_map(|l| wrap::wrap(l, width))
        .collect();
    let rows = usize::from(area.height);
    view.stats.clamp(rows, text.len().saturating_sub(rows));
    let lines: Vec<Line> = text
        .into_iter()
        .skip(view.stats.offset)
        .take(rows)
        .enumerate()
        .map(|(i, l)| {
            if i == 0 && view.stats.offset == 0 {
                Line::styled(l, theme.muted())
            } else {
                Line::raw(l)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
