//! `gnlc import`: UNESCO learning-city listing pages, saved as text, into a dataset.
//! (Stub: to be written.)
