//! City names folded once, when the engine is built, with a way back to the original.
//!
//! Search runs on the case- and accent-folded form of each name (`gnlc::text::for_each_folded`,
//! the one definition of folding), so `sonderborg` finds `Sønderborg`. Folding can change the
//! length of a name (`ß` → `ss`, `æ` → `ae`, combining marks vanish), so a match position in the
//! folded text is not a position in the original. Each [`FoldedName`] therefore keeps a map from
//! folded char index to original char index, stored only when the two differ (most names are
//! plain ASCII and need none).
//!
//! A 64-bit mask of the characters a name contains gives the matcher a one-instruction
//! rejection before any string scan: a term whose mask has a bit the name lacks cannot match.

use crate::text::for_each_folded;

/// A name's folded text, char mask and the map back to the original's char indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoldedName {
    text: Box<str>,
    /// `to_original[i]` is the original char index that folded char `i` came from; `None`
    /// when every original char folds to exactly one char (the map is the identity).
    to_original: Option<Box<[u32]>>,
    /// Which characters occur, see [`char_bit`].
    mask: u64,
}

impl FoldedName {
    /// Folds `original` and records where each folded char came from.
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut map: Vec<u32> = Vec::with_capacity(original.len());
        let mut identity = true;
        let mut mask = 0;
        for (index, c) in original.chars().enumerate() {
            let before = map.len();
            for_each_folded(c, |f| {
                text.push(f);
                map.push(index as u32);
                mask |= char_bit(f);
            });
            if map.len() != before + 1 {
                identity = false;
            }
        }
        FoldedName {
            text: text.into_boxed_str(),
            to_original: if identity {
                None
            } else {
                Some(map.into_boxed_slice())
            },
            mask,
        }
    }

    /// The folded text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The char mask (see [`char_bit`]).
    pub fn mask(&self) -> u64 {
        self.mask
    }

    /// The original char index that folded char `folded` came from. Out-of-range indices are
    /// returned unchanged (they cannot come from a match on this name).
    pub fn original_index(&self, folded: usize) -> usize {
        match &self.to_original {
            None => folded,
            Some(map) => map.get(folded).map_or(folded, |&i| i as usize),
        }
    }

    /// Maps folded char indices to original ones, in place, then sorts and removes repeats
    /// (`ß` folds to two chars that both map back to the one `ß`).
    pub fn map_to_original(&self, positions: &mut Vec<usize>) {
        if self.to_original.is_some() {
            for p in positions.iter_mut() {
                *p = self.original_index(*p);
            }
        }
        positions.sort_unstable();
        positions.dedup();
    }
}

/// The mask bit of one folded char: one bit per ASCII letter and digit, one shared bit for
/// everything else. Only used to reject: equal bits never prove a match.
pub fn char_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        ' ' => 1 << 36,
        '-' => 1 << 37,
        _ => 1 << 38,
    }
}

/// The mask of every char of `s`.
pub fn mask_of(s: &str) -> u64 {
    s.chars().fold(0, |m, c| m | char_bit(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_names_need_no_map() {
        let name = FoldedName::new("Cork");
        assert_eq!(name.text(), "cork");
        assert!(name.to_original.is_none());
        assert_eq!(name.original_index(2), 2);
    }

    #[test]
    fn one_to_one_accents_need_no_map() {
        let name = FoldedName::new("Sønderborg");
        assert_eq!(name.text(), "sonderborg");
        assert!(name.to_original.is_none());
    }

    #[test]
    fn expanding_fold_maps_back() {
        // S t r a ß e  → s t r a s s e: folded 4 and 5 both come from original 4.
        let name = FoldedName::new("Straße");
        assert_eq!(name.text(), "strasse");
        let mut positions = vec![4, 5, 6];
        name.map_to_original(&mut positions);
        assert_eq!(positions, vec![4, 5]);
    }

    #[test]
    fn vanishing_combining_marks_map_back() {
        // "Chis\u{326}ina\u{306}u": original chars C h i s ◌̦ i n a ◌̆ u (10), folded 8.
        let name = FoldedName::new("Chis\u{326}ina\u{306}u");
        assert_eq!(name.text(), "chisinau");
        let mut positions: Vec<usize> = (0..8).collect();
        name.map_to_original(&mut positions);
        assert_eq!(positions, vec![0, 1, 2, 3, 5, 6, 7, 9]);
    }

    #[test]
    fn masks_reject_missing_letters() {
        let name = FoldedName::new("Espoo");
        assert_eq!(mask_of("spo") & !name.mask(), 0);
        assert_ne!(mask_of("spx") & !name.mask(), 0);
    }
}
