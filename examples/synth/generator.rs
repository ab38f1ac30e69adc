//! Synthetic datasets in the project's format, for measuring `gnlc` at scale.
//!
//! One implementation shared by the `synth` example (which writes files) and the benchmarks
//! (which `#[path]`-include this file), so a benchmark and a command-line measurement always
//! see the same kind of data.
//!
//! Every member is generated from its own pseudo-random stream seeded by `(seed, index)`, so a
//! member's name does not depend on whether the text of earlier members was generated: the
//! names-only output (for `fzf --filter`) lists exactly the cities of the full output.
//! Names come from syllable tables of a dozen naming traditions (accents, CJK, Hangul, Arabic
//! and Ge'ez script, several words, saints' prefixes...), countries from a table spanning all
//! five UNESCO regions (and any of `gnlc::model::countries::COUNTRIES`). A country the loader
//! knows is mostly written without a `region`, so the loader resolves it.
//! Ids are explicit and unique: `slug(city)-slug(country)`, with `-2`, `-3`... appended only
//! when that pair repeats. About half the members state their clusters; the rest leave them
//! for inference at load.

use gnlc::model::{Award, Cluster, Coordinates, MemberRecord, Region};
use std::collections::HashMap;
use std::io::{self, Write};

/// A small deterministic PRNG (xorshift64*), seeded through splitmix64.
pub struct Rng(u64);

impl Rng {
    /// A generator for one `(seed, stream)` pair.
    pub fn new(seed: u64, stream: u64) -> Rng {
        let mut z = seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// How one naming tradition builds a city name.
struct Culture {
    /// Whole-word prefixes (`"San "`, `"Al-"`), used now and then.
    prefixes: &'static [&'static str],
    starts: &'static [&'static str],
    middles: &'static [&'static str],
    ends: &'static [&'static str],
    /// Whole-word suffixes (`" del Valle"`), used now and then.
    suffixes: &'static [&'static str],
    /// A second syllable set in another script (CJK, Hangul...): `(parts, joiner)`.
    script: Option<(&'static [&'static str], &'static str)>,
    /// Two-word names (`"Hà Nội"`): the second word's syllables, if any.
    second_words: &'static [&'static str],
}

const SLAVIC: Culture = Culture {
    prefixes: &["Nova ", "Stara ", "Veliko ", "Gorna ", "Dolna ", "Mala "],
    starts: &[
        "Ko", "Koz", "Kozh", "Zh", "Pe", "Ve", "Bo", "Sta", "Dra", "Mi", "Ra", "No", "Go", "Lu",
        "Tsa", "Chu", "Zla", "Kra", "Vo", "Ya", "Shu", "Bel", "Łu", "Žel", "Śro", "Čer", "Chi",
        "Bă", "Ti",
    ],
    middles: &[
        "ro", "li", "ra", "vo", "no", "zhe", "sla", "gra", "mi", "ko", "de", "ny", "și", "nă",
    ],
    ends: &[
        "vo", "grad", "ovo", "ets", "sk", "ino", "ovka", "ichi", "ishte", "ny", "ov", "evo", "ani",
        "iv", "ău", "eni", "ów", "ice",
    ],
    suffixes: &[" Selo", "-Zagorsk", " Polje"],
    script: None,
    second_words: &[],
};

const ROMANCE: Culture = Culture {
    prefixes: &[
        "San ", "Santa ", "São ", "Puerto ", "Villa ", "Nueva ", "Santo ", "Ciudad ",
    ],
    starts: &[
        "Ca", "Ma", "Sa", "Vi", "Mo", "Al", "Te", "Pa", "Lo", "Cor", "Bar", "Gua", "Ro", "Mar",
        "Mi", "Jo", "Lu", "Cruz", "Mé", "Bo",
    ],
    middles: &[
        "ra", "li", "ce", "do", "ba", "ta", "ri", "mo", "na", "gue", "qui", "ña",
    ],
    ends: &[
        "lla", "na", "ón", "ía", "res", "dad", "sco", "jo", "ro", "ma", "ncia", "ú", "ás", "tín",
        "cos", "guel", "sé", "ría", "lo", "ino",
    ],
    suffixes: &[
        " del Valle",
        " de la Sierra",
        " do Sul",
        " de los Andes",
        " del Mar",
        " de Minas",
        " del Río",
    ],
    script: None,
    second_words: &[],
};

