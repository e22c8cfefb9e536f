//! Rule files as data: malformed rules give one clear error naming the file, the
//! line and the rule id; gazetteer rules and `verify` groups behave as documented
//! in rules/README.md.

use derek::extract::Engine;
use derek::lang::Lang;
use derek::rules::{RuleError, RuleSet};

const GAZETTEER: &str = r#"
[[entry]]
key = "KZ-75"
ru = ["Алматы"]
kk = ["Алматы"]

[[entry]]
key = "TR"
ru = ["Турция"]
kk = ["Түркия"]
"#;

const ORGS: &str = r#"
inflect = false
[[entry]]
ru_abbr = ["РСК"]
"#;

const COMMON: &str = r#"
[define]
CAP = '''[А-ЯЁ][а-яё]+'''
"#;

/// A rule set of one rule file `ru/place.toml` with `body` after its header.
fn load(body: &str) -> Result<RuleSet, RuleError> {
    let sources = vec![
        ("common/patterns.toml".to_string(), COMMON.to_string()),
        ("gazetteers/places.toml".to_string(), GAZETTEER.to_string()),
        ("gazetteers/organizations.toml".to_string(), ORGS.to_string()),
        ("ru/place.toml".to_string(), format!("type = \"place\"\nlang = \"ru\"\n{body}")),
    ];
    RuleSet::from_sources(sources, "test")
}

fn error(body: &str) -> RuleError {
    load(body).expect_err("the rule file should be refused")
}

const EXAMPLE: &str = "[[rule.example]]\ntext = \"В Алматы.\"\nexpect = []\n";

#[test]
fn a_bad_regex_names_file_line_and_rule() {
    let e = error(&format!("\n[[rule]]\nid = \"ru.place.bad\"\npattern = '''(?P<name>[а-я'''\n{EXAMPLE}"));
    assert_eq!((e.file.as_str(), e.line, e.rule.as_deref()), ("test/ru/place.toml", 4, Some("ru.place.bad")));
    assert!(e.message.contains("bad pattern"), "{e}");
    assert!(e.to_string().starts_with("test/ru/place.toml:4: rule ru.place.bad: bad pattern"), "{e}");
}

#[test]
fn an_unknown_group_name_for_the_type_is_refused() {
    let e = error(&format!("[[rule]]\nid = \"ru.place.g\"\npattern = '''(?P<amount>{{CAP}})'''\n{EXAMPLE}"));
    assert_eq!((e.line, e.rule.as_deref()), (3, Some("ru.place.g")));
    assert!(e.message.contains("unknown group name \"amount\" for a place rule"), "{e}");
}

#[test]
fn a_duplicate_id_names_the_first_definition() {
    let rule = format!("[[rule]]\nid = \"ru.place.x\"\npattern = '''{{CAP}}'''\n{EXAMPLE}");
    let e = error(&format!("{rule}\n{rule}"));
    assert_eq!(e.rule.as_deref(), Some("ru.place.x"));
    assert!(e.message.contains("duplicate rule id (first defined at test/ru/place.toml:3)"), "{e}");
    assert!(e.line > 3, "the second definition is the one reported: {e}");
}

#[test]
fn unknown_type_and_language_are_refused() {
    let e = error(&format!(
        "[[rule]]\nid = \"ru.place.t\"\ntype = \"person\"\npattern = '''{{CAP}}'''\n{EXAMPLE}"
    ));
    assert!(e.message.contains("unknown type \"person\""), "{e}");
    let e =
        error(&format!("[[rule]]\nid = \"ru.place.l\"\nlang = \"en\"\npattern = '''{{CAP}}'''\n{EXAMPLE}"));
    assert!(e.message.contains("unknown language \"en\""), "{e}");
    assert_eq!(e.rule.as_deref(), Some("ru.place.l"));
}

