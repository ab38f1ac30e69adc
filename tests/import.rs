//! `gnlc import` on listing pages the project has never seen (tests/fixtures/import/, written
//! for these tests): every record's tagline, summary, three sections (or their absence),
//! country and region are checked against values read off the pages by hand. Also: broken
//! and garbage input, the no-overwrite / --force / atomic-write rules, and loading back.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

use gnlc::import::{ImportReport, parse_listing, run};
use gnlc::model::{Region, load};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

use Region::{
    Africa as AF, ArabStates as AR, AsiaPacific as AP, EuropeNorthAmerica as EU,
    LatinAmericaCaribbean as LA,
};

/// city, canonical country, region, tagline, summary, vision, challenges, plan.
type Expected = (
    &'static str,
    &'static str,
    Region,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
);

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn parse_fixture(name: &str) -> ImportReport {
    let text = std::fs::read_to_string(fixture(name)).expect("fixture");
    parse_listing(&text)
}

fn check(report: &ImportReport, expected: &[Expected]) {
    let cities: Vec<&str> = report
        .members
        .iter()
        .map(|m| m.record.city.as_str())
        .collect();
    let want: Vec<&str> = expected.iter().map(|e| e.0).collect();
    assert_eq!(cities, want);
    for (m, e) in report.members.iter().map(|m| &m.record).zip(expected) {
        let (city, country, region, tagline, summary, vision, challenges, plan) = *e;
        assert_eq!(m.country, country, "{city}: country");
        assert_eq!(m.region.as_deref(), Some(region.name()), "{city}: region");
        assert_eq!(m.tagline.as_deref(), tagline, "{city}: tagline");
        assert_eq!(m.summary.as_deref(), summary, "{city}: summary");
        assert_eq!(m.vision.as_deref(), vision, "{city}: vision");
        assert_eq!(m.challenges.as_deref(), challenges, "{city}: challenges");
        assert_eq!(m.plan.as_deref(), plan, "{city}: plan");
    }
}

#[test]
fn glued_page_like_the_seed() {
    let report = parse_fixture("glued.txt");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    check(&report, GLUED);
}

#[test]
fn headings_on_their_own_lines_with_punctuation_and_bullets() {
    let report = parse_fixture("own-lines.txt");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    check(&report, OWN_LINES);
}

#[test]
fn crlf_page_with_markdown_headings_and_other_bullets() {
    let text = std::fs::read_to_string(fixture("crlf-markdown.txt")).expect("fixture");
    assert!(
        text.contains("\r\n"),
        "the fixture must keep its CRLF line endings"
    );
    let report = parse_listing(&text);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    for m in report.members.iter().map(|m| &m.record) {
        let all = [&m.tagline, &m.summary, &m.vision, &m.challenges, &m.plan];
        assert!(
            all.iter()
                .filter_map(|t| t.as_deref())
                .all(|t| !t.contains('\r')),
            "{}: a carriage return was kept",
            m.city
        );
    }
    check(&report, CRLF_MARKDOWN);
}

#[test]
fn inline_headings_other_variants_and_records_without_sections() {
    let report = parse_fixture("inline-variants.txt");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    check(&report, INLINE_VARIANTS);
}

#[test]
fn broken_records_are_reported_with_their_line_and_the_rest_imported() {
    let report = parse_fixture("broken.txt");
    check(&report, BROKEN);
    // The marker lines of the four bad records (counted in the fixture).
    let lines: Vec<usize> = report.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![7, 15, 22, 44]);
    assert!(
        report.problems[0]
            .message
            .contains("unknown country `Atlantis`")
    );
    assert!(report.problems[1].message.contains("Lost Town"));
    assert!(report.problems[1].message.contains("country line"));
    assert!(report.problems[3].message.contains("Truncated"));
}

#[test]
fn seventy_records_from_all_five_regions() {
    let files = [
        "glued.txt",
        "own-lines.txt",
        "crlf-markdown.txt",
        "inline-variants.txt",
        "broken.txt",
    ];
    let members: Vec<_> = files
        .iter()
        .flat_map(|f| parse_fixture(f).members)
        .map(|m| m.record)
        .collect();
    assert!(members.len() >= 70, "{} records", members.len());
    for region in Region::ALL {
        let n = members
            .iter()
            .filter(|m| m.region.as_deref() == Some(region.name()))
            .count();
        assert!(n >= 8, "{region}: only {n} records");
    }
    let countries: std::collections::BTreeSet<&str> =
        members.iter().map(|m| m.country.as_str()).collect();
    assert!(countries.len() >= 60, "{} countries", countries.len());
}

