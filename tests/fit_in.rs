//! Fitting in as a terminal tool: the config file (theme, key remaps checked against the key
//! table, options), `gnlc config`, `gnlc man`, completions that offer the bundled data's
//! values, the OSC 52 clipboard sequence, and what `y` and `o` ask of the event loop.
//!
//! Expected values come from the sources: the config texts are written here with the error
//! positions counted by hand; region and country names from `assets/members.tsv`; base64 of
//! the copied text from the RFC 4648 alphabet (checked against Python's `base64`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gnlc::app::keymap::{BINDINGS, Mode};
use gnlc::app::{Action, App, Effect};
use gnlc::config::{self, Config};
use gnlc::query::{Engine, Query};
use gnlc::ui::Explorer;
use gnlc::ui::theme::Palette;
use ratatui::style::Color;
use std::process::{Command, Output, Stdio};

fn parse(text: &str) -> Result<Config, String> {
    config::parse(text, "/home/u/.config/gnlc/config.toml").map_err(|e| e.to_string())
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

// ---- the config file ----

#[test]
fn a_good_config_sets_colours_keys_and_the_mouse() {
    let config = parse(
        "[options]\nmouse = false\n\n[theme]\naccent = \"#ff8800\"\nmatched = \"lightred\"\nnote = \"33\"\n\n\
         [keys.detail]\nnext_city = [\"l\", \"Right\"]\nprev_city = [\"h\"]\n\n[keys.general]\nquit = [\"Ctrl-Q\"]\n",
    )
    .unwrap();
    assert!(!config.mouse);
    assert_eq!(config.palette.accent, Color::Rgb(0xff, 0x88, 0x00));
    assert_eq!(config.palette.matched, Color::LightRed);
    assert_eq!(config.palette.note, Color::Indexed(33));
    // Untouched colours keep their defaults.
    assert_eq!(config.palette.frame, Palette::default().frame);

    let keys = &config.keys;
    assert_eq!(
        keys.action_for(Mode::Detail, key('l')),
        Some(Action::NextCity)
    );
    assert_eq!(
        keys.action_for(
            Mode::Detail,
            KeyEvent::new(KeyCode::Right, KeyModifiers::NONE)
        ),
        Some(Action::NextCity)
    );
    assert_eq!(
        keys.action_for(Mode::Detail, key('h')),
        Some(Action::PrevCity)
    );
    // The old keys are gone: n and p do nothing in the detail view now.
    assert_eq!(keys.action_for(Mode::Detail, key('n')), None);
    assert_eq!(keys.action_for(Mode::Detail, key('p')), None);
    // q no longer quits (outside the search box); Ctrl-Q does, Ctrl-C still does.
    assert_eq!(keys.action_for(Mode::List, key('q')), None);
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    assert_eq!(keys.action_for(Mode::List, ctrl('q')), Some(Action::Quit));
    assert_eq!(keys.action_for(Mode::List, ctrl('c')), Some(Action::Quit));
}

#[test]
fn an_empty_or_missing_config_is_the_defaults() {
    assert_eq!(parse("").unwrap(), Config::default());
    assert!(Config::default().mouse);
}

#[test]
fn the_default_file_parses_back_to_the_defaults_and_lists_every_row() {
    let text = config::default_file();
    assert_eq!(parse(&text).unwrap(), Config::default());
    for binding in BINDINGS {
        let line = format!("# {} = [", config::action_name(binding));
        assert!(text.contains(&line), "{line} is not in the default file");
    }
    // Uncommenting a listed row (with its own keys) is accepted as is.
    let uncommented = format!("{text}\n[keys.detail]\nnext_city = [\"n\"]\nup = [\"↑\", \"k\"]\n");
    let err = parse(&uncommented).unwrap_err();
    // `up` is a row of the moving group, not of detail: named with the actions there.
    assert!(
        err.contains("unknown action `up` in [keys.detail]"),
        "{err}"
    );
}

#[test]
fn every_row_has_a_unique_address_and_its_keys_read_back() {
    let mut seen = Vec::new();
    for binding in BINDINGS {
        let address = (
            config::group_id(binding.group),
            config::action_name(binding),
        );
        assert!(!seen.contains(&address), "two rows at {address:?}");
        seen.push(address);
        for k in binding.keys {
            assert_eq!(config::parse_key(&k.label()), Some(*k), "{}", k.label());
        }
    }
}

#[test]
fn a_broken_file_is_one_line_with_file_line_and_column() {
    // Line 3, column 9: the value after `mouse = `.
    let err = parse("# mine\n[options]\nmouse = yes\n").unwrap_err();
    assert!(
        err.starts_with("/home/u/.config/gnlc/config.toml:3:9: "),
        "{err}"
    );
    assert!(!err.contains('\n'), "one line: {err}");
    // An unknown field is an error too, at its name (line 2, column 1).
    let err = parse("[options]\nmuose = true\n").unwrap_err();
    assert!(
        err.starts_with("/home/u/.config/gnlc/config.toml:2:1: "),
        "{err}"
    );
    assert!(err.contains("muose"), "{err}");
    // A colour that is no colour: at the value, line 2 column 10.
    let err = parse("[theme]\naccent = \"chartreuse-ish\"\n").unwrap_err();
    assert!(
        err.starts_with("/home/u/.config/gnlc/config.toml:2:10: unknown colour `chartreuse-ish`"),
        "{err}"
    );
}

#[test]
fn an_unknown_action_group_or_key_name_is_named_where_it_is() {
    let err = parse("[keys.detail]\nnxt_city = [\"l\"]\n").unwrap_err();
    assert!(
        err.starts_with(
            "/home/u/.config/gnlc/config.toml:2:1: unknown action `nxt_city` in [keys.detail] (actions there: back, next_city, prev_city,"
        ),
        "{err}"
    );
    let err = parse("[keys.deatil]\nnext_city = [\"l\"]\n").unwrap_err();
    assert!(
        err.starts_with("/home/u/.config/gnlc/config.toml:1:7: unknown key group `deatil`"),
        "{err}"
    );
    let err = parse("[keys.detail]\nnext_city = [\"l\", \"Hyper-X\"]\n").unwrap_err();
    assert!(
        err.starts_with(
            "/home/u/.config/gnlc/config.toml:2:19: unknown key name `Hyper-X` for detail.next_city"
        ),
        "{err}"
    );
}

#[test]
fn a_key_another_row_uses_where_the_row_applies_is_a_conflict() {
    // p is the detail view's "previous city".
    let err = parse("[keys.detail]\nnext_city = [\"p\"]\n").unwrap_err();
    assert_eq!(
        err,
        "/home/u/.config/gnlc/config.toml:2:14: key `p` for detail.next_city conflicts with detail.prev_city in the detail view"
    );
    // j moves down everywhere outside the search box, the detail view included.
    let err = parse("[keys.detail]\nback = [\"j\"]\n").unwrap_err();
    assert!(
        err.ends_with("key `j` for detail.back conflicts with moving.down in the detail view"),
        "{err}"
    );
    // Swapping two keys in one go is no conflict.
    let config = parse("[keys.detail]\nnext_city = [\"p\"]\nprev_city = [\"n\"]\n").unwrap();
    assert_eq!(
        config.keys.action_for(Mode::Detail, key('p')),
        Some(Action::NextCity)
    );
    // A key used only in modes where the row does not apply is free: `o` opens the source
    // page in the city list and the detail view, not in a facet pane.
    let config = parse("[keys.facets]\nclear_pane = [\"o\"]\n").unwrap();
    assert_eq!(
        config.keys.action_for(Mode::Facet, key('o')),
        Some(Action::ClearPane)
    );
}

#[test]
fn remapped_keys_show_in_the_help_and_the_footer() {
    let config = parse("[keys.detail]\nnext_city = [\"l\"]\n").unwrap();
    let hints = gnlc::ui::footer::hints_with(&config.keys, Mode::Detail);
    assert!(hints.contains(&("l".to_string(), "next")), "{hints:?}");
    assert!(!hints.iter().any(|(k, _)| k == "n"), "{hints:?}");

    let theme = gnlc::ui::theme::Theme::new(false);
    let help: Vec<String> = gnlc::ui::help::lines_with(&config.keys, 72, theme)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    assert!(
        help.iter()
            .any(|l| l.starts_with(" l ") && l.contains("next city of the filtered list")),
        "{help:#?}"
    );
    // In the detail view's group `n` is gone (the map has a `n` row of its own).
    let detail: Vec<&String> = help
        .iter()
        .skip_while(|l| !l.starts_with("Detail view"))
        .take_while(|l| !l.trim().is_empty())
        .collect();
    assert!(!detail.is_empty(), "{help:#?}");
    assert!(
        !detail
            .iter()
            .any(|l| l.starts_with(" n ") && l.contains("next city")),
        "{help:#?}"
    );
    // The explorer with this keymap: l steps to the next city in the detail view.
    let mut app = common::app();
    app.app.keys = config.keys.clone();
    app.update(Action::Open);
    let first = app.selected_member().unwrap().city.clone();
    let action = app.app.keys.action_for(app.mode(), key('l')).unwrap();
    app.update(action);
    assert_ne!(app.selected_member().unwrap().city, first);
}

// ---- the binary: gnlc config, a broken config at start, gnlc man, completions ----

fn gnlc(args: &[&str], xdg: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gnlc"))
        .args(args)
        .env("XDG_CONFIG_HOME", xdg)
        .stdin(Stdio::null())
        .output()
        .expect("the gnlc binary runs")
}

#[test]
fn gnlc_config_path_follows_xdg_and_default_prints_the_commented_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = gnlc(&["config", "--path"], dir.path());
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{}/gnlc/config.toml\n", dir.path().display())
    );
    let out = gnlc(&["config", "--default"], dir.path());
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        config::default_file()
    );
    // A relative XDG_CONFIG_HOME is ignored, as the XDG rules say: back to ~/.config.
    let out = Command::new(env!("CARGO_BIN_EXE_gnlc"))
        .args(["config", "--path"])
        .env("XDG_CONFIG_HOME", "relative/dir")
        .env("HOME", "/home/someone")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "/home/someone/.config/gnlc/config.toml\n"
    );
    // Neither flag: a usage error.
    assert_eq!(gnlc(&["config"], dir.path()).status.code(), Some(2));
}

