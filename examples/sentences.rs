//! Prints the sentences `derek::segment::split` finds in every `.txt` file of a
//! folder, one per line in brackets (line breaks shown as ⏎), to eyeball the
//! splitting: `cargo run --release --example sentences [DIR]` (default `seeds`).
//! Speed: `cargo bench --bench parts`.

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "seeds".into());
    let mut files: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(e) => {
            eprintln!("{dir}: {e}");
            std::process::exit(2);
        }
    };
    files.sort();
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("{}: not readable as UTF-8 text, skipped", path.display());
            continue;
        };
        println!("=== {}", path.display());
        for r in derek::segment::split(&text) {
            println!("[{}]", text[r].replace('\n', "⏎"));
        }
    }
}
