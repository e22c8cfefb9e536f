//! The golden test: derek's output for seeds/ is committed in
//! tests/golden/seeds.jsonl; any change in it fails this test until reviewed.
//! On failure it shows `derek diff` of the committed against the new output (entities
//! added, removed, changed, each in its sentence). After review, accept the new
//! output with `DEREK_BLESS=1 cargo test --test golden`.

use std::path::Path;
use std::process::Command;

#[test]
fn seeds_output_matches_the_committed_golden_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_derek"))
        .current_dir(root)
        .args(["extract", "--quiet", "seeds"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let golden = root.join("tests/golden/seeds.jsonl");
    if std::env::var_os("DEREK_BLESS").is_some() {
        std::fs::write(&golden, &out.stdout).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&golden).unwrap_or_default();
    let actual = String::from_utf8_lossy(&out.stdout);
    if expected == actual {
        return;
    }
    // Show the change the way a reviewer reads it: `derek diff` of committed against new.
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("seeds.new.jsonl");
    std::fs::write(&new, &out.stdout).unwrap();
    let diff = Command::new(env!("CARGO_BIN_EXE_derek"))
        .current_dir(root)
        .args(["diff", "--color", "never", "--text-from", "seeds", "tests/golden/seeds.jsonl"])
        .arg(&new)
        .output()
        .unwrap();
    let report = match diff.status.code() {
        Some(1) => String::from_utf8_lossy(&diff.stdout).into_owned(),
        Some(0) => {
            let line = expected.lines().zip(actual.lines()).position(|(e, a)| e != a).map_or_else(
                || format!("{} lines expected, {} found", expected.lines().count(), actual.lines().count()),
                |i| format!("first on line {}", i + 1),
            );
            format!("derek diff sees no difference in content; the bytes differ ({line}).\n")
        }
        _ => format!("derek diff failed: {}\n", String::from_utf8_lossy(&diff.stderr)),
    };
    panic!(
        "derek's output for seeds/ changed: derek diff tests/golden/seeds.jsonl NEW says\n\n{report}\n\
         Review, then accept with: DEREK_BLESS=1 cargo test --test golden"
    );
}
