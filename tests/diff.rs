//! End-to-end tests of `derek diff`: hand-made record pairs (an entity added,
//! removed, changed in value, moved; a document on one side only; identical
//! files; malformed input), the text and JSON reports, colour, `--text-from`,
//! `--gold` verdicts and the exit status with `--fail-on-regression`, and the
//! "Changing a rule" loop of the README on a one-line corpus.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const TEXT: &str = "В Алматы более 50 тысяч волонтеров. Акция прошла 4 декабря 2023 года.";

fn derek() -> Command {
    Command::new(env!("CARGO_BIN_EXE_derek"))
}

fn slice(start: usize, end: usize) -> String {
    TEXT.chars().skip(start).take(end - start).collect()
}

fn place(start: usize, end: usize, name: &str) -> String {
    format!(
        r#"{{"type":"place","start":{start},"end":{end},"text":"{}","sentence":0,"rule":"ru.place.gazetteer","value":{{"name":"{name}","key":"KZ-75"}}}}"#,
        slice(start, end)
    )
}

fn count(start: usize, end: usize, amount: u32, approx: &str) -> String {
    format!(
        r#"{{"type":"count","start":{start},"end":{end},"text":"{}","sentence":0,"rule":"ru.count.number_object","value":{{"amount":{amount},"approx":"{approx}","unit":null,"object":"волонтеров","category":"volunteers"}}}}"#,
        slice(start, end)
    )
}

fn date(start: usize, end: usize, value: &str) -> String {
    format!(
        r#"{{"type":"date","start":{start},"end":{end},"text":"{}","sentence":1,"rule":"ru.date.day_month_year","value":{{"value":"{value}"}}}}"#,
        slice(start, end)
    )
}

fn record(id: &str, entities: &[String]) -> String {
    format!(
        r#"{{"id":"{id}","source":"corpus.jsonl:1","lang":"ru","lang_score":1.0,"chars":69,"sentences":[{{"start":0,"end":35,"lang":"ru"}},{{"start":36,"end":69,"lang":"ru"}}],"entities":[{}]}}"#,
        entities.join(",")
    )
}

struct Files {
    dir: tempfile::TempDir,
}

impl Files {
    fn new() -> Files {
        Files { dir: tempfile::tempdir().unwrap() }
    }

    fn write(&self, name: &str, lines: &[String]) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, lines.iter().map(|l| format!("{l}\n")).collect::<String>()).unwrap();
        p
    }

    /// A gold file for the one document "d": Алматы and "более 50 тысяч" (> 50000).
    fn gold(&self) -> PathBuf {
        self.write(
            "gold.jsonl",
            &[format!(
                r#"{{"id":"d","lang":"ru","text":"{TEXT}","entities":[{{"type":"place","start":2,"end":8,"text":"Алматы","value":{{"name":"Алматы","key":"KZ-75"}}}},{{"type":"count","start":9,"end":34,"text":"более 50 тысяч волонтеров","value":{{"amount":50000,"approx":"gt","unit":null}}}}]}}"#
            )],
        )
    }
}