const GLUED: &[Expected] = &[
    (
        "Bouaké",
        "Côte d'Ivoire",
        AF,
        Some("Learning in Bouaké"),
        Some("Bouaké is the second city of the country and a crossroads of trade"),
        Some("Bouaké wants every citizen to read and write by 2030"),
        Some("Many young people left school early and adult literacy is low"),
        Some("The city opens ten community learning centres with the regional directorate"),
    ),
    (
        "Tangier",
        "Morocco",
        AR,
        Some("A port that learns from the world"),
        Some("Tangier links Africa and Europe across the strait"),
        Some("The city wants learning to follow the growth of its port and industry zones"),
        Some("Youth unemployment remains high in the old medina and in new suburbs"),
        Some("Tangier trains port workers and opens evening classes in four districts"),
    ),
    (
        "Izmir",
        "Türkiye",
        EU,
        Some("Culture and learning by the Aegean"),
        Some("Izmir hosts festivals fairs and three universities on the coast"),
        Some("Izmir sees culture as the door to lifelong learning for all ages"),
        Some("The city must reach migrants and older residents in the outer districts"),
        Some("Libraries and cultural centres offer free workshops every weekend"),
    ),
    (
        "Da Nang",
        "Viet Nam",
        AP,
        Some("A green and smart coastal city"),
        Some("Da Nang grew fast along its beaches and river"),
        Some("The city plans to become a learning city by 2030 with green growth"),
        Some("Rapid tourism puts pressure on schools and on the environment"),
        Some("Da Nang builds digital libraries and trains teachers in eLearning and iPad lessons"),
    ),
    (
        "Huế",
        "Viet Nam",
        AP,
        Some("Heritage and learning in Huế"),
        Some("Huế is the old imperial capital on the Perfume River"),
        Some("The city wants its heritage to teach history to every generation"),
        Some("Floods close schools almost every year"),
        Some("Craft villages open their workshops to pupils and visitors"),
    ),
    (
        "Medellín",
        "Colombia",
        LA,
        Some("From fear to hope"),
        Some("Medellín changed its hillside districts with libraries and cable cars"),
        Some("Learning is the way to peace and equity for the city"),
        Some(
            "The city names the following challenges\n- Inequality between districts\n- School dropout\n- Informal work",
        ),
        Some(
            "Library parks and the Buen Comienzo programme serve young children and their families",
        ),
    ),
    (
        "Aswan",
        "Egypt",
        AR,
        Some("Learning along the Nile"),
        Some("Aswan welcomes visitors to its temples and islands"),
        Some("The city wants women and girls to learn trades and to read"),
        Some("Illiteracy is high in villages on the west bank"),
        Some("Literacy classes run in mosques churches and youth centres"),
    ),
    (
        "Hebron",
        "Palestine",
        AR,
        Some("Learning for resilience"),
        Some("Hebron is an old trading city in the southern hills"),
        Some("The city wants every young person to have a skill and a place"),
        Some("Movement between towns is hard and many graduates lack jobs"),
        Some("Vocational centres teach glass blowing stone cutting and computing"),
    ),
    (
        "Kano",
        "Nigeria",
        AF,
        Some("Knowledge from the ancient walls to the markets"),
        Some("Kano is a centre of trade and of Islamic learning in the north"),
        Some("Kano wants every child in school and every adult able to read"),
        Some(
            "Kano works on the following areas\n- Girls education\n- Nomadic learners\n- Youth skills",
        ),
        Some("Quranic schools add reading and arithmetic with support from the state"),
    ),
    (
        "Tbilisi",
        "Georgia",
        EU,
        Some("Old town new skills"),
        Some("Tbilisi lies in a valley on the Kura river"),
        Some("The city wants adults to keep learning after school and university"),
        Some("Older people have few chances to learn digital skills"),
        Some(
            "The SmartSchool programme and the TechHub offer courses from primary school to PhD level",
        ),
    ),
    (
        "Almaty",
        "Kazakhstan",
        AP,
        Some("Learning at the foot of the mountains"),
        Some("Almaty is the largest city of the country"),
        Some("The city aims at a healthy and learning population"),
        Some(
            "Almaty focuses on\n- Digital skills\n- Mountain safety and the CodeCamp clubs\n- Clean air",
        ),
        Some("Schools and parks host open lessons every month"),
    ),
    (
        "Sfax",
        "Tunisia",
        AR,
        Some("Learning for the workplace"),
        Some("Sfax is an industrial port and an olive oil centre"),
        Some("Sfax wants schools and firms to train young people together"),
        Some("Many students leave school without a trade"),
        Some("The city opened apprenticeship centres with the chamber of commerce"),
    ),
    (
        "Haifa",
        "Israel",
        EU,
        Some("Many communities one city"),
        Some("Haifa is a port city where several communities live side by side"),
        Some("The city wants learning to bring its communities together"),
        Some("Language barriers keep some residents from services"),
        Some("Community centres teach languages and hold shared cultural events"),
    ),
    (
        "Cuenca",
        "Ecuador",
        LA,
        Some("Heritage education for all"),
        Some("Cuenca is a colonial city in the Andes listed as world heritage"),
        Some("The city wants its heritage to be a classroom"),
        Some("Rural parishes have fewer learning chances"),
        Some(
            "The city includes\n- Heritage walks for pupils\n- Craft workshops for adults\n- Reading clubs in rural parishes",
        ),
    ),
    (
        "Nouakchott",
        "Mauritania",
        AR,
        Some("Learning on the edge of the desert"),
        Some("Nouakchott grew quickly as people moved from the countryside"),
        Some("The city wants all children and adults to learn to read and count"),
        Some("Sand and heat make schooling hard in new districts"),
        Some("Mobile classes reach families in the outer districts"),
    ),
    (
        "Mutare",
        "Zimbabwe",
        AF,
        Some("Learning in the eastern highlands"),
        Some("Mutare is a border city near the mountains"),
        Some("The city wants young people to learn farming and business skills"),
        // No announcement of a list: the glue stays as the source has it.
        Some("Reducing CO2 emissionsGreen jobs for youthSafe water in schools"),
        Some("Farmers teach in school gardens"),
    ),
];

