//! Unit tests of the pairing, the notes, the summary and the rendering.

use super::*;
use crate::eval::entities::read_docs;

const TEXT: &str = "В Алматы более 50 тысяч волонтеров. Акция прошла 4 декабря 2023 года.";

fn place(start: usize, end: usize, name: &str, rule: &str) -> String {
    let text: String = TEXT.chars().skip(start).take(end - start).collect();
    format!(
        r#"{{"type":"place","start":{start},"end":{end},"text":"{text}","sentence":0,"rule":"{rule}","value":{{"name":"{name}","key":"KZ-75"}}}}"#
    )
}

fn count(start: usize, end: usize, amount: u32, approx: &str, rule: &str) -> String {
    let text: String = TEXT.chars().skip(start).take(end - start).collect();
    format!(
        r#"{{"type":"count","start":{start},"end":{end},"text":"{text}","sentence":0,"rule":"{rule}","value":{{"amount":{amount},"approx":"{approx}","unit":null,"object":"волонтеров","category":"people"}}}}"#
    )
}

fn date(start: usize, end: usize, value: &str) -> String {
    let text: String = TEXT.chars().skip(start).take(end - start).collect();
    format!(
        r#"{{"type":"date","start":{start},"end":{end},"text":"{text}","sentence":1,"rule":"ru.date.dmy","value":{{"value":"{value}"}}}}"#
    )
}

fn record(id: &str, entities: &[String]) -> String {
    format!(
        r#"{{"id":"{id}","source":"{id}.txt","lang":"ru","lang_score":1.0,"chars":69,"sentences":[{{"start":0,"end":35,"lang":"ru"}},{{"start":36,"end":69,"lang":"ru"}}],"entities":[{}]}}"#,
        entities.join(",")
    )
}

fn side(name: &str, lines: &[String]) -> Side {
    Side::parse(name, &lines.join("\n")).unwrap()
}

fn kinds(r: &Report) -> Vec<(ChangeKind, Vec<&'static str>)> {
    r.docs.iter().flat_map(|d| &d.changes).map(|c| (c.kind, c.aspects.names())).collect()
}

#[test]
fn identical_files_have_no_differences() {
    let a = side("a", &[record("d", &[place(2, 8, "Алматы", "ru.place.gazetteer")])]);
    let r = compare(&a, &a.clone());
    assert!(!r.has_differences());
    assert_eq!(r.exit_code(false), 0);
    assert!(render::text(&r, false).contains("no differences (1 document)"));
}

#[test]
fn four_passes_pair_the_entities() {
    let old = side(
        "old",
        &[record(
            "d",
            &[
                place(2, 8, "Алматы", "ru.place.gazetteer"),
                count(15, 23, 50000, "eq", "ru.count.people"),
                date(49, 68, "2023-12-04"),
            ],
        )],
    );
    let new = side(
        "new",
        &[record(
            "d",
            &[
                place(2, 8, "Алматы", "ru.place.other"),
                count(9, 23, 50000, "gt", "ru.count.people"),
                date(49, 58, "2023-12-04"),
            ],
        )],
    );
    let r = compare(&old, &new);
    // Grouped by type in EntityType order: place, date, count.
    assert_eq!(
        kinds(&r),
        [
            (ChangeKind::Changed, vec!["rule"]),
            (ChangeKind::Changed, vec!["span"]),
            (ChangeKind::Changed, vec!["span", "value"]),
        ]
    );
    let s = r.summary();
    assert_eq!(s.types[&EntityType::Place].changed, 1);
    // A rule change counts under both rules.
    assert_eq!(s.rules[&(EntityType::Place, "ru.place.gazetteer".to_string())].changed, 1);
    assert_eq!(s.rules[&(EntityType::Place, "ru.place.other".to_string())].changed, 1);
    assert_eq!(s.total.changed, 3);
    assert_eq!(r.exit_code(false), 1);
}