const NORDIC: Culture = Culture {
    prefixes: &["Nørre ", "Øster ", "Vester ", "Ny "],
    starts: &[
        "Sønder", "Hel", "Kø", "Å", "Ro", "Tam", "Jy", "Oul", "Es", "Vå", "Hør", "Lyng", "Skæ",
        "Ny", "Tur", "Lah", "Kuo", "Ha", "Ål", "Sil",
    ],
    middles: &["ke", "ste", "va", "la", "ne", "bo", "mä", "ri", "sin"],
    ends: &[
        "borg", "by", "ki", "pere", "lä", "holm", "vik", "købing", "rup", "strand", "kylä", "oja",
        "ssa", "sted", "berg", "tti", "näs",
    ],
    suffixes: &[],
    script: None,
    second_words: &[],
};

const GAELIC: Culture = Culture {
    prefixes: &["New ", "Port ", "East ", "North ", "Mount "],
    starts: &[
        "Bally", "Kil", "Dun", "Ard", "Carrick", "Glen", "Lis", "West", "Ash", "Bright", "Clon",
        "Rath", "Kin", "Lim", "Gal", "Wex", "Cork", "Strat",
    ],
    middles: &["a", "na", "ma", "ow", "er"],
    ends: &[
        "more", "dare", "gannon", "ford", "ton", "field", "bridge", "mel", "cool", "lee", "erick",
        "way", "sale", "brook", "kenny",
    ],
    suffixes: &["-on-Sea", " Bay", " Falls", " Harbour", "-upon-Avon"],
    script: None,
    second_words: &[],
};

const CHINESE: Culture = Culture {
    prefixes: &[],
    starts: &[
        "Bei", "Nan", "Dong", "Xi", "Shang", "Hang", "Su", "Wu", "Chang", "Guang", "Zheng", "Qing",
        "Kun", "Fu", "Tian", "Shen", "He", "Lan", "Zhu", "Yi",
    ],
    middles: &[],
    ends: &[
        "jing", "zhou", "hai", "yang", "sha", "an", "ning", "dao", "du", "ming", "men", "fei",
        "zhen", "chang", "shan", "kou",
    ],
    suffixes: &[" Shi", " Xian"],
    script: Some((
        &[
            "北", "南", "东", "西", "上", "海", "京", "州", "山", "江", "河", "安", "宁", "阳",
            "湖", "成", "都", "广", "天", "津", "长", "沙", "福", "武", "汉", "苏", "杭", "青",
            "岛", "昆", "明", "珠", "深", "圳",
        ],
        "",
    )),
    second_words: &[],
};

const KOREAN: Culture = Culture {
    prefixes: &[],
    starts: &[
        "Se", "Bu", "Dae", "Gwang", "In", "Su", "Jeon", "Po", "Chang", "Gim", "Yeo", "Gyeong",
        "Ul", "Cheong", "Mok", "Gun",
    ],
    middles: &[],
    ends: &[
        "ul", "san", "gu", "ju", "cheon", "won", "hang", "pyeong", "nam", "seo", "dong", "po",
    ],
    suffixes: &["-si", "-gun", "-gu"],
    script: Some((
        &[
            "서", "울", "부", "산", "대", "구", "광", "주", "인", "천", "수", "원", "전", "포",
            "항", "창", "경", "남", "북", "양",
        ],
        "",
    )),
    second_words: &[],
};

const JAPANESE: Culture = Culture {
    prefixes: &["Higashi-", "Nishi-", "Kita-", "Minami-"],
    starts: &[
        "Yoko", "Kawa", "Naga", "Shira", "Fuku", "Kita", "Mina", "Taka", "Hama", "Oka", "Kō",
        "Ōsa", "Sen", "Sap", "Mae",
    ],
    middles: &["no", "ga", "shi", "ku"],
    ends: &[
        "hama", "saki", "no", "shima", "yama", "ta", "mi", "zawa", "ka", "dai", "bashi", "ro",
        "kaidō",
    ],
    suffixes: &[],
    script: Some((
        &[
            "東", "京", "大", "阪", "名", "古", "屋", "横", "浜", "神", "戸", "札", "幌", "福",
            "岡", "川", "崎", "島", "松", "本",
        ],
        "",
    )),
    second_words: &[],
};