const OWN_LINES: &[Expected] = &[
    (
        "Isfahan",
        "Iran (Islamic Republic of)",
        AP,
        Some("Half the world, learning together"),
        Some(
            "Isfahan is a historic city of bridges, gardens and crafts. It joined the network in 2019.",
        ),
        Some("Isfahan wants every neighbourhood to be a place of learning."),
        Some("- Adult literacy in the suburbs\n- Jobs for graduates"),
        Some("The city will open craft schools and learning houses."),
    ),
    (
        "Jubail",
        "Saudi Arabia",
        AR,
        Some("Industry that teaches"),
        Some("Jubail is a planned industrial city on the Gulf coast."),
        Some("Jubail wants its workers and their families to keep learning, at work and at home."),
        Some("Few adults take part in learning after work; women have fewer chances."),
        Some(
            "- Evening courses in every district\n- A learning festival each spring\n- Online courses with the industrial companies",
        ),
    ),
    (
        "Praia",
        "Cabo Verde",
        AF,
        Some("Islands of knowledge"),
        Some("Praia, the capital, is home to a quarter of the population."),
        Some("To make learning part of daily life on every island."),
        Some("Young people leave for work abroad; schools lack teachers of science."),
        Some("The city trains teachers and runs a radio school for remote areas."),
    ),
    (
        "Yamoussoukro",
        "Côte d'Ivoire",
        AF,
        Some("A capital of learning and peace"),
        Some("Yamoussoukro is the political capital, with several colleges and a large basilica."),
        Some("The city wants to become a centre of higher education for the region."),
        Some("Many children in the villages around the city do not finish primary school."),
        Some("Schools get solar lamps, and teachers visit villages once a week."),
    ),
    (
        "Swansea",
        "United Kingdom of Great Britain and Northern Ireland",
        EU,
        Some("Learning for well-being"),
        Some(
            "Swansea is a coastal city in Wales with two universities.\nThe city has a long tradition of adult education.",
        ),
        Some("Swansea wants learning to improve health and well-being across the city."),
        Some(
            "Some neighbourhoods have poor health and low skills:\n- Long-term unemployment\n- Child poverty\n- Low digital skills",
        ),
        Some("Partners run the Learning Swansea festival and community courses."),
    ),
    (
        "Wuhan",
        "China",
        AP,
        Some("Rivers, lakes and lifelong learning"),
        Some("Wuhan is a large city where the Han river meets the Yangtze."),
        Some("Wuhan wants learning to be open to every resident, at every age."),
        Some("The population is ageing and many older people want to study."),
        Some(
            "Universities for older people open in every district; community colleges offer free courses.",
        ),
    ),
    (
        "Querétaro",
        "Mexico",
        LA,
        Some("Learning for sustainable growth"),
        Some("Querétaro is a fast-growing industrial city with a colonial centre."),
        Some("The city wants growth to go with learning and care for the environment."),
        Some("Migration from other states puts pressure on schools."),
        Some("Querétaro opens learning hubs in new neighbourhoods."),
    ),
    (
        "Mombasa",
        "Kenya",
        AF,
        Some("Learning by the ocean"),
        Some("Mombasa is an old port city on the Indian Ocean."),
        Some("Mombasa wants its young people to find skills and jobs in the blue economy."),
        Some("- Youth unemployment\n- Low school completion\n- Few training places"),
        Some("Training centres teach fishing, shipping and tourism trades."),
    ),
    (
        "Amman",
        "Jordan",
        AR,
        Some("Learning city of the hills"),
        Some("Amman is a capital built on hills, home to many refugees."),
        Some("Amman wants learning to bring residents and refugees together."),
        Some("Crowded schools run in two shifts."),
        Some("Libraries and community centres offer classes in the afternoon."),
    ),
    (
        "Okayama",
        "Japan",
        AP,
        Some("Learning for sustainable development"),
        Some("Okayama is known for its garden and its community learning centres (kominkan)."),
        Some("Okayama wants every kominkan to be a centre for sustainable development."),
        Some("An ageing population and fewer children in the countryside."),
        Some("Kominkan run projects on the environment, disaster safety and health."),
    ),
    (
        "Gelsenkirchen",
        "Germany",
        EU,
        Some("From coal to learning"),
        Some("Gelsenkirchen was a coal city; it now looks to education for its future."),
        Some("The city wants every child to get a good start, whatever the family income."),
        Some("High unemployment and child poverty after the mines closed."),
        Some("A network of schools, youth centres and employers supports young people."),
    ),
    (
        "Arequipa",
        "Peru",
        LA,
        Some("The white city learns"),
        Some("Arequipa is built of white volcanic stone at the foot of a volcano."),
        Some("Arequipa wants learning to reach every district."),
        Some("Earthquake risk and informal work."),
        Some("The city trains residents in safety and supports small businesses."),
    ),
    (
        "Dakar",
        "Senegal",
        AF,
        Some("A hub of learning in West Africa"),
        Some("Dakar is the capital, on a peninsula facing the Atlantic."),
        Some("Dakar wants learning for all, in French, Wolof and other languages."),
        Some("Many adults, most of them women, cannot read."),
        Some("Literacy circles meet in markets and neighbourhoods."),
    ),
    (
        "Samarkand",
        "Uzbekistan",
        AP,
        Some("Crossroads of cultures and knowledge"),
        Some("Samarkand is an old city of the Silk Road."),
        Some("Samarkand wants to make its history a school for tourism and crafts."),
        Some("Young people need modern skills for tourism."),
        Some("Craft schools and language courses train guides and artisans."),
    ),
    (
        "Ganja",
        "Azerbaijan",
        EU,
        Some("Learning in the old capital"),
        Some("Ganja is the second city of the country."),
        Some("Ganja wants adults to learn new trades as industry changes."),
        Some("Internally displaced families need schools and training."),
        Some("Adult learning centres open in each district."),
    ),
    (
        "Omdurman",
        "Sudan",
        AR,
        Some("Learning by the confluence"),
        Some("Omdurman faces Khartoum where the two Niles meet."),
        Some("The city wants every child, boy or girl, to finish school."),
        Some("Poverty and displacement keep children out of school."),
        Some("Community schools and mobile teachers reach displaced families."),
    ),
];

