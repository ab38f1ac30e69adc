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
//!
//! The engine keeps all names in one [`FoldedNames`] arena, in the order it scans them
//! (alphabetical): one string, one offsets array and one masks array, read front to back. At
//! 100k members this layout, rather than one heap string per name visited in a permuted
//! order, is what keeps the per-keystroke scan within budget (cache misses dominated).

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
}

/// Many folded names in one arena, addressed by their position in it.
#[derive(Debug, Clone, Default)]
pub struct FoldedNames {
    text: String,
    /// `ends[i]` is where name `i` ends in `text`; it starts where name `i - 1` ends.
    ends: Vec<u32>,
    masks: Vec<u64>,
    maps: Vec<Option<Box<[u32]>>>,
}

/// A borrowed view of one folded name.
#[derive(Debug, Clone, Copy)]
pub struct NameRef<'a> {
    text: &'a str,
    mask: u64,
    to_original: Option<&'a [u32]>,
}

impl FoldedNames {
    /// An empty arena with room for `names` names of `bytes` bytes in all, so filling it
    /// never reallocates.
    pub fn with_capacity(names: usize, bytes: usize) -> Self {
        FoldedNames {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(names),
            masks: Vec::with_capacity(names),
            maps: Vec::with_capacity(names),
        }
    }

    /// Appends a name; it gets the next position.
    pub fn push(&mut self, name: FoldedName) {
        self.text.push_str(&name.text);
        self.ends.push(self.text.len() as u32);
        self.masks.push(name.mask);
        self.maps.push(name.to_original);
    }

    /// The name at `position`.
    ///
    /// # Panics
    /// When `position` is out of range (an engine-internal index).
    pub fn get(&self, position: usize) -> NameRef<'_> {
        let start = if position == 0 {
            0
        } else {
            self.ends[position - 1] as usize
        };
        NameRef {
            text: &self.text[start..self.ends[position] as usize],
            mask: self.masks[position],
            to_original: self.maps[position].as_deref(),
        }
    }

    /// Every name's character mask, by position (see [`mask_of`]): testing one needs no
    /// string access, the cheapest rejection.
    pub fn masks(&self) -> &[u64] {
        &self.masks
    }
}

/// The names in a snapshot of the engine's index ([`crate::cache`]).
impl FoldedNames {
    pub fn write<W: std::io::Write>(
        &self,
        w: &mut crate::cache::codec::Writer<W>,
    ) -> std::io::Result<()> {
        w.str(&self.text)?;
        w.u32s(&self.ends)?;
        w.u64s(&self.masks)?;
        for map in &self.maps {
            w.option(map.as_deref(), crate::cache::codec::Writer::u32s)?;
        }
        Ok(())
    }

    /// Reads names back; `None` unless there are `count` of them, each a whole slice of
    /// the text on character boundaries.
    pub fn read<R: std::io::Read>(
        r: &mut crate::cache::codec::Reader<R>,
        count: usize,
    ) -> Option<Self> {
        let text = r.string()?;
        let ends = r.u32s()?;
        let masks = r.u64s()?;
        if ends.len() != count || masks.len() != count {
            return None;
        }
        let mut start = 0;
        for &end in &ends {
            let end = end as usize;
            if end < start || !text.is_char_boundary(end) {
                return None;
            }
            start = end;
        }
        if start != text.len() {
            return None;
        }
        let mut maps = Vec::with_capacity(count);
        for _ in 0..count {
            maps.push(r.option(|r| r.u32s().map(Vec::into_boxed_slice))?);
        }
        Some(FoldedNames {
            text,
            ends,
            masks,
            maps,
        })
    }
}

impl<'a> NameRef<'a> {
    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn mask(&self) -> u64 {
        self.mask
    }

    /// Maps folded char indices to original ones, in place, sorted and without repeats.
    pub fn map_to_original(&self, positions: &mut Vec<usize>) {
        map_to_original(self.to_original, positions);
    }
}

fn map_to_original(map: Option<&[u32]>, positions: &mut Vec<usize>) {
    if let Some(map) = map {
        for p in positions.iter_mut() {
            *p = map.get(*p).map_or(*p, |&i| i as usize);
        }
    }
    positions.sort_unstable();
    positions.dedup();
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
pub(super) mod tests {
    use super::*;

    /// An arena of one name, whose `get(0)` is the view the matcher takes.
    pub(in crate::query) fn one(name: &str) -> FoldedNames {
        let mut names = FoldedNames::default();
        names.push(FoldedName::new(name));
        names
    }

    #[test]
    fn ascii_names_need_no_map() {
        let name = FoldedName::new("Cork");
        assert_eq!(name.text(), "cork");
        assert!(name.to_original.is_none());
        let mut positions = vec![3, 1];
        one("Cork").get(0).map_to_original(&mut positions);
        assert_eq!(positions, vec![1, 3]);
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
        one("Straße").get(0).map_to_original(&mut positions);
        assert_eq!(positions, vec![4, 5]);
    }

    #[test]
    fn vanishing_combining_marks_map_back() {
        // "Chis\u{326}ina\u{306}u": original chars C h i s ◌̦ i n a ◌̆ u (10), folded 8.
        let name = FoldedName::new("Chis\u{326}ina\u{306}u");
        assert_eq!(name.text(), "chisinau");
        let mut positions: Vec<usize> = (0..8).collect();
        one("Chis\u{326}ina\u{306}u")
            .get(0)
            .map_to_original(&mut positions);
        assert_eq!(positions, vec![0, 1, 2, 3, 5, 6, 7, 9]);
    }

    #[test]
    fn masks_reject_missing_letters() {
        let name = FoldedName::new("Espoo");
        assert_eq!(mask_of("spo") & !name.mask, 0);
        assert_ne!(mask_of("spx") & !name.mask, 0);
    }

    #[test]
    fn the_arena_gives_back_each_name() {
        let mut names = FoldedNames::default();
        for city in ["Cork", "Straße", "", "Æbeltoft"] {
            names.push(FoldedName::new(city));
        }
        let texts: Vec<&str> = (0..4).map(|i| names.get(i).text()).collect();
        assert_eq!(texts, ["cork", "strasse", "", "aebeltoft"]);
        assert_eq!(names.masks()[3], mask_of("aebeltoft"));
        let mut positions = vec![5, 4];
        names.get(1).map_to_original(&mut positions);
        assert_eq!(positions, vec![4]);
    }
}
