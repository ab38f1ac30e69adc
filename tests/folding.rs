//! Folding is one definition shared by the search and the derived ids: a name written with the
//! capital sharp s `ẞ` (U+1E9E), as German capitals may be, is found and identified exactly as
//! the same name written with `ß` or `ss`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

use gnlc::model::{Member, load};
use gnlc::query::{Engine, Query};

const DATA: &str = r#"{ "members": [
  {"city": "GROẞSTADT", "country": "Germany"},
  {"city": "Kleinstadt", "country": "Germany"}
] }"#;

#[test]
fn capital_sharp_s_is_found_by_double_s() {
    let data = load::from_str(DATA, "sharp-s.json").expect("the fixture loads");
    let engine = Engine::new(data);
    for typed in ["grossstadt", "großstadt", "GROSS"] {
        let query = Query::text(typed);
        let results = engine.run(&query);
        let cities: Vec<&str> = results
            .hits
            .iter()
            .map(|h| engine.member(h.member).city.as_str())
            .collect();
        assert_eq!(cities, ["GROẞSTADT"], "searching {typed}");
    }
}

#[test]
fn capital_sharp_s_derives_the_id_of_sharp_s() {
    let capital = Member::derive_id("GROẞSTADT", "Germany");
    assert_eq!(capital, Member::derive_id("Großstadt", "Germany"));
    assert_eq!(capital, "grossstadt-germany");
    let data = load::from_str(DATA, "sharp-s.json").expect("the fixture loads");
    assert_eq!(data.members[0].id, "grossstadt-germany");
}
