//! `gnlc`: a terminal explorer of the UNESCO Global Network of Learning Cities.
//!
//! One library with a thin binary (`main.rs`). Data flows one way:
//!
//! ```text
//! assets/ + --data file ──> model (load, validate) ──> query (facets + fuzzy) ──> app ──> ui
//! raw listing text ──> import (parse) ──> model                                  ^
//!            crossterm events ──> keymap ──> Action ──> ui::ViewState::update ──> App::update
//! member ──> profile (one document) ──> ui::detail, ui::preview, cli (gnlc show)
//! ```
//!
//! `model::schema` is the one definition of the dataset file, read by `model::load` and
//! written by `import`. `bundle` sits above both: it builds `assets/gnlc.json` from the source
//! texts with the importer, and `model` only embeds the built file.
//!
//! The command line (`cli`) and the terminal UI (`app`, `ui`, `tui`) share the same
//! query engine, so the two can never disagree about which members match, and the same
//! profile document, so they word a profile the same way. `app` holds what the user chose,
//! `ui::ViewState` what the screen measured. The library never ends the process: `main` does,
//! with the status the library returns.

pub mod app;
pub mod bundle;
pub mod cache;
pub mod charts;
pub mod cli;
pub mod clipboard;
pub mod config;
pub mod error;
pub mod facet;
pub mod fulltext;
pub mod geo;
pub mod import;
pub mod markdown;
pub mod model;
pub mod profile;
pub mod query;
pub mod shortlist;
pub mod text;
pub mod tui;
pub mod ui;
