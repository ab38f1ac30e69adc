//! Finding the one city `gnlc show CITY` means: an exact name first (case and accents
//! optional, "City, Country" or an id to pick between namesakes), then the best fuzzy match
//! when it is unambiguous; otherwise an error that lists the candidates.
//!
//! In "City, Country" the country may be any spelling of the country alias table
//! (`model::countries`: "Chisinau, Moldova" is Chisinau in the Republic of Moldova), or a
//! part of the name that only one of the city's countries has ("Busan, Korea").

use crate::error::{Error, Result};
use crate::query::{Engine, Query};
use crate::text::{fold, sanitize_line};

/// How many candidates an ambiguity error lists.
const MAX_CANDIDATES: usize = 8;

/// The index of the member `name` designates.
pub fn find(engine: &Engine, name: &str) -> Result<usize> {
    let members = &engine.dataset().members;
    let wanted = fold(name.trim());
    // Operators alone (`!`, `^`) would match every city: that is no name.
    if !wanted.chars().any(char::is_alphanumeric) {
        return Err(Error::Usage(
            "give a city name, e.g. `gnlc show cork`".into(),
        ));
    }
    // 1. Exact: the city, "city, country", or the id.
    let exact: Vec<usize> = (0..members.len())
        .filter(|&i| {
            let m = &members[i];
            let city = fold(&m.city);
            city == wanted
                || format!("{city}, {}", fold(&m.country)) == wanted
                || m.id == name.trim()
        })
        .collect();
    match exact.len() {
        1 => return Ok(exact[0]),
        n if n > 1 => return Err(ambiguous(engine, name, &exact)),
        _ => {}
    }
    // 1b. "city, country" with the country in any known spelling.
    if let Some(found) = qualified(engine, name)? {
        return Ok(found);
    }
    // 2. Fuzzy, through the same engine as `list --search`.
    let results = engine.run(&Query::text(name));
    let hits = &results.hits;
    match hits.len() {
        0 => Err(Error::NotFound(format!(
            "no city matches `{}`; try `gnlc list --search {}` or `gnlc list` for all {} members",
            sanitize_line(name),
            shell_word(name),
            members.len()
        ))),
        1 => Ok(hits[0].member),
        _ => {
            // Unambiguous when exactly one candidate contains the name as written (folded).
            let containing: Vec<usize> = hits
                .iter()
                .map(|h| h.member)
                .filter(|&i| fold(&members[i].city).contains(&wanted))
                .collect();
            if containing.len() == 1 {
                Ok(containing[0])
            } else if containing.is_empty() && hits[0].score > hits[1].score.saturating_mul(2) {
                Ok(hits[0].member)
            } else {
                let candidates: Vec<usize> = hits.iter().map(|h| h.member).collect();
                Err(ambiguous(engine, name, &candidates))
            }
        }
    }
}

/// "City, Country": the members named `City` whose country the qualifier names. `None` when
/// the text has no comma or no member is named `City` (then it is searched as a whole).
fn qualified(engine: &Engine, name: &str) -> Result<Option<usize>> {
    let members = &engine.dataset().members;
    let Some((city, qualifier)) = name.rsplit_once(',') else {
        return Ok(None);
    };
    let (written, qualifier) = (city.trim(), qualifier.trim());
    let city = fold(written);
    let named: Vec<usize> = (0..members.len())
        .filter(|&i| fold(&members[i].city) == city)
        .collect();
    if named.is_empty() || qualifier.is_empty() {
        return Ok(None);
    }
    let in_country: Vec<usize> =
        if let Some(country) = crate::model::countries::canonical(qualifier) {
            named
                .iter()
                .copied()
                .filter(|&i| members[i].country == country)
                .collect()
        } else {
            // Not a known spelling: a part of the country's name, if only one fits.
            let part = fold(qualifier);
            named
                .iter()
                .copied()
                .filter(|&i| fold(&members[i].country).contains(&part))
                .collect()
        };
    match in_country.len() {
        1 => Ok(Some(in_country[0])),
        0 => {
            let countries: Vec<String> = named
                .iter()
                .map(|&i| format!("\"{}\"", sanitize_line(&members[i].country)))
                .collect();
            Err(Error::NotFound(format!(
                "no city `{}` in a country `{}`; it is in {}: e.g. `gnlc show \"{}, {}\"`",
                sanitize_line(written),
                sanitize_line(qualifier),
                countries.join(", "),
                sanitize_line(&members[named[0]].city),
                sanitize_line(&members[named[0]].country),
            )))
        }
        _ => Err(ambiguous(engine, name, &in_country)),
    }
}

fn ambiguous(engine: &Engine, name: &str, candidates: &[usize]) -> Error {
    let mut listed: Vec<String> = candidates
        .iter()
        .take(MAX_CANDIDATES)
        .map(|&i| {
            let m = engine.member(i);
            format!("{}, {}", sanitize_line(&m.city), sanitize_line(&m.country))
        })
        .collect();
    if candidates.len() > MAX_CANDIDATES {
        listed.push(format!("and {} more", candidates.len() - MAX_CANDIDATES));
    }
    Error::NotFound(format!(
        "`{}` could mean several cities: {}; say which, e.g. `gnlc show \"{}\"`",
        sanitize_line(name),
        listed.join("; "),
        listed[0]
    ))
}

/// Quotes a word for a shell hint when it has spaces.
fn shell_word(s: &str) -> String {
    let s = sanitize_line(s);
    if s.contains(char::is_whitespace) {
        format!("\"{s}\"")
    } else {
        s.into_owned()
    }
}
