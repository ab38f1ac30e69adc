//! The one scroll type, shared by every scrolling view: the lists (which have a cursor), the
//! detail view and the help overlay (which do not).
//!
//! A [`Scroll`] is what the screen measured: the first row shown and the rows that fit. Keys
//! move it by lines or by its own page height; the renderer clamps it to the content when it
//! knows the content's length. Keeping a cursor in view is the pure [`top_for_cursor`].

/// The first row shown of a scrolling view, and how many rows it showed at the last frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    /// Index of the first visible row.
    pub offset: usize,
    /// Rows visible at the last frame: the step of `PgUp` and `PgDn`.
    pub page: usize,
}

/// A move of a scrolling view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Up(usize),
    Down(usize),
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Half the visible height up (Ctrl-U), at least one row.
    HalfPageUp,
    /// Half the visible height down (Ctrl-D).
    HalfPageDown,
}

impl Scroll {
    /// The page step: the visible height, at least one row.
    pub fn page_step(self) -> usize {
        self.page.max(1)
    }

    /// The half-page step of Ctrl-D and Ctrl-U: half the visible height, at least one row.
    pub fn half_page(self) -> usize {
        (self.page / 2).max(1)
    }

    /// Moves the first row shown. `Bottom` goes as far as it can; [`Scroll::clamp`] brings
    /// it back to the last page once the content's length is known.
    pub fn apply(&mut self, step: Step) {
        let page = self.page_step();
        self.offset = match step {
            Step::Up(n) => self.offset.saturating_sub(n),
            Step::Down(n) => self.offset.saturating_add(n),
            Step::PageUp => self.offset.saturating_sub(page),
            Step::PageDown => self.offset.saturating_add(page),
            Step::Top => 0,
            Step::Bottom => usize::MAX,
            Step::HalfPageUp => self.offset.saturating_sub(self.half_page()),
            Step::HalfPageDown => self.offset.saturating_add(self.half_page()),
        };
    }

    /// Records the visible height and keeps the offset at most `max_offset`.
    pub fn clamp(&mut self, page: usize, max_offset: usize) {
        self.page = page;
        self.offset = self.offset.min(max_offset);
    }

    /// Records the visible height and moves the offset so that `cursor` of `len` rows is
    /// visible, with no empty rows after the last one. Returns the first visible row.
    pub fn follow(&mut self, cursor: usize, len: usize, page: usize) -> usize {
        self.page = page;
        self.offset = top_for_cursor(self.offset, page, cursor).min(len.saturating_sub(page));
        self.offset
    }
}

/// The first row to show so that `cursor` is visible in `height` rows, moving as little as
/// possible from `top`: unchanged while the cursor is in view, else the cursor on the first
/// row (moving up) or the last row (moving down).
pub fn top_for_cursor(top: usize, height: usize, cursor: usize) -> usize {
    if cursor < top || height == 0 {
        cursor.min(top)
    } else if cursor >= top + height {
        cursor + 1 - height
    } else {
        top
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_moves_only_when_the_cursor_leaves_the_view() {
        // Rows 10..15 are shown.
        assert_eq!(top_for_cursor(10, 5, 12), 10);
        assert_eq!(top_for_cursor(10, 5, 14), 10);
        // One past the last row: that row becomes the last shown.
        assert_eq!(top_for_cursor(10, 5, 15), 11);
        assert_eq!(top_for_cursor(10, 5, 40), 36);
        // Above the first row: it becomes the first shown.
        assert_eq!(top_for_cursor(10, 5, 9), 9);
        assert_eq!(top_for_cursor(10, 5, 0), 0);
        // No rows at all: nothing moves down for it.
        assert_eq!(top_for_cursor(10, 0, 30), 10);
    }

    #[test]
    fn following_a_cursor_leaves_no_blank_rows_after_the_end() {
        let mut scroll = Scroll { offset: 8, page: 0 };
        // Ten rows in a five-row view: the top is at most 5.
        assert_eq!(scroll.follow(9, 10, 5), 5);
        assert_eq!(scroll.page, 5);
        assert_eq!(scroll.follow(0, 10, 5), 0);
        // Fewer rows than the height: always from the top.
        assert_eq!(scroll.follow(2, 3, 5), 0);
    }

    #[test]
    fn paging_moves_by_the_visible_height() {
        let mut scroll = Scroll { offset: 0, page: 7 };
        scroll.apply(Step::PageDown);
        scroll.apply(Step::PageDown);
        assert_eq!(scroll.offset, 14);
        scroll.apply(Step::PageUp);
        assert_eq!(scroll.offset, 7);
        scroll.apply(Step::Bottom);
        scroll.clamp(7, 30);
        assert_eq!(scroll.offset, 30);
        scroll.apply(Step::Up(40));
        assert_eq!(scroll.offset, 0);
        // Before any frame the page is unknown: a page is then one row, never zero.
        let mut fresh = Scroll::default();
        fresh.apply(Step::PageDown);
        assert_eq!(fresh.offset, 1);
    }
}
