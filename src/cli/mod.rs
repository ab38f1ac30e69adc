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

/// The dataset the user chose, in its engine, with what loading it reported and did not
/// yet do.
pub struct Loaded {
    pub engine: Engine,
    /// Each field a later file changed, one line each (also written to `err`).
    pub conflicts: Vec<String>,
    /// The load cache's snapshot of a single file just parsed, for the caller to write when
    /// it suits (after the output, or after the explorer's first frame).
    pub snapshot: Option<crate::cache::Pending>,
}

/// Writes a pending snapshot, if any, of `engine` (the engine it was loaded into). A cache
/// that cannot be written is no error: the next load parses the file again.
pub fn write_snapshot(snapshot: Option<crate::cache::Pending>, engine: &Engine) {
    if let Some(pending) = snapshot {
        let _ = pending.write(engine);
    }
}

/// Loads the dataset the user chose into an engine: the bundled one when `paths` is empty,
/// else each file (or `bundled`) in order, merged by id (`model::merge`): later files'
/// fields win. Each field a later file changes is named on `err`, one line each, with the
/// file that changed it. A large file goes through the load cache ([`crate::cache`]).
pub fn load_dataset(paths: &[std::path::PathBuf], err: &mut dyn Write) -> Result<Loaded> {
    let Some((first, rest)) = paths.split_first() else {
        return Ok(Loaded {
            engine: Engine::new(Dataset::bundled()),
            conflicts: Vec::new(),
            snapshot: None,
        });
    };
    // Only now: the bundled data's start-up need not look at the environment.
    let cache = crate::cache::Cache::from_env();
    let load = |path: &std::path::Path| -> Result<(Engine, String, Option<crate::cache::Pending>)> {
        if path.as_os_str() == BUNDLED_ARG {
            Ok((
                Engine::new(Dataset::bundled()),
                crate::model::BUNDLED_NAME.to_string(),
                None,
            ))
        } else {
            let name = path.to_string_lossy();
            let (engine, pending) = match &cache {
                Some(cache) => cache.load(&name)?,
                None => (Engine::new(crate::model::load::from_path(&name)?), None),
            };
            Ok((engine, name.into_owned(), pending))
        }
    };
    let (engine, _, snapshot) = load(first)?;
    if rest.is_empty() {
        return Ok(Loaded {
            engine,
            conflicts: Vec::new(),
            snapshot,
        });
    }
    // Several files: each one's snapshot is of its own members, written before they are
    // merged into a new engine.
    let dataset_of = |engine: Engine, snapshot| {
        write_snapshot(snapshot, &engine);
        engine.into_dataset()
    };
    let mut dataset = dataset_of(engine, snapshot);
    let mut lines = Vec::new();
    for path in rest {
        let (engine, name, pending) = load(path)?;
        let (merged, report) = crate::model::merge::merge(dataset, dataset_of(engine, pending));
        dataset = merged;
        for conflict in report.conflicts {
            let line = format!("{}: {conflict}", crate::text::sanitize_line(&name));
            // A closed stderr is no reason to refuse the data.
            let _ = writeln!(err, "gnlc: {line}");
            lines.push(line);
        }
    }
    Ok(Loaded {
        engine: Engine::new(dataset),
        conflicts: lines,
        snapshot: None,
    })
}

/// Loads the chosen dataset into an engine, with the snapshot still to write.
fn load_engine(
    paths: &[std::path::PathBuf],
    err: &mut dyn Write,
) -> Result<(Engine, Option<crate::cache::Pending>)> {
    let loaded = load_dataset(paths, err)?;
    Ok((loaded.engine, loaded.snapshot))
}

