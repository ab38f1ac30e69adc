//! The command line: clap definitions, and dispatch to the explorer or to a non-interactive
//! command. Everything here turns arguments into a [`crate::query::Query`] and hands it to the
//! same engine the explorer uses, so `gnlc list` and the explorer always agree.

mod args;
mod completion;
mod facets;
mod man;
mod near;
mod output;
mod peers;
mod shortlist;
mod show;
mod stats;

pub use args::{
    Cli, Command, FilterArgs, ListFormat, PeersFormat, ShortlistAction, ShowFormat, TextFormat,
};
pub use output::CSV_HEADER;
pub use peers::explanation as peer_explanation;

use crate::error::{Error, Result};
use crate::model::Dataset;
use crate::query::Engine;
use std::io::Write;

impl Cli {
    /// What clap makes of a command line with no arguments (the explorer on the bundled
    /// data), made without clap: building and walking its command tree is a quarter of a
    /// millisecond of the explorer's start-up. A test checks that both agree.
    pub fn without_arguments() -> Cli {
        Cli {
            data: Vec::new(),
            filters: FilterArgs::default(),
            no_mouse: false,
            command: None,
        }
    }
}

/// The `--data` value that stands for the bundled dataset.
pub const BUNDLED_ARG: &str = "bundled";

/// Loads the dataset the user chose: the bundled one when `paths` is empty, else each file
/// (or `bundled`) in order, merged by id (`model::merge`): later files' fields win. Each
/// field a later file changes is named on `err`, one line each, with the file that changed
/// it. Returns the dataset and those lines.
pub fn load_dataset(
    paths: &[std::path::PathBuf],
    err: &mut dyn Write,
) -> Result<(Dataset, Vec<String>)> {
    let load = |path: &std::path::Path| -> Result<(Dataset, String)> {
        if path.as_os_str() == BUNDLED_ARG {
            Ok((Dataset::bundled(), crate::model::BUNDLED_NAME.to_string()))
        } else {
            let name = path.to_string_lossy();
            Ok((crate::model::load::from_path(&name)?, name.into_owned()))
        }
    };
    let mut paths = paths.iter();
    let Some(first) = paths.next() else {
        return Ok((Dataset::bundled(), Vec::new()));
    };
    let (mut dataset, _) = load(first)?;
    let mut lines = Vec::new();
    for path in paths {
        let (next, name) = load(path)?;
        let (merged, report) = crate::model::merge::merge(dataset, next);
        dataset = merged;
        for conflict in report.conflicts {
            let line = format!("{}: {conflict}", crate::text::sanitize_line(&name));
            // A closed stderr is no reason to refuse the data.
            let _ = writeln!(err, "gnlc: {line}");
            lines.push(line);
        }
    }
    Ok((dataset, lines))
}

/// Runs a parsed command line and returns the exit status for `main` (0 unless the explorer
/// ended by a signal). Output goes to `out`; the explorer takes over the terminal.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32> {
    if cli.command.is_some() && cli.filters.is_set() {
        return Err(Error::Usage(
            "filters before a command apply to the explorer only; put them after it, e.g. `gnlc list --region Africa`".into(),
        ));
    }
    refuse_data_where_ignored(&cli)?;
    let done = match cli.command {
        None => return explore(&cli),
        Some(Command::List {
            filters,
            format,
            shortlist: only_shortlist,
            near,
            km,
        }) => {
            let mut engine = Engine::new(load_dataset(&cli.data, err)?.0);
            if filters.text.is_some() {
                engine = engine.with_text_index();
            }
            let mut query = facets::build_query(&engine, &filters)?;
            if only_shortlist {
                shortlist::restrict(&mut query)?;
            }
            let results = engine.run(&query);
            if let Some(city) = near {
                return near::list(&engine, &results, &city, km, format, out, err).map(|()| 0);
            }
            let written = output::list(&engine, &results, &query.profile, format, out);
            exit_without_freeing(engine, results);
            written
        }
        Some(Command::Show { city, format }) => {
            let engine = Engine::new(load_dataset(&cli.data, err)?.0);
            let member = show::find(&engine, &city)?;
            output::show(engine.member(member), format, out)
        }
        Some(Command::Peers {
            city,
            limit,
            format,
        }) => {
            let engine = Engine::new(load_dataset(&cli.data, err)?.0);
            let member = show::find(&engine, &city)?;
            let engine = engine.with_text_index();
            peers::print(&engine, member, limit, format, out)
        }
        Some(Command::Stats {
            format,
            filters,
            shortlist: only_shortlist,
        }) => {
            let engine = Engine::new(load_dataset(&cli.data, err)?.0);
            let mut query = facets::build_query(&engine, &filters)?;
            if only_shortlist {
                shortlist::restrict(&mut query)?;
            }
            stats::print(&engine, &query, format, out)
        }
        Some(Command::Shortlist { action }) => {
            let engine = Engine::new(load_dataset(&cli.data, err)?.0);
            shortlist::run(&engine, action, out, err)
        }
        Some(Command::Import {
            files,
            output,
            force,
            joined,
        }) => {
            let options = crate::import::ImportOptions {
                output: output.as_deref(),
                force,
                joined,
            };
            crate::import::run_with(&files, options, out, err).map(|_summary| ())
        }
        Some(Command::Completions { shell }) => {
            // Generated into memory first: clap_complete panics on a failed write (a closed
            // pipe), where ours reports it.
            let mut command = completion::with_values(<Cli as clap::CommandFactory>::command());
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "gnlc", &mut script);
            out.write_all(&script).map_err(|e| write_error(&e))
        }
        Some(Command::Config { default, path }) => {
            if default {
                out.write_all(crate::config::default_file().as_bytes())
                    .map_err(|e| write_error(&e))
            } else {
                let _ = path;
                let place = crate::config::path()?;
                writeln!(out, "{}", place.display()).map_err(|e| write_error(&e))
            }
        }
        Some(Command::Man) => {
            let page =
                man::page(<Cli as clap::CommandFactory>::command()).map_err(|e| write_error(&e))?;
            out.write_all(&page).map_err(|e| write_error(&e))
        }
    };
    done.map(|()| 0)
}

