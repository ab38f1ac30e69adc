//! The bundled dataset: `assets/gnlc.json` is exactly what `bundle::build()` makes of the
//! sources in `assets/`, every row of the membership directory `assets/members.tsv` is in it
//! (the TSV is read here on its own, not through the builder), its 12 listing profiles are
//! exactly what `gnlc import` makes of the saved page (lists glued in lowercase included, which
//! both rebuild), and its facts match the sources (expected values read from the source texts
//! and `assets/awards.tsv` by hand, regions by UNESCO's grouping, not by continent).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

use gnlc::bundle;
use gnlc::model::{self, CoordinatesOf, Dataset, JoinedBasis, Member, Region, Section, load};
use std::path::{Path, PathBuf};

fn asset(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(name)
}

fn bundled() -> Dataset {
    Dataset::bundled()
}

fn member<'a>(data: &'a Dataset, city: &str) -> &'a Member {
    data.members
        .iter()
        .find(|m| m.city == city)
        .unwrap_or_else(|| panic!("{city} is not bundled"))
}

const SEED_CITIES: [&str; 12] = [
    "Beijing",
    "Villa María",
    "Contagem",
    "Sønderborg",
    "Hangzhou",
    "Chengdu",
    "Shenzhen",
    "Dilijan",
    "Plovdiv",
    "Espoo",
    "Namyangju",
    "Cork",
];

#[test]
fn committed_bundle_is_the_output_of_build() {
    let built = bundle::build().expect("the bundle builds");
    let committed = std::fs::read_to_string(asset("gnlc.json")).expect("assets/gnlc.json");
    assert!(
        committed == built,
        "assets/gnlc.json is stale: run `cargo run --example build_bundle`"
    );
    assert_eq!(model::BUNDLED_JSON, built);
}

#[test]
fn reimporting_the_listing_gives_the_bundled_profiles() {
    let listing = asset("unesco-learning-cities-listing-2021-11-10.txt");
    let mut out = Vec::new();
    let mut err = Vec::new();
    let summary = gnlc::import::run(&[listing], None, false, &mut out, &mut err)
        .expect("the bundled listing imports");
    assert_eq!(summary.imported, 12);
    assert_eq!(summary.problems, 0, "{}", String::from_utf8_lossy(&err));
    let imported = load::from_bytes(&out, "import").expect("import output loads");
    let data = bundled();
    assert_eq!(imported.members.len(), 12);
    // Both rebuild the lists glued in lowercase the same way, so the texts are equal.
    let rebuilt = |text: Option<&str>| text.map(str::to_string);
    for m in &imported.members {
        let b = member(&data, &m.city);
        assert_eq!(
            (&b.country, b.region, &b.tagline),
            (&m.country, m.region, &m.tagline),
            "{}",
            m.city
        );
        assert_eq!(
            rebuilt(b.summary.as_deref()),
            m.summary,
            "{} summary",
            m.city
        );
        for s in Section::ALL {
            assert_eq!(
                rebuilt(b.section(s)).as_deref(),
                m.section(s),
                "{} {:?}",
                m.city,
                s
            );
        }
    }
}

#[test]
fn the_thirteen_profiled_members_with_their_countries_and_unesco_regions() {
    use Region::{AsiaPacific as AP, EuropeNorthAmerica as EU, LatinAmericaCaribbean as LA};
    let expected = [
        ("Beijing", "China", AP),
        ("Villa María", "Argentina", LA),
        ("Contagem", "Brazil", LA),
        ("Sønderborg", "Denmark", EU),
        ("Hangzhou", "China", AP),
        ("Chengdu", "China", AP),
        ("Shenzhen", "China", AP),
        ("Dilijan", "Armenia", EU),
        ("Plovdiv", "Bulgaria", EU),
        ("Espoo", "Finland", EU),
        ("Namyangju", "Republic of Korea", AP),
        ("Cork", "Ireland", EU),
        ("Chisinau", "Republic of Moldova", EU),
    ];
    let data = bundled();
    for (city, country, region) in expected {
        let m = member(&data, city);
        assert_eq!((m.country.as_str(), m.region), (country, region), "{city}");
    }
}

