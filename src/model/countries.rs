//! The UNESCO region of every member state, and the spellings of country names that UNESCO's
//! own pages use, canonicalised to the names of the listing's country facet.
//!
//! UNESCO regions are not continents (Morocco is in the Arab States, Türkiye in Europe and North
//! America). This table is the one
//! place that knows which country is in which region and how each country may be spelled.
//!
//! The regions follow UNESCO's grouping of member states for its regional activities: the
//! Arab States include Sudan, Mauritania, Somalia and Djibouti (Comoros is in Africa); Israel,
//! Türkiye, Cyprus and the South Caucasus are Europe and North America; Central Asia, Iran and
//! Afghanistan are Asia and the Pacific. Canonical names are spelled as UNESCO's listing facet
//! spells them (the saved listing page in `assets/`: "Iran (Islamic Republic of)", "Türkiye", "Viet Nam", ...); countries
//! not in that facet are spelled as UNESCO's list of member states spells them.
//!
//! Lookups compare a key that ignores case, accents, punctuation, white space, `&` versus
//! "and" and a leading "the", so "Cote d'Ivoire", "CÔTE D’IVOIRE" and "the Gambia" all resolve.

use super::Region;
use std::collections::HashMap;
use std::sync::LazyLock;

use Region::{
    Africa as AF, ArabStates as AR, AsiaPacific as AP, EuropeNorthAmerica as EU,
    LatinAmericaCaribbean as LA,
};

