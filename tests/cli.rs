//! The real binary, run as a user would from a shell. Expected values come from the sources in
//! `assets/`: the membership directory `members.tsv` (read here on its own, one member per
//! row), whose Chisinau row writes `Chișinău` where the bundled profile's spelling `Chisinau`
//! wins; the saved listing page's 12 profiles (Beijing, Hangzhou, Chengdu and Shenzhen in China;
//! Namyangju in the Republic of Korea; Villa María, Argentina; Contagem, Brazil; Sønderborg,
//! Denmark; Dilijan, Armenia; Plovdiv, Bulgaria; Espoo, Finland; Cork, Ireland) and Chisinau's
//! entry from the municipality's news item.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn gnlc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gnlc"))
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .expect("the gnlc binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// The `city` column of `list --format csv` output, in order.
fn csv_cities(args: &[&str]) -> Vec<String> {
    let mut all = vec!["list", "--format", "csv"];
    all.extend_from_slice(args);
    let out = gnlc(&all);
    assert!(out.status.success(), "{all:?} failed: {}", stderr(&out));
    let text = stdout(&out);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("id,city,country,region,clusters,cluster_basis,tagline")
    );
    lines
        .map(|l| l.split(',').nth(1).expect("a city column").to_string())
        .collect()
}

/// The directory's rows as (city as bundled, country, region).
fn directory() -> Vec<(String, String, String)> {
    let text = include_str!("../assets/members.tsv");
    text.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let city = if f[0] == "Chișinău" {
                "Chisinau"
            } else {
                f[0]
            };
            (city.to_string(), f[1].to_string(), f[2].to_string())
        })
        .collect()
}