#[test]
fn taglines_as_the_listing_gives_them() {
    // Read off the seed: the text before the first lowercase letter glued to a capital.
    let expected = [
        (
            "Beijing",
            "Capital of Learning for comprehensive development",
        ),
        (
            "Villa María",
            "Gender equality and universal literacy rates",
        ),
        (
            "Contagem",
            "Education for All to Overcome Social Vulnerability",
        ),
        (
            "Sønderborg",
            "Sustainable development and the 41742 way of thinking",
        ),
        ("Hangzhou", "Innovation alongside antiquity and prosperity"),
        ("Chengdu", "Leading the development of a learning city plan"),
        (
            "Shenzhen",
            "Establishing a learning network within the city",
        ),
        (
            "Dilijan",
            "Transforming into an Educational and Cultural Centre",
        ),
        ("Plovdiv", "Promoting the principles of lifelong learning"),
        ("Espoo", "Creating the Espoo Story Together"),
        (
            "Namyangju",
            "Learning lighthouses only a tenminute walk to happiness",
        ),
        (
            "Cork",
            "A firm commitment to create learning opportunities for all",
        ),
    ];
    let data = bundled();
    for (city, tagline) in expected {
        assert_eq!(
            member(&data, city).tagline.as_deref(),
            Some(tagline),
            "{city}"
        );
    }
}

/// Heading text in any spelling the listing uses.
const HEADINGS: [&str; 9] = [
    "vision and motivation",
    "vision motivation",
    "challenges and goals",
    "challenges areas of support",
    "plan and implementation",
    "challenges and areas",
    "vision &",
    "challenges &",
    "plan &",
];

#[test]
fn every_seed_profile_has_three_sections_without_headings_inside() {
    let data = bundled();
    for city in SEED_CITIES {
        let m = member(&data, city);
        assert!(
            m.summary.as_deref().is_some_and(|s| !s.is_empty()),
            "{city} summary"
        );
        let mut texts = vec![m.tagline.as_deref(), m.summary.as_deref()];
        for s in Section::ALL {
            let text = m
                .section(s)
                .unwrap_or_else(|| panic!("{city} has no {s:?}"));
            assert!(
                text.split_whitespace().count() >= 10,
                "{city} {s:?} is too short"
            );
            texts.push(Some(text));
        }
        for text in texts.into_iter().flatten() {
            let lower = text.to_lowercase();
            for heading in HEADINGS {
                assert!(
                    !lower.contains(heading),
                    "{city}: `{heading}` left in {text:?}"
                );
            }
        }
    }
}

#[test]
fn sections_start_and_end_where_the_listing_puts_them() {
    let data = bundled();
    let beijing = member(&data, "Beijing");
    assert!(
        beijing
            .vision
            .as_deref()
            .is_some_and(|v| v.starts_with("The overall objective")
                && v.ends_with("with an innovative and dynamic spirit"))
    );
    assert!(
        beijing
            .challenges
            .as_deref()
            .is_some_and(|c| c.starts_with("By joining the GNLC Beijing")
                && c.ends_with("managing its huge population"))
    );
    assert!(beijing.plan.as_deref().is_some_and(
        |p| p.starts_with("Constructing a modern") && p.ends_with("and its members today")
    ));
    assert_eq!(
        beijing.summary.as_deref(),
        Some(
            "As the Chinese national capital Beijing officially launched its learning city agenda in 1999 to promote innovation sustainability and inclusiveness"
        )
    );
    let contagem = member(&data, "Contagem");
    assert!(
        contagem
            .vision
            .as_deref()
            .is_some_and(|v| v.starts_with("Contagem wants to improve"))
    );
    assert!(
        contagem
            .plan
            .as_deref()
            .is_some_and(|p| p.starts_with("Contagem is implementing"))
    );
}

