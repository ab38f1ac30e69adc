//! Terminal setup, restore and the event loop. (Stub: to be written.)
