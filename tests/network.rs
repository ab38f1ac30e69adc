//! The whole network as a user meets it: "member by" years worded as such everywhere, members
//! without profile text shown with what is known and counted as such (never as "in no
//! cluster"), the coverage line, `show "City, Country"` through the alias table, and `--data`
//! given several times (with `bundled`).
//!
//! Expected values come from the sources in `assets/`: the membership directory `members.tsv`
//! (349 rows; a `year_basis` column of `joined` or `member_by`; Cork a member by 2016, Porto
//! Novo joined 2025 at 6.50, 2.60) of which 13 have bundled profile text (the 12 of the saved
//! listing page and Chisinau's news item), and the network's announcement of 425 members by
//! December 2025.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use gnlc::app::{Action, App, Pane};
use gnlc::facet::{Absent, CLUSTER, JOINED, Value};
use gnlc::model::{Dataset, JoinedBasis, load};
use gnlc::profile::{self, Block, Document, Extent, NO_PROFILE_TEXT, NO_SECTIONS};
use gnlc::query::{Engine, Query};
use gnlc::ui::Explorer;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::process::{Command, Output, Stdio};

const PROFILED: usize = 13;

/// The directory's rows: (city, country, joined year, year basis).
fn directory() -> Vec<(String, String, u16, String)> {
    include_str!("../assets/members.tsv")
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (
                f[0].to_string(),
                f[1].to_string(),
                f[3].parse().expect("a year"),
                f[4].to_string(),
            )
        })
        .collect()
}

fn gnlc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gnlc"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("the gnlc binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8")
}

fn bundled_member(city: &str) -> gnlc::model::Member {
    Dataset::bundled()
        .members
        .into_iter()
        .find(|m| m.city == city)
        .expect("in the bundle")
}