#[test]
fn unknown_macro_and_gazetteer_are_refused() {
    let e = error(&format!("[[rule]]\nid = \"ru.place.m\"\npattern = '''{{NOPE}}'''\n{EXAMPLE}"));
    assert!(e.message.contains("unknown macro {NOPE}"), "{e}");
    let e =
        error(&format!("[[rule]]\nid = \"ru.place.z\"\npattern = '''(?P<name>@nowhere.ru)'''\n{EXAMPLE}"));
    assert!(e.message.contains("unknown gazetteer @nowhere"), "{e}");
    let e = error(&format!("[[rule]]\nid = \"ru.place.y\"\npattern = '''в\\s+@nowhere'''\n{EXAMPLE}"));
    assert!(e.message.contains("unknown gazetteer @nowhere"), "{e}");
}

#[test]
fn an_example_value_of_the_wrong_shape_is_refused() {
    let e = error(
        "[[rule]]\nid = \"ru.place.v\"\npattern = '''(?P<name>{CAP})'''\n[[rule.example]]\n\
         text = \"В Алматы.\"\nexpect = [{ text = \"Алматы\", value = { amount = 3 } }]\n",
    );
    assert_eq!(e.rule.as_deref(), Some("ru.place.v"));
    assert!(e.message.contains("value.amount is not a field of a place value"), "{e}");
}

#[test]
fn verify_needs_a_group_and_a_known_gazetteer() {
    let e = error(&format!(
        "[[rule]]\nid = \"ru.place.w\"\npattern = '''(?P<name>{{CAP}})'''\nverify = {{ where = \"places.ru\" }}\n{EXAMPLE}"
    ));
    assert!(e.message.contains("verify.where: the pattern has no group named \"where\""), "{e}");
    let e = error(&format!(
        "[[rule]]\nid = \"ru.place.w\"\npattern = '''(?P<name>{{CAP}})'''\nverify = {{ name = \"nowhere\" }}\n{EXAMPLE}"
    ));
    assert!(e.message.contains("verify.name: unknown gazetteer @nowhere"), "{e}");
}

#[test]
fn recurs_is_for_place_rules_alone() {
    let e = error(&format!(
        "[[rule]]\nid = \"ru.date.r\"\ntype = \"date\"\nrecurs = true\npattern = '''{{CAP}}'''\n{EXAMPLE}"
    ));
    assert_eq!((e.line, e.rule.as_deref()), (3, Some("ru.date.r")));
    assert!(e.message.contains("recurs: only a place rule"), "{e}");
}

fn names(engine: &Engine, text: &str) -> Vec<(String, String)> {
    engine
        .extract_text(text, Lang::Ru)
        .into_iter()
        .map(|e| (e.text, serde_json::to_value(&e.value).unwrap()["name"].as_str().unwrap_or("").to_string()))
        .collect()
}

#[test]
fn a_gazetteer_rule_takes_the_longest_form_at_word_edges() {
    let set =
        load(&format!("[[rule]]\nid = \"ru.place.gaz\"\npattern = '''(?P<name>@places.ru)'''\n{EXAMPLE}"))
            .unwrap();
    let engine = Engine::new(set).unwrap();
    let found = names(&engine, "Из Турции в Алматы, но не в Алматынск и не в Турциях.");
    assert_eq!(
        found,
        vec![("Турции".into(), "Турция".into()), ("Алматы".into(), "Алматы".into())],
        "forms inside longer words do not count"
    );
}

#[test]
fn verify_keeps_only_matches_whose_group_is_a_gazetteer_form() {
    let set = load(&format!(
        "[[rule]]\nid = \"ru.place.org\"\npattern = '''(?P<name>РСК\\s+(?P<where>{{CAP}}))'''\n\
         verify = {{ where = \"places.ru\" }}\n{EXAMPLE}"
    ))
    .unwrap();
    let engine = Engine::new(set).unwrap();
    let found = names(&engine, "Работали РСК Алматы и РСК Петрова.");
    assert_eq!(found, vec![("РСК Алматы".into(), "РСК Алматы".into())]);
}

