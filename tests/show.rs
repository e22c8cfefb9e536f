//! End-to-end tests of `derek show` and `derek stats`: the report of the seeds,
//! records as input (with their text or with `--text-from`), the summary as JSON,
//! and the errors that stop a report.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::Value;

fn derek() -> Command {
    Command::new(env!("CARGO_BIN_EXE_derek"))
}

fn seeds() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds").to_string_lossy().into_owned()
}

fn run(args: &[&str]) -> Output {
    derek().args(args).output().unwrap()
}

fn run_ok(args: &[&str]) -> Output {
    let out = run(args);
    assert!(out.status.success(), "derek {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

/// Files made once for all tests (extracting the seeds takes seconds in a debug build).
struct Fixture {
    dir: PathBuf,
    /// `extract seeds`
    records: String,
    /// `extract --keep-text seeds`
    kept: String,
    /// `show seeds`
    report: String,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("show");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
        let (records, kept, report) = (path("seeds.jsonl"), path("kept.jsonl"), path("seeds.html"));
        let s = seeds();
        std::thread::scope(|scope| {
            scope.spawn(|| run_ok(&["extract", "--quiet", &s, "-o", &records]));
            scope.spawn(|| run_ok(&["extract", "--quiet", "--keep-text", &s, "-o", &kept]));
            scope.spawn(|| run_ok(&["show", "--quiet", &s, "-o", &report]));
        });
        Fixture { dir, records, kept, report }
    })
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn stats_json(records: &str) -> Value {
    let out = run_ok(&["stats", "--json", records]);
    serde_json::from_slice(&out.stdout).expect("stats --json prints JSON")
}

#[test]
fn the_report_of_the_seeds_highlights_every_entity_once() {
    let f = fixture();
    let html = read(&f.report);
    let stats = stats_json(&f.records);
    let entities = stats["entities"].as_u64().unwrap() as usize;
    assert!(entities > 50);
    assert_eq!(html.matches("data-entity=\"").count(), entities);
    assert_eq!(html.matches("<mark ").count(), entities);
    assert_eq!(html.matches("</mark>").count(), entities);
    assert_eq!(html.matches("<section class=\"doc\"").count(), 5);
    assert_eq!(html.matches("<div class=\"text\" lang=\"ru\">").count(), 3);
    assert_eq!(html.matches("<div class=\"text\" lang=\"kk\">").count(), 2);
    assert!(html.find("id=\"summary\"").unwrap() < html.find("id=\"doc-1\"").unwrap());
    assert!(!html.contains("src=") && !html.contains("href=\"http"), "self-contained");
    // Per document, the marks are the record's entities, each once.
    let recs: Vec<Value> = read(&f.records).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let sections: Vec<&str> = html.split("<section class=\"doc\"").skip(1).collect();
    for (r, section) in recs.iter().zip(&sections) {
        let n = r["entities"].as_array().unwrap().len();
        for i in 0..n {
            assert_eq!(section.matches(&format!("data-entity=\"{i}\"")).count(), 1, "{} entity {i}", r["id"]);
        }
        assert_eq!(section.matches("data-entity=").count(), n);
    }
}

#[test]
fn stats_json_shape() {
    let f = fixture();
    let s = stats_json(&f.records);
    assert_eq!(s["documents"], 5);
    assert_eq!(s["errors"], 0);
    assert_eq!(s["languages"], serde_json::json!({"kk": 2, "ru": 3}));
    let t = &s["types"];
    let sum: u64 = ["organization", "place", "date", "count"].iter().map(|k| t[k].as_u64().unwrap()).sum();
    assert_eq!(sum, s["entities"].as_u64().unwrap());
    for list in ["organizations", "places"] {
        let r = &s[list];
        assert!(r["distinct"].as_u64().unwrap() >= r["top"].as_array().unwrap().len() as u64);
        let first = &r["top"][0];
        assert!(first["key"].is_string() && first["names"][0].is_string());
        assert!(first["mentions"].as_u64().unwrap() >= first["documents"].as_u64().unwrap());
    }
    // Almaty is one row, whatever the language of the article.
    let almaty = s["places"]["top"].as_array().unwrap().iter().find(|p| p["key"] == "KZ-75").unwrap();
    assert!(almaty["documents"].as_u64().unwrap() >= 2);
    let counts = s["counts"].as_array().unwrap();
    let mentions: u64 = counts.iter().map(|c| c["mentions"].as_u64().unwrap()).sum();
    assert_eq!(mentions, t["count"].as_u64().unwrap());
    for c in counts {
        let parts: u64 = ["exact", "at_least", "at_most", "about", "order"]
            .iter()
            .map(|p| c[p]["mentions"].as_u64().unwrap())
            .sum();
        assert_eq!(parts, c["mentions"].as_u64().unwrap(), "{c}");
    }
    let dates = &s["dates"];
    let on_calendar: u64 =
        dates["timeline"].as_array().unwrap().iter().map(|d| d["mentions"].as_u64().unwrap()).sum();
    let apart: u64 = ["without_year", "relative"]
        .iter()
        .flat_map(|k| dates[k].as_array().unwrap())
        .map(|d| d["mentions"].as_u64().unwrap())
        .sum();
    assert_eq!(on_calendar + apart, t["date"].as_u64().unwrap());
    assert!(dates["timeline"][0]["year"].is_i64());

    let top1 = stats_json_top(&f.records, "1");
    assert_eq!(top1["places"]["top"].as_array().unwrap().len(), 1);

    let table = String::from_utf8(run_ok(&["stats", &f.records]).stdout).unwrap();
    assert!(table.starts_with("5 documents (kk 2, ru 3);"), "{table}");
    assert!(table.contains("Places") && table.contains("KZ-75") && table.contains("Counts per category"));
}

fn stats_json_top(records: &str, top: &str) -> Value {
    serde_json::from_slice(&run_ok(&["stats", "--json", "--top", top, records]).stdout).unwrap()
}

#[test]
fn records_show_the_same_report_with_their_text_or_text_from() {
    let f = fixture();
    let expected = read(&f.report);
    let from = f.dir.join("from.html").to_string_lossy().into_owned();
    run_ok(&["show", "--quiet", &f.records, "--text-from", &seeds(), "-o", &from]);
    assert!(read(&from) == expected, "records + --text-from give the report of the articles");
    let kept = f.dir.join("kept.html").to_string_lossy().into_owned();
    run_ok(&["show", "--quiet", &f.kept, "-o", &kept]);
    assert!(read(&kept) == expected, "records with their text give the report of the articles");
}

#[test]
fn records_without_text_need_text_from() {
    let f = fixture();
    // A folder of its own, to see that nothing is left in it.
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("none.html");
    let out = run(&["show", &f.records, "-o", out_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("seeds.jsonl:1: record \"000_104fcb57e43907bc\" has no text"), "{err}");
    assert!(err.contains("--text-from") && err.contains("--keep-text"), "{err}");
    assert!(!out_path.exists(), "no report is left behind");

    // Texts that are not the ones extract read.
    let other = dir.path().join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("000_104fcb57e43907bc.txt"), "Другой текст.").unwrap();
    let out =
        run(&["show", &f.records, "--text-from", other.to_str().unwrap(), "-o", out_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("characters, the record says 5143"), "{err}");
    assert!(!out_path.exists());
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, ["other"], "no scratch or temporary file is left behind");
}

#[test]
fn stats_errors() {
    let out = run(&["stats", &seeds()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a folder"));
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("a.jsonl");
    std::fs::write(&articles, "{\"id\": \"a\", \"text\": \"В Алматы.\"}\n").unwrap();
    let out = run(&["stats", articles.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("a.jsonl:1: not a record"));
}

#[test]
fn show_escapes_an_article_with_markup() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "<script>alert(1)</script> В Алматы более 50 тысяч волонтеров.").unwrap();
    let report = dir.path().join("r.html");
    run_ok(&["show", "--quiet", article.to_str().unwrap(), "-o", report.to_str().unwrap()]);
    let html = std::fs::read_to_string(&report).unwrap();
    assert_eq!(html.matches("<script>").count(), 1, "only the report's own script");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains(">Алматы</mark>"));
}

/// `show -o -` writes the report to standard output, the same report as to a file.
#[test]
fn show_to_standard_output() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let out = derek().current_dir(dir.path()).args(["show", "--quiet", &f.kept, "-o", "-"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..html.len().min(80)]);
    let file = dir.path().join("r.html");
    run_ok(&["show", "--quiet", &f.kept, "-o", file.to_str().unwrap()]);
    assert_eq!(html, std::fs::read_to_string(&file).unwrap());
    assert!(!dir.path().join("-").exists());
}
