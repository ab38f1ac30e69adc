//! A UNESCO press release announcing new members of the network, into members without
//! profile text.
//!
//! Such a release opens with a title and paragraphs, says when (a date line such as
//! `Paris, 2 September 2022` or `September 2, 2022`), then lists the new cities under the
//! five UNESCO region headings (`Africa`, `Arab States`, `Asia and the Pacific`, `Europe and
//! North America`, `Latin America and the Caribbean`), and ends with "About ..." paragraphs
//! and the press contact. A member line is `City (Country)` or `City, Country`, with or
//! without a bullet; several `City (Country)` may share a line, separated by commas or
//! semicolons.
//!
//! The region of a member comes from the country table, not from the heading it is under: a
//! heading that disagrees is reported with the line, and the member is kept with the table's
//! region. A release is recognised by content: a region heading on a line of its own with a
//! member line under it.

use super::{Problem, lists};
use crate::model::{Region, countries};

/// One member line of a release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseMember {
    /// The line it is on (1-based).
    pub line: usize,
    pub city: String,
    /// The canonical country name.
    pub country: String,
    /// The country's UNESCO region (from the country table).
    pub region: Region,
}

/// What a release gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Release {
    /// The year of the release's first date line, and that line.
    pub date: Option<(u16, usize)>,
    pub members: Vec<ReleaseMember>,
    pub problems: Vec<Problem>,
}

/// The longest city or country name taken, in words.
const MAX_NAME_WORDS: usize = 8;

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// True when `text` is a release: a region heading line followed by a member line.
pub fn looks_like_release(text: &str) -> bool {
    let mut under_heading = false;
    for line in text.lines() {
        if region_heading(line).is_some() {
            under_heading = true;
        } else if under_heading && !line.trim().is_empty() {
            if member_pieces(line).is_some() {
                return true;
            }
            under_heading = false;
        }
    }
    false
}

/// Reads a release (see the module docs). Never panics.
pub fn parse_release(text: &str) -> Release {
    let mut release = Release::default();
    let mut region: Option<Region> = None;
    let mut seen_heading = false;
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(r) = region_heading(line) {
            region = Some(r);
            seen_heading = true;
            continue;
        }
        if !seen_heading {
            if release.date.is_none()
                && let Some(year) = date_year(line)
            {
                release.date = Some((year, number));
            }
            continue;
        }
        if ends_members(line) {
            break;
        }
        let Some(heading) = region else { continue };
        match member_pieces(line) {
            Some(pieces) => {
                for (city, country) in pieces {
                    add_member(&mut release, number, heading, &city, &country);
                }
            }
            // Prose after a region's list ends it.
            None => region = None,
        }
    }
    if release.members.is_empty() && release.problems.is_empty() {
        release.problems.push(Problem {
            line: 1,
            message: "press release without member lines: no `City (Country)` or \
                      `City, Country` line under a UNESCO region heading"
                .to_string(),
        });
    }
    release
}

fn add_member(release: &mut Release, line: usize, heading: Region, city: &str, country: &str) {
    let Some((name, region)) = countries::lookup(country) else {
        release.problems.push(Problem {
            line,
            message: format!(
                "`{city}`: unknown country `{country}` (under {}); skipped",
                heading.name()
            ),
        });
        return;
    };
    if region != heading {
        release.problems.push(Problem {
            line,
            message: format!(
                "`{city} ({name})` is listed under {} but {name} is in {}; imported with {}",
                heading.name(),
                region.name(),
                region.name()
            ),
        });
    }
    release.members.push(ReleaseMember {
        line,
        city: city.to_string(),
        country: name.to_string(),
        region,
    });
}

/// The region a heading line names (`Asia and the Pacific`, `## Africa:`, `**Arab States**`).
pub fn region_heading(line: &str) -> Option<Region> {
    let mut s = line.trim().trim_start_matches('#').trim();
    for mark in ["**", "__"] {
        if let Some(inner) = s.strip_prefix(mark) {
            s = inner.trim_end_matches(mark);
        }
    }
    let s = s.trim().trim_end_matches(':').trim();
    if s.is_empty() || s.chars().count() > 40 {
        return None;
    }
    Region::parse(&s.replace(['-', '/'], " "))
}