#[test]
fn glued_lists_are_rebuilt_and_names_kept_whole() {
    let data = bundled();
    let challenges = member(&data, "Villa María")
        .challenges
        .clone()
        .unwrap_or_default();
    assert!(challenges.ends_with(
        "in the following areas\n- Adult illiteracy\n- Childcare\n- Inclusive learning\n- Learning in families and communities\n- Sustainability"
    ), "{challenges}");
    let words = [
        ("Sønderborg", "ProjectZero"),
        ("Sønderborg", "PhD"),
        ("Sønderborg", "CO2"),
        ("Chengdu", "InternetPlus"),
        ("Cork", "EcCoWell"),
        ("Cork", "GLLiC"),
    ];
    for (city, word) in words {
        let m = member(&data, city);
        let all: String = Section::ALL
            .iter()
            .filter_map(|s| m.section(*s))
            .collect::<Vec<_>>()
            .join("\n");
        // A split would put a line break (and "- ") inside the word.
        assert!(all.contains(word), "{city}: {word} was split");
    }
    // Every list item is a whole line starting with "- ".
    for m in &data.members {
        for s in Section::ALL {
            for line in m.section(s).unwrap_or_default().lines() {
                assert!(
                    !line.trim().is_empty() && line == line.trim(),
                    "{}: {line:?}",
                    m.city
                );
            }
        }
    }
}

#[test]
fn award_years_from_awards_tsv() {
    // Checked by hand against assets/awards.tsv: nine of the twelve seed cities won.
    let expected: [(&str, &[u16]); 13] = [
        ("Beijing", &[2015]),
        ("Villa María", &[2017]),
        ("Contagem", &[2017]),
        ("Sønderborg", &[2019]),
        ("Hangzhou", &[2017]),
        ("Chengdu", &[2019]),
        ("Shenzhen", &[]),
        ("Dilijan", &[]),
        ("Plovdiv", &[]),
        ("Espoo", &[2015]),
        ("Namyangju", &[2015]),
        ("Cork", &[2015, 2024]),
        ("Chisinau", &[]),
    ];
    let data = bundled();
    for (city, years) in expected {
        let m = member(&data, city);
        let got: Vec<u16> = m.awards.iter().map(|a| a.year).collect();
        assert_eq!(got, years, "{city}");
        assert!(
            m.awards
                .iter()
                .all(|a| a.source.as_deref().is_some_and(|s| !s.is_empty()))
        );
    }
    let winners = SEED_CITIES
        .iter()
        .filter(|c| !member(&data, c).awards.is_empty())
        .count();
    assert_eq!(winners, 9);
}

#[test]
fn chisinau_quotes_the_news_item_and_has_no_sections() {
    let data = bundled();
    let m = member(&data, "Chisinau");
    assert_eq!(m.joined, Some(2020));
    assert!(m.has_no_sections());
    assert!(m.tagline.is_none());
    let news = std::fs::read_to_string(asset("chisinau-news-2020.txt")).expect("news item");
    let summary = m.summary.as_deref().unwrap_or_default();
    assert!(!summary.is_empty());
    for line in summary.lines() {
        assert!(news.contains(line), "not in the news item: {line}");
    }
    assert!(
        m.source
            .as_deref()
            .is_some_and(|s| s.contains("Municipality of Chisinau"))
    );
}

#[test]
fn every_member_says_where_it_comes_from() {
    let data = bundled();
    assert!(
        data.source
            .contains("unesco-learning-cities-listing-2021-11-10.txt")
            && data.source.contains("GeoNames")
    );
    for m in &data.members {
        assert!(
            !m.sources.is_empty() && m.sources.iter().all(|s| !s.trim().is_empty()),
            "{}",
            m.city
        );
    }
    for city in SEED_CITIES.iter().chain(&["Chisinau"]) {
        let m = member(&data, city);
        assert!(m.source.as_deref().is_some_and(|s| !s.is_empty()), "{city}");
    }
}

