//! The explorer's state machine. (Stub: to be written.)
