//! `gnlc`: a terminal explorer of the UNESCO Global Network of Learning Cities.
//!
//! One library with a thin binary (`main.rs`). Data flows one way:
//!
//! ```text
//! assets/ + --data file ──> model (load, validate) ──> query (facets + fuzzy) ──> app state ──> ui
//! raw listing text ──> import (parse) ──> model                                  ^
//!                                   crossterm events ──> keymap ──> Action ──> update
//! ```
//!
//! The command line (`cli`) and the terminal UI (`app`, `ui`, `tui`) share the same
//! query engine, so the two can never disagree about which members match.

pub mod app;
pub mod cli;
pub mod error;
pub mod facet;
pub mod import;
pub mod model;
pub mod query;
pub mod text;
pub mod tui;
pub mod ui;
