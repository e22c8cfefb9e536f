//! The golden test: derek's output for seeds/ is committed in
//! tests/golden/seeds.jsonl; any change in it fails this test until reviewed.
//! After review, accept the new output with `DEREK_BLESS=1 cargo test --test golden`.

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
    if expected != actual {
        let mut report = String::new();
        for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
            if e != a {
                let ev: serde_json::Value = serde_json::from_str(e).unwrap();
                let av: serde_json::Value = serde_json::from_str(a).unwrap();
                report.push_str(&format!("document {} ({}):\n", i + 1, av["id"]));
                let ents = |v: &serde_json::Value| -> Vec<String> {
                    v["entities"].as_array().unwrap().iter().map(|x| x.to_string()).collect()
                };
                let (old, new) = (ents(&ev), ents(&av));
                for x in old.iter().filter(|x| !new.contains(x)) {
                    report.push_str(&format!("  - {x}\n"));
                }
                for x in new.iter().filter(|x| !old.contains(x)) {
                    report.push_str(&format!("  + {x}\n"));
                }
                if ev["sentences"] != av["sentences"] {
                    report.push_str("  sentences changed\n");
                }
            }
        }
        panic!(
            "derek's output for seeds/ changed ({} lines expected, {} found).\n{report}\
             Review, then accept with: DEREK_BLESS=1 cargo test --test golden",
            expected.lines().count(),
            actual.lines().count()
        );
    }
}