#[test]
fn keep_and_reject_filter_the_entity_text_and_a_bad_reject_names_its_field() {
    let rule = |side: &str| {
        format!("[[rule]]\nid = \"ru.place.town\"\npattern = '''(?P<name>в\\s+{{CAP}})'''\n{side}\n{EXAMPLE}")
    };
    let text = "Встречи прошли в Каменке, в Ивановке и в Павлодаре.";
    let found = |side: &str| names(&Engine::new(load(&rule(side)).unwrap()).unwrap(), text);
    let all: Vec<String> = found("").into_iter().map(|(t, _)| t).collect();
    assert_eq!(all, ["в Каменке", "в Ивановке", "в Павлодаре"]);
    let kept: Vec<String> = found("keep = '''ке$'''").into_iter().map(|(t, _)| t).collect();
    assert_eq!(kept, ["в Каменке", "в Ивановке"]);
    let left: Vec<String> = found("reject = '''[Кк]\\pL*ке$'''").into_iter().map(|(t, _)| t).collect();
    assert_eq!(left, ["в Ивановке", "в Павлодаре"], "reject drops what it matches anywhere in the text");
    let both: Vec<String> =
        found("keep = '''ке$'''\nreject = '''Ив'''").into_iter().map(|(t, _)| t).collect();
    assert_eq!(both, ["в Каменке"], "both must hold");
    let e = load(&rule("reject = '''(['''")).unwrap_err();
    assert!(e.message.contains("bad reject pattern"), "{e}");
    assert_eq!(e.rule.as_deref(), Some("ru.place.town"), "{e}");
}

/// A count rule set whose common file declares `tokens` (word classes).
fn load_counts(tokens: &str, defines: &str, pattern: &str) -> Result<RuleSet, RuleError> {
    let common = format!("{tokens}\n[define]\n{defines}\n");
    let rule = format!(
        "type = \"count\"\nlang = \"ru\"\n[[rule]]\nid = \"ru.count.t\"\npattern = '''{pattern}'''\n\
         [[rule.example]]\ntext = \"Пришли пять волонтеров.\"\nexpect = []\n"
    );
    let sources = vec![
        ("common/numbers.toml".to_string(), common),
        ("gazetteers/places.toml".to_string(), GAZETTEER.to_string()),
        ("ru/count.toml".to_string(), rule),
    ];
    RuleSet::from_sources(sources, "test")
}

#[test]
fn token_macros_must_be_defined_word_lists() {
    let e = load_counts("tokens = [\"UNIT\"]", "", "(?P<num>{UNIT})\\s+(?P<object>\\pL+)").unwrap_err();
    assert_eq!(e.file, "test/common/numbers.toml");
    assert!(e.message.contains("UNIT is not a macro"), "{e}");
    let e = load_counts("tokens = [\"UNIT\"]", "UNIT = '''(?i:пять\\pL*)'''", "(?P<num>{UNIT})").unwrap_err();
    assert!(e.message.contains("token UNIT"), "{e}");
}

#[test]
fn a_rule_with_token_macros_finds_what_it_would_find_unmasked() {
    let defines = "UNIT = '''(?i:пять|пяти|два|двух)'''\nSCALE = '''(?i:тысяч|тысячи)'''\n\
                   NUM = '''{UNIT}(?:\\s+{SCALE})?'''";
    let pattern = "(?P<num>{NUM})\\s+(?P<object>[\\p{Ll}][\\pL\\-]*)";
    let text = "Пришли Пять тысяч волонтеров, двух детей встретили, а пятый день — пустой; ПЯТИ семьям.";
    let mut found = Vec::new();
    for tokens in ["tokens = [\"UNIT\", \"SCALE\"]", ""] {
        let set = load_counts(tokens, defines, pattern).unwrap();
        let derek::rules::Matcher::Regex { masked, .. } = &set.rules[0].matcher else {
            panic!("a regex rule")
        };
        assert_eq!(*masked, !tokens.is_empty());
        let engine = Engine::new(set).unwrap();
        let entities = engine.extract_text(text, Lang::Ru);
        found.push(entities.iter().map(|e| (e.text.clone(), e.value.clone())).collect::<Vec<_>>());
    }
    let texts: Vec<&str> = found[0].iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["Пять тысяч волонтеров", "двух детей", "ПЯТИ семьям"]);
    assert_eq!(found[0], found[1], "masked and written out, the same entities and values");
}

