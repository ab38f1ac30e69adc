//! Charts, the shortlist in the explorer and on the command line, and the exports (CSV through
//! the `csv` crate, Markdown reports).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use gnlc::app::{Action, App, Mode, Screen};
use gnlc::charts::Charts;
use gnlc::facet::{CLUSTER, COUNTRY, JOINED, KINDS, REGION};
use gnlc::model::Region;
use gnlc::query::{Engine, Query};
use gnlc::shortlist::Shortlist;
use gnlc::ui::Explorer;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn gnlc_in(xdg: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gnlc"))
        .args(args)
        .env("XDG_DATA_HOME", xdg)
        .env("NO_COLOR", "1")
        .output()
        .expect("run gnlc")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8")
}

fn store_path(xdg: &Path) -> PathBuf {
    xdg.join("gnlc").join("shortlist.json")
}

fn screen(app: &mut Explorer, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("backend");
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

// ---------------------------------------------------------------- charts

#[test]
fn chart_counts_equal_the_engines_for_every_kind_without_a_selection() {
    let engine = Engine::new(gnlc::model::Dataset::bundled());
    let queries = [
        Query::default(),
        Query::default().with(REGION, [Region::Africa]),
        Query::text("ko"),
        Query::default().with(JOINED, [2019u16, 2020]),
        Query::text("a").with(REGION, [Region::ArabStates, Region::Africa]),
    ];
    for query in &queries {
        let results = engine.run(query);
        let charts = Charts::of(&engine, &results);
        assert_eq!(charts.members, results.hits.len());
        for kind in KINDS {
            if query.selected(kind).is_empty() {
                assert_eq!(
                    charts.of_kind(kind),
                    results.facets.of(kind),
                    "{kind:?} for {query:?}"
                );
            }
        }
        // Single-valued kinds: the bars add up to the list.
        let regions: usize = charts.of_kind(&REGION).iter().map(|(_, n)| n).sum();
        assert_eq!(regions, results.hits.len());
        // Years: every hit with a year is in one bar, and the growth ends at their number.
        let with_year = results
            .hits
            .iter()
            .filter(|h| engine.member(h.member).joined.is_some())
            .count();
        assert_eq!(with_year + charts.year_unknown_for, charts.members);
        assert_eq!(
            charts.growth().last().map_or(0, |g| g.1),
            with_year,
            "{query:?}"
        );
    }
}

#[test]
fn a_selected_kind_charts_what_the_list_holds() {
    let engine = Engine::new(gnlc::model::Dataset::bundled());
    let results = engine.run(&Query::default().with(REGION, [Region::Africa]));
    let charts = Charts::of(&engine, &results);
    // The engine's Region counts say what each click would give (Arab States: 52); the chart
    // says what the list has: only Africa's 36 members (counted in assets/members.tsv).
    let regions: Vec<usize> = charts.of_kind(&REGION).iter().map(|(_, n)| *n).collect();
    assert_eq!(regions, [36, 0, 0, 0, 0]);
    assert_eq!(results.facets.of(&REGION)[1].1, 52);
}

#[test]
fn years_split_joined_from_member_by_as_the_data_says() {
    let engine = Engine::new(gnlc::model::Dataset::bundled());
    let charts = Charts::of(&engine, &engine.run(&Query::default()));
    let members = &engine.dataset().members;
    for bar in &charts.by_year {
        let of_year = members.iter().filter(|m| m.joined == Some(bar.year));
        let member_by = of_year
            .clone()
            .filter(|m| m.joined_basis == Some(gnlc::model::JoinedBasis::MemberBy))
            .count();
        assert_eq!(bar.member_by, member_by, "{}", bar.year);
        assert_eq!(bar.total(), of_year.count(), "{}", bar.year);
    }
    // The bundled directory: 2016 has 46 members that joined and 4 known members by then.
    let y2016 = charts
        .by_year
        .iter()
        .find(|y| y.year == 2016)
        .expect("2016");
    assert_eq!((y2016.joined, y2016.member_by), (46, 4));
    assert_eq!(charts.by_year.first().map(|y| y.year), Some(2015));
    assert_eq!(charts.by_year.last().map(|y| y.year), Some(2025));
    assert_eq!(charts.growth().last(), Some(&(2025, 349)));
}

#[test]
fn gnlc_stats_prints_the_chart_numbers() {
    let xdg = tempfile::tempdir().expect("tempdir");
    let engine = Engine::new(gnlc::model::Dataset::bundled());
    for (args, query) in [
        (vec![], Query::default()),
        (
            vec!["--region", "Africa"],
            Query::default().with(REGION, [Region::Africa]),
        ),
    ] {
        let mut all = vec!["stats", "--format", "json"];
        all.extend(&args);
        let out = gnlc_in(xdg.path(), &all);
        assert!(out.status.success(), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let charts = Charts::of(&engine, &engine.run(&query));
        assert_eq!(v["members"], charts.members);
        for kind in [REGION, COUNTRY, CLUSTER, JOINED] {
            let printed: Vec<(String, u64)> = v[format!("by_{}", kind.id)]
                .as_array()
                .expect("array")
                .iter()
                .map(|c| {
                    (
                        c["name"].as_str().unwrap().to_string(),
                        c["members"].as_u64().unwrap(),
                    )
                })
                .collect();
            let charted: Vec<(String, u64)> = charts
                .of_kind(&kind)
                .iter()
                .filter(|(v, n)| *n > 0 || (kind.always)().contains(v))
                .map(|(v, n)| (v.key().into_owned(), *n as u64))
                .collect();
            assert_eq!(printed, charted, "{kind:?} {args:?}");
        }
        let years: Vec<(u64, u64, u64)> = v["by_year"]
            .as_array()
            .unwrap()
            .iter()
            .map(|y| {
                (
                    y["year"].as_u64().unwrap(),
                    y["joined"].as_u64().unwrap(),
                    y["member_by"].as_u64().unwrap(),
                )
            })
            .collect();
        let charted: Vec<(u64, u64, u64)> = charts
            .by_year
            .iter()
            .map(|y| (u64::from(y.year), y.joined as u64, y.member_by as u64))
            .collect();
        assert_eq!(years, charted);
        let growth = v["growth"].as_array().unwrap();
        assert_eq!(growth.len(), charts.by_year.len());
        assert_eq!(
            growth.last().unwrap()["members"].as_u64().unwrap() as usize,
            charts.growth().last().unwrap().1
        );
    }
    let text = stdout(&gnlc_in(xdg.path(), &["stats"]));
    assert!(text.contains("By year, and growth"), "{text}");
    assert!(
        text.contains("  2016      46          4     50               60"),
        "{text}"
    );
}

#[test]
fn the_stats_screen_follows_the_filters_and_goes_back() {
    let mut app = Explorer::new(App::new(
        Engine::new(gnlc::model::Dataset::bundled()),
        Query::default().with(REGION, [Region::Africa]),
    ));
    app.update(Action::Stats);
    assert_eq!(app.screen, Screen::Stats);
    assert_eq!(app.mode(), Mode::Stats);
    let text = screen(&mut app, 160, 45);
    assert!(text.contains("36 of 349 members"), "{text}");
    assert!(text.contains("Members by region"), "{text}");
    assert!(text.contains("Members by country, top"), "{text}");
    assert!(text.contains("joined + member by"), "{text}");
    assert!(text.contains("Growth: members by then"), "{text}");
    let small = screen(&mut app, 60, 20);
    assert!(small.contains("too small for charts"), "{small}");
    assert!(small.contains("36 Africa"), "{small}");
    app.update(Action::Stats);
    assert_eq!(app.mode(), Mode::List);
    app.update(Action::Stats);
    app.update(Action::Back);
    assert_eq!(app.mode(), Mode::List);
}

// ---------------------------------------------------------------- shortlist in the explorer

fn explorer_with(path: &Path) -> Explorer {
    Explorer::new(
        App::new(Engine::new(common::dataset()), Query::default())
            .with_shortlist(Shortlist::open_or_report(path)),
    )
}

#[test]
fn marks_persist_across_explorers_and_filter_honestly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("gnlc").join("shortlist.json");
    let mut app = explorer_with(&path);
    let mut marked = Vec::new();
    for _ in 0..3 {
        app.update(Action::ToggleMark);
        marked.push(app.selected_member().unwrap().id.clone());
        app.update(Action::Down);
        app.update(Action::Down);
    }
    assert_eq!(app.marked(), 3);
    let text = screen(&mut app, 120, 30);
    assert!(text.contains("★ 3"), "{text}");
    assert_eq!(
        text.matches('★').count(),
        1 + 3,
        "title and three rows: {text}"
    );
    drop(app);

    // A new explorer on the same file: still marked.
    let mut app = explorer_with(&path);
    marked.sort();
    let ids: Vec<String> = app.shortlist().unwrap().ids().iter().cloned().collect();
    assert_eq!(ids, marked);
    app.update(Action::ToggleShortlistOnly);
    assert!(app.only_shortlist());
    assert_eq!(app.results().hits.len(), 3);
    let regions: usize = app
        .results()
        .facets
        .of(&REGION)
        .iter()
        .map(|(_, n)| n)
        .sum();
    assert_eq!(regions, 3, "the counts count the marked cities only");
    // Combined with a facet: the Region pane's first value with a count.
    app.update(Action::FocusNext);
    let before = app.results().hits.len();
    app.update(Action::ToggleMark); // Space in a facet pane does not mark
    assert_eq!(app.marked(), 3);
    assert_eq!(app.results().hits.len(), before);
    // Unmarking in the list removes the city from the restricted list at once.
    app.focus_pane(gnlc::app::Pane::Cities);
    app.update(Action::ToggleMark);
    assert_eq!(app.marked(), 2);
    assert_eq!(app.results().hits.len(), 2);
    let on_disk = Shortlist::open(&path).unwrap();
    assert_eq!(on_disk.len(), 2);
    // The detail view shows the mark in its title.
    app.update(Action::Open);
    let text = screen(&mut app, 100, 30);
    assert!(text.contains("★ ") && text.contains("· marked"), "{text}");
}

#[test]
fn ids_not_in_the_dataset_are_counted_on_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("shortlist.json");
    Shortlist::open(&path)
        .unwrap()
        .add(["gone-city", "another-gone"])
        .unwrap();
    let mut app = explorer_with(&path);
    app.update(Action::ToggleMark);
    assert_eq!(app.marked(), 3);
    assert_eq!(app.marked_not_found(), 2);
    let text = screen(&mut app, 160, 30);
    assert!(text.contains("★ 3 (2 not found)"), "{text}");
    // They stay in the file.
    assert_eq!(Shortlist::open(&path).unwrap().len(), 3);
}