const CRLF_MARKDOWN: &[Expected] = &[
    (
        "Sorocaba",
        "Brazil",
        LA,
        Some("Learning that transforms the city"),
        Some("Sorocaba is an industrial city in the interior of the state"),
        Some("Sorocaba wants education to reach people of all ages in every neighbourhood"),
        Some("The city must include people with disabilities and older residents"),
        Some("The Open School programme uses parks libraries and buses as classrooms"),
    ),
    (
        "Rosario",
        "Argentina",
        LA,
        Some("A city that learns with its river"),
        Some("Rosario lies on the Paraná river and is known for its parks and public health."),
        Some("Rosario wants every public space to be a place to learn."),
        Some(
            "- Informal settlements on the river banks\n- Early school leaving\n- Violence among young people",
        ),
        Some("The city runs children's gardens, youth trails and a river school."),
    ),
    (
        "Valparaíso",
        "Chile",
        LA,
        Some("Hills, port and learning"),
        Some("Valparaíso is a port city built on steep hills above the Pacific."),
        Some("Valparaíso wants culture and heritage to drive learning."),
        Some("Fires and landslides threaten the hill districts."),
        Some("Neighbourhood councils run courses on safety and heritage."),
    ),
    (
        "Heredia",
        "Costa Rica",
        LA,
        Some("The city of flowers learns"),
        Some("Heredia has several universities and a science park."),
        Some("Heredia wants universities to share their knowledge with every district."),
        Some("- Traffic and long commutes\n- Gaps between districts"),
        Some("University students teach in community halls on Saturdays."),
    ),
    (
        "Durban",
        "South Africa",
        AF,
        Some("Learning in a city of many cultures"),
        Some("Durban is a port city on the Indian Ocean."),
        Some("Durban wants learning to reduce inequality."),
        Some("Unemployment is high among young people; many adults did not finish school."),
        Some("The city supports learning festivals, libraries and skills centres."),
    ),
    (
        "Bahir Dar",
        "Ethiopia",
        AF,
        Some("Lake city of learning"),
        Some("Bahir Dar lies on Lake Tana at the source of the Blue Nile"),
        Some("Bahir Dar wants all residents to have the chance to learn for life"),
        Some("The city grows fast and many newcomers cannot read or write"),
        Some("The city runs adult literacy classes and training in the university"),
    ),
    (
        "Kumasi",
        "Ghana",
        AF,
        Some("The garden city learns"),
        Some("Kumasi is the capital of the Ashanti region and a busy market city."),
        Some("Kumasi wants market traders to learn money and business skills."),
        Some("- Traders with little schooling\n- Children working in markets"),
        Some("Market schools meet in the early morning before trading starts."),
    ),
    (
        "Arusha",
        "United Republic of Tanzania",
        AF,
        Some("Learning at the gateway to the parks"),
        Some("Arusha is a centre for tourism near Mount Kilimanjaro."),
        Some("Arusha wants its people to learn the skills tourism needs."),
        Some("Many young people lack training in languages and services."),
        Some("Vocational colleges teach guiding, cooking and languages."),
    ),
    (
        "Beirut",
        "Lebanon",
        AR,
        Some("Learning through hardship"),
        Some("Beirut is a capital by the sea, rebuilding after crises."),
        Some("Beirut wants learning to help people recover and rebuild."),
        Some("Schools were damaged and many families lost their income."),
        Some("Volunteers and universities run catch-up classes for children."),
    ),
    (
        "Al Wakra",
        "Qatar",
        AR,
        Some("Sea heritage and modern learning"),
        Some("Al Wakra is a coastal city south of the capital"),
        Some("The city wants to link its fishing heritage with modern learning"),
        Some("Residents come from many countries and speak many languages"),
        Some("Community centres run language classes and heritage days"),
    ),
    (
        "Suwon",
        "Republic of Korea",
        AP,
        Some("A fortress city of learning"),
        Some("Suwon is known for its fortress and its lifelong learning centres."),
        Some("Suwon wants every resident within reach of a learning centre."),
        Some("An ageing population and a gap in digital skills."),
        Some("Learning centres in each neighbourhood offer courses for all ages."),
    ),
    (
        "Balanga",
        "Philippines",
        AP,
        Some("A university town"),
        Some("Balanga wants to be a university town by 2030"),
        Some("The city sees learning as the way out of poverty"),
        Some("Families depend on fishing and farming"),
        Some("The city opened a learning park and a science centre for pupils"),
    ),
    (
        "Kochi",
        "India",
        AP,
        Some("Learning with the waters"),
        Some("Kochi is a port city of islands and backwaters."),
        Some("Kochi wants learning to help people live with the water and the climate."),
        Some("Floods and rising seas threaten homes and schools."),
        Some("Schools teach climate safety and ward committees run learning days."),
    ),
    (
        "Câmara de Lobos",
        "Portugal",
        EU,
        Some("Learning in a fishing town"),
        Some("Câmara de Lobos is a fishing town on the south coast of Madeira."),
        Some("The town wants families to value school and learning."),
        Some("Early school leaving is high."),
        Some("Schools and families meet in learning clubs every week."),
    ),
    (
        "Melitopol",
        "Ukraine",
        EU,
        Some("A city of lifelong learning"),
        Some("Melitopol is an agricultural and industrial city."),
        Some("Melitopol wants adults to retrain as the economy changes."),
        Some("Industry is changing and older workers need new skills."),
        Some("A lifelong learning centre offers short courses for workers."),
    ),
];