fn run(args: &[&Path], extra: &[&str]) -> Output {
    let mut c = derek();
    c.arg("diff").args(extra);
    for a in args {
        c.arg(a);
    }
    c.output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn diff_json(old: &Path, new: &Path, extra: &[&str]) -> (Option<i32>, Value) {
    let mut args = vec!["--json"];
    args.extend_from_slice(extra);
    let o = run(&[old, new], &args);
    (o.status.code(), serde_json::from_slice(&o.stdout).expect("--json writes JSON"))
}

#[test]
fn identical_files_exit_0() {
    let f = Files::new();
    let a = f.write("a.jsonl", &[record("d", &[place(2, 8, "Алматы")]), record("e", &[])]);
    let b = f.write("b.jsonl", &[record("d", &[place(2, 8, "Алматы")]), record("e", &[])]);
    let o = run(&[&a, &b], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("no differences (2 documents)"), "{}", stdout(&o));
}

#[test]
fn added_removed_changed_and_moved() {
    let f = Files::new();
    let old = f.write("old.jsonl", &[record("d", &[place(2, 8, "Алматы"), count(15, 34, 50000, "eq")])]);
    let new = f.write("new.jsonl", &[record("d", &[count(9, 34, 50000, "gt"), date(49, 67, "2023-12-04")])]);
    let o = run(&[&old, &new], &["--color", "never"]);
    assert_eq!(o.status.code(), Some(1), "differences exit 1");
    let out = stdout(&o);
    let expected = [
        "--- ",
        "@@ d: 1 added, 1 removed, 1 changed",
        "  place",
        "    - «Алматы» 2..8  name=Алматы key=KZ-75  ru.place.gazetteer",
        "  date",
        "    + «4 декабря 2023 год» 49..67  value=2023-12-04  ru.date.day_month_year",
        "  count",
        "    ~ «50 тысяч волонтеров» 15..34 → «более 50 тысяч волонтеров» 9..34  approx: eq → gt  ru.count.number_object",
    ];
    let mut at = 0;
    for line in expected {
        let found = out[at..].find(line).unwrap_or_else(|| panic!("{line:?} not in order in:\n{out}"));
        at += found + line.len();
    }
    assert!(!out.contains('\x1b'), "--color never");
    // The summary table: one row per type and per rule.
    let row = |name: &str| -> Vec<String> {
        out.lines()
            .find(|l| l.trim_start().starts_with(name) && l.trim_end().ends_with(char::is_numeric))
            .unwrap_or_else(|| panic!("no row {name} in:\n{out}"))
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    assert_eq!(row("count"), ["count", "0", "0", "1"]);
    assert_eq!(row("ru.place.gazetteer"), ["ru.place.gazetteer", "0", "1", "0"]);
    assert_eq!(row("total"), ["total", "1", "1", "1"]);
    assert!(out.contains("documents: 1 in OLD, 1 in NEW; 1 differ, 0 only in OLD, 0 only in NEW"), "{out}");
}

#[test]
fn same_span_other_value() {
    let f = Files::new();
    let old = f.write("old.jsonl", &[record("d", &[place(2, 8, "Алматы")])]);
    let new = f.write("new.jsonl", &[record("d", &[place(2, 8, "Алмата")])]);
    let (code, j) = diff_json(&old, &new, &[]);
    assert_eq!(code, Some(1));
    let c = &j["documents"][0]["changes"][0];
    assert_eq!(c["change"], "changed");
    assert_eq!(c["aspects"], serde_json::json!(["value"]));
    assert_eq!(c["old"]["value"]["name"], "Алматы");
    assert_eq!(c["new"]["value"]["name"], "Алмата");
    let text = stdout(&run(&[&old, &new], &[]));
    assert!(text.contains("~ «Алматы» 2..8  name: Алматы → Алмата  ru.place.gazetteer"), "{text}");
}

#[test]
fn documents_on_one_side_only() {
    let f = Files::new();
    let old = f.write("old.jsonl", &[record("a", &[]), record("gone", &[place(2, 8, "Алматы")])]);
    let new = f.write("new.jsonl", &[record("fresh", &[]), record("a", &[])]);
    let o = run(&[&old, &new], &[]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let gone = out.find("@@ gone: only in OLD (1 entity)").expect(&out);
    let fresh = out.find("@@ fresh: only in NEW (0 entities)").expect(&out);
    assert!(gone < fresh, "OLD's order first, then NEW-only documents");
    assert!(out.contains("1 only in OLD, 1 only in NEW"), "{out}");
    assert!(out.contains("total                0       0       0"), "not counted as entity changes:\n{out}");
    let (_, j) = diff_json(&old, &new, &[]);
    assert_eq!(j["summary"]["documents"]["only_old"], serde_json::json!(["gone"]));
    assert_eq!(j["summary"]["documents"]["only_new"], serde_json::json!(["fresh"]));
    assert_eq!(j["documents"][0]["presence"], "only_old");
    assert_eq!(j["documents"][0]["entities"], 1);
}

#[test]
fn malformed_input_on_either_side_exits_2_naming_file_and_line() {
    let f = Files::new();
    let good = f.write("good.jsonl", &[record("a", &[])]);
    let bad = f.write("bad.jsonl", &[record("a", &[]), "{\"id\": \"b\", oops".to_string()]);
    for (old, new) in [(&bad, &good), (&good, &bad)] {
        let o = run(&[old, new], &[]);
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(&format!("{}:2: not JSON", bad.display())), "{err}");
        assert!(o.stdout.is_empty(), "no partial report");
    }
    let bad_entity =
        f.write("e.jsonl", &[r#"{"id":"a","entities":[{"type":"city","start":0}]}"#.to_string()]);
    let o = run(&[&good, &bad_entity], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("e.jsonl:1: bad \"entities\""));
    let missing = f.dir.path().join("nope.jsonl");
    assert_eq!(run(&[&good, &missing], &[]).status.code(), Some(2));
}

#[test]
fn json_report_shape() {
    let f = Files::new();
    let old = f.write("old.jsonl", &[record("d", &[place(2, 8, "Алматы")])]);
    let new = f.write("new.jsonl", &[record("d", &[place(2, 8, "Алматы"), count(9, 34, 50000, "gt")])]);
    let (code, j) = diff_json(&old, &new, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(j["old"], old.display().to_string());
    assert_eq!(j["differences"], true);
    assert!(j["regressions"].is_null(), "not judged without gold");
    assert!(j["gold"].is_null());
    let d = &j["documents"][0];
    assert_eq!((d["id"].as_str(), d["presence"].as_str()), (Some("d"), Some("both")));
    let c = &d["changes"][0];
    assert_eq!(c["change"], "added");
    assert_eq!(c["type"], "count");
    assert_eq!(c["rule"], "ru.count.number_object");
    assert!(c["old"].is_null());
    assert_eq!(c["new"]["start"], 9);
    assert_eq!(c["new"]["value"]["approx"], "gt");
    assert_eq!(j["summary"]["types"]["count"], serde_json::json!({"added": 1, "removed": 0, "changed": 0}));
    assert_eq!(j["summary"]["rules"][0]["rule"], "ru.count.number_object");
    assert_eq!(j["summary"]["total"]["added"], 1);
    assert_eq!(j["summary"]["documents"]["differing"], 1);
    // Identical: still JSON, exit 0.
    let (code, j) = diff_json(&old, &old, &[]);
    assert_eq!(code, Some(0));
    assert_eq!(j["differences"], false);
    assert_eq!(j["documents"], serde_json::json!([]));
}

#[test]
fn sentences_from_text_from_the_record_and_colour() {
    let f = Files::new();
    let old = f.write("old.jsonl", &[record("d", &[])]);
    let new = f.write("new.jsonl", &[record("d", &[count(9, 34, 50000, "gt")])]);
    let marked = "В Алматы [более 50 тысяч волонтеров].";
    // Without text: entity text and offsets only.
    let out = stdout(&run(&[&old, &new], &[]));
    assert!(out.contains("«более 50 тысяч волонтеров» 9..34") && !out.contains(marked), "{out}");
    // --text-from a folder of articles (ids are file names) and a JSON Lines corpus.
    let articles = f.dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(articles.join("d.txt"), TEXT).unwrap();
    let corpus = f.write("corpus.jsonl", &[format!(r#"{{"id":"d","text":"{TEXT}"}}"#)]);
    for src in [&articles, &corpus] {
        let out = stdout(&run(&[&old, &new], &["--text-from", src.to_str().unwrap()]));
        assert!(out.contains(marked), "{src:?}: {out}");
    }
    let o = run(&[&old, &new], &["--text-from", f.dir.path().join("absent").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "an unreadable --text-from is trouble");
    // A "text" field in the record serves too.
    let with_text =
        record("d", &[count(9, 34, 50000, "gt")]).replacen('{', &format!(r#"{{"text":"{TEXT}","#), 1);
    let new_t = f.write("new_t.jsonl", &[with_text]);
    assert!(stdout(&run(&[&old, &new_t], &[])).contains(marked));
    // Colour: always, never, and auto (stdout is a pipe here: none).
    let always = stdout(&run(&[&old, &new_t], &["--color", "always"]));
    assert!(always.contains("\x1b[1;32mболее 50 тысяч волонтеров\x1b[0m"), "{always}");
    assert!(!stdout(&run(&[&old, &new_t], &["--color", "never"])).contains('\x1b'));
    assert!(!stdout(&run(&[&old, &new_t], &[])).contains('\x1b'));
}

#[test]
fn gold_judges_fixes_regressions_and_neutral_changes() {
    let f = Files::new();
    let gold = f.gold();
    let gold_s = gold.to_str().unwrap();
    // Old: place right, count with the wrong approx, a false date.
    let old = f.write(
        "old.jsonl",
        &[record("d", &[place(2, 8, "Алматы"), count(15, 34, 50000, "eq"), date(49, 67, "2023-12-04")])],
    );
    // New: place lost (regression), count right (fix), date still false (neutral).
    let new = f.write("new.jsonl", &[record("d", &[count(9, 34, 50000, "gt"), date(49, 58, "2023-12-04")])]);
    let (code, j) = diff_json(&old, &new, &["--gold", gold_s]);
    assert_eq!(code, Some(1));
    let verdicts: Vec<(&str, &str, &str)> = j["documents"][0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["type"].as_str().unwrap(), c["change"].as_str().unwrap(), c["verdict"].as_str().unwrap()))
        .collect();
    assert_eq!(
        verdicts,
        [("place", "removed", "regression"), ("date", "changed", "neutral"), ("count", "changed", "fix")]
    );
    assert_eq!(j["regressions"], 1);
    let f1 = &j["gold"]["value_f1"];
    assert_eq!(
        (f1["place"]["before"]["f1"].as_f64(), f1["place"]["after"]["f1"].as_f64()),
        (Some(1.0), Some(0.0))
    );
    assert_eq!(
        (f1["count"]["before"]["f1"].as_f64(), f1["count"]["after"]["f1"].as_f64()),
        (Some(0.0), Some(1.0))
    );
    assert_eq!(j["summary"]["types"]["count"]["fixes"], 1);
    assert_eq!(j["summary"]["total"]["regressions"], 1);
    // The text report: verdicts, F1 before and after, and the gold text gives the sentences.
    let out = stdout(&run(&[&old, &new], &["--gold", gold_s]));
    assert!(out.contains("ru.place.gazetteer  REGRESSION"), "{out}");
    assert!(out.contains("ru.count.number_object  fix"), "{out}");
    assert!(out.contains("now: В Алматы [более 50 тысяч волонтеров]."), "{out}");
    assert!(
        out.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["count", "1", "0.000", "1.000", "+1.000"]),
        "{out}"
    );
    assert!(out.contains("changes: 1 fix, 1 regression, 1 neutral"), "{out}");
    // --fail-on-regression: a regression fails whatever else improved ...
    let o = run(&[&old, &new], &["--gold", gold_s, "--fail-on-regression"]);
    assert_eq!(o.status.code(), Some(1));
    // ... and differences without a regression pass: the count fixed and the
    // false date dropped are both fixes.
    let only_fix = f.write("fix.jsonl", &[record("d", &[place(2, 8, "Алматы"), count(9, 34, 50000, "gt")])]);
    let o = run(&[&old, &only_fix], &["--gold", gold_s, "--fail-on-regression"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("changes: 2 fixes, 0 regressions, 0 neutral"), "{}", stdout(&o));
    // A false alarm added is a regression even where nothing was lost.
    let alarm = f.write(
        "alarm.jsonl",
        &[record(
            "d",
            &[
                place(2, 8, "Алматы"),
                count(15, 34, 50000, "eq"),
                date(49, 67, "2023-12-04"),
                place(24, 34, "X"),
            ],
        )],
    );
    let (code, j) = diff_json(&old, &alarm, &["--gold", gold_s, "--fail-on-regression"]);
    assert_eq!(code, Some(1));
    assert_eq!(j["documents"][0]["changes"][0]["verdict"], "regression");
    // Without --fail-on-regression the same pair exits 1: it differs.
    assert_eq!(run(&[&old, &only_fix], &["--gold", gold_s]).status.code(), Some(1));
    // --fail-on-regression needs --gold; a gold that matches no id is trouble.
    assert_eq!(run(&[&old, &only_fix], &["--fail-on-regression"]).status.code(), Some(2));
    let stranger = f.write("stranger.jsonl", &[record("zzz", &[])]);
    let o = run(&[&stranger, &stranger], &["--gold", gold_s, "--fail-on-regression"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("none of its 1 document ids"));
}

/// The README's loop on a one-line corpus: copy the rules, change one, extract with
/// both, diff against gold.
#[test]
fn changing_a_rule_shows_up_as_a_regression() {
    let f = Files::new();
    let corpus = f.write("corpus.jsonl", &[format!(r#"{{"id":"d","text":"{TEXT}"}}"#)]);
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let new_rules = f.dir.path().join("rules.new");
    copy_dir(&rules, &new_rules);
    // "более" moves from gt to about.
    let lex = new_rules.join("common/lexicon.toml");
    let text = std::fs::read_to_string(&lex).unwrap();
    let text =
        text.replacen("gt = [\"более\", ", "gt = [", 1).replacen("about = [", "about = [\"более\", ", 1);
    std::fs::write(&lex, text).unwrap();
    let base = f.dir.path().join("base.jsonl");
    let new = f.dir.path().join("new.jsonl");
    let extract = |rules: &Path, out: &Path| {
        let o = derek()
            .args(["extract", "--quiet", "--rules"])
            .args([rules, &corpus, Path::new("-o"), out])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    extract(&rules, &base);
    extract(&new_rules, &new);
    let gold = f.gold();
    let o = run(&[&base, &new], &["--gold", gold.to_str().unwrap(), "--fail-on-regression"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("approx: gt → about  ru.count.number_object  REGRESSION"), "{out}");
    assert!(out.contains("В Алматы [более 50 тысяч волонтеров]."), "{out}");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}