#[test]
fn clusters_are_inferred_and_only_profiled_members_have_any() {
    // The bundle states no clusters (the sources do not say them), so all are inferred, and a
    // member without profile text has nothing to infer them from.
    let data = bundled();
    for m in &data.members {
        assert_eq!(
            m.cluster_basis,
            gnlc::model::ClusterBasis::Inferred,
            "{}",
            m.city
        );
        let has_text = m.summary.is_some() || m.tagline.is_some() || !m.has_no_sections();
        assert_eq!(!m.clusters.is_empty(), has_text, "{}", m.city);
    }
    for city in SEED_CITIES {
        assert!(!member(&data, city).clusters.is_empty(), "{city}");
    }
}

/// One row of `assets/members.tsv`, read here without the builder.
struct Row {
    city: String,
    country: String,
    region: String,
    joined: u16,
    basis: String,
    coordinates: Option<(f64, f64)>,
    coordinates_of: String,
    source: String,
}

fn directory_rows() -> Vec<Row> {
    let text = std::fs::read_to_string(asset("members.tsv")).expect("assets/members.tsv");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("city\tcountry\tregion\tjoined\tyear_basis\tlat\tlon\tcoordinates_of\tsource")
    );
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 9, "{l}");
            Row {
                city: f[0].into(),
                country: f[1].into(),
                region: f[2].into(),
                joined: f[3].parse().expect("a year"),
                basis: f[4].into(),
                coordinates: (!f[5].is_empty())
                    .then(|| (f[5].parse().expect("lat"), f[6].parse().expect("lon"))),
                coordinates_of: f[7].into(),
                source: f[8].into(),
            }
        })
        .collect()
}

#[test]
fn every_directory_row_is_a_member_with_its_facts() {
    let rows = directory_rows();
    assert_eq!(rows.len(), 349, "the directory holds 349 member cities");
    let data = bundled();
    assert_eq!(
        data.members.len(),
        rows.len(),
        "one member per row, no more"
    );
    for row in &rows {
        let id = Member::derive_id(&row.city, &row.country);
        let m = data
            .members
            .iter()
            .find(|m| m.id == id)
            .unwrap_or_else(|| panic!("{} ({}) is not bundled", row.city, row.country));
        let what = format!("{} ({})", row.city, row.country);
        assert_eq!(m.country, row.country, "{what}");
        assert_eq!(m.region.name(), row.region, "{what}");
        assert_eq!(m.joined, Some(row.joined), "{what}");
        let basis = match row.basis.as_str() {
            "joined" => JoinedBasis::Joined,
            "member_by" => JoinedBasis::MemberBy,
            other => panic!("{what}: basis {other}"),
        };
        assert_eq!(m.joined_basis, Some(basis), "{what}");
        if let Some((lat, lon)) = row.coordinates {
            let c = m
                .coordinates
                .unwrap_or_else(|| panic!("{what}: no coordinates"));
            assert!(
                (c.lat - lat).abs() < 1e-9 && (c.lon - lon).abs() < 1e-9,
                "{what}"
            );
            let of = match row.coordinates_of.as_str() {
                "city" => CoordinatesOf::City,
                "parent" => CoordinatesOf::Parent,
                other => panic!("{what}: coordinates_of {other}"),
            };
            assert_eq!(m.coordinates_of, Some(of), "{what}");
        } else {
            assert_eq!(m.coordinates, None, "{what}");
            assert_eq!(m.coordinates_of, None, "{what}");
        }
        assert!(m.sources.contains(&row.source), "{what}");
    }
}