const INLINE_VARIANTS: &[Expected] = &[
    (
        "Yaoundé",
        "Cameroon",
        AF,
        Some("Learning on seven hills"),
        Some("Yaoundé is the capital, a city of schools and universities."),
        Some("Yaoundé wants learning in both official languages for all."),
        Some("Many children in new districts have no school nearby."),
        Some("The city builds community schools with parents."),
    ),
    (
        "Conakry",
        "Guinea",
        AF,
        Some("A capital by the sea"),
        Some("Conakry stretches along a narrow peninsula."),
        Some("Conakry wants young people to learn trades."),
        Some("Many students leave school early."),
        Some("Training workshops open in each commune."),
    ),
    (
        "Lilongwe",
        "Malawi",
        AF,
        Some("Learning in the garden city"),
        Some("Lilongwe is a young capital with wide green spaces."),
        None,
        None,
        None,
    ),
    (
        "Oran",
        "Algeria",
        AR,
        Some("Learning by the Mediterranean"),
        Some("Oran is a port city with a rich musical heritage."),
        Some("Oran wants music and culture to open doors to learning."),
        None,
        None,
    ),
    (
        "Erbil",
        "Iraq",
        AR,
        Some("Rebuilding through learning"),
        Some("Erbil is one of the oldest cities in the world"),
        Some("Erbil wants learning to help displaced families settle"),
        Some("The city hosts many displaced families who need schools"),
        Some("The city opened schools in camps and training for teachers"),
    ),
    (
        "Sohar",
        "Oman",
        AR,
        Some("A port that learns"),
        Some("Sohar is an old port on the Batinah coast. The new industrial port brings jobs."),
        Some("Sohar wants local people to take the new jobs."),
        Some("Few young people are trained for industry."),
        Some("A college and the port companies train apprentices."),
    ),
    (
        "Ulaanbaatar",
        "Mongolia",
        AP,
        Some("Learning in the coldest capital"),
        Some("Ulaanbaatar is home to almost half the population of the country."),
        Some("The city wants families in the ger districts to have learning close to home."),
        Some("Winters are long and air pollution is severe."),
        Some("Mobile libraries and ger classrooms visit the districts."),
    ),
    (
        "Surabaya",
        "Indonesia",
        AP,
        Some("The city of heroes learns"),
        Some("Surabaya is a large port city in East Java."),
        Some("Surabaya wants every kampung to have a learning corner."),
        Some("Crowded kampungs and flooding."),
        Some("Kampung learning corners and broadband parks serve residents."),
    ),
    (
        "Chiang Mai",
        "Thailand",
        AP,
        Some("Learning city of the north"),
        Some("Chiang Mai is a cultural centre in the northern mountains."),
        None,
        None,
        None,
    ),
    (
        "Wyndham",
        "Australia",
        AP,
        Some("Learning together in a growing community"),
        Some("Wyndham is one of the fastest growing areas in the country"),
        Some("Wyndham wants learning to help new residents feel at home"),
        Some("The population doubles and services must keep up"),
        Some("The Wyndham Learning Festival and community centres offer free courses"),
    ),
    (
        "Larissa",
        "Greece",
        EU,
        Some("Learning with the city"),
        Some("Larissa is a farming and trading city in central Greece."),
        Some("Larissa wants farmers and young people to learn together."),
        Some("Youth unemployment is high."),
        Some("The city runs an agricultural learning centre."),
    ),
    (
        "Pécs",
        "Hungary",
        EU,
        Some("Culture and learning in the south"),
        Some("Pécs is a university city and a former European Capital of Culture."),
        Some("Pécs wants its cultural life to reach every resident."),
        None,
        None,
    ),
    (
        "Riga",
        "Latvia",
        EU,
        Some("Learning across the Baltic"),
        Some("Riga is the largest city in the Baltic states."),
        None,
        Some("Many people move abroad for work."),
        Some("Evening schools and libraries offer free courses."),
    ),
    (
        "Tegucigalpa",
        "Honduras",
        LA,
        Some("Learning in the valley"),
        Some("Tegucigalpa is the capital in a mountain valley."),
        Some("The city wants young people to stay in school."),
        Some("Violence and poverty push young people out of school."),
        Some("Youth centres offer classes, sports and music."),
    ),
    (
        "Ybycuí",
        "Paraguay",
        LA,
        Some("A rural learning city"),
        Some("Ybycuí is a small rural town known for its national park."),
        Some("Ybycuí wants learning to reach farms and villages."),
        Some("Families live far apart and roads are poor."),
        Some("Radio lessons and farm schools reach families."),
    ),
    (
        "Shiraz",
        "Iran (Islamic Republic of)",
        AP,
        Some("The city of poets learns"),
        Some("Shiraz is known for its poets, gardens and universities."),
        Some("Shiraz wants poetry and science to be open to all."),
        Some("Young graduates need jobs."),
        Some("Universities open their courses to the public."),
    ),
];

