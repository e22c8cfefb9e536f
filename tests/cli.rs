//! End-to-end tests of the `derek` binary: the pipeline over the seeds, input
//! kinds, determinism, errors that do not stop the batch.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

fn derek() -> Command {
    Command::new(env!("CARGO_BIN_EXE_derek"))
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

/// `derek extract --quiet - EXTRA...` with `input` on standard input: its records.
fn extract_stdin(input: &str, extra: &[&str]) -> Vec<Value> {
    let mut child = derek()
        .args(["extract", "--quiet", "-"])
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    records(&out.stdout)
}

fn run_ok(args: &[&str]) -> Vec<u8> {
    let out = derek().args(args).output().unwrap();
    assert!(out.status.success(), "derek {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[test]
fn seeds_languages_offsets_and_sentences() {
    let out = run_ok(&["extract", "--quiet", seeds().to_str().unwrap()]);
    let recs = records(&out);
    let langs: Vec<(&str, &str)> =
        recs.iter().map(|r| (r["id"].as_str().unwrap(), r["lang"].as_str().unwrap())).collect();
    assert_eq!(
        langs,
        [
            ("000_104fcb57e43907bc", "ru"),
            ("001_698266dcd5ed38bd", "kk"),
            ("002_1fc65b57c4236b9e", "ru"),
            ("003_12f6269e5992b855", "kk"),
            ("004_46a251cf4611923a", "ru")
        ]
    );
    for r in &recs {
        let text =
            std::fs::read_to_string(seeds().join(format!("{}.txt", r["id"].as_str().unwrap()))).unwrap();
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(r["chars"].as_u64().unwrap() as usize, chars.len());
        let doc_lang = r["lang"].as_str().unwrap();
        let sents = r["sentences"].as_array().unwrap();
        assert!(sents.len() > 5);
        let mut same = 0;
        let mut prev_end = 0;
        for s in sents {
            let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            assert!(prev_end <= a && a < b && b <= chars.len());
            prev_end = b;
            if s["lang"] == doc_lang {
                same += 1;
            }
        }
        assert!(same * 10 >= sents.len() * 9, "most sentences share the document's language");
        let ents = r["entities"].as_array().unwrap();
        assert!(!ents.is_empty());
        for e in ents {
            let (a, b) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
            let slice: String = chars[a..b].iter().collect();
            assert_eq!(e["text"].as_str().unwrap(), slice, "offsets are characters");
            let si = e["sentence"].as_u64().unwrap() as usize;
            assert!(si < sents.len());
            assert!(e["rule"].as_str().unwrap().contains('.'));
        }
    }
}

#[test]
fn same_bytes_whatever_the_thread_count() {
    let s = seeds();
    let one = run_ok(&["extract", "--quiet", "--jobs", "1", s.to_str().unwrap()]);
    let two = run_ok(&["extract", "--quiet", "--jobs", "2", s.to_str().unwrap()]);
    assert_eq!(one, two);
}

#[test]
fn json_lines_from_a_file_and_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("c.jsonl");
    std::fs::write(
        &f,
        "{\"id\": \"a\", \"text\": \"В Алматы более 50 тысяч волонтеров.\", \"date\": \"2024-05-01\"}\n\
         not json\n\
         {\"id\": \"c\"}\n\
         {\"id\": \"d\", \"text\": \"Биыл Астанада 300 еріктіге көмектесті.\"}\n",
    )
    .unwrap();
    let out = derek().args(["extract", "--quiet", f.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "some documents had errors");
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 4, "every line yields one record");
    assert_eq!(recs[0]["id"], "a");
    assert_eq!(recs[0]["date"], "2024-05-01");
    assert_eq!(recs[0]["lang"], "ru");
    assert!(recs[1]["error"].as_str().unwrap().contains("line 2"));
    assert!(recs[2]["error"].as_str().unwrap().contains("no \"text\""));
    assert_eq!(recs[3]["lang"], "kk");

    let recs =
        extract_stdin("{\"id\": \"s1\", \"text\": \"Еріктілер 600-ден астам іс-шара өткізді.\"}\n", &[]);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], "s1");
    assert_eq!(recs[0]["entities"][0]["type"], "count");
}

#[test]
fn nested_folders_and_an_unreadable_file() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    std::fs::create_dir_all(r.join("2024/dec")).unwrap();
    std::fs::write(r.join("2024/dec/a.txt"), "В Астане прошла акция.").unwrap();
    std::fs::write(r.join("b.txt"), "Алматыда акция өтті.").unwrap();
    // Invalid in every way: binary data cannot be decoded as text.
    std::fs::write(r.join("c.txt"), [0u8, 1, 2, 3, 0, 0, 0, 0, 0, 0, 5, 6]).unwrap();
    let out = derek().args(["extract", "--quiet", r.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out.stdout);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["2024/dec/a", "b", "c"]);
    assert!(recs[2]["error"].is_string());
    assert!(recs[0]["error"].is_null() && recs[1]["error"].is_null());
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let o = dir.path().join("out.jsonl");
    run_ok(&["extract", "--quiet", seeds().to_str().unwrap(), "-o", o.to_str().unwrap()]);
    let text = std::fs::read_to_string(&o).unwrap();
    assert_eq!(text.lines().count(), 5);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

