//! Rendering the explorer. (Stub: to be written.)