const VIETNAMESE: Culture = Culture {
    prefixes: &["Thành phố "],
    starts: &[
        "Hà", "Hải", "Đà", "Huế", "Cần", "Nha", "Quy", "Vũng", "Thái", "Biên", "Long", "Hội",
        "Bắc", "Mỹ", "Sóc",
    ],
    middles: &[],
    ends: &[],
    suffixes: &[],
    script: None,
    second_words: &[
        "Nội", "Phòng", "Nẵng", "Thơ", "Trang", "Nhơn", "Tàu", "Nguyên", "Hòa", "Xuyên", "An",
        "Giang", "Ninh", "Tho", "Trăng",
    ],
};

const ARABIC: Culture = Culture {
    prefixes: &["Al-", "El ", "Ain ", "Sidi ", "Bir ", "Ras ", "Wadi "],
    starts: &[
        "Mar", "Ka", "Tan", "Fa", "Sa", "Ba", "Ra", "Zar", "Qa", "Ha", "Ja", "Mu", "Ir", "Da",
        "Sou",
    ],
    middles: &["ra", "ki", "li", "ma", "ba", "di", "ya", "sh"],
    ends: &[
        "kesh", "ah", "at", "bad", "ra", "iya", "oun", "ir", "ouan", "man", "rif", "sse",
    ],
    suffixes: &[],
    script: Some((
        &[
            "مر", "را", "كش", "ال", "قا", "هر", "ة", "عم", "ان", "سل", "طن", "جة",
        ],
        "",
    )),
    second_words: &[],
};

const AFRICAN: Culture = Culture {
    prefixes: &["Port ", "Grand-", "Ouaga"],
    starts: &[
        "Ib", "Aba", "Ku", "Na", "Mom", "Kis", "Ab", "Bah", "Ad", "Ka", "Lu", "Ou", "Da", "Zi",
        "Tam", "Yamous", "Kou", "N'Zé",
    ],
    middles: &["ada", "ku", "iro", "ba", "umu", "eo", "ama", "sou", "ré"],
    ends: &[
        "n", "di", "ru", "le", "ga", "sa", "ma", "ou", "chor", "kro", "dougou", "koré", "bé",
        "lale",
    ],
    suffixes: &[" Town"],
    script: Some((
        &["አ", "ዲ", "ስ", "በ", "ባ", "ጎ", "ን", "ደ", "ር", "መ", "ቀ", "ሌ"],
        "",
    )),
    second_words: &[],
};

const INDIAN: Culture = Culture {
    prefixes: &["Navi ", "New "],
    starts: &[
        "Ko", "Chen", "Ban", "Hyder", "Ahmed", "Pu", "Luck", "Kan", "Na", "Bho", "Tri", "Maha",
        "Vi", "Kozhi", "Thiru", "Ma",
    ],
    middles: &["ga", "ra", "va", "la", "ma"],
    ends: &[
        "kata", "nai", "luru", "abad", "ne", "now", "pur", "gpur", "pal", "ndrum", "kode", "shtra",
        "ur", "nagar",
    ],
    suffixes: &[],
    script: Some((&["न", "ग", "र", "पु", "म", "ब", "ई", "दि", "ल्ली", "को"], "")),
    second_words: &[],
};

const ANATOLIAN: Culture = Culture {
    prefixes: &["Nor ", "Yeni "],
    starts: &[
        "Yere", "Gyu", "Vana", "Ara", "Ash", "Ija", "Dili", "Gor", "Ist", "Anka", "İz", "Bur",
        "Çan", "Şan", "Tbi", "Ku",
    ],
    middles: &["ta", "ri", "ka", "ma"],
    ends: &[
        "van", "mri", "dzor", "rat", "tarak", "jan", "is", "sa", "mir", "kale", "lıurfa", "si",
        "li", "tai",
    ],
    suffixes: &[],
    script: None,
    second_words: &[],
};