fn screen(app: &mut Explorer, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal.draw(|frame| app.draw(frame)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn bundled_app() -> Explorer {
    Explorer::new(App::new(Engine::new(Dataset::bundled()), Query::default()))
}

fn focus(app: &mut Explorer, pane: Pane) {
    for _ in 0..10 {
        if app.focus == pane {
            return;
        }
        app.update(Action::FocusNext);
    }
    panic!("no pane {pane:?}");
}

fn search(app: &mut Explorer, text: &str) {
    app.update(Action::SearchStart);
    for c in text.chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::SearchLeave);
}

// ------------------------------------------------------------------ joined_basis, worded

#[test]
fn a_member_by_year_is_never_called_a_joining_year() {
    // Cork: member_by 2016 in the directory; Porto Novo: joined 2025.
    let cork = bundled_member("Cork");
    assert_eq!(cork.joined_basis, Some(JoinedBasis::MemberBy));
    assert_eq!(profile::joined(&cork).as_deref(), Some("member by 2016"));
    assert_eq!(profile::joined_short(&cork).as_deref(), Some("by 2016"));
    let porto = bundled_member("Porto Novo");
    assert_eq!(profile::joined(&porto).as_deref(), Some("2025"));
    for extent in [Extent::Full, Extent::Preview] {
        let doc = Document::with_extent(&cork, extent, |s| s);
        assert!(
            doc.blocks.contains(&Block::Field {
                label: "Joined:",
                value: "member by 2016".into()
            }),
            "{extent:?}"
        );
    }
    // `show`, as text.
    let out = gnlc(&["show", "cork"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Joined:   member by 2016"), "{text}");
    assert!(!text.contains("Joined:   2016"), "{text}");
}

#[test]
fn the_list_preview_and_detail_say_member_by() {
    let mut app = bundled_app();
    search(&mut app, "cork");
    let wide = screen(&mut app, 160, 45);
    // The list row (room for the year column) and the preview.
    let row = wide
        .lines()
        .find(|l| l.contains("› Cork"))
        .unwrap_or_else(|| panic!("Cork's row:\n{wide}"));
    assert!(row.contains("by 2016"), "{row}");
    assert!(wide.contains("Joined: member by 2016"), "{wide}");
    app.update(Action::Open);
    let detail = screen(&mut app, 100, 30);
    assert!(detail.contains("Joined: member by 2016"), "{detail}");
    assert!(!detail.contains("Joined: 2016"), "{detail}");
}

#[test]
fn the_joined_pane_says_its_counts_include_member_by_years() {
    let mut app = bundled_app();
    let text = screen(&mut app, 160, 45);
    assert!(
        text.contains("counts include \"member by\" years"),
        "{text}"
    );
    // The fixture gives no basis: no legend.
    let mut fixture = common::app();
    let text = screen(&mut fixture, 160, 45);
    assert!(!text.contains("member by"), "{text}");
    // Narrow: on the pane's header line.
    let mut app = bundled_app();
    focus(&mut app, Pane::Facet(JOINED));
    let text = screen(&mut app, 60, 20);
    assert!(text.contains("Joined or member by"), "{text}");
}

// ----------------------------------------------------------- members without profile text

#[test]
fn a_member_without_text_shows_what_is_known_and_says_why_there_is_no_more() {
    let porto = bundled_member("Porto Novo");
    assert!(!porto.has_profile_text());
    let doc = Document::build(&porto);
    let fields: Vec<(&str, String)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Field { label, value } => Some((*label, value.to_string())),
            _ => None,
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("Country:", "Benin".to_string()),
            ("Region:", "Africa".to_string()),
            ("Awards:", "none".to_string()),
            ("Joined:", "2025".to_string()),
            ("Location:", "6.50° N, 2.60° E".to_string()),
            ("Sources:", "1 public page names it a member".to_string()),
        ]
    );
    assert!(doc.blocks.contains(&Block::Note(NO_PROFILE_TEXT.into())));
    assert!(!doc.blocks.contains(&Block::Note(NO_SECTIONS.into())));
    assert!(doc.blocks.contains(&Block::Bullet(
        "https://www.miragenews.com/72-cities-join-unescos-global-learning-network-1583685"
    )));
    // Chisinau has a summary: it is profiled, and only lacks the sections.
    let chisinau = bundled_member("Chisinau");
    let chisinau = Document::build(&chisinau);
    assert!(chisinau.blocks.contains(&Block::Note(NO_SECTIONS.into())));
    assert!(
        !chisinau
            .blocks
            .contains(&Block::Note(NO_PROFILE_TEXT.into()))
    );
}

#[test]
fn a_district_is_placed_at_its_parent_city() {
    let member = bundled_member("Nam-gu (Ulsan)");
    assert_eq!(
        profile::coordinates(&member).as_deref(),
        Some("35.54° N, 129.32° E (placed at its parent city)")
    );
    let out = gnlc(&["show", "Nam-gu (Ulsan)"]);
    let text = stdout(&out);
    assert!(text.contains("placed at its parent city"), "{text}");
    assert!(text.contains("Joined:   member by 2023"), "{text}");
}

#[test]
fn the_preview_and_detail_of_porto_novo_say_no_profile_text_is_bundled() {
    let mut app = bundled_app();
    search(&mut app, "porto novo");
    let wide = screen(&mut app, 160, 45);
    assert!(
        wide.contains("No profile text is bundled for this city"),
        "{wide}"
    );
    assert!(wide.contains("Location: 6.50° N, 2.60° E"), "{wide}");
    app.update(Action::Open);
    for (w, h) in [(160, 45), (100, 30), (80, 24)] {
        let detail = screen(&mut app, w, h);
        // The whole note, however it wraps.
        let flat: Vec<&str> = detail
            .split(|c: char| c.is_whitespace() || c == '┃')
            .filter(|w| !w.is_empty())
            .collect();
        let note: Vec<&str> = NO_PROFILE_TEXT.split_whitespace().collect();
        assert!(
            flat.windows(note.len()).any(|w| w == note.as_slice()),
            "{w}x{h}\n{detail}"
        );
        assert!(detail.contains("Region: Africa"), "{w}x{h}\n{detail}");
        assert!(!detail.contains("Clusters:"), "{w}x{h}\n{detail}");
    }
}

#[test]
fn members_without_text_are_counted_as_such_not_as_in_no_cluster() {
    let engine = Engine::new(Dataset::bundled());
    let absent = Value::Absent(Absent::ProfileText);
    let all = engine.run(&Query::default());
    let clusters = all.facets.of(&CLUSTER);
    // Listed last, with every directory member that has no bundled text.
    assert_eq!(clusters.last(), Some(&(absent.clone(), 349 - PROFILED)));
    assert_eq!(clusters.len(), 8);
    // Selected like a value: exactly those members, and with another cluster, OR.
    let only = engine.run(&Query::default().with(CLUSTER, [absent.clone()]));
    assert_eq!(only.hits.len(), 349 - PROFILED);
    assert!(
        only.hits
            .iter()
            .all(|h| !engine.member(h.member).has_profile_text())
    );
    let with_literacy = engine.run(&Query::default().with(
        CLUSTER,
        [absent.clone(), gnlc::model::Cluster::Literacy.into()],
    ));
    let literacy = clusters
        .iter()
        .find(|(v, _)| *v == Value::Cluster(gnlc::model::Cluster::Literacy))
        .map(|(_, n)| *n)
        .expect("literacy listed");
    assert_eq!(with_literacy.hits.len(), 349 - PROFILED + literacy);
    // Live: in Africa, the count is Africa's directory members without text.
    assert_eq!(directory().len(), 349);
    let in_africa =
        engine.run(&Query::default().with(gnlc::facet::REGION, [gnlc::model::Region::Africa]));
    let africa_rows = include_str!("../assets/members.tsv")
        .lines()
        .filter(|l| l.split('\t').nth(2) == Some("Africa"))
        .count();
    // No bundled profile is in Africa (the 13 are in Asia, Europe and Latin America).
    assert_eq!(
        in_africa.facets.of(&CLUSTER).last(),
        Some(&(absent, africa_rows))
    );
}

#[test]
fn the_command_line_filters_and_counts_the_stand_in() {
    let out = gnlc(&["list", "--cluster", "no-profile-text", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 1 + 349 - PROFILED);
    let out = gnlc(&[
        "list",
        "--cluster",
        "No profile text",
        "--search",
        "porto novo",
    ]);
    assert!(stdout(&out).contains("Porto Novo"), "{}", stdout(&out));
    let out = gnlc(&["stats"]);
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("no-profile-text"))
        .expect("a no-profile-text row");
    assert!(line.ends_with(&format!(" {}", 349 - PROFILED)), "{line}");
    assert!(
        text.contains(&format!(
            "inferred from profile text for {PROFILED} of 349 members"
        )),
        "{text}"
    );
    // The bad-value message offers it.
    let out = gnlc(&["list", "--cluster", "nonsense"]);
    assert!(stderr(&out).contains("no-profile-text"), "{}", stderr(&out));
}

#[test]
fn the_clusters_pane_lists_no_profile_text_last_and_dimmed() {
    let mut app = bundled_app();
    focus(&mut app, Pane::Facet(CLUSTER));
    let rows = app.facet_rows(Pane::Facet(CLUSTER));
    let last = rows.last().expect("rows");
    assert_eq!(last.label, "no profile text");
    assert_eq!(last.count, 349 - PROFILED);
    assert!(last.absent);
    assert!(rows[..rows.len() - 1].iter().all(|r| !r.absent));
    let text = screen(&mut app, 160, 45);
    let row = text
        .lines()
        .find(|l| l.contains("no profile text"))
        .expect("shown");
    assert!(row.contains(&(349 - PROFILED).to_string()), "{row}");
}

// ------------------------------------------------------------------------- coverage

#[test]
fn the_header_says_what_the_data_covers() {
    let mut app = bundled_app();
    for (w, h) in [(160, 45), (100, 30), (80, 24)] {
        let text = screen(&mut app, w, h);
        let first = text.lines().next().expect("a first row");
        assert!(
            first.contains("349 of the 425 members announced by December 2025"),
            "{w}x{h}: {first}"
        );
    }
    // The fixture records no announcement: plain counts.
    let mut fixture = common::app();
    let text = screen(&mut fixture, 100, 30);
    assert!(
        text.lines()
            .next()
            .expect("a row")
            .contains("13 members in 10 countries"),
        "{text}"
    );
    // `gnlc stats` says it too, and the plain counts only for other data.
    let text = stdout(&gnlc(&["stats"]));
    assert!(
        text.lines()
            .take(2)
            .any(|l| l == "349 of the 425 members announced by December 2025"),
        "{text}"
    );
    let text = stdout(&gnlc(&["--data", common::FIXTURE_PATH, "stats"]));
    assert!(text.starts_with("13 members in 10 countries\n\n"), "{text}");
}

// ------------------------------------------------------------------ show City, Country

#[test]
fn show_takes_a_country_in_any_known_spelling() {
    for name in [
        "Chisinau, Moldova",
        "chisinau, republic of moldova",
        "Chișinău, Moldova",
    ] {
        let out = gnlc(&["show", name]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert!(stdout(&out).starts_with("Chisinau\n"), "{name}");
    }
    let out = gnlc(&["show", "Chisinau, France"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("no city `Chisinau` in a country `France`"),
        "{err}"
    );
    assert!(err.contains("\"Republic of Moldova\""), "{err}");
}

// ------------------------------------------------------------------------- --data

fn write(dir: &tempfile::TempDir, name: &str, json: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, json).expect("write");
    path.to_string_lossy().into_owned()
}

const MINE: &str = r#"{ "schema_version": 1, "source": "my import", "members": [
  {"city": "Cork", "country": "Ireland", "region": "Europe and North America",
   "tagline": "Cork, as I imported it"},
  {"city": "Newtown", "country": "Ireland", "region": "Europe and North America",
   "summary": "A city the directory does not know yet."}
] }"#;