/// Canonical country names (as UNESCO's listing facet spells them) and their regions:
/// the 194 member states, two former members that pages still name (Israel, which the
/// listing's facet has, and Liechtenstein), and the associate members.
pub const COUNTRIES: &[(&str, Region)] = &[
    // Africa
    ("Angola", AF),
    ("Benin", AF),
    ("Botswana", AF),
    ("Burkina Faso", AF),
    ("Burundi", AF),
    ("Cabo Verde", AF),
    ("Cameroon", AF),
    ("Central African Republic", AF),
    ("Chad", AF),
    ("Comoros", AF),
    ("Congo", AF),
    ("Côte d'Ivoire", AF),
    ("Democratic Republic of the Congo", AF),
    ("Equatorial Guinea", AF),
    ("Eritrea", AF),
    ("Eswatini", AF),
    ("Ethiopia", AF),
    ("Gabon", AF),
    ("Gambia", AF),
    ("Ghana", AF),
    ("Guinea", AF),
    ("Guinea-Bissau", AF),
    ("Kenya", AF),
    ("Lesotho", AF),
    ("Liberia", AF),
    ("Madagascar", AF),
    ("Malawi", AF),
    ("Mali", AF),
    ("Mauritius", AF),
    ("Mozambique", AF),
    ("Namibia", AF),
    ("Niger", AF),
    ("Nigeria", AF),
    ("Rwanda", AF),
    ("Sao Tome and Principe", AF),
    ("Senegal", AF),
    ("Seychelles", AF),
    ("Sierra Leone", AF),
    ("South Africa", AF),
    ("South Sudan", AF),
    ("Togo", AF),
    ("Uganda", AF),
    ("United Republic of Tanzania", AF),
    ("Zambia", AF),
    ("Zimbabwe", AF),
    // Arab States
    ("Algeria", AR),
    ("Bahrain", AR),
    ("Djibouti", AR),
    ("Egypt", AR),
    ("Iraq", AR),
    ("Jordan", AR),
    ("Kuwait", AR),
    ("Lebanon", AR),
    ("Libya", AR),
    ("Mauritania", AR),
    ("Morocco", AR),
    ("Oman", AR),
    ("Palestine", AR),
    ("Qatar", AR),
    ("Saudi Arabia", AR),
    ("Somalia", AR),
    ("Sudan", AR),
    ("Syrian Arab Republic", AR),
    ("Tunisia", AR),
    ("United Arab Emirates", AR),
    ("Yemen", AR),
    // Asia and the Pacific
    ("Afghanistan", AP),
    ("Australia", AP),
    ("Bangladesh", AP),
    ("Bhutan", AP),
    ("Brunei Darussalam", AP),
    ("Cambodia", AP),
    ("China", AP),
    ("Cook Islands", AP),
    ("Democratic People's Republic of Korea", AP),
    ("Fiji", AP),
    ("India", AP),
    ("Indonesia", AP),
    ("Iran (Islamic Republic of)", AP),
    ("Japan", AP),
    ("Kazakhstan", AP),
    ("Kiribati", AP),
    ("Kyrgyzstan", AP),
    ("Lao People's Democratic Republic", AP),
    ("Malaysia", AP),
    ("Maldives", AP),
    ("Marshall Islands", AP),
    ("Micronesia (Federated States of)", AP),
    ("Mongolia", AP),
    ("Myanmar", AP),
    ("Nauru", AP),
    ("Nepal", AP),
    ("New Zealand", AP),
    ("Niue", AP),
    ("Pakistan", AP),
    ("Palau", AP),
    ("Papua New Guinea", AP),
    ("Philippines", AP),
    ("Republic of Korea", AP),
    ("Samoa", AP),
    ("Singapore", AP),
    ("Solomon Islands", AP),
    ("Sri Lanka", AP),
    ("Tajikistan", AP),
    ("Thailand", AP),
    ("Timor-Leste", AP),
    ("Tonga", AP),
    ("Turkmenistan", AP),
    ("Tuvalu", AP),
    ("Uzbekistan", AP),
    ("Vanuatu", AP),
    ("Viet Nam", AP),
    // Europe and North America
    ("Albania", EU),
    ("Andorra", EU),
    ("Armenia", EU),
    ("Austria", EU),
    ("Azerbaijan", EU),
    ("Belarus", EU),
    ("Belgium", EU),
    ("Bosnia and Herzegovina", EU),
    ("Bulgaria", EU),
    ("Canada", EU),
    ("Croatia", EU),
    ("Cyprus", EU),
    ("Czechia", EU),
    ("Denmark", EU),
    ("Estonia", EU),
    ("Finland", EU),
    ("France", EU),
    ("Georgia", EU),
    ("Germany", EU),
    ("Greece", EU),
    ("Hungary", EU),
    ("Iceland", EU),
    ("Ireland", EU),
    ("Israel", EU),
    ("Italy", EU),
    ("Latvia", EU),
    ("Liechtenstein", EU),
    ("Lithuania", EU),
    ("Luxembourg", EU),
    ("Malta", EU),
    ("Monaco", EU),
    ("Montenegro", EU),
    ("Netherlands", EU),
    ("North Macedonia", EU),
    ("Norway", EU),
    ("Poland", EU),
    ("Portugal", EU),
    ("Republic of Moldova", EU),
    ("Romania", EU),
    ("Russian Federation", EU),
    ("San Marino", EU),
    ("Serbia", EU),
    ("Slovakia", EU),
    ("Slovenia", EU),
    ("Spain", EU),
    ("Sweden", EU),
    ("Switzerland", EU),
    ("Türkiye", EU),
    ("Ukraine", EU),
    ("United Kingdom of Great Britain and Northern Ireland", EU),
    ("United States of America", EU),
    // Latin America and the Caribbean
    ("Antigua and Barbuda", LA),
    ("Argentina", LA),
    ("Bahamas", LA),
    ("Barbados", LA),
    ("Belize", LA),
    ("Bolivia (Plurinational State of)", LA),
    ("Brazil", LA),
    ("Chile", LA),
    ("Colombia", LA),
    ("Costa Rica", LA),
    ("Cuba", LA),
    ("Dominica", LA),
    ("Dominican Republic", LA),
    ("Ecuador", LA),
    ("El Salvador", LA),
    ("Grenada", LA),
    ("Guatemala", LA),
    ("Guyana", LA),
    ("Haiti", LA),
    ("Honduras", LA),
    ("Jamaica", LA),
    ("Mexico", LA),
    ("Nicaragua", LA),
    ("Panama", LA),
    ("Paraguay", LA),
    ("Peru", LA),
    ("Saint Kitts and Nevis", LA),
    ("Saint Lucia", LA),
    ("Saint Vincent and the Grenadines", LA),
    ("Suriname", LA),
    ("Trinidad and Tobago", LA),
    ("Uruguay", LA),
    ("Venezuela (Bolivarian Republic of)", LA),
    // Associate members
    ("Anguilla", LA),
    ("Aruba", LA),
    ("British Virgin Islands", LA),
    ("Cayman Islands", LA),
    ("Curaçao", LA),
    ("Montserrat", LA),
    ("Sint Maarten", LA),
    ("Faroes", EU),
    ("Macao, China", AP),
    ("New Caledonia", AP),
    ("Tokelau", AP),
];

