//! The explorer's state machine. (Stub: being written.)

use crate::query::{Engine, Query};

/// The explorer's state.
pub struct App {
    pub engine: Engine,
    pub query: Query,
}

impl App {
    pub fn new(engine: Engine, query: Query) -> Self {
        App { engine, query }
    }
}