#[test]
fn a_corrupt_shortlist_is_reported_never_written_and_can_be_moved_aside() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("shortlist.json");
    let bad = "{\"version\": 1, \"members\": [3]}";
    std::fs::write(&path, bad).unwrap();
    let mut app = explorer_with(&path);
    let text = screen(&mut app, 120, 30);
    assert!(text.contains("shortlist.json:1:"), "{text}");
    assert!(text.contains("press M to move it aside"), "{text}");
    app.update(Action::ToggleMark);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        bad,
        "never written"
    );
    assert_eq!(app.marked(), 0);
    app.update(Action::MoveShortlistAside);
    assert!(app.shortlist_problem().is_none());
    assert!(app.notice.as_deref().unwrap().contains("moved"));
    let moved: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("shortlist.json.bad-"))
        .collect();
    assert_eq!(moved.len(), 1);
    assert_eq!(
        std::fs::read_to_string(dir.path().join(&moved[0])).unwrap(),
        bad
    );
    app.update(Action::ToggleMark);
    assert_eq!(Shortlist::open(&path).unwrap().len(), 1);
}

#[test]
fn export_writes_markdown_and_asks_before_replacing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = explorer_with(&dir.path().join("shortlist.json"));
    let target = dir.path().join("report.md");
    let type_path = |app: &mut Explorer| {
        app.update(Action::ExportStart);
        assert_eq!(app.mode(), Mode::Prompt);
        assert_eq!(app.export.path, "gnlc-export.md", "the default");
        for _ in 0..app.export.path.chars().count() {
            app.update(Action::PromptBackspace);
        }
        for c in target.to_string_lossy().chars() {
            app.update(Action::PromptInput(c));
        }
        app.update(Action::PromptSubmit);
    };
    // Nothing marked: the filtered list (all 13).
    type_path(&mut app);
    assert_eq!(app.mode(), Mode::List);
    let first = std::fs::read_to_string(&target).unwrap();
    assert!(
        first.starts_with("# Learning cities\n\n13 cities.\n"),
        "{first}"
    );
    // Marked: the shortlist; the file exists, so it asks; `n` keeps the file.
    app.update(Action::ToggleMark);
    type_path(&mut app);
    assert!(app.export.confirm);
    let text = screen(&mut app, 100, 30);
    assert!(text.contains("Replace it? y"), "{text}");
    app.update(Action::PromptInput('n'));
    assert!(!app.export.confirm);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), first);
    app.update(Action::PromptSubmit);
    assert!(app.export.confirm);
    app.update(Action::PromptInput('y'));
    assert_eq!(app.mode(), Mode::List);
    let second = std::fs::read_to_string(&target).unwrap();
    assert!(
        second.starts_with("# Learning cities\n\n1 city.\n"),
        "{second}"
    );
    // `q` in the prompt types; Esc cancels.
    app.update(Action::ExportStart);
    app.update(Action::PromptCancel);
    assert_eq!(app.mode(), Mode::List);
}