#[test]
fn the_default_rules_pass_their_examples() {
    let out = derek().arg("check").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn a_bad_rule_names_file_line_and_rule() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("ru")).unwrap();
    std::fs::write(
        dir.path().join("ru/count.toml"),
        "# a comment\n\n[[rule]]\nid = \"ru.count.broken\"\npattern = '''(?P<num>\\d+'''\n",
    )
    .unwrap();
    let out = derek().args(["check", "--rules", dir.path().to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ru/count.toml:3: rule ru.count.broken: bad pattern"), "{err}");
}

#[test]
fn without_paths_extract_prints_help() {
    let out = derek().arg("extract").output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage"));
}

#[test]
fn keep_text_adds_the_text_and_nothing_else() {
    let s = seeds();
    let plain = records(&run_ok(&["extract", "--quiet", s.to_str().unwrap()]));
    let kept = records(&run_ok(&["extract", "--quiet", "--keep-text", s.to_str().unwrap()]));
    assert_eq!(plain.len(), kept.len());
    for (p, k) in plain.iter().zip(&kept) {
        let text = std::fs::read_to_string(s.join(format!("{}.txt", p["id"].as_str().unwrap()))).unwrap();
        assert_eq!(k["text"].as_str().unwrap(), text);
        assert!(p.get("text").is_none(), "no text unless asked for");
        let mut without = k.clone();
        without.as_object_mut().unwrap().remove("text");
        assert_eq!(&without, p);
    }
}

#[test]
fn relative_dates_resolve_against_the_document_date() {
    let input = "{\"id\":\"a\",\"text\":\"В прошлом году и вчера волонтеры помогли.\",\"date\":\"2024-03-01\"}\n\
                 {\"id\":\"b\",\"text\":\"В прошлом году волонтеры помогли.\"}\n\
                 {\"id\":\"c\",\"text\":\"В прошлом году волонтеры помогли.\",\"date\":\"not a date\"}\n";
    let dates = |extra: &[&str]| -> Vec<Vec<Value>> {
        extract_stdin(input, extra)
            .iter()
            .map(|r| r["entities"].as_array().unwrap().iter().map(|e| e["value"].clone()).collect())
            .collect()
    };
    let own = dates(&[]);
    assert_eq!(own[0][0], serde_json::json!({"value": "2023", "relative": "Y-1"}));
    assert_eq!(own[0][1], serde_json::json!({"value": "2024-02-29", "relative": "D-1"}), "leap day");
    assert_eq!(own[1][0], serde_json::json!({"value": "Y-1"}), "no date: unresolved");
    assert_eq!(own[2][0], serde_json::json!({"value": "Y-1"}), "a date that is not one: unresolved");
    let given = dates(&["--date", "2021-06-30"]);
    assert_eq!(given[0][0]["value"], "2023", "a document's own date wins");
    assert_eq!(given[1][0], serde_json::json!({"value": "2020", "relative": "Y-1"}));
    let bad = derek().args(["extract", "--date", "2021-02-30", "-"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a date"));
}

#[test]
fn costs_name_each_rule_that_ran_with_its_matches() {
    let out = derek().args(["extract", "--quiet", "--costs", "--jobs", "2"]).arg(seeds()).output().unwrap();
    assert!(out.status.success());
    // The records are the same as without --costs.
    assert_eq!(out.stdout, run_ok(&["extract", "--quiet", seeds().to_str().unwrap()]));
    let table = String::from_utf8(out.stderr).unwrap();
    let row = |id: &str| -> Vec<String> {
        let line = table
            .lines()
            .find(|l| l.split_whitespace().next() == Some(id))
            .unwrap_or_else(|| panic!("{id}: {table}"));
        line.split_whitespace().map(str::to_string).collect()
    };
    // The seeds have Russian counts: the rule ran over some sentences, found and kept some.
    let r = row("ru.count.number_object");
    let (sentences, matches, kept): (u64, u64, u64) =
        (r[1].parse().unwrap(), r[3].parse().unwrap(), r[4].parse().unwrap());
    assert!(sentences > 0 && matches > 0 && kept > 0 && kept <= matches, "{r:?}");
    assert!(table.lines().last().unwrap().starts_with("rules in all:"), "{table}");
}

/// `derek eval GOLD PRED`: a records file right after a gold file is scored
/// against it; derek's own run and its saved records score the same, a record
/// missing an entity scores lower, and records alone are refused with a reason.
#[test]
fn eval_scores_a_records_file_given_after_its_gold() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    let text = "В Павлодаре 120 волонтеров собрали 3 тонны помощи 5 марта 2024 года.";
    let line = serde_json::json!({
        "id": "g1", "lang": "ru", "text": text,
        "entities": [
            {"type": "place", "start": 2, "end": 11, "text": "Павлодаре", "value": {"name": "Павлодар"}},
            {"type": "count", "start": 12, "end": 26, "text": "120 волонтеров",
             "value": {"amount": 120, "approx": "eq", "unit": null, "object": "волонтеров", "category": "volunteers"}},
            {"type": "count", "start": 35, "end": 49, "text": "3 тонны помощи",
             "value": {"amount": 3, "approx": "eq", "unit": "t", "object": "помощи", "category": "aid"}},
            {"type": "date", "start": 50, "end": 67, "text": "5 марта 2024 года", "value": {"value": "2024-03-05"}},
        ]
    });
    std::fs::write(&gold, format!("{line}\n")).unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, format!("{}\n", serde_json::json!({"id": "g1", "text": text}))).unwrap();
    let pred = dir.path().join("pred.jsonl");
    run_ok(&["extract", "--quiet", input.to_str().unwrap(), "-o", pred.to_str().unwrap()]);
    let figures = |args: &[&str]| -> std::collections::BTreeMap<String, f64> {
        let mut all = vec!["eval", "--json"];
        all.extend_from_slice(args);
        let v: Value = serde_json::from_slice(&run_ok(&all)).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|f| (f["name"].as_str().unwrap().to_string(), f["value"].as_f64().unwrap()))
            .collect()
    };
    let own = figures(&[gold.to_str().unwrap()]);
    let saved = figures(&[gold.to_str().unwrap(), pred.to_str().unwrap()]);
    assert_eq!(own, saved);
    assert_eq!(saved["entities.gold.all.place.value_f1"], 1.0);
    assert_eq!(saved["entities.gold.all.count.value_f1"], 1.0);
    // Drop the place from the saved record: its recall falls to zero.
    let mut rec: Value = serde_json::from_str(std::fs::read_to_string(&pred).unwrap().trim()).unwrap();
    rec["entities"].as_array_mut().unwrap().retain(|e| e["type"] != "place");
    std::fs::write(&pred, format!("{rec}\n")).unwrap();
    let fewer = figures(&[gold.to_str().unwrap(), pred.to_str().unwrap()]);
    assert_eq!(fewer["entities.gold.all.place.value_f1"], 0.0);
    assert_eq!(fewer["entities.gold.all.count.value_f1"], 1.0);
    // Records with no gold before them are no gold file.
    let out = derek().args(["eval", pred.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pred.jsonl") && err.contains("not gold"), "{err}");
}

/// `-o -` writes the records to standard output (no file named `-`).
#[test]
fn output_dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, "{\"id\": \"a\", \"text\": \"В Алматы 20 волонтеров.\"}\n").unwrap();
    let out =
        derek().current_dir(dir.path()).args(["extract", "--quiet", "in.jsonl", "-o", "-"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], "a");
    assert!(!dir.path().join("-").exists(), "no file named -");
}