#[test]
fn the_explorer_reports_a_broken_config_in_one_line_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("gnlc")).unwrap();
    let file = dir.path().join("gnlc/config.toml");
    std::fs::write(&file, "[keys.detail]\nnext_city = [\"p\"]\n").unwrap();
    let out = gnlc(&[], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        format!(
            "gnlc: {}:2:14: key `p` for detail.next_city conflicts with detail.prev_city in the detail view\n",
            file.display()
        )
    );
}

#[test]
fn gnlc_man_prints_a_roff_page_with_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = gnlc(&["man"], dir.path());
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.lines().any(|l| l.starts_with(".TH gnlc 1")),
        "no .TH header"
    );
    assert!(page.contains(".SH NAME\ngnlc \\- Explore the UNESCO Global Network"));
    for command in [
        "list",
        "show",
        "stats",
        "import",
        "completions",
        "config",
        "man",
    ] {
        assert!(
            page.contains(&format!(".SS \"gnlc {command}\"")),
            "no section for gnlc {command}"
        );
    }
    // Options of the main command and of a subcommand are documented.
    assert!(page.contains("\\-\\-no\\-mouse"));
    assert!(page.contains("\\-\\-force"));
    // The roff preamble appears once, not once per section.
    assert_eq!(page.matches(".ds Aq").count(), 2, "{page}");
}

