//! The organization normalizer's vetoes and splits, on a small rule set of its
//! own: platforms and link hosts are no organizations, a place is no
//! organization, a sentence word starts no name, an adjective and a head noun
//! that open a sentence are no name, a Kazakh legal-form word leaves the name.

use derek::extract::Engine;
use derek::lang::Lang;
use derek::record::Value;
use derek::rules::RuleSet;

const PLACES: &str = r#"
[[entry]]
key = "RU"
ru = ["Российская Федерация"]
kk = ["Ресей"]

[[entry]]
key = "MN"
ru = ["Монголия"]
kk = ["Моңғолия"]

[[entry]]
key = "KZ-71"
ru = ["Астана"]
kk = ["Астана"]

[[entry]]
key = "KZ-75"
ru = ["Алматы"]
kk = ["Алматы"]
ru_abbr = []
kk_abbr = []
"#;

const ORGS: &str = r#"
[[entry]]
key = "org-un"
ru_abbr = ["ООН"]
"#;

const LEXICON: &str = r#"
[org_head_m]
m = ["центр", "фонд"]
[org_head_f]
f = ["служба", "компания"]
[org_head_n]
n = ["агентство"]
[not_organization]
platform = ["facebook"]
first = ["барлық", "ранее"]
no = ["нпо", "гражданское общество"]
[org_form_word]
kk = ["мекемесі"]
"#;

/// Capitalized words before a head noun (Russian), or before мекемесі (Kazakh);
/// acronyms; a web address not followed by a path.
const RU_RULES: &str = r#"
type = "organization"
lang = "ru"

[[rule]]
id = "ru.organization.words"
pattern = '''(?P<name>[А-ЯЁA-Z][а-яёА-ЯЁa-z]*(?:\s+[а-яёА-ЯЁ][а-яё]*){0,2}\s+(?:центр|фонд|служб|агентств|компани|обществ)[а-яё]*)'''
[[rule.example]]
text = "Работает Молодежный центр."
expect = [{ text = "Молодежный центр", value = { name = "Молодежный центр" } }]

[[rule]]
id = "ru.organization.caps"
pattern = '''(?P<name>[А-ЯЁ]{3,}|Российской\s+Федерации(?:\s+[а-яё]+){0,2})'''
[[rule.example]]
text = "Работает НПО и ООН."
expect = []

[[rule]]
id = "ru.organization.site"
pattern = '''(?P<span>(?P<name>[a-z]+\.(?:com|kz)))(?:[^/a-z]|$)'''
[[rule.example]]
text = "Пишет vecher.kz."
expect = [{ text = "vecher.kz", value = { name = "vecher.kz" } }]
"#;

const KK_RULES: &str = r#"
type = "organization"
lang = "kk"

[[rule]]
id = "kk.organization.words"
pattern = '''(?P<name>[А-ЯӘҒҚҢӨҰҮІа-яәғқңөұүі]+\s+орталық\s+мекемесі[а-яәғқңөұүі]*)'''
[[rule.example]]
text = "Азаматтық орталық мекемесі ашылды."
expect = [{ text = "Азаматтық орталық мекемесі", value = { name = "Азаматтық орталық", form = "мекемесі" } }]
"#;

/// The rule files above and `extra` ones (path, text).
fn engine_with(extra: &[(&str, &str)]) -> Engine {
    let sources: Vec<(String, String)> = [
        ("common/lexicon.toml", LEXICON),
        ("gazetteers/places.toml", PLACES),
        ("gazetteers/organizations.toml", ORGS),
        ("ru/organization.toml", RU_RULES),
        ("kk/organization.toml", KK_RULES),
    ]
    .iter()
    .chain(extra)
    .map(|(path, text)| (path.to_string(), text.to_string()))
    .collect();
    Engine::new(RuleSet::from_sources(sources, "test").expect("rules load")).expect("rules compile")
}

fn engine() -> Engine {
    engine_with(&[])
}

/// (text, name, form) of every organization found.
fn orgs(text: &str, lang: Lang) -> Vec<(String, String, Option<String>)> {
    engine()
        .extract_text(text, lang)
        .into_iter()
        .filter_map(|e| match e.value {
            Value::Organization { name, form } => Some((e.text, name, form)),
            _ => None,
        })
        .collect()
}

fn names(text: &str, lang: Lang) -> Vec<String> {
    orgs(text, lang).into_iter().map(|(_, n, _)| n).collect()
}

#[test]
fn platforms_and_pages_of_platforms_are_no_organizations() {
    assert_eq!(names("Об этом написал в Facebook фонд.", Lang::Ru), Vec::<String>::new());
    assert_eq!(names("Об этом написал в Facebook центр.", Lang::Ru), Vec::<String>::new());
    assert_eq!(names("Об этом написал Молодежный фонд.", Lang::Ru), vec!["Молодежный фонд"]);
}

#[test]
fn a_web_address_with_a_path_is_a_link_not_an_outlet() {
    assert_eq!(names("Видео: insta.com/abai и vecher.kz.", Lang::Ru), vec!["vecher.kz"]);
}

#[test]
fn generic_acronyms_and_listed_phrases_are_no_organizations() {
    assert_eq!(names("Работают НПО и ООН.", Lang::Ru), vec!["ООН"]);
    assert_eq!(names("Сказал, что Гражданское общество растет.", Lang::Ru), Vec::<String>::new());
}

#[test]
fn a_place_is_no_organization_nor_the_start_of_a_russian_one() {
    assert_eq!(names("Представитель Российской Федерации прибыл.", Lang::Ru), Vec::<String>::new());
    assert_eq!(
        names("Представитель Российской Федерации по вопросам пенсий прибыл.", Lang::Ru),
        Vec::<String>::new()
    );
}