/// The text and rule of each entity derek finds in one document read from
/// standard input.
fn texts_and_rules(id: &str, text: &str) -> Vec<(String, String)> {
    let line = serde_json::json!({"id": id, "text": text});
    let rec = &extract_stdin(&format!("{line}\n"), &[])[0];
    rec["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["text"].as_str().unwrap().to_string(), e["rule"].as_str().unwrap().to_string()))
        .collect()
}

/// A sentence that mixes the languages clause by clause meets the rules of both:
/// the Russian body in its Russian clauses, the Kazakh fund in its Kazakh one.
#[test]
fn clauses_in_the_other_language_meet_its_rules() {
    let text = "Фестиваль пройдет в Семее 20 мая. Организаторы: Управление культуры области Абай, ОО «Общество инвалидов г. Семей», «Семей жарқын болашақ» қоғамдық қоры.";
    let found = texts_and_rules("m", text);
    let has = |t: &str, rule_prefix: &str| found.iter().any(|(x, r)| x == t && r.starts_with(rule_prefix));
    assert!(has("Управление культуры области Абай", "ru.organization"), "{found:?}");
    assert!(has("«Семей жарқын болашақ» қоғамдық қоры", "kk.organization"), "{found:?}");
}

/// A sentence that quotes speech in the other language meets the rules of both:
/// the Kazakh organization around the quote and the Russian count inside it.
#[test]
fn quoted_speech_in_the_other_language_meets_its_rules() {
    let text = "Жәрмеңкені қолдаған «Дала нұры» ЖШС-ның өкілі орыс тілінде сөйлеп: «Мы передали 200 комплектов зимней одежды и обуви, а в январе поможем еще 40 семьям из соседних сел», – деді.";
    let found = texts_and_rules("q", text);
    let has = |t: &str, rule_prefix: &str| found.iter().any(|(x, r)| x == t && r.starts_with(rule_prefix));
    assert!(has("«Дала нұры» ЖШС-ның", "kk.organization"), "{found:?}");
    assert!(has("200 комплектов", "ru.count"), "{found:?}");
    assert!(has("40 семьям", "ru.count"), "{found:?}");
}