#[test]
fn same_span_other_text_is_a_change() {
    let old = side("old", &[record("d", &[place(2, 8, "Алматы", "r.p")])]);
    let new = side(
        "new",
        &[record("d", &[place(2, 8, "Алматы", "r.p").replace("\"text\":\"Алматы\"", "\"text\":\"Алмата\"")])],
    );
    let r = compare(&old, &new);
    assert_eq!(kinds(&r), [(ChangeKind::Changed, vec!["text"])]);
    assert!(render::text(&r, false).contains("«Алматы» 2..8 → «Алмата» 2..8"));
}

#[test]
fn unrelated_entities_are_added_and_removed_in_offset_order() {
    let old = side("old", &[record("d", &[date(49, 68, "2023-12-04"), place(2, 8, "Алматы", "r.p")])]);
    let new = side("new", &[record("d", &[count(15, 23, 50000, "eq", "r.c"), date(49, 68, "2023-12-04")])]);
    let r = compare(&old, &new);
    assert_eq!(kinds(&r), [(ChangeKind::Removed, vec![]), (ChangeKind::Added, vec![])]);
    let d = &r.docs[0];
    assert_eq!(d.changes[0].old.as_ref().unwrap().index, 1, "index into the old record's entities");
    assert_eq!(d.changes[1].new.as_ref().unwrap().index, 0);
    assert_eq!(d.changes[1].new.as_ref().unwrap().sentence, Some((0, 35)));
}

#[test]
fn same_value_moved_away_is_not_a_change() {
    // Another mention of the same place (no overlap): removed + added.
    let old = side("old", &[record("d", &[place(2, 8, "Алматы", "r.p")])]);
    let new = side("new", &[record("d", &[place(24, 34, "Алматы", "r.p")])]);
    let r = compare(&old, &new);
    assert_eq!(kinds(&r), [(ChangeKind::Removed, vec![]), (ChangeKind::Added, vec![])]);
}

