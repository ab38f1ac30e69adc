//! Loading a dataset: read, parse, resolve and validate, with errors that say where.
//!
//! Parsing goes through `serde_path_to_error`, so a wrong type names its path
//! (`members[3].tagline`) as well as the line and column `serde_json` reports. Semantic checks
//! (unknown region, duplicate member...) run after parsing, on the loose records of
//! [`super::schema`], and name the member by index and city; only when one fails is the text
//! scanned again for the line and column of the value ([`super::locate`]). Type errors are
//! worded for the field by [`super::wording`].

use super::schema::{DatasetRecord, MemberRecord};
use super::{Cluster, ClusterBasis, Dataset, Member, Region, SCHEMA_VERSION, clusters, countries};
use crate::error::{Error, Place, Result};
use std::collections::HashMap;

/// Reads and validates the dataset file at `path`.
///
/// A valid large file is read in blocks and parsed on every core ([`super::stream`]);
/// anything else (a small file, or one that path refuses) is read whole and loaded
/// sequentially, which says where the problem is.
pub fn from_path(path: &str) -> Result<Dataset> {
    // A regular file is streamed; anything the fast path cannot take whole (a pipe, or a
    // file with an error, whose message the sequential path words) is read and parsed as one.
    if let Some((file, size)) = super::read::regular_file(path)? {
        let size = usize::try_from(size).unwrap_or(usize::MAX);
        if super::stream::pays(size)
            && let Some(dataset) = super::stream::load(file, size, path)
        {
            return Ok(dataset);
        }
    }
    let bytes = super::read::bytes(path)?;
    sequential_from_bytes(&bytes, path)
}

/// Like [`from_path`], reading the file through `wrap(file)`; the wrapped reader comes back
/// when the whole file went through it and made the dataset (a large, valid, regular file:
/// the streaming path), `None` otherwise. The load cache hashes the bytes it parses so.
pub fn from_path_through<R: std::io::Read>(
    path: &str,
    wrap: impl FnOnce(std::fs::File) -> R,
) -> Result<(Dataset, Option<R>)> {
    if let Some((file, size)) = super::read::regular_file(path)? {
        let size = usize::try_from(size).unwrap_or(usize::MAX);
        if super::stream::pays(size) {
            let mut reader = wrap(file);
            if let Some(dataset) = super::stream::load(&mut reader, size, path) {
                return Ok((dataset, Some(reader)));
            }
        }
    }
    let bytes = super::read::bytes(path)?;
    sequential_from_bytes(&bytes, path).map(|dataset| (dataset, None))
}

/// Validates a dataset given as bytes; `name` is how errors refer to it.
pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Dataset> {
    if super::stream::pays(bytes.len())
        && let Some(dataset) = super::stream::load(bytes, bytes.len(), name)
    {
        return Ok(dataset);
    }
    sequential_from_bytes(bytes, name)
}

/// The sequential path: every check in file order, errors that name the place.
pub(super) fn sequential_from_bytes(bytes: &[u8], name: &str) -> Result<Dataset> {
    match std::str::from_utf8(bytes) {
        Ok(text) => sequential_from_str(text, name),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let line = valid.split(|&b| b == b'\n').count();
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            let place = Place {
                path: name.to_string(),
                line: Some(line),
                column: Some(column),
                ..Place::default()
            };
            Err(Error::data(
                place,
                format!(
                    "not valid UTF-8 (byte {}); save the file as UTF-8",
                    e.valid_up_to()
                ),
            ))
        }
    }
}

/// Validates a dataset given as text; `name` is how errors refer to it.
pub fn from_str(text: &str, name: &str) -> Result<Dataset> {
    if super::stream::pays(text.len())
        && let Some(dataset) = super::stream::load(text.as_bytes(), text.len(), name)
    {
        return Ok(dataset);
    }
    sequential_from_str(text, name)
}

fn sequential_from_str(text: &str, name: &str) -> Result<Dataset> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::data(
            Place {
                path: name.to_string(),
                ..Place::default()
            },
            "the file is empty; a dataset is a JSON object with a `members` array",
        ));
    }
    // serde would read a struct from a JSON array too (`[1, "x", []]`), giving a confusing
    // message about a field's type: say plainly that a dataset is an object.
    if let Some((offset, first)) = text.char_indices().find(|(_, c)| !c.is_whitespace())
        && first != '{'
    {
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        let column = before[line_start..].chars().count() + 1;
        return Err(Error::data(
            Place {
                path: name.to_string(),
                line: Some(line),
                column: Some(column),
                ..Place::default()
            },
            format!(
                "not a dataset: it starts with `{}`, but a dataset is a JSON object `{{...}}` with a `members` array",
                crate::text::sanitize_line(&first.to_string())
            ),
        ));
    }
    let raw = parse(text, name)?;
    resolve(raw, name).map_err(|e| super::locate::place_error(e, text))
}