/// Countries: name, UNESCO region, naming tradition, relative weight.
const COUNTRIES: &[(&str, Region, &Culture, usize)] = &[
    ("Bulgaria", Region::EuropeNorthAmerica, &SLAVIC, 4),
    (
        "Republic of Moldova",
        Region::EuropeNorthAmerica,
        &SLAVIC,
        3,
    ),
    ("Poland", Region::EuropeNorthAmerica, &SLAVIC, 4),
    ("Ukraine", Region::EuropeNorthAmerica, &SLAVIC, 4),
    ("Argentina", Region::LatinAmericaCaribbean, &ROMANCE, 4),
    ("Brazil", Region::LatinAmericaCaribbean, &ROMANCE, 5),
    ("Mexico", Region::LatinAmericaCaribbean, &ROMANCE, 5),
    ("Colombia", Region::LatinAmericaCaribbean, &ROMANCE, 4),
    ("Chile", Region::LatinAmericaCaribbean, &ROMANCE, 2),
    ("Spain", Region::EuropeNorthAmerica, &ROMANCE, 4),
    ("Denmark", Region::EuropeNorthAmerica, &NORDIC, 2),
    ("Finland", Region::EuropeNorthAmerica, &NORDIC, 3),
    ("Sweden", Region::EuropeNorthAmerica, &NORDIC, 2),
    ("Ireland", Region::EuropeNorthAmerica, &GAELIC, 3),
    (
        "United Kingdom of Great Britain and Northern Ireland",
        Region::EuropeNorthAmerica,
        &GAELIC,
        3,
    ),
    ("Canada", Region::EuropeNorthAmerica, &GAELIC, 2),
    ("China", Region::AsiaPacific, &CHINESE, 8),
    ("Republic of Korea", Region::AsiaPacific, &KOREAN, 6),
    ("Japan", Region::AsiaPacific, &JAPANESE, 4),
    ("Viet Nam", Region::AsiaPacific, &VIETNAMESE, 3),
    ("India", Region::AsiaPacific, &INDIAN, 4),
    ("Morocco", Region::ArabStates, &ARABIC, 3),
    ("Egypt", Region::ArabStates, &ARABIC, 3),
    ("Jordan", Region::ArabStates, &ARABIC, 2),
    ("Iraq", Region::ArabStates, &ARABIC, 2),
    ("Nigeria", Region::Africa, &AFRICAN, 4),
    ("Côte d'Ivoire", Region::Africa, &AFRICAN, 2),
    ("Ethiopia", Region::Africa, &AFRICAN, 3),
    ("Kenya", Region::Africa, &AFRICAN, 2),
    ("Armenia", Region::EuropeNorthAmerica, &ANATOLIAN, 2),
    ("Türkiye", Region::EuropeNorthAmerica, &ANATOLIAN, 3),
    ("Georgia", Region::EuropeNorthAmerica, &ANATOLIAN, 1),
];

/// A naming tradition of `region`, for countries outside the weighted table.
fn culture_of(region: Region, rng: &mut Rng) -> &'static Culture {
    match region {
        Region::Africa => &AFRICAN,
        Region::ArabStates => &ARABIC,
        Region::AsiaPacific => rng.pick(&[&CHINESE, &INDIAN, &VIETNAMESE, &JAPANESE][..]),
        Region::EuropeNorthAmerica => rng.pick(&[&SLAVIC, &GAELIC, &NORDIC, &ANATOLIAN][..]),
        Region::LatinAmericaCaribbean => &ROMANCE,
    }
}

/// A city name in `culture`'s tradition.
fn city_name(rng: &mut Rng, culture: &Culture) -> String {
    if let Some((parts, joiner)) = culture.script
        && rng.chance(30)
    {
        let n = 2 + rng.below(3);
        return (0..n)
            .map(|_| rng.pick(parts))
            .collect::<Vec<_>>()
            .join(joiner);
    }
    let mut name = String::new();
    if !culture.prefixes.is_empty() && rng.chance(15) {
        name.push_str(rng.pick(culture.prefixes));
    }
    name.push_str(rng.pick(culture.starts));
    if !culture.second_words.is_empty() {
        for _ in 0..=rng.below(2) {
            name.push(' ');
            name.push_str(rng.pick(culture.second_words));
        }
        return name;
    }
    if culture.middles.is_empty() {
        // Syllabic traditions: one or two start-end pairs (`Shang-hai`, `Bei-jing-xi-an`).
        if rng.chance(50) {
            name.push_str(&rng.pick(culture.ends).to_lowercase());
            name.push_str(&rng.pick(culture.starts).to_lowercase());
        }
    } else {
        for _ in 0..rng.below(4) {
            name.push_str(rng.pick(culture.middles));
        }
    }
    if !culture.ends.is_empty() {
        name.push_str(rng.pick(culture.ends));
    }
    if !culture.suffixes.is_empty() && rng.chance(8) {
        name.push_str(rng.pick(culture.suffixes));
    }
    name
}

const ADJECTIVES: &[&str] = &[
    "inclusive",
    "green",
    "creative",
    "resilient",
    "curious",
    "welcoming",
    "sustainable",
    "lifelong-learning",
    "multilingual",
    "innovative",
    "healthy",
    "connected",
];

