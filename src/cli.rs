//! The command line. (Stub: to be written.)
