//! The clap definitions: what the user can type, with `--help` that teaches by example.

use crate::facet::{FacetKind, KINDS};
use clap::{Arg, ArgAction, Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  gnlc                                     open the explorer on the bundled data
  gnlc --region \"asia and the pacific\"     open it filtered to one region
  gnlc list --cluster literacy             cities whose profile speaks of literacy
  gnlc list --country China --country Armenia --format csv
  gnlc list --search sonder                fuzzy search on city names (accents optional)
  gnlc list --joined 2019..2020            members that joined in 2019 or 2020
  gnlc list --text \"learning lighthouses\"  search the profile text, most relevant first
  gnlc peers cork                          cities whose profiles are most like Cork's
  gnlc list --near cork --km 1000          members within 1000 km of Cork, nearest first
  gnlc show cork                           a city's tagline, vision, challenges and plan
  gnlc stats                               members by region, country, cluster, year joined
  gnlc import page1.txt page2.txt -o cities.json
  gnlc --data cities.json                  explore an imported dataset
  gnlc --data bundled --data cities.json   the bundled directory with imported profiles
  gnlc shortlist add cork espoo            mark cities (Space in the explorer does too)
  gnlc list --shortlist --format markdown  a report of the marked cities to send

Search syntax (as in fzf): terms separated by spaces must all match;
  'word exact substring   ^word prefix   word$ suffix   !word must not match

Clusters are inferred from profile text by a keyword lexicon unless a dataset states them;
the explorer and `show` say which. Exit codes: 0 success, 1 runtime error, 2 usage error.

A --data file of 2 MiB or more is kept as a snapshot in $XDG_CACHE_HOME/gnlc (~/.cache/gnlc),
used while the file is unchanged, so later loads are several times faster; `gnlc cache` lists
and clears it, GNLC_NO_CACHE=1 turns it off, GNLC_CACHE_DIR=DIR moves it.";

/// Explore the UNESCO Global Network of Learning Cities from a terminal.
///
/// With no command, opens a full-screen explorer: filter by region, country, cluster and year
/// joined, search city names as you type, read each city's vision, challenges and plan. Press ?
/// inside for keys.
#[derive(Debug, Parser)]
#[command(name = "gnlc", version, after_help = EXAMPLES, max_term_width = 100)]
pub struct Cli {
    /// Load this dataset (JSON, as written by `gnlc import` or `gnlc list --format json`)
    /// instead of the bundled one. Repeatable: members are merged by id, later files' fields
    /// win, and each changed field is named on stderr. `bundled` stands for the bundled
    /// dataset, e.g. `--data bundled --data mine.json` (a file named so: `./bundled`).
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Vec<PathBuf>,

    /// Filters the explorer opens with.
    #[command(flatten)]
    pub filters: FilterArgs,

    /// Do not capture the mouse in the explorer (lets the terminal select text).
    #[arg(long)]
    pub no_mouse: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Facet selections and search text: OR within a facet, AND across facets.
///
/// One repeatable `--ID VALUE` flag per facet kind of `facet::KINDS` (so clap's derive cannot
/// declare them; [`clap::Args`] is implemented by hand below), plus `--search`.
#[derive(Debug, Clone, Default)]
pub struct FilterArgs {
    /// The values given for each kind, in `KINDS` order; kinds without values are left out.
    pub facets: Vec<(FacetKind, Vec<String>)>,
    /// Fuzzy search on city names (case- and accent-insensitive; fzf operators).
    pub search: Option<String>,
    /// Full-text search of the profiles (words, "phrases", prefix*, !exclusions).
    pub text: Option<String>,
}

impl FilterArgs {
    /// True when any filter or search was given.
    pub fn is_set(&self) -> bool {
        self.facets.iter().any(|(_, values)| !values.is_empty())
            || self.search.is_some()
            || self.text.is_some()
    }
}

const SEARCH: &str = "search";
const TEXT: &str = "text";

impl clap::FromArgMatches for FilterArgs {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        let mut args = FilterArgs::default();
        args.update_from_arg_matches(matches)?;
        Ok(args)
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        for kind in KINDS {
            let values: Vec<String> = matches
                .get_many::<String>(kind.id)
                .map(|v| v.cloned().collect())
                .unwrap_or_default();
            if !values.is_empty() {
                self.facets.retain(|(k, _)| k != kind);
                self.facets.push((*kind, values));
            }
        }
        if let Some(search) = matches.get_one::<String>(SEARCH) {
            self.search = Some(search.clone());
        }
        if let Some(text) = matches.get_one::<String>(TEXT) {
            self.text = Some(text.clone());
        }
        Ok(())
    }
}

impl Args for FilterArgs {
    fn augment_args(command: clap::Command) -> clap::Command {
        let command = KINDS.iter().fold(command, |command, kind| {
            command.arg(
                Arg::new(kind.id)
                    .long(kind.id)
                    .value_name(kind.cli.value_name)
                    .help(kind.cli.help)
                    .action(ArgAction::Append),
            )
        });
        command
            .arg(
                Arg::new(SEARCH)
                    .long(SEARCH)
                    .value_name("Q")
                    .help(
                        "Fuzzy search on city names (case- and accent-insensitive; fzf operators).",
                    )
                    .action(ArgAction::Set),
            )
            .arg(
                Arg::new(TEXT)
                    .long(TEXT)
                    .value_name("QUERY")
                    .help(
                        "Search the profile text, ranked by relevance: all words must occur; \"a phrase\", prefix*, !excluded.",
                    )
                    .action(ArgAction::Set),
            )
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        Self::augment_args(command)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List member cities, filtered and searched.
    List {
        #[command(flatten)]
        filters: FilterArgs,
        /// Output format. `json` writes a dataset that `--data` can load again.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// Only the cities on the shortlist (see `gnlc shortlist`); combines with every filter.
        #[arg(long)]
        shortlist: bool,
        /// Only members within --km of this city, nearest first, with their great-circle
        /// distance (the city as `gnlc show` finds it). Members without coordinates are
        /// counted on stderr, never guessed.
        #[arg(long, value_name = "CITY")]
        near: Option<String>,
        /// The distance for --near, in kilometres.
        #[arg(long, value_name = "N", default_value_t = 500.0, requires = "near")]
        km: f64,
    },
    /// Show one city's profile.
    Show {
        /// The city: exact name first (case and accents optional), then the best fuzzy match.
        /// Add ", COUNTRY" when two countries have a city of that name.
        city: String,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Count members by region, country, cluster and year joined, and the network's growth.
    ///
    /// With filters, the counts are of the filtered list (as the explorer's stats screen).
    Stats {
        #[arg(long, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
        #[command(flatten)]
        filters: FilterArgs,
        /// Only the cities on the shortlist.
        #[arg(long)]
        shortlist: bool,
    },
    /// Read UNESCO learning-city listing pages and press releases announcing new members,
    /// saved as text or HTML, and write a dataset.
    ///
    /// The kind of each file is told by its content. Records it cannot read are reported on
    /// stderr with their line numbers; the rest are imported. Exits with 1 when nothing could
    /// be imported. The output is never one of the inputs, even with --force.
    Import {
        /// Listing pages or press releases, saved as text or HTML.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Write the dataset here instead of to standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Replace OUT if it exists.
        #[arg(long)]
        force: bool,
        /// The year the members of a press release joined (default: the release's date line).
        #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(u16).range(1990..=2100))]
        joined: Option<u16>,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Cities whose profiles are most like this city's, each with the distinctive words they
    /// share (or, for a city without profile text, the same country, region and year joined).
    Peers {
        /// The city, found as `show` finds it.
        city: String,
        /// How many peers to list.
        #[arg(long, default_value_t = 10, value_name = "N")]
        limit: usize,
        #[arg(long, value_enum, default_value_t = PeersFormat::Table)]
        format: PeersFormat,
    },
    /// Print the config file's place, or a commented default config file.
    ///
    /// The explorer reads `$XDG_CONFIG_HOME/gnlc/config.toml` (default `~/.config/gnlc/`): theme
    /// colours, key remaps and whether to capture the mouse.
    #[command(group = clap::ArgGroup::new("what").required(true).args(["default", "path"]))]
    Config {
        /// Print a commented config file with every default (`gnlc config --default > FILE`).
        #[arg(long)]
        default: bool,
        /// Print where the config file is read.
        #[arg(long)]
        path: bool,
    },
    /// List the load cache's snapshots (what dataset each is of, its size, whether it is
    /// still current), or empty the cache with --clear. A --data file of 2 MiB or more is
    /// kept there after its first load so later loads skip parsing.
    Cache {
        /// Remove every snapshot (they are made again as files are loaded).
        #[arg(long)]
        clear: bool,
    },
    /// Print the manual page (roff), e.g. `gnlc man | man -l -`.
    Man,
    /// Mark, unmark and list the cities of the shortlist (kept across runs in
    /// `$XDG_DATA_HOME/gnlc/shortlist.json`, shared with the explorer's Space key).
    Shortlist {
        #[command(subcommand)]
        action: ShortlistAction,
    },
}

/// What `gnlc shortlist` does.
#[derive(Debug, Subcommand)]
pub enum ShortlistAction {
    /// Mark cities (names as `gnlc show` takes them, or ids).
    Add {
        #[arg(required = true, value_name = "CITY")]
        cities: Vec<String>,
    },
    /// Unmark cities (names, or ids, also of members the dataset no longer has).
    Remove {
        #[arg(required = true, value_name = "CITY")]
        cities: Vec<String>,
    },
    /// List the marked cities of the dataset; ids it lacks are named on stderr.
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Unmark every city.
    Clear,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeersFormat {
    /// Aligned columns for people.
    Table,
    /// A JSON array of peers.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns for people.
    Table,
    /// A dataset, loadable with --data.
    Json,
    /// Comma-separated values with a header row.
    Csv,
    /// A Markdown report: a summary table, then each city's profile.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    /// Readable text.
    Text,
    /// JSON.
    Json,
}

/// The formats of `gnlc show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// Readable text.
    Text,
    /// JSON.
    Json,
    /// Markdown (renders on GitHub and in pandoc).
    Markdown,
}
