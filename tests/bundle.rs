//! The bundled dataset: `assets/gnlc.json` is exactly what `bundle::build()` makes of the
//! texts in `assets/`, its 12 listing profiles are exactly what `gnlc import` makes of the
//! saved page (up to the lists glued in lowercase, which `gnlc import` also rebuilds), and its
//! facts match the sources (expected values read from the seed texts and `assets/awards.tsv`
//! by hand, regions by UNESCO's grouping, not by continent).

use gnlc::bundle;
use gnlc::import::unglue::{self, GlueCount};
use gnlc::import::words::Vocabulary;
use gnlc::model::{self, Dataset, Member, Region, Section, load};
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
    // `gnlc import` also rebuilds the lists glued in lowercase; the bundle gets the same
    // rebuild here, which changes nothing once the bundle is built through it.
    let vocabulary = Vocabulary::from_texts(data.members.iter().flat_map(|b| {
        [&b.tagline, &b.summary, &b.vision, &b.challenges, &b.plan]
            .into_iter()
            .flatten()
            .map(String::as_str)
    }));
    let rebuilt = |text: Option<&str>| {
        text.map(|t| unglue::rebuild(t, &vocabulary, &mut GlueCount::default()))
    };
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
fn thirteen_members_with_their_countries_and_unesco_regions() {
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
    assert_eq!(data.members.len(), expected.len());
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
fn coordinates_from_coordinates_tsv() {
    let data = bundled();
    for m in &data.members {
        assert!(m.coordinates.is_some(), "{} has no coordinates", m.city);
    }
    let beijing = member(&data, "Beijing")
        .coordinates
        .unwrap_or_else(|| unreachable!());
    assert!((beijing.lat - 39.90).abs() < 1e-9 && (beijing.lon - 116.41).abs() < 1e-9);
    let villa = member(&data, "Villa María")
        .coordinates
        .unwrap_or_else(|| unreachable!());
    assert!((villa.lat + 32.41).abs() < 1e-9 && (villa.lon + 63.24).abs() < 1e-9);
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
    );
    for m in &data.members {
        assert!(
            m.source.as_deref().is_some_and(|s| !s.is_empty()),
            "{}",
            m.city
        );
    }
}

#[test]
fn every_bundled_member_has_an_inferred_cluster() {
    // The bundle states no clusters (the sources do not say them), so all are inferred.
    let data = bundled();
    for m in &data.members {
        assert!(!m.clusters.is_empty(), "{} has no cluster", m.city);
        assert_eq!(
            m.cluster_basis,
            gnlc::model::ClusterBasis::Inferred,
            "{}",
            m.city
        );
    }
}
