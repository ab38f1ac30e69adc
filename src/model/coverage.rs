//! What a dataset covers, in words: "349 of the 425 members announced by December 2025" when
//! the dataset records what the network announced (`Dataset::announced`), plain counts
//! otherwise. The explorer's header and `gnlc stats` say it the same way, from here.
//!
//! The counts are given, not computed here: callers have them at no cost (the query engine
//! interns the countries once), and a frame must not walk 100 000 members to draw a title.

use super::Announced;

/// A dataset's size beside what the network announced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage<'a> {
    /// Members in the dataset.
    pub members: usize,
    /// Countries they are in.
    pub countries: usize,
    /// What the network announced, when the dataset records it.
    pub announced: Option<&'a Announced>,
}

impl Coverage<'_> {
    /// The whole sentence: "349 of the 425 members announced by December 2025", or
    /// "13 members in 10 countries".
    pub fn long(&self) -> String {
        let (n, countries) = (self.members, self.countries);
        match self.announced {
            Some(a) if n <= a.members as usize => format!(
                "{n} of the {} members announced by {}",
                a.members,
                crate::text::sanitize_line(&a.as_of)
            ),
            Some(a) => format!(
                "{n} {}; {} announced by {}",
                plural(n, "member", "members"),
                a.members,
                crate::text::sanitize_line(&a.as_of)
            ),
            None => format!(
                "{n} {} in {countries} {}",
                plural(n, "member", "members"),
                plural(countries, "country", "countries")
            ),
        }
    }

    /// The same in few cells: "349 of 425 members", or "13 members".
    pub fn short(&self) -> String {
        let n = self.members;
        match self.announced {
            Some(a) if n <= a.members as usize => format!("{n} of {} members", a.members),
            _ => format!("{n} {}", plural(n, "member", "members")),
        }
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announced_data_is_said_as_a_share_and_other_data_as_counts() {
        let announced = Announced {
            members: 425,
            countries: 91,
            as_of: "December 2025".into(),
        };
        let bundled = Coverage {
            members: 349,
            countries: 82,
            announced: Some(&announced),
        };
        assert_eq!(
            bundled.long(),
            "349 of the 425 members announced by December 2025"
        );
        assert_eq!(bundled.short(), "349 of 425 members");
        let more = Coverage {
            members: 430,
            ..bundled.clone()
        };
        assert_eq!(more.long(), "430 members; 425 announced by December 2025");
        let plain = Coverage {
            members: 13,
            countries: 10,
            announced: None,
        };
        assert_eq!(plain.long(), "13 members in 10 countries");
        assert_eq!(plain.short(), "13 members");
        let one = Coverage {
            members: 1,
            countries: 1,
            announced: None,
        };
        assert_eq!(one.long(), "1 member in 1 country");
    }
}
