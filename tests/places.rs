//! Place values in the document's language: a name written in the other
//! language's spelling (a Kazakh headline in a Russian article) is named as the
//! document's language names it (GUIDELINES: the nominative in the text's
//! language), while a name both languages write alike keeps its own lemma.

use derek::input::Document;
use derek::pipeline;
use derek::record::{EntityType, Value};

fn places(text: &str) -> Vec<(String, String)> {
    let engine = derek::extract::Engine::new(derek::rules::RuleSet::embedded().expect("rules load"))
        .expect("rules compile");
    let doc =
        Document { id: "d".into(), source: "test".into(), text: text.into(), date: None, encoding: None };
    let record = pipeline::process(&doc, &engine);
    record
        .entities
        .into_iter()
        .filter(|e| e.kind == EntityType::Place)
        .map(|e| match e.value {
            Value::Place { name, .. } => (e.text, name),
            other => panic!("a place value, not {other:?}"),
        })
        .collect()
}

#[test]
fn a_kazakh_spelling_in_a_russian_article_is_named_in_russian() {
    let text = "Ақтау мен Алматы: апта жаңалықтары\n\
                В Актау открылся новый волонтерский центр. Волонтеры Актау и Алматы помогают \
                пожилым людям, сообщает пресс-служба. В городе работают десятки добровольцев.";
    let found = places(text);
    assert!(found.contains(&("Ақтау".to_string(), "Актау".to_string())), "{found:?}");
    assert!(found.contains(&("Актау".to_string(), "Актау".to_string())), "{found:?}");
    assert!(found.iter().filter(|(t, _)| t == "Алматы").all(|(_, n)| n == "Алматы"), "{found:?}");
}

#[test]
fn the_same_name_in_a_kazakh_article_stays_kazakh() {
    let text = "Ақтау қаласында жаңа еріктілер орталығы ашылды. Еріктілер қарттарға көмектесіп жүр.";
    assert_eq!(places(text), vec![("Ақтау".to_string(), "Ақтау".to_string())]);
}

#[test]
fn a_kazakh_name_before_a_level_adjective_in_a_russian_article_is_respelled() {
    // A Kazakh quote in a Russian article: the district's bare name, in Russian
    // letters where Russian names it so (Сарыагаш); Жетису is no Russian name,
    // so Жетісу stays as written.
    let text = "В Сарыагашском районе собрали школьную форму для 300 детей. Акцию поддержали \
                предприниматели района и волонтеры молодежного центра, которые две недели \
                собирали рюкзаки, тетради и канцелярию по всем селам района.\n\
                «Барлық демеушілерге алғыс айтамыз», – деді Сарыағаш аудандық білім бөлімінің басшысы. \
                Қан Жетісу облыстық қан орталығына тапсырылды.";
    let found = places(text);
    assert!(found.contains(&("Сарыағаш".to_string(), "Сарыагаш".to_string())), "{found:?}");
    assert!(found.contains(&("Жетісу".to_string(), "Жетісу".to_string())), "{found:?}");
}

#[test]
fn a_regions_bare_kazakh_name_in_a_russian_article_keeps_its_bare_name() {
    // Маңғыстау without облысы: Мангыстау (a Russian name of the region's
    // entry), not the region's full name Мангистауская область.
    let text = "Студенты вместе с сотрудниками КГУ «Маңғыстау орман шаруашылығы» высадили \
                3 тысячи саженцев саксаула возле поселка Бейнеу. В посадке участвовали 86 студентов.";
    let found = places(text);
    assert!(found.contains(&("Маңғыстау".to_string(), "Мангыстау".to_string())), "{found:?}");
}
