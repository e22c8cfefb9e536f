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

fn engine() -> Engine {
    let sources = vec![
        ("common/lexicon.toml".to_string(), LEXICON.to_string()),
        ("gazetteers/places.toml".to_string(), PLACES.to_string()),
        ("gazetteers/organizations.toml".to_string(), ORGS.to_string()),
        ("ru/organization.toml".to_string(), RU_RULES.to_string()),
        ("kk/organization.toml".to_string(), KK_RULES.to_string()),
    ];
    Engine::new(RuleSet::from_sources(sources, "test").expect("rules load")).expect("rules compile")
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