/// After a command's output: flushes it (the reader should not wait for the cache), then
/// writes the pending snapshot. A failed output (a closed pipe) is reported by the caller;
/// the snapshot is written anyway.
fn after_output(out: &mut dyn Write, engine: &Engine, snapshot: Option<crate::cache::Pending>) {
    if snapshot.is_some() {
        let _ = out.flush();
        write_snapshot(snapshot, engine);
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
    refuse_data_where_ignored(&cli)?;
    let done = match cli.command {
        None => return explore(&cli),
        Some(Command::List {
            filters,
            format,
            shortlist: only_shortlist,
            near,
            km,
        }) => list(
            &cli.data,
            &filters,
            only_shortlist,
            near.as_deref(),
            km,
            format,
            out,
            err,
        ),
        Some(Command::Show { city, format }) => {
            let (engine, snapshot) = load_engine(&cli.data, err)?;
            let member = show::find(&engine, &city)?;
            let written = output::show(engine.member(member), format, out);
            after_output(out, &engine, snapshot);
            written
        }
        Some(Command::Peers {
            city,
            limit,
            format,
        }) => {
            let (engine, snapshot) = load_engine(&cli.data, err)?;
            let member = show::find(&engine, &city)?;
            let engine = engine.with_text_index();
            let written = peers::print(&engine, member, limit, format, out);
            after_output(out, &engine, snapshot);
            written
        }
        Some(Command::Stats {
            format,
            filters,
            shortlist: only_shortlist,
        }) => {
            let (engine, snapshot) = load_engine(&cli.data, err)?;
            let mut query = facets::build_query(&engine, &filters)?;
            if only_shortlist {
                shortlist::restrict(&mut query)?;
            }
            let written = stats::print(&engine, &query, format, out);
            after_output(out, &engine, snapshot);
            written
        }
        Some(Command::Shortlist { action }) => {
            let (engine, snapshot) = load_engine(&cli.data, err)?;
            let written = shortlist::run(&engine, action, out, err);
            after_output(out, &engine, snapshot);
            written
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
        Some(Command::Cache { clear }) => cache(clear, out),
        Some(Command::Man) => {
            let page =
                man::page(<Cli as clap::CommandFactory>::command()).map_err(|e| write_error(&e))?;
            out.write_all(&page).map_err(|e| write_error(&e))
        }
    };
    done.map(|()| 0)
}

/// `gnlc list`: the members that pass the filters, ranked, in `format`.
#[allow(clippy::too_many_arguments)]
fn list(
    data: &[std::path::PathBuf],
    filters: &args::FilterArgs,
    only_shortlist: bool,
    near: Option<&str>,
    km: f64,
    format: ListFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let (mut engine, snapshot) = load_engine(data, err)?;
    if filters.text.is_some() {
        engine = engine.with_text_index();
    }
    let mut query = facets::build_query(&engine, filters)?;
    if only_shortlist {
        shortlist::restrict(&mut query)?;
    }
    let results = engine.run(&query);
    let written = match near {
        Some(city) => near::list(&engine, &results, city, km, format, out, err),
        None => output::list(&engine, &results, &query.profile, format, out),
    };
    after_output(out, &engine, snapshot);
    exit_without_freeing(engine, results);
    written
}

/// `gnlc cache`: the snapshots of the load cache, one line each, or `--clear` to remove
/// them.
fn cache(clear: bool, out: &mut dyn Write) -> Result<()> {
    let Some(cache) = crate::cache::Cache::from_env() else {
        return writeln!(
            out,
            "The load cache is off (GNLC_NO_CACHE is set, or neither XDG_CACHE_HOME nor HOME is)."
        )
        .map_err(|e| write_error(&e));
    };
    let dir = crate::text::sanitize_line(&cache.dir().to_string_lossy()).into_owned();
    // Tenths of a megabyte are all that is shown: precision lost above 2^52 bytes is not.
    #[allow(clippy::cast_precision_loss)]
    let megabytes = |bytes: u64| bytes as f64 / 1e6;
    let written = if clear {
        let (files, bytes) = cache
            .clear()
            .map_err(|e| Error::io(&cache.dir().to_string_lossy(), &e))?;
        writeln!(
            out,
            "Removed {files} file{} ({:.1} MB) from {dir}",
            if files == 1 { "" } else { "s" },
            megabytes(bytes)
        )
    } else {
        let entries = cache.entries();
        let total: u64 = entries.iter().map(|e| e.bytes).sum();
        (|| {
            writeln!(
                out,
                "{dir}: {} snapshot{}, {:.1} MB",
                entries.len(),
                if entries.len() == 1 { "" } else { "s" },
                megabytes(total)
            )?;
            for e in &entries {
                let dataset = e.dataset.as_ref().map_or_else(
                    || "?".to_string(),
                    |d| crate::text::sanitize_line(&d.to_string_lossy()).into_owned(),
                );
                writeln!(
                    out,
                    "{:>9.1} MB  {:<18}  {dataset}",
                    megabytes(e.bytes),
                    e.state.label()
                )?;
            }
            if !entries.is_empty() {
                writeln!(out, "`gnlc cache --clear` removes them.")?;
            }
            Ok(())
        })()
    };
    written.map_err(|e| write_error(&e))
}

/// The process ends right after a command: freeing a large dataset member by member only
/// delays the exit (8% of `gnlc list` at 100k members), and the OS reclaims it all at once.
fn exit_without_freeing<T, U>(engine: T, results: U) {
    std::mem::forget(engine);
    std::mem::forget(results);
}

/// Maps a write error to our error type; a closed pipe (`gnlc list | head`) is not an error.
pub(crate) fn write_error(e: &std::io::Error) -> Error {
    // The csv writer wraps the I/O error it met (a closed pipe among them) in its own.
    if let Some(inner) = e.get_ref().and_then(|i| i.downcast_ref::<::csv::Error>())
        && let ::csv::ErrorKind::Io(io) = inner.kind()
    {
        return Error::io("<stdout>", io);
    }
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
    let snapshot_writer = std::sync::Arc::new(std::sync::Mutex::new(None));
    let writing = std::sync::Arc::clone(&snapshot_writer);
    let load = move || {
        let loaded = load_dataset(&data, &mut std::io::sink())?;
        let (engine, conflicts) = (loaded.engine, loaded.conflicts);
        // The snapshot is written while the user looks at the first frames; quitting waits
        // for it (after the terminal is restored) rather than leave half a file.
        if let Some(pending) = loaded.snapshot {
            let copy = engine.clone();
            let handle = std::thread::spawn(move || write_snapshot(Some(pending), &copy));
            if let Ok(mut slot) = writing.lock() {
                *slot = Some(handle);
            }
        }
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
    let status = crate::tui::run_loading(
        &loading_label(&cli.data),
        load,
        crate::tui::Options {
            mouse: config.mouse && !cli.no_mouse,
            palette: config.palette,
        },
    );
    let handle = snapshot_writer.lock().ok().and_then(|mut slot| slot.take());
    if let Some(handle) = handle {
        let _ = handle.join();
    }
    status
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
            Some(Command::Cache { .. }) => Some("cache"),
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
