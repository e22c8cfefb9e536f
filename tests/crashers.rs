//! Regression tests from fuzzing: every file in `tests/crashers/` is an input that
//! once panicked the pipeline or broke its offsets (`cargo fuzz`, minimized with
//! `cargo fuzz tmin`); each goes through the pipeline again, read as the fuzz target
//! reads it, and its record is checked for the same invariants. A few odd inputs
//! written by hand go with them.

#[path = "support/invariants.rs"]
mod invariants;

use std::path::Path;
use std::sync::LazyLock;

use derek::extract::Engine;
use derek::rules::RuleSet;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new(RuleSet::embedded().unwrap()).unwrap());

fn check_bytes(name: &str, bytes: &[u8]) {
    invariants::process_and_check(name, &invariants::document(bytes), &ENGINE);
}

#[test]
fn minimized_crashers_pass_the_pipeline_with_valid_offsets() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/crashers");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut n = 0;
    for path in &files {
        check_bytes(&path.display().to_string(), &std::fs::read(path).unwrap());
        n += 1;
    }
    assert!(n > 0, "no crasher files in {}", dir.display());
}

#[test]
fn odd_inputs_pass_the_pipeline_with_valid_offsets() {
    let long_line = "Волонтеры помогли 3 572 семьям в Алматы ".repeat(500);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", b"".to_vec()),
        ("nuls", b"\0\0\0 \0.\0\n\0".to_vec()),
        ("nul in text", "В Алматы\0 5 тысяч\0 волонтеров.".into()),
        ("lone combining marks", "\u{301}\u{308} \u{301}. \u{301}А\u{301}лматы \u{301}".into()),
        ("CR only", "Акция в Астане\rПомогли 50 семьям.\r\rҚайырымдылық қоры\r".into()),
        ("U+2028/2029/0085", "Алматы\u{2028}5 мың\u{2029}тыс.\u{85}Астана.\u{85}".into()),
        ("long line", long_line.into()),
        ("RTL", "\u{202e}مرحبا Алматы\u{202c} 5 тыс. \u{200f}שלום.".into()),
        ("emoji", "🙂 Алматыда 👨‍👩‍👧 500-ге жуық 🇰🇿 отбасы. 🎉🎉".into()),
        ("Latin Kazakh", "Qazaqstan Respublikasy, Almaty qalasy, 2023 jyly 5 myñ eriktı.".into()),
        ("digits soup", "1,2,3.4.5 6 7 8 9,000.000,1 2-ші 3-ға 4—5 1 000 000 000 000 000 000 000 000".into()),
        ("huge number", format!("{} человек.", "9".repeat(400)).into()),
        ("punctuation only", "...!?;…»«()\"\"''—–-:;,.".into()),
        ("quotes and brackets", "«(\"« )) (( «Фонд «Добро»» \" ( . ) ». Г. А.".into()),
        ("BOM in the middle", "Алматы\u{feff} 2023 г.\u{feff}".into()),
        ("UTF-16", b"\xff\xfe\x10\x04\x3b\x04".to_vec()),
        (
            "Windows-1251",
            b"\xc2 \xe0\xeb\xec\xe0\xf2\xfb \xef\xee\xec\xee\xe3\xeb\xe8 5 \xf2\xfb\xf1.".to_vec(),
        ),
        ("invalid UTF-8", b"\xff\xfe\xfd \xc0\x80 \xed\xa0\x80 5 \xd1".to_vec()),
    ];
    for (name, bytes) in cases {
        check_bytes(name, &bytes);
    }
}