const BROKEN: &[Expected] = &[
    (
        "Montreal",
        "Canada",
        EU,
        Some("Learning in two languages"),
        Some("Montreal is a large bilingual city on an island"),
        Some("Montreal wants every newcomer to find a place to learn"),
        Some("Newcomers need language classes and recognition of their diplomas"),
        Some("Libraries and community groups run welcome programmes"),
    ),
    (
        "Pittsburgh",
        "United States of America",
        EU,
        Some("From steel to learning"),
        Some("Pittsburgh moved from steel to health and education"),
        None,
        None,
        None,
    ),
    (
        "León",
        "Nicaragua",
        LA,
        Some("Learning for a fairer city"),
        Some("León is a university city in the west of the country"),
        Some("León wants young people to finish school"),
        Some("Poverty keeps many children working"),
        Some("Schools and universities run literacy brigades"),
    ),
    (
        "Manama",
        "Bahrain",
        AR,
        Some("Learning on the islands"),
        Some("Manama is the capital on the northern coast"),
        Some("Manama wants learning for citizens and residents alike"),
        Some("Many workers come from abroad and need language classes"),
        Some("Evening schools teach Arabic and English"),
    ),
    (
        "Kathmandu",
        "Nepal",
        AP,
        Some("Learning in the valley"),
        Some("Kathmandu is a historic capital in a mountain valley"),
        Some("Kathmandu wants heritage and learning to go together"),
        Some("Earthquakes damaged many schools"),
        Some("Community learning centres rebuild with local crafts"),
    ),
    (
        "Kigali",
        "Rwanda",
        AF,
        Some("A clean and learning city"),
        Some("Kigali is a capital known for clean streets and community work"),
        Some("Kigali wants technology skills for young people"),
        Some("The city grows fast and needs trained teachers"),
        Some("Digital centres and a coding school open in each district"),
    ),
    (
        "Gdańsk",
        "Poland",
        EU,
        Some("Learning by the Baltic"),
        Some("Gdańsk is a port city with a history of solidarity"),
        Some("Gdańsk wants learning to support democracy and inclusion"),
        Some("Migrants and older people take little part in learning"),
        Some("The city supports neighbourhood learning houses"),
    ),
    (
        "Limerick",
        "Ireland",
        EU,
        Some("Learning city on the Shannon"),
        Some("Limerick is a river city in the west with a strong festival"),
        Some("Limerick wants learning to reach every neighbourhood"),
        Some("Some areas have low school completion"),
        Some("The Lifelong Learning Festival offers hundreds of free events"),
    ),
];