/// Other spellings → canonical name. Spellings that differ from a canonical name only in
/// case, accents, punctuation, white space or a leading "the" need no entry here.
pub const ALIASES: &[(&str, &str)] = &[
    // Africa
    ("Cape Verde", "Cabo Verde"),
    ("Republic of Cabo Verde", "Cabo Verde"),
    ("Ivory Coast", "Côte d'Ivoire"),
    ("Republic of Côte d'Ivoire", "Côte d'Ivoire"),
    ("Republic of the Congo", "Congo"),
    ("Congo-Brazzaville", "Congo"),
    ("DR Congo", "Democratic Republic of the Congo"),
    ("DRC", "Democratic Republic of the Congo"),
    (
        "Congo (Democratic Republic of the)",
        "Democratic Republic of the Congo",
    ),
    ("Congo-Kinshasa", "Democratic Republic of the Congo"),
    ("Swaziland", "Eswatini"),
    ("Kingdom of Eswatini", "Eswatini"),
    ("Republic of the Gambia", "Gambia"),
    ("Republic of Guinea", "Guinea"),
    ("Tanzania", "United Republic of Tanzania"),
    (
        "Tanzania (United Republic of)",
        "United Republic of Tanzania",
    ),
    ("Federal Republic of Nigeria", "Nigeria"),
    ("Republic of South Africa", "South Africa"),
    ("Republic of Kenya", "Kenya"),
    ("Republic of Senegal", "Senegal"),
    ("Republic of Cameroon", "Cameroon"),
    ("Federal Democratic Republic of Ethiopia", "Ethiopia"),
    // Arab States
    ("Kingdom of Morocco", "Morocco"),
    ("Arab Republic of Egypt", "Egypt"),
    ("People's Democratic Republic of Algeria", "Algeria"),
    ("Republic of Tunisia", "Tunisia"),
    ("Kingdom of Saudi Arabia", "Saudi Arabia"),
    ("KSA", "Saudi Arabia"),
    ("Kingdom of Bahrain", "Bahrain"),
    ("State of Qatar", "Qatar"),
    ("State of Kuwait", "Kuwait"),
    ("Sultanate of Oman", "Oman"),
    ("Hashemite Kingdom of Jordan", "Jordan"),
    ("Lebanese Republic", "Lebanon"),
    ("Republic of Iraq", "Iraq"),
    ("Syria", "Syrian Arab Republic"),
    ("State of Palestine", "Palestine"),
    ("Palestinian Territories", "Palestine"),
    ("Libyan Arab Jamahiriya", "Libya"),
    ("State of Libya", "Libya"),
    ("Islamic Republic of Mauritania", "Mauritania"),
    ("Republic of the Sudan", "Sudan"),
    ("Republic of Yemen", "Yemen"),
    ("UAE", "United Arab Emirates"),
    ("Republic of Djibouti", "Djibouti"),
    ("Federal Republic of Somalia", "Somalia"),
    // Asia and the Pacific
    ("People's Republic of China", "China"),
    ("PRC", "China"),
    ("Iran", "Iran (Islamic Republic of)"),
    ("Islamic Republic of Iran", "Iran (Islamic Republic of)"),
    ("Islamic Republic of Afghanistan", "Afghanistan"),
    ("South Korea", "Republic of Korea"),
    ("Korea", "Republic of Korea"),
    ("Korea, Republic of", "Republic of Korea"),
    ("North Korea", "Democratic People's Republic of Korea"),
    ("DPRK", "Democratic People's Republic of Korea"),
    ("Laos", "Lao People's Democratic Republic"),
    ("Lao PDR", "Lao People's Democratic Republic"),
    ("Vietnam", "Viet Nam"),
    ("Socialist Republic of Viet Nam", "Viet Nam"),
    ("Socialist Republic of Vietnam", "Viet Nam"),
    ("Brunei", "Brunei Darussalam"),
    ("East Timor", "Timor-Leste"),
    ("Burma", "Myanmar"),
    ("Micronesia", "Micronesia (Federated States of)"),
    (
        "Federated States of Micronesia",
        "Micronesia (Federated States of)",
    ),
    ("Kyrgyz Republic", "Kyrgyzstan"),
    ("Republic of Kazakhstan", "Kazakhstan"),
    ("Republic of Uzbekistan", "Uzbekistan"),
    ("Republic of the Philippines", "Philippines"),
    ("Republic of Indonesia", "Indonesia"),
    ("Kingdom of Thailand", "Thailand"),
    ("Kingdom of Cambodia", "Cambodia"),
    ("Republic of India", "India"),
    ("Islamic Republic of Pakistan", "Pakistan"),
    ("People's Republic of Bangladesh", "Bangladesh"),
    ("Macao", "Macao, China"),
    ("Macau", "Macao, China"),
    ("Macao SAR", "Macao, China"),
    // Europe and North America
    ("Turkey", "Türkiye"),
    ("Republic of Türkiye", "Türkiye"),
    ("Republic of Turkey", "Türkiye"),
    (
        "United Kingdom",
        "United Kingdom of Great Britain and Northern Ireland",
    ),
    ("UK", "United Kingdom of Great Britain and Northern Ireland"),
    (
        "Great Britain",
        "United Kingdom of Great Britain and Northern Ireland",
    ),
    (
        "Britain",
        "United Kingdom of Great Britain and Northern Ireland",
    ),
    (
        "England",
        "United Kingdom of Great Britain and Northern Ireland",
    ),
    (
        "Scotland",
        "United Kingdom of Great Britain and Northern Ireland",
    ),
    (
        "Wales",
        "United Kingdom of Great Britain and Northern Ireland",
    ),
    (
        "Northern Ireland",
        "United Kingdom of Great Britain and Northern Ireland",
    ),
    ("United States", "United States of America"),
    ("USA", "United States of America"),
    ("US", "United States of America"),
    ("U.S.A.", "United States of America"),
    ("Russia", "Russian Federation"),
    ("Moldova", "Republic of Moldova"),
    ("Moldova, Republic of", "Republic of Moldova"),
    ("Czech Republic", "Czechia"),
    ("Netherlands (Kingdom of the)", "Netherlands"),
    ("Kingdom of the Netherlands", "Netherlands"),
    ("Holland", "Netherlands"),
    ("Macedonia", "North Macedonia"),
    (
        "The former Yugoslav Republic of Macedonia",
        "North Macedonia",
    ),
    ("Republic of North Macedonia", "North Macedonia"),
    ("Slovak Republic", "Slovakia"),
    ("Bosnia-Herzegovina", "Bosnia and Herzegovina"),
    ("Bosnia", "Bosnia and Herzegovina"),
    ("Hellenic Republic", "Greece"),
    ("Federal Republic of Germany", "Germany"),
    ("French Republic", "France"),
    ("Italian Republic", "Italy"),
    ("Kingdom of Spain", "Spain"),
    ("Portuguese Republic", "Portugal"),
    ("Kingdom of Belgium", "Belgium"),
    ("Kingdom of Denmark", "Denmark"),
    ("Kingdom of Sweden", "Sweden"),
    ("Kingdom of Norway", "Norway"),
    ("Republic of Finland", "Finland"),
    ("Republic of Ireland", "Ireland"),
    ("Republic of Poland", "Poland"),
    ("Republic of Armenia", "Armenia"),
    ("Republic of Azerbaijan", "Azerbaijan"),
    ("Republic of Belarus", "Belarus"),
    ("Republic of Bulgaria", "Bulgaria"),
    ("Republic of Latvia", "Latvia"),
    ("Republic of Lithuania", "Lithuania"),
    ("Republic of Estonia", "Estonia"),
    ("Republic of Croatia", "Croatia"),
    ("Republic of Serbia", "Serbia"),
    ("Republic of Slovenia", "Slovenia"),
    ("Republic of Cyprus", "Cyprus"),
    ("State of Israel", "Israel"),
    ("Swiss Confederation", "Switzerland"),
    ("Republic of Austria", "Austria"),
    ("Faroe Islands", "Faroes"),
    // Latin America and the Caribbean
    ("Bolivia", "Bolivia (Plurinational State of)"),
    (
        "Plurinational State of Bolivia",
        "Bolivia (Plurinational State of)",
    ),
    ("Venezuela", "Venezuela (Bolivarian Republic of)"),
    (
        "Bolivarian Republic of Venezuela",
        "Venezuela (Bolivarian Republic of)",
    ),
    ("Federative Republic of Brazil", "Brazil"),
    ("Argentine Republic", "Argentina"),
    ("United Mexican States", "Mexico"),
    ("Republic of Colombia", "Colombia"),
    ("Republic of Chile", "Chile"),
    ("Republic of Peru", "Peru"),
    ("Republic of Ecuador", "Ecuador"),
    ("Republic of Costa Rica", "Costa Rica"),
    ("Republic of Honduras", "Honduras"),
    ("Republic of Nicaragua", "Nicaragua"),
    ("Republic of Paraguay", "Paraguay"),
    ("Oriental Republic of Uruguay", "Uruguay"),
    ("St Kitts and Nevis", "Saint Kitts and Nevis"),
    ("St. Lucia", "Saint Lucia"),
    (
        "St Vincent and the Grenadines",
        "Saint Vincent and the Grenadines",
    ),
    ("Commonwealth of the Bahamas", "Bahamas"),
];

