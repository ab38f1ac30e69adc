//! Terminal setup, restore and the event loop. (Stub: being written.)

use crate::app::App;
use crate::error::{Error, Result};

/// How the explorer runs.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub mouse: bool,
}

/// Runs the explorer until the user quits.
pub fn run(app: App, options: Options) -> Result<()> {
    let _ = (app, options);
    Err(Error::Usage("the explorer is not available yet".into()))
}