#[test]
fn bash_completions_offer_the_bundled_regions_countries_clusters_and_years() {
    let dir = tempfile::tempdir().unwrap();
    let out = gnlc(&["completions", "bash"], dir.path());
    assert!(out.status.success());
    let script = String::from_utf8(out.stdout).unwrap();
    // The script's case for `--country` lists words, not a file-name completion.
    let country_case = script
        .split("--country)")
        .nth(1)
        .expect("a --country case")
        .split(";;")
        .next()
        .unwrap();
    for country in ["Ireland", "Armenia", "Denmark"] {
        assert!(country_case.contains(country), "{country} not offered");
    }
    assert!(!country_case.contains("compgen -f"), "{country_case}");
    let region_case = script
        .split("--region)")
        .nth(1)
        .unwrap()
        .split(";;")
        .next()
        .unwrap();
    assert!(
        region_case.contains("Asia and the Pacific"),
        "{region_case}"
    );
    let cluster_case = script
        .split("--cluster)")
        .nth(1)
        .unwrap()
        .split(";;")
        .next()
        .unwrap();
    assert!(cluster_case.contains("literacy"), "{cluster_case}");
    let joined_case = script
        .split("--joined)")
        .nth(1)
        .unwrap()
        .split(";;")
        .next()
        .unwrap();
    // The directory's rounds: 2016 (the first members) to 2024.
    assert!(joined_case.contains("2016"), "{joined_case}");
    // `--data` still completes file names.
    let data_case = script
        .split("--data)")
        .nth(1)
        .unwrap()
        .split(";;")
        .next()
        .unwrap();
    assert!(data_case.contains("compgen -f"), "{data_case}");
}

