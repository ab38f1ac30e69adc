//! Everything the user can ask the explorer to do, as plain data.
//!
//! Keys and mouse events become an [`Action`] (see `keymap`), and only `App::update` changes
//! state, so the whole explorer can be driven and tested without a terminal.

use crate::model::Section;

/// One request to the explorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the program.
    Quit,
    /// Show or hide the key help overlay.
    ToggleHelp,
    /// Close the help overlay.
    CloseHelp,
    /// Focus the next pane (the facet panes in kind order, then Cities, then round again).
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Move the cursor (or scroll the detail view) one line up.
    Up,
    /// One line down.
    Down,
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// To the first value (or the top of the detail view).
    Home,
    /// To the last value (or the end of the detail view).
    End,
    /// In a facet pane: select or unselect the value under the cursor.
    Toggle,
    /// In the city list: open the detail view of the selected city.
    Open,
    /// In a facet pane: unselect every value of that pane.
    ClearPane,
    /// Unselect every facet value and clear the search text.
    ClearAll,
    /// Give the search box focus.
    SearchStart,
    /// Type one character into the search box.
    SearchInput(char),
    /// Delete the last character of the search text.
    SearchBackspace,
    /// Empty the search text (Ctrl-U).
    SearchClear,
    /// Leave the search box, keeping its text.
    SearchLeave,
    /// Open the detail view of the selected (top) result from the search box.
    SearchSubmit,
    /// In a facet pane: start typing a filter of the pane's values.
    FilterStart,
    /// Type one character into the focused pane's filter.
    FilterInput(char),
    /// Delete the last character of the pane's filter.
    FilterBackspace,
    /// Stop typing, keeping the filter (to move and toggle among the matching values).
    FilterLeave,
    /// Clear the focused pane's filter and stop typing.
    FilterClear,
    /// In the detail view: show the next city of the filtered list.
    NextCity,
    /// In the detail view: show the previous city of the filtered list.
    PrevCity,
    /// In the detail view: scroll to a section.
    JumpSection(Section),
    /// Leave the detail view for the city list, keeping the selection.
    Back,
    /// A left click at a screen cell (column, row).
    Click { column: u16, row: u16 },
    /// The mouse wheel over a screen cell; `down` is true for scrolling down.
    Wheel { column: u16, row: u16, down: bool },
    /// Open the map of the filtered list, or leave it for the screen it was opened from.
    ToggleMap,
    /// On the map: show half the span.
    ZoomIn,
    /// On the map: show twice the span.
    ZoomOut,
    /// On the map: move the view west (a quarter of its span).
    PanWest,
    /// On the map: move the view east.
    PanEast,
    /// On the map: move the view north.
    PanNorth,
    /// On the map: move the view south.
    PanSouth,
    /// On the map: back to the view fitted to the filtered list.
    ResetMap,
}