/// The bundled cities the directory gives for which `keep(country, region)` holds, sorted.
fn directory_cities(keep: impl Fn(&str, &str) -> bool) -> Vec<String> {
    sorted(
        directory()
            .into_iter()
            .filter(|(_, country, region)| keep(country, region))
            .map(|(city, _, _)| city)
            .collect(),
    )
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn every_directory_member_is_listed() {
    let cities = sorted(csv_cities(&[]));
    assert_eq!(cities.len(), 349);
    assert_eq!(cities, directory_cities(|_, _| true));
    for profiled in ["Beijing", "Chisinau", "Cork", "Sønderborg", "Villa María"] {
        assert!(cities.iter().any(|c| c == profiled), "{profiled}");
    }
}

#[test]
fn region_filter_is_case_insensitive_and_gives_the_asian_members() {
    let cities = csv_cities(&["--region", "asia and the pacific"]);
    let expected = directory_cities(|_, region| region == "Asia and the Pacific");
    assert_eq!(expected.len(), 102);
    assert_eq!(sorted(cities), expected);
}

#[test]
fn two_countries_combine_with_or() {
    let cities = csv_cities(&["--country", "China", "--country", "Armenia"]);
    let expected = directory_cities(|country, _| country == "China" || country == "Armenia");
    assert!(expected.iter().any(|c| c == "Dilijan") && expected.iter().any(|c| c == "Beijing"));
    assert_eq!(sorted(cities), expected);
}

#[test]
fn region_and_country_combine_with_and() {
    let cities = csv_cities(&[
        "--region",
        "Europe and North America",
        "--country",
        "Denmark",
    ]);
    assert_eq!(cities, vec!["Sønderborg".to_string()]);
}

#[test]
fn fuzzy_searches_rank_the_intended_city_first() {
    for (query, expected) in [
        ("vila maria", "Villa María"),
        ("sonderborg", "Sønderborg"),
        ("SHENZ", "Shenzhen"),
        ("nmyngj", "Namyangju"),
        ("plvdv", "Plovdiv"),
        ("chisinau", "Chisinau"),
        ("chișinău", "Chisinau"),
    ] {
        let cities = csv_cities(&["--search", query]);
        assert_eq!(
            cities.first().map(String::as_str),
            Some(expected),
            "search {query:?} gave {cities:?}"
        );
    }
}

#[test]
fn show_cork_prints_its_three_sections() {
    let out = gnlc(&["show", "cork"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Cork\n"), "{text}");
    assert!(text.contains("Country:  Ireland"));
    assert!(text.contains("Region:   Europe and North America"));
    assert!(text.contains("A firm commitment to create learning opportunities for all"));
    for heading in [
        "Vision and motivation",
        "Challenges and goals",
        "Plan and implementation",
    ] {
        assert!(
            text.contains(&format!("\n{heading}\n")),
            "no {heading}: {text}"
        );
    }
    // Cork's clusters are inferred; the keywords behind them are shown. Its vision says "reduce
    // inequalities", and `inequalit*` is an Equity and inclusion keyword.
    assert!(
        text.contains("(inferred from the profile text, not stated by UNESCO)"),
        "{text}"
    );
    assert!(
        text.contains("Equity and inclusion — matched: ") && text.contains("inequalit*"),
        "{text}"
    );
    // Cork won the award in 2015 and in 2024 (assets/awards.tsv).
    assert!(text.contains("2015, 2024"), "{text}");
}

#[test]
fn show_is_accent_and_case_insensitive() {
    let out = gnlc(&["show", "SONDERBORG"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Sønderborg\n"));
    assert!(stdout(&out).contains("Sustainable development and the 41742 way of thinking"));
}

#[test]
fn show_of_chisinau_says_it_has_no_sections() {
    let out = gnlc(&["show", "Chișinău"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Republic of Moldova"));
    assert!(text.contains(gnlc::profile::NO_SECTIONS), "{text}");
}

#[test]
fn show_of_an_unknown_city_fails_clearly() {
    let out = gnlc(&["show", "Atlantis"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("gnlc: no city matches `Atlantis`"), "{err}");
    assert_eq!(err.lines().count(), 1);
    assert!(out.stdout.is_empty());
}

#[test]
fn show_json_uses_the_public_field_names() {
    let out = gnlc(&["show", "beijing", "--format", "json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["city"], "Beijing");
    assert_eq!(v["country"], "China");
    assert_eq!(v["region"], "Asia and the Pacific");
    assert_eq!(
        v["tagline"],
        "Capital of Learning for comprehensive development"
    );
    for field in [
        "id",
        "clusters",
        "cluster_basis",
        "vision",
        "challenges",
        "plan",
    ] {
        assert!(v.get(field).is_some(), "no {field}");
    }
}

#[test]
fn unknown_facet_value_is_a_usage_error_listing_valid_ones() {
    let out = gnlc(&["list", "--region", "Oceania"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("unknown region `Oceania`"), "{err}");
    assert!(err.contains("Latin America and the Caribbean"), "{err}");

    let out = gnlc(&["list", "--cluster", "astronomy"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("literacy"));

    let out = gnlc(&["list", "--country", "Atlantis"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Republic of Korea"));
}

#[test]
fn a_known_country_without_members_gives_an_empty_list() {
    // Iceland is a UNESCO member state with no member city in the directory.
    let cities = csv_cities(&["--country", "iceland"]);
    assert!(cities.is_empty());
}

#[test]
fn country_aliases_are_accepted() {
    let cities = csv_cities(&["--country", "South Korea"]);
    let expected = directory_cities(|country, _| country == "Republic of Korea");
    assert_eq!(expected.len(), 42);
    assert!(expected.iter().any(|c| c == "Namyangju"));
    assert_eq!(sorted(cities), expected);
}

#[test]
fn bad_flags_exit_with_two() {
    for args in [
        &["list", "--frobnicate"][..],
        &["list", "--format", "xml"],
        &["bogus"],
        &["import"],
    ] {
        let out = gnlc(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
        assert!(err.starts_with("gnlc: "), "{err}");
    }
    let err = stderr(&gnlc(&["list", "--format", "xml"]));
    assert!(
        err.contains("table, json, csv"),
        "the valid values are listed: {err}"
    );
    let out = gnlc(&["--region", "Africa", "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("put them after it"));
}

#[test]
fn help_teaches_and_version_works() {
    let out = gnlc(&["--help"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("Examples:"));
    assert!(text.contains("gnlc show cork"));
    let out = gnlc(&["--version"]);
    assert!(stdout(&out).starts_with("gnlc "));
}

#[test]
fn completions_are_generated() {
    let out = gnlc(&["completions", "bash"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("gnlc"));
    assert!(stdout(&out).contains("--region"));
}

#[test]
fn stats_count_members_by_region() {
    let out = gnlc(&["stats", "--format", "json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // Counted in members.tsv: 349 rows, 82 distinct countries.
    assert_eq!(v["members"], 349);
    assert_eq!(v["countries"], 82);
    let by_region: Vec<(String, u64)> = v["by_region"]
        .as_array()
        .expect("array")
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap_or("").to_string(),
                c["members"].as_u64().unwrap_or(99),
            )
        })
        .collect();
    assert_eq!(
        by_region,
        vec![
            ("Africa".to_string(), 36),
            ("Arab States".to_string(), 52),
            ("Asia and the Pacific".to_string(), 102),
            ("Europe and North America".to_string(), 103),
            ("Latin America and the Caribbean".to_string(), 56),
        ]
    );
    let text = stdout(&gnlc(&["stats"]));
    assert!(text.starts_with("349 members in 82 countries\n"), "{text}");
}

#[test]
fn json_list_loads_back_with_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("asia.json");
    let out = gnlc(&[
        "list",
        "--region",
        "Asia and the Pacific",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    std::fs::write(&path, &out.stdout).expect("write");
    let path = path.to_string_lossy().to_string();
    let out = gnlc(&["--data", &path, "stats", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        v["members"], 102,
        "the directory's Asia and the Pacific rows"
    );
}

/// Writes a dataset to a temporary file and returns (dir guard, path).
fn dataset_file(json: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("data.json");
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(json.as_bytes()))
        .expect("write");
    let path = path.to_string_lossy().to_string();
    (dir, path)
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    let (_dir, path) = dataset_file(
        r#"{"members": [{"city": "Evil\u001b[2J\u001b]0;pwned\u0007City\u009b31m\u202e", "country": "France",
            "tagline": "tag\u001b[31mline\r\nnext", "vision": "a\u0000b\u0085c", "clusters": ["literacy"]}]}"#,
    );
    for args in [
        vec!["--data", &path, "list"],
        vec!["--data", &path, "show", "evil"],
        vec!["--data", &path, "stats"],
    ] {
        let out = gnlc(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            !text.chars().any(|c| gnlc::text::is_hostile(c) || c == '\r'),
            "{args:?} printed a control character: {text:?}"
        );
        if args[2] != "stats" {
            assert!(
                text.contains('\u{241b}'),
                "ESC is shown as a visible ␛: {text:?}"
            );
        }
    }
    // JSON keeps the data, escaped.
    let out = gnlc(&["--data", &path, "list", "--format", "json"]);
    let text = stdout(&out);
    assert!(!text.contains('\u{1b}'));
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert!(
        v["members"][0]["city"]
            .as_str()
            .unwrap_or("")
            .contains('\u{1b}')
    );
}

#[test]
fn table_columns_align_by_display_width() {
    let (_dir, path) = dataset_file(
        r#"{"members": [
            {"city": "北京市", "country": "China", "clusters": ["literacy"]},
            {"city": "Sønderborg", "country": "Denmark", "clusters": ["literacy"]},
            {"city": "Ab", "country": "Chile", "clusters": ["literacy"]}]}"#,
    );
    let out = gnlc(&["--data", &path, "list"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    // The country column starts at the same display column on every row: the widest city is
    // "Sønderborg" (10 columns; 北京市 is 6), plus a two-space gutter.
    for line in &lines[..4] {
        let at = ["Country", "China", "Denmark", "Chile"]
            .iter()
            .find_map(|country| line.find(country))
            .expect("a country");
        let (city_part, _) = line.split_at(at);
        assert_eq!(
            unicode_width::UnicodeWidthStr::width(city_part),
            12,
            "{line:?}"
        );
    }
    // Not a terminal, so no colour.
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn data_errors_name_the_file_and_exit_with_one() {
    let out = gnlc(&["--data", "/nonexistent/cities.json", "list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err, "gnlc: /nonexistent/cities.json: no such file\n");

    let (_dir, path) = dataset_file("{\"members\": [\n  {\"city\": \"A\", \"country\": 5}\n]}");
    let out = gnlc(&["--data", &path, "list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(&format!("{path}:2:")), "{err}");
    assert!(err.contains("member 0 (A)"), "{err}");
    assert!(err.contains("field `country`"), "{err}");
}

#[test]
fn an_empty_member_list_is_valid() {
    let (_dir, path) = dataset_file(r#"{"schema_version": 1, "source": "test", "members": []}"#);
    let out = gnlc(&["--data", &path, "list", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 1);
}

#[test]
fn the_explorer_refuses_to_start_without_a_terminal() {
    // Standard input is /dev/null and standard output a pipe: drawing a full-screen UI there
    // would write escape codes into a file; say what to use instead.
    let out = gnlc(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing drawn into the pipe");
    let err = stderr(&out);
    assert!(err.contains("the explorer needs a terminal"), "{err}");
    assert!(err.contains("gnlc list"), "{err}");
}

/// Runs gnlc with `args` into a pipe whose reader goes away before anything is written.
fn into_closed_pipe(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gnlc"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    child.wait_with_output().expect("wait")
}

#[test]
fn completions_into_a_closed_pipe_do_not_panic() {
    let out = into_closed_pipe(&["completions", "bash"]);
    assert_ne!(out.status.code(), Some(101), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    // `gnlc list | head -1` closes the pipe early: that is the reader's choice, so gnlc
    // ends with status 0 and says nothing, whatever the format (the csv writer wraps the
    // closed pipe in an error of its own).
    let commands: [&[&str]; 5] = [
        &["list", "--format", "csv"],
        &["list", "--format", "table"],
        &["list", "--format", "json"],
        &["list", "--format", "markdown"],
        &["list", "--near", "cork", "--km", "20000", "--format", "csv"],
    ];
    for args in commands {
        let out = into_closed_pipe(args);
        // (`--near` notes the members it could not place; that is not an error.)
        assert!(
            !stderr(&out).contains("gnlc:"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert_eq!(out.status.code(), Some(0), "{args:?}");
    }
}

#[test]
fn show_of_operators_alone_asks_for_a_name() {
    for name in ["!", "^", "   "] {
        let out = gnlc(&["show", name]);
        assert_eq!(out.status.code(), Some(2), "{name:?}");
        assert!(
            stderr(&out).contains("give a city name"),
            "{}",
            stderr(&out)
        );
    }
}

/// Five members: two joined in 2019, one in 2020, one in 2024, one without a year.
const JOINED_DATA: &str = r#"{"members": [
  {"city": "Aa", "country": "France", "joined": 2019},
  {"city": "Bb", "country": "France", "joined": 2019},
  {"city": "Cc", "country": "Spain", "joined": 2020},
  {"city": "Dd", "country": "Spain", "joined": 2024},
  {"city": "Ee", "country": "Spain"}
]}"#;

fn listed(args: &[&str]) -> Vec<String> {
    let out = gnlc(args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    v["members"]
        .as_array()
        .expect("members")
        .iter()
        .map(|m| m["city"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn joined_filters_a_year_or_an_inclusive_range() {
    let (_dir, path) = dataset_file(JOINED_DATA);
    let list = |joined: &[&str]| {
        let mut args = vec!["--data", &path, "list", "--format", "json"];
        for j in joined {
            args.extend(["--joined", j]);
        }
        listed(&args)
    };
    assert_eq!(list(&["2019"]), ["Aa", "Bb"]);
    assert_eq!(list(&["2019..2020"]), ["Aa", "Bb", "Cc"]);
    assert_eq!(list(&["2020..2024"]), ["Cc", "Dd"]);
    assert_eq!(list(&["2019", "2024"]), ["Aa", "Bb", "Dd"]);
    assert!(list(&["2021..2023"]).is_empty());
    assert_eq!(list(&[]).len(), 5);
    // With another facet: AND across kinds.
    let out = listed(&[
        "--data",
        &path,
        "list",
        "--format",
        "json",
        "--joined",
        "2019..2024",
        "--country",
        "Spain",
    ]);
    assert_eq!(out, ["Cc", "Dd"]);
}

#[test]
fn bad_joined_arguments_are_usage_errors_that_say_why() {
    for (arg, says) in [
        (
            "2030..2019",
            "the range runs backwards (2030 is after 2019); write 2019..2030",
        ),
        ("20x9", "`20x9` is not a four-digit year"),
        ("2019..", "is not a four-digit year"),
    ] {
        let out = gnlc(&["list", "--joined", arg]);
        assert_eq!(out.status.code(), Some(2), "{arg}");
        let err = stderr(&out);
        assert!(err.contains(says), "{arg}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn stats_count_members_by_year_joined() {
    let (_dir, path) = dataset_file(JOINED_DATA);
    let out = gnlc(&["--data", &path, "stats", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let by_joined: Vec<(String, u64)> = v["by_joined"]
        .as_array()
        .expect("array")
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap_or("").to_string(),
                c["members"].as_u64().unwrap_or(99),
            )
        })
        .collect();
    assert_eq!(
        by_joined,
        [
            ("2019".to_string(), 2),
            ("2020".to_string(), 1),
            ("2024".to_string(), 1)
        ]
    );
    assert_eq!(v["joined_unknown_for"], 1);
    let text = stdout(&gnlc(&["--data", &path, "stats"]));
    assert!(
        text.contains("By year joined (no year given for 1 of 5 members)\n  2019      2\n"),
        "{text}"
    );
}