// ---- garbage input -------------------------------------------------------------------------

#[test]
fn garbage_gives_a_report_and_no_members() {
    let binary: String =
        String::from_utf8_lossy(&(0..=255u8).cycle().take(4096).collect::<Vec<_>>()).into_owned();
    for text in [
        "",
        "\n\n\r\n",
        "lorem ipsum dolor sit amet\nconsectetur adipiscing elit",
        binary.as_str(),
        "UNESCO Global Network of Learning cities",
        "UNESCO Global Network of Learning cities\nBeijing\nCapital of Learn",
    ] {
        let report = parse_listing(text);
        assert!(report.members.is_empty(), "{text:?}");
        assert!(!report.problems.is_empty(), "{text:?}: no problem reported");
        assert!(
            report
                .problems
                .iter()
                .all(|p| p.line >= 1 && !p.message.is_empty())
        );
    }
}

#[test]
fn a_page_cut_short_keeps_the_whole_records_before_the_cut() {
    let text = std::fs::read_to_string(fixture("glued.txt")).expect("fixture");
    let cut = text.find("Zimbabwe").expect("last country");
    let report = parse_listing(&text[..cut - 40]);
    assert_eq!(report.members.len(), 15);
    assert_eq!(report.problems.len(), 1);
    assert!(report.problems[0].message.contains("Mutare"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn parse_listing_never_panics(text in ".{0,400}") {
        let _ = parse_listing(&text);
    }

    #[test]
    fn parse_listing_never_panics_on_record_shaped_text(
        city in "[A-Za-zéø ]{0,20}",
        body in "[a-zA-Zé ÉØ:•\\-\r\n&]{0,300}",
        country in prop::sample::select(vec!["China", "Turkey", "Atlantis", "", "Viet Nam"]),
    ) {
        let text = format!(
            "UNESCO Global Network of Learning cities\n{city}\n{body}\n{country}\nUNESCO Global Network of Learning cities\n{body}"
        );
        let report = parse_listing(&text);
        for m in &report.members {
            prop_assert!(!m.record.city.is_empty());
        }
    }
}

// ---- run(): files, stderr, --force, atomic writes -----------------------------------------

fn run_import(
    inputs: &[PathBuf],
    out: Option<&Path>,
    force: bool,
) -> (
    gnlc::error::Result<gnlc::import::ImportSummary>,
    String,
    String,
) {
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let result = run(inputs, out, force, &mut stdout, &mut stderr);
    (
        result,
        String::from_utf8(stdout).expect("utf-8 stdout"),
        String::from_utf8(stderr).expect("utf-8 stderr"),
    )
}

#[test]
fn run_writes_a_dataset_that_loads_back_and_reports_problems_on_stderr() {
    let broken = fixture("broken.txt");
    let glued = fixture("glued.txt");
    let (result, stdout, stderr) = run_import(&[glued.clone(), broken.clone()], None, false);
    let summary = result.expect("import succeeds");
    assert_eq!(summary.imported, 16 + 8);
    assert_eq!(summary.problems, 4);
    let name = broken.display().to_string();
    for line in [7, 15, 22, 44] {
        assert!(stderr.contains(&format!("{name}:{line}: ")), "{stderr}");
    }
    let data = load::from_str(&stdout, "stdout").expect("loads back");
    assert_eq!(data.members.len(), 24);
    assert!(data.source.contains("glued.txt") && data.source.contains("broken.txt"));
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(value["schema_version"], 1);
    let first = &value["members"][0];
    for field in [
        "city",
        "country",
        "region",
        "tagline",
        "summary",
        "vision",
        "challenges",
        "plan",
        "source",
    ] {
        assert!(first.get(field).is_some(), "missing {field}");
    }
    assert_eq!(first["region"], "Africa");
    assert!(stdout.contains("\n  \"members\": ["), "not pretty-printed");
}

#[test]
fn run_fails_when_nothing_was_imported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let junk = dir.path().join("junk.bin");
    std::fs::write(&junk, [0u8, 159, 146, 150, 255, 10, 1, 2, 3]).expect("write");
    let out = dir.path().join("out.json");
    let (result, stdout, stderr) = run_import(std::slice::from_ref(&junk), Some(&out), false);
    let err = result.expect_err("nothing imported");
    assert_eq!(err.exit_code(), 1);
    assert!(err.to_string().contains("nothing imported"), "{err}");
    assert!(stderr.contains("not valid UTF-8"), "{stderr}");
    assert!(stderr.contains("no learning-city records"), "{stderr}");
    assert!(stdout.is_empty());
    assert!(!out.exists(), "no output for a failed import");
}

#[test]
fn run_names_a_missing_input() {
    let (result, _, _) = run_import(&[PathBuf::from("/nonexistent/listing.txt")], None, false);
    let err = result.expect_err("missing file");
    assert!(
        err.to_string().starts_with("/nonexistent/listing.txt: "),
        "{err}"
    );
}

#[test]
fn duplicates_across_files_are_reported_and_skipped() {
    let glued = fixture("glued.txt");
    let (result, stdout, stderr) = run_import(&[glued.clone(), glued], None, false);
    let summary = result.expect("import");
    assert_eq!(summary.imported, 16);
    assert_eq!(summary.problems, 16);
    assert!(stderr.contains("repeats"), "{stderr}");
    assert!(load::from_str(&stdout, "stdout").is_ok());
}

#[test]
fn existing_output_is_kept_without_force_and_replaced_with_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("gnlc.json");
    std::fs::write(&out, "precious").expect("write");
    let input = fixture("own-lines.txt");

    let (result, stdout, _) = run_import(std::slice::from_ref(&input), Some(&out), false);
    let err = result.expect_err("must not overwrite");
    assert!(err.to_string().contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "precious");
    assert!(stdout.is_empty());

    let (result, stdout, _) = run_import(&[input], Some(&out), true);
    let summary = result.expect("forced import");
    assert_eq!(summary.output.as_deref(), Some(out.as_path()));
    assert!(stdout.is_empty(), "with -o nothing goes to stdout");
    let data = load::from_path(&out.display().to_string()).expect("written file loads");
    assert_eq!(data.members.len(), 16);
    // Only the output is left in the directory: the temporary file was renamed, not copied.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("gnlc.json")]);
}