#[test]
fn documents_on_one_side_fields_and_sentences() {
    let mut changed = record("b", &[]).replace(r#""lang_score":1.0"#, r#""lang_score":0.5"#);
    changed = changed.replace(r#"{"start":36,"end":69"#, r#"{"start":37,"end":69"#);
    let old = side("old", &[record("a", &[place(2, 8, "Алматы", "r.p")]), record("b", &[])]);
    let new = side("new", &[changed, record("c", &[])]);
    let r = compare(&old, &new);
    let ids: Vec<(&str, Presence)> = r.docs.iter().map(|d| (d.id.as_str(), d.presence)).collect();
    assert_eq!(ids, [("a", Presence::OnlyOld), ("b", Presence::Both), ("c", Presence::OnlyNew)]);
    assert_eq!(r.docs[0].entities, 1);
    assert!(r.docs[0].changes.is_empty(), "one-side documents are not counted as entity changes");
    let b = &r.docs[1];
    assert_eq!(b.fields.len(), 1);
    assert_eq!(b.fields[0].field, "lang_score");
    assert_eq!(b.sentences, Some(SentenceChange { old: 2, new: 2, only_old: 1, only_new: 1 }));
    let s = r.summary();
    assert_eq!(
        (s.differing, s.only_old.clone(), s.only_new.clone()),
        (1, vec!["a".into()], vec!["c".into()])
    );
    let t = render::text(&r, false);
    assert!(t.contains("@@ a: only in OLD (1 entity)"), "{t}");
    assert!(t.contains("lang_score: 1.0 → 0.5"), "{t}");
    assert!(t.contains("sentences: 2 → 2 (1 only in OLD, 1 only in NEW)"), "{t}");
}

#[test]
fn malformed_lines_are_named() {
    let good = record("a", &[]);
    let e = Side::parse("x.jsonl", &format!("{good}\n\n{{oops")).unwrap_err();
    assert!(e.to_string().starts_with("x.jsonl:3: not JSON"), "{e}");
    let e = Side::parse("x.jsonl", r#"{"id":"a","entities":[{"type":"place"}]}"#).unwrap_err();
    assert!(e.to_string().starts_with("x.jsonl:1: bad \"entities\""), "{e}");
    let e = Side::parse("x.jsonl", &format!("{good}\n{good}")).unwrap_err();
    assert!(e.to_string().contains("x.jsonl:2: id \"a\" already on line 1"), "{e}");
}

#[test]
fn text_shows_sentences_and_the_changed_fields() {
    let old = side("old", &[record("d", &[count(15, 23, 50000, "eq", "ru.count.people")])]);
    let new = side("new", &[record("d", &[count(9, 23, 50000, "gt", "ru.count.people")])]);
    let mut r = compare(&old, &new);
    let plain = render::text(&r, false);
    assert!(plain.contains("«50 тысяч» 15..23 → «более 50 тысяч» 9..23  approx: eq → gt"), "{plain}");
    assert!(!plain.contains("was:"), "no sentences without the text: {plain}");
    r.texts.insert("d".into(), TEXT.into());
    let plain = render::text(&r, false);
    assert!(plain.contains("was: В Алматы более [50 тысяч] волонтеров."), "{plain}");
    assert!(plain.contains("now: В Алматы [более 50 тысяч] волонтеров."), "{plain}");
    assert!(!plain.contains('\x1b'));
    let colored = render::text(&r, true);
    assert!(colored.contains("\x1b[1;32mболее 50 тысяч\x1b[0m"), "{colored}");
    // A text that does not match the record shows no sentence rather than a wrong one.
    r.texts.insert("d".into(), "something else entirely, long enough to slice".into());
    assert!(!render::text(&r, false).contains("now:"));
}

#[test]
fn gold_verdicts_and_f1() {
    let dir = tempfile::tempdir().unwrap();
    let gold_path = dir.path().join("gold.jsonl");
    std::fs::write(
        &gold_path,
        format!(
            r#"{{"id":"d","lang":"ru","text":"{TEXT}","entities":[{{"type":"place","start":2,"end":8,"text":"Алматы","value":{{"name":"Алматы"}}}},{{"type":"count","start":9,"end":23,"text":"более 50 тысяч","value":{{"amount":50000,"approx":"gt","unit":null}}}}]}}"#
        ),
    )
    .unwrap();
    let gold = read_docs(&gold_path).unwrap();
    // Old: the count with the wrong approx, the place right, a false date.
    let old = side(
        "old",
        &[record(
            "d",
            &[place(2, 8, "Алматы", "r.p"), count(15, 23, 50000, "eq", "r.c"), date(49, 68, "2023-12-04")],
        )],
    );
    // New: count fixed (fix), place lost (regression), date span moved (wrong both: neutral).
    let new = side("new", &[record("d", &[count(9, 23, 50000, "gt", "r.c"), date(49, 58, "2023-12-04")])]);
    let mut r = compare(&old, &new);
    gold::judge(&mut r, &old, &new, "gold.jsonl", &gold).unwrap();
    let v: Vec<(ChangeKind, Option<Verdict>)> =
        r.docs[0].changes.iter().map(|c| (c.kind, c.verdict)).collect();
    assert_eq!(
        v,
        [
            (ChangeKind::Removed, Some(Verdict::Regression)),
            (ChangeKind::Changed, Some(Verdict::Neutral)),
            (ChangeKind::Changed, Some(Verdict::Fix)),
        ]
    );
    assert_eq!(r.regressions(), 1);
    assert_eq!(r.exit_code(true), 1);
    let g = r.gold.as_ref().unwrap();
    let f1 = |t: EntityType| g.types.iter().find(|x| x.kind == t).map(|x| (x.before.f1, x.after.f1)).unwrap();
    assert_eq!(f1(EntityType::Count), (0.0, 1.0));
    assert_eq!(f1(EntityType::Place), (1.0, 0.0));
    // The gold text gives the sentences.
    assert!(render::text(&r, false).contains("[Алматы]"));
    // Gold that shares no id with the records is trouble, not silence.
    let other = side("other", &[record("zzz", &[])]);
    let mut r = compare(&other, &other);
    assert!(gold::judge(&mut r, &other, &other, "gold.jsonl", &gold).is_err());
}
