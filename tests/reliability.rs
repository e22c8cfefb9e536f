//! Messy inputs: every document gives exactly one record (its entities or an
//! error), offsets stay valid whatever the bytes, and an interrupted run leaves
//! the previous output file as it was.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn derek() -> Command {
    Command::new(env!("CARGO_BIN_EXE_derek"))
}

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

/// Every offset is a character position whose text equals the slice; sentences
/// are in order, do not overlap and lie within the text.
fn assert_valid(rec: &Value, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(rec["chars"].as_u64().unwrap() as usize, chars.len(), "{}", rec["id"]);
    let sentences = rec["sentences"].as_array().unwrap();
    let mut last = 0;
    for s in sentences {
        let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert!(last <= a && a <= b && b <= chars.len(), "sentence {a}..{b} after {last}");
        last = b;
    }
    for e in rec["entities"].as_array().unwrap() {
        let (a, b) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        assert!(a < b && b <= chars.len());
        let slice: String = chars[a..b].iter().collect();
        assert_eq!(e["text"].as_str().unwrap(), slice);
        assert!((e["sentence"].as_u64().unwrap() as usize) < sentences.len());
    }
}

/// Run derek over one file with these bytes; its record.
fn one(bytes: &[u8]) -> (Value, Option<i32>) {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("doc.txt");
    std::fs::write(&f, bytes).unwrap();
    let out = derek().args(["extract", "--quiet", f.to_str().unwrap()]).output().unwrap();
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1, "exactly one record: {}", String::from_utf8_lossy(&out.stderr));
    (recs.into_iter().next().unwrap(), out.status.code())
}

#[test]
fn empty_and_whitespace_only_files_give_empty_records() {
    for bytes in [&b""[..], b"   \n\t\r\n  ", "\u{feff}".as_bytes()] {
        let (rec, code) = one(bytes);
        assert_eq!(code, Some(0));
        assert!(rec["error"].is_null());
        assert_eq!(rec["sentences"].as_array().unwrap().len(), 0, "{bytes:?}");
        assert_eq!(rec["lang"], "und");
    }
}

#[test]
fn line_endings_bom_and_nul_bytes_keep_offsets_right() {
    let text = "В Алматы прошла акция.\r\nБолее 50 волонтеров помогли.\rАлматыда 200 еріктілер жұмыс істеді.";
    let (rec, _) = one(text.as_bytes());
    assert_valid(&rec, text);
    assert_eq!(rec["sentences"].as_array().unwrap().len(), 3, "CR and CRLF end lines");
    // A BOM is removed; offsets count from the text after it.
    let (bom, _) = one(format!("\u{feff}{text}").as_bytes());
    assert_eq!(bom["entities"], rec["entities"]);
    // Stray NULs are text, not a reason to refuse the document.
    let nul = "В Астане\u{0} прошла акция, 30 волонтеров.\u{0}";
    let (rec, code) = one(nul.as_bytes());
    assert_eq!(code, Some(0));
    assert_valid(&rec, nul);
}

#[test]
fn a_line_of_several_megabytes_without_punctuation() {
    let text = "волонтеры помогли 5 семьям в Астане ".repeat(50_000); // 3 MB, no sentence end
    let (rec, code) = one(text.as_bytes());
    assert_eq!(code, Some(0));
    assert_valid(&rec, &text);
    assert!(rec["entities"].as_array().unwrap().len() >= 50_000, "entities all along the line");
}

#[test]
fn legacy_encodings_are_decoded_and_named() {
    let text = "Более пятидесяти волонтеров помогали семьям в Алматы этой зимой.";
    for (enc, name) in [(encoding_rs::WINDOWS_1251, "windows-1251"), (encoding_rs::KOI8_R, "KOI8-R")] {
        let (bytes, _, _) = enc.encode(text);
        let (rec, code) = one(&bytes);
        assert_eq!(code, Some(0));
        assert_eq!(rec["encoding"], name);
        assert_valid(&rec, text);
        assert_eq!(rec["lang"], "ru");
    }
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let (rec, _) = one(&utf16);
    assert_eq!(rec["encoding"], "UTF-16LE");
    assert_valid(&rec, text);
}

#[test]
fn latin_kazakh_and_mixed_scripts_do_not_break_anything() {
    for text in [
        "Qazaqstanda 500 eriktı jūmys ıstedı. Almaty qalasynda aksia ötti.",
        "Алматыда Qazaqstan volunteers 50 адам ☺ ٣٠ متطوع 😀 e\u{301} көмек көрсетті.",
        "\u{202e}Астана\u{202c} 10 мың\u{200d} еріктілер",
    ] {
        let (rec, code) = one(text.as_bytes());
        assert_eq!(code, Some(0), "{text}");
        assert_valid(&rec, text);
        assert!(["ru", "kk", "und"].contains(&rec["lang"].as_str().unwrap()));
    }
}