/// The lookup key: folded (case and accents), every run of characters that are not letters
/// or digits turned into one space, `&` read as "and", and a leading "the" dropped.
fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    let push_word_char = |out: &mut String, f: char, pending: &mut bool| {
        if *pending && !out.is_empty() {
            out.push(' ');
        }
        *pending = false;
        out.push(f);
    };
    for c in name.chars() {
        if c == '&' {
            pending_space = true;
            for f in "and".chars() {
                push_word_char(&mut out, f, &mut pending_space);
            }
            pending_space = true;
            continue;
        }
        let mut any = false;
        crate::text::for_each_folded(c, |f| {
            if f.is_alphanumeric() {
                push_word_char(&mut out, f, &mut pending_space);
                any = true;
            }
        });
        // A combining mark folds to nothing and is part of its letter: no word break.
        let is_mark = unicode_normalization::char::is_combining_mark(c);
        if !any && !is_mark {
            pending_space = true;
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

/// Every spelling's key → index in [`COUNTRIES`]; built once, on first use.
static INDEX: LazyLock<HashMap<String, usize>> = LazyLock::new(|| {
    let mut index = HashMap::with_capacity(COUNTRIES.len() + ALIASES.len());
    for (i, (name, _)) in COUNTRIES.iter().enumerate() {
        index.insert(key(name), i);
    }
    for (alias, canonical) in ALIASES {
        // An alias of a name missing from the table is a bug a unit test catches; at run
        // time it is skipped rather than panicking.
        if let Some(&i) = index.get(&key(canonical)) {
            index.entry(key(alias)).or_insert(i);
        }
    }
    index
});

/// The canonical name and region of a country, whichever listed spelling is given
/// (case-, accent-, punctuation- and white-space-insensitive).
pub fn lookup(name: &str) -> Option<(&'static str, Region)> {
    // Most names are written as the table spells them: found without folding or allocating.
    if let Some(&i) = EXACT.get(name) {
        return Some(COUNTRIES[i]);
    }
    INDEX.get(&key(name)).map(|&i| COUNTRIES[i])
}

/// The table's own spellings, each mapped to what [`INDEX`] gives for it.
static EXACT: LazyLock<HashMap<&'static str, usize, foldhash::fast::FixedState>> =
    LazyLock::new(|| {
        COUNTRIES
            .iter()
            .filter_map(|(name, _)| INDEX.get(&key(name)).map(|&i| (*name, i)))
            .collect()
    });

/// The canonical spelling of a country, if it is known.
pub fn canonical(name: &str) -> Option<&'static str> {
    lookup(name).map(|(c, _)| c)
}

/// The region of a country, if it is known.
pub fn region_of(name: &str) -> Option<Region> {
    lookup(name).map(|(_, r)| r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// The countries of the listing's country facet, copied from the saved listing page in
    /// `assets/`. The page's heading counts 66, but its facet lists 64 (counted between "Clear all filters" and "Africa").
    const FACET: [&str; 64] = [
        "Afghanistan",
        "Algeria",
        "Argentina",
        "Armenia",
        "Australia",
        "Azerbaijan",
        "Bahrain",
        "Belarus",
        "Belgium",
        "Bosnia and Herzegovina",
        "Brazil",
        "Bulgaria",
        "Cameroon",
        "China",
        "Colombia",
        "Costa Rica",
        "Denmark",
        "Ecuador",
        "Egypt",
        "Finland",
        "France",
        "Germany",
        "Greece",
        "Guinea",
        "Honduras",
        "Hungary",
        "Indonesia",
        "Iran (Islamic Republic of)",
        "Ireland",
        "Israel",
        "Italy",
        "Japan",
        "Jordan",
        "Kenya",
        "Latvia",
        "Lebanon",
        "Lithuania",
        "Malawi",
        "Malaysia",
        "Mexico",
        "Morocco",
        "Netherlands",
        "Nicaragua",
        "Nigeria",
        "Palestine",
        "Paraguay",
        "Peru",
        "Philippines",
        "Poland",
        "Portugal",
        "Qatar",
        "Republic of Korea",
        "Republic of Moldova",
        "Russian Federation",
        "Saudi Arabia",
        "Senegal",
        "Spain",
        "Thailand",
        "Tunisia",
        "Türkiye",
        "Ukraine",
        "United Kingdom of Great Britain and Northern Ireland",
        "Uzbekistan",
        "Viet Nam",
    ];

    #[test]
    fn every_facet_country_resolves_to_itself() {
        for name in FACET {
            let (canonical, _) =
                lookup(name).unwrap_or_else(|| panic!("facet country {name} is unknown"));
            assert_eq!(canonical, name, "a facet name is canonical");
        }
    }

    #[test]
    fn regions_are_unesco_regions_not_continents() {
        for name in [
            "Morocco",
            "Egypt",
            "Tunisia",
            "Sudan",
            "Mauritania",
            "Algeria",
        ] {
            assert_eq!(region_of(name), Some(Region::ArabStates), "{name}");
        }
        for name in ["Somalia", "Djibouti", "Libya", "Palestine"] {
            assert_eq!(region_of(name), Some(Region::ArabStates), "{name}");
        }
        for name in [
            "Israel",
            "Türkiye",
            "Armenia",
            "Azerbaijan",
            "Georgia",
            "Cyprus",
        ] {
            assert_eq!(region_of(name), Some(Region::EuropeNorthAmerica), "{name}");
        }
        for name in [
            "Kazakhstan",
            "Uzbekistan",
            "Kyrgyzstan",
            "Tajikistan",
            "Turkmenistan",
            "Iran (Islamic Republic of)",
            "Afghanistan",
        ] {
            assert_eq!(region_of(name), Some(Region::AsiaPacific), "{name}");
        }
        assert_eq!(region_of("Cameroon"), Some(Region::Africa));
        assert_eq!(region_of("Kenya"), Some(Region::Africa));
        assert_eq!(region_of("Mexico"), Some(Region::LatinAmericaCaribbean));
        assert_eq!(region_of("United States of America"), Some(EU));
        assert_eq!(region_of("Canada"), Some(EU));
    }

    #[test]
    fn every_alias_points_at_a_canonical_name() {
        let names: HashSet<&str> = COUNTRIES.iter().map(|(c, _)| *c).collect();
        for (alias, canonical) in ALIASES {
            assert!(
                names.contains(canonical),
                "{alias} → {canonical}: not canonical"
            );
            assert_eq!(lookup(alias).map(|(c, _)| c), Some(*canonical), "{alias}");
        }
    }

    #[test]
    fn no_spelling_is_listed_twice() {
        let mut keys = HashSet::new();
        for (name, _) in COUNTRIES {
            assert!(keys.insert(key(name)), "{name} is listed twice");
        }
        for (alias, _) in ALIASES {
            assert!(keys.insert(key(alias)), "alias {alias} repeats a name");
        }
    }

    #[test]
    fn the_table_covers_every_member_state() {
        // 194 member states + Israel and Liechtenstein + 11 associate members.
        assert!(COUNTRIES.len() >= 193, "{} countries", COUNTRIES.len());
        let per_region = |r: Region| COUNTRIES.iter().filter(|(_, x)| *x == r).count();
        assert_eq!(per_region(AR), 21, "UNESCO's Arab States");
    }

    #[test]
    fn spellings_from_unesco_pages_resolve() {
        let cases = [
            ("Turkey", "Türkiye"),
            ("turkiye", "Türkiye"),
            ("Kingdom of Morocco", "Morocco"),
            ("People's Republic of China", "China"),
            ("People’s Republic of China", "China"),
            ("Islamic Republic of Iran", "Iran (Islamic Republic of)"),
            ("Iran", "Iran (Islamic Republic of)"),
            ("Kingdom of Saudi Arabia", "Saudi Arabia"),
            ("Cape Verde", "Cabo Verde"),
            ("Ivory Coast", "Côte d'Ivoire"),
            ("Cote d'Ivoire", "Côte d'Ivoire"),
            ("CÔTE D’IVOIRE", "Côte d'Ivoire"),
            ("Vietnam", "Viet Nam"),
            (
                "United Kingdom",
                "United Kingdom of Great Britain and Northern Ireland",
            ),
            ("UK", "United Kingdom of Great Britain and Northern Ireland"),
            ("South Korea", "Republic of Korea"),
            ("Korea, Republic of", "Republic of Korea"),
            ("Moldova", "Republic of Moldova"),
            ("Russia", "Russian Federation"),
            ("Bolivia", "Bolivia (Plurinational State of)"),
            ("Venezuela", "Venezuela (Bolivarian Republic of)"),
            ("Tanzania", "United Republic of Tanzania"),
            ("Syria", "Syrian Arab Republic"),
            ("Laos", "Lao People's Democratic Republic"),
            ("USA", "United States of America"),
            ("United States", "United States of America"),
            ("Czech Republic", "Czechia"),
            ("State of Palestine", "Palestine"),
            ("Kingdom of the Netherlands", "Netherlands"),
            ("the Netherlands", "Netherlands"),
            ("The Gambia", "Gambia"),
            ("  republic   of  MOLDOVA ", "Republic of Moldova"),
            ("Bosnia & Herzegovina", "Bosnia and Herzegovina"),
        ];
        for (spelling, canonical) in cases {
            assert_eq!(canonical_of(spelling), Some(canonical), "{spelling}");
        }
    }

    fn canonical_of(s: &str) -> Option<&'static str> {
        canonical(s)
    }

    #[test]
    fn unknown_names_are_unknown() {
        assert_eq!(lookup("Atlantis"), None);
        assert_eq!(lookup(""), None);
        assert_eq!(lookup("the"), None);
        assert_eq!(lookup("Republic of"), None);
        // Guinea and Equatorial Guinea and Guinea-Bissau are three countries.
        assert_eq!(canonical("Guinea"), Some("Guinea"));
        assert_eq!(canonical("Niger"), Some("Niger"));
        assert_eq!(canonical("Nigeria"), Some("Nigeria"));
        assert_eq!(canonical("Sudan"), Some("Sudan"));
        assert_eq!(region_of("South Sudan"), Some(Region::Africa));
    }
}
