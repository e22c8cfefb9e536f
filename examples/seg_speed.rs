//! Single-thread speed of `derek::segment::split` over the seed news repeated.
//!
//! `cargo run --release --example seg_speed [DIR] [MB]` (defaults: `seeds`, 64).
//! With `--print` as the first argument it prints the sentences of every file in DIR
//! instead, one per line, to eyeball the splitting.

use std::time::Instant;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let print = args.first().is_some_and(|a| a == "--print");
    if print {
        args.remove(0);
    }
    let dir = args.first().cloned().unwrap_or_else(|| "seeds".into());
    let mb: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(64);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("read dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let texts: Vec<String> = files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    if print {
        for (path, text) in files.iter().zip(&texts) {
            println!("=== {}", path.display());
            for r in derek::segment::split(text) {
                println!("[{}]", text[r].replace('\n', "⏎"));
            }
        }
        return;
    }
    let one: String = texts.join("\n\n");
    assert!(!one.is_empty(), "no .txt files in {dir}");
    let mut big = String::with_capacity(mb << 20);
    while big.len() < mb << 20 {
        big.push_str(&one);
        big.push_str("\n\n");
    }
    // As one document, and as many documents of the seeds' size.
    for round in 0..3 {
        let t = Instant::now();
        let n = derek::segment::split(&big).len();
        let secs = t.elapsed().as_secs_f64();
        println!(
            "round {round}: one document of {:.1} MB: {n} sentences, {:.0} MB/s",
            big.len() as f64 / 1e6,
            big.len() as f64 / 1e6 / secs
        );
    }
    let t = Instant::now();
    let mut n = 0;
    let mut bytes = 0;
    while bytes < big.len() {
        for text in &texts {
            n += derek::segment::split(text).len();
            bytes += text.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "separate documents, {:.1} MB: {n} sentences, {:.0} MB/s",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
}