#[test]
fn a_vanished_file_and_a_symlink_loop_are_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    std::fs::write(r.join("a.txt"), "В Астане прошла акция.").unwrap();
    std::os::unix::fs::symlink(r, r.join("loop")).unwrap();
    std::os::unix::fs::symlink(r.join("gone.txt"), r.join("b.txt")).unwrap(); // dangling: vanished
    let out = derek().args(["extract", "--quiet", r.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out.stdout);
    let a = recs.iter().find(|r| r["id"] == "a").expect("the good file is processed");
    assert!(a["error"].is_null());
    let b = recs.iter().find(|r| r["id"] == "b").expect("the vanished file has a record");
    assert!(b["error"].as_str().unwrap().contains("not found"), "{b}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("loop"), "the loop is named");
}

#[test]
fn ctrl_c_leaves_the_previous_output_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut corpus = String::new();
    let texts: Vec<String> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    for i in 0..2_000 {
        let line = serde_json::json!({"id": i.to_string(), "text": texts[i % texts.len()]});
        corpus.push_str(&line.to_string());
        corpus.push('\n');
    }
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, corpus).unwrap();
    let out = dir.path().join("out.jsonl");
    std::fs::write(&out, "PREVIOUS\n").unwrap();
    let child = derek()
        .args(["extract", "--quiet", "--jobs", "1", input.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the run is writing its temporary file, then interrupt it.
    let started = Instant::now();
    while std::fs::read_dir(dir.path()).unwrap().count() < 3 {
        assert!(started.elapsed() < Duration::from_secs(60), "no temporary file appeared");
        std::thread::sleep(Duration::from_millis(10));
    }
    let kill = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    let result = child.wait_with_output().unwrap();
    assert_eq!(result.status.code(), Some(130), "{}", String::from_utf8_lossy(&result.stderr));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "PREVIOUS\n");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "the temporary file is removed: {names:?}");
}

#[test]
fn a_file_too_large_to_hold_is_processed_in_windows_with_the_same_result() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names: Vec<_> = std::fs::read_dir(&seeds).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    let mut text = String::new();
    for _ in 0..6 {
        for n in &names {
            text.push_str(&std::fs::read_to_string(n).unwrap());
            text.push_str("\n\n");
        }
    }
    // Windows-1251 has no Kazakh letters: the Russian seeds only.
    let russian: String = names
        .iter()
        .filter(|n| {
            ["000", "002", "004"].iter().any(|p| n.file_name().unwrap().to_str().unwrap().starts_with(p))
        })
        .map(|n| std::fs::read_to_string(n).unwrap() + "\n\n")
        .collect::<String>()
        .repeat(6);
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, encoding) in [
        ("utf8.txt", text.as_bytes().to_vec(), None),
        ("bom.txt", format!("\u{feff}{text}").into_bytes(), None),
        ("cp1251.txt", encoding_rs::WINDOWS_1251.encode(&russian).0.to_vec(), Some("windows-1251")),
    ] {
        let f = dir.path().join(name);
        std::fs::write(&f, &bytes).unwrap();
        let whole = derek().args(["extract", "--quiet", f.to_str().unwrap()]).output().unwrap();
        // Windows of 8 kB: dozens of them.
        let windowed = derek()
            .env("DEREK_LARGE_BYTES", "32768")
            .args(["extract", "--quiet", f.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(windowed.status.success(), "{}", String::from_utf8_lossy(&windowed.stderr));
        let (a, b) = (&records(&whole.stdout)[0], &records(&windowed.stdout)[0]);
        let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(a), keys(b), "same fields in the same order");
        // The document's language is decided over the whole file first, so every
        // window leans towards it: the same sentences with the same languages, and
        // places named in the document's language (a Kazakh window of a Russian file).
        for k in ["id", "source", "lang", "lang_score", "chars", "encoding", "sentences", "entities"] {
            assert!(a[k] == b[k], "{name}: {k} differs");
        }
        assert_eq!(b["encoding"].as_str(), encoding);
        let decoded = if encoding.is_some() {
            encoding_rs::WINDOWS_1251.decode(&bytes).0.into_owned()
        } else {
            text.clone()
        };
        assert_valid(b, &decoded);
        assert!(b["entities"].as_array().unwrap().len() > 100);
    }
}

#[test]
fn a_path_that_cannot_be_read_is_a_warning_naming_it_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "В Астане прошла акция.").unwrap();
    let missing = dir.path().join("no-such-folder");
    let out = derek()
        .args(["extract", "--quiet", missing.to_str().unwrap(), good.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no-such-folder: no such file or folder"), "the path and the reason: {stderr}");
    assert!(!stderr.contains("removed during the run"), "a path never there is no race: {stderr}");
    let recs = records(&out.stdout);
    assert!(recs.iter().any(|r| r["id"] == "good" && r["error"].is_null()), "the good file is processed");
}