/// The process ends right after a command: freeing a large dataset member by member only
/// delays the exit (8% of `gnlc list` at 100k members), and the OS reclaims it all at once.
fn exit_without_freeing<T, U>(engine: T, results: U) {
    std::mem::forget(engine);
    std::mem::forget(results);
}

/// Maps a write error to our error type; a closed pipe (`gnlc list | head`) is not an error.
pub(crate) fn write_error(e: &std::io::Error) -> Error {
    Error::io("<stdout>", e)
}

/// Opens the explorer on the command line's data and filters, with the user's config.
fn explore(cli: &Cli) -> Result<i32> {
    use std::io::IsTerminal;
    // A broken config file is reported before anything else, terminal or not.
    let config = crate::config::load()?;
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        return Err(Error::Usage(
            "the explorer needs a terminal on standard input and output; for a pipe or a file use `gnlc list`, `gnlc show` or `gnlc stats`".into(),
        ));
    }
    // Loaded with the terminal already raw, so keys typed meanwhile are kept (see `tui`).
    let (data, filters, keys) = (cli.data.clone(), cli.filters.clone(), config.keys);
    let load = move || {
        let (dataset, conflicts) = load_dataset(&data, &mut std::io::sink())?;
        let engine = Engine::new(dataset);
        let query = facets::build_query(&engine, &filters)?;
        let mut app = crate::app::App::new(engine, query);
        app.keys = keys;
        // A shortlist file that cannot be read does not stop the explorer: it starts,
        // says so, and never writes the file (see `app::marks`).
        match crate::shortlist::default_path() {
            Ok(path) => {
                app = app.with_shortlist(crate::shortlist::Shortlist::open_or_report(path));
            }
            Err(e) => app.notice = Some(e.to_string()),
        }
        Ok((app, conflicts))
    };
    crate::tui::run_loading(
        &loading_label(&cli.data),
        load,
        crate::tui::Options {
            mouse: config.mouse && !cli.no_mouse,
            palette: config.palette,
        },
    )
}

/// What "Loading …" names: the files, or the bundled dataset.
fn loading_label(paths: &[std::path::PathBuf]) -> String {
    if paths.is_empty() {
        return "the bundled dataset".to_string();
    }
    let names: Vec<String> = paths
        .iter()
        .map(|p| {
            if p.as_os_str() == BUNDLED_ARG {
                "the bundled dataset".to_string()
            } else {
                p.to_string_lossy().into_owned()
            }
        })
        .collect();
    names.join(", ")
}

/// `--data` given to a command that reads no dataset (`import`, `completions`, `man`,
/// `config`) is a usage
/// error, not silently ignored.
fn refuse_data_where_ignored(cli: &Cli) -> Result<()> {
    if !cli.data.is_empty()
        && let Some(name) = match cli.command {
            Some(Command::Import { .. }) => Some("import"),
            Some(Command::Completions { .. }) => Some("completions"),
            Some(Command::Man) => Some("man"),
            Some(Command::Config { .. }) => Some("config"),
            _ => None,
        }
    {
        return Err(Error::Usage(format!(
            "`gnlc {name}` reads no dataset, so --data does not apply to it; leave it out"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::Cli;
    use clap::Parser;

    #[test]
    fn no_arguments_parse_as_clap_would() {
        let parsed = Cli::try_parse_from(["gnlc"]).unwrap();
        assert_eq!(
            format!("{parsed:?}"),
            format!("{:?}", Cli::without_arguments())
        );
        // And the comparison can fail: one flag differs.
        let other = Cli::try_parse_from(["gnlc", "--no-mouse"]).unwrap();
        assert_ne!(
            format!("{other:?}"),
            format!("{:?}", Cli::without_arguments())
        );
    }
}