// ---------------------------------------------------------------- command line

#[test]
fn the_shortlist_commands_and_list_filter() {
    let xdg = tempfile::tempdir().expect("tempdir");
    let x = xdg.path();
    let out = gnlc_in(x, &["shortlist", "add", "cork", "espoo", "Villa Maria"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("added 3; 3 marked"));
    let ids: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(store_path(x)).unwrap()).unwrap();
    assert_eq!(ids["members"].as_array().unwrap().len(), 3);
    let csv = |args: &[&str]| -> Vec<String> {
        let out = gnlc_in(x, args);
        assert!(out.status.success(), "{}", stderr(&out));
        let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
        reader
            .records()
            .map(|r| r.unwrap()[1].to_string())
            .collect()
    };
    assert_eq!(
        csv(&["shortlist", "list", "--format", "csv"]),
        ["Cork", "Espoo", "Villa María"]
    );
    assert_eq!(
        csv(&["list", "--shortlist", "--format", "csv"]),
        ["Cork", "Espoo", "Villa María"]
    );
    assert_eq!(
        csv(&[
            "list",
            "--shortlist",
            "--region",
            "Europe and North America",
            "--search",
            "es",
            "--format",
            "csv"
        ]),
        ["Espoo"]
    );
    let out = gnlc_in(x, &["shortlist", "remove", "espoo"]);
    assert!(
        stderr(&out).contains("removed 1; 2 marked"),
        "{}",
        stderr(&out)
    );
    // An id the dataset lacks stays, is named, and can be removed by id.
    Shortlist::open(store_path(x))
        .unwrap()
        .add(["gone-city"])
        .unwrap();
    let out = gnlc_in(x, &["shortlist", "list"]);
    assert!(stderr(&out).contains("1 marked id(s) not in the loaded dataset"));
    assert!(stderr(&out).contains("gone-city"));
    let out = gnlc_in(x, &["shortlist", "remove", "gone-city"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = gnlc_in(x, &["shortlist", "clear"]);
    assert!(stderr(&out).contains("removed 2"), "{}", stderr(&out));
    assert_eq!(csv(&["list", "--shortlist", "--format", "csv"]).len(), 0);
}

#[test]
fn a_corrupt_shortlist_file_fails_the_cli_in_one_line_and_is_kept() {
    let xdg = tempfile::tempdir().expect("tempdir");
    let path = store_path(xdg.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let bad = "{\"version\": 1, \"members\": [\"a\",]}";
    std::fs::write(&path, bad).unwrap();
    for args in [
        vec!["shortlist", "add", "cork"],
        vec!["shortlist", "remove", "cork"],
        vec!["shortlist", "list"],
        vec!["shortlist", "clear"],
        vec!["list", "--shortlist"],
    ] {
        let out = gnlc_in(xdg.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.contains(&format!("{}:1:", path.display())),
            "{args:?}: {err}"
        );
        assert!(err.contains("cannot be read"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), bad, "{args:?}");
    }
}

#[test]
fn two_cli_processes_adding_at_once_keep_every_mark() {
    let xdg = tempfile::tempdir().expect("tempdir");
    let cities: Vec<String> = common::dataset()
        .members
        .iter()
        .map(|m| m.id.clone())
        .collect();
    let spawn = |ids: &[String]| {
        let mut children = Vec::new();
        for id in ids {
            children.push(
                Command::new(env!("CARGO_BIN_EXE_gnlc"))
                    .args(["--data", common::FIXTURE_PATH, "shortlist", "add", id])
                    .env("XDG_DATA_HOME", xdg.path())
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .expect("spawn"),
            );
        }
        children
    };
    let mut children = spawn(&cities);
    for child in &mut children {
        assert!(child.wait().unwrap().success());
    }
    let store = Shortlist::open(store_path(xdg.path())).unwrap();
    assert_eq!(store.len(), cities.len(), "{:?}", store.ids());
}

// ---------------------------------------------------------------- exports

const HOSTILE: &str = r##"{"members": [
  {"id": "evil", "city": "Evil, \"Quoted\"\nCity\twith tab", "country": "France",
   "tagline": "a,b\"c\nd\te # not a heading | pipe", "vision": "# Heading?\n- [link](x)"},
  {"id": "plain", "city": "Plain", "country": "Ireland", "tagline": "Simple"}
]}"##;

#[test]
fn csv_round_trips_quotes_newlines_tabs_and_commas() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("hostile.json");
    std::fs::write(&data, HOSTILE).unwrap();
    let out = gnlc_in(
        dir.path(),
        &["--data", &data.to_string_lossy(), "list", "--format", "csv"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        gnlc::cli::CSV_HEADER
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let dataset = gnlc::model::load::from_str(HOSTILE, "hostile.json").unwrap();
    assert_eq!(rows.len(), 2);
    for (row, member) in rows.iter().zip(&dataset.members) {
        assert_eq!(&row[0], member.id);
        assert_eq!(&row[1], member.city);
        assert_eq!(&row[2], member.country);
        assert_eq!(&row[3], member.region.name());
        assert_eq!(&row[6], member.tagline.as_deref().unwrap_or(""));
    }
    assert_eq!(&rows[0][1], "Evil, \"Quoted\"\nCity\twith tab");
}

#[test]
fn markdown_reports_have_a_table_and_a_heading_per_city_with_data_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("hostile.json");
    std::fs::write(&data, HOSTILE).unwrap();
    let data = data.to_string_lossy().to_string();
    let out = gnlc_in(
        dir.path(),
        &["--data", &data, "list", "--format", "markdown"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines[0], "# Learning cities");
    assert!(lines.contains(&"| City | Country | Region | Joined | Clusters |"));
    assert!(lines.contains(&"|---|---|---|---|---|"));
    // A table row per city, each with five cells (pipes in data are escaped).
    let rows: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| City"))
        .collect();
    assert_eq!(rows.len(), 2);
    for row in rows {
        assert_eq!(row.replace("\\|", "").matches('|').count(), 6, "{row}");
    }
    // One `##` heading per city; the data never makes a heading, list item or link.
    let headings: Vec<&&str> = lines.iter().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            &"## Evil, \"Quoted\" City with tab, France",
            &"## Plain, Ireland"
        ]
    );
    assert!(!lines.iter().any(|l| l.starts_with("# Heading")), "{md}");
    assert!(md.contains("\\[link\\]\\(x\\)"), "{md}");
    assert!(md.contains("### Vision and motivation"), "{md}");

    let out = gnlc_in(
        dir.path(),
        &["--data", &data, "show", "plain", "--format", "markdown"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.starts_with("# Plain, Ireland\n"), "{md}");
    assert!(md.contains("**Simple**"), "{md}");
}