#[test]
fn data_combines_the_bundled_directory_with_an_imported_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mine = write(&dir, "mine.json", MINE);
    let out = gnlc(&[
        "--data", "bundled", "--data", &mine, "list", "--format", "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    // One line per changed field, naming the file.
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].starts_with(&format!(
        "gnlc: {mine}: member `cork-ireland`, field `tagline`"
    )));
    let combined = load::from_str(&stdout(&out), "out.json").expect("loads back");
    assert_eq!(combined.members.len(), 350);
    let cork = combined
        .members
        .iter()
        .find(|m| m.city == "Cork")
        .expect("Cork");
    assert_eq!(cork.tagline.as_deref(), Some("Cork, as I imported it"));
    // The directory's facts and the listing's text are kept.
    assert_eq!(cork.joined, Some(2016));
    assert_eq!(cork.joined_basis, Some(JoinedBasis::MemberBy));
    assert!(cork.vision.is_some());
    assert!(combined.members.iter().any(|m| m.city == "Newtown"));
    assert_eq!(combined.announced.as_ref().map(|a| a.members), Some(425));
    // What `list --format json` wrote loads back as the same data.
    let again = write(&dir, "again.json", &stdout(&out));
    let out2 = gnlc(&["--data", &again, "list", "--format", "json"]);
    assert!(out2.status.success(), "{}", stderr(&out2));
    assert!(stderr(&out2).is_empty());
    assert_eq!(
        load::from_str(&stdout(&out2), "out2.json").expect("loads"),
        combined
    );
    // The order matters: the bundled data last wins the tagline back.
    let out = gnlc(&["--data", &mine, "--data", "bundled", "show", "cork"]);
    assert!(
        stdout(&out).contains("A firm commitment"),
        "{}",
        stdout(&out)
    );
    assert!(stderr(&out).contains("<bundled dataset>: member `cork-ireland`"));
}