const TOPICS: &[&str] = &[
    "adult literacy",
    "digital skills",
    "community learning centres",
    "intergenerational learning",
    "education for sustainable development",
    "social inclusion of migrants",
    "entrepreneurship training for young people",
    "health and well-being programmes",
    "global citizenship education",
    "monitoring and evaluation of learning outcomes",
    "vocational education",
    "public libraries",
    "early childhood education",
    "learning festivals",
    "climate action",
    "the café scientifique series",
    "the Straße der Bildung network",
];

const ACTORS: &[&str] = &[
    "the municipality",
    "local universities",
    "non-governmental organisations",
    "the private sector",
    "schools and kindergartens",
    "museums and libraries",
    "community associations",
    "the regional government",
    "volunteers",
    "neighbourhood councils",
];

const GROUPS: &[&str] = &[
    "older adults",
    "women and girls",
    "young people not in education or employment",
    "refugees and migrants",
    "people with disabilities",
    "rural communities",
    "low-income families",
    "early school leavers",
];

/// One sentence of profile prose about `city`.
fn sentence(rng: &mut Rng, city: &str) -> String {
    let topic = rng.pick(TOPICS);
    let topic2 = rng.pick(TOPICS);
    let actor = rng.pick(ACTORS);
    let actor2 = rng.pick(ACTORS);
    let group = rng.pick(GROUPS);
    let adjective = rng.pick(ADJECTIVES);
    let year = 2010 + rng.below(15);
    let percent = 5 + rng.below(80);
    match rng.below(10) {
        0 => format!(
            "{city} sees learning as a right for everyone and wants to grow more {adjective}, with {topic} reaching {group}."
        ),
        1 => format!(
            "Since {year}, {actor} and {actor2} have worked together on {topic}, opening new spaces for learning in every district."
        ),
        2 => format!(
            "About {percent} per cent of {group} took part in {topic} last year, and the city wants to double that figure."
        ),
        3 => format!(
            "The strategy links {topic} with {topic2}, so that learning supports jobs, health and a {adjective} community life."
        ),
        4 => format!(
            "A steering committee led by {actor} monitors progress each year and publishes its indicators openly."
        ),
        5 => format!(
            "{city} faces rapid urbanisation, an ageing population and unequal access to {topic}, especially among {group}."
        ),
        6 => format!(
            "Partnerships with {actor} bring {topic} to neighbourhoods that formal education rarely reaches."
        ),
        7 => format!(
            "The annual learning festival, first held in {year}, now welcomes thousands of residents and {actor}."
        ),
        8 => format!(
            "Evaluation of {topic} uses surveys, participation data and the views of {group} themselves."
        ),
        _ => format!(
            "By {}, {city} aims to make {topic} available within walking distance of every home.",
            year + 10
        ),
    }
}

/// A paragraph of about `target` bytes.
fn paragraph(rng: &mut Rng, city: &str, target: usize) -> String {
    let mut text = String::new();
    while text.len() < target {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&sentence(rng, city));
    }
    text
}

/// An introduction followed by `- ` list items.
fn listed(rng: &mut Rng, city: &str, target: usize) -> String {
    let mut text = paragraph(rng, city, target / 3);
    let items = 2 + rng.below(3);
    for _ in 0..items {
        text.push_str("\n- ");
        let item = sentence(rng, city);
        text.push_str(&item);
    }
    text
}

/// Generates members in order, keeping ids unique.
pub struct Generator {
    seed: u64,
    next: u64,
    total_weight: usize,
    ids: HashMap<String, u32>,
}

impl Generator {
    pub fn new(seed: u64) -> Generator {
        Generator {
            seed,
            next: 0,
            total_weight: COUNTRIES.iter().map(|c| c.3).sum(),
            ids: HashMap::new(),
        }
    }

    /// The next member's city, country and region, and its own random stream for the rest.
    /// Four in five come from the weighted table above; one in five from any member state of
    /// `gnlc::model::countries::COUNTRIES`, named in a tradition of its region, so the
    /// country facet has the length it has on real data.
    fn next_place(&mut self) -> (String, &'static str, Region, Rng) {
        let mut rng = Rng::new(self.seed, self.next);
        self.next += 1;
        let (country, region, culture) = if rng.chance(80) {
            let mut ticket = rng.below(self.total_weight);
            let mut index = 0;
            while ticket >= COUNTRIES[index].3 {
                ticket -= COUNTRIES[index].3;
                index += 1;
            }
            let (country, region, culture, _) = COUNTRIES[index];
            (country, region, culture)
        } else {
            let (country, region) = rng.pick(gnlc::model::countries::COUNTRIES);
            (country, region, culture_of(region, &mut rng))
        };
        let city = city_name(&mut rng, culture);
        (city, country, region, rng)
    }