fn parse(text: &str, name: &str) -> Result<DatasetRecord> {
    // The fast path: plain serde_json. Only a file that fails is parsed again with
    // serde_path_to_error, whose path tracking costs about a tenth of a large load.
    if let Ok(raw) = serde_json::from_str::<DatasetRecord>(text) {
        return Ok(raw);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let raw: DatasetRecord = match serde_path_to_error::deserialize(&mut de) {
        Ok(raw) => raw,
        Err(err) => return Err(parse_error(text, name, &err)),
    };
    if let Err(err) = de.end() {
        return Err(Error::data(
            Place {
                path: name.to_string(),
                line: Some(err.line()),
                column: Some(err.column()),
                ..Place::default()
            },
            format!("invalid JSON: {err}").replace(
                &format!(" at line {} column {}", err.line(), err.column()),
                "",
            ),
        ));
    }
    Ok(raw)
}

/// Turns a serde error into a one-line error naming the place: line and column always, and
/// the member and field when the path goes through `members[i]`.
fn parse_error(
    text: &str,
    name: &str,
    err: &serde_path_to_error::Error<serde_json::Error>,
) -> Error {
    let inner = err.inner();
    let mut place = Place {
        path: name.to_string(),
        line: Some(inner.line()),
        column: Some(inner.column()),
        ..Place::default()
    };
    let mut member_index = None;
    let mut field = Vec::new();
    let mut in_members = false;
    for segment in err.path() {
        use serde_path_to_error::Segment;
        match segment {
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if member_index.is_none() && field.is_empty() && key == "members" {
                    in_members = true;
                } else {
                    field.push(key.clone());
                }
            }
            Segment::Seq { index } => {
                if in_members && member_index.is_none() {
                    member_index = Some(*index);
                } else if let Some(last) = field.last_mut() {
                    use std::fmt::Write as _;
                    let _ = write!(last, "[{index}]");
                }
            }
            Segment::Unknown => {}
        }
    }
    // An error about a missing field points at the member object, so its path ends there.
    let mut message = inner.to_string();
    let suffix = format!(" at line {} column {}", inner.line(), inner.column());
    if let Some(stripped) = message.strip_suffix(&suffix) {
        message = stripped.to_string();
    }
    place.column = Some(super::locate::char_column(
        text,
        inner.line(),
        inner.column(),
    ));
    // serde_json reports a value of the wrong kind where an enum's name is due as a syntax
    // error ("expected value"), though the JSON is valid.
    let syntax = (inner.is_syntax() || inner.is_eof())
        && (field.is_empty() || serde_json::from_str::<serde::de::IgnoredAny>(text).is_err());
    if syntax {
        message = format!("invalid JSON: {message}");
    } else if let Some(index) = member_index {
        place.member = Some((index, city_of_member(text, index)));
        if let Some(missing) = message
            .strip_prefix("missing field `")
            .and_then(|m| m.strip_suffix('`'))
        {
            place.field = Some(missing.to_string());
            message = "required field is missing".to_string();
        } else if !field.is_empty() {
            place.field = Some(field.join("."));
        }
    } else if !field.is_empty() {
        place.field = Some(field.join("."));
    } else if in_members {
        // `"members": {}` and the like: the error is about the array itself.
        place.field = Some("members".to_string());
    }
    if !syntax {
        let number = super::wording::number_at(text, inner.line(), inner.column());
        message = super::wording::reword(&message, place.field.as_deref(), number);
    }
    // serde quotes the offending key or value (`unknown field `...``), which is data: it
    // must not bring a newline or an escape sequence into a message printed to a terminal.
    place.field = place
        .field
        .map(|f| crate::text::sanitize_line(&f).into_owned());
    Error::data(place, crate::text::sanitize_line(&message))
}

/// Best effort: the `city` of member `index`, read leniently, for naming it in an error.
fn city_of_member(text: &str, index: usize) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let city = value.get("members")?.get(index)?.get("city")?.as_str()?;
    Some(city.to_string())
}