#[test]
fn directory_counts_as_the_data_notes_give_them() {
    // The directory's documentation: 41 members the gazetteer cannot place, 5 districts placed
    // at their parent city, and the network's own count kept as data.
    let data = bundled();
    let unplaced = data
        .members
        .iter()
        .filter(|m| m.coordinates.is_none())
        .count();
    assert_eq!(unplaced, 41);
    let at_parent = data
        .members
        .iter()
        .filter(|m| m.coordinates_of == Some(CoordinatesOf::Parent))
        .count();
    assert_eq!(at_parent, 5);
    let announced = data
        .announced
        .as_ref()
        .expect("the announced size is bundled");
    assert_eq!(
        (
            announced.members,
            announced.countries,
            announced.as_of.as_str()
        ),
        (425, 91, "December 2025")
    );
}

#[test]
fn chisinau_is_one_member_with_the_profile_name_and_the_directory_facts() {
    let data = bundled();
    let all: Vec<&Member> = data
        .members
        .iter()
        .filter(|m| m.id == "chisinau-republic-of-moldova")
        .collect();
    assert_eq!(all.len(), 1);
    let m = all[0];
    assert_eq!(m.city, "Chisinau", "the profile's spelling wins");
    assert!(data.members.iter().all(|m| m.city != "Chișinău"));
    assert_eq!(
        (m.joined, m.joined_basis),
        (Some(2020), Some(JoinedBasis::Joined))
    );
    assert_eq!(
        m.sources,
        ["http://kazan-news.net/other/2020/09/23/267195.html"]
    );
    assert_eq!(m.coordinates_of, Some(CoordinatesOf::City));
    let c = m.coordinates.expect("Chișinău is in the gazetteer");
    assert!((c.lat - 47.01).abs() < 1e-9 && (c.lon - 28.86).abs() < 1e-9);
    assert!(m.summary.is_some() && m.source.is_some());
}

#[test]
fn profiles_keep_the_directory_year_and_coordinates() {
    // members.tsv: Cork was a member by 2016; Shenzhen by 2021; Sønderborg joined in 2016.
    let data = bundled();
    let facts = [
        ("Cork", 2016, JoinedBasis::MemberBy, (51.90, -8.47)),
        ("Shenzhen", 2021, JoinedBasis::MemberBy, (22.55, 114.07)),
        ("Sønderborg", 2016, JoinedBasis::Joined, (54.91, 9.79)),
    ];
    for (city, year, basis, (lat, lon)) in facts {
        let m = member(&data, city);
        assert_eq!(
            (m.joined, m.joined_basis),
            (Some(year), Some(basis)),
            "{city}"
        );
        let c = m.coordinates.unwrap_or_else(|| panic!("{city}"));
        assert!(
            (c.lat - lat).abs() < 1e-9 && (c.lon - lon).abs() < 1e-9,
            "{city}"
        );
        assert!(m.vision.is_some(), "{city} keeps its profile text");
    }
}

#[test]
fn awards_attach_to_directory_members_without_a_profile() {
    // Rows of awards.tsv for cities that have no profile; N'Zérékoré is written with a straight
    // apostrophe there and a typographic one in members.tsv, and the award's Santiago is the
    // directory's "Santiago (Nuevo León)".
    let data = bundled();
    let expected: [(&str, &[u16]); 4] = [
        ("Melton", &[2015]),
        ("Bahir Dar", &[2015]),
        ("N’Zérékoré", &[2017]),
        ("Santiago (Nuevo León)", &[2019]),
    ];
    for (city, years) in expected {
        let m = member(&data, city);
        assert!(
            m.summary.is_none() && m.source.is_none(),
            "{city} has no profile"
        );
        let got: Vec<u16> = m.awards.iter().map(|a| a.year).collect();
        assert_eq!(got, years, "{city}");
    }
    // Every row of awards.tsv is attached to exactly one member.
    let text = std::fs::read_to_string(asset("awards.tsv")).expect("awards.tsv");
    let rows = text.lines().skip(1).filter(|l| !l.is_empty()).count();
    let attached: usize = data.members.iter().map(|m| m.awards.len()).sum();
    assert_eq!(attached, rows);
}