/// True for the lines after the member lists: "About ...", contacts, "More information".
fn ends_members(line: &str) -> bool {
    let key = line.trim_start_matches(['*', '#', ' ']).to_lowercase();
    [
        "about ",
        "press contact",
        "media contact",
        "contact",
        "for more information",
        "note to editors",
    ]
    .iter()
    .any(|start| key.starts_with(start))
        || key.trim_matches('*').is_empty() && line.contains("***")
}

/// The `(city, country)` pairs of a member line, or `None` when it is not one.
fn member_pieces(line: &str) -> Option<Vec<(String, String)>> {
    let line = lists::bullet_item(line).unwrap_or(line).trim();
    let line = line.trim_end_matches(['.', ';', ',']).trim();
    if line.contains('(') {
        let mut pieces = Vec::new();
        let mut rest = line;
        while !rest.is_empty() {
            let open = rest.find('(')?;
            let close = open + rest[open..].find(')')?;
            let city = rest[..open].trim().trim_start_matches([',', ';']).trim();
            let city = city.strip_prefix("and ").unwrap_or(city).trim();
            let country = rest[open + 1..close].trim();
            pieces.push(name_pair(city, country)?);
            rest = rest[close + 1..].trim_start_matches([',', ';', ' ']).trim();
        }
        return (!pieces.is_empty()).then_some(pieces);
    }
    let (city, country) = line.rsplit_once(',')?;
    Some(vec![name_pair(city.trim(), country.trim())?])
}

/// A city and a country if both have the shape of names.
fn name_pair(city: &str, country: &str) -> Option<(String, String)> {
    let is_name = |s: &str| {
        let words = s.split_whitespace().count();
        (1..=MAX_NAME_WORDS).contains(&words)
            && s.chars().count() <= 60
            && s.chars().next().is_some_and(char::is_uppercase)
            && !s.contains([':', '.', '!', '?', '"', '“'])
    };
    (is_name(city) && is_name(country)).then(|| (lists::collapse(city), lists::collapse(country)))
}

/// The year of a date in `line`: `2 September 2022`, `September 2, 2022`, `2 Sept. 2022`.
pub fn date_year(line: &str) -> Option<u16> {
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let is_month = |w: &str| {
        w.len() >= 3
            && MONTHS
                .iter()
                .any(|m| m.starts_with(w) && (w.len() == 3 || w.len() == 4 || *m == w))
    };
    let is_day = |w: &str| w.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d));
    let year = |w: &str| w.parse::<u16>().ok().filter(|y| (1990..=2100).contains(y));
    for i in 0..words.len().saturating_sub(2) {
        let (a, b, c) = (&words[i], &words[i + 1], &words[i + 2]);
        if ((is_day(a) && is_month(b)) || (is_month(a) && is_day(b)))
            && let Some(y) = year(c)
        {
            return Some(y);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date_year("Paris, 2 September 2022"), Some(2022));
        assert_eq!(date_year("Last update: September 2, 2022"), Some(2022));
        assert_eq!(date_year("15 June 2020"), Some(2020));
        assert_eq!(date_year("2 Sept. 2021"), Some(2021));
        assert_eq!(date_year("From 1 March to 30 June"), None);
        assert_eq!(date_year("May 2, 2019"), Some(2019));
        assert_eq!(date_year("may 2 people 2000"), None);
        assert_eq!(date_year("The 2 cities 2022"), None);
    }

    #[test]
    fn member_lines() {
        assert_eq!(
            member_pieces("• Kassel (Germany)"),
            Some(vec![("Kassel".into(), "Germany".into())])
        );
        assert_eq!(
            member_pieces("Ho Chi Minh City, Viet Nam"),
            Some(vec![("Ho Chi Minh City".into(), "Viet Nam".into())])
        );
        assert_eq!(
            member_pieces("Aswan (Egypt), Giza (Egypt); and Luxor (Egypt)").map(|p| p.len()),
            Some(3)
        );
        assert_eq!(
            member_pieces("The new members are listed below, by region."),
            None
        );
        assert_eq!(
            member_pieces("Press Contact: Clare O’Hagan, c.o-hagan@unesco.org"),
            None
        );
    }

    #[test]
    fn headings() {
        assert_eq!(
            region_heading("Asia and the Pacific"),
            Some(Region::AsiaPacific)
        );
        assert_eq!(
            region_heading("## Europe & North America:"),
            Some(Region::EuropeNorthAmerica)
        );
        assert_eq!(region_heading("Africa is large"), None);
    }
}