fn member_place(name: &str, index: usize, city: &str, field: Option<&str>) -> Place {
    // A blank city names nothing: say only the index.
    let city = (!city.trim().is_empty()).then(|| city.to_string());
    Place {
        path: name.to_string(),
        member: Some((index, city)),
        field: field.map(str::to_string),
        ..Place::default()
    }
}

/// Validates a dataset already read into records (built by a program rather than parsed);
/// `name` is how errors refer to it.
pub fn from_record(raw: DatasetRecord, name: &str) -> Result<Dataset> {
    resolve(raw, name)
}

fn resolve(raw: DatasetRecord, name: &str) -> Result<Dataset> {
    let schema_version = raw.schema_version.unwrap_or(SCHEMA_VERSION);
    if schema_version > SCHEMA_VERSION {
        return Err(Error::data(
            Place {
                path: name.to_string(),
                field: Some("schema_version".into()),
                ..Place::default()
            },
            format!(
                "schema version {schema_version} is newer than this gnlc understands ({SCHEMA_VERSION}); upgrade gnlc"
            ),
        ));
    }
    let mut resolved = resolve_members(raw.members, name);
    // The first problem in member order, as a sequential load would find it: a member that
    // does not resolve, or one whose id an earlier member has.
    let mut problem = None;
    {
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(resolved.len());
        for (index, member) in resolved.iter().enumerate() {
            match member {
                Err(_) => problem = Some((index, None)),
                Ok(member) => {
                    if let Some(first) = seen.insert(member.id.as_str(), index) {
                        problem = Some((index, Some(first)));
                    }
                }
            }
            if problem.is_some() {
                break;
            }
        }
    }
    match problem {
        Some((index, None)) => {
            resolved.swap_remove(index)?;
        }
        Some((index, Some(first))) => {
            if let Ok(member) = &resolved[index] {
                return Err(Error::data(
                    member_place(name, index, &member.city, Some("id")),
                    format!(
                        "duplicate member `{}`: member {first} has the same id (give one of them another `id`)",
                        crate::text::sanitize_line(&member.id)
                    ),
                ));
            }
        }
        None => {}
    }
    let members: Vec<Member> = resolved.into_iter().filter_map(Result::ok).collect();
    Ok(Dataset {
        schema_version,
        source: raw.source.unwrap_or_default(),
        announced: raw.announced,
        members,
    })
}

