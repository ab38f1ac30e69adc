//! The command line: clap definitions, and dispatch to the explorer or to a non-interactive
//! command. Everything here turns arguments into a [`crate::query::Query`] and hands it to the
//! same engine the explorer uses, so `gnlc list` and the explorer always agree.

mod args;
mod facets;
mod near;
mod output;
mod show;
mod stats;

pub use args::{Cli, Command, FilterArgs, ListFormat, TextFormat};

use crate::error::{Error, Result};
use crate::model::Dataset;
use crate::query::Engine;
use std::io::Write;

/// Loads the dataset the user chose: `--data FILE`, or the bundled one.
pub fn load_dataset(path: Option<&std::path::Path>) -> Result<Dataset> {
    match path {
        Some(path) => crate::model::load::from_path(&path.to_string_lossy()),
        None => Ok(Dataset::bundled()),
    }
}

/// Runs a parsed command line and returns the exit status for `main` (0 unless the explorer
/// ended by a signal). Output goes to `out`; the explorer takes over the terminal.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32> {
    if cli.command.is_some() && cli.filters.is_set() {
        return Err(Error::Usage(
            "filters before a command apply to the explorer only; put them after it, e.g. `gnlc list --region Africa`".into(),
        ));
    }
    let done = match cli.command {
        None => {
            use std::io::IsTerminal;
            if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
                return Err(Error::Usage(
                    "the explorer needs a terminal on standard input and output; for a pipe or a file use `gnlc list`, `gnlc show` or `gnlc stats`".into(),
                ));
            }
            let engine = Engine::new(load_dataset(cli.data.as_deref())?);
            let query = facets::build_query(&engine, &cli.filters)?;
            let app = crate::app::App::new(engine, query);
            return crate::tui::run(
                app,
                crate::tui::Options {
                    mouse: !cli.no_mouse,
                },
            );
        }
        Some(Command::List {
            filters,
            format,
            near: Some(city),
            km,
        }) => {
            let engine = Engine::new(load_dataset(cli.data.as_deref())?);
            let query = facets::build_query(&engine, &filters)?;
            let results = engine.run(&query);
            near::list(&engine, &results, &city, km, format, out, err)
        }
        Some(Command::List {
            filters, format, ..
        }) => {
            let engine = Engine::new(load_dataset(cli.data.as_deref())?);
            let query = facets::build_query(&engine, &filters)?;
            let results = engine.run(&query);
            let written = output::list(&engine, &results, format, out);
            exit_without_freeing(engine, results);
            written
        }
        Some(Command::Show { city, format }) => {
            let engine = Engine::new(load_dataset(cli.data.as_deref())?);
            let member = show::find(&engine, &city)?;
            output::show(engine.member(member), format, out)
        }
        Some(Command::Stats { format }) => {
            let engine = Engine::new(load_dataset(cli.data.as_deref())?);
            stats::print(&engine, format, out)
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
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "gnlc", &mut script);
            out.write_all(&script).map_err(|e| write_error(&e))
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
