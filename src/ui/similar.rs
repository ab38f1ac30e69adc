//! The detail view's Similar cities section: the closest profiles with the distinctive words
//! they share (as `gnlc peers` explains them), the selected one marked; Tab moves, Enter
//! opens, Esc comes back. Before the text index is ready it says so.

use super::{theme::Theme, wrap};
use crate::app::App;
use crate::fulltext::{PeerBasis, Peers};
use crate::text::sanitize_line;
use ratatui::text::{Line, Span};

/// The section's lines at `width`: a gap, the heading, one line per peer, a basis note.
pub fn lines(app: &App, peers: &Peers, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut out = vec![
        Line::raw(""),
        Line::styled(
            wrap::fit("Similar cities · Tab selects, Enter opens", width),
            theme.heading(),
        ),
    ];
    if peers.peers.is_empty() {
        out.push(Line::styled(
            wrap::fit("No similar city found.", width),
            theme.muted(),
        ));
        return out;
    }
    for (i, peer) in peers.peers.iter().enumerate() {
        let member = app.engine().member(peer.member);
        let selected = i == app.similar_cursor();
        let name = format!(
            "{}{}, {}",
            if selected { "› " } else { "  " },
            sanitize_line(wrap::clip(&member.city, width)),
            sanitize_line(wrap::clip(&member.country, width))
        );
        let name = wrap::fit(&name, width);
        let used = wrap::width(&name);
        let why = crate::cli::peer_explanation(peer);
        let mut spans = vec![Span::styled(
            name,
            if selected {
                theme.cursor()
            } else {
                theme.label()
            },
        )];
        let room = width.saturating_sub(used + 3);
        if room > 3 && !why.is_empty() {
            spans.push(Span::raw(" — "));
            spans.push(Span::styled(
                wrap::fit(&sanitize_line(&why), room),
                theme.muted(),
            ));
        }
        out.push(Line::from(spans));
    }
    if peers.basis == PeerBasis::CountryRegionJoined {
        out.extend(
            wrap::wrap(
                "No profile text to compare: these share only country, region or year joined.",
                width,
            )
            .into_iter()
            .map(|l| Line::styled(l, theme.note())),
        );
    }
    out
}