/// A word listed under two values of one lexicon table is answered by
/// `lookup` with the first value alone; the code that reads such a table must
/// use `lists` (or ask only whether the word is there at all). This keeps the
/// shipped tables' shared words known: a new one must be added here, once its
/// readers have been checked.
#[test]
fn lexicon_words_listed_under_two_values_are_known() {
    let rules = RuleSet::embedded().expect("rules load");
    let lex = &rules.lexicon;
    let mut shared: Vec<String> = Vec::new();
    for table in lex.tables.keys() {
        for (word, values) in lex.shared_words(table) {
            shared.push(format!("{table}: {word} = {}", values.join(" + ")));
        }
    }
    assert_eq!(
        shared,
        [
            // Read with lookup_prefix(..).is_some(): which language does not matter.
            "money_cue: грант = kk + ru",
            // Read with lists(): a time adverb opens a sentence and sits inside one.
            "not_organization: биыл = first + inside",
            "not_organization: бүгін = first + inside",
            "not_organization: кеше = first + inside",
        ]
    );
}

/// No lexicon list holds a word twice: a second copy is dead weight that an
/// edit of the first leaves behind.
#[test]
fn no_lexicon_list_holds_a_word_twice() {
    let rules = RuleSet::embedded().expect("rules load");
    let mut twice: Vec<String> = Vec::new();
    for (table, values) in &rules.lexicon.tables {
        for (value, words) in values {
            let mut seen = std::collections::HashSet::new();
            twice.extend(
                words.iter().filter(|w| !seen.insert(w.as_str())).map(|w| format!("{table}.{value}: {w}")),
            );
        }
    }
    assert!(twice.is_empty(), "{twice:?}");
}

/// Every name of more than one word in the organizations gazetteer is found
/// whole, alone in a plain sentence of its language: the vetoes written for
/// names a pattern finds (a locative-looking word, a plural of persons inside)
/// must never drop a curated one (Халықаралық олимпиада комитеті was, its
/// олимпиада read as a locative).
#[test]
fn every_multiword_gazetteer_organization_is_found_in_a_plain_sentence() {
    let file: toml::Table =
        toml::from_str(include_str!("../rules/gazetteers/organizations.toml")).expect("gazetteer parses");
    let engine = Engine::new(RuleSet::embedded().expect("rules load")).expect("engine builds");
    let frames = [
        ("ru", Lang::Ru, "Мы узнали, что ", " помогает людям."),
        ("kk", Lang::Kk, "Біз ", " арқылы бардық."),
    ];
    let mut missed = Vec::new();
    let mut tried = 0;
    for entry in file["entry"].as_array().expect("entries") {
        for (field, lang, before, after) in frames {
            let names = entry.get(field).and_then(toml::Value::as_array).into_iter().flatten();
            for name in names.filter_map(toml::Value::as_str).filter(|n| n.contains(' ')) {
                tried += 1;
                let found = engine
                    .extract_text(&format!("{before}{name}{after}"), lang)
                    .iter()
                    .any(|e| e.kind == derek::record::EntityType::Organization && e.text == name);
                if !found {
                    missed.push(format!("{field}: {name}"));
                }
            }
        }
    }
    assert!(tried > 100, "only {tried} names read");
    assert!(missed.is_empty(), "{missed:?}");
}

/// The shared macros of rules/common are embedded in many rules: a Unicode word
/// boundary (`\b`) in one of them keeps the regex crate's lazy DFA from searching
/// Cyrillic text and made the whole pipeline three times slower once (`т\b` in
/// UNIT). None may hold one (rules/README.md, "Speed").
#[test]
fn shared_macros_hold_no_word_boundary() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/common");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (i, line) in text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            checked += 1;
            assert!(
                !line.contains(r"\b") && !line.contains(r"\B"),
                "{}:{}: a word boundary in a shared macro: {line}",
                path.display(),
                i + 1
            );
        }
    }
    assert!(checked > 100, "rules/common was read ({checked} lines)");
}