#[test]
fn new_output_is_written_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("new.json");
    let (result, _, _) = run_import(&[fixture("inline-variants.txt")], Some(&out), false);
    result.expect("import");
    let text = std::fs::read_to_string(&out).expect("read");
    assert!(text.ends_with("}\n"));
    assert_eq!(
        load::from_str(&text, "new.json")
            .expect("loads")
            .members
            .len(),
        16
    );
}

#[test]
fn atomic_write_refuses_a_file_created_meanwhile_and_leaves_no_temp_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("race.json");
    gnlc::import::write::write_atomically(&out, b"first", false).expect("first write");
    let err = gnlc::import::write::write_atomically(&out, b"second", false).expect_err("exists");
    assert!(err.to_string().contains("--force"));
    assert_eq!(std::fs::read(&out).expect("read"), b"first");
    gnlc::import::write::write_atomically(&out, b"third", true).expect("forced");
    assert_eq!(std::fs::read(&out).expect("read"), b"third");
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
}

#[test]
fn output_into_a_missing_directory_is_an_error_naming_it() {
    let (result, _, _) = run_import(
        &[fixture("glued.txt")],
        Some(Path::new("/nonexistent-dir/out.json")),
        false,
    );
    let err = result.expect_err("no such directory");
    assert!(err.to_string().contains("/nonexistent-dir"), "{err}");
}

#[test]
fn a_city_line_that_is_only_a_bullet_is_skipped_with_a_problem() {
    // Found by the proptest above: `•` alone on the city line left a member with an empty name.
    let text = "UNESCO Global Network of Learning cities\n•\nbody\nViet Nam\n";
    let report = parse_listing(text);
    assert!(report.members.is_empty());
    assert_eq!(report.problems.len(), 1);
    assert!(report.problems[0].message.contains("city name"));
}