    /// The next member's city name only (for a names file); draws the same names as
    /// [`Generator::next_member`].
    pub fn next_name(&mut self) -> String {
        self.next_place().0
    }

    /// The next full member.
    pub fn next_member(&mut self) -> MemberRecord {
        let (city, country, region, mut rng) = self.next_place();
        let base = format!("{}-{}", gnlc::text::slug(&city), gnlc::text::slug(country));
        let count = self.ids.entry(base.clone()).or_insert(0);
        *count += 1;
        let id = if *count == 1 {
            base
        } else {
            format!("{base}-{count}")
        };
        // Unknown countries need a region; one known country in ten states it anyway, so
        // both paths of the loader run.
        let unknown = gnlc::model::countries::lookup(country).is_none();
        let region = (rng.chance(10) || unknown).then(|| region.name().to_string());
        let clusters = rng.chance(50).then(|| {
            let n = 1 + rng.below(3);
            let mut chosen: Vec<String> = Vec::new();
            for _ in 0..n {
                let c = rng.pick(&Cluster::ALL).id().to_string();
                if !chosen.contains(&c) {
                    chosen.push(c);
                }
            }
            chosen
        });
        let full = rng.chance(90);
        let adjective = rng.pick(ADJECTIVES);
        let article = if adjective.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        let tagline = format!("{city}: {article} {adjective} city of {}", rng.pick(TOPICS));
        let length = 200 + rng.below(150);
        let summary = paragraph(&mut rng, &city, length);
        let (vision, challenges, plan) = if full {
            let lengths = [
                300 + rng.below(250),
                300 + rng.below(250),
                350 + rng.below(250),
            ];
            let vision = paragraph(&mut rng, &city, lengths[0]);
            let challenges = listed(&mut rng, &city, lengths[1]);
            let plan = listed(&mut rng, &city, lengths[2]);
            (Some(vision), Some(challenges), Some(plan))
        } else {
            (None, None, None)
        };
        let joined = rng.chance(80).then(|| 2015 + rng.below(10) as u16);
        let awards = if rng.chance(3) {
            vec![Award {
                year: 2015 + rng.below(10) as u16,
                source: None,
            }]
        } else {
            Vec::new()
        };
        let coordinates = rng.chance(70).then(|| Coordinates {
            lat: f64::from(rng.below(170_000) as u32) / 1000.0 - 85.0,
            lon: f64::from(rng.below(360_000) as u32) / 1000.0 - 180.0,
        });
        MemberRecord {
            id: Some(id),
            city,
            country: country.to_string(),
            region,
            clusters,
            joined,
            tagline: Some(tagline),
            summary: Some(summary),
            vision,
            challenges,
            plan,
            awards,
            coordinates,
            ..MemberRecord::default()
        }
    }
}

/// Writes a dataset of `members` members, one member per line.
pub fn write_dataset(out: &mut impl Write, members: usize, seed: u64) -> io::Result<()> {
    let mut generator = Generator::new(seed);
    writeln!(
        out,
        "{{\"schema_version\": 1, \"source\": \"synthetic dataset: {members} members, seed {seed} (examples/synth)\", \"members\": ["
    )?;
    for i in 0..members {
        let member = generator.next_member();
        serde_json::to_writer(&mut *out, &member)?;
        out.write_all(if i + 1 < members { b",\n" } else { b"\n" })?;
    }
    writeln!(out, "]}}")
}

/// Writes the city names of the same dataset, one per line.
pub fn write_names(out: &mut impl Write, members: usize, seed: u64) -> io::Result<()> {
    let mut generator = Generator::new(seed);
    for _ in 0..members {
        writeln!(out, "{}", generator.next_name())?;
    }
    Ok(())
}

/// A whole dataset as a string (for benchmarks).
pub fn dataset_json(members: usize, seed: u64) -> String {
    let mut out = Vec::with_capacity(members * 2600);
    // Writing to a Vec cannot fail.
    let _ = write_dataset(&mut out, members, seed);
    String::from_utf8(out).unwrap_or_default()
}
