//! The dataset bundled into the binary, so an installed `gnlc` needs no files.

/// The bundled dataset, built from the texts in `assets/`.
pub const BUNDLED_JSON: &str = include_str!("../../assets/gnlc.json");

/// How errors and the status bar refer to the bundled dataset.
pub const BUNDLED_NAME: &str = "<bundled dataset>";