#[test]
fn a_sentence_word_starts_no_name() {
    assert_eq!(names("Это сказал Ранее Молодежный центр.", Lang::Ru), Vec::<String>::new());
}

#[test]
fn an_adjective_and_a_head_that_open_a_sentence_are_no_name() {
    assert_eq!(names("Норвежская компания выпустила браузер.", Lang::Ru), Vec::<String>::new());
    assert_eq!(
        names("Он сказал, что Норвежская компания выпустила браузер.", Lang::Ru),
        vec!["Норвежская компания"]
    );
    assert_eq!(
        names("Национальная волонтерская служба открылась.", Lang::Ru),
        vec!["Национальная волонтерская служба"]
    );
}

#[test]
fn a_kazakh_legal_form_word_leaves_the_name() {
    assert_eq!(
        orgs("Жиын Азаматтық орталық мекемесінде өтті.", Lang::Kk),
        vec![(
            "Азаматтық орталық мекемесінде".to_string(),
            "Азаматтық орталық".to_string(),
            Some("мекемесі".to_string())
        )]
    );
}

const PLACE_RULES: &str = r#"
type = "place"
lang = "ru"
[[rule]]
id = "ru.place.g"
pattern = '''@places.ru'''
[[rule.example]]
text = "В Алматы."
expect = [{ text = "Алматы", value = { name = "Алматы" } }]
"#;

/// The rule set above with a place rule, and `[attach]` naming `langs`.
fn engine_attaching(langs: &str) -> Engine {
    let types = format!("[attach]\nplace_after_organization = [{langs}]\n");
    engine_with(&[("common/types.toml", &types), ("ru/place.toml", PLACE_RULES)])
}

/// (text, name) of every organization, and the text of every place.
fn attached(engine: &Engine, text: &str) -> (Vec<(String, String)>, Vec<String>) {
    let (mut orgs, mut places) = (Vec::new(), Vec::new());
    for e in engine.extract_text(text, Lang::Ru) {
        match e.value {
            Value::Organization { name, .. } => orgs.push((e.text, name)),
            Value::Place { .. } => places.push(e.text),
            _ => {}
        }
    }
    (orgs, places)
}

#[test]
fn an_organization_takes_a_place_in_the_genitive_written_after_it() {
    let engine = engine_attaching("\"ru\"");
    let (orgs, places) =
        attached(&engine, "в пятницу помог Красный фонд Монголии, а Молодежный центр Алматы открылся.");
    let pair = |t: &str| (t.to_string(), t.to_string());
    assert_eq!(orgs, [pair("Красный фонд Монголии"), pair("Молодежный центр Алматы")]);
    assert_eq!(places, ["Монголии", "Алматы"], "the places stay places of their own");
}

#[test]
fn a_place_in_another_case_or_on_another_line_or_after_a_brand_stays_apart() {
    let engine = engine_attaching("\"ru\"");
    for (text, org) in [
        ("вчера Молодежный центр Астане передал книги.", "Молодежный центр"),
        ("работает Молодежный центр\nАлматы.", "Молодежный центр"),
        ("Пишет vecher.kz Алматы.", "vecher.kz"),
    ] {
        let (orgs, _) = attached(&engine, text);
        assert_eq!(orgs.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(), [org], "{text}");
    }
    let off = engine_attaching("");
    let (orgs, _) = attached(&off, "в пятницу помог Красный фонд Монголии.");
    assert_eq!(orgs[0].0, "Красный фонд", "without [attach] an organization ends where its rule ends");
}

#[test]
fn attach_names_languages_only() {
    let sources = vec![
        ("common/types.toml".to_string(), "[attach]\nplace_after_organization = [\"en\"]\n".to_string()),
        ("gazetteers/places.toml".to_string(), PLACES.to_string()),
    ];
    let e = RuleSet::from_sources(sources, "test").expect_err("en is no language of derek");
    assert_eq!((e.file.as_str(), e.line), ("test/common/types.toml", 2));
    assert!(e.message.contains("unknown language \"en\""), "{e}");
}

/// A descriptor before a quoted name: фонд «Ниет».
const QUOTED_RULES: &str = r#"
type = "organization"
lang = "ru"

[[rule]]
id = "ru.organization.fund_quoted"
pattern = '''(?P<span>фонд[а-я]*\s+«(?P<name>[^«»]+)»)'''
[[rule.example]]
text = "Помог фонд «Ниет»."
expect = [{ text = "фонд «Ниет»", value = { name = "Ниет" } }]
"#;

/// (text, rule) of every organization the quoted-name rule set finds.
fn quoted_orgs(text: &str) -> Vec<(String, String)> {
    engine_with(&[("ru/quoted.toml", QUOTED_RULES)])
        .extract_text(text, Lang::Ru)
        .into_iter()
        .filter(|e| matches!(e.value, Value::Organization { .. }))
        .map(|e| (e.text, e.rule))
        .collect()
}

#[test]
fn a_quoted_name_recurs_bare_as_the_same_organization() {
    let rule = "ru.organization.fund_quoted".to_string();
    assert_eq!(
        quoted_orgs("В фонд «Ниет» обратились семьи. Позже «Ниет» помог им, а «Ниет»-ке написали дети."),
        vec![
            ("фонд «Ниет»".to_string(), rule.clone()),
            ("«Ниет»".to_string(), rule.clone()),
            ("«Ниет»-ке".to_string(), rule),
        ]
    );
    // another quoted name, or the name unquoted, is no mention of it
    assert_eq!(quoted_orgs("В фонд «Ниет» обратились семьи. Акция «Ниет 2025» и Ниет прошли.").len(), 1);
    // a name in quotes found by no organization does not recur
    assert!(quoted_orgs("Акция «Ниет» прошла. «Ниет» собрала 5 семей.").is_empty());
}