/// Members resolved (and their clusters inferred) on every core for a large dataset: the
/// inference reads all the profile text, a third of a 100k-member load. Results stay in order.
fn resolve_members(raw: Vec<MemberRecord>, name: &str) -> Vec<Result<Member>> {
    const PARALLEL_FROM: usize = 4096;
    // Asked only for a large dataset: it reads the cgroup files, a system call or five.
    let threads = if raw.len() < PARALLEL_FROM {
        1
    } else {
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
    };
    if threads < 2 {
        return raw
            .into_iter()
            .enumerate()
            .map(|(index, m)| resolve_member(m, index, name))
            .collect();
    }
    let chunk = raw.len().div_ceil(threads);
    let mut chunks: Vec<(usize, Vec<MemberRecord>)> = Vec::with_capacity(threads);
    let mut rest = raw;
    let mut offset = 0;
    while !rest.is_empty() {
        let tail = rest.split_off(chunk.min(rest.len()));
        let len = rest.len();
        chunks.push((offset, rest));
        offset += len;
        rest = tail;
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|(offset, part)| {
                scope.spawn(move || {
                    part.into_iter()
                        .enumerate()
                        .map(|(i, m)| resolve_member(m, offset + i, name))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// The region whose name is exactly `name`.
fn exact_region(name: &str) -> Option<Region> {
    Region::ALL.into_iter().find(|r| r.name() == name)
}

/// True when the member has any of the profile text that clusters are inferred from.
fn has_profile_text(member: &Member) -> bool {
    [
        &member.tagline,
        &member.summary,
        &member.vision,
        &member.challenges,
        &member.plan,
    ]
    .into_iter()
    .any(Option::is_some)
}

/// Turns an empty or blank optional text into `None`.
fn non_blank(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}

/// A field that qualifies another is refused without it: a basis needs its year, a point's
/// description needs the point.
fn check_qualifiers(member: &Member, place: impl Fn(&str) -> Place) -> Result<()> {
    if member.joined_basis.is_some() && member.joined.is_none() {
        return Err(Error::data(
            place("joined_basis"),
            "`joined_basis` says what the `joined` year means, but there is no `joined` year",
        ));
    }
    if member.coordinates_of.is_some() && member.coordinates.is_none() {
        return Err(Error::data(
            place("coordinates_of"),
            "`coordinates_of` says what the coordinates are the point of, but there are no `coordinates`",
        ));
    }
    Ok(())
}

/// The member's region: the `region` field when given, else the known country's.
fn member_region(
    given: Option<&str>,
    known: Option<(&str, Region)>,
    raw_country: &str,
    place: &dyn Fn(&str) -> Place,
) -> Result<Region> {
    match given {
        // The name as written by `gnlc list --format json` first: `Region::parse` folds and
        // allocates for each of the five names.
        Some(r) => exact_region(r).or_else(|| Region::parse(r)).ok_or_else(|| {
            Error::data(
                place("region"),
                format!(
                    "unknown region `{}`; the regions are: {}",
                    crate::text::sanitize_line(r),
                    Region::ALL.map(Region::name).join(", ")
                ),
            )
        }),
        None => known.map(|(_, r)| r).ok_or_else(|| {
            Error::data(
                place("country"),
                format!(
                    "unknown country `{}`, so its UNESCO region is unknown; add a `region` field",
                    crate::text::sanitize_line(raw_country)
                ),
            )
        }),
    }
}

pub(super) fn resolve_member(raw: MemberRecord, index: usize, name: &str) -> Result<Member> {
    let city = raw.city.trim().to_string();
    if city.is_empty() {
        return Err(Error::data(
            member_place(name, index, &raw.city, Some("city")),
            "the city name is empty",
        ));
    }
    let city_for_errors = city.clone();
    let place = |field: &str| member_place(name, index, &city_for_errors, Some(field));
    let raw_country = raw.country.trim();
    if raw_country.is_empty() {
        return Err(Error::data(place("country"), "the country is empty"));
    }
    let known = countries::lookup(raw_country);
    let country = known.map_or_else(|| raw_country.to_string(), |(c, _)| c.to_string());
    let region = member_region(raw.region.as_deref(), known, raw_country, &place)?;
    let id = match non_blank(raw.id) {
        Some(id) => id.trim().to_string(),
        None => Member::derive_id(&city, &country),
    };
    let mut member = Member {
        id,
        city,
        country,
        region,
        clusters: Vec::new(),
        cluster_basis: ClusterBasis::Stated,
        joined: raw.joined,
        joined_basis: raw.joined_basis,
        tagline: non_blank(raw.tagline),
        summary: non_blank(raw.summary),
        vision: non_blank(raw.vision),
        challenges: non_blank(raw.challenges),
        plan: non_blank(raw.plan),
        awards: raw.awards,
        coordinates: raw.coordinates,
        coordinates_of: raw.coordinates_of,
        source: non_blank(raw.source),
        sources: raw
            .sources
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect(),
    };
    check_qualifiers(&member, place)?;
    if let Some(stated) = raw.clusters {
        {
            for value in &stated {
                // Fast path: the id as written by `gnlc list --format json` (the full parse
                // folds and allocates per candidate name, a sixth of loading 100k members).
                let exact = Cluster::ALL.into_iter().find(|c| c.id() == value);
                let cluster = exact.or_else(|| Cluster::parse(value)).ok_or_else(|| {
                    Error::data(
                        place("clusters"),
                        format!(
                            "unknown cluster `{}`; the clusters are: {}",
                            crate::text::sanitize_line(value),
                            Cluster::ALL.map(Cluster::id).join(", ")
                        ),
                    )
                })?;
                if !member.clusters.contains(&cluster) {
                    member.clusters.push(cluster);
                }
            }
            member.clusters.sort_unstable();
            member.cluster_basis = raw.cluster_basis.unwrap_or(ClusterBasis::Stated);
        }
    } else {
        // Without profile text there is nothing to infer from (and the lexicon need not
        // be built for a dataset that is only a directory).
        if has_profile_text(&member) {
            member.clusters = clusters::infer_for(&member);
        }
        member.cluster_basis = ClusterBasis::Inferred;
    }
    if let Some(c) = member.coordinates
        && (!(-90.0..=90.0).contains(&c.lat) || !(-180.0..=180.0).contains(&c.lon))
    {
        return Err(Error::data(
            place("coordinates"),
            format!("latitude {} / longitude {} is off the globe", c.lat, c.lon),
        ));
    }
    Ok(member)
}
