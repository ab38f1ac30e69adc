//! Everything the user can ask the explorer to do, as plain data.
//!
//! Keys and mouse events become an [`Action`] (see `keymap`), and only `App::update` changes
//! state, so the whole explorer can be driven and tested without a terminal.

use super::line::Edit;
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
    /// Mark or unmark the selected city on the shortlist.
    ToggleMark,
    /// Show only the shortlist, or every city again (a filter combined with the others).
    ToggleShortlistOnly,
    /// Open the stats screen of the filtered list, or leave it.
    Stats,
    /// Open the export prompt.
    ExportStart,
    /// Type one character into the export prompt (or answer its y/n question).
    PromptInput(char),
    /// Delete the last character of the export prompt.
    PromptBackspace,
    /// Export to the file named in the prompt.
    PromptSubmit,
    /// Close the export prompt without writing.
    PromptCancel,
    /// Rename a shortlist file that cannot be read to `shortlist.json.bad-<time>`.
    MoveShortlistAside,
    /// Copy the selected city's profile, as Markdown, to the terminal's clipboard.
    CopyProfile,
    /// Open the selected city's source page in the browser.
    OpenSource,
    /// Suspend the explorer to the shell (Ctrl-Z); `fg` brings it back.
    Suspend,
    /// Clear the terminal and draw the whole screen again (Ctrl-L).
    Redraw,
    /// Switch the search box between city names and profile text.
    ToggleScope,
    /// In the detail view: scroll to the next line with a match of the profile search.
    NextMatch,
    /// In the detail view: select the next of the Similar cities.
    NextSimilar,
    /// In the detail view: select the previous of the Similar cities.
    PrevSimilar,
    /// In the detail view: open the selected similar city (Esc comes back).
    OpenSimilar,
    /// Edit the text field that has the keyboard (the search box or a pane's filter).
    Edit(Edit),
    /// Half a page up (Ctrl-U outside the search box).
    HalfPageUp,
    /// Half a page down (Ctrl-D).
    HalfPageDown,
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

impl Action {
    /// True for the actions that only change the text of the search box or of a pane's
    /// filter: the ones a burst of typing is made of, whose query runs can be coalesced.
    pub fn edits_text(self) -> bool {
        matches!(
            self,
            Action::SearchInput(_)
                | Action::SearchBackspace
                | Action::SearchClear
                | Action::FilterInput(_)
                | Action::FilterBackspace
                | Action::Edit(_)
        )
    }
}