// ---- OSC 52 ----

#[test]
fn osc52_is_the_exact_sequence_with_and_without_tmux() {
    assert_eq!(gnlc::clipboard::osc52("hi", false), b"\x1b]52;c;aGk=\x07");
    assert_eq!(
        gnlc::clipboard::osc52("hi", true),
        b"\x1b]52;c;aGk=\x07\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
    );
    assert_eq!(
        gnlc::clipboard::osc52("Sønderborg", false),
        b"\x1b]52;c;U8O4bmRlcmJvcmc=\x07"
    );
    assert_eq!(gnlc::clipboard::osc52("", false), b"\x1b]52;c;\x07");
}

// ---- y, o, Ctrl-Z, Ctrl-L as effects ----

#[test]
fn y_asks_to_copy_the_profile_as_markdown() {
    let mut app = common::app();
    let member = app.selected_member().unwrap().clone();
    let action = app.app.keys.action_for(Mode::List, key('y')).unwrap();
    app.update(action);
    let expected = gnlc::markdown::profile(&gnlc::profile::Document::build(&member), 1);
    assert!(
        expected.starts_with(&format!("# {}", member.city)),
        "{expected}"
    );
    assert_eq!(
        app.app.take_effects(),
        vec![Effect::Copy {
            city: member.city.clone(),
            text: expected.clone()
        }]
    );
    // Taken once. The detail view copies too, and stays where it was scrolled.
    assert!(app.app.take_effects().is_empty());
    app.update(Action::Open);
    app.update(Action::CopyProfile);
    assert_eq!(app.app.take_effects().len(), 1);
    assert_eq!(app.screen, gnlc::app::Screen::Detail);
    // In the search box y types itself.
    let mut app = common::app();
    app.update(Action::SearchStart);
    let action = app.app.keys.action_for(app.mode(), key('y')).unwrap();
    assert_eq!(action, Action::SearchInput('y'));
}

#[test]
fn o_opens_the_first_web_address_or_says_there_is_none() {
    let mut dataset = common::dataset();
    dataset.members[0].source = Some("UNESCO listing page".into());
    dataset.members[0].sources = vec![
        "a news item".into(),
        "https://example.org/cities".into(),
        "https://example.org/other".into(),
    ];
    let first = dataset.members[0].city.clone();
    let mut app = Explorer::new(App::new(Engine::new(dataset), Query::default()));
    // Put the cursor on that member.
    while app.selected_member().unwrap().city != first {
        app.update(Action::Down);
    }
    app.update(Action::OpenSource);
    assert_eq!(
        app.app.take_effects(),
        vec![Effect::OpenUrl {
            city: first,
            url: "https://example.org/cities".into()
        }]
    );
    // The fixture's others have no source page: a message, and nothing to open.
    let mut app = common::app();
    app.update(Action::OpenSource);
    let city = app.selected_member().unwrap().city.clone();
    assert!(app.app.take_effects().is_empty());
    assert_eq!(
        app.status.as_deref(),
        Some(format!("{city} has no source page to open").as_str())
    );
    // The message lasts until the next action.
    app.update(Action::Down);
    assert_eq!(app.status, None);
}

#[test]
fn ctrl_z_and_ctrl_l_work_in_every_mode() {
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    for mode in [
        Mode::Facet,
        Mode::List,
        Mode::Search,
        Mode::Filter,
        Mode::Detail,
        Mode::Help,
    ] {
        assert_eq!(
            gnlc::app::keymap::action_for(mode, ctrl('z')),
            Some(Action::Suspend)
        );
        assert_eq!(
            gnlc::app::keymap::action_for(mode, ctrl('l')),
            Some(Action::Redraw)
        );
    }
    let mut app = common::app();
    app.update(Action::ToggleHelp);
    app.update(Action::Suspend);
    app.update(Action::Redraw);
    assert_eq!(
        app.app.take_effects(),
        vec![Effect::Suspend, Effect::Redraw]
    );
    // The help is still open.
    assert_eq!(app.mode(), Mode::Help);
}