#[test]
fn data_errors_still_name_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = write(&dir, "bad.json", "{ \"members\": [ {\"city\": \"X\"} ] }");
    let out = gnlc(&["--data", "bundled", "--data", &bad, "stats"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("bad.json"), "{}", stderr(&out));
    let missing = dir.path().join("missing.json");
    let out = gnlc(&[
        "--data",
        "bundled",
        "--data",
        &missing.to_string_lossy(),
        "stats",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("missing.json"), "{}", stderr(&out));
    // A single file is no merge: nothing on stderr.
    let mine = write(&dir, "mine.json", MINE);
    let out = gnlc(&["--data", &mine, "stats"]);
    assert!(out.status.success());
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("2 members in 1 country\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn every_year_basis_of_the_directory_is_kept() {
    let dataset = Dataset::bundled();
    for (city, country, year, basis) in directory() {
        let city = if city == "Chișinău" {
            "Chisinau".to_string()
        } else {
            city
        };
        let m = dataset
            .members
            .iter()
            .find(|m| m.city == city && m.country == country)
            .unwrap_or_else(|| panic!("{city}, {country}"));
        assert_eq!(m.joined, Some(year), "{city}");
        let words = profile::joined(m).expect("a year");
        match basis.as_str() {
            "member_by" => assert_eq!(words, format!("member by {year}"), "{city}"),
            "joined" => assert_eq!(words, year.to_string(), "{city}"),
            other => panic!("unknown basis {other}"),
        }
    }
}
